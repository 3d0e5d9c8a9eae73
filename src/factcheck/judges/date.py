"""Judging dates: equal at the claim's granularity.

Both sides are first placed in time (`factcheck.dates.resolve`): weekdays,
`today` and dates without a year by the publication date; `this year`, `last
year`, `next year` by the publication date, else by the source's anchor year
(the year it names for its own "this year"); a yearless month or day by the
anchor year when there is no publication date.

Then field by field (year, month, day, and the weekday of a dated day):

- a field both sides fix and disagree on contradicts (`2023` against June 2024,
  `Friday` against Thursday 13 June 2024, `13 June 2024` against a bare `Friday`);
- every field the claim fixes, fixed the same by the source, supports (`2024`
  against 13 June 2024, `Thursday` against 13 June 2024, `June` against June 2024);
- otherwise the source does not settle it (`June 2024` against `2024`, or
  against a `Thursday` no publication date places).

Two relative dates nothing places are compared as what they are: `this year`
against `this year` supports, against `last year` contradicts. A relative date
nothing places against a dated fact settles nothing.

The anchor year is the source's reading of its own `this year`. It places the
source's relative dates, but a draft's relative or yearless date only as far as
agreeing: with no publication date or dateline, the draft's `last year` against
the source's `2022` is not_found ("the draft's last year is relative and no
publication date is known"), and its `in June` against `June 2023` is judged on
the month alone.
"""

from __future__ import annotations

import calendar
import functools

from ..dates import DAY_OFFSETS, RELATIVE_WORDS, YEAR_OFFSETS, DateParts, parts_of, resolve
from ..models import Claim, DateValue, Verdict
from .context import JudgeContext

_FIELDS = ("year", "month", "day", "weekday")


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _resolved(claim, context), _resolved(fact, context)
    verdict = _agreement(claimed, stated)
    if verdict == Verdict.CONTRADICTED and _anchored(claim, claimed, context):
        verdict = _agreement(_value(claim), stated)
        if verdict != Verdict.CONTRADICTED:
            return verdict, _anchored_reason(verdict, claimed, stated, _value(claim))
    return verdict, _reason(verdict, claimed, stated)


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    claimed, stated = _resolved(claim, context), _resolved(fact, context)
    found = _agreement(claimed, stated)
    if found == Verdict.CONTRADICTED and _anchored(claim, claimed, context):
        return _agreement(_value(claim), stated)
    return found


def _anchored(claim: Claim, claimed: DateValue, context: JudgeContext) -> bool:
    """Whether the source's anchor year, and no publication date or dateline, placed the draft's date.

    The anchor year is the source's reading of its own `this year`; it places the source's relative
    dates, but the draft's only as far as agreeing: a draft's `last year` is relative to a time no
    one gave, so it may be supported by the source's year but never contradicted by it."""
    return context.published is None and claimed != _value(claim)


@functools.lru_cache(maxsize=4096)   # alignment compares a fact with many claims
def describe(value: DateValue) -> str:
    """`13 June 2024`, `June 2024`, `2024`, `13 June`, `Thursday`, `Thursday (13 June 2024)`, `this year (2024)`."""
    if value.relative is not None:
        words = RELATIVE_WORDS[value.relative]
        return f"{words} ({_date_words(value)})" if value.iso else words
    if value.iso is None:
        return value.weekday or "an unplaced date"
    if value.weekday is not None:
        return f"{value.weekday} ({_date_words(value)})"
    return _date_words(value)


def _value(claim: Claim) -> DateValue:
    if not isinstance(claim.value, DateValue):
        raise TypeError(f"a date judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _resolved(claim: Claim, context: JudgeContext) -> DateValue:
    return resolve(_value(claim), claim.text, context.published, context.anchor_year)


# dates.parts_of, once for each value: alignment compares a fact with many claims
_parts_of = functools.lru_cache(maxsize=4096)(parts_of)


def _date_words(value: DateValue) -> str:
    parts = _parts_of(value)
    words = []
    if parts.day is not None:
        words.append(str(parts.day))
    if parts.month is not None:
        words.append(calendar.month_name[parts.month])
    if parts.year is not None:
        words.append(str(parts.year))
    return " ".join(words)


def _placed(value: DateValue) -> bool:
    """Whether anything fixes where the value stands in time (a bare weekday fixes its weekday)."""
    return value.iso is not None or (value.relative is None and value.weekday is not None)


def _agreement(claimed: DateValue, stated: DateValue) -> Verdict:
    if not _placed(claimed) or not _placed(stated):
        return _relative_agreement(claimed, stated)
    claim_parts, source_parts = _parts_of(claimed), _parts_of(stated)
    for field in _FIELDS:
        mine, theirs = getattr(claim_parts, field), getattr(source_parts, field)
        if mine is not None and theirs is not None and mine != theirs:
            return Verdict.CONTRADICTED
    if all(getattr(source_parts, field) is not None for field in _fixed_fields(claimed, claim_parts)):
        return Verdict.SUPPORTED
    return Verdict.NOT_FOUND


def _fixed_fields(value: DateValue, parts: DateParts) -> list[str]:
    """What the claim says at its granularity: a weekday claim says only its weekday."""
    if value.granularity == "weekday":
        return ["weekday"]
    return [field for field in ("year", "month", "day") if getattr(parts, field) is not None]


def _relative_agreement(claimed: DateValue, stated: DateValue) -> Verdict:
    """Two dates named relative to the time of writing, one of them or both not placed in time."""
    if claimed.relative is None or stated.relative is None or claimed.iso is not None or stated.iso is not None:
        return Verdict.NOT_FOUND
    for offsets in (YEAR_OFFSETS, DAY_OFFSETS):
        if claimed.relative in offsets and stated.relative in offsets:
            same = offsets[claimed.relative] == offsets[stated.relative]
            return Verdict.SUPPORTED if same else Verdict.CONTRADICTED
    # "this year" against "today": today is in this year; the other pairs can straddle a new year
    if claimed.relative == "this_year" and stated.relative == "today":
        return Verdict.SUPPORTED
    return Verdict.NOT_FOUND


def _reason(verdict: Verdict, claimed: DateValue, stated: DateValue) -> str:
    source, draft = describe(stated), describe(claimed)
    if verdict == Verdict.SUPPORTED:
        return f"source says {source}" if source == draft else f"source says {source}; the draft says {draft}"
    if verdict == Verdict.CONTRADICTED:
        return f"source says {source}; the draft says {draft}"
    if not _placed(stated) or (stated.iso is None and claimed.granularity != "weekday"):
        return f"source says {source}, {_unplaced(stated)}; the draft says {draft}"
    if not _placed(claimed) or (claimed.iso is None and stated.granularity != "weekday"):
        return f"source says {source}; the draft says {draft}, {_unplaced(claimed)}"
    return f"source says only {source}; the draft says {draft}"


def _anchored_reason(verdict: Verdict, claimed: DateValue, stated: DateValue, as_written: DateValue) -> str:
    """Why a draft's date that only the source's year placed is not contradicted."""
    source, draft = describe(stated), describe(as_written)
    if verdict == Verdict.SUPPORTED:   # a yearless month or day: the year is the guess
        return f"source says {source}; the draft says {draft}, and gives no year"
    return (
        f"source says {source}; the draft's {draft} is relative and no publication date is known "
        f"(the source's year would make it {_date_words(claimed)})"
    )


def _unplaced(value: DateValue) -> str:
    if value.relative in YEAR_OFFSETS:
        return "which neither a publication date nor a year in the source places"
    return "which no publication date places"
