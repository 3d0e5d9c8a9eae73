"""Part 6: checking many pairs, serially and with `factcheck batch` on local processes and on Dask.

The pairs of ../shared/consistency/summedits.jsonl (the summary as the draft, the article as
its source), checked in one run, one after the other:

- `check` serially: `factcheck.check(summary, source=article)` pair after pair, in a fresh
  interpreter with factcheck imported (each pair extracts its article's facts, as a caller of
  `check` does);
- `check` serially with each article's fact sheet extracted once (what grouping by source saves);
- `batch` with 1 process (grouping, no parallelism), then with 2 local processes;
- `batch` on a Dask cluster of 2 workers (one thread each), a `dask scheduler` and two
  `dask worker` processes started here and stopped after.

Each figure is the whole run's wall time, start-up included (a new pool's processes, Dask
workers that import factcheck on their first task; the Dask processes themselves are started
beforehand, untimed, as a cluster outlives its runs). The peak memory of each worker process is
its VmHWM, polled from /proc while the run goes. The cost of going through Dask: the Dask run's
time minus the 2-process run's, per pair, and the round trip of an empty task on the cluster.
Every run must give the same summary rows. `--sample N` takes N summaries per domain.
Writes build/bench/batch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .common import ROOT, output_path
from .verdicts import load

WORKERS = 2

_SERIAL = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
import factcheck
pairs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
grouped = sys.argv[2] == "grouped"
begin = time.perf_counter()   # from the first check, which loads libraries and data, as each batch run does
sheets = {}
for pair in pairs:
    source = pair["source"]
    if grouped:
        source = sheets.get(source) or sheets.setdefault(source, factcheck.extract_facts(source))
    factcheck.check(pair["draft"], source=source)
seconds = time.perf_counter() - begin
peak = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({"seconds": seconds, "peak_mb": peak[0] / 1e3 if peak else None}))
"""


def _serial(pairs_file: Path, mode: str) -> dict:
    output = subprocess.run([sys.executable, "-c", _SERIAL, str(pairs_file), mode], check=True,
                            capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


class _PeakMemory:
    """The resident peak (VmHWM) of processes, polled from /proc: the descendants of this process,
    or the given pids."""

    def __init__(self, pids: list[int] | None = None) -> None:
        self.pids, self.peaks = pids, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> "_PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.wait(0.1):
            for pid in self.pids if self.pids is not None else _descendants(os.getpid()):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(line.split()[1]) / 1e3)

    def worker_peaks(self) -> list[float]:
        return sorted(self.peaks.values(), reverse=True)


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def _batch(pairs_file: Path, out: Path, **engine: object) -> tuple[float, list[dict]]:
    from factcheck.batch import run_batch

    begin = time.perf_counter()
    run_batch(pairs_file, out, **engine)  # type: ignore[arg-type]
    seconds = time.perf_counter() - begin
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return seconds, [{**row, "seconds": None} for row in rows if row["type"] == "summary"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dask_run(pairs_file: Path, folder: Path, pairs: int) -> dict:
    import distributed

    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"cwd": folder, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                   "--no-dashboard"], **quiet)]
    try:
        workers = [subprocess.Popen([*dask, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                     "--local-directory", str(folder / f"w{n}")], **quiet) for n in range(WORKERS)]
        processes += workers
        with distributed.Client(address, timeout=120, set_as_default=False) as client:
            client.wait_for_workers(WORKERS, timeout=120)
            with _PeakMemory([worker.pid for worker in workers]) as memory:
                seconds, rows = _batch(pairs_file, folder / "dask.jsonl", scheduler=address)
            # the round trip of a task that does nothing: what Dask adds to each task
            client.submit(int, 0, pure=False).result()
            begin = time.perf_counter()
            for n in range(50):
                client.submit(int, n, pure=False).result()
            round_trip = (time.perf_counter() - begin) / 50
        return {"seconds": seconds, "rows": rows, "worker_peak_mb": memory.worker_peaks(),
                "empty_task_round_trip_seconds": round_trip}
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--sample", type=int, default=None, help="SummEdits summaries per domain (default: all)")
    options = arguments.parse_args()
    records = load(options.sample)
    pairs = [{"id": r["id"], "draft": r["summary"], "source": r["article"]} for r in records]
    result: dict = {"pairs": len(pairs), "sources": len({p["source"] for p in pairs}), "sampled": options.sample,
                    "workers": WORKERS, "cores": len(os.sched_getaffinity(0)), "runs": {}}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        pairs_file = folder / "pairs.jsonl"
        pairs_file.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
        runs = result["runs"]
        for name, mode in (("check, serial", "each"), ("check, serial, one fact sheet per article", "grouped")):
            runs[name] = _serial(pairs_file, mode)
            print(f"  {name}: {runs[name]['seconds']:.1f} s", flush=True)
        reference = None
        for processes in (1, WORKERS):
            with _PeakMemory() as memory:
                seconds, rows = _batch(pairs_file, folder / f"local-{processes}.jsonl", processes=processes)
            name = f"batch, {processes} local process{'es' if processes > 1 else ''}"
            runs[name] = {"seconds": seconds, "worker_peak_mb": memory.worker_peaks()[:WORKERS] if processes > 1 else []}
            reference = reference or rows
            runs[name]["same_rows"] = rows == reference
            print(f"  {name}: {seconds:.1f} s", flush=True)
        dask = _dask_run(pairs_file, folder, len(pairs))
        name = f"batch, Dask, {WORKERS} workers"
        runs[name] = {key: value for key, value in dask.items() if key != "rows"}
        runs[name]["same_rows"] = dask["rows"] == reference
        print(f"  {name}: {dask['seconds']:.1f} s", flush=True)
    serial = runs["check, serial"]["seconds"]
    one = runs["batch, 1 local process"]["seconds"]
    for run in runs.values():
        run["pairs_per_second"] = len(pairs) / run["seconds"]
        run["vs_serial_check"] = serial / run["seconds"]
        run["vs_batch_one_process"] = one / run["seconds"]
    local = runs[f"batch, {WORKERS} local processes"]["seconds"]
    result["dask_cost_per_pair_seconds"] = (dask["seconds"] - local) / len(pairs)
    output_path("batch").write_text(json.dumps(result, indent=1), encoding="utf-8")
    for name, run in runs.items():
        print(f"{name:45} {run['seconds']:7.1f} s {run['pairs_per_second']:7.1f} pairs/s "
              f"x{run['vs_serial_check']:.2f} serial check, x{run['vs_batch_one_process']:.2f} batch 1 process")


if __name__ == "__main__":
    main()
