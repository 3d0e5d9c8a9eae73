"""The extractors' patterns are built for speed without changing what they find.

- `text.alternation` (a tree of shared prefixes) matches exactly what `"|".join` of the phrases,
  longest first, matches, wherever the engine has to backtrack into it;
- the numeral pattern's start guard (a quick look at where a numeral may start) only skips
  places where the whole pattern could not match: it finds what it finds without the guard;
- the term, count and date patterns, tried only where one may start (`text.matches_at`), find
  what they find when tried everywhere;
- they stay linear on text full of the words where a number may start;
- `text.normalise`, which looks for the characters it changes with a pattern, changes them as its
  table says;
- a sentence's tokens are the text's tokens inside it (the entities read a text's tokens once).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.corpus import source_and_draft
from factcheck.extractors import amount, count, date, entities, term
from factcheck import text as text_module
from factcheck.text import Document, alternation, matches_at, normalise, split_sentences

# --- alternation -------------------------------------------------------------------------------


def _joined(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in sorted(phrases, key=len, reverse=True))


# a small alphabet, so that phrases share prefixes and one is often the prefix of another
_PHRASE = st.text(alphabet="ab .", min_size=1, max_size=5).filter(lambda p: p.strip() == p and "  " not in p)
# what may follow the alternation in a pattern: each makes the engine backtrack into it differently
_TAILS = ["", r"\b", r"(?![\w])", "b", r"[ \t]+a", r"a?\.", r"\Z"]


@given(phrases=st.lists(_PHRASE, min_size=1, max_size=8, unique=True), text=st.text(alphabet="abAB .\t", max_size=12))
def test_alternation_matches_as_the_longest_first_join_does(phrases: list[str], text: str) -> None:
    for tail in _TAILS:
        for flags in (0, re.I):
            tree = re.compile(rf"(?:{alternation(phrases)}){tail}", flags)
            join = re.compile(rf"(?:{_joined(phrases)}){tail}", flags)
            for position in range(len(text) + 1):
                found, expected = tree.match(text, position), join.match(text, position)
                assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        (["seven", "seventeen", "seventy"], "seventeen", "seventeen"),
        (["just", "just over"], "just over 5", "just over"),
        (["just", "just over"], "just overdue", "just"),      # the guard after it sends the engine back
        (["approx.", "approximately"], "approx. 5", "approx."),
        (["lakh", "lakhs"], "lakhs", "lakhs"),
    ],
)
def test_alternation_prefers_the_longest_phrase(phrases: list[str], text: str, expected: str) -> None:
    match = re.match(rf"(?:{alternation(phrases)})(?![\w])", text)
    assert match is not None and match.group(0) == expected


def test_alternation_allows_any_run_of_blanks_between_words() -> None:
    assert re.fullmatch(alternation(["more than", "more"]), "more \t  than")


# --- numerals, terms and counts, tried where one may start ---------------------------------------

# the amount extractor's numeral pattern looks ahead for a place where a numeral may start
_GUARDED_NUMERAL = amount._NUMERAL
_UNGUARDED_NUMERAL = re.compile(amount._NUMERAL.pattern.replace(amount._NUMERAL_START, "", 1), amount._NUMERAL.flags)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def _assert_numbers_found_alike(text: str) -> None:
    assert _matches(_GUARDED_NUMERAL, text) == _matches(_UNGUARDED_NUMERAL, text)
    starts = term.number_starts(text)
    for pattern in (term._TERM, count._COUNT):
        found = [(match.span(), match.groupdict()) for match in matches_at(pattern, text, starts)]
        assert found == _matches(pattern, text), pattern.pattern[:60]


def _texts() -> list[str]:
    source, draft = source_and_draft(1000)
    texts = [source, draft]
    # the sentences the extractors' own tests read
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        texts.append(path.read_text(encoding="utf-8"))
    return [Document(text).norm for text in texts]


def test_numeral_term_and_count_patterns_find_what_they_find_everywhere() -> None:
    assert _UNGUARDED_NUMERAL.pattern != _GUARDED_NUMERAL.pattern
    for text in _texts():
        _assert_numbers_found_alike(text)


# words and marks that start or continue numerals, qualifiers, ranges and terms, and some that do not
_TOKENS = [
    "a", "an", "A", "An", "and", "half", "quarter", "quarters", "one", "Two", "twenty-one", "hundred", "dozen",
    "million", "bn", "k", "4", "4.5", "1,000", ",5", ".5", "12.", "3/4", "~", "c.", "approx.", "about", "more than",
    "in excess of", "just over", "up to", "between", "from", "to", "or", "-", "+", "point", "year", "years",
    "months", "h", "Ma", "decade-long", "deals", "$", "€", "USD", "dollars", "per cent", "%", "'", "(", ")",
    "Article", "no", "not", "well", "anyone", "inch", "some", "only", "within",
    # and dates
    "June", "Jun", "Sept.", "May", "march", "Thursday", "thursday", "this", "Last", "next", "today", "Tomorrow",
    "2024", "13th", "2024-06-13", "13/06/2024", "06.13.2024", "of", "the", "mid", "'s",
]
_SEPARATORS = [" ", " ", " ", "", "-", ", ", ". ", "\t", "  ", "\n"]


@given(
    words=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=14),
    separators=st.lists(st.sampled_from(_SEPARATORS), min_size=14, max_size=14),
)
def test_patterns_tried_where_they_may_start_agree_on_generated_phrases(words: list[str], separators: list[str]) -> None:
    text = "".join(word + separator for word, separator in zip(words, separators))
    _assert_numbers_found_alike(text)
    _assert_dates_found_alike(text)


@pytest.mark.parametrize("unit", ["in excess in excess ", "a a an ", "between from ", "quarters of a ", "approx. c. ~"])
def test_patterns_stay_linear_on_words_where_a_number_may_start(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    started = time.perf_counter()
    sum(1 for _ in _GUARDED_NUMERAL.finditer(text))
    starts = term.number_starts(text)
    for pattern in (term._TERM, count._COUNT):
        sum(1 for _ in matches_at(pattern, text, starts))
    assert time.perf_counter() - started < 10


# --- dates, tried where a date may start ---------------------------------------------------------

_DATE_PATTERNS = [
    date._MONTH_FIRST, date._DAY_FIRST, date._ISO_DATE, date._NUMERIC_DATE, date._MONTH_YEAR, date._BARE_MONTH,
    date._YEAR, date._WEEKDAY_ALONE, date._RELATIVE_YEAR, date._RELATIVE_DAY,
]


def _assert_dates_found_alike(text: str) -> None:
    starts = [match.start() for match in date._DATE_START.finditer(text)]
    for pattern in _DATE_PATTERNS:
        found = [(match.span(), match.groupdict()) for match in matches_at(pattern, text, starts)]
        assert found == _matches(pattern, text), pattern.pattern


def test_date_patterns_tried_at_date_starts_find_what_they_find_everywhere() -> None:
    for text in _texts():
        _assert_dates_found_alike(text)


def test_matches_at_skips_starts_inside_a_match() -> None:
    pattern = re.compile(r"\d+")
    assert [m.group() for m in matches_at(pattern, "12 345 6", [0, 1, 3, 4, 7])] == ["12", "345", "6"]




# --- normalisation -------------------------------------------------------------------------------

_CHANGED_CHARACTERS = [chr(code) for code in text_module._TABLE]


@given(st.text(alphabet=st.sampled_from([*_CHANGED_CHARACTERS, "a", " ", "'", "-", "\u20ac", "\u00e9", "\U0001f600"])))
def test_normalise_changes_characters_as_its_table_says(text: str) -> None:
    assert normalise(text) == text.translate(text_module._TABLE)


def test_normalise_changes_every_character_of_its_table() -> None:
    changed = "".join(_CHANGED_CHARACTERS)
    assert normalise(changed) == changed.translate(text_module._TABLE) != changed


# --- tokens ---------------------------------------------------------------------------------------


def _assert_sentence_tokens_are_the_texts(text: str) -> None:
    tokens = entities.tokens_of(text)
    for start, end in split_sentences(text):
        inside = [token for token in tokens if start <= token.start < end]
        assert entities.tokens_of(text, start, end) == inside
        assert all(token.end <= end for token in inside)


def test_sentence_tokens_are_the_texts_tokens_inside_it() -> None:
    for text in _texts():
        _assert_sentence_tokens_are_the_texts(text)


@given(
    words=st.lists(st.sampled_from([*_TOKENS, "U.S.", "Mr.", "e.g.", "Japan's", "'", '"', "?", "!", "#"]), max_size=20),
    separators=st.lists(st.sampled_from([*_SEPARATORS, ".\n\n", "! ", "\n- ", "\n1. "]), min_size=20, max_size=20),
)
def test_sentence_tokens_are_the_texts_tokens_in_generated_text(words: list[str], separators: list[str]) -> None:
    _assert_sentence_tokens_are_the_texts("".join(word + separator for word, separator in zip(words, separators)))
