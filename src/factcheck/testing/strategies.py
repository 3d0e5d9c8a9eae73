"""Hypothesis strategies for factcheck's claims: values, sentences that state them, whole models.

    from hypothesis import given
    from factcheck.testing.strategies import rendered

    @given(rendered("amount"))
    def test_my_parser(example):
        assert my_parser(example.text) == example.value

- `amounts()`, `terms()`, `dates()`, `counts()`, `signatories()`, `locations()`, `quotes()`, `names()`: normalised
  values (the pydantic value models of `factcheck.models`). Their keyword-only parameters
  take a value or a strategy: `amounts(currencies=["USD", "EUR"], min_value=1e6)`,
  `amounts(currencies=st.sampled_from(["JPY"]))`.
- `rendered(kind=None)`: a realistic English sentence stating one claim of `kind`, with
  `.text`, `.kind` and `.value`; `.value` is exactly what a correct parser returns for it
  (and what `factcheck.extract_claims(text)` finds for that kind).
- `claims()` and `fact_sheets()`: whole `Claim` and `FactSheet` models.

Installing factcheck registers these with `st.from_type` (the `hypothesis` entry point
runs `_hypothesis_setup_hook` when Hypothesis is imported). Needs the `testing` extra:
`pip install "factcheck[testing]"`. docs/testing.md has a worked example.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register factcheck's models with `st.from_type`; Hypothesis calls this on import.

    Defined before this module imports Hypothesis: when importing this module is what
    imports Hypothesis, Hypothesis calls the hook while the module is still loading, so the
    strategies are looked up only when `from_type` first asks for them.
    """
    from hypothesis import strategies as st

    from .. import models

    registrations = {
        models.AmountValue: "amounts",
        models.TermValue: "terms",
        models.DateValue: "dates",
        models.CountValue: "counts",
        models.SignatoryValue: "signatories",
        models.LocationValue: "locations",
        models.QuoteValue: "quotes",
        models.NameValue: "names",
        models.Party: "parties",
        models.Claim: "claims",
        models.FactSheet: "fact_sheets",
    }
    for model, name in registrations.items():
        st.register_type_strategy(model, st.deferred(lambda name=name: globals()[name]()))


import datetime as dt  # noqa: E402  (after the hook, see its docstring)
import functools  # noqa: E402
import math  # noqa: E402
from collections.abc import Iterable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from decimal import Decimal  # noqa: E402
from typing import Any, TypeVar  # noqa: E402

from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import InvalidArgument  # noqa: E402

from ..models import (  # noqa: E402
    KINDS, AmountValue, Claim, CountValue, DateValue, FactSheet, LocationValue, NameValue, Party, Qualifier,
    QuoteValue, Sentence, SignatoryValue, Span, Speaker, TermValue, Value,
)
from . import _forms as forms  # noqa: E402
from ._render import (  # noqa: E402
    Core, amount_phrases, count_phrases, country_party, date_phrases, framed, iso_duration, location_phrases,
    name_phrases, place_of, quote_cores, signatory_cores, term_phrases,
)

