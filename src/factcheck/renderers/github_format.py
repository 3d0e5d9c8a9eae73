"""GitHub Actions workflow commands: an annotation on the draft's line for each claim that needs a look.

    ::error file=drafts/a.md,line=5,col=17,endColumn=22,title=factcheck%3A contradicted amount::'$4.5m': ...

Claims at or above the failure level are `::error`, claims not found below it
`::warning`; supported claims need no annotation. A draft that could not be
checked is an `::error` on the file. The last line is the run's summary, as
plain log text. Columns count characters; `endColumn` is the column just after
the claim, and a claim that spans lines gets `endLine` instead (GitHub takes
columns only within one line).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import DraftError, Report, Verdict, failing_verdicts
from . import RenderOptions, end_of, one_line, summary_line

_EVIDENCE_WIDTH = 300


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, object], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}" if listed else f"::{name}::{escape_data(message)}"


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    failing = failing_verdicts(options.fail_on)
    lines: list[str] = []
    for outcome in outcomes:
        if isinstance(outcome, DraftError):
            where = {"file": outcome.path} if outcome.path != "<stdin>" else {}
            lines.append(_command("error", {**where, "title": "factcheck: draft not checked"}, outcome.error))
            continue
        for claim in outcome.claims:
            if claim.verdict in failing:
                level = "error"
            elif claim.verdict is Verdict.NOT_FOUND:
                level = "warning"
            else:
                continue
            end_line, end_column = end_of(claim)
            properties: dict[str, object] = {"file": outcome.path or "<draft>", "line": claim.line, "col": claim.column}
            if end_line == claim.line:
                properties["endColumn"] = end_column
            else:
                properties = {"file": properties["file"], "line": claim.line, "endLine": end_line}
            properties["title"] = f"factcheck: {claim.verdict.value.replace('_', ' ')} {claim.kind}"
            message = f"{one_line(claim.text)!r}: {claim.reason}"
            if claim.evidence is not None:
                evidence = one_line(claim.evidence.text)
                if len(evidence) > _EVIDENCE_WIDTH:
                    evidence = evidence[: _EVIDENCE_WIDTH - 1] + "…"
                message += f'\nsource: "{evidence}"'
            lines.append(_command(level, properties, message))
    lines.append(f"factcheck: {summary_line(outcomes)}")
    return "".join(line + "\n" for line in lines)
