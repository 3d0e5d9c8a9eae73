"""Adapters: each parser's output mapped to the plain values of `hit_rules` (Money, Length).

Every adapter gets the same text and nothing else (no currency hints, no locale but English).
Where a peer names a currency by a symbol or a word instead of an ISO code, `iso_currency`
maps it without factcheck's own tables: first with the table the peers' records were
converted with (price-parser's own expected currency strings next to the ISO code the
record gives, where that is one code: `руб.` -> RUB, `lei` -> RON), then with CLDR (babel)
and ISO 4217 (pycountry): the English symbols (`$` -> USD, `¥` -> JPY, as factcheck reads a
bare `$` as USD), then of the currencies a symbol or name can mean in any locale, the one
that is the local currency of the most CLDR locales (`kr` -> one of the crowns, `pound` -> GBP).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .hit_rules import Length, Money

QUANTULUM_CLASSIFIER = Path(__file__).resolve().parents[1] / ".venv-bench" / "quantulum3-classifier.joblib"


@dataclass(frozen=True)
class Parser:
    name: str
    money: Callable[[str], list[Money]] | None
    durations: Callable[[str], list[Length]] | None
    version: Callable[[], str]


def _version(distribution: str) -> Callable[[], str]:
    def version() -> str:
        from importlib.metadata import version as of

        return of(distribution)

    return version


# --- currency names and symbols to ISO 4217 ---------------------------------------------


@functools.cache
def _currency_tables() -> tuple[set[str], Counter[str], dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    import pycountry
    from babel import Locale, localedata, numbers

    current = {currency.alpha_3 for currency in pycountry.currencies}
    english = {symbol: {code} for code, symbol in Locale("en").currency_symbols.items()}
    local = Counter()                                   # code -> CLDR locales whose territory uses it
    symbols: dict[str, set[str]] = defaultdict(set)     # symbol as written -> codes
    names: dict[str, set[str]] = defaultdict(set)       # whole name, lower case -> codes
    words: dict[str, set[str]] = defaultdict(set)       # a word of a name, lower case -> codes
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        if locale.territory:
            local.update(numbers.get_territory_currencies(locale.territory))
        for code, symbol in locale.currency_symbols.items():
            symbols[symbol].add(code)
        plural = locale._data.get("currency_names_plural", {})
        for code, name in locale.currencies.items():
            for form in {name, *plural.get(code, {}).values()}:
                names[form.lower()].add(code)
                for word in re.findall(r"[^\W\d_]+", form.lower()):
                    words[word].add(code)
    for currency in pycountry.currencies:
        names[currency.name.lower()].add(currency.alpha_3)
    symbols.update(english)   # the texts are English: "¥" is the yen, not the yuan
    return current, local, symbols, names, words


@functools.cache
def _records_table() -> dict[str, str]:
    """price-parser's expected currency strings -> the one ISO code the records give them."""
    from .hit_rules import records

    codes: dict[str, set[str]] = defaultdict(set)
    for record in records("price_parser", "money"):
        raw = record["meta"].get("currency_raw_expected")
        for item in record["expected"]:
            if raw:
                codes[raw].add(item.get("unit") or "")
    return {raw: next(iter(units)) for raw, units in codes.items() if len(units) == 1 and "" not in units}


def iso_currency(label: str | None) -> str | None:
    """The ISO 4217 code a currency symbol, code or name most likely means; None when none."""
    if not label or not label.strip():
        return None
    label = label.strip()
    if label in _records_table():
        return _records_table()[label]
    current, local, symbols, names, words = _currency_tables()
    if label.upper() in current:
        return label.upper()
    lowered = label.lower()
    candidates = names.get(lowered) or symbols.get(label) or symbols.get(lowered) or symbols.get(label.upper())
    if not candidates:
        parts = [words.get(word, set()) for word in re.findall(r"[^\W\d_]+", lowered)]
        candidates = set.intersection(*parts) if parts and all(parts) else set()
    if not candidates:
        return None
    in_use = candidates & current or candidates
    return max(sorted(in_use), key=lambda code: local[code])


# --- ISO 8601 durations ----------------------------------------------------------------

_ISO_DURATION = re.compile(
    r"P(?:(?P<year>\d+(?:\.\d+)?)Y)?(?:(?P<month>\d+(?:\.\d+)?)M)?(?:(?P<week>\d+(?:\.\d+)?)W)?(?:(?P<day>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hour>\d+(?:\.\d+)?)H)?(?:(?P<minute>\d+(?:\.\d+)?)M)?(?:(?P<second>\d+(?:\.\d+)?)S)?)?"
)


def iso_components(iso: str) -> dict[str, float] | None:
    match = _ISO_DURATION.fullmatch(iso)
    if not match or not any(match.groupdict().values()):
        return None
    return {unit: float(amount) for unit, amount in match.groupdict().items() if amount is not None}


# --- factcheck ---------------------------------------------------------------------------


