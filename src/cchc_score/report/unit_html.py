"""One unit's report as one printable HTML page (``report … --out x.html``): the scorecard,
the ledger of deductions, the annex's findings, the projection, the plan and the charts.

The page is self-contained (:mod:`.html`): style inline, charts inline SVG, nothing
fetched; every name and reason from the inputs escaped.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..numbers import format_number, round_points
from ..words import text
from .common import points
from .html import charts_section, esc, page, section, table
from .unit_xlsx import rule_name

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..numbers import Lang
    from ..projection import Projection
    from .charts import Chart
    from .unit import UnitReport

    #: How points are shown: at the rule set's decimals, in the page's language.
    Points = Callable[[Decimal], str]

__all__ = ["SECTIONS", "unit_html"]

#: The ids of the page's sections, in order (``checks`` only with an appraisal;
#: ``projection`` and ``plan`` say there is no plan when there is none).
SECTIONS = ("scorecard", "ledger", "checks", "projection", "plan", "charts")


def _pct(p: float | Decimal, lang: Lang) -> str:
    return format_number(Decimal(str(round(float(p) * 100, 1))), lang) + "%"


def unit_html(report: UnitReport, lang: Lang = "vi", charts: Sequence[Chart] | None = None) -> str:
    """The unit's page. ``charts`` are (title, SVG) pairs from
    :func:`cchc_score.report.charts.unit_charts`; ``None`` (no plot extra) puts a note in
    their place.

    >>> from cchc_score import load_evidence, load_rules
    >>> from cchc_score.report.unit import unit_report
    >>> report = unit_report(load_rules("criteria_2022"),
    ...                      load_evidence("examples/ward_2022/evidence.toml"))
    >>> page = unit_html(report)
    >>> page.startswith("<!DOCTYPE html>"), 'id="ledger"' in page, "84,14" in page
    (True, True, True)
    """
    card = report.scorecard
    places = report.rules.decimals

    def w(code: str, **fields: object) -> str:
        return text(f"unitreport.{code}", lang, **fields)

    def pts(value: Decimal) -> str:
        return points(value, lang, places)

    unit = report.unit
    title = w("title_year", year=card.year, unit=unit) if card.year else w("title", unit=unit)
    rating = card.rating.shown(lang) if card.rating is not None else text("report.no_rating", lang)
    subtitle = w(
        "subtitle", rules=report.rules.id, total=pts(card.total),
        max=format_number(card.max, lang), rating=rating,
    )  # fmt: skip
    sections = [_scorecard(report, lang, pts), _ledger(report, lang, pts)]
    if report.findings is not None:
        sections.append(_checks(report, lang))
    if report.projection is None:
        note = f'<p class="note">{esc(w("no_plan"))}</p>'
        sections.append(section("projection", w("projection_title", date="—"), note))
        sections.append(section("plan", w("plan"), note))
    else:
        sections.append(_projection(report.projection, lang, pts))
        sections.append(_plan(report, report.projection, lang, pts))
    sections.append(charts_section(charts, lang))
    return page(title, subtitle, sections, lang)


def _scorecard(report: UnitReport, lang: Lang, pts: Points) -> str:
    card = report.scorecard
    stated = {d.code: d.stated for d in report.summary.domains} if report.summary else {}

    def w(code: str) -> str:
        return text(f"unitreport.{code}", lang)

    rows = [
        [
            d.code,
            d.name(lang),
            format_number(d.max, lang),
            _optional(stated.get(d.code), lang),
            pts(d.points),
            pts(d.deduction),
        ]
        for d in card.domains
    ]
    given = report.appraisal.total if report.appraisal is not None else None
    rows.append(
        [
            "", w("total"), format_number(card.max, lang),
            "" if given is None else format_number(given, lang),
            pts(card.total), pts(card.max - card.total),
        ]
    )  # fmt: skip
    header = [w("code"), w("domain"), w("max"), w("appraised"), w("recomputed"), w("deduction")]
    body = table(header, rows, numeric=(2, 3, 4, 5), strong=(len(rows) - 1,))
    return section("scorecard", w("scorecard"), body)


def _optional(value: Decimal | None, lang: Lang) -> str:
    return "" if value is None else format_number(value, lang)


def _ledger(report: UnitReport, lang: Lang, pts: Points) -> str:
    def w(code: str) -> str:
        return text(f"unitreport.{code}", lang)

    nodes = report.deducted()
    if not nodes:
        return section("ledger", w("ledger"), f"<p>{esc(text('report.no_loss', lang))}</p>")
    rows = [
        [
            n.code,
            n.name(lang),
            f"{pts(n.points)}/{format_number(n.max, lang)}",
            pts(n.deduction),
            rule_name(n, lang),
            report.explanation(n, lang),
            report.reason(n.code),
        ]
        for n in nodes
    ]
    header = [
        w("code"), w("criterion"), w("points"), w("deduction"), w("rule"), w("explanation"),
        w("reason"),
    ]  # fmt: skip
    return section("ledger", w("ledger"), table(header, rows, numeric=(2, 3)))


def _checks(report: UnitReport, lang: Lang) -> str:
    assert report.findings is not None

    def w(code: str) -> str:
        return text(f"unitreport.{code}", lang)

    if not report.findings:
        return section("checks", w("checks"), f"<p>{esc(w('no_findings'))}</p>")
    rows = [
        [w(f.severity), "" if f.line is None else str(f.line), f.code, f.message(lang)]
        for f in report.findings
    ]
    header = [w("severity"), w("line"), w("code"), w("finding")]
    return section("checks", w("checks"), table(header, rows, numeric=(1,)))


def _projection(projection: Projection, lang: Lang, pts: Points) -> str:
    places = projection.baseline.rules.decimals
    dist = projection.distribution

    def w(code: str, **fields: object) -> str:
        return text(f"unitreport.{code}", lang, **fields)

    def num(value: float) -> str:
        return format_number(round_points(Decimal(repr(value)), places), lang)

    measures = [
        [text("projection.baseline", lang), pts(projection.baseline.total)],
        [text("projection.all_done", lang), pts(projection.all_done)],
        [w("expected"), num(projection.expected)],
        [w("std"), num(dist.std)],
        [f"{w('p10')} / {w('p50')} / {w('p90')}",
         " / ".join(pts(dist.quantile(q)) for q in (0.1, 0.5, 0.9))],
    ]  # fmt: skip
    if projection.target is not None:
        measures.append(
            [
                text("projection.target", lang, total=pts(projection.target)),
                _pct(projection.target_probability or 0.0, lang),
            ]
        )
    parts = [table([w("item"), w("value")], measures, numeric=(1,))]
    parts.append(f"<h3>{esc(w('ratings'))}</h3>")
    parts.append(
        table(
            [w("rating"), w("chance")],
            [[band.shown(lang), _pct(p, lang)] for band, p in projection.ratings],
            numeric=(1,),
        )
    )
    parts.append(f"<h3>{esc(w('timeline'))}</h3>")
    parts.append(
        table(
            [w("date"), w("if_done"), w("expected"), w("tasks_done")],
            [
                [p.date.isoformat(), pts(p.total), num(p.expected), str(len(p.tasks))]
                for p in projection.timeline
            ],
            numeric=(1, 2, 3),
        )
    )
    parts.append(f"<h3>{esc(w('gains'))}</h3>")
    parts.append(
        table(
            [w("task_id"), w("gain_alone"), w("gain_last"), w("probability"), w("effort")],
            [
                [
                    g.id,
                    pts(g.gain_alone),
                    pts(g.gain_last),
                    _pct(g.probability, lang),
                    "" if g.effort is None else format_number(g.effort, lang),
                ]
                for g in sorted(projection.tasks, key=lambda g: -g.gain_alone * g.probability)
            ],
            numeric=(1, 2, 3, 4),
        )
    )
    if projection.not_counted:
        ids = ", ".join(projection.not_counted)
        parts.append(f'<p class="note">{esc(w("not_counted", ids=ids))}</p>')
    for i, year, codes in projection.deferred:  # criteria that look back: a later index
        deferred = text("period.deferred", lang, id=i, year=year, codes=", ".join(codes))
        parts.append(f'<p class="note">{esc(deferred)}</p>')
    return section("projection", w("projection_title", date=projection.as_of.isoformat()), *parts)


def _plan(report: UnitReport, projection: Projection, lang: Lang, pts: Points) -> str:
    assert report.plan is not None

    def w(code: str, **fields: object) -> str:
        return text(f"unitreport.{code}", lang, **fields)

    # Which tasks come first is said for a budget asked for; without one every task fits.
    best = report.best if report.budget is not None else None
    chosen = set(best.chosen) if best is not None else set()
    gains = {g.id: g for g in projection.tasks}
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
                "" if task.effort is None else format_number(task.effort, lang),
                _pct(task.probability, lang),
                "" if gain is None else pts(gain.gain_alone),
                *([w("yes") if task.id in chosen else ""] if best is not None else []),
            ]
        )
    header = [
        w("task_id"), w("criteria"), w("task"), w("lead"), w("partners"), w("deadline"),
        w("effort"), w("probability"), w("gain_alone"),
        *([w("chosen")] if best is not None else []),
    ]  # fmt: skip
    parts = [table(header, rows, numeric=(6, 7, 8))]
    if best is not None:
        budget = format_number(best.budget, lang)
        parts.append(
            f"<p>{esc(w('best', budget=budget))}: {esc(', '.join(best.chosen) or '—')} "
            f"({esc(w('best_effort'))}: {esc(format_number(best.effort, lang))}; "
            f"{esc(w('best_expected'))}: {esc(pts(best.expected))})</p>"
        )
    return section("plan", w("plan"), *parts)
