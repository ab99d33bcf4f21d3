"""Writing to and reading from the register: saving an extraction, the review queue, the system's
own published outcomes (synced from the public projection), and the search every page and export
shares."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from misconduct.app.register import follow
from misconduct.app.register.models import (
    PUBLICATION,
    RESTORED,
    WITHDRAWN,
    Record,
    RecordCategory,
    RecordStandard,
    ReviewEvent,
    Source,
)
from misconduct.app.register.reviewers import Reviewer, in_words
from misconduct.app.roles import AccessDenied
from misconduct.domain.forces import FORCES
from misconduct.errors import Conflict, InvalidInput
from misconduct.ingest.categories import find_categories
from misconduct.ingest.content import content_sha256
from misconduct.ingest.dates import MONTHS, parse_date
from misconduct.ingest.gazetteer import RANK_PATTERN, rank_code, standard_code
from misconduct.ingest.model import (
    DEFAULT_THRESHOLD,
    FIELDS,
    FINDINGS,
    FORUMS,
    STATUSES,
    Extraction,
    OfficerRecord,
)
from misconduct.rules.standards import standards_on
from misconduct.rules.vocabulary import Outcome, Rank

OPEN_LICENCE = re.compile(
    r"open\s+government\s+licen[cs]e|\bOGL\b|open\s+justice\s+licen[cs]e", re.I
)
OUTCOMES = tuple(o.value for o in Outcome)
PAGE_SIZE = 50
LABELS = {
    "force": "Force",
    "rank": "Rank",
    "status": "Serving or former",
    "forum": "Forum",
    "finding": "Finding",
    "standards": "Standards breached",
    "outcome": "Outcome",
    "warning_months": "Warning period (months)",
    "hearing_date": "Hearing date",
    "decision_maker": "Decision maker",
    "anonymised": "Officer anonymised",
}
_COLUMNS = {"force", "rank", "status", "forum", "finding", "outcome", "decision_maker"}


def words(value: str) -> str:
    """An identifier as words for people: ``gross_misconduct`` → "gross misconduct"."""
    return value.replace("_", " ")


def british(iso: str | None) -> str:
    """An ISO date (or its year and month, or year) the British way: 12/11/2018, 11/2018, 2018.
    A record may hold less than a day, so the text's parts are turned about rather than a date
    formatted; a whole day comes out as the domain's ``british_numeric`` writes it (a test holds
    the two together)."""
    if not iso:
        return ""
    return "/".join(reversed(iso.split("-")))


def _now() -> datetime:
    return datetime.now(UTC)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _year(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and re.match(r"\d{4}", iso) else None


def _set_standards(record: Record, codes: Iterable[str]) -> None:
    record.standard_rows.all().delete()
    RecordStandard.objects.using(record._state.db).bulk_create(
        RecordStandard(record=record, standard=c) for c in codes
    )


WITHHELD = "Officer (name withheld)"
"""The label of a named officer whom a person finds to be anonymised: the label read from the text
names them."""


def _change(record: Record, field: str, after: Any) -> None:
    """A reviewer's new value on the record, with its Standards and the special categories they
    name when the Standards change (the caller's transaction writes the review log beside it)."""
    _apply(record, field, after)
    if field == "standards":
        _set_standards(record, after)
        _recategorise(record)


def _apply(record: Record, field: str, value: Any) -> None:
    """Set one field's value on the record's columns."""
    if field in _COLUMNS:
        setattr(record, field, value or "")
    elif field == "warning_months":
        record.warning_months = value
    elif field == "hearing_date":
        record.hearing_date = value or ""
        record.year = _year(value)
    elif field == "anonymised":
        record.anonymised = bool(value)
        if value:
            if record.name:  # the label read from the text holds the name ("PC John Smith")
                record.label = WITHHELD
            record.name = ""
    elif field == "standards":
        record.standards = list(value or [])


def save_extraction(
    ex: Extraction,
    *,
    source_url: str,
    licence: str,
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
) -> Source | None:
    """Store the records of one text (nothing for a refused text), or find the source that already
    holds its content (``store_text``, which says which)."""
    stored = store_text(ex, source_url=source_url, licence=licence, threshold=threshold, now=now)
    return stored.source if stored else None


@dataclass(frozen=True)
class Stored:
    """What ``store_text`` did with a text: its source, and whether it was stored now (``new``) or
    was already in the register (or waiting for review, or withdrawn)."""

    source: Source
    new: bool

    def said(self) -> str:
        """For a text already stored: that it is, where its records are, and from where and when it
        was first stored, in words (one query over the source's records)."""
        kinds = {"in the register": 0, "waiting for review": 0, "withdrawn from the register": 0}
        for published, withdrawal in self.source.records.values_list("published", "withdrawal"):
            key = (
                "in the register"
                if published
                else "waiting for review"
                if withdrawal is None
                else "withdrawn from the register"
            )
            kinds[key] += 1
        found = {k: n for k, n in kinds.items() if n}
        if len(found) == 1:
            where = next(iter(found))
            said = (
                "This text is already in the register"
                if where == "in the register"
                else f"This text is already stored, {where}"
            )
        elif found:
            said = "This text is already stored: " + ", ".join(
                f"{n} officer record{'' if n == 1 else 's'} {k}" for k, n in found.items()
            )
        else:
            said = "This text is already stored"
        day = british(self.source.ingested_at.date().isoformat())
        return f"{said} (first stored on {day} from {self.source.url}); it was not stored again."


@dataclass
class Saved:
    """What storing several texts did (``store_texts``): officer records of newly stored texts,
    published or waiting for review; texts already stored, each said; texts refused; newly stored
    texts that had no address."""

    published: int = 0
    pending: int = 0
    repeats: list[str] = dataclasses.field(default_factory=list)
    refused: int = 0
    new: int = 0
    no_address: int = 0


def store_texts(
    items: Iterable[tuple[str, Extraction, str | None]],
    *,
    licence: str,
    threshold: float = DEFAULT_THRESHOLD,
) -> Saved:
    """Store each text's records as ``store_text`` does, from ``(name, extraction, address)``: a
    text without an address has its name as its source (the register is public, and where a file
    sat on someone's computer is nobody's business), and a text already stored is said, not stored
    again."""
    saved = Saved()
    for name, ex, url in items:
        stored = store_text(ex, source_url=url or name, licence=licence, threshold=threshold)
        if stored is None:
            saved.refused += 1
        elif not stored.new:
            saved.repeats.append(f"{name}: {stored.said()}")
        else:
            counts = stored.source.records.aggregate(
                all=Count("id"), published=Count("id", filter=Q(published=True))
            )
            saved.new += 1
            saved.published += counts["published"]
            saved.pending += counts["all"] - counts["published"]
            saved.no_address += not url  # a repeat keeps the first copy's source
    return saved


def _stored(content: str, url: str, raw: str, using: str) -> Source | None:
    """The source holding this content, if any: by the content's hash, or, for a source stored
    before the hash existed whose text was not kept, by its address and the text's own hash (each
    a unique index)."""
    sources = Source.objects.using(using)
    return (
        sources.filter(content_sha256=content).first()
        or sources.filter(url=url, text_sha256=raw).first()
    )


def store_text(
    ex: Extraction,
    *,
    source_url: str,
    licence: str,
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
    using: str = "default",
) -> Stored | None:
    """Store the records of one text, or say it is already stored (nothing for a refused text). A
    text is the same as one stored if its normalised content is (``ingest.content``), whatever the
    file or address it came from. Records with a field below the threshold wait for review.

    The source and its records are written in one transaction. Two ingests of the same text at the
    same moment both find it absent, and both write: the unique index on the content's hash lets
    one commit, and the other's transaction is rolled back whole (nothing half-written), after
    which it finds the text the first stored."""
    if ex.refused:
        return None
    content, raw = content_sha256(ex.text), _sha(ex.text)
    existing = _stored(content, source_url, raw, using)
    if existing is not None:
        return Stored(existing, new=False)
    try:
        with transaction.atomic(using=using):
            source = _write(ex, source_url, licence, threshold, now or _now(), content, raw, using)
    except IntegrityError:
        existing = _stored(content, source_url, raw, using)
        if existing is None:  # not the same text: some other fault, not to be hidden
            raise
        return Stored(existing, new=False)
    return Stored(source, new=True)


def _write(
    ex: Extraction,
    source_url: str,
    licence: str,
    threshold: float,
    when: datetime,
    content: str,
    raw: str,
    using: str,
) -> Source:
    source = Source.objects.using(using).create(
        origin="ingested",
        url=source_url,
        title=ex.text.strip().split("\n", 1)[0][:300],
        licence=licence,
        text=ex.text if OPEN_LICENCE.search(licence) else "",
        text_sha256=raw,
        content_sha256=content,
        warnings=ex.warnings,
        ingested_at=when,
    )
    for position, rec in enumerate(ex.records):
        record = _save_record(source, position, rec, threshold, when)
        _set_categories(record, ex.text)
    return source


def _set_categories(record: Record, text: str) -> None:
    """The special categories the notice describes (its words, and the record's Standards)."""
    record.category_rows.all().delete()
    RecordCategory.objects.using(record._state.db).bulk_create(
        RecordCategory(record=record, category=hit.code, evidence=hit.text[:200])
        for hit in find_categories(text, list(record.standards))
    )


def _save_record(
    source: Source, position: int, rec: OfficerRecord, threshold: float, when: datetime
) -> Record:
    pending = rec.uncertain(threshold)
    record = Record(
        source=source,
        position=position,
        label=rec.label,
        name="" if rec.value("anonymised") else (rec.name or ""),
        extracted={n: rec.fields[n].as_dict() for n in FIELDS},
        pending=pending,
        published=not pending,
        created_at=when,
    )
    for name in FIELDS:
        _apply(record, name, rec.value(name))
    record.save(using=source._state.db)
    _set_standards(record, record.standards)
    return record


# -- the review queue ---------------------------------------------------------------------------


def queue(force: str | None = None) -> QuerySet[Record]:
    """Records with fields awaiting a person, oldest first: of every force, or of one (``""``: of
    no known force). Only a record read from a notice waits (this system's own outcomes enter the
    register as they are synced), so the queue is read from the partial indexes of the records not
    yet published nor withdrawn, ``register_waiting`` and ``register_waiting_force``, without the
    sources."""
    rows = Record.objects.filter(published=False, withdrawal__isnull=True)
    if force is not None:
        rows = rows.filter(force=force)
    return rows.order_by("id")


NOT_STATED = "not stated"
"""What a reviewer types to say the text does not state a field (an empty box is refused)."""


def parse_value(field: str, raw: str) -> Any:
    """A person's correction of one field, checked; an error names the field in plain words."""
    text = raw.strip()
    label = LABELS[field]
    if text.lower() == NOT_STATED.lower() and field != "anonymised":
        return [] if field == "standards" else None
    if text == "":  # a Correct pressed with nothing typed must not erase what was read
        raise InvalidInput(label, f"a corrected value, or “{NOT_STATED}”", text)
    if field == "force":
        codes = {f.code: f for f in FORCES}
        by_name = {f.name.lower(): f.code for f in FORCES}
        code = (codes.get(text) and text) or by_name.get(text.lower())
        if not code:
            raise InvalidInput(
                label, "the name of a force in England and Wales, such as Kent Police", text
            )
        return code
    if field == "rank":
        code = rank_code(text) or (text if text in {r.value for r in Rank} else None)
        if not code:
            raise InvalidInput(label, "a police rank, such as constable or sergeant", text)
        return code
    choices = {"status": STATUSES, "forum": FORUMS, "finding": FINDINGS, "outcome": OUTCOMES}
    if field in choices:
        value = text.lower().replace(" ", "_")
        if value not in choices[field]:
            raise InvalidInput(label, "one of " + ", ".join(words(c) for c in choices[field]), text)
        return value
    if field == "standards":
        out = []
        for part in re.split(r"[;,\n]", text):
            if part.strip():
                code = standard_code(part) or (
                    part.strip() if part.strip() in _STANDARD_IDS else None
                )
                if not code:
                    raise InvalidInput(
                        label,
                        "Standards of Professional Behaviour such as "
                        "Honesty and Integrity, separated by commas",
                        part.strip(),
                    )
                out.append(code)
        return list(dict.fromkeys(out))
    if field == "warning_months":
        if not text.isdigit() or not 1 <= int(text) <= 60:
            raise InvalidInput(label, "a whole number of months from 1 to 60", text)
        return int(text)
    if field == "hearing_date":
        return _hearing_date(text, label)
    if field == "anonymised":
        if text.lower() not in ("yes", "no"):
            raise InvalidInput(label, "yes or no", text)
        return text.lower() == "yes"
    return text[:200]


_STANDARD_IDS = {s.id for s in standards_on(date(2020, 2, 1))}


def _hearing_date(text: str, label: str) -> str:
    """A hearing date as precise as the notice gives it: a day, a month or a year (ISO, as ingest
    stores it)."""
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return text
    month = re.fullmatch(r"(\d{1,2})/((?:19|20)\d{2})|([A-Za-z]+)\.?,? ((?:19|20)\d{2})", text)
    if month:
        number = int(month[1]) if month[1] else MONTHS.get(month[3].lower(), 0)
        if 1 <= number <= 12:
            return f"{month[2] or month[4]}-{number:02d}"
    day = parse_date(text)
    if day is None:
        raise InvalidInput(
            label,
            "a date that exists, in the form DD/MM/YYYY, or a month as MM/YYYY, or a year",
            text,
        )
    return day.isoformat()


def _locked(record_id: int, reviewer: Reviewer, using: str) -> Record:
    """The record, locked until the transaction ends, if the reviewer may change it: the check
    reads the force the record holds as it is changed (a correction of its force by someone else
    cannot slip between them). A refusal raises ``AccessDenied`` before anything is written."""
    record = (
        Record.objects.using(using).select_for_update().select_related("source").get(pk=record_id)
    )
    if not reviewer.may_change(record.force):
        raise AccessDenied(
            reviewer.why_not(record.force),
            field="force",
            expected="an administrator, or a role other than viewer in the record's force",
            received=reviewer.name,
        )
    return record


def review(
    record_id: int,
    field: str,
    *,
    reviewer: Reviewer,
    correction: str | None = None,
    now: datetime | None = None,
    using: str = "default",
) -> Record:
    """Confirm a field awaiting review as read (``correction`` None) or correct it; the decision is
    appended to the review log and the record enters the register once no field awaits review. Any
    other field (read with confidence, already decided, or of this system's own outcomes, which
    await none) is refused: it is corrected with a reason (``correct``). Only a reviewer who may
    change the record's force decides (``AccessDenied`` otherwise, nothing written)."""
    with transaction.atomic(using=using):
        return _review(_locked(record_id, reviewer, using), field, reviewer.name, correction, now)


def _review(
    record: Record, field: str, reviewer: str, correction: str | None, now: datetime | None
) -> Record:
    if field not in FIELDS:
        raise InvalidInput("Field", "one of " + ", ".join(LABELS.values()), field)
    if field not in record.pending:
        raise InvalidInput(
            LABELS[field],
            "a field awaiting review (any other field is corrected with a reason)",
            "a field that does not await review",
        )
    before = record.extracted.get(field, {}).get("value")
    if correction is None:
        after, action = before, "confirmed"
    else:
        after, action = parse_value(field, correction), "corrected"
        _change(record, field, after)
    _log(record, field, action, before, after, reviewer, now)
    record.pending = [f for f in record.pending if f != field]
    record.published = _publishable(record)
    record.save()
    return record


def _publishable(record: Record) -> bool:
    """Whether the record belongs in the public register: no field awaits review, and it is not
    withdrawn (a withdrawn record may still be reviewed and corrected, ready for its restoration)."""
    return not record.pending and not record.withdrawn


def current(record: Record, field: str) -> Any:
    """A field's value as the record holds it now (what the register shows), in the form the
    extraction gives (None when not stated)."""
    if field == "standards":
        return list(record.standards)
    if field in ("warning_months", "anonymised"):
        return getattr(record, field)
    return getattr(record, field) or None


REASON_LIMIT = 500


def correct(
    record_id: int,
    field: str,
    value: str,
    *,
    reviewer: Reviewer,
    reason: str,
    now: datetime | None = None,
    using: str = "default",
) -> Record:
    """Correct any field of an ingested record, one the software was sure of included, before or
    after it entered the register: the value is checked as the review queue checks it, the reason
    is required, and the correction is appended to the review log with the value it replaces. A
    field awaiting review is then reviewed; a published record stays in the register. Only a
    reviewer who may change the record's force corrects it (``AccessDenied`` otherwise)."""
    with transaction.atomic(using=using):
        record = _locked(record_id, reviewer, using)
        return _correct(record, field, value, reviewer.name, reason, now)


def _ingested(record: Record, what: str) -> None:
    """Only a record read from a published notice is changed here (``what`` it would be)."""
    if record.source.origin != "ingested":
        raise InvalidInput(
            "Record",
            f"a record read from a published notice (this system's own outcomes are {what} in "
            "their case)",
            "one of this system's own published outcomes",
        )


def _reason(reason: str, why_kept: str) -> str:
    """A person's reason, required and at most ``REASON_LIMIT`` characters."""
    why = reason.strip()
    if not why:
        raise InvalidInput("Reason", why_kept, why)
    if len(why) > REASON_LIMIT:
        raise InvalidInput("Reason", f"at most {REASON_LIMIT} characters", f"{len(why)} characters")
    return why


def _correct(
    record: Record, field: str, value: str, reviewer: str, reason: str, now: datetime | None
) -> Record:
    _ingested(record, "corrected")
    if field not in FIELDS:
        raise InvalidInput("Field", "one of " + ", ".join(LABELS.values()), field)
    after = parse_value(field, value)
    why = _reason(reason, "why the value is corrected (it is kept with the correction)")
    before = current(record, field)
    if after == before:
        raise InvalidInput(
            LABELS[field], "a value different from the one the record holds", value.strip()
        )
    _change(record, field, after)
    _log(record, field, "corrected", before, after, reviewer, now, why)
    if field in record.pending:
        record.pending = [f for f in record.pending if f != field]
        record.published = _publishable(record)
    record.save()
    return record


# -- withdrawal from the public register ----------------------------------------------------------


def withdraw(
    record_id: int,
    *,
    reviewer: Reviewer,
    reason: str,
    now: datetime | None = None,
    using: str = "default",
) -> Record:
    """Withdraw a record read from a notice from the public register (a notice the force withdrew, a
    wrong match, a legal request), whether it is in the register or still waiting for review. The
    reason is required. The withdrawal is appended to the review log and the record points to it
    (``withdrawal``) and leaves the register, in the same transaction: the public pages, exports,
    feed, API and plots read ``published`` records only. Who may change the record withdraws it
    (``AccessDenied`` otherwise, nothing written)."""
    return _publication(record_id, WITHDRAWN, reviewer, reason, now, using)


def restore(
    record_id: int,
    *,
    reviewer: Reviewer,
    reason: str,
    now: datetime | None = None,
    using: str = "default",
) -> Record:
    """Restore a withdrawn record, with a reason: it returns to the public register, or to the
    review queue if a field still awaits review. Appended to the review log; the withdrawal's event
    stays there as it was."""
    return _publication(record_id, RESTORED, reviewer, reason, now, using)


def _publication(
    record_id: int, action: str, reviewer: Reviewer, reason: str, now: datetime | None, using: str
) -> Record:
    """Withdraw (``WITHDRAWN``) or restore (``RESTORED``) the record, checked before anything is
    written: who may change it, a record read from a notice, a record withdrawn (to restore) or not
    (to withdraw: ``Conflict`` otherwise, saying who last did so and when), and a reason."""
    withdrawing = action == WITHDRAWN
    with transaction.atomic(using=using):
        record = _locked(record_id, reviewer, using)
        _ingested(record, "taken down" if withdrawing else "restored")
        if withdrawing == record.withdrawn:  # asked twice, or from a page out of date
            raise _already(record, withdrawing)
        why = _reason(
            reason,
            "why the record is withdrawn (staff see it; the public never do)"
            if withdrawing
            else "why the record is restored (it is kept with the restoration)",
        )
        was = record.published
        record.withdrawal = None
        record.published = not withdrawing and _publishable(record)
        event = _log(record, PUBLICATION, action, was, record.published, reviewer.name, now, why)
        record.withdrawal = event if withdrawing else None
        record.save(update_fields=["withdrawal", "published"])
        return record


def _already(record: Record, withdrawing: bool) -> Conflict:
    """A withdrawal of a record already withdrawn, or a restoration of one that is not: said with
    who last did so and when (a second press of the button, or another person first), so that the
    person sees the record's state rather than a form to fill in again. Nothing is written."""
    last = (
        ReviewEvent.objects.using(record._state.db)
        .filter(record=record, field=PUBLICATION)
        .order_by("-id")
        .first()
    )
    by = ""
    if last is not None:
        at = timezone.localtime(last.recorded_at)
        by = f" by {last.reviewer} on {at:%d/%m/%Y} at {at:%H:%M}"
    if withdrawing:
        said = f"This record was already withdrawn from the public register{by}"
        expected, received = "a record in the register or waiting for review", "a withdrawn record"
    else:
        said = "This record is not withdrawn" + (f": it was restored{by}" if by else "")
        expected, received = "a withdrawn record", "a record that is not withdrawn"
    return Conflict(
        f"{said}. Nothing was changed.", field="Record", expected=expected, received=received
    )


def _log(
    record: Record,
    field: str,
    action: str,
    before: Any,
    after: Any,
    reviewer: str,
    now: datetime | None,
    reason: str | None = None,
) -> ReviewEvent:
    """Append a decision on the record to its review log (the caller's transaction updates the
    record beside it)."""
    return ReviewEvent.objects.using(record._state.db).create(
        record=record,
        field=field,
        action=action,
        before=before,
        after=after,
        reviewer=reviewer,
        recorded_at=now or _now(),
        reason=reason,
    )


def withdrawn() -> QuerySet[Record]:
    """The withdrawn records, the latest withdrawal first, each with its withdrawal (who, when,
    why) and source: read from the partial index ``register_withdrawn``."""
    return (
        Record.objects.filter(withdrawal__isnull=False)
        .select_related("withdrawal", "source")
        .order_by("-withdrawal_id")
    )


BY_STANDARD = "Standard breached: "
"""How ``find_categories`` words a category named by a Standard rather than by the text."""


def _recategorise(record: Record) -> None:
    """The special categories named by the record's Standards, after a correction of them; those
    read from the notice's words are kept (the words are not always kept with the source)."""
    by_words = list(
        record.category_rows.exclude(evidence__startswith=BY_STANDARD).values_list(
            "category", "evidence"
        )
    )
    record.category_rows.all().delete()
    hits = {code: evidence for code, evidence in by_words}
    for hit in find_categories("", list(record.standards)):
        hits.setdefault(hit.code, hit.text[:200])
    RecordCategory.objects.using(record._state.db).bulk_create(
        RecordCategory(record=record, category=code, evidence=evidence)
        for code, evidence in hits.items()
    )


# -- the system's own published outcomes ----------------------------------------------------------

SYSTEM_LICENCE = "Published by the force through this system (the force's own terms)"


def _days(start: date | None, end: date | None) -> int | None:
    return (end - start).days if start and end and end >= start else None


@dataclass(frozen=True)
class SyncReport:
    cases: int
    records: int
    forces: tuple[str, ...] | None = None
    """The forces whose outcomes were brought in (None: every force)."""
    removed: int = 0
    """Officer records taken out: their case's outcome is no longer published."""

    def said(self) -> str:
        """The report in words: these are the system's own outcomes, not the whole register."""
        of = "" if self.forces is None else f" of {in_words(self.forces)}"
        gone = (
            f" {self.removed} officer record(s) whose outcome is no longer published left it."
            if self.removed
            else ""
        )
        return (
            f"Brought this system's published outcomes{of} into the register: "
            f"{self.cases} case(s), {self.records} officer record(s).{gone}"
        )


@transaction.atomic
def sync_system(
    on: date, *, forces: Iterable[str] | None = None, now: datetime | None = None
) -> SyncReport:
    """Bring the system's own published outcomes into the register, read through the public
    projection (so anonymity orders and redaction apply as on the public pages): every force's
    (``forces`` None: the command line and an administrator), or those of ``forces`` only (a
    reviewer brings in the outcomes of the forces whose records they may change). Those of the
    same forces no longer published leave the register (``follow``)."""
    from misconduct.app.web import register as public_register
    from misconduct.app.web import store as case_store

    when = now or _now()
    chosen = None if forces is None else tuple(sorted(set(forces)))
    published = (
        public_register.records(on)
        if chosen is None
        else [v for f in chosen for v in public_register.records(on, force=f)]
    )
    outcomes = [v for v in published if v.kind == "outcome"]
    attention = {
        ref: c.came_to_attention for ref, c in case_store.states([v.ref for v in outcomes]).items()
    }
    count = 0
    for view in outcomes:
        payload = json.dumps(view.as_dict(), sort_keys=True)
        source, _ = Source.objects.update_or_create(
            origin="system",
            url=f"/outcomes/{view.ref}/",
            defaults={
                "title": view.title[:300],
                "licence": SYSTEM_LICENCE,
                "publisher": view.force,
                "text": "",
                "text_sha256": _sha(payload),
                "ingested_at": when,
            },
        )
        for position, officer in enumerate(view.officers):
            findings = [a.finding for a in officer.allegations if a.finding]
            finding = (
                "gross_misconduct"
                if "Gross misconduct" in findings
                else "misconduct"
                if "Misconduct" in findings
                else "no_misconduct"
                if findings
                else ""
            )
            standards = list(
                dict.fromkeys(
                    c
                    for a in officer.allegations
                    for s in a.standards_breached
                    if (c := standard_code(s))
                )
            )
            day = view.hearing_on or view.decided_on or view.published_on
            rank_m = re.match(rf"(?:{RANK_PATTERN})\b", officer.label, re.I)
            record, _ = Record.objects.update_or_create(
                source=source,
                position=position,
                defaults={
                    "case_ref": view.ref,
                    "published": True,
                    "force": view.force,
                    "year": day.year if day else None,
                    "hearing_date": view.hearing_on.isoformat() if view.hearing_on else "",
                    "rank": (rank_code(rank_m.group()) or "") if rank_m else "",
                    "status": "former"
                    if officer.outcome_id == "would_have_been_dismissed"
                    else "serving",
                    "forum": view.forum.lower().replace(" ", "_"),
                    "finding": finding,
                    "outcome": officer.outcome_id or "",
                    "warning_months": officer.warning_months,
                    "decision_maker": "",
                    "anonymised": officer.anonymised,
                    "name": "" if officer.anonymised else officer.label,
                    "label": officer.label,
                    "standards": standards,
                    "attention_on": attention.get(view.ref),
                    "outcome_on": view.decided_on,
                    "days_to_outcome": _days(attention.get(view.ref), view.decided_on),
                    "extracted": {},
                    "pending": [],
                    "created_at": when,
                },
            )
            _set_standards(record, standards)
            # The special categories, read from the published (redacted) particulars and reasons
            # as a notice's words would be.
            published_words = [a.particulars for a in officer.allegations] + [
                part
                for section in officer.reasons
                for part in (*section.paragraphs, *section.items)
            ]
            _set_categories(record, "\n".join(published_words))
            count += 1
    removed = follow.no_longer_published([v.ref for v in outcomes], chosen)
    return SyncReport(len(outcomes), count, chosen, removed)


# -- search ---------------------------------------------------------------------------------------

FILTERS = ("force", "year", "rank", "standard", "finding", "outcome", "forum")
FILTER_CHOICES: dict[str, tuple[str, ...]] = {
    "force": tuple(f.code for f in FORCES),
    "rank": tuple(r.value for r in Rank),
    "standard": tuple(s.id for s in standards_on(date(2020, 2, 1))),
    "finding": FINDINGS,
    "outcome": OUTCOMES,
    "forum": FORUMS,
}
"""The ids each filter takes (the public page's lists, the exports' and the API's parameters)."""


def filters_from(params: Any) -> dict[str, str]:
    """The search filters given (query parameters), each checked against its vocabulary: a value
    from no list (a link edited by hand, or an old one) is refused rather than matching nothing, or,
    in an export, everything."""
    out: dict[str, str] = {}
    for key in FILTERS:
        value = (params.get(key) or "").strip()
        if not value:
            continue
        if key == "year" and not re.fullmatch(r"(?:19|20)\d{2}", value):
            raise InvalidInput("Year", "a year such as 2024", value)
        if key in FILTER_CHOICES and value not in FILTER_CHOICES[key]:
            listed = "Standards" if key == "standard" else f"{key}s"
            raise InvalidInput(key.capitalize(), f"one of the {listed} in the list", value)
        out[key] = value
    return out


def search(filters: dict[str, str]) -> QuerySet[Record]:
    """Published records matching the filters, newest first; each filter reads an index."""
    rows = Record.objects.filter(published=True)
    for key, value in filters.items():
        if key == "standard":
            rows = rows.filter(standard_rows__standard=value)
        elif key == "year":
            rows = rows.filter(year=int(value))
        else:
            rows = rows.filter(**{key: value})
    return rows.select_related("source").order_by("-id")


def page(filters: dict[str, str], before: int | None) -> tuple[list[Record], int | None]:
    """One page of results (keyset: the records older than ``before``) and the next page's key."""
    rows = search(filters)
    if before is not None:
        rows = rows.filter(id__lt=before)
    found = list(rows[: PAGE_SIZE + 1])
    more = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    return found, (found[-1].id if more else None)


def public_row(r: Record) -> dict[str, Any]:
    """What the public sees of a record: facts and provenance, never an anonymised officer's name."""
    return {
        "id": r.id,
        "officer": r.public_label,
        "anonymised": r.anonymised,
        "force": r.force or None,
        "year": r.year,
        "hearing_date": r.hearing_date or None,
        "rank": r.rank or None,
        "status": r.status or None,
        "forum": r.forum or None,
        "finding": r.finding or None,
        "standards": r.standards,
        "outcome": r.outcome or None,
        "warning_months": r.warning_months,
        "decision_maker": r.decision_maker or None,
        "origin": r.source.origin,
        "source": r.source.url,
        "licence": r.source.licence,
    }


def export_rows(filters: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every matching record for CSV or JSON export, read in chunks, with the special categories the
    notice describes (read from its words at ingest)."""
    for r in search(filters).prefetch_related("category_rows").iterator(chunk_size=2000):
        yield {
            **public_row(r),
            "special_categories": sorted(c.category for c in r.category_rows.all()),
        }
