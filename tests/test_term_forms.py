"""Terms written the way news, financial, travel and booking copy writes them (issue 12).

Each class of form has its own table of sentences written for this file: vague counts, articles and
determiners, nights, abbreviations, compounds, and the forms around them (ranges written with hyphens,
fractions, units such as milliseconds), then sentences that hold no term, then how the judge compares
the new values. A row is (sentence, the claim's text, ISO value, qualifier, ISO upper end or None).
The rules behind each row are in docs/claims.md (term).
"""

from __future__ import annotations

import pytest

from factcheck.extractors import run_extractors
from factcheck.extractors.base import Options
from factcheck.extractors.term import extract
from factcheck.judges import term as judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, Qualifier, TermValue, Verdict
from factcheck.text import Document

E, GT, GE, LT, LE, APPROX, RANGE = (
    Qualifier.EXACT, Qualifier.GT, Qualifier.GE, Qualifier.LT, Qualifier.LE, Qualifier.APPROX, Qualifier.RANGE,
)

Row = tuple[str, str, str, Qualifier, "str | None"]

# a couple: two, or loosely three (Merriam-Webster's "an indefinite small number"); a few: two to four;
# several: three to seven
VAGUE: list[Row] = [
    ("The repairs should be finished in a couple of weeks, the council said.", "a couple of weeks", "P2W", RANGE, "P3W"),
    ("Flights resumed after a few days.", "a few days", "P2D", RANGE, "P4D"),
    ("The merger review could take several months.", "several months", "P3M", RANGE, "P7M"),
    ("Shares slid for a couple of days before recovering.", "a couple of days", "P2D", RANGE, "P3D"),
    ("Guests can stay a few more nights at no extra cost.", "a few more nights", "P2D", RANGE, "P4D"),
    ("Investors have waited several years for a dividend.", "several years", "P3Y", RANGE, "P7Y"),
    ("The ferry service was patchy over the past few weeks.", "few weeks", "P2W", RANGE, "P4W"),
    ("Forecasters expect heavy rain over the next few days.", "few days", "P2D", RANGE, "P4D"),
    ("It took a couple hours to clear the road.", "a couple hours", "PT2H", RANGE, "PT3H"),
    ("Prices may stay high for several more weeks.", "several more weeks", "P3W", RANGE, "P7W"),
    ("The airline hopes to restore service within a few days.", "within a few days", "P4D", LE, None),
    ("The strike lasted more than a couple of weeks.", "more than a couple of weeks", "P2W", GT, None),
    ("Voting was delayed by a few hours.", "a few hours", "PT2H", RANGE, "PT4H"),
    ("The band spent a few decades on the road.", "a few decades", "P20Y", RANGE, "P40Y"),
    ("Small caps have lagged for several quarters.", "several quarters", "P9M", RANGE, "P21M"),
    ("She spent a couple of months in Lisbon.", "a couple of months", "P2M", RANGE, "P3M"),
    ("In the last several years the town has doubled in size.", "several years", "P3Y", RANGE, "P7Y"),
    ("The recall could take another few weeks.", "another few weeks", "P2W", RANGE, "P4W"),
    ("A few minutes later, the alarm sounded.", "A few minutes", "PT2M", RANGE, "PT4M"),
    ("After several weeks of talks, the unions agreed.", "several weeks", "P3W", RANGE, "P7W"),
    ("It will be at least a few months before the plant reopens.", "at least a few months", "P2M", GE, None),
    ("Roughly a couple of years ago, the firm moved to Leeds.", "Roughly a couple of years", "P2Y", RANGE, "P3Y"),
    ("Only a few seconds separated the two boats.", "Only a few seconds", "PT2S", RANGE, "PT4S"),
    ("The bridge will close for a couple more days.", "a couple more days", "P2D", RANGE, "P3D"),
    ("Traders will watch the Fed for the next couple of weeks.", "couple of weeks", "P2W", RANGE, "P3W"),
    ("Recovery may take less than a few years.", "less than a few years", "P4Y", LT, None),
]

