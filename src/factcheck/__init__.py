"""factcheck: check what a draft says against the article it was written from.

    import factcheck
    report = factcheck.check(draft_text, source=article_text)
    for claim in report.claims:
        print(claim.verdict, claim.text, claim.reason)

The names below load on first use, so `import factcheck` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "check": "factcheck.pipeline",
    "extract_claims": "factcheck.pipeline",
    "check_many": "factcheck.batch",
    "extract_facts": "factcheck.facts",
    "load_facts": "factcheck.facts",
    "dump_facts": "factcheck.facts",
    "InputError": "factcheck.errors",
    "Claim": "factcheck.models",
    "CheckedClaim": "factcheck.models",
    "FactSheet": "factcheck.models",
    "Report": "factcheck.models",
    "Verdict": "factcheck.models",
    "Qualifier": "factcheck.models",
    "Span": "factcheck.models",
    "Evidence": "factcheck.models",
    "AmountValue": "factcheck.models",
    "TermValue": "factcheck.models",
    "DateValue": "factcheck.models",
    "CountValue": "factcheck.models",
    "SignatoryValue": "factcheck.models",
    "LocationValue": "factcheck.models",
    "Party": "factcheck.models",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from .pipeline import check, extract_claims
    from .batch import check_many
    from .errors import InputError
    from .facts import dump_facts, extract_facts, load_facts
    from .models import (
        AmountValue, CheckedClaim, Claim, CountValue, DateValue, Evidence, FactSheet, LocationValue,
        Party, Qualifier, Report, SignatoryValue, Span, TermValue, Verdict,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
