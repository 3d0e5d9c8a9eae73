"""Run every benchmark, each in its own process, then write docs/benchmarks.md.

    python -m benchmarks.run [--sample N]    # N: SummEdits records per domain (default: all)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time

from .common import ROOT, machine, output_path

PARTS = ("accuracy", "verdicts", "speed", "scaling", "profile", "batch")


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--sample", type=int, default=None, help="SummEdits records per domain (default: all)")
    options = arguments.parse_args()
    started = time.perf_counter()
    meta = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(),
            "load_average": ", ".join(f"{load:.2f}" for load in os.getloadavg()), "parts": {}}
    for part in PARTS:
        command = [sys.executable, "-m", f"benchmarks.{part}"]
        if part in ("verdicts", "batch") and options.sample:
            command += ["--sample", str(options.sample)]
        print(f"== {part}", flush=True)
        begin = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT)
        meta["parts"][part] = time.perf_counter() - begin
    meta["seconds"] = time.perf_counter() - started
    output_path("run").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "benchmarks.report"], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
