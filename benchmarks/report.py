"""Write docs/benchmarks.md from the results in build/bench/*.json (run by `make bench`)."""

from __future__ import annotations

import json
import math

from .common import RESULTS, ROOT

DOC = ROOT / "docs" / "benchmarks.md"
SUITES = ("price_parser/money", "quantulum/money", "duckling/money", "quantulum/duration", "duckling/duration")
PARSERS = ("factcheck", "quantulum3", "price-parser", "recognizers-text")
ACCURACY_TARGET = 0.95
CHECK_TARGET_SECONDS = 0.010
COLD_START_TARGET_SECONDS = 0.3
QUANTULUM_RATIO_TARGET = 10
MEMORY_TARGET_MB = 150
BATCH_RATIO_TARGET = 1.7


def _load(part: str) -> dict | None:
    path = RESULTS / f"{part}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _met(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _pct(value: float | None) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{100 * value:.1f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _accuracy(data: dict, targets: list[list[str]]) -> list[str]:
    results = {(r["parser"], r["suite"]): r for r in data["results"]}
    out = ["## 1. Parsing accuracy on the peers' cases", "",
           "Hit rates on the money and duration cases of `../shared/peers/` (the README there describes "
           "them), every parser on the same texts under one hit rule (`benchmarks/hit_rules.py`): every expected "
           "item found with the same value (relative error below 1e-9) and the same ISO currency or a currency of "
           "the named family; durations by length (seconds with year = 365 days and month = 30 days, or the same "
           "months and fixed part); a negative case is a hit when nothing is found. Adapters "
           "(`benchmarks/parsers.py`) map each parser's output to those values: quantulum3's currency units by "
           "their ISO code or name, price-parser's currency strings through the records' own table of them and "
           "then CLDR (`$` -> USD), Recognizers-Text's currency units by ISO code or name and its durations by "
           "their TIMEX or seconds. quantulum3 runs with its classifier, retrained by `make bench` with the "
           "scikit-learn installed (the shipped one does not load with current scikit-learn). price-parser has no "
           "durations. price-parser's 217 bare-number cases are not a money or duration suite and are left out.",
           ""]
    header = ["suite", "cases"] + [f"{p} {data['versions'].get(p, '')}" for p in PARSERS]
    rows = []
    for suite in SUITES:
        cases = next((r["cases"] for (p, s), r in results.items() if s == suite), 0)
        row = [suite, str(cases)]
        for parser in PARSERS:
            r = results.get((parser, suite))
            row.append("-" if r is None else f"{r['rate']:.3f} ({r['hits']})")
        rows.append(row)
    for kind in ("money", "duration"):
        row = [f"all {kind}", str(sum(r["cases"] for (p, s), r in results.items() if p == "factcheck" and s.endswith(kind)))]
        for parser in PARSERS:
            mine = [r for (p, s), r in results.items() if p == parser and s.endswith("/" + kind)]
            total = sum(r["cases"] for r in mine)
            row.append(f"{sum(r['hits'] for r in mine) / total:.3f}" if mine and len(mine) == len(
                [s for s in SUITES if s.endswith(kind)]) else "-")
        rows.append(row)
    out += _table(header, rows)
    worst = min((r for (p, s), r in results.items() if p == "factcheck"), key=lambda r: r["rate"])
    targets.append([f"factcheck >= {ACCURACY_TARGET} on every suite", f"lowest {worst['rate']:.3f} ({worst['suite']})",
                    _met(worst["rate"] >= ACCURACY_TARGET)])
    out += ["factcheck's misses:", ""]
    for suite in SUITES:
        r = results.get(("factcheck", suite))
        for miss in (r or {}).get("misses", []):
            expected = "; ".join(
                f"{item.get('span_text')!r} = {item.get('value', item.get('seconds'))} {item.get('unit') or item.get('currency_family') or ''}"
                .strip() for item in miss.get("expected", []))
            out.append(f"- `{miss['id']}` {miss['text'][:80]!r}: expected {expected or 'nothing'}; "
                       f"found {', '.join(miss['found']) or 'nothing'}")
    return out + [""]


