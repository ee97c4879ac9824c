"""Cases files: the shipped cases pass; a wrong expectation fails with the node, both
numbers and the explanation; the command and the pytest plugin run them."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import RulesError, load_rules
from cchc_score.cases import run_case
from cchc_score.cli import main
from cchc_score.io.cases import load_cases

from .conftest import ROOT

SHIPPED = ROOT / "rules" / "criteria_2022.cases.toml"


def test_the_shipped_cases_pass() -> None:
    found = load_cases(SHIPPED)
    rules = load_rules("criteria_2022")
    results = [run_case(rules, case) for case in found.cases]
    assert [r.passed for r in results] == [True] * 7
    # The first case pins every criterion the annex itemises (18), the nine domains, the total.
    assert len(found.cases[0].expect) == 18 + 9 + 1


def test_a_case_built_on_another_changes_only_what_it_says() -> None:
    first, second = load_cases(SHIPPED).cases[:2]
    assert dict(second.evidence.facts) == {**dict(first.evidence.facts), "cchc_plan_tasks_done": 26}
    assert second.evidence.appraised == first.evidence.appraised
    assert second.expect == (("1.2", Decimal("1.5")), ("total", Decimal("84.31")))


def _mutated(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mutated.cases.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_command_passes_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "criteria_2022", str(SHIPPED), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "7 cases: 7 passed, 0 failed"
    mutated = _mutated(tmp_path, '"7.1.2" = 1.76', '"7.1.2" = 1.80')
    assert main(["test", "criteria_2022", str(mutated), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "failed: Phường mẫu 2022: mọi tiêu chí của phụ lục",
        "    7.1.2: expected 1.80, computed 1.76 — 44/150 dossiers received and settled fully "
        "online → 3.0 × 44/150 ÷ 50% = 1.76 points",
    ]
    assert out[-1] == "7 cases: 6 passed, 1 failed"


def test_a_mutated_rules_file_fails_its_cases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1.8 deducts 0,5 per late task instead of 0,25: 2,0 − 2 × 0,5 = 1,0, total 83,64.
    rules = tmp_path / "r.toml"
    rules.write_text(
        'extends = "criteria_2022"\n[[criteria]]\ncode = "1.8"\n'
        'rule = { kind = "deduction", fact = "assigned_tasks_late", each = 0.5 }\n',
        encoding="utf-8",
    )
    assert main(["test", str(rules), str(SHIPPED), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("    1.8: expected 1.5, computed 1.00 — ")
    assert out[2:4] == [
        "    I: expected 8.83, computed 8.33 — sum of the sub-criteria: 1.33 + 1 + 1 + 5 = 8.33 "
        "points",
        "    total: expected 84.14, computed 83.64",
    ]


def test_case_problems_are_located(tmp_path: Path) -> None:
    path = tmp_path / "c.cases.toml"
    path.write_text(
        'rules = "criteria_2022"\n[[cases]]\nname = "a"\n[[cases]]\nname = "a"\n'
        '[[cases]]\nname = "b"\nbase = "z"\n[[cases]]\nname = "c"\nexpect = { "1.2" = "x" }\n',
        encoding="utf-8",
    )
    with pytest.raises(RulesError) as exc:
        load_cases(path)
    assert [p.text("en") for p in exc.value.problems] == [
        f"{path}: case \"a\".name: duplicate case name (got 'a')",
        f"{path}: case \"b\".base: no case by this name comes before it (got 'z')",
        f'{path}: case "c".expect."1.2": expected a number (got \'x\')',
    ]


def test_evidence_that_does_not_fit_is_a_located_failure(tmp_path: Path) -> None:
    path = tmp_path / "c.cases.toml"
    path.write_text(
        'rules = "criteria_2022"\n[[cases]]\nname = "x"\nnot_assessed = { I = "r", II = "r", '
        'III = "r", IV = "r", V = "r", VI = "r", VII = "r", VIII = "r", IX = "r" }\n'
        "facts = { staff_total = -1 }\n",
        encoding="utf-8",
    )
    (case,) = load_cases(path).cases
    result = run_case(load_rules("criteria_2022"), case)
    assert [p.path for p in result.problems] == ['case "x".facts.staff_total']


def test_the_pytest_plugin_collects_cases_files(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "good.cases.toml").write_text(
        SHIPPED.read_text(encoding="utf-8"), encoding="utf-8"
    )
    _mutated(tmp_path / "cases", '"6.1" = 0.9 ', '"6.1" = 1.0 ')
    (tmp_path / "test_nothing.py").write_text("def test_nothing():\n    pass\n", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "test_nothing.py",
            "--cchc-cases",
            "cases",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"CCHC_LANG": "en", "PATH": ""},
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed, 14 passed" in run.stdout
    assert "    6.1: expected 1.0, computed 0.90 — " in run.stdout
