"""Which source fact a claim is about.

A claim is compared with the facts of its kind whose context agrees best:
the words around it (who gives or receives, what is counted, the event), the
time frame it names (`this year`, `to date`, `so far`, `in total`) and the
countries it names. Places and peoples are reduced to country codes first,
so `Tokyo`, `Japan` and `Japanese` are one word to the comparison. When no
fact agrees well enough the claim is not found: alignment never guesses.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .models import Claim, CountValue, Verdict
from .parts import sum_of_parts
from .roles import FRAMED_KINDS, ROLE_KINDS, RoleComparison, RoleDifference, compare as compare_roles, describe_difference, period_key
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
    # every phrase starts a word with a letter: saying so first spares trying each phrase at every character
    r"\b(?=[a-z])(?:"
    + "|".join(f"(?P<{name}>\\b(?:{phrases})\\b)" for name, phrases in _FRAMES.items())
    + r"|(?P<year>\b(?:in|for|during|of|by) (?:1[89]|2[01])\d\d\b))",
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
    "occurred occur was were is are be been being later also then there "
    "played staged".split()   # "the qualifier was played in": the place of the qualifier
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


@dataclass(frozen=True)
class _Reading:
    """What alignment reads in a sentence, once for all the claims in it."""

    text: str
    starts: list[int]     # where each word of the sentence starts, in order
    ends: list[int]       # and where it ends
    keys: list[str]       # the content keys of its words, in order
    counts: list[int]     # counts[i]: how many of the keys the first i words give
    frames: list[tuple[int, int, str, str]]   # each time frame phrase's offsets, group and words
    countries: frozenset[str]                 # ISO codes of the countries named in the sentence

    def keys_before(self, offset: int) -> list[str]:
        """The content keys of the text before `offset`; a word the offset cuts is read as cut."""
        words = bisect_right(self.ends, offset)   # the words that end by the offset
        if words < len(self.starts) and self.starts[words] < offset:
            return _content_keys(self.text[:offset])
        return self.keys[: self.counts[words]]

    def keys_after(self, offset: int) -> list[str]:
        """The content keys of the text from `offset` on; a word the offset cuts is read as cut."""
        words = bisect_left(self.starts, offset)   # the words that start before the offset
        if words and self.ends[words - 1] > offset:
            return _content_keys(self.text[offset:])
        return self.keys[self.counts[words] :]


class SentenceReader:
    """Reads sentences for alignment and keeps the last one read: claims come in the order of the
    text, so the claims of one sentence follow each other (and no more than a sentence is kept)."""

    def __init__(self) -> None:
        self._last: _Reading | None = None

    def read(self, sentence: str) -> _Reading:
        if self._last is None or self._last.text != sentence:
            self._last = _read(sentence)
        return self._last


def _read(sentence: str) -> _Reading:
    words = list(_WORD.finditer(sentence))
    keys = [_content_key(word.group()) for word in words]
    return _Reading(
        text=sentence,
        starts=[word.start() for word in words],
        ends=[word.end() for word in words],
        keys=[key for key in keys if key is not None],
        counts=list(accumulate((key is not None for key in keys), initial=0)),
        frames=[(m.start(), m.end(), m.lastgroup or "", m.group()) for m in _FRAME_PATTERN.finditer(sentence)],
        countries=frozenset(countries_in(sentence)),
    )


def _frame(reading: _Reading, start: int, end: int, anchor_year: int | None) -> str | None:
    """The time frame whose phrase stands nearest the claim at [start, end) of its sentence."""
    best: tuple[int, str] | None = None
    for phrase_start, phrase_end, group, words in reading.frames:
        if phrase_start < end and start < phrase_end:
            continue   # the claim's own words ("this year" as a date claim) are not its frame
        distance = start - phrase_end if phrase_end <= start else phrase_start - end
        if group == "year":
            frame = "year:" + words[-4:]
        elif group == "this_year" and anchor_year:
            frame = f"year:{anchor_year}"
        else:
            frame = group
        if best is None or distance < best[0]:
            best = (distance, frame)
    return best[1] if best else None


def context_of(claim: Claim, anchor_year: int | None = None, reader: SentenceReader | None = None) -> Context:
    """The claim's context; `reader` reads its sentence once for all the claims in it."""
    if claim.sentence is None:
        return Context("", None, frozenset(), None)
    sentence = claim.sentence.text
    reading = reader.read(sentence) if reader is not None else _read(sentence)
    start, end = _offsets_in_sentence(claim)
    words = reading.keys_before(start)[-WINDOW_WORDS:] + reading.keys_after(end)[:WINDOW_WORDS]
    noun = claim.value.noun if isinstance(claim.value, CountValue) else None
    if claim.kind == "location":
        frame = _occasion(sentence, start, end)
    elif claim.kind in FRAMED_KINDS:
        frame = period_key(claim.roles.period, anchor_year) if claim.roles.period else None
    else:
        frame = _frame(reading, start, end, anchor_year)
    return Context(
        words=" ".join(sorted(set(words))),
        frame=frame,
        countries=reading.countries,
        noun=noun_key(noun) if noun else None,
    )


