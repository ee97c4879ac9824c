"""diff: what changed between two rule sets, and what it does to one unit's score."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import RuleSet, load_rules, loads_rules
from cchc_score.cli import main
from cchc_score.io.evidence import load_evidence
from cchc_score.report.diff import render_diff
from cchc_score.rules_diff import Change, diff_rules, diff_scores

from .conftest import EXAMPLE, ROOT

RULES_2023 = ROOT / "examples" / "rules_2023" / "criteria_2023.toml"


def _child(text: str) -> RuleSet:
    return loads_rules('extends = "criteria_2022"\n' + text, file="new.toml")


def test_no_change_is_no_change() -> None:
    old = load_rules("criteria_2022")
    assert diff_rules(old, old).changes == ()
    assert render_diff(diff_rules(old, old), lang="en") == (
        "Changes from criteria_2022 to criteria_2022\n\nNo changes.\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two maxima moved inside 7.1 (10,5 = 1,5 + 3,5 + 1,5 + 4,0)
        (
            '[[criteria]]\ncode = "7.1.2"\nmax = 3.5\n[[criteria]]\ncode = "7.1.r"\nmax = 4.0\n',
            [
                Change("criterion", "7.1.2", "changed", "max", Decimal("3.0"), Decimal("3.5")),
                Change("criterion", "7.1.r", "changed", "max", Decimal("4.5"), Decimal("4.0")),
            ],
        ),
        # a level's points changed: the parameter is named by its table and key
        (
            '[[criteria]]\ncode = "1.7"\n[criteria.rule]\nkind = "levels"\n'
            'fact = "initiative_level"\n[criteria.rule.points]\n"không có" = 0\n'
            '"cấp cơ sở" = 0.75\n"cấp tỉnh, bộ, ngành trở lên" = 1.5\n',
            [
                Change(
                    "criterion",
                    "1.7",
                    "param",
                    'points."cấp cơ sở"',
                    Decimal("1.0"),
                    Decimal("0.75"),
                )
            ],
        ),
        # another rule kind
        (
            '[[criteria]]\ncode = "3.1"\nrule = { kind = "appraised" }\n',
            [Change("criterion", "3.1", "kind", None, "deduction", "appraised")],
        ),
        # a fact renamed, a band's threshold moved
        (
            '[renamed]\nlate_reports = "reports_late"\n'
            '[[bands]]\nname = "Tốt"\nmin = 85\n[[bands]]\nname = "Khá"\nmin = 70\n'
            '[[bands]]\nname = "Trung bình"\nmin = 50\n[[bands]]\nname = "Yếu"\nmin = 0\n',
            [
                Change("fact", "reports_late", "renamed", None, "late_reports", "reports_late"),
                Change("band", "Tốt", "changed", "min", Decimal("90"), Decimal("85")),
            ],
        ),
        # a criterion moved to a new code keeps its name: one "moved", not added + removed
        (
            '[remove]\ncriteria = ["6.6"]\n[[criteria]]\ncode = "6.7"\n'
            'name = "Chế độ báo cáo"\nmax = 0.5\nbasis = "b"\nrule = { kind = "appraised" }\n',
            [
                Change("criterion", "6.7", "moved", None, "6.6", "6.7"),
                Change("criterion", "6.7", "kind", None, "bands", "appraised"),
            ],
        ),
    ],
)
def test_changes_node_by_node(text: str, expected: list[Change]) -> None:
    old = load_rules("criteria_2022")
    new = _child(text)
    changes = [c for c in diff_rules(old, new).changes if c.subject != "index"]
    assert changes == expected


def test_the_example_2023_file_as_a_table() -> None:
    diff = diff_rules(load_rules("criteria_2022"), load_rules(RULES_2023))
    table = render_diff(diff, lang="en").splitlines()
    assert table[0] == "Changes from criteria_2022 to criteria_2023"
    rows = [line.split(None, 2) for line in table[4:]]
    assert rows[3:] == [
        ["fact", "postal_return_share", "fact added"],
        ["criterion", "7.1.2", "maximum 3.0 → 3.5"],
        ["criterion", "7.1.2", "rule target: 0.5 → 0.6"],
        ["criterion", "7.1.r", "maximum 4.5 → 4.0"],
        ["criterion", "7.1.4", "added (maximum 0.75)"],
        ["criterion", "7.1.5", "added (maximum 0.75)"],
        ["criterion", "7.1.3", "removed (maximum 1.5)"],
    ]


def test_the_example_ward_scored_under_both() -> None:
    old, new = load_rules("criteria_2022"), load_rules(RULES_2023)
    evidence = load_evidence(EXAMPLE / "evidence.toml")
    diff = diff_scores(old, new, evidence, "en")
    by_code = {n.code: (n.old, n.new, n.delta) for n in diff.nodes}
    # 7.1.2: 3,0 × (44/150) ÷ 50% = 1,76 → 3,5 × (44/150) ÷ 60% = 1,7111 → 1,71
    assert by_code["7.1.2"] == (Decimal("1.76"), Decimal("1.71"), Decimal("-0.05"))
    # 7.1.r: appraised 4,5 of 4,5 carried by share: 4,5 × 4,0/4,5 = 4,00
    assert by_code["7.1.r"] == (Decimal("4.50"), Decimal("4.00"), Decimal("-0.50"))
    # 7.1.4: 0,75 × 0 ÷ 20% = 0; 7.1.5 has no evidence: not assessed, at its maximum
    assert by_code["7.1.4"] == (None, Decimal("0.00"), Decimal("0.00"))
    assert by_code["7.1.5"] == (None, Decimal("0.75"), Decimal("0.75"))
    assert by_code["7.1.3"] == (Decimal("0.00"), None, Decimal("0.00"))
    # 84,14 − 0,05 − 0,50 + 0,75 = 84,34
    assert (diff.before.total, diff.after.total) == (Decimal("84.14"), Decimal("84.34"))
    assert [c.step for c in diff.carried] == ["rescaled", "not_given"]


def test_evidence_for_the_older_year_scores_through_renamed_facts() -> None:
    old = load_rules("criteria_2022")
    new = _child('[renamed]\nlate_reports = "reports_late"\n')
    evidence = load_evidence(EXAMPLE / "evidence.toml")
    diff = diff_scores(old, new, evidence, "en")
    assert diff.after.total == diff.before.total  # nothing else changed
    (node,) = diff.nodes
    assert node.code == "6.6"
    assert render_diff(diff, lang="en").splitlines()[-4:] == [
        "6.6                0.25             0.25      0.00  fact reports_late: renamed from "
        "late_reports; fact late_reports is now named reports_late",
        "",
        "The evidence, carried to the new rules:",
        "- fact late_reports is now named reports_late",
    ]


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(
        [
            "diff",
            "criteria_2022",
            str(RULES_2023),
            str(EXAMPLE / "evidence.toml"),
            "--format",
            "json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert out["schema"] == "cchc-score/diff/1"
    assert out["total"] == {
        "old": Decimal("84.14"),
        "new": Decimal("84.34"),
        "delta": Decimal("0.20"),
    }
    assert [n["code"] for n in out["nodes"]] == [
        "VII",
        "7.1",
        "7.1.2",
        "7.1.r",
        "7.1.4",
        "7.1.5",
        "7.1.3",
    ]
    bad = tmp_path / "bad.toml"
    bad.write_text('extends = "nowhere"\n', encoding="utf-8")
    assert main(["diff", "criteria_2022", str(bad)]) == 1
    assert "nowhere" in capsys.readouterr().err
