"""`factcheck batch` and `factcheck.check_many` on local processes: the same verdicts as `check`,
JSONL and Parquet, error rows for bad rows, exit statuses, resumption after a killed run."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import factcheck
from benchmarks.batch import process_parents
from factcheck.batch import COLUMNS, Progress, consistency_score, read_pairs
from factcheck.cli import main
from factcheck.models import DraftError, Report, Summary

from .conftest import CLAIMS, SHARED

try:
    import pyarrow  # noqa: F401 - Parquet comes with the parquet and dask extras
    HAVE_PYARROW = True
except ImportError:
    HAVE_PYARROW = False
needs_pyarrow = pytest.mark.skipif(not HAVE_PYARROW, reason="Parquet needs pyarrow: pip install 'factcheck[parquet]'")

LIBRARY = (
    "The city council approved a $12 million budget for the new library on March 3, 2023. "
    "Building it will take 18 months, and the shelves will hold 40,000 books. "
    "The work is paid for by a bond that runs for 20 years."
)
STADIUM = (
    "Officials in Lyon, France, said on Tuesday that the stadium repairs would cost about EUR 30 million. "
    "The club signed a five-year lease with the city in 2022, and 12 firms bid for the contract."
)
LIBRARY_DRAFTS = [
    "The council approved a $12 million budget for the library.",
    "The council approved a $15 million budget for the library.",
    "Building the library will take two years.",
    "The shelves will hold 40,000 books, paid for by a 20-year bond.",
]
STADIUM_DRAFTS = [
    "Repairs to the stadium in Lyon will cost about EUR 30 million.",
    "The club signed a ten-year lease in 2022.",
    "Officials in Marseille said 12 firms bid for the contract.",
]


def clean_draft() -> str:
    return (CLAIMS / "drafts" / "clean-summary.md").read_text(encoding="utf-8")


def mistaken_draft() -> str:
    return (CLAIMS / "drafts" / "summary-with-mistakes.md").read_text(encoding="utf-8")


def good_rows(folder: Path) -> list[dict]:
    """Pairs of every source form: article text inline, an article's path, a fact sheet's path."""
    (folder / "stadium.txt").write_text(STADIUM, encoding="utf-8")
    sheet = folder / "japan.yaml"
    sheet.write_text((CLAIMS / "japan-ukraine-2024.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rows = [{"id": f"library-{n}", "draft": draft, "source": LIBRARY} for n, draft in enumerate(LIBRARY_DRAFTS)]
    rows += [{"id": f"stadium-{n}", "draft": draft, "source": "stadium.txt", "published": "2024-05-14"}
             for n, draft in enumerate(STADIUM_DRAFTS)]
    rows += [{"id": "japan-clean", "draft": clean_draft(), "facts": "japan.yaml"},
             {"id": "japan-mistakes", "draft": mistaken_draft(), "facts": "japan.yaml", "published": "2024-06-13"}]
    return rows


def expected_reports(rows: list[dict], folder: Path) -> dict[str, Report]:
    """Each pair checked on its own by `factcheck.check`."""
    expected = {}
    for row in rows:
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        if "facts" in row:
            source = factcheck.load_facts(folder / row["facts"])
        else:
            path = folder / row["source"]
            source = path.read_text(encoding="utf-8") if row["source"].endswith(".txt") else row["source"]
        expected[row["id"]] = factcheck.check(row["draft"], source=source, published=published)
    return expected


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def read_output(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        import pyarrow.parquet

        rows = pyarrow.parquet.read_table(path).to_pylist()
        for row in rows:
            for column in ("value", "roles"):
                if row[column] is not None:
                    row[column] = json.loads(row[column])
        return rows
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def claims_by_id(rows: list[dict]) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for row in rows:
        if row["type"] == "claim":
            found.setdefault(row["id"], []).append(
                (row["kind"], row["text"], row["span"]["start"], row["span"]["end"], row["verdict"], row["reason"]))
    return found


def report_claims(report: Report) -> list[tuple]:
    return [(c.kind, c.text, c.span.start, c.span.end, c.verdict.value, c.reason) for c in report.claims]


def summaries(rows: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for row in rows:
        if row["type"] == "summary":
            assert row["id"] not in found, f"two summary rows for {row['id']}"
            found[row["id"]] = row
    return found


# --- the same verdicts as check ----------------------------------------------------------------


@pytest.mark.parametrize("processes", [1, 2])
def test_batch_gives_the_verdicts_of_check(tmp_path, capsys, processes):
    rows = good_rows(tmp_path)
    expected = expected_reports(rows, tmp_path)
    out = tmp_path / "results.jsonl"
    status = main(["batch", str(write_jsonl(tmp_path / "pairs.jsonl", rows)), "--out", str(out),
                   "--processes", str(processes)])
    assert status == 1   # contradicted claims, as `check` would say
    written = read_output(out)
    assert all(set(row) == set(COLUMNS) for row in written)
    assert [row["id"] for row in written if row["type"] == "summary"] == [row["id"] for row in rows]
    claims = claims_by_id(written)
    for pair_id, report in expected.items():
        assert claims.get(pair_id, []) == report_claims(report), pair_id
        summary = summaries(written)[pair_id]
        assert (summary["supported"], summary["contradicted"], summary["not_found"]) == (
            report.summary.supported, report.summary.contradicted, report.summary.not_found)
        assert summary["score"] == consistency_score(report.summary)
        assert summary["error"] is None and summary["verdict"] is None and summary["seconds"] >= 0
    # a pair's summary row comes first, then its claims in text order
    first = [row["type"] for row in written if row["id"] == "library-1"]
    assert first[0] == "summary" and set(first[1:]) == {"claim"}
    assert sum(report.summary.contradicted for report in expected.values()) > 0
    closing = capsys.readouterr().err.strip().splitlines()[-1]
    assert f"{len(rows)} pairs in {out}" in closing and "pairs/s" in closing and "contradicted" in closing


def test_a_source_is_a_path_when_it_names_a_file_beside_the_input(tmp_path, monkeypatch):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "story-17").write_text(LIBRARY, encoding="utf-8")
    rows = [{"id": "path", "draft": LIBRARY_DRAFTS[1], "source": "wire/story-17"},
            {"id": "text", "draft": LIBRARY_DRAFTS[1], "source": "wire/story-18"},   # no such file: one line of text
            {"id": "long-line", "draft": LIBRARY_DRAFTS[1], "source": " ".join([LIBRARY] * 3)}]  # too long for a name
    monkeypatch.chdir(tmp_path.parent)   # relative to the input's folder, not the working directory
    out = tmp_path / "out.jsonl"
    main(["batch", str(write_jsonl(tmp_path / "pairs.jsonl", rows)), "--out", str(out), "--processes", "1"])
    found = summaries(read_output(out))
    assert found["path"]["contradicted"] == 1 and found["text"]["not_found"] == 1
    assert found["long-line"]["contradicted"] == 1


def test_claim_rows_carry_every_field_of_the_claim(tmp_path):
    out = tmp_path / "results.jsonl"
    rows = [{"id": "a", "draft": LIBRARY_DRAFTS[1], "source": LIBRARY}]
    main(["batch", str(write_jsonl(tmp_path / "pairs.jsonl", rows)), "--out", str(out), "--processes", "1"])
    report = factcheck.check(LIBRARY_DRAFTS[1], source=LIBRARY)
    claim_rows = [row for row in read_output(out) if row["type"] == "claim"]
    for row, claim in zip(claim_rows, report.claims, strict=True):
        data = claim.model_dump(mode="json")
        for column in ("kind", "text", "span", "value", "verdict", "reason", "evidence"):
            assert row[column] == data[column]
        assert row["roles"] == data.get("roles")
        assert row["claims"] is None and row["score"] is None


def test_check_many_yields_the_reports_of_check_in_input_order(tmp_path):
    rows = good_rows(tmp_path)
    expected = expected_reports(rows, tmp_path)
    # dicts with paths relative to the working directory, and plain (draft, source) tuples
    as_dicts = [{**row, **({"facts": str(tmp_path / row["facts"])} if "facts" in row else {}),
                 **({"source": str(tmp_path / row["source"])} if row.get("source") == "stadium.txt" else {})}
                for row in rows]
    tuples = [(draft, LIBRARY) for draft in LIBRARY_DRAFTS]
    sheet = factcheck.load_facts(CLAIMS / "japan-ukraine-2024.yaml")
    tuples.append((mistaken_draft(), sheet))
    for processes in (1, 2):
        reports = list(factcheck.check_many(as_dicts, processes=processes))
        assert [report.path for report in reports] == [row["id"] for row in rows]
        assert [report_claims(r) for r in reports] == [report_claims(expected[row["id"]]) for row in rows]
        from_tuples = list(factcheck.check_many(tuples, processes=processes))
        assert [report_claims(r) for r in from_tuples] == [
            report_claims(factcheck.check(draft, source=source)) for draft, source in tuples]


def slow_pairs(count: int) -> list[dict]:
    """SummEdits' articles each checked against itself: a fifth of a second a pair, many claims each."""
    path = SHARED / "consistency" / "summedits.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = list(dict.fromkeys(record["article"] for record in records))[:count]
    return [{"id": f"article-{n}", "draft": article, "source": article} for n, article in enumerate(articles)]


