"""The cached ECB rate table gives what currency_converter gives, and its cache file is only ever an optimisation."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from factcheck.rates import RateTable, converter, rate_table, write_table

from .conftest import run_python, run_with_a_cache_file


@pytest.fixture(scope="module")
def library():
    return converter()


def _samples(library, count: int) -> list[tuple[str, str, dt.date]]:
    """Pairs of currencies and days: any day from before the euro to years after the data ends."""
    chooser = random.Random(20240613)
    codes = sorted(library.currencies)
    start, end = dt.date(1995, 1, 1).toordinal(), dt.date(2035, 12, 31).toordinal()
    return [
        (chooser.choice(codes), chooser.choice(codes), dt.date.fromordinal(chooser.randint(start, end)))
        for _ in range(count)
    ]


def test_the_table_converts_as_currency_converter_does(library):
    table = rate_table()
    for source, target, day in _samples(library, 20000):
        assert table.convert(1.0, source, target, day) == library.convert(1.0, source, target, date=day), (
            source, target, day)


def test_the_days_around_each_currencys_bounds_and_its_gaps(library):
    """First and last days, a day beyond each, and the days the ECB gave no rate (filled by interpolation)."""
    table = rate_table()
    for code in sorted(library.currencies):
        first, last = library.bounds[code]
        assert table.bounds(code) == (first, last)
        days = [first - dt.timedelta(days=1), first, first + dt.timedelta(days=1), last, last + dt.timedelta(days=1)]
        for day in days:
            for other in ("EUR", "USD", "JPY"):
                assert table.convert(1.0, code, other, day) == library.convert(1.0, code, other, date=day)
    krona_gap = [dt.date(2008, 12, 1) + dt.timedelta(days=n) for n in range(0, 3400, 7)]   # no ISK rate 2008-2018
    after_rouble = [dt.date(2022, 2, 20) + dt.timedelta(days=n) for n in range(30)]       # none since March 2022
    holidays = [dt.date(2024, 6, 15), dt.date(2024, 6, 16), dt.date(2024, 12, 25), dt.date(2025, 4, 18)]
    for code, days in (("ISK", krona_gap), ("RUB", after_rouble), ("USD", holidays), ("ISK", holidays)):
        for day in days:
            assert table.convert(2.5, code, "GBP", day) == library.convert(2.5, code, "GBP", date=day), (code, day)


def test_every_ecb_currency_and_only_those(library):
    table = rate_table()
    assert table.currencies == library.currencies
    with pytest.raises(ValueError):
        table.convert(1.0, "ARS", "EUR", dt.date(2024, 6, 13))


def test_a_table_built_from_the_library_equals_the_cached_one(library):
    database = sqlite3.connect(":memory:")
    write_table(library, database)
    built, cached = RateTable(database), rate_table()
    assert built.currencies == cached.currencies
    for code in sorted(built.currencies):
        assert built.bounds(code) == cached.bounds(code)
        for other in sorted(built.currencies):
            for day in (dt.date(1999, 1, 4), dt.date(2008, 12, 24), dt.date(2024, 6, 13)):
                assert built.convert(1.0, code, other, day) == cached.convert(1.0, code, other, day)


_CONVERT = (
    "import datetime as dt\n"
    "from factcheck.rates import rate_table\n"
    "print(repr(rate_table().convert(1.0, 'JPY', 'USD', dt.date(2024, 3, 26))))"
)


def test_the_table_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, library):
    expected = repr(library.convert(1.0, "JPY", "USD", date=dt.date(2024, 3, 26))) + "\n"
    assert run_with_a_cache_file(_CONVERT, tmp_path, "rates-*.sqlite") == expected


def test_an_unwritable_cache_folder_still_converts(tmp_path, library):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    expected = repr(library.convert(1.0, "JPY", "USD", date=dt.date(2024, 3, 26))) + "\n"
    assert run_python(_CONVERT, blocker / "cache") == expected
