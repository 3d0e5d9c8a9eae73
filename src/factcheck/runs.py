"""A run over many drafts: finding the drafts, finding each one's source, checking them all.

Drafts come from the command line (files, folders, globs) or from the
configuration's `drafts` globs. Each draft finds its source, first match wins:

1. `--source ARTICLE` / `--facts SHEET` on the command line, for every draft;
2. its front matter: `source: article.txt` or `facts: sheet.yaml`, relative to the draft
   (with both, the fact sheet is used: it is the article's facts as an editor checked them);
3. the first `[[sources]]` rule of the configuration whose glob matches it.

`published:` comes the same way (the command line's `--published` first). A
broken draft does not stop the run: its problem becomes a `DraftError` naming it,
and the other drafts are still checked and reported.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .config import Config, SourceRule
from .errors import InputError
from .facts import extract_facts, load_facts, read_text
from .models import DraftError, FactSheet, Report, failing_verdicts
from .pipeline import check
from .text import front_matter, mask_markdown

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
MARKDOWN_SUFFIXES = (".md", ".markdown")
STDIN = "<stdin>"
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_SUFFIX_NAMES = ".md, .markdown or .txt"
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class DraftFile:
    path: str                # as reports show it: as given, or relative to the working directory
    location: Path | None    # absolute; None for standard input
    explicit: bool = True    # named one by one, not found in a folder or through a glob


@dataclass(frozen=True)
class SourceRef:
    kind: Literal["facts", "source"]
    location: Path
    shown: str
    published: dt.date | None = None


@dataclass(frozen=True)
class RunOptions:
    """What the command line says; what it leaves out comes from the configuration."""

    config: Config = field(default_factory=Config)
    source: str | None = None
    facts: str | None = None
    published: dt.date | None = None
    default_currency: str | None = None
    kinds: Sequence[str] | None = None
    fail_on: str | None = None
    keep_texts: bool = False  # keep each draft's text for formats that show it (html)
    # skip named files that are not drafts (no source in their front matter, matched by no glob of the
    # configuration): for hooks that pass every changed markdown file, README.md included
    skip_non_drafts: bool = False

    @property
    def currency(self) -> str:
        return self.default_currency or self.config.settings.default_currency

    @property
    def failure_level(self) -> str:
        return self.fail_on or self.config.settings.fail_on

    @property
    def claim_kinds(self) -> Sequence[str] | None:
        return self.kinds if self.kinds is not None else self.config.settings.kinds


@dataclass
class RunResult:
    """Each draft's report, or its error, in the order the drafts were found."""

    outcomes: list[Report | DraftError]
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[DraftError]:
        return [outcome for outcome in self.outcomes if isinstance(outcome, DraftError)]

    @property
    def reports(self) -> list[Report]:
        return [outcome for outcome in self.outcomes if isinstance(outcome, Report)]

    def exit_status(self, fail_on: str) -> int:
        """2 when any draft could not be checked (it wins over findings), 1 for findings, 0 otherwise."""
        if self.errors:
            return EXIT_ERROR
        failing = failing_verdicts(fail_on)
        found = any(claim.verdict in failing for report in self.reports for claim in report.claims)
        return EXIT_FINDINGS if found else EXIT_CLEAN


# --- finding drafts ---------------------------------------------------------------


def find_drafts(arguments: Sequence[str], config: Config) -> list[DraftFile | DraftError]:
    """The drafts that `arguments` name (files, folders, globs; '-' for standard input), in order, or,
    with none, those the configuration's `drafts` globs match. A folder or glob that holds no draft
    is an error in the list; no draft at all is an error of the run."""
    if not arguments:
        if not config.settings.drafts:
            raise InputError(None, "no drafts: name files, folders or globs, or set 'drafts' in the configuration")
        globs = config.settings.drafts
        found = _unique(draft for pattern in globs for draft in _glob(pattern, config, root=config.base))
        if not found:
            raise InputError(config.name, f"no file matches its 'drafts' globs ({', '.join(globs)})")
        return found
    drafts: list[DraftFile | DraftError] = []
    for argument in arguments:
        path = Path(argument)
        if argument == "-":
            drafts.append(DraftFile(STDIN, None))
        elif path.is_dir():
            walked = list(_walk(argument, config))
            empty = DraftError(path=argument, error=f"is a directory with no drafts in it ({_SUFFIX_NAMES} files)")
            drafts.extend(walked or [empty])
        elif not path.exists() and _GLOB_CHARS.search(argument):
            globbed = list(_glob(argument, config))
            drafts.extend(globbed or [DraftError(path=argument, error="no file matches this pattern")])
        else:
            drafts.append(DraftFile(argument, path.absolute()))
    return _unique(drafts)


