"""One unit's workbook (``report … --out x.xlsx``): the summary by domain, the deductions,
the annex checked, the projection and the plan, with two native Excel charts.

Sheets (English names with ``lang="en"``): *Tổng hợp* (each domain: maximum, the annex's
appraised points where an appraisal is known, recomputed, deduction; a bar chart of the
points lost by domain), *Điểm trừ* (every criterion that lost points: points, rule, inputs,
explanation, reason), *Kiểm tra* (the annex's findings, only with an appraisal), *Dự báo*
(totals, quantiles, rating probabilities, timeline, task gains, the distribution by rating
band and its stacked bar chart), *Kế hoạch* (the tasks). Numbers are numbers, shown with
the rule set's decimals; every sheet's header row is frozen. openpyxl is imported only when
a workbook is asked for.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..numbers import round_points
from ..values import render
from ..words import WORDS, pick, text
from .sheets import EXCEL_MISSING, PERCENT, cells, fit_widths, number_format, show_axes, write_table

if TYPE_CHECKING:
    from ..evaluation import NodeScore
    from ..numbers import Lang
    from ..projection import Projection
    from .unit import UnitReport

__all__ = ["distribution_bins", "rule_name", "unit_xlsx"]

#: Band colours of the distribution chart, top band first (green, blue, amber, red, grey).
BAND_COLOURS = ("2E7D32", "1565C0", "F9A825", "C62828", "757575", "6A1B9A")


def distribution_bins(
    projection: Projection, lang: Lang = "vi"
) -> tuple[list[str], list[tuple[int, list[float]]]]:
    """The distribution of the projected total in whole-point bins, split by rating band:
    (the bands' names, top band first; [(the bin's lowest whole point, each band's
    probability in it)]).

    Every total falls in exactly one band, so a bin straddling a band's limit shows both
    bands, each with its exact share.

    >>> from cchc_score import load_evidence, load_plan, load_rules, project
    >>> p = project(load_rules("criteria_2022"),
    ...             load_evidence("examples/ward_2022/evidence.toml"),
    ...             load_plan("examples/ward_2022/plan.toml"))
    >>> names, bins = distribution_bins(p)
    >>> names, len(bins)
    (['Tốt', 'Khá', 'Trung bình', 'Yếu'], 12)
    >>> [(low, [round(share, 4) for share in shares]) for low, shares in bins[5:7]]
    [(89, [0.0, 0.1363, 0.0, 0.0]), (90, [0.1814, 0.0, 0.0, 0.0])]
    """
    rules = projection.baseline.rules
    bands = [band for band, _ in projection.ratings]
    place = {band: i for i, band in enumerate(bands)}
    bins: dict[int, list[float]] = {}
    for total, p in projection.distribution.totals:
        row = bins.setdefault(int(total // 1), [0.0] * len(bands))
        band = rules.rating_for(total)
        if band is not None:
            row[place[band]] += p
    return [band.label(lang) for band in bands], sorted(bins.items())


def unit_xlsx(report: UnitReport, lang: Lang = "vi") -> bytes:
    """The unit's workbook as bytes.

    Raises:
        ImportError: openpyxl is not installed (``pip install "cchc-score[excel]"``).
    """
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise ImportError(EXCEL_MISSING) from exc
    book = Workbook()
    book.remove(book.active)
    book.properties.title = cells([_w("title", lang, unit=report.unit)])[0]
    points = number_format(report.rules.decimals)

    def sheet(code: str) -> Any:
        ws = book.create_sheet(text(f"unitreport.sheet_{code}", lang))
        ws.freeze_panes = "A2"
        return ws

    _summary(sheet("summary"), report, lang, points)
    _deductions(sheet("deductions"), report, lang, points)
    if report.findings is not None:
        _checks(sheet("checks"), report, lang, points)
    if report.projection is not None:
        _projection(sheet("projection"), report, report.projection, lang, points)
        _plan(sheet("plan"), report, report.projection, lang, points)
    for ws in book.worksheets:
        fit_widths(ws)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rule_name(node: NodeScore, lang: Lang) -> str:
    """The kind of rule that scored a node, in words ("tỷ lệ", "ratio"); an annex's points
    where they stood for its facts; a kind with no words, its name."""
    code = "observed" if node.status == "observed" else node.kind
    key = f"unitreport.kind_{code}"
    return text(key, lang) if key in WORDS else code


def _w(code: str, lang: Lang, **fields: object) -> str:
    return text(f"unitreport.{code}", lang, **fields)


def _summary(ws: Any, report: UnitReport, lang: Lang, points: str) -> None:
    card = report.scorecard
    stated = {}
    if report.summary is not None:
        stated = {d.code: d.stated for d in report.summary.domains}
    rows: list[list[object]] = [
        [d.code, d.name(lang), d.max, stated.get(d.code), d.points, d.deduction]
        for d in card.domains
    ]
    count = len(rows)
    appraised_total = report.appraisal.total if report.appraisal is not None else None
    rows.append(
        ["", _w("total", lang), card.max, appraised_total, card.total, card.max - card.total]
    )
    rating = card.rating.shown(lang) if card.rating is not None else ""
    rows.append(
        [
            "",
            _w("rating", lang),
            None,
            report.appraisal.rating if report.appraisal else None,
            rating,
            None,
        ]
    )
    header = [
        _w("code", lang),
        _w("domain", lang),
        _w("max", lang),
        _w("appraised", lang),
        _w("recomputed", lang),
        _w("deduction", lang),
    ]
    end = write_table(ws, header, rows, points=points)
    # Whose workbook it is, under the table (the header row stays the sheet's first).
    about: list[tuple[str, object]] = [
        (_w("unit", lang), report.unit),
        (_w("year", lang), card.year),
        (_w("rules", lang), report.rules.id),
    ]
    for offset, (label, value) in enumerate(about, start=1):
        ws.cell(row=end + offset, column=2, value=label)
        ws.cell(row=end + offset, column=3, value=cells([value])[0])
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.title = _w("chart_losses", lang)
    chart.y_axis.title = _w("deduction", lang)
    chart.y_axis.numFmt = points
    chart.legend = None
    chart.add_data(Reference(ws, min_col=6, min_row=1, max_row=count + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=count + 1))
    show_axes(chart)
    ws.add_chart(chart, "H2")


def _deductions(ws: Any, report: UnitReport, lang: Lang, points: str) -> None:
    rows = []
    for node in report.deducted():
        criterion = node.criterion
        inputs = "; ".join(
            f"{pick(fact.label, fact.label_en, lang)} = {render(value, 'plain')}"
            for fact, value in node.inputs
        )
        basis = " — ".join(s for s in (criterion.reference, criterion.basis) if s)
        rows.append(
            [
                node.code,
                node.name(lang),
                node.max,
                node.points,
                node.deduction,
                rule_name(node, lang),
                inputs,
                report.explanation(node, lang),
                report.reason(node.code),
                basis,
            ]
        )
    header = [
        _w(code, lang)
        for code in (
            "code", "criterion", "max", "points", "deduction", "rule", "inputs",
            "explanation", "reason", "basis",
        )
    ]  # fmt: skip
    write_table(ws, header, rows, points=points)


def _checks(ws: Any, report: UnitReport, lang: Lang, points: str) -> None:
    assert report.findings is not None
    rows: list[list[object]] = [
        [_w(f.severity, lang), f.line, f.code, f.message(lang), f.stated, f.computed]
        for f in report.findings
    ]
    if not rows:
        rows = [["", None, "", _w("no_findings", lang), None, None]]
    header = [
        _w(code, lang) for code in ("severity", "line", "code", "finding", "stated", "computed")
    ]
    # The annex's numbers keep the places it writes them with.
    write_table(ws, header, rows, points="General")


def _projection(
    ws: Any, report: UnitReport, projection: Projection, lang: Lang, points: str
) -> None:
    places = report.rules.decimals
    dist = projection.distribution

    def expected(value: float) -> Decimal:
        return round_points(Decimal(repr(value)), places + 2)

    measures: list[list[object]] = [
        [text("projection.baseline", lang), projection.baseline.total],
        [text("projection.all_done", lang), projection.all_done],
        [_w("expected", lang), expected(projection.expected)],
        [_w("std", lang), expected(dist.std)],
        [_w("p10", lang), dist.quantile(0.1)],
        [_w("p50", lang), dist.quantile(0.5)],
        [_w("p90", lang), dist.quantile(0.9)],
    ]
    if projection.target is not None:
        measures.append(
            [
                text("projection.target", lang, total=render(projection.target, "plain")),
                projection.target_probability or 0.0,
            ]
        )
    row = write_table(ws, [_w("item", lang), _w("value", lang)], measures, points=points)
    # The expected total and its spread are shown as points are: one precision on screen
    # (issue 13); the cell keeps the exact average.
    for at in (4, 5):
        ws.cell(row=at, column=2).number_format = number_format(places)
    if projection.target is not None:
        ws.cell(row=row - 1, column=2).number_format = PERCENT
    row = write_table(
        ws,
        [_w("ratings", lang), _w("chance", lang)],
        [[band.shown(lang), p] for band, p in projection.ratings],
        points=points,
        formats={1: PERCENT},
        start=row + 1,
    )
    row = write_table(
        ws,
        [_w("date", lang), _w("if_done", lang), _w("expected", lang), _w("tasks_done", lang)],
        [[p.date, p.total, expected(p.expected), len(p.tasks)] for p in projection.timeline],
        points=points,
        formats={0: "yyyy-mm-dd"},
        start=row + 1,
    )
    row = write_table(
        ws,
        [_w("task_id", lang), _w("gain_alone", lang), _w("gain_last", lang),
         _w("probability", lang), _w("effort", lang)],
        [[g.id, g.gain_alone, g.gain_last, g.probability, g.effort] for g in projection.tasks],
        points=points,
        formats={3: PERCENT, 4: "General"},
        start=row + 1,
    )  # fmt: skip
    _distribution(ws, projection, lang, row + 1)


def _distribution(ws: Any, projection: Projection, lang: Lang, start: int) -> None:
    """The distribution by whole points and rating band, and its stacked bar chart: one
    series per band, so the bands' limits show as a change of colour."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.shapes import GraphicalProperties

    names, bins = distribution_bins(projection, lang)
    ws.cell(row=start, column=1, value=_w("distribution", lang))
    header = [_w("from", lang), *names]
    end = write_table(
        ws,
        header,
        [[floor, *probabilities] for floor, probabilities in bins],
        points="0",
        formats=dict.fromkeys(range(1, len(names) + 1), PERCENT),
        start=start + 1,
    )
    first, last = start + 2, end - 1
    if last < first:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 10
    chart.title = _w("chart_distribution", lang)
    chart.y_axis.numFmt = "0%"
    chart.y_axis.title = _w("probability", lang)
    chart.x_axis.title = _w("total", lang)
    data = Reference(ws, min_col=2, max_col=1 + len(names), min_row=start + 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    for series, colour in zip(chart.series, BAND_COLOURS, strict=False):
        series.graphicalProperties = GraphicalProperties(solidFill=colour)
    chart.width = 22
    show_axes(chart)
    ws.add_chart(chart, "G2")


def _plan(ws: Any, report: UnitReport, projection: Projection, lang: Lang, points: str) -> None:
    assert report.plan is not None
    gains = {g.id: g for g in projection.tasks}
    asked = report.best is not None and report.budget is not None
    chosen = set(report.best.chosen) if asked and report.best is not None else None
    rows = []
    for task in report.plan.tasks:
        gain = gains.get(task.id)
        rows.append(
            [
                task.id,
                ", ".join(task.criteria),
                task.action,
                task.lead,
                "; ".join(task.partners),
                task.deadline.text,
                task.deadline.date,
                task.effort,
                task.probability,
                None if gain is None else gain.gain_alone,
                None if gain is None else gain.gain_last,
                _w("yes" if task.id in projection.counted else "no", lang),
                *([] if chosen is None else [_w("yes" if task.id in chosen else "no", lang)]),
            ]
        )
    header = [
        _w("task_id", lang), _w("criteria", lang), _w("task", lang), _w("lead", lang),
        _w("partners", lang), _w("deadline", lang), _w("date", lang), _w("effort", lang),
        _w("probability", lang), _w("gain_alone", lang), _w("gain_last", lang),
        _w("counted", lang), *([] if chosen is None else [_w("chosen", lang)]),
    ]  # fmt: skip
    write_table(
        ws, header, rows, points=points, formats={6: "yyyy-mm-dd", 7: "General", 8: PERCENT}
    )
