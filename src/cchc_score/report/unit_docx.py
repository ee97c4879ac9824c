"""The remediation-plan annex as offices file it (``report … --out plan.docx``).

A Word document, landscape: the title ("PHỤ LỤC", "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC NỘI DUNG
BỊ ĐIỂM TRỪ CHỈ SỐ CCHC NĂM …"), the unit, and one table: STT, criterion, maximum,
appraised, reason, task, lead, partners, deadline and, with a plan, the projected points.
Each domain is a row merged across the table with its points written as annexes write them
("I. Công tác chỉ đạo, điều hành CCHC: 8,83/10 điểm (trừ 1,17 điểm)"); a domain a task
serves directly (IX, the survey) is a row of its own cells instead. Under a domain, a row
per criterion that lost points or that a task serves, one row per task (the reader numbers a
criterion's second task ``2.1-2``); then the total and the rating. The header row repeats
on every page.

It is written to be read back: :func:`cchc_score.io.annex.read_annex` gives the same rows,
tasks and deadlines (tests/test_report_files.py). python-docx (the ``docx`` extra) is
imported only here, when a Word file is asked for.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from ..numbers import format_number
from ..values import printable
from ..words import text
from .common import points

if TYPE_CHECKING:
    from decimal import Decimal

    from ..evaluation import NodeScore
    from ..numbers import Lang
    from ..plan import Task
    from .unit import UnitReport

__all__ = ["DOCX_MISSING", "plan_docx"]

#: Said when a Word file is asked for and python-docx is not installed.
DOCX_MISSING = (
    "writing a Word file (.docx) needs python-docx, which the docx extra installs: "
    'pip install "cchc-score[docx]"'
)

#: A criterion code the annex reader recognises in a row's text ("1.2", "7.1.1.3"): a
#: residual node ("1.r") is not one, and its loss shows in its domain's row.
_CRITERION = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3})+")

_COLUMNS = (
    "stt", "criterion", "max", "score", "reason", "task", "lead", "partners", "deadline",
)  # fmt: skip
# Relative widths of the columns (the criterion, reason and task take the room).
_WIDTHS = (0.45, 2.3, 0.6, 0.7, 1.8, 2.3, 1.2, 1.2, 0.8, 0.6)


def _header(code: str, lang: Lang) -> str:
    """A column's header: Vietnamese, as the annex reader knows it; in English documents
    the English under it (the reader still finds the Vietnamese)."""
    vi = text(f"unitreport.docx_{code}", "vi")
    if lang == "vi" or code == "stt":
        return vi
    return f"{vi}\n{text(f'unitreport.docx_{code}', lang)}"


def _cell(cell: Any, value: str, *, bold: bool = False) -> None:
    """A cell's text (control characters escaped: Word's XML cannot hold them)."""
    cell.text = printable(value)
    if bold:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.bold = True


def _domain_text(node: NodeScore, lang: Lang, places: int) -> str:
    """A domain row's text, its points as annexes write them (the reader takes them back)."""
    got = points(node.points, "vi", places)
    top = format_number(node.max, "vi")
    lost = (
        f"(trừ {points(node.deduction, 'vi', places)} điểm)"
        if node.deduction
        else "(không có điểm trừ)"
    )
    return f"{node.code}. {node.name(lang)}: {got}/{top} điểm {lost}"


def _criterion_text(node: NodeScore, lang: Lang) -> str:
    if lang == "vi":
        return f"Tiêu chí {node.code}: {node.name(lang)}"
    return f"{node.code}: {node.name(lang)}"


def _reason(report: UnitReport, node: NodeScore, lang: Lang) -> str:
    """Why a criterion lost points: as the annex or the plan says it, else the sentence
    that scored it (none for a criterion at its maximum)."""
    said = report.reason(node.code)
    return said or (node.explanation(lang) if node.deduction > 0 else "")


def _task_cells(task: Task | None) -> list[str]:
    if task is None:
        return ["", "", "", ""]
    return [task.action, task.lead, "; ".join(task.partners), task.deadline.text]


