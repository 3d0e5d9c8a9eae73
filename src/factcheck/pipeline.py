"""The pipeline, top to bottom: draft -> claims -> alignment with the source's facts -> verdicts -> report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .align import Aligner, FactIndex
from .extractors import run_extractors
from .extractors.base import Options
from .facts import extract_facts
from . import judges
from .judges.context import JudgeContext
from .models import CheckedClaim, Claim, Evidence, FactSheet, Report, Sentence, Span, Summary, Verdict
from .suppress import suppressions
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
    return _extract(doc, Options(default_currency=default_currency, published=published), kinds)


def check(
    draft: str,
    source: str | FactSheet,
    *,
    published: dt.date | None = None,
    default_currency: str = "USD",
    kinds: Iterable[str] | None = None,
    markdown: bool | None = None,
    path: str | None = None,
    tolerance: float | None = None,
) -> Report:
    """Judge every claim of `draft` against `source` (the article's text, or its FactSheet).

    `tolerance` is the relative tolerance of "about" and of currency conversion (default 5%).
    Claims the draft switches off with `<!-- factcheck off -->` or `<!-- factcheck-ignore-next-line -->`
    are not judged; the summary counts them as suppressed.
    """
    sheet = source if isinstance(source, FactSheet) else _facts_of(source, published, default_currency)
    published = published or sheet.published
    doc = Document(draft, markdown=markdown)
    claims = _extract(doc, Options(default_currency=default_currency, published=published), kinds)
    switched_off = suppressions(draft)
    judged = [claim for claim in claims if not switched_off.covers(claim.span.start)]
    context = JudgeContext(published=published, anchor_year=sheet.anchor_year)
    if tolerance is not None:
        context = dataclasses.replace(context, tolerance=tolerance)
    judge = _Judge(Aligner(_fact_index(sheet)), context, sheet, source if isinstance(source, str) else None)
    checked = [judge(doc, claim) for claim in judged]
    counts = {verdict: sum(c.verdict == verdict for c in checked) for verdict in Verdict}
    summary = Summary(
        supported=counts[Verdict.SUPPORTED],
        contradicted=counts[Verdict.CONTRADICTED],
        not_found=counts[Verdict.NOT_FOUND],
        suppressed=len(claims) - len(judged),
    )
    return Report(path=path, claims=checked, summary=summary)


# Drafts longer than this (in characters) are read paragraph by paragraph: each paragraph (text
# between blank lines) on its own, and a paragraph repeated word for word only once. The extractors'
# working memory is then that of one paragraph, and repeated boilerplate costs nothing; a claim cannot
# draw on another paragraph's context there, which no news draft of that size needs.
LARGE_DRAFT = 1_000_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _extract(doc: Document, options: Options, kinds: Iterable[str] | None) -> list[Claim]:
    if len(doc.text) <= LARGE_DRAFT:
        return run_extractors(doc, options, kinds)
    kinds = None if kinds is None else list(kinds)
    claims: list[Claim] = []
    by_text: dict[str, list[Claim]] = {}
    sentences: dict[tuple[int, int], Sentence] = {}
    start = 0
    for end, following in [*((m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(doc.norm)), (len(doc.norm), 0)]:
        # the normalised, markdown-masked paragraph: front matter and markup were masked over the whole draft
        paragraph = doc.norm[start:end]
        if paragraph.strip():
            found = by_text.get(paragraph)
            if found is None:
                found = by_text[paragraph] = run_extractors(Document(paragraph, markdown=False), options, kinds)
            claims.extend(_moved(doc.text, claim, start, sentences) for claim in found)
        start = following
    return claims


def _moved(text: str, claim: Claim, offset: int, sentences: dict[tuple[int, int], Sentence]) -> Claim:
    """A claim found in a paragraph, placed at `offset` in the draft, with the draft's own words."""
    start, end = claim.span.start + offset, claim.span.end + offset
    sentence = None
    if claim.sentence is not None:
        bounds = (claim.sentence.span.start + offset, claim.sentence.span.end + offset)
        sentence = sentences.get(bounds)
        if sentence is None:
            sentence = sentences[bounds] = Sentence(
                text=text[bounds[0] : bounds[1]], span=Span(start=bounds[0], end=bounds[1])
            )
    # a copy, not a new Claim: the value is validated already, and validating it again costs more
    return claim.model_copy(update={"span": Span(start=start, end=end), "text": text[start:end], "sentence": sentence})


# the fact sheets of the last few source texts: a run, or a batch worker, checks many drafts against one source
_SHEETS: OrderedDict[tuple[str, dt.date | None, str], FactSheet] = OrderedDict()
_KEPT_SHEETS = 16


def _facts_of(article: str, published: dt.date | None, default_currency: str) -> FactSheet:
    key = (article, published, default_currency)
    sheet = _SHEETS.get(key)
    if sheet is None:
        sheet = _SHEETS[key] = extract_facts(article, published=published, default_currency=default_currency)
        if len(_SHEETS) > _KEPT_SHEETS:
            _SHEETS.popitem(last=False)
    else:
        _SHEETS.move_to_end(key)
    return sheet


# the fact indexes of the last few sheets: a run checks many drafts against one source
_INDEXES: dict[int, tuple[FactSheet, FactIndex]] = {}
_KEPT_INDEXES = 8


def _fact_index(sheet: FactSheet) -> FactIndex:
    kept = _INDEXES.get(id(sheet))
    if kept is not None and kept[0] is sheet:   # the sheet itself is kept, so its id is not reused
        return kept[1]
    # quotes are judged against all the source's words (judges/quote.py), not aligned with one fact
    index = FactIndex([fact for fact in sheet.facts if fact.kind != "quote"], anchor_year=sheet.anchor_year)
    if len(_INDEXES) >= _KEPT_INDEXES:
        del _INDEXES[next(iter(_INDEXES))]
    _INDEXES[id(sheet)] = (sheet, index)
    return index


@dataclass
class _Judge:
    """Aligns and judges claims; a claim repeated word for word in the same sentence is judged once
    (alignment sees only the claim, its value and its sentence), which keeps long drafts fast."""

    aligner: Aligner
    context: JudgeContext
    sheet: FactSheet | None = None
    source_text: str | None = None   # the article, when given as text: quotes are looked for in all its words
    _seen: dict[tuple[str, ...], tuple[Verdict, str, Evidence | None]] = field(default_factory=dict)

    def __call__(self, doc: Document, claim: Claim) -> CheckedClaim:
        sentence = claim.sentence
        key = (
            claim.kind, claim.text, claim.value.model_dump_json(),
            sentence.text if sentence else "", str(claim.span.start - sentence.span.start) if sentence else "",
        )
        outcome = self._seen.get(key)
        if outcome is None:
            outcome = self._seen[key] = self._judge(claim)
        verdict, reason, evidence = outcome
        line, column = doc.line_column(claim.span.start)
        # made of parts validated already: validating them again would cost more than making them
        return CheckedClaim.model_construct(
            kind=claim.kind,
            text=claim.text,
            span=claim.span,
            line=line,
            column=column,
            value=claim.value,
            verdict=verdict,
            reason=reason,
            evidence=evidence,
            roles=claim.roles,
        )

    def _judge(self, claim: Claim) -> tuple[Verdict, str, Evidence | None]:
        if claim.kind == "quote" and self.sheet is not None:
            # a quote is not about one fact: its words are looked for in all the source's words
            from .judges import quote

            return quote.judge(claim, quote.source_of(self.sheet, self.source_text), self.context)
        alignment = self.aligner.align(
            claim,
            lambda fact: judges.compare(claim, fact, self.context),
            verdict=lambda fact: judges.verdict(claim, fact, self.context),
        )
        sentence = alignment.fact.sentence if alignment.fact is not None else None
        evidence = Evidence.model_construct(text=sentence.text, span=sentence.span) if sentence is not None else None
        return alignment.verdict, alignment.reason, evidence
