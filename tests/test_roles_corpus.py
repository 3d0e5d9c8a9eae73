"""The roles corpus (issue 10): hand-written cases of claims judged against the fact they are about.

Each case of tests/data/roles_cases.yaml is a few sentences of a source article, a draft, the
words of one claim of the draft and the verdict an editor expects for it. The ten classes are
the issue's: 1 a different thing of the same kind, 2 a different holder, 3 rates and totals,
4 the same roles win, 5 parts and totals, 6 durations of different events, 7 words that are
not claims of that kind, 8 places with several candidates, 9 relative dates, 10 counts with
time frames. Every class has cases in both directions: roles that agree (the verdict is
`supported` or `contradicted`) and a role that differs (`not_found`, or `absent`: no claim of
that kind over those words).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import yaml

import factcheck
from factcheck.models import KINDS, CheckedClaim

CASES_FILE = Path(__file__).parent / "data" / "roles_cases.yaml"
CLASSES = range(1, 11)
DOMAINS = ("budgets", "courts", "sport", "company results", "disasters", "health", "diplomacy")
EXPECTED = ("supported", "contradicted", "not_found", "absent")
# the roles agree and the values settle it / a role differs (or the words are no claim of that kind)
AGREEING = ("supported", "contradicted")
DIFFERING = ("not_found", "absent")
REQUIRED = ("id", "class", "domain", "source", "draft", "claim", "kind", "expected")
OPTIONAL = ("published", "reason_contains")


def _load() -> list[dict]:
    return yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


CASES = _load()


def _published(case: dict) -> dt.date | None:
    published = case.get("published")
    # YAML reads an unquoted 2024-03-04 as a date already
    return dt.date.fromisoformat(published) if isinstance(published, str) else published


def _reason_words(case: dict) -> list[str]:
    words = case.get("reason_contains") or []
    return [words] if isinstance(words, str) else list(words)


def _describe(claims: list[CheckedClaim]) -> str:
    if not claims:
        return "  (none)"
    lines = []
    for claim in claims:
        evidence = f"{claim.evidence.text!r} {claim.evidence.span.start}-{claim.evidence.span.end}" if claim.evidence else "none"
        lines.append(
            f"  {claim.text!r} at {claim.span.start}-{claim.span.end}: {claim.verdict.value}\n"
            f"    reason: {claim.reason}\n    evidence: {evidence}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case: dict) -> None:
    report = factcheck.check(case["draft"], source=case["source"], published=_published(case))
    of_kind = [claim for claim in report.claims if claim.kind == case["kind"]]
    header = (
        f"class {case['class']} ({case['domain']}): {case['kind']} {case['claim']!r} expected {case['expected']}\n"
        f"draft: {case['draft']}\nsource: {case['source']}\n{case['kind']} claims found in the draft:\n"
    )
    if case["expected"] == "absent":
        start = case["draft"].index(case["claim"])
        end = start + len(case["claim"])
        overlapping = [claim for claim in of_kind if claim.span.start < end and start < claim.span.end]
        assert not overlapping, "a claim of that kind over those words\n" + header + _describe(overlapping)
        return
    matching = [claim for claim in of_kind if claim.text == case["claim"]]
    assert matching, f"no {case['kind']} claim reads {case['claim']!r}\n" + header + _describe(of_kind)
    claim = matching[0]
    assert claim.verdict.value == case["expected"], header + _describe([claim])
    reason = claim.reason.lower()
    missing = [word for word in _reason_words(case) if word.lower() not in reason]
    assert not missing, f"the reason lacks {missing}\n" + header + _describe([claim])


def test_corpus_is_well_formed() -> None:
    assert len(CASES) >= 200
    ids = Counter(case.get("id") for case in CASES)
    assert not [case_id for case_id, n in ids.items() if n > 1], "ids repeat"
    for case in CASES:
        where = f"case {case.get('id')!r}"
        assert all(case.get(field) not in (None, "") for field in REQUIRED), f"{where} lacks a field of {REQUIRED}"
        assert set(case) <= set(REQUIRED + OPTIONAL), f"{where} has unknown fields {set(case) - set(REQUIRED + OPTIONAL)}"
        assert case["class"] in CLASSES, where
        assert case["domain"] in DOMAINS, where
        assert case["kind"] in KINDS, where
        assert case["expected"] in EXPECTED, where
        # the claim is words of the draft, once, so that the test knows which claim is meant
        assert case["draft"].count(case["claim"]) == 1, f"{where}: the claim's words must stand once in the draft"
        if "published" in case:
            assert isinstance(_published(case), dt.date), where
        assert all(isinstance(word, str) and word for word in _reason_words(case)), where
        assert not (case["expected"] == "absent" and _reason_words(case)), f"{where}: an absent claim has no reason"
    for number in CLASSES:
        verdicts = {case["expected"] for case in CASES if case["class"] == number}
        assert verdicts & set(AGREEING), f"class {number} has no case where the roles agree"
        assert verdicts & set(DIFFERING), f"class {number} has no case where a role differs"
    # neither "everything not_found" nor "everything supported" passes
    counts = Counter(case["expected"] for case in CASES)
    assert all(counts[verdict] >= 20 for verdict in ("supported", "contradicted", "not_found")), counts
    assert {case["domain"] for case in CASES} == set(DOMAINS)
