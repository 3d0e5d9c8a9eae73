"""Quote claims: which quotation marks quote, who said the words, and the verdicts against the source's words."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.models import QuoteValue, Speaker, Verdict
from factcheck.testing import _forms as forms

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "japan-ukraine-security-agreement.txt"


def quotes(text: str) -> list[QuoteValue]:
    return [claim.value for claim in factcheck.extract_claims(text) if claim.kind == "quote"]


def texts(text: str) -> list[str]:
    return [value.text for value in quotes(text)]


def speaker(text: str) -> str | None:
    found = quotes(text)
    assert len(found) == 1, found
    return found[0].speaker.name if found[0].speaker is not None else None


# --- quotation marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("opening, closing", [
    ('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ("'", "'"), ("\u2018", "\u2019"),
    ("\u00bb", "\u00ab"),
])
def test_every_quotation_mark_style_quotes(opening: str, closing: str) -> None:
    text = f"The mayor called the plan {opening}a careful compromise{closing} on the radio."
    assert texts(text) == ["a careful compromise"]
    claim = next(c for c in factcheck.extract_claims(text) if c.kind == "quote")
    assert claim.text == "a careful compromise"   # the span is the words inside the marks


@pytest.mark.parametrize("text", [
    "The club's owner said it was the city's best season.",
    "They don't think the players' union will agree.",
    "The band played rock 'n' roll hits from the '90s and the '80s.",
    "The countries' leaders met O'Neill in the morning.",
    "It's what the fans haven't seen since the '70s.",
])
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert texts(text) == []


def test_single_quotes_around_words_beside_apostrophes() -> None:
    text = "The coach's view: the team is 'nowhere near ready', and the players' mood is grim."
    assert texts(text) == ["nowhere near ready"]


def test_a_quote_inside_a_quote_is_part_of_it() -> None:
    assert texts("\"Our captain told us 'never again' after the final,\" the striker said.") == [
        "Our captain told us 'never again' after the final"]
    assert texts("'The minister said \"not yet\" to us,' an aide said.") == ["The minister said \"not yet\" to us"]


def test_a_quote_stops_at_its_paragraph_unless_the_next_opens_with_a_mark() -> None:
    assert texts('He said "the bridge is shut.\n\nBuses run as usual.') == []
    two = '"We will rebuild the harbour. It will take time.\n\n"Nobody will be left behind," the mayor said.'
    assert texts(two) == ["We will rebuild the harbour. It will take time.", "Nobody will be left behind"]


def test_the_quoted_words_lose_the_comma_the_sentence_put_inside_the_marks() -> None:
    assert texts('"The harbour reopens soon," Hill said.') == ["The harbour reopens soon"]
    assert texts('Hill said: "The harbour reopens soon."') == ["The harbour reopens soon."]


def test_a_quote_holds_the_claims_inside_it() -> None:
    claims = factcheck.extract_claims('"The city will spend $40 million on the harbour in 2025," Hill said.')
    kinds = [claim.kind for claim in claims]
    assert "quote" in kinds and "amount" in kinds and "date" in kinds
    quote = next(claim for claim in claims if claim.kind == "quote")
    amount = next(claim for claim in claims if claim.kind == "amount")
    assert quote.span.start <= amount.span.start < amount.span.end <= quote.span.end


# --- block quotes --------------------------------------------------------------------------------------


def test_a_block_quote_is_one_quote_with_its_speaker_line() -> None:
    text = "The mayor spoke at the harbour.\n\n> We will rebuild the quay.\n> Nobody will be left behind.\n> — Sara Hill\n"
    assert quotes(text) == [QuoteValue(text="We will rebuild the quay. Nobody will be left behind.",
                                       speaker=Speaker(name="Sara Hill", type="person"))]


def test_a_block_quote_introduced_by_a_colon_takes_the_speaker_of_the_line_before() -> None:
    text = "Mayor Sara Hill wrote on her blog:\n\n> The quay will be rebuilt stone by stone.\n"
    assert quotes(text) == [QuoteValue(text="The quay will be rebuilt stone by stone.",
                                       speaker=Speaker(name="Sara Hill", type="person"))]


def test_a_block_quote_with_quotation_marks_quotes_only_what_they_mark() -> None:
    assert texts('> "The quay will be rebuilt," Hill said at the harbour.') == ["The quay will be rebuilt"]


# --- speakers -----------------------------------------------------------------------------------------

SPEAKERS = [
    ('"The quay will be rebuilt," Sara Hill said.', "Sara Hill"),
    ('"The quay will be rebuilt," said Mayor Sara Hill.', "Sara Hill"),
    ('Sara Hill said: "The quay will be rebuilt."', "Sara Hill"),
    ('According to Sara Hill, "the quay will be rebuilt".', "Sara Hill"),
    ('"The quay will be rebuilt," Sara Hill wrote on X.', "Sara Hill"),
    ('Sara Hill told reporters: "The quay will be rebuilt."', "Sara Hill"),
    ('"The quay will be rebuilt," Sara Hill told reporters on Monday.', "Sara Hill"),
    ("'The quay will be rebuilt,' Sara Hill added.", "Sara Hill"),
    ('Sara Hill, who spoke in the rain, said: "The quay will be rebuilt."', "Sara Hill"),
    ('Sara Hill hailed the "careful and fair compromise" reached overnight.', "Sara Hill"),
    ('"The quay will be rebuilt." Hill said.', "Hill"),
    # he/she: the person named last; "the mayor": the person the text gave that title
    ('Mayor Sara Hill visited the quay. "It will be rebuilt," she added.', "Sara Hill"),
    ('Mayor Sara Hill visited the quay with Tom Reed. "It will be rebuilt," the mayor said.', "Sara Hill"),
    ("Ukrainian President Volodymyr Zelensky met donors. \"We are grateful to every one of you,\" the president said.",
     "Volodymyr Zelensky"),
    # a surname refers back to the full name
    ('Mayor Ann Cole named her team. "We are ready for anyone," Cole said.', "Ann Cole"),
    # an organisation, and a speaker the text does not name
    ('"Deliveries will resume next week," Acme Holdings Ltd said in a statement.', "Acme Holdings Ltd"),
    ('"Deliveries will resume next week," a company spokesperson said.', "a company spokesperson"),
    ("\"Deliveries will resume next week,\" Hill's spokesperson said.", "Hill's spokesperson"),
    # an apposition, a colon, a dash
    ('"The quay will be rebuilt," Sara Hill, 55, said.', "Sara Hill"),
    ('"The quay will be rebuilt," Sara Hill, the mayor of the town, told reporters.', "Sara Hill"),
    ('Sara Hill: "The quay will be rebuilt."', "Sara Hill"),
    ('"The quay will be rebuilt." - Sara Hill', "Sara Hill"),
    ('"The quay will be rebuilt," Sara Hill tells reporters.', "Sara Hill"),
    ('Japanese Prime Minister Fumio Kishida spoke first. "We stand together," the Japanese prime minister said.',
     "Fumio Kishida"),
    ('"We stand together," the Japanese prime minister said.', "the prime minister of Japan"),
]


@pytest.mark.parametrize("text, name", SPEAKERS, ids=[text[:50] for text, _ in SPEAKERS])
def test_the_speaker_in_each_form(text: str, name: str) -> None:
    assert speaker(text) == name


def test_a_quote_with_no_attribution_goes_on_with_its_paragraphs_speaker() -> None:
    text = '"The quay will be rebuilt," Hill said. "Nobody will be left behind."\n\n"Another paragraph."'
    assert [value.speaker.name if value.speaker else None for value in quotes(text)] == ["Hill", "Hill", None]


def test_he_added_is_the_speaker_named_last() -> None:
    text = ('"We will rebuild the quay," Sara Hill said.\n\nTom Reed, her deputy, spoke later.\n\n'
            '"The harbour is our future," he added.')
    assert [value.speaker.name for value in quotes(text)] == ["Sara Hill", "Tom Reed"]


def test_scare_quotes_have_no_speaker() -> None:
    assert quotes('Sara Hill called the plan "historic".') == [QuoteValue(text="historic", speaker=None)]
    assert quotes('"Unwavering support," Hill said.') == [QuoteValue(text="Unwavering support", speaker=None)]


def test_no_speaker_when_nobody_says_it() -> None:
    assert speaker('The report was titled "A harbour for the next century" and ran long.') is None


# --- verdicts -----------------------------------------------------------------------------------------

SOURCE = """Mayor Sara Hill opened the rebuilt quay on Monday.

