"""Properties of roles (issue 10): a claim is judged only against a fact about the same thing.

A source states a few sums of money, one to a sentence, each with its holder (`Leeds`, `Japan`,
`Harbour Bank`), its measure (`for schools`) and sometimes a rate (`a week`). A draft restates
one of them, or states one with a holder the source never names. Then one role word of the draft
sentence is changed (the holder, the measure noun or the rate phrase) to a word the source does
not use at all, and:

- a draft claim that was `not_found` does not become `supported`;
- a draft claim that was `supported` is not then `supported` against a different fact (another
  evidence sentence): the changed word took it away from its own fact, and no other fact has it;
- stronger, as the spec states it ("a role stated on both sides and different rules that fact
  out"): a claim whose role word the source never uses is never `supported`.

Sentences come from small templates; the number of examples is a fraction of the Hypothesis
profile's (tests/conftest.py), as each example costs two or three whole checks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import given, note, settings
from hypothesis import strategies as st

import factcheck
from factcheck.models import CheckedClaim, Verdict

EXAMPLES = settings().max_examples
CHECKS = max(10, EXAMPLES // 3)

HOLDERS = (
    "Leeds", "Bristol", "Lyon", "Porto", "Denver", "Osaka", "Japan", "Germany", "Canada", "Norway",
    "Kenya", "Harbour Bank", "Vela Energy", "Northwind Foods", "Arsenal", "Celtic", "Ajax",
)
MEASURES = (
    "schools", "roads", "hospitals", "libraries", "parks", "housing", "flood defences", "police",
    "bridges", "research", "nurses", "buses", "prisons", "museums",
)
RATES = ("an hour", "a day", "a week", "a month", "a year", "per head")
VERBS = ("set aside", "pledged", "earmarked", "allocated", "spent", "budgeted")
CURRENCIES = ("$", "€", "£")


@dataclass(frozen=True)
class Fact:
    holder: str
    measure: str
    rate: str | None
    verb: str
    money: str  # "$60 million"

    def sentence(self) -> str:
        rate = f" {self.rate}" if self.rate else ""
        return f"{self.holder} {self.verb} {self.money}{rate} for {self.measure}."


@st.composite
def _money(draw: st.DrawFn, currency: str) -> str:
    scale = draw(st.sampled_from(("million", "billion")))
    return f"{currency}{draw(st.integers(2, 95)) * 10 if scale == 'million' else draw(st.integers(2, 40))} {scale}"


@st.composite
def sources(draw: st.DrawFn) -> list[Fact]:
    """Two or three facts of one currency with distinct holders and measures; values may repeat,
    so that a claim drawn away from its own fact could find the same value in another."""
    n = draw(st.integers(2, 3))
    holders = draw(st.lists(st.sampled_from(HOLDERS), min_size=n, max_size=n, unique=True))
    measures = draw(st.lists(st.sampled_from(MEASURES), min_size=n, max_size=n, unique=True))
    currency = draw(st.sampled_from(CURRENCIES))
    first = draw(_money(currency))
    facts = []
    for holder, measure in zip(holders, measures):
        money = draw(st.one_of(st.just(first), _money(currency)))
        facts.append(Fact(holder, measure, draw(st.none() | st.sampled_from(RATES)), draw(st.sampled_from(VERBS)), money))
    return facts


def _unused(draw: st.DrawFn, pool: tuple[str, ...], used: set[str], label: str) -> str:
    return draw(st.sampled_from([word for word in pool if word not in used]), label=label)


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Fact], Fact, Fact]:
    """A source, a draft sentence about one of its facts (or about a holder the source never
    names), and that sentence with one role word changed to one the source never uses."""
    facts = draw(sources(), label="source facts")
    holders = {fact.holder for fact in facts}
    measures = {fact.measure for fact in facts}
    rates = {fact.rate for fact in facts}
    draft = replace(draw(st.sampled_from(facts), label="fact restated"), verb=draw(st.sampled_from(VERBS)))
    if draw(st.booleans(), label="draft about another holder"):
        draft = replace(draft, holder=_unused(draw, HOLDERS, holders, "other holder"))
    role = draw(st.sampled_from(("holder", "measure", "rate")), label="role changed")
    if role == "holder":
        changed = replace(draft, holder=_unused(draw, HOLDERS, holders | {draft.holder}, "new holder"))
    elif role == "measure":
        changed = replace(draft, measure=_unused(draw, MEASURES, measures, "new measure"))
    else:
        changed = replace(draft, rate=_unused(draw, RATES, rates, "new rate"))
    return facts, draft, changed


def _the_amount(draft: str, source: str) -> CheckedClaim:
    report = factcheck.check(draft, source=source)
    [claim] = [claim for claim in report.claims if claim.kind == "amount"]
    note(f"{draft!r}: {claim.verdict.value}; {claim.reason}; evidence {claim.evidence}")
    return claim


def _source_text(facts: list[Fact]) -> str:
    return " ".join(fact.sentence() for fact in facts)


@settings(max_examples=CHECKS)
@given(cases())
def test_changing_a_role_word_never_makes_a_claim_supported_by_another_fact(case) -> None:
    facts, draft, changed = case
    source = _source_text(facts)
    note(f"source: {source}")
    before = _the_amount(draft.sentence(), source)
    after = _the_amount(changed.sentence(), source)
    if before.verdict is Verdict.NOT_FOUND:
        assert after.verdict is not Verdict.SUPPORTED
    if before.verdict is Verdict.SUPPORTED and after.verdict is Verdict.SUPPORTED:
        assert after.evidence is not None and before.evidence is not None
        assert after.evidence.span == before.evidence.span, "supported against a different fact"


@settings(max_examples=CHECKS)
@given(cases())
def test_a_role_word_the_source_never_uses_is_never_supported(case) -> None:
    facts, _, changed = case
    source = _source_text(facts)
    note(f"source: {source}")
    assert _the_amount(changed.sentence(), source).verdict is not Verdict.SUPPORTED


@settings(max_examples=CHECKS)
@given(sources(), st.data())
def test_a_restated_fact_is_supported_whatever_the_other_facts(facts: list[Fact], data: st.DataObject) -> None:
    # the other direction, so that "never supported" cannot pass by never supporting anything
    fact = data.draw(st.sampled_from(facts), label="fact restated")
    source = _source_text(facts)
    note(f"source: {source}")
    claim = _the_amount(replace(fact, verb=data.draw(st.sampled_from(VERBS))).sentence(), source)
    assert claim.verdict is Verdict.SUPPORTED
    assert claim.evidence is not None and claim.evidence.text == fact.sentence()
