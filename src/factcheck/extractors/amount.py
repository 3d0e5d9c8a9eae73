"""Sums of money: `$4.5 billion`, `US$4.5bn`, `USD 4.5 billion`, `4,500 million dollars`,
`four and a half billion dollars`, `€300m`, `1.234,56 €`, `about $12 billion`, `$3-4 billion`.

How it reads a text:
1. every numeral is found (digits with their grouping, number words, a scale word or
   abbreviation after them: `4.5bn`, `5,000 crore`, `half a billion`);
2. each numeral looks for a currency right before it (a symbol, an ISO code, a name:
   `$`, `US$`, `EUR`, `Rs.`) and right after it (`€`, `zł`, `USD`, `dollars`,
   `Australian dollars`, `pounds sterling`), through currencies.registry();
3. a numeral with a currency is an amount; neighbours joined by `-`, `to`,
   `between ... and` make a range and share currency and scale (`$3-4 billion`);
   a following `43 cents` adds to a whole amount (`$20 and 43 cents`);
4. the words before it give its qualifier (`about`, `more than`, `up to` ...).

A number without a currency is no amount (it may be a count); a currency without a
number is none either. Choices where text is ambiguous (docs/claims.md):
- a bare `$` is `options.default_currency`; `dollars` and `bucks` are that currency when
  it is a dollar, else US dollars; `¥` is the yen, `£` sterling, `kr` the Swedish krona,
  `Rs` the Indian rupee (currencies.PREFERRED);
- letters before a `$` name the country in any case, with or without a space (`HK$`, `hk $`,
  `nzd$`, `Mex$`: currencies.Registry.symbol); letters run into a `$` that name none leave the
  currency open (`XQ$40` has none), never the default's;
- a country adjective picks the currency (`Australian dollars`, `Canadian $5`, `$80 U.S.`);
- `pounds` after a number is money unless it weighs something (`20 pounds of rice`,
  `a twenty-pound bag`); `won`, `real`, `mark` need a scale word, grouped digits or the
  country (`5 trillion won`); `a quarter` is never a coin;
- sub-units are read in their main unit (`310 pence` is 3.10 GBP, `99p`, `50¢`): pence are
  sterling, cents the currency named with them (`euro cents`) or of the nearest sum of their
  sentence, else the default currency; `dimes` and `nickels` are dollars (`ten dimes` is $1);
- three digits after a single dot are a group of thousands when the currency's home
  locale writes decimals with a comma (`Rp 31.500`, `1.727 Ft`), a decimal otherwise (`$1.234`);
- `(€5m)` is negative only as accounting writes it, after `is`/`was` or a colon; after
  another amount it is a conversion (`€4bn ($4.3bn)`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..currencies import (
    AMBIGUOUS_HEADS, CENT_LIKE, COINS, DOLLAR_SLANG, NOT_AFTER_NUMBERS, SHARED_SIGNS, SUBUNITS, Named, Registry,
    registry,
)
from ..models import AmountValue, Claim, Qualifier
from ..numbers import DIGITS, NUMBER_WORDS, SCALE_ABBREVIATIONS, SCALES, TENS, UNITS, numeral_pattern, parse_number
from ..qualifiers import AFTER_PATTERN, BEFORE_PATTERN, qualifier_of
from ..text import Document, alternation
from .base import Options, make_claim

# --- numerals ------------------------------------------------------------------------------

_SCALE_WORD = alternation(SCALES)
_SCALE_ABBR = "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True))
_UNIT_WORD = alternation([*UNITS, *TENS])
_DIGIT_WORD = alternation("zero one two three four five six seven eight nine oh".split())

# digits with their scale: "4.5", "4,500", "4.5bn", "4.5 billion", "4 and a half million", "10k"
# (letters may stand right before the digits: "USD3.14", "Rs20", "RM42")
# Indian grouping, in twos above the thousands: "3,45,678.50", "1,00,000"
_INDIAN_DIGITS = r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d{1,12})?(?![\d,])"
_DIGIT_BODY = (
    rf"(?:{_INDIAN_DIGITS}|{DIGITS})(?!\d)"
    rf"(?:[ \t]+and[ \t]+an?[ \t]+(?:half|quarter)\b(?:[ \t]+(?:{_SCALE_WORD})\b)?"
    rf"|[ \t]*-?[ \t]*(?:{_SCALE_WORD})\b"
    rf"|[ \t]?(?:{_SCALE_ABBR})(?![^\W\d_])(?!-?\d)"
    r"|[.,]-{1,2}(?=[ \t]))?"    # "50,- Kč", "Fr. 20.-": whole units, as Central European prices write them
)
_DIGIT_NUMERAL = rf"(?<![\d.,]){_DIGIT_BODY}"
# the digits after an abbreviation's full stop ("Rs.1,500.50"), read from the first digit
_DIGITS_AFTER_STOP = re.compile(_DIGIT_BODY, re.I)
# spoken decimals: "one point three", "1 point 1", "four point five billion"
_POINT_NUMERAL = (
    rf"\b(?:\d{{1,3}}|(?:{_UNIT_WORD})(?:[ \t-](?:{_DIGIT_WORD}))?)[ \t]+point[ \t]+"
    rf"(?:\d{{1,6}}|(?:{_DIGIT_WORD})(?:[ \t]+(?:{_DIGIT_WORD})){{0,5}})\b(?:[ \t]+(?:{_SCALE_WORD})\b)?"
)
# where a numeral may start, digits or a number word: the engine skips every other place at once.
# There it reads a spoken decimal or digits, else nothing before a letter: numbers in words are read
# by the numeral pattern every kind shares (see _numeral_spans), which takes milliseconds to compile
_NUMERAL_START = rf"(?=[\d.,]|\b(?:{alternation(sorted({*NUMBER_WORDS, 'a', 'an'}))})\b)"
_DIGITS_OR_START = re.compile(rf"{_NUMERAL_START}(?:{_POINT_NUMERAL}|{_DIGIT_NUMERAL}|(?=[^\W\d_]))", re.I)
# "a"/"an" standing for one before a currency's name ("a dollar", "a penny", "a grand")
_ARTICLE = re.compile(r"\b(?:an?)(?=[ \t]+[^\W\d_])", re.I)

_TRAILING_SCALE = re.compile(rf"(?:^|[\s\d-])({_SCALE_WORD}|{_SCALE_ABBR})$", re.I)
_PERCENT_AFTER = re.compile(r"[ \t]*(?:%|per[ \t]?cent\b|percent\b|pct\b|percentage\b)", re.I)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")

# --- what stands around a numeral -------------------------------------------------------------

_TOKEN = re.compile(r"[^\s\d]{1,24}")
# up to four words after a numeral, one space apart: where the name of its currency may stand
_PHRASE = re.compile(r"[^\s\d]{1,24}(?: [^\s\d]{1,24}){0,3}")
# no symbol, code or one-word name is longer ("egyptianpound"): the longest ending of a word looked up
_LONGEST_KEY = 16
_SPACES_AFTER = re.compile(r"[ \t]{0,2}")
_PUNCT_END = ".,;:!?)]}\"'*/"
_OPENERS = "([{\"'"
# nothing more of the phrase follows: end of text or punctuation
_END = re.compile(r"[ \t]*(?:$|[.,;:!?)\]}\"'*/\n])")
# a word that cannot be the noun a currency name would modify ("a dollar a day", "10 euro each")
_FUNCTION_WORDS = frozenset(
    "a an and or but for to in on at per each apiece from with by than was is were are will would "
    "has have had that which this last next over into plus minus more less a-day".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w-]*)")

_QUALIFIER_BEFORE = re.compile(r"(?:(?<=[^\w.])|^)(" + BEFORE_PATTERN + r")[ \t]*$", re.I)
# "plus" only hyphened or as a sign: "a $1bn-plus deal", "$5bn+", not "$5 plus tax"
_QUALIFIER_AFTER = re.compile(r"(?:[ \t]+(" + AFTER_PATTERN + r")|-(plus)\b|\+(?![\w$€£¥+]))", re.I)
# "a dispute over $5 billion", "talks about $5 billion": the words before "over"/"about" that make
# them mean "concerning"; "adds up to $4.5 billion", "shares went up to $45": "up to" reaching a sum
_NOT_A_QUALIFIER = {
    "over": frozenset(
        "dispute disputes row rows fight fights fighting battle battles clash clashes talks tension tensions "
        "negotiations standoff spat feud lawsuit controversy scandal fears fear anger outrage concern concerns "
        "worries probe investigation debate disagreement wrangling argument arguments".split()
    ),
    "about": frozenset(
        "talk talks talked talking spoke speak asked ask worried worry worries concerned concern concerns "
        "question questions news learned know knew heard hear care think thought debate argued".split()
    ),
    "up to": frozenset(
        "add adds added adding went go goes gone going moved move moves shot jumped climbed rose risen came "
        "come comes crept inched ticked ramped stepped sum sums summed built".split()
    ),
}
_WORD_ENDING = re.compile(r"([^\W\d_]+)[ \t]+$")
_RANGE_OPENER = re.compile(r"(?:(?<=[^\w])|^)(between|from)[ \t]+$", re.I)


_CHANGE_VERBS = (
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|falling|fallen|increased?|increases|increasing|decreased?|"
    r"decreasing|grew|grow[sn]?|growing|jumped|jumps?|climbed|climbs?|dropped|drops?|declined?|declining|cut|"
    r"cuts|raised?|reduced?|lowered|boosted|doubled|tripled|soared|plunged|slipped|surged|went|up|down|expanded|"
    r"shrank|widened|narrowed|swelled|ballooned|slashed|hiked|changed|moved|revised|gained|gains?|lost|loses?|"
    r"added|adds?|shed|sheds|eased|eases?|edged|dipped|dips?|slid|slides?|tumbled|tumbles?|sank|sinks?)"
)


# compiled when first needed: only a range opened by "from" asks ("rose from $10 to $20")
@functools.cache
def _change_before_from() -> re.Pattern[str]:
    return re.compile(rf"{_CHANGE_VERBS}[ \t]+(?:\w+[ \t]+){{0,2}}from[ \t]+$", re.I)


# and a range joined by "to" with no opener: "fell 4p to 180p", "gained $2 to $50" are a change and a level
@functools.cache
def _change_right_before() -> re.Pattern[str]:
    return re.compile(rf"{_CHANGE_VERBS}[ \t]+(?:by[ \t]+)?(?:(?:almost|nearly|about|some|over|around)[ \t]+)?$",
                      re.I)


_MINUS_BEFORE = re.compile(r"(?:(?<=[^\w])|^)minus[ \t]+$", re.I)
# "(€5m)" is accounting's minus only where no aside can stand: after a copula or a colon
_ACCOUNTING_BEFORE = re.compile(r"(?:(?:^|[^\w])(?:is|was|are|were|be|been)|:|^)[ \t]*\($", re.I)
_RANGE_GAP = re.compile(r"[ \t]*-[ \t]*|[ \t]+(to|and)[ \t]+", re.I)
_SUBUNIT_GAP = re.compile(r"(?:[ \t]*,)?[ \t]+(?:and[ \t]+)?", re.I)


@dataclass(frozen=True)
class _Numeral:
    start: int
    end: int
    text: str
    value: float
    resolution: float
    scale: float            # the scale word's factor (1 when none): "4.5 billion" -> 1e9
    in_words: bool
    grouped: bool           # written with a group separator: "10,000 won"


@dataclass(frozen=True)
class _Currency:
    """A currency found next to a numeral: what it says and where it stands."""

    start: int
    end: int
    named: Named | None         # None for slang and coins, resolved by `special`
    special: str = ""           # "subunit", "coin", "grand", "slang"
    factor: float = 1.0         # a coin's worth in dollars, a grand's thousand
    glued: bool = True          # written without a space next to the numeral
    hyphen: bool = False        # "10-dollar", "twenty-pound"


_POINT = re.compile(r"\bpoint\b", re.I)
_INDIAN_GROUPED = re.compile(_INDIAN_DIGITS)
_CASED_ABBREVIATION = re.compile(
    "(" + "|".join(sorted({abbr for abbr in SCALE_ABBREVIATIONS if abbr == abbr.lower() and len(abbr) > 1},
                          key=len, reverse=True)) + r")$",
    re.I,
)
_GROUPED = re.compile(r"\d{1,3}[,. '\u2009]\d{3}|\d{1,2},\d\d,")


def _read_numeral(text: str, start: int, end: int) -> _Numeral | None:
    written = text[start:end]
    if _POINT.search(written):
        return _read_spoken_decimal(start, end, written)
    indian = _INDIAN_GROUPED.match(written) if "," in written else None
    if indian:                  # "3,45,678.50 rupees": parse_number reads only groups of three
        written_digits = indian.group(0)
        parsed = parse_number(written_digits.replace(",", "") + written[len(written_digits):].rstrip("-").rstrip(".,"))
    else:
        parsed = parse_number(written.rstrip("-").rstrip(".,"))
    if parsed is None and (cased := _CASED_ABBREVIATION.search(written)):
        # "$5 Bn", "$5BN", "€2 Mio": the abbreviation in another case than numbers.py lists it
        parsed = parse_number(written[:cased.start(1)] + cased.group(1).lower())
    if parsed is None:
        return None
    scale_match = _TRAILING_SCALE.search(written)
    scale = 1.0
    if scale_match:
        word = scale_match.group(1)
        scale = SCALES.get(word.lower()) or SCALE_ABBREVIATIONS.get(word) or SCALE_ABBREVIATIONS.get(word.lower(), 1.0)
    grouped = bool(_GROUPED.match(written))
    return _Numeral(start, end, written, parsed.value, parsed.resolution, scale, parsed.in_words, grouped)


# a fraction of a scale word: "a quarter of a million", "three quarters of a billion", "a third of a trillion"
_FRACTION_OF = re.compile(
    r"(?:(?<=[^\w-])|^)(?:(an?|one|two|three|four)[ \t-]+)?(half|quarters?|thirds?|fifths?|tenths?)[ \t]+of[ \t]+$", re.I)
_FRACTIONS = {"half": 2, "quarter": 4, "third": 3, "fifth": 5, "tenth": 10}
_ARTICLE_SCALE = re.compile(rf"(?:an?|one)[ \t]+(?:{_SCALE_WORD})", re.I)


def _fraction_of(text: str, numeral: _Numeral) -> _Numeral:
    """"a quarter of a million" is 250,000: the numeral "a million" with the fraction before it."""
    if not _ARTICLE_SCALE.fullmatch(numeral.text):
        return numeral
    found = _FRACTION_OF.search(text, max(0, numeral.start - 32), numeral.start)
    if not found:
        return numeral
    count_word, part = (found.group(1) or "a").lower(), found.group(2).lower().rstrip("s")
    count = 1 if count_word in ("a", "an", "one") else UNITS[count_word]
    if part == "half" and count != 1:
        return numeral
    fraction = count / _FRACTIONS[part]
    return replace(numeral, start=found.start(), text=text[found.start():numeral.end], value=numeral.value * fraction,
                   resolution=numeral.resolution * fraction)


# each fraction sign's numerator and denominator
_VULGAR_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3)}
_VULGAR_BEFORE = re.compile(rf"(?<![\d.,])(\d{{0,3}})([{''.join(_VULGAR_FRACTIONS)}])[ \t]?$")


def _vulgar_fraction_before(text: str, numeral: _Numeral) -> _Numeral:
    """"2½ million", "$¾ billion": the count of a scale word written with a fraction sign."""
    found = _VULGAR_BEFORE.search(text, max(0, numeral.start - 6), numeral.start)
    if not found:
        return numeral
    numerator, denominator = _VULGAR_FRACTIONS[found.group(2)]
    count = int(found.group(1) or 0) + numerator / denominator
    return replace(numeral, start=found.start(), text=text[found.start():numeral.end], value=count * numeral.value,
                   resolution=numeral.resolution / denominator, in_words=False)


def _counted_scale(text: str, previous: _Atom, scale: _Numeral) -> _Numeral | None:
    """"5 hundred dollars", "100 thousand million": a scale word counted by the numeral right before it."""
    count = previous.numeral
    if previous.after is not None or not _BLANKS.fullmatch(text, count.end, scale.start):
        return None
    return replace(count, end=scale.end, text=text[count.start:scale.end], value=_tidy(count.value * scale.value),
                   resolution=_tidy(count.resolution * scale.value), scale=count.scale * scale.value)


_BLANKS = re.compile(r"[ \t]+")
_BARE_SCALE = re.compile(rf"{_SCALE_WORD}|hundred", re.I)
_VAGUE_BEFORE = re.compile(r"\b(?:few|several|many|couple[ \t]+of|(?:tens|dozens|hundreds|thousands)[ \t]+of)[ \t]+$",
                           re.I)
_COMMA_GAP = re.compile(r",[ \t]+(?:and[ \t]+)?")


def _comma_joined(text: str, previous: _Atom, numeral: _Numeral) -> _Numeral | None:
    """"two million, five hundred thousand": number words that go on after a comma, smaller than the scale before."""
    first = previous.numeral
    if previous.has_currency or not (first.in_words and numeral.in_words) or first.scale <= numeral.value:
        return None
    if first.value % first.scale or not _COMMA_GAP.fullmatch(text, first.end, numeral.start):
        return None
    return replace(first, end=numeral.end, text=text[first.start:numeral.end], value=first.value + numeral.value,
                   resolution=min(first.resolution, numeral.resolution), scale=numeral.scale)


_CRORE_AFTER = re.compile(r"[ \t]+crores?\b", re.I)
_CRORE_ABBREVIATION = re.compile(r"[ \t]?crs?\b", re.I)
_CRORE_COUNTS = (1e3, 1e5)      # the scales that count crores: "2 thousand crore", "1.5 lakh crore"


def _crores_of(text: str, numeral: _Numeral) -> _Numeral:
    """"₹1.5 lakh crore" is 1.5 x 10^12, "Rs 2 thousand crore" 2 x 10^10: Indian news counts big sums in crores."""
    crore = _CRORE_AFTER.match(text, numeral.end)
    if not crore:
        return numeral
    return replace(numeral, end=crore.end(), text=text[numeral.start:crore.end()], value=_tidy(numeral.value * 1e7),
                   resolution=_tidy(numeral.resolution * 1e7), scale=numeral.scale * 1e7)


_DIGIT_WORDS = {"zero": 0, "oh": 0, **{w: v for w, v in UNITS.items() if v < 10}}


def _read_spoken_decimal(start: int, end: int, written: str) -> _Numeral | None:
    whole_text, _, rest = re.split(r"[ \t]+(point)[ \t]+", written, maxsplit=1, flags=re.I)
    whole = parse_number(whole_text)
    words = rest.lower().split()
    scale = 1.0
    if words and words[-1] in SCALES:
        scale = SCALES[words.pop()]
    digits = "".join(str(_DIGIT_WORDS[w]) if w in _DIGIT_WORDS else w for w in words)
    if whole is None or not digits.isdigit():
        return None
    value = float(f"{int(whole.value)}.{digits}")
    resolution = 10.0 ** -len(digits)
    return _Numeral(start, end, written, value * scale, resolution * scale, scale, True, False)


# --- currencies next to a numeral ------------------------------------------------------------


# current ISO codes that are English words (or names) in lower case: "top 5", "try 3", "all 12", "php 8"
_CODES_THAT_ARE_WORDS = frozenset("all bam bob cad cup gel mad mop pen php ron sos top try".split())
# current ISO codes that are well-known acronyms in capitals: "COP28" (the UN climate conference)
_CODES_THAT_ARE_ACRONYMS = frozenset({"cop"})


def _lookup(reg: Registry, key: str, *, after: bool) -> Named | None:
    """A symbol, code or name exactly as `key` writes it."""
    if not key:
        return None
    named = reg.code(key) or reg.symbol(key)
    if named is None and len(key) == 3 and key.islower() and key.upper() in reg.currencies:
        current = reg.currencies[key.upper()].current
        if after or current and key not in _CODES_THAT_ARE_WORDS:
            # "140,00 pln" (checked by the caller), "usd 100"; not "top 5", "all 12"
            named = Named("code", (key.upper(),))
    if named is None and any(ch.isalpha() for ch in key):
        named = reg.name(key)
    return named


def _currency_after(reg: Registry, text: str, numeral: _Numeral) -> _Currency | None:
    """The currency written right after `numeral`: "€", " zł", " USD", " US dollars", "c"."""
    position = numeral.end
    hyphen = False
    if text.startswith("-", position) and position + 1 < len(text) and text[position + 1].isalpha():
        hyphen = True            # "10-dollar", "twenty-pound"
        position += 1
    gap = _SPACES_AFTER.match(text, position)
    assert gap is not None
    glued = gap.end() == position and not hyphen
    start = gap.end()
    phrase = _PHRASE.match(text, start)
    if not phrase:
        return None
    words = phrase.group(0).split(" ")
    # the longest run of words that names a currency ("US dollars", "pounds sterling")
    for count in range(len(words), 1, -1):
        for key, cut in _trimmed(" ".join(words[:count])):
            named = reg.name(key) or reg.symbol(key)
            if named is not None:
                return _Currency(start, start + len(key) + cut, named, glued=glued, hyphen=hyphen)
    named_subunit = _named_subunit(reg, words) if len(words) > 1 and _SUBUNIT_WORD.search(phrase.group(0)) else None
    if named_subunit is not None:
        length, code = named_subunit
        return _Currency(start, start + length, Named("name", (code,)), "subunit", glued=glued, hyphen=hyphen)
    found = _word_currency(reg, words[0])
    if found is None and "-" in words[0][1:]:
        found = _word_currency(reg, words[0].split("-", 1)[0])     # "a 7-cent-a-share dividend"
        found = found if found is not None and found[2] == "subunit" else None
    if found is None and "/" in words[0][1:]:
        found = _word_currency(reg, words[0].split("/", 1)[0])     # "5 dollars/hour", "20 euros/month"
        found = found if found is not None and found[1] is not None and found[1].kind in ("name", "head") else None
    if found is None:
        return None
    length, named, special, factor = found
    end = start + length
    if named is not None and named.kind in ("code", "symbol") and factor == 1 and numeral.scale == 1:
        scale = _SCALE_AFTER_CODE.match(text, end)     # "30 EUR million", "5 USD bn"
        if scale:
            end, factor = scale.end(), SCALES.get(scale.group(1).lower()) or SCALE_ABBREVIATIONS[scale.group(1)]
    return _Currency(start, end, named, special, factor, glued, hyphen)


# the sub-units written as words, which may follow their currency's name ("euro cents"; not "euro c")
_WORD_SUBUNITS = frozenset(word for word in SUBUNITS if len(word) > 1)
# a quick look for one in the words after a numeral, before reading them one by one
_SUBUNIT_WORD = re.compile(r" (?:" + "|".join(sorted(_WORD_SUBUNITS, key=len, reverse=True)) + r")\b", re.I)


def _named_subunit(reg: Registry, words: list[str]) -> tuple[int, str] | None:
    """Sub-units after the currency they belong to: "euro cents", "US cents", "Australian cents", "Hong
    Kong cents": their length in the text, and the currency."""
    for count in (1, 2):
        if len(words) <= count:
            return None
        ending = words[count].rstrip(_PUNCT_END)
        if ending.lower() not in _WORD_SUBUNITS or _special(ending) is None:
            continue
        owner = " ".join(words[:count])
        named = reg.code(owner) or reg.name(owner)
        code = named.codes[0] if named is not None and not named.generic else None
        adjective = reg.adjectives.get(owner.lower().replace(".", ""), {})
        code = code or adjective.get("dollar") or next(iter(adjective.values()), None)
        if code is not None:
            return len(owner) + 1 + len(ending), code
    return None


