"""Many units as an Excel workbook (``rank --format xlsx``): a ranking sheet, a deductions
sheet and the units not ranked. openpyxl is imported only when a workbook is asked for."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..errors import place
from ..words import pick, text
from .common import band_shown, domain_points
from .sheets import EXCEL_MISSING, cells, fit_widths, number_format, show_axes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..batch import LossTable, Ranking
    from ..numbers import Lang
    from .batch import Part

__all__ = ["EXCEL_MISSING", "batch_xlsx"]

#: The heat map's colours: no loss white, the largest loss red (as the charts shade it).
_COLD, _HOT = "FFFFFF", "F8696B"


def batch_xlsx(
    ranking: Ranking, table: LossTable, lang: Lang = "vi", only: Part | None = None
) -> bytes:
    """A workbook (.xlsx) with a ranking sheet, a deductions sheet (``only`` keeps one) and,
    when some units were not ranked, a sheet listing them with their problems. Points are
    numbers shown with the rule set's decimals; the ranking sheet has a bar chart of the
    totals, the deductions sheet shades each unit's losses as a heat map (conditional
    formatting: both stay live when a number is changed in Excel).

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
    points_format = "General" if rules is None else number_format(rules.decimals)
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)

    def sheet(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
        ws = book.create_sheet(title)
        ws.append(cells(header))
        for item in ws[1]:
            item.font = bold
        for row in rows:
            ws.append(cells(row))
        for row_cells in ws.iter_rows(min_row=2):
            for item in row_cells:
                if isinstance(item.value, Decimal):
                    item.number_format = points_format
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
                    band_shown(u.scorecard, lang) or "",
                    *domain_points(u.scorecard).values(),
                ]
                for u in ranking.units
            ),
        )
        fit_widths(ws)
        if ranking.units:
            _totals_chart(ws, len(ranking.units), text("unitreport.chart_totals", lang), w("total"))
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
        fit_widths(ws)
        ws.freeze_panes = "C2"
        if table.criteria and table.units:
            _heat_map(ws, len(table.criteria), len(table.units))
    if ranking.invalid:
        ws = sheet(
            w("sheet_invalid"),
            [w("unit"), w("where"), w("problems")],
            (
                [r.unit, place(r.where, lang), "\n".join(p.text(lang) for p in r.problems)]
                for r in ranking.invalid
            ),
        )
        fit_widths(ws, widest=100)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _totals_chart(ws: Any, units: int, title: str, axis: str) -> None:
    """A bar chart of the units' totals (column D, names in column C), beside the table."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"  # horizontal: unit names read across
    chart.title = title
    chart.y_axis.title = axis
    chart.legend = None
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=units + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=3, min_row=2, max_row=units + 1))
    chart.height = max(7.5, 0.5 * units)
    show_axes(chart)
    ws.add_chart(chart, f"{_column(ws.max_column + 2)}2")


def _heat_map(ws: Any, criteria: int, units: int) -> None:
    """The units' losses (columns F onwards, one row per criterion) shaded from white (no
    loss) to red (the largest): a colour scale Excel recomputes when a number changes."""
    from openpyxl.formatting.rule import ColorScaleRule

    area = f"F2:{_column(5 + units)}{criteria + 1}"
    ws.conditional_formatting.add(
        area,
        ColorScaleRule(start_type="num", start_value=0, start_color=_COLD,
                       end_type="max", end_color=_HOT),
    )  # fmt: skip


def _column(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(number))
