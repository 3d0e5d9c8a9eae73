"""Bad input on the command line: one line on stderr naming the file and the problem, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.cli import main

from .conftest import CLAIMS

SHEET = str(CLAIMS / "japan-ukraine-2024.yaml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factcheck: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_draft(capsys, tmp_path):
    status, _, err = run(capsys, "check", str(tmp_path / "nope.md"), "--facts", SHEET)
    assert status == 2
    assert_one_line_error(err, "nope.md", "no such file")


def test_missing_source(capsys, tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Japan gave $4.5 billion.")
    status, _, err = run(capsys, "check", str(draft), "--source", str(tmp_path / "article.txt"))
    assert status == 2
    assert_one_line_error(err, "article.txt", "no such file")


def test_draft_not_utf8(capsys, tmp_path):
    draft = tmp_path / "latin1.txt"
    draft.write_bytes("Japan gave \xa34.5 billion to caf\xe9s".encode("latin-1"))
    status, _, err = run(capsys, "check", str(draft), "--facts", SHEET)
    assert status == 2
    assert_one_line_error(err, "latin1.txt", "not UTF-8")


def test_binary_draft(capsys, tmp_path):
    draft = tmp_path / "image.png"
    draft.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, _, err = run(capsys, "check", str(draft), "--facts", SHEET)
    assert status == 2
    assert_one_line_error(err, "image.png", "binary")


def test_directory_as_draft(capsys, tmp_path):
    status, _, err = run(capsys, "check", str(tmp_path), "--facts", SHEET)
    assert status == 2
    assert_one_line_error(err, str(tmp_path), "directory")


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("facts: [\n  {kind: amount,\n", ["sheet.yaml", "not valid YAML"]),
        ("- just\n- a list\n", ["sheet.yaml", "expected a mapping"]),
        (
            "facts:\n  - kind: amount\n    text: $4.5 billion\n    span: {start: 0, end: 12}\n"
            "    value: {amount: lots, currency: USD}\n",
            ["sheet.yaml", "line 5", "facts[0].value.amount"],
        ),
        (
            "facts:\n  - kind: weather\n    text: sunny\n    span: {start: 0, end: 5}\n    value: {}\n",
            ["sheet.yaml", "line 2", "facts[0].kind"],
        ),
        ("published: yesterday-ish\nfacts: []\n", ["sheet.yaml", "line 1", "published"]),
        ("facts: []\ncolour: blue\n", ["sheet.yaml", "line 2", "colour"]),
    ],
)
def test_malformed_fact_sheet(capsys, tmp_path, content, fragments):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(content)
    draft = tmp_path / "d.txt"
    draft.write_text("Japan gave $4.5 billion.")
    status, _, err = run(capsys, "check", str(draft), "--facts", str(sheet))
    assert status == 2
    assert_one_line_error(err, *fragments)


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["check", "d.md", "--facts", SHEET, "--colour"], "unrecognized arguments: --colour"),
        # --source and --facts are no longer required (drafts may name their source), but still exclusive
        (["check", "d.md", "--source", "a.txt", "--facts", SHEET], "not allowed with argument --source"),
        (["check", "d.md", "--facts", SHEET, "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "d.md", "--facts", SHEET, "--published", "13/06/2024"], "not a date"),
        (["check", "d.md", "--facts", SHEET, "--kinds", "amount,weather"], "unknown kind 'weather'"),
        (["check", "d.md", "--facts", SHEET, "--default-currency", "DOLLARS"], "not an ISO 4217"),
        (["check", "-", "-", "--facts", SHEET], "standard input"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors(capsys, argv, fragment):
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert_one_line_error(err, fragment)


def test_no_traceback_from_the_installed_command(tmp_path):
    """The real process, as CI runs it: one line on stderr and exit 2."""
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(tmp_path / "missing.md"), "--facts", SHEET],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "missing.md" in result.stderr and "Traceback" not in result.stderr


def test_extract_output_not_writable(capsys, tmp_path, seed_text):
    article = tmp_path / "a.txt"
    article.write_text(seed_text)
    status, _, err = run(capsys, "extract", str(article), "-o", str(tmp_path / "no" / "dir" / "out.yaml"))
    assert status == 2
    assert_one_line_error(err, "out.yaml", "cannot be written")


def test_stdin_draft(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Nothing to check here.")))
    status, out, err = run(capsys, "check", "-", "--facts", SHEET)
    assert status == 0, err
    assert "<stdin>" in out
