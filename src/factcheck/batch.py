"""Many pairs at once: `factcheck.check_many` and `factcheck batch`, on local processes or a Dask cluster.

A pair is a draft and its source: the article's text, a path to it, or a fact sheet. Pairs that
share a source are sent to a worker together, so the source's facts are extracted once; each
worker process keeps the last few fact sheets it built and the library's own caches (gazetteer,
rates, numerals) for as long as it lives, so those are built once per worker, not per task.

`run_batch` adds files around it (docs/batch.md): it reads pairs from JSONL or Parquet, writes
each finished task's rows to a part file renamed into place (a killed run loses only the tasks in
flight and never writes half a row), and at the end merges the parts into the output, in input
order. A rerun skips the ids the output and the parts already hold. A row that cannot be checked
(a missing field, an unreadable source, text that is not UTF-8, a bad date) becomes an error row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from .errors import InputError
from .models import DraftError, FactSheet, Report, Summary, Verdict, failing_verdicts

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
SOURCE_PATH_SUFFIXES = (".txt", ".md", ".markdown", ".text")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# every output row has every column; a claim row leaves the pair's columns null and a summary row the claim's
CLAIM_COLUMNS = ("kind", "text", "span", "value", "roles", "verdict", "reason", "evidence")
COUNT_COLUMNS = ("claims", "supported", "contradicted", "not_found", "suppressed")
SUMMARY_COLUMNS = (*COUNT_COLUMNS, "score", "seconds", "error")
COLUMNS = ("id", "type", *CLAIM_COLUMNS, *SUMMARY_COLUMNS)
# Parquet cannot hold the values' kind-dependent shapes in one column type: these are JSON text there
JSON_TEXT_COLUMNS = ("value", "roles")

_MAX_CHUNK = 32        # pairs per task at most: a killed run loses at most the tasks in flight
_TASKS_PER_WORKER = 4  # tasks per worker at least, when there are enough pairs: the last ones finish together


def consistency_score(summary: Summary) -> float:
    """How consistent a draft is with its source, from 0 (every claim contradicted) to 1.

    1 - (contradicted + not_found / 2) / judged claims: a contradicted claim counts fully against
    the draft, a claim not found in the source half (the source may say it in words factcheck
    does not read). A draft with no claim to judge scores 1: nothing in it goes against the source.
    """
    judged = summary.supported + summary.contradicted + summary.not_found
    if not judged:
        return 1.0
    return 1.0 - (summary.contradicted + summary.not_found / 2) / judged


# --- pairs --------------------------------------------------------------------------


@dataclass(frozen=True)
class _SourceRef:
    """Where a pair's source comes from, before it is read: pairs with the same `key` share it."""

    kind: Literal["text", "source", "facts", "sheet"]
    key: str
    value: str | FactSheet      # the text, a path, or the sheet itself
    shown: str = ""             # the path as the input wrote it


@dataclass(frozen=True)
class _Pair:
    position: int
    id: str
    draft: str
    source: _SourceRef
    published: dt.date | None


@dataclass(frozen=True)
class _Failed:
    """A pair that cannot be checked, and why."""

    position: int
    id: str
    error: str


def _text_key(text: str) -> str:
    return "text:" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _looks_like_path(value: str, base: Path) -> bool:
    """A `source` value names a file when it is one line that names an existing file (relative to
    `base`) or ends in a text file's suffix; anything else is the article's text."""
    if "\n" in value or len(value) > 4096 or not value.strip():
        return False
    stripped = value.strip()
    if stripped.lower().endswith(SOURCE_PATH_SUFFIXES):
        return True
    try:
        return (base / stripped).is_file()
    except OSError:   # a line of text too long to be a file's name
        return False


def _decoded(name: str, value: Any) -> str:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValueError(f"{name}: not UTF-8 text (invalid byte at offset {error.start})") from None
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text, got {type(value).__name__}")
    return value


def _missing(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)   # a dataframe's missing value
    return value is None or (isinstance(value, str) and not value.strip())


def _published(value: Any) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _decoded("published", value) if isinstance(value, (str, bytes)) else str(value)
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"published: not a date (YYYY-MM-DD): {text!r}") from None