DETERMINERS: list[Row] = [
    ("The museum is closed for the week.", "the week", "P1W", E, None),
    ("The minister stepped out for a minute.", "a minute", "PT1M", E, None),
    ("Lenders gave the company one more month to pay.", "one more month", "P1M", E, None),
    ("Crews worked a whole day to restore power.", "a whole day", "P1D", E, None),
    ("Traffic was snarled all month.", "all month", "P1M", E, None),
    ("The league suspended him for the entire year.", "the entire year", "P1Y", E, None),
    ("The meeting ran half an hour over schedule.", "half an hour", "PT30M", E, None),
    ("The dynasty ruled for a quarter of a century.", "a quarter of a century", "P25Y", E, None),
    ("The course lasts a year and a half.", "a year and a half", "P1Y6M", E, None),
    ("He served two years and a quarter in office.", "two years and a quarter", "P2Y3M", E, None),
    ("The hotel is fully booked for the night.", "the night", "P1D", E, None),
    ("Protesters stayed all night outside parliament.", "all night", "P1D", E, None),
    ("Snow fell all day on the capital.", "all day", "P1D", E, None),
    ("An all-day workshop is planned for staff.", "all-day", "P1D", E, None),
    ("The fund has underperformed the whole year.", "the whole year", "P1Y", E, None),
    ("Parliament sat for the full month.", "the full month", "P1M", E, None),
    ("The lease was extended for another year.", "another year", "P1Y", E, None),
    ("The pilot was grounded for another two weeks.", "two weeks", "P2W", E, None),
    ("A quarter-hour delay annoyed commuters.", "A quarter-hour", "PT15M", E, None),
    ("An hour and a quarter later, the ship docked.", "An hour and a quarter", "PT1H15M", E, None),
    ("Talks dragged on for three and a quarter hours.", "three and a quarter hours", "PT3H15M", E, None),
    ("The team spent a full week in camp.", "a full week", "P1W", E, None),
    ("A half-day strike closed schools.", "A half-day", "PT12H", E, None),
    ("The ruling could come in a year or two.", "a year or two", "P1Y", RANGE, "P2Y"),
    ("Expect a reply in a day or two.", "a day or two", "P1D", RANGE, "P2D"),
    ("The deal came after a decade and a half of talks.", "a decade and a half", "P15Y", E, None),
    ("The show ran for an entire decade.", "an entire decade", "P10Y", E, None),
    ("A whole week passed without news from the crew.", "A whole week", "P1W", E, None),
    ("The talks went on for an hour or two.", "an hour or two", "PT1H", RANGE, "PT2H"),
    ("The border stayed shut all week.", "all week", "P1W", E, None),
    ("The crew worked for full day on the hull.", "full day", "P1D", E, None),
    ("The lawyer billed for the hour.", "the hour", "PT1H", E, None),
    ("The keynote filled the whole hour.", "the whole hour", "PT1H", E, None),
    ("It took quarter of an hour to load.", "quarter of an hour", "PT15M", E, None),
    ("The lights went out for a second.", "a second", "PT1S", E, None),
    ("The screen froze for a second or two.", "a second or two", "PT1S", RANGE, "PT2S"),
    ("Rates were frozen for the entire month.", "the entire month", "P1M", E, None),
    ("The drought lasted three years and three quarters.", "three years and three quarters", "P3Y9M", E, None),
]

NIGHTS: list[Row] = [
    ("The package includes four nights in Venice.", "four nights", "P4D", E, None),
    ("Guests booked a three-night stay.", "three-night", "P3D", E, None),
    ("The cruise lasts 7 nights.", "7 nights", "P7D", E, None),
    ("We spent one night in Oslo.", "one night", "P1D", E, None),
    ("Ten nights of protests followed the vote.", "Ten nights", "P10D", E, None),
    ("The tour is 10 days, 9 nights.", "10 days", "P10D", E, None),
    ("Rooms cost less for stays of at least two nights.", "at least two nights", "P2D", GE, None),
    ("He was held for a night and released.", "a night", "P1D", E, None),
    ("Book a 14-night cruise and save 10%.", "14-night", "P14D", E, None),
]

