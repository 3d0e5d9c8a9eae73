"""Judging amounts of money: equal after normalisation, as far as they were written.

The rules (../shared/spec/verdicts.md, "When values agree"), as intervals (`judges.intervals`):

- an exact amount stands for everything that rounds to it as written: `$12 billion` is
  supported by $12.1 billion, `$4 billion` contradicted by $4.5 billion (which rounds to 5);
  the same number written to more digits agrees too (`$12.10 billion` for `$12.1 billion`);
  a claim more precise than its source that the source's rounding could hide
  (`$12.13 billion` against `$12.1 billion`) settles nothing;
- `about`, `around`, `roughly`, `some`, `nearly`, `almost` allow `context.tolerance` (5%)
  either side, and no more (`about $5 billion` is contradicted by $4.5 billion);
- bounds (`more than`, `up to` ...) and ranges (`$3-4 billion`) are intervals: the source's
  inside the claim's supports, disjoint contradicts, overlapping settles nothing;
- different currencies: the source's amount is converted into the claim's currency at the
  ECB reference rate of the publication date (the latest rate when it is unknown; the
  nearest one where the ECB has none for that date) and agrees when the claim is within
  `context.tolerance` of it, so `€4.5 billion` contradicts `$4.5 billion`. A currency
  without an ECB rate cannot be compared: not_found, and the reason says why;
- a claim that names no currency (`4.5 billion`, `50 centavos`) is compared by its number,
  and the reason says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import unicodedata
from dataclasses import dataclass

from ..currencies import registry
from ..models import AmountValue, Claim, Qualifier, Verdict
from ..qualifiers import PREFIX
from ..rates import rate_table  # the ECB reference rates, kept between runs
from .context import JudgeContext
from .intervals import Interval, interval_of, relate, same_number

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _value(claim), _value(fact)
    source = f"source says {describe(stated)} ({_canonical(stated)})"
    if claimed.currency and stated.currency and claimed.currency != stated.currency:
        return _compare_converted(claimed, stated, source, context)
    verdict, why = _judge(claimed, _interval(stated, context.tolerance), stated, context.tolerance)
    reason = _reason(verdict, why, claimed, stated, source)
    if claimed.currency is None and stated.currency is not None:
        reason += "; the draft names no currency, so only the numbers were compared"
    elif stated.currency is None and claimed.currency is not None:
        reason += "; the source names no currency, so only the numbers were compared"
    return verdict, reason


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    claimed, stated = _value(claim), _value(fact)
    if claimed.currency and stated.currency and claimed.currency != stated.currency:
        rate = _rate(stated.currency, claimed.currency, context.published)
        return Verdict.NOT_FOUND if rate is None else _converted_verdict(claimed, stated, rate.factor, context)
    return _judge(claimed, _interval(stated, context.tolerance), stated, context.tolerance)[0]


@functools.lru_cache(maxsize=4096)   # alignment compares a fact with many claims
def describe(value: AmountValue) -> str:
    """`$4.5 billion`, `€300 million`, `more than $4 billion`, `$3–4 billion`, `about 12 billion Swiss francs`."""
    if value.qualifier == Qualifier.RANGE and value.low is not None and value.high is not None:
        low = _Written(value.low, value.currency, value.resolution)
        high = _Written(value.high, value.currency, value.resolution)
        if low.scale_word == high.scale_word and low.negative == high.negative:
            # one scale and one currency for both ends: "$3–4 billion", "10–20 Swiss francs"
            return f"{low.prefix()}{low.number()}–{high.number()}{high.scale_suffix()}{high.unit_suffix()}"
        return f"{low.text()}–{high.text()}"
    return PREFIX.get(value.qualifier, "") + _Written(value.amount, value.currency, value.resolution).text()


# --- verdicts ----------------------------------------------------------------------------------


def _value(claim: Claim) -> AmountValue:
    if not isinstance(claim.value, AmountValue):
        raise TypeError(f"an amount judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _interval(value: AmountValue, tolerance: float, *, widen: float = 0.0) -> Interval:
    """What `value` stands for; `widen` adds a relative margin either side (currency conversion)."""
    interval = interval_of(
        value.amount,
        value.qualifier,
        low=value.low,
        high=value.high,
        # "about $5 billion" allows its tolerance, not also the rounding of "5": it does not cover 4.5
        resolution=0.0 if value.qualifier == Qualifier.APPROX else value.resolution or 0.0,
        tolerance=tolerance,
    )
    if not widen:
        return interval
    margin = abs(value.amount) * widen
    return Interval(interval.low - margin, interval.high + margin, interval.low_closed, interval.high_closed)


def _point(amount: float) -> Interval:
    return Interval(amount, amount)


def _judge(claimed: AmountValue, source: Interval, stated: AmountValue, tolerance: float) -> tuple[Verdict, str]:
    """The verdict of `claimed` against the source's interval, and a word on why when it is not obvious."""
    if claimed.qualifier == stated.qualifier == Qualifier.EXACT and same_number(claimed.amount, stated.amount):
        return Verdict.SUPPORTED, "same"
    claim = _interval(claimed, tolerance)
    if stated.qualifier != Qualifier.EXACT:
        return relate(claim, source), ""
    # an exact source value is the number it states; its own rounding matters only to a claim
    # written to more digits than the source ("$12.13 billion" against "$12.1 billion")
    verdict = relate(claim, _point(stated.amount))
    if (
        verdict == Verdict.CONTRADICTED
        and claimed.qualifier == Qualifier.EXACT
        and claimed.resolution is not None
        and stated.resolution is not None
        and claimed.resolution < stated.resolution
        and relate(claim, source) == Verdict.NOT_FOUND
    ):
        return Verdict.NOT_FOUND, "more precise"
    return verdict, ""


