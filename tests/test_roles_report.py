"""Roles where users meet them: the JSON report, fact sheets (written, read, corrected by hand)."""

from __future__ import annotations

import json

import factcheck
from factcheck.cli import main
from factcheck.models import NO_ROLES, Roles

SOURCE = "The council will spend £60 million on roads this year and pays carers £12 an hour."


def test_the_json_report_gives_each_claim_its_roles(tmp_path, capsys) -> None:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text("The council will spend £60 million on schools this year.\n", encoding="utf-8")
    status = main(["check", str(tmp_path / "draft.md"), "--source", str(tmp_path / "source.txt"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    [amount] = [claim for claim in report["claims"] if claim["kind"] == "amount"]
    assert amount["roles"] == {"measure": "schools", "holder": "the council", "rate": None, "period": "this year", "event": None}
    assert amount["verdict"] == "not_found" and "for roads, not for schools" in amount["reason"]
    assert status == 0


def test_fact_sheets_carry_roles_and_an_editor_may_correct_them(tmp_path) -> None:
    sheet = factcheck.extract_facts(SOURCE)
    rate = next(fact for fact in sheet.facts if fact.text == "£12")
    assert rate.roles.rate == "per hour" and rate.roles.measure is None
    path = tmp_path / "facts.yaml"
    path.write_text(factcheck.dump_facts(sheet), encoding="utf-8")
    assert "rate: per hour" in path.read_text(encoding="utf-8")
    assert factcheck.load_facts(path) == sheet
    # the editor says the £12 is the hourly pay of home carers, which the draft calls wages
    corrected = path.read_text(encoding="utf-8").replace("rate: per hour", "rate: per hour\n    measure: wages")
    path.write_text(corrected, encoding="utf-8")
    edited = factcheck.load_facts(path)
    report = factcheck.check("Carers' wages are £15 an hour.", source=edited)
    [wage] = [claim for claim in report.claims if claim.kind == "amount"]
    assert wage.verdict == "contradicted", wage.reason


def test_a_hand_written_fact_without_roles_gets_those_of_its_sentence(tmp_path) -> None:
    sheet = factcheck.extract_facts(SOURCE)
    bare = sheet.model_copy(update={"facts": [fact.model_copy(update={"roles": NO_ROLES}) for fact in sheet.facts]})
    path = tmp_path / "facts.yaml"
    path.write_text(factcheck.dump_facts(bare), encoding="utf-8")
    assert "roles" not in path.read_text(encoding="utf-8")
    loaded = factcheck.load_facts(path)
    assert [fact.roles for fact in loaded.facts] == [fact.roles for fact in sheet.facts]
    assert any(fact.roles != Roles() for fact in loaded.facts)
