"""The public strategies of factcheck.testing: what they generate, their parameters, from_type, imports."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import factcheck
from factcheck.durations import to_days
from factcheck.models import (
    KINDS, VALUE_MODELS, AmountValue, Claim, CountValue, DateValue, FactSheet, LocationValue, Party, Qualifier,
    SignatoryValue, TermValue,
)
from factcheck.testing import strategies as fst

# a quarter of the profile's examples: these only look at what comes out
FEW = max(10, settings().max_examples // 4)


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


# --- imports -------------------------------------------------------------------------------------


def test_import_factcheck_never_imports_hypothesis() -> None:
    out = _run(
        "import sys, factcheck, factcheck.testing\n"
        "factcheck.extract_claims('Japan pledged $4.5 billion in June 2024.')\n"
        "print('hypothesis' in sys.modules)"
    )
    assert out == "False"


def test_the_strategies_module_imports_first_in_a_fresh_interpreter() -> None:
    # importing it imports Hypothesis, which runs our entry point while the module is still loading
    out = _run(
        "from factcheck.testing.strategies import rendered\n"
        "from hypothesis import strategies as st\n"
        "from factcheck.models import AmountValue\n"
        "print(type(st.from_type(AmountValue).example()).__name__)"
    )
    assert out == "AmountValue"


def test_the_entry_point_registers_the_models_when_hypothesis_is_imported_alone() -> None:
    out = _run(
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "from factcheck.models import Claim, FactSheet\n"
        "claim = st.from_type(Claim).example()\n"
        "print(type(claim).__name__, type(st.from_type(FactSheet).example()).__name__)"
    )
    assert out == "Claim FactSheet"


# --- values --------------------------------------------------------------------------------------


@settings(max_examples=FEW)
@given(fst.amounts(currencies=["USD", "EUR"], min_value=1e6, max_value=1e9))
def test_amounts_keep_to_their_currencies_and_bounds(value: AmountValue) -> None:
    assert value.currency in ("USD", "EUR")
    assert 1e6 <= value.amount <= 1e9
    # a range's resolution is the coarser of its ends'
    assert value.resolution is not None and 0 < value.resolution <= (value.high or value.amount)
    if value.qualifier == Qualifier.RANGE:
        assert value.low == value.amount and value.high is not None and value.amount < value.high <= 1e9
    elif value.qualifier in (Qualifier.GT, Qualifier.GE):
        assert value.low == value.amount and value.high is None
    elif value.qualifier in (Qualifier.LT, Qualifier.LE):
        assert value.high == value.amount and value.low is None
    else:
        assert value.low is None and value.high is None


@settings(max_examples=FEW)
@given(fst.amounts(currencies=st.just("JPY"), min_value=st.just(5.0), max_value=5.0, qualifiers=["exact"]))
def test_amount_parameters_take_strategies(value: AmountValue) -> None:
    # 5, 5.0 or 5.00 as written
    assert value.model_copy(update={"resolution": None}) == AmountValue(amount=5.0, currency="JPY")
    assert value.resolution in (1.0, 0.1, 0.01)


@settings(max_examples=FEW)
@given(fst.terms(units=["month"], min_value=2, max_value=30))
def test_terms_are_iso_durations_of_their_unit(value: TermValue) -> None:
    assert value.iso.startswith("P") and value.iso.endswith("M") and "Y" not in value.iso
    assert 2 * 30 < to_days(value.iso) < 31 * 31
    if value.qualifier == Qualifier.RANGE:
        assert value.high_iso is not None and to_days(value.iso) < to_days(value.high_iso)
    else:
        assert value.high_iso is None


@settings(max_examples=FEW)
@given(fst.dates(min_year=2000, max_year=2030))
def test_dates_hold_together(value: DateValue) -> None:
    if value.granularity == "weekday":
        assert value.iso is None and value.weekday in {d.strftime("%A") for d in _week()}
    elif value.relative is not None:
        assert value.iso is None
    elif value.iso.startswith("--"):
        assert value.granularity in ("month", "day")
    else:
        year = int(value.iso[:4])
        assert 2000 <= year <= 2030
        if value.granularity == "day":
            day = dt.date.fromisoformat(value.iso)
            assert value.weekday in (None, day.strftime("%A"))


def _week() -> list[dt.date]:
    return [dt.date(2024, 6, 10) + dt.timedelta(days=n) for n in range(7)]


@settings(max_examples=FEW)
@given(fst.counts(min_value=10, max_value=20, nouns=["deals"]))
def test_counts_keep_to_their_bounds_and_nouns(value: CountValue) -> None:
    assert 10 <= value.count <= 20 and value.count == int(value.count) and value.noun == "deals"
    if value.qualifier == Qualifier.RANGE:
        assert value.high is not None and value.count < value.high <= 20


@settings(max_examples=FEW)
@given(fst.signatories(countries=["UA", "JP", "PL"], people=False, organisations=False, min_parties=2))
def test_signatories_are_distinct_countries_named_as_the_gazetteer_names_them(value: SignatoryValue) -> None:
    assert 2 <= len(value.parties) <= 3
    assert len({party.country for party in value.parties}) == len(value.parties)
    names = {"UA": "Ukraine", "JP": "Japan", "PL": "Poland"}
    assert all(party.type == "country" and party.name == names[party.country] for party in value.parties)


@settings(max_examples=FEW)
@given(fst.locations(countries=["IT"]))
def test_locations_lie_in_their_countries(value: LocationValue) -> None:
    assert value.country == "IT" and "Italy" in [value.name, *value.within]


@settings(max_examples=FEW)
@given(fst.locations(levels=["continent"]))
def test_locations_keep_to_their_levels(value: LocationValue) -> None:
    assert value.place_id.startswith("continent:") and value.within == []


@pytest.mark.parametrize(
    "strategy",
    [
        lambda: fst.amounts(min_value=10, max_value=1),
        lambda: fst.amounts(currencies=[]),
        lambda: fst.terms(units=["fortnight"]),
        lambda: fst.dates(min_year=2030, max_year=2000),
        lambda: fst.signatories(min_parties=0),
        lambda: fst.locations(countries=["XX"]),
        lambda: fst.rendered("weather"),
    ],
)
def test_bad_parameters_say_so(strategy) -> None:
    with pytest.raises(InvalidArgument):
        given(strategy())(lambda value: None)()


# --- rendered sentences and whole models ---------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=FEW)
@given(data=st.data())
def test_rendered_examples_carry_their_claim(kind: str, data: st.DataObject) -> None:
    example = data.draw(fst.rendered(kind))
    assert example.kind == kind
    assert isinstance(example.value, VALUE_MODELS[kind])
    assert example.phrase and example.text[example.start:example.start + len(example.phrase)] == example.phrase


@settings(max_examples=FEW)
@given(fst.rendered())
def test_rendered_without_a_kind_draws_any_kind(example: fst.Rendered) -> None:
    assert example.kind in KINDS and isinstance(example.value, VALUE_MODELS[example.kind])


@settings(max_examples=FEW)
@given(fst.claims())
def test_claims_slice_their_sentences(claim: Claim) -> None:
    assert claim.sentence is not None
    offset = claim.span.start - claim.sentence.span.start
    assert claim.sentence.text[offset:offset + len(claim.text)] == claim.text
    assert isinstance(claim.value, VALUE_MODELS[claim.kind])


@settings(max_examples=FEW)
@given(fst.fact_sheets(max_facts=4))
def test_fact_sheets_round_trip_through_yaml(sheet: FactSheet) -> None:
    starts = [fact.span.start for fact in sheet.facts]
    assert starts == sorted(starts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.yaml"
        path.write_text(factcheck.dump_facts(sheet), encoding="utf-8")
        assert factcheck.load_facts(path) == sheet


@pytest.mark.parametrize("model", [AmountValue, TermValue, DateValue, CountValue, SignatoryValue, LocationValue,
                                   Party, Claim, FactSheet])
@settings(max_examples=10)
@given(data=st.data())
def test_from_type_draws_every_model(model: type, data: st.DataObject) -> None:
    assert isinstance(data.draw(st.from_type(model)), model)


# --- docs/testing.md ---------------------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs" / "testing.md"


def test_the_worked_example_of_the_docs_passes() -> None:
    blocks = DOCS.read_text(encoding="utf-8").split("```python\n")[1:]
    code = next(block.split("```", 1)[0] for block in blocks if "def test_what_my_parser_finds_is_right" in block)
    namespace: dict = {}
    exec(compile(code, str(DOCS), "exec"), namespace)
    assert namespace["parse_money"]("Japan pledged US$4.1bn.") == (4100000000.0, "USD")
    assert namespace["parse_money"]("a range of $3-4 billion") is None
    namespace["test_what_my_parser_finds_is_right"]()
