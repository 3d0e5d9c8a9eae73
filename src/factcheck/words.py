"""Words reduced to keys, so that two texts saying the same thing compare equal.

`noun_key` folds number and possessives (`deals`, `Deal`, `deal's` -> `deal`);
`word_key` also folds a few synonyms that news copy uses for one thing
(`pact`, `deal`, `accord` -> `agreement`), so that alignment can see that
"the pact runs for a decade" is about the agreement's term.
"""

from __future__ import annotations

from functools import lru_cache

# plural nouns without a final s, and words with one that are not plurals
IRREGULAR_PLURALS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "police": "police",
    "personnel": "personnel", "staff": "staff", "crew": "crew", "aircraft": "aircraft", "cattle": "cattle",
    "sheep": "sheep", "fish": "fish", "deer": "deer", "livestock": "livestock", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "oxen": "ox", "alumni": "alumnus", "criteria": "criterion",
    "phenomena": "phenomenon", "crises": "crisis", "analyses": "analysis", "theses": "thesis",
    "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf", "halves": "half",
    "thieves": "thief", "wolves": "wolf", "shelves": "shelf", "offspring": "offspring", "clergy": "clergy",
}
NOT_PLURAL = frozenset(
    "news series species means this its has was is as us yes thus plus less across unless perhaps always "
    "afterwards towards whereas besides various previous serious famous numerous dangerous".split()
)
# the nouns of what parties sign, for the signatory extractor and for alignment
AGREEMENT_NOUNS = frozenset(
    "agreement agreements deal deals pact pacts accord accords treaty treaties memorandum memoranda "
    "memorandums document documents declaration declarations arrangement arrangements compact contract "
    "contracts protocol charter partnership".split()
)

# Words that news copy uses interchangeably for the thing a fact is about. No
# library in our dependencies has a thesaurus, so this small table is our own;
# each group is keyed by its first word.
_SYNONYM_GROUPS = (
    "agreement deal pact accord treaty document arrangement",
    "aid support assistance help funding fund money package",
    "give provide pledge commit offer hand grant allocate supply contribute",
    "sign conclude ink seal",
    "total sum",
)
_SYNONYMS = {word: group.split()[0] for group in _SYNONYM_GROUPS for word in group.split()}


@lru_cache(maxsize=65536)
def noun_key(noun: str) -> str:
    """A loose key for comparing the nouns of two counts: 'Deals' and 'deal' -> 'deal', 'countries' -> 'country'."""
    words = noun.lower().strip(" '").split()
    word = words[-1] if words else ""
    if word.endswith("'s"):
        word = word[:-2]
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word in NOT_PLURAL or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """`noun_key` of one word, with its synonyms folded: 'pacts' -> 'agreement', 'pledged' -> 'give'."""
    key = noun_key(word)
    for ending in ("ed", "d", "ing"):
        stem = key[: -len(ending)] if key.endswith(ending) else None
        if stem and stem in _SYNONYMS:
            return _SYNONYMS[stem]
    return _SYNONYMS.get(key, key)
