"""Signatory and location claims end to end: drafts against the seed article (read from ../shared/seed/)
and against an article of our own (tests/data/kenya-eu-trade-deal.txt), every verdict for each."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck

KENYA = Path(__file__).parent / "data" / "kenya-eu-trade-deal.txt"

# (draft, the claim's words, kind, verdict)
SEED_CASES = [
    # the parties, by name, capital, demonym, spelling, title
    ("Ukraine and Japan signed a security agreement on Thursday.", "Ukraine and Japan", "signatory", "supported"),
    ("Kyiv and Tokyo signed a security pact at the G7 summit.", "Kyiv and Tokyo", "signatory", "supported"),
    ("Japan and Ukraine inked a ten-year security deal.", "Japan and Ukraine", "signatory", "supported"),
    ("Zelensky signed the security agreement with Japan.", "Zelensky", "signatory", "supported"),
    ("Zelenskyy signed the security pact with Japan at the G7 summit.", "Zelenskyy", "signatory", "supported"),
    ("Selenskyj signed the security deal with Tokyo.", "Selenskyj", "signatory", "supported"),
    ("Zelenskiy and Japan signed the document on the sidelines of the G7 summit.", "Zelenskiy and Japan",
     "signatory", "supported"),
    ("Ukrainian President Volodymyr Zelensky signed the security agreement with Japan.",
     "Ukrainian President Volodymyr Zelensky", "signatory", "supported"),
    ("The Ukrainian and Japanese governments signed a security agreement.", "Ukrainian and Japanese governments",
     "signatory", "supported"),
    ("The security agreement between Ukraine and Japan runs for ten years.", "Ukraine and Japan", "signatory",
     "supported"),
    ("The Japan-Ukraine security agreement was signed during the G7 summit.", "Japan-Ukraine", "signatory",
     "supported"),
    # a person of a party country, where the source names nobody for that country
    ("Japanese Prime Minister Fumio Kishida signed the security agreement with Ukraine.",
     "Japanese Prime Minister Fumio Kishida", "signatory", "supported"),
    # a country or organisation that is not a party
    ("Germany and Japan signed a security agreement during the G7 summit.", "Germany and Japan", "signatory",
     "contradicted"),
    # the wrong party is the claim that is contradicted, where it is written
    ("Ukraine signed a security agreement with Germany on Thursday.", "Germany", "signatory", "contradicted"),
    ("Ukraine signed a security agreement with Germany on Thursday.", "Ukraine", "signatory", "supported"),
    ("The security pact was signed by Ukraine and France.", "Ukraine and France", "signatory", "contradicted"),
    ("Kyiv and the European Union signed a security agreement during the G7 summit.",
     "Kyiv and the European Union", "signatory", "contradicted"),
    # people the source does not name
    ("Kishida signed the security agreement with Zelensky.", "Kishida", "signatory", "not_found"),
    ("Olaf Scholz signed the security agreement with Zelensky.", "Olaf Scholz", "signatory", "not_found"),
    ("Ukrainian President Petro Poroshenko signed the security agreement with Japan.",
     "Ukrainian President Petro Poroshenko", "signatory", "not_found"),
    # where: the country, the region under both its names, the continent
    ("The agreement was signed in Italy.", "Italy", "location", "supported"),
    ("The agreement was signed in Puglia.", "Puglia", "location", "supported"),
    ("The pact was signed in Apulia on the sidelines of the G7 meeting.", "Apulia", "location", "supported"),
    ("The deal was signed on the sidelines of the G7 summit in Puglia, Italy.", "Puglia, Italy", "location",
     "supported"),
    ("The agreement was signed in Europe.", "Europe", "location", "supported"),
    # places apart from Puglia
    ("The agreement was signed in Naples.", "Naples", "location", "contradicted"),
    ("The agreement was signed in Rome during the G7 summit.", "Rome", "location", "contradicted"),
    ("The agreement was signed in Asia.", "Asia", "location", "contradicted"),
    ("The security pact was signed in Tokyo.", "Tokyo", "location", "contradicted"),
    ("The document was signed at the G7 meeting in Sardinia.", "Sardinia", "location", "contradicted"),
    ("Tokyo signed the pact with Kyiv in Spain.", "Spain", "location", "contradicted"),
    # places inside Puglia: more precise than the source
    ("The agreement was signed in Lecce on the sidelines of the G7 meeting.", "Lecce", "location", "not_found"),
    ("The agreement was signed in Bari on the sidelines of the G7 meeting.", "Bari", "location", "not_found"),
    # the place of something else
    ("Japan has backed Kyiv since the start of the war in Ukraine.", "Ukraine", "location", "not_found"),
]

KENYA_CASES = [
    ("Kenya and the EU signed a trade deal on Monday.", "Kenya and the EU", "signatory", "supported"),
    ("Nairobi and the European Union signed an economic partnership agreement.", "Nairobi and the European Union",
     "signatory", "supported"),
    ("Kenyan President William Ruto signed the agreement with the European Union.",
     "Kenyan President William Ruto", "signatory", "supported"),
    ("Ruto signed the trade deal with the EU.", "Ruto", "signatory", "supported"),
    ("Kenya's president signed the partnership agreement with the EU.", "Kenya's president", "signatory",
     "supported"),
    ("Tanzania and the EU signed an economic partnership agreement.", "Tanzania and the EU", "signatory",
     "contradicted"),
    ("Kenya and the African Union signed the trade agreement.", "Kenya and the African Union", "signatory",
     "contradicted"),
    ("Kenya and Germany signed the trade agreement.", "Kenya and Germany", "signatory", "not_found"),
    ("Ursula von der Leyen signed the trade deal with Ruto.", "Ursula von der Leyen", "signatory", "not_found"),
    ("The trade deal was signed in Nairobi on Monday.", "Nairobi", "location", "supported"),
    ("The agreement was signed in Kenya.", "Kenya", "location", "supported"),
    ("The agreement was signed in Africa.", "Africa", "location", "supported"),
    ("The agreement was signed in Mombasa.", "Mombasa", "location", "contradicted"),
    ("The agreement was signed in Brussels.", "Brussels", "location", "contradicted"),
    ("The deal was signed in Europe.", "Europe", "location", "contradicted"),
    ("Flower growers in Laikipia are expected to benefit first.", "Laikipia", "location", "supported"),
    ("Flower growers in Nakuru are expected to benefit first.", "Nakuru", "location", "contradicted"),
    ("Flower growers in Nanyuki are expected to benefit first.", "Nanyuki", "location", "not_found"),
]


@pytest.fixture(scope="module")
def kenya_text() -> str:
    return KENYA.read_text(encoding="utf-8")


def _claim(report: factcheck.Report, text: str) -> factcheck.CheckedClaim:
    matches = [claim for claim in report.claims if claim.text == text]
    assert matches, f"no claim {text!r} among {[claim.text for claim in report.claims]}"
    return matches[0]


def _check(draft: str, source: str, text: str, kind: str, verdict: str) -> factcheck.CheckedClaim:
    report = factcheck.check(draft, source=source)
    claim = _claim(report, text)
    assert claim.kind == kind
    assert claim.verdict == verdict, claim.reason
    assert claim.reason and "\n" not in claim.reason
    assert draft[claim.span.start : claim.span.end] == claim.text
    if verdict != "not_found":
        assert claim.evidence is not None
        assert source[claim.evidence.span.start : claim.evidence.span.end] == claim.evidence.text
    return claim


@pytest.mark.parametrize(("draft", "text", "kind", "verdict"), SEED_CASES, ids=[c[0][:60] for c in SEED_CASES])
def test_seed(seed_text, draft, text, kind, verdict):
    _check(draft, seed_text, text, kind, verdict)


@pytest.mark.parametrize(("draft", "text", "kind", "verdict"), KENYA_CASES, ids=[c[0][:60] for c in KENYA_CASES])
def test_another_article(kenya_text, draft, text, kind, verdict):
    _check(draft, kenya_text, text, kind, verdict)


@pytest.mark.parametrize("cases", [SEED_CASES, KENYA_CASES], ids=["seed", "kenya"])
def test_every_kind_and_verdict_is_covered(cases):
    assert {(kind, verdict) for *_, kind, verdict in cases} == {
        (kind, verdict)
        for kind in ("signatory", "location")
        for verdict in ("supported", "contradicted", "not_found")
    }
    assert len(SEED_CASES) >= 30


def test_the_seed_names_its_parties_and_place(seed_text):
    sheet = factcheck.extract_facts(seed_text)
    signatories = [fact for fact in sheet.facts if fact.kind == "signatory"]
    assert [fact.text for fact in signatories] == ["Ukraine and Japan", "Ukrainian President Volodymyr Zelensky"]
    for fact in signatories:
        assert [(p.name, p.type, p.country) for p in fact.value.parties] == [
            ("Ukraine", "country", "UA"), ("Japan", "country", "JP"), ("Volodymyr Zelensky", "person", "UA"),
        ]
    (place,) = [fact for fact in sheet.facts if fact.kind == "location"]
    assert place.text == "Puglia, Italy"
    assert place.value.model_dump() == {
        "name": "Puglia", "country": "IT", "within": ["Italy", "Europe"], "place_id": "region:IT-75",
    }


def test_capitals_standing_for_governments_are_not_places(seed_text):
    report = factcheck.check("Zelensky thanked Tokyo for its solidarity, and Japan kept supplying Kyiv.",
                             source=seed_text)
    assert [claim.kind for claim in report.claims if claim.kind == "location"] == []


def test_a_whole_draft_gets_one_verdict_per_claim(seed_text):
    draft = " ".join(case[0] for case in SEED_CASES)
    report = factcheck.check(draft, source=seed_text)
    entity_claims = [claim for claim in report.claims if claim.kind in ("signatory", "location")]
    assert len(entity_claims) >= len(SEED_CASES)
    assert sum(report.summary.model_dump().values()) == len(report.claims)
    data = report.model_dump(mode="json")
    signatory = next(claim for claim in data["claims"] if claim["kind"] == "signatory")
    assert signatory["value"]["parties"][0] == {"name": "Ukraine", "type": "country", "country": "UA"}
    location = next(claim for claim in data["claims"] if claim["kind"] == "location")
    assert set(location["value"]) == {"name", "country", "within", "place_id"}
