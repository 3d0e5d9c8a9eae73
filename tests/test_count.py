"""Counts: extraction from news sentences, what is not a count, nouns, and judging."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extractors import run_extractors
from factcheck.extractors.base import Options
from factcheck.extractors.count import extract
from factcheck.words import noun_key
from factcheck.extractors.term import extract as extract_terms
from factcheck.judges import count as judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, CountValue, Qualifier, Span, Verdict
from factcheck.text import Document

E, GT, GE, LT, LE, APPROX, RANGE = (
    Qualifier.EXACT, Qualifier.GT, Qualifier.GE, Qualifier.LT, Qualifier.LE, Qualifier.APPROX, Qualifier.RANGE,
)


def counts(text: str) -> list[Claim]:
    """Counts as the pipeline finds them: after the terms have taken their numbers."""
    doc = Document(text)
    for claim in extract_terms(doc, Options()):
        doc.add_claim(claim)
    return list(extract(doc, Options()))


def only_count(text: str) -> Claim:
    found = counts(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# (sentence, claim text, count, qualifier, low, high, noun)
FOUND = [
    ("Kyiv has signed more than a dozen similar deals with its backers.", "more than a dozen",
     12, GT, 12, None, "deals"),
    ("Ukraine has now signed 15 agreements with its allies.", "15", 15, E, None, None, "agreements"),
    ("Three people were killed in the overnight strike.", "Three", 3, E, None, None, "people"),
    ("Kyiv has signed at least 13.", "at least 13", 13, GE, 13, None, None),
    ("Kyiv has signed at least 13 such pacts so far.", "at least 13", 13, GE, 13, None, "pacts"),
    ("The Pentagon sent 1,200 troops to the region.", "1,200", 1200, E, None, None, "troops"),
    ("Leaders of two countries met in Puglia.", "two", 2, E, None, None, "countries"),
    ("A dozen nations joined the coalition.", "A dozen", 12, E, None, None, "nations"),
    ("Nearly 40 nations sent delegates.", "Nearly 40", 40, APPROX, None, None, "nations"),
    ("Kyiv has signed between 10 and 15 deals.", "between 10 and 15", 10, RANGE, 10, 15, "deals"),
    ("Kyiv has signed 10 to 15 deals.", "10 to 15", 10, RANGE, 10, 15, "deals"),
    ("Officials expect 10-15 agreements by the summer.", "10-15", 10, RANGE, 10, 15, "agreements"),
    ("The 27 member states backed the plan.", "27", 27, E, None, None, "states"),
    ("Two Japanese officials confirmed the figure.", "Two", 2, E, None, None, "officials"),
    ("Some 40 countries attended the conference.", "Some 40", 40, APPROX, None, None, "countries"),
    ("Up to 5,000 soldiers could be deployed.", "Up to 5,000", 5000, LE, None, 5000, "soldiers"),
    ("Fewer than 10 deals were concluded.", "Fewer than 10", 10, LT, None, 10, "deals"),
    ("About 4.5 million people were displaced.", "About 4.5 million", 4_500_000, APPROX, None, None,
     "people"),
    ("Between 10 and 15 million people voted.", "Between 10 and 15 million", 10_000_000, RANGE,
     10_000_000, 15_000_000, "people"),
    ("The blast killed 12.", "12", 12, E, None, None, None),
    ("Only one country objected to the text.", "Only one", 1, E, None, None, "country"),
    ("Fifteen Ukrainians were freed in the exchange.", "Fifteen", 15, E, None, None, "Ukrainians"),
    ("The alliance has 32 members.", "32", 32, E, None, None, "members"),
    ("More than 300 drones were launched overnight.", "More than 300", 300, GT, 300, None, "drones"),
    ("Rescuers pulled 17 survivors from the rubble.", "17", 17, E, None, None, "survivors"),
    ("Police arrested 42 protesters on Sunday.", "42", 42, E, None, None, "protesters"),
    ("The airline cancelled 250 flights.", "250", 250, E, None, None, "flights"),
    ("Germany delivered four Patriot systems.", "four", 4, E, None, None, "systems"),
    ("At least 20 civilians died, officials said.", "At least 20", 20, GE, 20, None, "civilians"),
    ("Roughly 200 journalists covered the summit.", "Roughly 200", 200, APPROX, None, None,
     "journalists"),
    ("Six children were among the injured.", "Six", 6, E, None, None, "children"),
    ("The company employs 3,500 workers in Lviv.", "3,500", 3500, E, None, None, "workers"),
    ("Ukraine received 31 Abrams tanks.", "31", 31, E, None, None, "tanks"),
    ("Almost 100 villages lost power.", "Almost 100", 100, APPROX, None, None, "villages"),
    ("The bill passed with 61 votes.", "61", 61, E, None, None, "votes"),
    ("As many as 70 companies may bid.", "As many as 70", 70, LE, None, 70, "companies"),
    ("The summit drew leaders from seven nations.", "seven", 7, E, None, None, "nations"),
    ("Italy hosted the talks with nine partners.", "nine", 9, E, None, None, "partners"),
    ("Inspectors visited 14 sites last month.", "14", 14, E, None, None, "sites"),
    ("There are 193 member states in the UN.", "193", 193, E, None, None, "states"),
    ("No fewer than 11 ministers resigned.", "No fewer than 11", 11, GE, 11, None, "ministers"),
    ("The court heard 12 witnesses.", "12", 12, E, None, None, "witnesses"),
    ("Authorities evacuated 2,300 residents.", "2,300", 2300, E, None, None, "residents"),
    ("A total of 48 aircraft were grounded.", "A total of 48", 48, E, None, None, "aircraft"),
    ("Kyiv has signed nearly 30 bilateral security agreements.", "nearly 30",
     30, APPROX, None, None, "agreements"),
    ("The convoy carried 80 trucks of aid.", "80", 80, E, None, None, "trucks"),
    ("Two dozen ambassadors attended.", "Two dozen", 24, E, None, None, "ambassadors"),
    ("The strike damaged 5 buildings and 12 cars.", "5", 5, E, None, None, "buildings"),
    ("Ukraine's 24 regions were on alert.", "24", 24, E, None, None, "regions"),
    ("Ten ships left port on Monday.", "Ten", 10, E, None, None, "ships"),
    ("The coalition now counts 50 partner countries.", "50", 50, E, None, None, "countries"),
    ("The package includes 18 howitzers.", "18", 18, E, None, None, "howitzers"),
    ("Over 100 firefighters battled the blaze.", "Over 100", 100, GT, 100, None, "firefighters"),
    ("Kyiv has signed 13.", "13", 13, E, None, None, None),
    ("The raid wounded at least 30 people.", "at least 30", 30, GE, 30, None, "people"),
    ("Around 60 delegations are expected.", "Around 60", 60, APPROX, None, None, "delegations"),
    ("The EU approved three aid packages.", "three", 3, E, None, None, "packages"),
    ("Japan trained 1,500 engineers.", "1,500", 1500, E, None, None, "engineers"),
    ("The countries' leaders signed 2 memorandums.", "2", 2, E, None, None, "memorandums"),
    ("Eight hospitals were hit in the attack.", "Eight", 8, E, None, None, "hospitals"),
    ("More than 1 million refugees returned.", "More than 1 million", 1_000_000, GT, 1_000_000, None,
     "refugees"),
    ("The mission has 400 staff on the ground.", "400", 400, E, None, None, "staff"),
    ("Hamas freed 25 Israelis and 5 Thais.", "25", 25, E, None, None, "Israelis"),
    ("Leaders held two crisis meetings.", "two", 2, E, None, None, "meetings"),
]


@pytest.mark.parametrize(("sentence", "text", "count", "qualifier", "low", "high", "noun"), FOUND)
def test_finds_count(
    sentence: str, text: str, count: float, qualifier: Qualifier, low: float | None, high: float | None,
    noun: str | None,
) -> None:
    found = counts(sentence)
    assert found, f"no count in {sentence!r}"
    claim = found[0]
    assert claim.kind == "count"
    assert claim.text == text
    assert sentence[claim.span.start:claim.span.end] == text
    assert claim.value == CountValue(count=count, qualifier=qualifier, low=low, high=high, noun=noun)


NOT_COUNTS = [
    "Dozens of people gathered outside parliament.",
    "Hundreds of thousands fled the fighting.",
    "Tens of thousands of homes lost power.",
    "It is one of the world's most advanced economies.",
    "Two of the suspects were later released.",
    "One in five Ukrainians has been displaced.",
    "The G7 summit opened on Thursday.",
    "Leaders of the Group of Seven met in Italy.",
    "The Seven agreed on a statement.",
    "It was the third such agreement this year.",
    "It was the 13th round of sanctions.",
    "Inflation reached 4.5% in May.",
    "Prices rose 40 per cent over the year.",
    "Support fell 3 percentage points.",
    "In 2024 Japan will provide more aid.",
    "The talks resumed in 1991 after a pause.",
    "The meeting starts at 3 pm.",
    "Polls close at 10:30 tonight.",
    "The summit ends on June 13.",
    "The deal was signed on 13 June.",
    "For details call 555-1234 today.",
    "See section 5 of the agreement.",
    "Article 5 is the core of the treaty.",
    "Shakhtar won 2-1 on Saturday.",
    "Japan pledged $4.5 billion to Ukraine.",
    "The convoy travelled 300 km overnight.",
    "Output was three times higher.",
    "A 15-member council was formed.",
    "Two-thirds of the budget went to defence.",
    "One official said the talks went well.",
    "Item 7 on the list was postponed.",
    "The 10-year-old boy was rescued.",
    "Japan will support Kyiv for 10 years.",
    "Temperatures reached 40 degrees.",
    "He scored in the 90th minute.",
    "The index closed at 4.5.",
    "Flight 17 was shot down.",
    "The firm sold 4.5 tonnes of grain.",
    "No. 10 Downing Street issued a statement.",
    "The COVID-19 pandemic slowed trade.",
    "Children under 18 were exempted.",
    "It happened at 7 in the morning.",
    "The plan costs 4 billion euros.",
    "Ukraine ranked 104 in the index.",
    "Apollo 11 landed in 1969.",
]


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_not_a_count(sentence: str) -> None:
    assert [c.text for c in counts(sentence)] == []


def test_counts_in_one_sentence_stay_apart() -> None:
    found = counts("The strike damaged 5 buildings and 12 cars, and 3 people were hurt.")
    assert [(c.text, c.value.count, c.value.noun) for c in found] == [
        ("5", 5, "buildings"), ("12", 12, "cars"), ("3", 3, "people"),
    ]


def test_a_number_another_kind_took_is_not_counted() -> None:
    doc = Document("Japan sent 15 deals.")
    doc.add_claim(Claim(kind="amount", text="15", span=Span(start=11, end=13),
                        value={"amount": 15.0, "currency": None}))  # type: ignore[arg-type]
    assert list(extract(doc, Options())) == []


def test_the_noun_is_in_the_value_and_free_for_later_kinds() -> None:
    doc = Document("Kyiv signed 15 deals with two Japanese banks.")
    found = list(extract(doc, Options()))
    assert [(c.text, c.value.noun) for c in found] == [("15", "deals"), ("two", "banks")]
    assert not doc.is_taken(found[1].span.end, len(doc.text))   # "Japanese banks" is left for the others


def test_offsets_index_the_original_text() -> None:
    text = "\u201cMore than\u00a0a dozen deals\u201d \u2014 and 1\u202f200 troops."
    found = counts(text)
    assert [text[c.span.start:c.span.end] for c in found] == ["More than\u00a0a dozen", "1\u202f200"]
    assert [c.value.count for c in found] == [12, 1200]


def test_seed_article_counts(seed_text: str) -> None:
    doc = Document(seed_text)
    found = [c for c in run_extractors(doc, Options(), kinds=["term", "count"]) if c.kind == "count"]
    assert [(c.text, c.value) for c in found] == [
        ("more than a dozen", CountValue(count=12, qualifier=GT, low=12, noun="deals")),
    ]


@pytest.mark.parametrize(
    "unit",
    ["1,1,1,", "billion billion ", "and a half ", "a dozen ", "more than ", "between 1 and ", "1-1-",
     "12 deals. ", "one two three four ", "Group of "],
)
def test_long_adversarial_input_finishes_quickly(unit: str) -> None:
    adversarial = unit * (100_000 // len(unit))
    started = time.perf_counter()
    counts(adversarial)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(
    ("a", "b"),
    [("deals", "deal"), ("countries", "country"), ("Agreements", "agreement"), ("people", "person"),
     ("taxes", "tax"), ("churches", "church"), ("similar deals", "deal"), ("countries'", "country"),
     ("news", "news"), ("series", "series"), ("children", "child"), ("crises", "crisis")],
)
def test_noun_key_makes_singular_and_plural_one(a: str, b: str) -> None:
    assert noun_key(a) == noun_key(b)


def test_noun_key_keeps_different_nouns_apart() -> None:
    assert noun_key("deals") != noun_key("troops")
    assert noun_key("bus") != noun_key("business")


# --- judging ----------------------------------------------------------------------------------

CONTEXT = JudgeContext()
DOZEN = "Kyiv has signed more than a dozen similar deals."


@pytest.mark.parametrize(
    ("draft", "source", "verdict"),
    [
        ("Kyiv has signed 15 deals.", DOZEN, Verdict.NOT_FOUND),
        ("Kyiv has signed 14 such deals.", DOZEN, Verdict.NOT_FOUND),
        ("Kyiv has signed at least 13.", DOZEN, Verdict.SUPPORTED),
        ("Kyiv has signed more than 12 deals.", DOZEN, Verdict.SUPPORTED),
        ("Kyiv has signed more than ten deals.", DOZEN, Verdict.SUPPORTED),
        ("Kyiv has signed a dozen deals.", DOZEN, Verdict.CONTRADICTED),
        ("Kyiv has signed ten deals.", DOZEN, Verdict.CONTRADICTED),
        ("Kyiv has signed fewer than 12 deals.", DOZEN, Verdict.CONTRADICTED),
        ("Kyiv has signed more than 20 deals.", DOZEN, Verdict.NOT_FOUND),
        ("The Pentagon sent 1,200 troops.", "The Pentagon sent 1,200 troops.", Verdict.SUPPORTED),
        ("The Pentagon sent 1,300 troops.", "The Pentagon sent 1,200 troops.", Verdict.CONTRADICTED),
        ("Nearly 40 nations attended.", "39 nations attended.", Verdict.SUPPORTED),
        ("Nearly 40 nations attended.", "30 nations attended.", Verdict.CONTRADICTED),
        ("Some 40 nations attended.", "more than 35 nations attended.", Verdict.NOT_FOUND),
        ("Kyiv signed between 10 and 15 deals.", "Kyiv signed 12 deals.", Verdict.SUPPORTED),
        ("Kyiv signed between 10 and 15 deals.", "Kyiv signed 16 deals.", Verdict.CONTRADICTED),
        ("Kyiv signed 12 deals.", "Kyiv signed between 10 and 15 deals.", Verdict.NOT_FOUND),
        ("Up to 5,000 soldiers could go.", "4,000 soldiers could go.", Verdict.SUPPORTED),
        ("Up to 5,000 soldiers could go.", "6,000 soldiers could go.", Verdict.CONTRADICTED),
        ("Two leaders met.", "Two leaders met.", Verdict.SUPPORTED),
        ("The US sent 15 troops.", "Kyiv signed 15 deals.", Verdict.NOT_FOUND),
        ("Kyiv has signed 15 agreements.", "Kyiv has signed 15 deals.", Verdict.NOT_FOUND),
        ("Kyiv signed 15 agreement.", "Kyiv signed 15 agreements.", Verdict.SUPPORTED),
    ],
)
def test_judging(draft: str, source: str, verdict: Verdict) -> None:
    result, reason = judge.compare(only_count(draft), only_count(source), CONTEXT)
    assert result == verdict, reason
    assert reason.startswith("source says ") and "\n" not in reason


def test_reasons_read_well() -> None:
    source = only_count(DOZEN)
    assert judge.compare(only_count("Kyiv has signed 15 deals."), source, CONTEXT)[1] == (
        "source says more than 12 (a dozen) deals; 15 is more precise than the source"
    )
    assert judge.compare(only_count("Kyiv has signed ten deals."), source, CONTEXT)[1] == (
        "source says more than 12 (a dozen) deals; the draft says 10 (ten)"
    )
    assert judge.compare(only_count("Kyiv has signed at least 13."), source, CONTEXT)[1] == (
        "source says more than 12 (a dozen) deals; the draft's at least 13 agrees"
    )
    assert judge.compare(only_count("The US sent 15 troops."), source, CONTEXT)[1] == (
        "source says more than 12 (a dozen) deals; the draft counts troops"
    )


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (CountValue(count=15, noun="agreements"), "15 agreements"),
        (CountValue(count=12, qualifier=GT, low=12, noun="deals"), "more than 12 deals"),
        (CountValue(count=13, qualifier=GE, low=13), "at least 13"),
        (CountValue(count=10, qualifier=RANGE, low=10, high=15, noun="deals"), "10 to 15 deals"),
        (CountValue(count=40, qualifier=APPROX, noun="nations"), "about 40 nations"),
        (CountValue(count=5000, qualifier=LE, high=5000, noun="troops"), "up to 5,000 troops"),
        (CountValue(count=10, qualifier=LT, high=10, noun="deals"), "fewer than 10 deals"),
        (CountValue(count=1200, noun="troops"), "1,200 troops"),
    ],
)
def test_describe(value: CountValue, words: str) -> None:
    assert judge.describe(value) == words


def test_judge_refuses_another_kind() -> None:
    term = Claim(kind="term", text="ten years", span=Span(start=0, end=9), value={"iso": "P10Y"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        judge.compare(term, only_count(DOZEN), CONTEXT)


# --- any text ---------------------------------------------------------------------------------

_PIECES = [
    "one", "two", "Seven", "a dozen", "12", "1,200", "4.5", "2024", "million", "between", "and", "to", "-",
    "more than", "at least", "nearly", "deals", "people", "Japanese", "officials", "of", "the", "G7", "%",
    "signed", "killed", ".", ",", "June", "$", "Article", "years", "old", "crisis", "Ukrainians", "Abrams",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "\u00a0", "-"]))
def test_any_text_gives_well_formed_counts(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    previous_end = 0
    for claim in counts(text):
        assert claim.text == text[claim.span.start:claim.span.end]
        assert claim.span.start >= previous_end
        previous_end = claim.span.end
        value = claim.value
        assert value.count == int(value.count) and value.count >= 0
        if value.qualifier == RANGE:
            assert value.low is not None and value.high is not None and value.low < value.high
        if value.noun is not None:
            assert value.noun in text[claim.span.end:]
