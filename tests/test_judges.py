"""`judges.verdict` is `judges.compare` without the reason: alignment weighs facts by it and reports
one with `compare`, so the two must never disagree. Checked on every pair of a claim and a fact
of its kind in a few drafts and sources, under several publication dates and tolerances."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import factcheck
from benchmarks.corpus import source_and_draft
from factcheck import judges
from factcheck.facts import load_facts
from factcheck.judges.context import JudgeContext
from factcheck.judges.intervals import Interval, relate
from factcheck.models import Claim, Verdict

ROOT = Path(__file__).resolve().parents[1]

_SOURCE = """Japan and Ukraine signed a ten-year security agreement on Thursday 13 June 2024 in Puglia, Italy,
on the sidelines of the G7 summit. Japan pledged $4.5 billion this year, about €4 billion, and more than
a dozen deals; Tokyo has given some 12 billion dollars to date. The accord runs for 10 years.
Nigeria lent 2 billion naira for more than five years. Kyiv has signed similar pacts with its backers."""

_DRAFT = """Japan and Germany signed a nine-year pact on Friday in Bari, and Ukraine and Poland signed one in Rome.
Japan pledged $4 billion in 2024, about 4.5 billion euros, 15 deals, up to 3 billion yen and 12 billion
Swiss francs; the accord runs for more than a decade, two to three years, or 120 months, since June.
Nigeria lent $5 million for seven years. Ukraine signed with Canada."""


def _pairs() -> list[tuple[Claim, Claim]]:
    source, draft = source_and_draft(300, seed=3)
    handmade = load_facts(ROOT / "claims" / "japan-ukraine-2024.yaml").facts
    cases = [
        (factcheck.extract_claims(draft), factcheck.extract_facts(source).facts),
        (factcheck.extract_claims(_DRAFT), factcheck.extract_facts(_SOURCE).facts + handmade),
    ]
    for path in sorted((ROOT / "claims" / "drafts").glob("*.md")):
        cases.append((factcheck.extract_claims(path.read_text()), handmade))
    return [(claim, fact) for claims, facts in cases for claim in claims for fact in facts if fact.kind == claim.kind]


_PAIRS = _pairs()


def test_the_pairs_cover_every_kind() -> None:
    assert {claim.kind for claim, _ in _PAIRS} == {"amount", "term", "date", "count", "signatory", "location", "name"}


@pytest.mark.parametrize(
    "context",
    [
        JudgeContext(),
        JudgeContext(published=dt.date(2024, 6, 14), anchor_year=2024),
        JudgeContext(anchor_year=2023, tolerance=0.2),
    ],
    ids=["nothing known", "published", "anchor year, wide tolerance"],
)
def test_the_verdict_alone_is_the_verdict_of_compare(context: JudgeContext) -> None:
    for claim, fact in _PAIRS:
        assert judges.verdict(claim, fact, context) == judges.compare(claim, fact, context)[0], (claim.text, fact.text)


def test_descriptions_kept_for_a_value_are_those_of_an_equal_value() -> None:
    # describe is kept for each value: an equal value made anew reads the same
    for claim, _ in _PAIRS:
        if claim.kind in ("amount", "term", "date", "count"):
            copy = type(claim.value).model_validate(claim.value.model_dump())
            assert judges.describe(claim) == judges.describe(claim.model_copy(update={"value": copy}))


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        (Interval(1, 2), Interval(1, 2), Verdict.SUPPORTED),
        (Interval(1, 2), Interval(1.0000000001, 2), Verdict.SUPPORTED),   # the same number, as floats go
        (Interval(1, 2, low_closed=False), Interval(1, 1.5), Verdict.NOT_FOUND),
        (Interval(1, 2, high_closed=False), Interval(2, 3), Verdict.CONTRADICTED),
        (Interval(1, 2), Interval(2, 3), Verdict.NOT_FOUND),
        (Interval(float("-inf"), 2, low_closed=False), Interval(float("-inf"), 1, low_closed=False), Verdict.SUPPORTED),
        (Interval(0, float("inf"), high_closed=False), Interval(5, 5), Verdict.SUPPORTED),
        (Interval(3, 4), Interval(5, 5), Verdict.CONTRADICTED),
    ],
)
def test_relate_on_edges(claim: Interval, source: Interval, verdict: Verdict) -> None:
    assert relate(claim, source) == verdict


def test_intervals_are_values() -> None:
    assert Interval(1, 2) == Interval(1.0, 2.0, True, True)
    assert len({Interval(1, 2), Interval(1, 2)}) == 1
    assert Interval(1, 2) != Interval(1, 2, high_closed=False)
