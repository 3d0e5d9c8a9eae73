"""The report for people: claims grouped by draft, each with where, verdict, reason and evidence."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Report, Verdict

_COLORS = {Verdict.SUPPORTED: "32", Verdict.CONTRADICTED: "31;1", Verdict.NOT_FOUND: "33"}
_LABELS = {Verdict.SUPPORTED: "supported", Verdict.CONTRADICTED: "contradicted", Verdict.NOT_FOUND: "not found"}
_EVIDENCE_WIDTH = 160


def _paint(text: str, code: str, color: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if color else text


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_WIDTH else text[: _EVIDENCE_WIDTH - 1] + "…"


def render(reports: Sequence[Report], *, color: bool = False) -> str:
    lines: list[str] = []
    totals = {verdict: 0 for verdict in Verdict}
    for report in reports:
        lines.append(_paint(report.path or "<draft>", "1", color))
        if not report.claims:
            lines.append("  no claims found")
        for claim in report.claims:
            totals[claim.verdict] += 1
            where = f"{claim.line}:{claim.column}"
            label = _paint(f"{_LABELS[claim.verdict]:<12}", _COLORS[claim.verdict], color)
            lines.append(f"  {where:<8} {label} {claim.kind:<9} {claim.text!r}: {claim.reason}")
            if claim.evidence is not None:
                lines.append(f"  {'':<8} {'':<12} {'':<9} source: \"{_shorten(claim.evidence.text)}\"")
        lines.append("")
    count = sum(totals.values())
    lines.append(
        f"{count} claim{'s' if count != 1 else ''} in {len(reports)} draft{'s' if len(reports) != 1 else ''}: "
        f"{totals[Verdict.SUPPORTED]} supported, {totals[Verdict.CONTRADICTED]} contradicted, "
        f"{totals[Verdict.NOT_FOUND]} not found"
    )
    return "\n".join(lines) + "\n"