"Nobody in this town will be left behind, and the harbour will be busier than ever," Hill said, thanking
the port workers for their "quiet heroism".

Her deputy, Tom Reed, was more cautious. "The money is not there yet for the second phase," he told reporters.

Hill said the town would apply for national funds before the summer. The quay cost $12 million.
"""


def check(draft: str, source: str = SOURCE) -> list[tuple[Verdict, str]]:
    return [(claim.verdict, claim.reason) for claim in factcheck.check(draft, source=source).claims
            if claim.kind == "quote"]


def verdicts(draft: str, source: str = SOURCE) -> list[Verdict]:
    return [verdict for verdict, _ in check(draft, source)]


@pytest.mark.parametrize("draft", [
    '"Nobody in this town will be left behind, and the harbour will be busier than ever," Hill said.',
    # case, whitespace and punctuation at the ends do not count; a quote may stop mid-sentence
    '"nobody in this town will be left   behind," Mayor Hill said.',
    'Hill said "the harbour will be busier than ever."',
    # an ellipsis for words left out, brackets for words the writer put in
    '"Nobody in this town will be left behind ... the harbour will be busier than ever," Hill said.',
    '"Nobody in this town will be left behind\u2026 the harbour will be busier than ever," Hill said.',
    '"Nobody in [Port Ellen] will be left behind," Hill said.',
    '"[The] money is not there yet," Reed told reporters.',
])
def test_words_the_source_quotes_are_supported(draft: str) -> None:
    assert verdicts(draft) == [Verdict.SUPPORTED]


def test_a_changed_word_is_contradicted_and_the_reason_shows_it() -> None:
    [(verdict, reason)] = check('"Nobody in this city will be left behind," Hill said.')
    assert verdict == Verdict.CONTRADICTED
    assert reason == 'the source says "this town will", not "this city will"'


def test_a_word_dropped_or_added_without_an_ellipsis_is_contradicted() -> None:
    [(verdict, reason)] = check('"The money is there yet for the second phase," Reed said.')
    assert verdict == Verdict.CONTRADICTED and '"is not there"' in reason and '"is there"' in reason
    [(verdict, reason)] = check('"The money is not really there yet for the second phase," Reed said.')
    assert verdict == Verdict.CONTRADICTED and '"not really there"' in reason


def test_a_two_word_misquote_is_contradicted_and_a_scare_quote_present_is_supported() -> None:
    [(verdict, reason)] = check('Hill thanked the port workers for their "silent heroism".')
    assert verdict == Verdict.CONTRADICTED
    assert reason == 'the source says "quiet heroism", not "silent heroism"'
    assert verdicts('Hill praised the workers\' "quiet heroism".') == [Verdict.SUPPORTED]
    # presence only: a scare quote of the source's own words is supported, whoever the draft has say them
    assert verdicts('Reed spoke of "the second phase".') == [Verdict.SUPPORTED]


def test_words_the_source_never_has_are_not_found() -> None:
    assert verdicts('"We have built a monument to the sea," Hill said.') == [Verdict.NOT_FOUND]
    assert verdicts('The mayor called it "magnificent".') == [Verdict.NOT_FOUND]
    # an unrelated two-word quote sharing one word is no misquote
    assert verdicts('Critics spoke of "quiet despair" in the town.') == [Verdict.NOT_FOUND]


def test_the_right_words_given_to_the_wrong_person_are_contradicted_naming_both() -> None:
    [(verdict, reason)] = check('"The money is not there yet for the second phase," Hill said.')
    assert verdict == Verdict.CONTRADICTED
    assert reason == "the source gives these words to Tom Reed, not to Hill"
    # a speaker the draft does not name is held against no one
    assert verdicts('"The money is not there yet," an official said.') == [Verdict.SUPPORTED]


def test_he_added_in_the_draft_is_the_speaker_named_last() -> None:
    draft = 'Tom Reed spoke after the mayor. "The harbour will be busier than ever," he added.'
    [(verdict, reason)] = check(draft)
    assert verdict == Verdict.CONTRADICTED and "Sara Hill" in reason and "Tom Reed" in reason


def test_words_the_source_states_without_quotation_marks_need_the_same_speaker() -> None:
    # "Hill said the town would apply for national funds": Hill's words, reported
    assert verdicts('Hill said the town "would apply for national funds".') == [Verdict.SUPPORTED]
    [(verdict, reason)] = check('Tom Reed said the town "would apply for national funds".')
    assert verdict == Verdict.NOT_FOUND and "Sara Hill" in reason and "without quotation marks" in reason
    # the source's own voice is nobody's quotation
    [(verdict, reason)] = check('"The quay cost $12 million," Hill said.')
    assert verdict == Verdict.NOT_FOUND and "own voice" in reason


def test_a_fact_sheet_source_judges_quotes_as_the_article_does(tmp_path: Path) -> None:
    path = tmp_path / "sheet.yaml"
    path.write_text(factcheck.dump_facts(factcheck.extract_facts(SOURCE)), encoding="utf-8")
    sheet = factcheck.load_facts(path)
    quote_facts = [fact for fact in sheet.facts if fact.kind == "quote"]
    assert [fact.value.speaker.name if fact.value.speaker else None for fact in quote_facts] == [
        "Sara Hill", None, "Tom Reed"]
    for draft, expected in [
        ('"Nobody in this town will be left behind," Hill said.', Verdict.SUPPORTED),
        ('"Nobody in this city will be left behind," Hill said.', Verdict.CONTRADICTED),
        ('"The money is not there yet," Hill said.', Verdict.CONTRADICTED),
        ('"We have built a monument to the sea," Hill said.', Verdict.NOT_FOUND),
    ]:
        report = factcheck.check(draft, source=sheet)
        [claim] = [claim for claim in report.claims if claim.kind == "quote"]
        assert claim.verdict == expected, (draft, claim.reason)
        if claim.evidence is not None:
            assert claim.evidence.text in SOURCE


def test_evidence_is_the_source_sentence() -> None:
    report = factcheck.check('"The money is not there yet," Reed said.', source=SOURCE)
    [claim] = [claim for claim in report.claims if claim.kind == "quote"]
    assert claim.evidence is not None
    assert SOURCE[claim.evidence.span.start:claim.evidence.span.end] == claim.evidence.text
    assert "second phase" in claim.evidence.text


def test_kinds_option_and_every_output_format_carry_quotes(tmp_path: Path) -> None:
    from factcheck.renderers import FORMATS, RenderOptions, render

    draft = '"Nobody in this city will be left behind," Hill said. The quay cost $12 million.'
    only = factcheck.check(draft, source=SOURCE, kinds=["quote"])
    assert {claim.kind for claim in only.claims} == {"quote"}
    report = factcheck.check(draft, source=SOURCE).model_copy(update={"path": "draft.md"})
    for fmt in FORMATS:
        out = render([report], fmt, RenderOptions(texts={"draft.md": draft}))
        assert "quote" in out, fmt
    html = render([report], "html", RenderOptions(texts={"draft.md": draft}))
    assert html.count("<mark") == len(report.claims)   # the amount's mark inside the quote's


def test_suppression_comments_switch_quotes_off() -> None:
    draft = '<!-- factcheck-ignore-next-line -->\n"Nobody in this city will be left behind," Hill said.\n'
    report = factcheck.check(draft, source=SOURCE)
    found = factcheck.extract_claims(draft)
    assert "quote" in {claim.kind for claim in found}   # and the name of its speaker
    assert report.summary.suppressed == len(found) and not report.claims


# --- the seed article ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")


def test_the_seed_articles_quotes_and_speakers(seed: str) -> None:
    found = [value for value in quotes(seed)]
    assert len(found) == 4
    assert [value.speaker.name if value.speaker else None for value in found] == [
        "Volodymyr Zelensky", "Volodymyr Zelensky", "Volodymyr Zelensky", None]


def test_the_worked_example_of_the_spec(seed: str) -> None:
    # the source's words are "unwavering solidarity"
    [(verdict, reason)] = check('Zelensky thanked Tokyo for its "steadfast solidarity".', seed)
    assert verdict == Verdict.CONTRADICTED
    assert reason == 'the source says "unwavering solidarity", not "steadfast solidarity"'
    assert verdicts('Zelensky thanked Tokyo for its "unwavering solidarity".', seed) == [Verdict.SUPPORTED]
    assert verdicts('Zelensky called it "unique".', seed) == [Verdict.SUPPORTED]
    assert verdicts('Zelensky spoke of "a new chapter" for the two countries.', seed) == [Verdict.NOT_FOUND]


def _seed_quotes(seed: str) -> list[str]:
    """The seed's quotes of more than two words (read from the file: its sentences stay out of the project)."""
    return [value.text.rstrip(".,") for value in quotes(seed) if len(value.text.split()) > 2]


