"""Which source fact a claim is about.

A claim is compared with the facts of its kind whose context agrees best:
the words around it (who gives or receives, what is counted, the event), the
time frame it names (`this year`, `to date`, `so far`, `in total`) and the
countries it names. Places and peoples are reduced to country codes first,
so `Tokyo`, `Japan` and `Japanese` are one word to the comparison. When no
fact agrees well enough the claim is not found: alignment never guesses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from .models import Claim, Verdict
from .words import AGREEMENT_NOUNS, noun_key, word_key

# how many content words either side of a claim make its context
WINDOW_WORDS = 8
# the least score (0-100 word agreement plus the bonuses below) that aligns a claim
MIN_SCORE = 45.0
SAME_FRAME_BONUS = 25.0
OTHER_FRAME_PENALTY = 40.0
SHARED_COUNTRY_BONUS = 10.0
OTHER_NOUN_PENALTY = 30.0

# Time frames a sum or count can be stated for; no library lists these, so the
# phrases are kept here. A frame of the form "year:2024" comes from an explicit year.
_FRAMES = {
    "to_date": r"to date|so far|thus far|in total|in all|all told|altogether|overall|cumulative(?:ly)?|until now|up to now|since (?:the )?(?:start|beginning|outbreak)",
    "this_year": r"this year(?:'s)?|for the year|the current year",
    "last_year": r"last year(?:'s)?|the previous year|the past year",
    "next_year": r"next year(?:'s)?|the coming year",
    "per_year": r"a year|per year|each year|every year|annually|per annum|a month|per month|monthly",
}
_FRAME_PATTERN = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{phrases})\\b)" for name, phrases in _FRAMES.items())
    + r"|(?P<year>\b(?:in|for|during|of|by) (?:1[89]|2[01])\d\d\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'-]{0,40}|\d{1,12}")
_CAPITALISED = re.compile(r"\b[A-Z][\w.'-]{0,30}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w.'-]{0,30}){0,3}")
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being has have had "
    "will would shall should can could may might must that this these those it its their his her they "
    "he she we us our you your i which who whom whose what than then also just about into over such "
    "said says say told according per cent percent some more most less least up out new there here".split()
)


# Words naming a signing or a meeting: a place given for any of them is the place of "the event"
# a diplomatic article reports (the agreement signed on the sidelines of the summit in Puglia).
_OCCASION_WORDS = AGREEMENT_NOUNS | frozenset(
    "sign signs signed signing signature ink inks inked seal sealed conclude concluded agree agreed "
    "meet meets met meeting meetings summit summits talks conference conferences sideline sidelines "
    "gather gathered gathering host hosts hosted held hold convene convened forum visit visits visited "
    "ceremony negotiations negotiated".split()
)
# words passed over on the way back to what a place is the place of
_PASSING = frozenset(
    "in at near outside inside within throughout on by of with for from to and or as the a an his her its "
    "their this that "
    "southern northern eastern western central coastal rural remote downtown city town region province "
    "state capital port village resort island county prefecture area district outskirts suburbs coast "
    "shores border edge heart centre center place took take takes taking happened happen happens "
    "occurred occur was were is are be been being later also then there".split()
)
_OCCASION_REACH = 12
_WORD_OR_STOP = re.compile(r"[A-Za-z][\w'-]{0,40}|\d{1,12}|[,;:]")



@dataclass(frozen=True)
class Context:
    words: str                 # the context words, countries as their codes, sorted for token_set_ratio
    # what the value is of: the time frame nearest a number (`to date`), the occasion of a place
    frame: str | None
    countries: frozenset[str]  # ISO codes of the countries named in the sentence
    noun: str | None           # what a count counts


_NUMERIC_KINDS = frozenset({"amount", "term", "date", "count"})


def _country_names(codes: set[str]) -> str:
    from .gazetteer import get_place

    return " or ".join(sorted(get_place(f"country:{code}").name for code in codes))


def _country(name: str) -> str | None:
    try:
        from .gazetteer import country_code
    except ImportError:   # the gazetteer is an optional layer of the pipeline
        return None
    return country_code(name, codes=False)


@cache
def _country_of_phrase(phrase: str) -> tuple[str, ...]:
    """Country codes a capitalised phrase names: 'Ukrainian President', 'Tokyo', 'the United States'."""
    code = _country(phrase)
    if code:
        return (code,)
    return tuple(c for c in (_country(word) for word in phrase.split()) if c)


def countries_in(text: str) -> set[str]:
    return {code for m in _CAPITALISED.finditer(text) for code in _country_of_phrase(m.group(0))}


def _frame(sentence: str, start: int, end: int, anchor_year: int | None) -> str | None:
    """The time frame whose phrase stands nearest the claim at [start, end) of its sentence."""
    best: tuple[int, str] | None = None
    for match in _FRAME_PATTERN.finditer(sentence):
        if match.start() < end and start < match.end():
            continue   # the claim's own words ("this year" as a date claim) are not its frame
        distance = start - match.end() if match.end() <= start else match.start() - end
        if match.lastgroup == "year":
            frame = "year:" + match.group(0)[-4:]
        elif match.lastgroup == "this_year" and anchor_year:
            frame = f"year:{anchor_year}"
        else:
            frame = match.lastgroup or ""
        if best is None or distance < best[0]:
            best = (distance, frame)
    return best[1] if best else None


def context_of(claim: Claim, anchor_year: int | None = None) -> Context:
    if claim.sentence is None:
        return Context("", None, frozenset(), None)
    sentence = claim.sentence.text
    start, end = _offsets_in_sentence(claim)
    before = _content_keys(sentence[:start])[-WINDOW_WORDS:]
    after = _content_keys(sentence[end:])[:WINDOW_WORDS]
    words = before + after
    noun = getattr(claim.value, "noun", None)
    return Context(
        words=" ".join(sorted(set(words))),
        frame=_occasion(sentence, start, end) if claim.kind == "location" else _frame(sentence, start, end, anchor_year),
        countries=frozenset(countries_in(sentence)),
        noun=noun_key(noun) if noun else None,
    )


def _occasion(sentence: str, start: int, end: int) -> str | None:
    """What a place is the place of: "event" for a signing or a meeting (`signed in`, `the G7
    summit in`, `talks took place in`), "word:<key>" for anything else (`growers in`, `the war
    in`), None when the sentence does not say. News copy names many places (`the war in Ukraine`,
    `speaking in Kyiv`); only places of the same thing are compared."""
    words = _WORD_OR_STOP.findall(sentence[:start])
    for position in range(len(words) - 1, max(-1, len(words) - 1 - _OCCASION_REACH), -1):
        word = words[position]
        if word in ",;:":
            break
        lower = word.lower()
        # names are passed over ("the G7 summit", "met Kishida in"), a sentence's first word is not
        if (word[:1].isupper() and position > 0) or word[:1].isdigit() or lower in _PASSING:
            continue
        return "event" if lower in _OCCASION_WORDS else "word:" + word_key(lower)
    after = _WORD_OR_STOP.findall(sentence[end:])[:_OCCASION_REACH]
    return "event" if any(word.lower() in _OCCASION_WORDS for word in after) else None


def _content_keys(text: str) -> list[str]:
    """The words of `text` that say what it is about, as keys; countries as their codes."""
    keys = []
    for word in _WORD.findall(text):
        code = _country_of_phrase(word) if word[:1].isupper() else ()
        if code:
            keys.append(code[0].lower())
        elif word.lower() not in _STOPWORDS and not word.isdigit():
            keys.append(word_key(word))
    return keys


def _offsets_in_sentence(claim: Claim) -> tuple[int, int]:
    """Where the claim stands in its sentence; a hand-edited fact sheet may reword the sentence."""
    assert claim.sentence is not None
    sentence = claim.sentence.text
    start = claim.span.start - claim.sentence.span.start
    if sentence[start : start + len(claim.text)] != claim.text:
        found = sentence.find(claim.text)
        start = found if found >= 0 else len(sentence)
    return start, min(len(sentence), start + len(claim.text))


@dataclass(frozen=True)
class Alignment:
    """The fact a claim is about and the verdict against it; or no fact, and why."""

    fact: Claim | None
    verdict: Verdict
    reason: str


Judge = Callable[[Claim], tuple[Verdict, str]]

# how many of the facts whose contexts agree best are judged for each claim
_JUDGED_CANDIDATES = 6


def _frames_differ(claim: Context, fact: Context) -> bool:
    return bool(claim.frame and fact.frame and claim.frame != fact.frame)

# Among facts whose contexts agree about equally (the same sentence, say), prefer
# one that settles the claim: "Friday" is about "Thursday", not about "this year".
_SETTLES_BONUS = {Verdict.SUPPORTED: 12.0, Verdict.CONTRADICTED: 10.0, Verdict.NOT_FOUND: 0.0}


@dataclass
class FactIndex:
    """The source's facts by kind, with their contexts computed once."""

    facts: list[Claim]
    anchor_year: int | None = None
    _by_kind: dict[str, list[tuple[Claim, Context]]] = field(default_factory=lambda: defaultdict(list), init=False)
    _by_word: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list), init=False)
    countries: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        for fact in self.facts:
            context = context_of(fact, self.anchor_year)
            entries = self._by_kind[fact.kind]
            for word in set(context.words.split()):
                self._by_word[(fact.kind, word)].append(len(entries))
            entries.append((fact, context))
            self.countries |= context.countries

    def candidates(self, kind: str, context: Context) -> list[tuple[Claim, Context]]:
        """Facts of `kind` sharing a context word with the claim (all of them when the claim has no context)."""
        entries = self._by_kind.get(kind, [])
        words = context.words.split()
        if not words or len(entries) <= 32:
            return entries
        hits: dict[int, int] = defaultdict(int)
        for word in words:
            for index in self._by_word.get((kind, word), ()):
                hits[index] += 1
        best = sorted(hits, key=lambda i: -hits[i])[:32]
        return [entries[i] for i in sorted(best)]

    def align(self, claim: Claim, judge: Judge) -> Alignment:
        """The fact `claim` is about, judged by `judge`; not_found with the reason when there is none."""
        context = context_of(claim, self.anchor_year)
        candidates = self.candidates(claim.kind, context)
        if not candidates:
            return Alignment(None, Verdict.NOT_FOUND, f"the source states no {claim.kind} fact")
        foreign = context.countries - self.countries
        if claim.kind in _NUMERIC_KINDS and foreign and not (context.countries & self.countries):
            return Alignment(None, Verdict.NOT_FOUND, f"the source says nothing about {_country_names(foreign)}")
        if not context.words and len(candidates) == 1:
            fact = candidates[0][0]
            return Alignment(fact, *judge(fact))
        # judge only the facts whose contexts agree best: judging is the costly part
        scored = sorted(
            ((self._score(context, fact_context), fact, fact_context) for fact, fact_context in candidates),
            key=lambda entry: -entry[0],
        )[:_JUDGED_CANDIDATES]
        judged = [
            (score + _SETTLES_BONUS[outcome[0]], fact, fact_context, outcome)
            for score, fact, fact_context in scored
            for outcome in [judge(fact)]
        ]
        aligned = [entry for entry in judged if entry[0] >= MIN_SCORE]
        if not aligned:
            return Alignment(None, Verdict.NOT_FOUND, f"no {claim.kind} in the source is about the same thing")
        best = max(aligned, key=lambda entry: entry[0])
        if best[3][0] == Verdict.CONTRADICTED:
            # A source often states one kind of value several times about one thing ("$4.5 billion"
            # for 2024 twice, the total once). A claim that one of the aligned facts supports is not
            # contradicted by another, unless their time frames or occasions tell them apart.
            supporting = [
                entry for entry in aligned
                if entry[3][0] == Verdict.SUPPORTED and not _frames_differ(context, entry[2])
            ]
            if supporting:
                best = max(supporting, key=lambda entry: entry[0])
        return Alignment(best[1], *best[3])

    @staticmethod
    def _score(claim: Context, fact: Context) -> float:
        score = fuzz.token_set_ratio(claim.words, fact.words) if claim.words and fact.words else 0.0
        if claim.frame and fact.frame:
            score += -OTHER_FRAME_PENALTY if _frames_differ(claim, fact) else SAME_FRAME_BONUS
        score += min(2, len(claim.countries & fact.countries)) * SHARED_COUNTRY_BONUS
        if claim.noun and fact.noun and claim.noun != fact.noun:
            score -= OTHER_NOUN_PENALTY
        return score
