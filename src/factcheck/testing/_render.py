"""Sentences that state one claim, each built together with the value it states.

A renderer draws a value's parts (a currency, a numeral, a qualifier...), writes them in one
of many news styles and computes the value from the parts it drew: the sentence and its
answer come from the same choices, never from parsing the sentence back. The sentence
frames around the claim (`_FRAMES`) and the decorations (`decorate`) hold no other claim of
the same kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from ..models import (
    AmountValue, CountValue, DateValue, LocationValue, NameValue, Party, Qualifier, QuoteValue, SignatoryValue,
    Speaker, TermValue, Value,
)
from . import _forms as forms
from ._numerals import (
    SCALE_ABBREVIATIONS, SCALE_WORDS, Numeral, digit_numerals, grouped, word_numerals, words_of,
)


@dataclass(frozen=True)
class Core:
    """A sentence without its final punctuation: prefix + lead + claim + tail + suffix.

    `lead` and `tail` are words of the slot outside the claim ("on" before a date, the noun a
    count counts); `claim` is the claim's own words.
    """

    prefix: str
    lead: str
    claim: str
    tail: str
    suffix: str
    value: Value


@dataclass(frozen=True)
class Phrase:
    """A claim in its slot, before a frame places it in a sentence."""

    claim: str
    value: Value
    role: str            # which frames fit it: "money", "adjective", "length", "date", "count", "place"
    lead: str = ""
    tail: str = ""


# Frames by role: "{}" is the slot. The words around it are neutral: no number, no date,
# no qualifier or preposition that would change how the slot reads, no names.
_FRAMES: dict[str, tuple[str, ...]] = {
    "money": (
        "The government pledged {} to the reconstruction fund",
        "{} was set aside for reconstruction",
        "The reconstruction fund has received {}",
        "The package, worth {}, was approved by parliament",
        "Officials said the plan would cost {} in all",
        "The bank agreed to lend {} to the utility",
    ),
    "adjective": (
        "The government approved {} aid package",
        "{} loan was approved by parliament",
        "Officials announced {} reconstruction programme for the region",
    ),
    "length": (
        "The agreement runs for {}",
        "{} have passed since the pact took effect",
        "The programme will last {}, officials said",
        "Negotiators spent {} on the text",
    ),
    "length_adjective": (
        "The two sides agreed {} security pact",
        "{} programme of support was approved",
        "It is {} commitment, officials said",
    ),
    "date": (
        "The agreement was signed {}",
        "{}, the two sides met again",
        "Talks resumed {} at the ministry",
        "The ministry said {} that the talks had ended",
    ),
    "count": (
        "{} took part in the talks",
        "The ministry said {} were ready",
        "The plan covers {}",
        "Officials counted {} at the site",
    ),
    # a name opening its sentence, with room for an age after it ("Sara Hill, 55, said ...")
    "name_subject": (
        "{} said the plan was sound",
        "{} declined to comment",
        "{} welcomed the plan",
    ),
    # a name inside its sentence: a role in lower case stays in lower case
    "name_object": (
        "The plan was praised by {}",
        "Reporters questioned {} about the plan",
        "The report was sent to {} on request",
    ),
    "place": (
        "The leaders met {}",
        "{}, the two leaders met again",
        "The summit was held {} under tight security",
        "Talks took place {}",
    ),
}


def _article(phrase: str) -> str:
    """'a' or 'an' before `phrase`, by its sound: 'an 8-year', 'an eleven-month', 'a $4.5-billion'."""
    word = phrase.lstrip("$€£¥₹₴").split("-")[0].split(" ")[0].lower()
    digits = re.match(r"\d+", word)
    if digits:
        # eight, eighty, eight hundred; eleven, eighteen (and their thousands)
        whole = digits.group(0)
        return "an" if whole.startswith("8") or whole[:2] in ("11", "18") and len(whole) % 3 == 2 else "a"
    if word.startswith(("one", "eu", "uni")):
        return "a"                      # "a one-year pact": by sound, not by letter
    return "an" if word[:1] in ("a", "e", "i", "o") or word.startswith("hour") else "a"


@st.composite
def framed(draw: st.DrawFn, phrase: Phrase) -> Core:
    """`phrase` in one of the frames of its role; adjectives take their article into the slot."""
    frame = draw(st.sampled_from(_FRAMES[phrase.role]))
    prefix, _, suffix = frame.partition("{}")
    lead = phrase.lead
    if phrase.role in ("adjective", "length_adjective"):
        lead = _article(lead + phrase.claim) + " " + lead
    return Core(prefix, lead, phrase.claim, phrase.tail, suffix, phrase.value)


# --- amounts ---------------------------------------------------------------------------------


def _bounds(qualifier: Qualifier, value: float) -> tuple[float | None, float | None]:
    if qualifier in (Qualifier.GT, Qualifier.GE):
        return value, None
    if qualifier in (Qualifier.LT, Qualifier.LE):
        return None, value
    return None, None


@st.composite
def _scaled_digits(draw: st.DrawFn, *, abbreviations: bool, scaled: bool | None = None) -> Numeral:
    """Digits with a scale word or abbreviation ('4.5 billion', '4.5bn', '300m'), or a plain sum ('1,200,000')."""
    if scaled is False:
        style = "none"
    else:
        styles = ["word", "word", "abbreviation"] if abbreviations else ["word"]
        style = draw(st.sampled_from(styles if scaled else [*styles, "none"]))
    if style == "none":
        places = draw(st.sampled_from([0, 0, 2]))
        return draw(digit_numerals(min_whole=1, max_whole=999_999_999_999, max_places=places))
    numeral = draw(digit_numerals(min_whole=0, max_whole=999, max_places=2, group=False))
    scale_word = draw(st.sampled_from(sorted(SCALE_WORDS)))
    scale = SCALE_WORDS[scale_word]
    if style == "word":
        return numeral.with_scale(scale_word, scale)
    abbreviation = draw(st.sampled_from(SCALE_ABBREVIATIONS[scale]))
    return numeral.with_scale(abbreviation, scale, draw(st.sampled_from(["", "", " "])))


def _grouped_after_code(before: str, numeral: Numeral) -> Numeral:
    """A code before a bare year-like number reads as a name ("Euro 2024", "EUR 2025 outlook"):
    a sum there is written grouped ("EUR 2,024")."""
    if _is_code(before) and not numeral.scale_text and re.fullmatch(r"1[89]\d\d|20\d\d|2100", numeral.mantissa_text):
        return replace(numeral, mantissa_text=grouped(int(numeral.mantissa)))
    return numeral


def _is_code(form: str) -> bool:
    word = form.strip()
    return len(word) == 3 and word.isupper() and word.isalpha()


@st.composite
def _single_amount(draw: st.DrawFn, code: str) -> tuple[str, Numeral, str]:
    """A sum with its currency: '$4.5bn', 'USD 4.5 billion', '4.5 billion euros', 'four million dollars'."""
    currency = forms.CURRENCIES[code]
    if code == "EUR" and draw(st.integers(0, 5)) == 0:
        return draw(_continental_euros())
    styles = ["before", "before", "after_digits"] + (["after_words"] if _names(currency) else [])
    style = draw(st.sampled_from(styles))
    if style == "before":
        before = draw(st.sampled_from(currency.before))
        return before, _grouped_after_code(before, draw(_scaled_digits(abbreviations=True))), ""
    if style == "after_digits":
        after = draw(st.sampled_from(currency.after or (f" {code}",)))
        return "", draw(_scaled_digits(abbreviations=False)), after
    numeral = draw(word_numerals(max_value=999))
    scale_word = draw(st.sampled_from(["", *sorted(SCALE_WORDS)]))
    if draw(st.integers(0, 5)) == 0:
        numeral = Numeral("a", Decimal(1), Decimal(1), in_words=True)       # "a billion dollars"
    if numeral.mantissa_text in ("half a", "a") and not scale_word:
        scale_word = "billion"
    if scale_word:
        numeral = numeral.with_scale(scale_word, SCALE_WORDS[scale_word])
    return "", numeral, draw(st.sampled_from(_names(currency)))


@st.composite
def _continental_euros(draw: st.DrawFn) -> tuple[str, Numeral, str]:
    """Euros as much of Europe writes them, full stops grouping and a decimal comma: '1.234,56 €', '€12.345,5'."""
    whole = draw(st.integers(1_000, 999_999_999))
    places = draw(st.integers(1, 2))
    fraction = draw(st.integers(0, 10 ** places - 1))
    written = f"{grouped(whole, '.')},{fraction:0{places}d}"
    mantissa = Decimal(f"{whole}.{fraction:0{places}d}")
    numeral = Numeral(written, mantissa, Decimal(1).scaleb(-places))
    return ("€", numeral, "") if draw(st.booleans()) else ("", numeral, " €")


def _names(currency: forms.CurrencyForms) -> tuple[str, ...]:
    return tuple(form for form in currency.after if not _is_code(form))


@st.composite
def amount_phrases(draw: st.DrawFn, currencies: st.SearchStrategy[str] | None = None) -> Phrase:
    code = draw(currencies if currencies is not None else st.sampled_from(sorted(forms.CURRENCIES)))
    kind = draw(st.sampled_from(["single", "single", "single", "range", "adjective"]))
    if kind == "range":
        return draw(_amount_range(code))
    if kind == "adjective":
        return draw(_amount_adjective(code))
    before, numeral, after = draw(_single_amount(code))
    qualifier = draw(st.sampled_from([Qualifier.EXACT, Qualifier.EXACT, *forms.QUALIFIERS_BEFORE]))
    text = f"{before}{numeral.text}{after}"
    if qualifier == Qualifier.GT and before and numeral.scale_text and draw(st.integers(0, 3)) == 0:
        text = f"{text}-plus"                                              # "a $1bn-plus deal"
    elif qualifier != Qualifier.EXACT:
        if qualifier in forms.QUALIFIERS_AFTER and draw(st.booleans()):
            text = f"{text} {draw(st.sampled_from(forms.QUALIFIERS_AFTER[qualifier]))}"
        else:
            text = f"{draw(st.sampled_from(forms.QUALIFIERS_BEFORE[qualifier]))} {text}"
    amount = float(numeral.value)
    low, high = _bounds(qualifier, amount)
    value = AmountValue(amount=amount, currency=code, qualifier=qualifier, low=low, high=high,
                        resolution=float(numeral.resolution))
    return Phrase(text, value, "money")


@st.composite
def _amount_adjective(draw: st.DrawFn, code: str) -> Phrase:
    """'a $4.5-billion aid package', 'a 10-million-dollar loan'."""
    currency = forms.CURRENCIES[code]
    symbols = [form for form in currency.before if not form.endswith(" ")]
    numeral = draw(digit_numerals(min_whole=0, max_whole=999, max_places=1, group=False))
    scale_word = draw(st.sampled_from(sorted(SCALE_WORDS)))
    numeral = numeral.with_scale(scale_word, SCALE_WORDS[scale_word], "-")
    if currency.adjective and (not symbols or draw(st.booleans())):
        if draw(st.booleans()):
            words = draw(word_numerals(max_value=99, fractions=False))
            numeral = words.with_scale(scale_word, SCALE_WORDS[scale_word], "-")
        text = f"{numeral.text}-{currency.adjective}"
    elif symbols:
        text = f"{draw(st.sampled_from(symbols))}{numeral.text}"
    else:
        return draw(amount_phrases(st.just(code)))
    value = AmountValue(amount=float(numeral.value), currency=code, resolution=float(numeral.resolution))
    return Phrase(text, value, "adjective")


@st.composite
def _amount_range(draw: st.DrawFn, code: str) -> Phrase:
    """'$3-4 billion', '$3bn-$4bn', 'between $3 billion and $4 billion', '3 to 4 billion euros'."""
    currency = forms.CURRENCIES[code]
    style = draw(st.sampled_from(["shared_scale", "both", "both", "name_after"] if _names(currency)
                                 else ["shared_scale", "both", "both"]))
    if style == "both":
        # "$3 to $4 billion" shares the scale: each end has its own, or neither has one
        before = draw(st.sampled_from(currency.before))
        scaled = draw(st.booleans())
        low = _grouped_after_code(before, draw(_scaled_digits(abbreviations=True, scaled=scaled)))
        high = _grouped_after_code(before, draw(_scaled_digits(abbreviations=True, scaled=scaled)))
        low_value, high_value = low.value, high.value
        if not low_value < high_value:
            low, high = high, low
            low_value, high_value = high_value, low_value
        resolution = max(low.resolution, high.resolution)
        opener, connector = draw(st.sampled_from([("", "-"), ("", " to "), ("between ", " and "), ("from ", " to ")]))
        text = f"{opener}{before}{low.text}{connector}{before}{high.text}"
    else:
        ends = [draw(digit_numerals(min_whole=1, max_whole=999, max_places=2, group=False)) for _ in range(2)]
        ends.sort(key=lambda numeral: numeral.mantissa)
        numbers = [numeral.mantissa_text for numeral in ends]
        scale_word = draw(st.sampled_from(sorted(SCALE_WORDS)))
        scale = SCALE_WORDS[scale_word]
        low_value, high_value = ends[0].mantissa * scale, ends[1].mantissa * scale
        resolution = max(ends[0].places, ends[1].places) * scale
        if style == "shared_scale":
            before = draw(st.sampled_from(currency.before))
            written_scale = draw(st.sampled_from([" " + scale_word, *SCALE_ABBREVIATIONS[scale]]))
            connector = draw(st.sampled_from(["-", " - ", "-", " to "]))
            # the symbol may be written again before the upper end: "$3 to $4 billion"
            again = before if connector == " to " and draw(st.booleans()) else ""
            text = f"{before}{numbers[0]}{connector}{again}{numbers[1]}{written_scale}"
        else:
            after = draw(st.sampled_from(_names(currency)))
            opener, connector = draw(st.sampled_from([("", " to "), ("", "-"), ("between ", " and ")]))
            text = f"{opener}{numbers[0]}{connector}{numbers[1]} {scale_word}{after}"
    if low_value == high_value:
        return draw(amount_phrases(st.just(code)))
    value = AmountValue(amount=float(low_value), currency=code, qualifier=Qualifier.RANGE, low=float(low_value),
                        high=float(high_value), resolution=float(resolution))
    return Phrase(text, value, "money")


# --- terms -------------------------------------------------------------------------------------

_COMPONENT_LETTERS = (("year", "Y"), ("month", "M"), ("week", "W"), ("day", "D"))
_TIME_LETTERS = (("hour", "H"), ("minute", "M"), ("second", "S"))
# where half of a component goes: half a year is six months; half a month stays half a month
_HALF_OF = {"year": ("month", 6), "week": ("day", Fraction(7, 2)), "day": ("hour", 12), "hour": ("minute", 30),
            "minute": ("second", 30)}


def iso_duration(parts: dict[str, Fraction]) -> str:
    """ISO 8601 duration of whole (or, for months, half) components; weeks beside others are days."""
    parts = {name: amount for name, amount in parts.items() if amount}
    # a half week is three and a half days: the half day goes on to hours
    if "day" in parts and parts["day"].denominator == 2:
        parts["day"] -= Fraction(1, 2)
        parts["hour"] = parts.get("hour", Fraction(0)) + 12
    if "week" in parts and len(parts) > 1:
        parts["day"] = parts.get("day", Fraction(0)) + parts.pop("week") * 7

    def number(amount: Fraction) -> str:
        return str(amount.numerator) if amount.denominator == 1 else str(float(amount))

    date = "".join(number(parts[name]) + letter for name, letter in _COMPONENT_LETTERS if parts.get(name))
    time = "".join(number(parts[name]) + letter for name, letter in _TIME_LETTERS if parts.get(name))
    return "P" + date + ("T" + time if time else "")


def _components(count: Fraction, unit: forms.Unit) -> dict[str, Fraction]:
    total = count * unit.factor
    whole = Fraction(int(total))
    if whole == total or unit.component not in _HALF_OF:
        return {unit.component: total}
    smaller, half = _HALF_OF[unit.component]
    return {unit.component: whole, smaller: Fraction(half)}


def _unit_words(count: Fraction, unit: forms.Unit) -> str:
    return unit.singular if count == 1 else unit.plural


@st.composite
def _term_number(draw: st.DrawFn, unit: forms.Unit, *, words: bool | None = None) -> tuple[str, Fraction]:
    """A whole number of `unit` in digits or words ('ten', '120'), never 1 for a day or a night ('one day' is
    'some day')."""
    low = 2 if unit.component == "day" else 1
    count = draw(st.integers(low, 120 if unit.factor == 1 else 9))
    in_words = draw(st.booleans()) if words is None else words
    return (words_of(count) if in_words and count < 100 else str(count)), Fraction(count)


@st.composite
def term_phrases(draw: st.DrawFn, units: st.SearchStrategy[forms.Unit] | None = None) -> Phrase:
    unit = draw(units if units is not None else st.sampled_from(forms.UNITS))
    style = draw(st.sampled_from(["number", "number", "article", "adjective", "long", "next", "half", "compound",
                                  "range", "vague", "night", "abbreviation"]))
    qualifiable = True
    if style == "range":
        return draw(_term_range(unit))
    if style == "vague":
        words, low, high = draw(st.sampled_from(forms.VAGUE_COUNTS))
        value = TermValue(iso=iso_duration(_components(Fraction(low), unit)), qualifier=Qualifier.RANGE,
                          high_iso=iso_duration(_components(Fraction(high), unit)))
        return Phrase(f"{words} {unit.plural}", value, "length")
    if style == "night":
        return draw(_nights())
    if style == "abbreviation" and unit.singular in forms.TERM_ABBREVIATIONS:
        return draw(_abbreviated_term(unit))
    if style == "adjective":
        number, count = draw(_term_number(unit))
        value = TermValue(iso=iso_duration(_components(count, unit)))
        return Phrase(f"{number}-{unit.singular}", value, "length_adjective")
    if style == "next" and unit.singular in ("decade", "century"):
        word = draw(st.sampled_from(["next", "past", "last", "coming"]))
        return Phrase(f"the {word} {unit.singular}", TermValue(iso=iso_duration(_components(Fraction(1), unit))),
                      "length")
    if style == "long" and unit.singular in ("year", "month", "week", "day", "decade", "century"):
        value = TermValue(iso=iso_duration(_components(Fraction(1), unit)))
        return Phrase(f"{unit.singular}-long", value, "length_adjective")
    if style == "article" and unit.singular not in ("day",):
        text, count = f"{unit.article} {unit.singular}", Fraction(1)
    elif style == "half":
        text, count = draw(_half_term(unit))
    elif style == "compound":
        text, components = draw(_compound_term())
        return _qualified_term(draw, text, components, qualifiable)
    else:
        number, count = draw(_term_number(unit))
        if draw(st.booleans()) and number.isdigit():
            qualifiable = False
            text = f"{number}+ {_unit_words(count + 1, unit)}"
            value = TermValue(iso=iso_duration(_components(count, unit)), qualifier=Qualifier.GE)
            return Phrase(text, value, "length")
        text = f"{number} {_unit_words(count, unit)}"
    return _qualified_term(draw, text, _components(count, unit), qualifiable)


def _qualified_term(draw: st.DrawFn, text: str, components: dict[str, Fraction], qualifiable: bool) -> Phrase:
    qualifier = draw(st.sampled_from([Qualifier.EXACT, Qualifier.EXACT, *forms.TERM_QUALIFIERS_BEFORE]))
    if qualifier != Qualifier.EXACT and qualifiable:
        if qualifier in forms.TERM_QUALIFIERS_AFTER and draw(st.booleans()):
            text = f"{text} {draw(st.sampled_from(forms.TERM_QUALIFIERS_AFTER[qualifier]))}"
        else:
            text = f"{draw(st.sampled_from(forms.TERM_QUALIFIERS_BEFORE[qualifier]))} {text}"
    else:
        qualifier = Qualifier.EXACT
    return Phrase(text, TermValue(iso=iso_duration(components), qualifier=qualifier), "length")


@st.composite
def _half_term(draw: st.DrawFn, unit: forms.Unit) -> tuple[str, Fraction]:
    """'two and a half years', 'a year and a half', 'half a decade', '2.5 days'."""
    form = draw(st.sampled_from(["and a half", "a unit and a half", "half a", "decimal"]))
    if form == "half a":
        return f"half {unit.article} {unit.singular}", Fraction(1, 2)
    if form == "a unit and a half":
        return f"{unit.article} {unit.singular} and a half", Fraction(3, 2)
    number, count = draw(_term_number(unit, words=form == "and a half"))
    if form == "decimal":
        return f"{count}.5 {unit.plural}", count + Fraction(1, 2)
    return f"{number} and a half {unit.plural}", count + Fraction(1, 2)


@st.composite
def _compound_term(draw: st.DrawFn) -> tuple[str, dict[str, Fraction]]:
    """'2 years and 3 months', 'two weeks and three days', '1 hour and 20 minutes'."""
    big, small, most = draw(st.sampled_from([("year", "month", 11), ("week", "day", 6), ("hour", "minute", 59)]))
    units = {unit.singular: unit for unit in forms.UNITS}
    first, second = draw(st.integers(1, 30)), draw(st.integers(1, most))
    in_words = draw(st.booleans())

    def written(count: int, unit: forms.Unit) -> str:
        number = words_of(count) if in_words else str(count)
        return f"{number} {_unit_words(Fraction(count), unit)}"

    joiner = draw(st.sampled_from([" and ", ", "]))
    text = written(first, units[big]) + joiner + written(second, units[small])
    return text, {big: Fraction(first), small: Fraction(second)}


@st.composite
def _nights(draw: st.DrawFn) -> Phrase:
    """'four nights', '7 nights', 'a 14-night' (cruise): a stay's nights are its days."""
    number, count = draw(_term_number(forms.Unit("night", "nights", "day", 1)))
    value = TermValue(iso=iso_duration({"day": count}))
    if draw(st.booleans()):
        return Phrase(f"{number}-night", value, "length_adjective")
    return _qualified_term(draw, f"{number} nights", {"day": count}, True)