def _pool_workers() -> list[int]:
    """The processes this process's pool runs its tasks in: children of its forkserver (or of itself)."""
    parents = process_parents()
    children = [pid for pid, parent in parents.items() if parent == os.getpid()]
    servers = [pid for pid in children
               if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()] if children else []
    return [pid for pid, parent in parents.items() if parent in servers]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the pool's processes in /proc")
def test_the_tasks_of_a_local_worker_that_dies_are_checked_again():
    pairs = slow_pairs(12)
    expected = [report_claims(factcheck.check(pair["draft"], source=pair["source"])) for pair in pairs]
    outcomes = factcheck.check_many(pairs, processes=2)
    first = next(outcomes)
    # killed while checking, as a crash or the out-of-memory killer would: not in the moment it hands
    # back a result (a worker killed holding the result queue's lock hangs the pool: a limit of
    # concurrent.futures that docs/batch.md states); every task here takes about a second
    time.sleep(0.3)
    workers = _pool_workers()
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    reports = [first, *outcomes]
    assert all(isinstance(report, Report) for report in reports), [r for r in reports if not isinstance(r, Report)]
    assert [report_claims(report) for report in reports] == expected


def test_check_many_names_a_pair_it_cannot_check_in_its_place():
    pairs = [("Building will take 18 months.", LIBRARY), {"id": "x", "draft": "Some words."}, ("only one",),
             {"id": "y", "draft": "It costs $12 million.", "source": "/no/such/article.txt"}]
    outcomes = list(factcheck.check_many(pairs, processes=1))
    assert isinstance(outcomes[0], Report) and outcomes[0].claims[0].verdict == "supported"
    assert outcomes[1] == DraftError(path="x", error="missing field: 'source' or 'facts'")
    assert isinstance(outcomes[2], DraftError) and outcomes[2].path == "2"
    assert outcomes[3] == DraftError(path="y", error="source /no/such/article.txt: no such file")


