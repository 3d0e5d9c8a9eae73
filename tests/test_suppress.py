"""Suppression comments: `<!-- factcheck off -->` ... `<!-- factcheck on -->`, `<!-- factcheck-ignore-next-line -->`."""

from __future__ import annotations

import time

import pytest

import factcheck
from factcheck.suppress import suppressions

from .conftest import CLAIMS

SHEET = CLAIMS / "japan-ukraine-2024.yaml"


def covered(text: str, word: str) -> bool:
    return suppressions(text).covers(text.index(word))


def test_no_comments_suppress_nothing():
    text = "Japan will give $4.5 billion. <!-- an editor's note --> Kyiv signed 14 deals."
    assert not suppressions(text)
    assert not covered(text, "$4.5")


def test_off_until_on():
    text = "A $1 billion.\n<!-- factcheck off -->\nB $2 billion.\n<!-- factcheck on -->\nC $3 billion.\n"
    assert not covered(text, "$1")
    assert covered(text, "$2")
    assert not covered(text, "$3")


def test_off_without_on_runs_to_the_end():
    text = "A $1 billion. <!-- factcheck off --> B $2 billion.\n\nC $3 billion."
    assert not covered(text, "$1")
    assert covered(text, "$2") and covered(text, "$3")


def test_ignore_next_line_covers_that_line_only():
    text = "A $1 billion.\n<!-- factcheck-ignore-next-line -->\nB $2 billion.\nC $3 billion.\n"
    assert not covered(text, "$1")
    assert covered(text, "$2")
    assert not covered(text, "$3")


def test_ignore_next_line_at_the_end_of_the_text():
    text = "A $1 billion.\n<!-- factcheck-ignore-next-line -->"
    assert not covered(text, "$1")
    text = "A $1 billion.\n<!-- factcheck-ignore-next-line -->\nB $2 billion."
    assert covered(text, "$2")


@pytest.mark.parametrize(
    "comment",
    ["<!-- factcheck off -->", "<!--factcheck off-->", "<!--   FactCheck   OFF \t-->", "<!-- factcheck\toff -->"],
)
def test_spellings_of_the_off_comment(comment):
    text = f"{comment}\nB $2 billion."
    assert covered(text, "$2")


@pytest.mark.parametrize(
    "comment",
    ["<!-- factcheck -->", "<!-- factcheck offline -->", "<!-- factchecked off -->", "factcheck off", "<!-- vale off -->"],
)
def test_other_comments_are_not_directives(comment):
    text = f"{comment}\nB $2 billion."
    assert not covered(text, "$2")


def test_on_without_off_and_nested_offs():
    text = "<!-- factcheck on --> A $1. <!-- factcheck off --> B $2. <!-- factcheck off --> C $3. <!-- factcheck on --> D $4."
    assert not covered(text, "$1")
    assert covered(text, "$2") and covered(text, "$3")
    assert not covered(text, "$4")


def test_long_adversarial_input_is_fast():
    text = "<!-- factcheck " * 20_000 + "<!-- factcheck-ignore-next-line" * 5_000
    started = time.perf_counter()
    assert not suppressions(text)
    assert time.perf_counter() - started < 5


def test_check_counts_suppressed_claims_and_does_not_judge_them():
    sheet = factcheck.load_facts(SHEET)
    draft = (
        "Japan will give Ukraine $4.5m this year.\n\n"
        "<!-- factcheck-ignore-next-line -->\n"
        "Japan will give Ukraine $4.5m this year.\n\n"
        "<!-- factcheck off -->\nJapan will give Ukraine $4.5m this year.\n<!-- factcheck on -->\n"
    )
    report = factcheck.check(draft, sheet, kinds=["amount"], markdown=True)
    assert [claim.text for claim in report.claims] == ["$4.5m"]
    assert report.claims[0].line == 1
    assert report.summary.suppressed == 2
    assert report.summary.contradicted == 1
    assert report.model_dump(mode="json")["summary"]["suppressed"] == 2
