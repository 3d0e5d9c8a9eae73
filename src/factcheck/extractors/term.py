"""Terms: lengths of time, such as an agreement's term or the time since an event.

Found: `10-year`, `ten years`, `a decade`, `decade-long`, `the next decade`, `two decades`,
`120 months`, `18-month`, `two and a half years`, `half a year`, `a year and a half`,
`2 years and 3 months` (one claim, P2Y3M), `36 hours`, `24h`, `six weeks'`, `a fortnight`,
`a century`, `half a century`, `a quarter of a century`, `four years after`, and the
geologists' `66 Ma` and `1Ga`. Qualifiers (`more than ten years`, `up to five years`,
`at least 18 months`, `about a decade`, `nearly two years`, `10 years or more`, `10+ years`)
and ranges (`two to three years`, `5-10 years`, `between 10 and 15 years`, `10- to 15-year`,
`a year to 18 months`) are kept. Vague counts are ranges (`a couple of weeks` 2 to 3, `a few days`
2 to 4, `several months` 3 to 7; `a year or two` 1 to 2); whole units (`all month`, `the entire
year`, `for the week`), nights (as days), abbreviations in any case (`2Y`, `5W`, `10d`, `3 mos`,
`500 ms`, `1h30`, `2h 30m`), `thirty and six hours` and `30-plus years` are read too;
docs/claims.md (term) has the rules and their exceptions (`3D`, a `65W` charger, `for the year`,
`quite a few years`).

The value is an ISO 8601 duration in the units as written (`P18M` stays eighteen months);
decades, centuries and the like become years, quarters months, a fortnight two weeks, and a
fraction goes to the next smaller unit where that is exact (2.5 years -> P2Y6M, 1.5 hours ->
PT1H30M; 1.5 months stays P1.5M, since a month has no whole number of days).

Not terms, by decision:
- points in time and ordinals: `this year`, `next year`, `last year`, `the year`, `2024`,
  `the 1990s`, `its third year`, `the 10th year` (dates or nothing; no numeral or article here);
- ages: `a 10-year-old`, `ten years old`, `aged 10 years`, `a decade-old dispute` (how old
  something is describes that thing, not a period the article reports);
- rates and frequencies: `$4.5 billion a year`, `twice a year`, `three meals a day`,
  `40 hours a week`, `every 30 minutes`, `every four years`;
- vague lengths with no number: `multi-year`, `decades-long`, `for months`, `year-on-year`;
- `one day` meaning "some day", `a day of mourning`, `on a day when`: one day is a length only
  after a word such as `for`, `within`, `after` or before `later`, `ago`, `earlier`;
- `a second` meaning the ordinal, `a quarter` meaning a fourth.
`one-year anniversary` is a term (P1Y): it states the time since an event.
Of the number-free forms only `a`/`an` + unit (`a decade`), `unit-long` and
`the next/past/last/coming decade` (or century) count; `the next year` is left to dates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from ..durations import MULTIPLES, add_components, components_of, days_of, format_iso, rank
from ..models import Claim, Qualifier, TermValue
from ..numbers import NUMBER, NUMBER_WORDS, TENS, UNITS, parse_number
from ..qualifiers import AFTER_PATTERN, BEFORE_FIRST_WORDS, before_pattern, qualifier_of
from ..text import Document, alternation
from .base import Options, make_claim

_POSTFIX_QUALIFIER = re.compile(rf"[ \t]+({AFTER_PATTERN})", re.I)


# --- the pattern ------------------------------------------------------------------------

# a whole number in one word or in digits: the first number of a range or of a mixed fraction
# ("two and a half"), where numbers.NUMBER would read "two and three" as five. Atomic, so
# that "twenty-one" is never read as the range "twenty to one".
SIMPLE_NUMBER = (
    rf"(?>\d{{1,6}}|(?:{alternation(TENS)})(?:[ -](?:{alternation(k for k, v in UNITS.items() if 0 < v < 10)}))?"
    rf"|{alternation(UNITS)})\b"
)

_UNIT_OF = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "y": "year",
    "month": "month", "months": "month", "mth": "month", "mths": "month", "mo": "month", "mos": "month",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "w": "week",
    "day": "day", "days": "day", "d": "day", "night": "night", "nights": "night",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "millisecond": "millisecond", "milliseconds": "millisecond", "msec": "millisecond", "msecs": "millisecond",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium", "millenniums": "millennium",
    "fortnight": "fortnight", "fortnights": "fortnight", "quarter": "quarter", "quarters": "quarter",
    "gigaannum": "gigaannum", "gigaanna": "gigaannum", "megaannum": "megaannum", "megaanna": "megaannum",
    "kiloannum": "kiloannum", "kiloanna": "kiloannum",
}
# the geologists' abbreviations and the millisecond's symbol, case-sensitive and after digits only ("66 Ma",
# "1Ga", "500 ms")
_SYMBOL_OF = {"Ga": "gigaannum", "Gyr": "gigaannum", "Ma": "megaannum", "Myr": "megaannum",
              "ka": "kiloannum", "kyr": "kiloannum", "ms": "millisecond"}
# one-letter abbreviations written against their digits, in any case ("2Y", "5W", "10d"), never apart
_LETTERS = {"y", "w", "d"}
# short abbreviations (any case) that need digits before them ("24h", "3 mos", not "two h"); symbols too
_DIGITS_ONLY = {"h", "mo", "mos", *_LETTERS}

_UNIT = rf"(?:{alternation(_UNIT_OF)}|(?-i:" + "|".join(sorted(_SYMBOL_OF, key=len, reverse=True)) + "))"
# words that may stand between a number and its unit: "two more years", "five consecutive days"
_BETWEEN = (
    "more|additional|extra|less|fewer|further|full|straight|consecutive|successive|long|whole|"
    "complete|entire|remaining|calendar|solid|short|business|working|trading|banking|school"
)
# more of any unit than this is no length of time anyone reports (the universe is 1.4e10 years old)
_LONGEST = 10**15
_PART = {"half": Fraction(1, 2), "quarter": Fraction(1, 4), "quarters": Fraction(1, 4)}
_FRACTION_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "1": 1, "2": 2, "3": 3}
_VULGAR = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4)}
# the ranges vague counts stand for (docs/claims.md): a couple is two, loosely three (Merriam-Webster's
# "an indefinite small number"); a few, two to four; several, three to seven
_VAGUE = {"couple": (2, 3), "few": (2, 4), "several": (3, 7)}
# "few" with no article counts only after a word that makes it a span: "the next few days"
_BARE_FEW_BEFORE = re.compile(r"\b(?:next|past|last|coming|previous|following|first|final|recent)[ \t]+\Z", re.I)
_QUITE_BEFORE = re.compile(r"\b(?:quite|not)[ \t]+\Z", re.I)     # "quite a few years" is many

# the words a term or a count may start with: a qualifier, a range opener, a number, an article, a vague count
_FIRST_WORDS = alternation(sorted({
    *BEFORE_FIRST_WORDS, "between", "from", *NUMBER_WORDS, "quarters", "a", "an", "another", *_VAGUE,
}))
_NUMBER_START = re.compile(rf"(?<!\w)(?<!\w')(?=[\d.,~½¼¾]|(?:{_FIRST_WORDS})\b)", re.IGNORECASE)


@lru_cache(maxsize=8)
def number_starts(norm: str) -> tuple[int, ...]:
    """Where a term or a count may start: the term and count patterns are tried there only, instead of
    the engine entering them at every character (found once for both)."""
    return tuple(match.start() for match in _NUMBER_START.finditer(norm))


_BLANKS = re.compile(r"[ \t]+")


@lru_cache(maxsize=8)
def qualifiers_at(norm: str) -> dict[int, tuple[str, int]]:
    """The qualifiers ('more than', 'about') at the places a term or a count may start, each with where
    the words after it and its blanks start: found once for both kinds. The term and count patterns leave
    the qualifier out, so that its many phrases are compiled once; they are tried after it, then (see
    _matches) where it stands."""
    qualifier_at, blanks_at = before_pattern().match, _BLANKS.match
    found = {}
    for start in number_starts(norm):
        if (qualifier := qualifier_at(norm, start)) and (blanks := blanks_at(norm, qualifier.end())):
            found[start] = (qualifier.group(), blanks.end())
    return found


# "a few", "a couple of", "several", "another few"; else an article ("another" too: "for another year")
_VAGUE_OR_ARTICLE = (
    r"(?:(?P<vague>(?:(?:an?|another)[ \t]+)?(?:couple(?:[ \t]+of)?|few)|several)\b|(?P<article>an?|another)\b)"
)

# what follows a qualifier, if one stands before the number (see qualifiers_at)
_TERM = re.compile(
    r"(?<!\w)(?<!\w')"    # an apostrophe inside a word blocks; an opening quote does not
    r"(?:"
    # "between 10 and 15", "from 10 to 15", "10-15", "10 or 15": "and" after "between" only;
    # the range's second number is the number below
    # "10- to 15-year" and "two-to-three-year": the hyphens of compound adjectives around the "to"
    rf"(?P<range>(?:(?P<between>between[ \t]+)|(?:from[ \t]+)?)(?P<lo>{SIMPLE_NUMBER})"
    r"(?(between)[ \t]+and[ \t]+|(?:-?[ \t]*(?:to|or)\b[ \t-]*|[ \t]*-[ \t]*)))"
    rf"|(?P<mixed>(?P<whole>{SIMPLE_NUMBER})[ \t-]+and[ \t-]+(?:(?P<parts>an?|one|two|three|[123])[ \t-]+)?"
    r"(?P<part>half|quarters?)\b(?:[ \t]+of)?)"
    r"|(?P<fraction>(?:an?[ \t]+)?(?:(?P<fparts>one|two|three)[ \t-]+)?(?P<fpart>half|quarters?)\b"
    r"(?:[ \t]+of)?(?:[ \t]+an?\b)?)"
    # "1/2", "2 1/2", "2½"
    r"|(?P<slash>(?<![\d/])(?:(?P<swhole>\d{1,3})(?:[ \t]+(?=[1-9]/)|[ \t]?(?=[½¼¾])))?"
    r"(?:(?P<numerator>[1-9])/(?P<denominator>[2-9])(?![\d/])|(?P<vulgar>[½¼¾])))"
    r"|"
    r")"
    # after a range's words or none of the above: a number, else (not after a range) a vague count or an
    # article. The alternatives are tried in the order range, mixed, fraction, slash, number, vague,
    # article, and the number is written once: numbers.NUMBER takes milliseconds to compile, which each
    # start pays
    r"(?(mixed)|(?(fraction)|(?(slash)|"
    rf"(?:(?P<number>{NUMBER})|(?(range)(?!)|{_VAGUE_OR_ARTICLE}))"
    r")))"
    r"(?P<plus>\+|-plus\b)?"     # "10+ years", "30-plus years"
    rf"(?:[ \t]*-[ \t]*|[ \t]+(?:(?:{_BETWEEN})[ \t]+)?|(?<=\d))"
    rf"(?P<unit>{_UNIT})(?![\w])",
    re.IGNORECASE,
)
# number-free forms: "decade-long", "yearlong", "hour-long", "the next decade", "the past century"
_UNIT_LONG = re.compile(
    r"(?<![\w-])(?P<unit>year|month|week|day|night|hour|minute|decade|century|fortnight)-?long\b", re.I
)
_NEXT_DECADE = re.compile(
    r"\bthe[ \t]+(?:next|past|last|coming|previous|following|preceding)[ \t]+"
    r"(?P<unit>decade|century|millennium|fortnight)\b",
    re.I,
)
# one whole unit: "all month", "an all-day workshop", "the entire year", "closed for the week", "for full
# day" (the span leaves "for" out, as it does in "for a week"). Not "for the year" nor "the full year": in news and
# financial copy they name the reporting year ("profit for the year", "guidance for the full year"), a
# date as "this year" is; nor "for the decade", "all decade"
_WHOLE_UNIT = re.compile(
    # the first letter before the look behind, so that the engine skips ahead to the letters that may start one
    r"[aft](?<![\w-].)"
    r"(?:(?<=a)(?P<all>ll)[ \t-]+|(?<=t)he[ \t]+(?:entire|whole|complete)[ \t]+|(?<=t)(?P<full>he[ \t]+full)[ \t]+"
    r"|(?<=f)or[ \t]+(?:(?P<the>the)|(?P<bare>full|whole|entire))[ \t]+)"
    r"(?P<unit>minute|hour|day|night|week|month|year|decade|century)\b(?!-|'s\b)",
    re.I,
)
# what makes "the week", "all month" a period of the calendar rather than a length: "for the week ended
# March 31", "for the week of June 3", "for the month to March", "the entire year 2020", "all year round"
_PERIOD_AFTER = re.compile(
    r"[ \t]+(?:(?:of|ended|ending|ends|to|through|thru|before|after|that|when|which|so[ \t]+far|round)\b|\d)",
    re.I,
)
# hours and minutes, minutes and seconds written as a race time or a timetable writes them: "1h30",
# "2h 30m", "1hr 45mins", "2m 30s" (tried where a number starts)
_COMPACT = re.compile(
    r"(?<![:.,/])(?:(?P<hours>\d{1,3})[ \t]?h(?:rs?)?(?:(?P<joined>[0-5]\d)|[ \t]?(?P<minutes>[0-5]?\d)[ \t]?m(?:ins?)?)"
    r"|(?P<mins>\d{1,3})[ \t]?m(?:ins?)?[ \t]?(?P<secs>[0-5]?\d)[ \t]?s(?:ecs?)?)(?![\w:])",
    re.I,
)
# "at 14h30", "from 9h30 to 17h30": a time of day
_CLOCK_BEFORE = re.compile(r"\b(?:at|from|to|until|till|since|by)[ \t]+\Z", re.I)

_TAIL_LONG = re.compile(r"-long\b", re.I)
_TAIL_PLUS = re.compile(r"-plus\b", re.I)     # "a decade-plus": at least a decade
_TAIL_AGE = re.compile(r"(?:-|[ \t]+)old\b|[ \t]+of[ \t]+age\b", re.I)
_TAIL_COMPARISON = re.compile(r"-(?:on|over|to|by|in|for)-", re.I)
# "3D-printed", "5W-30 oil": a one-letter abbreviation that a hyphen joins to more is no length
_TAIL_JOINED = re.compile(r"-\w")
_AGED_BEFORE = re.compile(r"\baged[ \t]+\Z", re.I)
_EVERY_BEFORE = re.compile(r"\bevery[ \t]+\Z", re.I)
_RATE_AFTER = re.compile(
    r"[ \t]+(?:a|an|per|each|every)[ \t]+(?:year|month|week|day|night|hour|minute|decade)\b", re.I
)
# "over ten years" is a period unless a verb of duration or "ago" makes it a bound
_OVER_AS_BOUND_BEFORE = re.compile(
    r"\b(?:for|after|of|in|than|lasted|lasting|lasts|took|taken|takes|spent|spanning|spans)[ \t]+\Z", re.I
)
_AGO = re.compile(r"[ \t]+ago\b", re.I)
# "one day" (some day) and "a day" (of mourning, when ...) are lengths only next to a word that makes them
# one; so is "one night"
_ONE_DAY_BEFORE = re.compile(
    r"\b(?:for|within|in|after|than|over|about|only|just|least|nearly|almost|lasted|lasting|took|takes|of"
    r"|spent|spend|spends|spending|stay|stays|stayed|staying|booked|book)[ \t]+\Z"
    r"|\b(?:years?|months?|weeks?)[ \t]*,?[ \t]+(?:and[ \t]+)?\Z",     # "a week and one day": part of a longer length
    re.I,
)
_ONE_DAY_AFTER = re.compile(
    r"'s\b|[ \t]*-?[ \t]*(?:later|after|before|earlier|ago|long|and[ \t]+a[ \t]+half|or[ \t]+(?:two|so))\b", re.I
)
# "a whole day", "one more night": a word between that makes the day a length
_LENGTH_WORD = re.compile(
    r"[ \t]+(?:whole|full|entire|complete|solid|straight|extra|more|additional|further)[ \t]+", re.I
)
_RATE_WORDS = frozenset(
    "once twice thrice times per cent percent dollars euros pounds yen yuan rupees francs "
    "thousand million billion trillion bn mn m k bln tonnes tons barrels".split()
)
_WORDS_BEFORE = re.compile(r"([\w%$€£¥.,-]+)[ \t]+([\w%$€£¥.,-]+)[ \t]*\Z|([\w%$€£¥.,-]+)[ \t]*\Z")
# "a year and a half", "two years and a quarter", "a year-and-a-half", "three years and three quarters"
_AND_A_PART = re.compile(
    r"[ \t-]+and[ \t-]+(?:(?P<count>an?|one|three)[ \t-]+)?(?P<part>half|quarters?)\b"
    r"(?![ \t-]+(?:hundred|thousand|million|billion|trillion|dozen)\b)",
    re.I,
)
# "a year or two", "an hour or two": one to two of the unit (not "a year or two-thirds", "or 2%", "or two
# years": that is a length of its own)
_OR_TWO = re.compile(
    r"[ \t]+or[ \t]+(?P<high>two|three|2|3)\b"
    rf"(?![ \t]*(?:[-/%$€£¥]|\.?\d|(?:{_UNIT}|percent|per|times|thirds?|quarters?|dozen|hundred|thousand|million|billion)\b))",
    re.I,
)
# "1 hour thirty", "2 hours and 10": minutes after hours, at the end of a phrase
_HOUR_MINUTES = re.compile(rf"(?:[ \t]+and)?[ \t]+(?P<minutes>{SIMPLE_NUMBER})(?=[ \t]*(?:[.,;:!?)]|\Z))", re.I)
_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:and[ \t]+)?")
# two lengths in different words that make a range: "a year to 18 months", "between six months and a year"
_RANGE_GAP = re.compile(r"[ \t]*(?:-|to\b)[ \t]*")
_AND_GAP = re.compile(r"[ \t]+and[ \t]+")
_BETWEEN_BEFORE = re.compile(r"\bbetween[ \t]+\Z", re.I)
_TIME_AFTER = re.compile(r"[ \t]+(?:ago|later|earlier|after|before|since|from)\b", re.I)
_NAME_HYPHEN_BEFORE = re.compile(r"\w-\Z")
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|the)[ \t]+\Z", re.I)
_OF_AFTER = re.compile(r"[ \t]+of\b", re.I)
_OF_AN = re.compile(r"[ \t]of[ \t]+an?\Z")
# "for a second", "in a second or two": the length, where "a second term" is the ordinal
_A_SECOND_AFTER = re.compile(r"[ \t]*(?:[.,;:!?)]|\Z|(?:or[ \t]+(?:two|so)|later|ago|and[ \t]+a[ \t]+half)\b)", re.I)
_ONE = re.compile(r"(?:one|an?|another)\b", re.I)
# "thirty and six hours": the tens of a number written the old way, before the units
_TENS_AND_BEFORE = re.compile(rf"(?<![\w-])(?P<tens>{alternation(TENS)})[ \t]+and[ \t]+\Z", re.I)
# "several hundred years", "a couple of hundred years": a vague count of a scale, no length of its own
_VAGUE_SCALE_BEFORE = re.compile(r"\b(?:several|few|couple|of|many)[ \t]+\Z", re.I)
_SCALE_WORD = re.compile(r"(?:hundred|thousand|million|billion|dozen)\b", re.I)
# a number and a letter that label a thing: "seat 12D", "Flat 4D", "Model 5W", "Form 10D", "#12D"
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:seats?|rows?|gates?|flats?|apartments?|apt|rooms?|suites?|units?|platforms?|terminals?|no|nos|number"
    r"|sections?|forms?|articles?|rules?|clauses?|models?|types?|levels?|grades?|class|size|chapters?|pages?"
    r"|exhibits?|schedules?|items?|parts?|tiers?|zones?|blocks?|bays?|lots?|plots?|wards?|floors?|decks?"
    r"|cabins?|coach|cars?|routes?|lines?|berths?|stands?)\.?[ \t]+|#[ \t]?)\Z",
    re.I,
)
_POWER_REACH = 200
# where a number and a W mean watts: the sentence speaks of power, or the W is a rating ("runs at 5W")
_AT_BEFORE = re.compile(r"\bat[ \t]+\Z", re.I)
_POWER = re.compile(
    r"\b(?:watts?|kw|kwh|volts?|amps?|mah|charg(?:er|ers|ing)|bulbs?|led|lamps?|batter(?:y|ies)|speakers?"
    r"|amplifiers?|lasers?|motors?|power|solar|panels?|usb|adapters?|hz)\b",
    re.I,
)


@dataclass
class _Part:
    """One length as written, or several joined: '2 years', '2 years and 3 months'."""

    start: int
    end: int
    components: dict[str, Fraction]
    qualifier: Qualifier = Qualifier.EXACT
    high: dict[str, Fraction] | None = None     # the upper end of a range
    has_qualifier: bool = False
    units: list[str] = field(default_factory=list)  # ISO components named, largest first
    last_unit: str = ""                              # the last unit as written: "decade" in "a decade"
    alone: bool = False                              # joins no other length: "all day", "the entire year"

    @property
    def smallest(self) -> int:
        return max(rank(u) for u in self.units)

    @property
    def largest(self) -> int:
        return min(rank(u) for u in self.units)


@lru_cache(maxsize=1024)   # the same few lengths recur, and a Fraction from a string is slow to make
def _fraction(value: float) -> Fraction:
    return Fraction(str(value)).limit_denominator(10**6)


def _number_value(text: str) -> Fraction | None:
    parsed = parse_number(text)
    return None if parsed is None else _fraction(parsed.value)


def _unit_name(surface: str) -> str:
    return _SYMBOL_OF.get(surface) or _UNIT_OF[surface.lower()]


def _base_component(unit: str) -> str:
    return MULTIPLES.get(unit, (unit, 1))[0]


def _is_rate(norm: str, start: int, end: int, doc: Document) -> bool:
    """'$4.5 billion a year', 'twice a year', 'three meals a day': a frequency, not a length."""
    if _TIME_AFTER.match(norm[end:end + 12]):
        return False
    # the words before it in its own sentence: "1. An hour passed" is no rate of the list's number
    before = _WORDS_BEFORE.search(norm, max(doc.sentence_at(start)[0], start - 60), start)
    if not before:
        return False
    last = (before.group(2) or before.group(3)).lower().rstrip(".,")
    second_last = (before.group(1) or "").lower()

    def numeric(word: str) -> bool:
        return bool(re.search(r"\d|%", word)) or word in _RATE_WORDS or word in UNITS or word in TENS

    if numeric(last) or (start >= 2 and doc.is_taken(start - 2, start - 1)):
        return True
    # a number and the thing it counts: "three meals a day", "10,000 barrels a day"
    return bool(second_last) and numeric(second_last) and last.isalpha() and last.islower()


def _matches(norm: str) -> Iterator[tuple[int, str | None, re.Match[str]]]:
    """The term pattern's matches where a term may start, each with its start and its qualifier: after the
    qualifier if one stands there, else where it stands ("a full year": a qualifier's words may be a
    term's). As the engine would find them were the qualifier in the pattern: a shorter qualifier never
    does better than the longest (no qualifier's later words start a term: tests/test_patterns.py)."""
    qualified_at, term_at = qualifiers_at(norm).get, _TERM.match
    end = 0
    for start in number_starts(norm):
        if start < end:
            continue
        qualified = qualified_at(start)
        if qualified and (match := term_at(norm, qualified[1])):
            found = (start, qualified[0], match)
        elif match := term_at(norm, start):
            found = (start, None, match)
        else:
            continue
        end = match.end()
        yield found


def _bounded(qualifier: Qualifier, low: Fraction, high: Fraction) -> tuple[Qualifier, Fraction, Fraction | None]:
    """A length written as a range ("a few days", "a year or two") under the qualifier before it: more than
    a few is more than its low end, within a few at most its high end, else the range itself."""
    if qualifier in (Qualifier.GT, Qualifier.GE):
        return qualifier, low, None
    if qualifier in (Qualifier.LT, Qualifier.LE):
        return qualifier, high, None
    return Qualifier.RANGE, low, high


@lru_cache(maxsize=8)
def _power_words(norm: str) -> list[int]:
    """Where the words of power stand in a text ('watt', 'charger'), found once for all its Ws."""
    return [match.start() for match in _POWER.finditer(norm)]


def _abbreviation_is_a_length(surface: str, quantity_start: int, match: re.Match[str], norm: str, doc: Document) -> bool:
    """'2Y', '5W', '10d', '36h', '3 mos': abbreviations after digits, and not the ones that are something else
    ('3D' printing, the army's '3d' division, a '65W' charger, '5W-30' oil, seat '12D')."""
    if not (norm[quantity_start].isdigit() or norm[quantity_start] in _VULGAR):
        return False
    letter = surface.lower()
    if letter not in _LETTERS:
        return True
    unit_start, unit_end = match.span("unit")
    if not norm[unit_start - 1].isdigit() or _TAIL_JOINED.match(norm, unit_end):
        return False
    if _LABEL_BEFORE.search(norm, max(0, quantity_start - 14), quantity_start):
        return False
    if letter == "d":
        # dimensions (2D, 3D, 4D) and the ordinals of the army's units (2d Battalion, 3d Division)
        return norm[quantity_start:unit_start] not in ("2", "3", "4")
    if letter == "w":
        # the sentence around it, at most _POWER_REACH characters either side (a text without full stops
        # would make each W read all of it)
        sentence_start, sentence_end = doc.sentence_at(unit_start)
        words = _power_words(norm)
        nearest = bisect_left(words, max(sentence_start, unit_start - _POWER_REACH))
        return not (
            (nearest < len(words) and words[nearest] < min(sentence_end, unit_end + _POWER_REACH))
            or _AT_BEFORE.search(norm, max(0, quantity_start - 4), quantity_start)
        )
    return True


def _single(start: int, qualifier_text: str | None, match: re.Match[str], norm: str, doc: Document) -> _Part | None:
    """The length one pattern match (after its qualifier, if any) states, or None when the words are not a term."""
    surface = match.group("unit")
    unit = _unit_name(surface)
    end = match.end("unit")
    quantity = next(
        name for name in ("range", "mixed", "fraction", "slash", "number", "vague", "article") if match.group(name)
    )
    quantity_start = match.start(quantity)
    if (surface in _SYMBOL_OF or surface.lower() in _DIGITS_ONLY) and not _abbreviation_is_a_length(
        surface, quantity_start, match, norm, doc
    ):
        return None
    if quantity_start > 0 and norm[quantity_start - 1] == ":":
        return None            # a time of day, "10:30 hours"
    if _NAME_HYPHEN_BEFORE.search(norm[max(0, quantity_start - 2):quantity_start]):
        return None            # part of a name: "COVID-19 days"

    tail = norm[end:end + 16]
    if surface.lower().endswith("s") and tail.startswith("'"):
        end += 1               # "six weeks' time"
        tail = tail[1:]
    if _TAIL_AGE.match(tail) or _AGED_BEFORE.search(norm, max(0, start - 12), start):
        return None
    if _TAIL_COMPARISON.match(tail):
        return None            # "year-on-year", "month-over-month", "day-to-day"
    if _RATE_AFTER.match(tail) or _EVERY_BEFORE.search(norm, max(0, start - 8), start):
        return None            # "40 hours a week", "every 30 minutes": how often, not how long
    long_tail = _TAIL_LONG.match(tail)
    if long_tail:
        end += long_tail.end()

    qualifier = qualifier_of(qualifier_text) if qualifier_text else Qualifier.EXACT
    if qualifier_text and qualifier_text.lower() == "over" and not (
        _OVER_AS_BOUND_BEFORE.search(norm, max(0, start - 16), start) or _AGO.match(norm, end)
    ):
        # "$4.5 billion over 10 years": the period the money is spread over
        qualifier, qualifier_text, start = Qualifier.EXACT, None, quantity_start
    plus_tail = _TAIL_PLUS.match(tail) if not long_tail else None
    if plus_tail:
        end += plus_tail.end()
    if match.group("plus") or plus_tail:
        qualifier = Qualifier.GE

    high: Fraction | None = None
    if quantity == "range":
        low = _number_value(match.group("lo"))
        high = _number_value(match.group("number"))
        if low is None or high is None:
            return None
        if low >= high:
            # "cut from 20 to 15 years": only the second number is a length
            start = match.start("number")
            low, high, qualifier, qualifier_text = high, None, Qualifier.EXACT, None
        value = low
    elif quantity == "mixed":
        whole = _number_value(match.group("whole"))
        if whole is None:
            return None
        value = whole + _FRACTION_COUNT[(match.group("parts") or "a").lower()] * _PART[match.group("part").lower()]
    elif quantity == "fraction":
        fraction = match.group("fraction").lower()
        if fraction.startswith("quarter") and not _OF_AN.search(fraction):
            return None        # "quarter century" is written "a quarter century"; "quarter of an hour" stands
        if _ORDINAL_BEFORE.search(norm[max(0, start - 8):start]):
            return None        # "the first half year" names a half, not a length
        value = _FRACTION_COUNT[(match.group("fparts") or "a").lower()] * _PART[match.group("fpart").lower()]
    elif quantity == "slash":
        vulgar = match.group("vulgar")
        value = _VULGAR[vulgar] if vulgar else Fraction(int(match.group("numerator")), int(match.group("denominator")))
        if match.group("swhole"):
            value += int(match.group("swhole"))
    elif quantity == "number":
        number = _number_value(match.group("number"))
        if number is None:
            return None
        value = number
        if norm[quantity_start].isalpha():
            if _SCALE_WORD.match(norm, quantity_start) and _VAGUE_SCALE_BEFORE.search(
                norm, max(0, quantity_start - 10), quantity_start
            ):
                return None
            tens = _TENS_AND_BEFORE.search(norm, max(0, quantity_start - 16), quantity_start)
            if tens and start == quantity_start and number < 10 and number.denominator == 1:
                value += TENS[tens.group("tens").lower()]    # "thirty and six hours"
                start = quantity_start = tens.start()
    elif quantity == "vague":
        words = match.group("vague").lower().split()
        vague = next(word for word in words if word in _VAGUE)
        if words[0] == "few" and not _BARE_FEW_BEFORE.search(norm, max(0, quantity_start - 12), quantity_start):
            return None        # "few days pass without ...": a small number, not a span
        if _QUITE_BEFORE.search(norm, max(0, quantity_start - 8), quantity_start):
            return None
        low, most = _VAGUE[vague]
        qualifier, value, high = _bounded(qualifier, Fraction(low), Fraction(most))
    else:                      # "a decade", "an hour", "another year"
        value = Fraction(1)
        if unit == "quarter" or unit == "second" and not (
            _ONE_DAY_BEFORE.search(norm, max(0, start - 12), start) and _A_SECOND_AFTER.match(norm, end)
        ):
            return None        # "cut by a quarter", "a second term", "for a second time"
        if long_tail:
            return None        # "a decade-long agreement": the article is the agreement's; see _UNIT_LONG
        if _is_rate(norm, start, end, doc):
            return None

    if not 0 < value < _LONGEST:
        return None            # "zero-day"; or a number no length of time is written with
    if unit == "quarter" and _OF_AFTER.match(norm[end:end + 4]):
        return None            # "three quarters of voters"
    if (
        unit in ("day", "night") and value == 1 and high is None and _ONE.match(norm, quantity_start)
        and not _LENGTH_WORD.match(norm, match.end(quantity))
        and not (_ONE_DAY_BEFORE.search(norm, max(0, start - 12), start) or _ONE_DAY_AFTER.match(norm, end))
    ):
        return None            # "One day, Ukraine will ...", "a day of mourning", "on a day when"
    return _Part(
        start=start,
        end=end,
        components=components_of(value, unit),
        qualifier=Qualifier.RANGE if high is not None else qualifier,
        high=components_of(high, unit) if high is not None else None,
        has_qualifier=qualifier != Qualifier.EXACT or bool(qualifier_text),
        units=[_base_component(unit)],
        last_unit=unit,
    )


def _whole_part(start: int, end: int, unit: str) -> _Part:
    return _Part(start, end, components_of(Fraction(1), unit), units=[_base_component(unit)], last_unit=unit)


def _number_free(norm: str) -> Iterator[_Part]:
    """The lengths written with no number, or with none that the term pattern reads ('1h30')."""
    for pattern in (_UNIT_LONG, _NEXT_DECADE):
        for match in pattern.finditer(norm):
            yield _whole_part(match.start(), match.end(), match.group("unit").lower())
    for match in _WHOLE_UNIT.finditer(norm):
        unit = match.group("unit").lower()
        full = match.group("full") or (match.group("bare") or "").lower() == "full"
        if (match.group("all") or match.group("the")) and unit in ("decade", "century") or (
            (match.group("the") or full) and unit == "year"
        ):
            continue           # "growth for the decade", "profit for the year": periods of the calendar
        if _PERIOD_AFTER.match(norm, match.end()):
            continue
        words_start = match.start("the") if match.group("the") else match.start("bare") if match.group("bare") else None
        part = _whole_part(match.start() if words_start is None else words_start, match.end(), unit)
        part.alone = True
        yield part
    compact_at = _COMPACT.match
    for match in filter(None, (compact_at(norm, start) for start in number_starts(norm))):
        if match.group("hours"):
            if match.group("joined") and _CLOCK_BEFORE.search(norm, max(0, match.start() - 8), match.start()):
                continue       # "at 14h30"
            minutes = match.group("joined") or match.group("minutes")
            components = {"hour": Fraction(int(match.group("hours"))), "minute": Fraction(int(minutes))}
        else:
            components = {"minute": Fraction(int(match.group("mins"))), "second": Fraction(int(match.group("secs")))}
        units = list(components)
        yield _Part(match.start(), match.end(), components, units=units, last_unit=units[-1])


def _joinable(first: _Part, second: _Part, gap: str) -> bool:
    """'2 years, 3 months' and 'twenty-one years and six months' are one length; a stay's nights are counted
    apart from its days or weeks ('a 10-day, nine-night tour')."""
    return (
        bool(gap)
        and _JOIN.fullmatch(gap) is not None
        and first.high is None
        and second.high is None
        and not second.has_qualifier
        and first.smallest < second.largest
        and "night" not in (first.last_unit, second.last_unit)
        and not (first.alone or second.alone)
    )


def _range_start(first: _Part, second: _Part, norm: str) -> int | None:
    """Where a range of two lengths in different words starts ('a year to 18 months', 'between six months and
    a year'), or None when the two are not one: each exact, the first the shorter."""
    if first.has_qualifier or second.has_qualifier or first.high is not None or second.high is not None:
        return None
    if first.alone or second.alone:
        return None
    gap_start = first.end
    between = _BETWEEN_BEFORE.search(norm, max(0, first.start - 10), first.start)
    gap = _AND_GAP if between else _RANGE_GAP
    if not gap.fullmatch(norm, gap_start, second.start):
        return None
    if not days_of(first.components) < days_of(second.components):
        return None
    return between.start() if between else first.start


def _extend(part: _Part, norm: str) -> None:
    """Words after the unit that belong to the length: 'and a half', 'or two', 'thirty' after hours, 'or more'."""
    and_a_part = _AND_A_PART.match(norm, part.end) if part.high is None else None
    if and_a_part:
        fraction = _FRACTION_COUNT[(and_a_part.group("count") or "a").lower()] * _PART[and_a_part.group("part").lower()]
        part.components = add_components(part.components, components_of(fraction, part.last_unit))
        part.end = and_a_part.end()
    elif (
        part.high is None and len(part.units) == 1 and (or_two := _OR_TWO.match(norm, part.end))
        and part.components == components_of(Fraction(1), part.last_unit)
    ):
        # "a year or two": read as the range from one to two, under the qualifier before it
        high = _number_value(or_two.group("high"))
        qualifier, value, range_high = _bounded(part.qualifier, Fraction(1), high or Fraction(2))
        part.components = components_of(value, part.last_unit)
        part.high = components_of(range_high, part.last_unit) if range_high is not None else None
        part.qualifier = Qualifier.RANGE if range_high is not None else qualifier
        part.has_qualifier = True
        part.end = or_two.end()
    elif part.units[-1] == "hour" and part.high is None:
        minutes = _HOUR_MINUTES.match(norm, part.end)
        value = _number_value(minutes.group("minutes")) if minutes else None
        if value is not None and 0 < value < 60 and value.denominator == 1:
            part.components = add_components(part.components, {"minute": value})
            part.units.append("minute")
            part.last_unit = "minute"
            part.end = minutes.end()  # type: ignore[union-attr]
    postfix = _POSTFIX_QUALIFIER.match(norm, part.end)
    if postfix and not part.has_qualifier:
        part.qualifier = qualifier_of(postfix.group(1))
        part.has_qualifier = True
        part.end = postfix.end()


def find_terms(doc: Document) -> list[_Part]:
    """Every length of time in the document, joined where one length is written in several units."""
    norm = doc.norm
    singles = [p for p in (_single(*found, norm, doc) for found in _matches(norm)) if p is not None]
    singles.extend(_number_free(norm))
    singles.sort(key=lambda p: (p.start, -p.end))
    parts: list[_Part] = []
    for part in singles:
        if parts and part.start < parts[-1].end:
            continue           # the number-free forms can overlap a numbered one
        if parts and (range_start := _range_start(parts[-1], part, norm)) is not None:
            previous = parts[-1]
            previous.high, previous.qualifier, previous.has_qualifier = part.components, Qualifier.RANGE, True
            previous.start, previous.end = range_start, part.end
            continue
        if parts and _joinable(parts[-1], part, norm[parts[-1].end:part.start]):
            previous = parts[-1]
            previous.components = add_components(previous.components, part.components)
            previous.units.extend(part.units)
            previous.last_unit = part.last_unit
            previous.end = part.end
            continue
        parts.append(part)
    extended: list[_Part] = []
    for part in parts:
        if extended and part.start < extended[-1].end:
            continue           # the words "and a half" or "or more" of the length before
        _extend(part, norm)
        extended.append(part)
    return extended


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    for part in find_terms(doc):
        if doc.is_taken(part.start, part.end):
            continue
        value = TermValue(
            iso=format_iso(part.components),
            qualifier=part.qualifier,
            high_iso=format_iso(part.high) if part.high is not None else None,
        )
        yield make_claim(doc, "term", part.start, part.end, value)
