"""Where a district's units lost points: a criteria × units heat map."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

from ..batch import LossTable, Ranking, UnitResult, loss_table, rank
from ..evaluation import Scorecard
from ..numbers import format_points
from ..words import pick, text
from .common import chart, empty, figure, percent_axis, shorten, subtitle

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..numbers import Lang

__all__ = ["MAX_ROWS", "Results", "heatmap"]

#: What :func:`heatmap` draws from: a ranking, a loss table, or the results of
#: :func:`cchc_score.score_many` (or scorecards), which it ranks.
Results = Union[Ranking, LossTable, Iterable[Union[UnitResult, Scorecard]]]

#: The most criteria (rows) drawn: those that cost the most points in all.
MAX_ROWS = 30

#: Cells are written with their points up to this many units (columns).
_WRITTEN = 16


@chart
def heatmap(results: Results, lang: Lang = "vi") -> Figure:
    """Criteria × units: each cell coloured by the share of the criterion's maximum the
    unit lost and written with the points lost. Units run from the highest total to the
    lowest; criteria from the largest loss over all units down (at most :data:`MAX_ROWS`).

    Args:
        results: a :class:`~cchc_score.Ranking` (from :func:`cchc_score.rank`), a
            :class:`~cchc_score.LossTable`, or what :func:`cchc_score.score_many` yields
            (units not scored are left out, as ``rank`` leaves them out).
        lang: the language of titles and names.

    Raises:
        ArgumentError: ``results`` holds something else, units share a name, or scorecards
            of different rule sets.
        ImportError: matplotlib is not installed.

    >>> from cchc_score import load_rules, score_many
    >>> results = score_many(load_rules("criteria_2022"), "examples/district_2022")
    >>> heatmap(results).get_suptitle()
    'Điểm bị trừ theo tiêu chí và đơn vị\\nMàu: tỷ lệ điểm tối đa bị trừ; số: điểm bị trừ'
    """
    if isinstance(results, LossTable):
        table = results
    else:
        ranking = results if isinstance(results, Ranking) else rank(results)
        table = loss_table(ranking)
    rows = table.criteria[:MAX_ROWS]
    units = table.units
    fig = figure(min(3.5 + 0.55 * max(len(units), 4), 16), 1.6 + 0.28 * max(len(rows), 4))
    ax = fig.subplots()
    subtitle(fig, text("plot.heatmap", lang), text("plot.heatmap_note", lang))
    if not units:
        empty(ax, text("plot.no_unit", lang))
        return fig
    if not rows:
        empty(ax, text("plot.no_loss", lang))
        return fig
    shares = [[float(d / row.criterion.max) for d in row.deductions] for row in rows]
    image = ax.imshow(shares, cmap="Reds", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(
        range(len(units)),
        [shorten(u, 22) for u in units],
        rotation=40,
        ha="right",
        rotation_mode="anchor",
    )
    ax.set_yticks(
        range(len(rows)),
        [
            f"{row.code}  {shorten(pick(row.criterion.name, row.criterion.name_en, lang), 40)}"
            for row in rows
        ],
    )
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    if len(units) <= _WRITTEN:
        for y, row in enumerate(rows):
            for x, lost in enumerate(row.deductions):
                if lost > 0:
                    dark = shares[y][x] > 0.55
                    ax.text(
                        x,
                        y,
                        format_points(lost, lang),
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if dark else "#333333",
                    )
    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    bar.set_label(text("plot.share_axis", lang))
    percent_axis(bar.ax.yaxis, lang)
    return fig
