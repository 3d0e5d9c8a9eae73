"""Runs over many drafts: finding drafts and their sources, per-draft errors, exit status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.errors import InputError
from factcheck.models import DraftError, Report
from factcheck.runs import (
    DraftFile,
    RunOptions,
    RunResult,
    SourceCache,
    check_drafts,
    find_drafts,
    glob_matches,
)

from .conftest import write_draft as draft

CLEAN = "Japan will give Ukraine $4.5 billion this year.\n"
WRONG = "Japan will give Ukraine $4.5m this year.\n"




def run(arguments: list[str], **options: object) -> RunResult:
    config = options.pop("config", None) or load_config()
    run_options = RunOptions(config=config, **options)  # type: ignore[arg-type]
    return check_drafts(find_drafts(arguments, config), run_options)


def paths(result: RunResult) -> list[str]:
    return [outcome.path or "" for outcome in result.outcomes]


# --- globs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts/*.md", "drafts/a.md", True),
        ("drafts/*.md", "drafts/sub/a.md", False),
        ("drafts/**/*.md", "drafts/a.md", True),
        ("drafts/**/*.md", "drafts/2024/06/a.md", True),
        ("**/*.md", "a.md", True),
        ("**/*.md", "x/y/z.md", True),
        ("drafts/**", "drafts/x/y.txt", True),
        ("drafts/?.md", "drafts/a.md", True),
        ("drafts/?.md", "drafts/ab.md", False),
        ("drafts/[ab].md", "drafts/b.md", True),
        ("drafts/[!ab].md", "drafts/b.md", False),
        ("drafts/[!ab].md", "drafts/c.md", True),
        ("./drafts/a.md", "drafts/a.md", True),
        ("drafts/a+b (1).md", "drafts/a+b (1).md", True),
        ("drafts/*.md", "drafts/a.markdown", False),
        ("*.md", "drafts/a.md", False),
    ],
)
def test_glob_matches(pattern, path, expected):
    assert glob_matches(pattern, path) is expected


def test_glob_matching_is_fast_on_adversarial_paths():
    import time

    started = time.perf_counter()
    assert not glob_matches("**/" * 50 + "*a*a*a*a*b", "a/" * 2000 + "a" * 5000)
    assert not glob_matches("**/*/" * 30 + "*a" * 40 + "b", "a/" * 2000 + "a" * 5000)
    assert glob_matches("**/*/" * 30 + "*a" * 40, "a/" * 2000 + "a" * 5000)
    assert time.perf_counter() - started < 5


# --- finding drafts ---------------------------------------------------------------------


def test_folder_is_walked_for_drafts_in_a_stable_order(newsroom):
    draft(newsroom / "drafts" / "b.md", CLEAN)
    draft(newsroom / "drafts" / "a.txt", CLEAN)
    draft(newsroom / "drafts" / "sub" / "c.markdown", CLEAN)
    draft(newsroom / "drafts" / "notes.yaml", "x: 1")
    draft(newsroom / "drafts" / ".hidden.md", CLEAN)
    draft(newsroom / "drafts" / ".git" / "x.md", CLEAN)
    found = find_drafts(["drafts"], load_config())
    assert [d.path for d in found] == ["drafts/a.txt", "drafts/b.md", "drafts/sub/c.markdown"]
    assert all(isinstance(d, DraftFile) and not d.explicit for d in found)


def test_glob_argument_crosses_folders(newsroom):
    draft(newsroom / "drafts" / "2024" / "a.md", CLEAN)
    draft(newsroom / "drafts" / "b.md", CLEAN)
    draft(newsroom / "drafts" / "c.txt", CLEAN)
    found = find_drafts(["drafts/**/*.md"], load_config())
    assert [d.path for d in found] == ["drafts/2024/a.md", "drafts/b.md"]


def test_empty_folder_and_unmatched_glob_are_errors_in_place(newsroom):
    (newsroom / "empty").mkdir()
    draft(newsroom / "a.md", CLEAN)
    found = find_drafts(["empty", "a.md", "nothing/*.md"], load_config())
    assert isinstance(found[0], DraftError) and "directory with no drafts" in found[0].error
    assert isinstance(found[1], DraftFile) and found[1].explicit
    assert isinstance(found[2], DraftError) and found[2].error == "no file matches this pattern"


def test_a_file_named_twice_is_one_draft(newsroom):
    draft(newsroom / "drafts" / "a.md", CLEAN)
    found = find_drafts(["drafts/a.md", "drafts", "./drafts/a.md"], load_config())
    assert [d.path for d in found] == ["drafts/a.md"]


def test_configured_drafts_when_no_paths_are_given(newsroom):
    (newsroom / "factcheck.toml").write_text('drafts = ["drafts/**/*.md"]\nexclude = ["drafts/archive/**"]\n')
    draft(newsroom / "drafts" / "a.md", CLEAN)
    draft(newsroom / "drafts" / "archive" / "old.md", CLEAN)
    draft(newsroom / "drafts" / "x.txt", CLEAN)
    sub = newsroom / "drafts"
    found = find_drafts([], load_config(start=sub))
    assert [Path(d.location).name for d in found if isinstance(d, DraftFile) and d.location] == ["a.md"]


def test_exclude_applies_to_folders_but_not_to_named_files(newsroom):
    (newsroom / "factcheck.toml").write_text('exclude = ["drafts/wip-*"]\n')
    draft(newsroom / "drafts" / "wip-a.md", CLEAN)
    draft(newsroom / "drafts" / "b.md", CLEAN)
    assert [d.path for d in find_drafts(["drafts"], load_config())] == ["drafts/b.md"]
    assert [d.path for d in find_drafts(["drafts/wip-a.md"], load_config())] == ["drafts/wip-a.md"]


def test_no_paths_and_no_configured_drafts_is_a_run_error(newsroom):
    with pytest.raises(InputError, match="no drafts"):
        find_drafts([], load_config())


def test_configured_globs_matching_nothing_is_a_run_error(newsroom):
    (newsroom / "factcheck.toml").write_text('drafts = ["drafts/*.md"]\n')
    with pytest.raises(InputError, match=r"factcheck.toml: no file matches its 'drafts' globs \(drafts/\*.md\)"):
        find_drafts([], load_config())


# --- sources ------------------------------------------------------------------------------


def test_front_matter_facts_relative_to_the_draft(newsroom):
    draft(newsroom / "drafts" / "a.md", WRONG, facts="../claims/japan.yaml")
    result = run(["drafts"])
    (report,) = result.outcomes
    assert isinstance(report, Report)
    assert report.path == "drafts/a.md"
    assert report.summary.contradicted == 1
    assert result.exit_status("contradicted") == 1


def test_front_matter_source_article(newsroom):
    (newsroom / "articles").mkdir()
    (newsroom / "articles" / "japan.txt").write_text(
        "On Thursday Japan agreed to give Ukraine $4.5 billion this year under a 10-year pact.\n")
    draft(newsroom / "drafts" / "a.md", CLEAN, source="../articles/japan.txt", published="2024-06-13")
    result = run(["drafts"])
    (report,) = result.outcomes
    assert isinstance(report, Report) and report.summary.supported >= 1 and report.summary.contradicted == 0
    assert result.exit_status("contradicted") == 0


def test_an_article_found_in_the_drafts_folder_is_not_a_draft(newsroom):
    """Drafts often sit beside their source: a walked file that a draft names as its source is skipped."""
    (newsroom / "story").mkdir()
    (newsroom / "story" / "article.txt").write_text("Japan will give Ukraine $4.5 billion this year.\n")
    draft(newsroom / "story" / "draft.md", CLEAN, source="article.txt")
    assert paths(run(["story"])) == ["story/draft.md"]
    # named explicitly, it is checked (and has no source of its own)
    result = run(["story/draft.md", "story/article.txt"])
    assert paths(result) == ["story/draft.md", "story/article.txt"]
    assert isinstance(result.outcomes[1], DraftError) and result.outcomes[1].error.startswith("no source")


def test_configured_source_rules_first_match_wins(newsroom):
    (newsroom / "factcheck.toml").write_text(
        '[[sources]]\ndrafts = "drafts/japan-*.md"\nfacts = "claims/japan.yaml"\npublished = 2024-06-13\n'
        '[[sources]]\ndrafts = "drafts/*.md"\nfacts = "claims/missing.yaml"\n'
    )
    draft(newsroom / "drafts" / "japan-1.md", WRONG)
    draft(newsroom / "drafts" / "other.md", CLEAN)
    result = run(["drafts"])
    japan, other = result.outcomes
    assert isinstance(japan, Report) and japan.summary.contradicted == 1
    assert isinstance(other, DraftError)
    assert other.error == "facts claims/missing.yaml: no such file"


def test_front_matter_wins_over_configuration_and_command_line_wins_over_both(newsroom):
    (newsroom / "factcheck.toml").write_text('[[sources]]\ndrafts = "**"\nfacts = "claims/missing.yaml"\n')
    draft(newsroom / "a.md", WRONG, facts="claims/japan.yaml")
    assert isinstance(run(["a.md"]).outcomes[0], Report)
    draft(newsroom / "b.md", WRONG, facts="claims/missing.yaml")
    result = run(["b.md"], facts=str(newsroom / "claims" / "japan.yaml"))
    assert isinstance(result.outcomes[0], Report)


def test_with_both_facts_and_source_the_fact_sheet_is_used(newsroom):
    draft(newsroom / "a.md", WRONG, facts="claims/japan.yaml", source="articles/missing.txt")
    assert isinstance(run(["a.md"]).outcomes[0], Report)


def test_broken_command_line_source_is_one_error_for_the_run(newsroom):
    draft(newsroom / "a.md", CLEAN)
    draft(newsroom / "b.md", CLEAN)
    with pytest.raises(InputError, match=r"^missing.txt: no such file$"):
        run(["a.md", "b.md"], source="missing.txt")


def test_each_source_is_read_once_per_run(newsroom, monkeypatch):
    import factcheck.runs as runs

    calls: list[Path] = []
    real = runs.load_facts

    def counting(path):
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(runs, "load_facts", counting)
    for name in "abc":
        draft(newsroom / "drafts" / f"{name}.md", CLEAN, facts="../claims/japan.yaml")
    cache = SourceCache("USD")
    config = load_config()
    result = check_drafts(find_drafts(["drafts"], config), RunOptions(config=config), cache)
    assert len(result.reports) == 3
    assert len(calls) == 1
    check_drafts(find_drafts(["drafts/a.md"], config), RunOptions(config=config), cache)
    assert len(calls) == 1


def test_published_from_front_matter_and_command_line(newsroom):
    (newsroom / "article.txt").write_text("Japan and Ukraine signed the pact on Thursday.\n")
    draft(newsroom / "a.md", "The pact was signed on 13 June.\n", source="article.txt", published="2024-06-13")
    (report,) = run(["a.md"]).outcomes
    assert isinstance(report, Report)
    dates = [c for c in report.claims if c.kind == "date"]
    assert dates and dates[0].verdict.value == "supported"
    (report,) = run(["a.md"], published=dt.date(2024, 6, 20)).outcomes
    assert isinstance(report, Report)
    assert [c for c in report.claims if c.kind == "date"][0].verdict.value == "contradicted"


# --- per-draft errors: each names the draft, and the run goes on ----------------------------


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "empty draft"),
        (b"  \n\n\t\n", "empty draft"),
        (b"---\nfacts: claims/japan.yaml\n---\n\n", "empty draft"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
        ("Japan gave \xa34.5 billion".encode("latin-1"), "not UTF-8 text (invalid byte at offset 11)"),
        (b"---\nfacts: [unclosed\n---\nJapan gave $4.5 billion.\n", "malformed front matter at line 3"),
        (b"---\n- a list\n---\nJapan gave $4.5 billion.\n", "malformed front matter: expected key: value pairs"),
        (b"---\nfacts: 42\n---\nJapan gave $4.5 billion.\n", "front matter 'facts': expected a path, got 42"),
        (b"---\nfacts: claims/japan.yaml\npublished: June\n---\nJapan gave $4.5 billion.\n",
         "front matter 'published': not a date (YYYY-MM-DD): 'June'"),
        (b"Japan gave $4.5 billion.\n", "no source: name one with 'source:' or 'facts:' in the front matter"),
        (b"---\nsource: articles/nope.txt\n---\nJapan gave $4.5 billion.\n", "source articles/nope.txt: no such file"),
        (b"---\nfacts: claims\n---\nJapan gave $4.5 billion.\n", "facts claims: is a directory, not a file"),
    ],
)
def test_broken_draft_is_reported_and_the_others_still_checked(newsroom, content, error):
    draft(newsroom / "a.md", WRONG, facts="claims/japan.yaml")
    (newsroom / "b.md").write_bytes(content)
    draft(newsroom / "c.md", CLEAN, facts="claims/japan.yaml")
    result = run(["a.md", "b.md", "c.md"])
    first, broken, last = result.outcomes
    assert isinstance(first, Report) and isinstance(last, Report)
    assert isinstance(broken, DraftError)
    assert broken.path == "b.md"
    assert broken.error.startswith(error), broken.error
    assert "\n" not in broken.error
    assert result.exit_status("contradicted") == 2


def test_malformed_fact_sheet_named_in_front_matter(newsroom):
    (newsroom / "claims" / "bad.yaml").write_text("facts:\n  - kind: weather\n    text: sunny\n")
    draft(newsroom / "a.md", CLEAN, facts="claims/bad.yaml")
    (error,) = run(["a.md"]).outcomes
    assert isinstance(error, DraftError)
    assert error.error.startswith("facts claims/bad.yaml: line 2: field 'facts[0].kind'")


def test_missing_named_draft(newsroom):
    (error,) = run(["nope.md"]).outcomes
    assert error == DraftError(path="nope.md", error="no such file")


def test_unreadable_draft(newsroom, monkeypatch):
    """A file the user may not read (simulated: the suite may run as root, who reads anything)."""
    secret = draft(newsroom / "secret.md", CLEAN, facts="claims/japan.yaml").resolve()
    draft(newsroom / "open.md", CLEAN, facts="claims/japan.yaml")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    error, report = run(["secret.md", "open.md"]).outcomes
    assert error == DraftError(path="secret.md", error="permission denied")
    assert isinstance(report, Report)


# --- exit status ---------------------------------------------------------------------------


def test_exit_status_levels(newsroom):
    draft(newsroom / "clean.md", CLEAN, facts="claims/japan.yaml")
    draft(newsroom / "unsure.md", "Germany pledged $8 billion.\n", facts="claims/japan.yaml")
    draft(newsroom / "wrong.md", WRONG, facts="claims/japan.yaml")
    assert run(["clean.md"]).exit_status("contradicted") == 0
    assert run(["clean.md"]).exit_status("not_found") == 0
    assert run(["unsure.md"]).exit_status("contradicted") == 0
    assert run(["unsure.md"]).exit_status("not_found") == 1
    assert run(["wrong.md", "clean.md"]).exit_status("contradicted") == 1
    assert run(["wrong.md", "missing.md"]).exit_status("contradicted") == 2


def test_options_fall_back_to_the_configuration(newsroom):
    (newsroom / "factcheck.toml").write_text(
        'fail-on = "not_found"\ndefault-currency = "EUR"\nkinds = ["amount"]\ntolerance = 0.2\n')
    options = RunOptions(config=load_config())
    assert (options.failure_level, options.currency, options.claim_kinds) == ("not_found", "EUR", ["amount"])
    options = RunOptions(config=load_config(), fail_on="contradicted", default_currency="JPY", kinds=["date"])
    assert (options.failure_level, options.currency, options.claim_kinds) == ("contradicted", "JPY", ["date"])


def test_configured_tolerance_reaches_the_judges(newsroom):
    draft(newsroom / "a.md", "Japan's aid to Ukraine to date comes to about $13 billion.\n", facts="claims/japan.yaml")
    (report,) = run(["a.md"], kinds=["amount"]).outcomes   # $12.1 billion is 7% off: outside 5%
    assert isinstance(report, Report) and report.claims[0].verdict.value != "supported"
    (newsroom / "factcheck.toml").write_text("tolerance = 0.1\n")
    (report,) = run(["a.md"], kinds=["amount"]).outcomes
    assert isinstance(report, Report) and report.claims[0].verdict.value == "supported"


def test_kept_texts_for_formats_that_show_drafts(newsroom):
    draft(newsroom / "a.md", CLEAN, facts="claims/japan.yaml")
    config = load_config()
    result = check_drafts(find_drafts(["a.md"], config), RunOptions(config=config, keep_texts=True))
    assert result.texts["a.md"].endswith(CLEAN)
    assert check_drafts(find_drafts(["a.md"], config), RunOptions(config=config)).texts == {}
