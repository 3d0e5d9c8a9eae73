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
from benchmarks.corpus import source_and_draft
from factcheck import align, judges
from factcheck.align import MIN_SCORE, Aligner, Alignment, Context, FactIndex, context_of
from factcheck.facts import load_facts
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, Verdict
from factcheck.words import noun_key

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


def _reference_context(claim: Claim, anchor_year: int | None) -> Context:
    if claim.sentence is None:
        return Context("", None, frozenset(), None)
    sentence = claim.sentence.text
    start, end = align._offsets_in_sentence(claim)
    before = align._content_keys(sentence[:start])[-align.WINDOW_WORDS :]
    after = align._content_keys(sentence[end:])[: align.WINDOW_WORDS]
    noun = getattr(claim.value, "noun", None)
    if claim.kind == "location":
        frame = align._occasion(sentence, start, end)
    else:
        frame = _reference_frame(sentence, start, end, anchor_year)
    return Context(
        words=" ".join(sorted(set(before + after))),
        frame=frame,
        countries=frozenset(align.countries_in(sentence)),
        noun=noun_key(noun) if noun else None,
    )


def _reference_frame(sentence: str, start: int, end: int, anchor_year: int | None) -> str | None:
    best: tuple[int, str] | None = None
    for match in _REFERENCE_FRAMES.finditer(sentence):
        if match.start() < end and start < match.end():
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if match.lastgroup == "year":
            frame = "year:" + match.group(0)[-4:]
        elif match.lastgroup == "this_year" and anchor_year:
            frame = f"year:{anchor_year}"
        else:
            frame = match.lastgroup or ""
        if best is None or distance < best[0]:
            best = (distance, frame)
    return best[1] if best else None


def _reference_score(claim: Context, fact: Context) -> float:
    score = fuzz.token_set_ratio(claim.words, fact.words) if claim.words and fact.words else 0.0
    if claim.frame and fact.frame:
        score += -align.OTHER_FRAME_PENALTY if align._frames_differ(claim, fact) else align.SAME_FRAME_BONUS
    score += min(2, len(claim.countries & fact.countries)) * align.SHARED_COUNTRY_BONUS
    if claim.noun and fact.noun and claim.noun != fact.noun:
        score -= align.OTHER_NOUN_PENALTY
    return score


def _reference_index(facts: list[Claim], anchor_year: int | None) -> list[tuple[Claim, Context]]:
    return [(fact, _reference_context(fact, anchor_year)) for fact in facts]


def _reference_align(
    index: list[tuple[Claim, Context]], anchor_year: int | None, claim: Claim, context: JudgeContext
) -> Alignment:
    """Every candidate scored alone, the best six judged in full, as alignment did before it was made faster."""
    by_kind = [(fact, fact_context) for fact, fact_context in index if fact.kind == claim.kind]
    countries = set().union(*(fact_context.countries for _, fact_context in index))
    claim_context = _reference_context(claim, anchor_year)
    candidates = by_kind
    words = claim_context.words.split()
    if words and len(by_kind) > 32:
        by_word: dict[str, list[int]] = {}
        for i, (_, fact_context) in enumerate(by_kind):
            for word in set(fact_context.words.split()):
                by_word.setdefault(word, []).append(i)
        hits: dict[int, int] = {}
        for word in words:
            for i in by_word.get(word, ()):
                hits[i] = hits.get(i, 0) + 1
        best = sorted(hits, key=lambda i: -hits[i])[:32]
        candidates = [by_kind[i] for i in sorted(best)]
    if not candidates:
        return Alignment(None, Verdict.NOT_FOUND, f"the source states no {claim.kind} fact")
    foreign = claim_context.countries - countries
    if claim.kind in align._NUMERIC_KINDS and foreign and not (claim_context.countries & countries):
        return Alignment(None, Verdict.NOT_FOUND, f"the source says nothing about {align._country_names(foreign)}")
    if not claim_context.words and len(candidates) == 1:
        fact = candidates[0][0]
        return Alignment(fact, *judges.compare(claim, fact, context))
    scored = sorted(
        ((_reference_score(claim_context, fact_context), fact, fact_context) for fact, fact_context in candidates),
        key=lambda entry: -entry[0],
    )[:6]
    judged = [
        (score + align._SETTLES_BONUS[outcome[0]], fact, fact_context, outcome)
        for score, fact, fact_context in scored
        for outcome in [judges.compare(claim, fact, context)]
    ]
    aligned = [entry for entry in judged if entry[0] >= MIN_SCORE]
    if not aligned:
        return Alignment(None, Verdict.NOT_FOUND, f"no {claim.kind} in the source is about the same thing")
    best_entry = max(aligned, key=lambda entry: entry[0])
    if best_entry[3][0] == Verdict.CONTRADICTED:
        supporting = [
            entry for entry in aligned
            if entry[3][0] == Verdict.SUPPORTED and not align._frames_differ(claim_context, entry[2])
        ]
        if supporting:
            best_entry = max(supporting, key=lambda entry: entry[0])
    return Alignment(best_entry[1], *best_entry[3])


