"""Text in, with offsets that never move.

A `Document` keeps the text exactly as given and a normalised copy of the same
length: every change is one character for one character (no-break spaces to
spaces, curly quotes to straight ones, dashes to hyphens, full-width forms to
ASCII, markdown markup to spaces). Extractors search the normalised copy and
their offsets index the original text unchanged.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Claim, Sentence


def _translation_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
        table[code] = " "
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):   # zero-width characters
        table[code] = " "
    for char in "\u2018\u2019\u201a\u201b\u2032\u00b4":
        table[ord(char)] = "'"
    for char in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb":
        table[ord(char)] = '"'
    for char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63":
        table[ord(char)] = "-"
    for code in range(0xFF01, 0xFF5F):                     # full-width ASCII forms
        table[code] = chr(code - 0xFEE0)
    table[0x2044] = "/"                                     # fraction slash
    table[0x00AD] = " "                                     # soft hyphen
    return table


_TABLE = _translation_table()


def _character_class(codes: Iterable[int]) -> str:
    """A regular-expression class of the characters `codes`, each run of consecutive ones a range."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(re.escape(chr(first)) + (f"-{re.escape(chr(last))}" if last > first else "")
                         for first, last in runs) + "]"


# the characters that normalisation changes, found at the engine's speed: most texts have few or none,
# and str.translate would look each character of a non-Latin-1 text up in the table
_CHANGED = re.compile(_character_class(_TABLE))


