"""Persistence: the append-only event log and the current-state projection written with it.

The events are the record. The projection (cases, officers, allegations, time limits, warnings) is
rewritten from the domain's ``Case`` in the same transaction as each append, so lists and due-date
queries never fold events. ``Case.state`` keeps the whole projection as JSON for reading:
``codec.to_plain`` of the domain's ``Case``, which ``from_plain`` decodes back to an equal ``Case``;
``Case.state_format`` names the shape of ``Case`` it was written in (a state of another shape, or none,
is folded from the events instead: see ``repository.DjangoRepository.load_states``).
"""

from __future__ import annotations

from django.db import models


class Force(models.Model):
    code = models.CharField(max_length=40, primary_key=True)
    name = models.CharField(max_length=100)
    territorial = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.name


class OfficerPerson(models.Model):
    """Issue 13 item 6: the officers' person table. An officer is named in the events by an opaque
    id (``domain.persons``); their force and warrant number are here, so that a case opened later
    for the same officer gets the same id (and finds their earlier warnings). Written when a case
    first names the officer, never changed but by erasure (the number set to NULL with the date, once
    no case that is not erased holds the officer: ``app.erasure``), never deleted (triggers from
    migration 0012_persons_officer_ids). Officers of cases recorded before have ``force:number`` ids,
    entered here by that migration."""

    officer_id = models.CharField(max_length=80, unique=True)
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="+")
    warrant_number = models.CharField(max_length=30, null=True)
    erased_on = models.DateField(null=True)

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(
                fields=["force", "warrant_number"], name="officer_person_number_once"
            )
        ]

    def __str__(self) -> str:
        return self.officer_id


class Officer(models.Model):
    """The projection of an officer as their cases last described them (shared by their cases)."""

    officer_id = models.CharField(max_length=80, unique=True)
    force = models.ForeignKey(Force, on_delete=models.PROTECT)
    warrant_number = models.CharField(max_length=80)
    """The number, or once erased the placeholder (``OfficerPerson`` keeps the number unique)."""
    name = models.CharField(max_length=200)
    rank = models.CharField(max_length=40)
    serving = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.officer_id


class Case(models.Model):
    ref = models.CharField(max_length=60, unique=True)
    force = models.ForeignKey(Force, on_delete=models.PROTECT)
    source = models.CharField(max_length=40)
    came_to_attention = models.DateField()
    summary = models.TextField()
    stage = models.CharField(max_length=40, db_index=True)
    version = models.PositiveIntegerField()
    forum = models.CharField(max_length=40, blank=True)
    anonymity_cipher = models.CharField(max_length=40, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    state = models.JSONField()
    state_format = models.CharField(max_length=40, blank=True, default="")
    officers = models.ManyToManyField(Officer, related_name="cases")

    def __str__(self) -> str:
        return self.ref


class Party(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    detail = models.TextField(blank=True)


class Allegation(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="allegations")
    allegation_id = models.CharField(max_length=20)
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT)
    particulars = models.TextField()
    conduct_from = models.DateField()
    conduct_to = models.DateField()
    on_duty = models.BooleanField()
    standards = models.JSONField()
    proven = models.BooleanField(null=True)
    finding_level = models.CharField(max_length=40, blank=True)

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["case", "allegation_id"], name="allegation_id_once")
        ]


class DueFields(models.Model):
    """A time limit's fields as the rules compute them (``records.DueItem``)."""

    step = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    citation = models.CharField(max_length=200)
    status = models.CharField(max_length=30)
    nature = models.CharField(max_length=20)
    party = models.CharField(max_length=100)
    officer_id = models.CharField(max_length=80, blank=True)
    trigger = models.DateField()
    due = models.DateField(null=True)
    earliest = models.DateField(null=True)
    latest = models.DateField(null=True)

    class Meta:
        abstract = True


