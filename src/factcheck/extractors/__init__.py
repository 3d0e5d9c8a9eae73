"""One extractor module per claim kind, run in a fixed order over one Document.

Order matters: a number that an earlier kind has claimed (the 4.5 of "$4.5
billion", the 10 of "10-year") is not claimed again by a later one, so counts
come last. Each extractor module has `extract(doc, options) -> Iterable[Claim]`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from ..models import KINDS, Claim
from ..roles import assign_roles
from ..text import Document
from .base import Options

ORDER: tuple[str, ...] = ("amount", "term", "date", "count", "signatory", "location", "quote", "name")


def run_extractors(doc: Document, options: Options, kinds: Iterable[str] | None = None) -> list[Claim]:
    """Run the extractors of `kinds` (all by default) over `doc`; claims in text order."""
    wanted = set(KINDS if kinds is None else kinds)
    for kind in ORDER:
        if kind not in wanted:
            continue
        module = importlib.import_module(f"{__name__}.{kind}")
        for claim in module.extract(doc, options):
            doc.add_claim(claim)
    doc.claims.sort(key=lambda c: (c.span.start, c.span.end))
    doc.claims[:] = assign_roles(doc, doc.claims)
    return doc.claims
