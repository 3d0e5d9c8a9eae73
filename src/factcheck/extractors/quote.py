"""Quotes: words a text puts in quotation marks, and who it says said them.

Quotation marks: straight and curly double quotes, guillemets and low-9 quotes (the
normalised text has them all as `"`), single quotes where they quote (`'` in the normalised
text) and markdown block quotes (`> ...` lines). A mark opens after a blank, an opening
bracket or a dash and before a word; it closes after a word and before a blank or
punctuation. A single quote between two letters (`don't`, `Japan's`), at the end of a plural
possessive with nothing open (`the countries' leaders`) or before an elision (`'90s`, `rock 'n'
roll`, data/quotes/elisions.txt) is an apostrophe. A quote never runs past its paragraph,
except in the news convention of a quote over several paragraphs, each opening with a mark.
A quote inside another quote is part of it, not a claim of its own. A block quote is one claim
unless it holds quotation marks of its own (then those are the claims); a last line of `-
Name` or `— Name` is its speaker.

The claim's span is the quoted words inside the marks; its value is those words on one line
(a comma the sentence put inside the closing mark dropped) and the speaker:

- after the quote: `"...," X said`, `"...," said X`, `"...," X told reporters`, `"...," X wrote
  on X`, `"...," the minister added`;
- before it: `X said: "..."`, `X hailed the "..."`, `according to X, "..."`;
- `he`/`she` is the person named last (`he added`: the speaker named last), `it` the
  organisation named last; `the minister` (a title) is the person the text gave that title;
- a quote with no attribution continues the speaker of the paragraph's previous quote.

A speaker the text names is given by its full name (`Zelensky` refers back to `Volodymyr
Zelensky`, extractors/entities.py); one it does not name (`a spokesperson`, `officials`) is
kept as written, in lower case. A quote of one or two words (a scare quote) has no speaker.

Quote claims may hold other claims (the `$4.5 billion` of a quoted sentence is an amount
claim too): text.Document keeps them out of the index that stops claims overlapping.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ..models import Claim, QuoteValue, Speaker
from ..text import Document
from .base import Options, make_claim
from .entities import ORGANISATION_WORDS, REMEMBERED_PEOPLE, Mention, Token, end_of, is_office, mentions, tokens_of

# a quote of at most this many words is a scare quote: checked for presence, with no speaker
SCARE_QUOTE_WORDS = 2
# a single quotation runs for at most this many characters (a double one for its paragraph)
MAX_SINGLE_QUOTE = 600
# how many words after a closing mark an attribution ("the foreign minister told reporters") may take
ATTRIBUTION_REACH = 8

_MARKS = re.compile(r"[\"']")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n")
_BLOCK_LINE = re.compile(r"^[ \t]{0,3}>[^\n]*", re.M)
_BLOCK_MARKS = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)
_SPEAKER_LINE = re.compile(r"[ \t]*(?:-{1,2}|\u2014|\u2013|\u2015)[ \t]*(?P<name>[^\n]{2,120})$")
_DECADE = re.compile(r"'\d0s\b")
_WORDS = re.compile(r"[^\W_]")
# characters a quotation mark may open after, and close before
_OPENS_AFTER = frozenset(" \t\n([{-/:;,\"'*_>")
_CLOSES_BEFORE = frozenset(" \t\n.,;:!?)]}-/\"'*_")
_PRONOUNS = {"he": "person", "she": "person", "it": "organisation"}
_DETERMINERS = frozenset("the a an his her its their our this that these those".split())
# words between a speaker and the speech verb: "Zelensky also said", "the minister has said"
_BETWEEN = frozenset("also later then again earlier once has had have was is were would will further simply "
                     "just".split())


def _data_lines(name: str) -> frozenset[str]:
    text = resources.files("factcheck.data.quotes").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def speech_verbs() -> frozenset[str]:
    return _data_lines("speech_verbs.txt")


@cache
def _elisions() -> tuple[str, ...]:
    return tuple(sorted(_data_lines("elisions.txt"), key=len, reverse=True))


@dataclass(frozen=True)
class QuoteSpan:
    """Where a quote stands: its marks and the words between them (offsets into the text)."""

    open: int        # the opening mark (or the block's first `>`)
    close: int       # just after the closing mark (or the block's last word)
    start: int       # the quoted words, trimmed
    end: int
    block: bool = False
    speaker_line: tuple[int, int] | None = None   # a block quote's "- Name" line


# --- finding the marks ----------------------------------------------------------------------------


def _is_apostrophe(norm: str, at: int) -> bool:
    before = norm[at - 1] if at else " "
    after = norm[at + 1] if at + 1 < len(norm) else " "
    if before.isalnum() and after.isalnum():
        return True                     # don't, Japan's, O'Neill
    if _DECADE.match(norm, at):
        return True
    lower = norm[at : at + 8].lower()
    return any(lower.startswith(word) and not norm[at + len(word) : at + len(word) + 1].isalnum()
               for word in _elisions())


def _can_open(norm: str, at: int) -> bool:
    before = norm[at - 1] if at else "\n"
    after = norm[at + 1] if at + 1 < len(norm) else "\n"
    return before in _OPENS_AFTER and not after.isspace()


def _can_close(norm: str, at: int) -> bool:
    before = norm[at - 1] if at else "\n"
    after = norm[at + 1] if at + 1 < len(norm) else "\n"
    return not before.isspace() and (after in _CLOSES_BEFORE)


def _pairs(norm: str, mark: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotation marks `mark` of each paragraph."""
    found: list[tuple[int, int]] = []
    for number, (start, end) in enumerate(paragraphs):
        opened: int | None = None
        at = norm.find(mark, start, end)
        while at >= 0:
            if mark == "'" and _is_apostrophe(norm, at):
                pass
            elif opened is None:
                if _can_open(norm, at):
                    opened = at
            elif _can_close(norm, at) and (mark == '"' or at - opened <= MAX_SINGLE_QUOTE):
                found.append((opened, at))
                opened = None
            elif _can_open(norm, at):
                opened = at     # an opening mark never closed: the next one starts afresh
            at = norm.find(mark, at + 1, end)
        following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
        if opened is not None and mark == '"' and following is not None and norm.startswith('"', following):
            # a quote over several paragraphs leaves each open and opens the next one again
            found.append((opened, end))
    return found


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(norm):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(norm)))
    return [(lo, hi) for lo, hi in bounds if norm[lo:hi].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "*_"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    return start, end


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotes in text order, those inside another quote (or crossing one found before) left out."""
    kept: list[QuoteSpan] = []
    for span in sorted(spans, key=lambda s: (s.open, -s.close)):
        if kept and span.open < kept[-1].close:
            continue
        kept.append(span)
    return kept


def _block_quotes(text: str, inline: list[QuoteSpan]) -> list[QuoteSpan]:
    """Markdown block quotes (runs of `>` lines) holding no quotation marks of their own."""
    if ">" not in text:
        return []
    blocks: list[QuoteSpan] = []
    lines = list(_BLOCK_LINE.finditer(text))
    index = 0
    while index < len(lines):
        first = last = index
        while last + 1 < len(lines) and lines[last + 1].start() == lines[last].end() + 1:
            last += 1
        index = last + 1
        block_start, block_end = lines[first].start(), lines[last].end()
        if any(block_start <= span.open < block_end for span in inline):
            continue
        speaker_line = None
        content_lines = lines[first : last + 1]
        marks = _BLOCK_MARKS.match(text, content_lines[-1].start())
        attribution = _SPEAKER_LINE.match(text, marks.end() if marks else content_lines[-1].start())
        if attribution and len(content_lines) > 1:
            speaker_line = attribution.span("name")
            content_lines = content_lines[:-1]
        marks = _BLOCK_MARKS.match(text, content_lines[0].start())
        start, end = _trimmed(text, marks.end() if marks else content_lines[0].start(), content_lines[-1].end())
        if start < end and _WORDS.search(text, start, end):
            blocks.append(QuoteSpan(block_start, block_end, start, end, block=True, speaker_line=speaker_line))
    return blocks


@lru_cache(maxsize=8)
def _find(text: str, norm: str) -> tuple[QuoteSpan, ...]:
    if '"' not in norm and "'" not in norm and ">" not in text:
        return ()
    paragraphs = _paragraphs(norm)
    spans: list[QuoteSpan] = []
    for mark in ('"', "'"):
        if mark not in norm:
            continue
        for opened, closed in _pairs(norm, mark, paragraphs):
            start, end = _trimmed(norm, opened + 1, closed)
            if end > start and norm[end - 1] == ",":    # the sentence's comma, inside the closing mark
                start, end = _trimmed(norm, start, end - 1)
            if start < end and _WORDS.search(norm, start, end):
                spans.append(QuoteSpan(opened, min(closed + 1, len(norm)), start, end))
    inline = _outermost(spans)
    return tuple(_outermost(inline + _block_quotes(text, inline)))


def quote_spans(doc: Document) -> tuple[QuoteSpan, ...]:
    """Every quote of the document, outermost only, in text order (found once per text)."""
    return _find(doc.text, doc.norm)


# --- the words --------------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_BLANK_BEFORE_STOP = re.compile(r" ([.,;:!?])")


def quoted_words(doc: Document, span: QuoteSpan) -> str:
    """The quoted words on one line, without block-quote marks or a trailing comma."""
    text = doc.norm[span.start : span.end]
    if span.block:
        text = _BLOCK_MARKS.sub(" ", text)   # the marks of the block's later lines, where markdown left them
    # masked markup leaves blanks before punctuation ("a **year**." -> "a year  .")
    words = _BLANK_BEFORE_STOP.sub(r"\1", _SPACES.sub(" ", text)).strip()
    return words[:-1].rstrip() if words.endswith(",") else words


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# --- speakers -----------------------------------------------------------------------------------------


class Attribution:
    """Who the text says said words at an offset: reads the document's mentions and quotes once."""

    def __init__(self, doc: Document, quotes: Sequence[QuoteSpan]) -> None:
        self.doc = doc
        self.norm = doc.norm
        self.quotes = list(quotes)
        self._quote_opens = [q.open for q in self.quotes]
        found = mentions(doc)
        self._mention_starts = {m.start: m for m in found}
        outside = [m for m in found if not self._inside_quote(m.start)]
        self._people = [m for m in outside if _person_name(m)]
        self._people_starts = [m.start for m in self._people]
        self._bodies = [m for m in outside if m.kind == "organisation"]
        self._body_starts = [m.start for m in self._bodies]

    def _inside_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self._quote_opens, offset) - 1
        return index >= 0 and offset < self.quotes[index].close

    def _sentence(self, offset: int) -> tuple[int, int]:
        return self.doc.sentence_at(offset)

    def speaker(self, open_at: int, close_at: int, previous: Speaker | None = None) -> Speaker | None:
        """The speaker of the words between `open_at` and `close_at` (a quote's marks, or plain words)."""
        for found in (self._after(close_at), self._before(open_at), self.introduced(open_at)):
            if found is not None:
                return found
        return previous

    def sentence_speaker(self, start: int, end: int) -> Speaker | None:
        """Who the sentence holding plain words start..end attributes them to: around them (`X said
        that ...`), or at the sentence's end (`..., a government source told AFP.`)."""
        found = self.speaker(start, end)
        if found is not None:
            return found
        _, sentence_end = self._sentence(start)
        comma = self.norm.rfind(",", end, sentence_end)
        return self._after(comma) if comma >= 0 else None

    def block_speaker(self, start: int, end: int) -> Speaker | None:
        elements = self._elements(start, end)
        return self._subject(elements, 0, start) if elements else None

    def _sentence_end(self, offset: int) -> int:
        """The end of the sentence holding `offset`, or of the next one on its line when `offset` falls between two."""
        while offset < len(self.norm) and self.norm[offset] in " \t":
            offset += 1
        if offset >= len(self.norm) or self.norm[offset] == "\n":
            return offset
        return max(offset, self._sentence(offset)[1])

    # after the quote: `, X said`, `, said X`, `, according to X`; or `." X said.` in the next sentence
    def _after(self, close_at: int) -> Speaker | None:
        # an attribution stands within a few words: the region read is capped at a few hundred characters
        end = min(max(self._sentence_end(close_at - 1), self._sentence_end(close_at)), close_at + 300)
        following = bisect.bisect_left(self._quote_opens, close_at)
        if following < len(self.quotes):
            end = min(end, self.quotes[following].open)
        elements = self._elements(close_at, end)[: ATTRIBUTION_REACH + 10]
        position = 0
        while position < len(elements) and _is_token(elements[position], ","):
            position += 1
        if position >= len(elements):
            return None
        head = elements[position]
        dashes = position
        while dashes < len(elements) and _is_token(elements[dashes], "-"):
            dashes += 1
        if dashes > position and dashes < len(elements) and isinstance(elements[dashes], Mention):
            return self._speaker_of(elements[dashes])      # '"..." - Zelensky'
        if _is_verb(head):
            return self._subject(elements, position + 1, close_at)
        if _is_token(head, "according") and position + 1 < len(elements) and _is_token(elements[position + 1], "to"):
            return self._subject(elements, position + 2, close_at)
        subject_end = self._subject_end(elements, position)
        if subject_end is None:
            return None
        verb = subject_end
        if verb < len(elements) and _is_token(elements[verb], ","):
            # an apposition between the subject and its verb: "Hill, 55, said", "Hill, the mayor, said"
            closing = next((index for index in range(verb + 1, min(len(elements), verb + 9))
                            if _is_token(elements[index], ",")), None)
            verb = closing + 1 if closing is not None else verb
        while verb < len(elements) and _is_token_in(elements[verb], _BETWEEN):
            verb += 1
        if verb < len(elements) and _is_verb(elements[verb]):
            return self._subject(elements, position, close_at)
        return None

    # a sentence ending in a colon before the quote: `Zelensky wrote on X:` and a block quote or a quote below
    def introduced(self, open_at: int) -> Speaker | None:
        before = open_at
        while before > 0 and (self.norm[before - 1].isspace() or self.norm[before - 1] == ">"):
            before -= 1
        if before == 0 or self.norm[before - 1] != ":" or before == open_at:
            return None
        return self._before(before - 1)

    # before it: `X said: "`, `X hailed the "`, `according to X, "`
    def _before(self, open_at: int) -> Speaker | None:
        sentence_start, _ = self._sentence(open_at)
        previous = bisect.bisect_left(self._quote_opens, open_at) - 1
        start = sentence_start
        if previous >= 0 and self.quotes[previous].close > start:
            start = min(open_at, self.quotes[previous].close)
        elements = self._elements(start, open_at)
        if len(elements) >= 2 and _is_token(elements[-1], ":") and isinstance(elements[-2], Mention):
            return self._speaker_of(elements[-2])      # 'Zelensky: "..."'
        for index in range(len(elements) - 1):
            if _is_token(elements[index], "according") and _is_token(elements[index + 1], "to"):
                return self._subject(elements, index + 2, open_at)
        verbs = [index for index, element in enumerate(elements) if _is_verb(element)]
        if not verbs:
            return None
        verb = verbs[-1]
        subject = verb - 1
        while subject >= 0 and _is_token_in(elements[subject], _BETWEEN):
            subject -= 1
        if subject < 0:
            return None
        if _is_token(elements[subject], ","):
            # "Zelensky, who spoke in Kyiv, said": the subject opens the clause
            return self._subject(elements, 0, open_at)
        first = self._subject_start(elements, subject)
        return self._subject(elements, first, open_at)

    def _elements(self, start: int, end: int) -> list[Mention | Token]:
        elements: list[Mention | Token] = []
        covered = start
        for token in tokens_of(self.norm, start, end):
            if token.start < covered:
                continue
            mention = self._mention_starts.get(token.start)
            if mention is not None and mention.end <= end:
                elements.append(mention)
                covered = end_of(mention)
                continue
            elements.append(token)
        return elements

    def _subject_end(self, elements: list[Mention | Token], position: int) -> int | None:
        """Where a subject starting at `position` ends (the index after it), if one starts there."""
        head = elements[position]
        if isinstance(head, Mention):
            end = position + 1
            while head.possessive and end < len(elements) and end - position <= 3 and \
                    isinstance(elements[end], Token) and elements[end].text.isalpha() and not _is_verb(elements[end]):
                end += 1    # "Hill's spokesperson"
            return end
        if head.lower in _PRONOUNS:
            return position + 1
        role = position
        while role < len(elements) and role - position < 4 and isinstance(elements[role], Token) \
                and elements[role].text.isalpha() and elements[role].text.islower() and not _is_verb(elements[role]):
            role += 1
        if role > position and role < len(elements) and isinstance(elements[role], Mention):
            return role + 1     # a role before a name: "chief executive Marta Ilves said"
        if head.lower in _DETERMINERS or head.lower == "officials":
            index = position + 1
            while index < len(elements) and index - position <= 5 and not _is_verb(elements[index]) \
                    and not _is_token(elements[index], ","):
                index += 1
            return index
        return None

    def _subject_start(self, elements: list[Mention | Token], last: int) -> int:
        """The first element of the subject whose last element is `last`: back to a determiner or a name."""
        element = elements[last]
        if isinstance(element, Mention) or element.lower in _PRONOUNS:
            return last
        index = last
        while index > 0 and last - index < 5:
            before = elements[index - 1]
            if isinstance(before, Mention) and before.possessive:
                return index - 1
            if isinstance(before, Token) and before.lower in _DETERMINERS:
                return index - 1
            if isinstance(before, Mention) or (isinstance(before, Token) and not before.text[:1].isalpha()):
                return index
            index -= 1
        return index

    def _subject(self, elements: list[Mention | Token], position: int, at: int) -> Speaker | None:
        if position >= len(elements):
            return None
        head = elements[position]
        if isinstance(head, Mention):
            following = elements[position + 1] if position + 1 < len(elements) else None
            if head.possessive and isinstance(following, Token) and following.text.isalpha() \
                    and not _is_verb(following):
                # "Kishida's spokesperson": someone of theirs, not named
                return Speaker(name=f"{head.text}'s {following.text}", type="person")
            return self._speaker_of(head)
        pronoun = _PRONOUNS.get(head.lower)
        if pronoun == "person":
            named = self._last(self._people, self._people_starts, at)
            return _mention_speaker(named) if named is not None else None
        if pronoun == "organisation":
            named = self._last(self._bodies, self._body_starts, at)
            return _mention_speaker(named) if named is not None else None
        end = self._subject_end(elements, position)
        if end is None or end == position:
            return None
        words = elements[position:end]
        if isinstance(words[-1], Mention):
            return self._speaker_of(words[-1])     # "the foreign minister Yoko Kamikawa", "the European Commission"
        phrase = " ".join(word.text for word in words)
        titled = self._titled(words[-1].lower if isinstance(words[-1], Token) else "", at)
        if titled is not None:
            return _mention_speaker(titled)
        if len(words) < 2:
            return None
        return Speaker(name=phrase[:1].lower() + phrase[1:], type="person")

    def _speaker_of(self, mention: Mention) -> Speaker | None:
        if mention.kind == "person" and is_office(mention.name):
            # "the Japanese prime minister": the person the text gave that title, if it did
            titled = self._titled(mention.name.split(" of ")[0].split()[-1].lower(), mention.start)
            if titled is not None:
                return _mention_speaker(titled)
        return _mention_speaker(mention)

    def _titled(self, title: str, at: int) -> Mention | None:
        """The person named last before `at` whose mention gives them `title` ("the minister": Foreign Minister X)."""
        if not title.isalpha():
            return None
        index = bisect.bisect_left(self._people_starts, at) - 1
        oldest = max(-1, index - REMEMBERED_PEOPLE)
        while index > oldest:
            mention = self._people[index]
            if title in mention.text.lower().split():
                return mention
            index -= 1
        return None

    @staticmethod
    def _last(found: list[Mention], starts: list[int], at: int) -> Mention | None:
        index = bisect.bisect_left(starts, at) - 1
        return found[index] if index >= 0 else None