def _cases() -> list[tuple[str, list[Claim], list[Claim], int | None]]:
    source, draft = source_and_draft(1000)
    sheet = factcheck.extract_facts(source)
    small_source, small_draft = source_and_draft(300, seed=11)
    small_sheet = factcheck.extract_facts(small_source)
    handmade = load_facts(ROOT / "claims" / "japan-ukraine-2024.yaml")
    cases = [
        ("corpus", factcheck.extract_claims(draft), sheet.facts, sheet.anchor_year),
        ("corpus, other seed", factcheck.extract_claims(small_draft), small_sheet.facts, small_sheet.anchor_year),
        # the draft against itself: every claim has a fact with its own context
        ("draft against itself", factcheck.extract_claims(draft), factcheck.extract_claims(draft), None),
    ]
    for path in sorted((ROOT / "claims" / "drafts").glob("*.md")):
        cases.append((path.name, factcheck.extract_claims(path.read_text()), handmade.facts, handmade.anchor_year))
    return cases


@pytest.mark.parametrize("published", [None, "2024-06-14"])
def test_alignment_is_what_it_was(published: str | None) -> None:
    import datetime as dt

    day = dt.date.fromisoformat(published) if published else None
    for name, claims, facts, anchor_year in _cases():
        context = JudgeContext(published=day, anchor_year=anchor_year)
        aligner = Aligner(FactIndex(facts, anchor_year=anchor_year))
        reference = _reference_index(facts, anchor_year)
        for claim in claims:
            if claim.kind in align._BY_IDENTITY:
                continue   # names are aligned by identity, not by context (tests/test_name.py)
            fast = aligner.align(
                claim,
                lambda fact: judges.compare(claim, fact, context),
                verdict=lambda fact: judges.verdict(claim, fact, context),
            )
            assert fast == _reference_align(reference, anchor_year, claim, context), (name, claim.text)


def test_an_index_aligns_one_claim_with_the_judge_alone() -> None:
    source, draft = source_and_draft(300, seed=11)
    sheet = factcheck.extract_facts(source)
    context = JudgeContext(anchor_year=sheet.anchor_year)
    index = FactIndex(sheet.facts, anchor_year=sheet.anchor_year)
    reference = _reference_index(sheet.facts, sheet.anchor_year)
    for claim in factcheck.extract_claims(draft)[:40]:
        alignment = index.align(claim, lambda fact: judges.compare(claim, fact, context))
        assert alignment == _reference_align(reference, sheet.anchor_year, claim, context)


def test_contexts_read_by_a_reader_are_the_plain_ones() -> None:
    source, draft = source_and_draft(300, seed=5)
    claims = factcheck.extract_claims(draft) + factcheck.extract_claims(source)
    reader = align.SentenceReader()
    # in text order, as alignment reads them, and in any other order
    for claim in claims + claims[::-1] + claims[::2]:
        assert context_of(claim, 2024, reader) == _reference_context(claim, 2024)


def test_a_claim_whose_sentence_was_reworded_keeps_its_context() -> None:
    # a hand-edited fact sheet: the claim's words are no longer where its span says, or not there at all
    claim = factcheck.extract_claims("Japan pledged $4.5 billion to date.")[0]
    moved = claim.model_copy(update={"sentence": claim.sentence.model_copy(update={"text": "To date, Japan pledged $4.5 billion."})})  # type: ignore[union-attr]
    gone = claim.model_copy(update={"sentence": claim.sentence.model_copy(update={"text": "Japan gave aid in total."})})  # type: ignore[union-attr]
    for edited in (moved, gone):
        assert context_of(edited, None, align.SentenceReader()) == _reference_context(edited, None)


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
    reference = _reference_index(sheet.facts, sheet.anchor_year)
    claim = next(claim for claim in factcheck.extract_claims(draft) if claim.kind == "amount")
    fast = aligner.align(
        claim, lambda fact: judges.compare(claim, fact, context), verdict=lambda fact: judges.verdict(claim, fact, context)
    )
    assert fast == _reference_align(reference, sheet.anchor_year, claim, context)
    assert fast.verdict == verdict
