"""`cchc-score report` and `rank --out …html|.xlsx`: each file written, then read back.

The workbook with openpyxl (sheet names, values, number formats, frozen panes) and its zip
(the native charts and the cells they draw from); the Word annex with the project's own
annex reader (the round trip: same rows, tasks and deadlines); the HTML page with
``html.parser`` (well-formed, every section, nothing external, everything escaped). Each on
the example ward and on two wards the writers were not written around: the hand-made
"Phường A" annex (tests/data/annex/total_row.tsv) and the Tân Lập Word annex built by
tests/test_annex_docx.py.
"""

from __future__ import annotations

import re
import sys
import types
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cchc_score import load_evidence, load_plan, load_rules, project
from cchc_score.io.annex import read_annex
from cchc_score.reconcile import reconcile
from cchc_score.report.unit_html import SECTIONS

from .conftest import DATA, EXAMPLE, ROOT
from .test_cli import run

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

EVIDENCE = str(EXAMPLE / "evidence.toml")
PLAN = str(EXAMPLE / "plan.toml")
ANNEX = str(EXAMPLE / "annex.tsv")
PHUONG_A = str(DATA / "annex" / "total_row.tsv")

# The example ward's criteria that lost points, in rule-file order: the 18 criterion rows
# of its annex and domain IX (the survey, a leaf), 19 in all (README: "every criterion line").
DEDUCTED = [
    "1.2", "1.7", "1.8", "2.1", "2.3", "3.1", "3.6", "5.1", "5.3", "5.7.2", "6.1", "6.3.2",
    "6.5", "6.6", "7.1.1.3", "7.1.2", "7.1.3", "7.2.5", "IX",
]  # fmt: skip
# Its domains as scored (README): V follows its criteria (14 − 0,05 − 0,10 − 0,5 = 13,35),
# the others the annex: 8,83 + 4,5 + 11,75 + 6 + 13,35 + 6,9 + 11,76 + 2 + 19,05 = 84,14.
DOMAINS = [
    ("I", 10, "8.83"), ("II", 7, "4.5"), ("III", 12.5, "11.75"), ("IV", 6, "6"),
    ("V", 14, "13.35"), ("VI", 8, "6.9"), ("VII", 15.5, "11.76"), ("VIII", 2, "2"),
    ("IX", 25, "19.05"),
]  # fmt: skip


def report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run(capsys, "report", *argv)


# --------------------------------------------------------------------------- the workbook


