"""`cchc-score check-results`: the report (golden files), JSON, exit codes and usage errors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from .conftest import ROOT, check_golden
from .test_cli import run

if TYPE_CHECKING:
    from pathlib import Path

EXAMPLE = "examples/results_2022/results.csv"
BANDS = "Tốt>=90%;Khá>=80%;Trung bình>=70%;Yếu"


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    ("golden", "argv"),
    [
        ("check_results_vi.txt", [EXAMPLE, "--bands", BANDS, "--order", "desc"]),
        (
            "check_results_en.md",
            [EXAMPLE, "--bands", BANDS, "--order", "desc", "--lang", "en", "--format", "markdown"],
        ),
    ],
)
def test_the_example_report(
    capsys: pytest.CaptureFixture[str], golden: str, argv: list[str], update_golden: bool
) -> None:
    code, out, err = run(capsys, "check-results", *argv)
    assert (code, err) == (1, "")  # errors found: exit 1, like reconcile
    check_golden(golden, out, update_golden)


def test_json_has_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-results", EXAMPLE, "--bands", BANDS, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["errors"] == len(data["findings"])
    first = data["findings"][0]
    assert list(first) == [
        "severity", "row", "unit", "column", "kind", "stated", "computed", "message"
    ]  # fmt: skip
    # Numbers are JSON numbers in the table's own decimals (docs/json.md): the exact text.
    assert '"stated": 90.26' in out
    assert (first["row"], first["kind"], first["stated"], first["computed"]) == (
        5,
        "total_not_sum",
        90.26,
        90.25,
    )


def test_a_consistent_table_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text('Đơn vị,Tổng điểm,Xếp loại\nXã A,"92,5",Tốt\nXã B,"71",Khá\n', encoding="utf-8")
    code, out, err = run(capsys, "check-results", str(path), "--rules", "criteria_2022")
    assert (code, out, err) == (
        0,
        "Không thấy sai sót: tổng, tối đa, tỷ lệ, thứ hạng, thứ tự và xếp loại đều khớp.\n",
        "",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bands", "Tốt>=80;Khá>=90"], "--bands: not in the form"),
        (["--max", "0"], "--max: must be > 0"),
        (["--order", "up"], "invalid choice: 'up'"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "check-results", EXAMPLE, *argv, "--lang", "en")
    assert (code, out) == (2, "")
    assert message in err


def test_a_table_that_cannot_be_read_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check-results", "no/such.csv", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("error: no/such.csv: cannot read the file: ")
