"""Charts of scores, projections, plans and districts, as matplotlib figures (the ``plot``
extra: ``pip install "cchc-score[plot]"``).

=============  ==========================================================================
losses         points lost by domain or by criterion (sorted bars)
distribution   the projected distribution of next year's total, rating bands shaded
timeline       expected points by task deadline
frontier       the best plan's efficiency frontier: expected total by person-days
heatmap        a district's criteria × units losses
common         the style, numbers with a decimal comma, :func:`to_svg`, :func:`save`
=============  ==========================================================================

Each chart function returns a :class:`matplotlib.figure.Figure` on the Agg canvas (no
pyplot, nothing global); titles and labels come from :mod:`cchc_score.words`, in Vietnamese
unless ``lang="en"``. Importing this package does not import matplotlib: drawing does, and
says how to install it when it is missing.

>>> from cchc_score import evaluate, load_evidence, load_rules
>>> from cchc_score import plot
>>> card = evaluate(load_rules("criteria_2022"), load_evidence("examples/ward_2022/evidence.toml"))
>>> svg = plot.to_svg(plot.losses(card))
>>> svg.startswith("<svg"), "<title>Điểm bị trừ theo lĩnh vực — " in svg
(True, True)
"""

from .common import check_matplotlib, png, save, to_svg
from .distribution import distribution
from .frontier import frontier
from .heatmap import heatmap
from .losses import losses
from .timeline import timeline

__all__ = [
    "check_matplotlib",
    "distribution",
    "frontier",
    "heatmap",
    "losses",
    "png",
    "save",
    "timeline",
    "to_svg",
]
