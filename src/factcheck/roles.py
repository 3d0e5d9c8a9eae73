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
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .models import NO_ROLES, Claim, CountValue, Roles
from .numbers import parse_number
from .words import noun_key, word_key

if TYPE_CHECKING:
    from .text import Document

ROLE_KINDS = frozenset({"amount", "count", "term"})
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
    generic_holders: frozenset[str]
    events: dict[str, str]            # noun key -> group key
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
        generic_holders=frozenset(noun_key(word) for word in data["holder"]["generic"]),
        events=_groups(event["groups"]),
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
        if words[index].is_number or words[index].text in _CLAUSE_BREAKS:
            break
    return None


# --- measure ----------------------------------------------------------------------------------------


def _measure_phrase(words: tuple[_Word, ...], noun_at: int) -> str:
    """The measure noun at `noun_at` with the modifiers before it ("adjusted net income")."""
    lists = _lists()
    start = noun_at
    while start > 0 and words[start - 1].lower in lists.measure_modifiers:
        start -= 1
    end = noun_at + 1
    # two-word measures: "cash flow", "net income" are read as modifier + noun; "free cash flow"
    if end < len(words) and words[end].lower in ("flow", "flows"):
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
            not word.is_word or word.is_capitalised or word.lower in _LINKS or word.lower in _DETERMINERS
            or word.lower in _PHRASE_ENDS or (taken and word.lower in lists.not_measures)
        ):
            break
        taken.append(word.lower)
        position += 1
    if not taken or taken[0] in lists.not_measures or taken[-1] in lists.not_measures:
        return None
    return " ".join(taken)


def _measure(claim: Claim, words: tuple[_Word, ...], first: int, last: int, start: int, end: int) -> str | None:
    if isinstance(claim.value, CountValue):
        return claim.value.noun.lower() if claim.value.noun else None
    # a measure noun right after the value: "a $5 million fine", "$3bn deal"
    if last < end and _is_measure(words[last]):
        return _measure_phrase(words, last)
    # "$180 million for schools", "$4bn in revenue", "$2bn of aid", "$1m worth of equipment"
    position = last
    if position < end and words[position].lower == "worth" and position + 1 < end and words[position + 1].lower == "of":
        return _noun_phrase_after(words, position + 2, end)
    if position < end:
        preposition = words[position].lower
        if preposition in _PREPOSITIONS_OF_PURPOSE:
            return _noun_phrase_after(words, position + 1, end)
        if preposition in ("in", "of"):
            after = position + 1
            while after < end and words[after].lower in _DETERMINERS:
                after += 1
            if after < end and _is_measure(words[after]):
                return _measure_phrase(words, after)
    # the nearest measure noun before it with only linking words between: "revenue rose 4% to $5bn",
    # "a budget of £2 billion", "net income was $3.1 billion"
    for index in range(first - 1, max(-1, first - 2 * _REACH), -1):
        word = words[index]
        if _is_measure(word):
            return _measure_phrase(words, index)
        if word.is_capitalised or (not word.is_word and not word.is_number and word.text not in "%,"):
            break
    return None


# --- holder -----------------------------------------------------------------------------------------


# words after which a name starts a clause as its subject ("Japan gave $1bn and Germany gave $2bn")
_SUBJECT_OPENERS = frozenset(", ; - and but while whereas as \" ' meanwhile".split())