# the words after numbers repeat ("deals", "years", "to"): each is read once
@functools.lru_cache(maxsize=4096)
def _word_currency(reg: Registry, word: str) -> tuple[int, Named | None, str, float] | None:
    """The currency a word after a numeral starts with: its length in the word, what it names, and
    for coins, subunits, slang and "grand" their kind and worth."""
    for key, cut in _trimmed(word):
        found = _special(key)
        if found is not None:
            special, factor = found
            return len(key) + cut, None, special, factor
        named = _lookup(reg, key, after=True)
        if named is not None:
            return len(key) + cut, named, "", 1.0
    scaled = _SCALED_CODE.fullmatch(word.rstrip(_PUNCT_END))
    if scaled and reg.code(scaled.group(2)):
        # "12.5 mUSD", "300 kEUR": a scale's letter run into the code, as financial tables write it
        return len(scaled.group(0)), Named("code", (scaled.group(2),)), "", SCALE_ABBREVIATIONS[scaled.group(1)]
    # a symbol run into what follows: "€HT", "$/EA"
    for length in range(len(word) - 1, 0, -1):
        prefix = word[:length]
        if prefix[-1].isalpha() and word[length].isalpha():
            continue
        named = reg.symbol(prefix)
        if named is not None:
            return length, named, "", 1.0
    return None


