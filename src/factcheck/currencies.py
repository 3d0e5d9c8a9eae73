"""The currencies a text can name: ISO 4217 codes, symbols and names.

Symbols and names come from CLDR through babel, read over every CLDR locale by
scripts/build_currency_data.py into data/currencies/cldr.json (three seconds of
work done once, not on every run); which codes are current comes from pycountry
(ISO 4217) through the same file. This module adds only what no library has: the
colloquial forms and abbreviations news and shop text use (`руб.`, `TL`, `bucks`,
`pounds sterling`), the sub-units (`cents`, `pence`), and the editorial choice of
the most likely currency where a symbol or word is shared (`kr`, `Rs`, `francs`).
The letters written before a shared sign (`HK$`, `hk $`, `Mex$`, `EG£`) are read from
CLDR's symbols and the letter-prefix convention (ISO code, ISO 3166 country codes), which
the same script puts in the file.

`registry()` loads it once, lazily. Parsing the 1.7 MB of JSON takes longer than a whole
small check, so its contents are kept in an SQLite database in the cache folder
(`factcheck.cache`): the few hundred currencies, symbols and head nouns are read at once,
the 45,000 names of every locale one lookup at a time.
"""

from __future__ import annotations

import functools
import pickle
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .cache import cache_path, cached_database, folder_stamp

# --- what no library has ---------------------------------------------------------------

# Symbols and abbreviations that CLDR does not list (it keeps one symbol per locale, and
# these are the informal or older ones that prices and news still use).
# None: a money unit without an ISO 4217 code.
OWN_SYMBOLS: dict[str, str | None] = {
    # Cyrillic rouble abbreviations ("р." is also CLDR's for the 1991-98 rouble, which prices no longer mean)
    "Р": "RUB", "р.": "RUB", "руб": "RUB", "руб.": "RUB",
    "грн": "UAH", "грн.": "UAH",
    "TL": "TRY",                        # Türk lirası, as Turkish prices write it
    "Fr.": "CHF", "SFr.": "CHF",
    "₨": "PKR",                         # the generic rupee sign, most used in Pakistan
    "₤": "GBP",                         # the lira sign, long typeset for the pound
    "$U": "UYU", "Z$": "ZWL", "CUC$": "CUC",
    "US $": "USD", "U.S. $": "USD", "U.S.$": "USD",
    "원": "KRW", "円": "JPY",            # the currency's own word used as a sign
    "RMB": "CNY",                       # renminbi, as Chinese and English news abbreviate it
    "LE": "EGP", "L.E.": "EGP",          # livre égyptienne, as Egyptian prices write it
    "E£": "EGP", "£E": "EGP",           # as the Egyptian press in English writes it
    "Dh": "AED", "Dhs": "AED",          # as the UAE press writes the dirham
    "Tk": "BDT",                        # as the Bangladeshi press writes the taka
    "KSh": "KES", "Php": "PHP",
    # as the Financial Times and other house styles write them: "Rmb5bn", "SFr2bn", "Rbs30bn"
    "Rmb": "CNY", "SFr": "CHF", "SKr": "SEK", "NKr": "NOK", "DKr": "DKK", "Rbs": "RUB",
    "ZK": "ZMW", "KD": "KWD", "BD": "BHD", "TT$": "TTD", "J$": "JMD", "лв": "BGN",
    "đ": "VND",                         # the letter Vietnamese prices write for the dong sign
    "CFA": "XOF",                       # CFA franc: the West African one, the larger zone
    "₶": None,                          # livre tournois
    "₣": None,                          # the franc sign: of which franc, the sign does not say
    "﷼": None,                          # the rial sign, written for the rials and riyals of several countries
    "₿": None, "BTC": None,             # bitcoin
}

