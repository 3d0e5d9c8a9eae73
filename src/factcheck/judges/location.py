"""Judging locations: the place the draft names against the place the source names.

- the same place, or one containing it: supported (`Italy`, `Europe`, `Apulia` for `Puglia`);
- a place inside the source's: not found, the draft is more precise than the source (`Bari`,
  `Lecce` for `Puglia`);
- a place disjoint from it: contradicted (`Naples`, `Sardinia`, `Rome`, `Spain`, `Asia`, `Osaka`);
- a name its document read without the help of other places (`in Perth` alone, read as the most
  populous Perth) may stand for any place of that name, so it is judged as the one that agrees
  best with the source's (Perth, Scotland, when the source's places make its Perth Scotland's);
Alignment (align.py) prefers places of the same thing (a signing or meeting, or the same word:
`growers in`); a place of something else that reaches here (`trained in Miami` against `played
its qualifier in Kingston`) is not found, never contradicted.
Places are compared by their gazetteer ids and containing places, so names and spellings do not
matter; a place the gazetteer cannot find again (a hand-edited fact sheet) is compared by name.
The reason names the level where the two part: `source says Puglia, Italy; Naples is in
Campania, not Puglia`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..models import Claim, LocationValue, Verdict
from .context import JudgeContext

if TYPE_CHECKING:
    from ..gazetteer import Place

def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _value(claim), _value(fact)
    relation, draft_place, source_place = _judged(claim, fact)
    if relation == "unsettled":
        assert draft_place is not None and source_place is not None
        return Verdict.NOT_FOUND, (
            f"source says {describe(stated)}, but nothing in it rules out {describe(_value_of(source_place))}; "
            f"so the draft's {_written(claim, claimed)} is not settled"
        )
    if source_place is not None and source_place.id != stated.place_id:
        stated = _value_of(source_place)   # the source's name read as the draft's place
    source = f"source says {describe(stated)}"
    verdict = _VERDICTS[relation]
    if verdict == Verdict.CONTRADICTED and (occasions := _other_occasions(claim, fact)):
        return Verdict.NOT_FOUND, (
            f"{source}, the place of '{occasions[1]}'; the draft's {_written(claim, claimed)} is the place "
            f"of '{occasions[0]}', something else"
        )
    if relation == "same name":
        return verdict, f"{source}; the draft names the same place"
    if relation == "unknown":
        return verdict, f"{source}; {claimed.name} is not a place the gazetteer can compare"
    assert draft_place is not None and source_place is not None
    if relation == "same":
        return verdict, f"{source}; the draft's {_written(claim, claimed)} is the same place"
    if relation == "contains":
        return verdict, f"{source}, which is in {draft_place.name}"
    if relation == "inside":
        return verdict, f"{source}; {draft_place.name} is in {source_place.name}, more precise than the source"
    return verdict, f"{source}; {_apart(draft_place, source_place)}"


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    found = _VERDICTS[_judged(claim, fact)[0]]
    return Verdict.NOT_FOUND if found == Verdict.CONTRADICTED and _other_occasions(claim, fact) else found


def _other_occasions(claim: Claim, fact: Claim) -> tuple[str, str] | None:
    """What the draft's and the source's places are the places of, when both sentences say, they
    differ and the source's sentence does not name the draft's at all ("trained in Miami" against
    "played its qualifier in Kingston"; but "revenue in Canada" is about the "revenue increases in
    the U.S."): alignment weighs that against the words the sentences share, but a place of
    something else never contradicts."""
    from ..align import occasion_of
    from ..words import word_key

    claimed, stated = occasion_of(claim), occasion_of(fact)
    if claimed is None or stated is None or claimed == stated or not claimed.startswith("word:"):
        return None
    named = {word_key(word) for word in _WORDS.findall(_sentence(fact).lower())}
    if claimed.removeprefix("word:") in named:
        return None
    return _occasion_words(claimed), _occasion_words(stated)


_WORDS = re.compile(r"[a-z][\w'-]{0,40}")


def _occasion_words(frame: str) -> str:
    return "signing or meeting" if frame == "event" else frame.removeprefix("word:")


# the relations from the best for the draft to the worst
_PREFERENCE = ("same", "contains", "inside", "apart")


def _judged(claim: Claim, fact: Claim) -> tuple[str, Place | None, Place | None]:
    """How the draft's place stands to the source's, and the two places compared.

    A name that its document read without help (its reading is the one the name has with no other
    place around) may stand for any place of that name. A draft that says only `in Perth` is about
    the source's Perth, whichever Perth the source's own places make it: judged as that one. The
    source's name read without help is weaker evidence: its other readings can make the draft's
    same name agree (`Perth` and `Perth`), but any other agreement they make leaves the claim
    "unsettled" (not found), never supported or contradicted. Two names read by their documents'
    places (`Perth` near `Dundee` against `Perth` near `Fremantle`) stay as read."""
    claimed, stated = _value(claim), _value(fact)
    draft, source = _place(claimed), _place(stated)
    relation = _relation(claimed, stated, draft, source)
    if relation != "apart" or draft is None or source is None:
        return relation, draft, source
    best = (relation, draft, source)
    # the source's own reading first: another reading of the draft's name that agrees with it wins
    for source_reading in _open_readings(fact.text, source, _sentence(fact)):
        for draft_reading in _open_readings(claim.text, draft, _sentence(claim)):
            found = _relation(claimed, stated, draft_reading, source_reading)
            if _PREFERENCE.index(found) < _PREFERENCE.index(best[0]):
                best = (found, draft_reading, source_reading)
    found, draft_reading, source_reading = best
    if source_reading != source and not (found == "same" and _fold(claim.text) == _fold(fact.text)):
        return "unsettled", draft_reading, source_reading
    return best


def _sentence(claim: Claim) -> str:
    return claim.sentence.text if claim.sentence is not None else ""


@functools.lru_cache(maxsize=4096)
def _open_readings(written: str, place: Place, sentence: str) -> tuple[Place, ...]:
    """The places a name as written may stand for: all of its own places when `place` is the reading
    the name has without context and the other places of its sentence do not choose it either, else
    `place` alone (its document's other places chose it: `Perth` near `Fremantle`)."""
    from ..extractors.location import readings_around
    from ..gazetteer import nearest_reading, own_readings, resolve_place

    if resolve_place(written) != place:
        return (place,)
    readings = own_readings(written)
    if nearest_reading([place, *readings], readings_around(sentence, written)) == place:
        return (place,)
    return (place, *(reading for reading in readings if reading != place))


def _value_of(place: Place) -> LocationValue:
    from ..extractors.location import location_value

    return location_value(place)


# how the draft's place stands to the source's, and the verdict that gives
_VERDICTS = {
    "same name": Verdict.SUPPORTED,       # neither is in the gazetteer, but they are named alike
    "unknown": Verdict.NOT_FOUND,         # one is not in the gazetteer
    "same": Verdict.SUPPORTED,
    "contains": Verdict.SUPPORTED,        # the draft's place contains the source's
    "inside": Verdict.NOT_FOUND,          # the draft's place is inside the source's: more precise
    "apart": Verdict.CONTRADICTED,
    "unsettled": Verdict.NOT_FOUND,       # only another reading of the source's name agrees
}


def _relation(claimed: LocationValue, stated: LocationValue, draft: Place | None, source: Place | None) -> str:
    from ..gazetteer import contains

    if draft is None or source is None:
        return "same name" if _fold(claimed.name) == _fold(stated.name) else "unknown"
    if draft.id == source.id:
        return "same"
    if contains(draft, source):
        return "contains"
    if contains(source, draft):
        return "inside"
    return "apart"


def describe(value: LocationValue) -> str:
    """'Puglia, Italy', 'Naples, Italy', 'Italy', 'Europe'."""
    from ..extractors.entities import country_name

    country = country_name(value.country) if value.country else None
    if country and value.name != country and country in value.within:
        return f"{value.name}, {country}"
    return value.name


def _value(claim: Claim) -> LocationValue:
    if not isinstance(claim.value, LocationValue):
        raise TypeError(f"a location judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _place(value: LocationValue) -> Place | None:
    return _place_of(value.place_id, value.name, value.country)


@functools.lru_cache(maxsize=4096)   # alignment compares a fact with many claims
def _place_of(place_id: str | None, name: str, country: str | None) -> Place | None:
    from ..gazetteer import get_place, resolve_place

    if place_id:
        try:
            return get_place(place_id)
        except KeyError:
            pass
    return resolve_place(name, [country] if country else [])


def _apart(draft: Place, source: Place) -> str:
    """Where two disjoint places part: 'Naples is in Campania, not Puglia', 'Puglia is in Italy,
    not Spain', 'Puglia is in Europe, not Asia'."""
    from ..gazetteer import get_place

    draft_chain = [draft.id, *draft.within]
    source_chain = [source.id, *source.within]
    common = next((place_id for place_id in draft_chain if place_id in source_chain), None)
    # the places just below the one they share (or their outermost places when they share none)
    draft_branch = get_place(draft_chain[draft_chain.index(common) - 1] if common else draft_chain[-1])
    source_branch = get_place(source_chain[source_chain.index(common) - 1] if common else source_chain[-1])
    if draft_branch.id != draft.id:
        if draft_branch.name == draft.name:   # a city in the region of its name: "Mombasa"
            return f"{draft.name} is not in {source_branch.name}"
        return f"{draft.name} is in {draft_branch.name}, not {source_branch.name}"
    if source_branch.id != source.id:
        return f"{source.name} is in {source_branch.name}, not {draft.name}"
    where = f" in {get_place(common).name}" if common else ""
    return f"{draft.name} and {source.name} are separate places{where}"


def _written(claim: Claim, value: LocationValue) -> str:
    return claim.text.strip() if _fold(claim.text) != _fold(value.name) else value.name


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())
