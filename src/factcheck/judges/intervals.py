"""Numbers as intervals: how amounts, counts and terms agree or disagree.

A value as written stands for an interval: `$12 billion` for everything that
rounds to it, `more than a dozen` for (12, inf), `about 300` for 300 +/- 5%.
The source's interval inside the claim's supports it, disjoint contradicts
it, and an overlap that is not inside settles nothing (the claim says more
than the source does).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ..models import Qualifier, Verdict

# relative tolerance of "about", "nearly", "roughly" (docs/claims.md)
APPROX_TOLERANCE = 0.05
# two floats closer than this (relatively) are the same number
_EPSILON = 1e-9


class Interval(NamedTuple):   # a tuple: made several times for each claim, and quicker to make than a dataclass
    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True


def _close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=_EPSILON, abs_tol=_EPSILON)


def interval_of(
    value: float,
    qualifier: Qualifier,
    *,
    low: float | None = None,
    high: float | None = None,
    resolution: float = 0.0,
    tolerance: float = APPROX_TOLERANCE,
    integer: bool = False,
) -> Interval:
    """The interval a value stands for. `integer` for whole things (counts): more than 12 is at least 13."""
    if qualifier == Qualifier.RANGE:
        lo = value if low is None else low
        hi = value if high is None else high
        # half-open, as rounding is: "$4-5 million" does not touch "$2-3 million"
        return Interval(lo - resolution / 2, hi + resolution / 2, high_closed=resolution == 0)
    if qualifier in (Qualifier.GT, Qualifier.GE):
        bound = value if low is None else low
        if integer and qualifier == Qualifier.GT:
            return Interval(math.floor(bound) + 1, math.inf)
        return Interval(bound, math.inf, low_closed=qualifier == Qualifier.GE, high_closed=False)
    if qualifier in (Qualifier.LT, Qualifier.LE):
        bound = value if high is None else high
        if integer and qualifier == Qualifier.LT:
            return Interval(-math.inf if bound > 0 else bound, math.ceil(bound) - 1, low_closed=False)
        return Interval(-math.inf, bound, low_closed=False, high_closed=qualifier == Qualifier.LE)
    half = resolution / 2
    if qualifier == Qualifier.APPROX:
        half = max(half, abs(value) * tolerance)
        return Interval(value - half, value + half)
    # exact: everything that rounds to the value as written (half-open, as rounding is)
    return Interval(value - half, value + half, high_closed=half == 0)


def _inside(inner: Interval, outer: Interval) -> bool:
    low_close = _close(inner.low, outer.low)
    if inner.low < outer.low and not low_close:
        return False
    if low_close and inner.low_closed and not outer.low_closed and not math.isinf(inner.low):
        return False
    high_close = _close(inner.high, outer.high)
    if inner.high > outer.high and not high_close:
        return False
    if high_close and inner.high_closed and not outer.high_closed and not math.isinf(inner.high):
        return False
    return True


def _before(x: Interval, y: Interval) -> bool:
    """Whether `x` ends before `y` starts."""
    if _close(x.high, y.low):
        return not (x.high_closed and y.low_closed)
    return x.high < y.low


def _disjoint(a: Interval, b: Interval) -> bool:
    return _before(a, b) or _before(b, a)


def relate(claim: Interval, source: Interval) -> Verdict:
    """Supported when the source's interval lies inside the claim's, contradicted when they are disjoint."""
    if _inside(source, claim):
        return Verdict.SUPPORTED
    if _disjoint(source, claim):
        return Verdict.CONTRADICTED
    return Verdict.NOT_FOUND


def same_number(a: float, b: float) -> bool:
    return _close(a, b)
