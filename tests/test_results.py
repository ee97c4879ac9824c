"""Checking results tables: each finding kind on a hand-made table, ties, groups, bands on
points and on percentages, totals above 100 without a maximum, broken rows, the readers (CSV,
TSV in UTF-16, xlsx) and the whole-table errors as data (tests/data/results_invalid/)."""

from __future__ import annotations

import codecs
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

import cchc_score
from cchc_score import ResultsError, check_results
from cchc_score.errors import ArgumentError
from cchc_score.result_bands import parse_bands

from .conftest import DATA

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from cchc_score import ResultFinding

Rows = list[list[object]]
HEADER: list[object] = [
    "Đơn vị",
    "Điểm thẩm định (65)",
    "Điều tra XHH /35",
    "Tổng điểm",
    "Xếp hạng",
]


def kinds(findings: Sequence[ResultFinding]) -> list[tuple[int, str, str]]:
    return [(f.row, f.column, f.kind) for f in findings]


# --------------------------------------------------------------------------- one kind each


def test_a_consistent_table_has_no_finding() -> None:
    # 60 + 30 = 90 (rank 1), 50,5 + 30 = 80,5 (rank 2): sums, maxima, ranks and order agree.
    rows: Rows = [HEADER, ["Xã A", "60", "30", "90", 1], ["Xã B", "50,5", "30", "80,5", 2]]
    assert check_results(rows) == ()


def test_a_total_one_hundredth_off_its_components() -> None:
    # 56,71 + 30,00 = 86,71 exactly; the table says 86,72.
    rows: Rows = [HEADER, ["Xã A", "56,71", "30,00", "86,72", 1]]
    (finding,) = check_results(rows)
    assert (finding.kind, finding.row, finding.column) == ("total_not_sum", 2, "Tổng điểm")
    assert (finding.stated, finding.computed) == (Decimal("86.72"), Decimal("86.71"))


def test_a_units_own_score_is_not_a_part_of_the_total() -> None:
    # Districts often print the points each unit gave itself beside the appraised ones:
    # 60 + 30 = 90 is the total; 62 (self-assessed) is not added (62 + 60 + 30 = 152).
    header = ["Đơn vị", "Điểm tự đánh giá", *HEADER[1:]]
    rows: Rows = [header, ["Xã A", "62", "60", "30", "90", 1]]
    assert check_results(rows) == ()
    rows[0][1] = "Tự chấm"
    assert check_results(rows) == ()


def test_a_sum_is_compared_at_the_totals_decimals() -> None:
    # 50,1250 + 30,58 = 80,7050 → 80,71 at the total's two places (half up): no finding.
    rows: Rows = [HEADER, ["Xã A", "50,1250", "30,58", "80,71", 1]]
    assert check_results(rows) == ()
    # One hundredth more is a finding: 80,72 ≠ 80,71.
    rows[1][3] = "80,72"
    assert [f.kind for f in check_results(rows)] == ["total_not_sum"]


def test_an_ambiguous_number_is_refused_never_guessed() -> None:
    # "50,125" could be fifty thousand one hundred and twenty-five.
    rows: Rows = [HEADER, ["Xã A", "50,125", "30,58", "80,71", 1]]
    (finding,) = check_results(rows)
    assert finding.message("en") == (
        "Xã A (line 2), column 'Điểm thẩm định (65)': ambiguous number '50,125' (a thousands "
        "separator or a decimal comma?): write it with more or fewer decimals, e.g. 1,2340"
    )


@pytest.mark.parametrize(
    ("component", "total", "expected"),
    [
        ("36", "96", (3, "Điều tra XHH /35", "above_max")),  # 36 > 35 in the header
        ("-1", "59", (3, "Điều tra XHH /35", "below_zero")),
    ],
)
def test_a_component_outside_its_range(
    component: str, total: str, expected: tuple[int, str, str]
) -> None:
    rows: Rows = [HEADER, ["Xã A", "60", "30", "90", 2], ["Xã B", "60", component, total, 1]]
    rows[1][4], rows[2][4] = (2, 1) if total == "96" else (1, 2)  # ranks from the totals
    assert kinds(check_results(rows)) == [expected]


def test_a_total_above_the_maximum_given() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm"], ["Xã A", "101"], ["Xã B", "99"]]
    (finding,) = check_results(rows, max=100)
    assert (finding.kind, finding.stated, finding.computed) == (
        "above_max",
        Decimal(101),
        Decimal(100),
    )