def test_import_factcheck_does_not_load_batch():
    code = ("import sys, factcheck; assert 'factcheck.batch' not in sys.modules; "
            "assert callable(factcheck.check_many); print('factcheck.batch' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True", result.stderr


# --- bad rows and bad files ----------------------------------------------------------------------


def test_each_bad_row_becomes_an_error_row_and_the_run_goes_on(tmp_path, capsys):
    (tmp_path / "latin1.txt").write_bytes("Le stade coûtera 30 millions d'euros.".encode("latin-1"))
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "broken.yaml").write_text("facts:\n  - kind: amount\n    text: [unclosed\n", encoding="utf-8")
    good = {"id": "good", "draft": LIBRARY_DRAFTS[0], "source": LIBRARY}
    lines = [
        json.dumps(good),
        json.dumps({"draft": "No id here.", "source": LIBRARY}),
        json.dumps({"id": "no-draft", "source": LIBRARY}),
        json.dumps({"id": "blank-draft", "draft": "  ", "source": LIBRARY}),
        json.dumps({"id": "no-source", "draft": "It costs $12 million."}),
        json.dumps({"id": "missing-file", "draft": "It costs $12 million.", "source": "gone.txt"}),
        json.dumps({"id": "directory", "draft": "It costs $12 million.", "source": "folder.txt"}),
        json.dumps({"id": "latin1-source", "draft": "It costs EUR 30 million.", "source": "latin1.txt"}),
        json.dumps({"id": "broken-sheet", "draft": "It costs $12 million.", "facts": "broken.yaml"}),
        json.dumps({"id": "bad-date", "draft": "It costs $12 million.", "source": LIBRARY, "published": "13/06/2024"}),
        json.dumps({"id": "number-draft", "draft": 12, "source": LIBRARY}),
        json.dumps({"id": "good", "draft": "Again.", "source": LIBRARY}),
        "{not json",
        "[1, 2]",
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"id": "latin1-line", "draft": "caf\xe9", "source": "x"}\n'
    (tmp_path / "pairs.jsonl").write_bytes(data)
    out = tmp_path / "results.jsonl"
    assert main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(out), "--processes", "2"]) == 2
    errors = {pair_id: row["error"] for pair_id, row in summaries(read_output(out)).items()}
    assert errors.pop("good") is None
    expected = {
        "#2": "missing field: 'id'",
        "no-draft": "missing field: 'draft'",
        "blank-draft": "empty draft",
        "no-source": "missing field: 'source' or 'facts'",
        "missing-file": "source gone.txt: no such file",
        "directory": "source folder.txt: is a directory, not a file",
        "latin1-source": "source latin1.txt: not UTF-8 text (invalid byte at offset 11)",
        "bad-date": "published: not a date (YYYY-MM-DD): '13/06/2024'",
        "number-draft": "draft: expected text, got int",
        "good#12": "duplicate id 'good' (first on row 1)",
        "latin1-line": "not UTF-8 text (invalid byte at offset 35 of line 15)",
    }
    for pair_id, error in expected.items():
        assert errors.pop(pair_id) == error
    assert errors.pop("broken-sheet").startswith("facts broken.yaml: line 4: not valid YAML")
    assert errors.pop("#13").startswith("line 13: not valid JSON")
    assert errors.pop("#14") == "line 14: expected a JSON object, got list"
    assert not errors
    assert "14 could not be checked" in capsys.readouterr().err


