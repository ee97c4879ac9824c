"""`project`, `plan` and `demo` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from .conftest import EXAMPLE, ROOT, check_golden
from .test_cli import run

EVIDENCE = str(EXAMPLE / "evidence.toml")
PLAN = str(EXAMPLE / "plan.toml")


def test_project_json_is_complete_and_consistent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "project", EVIDENCE, PLAN, "--format", "json", "--target", "Tốt")
    assert (code, err) == (0, "")
    doc = json.loads(out, parse_float=Decimal)
    assert {
        "baseline",
        "all_done",
        "expected",
        "distribution",
        "ratings",
        "timeline",
        "tasks",
    } <= set(doc)
    # All done: 84,14 + 11,86 = 96,00 less 1.7's 0,5 and 5.1's 0,05, which look back a year
    # and count in 2024 (tests/test_projection.py): 95,45.
    assert (doc["baseline"], doc["all_done"]) == (Decimal("84.14"), Decimal("95.45"))
    probabilities = [float(row["probability"]) for row in doc["distribution"]]
    # The 17 tasks that gain in 2023 reach 668 distinct totals (their gains convolved by
    # hand, tests/test_projection.py's _chance_of_at_least); each probability is rounded to
    # 6 places, so they add up to 1 within 668 × 5e-7.
    assert len(probabilities) == 668
    assert sum(probabilities) == pytest.approx(1.0, abs=668 * 5e-7)
    mean = sum(float(row["total"]) * float(row["probability"]) for row in doc["distribution"])
    # The expected total 91,4025 is shown at the rule set's 2 decimals: 91,40.
    assert doc["expected"] == Decimal("91.40")
    assert float(doc["expected"]) == pytest.approx(mean, abs=0.005)
    assert sum(float(r["probability"]) for r in doc["ratings"]) == pytest.approx(1.0, abs=1e-5)
    assert doc["target"]["total"] == Decimal("90.00")
    assert all(set(t) >= {"date", "total", "expected"} for t in doc["timeline"])
    assert {"id", "gain_alone", "gain_last"} <= set(doc["tasks"][0])


def test_project_table(capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    code, out, _ = run(capsys, "project", EVIDENCE, PLAN, "--target", "90")
    assert code == 0
    check_golden("project_vi.txt", out, update_golden)


def test_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", EVIDENCE, PLAN, "--budget", "40", "--format", "json")
    doc = json.loads(out, parse_float=Decimal)
    assert code == 0
    assert {"budget", "chosen", "effort", "expected", "frontier"} <= set(doc)
    # The expected total 88,5275 is shown at the rule set's 2 decimals.
    assert (doc["budget"], doc["effort"], doc["expected"]) == (40, 40, Decimal("88.53"))
    expected = [Decimal(f["expected"]) for f in doc["frontier"]]
    assert expected == sorted(expected)
    assert {"budget", "expected", "chosen"} <= set(doc["frontier"][0])


def test_plan_target_without_budget(capsys: pytest.CaptureFixture[str]) -> None:
    # No --budget: the plan's whole effort, 134 person-days (the sum of plan.toml's 19
    # efforts), buys every task that gains in 2023: all but 1.7 (15 days) and 5.1 (3), whose
    # criteria look back a year: 116 days, expected 91,4025 (tests/test_projection.py); the
    # target is searched as with a budget.
    code, out, _ = run(
        capsys, "plan", EVIDENCE, PLAN, "--target", "Tốt", "--confidence", "0,6", "--format", "json"
    )
    doc = json.loads(out, parse_float=Decimal)
    assert code == 0
    assert (doc["budget"], doc["effort"], doc["expected"]) == (134, 116, Decimal("91.40"))
    _, with_budget, _ = run(
        capsys,
        "plan",
        EVIDENCE,
        PLAN,
        "--budget",
        "40",
        "--target",
        "Tốt",
        "--confidence",
        "0,6",
        "--format",
        "json",
    )
    assert doc["target"] == json.loads(with_budget, parse_float=Decimal)["target"]
    assert doc["target"]["chosen"]
    # The target's rating is written as every rating is: criteria_2022 marks its bands
    # ``provenance = "assumed"`` (the annex gives no band thresholds).
    assert doc["target"]["rating"] == {"code": "tot", "name": "Tốt", "provenance": "assumed"}
    # 5.1 and 1.7 look back a year (criteria_2022): their tasks, due "Năm 2023", count in
    # the 2024 index, and the plan says why it never buys them for 2023.
    assert doc["deferred"] == [
        {"id": "1.7", "counts_in": 2024, "criteria": ["1.7"]},
        {"id": "5.1", "counts_in": 2024, "criteria": ["5.1"]},
    ]
    assert not {"1.7", "5.1"} & set(doc["chosen"])


def test_plan_with_target(capsys: pytest.CaptureFixture[str], update_golden: bool) -> None:
    code, out, _ = run(
        capsys,
        "plan",
        EVIDENCE,
        PLAN,
        "--budget",
        "40",
        "--target",
        "Tốt",
        "--confidence",
        "0,6",
        "--lang",
        "en",
    )
    assert code == 0
    check_golden("plan_target_en.txt", out, update_golden)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (
            ["plan", EVIDENCE, PLAN],
            2,
            "plan: cần --budget N (số ngày công), --target MỨC, hoặc cả hai",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--lang", "en"],
            2,
            "plan: give --budget N (person-days), --target RATING, or both",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "-3"],
            2,
            "--budget: phải từ 0 đến 100000, tối đa 2 chữ số thập phân (nhận -3)",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "1e7", "--lang", "en"],
            2,
            "argument --budget: not a number: '1e7'",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "100001", "--lang", "en"],
            2,
            "--budget: must be from 0 to 100000, with at most 2 decimal places (got 100001)",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "4.0051", "--lang", "en"],
            2,
            "--budget: must be from 0 to 100000, with at most 2 decimal places (got 4.0051)",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "40", "--confidence", "5", "--lang", "en"],
            2,
            "--confidence: must be above 0 and at most 1, with at most 6 decimal places (got 5)",
        ),
        (
            ["plan", EVIDENCE, PLAN, "--budget", "40", "--confidence", "0"],
            2,
            "--confidence: phải lớn hơn 0 và không quá 1, tối đa 6 chữ số thập phân (nhận 0)",
        ),
        (
            ["project", EVIDENCE, PLAN, "--target", "100,5", "--lang", "en"],
            2,
            "--target: must be from 0 to 100, with at most 6 decimal places (got 100.5)",
        ),
        (
            ["score", EVIDENCE, "--depth", "11", "--lang", "en"],
            2,
            "--depth: must be from 1 to 10, with at most 0 decimal places (got 11)",
        ),
        (
            ["project", EVIDENCE, PLAN, "--as-of", "soon", "--lang", "en"],
            2,
            "expected a date such as 2023-12-31, got 'soon'",
        ),
        (
            ["project", EVIDENCE, PLAN, "--target", "Xuất sắc"],
            2,
            "--target: 'Xuất sắc' không phải là số điểm hay tên một mức xếp loại",
        ),
        (["project", EVIDENCE, PLAN, "--tasks", "3.1,Z"], 1, "không có nhiệm vụ nào mang mã này"),
        (["plan", EVIDENCE, str(EXAMPLE / "annex.tsv"), "--budget", "3"], 1, "TOML không hợp lệ"),
    ],
)
def test_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, out, err = run(capsys, *argv)
    assert (got, out) == (code, "")
    assert message in err
    assert "Traceback" not in err


def test_plan_as_of_iso_and_vietnamese_dates(capsys: pytest.CaptureFixture[str]) -> None:
    _, iso, _ = run(capsys, "project", EVIDENCE, PLAN, "--as-of", "2023-06-30", "--format", "json")
    _, vi, _ = run(capsys, "project", EVIDENCE, PLAN, "--as-of", "30/6/2023", "--format", "json")
    assert iso == vi
    assert json.loads(iso, parse_float=Decimal)["all_done"] == Decimal("87.14")


def test_what_if_example_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "what_if.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert "84.14" in proc.stdout
    assert proc.stderr == ""