def _unique(drafts: Iterable[DraftFile | DraftError]) -> list[DraftFile | DraftError]:
    """Each file once, where it first comes (a file named and also found in a folder is one draft)."""
    seen: set[Path] = set()
    unique: list[DraftFile | DraftError] = []
    for draft in drafts:
        key = draft.location.resolve() if isinstance(draft, DraftFile) and draft.location is not None else None
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        unique.append(draft)
    return unique


def _walk(folder: str, config: Config) -> Iterable[DraftFile]:
    """Draft files under `folder`, in a stable order; hidden folders and files are skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(DRAFT_SUFFIXES):
                continue
            shown = os.path.join(root, name)
            location = Path(shown).absolute()
            if not _excluded(location, config):
                yield DraftFile(shown, location, explicit=False)


def _glob(pattern: str, config: Config, root: Path | None = None) -> Iterable[DraftFile]:
    """Files matching `pattern` (`**` crosses folders), relative to `root` or the working directory."""
    for match in sorted(glob.glob(pattern, root_dir=root, recursive=True)):
        location = (root / match if root is not None else Path(match)).absolute()
        if location.is_file() and not _excluded(location, config):
            yield DraftFile(_shown(location) if root is not None else match, location, explicit=False)


def _excluded(location: Path, config: Config) -> bool:
    relative = _relative(location, config.base)
    return relative is not None and any(glob_matches(pattern, relative) for pattern in config.settings.exclude)


def _relative(location: Path, base: Path) -> str | None:
    try:
        return location.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def _shown(location: Path) -> str:
    """A path as reports show it: relative to the working directory when it is below it."""
    try:
        return str(location.relative_to(Path.cwd()))
    except ValueError:
        return str(location)


# A glob segment as tokens: a literal character, _ANY_RUN (`*`, any run within a folder name),
# _ANY_ONE (`?`, one character) or a character class (members, negated).
_Token = str | tuple[frozenset[str], bool]
_ANY_RUN, _ANY_ONE = "<*>", "<?>"   # longer than one character: never equal to a literal


@cache
def _glob_segments(pattern: str) -> tuple[tuple[_Token, ...] | None, ...]:
    """The pattern's '/'-separated segments as tokens; None for a `**` segment (any number of folders)."""
    segments: list[tuple[_Token, ...] | None] = []
    for segment in pattern.removeprefix("./").split("/"):
        if segment == "**":
            if not segments or segments[-1] is not None:   # `**/**` is one `**`
                segments.append(None)
            continue
        tokens: list[_Token] = []
        index = 0
        while index < len(segment):
            char = segment[index]
            close = segment.find("]", index + 2) if char == "[" else -1
            if close > 0:
                members = segment[index + 1 : close]
                negate = members[:1] == "!"
                tokens.append((frozenset(members[1:] if negate else members), negate))
                index = close + 1
                continue
            if char == "*" and tokens and tokens[-1] == _ANY_RUN:
                index += 1
                continue
            tokens.append(_ANY_RUN if char == "*" else _ANY_ONE if char == "?" else char)
            index += 1
        segments.append(tuple(tokens))
    return tuple(segments)


def _token_matches(token: _Token, char: str) -> bool:
    if isinstance(token, tuple):
        members, negate = token
        return (char in members) != negate
    return token == _ANY_ONE or token == char


def _segment_matches(tokens: tuple[_Token, ...], name: str) -> bool:
    """Wildcard matching in O(len(tokens) * len(name)): on a mismatch, only the last `*` takes one more character."""
    t = n = 0
    star_t, star_n = -1, 0
    while n < len(name):
        if t < len(tokens) and tokens[t] == _ANY_RUN:
            star_t, star_n = t, n
            t += 1
        elif t < len(tokens) and _token_matches(tokens[t], name[n]):
            t += 1
            n += 1
        elif star_t >= 0:
            t, star_n = star_t + 1, star_n + 1
            n = star_n
        else:
            return False
    return all(token == _ANY_RUN for token in tokens[t:])


