"""Part 4: how time grows with the draft's size and with the number of facts.

- draft size: `factcheck.extract_claims` on drafts of 10 kB to 10 MB, and the whole
  `factcheck.check` against a 1,000-word source's fact sheet while it fits the time budget;
- facts: `factcheck.check` of a 1,000-word draft against fact sheets of 1 to 10,000 facts
  (the facts of one long source article, cut to size); the extraction of the draft is the
  same in every run, so the slope is fitted on the time above the one-fact run too.
Each draft-size run is a fresh interpreter (warmed on a small check first) and also keeps
its resident peak during the run (VmHWM, reset before it: the libraries and data already
loaded count, the draft itself too). The exponent is the least-squares slope of log(time)
against log(size): 1 is linear, and n log n shows as a little above 1 over these ranges.
Writes build/bench/scaling.json.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
import warnings

from .common import ROOT, output_path
from .corpus import article, source_and_draft

DRAFT_BYTES = (10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)
FACT_COUNTS = (1, 3, 10, 30, 100, 300, 1_000, 3_000, 10_000)
BUDGET_SECONDS = 150   # per series: a run whose projected time passes it is left out, and said so


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x)."""
    usable = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(usable) < 2:
        return None
    mean_x = sum(x for x, _ in usable) / len(usable)
    mean_y = sum(y for _, y in usable) / len(usable)
    spread = sum((x - mean_x) ** 2 for x, _ in usable)
    return sum((x - mean_x) * (y - mean_y) for x, y in usable) / spread if spread else None


# One draft-size run in a fresh interpreter, so that neither the time nor the resident peak carries
# what an earlier, larger run left behind. It reads its draft as a prefix of the pool file.
_DRAFT_PROBE = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {root!r})
import factcheck
from benchmarks.corpus import source_and_draft
kind, size, pool_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(pool_path, encoding="utf-8") as pool:
    text = pool.read(size)
sheet = factcheck.extract_facts(source_and_draft(1000)[0])
factcheck.check(text[:5000], source=sheet)   # warm: lazily loaded data and compiled patterns
with open("/proc/self/clear_refs", "w") as clear:   # the resident peak starts afresh (Linux 4.0+)
    clear.write("5")
begin = time.perf_counter()
result = factcheck.extract_claims(text) if kind == "extract" else factcheck.check(text, source=sheet).claims
seconds = time.perf_counter() - begin
peak = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({{"seconds": seconds, "claims": len(result), "peak_rss_mb": peak[0] / 1e3 if peak else None}}))
"""


def _timed(run) -> tuple[float, object]:
    begin = time.perf_counter()
    result = run()
    return time.perf_counter() - begin, result


def by_draft_size() -> dict:
    # one text of distinct sentences as long as the largest draft, each draft a prefix of it: a draft that
    # repeated a shorter text would run faster than a real one on what factcheck caches per sentence
    pool = article(DRAFT_BYTES[-1] // 5, seed=31)
    series: dict[str, list[dict]] = {"extract": [], "check": []}
    skipped: dict[str, list[int]] = {"extract": [], "check": []}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as pool_file:
        pool_file.write(pool)
        pool_file.flush()
        for name in series:
            for size in DRAFT_BYTES:
                done = series[name]
                if done:   # projected linearly from the last run
                    projected = done[-1]["seconds"] * size / done[-1]["bytes"]
                    if projected > BUDGET_SECONDS:
                        skipped[name].append(size)
                        continue
                probe = _DRAFT_PROBE.format(root=str(ROOT))
                output = subprocess.run([sys.executable, "-c", probe, name, str(size), pool_file.name],
                                        check=True, capture_output=True, text=True).stdout
                run = json.loads(output.strip().splitlines()[-1])
                run.update(bytes=size, mb_per_second=size / run["seconds"] / 1e6)
                done.append(run)
                print(f"  {name:8} {size / 1e6:7.2f} MB  {run['seconds']:8.2f} s  {run['claims']:8} claims  "
                      f"peak {run['peak_rss_mb']:.0f} MB", flush=True)
    return {
        name: {"runs": runs, "skipped_bytes": skipped[name],
               "exponent": slope([(r["bytes"], r["seconds"]) for r in runs])}
        for name, runs in series.items()
    }


def by_fact_count() -> dict:
    import factcheck
    from factcheck.models import FactSheet

    _, draft = source_and_draft(1000)
    long_source = article(75_000, seed=47)
    all_facts = factcheck.extract_facts(long_source)
    if len(all_facts.facts) < FACT_COUNTS[-1]:
        raise RuntimeError(f"the long source has only {len(all_facts.facts)} facts")
    factcheck.check(draft, source=all_facts.model_copy(update={"facts": all_facts.facts[:10]}))
    runs = []
    for count in FACT_COUNTS:
        sheet = FactSheet(anchor_year=all_facts.anchor_year, facts=all_facts.facts[:count])
        times = []
        for _ in range(3 if count <= 1000 else 1):
            seconds, report = _timed(lambda: factcheck.check(draft, source=sheet))
            times.append(seconds)
        seconds = min(times)
        runs.append({"facts": count, "seconds": seconds, "claims": len(report.claims)})  # type: ignore[union-attr]
        print(f"  {count:6} facts  {seconds * 1e3:9.1f} ms", flush=True)
    base = runs[0]["seconds"]
    return {
        "runs": runs, "draft_words": len(draft.split()), "source_facts": len(all_facts.facts),
        "exponent_total": slope([(r["facts"], r["seconds"]) for r in runs]),
        "exponent_above_one_fact": slope([(r["facts"], r["seconds"] - base) for r in runs[1:]]),
        "exponent_above_one_fact_from_100": slope([(r["facts"], r["seconds"] - base) for r in runs if r["facts"] >= 100]),
    }


def main() -> None:
    warnings.simplefilter("ignore")
    print("by draft size", flush=True)
    result = {"draft_size": by_draft_size()}
    print("by number of facts", flush=True)
    result["facts"] = by_fact_count()
    output_path("scaling").write_text(json.dumps(result, indent=1), encoding="utf-8")
    for name, series in result["draft_size"].items():
        print(f"{name}: exponent {series['exponent']}")
    print(f"facts: exponent {result['facts']['exponent_above_one_fact']}")


if __name__ == "__main__":
    main()