def _is_token(element: Mention | Token, word: str) -> bool:
    return isinstance(element, Token) and element.lower == word


def _is_token_in(element: Mention | Token, words: frozenset[str]) -> bool:
    return isinstance(element, Token) and element.lower in words


def _is_verb(element: Mention | Token) -> bool:
    return isinstance(element, Token) and element.lower in speech_verbs()


def _person_name(mention: Mention) -> bool:
    """A person the text names (not an office alone, not a one-letter name such as the platform X)."""
    if mention.kind == "person":
        return not is_office(mention.name)
    if mention.kind == "name":
        words = mention.text.split()
        return not set(words) & ORGANISATION_WORDS and all(len(word) > 1 for word in words)
    return False


def _mention_speaker(mention: Mention) -> Speaker | None:
    if mention.kind == "person" and is_office(mention.name):
        office, _, country = mention.name.partition(" of ")
        # an office the text does not name the holder of: unnamed, as `the prime minister of Japan`
        return Speaker(name=f"the {office.lower()}" + (f" of {country}" if country else ""), type="person")
    if mention.kind in ("person", "name"):
        party = mention.party()
        if party is None:
            return None
        return Speaker(name=party.name, type="person" if party.type == "person" else "organisation")
    if mention.kind in ("organisation", "country", "capital", "demonym"):
        party = mention.party()
        return Speaker(name=party.name if party else mention.name, type="organisation")
    if mention.kind == "other" and len(mention.text) > 1:
        return Speaker(name=mention.text, type="organisation")
    if mention.kind == "place":
        # a town does not speak: a surname the gazetteer also knows as a place ("Duarte said")
        return Speaker(name=mention.text, type="person")
    return None