@pytest.mark.parametrize(("make", "fragment"), [
    (lambda d: d / "absent.jsonl", "absent.jsonl: no such file"),
    (lambda d: (d / "pairs.csv").write_text("id,draft\n") and d / "pairs.csv", "pairs.csv: the input must be JSONL"),
    (lambda d: (d / "empty.jsonl").write_text("\n\n") and d / "empty.jsonl", "empty.jsonl: no pairs in it"),
    pytest.param(lambda d: (d / "fake.parquet").write_text("not parquet") and d / "fake.parquet",
                 "fake.parquet: not a readable Parquet", marks=needs_pyarrow),
])
def test_an_unusable_input_file_is_one_line_and_status_2(tmp_path, capsys, make, fragment):
    status = main(["batch", str(make(tmp_path)), "--out", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert status == 2 and fragment in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()


def test_parquet_without_pyarrow_is_one_line_naming_the_extra(tmp_path, capsys, monkeypatch):
    pairs = write_jsonl(tmp_path / "pairs.jsonl", [{"id": "a", "draft": "x", "source": LIBRARY}])
    monkeypatch.setitem(sys.modules, "pyarrow", None)   # import pyarrow now fails, as when it is not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["batch", str(pairs), "--out", str(tmp_path / "out.parquet")]) == 2
    err = capsys.readouterr().err
    assert err == f"factcheck: error: {tmp_path / 'out.parquet'}: Parquet needs pyarrow: pip install 'factcheck[parquet]'\n"


def test_usage_errors(tmp_path, capsys):
    pairs = write_jsonl(tmp_path / "pairs.jsonl", [{"id": "a", "draft": "x", "source": LIBRARY}])
    for argv, fragment in [
        (["batch", str(pairs), "--out", str(tmp_path / "out.csv")], "out.csv: the output must be JSONL"),
        (["batch", str(pairs), "--out", str(tmp_path / "o.jsonl"), "--processes", "0"], "--processes"),
        (["batch", str(pairs)], "--out"),
        (["batch", str(pairs), "--out", str(pairs / "o.jsonl"), "--processes", "1"], "o.jsonl.parts: cannot be written"),
        (["batch", str(pairs), "--out", str(tmp_path / "o.jsonl"), "--processes", "2", "--scheduler", "tcp://x:1"],
         "not allowed with"),
    ]:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert fragment in err and len(err.strip().splitlines()) == 1


def test_an_output_that_is_not_ours_or_is_the_input_is_left_alone(tmp_path, capsys):
    pairs = write_jsonl(tmp_path / "pairs.jsonl", [{"id": "a", "draft": LIBRARY_DRAFTS[0], "source": LIBRARY}])
    before = pairs.read_text()
    assert main(["batch", str(pairs), "--out", str(pairs), "--processes", "1"]) == 2
    assert "pairs.jsonl: is the input" in capsys.readouterr().err and pairs.read_text() == before
    other = tmp_path / "notes.jsonl"
    other.write_text('{"id": "a", "type": "summary"}\n["something else"]\n')
    assert main(["batch", str(pairs), "--out", str(other), "--processes", "1"]) == 2
    err = capsys.readouterr().err
    assert "notes.jsonl: line 2: not a row of factcheck batch's output" in err and len(err.splitlines()) == 1
    assert other.read_text().endswith('["something else"]\n')


def test_exit_status_follows_fail_on(tmp_path):
    rows = [{"id": "fine", "draft": LIBRARY_DRAFTS[0], "source": LIBRARY},
            {"id": "unknown", "draft": "The library opens in Oslo.", "source": LIBRARY}]
    pairs = write_jsonl(tmp_path / "pairs.jsonl", rows)
    assert main(["batch", str(pairs), "--out", str(tmp_path / "a.jsonl"), "--processes", "1"]) == 0
    assert main(["batch", str(pairs), "--out", str(tmp_path / "b.jsonl"), "--processes", "1",
                 "--fail-on", "not_found"]) == 1


# --- formats ----------------------------------------------------------------------------------------


@needs_pyarrow
def test_parquet_in_and_out_gives_the_rows_of_jsonl(tmp_path):
    import pyarrow
    import pyarrow.parquet

    rows = good_rows(tmp_path)
    write_jsonl(tmp_path / "pairs.jsonl", rows)
    # a Parquet input as a dataframe library writes it: dates as dates, an absent field as null
    columns = {name: [row.get(name) for row in rows] for name in ("id", "draft", "source", "facts")}
    columns["published"] = [dt.date.fromisoformat(row["published"]) if row.get("published") else None for row in rows]
    pyarrow.parquet.write_table(pyarrow.table(columns), tmp_path / "pairs.parquet")
    assert [pair.id for pair in read_pairs(tmp_path / "pairs.parquet")] == [row["id"] for row in rows]
    main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(tmp_path / "a.jsonl"), "--processes", "1"])
    main(["batch", str(tmp_path / "pairs.parquet"), "--out", str(tmp_path / "b.parquet"), "--processes", "1"])
    main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(tmp_path / "c.parquet"), "--processes", "1"])
    schema = pyarrow.parquet.read_schema(tmp_path / "b.parquet")
    assert schema.names == list(COLUMNS) and schema.field("span").type.num_fields == 2

    def comparable(path: Path) -> list[dict]:
        return [{**row, "seconds": None} for row in read_output(path)]

    assert comparable(tmp_path / "a.jsonl") == comparable(tmp_path / "b.parquet") == comparable(tmp_path / "c.parquet")


