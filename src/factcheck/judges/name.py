"""Judging names: is the person or organisation the draft names one the source names, with the
same title and age?

Names are aligned by identity, not by the words around them (`identify`, which align.py calls
for this kind): the source's names are its name facts and the people and organisations among
its signatory parties (a party's title read from the fact's words).

- the same identity: a person by `entities.same_person` (a surname after a first mention or on its
  own, spelling and transliteration variants, diacritics, initials); an organisation by its
  folded name without company forms (`Acme Ltd` = `Acme`), the gazetteer's aliases
  (`International Monetary Fund` = `IMF`) or the initials of its words (`WFP` = `World Food
  Programme`);
- contradicted: the draft gives an office that one person holds at a time (data/names/titles.tsv,
  `one_holder`) to someone other than the source's holder (`Mayor Tom Green` where the source's
  mayor is Sara Hill), when the source names one holder of it (of the same place or body where
  both say which; for a leader or a chief, both must say which: `Conservative leader`); the draft's title conflicts with every title the source gives that person
  (same group of offices, different office: `Prime Minister Macron` against `President Macron`);
  the draft's age disagrees with the source's;
- not_found: the source never names them; or the draft says more than the source does: an office
  the source does not give them, an age the source does not give, a former office for a current
  one or the reverse;
- supported otherwise. A title merely different is no conflict: an honorific (`Mr Macron`),
  titles of different groups (`chief executive` against `chairman`), a role without a group
  (`spokesperson`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..extractors.entities import fold_name, same_person
from ..extractors.name import COMPANY_FORMS, Office, office_of
from ..models import Claim, NameValue, SignatoryValue, Verdict
from .context import JudgeContext

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class _Named:
    """A person or organisation the source names, in one of its facts."""

    name: str
    type: str
    office: Office | None
    title: str | None
    age: int | None
    fact: Claim


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    """The claim against the names of one fact of the source: see the module doc."""
    verdict, reason, _ = _judge(_value(claim), _named_in(fact))
    return verdict, reason


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone."""
    return compare(claim, fact, context)[0]


def describe(value: NameValue) -> str:
    """'Mayor Sara Hill, 55', 'IMF'."""
    text = f"{value.title} {value.name}" if value.title else value.name
    return f"{text}, {value.age}" if value.age is not None else text


def identify(claim: Claim, facts: Sequence[Claim]) -> tuple[Claim | None, Verdict, str]:
    """The source fact a name claim is about, the verdict against it and why: align.py's path for names."""
    if not any(fact.kind == "name" for fact in facts):
        return None, Verdict.NOT_FOUND, "the source states no name fact"
    verdict, reason, fact = _judge(_value(claim), _source_names(facts))
    return fact, verdict, reason


