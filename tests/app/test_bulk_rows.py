"""The bulk inserts of the write path (``app.rows.insert_values``; on PostgreSQL one ``COPY`` a table,
branch seed7) store exactly the values given, awkward text and JSON included, as one row at a time
does; and the officers' rows (one statement for many on PostgreSQL) are inserted and updated as
before. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from misconduct.app import models as m
from misconduct.app import seeding
from misconduct.app.repository import DjangoRepository
from misconduct.app.rows import encoded, insert, insert_values, json_text, values
from tests.services.fakes import SteppingClock

AWKWARD = [
    "tab\there",
    "line\nbreak and carriage\rreturn",
    "back\\slash \\N \\t and a lone \\",
    "quotes ' \" and a comma, a pipe |",
    "",
    "Siân Ó Dálaigh — ‘curly’ “quotes” €",
    "\\.",
]


@pytest.mark.django_db(databases="__all__")
def test_bulk_rows_store_exactly_what_was_given(alias: str) -> None:
    seeding.seed(
        2, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    case_id, officer = m.Allegation.objects.using(alias).values_list(
        "case_id", "officer_id"
    ).first() or pytest.fail("no allegation seeded")
    before = set(m.Party.objects.using(alias).values_list("id", flat=True))
    parties = [
        {"case_id": case_id, "role": "witness", "name": text, "detail": text[::-1]}
        for text in AWKWARD
    ]
    insert(alias, m.Party, parties)
    stored = list(
        m.Party.objects.using(alias)
        .exclude(id__in=before)
        .order_by("id")
        .values("case_id", "role", "name", "detail")
    )
    assert stored == parties
    standards = m.Allegation._meta.get_field("standards")
    allegations = [
        {
            "case_id": case_id,
            "allegation_id": f"X{i}",
            "officer_id": officer,
            "particulars": text,
            "conduct_from": date(2024, 1, i + 1),
            "conduct_to": date(2024, 2, i + 1),
            "on_duty": i % 2 == 0,
            "standards": encoded(json_text(standards, [text, {"k\t": [i, None, True]}])),
            "proven": None if i == 0 else i % 3 == 0,
            "finding_level": "",
        }
        for i, text in enumerate(AWKWARD)
    ]
    insert_values(alias, m.Allegation, values(alias, m.Allegation, allegations))
    got = list(
        m.Allegation.objects.using(alias)
        .filter(allegation_id__startswith="X")
        .order_by("allegation_id")
        .values(*allegations[0])
    )
    assert got == [
        {**a, "standards": [text, {"k\t": [i, None, True]}]}
        for i, (a, text) in enumerate(zip(allegations, AWKWARD, strict=True))
    ]


@pytest.mark.django_db(databases="__all__")
def test_officer_rows_inserted_and_updated_together(alias: str) -> None:
    seeding.seed(
        1, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    force = m.Officer.objects.using(alias).values_list("force_id", flat=True).first()
    repository = DjangoRepository(alias)
    rows = [
        {
            "officer_id": f"OFF-{i}",
            "force_id": force,
            "warrant_number": f"W{i}",
            "name": f"Officer {i}",
            "rank": "constable",
            "serving": True,
        }
        for i in range(5)
    ]
    first = repository._officers(rows)
    assert sorted(first) == [f"OFF-{i}" for i in range(5)]
    changed = [{**r, "name": r["name"] + " (renamed)", "serving": False} for r in rows[:2]]
    again = repository._officers([*changed, {**rows[4], "officer_id": "OFF-5"}])
    assert again["OFF-0"] == first["OFF-0"] and again["OFF-1"] == first["OFF-1"]
    stored = dict(
        m.Officer.objects.using(alias)
        .filter(officer_id__startswith="OFF-")
        .values_list("officer_id", "name")
    )
    assert stored == {
        "OFF-0": "Officer 0 (renamed)",
        "OFF-1": "Officer 1 (renamed)",
        "OFF-2": "Officer 2",
        "OFF-3": "Officer 3",
        "OFF-4": "Officer 4",
        "OFF-5": "Officer 4",
    }
    assert not m.Officer.objects.using(alias).get(officer_id="OFF-0").serving


@pytest.mark.django_db(databases="__all__")
def test_a_duplicate_in_bulk_rows_is_an_integrity_error(alias: str) -> None:
    from django.db import IntegrityError, transaction

    seeding.seed(
        1, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    case_id, officer = m.Allegation.objects.using(alias).values_list("case_id", "officer_id")[0]
    standards = m.Allegation._meta.get_field("standards")
    row = {
        "case_id": case_id,
        "allegation_id": "DUP",
        "officer_id": officer,
        "particulars": "twice",
        "conduct_from": date(2024, 1, 1),
        "conduct_to": date(2024, 1, 2),
        "on_duty": True,
        "standards": encoded(json_text(standards, [])),
        "proven": None,
        "finding_level": "",
    }
    with pytest.raises(IntegrityError), transaction.atomic(using=alias):
        insert_values(alias, m.Allegation, values(alias, m.Allegation, [row, dict(row)]))


@pytest.mark.django_db(databases="__all__")
def test_new_cases_read_back_by_reference_and_a_reference_used_is_a_conflict(alias: str) -> None:
    from django.db import transaction

    from misconduct.errors import Conflict

    on = date(2026, 11, 25)
    seeding.seed(3, 5, on, actor="seed", clock=SteppingClock(), workers=0, using=alias)
    cases = dict(m.Case.objects.using(alias).values_list("ref", "id"))
    assert len(cases) == 3
    # each case's rows name it by the key its insert gave back
    for ref, pk in cases.items():
        assert m.Event.objects.using(alias).filter(case_id=pk).exists()
        assert m.CaseListing.objects.using(alias).get(case_id=pk).ref == ref
    events = m.Event.objects.using(alias).count()
    with pytest.raises(Conflict), transaction.atomic(using=alias):
        seeding.seed(3, 5, on, actor="seed", clock=SteppingClock(), workers=0, using=alias)
    assert m.Event.objects.using(alias).count() == events


@pytest.mark.django_db(databases="__all__")
def test_a_write_empties_the_kept_steps_of_the_other_cases_of_its_officers_only(alias: str) -> None:
    from misconduct.app.web import casepage

    seeding.seed(
        3, 3, date(2026, 11, 25), actor="seed", clock=SteppingClock(), workers=0, using=alias
    )
    pages = m.CasePage.objects.using(alias)
    first, second, _third = pages.order_by("case_id").values_list("case_id", flat=True)
    officer = (
        m.Allegation.objects.using(alias)
        .filter(case_id=first)
        .values_list("officer_id", flat=True)[0]
    )
    # the second case names the first case's officer too; the third does not
    m.Case.officers.through.objects.using(alias).create(case_id=second, officer_id=officer)

    def keep_all() -> None:
        pages.update(steps_on=date(2026, 11, 25), steps="[]")

    def emptied() -> set[int]:
        return set(pages.filter(steps_on__isnull=True, steps="").values_list("case_id", flat=True))

    keep_all()
    casepage.forget_steps(alias, [officer, 987654321], [first])
    assert emptied() == {second}
    keep_all()
    casepage.forget_steps(alias, [officer], [])
    assert emptied() == {first, second}
    keep_all()
    casepage.forget_steps(alias, [officer], [first, second])
    assert emptied() == set()
