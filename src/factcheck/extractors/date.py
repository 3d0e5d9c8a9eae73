"""Date claims: points in time, at the granularity the text gives them.

What is a date (the span is the date's own words, without `in`/`on`):

- full dates: `June 13, 2024`, `13 June 2024`, `13th of June`, `Thursday, June 13`,
  ISO `2024-06-13` (or `2024/06/13`); a day range inside one month (`June 13-14`) is a date of
  that month;
- numeric dates `13/06/2024`, `06/13/2024`, `13.06.2024` only when the reading is
  unambiguous: one of the first two numbers is above 12, or both are the same.
  `05/06/2024` (5 June or May 6?) is not taken;
- months: `June 2024`, `June of 2024`, and a bare month name after a word that
  makes it a date (`in June`, `since March`, `by October`, `mid-June`,
  `last June`, `May and June`). `May` needs a stronger lead (`in`, `since`,
  `until`, `during`, `early`/`mid`/`late`, `last`/`next`/`this`) because it is
  also a name (`Theresa May`) and, lower-case, a verb; month names are taken
  capitalised only (`a march on Washington`, `you may`);
- years: a four-digit number from 1800 to 2199 only where it reads as a year:
  after a month; after `in`, `since`, `until`, `before`, `after`, `during`,
  `early`/`mid`/`late`, `pre-`/`post-`, a season, `fiscal`, `the year`; after
  `by`, `of`, `for`, `from`, `between` or a determiner (`the 2024 budget`)
  unless a quantity word precedes (`rose by`, `a total of`); followed by `'s`;
  in parentheses; the second of a pair (`2020 and 2024`, `from 2020 to 2024`);
  at a sentence's start before a verb (`2024 was`). Never when it is a quantity:
  followed by a counted noun or unit (`2024 people`, `2000 troops`, `2024 km`),
  after a currency sign (`$2024`), grouped (`2,024`), a decimal, a percentage.
  Ranges written with a dash (`2023-24`, `2020-2024`) and decades (`the 1990s`)
  are not dates here;
- weekdays: `Thursday`, `on Thursday`, `last`/`next`/`this Thursday` (the
  modifier is part of the span). Named days are not: `Good Friday`, `Black
  Friday`, and a weekday starting a name (`The Sunday Times`: a weekday
  followed by a capitalised word and preceded by nothing, a capitalised word or
  `the`);
- relative dates: `this year`, `last year`, `next year` (not `the next year`,
  `the last year`: those are periods), `today`, `yesterday`, `tomorrow` (not a
  capitalised `Today` inside a sentence, a name like `USA Today`, nor
  `of today`/`of tomorrow`, which mean an era).

Datelines (`KYIV, June 13, 2024 -`, `LONDON, March 3 (Reuters) -`, `Published:
13 June 2024`, `Updated Mar 3, 2024`, at the head of a line in the first 2,000
characters) are the document's own date, not a date claim. With a year, a
dateline resolves the document's weekdays, relative dates and dates without a
year as `factcheck.dates` describes; without one, `options.published` does, and
where no publication date is given a dateline without a year places `today`,
`yesterday` and `tomorrow` at their month and day (`LONDON, March 3 (Reuters) -`
makes `yesterday` `--03-02`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ..dates import (
    FIRST_YEAR,
    FULL_MONTHS,
    LAST_YEAR,
    MONTHS,
    WEEKDAYS,
    iso_of,
    month_number,
    place_in_yearless_day,
    resolve,
    valid_day,
    weekday_name,
)
from ..models import Claim, DateValue
from ..text import Document, alternation, matches_at
from .base import Options, make_claim

_FULL_MONTH = "|".join(sorted(FULL_MONTHS, key=len, reverse=True))
_ABBREVIATED_MONTH = "|".join(sorted((name for name in MONTHS if name not in FULL_MONTHS), key=len, reverse=True))
# a month as written before a day or a year: full name, or abbreviation with an optional full stop
_MONTH = rf"(?:(?:{_FULL_MONTH})\b|(?:{_ABBREVIATED_MONTH})\b\.?)"
_WEEKDAY = "|".join([*WEEKDAYS, *(name.lower() for name in WEEKDAYS)])
_WEEKDAY_PREFIX = rf"(?:(?P<weekday>{_WEEKDAY}),?[ \t]{{1,3}}(?:the[ \t]{{1,3}})?)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR_AFTER_MONTH = r"(?:,?[ \t]{1,3}(?P<year>[12]\d{3})(?![\w]|[.,]\d))?"
_END = r"(?![\w])"

_MONTH_FIRST = re.compile(
    rf"\b{_WEEKDAY_PREFIX}(?P<month>{_MONTH})[ \t]{{1,3}}(?P<day>\d{{1,2}}){_ORDINAL}(?!\d)"
    rf"(?:[ \t]{{0,2}}-[ \t]{{0,2}}(?P<day2>\d{{1,2}}){_ORDINAL}(?!\d))?{_YEAR_AFTER_MONTH}{_END}"
)
_DAY_FIRST = re.compile(
    rf"\b{_WEEKDAY_PREFIX}(?<![\w.,$/:-])(?P<day>\d{{1,2}}){_ORDINAL}"
    rf"(?:[ \t]{{0,2}}-[ \t]{{0,2}}(?P<day2>\d{{1,2}}){_ORDINAL})?(?:[ \t]{{1,3}}of)?[ \t]{{1,3}}"
    rf"(?P<month>{_MONTH}){_YEAR_AFTER_MONTH}{_END}"
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH}),?[ \t]{{1,3}}(?:of[ \t]{{1,3}})?(?P<year>\d{{4}})(?![\w]|[.,]\d)")
_ISO_DATE = re.compile(
    r"(?<![\w.,/-])(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d|[-/.,]\d)"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w.,/-])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d|[/.,-]\d)"
)
_BARE_MONTH = re.compile(
    rf"\b(?:(?P<modifier>[Ll]ast|[Nn]ext|[Tt]his)[ \t]{{1,3}})?(?P<month>{_FULL_MONTH})\b(?![ \t]{{1,3}}\d)"
)
_WEEKDAY_ALONE = re.compile(rf"\b(?:(?P<modifier>[Ll]ast|[Nn]ext|[Tt]his)[ \t]{{1,3}})?(?P<weekday>{_WEEKDAY})\b")
_RELATIVE_YEAR = re.compile(r"(?<![\w-])(?P<modifier>[Tt]his|[Ll]ast|[Nn]ext)[ \t]{1,3}year\b(?!-)")
_RELATIVE_DAY = re.compile(r"(?<![\w-])(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow)\b(?!-)")
_YEAR = re.compile(r"(?<![\w$€£¥₹#/])(?<!\d[.,])(?P<year>(?:1[89]|2[01])\d\d)(?![\w%]|[.,:/]\d|-\d|[ \t]{1,2}%)")

# where a date may start, and where its patterns are tried: a number after no letter or digit, a month,
# a weekday, or a word that leads a weekday or a relative date
_DATE_START = re.compile(
    r"\b(?:\d|(?:" + alternation([
        *MONTHS, *WEEKDAYS, *(name.lower() for name in WEEKDAYS),
        *(word for lead in ("this", "last", "next", "today", "yesterday", "tomorrow") for word in (lead, lead.title())),
    ]) + r")\b)"
)

# the word before a date, and the one before that ("rose by", "the end of")
_WORDS_BEFORE = re.compile(r"(?<![A-Za-z])(?:([A-Za-z]{1,15})[ \t]{1,3})?([A-Za-z]{1,15})\.?(?:[ \t]{1,3}|-)\Z")
_WORD_AFTER = re.compile(r"[ \t]{1,3}([A-Za-z]{1,20})")
_PAIRED_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d[ \t]{1,3}(?:and|or|to|through|until|till)[ \t]{1,3}\Z")
_PAIRED_MONTH = re.compile(
    rf"\b(?:{_FULL_MONTH})(?:[ \t]{{1,3}}\d{{4}})?,?[ \t]{{1,3}}(?:and|or|to|through|until|till)[ \t]{{1,3}}\Z"
)
# what may stand before a sentence's first word: quotes, brackets, and list, quote, heading and emphasis marks
_SENTENCE_OPENING = re.compile(r"[\s\"'(\[*_>#-]*\Z")

# words after which a four-digit number is a year whatever follows
_YEAR_LEADS = frozenset(
    "in since until till before after during throughout circa early mid late pre post year fiscal fy "
    "spring summer autumn fall winter".split()
) | {name.lower() for name in MONTHS}
# words after which it is a year unless a quantity word stands before them ("rose by 2024 votes")
_WEAK_YEAR_LEADS = frozenset("by of for from between the this that its their his her our a an".split())
_QUANTITY_LEADS = frozenset(
    "rose fell increased decreased grew dropped declined jumped climbed cut reduced raised lowered gained lost "
    "up down total totalling totaling number sum tally maximum minimum average population crowd out".split()
)
# verbs a year may start a sentence with ("2024 was a record year")
_YEAR_VERBS = frozenset(
    "was is will has had saw sees marks marked brought brings began begins ended ends could would might may "
    "should must promises proved became becomes remains looks".split()
)
_MONTH_LEADS = frozenset(
    "in on since until till by from through throughout during before after of between early mid late".split()
)
# "May" is also a name and a verb: only these make it a month on its own
_MAY_LEADS = frozenset("in since until till during throughout early mid late".split())
# words that make "Friday" part of a name of its own
_NAMED_DAY_PREFIXES = frozenset(
    "good black cyber super ash holy maundy palm easter bloody shrove fat giving".split()
)


@cache
def _quantity_nouns() -> frozenset[str]:
    """Words that make a four-digit number before them a quantity ("2000 troops", "2024 km")."""
    return frozenset(
        """people persons residents citizens civilians soldiers troops workers employees staff jobs children
        adults students patients refugees migrants deaths casualties victims injuries cases votes voters
        members units homes houses households buildings vehicles cars trucks tanks drones missiles shells
        rounds tonnes tons barrels litres liters gallons metres meters kilometres kilometers km miles feet
        ft acres hectares kg kilograms pounds lbs points pages words dollars euros yen shares copies
        signatures beds flights passengers companies firms schools hospitals villages towns projects
        percent m mw gw kw""".split()
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: DateValue


@dataclass(frozen=True)
class Dateline:
    """The date a document gives for itself at the head of a line: `KYIV, June 13, 2024 -`,
    `LONDON, March 3 (Reuters) -`, `NEW YORK, Jan. 5, 2024 /PRNewswire/ --`, `Published: 13 June 2024`,
    `Updated Mar 3, 2024`."""

    start: int
    end: int               # of the date's own words, which are no date claim
    date: dt.date | None   # None when the dateline gives no year ("LONDON, March 3 (Reuters) -")
    month_day: tuple[int, int]   # (3, 3): all a dateline without a year fixes


# the head of a line before a dateline's date: "Published:", "Last updated on Thu", "KYIV, Ukraine,"
_MARKS = r"[ \t>*_#]*"
_DAY_ABBREVIATION = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?[ \t]{1,3})?"
_STAMP_HEAD = re.compile(
    rf"{_MARKS}(?:(?:(?:first|last)[ \t]{{1,3}})?(?:published|updated|posted|modified)(?:[ \t]{{1,3}}(?:on|at))?"
    rf"[ \t]*:?|(?:date|dateline)[ \t]*:)[ \t]*{_DAY_ABBREVIATION}",
    re.IGNORECASE,
)
_PLACE_WORDS = r"[A-Z][A-Za-z.'-]{0,30}(?:[ \t][A-Z][A-Za-z.'-]{0,30}){0,3}"
# a weekday is no place: "Tuesday, March 3: the vote" heads an entry of a timeline
_PLACE_HEAD = re.compile(
    rf"{_MARKS}(?!(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b){_PLACE_WORDS}(?:,[ \t]{{1,3}}{_PLACE_WORDS})?,[ \t]{{1,3}}"
)
# what ends a place dateline after its date: an agency in brackets and a dash, or a colon
_PLACE_TAIL = re.compile(r"[ \t]*(?:(?:\([A-Za-z&. ]{1,30}\)|/[A-Za-z&. -]{1,30}/)[ \t]*)?[-:]")
_LINE_START = re.compile(r"(?m)^")
# a dateline heads the text: only its first lines are searched, and a place's dateline opens the
# story's first paragraph, after no more than a headline and a byline
_DATELINE_REACH = 2000
_PLACE_DATELINE_REACH = 1000


def dateline(doc: Document) -> Dateline | None:
    """The document's own date at the head of a line in its first lines, else None.

    A stamp (`Published:`, `Updated`, `Posted on`) with a full date, or a place and a date closed by
    a dash or an agency (`KYIV, June 13, 2024 -`, `LONDON, March 3 (Reuters) -`). The first one
    found wins, except that a `Published` stamp wins over an `Updated` one.
    """
    norm = doc.norm
    found: list[tuple[bool, Dateline]] = []
    for line in _LINE_START.finditer(norm, 0, _DATELINE_REACH):
        at = line.start()
        stamp = _STAMP_HEAD.match(norm, at)
        head = stamp or (_PLACE_HEAD.match(norm, at) if at < _PLACE_DATELINE_REACH else None)
        if head is None:
            continue
        date = _date_at(norm, head.end())
        if date is None:
            continue
        start, end, day, month_day = date
        if stamp is None and not _PLACE_TAIL.match(norm, end):
            continue
        updated = stamp is not None and "publish" not in stamp.group().lower()
        found.append((updated, Dateline(start, end, day, month_day)))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]


def _date_at(norm: str, position: int) -> tuple[int, int, dt.date | None, tuple[int, int]] | None:
    """(start, end, date, (month, day)) of a full date written at `position`; the date is None without a year."""
    for pattern in (_MONTH_FIRST, _DAY_FIRST, _ISO_DATE, _NUMERIC_DATE):
        match = pattern.match(norm, position)
        if match is None or (pattern in (_MONTH_FIRST, _DAY_FIRST) and match["day2"]):
            continue
        if pattern is _NUMERIC_DATE:
            read = _month_and_day(int(match["first"]), int(match["second"]))
            if read is None:
                continue
            month, day = read
        else:
            month = month_number(match["month"]) if pattern is not _ISO_DATE else int(match["month"])
            day = int(match["day"])
        year = int(match["year"]) if match["year"] else None
        if month is None or not valid_day(year, month, day) or (year and not FIRST_YEAR <= year <= LAST_YEAR):
            continue
        return match.start(), match.end(), dt.date(year, month, day) if year else None, (month, day)
    return None


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    own = dateline(doc)
    # the document's own dateline places its relative dates; the run's publication date stands in without one
    published = own.date if own is not None and own.date is not None else options.published
    found = [
        c for c in _candidates(doc)
        if not doc.is_taken(c.start, c.end) and not (own is not None and own.start <= c.start < own.end)
    ]
    # at one start the longest reading wins ("Thursday, June 13" over "Thursday")
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    last_end = -1
    for candidate in found:
        if candidate.start < last_end:
            continue
        last_end = candidate.end
        text = doc.text[candidate.start:candidate.end]
        value = resolve(candidate.value, text, published)
        if published is None and own is not None:
            value = place_in_yearless_day(value, *own.month_day)
        yield make_claim(doc, "date", candidate.start, candidate.end, value)


def _candidates(doc: Document) -> Iterator[_Found]:
    starts = [match.start() for match in _DATE_START.finditer(doc.norm)]
    yield from _full_dates(doc, starts)
    yield from _numeric_dates(doc, starts)
    yield from _months(doc, starts)
    yield from _years(doc, starts)
    yield from _weekdays(doc, starts)
    yield from _relative_dates(doc, starts)


# --- dates with a day ------------------------------------------------------------------------


def _full_dates(doc: Document, starts: list[int]) -> Iterator[_Found]:
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for match in matches_at(pattern, doc.norm, starts):
            month = month_number(match["month"])
            year = int(match["year"]) if match["year"] else None
            day, day2 = int(match["day"]), int(match["day2"]) if match["day2"] else None
            if month is None or not valid_day(year, month, day):
                continue
            if day2 is not None:
                # a range of days inside one month says the month, not a day
                if not (valid_day(year, month, day2) and day2 > day):
                    continue
                value = DateValue(iso=iso_of(year, month), granularity="month")
                yield _Found(_start_after_weekday(match), match.end(), value)
                continue
            weekday = weekday_name(match["weekday"]) if match["weekday"] else None
            value = DateValue(iso=iso_of(year, month, day), weekday=weekday, granularity="day")
            yield _Found(match.start(), match.end(), value)


def _start_after_weekday(match: re.Match[str]) -> int:
    # "Thursday, June 13-14": the weekday is one of the days; the date is the range's month
    return match.start("day") if match.start("day") < match.start("month") else match.start("month")


def _numeric_dates(doc: Document, starts: list[int]) -> Iterator[_Found]:
    for match in matches_at(_ISO_DATE, doc.norm, starts):
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if valid_day(year, month, day):
            yield _Found(match.start(), match.end(), DateValue(iso=iso_of(year, month, day), granularity="day"))
    for match in matches_at(_NUMERIC_DATE, doc.norm, starts):
        read, year = _month_and_day(int(match["first"]), int(match["second"])), int(match["year"])
        if read is None:
            continue
        month, day = read
        if FIRST_YEAR <= year <= LAST_YEAR and valid_day(year, month, day):
            yield _Found(match.start(), match.end(), DateValue(iso=iso_of(year, month, day), granularity="day"))


def _month_and_day(first: int, second: int) -> tuple[int, int] | None:
    """The month and day of a numeric date's first two numbers, when only one reading is possible."""
    if first == second or second > 12:
        return first, second     # 06/13/2024, or the same either way
    if first > 12:
        return second, first     # 13/06/2024
    return None                  # 05/06/2024: day and month cannot be told apart