@st.composite
def _abbreviated_term(draw: st.DrawFn, unit: forms.Unit) -> Phrase:
    """'36 hrs', '2Y', '5W', '10d', '90 mins': abbreviations after digits, in any case."""
    abbreviation, attached = draw(st.sampled_from(forms.TERM_ABBREVIATIONS[unit.singular]))
    # from 5: '2D', '3d' and '4D' are dimensions and ordinals, not days
    count = draw(st.integers(5 if unit.singular == "day" else 2, 120))
    text = f"{count}{'' if attached else ' '}{abbreviation}"
    return _qualified_term(draw, text, _components(Fraction(count), unit), True)


@st.composite
def _term_range(draw: st.DrawFn, unit: forms.Unit) -> Phrase:
    """'two to three years', '5-10 years', 'between 10 and 15 years'."""
    low, high = draw(st.lists(st.integers(1, 99), min_size=2, max_size=2, unique=True).map(sorted))
    in_words = draw(st.booleans())
    opener, connector = draw(st.sampled_from([("", " to "), ("", "-"), ("between ", " and "), ("from ", " to ")]))
    if connector == "-":
        in_words = False

    def number(count: int) -> str:
        return words_of(count) if in_words else str(count)

    text = f"{opener}{number(low)}{connector}{number(high)} {unit.plural}"
    value = TermValue(iso=iso_duration(_components(Fraction(low), unit)), qualifier=Qualifier.RANGE,
                      high_iso=iso_duration(_components(Fraction(high), unit)))
    return Phrase(text, value, "length")


