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

Each run is a fresh interpreter, timed from before factcheck's first work to the output
written: start-up included (a new pool's processes; Dask workers that import factcheck on
their first task; the Dask processes themselves are started before, untimed, a new cluster for
each run, as a cluster outlives its runs). The runs are interleaved, `--repeat` rounds (default
2), and the fastest of each kept: a burst of load from elsewhere falls on one repeat of one run.
The peak memory of each worker process is its VmHWM, polled from /proc while the run goes. The
cost of going through Dask: the Dask run's time minus the 2-process run's, per pair, and the
round trip of an empty task on the cluster. Every run must give the same summary rows.
`--sample N` takes N summaries per domain.
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
    """The resident peak (VmHWM) of processes, polled from /proc: the given pids, or the processes
    under `root`."""

    def __init__(self, pids: list[int] | None = None, root: int | None = None) -> None:
        self.pids, self.root, self.peaks = pids, root or os.getpid(), {}
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
            for pid in self.pids if self.pids is not None else _descendants(self.root):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(line.split()[1]) / 1e3)

    def worker_peaks(self) -> list[float]:
        return sorted(self.peaks.values(), reverse=True)


def process_parents() -> dict[int, int]:
    """Each running process's parent, from /proc (Linux): {pid: parent pid}."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return parents


def stop_process(process: subprocess.Popen) -> None:
    """Terminate a process and wait for it; kill it when it does not end within 15 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _descendants(root: int) -> list[int]:
    parents = process_parents()
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


# One `run_batch` in a fresh interpreter, timed from before factcheck's first import.
_BATCH = """
import json, sys, time
begin = time.perf_counter()
from factcheck.batch import run_batch
run_batch(sys.argv[1], sys.argv[2], **json.loads(sys.argv[3]))
seconds = time.perf_counter() - begin
peak = [int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(json.dumps({"seconds": seconds, "peak_mb": peak[0] / 1e3 if peak else None}))
"""


def _batch(pairs_file: Path, out: Path, memory_of: list[int] | None = None, **engine: object) -> dict:
    """The run's time and its own peak memory, and the peaks of its workers: the processes under it
    (a local pool's), or those of `memory_of` (a Dask cluster's)."""
    process = subprocess.Popen([sys.executable, "-c", _BATCH, str(pairs_file), str(out), json.dumps(engine)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    with _PeakMemory(memory_of, root=process.pid) as memory:
        output, _ = process.communicate()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"run_batch failed ({process.returncode})")
    run = json.loads(output.strip().splitlines()[-1])
    run["worker_peak_mb"] = memory.worker_peaks()[:WORKERS]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    run["rows"] = [{**row, "seconds": None} for row in rows if row["type"] == "summary"]
    out.unlink()
    return run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dask_run(pairs_file: Path, folder: Path) -> dict:
    """A batch run on a new Dask cluster of WORKERS one-thread workers (started and stopped untimed)."""
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
            run = _batch(pairs_file, folder / "dask.jsonl", memory_of=[worker.pid for worker in workers],
                         scheduler=address)
            # the round trip of a task that does nothing: what Dask adds to each task
            client.submit(int, 0, pure=False).result()
            begin = time.perf_counter()
            for n in range(50):
                client.submit(int, n, pure=False).result()
            run["empty_task_round_trip_seconds"] = (time.perf_counter() - begin) / 50
        return run
    finally:
        for process in reversed(processes):
            stop_process(process)


def _fastest(runs: list[dict]) -> dict:
    """The fastest of a run's repeats (the others lost time to the machine's other work), with the
    highest memory peaks seen and whether every repeat gave the same rows."""
    best = dict(min(runs, key=lambda run: run["seconds"]))
    best["repeats_seconds"] = [run["seconds"] for run in runs]
    if any(run.get("worker_peak_mb") for run in runs):
        best["worker_peak_mb"] = [max(peaks) for peaks in zip(*(run["worker_peak_mb"] for run in runs))]
    best["peak_mb"] = max(run["peak_mb"] or 0 for run in runs)
    return best


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--sample", type=int, default=None, help="SummEdits summaries per domain (default: all)")
    arguments.add_argument("--repeat", type=int, default=2, help="rounds of every run, the fastest kept (default 2)")
    options = arguments.parse_args()
    records = load(options.sample)
    pairs = [{"id": r["id"], "draft": r["summary"], "source": r["article"]} for r in records]
    result: dict = {"pairs": len(pairs), "sources": len({p["source"] for p in pairs}), "sampled": options.sample,
                    "workers": WORKERS, "cores": len(os.sched_getaffinity(0)), "repeats": options.repeat}
    serial, grouped = "check, serial", "check, serial, one fact sheet per article"
    one, local, dask = "batch, 1 local process", f"batch, {WORKERS} local processes", f"batch, Dask, {WORKERS} workers"
    rounds: dict[str, list[dict]] = {name: [] for name in (serial, grouped, one, local, dask)}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        pairs_file = folder / "pairs.jsonl"
        pairs_file.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
        # the runs interleaved, round after round: a burst of load elsewhere falls on one repeat of one run
        for round_number in range(options.repeat):
            print(f"round {round_number + 1}", flush=True)
            rounds[serial].append(_serial(pairs_file, "each"))
            rounds[grouped].append(_serial(pairs_file, "grouped"))
            rounds[one].append(_batch(pairs_file, folder / "one.jsonl", processes=1))
            rounds[local].append(_batch(pairs_file, folder / "local.jsonl", processes=WORKERS))
            rounds[dask].append(_dask_run(pairs_file, folder))
            for name, runs in rounds.items():
                print(f"  {name}: {runs[-1]['seconds']:.1f} s", flush=True)
    reference = rounds[one][0]["rows"]
    runs = result["runs"] = {}
    for name, repeats in rounds.items():
        same = [run.pop("rows") == reference for run in repeats if "rows" in run]
        runs[name] = _fastest(repeats)
        if same:
            runs[name]["same_rows"] = all(same)
    for run in runs.values():
        run["pairs_per_second"] = len(pairs) / run["seconds"]
        run["vs_serial_check"] = runs[serial]["seconds"] / run["seconds"]
        run["vs_batch_one_process"] = runs[one]["seconds"] / run["seconds"]
    result["dask_cost_per_pair_seconds"] = (runs[dask]["seconds"] - runs[local]["seconds"]) / len(pairs)
    output_path("batch").write_text(json.dumps(result, indent=1), encoding="utf-8")
    for name, run in runs.items():
        print(f"{name:45} {run['seconds']:7.1f} s {run['pairs_per_second']:7.1f} pairs/s "
              f"x{run['vs_serial_check']:.2f} serial check, x{run['vs_batch_one_process']:.2f} batch 1 process")


if __name__ == "__main__":
    main()