def _charts(path: Path) -> list[str]:
    """The chart parts of a workbook, as XML text, in order."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        return [archive.read(n).decode("utf-8") for n in names]


def test_xlsx_of_the_example_ward(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "w.xlsx"
    assert report(capsys, EVIDENCE, PLAN, "--out", str(out)) == (0, f"đã ghi {out}\n", "")
    book = openpyxl.load_workbook(out)
    # No annex given: no Kiểm tra sheet.
    assert book.sheetnames == ["Tổng hợp", "Điểm trừ", "Dự báo", "Kế hoạch"]
    assert all(ws.freeze_panes == "A2" for ws in book.worksheets)

    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[0] == (
        "Mã", "Lĩnh vực", "Điểm tối đa", "Điểm thẩm định (phụ lục)", "Điểm tính lại", "Điểm trừ"
    )  # fmt: skip
    assert [(r[0], r[2], str(r[4])) for r in summary[1:10]] == DOMAINS
    assert summary[1][3] is None  # no appraisal known
    # Total 84,14 of 100: 15,86 lost.
    assert (summary[10][1], summary[10][4], round(summary[10][5], 2)) == ("Tổng điểm", 84.14, 15.86)
    assert summary[11][4] == "Khá (giả định)"  # 84,14: Khá is 70 to under 90; bands assumed
    assert [r[1:3] for r in summary[13:16]] == [
        ("Đơn vị", "Phường mẫu (phụ lục 2022)"), ("Năm", 2022), ("Bộ tiêu chí", "criteria_2022"),
    ]  # fmt: skip
    assert book["Tổng hợp"]["E2"].number_format == "0.00"  # the rules' 2 decimals

    deductions = list(book["Điểm trừ"].iter_rows(values_only=True))
    assert [r[0] for r in deductions[1:]] == DEDUCTED
    # 5.1: 1,0 × 20/21 = 0,952… → 0,95 (README's example), a ratio.
    row = next(r for r in deductions if r[0] == "5.1")
    assert row[2:6] == (1, 0.95, 0.05, "tỷ lệ")
    assert "20/21" in row[7]
    assert round(sum(r[4] for r in deductions[1:]), 2) == 15.86

    plan = list(book["Kế hoạch"].iter_rows(values_only=True))
    assert len(plan) == 1 + 19  # every task of plan.toml
    # 2.1: checklist 0,75/2,5; when done all three items are met: 2,5, a gain of 1,75.
    task = next(r for r in plan if r[0] == "2.1")
    assert (task[5], task[7], task[8], task[9]) == ("Năm 2023", 12, 0.5, 1.75)
    sheet = book["Kế hoạch"]
    assert sheet.cell(row=plan.index(task) + 1, column=9).number_format == "0.0%"
    # No budget asked for: no column saying which tasks come first (all of them fit).
    assert plan[0][-1] == "Tính đến ngày đánh giá"


def test_xlsx_with_a_budget_says_what_comes_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "w.xlsx"
    assert report(capsys, EVIDENCE, PLAN, "--budget", "40", "--out", str(out))[0] == 0
    plan = list(openpyxl.load_workbook(out)["Kế hoạch"].iter_rows(values_only=True))
    assert plan[0][-1] == "Nên làm trước"
    first = [r[0] for r in plan[1:] if r[-1] == "có"]
    # The same tasks as `cchc-score plan … --budget 40` (the demo's plan for 40 days).
    from cchc_score import best_plan

    best = best_plan(load_rules("criteria_2022"), load_evidence(EVIDENCE), load_plan(PLAN), 40)
    assert first == list(best.chosen)
    assert sum(r[7] for r in plan[1:] if r[-1] == "có") <= 40


def test_xlsx_projection_and_its_charts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "w.xlsx"
    assert report(capsys, EVIDENCE, PLAN, "--out", str(out))[0] == 0
    rows = list(openpyxl.load_workbook(out)["Dự báo"].iter_rows(values_only=True))
    measures = dict(r[:2] for r in rows[1:8])
    # Now 84,14; every task done: every deducted criterion back to its maximum but IX, whose
    # task lifts the survey to 18/… (plan.toml), 96,00; less 1.7's 0,5 and 5.1's 0,05, which
    # look back a year and count in 2024: 95,45 (projection.md).
    assert (measures["Điểm hiện tại"], measures["Nếu hoàn thành mọi nhiệm vụ"]) == (84.14, 95.45)
    expected = project(load_rules("criteria_2022"), load_evidence(EVIDENCE), load_plan(PLAN))
    assert measures["Điểm kỳ vọng"] == pytest.approx(expected.expected, abs=1e-4)
    sheet = openpyxl.load_workbook(out)["Dự báo"]
    assert (sheet["A4"].value, sheet["B4"].number_format) == ("Điểm kỳ vọng", "0.00")
    assert sheet["B2"].number_format == "0.00"
    # The distribution by whole points and band: its shares add up to 1.
    start = next(i for i, r in enumerate(rows) if r[0] == "Từ (điểm)")
    assert rows[start][1:5] == ("Tốt", "Khá", "Trung bình", "Yếu")
    shares = [v for r in rows[start + 1 :] for v in r[1:5]]
    assert sum(shares) == pytest.approx(1.0, abs=1e-9)
    # Bins below 90 hold only Khá, from 90 only Tốt (the band limit falls between bins).
    assert all(r[1] == 0 for r in rows[start + 1 :] if r[0] < 90)
    assert all(r[2] == 0 for r in rows[start + 1 :] if r[0] >= 90)

    losses, distribution = _charts(out)
    # Native charts drawing from the sheets' cells: they stay live in Excel.
    assert "<barChart>" in losses
    assert "'Tổng hợp'!$F$2:$F$10" in losses  # the nine domains' deductions
    assert '<grouping val="stacked"/>' in distribution
    assert distribution.count("<ser>") == 4  # one series per rating band
    assert "'Dự báo'!$B$" in distribution
    # Both with their axes shown (recent Excel hides axes openpyxl leaves unsaid).
    assert losses.count('<delete val="0"/>') == distribution.count('<delete val="0"/>') == 2


def test_xlsx_of_an_annex_has_the_checks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "a.xlsx"
    assert report(capsys, ANNEX, "--out", str(out), "--lang", "en")[0] == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Deductions", "Checks", "Projection", "Plan"]
    summary = list(book["Summary"].iter_rows(values_only=True))
    # V as the annex states it (13,45) beside the points its criteria give (13,35).
    assert summary[5][:6] == ("V", "Civil service reform", 14, 13.45, 13.35, 0.65)
    checks = list(book["Checks"].iter_rows(values_only=True))
    assert checks[0] == ("Severity", "Line", "Code", "Finding", "Stated", "Computed")
    # reconcile finds the same, row for row (docs/annex.md lists them).
    findings = reconcile(read_annex(ANNEX)[0], load_rules("criteria_2022"))
    assert [(r[1], r[2]) for r in checks[1:]] == [(f.line, f.code) for f in findings]
    assert any(r[0] == "error" and r[2] == "V" for r in checks[1:])


# --------------------------------------------------------------------------- the Word annex


def _task_fields(plan: object) -> list[tuple[object, ...]]:
    return [
        (t.criteria, t.action, t.lead, t.partners, t.deadline)
        for t in plan.tasks  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_docx_reads_back_to_the_same_rows_and_tasks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "ke_hoach.docx"
    assert report(capsys, EVIDENCE, PLAN, "--out", str(out), "--lang", lang)[0] == 0
    appraisal, plan = read_annex(out)
    # Every domain, then under each its criteria that lost points (IX is a domain).
    domains = [(n.code, n.max, str(n.score)) for n in appraisal.nodes if n.level == "domain"]
    assert [(c, Decimal(str(m)), s) for c, m, s in domains] == [
        (c, Decimal(str(m)), str(Decimal(s).quantize(Decimal("0.01")))) for c, m, s in DOMAINS
    ]
    criteria = [n.code for n in appraisal.nodes if n.level == "criterion"]
    assert criteria == DEDUCTED[:-1]
    assert str(appraisal.node("5.1").score) == "0.95"
    assert (appraisal.total, appraisal.rating, appraisal.year) == (Decimal("84.14"), "Khá", 2022)
    # The same tasks, with the same deadlines, in the same order.
    assert _task_fields(plan) == _task_fields(load_plan(PLAN))
    assert [t.id for t in plan.tasks] == [t.id for t in load_plan(PLAN).tasks]
    # The arithmetic written agrees with itself: no error when it is reconciled.
    findings = reconcile(appraisal, load_rules("criteria_2022"))
    assert [f for f in findings if f.severity == "error"] == []


def test_docx_layout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "ke_hoach.docx"
    assert report(capsys, EVIDENCE, PLAN, "--out", str(out))[0] == 0
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "PHỤ LỤC"
    assert document.paragraphs[1].text.endswith("CHỈ SỐ CCHC NĂM 2022")
    (table,) = document.tables
    header = [c.text for c in table.rows[0].cells]
    assert (header[0], header[-1]) == ("STT", "Điểm dự kiến")
    assert len(header) == 10
    # The header repeats on every page.
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    # Domain I: one cell across the nine annex columns, the projected points in the tenth.
    first = table.rows[1].cells
    assert len({id(c._tc) for c in first[:9]}) == 1
    assert first[0].text == (
        "I. Công tác chỉ đạo, điều hành cải cách hành chính: 8,83/10 điểm (trừ 1,17 điểm)"
    )
    # Every task of domain I done: 1.2 and 1.8 back to their maxima; 1.7 looks back a year,
    # so its 2023 task counts in 2024 and it stays at 1,0 of 1,5: I is 10 − 0,5 = 9,50, as
    # the projection's domain table says.
    assert first[9].text == "9,50"
    row_17 = next(r.cells for r in table.rows if r.cells[1].text.startswith("Tiêu chí 1.7"))
    assert row_17[9].text == "1,00"


def test_docx_of_another_ward_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from .test_annex_docx import xa_docx

    source = tmp_path / "xa.docx"
    xa_docx(source)
    out = tmp_path / "ke_hoach.docx"
    assert report(capsys, str(source), "--out", str(out))[0] == 0
    original, original_plan = read_annex(source)
    appraisal, plan = read_annex(out)
    assert (appraisal.unit, appraisal.year) == ("Xã Tân Lập", 2023)
    assert [(n.code, n.max, n.score) for n in appraisal.nodes if n.level == "criterion"] == [
        (n.code, n.max, n.score) for n in original.nodes if n.level == "criterion"
    ]
    assert [t.deadline.text for t in plan.tasks] == ["Quý II/2023", "Tháng 9/2023", "Năm 2023"]
    assert _task_fields(plan) == _task_fields(original_plan)


# --------------------------------------------------------------------------- the page


class _Page(HTMLParser):
    """Checks that every element opened is closed in order; keeps ids and attributes."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "col", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.ids: list[str] = []
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs
        if tag == "section":  # the SVG charts have ids of their own
            self.ids += [v for k, v in attrs if k == "id" and v]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.problems == []
    assert parser.open == []
    return parser