def occasion_of(place: Claim) -> str | None:
    """What a place claim is the place of (see `_occasion`), read from its sentence alone."""
    if place.sentence is None:
        return None
    return _occasion(place.sentence.text, *_offsets_in_sentence(place))


def _occasion(sentence: str, start: int, end: int) -> str | None:
    """What a place is the place of: "event" for a signing or a meeting (`signed in`, `the G7
    summit in`, `talks took place in`), "word:<key>" for anything else (`growers in`, `the war
    in`), None when the sentence does not say. News copy names many places (`the war in Ukraine`,
    `speaking in Kyiv`); only places of the same thing are compared."""
    words = _WORD_OR_STOP.findall(sentence[:start])
    for position in range(len(words) - 1, max(-1, len(words) - 1 - _OCCASION_REACH), -1):
        word = words[position]
        if word == "," and position > 0 and words[position - 1][:1].isupper() and all(
            later.lower() in _PASSING for later in words[position + 1 :]
        ):
            continue   # a place in apposition to a name is the place of what that name is: "in Alexandria, outside Washington"
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
    return [key for word in _WORD.findall(text) if (key := _content_key(word)) is not None]


@lru_cache(maxsize=65536)
def _content_key(word: str) -> str | None:
    """The key of a word that says what a sentence is about, a country's code for a country; None for other words."""
    code = _country_of_phrase(word) if word[:1].isupper() else ()
    if code:
        return code[0].lower()
    if word.lower() in _STOPWORDS or word.isdigit():
        return None
    return word_key(word)


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
VerdictOf = Callable[[Claim], Verdict]

# how many of the facts whose contexts agree best are judged for each claim
_JUDGED_CANDIDATES = 6


def _frames_differ(claim: Context, fact: Context) -> bool:
    return bool(claim.frame and fact.frame and claim.frame != fact.frame)

# Among facts whose contexts agree about equally (the same sentence, say), prefer
# one that settles the claim: "Friday" is about "Thursday", not about "this year".
_SETTLES_BONUS = {Verdict.SUPPORTED: 12.0, Verdict.CONTRADICTED: 10.0, Verdict.NOT_FOUND: 0.0}
_MOST_SETTLES_BONUS = max(_SETTLES_BONUS.values())


@dataclass
class FactIndex:
    """The source's facts by kind, with their contexts computed once."""

    facts: list[Claim]
    anchor_year: int | None = None
    _by_kind: dict[str, list[tuple[Claim, Context]]] = field(default_factory=lambda: defaultdict(list), init=False)
    _by_word: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list), init=False)
    countries: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        reader = SentenceReader()
        for fact in self.facts:
            if fact.kind in _BY_IDENTITY:
                continue   # aligned by identity: no context to compare
            context = context_of(fact, self.anchor_year, reader)
            entries = self._by_kind[fact.kind]
            for word in set(context.words.split()):
                self._by_word[(fact.kind, word)].append(len(entries))
            entries.append((fact, context))
            self.countries |= context.countries

    def facts_of(self, kind: str) -> list[Claim]:
        return [fact for fact, _ in self._by_kind.get(kind, [])]

    def candidates(self, kind: str, context: Context) -> list[tuple[Claim, Context]]:
        """Facts of `kind` sharing a context word with the claim (all of them when the claim has no context)."""
        entries = self._by_kind.get(kind, [])
        if len(entries) <= 32 or not context.words:
            return entries
        hits = Counter(index for word in context.words.split() for index in self._by_word.get((kind, word), ()))
        best = sorted(hits, key=hits.__getitem__, reverse=True)[:32]   # stable: ties in order of first hit
        return [entries[i] for i in sorted(best)]

    def align(self, claim: Claim, judge: Judge, *, verdict: VerdictOf | None = None) -> Alignment:
        """The fact `claim` is about, judged by `judge`; not_found with the reason when there is none.
        (An Aligner aligns the claims of a whole draft at less cost.)"""
        return Aligner(self).align(claim, judge, verdict=verdict)


class _Judged(NamedTuple):
    score: float   # with the bonus of its verdict
    fact: Claim
    verdict: Verdict
    unsure: RoleDifference | None = None   # why a fact that would contradict the claim does not