# --- months and years ------------------------------------------------------------------------


def _months(doc: Document, starts: list[int]) -> Iterator[_Found]:
    norm = doc.norm
    for match in matches_at(_MONTH_YEAR, norm, starts):
        month, year = month_number(match["month"]), int(match["year"])
        if month is not None and 1000 <= year <= 2999:
            yield _Found(match.start(), match.end(), DateValue(iso=iso_of(year, month), granularity="month"))
    for match in matches_at(_BARE_MONTH, norm, starts):
        name = match["month"]
        if not match["modifier"]:
            _, lead = _words_before(norm, match.start())
            leads = _MAY_LEADS if name == "May" else _MONTH_LEADS
            paired = _PAIRED_MONTH.search(norm, max(0, match.start() - 40), match.start())
            if lead not in leads and not paired:
                continue
        month = MONTHS[name]
        yield _Found(match.start(), match.end(), DateValue(iso=iso_of(None, month), granularity="month"))


def _years(doc: Document, starts: list[int]) -> Iterator[_Found]:
    norm = doc.norm
    accepted_ends: set[int] = set()
    for match in matches_at(_YEAR, norm, starts):
        start, end = match.span()
        if _reads_as_year(doc, start, end, accepted_ends):
            accepted_ends.add(end)
            yield _Found(start, end, DateValue(iso=match["year"], granularity="year"))


