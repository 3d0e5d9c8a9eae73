"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

Each claim that needs a look is a result: rule `factcheck/<kind>/<verdict>`
(`factcheck/amount/contradicted`), level `error` at or above the failure level and
`warning` for a claim not found below it. Supported claims are not results (they
would open alerts for claims that are right); the run's properties count them.
Regions count Unicode code points (`columnKind`), `endColumn` is the column just
after the claim and `endLine` is given when a claim spans lines. Each result has
a `partialFingerprints` entry that stays the same across runs while the claim
stays: a hash of the path, the kind, the claim's words and which occurrence of
those words in the draft it is. A draft that could not be checked is an error
notification of the invocation, which is then not successful.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from ..models import KINDS, CheckedClaim, DraftError, Report, Verdict, failing_verdicts
from . import RenderOptions, end_of, one_line, tool_version

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "factcheckClaim/v1"
_REPORTED = (Verdict.CONTRADICTED, Verdict.NOT_FOUND)
_DESCRIPTIONS = {
    Verdict.CONTRADICTED: ("The source contradicts this {noun}", "The source states a {noun} about the same thing, "
                           "and its value disagrees with the draft's."),
    Verdict.NOT_FOUND: ("The source does not settle this {noun}", "Nothing in the source settles this {noun}: no fact "
                        "of this kind about the same thing, or the draft is more precise than the source."),
}
_NOUNS = {"amount": "sum of money", "term": "length of time", "date": "date", "count": "count",
          "signatory": "party to the agreement", "location": "place", "quote": "quotation",
          "name": "name of a person or organisation"}


def rule_id(kind: str, verdict: Verdict) -> str:
    return f"factcheck/{kind}/{verdict.value}"


def _rules(fail_on: str) -> list[dict[str, object]]:
    failing = failing_verdicts(fail_on)
    rules = []
    for kind in KINDS:
        for verdict in _REPORTED:
            short, full = _DESCRIPTIONS[verdict]
            rules.append({
                "id": rule_id(kind, verdict),
                "name": f"{kind.title()}{''.join(part.title() for part in verdict.value.split('_'))}",
                "shortDescription": {"text": short.format(noun=_NOUNS[kind])},
                "fullDescription": {"text": full.format(noun=_NOUNS[kind])},
                "defaultConfiguration": {"level": "error" if verdict in failing else "warning"},
                "properties": {"tags": ["factcheck", kind, verdict.value]},
            })
    return rules


def _uri(path: str) -> dict[str, str]:
    """A relative path as a URI relative to the checkout (%SRCROOT%); an absolute one as a file URI."""
    local = Path(path)
    if local.is_absolute():
        return {"uri": local.as_uri()}
    return {"uri": quote(local.as_posix()), "uriBaseId": "%SRCROOT%"}


def fingerprint(path: str, claim: CheckedClaim, occurrence: int) -> str:
    key = "\x00".join((path, claim.kind, one_line(claim.text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(path: str, claim: CheckedClaim, occurrence: int, level: str, index: dict[str, int]) -> dict[str, object]:
    end_line, end_column = end_of(claim)
    region: dict[str, object] = {"startLine": claim.line, "startColumn": claim.column}
    if end_line != claim.line:
        region["endLine"] = end_line
    region["endColumn"] = end_column
    region["snippet"] = {"text": claim.text}
    message = f"{one_line(claim.text)!r}: {claim.reason}"
    if claim.evidence is not None:
        message += f'. Source: "{one_line(claim.evidence.text)}"'
    rule = rule_id(claim.kind, claim.verdict)
    return {
        "ruleId": rule,
        "ruleIndex": index[rule],
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": _uri(path), "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint(path, claim, occurrence)},
        "properties": {
            "kind": claim.kind, "verdict": claim.verdict.value, "value": claim.value.model_dump(mode="json"),
        },
    }


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    failing = failing_verdicts(options.fail_on)
    rules = _rules(options.fail_on)
    index = {str(rule["id"]): position for position, rule in enumerate(rules)}
    results: list[dict[str, object]] = []
    notifications: list[dict[str, object]] = []
    summary = Counter[str]()
    for outcome in outcomes:
        if isinstance(outcome, DraftError):
            notifications.append({
                "level": "error",
                "message": {"text": f"{outcome.path}: {outcome.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": _uri(outcome.path)}}],
            })
            continue
        path = outcome.path or "<draft>"
        summary.update(outcome.summary.model_dump())
        seen = Counter[tuple[str, str]]()
        for claim in outcome.claims:
            key = (claim.kind, one_line(claim.text))
            occurrence = seen[key]
            seen[key] += 1
            if claim.verdict not in _REPORTED:
                continue
            level = "error" if claim.verdict in failing else "warning"
            results.append(_result(path, claim, occurrence, level, index))
    run = {
        "tool": {"driver": {
            "name": "factcheck",
            "version": tool_version(),
            "semanticVersion": tool_version(),
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "results": results,
        "properties": {"summary": dict(summary), "drafts": sum(isinstance(o, Report) for o in outcomes),
                       "draftErrors": len(notifications)},
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