@dataclass
class Aligner:
    """Aligns the claims of one draft, in their order, with the source's facts."""

    index: FactIndex
    _reader: SentenceReader = field(default_factory=SentenceReader, init=False)

    def align(self, claim: Claim, judge: Judge, *, verdict: VerdictOf | None = None) -> Alignment:
        """The fact `claim` is about, judged by `judge`; not_found with the reason when there is none.

        `verdict` gives the verdict alone, as `judge` would, at less cost: alignment weighs several
        facts and reports one, so only that one needs its reason."""
        verdict_of = verdict or (lambda fact: judge(fact)[0])
        index = self.index
        if claim.kind in _BY_IDENTITY:
            return _align_by_identity(claim, index)
        context = context_of(claim, index.anchor_year, self._reader)
        candidates = index.candidates(claim.kind, context)
        if not candidates:
            return Alignment(None, Verdict.NOT_FOUND, f"the source states no {claim.kind} fact")
        foreign = context.countries - index.countries
        if claim.kind in _NUMERIC_KINDS and foreign and not (context.countries & index.countries):
            return Alignment(None, Verdict.NOT_FOUND, f"the source says nothing about {_country_names(foreign)}")
        if not context.words and len(candidates) == 1:
            fact = candidates[0][0]
            return Alignment(fact, *judge(fact))
        scores = [
            _score(context, fact_context, agreement)
            for (_, fact_context), agreement in zip(candidates, _word_agreements(context, candidates))
        ]
        comparisons, ruled_out = _weigh_roles(claim, candidates, scores, index.anchor_year)
        # Judge only the facts whose contexts agree best (judging is the costly part), best first,
        # and stop once no fact left could outscore the one that would be reported.
        best_first = sorted(range(len(candidates)), key=scores.__getitem__, reverse=True)   # stable: ties keep source order
        best: _Judged | None = None          # the first of the aligned facts with the highest score
        settling: _Judged | None = None      # the same among facts whose roles let them settle the claim
        overturning: _Judged | None = None   # the first aligned fact that supports the claim in its frame
        for place in best_first[:_JUDGED_CANDIDATES]:
            score = scores[place]
            if score + _MOST_SETTLES_BONUS < MIN_SCORE:
                break   # neither this fact nor any left can be aligned
            reported = overturning if best is not None and best.verdict == Verdict.CONTRADICTED else best
            if reported is not None and reported.unsure is not None:
                reported = settling
            if reported is not None and score + _MOST_SETTLES_BONUS <= reported.score:
                break
            fact, fact_context = candidates[place]
            outcome = verdict_of(fact)
            unsure = comparisons[place].unsure
            if outcome == Verdict.CONTRADICTED and unsure is not None:
                outcome = Verdict.NOT_FOUND   # a fact that may be about something else does not contradict
            judged = _Judged(score + _SETTLES_BONUS[outcome], fact, outcome, unsure if outcome == Verdict.NOT_FOUND else None)
            if judged.score < MIN_SCORE:
                continue
            if best is None or judged.score > best.score:
                best = judged
            if judged.unsure is None and (settling is None or judged.score > settling.score):
                settling = judged
            if (
                overturning is None and outcome == Verdict.SUPPORTED and not _frames_differ(context, fact_context)
                and unsure is None and (best is None or comparisons[place].agreeing >= _agreeing(comparisons, candidates, best.fact))
            ):
                overturning = judged
        if best is not None and best.unsure is not None and settling is not None:
            best = settling   # a fact that may be about something else gives way to one that settles the claim
        if best is not None and best.verdict == Verdict.CONTRADICTED and overturning is not None:
            # A source often states one kind of value several times about one thing ("$4.5 billion"
            # for 2024 twice, the total once). A claim that one of the aligned facts supports is not
            # contradicted by another, unless their time frames or occasions tell them apart.
            best = overturning
        if best is None or best.verdict != Verdict.SUPPORTED:
            parts = sum_of_parts(claim, index.facts_of(claim.kind), verdict_of)
            if parts is not None and (parts[1] == Verdict.SUPPORTED or best is None or best.verdict == Verdict.NOT_FOUND):
                return Alignment(*parts)
        if best is None and ruled_out:
            # the nearest fact about something else: one of the claim's value first, else the best in words
            _, fact, comparison = max(ruled_out, key=lambda entry: (verdict_of(entry[1]) == Verdict.SUPPORTED, entry[0]))
            difference = comparison.differs
            assert difference is not None
            if difference.role == "rate" and difference.claim and difference.fact and verdict_of(fact) == Verdict.SUPPORTED:
                # the same value at another rate: "$15 an hour" where the source pays "$15 a day"
                return Alignment(fact, Verdict.CONTRADICTED, describe_difference(difference, _described(fact)))
            return Alignment(None, Verdict.NOT_FOUND, describe_difference(difference, _described(fact)))
        if best is None:
            return Alignment(None, Verdict.NOT_FOUND, f"no {claim.kind} in the source is about the same thing")
        if best.unsure is not None and best.verdict == Verdict.NOT_FOUND:
            return Alignment(best.fact, Verdict.NOT_FOUND, describe_difference(best.unsure, _described(best.fact)))
        return Alignment(best.fact, *judge(best.fact))


