"""Reading annexes from Word files (.docx): built here with python-docx, never committed.

The example ward's annex (examples/ward_2022/annex.tsv) is laid out as Word lays it out
(title paragraphs, one table, domain rows merged across every column, cells of two
paragraphs, the header repeated after a page break, continuation rows) and must read to
the same appraisal and plan as the text; a second ward's annex, written by hand with its
own quirks, is checked against values read by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from cchc_score import cli
from cchc_score.annex import Appraisal, AppraisalNode
from cchc_score.errors import AnnexError
from cchc_score.io.annex import read_annex
from cchc_score.io.appraisal import load_appraisal
from cchc_score.io.plan import load_plan
from cchc_score.plan import Deadline

from .conftest import EXAMPLE
from .fuzz.test_outputs import cchc

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

docx = pytest.importorskip("docx")

TSV = EXAMPLE / "annex.tsv"


# --------------------------------------------------------------------------- building


def _merge_row(row: Any, text: str) -> None:
    """The row as one cell across every column, as Word merges a domain row."""
    merged = row.cells[0].merge(row.cells[-1])
    merged.text = text


def _two_paragraphs(cell: Any, text: str) -> bool:
    """The text as two paragraphs, split after its first sentence; False if it has none."""
    cut = text.find(". ")
    if cut < 0:
        return False
    cell.text = text[: cut + 1]
    cell.add_paragraph(text[cut + 2 :])
    return True


def example_docx(path: Path) -> dict[int, int]:
    """The example annex as a Word file at ``path``; returns each text line's table row.

    Title lines become paragraphs; every line with cells becomes a table row (the repeated
    headers and continuation rows too; blank lines between pages are not rows); a domain
    row with no numbers in its columns becomes one cell merged across the row, its numeral
    and text together; the task of every criterion row is split into two paragraphs.
    """
    lines = TSV.read_text(encoding="utf-8").split("\n")
    document = docx.Document()
    rows: dict[int, int] = {}
    table = None
    split = 0
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if table is None and len(cells) == 1:
            document.add_paragraph(line)
            continue
        if len(cells) == 1:
            continue  # a blank line between pages
        if table is None:
            table = document.add_table(rows=0, cols=len(cells))
        row = table.add_row()
        rows[number] = len(table.rows)
        stt, rest = cells[0], cells[2:]
        if stt in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII") and not any(rest):
            _merge_row(row, f"{stt}. {cells[1]}")
            continue
        for cell, text in zip(row.cells, cells, strict=False):
            cell.text = text
        if stt.isdigit() and _two_paragraphs(row.cells[5], cells[5]):
            split += 1
    assert split >= 5  # the test exercises what it says
    document.save(path)
    return rows


def _at_rows(appraisal: Appraisal, rows: dict[int, int]) -> Appraisal:
    """The appraisal read from the text with each line replaced by its table row."""

    def row(line: int | None) -> int | None:
        return None if line is None else rows[line]

    return attrs.evolve(
        appraisal,
        nodes=tuple(attrs.evolve(n, line=rows[n.line]) for n in appraisal.nodes),
        total_line=row(appraisal.total_line),
        rating_line=row(appraisal.rating_line),
    )


@pytest.fixture
def example(tmp_path: Path) -> tuple[Path, dict[int, int]]:
    path = tmp_path / "phu_luc.docx"
    return path, example_docx(path)


def test_example_docx_reads_as_the_text(example: tuple[Path, dict[int, int]]) -> None:
    path, rows = example
    expected, expected_plan = read_annex(TSV)
    appraisal, plan = read_annex(path)
    assert appraisal == _at_rows(expected, rows)
    assert plan == expected_plan
    assert appraisal.source == str(path)
    # The title names the year; "của UBND phường" names no unit.
    assert (appraisal.year, appraisal.unit) == (2022, None)
    assert len(appraisal.nodes) == 29


def test_example_docx_domain_rows_are_merged_cells(example: tuple[Path, dict[int, int]]) -> None:
    path, _ = example
    table = docx.Document(str(path)).tables[0]
    first = table.rows[1].cells  # row 2: domain I, one cell across the nine columns
    assert len({id(cell._tc) for cell in first}) == 1
    appraisal, _ = read_annex(path)
    domain = appraisal.node("I")
    assert (domain.line, domain.max, domain.score) == (2, Decimal("10.0"), Decimal("8.83"))


def test_a_docx_under_another_name_is_read_as_a_docx(
    example: tuple[Path, dict[int, int]], tmp_path: Path
) -> None:
    path, _ = example
    renamed = tmp_path / "phu_luc.txt"
    renamed.write_bytes(path.read_bytes())
    assert read_annex(renamed) == read_annex(path)


# --------------------------------------------------------------------------- another ward

# A ward the project has never seen, written as its office would write it: a layout table
# (the state's motto) before the annex, other column names, a bulleted task, a reason of
# two paragraphs, domain rows merged across the row, a "Quý II/2023" deadline and a total.
_XA: list[list[str | list[str]]] = [
    ["STT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Lý do bị trừ điểm",
     "Giải pháp khắc phục", "Chủ trì", "Phối hợp", "Thời hạn"],
    ["II. Cải cách thể chế: 6,0/7 điểm (trừ 1,0 điểm)"],
    ["1", "Tiêu chí 2.1: Ban hành văn bản QPPL", "2,5", "2,0", "Ban hành chậm 01 văn bản",
     ["Rà soát kế hoạch ban hành văn bản", "Trình HĐND đúng hạn"],
     "Công chức Tư pháp – Hộ tịch", "Văn phòng – Thống kê; các ban, ngành", "Quý II/2023"],
    ["2", "Tiêu chí 2.3: Theo dõi thi hành pháp luật (trừ 0,5 điểm)", "2.75", "2,25",
     "Chưa có báo cáo", "Báo cáo đúng hạn", "Công chức Tư pháp – Hộ tịch", "",
     "Tháng 9/2023"],
    ["VII. Xây dựng chính quyền số: 13,5/15,5 điểm (trừ 2,0 điểm)"],
    ["3", "Tiêu chí 7.1.2: Cung cấp dịch vụ công trực tuyến", "3,0", "1,0",
     "Tỷ lệ hồ sơ trực tuyến thấp.\nChưa thanh toán trực tuyến.", "Hướng dẫn người dân",
     "Văn phòng – Thống kê", "Bưu điện xã", "Năm 2023"],
    ["Tổng cộng", "", "", "85,5"],
]  # fmt: skip


def xa_docx(path: Path) -> None:
    document = docx.Document()
    motto = document.add_table(rows=1, cols=2)
    motto.rows[0].cells[0].text = "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP"
    motto.rows[0].cells[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto.add_row().cells[1].text = "Tân Lập, ngày 05 tháng 02 năm 2024"
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 VÀ NHIỆM VỤ KHẮC PHỤC")
    document.add_paragraph("(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/02/2024)")
    table = document.add_table(rows=0, cols=9)
    for cells in _XA:
        row = table.add_row()
        if len(cells) == 1:
            _merge_row(row, str(cells[0]))
            continue
        if cells[0] == "Tổng cộng":
            label = row.cells[0].merge(row.cells[1])
            label.text = "Tổng cộng"
        for cell, value in zip(row.cells, cells, strict=False):
            if isinstance(value, list):  # a bulleted list
                cell.text = value[0]
                cell.paragraphs[0].style = "List Bullet"
                for item in value[1:]:
                    cell.add_paragraph(item, style="List Bullet")
            elif value and cell.text != value:
                paragraphs = str(value).split("\n")
                cell.text = paragraphs[0]
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
    document.save(path)


def test_another_ward_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "xa.docx"
    xa_docx(path)
    appraisal, plan = read_annex(path)
    # The title: the layout table's "ỦY BAN NHÂN DÂN / XÃ TÂN LẬP" (two lines of one cell)
    # and "… NĂM 2023 …" (the signing date's "năm 2024" is a date, not the index's year).
    assert (appraisal.unit, appraisal.year) == ("Xã Tân Lập", 2023)
    # Row 1 is the header; the merged rows 2 and 5 are domains, their points in the text.
    assert appraisal.nodes == (
        AppraisalNode("II", "Cải cách thể chế", "domain", Decimal(7), Decimal("6.0"),
                      Decimal("1.0"), line=2),
        AppraisalNode("2.1", "Ban hành văn bản QPPL", "criterion", Decimal("2.5"),
                      Decimal("2.0"), None, "Ban hành chậm 01 văn bản", 3,
                      # Each bullet keeps its dash, the paragraphs one line.
                      "- Rà soát kế hoạch ban hành văn bản - Trình HĐND đúng hạn",
                      "Công chức Tư pháp – Hộ tịch",
                      ("Văn phòng – Thống kê", "các ban, ngành"), "Quý II/2023"),
        AppraisalNode("2.3", "Theo dõi thi hành pháp luật", "criterion", Decimal("2.75"),
                      Decimal("2.25"), Decimal("0.5"), "Chưa có báo cáo", 4,
                      "Báo cáo đúng hạn", "Công chức Tư pháp – Hộ tịch", (), "Tháng 9/2023"),
        AppraisalNode("VII", "Xây dựng chính quyền số", "domain", Decimal("15.5"),
                      Decimal("13.5"), Decimal("2.0"), line=5),
        AppraisalNode("7.1.2", "Cung cấp dịch vụ công trực tuyến", "criterion",
                      Decimal("3.0"), Decimal("1.0"), None,
                      # Two paragraphs: one line, as a continuation row would give.
                      "Tỷ lệ hồ sơ trực tuyến thấp. Chưa thanh toán trực tuyến.", 6,
                      "Hướng dẫn người dân", "Văn phòng – Thống kê", ("Bưu điện xã",),
                      "Năm 2023"),
    )  # fmt: skip
    assert (appraisal.total, appraisal.total_line) == (Decimal("85.5"), 7)
    assert [t.id for t in plan.tasks] == ["2.1", "2.3", "7.1.2"]
    # Quý II ends on 30 June, tháng 9 on 30 September, năm 2023 on 31 December.
    assert [t.deadline for t in plan.tasks] == [
        Deadline("Quý II/2023", dt.date(2023, 6, 30), "quarter"),
        Deadline("Tháng 9/2023", dt.date(2023, 9, 30), "month"),
        Deadline("Năm 2023", dt.date(2023, 12, 31), "year"),
    ]


def test_problems_name_the_table_and_row(tmp_path: Path) -> None:
    path = tmp_path / "xa.docx"
    xa_docx(path)
    document = docx.Document(str(path))
    document.tables[1].rows[3].cells[2].text = "hai"  # 2.3's maximum
    document.save(str(path))
    with pytest.raises(AnnexError) as info:
        read_annex(path)
    # The annex is the document's second table; row 4 is 2.3's.
    assert str(info.value) == (
        f"{path}: table 2, row 4: column \"Điểm tối đa\": not a number: 'hai' (write digits "
        "with one decimal comma or point)"
    )


# --------------------------------------------------------------------------- a third ward

_HEADER = ["TT", "Tiêu chí/tiêu chí thành phần bị trừ điểm", "Điểm tối đa", "Điểm thẩm định",
           "Nguyên nhân bị trừ điểm", "Nhiệm vụ, giải pháp khắc phục", "Cơ quan chủ trì",
           "Cơ quan phối hợp", "Thời gian hoàn thành"]  # fmt: skip

# Another office's habits: the header typed in decomposed Unicode (NFD) and repeated after a
# page break, criteria written "TC 1.7." and "Tiêu chí 1.2 -", a criterion at full points
# with nothing to do, a maximum "1,5 điểm", a reason spilling into a continuation row and one
# with a line break, and deadlines in words ("Trước 30/6/2023", "Quý III năm 2023").
_HOA_BINH: list[list[str]] = [
    [unicodedata.normalize("NFD", h) for h in _HEADER],
    ["I. Công tác chỉ đạo, điều hành CCHC: đạt 9,0/10 điểm (trừ 1,0 điểm)"],
    ["1", "TC 1.7. Sáng kiến, giải pháp mới trong CCHC", "1,5 điểm", "0,5",
     "Chỉ có 01 sáng kiến cấp cơ sở", "Phát động thi đua sáng kiến", "Văn phòng - Thống kê",
     "Các công chức", "Quý III năm 2023"],
    ["2", "Tiêu chí 1.2 - Mức độ hoàn thành kế hoạch CCHC", "1.5", "1,5", "", "", "", "", ""],
    ["III. Cải cách thủ tục hành chính: 12,0/12,5 điểm (trừ 0,5 điểm)"],
    ["1", "Tiêu chí 3.6: Phản ánh, kiến nghị", "1,5", "1,0", "Chưa công khai địa chỉ",
     "Niêm yết địa chỉ tiếp nhận", "Văn phòng – Thống kê", "", "Trước 30/6/2023"],
    ["", "", "", "", "tiếp nhận PAKN đúng quy định", "", "", "", ""],
    _HEADER,
    ["V. Cải cách chế độ công vụ 13,9/14 điểm (trừ 0,1 điểm)"],
    ["1", "Tiêu chí 5.3: đào tạo, bồi dưỡng", "1,0", "0,9",
     "01 công chức chưa được bồi dưỡng\nquản lý nhà nước", "Cử công chức đi bồi dưỡng",
     "Văn phòng – Thống kê", "Phòng Nội vụ", "Tháng 10 năm 2023"],
    ["IX", "Sự hài lòng của người dân, tổ chức", "25", "22,75", "Còn ý kiến chưa hài lòng",
     "Cải thiện thái độ phục vụ", "Bộ phận một cửa", "", "Thường xuyên"],
]  # fmt: skip


def hoa_binh_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH")
    document.add_paragraph("KẾ HOẠCH KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2022")
    table = document.add_table(rows=0, cols=9)
    for cells in _HOA_BINH:
        row = table.add_row()
        if len(cells) == 1:
            _merge_row(row, cells[0])
            continue
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.save(str(path))


def test_a_third_ward_with_short_codes_and_worded_deadlines(tmp_path: Path) -> None:
    path = tmp_path / "hoa_binh.docx"
    hoa_binh_docx(path)
    appraisal, plan = read_annex(path)
    assert (appraisal.unit, appraisal.year) == ("Xã Hòa Bình", 2022)
    # Read by hand: rows 2, 5 and 9 are domains (row 8 repeats the header); 1.2 lost
    # nothing and has no task; 3.6's reason goes on in row 7.
    assert [(n.code, n.max, n.score, n.line) for n in appraisal.nodes] == [
        ("I", Decimal(10), Decimal("9.0"), 2),
        ("1.7", Decimal("1.5"), Decimal("0.5"), 3),
        ("1.2", Decimal("1.5"), Decimal("1.5"), 4),
        ("III", Decimal("12.5"), Decimal("12.0"), 5),
        ("3.6", Decimal("1.5"), Decimal("1.0"), 6),
        ("V", Decimal(14), Decimal("13.9"), 9),
        ("5.3", Decimal("1.0"), Decimal("0.9"), 10),
        ("IX", Decimal(25), Decimal("22.75"), 11),
    ]
    reasons = {n.code: n.reason for n in appraisal.nodes if n.reason}
    assert reasons["3.6"] == "Chưa công khai địa chỉ tiếp nhận PAKN đúng quy định"
    assert reasons["5.3"] == "01 công chức chưa được bồi dưỡng quản lý nhà nước"
    assert [t.id for t in plan.tasks] == ["1.7", "3.6", "5.3", "IX"]
    # Quý III ends on 30 September; "Trước 30/6/2023" is due on that day; tháng 10 ends on
    # 31 October; "Thường xuyên" (ongoing) has no date.
    assert [(t.deadline.date, t.deadline.kind) for t in plan.tasks] == [
        (dt.date(2023, 9, 30), "quarter"),
        (dt.date(2023, 6, 30), "date"),
        (dt.date(2023, 10, 31), "month"),
        (None, "ongoing"),
    ]


def test_a_third_ward_end_to_end(tmp_path: Path) -> None:
    hoa_binh_docx(tmp_path / "hoa_binh.docx")
    found = cchc("reconcile", "hoa_binh.docx", "--format", "json", cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["findings"] == []  # each domain's deduction adds up
    made = cchc("import-annex", "hoa_binh.docx", "--out", "xa", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    scored = cchc("score", "xa/evidence.toml", "--format", "json", cwd=tmp_path)
    # The listed domains as appraised: 9,0 + 12,0 + 13,9 + 22,75 = 57,65; the others (II 7,
    # IV 6, VI 9, VII 15,5, VIII 2: 100 − 10 − 12,5 − 14 − 25 = 38,5) at their maxima.
    assert json.loads(scored.stdout)["total"] == float(Decimal("57.65") + Decimal("38.5"))
    projected = cchc("project", "xa/evidence.toml", "xa/plan.toml", "--format", "json",
                     cwd=tmp_path)  # fmt: skip
    # Every task restores its criterion (the importer's default) and is sure, but 1.7 looks
    # back a year (criteria_2022): its 1,0 lost (1,5 − 0,5) comes back in 2024, so 2023's
    # index is 100 − 1,0 = 99,00, and the 1.7 task is listed as counting in 2024.
    doc = json.loads(projected.stdout)
    assert doc["all_done"] == 99
    assert [(t["id"], t["counts_in"]) for t in doc["deferred"]] == [("1.7", 2024)]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        ("no table", "the document has no table: the annex is read from its table"),
        ("other table", "no table in the document has the annex header: expected a row "
         "with an 'STT' column and a criterion column ('Tiêu chí ...' or 'Nội dung')"),
    ],
)  # fmt: skip
def test_documents_without_the_annex(tmp_path: Path, build: str, message: str) -> None:
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    if build == "other table":
        document.add_table(rows=2, cols=2).rows[0].cells[0].text = "Họ và tên"
    path = tmp_path / "a.docx"
    document.save(str(path))
    with pytest.raises(AnnexError) as info:
        read_annex(path)
    assert str(info.value) == f"{path}: {message}"


# --------------------------------------------------------------------------- without the extra


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("vi", "đọc tệp Word (.docx) cần python-docx, có trong gói mở rộng docx: "
         'pip install "cchc-score[docx]"'),
        ("en", "reading a Word file (.docx) needs python-docx, which the docx extra installs: "
         'pip install "cchc-score[docx]"'),
    ],
)  # fmt: skip
def test_without_python_docx(
    example: tuple[Path, dict[int, int]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    message: str,
) -> None:
    path, _ = example
    monkeypatch.setitem(sys.modules, "docx", None)  # "import docx" raises ImportError
    with pytest.raises(AnnexError) as info:
        read_annex(path, lang="en" if lang == "en" else "vi")
    assert info.value.text(lang) == f"{path}: {message}"  # type: ignore[arg-type]
    assert info.value.codes == ("E-DOCX-MISSING",)
    assert cli.main(["import-annex", str(path), "--lang", lang]) == 1
    prefix = "lỗi" if lang == "vi" else "error"
    assert capsys.readouterr().err == f"{prefix}: {path}: {message}\n"


# --------------------------------------------------------------------------- command line


def test_import_annex_docx_out(example: tuple[Path, dict[int, int]], tmp_path: Path) -> None:
    path, rows = example
    out = tmp_path / "ward"
    proc = cchc("import-annex", path.name, "--out", out.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    expected, expected_plan = read_annex(TSV)
    assert load_appraisal(out / "appraisal.toml") == _at_rows(expected, rows)
    assert load_plan(out / "plan.toml").tasks == expected_plan.tasks


def test_reconcile_docx_finds_what_the_text_does(
    example: tuple[Path, dict[int, int]], tmp_path: Path
) -> None:
    path, rows = example
    from_text = cchc("reconcile", TSV, "--rules", "criteria_2022", "--format", "json", cwd=tmp_path)
    from_docx = cchc(
        "reconcile", path.name, "--rules", "criteria_2022", "--format", "json", cwd=tmp_path
    )
    assert from_docx.returncode == from_text.returncode
    text_findings = json.loads(from_text.stdout)["findings"]
    docx_findings = json.loads(from_docx.stdout)["findings"]
    assert text_findings  # the example annex has findings to compare
    for finding in text_findings:
        finding["line"] = rows.get(finding["line"], finding["line"])
        finding.pop("message")
    for finding in docx_findings:
        finding.pop("message")  # the messages name the lines
    assert docx_findings == text_findings


def test_import_annex_json_has_unit_and_year(tmp_path: Path) -> None:
    xa_docx(tmp_path / "xa.docx")
    proc = cchc("import-annex", "xa.docx", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert (data["unit"], data["year"]) == ("Xã Tân Lập", 2023)
    assert [n["code"] for n in data["nodes"]] == ["II", "2.1", "2.3", "VII", "7.1.2"]
    assert [t["deadline_text"] for t in data["tasks"]] == [
        "Quý II/2023",
        "Tháng 9/2023",
        "Năm 2023",
    ]


def test_unit_and_year_options(
    example: tuple[Path, dict[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = example
    argv = ["import-annex", str(path), "--format", "json"]
    assert cli.main([*argv, "--unit", "Phường Bình An", "--year", "2022"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["unit"], data["year"]) == ("Phường Bình An", 2022)
    with pytest.raises(SystemExit):
        cli.main([*argv, "--year", "22"])
    assert "--year: expected a year between 2000 and 2100, got '22'" in capsys.readouterr().err


# --------------------------------------------------------------------------- hostile files


def _zip(entries: dict[str, bytes], zeros: int = 0) -> bytes:
    """A zip of these entries, and of a part of ``zeros`` MB written a MB at a time (the
    test process's peak memory is where its command-line children's count starts)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if zeros:
            with archive.open("word/media/zeros.bin", "w") as part:
                for _ in range(zeros):
                    part.write(bytes(1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: _zip({"word/document.xml": b"<w/>"}, zeros=25),
         "the Word file unpacks to 25.0 MB; the limit is 24.0 MB (a zip bomb? see "
         "docs/limits.md)"),
        (lambda: _zip({"word/document.xml": b"<w/>", **{f"p{i}": b"" for i in range(500)}}),
         "the Word file has 501 parts; the limit is 500 (see docs/limits.md)"),
        (lambda: b"PK\x03\x04word/document.xml" + b"\0" * 100,
         "not a valid Word file (.docx): a damaged zip (File is not a zip file)"),
        (lambda: _zip({"word/document.xml": b"<not xml"}),
         "cannot read the Word file: KeyError: \"There is no item named '[Content_Types].xml' "
         'in the archive"'),
    ],
    ids=["zip bomb", "many parts", "damaged zip", "not a package"],
)  # fmt: skip
def test_hostile_docx_is_refused(tmp_path: Path, make: Callable[[], bytes], message: str) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(make())
    with pytest.raises(AnnexError) as info:
        read_annex(path)
    assert str(info.value) == f"{path}: {message}"
