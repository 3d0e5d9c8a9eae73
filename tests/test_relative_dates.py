"""Relative dates (`yesterday`, `last year`, `on Monday`) are placed from the publication date or the
document's own dateline; where neither is known they never contradict an absolute date (issue 10,
class 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import check, extract_claims
from factcheck.extractors.date import dateline
from factcheck.facts import extract_facts
from factcheck.judges import date as date_judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, DateValue, Span, Verdict
from factcheck.text import Document

JUNE_13 = dt.date(2024, 6, 13)   # a Thursday


def date_verdict(draft: str, source: str, published: dt.date | None = None) -> tuple[Verdict, str]:
    report = check(draft, source, published=published)
    dates = [claim for claim in report.claims if claim.kind == "date"]
    assert len(dates) == 1, [(c.text, c.verdict) for c in report.claims]
    return dates[0].verdict, dates[0].reason


# --- datelines ---------------------------------------------------------------------------------

DATELINES = [
    ("KYIV, June 13, 2024 - Parliament passed the budget.", JUNE_13, "June 13, 2024"),
    ("KYIV, June 13, 2024 \u2014 Parliament passed the budget.", JUNE_13, "June 13, 2024"),
    ("LONDON, March 3 (Reuters) - Shares slipped.", None, "March 3"),
    ("Published: 13 June 2024\n\nParliament passed the budget.", JUNE_13, "13 June 2024"),
    ("Updated Mar 3, 2024\nShares slipped.", dt.date(2024, 3, 3), "Mar 3, 2024"),
    ("Budget passes\nFirst published on Thu 13 Jun 2024 09.10 BST\nLast updated Fri 14 Jun 2024", JUNE_13, "13 Jun 2024"),
    ("Posted on 2024-06-13 by the desk\nParliament passed the budget.", JUNE_13, "2024-06-13"),
    ("Budget passes\nDate: 13/06/2024\nParliament passed the budget.", JUNE_13, "13/06/2024"),
    ("PERTH, Scotland, June 13, 2024 - The council met.", JUNE_13, "June 13, 2024"),
    ("NEW YORK, Jan. 5, 2024 /PRNewswire/ -- The firm reported results.", dt.date(2024, 1, 5), "Jan. 5, 2024"),
]


@pytest.mark.parametrize(("text", "date", "words"), DATELINES)
def test_datelines_are_found(text: str, date: dt.date | None, words: str) -> None:
    found = dateline(Document(text))
    assert found is not None
    assert found.date == date
    assert text[found.start:found.end] == words


@pytest.mark.parametrize("text", [
    "Paris, June 13, 2024 was the hottest day of the year.",
    "The minister said on June 13, 2024 - a Thursday - that the plan stood.",
    "Parliament passed the budget on June 13, 2024.",
    "Dates of June 13, 2024 and later are open.",
    "Timeline\nTuesday, March 3, 2024: the first vote\nJune 13, 2024: the second",
    "THURSDAY, June 13, 2024 - talks resumed.",
    "the capital, June 13, 2024 - talks resumed.",
])
def test_dates_in_running_text_are_no_dateline(text: str) -> None:
    assert dateline(Document(text)) is None


def test_a_dateline_is_no_date_claim() -> None:
    claims = extract_claims("Updated Mar 3, 2024\nThe plant shut on Friday.")
    assert [claim.text for claim in claims if claim.kind == "date"] == ["Friday"]


def test_a_dateline_fills_the_publication_date_of_a_fact_sheet() -> None:
    sheet = extract_facts("KYIV, June 13, 2024 - The plant shut yesterday.")
    assert sheet.published == JUNE_13
    [fact] = [fact for fact in sheet.facts if fact.kind == "date"]
    assert fact.text == "yesterday"
    assert fact.value.iso == "2024-06-12"  # type: ignore[union-attr]


def test_a_given_publication_date_is_kept_on_the_sheet() -> None:
    sheet = extract_facts("KYIV, June 13, 2024 - The plant shut.", published=dt.date(2024, 6, 14))
    assert sheet.published == dt.date(2024, 6, 14)


def test_a_dateline_without_a_year_gives_no_publication_date() -> None:
    assert extract_facts("LONDON, March 3 (Reuters) - Shares slipped.").published is None


# --- placed from the publication date ----------------------------------------------------------

def test_last_year_against_the_year_before_publication_is_supported() -> None:
    verdict, _ = date_verdict("The plant shut last year.", "The plant shut in 2023.", JUNE_13)
    assert verdict == Verdict.SUPPORTED


def test_last_year_against_another_year_is_contradicted() -> None:
    verdict, reason = date_verdict("The plant shut last year.", "The plant shut in 2022.", JUNE_13)
    assert verdict == Verdict.CONTRADICTED
    assert "2022" in reason and "2023" in reason


@pytest.mark.parametrize(("draft", "expected"), [
    ("The plant shut yesterday.", Verdict.SUPPORTED),
    ("The plant shut today.", Verdict.CONTRADICTED),
    ("The plant shut on Wednesday.", Verdict.SUPPORTED),
    ("The plant shut on Monday.", Verdict.CONTRADICTED),
    ("The plant shut this year.", Verdict.SUPPORTED),
    ("The plant shut next year.", Verdict.CONTRADICTED),
])
def test_the_sources_dateline_places_the_draft(draft: str, expected: Verdict) -> None:
    source = "KYIV, June 13, 2024 - The plant shut on June 12, 2024, officials said."
    assert date_verdict(draft, source)[0] == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("The plant shut in 2023.", Verdict.SUPPORTED),
    ("The plant shut in 2022.", Verdict.CONTRADICTED),
])
def test_the_drafts_own_dateline_places_its_relative_dates(source: str, expected: Verdict) -> None:
    draft = "Published: 13 June 2024\n\nThe plant shut last year."
    assert date_verdict(draft, source)[0] == expected


def test_a_relative_date_in_the_source_is_placed_by_its_dateline() -> None:
    source = "Published: 13 June 2024\n\nThe plant shut yesterday."
    assert date_verdict("The plant shut on June 12.", source)[0] == Verdict.SUPPORTED
    assert date_verdict("The plant shut on June 11, 2024.", source)[0] == Verdict.CONTRADICTED


# --- nothing places them -----------------------------------------------------------------------

@pytest.mark.parametrize(("draft", "source"), [
    ("The plant shut last year.", "The plant shut in 2022."),
    ("The plant shut last year.", "The plant shut in 2022. It had opened in 1990 and grew in 2022."),
    ("The plant shut next year.", "The plant shut in 2022."),
    ("The plant shut last year.", "LONDON, March 3 (Reuters) - The plant shut in 2019."),
    ("The plant shut yesterday.", "The plant shut on June 12, 2024."),
    ("The plant shut today.", "The plant shut on June 12, 2024."),
])
def test_an_unplaced_relative_date_never_contradicts(draft: str, source: str) -> None:
    verdict, reason = date_verdict(draft, source)
    assert verdict == Verdict.NOT_FOUND
    assert "publication date" in reason


def test_the_reason_says_the_date_is_relative() -> None:
    _, reason = date_verdict("The plant shut last year.", "The plant shut in 2022.")
    assert "relative" in reason and "no publication date" in reason


def test_the_sources_own_year_still_supports() -> None:
    source = "In 2024 the company said the plant shut this year. It had opened in 1990."
    assert date_verdict("The plant shut this year.", source)[0] == Verdict.SUPPORTED


def test_a_yearless_month_is_not_contradicted_by_a_guessed_year() -> None:
    source = "Revenue rose this year, in 2024. The plant shut in June 2023."
    report = check("The plant shut in June.", source)
    [june] = [claim for claim in report.claims if claim.text == "June"]
    assert june.verdict != Verdict.CONTRADICTED


def test_a_relative_date_of_the_source_placed_by_its_own_year_can_contradict() -> None:
    """The source's anchor year is its own reading of its `this year`: the source is read by it."""
    source = "Japan pledges $4.5 billion this year. In 2024, Japan will provide it."
    assert date_verdict("Japan pledged $4.5 billion for 2023.", source)[0] == Verdict.CONTRADICTED