# --- dates -------------------------------------------------------------------------------------


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    head = f"{year:04d}" if year is not None else "-"
    if month is None:
        return head
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


@st.composite
def date_phrases(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2100) -> Phrase:
    style = draw(st.sampled_from(["full", "full", "numeric", "yearless", "month_year", "month", "day_range", "year",
                                  "weekday", "relative"]))
    if style in ("full", "numeric", "yearless"):
        day = draw(st.dates(dt.date(max(min_year, 1), 1, 1), dt.date(min(max_year, 9999), 12, 31)))
        return _day_phrase(draw, style, day)
    if style == "month_year":
        year, month = draw(st.integers(min_year, max_year)), draw(st.integers(1, 12))
        name = forms.MONTH_NAMES[month - 1]
        text = draw(st.sampled_from([f"{name} {year}", f"{name} of {year}"]))
        return Phrase(text, DateValue(iso=_iso(year, month), granularity="month"), "date",
                      lead=draw(st.sampled_from(["in ", "since ", "by "])))
    if style == "month":
        month = draw(st.integers(1, 12))
        lead = draw(st.sampled_from(["in ", "since ", "until ", "during ", "in early ", "in mid-", "in late "]))
        return Phrase(forms.MONTH_NAMES[month - 1], DateValue(iso=_iso(None, month), granularity="month"), "date",
                      lead=lead)
    if style == "day_range":
        # "June 13-14, 2024": two days of one month state the month
        first = draw(st.dates(dt.date(max(min_year, 1), 1, 1), dt.date(min(max_year, 9999), 12, 27))
                     .filter(lambda day: day.day < 28))
        last = draw(st.integers(first.day + 1, calendar.monthrange(first.year, first.month)[1]))
        name = forms.MONTH_NAMES[first.month - 1]
        text = draw(st.sampled_from([f"{name} {first.day}-{last}, {first.year}",
                                     f"{first.day}-{last} {name} {first.year}"]))
        return Phrase(text, DateValue(iso=_iso(first.year, first.month), granularity="month"), "date", lead="on ")
    if style == "year":
        year = draw(st.integers(max(min_year, 1800), min(max_year, 2199)))
        return Phrase(str(year), DateValue(iso=str(year), granularity="year"), "date",
                      lead=draw(st.sampled_from(["in ", "since ", "during ", "until "])))
    if style == "weekday":
        weekday = draw(st.sampled_from(forms.WEEKDAY_NAMES))
        modifier = draw(st.sampled_from(["", "", "last ", "next ", "this "]))
        return Phrase(modifier + weekday, DateValue(weekday=weekday, granularity="weekday"), "date",
                      lead="" if modifier else "on ")
    relative = draw(st.sampled_from(["this_year", "last_year", "next_year", "yesterday", "today", "tomorrow"]))
    words = relative.replace("_", " ")
    granularity = "year" if relative.endswith("year") else "day"
    return Phrase(words, DateValue(granularity=granularity, relative=relative), "date")  # type: ignore[arg-type]