# how much each role both sides state alike adds to a fact's score; a fact whose roles differ is out
ROLE_AGREEMENT_BONUS = 15.0
_RULED_OUT = -1000.0


def _agreeing(comparisons: list[RoleComparison], candidates: list[tuple[Claim, Context]], fact: Claim) -> int:
    return next(comparison.agreeing for comparison, (candidate, _) in zip(comparisons, candidates) if candidate is fact)


_NO_COMPARISON = RoleComparison()


def _weigh_roles(
    claim: Claim, candidates: list[tuple[Claim, Context]], scores: list[float], anchor_year: int | None
) -> tuple[list[RoleComparison], list[tuple[float, Claim, RoleComparison]]]:
    """Each candidate's role comparison, its score raised by the roles it agrees on (in place), and the
    facts whose roles differ (their scores set to _RULED_OUT, and listed with their scores as they were).

    Candidates are compared best first and no further than the judging can reach: once six facts
    outscore what any fact left could score with every role it might agree on, the rest are not
    compared (they are out of reach, scored _RULED_OUT, but not listed: they are about nothing known)."""
    comparisons = [_NO_COMPARISON] * len(candidates)
    ruled_out: list[tuple[float, Claim, RoleComparison]] = []
    if claim.kind not in ROLE_KINDS:
        return comparisons, ruled_out
    reach = ROLE_AGREEMENT_BONUS * sum(1 for phrase in (claim.roles.measure, claim.roles.holder, claim.roles.rate,
                                                        claim.roles.period, claim.roles.event) if phrase)
    best: list[float] = []   # the highest raised scores so far, a min-heap of at most _JUDGED_CANDIDATES
    for place in sorted(range(len(candidates)), key=scores.__getitem__, reverse=True):
        if len(best) == _JUDGED_CANDIDATES and scores[place] + reach < best[0]:
            scores[place] = _RULED_OUT
            continue
        comparison = comparisons[place] = compare_roles(claim, candidates[place][0], anchor_year)
        if comparison.differs is not None:
            ruled_out.append((scores[place], candidates[place][0], comparison))
            scores[place] = _RULED_OUT
            continue
        scores[place] += comparison.agreeing * ROLE_AGREEMENT_BONUS
        (heapq.heappush if len(best) < _JUDGED_CANDIDATES else heapq.heappushpop)(best, scores[place])
    return comparisons, ruled_out


def _described(fact: Claim) -> str:
    from . import judges

    return judges.describe(fact)


# Kinds aligned by who or what they name, not by the words around them: a name is about the
# person or organisation of the same identity wherever the source names them (judges/name.py).
_BY_IDENTITY = frozenset({"name"})


def _align_by_identity(claim: Claim, index: FactIndex) -> Alignment:
    from .judges.name import identify

    fact, verdict, reason = identify(claim, index.facts)
    return Alignment(fact, verdict, reason)


def _score(claim: Context, fact: Context, agreement: float) -> float:
    """How well a fact's context agrees with the claim's: the agreement of their words, then their frames, countries and nouns."""
    score = agreement
    if claim.frame and fact.frame:
        score += -OTHER_FRAME_PENALTY if _frames_differ(claim, fact) else SAME_FRAME_BONUS
    score += min(2, len(claim.countries & fact.countries)) * SHARED_COUNTRY_BONUS
    if claim.noun and fact.noun and claim.noun != fact.noun:
        score -= OTHER_NOUN_PENALTY
    return score


def _word_agreements(claim: Context, facts: list[tuple[Claim, Context]]) -> list[float]:
    """The agreement (0-100) of the claim's context words with each fact's: rapidfuzz's
    token_set_ratio, for all the facts in one call; 0 for no words."""
    if not claim.words:
        return [0.0] * len(facts)
    choices = [fact.words for _, fact in facts]
    return [score for _, score, _ in process.extract_iter(claim.words, choices, scorer=fuzz.token_set_ratio)]
