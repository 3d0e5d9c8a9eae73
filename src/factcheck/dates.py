"""Calendar knowledge shared by the date extractor and the date judge.

A date claim's value (`DateValue`) holds an ISO string at its granularity:
`2024`, `2024-06`, `2024-06-13`, or, for a month or day written without a
year (`in June`, `June 13`) and not yet placed in a year, the ISO 8601
yearless forms `--06` and `--06-13`. A weekday or a relative date
(`Thursday`, `this year`, `yesterday`) has no ISO string until it is resolved.

Resolution (`resolve`) places such values in time:

- `this year`, `last year`, `next year`: the publication year, minus or plus
  one; without a publication date, the article's anchor year (the year it
  names for its own "this year", see `anchor_year`).
- `today`, `yesterday`, `tomorrow`: the publication date, minus or plus a
  day; without one, a dateline without a year (`LONDON, March 3 (Reuters) -`)
  fixes their month and day alone (`--03-02`, `place_in_yearless_day`).
- A weekday: news convention, the most recent such day on or before the
  publication date ("Thursday" in an article of Thursday 13 June 2024 is
  that day; "Friday" in it is Friday 7 June, the past week). `last Friday`
  is the most recent one strictly before, `next Friday` the first one
  strictly after, `this Friday` the first one on or after. Future-tense
  sentences ("will meet on Friday") are not told apart: the rule is the
  convention for reports of what happened.
- A month or day without a year: the publication year (`last June` is the
  most recent June before the publication month, `next June` the first one
  after it); without a publication date, the anchor year, except after
  `last`/`next`, which need the publication date.

The publication date is the one the run is given, else the document's own
dateline (`KYIV, June 13, 2024 -`, `Published: 13 June 2024`, see
`extractors.date.dateline`): a draft's dateline places the draft's relative
dates, a source's its own and fills its fact sheet's `published`.

A resolved value keeps `relative` ("this_year") and `weekday`, and takes
the ISO string and granularity of the date it resolved to.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Claim, DateValue

# month names as newsrooms write them, full and abbreviated (an abbreviation may take a full stop)
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(calendar.month_name) if name},
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
FULL_MONTHS = frozenset(name for name in calendar.month_name if name)
WEEKDAYS: tuple[str, ...] = tuple(calendar.day_name)   # Monday .. Sunday, index = date.weekday()

# the span of years a four-digit number may stand for in news text
FIRST_YEAR, LAST_YEAR = 1800, 2199

YEAR_OFFSETS = {"this_year": 0, "last_year": -1, "next_year": 1}
DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_WORDS = {
    "this_year": "this year", "last_year": "last year", "next_year": "next year",
    "today": "today", "yesterday": "yesterday", "tomorrow": "tomorrow",
}

_MODIFIER = re.compile(r"(last|next|this)\s", re.IGNORECASE)


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation as written ("June", "Sept.", "JUNE")."""
    name = name.rstrip(".")
    return MONTHS.get(name) or MONTHS.get(name.capitalize())


def weekday_name(name: str) -> str | None:
    """The weekday's canonical name ("Thursday") for any casing of it."""
    name = name.capitalize()
    return name if name in WEEKDAYS else None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether `day` exists in `month` (of `year`; without a year, 29 February exists)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


@dataclass(frozen=True)
class DateParts:
    """What a date value fixes, field by field; None where it says nothing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None


def parts_of(value: DateValue) -> DateParts:
    """The fields a date value fixes; a full date also fixes its weekday."""
    iso = value.iso
    if iso is None:
        return DateParts(weekday=value.weekday)
    if iso.startswith("--"):
        fields = [int(part) for part in iso[2:].split("-")]
        month, day = fields[0], fields[1] if len(fields) > 1 else None
        return DateParts(month=month, day=day, weekday=value.weekday)
    fields = [int(part) for part in iso.split("-")]
    year = fields[0]
    month = fields[1] if len(fields) > 1 else None
    day = fields[2] if len(fields) > 2 else None
    weekday = value.weekday
    if day is not None and month is not None:
        weekday = WEEKDAYS[dt.date(year, month, day).weekday()]
    return DateParts(year=year, month=month, day=day, weekday=weekday)


def iso_of(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """ISO string at the finest field given: 2024, 2024-06, 2024-06-13, --06, --06-13."""
    head = f"{year:04d}" if year is not None else "-"
    if month is None:
        return head
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def modifier_of(text: str) -> str | None:
    """`last`, `next` or `this` when the date's words begin with it ("next Friday")."""
    match = _MODIFIER.match(text)
    return match.group(1).lower() if match else None


def resolve_weekday(weekday: str, published: dt.date, modifier: str | None = None) -> dt.date:
    """The date a weekday named in an article of `published` stands for (see the module's rules)."""
    target = WEEKDAYS.index(weekday)
    back = (published.weekday() - target) % 7          # 0..6 days back to the most recent one
    if modifier == "last":
        return published - dt.timedelta(days=back or 7)
    if modifier in ("next", "this"):
        ahead = (target - published.weekday()) % 7
        if modifier == "next" and ahead == 0:
            ahead = 7
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _year_of_month(month: int, published: dt.date | None, anchor_year: int | None, modifier: str | None) -> int | None:
    if modifier in ("last", "next"):
        if published is None:
            return None
        if modifier == "last":
            return published.year if month < published.month else published.year - 1
        return published.year if month > published.month else published.year + 1
    if published is not None:
        return published.year
    return anchor_year


