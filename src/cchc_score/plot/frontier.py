"""The efficiency frontier of the best plan: the best expected total for each number of
person-days, the budget's choice marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import arguments
from ..numbers import format_number, format_points, round_points
from ..optimise import BestPlan
from ..words import text, text_n
from .common import ACCENT, LOSS, MAIN, SECOND, chart, figure, number_axis, subtitle

if TYPE_CHECKING:
    from decimal import Decimal

    from matplotlib.figure import Figure

    from ..numbers import Lang

__all__ = ["frontier"]


@chart
def frontier(best: BestPlan, lang: Lang = "vi") -> Figure:
    """The best expected total reachable with each number of person-days (a step: the
    total rises only where another task fits), the total now, the target if one was asked
    for, and the budget's best plan marked with its tasks' count.

    Args:
        best: from :func:`cchc_score.best_plan`.
        lang: the language of titles and labels.

    Raises:
        ArgumentError: ``best`` is not a best plan.
        ImportError: matplotlib is not installed.

    >>> from cchc_score import best_plan, load_evidence, load_plan, load_rules
    >>> best = best_plan(load_rules("criteria_2022"),
    ...                  load_evidence("examples/ward_2022/evidence.toml"),
    ...                  load_plan("examples/ward_2022/plan.toml"), 40)
    >>> frontier(best, lang="en").get_suptitle()
    'Best expected total by person-days'
    """
    arguments.instance(best, BestPlan, "best", "argument.best_plan")
    points = best.frontier
    end = max(points[-1].budget, best.budget)
    budgets = [float(p.budget) for p in points] + [float(end)]
    totals = [float(p.expected) for p in points] + [float(points[-1].expected)]
    fig = figure(7.5, 4.2)
    ax = fig.subplots()
    subtitle(fig, text("plot.frontier", lang), None)
    ax.axhline(
        float(best.baseline),
        color=SECOND,
        linestyle="--",
        label=text("plot.baseline", lang, total=_points(best.baseline, lang)),
    )
    ax.plot(budgets, totals, drawstyle="steps-post", color=MAIN, linewidth=1.5)
    ax.plot(budgets[:-1], totals[:-1], "o", color=MAIN, markersize=3)
    chosen = text(
        "plot.chosen",
        lang,
        budget=format_number(best.budget, lang),
        expected=_points(best.expected, lang),
        tasks=text_n("count.task", len(best.chosen), lang),
    )
    ax.axvline(float(best.budget), color=ACCENT, linestyle=":", linewidth=1)
    ax.plot([float(best.effort)], [float(best.expected)], "D", color=ACCENT, label=chosen)
    target = best.target
    if target is not None:
        what = _points(target.threshold, lang)
        if target.rating:
            what = f"{target.rating} ({what})"
        ax.axhline(
            float(target.threshold),
            color=LOSS,
            linestyle=":",
            linewidth=2,
            label=text("plot.threshold", lang, total=what),
        )
    ax.set_xlim(0, float(end) * 1.03 or 1)
    ax.set_xlabel(text("plot.budget_axis", lang))
    ax.set_ylabel(text("plot.expected_axis", lang))
    number_axis(ax.xaxis, lang)
    number_axis(ax.yaxis, lang)
    ax.grid(alpha=0.3)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    return fig


def _points(value: Decimal, lang: Lang) -> str:
    """An expected total: two decimals (a best plan does not carry its rules' decimals)."""
    return format_points(round_points(value, 2), lang)