class TimeLimit(DueFields):
    """A statutory time limit a step started, with its dates as the rules computed them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="time_limits")
    last_day = models.DateField(db_index=True)
    met_on = models.DateField(null=True)


class Warning(models.Model):
    """A warning on an officer's record: declared when a case opened, or given by a decision."""

    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="warnings")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="warnings")
    kind = models.CharField(max_length=40)
    notified_on = models.DateField()
    months = models.PositiveIntegerField()
    career_break_days = models.PositiveIntegerField(default=0)
    expires_on = models.DateField()
    prior = models.BooleanField(default=False)


class Event(models.Model):
    """Append-only: the database refuses UPDATE and DELETE (triggers from migration 0002)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField()
    type = models.CharField(max_length=60)
    payload = models.JSONField()
    occurred_on = models.DateField()
    recorded_at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    rules_version = models.CharField(max_length=80)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    canonical_payload = models.TextField(null=True, default=None)
    """The payload's canonical JSON text, which the hash covers: empty where ``payload`` itself holds
    it (SQLite), NULL for an event recorded before it was kept (``app.event_bytes``)."""

    class Meta:
        ordering = ["case_id", "sequence"]  # noqa: RUF012
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["case", "sequence"], name="event_sequence_once")
        ]
        indexes = [models.Index(fields=["actor", "case"], name="event_actor_case")]  # noqa: RUF012

    def __str__(self) -> str:
        return f"{self.case_id}#{self.sequence} {self.type}"


class PersonalDatum(models.Model):
    """Issue 13 item 6: a personal value (a name, contact details, free text) that an event refers
    to by id, held outside the hash chain. The event holds only the id and a salted commitment
    (``domain.personal``); erasure deletes the value and its salt and keeps the row as a tombstone
    with the date, so the chain verifies and the erasure event in it names what went."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="personal_data")
    datum_id = models.CharField(max_length=200)
    value = models.TextField(null=True)
    salt = models.CharField(max_length=64, null=True)
    erased_on = models.DateField(null=True)
    commitment = models.CharField(max_length=64, null=True)
    """``personal.commitment`` of the id, salt and value, written with them and kept on erasure
    (the events hold it too). PostgreSQL holds it to the value and salt by a check constraint
    (migration 0019), on which ``audit verify`` relies instead of hashing every value; SQLite
    keeps it unchecked and the audit there never reads it."""

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=["case", "datum_id"], name="personal_datum_once")
        ]


# -- read models (``misconduct.app.readmodels``): rewritten with each append, rebuilt by ``db rebuild``


class CaseListing(models.Model):
    """One line per case for the staff case list, the dashboard and the API case list."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="+")
    ref = models.CharField(max_length=60, unique=True)
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=40)
    version = models.PositiveIntegerField()
    came_to_attention = models.DateField()
    opened_on = models.DateField()
    officers = models.JSONField()
    search_text = models.TextField()
    officer_text = models.TextField()
    standards = models.TextField(blank=True)
    assignee = models.CharField(max_length=150, blank=True)
    next_deadline = models.DateField(null=True)
    overdue_from = models.DateField(null=True)
    published_on = models.DateField(null=True)
    closed_on = models.DateField(null=True)
    closed = models.BooleanField()

    class Meta:
        indexes = [  # noqa: RUF012
            models.Index(fields=["-came_to_attention", "ref"], name="listing_newest"),
            models.Index(
                fields=["force", "-came_to_attention", "ref"], name="listing_force_newest"
            ),
            models.Index(fields=["force", "stage"], name="listing_force_stage"),
            models.Index(fields=["closed", "ref"], name="listing_open_ref"),
            models.Index(fields=["assignee", "ref"], name="listing_assignee"),
        ]


class CaseChair(models.Model):
    """A chair named on a case (name as ``readmodels.chair_key`` writes it): what chairs may see."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["key", "case"], name="chair_key_case")]  # noqa: RUF012


