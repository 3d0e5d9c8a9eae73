"""The HTML report in a real browser: headless Chromium renders it, and the highlights are in its DOM."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from factcheck.cli import main

from .conftest import CLAIMS

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian: apt-get install -y chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium(*arguments: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *arguments],
                              capture_output=True, text=True, timeout=120)


@pytest.fixture
def report_page(tmp_path, monkeypatch, capsys) -> Path:
    shutil.copy(CLAIMS / "japan-ukraine-2024.yaml", tmp_path / "sheet.yaml")
    (tmp_path / "factcheck.toml").write_text("")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for draft in sorted((CLAIMS / "drafts").glob("*.md")):
        text = draft.read_text(encoding="utf-8").replace("../japan-ukraine-2024.yaml", "../sheet.yaml")
        (drafts / draft.name).write_text(text, encoding="utf-8")
    (drafts / "tricky.md").write_text(
        "---\nfacts: ../sheet.yaml\n---\nJapan will give <script>document.title='owned'</script> Ukraine $4.5m.\n")
    (drafts / "broken.md").write_text("---\nsource: ../nowhere.txt\n---\nJapan gave $4.5 billion.\n")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "drafts", "--format", "html"])
    page = tmp_path / "report.html"
    page.write_text(capsys.readouterr().out, encoding="utf-8")
    assert status == 2
    return page


def test_highlights_are_in_the_rendered_dom(report_page):
    result = chromium("--dump-dom", report_page.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<title>factcheck report</title>" in dom   # the draft's <script> did not run
    assert dom.count('<mark class="claim contradicted"') >= 5
    assert '<mark class="claim supported"' in dom and '<mark class="claim not_found"' in dom
    assert 'class="tip" role="tooltip"' in dom
    assert "&lt;script&gt;document.title" in dom
    assert "Not checked: source nowhere.txt: no such file" in dom


def test_screenshot_of_a_claim_with_its_reason_shown(report_page, tmp_path):
    shot = tmp_path / "claim.png"
    # the fragment targets the first claim of the second draft: its reason box is shown (:target)
    result = chromium(f"--screenshot={shot}", "--window-size=1200,900", "--virtual-time-budget=3000",
                      report_page.as_uri() + "#d2-c1")
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