def glob_matches(pattern: str, relative_path: str) -> bool:
    """Whether a '/'-separated path relative to the configuration's folder matches a glob of it:
    `*` and `?` stay within a folder name, `**` stands for any number of folders, `[...]` is a
    character class. Runs as a set of pattern positions over the path's names, so it takes at most
    (pattern segments x path names) segment matches, whatever the input."""
    segments = _glob_segments(pattern)

    def closure(positions: set[int]) -> set[int]:
        # a `**` may stand for no folder at all
        for position in sorted(positions):
            while position < len(segments) and segments[position] is None:
                position += 1
                positions.add(position)
        return positions

    positions = closure({0})
    for name in relative_path.split("/"):
        following: set[int] = set()
        for position in positions:
            if position == len(segments):
                continue
            segment = segments[position]
            if segment is None:
                following.add(position)          # `**` takes this folder and may take more
            elif _segment_matches(segment, name):
                following.add(position + 1)
        positions = closure(following)
        if not positions:
            return False
    return len(segments) in positions


# --- checking ---------------------------------------------------------------------


@dataclass
class _Draft:
    file: DraftFile
    text: str
    meta: dict[str, Any]


def check_drafts(
    drafts: Sequence[DraftFile | DraftError], options: RunOptions, sources: SourceCache | None = None
) -> RunResult:
    """Check every draft against its source; a draft that cannot be checked becomes a DraftError
    (errors already in `drafts`, from finding them, stay in their place). `sources` may be shared
    by several calls (the pytest plugin checks one draft per test) so each source is read once."""
    sources = sources or SourceCache(options.currency)
    command_line = _command_line_source(options)
    if command_line is not None:
        # a broken --source or --facts breaks every draft alike: one error for the run
        sources.load(command_line, options.published)
    readable = [draft if isinstance(draft, DraftError) else _read(draft) for draft in drafts]
    referenced = _referenced_sources(readable, options, command_line)
    result = RunResult(outcomes=[])
    for found, item in zip(drafts, readable):
        if options.skip_non_drafts and command_line is None and not _is_draft(found, item, options.config):
            continue
        if isinstance(item, DraftError):
            result.outcomes.append(item)
            continue
        location = item.file.location
        if not item.file.explicit and location is not None and location.resolve() in referenced:
            continue  # found in a folder or by a glob, but it is another draft's source article
        outcome = _check(item, options, sources, command_line)
        result.outcomes.append(outcome)
        if options.keep_texts and isinstance(outcome, Report):
            result.texts[item.file.path] = item.text
    return result


def _is_draft(found: DraftFile | DraftError, read: _Draft | DraftError, config: Config) -> bool:
    """Whether a file is a draft by its own say (a source in its front matter) or by the configuration's
    globs. A file that exists but cannot be read is a draft only by the configuration's say; standard
    input, a missing file and a folder or glob with no drafts are kept, to be reported."""
    if isinstance(read, _Draft) and ("facts" in read.meta or "source" in read.meta):
        return True
    if isinstance(found, DraftError) or found.location is None or not found.location.exists():
        return True
    relative = _relative(found.location, config.base)
    if relative is None:
        return False
    return any(glob_matches(pattern, relative) for pattern in config.settings.draft_globs)


def _read(draft: DraftFile) -> _Draft | DraftError:
    try:
        text = read_text("-" if draft.location is None else str(draft.location))
    except InputError as error:
        return DraftError(path=draft.path, error=error.problem)
    if not text.strip() or (text.startswith("---") and not mask_markdown(text).strip()):
        return DraftError(path=draft.path, error="empty draft")
    meta, problem = front_matter(text)
    if problem:
        return DraftError(path=draft.path, error=problem)
    return _Draft(draft, text, meta)


def _check(
    draft: _Draft, options: RunOptions, sources: SourceCache, command_line: SourceRef | None
) -> Report | DraftError:
    path = draft.file.path
    try:
        ref = command_line or _front_matter_source(draft) or _configured_source(draft.file, options.config)
        published = options.published or _front_matter_date(draft) or (ref.published if ref else None)
    except InputError as error:
        return DraftError(path=path, error=error.problem)
    if ref is None:
        return DraftError(
            path=path,
            error="no source: name one with 'source:' or 'facts:' in the front matter, "
            "a [[sources]] rule in the configuration, or --source/--facts",
        )
    try:
        sheet = sources.load(ref, published)
    except InputError as error:
        return DraftError(path=path, error=f"{ref.kind} {ref.shown}: {error.problem}")
    markdown = True if path.lower().endswith(MARKDOWN_SUFFIXES) else None
    return check(
        draft.text, sheet, published=published, default_currency=options.currency,
        kinds=options.claim_kinds, markdown=markdown, path=path,
        tolerance=options.config.settings.tolerance,
    )