class DueEntry(DueFields):
    """An open time limit of an open case, indexed by its last day, with the person who holds it
    (``readmodels.holder``); also the take-down of a published outcome (step
    ``publication_take_down``, open or closed case), which "My work" and reminders list."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    ref = models.CharField(max_length=60)
    force = models.CharField(max_length=40)
    last_day = models.DateField()
    holder = models.CharField(max_length=150, blank=True, default="")
    holder_role = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        # Each ends in the lists' whole order (last day, reference, key), so that a page of a
        # nature's time limits is read in order and stops at its 25th row, however many share a day.
        indexes = [  # noqa: RUF012
            models.Index(fields=["nature", "last_day", "ref", "id"], name="due_nature_order"),
            models.Index(
                fields=["force", "nature", "last_day", "ref", "id"], name="due_force_nature_order"
            ),
            models.Index(
                fields=["holder", "nature", "last_day", "ref", "id"], name="due_holder_order"
            ),
        ]


class AwaitedEntry(models.Model):
    """A step of an open case that the regulations require with no time to do it in, awaited until
    it is recorded, with the person who holds it (``readmodels.holder``): "My work" and reminders
    list it apart from the time limits, with the day it has been awaited since and no last day.
    Today these are the chair's written reasons to the local policing body for each exclusion,
    condition excluding a person, anonymity order or reporting restriction of a hearing (SI 2020/4
    reg 39(3A); reg 59(4); ``domain.privacy.reasons_awaited``)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    ref = models.CharField(max_length=60)
    force = models.CharField(max_length=40)
    step = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True, default="")
    """What awaits it, in words (such as "Excluded the public from the whole of the proceedings")."""
    citation = models.CharField(max_length=200)
    party = models.CharField(max_length=100)
    since = models.DateField()
    """The day of the step that made it awaited: never a last day."""
    holder = models.CharField(max_length=150, blank=True, default="")
    holder_role = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        # "My work" reads one holder's rows, oldest first; reminders read every held row by holder
        indexes = [  # noqa: RUF012
            models.Index(fields=["holder", "since", "ref", "id"], name="awaited_holder_order"),
        ]


class CaseAssignee(models.Model):
    """A person a case is assigned to and in which role: "My work" reads one person's rows."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    username = models.CharField(max_length=150)
    role = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["username", "case"], name="assignee_user_case")]  # noqa: RUF012


class DecisionEntry(models.Model):
    """An outcome decided for an officer of a case, with what the Home Office annual return counts
    (``register.annual_return``): the return reads one force's decisions of one year by the index."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    ref = models.CharField(max_length=60)
    force = models.CharField(max_length=40)
    officer_id = models.CharField(max_length=80)
    decided_on = models.DateField()
    regime = models.CharField(max_length=60)
    forum = models.CharField(max_length=40, blank=True)
    finding = models.CharField(max_length=40)
    outcome = models.CharField(max_length=60)
    source = models.CharField(max_length=40)
    came_to_attention = models.DateField()

    class Meta:
        indexes = [  # noqa: RUF012
            models.Index(fields=["force", "decided_on"], name="decision_force_day"),
        ]


class CasePage(models.Model):
    """What the staff case page shows of a case whatever the reader (``web.casepage``): its summary,
    officers, parties, allegations, where it stands, the hearing, the time limits, the documents
    reached and the timeline's labels, as finished HTML, and who may see it (force and chairs).
    ``steps`` holds every step's availability on the day ``steps_on`` (the rules' dry run depends on
    the date and on the officers' warnings from other cases): written by the first reader of the day
    (or ``misconduct db steps``), emptied by any write of the case or of another case of its
    officers."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="+")
    ref = models.CharField(max_length=60, unique=True)
    version = models.PositiveIntegerField()
    force = models.CharField(max_length=40)
    chairs = models.TextField()
    """The chairs' names as the permission checks compare them, as a JSON list."""
    parts = models.TextField()
    """The page's parts, as JSON text (``web.casepage.parts``)."""
    parts_format = models.CharField(max_length=40)
    steps_on = models.DateField(null=True)
    steps = models.TextField(blank=True, default="")


