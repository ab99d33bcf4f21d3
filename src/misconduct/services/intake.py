"""Opening a case: one service behind the staff page, ``POST /api/cases`` and ``misconduct case open``.

The input is one plain mapping (a TOML or JSON file, a form, a request body), documented in
docs/intake.md. It is read whole before anything is written: a bad value raises ``InvalidInput``
naming the field, what was expected and what was received, and nothing is stored. The case is given
the next reference for its force and the year it was opened (``MPS-2026-0042``); two people opening
cases at once never get the same one (the reference is unique in storage, and the loser of a race
takes the next number).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, TypeVar

from misconduct.domain import commands as cmd
from misconduct.domain.case import Case
from misconduct.domain.forces import force
from misconduct.domain.persons import new_officer_id
from misconduct.domain.records import (
    AllegationRecord,
    CaseDetails,
    Origin,
    PartyRecord,
    PriorWarning,
    SubjectOfficer,
)
from misconduct.domain.reference import PATTERN, next_number, reference
from misconduct.domain.terms import (
    AppealResult,
    InvestigationMode,
    OfficerStatus,
    PartyRole,
    Source,
)
from misconduct.errors import Conflict, InvalidInput
from misconduct.rules.vocabulary import Outcome, Rank, Vocabulary
from misconduct.services.cases import CaseService

V = TypeVar("V", bound=Vocabulary)
ATTEMPTS = 25
"""How many numbers a writer tries when others take the next one first."""

SOURCES = (
    Source.COMPLAINT,
    Source.RECORDABLE_CONDUCT_MATTER,
    Source.CONDUCT_MATTER,
    Source.DSI_MATTER,
)
ORIGIN_LABELS = {
    Source.COMPLAINT: "A complaint",
    Source.RECORDABLE_CONDUCT_MATTER: "A recordable conduct matter",
    Source.CONDUCT_MATTER: "A conduct matter (not recordable)",
    Source.DSI_MATTER: "A death or serious injury matter",
}
PARTY_ROLES = (
    PartyRole.COMPLAINANT,
    PartyRole.WITNESS,
    PartyRole.INTERESTED_PERSON,
    PartyRole.POLICE_FRIEND,
    PartyRole.LAWYER,
    PartyRole.APPROPRIATE_AUTHORITY,
)
TOP_LEVEL = frozenset(
    {
        "ref",
        "force",
        "source",
        "summary",
        "opened_on",
        "came_to_attention",
        "attention",
        "iopc_referral",
        "officers",
        "allegations",
        "parties",
    }
)


# -- reading values --------------------------------------------------------------------------


def as_date(value: Any, field: str) -> date:
    """A date from TOML (already a date), ISO ``YYYY-MM-DD`` or British ``DD/MM/YYYY``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if "/" in text:
                day, month, year = (int(p) for p in text.split("/"))
                return date(year, month, day)
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidInput(field, "a date as DD/MM/YYYY or YYYY-MM-DD", value)


