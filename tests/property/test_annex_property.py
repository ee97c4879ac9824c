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

from cchc_score.annex import dump_appraisal, load_appraisal, reads_annex
from cchc_score.errors import AnnexError
from cchc_score.loading import load_rules
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


def _read_or_fail(text: str, file: str) -> None:
    try:
        appraisal, plan = reads_annex(text, file)
    except AnnexError as exc:
        assert exc.problems
        assert all(p.file == file for p in exc.problems)
        return
    for finding in reconcile(appraisal, RULES):
        assert finding.severity == FINDING_KINDS[finding.kind]
        assert finding.message("vi") and finding.message("en")
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