ABBREVIATIONS: list[Row] = [
    ("The note has a 2Y tenor.", "2Y", "P2Y", E, None),
    ("Delivery takes 5W from the date of order.", "5W", "P5W", E, None),
    ("The visa is valid for 10d.", "10d", "P10D", E, None),
    ("The outage lasted 36H.", "36H", "PT36H", E, None),
    ("The drive is 2 hrs each way.", "2 hrs", "PT2H", E, None),
    ("Shipping takes 3 mos.", "3 mos", "P3M", E, None),
    ("The film runs 90 mins.", "90 mins", "PT90M", E, None),
    ("The match lasted 1h30.", "1h30", "PT1H30M", E, None),
    ("The hike takes 2h 30m.", "2h 30m", "PT2H30M", E, None),
    ("The ride took 1hr 45mins.", "1hr 45mins", "PT1H45M", E, None),
    ("Lock-up period: 6 mo. after listing.", "6 mo", "P6M", E, None),
    ("The 10Y yield rose to 4.2%.", "10Y", "P10Y", E, None),
    ("Dealers sold 2y notes all morning.", "2y", "P2Y", E, None),
    ("He signed a 3-yr contract.", "3-yr", "P3Y", E, None),
    ("The engine fired for 500 ms.", "500 ms", "PT0.5S", E, None),
    ("Page loads fell to 250 milliseconds.", "250 milliseconds", "PT0.25S", E, None),
    ("Hold the pose for 30 secs.", "30 secs", "PT30S", E, None),
    ("She teaches a 12-wk course.", "12-wk", "P12W", E, None),
    ("The trial ran 18 mths.", "18 mths", "P18M", E, None),
    ("Allow 4-6 wks for delivery.", "4-6 wks", "P4W", RANGE, "P6W"),
    ("The timer was set for 2m 30s.", "2m 30s", "PT2M30S", E, None),
    ("The flight is 11 HRS.", "11 HRS", "PT11H", E, None),
    ("Holders face a lock-up of 180D.", "180D", "P180D", E, None),
    ("She ran the marathon in 3h 05m.", "3h 05m", "PT3H5M", E, None),
    ("The 7d average of cases rose.", "7d", "P7D", E, None),
    ("Stand-by lasts 5 YRS on one battery pack.", "5 YRS", "P5Y", E, None),
]

COMPOUNDS: list[Row] = [
    ("The siege lasted thirty and six hours.", "thirty and six hours", "PT36H", E, None),
    ("He was held for 3 weeks 2 days.", "3 weeks 2 days", "P23D", E, None),
    ("Restoration took four months and one week.", "four months and one week", "P4M7D", E, None),
    ("The contract ran 1 year, 2 months.", "1 year, 2 months", "P1Y2M", E, None),
    ("Prices have risen for the past 5 months and 3 weeks.", "5 months and 3 weeks", "P5M21D", E, None),
    ("The trip took two days and six hours.", "two days and six hours", "P2DT6H", E, None),
    ("The probe flew for 9 years, 5 months and 25 days.", "9 years, 5 months and 25 days", "P9Y5M25D", E, None),
    ("He got a sentence of seven years and eight months.", "seven years and eight months", "P7Y8M", E, None),
    ("The race lasted 2 hours 3 minutes and 40 seconds.", "2 hours 3 minutes and 40 seconds", "PT2H3M40S", E, None),
    ("She has worked here for 1 year and 6 months.", "1 year and 6 months", "P1Y6M", E, None),
    ("The vigil lasted forty and eight hours.", "forty and eight hours", "PT48H", E, None),
    ("The refit took a year and three months.", "a year and three months", "P1Y3M", E, None),
    ("Quarantine is one week and two days.", "one week and two days", "P9D", E, None),
    ("The crossing took an hour and 20 minutes.", "an hour and 20 minutes", "PT1H20M", E, None),
    ("The loan ran three years, four months.", "three years, four months", "P3Y4M", E, None),
    ("The jury deliberated for 2 days 4 hours.", "2 days 4 hours", "P2DT4H", E, None),
]

