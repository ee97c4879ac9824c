"""What every chart shares: matplotlib imported on demand, one style, numbers written the
Vietnamese way, titles, and the figure as SVG text or a PNG or SVG file.

matplotlib is imported only when a chart is drawn (``import cchc_score`` never imports it),
and only through :class:`matplotlib.figure.Figure` with the Agg canvas: no pyplot, no global
figure, no interactive backend. The style (the font, no math text from user names, the SVG
hash salt) is applied with :func:`matplotlib.rc_context` while a chart is built and while it
is written, so nothing global changes either.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import arguments
from ..errors import ArgumentError
from ..io.writing import write_output
from ..numbers import format_number, format_points, round_points
from ..values import printable
from ..words import text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter

    from ..evaluation import Scorecard
    from ..io.writing import PathLike
    from ..numbers import Lang

__all__ = [
    "ACCENT",
    "BAND_COLOURS",
    "LOSS",
    "MAIN",
    "SECOND",
    "chart",
    "check_matplotlib",
    "empty",
    "figure",
    "number_axis",
    "percent",
    "percent_axis",
    "png",
    "save",
    "shorten",
    "style",
    "subtitle",
    "tick",
    "to_svg",
    "unit_line",
]

#: The font every chart uses: it ships with matplotlib and has every Vietnamese letter, so
#: a chart looks the same on any machine (no system font is looked up).
FONT = "DejaVu Sans"

#: Colours: a loss, the main series, an expected value, a second series, and the rating
#: bands, best first.
LOSS = "#c0392b"
MAIN = "#1f5f8b"
ACCENT = "#d35400"
SECOND = "#7f8c8d"
BAND_COLOURS = ("#d5efd8", "#e6f2fa", "#fdf2d0", "#fbe0dc", "#eeeeee")

_RC: dict[Any, Any] = {  # rc_context types its keys as literals
    "font.family": [FONT],
    "font.size": 9,
    "axes.titlesize": 9,
    "figure.titlesize": 10,
    # A unit's name with two "$" must not be read as a formula.
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # Glyphs as paths: the chart looks the same in any browser, with or without the font.
    "svg.fonttype": "path",
    # The same chart gives the same SVG (clip-path ids are hashes salted with this).
    "svg.hashsalt": "cchc-score",
}

_Chart = TypeVar("_Chart", bound=Callable[..., Any])


def check_matplotlib(lang: Lang = "vi") -> None:
    """Raise :class:`ImportError` saying how to install matplotlib if it is missing.

    Raises:
        ImportError: matplotlib is not installed (``pip install "cchc-score[plot]"``).
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ImportError(text("plot.missing", lang)) from exc


@contextlib.contextmanager
def style(lang: Lang = "vi") -> Iterator[None]:
    """The charts' style, for the time a chart is built or written."""
    check_matplotlib(lang)
    import matplotlib

    with matplotlib.rc_context(_RC):
        yield