def _source_ref(fields: Mapping[str, Any], base: Path) -> _SourceRef:
    """The pair's source: `facts` (a fact sheet's path, or a FactSheet) wins over `source`, as in front matter."""
    facts, source = fields.get("facts"), fields.get("source")
    if isinstance(facts, FactSheet) or (facts is None and isinstance(source, FactSheet)):
        sheet = facts if isinstance(facts, FactSheet) else source
        return _SourceRef("sheet", f"sheet:{id(sheet)}", sheet)
    if not _missing(facts):
        shown = _decoded("facts", facts).strip()
        location = str((base / shown).absolute())
        return _SourceRef("facts", "facts:" + location, location, shown)
    if _missing(source):
        raise ValueError("missing field: 'source' or 'facts'")
    text = _decoded("source", source)
    if _looks_like_path(text, base):
        shown = text.strip()
        location = str((base / shown).absolute())
        return _SourceRef("source", "source:" + location, location, shown)
    return _SourceRef("text", _text_key(text), text)


def _pair(position: int, pair_id: str, fields: Mapping[str, Any], base: Path) -> _Pair | _Failed:
    try:
        draft = fields.get("draft")
        if _missing(draft):
            raise ValueError("missing field: 'draft'" if draft is None else "empty draft")
        return _Pair(position, pair_id, _decoded("draft", draft), _source_ref(fields, base),
                     _published(fields.get("published")))
    except ValueError as error:
        return _Failed(position, pair_id, str(error))


def _given_pairs(pairs: Iterable[Any]) -> list[_Pair | _Failed]:
    """check_many's pairs: (draft, source) tuples, the source an article's text or a FactSheet as for
    `check`; or dicts as the rows of `factcheck batch` (paths relative to the working directory)."""
    prepared: list[_Pair | _Failed] = []
    for position, item in enumerate(pairs):
        if isinstance(item, Mapping):
            pair_id = item.get("id")
            pair_id = str(position) if _missing(pair_id) else str(pair_id)
            prepared.append(_pair(position, pair_id, item, Path.cwd()))
        elif isinstance(item, Sequence) and not isinstance(item, (str, bytes)) and len(item) == 2:
            draft, source = item
            source_ref = (_SourceRef("sheet", f"sheet:{id(source)}", source) if isinstance(source, FactSheet)
                          else _SourceRef("text", _text_key(source), source) if isinstance(source, str) else None)
            if source_ref is None or not isinstance(draft, str):
                prepared.append(_Failed(position, str(position), "expected (draft text, source text or FactSheet)"))
            else:
                prepared.append(_Pair(position, str(position), draft, source_ref, None))
        else:
            prepared.append(_Failed(position, str(position), "expected a (draft, source) pair or a dict"))
    return prepared


# --- tasks: what a worker receives and returns ------------------------------------------


@dataclass
class _Task:
    pairs: list[tuple[int, str, str, dt.date | None, str]]   # position, id, draft, published, source key
    sources: dict[str, str | FactSheet]                       # source key -> article text or fact sheet
    default_currency: str
    rows: bool            # output rows as JSON lines (batch), else Report / DraftError objects
    attempts: int = 0


# In a worker process, one lock so that a Dask worker running several threads checks one task at a
# time (the pipeline's memos, among them the fact sheets of the last sources, are per process; pure
# Python gains nothing from threads anyway: start Dask workers with one thread and several processes).
_WORKER_LOCK = threading.Lock()


def check_task(task: _Task) -> list[tuple[int, Any]]:
    """Check a task's pairs (in a worker): (position, JSON lines) or (position, Report | DraftError) each."""
    from .pipeline import check

    done: list[tuple[int, Any]] = []
    with _WORKER_LOCK:
        for position, pair_id, draft, published, key in task.pairs:
            begin = time.perf_counter()
            report: Report | None = None
            error: str | None = None
            try:
                # the source's text, not its sheet: quotes are looked for in all its words (the pipeline
                # keeps the sheets of the last sources, so each is extracted once per worker)
                report = check(draft, task.sources[key], published=published, default_currency=task.default_currency, path=pair_id)
            except Exception as failure:  # noqa: BLE001 - one pair's failure must not cost the others
                error = f"internal error: {type(failure).__name__}: {failure}"
            seconds = time.perf_counter() - begin
            if task.rows:
                done.append((position, rows_text(pair_id, report, error, seconds)))
            else:
                done.append((position, report if report is not None else DraftError(path=pair_id, error=error or "")))
    return done


