"""evidence-template: every fact the rules read, commented; known values filled in; the
skeleton loads back as evidence once filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_score import EvidenceError, load_rules
from cchc_score.cli import main
from cchc_score.evaluation import evaluate
from cchc_score.io.evidence import load_evidence
from cchc_score.io.evidence_template import evidence_template

from .conftest import EXAMPLE, ROOT


def test_every_fact_read_and_every_entered_criterion_is_there() -> None:
    rules = load_rules("criteria_2022")
    text = evidence_template(rules, unit="Xã A", lang="en")
    # 21 facts are read by the leaves; 10 leaves are entered as appraised points.
    assert text.count("\n# ") - text.count("\n# unit") >= 21
    for fact in rules.facts:
        assert f"\n# {fact.name} =\n" in text
    for code in ("1.r", "2.r", "3.r", "4.r", "5.r", "6.r", "7.1.r", "7.2.r", "8.r", "IX"):
        assert f'\n# "{code}" =\n' in text or f"\n# {code} =\n" in text
    block = text.split("\n\n# Highest recognition")[1].split("\n\n")[0].splitlines()
    assert block == [
        " of a new PAR initiative",
        "#   level; read by 1.7",
        '#   one of ["không có", "cấp cơ sở", "cấp tỉnh, bộ, ngành trở lên"]',
        "# initiative_level =",
    ]


def test_unfilled_it_names_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "e.toml"
    path.write_text(evidence_template(load_rules("criteria_2022"), unit="Xã A"), encoding="utf-8")
    with pytest.raises(EvidenceError) as exc:
        load_evidence(path, "criteria_2022")
    assert "cchc_plan_tasks_total (for 1.2)" in exc.value.text("en")


def test_from_known_evidence_it_loads_back_and_scores_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "e.toml"
    code = main(
        [
            "evidence-template",
            "criteria_2022",
            "--from",
            str(EXAMPLE / "evidence.toml"),
            "--out",
            str(out),
        ]
    )
    assert code == 0
    rules = load_rules("criteria_2022")
    filled = load_evidence(out, rules)
    original = load_evidence(EXAMPLE / "evidence.toml", rules)
    assert filled.facts == original.facts
    assert filled.appraised == original.appraised
    assert evaluate(rules, filled).total == evaluate(rules, original).total
    # Never over an existing file without --force.
    assert main(["evidence-template", "criteria_2022", "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err


def test_for_next_years_rules_only_the_new_facts_are_blank(tmp_path: Path) -> None:
    rules_2023 = ROOT / "examples" / "rules_2023" / "criteria_2023.toml"
    known = load_evidence(EXAMPLE / "evidence.toml")
    text = evidence_template(load_rules(rules_2023), known=known, lang="en")
    blank = [line for line in text.splitlines() if line.startswith("# ") and line.endswith(" =")]
    # postal_return_share is new (7.1.5); 7.1.r's 4,5 is above its new maximum 4,0.
    assert blank == ["# postal_return_share =", '# "7.1.r" =']
    assert "#   the earlier evidence gives 4.5, above the new maximum: enter it again" in text