def _holder(doc: Document, sentence_start: int, words: tuple[_Word, ...], first: int, last: int, end: int) -> str | None:
    """Who gives, owns or earns the value: the nearest possessive name before it ("Japan's $4.5
    billion"), else the nearest name or generic holder ("the city") that opens a clause before it
    (its subject), else the first name before it, else the name after "by" or "from"."""
    named = _named_in(doc, sentence_start, words)
    generic = _lists().generic_holders
    possessive = subject = first_named = None
    for index in range(first):
        opens = index == 0 or words[index - 1].lower in _SUBJECT_OPENERS
        if index in named:
            phrase, is_possessive, kind = named[index]
            if is_possessive:
                possessive = phrase
            if opens or (subject is not None and _in_apposition(words, named, index)):
                subject = phrase
            if kind != "name":
                first_named = first_named or phrase
        elif words[index].lower in ("the", "its") and index + 1 < first and noun_key(words[index + 1].lower.removesuffix("'s")) in generic:
            phrase = "the " + words[index + 1].lower.removesuffix("'s")
            if words[index + 1].lower.endswith("'s"):
                possessive = phrase
            if opens:
                subject = phrase
    if possessive or subject or first_named:
        return possessive or subject or first_named
    for index in range(last, end - 1):
        if words[index].lower in ("by", "from") and index + 1 in named:
            return named[index + 1][0]
    return None


def _in_apposition(words: tuple[_Word, ...], named: dict[int, tuple[str, bool, str]], index: int) -> bool:
    """Whether the name at `index` is the head of the one before it: "G7 member Japan", "rival club Leeds"."""
    return index >= 2 and words[index - 1].lower in _APPOSITIVE_NOUNS and (index - 2 in named or words[index - 2].is_capitalised)


_APPOSITIVE_NOUNS = frozenset(
    "member members ally partner neighbour neighbor rival giant champion champions club side team firm company "
    "group bank lender carrier airline country nation state city state-owned".split()
)


def _named_in(doc: Document, sentence_start: int, words: tuple[_Word, ...]) -> dict[int, tuple[str, bool, str]]:
    """The names of the sentence by the index of their first word: {index: (name, possessive, kind)}."""
    from .extractors.entities import mentions

    found = mentions(doc)
    starts = [mention.start for mention in found]
    named: dict[int, tuple[str, bool, str]] = {}
    lists = _lists()
    if not words:
        return named
    sentence_end = sentence_start + words[-1].end
    word_starts = [word.start for word in words]
    for position in range(bisect_left(starts, sentence_start), len(found)):
        mention = found[position]
        if mention.start >= sentence_end:
            break
        if mention.kind == "other" or (mention.kind == "name" and mention.start == sentence_start and " " not in mention.text):
            continue   # a capitalised first word of a sentence ("Revenue was ...") is no name on its own
        if mention.text.lower() in lists.measure_modifiers or noun_key(mention.text.lower()) in lists.measures:
            continue   # "GAAP earnings", "Revenue rose": words of what is measured, not who holds it
        index = bisect_left(word_starts, mention.start - sentence_start)
        if index < len(words):
            named.setdefault(index, (mention.name if mention.kind != "name" else mention.text, mention.possessive, mention.kind))
    return named


# --- period -----------------------------------------------------------------------------------------

