"""Many units as an Excel workbook (``rank --format xlsx``): a ranking sheet, a deductions
sheet and the units not ranked. openpyxl is imported only when a workbook is asked for."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..errors import place
from ..values import XLSX_CELL_LIMIT, cell
from ..words import pick, text
from .common import band_name, domain_points

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..batch import LossTable, Ranking
    from ..numbers import Lang
    from .batch import Part

__all__ = ["EXCEL_MISSING", "batch_xlsx"]

#: Said when a workbook is asked for and openpyxl is not installed.
EXCEL_MISSING = (
    "writing .xlsx needs openpyxl, which the 'excel' extra installs: "
    'pip install "cchc-score[excel]"'
)


def _cells(row: Iterable[object]) -> list[object]:
    """A row as workbook cells: numbers as numbers, every text through
    :func:`cchc_score.values.cell` (control characters, which openpyxl refuses, escaped;
    formulas neutralised; cut to the most a cell holds)."""
    return [cell(v, limit=XLSX_CELL_LIMIT) if isinstance(v, str) else v for v in row]


def _number_format(places: int) -> str:
    """Excel's format for points with ``places`` decimals: 2 → ``0.00``, 0 → ``0``."""
    return "0." + "0" * places if places else "0"


def batch_xlsx(
    ranking: Ranking, table: LossTable, lang: Lang = "vi", only: Part | None = None
) -> bytes:
    """A workbook (.xlsx) with a ranking sheet, a deductions sheet (``only`` keeps one) and,
    when some units were not ranked, a sheet listing them with their problems. Points are
    numbers shown with the rule set's decimals.

    Raises:
        ImportError: openpyxl is not installed (``pip install "cchc-score[excel]"``).
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise ImportError(EXCEL_MISSING) from exc

    def w(code: str) -> str:
        return text(f"batch.{code}", lang)

    rules = ranking.rules
    # With no rule set there is no unit, and no points to format.
    number_format = "General" if rules is None else _number_format(rules.decimals)
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)

    def sheet(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
        ws = book.create_sheet(title)
        ws.append(_cells(header))
        for item in ws[1]:
            item.font = bold
        for row in rows:
            ws.append(_cells(row))
        for cells in ws.iter_rows(min_row=2):
            for item in cells:
                if isinstance(item.value, Decimal):
                    item.number_format = number_format
        ws.freeze_panes = "A2"
        return ws

    codes = [d.code for d in rules.domains] if rules is not None else []
    if only != "losses":
        ws = sheet(
            w("sheet_ranking"),
            [w("rank"), w("tied"), w("unit"), w("total"), w("rating"), *codes],
            (
                [
                    u.rank,
                    w("tied_cell") if u.tied else "",
                    u.unit,
                    u.total,
                    band_name(u.scorecard, lang) or "",
                    *domain_points(u.scorecard).values(),
                ]
                for u in ranking.units
            ),
        )
        ws.column_dimensions["C"].width = 28
    if only != "ranking":
        rows: list[list[object]] = [
            [
                row.code,
                pick(row.criterion.name, row.criterion.name_en, lang),
                row.criterion.max,
                row.units_lost,
                row.total,
                *row.deductions,
            ]
            for row in table.criteria
        ]
        rows.append(["", w("sum"), None, None, sum(table.lost, Decimal(0)), *table.lost])
        ws = sheet(
            w("sheet_losses"),
            [w("code"), w("criterion"), w("max"), w("units_lost"), w("lost"), *table.units],
            rows,
        )
        ws.column_dimensions["B"].width = 48
        ws.freeze_panes = "C2"
    if ranking.invalid:
        ws = sheet(
            w("sheet_invalid"),
            [w("unit"), w("where"), w("problems")],
            (
                [r.unit, place(r.where, lang), "\n".join(p.text(lang) for p in r.problems)]
                for r in ranking.invalid
            ),
        )
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["C"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