def test_totals_above_100_with_no_maximum_known_are_not_findings() -> None:
    # A bonus-scaled scale: no maximum in the header, none given, no rules.
    rows: Rows = [
        ["Đơn vị", "Tổng điểm", "Tỷ lệ"],
        ["Xã A", "104,5", "95%"],
        ["Xã B", "101", "92%"],
    ]
    assert check_results(rows) == ()


def test_the_total_header_states_its_maximum() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm (110)"], ["Xã A", "111"]]
    assert kinds(check_results(rows)) == [(2, "Tổng điểm (110)", "above_max")]


def test_the_components_maxima_give_the_totals() -> None:
    # 65 + 35 = 100: a total of 100,5 is above it (and not the sum 65 + 35,5 either: the
    # component is above its own maximum).
    rows: Rows = [HEADER[:4], ["Xã A", "65", "35,5", "100,5"]]
    assert [f.kind for f in check_results(rows)] == ["above_max", "above_max"]


def test_a_percentage_that_follows_another_maximum_is_named() -> None:
    # 23,56/26 = 90,615… → 90,62%; the row's maximum is 29 (81,24%).
    rows: Rows = [
        ["Đơn vị", "Tổng điểm", "Điểm tối đa", "Tỷ lệ %"],
        ["Sở A", "23,56", "29", "90,62%"],
        ["Sở B", "26", "26", "100%"],
    ]
    (finding,) = check_results(rows)
    assert finding.kind == "percent_mismatch"
    assert (finding.stated, finding.computed) == (Decimal("90.62"), Decimal("81.24"))
    assert finding.message("en") == (
        "Sở A (line 2), column 'Tỷ lệ %': the percentage 90.62% does not follow from "
        "23.56/29 = 81.24%: 90.62% = 23.56/26, not /29"
    )


def test_a_percentage_that_follows_no_maximum() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm (100)", "Tỷ lệ"], ["Xã A", "86,71", "87,71"]]
    (finding,) = check_results(rows)
    assert finding.message("vi") == (
        "Xã A (dòng 2), cột 'Tỷ lệ': tỷ lệ 87,71% không khớp với 86,71/100 = 86,71%"
    )


def test_ties_share_a_rank_and_the_next_one_skips() -> None:
    # 90, 88, 88, 80 → 1, 2, 2, 4. A table that writes 3 for the last (dense ranking) is wrong.
    rows: Rows = [["Đơn vị", "Tổng điểm", "Vị thứ"], ["A", "90", 1], ["B", "88", 2], ["C", "88", 2]]
    assert check_results([*rows, ["D", "80", 4]]) == ()
    (finding,) = check_results([*rows, ["D", "80", 3]])
    assert (finding.kind, finding.row) == ("rank_mismatch", 5)
    assert (finding.stated, finding.computed) == (Decimal(3), Decimal(4))


def test_a_declared_order_names_both_rows() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm"], ["A", "95"], ["B", "80,4"], ["C", "83"], ["D", "70"]]
    (finding,) = check_results(rows, order="desc")
    assert finding.message("en") == (
        "C (line 4), column 'Tổng điểm': the list runs from the highest to the lowest, but "
        "83 comes after B (line 3) with 80.4"
    )
    assert check_results(rows, order="none") == ()
    # Ascending: every pair but B→C is out of order (95 > 80,4 and 83 > 70).
    assert [f.row for f in check_results(rows, order="asc")] == [3, 5]


def table(totals: list[int]) -> Rows:
    return [[f"Xã {i}", str(t)] for i, t in enumerate(totals)]


def test_an_order_is_detected_when_90_percent_of_the_list_has_it() -> None:
    totals = [100 - i for i in range(12)]  # 11 pairs, all from the highest
    totals[5], totals[6] = totals[6], totals[5]  # one pair of 11 (9%) out of order
    rows: Rows = [["Đơn vị", "Tổng điểm"], *table(totals)]
    # Rows are lines 2 to 13: the swapped pair is on lines 7 and 8; line 8 breaks the order.
    assert kinds(check_results(rows)) == [(8, "Tổng điểm", "out_of_order")]
    # Two pairs of 11 out of order (82% in order): not an ordered list, nothing said.
    totals[1], totals[2] = totals[2], totals[1]
    rows = [["Đơn vị", "Tổng điểm"], *table(totals)]
    assert check_results(rows) == ()


