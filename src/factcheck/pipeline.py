"""The pipeline, top to bottom: draft -> claims -> alignment with the source's facts -> verdicts -> report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .align import FactIndex
from .extractors import run_extractors
from .extractors.base import Options
from .facts import extract_facts
from .judges import compare
from .judges.context import JudgeContext
from .models import CheckedClaim, Claim, Evidence, FactSheet, Report, Summary, Verdict
from .text import Document


def extract_claims(
    draft: str,
    *,
    published: dt.date | None = None,
    default_currency: str = "USD",
    kinds: Iterable[str] | None = None,
    markdown: bool | None = None,
) -> list[Claim]:
    """Every claim in `draft`, in text order, without verdicts."""
    doc = Document(draft, markdown=markdown)
    return run_extractors(doc, Options(default_currency=default_currency, published=published), kinds)


def check(
    draft: str,
    source: str | FactSheet,
    *,
    published: dt.date | None = None,
    default_currency: str = "USD",
    kinds: Iterable[str] | None = None,
    markdown: bool | None = None,
    path: str | None = None,
) -> Report:
    """Judge every claim of `draft` against `source` (the article's text, or its FactSheet)."""
    sheet = (
        source
        if isinstance(source, FactSheet)
        else extract_facts(source, published=published, default_currency=default_currency)
    )
    published = published or sheet.published
    doc = Document(draft, markdown=markdown)
    claims = run_extractors(doc, Options(default_currency=default_currency, published=published), kinds)
    context = JudgeContext(published=published, anchor_year=sheet.anchor_year)
    index = FactIndex(sheet.facts, anchor_year=sheet.anchor_year)
    checked = [_judge(doc, claim, index, context) for claim in claims]
    counts = {verdict: sum(c.verdict == verdict for c in checked) for verdict in Verdict}
    summary = Summary(
        supported=counts[Verdict.SUPPORTED],
        contradicted=counts[Verdict.CONTRADICTED],
        not_found=counts[Verdict.NOT_FOUND],
    )
    return Report(path=path, claims=checked, summary=summary)


def _judge(doc: Document, claim: Claim, index: FactIndex, context: JudgeContext) -> CheckedClaim:
    alignment = index.align(claim, lambda fact: compare(claim, fact, context))
    sentence = alignment.fact.sentence if alignment.fact is not None else None
    evidence = Evidence(text=sentence.text, span=sentence.span) if sentence is not None else None
    line, column = doc.line_column(claim.span.start)
    return CheckedClaim(
        kind=claim.kind,
        text=claim.text,
        span=claim.span,
        line=line,
        column=column,
        value=claim.value,
        verdict=alignment.verdict,
        reason=alignment.reason,
        evidence=evidence,
    )