def test_last_week_is_no_claim() -> None:
    assert extract_claims("The plant shut last week.") == []


@given(
    relative=st.sampled_from(["this_year", "last_year", "next_year", "today", "yesterday", "tomorrow"]),
    year=st.integers(1990, 2060),
    anchor=st.none() | st.integers(1990, 2060),
    granularity=st.sampled_from(["year", "month", "day"]),
)
def test_no_anchor_but_the_sources_year_never_contradicts_a_drafts_relative_date(
    relative: str, year: int, anchor: int | None, granularity: str
) -> None:
    """Property: without a publication date, no source fact and no anchor year contradicts it."""
    iso = {"year": f"{year}", "month": f"{year}-06", "day": f"{year}-06-13"}[granularity]
    fact = Claim(kind="date", text=iso, span=Span(start=0, end=len(iso)),
                 value=DateValue(iso=iso, granularity=granularity))  # type: ignore[arg-type]
    words = relative.replace("_", " ")
    claim = Claim(kind="date", text=words, span=Span(start=0, end=len(words)),
                  value=DateValue(relative=relative, granularity="year" if relative.endswith("_year") else "day"))  # type: ignore[arg-type]
    verdict, reason = date_judge.compare(claim, fact, JudgeContext(anchor_year=anchor))
    assert verdict != Verdict.CONTRADICTED, reason