_ORDINALS = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3", "fourth": "4", "4th": "4"}
_PERIOD = re.compile(
    r"\b(?=[a-zA-Z])(?:"
    r"(?P<to_date>to date|so far|thus far|in total|in all|all told|altogether|cumulatively|until now|up to now"
    r"|since (?:the )?(?:start|beginning|outbreak|launch))"
    r"|(?P<this_year>this year(?:'s)?|the current year|this fiscal year)"
    r"|(?P<last_year>last year(?:'s)?|the previous year|the prior year|a year (?:earlier|ago|before)|year-ago|prior-year|the year-earlier)"
    r"|(?P<next_year>next year(?:'s)?|the coming year)"
    r"|(?P<year_ago_quarter>(?:the )?(?:year-ago|year-earlier|prior-year|prior year|same) quarter(?: (?:of )?(?:last|the previous|the prior) year)?)"
    r"|(?P<previous_quarter>(?:the )?(?:linked|prior|previous|preceding|sequential|last) quarter)"
    r"|(?P<quarter>(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: (?:of )?(?:19|20)\d\d)?|q[1-4](?: (?:19|20)\d\d)?\b)"
    r"|(?P<half>(?:the )?(?:first|second) half|h[12]\b)"
    r"|(?P<full_year>(?:full|whole|entire|fiscal|financial)[- ]year(?: (?:of )?(?:19|20)\d\d)?|fiscal (?:19|20)\d\d|fy ?(?:19|20)?\d\d\b)"
    r"|(?P<since>since (?:then|(?:19|20)\d\d))"
    r"|(?P<last_span>(?:in|over|during|for) the (?:last|past|previous) (?:\w+ )?(?:years?|months?|weeks?|days?|decades?))"
    r"|(?P<year>(?:in|for|during|of|by|through) (?:19|20)\d\d)"
    r")\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _period(
    doc: Document, sentence_start: int, sentence: str, claim_start: int, claim_end: int, values: list[tuple[int, int]]
) -> str | None:
    """The time frame phrase nearest the value in its sentence, as written, with no other value
    between them (`$971 million in the third quarter, against $946 million in the linked quarter`);
    `since then` with the year it refers back to."""
    best: tuple[int, re.Match[str]] | None = None
    for match in _PERIOD.finditer(sentence):
        if match.start() < claim_end and claim_start < match.end():
            continue   # the claim's own words ("this year" as a date claim) are not its frame
        low, high = (match.end(), claim_start) if match.end() <= claim_start else (claim_end, match.start())
        if any(low <= start and end <= high for start, end in values):
            continue
        distance = claim_start - match.end() if match.end() <= claim_start else match.start() - claim_end
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
        return f"since:{year.group()}" if year else "since:then"
    if group == "last_span":
        span = words.split(" ", 3)[-1]
        number, _, unit = span.rpartition(" ")
        parsed = parse_number(number) if number else None
        value = parsed.value if parsed else (1 if not number else None)
        return f"last:{value:g} {noun_key(unit)}" if value is not None else f"last:{span}"
    if group == "year":
        return f"year:{year.group()}" if year else words
    return group


# --- event (terms) ----------------------------------------------------------------------------------


def _event(words: tuple[_Word, ...], first: int, last: int, end: int, claim_text: str) -> str | None:
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
    # "a 10-year term", "a weeklong strike", "a two-year ban", "a decade-long war": the noun after
    if claim_text[-1:].isalpha() and ("-" in claim_text or lowered.endswith("long")):
        for word in following[:3]:
            key = noun_key(word)
            if key in lists.events:
                return word
    # "sentenced to ten years in prison", "a term of ten years", "banned for two years"
    for word in following[:2] + [w.lower for w in words[max(0, first - 3) : first]]:
        key = noun_key(word)
        if key in lists.events:
            return word
        stem = re.sub(r"(?:ned|ed|d)$", "", word)
        if stem != word and noun_key(stem) in lists.events:
            return stem
    if following[:2] == ["in", "prison"] or following[:2] == ["in", "jail"]:
        return "prison"
    return None


# --- reading every claim --------------------------------------------------------------------------