@needs_pyarrow
def test_a_parquet_draft_that_is_not_utf8_is_an_error_row(tmp_path):
    import pyarrow
    import pyarrow.parquet

    table = pyarrow.table({"id": ["ok", "bytes"], "draft": [LIBRARY_DRAFTS[0].encode(), b"caf\xe9 $12 million"],
                           "source": [LIBRARY, LIBRARY]})
    pyarrow.parquet.write_table(table, tmp_path / "pairs.parquet")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "pairs.parquet"), "--out", str(out), "--processes", "1"]) == 2
    found = summaries(read_output(out))
    assert found["ok"]["error"] is None and found["ok"]["supported"] == 1
    assert found["bytes"]["error"] == "draft: not UTF-8 text (invalid byte at offset 3)"


# --- resumption -------------------------------------------------------------------------------------


def many_rows(count: int) -> list[dict]:
    """Pairs enough to stop a run part way: two sources, drafts that differ in their figures."""
    rows = []
    for n in range(count):
        source = LIBRARY if n % 2 else STADIUM
        draft = (f"The council approved a ${n % 17 + 5} million budget; building takes {n % 5 + 1} years."
                 if n % 2 else f"Repairs in Lyon cost about EUR {n % 40 + 10} million, and {n % 13 + 2} firms bid.")
        rows.append({"id": f"pair-{n:04d}", "draft": draft, "source": source})
    return rows