def _day_phrase(draw: st.DrawFn, style: str, day: dt.date) -> Phrase:
    month_name = forms.MONTH_NAMES[day.month - 1]
    weekday = None
    lead = draw(st.sampled_from(["on ", "on ", ""]))
    if style == "numeric":
        forms_ok = [f"{day.year:04d}-{day.month:02d}-{day.day:02d}"]
        if day.day > 12 or day.day == day.month:
            forms_ok += [f"{day.day:02d}/{day.month:02d}/{day.year}", f"{day.day}.{day.month:02d}.{day.year}",
                         f"{day.month:02d}/{day.day:02d}/{day.year}"]
        text = draw(st.sampled_from(forms_ok))
        return Phrase(text, DateValue(iso=day.isoformat(), granularity="day"), "date", lead=lead)
    month_written = month_name
    if day.month in forms.MONTH_ABBREVIATIONS and draw(st.integers(0, 3)) == 0:
        month_written = forms.MONTH_ABBREVIATIONS[day.month]
        if month_written != "Sept." and draw(st.booleans()):
            month_written = month_written.rstrip(".")      # "Jun 13, 2024", as datelines write it
    if style == "yearless":
        text = draw(st.sampled_from([f"{month_written} {day.day}", f"{day.day} {month_name}",
                                     f"the {day.day}{_ordinal(day.day)} of {month_name}"]))
        if text.startswith("the "):
            lead, text = lead + "the ", text[4:]
        return Phrase(text, DateValue(iso=_iso(None, day.month, day.day), granularity="day"), "date", lead=lead)
    text = draw(st.sampled_from([f"{month_written} {day.day}, {day.year}", f"{day.day} {month_name} {day.year}",
                                 f"{month_written} {day.day}{_ordinal(day.day)}, {day.year}"]))
    if draw(st.integers(0, 3)) == 0:
        weekday = forms.WEEKDAY_NAMES[day.weekday()]
        text = f"{weekday}, {text}"
    return Phrase(text, DateValue(iso=day.isoformat(), weekday=weekday, granularity="day"), "date", lead=lead)


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# --- counts ------------------------------------------------------------------------------------


