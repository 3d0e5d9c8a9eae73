"""One self-contained HTML page: each draft as written, every claim highlighted by its verdict.

Hovering over a claim, or clicking it (it takes the focus), shows the verdict,
the reason and the source sentence; a table under each draft lists the claims
with links to them. No script, no external asset: the page can be attached to a
CI run or mailed. Everything from the drafts is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..models import CheckedClaim, DraftError, Report, Verdict, failing_verdicts
from . import RenderOptions, one_line, summary_line, tool_version

_LABELS = {Verdict.SUPPORTED: "supported", Verdict.CONTRADICTED: "contradicted", Verdict.NOT_FOUND: "not found"}

_STYLE = """
:root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --unsure: #9a6700; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
.summary { margin: 0 0 8px; font-weight: 600; }
.legend span { margin-right: 12px; }
nav ul { list-style: none; padding: 0; margin: 8px 0 0; }
nav li { margin: 2px 0; }
nav a { color: #0969da; text-decoration: none; }
.status { display: inline-block; min-width: 64px; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.status.fail { color: var(--bad); } .status.pass { color: var(--ok); } .status.error { color: #8250df; }
section.draft { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; margin: 16px 0; padding: 0 16px 16px; }
section.draft h2 { font-size: 16px; margin: 0 -16px 12px; padding: 10px 16px; background: #f6f8fa;
  border-bottom: 1px solid #d0d7de; border-radius: 8px 8px 0 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.counts { float: right; font-family: system-ui, sans-serif; font-weight: 400; font-size: 13px; color: #57606a; }
.draft-text { white-space: pre-wrap; word-wrap: break-word; font: 14px/1.7 Georgia, "Times New Roman", serif; margin: 0;
  padding: 8px 0 24px; }
.claim { position: relative; border-radius: 3px; padding: 0 1px; cursor: help; outline: none; }
.claim.supported { background: #dafbe1; border-bottom: 2px solid var(--ok); }
.claim.contradicted { background: #ffebe9; border-bottom: 2px solid var(--bad); }
.claim.not_found { background: #fff8c5; border-bottom: 2px dotted var(--unsure); }
.claim:focus { box-shadow: 0 0 0 2px #0969da; }
.tip { display: none; position: absolute; z-index: 10; left: 0; top: 1.6em; width: min(460px, 80vw); padding: 8px 10px;
  background: #1f2328; color: #fff; border-radius: 6px; font: 13px/1.45 system-ui, sans-serif; white-space: normal;
  box-shadow: 0 4px 12px rgba(0,0,0,.25); user-select: none; }
.claim:hover > .tip, .claim:focus > .tip, .claim:target > .tip { display: block; }
.claim:has(.claim:hover) > .tip, .claim:has(.claim:focus) > .tip { display: none; }
.claim:target { box-shadow: 0 0 0 2px #0969da; }
.tip b { text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.tip q { display: block; margin-top: 4px; color: #d0d7de; font-style: italic; }
table.claims { border-collapse: collapse; width: 100%; font-size: 13px; }
table.claims th, table.claims td { text-align: left; vertical-align: top; padding: 4px 8px; border-top: 1px solid #eaeef2; }
table.claims td.where { font-family: ui-monospace, monospace; white-space: nowrap; }
table.claims td.source { color: #57606a; }
.verdict.supported { color: var(--ok); } .verdict.contradicted { color: var(--bad); font-weight: 600; }
.verdict.not_found { color: var(--unsure); }
p.error { color: #8250df; font-weight: 600; }
p.note { color: #57606a; font-size: 13px; }
"""


def _tip(claim: CheckedClaim) -> str:
    evidence = f"<q>{escape(one_line(claim.evidence.text))}</q>" if claim.evidence is not None else ""
    return (f'<b>{_LABELS[claim.verdict]} {escape(claim.kind)}</b> {escape(claim.reason)}{evidence}')


def _highlighted(text: str, claims: Sequence[CheckedClaim], anchor: str) -> str:
    """The draft with each claim in a <mark>; a quote's mark holds the marks of the claims inside it.
    Only claims that match the text, and that stand inside every mark open around them, are marked."""
    parts: list[str] = []
    position = 0
    opened: list[tuple[int, str]] = []   # the end and the tooltip of each mark open here, innermost last

    def close_to(limit: int) -> None:
        nonlocal position
        while opened and opened[-1][0] <= limit:
            end, tip = opened.pop()
            parts.append(escape(text[position:end]) + tip + "</mark>")
            position = end

    for number, claim in sorted(enumerate(claims, 1), key=lambda item: (item[1].span.start, -item[1].span.end)):
        start, end = claim.span.start, claim.span.end
        close_to(start)
        if start < position or text[start:end] != claim.text or (opened and end > opened[-1][0]):
            continue
        ident = f"{anchor}-c{number}"
        parts.append(escape(text[position:start]))
        parts.append(
            f'<mark class="claim {claim.verdict.value}" id="{ident}" tabindex="0" data-kind="{escape(claim.kind)}"'
            f' data-verdict="{claim.verdict.value}" aria-describedby="{ident}-tip">'
        )
        opened.append((end, f'<span class="tip" role="tooltip" id="{ident}-tip">{_tip(claim)}</span>'))
        position = start
    close_to(len(text))
    parts.append(escape(text[position:]))
    return "".join(parts)


def _table(claims: Sequence[CheckedClaim], anchor: str, linked: bool) -> str:
    rows = []
    for number, claim in enumerate(claims, 1):
        where = f"{claim.line}:{claim.column}"
        if linked:
            where = f'<a href="#{anchor}-c{number}">{where}</a>'
        source = f"source: “{escape(one_line(claim.evidence.text))}”" if claim.evidence is not None else ""
        rows.append(
            f'<tr><td class="where">{where}</td><td class="verdict {claim.verdict.value}">{_LABELS[claim.verdict]}</td>'
            f"<td>{escape(claim.kind)}</td><td>{escape(one_line(claim.text))}</td>"
            f'<td>{escape(claim.reason)}<div class="source">{source}</div></td></tr>'
        )
    head = "<tr><th>where</th><th>verdict</th><th>kind</th><th>claim</th><th>reason and source</th></tr>"
    return f'<table class="claims">{head}{"".join(rows)}</table>'


def _counts(report: Report) -> str:
    summary = report.summary
    text = f"{summary.supported} supported · {summary.contradicted} contradicted · {summary.not_found} not found"
    if summary.suppressed:
        text += f" · {summary.suppressed} suppressed"
    return text


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    failing = failing_verdicts(options.fail_on)
    sections: list[str] = []
    entries: list[str] = []
    for number, outcome in enumerate(outcomes, 1):
        anchor = f"d{number}"
        path = escape(outcome.path or "<draft>")
        if isinstance(outcome, DraftError):
            entries.append(f'<li><span class="status error">error</span> <a href="#{anchor}">{path}</a></li>')
            sections.append(
                f'<section class="draft broken" id="{anchor}"><h2>{path}</h2>'
                f'<p class="error">Not checked: {escape(outcome.error)}</p></section>'
            )
            continue
        failed = any(claim.verdict in failing for claim in outcome.claims)
        status = '<span class="status fail">fails</span>' if failed else '<span class="status pass">passes</span>'
        counts = f'<span class="counts">{_counts(outcome)}</span>'
        entries.append(f'<li>{status} <a href="#{anchor}">{path}</a> {counts}</li>')
        text = options.texts.get(outcome.path or "")
        body = [f'<section class="draft" id="{anchor}"><h2>{path}{counts}</h2>']
        if text is not None:
            body.append(f'<pre class="draft-text">{_highlighted(text, outcome.claims, anchor)}</pre>')
        if outcome.claims:
            body.append(_table(outcome.claims, anchor, linked=text is not None))
        else:
            body.append('<p class="note">No claims found.</p>')
        body.append("</section>")
        sections.append("".join(body))
    legend = "".join(
        f'<span class="claim {verdict.value}">{label}</span>' for verdict, label in _LABELS.items()
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report</title><style>{_STYLE}</style></head><body>"
        f'<header><h1>factcheck report</h1><p class="summary">{escape(summary_line(outcomes))}</p>'
        f'<p class="legend">{legend} <span class="note">Hover over or click a claim for the reason and the source.'
        f' factcheck {escape(tool_version())}</span></p>'
        f'<nav><ul>{"".join(entries)}</ul></nav></header>'
        f'<main>{"".join(sections)}</main></body></html>\n'
    )
