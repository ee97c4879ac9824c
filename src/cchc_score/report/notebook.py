"""Results in a notebook: compact HTML tables for ``_repr_html_`` and records (lists of
dicts) for ``to_records()`` and ``to_frame()``, for a scorecard, a projection, a best plan and
a ranking. Registered with :mod:`cchc_score.display`, which the results' methods ask.

Every text from the results (a unit's name, a criterion's) is escaped. Records have stable
English keys, as the JSON reports do; numbers are exact ``Decimal`` points or ``float``, as
asked; probabilities and expected totals are ``float`` either way.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from .. import arguments, display
from ..batch import Ranking
from ..errors import ArgumentError
from ..evaluation import Scorecard
from ..numbers import format_number, round_points
from ..optimise import BestPlan
from ..projection import Projection
from ..syntax import allowed
from ..words import default_lang, text, text_n
from .common import band_name, band_shown, domain_points, points

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..display import Numbers
    from ..numbers import Lang

__all__ = [
    "PARTS",
    "best_plan_html",
    "best_plan_records",
    "projection_html",
    "projection_records",
    "ranking_html",
    "ranking_records",
    "scorecard_html",
    "scorecard_records",
]

#: The tables of a projection that :func:`projection_records` gives, the first by default.
PARTS = ("tasks", "distribution", "timeline", "ratings", "domains")

#: The most frontier rows a best plan's HTML shows (every row is in its records).
_FRONTIER_ROWS = 12


def _number(value: Decimal | None, numbers: Numbers) -> Decimal | float | None:
    if value is None:
        return None
    return float(value) if numbers == "float" else value


_RIGHT = ' style="text-align:right"'


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    foot: Sequence[str] | None = None,
    *,
    right: Sequence[int] = (),
) -> str:
    """An HTML table of texts, escaped here; the columns in ``right`` (numbers) aligned
    right. A table without a header (``header`` empty) is a list of labelled values."""

    def row(cells: Sequence[str], tag: str) -> str:
        out = (
            f"<{tag}{_RIGHT if i in right else ''}>{escape(value)}</{tag}>"
            for i, value in enumerate(cells)
        )
        return "<tr>" + "".join(out) + "</tr>"

    parts = ["<table>"]
    if header:
        parts += ["<thead>", row(header, "th"), "</thead>"]
    parts += ["<tbody>", *(row(cells, "td") for cells in rows), "</tbody>"]
    if foot is not None:
        parts += ["<tfoot>", row(foot, "td"), "</tfoot>"]
    parts.append("</table>")
    return "".join(parts)


def _page(title: str, *blocks: str) -> str:
    body = "".join(blocks)
    return f'<div class="cchc-score"><p><strong>{escape(title)}</strong></p>{body}</div>'


def _note(line: str) -> str:
    return f"<p>{escape(line)}</p>"


def _percent(p: float, lang: Lang) -> str:
    return format_number(Decimal(str(round(p * 100, 1))), lang) + "%"


def _float(value: float, places: int, lang: Lang) -> str:
    return format_number(round_points(Decimal(repr(value)), places), lang)


# --------------------------------------------------------------------------- scorecard


def scorecard_records(
    card: Scorecard, numbers: Numbers = "decimal", *, lang: Lang | None = None
) -> list[dict[str, Any]]:
    """Every node of the scorecard, parents first: unit, year, code, name, depth, max,
    points, deduction and status (``scored``, ``observed``, ``appraised``, ``summed``,
    ``not_assessed``)."""
    lang = lang or default_lang()
    return [
        {
            "unit": card.unit,
            "year": card.year,
            "code": node.code,
            "name": node.name(lang),
            "depth": node.depth,
            "max": _number(node.max, numbers),
            "points": _number(node.points, numbers),
            "deduction": _number(node.deduction, numbers),
            "status": node.status,
        }
        for node in card.nodes
    ]


def scorecard_html(card: Scorecard, lang: Lang | None = None) -> str:
    """The domains' points, the total and the rating, and the count of criteria that lost
    points."""
    lang = lang or default_lang()
    places = card.rules.decimals

    def w(code: str, **fields: object) -> str:
        return text(f"report.{code}", lang, **fields)

    title = w("unit", unit=card.unit)
    if card.year is not None:
        title = w("unit_year", unit=card.unit, year=card.year)
    rows = [
        [
            d.code,
            d.name(lang),
            format_number(d.max, lang),
            points(d.points, lang, places),
            points(d.deduction, lang, places),
        ]
        for d in card.domains
    ]
    foot = [
        "",
        w("total"),
        format_number(card.max, lang),
        points(card.total, lang, places),
        points(card.max - card.total, lang, places),
    ]
    header = [w("code"), w("name"), w("max"), w("points"), w("deduction")]
    rating = band_shown(card, lang) or w("no_rating")
    lost = card.deductions()
    summary = f"{w('rating')}: {rating}. " + (
        w(
            "ledger",
            n=len(lost),
            lost=points(sum((n.deduction for n in lost), Decimal(0)), lang, places),
        )
        if lost
        else w("no_loss")
    )
    return _page(title, _table(header, rows, foot, right=(2, 3, 4)), _note(summary))


# --------------------------------------------------------------------------- projection


def projection_records(
    projection: Projection,
    numbers: Numbers = "decimal",
    *,
    part: str = "tasks",
    lang: Lang | None = None,
) -> list[dict[str, Any]]:
    """One of the projection's tables (``part``): ``tasks`` (each task's gain alone and as
    the last done, probability, effort), ``distribution`` (each total and its probability),
    ``timeline`` (date, total if done, expected total, tasks due), ``ratings`` (each band,
    its minimum and probability) or ``domains`` (each domain now and projected).

    Raises:
        ArgumentError: ``part`` is none of these.
    """
    lang = lang or default_lang()

    def n(value: Decimal | None) -> Decimal | float | None:
        return _number(value, numbers)

    if part == "tasks":
        return [
            {
                "id": g.id,
                "gain_alone": n(g.gain_alone),
                "gain_last": n(g.gain_last),
                "probability": n(g.probability),
                "effort": n(g.effort),
            }
            for g in projection.tasks
        ]
    if part == "distribution":
        return [{"total": n(t), "probability": p} for t, p in projection.distribution.totals]
    if part == "timeline":
        return [
            {"date": p.date, "total": n(p.total), "expected": p.expected, "tasks": len(p.tasks)}
            for p in projection.timeline
        ]
    if part == "ratings":
        return [
            {"rating": band.label(lang), "min": n(band.min), "probability": p}
            for band, p in projection.ratings
        ]
    if part == "domains":
        names = {d.code: d.name(lang) for d in projection.baseline.domains}
        return [
            {
                "code": d.code,
                "name": names[d.code],
                "max": n(d.max),
                "baseline": n(d.baseline),
                "projected": n(d.projected),
            }
            for d in projection.domains
        ]
    raise arguments.fail(ArgumentError, "part", "E-VALUE-CHOICE", part, expected=allowed(PARTS))


def projection_html(projection: Projection, lang: Lang | None = None) -> str:
    """The totals (now, all done, expected, quantiles, the target's chance) and the rating
    probabilities."""
    lang = lang or default_lang()
    places = projection.baseline.rules.decimals
    dist = projection.distribution

    def w(code: str, **fields: object) -> str:
        return text(f"projection.{code}", lang, **fields)

    def pts(value: Decimal) -> str:
        return points(value, lang, places)

    rows = [
        [w("baseline"), pts(projection.baseline.total)],
        [w("all_done"), pts(projection.all_done)],
        [w("expected"), _float(projection.expected, places, lang)],
        [w("std"), _float(dist.std, places, lang)],
        [w("quantiles"), " / ".join(pts(dist.quantile(q)) for q in (0.1, 0.5, 0.9))],
    ]
    if projection.target is not None:
        chance = _percent(projection.target_probability or 0.0, lang)
        rows.append([w("target", total=pts(projection.target)), chance])
    ratings = _table(
        [w("ratings"), w("prob")],
        ([band.shown(lang), _percent(p, lang)] for band, p in projection.ratings),
        right=(1,),
    )
    summary = _table((), rows, right=(1,))
    return _page(w("title", date=projection.as_of.isoformat()), summary, ratings)


# --------------------------------------------------------------------------- best plan


def best_plan_records(best: BestPlan, numbers: Numbers = "decimal") -> list[dict[str, Any]]:
    """The frontier: for each budget at which the best expected total rises, that total,
    the effort of its tasks and the tasks (ids joined by ", ")."""
    return [
        {
            "budget": _number(f.budget, numbers),
            "expected": _number(f.expected, numbers),
            "effort": _number(f.effort, numbers),
            "tasks": ", ".join(f.chosen),
        }
        for f in best.frontier
    ]


def best_plan_html(best: BestPlan, lang: Lang | None = None) -> str:
    """The tasks chosen for the budget, their effort and expected total, and the start of
    the frontier."""
    lang = lang or default_lang()

    def w(code: str, **fields: object) -> str:
        return text(f"plan.{code}", lang, **fields)

    def expected(value: Decimal) -> str:
        return format_number(round_points(value, 4), lang)

    summary = _table(
        (),
        [
            [w("chosen"), ", ".join(best.chosen) or "—"],
            [w("effort"), format_number(best.effort, lang)],
            [w("baseline"), format_number(best.baseline, lang)],
            [w("expected"), expected(best.expected)],
        ],
    )
    shown = best.frontier[:_FRONTIER_ROWS]
    frontier = _table(
        [w("budget"), w("expected"), w("tasks")],
        ([format_number(f.budget, lang), expected(f.expected), ", ".join(f.chosen)] for f in shown),
        right=(0, 1),
    )
    more = len(best.frontier) - len(shown)
    blocks = [summary, _note(w("frontier")), frontier]
    if more:
        blocks.append(_note(text_n("notebook.frontier_more", more, lang)))
    return _page(w("title", budget=format_number(best.budget, lang)), *blocks)


# --------------------------------------------------------------------------- ranking


def ranking_records(
    ranking: Ranking, numbers: Numbers = "decimal", *, lang: Lang | None = None
) -> list[dict[str, Any]]:
    """Each ranked unit: rank, tied, unit, total, rating, and each domain's points by code."""
    lang = lang or default_lang()
    return [
        {
            "rank": u.rank,
            "tied": u.tied,
            "unit": u.unit,
            "total": _number(u.total, numbers),
            "rating": band_name(u.scorecard, lang),
            **{code: _number(p, numbers) for code, p in domain_points(u.scorecard).items()},
        }
        for u in ranking.units
    ]


def ranking_html(ranking: Ranking, lang: Lang | None = None) -> str:
    """The ranked units (rank, name, total, rating) and how many were not ranked."""
    lang = lang or default_lang()
    rules = ranking.rules

    def w(code: str, **fields: object) -> str:
        return text(f"batch.{code}", lang, **fields)

    blocks: list[str] = []
    if rules is None:
        title = w("none_ranked")
    else:
        title = w("ranking", units=text_n("count.unit", len(ranking.units), lang), rules=rules.id)
        rows = (
            [
                f"{u.rank}=" if u.tied else str(u.rank),
                u.unit,
                points(u.total, lang, rules.decimals),
                band_shown(u.scorecard, lang) or "",
            ]
            for u in ranking.units
        )
        blocks.append(_table([w("rank"), w("unit"), w("total"), w("rating")], rows, right=(0, 2)))
    if ranking.invalid:
        blocks.append(_note(w("invalid", n=len(ranking.invalid))))
    return _page(title, *blocks)


display.register(Scorecard, display.View(scorecard_html, scorecard_records))
display.register(Projection, display.View(projection_html, projection_records))
display.register(BestPlan, display.View(best_plan_html, best_plan_records))
display.register(Ranking, display.View(ranking_html, ranking_records))
