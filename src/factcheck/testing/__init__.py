"""Tools for testing claim parsers, factcheck's own and yours, with Hypothesis.

    pip install "factcheck[testing]"

    from factcheck.testing.strategies import rendered, amounts

`factcheck.testing.strategies` holds the strategies (see docs/testing.md). This package
imports nothing from Hypothesis until a strategy is asked for, and `import factcheck` never
imports this package.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_STRATEGIES = (
    "amounts", "terms", "dates", "counts", "signatories", "locations", "quotes", "parties",
    "rendered", "claims", "fact_sheets", "Rendered",
)

__all__ = list(_STRATEGIES)


def __getattr__(name: str) -> Any:
    if name not in _STRATEGIES:
        raise AttributeError(f"module 'factcheck.testing' has no attribute {name!r}")
    return getattr(import_module("factcheck.testing.strategies"), name)