def _reason(verdict: Verdict, why: str, claimed: AmountValue, stated: AmountValue, source: str) -> str:
    draft = describe(claimed)
    if verdict == Verdict.SUPPORTED:
        if why == "same" or (claimed.qualifier == stated.qualifier == Qualifier.EXACT and describe(stated) == draft):
            return source
        if claimed.qualifier == Qualifier.EXACT and stated.qualifier == Qualifier.EXACT:
            return f"{source}, which rounds to the draft's {draft}"
        return f"{source}, within the draft's {draft}"
    if verdict == Verdict.CONTRADICTED:
        return f"the draft says {draft} but the {source}"
    if why == "more precise" or claimed.qualifier == Qualifier.EXACT:
        return f"{source}; the draft's {draft} is more precise than that"
    return f"{source}; that does not settle the draft's {draft}"


# --- other currencies ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rate:
    factor: float
    day: dt.date
    # the day asked for, when the ECB has no rate for it and a nearer one was used
    asked: dt.date | None


def _rate(source: str, target: str, published: dt.date | None) -> _Rate | None:
    table = rate_table()
    if source not in table.currencies or target not in table.currencies:
        return None
    first = max(table.bounds(code)[0] for code in (source, target))
    last = min(table.bounds(code)[1] for code in (source, target))
    day = min(max(published, first), last) if published else last
    factor = table.convert(1.0, source, target, day)
    return _Rate(factor, day, published if published and day != published else None)


def _compare_converted(
    claimed: AmountValue, stated: AmountValue, source: str, context: JudgeContext
) -> tuple[Verdict, str]:
    assert claimed.currency is not None and stated.currency is not None
    rate = _rate(stated.currency, claimed.currency, context.published)
    if rate is None:
        missing = [c for c in (stated.currency, claimed.currency) if c not in rate_table().currencies]
        return Verdict.NOT_FOUND, (
            f"{source}; there is no reference exchange rate for {' or '.join(missing)}, "
            f"so the draft's {describe(claimed)} cannot be compared with it"
        )
    verdict = _converted_verdict(claimed, stated, rate.factor, context)
    converted = _converted(stated, rate.factor, claimed.currency)
    when = f"the ECB reference rate of {rate.day.isoformat()}"
    if rate.asked is not None:
        when += f" (none for {rate.asked.isoformat()})"
    elif context.published is None:
        when = f"the latest ECB reference rate ({rate.day.isoformat()})"
    source = f"{source}, {describe(converted)} at {when}"
    percent = f"{context.tolerance:.0%}"
    if verdict == Verdict.SUPPORTED:
        return verdict, f"{source}, within {percent} of the draft's {describe(claimed)}"
    if verdict == Verdict.CONTRADICTED:
        return verdict, f"the draft says {describe(claimed)} but the {source}, more than {percent} away"
    return verdict, f"{source}; that does not settle the draft's {describe(claimed)}"