def _reads_as_year(doc: Document, start: int, end: int, accepted_ends: set[int]) -> bool:
    norm = doc.norm
    after = _WORD_AFTER.match(norm, end)
    next_word = after.group(1) if after else ""
    if norm.startswith("'s", end):
        return True
    if next_word.lower() in _quantity_nouns():
        return False
    if start > 0 and norm[start - 1] == "-":
        # mid-2024, pre-2020, post-2022; any other dash makes it part of a range or a code
        return _words_before(norm, start)[1] in ("mid", "pre", "post")
    before, lead = _words_before(norm, start)
    if lead in _YEAR_LEADS:
        return True
    if lead in _WEAK_YEAR_LEADS:
        return before not in _QUANTITY_LEADS
    paired = _PAIRED_YEAR.search(norm, max(0, start - 24), start)
    if paired and paired.start() + 4 in accepted_ends:
        return True
    if start > 0 and norm[start - 1] == "(" and norm.startswith(")", end):
        return True
    return _opens_sentence(doc, start) and next_word.lower() in _YEAR_VERBS


def _words_before(norm: str, start: int) -> tuple[str, str]:
    """The two words before `start`, lower-cased: ("rose", "by") before "2024" in "rose by 2024"."""
    match = _WORDS_BEFORE.search(norm, max(0, start - 40), start)
    if not match:
        return "", ""
    return (match.group(1) or "").lower(), match.group(2).lower()


