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
from itertools import groupby

from .models import AmountValue, Claim, CountValue, Qualifier, Verdict
from .roles import compare as compare_roles

# the most parts a total is summed from
MAX_PARTS = 4
# the words between two parts: a short stretch with "and", "plus" or a comma
_JOINED = re.compile(r"^[^.;:]{0,60}$")
_JOINERS = re.compile(r",|\band\b|\bplus\b|\bas well as\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(
    r"\b(?:combined|in total|a total of|total(?:ling|ing|led|ed)?|between them|together|altogether|in all|all told|overall|sum of)\b",
    re.IGNORECASE,
)


def sum_of_parts(
    claim: Claim, facts: list[Claim], verdict_of: Callable[[Claim], Verdict]
) -> tuple[Claim, str] | None:
    """The total of source facts that supports `claim`, as a fact, and the reason that shows the sum."""
    if claim.kind not in ("amount", "count") or claim.value.qualifier == Qualifier.RANGE:
        return None
    says_total = bool(claim.sentence and _TOTAL_WORDS.search(claim.sentence.text))
    by_sentence = groupby(
        (fact for fact in facts if fact.sentence is not None and _summable(fact)),
        key=lambda fact: fact.sentence.span.start if fact.sentence else -1,
    )
    for _, group in by_sentence:
        sentence_facts = list(group)
        for first in range(len(sentence_facts)):
            for last in range(first + 2, min(len(sentence_facts), first + MAX_PARTS) + 1):
                parts = sentence_facts[first:last]
                if not _joined(parts) or not _same_unit(claim, parts):
                    continue
                if not (says_total or _measures_agree(claim, parts)) or _roles_differ(claim, parts):
                    continue
                total = _total(parts)
                if verdict_of(total) == Verdict.SUPPORTED:
                    return total, _reason(parts, total)
    return None


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


def _measures_agree(claim: Claim, parts: list[Claim]) -> bool:
    if not claim.roles.measure:
        return False
    return any(part.roles.measure and compare_roles(claim, part).agreeing for part in parts)


def _roles_differ(claim: Claim, parts: list[Claim]) -> bool:
    for part in parts:
        difference = compare_roles(claim, part).differs
        if difference is not None and difference.role != "measure":
            return True   # the parts may measure kinds of one thing ("gold", "silver"), not others' or other times'
    return False


def _total(parts: list[Claim]) -> Claim:
    last = parts[-1]
    if isinstance(last.value, AmountValue):
        resolutions = [part.value.resolution for part in parts if part.value.resolution]   # type: ignore[union-attr]
        value: AmountValue | CountValue = AmountValue(
            amount=sum(part.value.amount for part in parts),   # type: ignore[union-attr]
            currency=last.value.currency,
            resolution=min(resolutions) if resolutions else None,
        )
    else:
        assert isinstance(last.value, CountValue)
        value = CountValue(count=sum(part.value.count for part in parts), noun=last.value.noun)   # type: ignore[union-attr]
    assert last.sentence is not None
    start, end = parts[0].span.start, last.span.end
    offset = last.sentence.span.start
    return last.model_copy(
        update={"value": value, "text": last.sentence.text[start - offset : end - offset], "span": parts[0].span.model_copy(update={"end": end})}
    )


def _reason(parts: list[Claim], total: Claim) -> str:
    from . import judges

    return f"the source gives {' + '.join(part.text for part in parts)} = {judges.describe(total)} in all"
