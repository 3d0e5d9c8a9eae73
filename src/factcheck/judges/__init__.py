"""Judging, one module per kind: `compare(claim, fact, context)`, `verdict(claim, fact, context)`
(the verdict of `compare` alone, at less cost) and `describe(value)`."""

from __future__ import annotations

import functools
import importlib
from types import ModuleType

from ..models import Claim, Verdict
from .context import JudgeContext


@functools.cache
def _module(kind: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{kind}")


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    """The verdict on `claim` against the fact it was aligned with, and why."""
    return _module(claim.kind).compare(claim, fact, context)


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    """The verdict `compare` gives, without building its reason: alignment weighs several facts for a claim."""
    return _module(claim.kind).verdict(claim, fact, context)


def describe(claim: Claim) -> str:
    """The claim's value as a person reads it."""
    return _module(claim.kind).describe(claim.value)
