"""Signatory claims: who signed, agreed, pledged or concluded something.

A party is a country (by name, by its capital standing for its government, `Kyiv`, or by
its demonym, `the Japanese government`), an organisation (`NATO`, `the G7`, `the EU`) or a
person (`Ukrainian President Volodymyr Zelensky`, `Zelensky`): see `extractors.entities`.
Capitals and demonyms normalise to their country (`Kyiv` -> Party("Ukraine", country, UA));
a person keeps the name written in full earlier in the text and the country the text gives.

The signing constructions read:
- a subject before a signing verb, coordinated or not: `Ukraine and Japan signed`,
  `Kyiv has signed`, `Tokyo and Kyiv on Thursday signed`, `Ukraine and Japan's leaders signed`,
  `the agreement, which Japan signed`;
- the counterpart after the verb: `Japan signed a pact with Ukraine`, an agent after a passive
  or a participle: `was signed by Zelensky and Kishida`, `the deal signed by Japan`, and
  `signed an agreement between X and Y`;
- an agreement named with its parties and no verb: `the agreement between Ukraine and Japan`,
  `Japan's security pact with Ukraine`, `the Japan-Ukraine agreement`;
- a participle after the thing signed (`hailed the document, signed on the sidelines of ...`)
  in a sentence whose subject is a person: that person is a party.
Verbs: sign, ink, seal; strike, reach, clinch and forge a deal or agreement; agree, pledge and
conclude only with two parties or more or with an agreement as their object (`Japan pledged
$4.5 billion` is a pledge of money, not a signing; `Japan agreed to help` has no counterpart).
A negated verb (`has not signed`) is no claim, nor are other agreements than the one at hand,
whose counterparts the text leaves open (`Kyiv has signed more than a dozen similar deals with
its backers`, `such deals`, `other pacts`). ISO codes are parties only in lists of codes
(`JP and UA signed`).

One claim per group of parties a signing event writes together: `Ukraine and Japan signed` is
one claim, `France signed a deal with Chile` two (`France`; `Chile`), so that a wrong party is
underlined where it is written. A claim's words run from the group's first party to its last,
unless a place or an earlier claim (a date, an amount) stands between them: then the claim is the
first party's words alone. Its value lists every party of the event; the judge rules on the
parties its own words name (`judges.signatory`).

A later event about the agreement of an earlier one (a participle, or `the document`, `the deal`,
`it` as its object) whose parties all belong to the earlier event's countries shares the earlier
event's parties, and the earlier event takes its people: in the seed, the sentence about
Zelensky hailing the document signed on the sidelines of the G7 names a party, Zelensky, whose
country is one of the two the first sentence names, so both facts list Ukraine, Japan and
Volodymyr Zelensky. A draft naming Zelensky is then judged against whichever fact it aligns with.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Claim, Party, SignatoryValue
from ..text import Document
from ..words import AGREEMENT_NOUNS
from .base import Options, make_claim
from .entities import Element, Mention, Token, is_word, mentions, sentence_elements

_SIGN_VERBS = frozenset(
    "sign signs signed signing co-sign co-signs co-signed ink inks inked inking seal seals sealed sealing".split()
)
# verbs that sign only with an agreement as their object: "struck a deal", "reached an agreement"
_DEAL_VERBS = frozenset(
    "strike strikes struck striking reach reaches reached reaching clinch clinches clinched forge forges forged".split()
)
# verbs that sign only with two parties or with an agreement as their object
_WEAK_VERBS = frozenset(
    "agree agrees agreed agreeing pledge pledges pledged pledging conclude concludes concluded concluding".split()
)
_PARTICIPLES = frozenset("signed co-signed inked sealed concluded agreed".split())
# words that may stand between a subject and its verb: "Japan has also formally signed"
_FILLERS = frozenset(
    "has have had will would shall should could can may might must did does do also formally officially "
    "jointly finally reportedly then now already recently previously earlier today yesterday on last this "
    "week month which who both together all successfully eventually subsequently just is are was were be "
    "been being monday tuesday wednesday thursday friday saturday sunday".split()
)
_BE = frozenset("is are was were be been being".split())
_NEGATIONS = frozenset("not never n't didn't hasn't haven't won't wouldn't".split())
# "Ukraine and Japan's leaders signed"
_LEADER_NOUNS = frozenset(
    "leaders leader governments government presidents president officials representatives ministers "
    "delegations delegation negotiators heads envoys".split()
)
_LIST_JOINERS = frozenset(["and", ",", "&"])
_DETERMINERS = frozenset("the its their his her our a an both".split())
_DEFINITE = frozenset("the this that these those".split())
# the end of a clause: the object of a verb is looked for before these
_CLAUSE_ENDS = frozenset(
    ". ; : ? ! that which who while whereas but after before because although though as said says when "
    "where if".split()
)
_OBJECT_WINDOW = 16
# "Kyiv has signed similar deals with its backers": other agreements, whose parties the text leaves open
_OTHER_AGREEMENTS = frozenset("similar such other comparable parallel".split())
_PARTY_KINDS = ("country", "capital", "demonym", "organisation", "person", "name")


@dataclass
class _Event:
    parties: list[Party]
    groups: list[list[Mention]]   # the groups of party mentions in text order: a claim's words each
    refers_back: bool = False   # about an agreement named before ("the document", a participle)
    group: list[Party] = field(default_factory=list)


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    events: list[_Event] = []
    for elements in sentence_elements(doc):
        events.extend(_events_in(elements))
    _share_parties(events)
    named = mentions(doc)
    starts = [mention.start for mention in named]
    for event in events:
        value = SignatoryValue(parties=event.group or event.parties)
        for group in event.groups:
            span = _span(doc, group, named, starts)
            if span is not None:
                yield make_claim(doc, "signatory", span[0], span[1], value)


# --- events in one sentence ---------------------------------------------------------------------


def _events_in(elements: list[Element]) -> list[_Event]:
    events: list[_Event] = []
    used: set[int] = set()   # element indices already read as a party
    for index, element in enumerate(elements):
        if not isinstance(element, Token):
            continue
        word = element.lower
        if word in _SIGN_VERBS or word in _DEAL_VERBS or word in _WEAK_VERBS:
            event = _verb_event(elements, index, used)
            if event is not None:
                events.append(event)
    for index, element in enumerate(elements):
        if is_word(element, AGREEMENT_NOUNS):
            event = _noun_event(elements, index, used)
            if event is not None:
                events.append(event)
    return events


def _verb_event(elements: list[Element], verb: int, used: set[int]) -> _Event | None:
    word = elements[verb].lower  # type: ignore[union-attr]
    subject, passive, negated = _subject(elements, verb)
    if negated:
        return None
    # a list reaching back into an earlier event's parties ("with Ukraine, and Germany signed")
    subject = [index for index in subject if index > max(used, default=-1)]
    objects = _objects(elements, verb)
    if objects.others:
        return None
    agents = objects.by if (passive or not subject) else []
    groups = [group for group in ([] if passive else subject, objects.between, agents, *objects.with_) if group]
    parties_at = [index for group in groups for index in group]
    refers_back = objects.definite
    if not parties_at and word in _PARTICIPLES and _after_thing_signed(elements, verb):
        person = _sentence_subject(elements)
        if person is not None:
            groups, parties_at, refers_back = [[person]], [person], True
    if not parties_at:
        return None
    if word in _DEAL_VERBS and not objects.agreement:
        return None
    sides = {_side(_as_party(elements[i])) for i in parties_at}
    if word in _WEAK_VERBS and not objects.agreement and len(sides) < 2:
        return None
    if any(i in used for i in parties_at):
        return None
    used.update(parties_at)
    written = [[elements[i] for i in group] for group in sorted(groups, key=lambda group: group[0])]
    return _event([elements[i] for i in parties_at], written, refers_back)  # type: ignore[arg-type]


def _noun_event(elements: list[Element], noun: int, used: set[int]) -> _Event | None:
    """'the agreement between Ukraine and Japan', "Japan's pact with Ukraine", 'the Japan-Ukraine deal'."""
    at: list[int] = []
    after = _skip(elements, noun + 1, _DETERMINERS, 0)
    if is_word(elements[after] if after < len(elements) else None, {"between", "with"}):
        at = _group_right(elements, _skip(elements, after + 1, _DETERMINERS, 2))
    before = noun - 1
    while before >= 0 and before >= noun - 4 and isinstance(elements[before], Token) \
            and elements[before].text[:1].islower() and not is_word(elements[before], _CLAUSE_ENDS):  # type: ignore[union-attr]
        before -= 1
    owner = elements[before] if before >= 0 else None
    compound = _compound_parties(owner) if isinstance(owner, Mention) else []
    if compound:
        if any(i in used for i in at) or before in used:
            return None
        used.add(before)
        used.update(at)
        parties = compound + [p for p in (_as_party(elements[i]) for i in at) if p is not None]
        return _event_of(parties, [[owner]])  # type: ignore[list-item]
    groups = [at]
    if isinstance(owner, Mention) and owner.possessive and _is_party(owner):
        at, groups = [before, *at], [[before], at]
    if len({_side(_as_party(elements[i])) for i in at}) < 2 or any(i in used for i in at):
        return None
    used.update(at)
    return _event([elements[i] for i in at], [[elements[i] for i in group] for group in groups if group], False)  # type: ignore[misc]


def _subject(elements: list[Element], verb: int) -> tuple[list[int], bool, bool]:
    """The party group just before the verb, whether the verb is passive, whether it is negated."""
    index, fillers, passive = verb - 1, 0, False
    while index >= 0 and fillers < 6:
        element = elements[index]
        if is_word(element, _NEGATIONS):
            return [], passive, True
        if is_word(element, _BE):
            passive = True
        if not (is_word(element, _FILLERS) or is_word(element, {","})):
            break
        index -= 1
        fillers += 1
    if is_word(elements[index] if index >= 0 else None, _LEADER_NOUNS):
        index -= 1
        if not (index >= 0 and isinstance(elements[index], Mention) and elements[index].possessive):  # type: ignore[union-attr]
            return [], passive, False
    return _group_left(elements, index), passive, False


def _group_left(elements: list[Element], index: int) -> list[int]:
    group: list[int] = []
    while index >= 0 and _is_party(elements[index]):
        mention = elements[index]
        if mention.possessive and group:   # type: ignore[union-attr]
            break
        group.insert(0, index)
        joiner = index - 2 if is_word(elements[index - 1] if index >= 1 else None, {"the"}) else index - 1
        if joiner >= 1 and is_word(elements[joiner], _LIST_JOINERS):
            if is_word(elements[joiner], {"and"}) and joiner >= 2 and is_word(elements[joiner - 1], {","}):
                joiner -= 1   # "Japan's prime minister, Fumio Kishida, and Zelensky"
            if joiner >= 1 and _is_party(elements[joiner - 1]):
                index = joiner - 1
                continue
        break
    return _codes_only_in_lists(elements, group)


def _group_right(elements: list[Element], index: int) -> list[int]:
    group: list[int] = []
    commas = False
    while index < len(elements) and _is_party(elements[index]):
        group.append(index)
        following = elements[index + 1] if index + 1 < len(elements) else None
        if is_word(following, _LIST_JOINERS):
            nxt = _skip(elements, index + 2, _DETERMINERS, 1)
            if nxt < len(elements) and _is_party(elements[nxt]):
                commas = commas or following.text == ","  # type: ignore[union-attr]
                if following.text != ",":  # type: ignore[union-attr]
                    group.append(nxt)
                    index = nxt
                    break
                index = nxt
                continue
        break
    if commas and not any(is_word(elements[i - 1], {"and", "&"}) for i in group[1:] if i >= 1):
        # "with Germany, Japan said": a comma without a closing "and" is no list
        group = group[:1]
    return _codes_only_in_lists(elements, group)


def _codes_only_in_lists(elements: list[Element], group: list[int]) -> list[int]:
    """A bare name in capitals ("JP") is a party only in a list of ISO codes ("JP and UA")."""
    codes = [i for i in group if _iso_code(elements[i]) is not None]
    if len(codes) >= 2 and len(codes) == len(group):
        return group
    return [i for i in group if not _looks_like_code(elements[i])]


@dataclass
class _Objects:
    with_: list[list[int]] = field(default_factory=list)   # one group per "with"
    by: list[int] = field(default_factory=list)
    between: list[int] = field(default_factory=list)
    agreement: bool = False    # an agreement noun is the verb's object
    definite: bool = False     # ... and a definite one ("the document", "it")
    others: bool = False       # ... or other agreements than the one at hand ("similar deals")


def _objects(elements: list[Element], verb: int) -> _Objects:
    found = _Objects()
    index = verb + 1
    if is_word(elements[index] if index < len(elements) else None, {"it", "them"}):
        found.definite = True
    article: str | None = None
    while index < len(elements) and index <= verb + _OBJECT_WINDOW:
        element = elements[index]
        if is_word(element, _CLAUSE_ENDS) or (is_word(element, {","}) and index > verb + 1):
            break
        if isinstance(element, Token):
            word = element.lower
            if word in ("a", "an") or word in _DEFINITE:
                article = article or word
            if word in _OTHER_AGREEMENTS and not found.agreement:
                found.others = True
            if word in AGREEMENT_NOUNS and not found.agreement:
                found.agreement = True
                found.definite = found.definite or article in _DEFINITE
            if word in ("with", "by", "between"):
                group = _group_right(elements, _skip(elements, index + 1, _DETERMINERS, 2))
                if group:
                    if word == "with":
                        found.with_.append(group)
                    elif word == "between":
                        found.between.extend(group)
                    elif index <= verb + 4:   # the agent stands next to the verb
                        found.by.extend(group)
                    index = group[-1] + 1
                    continue
        index += 1
    return found


def _after_thing_signed(elements: list[Element], verb: int) -> bool:
    """'…the document, signed on …': the participle follows a comma or the agreement itself."""
    before = elements[verb - 1] if verb >= 1 else None
    return is_word(before, {","} | AGREEMENT_NOUNS)


def _sentence_subject(elements: list[Element]) -> int | None:
    """The index of the person the sentence opens with, before its first verb."""
    for index, element in enumerate(elements):
        if isinstance(element, Mention):
            return index if element.kind == "person" else None
        if not (is_word(element, _DETERMINERS | {'"', "'", "(", "-"}) or element.text[:1].isupper()):
            return None
    return None


def _skip(elements: list[Element], index: int, words: frozenset[str], limit: int) -> int:
    skipped = 0
    while index < len(elements) and is_word(elements[index], words) and (limit == 0 or skipped < limit):
        index += 1
        skipped += 1
    return index


# --- parties ---------------------------------------------------------------------------------------


def _is_party(element: Element | None) -> bool:
    return isinstance(element, Mention) and element.kind in _PARTY_KINDS


def _as_party(element: Element) -> Party | None:
    if not isinstance(element, Mention):
        return None
    code = _iso_code(element)
    if code is not None:
        from .entities import country_name

        return Party(name=country_name(code), type="country", country=code)
    return element.party()


def _looks_like_code(element: Element) -> bool:
    return isinstance(element, Mention) and element.kind == "name" and element.text.isupper() and len(element.text) <= 3


def _iso_code(element: Element) -> str | None:
    if not _looks_like_code(element):
        return None
    from ..gazetteer import country_code

    return country_code(element.text)  # type: ignore[union-attr]


def _compound_parties(mention: Mention) -> list[Party]:
    """'Japan-Ukraine', 'EU-Kenya', 'Japanese-Ukrainian': two or more parties in one hyphenated word."""
    if mention.kind not in ("name", "other") or "-" not in mention.text or " " in mention.text:
        return []
    from .entities import _known, country_name

    parties: list[Party] = []
    for part in mention.text.split("-"):
        known = _known(part)
        if known is None or known[0] not in ("country", "capital", "demonym", "organisation"):
            return []
        kind, name, country, _ = known
        parties.append(
            Party(name=name, type="organisation", country=None)
            if kind == "organisation"
            else Party(name=country_name(country or ""), type="country", country=country)
        )
    return parties if len(parties) >= 2 else []


def _side(party: Party | None) -> str | None:
    """What a party stands for: its country's code, or the organisation's name; a person without
    a country stands for themself."""
    if party is None:
        return None
    if party.type == "organisation":
        return "org:" + party.name.casefold()
    return party.country or "person:" + party.name.casefold()


def _key(party: Party) -> tuple[str, str]:
    if party.type == "person":
        return ("person", party.name.casefold())
    return (party.type, (party.country or party.name).casefold())


def _event(found: list[Mention], groups: list[list[Mention]], refers_back: bool) -> _Event | None:
    parties = [party for party in (_as_party(mention) for mention in found) if party is not None]
    return _event_of(parties, groups, refers_back)


def _event_of(parties: list[Party], groups: list[list[Mention]], refers_back: bool = False) -> _Event | None:
    unique: dict[tuple[str, str], Party] = {}
    for party in parties:
        unique.setdefault(_key(party), party)
    if not unique:
        return None
    return _Event(list(unique.values()), groups, refers_back)


# --- across sentences ------------------------------------------------------------------------------


def _share_parties(events: list[_Event]) -> None:
    """A later event about an earlier event's agreement shares its parties (see the module doc).
    Events sharing parties hold one list, extended in place as more of them join."""
    earlier: _Event | None = None   # the last event naming a country or an organisation
    for event in events:
        if event.refers_back and earlier is not None:
            shared = earlier.group or earlier.parties
            sides = {_side(party) for party in shared}
            if all(_side(party) in sides for party in event.parties):
                if not earlier.group:
                    earlier.group = list(earlier.parties)
                keys = {_key(party) for party in earlier.group}
                earlier.group.extend(party for party in event.parties if _key(party) not in keys)
                event.group = earlier.group
        if any(party.type != "person" for party in event.parties):
            earlier = event


def _span(doc: Document, group: list[Mention], named: tuple[Mention, ...], starts: list[int]) -> tuple[int, int] | None:
    """From a group's first party to its last; the first party alone when a place or a claim lies between."""
    ordered = sorted(group, key=lambda m: m.start)
    start, end = ordered[0].start, ordered[-1].end
    own = {(m.start, m.end) for m in ordered}
    between = named[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
    places_between = any(m.is_place and m.end <= end and (m.start, m.end) not in own for m in between)
    if not places_between and not doc.is_taken(start, end):
        return start, end
    for mention in ordered:
        if not doc.is_taken(mention.start, mention.end):
            return mention.start, mention.end
    return None
