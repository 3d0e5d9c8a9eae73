"""What a judge knows besides the claim and the fact: dates and tolerances of the run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .intervals import APPROX_TOLERANCE


@dataclass(frozen=True)
class JudgeContext:
    # the article's publication date: resolves weekdays and "this year", dates exchange rates
    published: dt.date | None = None
    # the year the source names for its own "this year" ("In 2024, ...")
    anchor_year: int | None = None
    # relative tolerance of "about" and of currency conversion
    tolerance: float = APPROX_TOLERANCE