def _verdicts(data: dict, targets: list[list[str]]) -> list[str]:
    domains = data["domains"]
    out = ["## 2. Verdict quality on SummEdits", "",
           f"{data['records']} summaries of `../shared/consistency/summedits.jsonl`"
           + (f" (a sample of {data['sampled']} per domain)" if data["sampled"] else " (all of them)")
           + f", checked in {data['seconds']:.0f} s with `factcheck.check(summary, source=article)`. A summary is "
           "predicted inconsistent when any claim is contradicted. Balanced accuracy is the mean of the recall on "
           "inconsistent summaries and the specificity on consistent ones. The slice keeps the edits that change a "
           "number, an amount, a date or a name (`meta.diff.kinds` number, money, date_time, capitalized: heuristic "
           "tags); SummEdits' consistent summaries mostly carry no such tag, so the slice is scored against all "
           "consistent summaries (and, for reference, against the few consistent ones that carry a tag).", ""]
    rows = []
    for domain, d in domains.items():
        published = ", ".join(f"{name} {value}" for name, value in d["published"].items())
        rows.append([domain, str(d["all"]["n"]), _pct(d["all"]["balanced_accuracy"]), _pct(d["all"]["recall"]),
                     _pct(d["all"]["specificity"]), _pct(d["slice_vs_all_consistent"]["balanced_accuracy"]),
                     f"{_pct(d['slice_edit_kinds']['balanced_accuracy'])} (n={d['slice_edit_kinds']['n']})",
                     published])
    out += _table(["domain", "summaries", "balanced accuracy", "recall", "specificity", "slice vs all consistent",
                   "slice, both labels tagged", "published balanced accuracy"], rows)
    out += ["Contradicted claims: right when the summary is inconsistent and the claim overlaps the edit's inserted "
            "tokens; a false alarm in a consistent summary; unexplained in an inconsistent summary away from the edit "
            "(mostly the same misalignments as the false alarms, repeated in the edited copies of one summary).", ""]
    rows = []
    for domain, d in domains.items():
        c = d["contradicted_claims"]
        kinds = "; ".join(f"{k} {v['precision']:.2f} of {sum(n for key, n in v.items() if key != 'precision')}"
                          for k, v in sorted(d["precision_by_kind"].items()))
        rows.append([domain, str(sum(c.values())), str(c.get("correct", 0)), str(c.get("false_alarm", 0)),
                     str(c.get("unexplained", 0)), f"{d['precision']:.3f}", str(d["distinct_false_alarms"]), kinds])
    out += _table(["domain", "contradicted", "right", "false alarms", "unexplained", "precision",
                   "distinct false alarms", "precision by kind"], rows)
    out += ["What fixes would buy, recomputed from the same verdicts (src/ unchanged): a contradiction is dropped "
            "when another fact of the source of the same kind supports the claim (alignment chose the wrong fact), "
            "or when a relative date (`last year`) that no publication date places took part.", ""]
    rows = []
    for domain, d in domains.items():
        for name, scores in d["what_if"].items():
            sliced = d["what_if_slice"][name]
            rows.append([domain, name, _pct(scores["balanced_accuracy"]), _pct(sliced["balanced_accuracy"]),
                         str(scores["contradicted"]), f"{scores['precision']:.3f}"])
    out += _table(["domain", "contradictions kept", "balanced accuracy", "slice", "contradicted claims",
                   "precision"], rows)
    out += ["The false alarms' reasons, values blanked, most common first:", ""]
    out += _table(["kind", "reason", "false alarms"],
                  [[p["kind"], p["reason"].replace("|", "/"), str(p["count"])] for p in data["false_alarm_patterns"][:20]])
    return out