def chart(build: _Chart) -> _Chart:
    """Build a chart in the charts' style (its ``lang`` keyword says the language of the
    message when matplotlib is missing)."""

    @functools.wraps(build)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with style(kwargs.get("lang", "vi")):
            return build(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def figure(width: float, height: float) -> Figure:
    """A new figure on the Agg canvas, laid out so that nothing is cut."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def shorten(name: str, width: int = 48) -> str:
    """A label cut to ``width`` characters, on one line.

    >>> shorten("Công tác chỉ đạo, điều hành cải cách hành chính", 20)
    'Công tác chỉ đạo, đ…'
    """
    line = " ".join(name.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def tick(value: float, lang: Lang) -> str:
    """A tick's number: no trailing zeros, a decimal comma in Vietnamese.

    >>> tick(84.5, "vi"), tick(90.0, "en"), tick(0.1 + 0.2, "vi")
    ('84,5', '90', '0,3')
    """
    return format_points(round_points(Decimal(repr(round(float(value), 6))), 6), lang)


def percent(p: float, lang: Lang) -> str:
    """A probability as a percentage with one decimal: 0.808 → "80,8%".

    >>> percent(0.80814, "vi"), percent(1.0, "en")
    ('80,8%', '100%')
    """
    return tick(round(p * 100, 1), lang) + "%"


def _formatter(write: Callable[[float], str]) -> Formatter:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: write(value))


def number_axis(axis: Any, lang: Lang) -> None:
    """Write an axis's numbers as :func:`tick` does."""
    axis.set_major_formatter(_formatter(lambda v: tick(v, lang)))


def percent_axis(axis: Any, lang: Lang) -> None:
    """Write an axis of probabilities (0 to 1) as percentages."""
    axis.set_major_formatter(_formatter(lambda v: tick(round(v * 100, 1), lang) + "%"))


def unit_line(card: Scorecard, lang: Lang) -> str:
    """The unit, the year, the total and the rating, for a chart's subtitle."""
    places = card.rules.decimals
    total = format_number(round_points(card.total, places), lang)
    top = format_points(card.max, lang)
    if card.rating is None:
        score = text("plot.score_no_rating", lang, total=total, max=top)
    else:
        score = text("plot.score", lang, total=total, max=top, rating=card.rating.shown(lang))
    unit = printable(card.unit)  # a control character in a name has no glyph to draw
    if card.year is not None:
        unit = text("plot.unit_year", lang, unit=unit, year=card.year)
    return f"{shorten(unit, 50)} — {score}"


def subtitle(fig: Figure, title: str, line: str | None) -> None:
    """The chart's title, with a line under it (the unit and its score, say)."""
    fig.suptitle(f"{title}\n{line}" if line else title)


def empty(ax: Axes, message: str) -> None:
    """Say in the plot area that there is nothing to draw."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color=SECOND)


# --------------------------------------------------------------------------- writing

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(xlink:href="#|href="#|url\(#)([^")]+)')


def _svg_text(fig: Figure) -> str:
    out = io.StringIO()
    with style():
        fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def to_svg(fig: Figure) -> str:
    """The chart as an ``<svg>`` element to put inline in an HTML page.

    No XML prolog, no document type, no metadata, nothing external: the glyphs are drawn
    as paths (the page needs no font), the title (its lines joined by " — ") is the
    ``<title>`` element, and every id is
    prefixed with a hash of the chart, so that several charts on one page never share an
    id. The text is also a complete SVG file.

    Raises:
        ImportError: matplotlib is not installed.
    """
    svg = _METADATA.sub("", _PROLOG.sub("", _svg_text(fig), count=1), count=1)
    prefix = "c" + hashlib.sha1(svg.encode("utf-8")).hexdigest()[:8] + "-"
    svg = _ID.sub(lambda m: f'id="{prefix}{m[1]}"', svg)
    svg = _REF.sub(lambda m: f"{m[1]}{prefix}{m[2]}", svg)
    title = " — ".join(fig.get_suptitle().splitlines())
    if title:
        svg = re.sub(r"(<svg\b[^>]*>)", rf"\1\n <title>{_escape(title)}</title>", svg, count=1)
    return svg.strip() + "\n"


def _escape(value: str) -> str:
    # A backslash would be read as a group reference by re.sub.
    return html.escape(value, quote=False).replace("\\", "\\\\")


def png(fig: Figure, dpi: float | None = None) -> bytes:
    """The chart as PNG bytes (at the figure's resolution unless ``dpi`` is given).

    Raises:
        ImportError: matplotlib is not installed.
    """
    out = io.BytesIO()
    with style():
        fig.savefig(out, format="png", dpi=dpi or "figure", metadata={"Software": None})
    return out.getvalue()


_FORMATS = (".png", ".svg")


def save(
    fig: Figure,
    path: PathLike,
    force: bool = False,
    *,
    inputs: Iterable[PathLike] = (),
    lang: Lang = "vi",
    dpi: float | None = None,
) -> Path:
    """Write the chart to ``path``, a ``.png`` or ``.svg`` file, through the guarded writer
    (:func:`cchc_score.io.writing.write_output`: atomic, never through a link, never over
    one of ``inputs``, over an existing file only with ``force``).

    Returns:
        The path written.

    Raises:
        ArgumentError: the name does not end in ``.png`` or ``.svg``.
        OutputError: the file may not or cannot be written.
        ImportError: matplotlib is not installed.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise arguments.fail(ArgumentError, "path", "E-CHART-FORMAT", str(path))
    data: str | bytes = to_svg(fig) if suffix == ".svg" else png(fig, dpi)
    return write_output(path, data, force=force, inputs=inputs, lang=lang)