def run_cli(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "CI": "1"}
    return subprocess.Popen([sys.executable, "-m", "factcheck", "batch", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_a_part(parts: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not (parts.is_dir() and any(p.suffix == ".jsonl" for p in parts.iterdir())):
        assert process.poll() is None, f"the run ended before it could be stopped: {process.communicate()}"
        assert time.monotonic() < deadline, "no part file written in time"
        time.sleep(0.005)


def without_times(rows: list[dict]) -> list[dict]:
    return [{**row, "seconds": None} for row in rows]


@pytest.mark.parametrize(("stop", "processes"), [(signal.SIGKILL, "1"), (signal.SIGTERM, "2")])
def test_a_stopped_run_resumes_with_every_id_once(tmp_path, stop, processes):
    rows = many_rows(400)
    write_jsonl(tmp_path / "pairs.jsonl", rows)
    out = tmp_path / "results.jsonl"
    parts = tmp_path / "results.jsonl.parts"
    run = run_cli("pairs.jsonl", "--out", "results.jsonl", "--processes", processes, cwd=tmp_path)
    try:
        wait_for_a_part(parts, run)
        if stop == signal.SIGKILL:
            os.killpg(run.pid, signal.SIGKILL)    # the run and its workers, as a killed job
        else:
            run.send_signal(signal.SIGTERM)       # the run alone, as a scheduler's polite stop
        _, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    if stop == signal.SIGTERM:
        assert run.returncode == 130 and "run the same command again" in err
    assert not out.exists()
    kept = [json.loads(line) for part in sorted(parts.glob("part-*.jsonl")) for line in part.read_text().splitlines()]
    done_before = {row["id"] for row in kept if row["type"] == "summary"}
    assert 0 < len(done_before) < len(rows)

    resumed = run_cli("pairs.jsonl", "--out", "results.jsonl", "--processes", "2", cwd=tmp_path)
    _, err = resumed.communicate(timeout=180)
    assert resumed.returncode == 1, err
    assert f"({len(done_before)} from an earlier run)" in err
    assert not parts.exists()
    written = read_output(out)
    assert [row["id"] for row in written if row["type"] == "summary"] == [row["id"] for row in rows]

    # the same rows as a run never stopped
    main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(tmp_path / "whole.jsonl"), "--processes", "1"])
    assert without_times(written) == without_times(read_output(tmp_path / "whole.jsonl"))


@needs_pyarrow
def test_a_rerun_checks_only_the_new_ids(tmp_path, capsys):
    rows = many_rows(6)
    out = tmp_path / "results.parquet"
    write_jsonl(tmp_path / "pairs.jsonl", rows[:4])
    main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(out), "--processes", "1"])
    before = read_output(out)
    write_jsonl(tmp_path / "pairs.jsonl", rows)
    capsys.readouterr()
    main(["batch", str(tmp_path / "pairs.jsonl"), "--out", str(out), "--processes", "1"])
    assert "6 pairs in" in capsys.readouterr().err
    after = read_output(out)
    assert after[: len(before)] == before   # the rows done before, untouched (their times too)
    assert [row["id"] for row in after if row["type"] == "summary"] == [row["id"] for row in rows]