def _opens_sentence(doc: Document, start: int) -> bool:
    sentence_start, _ = doc.sentence_at(start)
    return sentence_start >= start or bool(_SENTENCE_OPENING.match(doc.norm, sentence_start, start))


# --- weekdays and relative dates -------------------------------------------------------------


def _weekdays(doc: Document, starts: list[int]) -> Iterator[_Found]:
    norm = doc.norm
    for match in matches_at(_WEEKDAY_ALONE, norm, starts):
        weekday = weekday_name(match["weekday"])
        assert weekday is not None
        start = match.start()
        if match["modifier"] and _words_before(norm, start)[1] == "the":
            start = match.start("weekday")   # "the last Friday of the month" is no "last Friday"
        if start == match.start("weekday") and _names_something(doc, start, match.end()):
            continue
        yield _Found(start, match.end(), DateValue(weekday=weekday, granularity="weekday"))


def _names_something(doc: Document, start: int, end: int) -> bool:
    """Whether the weekday at [start, end) is part of a name: `Good Friday`, `The Sunday Times`.

    A weekday followed by a capitalised word names something when nothing, a
    capitalised word or `the` stands before it; after a lower-case word
    (`said Thursday Japan would`) it is a date.
    """
    norm = doc.norm
    _, lead = _words_before(norm, start)
    if lead in _NAMED_DAY_PREFIXES:
        return True
    after = _WORD_AFTER.match(norm, end)
    if after is None or not after.group(1)[0].isupper():
        return False
    if _opens_sentence(doc, start) or lead in ("", "the"):
        return True
    written_lead = _WORDS_BEFORE.search(norm, max(0, start - 40), start)
    return written_lead is not None and written_lead.group(2)[0].isupper()


def _relative_dates(doc: Document, starts: list[int]) -> Iterator[_Found]:
    norm = doc.norm
    for match in matches_at(_RELATIVE_YEAR, norm, starts):
        _, lead = _words_before(norm, match.start())
        if lead == "the":
            continue   # "over the next year", "the last year": periods, not dates
        relative = f"{match['modifier'].lower()}_year"
        value = DateValue(granularity="year", relative=relative)  # type: ignore[arg-type]
        yield _Found(match.start(), match.end(), value)
    for match in matches_at(_RELATIVE_DAY, norm, starts):
        word = match["word"]
        _, lead = _words_before(norm, match.start())
        if lead == "of":
            continue   # "the leaders of tomorrow": an era, not a day
        if word[0].isupper() and not _opens_sentence(doc, match.start()):
            continue   # "USA Today", "Good Morning Tomorrow": a name
        value = DateValue(granularity="day", relative=word.lower())  # type: ignore[arg-type]
        yield _Found(match.start(), match.end(), value)
