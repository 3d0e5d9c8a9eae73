"""What every extractor shares: its options and how it records a claim on the document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Claim, Span, Value
from ..text import Document


@dataclass(frozen=True)
class Options:
    # what a bare "$" means; the other dollar signs (US$, A$, C$) name their currency
    default_currency: str = "USD"
    # resolves "this year", "Thursday" and the like when known
    published: dt.date | None = None


def make_claim(doc: Document, kind: str, start: int, end: int, value: Value) -> Claim:
    """A claim over doc.text[start:end], with the sentence it stands in."""
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        text=doc.text[start:end],
        span=Span(start=start, end=end),
        value=value,
        sentence=doc.sentence_record(start),
    )
