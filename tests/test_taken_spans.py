"""The spans of the claims found in a document: `covers` answers as a scan of every span would,
before and after the short list of new spans is merged into the long one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.text import TakenSpans


@st.composite
def spans_and_queries(draw):
    # non-overlapping spans over a text of 0-400 characters, added in any order
    cuts = sorted(draw(st.sets(st.integers(0, 400), max_size=80)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    order = draw(st.permutations(spans))
    queries = draw(st.lists(st.tuples(st.integers(0, 410), st.integers(1, 30)), max_size=40))
    return order, [(start, start + length) for start, length in queries]


@given(spans_and_queries(), st.sampled_from([1, 2, 3, 7, 4096]))
def test_covers_answers_as_a_scan_of_every_span(case, merge_every):
    spans, queries = case
    taken = TakenSpans()
    taken.MERGE_EVERY = merge_every
    added = []
    for start, end in spans:
        assert not taken.covers(start, end)      # spans never overlap
        taken.add(start, end)
        added.append((start, end))
        for q_start, q_end in queries:
            assert taken.covers(q_start, q_end) == any(s < q_end and q_start < e for s, e in added)