def _failed_result(task: _Task, problem: str) -> list[tuple[int, Any]]:
    """Every pair of a task that could not run (its worker kept dying, the cluster failed it) as an error."""
    return [(position, rows_text(pair_id, None, problem, None) if task.rows
             else DraftError(path=pair_id, error=problem)) for position, pair_id, *_ in task.pairs]


def _tasks(pairs: Sequence[_Pair], workers: int, currency: str, rows: bool,
           failed: Callable[[_Failed], None]) -> Iterator[_Task]:
    """Pairs grouped by source into tasks, in the order of each source's first pair. A source is read
    (its file) or loaded (its fact sheet) when its first task is made; if that fails, each of its
    pairs goes to `failed` instead."""
    size = max(1, min(_MAX_CHUNK, math.ceil(len(pairs) / (workers * _TASKS_PER_WORKER))))
    groups: dict[str, list[_Pair]] = {}
    for pair in pairs:
        groups.setdefault(pair.source.key, []).append(pair)
    task = _Task([], {}, currency, rows)
    for members in groups.values():
        ref = members[0].source
        try:
            key, source = _resolved(ref)
        except InputError as error:
            for pair in members:
                failed(_Failed(pair.position, pair.id, f"{ref.kind} {ref.shown}: {error.problem}"))
            continue
        for pair in members:
            task.pairs.append((pair.position, pair.id, pair.draft, pair.published, key))
            task.sources[key] = source
            if len(task.pairs) >= size:
                yield task
                task = _Task([], {}, currency, rows)
    if task.pairs:
        yield task


def _resolved(ref: _SourceRef) -> tuple[str, str | FactSheet]:
    from .facts import load_facts, read_text

    if ref.kind == "source":
        text = read_text(str(ref.value))
        return _text_key(text), text
    if ref.kind == "facts":
        return ref.key, load_facts(str(ref.value))
    return ref.key, ref.value


# --- engines: run tasks, give back each one's result as it finishes ------------------------


def default_processes() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _worker_init() -> None:
    # Ctrl-C and a SIGTERM stop the parent, which stops handing out tasks: a worker finishes its task
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


_LOCAL_ATTEMPTS = 2   # a task in flight when a worker process died twice is an error, not a third try

# A stop asked for by a signal (Ctrl-C, a job scheduler's SIGTERM: see `stop_on_signals`). The local
# run looks at it between short waits and stops there: an exception raised by the signal handler
# itself could land inside the pool's bookkeeping, holding a lock the shutdown then waits for forever.
STOP = threading.Event()
_POLL_SECONDS = 0.2


def stop_on_signals() -> Callable[[], None]:
    """Make Ctrl-C and SIGTERM ask a local run to stop (it raises KeyboardInterrupt where it is safe
    to); returns what puts the previous handlers back."""
    STOP.clear()
    previous = {number: signal.signal(number, lambda *_: STOP.set()) for number in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore


def _stop_if_asked() -> None:
    if STOP.is_set():
        raise KeyboardInterrupt


def _run_local(tasks: Iterator[_Task], processes: int) -> Iterator[tuple[_Task, list[tuple[int, Any]]]]:
    if processes <= 1:
        for task in tasks:
            _stop_if_asked()
            yield task, check_task(task)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # not fork: a parent that checked pairs itself holds open cache databases a child must not share
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # the server imports the pipeline once; each worker starts as a copy of it, imports done
        context.set_forkserver_preload(["factcheck.batch", "factcheck.pipeline"])

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(processes, mp_context=context, initializer=_worker_init)

    pool = new_pool()
    pending: dict[Future, _Task] = {}
    window = processes * 2
    try:
        while True:
            for task in tasks:
                pending[pool.submit(check_task, task)] = task
                if len(pending) >= window:
                    break
            if not pending:
                return
            finished: set[Future] = set()
            while not finished:
                _stop_if_asked()
                finished, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                task = pending.pop(future)
                try:
                    yield task, future.result()
                except BrokenProcessPool:
                    broken = True
                    pending[future] = task
            if broken:
                # a worker process died (killed, out of memory): every task in flight is tried again on a new pool
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                retried: dict[Future, _Task] = {}
                for task in pending.values():
                    task.attempts += 1
                    if task.attempts >= _LOCAL_ATTEMPTS:
                        yield task, _failed_result(task, "a worker process died while checking it")
                    else:
                        retried[pool.submit(check_task, task)] = task
                pending = retried
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run_dask(tasks: Iterator[_Task], client: Any) -> Iterator[tuple[_Task, list[tuple[int, Any]]]]:
    from distributed import as_completed

    # the scheduler reschedules a dead worker's tasks on the others (up to its allowed-failures)
    window = max(2, 3 * _dask_workers(client))
    pending: dict[str, _Task] = {}
    running = as_completed(loop=client.loop)
    try:
        def submit() -> None:
            for task in tasks:
                future = client.submit(check_task, task, pure=False)
                pending[future.key] = task
                running.add(future)
                if len(pending) >= window:
                    return

        submit()
        for future in running:
            task = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as failure:  # noqa: BLE001 - KilledWorker, or a worker that cannot run factcheck
                problem = f"the Dask cluster could not check it: {type(failure).__name__}: {failure}"
                result = _failed_result(task, problem)
            future.release()
            yield task, result
            submit()
    finally:
        running.clear()


def _dask_workers(client: Any) -> int:
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(worker.get("nthreads", 1)) for worker in workers.values()))


