"""`factcheck check` over many drafts: the three-draft folder, formats through the command line,
exit codes, configuration, colour, and bad input that must not stop a run."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

from factcheck.cli import main

from .conftest import CLAIMS, ROOT
from .conftest import write_draft as write

SHEET = CLAIMS / "japan-ukraine-2024.yaml"
CLEAN = "Japan will give Ukraine $4.5 billion this year under a ten-year pact.\n"
WRONG = "Japan will give Ukraine $4.5m this year.\n"




@pytest.fixture
def three_drafts(newsroom):
    """The folder of the issue: one clean draft, one with a contradicted claim, one whose source does not exist."""
    write(newsroom / "drafts" / "a-clean.md", CLEAN, facts="../claims/japan.yaml")
    write(newsroom / "drafts" / "b-wrong.md", WRONG, facts="../claims/japan.yaml")
    write(newsroom / "drafts" / "c-broken.md", CLEAN, source="../articles/missing.txt")
    return newsroom


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- the scenario ------------------------------------------------------------------


def test_three_drafts_one_broken_exits_2_and_reports_the_readable_two(capsys, three_drafts):
    status, out, err = run(capsys, "check", "drafts")
    assert status == 2
    assert err == "factcheck: error: drafts/c-broken.md: source articles/missing.txt: no such file\n"
    assert "drafts/a-clean.md" in out and "drafts/b-wrong.md" in out
    assert "contradicted amount    '$4.5m'" in out
    assert out.splitlines()[-1].endswith("; 1 draft could not be checked")
    assert "c-broken" not in out

    # the broken draft fixed: findings remain, exit 1
    write(three_drafts / "drafts" / "c-broken.md", CLEAN, facts="../claims/japan.yaml")
    status, out, err = run(capsys, "check", "drafts")
    assert (status, err) == (1, "")
    assert "3 drafts" in out.splitlines()[-1]

    # and with the wrong claim corrected too: exit 0
    write(three_drafts / "drafts" / "b-wrong.md", CLEAN, facts="../claims/japan.yaml")
    status, out, err = run(capsys, "check", "drafts")
    assert (status, err) == (0, "")


def test_three_drafts_in_every_machine_format(capsys, three_drafts):
    status, out, _ = run(capsys, "check", "drafts", "--format", "json")
    data = json.loads(out)
    assert status == 2
    assert [item["path"] for item in data] == ["drafts/a-clean.md", "drafts/b-wrong.md", "drafts/c-broken.md"]
    assert data[2]["error"] == "source articles/missing.txt: no such file"
    assert data[1]["summary"]["contradicted"] == 1

    status, out, _ = run(capsys, "check", "drafts", "--format", "github")
    assert status == 2
    lines = out.splitlines()
    assert any(line.startswith("::error file=drafts/b-wrong.md,line=4,col=25,endColumn=30,") for line in lines), out
    assert "::error file=drafts/c-broken.md,title=factcheck%3A draft not checked::source articles/missing.txt: no such file" in lines

    status, out, _ = run(capsys, "check", "drafts", "--format", "junit")
    root = ET.fromstring(out)
    assert (status, root.get("errors"), root.get("failures")) == (2, "1", "1")
    assert [suite.get("name") for suite in root] == ["drafts/a-clean.md", "drafts/b-wrong.md", "drafts/c-broken.md"]

    status, out, _ = run(capsys, "check", "drafts", "--format", "sarif")
    log = json.loads(out)
    results = log["runs"][0]["results"]
    assert status == 2 and [r["ruleId"] for r in results] == ["factcheck/amount/contradicted"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False

    status, out, _ = run(capsys, "check", "drafts", "--format", "line")
    assert status == 2
    assert "drafts/b-wrong.md:4:25: contradicted amount: '$4.5m': " in out

    status, out, _ = run(capsys, "check", "drafts", "--format", "html")
    assert status == 2
    assert '<mark class="claim contradicted"' in out and "Not checked: source articles/missing.txt" in out
    assert "Japan will give Ukraine <mark" in out   # the draft's own text is on the page


# --- exit codes ----------------------------------------------------------------------------------


def test_exit_0_for_a_clean_draft(capsys, newsroom):
    write(newsroom / "a.md", CLEAN, facts="claims/japan.yaml")
    assert run(capsys, "check", "a.md")[0] == 0


def test_fail_on_moves_the_failure_level(capsys, newsroom):
    write(newsroom / "unsure.md", "Germany pledged $8 billion under a similar deal.\n", facts="claims/japan.yaml")
    assert run(capsys, "check", "unsure.md")[0] == 0
    assert run(capsys, "check", "unsure.md", "--fail-on", "not_found")[0] == 1
    (newsroom / "factcheck.toml").write_text('fail-on = "not_found"\n')
    assert run(capsys, "check", "unsure.md")[0] == 1
    assert run(capsys, "check", "unsure.md", "--fail-on", "contradicted")[0] == 0


def test_input_error_wins_over_findings(capsys, newsroom):
    write(newsroom / "wrong.md", WRONG, facts="claims/japan.yaml")
    status, out, err = run(capsys, "check", "wrong.md", "missing.md")
    assert status == 2
    assert "contradicted" in out
    assert err == "factcheck: error: missing.md: no such file\n"


def test_one_off_run_with_facts_on_the_command_line(capsys, newsroom):
    write(newsroom / "plain.txt", WRONG)
    status, out, _ = run(capsys, "check", "plain.txt", "--facts", "claims/japan.yaml")
    assert status == 1 and "'$4.5m'" in out


def test_draft_without_any_source(capsys, newsroom):
    write(newsroom / "orphan.md", CLEAN)
    status, out, err = run(capsys, "check", "orphan.md")
    assert (status, out) == (2, "")
    assert err.startswith("factcheck: error: orphan.md: no source: name one with 'source:' or 'facts:'")
    assert err.count("\n") == 1


def test_no_drafts_at_all(capsys, newsroom):
    status, out, err = run(capsys, "check")
    assert (status, out) == (2, "")
    assert err == ("factcheck: error: no drafts: name files, folders or globs, or set 'drafts' in the "
                   "configuration\n")


# --- configuration -------------------------------------------------------------------------------


def test_configured_drafts_and_sources(capsys, newsroom):
    (newsroom / "factcheck.toml").write_text(
        'drafts = ["drafts/**/*.md"]\n[[sources]]\ndrafts = "drafts/**"\nfacts = "claims/japan.yaml"\n')
    write(newsroom / "drafts" / "2024" / "wrong.md", WRONG)
    write(newsroom / "drafts" / "clean.md", CLEAN)
    (newsroom / "drafts" / "2024" / "deep").mkdir()
    status, out, _ = run(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert [item["path"] for item in data] == ["drafts/2024/wrong.md", "drafts/clean.md"]


def test_config_option_overrides_discovery(capsys, newsroom):
    write(newsroom / "wrong.md", WRONG, facts="claims/japan.yaml")
    (newsroom / "lenient.toml").write_text('kinds = ["date"]\n')
    assert run(capsys, "check", "wrong.md")[0] == 1
    assert run(capsys, "check", "wrong.md", "--config", "lenient.toml")[0] == 0


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ('fail-on = "sometimes"\n', "factcheck.toml: key 'fail-on': Input should be 'contradicted' or 'not_found'"),
        ("colour = true\n", "factcheck.toml: unknown key 'colour'"),
        ("kinds = [\n", "factcheck.toml: not valid TOML"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(capsys, newsroom, config, fragment):
    write(newsroom / "a.md", CLEAN, facts="claims/japan.yaml")
    (newsroom / "factcheck.toml").write_text(config)
    status, out, err = run(capsys, "check", "a.md")
    assert (status, out) == (2, "")
    assert err.startswith(f"factcheck: error: {fragment}"), err
    assert err.count("\n") == 1


def test_missing_config_file(capsys, newsroom):
    status, _, err = run(capsys, "check", "a.md", "--config", "nope.toml")
    assert (status, err) == (2, "factcheck: error: nope.toml: no such file\n")


def test_pyproject_table_found_from_a_subfolder(capsys, newsroom, monkeypatch):
    (newsroom / "factcheck.toml").unlink()
    (newsroom / "pyproject.toml").write_text('[tool.factcheck]\nkinds = ["date"]\n')
    write(newsroom / "drafts" / "wrong.md", WRONG, facts="../claims/japan.yaml")
    monkeypatch.chdir(newsroom / "drafts")
    status, out, _ = run(capsys, "check", "wrong.md")
    assert status == 0 and "'$4.5m'" not in out


# --- colour ----------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(capsys, newsroom, monkeypatch):
    write(newsroom / "wrong.md", WRONG, facts="claims/japan.yaml")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["check", "wrong.md"])
    assert "\033[31;1mcontradicted" in terminal.getvalue()
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", "wrong.md"])
    assert "\033[" not in terminal.getvalue()
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["check", "wrong.md", "--color", "always"])
    assert "\033[" in terminal.getvalue()


def test_no_colour_in_a_pipe(capsys, newsroom):
    write(newsroom / "wrong.md", WRONG, facts="claims/japan.yaml")
    _, out, _ = run(capsys, "check", "wrong.md")
    assert "\033[" not in out


# --- bad input: each one line naming the file; the other drafts still checked ---------------------------


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
        ("latin1.md", "Japan gave \xa34.5bn to caf\xe9s".encode("latin-1"), "not UTF-8 text"),
        ("empty.md", b"", "empty draft"),
        ("blank.md", b"\n   \n", "empty draft"),
        ("front.md", b"---\ntitle: [unclosed\n---\nJapan gave $4.5 billion.\n", "malformed front matter"),
        ("nosource.md", b"---\nsource: nowhere.txt\n---\nJapan gave $4.5 billion.\n", "source drafts/nowhere.txt: no such file"),
    ],
)
def test_bad_draft_among_good_ones(capsys, newsroom, name, content, problem):
    write(newsroom / "drafts" / "a.md", CLEAN, facts="../claims/japan.yaml")
    (newsroom / "drafts" / name).write_bytes(content)
    write(newsroom / "drafts" / "z.md", WRONG, facts="../claims/japan.yaml")
    status, out, err = run(capsys, "check", "drafts")
    assert status == 2
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"factcheck: error: drafts/{name}: {problem}"), err
    assert "Traceback" not in err
    assert "drafts/a.md" in out and "drafts/z.md" in out


def test_directory_is_walked_and_unmatched_glob_is_an_error(capsys, newsroom):
    write(newsroom / "drafts" / "a.md", CLEAN, facts="../claims/japan.yaml")
    status, out, err = run(capsys, "check", "drafts", "stories/*.md")
    assert status == 2
    assert err == "factcheck: error: stories/*.md: no file matches this pattern\n"
    assert "drafts/a.md" in out


def test_stdin_draft_with_front_matter(capsys, newsroom, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"---\nfacts: claims/japan.yaml\n---\n{WRONG}".encode())))
    status, out, _ = run(capsys, "check", "-")
    assert status == 1 and out.startswith("<stdin>\n")


def test_ten_megabyte_draft(capsys, newsroom):
    """A 10 MB draft of repeated news paragraphs is checked whole, in bounded time (no timing assert tighter
    than the test's own budget: the machine may be busy)."""
    paragraph = (
        "Officials in Kyiv welcomed the agreement, saying it would help the country plan its defence. "
        "Japan will give Ukraine $4.5 billion this year. "
        "The leaders met reporters after the talks, which ran late into the evening. "
        "Diplomats described the mood as warm and businesslike.\n\n"
    )
    body = paragraph * (10_000_000 // len(paragraph))
    write(newsroom / "big.md", body + WRONG, facts="claims/japan.yaml")
    started = time.perf_counter()
    status, out, err = run(capsys, "check", "big.md", "--format", "line", "--kinds", "amount")
    elapsed = time.perf_counter() - started
    lines = out.splitlines()
    assert (status, err) == (1, "")
    repeats = body.count(paragraph)
    assert len(lines) == repeats + 1
    column = paragraph.index("$4.5 billion") + 1
    assert lines[0] == f"big.md:4:{column}: supported amount: '$4.5 billion': source says $4.5 billion (4,500,000,000 USD)"
    assert lines[-1].startswith(f"big.md:{4 + 2 * repeats}:25: contradicted amount: '$4.5m'")
    assert elapsed < 120


# --- start-up --------------------------------------------------------------------------------------


def test_command_line_module_imports_nothing_heavy():
    code = ("import sys, factcheck.cli; heavy = [m for m in ('pydantic', 'yaml', 'pint', 'babel', 'rapidfuzz', "
            "'factcheck.models', 'factcheck.pipeline') if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


def test_help_lists_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    for fmt in ("text", "json", "line", "github", "junit", "sarif", "html"):
        assert fmt in out


# --- hooks: every changed markdown file is passed, README.md included ----------------------------------


def test_skip_non_drafts(capsys, newsroom):
    (newsroom / "factcheck.toml").write_text('[[sources]]\ndrafts = "social/*.txt"\nfacts = "claims/japan.yaml"\n')
    write(newsroom / "README.md", "# Our newsroom\n\nWe publish $4.5 billion of news.\n")
    (newsroom / "notes.md").write_bytes(b"")
    (newsroom / "logo.md").write_bytes(b"\x00\x01binary")
    write(newsroom / "drafts" / "wrong.md", WRONG, facts="../claims/japan.yaml")
    write(newsroom / "social" / "post.txt", CLEAN)
    (newsroom / "social" / "empty.txt").write_text("")
    named = ["README.md", "notes.md", "logo.md", "drafts/wrong.md", "social/post.txt", "social/empty.txt"]
    status, out, err = run(capsys, "check", "--skip-non-drafts", "--format", "json", *named)
    assert status == 2
    assert err == "factcheck: error: social/empty.txt: empty draft\n"   # a draft by the configuration's say
    assert [item["path"] for item in json.loads(out)] == ["drafts/wrong.md", "social/post.txt", "social/empty.txt"]
    status, out, err = run(capsys, "check", "--skip-non-drafts", "README.md", "notes.md")
    assert (status, out, err) == (0, "", "")
    status, _, err = run(capsys, "check", "--skip-non-drafts", "missing.md")
    assert (status, err) == (2, "factcheck: error: missing.md: no such file\n")
    # without the flag, README.md is a draft without a source
    status, _, err = run(capsys, "check", "README.md")
    assert status == 2 and "README.md: no source" in err


def test_pre_commit_hook_and_action_definitions():
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["factcheck", "check"] and "--skip-non-drafts" in hook["entry"]
    import re

    files = re.compile(hook["files"])
    assert files.search("drafts/a.md") and files.search("post.txt") and files.search("x.markdown")
    assert not files.search("image.png") and not files.search("claims/x.yaml")

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert action["inputs"]["format"]["default"] == "github"
    steps = action["runs"]["steps"]
    assert any("pip install" in step.get("run", "") and "GITHUB_ACTION_PATH" in step.get("run", "") for step in steps)
    check = steps[-1]
    assert "factcheck check" in check["run"] and check["shell"] == "bash"
    # inputs reach the script through the environment, never pasted into it (no script injection)
    assert "${{" not in check["run"]


def test_paragraph_by_paragraph_reading_finds_the_same_claims(monkeypatch):
    """Large drafts are read paragraph by paragraph: the claims, their places and verdicts are those of a whole read."""
    import factcheck
    import factcheck.pipeline as pipeline

    sheet = factcheck.load_facts(SHEET)
    draft = (CLAIMS / "drafts" / "summary-with-mistakes.md").read_text(encoding="utf-8")
    draft += "\n\n" + (CLAIMS / "drafts" / "clean-summary.md").read_text(encoding="utf-8").split("---", 2)[2]
    draft += "\n\n" + draft.split("---", 2)[2]   # every paragraph once more, found again at its own place
    whole = factcheck.check(draft, sheet, markdown=True)
    monkeypatch.setattr(pipeline, "LARGE_DRAFT", 100)
    by_paragraph = factcheck.check(draft, sheet, markdown=True)
    assert whole.claims and [c.model_dump() for c in by_paragraph.claims] == [c.model_dump() for c in whole.claims]
    for claim in by_paragraph.claims:
        assert draft[claim.span.start : claim.span.end] == claim.text