def assign_roles(doc: Document, claims: list[Claim]) -> list[Claim]:
    """The claims (in text order) with the roles their sentences give them (claims of other kinds unchanged)."""
    values: dict[int, list[tuple[int, int]]] = {}   # the spans of the values of each sentence
    for claim in claims:
        if claim.kind in ROLE_KINDS and claim.sentence is not None:
            values.setdefault(claim.sentence.span.start, []).append((claim.span.start, claim.span.end))
    return [
        claim.model_copy(update={"roles": roles})
        if claim.kind in ROLE_KINDS and (roles := read_roles(doc, claim, values.get(claim.sentence.span.start, []) if claim.sentence else [])) != NO_ROLES
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
    if claim.kind == "term":
        return Roles(event=_event(words, first, last, end, claim.text))
    return Roles(
        measure=_measure(claim, words, first, last, start, end),
        holder=_holder(doc, sentence_start, words, first, last, end),
        rate=_rate(words, first, last),
        period=_period(
            doc, sentence_start, sentence, claim_start, claim_end,
            [(start - sentence_start, end - sentence_start) for start, end in values or () if (start, end) != (claim.span.start, claim.span.end)],
        ),
    )


def with_roles(claim: Claim) -> Claim:
    """`claim` with the roles its own sentence gives it, when it has none: a fact of a sheet written
    by hand or before roles were read."""
    if claim.kind not in ROLE_KINDS or claim.roles != NO_ROLES or claim.sentence is None:
        return claim
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
    roles = read_roles(doc, local)
    return claim if roles == NO_ROLES else claim.model_copy(update={"roles": roles})


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


def _measure_keys(phrase: str) -> tuple[str, frozenset[str]]:
    """The head of a measure phrase (its group's key) and its modifiers."""
    lists = _lists()
    words = phrase.split()
    head = noun_key(words[-1]) if words else ""
    head = lists.measures.get(head, word_key(head))
    modifiers = frozenset(word for word in words[:-1] if word in lists.measure_modifiers)
    return head, modifiers


def _compare_measure(claim: str, fact: str) -> str:
    """'agree', 'unsure' or 'differs' (as every comparison of a role; a holder may also be 'neutral')."""
    claim_head, claim_modifiers = _measure_keys(claim)
    fact_head, fact_modifiers = _measure_keys(fact)
    if claim_head != fact_head:
        claim_words = {word_key(word) for word in claim.split()}
        fact_words = {word_key(word) for word in fact.split()}
        return "unsure" if claim_words & fact_words else "differs"
    if claim_modifiers == fact_modifiers:
        return "agree"
    if claim_modifiers and fact_modifiers and not (claim_modifiers & fact_modifiers):
        return "differs"
    return "unsure"


def _holder_key(phrase: str) -> str:
    from .align import countries_in

    countries = countries_in(phrase)
    if len(countries) == 1:
        return "country:" + next(iter(countries))
    return phrase.lower().removeprefix("the ")


def _compare_holder(claim: Claim, fact: Claim) -> str:
    from .align import countries_in

    claim_holder, fact_holder = claim.roles.holder or "", fact.roles.holder or ""
    if _holder_key(claim_holder) == _holder_key(fact_holder):
        return "agree"
    if claim_holder.startswith("the ") or fact_holder.startswith("the "):
        # a generic holder ("the city") may be the named one ("Leeds"); two generic ones differ
        return "differs" if claim_holder.startswith("the ") and fact_holder.startswith("the ") else "unsure"
    # giver and receiver are both holders of a kind: "Ukraine receives $4.5bn from Japan" is about
    # Japan's $4.5bn; only a holder the other sentence does not name at all differs
    for holder, other in ((claim_holder, fact), (fact_holder, claim)):
        sentence = other.sentence.text if other.sentence else ""
        countries = countries_in(holder)
        if (countries and countries & countries_in(sentence)) or holder.split()[-1].lower() in sentence.lower():
            return "neutral"
    return "differs"


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
        return events.get(head, word_key(head))

    return "agree" if key(claim) == key(fact) else "differs"


def compare(claim: Claim, fact: Claim, anchor_year: int | None = None) -> RoleComparison:
    """Whether `fact` is about the same thing as `claim`, role by role."""
    mine, theirs = claim.roles, fact.roles
    if mine == NO_ROLES and theirs == NO_ROLES:
        return RoleComparison()
    differs = unsure = None
    agreeing = 0
    for role in ROLE_NAMES:
        claim_phrase, fact_phrase = getattr(mine, role), getattr(theirs, role)
        if role == "rate" and bool(claim_phrase) != bool(fact_phrase):
            # a rate is never compared with a total; the same value may still support a rate left unsaid
            unsure = unsure or RoleDifference(role, claim_phrase or "", fact_phrase or "")
            continue
        if not claim_phrase or not fact_phrase:
            continue
        if role == "measure":
            outcome = _compare_measure(claim_phrase, fact_phrase)
        elif role == "holder":
            outcome = _compare_holder(claim, fact)
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
        stated = next((role for role in ROLE_NAMES if getattr(mine, role)), None)
        if stated is not None:
            unsure = RoleDifference(stated, getattr(mine, stated), "")
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