def _trimmed(word: str) -> Iterator[tuple[str, int]]:
    """`word` and its readings without trailing punctuation, longest first ("S/." "S/"), and with
    a full stop it may be written without ("лв" -> "лв."): (key, shift of its end in the text)."""
    yield word, 0
    if not word.endswith("."):
        yield word + ".", -1
    while len(word) > 1 and word[-1] in _PUNCT_END:
        word = word[:-1]
        yield word, 0


def _special(key: str) -> tuple[str, float] | None:
    lower = key.lower()
    if lower in SUBUNITS and (key == lower or key[0].isupper() and key[1:].islower()):
        return "subunit", 1.0
    if lower in COINS:
        return "coin", COINS[lower]
    if lower == "grand":
        return "grand", 1000.0
    if lower in DOLLAR_SLANG:
        return "slang", 1.0
    return None


def _currency_before(reg: Registry, text: str, numeral: _Numeral) -> _Currency | None:
    """The currency written right before `numeral`: "$", "US$", "EUR ", "Rs. ", "ringgit "."""
    position = numeral.start
    if position and text[position - 1] == "-" and position >= 2 and not text[position - 2].isspace():
        position -= 1            # "$-99.99": the sign stands between symbol and digits
    cursor = position
    while cursor > 0 and position - cursor < 2 and text[cursor - 1] in " \t:":
        cursor -= 1
    glued = cursor == position
    if cursor == 0 or text[cursor - 1].isspace():
        return None              # no word ends where the numeral's gap begins
    contiguous = _words_ending_at(text, cursor)
    # several words: "malaysian ringgit", "U.S. $", "US $"
    for index in range(len(contiguous) - 1):
        start, first_end = contiguous[index]
        hyphen = text.rfind("-", start, first_end)
        if hyphen >= 0:
            start = hyphen + 1   # after a range's hyphen: "hk $ 1 million-hk $ 2 million"
        words = text[start:cursor]
        named = reg.symbol(words) or reg.name(words)
        if named is not None and glued and _LETTER_SPACE_SIGN.fullmatch(words):
            continue             # "Model S $80,000": one letter and a sign run into the digits is no "S$"
        if named is not None:
            return _Currency(start, cursor, named, glued=glued)
    found = _known_ending(reg, text, contiguous[-1][0], cursor)
    if found is None:
        return None
    start, named = found
    if len(contiguous) > 1 and start == contiguous[-1][0]:
        # a code or symbol and a shared sign together: "NZD $100.70", "$ SGD4.90"
        previous = _known_ending(reg, text, contiguous[-2][0], contiguous[-2][1])
        one_letter = contiguous[-2][1] - contiguous[-2][0] == 1
        # (not one letter before a sign run into the digits: "Model S $80,000", "Plan B $5")
        if previous is not None and previous[0] == contiguous[-2][0] and not (one_letter and glued):
            one, other = previous[1], named
            if one.generic != other.generic:
                return _Currency(previous[0], cursor, other if one.generic else one, glued=glued)
    return _Currency(start, cursor, named, glued=glued)


