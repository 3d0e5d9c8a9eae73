"""Location claims: where something happened.

A location is a place the gazetteer knows (a continent, a country, a region under any of its
names, `Apulia` = `Puglia`, or a city, `Kiev` = `Kyiv`) standing in a locative phrase:
- after `in`, `at`, `near`, `outside`, `inside`, `within`, `throughout` or `hosted by`, with
  at most a few words between (`in the southern Italian region of Puglia`, `in the city of Bari`,
  `on the outskirts of Kyiv`), and the places listed after one of them (`in Rome and Milan`);
- written with its container: `Puglia, Italy`, `Naples, Florida`, `Bari, Puglia, Italy` is
  one claim, the innermost place, when the gazetteer agrees that the second contains the first
  (`Puglia, Spain` is two claims, Puglia and Spain).

Not locations: a capital standing for its government (`thanking Tokyo`, `supplying drones to
Kyiv`, `Kyiv has signed`: a party, taken by the signatory extractor before this one runs); a
place inside the name of an organisation or event (`the Munich Security Conference`, `the Paris
Agreement`, `Bank of Japan`, `New York Times`, see `extractors.entities`); a demonym (`Italian`);
a possessive (`in Japan's constitution`).

An ambiguous name takes the reading in a country named in the same or a neighbouring sentence
(`gazetteer.resolve_place(name, near=...)`), else the reading nearest the document's other places
(`Perth` with `Dundee` or `Scotland` is Scotland's, with `Western Australia` Australia's; `London`
with `Ontario` is London, Ontario; `gazetteer.nearest_reading`), else a country of that name, else
the most populous reading. The value: the place's canonical name, its country, the names of the places containing
it, innermost first (`Puglia` -> `["Italy", "Europe"]`), and its gazetteer id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..models import Claim, LocationValue
from ..text import Document
from .base import Options, make_claim
from .entities import ORGANISATION_WORDS, Element, Mention, is_word, sentence_elements

if TYPE_CHECKING:
    from ..gazetteer import Place

_CUES = frozenset("in at near outside inside within throughout".split())
# words that may stand between a cue and the place: "in the southern Italian region of Puglia"
_GAP_WORDS = frozenset(
    "the southern northern eastern western central southeastern southwestern northeastern northwestern "
    "coastal rural remote downtown city town region province state capital port village resort island "
    "county prefecture area district outskirts suburbs coast shores border edge heart centre center of".split()
)
# "on the outskirts of Kyiv": `on` is a cue only before one of these
_ON_GAP_WORDS = frozenset("outskirts coast shores border edge".split())
_MAX_GAP = 6
_LIST_JOINERS = frozenset([",", "and", "or"])


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    sentences = sentence_elements(doc)
    document = _DocumentPlaces(sentences)
    for number, elements in enumerate(sentences):
        for start, end, place in _locations(elements, _countries_near(sentences, number), document):
            if not doc.is_taken(start, end):
                yield make_claim(doc, "location", start, end, location_value(place))


def location_value(place: Place) -> LocationValue:
    from ..gazetteer import get_place

    return LocationValue(
        name=place.name,
        country=place.country,
        within=[get_place(outer).name for outer in place.within],
        place_id=place.id,
    )


class _DocumentPlaces:
    """The readings of each place name of one document (draft or source, each on its own), which an
    ambiguous name is read against: `Perth` in a story that names Dundee is Scotland's."""

    def __init__(self, sentences: list[list[Element]]) -> None:
        self._sentences = sentences
        self._readings: dict[str, tuple[Place, ...]] | None = None
        self.resolved: dict[tuple[str, str, frozenset[str]], Place | None] = {}

    def other_than(self, name: str) -> list[tuple[Place, ...]]:
        if self._readings is None:
            self._readings = {}
            for elements in self._sentences:
                for index, element in enumerate(elements):
                    if not isinstance(element, Mention) or element.text in self._readings:
                        continue
                    if element.is_place:
                        self._readings[element.text] = _own_readings(element)
                    elif element.kind in ("name", "other") and (sign := _sign_of_place(elements, index)) is not None:
                        self._readings[element.text] = (sign,)   # "Fife", "in Fremantle": signs of where the story is
        return [readings for text, readings in self._readings.items() if text != name]


def readings_around(text: str, name: str) -> list[tuple[Place, ...]]:
    """The readings of the place names of `text` other than `name`: what an ambiguous name there is
    read against (a fact's sentence, for a judge that asks whether its places chose a reading)."""
    return _DocumentPlaces(sentence_elements(Document(text, markdown=False))).other_than(name)


def _locations(
    elements: list[Element], near: dict[str, set[str]], document: _DocumentPlaces
) -> Iterator[tuple[int, int, Place]]:
    """(start, end, Place) of each locative place in one sentence."""
    index = 0
    listing = False   # the last place found can be followed by more: "in Rome and Milan"
    while index < len(elements):
        element = elements[index]
        if not (isinstance(element, Mention) and element.is_place and not element.possessive):
            listing = listing and is_word(element, _LIST_JOINERS)
            index += 1
            continue
        if not (listing or _has_cue(elements, index)):
            index += 1
            continue
        chain = _chain(elements, index)
        found = _resolve_chain([elements[i] for i in chain], near, document)  # type: ignore[misc]
        if found is None:
            index += 1
            listing = False
            continue
        place, used = found
        last = elements[chain[used - 1]]
        yield element.start, last.end, place  # type: ignore[union-attr]
        index = chain[used - 1] + 1
        listing = True


