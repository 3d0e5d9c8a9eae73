"""Name claims: the people and organisations a text names.

Built on `extractors.entities`, which finds every capitalised name once per text and says what
it stands for. A name claim is made of:
- a person: a full name (`Sara Hill`), a surname alone (`Hill`, referring back to the full name
  when the text gave it, a name in its own right otherwise), with its title or role before it,
  capitalised or not (`Mayor Sara Hill`, `Ukrainian President Volodymyr Zelensky`, `the finance
  minister, Ann Cole`, `Acme's chief executive Tom Green`, `NATO chief Jens Stoltenberg`, `coach
  Erik Lund`), or after it (`Ann Cole, chief executive of Acme`), and its age (`Hill, 55`,
  `Tom Green, aged 41`, `the 55-year-old Hill`);
- an organisation: one the gazetteer knows (`NATO`, `the IMF`, `International Monetary Fund`),
  a name holding an organisation word (`Acme Ltd`, `Harbour City FC`, `Green Party`, `Ministry of
  Defence`, `Oxford University`: data/names/organisation_words.txt and `ORGANISATION_WORDS`), or an
  acronym (`AFP`).
Not names: countries and places (those are `signatory` and `location` claims), an office without
a name (`Japan's prime minister`), the title of a work or a heading (`Bridging the Gap`: a bare name
joined by `of`, `the` or `and`, or a line in Title Case), words that are capitalised only because
they open a sentence (`Photos showed ...`: a single word there is a name only when a speech verb or a
possessive follows, or when the text writes it capitalised elsewhere too), and the capitalised terms
of data/names/not_names.txt (`CEO`, `GDP`, `EBITDA`).

Names are claimed only where no earlier extractor claimed the words: a person who is a party to a
signing (`Zelensky signed`) stays in the signatory claim, and the name judge reads the source's
signatory parties as names too. A name claim's words take its title and its age when no earlier
claim holds them, else the name alone.

The value: the name (the full name a surname refers back to; an organisation the gazetteer knows
by its canonical name), its type, the title as written (`Ukrainian President`, `former mayor of
Springfield`, `Acme's chief executive`) and the age.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from typing import Literal

from ..models import Claim, NameValue
from ..text import Document, alternation
from .base import Options, make_claim
from .entities import ORGANISATION_WORDS, Mention, is_function_word, is_office, mentions, same_person

NameType = Literal["person", "organisation"]


@dataclass(frozen=True)
class Title:
    phrase: str       # as listed, in lower case
    office: str
    group: str        # titles of one group and different offices conflict; "" never does
    one_holder: bool  # one person holds the office at a time in a place or an organisation
    needs_of: bool = False   # ... compared only where both sides say of what ("Conservative leader")


# --- the word lists ------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    text = resources.files("factcheck").joinpath("data", "names", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def titles() -> dict[str, Title]:
    """Every title of data/names/titles.tsv by its phrase in lower case."""
    found: dict[str, Title] = {}
    for line in _data_lines("titles.tsv")[1:]:   # after the header row
        phrase, office, group, one_holder = line.split("\t")
        found[phrase] = Title(phrase, office, group, one_holder in ("yes", "of"), one_holder == "of")
    return found


@functools.cache
def modifiers() -> frozenset[str]:
    """Words that make a title a past or future one: 'former', 'outgoing'."""
    return frozenset(_data_lines("modifiers.tsv"))


@functools.cache
def organisation_words() -> frozenset[str]:
    return ORGANISATION_WORDS | frozenset(_data_lines("organisation_words.txt"))


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(_data_lines("not_names.txt"))


@functools.cache
def _not_person_words() -> frozenset[str]:
    return frozenset(_data_lines("not_person_words.txt"))


@functools.cache
def _title_source() -> str:
    return alternation(sorted(titles()))


@functools.cache
def _title_in() -> re.Pattern[str]:
    """A title anywhere in a phrase, as a whole word."""
    return re.compile(rf"(?<![\w-])(?:{_title_source()})(?![\w-])", re.IGNORECASE)


_MODIFIER = r"(?i:former|ex-|then-|late|outgoing|incoming|would-be|acting|interim)[ \t]+"
_ARTICLE = r"(?i:the|a|an)[ \t]+"
# capitalised words that own a title: "Acme's", "NATO", "Springfield", "the club's"
_OWNER = (r"(?:(?:the[ \t]+)?(?!(?i:the|a|an)[ \t])[A-Z][\w&-]{0,30}(?:[ \t]+[A-Z][\w&-]{0,30}){0,3}(?:'s)?[ \t]+"
          r"|(?:the[ \t]+)?[a-z]{2,20}'s[ \t]+)")
# what a title is of: "of Springfield", "for the ministry", "at Acme"
_OF = r"(?:[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?[\w&'-]{1,30}(?:[ \t]+[\w&'-]{1,30}){0,3}?)"


@functools.cache
def _titles() -> str:
    """Any title, in any case."""
    return f"(?i:{_title_source()})"


@functools.cache
def _role_before() -> re.Pattern[str]:
    """A role just before a name, ending where the name starts: 'the finance minister, ',
    "Acme's chief executive ", 'the 55-year-old mayor ', 'NATO chief '."""
    return re.compile(
        rf"(?:{_ARTICLE})?(?:(?P<age>\d{{1,3}})-year-old[ \t]+)?(?P<title>{_OWNER}?(?:{_MODIFIER})?"
        rf"{_titles()}{_OF}?),?[ \t]+\Z"
    )


_AGE_BEFORE = re.compile(r"(?i:the|a|an)[ \t]+(?P<age>\d{1,3})-year-old[ \t]+\Z")
_AGE_AFTER = re.compile(
    r",[ \t]+(?:aged[ \t]+)?(?P<age>\d{1,3})(?=[ \t]*[,.;:)]|[ \t]*\Z|[ \t]+(?:and|who|is|was|has|had|said|says)\b)"
)


@functools.cache
def _role_after() -> re.Pattern[str]:
    """A role just after a name (and its age): ', the mayor of Springfield', ', chief executive of Acme'."""
    return re.compile(
        rf",[ \t]+(?:{_ARTICLE})?(?P<title>(?:{_MODIFIER})?(?:[A-Z][\w-]{{1,30}}[ \t]+){{0,2}}{_titles()}"
        rf"(?:[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?[A-Z][\w&'-]{{0,30}}(?:[ \t]+[A-Z][\w&'-]{{0,30}}){{0,3}})?)(?![\w-])"
    )


# --- claims ------------------------------------------------------------------------------------

_SPEECH_VERBS = frozenset(
    "said says told added wrote announced argued insisted noted explained warned claimed stated tweeted "
    "posted confirmed denied reported".split()
)
# joining words that make a bare capitalised name the title of a work, not a person
_TITLE_OF_WORK = frozenset("of the and for on in to with a an".split())
_LEAD_IN = " \t\"'([*_-#>"
# the words read around a name for its role and age
_WINDOW = 90


@dataclass(frozen=True)
class _Candidate:
    spans: tuple[tuple[int, int], ...]   # the claim's words, widest first
    value: NameValue


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    for candidate in _widest_candidates(doc):
        for start, end in candidate.spans:
            if not doc.is_taken(start, end):
                yield make_claim(doc, "name", start, end, candidate.value)
                break


# the candidates of the last few texts: a run checks many drafts against one source
_KEPT: dict[str, list[_Candidate]] = {}
_KEPT_TEXTS = 8


def _widest_candidates(doc: Document) -> list[_Candidate]:
    """The names of a text (they depend on its words alone), found once for each of the last few texts."""
    kept = _KEPT.get(doc.norm)
    if kept is not None:
        return kept
    found = list(_candidates(doc))
    # a name inside a wider one ("NATO" in "NATO chief Jens Stoltenberg") is that one's title
    # (candidates come in text order, and a wider one reaches back only over the names just before it)
    widest = [c for i, c in enumerate(found)
              if not any(_inside(c.spans[-1], o.spans[0]) for o in found[i + 1 : i + 4])]
    if len(_KEPT) >= _KEPT_TEXTS:
        del _KEPT[next(iter(_KEPT))]
    _KEPT[doc.norm] = widest
    return widest


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def _candidates(doc: Document) -> Iterator[_Candidate]:
    norm = doc.norm
    named = [_written_in_full(doc, _without_opening_word(doc, mention)) for mention in mentions(doc)]
    capitalised_inside = {m.text for m in named if not _opens_sentence(doc, m)}
    people: list[str] = []   # full names of the people named so far, for a surname to refer back to
    for mention in named:
        body = None
        if (split := _person_of_body(mention)) is not None:
            mention, body = split
        kind = _name_type(doc, mention, capitalised_inside)
        if kind is None:
            continue
        if mention.text.endswith(_LOWER_FORMS):
            kind = "organisation"
        title, name, start = _title_in_mention(mention)
        if kind == "person":
            name = _refer_back(_without_place(name), people)
        before = norm[max(0, start - _WINDOW) : start]
        role = _role_before().search(before) if title is None and _title_ends_near(norm, start) else None
        age: int | None = None
        wide_start = start
        if role is not None and kind != "organisation":
            title = " ".join(role.group("title").split())
            wide_start = start - len(before) + role.start("title")
            age = int(role.group("age")) if role.group("age") else None
        elif kind == "person" and "-year-old" in before[-30:] and (young := _AGE_BEFORE.search(before)):
            age = int(young.group("age"))
            wide_start = start - len(before) + young.start("age")
        end = mention.end
        wide_end = end
        if kind == "person":
            after = norm[end : end + _WINDOW]
            aged = _AGE_AFTER.match(after)
            if aged is not None:
                age = age if age is not None else int(aged.group("age"))
                wide_end = end + aged.end()
            honorific = title is not None and not (office := office_of(title)) is None and not office.title.group \
                and office.title.office in ("honorific", "doctor")
            if (title is None or honorific) and (later := _role_after().match(norm, wide_end)) is not None:
                title = " ".join(later.group("title").split())
                wide_end = later.end()
        if kind == "person" and (is_office(name) or title is not None and _names_an_office(mention.text, title)):
            continue
        if body is not None and title is not None:
            title = f"{title} of {body}"
        value = NameValue(name=name, type=kind, title=title, age=age if age and age < 130 else None)
        spans = ((wide_start, wide_end), (wide_start, end), (mention.start, end))
        yield _Candidate(tuple(dict.fromkeys(spans)), value)


# company forms written in lower case after a name ("Northwind plc"), and initials before one ("J. Ferreira")
_LOWER_FORM = re.compile(r"[ \t]+(?P<form>plc|inc\.|ltd\.)(?!\w)")
_LOWER_FORMS = (" plc", " inc.", " ltd.")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}\Z")


def _written_in_full(doc: Document, mention: Mention) -> Mention:
    """A name with its initials before it or its company form in lower case after it."""
    if mention.kind not in ("name", "person", "other"):
        return mention
    start, end = mention.start, mention.end
    initials = _INITIALS.search(doc.norm, max(0, start - 8), start)
    if initials is not None and mention.kind != "other" and " " not in mention.text:
        start = initials.start()
    form = _LOWER_FORM.match(doc.norm, end) if not mention.possessive else None
    if form is not None:
        end = form.end()
    if (start, end) == (mention.start, mention.end):
        return mention
    text = doc.norm[start:end]
    return replace(mention, start=start, end=end, text=text, name=text)


def _without_place(name: str) -> str:
    """'Ann Cole of Springfield' is Ann Cole (of a place the gazetteer knows)."""
    person, of, place = name.partition(" of ")
    if not of or not person:
        return name
    from ..gazetteer import lookup_places

    return person if lookup_places(place) else name


_PERSON_OF = re.compile(r"(?P<person>[A-Z][\w'-]{1,30}(?:[ \t]+[A-Z][\w'-]{1,30}){1,2})[ \t]+of[ \t]+(?:the[ \t]+)?(?P<body>.+)")


def _person_of_body(mention: Mention) -> tuple[Mention, str] | None:
    """'Ann Cole of Acme Ltd': a person of an organisation, read as a run of one name by the finder;
    the person's mention and the body, which qualifies their title."""
    if mention.kind not in ("name", "other"):
        return None
    match = _PERSON_OF.fullmatch(mention.text)
    if match is None:
        return None
    person, body = match.group("person"), match.group("body")
    if any(word in organisation_words() or word.lower() in titles() for word in person.split()):
        return None
    if not any(word in organisation_words() for word in body.split()) and not _known_body(body):
        return None
    end = mention.start + len(person)
    return replace(mention, end=end, text=person, name=person, kind="name", possessive=False), body


