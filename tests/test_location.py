"""Locations: locative phrases, places with their containers, what is not a location, judging."""

from __future__ import annotations

import time

import pytest

from factcheck import extract_claims
from factcheck.judges import location as judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, LocationValue, Verdict


def locations(text: str) -> list[Claim]:
    return [claim for claim in extract_claims(text) if claim.kind == "location"]


def value(claim: Claim) -> LocationValue:
    assert isinstance(claim.value, LocationValue)
    return claim.value


# (sentence, the claim's words, canonical name, country, containing places)
FOUND = [
    ("The summit was held in Puglia, Italy, on Thursday.", "Puglia, Italy", "Puglia", "IT", ["Italy", "Europe"]),
    ("Leaders met in Apulia.", "Apulia", "Puglia", "IT", ["Italy", "Europe"]),
    ("The deal was signed in Italy.", "Italy", "Italy", "IT", ["Europe"]),
    ("The pact was sealed in Europe.", "Europe", "Europe", None, []),
    ("Talks took place in Asia.", "Asia", "Asia", None, []),
    ("They met in Bari.", "Bari", "Bari", "IT", ["Puglia", "Italy", "Europe"]),
    ("Leaders gathered in Bari, Puglia, Italy.", "Bari, Puglia, Italy", "Bari", "IT", ["Puglia", "Italy", "Europe"]),
    ("The ceremony took place in Lecce, Italy.", "Lecce, Italy", "Lecce", "IT", ["Puglia", "Italy", "Europe"]),
    ("The summit in Kiev ended.", "Kiev", "Kyiv", "UA", ["Kyiv", "Ukraine", "Europe"]),
    ("Zelensky spoke in Kyiv.", "Kyiv", "Kyiv", "UA", ["Kyiv", "Ukraine", "Europe"]),
    ("They met in Naples, Florida.", "Naples, Florida", "Naples", "US", ["Florida", "United States", "North America"]),
    ("They met in Naples.", "Naples", "Naples", "IT", ["Campania", "Italy", "Europe"]),
    ("The talks took place in the southern Italian region of Puglia.", "Puglia", "Puglia", "IT",
     ["Italy", "Europe"]),
    ("They met in the city of Bari.", "Bari", "Bari", "IT", ["Puglia", "Italy", "Europe"]),
    ("The attack happened on the outskirts of Kyiv.", "Kyiv", "Kyiv", "UA", ["Kyiv", "Ukraine", "Europe"]),
    ("The summit was hosted by Italy.", "Italy", "Italy", "IT", ["Europe"]),
    ("In Puglia, the leaders signed the deal.", "Puglia", "Puglia", "IT", ["Italy", "Europe"]),
    ("The agreement between Tokyo and Kyiv was signed in Apulia.", "Apulia", "Puglia", "IT", ["Italy", "Europe"]),
    ("The pact was signed at the G7 summit in Italy.", "Italy", "Italy", "IT", ["Europe"]),
    ("Leaders met near Bari.", "Bari", "Bari", "IT", ["Puglia", "Italy", "Europe"]),
    ("Protesters gathered outside Tokyo.", "Tokyo", "Tokyo", "JP", ["Tokyo", "Japan", "Asia"]),
    ("The defence pact was signed in Manila.", "Manila", "Manila", "PH", ["National Capital Region", "Philippines", "Asia"]),
    ("The trade deal was signed in Nairobi.", "Nairobi", "Nairobi", "KE", ["Nairobi City", "Kenya", "Africa"]),
    ("Growers in Laikipia will benefit.", "Laikipia", "Laikipia", "KE", ["Kenya", "Africa"]),
    ("The leaders met at Osaka.", "Osaka", "Osaka", "JP", ["Osaka", "Japan", "Asia"]),
    ("Talks were held in Washington.", "Washington", "Washington", "US", ["United States", "North America"]),
    ("The two sides met in Georgia, the former Soviet republic.", "Georgia", "Georgia", "GE", ["Asia"]),
    ("US officials met in Georgia.", "Georgia", "Georgia", "US", ["United States", "North America"]),
    ("American diplomats arrived in Paris, Texas.", "Paris, Texas", "Paris", "US",
     ["Texas", "United States", "North America"]),
    ("Leaders met in Paris.", "Paris", "Paris", "FR", ["Île-de-France", "France", "Europe"]),
    ("Ministers met in Sardinia.", "Sardinia", "Sardegna", "IT", ["Italy", "Europe"]),
    ("The exercises will take place in Queensland.", "Queensland", "Queensland", "AU", ["Australia", "Oceania"]),
    ("It was signed in the Philippines.", "Philippines", "Philippines", "PH", ["Asia"]),
]


