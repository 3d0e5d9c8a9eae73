"""Whole drafts against the seed article (read from ../shared/seed/), every kind and every verdict."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck

PUBLISHED = dt.date(2024, 6, 13)   # the Thursday of the G7 summit in Puglia

# (draft, the claim's words, kind, verdict, published)
CASES = [
    # amounts: the tranche for this year, the running total, other currencies and subjects
    ("Japan pledged $4.5bn for 2024.", "$4.5bn", "amount", "supported", None),
    ("Japan pledged $4.5m for 2024.", "$4.5m", "amount", "contradicted", None),
    ("Tokyo will give Kyiv US$4.5 billion this year.", "US$4.5 billion", "amount", "supported", None),
    ("Japan will provide Ukraine with USD 4.5 billion in 2024.", "USD 4.5 billion", "amount", "supported", None),
    ("This year Japan will hand Ukraine 4,500 million dollars.", "4,500 million dollars", "amount", "supported", None),
    ("Japan will provide four and a half billion dollars to Ukraine this year.",
     "four and a half billion dollars", "amount", "supported", None),
    ("Japan will provide €4.5 billion to Ukraine this year.", "€4.5 billion", "amount", "contradicted", None),
    ("Japan will provide about $5 billion to Ukraine this year.", "about $5 billion", "amount", "contradicted", None),
    ("Japan will provide nearly $4.6 billion to Ukraine this year.", "nearly $4.6 billion", "amount", "supported", None),
    ("Japan will provide more than $4 billion to Kyiv this year.", "more than $4 billion", "amount", "supported", None),
    ("Japan will provide less than $4 billion to Kyiv this year.", "less than $4 billion", "amount", "contradicted", None),
    ("Japan has provided $12.1 billion to Ukraine to date.", "$12.1 billion", "amount", "supported", None),
    ("Japan's aid to Ukraine to date totals $12 billion.", "$12 billion", "amount", "supported", None),
    ("Tokyo's aid to Kyiv to date adds up to $4.5 billion.", "$4.5 billion", "amount", "contradicted", None),
    ("Japan's total aid so far stands at $4.5 billion.", "$4.5 billion", "amount", "contradicted", None),
    ("In total, Japan has given Ukraine $15 billion.", "$15 billion", "amount", "contradicted", None),
    ("Germany pledged $8 billion to the reconstruction effort.", "$8 billion", "amount", "not_found", None),
    ("Japan has provided between $12 billion and $13 billion to Ukraine to date.",
     "between $12 billion and $13 billion", "amount", "supported", None),
    ("Japan has provided ¥12.1 billion to Ukraine to date.", "¥12.1 billion", "amount", "contradicted", None),
    ("Japan has provided $12.13 billion to Ukraine to date.", "$12.13 billion", "amount", "not_found", None),
    # terms
    ("The pact runs for a decade.", "a decade", "term", "supported", None),
    ("Japan will support Ukraine for ten years under the agreement.", "ten years", "term", "supported", None),
    ("It is a 10-year agreement.", "10-year", "term", "supported", None),
    ("It is a decade-long agreement.", "decade-long", "term", "supported", None),
    ("The agreement's term is 120 months.", "120 months", "term", "supported", None),
    ("It is a five-year agreement.", "five-year", "term", "contradicted", None),
    ("The agreement runs for 20 years.", "20 years", "term", "contradicted", None),
    ("The agreement's term is more than five years.", "more than five years", "term", "supported", None),
    ("The agreement runs for about a decade.", "about a decade", "term", "supported", None),
    # dates
    ("The agreement was signed on Thursday during the G7 summit.", "Thursday", "date", "supported", None),
    ("The agreement was signed on Friday during the G7 summit.", "Friday", "date", "contradicted", None),
    ("In 2024, Japan will provide Ukraine with money.", "2024", "date", "supported", None),
    ("In 2025, Japan will provide Ukraine with money.", "2025", "date", "contradicted", None),
    ("Japan will provide Ukraine with new funds this year.", "this year", "date", "supported", None),
    ("The agreement was signed during the G7 summit in June 2024.", "June 2024", "date", "not_found", None),
    ("The agreement was signed during the G7 summit on June 13, 2024.", "June 13, 2024", "date", "supported", PUBLISHED),
    ("The agreement was signed during the G7 summit on June 14, 2024.", "June 14, 2024", "date", "contradicted", PUBLISHED),
    ("The agreement was signed during the G7 summit in June.", "June", "date", "supported", PUBLISHED),
    ("Japan will provide Ukraine with new funds next year.", "next year", "date", "contradicted", PUBLISHED),
    # counts
    ("Kyiv has signed more than a dozen similar deals.", "more than a dozen", "count", "supported", None),
    ("Kyiv has signed 14 such deals.", "14", "count", "not_found", None),
    ("Kyiv has signed at least 13 similar deals with its backers.", "at least 13", "count", "supported", None),
    ("Kyiv has signed ten similar deals with its backers.", "ten", "count", "contradicted", None),
    ("Kyiv has signed fewer than ten such deals.", "fewer than ten", "count", "contradicted", None),
    ("Kyiv has signed more than ten similar deals.", "more than ten", "count", "supported", None),
    ("Kyiv has signed a dozen similar deals.", "a dozen", "count", "contradicted", None),
    ("The city museum owns 300 paintings.", "300", "count", "not_found", None),
]


def _claim(report: factcheck.Report, text: str) -> factcheck.CheckedClaim:
    matches = [c for c in report.claims if c.text == text]
    assert matches, f"no claim {text!r} among {[c.text for c in report.claims]}"
    return matches[0]


@pytest.mark.parametrize(("draft", "text", "kind", "verdict", "published"), CASES, ids=[c[0][:60] for c in CASES])
def test_verdict(seed_text, draft, text, kind, verdict, published):
    report = factcheck.check(draft, source=seed_text, published=published)
    claim = _claim(report, text)
    assert claim.kind == kind
    assert claim.verdict == verdict, claim.reason
    assert claim.reason
    if verdict == "not_found":
        return
    # a judged claim quotes the source sentence it was judged against
    assert claim.evidence is not None
    assert seed_text[claim.evidence.span.start : claim.evidence.span.end] == claim.evidence.text


def test_every_kind_and_verdict_is_covered():
    assert {(kind, verdict) for _, _, kind, verdict, _ in CASES} >= {
        (kind, verdict)
        for kind in ("amount", "term", "date", "count")
        for verdict in ("supported", "contradicted")
    } | {("amount", "not_found"), ("date", "not_found"), ("count", "not_found")}
    assert len(CASES) >= 40


def test_running_total_is_not_this_years_tranche(seed_text):
    report = factcheck.check("Tokyo's aid to Kyiv to date adds up to $4.5 billion.", source=seed_text)
    claim = _claim(report, "$4.5 billion")
    assert claim.verdict == "contradicted"
    assert "12.1" in claim.reason
    assert "to date" in claim.evidence.text


def test_every_claim_gets_one_verdict_and_spans_slice_to_text(seed_text):
    draft = " ".join(draft for draft, *_ in CASES)
    report = factcheck.check(draft, source=seed_text)
    assert len(report.claims) == len(factcheck.extract_claims(draft))
    assert sum(report.summary.model_dump().values()) == len(report.claims)
    for claim in report.claims:
        assert draft[claim.span.start : claim.span.end] == claim.text


def test_json_report_shape(seed_text):
    report = factcheck.check("Japan pledged $4.5m for 2024.", source=seed_text)
    data = report.model_dump(mode="json")
    assert data["schema_version"] == "1"
    claim = next(c for c in data["claims"] if c["kind"] == "amount")
    assert claim["value"] == {"amount": 4500000.0, "currency": "USD", "qualifier": "exact",
                              "low": None, "high": None, "resolution": 100000.0}
    assert claim["line"] == 1 and claim["column"] == 15
    assert claim["span"] == {"start": 14, "end": 19}
    assert data["summary"]["contradicted"] >= 1