# Names that CLDR does not list: British and colloquial English, transliterations, and the
# words other languages put after a number. Lower case.
OWN_NAMES: dict[str, str | None] = {
    "sterling": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "renminbi": "CNY",
    "reais": "BRL",                     # the Portuguese plural English news uses
    "brazilian reais": "BRL",
    "rmb": "CNY",
    "рубля": "RUB", "рублей": "RUB",
    "гривня": "UAH", "гривні": "UAH", "гривень": "UAH",
    "złotych": "PLN", "zlotych": "PLN",
    "dinara": "RSD",                    # Serbian plural, as Serbian prices write it
    "geneh": "EGP", "genihat masriya": "EGP", "le": "EGP", "l.e.": "EGP", "l.e": "EGP",
    "جنيه": "EGP", "ريال": "SAR", "ریال": "IRR", "درهم": "AED",   # Arabic and Persian head nouns
    "toman": None, "tomans": None, "تومان": None,   # ten Iranian rials: no ISO code of its own
    "bitcoin": None, "bitcoins": None,
    "quid": "GBP",                      # British slang, singular and plural alike ("five quid")
    # the Spanish and Polish plurals English news copies from the country ("50 quetzales")
    "quetzales": "GTQ", "bolivares": "VES", "bolívares": "VES", "guaraníes": "PYG", "guaranies": "PYG",
    "złoty": "PLN", "złotys": "PLN",
    "denars": "MKD", "convertible marks": "BAM", "cfa francs": "XOF",
    # the names news gives without CLDR's country word, or in English ("crowns" for koruny and kronor)
    "korean won": "KRW", "emirati dirham": "AED", "emirati dirhams": "AED",
    "aussie dollar": "AUD", "aussie dollars": "AUD", "kiwi dollar": "NZD", "kiwi dollars": "NZD",
    "czech crown": "CZK", "czech crowns": "CZK", "danish crown": "DKK", "danish crowns": "DKK",
    "swedish crown": "SEK", "swedish crowns": "SEK", "norwegian crown": "NOK", "norwegian crowns": "NOK",
    "icelandic crown": "ISK", "icelandic crowns": "ISK",
}

# Symbols that after a number are far more often a unit of measure: "10 KM" (kilometres),
# not Bosnian marks. They still count before the number ("KM 50").
NOT_AFTER_NUMBERS = frozenset({"KM"})

# Slang for the dollar: the local dollar, as a bare "$" is.
DOLLAR_SLANG = frozenset({"buck", "bucks"})

# Sub-units, and the currency each names by itself (None: whichever the text names nearby).
# A count of them is read in the main unit, by the currency's minor-unit digits (ISO 4217 as
# CLDR records them: 2 for cents and pence): "310 pence" is 3.10 GBP. "p" is pence only run
# into digits ("99p"). Where the text names no currency nearby, the words of the dollar and
# euro (CENT_LIKE) are the default currency's.
SUBUNITS: dict[str, str | None] = {
    "pence": "GBP", "p": "GBP",
    "kopiyka": "UAH", "kopiykas": "UAH", "kopiyok": "UAH",
    "kopeck": "RUB", "kopecks": "RUB", "kopek": "RUB", "kopeks": "RUB",
    "paisa": "INR", "paise": "INR",
    "grosz": "PLN", "groszy": "PLN", "haléřů": "CZK",
    **dict.fromkeys(("cent", "cents", "c", "¢", "penny", "pennies", "sen", "sens", "centime", "centimes",
                     "centavo", "centavos", "céntimo", "céntimos"), None),
}
CENT_LIKE = frozenset({"cent", "cents", "c", "¢", "penny", "pennies"})

# US (and Canadian) coins, in dollars. "quarter" is left out: in news it is a fraction or
# three months far more often than a coin.
COINS = {"dime": 0.10, "dimes": 0.10, "nickel": 0.05, "nickels": 0.05}

# Head nouns that are also common English words: they name money only with a scale word,
# grouped digits or the country's adjective ("5 trillion won", "10,000 won", "South Korean won").
AMBIGUOUS_HEADS = frozenset(
    {"won", "real", "reals", "mark", "marks", "gold", "sol", "soles", "dong", "dongs", "cupon", "austral", "ley",
     "colon", "colons"}
)

# The most likely currency where several share a symbol or head noun (an editorial choice,
# for English-language news; docs/claims.md). A default currency the caller gives that
# shares the symbol or word wins over these.
PREFERRED: dict[str, str] = {
    "$": "USD", "¥": "JPY", "£": "GBP", "kr": "SEK", "kr.": "DKK", "Rs": "INR", "Rs.": "INR",
    "C$": "CAD", "K": "ZMW", "L": "HNL", "Br": "BYN", "Bs": "BOB", "MK": "MWK",
    # the Philippine and Saudi press write far more sums than Botswana's and the Seychelles'
    "P": "PHP", "SR": "SAR",
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
    "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "peso": "MXN", "pesos": "MXN",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "riyal": "SAR", "riyals": "SAR",
    "rial": "IRR", "rials": "IRR", "dinar": "IQD", "dinars": "IQD", "dirham": "AED", "dirhams": "AED",
    "shilling": "KES", "shillings": "KES", "lira": "TRY", "liras": "TRY", "lire": "ITL",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "yuan": "CNY", "won": "KRW",
    "real": "BRL", "reals": "BRL", "mark": "DEM", "marks": "DEM", "escudo": "PTE", "escudos": "PTE",
    "guilder": "NLG", "guilders": "NLG", "florin": "AWG",
    "lev": "BGN", "leva": "BGN", "leu": "RON", "lei": "RON",
    "manat": "AZN", "manats": "AZN", "som": "KGS", "soms": "KGS", "kwacha": "ZMW", "kwachas": "ZMW",
    "cedi": "GHS", "cedis": "GHS", "bolivar": "VES", "bolivars": "VES", "bolívar": "VES", "bolívars": "VES",
    "colón": "CRC", "colones": "CRC", "córdoba": "NIO", "córdobas": "NIO", "dong": "VND",
}