def _refer_back(name: str, people: list[str]) -> str:
    """A surname alone stands for the full name given last with it ('Hill' after 'Sara Hill')."""
    if " " in name:
        if not is_office(name):
            people.append(name)
        return name
    return next((full for full in reversed(people) if _same_person(name, full)), name)


@functools.lru_cache(maxsize=65536)   # a text names the same few people again and again
def _same_person(a: str, b: str) -> bool:
    return same_person(a, b)


_OPENING_WORD = re.compile(r"(?P<word>[A-Z][a-z]{2,30})[ \t]+(?:of|for|at|in)[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def _without_opening_word(doc: Document, mention: Mention) -> Mention:
    """'Employees of the European Commission' opening a sentence is the European Commission's
    employees: a common word before `of` is no part of the name."""
    if mention.kind not in ("name", "other") or not _opens_sentence(doc, mention):
        return mention
    match = _OPENING_WORD.match(mention.text)
    if match is None or not _common_word(doc, match.group("word")):
        return mention
    start = mention.start + match.end()
    text = mention.text[match.end() :]
    return replace(mention, start=start, text=text, name=text)


def _names_an_office(text: str, title: str) -> bool:
    """'Minister of Foreign Affairs': the words after a title say what it is of, and name no one."""
    return text[len(title) :].lstrip(" ,").startswith(("of ", "for "))


def _title_in_mention(mention: Mention) -> tuple[str | None, str, int]:
    """The title written inside a mention ('Mayor Sara Hill', 'Coach Tom Green'), the name, and where the mention starts."""
    text = mention.text
    last = None
    for match in _title_in().finditer(text):
        if text[match.end() :].strip():
            last = match
    if mention.kind == "organisation":
        return None, mention.name, mention.start
    if last is not None:
        written = text[last.end() :].strip(" ,")
        name = mention.name if mention.kind == "person" and mention.name != mention.text else written
        return " ".join(text[: last.end()].split()), name, mention.start
    if mention.kind == "person" and text.endswith(mention.name) and text != mention.name:
        return " ".join(text[: -len(mention.name)].split()) or None, mention.name, mention.start
    return None, mention.name if mention.kind == "person" else text, mention.start


def _name_type(doc: Document, mention: Mention, capitalised_inside: set[str]) -> NameType | None:
    """Whether a mention names a person or an organisation (None: a place, an office, no name)."""
    if mention.kind == "organisation":
        return "organisation"
    if mention.kind == "person":
        return None if is_office(mention.name) else "person"
    if mention.kind not in ("name", "other"):
        return None
    text = mention.text
    words = text.split()
    if len(text) < 2 or text in _not_names() or words[0] in _not_names() or is_function_word(words[0]) \
            or _in_heading(doc, mention):
        return None
    if any(word in organisation_words() for word in words):
        return "organisation" if len(words) > 1 or text.isupper() else None
    if len(words) > 4 or any(word in _not_person_words() for word in words):
        return None
    if mention.kind == "other":
        # a name holding a known word: a person's unless the word is a country or a body ("Japan Times")
        return None if any(_is_country_word(word) or _known_body(word) for word in words) else "person"
    if re.fullmatch(r"[A-Z][A-Z&]{1,5}", text):
        return "organisation"
    if any(word in _TITLE_OF_WORK for word in words) or any(not word[:1].isupper() and not word[:1].islower() for word in words):
        return None
    if "-" in text and all(_is_country_word(part) for part in text.split("-")):
        return None    # "Polish-Ukrainian": countries, not a name
    if len(words) == 1 and _opens_sentence(doc, mention) and text not in capitalised_inside \
            and not _cued(doc, mention) and (_common_word(doc, text) or _aside(doc, mention)):
        return None
    return "person"


def _aside(doc: Document, mention: Mention) -> bool:
    """A word opening a sentence before a comma or a joining word ('Furthermore,', 'Prior to'):
    a name there has its age or role after the comma ('Hill, 55,'), which `_cued` reads."""
    following = doc.norm[mention.end : mention.end + 20].split()
    return not following or following[0].startswith(",") or following[0].lower() in _TITLE_OF_WORK


def _cued(doc: Document, mention: Mention) -> bool:
    """A possessive, a speech verb or an age after a word: 'Hill said', "Hill's plan", 'Hill, 55,'."""
    following = doc.norm[mention.end : mention.end + 20]
    words = following.split()
    return mention.possessive or bool(words and words[0].lower().strip(",.") in _SPEECH_VERBS) \
        or _AGE_AFTER.match(following) is not None


def _common_word(doc: Document, word: str) -> bool:
    """Whether a capitalised word opening a sentence reads as a common word there: a plural or a
    participle ('Photos', 'Including', 'Reportedly'), or a word the text writes in lower case too."""
    lower = word.lower()
    return lower.endswith(("s", "ing", "ed", "ly")) or lower in _lower_case_words(doc.norm)


@functools.lru_cache(maxsize=8)
def _lower_case_words(norm: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w-])[a-z][\w'-]{0,40}", norm))


# how far before a name its title may end ("the chief executive of the company, Ann Cole")
_TITLE_REACH = 50


def _title_ends_near(norm: str, start: int) -> bool:
    """Whether a title ends shortly before `start`: the role pattern is tried only there."""
    ends = _title_ends(norm)
    at = bisect.bisect_left(ends, start - _TITLE_REACH)
    return at < len(ends) and ends[at] <= start


@functools.lru_cache(maxsize=8)
def _title_ends(norm: str) -> list[int]:
    """Where each title of the text ends, in order: found in one pass over the text."""
    return [match.end() for match in _title_in().finditer(norm)]


def _known_body(word: str) -> bool:
    from ..gazetteer import organisation

    return organisation(word) is not None


def _is_country_word(word: str) -> bool:
    from ..gazetteer import country_code

    return bool(country_code(word, codes=False))


def _opens_sentence(doc: Document, mention: Mention) -> bool:
    """Whether a mention stands first in its sentence, or after a closing bracket or a colon
    (sentence splitting keeps "(...) Critics were ..." together)."""
    start, _ = doc.sentence_at(mention.start)
    before = doc.norm[start : mention.start].rstrip(_LEAD_IN)
    return not before or before[-1] in ".!?:)"


def _in_heading(doc: Document, mention: Mention) -> bool:
    """A line in Title Case without a full stop: a heading, whose capitals name nothing."""
    return _headings(doc.norm)[bisect.bisect_right(_line_starts(doc.norm), mention.start) - 1]


@functools.lru_cache(maxsize=8)
def _line_starts(norm: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", norm)]


@functools.lru_cache(maxsize=8)
def _headings(norm: str) -> list[bool]:
    """Whether each line of the text is a heading: read once for the text, each line once."""
    starts = _line_starts(norm)
    ends = [start - 1 for start in starts[1:]] + [len(norm)]
    return [_is_heading(norm[start:end].strip()) if len(norm) - start and end - start < 200 else False
            for start, end in zip(starts, ends)]


def _is_heading(line: str) -> bool:
    if not line or line[-1] in ".!?\"':;,)":
        return False
    words = [word for word in re.findall(r"[^\W\d_][\w'-]*", line) if len(word) > 3]
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


# --- reading a title ------------------------------------------------------------------------------


# the legal forms of companies: "Acme Ltd" is Acme
COMPANY_FORMS = frozenset(
    "ltd limited inc incorporated plc llc llp co corp corporation company group holdings gmbh ag sa nv fc afc cf".split()
)


@dataclass(frozen=True)
class Office:
    """What a written title says: the office, whether it is held now, and what it is of."""

    title: Title
    current: bool
    of: frozenset[str]   # the words (countries as ISO codes) naming the place or body of the office


@functools.lru_cache(maxsize=4096)
def office_of(written: str | None) -> Office | None:
    """The office a written title names: 'Ukrainian President' -> president of UA; 'former mayor of
    Springfield' -> mayor (not current) of springfield; 'Mr' -> an honorific; None for no known title."""
    if not written:
        return None
    matches = list(_title_in().finditer(written))
    if not matches:
        return None
    last = matches[-1]
    title = titles()[" ".join(last.group(0).lower().split())]
    before = written[: last.start()].lower()
    current = not any(word.strip("-") in modifiers() for word in re.findall(r"[\w-]+", before))
    rest = (written[: last.start()] + " " + written[last.end() :]).replace("'s", " ")
    of: set[str] = set()
    for word in re.findall(r"[^\W\d_][\w&-]*", rest):
        if word.lower() in _TITLE_OF_WORK or word.lower().strip("-") in modifiers() or word.lower() in ("acting", "interim"):
            continue
        if word.lower() in titles() or not word[:1].isupper() or word.lower() in COMPANY_FORMS:
            continue   # "the city's chief executive": the article's own city; "Acme Ltd" is Acme
        of.add(_country_or_word(word))
    return Office(title, current, frozenset(of))


@functools.lru_cache(maxsize=4096)
def _country_or_word(word: str) -> str:
    from ..gazetteer import country_code

    return country_code(word, codes=False) or word.casefold()
