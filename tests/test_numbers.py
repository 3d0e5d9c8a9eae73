"""Shared numeral parsing (factcheck.numbers): the changes the amount extractor needed, and what they keep."""

from __future__ import annotations

import re
import time

import pytest

import factcheck
from factcheck.numbers import DIGITS, NUMBER, SCALES, WORDS, parse_number


def _first(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text, re.I)
    return match.group(0) if match else None


@pytest.mark.parametrize(
    ("text", "value", "resolution"),
    [
        ("4.5 billion", 4.5e9, 1e8),
        ("4,500,000,000", 4.5e9, 1),
        ("4,500 million", 4.5e9, 1e6),
        ("four and a half billion", 4.5e9, 1e8),
        ("half a billion", 5e8, 1e8),
        ("one hundred and twenty", 120, 1),
        ("a thousand and one", 1001, 1),
        ("a million and a half", 1.5e6, 1e5),
        ("one million and a half", 1.5e6, 1e5),
        ("5 lakh", 5e5, 1e5),
        ("five lakhs", 5e5, 1e5),
        ("4 crores", 4e7, 1e7),
        ("5,000 crore", 5e10, 1e7),
        ("2 285,81", 2285.81, 0.01),
        ("17 940,00", 17940, 0.01),
        ("1'049,95", 1049.95, 0.01),
        ("399 167.00", 399167, 0.01),
    ],
)
def test_parse_number(text: str, value: float, resolution: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == pytest.approx(value)
    assert parsed.resolution == pytest.approx(resolution)


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # "and" joins number words after a hundred or a scale word, or before a fraction only
        ("between two and three years", "two"),
        ("one hundred and twenty people", "one hundred and twenty"),
        ("four and a half billion dollars", "four and a half billion"),
        ("a thousand and one nights", "a thousand and one"),
        ("ten and a quarter", "ten and a quarter"),
        # Indian scale words after digits and words
        ("Rs 5,000 crore", "5,000 crore"),
        ("seven lakh rupees", "seven lakh"),
    ],
)
def test_number_pattern_reads(text: str, matched: str) -> None:
    assert _first(NUMBER, text) == matched


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # space-grouped digits keep their decimals (they used to lose the groups before ",81")
        ("2 285,81 грн.", "2 285,81"),
        ("1 298,00 €", "1 298,00"),
        ("5 450 руб", "5 450"),
        ("120 000 000", "120 000 000"),
        # a space group never swallows more digits than it can group
        ("1 234,5678", "1"),
    ],
)
def test_digit_grouping(text: str, matched: str) -> None:
    assert _first(DIGITS, text) == matched


def test_scales_keep_their_english_words() -> None:
    assert {"thousand", "million", "billion", "trillion"} <= SCALES.keys()
    assert SCALES["crore"] == 1e7 and SCALES["lakh"] == 1e5


@pytest.mark.parametrize("unit", ["and a half ", "two and ", "1 000 ", "hundred and "])
def test_patterns_stay_linear_on_adversarial_text(unit: str) -> None:
    text = unit * (60_000 // len(unit))
    started = time.perf_counter()
    for pattern in (NUMBER, WORDS, DIGITS):
        sum(1 for _ in re.finditer(pattern, text, re.I))
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("text", ["1,0004", "1,0004.5", "12.3456,7"])
def test_digits_grouped_against_the_rules_are_no_numeral(text: str) -> None:
    # the digit pattern reads "1,000" and leaves a "4" it cannot place: no value, and no crash
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["It cost $1,0004.5 today.", "Some 1,0004 deals were signed.", "over4 year 1,0002024 $"])
def test_extraction_reads_past_badly_grouped_digits(text: str) -> None:
    factcheck.extract_claims(text)     # raised IndexError before
