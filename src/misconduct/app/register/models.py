"""The register's tables: sources, one record per officer, the Standards index and the review log.

A record enters the public register (``published``) only when no field awaits review and it has not
been withdrawn from it: the review log is append-only (the database refuses UPDATE and DELETE), and
each decision (a field confirmed or corrected, the record withdrawn or restored) updates the record,
its projection, in the same transaction.
"""

from __future__ import annotations

from datetime import date

from django.db import models

from misconduct.domain.forces import FORCES
from misconduct.rules.standards import standards_on

FORCE_NAMES = {f.code: f.name for f in FORCES}
"""Each force's name by its code, for the register's pages and messages."""
STANDARD_HEADINGS = {s.id: s.heading for s in standards_on(date(2020, 2, 1))}
"""Each Standard's heading as the 2020 Regulations print it ("Authority, Respect and Courtesy")."""


def standard_heading(code: str) -> str:
    return STANDARD_HEADINGS.get(code, code.replace("_", " "))


_PUB = models.Q(published=True)
_WAITING = models.Q(published=False, withdrawal__isnull=True)
_WITHDRAWN = models.Q(withdrawal__isnull=False)
_SYSTEM = models.Q(published=True) & ~models.Q(case_ref="")

ORIGINS = [("ingested", "Ingested from a published notice"), ("system", "This system's own case")]


class Source(models.Model):
    """Where records came from: an address or file, its licence, and its text when the licence
    allows keeping it (Open Government Licence, Open Justice Licence); otherwise facts only.
    ``text_sha256`` is the SHA-256 of the text as read; ``content_sha256`` that of its normalised
    content (``ingest.content``), unique, so that the same notice from another file or address is
    recognised and stored once (None for this system's own outcomes, and for a source stored before
    this hash existed whose text was not kept, or whose content repeated an earlier source's)."""

    origin = models.CharField(max_length=16, choices=ORIGINS)
    url = models.CharField(max_length=600)
    title = models.CharField(max_length=300, blank=True)
    licence = models.CharField(max_length=200)
    publisher = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)
    text_sha256 = models.CharField(max_length=64)
    # Nullable, so that adding it is a plain ADD COLUMN; unique where set (a partial unique index,
    # which SQLite adds without rebuilding the table).
    content_sha256 = models.CharField(max_length=64, null=True)
    warnings = models.JSONField(default=list)
    ingested_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["url", "text_sha256"], name="register_source_once"),
            models.UniqueConstraint(
                fields=["content_sha256"],
                condition=models.Q(content_sha256__isnull=False),
                name="register_source_content_once",
            ),
        )

    def __str__(self) -> str:
        return self.url

    @property
    def link(self) -> str:
        """The address as a link, only when it is a web address (never a file path or a script)."""
        return self.url if self.url.startswith(("https://", "http://")) else ""

    @property
    def licence_shown(self) -> str:
        """The licence in words for the pages: "verify" (ingest's default when none was given)
        reads "not confirmed"; the exports keep the value as stored."""
        return "not confirmed" if self.licence.strip().lower() == "verify" else self.licence