def _factcheck_money(text: str) -> list[Money]:
    import factcheck
    from factcheck.models import Qualifier

    return [
        Money(c.value.amount, c.value.currency, c.value.low, c.value.high, c.value.qualifier == Qualifier.RANGE)
        for c in factcheck.extract_claims(text, kinds=["amount"])
    ]


def _factcheck_durations(text: str) -> list[Length]:
    import factcheck
    from factcheck.durations import parse_iso

    return [Length(c.span.start, c.span.end, parse_iso(c.value.iso)) for c in factcheck.extract_claims(text, kinds=["term"])]


# --- quantulum3 ----------------------------------------------------------------------------

# quantulum3's units of time in the records' units: (unit, factor)
_QUANTULUM_TIME = {
    "second": ("second", 1), "millisecond": ("second", 1e-3), "microsecond": ("second", 1e-6),
    "nanosecond": ("second", 1e-9), "shake": ("second", 1e-8), "minute": ("minute", 1), "hour": ("hour", 1),
    "day": ("day", 1), "week": ("week", 1), "fortnight": ("week", 2), "month": ("month", 1), "year": ("year", 1),
    "lustrum": ("year", 5), "decade": ("year", 10), "century": ("year", 100), "millennium": ("year", 1e3),
    "kiloyear": ("year", 1e3), "megayear": ("year", 1e6), "gigayear": ("year", 1e9), "terayear": ("year", 1e12),
    "petayear": ("year", 1e15), "exayear": ("year", 1e18),
}


def train_quantulum_classifier() -> None:
    """Train quantulum3's unit classifier for the scikit-learn installed, from the training data it ships
    (upstream's own remedy: the classifier it ships is pickled by an older scikit-learn and does not load)."""
    from quantulum3 import classifier

    classifier.train_classifier(store=True, output_path=str(QUANTULUM_CLASSIFIER), n_jobs=2)


def quantulum_parse(text: str) -> list:
    from quantulum3 import parser

    classifier = str(QUANTULUM_CLASSIFIER) if QUANTULUM_CLASSIFIER.exists() else None
    return parser.parse(text, classifier_path=classifier)


def _quantulum_currency(unit) -> str | None:
    return getattr(unit, "currency_code", None) or iso_currency(unit.name)


def _quantulum_money(text: str) -> list[Money]:
    found = []
    for quantity in quantulum_parse(text):
        if quantity.unit.entity.name != "currency":
            continue
        currency = _quantulum_currency(quantity.unit)
        if quantity.uncertainty:   # "$3-4": the middle and half the width
            low, high = quantity.value - quantity.uncertainty, quantity.value + quantity.uncertainty
            found.append(Money(low, currency, low, high, True))
        else:
            found.append(Money(quantity.value, currency))
    return found


def _quantulum_durations(text: str) -> list[Length]:
    found = []
    for quantity in quantulum_parse(text):
        unit = _QUANTULUM_TIME.get(quantity.unit.name)
        if quantity.unit.entity.name == "time" and unit is not None:
            start, end = quantity.span
            found.append(Length(start, end, {unit[0]: quantity.value * unit[1]}))
    return found


# --- price-parser ----------------------------------------------------------------------------


def _price_parser_money(text: str) -> list[Money]:
    from price_parser import Price

    price = Price.fromstring(text)
    if price.amount is None:
        return []
    return [Money(float(price.amount), iso_currency(price.currency))]


# --- Recognizers-Text (recognizers-text-suite) -----------------------------------------------


def _recognizers_money(text: str) -> list[Money]:
    import recognizers_suite as recognizers

    found = []
    for result in recognizers.recognize_currency(text, recognizers.Culture.English):
        resolution = result.resolution or {}
        if resolution.get("value") is None:
            continue   # a currency word with no number ("US$" alone)
        unit = resolution.get("unit") or ""
        currency = resolution.get("isoCurrency") or (None if unit.lower() in _SUBUNITS else iso_currency(unit))
        found.append(Money(float(resolution["value"]), currency))
    return found


# Recognizers names the hundredth parts of a currency with no ISO code of their own
_SUBUNITS = {"cent", "penny", "pence", "dime", "nickel", "quarter"}


def _recognizers_durations(text: str) -> list[Length]:
    import recognizers_suite as recognizers

    found = []
    for result in recognizers.recognize_datetime(text, recognizers.Culture.English):
        if result.type_name != "datetimeV2.duration":
            continue
        value = (result.resolution or {}).get("values", [{}])[0]
        components = iso_components(value.get("timex", "")) or (
            {"second": float(value["value"])} if value.get("value") else None
        )
        if components:
            found.append(Length(result.start, result.end + 1, components))   # its `end` is inclusive
    return found


PARSERS: dict[str, Parser] = {
    "factcheck": Parser("factcheck", _factcheck_money, _factcheck_durations, _version("factcheck")),
    "quantulum3": Parser("quantulum3", _quantulum_money, _quantulum_durations, _version("quantulum3")),
    "price-parser": Parser("price-parser", _price_parser_money, None, _version("price-parser")),
    "recognizers-text": Parser(
        "recognizers-text", _recognizers_money, _recognizers_durations, _version("recognizers-text-suite")
    ),
}
