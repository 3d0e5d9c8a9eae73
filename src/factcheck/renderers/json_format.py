"""The JSON report of interfaces.md.

One draft: its report as one object (no "path"). Several drafts: a list of
objects, each with its "path". A draft that could not be checked is an object
with "path" and "error" (and no "claims") in the same place.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..models import DraftError, Report
from . import RenderOptions


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    del options  # JSON is for machines: every claim, whatever the failure level
    single = len(outcomes) == 1
    objects = [
        outcome.model_dump(mode="json", exclude={"path"} if single and isinstance(outcome, Report) else set())
        for outcome in outcomes
    ]
    return json.dumps(objects[0] if single else objects, indent=2, ensure_ascii=False) + "\n"
