"""Named mentions in running text: countries, capitals, demonyms, organisations, people and places.

Shared by the signatory and location extractors, which decide what a mention is doing
(a party to an agreement, the place where something happened). This module only says what
each capitalised name stands for, reading the gazetteer (no hand lists of places):

- a capitalised run of words ("Ukrainian President Volodymyr Zelensky", "Group of Seven",
  "Puglia") is cut into the longest names the gazetteer or the title list knows, left to right;
- a title ("President", "Prime Minister", "Foreign Minister") makes a person of the unknown
  words after it, and a country or demonym before it ("Ukrainian President ...", "Japan's
  Prime Minister ...", "the Ukrainian president, Volodymyr Zelensky") or after it
  ("President of Ukraine") gives that person's country;
- a known name run together with unknown capitalised words is the name of something else
  ("Munich Security Conference", "Bank of Japan", "New York Times", "Paris Agreement"): none
  of its words is a country or a place on its own;
- a demonym or possessive country before a word for a government ("the Japanese government",
  "Japan's cabinet") stands for the country;
- a surname alone (or any spelling of it: "Zelenskyy", "Selenskyj") refers back to the full
  name of a person named earlier in the same text, with that person's country;
- an unknown capitalised run of one to four words is a bare name: whether it is a person
  depends on where it stands, which the extractors decide.

ISO codes in capitals are not read here (running text has "IT", "AI" and "CAN" as words);
the signatory extractor reads them only in code-like lists. Sentence-initial function words
("In", "But", "Including") are not names. Mentions are found once per text and cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from rapidfuzz import fuzz

from ..models import Party
from ..text import split_sentences

if TYPE_CHECKING:
    from ..gazetteer import Organisation
    from ..text import Document

MentionKind = Literal["country", "capital", "place", "demonym", "organisation", "person", "name", "other"]

# the longest name tried, in words ("Organisation for Economic Co-operation and Development" is five)
MAX_NAME_WORDS = 6
# a town smaller than this, next to unknown capitalised words, is read as part of a name
# ("Volodymyr Zelensky", "Antony Blinken"), where a bigger place makes the name of something
# else ("Munich Security Conference", "Paris Agreement")
MINOR_PLACE_POPULATION = 100_000
# a bare name longer than this is a title of a work or a heading, not a person
MAX_PERSON_WORDS = 4
# how many people named before a surname may stand for (a news text names far fewer)
REMEMBERED_PEOPLE = 64
# rapidfuzz ratio at which two spellings of a surname are one name
SURNAME_SIMILARITY = 85.0

# Words (\w runs joined by an apostrophe or hyphen), initialisms with dots, and other characters.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,4}|[^\W_][\w]{0,40}(?:['-][^\W_][\w]{0,40}){0,4}|[^\w\s]")
_POSSESSIVE = ("'s", "'S")

# Titles of office, capitalised as in "Prime Minister Fumio Kishida". Heads of a title may be
# preceded by a department word ("Foreign Minister", "Defence Secretary"), which joins the title.
_TITLE_WORDS = frozenset(
    "President Vice Prime Minister Premier Chancellor King Queen Emperor Empress Prince Princess Crown "
    "Sheikh Emir Sultan Secretary Secretary-General Ambassador Envoy Governor Mayor Senator Chairman "
    "Chairwoman Chair Commissioner General Admiral Pope Mr Mrs Ms Dr Gen Gov Sen Rep "
    "Representative Spokesman Spokeswoman Spokesperson Deputy Foreign Defence Defense Finance Trade "
    "Economy Interior Justice State Chief Leader Head Director Speaker Lord Lady Sir Dame".split()
)
# the words of a title that can stand alone; "Prime", "Foreign", "Deputy", "State" only qualify one
_TITLE_HEADS = frozenset(
    "President Minister Premier Chancellor King Queen Emperor Empress Prince Princess Sheikh Emir Sultan "
    "Secretary Secretary-General Ambassador Envoy Governor Mayor Senator Chairman Chairwoman Chair "
    "Commissioner General Admiral Pope Mr Mrs Ms Dr Gen Gov Sen Rep Representative "
    "Spokesman Spokeswoman Spokesperson Chief Leader Head Director Speaker Lord Lady Sir Dame".split()
)
# the same offices written in lower case after a country ("Japan's prime minister, Fumio Kishida")
_LOWER_TITLE = re.compile(
    r"[ \t]{1,3}(?P<title>(?:(?:vice|deputy|foreign|defen[cs]e|finance|trade|economy|interior|prime|chief)[ \t]{1,3}){0,2}"
    r"(?:president|prime[ \t]minister|minister|premier|chancellor|king|queen|emperor|secretary|ambassador|envoy|leader))\b"
)
# words for a state's government that make a demonym or a possessive country stand for the state
_GOVERNMENT = re.compile(
    r"[ \t]{1,3}(?:governments?|authorities|cabinets?|administrations?|side|delegations?|parliaments?|"
    r"(?:foreign|defen[cs]e|trade|finance)[ \t]ministry|ministry|leadership|state)\b",
)
# capitalised words after a place that keep it a place ("Kyiv Oblast", "Nakuru County")
_PLACE_SUFFIXES = frozenset(
    "Region Province Oblast Prefecture County State District Governorate Municipality City Island Islands".split()
)
# capitalised words after a demonym or country that make it the state ("the Japanese Government")
_GOVERNMENT_NOUNS = frozenset("Government Cabinet Administration Ministry Parliament Authorities".split())
# words in a bare name that make it an organisation rather than a person
ORGANISATION_WORDS = frozenset(
    "Council Committee Commission Union Ministry Parliament Government Bank Fund Agency Organisation "
    "Organization Group Forum Association Alliance Court Assembly Party Company Corporation Corp Inc Ltd "
    "Institute University Office Department Authority Board Secretariat Federation Bloc Community".split()
)
# Capitalised only because they start a sentence (or a heading): function words, time words.
_FUNCTION_WORDS = frozenset(
    "the a an this that these those it its in at on near outside inside within across during after before "
    "since until for from with without by to of and but or nor so yet as if when while where whereas "
    "although though because including despite according under over between among amid against "
    "meanwhile however also still now then today yesterday tomorrow earlier later last next both each "
    "every some many most several all such other another he she they we i you our their his her my your "
    "there here what which who whom whose how why separately together once only even just not no yes "
    "due under upon via per thus hence instead indeed asked speaking those".split()
) | frozenset(
    # plural nouns that open sentences as subjects: "Officials signed the paperwork"
    "officials leaders negotiators diplomats ministers lawmakers delegates representatives analysts critics "
    "authorities governments countries nations partners allies members investors sources observers officers "
    "troops soldiers residents experts".split()
)
_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
# joining words allowed inside a capitalised name ("Bank of Japan", "Ursula von der Leyen")
_CONNECTORS = frozenset("of the and de del della di da von van der den la le du dos das bin ibn al el".split())
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


@dataclass(frozen=True)
class Mention:
    """A name in the text and what it stands for. Offsets index the document's text."""

    start: int
    end: int
    kind: MentionKind
    text: str                           # the words as written, without a possessive 's
    name: str                           # canonical: country or place name, organisation, person's full name
    country: str | None = None          # ISO alpha-2 it stands for or belongs to
    organisation: Organisation | None = None
    possessive: bool = False            # written "Japan's", "Ukraine's"

    @property
    def is_place(self) -> bool:
        return self.kind in ("country", "capital", "place")

    def party(self) -> Party | None:
        """The party this mention stands for when it signs; None for places and other names."""
        if self.kind in ("country", "capital", "demonym") and self.country:
            return Party(name=country_name(self.country), type="country", country=self.country)
        if self.kind == "organisation":
            return Party(name=self.name, type="organisation", country=None)
        if self.kind == "person":
            return Party(name=self.name, type="person", country=self.country)
        if self.kind == "name":
            is_body = any(word in ORGANISATION_WORDS for word in self.text.split())
            return Party(name=self.text, type="organisation" if is_body else "person", country=None)
        return None