__all__ = [
    "Rendered", "amounts", "terms", "dates", "counts", "signatories", "locations", "quotes", "names", "parties",
    "rendered", "claims", "fact_sheets",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Rendered:
    """A sentence stating one claim, and the answer.

    `text` is the sentence (with any markdown and punctuation around it); `value` is the
    normalised value a correct parser returns for its claim of `kind`; `phrase` is the
    claim's words as rendered and `start` their offset in `text` (a parser may draw the
    claim's span a little differently, e.g. without a leading capital's word).
    """

    text: str
    kind: str
    value: Value
    phrase: str
    start: int


def _strategy(argument: T | Iterable[T] | st.SearchStrategy[T], name: str) -> st.SearchStrategy[T]:
    """A parameter given as a strategy, a collection to choose from, or one value."""
    if isinstance(argument, st.SearchStrategy):
        return argument
    if isinstance(argument, (list, tuple, set, frozenset)):
        if not argument:
            raise InvalidArgument(f"{name} must not be empty")
        return st.sampled_from(sorted(argument, key=str))
    return st.just(argument)  # type: ignore[arg-type]


def _qualifiers(argument: Any, default: Iterable[Qualifier]) -> st.SearchStrategy[Qualifier]:
    if argument is None:
        return st.sampled_from(list(default))
    return _strategy(argument, "qualifiers").map(Qualifier)


# --- values ------------------------------------------------------------------------------------


@functools.cache
def _current_currencies() -> tuple[str, ...]:
    from ..currencies import registry

    return tuple(sorted(code for code, currency in registry().currencies.items() if currency.current))


def _decimal_between(draw: st.DrawFn, low: float, high: float) -> tuple[Decimal, Decimal]:
    """A number between `low` and `high` as news writes one (up to four significant digits),
    and the place value of its last digit: (4.5e9, 1e8)."""
    low_d, high_d = Decimal(str(low)), Decimal(str(high))
    if low_d < 0 or high_d < low_d:
        raise InvalidArgument(f"need 0 <= min_value <= max_value, got {low} and {high}")
    feasible = []
    for exponent in range(-2, 16):
        unit = Decimal(1).scaleb(exponent)
        smallest = max(1, math.ceil(low_d / unit))
        largest = min(9999, math.floor(high_d / unit))
        if smallest <= largest:
            feasible.append((unit, smallest, largest))
    if not feasible:
        raise InvalidArgument(f"no amount of at most four significant digits lies between {low} and {high}")
    unit, smallest, largest = draw(st.sampled_from(feasible))
    return draw(st.integers(smallest, largest)) * unit, unit


_ALL_QUALIFIERS = tuple(Qualifier)


@st.composite
def amounts(
    draw: st.DrawFn,
    *,
    currencies: Any = None,
    min_value: Any = 0.01,
    max_value: Any = 1e15,
    qualifiers: Any = None,
) -> AmountValue:
    """Sums of money: `AmountValue(amount=4.5e9, currency="USD", qualifier="exact", resolution=1e8)`.

    `currencies`: ISO 4217 codes (default: every current one); `min_value`, `max_value`:
    bounds of the amount (and of both ends of a range); `qualifiers`: which `Qualifier`s.
    """
    currency = draw(_strategy(currencies, "currencies") if currencies is not None
                    else st.sampled_from(_current_currencies()))
    low, high = draw(_strategy(min_value, "min_value")), draw(_strategy(max_value, "max_value"))
    qualifier = draw(_qualifiers(qualifiers, _ALL_QUALIFIERS))
    amount, resolution = _decimal_between(draw, low, high)
    if qualifier == Qualifier.RANGE:
        other, other_resolution = _decimal_between(draw, low, high)
        if other == amount:
            qualifier = Qualifier.EXACT
        else:
            (amount, first), (top, second) = sorted([(amount, resolution), (other, other_resolution)])
            return AmountValue(amount=float(amount), currency=currency, qualifier=qualifier, low=float(amount),
                               high=float(top), resolution=float(max(first, second)))
    bound = float(amount)
    return AmountValue(
        amount=bound, currency=currency, qualifier=qualifier,
        low=bound if qualifier in (Qualifier.GT, Qualifier.GE) else None,
        high=bound if qualifier in (Qualifier.LT, Qualifier.LE) else None,
        resolution=float(resolution),
    )


_TERM_UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
_TERM_QUALIFIERS = (Qualifier.EXACT, Qualifier.APPROX, Qualifier.GT, Qualifier.GE, Qualifier.LT, Qualifier.LE,
                    Qualifier.RANGE)


@st.composite
def terms(
    draw: st.DrawFn,
    *,
    units: Any = None,
    min_value: Any = 1,
    max_value: Any = 120,
    qualifiers: Any = None,
) -> TermValue:
    """Lengths of time: `TermValue(iso="P10Y")`, `TermValue(iso="P2Y", qualifier="range", high_iso="P3Y")`.

    `units`: ISO components among year, month, week, day, hour, minute, second; `min_value`,
    `max_value`: whole numbers of that unit.
    """
    from fractions import Fraction

    unit = draw(_strategy(units, "units") if units is not None else st.sampled_from(_TERM_UNITS))
    if unit not in _TERM_UNITS:
        raise InvalidArgument(f"unknown unit {unit!r} (known: {', '.join(_TERM_UNITS)})")
    low, high = int(draw(_strategy(min_value, "min_value"))), int(draw(_strategy(max_value, "max_value")))
    if not 0 < low <= high:
        raise InvalidArgument(f"need 0 < min_value <= max_value, got {low} and {high}")
    qualifier = draw(_qualifiers(qualifiers, _TERM_QUALIFIERS))
    count = draw(st.integers(low, high))
    iso = iso_duration({unit: Fraction(count)})
    if qualifier == Qualifier.RANGE:
        if count == high:
            return TermValue(iso=iso)
        top = draw(st.integers(count + 1, high))
        return TermValue(iso=iso, qualifier=qualifier, high_iso=iso_duration({unit: Fraction(top)}))
    return TermValue(iso=iso, qualifier=qualifier)


_GRANULARITIES = ("year", "month", "day", "weekday")


@st.composite
def dates(
    draw: st.DrawFn,
    *,
    granularities: Any = None,
    min_year: Any = 1900,
    max_year: Any = 2100,
    relative: Any = True,
    yearless: Any = True,
) -> DateValue:
    """Points in time: `DateValue(iso="2024-06-13", granularity="day")`, `DateValue(iso="--06", ...)`,
    `DateValue(weekday="Thursday", granularity="weekday")`, `DateValue(relative="this_year", ...)`.

    `relative`: whether unresolved relative dates (`this year`, `yesterday`) may come;
    `yearless`: whether months and days without a year (`--06`, `--06-13`) may.
    """
    granularity = draw(_strategy(granularities, "granularities") if granularities is not None
                       else st.sampled_from(_GRANULARITIES))
    first, last = int(draw(_strategy(min_year, "min_year"))), int(draw(_strategy(max_year, "max_year")))
    if not 1 <= first <= last <= 9999:
        raise InvalidArgument(f"need 1 <= min_year <= max_year <= 9999, got {first} and {last}")
    allow_relative, allow_yearless = draw(_strategy(relative, "relative")), draw(_strategy(yearless, "yearless"))
    if granularity == "weekday":
        return DateValue(weekday=draw(st.sampled_from(forms.WEEKDAY_NAMES)), granularity="weekday")
    if allow_relative and granularity in ("year", "day") and draw(st.integers(0, 4)) == 0:
        words = ("this_year", "last_year", "next_year") if granularity == "year" else ("today", "yesterday", "tomorrow")
        return DateValue(granularity=granularity, relative=draw(st.sampled_from(words)))
    day = draw(st.dates(dt.date(first, 1, 1), dt.date(last, 12, 31)))
    without_year = allow_yearless and granularity != "year" and draw(st.integers(0, 4)) == 0
    if granularity == "year":
        return DateValue(iso=f"{day.year:04d}", granularity="year")
    if granularity == "month":
        iso = f"--{day.month:02d}" if without_year else f"{day.year:04d}-{day.month:02d}"
        return DateValue(iso=iso, granularity="month")
    if without_year:
        return DateValue(iso=f"--{day.month:02d}-{day.day:02d}", granularity="day")
    weekday = forms.WEEKDAY_NAMES[day.weekday()] if draw(st.booleans()) else None
    return DateValue(iso=day.isoformat(), weekday=weekday, granularity="day")


_COUNT_QUALIFIERS = _TERM_QUALIFIERS


@st.composite
def counts(
    draw: st.DrawFn,
    *,
    min_value: Any = 0,
    max_value: Any = 10**6,
    qualifiers: Any = None,
    nouns: Any = None,
) -> CountValue:
    """How many of something: `CountValue(count=12, qualifier="gt", low=12, noun="deals")`.

    `nouns`: what is counted (plural nouns; None for a bare number), default a news noun or None.
    """
    low, high = int(draw(_strategy(min_value, "min_value"))), int(draw(_strategy(max_value, "max_value")))
    if not 0 <= low <= high:
        raise InvalidArgument(f"need 0 <= min_value <= max_value, got {low} and {high}")
    qualifier = draw(_qualifiers(qualifiers, _COUNT_QUALIFIERS))
    noun = draw(_strategy(nouns, "nouns") if nouns is not None
                else st.one_of(st.none(), st.sampled_from(forms.COUNT_NOUNS)))
    count = draw(st.integers(low, high))
    if qualifier == Qualifier.RANGE and count < high:
        top = draw(st.integers(count + 1, high))
        return CountValue(count=count, qualifier=qualifier, low=count, high=top, noun=noun)
    if qualifier == Qualifier.RANGE:
        qualifier = Qualifier.EXACT
    return CountValue(
        count=count, qualifier=qualifier, noun=noun,
        low=count if qualifier in (Qualifier.GT, Qualifier.GE) else None,
        high=count if qualifier in (Qualifier.LT, Qualifier.LE) else None,
    )


@functools.cache
def _country_codes() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(country.alpha_2 for country in pycountry.countries))