def _has_cue(elements: list[Element], index: int) -> bool:
    gap: list[str] = []
    position = index - 1
    while position >= 0 and len(gap) <= _MAX_GAP:
        element = elements[position]
        if isinstance(element, Mention):
            if element.kind != "demonym":
                return False
            gap.append("demonym")
        elif element.lower in _CUES:
            return True
        elif element.lower == "by":
            return position >= 1 and is_word(elements[position - 1], {"hosted"})
        elif element.lower == "on":
            return bool(_ON_GAP_WORDS & set(gap))
        elif element.lower in _GAP_WORDS:
            gap.append(element.lower)
        else:
            return False
        position -= 1
    return False


def _chain(elements: list[Element], index: int) -> list[int]:
    """The place at `index` and the places after it written as its containers: 'Bari, Puglia, Italy'."""
    chain = [index]
    while len(chain) < 3:
        comma, following = chain[-1] + 1, chain[-1] + 2
        if following >= len(elements) or not is_word(elements[comma], {","}):
            break
        candidate = elements[following]
        if not (isinstance(candidate, Mention) and candidate.is_place):
            break
        chain.append(following)
    return chain


def _resolve_chain(
    mentions: list[Mention], near: dict[str, set[str]], document: _DocumentPlaces
) -> tuple[Place, int] | None:
    """The innermost place and how many of the mentions it took: all of a chain whose places the
    gazetteer nests ('Puglia, Italy'), else the first alone, read in context."""
    for size in range(len(mentions), 1, -1):
        inner = _nested([_readings(mention) for mention in mentions[:size]])
        if inner is not None:
            return inner, size
    place = _resolve(mentions[0], near, document)
    return (place, 1) if place is not None else None


def _nested(readings: list[list[Place]]) -> Place | None:
    """A reading of the first name inside a reading of the second, inside one of the third..."""
    from ..gazetteer import contains

    def inside(position: int, outer: Place) -> Place | None:
        for candidate in readings[position]:
            if contains(outer, candidate):
                if position == 0:
                    return candidate
                found = inside(position - 1, candidate)
                if found is not None:
                    return found
        return None

    # the outermost name first, its readings in their order ("Italy"; "Florida"), then inward
    last = len(readings) - 1
    for outermost in readings[last]:
        found = inside(last - 1, outermost)
        if found is not None and found.id != outermost.id:
            return found
    return None


def _readings(mention: Mention) -> list[Place]:
    from ..gazetteer import lookup_places

    return lookup_places(mention.text) or lookup_places(mention.name)


def _own_readings(mention: Mention) -> tuple[Place, ...]:
    """The places a mention may stand for, without those its words are only another name of
    ("Perth" is among the names of Perth Amboy); all of them when it is no place's own name ("Kiev")."""
    from ..gazetteer import own_readings

    return own_readings(mention.text) or tuple(_readings(mention))


def _sign_of_place(elements: list[Element], index: int) -> Place | None:
    """The region of a district a name is, or the town it is after a locative word ("the port in Fremantle")."""
    from ..gazetteer import town

    text = elements[index].text  # type: ignore[union-attr]
    after_cue = index > 0 and is_word(elements[index - 1], _CUES | {"from", "to"})
    return _district_of(text) or (town(text) if after_cue else None)


def _district_of(text: str) -> Place | None:
    """The region of the second-level division a name is, or whose body it names ("Fife Council")."""
    from ..gazetteer import district_region

    head, _, last = text.rpartition(" ")
    return district_region(text) or (district_region(head) if head and last in ORGANISATION_WORDS else None)


def _resolve(mention: Mention, near: dict[str, set[str]], document: _DocumentPlaces) -> Place | None:
    from ..gazetteer import resolve_place

    # the countries other names stand for: "Georgia" does not vouch for its own reading
    codes = {code for text, codes in near.items() if text != mention.text for code in codes}
    if len(_own_readings(mention)) <= 1:
        return resolve_place(mention.text, codes) or resolve_place(mention.name, codes)
    # the document's other places matter only to a name of several places; a name that comes back
    # with the same countries around it is read as before (a long text repeats its places)
    key = (mention.text, mention.name, frozenset(codes))
    if key not in document.resolved:
        others = document.other_than(mention.text)
        document.resolved[key] = resolve_place(mention.text, codes, others) or resolve_place(mention.name, codes, others)
    return document.resolved[key]


def _countries_near(sentences: list[list[Element]], number: int) -> dict[str, set[str]]:
    """Countries named in the sentence and the sentences either side of it, by the words naming them."""
    codes: dict[str, set[str]] = {}
    for elements in sentences[max(0, number - 1) : number + 2]:
        for element in elements:
            if isinstance(element, Mention) and element.kind in ("country", "capital", "demonym", "person"):
                if element.country:
                    codes.setdefault(element.text, set()).add(element.country)
    return codes

