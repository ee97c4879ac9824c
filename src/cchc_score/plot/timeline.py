"""Expected points by deadline: the projected total at each period end of the plan year."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .. import arguments
from ..numbers import format_number, round_points
from ..projection import Projection
from ..words import text, text_n
from .common import (
    ACCENT,
    BAND_COLOURS,
    MAIN,
    SECOND,
    chart,
    figure,
    number_axis,
    subtitle,
    unit_line,
)

if TYPE_CHECKING:
    import datetime as dt

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..model import RuleSet
    from ..numbers import Lang

__all__ = ["timeline"]

#: The most dates whose values are written on the chart (a year of quarters); a year of
#: months is labelled at its end only, its dates slanted.
_LABELLED = 6


@chart
def timeline(projection: Projection, lang: Lang = "vi") -> Figure:
    """The projected total at each period end (quarters or months, as projected): the
    expected total, the total if every task due by then is done, and the score now, over
    the rating bands; each date says how many tasks are due by then.

    Args:
        projection: from :func:`cchc_score.project`.
        lang: the language of titles, labels and dates.

    Raises:
        ArgumentError: ``projection`` is not a projection.
        ImportError: matplotlib is not installed.

    >>> from cchc_score import load_evidence, load_plan, load_rules, project
    >>> p = project(load_rules("criteria_2022"),
    ...             load_evidence("examples/ward_2022/evidence.toml"),
    ...             load_plan("examples/ward_2022/plan.toml"))
    >>> timeline(p).get_suptitle().splitlines()[0]
    'Điểm dự báo theo thời hạn nhiệm vụ'
    """
    arguments.instance(projection, Projection, "projection", "argument.projection")
    card = projection.baseline
    places = card.rules.decimals
    points = projection.timeline
    fig = figure(7.5, 4.2)
    ax = fig.subplots()
    subtitle(fig, text("plot.timeline", lang), unit_line(card, lang))
    now = float(card.total)
    done = [float(p.total) for p in points]
    expected = [p.expected for p in points]
    low = max(min([now, *done, *expected]) - 1.5, 0.0)
    high = min(max([now, *done, *expected]) + 1.5, float(card.max))
    _bands(ax, card.rules, low, high, lang)
    x = list(range(len(points)))
    ax.axhline(now, color=SECOND, linestyle="--", label=text("plot.baseline_line", lang))
    ax.plot(x, done, color=MAIN, marker="o", label=text("plot.all_due", lang))
    ax.plot(x, expected, color=ACCENT, marker="s", label=text("plot.expected_line", lang))
    # Every point's value while they fit; with months, the last only.
    shown_at = x if len(x) <= _LABELLED else x[-1:]
    for position in shown_at:
        value = expected[position]
        shown = format_number(round_points(Decimal(repr(value)), places), lang)
        ax.annotate(
            shown,
            (position, value),
            textcoords="offset points",
            xytext=(0, -13),
            ha="center",
            fontsize=8,
            color=ACCENT,
        )
    labels = [
        f"{_date(p.date, lang)}\n{text_n('plot.tasks_due', len(p.tasks), lang)}" for p in points
    ]
    ax.set_xticks(x, labels)
    if len(x) > _LABELLED:
        ax.tick_params(axis="x", labelrotation=45, labelsize=7)
    ax.set_xlim(-0.4, len(points) - 0.6)
    ax.set_ylim(low, high)
    ax.set_xlabel(text("plot.date_axis", lang))
    ax.set_ylabel(text("plot.total_axis", lang))
    number_axis(ax.yaxis, lang)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    return fig


def _date(day: dt.date, lang: Lang) -> str:
    return text("plot.date", lang, day=day.day, month=day.month, year=day.year)


def _bands(ax: Axes, rules: RuleSet, low: float, high: float, lang: Lang) -> None:
    """Shade each rating band in view, named at the left."""
    upper = float(rules.max)
    for index, band in enumerate(rules.bands):  # highest first
        bottom, top = max(float(band.min), low), min(upper, high)
        if top > bottom:
            colour = BAND_COLOURS[min(index, len(BAND_COLOURS) - 1)]
            ax.axhspan(bottom, top, color=colour, zorder=0, linewidth=0)
            ax.text(
                0.005,
                (bottom + top) / 2,
                band.label(lang),
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                fontsize=8,
                color="#555555",
            )
        upper = float(band.min)
