"""The projected distribution of next year's total: bars of probability, the rating bands
shaded behind them, the score now, the expected total and the target marked."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from .. import arguments
from ..effects import target_total
from ..errors import ArgumentError
from ..model import RuleSet
from ..numbers import format_number, round_points, step
from ..projection import Projection
from ..words import text
from .common import (
    ACCENT,
    BAND_COLOURS,
    LOSS,
    MAIN,
    SECOND,
    chart,
    figure,
    number_axis,
    percent,
    percent_axis,
    subtitle,
    unit_line,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..numbers import Lang

__all__ = ["distribution"]

#: Bar widths, in points: the narrowest that gives at most about 40 bars is used, so that
#: a distribution over hundreds of totals stays readable.
_WIDTHS = tuple(
    Decimal(w) for w in ("0.01", "0.02", "0.05", "0.1", "0.2", "0.25", "0.5", "1", "2", "5", "10")
)


@chart
def distribution(
    projection: Projection,
    rules: RuleSet,
    target: Decimal | int | float | str | None = None,
    lang: Lang = "vi",
) -> Figure:
    """The projected distribution of the total, with the rating bands shaded (each named
    with its probability), the score now, the expected total and the target marked.

    Args:
        projection: from :func:`cchc_score.project`.
        rules: the rules it was made with (its bands and maximum).
        target: a total or a band's name to mark (default: the projection's target, if any).
        lang: the language of titles and labels.

    Raises:
        ArgumentError: an argument of the wrong kind, or a target that is neither a total
            in [0, the maximum] nor a band's name.
        ImportError: matplotlib is not installed.

    >>> from cchc_score import load_evidence, load_plan, load_rules, project
    >>> rules = load_rules("criteria_2022")
    >>> p = project(rules, load_evidence("examples/ward_2022/evidence.toml"),
    ...             load_plan("examples/ward_2022/plan.toml"))
    >>> distribution(p, rules, target="Tốt", lang="en").get_suptitle().splitlines()[0]
    'Projected distribution of the 2023 total'
    """
    arguments.instance(projection, Projection, "projection", "argument.projection")
    arguments.instance(rules, RuleSet, "rules", "argument.rules_loaded")
    goal = projection.target if target is None else target_total(rules, target, ArgumentError)[0]
    dist = projection.distribution
    places = rules.decimals
    now = projection.baseline.total
    lowest = min(dist.totals[0][0], now, goal if goal is not None else now)
    highest = max(dist.totals[-1][0], now, goal if goal is not None else now)
    margin = max((highest - lowest) * Decimal("0.08"), Decimal(1))
    left, right = max(lowest - margin, Decimal(0)), min(highest + margin, rules.max)

    fig = figure(7.5, 4.2)
    ax = fig.subplots()
    title = text("plot.distribution", lang, year=projection.as_of.year)
    subtitle(fig, title, unit_line(projection.baseline, lang))
    _bands(ax, rules, projection, float(left), float(right), lang)
    width = next(
        (w for w in _WIDTHS if w >= max(step(places), (highest - lowest) / 40)), _WIDTHS[-1]
    )
    bins: dict[Decimal, float] = {}
    for total, p in dist.totals:
        start = (total / width).to_integral_value(rounding=ROUND_FLOOR) * width
        bins[start] = bins.get(start, 0.0) + p
    ax.bar(
        [float(b) for b in bins],
        list(bins.values()),
        width=float(width) * 0.9,
        align="edge",
        color=MAIN,
        zorder=2,
    )

    def pts(value: Decimal) -> str:
        return format_number(round_points(value, places), lang)

    expected = round_points(Decimal(repr(projection.expected)), places)
    ax.axvline(
        float(now), color=SECOND, linestyle="--", label=text("plot.baseline", lang, total=pts(now))
    )
    ax.axvline(
        float(expected),
        color=ACCENT,
        linewidth=1.5,
        label=text("plot.expected", lang, total=pts(expected)),
    )
    if goal is not None:
        reached = percent(dist.at_least(goal), lang)
        label = text("plot.target", lang, total=pts(goal), p=reached)
        ax.axvline(float(goal), color=LOSS, linestyle=":", linewidth=2, label=label)
    ax.set_xlim(float(left), float(right))
    ax.set_ylim(0, max(bins.values()) * 1.25)
    ax.set_xlabel(text("plot.total_axis", lang))
    ax.set_ylabel(text("plot.probability_axis", lang))
    number_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8, frameon=False)
    return fig


def _bands(
    ax: Axes, rules: RuleSet, projection: Projection, left: float, right: float, lang: Lang
) -> None:
    """Shade each rating band in view and name it, with the chance of landing in it."""
    upper = rules.max
    span = right - left
    for index, band in enumerate(rules.bands):  # highest first
        low, high = max(float(band.min), left), min(float(upper), right)
        if high > low:
            colour = BAND_COLOURS[min(index, len(BAND_COLOURS) - 1)]
            ax.axvspan(low, high, color=colour, zorder=0, linewidth=0)
            chance = sum(
                p
                for t, p in projection.distribution.totals
                if (rated := rules.rating_for(t)) is not None and rated.name == band.name
            )
            if high - low > span * 0.06:
                label = text("plot.band", lang, name=band.label(lang), p=percent(chance, lang))
                ax.text(
                    (low + high) / 2,
                    0.97,
                    label,
                    transform=ax.get_xaxis_transform(),
                    ha="center",
                    va="top",
                    fontsize=8,
                    color="#333333",
                )
        upper = band.min
