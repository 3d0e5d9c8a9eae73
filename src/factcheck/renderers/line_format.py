"""One line per claim, `path:line:col: verdict kind: message`, for editors' error lists and grep.

Every claim is listed, supported ones too; errors about drafts that could not be
checked go to standard error, in the same `factcheck: error: path: problem` form.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import DraftError, Report
from . import RenderOptions, one_line


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    del options
    lines = [
        f"{report.path or '<draft>'}:{claim.line}:{claim.column}: {claim.verdict.value} {claim.kind}: "
        f"{one_line(claim.text)!r}: {one_line(claim.reason)}"
        for report in outcomes
        if isinstance(report, Report)
        for claim in report.claims
    ]
    return "".join(line + "\n" for line in lines)
