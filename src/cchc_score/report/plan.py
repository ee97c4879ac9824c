"""The best plan for a budget (``plan``): the tasks to do, the budget → best expected total
frontier, and the cheapest plan for a target."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from tabulate import tabulate

from .. import syntax
from ..numbers import format_number, format_probability
from ..words import text
from .common import (
    Format,
    deferred_json,
    deferred_notes,
    document,
    json_expected,
    json_points,
    json_probability,
    json_value,
    points,
    rating_json,
    shown,
    style,
    to_json,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Band
    from ..numbers import Lang
    from ..optimise import BestPlan, FrontierPoint

__all__ = ["best_plan_json", "render_best_plan"]


def _thin(frontier: Sequence[FrontierPoint], step: Decimal) -> list[FrontierPoint]:
    """The best frontier point within each budget 0, step, 2 × step, …, up to the last."""
    out: list[FrontierPoint] = []
    budget = Decimal(0)
    top = frontier[-1].budget
    while True:
        within = [f for f in frontier if f.budget <= budget]
        if within and (not out or within[-1] != out[-1]):
            out.append(attrs.evolve(within[-1], budget=min(budget, top)))
        if budget >= top:
            return out
        budget += step


def _band(name: str, bands: Sequence[Band]) -> Band | None:
    """The rating band of ``bands`` with this Vietnamese name, if any."""
    return next((b for b in bands if b.name == name), None)


def _rating_name(name: str, bands: Sequence[Band], lang: Lang) -> str:
    """A rating band's name in ``lang``, found among ``bands`` by its Vietnamese name."""
    band = _band(name, bands)
    return name if band is None else band.label(lang)


def _rating(name: str | None, bands: Sequence[Band], lang: Lang) -> dict[str, Any] | None:
    """A target's rating as every output writes a rating (:func:`rating_json`), found among
    ``bands`` by its Vietnamese name; one the rules do not declare keeps its name only."""
    if name is None:
        return None
    band = _band(name, bands)
    if band is not None:
        return rating_json(band, lang)
    return {"code": syntax.slug(name), "name": name, "provenance": None}


def best_plan_json(
    best: BestPlan, lang: Lang = "vi", decimals: int = 2, bands: Sequence[Band] = ()
) -> dict[str, Any]:
    """A best plan and its frontier as JSON-ready data: the baseline and the expected totals
    as numbers with the rule set's ``decimals``, budgets and efforts (person-days) as
    numbers, a target's rating as its ``code`` and its ``name`` in ``lang`` (from ``bands``,
    the rule set's)."""
    target = best.target
    return {
        "budget": json_value(best.budget),
        "baseline": json_points(best.baseline, decimals),
        "chosen": list(best.chosen),
        "effort": json_value(best.effort),
        "expected": json_expected(best.expected, decimals),
        "frontier": [
            {
                "budget": json_value(f.budget),
                "expected": json_expected(f.expected, decimals),
                "chosen": list(f.chosen),
                "effort": json_value(f.effort),
            }
            for f in best.frontier
        ],
        "target": None
        if target is None
        else {
            "threshold": json_points(target.threshold, decimals),
            "rating": _rating(target.rating, bands, lang),
            "confidence": json_value(target.confidence),
            "chosen": None if target.chosen is None else list(target.chosen),
            "effort": json_value(target.effort),
            "probability": None
            if target.probability is None
            else json_probability(target.probability),
            "proven": target.proven,
            "searched": target.searched,
            "options": target.options,
        },
        "deferred": deferred_json(best.deferred),
    }


@shown
def render_best_plan(
    best: BestPlan,
    fmt: Format = "table",
    lang: Lang = "vi",
    step: Decimal | None = None,
    *,
    decimals: int = 2,
    bands: Sequence[Band] = (),
) -> str:
    """A best plan and its frontier as a readable report (or JSON).

    With ``step``, the frontier is shown only at budgets 0, step, 2 × step, … (the best
    plan within each), for a short summary. ``decimals`` is the rule set's
    (``RuleSet.decimals``): the baseline and the expected totals are shown with that many
    places, probabilities as percentages with one decimal. ``bands`` (the rule set's) give a
    target rating's name in ``lang``.
    """
    if fmt == "json":
        return to_json(document("plan", best_plan_json(best, lang, decimals, bands)))
    table = style(fmt)

    def w(code: str, **fields: object) -> str:
        return text(f"plan.{code}", lang, **fields)

    def expected(value: Decimal) -> str:
        return points(value, lang, decimals)

    lines = [w("title", budget=format_number(best.budget, lang)), ""]
    lines.append(
        tabulate(
            [
                [w("chosen"), ", ".join(best.chosen) or "—"],
                [w("effort"), format_number(best.effort, lang)],
                [w("baseline"), points(best.baseline, lang, decimals)],
                [w("expected"), expected(best.expected)],
            ],
            tablefmt="plain" if fmt == "table" else table,
            disable_numparse=True,
        )
    )
    frontier = best.frontier if step is None else _thin(best.frontier, step)
    lines += [
        "",
        w("frontier"),
        tabulate(
            [
                [format_number(f.budget, lang), expected(f.expected), ", ".join(f.chosen)]
                for f in frontier
            ],
            headers=[w("budget"), w("expected"), w("tasks")],
            tablefmt=table,
            disable_numparse=True,
            colalign=("right", "right", "left"),
            maxcolwidths=[None, None, 70] if fmt == "table" else None,
        ),
    ]
    target = best.target
    if target is not None:
        what = (
            format_number(target.threshold, lang)
            if target.rating is None
            else _rating_name(target.rating, bands, lang)
        )
        q = format_probability(target.confidence, lang)
        if target.chosen is None:
            said = w("target_none", what=what, q=q)
        else:
            said = w(
                "target",
                what=what,
                q=q,
                ids=", ".join(target.chosen) or "—",
                effort=format_number(target.effort or Decimal(0), lang),
                p=format_probability(target.probability or 0.0, lang),
            )
        lines += ["", said + ("" if target.proven else w("unproven"))]
    if best.deferred:
        lines += ["", *deferred_notes(best.deferred, lang)]
    return "\n".join(lines) + "\n"
