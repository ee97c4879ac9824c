"""The pieces of a self-contained, printable HTML page: escaping, tables, sections, charts,
and the page itself with its inline style sheet.

Nothing a page holds points outside it: no script, no link, no image file, no font to
fetch; charts are inline SVG (:mod:`.charts`). Every text from data (names, reasons, tasks)
goes through :func:`esc`, so a name holding ``<script>`` is shown, never run.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..values import printable
from ..words import text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..numbers import Lang
    from .charts import Chart

__all__ = ["charts_section", "esc", "page", "section", "table"]

_STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif;
       font-size: 11pt; color: #1b1b1b; margin: 2em auto; max-width: 70em; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #1565c0; padding-bottom: .15em;
     margin-top: 1.8em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
p.sub { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: .6em 0; width: 100%; }
th, td { border: 1px solid #bbb; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #e8eef7; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.strong td { font-weight: bold; background: #f5f5f5; }
.error { color: #b71c1c; } .warning { color: #8d6e00; }
figure { margin: 1em 0; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: .3em; }
.note { color: #555; font-style: italic; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; }
               h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
"""


def esc(value: object) -> str:
    """A value as HTML text: control characters made visible, ``<&>"'`` escaped.

    >>> esc('<b>Phường "A" & B</b>')
    '&lt;b&gt;Phường &quot;A&quot; &amp; B&lt;/b&gt;'
    """
    return html.escape(printable(value if isinstance(value, str) else str(value)), quote=True)


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    numeric: Iterable[int] = (),
    strong: Iterable[int] = (),
) -> str:
    """An HTML table: the ``numeric`` columns (0-based) right-aligned, the ``strong`` rows
    (0-based) bold. A cell is escaped text; ``None`` is an empty cell.

    >>> table(["Mã", "Điểm"], [["I", "8,83"]], numeric=[1])
    '<table><thead><tr><th>Mã</th><th>Điểm</th></tr></thead><tbody>\\n<tr><td>I</td><td class="n">8,83</td></tr>\\n</tbody></table>'
    """  # noqa: E501
    right = set(numeric)
    bold = set(strong)
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    lines = []
    for number, row in enumerate(rows):
        cells = "".join(
            f'<td class="n">{esc(v)}</td>' if i in right else f"<td>{esc(v)}</td>"
            for i, v in enumerate("" if v is None else v for v in row)
        )
        lines.append(f'<tr class="strong">{cells}</tr>' if number in bold else f"<tr>{cells}</tr>")
    body = "\n".join(["", *lines, ""])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def section(ident: str, title: str, *parts: str) -> str:
    """A section with its id (what a test looks for) and heading."""
    inner = "\n".join(parts)
    return f'<section id="{esc(ident)}">\n<h2>{esc(title)}</h2>\n{inner}\n</section>'


def charts_section(charts: Sequence[Chart] | None, lang: Lang) -> str:
    """The charts, each an inline SVG in a figure; without the plot extra, a note saying
    so in ``lang``."""
    title = text("unitreport.charts", lang)
    if charts is None:
        note = f'<p class="note">{esc(text("unitreport.charts_missing", lang))}</p>'
        return section("charts", title, note)
    figures = [
        f"<figure><figcaption>{esc(caption)}</figcaption>\n{svg}\n</figure>"
        for caption, svg in charts
    ]
    return section("charts", title, *figures)


def page(title: str, subtitle: str, sections: Sequence[str], lang: Lang) -> str:
    """The whole page: one file, its style inline, nothing fetched."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{esc(title)}</h1>",
            f'<p class="sub">{esc(subtitle)}</p>',
            *sections,
            "</body>",
            "</html>",
            "",
        ]
    )