# the signs several currencies share, which letters before them tell apart ("HK$", "EG£", "CN¥")
SHARED_SIGNS = "$£¥"
# letters (and the dots of "U.S.") before such a sign, and the space that may stand between
# ("c. $5bn" is circa: dots only between letters, as in "U.S.")
_SIGN_PREFIX = re.compile(rf"([A-Za-z]{{1,4}}|(?:[A-Za-z]\.){{2,3}})( ?)([{SHARED_SIGNS}])")
# words that stand before a "$" in English prose, spaced: "a $5 fee", "gave us $5", "I $"
_WORDS_BEFORE_A_SIGN = frozenset({"a", "i", "us", "an"})

_DATA = Path(__file__).parent / "data" / "currencies" / "cldr.json"


@dataclass(frozen=True)
class Currency:
    code: str
    name: str          # "US Dollar"
    one: str           # "US dollar"
    other: str         # "US dollars"
    symbol: str        # the English symbol ("$", "A$", "€"), or the code when English has none
    current: bool      # in ISO 4217 today
    decimal: str       # the decimal mark of its home locale: "." or ","
    digits: int        # decimals of its minor unit
    territories: int   # how many territories have used it as legal tender


Kind = Literal["symbol", "code", "name", "head"]


@dataclass(frozen=True)
class Named:
    """What a symbol or a name in the text stands for."""

    kind: Kind
    # the currencies it may mean, most likely first; (None,) for a money unit without an ISO code
    codes: tuple[str | None, ...]

    @property
    def generic(self) -> bool:
        """Whether it leaves the currency open ("$", "dollars", "kr") rather than naming one."""
        return len(self.codes) > 1


