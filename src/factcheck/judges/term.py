"""Judging terms: lengths of time, equal after conversion to one unit.

Both lengths go into days through pint (`factcheck.durations`: a year of 365.25 days, a
month a twelfth of it), so `10 years`, `a decade` and `120 months` are one length, and are
then compared as intervals (`judges.intervals`):

- a length as written stands for itself exactly: `nine years` contradicts a 10-year term,
  and `120 months` supports it (no rounding: terms are stated in whole units on purpose);
- `more than`, `at least`, `up to`, `less than` and ranges (`two to three years`) are
  bounds: the source's length inside the claim's bounds supports, outside contradicts,
  partly inside settles nothing (`seven years` against the source's `more than five years`);
- `about`, `nearly`, `almost`, `some` allow a relative tolerance of 10%, or the run's
  tolerance when that is larger: a term is rarely written to better than a tenth of itself
  (`about five years` for four and a half, `nearly two years` for 22 months).

A window counted back or forward from the time of writing (`over the past several weeks`, `in
the next five years`, `the next decade`, and the calendar's `for the week`) is when something happens, where `spent three days in
hospital` is how long it lasted: the two are different roles, so a window never contradicts a
length of the other kind (not_found, saying so). They may still agree (`for a decade` and `over
the next decade`), and two windows compare as any two lengths.
"""

from __future__ import annotations

import functools
import re

from ..durations import COMPONENTS, parse_iso, to_days
from ..models import Claim, Qualifier, TermValue, Verdict
from ..qualifiers import PREFIX
from .context import JudgeContext
from .intervals import Interval, interval_of, relate

TERM_APPROX_TOLERANCE = 0.10

# the words that make a length a window from the time of writing: "the past several weeks", "the next decade"
_WINDOW_BEFORE = re.compile(
    r"\b(?:past|last|next|coming|previous|preceding|following|recent)[ \t]+\Z", re.IGNORECASE
)
# and "the week" of "shares rose 2% for the week": the calendar's week
_WINDOW_WORDS = re.compile(
    r"the[ \t]+(?:(?:past|last|next|coming|previous|preceding|following)\b|(?:hour|day|night|week|month)\Z)",
    re.IGNORECASE,
)


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _value(claim), _value(fact)
    claim_interval = _interval(claimed, context)
    source_interval = _interval(stated, context)
    verdict = relate(claim_interval, source_interval)
    if verdict == Verdict.CONTRADICTED and _is_window(claim) != _is_window(fact):
        window, length = ("draft", "source") if _is_window(claim) else ("source", "draft")
        return Verdict.NOT_FOUND, (
            f"source says {describe(stated)} ({_iso_text(stated)}); the {window}'s is a window from the time of"
            f" writing, the {length}'s how long something lasted: not the same thing"
        )
    return verdict, _reason(verdict, claim.text, claimed, stated, claim_interval, source_interval)


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    verdict = relate(_interval(_value(claim), context), _interval(_value(fact), context))
    if verdict == Verdict.CONTRADICTED and _is_window(claim) != _is_window(fact):
        return Verdict.NOT_FOUND
    return verdict


def _is_window(claim: Claim) -> bool:
    """'over the past several weeks', 'in the next five years', 'the next decade': a window counted from the
    time of writing, read from the words before the claim in its sentence."""
    if _WINDOW_WORDS.match(claim.text):
        return True
    if claim.sentence is None:
        return False
    offset = claim.span.start - claim.sentence.span.start
    return _WINDOW_BEFORE.search(claim.sentence.text, max(0, offset - 24), max(0, offset)) is not None


@functools.lru_cache(maxsize=4096)   # alignment compares a fact with many claims
def describe(value: TermValue) -> str:
    """`10 years`, `2 years and 6 months`, `36 hours`, `more than 5 years`, `2 to 3 years`."""
    if value.qualifier == Qualifier.RANGE and value.high_iso:
        low, high = _words(value.iso), _words(value.high_iso)
        low_parts, high_parts = parse_iso(value.iso), parse_iso(value.high_iso)
        if len(low_parts) == len(high_parts) == 1 and low_parts.keys() == high_parts.keys():
            return f"{_number(next(iter(low_parts.values())))} to {high}"
        return f"{low} to {high}"
    return PREFIX.get(value.qualifier, "") + _words(value.iso)


def _value(claim: Claim) -> TermValue:
    if not isinstance(claim.value, TermValue):
        raise TypeError(f"a term judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _interval(value: TermValue, context: JudgeContext) -> Interval:
    days = to_days(value.iso)
    high = to_days(value.high_iso) if value.high_iso else None
    return interval_of(
        days,
        value.qualifier,
        low=days if high is not None else None,
        high=high,
        tolerance=max(context.tolerance, TERM_APPROX_TOLERANCE),
    )


def _number(amount: float) -> str:
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:.6f}".rstrip("0").rstrip(".")


def _words(iso: str) -> str:
    parts = parse_iso(iso)
    if not parts:
        return "no time"
    phrases = [
        f"{_number(amount)} {component}{'' if amount == 1 else 's'}"
        for component in COMPONENTS
        if (amount := parts.get(component))
    ]
    if not phrases:
        return "no time"
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _iso_text(value: TermValue) -> str:
    return f"{value.iso} to {value.high_iso}" if value.high_iso else value.iso


def _inside(inner: Interval, outer: Interval) -> bool:
    return relate(outer, inner) == Verdict.SUPPORTED


def _reason(
    verdict: Verdict,
    text: str,
    claimed: TermValue,
    stated: TermValue,
    claim_interval: Interval,
    source_interval: Interval,
) -> str:
    source = f"source says {describe(stated)} ({_iso_text(stated)})"
    draft = describe(claimed)
    if verdict == Verdict.SUPPORTED:
        if claimed.qualifier == Qualifier.EXACT and stated.qualifier == Qualifier.EXACT:
            return f'{source}; the draft\'s "{text.strip()}" is the same length'
        return f"{source}, within the draft's {draft}"
    if verdict == Verdict.CONTRADICTED:
        return f"{source}; the draft says {draft} ({_iso_text(claimed)})"
    if _inside(claim_interval, source_interval):
        return f"{source}; {draft} is more precise than the source"
    return f"{source}; the draft's {draft} only partly overlaps it"
