"""Numerals in digits and in words, shared by every numeric extractor.

`NUMBER` is a regular expression (no groups of its own, bounded repetition
only, so that it stays linear when composed into larger patterns) for a
numeral with an optional scale word: `4.5`, `4,500,000,000`, `4.5 billion`,
`four and a half billion`, `half a billion`, `a dozen`. `parse_number` turns
the matched text into a value and the resolution it was written to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .text import alternation

UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    # the Indian scale words, as Indian English news writes sums ("Rs 5,000 crore", "5 lakh rupees")
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# abbreviations of the scale words as newsrooms write them ($4.5bn, €300m, 12k)
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thou": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6, "MM": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "bil": 1e9,
    "t": 1e12, "T": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
FRACTIONS = {"half": 0.5, "quarter": 0.25}
# the words a numeral in words is made of, besides the "a", "an" and "and" that lead or join them
NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, *FRACTIONS, "hundred", "dozen"])

_WORD = alternation(NUMBER_WORDS)
_SCALE_ABBR = "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True))

# "a"/"an" counts as one only before a word that needs it (a dozen, a half, a billion)
_LEAD_A = r"(?:an?[ \t]+(?=(?:half|quarter|dozen|hundred|thousand|million|billion|trillion|lakh|crore)\b))"
# "and" joins number words only after a hundred or a scale word ("one hundred and twenty",
# "a thousand and one") or before a fraction ("four and a half"): "two and three" is two numbers
_AND_AFTER = "".join(f"(?<={word})" if i == 0 else f"|(?<={word})" for i, word in enumerate(
    ("hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores")))
_JOIN = (
    rf"(?:(?:{_AND_AFTER})[ \t]+and[ \t]+(?:an?[ \t]+)?"
    r"|[ \t]+and[ \t]+an?[ \t]+(?=(?:half|quarter)\b)"
    r"|(?:[ \t]+|[ \t]*-[ \t]*)(?:an?[ \t]+)?)"
)
WORDS = rf"(?:{_LEAD_A}?(?:{_WORD})(?:{_JOIN}(?:{_WORD})){{0,12}})\b"

# 4,500,000,000 | 1.234.567,89 (European grouping) | 4.5 | 19,50 | 120
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?"
    r"|\d{1,3}(?:\.\d{3}){2,6}(?:,\d{1,12})?"
    r"|\d{1,3}\.\d{3},\d{1,12}"
    r"|\d{1,3}(?:[ \t'\u2009]\d{3}){1,6}(?:[.,]\d{1,2})?(?![.,]?\d)"
    r"|\d{1,15}(?:[.,]\d{1,12})?"
    r"|[.,]\d{1,12})"
)
_DIGITS_BOUNDED = rf"(?<![\w.,]){DIGITS}(?![\d])"

# a numeral and its scale word: "4.5 billion", "4.5bn", "four and a half billion", "2 dozen"
_DIGIT_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|dozen)"
NUMBER = (
    rf"(?:{_DIGITS_BOUNDED}"
    rf"(?:[ \t]+and[ \t]+an?[ \t]+(?:half|quarter)\b(?:[ \t]+{_DIGIT_SCALE}\b)?"
    rf"|[ \t]*-?[ \t]*{_DIGIT_SCALE}\b"
    rf"|[ \t]?(?:{_SCALE_ABBR})\b(?!-?\d))?"
    rf"|\b{WORDS})"
)



@cache
def numeral_pattern() -> re.Pattern[str]:
    """`NUMBER` compiled, ignoring case: one pattern for every module that looks for a numeral on its
    own (compiling it takes milliseconds, which a command pays at each start)."""
    return re.compile(NUMBER, re.IGNORECASE)


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    # place value of the last significant digit as written: 12 billion -> 1e9, 12.1 -> 0.1
    resolution: float
    in_words: bool


_GROUP_SPACES = re.compile(r"(?<=\d)[ \t'\u2009](?=\d{3})")
_THOUSANDS = re.compile(r"\d{1,3},\d{3}")
_DIGITS_AT = re.compile(DIGITS)
_LETTERS = re.compile(r"[a-z]+")


def _fraction_resolution(mantissa: float) -> float:
    """1 for whole numbers; else the place of the last decimal digit (4.5 -> 0.1)."""
    if mantissa == int(mantissa):
        return 1.0
    decimals = f"{mantissa:.12f}".rstrip("0").split(".")[1]
    return 10.0 ** -len(decimals)


def _parse_digits(text: str) -> tuple[float, float]:
    """Value and resolution of a digit string, reading its grouping and decimal marks."""
    text = _GROUP_SPACES.sub("", text)
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        # the mark that comes last is the decimal mark
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
    elif commas == 1:
        # 4,500 groups thousands; 19,50 and 0,5 are decimals
        decimal = "" if _THOUSANDS.fullmatch(text) else ","
    elif dots == 1:
        decimal = "."
    else:
        decimal = ""
    for mark in {",": ".", ".": ",", "": ",."}[decimal]:
        text = text.replace(mark, "")
    text = text.replace(",", ".")
    value = float(text)
    # trailing zeros of a whole number are written digits, not rounding: 1,000 means 1,000
    resolution = 10.0 ** -len(text.split(".", 1)[1]) if "." in text else 1.0
    return value, resolution


def _parse_words(words: list[str]) -> tuple[float, float] | None:
    """Value and resolution of number words: 'four and a half billion', 'one hundred and twenty'."""
    total = 0.0
    current = 0.0
    seen_number = False
    resolution = 1.0
    last_scale = 0.0
    for word in words:
        if word in ("and", "a", "an"):
            continue
        if word in FRACTIONS and not current and last_scale:
            # "a million and a half": a half of the scale just named
            total += FRACTIONS[word] * last_scale
            resolution = _fraction_resolution(total / last_scale) * last_scale
            last_scale = 0.0
            continue
        last_scale = 0.0
        if word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
        elif word in FRACTIONS:
            # "four and a half" adds a half; "half a billion" is a half of what follows
            fraction = FRACTIONS[word]
            current = current + fraction if current else fraction
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            mantissa = current or 1
            total += mantissa * SCALES[word]
            resolution = _fraction_resolution(mantissa) * SCALES[word]
            current = 0.0
            last_scale = SCALES[word]
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    if current:
        resolution = _fraction_resolution(current)
    return total + current, resolution


# the same numerals come back in a text ("2024", "15", "billion"), and every numeric extractor reads them
@lru_cache(maxsize=4096)
def parse_number(text: str) -> ParsedNumber | None:
    """Value of a numeral matched by `NUMBER` (or any digit or word numeral)."""
    text = text.strip()
    digits = _DIGITS_AT.match(text)
    if not digits:
        parsed = _parse_words(_LETTERS.findall(text.lower()))
        return ParsedNumber(parsed[0], parsed[1], True) if parsed else None
    value, resolution = _parse_digits(digits.group(0).strip())
    rest = text[digits.end():].strip(" \t-")
    if not rest:
        return ParsedNumber(value, resolution, False)
    if rest in SCALE_ABBREVIATIONS:
        scale = SCALE_ABBREVIATIONS[rest]
        return ParsedNumber(value * scale, resolution * scale, False)
    words = _LETTERS.findall(rest.lower())
    if not words:
        return None             # digits the pattern does not group ("1,0004"): no numeral as written
    if words[0] == "and":                       # "4 and a half", "4 and a half million"
        fraction = next((FRACTIONS[w] for w in words if w in FRACTIONS), 0.0)
        value += fraction
        resolution = _fraction_resolution(value)
        words = [w for w in words if w not in FRACTIONS and w not in ("and", "a", "an")]
        if not words:
            return ParsedNumber(value, resolution, False)
    parsed = _parse_words(words)
    if parsed is None:
        return None
    return ParsedNumber(value * parsed[0], resolution * parsed[0], False)
