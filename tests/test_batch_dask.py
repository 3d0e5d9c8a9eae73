"""`factcheck batch` and `check_many` on a real Dask cluster: a `dask scheduler` and two `dask worker`
processes on 127.0.0.1, started by the test as separate processes and stopped after it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

import factcheck
from benchmarks.batch import stop_process
from factcheck.cli import main
from factcheck.models import Report

from .test_batch import claims_by_id, expected_reports, good_rows, read_output, report_claims, slow_pairs, write_jsonl

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'factcheck[dask]'")

STARTUP_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Cluster:
    address: str
    workers: dict[str, subprocess.Popen]    # by name


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    started: list[subprocess.Popen] = []

    def start(*args: str, name: str) -> subprocess.Popen:
        log = open(folder / f"{name}.log", "w")
        process = subprocess.Popen([*dask, *args], cwd=folder, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        started.append(process)
        return process

    try:
        start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard", name="scheduler")
        workers = {
            name: start("worker", address, "--name", name, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                        "--local-directory", str(folder / name), name=name)
            for name in ("w1", "w2")
        }
        with distributed.Client(address, timeout=STARTUP_SECONDS, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        yield Cluster(address, workers)
    finally:
        for process in reversed(started):
            stop_process(process)


def test_batch_on_a_dask_cluster_gives_the_verdicts_of_check(cluster, tmp_path, capsys):
    rows = good_rows(tmp_path)
    expected = expected_reports(rows, tmp_path)
    out = tmp_path / "results.parquet"
    pairs = write_jsonl(tmp_path / "pairs.jsonl", rows)
    assert main(["batch", str(pairs), "--out", str(out), "--scheduler", cluster.address]) == 1
    claims = claims_by_id(read_output(out))
    for pair_id, report in expected.items():
        assert claims.get(pair_id, []) == report_claims(report), pair_id
    assert f"{len(rows)} pairs in" in capsys.readouterr().err


def test_the_scheduler_may_come_from_the_environment(cluster, tmp_path, monkeypatch):
    rows = good_rows(tmp_path)
    pairs = write_jsonl(tmp_path / "pairs.jsonl", rows)
    main(["batch", str(pairs), "--out", str(tmp_path / "local.jsonl"), "--processes", "1"])
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.address)
    main(["batch", str(pairs), "--out", str(tmp_path / "dask.jsonl")])
    with distributed.Client(cluster.address, set_as_default=False) as client:
        # the tasks ran on the cluster's workers, which hold the sources' fact sheets now
        held = client.run(lambda: len(__import__("factcheck.pipeline").pipeline._SHEETS))
    assert sum(held.values()) >= 2
    local, dask = read_output(tmp_path / "local.jsonl"), read_output(tmp_path / "dask.jsonl")
    assert [{**row, "seconds": None} for row in local] == [{**row, "seconds": None} for row in dask]


def test_an_unreachable_scheduler_is_one_line_and_status_2(tmp_path):
    pairs = write_jsonl(tmp_path / "pairs.jsonl", good_rows(tmp_path))
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}
    result = subprocess.run([sys.executable, "-m", "factcheck", "batch", str(pairs), "--out", str(tmp_path / "o.jsonl"),
                             "--scheduler", f"tcp://127.0.0.1:{free_port()}"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("factcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1


# last in this file: it kills one of the cluster's two workers
def test_the_pairs_of_a_worker_that_dies_are_checked_by_another(cluster, tmp_path):
    pairs = slow_pairs(24)
    expected = [report_claims(factcheck.check(pair["draft"], source=pair["source"])) for pair in pairs]
    reports: list = []
    with distributed.Client(cluster.address, set_as_default=False) as client:
        victim = next(address for address, worker in client.scheduler_info()["workers"].items()
                      if worker["name"] == "w2")
        run = threading.Thread(target=lambda: reports.extend(factcheck.check_many(pairs, client=client)))
        run.start()
        deadline = time.monotonic() + 60
        while not client.processing().get(victim):   # a task of the victim's in flight
            assert run.is_alive() and time.monotonic() < deadline, "the second worker never took a task"
            time.sleep(0.005)
        os.kill(cluster.workers["w2"].pid, signal.SIGKILL)
        run.join(timeout=120)
        assert not run.is_alive()
        assert victim not in client.scheduler_info()["workers"]
    assert all(isinstance(report, Report) for report in reports), [r for r in reports if not isinstance(r, Report)]
    assert [report_claims(report) for report in reports] == expected