def test_duplicate_units_empty_cells_and_unreadable_numbers() -> None:
    rows: Rows = [
        ["STT", "Đơn vị", "Tổng điểm", "Xếp loại"],
        [1, "Xã A", "90", "Tốt"],
        [2, "xã  a", "88", "Khá"],  # the same name, in other case and spacing
        [3, "", "86", "Khá"],
        [4, "Xã C", "", "Khá"],
        [5, "Xã D", "8O", ""],
    ]
    assert kinds(check_results(rows)) == [
        (3, "Đơn vị", "duplicate_unit"),
        (4, "Đơn vị", "empty_cell"),
        (5, "Tổng điểm", "empty_cell"),
        (6, "Tổng điểm", "unreadable_number"),
        (6, "Xếp loại", "empty_cell"),
    ]


@pytest.mark.parametrize(
    ("bands", "rating", "expected"),
    [
        ("Tốt>=90;Khá>=80;Trung bình>=70;Yếu", "Khá", []),  # 86,71 points: Khá
        ("Tốt>=90;Khá>=80;Trung bình>=70;Yếu", "Tốt", ["rating_mismatch"]),
        # On percentages: 86,71/95 = 91,27% → Tốt, whatever the points.
        ("Tốt>=90%;Khá>=80%;Trung bình>=70%;Yếu", "Tốt", []),
        ("Tốt>=90%;Khá>=80%;Trung bình>=70%;Yếu", "Khá", ["rating_mismatch"]),
        ("Tốt>=90;Khá>=80;Yếu", "Xuất sắc", ["unknown_rating"]),
        # Strict: "above 86,71" does not hold 86,71 itself.
        ("Tốt>86,71;Khá", "Khá", []),
    ],
)
def test_ratings_on_points_and_on_percentages(bands: str, rating: str, expected: list[str]) -> None:
    rows: Rows = [
        ["Đơn vị", "Tổng điểm", "Điểm tối đa", "Xếp loại"],
        ["Xã A", "86,71", "95", rating],
    ]
    assert [f.kind for f in check_results(rows, bands=bands)] == expected


def test_a_number_past_the_bounds_is_quoted_short() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm"], ["Xã A", "9" * 5000]]
    (finding,) = check_results(rows)
    assert finding.message("en") == (
        f"Xã A (line 2), column 'Tổng điểm': '{'9' * 39}…' is past the bounds on numbers "
        "(too large or too many digits; see docs/limits.md)"
    )


def test_the_rules_bands_are_on_points(rules: cchc_score.RuleSet) -> None:
    # criteria_2022: Tốt ≥ 90, Khá ≥ 70: 86,71 is Khá; its maximum is 100.
    rows: Rows = [
        ["Đơn vị", "Tổng điểm", "Xếp loại"],
        ["Xã A", "86,71", "Tốt"],
        ["Xã B", "101", "Tốt"],
    ]
    found = check_results(rows, rules=rules)
    assert [(f.row, f.kind, f.computed) for f in found] == [
        (2, "rating_mismatch", "Khá"),
        (3, "above_max", 100),
    ]
    assert check_results(rows, rules="criteria_2022") == found


def test_the_rules_give_a_domains_maximum_to_its_column(rules: cchc_score.RuleSet) -> None:
    # criteria_2022: domain I is out of 10, IX out of 25; "Khác" has no maximum anywhere.
    rows: Rows = [
        ["Đơn vị", "I. Công tác chỉ đạo, điều hành", "IX", "Khác", "Tổng điểm"],
        ["Xã A", "10,5", "25", "50", "85,5"],
    ]
    assert kinds(check_results(rows, rules=rules)) == [
        (2, "I. Công tác chỉ đạo, điều hành", "above_max")
    ]
    assert check_results(rows) == ()  # without the rules, no maximum is known


def test_a_summary_line_counts_the_ratings() -> None:
    rows: Rows = [
        ["Đơn vị", "Tổng điểm", "Xếp loại"],
        ["Xã A", "92", "Tốt"],
        ["Xã B", "85", "Khá"],
        ["Xã C", "81", "Khá"],
        ["Tổng hợp xếp loại: Tốt: 1 đơn vị; Khá: 3 đơn vị; Yếu: 0"],
    ]
    (finding,) = check_results(rows)
    assert (
        finding.message("en")
        == "Line 5: the summary says 3 units are rated Khá, but the table has 2"
    )


