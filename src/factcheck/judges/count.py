"""Judging counts: whole numbers of things, compared as intervals of integers.

`more than a dozen` is the integers from 13 up, `at least 13` the same, `between 10 and
15` the integers 10 to 15 and `about 40` 40 within the run's tolerance (5%). The source's
interval inside the claim's supports (`at least 13` against `more than a dozen`), disjoint
contradicts (`a dozen`, `ten deals`), overlapping settles nothing (`15 deals` is more
precise than `more than a dozen`). Alignment picks the fact counting the same thing; when
both sides name their noun and the nouns differ (`15 troops` against `a dozen deals`),
the numbers are not compared and the claim is not found.
"""

from __future__ import annotations

import functools

from ..words import noun_key
from ..models import Claim, CountValue, Qualifier, Verdict
from ..numbers import numeral_pattern, parse_number
from ..qualifiers import PREFIX
from .context import JudgeContext
from .intervals import Interval, interval_of, relate

# things are "fewer", not "less"
_PREFIX = {**PREFIX, Qualifier.LT: "fewer than "}


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _value(claim), _value(fact)
    source = f"source says {_described(stated, fact.text)}"
    if _other_things(claimed, stated):
        return Verdict.NOT_FOUND, f"{source}; the draft counts {claimed.noun}"
    claim_interval, source_interval = _interval(claimed, context), _interval(stated, context)
    verdict = relate(claim_interval, source_interval)
    draft = _described(claimed, claim.text, with_noun=False)
    if verdict == Verdict.SUPPORTED:
        return verdict, f"{source}; the draft's {draft} agrees"
    if verdict == Verdict.CONTRADICTED:
        return verdict, f"{source}; the draft says {draft}"
    if relate(source_interval, claim_interval) == Verdict.SUPPORTED:
        return verdict, f"{source}; {draft} is more precise than the source"
    return verdict, f"{source}; the draft's {draft} only partly overlaps it"


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    claimed, stated = _value(claim), _value(fact)
    if _other_things(claimed, stated):
        return Verdict.NOT_FOUND
    return relate(_interval(claimed, context), _interval(stated, context))


def describe(value: CountValue) -> str:
    """`15 agreements`, `more than 12 deals`, `10 to 15 deals`, `about 40 nations`, `at least 13`."""
    return _number_words(value) + (f" {value.noun}" if value.noun else "")


def _value(claim: Claim) -> CountValue:
    if not isinstance(claim.value, CountValue):
        raise TypeError(f"a count judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _other_things(claimed: CountValue, stated: CountValue) -> bool:
    """Whether both sides name what they count and it is not the same."""
    return bool(claimed.noun and stated.noun and _noun_key(claimed.noun) != _noun_key(stated.noun))


# words.noun_key, once for each noun: alignment compares a fact with many claims
_noun_key = functools.lru_cache(maxsize=4096)(noun_key)


def _interval(value: CountValue, context: JudgeContext) -> Interval:
    return interval_of(
        value.count, value.qualifier, low=value.low, high=value.high, tolerance=context.tolerance, integer=True
    )


def _integer(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:g}"


def _number_words(value: CountValue) -> str:
    if value.qualifier == Qualifier.RANGE:
        low = value.count if value.low is None else value.low
        high = value.count if value.high is None else value.high
        return f"{_integer(low)} to {_integer(high)}"
    return _PREFIX.get(value.qualifier, "") + _integer(value.count)


@functools.lru_cache(maxsize=4096)   # alignment compares a fact with many claims
def _described(value: CountValue, text: str, with_noun: bool = True) -> str:
    """The value with its own words for a number written out: 'more than 12 (a dozen) deals'."""
    words = _number_words(value)
    found = numeral_pattern().search(text)
    parsed = parse_number(found.group(0)) if found else None
    if value.qualifier != Qualifier.RANGE and parsed and parsed.in_words and parsed.value == value.count:
        words += f" ({found.group(0).strip().lower()})"  # type: ignore[union-attr]
    return words + (f" {value.noun}" if value.noun and with_noun else "")