def _run(tasks: Iterator[_Task], client: Any, processes: int) -> Iterator[tuple[_Task, list[tuple[int, Any]]]]:
    return _run_dask(tasks, client) if client is not None else _run_local(tasks, processes)


def _workers(client: Any, processes: int | None, pairs: int) -> int:
    """Dask's worker threads, or the local processes to start: no more than there are pairs."""
    if client is not None:
        return _dask_workers(client)
    return max(1, min(processes or default_processes(), pairs))


# --- the Python API -----------------------------------------------------------------


def check_many(
    pairs: Iterable[Any],
    *,
    client: Any = None,
    processes: int | None = None,
    default_currency: str = "USD",
) -> Iterator[Report | DraftError]:
    """Check many pairs, yielding one outcome per pair in input order: its Report (`path` is the pair's
    id), or a DraftError naming the pair (its id, else its position) when it cannot be checked.

    `pairs`: (draft, source) tuples, the source an article's text or a FactSheet (as for `check`), or
    dicts with `id`, `draft`, `source` (text or a path) or `facts` (a fact sheet's path or a FactSheet),
    and optionally `published` (a date or YYYY-MM-DD). Runs on `processes` local processes (default:
    all cores; 1 runs in this process), or on a Dask cluster when `client` (a distributed.Client) is given.
    """
    prepared = _given_pairs(pairs)
    workers = _workers(client, processes, len(prepared))
    ready: dict[int, Report | DraftError] = {}
    for item in prepared:
        if isinstance(item, _Failed):
            ready[item.position] = DraftError(path=item.id, error=item.error)

    def failed(item: _Failed) -> None:
        ready[item.position] = DraftError(path=item.id, error=item.error)

    valid = [item for item in prepared if isinstance(item, _Pair)]
    tasks = _tasks(valid, workers, default_currency, rows=False, failed=failed)
    following = 0
    for _, result in _run(tasks, client, workers):
        ready.update(result)
        while following in ready:
            yield ready.pop(following)
            following += 1
    while following < len(prepared):   # the pairs whose source failed after the last task
        yield ready.pop(following)
        following += 1


# --- output rows --------------------------------------------------------------------


def _row(pair_id: str, row_type: str, **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(COLUMNS)
    row.update(id=pair_id, type=row_type, **values)
    return row


def output_rows(pair_id: str, report: Report | None, error: str | None, seconds: float | None) -> list[dict[str, Any]]:
    """A pair's rows: its summary row, then one row per claim in text order (JSON form)."""
    if report is None:
        return [_row(pair_id, "summary", seconds=seconds, error=error)]
    summary = report.summary
    rows = [_row(pair_id, "summary", claims=len(report.claims), supported=summary.supported,
                 contradicted=summary.contradicted, not_found=summary.not_found, suppressed=summary.suppressed,
                 score=consistency_score(summary), seconds=seconds)]
    for claim in report.claims:
        data = claim.model_dump(mode="json")
        rows.append(_row(pair_id, "claim", **{column: data.get(column) for column in CLAIM_COLUMNS}))
    return rows


def rows_text(pair_id: str, report: Report | None, error: str | None, seconds: float | None) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in output_rows(pair_id, report, error, seconds))


