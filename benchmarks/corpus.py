"""News-like texts written for the benchmarks (our own sentences, not the seed article's).

`source_and_draft(words)` gives a source article and a draft written from it, each of about
`words` words, dense in the claims factcheck reads: sums of money in several currencies and
forms, terms, dates, counts and places. The draft restates the source's facts in other
words and changes some of the values, as a hurried rewrite would. Seeded: the same texts
every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

GIVERS = [
    ("Japan", "Tokyo", "Japanese"), ("Germany", "Berlin", "German"), ("France", "Paris", "French"),
    ("Canada", "Ottawa", "Canadian"), ("Italy", "Rome", "Italian"), ("Norway", "Oslo", "Norwegian"),
    ("Australia", "Canberra", "Australian"), ("Spain", "Madrid", "Spanish"), ("Poland", "Warsaw", "Polish"),
    ("Sweden", "Stockholm", "Swedish"), ("the Netherlands", "The Hague", "Dutch"), ("Denmark", "Copenhagen", "Danish"),
]
RECEIVERS = [
    ("Ukraine", "Kyiv"), ("Moldova", "Chisinau"), ("Kenya", "Nairobi"), ("Jordan", "Amman"),
    ("Bangladesh", "Dhaka"), ("Peru", "Lima"), ("Ghana", "Accra"), ("Vietnam", "Hanoi"),
]
PLACES = [
    ("Bari", "Italy"), ("Lyon", "France"), ("Hamburg", "Germany"), ("Osaka", "Japan"), ("Geneva", "Switzerland"),
    ("Vienna", "Austria"), ("Brussels", "Belgium"), ("Seville", "Spain"), ("Krakow", "Poland"), ("Bergen", "Norway"),
]
PURPOSES = [
    "reconstruction of power plants", "demining of farmland", "air defence", "grain shipments",
    "rebuilding schools", "repairing the rail network", "water treatment", "emergency housing",
    "training border guards", "restoring hospitals",
]
COUNTED = [
    ("agreements", "deals"), ("projects", "schemes"), ("engineers", "specialists"), ("ambulances", "ambulances"),
    ("generators", "generators"), ("schools", "schools"), ("bridges", "bridges"), ("nations", "countries"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty"]
NUMBER_VALUES = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20]


@dataclass(frozen=True)
class Fact:
    giver: tuple[str, str, str]
    receiver: tuple[str, str]
    purpose: str
    billions: float          # the sum, in billions
    currency: str            # "$", "€", "£", "¥"
    years: int               # the term of the programme
    month: int
    day: int
    year: int
    weekday: str
    counted: tuple[str, str]
    count: int
    place: tuple[str, str]


def _fact(rng: random.Random) -> Fact:
    return Fact(
        giver=rng.choice(GIVERS), receiver=rng.choice(RECEIVERS), purpose=rng.choice(PURPOSES),
        billions=rng.choice([0.3, 0.45, 1.2, 2.5, 4.5, 7.8, 12.1, 15, 21.6, 40]),
        currency=rng.choice(["$", "$", "€", "£", "¥"]), years=rng.choice([2, 3, 5, 10, 15]),
        month=rng.randrange(12), day=rng.randrange(1, 29), year=rng.choice([2022, 2023, 2024]),
        weekday=rng.choice(WEEKDAYS), counted=rng.choice(COUNTED), count=rng.randrange(len(NUMBER_VALUES)),
        place=rng.choice(PLACES),
    )


def _money(billions: float, currency: str, style: int) -> str:
    if currency == "¥":
        billions *= 150     # yen sums are written larger
    if style == 0:
        return f"{currency}{billions:g} billion" if billions >= 1 else f"{currency}{billions * 1000:g} million"
    if style == 1:
        return f"{currency}{billions:g}bn" if billions >= 1 else f"{currency}{billions * 1000:g}m"
    names = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
    return f"{billions * 1000:,.0f} million {names[currency]}"


def source_sentences(fact: Fact) -> list[str]:
    giver, capital, demonym = fact.giver
    receiver, receiver_capital = fact.receiver
    month = MONTHS[fact.month]
    return [
        f"{giver} pledged {_money(fact.billions, fact.currency, 0)} to {receiver} on {fact.day} {month} {fact.year} "
        f"for {fact.purpose}, under a {fact.years}-year programme signed in {fact.place[0]}, {fact.place[1]}.",
        f"{demonym} officials said on {fact.weekday} that {NUMBER_WORDS[fact.count]} {fact.counted[0]} had already "
        f"been sent to {receiver_capital}, and that about {fact.billions * 0.2:g} billion more would follow.",
        f"The money adds to more than {_money(fact.billions * 2, fact.currency, 1)} that {capital} has committed "
        f"since {fact.year - 2}, a spokesperson told reporters in {fact.place[0]}.",
    ]


def draft_sentences(fact: Fact, rng: random.Random) -> list[str]:
    giver, capital, demonym = fact.giver
    receiver, receiver_capital = fact.receiver
    changed = rng.random() < 0.3          # a slip in the rewrite
    billions = fact.billions * (1000 if changed and rng.random() < 0.5 else 1) / (1000 if changed else 1)
    years = fact.years + (1 if changed else 0)
    count = NUMBER_VALUES[fact.count] + (2 if changed else 0)
    return [
        f"{capital} will give {receiver} {_money(billions, fact.currency, rng.randrange(3))} for "
        f"{fact.purpose} over {years} years, in a pact agreed in {fact.place[0]} in {MONTHS[fact.month]} {fact.year}.",
        f"By {fact.weekday}, {count} {fact.counted[1]} had reached {receiver_capital}, {demonym} officials said.",
    ]


def _words(sentences: list[str]) -> int:
    return sum(len(sentence.split()) for sentence in sentences)


def source_and_draft(words: int = 1000, seed: int = 2024) -> tuple[str, str]:
    """A source article and a draft from it, each of about `words` words."""
    rng = random.Random(seed)
    source: list[str] = []
    draft: list[str] = []
    while _words(source) < words or _words(draft) < words:
        fact = _fact(rng)
        if _words(source) < words:
            source.extend(source_sentences(fact))
        if _words(draft) < words:
            draft.extend(draft_sentences(fact, rng))
    return _paragraphs(source), _paragraphs(draft)


def article(words: int, seed: int = 7) -> str:
    """A source-style text of about `words` words (for scaling runs), built a paragraph at a time."""
    rng = random.Random(seed)
    sentences: list[str] = []
    count = 0
    while count < words:
        batch = source_sentences(_fact(rng))
        sentences.extend(batch)
        count += _words(batch)
    return _paragraphs(sentences)


def _paragraphs(sentences: list[str]) -> str:
    return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"
