"""Many units as one printable HTML page (``rank … --out district.html``): the ranking,
the loss table shaded as a heat map (each cell's colour from its loss, so it reads without
the plot extra), the units not ranked, and the charts (the plot extra's heat map) inline.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..numbers import format_number
from ..words import pick, text, text_n
from .common import band_shown, domain_points, points
from .html import charts_section, esc, page, section, table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..batch import LossTable, Ranking
    from ..numbers import Lang
    from .charts import Chart

__all__ = ["batch_html", "heat"]


def heat(loss: Decimal, most: Decimal) -> str:
    """A cell's background for a loss: white for none, deepening to red at ``most``.

    >>> heat(Decimal(0), Decimal(2)), heat(Decimal(2), Decimal(2)), heat(Decimal(1), Decimal(2))
    ('#ffffff', '#f8696b', '#fcb4b5')
    """
    share = float(loss / most) if most > 0 else 0.0
    share = min(max(share, 0.0), 1.0)
    red, green, blue = (round(255 + (end - 255) * share) for end in (0xF8, 0x69, 0x6B))
    return f"#{red:02x}{green:02x}{blue:02x}"


def batch_html(
    ranking: Ranking,
    losses: LossTable,
    lang: Lang = "vi",
    charts: Sequence[Chart] | None = None,
) -> str:
    """The district's page: ranking, loss heat map, units not ranked, charts.

    ``charts`` are (title, SVG) pairs from :func:`cchc_score.report.charts.batch_charts`;
    ``None`` (no plot extra) puts a note in their place.
    """

    def w(code: str, **fields: object) -> str:
        return text(f"batch.{code}", lang, **fields)

    rules = ranking.rules
    places = rules.decimals if rules is not None else 2
    codes = [d.code for d in rules.domains] if rules is not None else []
    rows = [
        [
            f"{u.rank}=" if u.tied else str(u.rank),
            u.unit,
            points(u.total, lang, places),
            band_shown(u.scorecard, lang) or "",
            *(points(v, lang, places) for v in domain_points(u.scorecard).values()),
        ]
        for u in ranking.units
    ]
    numeric = (0, 2, *range(4, 4 + len(codes)))
    header = [w("rank"), w("unit"), w("total"), w("rating"), *codes]
    ranked = section("ranking", w("sheet_ranking"), table(header, rows, numeric=numeric))
    sections = [ranked, section("losses", w("sheet_losses"), _heat_table(losses, lang, places))]
    if ranking.invalid:
        invalid = table(
            [w("unit"), w("where"), w("problems")],
            [[r.unit, r.where, "; ".join(str(p) for p in r.problems)] for r in ranking.invalid],
        )
        sections.append(section("invalid", w("sheet_invalid"), invalid))
    sections.append(charts_section(charts, lang))
    title = text(
        "unitreport.district_title",
        lang,
        units=text_n("count.unit", len(ranking.units), lang),
        rules=rules.id if rules else "—",
    )
    return page(title, text("unitreport.heatmap", lang), sections, lang)


def _heat_table(losses: LossTable, lang: Lang, places: int) -> str:
    """The loss table, each unit's cell shaded by its loss (the largest loss red)."""

    def w(code: str) -> str:
        return text(f"batch.{code}", lang)

    if not losses.criteria:
        return f"<p>{esc(w('no_loss'))}</p>"
    most = max((d for row in losses.criteria for d in row.deductions), default=Decimal(0))
    head = "".join(
        f"<th>{esc(h)}</th>"
        for h in [w("code"), w("criterion"), w("max"), w("units_lost"), w("lost"), *losses.units]
    )
    lines = []
    for row in losses.criteria:
        name = pick(row.criterion.name, row.criterion.name_en, lang)
        cells = [
            f"<td>{esc(row.code)}</td>",
            f"<td>{esc(name)}</td>",
            f'<td class="n">{esc(format_number(row.criterion.max, lang))}</td>',
            f'<td class="n">{row.units_lost}</td>',
            f'<td class="n">{esc(points(row.total, lang, places))}</td>',
            *(
                f'<td class="n" style="background:{heat(d, most)}">'
                f"{esc(points(d, lang, places)) if d else ''}</td>"
                for d in row.deductions
            ),
        ]
        lines.append(f"<tr>{''.join(cells)}</tr>")
    total = sum(losses.lost, Decimal(0))
    sums = "".join(f'<td class="n">{esc(points(v, lang, places))}</td>' for v in losses.lost)
    lines.append(
        f'<tr class="strong"><td></td><td>{esc(w("sum"))}</td><td></td><td></td>'
        f'<td class="n">{esc(points(total, lang, places))}</td>{sums}</tr>'
    )
    body = "\n".join(lines)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"
