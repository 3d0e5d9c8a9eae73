"""Files that keep, between processes, what is slow to build from libraries' data.

The gazetteer's index, the currency names, the ECB rate table and pint's lengths of the ISO
duration units take from a tenth of a second to a second to build or load, on every `factcheck
check` run; read back from a file they take a few milliseconds. Large tables are SQLite
databases, opened read-only and read by need, so that a run pays only for the keys it looks up.

The files live in $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck.
A file's name carries a stamp of everything it was built from (data files, library versions,
the building code), so a change makes a new one; a file that cannot be read is rebuilt, and
where the folder cannot be written the value is simply built in each process. Writing a new
file removes the files of the same kind made more than a day before (an upgrade leaves no
7 MB gazetteer behind, while two checkouts in use side by side keep theirs).
"""

from __future__ import annotations

import hashlib
import os
import time
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("FACTCHECK_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")) / "factcheck"


def cache_path(name: str, suffix: str, *built_from: str | bytes) -> Path:
    """`<cache dir>/<name>-<stamp><suffix>`, the stamp a hash of `built_from`."""
    stamp = hashlib.sha256()
    for part in built_from:
        stamp.update(part if isinstance(part, bytes) else part.encode())
        stamp.update(b"\0")
    return cache_dir() / f"{name}-{stamp.hexdigest()[:16]}{suffix}"


def folder_stamp(folder: Path) -> str:
    """The names, sizes and modification times of a folder's files: changes when its data does."""
    entries = sorted((entry.name, entry.stat()) for entry in os.scandir(folder) if entry.is_file())
    return ";".join(f"{name}:{info.st_size}:{info.st_mtime_ns}" for name, info in entries)


def distribution_stamp(name: str) -> bytes:
    """The metadata file of the installed distribution `name`, which names its version: changes when
    the library does. Read, not parsed: importlib.metadata.version parses it as an e-mail message,
    milliseconds for a long one, and a command pays that at each start."""
    from importlib.metadata import distribution

    return (distribution(name).read_text("METADATA") or "").encode()


# files of a kind older than this are another version's, left behind
STALE_SECONDS = 24 * 3600


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a concurrent run never reads half a file), and
    remove the stale files of its kind; a folder that cannot be written is no error: the cache is an
    optimisation."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        return
    _remove_stale(path)


def _remove_stale(path: Path) -> None:
    kind = path.name.rsplit("-", 1)[0]
    cutoff = time.time() - STALE_SECONDS
    for other in path.parent.glob(f"{kind}-*"):
        try:
            if other != path and other.stat().st_mtime < cutoff:
                other.unlink()
        except OSError:   # removed by another run meanwhile, or not ours to remove
            pass


def cached_pickle(path: Path, expected: type[T], build: Callable[[], T]) -> T:
    """The `expected` value pickled at `path`, else `build()`, kept there for the next process."""
    try:
        value = pickle.loads(path.read_bytes())
        if isinstance(value, expected):
            return value
    except Exception:  # a missing, stale or damaged file is rebuilt, whatever went wrong reading it
        pass
    value = build()
    write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def cached_database(
    path: Path, build: Callable[[sqlite3.Connection], None], read: Callable[[sqlite3.Connection], T]
) -> T:
    """`read(database)` of the SQLite database at `path`, opened read-only; when there is none or
    `read` fails on it, the database is built by `build` in memory, kept at `path`, and read."""
    # immutable: the file is never changed in place (a new one replaces it whole), so no locking
    uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
    try:
        database = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error:   # none built yet
        pass
    else:
        try:
            return read(database)
        except Exception:  # a stale or damaged database is rebuilt, whatever went wrong reading it
            database.close()
    database = sqlite3.connect(":memory:", check_same_thread=False)
    build(database)
    database.commit()
    write_atomically(path, database.serialize())
    return read(database)
