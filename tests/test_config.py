"""Configuration: found by walking up, [tool.factcheck] or factcheck.toml, validated with errors naming the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.config import Config, find_config, load_config
from factcheck.errors import InputError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_there_is_no_configuration(tmp_path):
    write(tmp_path / "factcheck.toml", "")  # stops the walk here, whatever lies above tmp_path
    config = load_config(start=tmp_path)
    assert config.settings.fail_on == "contradicted"
    assert config.settings.default_currency == "USD"
    assert config.settings.tolerance == 0.05
    assert config.settings.kinds is None
    assert config.base == tmp_path.resolve()


def test_factcheck_toml_found_by_walking_up(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "not_found"\ndrafts = ["drafts/**/*.md"]\n')
    deep = tmp_path / "drafts" / "2024" / "june"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.path == tmp_path / "factcheck.toml"
    assert config.base == tmp_path.resolve()
    assert config.settings.fail_on == "not_found"
    assert config.settings.drafts == ["drafts/**/*.md"]


def test_pyproject_without_our_table_is_passed_over(tmp_path):
    write(tmp_path / "factcheck.toml", "tolerance = 0.1\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n')
    config = load_config(start=tmp_path / "sub")
    assert config.path == tmp_path / "factcheck.toml"
    assert config.settings.tolerance == 0.1


def test_pyproject_table(tmp_path):
    write(tmp_path / "pyproject.toml", """
[project]
name = "newsroom"

[tool.factcheck]
fail-on = "not_found"
default-currency = "eur"
tolerance = 0.02
kinds = ["amount", "date"]
drafts = "drafts/*.md"
exclude = ["drafts/old-*.md"]

[[tool.factcheck.sources]]
drafts = ["drafts/japan-*.md", "social/japan-*.txt"]
facts = "claims/japan.yaml"
published = 2024-06-13

[[tool.factcheck.sources]]
drafts = "drafts/*.md"
source = "articles/other.txt"
published = "2024-06-14"
""")
    settings = load_config(start=tmp_path).settings
    assert settings.fail_on == "not_found"
    assert settings.default_currency == "EUR"
    assert settings.tolerance == 0.02
    assert settings.kinds == ["amount", "date"]
    assert settings.drafts == ["drafts/*.md"]
    assert settings.exclude == ["drafts/old-*.md"]
    first, second = settings.sources
    assert first.drafts == ["drafts/japan-*.md", "social/japan-*.txt"]
    assert first.facts == "claims/japan.yaml" and first.source is None
    assert first.published == dt.date(2024, 6, 13)
    assert second.drafts == ["drafts/*.md"] and second.source == "articles/other.txt"
    assert second.published == dt.date(2024, 6, 14)


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail-on = "not_found"\n')
    write(tmp_path / "factcheck.toml", 'fail-on = "contradicted"\n')
    assert find_config(tmp_path) == tmp_path / "factcheck.toml"


def test_explicit_path_overrides_discovery(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "contradicted"\n')
    other = write(tmp_path / "ci" / "strict.toml", 'fail-on = "not_found"\n')
    config = load_config(other, start=tmp_path)
    assert config.settings.fail_on == "not_found"
    assert config.base == other.parent.resolve()


def test_explicit_pyproject_without_table_is_an_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(InputError, match=r"pyproject.toml: has no \[tool.factcheck\] table"):
        load_config(path, start=tmp_path)


def test_explicit_missing_file(tmp_path):
    with pytest.raises(InputError, match="nope.toml: no such file"):
        load_config(tmp_path / "nope.toml", start=tmp_path)


@pytest.mark.parametrize(
    ("body", "fragments"),
    [
        ('fail_on = "not_found"', ["unknown key 'tool.factcheck.fail_on'", "did you mean 'fail-on'"]),
        ("colour = 1", ["unknown key 'tool.factcheck.colour'", "known: fail-on"]),
        ('fail-on = "everything"', ["key 'tool.factcheck.fail-on'", "'contradicted' or 'not_found'"]),
        ("tolerance = 2", ["key 'tool.factcheck.tolerance'", "less than or equal to 0.5"]),
        ("tolerance = -0.1", ["key 'tool.factcheck.tolerance'", "greater than or equal to 0"]),
        ('tolerance = "5%"', ["key 'tool.factcheck.tolerance'", "valid number"]),
        ('kinds = ["amount", "weather"]', ["key 'tool.factcheck.kinds[1]'", "'amount'"]),
        ('kinds = "amount"', ["key 'tool.factcheck.kinds'", "valid list"]),
        ('default-currency = "DOLLARS"', ["key 'tool.factcheck.default-currency'", "not an ISO 4217"]),
        ("drafts = 3", ["key 'tool.factcheck.drafts'", "valid list"]),
        ('[[tool.factcheck.sources]]\ndrafts = "a/*.md"', ["key 'tool.factcheck.sources[0]'", "needs 'source'"]),
        ('[[tool.factcheck.sources]]\nfacts = "x.yaml"', ["key 'tool.factcheck.sources[0].drafts'", "Field required"]),
        ('[[tool.factcheck.sources]]\ndrafts = []\nfacts = "x.yaml"', ["sources[0].drafts", "at least 1"]),
        ('[[tool.factcheck.sources]]\ndrafts = "a/*.md"\nfacts = "x.yaml"\npublished = "June"',
         ["key 'tool.factcheck.sources[0].published'", "date"]),
        ('[[tool.factcheck.sources]]\ndrafts = "a/*.md"\nfacts = "x.yaml"\nsheet = "y"',
         ["unknown key 'tool.factcheck.sources[0].sheet'"]),
        ("drafts = [", ["not valid TOML"]),
        ("fail-on = contradicted\ntolerance = 0.1", ["not valid TOML", "line 2"]),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path, body, fragments):
    write(tmp_path / "pyproject.toml", f"[tool.factcheck]\n{body}\n")
    with pytest.raises(InputError) as raised:
        load_config(start=tmp_path)
    message = str(raised.value)
    assert message.startswith("pyproject.toml: "), message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_factcheck_toml_keys_have_no_prefix(tmp_path):
    write(tmp_path / "factcheck.toml", "colour = 1\n")
    with pytest.raises(InputError, match=r"factcheck.toml: unknown key 'colour'"):
        load_config(start=tmp_path)


def test_toml_that_is_not_utf8(tmp_path):
    (tmp_path / "factcheck.toml").write_bytes(b"fail-on = \"contradicted\" # caf\xe9\n")
    with pytest.raises(InputError, match="factcheck.toml: not UTF-8"):
        load_config(start=tmp_path)


def test_config_dataclass_default_base_is_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Config().base == tmp_path