class Token(NamedTuple):
    """A word or punctuation mark (a named tuple: a text has a thousand of them, made quickly)."""

    start: int
    end: int
    text: str
    lower: str   # the text in lower case, as the phrase patterns compare it (kept: they ask often)


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The word and punctuation tokens of text[start:end], possessive 's split off as its own token."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group(0)
        word_start, word_end = match.span()
        if len(word) > 2 and word.endswith(_POSSESSIVE):
            cut = word_end - 2
            found.append(Token(word_start, cut, word[:-2], word[:-2].lower()))
            found.append(Token(cut, word_end, word[-2:], word[-2:].lower()))
        else:
            found.append(Token(word_start, word_end, word, word.lower()))
    return found


def mentions(doc: Document) -> tuple[Mention, ...]:
    """Every named mention in the document, in text order (found once per text)."""
    return _mentions(doc.norm)


def country_name(code: str) -> str:
    from ..gazetteer import get_place

    try:
        return get_place(f"country:{code}").name
    except KeyError:
        return code


# --- people's names -------------------------------------------------------------------------------


def fold_name(name: str) -> str:
    """Lower case ASCII letters and spaces: 'Zelenskyy' -> 'zelenskyy', 'Selenskyj' -> 'selenskyj'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}))
    return " ".join("".join(ch if ch.isalpha() else " " for ch in plain if ch.isascii()).split())


_DIGRAPHS = (("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ch", "h"), ("ph", "f"), ("ck", "k"), ("x", "ks"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "z": "s", "w": "v", "j": "i", "y": "i"})


@lru_cache(maxsize=4096)
def phonetic_key(name: str) -> str:
    """A key under which Latin-script spellings of one name agree.

    Diacritics folded; tsch/sch/kh/ch/ph/ck/x read as one sound; s=z, i=y=j, k=c=q, v=w;
    double letters once; vowels dropped after the first letter. 'Zelensky', 'Zelenskyy',
    'Zelenskiy', 'Zelenskij' and 'Selenskyj' are all 'slnsk'.
    """
    letters = fold_name(name).replace(" ", "")
    for written, sound in _DIGRAPHS:
        letters = letters.replace(written, sound)
    letters = letters.translate(_LETTERS)
    collapsed = "".join(ch for index, ch in enumerate(letters) if index == 0 or ch != letters[index - 1])
    return collapsed[:1] + "".join(ch for ch in collapsed[1:] if ch not in "aeiou")


def is_office(name: str) -> bool:
    """Whether a person's name is only their office: 'President of Kenya', 'Prime Minister'."""
    office = name.split(" of ")[0].split()
    return bool(office) and all(word in _TITLE_WORDS for word in office)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    words = fold_name(name).split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return phonetic_key(a) == phonetic_key(b) or fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def same_person(a: str, b: str) -> bool:
    """Whether two written names are one person: surnames agree in spelling or sound, and given
    names, when both give them, agree or one is the other's initial ('V. Zelensky')."""
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b or not _same_word(words_a[-1], words_b[-1]):
        return False
    given_a, given_b = words_a[:-1], words_b[:-1]
    if not given_a or not given_b:
        return True
    first_a, first_b = given_a[0], given_b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return _same_word(first_a, first_b) or fuzz.ratio(first_a, first_b) >= 80.0