@pytest.mark.parametrize(("sentence", "text", "name", "country", "within"), FOUND, ids=[c[0][:50] for c in FOUND])
def test_found(sentence, text, name, country, within):
    found = locations(sentence)
    assert [claim.text for claim in found] == [text]
    place = value(found[0])
    assert (place.name, place.country, place.within) == (name, country, within)
    assert place.place_id
    assert sentence[found[0].span.start : found[0].span.end] == text


def test_places_listed_after_one_cue_are_each_a_claim():
    assert [value(c).name for c in locations("The pact was inked in Tokyo and Osaka.")] == ["Tokyo", "Osaka"]
    assert [value(c).name for c in locations("Talks were held in Rome, Milan and Naples.")] == ["Rome", "Milan", "Naples"]


def test_a_pair_the_gazetteer_does_not_nest_is_two_claims():
    found = locations("They met in Puglia, Spain.")
    assert [(claim.text, value(claim).country) for claim in found] == [("Puglia", "IT"), ("Spain", "ES")]


NOT_LOCATION = [
    "He added, thanking Tokyo for its solidarity.",         # a capital standing for its government
    "Japan has been supplying drones to Kyiv.",
    "Kyiv has signed a deal with Tokyo.",
    "Washington and Kyiv sealed a minerals deal.",
    "He spoke at the Munich Security Conference.",           # a place inside an event's name
    "The Paris Agreement was signed in 2015.",
    "The Bank of Japan raised rates in June.",
    "The New York Times reported it.",
    "Italian officials welcomed the deal.",                 # a demonym
    "The Japanese delegation arrived.",
    "It was a breakthrough in Japan's foreign policy.",     # a possessive
    "Japan will provide Ukraine with funds.",               # a place without a locative
    "In 2024, Japan will provide more.",
    "It happened in June.",
    "He lives in hope.",
    "The summit was hosted by Japan's prime minister.",
]


@pytest.mark.parametrize("sentence", NOT_LOCATION)
def test_not_location(sentence):
    assert locations(sentence) == []


# --- judging -------------------------------------------------------------------------------------------


def _claim(text: str) -> Claim:
    found = locations(text)
    assert len(found) == 1, text
    return found[0]


@pytest.fixture(scope="module")
def puglia() -> Claim:
    return _claim("The agreement was signed on the sidelines of the G7 summit in Puglia, Italy.")


JUDGED = [
    ("The agreement was signed in Puglia.", "supported", "the draft's Puglia is the same place"),
    ("The agreement was signed in Apulia.", "supported", "the draft's Apulia is the same place"),
    ("The agreement was signed in Italy.", "supported", "which is in Italy"),
    ("The agreement was signed in Europe.", "supported", "which is in Europe"),
    ("The agreement was signed in Bari.", "not_found", "Bari is in Puglia, more precise than the source"),
    ("The agreement was signed in Lecce.", "not_found", "Lecce is in Puglia"),
    ("The agreement was signed in Naples.", "contradicted", "Naples is in Campania, not Puglia"),
    ("The agreement was signed in Rome.", "contradicted", "Rome is in Lazio, not Puglia"),
    ("The agreement was signed in Sardinia.", "contradicted", "Sardegna and Puglia are separate places in Italy"),
    ("The agreement was signed in Spain.", "contradicted", "Puglia is in Italy, not Spain"),
    ("The agreement was signed in Asia.", "contradicted", "Puglia is in Europe, not Asia"),
    ("The agreement was signed in Osaka.", "contradicted", "Osaka is in Asia, not Europe"),
    ("The summit took place in Campania.", "contradicted", "Campania and Puglia"),
]


