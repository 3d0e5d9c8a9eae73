"""Renderers only format: a list of reports in, text out. One module per format."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from ..models import Report

FORMATS: tuple[str, ...] = ("text", "json")


def render(reports: Sequence[Report], fmt: str, *, color: bool = False) -> str:
    module = importlib.import_module(f"{__name__}.{fmt}_format")
    return module.render(reports, color=color)