@st.composite
def _count_number(draw: st.DrawFn, *, low: int = 2, high: int = 99_999) -> tuple[str, int]:
    """A whole number as counts are written: '15', '1,200', 'fifteen', 'a dozen', 'two dozen'."""
    style = draw(st.sampled_from(["digits", "digits", "words", "dozen"]))
    if style == "dozen" and low <= 12 <= high:
        dozens = draw(st.integers(1, min(8, high // 12)))
        return ("a dozen" if dozens == 1 else f"{words_of(dozens)} dozen"), dozens * 12
    if style == "words":
        count = draw(st.integers(low, min(high, 999)))
        return words_of(count), count
    count = draw(st.integers(low, high))
    if count >= 1000 and (1000 <= count <= 2100 or draw(st.booleans())):
        return grouped(count), count      # "2000 troops" reads as a year; copy groups it
    return str(count), count


@st.composite
def count_phrases(draw: st.DrawFn, nouns: st.SearchStrategy[str] | None = None) -> Phrase:
    noun = draw(nouns if nouns is not None else st.sampled_from(forms.COUNT_NOUNS))
    modifier = draw(st.sampled_from(["", "", "", *(m + " " for m in forms.COUNT_MODIFIERS)]))
    qualifier = draw(st.sampled_from([Qualifier.EXACT, Qualifier.EXACT, Qualifier.RANGE,
                                      *forms.COUNT_QUALIFIERS_BEFORE]))
    tail = f" {modifier}{noun}"
    if qualifier == Qualifier.RANGE:
        low, high = draw(st.lists(st.integers(2, 999), min_size=2, max_size=2, unique=True).map(sorted))
        in_words = high < 100 and draw(st.booleans())     # copy writes larger ends in digits
        opener, connector = draw(st.sampled_from([("", " to "), ("", "-"), ("between ", " and ")]))
        if connector == "-":
            in_words = False

        def number(count: int) -> str:
            return words_of(count) if in_words else str(count)

        text = f"{opener}{number(low)}{connector}{number(high)}"
        value = CountValue(count=low, qualifier=Qualifier.RANGE, low=low, high=high, noun=noun)
        return Phrase(text, value, "count", tail=tail)
    text, count = draw(_count_number())
    if qualifier != Qualifier.EXACT:
        text = f"{draw(st.sampled_from(forms.COUNT_QUALIFIERS_BEFORE[qualifier]))} {text}"
    low, high = _bounds(qualifier, float(count))
    value = CountValue(count=count, qualifier=qualifier, low=low, high=high, noun=noun)
    return Phrase(text, value, "count", tail=tail)


# --- signatories -------------------------------------------------------------------------------


def country_party(code: str) -> Party:
    from ..extractors.entities import country_name

    return Party(name=country_name(code), type="country", country=code)


@st.composite
def _party(draw: st.DrawFn, taken: set[str]) -> tuple[str, Party, str]:
    """A country by name or capital, or an organisation: its words, its party, and a key that tells parties apart."""
    free = [o for o in forms.ORGANISATIONS if o.name not in taken]
    if free and draw(st.integers(0, 5)) == 0:
        organisation = draw(st.sampled_from(free))
        return draw(st.sampled_from(organisation.written)), Party(name=organisation.name, type="organisation"), \
            organisation.name
    country = draw(st.sampled_from([c for c in forms.COUNTRIES if c.code not in taken]))
    written = draw(st.sampled_from([*country.names, *([country.capital] if country.capital else [])]))
    return written, country_party(country.code), country.code


@st.composite
def signatory_cores(draw: st.DrawFn) -> Core:
    """'Ukraine and Japan signed a security agreement', 'The pact was signed by Tokyo and Kyiv', ..."""
    structure = draw(st.sampled_from(["subjects", "subjects", "with", "by", "between", "person"]))
    if structure == "person":
        people = draw(st.lists(st.sampled_from(forms.PEOPLE), min_size=1, max_size=2, unique_by=lambda p: p.country))
        value = SignatoryValue(parties=[Party(name=p.name, type="person", country=p.country) for p in people])
        named = " and ".join(f"{person.title} {person.name}" for person in people)
        if len(people) == 2 and draw(st.booleans()):
            return Core("The agreement was signed by ", "", named, "", "", value)
        verb = draw(st.sampled_from([" signed the agreement", " signed a security pact", " have signed the accord"]))
        return Core("", "", named, "", verb, value)
    size = draw(st.sampled_from([2, 2, 2, 3])) if structure == "subjects" else 2
    taken: set[str] = set()
    written: list[str] = []
    parties: list[Party] = []
    for _ in range(size):
        words, party, key = draw(_party(taken))
        taken.add(key)
        written.append(words)
        parties.append(party)
    value = SignatoryValue(parties=parties)
    listed = ", ".join(written[:-1]) + " and " + written[-1]
    thing, noun = draw(st.sampled_from([("a security agreement", "agreement"), ("a defence pact", "pact"),
                                        ("an accord on trade", "accord"), ("the agreement", "agreement")]))
    if structure == "subjects":
        verb = draw(st.sampled_from(["signed", "have signed", "formally signed"]))
        return Core("", "", listed, "", f" {verb} {thing}", value)
    if structure == "with":
        return Core("", "", written[0], "", f" signed {thing} with {written[1]}", value)
    if structure == "by":
        return Core(f"The {noun} was signed by ", "", listed, "", "", value)
    return Core(f"The {noun} between ", "", listed, "", " was welcomed by investors", value)


# --- locations ---------------------------------------------------------------------------------


def place_of(form: forms.PlaceForm) -> LocationValue:
    """The gazetteer's record of the place a form names (the reading its containers pin down)."""
    from ..extractors.location import location_value
    from ..gazetteer import lookup_places

    readings = [p for p in lookup_places(form.written) if p.level == form.level and p.country == form.country]
    if not readings:
        raise LookupError(f"the gazetteer has no {form.level} {form.written!r} in {form.country}")
    return location_value(readings[0])


@st.composite
def location_phrases(draw: st.DrawFn, places: st.SearchStrategy[forms.PlaceForm] | None = None) -> Phrase:
    form = draw(places if places is not None else st.sampled_from(forms.PLACES))
    value = place_of(form)
    leads = ["in ", "in ", "at "]
    if form.level == "city":
        leads += ["in the city of ", "near ", "outside "]
    if form.level == "region":
        leads += ["in the region of "]
    lead = draw(st.sampled_from(leads))
    text = form.written
    if form.containers and draw(st.booleans()):
        text = ", ".join([form.written, *form.containers])
    return Phrase(text, value, "place", lead=lead)


# --- quotes ------------------------------------------------------------------------------------------

# quotation marks: opening, closing (the comma a sentence puts inside the closing mark comes with it)
_QUOTE_MARKS = (('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"))


@st.composite
def quote_cores(draw: st.DrawFn) -> Core:
    """'"We will ...," Ukrainian President Volodymyr Zelensky said', 'According to X, "..."',
    'X spoke after the talks. "...," he added', 'X called the result "historic"', ..."""
    opening, closing = draw(st.sampled_from(_QUOTE_MARKS))
    person = draw(st.sampled_from(forms.PEOPLE))
    named = draw(st.sampled_from([f"{person.title} {person.name}", person.name]))
    if draw(st.integers(0, 3)) == 0:
        words = draw(st.sampled_from(forms.SCARE_QUOTES))
        frame = draw(st.sampled_from([f"{named} called the result ", "The plan drew ", "Observers described it as "]))
        after = " from observers" if frame == "The plan drew " else ""
        return Core(frame, opening, words, closing, after, QuoteValue(text=words, speaker=None))
    words = draw(st.sampled_from(forms.QUOTES))
    speaker = Speaker(name=person.name, type="person")
    form = draw(st.sampled_from(["after", "said after", "before", "according", "told", "pronoun"]))
    if form in ("before", "according", "told"):
        prefix = {"before": f"{named} said: ", "according": f"According to {named}, ",
                  "told": f"{named} told reporters: "}[form]
        words = words[:1].upper() + words[1:] if form != "according" else words
        return Core(prefix, opening, words, closing, "", QuoteValue(text=words, speaker=speaker))
    words = words[:1].upper() + words[1:]
    comma = "," if opening != "\u00ab" else ""
    tail = comma + closing if comma else closing + ","
    if form == "after":
        return Core("", opening, words, tail, f" {named} said", QuoteValue(text=words, speaker=speaker))
    if form == "said after":
        return Core("", opening, words, tail, f" said {named}", QuoteValue(text=words, speaker=speaker))
    return Core(f"{named} spoke after the talks. ", opening, words, tail, " he added",
                QuoteValue(text=words, speaker=speaker))

# --- names -------------------------------------------------------------------------------------


@st.composite
def name_phrases(draw: st.DrawFn) -> Phrase:
    """'Mayor Sara Hill', 'coach Tom Green', 'Sara Hill, 55,', 'the 41-year-old Kenji Sato', 'the IMF'."""
    if draw(st.integers(0, 3)) == 0:
        organisation = draw(st.sampled_from(forms.NAMED_ORGANISATIONS))
        written = draw(st.sampled_from(organisation.written))
        lead, text = ("the ", written[4:]) if written.startswith("the ") else ("", written)
        role = draw(st.sampled_from(["name_subject", "name_object"]))
        return Phrase(text, NameValue(name=organisation.name, type="organisation"), role, lead=lead)
    person = draw(st.sampled_from(forms.NAMED_PEOPLE))
    style = draw(st.sampled_from(["plain", "title", "role", "age", "aged", "year-old"]))
    if style == "title":
        title = draw(st.sampled_from(forms.NAME_TITLES))
        return Phrase(f"{title} {person}", NameValue(name=person, type="person", title=title),
                      draw(st.sampled_from(["name_subject", "name_object"])))
    if style == "role":
        title = draw(st.sampled_from(forms.NAME_ROLES))
        return Phrase(f"{title} {person}", NameValue(name=person, type="person", title=title), "name_object",
                      lead="the " if draw(st.booleans()) else "")
    age = draw(st.integers(18, 99))
    if style == "age":
        return Phrase(f"{person}, {age}", NameValue(name=person, type="person", age=age), "name_subject", tail=",")
    if style == "aged":
        return Phrase(f"{person}, aged {age}", NameValue(name=person, type="person", age=age), "name_subject",
                      tail=",")
    if style == "year-old":
        return Phrase(f"{age}-year-old {person}", NameValue(name=person, type="person", age=age), "name_object",
                      lead="the ")
    return Phrase(person, NameValue(name=person, type="person"), draw(st.sampled_from(["name_subject", "name_object"])))