@st.composite
def parties(draw: st.DrawFn, *, countries: Any = None, people: Any = True, organisations: Any = True) -> Party:
    """One party to an agreement: a country (ISO 3166 alpha-2 and its English name), a person, an organisation."""
    kinds = ["country", "country", "country"]
    if draw(_strategy(people, "people")):
        kinds.append("person")
    if draw(_strategy(organisations, "organisations")):
        kinds.append("organisation")
    kind = draw(st.sampled_from(kinds))
    if kind == "person":
        person = draw(st.sampled_from(forms.PEOPLE))
        return Party(name=person.name, type="person", country=person.country)
    if kind == "organisation":
        return Party(name=draw(st.sampled_from(forms.ORGANISATIONS)).name, type="organisation")
    code = draw(_strategy(countries, "countries") if countries is not None else st.sampled_from(_country_codes()))
    return country_party(code)


@st.composite
def signatories(
    draw: st.DrawFn,
    *,
    countries: Any = None,
    people: Any = True,
    organisations: Any = True,
    min_parties: int = 1,
    max_parties: int = 3,
) -> SignatoryValue:
    """Who signed: `SignatoryValue(parties=[Party("Ukraine", "country", "UA"), Party("Japan", ...)])`,
    the parties distinct. `countries`: ISO alpha-2 codes to draw countries from."""
    if not 1 <= min_parties <= max_parties:
        raise InvalidArgument(f"need 1 <= min_parties <= max_parties, got {min_parties} and {max_parties}")
    party = parties(countries=countries, people=people, organisations=organisations)
    found = draw(st.lists(party, min_size=min_parties, max_size=max_parties, unique_by=lambda p: (p.type, p.name)))
    return SignatoryValue(parties=found)


