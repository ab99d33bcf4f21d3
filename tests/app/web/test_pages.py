"""Staff pages doing their jobs: the dashboard's time limits, search, step forms that offer only what
the rules allow, recording a step, and the assessment with the chair's decision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from misconduct.app.roles import Role
from misconduct.app.web import store
from misconduct.rules.vocabulary import Outcome
from tests.app.web.fixtures import PASSWORD, make_user
from tests.assessment.builders import CANONICAL_FACTORS, CANONICAL_PERSONAL

CANONICAL_MITIGATION = CANONICAL_PERSONAL
LENIENT_FACTORS = [
    "limited_damage_to_public_confidence",
    "those_affected_consented",
    "conduct_not_criminal",
    "open_admissions",
]


def _client(user: Any) -> Client:
    c = Client()
    assert c.login(username=user.get_username(), password=PASSWORD)
    return c


def test_the_dashboard_lists_overdue_and_coming_time_limits_with_their_regulation(
    demo: list[str],
) -> None:
    forces = sorted({c.force for c in store.all_cases()})
    everyone = make_user("psd", [(Role.CASE_OFFICER, f) for f in forces])
    page = _client(everyone).get(reverse("web:dashboard")).content.decode()
    assert "Overdue" in page and "Due in the next 10 working days" in page
    assert "SI 2020/4 reg" in page
    assert "25 November 2026" in page  # today, the British way
    assert "Cases by stage" in page
    everyone_else = make_user("reader", [(Role.VIEWER, f) for f in forces])
    assert "None yet." in _client(everyone_else).get(reverse("web:dashboard")).content.decode()
    mine = _client(make_user("demo-actor", [(Role.VIEWER, "metropolitan")]))
    assert "Other open cases" not in mine.get(reverse("web:dashboard")).content.decode()


def test_the_dashboard_moves_a_case_to_my_cases_once_it_is_assigned_to_the_user(db: None) -> None:
    """The dashboard reads its case lists with the user's own cases kept from before; a case
    assigned since (an event) is read again into "My cases"."""
    from misconduct.services import intake
    from tests.app.casefile.test_open_case import overtime

    ref = intake.open_case(store.service("someone.else"), overtime()).ref
    case = store.state(ref)
    officer = make_user("dash.officer", [(Role.CASE_OFFICER, case.force)])
    c = _client(officer)

    def my_cases() -> str:
        page = c.get(reverse("web:dashboard")).content.decode()
        return page.split("<h2>My cases</h2>", 1)[1].split("Other open cases", 1)[0]

    assert ref not in my_cases() and "None yet." in my_cases()
    reply = c.post(
        f"/staff/cases/{ref}/steps/assign/",
        {
            "on": "25/11/2026",
            "role": "investigator",
            "username": "dash.officer",
            "version": case.version,
        },
    )
    assert reply.status_code == 302, reply.content
    assert ref in my_cases()


def test_the_case_list_searches_by_officer_standard_and_stage_within_the_users_forces(
    demo: list[str],
) -> None:
    forces = sorted({c.force for c in store.all_cases()})
    everyone = make_user("psd", [(Role.VIEWER, f) for f in forces])
    met_only = make_user("met", [(Role.VIEWER, "metropolitan")])
    c = _client(everyone)
    assert "MPS-2025-0001" in c.get(reverse("web:cases"), {"officer": "Marsh"}).content.decode()
    by_warrant = c.get(reverse("web:cases"), {"q": "274519"}).content.decode()
    assert "MPS-2025-0001" in by_warrant and "WMP-2026-0101" not in by_warrant
    closed = c.get(reverse("web:cases"), {"stage": "closed"}).content.decode()
    assert "MPS-2025-0001" in closed and "KNT-2026-0103" not in closed
    honesty = c.get(reverse("web:cases"), {"standard": "honesty_and_integrity"}).content.decode()
    assert "MPS-2025-0001" not in honesty
    mine = _client(met_only).get(reverse("web:cases")).content.decode()
    assert "MPS-2025-0001" in mine and "WMP-2026-0101" not in mine


def test_a_step_form_offers_only_the_forums_the_rules_allow_and_says_why_not_the_others(
    demo: list[str],
) -> None:
    case = next(c for c in store.all_cases() if c.ref == "ESX-2026-0105")
    officer = make_user("essex", [(Role.CASE_OFFICER, case.force)])
    response = _client(officer).get(reverse("web:step", args=[case.ref, "arrange-proceedings"]))
    page = response.content.decode()
    assert response.status_code == 200
    form = response.context["form"]
    offered = [v for v, _ in form.fields["forum"].choices]
    assert offered == ["misconduct_meeting"]
    refused = response.context["refused"]
    assert {choice for label, choice, _ in refused if label == "Forum"} == {
        "Misconduct hearing",
        "Accelerated misconduct hearing",
    }
    assert all(r.citation for _, _, r in refused)
    assert "Not offered here, and why" in page


def test_recording_a_step_goes_through_the_case_service_and_lands_in_the_timeline(
    demo: list[str],
) -> None:
    case = next(c for c in store.all_cases() if c.ref == "WMP-2026-0101")
    officer = make_user("wm", [(Role.CASE_OFFICER, case.force)])
    client = _client(officer)
    url = reverse("web:step", args=[case.ref, "add-party"])
    response = client.post(
        url,
        {"on": "2026-11-24", "role": "witness", "name": "A Witness", "version": case.version},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    after, records = store.read(case.ref)
    assert after.version == case.version + 1
    assert records[-1].type == "PartyAdded" and records[-1].actor == "wm"
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    mine = dashboard[dashboard.index("<h2>My cases</h2>") : dashboard.index("Cases by stage")]
    assert case.ref in mine
    stale = client.post(
        url, {"on": "2026-11-24", "role": "witness", "name": "B", "version": case.version}
    )
    assert stale.status_code == 422
    assert store.read(case.ref)[0].version == after.version


def test_a_refused_step_shows_the_rule_and_records_nothing(demo: list[str]) -> None:
    case = next(c for c in store.all_cases() if c.ref == "WMP-2026-0101")
    officer = make_user("wm", [(Role.CASE_OFFICER, case.force)])
    response = _client(officer).post(
        reverse("web:step", args=[case.ref, "publish"]),
        {"on": "2026-11-24", "version": case.version},
    )
    assert response.status_code == 422
    assert "SI 2020/4 reg 43" in response.content.decode()
    assert store.read(case.ref)[0].version == case.version


def _assessment_data(**extra: Any) -> dict[str, Any]:
    return {"factors": CANONICAL_FACTORS, "personal_mitigation": CANONICAL_MITIGATION, **extra}


def test_ticking_factors_updates_the_assessment_in_place(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    client = login("chair")
    url = reverse("web:assessment-preview", args=[canonical_at_findings])
    bare = client.post(url, {}, HTTP_HX_REQUEST="true").content.decode()
    full = client.post(url, _assessment_data(), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in full  # a fragment for htmx to swap in
    assert "Seriousness:" in full and "Indicated:" in full
    assert bare != full
    page = client.get(reverse("web:assessment", args=[canonical_at_findings])).content.decode()
    assert 'hx-post="' in page and "Recalculate" in page  # works with and without JavaScript


def test_the_chair_records_a_final_written_warning_for_two_years(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    client = login("chair")
    url = reverse("web:assessment", args=[canonical_at_findings])
    case, _ = store.read(canonical_at_findings)
    response = client.post(
        url,
        _assessment_data(
            action="decide",
            outcome=Outcome.FINAL_WRITTEN_WARNING.value,
            warning_months="24",
            reasons="Culpability high, harm limited; admissions and remorse.",
            version=case.version,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    after, records = store.read(canonical_at_findings)
    decision = next(iter(after.decisions.values())).decision
    assert decision.outcome is Outcome.FINAL_WRITTEN_WARNING and decision.warning_months == 24
    assert decision.assessment is not None and decision.assessment["trace"]
    assert records[-1].actor == "chair"


def test_a_departure_from_the_indication_without_reasons_is_refused(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    client = login("chair")
    url = reverse("web:assessment", args=[canonical_at_findings])
    # Very serious conduct (high culpability, serious harm): only dismissal is indicated, so a
    # final written warning departs from the indication.
    lenient = {"factors": ["intentional_or_deliberate", "serious_harm_to_individual"]}
    preview = client.post(reverse("web:assessment-preview", args=[canonical_at_findings]), lenient)
    indicated = preview.context["result"]["indicated_outcomes"]
    lawful = preview.context["result"]["available_outcomes"]
    departure = next(o for o in lawful if o not in indicated)
    shown = client.post(
        reverse("web:assessment-preview", args=[canonical_at_findings]),
        {**lenient, "outcome": departure},
    ).content.decode()
    assert "departs from the indicated outcomes" in shown
    case, _ = store.read(canonical_at_findings)
    response = client.post(
        url, {**lenient, "action": "decide", "outcome": departure, "version": case.version}
    )
    assert response.status_code == 422
    assert "reasons" in response.content.decode()
    assert not store.read(canonical_at_findings)[0].decisions


def test_only_the_assigned_chair_may_decide(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    url = reverse("web:assessment", args=[canonical_at_findings])
    data = _assessment_data(action="decide", outcome="final_written_warning", warning_months="24")
    assert login("other_chair").post(url, data).status_code == 404
    assert login("viewer").post(url, data).status_code == 403
    assert login("officer").post(url, data).status_code == 403
    assert not store.read(canonical_at_findings)[0].decisions


def test_documents_download_for_a_decided_case(
    demo: list[str], login: Callable[[str], Client]
) -> None:
    response = login("viewer").get(
        reverse("web:document", args=["MPS-2025-0001", "published-outcome", "html"])
    )
    assert response.status_code == 200
    assert "Daniel Marsh" not in response.content.decode()
    missing = login("viewer").get(
        reverse("web:document", args=["MPS-2025-0001", "no-such-kind", "html"])
    )
    assert missing.status_code == 404


def test_the_outcome_form_offers_only_lawful_outcomes_and_the_lawful_warning_period(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    response = login("chair").get(
        reverse("web:step", args=[canonical_at_findings, "decide-outcome"])
    )
    form = response.context["form"]
    # No outcome is preselected (issue 14): the first choice is the empty "choose" entry.
    assert [v for v, _ in form.fields["outcome"].choices if v] == [
        "final_written_warning",
        "dismissal_without_notice",
    ]
    months = form.fields["warning_months"]
    assert months.widget.attrs["min"] == 24 and months.widget.attrs["max"] == 60
    assert "SI 2020/4 reg 62(4)" in months.help_text
    refused = {choice for _, choice, _ in response.context["refused"]}
    assert "Written warning" in refused


def test_the_assessment_shows_the_three_most_similar_published_outcomes(
    canonical_at_findings: str, login: Callable[[str], Client]
) -> None:
    client = login("chair")
    url = reverse("web:assessment-preview", args=[canonical_at_findings])
    response = client.post(url, _assessment_data(), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    shown = response.context["precedents"]
    assert len(shown.matches) == 3
    assert "What similar cases did" in page and "they do not bind it" in page
    for m in shown.matches:
        assert m.precedent.force in page and f'href="{m.precedent.provenance.url}"' in page
    assert "Alike: both gross misconduct" in page and "Differs: " in page
    assert "Outcomes among these: " in page


def test_the_case_page_links_and_rows_are_those_the_url_names_give(demo: list[str]) -> None:
    """Issue 10: the case page builds its steps, documents, time limits and timeline in the view
    (one reversal per page); each link is the one ``reverse`` gives and each row is shown."""
    import html
    import re

    from misconduct.app.web.templatetags.web import british, case_url

    case = max(store.all_cases(), key=lambda c: (len(c.time_limits), c.ref))
    officer = make_user("cw", [(Role.CASE_OFFICER, case.force)])
    page = html.unescape(
        _client(officer).get(reverse("web:case", args=[case.ref])).content.decode()
    )
    assert f'href="{reverse("web:step", args=[case.ref, "add-note"])}"' in page
    refused = re.findall(r'<li class="refused">([^<]+) <span class="cite">\(([^)]*)\)</span>', page)
    assert refused and all(":" in text for text, _ in refused)
    timeline = page[page.index("<h2>Timeline</h2>") :]
    assert timeline.count("<tr><td>") == len(case.timeline)
    for entry in case.timeline:
        assert f"<tr><td>{entry.sequence}</td><td>{british(entry.on)}</td>" in timeline
    limits = page[page.index("<h2>Time limits</h2>") : page.index("<h2>Next steps</h2>")]
    assert limits.count("<tr><td>") == len(case.time_limits) > 0
    for t in case.time_limits:
        assert t.item.title in limits and british(t.item.last_day) in limits
    for ref in (case.ref, "MPS-2026-0001", "A B&C"):
        assert case_url(ref) == reverse("web:case", args=[ref])
        # The case file and the assessment are linked as the case's URL and their own part.
        here = reverse("web:case", args=[ref])
        assert f"{here}file/" == reverse("web:case-file", args=[ref])
        assert f"{here}assessment/" == reverse("web:assessment", args=[ref])
    assert f'href="{reverse("web:case-file", args=[case.ref])}"' in page
    officers = page[page.index("<h2>Officers</h2>") : page.index("<h2>Parties</h2>")]
    for o in case.officers.values():
        assert f"<strong>{o.display_name()}</strong>, warrant {o.warrant_number}" in officers
    allegations = page[page.index("<h2>Allegations</h2>") : page.index("<h2>Time limits</h2>")]
    assert allegations.count("<tr>") == len(case.allegations) + 1  # and the heading's row
    for a in case.allegations.values():
        assert f"<td>{a.allegation_id}</td><td>{a.particulars}</td>" in allegations


def test_a_documents_link_is_the_one_reverse_gives(
    users: dict[str, Any], canonical_at_findings: str
) -> None:
    page = _client(users["officer"]).get(reverse("web:case", args=[canonical_at_findings]))
    text = page.content.decode()
    url = reverse("web:document", args=[canonical_at_findings, "reg17-notice", "html"])
    assert f'href="{url}" download' in text


def test_the_case_pages_warnings_are_each_officers_warnings_from_other_cases(
    demo: list[str],
) -> None:
    """Issue 10: the rules' context (every officer's warnings from other cases) in one query is
    what the repository gives officer by officer."""
    from misconduct.app.repository import DjangoRepository, warnings_of

    repo = DjangoRepository()
    cases = store.all_cases()
    officers = [o for c in cases for o in c.officers]
    # Excluding no case, the demo's officers have warnings (their own cases' decisions).
    every = warnings_of(officers, excluding="")
    assert any(every.values())
    assert every == {o: repo.warnings_for(o, excluding="") for o in officers}
    for case in cases:
        expected = {o: repo.warnings_for(o, excluding=case.ref) for o in case.officers}
        assert dict(store.context(case).warnings) == expected


def test_where_a_case_stands_says_so_when_nothing_is_decided_yet(demo: list[str]) -> None:
    """A case at intake says that nothing has been decided, not an empty heading; a decided case
    shows its decisions instead."""
    cases = {c.ref: c for c in store.all_cases()}
    officer = make_user("cw", [(Role.CASE_OFFICER, f) for f in {c.force for c in cases.values()}])
    client = _client(officer)

    def stands(ref: str) -> str:
        page = client.get(reverse("web:case", args=[ref])).content.decode()
        return page[page.index("<h2>Where it stands</h2>") : page.index("<h2>Allegations</h2>")]

    assert "Nothing has been decided yet." in stands("WMP-2026-0101")
    decided = next(ref for ref, c in sorted(cases.items()) if c.decisions)
    assert "Nothing has been decided yet." not in stands(decided)
    assert "Outcome" in stands(decided)