# --- input files ----------------------------------------------------------------------


def _format(path: Path, role: str) -> Literal["jsonl", "parquet"]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise InputError(str(path), f"{role} must be JSONL (.jsonl) or Parquet (.parquet), by its name")


def _pyarrow(path: Path) -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError(str(path), "Parquet needs pyarrow: pip install 'factcheck[parquet]'") from None
    return pyarrow


def read_pairs(path: Path) -> list[_Pair | _Failed]:
    """The pairs of a JSONL or Parquet file, in order; a row that cannot be a pair is a _Failed naming
    its id, or `#N` (its line or row number) when it has none. Paths in it are relative to its folder."""
    rows = _jsonl_rows(path) if _format(path, "the input") == "jsonl" else _parquet_rows(path)
    base = path.absolute().parent
    pairs: list[_Pair | _Failed] = []
    first_row: dict[str, int] = {}
    for number, fields, problem in rows:
        position = len(pairs)
        raw_id = None if fields is None else fields.get("id")
        if _missing(raw_id):
            pair_id, problem = f"#{number}", problem or "missing field: 'id'"
        else:
            pair_id = raw_id.decode("utf-8", "replace") if isinstance(raw_id, bytes) else str(raw_id)
        if pair_id in first_row:
            # ids are what a rerun resumes by: the repeat gets an id of its own and is not checked
            problem = f"duplicate id {pair_id!r} (first on row {first_row[pair_id]})"
            pair_id = f"{pair_id}#{number}"
        first_row.setdefault(pair_id, number)
        pairs.append(_Failed(position, pair_id, problem) if problem or fields is None
                     else _pair(position, pair_id, fields, base))
    if not pairs:
        raise InputError(str(path), "no pairs in it")
    return pairs


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, fields or None, problem or None) for each line that is not blank."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        problem = None
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            # still read it, to give the error row the pair's id
            problem = f"not UTF-8 text (invalid byte at offset {error.start} of line {number})"
            text = line.decode("utf-8", "replace")
        try:
            fields = json.loads(text)
        except ValueError as error:
            yield number, None, f"line {number}: not valid JSON: {error}"
            continue
        if not isinstance(fields, dict):
            yield number, None, f"line {number}: expected a JSON object, got {type(fields).__name__}"
            continue
        yield number, fields, problem


def _parquet_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    pyarrow = _pyarrow(path)
    if not path.is_file():
        raise InputError(str(path), "no such file" if not path.exists() else "is a directory, not a file")
    try:
        table = pyarrow.parquet.read_table(path)
    except (OSError, pyarrow.ArrowException) as error:
        raise InputError(str(path), f"not a readable Parquet file: {error}") from None
    for number, fields in enumerate(table.to_pylist(), start=1):
        yield number, fields, None


# --- output files -----------------------------------------------------------------------