@functools.cache
def _place_pool() -> tuple[LocationValue, ...]:
    from ..extractors.location import location_value
    from ..gazetteer import get_place

    pool = {value.place_id: value for value in map(place_of, forms.PLACES)}
    for code in _country_codes():
        try:
            value = location_value(get_place(f"country:{code}"))
        except KeyError:
            continue
        pool[value.place_id] = value
    return tuple(pool[place_id] for place_id in sorted(pool, key=str))


@st.composite
def locations(draw: st.DrawFn, *, countries: Any = None, levels: Any = None) -> LocationValue:
    """Places: `LocationValue(name="Puglia", country="IT", within=["Italy", "Europe"], place_id="region:IT-75")`.

    `countries`: ISO alpha-2 codes the place must lie in; `levels`: among continent, country,
    region, city. Drawn from the gazetteer: every country, and news places in and below them.
    """
    pool = list(_place_pool())
    if countries is not None:
        wanted = draw(st.lists(_strategy(countries, "countries"), min_size=1, max_size=3))
        pool = [value for value in pool if value.country in wanted]
    if levels is not None:
        wanted_levels = draw(st.lists(_strategy(levels, "levels"), min_size=1, max_size=4))
        pool = [value for value in pool if (value.place_id or "").split(":")[0] in wanted_levels]
    if not pool:
        raise InvalidArgument("no place of the gazetteer fits these countries and levels")
    return draw(st.sampled_from(pool))


