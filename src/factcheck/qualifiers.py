"""The words that bound or soften a number, shared by every numeric kind.

`more than $4 billion`, `at least 13 deals`, `about a decade`, `10 years or more`:
one vocabulary for amounts, terms and counts, so that a qualifier means the same
whatever it qualifies. No library lists these; the table is our own.
"""

from __future__ import annotations

import re
from functools import cache

from .models import Qualifier
from .text import alternation

# phrases that stand before the number
_BEFORE_PHRASES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GT: ("more than", "longer than", "greater than", "higher than", "in excess of", "upwards of",
                   "upward of", "over", "above", "just over", "well over", "slightly more than", "well more than",
                   "just more than", "north of", "exceeding"),
    Qualifier.GE: ("at least", "no less than", "no fewer than", "not less than", "not fewer than",
                   "a minimum of", "no shorter than"),
    Qualifier.LT: ("less than", "fewer than", "shorter than", "lower than", "under", "just under", "below",
                   "just below", "slightly less than"),
    Qualifier.LE: ("up to", "no more than", "not more than", "at most", "a maximum of", "within",
                   "as many as", "as long as", "as much as", "no longer than", "not longer than"),
    Qualifier.APPROX: ("about", "around", "roughly", "approximately", "approx.", "some", "nearly", "almost",
                       "close to", "an estimated", "estimated", "circa", "c.", "~", "more or less", "just about"),
    Qualifier.EXACT: ("exactly", "precisely", "just", "only", "a full", "fully", "a total of"),
}
# phrases that follow it: "10 years or more", "$5m or so", "a $1bn-plus deal"
_AFTER_PHRASES: dict[Qualifier, tuple[str, ...]] = {
    Qualifier.GE: ("or more", "or longer", "or above", "and up", "and above"),
    Qualifier.LE: ("or less", "or fewer", "or shorter", "or under"),
    Qualifier.APPROX: ("or so",),
}

BEFORE: dict[str, Qualifier] = {p: q for q, phrases in _BEFORE_PHRASES.items() for p in phrases}
AFTER: dict[str, Qualifier] = {p: q for q, phrases in _AFTER_PHRASES.items() for p in phrases}


# regular-expression sources (no groups of their own) for composing into the extractors' patterns;
# the longest phrase first, so that "just over" wins over "over"
BEFORE_PATTERN = rf"(?:{alternation(BEFORE)})(?![\w])"
AFTER_PATTERN = rf"(?:{alternation(AFTER)})\b"
# the first word of every phrase before a number ("more", "at", "approx"; "~" has none), for patterns
# that look for the places where a qualified number may start before they try the whole phrase
BEFORE_FIRST_WORDS = frozenset(phrase.split()[0].rstrip(".") for phrase in BEFORE) - {"~"}


@cache
def before_pattern() -> re.Pattern[str]:
    """`BEFORE_PATTERN` compiled, ignoring case: one pattern for the terms and the counts, which look for
    a qualifier where their number may start (compiling the phrases takes milliseconds, at each start)."""
    return re.compile(BEFORE_PATTERN, re.IGNORECASE)


def qualifier_of(phrase: str) -> Qualifier:
    """The qualifier a phrase such as 'more than', 'Nearly' or 'or more' stands for."""
    key = " ".join(phrase.lower().split())
    return BEFORE.get(key) or AFTER.get(key) or Qualifier.EXACT


# how a description of a value says its qualifier ("more than $4 billion")
PREFIX: dict[Qualifier, str] = {
    Qualifier.APPROX: "about ",
    Qualifier.GT: "more than ",
    Qualifier.GE: "at least ",
    Qualifier.LT: "less than ",
    Qualifier.LE: "up to ",
}
