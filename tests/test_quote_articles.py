"""Quotes end to end on articles of our own (politics, business, sport): each draft's quote gets the verdict
its table says. Each file: `# Source` (the article), then `# Checks`, a table of one-quote drafts and verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("quotes-*.md"))


def _read(path: Path) -> tuple[str, list[tuple[str, str]]]:
    text = path.read_text(encoding="utf-8")
    source, checks = text.split("# Checks", 1)
    rows = [line.strip().strip("|").rsplit("|", 1) for line in checks.splitlines() if line.startswith("| ")]
    pairs = [(draft.strip(), verdict.strip()) for draft, verdict in rows
             if draft.strip() not in ("draft", "---")]   # not the header and its rule
    return source.replace("# Source", "", 1).strip() + "\n", pairs


CASES = [(path.stem, source, draft, verdict) for path in ARTICLES for source, pairs in [_read(path)]
         for draft, verdict in pairs]


def test_three_articles_with_every_verdict() -> None:
    assert len(ARTICLES) >= 3
    for path in ARTICLES:
        assert {verdict for _, verdict in _read(path)[1]} == {"supported", "contradicted", "not_found"}, path.name


@pytest.mark.parametrize("article, source, draft, expected", CASES, ids=[f"{c[0]}:{c[2][:40]}" for c in CASES])
def test_the_quote_of_each_draft(article: str, source: str, draft: str, expected: str) -> None:
    report = factcheck.check(draft, source=source)
    quoted = [claim for claim in report.claims if claim.kind == "quote"]
    assert len(quoted) == 1, quoted
    assert quoted[0].verdict.value == expected, quoted[0].reason