# one letter, a space and a sign: "c $ 7.80" names the Canadian dollar only with the space after the sign too
_LETTER_SPACE_SIGN = re.compile(rf"[A-Za-z] [{SHARED_SIGNS}]")


def _words_ending_at(text: str, end: int) -> list[tuple[int, int]]:
    """The spans of the words that end at `end`, one space apart: at most three, in the 48 characters
    before it (the first may be cut there)."""
    window_start = max(0, end - 48)
    spans: list[tuple[int, int]] = []
    while len(spans) < 3:
        start = end
        while start > window_start and not text[start - 1].isspace():
            start -= 1
        spans.append((start, end))
        if start - 1 <= window_start or text[start - 1] != " " or text[start - 2].isspace():
            break
        end = start - 1
    spans.reverse()
    return spans


def _known_ending(reg: Registry, text: str, start: int, end: int) -> tuple[int, Named] | None:
    """The longest known symbol or code that ends a word: "(US$", "Price:$", "SGD", "Rs.", "SGD$"."""
    found = _ending_currency(reg, text[start:end])
    return None if found is None else (start + found[0], found[1])


# letters run into a "$" (or "£", "¥") that name no currency: a dollar of a country the text leaves open
_UNKNOWN_SIGN = Named("symbol", (None,))


# the words before numbers repeat ("on", "about", "$"): each is read once
@functools.lru_cache(maxsize=4096)
def _ending_currency(reg: Registry, token: str) -> tuple[int, Named] | None:
    """`_known_ending` of one word: where in it the currency starts, and what it names."""
    for offset in range(max(0, len(token) - _LONGEST_KEY), len(token)):
        key = token[offset:]
        if offset and (token[offset - 1] == "/" or token[offset - 1].isalpha() and key[0].isalpha()):
            continue
        named = _lookup(reg, key, after=False)
        if named is None:
            continue
        prefix = token[:offset].lstrip(_OPENERS)
        code = reg.code(prefix)
        if named.generic and code is not None:
            return offset - len(prefix), code    # "SGD$4.90", "NZD$"
        if key in SHARED_SIGNS and 0 < len(prefix) <= 4 and prefix.isascii() and prefix.isalpha():
            return offset - len(prefix), _UNKNOWN_SIGN      # "XQ$40": some country's dollar, not the default's
        return offset, named
    return None


