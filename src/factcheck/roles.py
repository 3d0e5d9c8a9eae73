"""Roles: what a numeric claim or fact is about, read from its sentence.

Every amount, count and term gets `Roles` (models.py): the **measure** (what is counted or paid
for: `for schools`, `revenue`, `new homes`), the **holder** (who gives, owns or earns it: `Japan`,
`the city`), the **rate** (`an hour`, `per share`), the **period** (`this year`, `to date`, `in
2025`, `the third quarter`, `since 1997`) and, for terms, the **event** (`a 10-year term`, `three
years after the flood`). Roles are short phrases as the text gives them, so that a person can read
and correct them in a fact sheet; `compare` turns both sides' phrases into keys and says whether a
fact is about the same thing as a claim.

A role stated on both sides and different rules the fact out (`differs`); a role only one side
states, or one side states more precisely, leaves it open: such a fact may support the claim but
cannot contradict it (`unsure`). The word lists are data (data/roles/roles.toml, with provenance).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .models import NO_ROLES, Claim, CountValue, Roles
from .numbers import parse_number
from .words import noun_key, word_key

if TYPE_CHECKING:
    from .text import Document

ROLE_KINDS = frozenset({"amount", "count", "term", "date"})
# the kinds whose values may take a time frame: a date is a frame itself, not a value that holds one
FRAMED_KINDS = frozenset({"amount", "count", "term"})
ROLE_NAMES = ("measure", "holder", "rate", "period", "event")
# how many words either side of a value its roles are looked for in
_REACH = 7


@dataclass(frozen=True)
class _Lists:
    rate_units: dict[str, str]
    rate_adverbs: dict[str, str]
    unit_modifiers: frozenset[str]
    measures: dict[str, str]          # noun key -> group key
    measure_modifiers: frozenset[str]
    not_measures: frozenset[str]
    vague_measures: frozenset[str]
    purpose_verbs: frozenset[str]
    subject_verbs: frozenset[str]
    payer_verbs: frozenset[str]
    generic_holders: frozenset[str]
    people: frozenset[str]
    events: dict[str, str]            # noun key -> group key
    dated_events: frozenset[str]      # the group keys a date may be of
    ages: frozenset[str]


def _groups(lines: list[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for line in lines:
        words = line.split()
        for word in words:
            keys.setdefault(noun_key(word), noun_key(words[0]))
    return keys


@cache
def _lists() -> _Lists:
    data = tomllib.loads(resources.files("factcheck").joinpath("data/roles/roles.toml").read_text("utf-8"))
    rate, measure, event = data["rate"], data["measure"], data["event"]
    return _Lists(
        rate_units={noun_key(word): unit for word, unit in rate["units"].items()},
        rate_adverbs=dict(rate["adverbs"]),
        unit_modifiers=frozenset(rate["unit_modifiers"]),
        measures=_groups(measure["groups"]),
        measure_modifiers=frozenset(measure["modifiers"]),
        not_measures=frozenset(measure["not_measures"]),
        vague_measures=frozenset(noun_key(word) for word in measure["vague"]),
        purpose_verbs=frozenset(measure["purpose_verbs"]),
        subject_verbs=frozenset(measure["subject_verbs"]),
        payer_verbs=frozenset(data["holder"]["payer_verbs"]),
        generic_holders=frozenset(noun_key(word) for word in data["holder"]["generic"]),
        people=frozenset(noun_key(word) for word in measure["people"]),
        events=_groups(event["groups"]),
        dated_events=frozenset(event["dated"]),
        ages=frozenset(event["ages"]),
    )


# --- reading a sentence ---------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]{0,40}|\d[\d,.]{0,20}%?|[$€£¥]|[^\w\s]")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred thousand million billion trillion dozen".split()
)
# words that end the stretch of a clause a role is read in
_CLAUSE_BREAKS = frozenset(";:()\"")
_DETERMINERS = frozenset("the a an its their his her our this that these those new extra additional further".split())
_LINKS = frozenset(
    "of was were is are be been being at to totaled totalled totaling totalling reached rose fell grew climbed "
    "dropped increased decreased declined jumped hit came stood amounted by about around nearly some "
    "approximately roughly more than over under up down almost just an a the in for worth valued estimated "
    "expected put will would could set".split()
)
_PREPOSITIONS_OF_PURPOSE = ("for", "on", "into", "towards", "toward")
# words that end a noun phrase read after a preposition
_PHRASE_ENDS = frozenset("and or but as with from after before while which that who this next last each per".split())


class _Word:
    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit() or self.lower in _NUMBER_WORDS


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[_Word, ...]:
    return tuple(_Word(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence))


def _clause(words: tuple[_Word, ...], first: int, last: int) -> tuple[int, int]:
    """The words around [first, last) up to a clause break, no further than _REACH either way."""
    start = first
    while start > 0 and first - start < _REACH and words[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    end = last
    while end < len(words) and end - last < _REACH and words[end].text not in _CLAUSE_BREAKS:
        end += 1
    return start, end


# --- rate -------------------------------------------------------------------------------------------

_NOT_A_RATE_AFTER = frozenset("earlier ago before later after on since".split())


def _rate(words: tuple[_Word, ...], first: int, last: int) -> str | None:
    lists = _lists()
    # after the value: "$15 an hour", "7 cents a share", "per diluted share", "$900 monthly"
    position = last
    if position < len(words) and words[position].text == "-":
        position += 1
    if position < len(words):
        word = words[position].lower
        if word in lists.rate_adverbs:
            return "per " + lists.rate_adverbs[word]
        if word in ("a", "an", "per", "each", "every", "/") or word.startswith("a-"):
            unit_at = position + 1
            while unit_at < len(words) and words[unit_at].lower in lists.unit_modifiers and word != "a":
                unit_at += 1
            if unit_at < len(words):
                unit = lists.rate_units.get(noun_key(words[unit_at].lower))
                if unit is None and word == "per" and words[unit_at].is_word and words[unit_at].lower not in _LINKS:
                    unit = noun_key(words[unit_at].lower)   # "per dose", "per tonne": any unit after "per"
                follows = words[unit_at + 1].lower if unit_at + 1 < len(words) else ""
                if unit and follows not in _NOT_A_RATE_AFTER:
                    return "per " + unit
    # before it: "an hourly wage of $15", "earnings per share of $6.90", "EPS of $1.63"
    for index in range(first - 1, max(-1, first - _REACH), -1):
        word = words[index].lower
        if word in lists.rate_adverbs:
            return "per " + lists.rate_adverbs[word]
        if word in ("per", "a") and index + 1 < first:
            unit_at = index + 1
            while unit_at + 1 < first and words[unit_at].lower in lists.unit_modifiers:
                unit_at += 1
            unit = lists.rate_units.get(noun_key(words[unit_at].lower))
            if unit:
                return "per " + unit
        if (words[index].is_number and not _YEAR.fullmatch(words[index].text)) or words[index].text in _CLAUSE_BREAKS:
            break   # another value's rate; a year ("for the fourth quarter of 2020") is no value
    return None


# --- measure ----------------------------------------------------------------------------------------


def _measure_phrase(words: tuple[_Word, ...], noun_at: int) -> str:
    """The measure noun at `noun_at` with the modifiers before it ("adjusted net income") and the
    measure nouns after it ("transfer fee", "cash flow")."""
    lists = _lists()
    start = noun_at
    while start > 0 and (words[start - 1].lower in lists.measure_modifiers or (start == 1 and words[0].is_word and words[0].lower not in _LINKS)):
        start -= 1
    end = noun_at + 1
    while end < len(words) and (_is_measure(words[end]) or words[end].lower in ("flow", "flows")):
        end += 1
    return " ".join(word.lower for word in words[start:end])


def _is_measure(word: _Word) -> bool:
    return word.is_word and noun_key(word.lower) in _lists().measures


def _noun_phrase_after(words: tuple[_Word, ...], position: int, end: int) -> str | None:
    """Up to three lower-case content words from `position` ("school repairs"); None for a name, a
    date or a word that never says what money is for."""
    lists = _lists()
    while position < end and words[position].lower in _DETERMINERS:
        position += 1
    taken: list[str] = []
    while position < end and len(taken) < 3:
        word = words[position]
        if (
            not word.is_word or word.is_number or word.is_capitalised or word.lower in _LINKS or word.lower in _DETERMINERS
            or word.lower in _PHRASE_ENDS or (taken and word.lower in lists.not_measures)
        ):
            break
        taken.append(word.lower)
        position += 1
    if not taken or taken[0] in lists.not_measures or taken[-1] in lists.not_measures:
        return None
    return " ".join(taken)


def _past_rate(words: tuple[_Word, ...], position: int, end: int) -> int:
    """The word after the rate phrase at `position` ("an hour", "per diluted share", "a-share"), if one stands there."""
    lists = _lists()
    if position < end and words[position].lower in lists.rate_adverbs:
        return position + 1
    if position + 1 < end and words[position].lower in ("a", "an", "per", "each", "every"):
        unit = position + 1
        while unit + 1 < end and words[unit].lower in lists.unit_modifiers:
            unit += 1
        if noun_key(words[unit].lower) in lists.rate_units or words[position].lower == "per":
            return unit + 1
    return position


# words after which a measure noun is a verb: "will pay", "to cost"
_VERB_MARKERS = frozenset("will would could can may might must shall should to did does do not also".split())


def _skip_modifiers(words: tuple[_Word, ...], position: int, end: int) -> int:
    modifiers = _lists().measure_modifiers
    while position < end and (words[position].lower in _DETERMINERS or words[position].lower in modifiers):
        position += 1
    return position


def _measure(claim: Claim, words: tuple[_Word, ...], first: int, last: int, start: int, end: int) -> str | None:
    if isinstance(claim.value, CountValue):
        return claim.value.noun.lower() if claim.value.noun else None
    lists = _lists()
    # a measure noun right after the value: "a $5 million fine", "$3bn deal", "an £85m transfer fee"
    if last < end and _is_measure(words[last]):
        return _measure_phrase(words, last)
    # "$180 million for schools", "$4bn in military aid", "$2bn of aid", "$1m worth of equipment",
    # "$3bn to build a new airport", "$120 million to farmers"; past a rate ("$20 an hour for nurses")
    position = _past_rate(words, last, end)
    if position < end and words[position].lower == "worth" and position + 1 < end and words[position + 1].lower == "of":
        return _noun_phrase_after(words, position + 2, end)
    if position < end:
        preposition = words[position].lower
        if preposition in _PREPOSITIONS_OF_PURPOSE:
            purpose = _noun_phrase_after(words, position + 1, end)
            before = _measure_before(words, first) if position > last else None
            # "council tax will rise by £3 a week for households": after a rate, who it is for
            return f"{before} for {purpose}" if before and purpose else purpose
        if preposition in ("in", "of"):
            after = _skip_modifiers(words, position + 1, end)
            if after + 1 < end and not _is_measure(words[after]) and words[after].is_word and _is_measure(words[after + 1]):
                after += 1   # "in council tax", "in transfer fees"
            if after < end and _is_measure(words[after]):
                return _measure_phrase(words, after)
        if preposition == "to" and position + 1 < end:
            after = position + 1
            if words[after].lower in lists.purpose_verbs:
                after += 1
                if after < end and words[after].lower in _PREPOSITIONS_OF_PURPOSE:
                    after += 1
            if words[after].lower not in _LINKS or words[after].lower in _DETERMINERS:
                return _noun_phrase_after(words, after, end)
    # what costs it or gets it: "the tunnel will cost £200 million", "hospitals will get £2 billion"
    verb = first - 1
    while verb > 0 and words[verb].lower in ("about", "around", "roughly", "nearly", "some", "up", "to", "at", "least", "an", "estimated", "between", "a", "further", "extra", "combined", "total", "of"):
        verb -= 1
    if verb > 0 and words[verb].lower in lists.subject_verbs:
        subject = _subject_noun(words, verb)
        if subject is not None:
            return subject
    return _measure_before(words, first)


def _measure_before(words: tuple[_Word, ...], first: int) -> str | None:
    """The nearest measure noun before the value: "revenue rose 4% to $5bn", "a budget of £2 billion",
    "net income was $3.1 billion"; "the cost of repairing the dam" is for the repairing."""
    lists = _lists()
    for index in range(first - 1, max(-1, first - 2 * _REACH), -1):
        word = words[index]
        if _is_measure(word) and not (index > 0 and words[index - 1].lower in _VERB_MARKERS):
            if noun_key(word.lower) in lists.vague_measures and index + 1 < first and words[index + 1].lower == "of":
                return _noun_phrase_after(words, index + 2, first) or _measure_phrase(words, index)
            return _measure_phrase(words, index)
        if word.is_capitalised and index > 0 or (not word.is_word and not word.is_number and word.text != "%"):
            break
    return None


# --- holder -----------------------------------------------------------------------------------------


# words after which a name starts a clause as its subject ("Japan gave $1bn and Germany gave $2bn")
_SUBJECT_OPENERS = frozenset(", ; - and but while whereas as \" ' meanwhile that".split())
_POSSESSIVE_DETERMINERS = frozenset("the its his her their a an".split())
_RELATIVES = frozenset("who which that".split())


def _opens_clause(words: tuple[_Word, ...], index: int) -> bool:
    """Whether the phrase at `index` stands where a clause's subject does: first in the sentence or
    after a comma or conjunction, past determiners and nouns in apposition ("while its rival X")."""
    before = index - 1
    while before >= 0 and (words[before].lower in _DETERMINERS or words[before].lower in _APPOSITIVE_NOUNS or words[before].lower == "former"):
        before -= 1
    return before < 0 or words[before].lower in _SUBJECT_OPENERS


def _holders_in(doc: Document, sentence_start: int, words: tuple[_Word, ...], upto: int) -> list[tuple[int, int, str, bool, str]]:
    """The named and generic holders of the sentence's words before `upto`, in order:
    (first word, word after, phrase, possessive, kind)."""
    named = _named_in(doc, sentence_start, words)
    generic = _lists().generic_holders
    found: list[tuple[int, int, str, bool, str]] = []
    index = 0
    while index < upto:
        if index in named:
            phrase, possessive, kind, after = named[index]
            generic_after = _generic_after(words, after + 1, upto) if possessive else None
            if generic_after is not None:
                # "Apex Mining's former chief executive" is the chief executive
                found.append((index, generic_after[0], generic_after[1], False, "generic"))
                index = generic_after[0]
                continue
            found.append((index, after, phrase, possessive, kind))
            index = max(after, index + 1)
            continue
        if words[index].lower in _POSSESSIVE_DETERMINERS:
            # "the city", "its former chief executive", "the runners-up"
            for head in range(index + 1, min(upto, index + 4)):
                word = words[head]
                if not word.is_word or word.is_capitalised or word.lower in _LINKS:
                    break
                noun = word.lower.removesuffix("'s")
                if noun_key(noun) in generic:
                    while head + 1 < upto and words[head + 1].is_word and not words[head + 1].is_capitalised and (
                        noun_key(words[head + 1].lower.removesuffix("'s")) in generic
                    ):
                        head += 1   # "the city council": the last noun is the head
                        noun = words[head].lower.removesuffix("'s")
                    found.append((index, head + 1, "the " + noun, words[head].lower.endswith("'s"), "generic"))
                    index = head
                    break
        index += 1
    return found


def _generic_after(words: tuple[_Word, ...], position: int, upto: int) -> tuple[int, str] | None:
    """A generic holder in the next three words ("former chief executive"): (word after, "the executive")."""
    generic = _lists().generic_holders
    for head in range(position, min(upto, position + 3)):
        word = words[head]
        if not word.is_word or word.is_capitalised or word.lower in _LINKS:
            return None
        if noun_key(word.lower) in generic:
            return head + 1, "the " + word.lower
    return None


def _holder(doc: Document, sentence_start: int, words: tuple[_Word, ...], first: int, last: int, end: int) -> str | None:
    """Who gives, owns or earns the value: the nearest possessive before it ("Japan's $4.5 billion"),
    else the nearest holder that is the subject of a clause before it ("Japan gave $1bn and Germany
    gave $2bn"; "the runners-up, who won 22 games"), else the first name before it, else the name
    after "by" or "from"."""
    possessive = subject = first_named = None
    previous_end = -1
    holders = _holders_in(doc, sentence_start, words, first)
    payer = next(
        (phrase for index, after, phrase, _, _ in holders if after == first and index > 0 and words[index - 1].lower in _lists().payer_verbs),
        None,
    )
    if payer is not None:
        return payer   # "the judge fined Apex Mining $2 million": Apex Mining pays it
    for index, after, phrase, is_possessive, kind in holders:
        if is_possessive:
            possessive = phrase
        relative = next((i for i in range(after, min(after + 2, first)) if words[i].lower in _RELATIVES), None)
        if subject is not None and index == previous_end + 1 and words[previous_end].lower == "and" and kind != "generic":
            subject = f"{subject} and {phrase}"   # "Spain and Portugal pledged a combined €420 million"
        elif _opens_clause(words, index) or relative is not None or (subject is not None and _in_apposition(words, index)):
            subject = phrase
        previous_end = after
        if kind != "generic":
            first_named = first_named or phrase
    if possessive or subject or first_named:
        return possessive or subject or first_named
    named = _named_in(doc, sentence_start, words)
    for index in range(last, end - 1):
        if words[index].lower in ("by", "from") and index + 1 in named:
            return named[index + 1][0]
    return None


@lru_cache(maxsize=8)
def _lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case somewhere: a capitalised first word that is one of them is a common word."""
    return frozenset(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", text))


def _common_plural(text: str) -> bool:
    return " " not in text and text[1:].islower() and text.endswith("s") and not text.endswith(("ss", "us", "is"))


def _in_apposition(words: tuple[_Word, ...], index: int) -> bool:
    """Whether the name at `index` is the head of the one before it: "G7 member Japan", "rival club Leeds"."""
    return index >= 2 and words[index - 1].lower in _APPOSITIVE_NOUNS and words[index - 2].is_capitalised


_APPOSITIVE_NOUNS = frozenset(
    "member members ally partner neighbour neighbor rival giant champion champions club side team firm company "
    "group bank lender carrier airline country nation state city state-owned".split()
)


_STARTS: dict[int, tuple[tuple, list[int]]] = {}


def _starts_of(found: tuple) -> list[int]:
    """Where each of a document's mentions starts, made once per document (its claims all look them up;
    kept by identity: hashing a long tuple of mentions would cost what it saves)."""
    kept = _STARTS.get(id(found))
    if kept is None or kept[0] is not found:
        if len(_STARTS) >= 8:
            _STARTS.pop(next(iter(_STARTS)))
        kept = _STARTS[id(found)] = (found, [mention.start for mention in found])
    return kept[1]


def _named_in(doc: Document, sentence_start: int, words: tuple[_Word, ...]) -> dict[int, tuple[str, bool, str, int]]:
    """The names of the sentence by the index of their first word: {index: (name, possessive, kind, word after)}."""
    from .extractors.entities import is_function_word, is_office, mentions

    found = mentions(doc)
    starts = _starts_of(found)
    named: dict[int, tuple[str, bool, str, int]] = {}
    if not words:
        return named
    lists = _lists()
    sentence_end = sentence_start + words[-1].end
    word_starts = [word.start for word in words]
    for position in range(bisect_left(starts, sentence_start), len(found)):
        mention = found[position]
        if mention.start >= sentence_end:
            break
        if is_office(mention.text):
            continue   # a title alone ("Chief") names no one
        if mention.text.lower() in lists.measure_modifiers or noun_key(mention.text.lower()) in lists.measures:
            continue   # "GAAP earnings", "Revenue rose": words of what is measured, not who holds it
        if mention.kind == "name" and mention.start == sentence_start and (
            _common_plural(mention.text) or mention.text.lower() in _lower_case_words(doc.norm)
            or mention.text.lower() in _LINKS or is_function_word(mention.text)
            or noun_key(mention.text.lower()) in lists.generic_holders
        ):
            continue   # "Engineers put ...", "Slide 36 shows ...": a common word opening a sentence, not a name
        index = bisect_left(word_starts, mention.start - sentence_start)
        after = bisect_left(word_starts, mention.end - sentence_start)
        if index < len(words):
            phrase = mention.name if mention.kind != "name" else mention.text
            named.setdefault(index, (phrase, mention.possessive, mention.kind, after))
    return named


# --- period -----------------------------------------------------------------------------------------

_ORDINALS = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3", "fourth": "4", "4th": "4"}
_PERIOD = re.compile(
    r"\b(?=[a-zA-Z])(?:"
    r"(?P<to_date>to date|so far|thus far|in total|in all(?! [a-z])|all told|altogether|between them|combined|cumulatively|until now|up to now"
    r"|since (?:the )?(?:start|beginning|outbreak|launch))"
    r"|(?P<this_year>this year(?:'s)?|the current year|this fiscal year)"
    r"|(?P<last_year>last year(?:'s)?|the previous year|the prior year|a year (?:earlier|ago|before)|year-ago|prior-year|the year-earlier)"
    r"|(?P<next_year>next year(?:'s)?|the coming year)"
    r"|(?P<year_ago_quarter>(?:the )?(?:year-ago|year-earlier|prior-year|prior year|same) quarter(?: (?:of )?(?:last|the previous|the prior) year)?)"
    r"|(?P<previous_quarter>(?:the )?(?:linked|prior|previous|preceding|sequential|last) quarter)"
    r"|(?P<quarter>(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: (?:of )?(?:19|20)\d\d)?|q[1-4](?: (?:19|20)\d\d)?\b)"
    r"|(?P<half>(?:the )?(?:first|second) half|h[12]\b)"
    r"|(?P<full_year>(?:full|whole|entire|fiscal|financial)[- ]year(?: (?:of )?(?:19|20)\d\d)?|fiscal (?:19|20)\d\d|fy ?(?:19|20)?\d\d\b)"
    r"|(?P<since>since (?:then|(?:19|20)\d\d|the \w+ (?:began|started|broke out|ended|opened)))"
    r"|(?P<season>(?:this|last|next|the previous|the current) season|(?:in|over) (?:his|her|their|its) career)"
    r"|(?P<last_span>(?:in|over|during|for) the (?:last|past|previous) (?:\w+ )?(?:years?|months?|weeks?|days?|decades?))"
    r"|(?P<month>(?:in|for|during|by|through|until|since) (?:january|february|march|april|may|june|july|august|september|october|november|december)(?: (?:19|20)\d\d)?)"
    r"|(?P<year>(?:in|for|during|of|by|through) (?:19|20)\d\d)"
    r")\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# how far (in characters) after a value a time frame is still that value's own ("14 goals this season")
_OWN_FRAME_GAP = 12
# what a comma between a frame and a value after it adds to their distance: a frame in the value's own
# clause wins over one before a comma ("In 2023, revenue was $5bn" still has no other)
_OTHER_CLAUSE_DISTANCE = 60


def _period(
    doc: Document, sentence_start: int, sentence: str, claim_start: int, claim_end: int, values: list[tuple[int, int]]
) -> str | None:
    """The time frame phrase nearest the value in its sentence, as written, but not one that stands
    right after another value (`$971 million in the third quarter, against $946 million in the
    linked quarter`) nor one after a comma that follows it; `since then` with the year it refers back to."""
    best: tuple[int, re.Match[str]] | None = None
    for match in _PERIOD.finditer(sentence):
        if match.start() < claim_end and claim_start < match.end():
            continue   # the claim's own words ("this year" as a date claim) are not its frame
        if any(0 <= match.start() - end <= _OWN_FRAME_GAP for _, end in values):
            continue   # "14 goals this season and 96 goals in her career": a frame right after a value is that value's
        distance = claim_start - match.end() if match.end() <= claim_start else match.start() - claim_end
        if match.start() >= claim_end and "," in sentence[claim_end : match.start()]:
            continue   # "sales rose to $441 million, with a forecast for 2021 ...": the next clause's frame
        if match.end() <= claim_start and "," in sentence[match.end() : claim_start]:
            distance += _OTHER_CLAUSE_DISTANCE   # "since 2015, including 310 homes in the past year"
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None:
        return None
    phrase = best[1].group().lower()
    if phrase == "since then":
        years = _YEAR.findall(doc.norm, max(0, sentence_start - 600), sentence_start + best[1].start())
        if years:
            return f"since then ({years[-1]})"
    return phrase


@lru_cache(maxsize=4096)
def period_key(phrase: str, anchor_year: int | None = None) -> str:
    """The key a period phrase compares by: "year:2024", "q3", "to_date", "since:1997", "last:7 years"."""
    match = _PERIOD.search(phrase)
    if match is None:
        return phrase
    group = match.lastgroup or ""
    words = match.group().lower()
    year = _YEAR.search(phrase)
    if group == "this_year":
        return f"year:{anchor_year}" if anchor_year else "this_year"
    if group == "last_year":
        return f"year:{anchor_year - 1}" if anchor_year else "last_year"
    if group == "next_year":
        return f"year:{anchor_year + 1}" if anchor_year else "next_year"
    if group == "quarter":
        digit = re.search(r"[1-4]", words) or None
        number = digit.group() if digit else _ORDINALS[re.split(r"[- ]", words.removeprefix("the "))[0]]
        return f"q{number}:{year.group()}" if year else f"q{number}"
    if group == "half":
        return "h1" if ("first" in words or "h1" in words) else "h2"
    if group == "full_year":
        return f"year:{year.group()}" if year else "full_year"
    if group == "since":
        if year:
            return f"since:{year.group()}"
        return "since:then" if words == "since then" else "since:" + word_key(words.split()[2])
    if group == "season":
        return "career" if words.endswith("career") else words.replace("the current", "this").replace("the previous", "last").replace(" ", "_")
    if group == "last_span":
        span = words.split(" ", 3)[-1]
        number, _, unit = span.rpartition(" ")
        parsed = parse_number(number) if number else None
        value = parsed.value if parsed else (1 if not number else None)
        return f"last:{value:g} {noun_key(unit)}" if value is not None else f"last:{span}"
    if group == "year":
        return f"year:{year.group()}" if year else words
    if group == "month":
        month = words.split()[1]
        return f"{month}:{year.group()}" if year else month
    return group


# --- event (terms) ----------------------------------------------------------------------------------


_DURATION_VERBS = frozenset(
    "take takes took taken taking last lasts lasted lasting run runs ran running cover covers covered covering "
    "span spans spanned spanning continue continues continued stretch stretches stretched".split()
)
_AUXILIARIES = frozenset("will would could may might must shall should can is are was were be been being has have had do does did not also still only just".split())
_PRONOUNS = frozenset("him her them it us me you".split())
PREPOSITIONS = frozenset(
    "of to on with in for from by at about over under after before during into through between against among "
    "without within across near since until".split()
)


def _event(words: tuple[_Word, ...], first: int, last: int, end: int, claim_text: str) -> str | None:
    """What a length of time is of: an age, "after the flood", the noun it qualifies ("a 10-year
    term", "a weeklong strike"), the subject of "take", "last" or "run" ("repairs will take two
    years", "the pact runs for a decade"), or the word before "for" ("jailed for", "led the company for")."""
    lists = _lists()
    lowered = claim_text.lower()
    following = [word.lower for word in words[last:end]]
    if lowered.endswith(("year-old", "years-old", "month-old")) or (following[:1] and following[0] in lists.ages) or (
        first > 0 and words[first - 1].lower == "aged"
    ):
        return "age"
    if following[:1] and following[0] in ("after", "before", "since") and len(following) > 1:
        rest = _noun_phrase_after(words, last + 1, end)
        if rest:
            return f"{following[0]} the {rest}"
    if following[:2] in (["in", "prison"], ["in", "jail"], ["behind", "bars"]):
        return "prison"
    # "a 10-year security agreement", "a weeklong strike", "a six-week consultation": the noun it qualifies
    if claim_text[-1:].isalpha() and ("-" in claim_text or lowered.endswith("long")):
        head = None
        for word in words[last : min(end, last + 3)]:
            if (
                not word.is_word or word.is_capitalised or word.lower in _LINKS or word.lower in _PHRASE_ENDS
                or word.lower in PREPOSITIONS or (head and word.lower.endswith("ed"))
            ):
                break   # "a weeklong inquiry followed": the noun, not the verb after it
            head = word.lower
        if head:
            return head
    # "spent four years drafting the plan": the work done; "spent three years at the club": time spent
    if first > 0 and words[first - 1].lower in ("spent", "spend", "spends", "spending"):
        return following[0] if following[:1] and following[0].endswith("ing") else "time spent"
    # "extended by eight years": an extension
    if first > 1 and words[first - 1].lower == "by" and words[first - 2].lower.startswith("extend"):
        return "extension"
    if first > 1 and words[first - 1].lower == "to" and words[first - 2].lower in ("sentenced", "jailed", "imprisoned"):
        return "sentence"
    verb = first - 1
    if verb >= 0 and words[verb].lower == "for":
        verb -= 1
    while verb >= 0 and (words[verb].lower in _PRONOUNS or words[verb].lower in _AUXILIARIES):
        verb -= 1
    if verb < 0 or not words[verb].is_word or words[verb].is_capitalised:
        return None
    if words[verb].lower in _DURATION_VERBS:
        return _subject_noun(words, verb)
    if verb < first - 1 or words[verb].lower in _DURATION_VERBS:
        # the word before "for": a verb ("jailed for") or a noun ("in office for", "led the company for")
        word = words[verb].lower
        return word if word not in _LINKS and word not in _DETERMINERS else None
    return None


def _subject_noun(words: tuple[_Word, ...], verb: int) -> str | None:
    """The head of the subject of the verb at `verb`: the first content word of its clause, or the
    noun a relative pronoun stands for ("a fraud that ran for six years")."""
    before = verb - 1
    while before >= 0 and words[before].lower in _AUXILIARIES:
        before -= 1
    if before >= 0 and words[before].lower in _RELATIVES:
        noun = before - 1
        return words[noun].lower if noun >= 0 and words[noun].is_word and not words[noun].is_capitalised else None
    start = before
    while start > 0 and words[start - 1].text not in _CLAUSE_BREAKS and words[start - 1].text != ",":
        start -= 1
    head = None
    for position, word in enumerate(words[start : before + 1]):
        if (
            not word.is_word or word.lower in PREPOSITIONS or word.lower in _AUXILIARIES or word.lower in _RELATIVES
            or (head is not None and (word.is_capitalised or word.lower.endswith("ed")))
        ):
            break   # "repairs to the sea wall", "the inquiry opened ...": the head comes before the preposition or verb
        if word.lower not in _DETERMINERS and word.lower not in _PRONOUNS and not word.lower.endswith(("'s", "s'")):
            head = word.lower   # "the manager's new contract": the last word of the phrase is its head
    return head


# --- event (dates) ----------------------------------------------------------------------------------


def _date_event(words: tuple[_Word, ...], first: int, last: int, start: int, end: int) -> str | None:
    """What a date is of: the events the words of its clause name ("ruled", "an appeal", "signed the
    accord", "the final was played"), by the names of their [event] groups that dates may be of,
    nearest first and joined by "and" ("meeting and agreement" for "signed at the summit on
    Thursday"); None when no word of the clause names one. Words are read as written (a verb's forms
    are listed): "projected" or "planned" before a date names no project or plan. Reporting verbs
    name no event: in "said on Tuesday it had agreed" the date is the agreement's."""
    names, dated = _lists().events, _lists().dated_events
    found: list[str] = []
    for distance in range(1, max(first - start, end - last) + 1):
        for position in (first - distance, last + distance - 1):   # the word before first on a tie
            if not (start <= position < first or last <= position < end) or not words[position].is_word:
                continue
            name = names.get(noun_key(words[position].lower))
            if name is not None and name in dated and name not in found:
                found.append(name)
    return " and ".join(found) or None


# --- reading every claim --------------------------------------------------------------------------


def assign_roles(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The claims (in text order) with the roles their sentences give them (claims of other kinds unchanged)."""
    values: dict[int, list[tuple[int, int]]] = {}   # the spans of the values of each sentence
    for claim in claims:
        if claim.kind in FRAMED_KINDS and claim.sentence is not None:
            values.setdefault(claim.sentence.span.start, []).append((claim.span.start, claim.span.end))
    return [
        claim.model_copy(update={"roles": roles})
        if claim.kind in ROLE_KINDS and (roles := read_roles(doc, claim, values.get(claim.sentence.span.start, []) if claim.sentence else [])) is not NO_ROLES
        else claim
        for claim in claims
    ]


def read_roles(doc: Document, claim: Claim, values: list[tuple[int, int]] | None = None) -> Roles:
    """The roles of one claim, read from its sentence in `doc`; `values` are the spans of the
    sentence's values (a time frame beyond another value is that value's)."""
    if claim.sentence is None:
        return NO_ROLES
    sentence_start = claim.sentence.span.start
    sentence = doc.norm[sentence_start : claim.sentence.span.end]
    claim_start, claim_end = claim.span.start - sentence_start, claim.span.end - sentence_start
    words = _words(sentence)
    word_starts = [word.start for word in words]
    first = bisect_left(word_starts, claim_start)
    last = first
    while last < len(words) and words[last].start < claim_end:
        last += 1
    start, end = _clause(words, first, last)
    if claim.kind == "date":
        event = _date_event(words, first, last, start, end)
        return Roles.model_construct(event=event) if event else NO_ROLES
    if claim.kind == "term":
        event = _event(words, first, last, end, claim.text)
        return Roles.model_construct(event=event) if event else NO_ROLES
    # made of strings read here: validating them again would cost more than reading them
    roles = Roles.model_construct(
        measure=_measure(claim, words, first, last, start, end),
        holder=_holder(doc, sentence_start, words, first, last, end),
        rate=_rate(words, first, last),
        period=_period(
            doc, sentence_start, sentence, claim_start, claim_end,
            [(start - sentence_start, end - sentence_start) for start, end in values or () if (start, end) != (claim.span.start, claim.span.end)],
        ),
    )
    return roles if roles.measure or roles.holder or roles.rate or roles.period else NO_ROLES


def with_roles(claim: Claim, neighbours: Sequence[Claim] = ()) -> Claim:
    """`claim` with the roles its own sentence gives it, when it has none: a fact of a sheet written
    by hand or before roles were read. `neighbours`: the other facts of its sentence (a time frame
    right after one of them is that one's, as when the article is read whole)."""
    if claim.kind not in ROLE_KINDS or claim.roles != NO_ROLES or claim.sentence is None:
        return claim   # (compared by value: a sheet read from YAML has roles of its own making)
    from .text import Document

    sentence = claim.sentence
    offset = sentence.span.start
    start = claim.span.start - offset
    if sentence.text[start : start + len(claim.text)] != claim.text:
        start = sentence.text.find(claim.text)
        if start < 0:
            return claim   # the sentence was reworded and no longer holds the claim's words
    doc = Document(sentence.text, markdown=False)
    local = claim.model_copy(update={
        "span": claim.span.model_copy(update={"start": start, "end": start + len(claim.text)}),
        "sentence": doc.sentence_record(start).model_copy(update={"span": sentence.span.model_copy(update={"start": 0, "end": len(sentence.text)})}),
    })
    shift = start - claim.span.start   # from the article's offsets to the sentence's
    values = [
        (other.span.start + shift, other.span.end + shift) for other in neighbours
        if other is not claim and other.kind in FRAMED_KINDS and other.sentence == claim.sentence
    ]
    roles = read_roles(doc, local, values)
    return claim if roles is NO_ROLES else claim.model_copy(update={"roles": roles})


# --- comparing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleDifference:
    role: str
    claim: str
    fact: str


@dataclass(frozen=True)
class RoleComparison:
    differs: RoleDifference | None = None   # a role both sides state differently: the fact is about something else
    unsure: RoleDifference | None = None    # a role only one side states, or more precisely: it may support, not contradict
    agreeing: int = 0                       # roles both sides state alike


def _stem(word: str) -> str:
    key = word_key(word)
    for ending in ("ing", "ed", "s"):
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


@lru_cache(maxsize=8192)
def _measure_keys(phrase: str) -> tuple[str, frozenset[str]]:
    """The head of a measure phrase (its group's key) and its modifiers."""
    lists = _lists()
    words = phrase.split()
    # the head: the last word that names a measure ("transfer fee", "tax for households"), else the last word
    keys = [noun_key(word) for word in words]
    head = next((key for key in reversed(keys) if key in lists.measures), keys[-1] if keys else "")
    head = lists.measures.get(head, word_key(head))
    modifiers = frozenset(word for word in words[:-1] if word in lists.measure_modifiers)
    return head, modifiers


def _compare_measure(claim: str, fact: str) -> str:
    """'agree', 'unsure' or 'differs' (as every comparison of a role; a holder may also be 'neutral')."""
    claim_head, claim_modifiers = _measure_keys(claim)
    fact_head, fact_modifiers = _measure_keys(fact)
    people = _lists().people
    if claim_head != fact_head and "person" in (claim_head, fact_head) and {claim_head, fact_head} <= people:
        return "unsure"   # "people" and "adults": the kinds of people of a count may add up to it
    if claim_head != fact_head:
        claim_words = {_stem(word) for word in claim.split() if word not in PREPOSITIONS}
        fact_words = {_stem(word) for word in fact.split() if word not in PREPOSITIONS}
        if claim_words <= fact_words or fact_words <= claim_words:
            return "agree"   # "health" and "health spending", "schools" and "school repairs"
        return "unsure" if claim_words & fact_words else "differs"
    if claim_modifiers == fact_modifiers:
        return "agree"
    if claim_modifiers and fact_modifiers and not (claim_modifiers & fact_modifiers):
        return "differs"
    return "unsure"


@lru_cache(maxsize=8192)
def _holder_key(phrase: str) -> str:
    from .align import countries_in

    countries = countries_in(phrase)
    if len(countries) == 1:
        return "country:" + next(iter(countries))
    return phrase.lower().removeprefix("the ")


def _compare_holder(mine: _Phrases, theirs: _Phrases) -> str:
    claim_holder, fact_holder = mine[1] or "", theirs[1] or ""
    if _holder_key(claim_holder) == _holder_key(fact_holder):
        return "agree"
    claim_parties, fact_parties = set(claim_holder.split(" and ")), set(fact_holder.split(" and "))
    if len(claim_parties) + len(fact_parties) > 2 and (claim_parties & fact_parties):
        # "Ukraine and Japan signed a deal giving Kyiv $4.5bn" is Japan's $4.5bn too; but "Spain and
        # Portugal pledged a combined €420 million" is not Spain's
        totals = {period_key(side[3] or "") for side in (mine, theirs)}
        return "unsure" if "to_date" in totals else "agree"
    if claim_holder.startswith("the ") != fact_holder.startswith("the "):
        return "neutral"   # a generic holder ("the company") may be the named one ("Moderna"): the context decides
    return "differs"


@lru_cache(maxsize=16384)
def _named_off_subject(holder: str, sentence: str) -> bool:
    """Whether `sentence` names `holder` (or its country) other than as the subject of a clause."""
    from .align import countries_in

    words, countries = _names_off_subject(sentence)
    head = holder.removeprefix("the ").split()[0].lower() if holder.strip() else ""
    return head in words or bool(countries_in(holder) & countries)


@lru_cache(maxsize=4096)
def _names_off_subject(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words (in lower case, possessives cut) and the countries a sentence names other than as
    the subject of a clause: read once for every holder compared with it."""
    from .align import countries_in

    words = _words(sentence)
    off = [index for index in range(len(words)) if words[index].is_word and not _opens_clause(words, index)]
    return (
        frozenset(words[index].lower.removesuffix("'s") for index in off),
        frozenset(code for index in off if words[index].is_capitalised for code in countries_in(words[index].text)),
    )


def _compare_period(claim: str, fact: str) -> str:
    if claim == fact:
        return "agree"
    # "q3" and "q3:2021": the same quarter, one side naming its year; "the full year" may be any year
    if claim.startswith(fact + ":") or fact.startswith(claim + ":") or {claim, fact} & {"full_year"} and (claim + fact).count("year:") == 1:
        return "neutral"
    return "differs"


def _compare_event(claim: str, fact: str) -> str:
    events = _lists().events

    def key(phrase: str) -> str:
        words = phrase.split()
        if phrase == "age":
            return "age"
        if words[0] in ("after", "before", "since"):
            return words[0] + ":" + word_key(words[-1])
        head = noun_key(words[-1])
        if head not in events:
            stem = re.sub(r"(?:ned|ed|d)$", "", head)   # "jailed" -> "jail", "banned" -> "ban"
            head = stem if stem in events else head
        return events.get(head, word_key(head))

    # a date may be of several events ("agreement and meeting"): they differ only when none is alike
    claim_keys, fact_keys = {key(event) for event in claim.split(" and ")}, {key(event) for event in fact.split(" and ")}
    return "agree" if claim_keys & fact_keys else "differs"


def compare(claim: Claim, fact: Claim, anchor_year: int | None = None) -> RoleComparison:
    """Whether `fact` is about the same thing as `claim`, role by role."""
    mine, theirs = claim.roles, fact.roles
    if mine is NO_ROLES and theirs is NO_ROLES:
        return _NOTHING_TO_COMPARE
    claimed = (mine.measure, mine.holder, mine.rate, mine.period, mine.event)
    stated = (theirs.measure, theirs.holder, theirs.rate, theirs.period, theirs.event)
    comparison = _compare(claimed, stated, anchor_year)
    if comparison.differs is not None and comparison.differs.role == "holder" and (
        _named_off_subject(mine.holder or "", fact.sentence.text if fact.sentence else "")
        or _named_off_subject(theirs.holder or "", claim.sentence.text if claim.sentence else "")
    ):
        # giver and receiver are both holders of a kind: "Ukraine receives $4.5bn from Japan" is about
        # Japan's $4.5bn; a holder the other sentence names where no subject stands leaves it open
        comparison = _compare(claimed, (*stated[:1], None, *stated[2:]), anchor_year)
    return comparison


_NOTHING_TO_COMPARE = RoleComparison()


# The order roles are compared in, so that the reason names the telling difference: a rate ("per
# year, not per hour") first, then what it is for, then whose it is (positions in ROLE_NAMES).
_COMPARED_IN_ORDER = tuple(ROLE_NAMES.index(role) for role in ("rate", "measure", "holder", "period", "event"))


_Phrases = tuple[str | None, str | None, str | None, str | None, str | None]   # a Roles' phrases, in ROLE_NAMES order


# alignment compares each claim with many facts, and the facts of a source share their roles: the
# comparison of the phrases alone is memoised (a holder named elsewhere in a sentence is seen by `compare`)
@lru_cache(maxsize=65536)
def _compare(mine: _Phrases, theirs: _Phrases, anchor_year: int | None) -> RoleComparison:
    differs = unsure = None
    agreeing = 0
    for position in _COMPARED_IN_ORDER:
        role, claim_phrase, fact_phrase = ROLE_NAMES[position], mine[position], theirs[position]
        if role == "rate" and bool(claim_phrase) != bool(fact_phrase):
            # a rate is never compared with a total
            differs = differs or RoleDifference(role, claim_phrase or "", fact_phrase or "")
            continue
        if role == "period" and claim_phrase and not fact_phrase and period_key(claim_phrase, anchor_year).startswith(("to_date", "since:")):
            # a total ("in total", "to date") and a value of no stated frame: that may be a part of it
            unsure = unsure or RoleDifference(role, claim_phrase or "", fact_phrase or "")
            continue
        if not claim_phrase or not fact_phrase:
            continue
        if role == "measure":
            outcome = _compare_measure(claim_phrase, fact_phrase)
        elif role == "holder":
            outcome = _compare_holder(mine, theirs)
        elif role == "period":
            outcome = _compare_period(period_key(claim_phrase, anchor_year), period_key(fact_phrase, anchor_year))
        elif role == "event":
            outcome = _compare_event(claim_phrase, fact_phrase)
        else:
            outcome = "agree" if claim_phrase == fact_phrase else "differs"
        if outcome == "agree":
            agreeing += 1
        elif outcome == "neutral":
            continue
        elif outcome == "differs":
            differs = differs or RoleDifference(role, claim_phrase, fact_phrase)
        else:
            unsure = unsure or RoleDifference(role, claim_phrase, fact_phrase)
    if differs is None and unsure is None and agreeing == 0:
        # a claim that says what its value is about is contradicted only by a fact that says the same of
        # at least one of those things: words around the value alone are no evidence against it
        stated = next(((role, phrase) for role, phrase in zip(ROLE_NAMES, mine) if phrase), None)
        if stated is not None:
            unsure = RoleDifference(*stated, "")
    return RoleComparison(differs, unsure, agreeing)


def describe_difference(difference: RoleDifference, fact_value: str) -> str:
    """`the source gives €40 million for roads, not for schools`: the nearest fact and the role that differs."""
    claim, fact = difference.claim, difference.fact
    if not fact and difference.role != "rate":
        return f"the source gives {fact_value} but does not say it is the {difference.role} the draft gives ({claim})"
    if difference.role == "measure":
        return f"the source gives {fact_value} for {fact}, not for {claim}"
    if difference.role == "holder":
        return f"the source gives {fact_value} for {fact}, not for {claim}"
    if difference.role == "rate":
        if not fact:
            return f"the source gives {fact_value} as a total, not {claim}: a rate is not compared with a total"
        if not claim:
            return f"the source gives {fact_value} {fact}; the draft gives no rate"
        return f"the source gives {fact_value} {fact}, not {claim}"
    if difference.role == "period":
        return f"the source gives {fact_value} {fact}, not {claim}"
    def event(phrase: str) -> str:
        return phrase if phrase.startswith(("after ", "before ", "since ")) or phrase == "age" else f"of the {phrase}"

    return f"the source gives {fact_value} {event(fact)}, not {event(claim)}"
