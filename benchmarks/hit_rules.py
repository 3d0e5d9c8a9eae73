"""When a parser's output counts as right on one of the peers' cases (../shared/peers/*.jsonl).

One rule for every parser, factcheck included, so that their hit rates compare. A parser's
output is first mapped to plain values (`Money`, `Length`) by its adapter; the rules here
never see the parser.

Money: a case is a hit when every expected item is found with the same value (relative
error below 1e-9) and the same ISO currency, or, where the upstream case names only a
family (`dollar`, `pound`, `krone/krona`, `₶`), a currency of that family; a negative case
(nothing expected) is a hit when nothing is found. Ranges are compared by their ends.
Which currencies a family names is read from CLDR through babel: a currency is of the family
when one of its CLDR symbols is the family's string or one of the words of its CLDR names
(in any locale) is the family's word. A family no ISO currency carries (`cent`, `penny`,
`₶`) is found as an amount with no currency. `unnamed` (duckling's currency of "bucks")
constrains nothing but the value. A family that is a coin (`dime`, `penny`, `cent`) may also be
found as its worth in a currency that strikes it: quantulum3 writes "3 dimes" as 3 dimes,
duckling writes "ten dimes" as 1 USD, and both are right.

Durations: a case is a hit when every expected item is found with the same length, and a
negative case when nothing is found. The records give each item's `components` and its
`seconds` under their upstream convention (year = 365 days, month = 30 days). Upstream is
not consistent about which unit it keeps (duckling writes `2 years and 3 months` as 27
months, 69,984,000 s, but `2 years` as 730 days), so a length matches when either its
seconds under that convention agree, or its components agree once years are counted as
twelve months: the calendar part (months) and the fixed part (weeks, days, hours, minutes,
seconds) both equal. A parser may report `twenty-one years and six months` as one length
where a record expects two items: each expected item must overlap exactly one found
length, and that length must equal the sum of all the expected items it overlaps.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

PEERS = Path(__file__).resolve().parents[1].parent / "shared" / "peers"
PEER_FILES = ("price_parser", "quantulum", "duckling")


@dataclass(frozen=True)
class Money:
    """A sum a parser found: its value (the low end of a range), ISO currency or None, range ends."""

    value: float
    currency: str | None
    low: float | None = None
    high: float | None = None
    is_range: bool = False


@dataclass(frozen=True)
class Length:
    """A length of time a parser found, where it stands, and its components (unit -> amount)."""

    start: int
    end: int
    components: dict[str, float]


def records(name: str, kind: str) -> list[dict]:
    """The cases of one peer file (`price_parser`, `quantulum`, `duckling`) of one kind."""
    lines = (PEERS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [record for record in map(json.loads, filter(None, lines)) if record["kind"] == kind]


# --- money --------------------------------------------------------------------------


@functools.cache
def family_index() -> dict[str, set[str]]:
    """Lower-case symbol or name word -> the ISO codes CLDR gives it, over all locales."""
    from babel import Locale, localedata

    index: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        for code, symbol in locale.currency_symbols.items():
            index[symbol.lower()].add(code)
        plural = locale._data.get("currency_names_plural", {})
        for code, name in locale.currencies.items():
            for form in {name, *plural.get(code, {}).values()}:
                for word in re.findall(r"[^\W\d_]+", form.lower()):
                    index[word].add(code)
    return index


def in_family(currency: str | None, family: str) -> bool:
    if family == "unnamed":
        return True
    codes = set().union(*(family_index().get(word.strip().lower(), set()) for word in family.split("/")))
    return currency is None if not codes else currency in codes


# A coin's face value and the currencies that strike it, for the families the upstream cases
# count coins in. Our own small table: CLDR names currencies, not their coins.
COINS: dict[str, tuple[float, frozenset[str]]] = {
    "cent": (0.01, frozenset({"USD", "EUR", "CAD", "AUD", "NZD"})),
    "penny": (0.01, frozenset({"GBP", "USD", "CAD"})),
    "nickel": (0.05, frozenset({"USD", "CAD"})),
    "dime": (0.10, frozenset({"USD", "CAD"})),
    "quarter": (0.25, frozenset({"USD", "CAD"})),
}


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def money_matches(item: dict, found: Money) -> bool:
    if item.get("qualifier") == "between":
        if not found.is_range or not (_same(found.low, item["min"]) and _same(found.high, item["max"])):
            return False
    elif not _same(found.value, item["value"]):
        return _as_coins(item, found)
    if item.get("unit"):
        return found.currency == item["unit"]
    return in_family(found.currency, item["currency_family"]) or _as_coins(item, found)


def _as_coins(item: dict, found: Money) -> bool:
    """Whether `found` is the worth of the coins an item counts ("3 dimes" found as 0.30 USD)."""
    face, currencies = COINS.get(item.get("currency_family") or "", (None, frozenset()))
    return face is not None and found.currency in currencies and _same(found.value, item["value"] * face)


def money_hit(record: dict, found: list[Money]) -> bool:
    if record["negative"] or not record["expected"]:
        return not found
    return all(any(money_matches(item, money) for money in found) for item in record["expected"])


# --- durations ----------------------------------------------------------------------

_DAY = 86_400
# the upstream convention the records' `seconds` follow
SECONDS = {
    "year": 365 * _DAY, "quarter": 90 * _DAY, "month": 30 * _DAY, "week": 7 * _DAY,
    "day": _DAY, "hour": 3_600, "minute": 60, "second": 1,
}
_MONTHS = {"year": 12, "quarter": 3, "month": 1}


def length_key(components: dict[str, float]) -> tuple[float, float, float]:
    """(seconds under the upstream convention, months, fixed-length seconds) of a length."""
    seconds = sum(SECONDS[unit] * amount for unit, amount in components.items())
    months = sum(_MONTHS[unit] * amount for unit, amount in components.items() if unit in _MONTHS)
    fixed = sum(SECONDS[unit] * amount for unit, amount in components.items() if unit not in _MONTHS)
    return seconds, months, fixed


def _agree(ours: tuple[float, float, float], expected: tuple[float, float, float]) -> bool:
    return _same(ours[0], expected[0]) or (_same(ours[1], expected[1]) and _same(ours[2], expected[2]))


def _expected_spans(record: dict) -> list[tuple[int, int, tuple[float, float, float]]]:
    text, spans, position = record["text"], [], 0
    for item in record["expected"]:
        start = text.find(item["span_text"], position)
        if start < 0:
            start = text.find(item["span_text"])
        if start < 0:
            raise ValueError(f"{record['id']}: {item['span_text']!r} is not in its text")
        spans.append((start, start + len(item["span_text"]), length_key(item["components"])))
        position = start + 1
    return spans


def duration_hit(record: dict, found: list[Length]) -> bool:
    if record["negative"]:
        return not found
    ours = [(length.start, length.end, length_key(length.components)) for length in found]
    expected = _expected_spans(record)
    for start, end, _ in expected:
        overlapping = [claim for claim in ours if claim[0] < end and start < claim[1]]
        if len(overlapping) != 1:
            return False
        claim_start, claim_end, length = overlapping[0]
        covered = [item[2] for item in expected if item[0] < claim_end and claim_start < item[1]]
        total = tuple(sum(parts) for parts in zip(*covered))
        if not _agree(length, total):  # type: ignore[arg-type]
            return False
    return True
