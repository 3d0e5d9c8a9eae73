"""Configuration: `[tool.factcheck]` in pyproject.toml, or the top level of a factcheck.toml.

Found by walking up from the working directory (in each folder factcheck.toml
first, then a pyproject.toml that has a `[tool.factcheck]` table); `--config`
names one instead. Keys are kebab-case, as in other Python tools' tables:

    [tool.factcheck]
    fail-on = "contradicted"          # or "not_found": also fail on claims the source does not settle
    default-currency = "USD"          # what a bare "$" means
    tolerance = 0.05                  # relative tolerance of "about" and of currency conversion
    kinds = ["amount", "term", "date", "count", "signatory", "location"]
    drafts = ["drafts/**/*.md"]       # what `factcheck check` with no paths checks
    exclude = ["drafts/archive/**"]   # never checked when found through a folder or a glob

    [[tool.factcheck.sources]]        # drafts whose front matter names no source
    drafts = "drafts/japan/*.md"      # a glob, or a list of them
    facts = "claims/japan-ukraine-2024.yaml"   # or: source = "articles/japan-ukraine.txt"
    published = 2024-06-13

Paths and globs are relative to the folder of the configuration file. A file
that is not valid TOML, an unknown key or a bad value is an input error naming
the file and the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import InputError
from .models import Kind

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_TOLERANCE = 0.05


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Table(BaseModel):
    # built when a configuration file is first validated: most runs have none
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, alias_generator=_kebab, defer_build=True)


class SourceRule(_Table):
    """Drafts matching `drafts` are checked against `facts` (a fact sheet) or `source` (an article)."""

    drafts: list[str] = Field(min_length=1)
    source: str | None = None
    facts: str | None = None
    # a TOML date (2024-06-13), or the same as a string
    published: dt.date | None = Field(default=None, strict=False)

    @field_validator("drafts", mode="before")
    @classmethod
    def _one_glob_or_many(cls, value: Any) -> Any:
        return _as_list(value)

    @model_validator(mode="after")
    def _names_a_source(self) -> "SourceRule":
        if self.source is None and self.facts is None:
            raise ValueError("needs 'source' (an article) or 'facts' (a fact sheet)")
        return self


class Settings(_Table):
    fail_on: Literal["contradicted", "not_found"] = "contradicted"
    default_currency: str = "USD"
    tolerance: float = Field(default=DEFAULT_TOLERANCE, ge=0.0, le=0.5)
    kinds: list[Kind] | None = None
    drafts: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    sources: list[SourceRule] = Field(default_factory=list)

    @field_validator("drafts", "exclude", mode="before")
    @classmethod
    def _one_glob_or_many(cls, value: Any) -> Any:
        return _as_list(value)

    @property
    def draft_globs(self) -> list[str]:
        """Every glob that makes a file a draft: `drafts`, and the globs of the `[[sources]]` rules."""
        return [*self.drafts, *(pattern for rule in self.sources for pattern in rule.drafts)]

    @field_validator("default_currency")
    @classmethod
    def _iso_4217(cls, code: str) -> str:
        import pycountry

        if pycountry.currencies.get(alpha_3=code.upper()) is None:
            raise ValueError(f"{code!r} is not an ISO 4217 currency code")
        return code.upper()


@dataclass(frozen=True)
class Config:
    """The settings in force and where they came from; `base` anchors their relative paths."""

    settings: Settings = field(default_factory=Settings.model_construct)   # the defaults need no validation
    path: Path | None = None
    base: Path = field(default_factory=Path.cwd)

    @property
    def name(self) -> str | None:
        """The file as errors name it: relative to the working directory when it is below it."""
        return _shown(self.path, Path.cwd()) if self.path is not None else None


def find_config(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, from `start` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and _has_factcheck_table(candidate):
            return candidate
    return None


def _has_factcheck_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # a cheap look before parsing: most pyproject.toml files on the way up are not ours
    return "tool.factcheck" in text


def load_config(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """The configuration at `path`, or the one found from `start` (the working directory); defaults if none."""
    start = (start or Path.cwd()).resolve()
    if path is None:
        found = find_config(start)
        if found is None:
            return Config(base=start)
        path = found
    path = Path(path)
    name = _shown(path, start)
    data = _read_toml(path, name)
    prefix = ""
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("factcheck") if isinstance(data.get("tool"), dict) else None
        if table is None:
            raise InputError(name, "has no [tool.factcheck] table")
        data, prefix = table, "tool.factcheck."
    try:
        settings = Settings.model_validate(data)
    except ValidationError as error:
        raise InputError(name, _describe(error, prefix)) from None
    return Config(settings=settings, path=path, base=path.resolve().parent)


def _shown(path: Path, start: Path) -> str:
    """The path as a person at `start` would write it."""
    try:
        return str(path.resolve().relative_to(start))
    except ValueError:
        return str(path)


def _read_toml(path: Path, name: str) -> dict[str, Any]:
    import tomllib

    from .facts import read_text

    try:
        text = read_text(str(path))
    except InputError as error:
        raise InputError(name, error.problem) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(name, f"not valid TOML: {error}") from None


def _describe(error: ValidationError, prefix: str) -> str:
    """One line for the first problem: the key in the file's own spelling and what is wrong with it."""
    first = error.errors()[0]
    location = [part for part in first["loc"] if not (isinstance(part, str) and part[:1].isupper())]
    key = prefix + ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in location).replace(".[", "[")
    if first["type"] == "extra_forbidden":
        import difflib

        known = _known_keys(location[:-1])
        close = difflib.get_close_matches(_kebab(str(location[-1])), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
        return f"unknown key '{key}'{hint}"
    if not location:
        return first["msg"]
    message = first["msg"].removeprefix("Value error, ")
    return f"key '{key}': {message}"


def _known_keys(parent: list[Any]) -> list[str]:
    model: type[BaseModel] = SourceRule if "sources" in parent else Settings
    return [_kebab(name) for name in model.model_fields]