# --- finding mentions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One piece of a capitalised run: a known name, a title word, or an unknown word."""

    first: int   # index of its first token in the run
    last: int    # index of its last token
    kind: str    # country | capital | place | demonym | organisation | title | government | suffix | unknown
    name: str = ""
    country: str | None = None
    organisation: Organisation | None = None


@lru_cache(maxsize=8)
def _tokens_and_sentences(norm: str) -> tuple[list[Token], list[tuple[int, int]]]:
    """The text's tokens and its sentences' spans, read once for its mentions and its sentences' elements."""
    return tokens_of(norm), split_sentences(norm)


@lru_cache(maxsize=8)
def _mentions(norm: str) -> tuple[Mention, ...]:
    tokens, sentences = _tokens_and_sentences(norm)
    sentence_starts = {start for start, _ in sentences}
    found: list[Mention] = []
    for run in _runs(norm, tokens, sentence_starts):
        found.extend(_read_run(norm, run))
    found = _join_government_words(norm, found)
    found = _join_lower_case_titles(norm, found)
    return tuple(_refer_back(found))


def _runs(norm: str, tokens: list[Token], sentence_starts: set[int]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised words joined by single spaces (and by the connectors of names)."""
    run: list[Token] = []
    pending: list[Token] = []   # connectors seen since the run's last capitalised word
    for token in tokens:
        if _is_name_word(norm, token, sentence_starts):
            previous = pending[-1] if pending else (run[-1] if run else None)
            joined = previous is not None and _single_space(norm, previous.end, token.start)
            if run and joined and not _ends_run(run[-1]):
                run.extend(pending)
                run.append(token)
            else:
                if run:
                    yield run
                run = [token]
            pending = []
            continue
        if run and not pending and token.text in ("'s", "'S") and token.start == run[-1].end:
            run.append(token)
            yield run
            run = []
            continue
        if run and token.lower in _CONNECTORS and not _ends_run(run[-1]) and len(pending) < 2:
            last = pending[-1] if pending else run[-1]
            if _single_space(norm, last.end, token.start):
                pending.append(token)
                continue
        if run:
            yield run
        run, pending = [], []
    if run:
        yield run


def _ends_run(token: Token) -> bool:
    return token.text in ("'s", "'S")


def _single_space(norm: str, end: int, start: int) -> bool:
    return 1 <= start - end <= 2 and norm[end:start].strip(" \t") == ""


def _is_name_word(norm: str, token: Token, sentence_starts: set[int]) -> bool:
    text, lower = token.text, token.lower
    if not text[:1].isupper() or text in ("'s", "'S"):
        return False
    if lower in _DAYS_AND_MONTHS:
        return False
    if _opens_sentence(norm, token, sentence_starts) and lower in _FUNCTION_WORDS:
        return False
    if _opens_sentence(norm, token, sentence_starts) and lower.endswith(("ing", "ly", "ed")):
        # "Including ...", "Separately ...": a word that is not a name, unless the gazetteer knows it (Italy)
        return bool(_known(text))
    return True


# what may stand between a line's start and its first word: quotes, brackets, emphasis, and the
# marks of list items, quotes and headings when a draft is not read as markdown ("- In Rome, ...")
_LEAD_IN = frozenset("\"'([*_-+># \t.0123456789")


def _opens_sentence(norm: str, token: Token, sentence_starts: set[int]) -> bool:
    start = token.start
    while start not in sentence_starts and start > 0 and norm[start - 1] != "\n":
        if norm[start - 1] not in _LEAD_IN:
            return False
        start -= 1
    return True


def _read_run(norm: str, run: list[Token]) -> Iterator[Mention]:
    possessive = _ends_run(run[-1])
    words = run[:-1] if possessive else run
    items = _segment(norm, words)
    # "and" joins two names unless a known name spans it ("Bosnia and Herzegovina")
    group: list[_Item] = []
    for item in items:
        if group and any(words[i].lower == "and" for i in range(group[-1].last + 1, item.first)):
            yield from _interpret_group(norm, words, group, False)
            group = []
        group.append(item)
    yield from _interpret_group(norm, words, group, possessive)


def _interpret_group(norm: str, words: list[Token], items: list[_Item], possessive: bool) -> Iterator[Mention]:
    first, last = items[0].first, items[-1].last
    if first:   # a later group of the run: its items count from the group's first word
        items = [replace(item, first=item.first - first, last=item.last - first) for item in items]
    yield from _interpret(norm, words[first : last + 1], items, possessive)


def _segment(norm: str, words: list[Token]) -> list[_Item]:
    """Longest known names first, left to right; connectors between names are dropped."""
    items: list[_Item] = []
    index = 0
    while index < len(words):
        if words[index].lower in _CONNECTORS and not words[index].text[:1].isupper():
            index += 1
            continue
        item = None
        for last in range(min(len(words), index + MAX_NAME_WORDS) - 1, index - 1, -1):
            if words[last].lower in _CONNECTORS and not words[last].text[:1].isupper():
                continue
            item = _lookup(norm[words[index].start : words[last].end], index, last)
            if item is not None:
                break
        if item is None:
            item = _Item(index, index, _word_kind(words[index].text))
        items.append(item)
        index = item.last + 1
    return items


def _word_kind(word: str) -> str:
    if word in _TITLE_WORDS:
        return "title"
    if word in _GOVERNMENT_NOUNS:
        return "government"
    if word in _PLACE_SUFFIXES:
        return "suffix"
    return "unknown"


@lru_cache(maxsize=65536)
def _known(phrase: str) -> tuple[str, str, str | None, Organisation | None] | None:
    """What a phrase names: (kind, canonical name, country, organisation), or None."""
    from ..gazetteer import country_code, is_capital, lookup_places, organisation

    found = organisation(phrase)
    if found is not None:
        return ("organisation", found.name, None, found)
    places = lookup_places(phrase)
    if places:
        # a country wins over the cities and regions sharing its name ("Georgia", "Luxembourg")
        country = next((place for place in places if place.level == "country"), None)
        if country is not None:
            return ("country", country.name, country.country, None)
        capital = is_capital(phrase)
        if capital:
            return ("capital", places[0].name, capital, None)
        if places[0].level == "city" and places[0].population < MINOR_PLACE_POPULATION:
            return ("minor", places[0].name, places[0].country, None)
        return ("place", places[0].name, places[0].country, None)
    code = country_code(phrase, codes=False)
    if code:
        return ("demonym", phrase, code, None)
    return None


def _lookup(phrase: str, first: int, last: int) -> _Item | None:
    if first == last and phrase in _TITLE_WORDS:
        return None
    known = _known(phrase)
    if known is None:
        return None
    kind, name, country, found = known
    return _Item(first, last, kind, name, country, found)


_NAMED = ("country", "capital", "place", "demonym", "organisation")


def _interpret(norm: str, words: list[Token], items: list[_Item], possessive: bool) -> Iterator[Mention]:
    start, end = words[0].start, words[-1].end
    text = norm[start:end]
    kinds = [item.kind for item in items]
    if any(item.kind == "title" and words[item.first].text in _TITLE_HEADS for item in items):
        yield _person_of_title(norm, words, items, possessive)
        return
    if len(items) == 1 and items[0].kind == "minor":
        yield _mention(start, end, "place", text, items[0], possessive)
        return
    items = [replace(item, kind="unknown") if item.kind == "minor" else item for item in items]
    kinds = [item.kind for item in items]
    named = [item for item in items if item.kind in _NAMED]
    if len(items) == 1 and named:
        yield _mention(start, end, named[0].kind, text, named[0], possessive)
        return
    if len(named) == 1 and items[0] is named[0] and set(kinds[1:]) in ({"suffix"}, {"government"}):
        # a place with its type ("Kyiv Oblast"), a state with its government ("the Japanese Government")
        only = named[0]
        if kinds[-1] == "government" and only.kind in ("country", "capital", "demonym"):
            yield _mention(start, end, "country", text, only, possessive)
        elif kinds[-1] == "suffix" and only.kind in ("country", "capital", "place"):
            yield _mention(start, end, "country" if only.kind == "country" else "place", text, only, possessive)
        else:
            yield Mention(start, end, "other", text, text, possessive=possessive)
        return
    if named or len(words) > MAX_PERSON_WORDS:
        # the name of something else that holds a known name: "Munich Security Conference", "G7 Summit"
        yield Mention(start, end, "other", text, text, possessive=possessive)
        return
    yield Mention(start, end, "name", text, text, possessive=possessive)


def _mention(start: int, end: int, kind: str, text: str, item: _Item, possessive: bool) -> Mention:
    name = item.name if kind != "demonym" else text
    return Mention(start, end, kind, text, name, item.country, item.organisation, possessive)  # type: ignore[arg-type]


def _person_of_title(norm: str, words: list[Token], items: list[_Item], possessive: bool) -> Mention:
    """'Ukrainian President Volodymyr Zelensky', 'President of Ukraine', 'Prime Minister Kishida'.

    The title is the last title word that can stand alone, with the title words around it
    ('Prime Minister', 'Secretary of State'); the unknown words after it are the name; a country
    or demonym just before it, or after 'of' when no name follows, is the person's country."""
    heads = [i for i, item in enumerate(items) if item.kind == "title" and words[item.first].text in _TITLE_HEADS]
    first_title = last_title = heads[-1]
    while first_title > 0 and items[first_title - 1].kind == "title":
        first_title -= 1
    while last_title + 1 < len(items) and items[last_title + 1].kind == "title" and last_title + 1 not in heads:
        last_title += 1
    before, after = items[:first_title], items[last_title + 1 :]
    nationality = before[-1] if before and before[-1].kind in ("country", "capital", "demonym") else None
    after_title = words[items[last_title].last + 1].lower if after else ""
    if after_title == "of" and nationality is None and after[0].kind in ("country", "capital"):
        nationality, name_items, rest = after[0], [], after[1:]     # "President of Ukraine"
    else:
        # the words after a title are a name even where the gazetteer knows them ("Volodymyr", "Antony")
        name_items, rest = after[:MAX_PERSON_WORDS], after[MAX_PERSON_WORDS:]
        if any(item.kind == "organisation" for item in name_items):
            rest = name_items
    start, end = words[0].start, words[-1].end
    name_words = {word.text for word in words[name_items[0].first : name_items[-1].last + 1]} if name_items else set()
    if rest or name_words & ORGANISATION_WORDS:
        # a title inside another name ("UN General Assembly", "the President Hotel"): no person
        return Mention(start, end, "other", norm[start:end], norm[start:end], possessive=possessive)
    country = nationality.country if nationality is not None else None
    if name_items:
        name = norm[words[name_items[0].first].start : words[name_items[-1].last].end]
    else:
        office = norm[words[items[first_title].first].start : words[items[last_title].last].end]
        name = f"{office} of {country_name(country)}" if country else office
    return Mention(start, end, "person", norm[start:end], name, country, possessive=possessive)


def _join_government_words(norm: str, found: list[Mention]) -> list[Mention]:
    """'the Japanese government', "Japan's cabinet": the demonym or country stands for the state."""
    joined: list[Mention] = []
    for mention in found:
        if mention.kind in ("demonym", "country", "capital") and (mention.kind == "demonym" or mention.possessive):
            match = _GOVERNMENT.match(norm, end_of(mention))
            if match:
                mention = replace(mention, end=match.end(), kind="country", text=norm[mention.start : match.end()],
                                  name=country_name(mention.country or ""), possessive=False)
        joined.append(mention)
    return joined


def _join_lower_case_titles(norm: str, found: list[Mention]) -> list[Mention]:
    """A country or demonym before an office gives the office-holder's country: "Japan's Prime
    Minister Fumio Kishida", "Japan's prime minister, Fumio Kishida", 'the Ukrainian president'."""
    joined: list[Mention] = []
    index = 0
    while index < len(found):
        mention = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        index += 1
        nationality = mention.kind == "demonym" or (mention.possessive and mention.kind in ("country", "capital"))
        if not nationality or not mention.country:
            joined.append(mention)
            continue
        after = end_of(mention)
        if following is not None and following.kind == "person" and following.country is None \
                and _single_space(norm, after, following.start):
            name = following.name
            if name == following.text:   # an office without a name: "Japan's Prime Minister"
                name = f"{name} of {country_name(mention.country)}"
            joined.append(replace(following, start=mention.start, text=norm[mention.start : following.end],
                                  name=name, country=mention.country))
            index += 1
            continue
        match = _LOWER_TITLE.match(norm, after)
        if match is None:
            joined.append(mention)
            continue
        gap = norm[match.end() : following.start] if following is not None else "-"
        if following is not None and _may_be_name(following) and gap.strip(" \t") in ("", ","):
            name = following.name if following.kind == "person" else following.text
            joined.append(Mention(mention.start, following.end, "person", norm[mention.start : following.end],
                                  name, mention.country, possessive=following.possessive))
            index += 1
            continue
        office = " ".join(word.capitalize() for word in match.group("title").split())
        end = match.end("title")
        joined.append(Mention(mention.start, end, "person", norm[mention.start : end],
                              f"{office} of {country_name(mention.country)}", mention.country))
    return joined


def end_of(mention: Mention) -> int:
    """Where the mention's words end, after its possessive 's if it has one."""
    return mention.end + 2 if mention.possessive else mention.end


def _may_be_name(mention: Mention) -> bool:
    """A person's name, or words that may be one though the gazetteer knows a word of them."""
    if mention.kind in ("name", "person"):
        return True
    words = mention.text.split()
    return mention.kind == "other" and len(words) <= MAX_PERSON_WORDS and not set(words) & ORGANISATION_WORDS


def _refer_back(found: list[Mention]) -> Iterator[Mention]:
    """A surname (or a spelling of a full name) refers back to a person named earlier in the text,
    among the REMEMBERED_PEOPLE named most recently."""
    known: dict[str, Mention] = {}   # full name -> its latest mention, most recent last
    for mention in found:
        if _may_be_name(mention):
            written = mention.name if mention.kind == "person" else mention.text
            recent = islice(reversed(known.values()), REMEMBERED_PEOPLE)
            earlier = next((person for person in recent if same_person(written, person.name)), None)
            if earlier is not None and len(_name_words(earlier.name)) >= len(_name_words(written)):
                mention = replace(mention, kind="person", name=earlier.name, country=mention.country or earlier.country)
            if mention.kind == "person" and len(_name_words(mention.name)) >= 2 and not is_office(mention.name):
                known.pop(mention.name, None)
                known[mention.name] = mention
        yield mention


# --- sentences as tokens and mentions --------------------------------------------------------------

Element = Mention | Token


def sentence_elements(doc: Document) -> list[list[Element]]:
    """Each sentence as a list of its mentions and the tokens between them (a mention's possessive
    's included in it), for the extractors' phrase patterns."""
    return _sentence_elements(doc.norm)


@lru_cache(maxsize=8)
def _sentence_elements(norm: str) -> list[list[Element]]:
    found = _mentions(norm)
    tokens, spans = _tokens_and_sentences(norm)
    sentences: list[list[Element]] = []
    index = 0
    position = 0    # a sentence starts and ends next to blanks, which no token holds: its tokens are the text's
    for start, end in spans:
        while position < len(tokens) and tokens[position].start < start:
            position += 1
        first = position
        while position < len(tokens) and tokens[position].start < end:
            position += 1
        elements: list[Element] = []
        covered = start
        for token in tokens[first:position]:
            while index < len(found) and found[index].start < token.start:
                index += 1   # a mention the sentence split cut through
            if token.start < covered:
                continue
            if index < len(found) and found[index].start == token.start:
                mention = found[index]
                elements.append(mention)
                covered = end_of(mention)
                index += 1
                continue
            elements.append(token)
        sentences.append(elements)
    return sentences


def is_function_word(word: str) -> bool:
    """Whether a capitalised word is a function or time word ('The', 'However', 'Officials') and no name."""
    return word.lower() in _FUNCTION_WORDS or word.lower() in _DAYS_AND_MONTHS


def is_word(element: Element | None, words: frozenset[str] | set[str]) -> bool:
    """Whether the element is a plain token among `words` (compared in lower case)."""
    return isinstance(element, Token) and element.lower in words