def _speed(data: dict, targets: list[list[str]]) -> list[str]:
    ext = {row["parser"]: row for row in data["extraction"]["text"]}
    ours = ext["factcheck, all kinds (quantulum3's text)"]
    quantulum = ext["quantulum3 (all quantities)"]
    ratio_mb = ours["mb_per_second"] / quantulum["mb_per_second"]
    ratio_found = ours["found_per_second"] / quantulum["found_per_second"]
    targets.append([f"extraction >= {QUANTULUM_RATIO_TARGET}x quantulum3's throughput",
                    f"{ratio_mb:.0f}x (MB/s), {ratio_found:.0f}x (found per second)", _met(ratio_mb >= QUANTULUM_RATIO_TARGET)])
    out = ["## 3. Speed and memory", "",
           "Side by side in one process on one news-like text of our own (`benchmarks/corpus.py`: sums in four "
           "currencies and several forms, terms, dates, counts, places). `found` is claims for factcheck and "
           "quantities or results for the peers; the slow peers read a shorter slice of the same text.", ""]
    rows = [[r["parser"], f"{r['bytes'] / 1e3:.1f}", f"{r['seconds']:.3f}", str(r["found"]),
             f"{r['found_per_second']:.0f}", f"{r['mb_per_second']:.4f}",
             "" if r["parser"].startswith("factcheck") else f"{ours['mb_per_second'] / r['mb_per_second']:.1f}x"]
            for r in data["extraction"]["text"]]
    out += _table(["parser", "kB", "seconds", "found", "found/s", "MB/s", "factcheck (all kinds) is faster by"], rows)
    short = {row["parser"]: row for row in data["extraction"]["short_strings"]}
    fc, pp = short["factcheck, amount"], short["price-parser"]
    out += [f"One price from each of the {fc['strings']} short strings of price-parser's cases: factcheck's amount "
            f"extractor {fc['strings_per_second']:.0f} strings/s, price-parser {pp['strings_per_second']:.0f} strings/s "
            f"(factcheck at {fc['strings_per_second'] / pp['strings_per_second']:.2f}x price-parser's rate; price-parser "
            "reads one number and a currency, not scale words, ranges or several sums).", ""]
    c = data["checks"]
    targets.append(["check a 1,000-word draft against a 1,000-word source, warm, one core",
                    f"{c['check_seconds'] * 1e3:.0f} ms", _met(c["check_seconds"] <= CHECK_TARGET_SECONDS)])
    out += [f"**Checks.** Pairs of a draft and its source of about {c['draft_words']} words each (the first: "
            f"{c['claims']} claims, {c['facts']} facts), each pair new to the process (warmed up on another), "
            f"{c['pairs']} pairs for each figure, median: {c['check_seconds'] * 1e3:.1f} ms per check "
            f"({c['checks_per_second']:.1f} checks/s); against the source's fact sheet made beforehand "
            f"{c['check_with_sheet_seconds'] * 1e3:.1f} ms; extracting the draft's claims alone "
            f"{c['extract_draft_seconds'] * 1e3:.1f} ms, the source's facts {c['extract_source_seconds'] * 1e3:.1f} ms. "
            f"The same pair checked again and again (what memoised numerals, descriptions and places save): "
            f"{c['repeated_check_seconds'] * 1e3:.1f} ms. Target under {CHECK_TARGET_SECONDS * 1e3:.0f} ms.", ""]
    cold = data["cold_start"]
    targets.append(["CLI cold start (`factcheck check` on a small draft)", f"{cold['cli_seconds'] * 1e3:.0f} ms",
                    _met(cold["cli_seconds"] <= COLD_START_TARGET_SECONDS)])
    out += [f"**Cold start.** `factcheck check` on a {cold['draft_words']}-word draft and a {cold['source_words']}-word "
            f"source, in a new process each time with factcheck's bytecode written (as pip installs it), caches of "
            f"the gazetteer, currency names, rates and unit lengths built, median of 9: {cold['cli_seconds'] * 1e3:.0f} ms (a bare "
            f"interpreter starts in {cold['python_startup_seconds'] * 1e3:.0f} ms; the imports of that run add up to "
            f"{cold['imports_total_us'] / 1e3:.0f} ms by `python -X importtime`; the rest is data loaded on first use: "
            "see the cold profile below). Target under 300 ms. The costliest imports of that run (cumulative):", ""]
    out += _table(["module", "cumulative ms", "own ms"],
                  [[i["module"], f"{i['cumulative_us'] / 1e3:.1f}", f"{i['self_us'] / 1e3:.1f}"]
                   for i in cold["top_level_imports"][:10]])
    out += ["**Import time** (new process, median of 5):", ""]
    out += _table(["import", "ms"], [[name, f"{seconds * 1e3:.0f}"] for name, seconds in data["imports"].items()])
    memory = data["memory"]
    key = "factcheck: check 1,000 words against 1,000 words"
    targets.append([f"peak memory under {MEMORY_TARGET_MB} MB (check 1,000 words against 1,000)",
                    f"{memory[key]['rss_mb']:.0f} MB resident, {memory[key]['traced_peak_mb']:.0f} MB traced",
                    _met(memory[key]["rss_mb"] <= MEMORY_TARGET_MB)])
    out += ["**Peak memory**, each workload in a fresh interpreter: the resident peak (VmHWM) and the peak of "
            "Python's allocations (tracemalloc, a separate run).", ""]
    out += _table(["workload", "resident peak MB", "traced peak MB"],
                  [[name, f"{row['rss_mb']:.0f}", f"{row['traced_peak_mb']:.0f}"] for name, row in memory.items()])
    return out


