"""Reading appraisal annexes: the real 2022 ward annex, its variants, and rows that fail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score.annex import Appraisal, AppraisalNode
from cchc_score.errors import AnnexError, EvidenceError
from cchc_score.io.annex import read_annex, reads_annex, title_facts
from cchc_score.io.appraisal import dump_appraisal, load_appraisal
from cchc_score.io.evidence import load_evidence
from cchc_score.io.files import TextLines
from cchc_score.io.plan import dump_plan, load_plan

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

ANNEX = Path(__file__).parent / "data" / "annex"
SEED = ANNEX / "seed_2022.tsv"  # the real annex, its officials replaced by their offices

# Every row of the seed with points, read by hand from the file:
# (line, level, code, name, max, score, stated deduction).
SEED_NODES = [
    (8, "domain", "I", "Công tác chỉ đạo, điều hành cách hành chính", "10.0", "8.83", "1.17"),
    (9, "criterion", "1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính",
     "1.5", "1.33", "0.17"),
    (10, "criterion", "1.7", "Sáng kiến/giải pháp mới trong CCHC", "1.5", "1.0", "0.5"),
    (13, "criterion", "1.8", "Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND thị xã giao",
     "2.0", "1.5", "0.5"),
    (14, "domain", "II", "Cải cách thể chế", "7", "4.5", "2.5"),
    (15, "criterion", "2.1", "Công tác xây dựng và ban hành văn bản QPPL", "2.5", "0.5", "1.75"),
    (19, "criterion", "2.3", "Theo dõi thi hành pháp luật", "2.75", "2.0", "0.75"),
    (20, "domain", "III", "Cải cách thủ tục hành chính", "12.5", "11.75", "0.75"),
    (21, "criterion", "3.1", "Niêm yết công khai TTHC tại Bộ phận TN&TKQ", "1.0", "0.5", None),
    (22, "criterion", "3.6",
     "Phản ánh kiến nghị của tổ chức, cá nhân về quy định hành chính và hành vi hành chính",
     "1.5", "1.25", None),
    (25, "domain", "IV", "Cải cách tổ chức bộ máy", "6.0", "6.0", "0"),
    (26, "domain", "V", "Cải cách chế độ công vụ", "14", "13.45", "0.55"),
    (27, "criterion", "5.1", "Kết quả thực hiện nhiệm vụ của cán bộ, công chức",
     "1.0", "0.95", None),
    (28, "criterion", "5.3", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng của CBCC",
     "1.0", "0.90", None),
    (31, "criterion", "5.7.2",
     "Thực hiện kỷ luật kỷ cương hành chính, văn hóa công vụ do cấp trên chỉ ra",
     "2.0", "1.5", None),
    (32, "domain", "VI", "Cải cách tài chính công", "8.0", "6.9", "1.1"),
    (33, "criterion", "6.1", "Thực hiện giải ngân kế hoạch vốn đầu tư NSNN", "1", "0.9", None),
    (34, "criterion", "6.3.2", "Phân bổ dự toán", "0.75", "0.5", None),
    (37, "criterion", "6.5", "Thực hiện quy định về sử dụng kinh phí nguồn từ NSNN",
     "1", "0.5", None),
    (38, "criterion", "6.6", "Chế độ báo cáo", "0.5", "0.25", None),
    (39, "domain", "VII", "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
     "15.5", "11.76", "3.74"),
    (40, "subdomain", "7.1", "Chuyển đổi số, phát triển chính quyền số của cơ quan, đơn vị",
     "10.5", "7.26", "3.24"),
    (41, "criterion", "7.1.1.3",
     "Chất lượng Trang TTĐT (theo VB 180/STTTT-CNTT ngày 29/3/2017 của Sở Thông tin "
     "truyền thông)", "1.5", "1.0", None),
    (45, "criterion", "7.1.2", "Cung cấp dịch vụ công trực tuyến", "3.0", "1.76", None),
    (46, "criterion", "7.1.3",
     "Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích "
     "(BCCI)", "1.5", "0", None),
    (47, "subdomain", "7.2", "Áp dụng hệ thống QLCL ISO 9001", "5.0", "4.5", "0.5"),
    (48, "criterion", "7.2.5",
     "Việc sắp xếp và lưu trữ tài liệu hồ sơ theo quy định (thông qua bóc mẫu hồ sơ tại các "
     "bộ phận để đánh giá)", "1.0", "0.5", None),
    (49, "domain", "VIII",
     "Tác động của cải cách đến sự phát triển kinh tế - xã hội của địa phương",
     "2.0", "2.0", "0"),
    (52, "domain", "IX",
     "Đánh giá về sự hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính "
     "nhà nước", "25", "19.05", None),
]  # fmt: skip

_VP = "Văn phòng Thống kê"
_KT = "Kế toán – Tài chính"
_VHXH = "Công chức Văn hóa – Xã hội"
_LQ = ("Công chức liên quan",)
# Every task of the seed: (id, lead, partners, deadline text); criteria are (id,).
SEED_TASKS = [
    ("1.2", "Văn phòng – Thống kê; công chức VHXX",
     ("Các bộ phận chủ trì tham mưu CCHC (Kế toán - NS; VHXX; Tư pháp)",
      "ngành, chuyên môn liên quan"), "Năm 2023"),
    ("1.7", "Văn phòng – Thống kê", ("Cán bộ, công chức phường",), "Năm 2023"),
    ("1.8", "Văn phòng – Thống kê", ("Các ngành, cán bộ, công chức phường",), "Năm 2023"),
    ("2.1", "Tư pháp – Hộ tịch", _LQ, "Năm 2023"),
    ("2.3", "Công chức Tư pháp – Hộ tịch", ("Các ngành, bộ phận liên quan",), ""),
    ("3.1", _VP, _LQ, "Năm 2023"),
    ("3.6", "Văn phòng - Thống kê", (_VHXH,), "Năm 2023"),
    ("5.1", _VP, _LQ, "Năm 2023"),
    ("5.3", _VP, _LQ, "Năm 2023"),
    ("5.7.2", _VP, _LQ, "Năm 2023"),
    ("6.1", _KT, ("Địa chính – Xây dựng", "các đơn vị liên quan"), "Năm 2023"),
    ("6.3.2", _KT, ("Các đơn vị liên quan",), "Năm 2023"),
    ("6.5", _KT, ("Các đơn vị liên quan",), "Năm 2023"),
    ("6.6", _KT, ("Các bộ phận liên quan",), "Năm 2023"),
    ("7.1.1.3", _VHXH, ("Công chức chuyên môn liên quan",), "Năm 2023"),
    ("7.1.2", _VHXH, ("Bộ phận TN&TKQ",), "Năm 2023"),
    ("7.1.3", _VHXH, ("Bộ phận TN&TKQ",), "Năm 2023"),
    ("7.2.5", "Công chức phụ trách lưu trữ", ("Các ngành, công chức chuyên môn",), "Năm 2023"),
    ("IX", "Bộ phận TN&TKQ", ("Các công chức chuyên môn",), "Năm 2023"),
]  # fmt: skip


def _rows(appraisal: Appraisal) -> list[tuple[object, ...]]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return [
        (n.line, n.level, n.code, n.name, text(n.max), text(n.score), text(n.stated_deduction))
        for n in appraisal.nodes
    ]


def test_seed_nodes() -> None:
    appraisal, _ = read_annex(SEED)
    assert _rows(appraisal) == SEED_NODES
    assert (appraisal.total, appraisal.rating, appraisal.year) == (None, None, 2022)
    assert appraisal.source == str(SEED)


def test_seed_tasks() -> None:
    _, plan = read_annex(SEED)
    got = [(t.id, t.lead, t.partners, t.deadline.text) for t in plan.tasks]
    assert got == SEED_TASKS
    assert all(t.criteria == (t.id,) for t in plan.tasks)
    assert all(not t.effect_stated and t.effect.kind == "restore" for t in plan.tasks)
    dated = {t.id: (t.deadline.kind, t.deadline.date) for t in plan.tasks}
    assert dated["1.2"] == ("year", dt.date(2023, 12, 31))
    assert dated["2.3"] == ("none", None)
    assert set(dated.values()) == {("year", dt.date(2023, 12, 31)), ("none", None)}
    assert (plan.unit, plan.year, plan.source) == ("", None, str(SEED))


@pytest.mark.parametrize(
    ("code", "field", "expected"),
    [
        # Continuation rows (a page break split the task cell) are appended with a space.
        ("2.1", "task", "… Tổ chức góp ý văn bản QPPL của Trung ương, của tỉnh, thị xã đảm "
         "bảo chất lượng, kịp thời."),
        ("7.1.1.3", "task", "… Màn hình cỡ lớn hoặc bảng LED điện tử hiển thị công khai lịch "
         "công tác hàng ngày, tuần của cơ quan."),
        ("6.6", "reason", "Có một số báo cáo vẫn bị chậm tiến độ"),
        ("6.6", "task", "Chấp hành đúng chế độ báo cáo đưa ra."),
        ("7.2.5", "reason", ""),
        ("7.2.5", "task", ""),
        ("I", "reason", ""),
        ("IX", "reason", "… tuy nhiên vẫn còn tình trạng gây khó khăn, phiền hà cho người dân "
         "trong quá trình thực hiện TTHC."),
    ],
)  # fmt: skip
def test_seed_texts(code: str, field: str, expected: str) -> None:
    appraisal, plan = read_annex(SEED)
    node = appraisal.node(code)
    value = getattr(node, field)
    if expected.startswith("… "):
        assert value.endswith(expected[2:])
    else:
        assert value == expected
    if field == "task" and value:
        assert plan.task(code).action == value
    if field == "reason" and any(t.id == code for t in plan.tasks):
        assert plan.task(code).reason == value


# --------------------------------------------------------------------------- variants

_SEED_TEXT = SEED.read_bytes().decode("utf-8")
# Column order for the reordered variant, as indexes into the seed's nine columns.
_ORDER = (0, 1, 3, 2, 5, 4, 8, 7, 6)
# A different wording of the (reordered) header on each page, cycling.
_HEADERS = [
    ("Số TT", "Nội dung", "Điểm đạt", "Điểm chuẩn", "Giải pháp khắc phục", "Nguyên nhân",
     "Thời gian hoàn thành", "Cơ quan phối hợp", "Đơn vị/Cơ quan chủ trì"),
    ("stt", "TIÊU CHÍ BỊ TRỪ ĐIỂM", "Điểm chấm", "Điểm tối đa",
     "Các nhiệm vụ, giải pháp khắc phục", "Lý do bị trừ điểm (nếu có)", "Thời hạn",
     "Đơn vị phối hợp", "Đơn vị chủ trì"),
    ("TT", "Tieu chi", "Diem cham tham dinh", "DIEM TOI DA", "Nhiem vu/giai phap",
     "Ly do bi tru", "Thoi han hoan thanh", "Don vi phoi hop", "Don vi chu tri thuc hien"),
]  # fmt: skip


def _renamed(text: str) -> str:
    lines, pages = [], 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if cells[0] == "STT":
            lines.append("\t".join(_HEADERS[pages % len(_HEADERS)]))
            pages += 1
        elif len(cells) == 9:
            lines.append("\t".join(cells[i] for i in _ORDER))
        else:
            lines.append(line)
    return "\n".join(lines)


def _as_csv(text: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in text.split("\n"):
        writer.writerow(line.split("\t") if line else [])
    return out.getvalue()


@pytest.mark.parametrize(
    ("variant", "file", "text"),
    [
        ("crlf+bom", "a.txt", "\ufeff" + _SEED_TEXT.replace("\n", "\r\n")),
        ("nfd", "a.txt", unicodedata.normalize("NFD", _SEED_TEXT)),
        ("renamed+reordered", "a.tsv", _renamed(_SEED_TEXT)),
        ("csv", "a.csv", _as_csv(_SEED_TEXT)),
        ("csv sniffed", "<annex>", _as_csv(_SEED_TEXT)),
        ("csv crlf+nfd", "a.csv", unicodedata.normalize("NFD", _as_csv(_SEED_TEXT)).replace(
            "\n", "\r\n")),
    ],
)  # fmt: skip
def test_variants_read_like_the_seed(variant: str, file: str, text: str) -> None:
    expected, expected_plan = read_annex(SEED)
    appraisal, plan = reads_annex(text, file)
    assert appraisal == expected, variant
    assert plan == expected_plan, variant


def test_variant_files(tmp_path: Path) -> None:
    expected = read_annex(SEED)
    bom_crlf = tmp_path / "annex.txt"
    bom_crlf.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n"))
    as_csv = tmp_path / "annex.csv"
    as_csv.write_text(_as_csv(_SEED_TEXT), encoding="utf-8")
    assert read_annex(bom_crlf) == expected
    assert read_annex(as_csv) == expected
    assert read_annex(as_csv, dialect="csv") == expected


# --------------------------------------------------------------------------- row forms

_HEAD = "STT\tTiêu chí\tĐiểm tối đa\tĐiểm chấm\tLý do bị trừ\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"


def _one(stt: str, text: str, max_: str = "", score: str = "") -> AppraisalNode:
    appraisal, _ = reads_annex(f"{_HEAD}{stt}\t{text}\t{max_}\t{score}\t\t\t\t\n")
    (node,) = appraisal.nodes
    return node


@pytest.mark.parametrize(
    ("text", "name", "max_", "score", "deduction"),
    [
        ("Công tác chỉ đạo: 8,83/10.0 điểm (trừ 1,17 điểm/10,0 điểm cụ thể các nội dung sau:",
         "Công tác chỉ đạo", "10.0", "8.83", "1.17"),
        ("Cải cách thể chế đạt: 4,5 điểm/7 điểm, (bị trừ 2,5 điểm/7 điểm), cụ thể:",
         "Cải cách thể chế", "7", "4.5", "2.5"),
        ("Cải cách TTHC: 11,75/12,5 điểm (trừ 0.75 điểm/12,5 điểm), cụ thể:",
         "Cải cách TTHC", "12.5", "11.75", "0.75"),
        ("Cải cách tổ chức bộ máy 6,0/6,0 điểm (không có điểm trừ):",
         "Cải cách tổ chức bộ máy", "6.0", "6.0", "0"),
        ("Cải cách chế độ công vụ: 13,45/14, điểm (trừ 0,55/14,0 điểm). cụ thể",
         "Cải cách chế độ công vụ", "14", "13.45", "0.55"),
        ("Cải cách tài chính công đạt 6,9 điểm/8,0 điểm (trừ 1,1 điểm/8,0 điểm), cụ thể",
         "Cải cách tài chính công", "8.0", "6.9", "1.1"),
        ("Tác động của cải cách 2,0 điểm/2,0 điểm (không có điểm trừ)",
         "Tác động của cải cách", "2.0", "2.0", "0"),
        ("Áp dụng ISO 9001 4,5 điểm/5,0 điểm (trừ 0,5 điểm/5 điểm), cụ thể tiêu chí bị trừ:",
         "Áp dụng ISO 9001", "5.0", "4.5", "0.5"),
        ("Sự hài lòng của tổ chức, cá nhân", "Sự hài lòng của tổ chức, cá nhân", None, None,
         None),
        ("Cải cách thể chế (bị trừ 2 điểm)", "Cải cách thể chế", None, None, "2"),
        ("I. Cải cách thể chế: 5/7 điểm", "Cải cách thể chế", "7", "5", None),
    ],
)  # fmt: skip
def test_domain_text(
    text: str, name: str, max_: str | None, score: str | None, deduction: str | None
) -> None:
    node = _one("I", text)
    numbers = [None if v is None else str(v) for v in (node.max, node.score, node.stated_deduction)]
    assert (node.level, node.name, *numbers) == ("domain", name, max_, score, deduction)


def test_domain_points_in_columns() -> None:
    node = _one("IX", "Sự hài lòng", "25", "19,05")
    assert (node.code, node.level, node.max, node.score) == (
        "IX", "domain", Decimal("25"), Decimal("19.05"),
    )  # fmt: skip


def test_domain_row_in_one_cell() -> None:
    # Word's export of a row merged across the columns: the numeral and the text together.
    node = _one("II. Cải cách thể chế: 6,5/7 điểm (trừ 0,5 điểm)", "")
    assert (node.code, node.level, node.name) == ("II", "domain", "Cải cách thể chế")
    assert (node.max, node.score, node.stated_deduction) == (
        Decimal(7),
        Decimal("6.5"),
        Decimal("0.5"),
    )


def test_subdomain_row() -> None:
    node = _one("7.1", "Chuyển đổi số đạt 7,26 điểm/10,5 điểm (trừ 3,24 điểm), cụ thể:")
    assert (node.code, node.level, node.name, node.max, node.score, node.stated_deduction) == (
        "7.1", "subdomain", "Chuyển đổi số", Decimal("10.5"), Decimal("7.26"), Decimal("3.24"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("stt", "text", "code", "name", "deduction"),
    [
        ("1", "Tiêu chí 1.2: Mức độ hoàn thành kế hoạch (trừ 0,17 điểm)", "1.2",
         "Mức độ hoàn thành kế hoạch", "0.17"),
        ("4", "Tiêu chí 1.7: Sáng kiến/giải pháp mới trong CCHC. (bị trừ 0,5 điểm)", "1.7",
         "Sáng kiến/giải pháp mới trong CCHC", "0.5"),
        ("2", "Tiêu chí 7.1.2. Cung cấp dịch vụ công trực tuyến", "7.1.2",
         "Cung cấp dịch vụ công trực tuyến", None),
        ("1", "Tiêu chí 7.1.1.3 Chất lượng Trang TTĐT (theo VB 180)", "7.1.1.3",
         "Chất lượng Trang TTĐT (theo VB 180)", None),
        ("3", "7.1.3. Thực hiện tiếp nhận hồ sơ qua BCCI (BCCI).", "7.1.3",
         "Thực hiện tiếp nhận hồ sơ qua BCCI (BCCI)", None),
        ("", "Tiêu chí thành phần 5.7.2 - Kỷ luật (không có điểm trừ)", "5.7.2", "Kỷ luật",
         "0"),
        ("5", "tiêu chí 2.1 (trừ 0,5 điểm) Văn bản QPPL", "2.1", "Văn bản QPPL", "0.5"),
        ("7.1.2", "Cung cấp dịch vụ công trực tuyến", "7.1.2",
         "Cung cấp dịch vụ công trực tuyến", None),
        ("1.2", "Tiêu chí 1.2: Kế hoạch", "1.2", "Kế hoạch", None),
    ],
)  # fmt: skip
def test_criterion_text(stt: str, text: str, code: str, name: str, deduction: str | None) -> None:
    node = _one(stt, text, "1,5", "1")
    assert (node.level, node.code, node.name) == ("criterion", code, name)
    assert node.stated_deduction == (None if deduction is None else Decimal(deduction))
    assert (node.max, node.score) == (Decimal("1.5"), Decimal("1"))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,5", "1.5"),
        ("0.9", "0.9"),
        ("0,90", "0.90"),
        ("14,", "14"),
        ("1,5 điểm", "1.5"),
        ("", None),
    ],
)
def test_number_cells(cell: str, expected: str | None) -> None:
    node = _one("1", "Tiêu chí 1.2: Kế hoạch", cell, "0")
    assert (None if node.max is None else str(node.max)) == expected


@pytest.mark.parametrize(
    ("cell", "partners"),
    [
        ("Địa chính – Xây dựng; các đơn vị liên quan",
         ("Địa chính – Xây dựng", "các đơn vị liên quan")),
        ("Cán bộ, công chức phường", ("Cán bộ, công chức phường",)),
        ("A (B; C); D;", ("A (B; C)", "D")),
        ("", ()),
    ],
)  # fmt: skip
def test_partners(cell: str, partners: tuple[str, ...]) -> None:
    head = "STT\tTiêu chí\tĐiểm tối đa\tĐiểm chấm\tĐơn vị phối hợp\n"
    appraisal, plan = reads_annex(f"{head}1\tTiêu chí 1.2: X\t1\t0\t{cell}\n")
    assert appraisal.nodes[0].partners == partners
    assert [t.partners for t in plan.tasks] == ([partners] if partners else [])


def test_repeated_code_gets_suffixed_task_ids() -> None:
    rows = "".join(f"{i}\tTiêu chí 1.2: X\t1\t0\t\tViệc {i}\t\t\n" for i in (1, 2, 3))
    _, plan = reads_annex(_HEAD + rows)
    assert [(t.id, t.criteria, t.action) for t in plan.tasks] == [
        ("1.2", ("1.2",), "Việc 1"),
        ("1.2-2", ("1.2",), "Việc 2"),
        ("1.2-3", ("1.2",), "Việc 3"),
    ]


def test_layout_lines_are_skipped() -> None:
    text = (
        "Tiêu đề\n\n"
        + _HEAD
        + "(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)\n"
        + "\t\t\t\t\t\t\t\n"
        + "1\tTiêu chí 1.2: X\t1\t0\tChậm\t\t\t\n"
        + "Nơi nhận: như trên\n"
    )
    appraisal, _ = reads_annex(text)
    assert [(n.code, n.line) for n in appraisal.nodes] == [("1.2", 6)]


def test_total_row_file() -> None:
    appraisal, plan = read_annex(ANNEX / "total_row.tsv")
    assert (appraisal.total, appraisal.total_line) == (Decimal("96.0"), 15)
    assert (appraisal.rating, appraisal.rating_line, appraisal.year) == ("Tốt", 16, 2023)
    assert [n.code for n in appraisal.nodes] == [
        "I", "1.2", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    ]  # fmt: skip
    assert [(t.id, t.deadline.kind, t.deadline.date) for t in plan.tasks] == [
        ("1.2", "quarter", dt.date(2024, 6, 30)),
        ("IX", "ongoing", None),
    ]


@pytest.mark.parametrize(
    ("row", "total", "rating"),
    [
        ("Tổng cộng\t\t100\t84,24", "84.24", None),
        ("\tTổng điểm: 84,24 điểm (xếp loại: Khá)\t\t", "84.24", "Khá"),
        ("\tTổng cộng: 84,24/100 điểm\t\t", "84.24", None),
        ("\tXếp loại\tKhá\t", None, "Khá"),
    ],
)
def test_total_and_rating_rows(row: str, total: str | None, rating: str | None) -> None:
    appraisal, _ = reads_annex(f"{_HEAD}1\tTiêu chí 1.2: X\t1\t0\n{row}\n")
    assert appraisal.total == (None if total is None else Decimal(total))
    assert appraisal.rating == rating


# --------------------------------------------------------------------------- errors

BROKEN = "tests/data/annex/broken_rows.tsv"


def test_broken_rows_file() -> None:
    with pytest.raises(AnnexError) as info:
        read_annex(BROKEN)
    assert str(info.value) == "\n".join(
        f"{BROKEN}: {line}"
        for line in [
            "line 3: a continuation row (no STT, code or points) with no row above it to "
            "continue (got 'còn thiếu hồ sơ')",
            'line 4: the text gives the score as 8.5 but column "Điểm chấm thẩm định" gives 9',
            "line 5: a criterion row needs its code in the text, e.g. 'Tiêu chí 1.2: ...' "
            "(got 'Mức độ hoàn thành kế hoạch CCHC (trừ 0,5 điểm)')",
            "line 6: column \"Điểm tối đa\": not a number: '1..5' (write digits with one "
            "decimal comma or point)",
            "line 6: column \"Điểm chấm thẩm định\": ambiguous number '1,000': thousands "
            "separator or decimal comma? write it without grouping, e.g. 1234 or 1.234 as a "
            "plain number",
            'line 6: column "Thời hạn hoàn thành (tháng/quý/năm)": not a deadline: \'sớm nhất '
            "có thể' (expected e.g. 'Năm 2023', 'Quý II/2023', 'Tháng 6/2023', '30/6/2023' or "
            "'Thường xuyên')",
            "line 7: STT: expected a number, a roman numeral (a domain) or a code such as 7.1 "
            "(a sub-domain) (got 'a')",
            "line 8: points in the text are not in a form the importer reads; write them as "
            "'8,83/10 điểm (trừ 1,17 điểm)' (got 'Cải cách thể chế đạt 6,5 điểm')",
            "line 9: a cell beyond the last column of the header (got 'thừa')",
        ]
    )
    assert all(p.file == BROKEN for p in info.value.problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "<annex>: no header row found: expected a row with an 'STT' column and a "
         "criterion column ('Tiêu chí ...' or 'Nội dung')"),
        ("Tiêu chí,Điểm tối đa\n1.2,1\n", "<annex>: no header row found: expected a row with "
         "an 'STT' column and a criterion column ('Tiêu chí ...' or 'Nội dung')"),
        ("STT\tTiêu chí\tĐiểm tối đa\n", "<annex>: line 1: the header has no column for the "
         "appraised points; expected one of 'Điểm chấm thẩm định', 'Điểm thẩm định', "
         "'Điểm đạt', 'Điểm chấm'"),
        ("STT\tTiêu chí\tĐiểm tối đa\tĐiểm chấm\n", "<annex>: line 1: the table has no rows "
         "below its header"),
        ("STT\tTiêu chí\tĐiểm tối đa\tĐiểm chuẩn\tĐiểm chấm\n1\tTiêu chí 1.1\t1\t1\t1\n",
         "<annex>: line 1: two columns for the maximum points: \"Điểm tối đa\" and "
         "\"Điểm chuẩn\""),
        (_HEAD + "1\tTiêu chí 1.2\t1\t1\t\t\t\tQuý V/2023\n", "<annex>: line 2: column "
         "\"Thời hạn\": not a deadline: 'Quý V/2023' (expected e.g. 'Năm 2023', 'Quý II/2023', "
         "'Tháng 6/2023', '30/6/2023' or 'Thường xuyên')"),
        (_HEAD + "IIII\tLĩnh vực\t1\t1\n", "<annex>: line 2: STT: expected a number, a roman "
         "numeral (a domain) or a code such as 7.1 (a sub-domain) (got 'IIII')"),
        (_HEAD + "1.2.1\tTiêu chí 1.2.2: X\t1\t1\n", "<annex>: line 2: the STT gives code "
         "1.2.1 but the text gives 1.2.2 (got 'Tiêu chí 1.2.2: X')"),
        (_HEAD + "I\tA: 5/10 điểm\t9\t5\n", "<annex>: line 2: the text gives the maximum as "
         "10 but column \"Điểm tối đa\" gives 9"),
        (_HEAD + "I\tA: 1,250/10 điểm\t\t\n", "<annex>: line 2: in the text: ambiguous number "
         "'1,250': thousands separator or decimal comma? write it without grouping, e.g. 1234 "
         "or 1.234 as a plain number"),
        (_HEAD + "\tTổng cộng\t\t\n\tTổng cộng\t\t90\n", "<annex>: line 2: a total row needs "
         "the total in the score column or in its text (got 'Tổng cộng')\n<annex>: line 3: a "
         "second total row (the first is on line 2)"),
        (_HEAD + "\tXếp loại\t\t\n", "<annex>: line 2: a rating row with no rating in it"),
        ("STT,Tiêu chí,Điểm tối đa,Điểm chấm\n1,\"Tiêu chí 1.2\n", "<annex>: line 2: not "
         "valid CSV: unexpected end of data"),
    ],
)  # fmt: skip
def test_errors(text: str, message: str) -> None:
    with pytest.raises(AnnexError) as info:
        reads_annex(text)
    assert str(info.value) == message


def test_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.tsv"
    with pytest.raises(AnnexError, match=r"missing\.tsv: cannot read the file"):
        read_annex(missing)
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("STT\tTiêu chí".encode("cp1258"))
    with pytest.raises(AnnexError, match=r"latin\.tsv: line 1: not UTF-8 or UTF-16 text: in Word"):
        read_annex(latin)


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", ["seed_2022.tsv", "total_row.tsv"])
def test_round_trip(name: str, tmp_path: Path) -> None:
    appraisal, plan = read_annex(ANNEX / name)
    (tmp_path / "appraisal.toml").write_text(dump_appraisal(appraisal), encoding="utf-8")
    (tmp_path / "plan.toml").write_text(dump_plan(plan), encoding="utf-8")
    again = load_appraisal(tmp_path / "appraisal.toml")
    assert again == appraisal
    assert [str(n.max) for n in again.nodes] == [str(n.max) for n in appraisal.nodes]
    assert again.source == str(tmp_path / "appraisal.toml")
    assert load_plan(tmp_path / "plan.toml") == plan


def test_dump_appraisal_text() -> None:
    appraisal, _ = read_annex(ANNEX / "total_row.tsv")
    text = dump_appraisal(appraisal)
    assert text.startswith(
        'year = 2023\ntotal = 96.0\ntotal_line = 15\nrating = "Tốt"\nrating_line = 16\n\n'
        '[[nodes]]\ncode = "I"\nname = "Công tác chỉ đạo, điều hành CCHC"\n'
        'level = "domain"\nmax = 10\nscore = 9.5\nstated_deduction = 0.5\nline = 5\n\n'
        '[[nodes]]\ncode = "1.2"\n'
    )


def test_load_appraisal_errors(tmp_path: Path) -> None:
    path = tmp_path / "appraisal.toml"
    path.write_text(
        'totl = 1\nrating = 3\n\n[[nodes]]\ncode = ""\nlevel = "area"\nmax = "1,5"\n'
        'line = -1\npartners = "A"\nextra = true\n\n[[nodes]]\ncode = "1.2"\n'
        'name = "X"\nlevel = "criterion"\nscore = 1.0\n',
        encoding="utf-8",
    )
    with pytest.raises(AnnexError) as info:
        load_appraisal(path)
    # The top-level keys, then each node's; in a table, its keys in the order of the format
    # and then the unknown ones (as for rules files).
    assert str(info.value).replace(str(path), "F").split("\n") == [
        "F: rating: expected a string (got 3)",
        "F: totl: unknown key; expected one of 'unit', 'year', 'total', 'total_line', "
        "'rating', 'rating_line', 'nodes'",
        "F: nodes[0].code: a node needs a code (a non-empty string)",
        "F: nodes[0].level: expected one of 'domain', 'subdomain', 'criterion' (got 'area')",
        "F: nodes[0].max: expected a number (got '1,5')",
        "F: nodes[0].partners: expected an array of strings (got 'A')",
        "F: nodes[0].line: expected a whole number ≥ 0 (got -1)",
        "F: nodes[0].extra: unknown key; expected one of 'code', 'name', 'level', 'max', "
        "'score', 'stated_deduction', 'reason', 'task', 'lead', 'partners', 'deadline', 'line'",
    ]


def test_load_appraisal_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "appraisal.toml"
    path.write_text("nodes = [\n", encoding="utf-8")
    with pytest.raises(AnnexError, match="invalid TOML"):
        load_appraisal(path)


# --------------------------------------------------------------------------- encodings

_EXAMPLE = Path(__file__).parents[1] / "examples" / "ward_2022" / "annex.tsv"


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: a base letter (precomposed where the code page has
    it, e.g. "ê") followed by a combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = list(unicodedata.normalize("NFD", char))
            # "ể" is "ê" and a combining hook; "ệ" is "ê" and a dot; "ụ" is "u" and a dot.
            for mark in marks:
                letter = unicodedata.normalize("NFC", base + mark)
                if len(letter) == 1 and letter.encode("cp1258", "ignore"):
                    base, marks = letter, [m for m in marks if m != mark]
                    break
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b""),
     ("utf-8", b"\xef\xbb\xbf")],
    ids=["utf-16 le", "utf-16 be", "utf-8", "utf-8 bom"],
)  # fmt: skip
def test_word_unicode_text_reads_as_utf8(tmp_path: Path, encoding: str, bom: bytes) -> None:
    # Word's "Unicode text" is UTF-16 with a BOM, line ends CRLF.
    text = _EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "annex.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_annex(path) == read_annex(_EXAMPLE)


def test_cp1258_is_refused_with_how_to_resave(tmp_path: Path) -> None:
    text = _EXAMPLE.read_text(encoding="utf-8")
    data = _cp1258(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text  # the same letters
    path = tmp_path / "annex.tsv"
    path.write_bytes(data)
    # The first line with a letter beyond ASCII ("PHỤ LỤC I"); the bytes from its first.
    line = next(n for n, s in enumerate(text.split("\n"), 1) if not s.isascii())
    at = next(i for i, b in enumerate(data) if b >= 0x80)
    with pytest.raises(AnnexError) as info:
        read_annex(path)
    assert str(info.value) == (
        f"{path}: line {line}: not UTF-8 or UTF-16 text: in Word, File › Save As › Plain "
        f"Text, Encoding: Unicode (UTF-8) (got {data[at : at + 4]!r})"
    )


def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip("[Content_Types].xml", "xl/workbook.xml"),
         "this is an Excel workbook (.xlsx), not text: save the sheet as CSV "
         "(File › Save As › CSV UTF-8)"),
        (_zip("annex.tsv"), "this is a zip archive, not text: unpack it and give the file inside"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
         "this is an old Word .doc file, not text: open it in Word and save it as .docx "
         "(File › Save As › Word Document)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"),
         "this is an old Excel .xls workbook, not text: save the sheet as CSV "
         "(File › Save As › CSV UTF-8)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
         "this is a PDF, not text: a PDF's table cannot be read; use the Word file it was "
         "made from (or copy the table into Word) and save it as .docx"),
        (b"{\\rtf1\\ansi PH\\'d9 L\\'d9C}",
         "this is an RTF document, not text: open it in Word and save it as .docx"),
        ("STT\tTieu chi".encode("utf-16-le"),
         "line 1: NUL bytes in the text: UTF-16 without a byte order mark? in Word, "
         "File › Save As › Plain Text, Encoding: Unicode (UTF-8)"),
        (b"\xff\xfeS\x00T\x00T\x00\x00\xd8",
         "not valid UTF-16 text (got b'\\x00\\xd8')"),
    ],
    ids=["xlsx", "zip", "doc", "xls", "pdf", "rtf", "utf-16 without bom", "bad utf-16"],
)  # fmt: skip
def test_documents_given_as_text_are_named(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "annex.tsv"
    path.write_bytes(data)
    with pytest.raises(AnnexError) as info:
        read_annex(path)
    assert str(info.value) == f"{path}: {message}"


def test_a_word_file_given_where_text_is_expected(tmp_path: Path) -> None:
    # An evidence file that is a .docx: only the annex readers read Word.
    path = tmp_path / "evidence.toml"
    path.write_bytes(_zip("[Content_Types].xml", "word/document.xml"))
    with pytest.raises(EvidenceError) as info:
        load_evidence(path)
    assert str(info.value) == (
        f"{path}: this is a Word file (.docx), not text: import-annex and reconcile read an "
        'annex from it as it is (pip install "cchc-score[docx]"); other commands need a '
        "text file"
    )


def test_utf16_table_lines() -> None:
    # Evidence tables are read a line at a time: Word's UTF-16 too.
    data = "\ufeffunit,year\r\nPhường A,2022\r\n".encode("utf-16-le")
    lines = TextLines(io.BytesIO(data))
    assert list(lines) == ["unit,year\n", "Phường A,2022\n"]
    assert (lines.number, lines.bad) == (2, {})


@pytest.mark.parametrize(
    ("title", "unit", "year"),
    [
        (["PHỤ LỤC I", "CHỈ SỐ CCHC NĂM 2022", "(Kèm theo Kế hoạch của UBND phường)"],
         None, 2022),
        (["Kế hoạch của UBND phường Bình An năm 2023"], "Phường Bình An", 2023),
        (["ỦY BAN NHÂN DÂN XÃ TÂN LẬP"], "Xã Tân Lập", None),
        # The date a plan was signed is not the index's year.
        (["Tân Lập, ngày 05 tháng 02 năm 2024", "CHỈ SỐ CCHC NĂM 2023"], None, 2023),
        (["của UBND thị trấn Phong Điền, huyện Phong Điền"], "Thị trấn Phong Điền", None),
        (["của Ủy ban nhân dân phường 3 ngày 10/3/2023"], "Phường 3", None),
        (["UBND phường về việc khắc phục"], None, None),
    ],
)  # fmt: skip
def test_title_facts(title: list[str], unit: str | None, year: int | None) -> None:
    assert title_facts(title) == (unit, year)


def test_unit_in_the_text_title_and_appraisal_toml(tmp_path: Path) -> None:
    text = "KẾ HOẠCH CỦA UBND PHƯỜNG BÌNH AN NĂM 2023\n" + _EXAMPLE.read_text(encoding="utf-8")
    appraisal, _ = reads_annex(text, "a.tsv")
    assert (appraisal.unit, appraisal.year) == ("Phường Bình An", 2023)
    (tmp_path / "appraisal.toml").write_text(dump_appraisal(appraisal), encoding="utf-8")
    loaded = load_appraisal(tmp_path / "appraisal.toml")
    assert loaded == appraisal