def _value(claim: Claim) -> NameValue:
    if not isinstance(claim.value, NameValue):
        raise TypeError(f"a name judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


# --- judging ----------------------------------------------------------------------------------------


def _judge(value: NameValue, named: Sequence[_Named]) -> tuple[Verdict, str, Claim | None]:
    same = [entry for entry in named if _same(value, entry)]
    office = office_of(value.title)
    holder = _other_holder(value, office, named, same) if office is not None else None
    if holder is not None:
        return Verdict.CONTRADICTED, f"the source's {_role(holder)} is {holder.name}, not {value.name}", holder.fact
    if not same:
        return Verdict.NOT_FOUND, f"the source never names {value.name}", None
    name = max((entry.name for entry in same), key=len)
    titled = [entry for entry in same if entry.office is not None and entry.office.title.group]
    evidence = (titled or same)[0]
    if office is not None and office.title.group:
        verdict, reason, entry = _judge_title(value, office, name, titled)
        if verdict != Verdict.SUPPORTED:
            return verdict, reason, entry.fact if entry is not None else evidence.fact
        evidence = entry or evidence
    if value.age is not None:
        aged = [entry for entry in same if entry.age is not None]
        if not any(entry.age == value.age for entry in aged):
            if aged:
                return Verdict.CONTRADICTED, f"the source gives {name}'s age as {aged[0].age}, not {value.age}", aged[0].fact
            return Verdict.NOT_FOUND, f"the source names {name} but gives no age", evidence.fact
    as_title = f" as {evidence.title}" if evidence.title and office is not None else ""
    return Verdict.SUPPORTED, f"the source names {name}{as_title}", evidence.fact


def _judge_title(value: NameValue, office: Office, name: str, titled: list[_Named]) -> tuple[Verdict, str, _Named | None]:
    """The draft's office for a person the source names, against the offices the source gives them."""
    same_office = [entry for entry in titled if entry.office.title.office == office.title.office]  # type: ignore[union-attr]
    now = [entry for entry in same_office if entry.office.current == office.current]  # type: ignore[union-attr]
    if now:
        return Verdict.SUPPORTED, "", now[0]
    if same_office:   # former for current, or the reverse
        entry = same_office[0]
        return Verdict.NOT_FOUND, f"the source calls {name} {entry.title}, not {value.title}", entry
    conflicting = [entry for entry in titled if _conflict(office, entry.office)]  # type: ignore[arg-type]
    if conflicting and len(conflicting) == len(titled):
        entry = conflicting[0]
        return Verdict.CONTRADICTED, f"the source calls {name} {entry.title}, not {value.title}", entry
    given = f"; it calls them {titled[0].title}" if titled else ""
    return Verdict.NOT_FOUND, f"the source names {name} but not as {value.title}{given}", None


def _conflict(claimed: Office, stated: Office) -> bool:
    """Two offices one person cannot hold at once: the same group, different offices, both current."""
    return (claimed.current and stated.current and claimed.title.group == stated.title.group
            and claimed.title.office != stated.title.office)


def _other_holder(value: NameValue, office: Office, named: Sequence[_Named], same: list[_Named]) -> _Named | None:
    """The one person the source gives the draft's one-holder office, when it is not the draft's person.

    Not when the source gives the draft's person that office too; where the source says whose office
    it is (`Ukrainian President`, `Acme's chief executive`), the draft must say so too, or the offices
    of two countries or companies could meet."""
    if not office.current or not office.title.one_holder or value.type != "person":
        return None
    if any(entry.office is not None and entry.office.title.office == office.title.office for entry in same):
        return None
    holders = [entry for entry in named if entry.office is not None and entry.office.current
               and entry.office.title.office == office.title.office and entry not in same]
    if office.of:   # the draft says of what: the holders of that, or of what the source leaves unsaid
        holders = [entry for entry in holders if entry.office.of == office.of  # type: ignore[union-attr]
                   or not (entry.office.of or office.title.needs_of)]  # type: ignore[union-attr]
    distinct: list[_Named] = []
    for entry in holders:
        if not any(same_person(entry.name, other.name) for other in distinct):
            distinct.append(entry)
    if len(distinct) != 1:
        return None
    holder = distinct[0]
    if office.of:
        return holder
    if office.title.needs_of or holder.office.of:  # type: ignore[union-attr]
        return None   # the source says whose office it is (`Ukrainian President`), and the draft does not
    return holder


def _role(entry: _Named) -> str:
    """'mayor', 'chief executive'; a leader or a chief with what it is of, as the source writes it:
    'NATO chief', 'Conservative leader'."""
    assert entry.office is not None
    return entry.title if entry.office.title.needs_of and entry.title else entry.office.title.office


# --- identity ---------------------------------------------------------------------------------------


def _same(value: NameValue, entry: _Named) -> bool:
    return _same_names(value.name, value.type, entry.name, entry.type)


@functools.lru_cache(maxsize=65536)   # a source names one person many times, and drafts name the same people
def _same_names(a: str, type_a: str, b: str, type_b: str) -> bool:
    if _digits(a) != _digits(b):   # "SARS-CoV-2" is not "SARS-CoV-4"
        return False
    if type_a == "person" and type_b == "person":
        return same_person(a, b) and _same_middle(a, b)
    return same_organisation(a, b)


def _digits(name: str) -> str:
    return "".join(ch for ch in name if ch.isdigit())


def _same_middle(a: str, b: str) -> bool:
    """Names of three words or more, written with as many words, agree word for word (same_person
    reads the first and the last): 'James Webb Space Telescope' is not 'James Gunn Space Telescope'."""
    words_a, words_b = fold_name(a).split(), fold_name(b).split()
    if len(words_a) != len(words_b) or len(words_a) < 3:
        return True
    return all(x == y or x[0] == y[0] and min(len(x), len(y)) == 1 or same_person(x, y)
               for x, y in zip(words_a[1:-1], words_b[1:-1]))


_SMALL_WORDS = frozenset("of the and for on in to at de".split())


def same_organisation(a: str, b: str) -> bool:
    """Whether two names are one organisation: the same words without `the` and company forms,
    the gazetteer's aliases, or an acronym and its expansion."""
    if _organisation_key(a) == _organisation_key(b):
        return True
    from ..gazetteer import organisation

    known_a, known_b = organisation(a), organisation(b)
    if known_a is not None and known_b is not None:
        return known_a.id == known_b.id
    acronym_a, acronym_b = _acronym(a), _acronym(b)
    return (acronym_a is not None and acronym_a == _bare(b)) or (acronym_b is not None and acronym_b == _bare(a))


def _organisation_key(name: str) -> str:
    words = fold_name(name).split()
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in COMPANY_FORMS:
        words.pop()
    return " ".join(words)


def _acronym(name: str) -> str | None:
    """'World Food Programme' -> 'WFP'; None for a name of one word."""
    words = [word for word in re.findall(r"[^\W\d_][\w'-]*", name) if word.lower() not in _SMALL_WORDS]
    if len(words) < 2 or any(word.isupper() for word in words):
        return None   # a name holding an acronym ("EU Council") is no expansion of another
    return "".join(word[0].upper() for word in words)


def _bare(name: str) -> str | None:
    letters = name.replace(".", "").replace("the ", "").strip()
    return letters if letters.isupper() and letters.isalpha() else None


# --- the source's names -------------------------------------------------------------------------------

# the names of the last few sources: a run checks many drafts against one source
_SOURCES: dict[int, tuple[Sequence[Claim], list[_Named]]] = {}
_KEPT_SOURCES = 8


def _source_names(facts: Sequence[Claim]) -> list[_Named]:
    kept = _SOURCES.get(id(facts))
    if kept is not None and kept[0] is facts:   # the facts themselves are kept, so their id is not reused
        return kept[1]
    named = [entry for fact in facts for entry in _named_in(fact)]
    if len(_SOURCES) >= _KEPT_SOURCES:
        del _SOURCES[next(iter(_SOURCES))]
    _SOURCES[id(facts)] = (facts, named)
    return named


def _named_in(fact: Claim) -> list[_Named]:
    """The people and organisations a fact names: a name fact's, or a signatory fact's parties."""
    value = fact.value
    if isinstance(value, NameValue):
        return [_Named(value.name, value.type, office_of(value.title), value.title, value.age, fact)]
    if not isinstance(value, SignatoryValue):
        return []
    named = []
    for party in value.parties:
        if party.type == "country":
            continue
        title = _title_before(fact.text, party.name) if party.type == "person" else None
        named.append(_Named(party.name, party.type, office_of(title), title, None, fact))
    return named


def _title_before(text: str, name: str) -> str | None:
    """The title written before a party's name in a signatory fact: 'Ukrainian President'."""
    first = name.split()[0]
    at = text.find(first)
    if at <= 0:
        return None
    before = text[:at]
    before = before[before.rfind(" and ") + 5 :] if " and " in before else before
    before = " ".join(before.replace(",", " ").split())
    return before if office_of(before) is not None else None