def _scaling(data: dict, targets: list[list[str]]) -> list[str]:
    out = ["## 4. Scaling", "",
           "Exponent: the least-squares slope of log(time) against log(size); 1 is linear, n log n shows a little "
           "above 1 over these ranges.", ""]
    for name, series in data["draft_size"].items():
        label = "`extract_claims(draft)`" if name == "extract" else "`check(draft, source=sheet)` (a 1,000-word source)"
        out += [f"Draft size, {label}: exponent **{series['exponent']:.2f}**"
                + (f"; left out for the time budget: {', '.join(f'{b / 1e6:g} MB' for b in series['skipped_bytes'])}"
                   if series["skipped_bytes"] else ""), ""]
        out += _table(["draft MB", "seconds", "claims", "MB/s", "resident peak MB during the run"],
                      [[f"{r['bytes'] / 1e6:g}", f"{r['seconds']:.2f}", str(r["claims"]), f"{r['mb_per_second']:.3f}",
                        f"{r.get('peak_rss_mb', float('nan')):.0f}"] for r in series["runs"]])
    exponent = data["draft_size"]["check"]["exponent"]
    targets.append(["linear in draft size (exponent at most 1.1)", f"exponent {exponent:.2f} (check), "
                    f"{data['draft_size']['extract']['exponent']:.2f} (extraction)", _met(exponent <= 1.1)])
    facts = data["facts"]
    targets.append(["no worse than n log n in facts (exponent at most 1.15)", f"exponent {facts['exponent_above_one_fact']:.2f} "
                    f"(time above the one-fact run)", _met(facts["exponent_above_one_fact"] <= 1.15)])
    out += [f"Facts: `check` of a {facts['draft_words']}-word draft against fact sheets cut from one long article "
            f"({facts['source_facts']} facts). Exponent of the whole time {facts['exponent_total']:.2f}; of the time "
            f"above the one-fact run (the draft's own extraction is the same in every run) "
            f"**{facts['exponent_above_one_fact']:.2f}**, from 100 facts on {facts['exponent_above_one_fact_from_100']:.2f}.", ""]
    out += _table(["facts", "ms"], [[str(r["facts"]), f"{r['seconds'] * 1e3:.1f}"] for r in facts["runs"]])
    return out


