from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "japan-ukraine-security-agreement.txt"
CLAIMS = ROOT / "claims"


def write_draft(path: Path, body: str, **front: str) -> Path:
    """A draft file, with front matter when keys are given (facts=..., source=..., published=...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    matter = "".join(f"{key}: {value}\n" for key, value in front.items())
    path.write_text(f"---\n{matter}---\n{body}" if front else body, encoding="utf-8")
    return path


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A newsroom repository: the example fact sheet as claims/japan.yaml, an empty factcheck.toml,
    and the working directory at its root."""
    import shutil

    (tmp_path / "claims").mkdir()
    shutil.copy(CLAIMS / "japan-ukraine-2024.yaml", tmp_path / "claims" / "japan.yaml")
    (tmp_path / "factcheck.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run_python(code: str, cache_dir: Path, cwd: Path | None = None) -> str:
    """What `code` prints in a new Python process whose cache folder is `cache_dir` (caches are per
    process: only a new one shows what is read from the folder and what is built); fails on an error."""
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=cwd,
        env={**os.environ, "FACTCHECK_CACHE_DIR": str(cache_dir)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def run_with_a_cache_file(code: str, cache_dir: Path, file_pattern: str) -> str:
    """What `code` prints in new processes, asserting that it prints the same when the cache file it makes
    (`file_pattern` in `cache_dir`) is read back, and when that file is damaged (then rebuilt to the same bytes)."""
    built = run_python(code, cache_dir)
    [cache] = list(cache_dir.glob(file_pattern))
    assert run_python(code, cache_dir) == built          # read from the cache
    whole = cache.read_bytes()
    for damaged in (b"not a cache file", whole[: len(whole) // 2]):
        cache.write_bytes(damaged)
        assert run_python(code, cache_dir) == built      # rebuilt
        assert cache.read_bytes() == whole
    return built


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}): ../shared/ comes with the project's CI, not with a fresh clone")
    return SEED.read_text(encoding="utf-8")


# --- Hypothesis profiles -------------------------------------------------------------------------
# "ci" (the default, and what CI runs): derandomised, so a run is repeatable, with a fixed number of
# examples and no deadline (a shared 2-core machine times unevenly). "thorough" for local runs:
#     HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_properties.py
# Tests that pay for each example take a fraction of the profile's examples (tests/test_properties.py).
import os as _os

from hypothesis import HealthCheck as _HealthCheck
from hypothesis import settings as _settings

_settings.register_profile(
    "ci", derandomize=True, max_examples=100, deadline=None, database=None, print_blob=True,
    suppress_health_check=[_HealthCheck.too_slow],
)
_settings.register_profile(
    "thorough", max_examples=2000, deadline=None, print_blob=True,
    suppress_health_check=[_HealthCheck.too_slow, _HealthCheck.data_too_large],
)
# CI always runs the "ci" profile, whatever else is set
_settings.load_profile("ci" if _os.environ.get("CI") else _os.environ.get("HYPOTHESIS_PROFILE") or "ci")
