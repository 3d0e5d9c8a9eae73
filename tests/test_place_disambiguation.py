"""A place name with several candidates is read as the one nearest the document's other places,
population breaking ties (issue 10, class 8). Each document (draft or source) is read on its own."""

from __future__ import annotations

import pytest

from factcheck import check, extract_claims
from factcheck.facts import extract_facts
from factcheck.gazetteer import (
    district_region,
    distance_km,
    get_place,
    lookup_places,
    nearest_reading,
    own_readings,
    resolve_place,
)
from factcheck.models import LocationValue, Verdict


def places_of(text: str) -> dict[str, LocationValue]:
    return {claim.text: claim.value for claim in extract_claims(text) if claim.kind == "location"}  # type: ignore[misc]


def region_and_country(value: LocationValue) -> tuple[str, str | None]:
    return value.within[0], value.country


# --- the gazetteer -----------------------------------------------------------------------------

def test_cities_regions_and_countries_have_points() -> None:
    perth = next(place for place in lookup_places("Perth") if place.country == "GB")
    scotland = get_place("region:GB-SCT")
    assert perth.latitude == pytest.approx(56.4, abs=0.1) and perth.longitude == pytest.approx(-3.4, abs=0.1)
    assert scotland.latitude is not None and 55 < scotland.latitude < 58
    assert get_place("country:AU").latitude is not None
    assert get_place("continent:EU").latitude is None


def test_distances() -> None:
    [seattle] = lookup_places("Seattle")
    victoria = next(place for place in lookup_places("Victoria") if place.country == "CA")
    distance = distance_km(seattle, victoria)
    assert distance is not None and 100 < distance < 180
    assert distance_km(seattle, get_place("continent:EU")) is None


def test_own_readings_leave_out_places_the_name_is_only_another_name_of() -> None:
    assert "Perth Amboy" in {place.name for place in lookup_places("Perth")}
    assert {place.name for place in own_readings("Perth")} == {"Perth"}


@pytest.mark.parametrize(("name", "others", "region"), [
    ("Perth", ["Dundee"], "region:GB-SCT"),
    ("Perth", ["Scotland"], "region:GB-SCT"),
    ("Perth", ["Western Australia"], "region:AU-WA"),
    ("Perth", ["Sydney"], "region:AU-WA"),
    ("London", ["Ontario"], "region:CA-ON"),
    ("Cambridge", ["Boston"], "region:US-MA"),
    ("Cambridge", ["Massachusetts"], "region:US-MA"),
    ("Paris", ["Texas"], "region:US-TX"),
    ("Birmingham", ["Alabama"], "region:US-AL"),
    ("Victoria", ["British Columbia"], "region:CA-BC"),
    ("Victoria", ["Seattle"], "region:CA-BC"),      # nearer across the border than Victoria, Texas
    ("London", ["Paris"], "region:GB-ENG"),
    ("Birmingham", ["United States"], "region:US-AL"),   # both US Birminghams are in it: population decides
])
def test_the_reading_nearest_the_other_places(name: str, others: list[str], region: str) -> None:
    place = resolve_place(name, places=[own_readings(other) for other in others])
    assert place is not None and region in place.within


def test_without_other_places_population_and_countries_decide() -> None:
    assert resolve_place("Perth").country == "AU"  # type: ignore[union-attr]
    assert resolve_place("Georgia").level == "country"  # type: ignore[union-attr]


def test_a_state_and_a_country_of_one_name() -> None:
    atlanta = [own_readings("Atlanta")]
    assert resolve_place("Georgia", places=atlanta).id == "region:US-GA"  # type: ignore[union-attr]
    assert resolve_place("Georgia", places=[own_readings("Tbilisi")]).id == "country:GE"  # type: ignore[union-attr]


def test_a_country_named_nearby_still_comes_first() -> None:
    place = resolve_place("Paris", near=["US"], places=[own_readings("Lyon")])
    assert place is not None and place.country == "US"


def test_nothing_near_keeps_the_default() -> None:
    assert nearest_reading(list(own_readings("Perth")), [own_readings("Tokyo")]) is None


def test_a_city_and_the_region_of_its_name_are_one_area() -> None:
    """New York state contains Brooklyn, but New York the city is the nearer reading of the two."""
    place = resolve_place("New York", places=[own_readings("Brooklyn")])
    assert place is not None and place.level == "city"


def test_second_level_divisions_show_where_a_story_is() -> None:
    assert district_region("Fife").id == "region:GB-SCT"  # type: ignore[union-attr]
    assert district_region("Perth and Kinross").id == "region:GB-SCT"  # type: ignore[union-attr]
    assert district_region("Dundee") is None       # a city's name stays the city's
    assert district_region("Tuesday") is None


