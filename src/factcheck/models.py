"""The data model every stage reads and writes: spans, claims, values, verdicts, reports.

Claims and facts are the same model: the source article goes through the same
extractors as the draft, so a fact is a claim found in the source.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

Kind = Literal["amount", "term", "date", "count", "signatory", "location", "name", "quote"]
KINDS: tuple[str, ...] = ("amount", "term", "date", "count", "signatory", "location", "quote", "name")


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    RANGE = "range"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class AmountValue(_Model):
    amount: float
    currency: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    low: float | None = None
    high: float | None = None
    # the place value of the last significant digit as written ($12 billion -> 1e9);
    # a claim agrees with a source value that rounds to it at this resolution
    resolution: float | None = None


class TermValue(_Model):
    iso: str                      # ISO 8601 duration of the (low) value: P10Y, P18M, PT36H
    qualifier: Qualifier = Qualifier.EXACT
    high_iso: str | None = None   # upper end of a range ("two to three years")


class DateValue(_Model):
    # "2024", "2024-06", "2024-06-13"; "--06" and "--06-13" (ISO 8601) for a month or day with no year;
    # None for a bare weekday or an unresolved relative date
    iso: str | None = None
    weekday: str | None = None    # "Thursday"
    granularity: Literal["year", "month", "day", "weekday"]
    # a date named relative to the time of writing ("this year"): kept so that it can be
    # resolved later against a publication date or the source's own explicit year
    relative: Literal["this_year", "last_year", "next_year", "today", "yesterday", "tomorrow"] | None = None


class CountValue(_Model):
    count: float
    qualifier: Qualifier = Qualifier.EXACT
    low: float | None = None
    high: float | None = None
    noun: str | None = None


class Party(_Model):
    name: str
    type: Literal["country", "person", "organisation"]
    country: str | None = None


class SignatoryValue(_Model):
    parties: list[Party]


class LocationValue(_Model):
    name: str
    country: str | None = None
    within: list[str] = Field(default_factory=list)
    place_id: str | None = None


class NameValue(_Model):
    name: str                                      # as the source spells it when found, else as the draft does
    type: Literal["person", "organisation"]
    title: str | None = None                       # the title or role the text gives ("Mayor", "chief executive")
    age: int | None = None


class Speaker(_Model):
    name: str
    type: Literal["person", "organisation"] = "person"


class QuoteValue(_Model):
    text: str                                      # the quoted words, without the quotation marks
    speaker: Speaker | None = None


Value = Union[AmountValue, TermValue, DateValue, CountValue, SignatoryValue, LocationValue, NameValue, QuoteValue]

VALUE_MODELS: dict[str, type[_Model]] = {
    "amount": AmountValue,
    "term": TermValue,
    "date": DateValue,
    "count": CountValue,
    "signatory": SignatoryValue,
    "location": LocationValue,
    "name": NameValue,
    "quote": QuoteValue,
}


class Roles(_Model):
    """What a claim or fact is about, read from its sentence; each a short phrase or None.

    A claim is judged only against facts whose roles agree: a role stated on both sides and
    different rules the fact out (docs/claims.md, "Roles")."""

    measure: str | None = None   # what is counted or paid for: "schools", "new homes", "infections"
    holder: str | None = None    # who gives, owns, earns or has it: "Germany", "the city", "Capital One"
    rate: str | None = None      # "a month", "an hour", "per share": a rate is never compared with a total
    period: str | None = None    # the time frame: "this year", "to date", "in 2025", "the third quarter"
    event: str | None = None     # what a term or date is of: "term", "flood", "strike"


NO_ROLES = Roles()


class Sentence(_Model):
    """The sentence a claim or fact stands in: the evidence a verdict quotes."""

    text: str
    span: Span


class Claim(_Model):
    kind: Kind
    text: str
    span: Span
    value: Annotated[Value, Field(union_mode="left_to_right")]
    sentence: Sentence | None = None
    roles: Roles = NO_ROLES

    @model_validator(mode="after")
    def _value_fits_kind(self) -> "Claim":
        # the value models' fields tell them apart; the kind must name the same one
        expected = VALUE_MODELS[self.kind]
        if not isinstance(self.value, expected):
            raise ValueError(f"a {self.kind} claim needs a {expected.__name__} value")
        return self


class Evidence(_Model):
    text: str
    span: Span


class CheckedClaim(_Model):
    kind: Kind
    text: str
    span: Span
    line: int
    column: int
    value: Annotated[Value, Field(union_mode="left_to_right")]
    verdict: Verdict
    reason: str
    evidence: Evidence | None = None
    roles: Roles = NO_ROLES


class Summary(_Model):
    supported: int = 0
    contradicted: int = 0
    not_found: int = 0
    # claims inside `<!-- factcheck off -->` regions or on an ignored line: counted, not judged
    suppressed: int = 0


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    path: str | None = None
    claims: list[CheckedClaim]
    summary: Summary


class DraftError(_Model):
    """A draft of a run that could not be checked (unreadable, empty, no source...): reported, and the run goes on."""

    path: str
    error: str


class FactSheet(_Model):
    """The canonical facts of one source article, as saved under claims/."""

    schema_version: str = SCHEMA_VERSION
    source: str | None = None
    published: dt.date | None = None
    # the year the article names for its own "this year" ("In 2024, ...")
    anchor_year: int | None = None
    facts: list[Claim]


FAIL_LEVELS: tuple[str, ...] = ("contradicted", "not_found")


def failing_verdicts(fail_on: str) -> frozenset[Verdict]:
    """The verdicts at or above a failure level: `contradicted` alone, or with `not_found` too."""
    if fail_on not in FAIL_LEVELS:
        raise ValueError(f"unknown failure level {fail_on!r} (known: {', '.join(FAIL_LEVELS)})")
    if fail_on == "not_found":
        return frozenset({Verdict.CONTRADICTED, Verdict.NOT_FOUND})
    return frozenset({Verdict.CONTRADICTED})
