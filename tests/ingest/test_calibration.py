"""The review queue's calibration (misconduct.ingest.calibration), on invented sentences: it lowers
confidences with a reason and never changes a value."""

from __future__ import annotations

from misconduct.ingest import calibration as cal
from misconduct.ingest import extract
from misconduct.ingest.model import DEFAULT_THRESHOLD, Extraction

ONE = (
    "A misconduct hearing held on 3 March 2024 found that PC Jane Doe of Kent Police breached the "
    "Standards of Professional Behaviour relating to honesty and integrity. The panel, chaired by "
    "a legally qualified chair, found gross misconduct. PC Doe was dismissed without notice."
)
TWO = (
    "Two Essex Police officers faced a misconduct hearing. One was dismissed without notice for "
    "gross misconduct; the other was given a final written warning for misconduct."
)


def _raw(text: str) -> Extraction:
    return extract.__wrapped__(text)  # type: ignore[attr-defined]


def _values(ex: Extraction) -> list[dict[str, object]]:
    return [{n: f.value for n, f in r.fields.items()} for r in ex.records]


def test_no_value_is_changed_and_no_confidence_is_raised() -> None:
    for text in (ONE, TWO):
        raw, done = _raw(text), extract(text)
        assert _values(done) == _values(raw)
        for r0, r1 in zip(raw.records, done.records, strict=True):
            for name, f0 in r0.fields.items():
                assert r1.fields[name].confidence <= f0.confidence


def test_a_doubted_field_waits_for_a_person_with_the_reason_as_its_note() -> None:
    (rec,) = extract(ONE).records
    date = rec.fields["hearing_date"]
    assert date.value == "2024-03-03" and date.confidence < DEFAULT_THRESHOLD
    assert date.note.startswith("to review: this field is often misread (")
    assert "hearing_date" in rec.uncertain()
    # a field no rule doubts keeps the reader's confidence and note
    (raw,) = _raw(ONE).records
    assert rec.fields["outcome"] == raw.fields["outcome"]


def test_the_readers_own_note_is_kept_before_the_reason() -> None:
    (rec,) = extract(ONE).records
    (raw,) = _raw(ONE).records
    dm = rec.fields["decision_maker"]
    if raw.fields["decision_maker"].note:
        assert dm.note.startswith(raw.fields["decision_maker"].note + "; to review: ")
    assert "to review: " in dm.note


def test_an_empty_field_the_text_has_words_for_is_doubted() -> None:
    text = (
        "An officer of Kent Police was dismissed without notice after a misconduct hearing found "
        "gross misconduct. The chair said the officer had lied."
    )
    table = (cal.Rule("left empty though worded", "rank", 1, 2),)
    (rec,) = cal.calibrate(_raw(text), table).records
    rank = rec.fields["rank"]
    assert rank.value is None and rank.confidence == cal.DOUBTFUL
    assert "the text did give it in 1 of 2 such cases" in rank.note


def test_conditions_on_invented_pages() -> None:
    two = cal.Page(_raw(TWO))
    assert len(two.records) == 2
    assert "several officers" in cal.conditions_met(two, 0, "forum")
    assert "unnamed among several" in cal.conditions_met(two, 0, "forum")
    one = cal.Page(_raw(ONE))
    assert "several officers" not in cal.conditions_met(one, 0, "outcome")
    # a rank followed by a name, but no officer found named: the anonymity is doubted
    named = cal.Page(
        _raw(
            "An officer was dismissed without notice after a misconduct hearing found gross "
            "misconduct. Sergeant Bloggs had lied to colleagues, Kent Police said."
        )
    )
    if named.records[0].fields["anonymised"].value is True:
        assert "a name after a rank" in cal.conditions_met(named, 0, "anonymised")


def test_fields_the_conduct_rules_do_not_allow_together_are_doubted() -> None:
    ex = _raw(ONE)
    rec = ex.records[0]
    fields = dict(rec.fields)
    fields["finding"] = fields["finding"].__class__("misconduct", fields["finding"].evidence, 0.9)
    page = cal.Page(Extraction(ex.source, ex.text, [rec.__class__(fields, rec.name, rec.label)]))
    assert "disagrees with another field" in cal.conditions_met(page, 0, "finding")
    assert "disagrees with another field" in cal.conditions_met(page, 0, "outcome")
    assert "disagrees with another field" not in cal.conditions_met(cal.Page(ex), 0, "finding")


def test_every_rule_of_the_table_names_a_condition_and_a_field() -> None:
    from misconduct.ingest.model import FIELDS

    for rule in cal.TABLE:
        assert rule.condition in cal.CONDITIONS and rule.field in FIELDS
        assert 0 < rule.wrong <= rule.of
    assert cal.DOUBTFUL < DEFAULT_THRESHOLD


def test_a_refused_text_is_left_as_it_is() -> None:
    ex = extract("Sunny spells are expected across Kent this weekend, with rain later.")
    assert ex.refused and cal.calibrate(ex) is ex