def resolve(
    value: DateValue,
    text: str = "",
    published: dt.date | None = None,
    anchor_year: int | None = None,
) -> DateValue:
    """`value` placed in time by the publication date or the article's anchor year, when they fix it.

    `text` is the date's own words: `last`/`next`/`this` before a weekday or a
    month change which one is meant. A value nothing fixes comes back as it is.
    """
    if value.relative in YEAR_OFFSETS:
        if value.iso is not None:
            return value
        base = published.year if published is not None else anchor_year
        if base is None:
            return value
        return value.model_copy(update={"iso": str(base + YEAR_OFFSETS[value.relative])})
    if value.relative in DAY_OFFSETS:
        if value.iso is not None or published is None:
            return value
        day = published + dt.timedelta(days=DAY_OFFSETS[value.relative])
        return value.model_copy(update={"iso": day.isoformat(), "weekday": WEEKDAYS[day.weekday()]})
    if value.iso is None and value.weekday is not None:
        if published is None:
            return value
        day = resolve_weekday(value.weekday, published, modifier_of(text))
        return value.model_copy(update={"iso": day.isoformat(), "granularity": "day"})
    if value.iso is not None and value.iso.startswith("--"):
        parts = parts_of(value)
        assert parts.month is not None
        year = _year_of_month(parts.month, published, anchor_year, modifier_of(text))
        if year is None or (parts.day is not None and not valid_day(year, parts.month, parts.day)):
            return value
        return value.model_copy(update={"iso": iso_of(year, parts.month, parts.day)})
    return value


def place_in_yearless_day(value: DateValue, month: int, day: int) -> DateValue:
    """`today`, `yesterday` or `tomorrow` written on the `day` of `month` of a year no one gives: `--03-02`.

    A day counted across the end of February has two readings (29 February in a leap year); it
    stays unplaced."""
    if value.relative not in DAY_OFFSETS or value.iso is not None:
        return value
    offset = dt.timedelta(days=DAY_OFFSETS[value.relative])
    common, leap = dt.date(2001, month, day) + offset if valid_day(2001, month, day) else None, dt.date(2000, month, day) + offset
    if common is None or (common.month, common.day) != (leap.month, leap.day):
        return value
    return value.model_copy(update={"iso": iso_of(None, leap.month, leap.day)})


def anchor_year(claims: Iterable[Claim]) -> int | None:
    """The year an article fixes for its own "this year", or None.

    Rule: for each `this year` mention, the explicit year (one written in
    digits: "In 2024", "June 2024", not one resolved from a publication date)
    nearest to it in its own sentence, or else the last one written in the
    closest sentence before it that has one. A same-sentence year beats one
    from an earlier sentence, a nearer one beats a farther one, and among
    equals the first mention wins. When no mention finds one: the most
    frequent explicit year of the article, if exactly one year is the most
    frequent; else None.
    """
    dates = [claim for claim in claims if claim.kind == "date"]
    years_by_sentence: dict[int, list[tuple[int, int]]] = defaultdict(list)   # sentence start -> (offset, year)
    for claim in dates:
        year = _written_year(claim)
        if year is not None:
            years_by_sentence[_sentence_start(claim)].append((claim.span.start, year))
    if not years_by_sentence:
        return None
    for found in years_by_sentence.values():
        found.sort()
    sentences_with_years = sorted(years_by_sentence)
    # (0 same sentence or 1 an earlier one, distance in characters, year): the least wins
    best: tuple[int, int, int] | None = None
    for claim in dates:
        if claim.value.relative != "this_year":  # type: ignore[union-attr]
            continue
        sentence = _sentence_start(claim)
        if sentence in years_by_sentence:
            candidate = (0, *_nearest(years_by_sentence[sentence], claim.span.start))
        else:
            index = bisect.bisect_left(sentences_with_years, sentence) - 1
            if index < 0:
                continue
            closest = sentences_with_years[index]
            _, year = max(years_by_sentence[closest])      # the last year written there
            candidate = (1, sentence - closest, year)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is not None:
        return best[2]
    counts = Counter(year for found in years_by_sentence.values() for _, year in found).most_common(2)
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        return counts[0][0]
    return None


def _nearest(years: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """(distance, year) of the year nearest `offset` among (offset, year) pairs sorted by offset."""
    index = bisect.bisect_left(years, (offset, 0))
    around = years[max(0, index - 1):index + 1]
    return min((abs(at - offset), year) for at, year in around)


def _sentence_start(claim: Claim) -> int:
    return claim.sentence.span.start if claim.sentence else claim.span.start


def _written_year(claim: Claim) -> int | None:
    """The year of a date claim whose words write it in digits."""
    value = claim.value
    if not isinstance(value, DateValue) or value.relative is not None or value.iso is None:
        return None
    if value.iso.startswith("--"):
        return None
    year = value.iso[:4]
    return int(year) if year in claim.text else None