def _rows_of(report: UnitReport, domain: NodeScore) -> list[tuple[NodeScore, Task | None]]:
    """The criteria under a domain to list, in rule-file order, each with its tasks (a
    criterion with two tasks has two rows)."""
    served = {c for t in (report.plan.tasks if report.plan else ()) for c in t.criteria}
    rows: list[tuple[NodeScore, Task | None]] = []
    for criterion in report.rules.node(domain.code).walk():
        code = criterion.code
        if code == domain.code or not _CRITERION.fullmatch(code):
            continue
        node = report.scorecard.node(code)
        lost = criterion.is_leaf and node.deduction > 0
        if not lost and code not in served:
            continue
        tasks = [t for t in report.tasks_for(code) if code in t.criteria] if code in served else []
        rows += [(node, task) for task in tasks] if tasks else [(node, None)]
    return rows


def plan_docx(report: UnitReport, lang: Lang = "vi") -> bytes:
    """The remediation-plan annex as a Word document's bytes.

    Raises:
        ImportError: python-docx is not installed (``pip install "cchc-score[docx]"``).
    """
    try:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Inches, Pt
    except ImportError as exc:
        raise ImportError(DOCX_MISSING) from exc
    card = report.scorecard
    places = report.rules.decimals
    projected = report.projection is not None
    width = len(_COLUMNS) + (1 if projected else 0)
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Inches(0.6))
    document.styles["Normal"].font.size = Pt(10)

    def title(line: str, *, bold: bool = True) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(printable(line)).bold = bold

    year = card.year if card.year is not None else report.rules.year
    title(text("unitreport.docx_kicker", lang))
    title(text("unitreport.docx_title", lang, year=year))
    # "UBND Xã Tân Lập": the reader finds the unit in the title as offices write it.
    title(text("unitreport.docx_unit", lang, unit=f"UBND {report.unit}"), bold=False)
    if report.projection is not None:
        date = report.projection.as_of.isoformat()
        title(text("unitreport.docx_projected", lang, date=date), bold=False)

    table = document.add_table(rows=1, cols=width)
    table.style = "Table Grid"
    codes = [*_COLUMNS, *(["projected_column"] if projected else [])]
    header = table.rows[0]
    for cell, code in zip(header.cells, codes, strict=True):
        _cell(cell, _header(code, lang), bold=True)
    _repeat_header(header)

    def number(value: Decimal) -> str:
        return format_number(value, lang)

    def pts(value: Decimal) -> str:
        return points(value, lang, places)

    def add(values: list[str], *, merge: int = 0, bold: bool = False) -> None:
        row = table.add_row()
        cells = row.cells
        if merge:
            merged = cells[0].merge(cells[merge - 1])
            _cell(merged, values[0], bold=bold)
            values = values[1:]
            cells = cells[merge:]
        for cell, value in zip(cells, values, strict=False):
            _cell(cell, value, bold=bold)

    ordinal = 0
    for domain in card.domains:
        then = [pts(report.projected_points(domain.code))] if projected else []
        own = [t for t in report.tasks_for(domain.code) if domain.code in t.criteria]
        if own:  # a domain a task serves directly: its own cells, as annexes write IX
            for domain_task in own:
                add(
                    [domain.code, domain.name(lang), number(domain.max), pts(domain.points),
                     report.reason(domain.code), *_task_cells(domain_task), *then],
                )  # fmt: skip
        else:
            add([_domain_text(domain, lang, places), *then], merge=len(_COLUMNS), bold=True)
        for node, task in _rows_of(report, domain):
            ordinal += 1
            add(
                [str(ordinal), _criterion_text(node, lang), number(node.max), pts(node.points),
                 _reason(report, node, lang), *_task_cells(task),
                 *([pts(report.projected_points(node.code))] if projected else [])],
            )  # fmt: skip
    # "Tổng cộng" across the first two columns, as offices write it; then the numbers.
    total_then = [pts(report.projection.all_done)] if report.projection is not None else []
    add(
        [text("unitreport.docx_total", "vi"), number(card.max), pts(card.total), *[""] * 5,
         *total_then],
        merge=2,
        bold=True,
    )  # fmt: skip
    if card.rating is not None:
        add([f"Xếp loại: {card.rating.name}"], merge=width, bold=True)
    for row in table.rows:
        for cell, share in zip(row.cells, _WIDTHS, strict=False):
            cell.width = Inches(share)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repeat_header(row: Any) -> None:
    """Mark a table row as its header, repeated by Word at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
