"""Judging, one module per kind: `compare(claim, fact, context)` and `describe(value)`."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..models import Claim, Verdict
from .context import JudgeContext


def _module(kind: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{kind}")


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    """The verdict on `claim` against the fact it was aligned with, and why."""
    return _module(claim.kind).compare(claim, fact, context)


def describe(claim: Claim) -> str:
    """The claim's value as a person reads it."""
    return _module(claim.kind).describe(claim.value)
