"""The JSON report of interfaces.md: one object for one draft, a list of them (each with its path) for several."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..models import Report


def render(reports: Sequence[Report], *, color: bool = False) -> str:
    del color  # JSON is for machines
    objects = [report.model_dump(mode="json", exclude={"path"} if len(reports) == 1 else set()) for report in reports]
    return json.dumps(objects[0] if len(objects) == 1 else objects, indent=2, ensure_ascii=False) + "\n"
