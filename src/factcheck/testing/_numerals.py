"""Numerals as news copy writes them, each with the exact value and resolution it states.

The values are `Decimal`s computed from the choice that produced the words, never by
parsing them back, so that they are an oracle for a parser: "$4.1 billion" is 4.1 x 10^9
exactly, and a correct parser returns the float nearest to that.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

SCALE_WORDS = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
               "trillion": Decimal(10) ** 12}
# the abbreviations newsrooms write after digits, by the scale they stand for
SCALE_ABBREVIATIONS = {
    Decimal(10) ** 3: ("k", "K"),
    Decimal(10) ** 6: ("m", "mn", "M"),
    Decimal(10) ** 9: ("bn", "b", "B"),
    Decimal(10) ** 12: ("tn",),
}


@dataclass(frozen=True)
class Numeral:
    """A number as written: `4.5 billion`, `four and a half billion`, `1,200`."""

    mantissa_text: str       # "4.5", "four and a half", "1,200"
    mantissa: Decimal        # the number before its scale: 4.5
    places: Decimal          # place value of its last digit as written: 0.1 for "4.5", 1 for "1,200"
    scale_text: str = ""     # "billion", "bn", "" when there is none
    scale_gap: str = " "     # what stands between mantissa and scale: " ", "", "-"
    scale: Decimal = Decimal(1)
    in_words: bool = False

    @property
    def text(self) -> str:
        if not self.scale_text:
            return self.mantissa_text
        return f"{self.mantissa_text}{self.scale_gap}{self.scale_text}"

    @property
    def value(self) -> Decimal:
        return self.mantissa * self.scale

    @property
    def resolution(self) -> Decimal:
        return self.places * self.scale

    def with_scale(self, text: str, scale: Decimal, gap: str = " ") -> "Numeral":
        return Numeral(self.mantissa_text, self.mantissa, self.places, text, gap, scale, self.in_words)


def words_of(number: int) -> str:
    """1 to 999 in English words: 'twenty-five', 'one hundred and twenty'."""
    if not 0 < number < 1000:
        raise ValueError(f"no words here for {number}")
    hundreds, rest = divmod(number, 100)
    parts = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        if rest < 20:
            tail = ONES[rest]
        else:
            tens, ones = divmod(rest, 10)
            tail = TENS[tens] + (f"-{ONES[ones]}" if ones else "")
        parts.append(tail)
    return " and ".join(parts)


def grouped(number: int, separator: str = ",") -> str:
    return f"{number:,}".replace(",", separator)


def _digits_text(mantissa: Decimal, group: bool) -> str:
    whole, _, fraction = f"{mantissa:f}".partition(".")
    whole_text = grouped(int(whole)) if group else whole
    return whole_text + (f".{fraction}" if fraction else "")


@st.composite
def digit_numerals(draw: st.DrawFn, *, min_whole: int = 0, max_whole: int = 999, max_places: int = 2,
                   group: bool | None = None) -> Numeral:
    """A number in digits with up to `max_places` decimals: '4.5', '12', '0.75', '1,200'."""
    places = draw(st.integers(0, max_places))
    whole = draw(st.integers(min_whole, max_whole))
    fraction = draw(st.integers(0, 10 ** places - 1)) if places else 0
    if whole == 0 and fraction == 0:
        whole = 1
    mantissa = Decimal(whole) + Decimal(fraction).scaleb(-places)
    mantissa = mantissa.quantize(Decimal(1).scaleb(-places))
    use_groups = draw(st.booleans()) if group is None else group
    return Numeral(_digits_text(mantissa, use_groups and whole >= 1000), mantissa, Decimal(1).scaleb(-places))


@st.composite
def word_numerals(draw: st.DrawFn, *, max_value: int = 99, fractions: bool = True) -> Numeral:
    """A number in words: 'twelve', 'twenty-five', 'four and a half', 'half a'."""
    forms = ["whole", "whole"] + (["and a half", "half a"] if fractions else [])
    form = draw(st.sampled_from(forms))
    if form == "half a":
        return Numeral("half a", Decimal("0.5"), Decimal("0.1"), in_words=True)
    number = draw(st.integers(1, max_value))
    if form == "and a half":
        return Numeral(f"{words_of(number)} and a half", Decimal(number) + Decimal("0.5"), Decimal("0.1"),
                       in_words=True)
    return Numeral(words_of(number), Decimal(number), Decimal(1), in_words=True)
