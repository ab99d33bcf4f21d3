"""What an extraction change changed: every field of every record, at a base commit and now.

A rule written for one page must change nothing else it was not meant to. This reads every text
it can find, at a base commit (a temporary git worktree) and in the working tree, and prints each
page whose records differ, field by field:

    .venv/bin/python eval/fields_diff.py [BASE]            # BASE defaults to HEAD
    .venv/bin/python eval/fields_diff.py --cache DIR [BASE]
    .venv/bin/python eval/fields_diff.py --skip invented/multi3 [BASE]   # leave pages out

The texts read: the shared cases (``../shared/cases/real_outcomes_dev.jsonl``), the corpus's kept
texts (``eval/corpus/texts``), the invented pages (``eval/invented``), and, from ``--cache DIR``
(default ``MISCONDUCT_INGEST_CACHE``), every ``heldoutN`` folder of page texts under it, with
each held-out set's ``MISCONDUCT_INGEST_HELDOUTN_TEXTS`` also honoured. It prints the number of
pages read from each source, so a missing folder shows. A development tool: it scores nothing.

``dump SRC OUT`` (used by the comparison, in a child process per side) writes the records of
every text as JSON, extracted by the package under ``SRC``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "cases" / "real_outcomes_dev.jsonl"


def texts(cache: Path | None) -> dict[str, tuple[str, str | None]]:
    """Every readable text: ``{key: (text, url)}``; keys say where the text came from."""
    out: dict[str, tuple[str, str | None]] = {}
    if SHARED.exists():
        for line in SHARED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out[f"shared/{r['id']}"] = (r["text"], r.get("source_url_or_repo_path"))
    for path in sorted((ROOT / "eval" / "corpus" / "texts").glob("*.txt")):
        text = "\n".join(
            x
            for x in path.read_text(encoding="utf-8").splitlines()
            if not x.startswith("# Source:")
        )
        out[f"corpus/{path.stem}"] = (text, None)
    for path in sorted((ROOT / "eval" / "invented").glob("*/*.txt")):
        out[f"invented/{path.parent.name}/{path.stem}"] = (path.read_text(encoding="utf-8"), None)
    folders: dict[str, Path] = {}
    if cache and cache.is_dir():
        for sub in cache.iterdir():
            if re.fullmatch(r"heldout\d+", sub.name) and sub.is_dir():
                folders[sub.name] = sub
    for name, value in os.environ.items():
        m = re.fullmatch(r"MISCONDUCT_INGEST_(HELDOUT\d+)_TEXTS", name)
        if m and value and Path(value).is_dir():
            folders[m.group(1).lower()] = Path(value)
    for name, folder in sorted(folders.items()):
        for path in sorted(folder.glob("*.txt")):
            out[f"{name}/{path.stem}"] = (path.read_text(encoding="utf-8"), _url(name, path.stem))
    return out


def _url(set_name: str, page: str) -> str | None:
    facts = ROOT / "eval" / set_name / f"{page}.toml"
    if not facts.exists():
        return None
    source = tomllib.loads(facts.read_text(encoding="utf-8")).get("source", {})
    url = source.get("url") if isinstance(source, dict) else None
    return url if isinstance(url, str) else None


def dump(src: str, out: str, cache: Path | None) -> None:
    sys.path.insert(0, src)
    from misconduct.ingest.extract import extract

    result: dict[str, Any] = {}
    for key, (text, url) in texts(cache).items():
        ex = extract(text, source=key, source_url=url)
        if ex.refused:
            result[key] = {"refused": ex.refused}
            continue
        result[key] = {
            "records": [
                {"name": r.name, **{n: f.value for n, f in sorted(r.fields.items())}}
                for r in ex.records
            ]
        }
    Path(out).write_text(json.dumps(result, sort_keys=True, default=str), encoding="utf-8")


def _side(src: Path, out: Path, cache: Path | None) -> dict[str, Any]:
    args = [sys.executable, __file__, "dump", str(src), str(out)]
    if cache:
        args[2:2] = ["--cache", str(cache)]
    subprocess.run(args, check=True)
    loaded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def _describe(rec: dict[str, Any]) -> str:
    return f"{rec.get('name') or '(unnamed)'} {rec.get('rank') or ''}".strip()


def compare(base: dict[str, Any], head: dict[str, Any]) -> list[str]:
    """One line a difference: a page refused or read on one side only, a record more or fewer, a
    field's value changed (records paired by position)."""
    lines = []
    for key in sorted(set(base) | set(head)):
        b, h = base.get(key), head.get(key)
        if b == h:
            continue
        if b is None or h is None:
            lines.append(f"{key}: only {'now' if b is None else 'at the base'}")
            continue
        if "refused" in b or "refused" in h:
            lines.append(f"{key}: refused {b.get('refused')!r} -> {h.get('refused')!r}")
            continue
        br, hr = b["records"], h["records"]
        if len(br) != len(hr):
            lines.append(
                f"{key}: {len(br)} -> {len(hr)} records: "
                f"{[_describe(r) for r in br]} -> {[_describe(r) for r in hr]}"
            )
        for i, (x, y) in enumerate(zip(br, hr, strict=False)):
            for f in sorted(set(x) | set(y)):
                if x.get(f) != y.get(f):
                    lines.append(f"{key} #{i} {_describe(y)}: {f} {x.get(f)!r} -> {y.get(f)!r}")
    return lines


def main(argv: list[str]) -> int:
    cache_arg = os.environ.get("MISCONDUCT_INGEST_CACHE")
    if "--cache" in argv:
        i = argv.index("--cache")
        if i + 1 >= len(argv):
            print("--cache needs a folder", file=sys.stderr)
            return 2
        cache_arg = argv[i + 1]
        del argv[i : i + 2]
    cache = Path(cache_arg) if cache_arg else None
    skip: list[str] = []
    while "--skip" in argv:
        i = argv.index("--skip")
        if i + 1 >= len(argv):
            print("--skip needs the start of the pages' keys to leave out", file=sys.stderr)
            return 2
        skip.append(argv[i + 1])
        del argv[i : i + 2]
    if argv[:1] == ["dump"]:
        dump(argv[1], argv[2], cache)
        return 0
    base_rev = argv[0] if argv else "HEAD"
    with tempfile.TemporaryDirectory(prefix="fields-diff-") as tmp:
        work = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(work), base_rev],
            check=True,
        )
        try:
            base = _side(work / "src", Path(tmp) / "base.json", cache)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work)])
        head = _side(ROOT / "src", Path(tmp) / "head.json", cache)
    for key in [k for k in set(base) | set(head) if k.startswith(tuple(skip))] if skip else []:
        base.pop(key, None)
        head.pop(key, None)
    sources: dict[str, int] = {}
    for key in head:
        sources[key.rsplit("/", 1)[0]] = sources.get(key.rsplit("/", 1)[0], 0) + 1
    print("pages read: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    lines = compare(base, head)
    for line in lines:
        print(line)
    print(f"{len(lines)} difference(s) from {base_rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