def _batch(data: dict, targets: list[list[str]]) -> list[str]:
    runs = data["runs"]
    workers = data["workers"]
    local, dask = runs[f"batch, {workers} local processes"], runs[f"batch, Dask, {workers} workers"]
    worst = min(local["vs_serial_check"], dask["vs_serial_check"])
    targets.append([f"`batch` on {workers} local processes and on Dask with {workers} workers, "
                    f">= {BATCH_RATIO_TARGET}x serial `check`",
                    f"{local['vs_serial_check']:.2f}x local, {dask['vs_serial_check']:.2f}x Dask",
                    _met(worst >= BATCH_RATIO_TARGET)])
    sample = f" (a sample of {data['sampled']} per domain)" if data["sampled"] else ""
    out = ["## 6. Checking many pairs", "",
           f"The {data['pairs']} pairs of `../shared/consistency/summedits.jsonl`{sample}, the summary as the draft "
           f"and the article as its source ({data['sources']} distinct articles), on {data['cores']} cores "
           f"(`benchmarks/batch.py`). Each run is a fresh interpreter, timed from factcheck's first work to the output "
           "written, start-up included: serial `check`, pair after pair (each pair extracts its article's facts, as a "
           "caller of `check` does), and again with one fact sheet per article; `factcheck batch` (`run_batch`, JSONL "
           "in and out) in its own process, on a new pool of local processes, and on a new Dask cluster of one-thread "
           "workers (a `dask scheduler` and `dask worker` processes on 127.0.0.1, started untimed, as a cluster "
           "outlives its runs; the workers import factcheck on their first task). The runs are interleaved, "
           f"{data['repeats']} rounds, the fastest of each kept. Grouping pairs by source is part of what `batch` "
           "gains over serial `check`; the column against `batch` on 1 process isolates the parallel part. Peak "
           "memory: each worker process's VmHWM, polled while the run goes.", ""]
    rows = []
    for name, run in runs.items():
        peaks = run.get("worker_peak_mb") or []
        memory = ", ".join(f"{peak:.0f}" for peak in peaks) if peaks else f"{run['peak_mb']:.0f} (the process)"
        same = "" if "same_rows" not in run else ("yes" if run["same_rows"] else "**no**")
        rows.append([name, f"{run['seconds']:.1f}", f"{run['pairs_per_second']:.1f}", f"{run['vs_serial_check']:.2f}x",
                     f"{run['vs_batch_one_process']:.2f}x", memory, same])
    out += _table(["run", "seconds", "pairs/s", "vs serial check", "vs batch, 1 process",
                   "peak memory per worker, MB", "same summary rows"], rows)
    out += [f"Going through Dask costs {data['dask_cost_per_pair_seconds'] * 1e3:.1f} ms per pair (the Dask run's time "
            f"minus the {workers}-process run's, over the pairs; negative when the noise of a shared machine exceeds it); "
            f"a task that does nothing makes the round trip from the client to a worker and back in "
            f"{dask['empty_task_round_trip_seconds'] * 1e3:.1f} ms, paid once per task of up to 32 pairs.", ""]
    return out


def _profile(data: dict) -> list[str]:
    out = ["## 5. Where the time goes", "",
           "cProfile's flat view (own time, summed by module: factcheck's by file, other libraries by package, "
           "`built-in` for C functions such as regular expressions); pyinstrument's call trees are in "
           "`build/bench/profile-*.txt` after a run.", ""]
    names = {"warm_check": "warm check, 1,000 words against 1,000", "extraction": "extraction, ~120 kB",
             "cold_check": "first check in a new process"}
    for key, title in names.items():
        profile = data[key]
        out += [f"**{title}**", ""]
        modules = ", ".join(f"{m['module']} {100 * m['share']:.0f}%" for m in profile["modules"][:8])
        out += [f"By module: {modules}.", ""]
        out += _table(["function", "where", "own share"],
                      [[f"`{f['function']}`", f"`{f['where']}`", f"{100 * f['share']:.1f}%"] for f in profile["functions"][:10]])
    return out


def main() -> None:
    meta = _load("run") or {}
    targets: list[list[str]] = []
    sections: list[str] = []
    for part, render in (("accuracy", _accuracy), ("verdicts", _verdicts), ("speed", _speed), ("scaling", _scaling)):
        data = _load(part)
        sections += (render(data, targets) if data else [f"## {part}", "", "(not run)", ""]) + [""]
    profile = _load("profile")
    if profile:
        sections += _profile(profile) + [""]
    batch = _load("batch")
    sections += (_batch(batch, targets) if batch else ["## 6. Checking many pairs", "", "(not run)", ""])
    machine = meta.get("machine", {})
    head = ["# Benchmarks", "",
            "Written by `make bench` (`benchmarks/run.py`); do not edit by hand. "
            f"Run on {meta.get('date', '?')}: {machine.get('cpu', '?')}, {machine.get('cores', '?')} cores, "
            f"Python {machine.get('python', '?')} ({machine.get('system', '?')}); load average "
            f"{meta.get('load_average', '?')} at the start; the whole run took {meta.get('seconds', 0) / 60:.1f} min.",
            "", "## Targets", ""]
    head += _table(["target", "measured", ""], targets)
    DOC.write_text("\n".join(head + sections).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
