"""The house style of every workbook the library writes (openpyxl): cells, number formats,
header rows, widths that fit. Used by :mod:`.workbook` (many units) and :mod:`.unit_xlsx`
(one unit). openpyxl is imported by the callers, only when a workbook is asked for.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..values import XLSX_CELL_LIMIT, cell

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "EXCEL_MISSING",
    "PERCENT",
    "cells",
    "fit_widths",
    "number_format",
    "show_axes",
    "write_table",
]

#: Said when a workbook is asked for and openpyxl is not installed.
EXCEL_MISSING = (
    "writing .xlsx needs openpyxl, which the 'excel' extra installs: "
    'pip install "cchc-score[excel]"'
)

#: Excel's format for a probability.
PERCENT = "0.0%"

#: The widest a column is made (characters); longer text wraps.
_WIDEST = 60


def cells(row: Iterable[object]) -> list[object]:
    """A row as workbook cells: numbers as numbers, every text through
    :func:`cchc_score.values.cell` (control characters, which openpyxl refuses, escaped;
    formulas neutralised; cut to the most a cell holds).

    >>> cells(["=1+1", Decimal("1.5"), None])
    ["'=1+1", Decimal('1.5'), None]
    """
    return [cell(v, limit=XLSX_CELL_LIMIT) if isinstance(v, str) else v for v in row]


def number_format(places: int) -> str:
    """Excel's format for points with ``places`` decimals.

    >>> number_format(2), number_format(0)
    ('0.00', '0')
    """
    return "0." + "0" * places if places else "0"


def write_table(
    ws: Any,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    points: str,
    formats: Mapping[int, str] | None = None,
    start: int = 1,
) -> int:
    """Write a table with a bold header row at row ``start`` of the sheet ``ws``; return the
    row after its last.

    Decimals get the ``points`` format (the rule set's decimals); a column listed in
    ``formats`` (0-based) gets its own (``PERCENT`` for probabilities).
    """
    from openpyxl.styles import Font

    bold = Font(bold=True)
    for column, title in enumerate(cells(header), start=1):
        ws.cell(row=start, column=column, value=title).font = bold
    row_number = start
    for row_number, row in enumerate(rows, start=start + 1):
        for column, value in enumerate(cells(row), start=1):
            item = ws.cell(row=row_number, column=column, value=value)
            if (
                formats
                and column - 1 in formats
                and value is not None
                and not isinstance(value, str)
            ):
                item.number_format = formats[column - 1]
            elif isinstance(value, Decimal):
                item.number_format = points
    return row_number + 1


def show_axes(chart: Any) -> None:
    """Say that a chart's axes are shown: openpyxl 3.1 leaves it unsaid, and recent Excel
    then hides them."""
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def fit_widths(ws: Any, *, widest: int = _WIDEST) -> None:
    """Each column as wide as its longest line (at most ``widest`` characters: longer text
    wraps)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for item in row:
            if item.value is None:
                continue
            shown = item.value if isinstance(item.value, str) else f"{item.value}"
            longest = max((len(line) for line in shown.split("\n")), default=0)
            if longest > widest:
                item.alignment = wrap
            widths[item.column] = max(widths.get(item.column, 0), min(longest, widest))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(width + 2, 6)
