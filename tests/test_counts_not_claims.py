"""Numbers a news reader sees that count nothing: scores, tallies, decades, names, ages, labels.

Issue 10, class 7: none of these may become a count claim (which could then be "contradicted" by
an unrelated number of the source). Real counts next to them are still found.
"""

from __future__ import annotations

import pytest

from factcheck import check, extract_claims


def count_texts(text: str) -> list[str]:
    return [claim.text for claim in extract_claims(text) if claim.kind == "count"]


NOT_COUNTS = [
    # scores and tallies: two numbers that belong together, neither a number of things
    "The home side sealed a 4-1 win over the league leaders.",
    "Saturday's derby finished in a 2-2 draw.",
    "The visitors won 3-0 in front of a sell-out crowd.",
    "Boston clinched a 105-98 victory in overtime.",
    "The measure passed 52-48 after a long debate.",
    "The final vote was 52-48 in favour.",
    "Lawmakers voted 61 to 39 to confirm her.",
    "The justices ruled 6-3 that the ban was lawful.",
    "It was a 7-2 decision.",
    "The hosts beat Portugal 2 - 1 on Tuesday.",
    "The champions were held to a 0-0 draw.",
    "Ireland took the series 4-3.",
    "Red Bull celebrated a 1-2 finish.",
    "The hosts won 31-17 to go 5-1 on the season.",
    "Celtic took a 2-0 lead.",
    # decades
    "House prices tripled in the 1990s.",
    "Back in the '90s few families owned a computer.",
    "Since the 1980s the mill town has lost its jobs.",
    "A law from the early 2000s still applies.",
    # names and labels with numbers in them
    "Officials at No. 10 declined to comment.",
    "Covid-19 swept through the care homes.",
    "COVID 19 patients filled the wards.",
    "The G7 and the G20 issued statements.",
    "Boeing 737 jets were grounded after the incident.",
    "Windows 11 users reported the fault.",
    "PlayStation 5 sales beat forecasts.",
    "Formula 1 teams voted against the change.",
    "Kyiv asked again for F-16s.",
    "The alliance invoked Article 5 for the first time.",
    "A 7-Eleven on the corner was robbed.",
    "The 9/11 attacks reshaped airport security.",
    "The 9-11 attacks reshaped airport security.",
    # ages, phone and page numbers, ordinals, percentages
    "Mayor Sara Hill, 55, said the budget was balanced.",
    "The driver, aged 61, was unhurt.",
    "Readers can call 555-0134 for details.",
    "Call the hotline on 020 7946 0958 today.",
    "The figure is on page 12 of the report.",
    "The vote is set for the 3rd of next month.",
    "She finished 3rd in the final.",
    "Unemployment fell to 15% last quarter.",
    "About 15 percent of voters stayed at home.",
    "Turnout was 62 per cent.",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_a_count(text: str) -> None:
    assert count_texts(text) == []


STILL_COUNTS = [
    ("The striker scored 2 goals in a 3-1 win.", ["2"]),
    ("In the 1990s, 300 workers lost their jobs.", ["300"]),
    ("After a 2-2 draw, 12 fans were arrested.", ["12"]),
    ("Some 40 countries attended the summit.", ["Some 40"]),
    ("Only 12 passengers survived.", ["Only 12"]),
    ("Another 300 workers were laid off.", ["300"]),
    ("Kyiv's 24 regions all reported damage.", ["24"]),
    ("Police arrested 12 people after the 4-1 defeat.", ["12"]),
    ("Airlines grounded 30 Boeing jets.", ["30"]),
    ("The bill passed with 52 votes.", ["52"]),
    ("The storm lasted 1-2 days and cut power to 3-4 towns.", ["3-4"]),
]


@pytest.mark.parametrize(("text", "expected"), STILL_COUNTS)
def test_real_counts_still_found(text: str, expected: list[str]) -> None:
    assert count_texts(text) == expected


def test_a_score_is_not_judged_against_a_count() -> None:
    """A draft's score gives no count claim to contradict the source's count of goals."""
    source = "The home side won 4-1. Their striker scored three goals."
    report = check("The home side sealed a 4-1 win.", source)
    assert [c.kind for c in report.claims if c.kind == "count"] == []


def test_a_decade_is_no_count_against_the_source() -> None:
    source = "In 2023 the town had 1990 residents."
    report = check("The town shrank in the 1990s.", source)
    assert report.summary.contradicted == 0
    assert [c.kind for c in report.claims] == []
