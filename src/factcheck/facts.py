"""Facts from the source: the article through the same extractors, saved as a YAML fact sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .errors import InputError
from .extractors import run_extractors
from .extractors.base import Options
from .models import FactSheet
from .text import Document


def extract_facts(
    article: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    default_currency: str = "USD",
) -> FactSheet:
    """The canonical facts of `article`: every claim the extractors find, with its sentence.

    Without `published`, the article's own dateline (`KYIV, June 13, 2024 -`, `Published: 13 June
    2024`) gives the publication date, when it has a year."""
    from .dates import anchor_year
    from .extractors.date import dateline

    doc = Document(article)
    if published is None and (own := dateline(doc)) is not None:
        published = own.date
    facts = run_extractors(doc, Options(default_currency=default_currency, published=published))
    return FactSheet(source=source, published=published, anchor_year=anchor_year(facts), facts=facts)


def dump_facts(sheet: FactSheet) -> str:
    """The fact sheet as YAML, one fact a block, in the order of the article."""
    import yaml

    data = sheet.model_dump(mode="json", exclude_none=True)
    for fact in data["facts"]:
        if not fact.get("roles"):
            fact.pop("roles", None)   # a fact of no roles (a date, a place) says nothing of them
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def load_facts(path: str | Path) -> FactSheet:
    """Read a fact sheet written by `factcheck extract` (or by hand); errors name the file, line and field."""
    import yaml
    from pydantic import ValidationError

    from .roles import with_roles

    name = str(path)
    text = read_text(name)
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise InputError(name, f"{where}not valid YAML: {getattr(error, 'problem', None) or error}") from None
    if not isinstance(data, dict):
        raise InputError(name, "not a fact sheet: expected a mapping with a 'facts' list")
    try:
        sheet = FactSheet.model_validate(data)
    except ValidationError as error:
        first = _most_telling(error.errors(), data)
        location = [part for part in first["loc"] if not _is_union_tag(part)]
        field = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in location).replace(".[", "[")
        line = _line_of(node, location)
        where = f"line {line}: " if line else ""
        raise InputError(name, f"{where}field '{field or 'facts'}': {first['msg']}") from None
    # a fact written by hand, or before roles were read, gets the roles its sentence gives it
    return sheet.model_copy(update={"facts": [with_roles(fact, sheet.facts) for fact in sheet.facts]})


def _most_telling(errors: list[Any], data: dict[str, Any]) -> Any:
    """The error to show: for a fact's value, the one about the value model its kind names
    (pydantic reports a failed value against every model of the union)."""
    from .models import VALUE_MODELS

    def fits_kind(error: Any) -> bool:
        loc = error["loc"]
        if len(loc) < 4 or loc[0] != "facts" or loc[2] != "value":
            return True
        facts = data.get("facts")
        fact = facts[loc[1]] if isinstance(facts, list) and loc[1] < len(facts) else None
        model = VALUE_MODELS.get(fact.get("kind")) if isinstance(fact, dict) else None
        return model is None or loc[3] == model.__name__

    return next((error for error in errors if fits_kind(error)), errors[0])


def _is_union_tag(part: Any) -> bool:
    # pydantic names the union member it tried ("AmountValue"); users know only the field names
    return isinstance(part, str) and part[:1].isupper()


def _line_of(node: Any, location: list[Any]) -> int | None:
    """1-based line of the YAML node at `location` (the deepest part that exists)."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == part), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def read_text(path: str) -> str:
    """A text file's contents; '-' is standard input. Bad input becomes an InputError naming the file."""
    import sys

    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            path = "<stdin>"
        else:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {error.start})") from None