@st.composite
def quotes(draw: st.DrawFn, *, speakers: Any = True, scare_quotes: Any = True) -> QuoteValue:
    """Quoted words and who said them: `QuoteValue(text="the work is far from over",
    speaker=Speaker(name="Volodymyr Zelensky", type="person"))`; a scare quote (one or two words,
    `scare_quotes=True`) has no speaker. `speakers=False`: no quote has a speaker."""
    pool = [*forms.QUOTES, *(forms.SCARE_QUOTES if draw(_strategy(scare_quotes, "scare_quotes")) else ())]
    text = draw(st.sampled_from(pool))
    if text in forms.SCARE_QUOTES or not draw(_strategy(speakers, "speakers")) or draw(st.integers(0, 3)) == 0:
        return QuoteValue(text=text, speaker=None)
    return QuoteValue(text=text, speaker=Speaker(name=draw(st.sampled_from(forms.PEOPLE)).name, type="person"))


@st.composite
def names(draw: st.DrawFn, *, types: Any = None, titles: Any = True, ages: Any = True) -> NameValue:
    """People and organisations: `NameValue(name="Sara Hill", type="person", title="Mayor", age=55)`,
    `NameValue(name="IMF", type="organisation")`.

    `types`: among person and organisation; `titles`, `ages`: whether a person may have a title or an age.
    """
    kind = draw(_strategy(types, "types") if types is not None else st.sampled_from(["person", "organisation"]))
    if kind not in ("person", "organisation"):
        raise InvalidArgument(f"unknown name type {kind!r} (known: person, organisation)")
    if kind == "organisation":
        return NameValue(name=draw(st.sampled_from(forms.NAMED_ORGANISATIONS)).name, type="organisation")
    title = None
    if draw(_strategy(titles, "titles")) and draw(st.booleans()):
        title = draw(st.sampled_from(forms.NAME_TITLES + forms.NAME_ROLES))
    age = draw(st.integers(18, 99)) if draw(_strategy(ages, "ages")) and draw(st.booleans()) else None
    return NameValue(name=draw(st.sampled_from(forms.NAMED_PEOPLE)), type="person", title=title, age=age)


# --- rendered sentences ------------------------------------------------------------------------

# sentences that may stand around the one with the claim: no claim of any kind in them
_CONTEXT = ("Talks continued behind closed doors.", "The news was welcomed on all sides.",
            "Critics were not convinced.")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def _sentence(draw: st.DrawFn, core: Core, kind: str) -> Rendered:
    """`core` as a finished sentence: capitalised, punctuated, maybe in markdown or quotes, maybe with company."""
    prefix, lead, claim, tail, suffix = core.prefix, core.lead, core.claim, core.tail, core.suffix
    if prefix:
        prefix = _capitalised(prefix)
    elif lead:
        lead = _capitalised(lead)
    else:
        claim = _capitalised(claim)
    bold = draw(st.sampled_from(["", "", "", "**", "*"]))
    head = prefix + bold + lead
    body = head + claim + tail + bold + suffix
    end = draw(st.sampled_from([".", ".", ".", "!", ""]))
    wrappers = ["plain", "plain", "plain", "quoted", "parenthesised", "list", "numbered", "heading", "blockquote"]
    if kind == "quote":
        wrappers.remove("quoted")    # a quote inside another is part of it, no claim of its own
    wrapper = draw(st.sampled_from(wrappers))
    if wrapper == "quoted":
        opening, closing = draw(st.sampled_from([('"', '," an official said.'), ("'", ".'")]))
        text_before, text_after = opening, closing
    elif wrapper == "parenthesised":
        text_before, text_after = "(", end + ")"
    elif wrapper in ("list", "numbered", "blockquote"):
        text_before = {"list": draw(st.sampled_from(["- ", "* "])), "numbered": "1. ", "blockquote": "> "}[wrapper]
        text_after = end
    elif wrapper == "heading":
        text_before, text_after = draw(st.sampled_from(["# ", "## ", "### "])), ""
    else:
        text_before, text_after = "", end
    if wrapper != "heading" and draw(st.integers(0, 3)) == 0:
        text_before = draw(st.sampled_from(_CONTEXT)) + draw(st.sampled_from([" ", "\n\n"])) + text_before
    if wrapper != "heading" and draw(st.integers(0, 3)) == 0:
        if not text_after:
            text_after = "."      # a sentence that runs on into the next is no sentence of its own
        text_after += draw(st.sampled_from([" ", "\n\n"])) + draw(st.sampled_from(_CONTEXT))
    text = text_before + body + text_after
    return Rendered(text=text, kind=kind, value=core.value, phrase=claim, start=len(text_before) + len(head))