AROUND: list[Row] = [
    ("The Senate has two fortnights to respond.", "two fortnights", "P4W", E, None),
    ("Workers staged a 48-hour strike.", "48-hour", "PT48H", E, None),
    ("Buyers have a 90-day window to return goods.", "90-day", "P90D", E, None),
    ("He served three-and-a-half years in prison.", "three-and-a-half years", "P3Y6M", E, None),
    ("Delivery takes 6-8 weeks.", "6-8 weeks", "P6W", RANGE, "P8W"),
    ("The project will take between two and three years.", "between two and three years", "P2Y", RANGE, "P3Y"),
    ("Offenders face sentences of up to 18 months.", "up to 18 months", "P18M", LE, None),
    ("Yields have not been this low for at least a decade.", "at least a decade", "P10Y", GE, None),
    ("The family ran the inn for more than a century.", "more than a century", "P100Y", GT, None),
    ("The abbey stood for a millennium.", "a millennium", "P1000Y", E, None),
    ("The drive takes a day and a half.", "a day and a half", "P1DT12H", E, None),
    ("The flight takes 1.5 hrs.", "1.5 hrs", "PT1H30M", E, None),
    ("The race was decided in the last 30 seconds.", "30 seconds", "PT30S", E, None),
    ("He was handed a 10- to 15-year sentence.", "10- to 15-year", "P10Y", RANGE, "P15Y"),
    ("Lenders prefer two-to-three-year loans.", "two-to-three-year", "P2Y", RANGE, "P3Y"),
    ("He served 2 1/2 years of the term.", "2 1/2 years", "P2Y6M", E, None),
    ("It took 2½ years to build.", "2½ years", "P2Y6M", E, None),
    ("The ban runs for a year to 18 months.", "a year to 18 months", "P1Y", RANGE, "P18M"),
    ("Repairs take a week to 10 days.", "a week to 10 days", "P1W", RANGE, "P10D"),
    ("Approval takes between six months and a year.", "between six months and a year", "P6M", RANGE, "P1Y"),
    ("Refunds arrive within 10 business days.", "within 10 business days", "P10D", LE, None),
    ("Tenants must give five working days' notice.", "five working days'", "P5D", E, None),
    ("He spent a year-and-a-half in Berlin.", "a year-and-a-half", "P1Y6M", E, None),
    ("The hour-long meeting ended without a deal.", "hour-long", "PT1H", E, None),
    ("The hotel is a 20-minute walk from the beach.", "20-minute", "PT20M", E, None),
    ("A two-year-long inquiry cleared the bank.", "two-year-long", "P2Y", E, None),
    ("The fund has a 7–10 year horizon.", "7–10 year", "P7Y", RANGE, "P10Y"),
    ("The truce held for a week or so.", "a week or so", "P1W", APPROX, None),
    ("The drought lasted half a decade.", "half a decade", "P5Y", E, None),
    ("The mortgage carries a 30-year term.", "30-year", "P30Y", E, None),
    ("Treatment takes six to nine months.", "six to nine months", "P6M", RANGE, "P9M"),
    ("They met three quarters of an hour later.", "three quarters of an hour", "PT45M", E, None),
    ("The scan takes about 15 minutes.", "about 15 minutes", "PT15M", APPROX, None),
    ("She signed a 36-month lease.", "36-month", "P36M", E, None),
    ("Export controls may last a decade or more.", "a decade or more", "P10Y", GE, None),
    ("The feud has run for upwards of 40 years.", "upwards of 40 years", "P40Y", GT, None),
    ("Terms run from 3 to 5 years.", "from 3 to 5 years", "P3Y", RANGE, "P5Y"),
    ("Expect a 12- to 18-month delay.", "12- to 18-month", "P12M", RANGE, "P18M"),
    ("Peace has held for nearly a quarter-century.", "nearly a quarter-century", "P25Y", APPROX, None),
    ("The hospital is a half-hour drive away.", "a half-hour", "PT30M", E, None),
    ("Economists see a two- to three-year slump.", "two- to three-year", "P2Y", RANGE, "P3Y"),
    ("The fast lasts from dawn for 14 hrs.", "14 hrs", "PT14H", E, None),
    ("A 72-hr ceasefire took hold.", "72-hr", "PT72H", E, None),
    ("The bond matures in 30 yrs.", "30 yrs", "P30Y", E, None),
    ("Sessions last 45 min.", "45 min", "PT45M", E, None),
    ("The lava cooled over 5 millennia.", "5 millennia", "P5000Y", E, None),
    ("Results are due in 10 trading days.", "10 trading days", "P10D", E, None),
    ("It took a day or so to reopen the line.", "a day or so", "P1D", APPROX, None),
    ("The heatwave lasted a week and a half.", "a week and a half", "P10DT12H", E, None),
    ("Patients waited one and a half hours on average.", "one and a half hours", "PT1H30M", E, None),
    ("She has 30-plus years of experience.", "30-plus years", "P30Y", GE, None),
    ("The dispute has dragged on for a decade-plus.", "a decade-plus", "P10Y", GE, None),
    ("Refunds take 5–7 working days.", "5–7 working days", "P5D", RANGE, "P7D"),
    ("It is a two-and-a-half-hour drive.", "two-and-a-half-hour", "PT2H30M", E, None),
    ("Wait ½ hour before swimming.", "½ hour", "PT30M", E, None),
    ("The stock hit a 52-week high.", "52-week", "P52W", E, None),
    ("They waited three-quarters of an hour.", "three-quarters of an hour", "PT45M", E, None),
    ("Add an extra day to your trip.", "an extra day", "P1D", E, None),
    ("He signed a 12 mo. contract.", "12 mo", "P12M", E, None),
]

