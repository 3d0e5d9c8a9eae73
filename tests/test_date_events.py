"""Dates of other events and datelines without a year (issue 10, class 9).

A date claim gets an `event` role: the [event] groups (data/roles/roles.toml) the words of its
clause name ("ruled", "an appeal", "signed", "the final was played"). Events rule a fact out only
when both sides name events and share none; paraphrases of one event agree. A dateline without a
year (`LONDON, March 3 (Reuters) -`) places `yesterday`, `today` and `tomorrow` at their month and
day (`--03-02`), and the date judge compares month-day values field by field.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import check, extract_claims
from factcheck.dates import place_in_yearless_day
from factcheck.facts import extract_facts
from factcheck.models import DateValue, Verdict

PUBLISHED = dt.date(2025, 4, 9)   # a Wednesday


def date_claim(draft: str, source: str, published: dt.date | None = PUBLISHED):
    dates = [claim for claim in check(draft, source, published=published).claims if claim.kind == "date"]
    assert len(dates) == 1, [(claim.text, claim.verdict.value) for claim in dates]
    return dates[0]


def event_of(text: str) -> str | None:
    [date] = [claim for claim in extract_claims(text, published=PUBLISHED) if claim.kind == "date"]
    return date.roles.event


# --- reading the event ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "event"), [
    ("The tribunal ruled on April 2 that the sacking was unfair.", "ruling"),
    ("The union lodged an appeal on Tuesday.", "appeal"),
    ("The midfielder signed for the club yesterday.", "agreement"),
    ("The cup final was played on Sunday.", "match"),
    ("The two firms agreed a merger on Monday.", "agreement"),
    ("The former minister died on Friday, his family said.", "death"),
    ("The suspect was arrested on March 30.", "arrest"),
])
def test_the_event_of_a_date_is_read_from_its_clause(text: str, event: str) -> None:
    assert event_of(text) == event


@pytest.mark.parametrize("text", [
    "The company said on Tuesday that sales had risen.",
    "Shares closed higher on Monday.",
    "The projected figure for 2026 stayed the same.",   # "projected" names no project
])
def test_a_date_with_no_event_word_has_no_event(text: str) -> None:
    assert event_of(text) is None


def test_a_reporting_verb_leaves_the_date_to_the_event_it_reports() -> None:
    assert event_of("The company said on Tuesday it had signed the takeover.") == "agreement"


def test_every_event_a_sentence_names_is_kept_nearest_first() -> None:
    assert event_of("The ministers met at the summit and signed the accord on Thursday.") == "agreement and meeting"


# --- judging with events -------------------------------------------------------------------------

def test_a_date_of_another_event_is_not_found() -> None:
    claim = date_claim("The union lodged an appeal on Monday.", "The tribunal ruled on April 7 that the sacking was unfair.")
    assert claim.verdict == Verdict.NOT_FOUND
    assert "ruling" in claim.reason and "appeal" in claim.reason


def test_a_transfer_is_not_the_match() -> None:
    claim = date_claim("The goalkeeper signed for the club yesterday.", "The semi-final was played on April 8, 2025.")
    assert claim.verdict == Verdict.NOT_FOUND


@pytest.mark.parametrize(("draft", "source"), [
    ("The two sides signed the deal on Monday.", "The deal, signed Monday, ends a long dispute."),
    ("The two sides signed the deal on Monday.", "The agreement between the two sides was concluded on Monday."),
    ("The leaders met at the summit and signed the pact on Monday.", "The pact was signed on Monday."),
    ("The final was played on Monday.", "Fans filled the stadium for the match on Monday."),
])
def test_paraphrases_of_one_event_still_support(draft: str, source: str) -> None:
    assert date_claim(draft, source).verdict == Verdict.SUPPORTED


@pytest.mark.parametrize(("draft", "source"), [
    ("The two sides signed the deal on Tuesday.", "The deal, signed Monday, ends a long dispute."),
    ("The final was played on Sunday.", "The match was played on Monday."),
])
def test_the_same_event_on_another_day_is_contradicted(draft: str, source: str) -> None:
    assert date_claim(draft, source).verdict == Verdict.CONTRADICTED


def test_a_date_named_without_an_event_is_still_judged() -> None:
    assert date_claim("Shares fell on Tuesday.", "Shares fell sharply on Monday.").verdict == Verdict.CONTRADICTED


def test_dates_hold_no_time_frame_of_the_amounts_beside_them() -> None:
    # "in 2024" is the amount's period; the date claim over "2024" does not take it away
    [amount] = [claim for claim in extract_claims("Sales reached $5 billion in 2024.") if claim.kind == "amount"]
    assert amount.roles.period == "in 2024"


# --- datelines without a year ----------------------------------------------------------------------

@pytest.mark.parametrize(("month", "day", "relative", "iso"), [
    (3, 3, "yesterday", "--03-02"),
    (3, 3, "tomorrow", "--03-04"),
    (5, 20, "today", "--05-20"),
    (1, 1, "yesterday", "--12-31"),
    (12, 31, "tomorrow", "--01-01"),
    (2, 27, "tomorrow", "--02-28"),
])
def test_a_yearless_day_places_relative_days(month: int, day: int, relative: str, iso: str) -> None:
    value = DateValue(granularity="day", relative=relative)  # type: ignore[arg-type]
    assert place_in_yearless_day(value, month, day).iso == iso


@pytest.mark.parametrize(("month", "day", "relative"), [(3, 1, "yesterday"), (2, 28, "tomorrow")])
def test_a_day_across_the_end_of_february_stays_unplaced(month: int, day: int, relative: str) -> None:
    value = DateValue(granularity="day", relative=relative)  # type: ignore[arg-type]
    assert place_in_yearless_day(value, month, day).iso is None


def test_a_yearless_day_does_not_place_years_or_weekdays() -> None:
    for value in (DateValue(granularity="year", relative="last_year"), DateValue(granularity="weekday", weekday="Monday")):
        assert place_in_yearless_day(value, 3, 3) == value


def test_a_sources_yearless_dateline_places_its_yesterday() -> None:
    sheet = extract_facts("OSLO, Sept 9 (Reuters) - The carmaker said yesterday it would cut 900 jobs.")
    assert sheet.published is None
    [fact] = [fact for fact in sheet.facts if fact.kind == "date"]
    assert fact.value.iso == "--09-08"  # type: ignore[union-attr]


@pytest.mark.parametrize(("draft", "verdict"), [
    ("The carmaker said on September 8 it would cut 900 jobs.", Verdict.SUPPORTED),
    ("The carmaker said on September 6 it would cut 900 jobs.", Verdict.CONTRADICTED),
    ("The carmaker said on October 8 it would cut 900 jobs.", Verdict.CONTRADICTED),
])
def test_a_draft_date_against_a_source_day_placed_by_a_yearless_dateline(draft: str, verdict: Verdict) -> None:
    source = "OSLO, Sept 9 (Reuters) - The carmaker said yesterday it would cut 900 jobs."
    assert date_claim(draft, source, published=None).verdict == verdict


def test_a_drafts_yearless_dateline_places_its_today() -> None:
    draft = "MILAN, Oct 2 (Reuters) - The regulator fined the airline today."
    assert date_claim(draft, "The regulator fined the airline on October 2.", published=None).verdict == Verdict.SUPPORTED
    assert date_claim(draft, "The regulator fined the airline on October 1, 2025.", published=None).verdict == Verdict.CONTRADICTED


def test_a_yearless_day_says_nothing_of_the_year() -> None:
    draft = "MILAN, Oct 2 (Reuters) - The regulator fined the airline today."
    claim = date_claim(draft, "The regulator fined the airline in 2025.", published=None)
    assert claim.verdict == Verdict.NOT_FOUND


def test_a_given_publication_date_wins_over_a_yearless_dateline() -> None:
    draft = "MILAN, Oct 2 (Reuters) - The regulator fined the airline today."
    [today] = [claim for claim in extract_claims(draft, published=dt.date(2025, 10, 3)) if claim.kind == "date"]
    assert today.value.iso == "2025-10-03"  # type: ignore[union-attr]
