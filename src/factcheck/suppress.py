"""Suppression comments in drafts, in the style of the prose linters newsrooms already run.

    <!-- factcheck off -->            claims from here on are not checked ...
    <!-- factcheck on -->             ... until here (or the end of the draft)
    <!-- factcheck-ignore-next-line -->   the claims on the next line are not checked

The comments are HTML comments, so markdown renders them invisibly; they are
honoured in any draft. A claim counts as suppressed when it starts inside a
suppressed region. Suppressed claims are counted in the report's summary,
never silently dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(
    r"<!--[ \t]{0,20}factcheck(?:[ \t]{1,20}(?P<switch>off|on)|-(?P<ignore>ignore-next-line))[ \t]{0,20}-->",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suppressions:
    """Sorted, disjoint [start, end) regions of a draft whose claims are not checked."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def __bool__(self) -> bool:
        return bool(self.starts)


def suppressions(text: str) -> Suppressions:
    """The regions of `text` that its factcheck comments switch off."""
    regions: list[tuple[int, int]] = []
    off_from: int | None = None
    for match in _DIRECTIVE.finditer(text):
        if match.group("ignore"):
            line_start = text.find("\n", match.end())
            if line_start >= 0:
                line_end = text.find("\n", line_start + 1)
                regions.append((line_start + 1, len(text) if line_end < 0 else line_end))
        elif match.group("switch").lower() == "off":
            if off_from is None:
                off_from = match.end()
        elif off_from is not None:
            regions.append((off_from, match.start()))
            off_from = None
    if off_from is not None:
        regions.append((off_from, len(text)))
    return _merged(regions)


def _merged(regions: list[tuple[int, int]]) -> Suppressions:
    merged: list[list[int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return Suppressions(tuple(start for start, _ in merged), tuple(end for _, end in merged))