ALL_FOUND = [
    *(("vague", *row) for row in VAGUE),
    *(("determiner", *row) for row in DETERMINERS),
    *(("night", *row) for row in NIGHTS),
    *(("abbreviation", *row) for row in ABBREVIATIONS),
    *(("compound", *row) for row in COMPOUNDS),
    *(("around", *row) for row in AROUND),
]


def terms(text: str) -> list[Claim]:
    return list(extract(Document(text), Options()))


@pytest.mark.parametrize(("form", "sentence", "text", "iso", "qualifier", "high_iso"), ALL_FOUND)
def test_reads_the_form(form: str, sentence: str, text: str, iso: str, qualifier: Qualifier, high_iso: str | None) -> None:
    found = terms(sentence)
    assert [c.text for c in found][:1] == [text], [(c.text, c.value.iso) for c in found]
    claim = found[0]
    assert sentence[claim.span.start:claim.span.end] == text
    assert claim.value == TermValue(iso=iso, qualifier=qualifier, high_iso=high_iso)


# no length of time: a vague word with no unit, a rate, a date or period, watts, ordinals, times of day
NOT_TERMS = [
    "Sales fell earlier in the week.",
    "Japan will provide $4.5 billion this year.",
    "Rent is $80 a month.",
    "The phone ships with a 65W charger.",
    "A 5W LED bulb uses little power.",
    "The company reported a profit for the year ended March 31.",
    "A few analysts disagreed with the forecast.",
    "A few of the delegates left early.",
    "Several were arrested after the march.",
    "The 3D printer was unveiled in Berlin.",
    "He served with the 3d Infantry Division.",
    "The pool is open all year round.",
    "Use 5W-30 motor oil in winter.",
    "Hotels charge $150 per night in August.",
    "The third quarter was weak for retailers.",
    "It happened overnight.",
    "Decades-long rivalries shaped the region.",
    "The hours-long standoff ended peacefully.",
    "For the first time in years, exports grew.",
    "Quite a few years have passed since then.",
    "The night was cold and clear.",
    "One night, the river burst its banks.",
    "The fund lost 2% for the week of June 3.",
    "A couple of delegates walked out.",
    "The fighting went on for days.",
    "The summit opens at 14h30 on Monday.",
    "Several hundred people marched.",
    "The days are getting shorter.",
    "The firm raised its outlook for the year to March.",
    "Rooms go for $200 a night.",
    "A good night's sleep matters.",
    "The 2D and 4D scans were compared.",
    "Gen Y workers want flexibility.",
    "The group had a few months' worth of cash, the report said, and more than a few doubts.",
    "A few more questions were asked.",
    "The agency fined the bank £2m.",
    "Mobile phones from the 90s are collectibles.",
    "He earns $30 an hour.",
    "Bring a few extra layers.",
    "Markets were quiet the next day.",
    "The abbey holds several hundred years of records.",
    "It stood for a couple of hundred years.",
    "The office is open from 9h30 to 17h30.",
    "The chip runs at 5W.",
    "Net cash flow for the year was $2bn.",
    "Guidance for the full year was raised.",
    "Revenue for the entire year 2020 fell.",
    "Few days pass without an attack.",
    "He's 5y old.",
    "The F-16 is 3D-printed in parts.",
    "She ran for a second time.",
    "A second passed before the blast.",
    "The firm raised its outlook for full year earnings.",
    "She was moved to seat 12D.",
    "They rented Flat 4D in the old mill.",
    "The Model 5W sold out.",
    "Guests in room #14D complained.",
]


