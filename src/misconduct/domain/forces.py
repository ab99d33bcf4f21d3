"""The police forces a case can belong to: the 43 territorial forces of England and Wales and the
British Transport Police, as data.

>>> len(TERRITORIAL_FORCES), force("metropolitan").name
(43, 'Metropolitan Police Service')
"""

from __future__ import annotations

from dataclasses import dataclass

from misconduct.errors import InvalidInput


@dataclass(frozen=True)
class Force:
    code: str
    name: str
    territorial: bool = True


_TERRITORIAL = (
    ("avon_and_somerset", "Avon and Somerset Constabulary"),
    ("bedfordshire", "Bedfordshire Police"),
    ("cambridgeshire", "Cambridgeshire Constabulary"),
    ("cheshire", "Cheshire Constabulary"),
    ("city_of_london", "City of London Police"),
    ("cleveland", "Cleveland Police"),
    ("cumbria", "Cumbria Constabulary"),
    ("derbyshire", "Derbyshire Constabulary"),
    ("devon_and_cornwall", "Devon and Cornwall Police"),
    ("dorset", "Dorset Police"),
    ("durham", "Durham Constabulary"),
    ("dyfed_powys", "Dyfed-Powys Police"),
    ("essex", "Essex Police"),
    ("gloucestershire", "Gloucestershire Constabulary"),
    ("greater_manchester", "Greater Manchester Police"),
    ("gwent", "Gwent Police"),
    ("hampshire", "Hampshire and Isle of Wight Constabulary"),
    ("hertfordshire", "Hertfordshire Constabulary"),
    ("humberside", "Humberside Police"),
    ("kent", "Kent Police"),
    ("lancashire", "Lancashire Constabulary"),
    ("leicestershire", "Leicestershire Police"),
    ("lincolnshire", "Lincolnshire Police"),
    ("merseyside", "Merseyside Police"),
    ("metropolitan", "Metropolitan Police Service"),
    ("norfolk", "Norfolk Constabulary"),
    ("north_wales", "North Wales Police"),
    ("north_yorkshire", "North Yorkshire Police"),
    ("northamptonshire", "Northamptonshire Police"),
    ("northumbria", "Northumbria Police"),
    ("nottinghamshire", "Nottinghamshire Police"),
    ("south_wales", "South Wales Police"),
    ("south_yorkshire", "South Yorkshire Police"),
    ("staffordshire", "Staffordshire Police"),
    ("suffolk", "Suffolk Constabulary"),
    ("surrey", "Surrey Police"),
    ("sussex", "Sussex Police"),
    ("thames_valley", "Thames Valley Police"),
    ("warwickshire", "Warwickshire Police"),
    ("west_mercia", "West Mercia Police"),
    ("west_midlands", "West Midlands Police"),
    ("west_yorkshire", "West Yorkshire Police"),
    ("wiltshire", "Wiltshire Police"),
)

TERRITORIAL_FORCES = tuple(Force(code, name) for code, name in _TERRITORIAL)
BRITISH_TRANSPORT_POLICE = Force("british_transport_police", "British Transport Police", False)
FORCES = (*TERRITORIAL_FORCES, BRITISH_TRANSPORT_POLICE)
_BY_CODE = {f.code: f for f in FORCES}


def force(code: str) -> Force:
    """The force with this code, or an error naming the codes there are."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise InvalidInput(
            "force", "a force code such as metropolitan or west_midlands", code
        ) from None