def test_a_rerun_keeps_error_rows_unless_asked_to_retry_them(tmp_path, capsys):
    rows = [{"id": "a", "draft": LIBRARY_DRAFTS[0], "source": LIBRARY},
            {"id": "b", "draft": STADIUM_DRAFTS[0], "source": "stadium.txt"}]
    pairs, out = write_jsonl(tmp_path / "pairs.jsonl", rows), tmp_path / "out.jsonl"
    assert main(["batch", str(pairs), "--out", str(out), "--processes", "1"]) == 2
    (tmp_path / "stadium.txt").write_text(STADIUM, encoding="utf-8")   # the source, repaired
    assert main(["batch", str(pairs), "--out", str(out), "--processes", "1"]) == 2
    assert summaries(read_output(out))["b"]["error"] == "source stadium.txt: no such file"
    first = read_output(out)[:2]
    assert main(["batch", str(pairs), "--out", str(out), "--processes", "1", "--retry-errors"]) == 0
    written = read_output(out)
    assert written[:2] == first   # the pair done before, untouched
    assert summaries(written)["b"]["error"] is None and summaries(written)["b"]["supported"] >= 1
    assert "1 checked" in capsys.readouterr().err.strip().splitlines()[-1]


# --- people ------------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_rate_and_time_left_on_a_terminal_only(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert Progress.wanted(_Terminal()) and not Progress.wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not Progress.wanted(_Terminal())
    terminal = _Terminal()
    bar = Progress(10, terminal)
    bar.advance(4)
    bar.advance(6)
    shown = terminal.getvalue()
    assert "10/10 pairs" in shown and "pairs/s" in shown and "ETA 0:00:00" in shown


def test_the_roc_auc_of_docs_batch_md_is_the_share_of_pairs_ranked_right():
    """The example's plain-Python ROC AUC against its definition: over every (positive, negative) pair,
    1 when the positive scores higher, 1/2 for a tie."""
    import random
    import re

    text = (Path(__file__).resolve().parents[1] / "docs" / "batch.md").read_text(encoding="utf-8")
    example = re.findall(r"```python\n(.*?)```", text, re.S)[-1]
    namespace: dict = {"__name__": "example"}
    exec(example.split('if __name__ == "__main__":')[0], namespace)
    roc_auc = namespace["roc_auc"]
    chooser = random.Random(13)
    for _ in range(20):
        scores = [chooser.choice((0.0, 0.25, 0.5, 1.0, chooser.random())) for _ in range(40)]
        labels = [chooser.random() < 0.5 for _ in scores]
        positives = [s for s, label in zip(scores, labels) if label]
        negatives = [s for s, label in zip(scores, labels) if not label]
        pairs = [(p > n) + (p == n) / 2 for p in positives for n in negatives]
        assert roc_auc(scores, labels) == pytest.approx(sum(pairs) / len(pairs))


def test_consistency_score():
    assert consistency_score(Summary()) == 1.0
    assert consistency_score(Summary(supported=3)) == 1.0
    assert consistency_score(Summary(supported=1, contradicted=1)) == 0.5
    assert consistency_score(Summary(supported=2, not_found=2)) == 0.75
    assert consistency_score(Summary(contradicted=2, suppressed=3)) == 0.0