# --- documents ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "region", "country"), [
    ("The council met in Perth. Officials from Fife attended.", "Perth", "Scotland", "GB"),
    ("The council met in Perth. Officials from Dundee attended.", "Perth", "Scotland", "GB"),
    ("Fife Council said the new bridge in Perth would open in May.", "Perth", "Scotland", "GB"),
    ("In Fife, flood barriers went up. The river burst its banks in Perth.", "Perth", "Scotland", "GB"),
    ("Fires burned near Perth. Crews from Western Australia and Sydney helped.", "Perth", "Western Australia", "AU"),
    ("The concert in London drew fans from across Ontario.", "London", "Ontario", "CA"),
    ("She taught in Cambridge before moving to Boston.", "Cambridge", "Massachusetts", "US"),
    ("The rodeo in Paris drew riders from all over Texas.", "Paris", "Texas", "US"),
    ("The march in Birmingham was the largest ever seen in Alabama.", "Birmingham", "Alabama", "US"),
    ("Ferries in Victoria were cancelled, British Columbia officials said.", "Victoria", "British Columbia", "CA"),
    ("The council met in Perth.", "Perth", "Western Australia", "AU"),
])
def test_documents_read_their_names_by_their_other_places(text: str, name: str, region: str, country: str) -> None:
    value = places_of(text)[name]
    assert value.within[0] == region and value.country == country


def test_a_source_is_read_by_its_own_places() -> None:
    sheet = extract_facts("The festival opened in Perth on Friday. Visitors came from Fife and Dundee.")
    [perth] = [fact for fact in sheet.facts if fact.kind == "location" and fact.text == "Perth"]
    assert perth.value.within[:2] == ["Scotland", "United Kingdom"]  # type: ignore[union-attr]


# --- verdicts ----------------------------------------------------------------------------------

SCOTTISH = "The festival opened in Perth on Friday. Visitors came from Fife and Dundee."
AUSTRALIAN = "The festival opened in Perth on Friday. Visitors came from across Western Australia."


def location_verdict(draft: str, source: str) -> tuple[Verdict, str]:
    report = check(draft, source)
    [found] = [claim for claim in report.claims if claim.kind == "location"]
    return found.verdict, found.reason


@pytest.mark.parametrize("source", [SCOTTISH, AUSTRALIAN])
def test_a_bare_name_is_the_sources_place(source: str) -> None:
    """A draft saying only `in Perth` is about its source's Perth, whichever that is."""
    verdict, reason = location_verdict("The festival opened in Perth.", source)
    assert verdict == Verdict.SUPPORTED
    assert "same place" in reason


def test_the_sources_bare_name_is_the_drafts_place() -> None:
    draft = "The festival opened in Perth. Fife sent a brass band."
    assert location_verdict(draft, "The festival opened in Perth on Friday.")[0] == Verdict.SUPPORTED


def test_a_name_the_draft_pins_elsewhere_is_contradicted() -> None:
    verdict, reason = location_verdict("The festival opened in Perth, Western Australia.", SCOTTISH)
    assert verdict == Verdict.CONTRADICTED
    assert "Perth" in reason


def test_another_town_near_the_sources_place_is_contradicted() -> None:
    verdict, reason = location_verdict("The festival opened in Dundee.", SCOTTISH)
    assert verdict == Verdict.CONTRADICTED
    assert "Scotland" in reason


def test_a_region_containing_the_sources_reading_supports() -> None:
    assert location_verdict("The festival opened in Scotland.", SCOTTISH)[0] == Verdict.SUPPORTED


def test_another_reading_of_the_sources_bare_name_settles_nothing() -> None:
    """The source's Perth is Australia's only by population here (the judge cannot tell that Western
    Australia confirmed it): Scotland, which holds another Perth, is neither supported nor contradicted."""
    verdict, reason = location_verdict("The festival opened in Scotland.", AUSTRALIAN)
    assert verdict == Verdict.NOT_FOUND
    assert "Perth, United Kingdom" in reason and "not settled" in reason
    assert location_verdict("The festival opened in Japan.", AUSTRALIAN)[0] == Verdict.CONTRADICTED


def test_a_city_inside_a_region_of_the_source() -> None:
    verdict, reason = location_verdict("The rodeo was held in Paris.", "The rodeo was held in Texas.")
    assert verdict == Verdict.NOT_FOUND        # Paris, Texas is inside Texas: more precise than the source
    assert "more precise" in reason
    source = "The rodeo was held in Paris this spring. Riders gathered from all over Texas."
    assert location_verdict("The rodeo was held in Texas.", source)[0] == Verdict.SUPPORTED


def test_naples_is_still_not_in_puglia() -> None:
    """Every reading of the draft's name is apart from the source's place: contradicted."""
    verdict, _ = location_verdict("The deal was signed in Naples.", "The deal was signed in Puglia, Italy.")
    assert verdict == Verdict.CONTRADICTED
