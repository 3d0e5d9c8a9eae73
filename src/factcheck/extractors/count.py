"""Counts: how many of something. `more than a dozen similar deals`, `15 agreements`, `at least 13`.

The value is the number, its qualifier (`more than`, `at least`, `nearly`, `up to`, ranges
such as `10 to 15 deals` or `between 10 and 15 deals`) and the noun counted, as written
("similar deals" -> "deals"; `words.noun_key` compares nouns loosely). The claim's words are the
qualifier and the number (`more than a dozen`, `14`): the noun is part of the value and of
the context alignment reads, and stays free for the extractors that come after.

This extractor runs after the amount, term and date extractors and never claims a number
they took. It leans to precision: a number that is not clearly a count of things is no
claim. So these are not counts:
- vague or partitive quantities: `dozens of`, `hundreds of thousands`, `one of ...`,
  `two of the suspects`, `one in five`;
- names and labels: `G7`, `Group of Seven`, `the Seven`, `Article 5`, `No. 10`, `page 3`,
  `Covid-19`, `F-16s`, `7-Eleven`, `9/11`, a number after any capitalised word but a sentence's
  first, and after a sentence's first word too unless that word leads counts (`Another 300
  workers`, `Only 12`, `Kyiv's 24 regions`; but `Windows 11 users`, `Formula 1 teams`);
- ordinals and non-integers: `third`, `13th`, `4.5`;
- percentages, money, measures and times: `4.5%`, `40 per cent`, `$4.5 billion`, `300 km`,
  `3 pm`, `10:30`, `three times`; years (`2024`, `in 1990`), decades (`the 1990s`, `the '90s`),
  dates (`13 June`), ages (`Hill, 55,`), phone and other digit runs, hyphenated modifiers
  (`a 15-member council`);
- scores and tallies: `a 4-1 win`, `won 3-0`, `passed 52-48`, `voted 61 to 39`, and a hyphenated
  pair after `the` (`the 6-3 majority`, `the 9-11 attacks`). Two numbers joined by a dash or `to`
  with nothing counted after them are a result, not a range; a vote tally is a result too (the
  count claim of a tally is `52 votes`, when the votes are written).

Which numbers count without a noun: a number set against an earlier count of its sentence (`about 9,000
patients, up from 7,500` counts patients too: `up from`, `down from`, `compared with`, `versus`); a number after a counting qualifier (`Kyiv has signed at
least 13`, `nearly 40`, `more than a dozen`) or straight after a verb that counts things
(`Kyiv has signed 13.`, `the attack killed 12`). A bare number anywhere else (`7` in a list,
`at 7`, `under 18`) is not a count. `one` counts only after a qualifier (`only one country`),
since on its own it is as often a pronoun (`one official said`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from ..models import Claim, CountValue, Qualifier
from ..numbers import SCALES, numeral_pattern, parse_number
from ..text import Document
from .base import Options, make_claim
from ..words import IRREGULAR_PLURALS, NOT_PLURAL
from ..qualifiers import qualifier_of
from .term import SIMPLE_NUMBER, number_starts, qualifiers_at

_LOW_OF_RANGE = rf"(?>\d{{1,3}}(?:,\d{{3}}){{1,4}}|{SIMPLE_NUMBER})"
# a range's first number and the words that lead to its second ("between 10 and", "10 to"), tried
# where a term may start (term.number_starts) or after a qualifier there (term.qualifiers_at); the
# second number is numbers.numeral_pattern(), matched where these words end
_RANGE_HEAD = re.compile(
    rf"(?:(?P<between>between[ \t]+)|(?:from[ \t]+)?)(?P<lo>{_LOW_OF_RANGE})"
    rf"(?(between)[ \t]+and[ \t]+|[ \t]*(?:-|to\b)[ \t]*)",
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\b(" + "|".join(SCALES) + r")\b", re.I)
# the number a name joins with a hyphen, before the noun counted: "Covid-19", "F-16"; not a spaced
# one ("12 737 MAX 9 aircraft": a model's number may be another count's digits)
_NAME_NUMBER = re.compile(r"-\d{1,4}\b(?![.,:/-]?\d)")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]{0,40})")

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
# a number followed by one of these is a measure, a share, a time or money, not a count of things
_NOT_COUNTED = frozenset(
    "percent per pc percentage points point basis bps times fold "
    "year years yr yrs month months week weeks day days hour hours hrs minute minutes mins second seconds "
    "decade decades century centuries "
    "km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters m cm mm ft "
    "feet foot inch inches yard yards acre acres hectare hectares sq square cubic "
    "kg kgs kilogram kilograms gram grams g lb lbs pound pounds ounce ounces tonne tonnes ton tons "
    "litre litres liter liters gallon gallons barrel barrels bpd degree degrees mph kph kmh knots "
    "mw gw kw kwh mwh gwh twh watts volts megawatts gigawatts "
    "dollar dollars euro euros yen yuan renminbi rupee rupees rouble roubles ruble rubles hryvnia hryvnias "
    "franc francs won pence cents cent usd eur gbp jpy "
    "am pm a.m p.m gmt bst utc cet et est edt pst o'clock oclock".split()
) | frozenset(_MONTHS)
# words that end the phrase after a number: what follows is no longer the thing counted
_STOP_WORDS = frozenset(
    "of in on at to for with from by about over under into across against among between during since "
    "after before than per as like via the a an this that these those its their his her our your my "
    "and or but nor so yet who which whom whose what they we he she it you i them us "
    "is are was were be been being has have had do does did will would can could may might must shall "
    "should said say says also not now still already ago later each apiece respectively so-called "
    "here there then when where while if because".split()
)
# words between a number and its noun that are never the noun: "one more country", "two other deals"
_MODIFIERS = frozenset("more less other others new additional further extra such similar single same last first".split())
# lowercase words after which a number is a label: "page 3", "section 5", "flight 17"
_LABELS = frozenset(
    "page pages section sections article articles chapter paragraph clause item line room flight route gate "
    "platform level phase stage round grade category class size version model tier seat row number no nos "
    "act part vol volume issue episode season game week day year month resolution decree law bill unit "
    "division brigade battalion regiment district ward block floor apartment highway channel pier terminal "
    "lot case file table figure fig exhibit appendix annex schedule rule amendment title code step track "
    "lane bus train tram top aged age ages ranked rank number".split()
)
# verbs after which a bare number is a count: "Kyiv has signed 13.", "the blast killed 12"
_COUNTING_VERBS = frozenset(
    "signed killed wounded injured arrested detained captured rescued evacuated deployed delivered sent "
    "hired employs employed sold ordered built launched won numbered numbers totalled totaled totals".split()
)
# qualifiers that make a bare number a count ("at least 13"); "over 40" and "under 18" too often measure ages
_BARE_QUALIFIERS = frozenset(
    "more than|at least|nearly|almost|about|around|some|roughly|approximately|an estimated|up to|"
    "fewer than|no fewer than|no less than|not less than|as many as|a total of|at most|no more than|"
    "close to|more or less|a minimum of|a maximum of".split("|")
)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹₽₩₴]|\b(?:US|A|C|NZ|HK|S)\$)[ \t]*\Z")
_LETTER_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-\Z")
_NAME_OF_BEFORE = re.compile(r"\b[A-Z][\w.-]*[ \t]+of[ \t]+\Z")
_RATIO_BEFORE = re.compile(r"\b(?:one|\d{1,3})[ \t]+(?:in|out[ \t]+of)[ \t]+\Z", re.I)
_SENTENCE_LEAD = re.compile(r"[\s\"'(\[*_>#-]*\Z")  # quotes, brackets, emphasis, list, quote and heading marks
# capitalised only because they open a sentence, these words lead a count ("Another 300 workers");
# any other word opening a sentence before a number names something ("Windows 11 users", "Formula 1 teams")
_COUNT_LEADS = _STOP_WORDS | _MODIFIERS | frozenset(
    "another all both every each only just some many several any no exactly precisely barely roughly nearly "
    "almost around about over under".split()
)
_DEFINITE_BEFORE = re.compile(r"\bthe[ \t]+\Z", re.I)
_PEOPLE_ENDINGS = ("ans", "ats", "ists", "ites", "ives", "als")
# singular currency words that modify a plural noun after them ("40 dollar stores", "pound shops")
_CURRENCY_MODIFIERS = frozenset("dollar euro pound yen yuan rupee rouble ruble franc".split())


def _looks_plural(word: str) -> bool:
    lower = word.lower().rstrip("'")
    if lower in IRREGULAR_PLURALS:
        return word[0].islower()
    if lower in NOT_PLURAL or len(lower) < 3 or not lower.endswith("s") or lower.endswith(("ss", "us")):
        return False
    if word[0].islower():
        return not lower.endswith("is")    # crisis, basis, analysis
    # capitalised plurals are peoples and parties ("15 Ukrainians", "200 Israelis", "two Democrats")
    return word[1:].rstrip("'").islower() and len(word) > 4


def _noun_after(norm: str, position: int, count: float) -> str | None:
    """The head noun after a number: 'similar deals' -> 'deals', 'senior official' -> 'official'."""
    candidates: list[str] = []
    for _ in range(4):
        match = _WORD_AFTER.match(norm, position)
        if not match:
            break
        word = match.group(1).rstrip("-")
        lower = word.lower().rstrip("'")
        if lower in _STOP_WORDS:
            break
        end = match.start(1) + len(word)
        if count != 1 and _looks_plural(word):
            following = _WORD_AFTER.match(norm, end)
            if word[0].isupper() and following and following.group(1)[0].islower() and _looks_plural(following.group(1)):
                position = end
                continue       # "31 Abrams tanks": a name before the noun
            return word.rstrip("'")
        if candidates and lower.endswith(("ed", "ing")):
            break              # "one soldier killed": the noun came before the verb
        if word[0].islower() and lower not in _MODIFIERS:
            candidates.append(word)
        elif word[0].isupper() and (number := _NAME_NUMBER.match(norm, end)):
            end = number.end()  # "58 Covid-19 patients": a name's number
        position = end
    if count == 1 and candidates:
        return candidates[-1]
    return None


def _integer(text: str) -> float | None:
    parsed = parse_number(text)
    if parsed is None or parsed.value != int(parsed.value) or parsed.value < 0:
        return None
    return parsed.value


_FOUR_DIGITS = re.compile(r"\d{4}")
# what after a numeral makes it no count: 13th, 4.5%, 10:30, 1/2, 2-1, 15-member, 40+, digit runs
_NOT_A_COUNT_AFTER = re.compile(r"[A-Za-z]|[ \t]*(?:%|:\d|/\d|-[ \t]*\w|\+|[ \t]\d)|'s\b")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*)[ \t]+\Z")
_LETTERS_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")


def _year_like(text: str, value: float) -> bool:
    return bool(_FOUR_DIGITS.fullmatch(text.strip())) and 1000 <= value <= 2100


def _excluded_around(doc: Document, start: int, end: int, qualified: bool) -> bool:
    """Whether the words around the numeral at [start, end) make it anything but a count."""
    norm = doc.norm
    before, after = norm[max(0, start - 40):start], norm[end:end + 24]
    if _NOT_A_COUNT_AFTER.match(after):
        return True
    if re.search(r"(?:[+#/:.,-]|\d[ \t]+)\Z", before) or _CURRENCY_BEFORE.search(before):
        # a second number, a phone number, money; not a number after a sentence's full stop or a comma
        return True
    if _LETTER_HYPHEN_BEFORE.search(before) or _RATIO_BEFORE.search(before):
        return True            # COVID-19, one in five
    if _NAME_OF_BEFORE.search(before) and not norm[start].islower():
        return True            # "Group of 20", "Group of Seven"; but "Leaders of two countries"
    following = _WORD_AFTER.match(norm, end)
    if following and following.group(1).lower().rstrip(".'") in _NOT_COUNTED and not _currency_modifier(norm, following):
        return True
    if following and following.group(1).lower() == "of":
        return True            # "one of the world's", "two of the suspects"
    previous = _WORD_BEFORE.search(before)
    if previous and not qualified:
        word = previous.group(1)
        if word.lower().rstrip(".") in _LABELS or word.lower() in _MONTHS:
            return True
        sentence_start = doc.sentence_at(start)[0]
        if word[0].isupper() and not _SENTENCE_LEAD.fullmatch(norm, sentence_start, previous.start()):
            return True        # "Article 5", "Flight 17", "the Big Three"
        if word[0].isupper() and not word.endswith("'s") and word.lower() not in _COUNT_LEADS:
            return True        # a name opening the sentence: "Windows 11 users", "COVID 19 patients"
    return False


def _currency_modifier(norm: str, word: re.Match[str]) -> bool:
    """Whether a singular currency word modifies the plural noun after it: "40 dollar stores",
    "250 dollar millionaires" count stores and millionaires (the amount extractor leaves them)."""
    if word.group(1).lower() not in _CURRENCY_MODIFIERS:
        return False
    noun = _WORD_AFTER.match(norm, word.end())
    return bool(noun) and noun.group(1)[0].islower() and _looks_plural(noun.group(1)) and (  # type: ignore[union-attr]
        noun.group(1).lower() not in _NOT_COUNTED  # type: ignore[union-attr]
    )


def _names_a_title(doc: Document, numeral_start: int, noun: str) -> bool:
    """Whether `the`, a number and a capitalised plural are a title: "the 1,000 Guineas", "the 39 Steps".
    A capitalised plural of people stays a count: of a country ("the 200 Israelis") or of a party or
    a creed, by their endings ("the 12 Democrats", "the 40 Republicans", "the two Socialists")."""
    if noun[0].islower() or not _DEFINITE_BEFORE.search(doc.norm, max(0, numeral_start - 8), numeral_start):
        return False
    if noun.lower().endswith(_PEOPLE_ENDINGS):
        return False
    from ..gazetteer import country_code   # the gazetteer loads its data on first use

    return country_code(noun, codes=False) is None


def _at_sentence_start(doc: Document, position: int) -> bool:
    sentence_start = doc.sentence_at(position)[0]
    return sentence_start <= position and _SENTENCE_LEAD.fullmatch(doc.norm, sentence_start, position) is not None


def _counting_verb_before(norm: str, start: int) -> bool:
    previous = _LETTERS_BEFORE.search(norm[max(0, start - 20):start])
    return bool(previous) and previous.group(1).lower() in _COUNTING_VERBS  # type: ignore[union-attr]


class _Numeral(NamedTuple):
    """A number that may be a count, with the words before it that belong to it."""

    start: int                  # of the qualifier, else of the numeral
    qualifier: str | None       # "more than"
    low: str | None             # a range's first number: "10" in "between 10 and 15"
    numeral_start: int          # of the range ("between 10 and 15", "10 to 15") or the number
    number: re.Match[str]       # the number: a range's second one


def _numerals(norm: str) -> Iterator[_Numeral]:
    """What the one pattern `qualifier? range_head? numeral` would find where a term may start: after the
    qualifier if one stands there, else where it stands, a range's words and the shared numeral pattern
    where they end, else the numeral alone. A shorter qualifier never does better than the longest (no
    qualifier's later words start a number or a range: tests/test_patterns.py)."""
    qualified_at, number_at = qualifiers_at(norm).get, numeral_pattern().match
    end = 0
    for start in number_starts(norm):
        if start < end:
            continue
        qualified = qualified_at(start)
        found = qualified and _numeral_after(norm, start, *qualified, number_at)
        found = found or _numeral_after(norm, start, None, start, number_at)
        if found:
            end = found.number.end()
            yield found


def _numeral_after(
    norm: str, start: int, qualifier: str | None, position: int, number_at: Callable[[str, int], re.Match[str] | None]
) -> _Numeral | None:
    """The count's range and second number, else its number alone (read by `number_at`), at `position`."""
    head = _RANGE_HEAD.match(norm, position)
    if head and (number := number_at(norm, head.end())):
        return _Numeral(start, qualifier, head.group("lo"), position, number)
    if number := number_at(norm, position):
        return _Numeral(start, qualifier, None, position, number)
    return None


# the words that set a number against an earlier count of the same thing: "9,000 patients, up from 7,500"
_COMPARED_BEFORE = re.compile(r"\b(?:up[ \t]+from|down[ \t]+from|compared[ \t]+(?:with|to)|versus|vs\.?)[ \t]+\Z", re.I)


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    norm = doc.norm
    last_noun: tuple[tuple[int, int], str] | None = None   # the noun of the sentence's last count
    for found in _numerals(norm):
        start, numeral_end = found.start, found.number.end()
        if doc.is_taken(start, numeral_end):
            continue           # most numbers are an amount's, a term's or a date's
        qualifier_text = found.qualifier
        qualifier = qualifier_of(qualifier_text) if qualifier_text else Qualifier.EXACT
        if found.low is not None:
            lo_text = found.low
            hi_text = found.number.group()
            numeral_start = found.numeral_start
            low, high = _integer(lo_text), _integer(hi_text)
            scale = _SCALE_WORD.search(hi_text)
            if low is not None and scale and not _SCALE_WORD.search(lo_text):
                low *= SCALES[scale.group(1).lower()]   # "10 to 15 million people"
            if low is None or high is None or low >= high:
                continue
            hyphenated = "-" in norm[numeral_start:found.number.start()]
            if hyphenated and _DEFINITE_BEFORE.search(norm, max(0, numeral_start - 8), numeral_start):
                continue       # "the 9-11 attacks", "the 6-3 majority": a name or a score, not a range
            qualifier, count = Qualifier.RANGE, low
        else:
            numeral_text = found.number.group()
            numeral_start = found.numeral_start
            value = _integer(numeral_text)
            if value is None:
                continue
            if _year_like(numeral_text, value) and not qualifier_text:
                continue
            if numeral_text.lower().strip() == "one" and not qualifier_text:
                continue
            if numeral_text.lower().strip() == "nil":
                continue       # a score
            count, low, high = value, None, None
        if _excluded_around(doc, numeral_start, numeral_end, bool(qualifier_text)):
            continue
        if norm[numeral_start].isupper() and not _at_sentence_start(doc, start):
            continue           # "the Seven", "Group of Seven"
        # a range counts a plural noun ("1-2 days"); "a 1-2 finish" is a result
        noun = _noun_after(norm, numeral_end, count if high is None else high)
        if noun is not None and _names_a_title(doc, numeral_start, noun):
            continue
        sentence = doc.sentence_at(start)
        if noun is None and not qualifier_text and last_noun and last_noun[0] == sentence and (
            _COMPARED_BEFORE.search(norm, max(0, numeral_start - 20), numeral_start)
        ):
            noun = last_noun[1]   # "about 9,000 patients, up from 7,500 in January": 7,500 patients
        if noun is None:
            if found.low is not None:
                continue       # "won 2-1", "10 to 15" with nothing counted
            qualified = bool(qualifier_text) and " ".join(qualifier_text.lower().split()) in _BARE_QUALIFIERS
            if not (qualified or (not qualifier_text and _counting_verb_before(norm, numeral_start))):
                continue
        if qualifier in (Qualifier.GT, Qualifier.GE):
            low = count
        elif qualifier in (Qualifier.LT, Qualifier.LE):
            high = count
        counted = CountValue(count=count, qualifier=qualifier, low=low, high=high, noun=noun)
        if noun is not None:
            last_noun = (sentence, noun)
        yield make_claim(doc, "count", start, numeral_end, counted)