def _converted_verdict(claimed: AmountValue, stated: AmountValue, factor: float, context: JudgeContext) -> Verdict:
    """The verdict of `claimed` against `stated` converted into the claim's currency at `factor`."""
    claim = _interval(claimed, context.tolerance, widen=context.tolerance)
    if stated.qualifier == Qualifier.EXACT:
        return relate(claim, _point(stated.amount * factor))
    assert claimed.currency is not None
    return relate(claim, _interval(_converted(stated, factor, claimed.currency), context.tolerance))


def _converted(value: AmountValue, factor: float, currency: str) -> AmountValue:
    def scale(amount: float | None) -> float | None:
        return None if amount is None else amount * factor

    resolution = _display_resolution(abs(value.amount * factor))
    return AmountValue(
        amount=value.amount * factor,
        currency=currency,
        qualifier=value.qualifier,
        low=scale(value.low),
        high=scale(value.high),
        resolution=resolution,
    )


def _display_resolution(amount: float) -> float:
    """Three significant figures: enough to show a converted sum."""
    if amount == 0:
        return 1.0
    return 10.0 ** (math.floor(math.log10(amount)) - 2)


# --- writing amounts ---------------------------------------------------------------------------


def _canonical(value: AmountValue) -> str:
    """The normalised value: `4,500,000,000 USD`, `3,000,000,000–4,000,000,000 USD`."""
    unit = value.currency or "no currency"
    if value.qualifier == Qualifier.RANGE and value.low is not None and value.high is not None:
        return f"{_plain(value.low)}–{_plain(value.high)} {unit}"
    return f"{_plain(value.amount)} {unit}"


def _plain(amount: float) -> str:
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:,.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class _Written:
    """One amount as a person writes it: symbol or name, number, scale word."""

    amount: float
    currency: str | None
    resolution: float | None

    @property
    def negative(self) -> bool:
        return self.amount < 0

    @functools.cached_property
    def _scale(self) -> tuple[float, str]:
        for factor, word in _SCALES:
            if abs(self.amount) >= factor:
                return factor, word
        return 1.0, ""

    @property
    def scale_word(self) -> str:
        return self._scale[1]

    @functools.cached_property
    def symbol(self) -> str | None:
        """The English symbol when it is a sign people read as one ("$", "A$", "€"), not letters ("FCFA")."""
        if self.currency is None:
            return None
        currency = registry().currencies.get(self.currency)
        symbol = currency.symbol if currency is not None else self.currency
        if any(unicodedata.category(ch) == "Sc" for ch in symbol):
            return symbol
        return None

    def number(self) -> str:
        factor, _ = self._scale
        mantissa = abs(self.amount) / factor
        if self.resolution:
            decimals = max(0, min(6, round(-math.log10(self.resolution / factor) + 1e-9)))
        else:
            decimals = 3 if factor > 1 else 2
        text = f"{mantissa:,.{decimals}f}"
        if not self.resolution and "." in text:
            text = text.rstrip("0").rstrip(".")
        return text

    def scale_suffix(self) -> str:
        return f" {self.scale_word}" if self.scale_word else ""

    def unit_suffix(self) -> str:
        if self.symbol is not None:
            return ""
        if self.currency is None:
            return " (no currency named)"
        currency = registry().currencies.get(self.currency)
        if currency is None:
            return f" {self.currency}"
        return f" {currency.one if abs(self.amount) == 1 and not self.scale_word else currency.other}"

    def prefix(self) -> str:
        return ("-" if self.negative else "") + (self.symbol or "")

    def text(self) -> str:
        return f"{self.prefix()}{self.number()}{self.scale_suffix()}{self.unit_suffix()}"
