"""Renderers only format: the outcomes of a run in, text out. One module per format.

An outcome is a draft's `Report`, or a `DraftError` for a draft that could not
be checked. This package imports nothing heavy, so the command line can list
the formats without loading the library.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from ..models import CheckedClaim, DraftError, Report

    Outcome = Union[Report, DraftError]

FORMATS: tuple[str, ...] = ("text", "json", "line", "github", "junit", "sarif", "html")


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False                  # ANSI colour (text format only)
    fail_on: str = "contradicted"        # the failure level: decides errors, failures and levels
    texts: Mapping[str, str] = field(default_factory=dict)   # draft path -> text, for formats that show drafts


def render(outcomes: Sequence["Outcome"], fmt: str, options: RenderOptions | None = None) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(f"{__name__}.{fmt}_format")
    return module.render(outcomes, options or RenderOptions())


def end_of(claim: "CheckedClaim") -> tuple[int, int]:
    """1-based line and column just after the claim's last character (claims may span lines)."""
    breaks = claim.text.count("\n")
    if not breaks:
        return claim.line, claim.column + len(claim.text)
    return claim.line + breaks, len(claim.text) - claim.text.rfind("\n")


def one_line(text: str) -> str:
    """Text on one line: runs of whitespace (line breaks included) become one space."""
    return " ".join(text.split())


def tool_version() -> str:
    from .. import __version__

    return __version__


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def summary_line(outcomes: Sequence["Outcome"]) -> str:
    """The run in one line: '15 claims in 2 drafts: 9 supported, 4 contradicted, 2 not found',
    then ', 1 suppressed' and '; 1 draft could not be checked' when there are such."""
    from ..models import Report

    reports = [outcome for outcome in outcomes if isinstance(outcome, Report)]
    supported = sum(report.summary.supported for report in reports)
    contradicted = sum(report.summary.contradicted for report in reports)
    not_found = sum(report.summary.not_found for report in reports)
    suppressed = sum(report.summary.suppressed for report in reports)
    line = (
        f"{plural(supported + contradicted + not_found, 'claim')} in {plural(len(reports), 'draft')}: "
        f"{supported} supported, {contradicted} contradicted, {not_found} not found"
    )
    if suppressed:
        line += f", {suppressed} suppressed"
    broken = len(outcomes) - len(reports)
    if broken:
        line += f"; {plural(broken, 'draft')} could not be checked"
    return line