def _command_line_source(options: RunOptions) -> SourceRef | None:
    if options.facts:
        return SourceRef("facts", Path(options.facts).absolute(), options.facts)
    if options.source:
        return SourceRef("source", Path(options.source).absolute(), options.source)
    return None


def _front_matter_source(draft: _Draft) -> SourceRef | None:
    kind: Literal["facts", "source"]
    for kind in ("facts", "source"):
        written = draft.meta.get(kind)
        if written is None:
            continue
        if not isinstance(written, str) or not written.strip():
            raise InputError(draft.file.path, f"front matter '{kind}': expected a path, got {written!r}")
        if draft.file.location is None:
            folder, shown_folder = Path.cwd(), ""
        else:
            folder, shown_folder = draft.file.location.parent, os.path.dirname(draft.file.path)
        location = (folder / written).absolute()
        shown = written if os.path.isabs(written) else os.path.normpath(os.path.join(shown_folder, written))
        return SourceRef(kind, location, shown)
    return None


def _front_matter_date(draft: _Draft) -> dt.date | None:
    value = draft.meta.get("published")
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problem = f"front matter 'published': not a date (YYYY-MM-DD): {value!r}"
        raise InputError(draft.file.path, problem) from None


def _configured_source(draft: DraftFile, config: Config) -> SourceRef | None:
    if draft.location is None:
        return None
    relative = _relative(draft.location, config.base)
    if relative is None:
        return None
    for rule in config.settings.sources:
        if any(glob_matches(pattern, relative) for pattern in rule.drafts):
            return _rule_sources(rule, config)[0]
    return None


def _rule_sources(rule: SourceRule, config: Config) -> list[SourceRef]:
    """The files a [[sources]] rule names, the one its drafts are checked against first."""
    refs = []
    if rule.facts:
        location = (config.base / rule.facts).absolute()
        refs.append(SourceRef("facts", location, _shown(location), rule.published))
    if rule.source:
        location = (config.base / rule.source).absolute()
        refs.append(SourceRef("source", location, _shown(location), rule.published))
    return refs


def _referenced_sources(
    readable: Sequence[_Draft | DraftError], options: RunOptions, command_line: SourceRef | None
) -> set[Path]:
    """Every file the run uses as a source or fact sheet: such a file found in a folder is not a draft."""
    refs: list[SourceRef] = [command_line] if command_line else []
    for rule in options.config.settings.sources:
        refs.extend(_rule_sources(rule, options.config))
    for item in readable:
        if isinstance(item, _Draft):
            try:
                ref = _front_matter_source(item)
            except InputError:
                continue  # reported when the draft itself is checked
            if ref is not None:
                refs.append(ref)
    return {ref.location.resolve() for ref in refs}


class SourceCache:
    """Source articles and fact sheets, each read (and its facts extracted) once per run."""

    def __init__(self, default_currency: str) -> None:
        self.default_currency = default_currency
        self._loaded: dict[tuple[str, Path, dt.date | None], FactSheet | InputError] = {}

    def load(self, ref: SourceRef, published: dt.date | None = None) -> FactSheet:
        # a fact sheet does not depend on the date; an article's extracted facts do
        key = (ref.kind, ref.location, None if ref.kind == "facts" else published)
        if key not in self._loaded:
            try:
                self._loaded[key] = self._read(ref, published)
            except InputError as error:
                self._loaded[key] = error
        loaded = self._loaded[key]
        if isinstance(loaded, InputError):
            raise InputError(ref.shown, loaded.problem)
        return loaded

    def _read(self, ref: SourceRef, published: dt.date | None) -> FactSheet:
        if ref.kind == "facts":
            return load_facts(ref.location)
        article = read_text(str(ref.location))
        return extract_facts(article, published=published, source=ref.shown,
                             default_currency=self.default_currency)