def test_a_vague_count_with_no_unit_is_no_term_beside_one_with_a_unit() -> None:
    # the one sentence of NOT_TERMS that holds a term: "a few months'" is one, "more than a few doubts" none
    found = terms("The group had a few months' worth of cash, the report said, and more than a few doubts.")
    assert [(c.text, c.value.iso, c.value.high_iso) for c in found] == [("a few months'", "P2M", "P4M")]


@pytest.mark.parametrize("sentence", [s for s in NOT_TERMS if "months' worth" not in s])
def test_not_a_term(sentence: str) -> None:
    assert [c.text for c in terms(sentence)] == []


def test_a_stay_counted_in_days_and_nights_is_two_lengths() -> None:
    found = terms("A two-week, 13-night itinerary and a 10-day, nine-night tour.")
    assert [(c.text, c.value.iso) for c in found] == [
        ("two-week", "P2W"), ("13-night", "P13D"), ("10-day", "P10D"), ("nine-night", "P9D"),
    ]


def test_whole_units_of_the_calendar_stand_alone() -> None:
    found = terms("He worked all day and all night, the entire year, the whole month.")
    assert [(c.text, c.value.iso) for c in found] == [
        ("all day", "P1D"), ("all night", "P1D"), ("the entire year", "P1Y"), ("the whole month", "P1M"),
    ]


def test_a_year_or_two_with_a_word_after() -> None:
    assert [(c.text, c.value.high_iso) for c in terms("A day or two later, it rained.")] == [("A day or two", "P2D")]
    assert [c.text for c in terms("It lasted a year or two years.")] == ["a year", "two years"]


def test_watts_are_read_by_their_sentence_only() -> None:
    found = terms("The 30W charger is sold out. Delivery takes 5W.")
    assert [(c.text, c.value.iso) for c in found] == [("5W", "P5W")]


def test_vague_counts_are_terms_not_counts_in_the_pipeline() -> None:
    claims = run_extractors(Document("Repairs will take a few weeks and cost several million dollars."), Options())
    assert [(c.kind, c.text) for c in claims if c.kind == "term"] == [("term", "a few weeks")]
    assert not any(c.kind == "count" and "week" in c.text for c in claims)


# --- judging the new values -----------------------------------------------------------------------

CONTEXT = JudgeContext()


