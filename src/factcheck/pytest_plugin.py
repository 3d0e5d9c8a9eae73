"""Drafts as pytest tests: the part of the plugin that runs once `--factcheck` is given.

Which files are drafts: those the configuration's `drafts` globs match, and those
a `[[sources]]` rule's globs match (less its `exclude` globs). pytest only visits
the folders it collects from, so pass the drafts' folder (`pytest --factcheck
drafts/`) or add it to `testpaths`. Each draft is one test: it fails when a claim
is at or above the failure level, with an account of each such claim, or when the
draft cannot be checked (no source, unreadable, empty...).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .config import Config, load_config
from .errors import InputError
from .models import DraftError, Report, failing_verdicts
from .runs import DraftFile, RunOptions, SourceCache, check_drafts, glob_matches


class DraftCheckFailed(Exception):
    """A draft's test failed; the message is the whole account."""


class DraftCollector:
    """Registered when `--factcheck` is given: turns draft files into test items."""

    def __init__(self, config: Config, fail_on: str | None, start: Path | None = None) -> None:
        self.config = config
        self.start = start or Path.cwd()
        self.options = RunOptions(config=config, fail_on=fail_on)
        self.sources = SourceCache(self.options.currency)
        self.globs = config.settings.draft_globs

    @classmethod
    def from_config(cls, pytest_config: pytest.Config) -> "DraftCollector":
        start = Path(str(pytest_config.invocation_params.dir))
        try:
            config = load_config(pytest_config.getoption("factcheck_config"), start=start)
        except InputError as error:
            raise pytest.UsageError(f"factcheck: {error}") from None
        return cls(config, pytest_config.getoption("factcheck_fail_on"), start)

    def is_draft(self, path: Path) -> bool:
        try:
            relative = path.resolve().relative_to(self.config.base.resolve()).as_posix()
        except ValueError:
            return False
        if any(glob_matches(pattern, relative) for pattern in self.config.settings.exclude):
            return False
        return any(glob_matches(pattern, relative) for pattern in self.globs)

    def pytest_report_header(self) -> str:
        where: object = "no configuration found"
        if self.config.path is not None:
            where = os.path.relpath(self.config.path, self.start)
        if not self.globs:
            return f"factcheck: {where}: no 'drafts' globs and no [[sources]] rules, so no draft is collected"
        return f"factcheck: {where}, drafts: {', '.join(self.globs)}, fail on: {self.options.failure_level}"

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
        if self.is_draft(file_path):
            return DraftTestFile.from_parent(parent, path=file_path)
        return None


class DraftTestFile(pytest.File):
    def collect(self) -> list[pytest.Item]:
        return [DraftTest.from_parent(self, name="factcheck")]


class DraftTest(pytest.Item):
    """One draft, checked against its source."""

    @property
    def collector(self) -> DraftCollector:
        plugin = self.config.pluginmanager.get_plugin("factcheck-drafts")
        assert isinstance(plugin, DraftCollector)
        return plugin

    def runtest(self) -> None:
        collector = self.collector
        try:
            path = str(self.path.relative_to(collector.start))
        except ValueError:
            path = str(self.path)
        result = check_drafts([DraftFile(path, self.path)], collector.options, collector.sources)
        outcome = result.outcomes[0]
        if isinstance(outcome, DraftError):
            raise DraftCheckFailed(f"{outcome.path}: {outcome.error}")
        for verdict, count in outcome.summary.model_dump().items():
            self.user_properties.append((verdict, count))
        account = _account(outcome, collector.options.failure_level)
        if account:
            raise DraftCheckFailed(account)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, DraftCheckFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"factcheck {self.path.name}"


def _account(report: Report, fail_on: str) -> str:
    """Each claim at or above the failure level: where, verdict, words, reason and source sentence."""
    failing = failing_verdicts(fail_on)
    lines = []
    for claim in report.claims:
        if claim.verdict not in failing:
            continue
        lines.append(f"{report.path}:{claim.line}:{claim.column}: {claim.verdict.value} {claim.kind} {claim.text!r}")
        lines.append(f"    {claim.reason}")
        if claim.evidence is not None:
            lines.append(f'    source: "{" ".join(claim.evidence.text.split())}"')
    if not lines:
        return ""
    summary = report.summary
    head = (f"{report.path}: {summary.contradicted} contradicted, {summary.not_found} not found, "
            f"{summary.supported} supported")
    return "\n".join([head, *lines])