class _Output:
    """The output file and its folder of part files (`OUTPUT.parts/`): what is done, and the merge."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = _format(path, "the output")
        self.parts = path.with_name(path.name + ".parts")
        if self.format == "parquet":
            _pyarrow(path)
        self._next_part = 1 + max((int(part.name[5:-6]) for part in self._part_files()), default=0)

    def _part_files(self) -> list[Path]:
        if not self.parts.is_dir():
            return []
        return sorted((part for part in self.parts.iterdir() if part.name.startswith("part-")
                       and part.name.endswith(".jsonl") and part.name[5:-6].isdigit()),
                      key=lambda part: int(part.name[5:-6]))

    def done(self, with_errors: bool = True) -> set[str]:
        """The ids whose summary row the output or a part already holds (leaving out error rows, or not)."""
        return {row["id"] for row in self._generations_rows()
                if row.get("type") == "summary" and (with_errors or not row.get("error"))}

    def write_part(self, text: str) -> None:
        """One part file, written beside its name and renamed into place: there whole, or not at all."""
        final = self.parts / f"part-{self._next_part:06d}.jsonl"
        temporary = final.with_suffix(".jsonl.tmp")
        try:
            self.parts.mkdir(parents=True, exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
        except OSError as error:
            raise InputError(str(self.parts), f"cannot be written: {error.strerror or error}") from None
        self._next_part += 1

    def _generations_rows(self) -> Iterator[dict[str, Any]]:
        yield from self._existing_rows()
        for part in self._part_files():
            yield from self._part_rows(part)

    def _existing_rows(self) -> Iterator[dict[str, Any]]:
        """The rows of the output file from an earlier run (JSON form), none when there is none."""
        if not self.path.exists():
            return
        if self.format == "jsonl":
            try:
                lines = self.path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise InputError(str(self.path), f"the output of an earlier run cannot be read: {error}") from None
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield self._parsed(line, self.path, number)
            return
        pyarrow = _pyarrow(self.path)
        try:
            table = pyarrow.parquet.read_table(self.path)
        except (OSError, pyarrow.ArrowException) as error:
            raise InputError(str(self.path), f"the output of an earlier run cannot be read: {error}") from None
        for row in table.to_pylist():
            for column in JSON_TEXT_COLUMNS:
                if isinstance(row.get(column), str):
                    row[column] = json.loads(row[column])
            yield row

    def _part_rows(self, part: Path) -> Iterator[dict[str, Any]]:
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), start=1):
            yield self._parsed(line, part, number)

    @staticmethod
    def _parsed(line: str, path: Path, number: int) -> dict[str, Any]:
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict) or "id" not in row:
            raise InputError(str(path), f"line {number}: not a row of factcheck batch's output")
        return row

    def merge(self, order: Sequence[str]) -> list[dict[str, Any]]:
        """Write the output from the earlier output and the parts, ids in input order (ids the input no
        longer has after them), each id's rows from the latest run that finished it; then drop the parts.
        Written beside and renamed into place. Returns the summary rows."""
        by_id: dict[str, list[dict[str, Any]]] = {}
        for rows in self._by_generation():
            by_id.update(rows)
        position = {pair_id: index for index, pair_id in enumerate(order)}
        ids = sorted(by_id, key=lambda pair_id: position.get(pair_id, len(position)))
        rows = [row for pair_id in ids for row in by_id[pair_id]]
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            if self.format == "jsonl":
                with open(temporary, "w", encoding="utf-8") as handle:
                    handle.writelines(json.dumps({c: row.get(c) for c in COLUMNS}, ensure_ascii=False) + "\n"
                                      for row in rows)
            else:
                self._write_parquet(rows, temporary)
            os.replace(temporary, self.path)
        except OSError as error:
            raise InputError(str(self.path), f"cannot be written: {error.strerror or error}") from None
        shutil.rmtree(self.parts, ignore_errors=True)
        return [row for row in rows if row.get("type") == "summary"]

    def _by_generation(self) -> Iterator[dict[str, list[dict[str, Any]]]]:
        sources = [self._existing_rows(), *(self._part_rows(part) for part in self._part_files())]
        for source in sources:
            rows: dict[str, list[dict[str, Any]]] = {}
            for row in source:
                rows.setdefault(row["id"], []).append(row)
            yield rows

    def _write_parquet(self, rows: list[dict[str, Any]], target: Path) -> None:
        pyarrow = _pyarrow(self.path)
        span = pyarrow.struct([("start", pyarrow.int64()), ("end", pyarrow.int64())])
        types = {"span": span, "evidence": pyarrow.struct([("text", pyarrow.string()), ("span", span)]),
                 "score": pyarrow.float64(), "seconds": pyarrow.float64(),
                 **{column: pyarrow.int64() for column in COUNT_COLUMNS}}
        schema = pyarrow.schema([(column, types.get(column, pyarrow.string())) for column in COLUMNS])
        columns = {column: [row.get(column) for row in rows] for column in COLUMNS}
        for column in JSON_TEXT_COLUMNS:
            columns[column] = [None if value is None else json.dumps(value, ensure_ascii=False)
                               for value in columns[column]]
        pyarrow.parquet.write_table(pyarrow.table(columns, schema=schema), target)


# --- the batch run ------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal: pairs done, pairs per second and the time left."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total, self.stream, self.done = total, stream, 0
        self.started = self._shown = time.perf_counter()

    @staticmethod
    def wanted(stream: IO[str]) -> bool:
        return stream.isatty() and not os.environ.get("CI")

    def advance(self, pairs: int) -> None:
        self.done += pairs
        now = time.perf_counter()
        if now - self._shown >= 0.2 or self.done >= self.total:
            self._shown = now
            rate = self.done / max(now - self.started, 1e-9)
            left = (self.total - self.done) / rate if rate else 0.0
            filled = int(24 * self.done / max(self.total, 1))
            self.stream.write(f"\r[{'#' * filled}{'.' * (24 - filled)}] {self.done}/{self.total} pairs "
                              f"{rate:.1f} pairs/s ETA {_clock(left)}\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds + 0.5), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}"


@dataclass
class BatchResult:
    output: Path
    pairs: int                    # pairs in the output
    checked: int                  # pairs checked by this run (the others were done before)
    seconds: float
    verdicts: dict[str, int] = field(default_factory=dict)
    errors: int = 0

    def exit_status(self, fail_on: str = "contradicted") -> int:
        """As for `factcheck check`: 2 when a pair could not be checked, 1 for findings, 0 otherwise."""
        if self.errors:
            return EXIT_ERROR
        failing = failing_verdicts(fail_on)
        return EXIT_FINDINGS if any(self.verdicts.get(verdict.value) for verdict in failing) else EXIT_CLEAN

    def closing_line(self) -> str:
        earlier = self.pairs - self.checked
        rate = self.checked / self.seconds if self.seconds else 0.0
        verdicts = ", ".join(f"{self.verdicts.get(v.value, 0)} {v.value.replace('_', ' ')}" for v in Verdict)
        return (f"{self.pairs} pairs in {self.output}" + (f" ({earlier} from an earlier run)" if earlier else "")
                + f": {verdicts}; {self.errors} could not be checked; "
                + f"{self.checked} checked in {self.seconds:.1f} s ({rate:.1f} pairs/s)")


def run_batch(
    input_path: str | Path,
    output_path: str | Path,
    *,
    processes: int | None = None,
    scheduler: str | None = None,
    default_currency: str = "USD",
    retry_errors: bool = False,
    progress: IO[str] | None = None,
) -> BatchResult:
    """Check the pairs of `input_path` not yet in `output_path` (nor those with an error row there, with
    `retry_errors`), then write the output whole. Bad input files raise InputError; bad rows become error rows."""
    started = time.perf_counter()
    source, target = Path(input_path), Path(output_path)
    if source.absolute().resolve() == target.absolute().resolve():
        raise InputError(str(target), "is the input: write the results to another file")
    output = _Output(target)
    pairs = read_pairs(source)
    done = output.done(with_errors=not retry_errors)
    todo = [pair for pair in pairs if pair.id not in done]
    failed_now = [pair for pair in todo if isinstance(pair, _Failed)]

    def failed(item: _Failed) -> None:
        failed_now.append(item)

    client = _client(scheduler) if scheduler else None
    bar = Progress(len(todo), progress) if progress is not None and todo else None
    try:
        valid = [pair for pair in todo if isinstance(pair, _Pair)]
        workers = _workers(client, processes, len(valid))
        for _, result in _run(_tasks(valid, workers, default_currency, rows=True, failed=failed), client, workers):
            output.write_part("".join(text for _, text in result))
            if bar:
                bar.advance(len(result))
        if failed_now:
            output.write_part("".join(rows_text(item.id, None, item.error, None) for item in failed_now))
            if bar:
                bar.advance(len(failed_now))
    finally:
        if bar:
            bar.close()
        if client is not None:
            client.close()
    summaries = output.merge([pair.id for pair in pairs])
    verdicts = {verdict.value: sum(row.get(verdict.value) or 0 for row in summaries) for verdict in Verdict}
    return BatchResult(output=target, pairs=len(summaries), checked=len(todo), seconds=time.perf_counter() - started,
                       verdicts=verdicts, errors=sum(1 for row in summaries if row.get("error")))


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise InputError(None, "a Dask scheduler needs the dask extra: pip install 'factcheck[dask]'") from None
    try:
        return Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(None, f"cannot reach the Dask scheduler at {address}: {error}") from None
