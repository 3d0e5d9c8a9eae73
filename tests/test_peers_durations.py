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

REQUIRED_RATE = 0.90

_DAY = 86_400
# the upstream convention the records' `seconds` follow
_SECONDS = {
    "year": 365 * _DAY, "quarter": 90 * _DAY, "month": 30 * _DAY, "week": 7 * _DAY,
    "day": _DAY, "hour": 3_600, "minute": 60, "second": 1,
}
_MONTHS = {"year": 12, "quarter": 3, "month": 1}


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


def _length(components: dict[str, float]) -> tuple[float, float, float]:
    """(seconds under the upstream convention, months, fixed-length seconds) of a length."""
    seconds = sum(_SECONDS[unit] * amount for unit, amount in components.items())
    months = sum(_MONTHS[unit] * amount for unit, amount in components.items() if unit in _MONTHS)
    fixed = sum(_SECONDS[unit] * amount for unit, amount in components.items() if unit not in _MONTHS)
    return seconds, months, fixed


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _agree(ours: tuple[float, float, float], expected: tuple[float, float, float]) -> bool:
    return _same(ours[0], expected[0]) or (_same(ours[1], expected[1]) and _same(ours[2], expected[2]))


def _expected_spans(record: dict) -> list[tuple[int, int, tuple[float, float, float]]]:
    text, spans, position = record["text"], [], 0
    for item in record["expected"]:
        start = text.find(item["span_text"], position)
        if start < 0:
            start = text.find(item["span_text"])
        assert start >= 0, f"{record['id']}: {item['span_text']!r} is not in its text"
        spans.append((start, start + len(item["span_text"]), _length(item["components"])))
        position = start + 1
    return spans


def is_hit(record: dict) -> bool:
    claims = list(extract(Document(record["text"]), Options()))
    if record["negative"]:
        return not claims
    ours = [(c.span.start, c.span.end, _length(parse_iso(c.value.iso))) for c in claims]
    expected = _expected_spans(record)
    for start, end, _ in expected:
        overlapping = [claim for claim in ours if claim[0] < end and start < claim[1]]
        if len(overlapping) != 1:
            return False
        claim_start, claim_end, length = overlapping[0]
        covered = [item[2] for item in expected if item[0] < claim_end and claim_start < item[1]]
        total = tuple(sum(parts) for parts in zip(*covered))
        if not _agree(length, total):  # type: ignore[arg-type]
            return False
    return True


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
