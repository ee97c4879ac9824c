"""Whatever text it is given, the annex reader answers with an appraisal or an AnnexError.

Rows are built from real header and cell fragments so that the generated tables reach deep
into the reader (headers, domain rows, criteria, continuations, totals), not only its
"no header" exit. Whatever reads successfully must also reconcile and round-trip.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cchc_score import load_rules
from cchc_score.annex import Appraisal
from cchc_score.errors import AnnexError
from cchc_score.io.annex import reads_annex
from cchc_score.io.appraisal import dump_appraisal, load_appraisal
from cchc_score.plan import Plan
from cchc_score.reconcile import FINDING_KINDS, reconcile

RULES = load_rules("criteria_2022")

HEADERS = [
    "STT", "TT", "Số TT", "Tiêu chí bị trừ điểm", "Nội dung", "Điểm tối đa", "Điểm chuẩn",
    "Điểm chấm thẩm định", "Điểm đạt", "Lý do bị trừ", "Nguyên nhân", "Nhiệm vụ/giải pháp",
    "Giải pháp khắc phục", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp", "Cơ quan phối hợp",
    "Thời hạn hoàn thành (tháng/quý/năm)", "Thời hạn", "Ghi chú", "DIEM TOI DA",
]  # fmt: skip
CELLS = [
    "", "", "", "1", "2", "I", "II", "VII", "IX", "IIII", "7.1", "7.1.2", "a", "(1)",
    "Tiêu chí 1.2: Kế hoạch (trừ 0,17 điểm)", "Tiêu chí 7.1.2. Dịch vụ công", "7.1.3. BCCI",
    "Cải cách thể chế đạt: 4,5 điểm/7 điểm, (bị trừ 2,5 điểm/7 điểm)",
    "Cải cách chế độ công vụ: 13,45/14, điểm (trừ 0,55/14,0 điểm).",
    "Cải cách tổ chức bộ máy 6,0/6,0 điểm (không có điểm trừ):",
    "đạt 7,26 điểm/10,5 điểm (trừ 3,24 điểm", "(trừ", "điểm", "/", "trừ 1,234 điểm",
    "Tổng cộng", "Tổng điểm: 84,24", "Xếp loại: Khá", "Xếp loại",
    "1,5", "0.9", "0,90", "14,", "1..5", "1,234", "-1", "99999999999999999999999", "25",
    "Năm 2023", "Quý II/2023", "Tháng 13/2023", "30/2/2023", "Thường xuyên", "sớm",
    "A; B (C; D)", ";", "(", ")", "Đ/c", "\u0301", "\x00", "\ufeff", "\r", '"', '""x',
]  # fmt: skip

cell = st.one_of(st.sampled_from(CELLS), st.sampled_from(HEADERS), st.text(max_size=12))
row = st.lists(cell, min_size=0, max_size=10)
header = st.permutations(HEADERS[:1] + HEADERS[3:4] + HEADERS[5:6] + HEADERS[7:8] + HEADERS[9:])


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A TSV or CSV table: title lines, a (mostly) real header, and rows of fragments."""
    sep = draw(st.sampled_from(["\t", ","]))
    lines = draw(st.lists(st.sampled_from(["", "PHỤ LỤC", "NĂM 2022"]), max_size=2))
    head = draw(header)[: draw(st.integers(2, 12))]
    lines.append(sep.join(head))
    for cells in draw(st.lists(row, max_size=12)):
        lines.append(sep.join(cells))
        if draw(st.integers(0, 9)) == 0:
            lines.append(sep.join(head))  # a page break
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


