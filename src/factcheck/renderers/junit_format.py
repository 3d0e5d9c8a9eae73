"""JUnit XML, as CI systems (GitLab, Jenkins, Azure, CircleCI) read test reports.

One `<testsuite>` per draft, one `<testcase>` per claim: claims at or above the
failure level are failures (message: the reason; body: the claim, the reason and
the source sentence), the others pass. A draft that could not be checked is a
suite with one test case in error. Claims switched off by factcheck comments are
counted in the suite's `suppressed` property.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..models import CheckedClaim, DraftError, Report, failing_verdicts
from . import RenderOptions, one_line

# characters XML 1.0 cannot carry at all, even escaped: a draft may hold them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case_name(claim: CheckedClaim) -> str:
    return f"{claim.line}:{claim.column} {claim.kind} {one_line(claim.text)!r}"


def render(outcomes: Sequence[Report | DraftError], options: RenderOptions) -> str:
    failing = failing_verdicts(options.fail_on)
    root = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for outcome in outcomes:
        if isinstance(outcome, DraftError):
            suite = ET.SubElement(root, "testsuite", name=_clean(outcome.path), tests="1", failures="0", errors="1",
                                  skipped="0")
            path = _clean(outcome.path)
            case = ET.SubElement(suite, "testcase", classname=path, name="draft", file=path)
            error = ET.SubElement(case, "error", message=_clean(outcome.error), type="input error")
            error.text = _clean(f"{outcome.path}: {outcome.error}")
            totals["tests"] += 1
            totals["errors"] += 1
            continue
        path = _clean(outcome.path or "<draft>")
        failures = sum(claim.verdict in failing for claim in outcome.claims)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(len(outcome.claims)), failures=str(failures),
                              errors="0", skipped="0")
        properties = ET.SubElement(suite, "properties")
        for verdict, count in outcome.summary.model_dump().items():
            ET.SubElement(properties, "property", name=verdict, value=str(count))
        for claim in outcome.claims:
            case = ET.SubElement(suite, "testcase", classname=path, name=_clean(_case_name(claim)), file=path,
                                 line=str(claim.line))
            if claim.verdict in failing:
                failure = ET.SubElement(case, "failure", message=_clean(one_line(claim.reason)),
                                        type=claim.verdict.value)
                where = f"{outcome.path}:{claim.line}:{claim.column}"
                body = [f"{where}: {claim.verdict.value} {claim.kind} {claim.text!r}", claim.reason]
                if claim.evidence is not None:
                    body.append(f'source: "{one_line(claim.evidence.text)}"')
                failure.text = _clean("\n".join(body))
        totals["tests"] += len(outcome.claims)
        totals["failures"] += failures
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
