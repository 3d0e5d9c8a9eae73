"""Linear time: extraction on adversarial input of 100 kB and of 1 MB, per input and per kind.

The shapes that make a careless regular expression or a careless loop backtrack or rescan:
digit and comma runs, repeated scale words, long runs of capitalised words, repeated
prepositions, one huge token, and a few more. Ten times the text should cost about ten times
the time; the table shows the ratio, and the run fails (exit 1) when any ratio passes
`MAX_RATIO`. The suite keeps a cheap version of this (tests/test_properties.py: 4 kB against
40 kB); this is the full measurement.

    .venv/bin/python -m benchmarks.linear_time            # all kinds together, every input
    .venv/bin/python -m benchmarks.linear_time --per-kind # and each extractor alone

Writes build/bench/linear_time.json.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import sys
import time

from .common import machine, output_path

SMALL, LARGE = 100_000, 1_000_000
# linear is 10; a quadratic step shows as 100 and more
MAX_RATIO = 25.0

ADVERSARIAL: dict[str, str] = {
    "digit and comma runs": "1,1,1,",
    "digits and spaces": "1 1 1 ",
    "digit-dash runs": "1-1-",
    "money symbols and digits": "$1-$1 ",
    "repeated scale words": "billion billion ",
    "scale abbreviations": "1bn 1m ",
    "and a half": "and a half ",
    "number words": "one two three four ",
    "capitalised words": "Abc Def ",
    "titles and names": "President Minister Abc ",
    "repeated prepositions": "in of the by ",
    "month and day runs": "June June 13 13 ",
    "one huge token": "a",
    "one huge number": "1",
    "markdown marks": "**_[",
}


_RUNS = itertools.count()


def _seconds(text: str, kinds: list[str] | None) -> float:
    """One extraction of `text` made distinct: the entity reader caches what it found in the last few texts."""
    import factcheck

    distinct = f"{text} {next(_RUNS)}."
    gc.collect()
    started = time.perf_counter()
    factcheck.extract_claims(distinct, kinds=kinds)
    return time.perf_counter() - started


def measure(per_kind: bool) -> list[dict]:
    from factcheck.models import KINDS

    import factcheck

    factcheck.extract_claims("Japan pledged $4.5 billion in Rome on June 13, 2024, for a decade.")  # warm
    groups: list[list[str] | None] = [None] + ([[kind] for kind in KINDS] if per_kind else [])
    rows = []
    for name, unit in ADVERSARIAL.items():
        small = unit * (SMALL // len(unit))
        large = unit * (LARGE // len(unit))
        for kinds in groups:
            small_seconds = min(_seconds(small, kinds) for _ in range(2))
            large_seconds = _seconds(large, kinds)
            ratio = large_seconds / small_seconds if small_seconds > 0 else float("inf")
            row = {
                "input": name,
                "kinds": "all" if kinds is None else kinds[0],
                "seconds_100kB": round(small_seconds, 4),
                "seconds_1MB": round(large_seconds, 4),
                "ratio": round(ratio, 2),
                "MB_per_second": round(len(large) / large_seconds / 1e6, 3) if large_seconds else None,
            }
            rows.append(row)
            print(_line(row), flush=True)
    return rows


def _line(row: dict) -> str:
    flag = "" if row["ratio"] <= MAX_RATIO else "  <-- superlinear"
    return (f"{row['input']:<26} {row['kinds']:<10} {row['seconds_100kB']:>9.3f} {row['seconds_1MB']:>9.3f} "
            f"{row['ratio']:>7.1f} {row['MB_per_second'] or 0:>8.3f}{flag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", action="store_true", help="also time each extractor alone")
    args = parser.parse_args(argv)
    print(f"{'input':<26} {'kinds':<10} {'100 kB s':>9} {'1 MB s':>9} {'ratio':>7} {'MB/s':>8}")
    rows = measure(args.per_kind)
    worst = max(rows, key=lambda row: row["ratio"])
    path = output_path("linear_time")
    path.write_text(json.dumps({"machine": machine(), "max_ratio": MAX_RATIO, "rows": rows}, indent=2))
    print(f"\nworst ratio {worst['ratio']} ({worst['input']}, {worst['kinds']}); written to {path}")
    return 0 if worst["ratio"] <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