# One synonym list per column kind, in the seed's column order.
COLUMNS = [
    ("STT", "Số TT"),
    ("Tiêu chí bị trừ điểm", "Nội dung"),
    ("Điểm tối đa", "Điểm chuẩn"),
    ("Điểm chấm thẩm định", "Điểm đạt"),
    ("Lý do bị trừ", "Nguyên nhân"),
    ("Nhiệm vụ/giải pháp", "Giải pháp khắc phục"),
    ("Đơn vị chủ trì thực hiện", "Đơn vị/Cơ quan chủ trì"),
    ("Đơn vị phối hợp", "Cơ quan phối hợp"),
    ("Thời hạn hoàn thành (tháng/quý/năm)", "Thời gian hoàn thành"),
]
CODES = ["1.2", "1.7", "2.1", "5.7.2", "7.1.1.3", "9.9"]
DOMAINS = ["I", "II", "V", "VII", "IX"]
NUMBERS = ["", "1", "1,5", "0.75", "2,0", "0", "25", "19,05"]
DOMAIN_TEXTS = [
    "Cải cách thể chế đạt: {s} điểm/{m} điểm, (bị trừ {d} điểm/{m} điểm)",
    "Cải cách TTHC: {s}/{m} điểm (trừ {d} điểm/{m} điểm)",
    "Tác động {s} điểm/{m} điểm (không có điểm trừ)",
    "Sự hài lòng",
]
CRITERION_TEXTS = [
    "Tiêu chí {c}: Kế hoạch (trừ {d} điểm)",
    "Tiêu chí {c}. Dịch vụ công",
    "{c}. Thực hiện (bị trừ {d} điểm)",
    "Tiêu chí {c} Chất lượng",
]


@st.composite
def rows_of(draw: st.DrawFn, kind: str) -> dict[int, str]:
    """The cells of one row of a given kind, by column (seed order)."""
    number = st.sampled_from(NUMBERS)
    decimal = st.sampled_from(["1", "0,5", "2.25", "0,17"])
    text = st.sampled_from(["", "Văn phòng", "A; B (C; D)", "Cán bộ, công chức"])
    if kind == "domain":
        template = draw(st.sampled_from(DOMAIN_TEXTS))
        return {
            0: draw(st.sampled_from(DOMAINS)),
            1: template.format(s=draw(decimal), m=draw(decimal), d=draw(decimal)),
            2: draw(number) if "{" not in template else "",
            3: draw(number) if "{" not in template else "",
        }
    if kind == "criterion":
        template = draw(st.sampled_from(CRITERION_TEXTS))
        return {
            0: draw(st.sampled_from(["1", "2", ""])),
            1: template.format(c=draw(st.sampled_from(CODES)), d=draw(decimal)),
            2: draw(number),
            3: draw(number),
            4: draw(text),
            5: draw(text),
            6: draw(text),
            7: draw(text),
            8: draw(st.sampled_from(["", "Năm 2023", "Quý II/2023", "30/6/2023", "sớm"])),
        }
    if kind == "continuation":
        return {draw(st.integers(4, 8)): draw(st.sampled_from(["tiếp theo", "của tỉnh."]))}
    if kind == "total":
        return {1: "Tổng cộng", 3: draw(number)}
    return {1: draw(st.sampled_from(["Xếp loại: Khá", "Xếp loại: Tốt"]))}


@st.composite
def annexes(draw: st.DrawFn) -> str:
    """A mostly well-formed annex: a header in any column order, rows of each kind."""
    order = draw(st.permutations(range(len(COLUMNS))))
    head = [draw(st.sampled_from(COLUMNS[i])) for i in order]
    lines = ["PHỤ LỤC NĂM 2022", "\t".join(head)]
    kinds = ["domain", "criterion", "criterion", "continuation", "total", "rating"]
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=10)):
        cells = draw(rows_of(kind))
        lines.append("\t".join(cells.get(i, "") for i in order))
    return "\n".join(lines)


def _read(text: str, file: str) -> tuple[Appraisal, Plan] | AnnexError:
    try:
        return reads_annex(text, file)
    except AnnexError as exc:
        return exc


def _read_or_fail(text: str, file: str) -> None:
    result = _read(text, file)
    if isinstance(result, AnnexError):
        assert result.problems
        assert all(p.file == file for p in result.problems)
        return
    appraisal, plan = result
    for finding in reconcile(appraisal, RULES):
        assert finding.severity == FINDING_KINDS[finding.kind]
        assert finding.message("vi")
        assert finding.message("en")
    assert len({t.id for t in plan.tasks}) == len(plan.tasks)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "appraisal.toml"
        path.write_text(dump_appraisal(appraisal), encoding="utf-8")
        assert load_appraisal(path) == appraisal


@given(st.text())
def test_any_text(text: str) -> None:
    _read_or_fail(text, "<annex>")


@given(tables(), st.sampled_from(["<annex>", "a.csv", "a.tsv", "a.txt"]))
def test_tables_of_fragments(text: str, file: str) -> None:
    _read_or_fail(text, file)


@given(annexes())
def test_well_formed_annexes(text: str) -> None:
    _read_or_fail(text, "a.tsv")
