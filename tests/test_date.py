"""Date claims: extraction, resolution against a publication date, the anchor year, judging."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import anchor_year, parts_of, resolve, resolve_weekday
from factcheck.extractors import date as date_extractor
from factcheck.extractors.base import Options, make_claim
from factcheck.judges import date as date_judge
from factcheck.judges.context import JudgeContext
from factcheck.models import AmountValue, Claim, DateValue, Verdict
from factcheck.text import Document

THURSDAY_13_JUNE = dt.date(2024, 6, 13)


def extract(text: str, published: dt.date | None = None) -> list[Claim]:
    return list(date_extractor.extract(Document(text), Options(published=published)))


def found(text: str, published: dt.date | None = None) -> list[tuple]:
    return [
        (c.text, c.value.iso, c.value.weekday, c.value.granularity, c.value.relative)  # type: ignore[union-attr]
        for c in extract(text, published)
    ]


def one(text: str, published: dt.date | None = None) -> Claim:
    claims = extract(text, published)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


# --- extraction: what is a date ----------------------------------------------------------------

DAY, MONTH, YEAR, WEEKDAY = "day", "month", "year", "weekday"

POSITIVES = [
    # years in year-like contexts
    ("In 2024, the ministry will spend more on roads.", [("2024", "2024", None, YEAR, None)]),
    ("Inflation has not been this high since 1991.", [("1991", "1991", None, YEAR, None)]),
    ("The country aims to be carbon neutral by 2050.", [("2050", "2050", None, YEAR, None)]),
    ("The 2024 budget passed on a narrow vote.", [("2024", "2024", None, YEAR, None)]),
    ("Analysts expect 2025's growth to slow.", [("2025", "2025", None, YEAR, None)]),
    ("Output fell sharply during 2020 and recovered after 2021.",
     [("2020", "2020", None, YEAR, None), ("2021", "2021", None, YEAR, None)]),
    ("The plant has been closed until 2026 for repairs.", [("2026", "2026", None, YEAR, None)]),
    ("Prices peaked in mid-2022.", [("2022", "2022", None, YEAR, None)]),
    ("Exports returned to pre-2019 levels.", [("2019", "2019", None, YEAR, None)]),
    ("The treaty dates back to the summer of 1815.", [("1815", "1815", None, YEAR, None)]),
    ("Growth was revised for fiscal 2023.", [("2023", "2023", None, YEAR, None)]),
    ("2023 was the hottest year on record.", [("2023", "2023", None, YEAR, None)]),
    ("The study (2021) found no link.", [("2021", "2021", None, YEAR, None)]),
    ("Sales doubled between 2019 and 2023.", [("2019", "2019", None, YEAR, None), ("2023", "2023", None, YEAR, None)]),
    ("The programme ran from 2015 to 2020.", [("2015", "2015", None, YEAR, None), ("2020", "2020", None, YEAR, None)]),
    ("By the end of 2030, every school will be connected.", [("2030", "2030", None, YEAR, None)]),
    ("Late 2019 brought the first reports.", [("2019", "2019", None, YEAR, None)]),
    ("The bridge opened in the year 1900.", [("1900", "1900", None, YEAR, None)]),
    ("Results for early 2024 were mixed.", [("2024", "2024", None, YEAR, None)]),
    ("The fund opens in summer 2025.", [("2025", "2025", None, YEAR, None)]),
    ("Turnout was 2% lower than in 2019.", [("2019", "2019", None, YEAR, None)]),
    ("The law was passed in 2199, the story imagines.", [("2199", "2199", None, YEAR, None)]),
    # months
    ("The vote is expected in June.", [("June", "--06", None, MONTH, None)]),
    ("Talks stalled in June 2024.", [("June 2024", "2024-06", None, MONTH, None)]),
    ("The strike began in March of 2023.", [("March of 2023", "2023-03", None, MONTH, None)]),
    ("Prices have risen since October.", [("October", "--10", None, MONTH, None)]),
    ("The army withdrew by late September, 2022.", [("September, 2022", "2022-09", None, MONTH, None)]),
    ("Rates were cut in mid-August.", [("August", "--08", None, MONTH, None)]),
    ("Elections are due in May.", [("May", "--05", None, MONTH, None)]),
    ("The ceasefire held until May 2021.", [("May 2021", "2021-05", None, MONTH, None)]),
    ("Turnout rose last November.", [("last November", "--11", None, MONTH, None)]),
    ("Rain fell between April and June.", [("April", "--04", None, MONTH, None), ("June", "--06", None, MONTH, None)]),
    ("Figures for Dec. 2023 were revised.", [("Dec. 2023", "2023-12", None, MONTH, None)]),
    ("The summit ran June 13-14 in Italy.", [("June 13-14", "--06", None, MONTH, None)]),
    ("Delegates met on 3-5 May 2022 in Geneva.", [("3-5 May 2022", "2022-05", None, MONTH, None)]),
    # days
    ("The agreement was signed on June 13, 2024.", [("June 13, 2024", "2024-06-13", None, DAY, None)]),
    ("The agreement was signed on 13 June 2024.", [("13 June 2024", "2024-06-13", None, DAY, None)]),
    ("Leaders will meet on June 13.", [("June 13", "--06-13", None, DAY, None)]),
    ("Polls close on 13th June.", [("13th June", "--06-13", None, DAY, None)]),
    ("The deadline falls on the 1st of March.", [("1st of March", "--03-01", None, DAY, None)]),
    ("He was born on Feb 29, 2000.", [("Feb 29, 2000", "2000-02-29", None, DAY, None)]),
    ("The attacks of Sept. 11, 2001 changed policy.", [("Sept. 11, 2001", "2001-09-11", None, DAY, None)]),
    ("The pact was signed on Thursday, June 13, 2024.",
     [("Thursday, June 13, 2024", "2024-06-13", "Thursday", DAY, None)]),
    ("Voting ends on Sunday 7 July.", [("Sunday 7 July", "--07-07", "Sunday", DAY, None)]),
    ("Data published 2024-06-13 show a rise.", [("2024-06-13", "2024-06-13", None, DAY, None)]),
    ("The hearing is set for 13/06/2024.", [("13/06/2024", "2024-06-13", None, DAY, None)]),
    ("The memo is dated 06/13/2024.", [("06/13/2024", "2024-06-13", None, DAY, None)]),
    ("Entries closed on 05.05.2023.", [("05.05.2023", "2023-05-05", None, DAY, None)]),
    ("The court sat on 31.01.2022.", [("31.01.2022", "2022-01-31", None, DAY, None)]),
    ("The filing is dated 2024/06/13.", [("2024/06/13", "2024-06-13", None, DAY, None)]),
    ("The vote is on Thursday the 13th of June.", [("Thursday the 13th of June", "--06-13", "Thursday", DAY, None)]),
    # weekdays
    ("Ukraine and Japan signed the deal on Thursday.", [("Thursday", None, "Thursday", WEEKDAY, None)]),
    ("The minister said Friday that talks would continue.", [("Friday", None, "Friday", WEEKDAY, None)]),
    ("Protesters gathered again last Sunday.", [("last Sunday", None, "Sunday", WEEKDAY, None)]),
    ("The board meets next Tuesday.", [("next Tuesday", None, "Tuesday", WEEKDAY, None)]),
    ("Wednesday's vote was close.", [("Wednesday", None, "Wednesday", WEEKDAY, None)]),
    ("Markets fell on monday.", [("monday", None, "Monday", WEEKDAY, None)]),
    ("On Saturday, Kyiv said three drones were downed.", [("Saturday", None, "Saturday", WEEKDAY, None)]),
    ("Shares slid on the last Friday of the month.", [("Friday", None, "Friday", WEEKDAY, None)]),
    ("Thursday-Friday talks ended.",
     [("Thursday", None, "Thursday", WEEKDAY, None), ("Friday", None, "Friday", WEEKDAY, None)]),
    ("Kishida said Thursday Japan would pay.", [("Thursday", None, "Thursday", WEEKDAY, None)]),
    # relative dates
    ("Japan will provide aid this year.", [("this year", None, None, YEAR, "this_year")]),
    ("This year's harvest was poor.", [("This year", None, None, YEAR, "this_year")]),
    ("Spending rose more than last year.", [("last year", None, None, YEAR, "last_year")]),
    ("The plant should reopen next year.", [("next year", None, None, YEAR, "next_year")]),
    ("Earlier this year the fund shrank.", [("this year", None, None, YEAR, "this_year")]),
    ("The talks resume today.", [("today", None, None, DAY, "today")]),
    ("Yesterday the central bank held rates.", [("Yesterday", None, None, DAY, "yesterday")]),
    ("The results are due tomorrow.", [("tomorrow", None, None, DAY, "tomorrow")]),
    ("Aid announced yesterday adds to pledges made last year.",
     [("yesterday", None, None, DAY, "yesterday"), ("last year", None, None, YEAR, "last_year")]),
    # markup and typography around a date
    ("The deal was signed on **13 June 2024**.", [("13 June 2024", "2024-06-13", None, DAY, None)]),
    ("Signed\u00a0on\u00a0June\u00a013,\u00a02024.", [("June\u00a013,\u00a02024", "2024-06-13", None, DAY, None)]),
]

NEGATIVES = [
    "Some 2024 people attended the rally.",
    "The repair cost $2024 in the end.",
    "A total of 2,024 votes were cast.",
    "Exports rose by 2024 units.",
    "The fire destroyed 1850 homes.",
    "The route is 2100 km long.",
    "Support fell to 1900 members.",
    "Unemployment hit 20.24 percent.",
    "Flight 2024 landed safely.",
    "The team has Vision 2030 in mind.",
    "Prices were high in the 1990s.",
    "The 2023-24 season ended early.",
    "Figures for 2020-2024 are not comparable.",
    "The region needs support for the next decade.",
    "The war is now well into its third year.",
    "It signed a 10-year agreement.",
    "Sales grew 4% year-on-year.",
    "Aid will grow over the next year.",
    "The fund has shrunk in the last year.",
    "A march on Washington is planned.",
    "Thousands joined the March on Washington.",
    "Officials may approve the plan soon.",
    "May I ask a question?",
    "Theresa May resigned as prime minister.",
    "Backbenchers voted against May after the debate.",
    "The Sunday Times reported the leak.",
    "Sunday Telegraph columnists disagreed.",
    "Shoppers queued for Black Friday deals.",
    "Churches marked Good Friday quietly.",
    "USA Today published the poll.",
    "The leaders of tomorrow met in Rome.",
    "The deadline is 05/06/2024.",
    "The hearing was on 31/02/2024.",
    "The meeting is on June 31.",
    "Engineers measured 1.2024 metres.",
    "Dial extension 2024 for the desk.",
    "The years of war left scars.",
    "Fridays are for meetings.",
    "The vote is on the 13th.",
    "Crops suffer in spring and autumn.",
    "The figure was 2024.5 tonnes.",
    "Nearly 2000 troops arrived.",
    "The 2000 troops arrived by sea.",
    "The deal cost \u20ac1850 per head.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_extracts_dates(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_finds_no_date(text: str) -> None:
    assert found(text) == []


def test_spans_index_the_original_text() -> None:
    text = "Kyiv said on \u201cThursday\u201d that the pact, signed 13\u00a0June\u00a02024, runs to 2034."
    for claim in extract(text):
        assert text[claim.span.start:claim.span.end] == claim.text
    assert [c.text for c in extract(text)] == ["Thursday", "13\u00a0June\u00a02024"]


def test_claims_carry_their_sentence() -> None:
    text = "Aid rose. The pact was signed on Thursday. It runs for ten years."
    claim = one(text)
    assert claim.sentence is not None
    assert claim.sentence.text == "The pact was signed on Thursday."


def test_skips_numbers_an_earlier_kind_claimed() -> None:
    doc = Document("The bill came to 2024 dollars in 2024.")
    amount = make_claim(doc, "amount", 17, 29, AmountValue(amount=2024, currency="USD"))
    doc.add_claim(amount)
    claims = list(date_extractor.extract(doc, Options()))
    assert [(c.text, c.span.start) for c in claims] == [("2024", 33)]


TOKENS = ["June", "May", "Sept.", "13", "31", "0", "00", "29", "2024", "1799", "2200", "Feb", "of", "the", "in", "last",
          "this", "year", "Thursday", "today", ",", "-", "/", ".", "$", "'s", "people", "(", ")", "13th", "2024-13-45"]


@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.sampled_from([None, THURSDAY_13_JUNE, dt.date(2023, 1, 1)]))
def test_any_mix_of_date_words_gives_valid_claims(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for claim in extract(text, published):
        assert text[claim.span.start:claim.span.end] == claim.text
        value = claim.value
        assert isinstance(value, DateValue)
        if value.iso is not None and not value.iso.startswith("--"):
            parts = parts_of(value)   # parses, and a day is a real day
            assert parts.year is not None and 1000 <= parts.year <= 2999
        assert date_judge.describe(value)


# --- resolution against the publication date --------------------------------------------------

RESOLVED = [
    # (text, published, claim text, iso, granularity)
    ("The deal was signed on Thursday.", THURSDAY_13_JUNE, "Thursday", "2024-06-13", DAY),
    ("The deal was signed on Friday.", THURSDAY_13_JUNE, "Friday", "2024-06-07", DAY),
    ("The deal was signed on Monday.", THURSDAY_13_JUNE, "Monday", "2024-06-10", DAY),
    ("The deal was signed last Thursday.", THURSDAY_13_JUNE, "last Thursday", "2024-06-06", DAY),
    ("The board meets next Thursday.", THURSDAY_13_JUNE, "next Thursday", "2024-06-20", DAY),
    ("The board meets next Friday.", THURSDAY_13_JUNE, "next Friday", "2024-06-14", DAY),
    ("The board meets this Saturday.", THURSDAY_13_JUNE, "this Saturday", "2024-06-15", DAY),
    ("Aid will be paid this year.", THURSDAY_13_JUNE, "this year", "2024", YEAR),
    ("Aid was paid last year.", THURSDAY_13_JUNE, "last year", "2023", YEAR),
    ("Aid will be paid next year.", THURSDAY_13_JUNE, "next year", "2025", YEAR),
    ("The vote took place today.", THURSDAY_13_JUNE, "today", "2024-06-13", DAY),
    ("The vote took place yesterday.", dt.date(2024, 1, 1), "yesterday", "2023-12-31", DAY),
    ("The vote takes place tomorrow.", dt.date(2024, 2, 28), "tomorrow", "2024-02-29", DAY),
    ("Leaders met on June 3.", THURSDAY_13_JUNE, "June 3", "2024-06-03", DAY),
    ("Leaders met in March.", THURSDAY_13_JUNE, "March", "2024-03", MONTH),
    ("Turnout fell last July.", THURSDAY_13_JUNE, "last July", "2023-07", MONTH),
    ("Turnout fell last March.", THURSDAY_13_JUNE, "last March", "2024-03", MONTH),
    ("Elections are due next March.", THURSDAY_13_JUNE, "next March", "2025-03", MONTH),
    ("Elections are due next July.", THURSDAY_13_JUNE, "next July", "2024-07", MONTH),
    ("The fair opened on Feb 29.", dt.date(2023, 3, 1), "Feb 29", "--02-29", DAY),   # no such day in 2023
    ("The deal was signed on 13 June 2023.", THURSDAY_13_JUNE, "13 June 2023", "2023-06-13", DAY),
]


@pytest.mark.parametrize(("text", "published", "words", "iso", "granularity"), RESOLVED)
def test_resolves_against_the_publication_date(
    text: str, published: dt.date, words: str, iso: str, granularity: str
) -> None:
    claim = one(text, published)
    assert (claim.text, claim.value.iso, claim.value.granularity) == (words, iso, granularity)  # type: ignore[union-attr]


def test_a_resolved_weekday_keeps_its_weekday() -> None:
    value = one("It was signed on Thursday.", THURSDAY_13_JUNE).value
    assert value == DateValue(iso="2024-06-13", weekday="Thursday", granularity="day")


def test_a_resolved_relative_date_keeps_what_it_was() -> None:
    assert one("Aid rose this year.", THURSDAY_13_JUNE).value == DateValue(
        iso="2024", granularity="year", relative="this_year"
    )
    assert one("It ended yesterday.", THURSDAY_13_JUNE).value == DateValue(
        iso="2024-06-12", weekday="Wednesday", granularity="day", relative="yesterday"
    )


def test_unresolved_without_a_publication_date() -> None:
    assert one("It was signed on Thursday.").value == DateValue(weekday="Thursday", granularity="weekday")
    assert one("Aid rose this year.").value == DateValue(granularity="year", relative="this_year")
    assert one("It ended yesterday.").value == DateValue(granularity="day", relative="yesterday")


def test_resolve_uses_the_anchor_year_without_a_publication_date() -> None:
    this_year = DateValue(granularity="year", relative="this_year")
    assert resolve(this_year, "this year", None, 2024).iso == "2024"
    assert resolve(DateValue(granularity="year", relative="last_year"), "last year", None, 2024).iso == "2023"
    assert resolve(DateValue(iso="--06", granularity="month"), "June", None, 2024).iso == "2024-06"
    # "last June" depends on the month of writing, which an anchor year does not give
    assert resolve(DateValue(iso="--06", granularity="month"), "last June", None, 2024).iso == "--06"
    # days and weekdays need the day of writing
    assert resolve(DateValue(granularity="day", relative="today"), "today", None, 2024).iso is None
    assert resolve(DateValue(weekday="Friday", granularity="weekday"), "Friday", None, 2024).iso is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 6))
def test_a_weekday_resolves_to_the_past_week(published: dt.date, index: int) -> None:
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[index]
    day = resolve_weekday(name, published)
    assert day.weekday() == index
    assert 0 <= (published - day).days <= 6
    assert 1 <= (published - resolve_weekday(name, published, "last")).days <= 7
    assert 1 <= (resolve_weekday(name, published, "next") - published).days <= 7


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_written_dates_round_trip(day: dt.date) -> None:
    month = day.strftime("%B")
    for text in (f"on {day.day} {month} {day.year}.", f"on {month} {day.day}, {day.year}.", f"on {day.isoformat()}."):
        assert one(text).value.iso == day.isoformat()  # type: ignore[union-attr]


# --- the seed article --------------------------------------------------------------------------


def test_seed_article_dates(seed_text: str) -> None:
    claims = extract(seed_text)
    assert [(c.text, c.value.granularity) for c in claims] == [  # type: ignore[union-attr]
        ("Thursday", "weekday"),
        ("this year", "year"),
        ("2024", "year"),
        ("this year", "year"),
    ]
    assert seed_text[claims[2].span.start - 3:claims[2].span.end] == "In 2024"
    assert anchor_year(claims) == 2024


def test_seed_article_dates_resolved(seed_text: str) -> None:
    claims = extract(seed_text, THURSDAY_13_JUNE)
    assert [c.value.iso for c in claims] == ["2024-06-13", "2024", "2024", "2024"]  # type: ignore[union-attr]


def test_seed_article_judged(seed_text: str) -> None:
    facts = extract(seed_text)
    thursday, this_year = facts[0], facts[1]
    context = JudgeContext(anchor_year=anchor_year(facts))
    assert date_judge.compare(one("Japan pledged $4.5bn for 2024."), this_year, context)[0] == Verdict.SUPPORTED
    assert date_judge.compare(one("Japan pledged $4.5bn for 2023."), this_year, context)[0] == Verdict.CONTRADICTED
    assert date_judge.compare(one("It was signed on Friday."), thursday, context)[0] == Verdict.CONTRADICTED
    assert date_judge.compare(one("It was signed in June 2024."), thursday, context)[0] == Verdict.NOT_FOUND
    published = JudgeContext(published=THURSDAY_13_JUNE, anchor_year=2024)
    assert date_judge.compare(one("It was signed in June 2024."), thursday, published)[0] == Verdict.SUPPORTED


# --- the anchor year ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In 2023, aid fell. This year it will rise.", 2023),
        ("Aid rose this year, and in 2024 it will double. Back in 2019 it was small.", 2024),
        ("The plan dates from 2019. In 2024 aid doubled. This year is different, as 2024 shows.", 2024),
        ("This year aid rose. In 2024, it doubled.", 2024),     # no year before: the most frequent
        ("Aid rose in 2022 and 2023.", None),                     # no mention, no single most frequent
        ("Aid rose in 2022, in 2023 and again in 2023.", 2023),
        ("Aid rose this year.", None),
        ("Aid rose last year and on Thursday.", None),
        ("This year aid rose, after a fall in June. It was lower in June 2021.", 2021),
    ],
)
def test_anchor_year(text: str, year: int | None) -> None:
    assert anchor_year(extract(text)) == year


def test_anchor_year_ignores_dates_resolved_from_the_publication_date() -> None:
    # "Thursday" resolves to 2024-06-13 but writes no year; "2019" is the only year written
    claims = extract("It was signed on Thursday. Aid rose this year. Talks began in 2019.", THURSDAY_13_JUNE)
    assert anchor_year(claims) == 2019


def test_anchor_year_ignores_other_kinds() -> None:
    doc = Document("Aid rose this year.")
    amount = make_claim(doc, "amount", 0, 3, AmountValue(amount=2024))
    assert anchor_year([amount, *extract("Aid rose this year.")]) is None


# --- judging -----------------------------------------------------------------------------------


def claim_of(iso: str | None = None, weekday: str | None = None, granularity: str = "day",
             relative: str | None = None, text: str = "") -> Claim:
    value = DateValue(iso=iso, weekday=weekday, granularity=granularity, relative=relative)  # type: ignore[arg-type]
    words = text or date_judge.describe(value)
    return Claim(kind="date", text=words, span={"start": 0, "end": len(words)}, value=value)  # type: ignore[arg-type]


YEAR_2024 = claim_of("2024", granularity=YEAR)
YEAR_2023 = claim_of("2023", granularity=YEAR)
JUNE_2024 = claim_of("2024-06", granularity=MONTH)
JULY_2024 = claim_of("2024-07", granularity=MONTH)
JUNE_2023 = claim_of("2023-06", granularity=MONTH)
DAY_13 = claim_of("2024-06-13")
DAY_14 = claim_of("2024-06-14")
YEARLESS_13_JUNE = claim_of("--06-13", text="13 June")
YEARLESS_14_JUNE = claim_of("--06-14", text="14 June")
YEARLESS_JUNE = claim_of("--06", granularity=MONTH, text="June")
THURSDAY = claim_of(weekday="Thursday", granularity=WEEKDAY)
FRIDAY = claim_of(weekday="Friday", granularity=WEEKDAY)
THIS_YEAR = claim_of(granularity=YEAR, relative="this_year", text="this year")
LAST_YEAR = claim_of(granularity=YEAR, relative="last_year", text="last year")
NEXT_YEAR = claim_of(granularity=YEAR, relative="next_year", text="next year")
TODAY = claim_of(relative="today", text="today")
YESTERDAY = claim_of(relative="yesterday", text="yesterday")
LAST_FRIDAY = claim_of(weekday="Friday", granularity=WEEKDAY, text="last Friday")

NO_CONTEXT = JudgeContext()
PUBLISHED = JudgeContext(published=THURSDAY_13_JUNE)
ANCHORED = JudgeContext(anchor_year=2024)
S, C, N = Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_FOUND

JUDGED = [
    # (draft claim, source fact, context, verdict)
    ("year vs day", YEAR_2024, DAY_13, NO_CONTEXT, S),
    ("year vs month", YEAR_2024, JUNE_2024, NO_CONTEXT, S),
    ("year vs year", YEAR_2024, YEAR_2024, NO_CONTEXT, S),
    ("other year vs month", YEAR_2023, JUNE_2024, NO_CONTEXT, C),
    ("other year vs day", YEAR_2023, DAY_13, NO_CONTEXT, C),
    ("month vs year: more precise", JUNE_2024, YEAR_2024, NO_CONTEXT, N),
    ("month vs other year", JUNE_2023, YEAR_2024, NO_CONTEXT, C),
    ("month vs day", JUNE_2024, DAY_13, NO_CONTEXT, S),
    ("other month vs day", JULY_2024, DAY_13, NO_CONTEXT, C),
    ("day vs day", DAY_13, DAY_13, NO_CONTEXT, S),
    ("other day vs day", DAY_14, DAY_13, NO_CONTEXT, C),
    ("day vs month", DAY_13, JUNE_2024, NO_CONTEXT, N),
    ("day vs other month", DAY_13, JULY_2024, NO_CONTEXT, C),
    ("yearless day vs day", YEARLESS_13_JUNE, DAY_13, NO_CONTEXT, S),
    ("yearless other day vs day", YEARLESS_14_JUNE, DAY_13, NO_CONTEXT, C),
    ("yearless month vs day", YEARLESS_JUNE, DAY_13, NO_CONTEXT, S),
    ("yearless month vs other month", YEARLESS_JUNE, JULY_2024, NO_CONTEXT, C),
    ("year vs yearless month", YEAR_2024, YEARLESS_JUNE, NO_CONTEXT, N),
    ("year vs yearless month, anchored", YEAR_2024, YEARLESS_JUNE, ANCHORED, S),
    ("weekday vs weekday", THURSDAY, THURSDAY, NO_CONTEXT, S),
    ("other weekday vs weekday", FRIDAY, THURSDAY, NO_CONTEXT, C),
    ("weekday vs its date", THURSDAY, DAY_13, NO_CONTEXT, S),
    ("weekday vs another date", FRIDAY, DAY_13, NO_CONTEXT, C),
    ("weekday vs month", THURSDAY, JUNE_2024, NO_CONTEXT, N),
    ("month vs weekday, no date", JUNE_2024, THURSDAY, NO_CONTEXT, N),
    ("month vs weekday, published", JUNE_2024, THURSDAY, PUBLISHED, S),
    ("other month vs weekday, published", JULY_2024, THURSDAY, PUBLISHED, C),
    ("yearless day vs weekday, published", YEARLESS_13_JUNE, THURSDAY, PUBLISHED, S),
    ("yearless other day vs weekday, published", YEARLESS_14_JUNE, THURSDAY, PUBLISHED, C),
    ("day vs weekday it falls on, no date", DAY_13, THURSDAY, NO_CONTEXT, N),
    ("day vs weekday it does not fall on", DAY_14, THURSDAY, NO_CONTEXT, C),
    ("weekday vs weekday, published", FRIDAY, THURSDAY, PUBLISHED, C),
    ("last Friday vs a Friday date, published", LAST_FRIDAY, claim_of("2024-06-07"), PUBLISHED, S),
    ("this year vs this year, published", THIS_YEAR, THIS_YEAR, PUBLISHED, S),
    ("this year vs this year, anchored", THIS_YEAR, THIS_YEAR, ANCHORED, S),
    ("this year vs this year, nothing", THIS_YEAR, THIS_YEAR, NO_CONTEXT, S),
    ("last year vs this year, nothing", LAST_YEAR, THIS_YEAR, NO_CONTEXT, C),
    ("year vs this year, nothing", YEAR_2024, THIS_YEAR, NO_CONTEXT, N),
    ("year vs this year, anchored", YEAR_2024, THIS_YEAR, ANCHORED, S),
    ("other year vs this year, anchored", YEAR_2023, THIS_YEAR, ANCHORED, C),
    ("year vs this year, published", YEAR_2024, THIS_YEAR, PUBLISHED, S),
    ("published beats the anchor", YEAR_2024, THIS_YEAR, JudgeContext(published=THURSDAY_13_JUNE, anchor_year=2023), S),
    ("this year vs year, anchored", THIS_YEAR, YEAR_2024, ANCHORED, S),
    ("this year vs year, nothing", THIS_YEAR, YEAR_2024, NO_CONTEXT, N),
    # the source's year places the draft's relative date only as far as agreeing (issue 10, class 9)
    ("next year vs year, anchored", NEXT_YEAR, YEAR_2024, ANCHORED, N),
    ("last year vs last year's number", LAST_YEAR, YEAR_2023, ANCHORED, S),
    ("this year vs day, published", THIS_YEAR, DAY_13, PUBLISHED, S),
    ("month vs this year, published: more precise", JUNE_2024, THIS_YEAR, PUBLISHED, N),
    ("today vs day, published", TODAY, DAY_13, PUBLISHED, S),
    ("yesterday vs day, published", YESTERDAY, DAY_13, PUBLISHED, C),
    ("today vs today, nothing", TODAY, TODAY, NO_CONTEXT, S),
    ("yesterday vs today, nothing", YESTERDAY, TODAY, NO_CONTEXT, C),
    ("this year vs today, nothing", THIS_YEAR, TODAY, NO_CONTEXT, S),
    ("today vs this year, nothing", TODAY, THIS_YEAR, NO_CONTEXT, N),
    ("today vs day, nothing", TODAY, DAY_13, NO_CONTEXT, N),
]


@pytest.mark.parametrize(("case", "claim", "fact", "context", "verdict"), JUDGED, ids=[row[0] for row in JUDGED])
def test_judges_dates(case: str, claim: Claim, fact: Claim, context: JudgeContext, verdict: Verdict) -> None:
    assert date_judge.compare(claim, fact, context)[0] == verdict


@pytest.mark.parametrize(("case", "claim", "fact", "context", "verdict"), JUDGED, ids=[row[0] for row in JUDGED])
def test_every_reason_is_one_line(case: str, claim: Claim, fact: Claim, context: JudgeContext, verdict: Verdict) -> None:
    reason = date_judge.compare(claim, fact, context)[1]
    assert reason.startswith("source says ") and "\n" not in reason and len(reason) < 160


def test_judges_claims_extracted_from_text() -> None:
    fact = one("The deal was signed on Thursday.")
    context = JudgeContext(published=THURSDAY_13_JUNE)
    for draft, verdict in [
        ("It was signed in June 2024.", S),
        ("It was signed on 13 June.", S),
        ("It was signed on 14 June.", C),
        ("It was signed in 2024.", S),
        ("It was signed in 2023.", C),
        ("It was signed on Thursday, 13 June 2024.", S),
    ]:
        assert date_judge.compare(one(draft, THURSDAY_13_JUNE), fact, context)[0] == verdict, draft


@pytest.mark.parametrize(
    ("claim", "fact", "context", "reason"),
    [
        (FRIDAY, THURSDAY, PUBLISHED, "source says Thursday (13 June 2024); the draft says Friday (7 June 2024)"),
        (FRIDAY, THURSDAY, NO_CONTEXT, "source says Thursday; the draft says Friday"),
        (YEAR_2024, DAY_13, NO_CONTEXT, "source says 13 June 2024; the draft says 2024"),
        (YEAR_2024, YEAR_2024, NO_CONTEXT, "source says 2024"),
        (JUNE_2024, YEAR_2024, NO_CONTEXT, "source says only 2024; the draft says June 2024"),
        (JUNE_2024, THURSDAY, NO_CONTEXT,
         "source says Thursday, which no publication date places; the draft says June 2024"),
        (YEAR_2024, THIS_YEAR, NO_CONTEXT,
         "source says this year, which neither a publication date nor a year in the source places; "
         "the draft says 2024"),
        (YEAR_2024, THIS_YEAR, ANCHORED, "source says this year (2024); the draft says 2024"),
        (THURSDAY, JUNE_2024, NO_CONTEXT,
         "source says June 2024; the draft says Thursday, which no publication date places"),
    ],
)
def test_reasons(claim: Claim, fact: Claim, context: JudgeContext, reason: str) -> None:
    assert date_judge.compare(claim, fact, context)[1] == reason


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (DateValue(iso="2024-06-13", granularity="day"), "13 June 2024"),
        (DateValue(iso="2024-06", granularity="month"), "June 2024"),
        (DateValue(iso="2024", granularity="year"), "2024"),
        (DateValue(iso="--06-13", granularity="day"), "13 June"),
        (DateValue(iso="--06", granularity="month"), "June"),
        (DateValue(weekday="Thursday", granularity="weekday"), "Thursday"),
        (DateValue(iso="2024-06-13", weekday="Thursday", granularity="day"), "Thursday (13 June 2024)"),
        (DateValue(granularity="year", relative="this_year"), "this year"),
        (DateValue(iso="2024", granularity="year", relative="this_year"), "this year (2024)"),
        (DateValue(iso="2024-06-12", weekday="Wednesday", granularity="day", relative="yesterday"),
         "yesterday (12 June 2024)"),
    ],
)
def test_describe(value: DateValue, words: str) -> None:
    assert date_judge.describe(value) == words


def test_parts_of_a_full_date_include_its_weekday() -> None:
    parts = parts_of(DateValue(iso="2024-06-13", granularity="day"))
    assert (parts.year, parts.month, parts.day, parts.weekday) == (2024, 6, 13, "Thursday")


# --- long and hostile input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "chunk",
    [
        "June June 13 13 ",
        "2024 2024, ",
        "1/1/1/1/",
        "13-14-13-14-",
        "Thursday, Thursday the ",
        "last last next this ",
        "in in in 2024-",
        "May May May of ",
        "1,1,1,",
        "billion billion ",
    ],
)
def test_long_adversarial_input_is_scanned_quickly(chunk: str) -> None:
    # one 200 kB "sentence": the scan for dates stays linear (claims are built below, on real sentences)
    text = chunk * (200_000 // len(chunk))
    started = time.perf_counter()
    list(date_extractor._candidates(Document(text)))
    assert time.perf_counter() - started < 10


def test_anchor_year_of_a_long_article_is_quick() -> None:
    claims = extract("Aid rose this year. In 2023 it fell; in 2024, this year, it doubled. " * 3000)
    started = time.perf_counter()
    assert anchor_year(claims) == 2024
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "sentence",
    ["Thursday, June 13, 2024. ", "Aid rose in June this year and fell last year, by 2030 and since 1991. "],
)
def test_long_article_full_of_dates_is_extracted_quickly(sentence: str) -> None:
    text = sentence * (200_000 // len(sentence))
    started = time.perf_counter()
    claims = extract(text, THURSDAY_13_JUNE)
    assert time.perf_counter() - started < 10
    assert len(claims) >= 200_000 // len(sentence)