def _resolve(reg: Registry, text: str, currency: _Currency, options: Options) -> tuple[str | None, bool]:
    """The ISO code a currency stands for, and whether it was a shared symbol or word ("$", "dollars")."""
    default = options.default_currency
    if currency.special == "subunit":
        # "euro cents", "310 pence"; else the currency named nearby (_settle_subunits)
        if currency.named is not None:
            return currency.named.codes[0], False
        return SUBUNITS[text[currency.start:currency.end].lower()], False
    if currency.named is None:
        # coins, a grand and bucks are the local dollar
        return (default if reg.is_dollar(default) else "USD"), True
    if text[currency.start:currency.end] == "$":
        return default, True
    named = currency.named
    if not named.generic:
        return named.codes[0], False
    return reg.resolve(named, default), True


# --- numerals with their currencies --------------------------------------------------------------


@dataclass
class _Atom:
    numeral: _Numeral
    before: _Currency | None
    after: _Currency | None
    sign: int = 1
    sign_start: int | None = None

    @property
    def start(self) -> int:
        starts = [self.numeral.start]
        if self.before is not None:
            starts.append(self.before.start)
        if self.sign_start is not None:
            starts.append(self.sign_start)
        return min(starts)

    @property
    def end(self) -> int:
        return self.after.end if self.after is not None else self.numeral.end

    @property
    def has_currency(self) -> bool:
        return self.before is not None or self.after is not None

    @property
    def is_subunit(self) -> bool:
        return self.before is None and self.after is not None and self.after.special == "subunit"


