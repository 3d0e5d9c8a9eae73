"""The extractors' patterns are built for speed without changing what they find.

- `text.alternation` (a tree of shared prefixes) matches exactly what `"|".join` of the phrases,
  longest first, matches, wherever the engine has to backtrack into it;
- the amount extractor finds the numerals its previous pattern found, with or without that pattern's
  start guard (a quick look at where a numeral may start), though it now reads numbers in words with
  the numeral pattern that amounts, counts and the count judge share (compiled once a process);
- the date patterns, tried only where one may start (`text.matches_at`), find what they find when
  tried everywhere;
- the term and count extractors, which match a qualifier (one pattern for both), then the term's words
  (naming the numeral once) or the count's words and the shared numeral, where one may start, find what
  their previous one patterns found when tried everywhere;
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
from factcheck.numbers import NUMBER, WORDS
from factcheck.qualifiers import BEFORE, BEFORE_PATTERN
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

# the amount extractor's previous numeral pattern, words and digits in one, with and without its look
# ahead for a place where a numeral may start
_ONE_NUMERAL_PATTERN = rf"(?:{amount._POINT_NUMERAL}|{amount._DIGIT_NUMERAL}|\b{WORDS})"
_GUARDED_NUMERAL = re.compile(amount._NUMERAL_START + _ONE_NUMERAL_PATTERN, re.IGNORECASE)
_UNGUARDED_NUMERAL = re.compile(_ONE_NUMERAL_PATTERN, re.IGNORECASE)


# the count extractor's previous pattern: its qualifier, head and numeral in one
_ONE_COUNT_PATTERN = re.compile(
    rf"(?<!\w)(?<!\w')(?:(?P<qual>{BEFORE_PATTERN})[ \t]+)?"
    rf"(?P<range_head>{count._RANGE_HEAD.pattern})?(?P<number>{NUMBER})",
    re.IGNORECASE,
)


# the term pattern's previous version, with the qualifier, and the numeral in the range and alone
_TWO_NUMERALS_TERM = re.compile(
    r"(?<!\w)(?<!\w')"
    rf"(?:(?P<qual>{BEFORE_PATTERN})[ \t]+)?"
    r"(?:"
    rf"(?P<range>(?:(?P<between>between[ \t]+)|(?:from[ \t]+)?)(?P<lo>{term.SIMPLE_NUMBER})"
    rf"(?(between)[ \t]+and[ \t]+|(?:-?[ \t]*(?:to|or)\b[ \t-]*|[ \t]*-[ \t]*))(?P<hi>{NUMBER}))"
    rf"|(?P<mixed>(?P<whole>{term.SIMPLE_NUMBER})[ \t-]+and[ \t-]+(?:(?P<parts>an?|one|two|three|[123])[ \t-]+)?"
    r"(?P<part>half|quarters?)\b(?:[ \t]+of)?)"
    r"|(?P<fraction>(?:an?[ \t]+)?(?:(?P<fparts>one|two|three)[ \t-]+)?(?P<fpart>half|quarters?)\b"
    r"(?:[ \t]+of)?(?:[ \t]+an?\b)?)"
    r"|(?P<slash>(?<![\d/])(?:(?P<swhole>\d{1,3})(?:[ \t]+(?=[1-9]/)|[ \t]?(?=[½¼¾])))?"
    r"(?:(?P<numerator>[1-9])/(?P<denominator>[2-9])(?![\d/])|(?P<vulgar>[½¼¾])))"
    rf"|(?P<number>{NUMBER})"
    r"|(?P<vague>(?:(?:an?|another)[ \t]+)?(?:couple(?:[ \t]+of)?|few)|several)\b"
    r"|(?P<article>an?|another)\b"
    r")"
    r"(?P<plus>\+|-plus\b)?"
    rf"(?:[ \t]*-[ \t]*|[ \t]+(?:(?:{term._BETWEEN})[ \t]+)?|(?<=\d))"
    rf"(?P<unit>{term._UNIT})(?![\w])",
    re.IGNORECASE,
)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def _terms_as_one_pattern_finds_them(text: str) -> list[tuple]:
    found = []
    for match in _TWO_NUMERALS_TERM.finditer(text):
        groups = match.groupdict()
        qualifier, high = groups.pop("qual"), groups.pop("hi")
        if high is not None:     # now the range's words, and the number that follows them
            groups["range"], groups["number"] = groups["range"][: -len(high)], high
        found.append((match.start(), qualifier, match.end(), groups))
    return found


def _counts_as_one_pattern_finds_them(text: str) -> list[tuple]:
    found = []
    for match in _ONE_COUNT_PATTERN.finditer(text):
        numeral_start = match.start("range_head" if match.group("lo") else "number")
        found.append((match.start(), match.group("qual"), match.group("lo"), numeral_start, match.span("number")))
    return found


def _assert_numbers_found_alike(text: str) -> None:
    numerals = list(amount._numeral_spans(text))
    assert numerals == [match.span() for match in _GUARDED_NUMERAL.finditer(text)]
    assert numerals == [match.span() for match in _UNGUARDED_NUMERAL.finditer(text)]
    terms = [(start, qualifier, match.end(), match.groupdict()) for start, qualifier, match in term._matches(text)]
    assert terms == _terms_as_one_pattern_finds_them(text)
    counts = [(n.start, n.qualifier, n.low, n.numeral_start, n.number.span()) for n in count._numerals(text)]
    assert counts == _counts_as_one_pattern_finds_them(text)


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


# where the order of the term pattern's alternatives shows: a range that no number ends, a fraction or
# a mixed number that a numeral would read too, a qualifier given up for an article
@pytest.mark.parametrize(
    "text",
    [
        "10 to a year", "5 - an hour", "between 10 and a decade", "from 2 to a half years", "one-half years",
        "two-quarter years", "three quarters of a year", "one quarter of a century", "half a billion years",
        "a quarter century", "the first half year", "two and a half years", "2 and a quarter years",
        "a full year", "just over a year", "an estimated decade", "1/2 year", "up to 10-15 years",
        "a few more days", "within a couple of weeks", "another few years", "2 1/2 years", "2½ years",
        "10- to 15-year", "two-to-three-year", "three-and-a-half years", "another year", "several decades",
        "30-plus years", "a decade-plus",
        "about 10 to 12 deals", "between 10 and a dozen deals", "more than a dozen", "a total of 5 to a",
        # qualifiers, and what may look like one
        "about 5", "more than\n5", "more than \n5", "more than\n \n5", "just over 5", "well.over 5", "c. 5",
        "~5", "approx.5", "up to\t 5", "under, 5", "aboutover 5", "over\n\n5",
    ],
)
def test_patterns_find_what_they_found_where_the_order_of_alternatives_shows(text: str) -> None:
    _assert_numbers_found_alike(text)


# words and marks that start or continue numerals, qualifiers, ranges and terms, and some that do not
_TOKENS = [
    "a", "an", "A", "An", "and", "half", "quarter", "quarters", "one", "Two", "twenty-one", "hundred", "dozen",
    "million", "bn", "k", "4", "4.5", "1,000", ",5", ".5", "12.", "3/4", "~", "c.", "approx.", "about", "more than",
    "in excess of", "just over", "up to", "between", "from", "to", "or", "-", "+", "point", "year", "years",
    "months", "h", "Ma", "decade-long", "deals", "$", "€", "USD", "dollars", "per cent", "%", "'", "(", ")",
    "Article", "no", "not", "well", "anyone", "inch", "some", "only", "within",
    # and the vague counts, the words around a term, its abbreviations
    "few", "couple", "several", "another", "½", "2½", "2 1/2", "nights", "10d", "5W", "2Y", "-to-", "-and-",

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


@pytest.mark.parametrize(
    "unit", ["in excess in excess ", "a a an ", "between from ", "quarters of a ", "approx. c. ~", "a couple of several another few "]
)
def test_patterns_stay_linear_on_words_where_a_number_may_start(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    started = time.perf_counter()
    sum(1 for _ in amount._numeral_spans(text))
    sum(1 for _ in term._matches(text))
    sum(1 for _ in count._numerals(text))
    assert time.perf_counter() - started < 10


def test_no_qualifiers_later_words_start_a_number_a_range_or_a_term() -> None:
    # why term._matches and count._numerals try the longest qualifier and then none: the engine gives a
    # qualifier up for a shorter one only if a term or a count can start where the words it gives up start
    term_or_count = re.compile(
        rf"(?:between|from|an?|another|couple|few|several)\b|{count._LOW_OF_RANGE}|{NUMBER}", re.IGNORECASE
    )
    shorter_ones = 0
    for phrase in BEFORE:
        words = phrase.split()
        for kept in range(1, len(words)):
            if " ".join(words[:kept]) in BEFORE:
                shorter_ones += 1
                given_up = " ".join(words[kept:])
                assert not term_or_count.match(f"{given_up} 12 to 15 deals"), (phrase, given_up)
    assert shorter_ones >= 5       # "just" in "just over"
    assert all(term_or_count.match(text) for text in ("a dozen", "an hour", "between 10", "half a year", "3/4"))


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
