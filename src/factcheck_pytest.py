"""pytest plugin entry point: `pytest --factcheck` checks news drafts as tests, one test per draft.

Registered as a `pytest11` entry point, so pytest loads it in every run where
factcheck is installed: it only adds options, and imports factcheck when
`--factcheck` is given.
"""

from __future__ import annotations

from typing import Any


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("factcheck", "check news drafts against their sources (factcheck)")
    group.addoption("--factcheck", action="store_true", default=False,
                    help="collect the drafts of the factcheck configuration as tests, one per draft")
    group.addoption("--factcheck-config", metavar="FILE", default=None,
                    help="factcheck configuration (factcheck.toml or pyproject.toml); "
                         "by default the nearest one from the working directory up")
    group.addoption("--factcheck-fail-on", choices=("contradicted", "not_found"), default=None,
                    help="the verdict that fails a draft's test (default: the configuration's fail-on)")


def pytest_configure(config: Any) -> None:
    if not config.getoption("factcheck"):
        return
    from factcheck.pytest_plugin import DraftCollector

    config.pluginmanager.register(DraftCollector.from_config(config), "factcheck-drafts")