def _numeral_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the numerals of `text` are, in order: a spoken decimal, digits, else number words. Where no
    digits start, numbers.numeral_pattern() can only read words (its digits are a narrower case of ours)."""
    words_at = numeral_pattern().match
    position = 0
    while found := _DIGITS_OR_START.search(text, position):
        start = found.start()
        if found.end() > start:
            yield start, found.end()
            position = found.end()
        elif words := words_at(text, start):
            yield start, words.end()
            position = words.end()
        else:
            position = start + 1


def _atoms(reg: Registry, text: str, options: Options) -> list[_Atom]:
    atoms: list[_Atom] = []
    read_to = 0
    for start, end in _numeral_spans(text):
        if start < read_to:
            continue                # "crore" of "3 lakh crore", read with the numeral before it
        if start >= 2 and text[start - 1] == "/" and text[start - 2].isdigit():
            continue                # the "2 million" of "1/2 million": no sum as written
        if start and text[start] in ".," and text[start - 1].isalpha():
            digits = _DIGITS_AFTER_STOP.match(text, start + 1)
            if digits is None:
                continue
            start, end = digits.span()  # "Rs.500": the abbreviation's full stop, not a decimal point
            read_to = end
        numeral = _read_numeral(text, start, end)
        if numeral is not None and (numeral.in_words or numeral.scale in _CRORE_COUNTS):
            numeral = _widened(text, atoms, numeral)
        if numeral is None:
            continue
        read_to = numeral.end
        if _PERCENT_AFTER.match(text, numeral.end):
            atoms.append(_Atom(numeral, None, None))      # "4.5%": a range end at most, never money
            continue
        before = _currency_before(reg, text, numeral)
        if before is not None and not _accept_before(text, numeral, before):
            before = None
        if before is not None and (crores := _CRORE_ABBREVIATION.match(text, numeral.end)):
            if reg.is_rupee(_resolve(reg, text, before, options)[0]):
                # "Rs 500 cr", "₹5 lakh cr": Indian business copy abbreviates the crore after a rupee sum
                numeral = replace(numeral, end=crores.end(), text=text[numeral.start:crores.end()],
                                  value=_tidy(numeral.value * 1e7), resolution=_tidy(numeral.resolution * 1e7),
                                  scale=numeral.scale * 1e7)
                read_to = numeral.end
        after = _currency_after(reg, text, numeral)
        if after is not None and not _accept_after(reg, text, numeral, after):
            after = None
        if after is not None and after.named is not None and after.factor != 1:
            # the scale written with the code ("30 EUR million", "12.5 mUSD") is the numeral's, for ranges too
            numeral = replace(numeral, value=_tidy(numeral.value * after.factor),
                              resolution=_tidy(numeral.resolution * after.factor), scale=after.factor)
            after = replace(after, factor=1.0)
        atoms.append(_Atom(numeral, before, after))
    atoms = sorted(atoms + _article_atoms(reg, text, atoms), key=lambda a: a.numeral.start)
    _settle_shared_tokens(atoms)
    for atom in atoms:
        _read_symbol_after_abbreviation(reg, text, atom)
        _read_sign(text, atom)
        if atom.before is not None and atom.after is not None:
            before, after = _resolve(reg, text, atom.before, options), _resolve(reg, text, atom.after, options)
            if before[0] != after[0] and not before[1] and not after[1]:
                atom.after = None    # two currencies that disagree ("€5 USD"): the one before the digits counts
    return atoms


def _widened(text: str, atoms: list[_Atom], numeral: _Numeral) -> _Numeral | None:
    """The numeral with the words around it that belong to it ("a quarter of a million", "2½ million",
    "two million, five hundred thousand", "1.5 lakh crore"), dropping the atoms read from those words;
    None where the words make it no number ("a few hundred")."""
    if numeral.in_words:
        if _BARE_SCALE.fullmatch(numeral.text):
            if _VAGUE_BEFORE.search(text, max(0, numeral.start - 16), numeral.start):
                return None         # "a few hundred dollars", "several thousand euros": no number as written
            numeral = _vulgar_fraction_before(text, numeral)
            if atoms and numeral.in_words and (counted := _counted_scale(text, atoms[-1], numeral)) is not None:
                atoms.pop()
                return counted
        numeral = _fraction_of(text, numeral)
        while atoms and atoms[-1].numeral.start >= numeral.start:
            atoms.pop()             # "a quarter" of "a quarter of a million", read again with it
        if atoms and (joined := _comma_joined(text, atoms[-1], numeral)) is not None:
            atoms.pop()
            numeral = joined
    if numeral.scale in _CRORE_COUNTS:
        numeral = _crores_of(text, numeral)
    return numeral


def _accept_before(text: str, numeral: _Numeral, currency: _Currency) -> bool:
    """Whether what stands before a numeral is its currency here ("EUR 20"), not a name ("Euro 2024")."""
    named = currency.named
    assert named is not None
    written = text[currency.start:currency.end]
    if named.kind != "symbol" and _YEAR.fullmatch(numeral.text):
        return False         # "Euro 2024", "EUR 2025 outlook"
    if named.kind in ("name", "head") and (written.lower() in AMBIGUOUS_HEADS or not _END.match(text, numeral.end)):
        # "won 3 games", "Euro 5 emissions": a name leads only a sum that ends the phrase ("ringgit 42")
        return False
    if (
        named.kind == "code" and currency.glued and written.lower() in _CODES_THAT_ARE_WORDS | _CODES_THAT_ARE_ACRONYMS
        and numeral.text.isdigit() and numeral.value < 100
    ):
        return False         # "COP28", "TOP10": a word or acronym run into a small whole number names a thing
    if len(written) == 1 and written.isascii() and written.isalpha():
        # a one-letter symbol ("R500 million", "K5m", "R1,250") only glued to a written-out sum,
        # so that "S500", "F-35" or "E100" stay the names of things
        written_out = numeral.scale > 1 or numeral.grouped or re.search(r"[.,]\d\d$", numeral.text) is not None
        return currency.glued and written_out
    return True


def _accept_after(reg: Registry, text: str, numeral: _Numeral, currency: _Currency) -> bool:
    """Whether a word after a numeral is its currency here, not an adjective or a weight."""
    written = text[currency.start:currency.end]
    if currency.special:
        if currency.hyphen:
            # "a 7-cent-a-share dividend", "a 10-cent stamp": the price; "a 10-dime" is no phrase
            return currency.special == "subunit" and written.lower() != "p"
        if written.lower() == "c":
            return bool(_END.match(text, currency.end))     # "10 c", "43c": not "5 c of ..."
        if written.lower() == "p":
            return _is_pence(text, numeral, currency)
        if written == "Cent":
            return False                                   # "50 Cent", the rapper
        if currency.special in ("coin", "grand"):
            plural = written.lower().endswith("s")
            return plural or numeral.value == 1 or _soft_end(text, currency.end)
        return True
    named = currency.named
    assert named is not None
    if named.kind == "code":
        # a lower-case code only at the end ("140,00 pln"), not "5 top officials"
        return not written.islower() or bool(_END.match(text, currency.end))
    if named.kind == "symbol":
        # a one-letter symbol ("R", "K", "S") never follows the digits: "5 K", "10 S" are other things
        one_letter = len(written) == 1 and written.isascii() and written.isalpha()
        return not one_letter and written not in NOT_AFTER_NUMBERS
    head = " ".join(written.lower().split()).rsplit(" ", 1)[-1].rstrip(".")
    scaled = numeral.scale > 1
    if _YEAR.fullmatch(numeral.text) and re.search(r"\bin[ \t]+$", text[max(0, numeral.start - 4):numeral.start]):
        return False                                       # "in 2015 dollars": a price level
    if named.kind == "head" and head in AMBIGUOUS_HEADS and not (scaled or numeral.grouped):
        return False                                       # "in 2020 won", "3 real problems"
    if named.kind == "head" and head in ("pound", "pounds") and not scaled:
        following = _NEXT_WORD.match(text, currency.end)
        if following and following.group(1).lower() == "of":
            return False                                   # "20 pounds of rice"
        if currency.hyphen:
            return False                                   # "a twenty-pound bag"
        if _weighs(text, numeral.start, currency.end):
            return False                                   # "he weighs 200 pounds", "200 pounds heavier"
    if currency.hyphen:
        return True                                        # "a 10-billion-dollar deal", "a 20-euro note"
    if _is_singular(reg, named, head) and not scaled:
        # "a 20 euro note", "one euro zone member": a singular name after a number modifies a noun,
        # unless the phrase ends there or cents follow ("one dollar a day", "20 dollar 43")
        return _soft_end(text, currency.end) or bool(_CENTS_AFTER.match(text, currency.end))
    return True


# a scale word after the code or symbol that follows the digits ("30 EUR million")
_SCALE_AFTER_CODE = re.compile(rf"[ \t]+({_SCALE_WORD}|bn|mn|mln|bln|tn|trn)\b", re.I)
# a scale's letters run into an ISO code: "mUSD", "MEUR", "kEUR", "bnUSD" (not "TEUR": German for a thousand)
_SCALED_CODE = re.compile(r"(k|K|m|M|mn|MM|bn)([A-Z]{3})")
# words that make "pounds" a weight in their sentence: "weighs 200 pounds", "a 300-pound weight"
_WEIGHT_BEFORE = re.compile(
    r"\b(?:weigh(?:s|ed|ing|t|ts|ty)?|heav(?:y|ier|iest)|overweight|obese|scales|lbs?|kilos?|kilograms?|kg)\b"
    r"[^.!?\n]{0,48}$", re.I)
_WEIGHT_AFTER = re.compile(r"[ \t]+(?:heavier|lighter|overweight|underweight|in weight|of (?:body )?weight)\b", re.I)


# a price between the weight word and the number: "the heavy bag costs 20 pounds" is money
_PRICE_WORDS = re.compile(r"\b(?:costs?|costing|paid|pays?|paying|price[sd]?|worth|spent|spend|charged?|fees?|fined?|sold|"
                          r"bought|earns?|earned|owes?|owed|raised?|won|wins|salary|wages?)\b", re.I)


def _weighs(text: str, start: int, end: int) -> bool:
    """Whether "pounds" at start-end weigh something, by the words of its sentence around it."""
    if _WEIGHT_AFTER.match(text, end):
        return True
    weight = _WEIGHT_BEFORE.search(text, max(0, start - 64), start)
    return bool(weight and not _PRICE_WORDS.search(text, weight.start(), start))


_CENTS_AFTER = re.compile(r"[ \t]+(?:and[ \t]+)?\d")
# the hundredths after "a dollar", in digits or words: "a dollar fifty", "a pound 20"
_CENTS_WORDS_AFTER = re.compile(rf"[ \t]+(?:and[ \t]+)?(?:\d{{1,2}}\b|(?:{_UNIT_WORD})\b)", re.I)
# pence run into digits ("99p", "12.5p"), not the lines of a picture ("720p", "1080p")
_PENCE_DIGITS = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_VIDEO_LINES = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})


def _is_pence(text: str, numeral: _Numeral, currency: _Currency) -> bool:
    return (
        currency.glued
        and numeral.scale == 1
        and bool(_PENCE_DIGITS.fullmatch(numeral.text))
        and numeral.text not in _VIDEO_LINES
        and not text.startswith("-", currency.end)      # "5p-3" of a score, "1p-gene"
    )


def _is_singular(reg: Registry, named: Named, head: str) -> bool:
    """Whether `head` is the singular of a name whose plural differs ("dollar", not "dollars" or "yen")."""
    currency = reg.currencies.get(named.codes[0] or "")
    if currency is None:
        return False
    one, other = currency.one.lower(), currency.other.lower()
    return one != other and head == one.rsplit(" ", 1)[-1]


def _soft_end(text: str, position: int) -> bool:
    """Whether the phrase ends at `position`: punctuation, the end, or a word no noun is ("a dollar a day")."""
    if _END.match(text, position):
        return True
    following = _NEXT_WORD.match(text, position)
    return bool(following and following.group(1).lower() in _FUNCTION_WORDS)


_SINGULAR_SPECIALS = frozenset({"cent", "penny", "sen", "kopiyka", "kopeck", "kopek", "paisa", "centime", "centavo",
                                "céntimo", "grosz", "dime", "nickel", "grand", "buck"})


def _article_atoms(reg: Registry, text: str, atoms: list[_Atom]) -> list[_Atom]:
    """"a dollar", "a penny", "a grand", "a dime": the article counts one before a singular name."""
    numeral_starts = {atom.numeral.start for atom in atoms}
    found: list[_Atom] = []
    for match in _ARTICLE.finditer(text):
        if match.start() in numeral_starts:
            continue
        numeral = _Numeral(match.start(), match.end(), match.group(0), 1.0, 1.0, 1.0, True, False)
        after = _currency_after(reg, text, numeral)
        if after is None or after.glued or after.hyphen:
            continue
        written = text[after.start:after.end].lower()
        if after.special:
            singular = written in _SINGULAR_SPECIALS
        else:
            assert after.named is not None
            head = written.rsplit(" ", 1)[-1]
            singular = after.named.kind in ("name", "head") and _is_singular(reg, after.named, head)
        if not singular:
            continue
        # "a dollar a day", "a penny!", "a dollar and 42 cents", "a dollar fifty"; not "a dollar shortage"
        if _soft_end(text, after.end) or _CENTS_WORDS_AFTER.match(text, after.end):
            found.append(_Atom(numeral, None, after))
    return found


def _settle_shared_tokens(atoms: list[_Atom]) -> None:
    """A currency between two numerals belongs to one: "10 USD 20" to the first, "2024 $4.5bn" to the second."""
    for left, right in zip(atoms, atoms[1:]):
        if left.after is None or right.before is None or left.after.end <= right.before.start:
            continue
        symbol = left.after.named is not None and left.after.named.kind == "symbol"
        if right.after is not None and left.before is None:
            to_left = True           # "3,49 zł 1,75 zł": the second has its own
        elif left.before is not None and right.after is None:
            to_left = False          # "$5 $6"
        else:
            to_left = not (symbol and (right.before.glued or not left.after.glued))
        if to_left:
            right.before = None
        else:
            left.after = None


def _read_symbol_after_abbreviation(reg: Registry, text: str, atom: _Atom) -> None:
    """"1 T$" is a Tongan paʻanga and "1 B/." a balboa, not a trillion or a billion of something."""
    numeral = atom.numeral
    if numeral.scale == 1 or numeral.in_words:
        return
    match = re.search(rf"([ \t]?)({_SCALE_ABBR})$", numeral.text)
    if not match:
        return
    letter_start = numeral.start + match.start(2)
    token = _TOKEN.match(text, letter_start)
    if not token:
        return
    for key, cut in _trimmed(token.group(0)):
        if len(key) <= len(match.group(2)):
            continue
        named = reg.symbol(key)
        parsed = parse_number(numeral.text[:match.start()]) if named is not None else None
        if named is not None and parsed is not None:
            atom.numeral = replace(numeral, end=numeral.start + match.start(), text=numeral.text[:match.start()],
                                   value=parsed.value, resolution=parsed.resolution, scale=1.0)
            atom.after = _Currency(letter_start, letter_start + len(key) + cut, named, glued=not match.group(1))
            return


def _read_sign(text: str, atom: _Atom) -> None:
    """"-$5m", "-15€", "$-99.99", "minus $5 million"; not the dash of a list or of a range."""
    start = atom.start
    if start and text[start - 1] == "-" and (start < 2 or text[start - 2] in " \t\n(["):
        atom.sign, atom.sign_start = -1, start - 1
        return
    numeral_start = atom.numeral.start
    if atom.before is not None and atom.before.end < numeral_start and text[numeral_start - 1] == "-":
        atom.sign = -1
        return
    minus = _MINUS_BEFORE.search(text, max(0, start - 12), start)
    if minus:
        atom.sign, atom.sign_start = -1, minus.start(0)


# --- amounts --------------------------------------------------------------------------------------


@dataclass
class _Amount:
    start: int
    end: int
    value: float
    resolution: float
    currency: str | None
    qualifier: Qualifier = Qualifier.EXACT
    low: float | None = None
    high: float | None = None
    subunit: str = ""       # a count of sub-units ("cents", "p"), until _settle_subunits reads it in its unit


@dataclass(frozen=True)
class _Money:
    """An atom's sum: its value in the currency, and that currency."""

    value: float
    resolution: float
    currency: str | None
    generic: bool


