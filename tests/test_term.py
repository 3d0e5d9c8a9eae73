"""Terms: extraction from news sentences, ISO values, what is not a term, and judging."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.durations import components_of, format_iso, parse_iso, registry, to_days
from factcheck.extractors import run_extractors
from factcheck.extractors.base import Options
from factcheck.extractors.term import extract, find_terms
from factcheck.judges import term as judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, Qualifier, Span, TermValue, Verdict
from factcheck.text import Document

E, GT, GE, LT, LE, APPROX, RANGE = (
    Qualifier.EXACT, Qualifier.GT, Qualifier.GE, Qualifier.LT, Qualifier.LE, Qualifier.APPROX, Qualifier.RANGE,
)


def terms(text: str) -> list[Claim]:
    return list(extract(Document(text), Options()))


def only_term(text: str) -> Claim:
    found = terms(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# (sentence, claim text, iso, qualifier, high_iso)
FOUND = [
    ("Japan will support Ukraine throughout the agreement's 10-year term.", "10-year", "P10Y", E, None),
    ("The pact commits both sides for ten years.", "ten years", "P10Y", E, None),
    ("Tokyo promised support for a decade, officials said.", "a decade", "P10Y", E, None),
    ("It is a decade-long commitment to Kyiv's defence.", "decade-long", "P10Y", E, None),
    ("Support will continue over the next decade, the leaders said.", "the next decade", "P10Y", E, None),
    ("The region has endured two decades of conflict.", "two decades", "P20Y", E, None),
    ("The loan is repayable over 120 months.", "120 months", "P120M", E, None),
    ("An 18-month training programme begins in July.", "18-month", "P18M", E, None),
    ("The ceasefire held for two and a half years.", "two and a half years", "P2Y6M", E, None),
    ("He served 2 years and 3 months of his sentence.", "2 years and 3 months", "P2Y3M", E, None),
    ("Talks stretched over 36 hours before a deal emerged.", "36 hours", "PT36H", E, None),
    ("The fleet's position in six weeks' time is uncertain.", "six weeks'", "P6W", E, None),
    ("The battery died after three days, ending the mission.", "three days", "P3D", E, None),
    ("The office opened a year ago.", "a year", "P1Y", E, None),
    ("Production halted for half a year.", "half a year", "P6M", E, None),
    ("The minister will be abroad for a fortnight.", "a fortnight", "P2W", E, None),
    ("The bridge has stood for a century.", "a century", "P100Y", E, None),
    ("Four years after the invasion, the front has barely moved.", "Four years", "P4Y", E, None),
    ("The company has operated in the city for 30 years.", "30 years", "P30Y", E, None),
    ("He was jailed for twenty-one years and six months.", "twenty-one years and six months", "P21Y6M", E, None),
    ("The dispute has run for more than ten years.", "more than ten years", "P10Y", GT, None),
    ("Offenders face up to five years in prison.", "up to five years", "P5Y", LE, None),
    ("The plan covers at least 18 months of spending.", "at least 18 months", "P18M", GE, None),
    ("Reconstruction could take about a decade.", "about a decade", "P10Y", APPROX, None),
    ("The war has now lasted nearly two years.", "nearly two years", "P2Y", APPROX, None),
    ("Repairs are expected to take two to three years.", "two to three years", "P2Y", RANGE, "P3Y"),
    ("Analysts expect a 5-10 years recovery period.", "5-10 years", "P5Y", RANGE, "P10Y"),
    ("The bonds mature in between 10 and 15 years.", "between 10 and 15 years", "P10Y", RANGE, "P15Y"),
    ("Work will take 10 to 15 years to complete.", "10 to 15 years", "P10Y", RANGE, "P15Y"),
    ("The town marked the one-year anniversary of the flood.", "one-year", "P1Y", E, None),
    ("The strike lasted a week.", "a week", "P1W", E, None),
    ("A day earlier, Japan had announced the aid.", "A day", "P1D", E, None),
    ("The talks were suspended for a day.", "a day", "P1D", E, None),
    ("A 24-hour ceasefire began at dawn.", "24-hour", "PT24H", E, None),
    ("Residents were given 48 hours to leave.", "48 hours", "PT48H", E, None),
    ("The talks went on for 90 minutes.", "90 minutes", "PT90M", E, None),
    ("The deal was reached after a 90-day negotiation.", "90-day", "P90D", E, None),
    ("Ukraine's army has held the line for eighteen months.", "eighteen months", "P18M", E, None),
    ("The mission will last a year and a half.", "a year and a half", "P1Y6M", E, None),
    ("Exports recovered within a year.", "within a year", "P1Y", LE, None),
    ("Construction took less than two years.", "less than two years", "P2Y", LT, None),
    ("Some 20 years ago the pipeline was built.", "Some 20 years", "P20Y", APPROX, None),
    ("The lease runs for 99 years.", "99 years", "P99Y", E, None),
    ("The monarchy ruled for half a century.", "half a century", "P50Y", E, None),
    ("Relations thawed after a quarter of a century of hostility.", "a quarter of a century", "P25Y", E, None),
    ("The economy shrank for two consecutive quarters.", "two consecutive quarters", "P6M", E, None),
    ("The plant has been offline for 1.5 years.", "1.5 years", "P1Y6M", E, None),
    ("The programme runs for three years and six months.", "three years and six months", "P3Y6M", E, None),
    ("The flight takes 1 hour and 45 minutes.", "1 hour and 45 minutes", "PT1H45M", E, None),
    ("Aid will flow for 10 years or more.", "10 years or more", "P10Y", GE, None),
    ("Tokyo has been a partner for 10+ years.", "10+ years", "P10Y", GE, None),
    ("The sanctions will stay for no more than six months.", "no more than six months", "P6M", LE, None),
    ("The aid pledge covers a ten-year period.", "ten-year", "P10Y", E, None),
    ("Japan pledged $4.5 billion over 10 years.", "10 years", "P10Y", E, None),
    ("The country has been at war for over two years.", "over two years", "P2Y", GT, None),
    ("It was a yearlong effort.", "yearlong", "P1Y", E, None),
    ("Negotiators worked through a month-long recess.", "month-long", "P1M", E, None),
    ("The country spent two more years under sanctions.", "two more years", "P2Y", E, None),
    ("The lab ran for 15.5 minutes before shutdown.", "15.5 minutes", "PT15M30S", E, None),
    ("Roughly three weeks passed before the reply.", "Roughly three weeks", "P3W", APPROX, None),
    ("The court gave him a 12-year sentence.", "12-year", "P12Y", E, None),
    ("Almost a decade later, the case was reopened.", "Almost a decade", "P10Y", APPROX, None),
    ("The shortest day at Archangel has only 3 hrs of light.", "only 3 hrs", "PT3H", E, None),
    ("The rocks formed approximately 66 Ma ago.", "approximately 66 Ma", "P66000000Y", APPROX, None),
    ("Polls stay open for 12 hours, from 7am.", "12 hours", "PT12H", E, None),
    ("The treaty expired after one or two years.", "one or two years", "P1Y", RANGE, "P2Y"),
    ("Kyiv agreed to a 30-day truce.", "30-day", "P30D", E, None),
    ("The outage lasted 24h.", "24h", "PT24H", E, None),
    ("The court handed down a sentence of 3 years, 2 months and 14 days.", "3 years, 2 months and 14 days",
     "P3Y2M14D", E, None),
]


@pytest.mark.parametrize(("sentence", "text", "iso", "qualifier", "high_iso"), FOUND)
def test_finds_term(sentence: str, text: str, iso: str, qualifier: Qualifier, high_iso: str | None) -> None:
    claim = only_term(sentence)
    assert claim.text == text
    assert claim.kind == "term"
    assert sentence[claim.span.start:claim.span.end] == text
    assert claim.value == TermValue(iso=iso, qualifier=qualifier, high_iso=high_iso)
    assert claim.sentence is not None and text in claim.sentence.text


NOT_TERMS = [
    "Japan will provide $4.5 billion this year.",
    "Elections are due next year.",
    "Inflation peaked last year.",
    "The Russian invasion is now well into its third year.",
    "It was the year the war began.",
    "In 2024, Japan will provide Ukraine with aid.",
    "The economy boomed in the 1990s.",
    "A 10-year-old boy was among the injured.",
    "The victim was ten years old.",
    "The suspect, aged 25 years, was arrested.",
    "Exports rose 4% year-on-year.",
    "Backers outlined multi-year commitments.",
    "Japan will provide $4.5 billion a year.",
    "The committee meets twice a year.",
    "Soldiers get three meals a day.",
    "One day, Ukraine will join the EU.",
    "She won a second term in office.",
    "Output fell by a quarter.",
    "Three quarters of voters backed the plan.",
    "It has been going on for months.",
    "The decade saw rapid growth.",
    "The meeting starts at 10:30 hours.",
    "A zero-day flaw was found in the software.",
    "It is a long-term commitment of support.",
    "Decades-long rivalries shaped the region.",
    "The first half year was difficult.",
    "The minutes of the meeting were published.",
    "I second that motion.",
    "The factory produces 10,000 barrels a day.",
    "Sales grew month-over-month for a year-to-date record.",
    "Trains run every 30 minutes.",
    "He declared a day of national mourning.",
    "On a day when markets fell, the minister resigned.",
    "Elections are held every four years.",
    "Staff work 40 hours a week.",
]


@pytest.mark.parametrize("sentence", NOT_TERMS)
def test_not_a_term(sentence: str) -> None:
    assert [c.text for c in terms(sentence)] == []


def test_several_terms_in_one_text_stay_apart() -> None:
    found = terms("The deal runs for 10 years; the first tranche arrives within six months, the last after a decade.")
    assert [(c.text, c.value.iso) for c in found] == [
        ("10 years", "P10Y"), ("within six months", "P6M"), ("a decade", "P10Y"),
    ]


def test_units_that_grow_are_not_joined() -> None:
    found = terms("It took 3 months, 2 years in all.")
    assert [c.value.iso for c in found] == ["P3M", "P2Y"]


def test_offsets_index_the_original_text_with_typographic_characters() -> None:
    text = "The pact\u2019s term \u2014 10\u2011year \u2014 and two\u00a0decades of aid."
    found = terms(text)
    assert [text[c.span.start:c.span.end] for c in found] == ["10\u2011year", "two\u00a0decades"]
    assert [c.value.iso for c in found] == ["P10Y", "P20Y"]


def test_a_term_taken_by_an_earlier_kind_is_left_alone() -> None:
    doc = Document("It runs for 10 years.")
    taken = Claim(kind="amount", text="10", span=Span(start=12, end=14),
                  value={"amount": 10.0, "currency": None})  # type: ignore[arg-type]
    doc.add_claim(taken)
    assert list(extract(doc, Options())) == []


def test_seed_article_terms(seed_text: str) -> None:
    doc = Document(seed_text)
    found = [c for c in run_extractors(doc, Options(), kinds=["term"])]
    assert [(c.text, c.value.iso, c.value.qualifier) for c in found] == [
        ("the next decade", "P10Y", E), ("10-year", "P10Y", E),
    ]


# about 100 kB each of what makes a backtracking pattern slow: long runs of the words it is made of
@pytest.mark.parametrize(
    "unit",
    ["1,1,1,", "billion billion ", "and a half ", "two and a half and ", "year-", "a ", "more than ", "1/2/",
     "twenty-one-", "between 1 and ", "1 year 1 month. ",
     # and the forms of issue 12: a W reads the words around it, a range joins two lengths
     "5W ", "a few days to ", "1h 3", "a year or ", "for the ", "2 1/2 "],
)
def test_long_adversarial_input_finishes_quickly(unit: str) -> None:
    adversarial = unit * (100_000 // len(unit))
    started = time.perf_counter()
    terms(adversarial)
    assert time.perf_counter() - started < 10


def test_finding_is_linear_in_dense_text_without_sentences() -> None:
    # one long "sentence" full of terms: finding them stays linear (each claim then quotes its sentence)
    started = time.perf_counter()
    found = find_terms(Document("1 year 1 month " * 12_000))
    assert len(found) == 12_000 and found[0].components == {"year": 1, "month": 1}
    assert time.perf_counter() - started < 10


# --- durations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "iso"),
    [
        (Fraction(5, 2), "year", "P2Y6M"),
        (Fraction(11, 10), "year", "P1.1Y"),
        (Fraction(3, 2), "month", "P1.5M"),
        (Fraction(1), "decade", "P10Y"),
        (Fraction(1, 2), "century", "P50Y"),
        (Fraction(1), "fortnight", "P2W"),
        (Fraction(3), "quarter", "P9M"),
        (Fraction(3, 2), "week", "P10DT12H"),
        (Fraction(31, 2), "minute", "PT15M30S"),
        (Fraction(3, 2), "hour", "PT1H30M"),
        (Fraction(1, 2), "day", "PT12H"),
        (Fraction(1), "gigaannum", "P1000000000Y"),
    ],
)
def test_components_and_iso(value: Fraction, unit: str, iso: str) -> None:
    assert format_iso(components_of(value, unit)) == iso


@pytest.mark.parametrize("iso", ["P10Y", "P2Y6M", "PT36H", "P6W", "P1Y2DT3H4S", "P1.5M", "PT15M30S"])
def test_iso_round_trip(iso: str) -> None:
    parts = parse_iso(iso)
    assert format_iso({k: Fraction(str(v)) for k, v in parts.items()}) == iso


@pytest.mark.parametrize("bad", ["", "P", "PT", "10 years", "P1YT", "P1X"])
def test_parse_iso_rejects_what_is_not_a_duration(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_iso(bad)


def test_pint_makes_a_decade_and_120_months_one_length() -> None:
    assert to_days("P10Y") == to_days("P120M") == pytest.approx(3652.5)
    assert to_days("P2W") == 14
    assert registry() is registry()


def test_extraction_does_not_import_pint() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from factcheck.text import Document; from factcheck.extractors.term import extract;"
        "from factcheck.extractors.base import Options; list(extract(Document('for ten years'), Options()));"
        "print('pint' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- judging ----------------------------------------------------------------------------------

CONTEXT = JudgeContext()


@pytest.mark.parametrize(
    ("draft", "source", "verdict"),
    [
        ("The pact runs for a decade.", "the agreement's entire 10-year term", Verdict.SUPPORTED),
        ("The loan runs for 120 months.", "a 10-year loan", Verdict.SUPPORTED),
        ("Support will last ten years.", "support for the next decade", Verdict.SUPPORTED),
        ("The deal runs for nine years.", "a 10-year term", Verdict.CONTRADICTED),
        ("The deal runs for 11 years.", "a 10-year term", Verdict.CONTRADICTED),
        ("It covers more than five years.", "a 10-year term", Verdict.SUPPORTED),
        ("It covers at least 10 years.", "a 10-year term", Verdict.SUPPORTED),
        ("It covers more than 10 years.", "a 10-year term", Verdict.CONTRADICTED),
        ("It covers up to five years.", "a 10-year term", Verdict.CONTRADICTED),
        ("It lasts about a decade.", "a 10-year term", Verdict.SUPPORTED),
        ("It lasts about five years.", "four and a half years", Verdict.SUPPORTED),
        ("It lasts nearly two years.", "22 months", Verdict.SUPPORTED),
        ("It lasts about two years.", "18 months", Verdict.CONTRADICTED),
        ("It runs for seven years.", "more than five years", Verdict.NOT_FOUND),
        ("It runs for 10 years.", "up to 10 years", Verdict.NOT_FOUND),
        ("It takes two to three years.", "30 months", Verdict.SUPPORTED),
        ("It takes two to three years.", "four years", Verdict.CONTRADICTED),
        ("It takes 5 to 8 years.", "6 to 12 years", Verdict.NOT_FOUND),
        ("It takes 5 to 15 years.", "6 to 12 years", Verdict.SUPPORTED),
        ("Talks lasted 36 hours.", "Talks lasted a day and a half.", Verdict.SUPPORTED),
        ("Talks lasted 2 years and 6 months.", "two and a half years", Verdict.SUPPORTED),
        ("Talks lasted six weeks.", "42 days", Verdict.SUPPORTED),
        ("Talks lasted a fortnight.", "three weeks", Verdict.CONTRADICTED),
        ("It took less than two years.", "18 months", Verdict.SUPPORTED),
        ("It took less than two years.", "two years", Verdict.CONTRADICTED),
    ],
)
def test_judging(draft: str, source: str, verdict: Verdict) -> None:
    result, reason = judge.compare(only_term(draft), only_term(source), CONTEXT)
    assert result == verdict, reason
    assert reason.startswith("source says ") and "\n" not in reason


def test_reasons_read_well() -> None:
    source = only_term("support throughout the agreement's entire 10-year term")
    assert judge.compare(only_term("for a decade"), source, CONTEXT)[1] == (
        "source says 10 years (P10Y); the draft's \"a decade\" is the same length"
    )
    assert judge.compare(only_term("for nine years"), source, CONTEXT)[1] == (
        "source says 10 years (P10Y); the draft says 9 years (P9Y)"
    )
    assert judge.compare(only_term("seven years"), only_term("more than five years"), CONTEXT)[1] == (
        "source says more than 5 years (P5Y); 7 years is more precise than the source"
    )
    assert judge.compare(only_term("more than five years"), source, CONTEXT)[1] == (
        "source says 10 years (P10Y), within the draft's more than 5 years"
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (TermValue(iso="P10Y"), "10 years"),
        (TermValue(iso="P1Y"), "1 year"),
        (TermValue(iso="P2Y6M"), "2 years and 6 months"),
        (TermValue(iso="P1Y2DT3H4S"), "1 year, 2 days, 3 hours and 4 seconds"),
        (TermValue(iso="PT36H"), "36 hours"),
        (TermValue(iso="P1.5M"), "1.5 months"),
        (TermValue(iso="P5Y", qualifier=GT), "more than 5 years"),
        (TermValue(iso="P18M", qualifier=GE), "at least 18 months"),
        (TermValue(iso="P5Y", qualifier=LE), "up to 5 years"),
        (TermValue(iso="P10Y", qualifier=APPROX), "about 10 years"),
        (TermValue(iso="P2Y", qualifier=RANGE, high_iso="P3Y"), "2 to 3 years"),
        (TermValue(iso="P1Y", qualifier=RANGE, high_iso="P18M"), "1 year to 18 months"),
        (TermValue(iso="P1000000000Y"), "1,000,000,000 years"),
    ],
)
def test_describe(value: TermValue, words: str) -> None:
    assert judge.describe(value) == words


def test_judge_refuses_another_kind() -> None:
    count = Claim(kind="count", text="15 deals", span=Span(start=0, end=8),
                  value={"count": 15, "noun": "deals"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        judge.compare(count, only_term("ten years"), CONTEXT)


# --- any text ---------------------------------------------------------------------------------

_PIECES = [
    "a", "an", "one", "two", "twenty-one", "10", "1.5", "1/2", "1,200", "half", "quarter", "quarters", "and",
    "or", "to", "-", "between", "more than", "up to", "about", "over", "year", "years", "month", "decade",
    "hours", "h", "Ma", "days", "weeks'", "old", "long", "-long", "ago", "a year", "the next", "every", ",",
    ".", "$4.5 billion", "twice", "of", "thirty", "+", "or more", "-old", "aged", "one day", "second",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "", "\u00a0", "-"]))
def test_any_text_gives_well_formed_terms(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    doc = Document(text)
    found = list(extract(doc, Options()))
    previous_end = 0
    for claim in found:
        assert claim.text == text[claim.span.start:claim.span.end]
        assert claim.span.start >= previous_end
        previous_end = claim.span.end
        assert to_days(claim.value.iso) > 0
        if claim.value.high_iso is not None:
            assert to_days(claim.value.high_iso) > to_days(claim.value.iso)