# places of something else than the signing or the meeting: alignment pairs no fact with them
OTHER_OCCASIONS = [
    "Japan backs Kyiv in the war in Ukraine.",
    "Zelensky, speaking in Kyiv, thanked Japan.",
    "The money will fund reconstruction in Ukraine.",
]


@pytest.mark.parametrize("draft", OTHER_OCCASIONS)
def test_a_place_of_something_else_is_not_aligned(puglia, draft):
    from factcheck.align import FactIndex

    alignment = FactIndex([puglia]).align(_claim(draft), lambda fact: judge.compare(_claim(draft), fact, JudgeContext()))
    assert alignment.fact is None
    assert alignment.verdict == Verdict.NOT_FOUND


@pytest.mark.parametrize(("draft", "verdict", "reason"), JUDGED, ids=[c[0][:50] for c in JUDGED])
def test_judge(puglia, draft, verdict, reason):
    found, why = judge.compare(_claim(draft), puglia, JudgeContext())
    assert found == Verdict(verdict), why
    assert why.startswith("source says Puglia, Italy")
    assert reason in why


def test_places_of_the_same_thing_are_compared():
    source = _claim("Flower growers in Laikipia will benefit first.")
    assert judge.compare(_claim("Growers in Nanyuki will benefit."), source, JudgeContext())[0] == Verdict.NOT_FOUND
    assert judge.compare(_claim("Growers in Nakuru will benefit."), source, JudgeContext())[0] == Verdict.CONTRADICTED
    assert judge.compare(_claim("Growers in Kenya will benefit."), source, JudgeContext())[0] == Verdict.SUPPORTED


def test_a_city_in_the_region_of_its_name_reads_plainly():
    source = _claim("The deal was signed in Nairobi.")
    verdict, reason = judge.compare(_claim("The deal was signed in Mombasa."), source, JudgeContext())
    assert verdict == Verdict.CONTRADICTED
    assert reason == "source says Nairobi, Kenya; Mombasa is not in Nairobi City"


def test_a_fact_sheet_place_is_found_again_by_name(puglia):
    hand_written = puglia.model_copy(update={"value": LocationValue(name="Puglia", country="IT")})
    assert judge.compare(_claim("The agreement was signed in Bari."), hand_written, JudgeContext())[0] == Verdict.NOT_FOUND


@pytest.mark.parametrize(
    ("place", "described"),
    [
        (LocationValue(name="Puglia", country="IT", within=["Italy", "Europe"]), "Puglia, Italy"),
        (LocationValue(name="Bari", country="IT", within=["Puglia", "Italy", "Europe"]), "Bari, Italy"),
        (LocationValue(name="Italy", country="IT", within=["Europe"]), "Italy"),
        (LocationValue(name="Europe", country=None, within=[]), "Europe"),
    ],
)
def test_describe(place, described):
    assert judge.describe(place) == described


@pytest.mark.parametrize(
    "text",
    ["in Puglia, Italy, " * 3333, "in the city of " * 4000, "in Rome and " * 5000, "hosted by " * 6000],
    ids=["pairs", "gaps", "lists", "hosted"],
)
def test_long_adversarial_input_finishes(text):
    assert len(text) > 50_000
    started = time.perf_counter()
    extract_claims(text, kinds=["location"])
    assert time.perf_counter() - started < 10
