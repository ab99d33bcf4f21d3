"""``make eval``'s machinery: folds that partition the cases, honest intervals, the dismissal
equivalence, tuning that sees only the training folds, and a clean skip with no data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).parents[2] / "eval"
sys.path.insert(0, str(EVAL))

import cases_data  # noqa: E402
import crossval  # noqa: E402

from misconduct.rules.vocabulary import Outcome  # noqa: E402
from tests.assessment.builders import make_facts  # noqa: E402


def _case(n: int, outcome: Outcome, factors: list[str]) -> cases_data.RealCase:
    return cases_data.RealCase(
        f"case-{n}", "corpus", make_facts(factors), outcome, "misconduct_hearing", "gross", ""
    )


def test_folds_partition_every_case_into_k_folds_of_near_equal_size() -> None:
    fold = crossval.folds(23)
    sizes = [fold.count(k) for k in range(crossval.K)]
    assert sum(sizes) == 23 and max(sizes) - min(sizes) <= 1


def test_bootstrap_interval_contains_the_mean_and_is_degenerate_for_constant_values() -> None:
    mean, lo, hi = crossval.bootstrap([1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0])
    assert lo <= mean <= hi and mean == pytest.approx(5 / 8)
    assert crossval.bootstrap([1.0] * 10) == (1.0, 1.0, 1.0)


def test_any_form_of_dismissal_matches_any_other_and_nothing_else() -> None:
    assert crossval.same(Outcome.DISMISSAL_WITH_NOTICE, Outcome.WOULD_HAVE_BEEN_DISMISSED)
    assert not crossval.same(Outcome.FINAL_WRITTEN_WARNING, Outcome.DISMISSAL_WITHOUT_NOTICE)


def test_each_held_out_case_is_answered_by_a_configuration_chosen_without_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(crossval, "MA_TOP", (1,))  # a smaller grid keeps the test fast
    monkeypatch.setattr(crossval, "FWW_TOP", (4,))
    monkeypatch.setattr(crossval, "FWW_LOW", (3,))
    monkeypatch.setattr(crossval, "FWW_TOP_2012", (0,))
    monkeypatch.setattr(crossval, "RIR_TOP", (5,))
    cases = [
        _case(i, Outcome.DISMISSAL_WITHOUT_NOTICE if i % 3 else Outcome.FINAL_WRITTEN_WARNING, f)
        for i, f in enumerate([["reckless"], ["intentional_or_deliberate"], []] * 4)
    ]
    rows, runs = crossval.cross_validate(cases)
    assert len(rows) == len(cases)
    fold = crossval.folds(len(cases))
    for i, row in enumerate(rows):
        train = [j for j in range(len(cases)) if fold[j] != fold[i]]
        best = max(
            (c for c in runs if c != crossval.SHIPPED),
            key=lambda c: crossval._objective(runs[c], cases, train),
        )
        assert row.config == best
        assert all(0.0 < p < 1.0 for p in row.likelihood)


def test_the_eval_skips_cleanly_with_no_cases(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import run

    monkeypatch.setattr(cases_data, "CORPUS", tmp_path / "none")
    monkeypatch.setattr(cases_data, "CASES", tmp_path / "none")
    monkeypatch.delenv("MISCONDUCT_EVAL_CORPUS", raising=False)
    assert run.main() == 0
    assert "skipped" in capsys.readouterr().out
