"""Regenerate src/factcheck/data/currencies/cldr.json, the currency data factcheck.currencies reads.

Run it again only when babel or pycountry is upgraded; its output is committed.

    .venv/bin/python scripts/build_currency_data.py

Everything comes from the project's own environment: babel's CLDR locale data (the
symbols and names every locale gives each currency, and which territories use which
currency as legal tender) and pycountry's ISO 4217 list (which codes are current).
Reading all CLDR locales takes about three seconds, too long to do on every run.

What the file holds:
- "currencies": every code that some territory has used as legal tender since 1800
  (so ISO codes of metals, funds and test units are left out), with its English name
  and plural forms, English symbol, whether ISO 4217 lists it today, the decimal mark
  of its home locale (the territory of the code's first two letters, else the mark
  most of its territories use), its number of decimals and how many territories use it;
- "symbols": symbol -> {code: number of locales that write the code with it};
- "names": lower-case name -> {code: number of locales}: every name and plural form of
  the English locales, the other locales' names except single ASCII words (such a word
  from another language may be an English word: "real", "sol", "bat"), and English
  territory names with the currency's head noun ("malaysia ringgit"), and each name with accents
  also without them ("cordobas", "kronur"), where that spelling is free;
- "heads": the head nouns of the English names ("dollar", "dollars", "rupee") -> {code: count};
- "sign_prefixes": for the signs several currencies share (`$`, `£`, `¥`), the letters written
  before the sign, upper case -> {code: count}: those of CLDR's symbols (`HK$`, `NZ$`, `R$`,
  `Bds$`, `EG£`, `CN¥`: the number of locales) and, with a count of 0, the letter-prefix
  convention for every current currency some locale writes with that sign: its ISO code (`NZD$`),
  and its home territory's ISO 3166 alpha-2 and alpha-3 codes (`MX$`, `MEX$`, `CAN$`, `LB£`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

import babel
import babel.numbers
import pycountry
from babel import Locale, localedata
from babel.core import get_cldr_version

OUT = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "data" / "currencies" / "cldr.json"

# marks CLDR puts around or inside symbols that text never carries
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u200b\u061c"), None)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PARENTHETICAL = re.compile(r"\s*\(.*?\)")


def fold_accents(text: str) -> str:
    """"córdobas" -> "cordobas": the letters without their combining marks (ł, ø and the like stay)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def clean(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def tender_codes() -> dict[str, list[str]]:
    """Code -> territories that have used it as legal tender since 1800."""
    territories: dict[str, list[str]] = defaultdict(list)
    start, end = dt.date(1800, 1, 1), dt.date.today()
    for territory in Locale.parse("en").territories:
        if not re.fullmatch(r"[A-Z]{2}", territory):
            continue
        for code in babel.numbers.get_territory_currencies(territory, start_date=start, end_date=end, tender=True):
            territories[code].append(territory)
    return territories


def decimal_mark(code: str, territories: list[str]) -> str:
    """The decimal mark of the currency's home locale."""
    def marks_of(places: list[str]) -> Counter[str]:
        marks: Counter[str] = Counter()
        for territory in places:
            try:
                locale = Locale.parse(f"und_{territory}")
            except (ValueError, babel.UnknownLocaleError):
                continue   # a territory without a locale of its own (EU)
            marks[babel.numbers.get_decimal_symbol(locale)] += 1
        return marks

    marks = marks_of([code[:2]]) if code[:2] in territories else Counter()
    marks = marks or marks_of(territories)
    return "," if marks and marks.most_common(1)[0][0] == "," else "."


SHARED_SIGNS = ("$", "£", "¥")


def sign_prefixes(symbols: dict[str, Counter[str]], currencies: dict[str, dict]) -> dict[str, dict[str, dict[str, int]]]:
    """Sign -> letters before it -> {code: locales}: CLDR's symbols first, then the letter-prefix convention."""
    return {sign: letters_before(sign, symbols, currencies) for sign in SHARED_SIGNS}


def letters_before(sign: str, symbols: dict[str, Counter[str]], currencies: dict[str, dict]) -> dict[str, dict[str, int]]:
    prefixes: dict[str, Counter[str]] = defaultdict(Counter)
    signed: set[str] = set()
    for symbol, counts in symbols.items():
        if sign not in symbol:
            continue
        signed.update(counts)
        letters = symbol.split(sign, 1)[0].replace(".", "").replace(" ", "")
        if symbol.endswith(sign) and letters.isascii() and letters.isalpha():
            for code, count in counts.items():
                prefixes[letters.upper()][code] += count
    for code in sorted(signed):
        if not currencies.get(code, {}).get("current"):
            continue
        home = pycountry.countries.get(alpha_2=code[:2])
        for letters in (code, *((home.alpha_2, home.alpha_3) if home else ())):
            prefixes[letters].setdefault(code, 0)
    return {k: dict(sorted(v.items())) for k, v in sorted(prefixes.items())}


def main() -> int:
    territories = tender_codes()
    money = set(territories)
    current = {c.alpha_3 for c in pycountry.currencies}
    english = Locale.parse("en")
    english_plural = english._data["currency_names_plural"]

    currencies = {}
    for code in sorted(money):
        forms = english_plural.get(code, {})
        name = english.currencies.get(code, code)
        currencies[code] = {
            "name": name,
            "one": forms.get("one", name),
            "other": forms.get("other", name),
            "symbol": clean(english.currency_symbols.get(code, code)),
            "current": code in current,
            "decimal": decimal_mark(code, territories[code]),
            "digits": babel.numbers.get_currency_precision(code),
            # how many territories use it: the tie-break between currencies sharing a name
            "territories": len(territories[code]),
        }

    symbols: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    heads: dict[str, Counter[str]] = defaultdict(Counter)
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        # English as written in Latin script: en and en_GB, en_IN ..., not en_Dsrt or en_Shaw
        is_english = re.fullmatch(r"en(?:_[A-Z]{2}|_\d{3})?", identifier) is not None
        for code, symbol in locale.currency_symbols.items():
            symbol = clean(symbol)
            if code in money and symbol and symbol != code:
                symbols[symbol][code] += 1
        plural = locale._data.get("currency_names_plural", {})
        for code in money:
            found = {locale.currencies.get(code)} | set(plural.get(code, {}).values())
            for form in filter(None, found):
                form = clean(_PARENTHETICAL.sub("", form)).lower()
                if not form:
                    continue
                if is_english or " " in form or not form.isascii():
                    names[form][code] += 1
                if is_english:
                    heads[form.rsplit(" ", 1)[-1]][code] += 1

    # "cordobas", "kronur", "bolivares": the English names as text typed without their accents writes them
    # (the English ones: the head nouns, and the names that end in one)
    english_heads = set(heads)
    for table in (names, heads):
        for form, counts in list(table.items()):
            folded = fold_accents(form)
            ends_in_head = form.rsplit(" ", 1)[-1] in english_heads
            if ends_in_head and folded != form and folded.isascii() and folded not in table:
                table[folded] = Counter(counts)

    # "malaysia ringgit", "japan yen": a territory's English name with its currency's head noun
    for territory, territory_name in english.territories.items():
        if not re.fullmatch(r"[A-Z]{2}", territory):
            continue
        for code in babel.numbers.get_territory_currencies(territory, tender=True):
            if code not in currencies:
                continue
            for form in {currencies[code]["one"], currencies[code]["other"]}:
                key = f"{clean(territory_name).lower()} {form.lower().rsplit(' ', 1)[-1]}"
                names.setdefault(key, Counter())[code] += 1

    data = {
        "sign_prefixes": sign_prefixes(symbols, currencies),
        "generated_by": "scripts/build_currency_data.py",
        "sources": {"babel": babel.__version__, "cldr": get_cldr_version(), "pycountry": version("pycountry")},
        "currencies": currencies,
        # sorted throughout, so that a rebuild from the same sources gives the same file
        "symbols": {k: dict(sorted(v.items())) for k, v in sorted(symbols.items())},
        "names": {k: dict(sorted(v.items())) for k, v in sorted(names.items())},
        "heads": {k: dict(sorted(v.items())) for k, v in sorted(heads.items())},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(currencies)} currencies, {len(symbols)} symbols, {len(names)} names, {len(heads)} heads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
