"""The tables the rules read instead of recomputing (severity, labels, regime decisions) give the
same answers as the definitions they replace, and a kept regime decision equals a fresh one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from misconduct.assessment.factors import Level
from misconduct.rules.catalogue import catalogue_or_default, default_catalogue, load_catalogue
from misconduct.rules.regime import Regime, determine_regime, regime_cache_clear
from misconduct.rules.vocabulary import Finding, Forum, Outcome, Rank


@pytest.mark.parametrize("vocabulary", [Forum, Finding, Outcome, Rank])
def test_label_is_the_value_in_words(vocabulary: type[Forum]) -> None:
    for member in vocabulary:
        assert member.label == member.value.replace("_", " ").capitalize()


def test_severity_is_the_order_of_the_outcomes() -> None:
    assert [o.severity for o in Outcome] == list(range(len(Outcome)))
    assert sorted(Outcome, key=lambda o: o.severity) == list(Outcome)


def test_dismissals_and_senior_ranks() -> None:
    assert {o for o in Outcome if o.is_dismissal} == {
        Outcome.DISMISSAL_WITH_NOTICE,
        Outcome.DISMISSAL_WITHOUT_NOTICE,
        Outcome.WOULD_HAVE_BEEN_DISMISSED,
    }
    ranks = list(Rank)
    senior = ranks.index(Rank.CHIEF_SUPERINTENDENT)
    assert [r.is_senior_officer for r in ranks] == [i > senior for i in range(len(ranks))]


def test_regime_labels_and_level_ranks() -> None:
    assert Regime.CONDUCT_REGS_2012.label == "Police (Conduct) Regulations 2012"
    assert Regime.CONDUCT_REGS_2020_AMENDED_2025.label.endswith("as amended by SI 2025/558")
    assert [lv.rank for lv in Level] == [0, 1, 2]


def test_a_kept_regime_decision_equals_a_fresh_one() -> None:
    days = [date(2019, 12, 1) + timedelta(days=40 * i) for i in range(60)]
    kept = [determine_regime(d) for d in days]
    again = [determine_regime(d) for d in days]
    regime_cache_clear()
    fresh = [determine_regime(d) for d in days]
    assert all(a is b for a, b in zip(kept, again, strict=True))  # the second ask is served
    for k, f in zip(kept, fresh, strict=True):
        assert k is not f
        assert k == f
        assert k.trace.as_list() == f.trace.as_list()
    assert {k.regime for k in kept} == set(Regime)  # dates under each of the three regimes


def test_a_regime_decision_is_kept_per_catalogue() -> None:
    other = load_catalogue()
    on = date(2025, 7, 1)
    assert determine_regime(on, catalogue=other) == determine_regime(on)
    assert determine_regime(on, catalogue=other) is not determine_regime(on)


def test_catalogue_or_default() -> None:
    other = load_catalogue()
    assert catalogue_or_default(None) is default_catalogue()
    assert catalogue_or_default(other) is other
