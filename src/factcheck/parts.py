"""Parts and totals: a claim equal to the sum of values the source gives for the parts of one thing.

"15 medals" is supported by "nine gold and six silver medals"; "$300 million in total" by "$120
million for roads and $180 million for schools". The parts are values of the claim's kind that
stand together in one source sentence, joined by "and", a comma or "plus", in one currency; the
claim must say it is a total (`combined`, `in total`, `between them`, `a total of`...) or name
the same thing the parts measure. A sum only ever supports: a total the parts do not add up to
is judged as any other claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from itertools import groupby

from .durations import add_components, format_iso, parse_iso
from .models import AmountValue, Claim, CountValue, Qualifier, TermValue, Verdict
from .roles import PREPOSITIONS, compare as compare_roles

# the most parts a total is summed from
MAX_PARTS = 4
# the words between two parts: a short stretch with "and", "plus" or a comma
_WORD = re.compile(r"[a-z][a-z'-]*")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_JOINED = re.compile(r"^[^.;:]{0,60}$")
_JOINERS = re.compile(r",|\band\b|\bplus\b|\bas well as\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(
    r"\b(?:combined|in total|a total of|total(?:ling|ing|led|ed)?|between them|together|altogether|in all|all told|overall|sum of)\b",
    re.IGNORECASE,
)


def sum_of_parts(
    claim: Claim, facts: list[Claim], verdict_of: Callable[[Claim], Verdict]
) -> tuple[Claim, Verdict, str] | None:
    """The total of source facts that settles `claim`, as a fact, its verdict and the reason that shows
    the sum. A sum supports; it contradicts only a claimed total of parts the claim names one by one
    ("Europe and Asia brought in a combined $11 billion" against $6 billion from Europe and $3.5
    billion from Asia)."""
    if claim.kind not in ("amount", "count", "term") or claim.value.qualifier == Qualifier.RANGE:
        return None
    says_total = bool(claim.sentence and _TOTAL_WORDS.search(claim.sentence.text))
    by_sentence = groupby(
        (fact for fact in facts if fact.sentence is not None and _summable(fact)),
        key=lambda fact: fact.sentence.span.start if fact.sentence else -1,
    )
    contradicted: tuple[Claim, Verdict, str] | None = None
    for _, group in by_sentence:
        sentence_facts = list(group)
        for first in range(len(sentence_facts)):
            for last in range(first + 2, min(len(sentence_facts), first + MAX_PARTS) + 1):
                parts = sentence_facts[first:last]
                if not _joined(parts) or not _same_unit(claim, parts):
                    continue
                if (
                    not (says_total or _measures_agree(claim, parts)) or _measures_elsewhere(claim, parts, says_total)
                    or _roles_differ(claim, parts) or _names_one_part(claim, parts)
                ):
                    continue
                total = _total(parts)
                verdict = verdict_of(total)
                if verdict == Verdict.SUPPORTED:
                    return total, verdict, _reason(parts, total)
                if verdict == Verdict.CONTRADICTED and contradicted is None and says_total and _each_part_named(claim, parts):
                    contradicted = (total, verdict, _reason(parts, total))
    return contradicted


def _each_part_named(claim: Claim, parts: list[Claim]) -> bool:
    """Whether the claim's sentence names each part by its holder or measure, and no more of them."""
    sentence = set(_WORD.findall(claim.sentence.text.lower())) if claim.sentence else set()
    holders = (claim.roles.holder or "").split(" and ")
    if len(holders) not in (1, len(parts)):
        return False
    for part, following in zip(parts, [*parts[1:], None]):
        assert part.sentence is not None
        offset = part.sentence.span.start
        tail = part.sentence.text[part.span.end - offset : (following.span.start if following else part.span.end + 40) - offset]
        names = {part.roles.holder or "", part.roles.measure or "", *_CAPITALISED.findall(tail)}
        if not any(name and set(_WORD.findall(name.lower())) - {"the"} <= sentence for name in names):
            return False
    return True


def _summable(fact: Claim) -> bool:
    return fact.value.qualifier == Qualifier.EXACT   # type: ignore[union-attr]


def _joined(parts: list[Claim]) -> bool:
    for before, after in zip(parts, parts[1:]):
        assert before.sentence is not None
        offset = before.sentence.span.start
        between = before.sentence.text[before.span.end - offset : after.span.start - offset]
        if not (_JOINED.match(between) and _JOINERS.search(between)):
            return False
    return True


