"""The pytest plugin: `pytest --factcheck` collects drafts as tests, one per draft; off unless enabled."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points

import pytest

from .conftest import CLAIMS

pytest_plugins = ["pytester"]

SHEET = CLAIMS / "japan-ukraine-2024.yaml"
CLEAN = "Japan will give Ukraine $4.5 billion this year.\n"
WRONG = "Japan will give Ukraine $4.5m this year.\n"

# the plugin as installed (entry point), or named explicitly when this checkout is not installed
INSTALLED = any(entry.value == "factcheck_pytest" for entry in entry_points(group="pytest11"))
PLUGIN = () if INSTALLED else ("-p", "factcheck_pytest")


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    (pytester.path / "claims").mkdir()
    shutil.copy(SHEET, pytester.path / "claims" / "japan.yaml")
    (pytester.path / "drafts").mkdir()
    (pytester.path / "drafts" / "clean.md").write_text(f"---\nfacts: ../claims/japan.yaml\n---\n{CLEAN}")
    (pytester.path / "drafts" / "wrong.md").write_text(f"---\nfacts: ../claims/japan.yaml\n---\n{WRONG}")
    (pytester.path / "drafts" / "broken.md").write_text(f"---\nsource: ../articles/missing.txt\n---\n{CLEAN}")
    (pytester.path / "README.md").write_text("# Not a draft\n")
    pytester.makefile(".toml", factcheck='drafts = ["drafts/*.md"]\n')
    pytester.makepyfile(test_ordinary="def test_ordinary():\n    assert True\n")
    return pytester


def test_off_unless_enabled(newsroom):
    result = newsroom.runpytest(*PLUGIN, "-q")
    result.assert_outcomes(passed=1)


def test_one_test_per_draft_with_a_readable_account(newsroom):
    result = newsroom.runpytest(*PLUGIN, "--factcheck", "-rA")
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines([
        "*factcheck broken.md*",
        "drafts/broken.md: source articles/missing.txt: no such file",
        "*factcheck wrong.md*",
        "drafts/wrong.md: 1 contradicted, 0 not found, * supported",
        "drafts/wrong.md:4:25: contradicted amount '$4.5m'",
        "    the draft says $4.5 million but the source says $4.5 billion*",
        "    source: \"*",
        "PASSED drafts/clean.md::factcheck",
        "FAILED drafts/broken.md::factcheck*",
        "FAILED drafts/wrong.md::factcheck*",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "README.md" not in result.stdout.str()


def test_report_header_and_junit_properties(newsroom):
    junit = newsroom.path / "report.xml"
    result = newsroom.runpytest(*PLUGIN, "--factcheck", f"--junitxml={junit}", "drafts")
    result.stdout.fnmatch_lines(["factcheck: factcheck.toml, drafts: drafts/*.md, fail on: contradicted"])
    import xml.etree.ElementTree as ET

    cases = {case.get("classname"): case for case in ET.parse(junit).getroot().iter("testcase")}
    assert set(cases) == {"drafts.clean.md", "drafts.wrong.md", "drafts.broken.md"}
    clean = {p.get("name"): p.get("value") for p in cases["drafts.clean.md"].iter("property")}
    assert clean["contradicted"] == "0" and int(clean["supported"]) >= 1
    assert cases["drafts.wrong.md"].find("failure") is not None


def test_fail_on_option(newsroom):
    (newsroom.path / "drafts" / "unsure.md").write_text(
        "---\nfacts: ../claims/japan.yaml\n---\nGermany pledged $8 billion under a similar deal.\n")
    (newsroom.path / "drafts" / "wrong.md").unlink()
    (newsroom.path / "drafts" / "broken.md").unlink()
    newsroom.runpytest(*PLUGIN, "--factcheck", "drafts").assert_outcomes(passed=2)
    result = newsroom.runpytest(*PLUGIN, "--factcheck", "--factcheck-fail-on", "not_found", "drafts")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*unsure.md:4:17: not_found amount '$8 billion'"])


def test_sources_rules_make_drafts_too_and_exclude_wins(newsroom):
    (newsroom.path / "factcheck.toml").write_text(
        'exclude = ["drafts/broken.md"]\n[[sources]]\ndrafts = "social/*.txt"\nfacts = "claims/japan.yaml"\n')
    (newsroom.path / "social").mkdir()
    (newsroom.path / "social" / "post.txt").write_text(WRONG)
    result = newsroom.runpytest(*PLUGIN, "--factcheck", "-rA")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED social/post.txt::factcheck*"])


def test_config_option_and_bad_configuration(newsroom):
    (newsroom.path / "strict.toml").write_text('drafts = ["drafts/clean.md"]\n')
    newsroom.runpytest(*PLUGIN, "--factcheck", "--factcheck-config", "strict.toml").assert_outcomes(passed=2)
    (newsroom.path / "factcheck.toml").write_text('fail-on = "never"\n')
    result = newsroom.runpytest(*PLUGIN, "--factcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck: factcheck.toml: key 'fail-on': Input should be*"])


def test_no_globs_collects_nothing_and_says_so(newsroom):
    (newsroom.path / "factcheck.toml").write_text("")
    result = newsroom.runpytest(*PLUGIN, "--factcheck")
    result.assert_outcomes(passed=1)
    header = "factcheck: factcheck.toml: no 'drafts' globs and no [[sources]] rules, so no draft is collected"
    assert header in result.stdout.lines


def test_entry_point_module_is_light():
    import subprocess
    import sys

    code = "import sys, factcheck_pytest; print([m for m in ('factcheck', 'pydantic') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