def only_term(text: str) -> Claim:
    found = terms(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("draft", "source", "verdict"),
    [
        ("The review took a few days.", "The review took three days.", Verdict.SUPPORTED),
        ("The review took a few days.", "The review took two days.", Verdict.SUPPORTED),
        ("The review took a few days.", "The review took a week.", Verdict.CONTRADICTED),
        ("Talks lasted several months.", "Talks lasted five months.", Verdict.SUPPORTED),
        ("Talks lasted several months.", "Talks lasted two years.", Verdict.CONTRADICTED),
        ("Talks lasted several months.", "Talks lasted a few months.", Verdict.NOT_FOUND),
        ("It took a couple of weeks.", "It took two weeks.", Verdict.SUPPORTED),
        ("It took a couple of weeks.", "It took 20 days.", Verdict.SUPPORTED),
        ("It took a couple of weeks.", "It took a month.", Verdict.CONTRADICTED),
        ("The review took three days.", "The review took a few days.", Verdict.NOT_FOUND),
        ("Service returns within a few days.", "Service returns in three days.", Verdict.SUPPORTED),
        ("Service returns within a few days.", "Service returns in six days.", Verdict.CONTRADICTED),
        ("They stayed four nights.", "They stayed four days.", Verdict.SUPPORTED),
        ("They stayed four nights.", "They stayed five days.", Verdict.CONTRADICTED),
        ("He was banned for the entire year.", "He was banned for 12 months.", Verdict.SUPPORTED),
        ("The match lasted 1h30.", "The match lasted an hour and a half.", Verdict.SUPPORTED),
        ("He got a 10- to 15-year sentence.", "He got a 12-year sentence.", Verdict.SUPPORTED),
        ("He got a 10- to 15-year sentence.", "He got a 20-year sentence.", Verdict.CONTRADICTED),
        ("The ban runs a year to 18 months.", "The ban runs 15 months.", Verdict.SUPPORTED),
        ("It took a year or two.", "It took three years.", Verdict.CONTRADICTED),
        ("It took 5W.", "It took 35 days.", Verdict.SUPPORTED),
        ("The engine fired for 500 ms.", "The engine fired for half a second.", Verdict.SUPPORTED),
    ],
)
def test_judging_the_new_forms(draft: str, source: str, verdict: Verdict) -> None:
    result, reason = judge.compare(only_term(draft), only_term(source), CONTEXT)
    assert result == verdict, reason


@pytest.mark.parametrize(
    ("draft", "source", "verdict"),
    [
        # a window from the time of writing is when, a stay how long: different things
        ("Pupils have fallen ill over the past several weeks.", "One pupil spent three days in hospital.",
         Verdict.NOT_FOUND),
        ("Pupils have fallen ill over the past few weeks.", "Pupils have fallen ill over the past two months.",
         Verdict.CONTRADICTED),
        ("Prices rose over the past few weeks.", "Prices rose over the past three weeks.", Verdict.SUPPORTED),
        ("The firm will hire in the next five years.", "The firm signed a 10-year lease.", Verdict.NOT_FOUND),
        ("The pact runs for a decade.", "Japan will help over the next decade.", Verdict.SUPPORTED),
        ("The pact runs for nine years.", "Japan will help over the next decade.", Verdict.NOT_FOUND),
        ("Shares rose 2% for the week.", "The shares carry a two-week lock-up.", Verdict.NOT_FOUND),
        ("The museum is closed for the week.", "The museum is closed for seven days.", Verdict.SUPPORTED),
    ],
)
def test_a_window_and_a_length_of_something_else_never_contradict(draft: str, source: str, verdict: Verdict) -> None:
    claim, fact = only_term(draft), only_term(source)
    result, reason = judge.compare(claim, fact, CONTEXT)
    assert (result, judge.verdict(claim, fact, CONTEXT)) == (verdict, verdict), reason
    assert reason.startswith("source says ")


def test_a_vague_count_reads_as_its_range_in_reasons() -> None:
    _, reason = judge.compare(only_term("It took a few days."), only_term("It took a week."), CONTEXT)
    assert reason == "source says 1 week (P1W); the draft says 2 to 4 days (P2D to P4D)"


def test_there_are_enough_cases() -> None:
    assert len(ALL_FOUND) + len(NOT_TERMS) >= 150