def _same_unit(claim: Claim, parts: list[Claim]) -> bool:
    if claim.kind != "amount":
        return True
    currencies = {part.value.currency for part in parts}   # type: ignore[union-attr]
    return len(currencies) == 1 and claim.value.currency in currencies | {None}   # type: ignore[union-attr]


def _measures_elsewhere(claim: Claim, parts: list[Claim], says_total: bool) -> bool:
    """Whether the parts are for other things than the claim: "£2 billion for hospitals" is no sum of
    "£1.2 billion to the police and £800 million to fire services", nor "£2 billion for the police"
    (that is the police's part). A claimed total may sum kinds of its thing ("adults", "children")."""
    if not claim.roles.measure:
        return False
    differing = [part for part in parts if _measure_differs(claim, part)]
    return len(differing) == len(parts) if says_total else bool(differing)


def _measure_differs(claim: Claim, part: Claim) -> bool:
    difference = compare_roles(claim, part).differs
    return difference is not None and difference.role == "measure"


def _measures_agree(claim: Claim, parts: list[Claim]) -> bool:
    if not claim.roles.measure:
        return False
    return any(part.roles.measure and compare_roles(claim, part).agreeing for part in parts)


def _roles_differ(claim: Claim, parts: list[Claim]) -> bool:
    claim_words = set(_WORD.findall(claim.sentence.text.lower())) if claim.sentence else set()
    for part in parts:
        difference = compare_roles(claim, part).differs
        if difference is None or difference.role == "measure":
            continue   # the parts may measure kinds of one thing ("gold", "silver")
        if difference.role == "holder" and set(_WORD.findall(difference.fact.lower())) <= claim_words:
            continue   # the holders of the parts are the claim's: "Spain and Portugal pledged a combined ..."
        return True   # others' values, or other times'
    return False


def _names_one_part(claim: Claim, parts: list[Claim]) -> bool:
    """Whether the claim names what tells one part from the others: "15 gold medals" is the gold part."""
    words = [_word_after(part) for part in parts]
    told_apart = {word for word in words if words.count(word) == 1}   # "gold", "silver"; not the "people" of each
    return _word_after(claim) in told_apart - {None}


def _word_after(claim: Claim) -> str | None:
    """The first word after a value that is no preposition or article: "gold" of "nine gold medals"."""
    if claim.sentence is None:
        return None
    offset = claim.sentence.span.start
    words = _WORD.findall(claim.sentence.text[claim.span.end - offset :].lower())[:3]
    return next((word for word in words if word not in PREPOSITIONS and word not in ("the", "a", "an", "and", "its", "their")), None)


def _total(parts: list[Claim]) -> Claim:
    last = parts[-1]
    if isinstance(last.value, TermValue):
        components: dict[str, Fraction] = {}
        for part in parts:
            length = {unit: Fraction(amount) for unit, amount in parse_iso(part.value.iso).items()}   # type: ignore[union-attr]
            components = add_components(components, length)
        value: AmountValue | CountValue | TermValue = TermValue(iso=format_iso(components))
    elif isinstance(last.value, AmountValue):
        resolutions = [part.value.resolution for part in parts if part.value.resolution]   # type: ignore[union-attr]
        value = AmountValue(
            amount=sum(part.value.amount for part in parts),   # type: ignore[union-attr]
            currency=last.value.currency,
            resolution=min(resolutions) if resolutions else None,
        )
    else:
        assert isinstance(last.value, CountValue)
        # the parts count kinds of one thing ("nine gold and six silver medals"), or several ("adults", "children")
        nouns = {part.value.noun for part in parts if part.value.noun}   # type: ignore[union-attr]
        value = CountValue(count=sum(part.value.count for part in parts), noun=nouns.pop() if len(nouns) == 1 else None)   # type: ignore[union-attr]
    assert last.sentence is not None
    start, end = parts[0].span.start, last.span.end
    offset = last.sentence.span.start
    return last.model_copy(
        update={"value": value, "text": last.sentence.text[start - offset : end - offset], "span": parts[0].span.model_copy(update={"end": end})}
    )


def _reason(parts: list[Claim], total: Claim) -> str:
    from . import judges

    return f"the source gives {' + '.join(part.text for part in parts)} = {judges.describe(total)} in all"
