"""Part 1: parsing accuracy on the peers' money and duration cases, factcheck against the peers.

Every parser reads the same case texts; `hit_rules` decides each hit the same way for all.
A parser that raises on a case misses it (counted apart as errors). Writes build/bench/accuracy.json.
"""

from __future__ import annotations

import json
import time
import warnings

from . import hit_rules
from .common import output_path
from .hit_rules import Length, Money
from .parsers import PARSERS

SUITES = (
    ("price_parser", "money"),
    ("quantulum", "money"),
    ("duckling", "money"),
    ("quantulum", "duration"),
    ("duckling", "duration"),
)


def _describe(found: list[Money] | list[Length]) -> list[str]:
    return [
        f"{f.value:g} {f.currency}" + (f" [{f.low:g}, {f.high:g}]" if isinstance(f, Money) and f.is_range else "")
        if isinstance(f, Money)
        else f"[{f.start}:{f.end}] {f.components}"
        for f in found
    ]


def run_suite(parser_name: str, name: str, kind: str) -> dict:
    parser = PARSERS[parser_name]
    parse = parser.money if kind == "money" else parser.durations
    rule = hit_rules.money_hit if kind == "money" else hit_rules.duration_hit
    records = hit_rules.records(name, kind)
    hits, errors, misses = 0, 0, []
    started = time.perf_counter()
    for record in records:
        try:
            found = parse(record["text"])  # type: ignore[misc]
        except Exception as error:  # a peer's crash is its miss, not the benchmark's
            errors += 1
            misses.append({"id": record["id"], "text": record["text"], "found": [f"error: {type(error).__name__}"]})
            continue
        if rule(record, found):  # type: ignore[arg-type]
            hits += 1
        else:
            expected = [
                {k: v for k, v in item.items() if k in ("span_text", "value", "unit", "currency_family", "min", "max", "seconds")}
                for item in record["expected"]
            ]
            misses.append({"id": record["id"], "text": record["text"], "expected": expected, "found": _describe(found)})
    return {
        "parser": parser_name, "suite": f"{name}/{kind}", "cases": len(records), "hits": hits,
        "rate": hits / len(records), "errors": errors, "seconds": time.perf_counter() - started, "misses": misses,
    }


def main() -> None:
    warnings.simplefilter("ignore")
    results = []
    for parser_name, parser in PARSERS.items():
        for name, kind in SUITES:
            if (parser.money if kind == "money" else parser.durations) is None:
                continue
            result = run_suite(parser_name, name, kind)
            print(f"{parser_name:17} {result['suite']:22} {result['hits']:4}/{result['cases']:<4} "
                  f"{result['rate']:.3f}  ({result['seconds']:.1f} s)", flush=True)
            results.append(result)
    versions = {name: parser.version() for name, parser in PARSERS.items()}
    output_path("accuracy").write_text(json.dumps({"versions": versions, "results": results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
