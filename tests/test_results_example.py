"""The synthetic example results table gets exactly the findings its README lists."""

from __future__ import annotations

import re
from decimal import Decimal

import cchc_score

from .conftest import ROOT

FOLDER = ROOT / "examples" / "results_2022"
BANDS = "Tốt>=90%;Khá>=80%;Trung bình>=70%;Yếu"


def _readme_rows() -> list[tuple[int, str, str, str]]:
    """(line, unit, column, kind) of each row of the README's table of findings."""
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        match = re.match(r"^\| (\d+) \| ([^|]*)\| ([^|]*)\| `(\w+)` \|", line)
        if match:
            rows.append((int(match[1]), match[2].strip(), match[3].strip(), match[4]))
    return rows


def test_the_example_gets_exactly_its_expected_findings() -> None:
    findings = cchc_score.check_results(FOLDER / "results.csv", bands=BANDS, order="desc")
    got = [(f.row, f.unit, f.column, f.kind) for f in findings]
    assert got == _readme_rows()
    assert len(got) == 13  # the README lists one of each kind
    assert {kind for *_, kind in got} == set(cchc_score.results.RESULT_KINDS)


def test_the_example_findings_carry_both_numbers() -> None:
    findings = cchc_score.check_results(FOLDER / "results.csv", bands=BANDS, order="desc")
    by_kind = {f.kind: f for f in findings}
    # Phường B: 60,25 + 30,00 = 90,25 exactly; the table says 90,26.
    assert (by_kind["total_not_sum"].stated, by_kind["total_not_sum"].computed) == (
        Decimal("90.26"),
        Decimal("90.25"),
    )
    # Phường C: 88,10 × 100 / 97 = 90,8247… → 90,82 at the stated percentage's 2 places.
    percent = by_kind["percent_mismatch"]
    assert (percent.stated, percent.computed) == (Decimal("88.10"), Decimal("90.82"))
    assert percent.message("en").endswith("88.10% = 88.10/100, not /97")
    # Xã K: totals 95; 89,50; 89,50; 88 → competition ranks 1, 2, 2, 4.
    assert (by_kind["rank_mismatch"].stated, by_kind["rank_mismatch"].computed) == (
        Decimal(3),
        Decimal(4),
    )
    # The summary line says Yếu: 4; Xã P, Q and R are rated Yếu.
    count = by_kind["rating_count_mismatch"]
    assert (count.stated, count.computed) == (Decimal(4), Decimal(3))


def test_a_summary_of_one_unit_is_said_in_the_singular() -> None:
    rows = [
        ["STT", "Đơn vị", "Tổng điểm", "Xếp loại"],
        ["1", "Xã A", "95", "Tốt"],
        ["2", "Xã B", "85", "Khá"],
        ["3", "Xã C", "86", "Khá"],
        ["", "Tổng hợp xếp loại: Tốt: 1; Khá: 1"],
    ]
    (finding,) = cchc_score.check_results(rows, bands="Tốt>=90;Khá>=80;Yếu")
    assert finding.message("en") == (
        "Line 5: the summary says 1 unit is rated Khá, but the table has 2"
    )
    assert finding.message("vi") == (
        "Dòng 5: dòng tổng hợp ghi 1 đơn vị xếp loại Khá, nhưng bảng có 2"
    )