def test_groups_are_ranked_apart_by_column_and_by_heading() -> None:
    by_column: Rows = [
        ["Nhóm", "Đơn vị", "Tổng điểm", "Xếp hạng"],
        ["Phường", "P1", "90", 1],
        ["Phường", "P2", "85", 2],
        ["Xã", "X1", "88", 1],
        ["Xã", "X2", "80", 3],  # 2nd of its group
    ]
    assert kinds(check_results(by_column)) == [(5, "Xếp hạng", "rank_mismatch")]
    by_heading: Rows = [
        ["Đơn vị", "Tổng điểm", "Xếp hạng"],
        ["A. Khối phường"],
        ["P1", "90", 1],
        ["P2", "85", 2],
        ["B. Khối xã"],
        ["X1", "88", 1],
        ["X2", "80", 2],
    ]
    assert check_results(by_heading) == ()


def test_a_broken_row_is_listed_and_the_others_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_text(
        'Đơn vị,Tổng điểm,Xếp hạng\nXã A,"90,5",1\nXã B,86,71,2\nXã C,"80",2\n', encoding="utf-8"
    )
    found = check_results(path)
    assert kinds(found) == [(3, "", "unreadable_row")]  # no rank check: a row is missing
    assert found[0].message("en") == (
        "Xã B (line 3): the row cannot be read: 4 cells, but the header (line 1) has 3 columns "
        '(an unquoted decimal comma splits a cell in two: write "86,71")'
    )
    path.write_text('Đơn vị,Tổng điểm\nXã A,"90,5"\nXã B,"8"6"\nXã C,"80"\n', encoding="utf-8")
    assert [f.kind for f in check_results(path)] == ["unreadable_row"]


def test_a_row_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    path.write_bytes("Đơn vị,Tổng điểm\nXã A,90\n".encode() + b"X\xe3 B,80\nX\xc3\xa3 C,70\n")
    (finding,) = check_results(path)
    assert (finding.kind, finding.row) == ("unreadable_row", 3)


def test_rows_of_sums_and_title_lines_are_not_units() -> None:
    rows: Rows = [
        ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2022"],
        [],
        ["TT", "Tên đơn vị", "Chỉ số"],
        [1, "Xã A", "90"],
        [2, "Xã B", "80"],
        ["", "Tổng cộng", "170"],
    ]
    assert check_results(rows) == ()


def test_a_two_row_header_and_a_row_numbering_the_columns() -> None:
    # "Điểm thành phần" spans two columns named on the row below; then "(1) (2) … (5)=(3)+(4)".
    rows: Rows = [
        ["STT", "Đơn vị", "Điểm thành phần", "", "Tổng điểm", "Xếp hạng"],
        ["", "", "Thẩm định (65)", "XHH /35", "", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)=(3)+(4)", "(6)"],
        [1, "Xã A", "64", "30", "94", 1],
        [2, "Xã B", "66", "30", "96", 2],
    ]
    # Xã B: 66 > 65 (the maximum from the second header row); 96 > 94, so it ranks 1st.
    assert kinds(check_results(rows)) == [
        (4, "Xếp hạng", "rank_mismatch"),
        (5, "Thẩm định (65)", "above_max"),
        (5, "Xếp hạng", "rank_mismatch"),
    ]
    lettered: Rows = [["TT", "Đơn vị", "Tổng", "Hạng"], ["A", "B", "1", "2"], [1, "Xã A", "90", 1]]
    assert check_results(lettered) == ()


# --------------------------------------------------------------------------- the file formats


CSV_TABLE = "Đơn vị,Điểm thẩm định (65),Điều tra XHH /35,Tổng điểm,Xếp hạng\n" + (
    'Xã A,"60,00","30,50","90,50",1\nXã B,"56,71","30,00","86,72",2\n'
)


def test_a_tsv_in_utf16_as_word_and_excel_write_it(tmp_path: Path) -> None:
    path = tmp_path / "results.txt"
    tsv = (
        "Đơn vị\tĐiểm thẩm định (65)\tĐiều tra XHH /35\tTổng điểm\tXếp hạng\r\n"
        "Xã A\t60,00\t30,50\t90,50\t1\r\nXã B\t56,71\t30,00\t86,72\t2\r\n"
    )
    path.write_bytes(codecs.BOM_UTF16_LE + tsv.encode("utf-16-le"))
    assert kinds(check_results(path)) == [(3, "Tổng điểm", "total_not_sum")]


