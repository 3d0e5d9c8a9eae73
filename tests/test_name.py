"""Name claims, form by form: what the extractor reads (name, type, title, age, words) and how the judge rules."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.extractors.name import office_of
from factcheck.judges.name import same_organisation
from factcheck.models import NameValue


def _names(text: str) -> list[tuple[str, NameValue]]:
    return [(claim.text, claim.value) for claim in factcheck.extract_claims(text, kinds=["name"])]


def _person(name: str, title: str | None = None, age: int | None = None) -> NameValue:
    return NameValue(name=name, type="person", title=title, age=age)


def _organisation(name: str) -> NameValue:
    return NameValue(name=name, type="organisation")


EXTRACTED = [
    # full names, and a surname referring back to the full name
    ("Sara Hill opened the bridge. Hill said it was late.",
     [("Sara Hill", _person("Sara Hill")), ("Hill", _person("Sara Hill"))]),
    # a surname in its own right
    ("The plan was praised by Okafor on Monday.", [("Okafor", _person("Okafor"))]),
    # capitalised titles before the name, with a nationality
    ("Mayor Sara Hill spoke.", [("Mayor Sara Hill", _person("Sara Hill", "Mayor"))]),
    ("Ukrainian President Volodymyr Zelensky spoke.",
     [("Ukrainian President Volodymyr Zelensky", _person("Volodymyr Zelensky", "Ukrainian President"))]),
    ("Prime Minister Kenji Sato spoke.", [("Prime Minister Kenji Sato", _person("Kenji Sato", "Prime Minister"))]),
    ("Chancellor Lukas Weber spoke.", [("Chancellor Lukas Weber", _person("Lukas Weber", "Chancellor"))]),
    # roles in lower case before the name, with an owner or an article
    ("The report went to the finance minister, Ann Cole, on Friday.",
     [("finance minister, Ann Cole", _person("Ann Cole", "finance minister"))]),
    ("Reporters asked chief executive Tom Green about it.",
     [("chief executive Tom Green", _person("Tom Green", "chief executive"))]),
    ("The side was picked by coach David Okafor.", [("coach David Okafor", _person("David Okafor", "coach"))]),
    ("The goal was scored by striker Olena Petrenko.",
     [("striker Olena Petrenko", _person("Olena Petrenko", "striker"))]),
    ("Reporters asked Acme's chief executive Tom Green about it.",
     [("Acme's chief executive Tom Green", _person("Tom Green", "Acme's chief executive"))]),
    ("Reporters asked a spokesperson for the ministry, Tom Ray, about it.",
     [("spokesperson for the ministry, Tom Ray", _person("Tom Ray", "spokesperson for the ministry"))]),
    ("Reporters asked the mayor's chief of staff Amira Haddad about it.",
     [("mayor's chief of staff Amira Haddad", _person("Amira Haddad", "mayor's chief of staff"))]),
    ("NATO chief Jens Stoltenberg welcomed the deal.",
     [("NATO chief Jens Stoltenberg", _person("Jens Stoltenberg", "NATO chief"))]),
    ("Reporters met former mayor Tom Green.", [("former mayor Tom Green", _person("Tom Green", "former mayor"))]),
    # roles after the name
    ("The plan came from Ann Cole, chief executive of Acme, on Monday.",
     [("Ann Cole, chief executive of Acme", _person("Ann Cole", "chief executive of Acme"))]),
    # ages
    ("Sara Hill, 55, opened the bridge.", [("Sara Hill, 55", _person("Sara Hill", age=55))]),
    ("Tom Green, aged 41, left the club.", [("Tom Green, aged 41", _person("Tom Green", age=41))]),
    ("Reporters met the 33-year-old Petrenko.", [("33-year-old Petrenko", _person("Petrenko", age=33))]),
    ("Mayor Sara Hill, 55, opened the bridge.", [("Mayor Sara Hill, 55", _person("Sara Hill", "Mayor", 55))]),
    # possessives: the name without its 's
    ("Reporters read Hill's statement.", [("Hill", _person("Hill"))]),
    # initials and diacritics are kept as written
    ("The chairman was praised by J. Ferreira.", [("chairman", None)] if False else [("J. Ferreira", _person("J. Ferreira"))]),
    ("The plan was praised by João Ferreira.", [("João Ferreira", _person("João Ferreira"))]),
    # organisations: known to the gazetteer (canonical name), with an organisation word, acronyms
    ("The International Monetary Fund praised the plan.", [("International Monetary Fund", _organisation("IMF"))]),
    ("The plan was praised by the IMF.", [("IMF", _organisation("IMF"))]),
    ("Acme Ltd said profits rose.", [("Acme Ltd", _organisation("Acme Ltd"))]),
    ("Shares in Northwind plc rose.", [("Northwind plc", _organisation("Northwind plc"))]),
    ("Harbourside Rovers FC won.", [("Harbourside Rovers FC", _organisation("Harbourside Rovers FC"))]),
    ("The plan was backed by the Green Party.", [("Green Party", _organisation("Green Party"))]),
    ("The plan was backed by the Ministry of Defence.", [("Ministry of Defence", _organisation("Ministry of Defence"))]),
    ("The plan was backed by the Northwind Foundation.", [("Northwind Foundation", _organisation("Northwind Foundation"))]),
    ("The plan was backed by Oxford University.", [("Oxford University", _organisation("Oxford University"))]),
    ("The plan was reported by AFP.", [("AFP", _organisation("AFP"))]),
    ("Employees of the European Commission were told.", [("European Commission", _organisation("European Commission"))]),
]

NOT_NAMES = [
    "Ukraine and Japan met in Puglia, Italy.",             # countries and places
    "Japan's prime minister spoke.",                       # an office without a name
    "Photos showed crowds near the bridge.",               # a plural opening a sentence
    "Furthermore, the bridge opened.",                     # an adverb opening a sentence
    "Including the new funds, the total rose.",            # a participle opening a sentence
    "The CEO said GDP and EBITDA rose in Q3.",             # capitalised terms
    "Talks resumed at the Munich Security Conference.",    # an event
    "Bridging the Gap\n\nThe bridge opened.",               # a heading
    "Polish-Ukrainian ties improved.",                     # two demonyms
]


@pytest.mark.parametrize(("text", "expected"), EXTRACTED, ids=[text[:40] for text, _ in EXTRACTED])
def test_name_forms(text: str, expected: list[tuple[str, NameValue]]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize("text", NOT_NAMES)
def test_not_names(text: str) -> None:
    assert _names(text) == []


def test_signatory_parties_stay_signatory_claims() -> None:
    claims = factcheck.extract_claims("Zelensky and Kishida signed the pact. Zelensky said it was historic.")
    assert [(c.kind, c.text) for c in claims] == [("signatory", "Zelensky and Kishida"), ("name", "Zelensky")]


@pytest.mark.parametrize(("written", "office", "group", "current", "of"), [
    ("Ukrainian President", "president", "head", True, {"UA"}),
    ("Prime Minister", "prime minister", "head", True, set()),
    ("premier", "prime minister", "head", True, set()),
    ("former mayor of Springfield", "mayor", "head", False, {"springfield"}),
    ("Acme's chief executive", "chief executive", "company", True, {"acme"}),
    ("CEO", "chief executive", "company", True, set()),
    ("NATO chief", "chief", "", True, {"nato"}),
    ("Mr", "honorific", "", True, set()),
    ("striker", "forward", "position", True, set()),
])
def test_offices(written: str, office: str, group: str, current: bool, of: set[str]) -> None:
    found = office_of(written)
    assert found is not None
    assert (found.title.office, found.title.group, found.current, set(found.of)) == (office, group, current, of)


def test_no_office() -> None:
    assert office_of("Springfield") is None and office_of(None) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("IMF", "International Monetary Fund", True),
    ("International Monetary Fund", "the IMF", True),
    ("WFP", "World Food Programme", True),
    ("Acme Ltd", "Acme", True),
    ("Harbourside Rovers FC", "Harbourside Rovers", True),
    ("the Green Party", "Green Party", True),
    ("NATO", "North Atlantic Treaty Organization", True),
    ("Acme Ltd", "Apex Ltd", False),
    ("IMF", "World Bank", False),
    ("Jens Stoltenberg", "AFP", False),
])
def test_same_organisation(a: str, b: str, same: bool) -> None:
    assert same_organisation(a, b) is same


SOURCE = (
    "Mayor Sara Hill, 55, opened the bridge on Saturday. French President Emmanuel Macron sent a message. "
    "The city's chief executive, Tom Green, attended with Acme Ltd and the International Monetary Fund. "
    "Former governor Amira Haddad was there. Volodymyr Zelenskyy sent thanks. Dr Kenji Sato spoke. "
    "Conservative leader Pierre Poilievre and NATO chief Mark Rutte sent messages."
)

JUDGED = [
    # named in the source, in any form
    ("Sara Hill spoke.", "supported", "the source names Sara Hill"),
    ("Hill spoke.", "supported", "the source names Sara Hill"),
    ("Mayor Hill spoke.", "supported", "as Mayor"),
    ("Hill, 55, spoke.", "supported", "the source names Sara Hill"),
    ("The 55-year-old Hill spoke.", "supported", "the source names Sara Hill"),
    ("Zelensky sent thanks.", "supported", "Volodymyr Zelenskyy"),
    ("Selenskyj sent thanks.", "supported", "Volodymyr Zelenskyy"),
    ("The plan was praised by Sära Hill.", "supported", "Sara Hill"),
    ("The IMF attended.", "supported", "the source names IMF"),
    ("Acme attended.", "supported", "Acme Ltd"),
    ("Mr Macron sent a message.", "supported", "Emmanuel Macron"),   # an honorific is no conflict
    ("President Macron sent a message.", "supported", "as French President"),
    ("Kenji Sato spoke.", "supported", "Kenji Sato"),
    # contradicted: a role held by someone else, a conflicting title, an age
    ("Mayor Tom Green opened the bridge.", "contradicted", "the source's mayor is Sara Hill, not Tom Green"),
    ("Chief executive Ann Cole attended.", "contradicted", "the source's chief executive is Tom Green, not Ann Cole"),
    ("Prime Minister Macron sent a message.", "contradicted",
     "the source calls Emmanuel Macron French President, not Prime Minister"),
    ("Governor Sara Hill spoke.", "contradicted", "the source calls Sara Hill Mayor, not Governor"),
    ("Hill, 54, spoke.", "contradicted", "the source gives Sara Hill's age as 55, not 54"),
    # not found: never named, or more than the source says
    ("UN chief Jens Stoltenberg spoke.", "not_found", "the source never names Jens Stoltenberg"),
    ("The World Bank attended.", "not_found", "the source never names World Bank"),
    ("Tom Greene's cousin Maria Costa spoke.", "not_found", "the source never names Maria Costa"),
    ("Governor Amira Haddad was there.", "not_found", "the source calls Amira Haddad Former governor, not Governor"),
    ("Tom Green, 40, attended.", "not_found", "gives no age"),
    ("Mayor Tom Green's deputy spoke.", "contradicted", "the source's mayor is Sara Hill"),
    ("Chancellor Kenji Sato spoke.", "not_found", "the source names Kenji Sato but not as Chancellor"),
    # leaders and chiefs have one holder for each body both texts name
    ("Conservative leader Maria Costa spoke.", "contradicted",
     "the source's Conservative leader is Pierre Poilievre, not Maria Costa"),
    ("NATO chief Jens Stoltenberg spoke.", "contradicted", "the source's NATO chief is Mark Rutte, not Jens Stoltenberg"),
    ("Leader Maria Costa spoke.", "not_found", "the source never names Maria Costa"),
    ("Army chief Maria Costa spoke.", "not_found", "the source never names Maria Costa"),
    # a president of a country the draft does not name is not the source's president of France
    ("President Ines Moreau spoke.", "not_found", "the source never names Ines Moreau"),
]


@pytest.mark.parametrize(("draft", "verdict", "reason"), JUDGED, ids=[draft[:40] for draft, _, _ in JUDGED])
def test_judged(draft: str, verdict: str, reason: str) -> None:
    report = factcheck.check(draft, source=SOURCE)
    names = [claim for claim in report.claims if claim.kind == "name"]
    assert names, [c.text for c in report.claims]
    claim = names[-1] if "Maria Costa" in draft else names[0]
    assert (claim.verdict.value, reason in claim.reason) == (verdict, True), claim.reason


def test_a_fact_sheet_without_names_finds_none() -> None:
    sheet = factcheck.extract_facts("Japan pledged $4.5 billion.")
    [claim] = factcheck.check("Sara Hill spoke.", source=sheet).claims
    assert (claim.verdict.value, claim.reason) == ("not_found", "the source states no name fact")


def test_names_round_trip_through_fact_sheets() -> None:
    from factcheck.facts import dump_facts
    from factcheck.models import FactSheet

    import yaml

    sheet = factcheck.extract_facts(SOURCE)
    again = FactSheet.model_validate(yaml.safe_load(dump_facts(sheet)))
    assert [f for f in again.facts if f.kind == "name"] == [f for f in sheet.facts if f.kind == "name"]
    [claim] = [c for c in factcheck.check("Mayor Tom Green spoke.", source=again).claims if c.kind == "name"]
    assert claim.verdict.value == "contradicted"


# --- Hypothesis strategies -------------------------------------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

import factcheck.testing.strategies as fst  # noqa: E402


@given(fst.names(types=["organisation"]))
def test_names_of_organisations(value: NameValue) -> None:
    assert value.type == "organisation" and value.title is None and value.age is None


@given(fst.names(types="person", titles=False, ages=False))
def test_names_of_people_without_titles_or_ages(value: NameValue) -> None:
    assert value.type == "person" and value.title is None and value.age is None


@given(st.from_type(NameValue))
def test_names_are_registered_with_from_type(value: NameValue) -> None:
    assert isinstance(value, NameValue) and value.name


@given(fst.rendered("name"), fst.names(types="person", titles=False, ages=False))
def test_a_person_the_source_never_names_is_not_found(example, other: NameValue) -> None:
    # the rendered sentence as the source, a sentence naming someone else as the draft
    value = example.value
    if value.type == "person" and other.name.split()[-1] != value.name.split()[-1]:
        [claim] = [c for c in factcheck.check(f"{other.name} declined to comment.", source=example.text).claims
                   if c.kind == "name"]
        assert claim.verdict.value == "not_found"
        assert claim.reason == f"the source never names {other.name}"