class ReferenceCounter(models.Model):
    """The highest number given to a case reference of a force and year (``MPS-2026``): a new case's
    reference is read from here (one row), not from every reference of the force and year. Raised in
    the transaction that writes a new case; the unique reference of ``Case`` settles a race."""

    key = models.CharField(max_length=20, primary_key=True)
    last = models.PositiveIntegerField()


class PublicEntry(models.Model):
    """A public record (hearing notice or outcome), already redacted, with the days it is public."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    ref = models.CharField(max_length=60)
    kind = models.CharField(max_length=10)
    rank = models.PositiveSmallIntegerField()
    force = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    sort_on = models.DateField()
    visible_from = models.DateField()
    visible_until = models.DateField(null=True)
    record = models.JSONField()
    record_format = models.CharField(max_length=40)
    page = models.JSONField(null=True)
    """The record's page as finished HTML without its links (``web.record_page.page``); None in
    rows written before it was kept (``misconduct db rebuild`` fills it)."""
    search_text = models.TextField()
    changed_at = models.DateTimeField()

    class Meta:
        indexes = [  # noqa: RUF012
            models.Index(fields=["rank", "-sort_on", "ref"], name="public_order"),
            models.Index(fields=["force", "rank", "-sort_on", "ref"], name="public_force_order"),
            models.Index(fields=["year", "rank", "-sort_on", "ref"], name="public_year_order"),
            models.Index(fields=["ref", "kind"], name="public_ref"),
            models.Index(fields=["changed_at"], name="public_changed"),
        ]


class PublicTag(models.Model):
    """A filter value of a public record: ``outcome:ID``, ``finding:ID``, ``standard:ID``."""

    entry = models.ForeignKey(PublicEntry, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["tag", "entry"], name="public_tag_entry")]  # noqa: RUF012


class LedgerEntry(models.Model):
    """Append-only (triggers from migration 0005_safety_ledger): one entry per write, naming the case
    written and its head after the write (how many events, the last one's hash), chained to the entry
    before. A case's head is thus anchored outside the case's own rows: deleting the tail of a case,
    or a whole case, no longer leaves a chain that verifies (``misconduct audit verify``)."""

    position = models.PositiveIntegerField(unique=True)
    case_ref = models.CharField(max_length=60, db_index=True)
    count = models.PositiveIntegerField()
    head = models.CharField(max_length=64)
    recorded_at = models.DateTimeField()
    previous = models.CharField(max_length=64)
    chain = models.CharField(max_length=64, unique=True)
    mac = models.CharField(max_length=64, blank=True, default="")
    """HMAC-SHA-256 of ``chain`` under MISCONDUCT_AUDIT_KEY, when that key is set."""

    class Meta:
        ordering = ["position"]  # noqa: RUF012


class LedgerTip(models.Model):
    """One row, locked by every write (SELECT ... FOR UPDATE), so ledger positions never race."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    position = models.PositiveIntegerField(default=0)


class Erasure(models.Model):
    """Issue 13: a closed case whose personal data were erased after its retention period
    (``misconduct.app.erasure``): the index of erased cases. The erasure itself is an event on the
    case's chain (``PersonalDataErased``), and the values are gone from ``PersonalDatum``."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="erasure")
    erased_on = models.DateField()
    recorded_at = models.DateTimeField()
    actor = models.CharField(max_length=150)
    erased = models.JSONField(help_text="What was erased: table and column, with how many rows.")

    def __str__(self) -> str:
        return f"{self.case_id} erased {self.erased_on}"


class AccessRecord(models.Model):
    """Who saw what: one row per view of a case or a document, or a download (append-only:
    triggers from migration 0007_safety_access_log). Readable by the force's appropriate authority
    (the PSD lead) on the staff pages."""

    at = models.DateTimeField(db_index=True)
    user_id = models.BigIntegerField()
    username = models.CharField(max_length=150)
    force = models.CharField(max_length=40, db_index=True)
    case_ref = models.CharField(max_length=60, db_index=True)
    what = models.CharField(max_length=80)
    """"case page", "case (API)", "document reg17-notice.pdf" ..."""

    class Meta:
        ordering = ["-at", "-id"]  # noqa: RUF012
