"""Name claims end to end: three articles written for these tests (politics, business, sport) and the seed.

Each article file has a `## Source` and `## Checks`: one draft a line, `- verdict: text`, the name
claim it asserts between [[ ]] (its words are the claim's words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import factcheck

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "japan-ukraine-security-agreement.txt"
_CHECK = re.compile(r"^- (?P<verdict>supported|contradicted|not_found): (?P<draft>.+)$", re.M)


def _checks() -> list[tuple[str, str, str, str]]:
    cases = []
    for path in sorted(ARTICLES.glob("names-*.md")):
        text = path.read_text(encoding="utf-8")
        source = text.split("## Source", 1)[1].split("## Checks", 1)[0].strip()
        for match in _CHECK.finditer(text.split("## Checks", 1)[1]):
            cases.append((path.stem, source, match.group("draft"), match.group("verdict")))
    return cases


CHECKS = _checks()


def test_every_article_has_every_verdict() -> None:
    by_article: dict[str, set[str]] = {}
    for article, _, _, verdict in CHECKS:
        by_article.setdefault(article, set()).add(verdict)
    assert set(by_article) == {"names-politics", "names-business", "names-sport"}
    assert all(verdicts == {"supported", "contradicted", "not_found"} for verdicts in by_article.values())


@pytest.mark.parametrize(("article", "source", "draft", "verdict"), CHECKS, ids=[f"{c[0]}:{c[2][:40]}" for c in CHECKS])
def test_article_checks(article: str, source: str, draft: str, verdict: str) -> None:
    start = draft.index("[[")
    end = draft.index("]]") - 2
    text = draft.replace("[[", "").replace("]]", "")
    report = factcheck.check(text, source=source)
    names = [claim for claim in report.claims if claim.kind == "name"]
    assert [claim.text for claim in names] == [text[start:end]], [c.text for c in report.claims]
    assert names[0].verdict == verdict, names[0].reason
    assert (names[0].evidence is None) == (verdict == "not_found" and "never names" in names[0].reason)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is absent")
def test_seed_stoltenberg_is_not_found_and_zelensky_spellings_are_supported() -> None:
    source = SEED.read_text(encoding="utf-8")
    draft = ("NATO chief Jens Stoltenberg welcomed the deal. Zelenskyy called it a breakthrough. "
             "Zelenskiy thanked Tokyo. President Zelensky hailed the pact. The G7 met in Italy.")
    names = [claim for claim in factcheck.check(draft, source=source).claims if claim.kind == "name"]
    verdicts = {claim.text: (claim.verdict.value, claim.reason) for claim in names}
    assert verdicts["NATO chief Jens Stoltenberg"] == ("not_found", "the source never names Jens Stoltenberg")
    for spelling in ("Zelenskyy", "Zelenskiy", "President Zelensky"):
        assert verdicts[spelling][0] == "supported", verdicts[spelling]
        assert "Volodymyr Zelensky" in verdicts[spelling][1]
    assert verdicts["G7"][0] == "supported"
