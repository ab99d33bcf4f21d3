"""A public record's page (a hearing notice or a published outcome) as finished HTML, built once when
the record is written to its read model (``PublicEntry.page``), so that a request for the page is one
indexed read and the links put in (issue 10: the page cost the same at 1,000 cases as at 100,000
only while the per-process cache held it).

:func:`page` gives what ``web/public/record.html`` showed of a :class:`PublicCase`, every value escaped
(``html.fill``), with no link in it: the links (the force's page, the published-outcome documents)
depend on where the application is served, so the view adds them (:func:`content`). A stored page of
another :data:`VERSION` (the code changed since it was written) is built again from the stored record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from threading import Lock
from typing import Any

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString

from misconduct.app.web.html import esc, fill
from misconduct.app.web.publication import PublicCase
from misconduct.app.web.templatetags.web import british, months

VERSION = 1
"""Raised whenever :func:`page` changes what it builds: a stored page of another version is not used."""


def _joined(values: tuple[str, ...]) -> str:
    return ", ".join(esc(v) for v in values)


def _allegation(a: Any, kind: str) -> str:
    out = [esc(a.particulars)]
    if a.conduct_from:
        if a.conduct_to and a.conduct_to != a.conduct_from:
            when = fill(
                "The conduct took place between {} and {}",
                british(a.conduct_from),
                british(a.conduct_to),
            )
        else:
            when = fill("The conduct took place on {}", british(a.conduct_from))
        duty = (
            ", at least partly on duty" if a.on_duty else ", off duty" if a.on_duty is False else ""
        )
        out.append(f" <span>{when}{duty}.</span>")
    which = (
        "Standard of professional behaviour alleged to be breached"
        if len(a.standards) == 1
        else "Standards of professional behaviour alleged to be breached"
    )
    out.append(f'\n      <span class="cite">{which}: {_joined(a.standards)}.</span>')
    if a.finding:
        out.append(fill(" <strong>Finding: {}</strong>", a.finding.lower()))
        if a.standards_breached:
            out.append(f", a breach of {_joined(a.standards_breached)}")
        out.append(".")
    return f"    <li>{''.join(out)}</li>\n"


def _officer(n: int, o: Any, kind: str) -> str:
    heading = esc(o.label)
    if o.outcome:
        heading += ": " + esc(o.outcome.lower())
        if o.warning_months:
            heading += " for " + esc(months(o.warning_months))
    s = "" if len(o.allegations) == 1 else "s"
    what = f"The allegation{s}" if kind == "notice" else f"The allegation{s} and the finding{s}"
    parts = [
        f'  <section aria-labelledby="officer-{n}">\n',
        f'  <h2 id="officer-{n}">{heading}</h2>\n',
        f"  <h3>{what}</h3>\n  <ol>\n",
        *(_allegation(a, kind) for a in o.allegations),
        "  </ol>\n",
    ]
    for section in o.reasons:
        parts.append(fill("    <h3>{}</h3>\n", section.heading))
        parts += [fill("    <p>{}</p>\n", p) for p in section.paragraphs]
        if section.items:
            parts.append("    <ul>" + "".join(fill("<li>{}</li>", i) for i in section.items))
            parts.append("</ul>\n")
    parts.append("  </section>\n")
    return "".join(parts)


_GLOSSARY = """<details class="glossary">
  <summary>What the terms on this page mean</summary>
  <dl>
    <dt>Standards of professional behaviour</dt><dd>The standards every police officer must meet, such as honesty and integrity, or not discrediting the police service.</dd>
    <dt>Misconduct</dt><dd>A breach of those standards serious enough to justify disciplinary action.</dd>
    <dt>Gross misconduct</dt><dd>A breach so serious that it could justify dismissal.</dd>
    <dt>Accelerated misconduct hearing</dt><dd>A hearing held quickly, without a full panel, when the written evidence is enough to show gross misconduct and it is in the public interest to act without delay.</dd>
    <dt>Culpability</dt><dd>How far the officer is to blame for what they did.</dd>
    <dt>Harm</dt><dd>The harm the conduct caused or could have caused, including to public confidence in the police.</dd>
    <dt>Aggravating and mitigating features</dt><dd>Features of the conduct that make it more serious, or less serious.</dd>
    <dt>Personal mitigation</dt><dd>Things about the officer, such as remorse or steps taken since, that the chair may weigh when choosing the outcome.</dd>
    <dt>Final written warning</dt><dd>A formal warning that stays in force for a set period. Further misconduct while it is in force can lead to dismissal.</dd>
  </dl>