def alternation(phrases: Iterable[str]) -> str:
    """A regular-expression source (no groups) matching any of `phrases`, the longest first, with any run
    of blanks between words: what `"|".join` of them sorted longest first matches, factored into a tree
    of shared prefixes, so that the engine gives up on a position after a character or two instead of
    trying every phrase in turn. Where the pattern ignores case, write the phrases in lower case: two
    spellings of one prefix would be two branches."""
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}                    # a phrase ends here

    def source(node: dict[str, dict]) -> str:
        # a longer phrase is tried before one that is its prefix, as the longest-first order does
        branches = [(r"[ \t]+" if char == " " else re.escape(char)) + source(child)
                    for char, child in node.items() if char]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return source(tree)


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` finds, trying `pattern` only at `starts` (ascending): the same
    matches, where the pattern can start nowhere else and matches no empty string, without the engine
    entering the pattern at every character of the text."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


def normalise(text: str) -> str:
    """The one-for-one normalised form of `text` (same length, same offsets)."""
    return _CHANGED.sub(lambda match: _TABLE[ord(match.group())], text)


# --- markdown -------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t]|$)", re.M)
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M)
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>", re.M)
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK_TAIL = re.compile(r"\]\([^()\s]{0,2000}\)")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~|!?\[")


def _blank(match: re.Match[str]) -> str:
    # keep line breaks so that line numbers stay true
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_markdown(text: str) -> str:
    """Replace markdown markup with spaces, keeping every offset and line."""
    text = _FRONT_MATTER.sub(_blank, text, count=1)
    for pattern in (_HTML_COMMENT, _RULE, _HEADING, _LIST_MARK, _QUOTE_MARK, _LINK_TAIL, _EMPHASIS):
        text = pattern.sub(_blank, text)
    return text


def front_matter(text: str) -> tuple[dict[str, Any], str | None]:
    """The YAML front matter of a markdown draft, and an error message if it is malformed."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, None
    import yaml  # only drafts with front matter pay for it

    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return {}, f"malformed front matter{where}: {getattr(error, 'problem', None) or error}"
    if not isinstance(data, dict):
        return {}, "malformed front matter: expected key: value pairs"
    return data, None


# a pair of single-star or underscore emphasis marks on one line: "*Ireland and Austria*", "_about_"
_SINGLE_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])[^*\n]{1,200}(?<=[^\s*])\*(?![\w*])"
    r"|(?<!\w)_(?=[^\s_])[^_\n]{1,200}(?<=[^\s_])_(?!\w)"
)


def looks_like_markdown(text: str) -> bool:
    return bool(
        _FRONT_MATTER.match(text) or _HEADING.search(text) or "**" in text
        or (("*" in text or "_" in text) and _SINGLE_EMPHASIS.search(text))
    )


# --- sentences -------------------------------------------------------------------

# words that end with a full stop without ending the sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm jr sr inc ltd co corp "
    "vs etc approx no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u a.m p.m i.e e.g".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+] |\d{1,9}[.)] ))")
_WORD_BEFORE = re.compile(r"([\w.]{1,12})[.!?]*[\"')\]]*\Z")
_NEXT_START = re.compile(r"\s*([\"'(\[]?)(\S?)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over `text`, leading and trailing blanks trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[match.start()] == ".":
            before = _WORD_BEFORE.search(text, max(start, match.start() - 14), match.start() + 1)
            word = before.group(1).lower().rstrip(".") if before else ""
            following = _NEXT_START.match(text, end)
            next_char = following.group(2) if following else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                if not next_char or not next_char.isupper() or word in {"mr", "mrs", "ms", "dr", "st", "prof"}:
                    continue
            if next_char and next_char.islower():
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    trimmed = []
    for lo, hi in spans:
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            trimmed.append((lo, hi))
    return trimmed


# --- the document ----------------------------------------------------------------


def _covered(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(starts, end) - 1
    return index >= 0 and ends[index] > start


class TakenSpans:
    """Sorted, non-overlapping spans (of the claims found), asked whether they cover a range in log time.

    A new span goes into a short sorted list, merged into the long one every `MERGE_EVERY` spans:
    inserting each span into one long list moves half of it each time, which over the 260,000
    claims of a 10 MB draft took 13 seconds of the extraction's 70."""

    MERGE_EVERY = 4096

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._new_starts: list[int] = []
        self._new_ends: list[int] = []

    def covers(self, start: int, end: int) -> bool:
        """Whether any span covers part of [start, end)."""
        return _covered(self._starts, self._ends, start, end) or _covered(self._new_starts, self._new_ends, start, end)

    def add(self, start: int, end: int) -> None:
        """Keep [start, end), which no span covers."""
        index = bisect.bisect_left(self._new_starts, start)
        self._new_starts.insert(index, start)
        self._new_ends.insert(index, end)
        if len(self._new_starts) >= self.MERGE_EVERY:
            # spans never overlap, so sorting their starts and their ends apart keeps each pair together
            self._starts = sorted(self._starts + self._new_starts)
            self._ends = sorted(self._ends + self._new_ends)
            self._new_starts, self._new_ends = [], []


# kinds whose claims may hold claims of other kinds, and so are kept out of the taken spans
HOLDING_KINDS = frozenset({"quote"})


@dataclass
class Document:
    """One text and everything the pipeline learns about it, by character offsets."""

    text: str
    markdown: bool | None = None
    norm: str = field(init=False)
    claims: list["Claim"] = field(default_factory=list, init=False)
    _taken: TakenSpans = field(default_factory=TakenSpans, init=False, repr=False)
    _sentence_records: dict[tuple[int, int], "Sentence"] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        norm = normalise(self.text)
        if self.markdown is None:
            self.markdown = looks_like_markdown(norm)
        self.norm = mask_markdown(norm) if self.markdown else norm

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.norm)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset` (the whole text when there is none)."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0:
            start, end = self.sentences[index]
            if offset < end or index == len(self.sentences) - 1:
                return start, end
        return (0, len(self.text))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset`."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def sentence_record(self, offset: int) -> "Sentence":
        """The sentence holding `offset` as a model, made once per sentence and shared by its claims
        (a long sentence with thousands of numbers is not copied for each of them)."""
        from .models import Sentence, Span

        bounds = self.sentence_at(offset)
        record = self._sentence_records.get(bounds)
        if record is None:
            start, end = bounds
            record = Sentence(text=self.text[start:end], span=Span(start=start, end=end))
            self._sentence_records[bounds] = record
        return record

    def is_taken(self, start: int, end: int) -> bool:
        """Whether a claim already found covers any of [start, end)."""
        return self._taken.covers(start, end)

    def add_claim(self, claim: "Claim") -> bool:
        """Record `claim` unless an earlier claim covers part of it; claims never overlap, except that
        a quote may hold other claims (the amount in a quoted sentence): quotes take no span."""
        start, end = claim.span.start, claim.span.end
        if claim.kind in HOLDING_KINDS:
            self.claims.append(claim)
            return True
        if self.is_taken(start, end):
            return False
        self._taken.add(start, end)
        self.claims.append(claim)
        return True