def _money(reg: Registry, text: str, atom: _Atom, options: Options) -> _Money | None:
    """The value and currency of an atom, or None when it names no currency."""
    if not atom.has_currency:
        return None
    code, generic = _choose_currency(reg, text, atom, options)
    numeral = atom.numeral
    factor = atom.after.factor if atom.after is not None and atom.before is None else 1.0
    value, resolution = numeral.value, numeral.resolution
    if code is not None and re.fullmatch(r"\d{1,3}\.\d{3}", numeral.text):
        currency = reg.currencies.get(code)
        if currency is not None and currency.decimal == ",":
            value, resolution = float(numeral.text.replace(".", "")), 1.0     # "Rp 31.500", "1.727 Ft"
    # products such as 3 dimes x 0.1 are tidied to the digits they were written with
    return _Money(_tidy(atom.sign * value * factor), _tidy(resolution * factor), code, generic)


def _tidy(number: float) -> float:
    # 15 significant digits: as many as a float holds exactly, and the products' binary noise gone
    # (4.1 x 1e9 is 4099999999.9999995 in floats, written 4.1 billion)
    return float(f"{number:.15g}")


def _choose_currency(reg: Registry, text: str, atom: _Atom, options: Options) -> tuple[str | None, bool]:
    """One currency from what stands before and after: the specific one wins ("$1,190.00 AUD" is AUD)."""
    chosen: tuple[str | None, bool] | None = None
    if atom.before is not None:
        chosen = _resolve(reg, text, atom.before, options)
    if atom.after is not None:
        after = _resolve(reg, text, atom.after, options)
        if chosen is None or (chosen[1] and not after[1]):
            chosen = after
    assert chosen is not None
    code, generic = chosen
    if generic:
        named = (atom.before or atom.after).named  # type: ignore[union-attr]
        codes = named.codes if named is not None else (code,)
        adjective = _adjective_currency(reg, text, atom, codes)
        if adjective is not None:
            return adjective, False
    return code, generic


_WORD_BEFORE = re.compile(r"((?:[^\W\d_][\w.]*[ \t]+)?[^\W\d_][\w.]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*)?)")


def _adjective_currency(reg: Registry, text: str, atom: _Atom, codes: tuple[str | None, ...]) -> str | None:
    """A country adjective naming which of `codes`: "Canadian $5 million", "$80 U.S.", "US$"."""
    def pick(words: str) -> str | None:
        key = " ".join(words.lower().replace(".", "").split())
        for candidate in (key, key.split(" ", 1)[-1]):
            for code in reg.adjectives.get(candidate, {}).values():
                if code in codes:
                    return code
        return None

    first = atom.before or atom.after
    assert first is not None
    before = _WORD_BEFORE.search(text, max(0, first.start - 30), first.start)
    if before and (code := pick(before.group(1))):
        return code
    end = atom.end
    after = _WORD_AFTER.match(text, end)
    if after and _END.match(text, after.end()) and (code := pick(after.group(1))):
        return code
    return None


def _range(reg: Registry, text: str, low: _Atom, high: _Atom, options: Options) -> _Amount | None:
    """"$3-4 billion", "$3bn-$4bn", "$3 billion to $4 billion", "between $3 billion and $4 billion", "10-20 dollars"."""
    gap = _RANGE_GAP.fullmatch(text, low.end, high.start)
    # sub-units make a range with sub-units or a bare number ("5-10 cents", "5p-10p"), not with "$20"
    subunits = high.is_subunit and (low.is_subunit or not low.has_currency)
    if gap is None or not (low.has_currency or high.has_currency) or (
        (low.is_subunit or high.is_subunit) and not subunits
    ):
        return None
    connector = (gap.group(1) or "-").lower()
    opener = _RANGE_OPENER.search(text, max(0, low.start - 10), low.start)
    if opener and opener.group(1).lower() == "from" and connector == "-":
        opener = None               # "range from $3-4 billion": the hyphen makes the range
    if opener and opener.group(1).lower() == "from" and _change_before_from().search(
        text, max(0, opener.start() - 40), low.start
    ):
        return None                 # "rose from $10 to $20": two amounts, not a span
    if connector == "and" and opener is None:
        return None
    if (
        connector == "to" and opener is None and low.has_currency and high.has_currency
        and _change_right_before().search(text, max(0, low.start - 40), low.start)
    ):
        return None                 # "fell 4p to 180p": the change, then the level (but "raised 3 to 4 billion dollars")
    first, second = _money(reg, text, low, options), _money(reg, text, high, options)
    if first and second and first.currency != second.currency and not (first.generic or second.generic):
        return None
    lo_value, lo_resolution = (first.value, first.resolution) if first else _bare(low)
    hi_value, hi_resolution = (second.value, second.resolution) if second else _bare(high)
    if low.numeral.scale == 1 and high.numeral.scale > 1:
        lo_value = _tidy(lo_value * high.numeral.scale)     # "$3-4 billion", "7-9 lakh rupees"
        lo_resolution = _tidy(lo_resolution * high.numeral.scale)
    elif not high.has_currency and high.numeral.scale == 1 and (
        connector == "to" and opener is None or low.numeral.scale > 1
    ):
        return None                 # "$10 to 20 people", "$3 billion-4"
    if not lo_value < hi_value:
        return None
    money = [m for m in (first, second) if m is not None]
    specific = [m for m in money if not m.generic] or money
    return _Amount(
        start=opener.start(1) if opener else low.start,
        end=high.end,
        value=lo_value,
        resolution=max(lo_resolution, hi_resolution),
        currency=specific[0].currency,
        qualifier=Qualifier.RANGE,
        low=lo_value,
        high=hi_value,
        subunit=text[high.after.start:high.after.end].lower() if subunits and high.after else "",
    )