</details>
</article>
"""


def page(r: PublicCase) -> dict[str, Any]:
    """The record's page without its links: its title, force, whether it links to the published
    outcome's documents, the HTML before those links (``head``: the force's name, which the link
    back to the force's page shows, then the record's facts) and after them (``body``)."""
    facts = [
        fill("  <dt>Force</dt><dd>{}</dd>\n", r.force_name),
        fill(
            "  <dt>Proceedings</dt><dd>{}{}</dd>\n",
            r.forum,
            SafeString(", held in public") if r.in_public else "",
        ),
        fill("  <dt>Hearing</dt><dd>{}</dd>\n", british(r.hearing_on)),
    ]
    if r.chair:
        facts.append(fill("  <dt>Chaired by</dt><dd>{}</dd>\n", r.chair))
    if r.decided_on:
        facts.append(fill("  <dt>Decided</dt><dd>{}</dd>\n", british(r.decided_on)))
    if r.published_on:
        facts.append(fill("  <dt>Published</dt><dd>{}</dd>\n", british(r.published_on)))
    head = (
        fill(
            '{}</a></p>\n<article class="ruling" id="{}">\n<h1>{}</h1>\n',
            r.force_name,
            r.anchor,
            r.title,
        )
        + '<dl class="facts">\n'
        + "".join(facts)
        + "</dl>\n"
    )
    body = [_officer(n, o, r.kind) for n, o in enumerate(r.officers, start=1)]
    if r.reporting_restrictions:
        body.append(
            fill("<p><small>Reporting restrictions: {}</small></p>\n", r.reporting_restrictions)
        )
    if r.visible_until_at_least:
        body.append(
            fill(
                "<p><small>This record stays published for at least 28 days, until {} at the"
                " earliest.</small></p>\n",
                british(r.visible_until_at_least),
            )
        )
    body.append(_GLOSSARY)
    return {
        "version": VERSION,
        "title": r.title,
        "force": r.force,
        "documents": r.kind == "outcome",
        "head": head,
        "body": "".join(body),
    }


def usable(stored: Any) -> Mapping[str, Any] | None:
    """The stored page if it is one of this :data:`VERSION`, else None."""
    if isinstance(stored, Mapping) and stored.get("version") == VERSION:
        return stored
    return None


_PLAIN = re.compile(r"[A-Za-z0-9_-]+")
"""An argument a URL shows as it is (no quoting) and which both the ``str`` and the ``slug`` converter
take as it is: every reference and force code."""
_SLOT = "zzslotzz"
_shapes: dict[tuple[str, str, Any], tuple[str, str]] = {}
_lock = Lock()


def url(name: str, arg: str) -> str:
    """``reverse(name, args=[arg])`` for a URL of one argument, reversed once per process and script
    prefix (with a placeholder for the argument) instead of at every request (issue 10: two reversals
    were a tenth of a public record's page); an argument that is not :data:`_PLAIN` is reversed."""
    if not _PLAIN.fullmatch(arg):
        return reverse(name, args=[arg])
    key = (name, get_script_prefix(), get_urlconf())
    shape = _shapes.get(key)
    if shape is None:
        before, slot, after = reverse(name, args=[_SLOT]).partition(_SLOT)
        if not slot or _SLOT in after:
            return reverse(name, args=[arg])
        shape = (before, after)
        with _lock:
            _shapes[key] = shape
    return f"{shape[0]}{arg}{shape[1]}"


def content(p: Mapping[str, Any], ref: str) -> SafeString:
    """The page's main content: ``p`` (from :func:`page`) with its links put in."""
    docs = ""
    if p["documents"]:
        # the documents' URLs are the record's and their name (``web:public-document``)
        here = url("web:public-record", ref)
        docs = fill(
            '<p><a href="{}published-outcome.pdf">The published outcome as a document (PDF)</a>'
            ' · <a href="{}published-outcome.html">as a web page</a></p>\n',
            here,
            here,
        )
    back = fill('<p><a href="{}">← ', url("web:public-force", p["force"]))
    return SafeString(f"{back}{p['head']}{docs}{p['body']}")