def is_named(speaker: Speaker | None) -> bool:
    """Whether the text names the speaker (a name starts with a capital; `a spokesperson` and
    `Kishida's spokesperson` do not)."""
    return speaker is not None and speaker.name[:1].isupper() and "'s " not in speaker.name


# --- claims ---------------------------------------------------------------------------------------------


def extract(doc: Document, options: Options) -> Iterator[Claim]:
    spans = quote_spans(doc)
    if not spans:
        return
    attribution = Attribution(doc, spans)
    paragraph_starts = [start for start, _ in _paragraphs(doc.norm)]
    previous_paragraph, previous_speaker = -1, None
    for span in spans:
        words = quoted_words(doc, span)
        paragraph = bisect.bisect_right(paragraph_starts, span.open) - 1
        # a quote with no attribution goes on with the speaker of its paragraph's last quote
        carried = previous_speaker if paragraph == previous_paragraph else None
        if span.block:
            speaker = attribution.block_speaker(*span.speaker_line) if span.speaker_line else None
            speaker = speaker or attribution.introduced(span.open)
        else:
            speaker = attribution.speaker(span.open, span.close, carried)
        previous_paragraph, previous_speaker = paragraph, speaker
        value = QuoteValue(text=words, speaker=speaker if word_count(words) > SCARE_QUOTE_WORDS else None)
        yield make_claim(doc, "quote", span.start, span.end, value)