def test_the_seed_quotes_verbatim_abridged_misattributed_and_changed(seed: str) -> None:
    for words in _seed_quotes(seed):
        tokens = words.split()
        assert verdicts(f'"{words}," Zelensky said.', seed) == [Verdict.SUPPORTED], words
        assert verdicts(f'"{words}," said the Ukrainian president.', seed) == [Verdict.SUPPORTED], words
        abridged = " ".join(tokens[:3]) + " ... " + " ".join(tokens[-3:])
        assert verdicts(f'"{abridged}," Zelensky said.', seed) == [Verdict.SUPPORTED], abridged
        [(verdict, reason)] = check(f'"{words}," Fumio Kishida said.', seed)
        assert verdict == Verdict.CONTRADICTED and "Volodymyr Zelensky" in reason and "Fumio Kishida" in reason
        changed = " ".join([*tokens[:4], "certainly", *tokens[5:]])
        [(verdict, reason)] = check(f'"{changed}," Zelensky said.', seed)
        assert verdict == Verdict.CONTRADICTED and " certainly " in reason, (changed, reason)


# --- a changed word contradicts (Hypothesis) ------------------------------------------------------------

_REPLACEMENTS = ("harbour", "promise", "winter", "careful", "patience", "neighbours")


@settings(max_examples=max(10, settings().max_examples // 4))
@given(st.sampled_from(forms.QUOTES), st.sampled_from(forms.PEOPLE), st.data())
def test_changing_one_word_inside_a_quote_turns_supported_into_contradicted(words: str, person, data) -> None:
    source = f'"{words[:1].upper() + words[1:]}," {person.title} {person.name} said after the talks.'
    tokens = words.split()
    at = data.draw(st.integers(0, len(tokens) - 1), label="word")
    other = data.draw(st.sampled_from([w for w in _REPLACEMENTS if w != tokens[at].lower()]), label="replacement")
    changed = " ".join([*tokens[:at], other, *tokens[at + 1:]])
    draft = f'{person.name} said: "{changed}."'
    assert verdicts(f'{person.name} said: "{words}."', source) == [Verdict.SUPPORTED]
    [(verdict, reason)] = check(draft, source)
    assert verdict == Verdict.CONTRADICTED, reason
    assert other in reason and tokens[at].lower() in reason.lower()


# --- strategies --------------------------------------------------------------------------------------------


@settings(max_examples=20)
@given(st.data())
def test_from_type_and_quotes_draw_quote_values(data) -> None:
    from factcheck.testing import strategies as fst

    value = data.draw(st.from_type(QuoteValue))
    assert isinstance(value, QuoteValue) and value.text
    unspoken = data.draw(fst.quotes(speakers=False))
    assert unspoken.speaker is None
    if len(value.text.split()) <= 2:
        assert value.speaker is None


def test_an_organisations_words_given_to_a_person_are_not_found_rather_than_contradicted() -> None:
    source = '"Deliveries will resume next week," the European Commission said in a statement.'
    [(verdict, reason)] = check('"Deliveries will resume next week," Ursula von der Leyen said.', source)
    assert verdict == Verdict.NOT_FOUND and "European Commission" in reason