def _optional_date(value: Any, field: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return as_date(value, field)


def _text(data: Mapping[str, Any], key: str, field: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(field, "text", value)
    if required and not value.strip():
        raise InvalidInput(field, "some text", value)
    return value.strip()


def _bool(data: Mapping[str, Any], key: str, field: str, default: bool = False) -> bool:
    value = data.get(key, default)
    if value in ("", None):
        return default
    if isinstance(value, str) and value.lower() in (
        "true",
        "yes",
        "on",
        "1",
        "false",
        "no",
        "off",
        "0",
    ):
        return value.lower() in ("true", "yes", "on", "1")
    if not isinstance(value, bool):
        raise InvalidInput(field, "true or false", value)
    return value


def _choice(kind: type[V], value: Any, field: str, options: Sequence[V] = ()) -> V:
    allowed = list(options) or list(kind)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(field, "one of " + ", ".join(m.value for m in allowed), value)
    parsed = kind.parse(value, field=field)
    if parsed not in allowed:
        raise InvalidInput(field, "one of " + ", ".join(m.value for m in allowed), value)
    return parsed


def _table(data: Mapping[str, Any], key: str, field: str) -> Mapping[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, Mapping):
        raise InvalidInput(field, "a table of named values", value)
    return value


def _rows(data: Mapping[str, Any], key: str, field: str) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InvalidInput(field, "a list of tables", value)
    return value


def _only(data: Mapping[str, Any], known: frozenset[str] | set[str], where: str) -> None:
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise InvalidInput(
            f"{where}{unknown[0]}".strip(),
            "one of the fields " + ", ".join(sorted(known)),
            unknown[0],
        )


# -- the parts of a case -----------------------------------------------------------------------

OFFICER_FIELDS = frozenset(
    {
        "name",
        "rank",
        "number",
        "force",
        "status",
        "left_on",
        "previously_reduced_in_rank",
        "prior_warnings",
    }
)


Identify = Callable[[str, str], str]
"""The opaque id of the officer of a force and warrant number (``domain.persons``)."""


def fresh_ids(force: str, number: str) -> str:
    """Ids for a case read without storage (a check, the demo's data): a new one each time."""
    return new_officer_id()


def known_officers(service: CaseService) -> Identify:
    """Officers as the storage knows them: the id already given to the officer of this force and
    warrant number (so that their earlier cases, warnings and reductions in rank are found), or a
    new random one, which the storage registers in the same transaction as the case."""
    given: dict[tuple[str, str], str] = {}

    def identify(force: str, number: str) -> str:
        if (force, number) not in given:
            with service.uow() as uow:
                known = uow.cases.officer_id(force, number)
            given[(force, number)] = known or new_officer_id()
        return given[(force, number)]

    return identify


def _officer(row: Mapping[str, Any], n: int, case_force: str, identify: Identify) -> SubjectOfficer:
    where = f"officer {n}"
    _only(row, OFFICER_FIELDS, where + " ")
    name = _text(row, "name", f"{where} name")
    number = str(row.get("number", "")).strip()
    if not number:
        raise InvalidInput(f"{where} number", "a warrant or collar number", row.get("number"))
    home = str(row.get("force") or case_force)
    force(home)
    status = _choice(OfficerStatus, row.get("status") or "serving", f"{where} status")
    default_rank = "special_constable" if status is OfficerStatus.SPECIAL_CONSTABLE else None
    rank = _choice(Rank, row.get("rank") or default_rank, f"{where} rank")
    left_on = _optional_date(row.get("left_on"), f"{where} leaving date")
    if status is OfficerStatus.FORMER_OFFICER and left_on is None:
        raise InvalidInput(
            f"{where} leaving date", "the date a former officer left the force", row.get("left_on")
        )
    if status is not OfficerStatus.FORMER_OFFICER and left_on is not None:
        raise InvalidInput(
            f"{where} leaving date", "no leaving date for an officer still serving", left_on
        )
    warnings = []
    for i, w in enumerate(_rows(row, "prior_warnings", f"{where} prior warnings"), 1):
        label = f"{where} prior warning {i}"
        _only(w, {"kind", "notified_on", "months"}, label + " ")
        months = w.get("months")
        if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
            raise InvalidInput(f"{label} months", "a whole number of months from 1 to 60", months)
        warnings.append(
            PriorWarning(
                _choice(
                    Outcome,
                    w.get("kind"),
                    f"{label} kind",
                    (Outcome.WRITTEN_WARNING, Outcome.FINAL_WRITTEN_WARNING),
                ),
                as_date(w.get("notified_on"), f"{label} date notified"),
                months,
            )
        )
    return SubjectOfficer(
        officer_id=identify(home, number),
        name=name,
        warrant_number=number,
        rank=rank,
        force=home,
        serving=status is not OfficerStatus.FORMER_OFFICER,
        previously_reduced_in_rank=_bool(
            row, "previously_reduced_in_rank", f"{where} previously reduced in rank"
        ),
        prior_warnings=tuple(warnings),
        special_constable=status is OfficerStatus.SPECIAL_CONSTABLE,
        left_on=left_on,
    )


ALLEGATION_FIELDS = frozenset(
    {"id", "officer", "particulars", "conduct_from", "conduct_to", "on_duty", "standards"}
)


def _officer_ref(value: Any, officers: Sequence[SubjectOfficer], field: str) -> str:
    """An officer named by warrant number (or, with one officer, left out)."""
    if value in (None, "") and len(officers) == 1:
        return officers[0].officer_id
    for o in officers:
        if str(value).strip() in (o.warrant_number, o.officer_id):
            return o.officer_id
    raise InvalidInput(
        field,
        "the number of an officer in the case: " + ", ".join(o.warrant_number for o in officers),
        value,
    )


def _allegation(
    row: Mapping[str, Any], n: int, officers: Sequence[SubjectOfficer]
) -> AllegationRecord:
    aid = str(row.get("id") or f"A{n}").strip()
    where = f"allegation {aid}"
    _only(row, ALLEGATION_FIELDS, where + " ")
    standards = row.get("standards")
    if isinstance(standards, str):
        standards = [s.strip() for s in standards.split(",") if s.strip()]
    if (
        not isinstance(standards, list)
        or not standards
        or not all(isinstance(s, str) for s in standards)
    ):
        raise InvalidInput(f"{where} standards", "a list of at least one standard", standards)
    conduct_from = as_date(row.get("conduct_from"), f"{where} conduct from")
    conduct_to = _optional_date(row.get("conduct_to"), f"{where} conduct to") or conduct_from
    if conduct_to < conduct_from:
        raise InvalidInput(
            f"{where} conduct to",
            f"a date on or after the start of the conduct ({conduct_from:%d/%m/%Y})",
            f"{conduct_to:%d/%m/%Y}",
        )
    return AllegationRecord(
        aid,
        _officer_ref(row.get("officer"), officers, f"{where} officer"),
        _text(row, "particulars", f"{where} particulars"),
        conduct_from,
        conduct_to,
        _bool(row, "on_duty", f"{where} on duty", True),
        tuple(s.strip() for s in standards),
    )


PARTY_FIELDS = frozenset({"role", "name", "contact", "detail", "restricted", "officer"})


def _party(row: Mapping[str, Any], n: int, officers: Sequence[SubjectOfficer]) -> PartyRecord:
    where = f"party {n}"
    _only(row, PARTY_FIELDS, where + " ")
    role = _choice(PartyRole, row.get("role"), f"{where} role", PARTY_ROLES)
    acts_for = ""
    if role in (PartyRole.POLICE_FRIEND, PartyRole.LAWYER):
        acts_for = _officer_ref(row.get("officer"), officers, f"{where} officer")
    elif row.get("officer"):
        raise InvalidInput(
            f"{where} officer",
            "no officer (only a police friend or lawyer acts for one)",
            row["officer"],
        )
    return PartyRecord(
        role,
        _text(row, "name", f"{where} name"),
        _text(row, "detail", f"{where} detail", required=False),
        party_id=f"P{n}",
        contact=_text(row, "contact", f"{where} contact details", required=False),
        restricted=_bool(row, "restricted", f"{where} restricted"),
        officer_id=acts_for,
    )


def _origin(data: Mapping[str, Any]) -> Origin:
    attention = _table(data, "attention", "attention dates")
    _only(attention, {"force", "local_policing_body", "iopc"}, "attention date ")
    referral = _table(data, "iopc_referral", "IOPC referral")
    _only(referral, {"referred", "reasons", "mode"}, "IOPC referral ")
    referred: bool | None = None
    if "referred" in referral and referral["referred"] not in ("", None):
        referred = _bool(referral, "referred", "IOPC referral referred")
    reasons = _text(referral, "reasons", "IOPC referral reasons", required=False)
    if referred is not None and not reasons:
        raise InvalidInput(
            "IOPC referral reasons",
            "the reasons the matter was or was not referred to the IOPC",
            referral.get("reasons"),
        )
    mode = None
    if referral.get("mode"):
        mode = _choice(InvestigationMode, referral["mode"], "mode of investigation")
        if mode is not InvestigationMode.LOCAL and referred is False:
            raise InvalidInput(
                "mode of investigation",
                "a local investigation when the matter was not referred to the IOPC",
                mode.value,
            )
    return Origin(
        force_on=_optional_date(attention.get("force"), "date it came to the force's attention"),
        local_policing_body_on=_optional_date(
            attention.get("local_policing_body"),
            "date it came to the local policing body's attention",
        ),
        iopc_on=_optional_date(
            attention.get("iopc"), "date it came to the IOPC Director General's attention"
        ),
        referred_to_iopc=referred,
        referral_reasons=reasons,
        investigation_mode=mode,
    )


@dataclass(frozen=True)
class Intake:
    """A case to open, read and checked: everything but its reference."""

    force: str
    source: Source
    summary: str
    opened_on: date
    came_to_attention: date
    origin: Origin
    officers: tuple[SubjectOfficer, ...]
    allegations: tuple[AllegationRecord, ...]
    parties: tuple[PartyRecord, ...]
    ref: str = ""
    """Given only when the reference is already fixed (the demo data, a migration)."""

    def command(self, ref: str) -> cmd.OpenCase:
        details = CaseDetails(
            ref,
            self.force,
            self.source,
            self.came_to_attention,
            self.summary,
            self.officers,
            self.allegations,
            self.origin,
        )
        return cmd.OpenCase(self.opened_on, details)

    def steps(self) -> tuple[cmd.Command, ...]:
        return tuple(cmd.AddParty(self.opened_on, p) for p in self.parties)


def read_intake(data: Mapping[str, Any], *, today: date, identify: Identify = fresh_ids) -> Intake:
    """The case described by ``data`` (the documented intake format), or ``InvalidInput``; each
    officer's id from ``identify`` (by force and warrant number)."""
    if not isinstance(data, Mapping):
        raise InvalidInput("case", "a table of the case's details", type(data).__name__)
    _only(data, TOP_LEVEL, "")
    code = _text(data, "force", "force")
    force(code)
    source = _choice(Source, data.get("source"), "origin", SOURCES)
    summary = _text(data, "summary", "summary")
    opened_on = _optional_date(data.get("opened_on"), "date opened") or today
    origin = _origin(data)
    attention = _optional_date(data.get("came_to_attention"), "date it came to attention")
    came_to_attention = attention or origin.earliest()
    if came_to_attention is None:
        raise InvalidInput(
            "date it came to attention",
            "the date the matter came to the force's attention (or to the local policing body's "
            "or the IOPC's)",
            "none",
        )
    officer_rows = _rows(data, "officers", "officers")
    if not officer_rows:
        raise InvalidInput("officers", "at least one officer subject to the case", "none")
    officers = tuple(_officer(row, i, code, identify) for i, row in enumerate(officer_rows, 1))
    numbers = [f"{o.force} {o.warrant_number}" for o in officers]
    if len(set(numbers)) != len(numbers):
        raise InvalidInput("officers", "each officer once", ", ".join(numbers))
    allegation_rows = _rows(data, "allegations", "allegations")
    if not allegation_rows:
        raise InvalidInput("allegations", "at least one allegation", "none")
    allegations = tuple(_allegation(row, i, officers) for i, row in enumerate(allegation_rows, 1))
    ids = [a.allegation_id for a in allegations]
    if len(set(ids)) != len(ids):
        raise InvalidInput("allegations", "a different id for each allegation", ", ".join(ids))
    parties = tuple(
        _party(row, i, officers) for i, row in enumerate(_rows(data, "parties", "parties"), 1)
    )
    if source is Source.COMPLAINT and not any(p.role is PartyRole.COMPLAINANT for p in parties):
        raise InvalidInput(
            "complainant",
            "the complainant as a party, for a case that began as a complaint",
            "none",
        )
    ref = _text(data, "ref", "reference", required=False)
    if ref and not PATTERN.fullmatch(ref):
        raise InvalidInput("reference", "a reference such as MPS-2026-0042", ref)
    return Intake(
        code,
        source,
        summary,
        opened_on,
        came_to_attention,
        origin,
        officers,
        allegations,
        parties,
        ref,
    )


def reduction_in_rank(case: Case, officer_id: str) -> date | None:
    """When the officer was notified of a reduction in rank decided in ``case`` (and not overturned
    on appeal), or None."""
    decision = case.decisions.get(officer_id)
    if decision is None or decision.notified_on is None:
        return None
    outcome = decision.decision.outcome
    for appeal in case.appeals:
        if appeal.officer_id == officer_id and appeal.result is AppealResult.ALLOWED:
            return None
        if appeal.officer_id == officer_id and appeal.substituted_outcome is not None:
            outcome = appeal.substituted_outcome
    return decision.notified_on if outcome is Outcome.REDUCTION_IN_RANK else None


def with_history(intake: Intake, service: CaseService) -> Intake:
    """The officers as the system knows them: a reduction in rank found in an earlier case is set
    on the officer (reg 42 and reg 62 take it into account), without being typed again. Warnings
    from earlier cases are found when the rules ask (``warnings_for``)."""
    officers = []
    with service.uow() as uow:
        for o in intake.officers:
            earlier = [
                c
                for c in uow.cases.cases_of_officer(o.officer_id)
                if reduction_in_rank(c, o.officer_id) is not None
                and c.opened_on <= intake.opened_on
            ]
            officers.append(replace(o, previously_reduced_in_rank=True) if earlier else o)
    return replace(intake, officers=tuple(officers))


def check(intake: Intake, service: CaseService) -> None:
    """Everything the open would check, without writing (the dates and the domain's guards)."""
    from misconduct.domain.case import Case as _Case
    from misconduct.domain.dates import check_dates
    from misconduct.domain.lifecycle import decide, open_case

    opening = intake.command(intake.ref or reference(intake.force, intake.opened_on.year, 1))
    check_dates(opening, today=service.today())
    case = _Case.from_events([open_case(opening)])
    for step in intake.steps():
        check_dates(step, today=service.today())
        case.apply(decide(case, step))


def open_case(
    service: CaseService,
    data: Mapping[str, Any],
    then: Sequence[cmd.Command] = (),
    *,
    identify: Identify | None = None,
) -> Case:
    """Read ``data``, give the case the next reference for its force and year, and open it with
    its parties (and any further steps ``then``) in one transaction. ``InvalidInput`` (nothing
    written) on any bad value. Officers get the ids the storage knows them by, or new ones
    (:func:`known_officers`), unless ``identify`` is given (the demo's fixed ids)."""
    last: Exception | None = None
    for _ in range(ATTEMPTS):
        # Read afresh each attempt: the writer who took our number, or first registered one of our
        # officers, may have changed what the storage knows.
        ids = identify or known_officers(service)
        intake = with_history(read_intake(data, today=service.today(), identify=ids), service)
        check(intake, service)
        steps = (*intake.steps(), *then)
        if intake.ref:
            try:
                return service.open(intake.command(intake.ref), steps)
            except Conflict as exc:
                if exc.field != "officer" or identify is not None:
                    raise
                last = exc
                continue
        with service.uow() as uow:
            used = uow.cases.latest_reference(intake.force, intake.opened_on.year)
        ref = reference(
            intake.force,
            intake.opened_on.year,
            next_number(used, intake.force, intake.opened_on.year),
        )
        try:
            return service.open(intake.command(ref), steps)
        except Conflict as exc:  # another writer took this number between our read and our write
            if exc.field == "officer" and identify is not None:
                raise  # ids fixed by the caller: trying again changes nothing
            last = exc
        except InvalidInput as exc:
            if exc.field != "ref":
                raise
            last = exc
    if isinstance(last, Conflict) and last.field == "officer":
        raise last
    raise Conflict(
        f"could not find a free reference after {ATTEMPTS} attempts: try again",
        field="reference",
        received=str(last),
    )
