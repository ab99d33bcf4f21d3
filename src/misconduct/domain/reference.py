"""Case references: the force's prefix, the year the case was opened and a number counted per force
and year (``MPS-2026-0042``). The prefixes are our own short forms, not an official code list.

>>> reference("metropolitan", 2026, 42)
'MPS-2026-0042'
>>> next_number(["MPS-2026-0001", "MPS-2026-0041", "MPS-2025-0099", "KNT-2026-0050"], "metropolitan", 2026)
42
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from misconduct.domain.forces import FORCES, force

PREFIXES: dict[str, str] = {
    "avon_and_somerset": "ASP",
    "bedfordshire": "BDP",
    "cambridgeshire": "CAM",
    "cheshire": "CHE",
    "city_of_london": "COL",
    "cleveland": "CLE",
    "cumbria": "CUM",
    "derbyshire": "DER",
    "devon_and_cornwall": "DEV",
    "dorset": "DOR",
    "durham": "DUR",
    "dyfed_powys": "DPP",
    "essex": "ESX",
    "gloucestershire": "GLO",
    "greater_manchester": "GMP",
    "gwent": "GWE",
    "hampshire": "HAM",
    "hertfordshire": "HER",
    "humberside": "HUM",
    "kent": "KNT",
    "lancashire": "LAN",
    "leicestershire": "LEI",
    "lincolnshire": "LIN",
    "merseyside": "MER",
    "metropolitan": "MPS",
    "norfolk": "NFK",
    "north_wales": "NWP",
    "north_yorkshire": "NYP",
    "northamptonshire": "NTH",
    "northumbria": "NBR",
    "nottinghamshire": "NOT",
    "south_wales": "SWP",
    "south_yorkshire": "SYP",
    "staffordshire": "STA",
    "suffolk": "SUF",
    "surrey": "SUR",
    "sussex": "SUS",
    "thames_valley": "TVP",
    "warwickshire": "WAR",
    "west_mercia": "WMC",
    "west_midlands": "WMP",
    "west_yorkshire": "WYP",
    "wiltshire": "WIL",
    "british_transport_police": "BTP",
}
assert set(PREFIXES) == {f.code for f in FORCES} and len(set(PREFIXES.values())) == len(PREFIXES)

PATTERN = re.compile(r"[A-Z]{3}-(\d{4})-(\d{4,})")


def prefix(force_code: str) -> str:
    return PREFIXES[force(force_code).code]


def reference(force_code: str, year: int, number: int) -> str:
    return f"{prefix(force_code)}-{year:04d}-{number:04d}"


def next_number(refs: Iterable[str], force_code: str, year: int) -> int:
    """One more than the highest number used for this force and year (1 if none)."""
    start = f"{prefix(force_code)}-{year:04d}-"
    used = [int(r[len(start) :]) for r in refs if r.startswith(start) and PATTERN.fullmatch(r)]
    return max(used, default=0) + 1
