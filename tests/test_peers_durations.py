"""The term extractor against other parsers' duration cases (../shared/peers/*.jsonl).

A case is a hit when every expected item is found with the same length, and a
negative case (nothing to find) is a hit when no term is found. The records give
each item's `components` and its `seconds` under their upstream convention (year =
365 days, month = 30 days). Upstream is not consistent about which unit it keeps
(duckling writes `2 years and 3 months` as 27 months, 69,984,000 s, but `2 years` as
730 days), so a length matches when either
- its seconds under that convention agree, or
- its components agree once years are counted as twelve months: the calendar part
  (months) and the fixed part (weeks, days, hours, minutes, seconds) both equal.

Combined lengths: we report `twenty-one years and six months` as one term, P21Y6M,
where a record may expect two items. Each expected item must overlap exactly one of
our terms, and that term must equal the sum of all the expected items it overlaps:
one combined claim whose parts are the expected items is a hit, a claim that covers
only some of them or adds something else is not. No case's text is special-cased.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.hit_rules import Length, duration_hit
from factcheck.durations import parse_iso
from factcheck.extractors.base import Options
from factcheck.extractors.term import extract
from factcheck.text import Document

PEERS = Path(__file__).resolve().parents[1].parent / "shared" / "peers"
if not PEERS.is_dir():
    pytest.skip(
        f"the peers' cases are not here ({PEERS}): ../shared/ comes with the project's CI, not with a fresh clone",
        allow_module_level=True,
    )

REQUIRED_RATE = 0.95   # issue 6: every suite at 0.95 or better

def _records() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(PEERS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record["kind"] == "duration":
                    by_file[path.name].append(record)
    return dict(by_file)


RECORDS = _records()


def is_hit(record: dict) -> bool:
    # the hit rule the benchmarks use for every parser (benchmarks/hit_rules.py)
    claims = extract(Document(record["text"]), Options())
    return duration_hit(record, [Length(c.span.start, c.span.end, parse_iso(c.value.iso)) for c in claims])


def _rate(records: list[dict]) -> tuple[float, list[str]]:
    misses = [r["id"] for r in records if not is_hit(r)]
    return 1 - len(misses) / len(records), misses


def test_there_are_duration_cases() -> None:
    assert sum(len(records) for records in RECORDS.values()) >= 80


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_hit_rate_per_file(name: str) -> None:
    rate, misses = _rate(RECORDS[name])
    print(f"{name}: {rate:.3f} of {len(RECORDS[name])} duration cases; missed {misses}")
    assert rate >= REQUIRED_RATE, f"{name}: hit rate {rate:.3f}, missed {misses}"


def test_hit_rate_overall() -> None:
    records = [r for name in sorted(RECORDS) for r in RECORDS[name]]
    rate, misses = _rate(records)
    print(f"overall: {rate:.3f} of {len(records)} duration cases; missed {misses}")
    assert rate >= REQUIRED_RATE, f"overall hit rate {rate:.3f}, missed {misses}"


@pytest.mark.parametrize(
    "record_id", [r["id"] for records in RECORDS.values() for r in records if r["negative"]]
)
def test_negative_cases_find_nothing(record_id: str) -> None:
    record = next(r for records in RECORDS.values() for r in records if r["id"] == record_id)
    assert is_hit(record), [c.text for c in extract(Document(record["text"]), Options())]
