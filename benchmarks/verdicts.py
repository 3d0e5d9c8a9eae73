"""Part 2: verdict quality on SummEdits (../shared/consistency/summedits.jsonl).

A summary is predicted inconsistent when any of its claims is contradicted by
`factcheck.check(summary, source=article)`. Reported per domain (news, ectsum):
balanced accuracy against the human labels, and the precision of contradicted claims:
in a summary labelled consistent a contradicted claim is a false alarm; in an inconsistent
one it is right when its span overlaps the tokens the edit inserted (`meta.diff.inserted`,
located in the summary), and unexplained otherwise. factcheck checks only its claim kinds,
so the slice of edits that change a number, an amount, a date or a name
(`meta.diff.kinds` number, money, date_time, capitalized: heuristic tags, not gold) is
reported too, and the slice of edits inside quotation marks (the quote kind's). `--sample N` checks a random sample of N records per domain (seeded).

Diagnostics of each contradicted claim, to see what a fix would buy (measured here on
the verdicts, src/ unchanged): whether some other fact of the source of the same kind
supports it (alignment chose the wrong fact), and whether a relative date (`last year`)
that no publication date places took part. The what-if rows recompute the scores with
such contradictions dropped. Writes build/bench/verdicts.json.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from .common import output_path

SUMMEDITS = Path(__file__).resolve().parents[1].parent / "shared" / "consistency" / "summedits.jsonl"
OUR_EDIT_KINDS = frozenset({"number", "money", "date_time", "capitalized"})
PUBLISHED = {  # balanced accuracy (%) in the SummEdits paper (EMNLP 2023)
    "news": {"GPT-4": 83.3, "QAFactEval": 74.4, "SummaC": 61.9, "people": 90.0},
    "ectsum": {"GPT-4": 87.0, "QAFactEval": 72.6},
}


def load(sample: int | None, seed: int = 6) -> list[dict]:
    lines = SUMMEDITS.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    if sample is None:
        return records
    by_domain: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_domain[record["meta"]["domain"]].append(record)
    rng = random.Random(seed)
    return [r for domain in sorted(by_domain) for r in rng.sample(by_domain[domain], min(sample, len(by_domain[domain])))]


def inserted_spans(summary: str, inserted: list[str]) -> list[tuple[int, int]]:
    """Where the edit's inserted tokens stand in the summary. The diff's tokens are
    space-separated ("U . S . ' s"), so any spacing between them matches; a token is a
    whole word, except that one ending in a digit may run on ("$9.2" in "$9.2m")."""
    spans = []
    for tokens in inserted:
        pieces = tokens.split()
        if not pieces:
            continue
        pattern = r"\s{0,3}".join(re.escape(piece) for piece in pieces)
        if pieces[0][:1].isalnum():
            pattern = r"(?<!\w)" + pattern
        if pieces[-1][-1:].isalpha():   # "$9.2" may stand for "$9.2m": a number may run on into its scale
            pattern += r"(?!\w)"
        found = [m.span() for m in re.finditer(pattern, summary)]
        spans.extend(found or [m.span() for m in re.finditer(pattern, summary, re.IGNORECASE)])
    return spans


# words between quotation marks (straight or curly double quotes, guillemets, single quotes that are not apostrophes)
_QUOTED = re.compile(r'["\u201c\u201d\u00ab\u00bb]([^"\u201c\u201d\u00ab\u00bb\n]{1,600})["\u201c\u201d\u00ab\u00bb]'
                     r"|(?<!\w)['\u2018]([^'\u2018\u2019\n]{1,300}?)['\u2019](?!\w)")


def edits_a_quote(summary: str, spans: list[tuple[int, int]]) -> bool:
    """Whether an inserted span with a letter or digit in it stands inside quotation marks (the quote slice)."""
    quoted = [m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTED.finditer(summary)]
    return any(start < q_end and q_start < end and re.search(r"\w", summary[start:end])
               for start, end in spans for q_start, q_end in quoted)


def balanced_accuracy(pairs: list[tuple[bool, bool]]) -> dict:
    """pairs of (labelled inconsistent, predicted inconsistent)."""
    positives = [p for gold, p in pairs if gold]
    negatives = [p for gold, p in pairs if not gold]
    recall = sum(positives) / len(positives) if positives else float("nan")
    specificity = sum(not p for p in negatives) / len(negatives) if negatives else float("nan")
    return {
        "n": len(pairs), "inconsistent": len(positives), "consistent": len(negatives),
        "recall": recall, "specificity": specificity, "balanced_accuracy": (recall + specificity) / 2,
    }


def _reason_pattern(reason: str) -> str:
    """A reason with its values blanked, to group false alarms by what went wrong."""
    pattern = re.sub(r"\d[\d,.]*", "N", reason)
    return re.sub(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", "MONTH", pattern)


_RELATIVE = re.compile(r"\b(?:this|last|next) year\b|\b(?:today|yesterday|tomorrow)\b", re.IGNORECASE)


def _diagnose(claim, sheet) -> dict:
    """Whether another fact of the source supports this contradicted claim; whether a relative date took part."""
    from factcheck.judges import compare
    from factcheck.judges.context import JudgeContext
    from factcheck.models import Claim, Verdict

    plain = Claim(kind=claim.kind, text=claim.text, span=claim.span, value=claim.value)
    context = JudgeContext(published=sheet.published, anchor_year=sheet.anchor_year)
    supported_elsewhere = any(
        compare(plain, fact, context)[0] == Verdict.SUPPORTED for fact in sheet.facts if fact.kind == claim.kind
    )
    relative = claim.kind == "date" and bool(_RELATIVE.search(claim.text) or _RELATIVE.search(claim.reason))
    return {"supported_elsewhere": supported_elsewhere, "relative_date": relative}


WHAT_IF = {
    "as is": lambda c: True,
    "no contradiction when another fact supports the claim": lambda c: not c["supported_elsewhere"],
    "no contradiction from an unplaced relative date": lambda c: not c["relative_date"],
    "both": lambda c: not c["supported_elsewhere"] and not c["relative_date"],
}


def _scores(rows: list[dict], keep) -> dict:
    """Balanced accuracy and claim precision when only the contradictions `keep` accepts count."""
    pairs = [(r["inconsistent"], any(c["outcome"] and keep(c) for c in r["claims"])) for r in rows]
    kept = [c for r in rows for c in r["claims"] if c["outcome"] and keep(c)]
    return {
        "balanced_accuracy": balanced_accuracy(pairs)["balanced_accuracy"],
        "contradicted": len(kept),
        "precision": sum(c["outcome"] == "correct" for c in kept) / len(kept) if kept else float("nan"),
    }


def _name_slice(rows: list[dict]) -> dict:
    """Inconsistent summaries whose edit changes a capitalised word: how many a name claim on the edit
    catches (contradicted), how many more it marks not_found, how many any contradicted claim catches."""
    def on_edit(row: dict, verdict: str) -> bool:
        return any(c["kind"] == "name" and c["verdict"] == verdict and c["on_edit"] for c in row["claims"])

    contradicted = [row for row in rows if on_edit(row, "contradicted")]
    return {
        "inconsistent": len(rows),
        "name_contradicted": len(contradicted),
        "name_not_found_only": sum(on_edit(row, "not_found") for row in rows if row not in contradicted),
        "any_contradicted": sum(row["predicted"] for row in rows),
    }


def main() -> None:
    import factcheck

    arguments = argparse.ArgumentParser()
    arguments.add_argument("--sample", type=int, default=None, help="records per domain (default: all)")
    options = arguments.parse_args()
    records = load(options.sample)

    rows = []
    started = time.perf_counter()
    sheets: dict[str, object] = {}
    for record in records:
        report = factcheck.check(record["summary"], source=record["article"])
        diff = record["meta"]["diff"]
        spans = inserted_spans(record["summary"], diff["inserted"])
        inconsistent = record["label"] == "inconsistent"
        claims = []
        for claim in report.claims:
            contradicted = claim.verdict == "contradicted"
            on_edit = any(claim.span.start < end and start < claim.span.end for start, end in spans)
            claims.append({
                "kind": claim.kind, "text": claim.text, "verdict": str(claim.verdict), "reason": claim.reason,
                "on_edit": on_edit,
                "outcome": None if not contradicted else ("correct" if inconsistent and on_edit else
                                                         "unexplained" if inconsistent else "false_alarm"),
                "evidence": claim.evidence.text if claim.evidence else None,
            })
            if contradicted:
                # the article's facts, once per article, only to diagnose (the verdicts above are check()'s own)
                sheet = sheets.get(record["article"]) or sheets.setdefault(
                    record["article"], factcheck.extract_facts(record["article"])
                )
                claims[-1].update(_diagnose(claim, sheet))
        rows.append({
            "id": record["id"], "domain": record["meta"]["domain"], "inconsistent": inconsistent,
            "predicted": any(c["verdict"] == "contradicted" for c in claims),
            "edit_kinds": diff["kinds"], "ours": bool(OUR_EDIT_KINDS & set(diff["kinds"])),
            "quote_edit": inconsistent and edits_a_quote(record["summary"], spans),
            "summary": record["summary"], "inserted": diff["inserted"], "removed": diff["removed"], "claims": claims,
        })
    seconds = time.perf_counter() - started

    domains = {}
    for domain in sorted({row["domain"] for row in rows}):
        subset = [row for row in rows if row["domain"] == domain]
        ours_both = [row for row in subset if row["ours"]]
        ours_vs_all = [row for row in subset if row["ours"] or not row["inconsistent"]]
        contradicted = [c for row in subset for c in row["claims"] if c["outcome"]]
        outcomes = Counter(c["outcome"] for c in contradicted)
        by_kind: dict[str, Counter] = defaultdict(Counter)
        for claim in contradicted:
            by_kind[claim["kind"]][claim["outcome"]] += 1
        verdicts = Counter((c["kind"], c["verdict"]) for row in subset for c in row["claims"])
        name_edits = [row for row in subset if "capitalized" in row["edit_kinds"] and row["inconsistent"]]
        domains[domain] = {
            "all": balanced_accuracy([(r["inconsistent"], r["predicted"]) for r in subset]),
            "slice_edit_kinds": balanced_accuracy([(r["inconsistent"], r["predicted"]) for r in ours_both]),
            "slice_vs_all_consistent": balanced_accuracy([(r["inconsistent"], r["predicted"]) for r in ours_vs_all]),
            "contradicted_claims": dict(outcomes),
            "precision": outcomes["correct"] / len(contradicted) if contradicted else float("nan"),
            "precision_by_kind": {
                kind: {**counts, "precision": counts["correct"] / sum(counts.values())} for kind, counts in by_kind.items()
            },
            "claims_by_kind_verdict": {f"{k}/{v}": n for (k, v), n in sorted(verdicts.items())},
            "name_slice": _name_slice(name_edits),
            "published": PUBLISHED.get(domain, {}),
            "what_if": {name: _scores(subset, keep) for name, keep in WHAT_IF.items()},
            "what_if_slice": {name: _scores(ours_vs_all, keep) for name, keep in WHAT_IF.items()},
            "quote_slice": {
                "inconsistent": len(quote_rows := [r for r in subset if r["quote_edit"]]),
                "caught": sum(r["predicted"] for r in quote_rows),
                "caught_by_quote": sum(any(c["kind"] == "quote" and c["verdict"] == "contradicted" for c in r["claims"])
                                       for r in quote_rows),
                "consistent_with_contradicted_quote": sum(
                    any(c["kind"] == "quote" and c["outcome"] == "false_alarm" for c in r["claims"]) for r in subset),
            },
            "consistent_with_any_contradicted": sum(r["predicted"] for r in subset if not r["inconsistent"]) / max(
                1, sum(not r["inconsistent"] for r in subset)),
            "distinct_false_alarms": len({(row["id"].rsplit("_", 1)[0], c["text"], c["reason"])
                                          for row in subset for c in row["claims"] if c["outcome"] == "false_alarm"}),
        }
    false_alarms = [
        {"id": row["id"], "summary": row["summary"], **claim}
        for row in rows for claim in row["claims"] if claim["outcome"] == "false_alarm"
    ]
    patterns = Counter((fa["kind"], _reason_pattern(fa["reason"])) for fa in false_alarms)
    result = {
        "records": len(rows), "sampled": options.sample, "seconds": seconds, "domains": domains,
        "false_alarm_patterns": [{"kind": k, "reason": r, "count": n} for (k, r), n in patterns.most_common(25)],
        "false_alarms": false_alarms,
        "unexplained": [
            {"id": row["id"], "summary": row["summary"], "inserted": row["inserted"], **claim}
            for row in rows for claim in row["claims"] if claim["outcome"] == "unexplained"
        ],
    }
    output_path("verdicts").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    for domain, numbers in domains.items():
        quotes = numbers["quote_slice"]
        print(f"{domain}: balanced accuracy {numbers['all']['balanced_accuracy']:.3f}, "
              f"slice {numbers['slice_vs_all_consistent']['balanced_accuracy']:.3f}, precision {numbers['precision']:.3f}; "
              f"consistent with a contradiction {numbers['consistent_with_any_contradicted']:.1%}; "
              f"edits inside quotes caught {quotes['caught']}/{quotes['inconsistent']} "
              f"({quotes['caught_by_quote']} by a quote claim)")
        names = numbers["name_slice"]
        print(f"  name edits: {names['inconsistent']} inconsistent, {names['name_contradicted']} with a contradicted "
              f"name, {names['name_not_found_only']} more with a not_found name, {names['any_contradicted']} with "
              f"any contradicted claim")
    print(f"{len(rows)} summaries in {seconds:.1f} s")


if __name__ == "__main__":
    main()
