"""Quotes against the source's words.

A quote is not aligned with one fact: its words are looked for in the whole source, in the
source's own quotes (its quote facts, with their speakers) and in its plain text (words it
states without quotation marks). Words compare as lower-case word tokens, so case,
whitespace and punctuation (at the ends and inside) do not count; `...`/`…` stands for any
words (up to `MAX_ELLIPSIS_WORDS`, in order), `[brackets]` for up to `MAX_BRACKET_WORDS`
words the writer replaced.

- Verbatim in a source quote: supported; contradicted when the draft and the source both
  name the speaker and they are different people (`the source gives these words to X, not to
  Y`), unless another source quote of the same words has the draft's speaker.
- Verbatim in the plain text: supported where the source attributes the words to the draft's
  speaker (or to anyone, when the draft names none); otherwise not_found, saying so.
- A scare quote (one or two words) is checked for presence anywhere, without a speaker.
- A close match with words changed, added or dropped without an ellipsis: contradicted, the
  reason showing the difference. Close (precision first): for a passage of five words or more,
  at least 60% of the words agree in a source quote (70% in the plain text), and two of the
  agreeing words are not stop words; for three or four words, all but one word agree; for one
  or two words (a scare quote), only against a source quote of up to four words whose sentence
  is about the same thing (its context words, align.context_of), sharing a word that is not a
  stop word. Anything less: not_found.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Claim, Evidence, FactSheet, QuoteValue, Sentence, Speaker, Span, Verdict
from .context import JudgeContext

MAX_ELLIPSIS_WORDS = 200
MAX_BRACKET_WORDS = 4
# a close match: the share of the passage's words that agree, in a source quote and in plain text
QUOTE_AGREEMENT = 0.6
PLAIN_AGREEMENT = 0.7
# a scare quote's sentence and the source quote's must agree this well (align's context words, 0-100)
SCARE_CONTEXT_AGREEMENT = 50.0
# verbatim matches weighed for one quote (a common phrase can occur many times), and places tried
MAX_MATCHES = 20
MAX_CANDIDATES = 500

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ELLIPSIS = re.compile(r"(?:\.[ \t]?){2}\.|\u2026")
_BRACKETS = re.compile(r"\[[^\[\]\n]{0,120}\]")
_WILDCARD = None
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being has have had will would "
    "shall should can could may might must that this these those it its their his her they he she we us our you "
    "your i me my which who what than then also not no so if very just all any some there here".split()
)


@dataclass(frozen=True)
class _Word:
    key: str
    start: int    # offsets of the word as written (in the source text, or in the quote's text)
    end: int


def _as_written(text: str, start: int, end: int) -> str:
    """text[start:end] widened to whole blank-separated chunks ("4.5" of "$4.5"), on one line, bare of
    the punctuation at its ends."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return " ".join(text[start:end].split()).strip(",;:.!?\"'()[]*_")


