"""Lengths of time: ISO 8601 durations built by plain arithmetic, compared through pint.

Extraction stays cheap: `components_of` turns "2.5 years" into {year: 2, month: 6}
and `format_iso` writes P2Y6M, with no unit library involved. Judging converts
an ISO duration into days with pint's lengths of the units, whose year is 365.25
days and whose month is a twelfth of that, so `10 years`, `a decade` and
`120 months` are the same length exactly. pint takes a third of a second to
import, so the lengths of the seven ISO components are read from it once and
kept in the cache folder (`factcheck.cache`, under pint's version), and `to_days`
adds them up as pint's own conversion does.
"""

from __future__ import annotations


import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_path, cached_pickle, distribution_stamp

if TYPE_CHECKING:
    import pint

# ISO 8601 components from the largest to the smallest, with their designators
COMPONENTS: tuple[str, ...] = ("year", "month", "week", "day", "hour", "minute", "second")
_DESIGNATOR = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "second": "S"}
_TIME_COMPONENTS = ("hour", "minute", "second")

# units that are a fixed number of an ISO component (a night of a stay is its day: "four nights", P4D)
MULTIPLES: dict[str, tuple[str, Fraction | int]] = {
    "decade": ("year", 10),
    "century": ("year", 100),
    "millennium": ("year", 1000),
    "kiloannum": ("year", 1000),
    "megaannum": ("year", 10**6),
    "gigaannum": ("year", 10**9),
    "fortnight": ("week", 2),
    "quarter": ("month", 3),
    "night": ("day", 1),
    "millisecond": ("second", Fraction(1, 1000)),
}

# where a fraction of a component goes exactly: half a year is 6 months, half a week 3.5 days.
# A month has no whole number of days, so a fraction of a month stays a fraction of a month.
_NEXT_SMALLER: dict[str, tuple[str, int]] = {
    "year": ("month", 12),
    "week": ("day", 7),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
}


def rank(component: str) -> int:
    """0 for years, 6 for seconds: a larger unit has a smaller rank."""
    return COMPONENTS.index(component)


def components_of(value: Fraction, unit: str) -> dict[str, Fraction]:
    """`value` of `unit` as ISO components, fractions carried down where that is exact.

    2.5 years -> {year: 2, month: 6}; 1.1 years -> {year: 1.1} (13.2 months is no whole
    number); 1.5 months -> {month: 1.5}; 15.5 minutes -> {minute: 15, second: 30}.
    """
    component, factor = MULTIPLES.get(unit, (unit, 1))
    return _carry(value * factor, component)


def _carry(value: Fraction, component: str) -> dict[str, Fraction]:
    whole = Fraction(math.floor(value))
    if whole == value or component not in _NEXT_SMALLER:
        return {component: value}
    smaller, factor = _NEXT_SMALLER[component]
    rest = _carry((value - whole) * factor, smaller)
    if any(part.denominator != 1 for part in rest.values()) and smaller != "second":
        return {component: value}
    return {component: whole, **rest} if whole else rest


# the components in days as pint counts them (a year of 365.25 days, a month a twelfth of it), as fractions:
# extraction puts two lengths in order with them ("a year to 18 months" is a range) without importing pint
_DAYS_IN = {"year": Fraction(1_461, 4), "month": Fraction(1_461, 48), "week": Fraction(7),
               "day": Fraction(1), "hour": Fraction(1, 24), "minute": Fraction(1, 1_440), "second": Fraction(1, 86_400)}


def days_of(components: dict[str, Fraction]) -> Fraction:
    return sum((_DAYS_IN[component] * amount for component, amount in components.items()), Fraction(0))


def add_components(a: dict[str, Fraction], b: dict[str, Fraction]) -> dict[str, Fraction]:
    total = dict(a)
    for component, amount in b.items():
        total[component] = total.get(component, Fraction(0)) + amount
    return total


def _number(amount: Fraction) -> str:
    if amount.denominator == 1:
        return str(amount.numerator)
    return f"{float(amount):.6f}".rstrip("0").rstrip(".")


def format_iso(components: dict[str, Fraction]) -> str:
    """ISO 8601 duration of `components`: P2Y6M, PT36H, P6W. Weeks that stand with other units become days."""
    parts = {c: a for c, a in components.items() if a}
    if "week" in parts and len(parts) > 1:
        parts["day"] = parts.get("day", Fraction(0)) + parts.pop("week") * 7
    date_part = "".join(_number(parts[c]) + _DESIGNATOR[c] for c in COMPONENTS[:4] if c in parts)
    time_part = "".join(_number(parts[c]) + _DESIGNATOR[c] for c in _TIME_COMPONENTS if c in parts)
    if not date_part and not time_part:
        return "PT0S"
    return "P" + date_part + ("T" + time_part if time_part else "")


_NUM = r"(\d{1,24}(?:\.\d{1,12})?)"
_ISO = re.compile(
    rf"P(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?(?:T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?"
)


def parse_iso(iso: str) -> dict[str, float]:
    """The components of an ISO 8601 duration: 'P2Y6M' -> {'year': 2.0, 'month': 6.0}."""
    match = _ISO.fullmatch(iso.strip())
    if not match or iso.strip() in ("P", "PT") or iso.strip().endswith("T"):
        raise ValueError(f"not an ISO 8601 duration: {iso!r}")
    return {c: float(v) for c, v in zip(COMPONENTS, match.groups()) if v is not None}


@cache
def registry() -> "pint.UnitRegistry":
    """The one unit registry, built on first use (pint's year is 365.25 days, its month a twelfth of that).
    pint keeps its parsed definitions in the user's cache folder, which cuts building it from 0.4 s to 0.05 s."""
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


@dataclass(frozen=True)
class UnitLengths:
    """pint's lengths of the ISO components: what `to_days` needs of it."""

    seconds: dict[str, float]   # one of each component, in seconds
    days_per_second: float


def _unit_lengths_from_pint() -> UnitLengths:
    ureg = registry()
    seconds = {component: ureg.Quantity(1, component).to("second").magnitude for component in COMPONENTS}
    return UnitLengths(seconds, ureg.Quantity(1, "second").to("day").magnitude)


@cache
def unit_lengths() -> UnitLengths:
    """pint's unit lengths, from the cache folder when they were read from the same pint."""
    path = cache_path("durations", ".pickle", distribution_stamp("pint"), Path(__file__).read_bytes())
    return cached_pickle(path, UnitLengths, _unit_lengths_from_pint)


@lru_cache(maxsize=4096)
def to_days(iso: str) -> float:
    """The length of an ISO 8601 duration in days, computed as pint converts a sum of quantities
    to days: the components summed in seconds, the sum converted to days."""
    lengths = unit_lengths()
    total: float = 0
    for component, amount in parse_iso(iso).items():
        total = total + amount * lengths.seconds[component]
    return float(total * lengths.days_per_second)