def self_contained(page: _Page, text: str) -> None:
    """Nothing the page would fetch: no script, link, image or frame; no attribute or
    style pointing anywhere but inside the page (a data: URI is inside it)."""
    assert not page.tags & {"script", "link", "img", "iframe", "object", "embed"}
    for key, value in page.attributes:
        if key in ("src", "href", "xlink:href", "action", "data"):
            # A fragment of the page, or data inside it (a chart's image as a data: URI).
            assert (value or "").startswith(("#", "data:image/")), (key, value)
    assert not re.search(r"url\((?!#)|@import", text)


def test_html_of_the_example_ward(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "w.html"
    argv = [EVIDENCE, PLAN, "--annex", ANNEX, "--out", str(out)]
    assert report(capsys, *argv)[0] == 0
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert page.ids == list(SECTIONS)
    self_contained(page, text)
    assert '<html lang="vi">' in text
    # Proper Vietnamese, in NFC; the annex's 13,45 for V beside the 13,35 recomputed.
    assert "Báo cáo Chỉ số CCHC năm 2022: Phường mẫu (phụ lục 2022)" in text
    assert "<td>V</td><td>Cải cách chế độ công vụ</td><td" in text
    assert '<td class="n">13,45</td><td class="n">13,35</td>' in text
    assert "tổng điểm 84,14/100, xếp loại Khá" in text
    # Tasks 1.7 and 5.1 (due "Năm 2023") serve criteria that look back a year: the page says
    # they count in 2024, as `project` does.
    for code in ("1.7", "5.1"):
        assert (
            f'<p class="note">Nhiệm vụ {code}: {code} tính vào chỉ số năm 2024, không tính ở đây '
            "(tiêu chí xét kết quả của năm trước)</p>"
        ) in text


@pytest.mark.parametrize("source", [PHUONG_A, ANNEX], ids=["phuong_a", "example_annex"])
def test_html_of_an_annex(capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str) -> None:
    out = tmp_path / "a.html"
    assert report(capsys, source, "--out", str(out), "--lang", "en")[0] == 0
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert page.ids == list(SECTIONS)
    self_contained(page, text)


def test_phuong_a_end_to_end(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The hand-made annex: 1.2 loses 0,5 (1,5 → 1,0), IX 3,5 (25 → 21,5), the rest full:
    # 100 − 0,5 − 3,5 = 96,0, as its total row says; rating Tốt (≥ 90).
    for suffix in (".xlsx", ".docx", ".html"):
        assert report(capsys, PHUONG_A, "--out", str(tmp_path / f"a{suffix}"))[0] == 0
    summary = list(
        openpyxl.load_workbook(tmp_path / "a.xlsx")["Tổng hợp"].iter_rows(values_only=True)
    )
    assert summary[10][3:6] == (96, 96, 4)
    assert summary[11][3:5] == ("Tốt", "Tốt (giả định)")  # the annex's, then the rules' band
    appraisal, plan = read_annex(tmp_path / "a.docx")
    assert (appraisal.total, appraisal.rating) == (Decimal("96.00"), "Tốt")
    assert [(t.id, t.deadline.text) for t in plan.tasks] == [
        ("1.2", "Quý II/2024"), ("IX", "Thường xuyên"),
    ]  # fmt: skip
    assert plan.tasks[0].partners == ("Công chức Văn hóa – Xã hội", "Đoàn thanh niên")
    assert "96,00" in (tmp_path / "a.html").read_text(encoding="utf-8")


def test_names_are_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> & \x07"
    evidence = tmp_path / "evidence.toml"
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    evidence.write_text(
        text.replace('unit = "Phường mẫu (phụ lục 2022)"', f'unit = "{hostile[:-1]}\\u0007"'),
        encoding="utf-8",
    )
    for suffix in (".html", ".docx", ".xlsx"):
        code, _, err = report(capsys, str(evidence), PLAN, "--out", str(tmp_path / f"x{suffix}"))
        assert (code, err) == (0, "")
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\u0007" in page
    assert "Đơn vị: UBND <script>alert(1)</script> & \\u0007" in [
        p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs
    ]


def test_charts_from_the_plot_extra_are_inline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for the plot package: each chart is a figure whose SVG comes as
    # matplotlib writes it (a declaration, a DOCTYPE with a URL, a comment).
    made: list[str] = []

    def figure(kind: str) -> object:
        def make(*args: object, **kwargs: object) -> str:
            made.append(kind)
            return kind

        return make

    plot = types.ModuleType("cchc_score.plot")
    for kind in ("losses", "distribution", "timeline", "frontier", "heatmap"):
        setattr(plot, kind, figure(kind))
    plot.to_svg = lambda fig: (  # type: ignore[attr-defined]
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Created with matplotlib -->'
        f'<svg xmlns="http://www.w3.org/2000/svg"><title>{fig}</title></svg>'
    )
    monkeypatch.setitem(sys.modules, "cchc_score.plot", plot)
    out = tmp_path / "w.html"
    assert report(capsys, EVIDENCE, PLAN, "--out", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    # Losses by domain and by criterion, the distribution, the timeline, the frontier.
    assert made == ["losses", "losses", "distribution", "timeline", "frontier"]
    assert text.count("<svg ") == 5
    assert "DOCTYPE svg" not in text
    assert "Created with" not in text
    self_contained(parse(text), text)
    # The district page's heat map.
    assert (
        run(
            capsys, "rank", str(ROOT / "examples/district_2022"), "--out", str(tmp_path / "d.html")
        )[0]
        == 0
    )
    assert made[-1] == "heatmap"


def test_without_the_plot_extra_the_page_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cchc_score.plot", None)  # import raises ImportError
    for lang, note in [
        ("vi", "Biểu đồ cần gói mở rộng plot (matplotlib)"),
        ("en", "Charts need the plot extra (matplotlib)"),
    ]:
        out = tmp_path / f"{lang}.html"
        assert report(capsys, EVIDENCE, "--out", str(out), "--lang", lang)[0] == 0
        text = out.read_text(encoding="utf-8")
        assert note in text
        assert "<svg" not in text


# --------------------------------------------------------------------------- the district


def test_rank_html_and_heat_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "district.html"
    code, said, _ = run(capsys, "rank", str(ROOT / "examples/district_2022"), "--out", str(out))
    assert (code, said) == (0, f"đã ghi {out}: xếp hạng 7 đơn vị\n")
    text = out.read_text(encoding="utf-8")
    page = parse(text)
    assert page.ids == ["ranking", "losses", "charts"]
    self_contained(page, text)
    # The largest single loss is shaded full red; a cell with no loss is white.
    assert text.count("background:#f8696b") >= 1
    assert "background:#ffffff" in text


def test_rank_xlsx_heat_map_and_chart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "district.xlsx"
    assert run(capsys, "rank", str(ROOT / "examples/district_2022"), "--out", str(out))[0] == 0
    book = openpyxl.load_workbook(out)
    losses = book["Điểm trừ"]
    (area,) = losses.conditional_formatting
    # 7 units in columns F to L; one row per criterion that lost points.
    rows = losses.max_row - 2  # less the header and the sum row
    assert str(area.sqref) == f"F2:L{rows + 1}"
    assert area.rules[0].type == "colorScale"
    (chart,) = _charts(out)
    assert "'Xếp hạng'!$D$2:$D$8" in chart  # the seven totals


# --------------------------------------------------------------------------- refusals


def test_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "w.html"
    out.write_text("kept", encoding="utf-8")
    code, said, err = report(capsys, EVIDENCE, "--out", str(out), "--lang", "en")
    assert (code, said) == (1, "")
    assert err == f"error: {out}: exists; not overwritten (use --force to replace it)\n"
    assert out.read_text(encoding="utf-8") == "kept"
    assert report(capsys, EVIDENCE, "--out", str(out), "--force")[0] == 0
    # Never over an input, even with --force (an annex read as text, whatever its name).
    annex = tmp_path / "annex.html"
    annex.write_bytes(Path(PHUONG_A).read_bytes())
    code, _, err = report(capsys, str(annex), "--out", str(annex), "--force", "--lang", "en")
    assert (code, err) == (
        1,
        f"error: {annex}: is an input of this command ({annex}); an input is never "
        "overwritten, even with --force: choose another name\n",
    )
    assert annex.read_bytes() == Path(PHUONG_A).read_bytes()


@pytest.mark.parametrize(
    ("name", "lang", "message"),
    [
        ("w.pdf", "en",
         "report: cannot write a '.pdf' file; --out must end in .xlsx, .docx or .html"),
        ("w", "vi",
         "report: không biết ghi tệp 'w'; đuôi tệp --out phải là .xlsx, .docx hoặc .html"),
    ],
)  # fmt: skip
def test_bad_extension_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, lang: str, message: str
) -> None:
    code, _, err = report(capsys, EVIDENCE, "--out", str(tmp_path / name), "--lang", lang)
    prefix = "lỗi" if lang == "vi" else "error"
    assert (code, err) == (2, f"cchc-score: {prefix}: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_an_annex_given_twice_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = [ANNEX, "--annex", ANNEX, "--out", str(tmp_path / "x.html"), "--lang", "en"]
    assert report(capsys, *argv) == (
        2,
        "",
        f"cchc-score: error: report: --annex goes with an evidence file (.toml, .json); "
        f"{ANNEX} is an annex already\n",
    )


def test_bad_input_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = str(DATA / "annex" / "broken_rows.tsv")
    code, _, err = report(capsys, broken, "--out", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert code == 1
    assert err.startswith(
        f"error: {broken}: line 3: a continuation row (no STT, code or points) with no row "
        "above it to continue (got 'còn thiếu hồ sơ')\n"
    )
    plan = tmp_path / "plan.toml"
    plan.write_text('[[tasks]]\nid = "x"\ncriteria = ["9.9"]\n', encoding="utf-8")
    argv = [EVIDENCE, str(plan), "--out", str(tmp_path / "x.html"), "--lang", "en"]
    code, _, err = report(capsys, *argv)
    assert (code, err) == (
        1,
        f'error: {plan}: task "x".criteria: no criterion has this code in criteria_2022 '
        "(got '9.9')\n",
    )
    assert list(tmp_path.iterdir()) == [plan]


def test_without_openpyxl_or_python_docx(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setitem(sys.modules, "docx", None)
    code, _, err = report(capsys, EVIDENCE, "--out", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert (code, err) == (
        2,
        "cchc-score: error: writing .xlsx needs openpyxl, which the 'excel' extra installs: "
        'pip install "cchc-score[excel]"\n',
    )
    code, _, err = report(capsys, EVIDENCE, "--out", str(tmp_path / "x.docx"))
    assert (code, err) == (
        2,
        "cchc-score: lỗi: ghi tệp Word (.docx) cần python-docx, có trong gói mở rộng docx: "
        'pip install "cchc-score[docx]"\n',
    )
    assert list(tmp_path.iterdir()) == []