def _bare(atom: _Atom) -> tuple[float, float]:
    """Value and resolution of a range end written without its currency ("$3-4 billion": the 4 billion)."""
    return _tidy(atom.sign * atom.numeral.value), _tidy(atom.numeral.resolution)


def _with_cents(reg: Registry, text: str, whole: _Atom, part: _Atom, options: Options) -> _Amount | None:
    """"$20 and 43 cents", "20 dollars 43", "3 GBP 1 pence", "US$3 and fourteen": a whole sum and its hundredths."""
    if whole.is_subunit or whole.numeral.scale > 1 or not re.fullmatch(r"\d{1,9}|[a-zA-Z -]+", whole.numeral.text):
        return None
    if part.before is not None or part.numeral.scale > 1 or not 0 <= part.numeral.value < 100:
        return None
    if part.numeral.value != int(part.numeral.value) or not re.fullmatch(r"\d{1,2}|[a-zA-Z -]+", part.numeral.text):
        return None
    if not _SUBUNIT_GAP.fullmatch(text, whole.end, part.numeral.start):
        return None
    if part.after is not None:
        if part.after.special != "subunit":
            return None
        end = part.after.end
    elif _END.match(text, part.numeral.end):
        end = part.numeral.end      # "$20 43": spoken prices leave the cents unnamed
    else:
        return None
    money = _money(reg, text, whole, options)
    if money is None:
        return None
    value = money.value + math.copysign(part.numeral.value / _minor_units(reg, money.currency), money.value or 1)
    return _Amount(whole.start, end, value, 0.01, money.currency)


def _single(reg: Registry, text: str, atom: _Atom, options: Options) -> _Amount | None:
    money = _money(reg, text, atom, options)
    if money is None:
        return None
    amount = _Amount(atom.start, atom.end, money.value, money.resolution, money.currency)
    if atom.is_subunit:
        assert atom.after is not None
        amount.subunit = text[atom.after.start:atom.after.end].lower()
    return amount


def _minor_units(reg: Registry, code: str | None) -> float:
    """How many sub-units make the currency's unit: 10 to its minor-unit digits (CLDR's record of ISO 4217),
    a hundred where the unit has none in use today (yen, won) or the currency is unknown."""
    currency = reg.currencies.get(code or "")
    return 10.0 ** (currency.digits if currency and currency.digits else 2)


# where a sentence ends between two sums: a stop, then a space and a capital, or a blank line
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+[\"'(]?[A-Z]|\n[ \t]*\n")


def _settle_subunits(reg: Registry, text: str, amounts: list[_Amount], default: str) -> None:
    """Counts of sub-units in their main unit: "310 pence" is 3.10 GBP; "18.5 cents" is of the currency of
    the nearest sum of the same sentence ("the euro rose 0.3 cents to $1.08": US cents), else of the
    default currency; a sub-unit that names no currency and finds none stays without one."""
    for index, amount in enumerate(amounts):
        if not amount.subunit:
            continue
        if amount.currency is None:
            amount.currency = _nearby_currency(text, amounts, index)
            if amount.currency is None and amount.subunit in CENT_LIKE:
                amount.currency = default
        ratio = _minor_units(reg, amount.currency)
        amount.value, amount.resolution = _tidy(amount.value / ratio), _tidy(amount.resolution / ratio)
        amount.low = None if amount.low is None else _tidy(amount.low / ratio)
        amount.high = None if amount.high is None else _tidy(amount.high / ratio)


def _nearby_currency(text: str, amounts: list[_Amount], index: int) -> str | None:
    here = amounts[index]
    candidates = [
        other for other in amounts
        if other.currency is not None and not other.subunit
        and not _SENTENCE_BREAK.search(text, min(other.end, here.end), max(other.start, here.start))
    ]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda other: abs(other.start - here.start))
    return nearest.currency


def _qualify(text: str, amount: _Amount, floor: int) -> None:
    """The words before and after that bound or soften the amount, the parentheses of an accounting minus."""
    before = _QUALIFIER_BEFORE.search(text, max(floor, amount.start - 24), amount.start)
    if before:
        preceding = _WORD_ENDING.search(text, max(0, before.start(1) - 24), before.start(1))
        phrase = " ".join(before.group(1).lower().split())
        exceptions = _NOT_A_QUALIFIER.get(phrase, frozenset())
        if preceding and preceding.group(1).lower() in exceptions:
            before = None
    if before:
        amount.start = before.start(1)
        qualifier = qualifier_of(phrase)
        if amount.qualifier != Qualifier.RANGE:
            amount.qualifier = qualifier
    elif amount.qualifier != Qualifier.RANGE:
        after = _QUALIFIER_AFTER.match(text, amount.end)
        if after:
            amount.end = after.end()
            amount.qualifier = qualifier_of(after.group(1)) if after.group(1) else Qualifier.GT
    if amount.qualifier in (Qualifier.GT, Qualifier.GE):
        amount.low = amount.value
    elif amount.qualifier in (Qualifier.LT, Qualifier.LE):
        amount.high = amount.value
    if (
        amount.qualifier != Qualifier.RANGE
        and text.startswith(")", amount.end)
        and _ACCOUNTING_BEFORE.search(text, max(floor, amount.start - 12), amount.start)
    ):
        amount.start -= 1
        amount.end += 1
        amount.value = -abs(amount.value)


def _assemble(reg: Registry, text: str, atoms: list[_Atom], options: Options) -> list[_Amount]:
    amounts: list[_Amount] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        amount = None
        if following is not None:
            amount = _range(reg, text, atom, following, options) or _with_cents(reg, text, atom, following, options)
            if amount is not None:
                index += 1
        if amount is None:
            amount = _single(reg, text, atom, options)
        index += 1
        if amount is None:
            continue
        floor = amounts[-1].end if amounts else 0
        _qualify(text, amount, floor)
        amounts.append(amount)
    _settle_subunits(reg, text, amounts, options.default_currency)
    return amounts


def extract(doc: Document, options: Options) -> Iterable[Claim]:
    """The sums of money in `doc`, in text order."""
    reg = registry()
    text = doc.norm
    for amount in _assemble(reg, text, _atoms(reg, text, options), options):
        if doc.is_taken(amount.start, amount.end):
            continue
        value = AmountValue(
            amount=amount.value,
            currency=amount.currency,
            qualifier=amount.qualifier,
            low=amount.low,
            high=amount.high,
            resolution=amount.resolution,
        )
        yield make_claim(doc, "amount", amount.start, amount.end, value)
