from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "japan-ukraine-security-agreement.txt"
CLAIMS = ROOT / "claims"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}): ../shared/ comes with the project's CI, not with a fresh clone")
    return SEED.read_text(encoding="utf-8")