def test_a_csv_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    table = CSV_TABLE.replace('"', "").replace(",", ";")  # every comma, decimal ones too
    path.write_text(
        table.replace(";00", ",00")
        .replace(";50", ",50")
        .replace(";71", ",71")
        .replace(";72", ",72"),
        encoding="utf-8-sig",
    )
    assert kinds(check_results(path)) == [(3, "Tổng điểm", "total_not_sum")]


def test_a_quoted_header_with_commas_in_a_semicolon_table(tmp_path: Path) -> None:
    # The separator is sniffed outside quotes: the unit header's commas are not separators.
    path = tmp_path / "results.csv"
    path.write_text('"Xã, phường, thị trấn";"Tổng điểm"\nXã A;"90,5"\nXã B;8O\n', encoding="utf-8")
    assert kinds(check_results(path)) == [(3, "Tổng điểm", "unreadable_number")]


def test_an_xlsx_workbook_with_numbers_and_percentages(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kết quả năm 2022 (số liệu giả định)"])
    sheet.append(["Đơn vị", "Điểm thẩm định (65)", "Điều tra XHH /35", "Tổng điểm", "Tỷ lệ"])
    sheet.append(["Xã A", 60, 30.5, 90.5, 0.905])
    sheet.append(["Xã B", 56.71, 30, 86.72, 0.8672])
    for row in (3, 4):
        sheet.cell(row, 5).number_format = "0.00%"
    path = tmp_path / "results.xlsx"
    book.save(path)
    # Floats are read by their shortest form: 56.71 + 30 = 86.71, not 86.7099999….
    found = check_results(path)
    assert [(f.row, f.kind, f.stated, f.computed) for f in found] == [
        (4, "total_not_sum", Decimal("86.72"), Decimal("86.71"))
    ]


def test_an_xlsx_without_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path = tmp_path / "results.xlsx"
    path.write_bytes(b"PK\x03\x04 xl/workbook.xml")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ResultsError) as info:
        check_results(path)
    assert info.value.codes == ("E-XLSX-MISSING",)


def test_a_workbook_that_unpacks_past_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    import cchc_score.limits as reader

    path = tmp_path / "results.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>" + " " * 3 * 2**20)
    monkeypatch.setattr(reader, "MAX_XLSX_UNCOMPRESSED", 2 * 2**20)  # 2 MB, for the test
    with pytest.raises(ResultsError) as info:
        check_results(path)
    assert info.value.text("en").endswith(
        "the workbook unpacks to 3 MB; the limit is 2 MB (a zip bomb? see docs/limits.md)"
    )


INVALID = DATA / "results_invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix != ".expected")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_a_table_that_cannot_be_read_is_an_error(
    path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.chdir(INVALID)
    with pytest.raises(ResultsError) as info:
        check_results(path.name)
    found = info.value.text("en") + "\n"
    expected = path.with_suffix(".expected")
    if update_golden:
        expected.write_text(found, encoding="utf-8")
    assert found == expected.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "spec", ["", "Tốt>=80;Khá>=90", "Tốt>=90%;Khá>=80", "Tốt>=x", "Yếu;Tốt>=90", ">=90;Khá"]
)
def test_bands_not_in_the_form_are_refused(spec: str) -> None:
    with pytest.raises(ArgumentError) as info:
        parse_bands(spec)
    assert info.value.codes == ("E-RESULTS-BANDS",)


@pytest.mark.parametrize(
    ("spec", "names"),
    [("Tốt", ["Tốt"]), ("Tốt>=90;Khá;", ["Tốt", "Khá"]), ("Tốt≥90;Khá>70,5", ["Tốt", "Khá"])],
)
def test_bands_in_the_form(spec: str, names: list[str]) -> None:
    assert [band.name for band in parse_bands(spec).bands] == names


def test_wrong_arguments() -> None:
    rows: Rows = [["Đơn vị", "Tổng điểm"], ["Xã A", "90"]]
    with pytest.raises(ArgumentError):
        check_results(rows, max=0)
    with pytest.raises(ArgumentError):
        check_results(rows, order="up")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        check_results(rows, rules=3)  # type: ignore[arg-type]