class _Names:
    """CLDR's currency names in every locale -> {code: number of locales}, and multi-word names as
    written without their spaces ("saudiriyal", "egyptianpound"), read from the database by need."""

    def __init__(self, database: sqlite3.Connection) -> None:
        self._database = database

    def counts(self, name: str) -> dict[str, int] | None:
        row = self._database.execute("SELECT counts FROM names WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        return {code: int(count) for code, count in (pair.split(":") for pair in row[0].split())}

    def spaced(self, joined: str) -> str | None:
        row = self._database.execute("SELECT name FROM joined WHERE joined = ?", (joined,)).fetchone()
        return None if row is None else row[0]


@dataclass(eq=False)   # compared by identity, so that its lookups can be cached
class Registry:
    currencies: dict[str, Currency]
    _symbols: dict[str, dict[str, int]]
    _names: _Names
    _heads: dict[str, dict[str, int]]
    # the country adjectives of English names: "canadian" -> {"dollar": "CAD"}
    adjectives: dict[str, dict[str, str]] = field(default_factory=dict)
    # sign -> letters before it, upper case -> {code: CLDR locales, 0 for the letter-prefix convention}
    sign_prefixes: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def _rank(self, key: str, counts: dict[str, int]) -> tuple[str, ...]:
        preferred = PREFERRED.get(key)
        if preferred is not None and preferred not in counts:
            # the most likely reading even where CLDR lists the symbol for others only ("Rs." for India)
            counts = {preferred: 0, **counts}

        def order(code: str) -> tuple[bool, bool, int, int, str]:
            currency = self.currencies.get(code)
            return (
                code != preferred,
                not (currency and currency.current),
                -counts[code],
                -(currency.territories if currency else 0),
                code,
            )

        return tuple(sorted(counts, key=order))

    @functools.lru_cache(maxsize=4096)
    def symbol(self, text: str) -> Named | None:
        """A currency symbol, as written ("$", "US$", "zł", "Kč"); a capitalised form is accepted ("Zł")."""
        for key in (text, text[:1].lower() + text[1:]):
            if key in OWN_SYMBOLS:
                return Named("symbol", (OWN_SYMBOLS[key],))
            if key in self._symbols:
                return Named("symbol", self._rank(key, self._symbols[key]))
        return self._signed(text)

    def _signed(self, text: str) -> Named | None:
        """Letters and a shared sign in any case, with or without a space: "hk $", "nzd$", "Mex$", "c $", "EG£".

        The letters may be a CLDR symbol's, or, written right against the sign, the ISO code or the
        home country's ISO 3166 code (the letter-prefix convention). Letters that are an English word
        before a sign ("a $5 fee", "gave us $5") are only read without the space.
        """
        match = _SIGN_PREFIX.fullmatch(text)
        if match is None:
            return None
        letters, spaced, sign = match.group(1), bool(match.group(2)), match.group(3)
        counts = self.sign_prefixes.get(sign, {}).get(letters.replace(".", "").upper())
        if counts is None:
            return None
        if spaced:
            counts = {code: count for code, count in counts.items() if count}
            if not counts or letters.lower() in _WORDS_BEFORE_A_SIGN:
                return None
        return Named("symbol", self._rank(letters.replace(".", "").upper() + sign, counts))

    def code(self, text: str) -> Named | None:
        """An ISO 4217 code of a currency ("USD", and "DEM" of the past)."""
        return Named("code", (text,)) if text in self.currencies else None

    @functools.lru_cache(maxsize=4096)
    def name(self, text: str) -> Named | None:
        """A currency's name or head noun, any case ("US dollars", "euros", "yen", "rupees")."""
        key = " ".join(text.lower().split())
        if key in OWN_NAMES:
            return Named("name", (OWN_NAMES[key],))
        if "." in key and not key.endswith(".") and self._names.counts(key) is None:
            key = key.replace(".", "")           # "U.S. dollars" (a full stop after the name is not part of it)
        key = self._names.spaced(key) or key
        if key in self._heads:
            return Named("head", self._rank(key, self._heads[key]))
        counts = self._names.counts(key)
        if counts is not None:
            return Named("name", self._rank(key, counts))
        return self._prefixed_name(key)

    def _prefixed_name(self, key: str) -> Named | None:
        """A currency's name after the letters its sign takes ("HK dollars", "nz dollar", "mx pesos", "eg pounds")."""
        letters, _, head = key.partition(" ")
        # two letters at least: "5 a dollar" is a price per dollar, not Australian
        if len(letters) < 2 or not head or " " in head:
            return None
        candidates = {code for prefixes in self.sign_prefixes.values() for code in prefixes.get(letters.upper(), ())}
        codes = [code for code in sorted(candidates) if (currency := self.currencies.get(code)) is not None
                 and head in (currency.one.lower().rsplit(" ", 1)[-1], currency.other.lower().rsplit(" ", 1)[-1])]
        return Named("name", tuple(codes)) if len(codes) == 1 else None

    def resolve(self, named: Named, default_currency: str) -> str | None:
        """The one currency `named` stands for: the caller's default where it is one of the candidates."""
        if default_currency in named.codes:
            return default_currency
        return named.codes[0]

    def is_dollar(self, code: str | None) -> bool:
        currency = self.currencies.get(code or "")
        return bool(currency and currency.one.lower().endswith("dollar"))

    def is_rupee(self, code: str | None) -> bool:
        currency = self.currencies.get(code or "")
        return bool(currency and currency.one.lower().endswith("rupee"))


@functools.cache
def registry() -> Registry:
    """The currency registry, built on first use."""
    path = cache_path("currencies", ".sqlite", folder_stamp(_DATA.parent), Path(__file__).read_bytes())
    return cached_database(path, _build_database, _read_database)


def _build_database(database: sqlite3.Connection) -> None:
    import json

    data = json.loads(_DATA.read_text(encoding="utf-8"))
    database.executescript("""
        CREATE TABLE names (name TEXT PRIMARY KEY, counts TEXT) WITHOUT ROWID;
        CREATE TABLE joined (joined TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;
        CREATE TABLE small_tables (data BLOB);
    """)
    names: dict[str, dict[str, int]] = data["names"]
    database.executemany(
        "INSERT INTO names VALUES (?, ?)",
        ((name, " ".join(f"{code}:{count}" for code, count in counts.items())) for name, counts in names.items()),
    )
    joined = {name.replace(" ", ""): name for name in names if " " in name and name.isascii()}
    database.executemany("INSERT INTO joined VALUES (?, ?)", joined.items())
    small = {part: data[part] for part in ("currencies", "symbols", "heads", "sign_prefixes")}
    database.execute("INSERT INTO small_tables VALUES (?)", (pickle.dumps(small, pickle.HIGHEST_PROTOCOL),))


def _read_database(database: sqlite3.Connection) -> Registry:
    [(small,)] = database.execute("SELECT data FROM small_tables").fetchall()
    data = pickle.loads(small)
    currencies = {code: Currency(code=code, **fields) for code, fields in data["currencies"].items()}
    adjectives: dict[str, dict[str, str]] = {}
    for currency in currencies.values():
        if not currency.current:
            continue
        for form in (currency.one, currency.other):
            adjective, _, head = form.lower().rpartition(" ")
            if adjective:
                adjectives.setdefault(adjective.replace(".", ""), {}).setdefault(head, currency.code)
    return Registry(currencies, data["symbols"], _Names(database), data["heads"], adjectives, data["sign_prefixes"])