def _cores(kind: str) -> st.SearchStrategy[Core]:
    if kind == "signatory":
        return signatory_cores()
    if kind == "quote":
        return quote_cores()
    phrases = {
        "amount": amount_phrases, "term": term_phrases, "date": date_phrases, "count": count_phrases,
        "location": location_phrases, "name": name_phrases,
    }[kind]
    return phrases().flatmap(framed)


def rendered(kind: str | None = None) -> st.SearchStrategy[Rendered]:
    """Sentences that state one claim of `kind` (any kind when None), with the value a correct parser returns.

    Styles vary with the kind: currency symbols, codes and names; numbers in digits and in
    words; scale words and abbreviations; qualifiers before and after; ranges; hyphenated
    adjectives (`a $4.5-billion package`, `a 10-year pact`); dates in many formats; the claim
    at the start, middle or end of the sentence; quotes, parentheses, markdown emphasis,
    list items, headings and neighbouring sentences; for quotes, every quotation mark and the
    speaker before, after or as a pronoun.
    """
    if kind is None:
        return st.sampled_from(KINDS).flatmap(rendered)
    if kind not in KINDS:
        raise InvalidArgument(f"unknown claim kind {kind!r} (known: {', '.join(KINDS)})")
    return _cores(kind).flatmap(lambda core: _sentence(core, kind))


# --- whole models ------------------------------------------------------------------------------


def _claim_of(example: Rendered, offset: int = 0) -> Claim:
    start = offset + example.start
    sentence = Sentence(text=example.text, span=Span(start=offset, end=offset + len(example.text)))
    return Claim(kind=example.kind, text=example.phrase, span=Span(start=start, end=start + len(example.phrase)),
                 value=example.value, sentence=sentence)


def claims(kind: str | None = None) -> st.SearchStrategy[Claim]:
    """Claims as an extractor records them: kind, words, span and sentence of a rendered sentence, and its value."""
    return rendered(kind).map(_claim_of)


@st.composite
def fact_sheets(draw: st.DrawFn, *, kinds: Any = None, min_facts: int = 0, max_facts: int = 6) -> FactSheet:
    """Fact sheets of an article made of rendered sentences: each fact's span and sentence index the
    article, and each carries the roles its sentence gives it (as `extract_facts` and `load_facts` read them)."""
    from ..roles import with_roles

    kind = _strategy(kinds, "kinds") if kinds is not None else st.sampled_from(KINDS)
    examples = draw(st.lists(kind.flatmap(rendered), min_size=min_facts, max_size=max_facts))
    facts, offset = [], 0
    for example in examples:
        facts.append(with_roles(_claim_of(example, offset)))
        offset += len(example.text) + 2    # sentences stand a blank line apart
    published = draw(st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
    anchor = published.year if published is not None else draw(st.one_of(st.none(), st.integers(1990, 2030)))
    source = draw(st.one_of(st.none(), st.sampled_from(["articles/summit.md", "source.txt"])))
    return FactSheet(source=source, published=published, anchor_year=anchor, facts=facts)
