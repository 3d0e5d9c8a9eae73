"""Counts next to names and compound nouns (issue 10, class 7).

- a name joined to its number before the noun counted ("58 Covid-19 patients", "12 F-16 jets") does
  not hide the count of the noun after it;
- a singular currency word before a plural noun is a compound ("250 dollar millionaires", "40
  dollar stores", "30 pound shops"): a count of millionaires or stores when the amount extractor
  leaves the words (these tests read counts alone, `kinds=["count"]`, so that they hold whichever
  way the amount extractor reads them);
- `the`, a number and a capitalised plural that names no people is a title ("the 1,000 Guineas",
  "the 39 Steps"); peoples and parties stay counts ("the 200 Israelis", "the 12 Democrats").
"""

from __future__ import annotations

import pytest

from factcheck import check, extract_claims


def counts(text: str) -> dict[str, str | None]:
    return {claim.text: claim.value.noun for claim in extract_claims(text, kinds=["count"])}  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "number", "noun"), [
    ("The hospital admitted 58 Covid-19 patients in January.", "58", "patients"),
    ("Crews rescued 40 Covid-19 patients from the ward.", "40", "patients"),
    ("The air force received 12 F-16 jets last year.", "12", "jets"),
])
def test_a_names_number_before_the_noun(text: str, number: str, noun: str) -> None:
    assert counts(text).get(number) == noun


@pytest.mark.parametrize(("text", "number", "noun"), [
    ("The survey counted 250 dollar millionaires in the city.", "250", "millionaires"),
    ("The chain opened 40 dollar stores this year.", "40", "stores"),
    ("High streets lost 30 pound shops in a year.", "30", "shops"),
    ("The report found 17 euro millionaires in the village.", "17", "millionaires"),
])
def test_a_currency_word_modifying_a_plural_is_no_unit(text: str, number: str, noun: str) -> None:
    assert counts(text).get(number) == noun


@pytest.mark.parametrize("text", [
    "The fine was 250 dollars.",
    "He owes 40 dollar.",
    "The ticket cost 30 pounds for adults.",
])
def test_money_in_words_is_no_count(text: str) -> None:
    assert counts(text) == {}


@pytest.mark.parametrize("text", [
    "The 1,000 Guineas drew a big crowd to Newmarket.",
    "Crowds gathered for the 2,000 Guineas on Saturday.",
    "The 39 Steps opened at the theatre on Friday.",
])
def test_a_title_after_the_is_no_count(text: str) -> None:
    assert counts(text) == {}


@pytest.mark.parametrize(("text", "number"), [
    ("The 200 Israelis were freed on Sunday.", "200"),
    ("The 12 Democrats voted against the bill.", "12"),
    ("The 40 Republicans who signed the letter met on Monday.", "40"),
    ("The 31 Abrams tanks arrived in spring.", "31"),
    ("Another 300 workers joined the strike.", "300"),
])
def test_peoples_parties_and_named_things_stay_counts(text: str, number: str) -> None:
    assert number in counts(text)


def test_the_count_of_covid_patients_is_judged() -> None:
    report = check("The hospital admitted 58 Covid-19 patients.", source="The hospital admitted 85 Covid-19 patients.")
    [count] = [claim for claim in report.claims if claim.kind == "count"]
    assert (count.text, count.verdict.value) == ("58", "contradicted")
