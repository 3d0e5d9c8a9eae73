"""The words the renderers choose from: currencies, units, nouns, parties, places.

Each table pairs a way of writing something with what it means, so that a rendered
sentence carries its own answer. The entries are our own choice of common news forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Qualifier


@dataclass(frozen=True)
class CurrencyForms:
    before: tuple[str, ...]                   # written before the number: "$", "US$", "USD "
    after: tuple[str, ...] = ()               # written after it: " dollars", " USD"
    adjective: str | None = None              # the name in a hyphenated adjective: "a 10-million-dollar deal"


CURRENCIES: dict[str, CurrencyForms] = {
    "USD": CurrencyForms(("$", "US$", "USD "), (" dollars", " US dollars", " USD"), "dollar"),
    "EUR": CurrencyForms(("€", "EUR "), (" euros", " EUR"), "euro"),
    "GBP": CurrencyForms(("£", "GBP "), (" pounds", " pounds sterling", " GBP"), "pound"),
    "JPY": CurrencyForms(("¥", "JPY "), (" yen", " Japanese yen", " JPY"), "yen"),
    "CHF": CurrencyForms(("CHF ",), (" Swiss francs", " CHF"), "franc"),
    "AUD": CurrencyForms(("A$", "AU$", "AUD "), (" Australian dollars", " AUD")),
    "CAD": CurrencyForms(("C$", "CAD "), (" Canadian dollars", " CAD")),
    "HKD": CurrencyForms(("HK$", "HK$ ", "HKD "), (" Hong Kong dollars", " HK dollars")),
    "NZD": CurrencyForms(("NZ$", "nzd$ ", "NZD "), (" New Zealand dollars", " NZ dollars", " NZD")),
    "SGD": CurrencyForms(("S$", "SGD "), (" Singapore dollars", " SGD")),
    "MXN": CurrencyForms(("Mex$", "MX$", "MXN "), (" Mexican pesos", " MXN")),
    "TWD": CurrencyForms(("NT$", "TWD "), (" New Taiwan dollars", " TWD")),
    "EGP": CurrencyForms(("E£", "EGP "), (" Egyptian pounds", " EGP")),
    "UAH": CurrencyForms(("₴", "UAH "), (" hryvnias", " UAH"), "hryvnia"),
    "INR": CurrencyForms(("₹", "Rs ", "INR "), (" rupees", " Indian rupees", " INR"), "rupee"),
    "CNY": CurrencyForms(("CNY ",), (" yuan", " CNY"), "yuan"),
    "SEK": CurrencyForms(("SEK ",), (" Swedish kronor", " SEK")),
    "PLN": CurrencyForms(("PLN ",), (" zlotys", " PLN")),
    "KRW": CurrencyForms(("KRW ",), (" KRW",)),
    "BRL": CurrencyForms(("R$", "BRL "), (" Brazilian reais", " BRL")),
}

# qualifiers as written before a number, and after it, for amounts, terms and counts
QUALIFIERS_BEFORE: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GT: ("more than", "over", "upwards of", "in excess of", "greater than"),
    Qualifier.GE: ("at least", "no less than", "a minimum of"),
    Qualifier.LT: ("less than", "under", "below"),
    Qualifier.LE: ("up to", "no more than", "as much as", "at most", "a maximum of"),
    Qualifier.APPROX: ("about", "around", "roughly", "approximately", "nearly", "almost", "some", "an estimated",
                       "close to"),
}
QUALIFIERS_AFTER: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GE: ("or more",),
    Qualifier.LE: ("or less",),
    Qualifier.APPROX: ("or so",),
}
# the words terms and counts take where money takes its own ("as much as" $5m, "as many as" 40 deals)
COUNT_QUALIFIERS_BEFORE: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GT: ("more than", "over"),
    Qualifier.GE: ("at least", "no fewer than", "no less than", "a minimum of"),
    Qualifier.LT: ("fewer than", "less than", "under"),
    Qualifier.LE: ("up to", "no more than", "as many as", "at most", "a maximum of"),
    Qualifier.APPROX: ("about", "around", "roughly", "approximately", "nearly", "almost", "some", "close to",
                       "an estimated"),
}
TERM_QUALIFIERS_BEFORE: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GT: ("more than", "longer than"),
    Qualifier.GE: ("at least", "no less than", "a minimum of"),
    Qualifier.LT: ("less than", "shorter than"),
    Qualifier.LE: ("up to", "no more than", "at most", "no longer than", "a maximum of"),
    Qualifier.APPROX: ("about", "around", "roughly", "approximately", "nearly", "almost", "some", "close to"),
}
TERM_QUALIFIERS_AFTER: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GE: ("or more", "or longer"),
    Qualifier.LE: ("or less", "or shorter"),
    Qualifier.APPROX: ("or so",),
}

# units of a length of time: singular, plural, and the ISO component and factor they stand for
@dataclass(frozen=True)
class Unit:
    singular: str
    plural: str
    component: str       # "year", "month", "week", "day", "hour", "minute"
    factor: int          # a decade is 10 years
    article: str = "a"


UNITS: tuple[Unit, ...] = (
    Unit("year", "years", "year", 1),
    Unit("month", "months", "month", 1),
    Unit("week", "weeks", "week", 1),
    Unit("day", "days", "day", 1),
    Unit("hour", "hours", "hour", 1, "an"),
    Unit("minute", "minutes", "minute", 1),
    Unit("decade", "decades", "year", 10),
    Unit("century", "centuries", "year", 100),
    Unit("fortnight", "fortnights", "week", 2),
)

# vague counts of a unit and the range each stands for (docs/claims.md, term): "a few weeks" is 2 to 4 weeks
VAGUE_COUNTS: tuple[tuple[str, int, int], ...] = (("a few", 2, 4), ("several", 3, 7), ("a couple of", 2, 3))
# abbreviations of the units, as news, travel and booking copy writes them after digits: (text, written
# against the digits); the one-letter ones only against them
TERM_ABBREVIATIONS: dict[str, tuple[tuple[str, bool], ...]] = {
    "year": (("yrs", False), ("yrs", True), ("Y", True), ("y", True)),
    "month": (("mos", False), ("mths", False)),
    "week": (("wks", False), ("W", True), ("w", True)),
    "day": (("d", True), ("D", True)),
    "hour": (("hrs", False), ("hrs", True), ("h", True), ("HRS", False)),
    "minute": (("mins", False), ("min", False), ("mins", True)),
}

# things news copy counts, as plural nouns, and words that may stand before them
COUNT_NOUNS = (
    "deals", "agreements", "countries", "nations", "troops", "soldiers", "people", "drones", "tanks",
    "projects", "companies", "schools", "hospitals", "villages", "refugees", "ships", "aircraft",
    "journalists", "officials", "contracts", "children", "volunteers", "shelters", "bridges", "missiles",
)
COUNT_MODIFIERS = ("similar", "new", "other", "additional", "such")

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# abbreviations as AP style and others write them
MONTH_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 3: "Mar.", 4: "Apr.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.",
                       12: "Dec."}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Country:
    code: str
    names: tuple[str, ...]       # as written in running text (the first is its usual English name)
    capital: str | None = None   # standing for its government ("Tokyo and Kyiv signed")


COUNTRIES: tuple[Country, ...] = (
    Country("UA", ("Ukraine",), "Kyiv"),
    Country("JP", ("Japan",), "Tokyo"),
    Country("FR", ("France",), "Paris"),
    Country("DE", ("Germany",), "Berlin"),
    Country("GB", ("Britain", "the United Kingdom"), "London"),
    Country("US", ("the United States",), "Washington"),
    Country("IT", ("Italy",), "Rome"),
    Country("PL", ("Poland",), "Warsaw"),
    Country("CA", ("Canada",), "Ottawa"),
    Country("NL", ("the Netherlands",)),
    Country("ES", ("Spain",), "Madrid"),
    Country("SE", ("Sweden",), "Stockholm"),
    Country("NO", ("Norway",), "Oslo"),
    Country("FI", ("Finland",), "Helsinki"),
    Country("DK", ("Denmark",), "Copenhagen"),
    Country("LT", ("Lithuania",), "Vilnius"),
    Country("LV", ("Latvia",), "Riga"),
    Country("EE", ("Estonia",), "Tallinn"),
    Country("CZ", ("the Czech Republic",), "Prague"),
    Country("KR", ("South Korea",), "Seoul"),
    Country("AU", ("Australia",), "Canberra"),
    Country("BE", ("Belgium",), "Brussels"),
    Country("PT", ("Portugal",), "Lisbon"),
    Country("RO", ("Romania",), "Bucharest"),
    Country("MX", ("Mexico",)),
    Country("IN", ("India",), "New Delhi"),
    Country("TR", ("Turkey",), "Ankara"),
    Country("GR", ("Greece",), "Athens"),
    Country("IE", ("Ireland",), "Dublin"),
    Country("AT", ("Austria",), "Vienna"),
)


@dataclass(frozen=True)
class Person:
    name: str
    country: str
    title: str        # as written before the name: "Ukrainian President"


PEOPLE: tuple[Person, ...] = (
    Person("Volodymyr Zelensky", "UA", "Ukrainian President"),
    Person("Fumio Kishida", "JP", "Japanese Prime Minister"),
    Person("Emmanuel Macron", "FR", "French President"),
    Person("Olaf Scholz", "DE", "German Chancellor"),
    Person("Giorgia Meloni", "IT", "Italian Prime Minister"),
    Person("Justin Trudeau", "CA", "Canadian Prime Minister"),
    Person("Donald Tusk", "PL", "Polish Prime Minister"),
    Person("Pedro Sanchez", "ES", "Spanish Prime Minister"),
    Person("Mette Frederiksen", "DK", "Danish Prime Minister"),
    Person("Ulf Kristersson", "SE", "Swedish Prime Minister"),
)


@dataclass(frozen=True)
class Organisation:
    name: str                    # the canonical name a parser returns
    written: tuple[str, ...]     # as written in running text


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("NATO", ("NATO",)),
    Organisation("European Union", ("the European Union", "the EU")),
)


@dataclass(frozen=True)
class PlaceForm:
    """A place as written, and the names that pin down which place it is."""

    written: str
    level: str                          # "city", "region", "country", "continent"
    country: str | None                 # ISO code of the country holding it
    containers: tuple[str, ...] = field(default=())   # written after it: "Puglia, Italy"


PLACES: tuple[PlaceForm, ...] = (
    PlaceForm("Rome", "city", "IT", ("Italy",)),
    PlaceForm("Milan", "city", "IT", ("Italy",)),
    PlaceForm("Bari", "city", "IT", ("Puglia", "Italy")),
    PlaceForm("Puglia", "region", "IT", ("Italy",)),
    PlaceForm("Apulia", "region", "IT", ("Italy",)),
    PlaceForm("Lyon", "city", "FR", ("France",)),
    PlaceForm("Marseille", "city", "FR", ("France",)),
    PlaceForm("Munich", "city", "DE", ("Germany",)),
    PlaceForm("Hamburg", "city", "DE", ("Germany",)),
    PlaceForm("Bavaria", "region", "DE", ("Germany",)),
    PlaceForm("Kyiv", "city", "UA", ("Ukraine",)),
    PlaceForm("Kharkiv", "city", "UA", ("Ukraine",)),
    PlaceForm("Odesa", "city", "UA", ("Ukraine",)),
    PlaceForm("Lviv", "city", "UA", ("Ukraine",)),
    PlaceForm("Osaka", "city", "JP", ("Japan",)),
    PlaceForm("Hiroshima", "city", "JP", ("Japan",)),
    PlaceForm("Krakow", "city", "PL", ("Poland",)),
    PlaceForm("Gdansk", "city", "PL", ("Poland",)),
    PlaceForm("Barcelona", "city", "ES", ("Spain",)),
    PlaceForm("Seville", "city", "ES", ("Spain",)),
    PlaceForm("Toronto", "city", "CA", ("Canada",)),
    PlaceForm("Ontario", "region", "CA", ("Canada",)),
    PlaceForm("Italy", "country", "IT"),
    PlaceForm("Japan", "country", "JP"),
    PlaceForm("Ukraine", "country", "UA"),
    PlaceForm("Poland", "country", "PL"),
    PlaceForm("Norway", "country", "NO"),
    PlaceForm("Europe", "continent", None),
    PlaceForm("Asia", "continent", None),
    PlaceForm("Africa", "continent", None),
)


# words a speaker is quoted saying (our own): no number, date, length of time, place or name in
# them, and none of the words of the other kinds' sentence frames
QUOTES: tuple[str, ...] = (
    "we will stand with our partners for as long as it takes",
    "nobody should doubt our resolve",
    "the work is far from over",
    "this is a moment of hope for our people",
    "we expect every side to keep its word",
    "our door remains open to dialogue",
    "the talks were difficult but honest",
    "we have shown what cooperation can achieve",
    "it's a promise we intend to keep",
    "we owe our citizens nothing less",
)
# scare quotes: one or two words, checked for presence only
SCARE_QUOTES: tuple[str, ...] = ("unwavering support", "historic", "a breakthrough", "deep concern", "unacceptable",
                                 "constructive")

# --- names -------------------------------------------------------------------------------------

# people of the name kind: made-up names (no place or body of the gazetteer among their words)
NAMED_PEOPLE: tuple[str, ...] = (
    "Sara Hill", "Tom Green", "Maria Costa", "Olena Petrenko", "Kenji Sato", "David Okafor", "Priya Nair",
    "Lukas Weber", "Ines Moreau", "Joao Ferreira",
)
# titles written capitalised before a name, and roles written in lower case before one
NAME_TITLES: tuple[str, ...] = (
    "Mayor", "President", "Prime Minister", "Chancellor", "Governor", "Finance Minister", "Dr", "Senator",
)
NAME_ROLES: tuple[str, ...] = ("chief executive", "coach", "striker", "spokesperson", "finance minister", "goalkeeper")


@dataclass(frozen=True)
class NamedOrganisation:
    name: str                    # the canonical name a parser returns
    written: tuple[str, ...]     # as written in running text


NAMED_ORGANISATIONS: tuple[NamedOrganisation, ...] = (
    NamedOrganisation("Acme Ltd", ("Acme Ltd",)),
    NamedOrganisation("Northwind Foundation", ("the Northwind Foundation",)),
    NamedOrganisation("Green Party", ("the Green Party",)),
    NamedOrganisation("Ministry of Defence", ("the Ministry of Defence",)),
    NamedOrganisation("Harbourside Rovers FC", ("Harbourside Rovers FC",)),
    NamedOrganisation("IMF", ("the IMF", "the International Monetary Fund")),
    NamedOrganisation("NATO", ("NATO",)),
)