class Record(models.Model):
    """One officer's published outcome. ``published``: in the public register (every field decided,
    and not withdrawn). ``withdrawal``: while the record is withdrawn from the register, the review
    log's event that withdrew it (who, when and why); None otherwise."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="records")
    position = models.PositiveSmallIntegerField()
    case_ref = models.CharField(max_length=64, blank=True)
    published = models.BooleanField(default=False)
    # Nullable, so that adding it is a plain ADD COLUMN; indexed only where set (register_withdrawn).
    withdrawal = models.ForeignKey(
        "ReviewEvent", null=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    force = models.CharField(max_length=64, blank=True)
    year = models.PositiveSmallIntegerField(null=True)
    hearing_date = models.CharField(max_length=10, blank=True)
    rank = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=16, blank=True)
    forum = models.CharField(max_length=40, blank=True)
    finding = models.CharField(max_length=24, blank=True)
    outcome = models.CharField(max_length=40, blank=True)
    warning_months = models.PositiveSmallIntegerField(null=True)
    decision_maker = models.CharField(max_length=200, blank=True)
    anonymised = models.BooleanField(default=True)
    name = models.CharField(max_length=200, blank=True)
    label = models.CharField(max_length=200)
    standards = models.JSONField(default=list)
    attention_on = models.DateField(null=True)
    outcome_on = models.DateField(null=True)
    days_to_outcome = models.PositiveIntegerField(null=True)
    extracted = models.JSONField(default=dict)
    pending = models.JSONField(default=list)
    created_at = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["source", "position"], name="register_record_once"),
        )
        # Partial indexes over the published records only: each filter, then the id for the
        # newest-first page, so a page of any search reads the index and the rows it shows.
        indexes = (
            models.Index(
                fields=["force", "year", "id"], name="register_force_year", condition=_PUB
            ),
            models.Index(fields=["year", "id"], name="register_year", condition=_PUB),
            models.Index(fields=["outcome", "id"], name="register_outcome", condition=_PUB),
            models.Index(fields=["finding", "id"], name="register_finding", condition=_PUB),
            models.Index(fields=["forum", "id"], name="register_forum", condition=_PUB),
            models.Index(fields=["rank", "id"], name="register_rank", condition=_PUB),
            models.Index(fields=["id"], name="register_newest", condition=_PUB),
            # The review queue: the records still waiting (not withdrawn), oldest first, of every
            # force or of one (a reviewer's own, or none known), so a page of it reads as few rows
            # as it shows.
            models.Index(fields=["id"], name="register_waiting", condition=_WAITING),
            models.Index(fields=["force", "id"], name="register_waiting_force", condition=_WAITING),
            # The withdrawn records, the latest withdrawal first (staff's list of them).
            models.Index(fields=["withdrawal"], name="register_withdrawn", condition=_WITHDRAWN),
            # This system's own outcomes in the register, by case: each leaves it with its case's
            # take-down, and a sync finds those no longer published (``follow``).
            models.Index(fields=["case_ref"], name="register_system", condition=_SYSTEM),
        )

    def __str__(self) -> str:
        return f"{self.label} ({self.force or 'force not known'})"

    @property
    def force_name(self) -> str:
        return FORCE_NAMES.get(self.force, "")

    @property
    def withdrawn(self) -> bool:
        return self.withdrawal_id is not None

    @property
    def hearing_date_display(self) -> str:
        return "/".join(reversed(self.hearing_date.split("-"))) if self.hearing_date else ""

    @property
    def forum_words(self) -> str:
        return self.forum.replace("_", " ")

    @property
    def finding_words(self) -> str:
        return self.finding.replace("_", " ")

    @property
    def outcome_words(self) -> str:
        return self.outcome.replace("_", " ")

    @property
    def rank_words(self) -> str:
        return self.rank.replace("_", " ")

    @property
    def standards_words(self) -> str:
        return "; ".join(standard_heading(s) for s in self.standards)  # headings hold commas

    @property
    def public_label(self) -> str:
        """Never the name of an anonymised officer."""
        return self.label if self.anonymised or not self.name else self.name


class RecordStandard(models.Model):
    """One Standard of one record, so that search by Standard reads an index."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="standard_rows")
    standard = models.CharField(max_length=64)

    class Meta:
        indexes = (models.Index(fields=["standard", "record"], name="register_standard"),)


class RecordCategory(models.Model):
    """One special category (the guidance's, e.g. violence against women and girls) a record's
    notice describes, read from the notice's words at ingest, with the words it was read from."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="category_rows")
    category = models.CharField(max_length=64)
    evidence = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = (models.Index(fields=["category", "record"], name="register_category"),)


WITHDRAWN = "withdrawn"
RESTORED = "restored"
PUBLICATION = "published"
"""The review log's ``field`` of a withdrawal or a restoration: whether the record is in the public
register (``before`` and ``after`` say whether it was, and is)."""


class ReviewEvent(models.Model):
    """A person's decision on one field: confirmed as read, or corrected; or on the record's place in
    the public register: withdrawn from it, or restored (append-only). A correction of a field the
    software was sure of (or of a record already in the register) says why (``reason``), as do a
    withdrawal and a restoration; the review queue's decisions on uncertain fields give none."""

    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="reviews")
    field = models.CharField(max_length=32)
    action = models.CharField(
        max_length=16,
        choices=[
            ("confirmed", "Confirmed"),
            ("corrected", "Corrected"),
            (WITHDRAWN, "Withdrawn"),
            (RESTORED, "Restored"),
        ],
    )
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    reviewer = models.CharField(max_length=150)
    recorded_at = models.DateTimeField()
    # NULL for the review queue's decisions. Nullable so that adding it is a plain ADD COLUMN on
    # SQLite too: a column with a default makes Django rebuild the table, dropping its triggers.
    reason = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ("recorded_at", "id")
