"""The report for people: claims grouped by draft, each with where, verdict, reason and evidence.

Drafts that could not be checked are not repeated here: their one-line errors go
to standard error as the run finds them, and the summary line counts them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import DraftError, Report, Verdict
from . import RenderOptions, one_line, plural, summary_line

_COLORS = {Verdict.SUPPORTED: "32", Verdict.CONTRADICTED: "31;1", Verdict.NOT_FOUND: "33"}
_LABELS = {Verdict.SUPPORTED: "supported", Verdict.CONTRADICTED: "contradicted", Verdict.NOT_FOUND: "not found"}
_EVIDENCE_WIDTH = 160


def _paint(text: str, code: str, color: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if color else text


def _shorten(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= _EVIDENCE_WIDTH else text[: _EVIDENCE_WIDTH - 1] + "…"


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    color = options.color
    reports = [outcome for outcome in outcomes if isinstance(outcome, Report)]
    if not reports:
        return ""
    lines: list[str] = []
    for report in reports:
        lines.append(_paint(report.path or "<draft>", "1", color))
        if not report.claims:
            lines.append("  no claims found")
        for claim in report.claims:
            where = f"{claim.line}:{claim.column}"
            label = _paint(f"{_LABELS[claim.verdict]:<12}", _COLORS[claim.verdict], color)
            lines.append(f"  {where:<8} {label} {claim.kind:<9} {one_line(claim.text)!r}: {claim.reason}")
            if claim.evidence is not None:
                lines.append(f"  {'':<8} {'':<12} {'':<9} source: \"{_shorten(claim.evidence.text)}\"")
        if report.summary.suppressed:
            lines.append(f"  ({plural(report.summary.suppressed, 'claim')} suppressed by factcheck comments)")
        lines.append("")
    lines.append(summary_line(outcomes))
    return "\n".join(lines) + "\n"
