"""Points lost by domain or by criterion: sorted horizontal bars."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from .. import arguments
from ..errors import ArgumentError
from ..evaluation import Scorecard
from ..numbers import format_number, round_points
from ..words import text
from .common import LOSS, chart, empty, figure, number_axis, shorten, subtitle, unit_line

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..numbers import Lang

__all__ = ["MAX_BARS", "losses"]

#: The most bars a chart by criterion shows: the rest are summed in one last bar.
MAX_BARS = 25


@chart
def losses(
    scorecard: Scorecard, by: Literal["domain", "criterion"] = "domain", lang: Lang = "vi"
) -> Figure:
    """Points lost by domain (every domain) or by criterion (every leaf that lost points, at
    most :data:`MAX_BARS` bars), largest first, each bar labelled with its points.

    Args:
        scorecard: a unit's scorecard, from :func:`cchc_score.evaluate`.
        by: ``"domain"`` or ``"criterion"``.
        lang: the language of titles and names.

    Raises:
        ArgumentError: ``scorecard`` is not a scorecard, or ``by`` is neither value.
        ImportError: matplotlib is not installed.

    >>> from cchc_score import evaluate, load_evidence, load_rules
    >>> card = evaluate(load_rules("criteria_2022"),
    ...                 load_evidence("examples/ward_2022/evidence.toml"))
    >>> losses(card, by="criterion").get_suptitle().splitlines()[0]
    'Điểm bị trừ theo tiêu chí'
    """
    card = arguments.instance(scorecard, Scorecard, "scorecard", "argument.scorecard")
    if by not in ("domain", "criterion"):
        raise arguments.fail(
            ArgumentError, "by", "E-VALUE-CHOICE", by, expected="'domain', 'criterion'"
        )
    rows = _rows(card, by, lang)
    fig = figure(7.5, 1.3 + 0.3 * max(len(rows), 3))
    ax = fig.subplots()
    title = text("plot.losses_domain" if by == "domain" else "plot.losses_criterion", lang)
    subtitle(fig, title, unit_line(card, lang))
    if not any(lost > 0 for _, lost in rows):
        empty(ax, text("plot.no_loss", lang))
        return fig
    places = card.rules.decimals
    positions = range(len(rows))
    bars = ax.barh(positions, [float(lost) for _, lost in rows], color=LOSS, height=0.65)
    ax.set_yticks(positions, [label for label, _ in rows])
    ax.invert_yaxis()  # the largest loss on top
    shown = [
        format_number(round_points(lost, places), lang) if lost > 0 else "" for _, lost in rows
    ]
    ax.bar_label(bars, labels=shown, padding=3, fontsize=8)
    ax.set_xlim(0, float(max(lost for _, lost in rows)) * 1.15)
    ax.set_xlabel(text("plot.lost_axis", lang))
    number_axis(ax.xaxis, lang)
    ax.tick_params(axis="y", length=0)
    return fig


def _rows(card: Scorecard, by: str, lang: Lang) -> list[tuple[str, Decimal]]:
    """``(label, points lost)`` per bar, largest loss first (ties in rule-file order)."""
    if by == "domain":
        nodes = sorted(card.domains, key=lambda n: -n.deduction)
        return [(f"{n.code}  {shorten(n.name(lang), 44)}", n.deduction) for n in nodes]
    lost = card.deductions()
    rows = [(f"{n.code}  {shorten(n.name(lang), 44)}", n.deduction) for n in lost]
    if len(rows) > MAX_BARS:
        rest = rows[MAX_BARS - 1 :]
        label = text("plot.others", lang, n=len(rest))
        rows = [*rows[: MAX_BARS - 1], (label, sum((d for _, d in rest), Decimal(0)))]
    return rows
