"""Charts for the HTML pages, as inline SVG, from :mod:`cchc_score.plot` (the ``plot``
extra, matplotlib) when it is installed.

The plot package is imported here only, lazily: without it (or without matplotlib) the
functions return ``None`` and the page says, in the reader's language, that charts need the
``plot`` extra. Each SVG is made ready to sit inside an HTML page: its XML declaration,
DOCTYPE and comments removed, so nothing in it points outside the page.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any

from ..words import text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType

    from ..batch import Ranking
    from ..numbers import Lang
    from .unit import UnitReport

__all__ = ["Chart", "batch_charts", "inline_svg", "unit_charts"]

#: A chart as a page shows it: (its title, its SVG markup).
Chart = tuple[str, str]

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def inline_svg(svg: str) -> str:
    """An SVG document as markup to put inside an HTML page: no XML declaration, no
    DOCTYPE (whose URL would be the page's only external reference), no comments.

    >>> inline_svg('<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
    ...            ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\\n<!-- made -->'
    ...            '<svg><g/></svg>')
    '<svg><g/></svg>'
    """
    return _PROLOG.sub("", svg).strip()


def _plot(lang: Lang) -> ModuleType | None:
    """The plot package, or ``None`` when it (or matplotlib, which it imports only when it
    draws) is not installed."""
    try:
        plot = importlib.import_module("cchc_score.plot")
        check = getattr(plot, "check_matplotlib", None)
        if check is not None:
            check(lang)
    except ImportError:
        return None
    return plot


def _render(plot: ModuleType, charts: Sequence[tuple[str, Callable[[], Any]]]) -> list[Chart]:
    # The plot package draws on figures of their own (no pyplot): nothing to close.
    return [(title, inline_svg(plot.to_svg(make()))) for title, make in charts]


def unit_charts(report: UnitReport, lang: Lang = "vi") -> list[Chart] | None:
    """The unit's charts as SVG: points lost by domain and by criterion and, with a plan,
    the projected distribution (target marked), the timeline and the best plan's frontier.
    ``None`` when the plot extra is not installed."""
    plot = _plot(lang)
    if plot is None:
        return None
    card = report.scorecard

    def w(code: str) -> str:
        return text(f"unitreport.{code}", lang)

    charts: list[tuple[str, Callable[[], Any]]] = [
        (w("chart_losses"), lambda: plot.losses(card, by="domain", lang=lang)),
        (w("ledger"), lambda: plot.losses(card, by="criterion", lang=lang)),
    ]
    projection = report.projection
    if projection is not None:
        charts += [
            (
                w("distribution"),
                lambda: plot.distribution(
                    projection, report.rules, target=projection.target, lang=lang
                ),
            ),
            (w("timeline"), lambda: plot.timeline(projection, lang=lang)),
        ]
    best = report.best
    if best is not None and best.frontier:
        charts.append((w("frontier"), lambda: plot.frontier(best, lang=lang)))
    return _render(plot, charts)


def batch_charts(ranking: Ranking, lang: Lang = "vi") -> list[Chart] | None:
    """A district's loss heat map (criteria × units) as SVG; ``None`` when the plot extra
    is not installed or no unit was ranked."""
    plot = _plot(lang)
    if plot is None or not ranking.units:
        return None
    title = text("unitreport.heatmap", lang)
    return _render(plot, [(title, lambda: plot.heatmap(ranking, lang=lang))])
