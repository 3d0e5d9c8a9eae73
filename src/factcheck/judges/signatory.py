"""Judging signatories: is each party the draft names one of the source's parties to that agreement?

Each party of the claim gets its own verdict against the fact's parties:
- a country is supported when the source names it, by any name, capital or demonym (all
  normalised to its ISO code by extraction), or names a person of that country as a party;
  an organisation is supported when the source names it;
- a country or organisation the source does not name contradicts, when the source names two
  sides or more; where it names one side only (`Kyiv has signed ... with its backers`) the other
  side is open and the party is not found. A country that is a member of an organisation the
  source names (`Germany` against `the European Union`) is not found either: the source does
  not say whether it signed in its own name;
- a person is supported when the source names them, in any spelling (`Zelensky`, `Zelenskyy`,
  `Selenskyj`: `extractors.entities.same_person`), or when the draft gives their country
  (`Japanese Prime Minister Fumio Kishida`) and that country is a party for which the source
  names nobody, or when the draft names only an office of a party country (`Kenya's president`);
  a person the source does not name is not found, a person of a party country when the source
  names someone else for that country (`Ukrainian President Petro Poroshenko` against Zelensky)
  too.
The claim: contradicted if any party is, supported if all are, otherwise not found; the parties
judged are those the claim's own words name (a claim per group of parties, see
`extractors.signatory`), so `France signed a deal with Chile` against France and Peru is a supported
claim `France` and a contradicted claim `Chile`.
"""

from __future__ import annotations

import re

from ..extractors.entities import country_name, is_office, same_person
from ..models import Claim, Party, SignatoryValue, Verdict
from .context import JudgeContext


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    claimed, stated = _own_parties(claim), _value(fact).parties
    judged = [(party, *_judge(party, stated)) for party in claimed]
    if len(stated) > 1:
        source = f"source names {_names(stated)} as the parties"
    else:
        source = f"source names only {_names(stated)} as a party"
    contradicted = [party for party, verdict, _ in judged if verdict == Verdict.CONTRADICTED]
    if contradicted:
        return Verdict.CONTRADICTED, f"{source}; the draft names {_names(contradicted)}"
    open_parties = [(party, why) for party, verdict, why in judged if verdict == Verdict.NOT_FOUND]
    if not open_parties:
        draft = _names(claimed)
        return Verdict.SUPPORTED, f"{source}; the draft's {draft} {'is one' if len(claimed) == 1 else 'are among them'}"
    return Verdict.NOT_FOUND, f"{source}; " + "; ".join(why for _, why in open_parties)


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict of `compare` alone: its reasons are most of the judging, and a draft names few signatories."""
    return compare(claim, fact, context)[0]


def _own_parties(claim: Claim) -> list[Party]:
    """The parties of the claim that its own words name: a signing written in two groups of parties
    is two claims (`France signed a deal with Chile`: `France`, `Chile`), each listing all the parties,
    and each judged on its own, so that a wrong party is reported where it is written. All of them
    when its words name none (a hand-edited fact sheet)."""
    parties = _value(claim).parties
    own = [party for party in parties if _names_party(claim.text, party)]
    return own or parties


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'-]{0,40}(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w.'-]{0,40}){0,5}")


def _names_party(text: str, party: Party) -> bool:
    """Whether a claim's words name a party: a country by any name, capital or demonym; an organisation
    by its name or the gazetteer's aliases; a person by any spelling (read from the words alone: the
    entity finder's cache is kept for whole texts)."""
    if party.type == "country":
        from ..align import countries_in

        return party.country in countries_in(text)
    runs = [run.removesuffix("'s") for run in _CAPITALISED_RUN.findall(text)]
    if party.type == "person":
        return any(same_person(run, party.name) for run in runs)
    from ..gazetteer import organisation

    known = organisation(party.name)
    return _fold(party.name) in _fold(text) or any(
        known is not None and organisation(run) is known for run in runs
    )


def describe(value: SignatoryValue) -> str:
    """'Ukraine and Japan', 'Ukraine, Japan and Volodymyr Zelensky (Ukraine)', 'European Union'."""
    return _names(value.parties, countries=True)


def _value(claim: Claim) -> SignatoryValue:
    if not isinstance(claim.value, SignatoryValue):
        raise TypeError(f"a signatory judge got a {claim.kind} claim: {claim.text!r}")
    return claim.value


def _judge(party: Party, stated: list[Party]) -> tuple[Verdict, str]:
    if party.type == "person":
        return _judge_person(party, stated)
    countries = {p.country for p in stated if p.country and p.type in ("country", "person")}
    organisations = {_fold(p.name): p for p in stated if p.type == "organisation"}
    if party.type == "country" and party.country in countries:
        return Verdict.SUPPORTED, ""
    if party.type == "organisation" and _fold(party.name) in organisations:
        return Verdict.SUPPORTED, ""
    membership = _membership(party, stated)
    if membership:
        return Verdict.NOT_FOUND, membership
    sides = countries | set(organisations)
    if len(sides) >= 2:
        return Verdict.CONTRADICTED, ""
    return Verdict.NOT_FOUND, f"it does not say who else signed, so {party.name} is not settled"


def _judge_person(party: Party, stated: list[Party]) -> tuple[Verdict, str]:
    people = [p for p in stated if p.type == "person"]
    if any(same_person(party.name, person.name) for person in people):
        return Verdict.SUPPORTED, ""
    countries = {p.country for p in stated if p.country}
    if party.country and party.country in countries:
        others = [p for p in people if p.country == party.country and p.name != party.name]
        if not others or is_office(party.name):
            return Verdict.SUPPORTED, ""
        return Verdict.NOT_FOUND, (
            f"it names {_names(others)} for {country_name(party.country)}, not {party.name}"
        )
    return Verdict.NOT_FOUND, f"it does not name {party.name}"


def _membership(party: Party, stated: list[Party]) -> str:
    """Why a country that belongs to an organisation the source names is not settled, or ''."""
    from ..gazetteer import organisation

    if party.type != "country":
        return ""
    for other in stated:
        found = organisation(other.name) if other.type == "organisation" else None
        if found is not None and party.country in found.members:
            article = "" if other.name.isupper() else "the "
            return f"{party.name} is a member of {article}{other.name}, which it names"
    return ""


def _names(parties: list[Party], *, countries: bool = False) -> str:
    names = []
    for party in parties:
        name = party.name
        if countries and party.type == "person" and party.country:
            name = f"{name} ({country_name(party.country)})"
        names.append(name)
    return _names_of(names)


def _names_of(names: list[str]) -> str:
    if not names:
        return "no one"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("the ", " ").split())