def _words(text: str, offset: int = 0) -> list[_Word]:
    return [_Word(m.group().lower(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class _Quoted:
    """A quote of the source: its words (token indices) and speaker."""

    first: int
    last: int     # exclusive
    fact: Claim

    @property
    def speaker(self) -> Speaker | None:
        assert isinstance(self.fact.value, QuoteValue)
        return self.fact.value.speaker


@dataclass
class QuoteSource:
    """The source's words, quotes and speakers, read once for all the quotes of a draft."""

    text: str
    quotes: list[Claim]                  # quote facts, their spans into `text`
    # where `text` joins the sentences of a fact sheet: each one's offset in `text` and the sentence
    pieces: list[tuple[int, Sentence]] | None = None
    words: list[_Word] = field(init=False)
    quoted: list[_Quoted] = field(init=False)
    judged: dict[str, tuple[Verdict, str, Evidence | None]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        from ..text import normalise

        self.words = _words(normalise(self.text))
        self.positions: dict[str, list[int]] = defaultdict(list)
        for index, word in enumerate(self.words):
            self.positions[word.key].append(index)
        starts = [word.start for word in self.words]
        self._starts = starts
        self.quoted = []
        for fact in self.quotes:
            first = bisect.bisect_left(starts, fact.span.start)
            last = bisect.bisect_left(starts, fact.span.end)
            if first < last:
                self.quoted.append(_Quoted(first, last, fact))
        self.keys = [word.key for word in self.words]
        # which of the source's quotes each word stands in (-1: none)
        self._quote_of = [-1] * len(self.words)
        for number, quoted in enumerate(self.quoted):
            self._quote_of[quoted.first : quoted.last] = [number] * (quoted.last - quoted.first)

    # --- where words stand ---

    def quote_at(self, first: int, last: int) -> _Quoted | None:
        """The source quote holding words first..last, if one does."""
        number = self._quote_of[first] if first < last <= len(self.words) else -1
        return self.quoted[number] if number >= 0 and self._quote_of[last - 1] == number else None

    def evidence(self, first: int) -> Evidence:
        offset = self.words[first].start if first < len(self.words) else 0
        if self.pieces is not None:
            index = bisect.bisect_right([start for start, _ in self.pieces], offset) - 1
            sentence = self.pieces[max(0, index)][1]
            return Evidence(text=sentence.text, span=sentence.span)
        start, end = self._document.sentence_at(offset)
        return Evidence(text=self.text[start:end], span=Span(start=start, end=end))

    def written(self, first: int, last: int) -> str:
        if first >= last:
            return ""
        return _as_written(self.text, self.words[first].start, self.words[last - 1].end)

    @cached_property
    def _document(self):
        from ..text import Document

        return Document(self.text)

    @cached_property
    def _attribution(self):
        from ..extractors.quote import Attribution, quote_spans

        return Attribution(self._document, quote_spans(self._document))

    def attributed(self, first: int, last: int) -> Speaker | None:
        """Who the source says said its plain words first..last."""
        return self._attribution.sentence_speaker(self.words[first].start, self.words[last - 1].end)

    @cached_property
    def coded(self) -> str:
        """The source's words as one character each, for rapidfuzz's alignment of word sequences."""
        return "".join(self.code(key) for key in self.keys)

    @cached_property
    def _codes(self) -> dict[str, str]:
        return {}

    def code(self, key: str) -> str:
        codes = self._codes
        found = codes.get(key)
        if found is None:
            found = codes[key] = chr(0x10000 + len(codes))
        return found

    # --- verbatim ---

    def _match(self, piece: list[str | None], at: int) -> int | None:
        """Where `piece` (words and bracket wildcards) matching from word `at` ends, or None. A bracket
        takes the fewest words (up to MAX_BRACKET_WORDS) after which the piece goes on."""
        keys = self.keys
        runs: list[list[str]] = [[]]
        for item in piece:
            if item is _WILDCARD:
                runs.append([])
            else:
                runs[-1].append(item)
        if keys[at : at + len(runs[0])] != runs[0]:
            return None
        position = at + len(runs[0])
        for run in runs[1:]:
            skip = next((skip for skip in range(MAX_BRACKET_WORDS + 1)
                         if keys[position + skip : position + skip + len(run)] == run), None)
            if skip is None:
                return None
            position += skip + len(run)
        return position

    def verbatim(self, segments: list[list[str | None]]) -> list[tuple[int, int]]:
        """(first, last) word ranges where the segments stand in order, at most MAX_ELLIPSIS_WORDS apart."""
        found: list[tuple[int, int]] = []
        for start in self._starts_of(segments[0]):
            end = self._match(segments[0], start)
            for segment in segments[1:]:
                if end is None:
                    break
                end = next((e for c in self._starts_of(segment, end) if c - end <= MAX_ELLIPSIS_WORDS
                            for e in [self._match(segment, c)] if e is not None), None)
            if end is not None:
                found.append((start, end))
                if len(found) >= MAX_MATCHES:
                    break
        return found

    def _starts_of(self, segment: list[str | None], after: int = 0) -> list[int]:
        """Where the segment may start (from word `after` on, the first MAX_CANDIDATES): the places of
        its first run's rarest word."""
        run: list[str] = []
        for item in segment:
            if item is _WILDCARD:
                break
            run.append(item)
        offset, rarest = min(enumerate(run), key=lambda pair: len(self.positions.get(pair[1], ())))
        places = self.positions.get(rarest, [])
        first = bisect.bisect_left(places, after + offset)
        return [place - offset for place in places[first : first + MAX_CANDIDATES]]

    def present(self, piece: list[str]) -> bool:
        return any(self._match(piece, start) is not None for start in self._starts_of(piece))

    # --- close ---

    def closest(self, piece: list[str]) -> tuple[int, int, list] | None:
        """The window of source words that best matches `piece`, and the word-level edit operations."""
        from rapidfuzz import fuzz
        from rapidfuzz.distance import Levenshtein

        if not self.keys:
            return None
        coded = "".join(self.code(key) for key in piece)
        reach = len(piece) // 2 + 2
        if len(coded) >= len(self.coded):
            lo, hi = 0, len(self.keys)     # the whole source is shorter than the quote
        else:
            alignment = fuzz.partial_ratio_alignment(coded, self.coded)
            if alignment is None or alignment.score <= 0:
                return None
            lo = max(0, alignment.dest_start - reach)
            hi = min(len(self.keys), alignment.dest_end + reach)
        best: tuple[tuple[int, bool, int], int, int] | None = None
        for first in range(lo, hi):
            for last in range(first + max(1, len(piece) - reach), min(hi, first + len(piece) + reach) + 1):
                # the fewest edits; of windows as close, one that does not cross a quote's edge, then
                # the one nearest the quote's length
                crosses = self._quote_of[first] != self._quote_of[last - 1]
                score = (Levenshtein.distance(coded, self.coded[first:last]), crosses, abs(last - first - len(piece)))
                if best is None or score < best[0]:
                    best = (score, first, last)
        if best is None:
            return None
        _, first, last = best
        return first, last, Levenshtein.opcodes(coded, self.coded[first:last])


# --- the quote's own words ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    segments: list[list[str | None]]    # between ellipses; None stands for a bracket's words
    pieces: list[list[_Word]]            # between ellipses and brackets: words that must agree


def _parse(text: str) -> _Parsed:
    segments: list[list[str | None]] = []
    pieces: list[list[_Word]] = []
    position = 0
    for part in [*_ELLIPSIS.split(text)]:
        segment: list[str | None] = []
        cursor = 0
        for bracket in _BRACKETS.finditer(part):
            before = _words(part[cursor : bracket.start()], position + cursor)
            segment.extend(word.key for word in before)
            segment.append(_WILDCARD)
            if before:
                pieces.append(before)
            cursor = bracket.end()
        rest = _words(part[cursor:], position + cursor)
        segment.extend(word.key for word in rest)
        if rest:
            pieces.append(rest)
        while segment and segment[0] is _WILDCARD:
            segment.pop(0)
        while segment and segment[-1] is _WILDCARD:
            segment.pop()
        if segment:
            segments.append(segment)
        position += len(part)
        ellipsis = _ELLIPSIS.search(text, position)
        if ellipsis is not None and ellipsis.start() == position:
            position = ellipsis.end()
    return _Parsed(segments, pieces)


# --- verdicts ------------------------------------------------------------------------------------------


def same_speaker(a: Speaker, b: Speaker) -> bool:
    from ..extractors.entities import fold_name, same_person

    if a.type == "person" and b.type == "person":
        return same_person(a.name, b.name)
    folded_a, folded_b = fold_name(a.name), fold_name(b.name)
    return folded_a == folded_b or folded_a in folded_b or folded_b in folded_a


def judge(claim: Claim, source: QuoteSource, context: JudgeContext | None = None) -> tuple[Verdict, str, Evidence | None]:
    """The verdict on a quote claim against the source's words, why, and the source sentence."""
    from ..extractors.quote import SCARE_QUOTE_WORDS

    value = claim.value
    assert isinstance(value, QuoteValue)
    # a quote whose every passage has more than two words is judged on its words and speaker alone
    # (a shorter one also on its sentence): once per source
    key = value.model_dump_json()
    if key in source.judged:
        return source.judged[key]
    outcome = _judge(claim, value, source, context)
    if all(len(piece) > SCARE_QUOTE_WORDS for piece in _parse(value.text).pieces):
        source.judged[key] = outcome
    return outcome


def _judge(claim: Claim, value: QuoteValue, source: QuoteSource,
           context: JudgeContext | None) -> tuple[Verdict, str, Evidence | None]:
    from ..extractors.quote import SCARE_QUOTE_WORDS

    parsed = _parse(value.text)
    if not parsed.segments:
        return Verdict.NOT_FOUND, "the quote has no words to look for", None
    count = sum(len(piece) for piece in parsed.pieces)
    scare = count <= SCARE_QUOTE_WORDS
    speaker = None if scare else value.speaker
    matches = source.verbatim(parsed.segments)
    if matches:
        return _verbatim(source, matches, speaker, scare)
    for piece in parsed.pieces:
        keys = [word.key for word in piece]
        if source.present(keys):
            continue
        close = _close(claim, source, piece, context) if len(piece) <= SCARE_QUOTE_WORDS else _close_passage(
            source, piece, value.text, speaker)
        if close is not None:
            return close
    if all(source.present([word.key for word in piece]) for piece in parsed.pieces):
        return Verdict.NOT_FOUND, "the source has these words, but not together in this order", None
    return Verdict.NOT_FOUND, "the source has no such words", None


def _verbatim(source: QuoteSource, matches: list[tuple[int, int]], speaker: Speaker | None,
              scare: bool) -> tuple[Verdict, str, Evidence | None]:
    from ..extractors.quote import is_named

    quoted = [(first, last, source.quote_at(first, last)) for first, last in matches]
    in_quotes = [(first, last, q) for first, last, q in quoted if q is not None]
    if scare:
        first, _, q = (in_quotes or quoted)[0]
        where = "in quotation marks" if q is not None else "in its own words"
        return Verdict.SUPPORTED, f"the source has these words ({where})", source.evidence(first)
    if in_quotes:
        if is_named(speaker):
            agreeing = [m for m in in_quotes if is_named(m[2].speaker) and same_speaker(speaker, m[2].speaker)]
            if agreeing:
                first, _, q = agreeing[0]
                return Verdict.SUPPORTED, f"the source quotes {q.speaker.name} saying these words", source.evidence(first)
            other = next((m for m in in_quotes if is_named(m[2].speaker)), None)
            if other is not None and not any(not is_named(m[2].speaker) for m in in_quotes):
                first, _, q = other
                if q.speaker.type != speaker.type:
                    # a company's words and its chief's: perhaps one voice, perhaps not
                    return (Verdict.NOT_FOUND, f"the source gives these words to {q.speaker.name}, "
                            f"the draft to {speaker.name}", source.evidence(first))
                return (Verdict.CONTRADICTED, f"the source gives these words to {q.speaker.name}, not to {speaker.name}",
                        source.evidence(first))
        first, _, q = in_quotes[0]
        said = f"quotes {q.speaker.name} saying these words" if q.speaker is not None else "quotes these words"
        return Verdict.SUPPORTED, f"the source {said}", source.evidence(first)
    # the source states the words without quotation marks: they are someone's only where it says whose
    first, last, _ = quoted[0]
    attributed = source.attributed(first, last)
    evidence = source.evidence(first)
    if attributed is not None and (not is_named(speaker) or not is_named(attributed)
                                   or same_speaker(speaker, attributed)):
        return (Verdict.SUPPORTED, f"the source attributes these words to {attributed.name} "
                f"(without quotation marks)", evidence)
    if attributed is not None:
        return (Verdict.NOT_FOUND, f"the source has these words without quotation marks and attributes them to "
                f"{attributed.name}, not to {speaker.name}", evidence)
    whose = f", not as {speaker.name}'s" if is_named(speaker) else ", not as anyone's quotation"
    return Verdict.NOT_FOUND, f"the source states these words in its own voice{whose}", evidence


def _difference(source: QuoteSource, first: int, opcodes, piece: list[_Word], text: str) -> str:
    """`the source says "...", not "..."`: the words that differ, with one agreeing word either side."""
    changed = [op for op in opcodes if op.tag != "equal"]
    lo_src, hi_src = changed[0].src_start, changed[-1].src_end
    lo_dst, hi_dst = changed[0].dest_start, changed[-1].dest_end
    if len(piece) > 3:   # one agreeing word either side
        if lo_src > 0 and lo_dst > 0:
            lo_src, lo_dst = lo_src - 1, lo_dst - 1
        if hi_src < len(piece) and hi_dst < opcodes.dest_len:
            hi_src, hi_dst = hi_src + 1, hi_dst + 1
    else:                # a short quote is shown whole
        lo_src, hi_src, lo_dst, hi_dst = 0, len(piece), 0, opcodes.dest_len
    said = source.written(first + lo_dst, first + hi_dst)
    draft = _as_written(text, piece[lo_src].start, piece[hi_src - 1].end) if hi_src > lo_src else ""
    if not draft:
        return f'the source says "{said}": the draft leaves words out without an ellipsis'
    if not said:
        return f'the source has no "{draft}" there: it says "{source.written(first, first + opcodes.dest_len)}"'
    return f'the source says "{said}", not "{draft}"'


def _agreeing(opcodes) -> int:
    return sum(op.src_end - op.src_start for op in opcodes if op.tag == "equal")


def _agreeing_content(opcodes, keys: list[str]) -> int:
    return sum(1 for op in opcodes if op.tag == "equal" for key in keys[op.src_start : op.src_end]
               if key not in _STOPWORDS)


def _attributed_to(source: QuoteSource, first: int, last: int, speaker: Speaker | None) -> bool:
    """Whether the source gives its plain words first..last to a person it names, and that person is the
    draft's speaker when the draft names one: only then are words near them a misquote."""
    from ..extractors.quote import is_named

    attributed = source.attributed(first, last)
    return is_named(attributed) and (not is_named(speaker) or same_speaker(speaker, attributed))


def _close_passage(source: QuoteSource, piece: list[_Word], text: str,
                   speaker: Speaker | None) -> tuple[Verdict, str, Evidence | None] | None:
    keys = [word.key for word in piece]
    found = source.closest(keys)
    if found is None:
        return None
    first, last, opcodes = found
    agree = _agreeing(opcodes)
    size = max(len(keys), last - first)
    in_quote = source.quote_at(first, last) is not None
    if len(keys) >= 5:
        close = agree / size >= (QUOTE_AGREEMENT if in_quote else PLAIN_AGREEMENT) and \
            _agreeing_content(opcodes, keys) >= 2
    else:
        close = agree >= len(keys) - 1 and size <= len(keys) + 1 and agree >= 2 and \
            (in_quote or _agreeing_content(opcodes, keys) >= 2)
    if not close or agree == len(keys) == last - first:
        return None
    if not in_quote and not _attributed_to(source, first, last, speaker):
        # words the source states in its own voice are nobody's quotation: near them is no misquote
        return (Verdict.NOT_FOUND, f'the source quotes no one saying these words; in its own words it says '
                f'"{source.written(first, last)}"', source.evidence(first))
    return Verdict.CONTRADICTED, _difference(source, first, opcodes, piece, text), source.evidence(first)


def _close(claim: Claim, source: QuoteSource, piece: list[_Word],
           context: JudgeContext | None) -> tuple[Verdict, str, Evidence | None] | None:
    """A scare quote against the source's short quotes in a sentence about the same thing."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    from ..align import context_of

    keys = [word.key for word in piece]
    wanted = set(keys) - _STOPWORDS
    if not wanted:
        return None
    own = None
    for quoted in source.quoted:
        theirs = source.keys[quoted.first : quoted.last]
        if len(theirs) > 4 or not wanted & set(theirs):
            continue
        opcodes = Levenshtein.opcodes([source.code(k) for k in keys], [source.code(k) for k in theirs])
        if _agreeing(opcodes) == 0 or abs(len(theirs) - len(keys)) > 1:
            continue
        own = own or context_of(claim)
        other = context_of(quoted.fact)
        agreement = fuzz.token_set_ratio(own.words, other.words) if own.words and other.words else 0.0
        if agreement < SCARE_CONTEXT_AGREEMENT and not own.countries & other.countries:
            continue
        return (Verdict.CONTRADICTED, _difference(source, quoted.first, opcodes, piece, claim.value.text),
                source.evidence(quoted.first))
    return None


# --- the source, once per sheet ----------------------------------------------------------------------

_SOURCES: dict[int, tuple[FactSheet, str | None, QuoteSource]] = {}
_KEPT_SOURCES = 8


def source_of(sheet: FactSheet, text: str | None) -> QuoteSource:
    """The quote source of a fact sheet and, when known, the article's text (cached for the last few)."""
    kept = _SOURCES.get(id(sheet))
    if kept is not None and kept[0] is sheet and kept[1] == text:
        return kept[2]
    quotes = [fact for fact in sheet.facts if fact.kind == "quote"]
    if text is not None:
        made = QuoteSource(text, quotes)
    else:
        made = _from_sentences(sheet.facts, quotes)
    if len(_SOURCES) >= _KEPT_SOURCES:
        del _SOURCES[next(iter(_SOURCES))]
    _SOURCES[id(sheet)] = (sheet, text, made)
    return made


def _from_sentences(facts: list[Claim], quotes: list[Claim]) -> QuoteSource:
    """Without the article, its words are the sentences its facts stand in (a fact sheet keeps no more)."""
    sentences: dict[tuple[int, int], Sentence] = {}
    for fact in facts:
        sentence = fact.sentence or Sentence(text=fact.text, span=fact.span)
        sentences.setdefault((sentence.span.start, sentence.span.end), sentence)
    pieces: list[tuple[int, Sentence]] = []
    parts: list[str] = []
    offset = 0
    where: dict[tuple[int, int], int] = {}
    for key in sorted(sentences):
        sentence = sentences[key]
        pieces.append((offset, sentence))
        where[key] = offset
        parts.append(sentence.text)
        offset += len(sentence.text) + 2
    moved = []
    for fact in quotes:
        sentence = fact.sentence or Sentence(text=fact.text, span=fact.span)
        shift = where[(sentence.span.start, sentence.span.end)] - sentence.span.start
        start, end = fact.span.start + shift, fact.span.end + shift
        moved.append(fact.model_copy(update={"span": Span(start=max(0, start), end=max(0, end))}))
    return QuoteSource("\n\n".join(parts), moved, pieces)


# --- the judge interface of the other kinds ----------------------------------------------------------


def compare(claim: Claim, fact: Claim, context: JudgeContext) -> tuple[Verdict, str]:
    """The quote against one source quote alone (the pipeline judges quotes against all the source's words)."""
    verdict_, reason, _ = judge(claim, _from_sentences([fact], [fact]), context)
    return verdict_, reason


def verdict(claim: Claim, fact: Claim, context: JudgeContext) -> Verdict:
    return compare(claim, fact, context)[0]


def describe(value: QuoteValue) -> str:
    said = f" ({value.speaker.name})" if value.speaker is not None else ""
    return f'"{value.text}"{said}'
