"""Part 3: speed and memory, factcheck side by side with the peers in one run.

- extraction throughput on one news-like text: claims (quantities) per second and MB/s,
  factcheck (all kinds, and amounts and terms alone) against quantulum3 and Recognizers-Text;
  price-parser reads one price from a short string, so it is timed against factcheck's
  amount extractor on the peers' short price strings;
- checks per second: a 1,000-word draft against a 1,000-word source, warm, in this process
  (one core: CPython runs it on one thread), from the source text and from its fact sheet;
- cold start of the `factcheck check` command on a small draft (subprocesses, median), and
  what its imports cost (`python -X importtime`);
- import time of each library (subprocesses, median);
- peak memory: resident set (the peak, VmHWM, of a fresh subprocess: getrusage's ru_maxrss
  would also count the peak of this process, which it is forked from) and Python
  allocations (tracemalloc, another subprocess).
Writes build/bench/speed.json.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from .common import ROOT, output_path
from .corpus import article, source_and_draft

PYTHON = sys.executable
FACTCHECK_CLI = str(Path(sys.executable).parent / "factcheck")


def _median_time(run: Callable[[], object], repeats: int, min_seconds: float = 0.0) -> tuple[float, object]:
    """Median wall time of `run` over `repeats` calls (more while under `min_seconds`), and its last result."""
    times: list[float] = []
    result: object = None
    started = time.perf_counter()
    while len(times) < repeats or time.perf_counter() - started < min_seconds:
        begin = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


def _throughput(name: str, text: str, run: Callable[[str], int], repeats: int) -> dict:
    run(text[:2000])  # warm: lazy tables, compiled patterns, classifiers
    seconds, found = _median_time(lambda: run(text), repeats)
    size = len(text.encode("utf-8"))
    row = {"parser": name, "bytes": size, "seconds": seconds, "found": found,
           "found_per_second": found / seconds, "mb_per_second": size / seconds / 1e6}
    print(f"  {name:40} {size / 1e3:8.1f} kB {seconds:8.3f} s {row['mb_per_second']:8.4f} MB/s "
          f"{row['found_per_second']:9.0f} found/s", flush=True)
    return row


def extraction() -> dict:
    import factcheck
    import recognizers_suite as recognizers

    from .hit_rules import records
    from .parsers import quantulum_parse

    text = article(20_000)          # ~120 kB for factcheck
    slow_text = article(3_000)      # ~18 kB: quantulum3 reads about 4 kB a second
    slowest_text = article(500)     # Recognizers' date-time model reads about 1 kB a second
    rows = [
        _throughput("factcheck, all kinds", text, lambda t: len(factcheck.extract_claims(t)), 3),
        _throughput("factcheck, amount and term", text,
                    lambda t: len(factcheck.extract_claims(t, kinds=["amount", "term"])), 3),
        _throughput("factcheck, all kinds (quantulum3's text)", slow_text, lambda t: len(factcheck.extract_claims(t)), 5),
        _throughput("quantulum3 (all quantities)", slow_text, lambda t: len(quantulum_parse(t)), 1),
        _throughput("Recognizers-Text, currency", slow_text,
                    lambda t: len(recognizers.recognize_currency(t, recognizers.Culture.English)), 1),
        _throughput("Recognizers-Text, currency and date-time", slowest_text,
                    lambda t: len(recognizers.recognize_currency(t, recognizers.Culture.English))
                    + len(recognizers.recognize_datetime(t, recognizers.Culture.English)), 1),
    ]

    from price_parser import Price

    strings = [record["text"] for record in records("price_parser", "money")]
    short = []
    for name, run in (
        ("factcheck, amount", lambda s: len(factcheck.extract_claims(s, kinds=["amount"]))),
        ("price-parser", lambda s: int(Price.fromstring(s).amount is not None)),
    ):
        run(strings[0])
        seconds, found = _median_time(lambda: sum(run(s) for s in strings), 3)
        short.append({"parser": name, "strings": len(strings), "seconds": seconds,
                      "strings_per_second": len(strings) / seconds, "found": found})
        print(f"  {name:40} {len(strings)} short strings {seconds:.3f} s {len(strings) / seconds:9.0f} strings/s")
    return {"text": rows, "short_strings": short}


# Pairs new to the process, so that nothing a check memoises (numerals, descriptions, places) is reused
# from an earlier run on the same text: every measurement below has pairs of its own (seeds of the corpus).
PAIRS_EACH = 20


def checks() -> dict:
    import factcheck

    seeds = iter(range(3000, 3000 + 1 + 4 * PAIRS_EACH))
    warm_source, warm_draft = source_and_draft(1000, seed=next(seeds))
    factcheck.check(warm_draft, source=warm_source)   # warm: lazy tables, compiled patterns

    def with_sheet(source: str, draft: str) -> Callable[[], object]:
        sheet = factcheck.extract_facts(source)   # made beforehand, not timed
        return lambda: factcheck.check(draft, source=sheet)

    variants: dict[str, Callable[[str, str], Callable[[], object]]] = {
        "check": lambda source, draft: lambda: factcheck.check(draft, source=source),
        "check_with_sheet": with_sheet,
        "extract_draft": lambda source, draft: lambda: factcheck.extract_claims(draft),
        "extract_source": lambda source, draft: lambda: factcheck.extract_facts(source),
    }
    runs = {name: [prepare(*source_and_draft(1000, seed=next(seeds))) for _ in range(PAIRS_EACH)]
            for name, prepare in variants.items()}
    # interleaved, in a turning order: what one run leaves memoised for the next (a name it looked up)
    # and the machine's slow minutes fall on every variant alike
    times: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for turn in range(PAIRS_EACH):
        for name in names[turn % len(names):] + names[: turn % len(names)]:
            begin = time.perf_counter()
            runs[name][turn]()
            times[name].append(time.perf_counter() - begin)
    from_text, from_sheet, extract_draft, extract_source = (statistics.median(times[name]) for name in variants)
    repeated, report = _median_time(lambda: factcheck.check(warm_draft, source=warm_source), 15, min_seconds=2)
    summary = report.summary  # type: ignore[attr-defined]
    result = {
        "pairs": PAIRS_EACH, "draft_words": len(warm_draft.split()), "source_words": len(warm_source.split()),
        "claims": len(report.claims), "facts": len(factcheck.extract_facts(warm_source).facts),
        "verdicts": summary.model_dump(),
        "check_seconds": from_text, "check_with_sheet_seconds": from_sheet,
        "extract_draft_seconds": extract_draft, "extract_source_seconds": extract_source,
        "repeated_check_seconds": repeated, "checks_per_second": 1 / from_text,
    }
    print(f"  check 1,000 words against 1,000 words: {from_text * 1e3:.1f} ms (with the fact sheet "
          f"{from_sheet * 1e3:.1f} ms; extracting the draft alone {extract_draft * 1e3:.1f} ms, the source "
          f"{extract_source * 1e3:.1f} ms; the same pair again {repeated * 1e3:.1f} ms)", flush=True)
    return result


# Installed packages carry their bytecode (pip writes it); a shell that sets PYTHONDONTWRITEBYTECODE
# would make every run compile factcheck's sources anew, which no user's run does.
_INSTALLED_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _subprocess_seconds(command: list[str], repeats: int, **kwargs) -> float:
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, **kwargs)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def cold_start() -> dict:
    source, draft = source_and_draft(120, seed=11)
    with tempfile.TemporaryDirectory() as folder:
        draft_path, source_path = Path(folder, "draft.txt"), Path(folder, "source.txt")
        draft_path.write_text(draft, encoding="utf-8")
        source_path.write_text(source, encoding="utf-8")
        command = [FACTCHECK_CLI, "check", str(draft_path), "--source", str(source_path)]
        subprocess.run(command, check=False, capture_output=True, env=_INSTALLED_ENV)   # byte-compile once
        interpreter = _subprocess_seconds([PYTHON, "-c", "pass"], 7, env=_INSTALLED_ENV)
        cli = _subprocess_seconds(command, 9, env=_INSTALLED_ENV)
        importtime = subprocess.run(
            [PYTHON, "-X", "importtime", "-c",
             "import sys; from factcheck.cli import main; sys.argv = sys.argv[1:]; main()",
             "factcheck", "check", str(draft_path), "--source", str(source_path)],
            check=False, capture_output=True, text=True,
        ).stderr
    imports = []
    for line in importtime.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, cumulative, name = line[len("import time:"):].split("|")
            # the module's name is indented two spaces a level, after one space of the column
            imports.append({"module": name.strip(), "self_us": int(own), "cumulative_us": int(cumulative),
                            "depth": (len(name) - len(name.lstrip()) - 1) // 2})
    top_level = sorted((i for i in imports if i["depth"] == 0), key=lambda i: -i["cumulative_us"])[:12]
    by_self = sorted(imports, key=lambda i: -i["self_us"])[:12]
    result = {"draft_words": len(draft.split()), "source_words": len(source.split()),
              "python_startup_seconds": interpreter, "cli_seconds": cli,
              "imports_total_us": sum(i["self_us"] for i in imports),
              "top_level_imports": top_level, "imports_by_self_time": by_self}
    print(f"  CLI cold start {cli * 1e3:.0f} ms (bare interpreter {interpreter * 1e3:.0f} ms); "
          f"imports {result['imports_total_us'] / 1e3:.0f} ms", flush=True)
    return result


IMPORTS = {
    "factcheck": "import factcheck",
    "factcheck.pipeline (the checker)": "import factcheck.pipeline",
    "quantulum3": "from quantulum3 import parser",
    "price-parser": "import price_parser",
    "Recognizers-Text": "import recognizers_suite",
}


def import_times() -> dict:
    probe = ("import time, warnings; warnings.simplefilter('ignore'); begin = time.perf_counter(); {}; "
             "print(time.perf_counter() - begin)")
    result = {}
    for name, statement in IMPORTS.items():
        runs = [float(subprocess.run([PYTHON, "-c", probe.format(statement)], check=True, capture_output=True,
                                     text=True).stdout) for _ in range(5)]
        result[name] = statistics.median(runs)
        print(f"  import {name:35} {result[name] * 1e3:7.1f} ms", flush=True)
    return result


# each workload runs in a fresh interpreter; `{trace}` turns tracemalloc on or off
_MEMORY_PROBE = """
import json, resource, sys, tracemalloc, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {root!r})
from benchmarks.corpus import source_and_draft, article
trace = {trace}
source, draft = source_and_draft(1000)
big = article({big_words}) if {needs_big} else ""
if trace:
    tracemalloc.start()
{workload}
peak = tracemalloc.get_traced_memory()[1] if trace else None
# VmHWM is this process's own peak; getrusage's ru_maxrss also keeps the peak of the parent it was forked from
hwm = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({{"rss_kb": hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "traced_peak": peak}}))
"""

MEMORY_WORKLOADS = {
    "interpreter and the benchmark texts only": ("pass", False),
    "factcheck: check 1,000 words against 1,000 words": (
        "import factcheck\nfactcheck.check(draft, source=source)", False),
    "factcheck: check a 100 kB draft against 1,000 words": (
        "import factcheck\nfactcheck.check(big, source=source)", True),
    "quantulum3: parse the 1,000-word draft": (
        "from benchmarks.parsers import quantulum_parse\nquantulum_parse(draft)", False),
}


def memory() -> dict:
    result = {}
    for name, (workload, needs_big) in MEMORY_WORKLOADS.items():
        row = {}
        for trace in (False, True):
            code = _MEMORY_PROBE.format(root=str(ROOT), trace=trace, workload=workload,
                                        needs_big=needs_big, big_words=17_000)
            out = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True).stdout
            data = json.loads(out.strip().splitlines()[-1])
            if trace:
                row["traced_peak_mb"] = data["traced_peak"] / 1e6
            else:
                row["rss_mb"] = data["rss_kb"] / 1e3
        result[name] = row
        print(f"  {name:55} RSS {row['rss_mb']:7.1f} MB, traced peak {row['traced_peak_mb']:7.1f} MB", flush=True)
    return result


def main() -> None:
    warnings.simplefilter("ignore")
    print("extraction", flush=True)
    result = {"extraction": extraction()}
    print("checks", flush=True)
    result["checks"] = checks()
    print("cold start", flush=True)
    result["cold_start"] = cold_start()
    print("import times", flush=True)
    result["imports"] = import_times()
    print("memory", flush=True)
    result["memory"] = memory()
    output_path("speed").write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
