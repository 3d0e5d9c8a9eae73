"""Places with several candidates, continued (issue 10, class 8): small towns as signs of where a
document is, near-equal distances as ties that population breaks, a source's reading its own
sentence chose, and places of another event."""

from __future__ import annotations

import pytest

from factcheck import check, extract_claims
from factcheck.align import _occasion
from factcheck.gazetteer import lookup_places, nearest_reading, resolve_place, town
from factcheck.models import LocationValue, Verdict


def place_of(text: str, name: str) -> LocationValue:
    [value] = [claim.value for claim in extract_claims(text) if claim.kind == "location" and claim.text == name]
    return value  # type: ignore[return-value]


def location_claim(draft: str, source: str, name: str):
    [claim] = [claim for claim in check(draft, source).claims if claim.kind == "location" and claim.text == name]
    return claim


# --- towns -------------------------------------------------------------------------------------

def test_a_town_too_small_for_the_city_list_is_known_as_a_sign() -> None:
    fremantle = town("Fremantle")
    assert fremantle is not None and fremantle.country == "AU" and "region:AU-WA" in fremantle.within
    assert lookup_places("Fremantle") == []   # no place of a claim


@pytest.mark.parametrize("name", ["Perth", "Paris", "Tuesday", "Smith", "Springfield"])
def test_names_of_cities_or_of_several_towns_are_no_town(name: str) -> None:
    assert town(name) is None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Smoke closed roads near Perth, and ferries from Fremantle stayed in port.", "Perth", "AU"),
    ("Flooding hit homes in Perth; volunteers came in from Crieff.", "Perth", "GB"),
])
def test_a_town_after_a_locative_word_places_an_ambiguous_name(text: str, name: str, country: str) -> None:
    assert place_of(text, name).country == country


def test_a_town_name_not_after_a_locative_word_is_no_sign() -> None:
    # "Crieff" here opens the sentence as the name of a team, so it does not vouch for Scotland
    assert place_of("Crieff Rovers fans watched the match in Perth.", "Perth").country == "AU"


# --- ties ---------------------------------------------------------------------------------------

def test_readings_about_as_near_tie_and_population_decides() -> None:
    readings = lookup_places("Tripoli")
    libya = next(place for place in readings if place.country == "LY")
    chosen = nearest_reading(readings, [lookup_places("Benghazi")])
    assert chosen == libya


def test_a_clearly_nearer_reading_still_wins() -> None:
    assert resolve_place("Tripoli", places=[lookup_places("Beirut")]).country == "LB"  # type: ignore[union-attr]


# --- the source's reading --------------------------------------------------------------------------

def test_a_source_reading_its_sentence_chose_settles_a_contradiction() -> None:
    source = "Wildfires shut schools near Perth, and the harbour at Fremantle closed."
    claim = location_claim("Wildfires shut schools in Scotland.", source, "Scotland")
    assert claim.verdict == Verdict.CONTRADICTED


def test_a_source_reading_by_population_alone_settles_nothing() -> None:
    claim = location_claim("Wildfires shut schools in Scotland.", "Wildfires shut schools near Perth.", "Scotland")
    assert claim.verdict == Verdict.NOT_FOUND


# --- places of another event -------------------------------------------------------------------

def test_a_place_in_apposition_takes_the_occasion_of_the_name_before_it() -> None:
    sentence = "The talks were held in Alexandria, outside Washington."
    start = sentence.index("Washington")
    assert _occasion(sentence, start, start + len("Washington")) == "event"


def test_a_qualifier_played_somewhere_is_the_place_of_the_qualifier() -> None:
    sentence = "The qualifier was played in Kingston."
    start = sentence.index("Kingston")
    assert _occasion(sentence, start, start + len("Kingston")) == "word:qualifier"


@pytest.mark.parametrize(("draft", "source", "name"), [
    ("The squad trained in Miami before the qualifier.", "The squad played the qualifier in Kingston, Jamaica.", "Miami"),
    ("The envoy, who was born in Cairo, attended the talks.", "The talks were held in Alexandria, outside Washington.", "Cairo"),
    ("The striker grew up in Lagos before the final.", "The final was played in Accra.", "Lagos"),
])
def test_a_place_of_something_else_is_not_contradicted(draft: str, source: str, name: str) -> None:
    assert location_claim(draft, source, name).verdict == Verdict.NOT_FOUND


def test_the_place_of_the_same_thing_is_still_contradicted() -> None:
    claim = location_claim("The squad played the qualifier in Miami.", "The squad played the qualifier in Kingston, Jamaica.", "Miami")
    assert claim.verdict == Verdict.CONTRADICTED


def test_a_place_whose_occasion_the_source_names_is_still_contradicted() -> None:
    # "revenue in Canada" against "revenue gains in the U.S.": the same revenue, another country
    claim = location_claim("Most of the growth came from revenue in Canada.", "Most of the growth came from revenue gains in the U.S.", "Canada")
    assert claim.verdict == Verdict.CONTRADICTED
