"""Alignment made faster must align as it did: each shortcut against the plain computation it replaces.

The shortcuts: a sentence is read once for all its claims (`SentenceReader`), the frame phrases are found
with a quicker pattern, the candidates' word agreements come from one rapidfuzz call, only the
verdict is worked out for the facts weighed (`judges.verdict`) and judging stops once the best
fact cannot change. The reference below is alignment as it was written before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import factcheck
from factcheck import align, judges
from factcheck.align import Aligner, Context, FactIndex
from factcheck.judges.context import JudgeContext
from factcheck.models import Verdict

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "The project runs until mid-2024, officials said.",
    "Japan pledged US$4.5bn to date, the largest sum so far this year; in 2023 it gave $1 billion.",
    "Growers in southern Italy signed 15 deals in Rome during the G7 summit in Puglia.",
    "So far, Ukraine's backers have given more than 40 countries' worth of aid, per annum, for the year.",
    "Since the start of the war, Germany has sent $12.1 billion, last year's total was lower.",
    "Kenya's president said thebiggestwordinthissentenceisverylongindeedmorethanfortyletters were 12.",
    "",
    "12 345 6789",
]


def _reference_frame_pattern() -> re.Pattern[str]:
    """The frame pattern as it was, before the letter lookahead in front."""
    return re.compile(
        "|".join(f"(?P<{name}>\\b(?:{phrases})\\b)" for name, phrases in align._FRAMES.items())
        + r"|(?P<year>\b(?:in|for|during|of|by) (?:1[89]|2[01])\d\d\b)",
        re.IGNORECASE,
    )


_REFERENCE_FRAMES = _reference_frame_pattern()


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, str]]:
    return [(m.span(), m.lastgroup, m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_reading_gives_the_keys_of_every_cut(sentence: str) -> None:
    reading = align._read(sentence)
    for offset in range(len(sentence) + 1):
        assert reading.keys_before(offset) == align._content_keys(sentence[:offset]), offset
        assert reading.keys_after(offset) == align._content_keys(sentence[offset:]), offset


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab Ab1-'.,_") + ["mid-", "Japan", "so far ", "in 2024 ", "x" * 45]), max_size=25).map("".join))
def test_a_reading_gives_the_keys_of_every_cut_of_any_text(sentence: str) -> None:
    reading = align._read(sentence)
    for offset in range(len(sentence) + 1):
        assert reading.keys_before(offset) == align._content_keys(sentence[:offset])
        assert reading.keys_after(offset) == align._content_keys(sentence[offset:])


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_frame_pattern_finds_what_it_found(sentence: str) -> None:
    assert _matches(align._FRAME_PATTERN, sentence) == _matches(_REFERENCE_FRAMES, sentence)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["so far", "This Year's", "in 2024", "In 1899", "for the year", "ſo far", "a month", "to", "date",
             "x", "-", "'", "2024", " ", ",", "since the outbreak", "cumulatively", "_in 2024", "é"]
        ),
        max_size=20,
    ).map("".join)
)
def test_the_frame_pattern_finds_what_it_found_in_any_text(text: str) -> None:
    assert _matches(align._FRAME_PATTERN, text) == _matches(_REFERENCE_FRAMES, text)


@pytest.mark.parametrize(
    ("claim_words", "fact_words"),
    [("", ""), ("", "aid"), ("aid", ""), ("aid give", "aid give"), ("aid give jp", "give"), ("deal total", "fund year")],
)
def test_word_agreements_are_token_set_ratios(claim_words: str, fact_words: str) -> None:
    claim = Context(claim_words, None, frozenset(), None)
    fact = Context(fact_words, None, frozenset(), None)
    expected = fuzz.token_set_ratio(claim_words, fact_words) if claim_words and fact_words else 0.0
    assert align._word_agreements(claim, [(None, fact)]) == [expected]  # type: ignore[list-item]


# --- the reference: alignment as it was -----------------------------------------------------------


_FRAMED_SOURCE = (
    "Japan gave Ukraine military aid worth $4.5 billion this year. "
    "Japan gave Ukraine military aid worth $12 billion to date. Japan has pledged $4.5 billion in total."
)


@pytest.mark.parametrize(
    ("draft", "verdict"),
    [
        # the sum of this year contradicts; the $12 billion to date agrees as well in words, but is
        # of another frame and does not overturn that
        ("Japan gave Ukraine military aid worth $12 billion this year.", Verdict.CONTRADICTED),
        # the $12 billion to date contradicts, the $4.5 billion in total (the same frame) supports: it overturns that
        ("Japan has given $4.5 billion to date.", Verdict.SUPPORTED),
        ("Japan gave $4.5 billion this year.", Verdict.SUPPORTED),
    ],
)
def test_a_supporting_fact_overturns_a_contradiction_only_in_the_same_frame(draft: str, verdict: Verdict) -> None:
    sheet = factcheck.extract_facts(_FRAMED_SOURCE)
    context = JudgeContext(anchor_year=sheet.anchor_year)
    aligner = Aligner(FactIndex(sheet.facts, anchor_year=sheet.anchor_year))
    claim = next(claim for claim in factcheck.extract_claims(draft) if claim.kind == "amount")
    fast = aligner.align(
        claim, lambda fact: judges.compare(claim, fact, context), verdict=lambda fact: judges.verdict(claim, fact, context)
    )
    assert fast.verdict == verdict
    # the verdict alone gives the same alignment as the judge with its reasons
    assert fast == aligner.align(claim, lambda fact: judges.compare(claim, fact, context))
