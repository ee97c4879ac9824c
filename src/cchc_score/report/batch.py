"""Many units (``rank``): the ranking, the loss table by criterion, the units not ranked;
as tables, JSON and CSV (stable column keys and decimal points, for programs and
spreadsheets alike)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from tabulate import tabulate

from ..errors import place
from ..values import cell, printable, render
from ..words import pick, text, text_n
from .common import (
    Format,
    band_name,
    band_shown,
    document,
    domain_points,
    fixed,
    heading,
    json_points,
    points,
    rating_json,
    shown,
    style,
    to_json,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ..batch import LossTable, RankedUnit, Ranking, UnitResult
    from ..evaluation import Scorecard
    from ..model import RuleSet
    from ..numbers import Lang

__all__ = [
    "LOSS_COLUMNS",
    "Part",
    "batch_json",
    "losses_csv",
    "losses_json",
    "ranking_csv",
    "ranking_json",
    "render_batch",
    "results_csv",
]

#: What ``cchc-score rank --only`` keeps: the ranking, the loss table, or both (``None``).
Part = Literal["ranking", "losses"]

_TIE = "="


def _rank_label(unit: RankedUnit) -> str:
    return f"{unit.rank}{_TIE}" if unit.tied else str(unit.rank)


def _invalid_json(result: UnitResult, lang: Lang) -> dict[str, Any]:
    return {
        "unit": result.unit,
        "source": result.source,
        "line": result.line,
        "problems": [p.text(lang) for p in result.problems],
        "codes": [p.code for p in result.problems],
    }


def ranking_json(ranking: Ranking, lang: Lang = "vi") -> list[dict[str, Any]]:
    """The ranked units as JSON-ready data: rank, tie, unit, total, rating (``code`` and
    ``name``), domain points; points with the rule set's decimals."""
    places = ranking.rules.decimals if ranking.rules is not None else 2
    return [
        {
            "rank": unit.rank,
            "tied": unit.tied,
            "unit": unit.unit,
            "total": json_points(unit.total, places),
            "max": json_points(unit.scorecard.max, places),
            "rating": rating_json(unit.scorecard.rating, lang),
            "domains": {
                code: json_points(p, places) for code, p in domain_points(unit.scorecard).items()
            },
            "source": unit.source,
            "line": unit.line,
        }
        for unit in ranking.units
    ]


def losses_json(table: LossTable, lang: Lang = "vi", decimals: int = 2) -> dict[str, Any]:
    """A loss table as JSON-ready data: the units, each one's points lost, and per criterion
    its total loss, how many units lost points on it and each unit's deduction; points with
    the rule set's ``decimals``."""

    def pts(value: Decimal) -> Decimal:
        return json_points(value, decimals)

    return {
        "units": list(table.units),
        "lost": dict(zip(table.units, map(pts, table.lost), strict=True)),
        "criteria": [
            {
                "code": row.code,
                "name": pick(row.criterion.name, row.criterion.name_en, lang),
                "max": pts(row.criterion.max),
                "total": pts(row.total),
                "units_lost": row.units_lost,
                "deductions": dict(zip(table.units, map(pts, row.deductions), strict=True)),
            }
            for row in table.criteria
        ],
    }


def batch_json(
    ranking: Ranking, table: LossTable, lang: Lang = "vi", only: Part | None = None
) -> dict[str, Any]:
    """A batch as JSON-ready data: the rules, the ranking, the loss table (``only`` keeps one
    of the two) and the units not ranked with their problems."""
    rules = ranking.rules
    out: dict[str, Any] = {"rules": rules.id if rules is not None else None}
    if only != "losses":
        out["ranking"] = ranking_json(ranking, lang)
    if only != "ranking":
        out["losses"] = losses_json(table, lang, rules.decimals if rules is not None else 2)
    out["invalid"] = [_invalid_json(r, lang) for r in ranking.invalid]
    return out


#: The most units the loss table gives a column each in a table or Markdown, unless
#: ``top`` says how many: what a page can hold beside the criteria.
LOSS_COLUMNS = 10


@shown
def render_batch(
    ranking: Ranking,
    table: LossTable,
    fmt: Format = "table",
    lang: Lang = "vi",
    by_domain: bool = False,
    only: Part | None = None,
    top: int | None = None,
) -> str:
    """A batch report: the ranking (with each domain's points if ``by_domain``), the loss
    table, then the units not ranked with their problems. ``only`` keeps one of the first
    two. ``top`` shows the first ``top`` units of the ranking, and their columns of the loss
    table (whose rows and totals still count every unit), with a line saying so; without it
    the loss table has a column for each of the first :data:`LOSS_COLUMNS` units at most
    (a table, not a wall of 10,000 columns). JSON always holds every unit. Points are shown
    with the rule set's ``decimals``. With ``fmt="json"``, :func:`batch_json` as text."""
    if fmt == "json":
        return to_json(document("rank", batch_json(ranking, table, lang, only)))
    top = top if top is not None and top < len(ranking.units) else None
    parts = []
    if only != "losses":
        parts.append(_render_ranking(ranking, fmt, lang, by_domain, top))
    if only != "ranking" and ranking.rules is not None and ranking.units:
        parts.append(_render_losses(table, fmt, lang, ranking.rules.decimals, top))
    if ranking.invalid:
        parts.append(_render_invalid(ranking.invalid, fmt, lang))
    return "\n".join(parts)


def _render_ranking(
    ranking: Ranking, fmt: Format, lang: Lang, by_domain: bool, top: int | None
) -> str:
    rules = ranking.rules
    if rules is None:
        return text("batch.none_ranked", lang) + "\n"
    places = rules.decimals
    codes = [d.code for d in rules.domains] if by_domain else []
    rows = [
        [
            _rank_label(unit),
            printable(unit.unit),  # escaped before tabulate measures it
            points(unit.total, lang, places),
            band_shown(unit.scorecard, lang) or text("report.no_rating", lang),
            *(points(p, lang, places) for p in domain_points(unit.scorecard).values() if by_domain),
        ]
        for unit in ranking.units[:top]
    ]
    table = tabulate(
        rows,
        headers=[text(f"batch.{key}", lang) for key in ("rank", "unit", "total", "rating")] + codes,
        tablefmt=style(fmt),
        disable_numparse=True,
        colalign=("right", "left", "right", "left", *("right" for _ in codes)),
    )
    title = text(
        "batch.ranking", lang, units=text_n("count.unit", len(ranking.units), lang), rules=rules.id
    )
    lines = [heading(title, fmt), "", table]
    if top is not None:
        lines += ["", text("batch.top_shown", lang, shown=top, n=len(ranking.units))]
    if any(unit.tied for unit in ranking.units[:top]):
        lines += ["", text("batch.tie", lang, mark=_TIE)]
    return "\n".join(lines) + "\n"


def _render_losses(table: LossTable, fmt: Format, lang: Lang, places: int, top: int | None) -> str:
    all_lost = sum(table.lost, Decimal(0))
    if not table.criteria:
        return text("batch.no_loss", lang) + "\n"
    note = None
    if top is not None:
        note = text("batch.top_columns", lang, shown=top, n=len(table.units))
    elif len(table.units) > LOSS_COLUMNS:  # a column per unit: a district, not a province
        top = LOSS_COLUMNS
        note = text("batch.loss_columns", lang, shown=top, n=len(table.units))
    head = text(
        "batch.losses",
        lang,
        criteria=text_n("count.criterion", len(table.criteria), lang),
        lost=points(all_lost, lang, places),
    )

    def cell(value: Decimal) -> str:
        return points(value, lang, places) if value else ""

    rows = [
        [
            row.code,
            pick(row.criterion.name, row.criterion.name_en, lang),
            fixed(row.criterion.max, lang, places),
            str(row.units_lost),
            points(row.total, lang, places),
            *(cell(d) for d in row.deductions[:top]),
        ]
        for row in table.criteria
    ]
    rows.append(
        [
            "",
            text("batch.sum", lang),
            "",
            "",
            points(all_lost, lang, places),
            *(cell(d) for d in table.lost[:top]),
        ]
    )
    units = table.units[:top]
    headers = [
        text(f"batch.{key}", lang) for key in ("code", "criterion", "max", "units_lost", "lost")
    ]
    rendered = tabulate(
        rows,
        headers=headers + [printable(unit) for unit in units],
        tablefmt=style(fmt),
        disable_numparse=True,
        colalign=("left", "left", "right", "right", "right", *("right" for _ in units)),
        # Wrapped in a terminal, so that seven or eight units fit across.
        maxcolwidths=[None, 30, None, None, None, *(None for _ in units)]
        if fmt == "table"
        else None,
        maxheadercolwidths=[None, None, 7, 7, 7, *(8 for _ in units)] if fmt == "table" else None,
    )
    if note is not None:
        return f"{heading(head, fmt)}\n\n{rendered}\n\n{note}\n"
    return f"{heading(head, fmt)}\n\n{rendered}\n"


def _render_invalid(invalid: Sequence[UnitResult], fmt: Format, lang: Lang) -> str:
    lines = [heading(text("batch.invalid", lang, n=len(invalid)), fmt), ""]
    for result in invalid:
        name = result.unit or text("batch.no_name", lang)
        lines.append(f"{'- ' if fmt == 'markdown' else ''}{name} ({place(result.where, lang)})")
        indent = "  - " if fmt == "markdown" else "    "
        lines += [f"{indent}{problem.text(lang)}" for problem in result.problems]
    return "\n".join(lines) + "\n"


def _csv_cells(cells: Iterable[object]) -> list[str]:
    """A CSV row: numbers as they are (decimal points, no exponent), every text through
    :func:`cchc_score.values.cell` (control characters escaped, formulas neutralised)."""
    return [
        cell(value) if isinstance(value, str) else "" if value is None else render(value, "plain")
        for value in cells
    ]


def _csv_text(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(map(_csv_cells, rows))
    return buffer.getvalue()


def _unit_cells(card: Scorecard | None, codes: Sequence[str], lang: Lang) -> list[object]:
    if card is None:
        return ["", "", "", *("" for _ in codes)]
    domains = domain_points(card)
    return [
        card.total,
        card.max,
        band_name(card, lang) or "",
        *(domains[code] for code in codes),
    ]


def _where_cells(source: str | None, line: int | None) -> list[str]:
    return [source or "", "" if line is None else str(line)]


def ranking_csv(ranking: Ranking, lang: Lang = "vi") -> str:
    """The ranking as CSV: ``rank, tied, unit, total, max, rating``, a column per domain,
    ``source, line, problems``; then the units not ranked, with empty rank and points and
    their problems (one per line in the cell)."""
    rules = ranking.rules
    codes = [d.code for d in rules.domains] if rules is not None else []
    header = ["rank", "tied", "unit", "total", "max", "rating", *codes]
    rows: list[Sequence[object]] = [[*header, "source", "line", "problems"]]
    for unit in ranking.units:
        rows.append(
            [
                unit.rank,
                "true" if unit.tied else "false",
                unit.unit,
                *_unit_cells(unit.scorecard, codes, lang),
                *_where_cells(unit.source, unit.line),
                "",
            ]
        )
    for result in ranking.invalid:
        rows.append(
            [
                "",
                "",
                result.unit,
                *_unit_cells(None, codes, lang),
                *_where_cells(result.source, result.line),
                "\n".join(p.text(lang) for p in result.problems),
            ]
        )
    return _csv_text(rows)


def losses_csv(table: LossTable, lang: Lang = "vi") -> str:
    """The loss table as CSV: ``code, name, max, units_lost, total``, then a column per unit
    with its deduction (0.00 where it lost nothing)."""
    rows: list[Sequence[object]] = [["code", "name", "max", "units_lost", "total", *table.units]]
    for row in table.criteria:
        rows.append(
            [
                row.code,
                pick(row.criterion.name, row.criterion.name_en, lang),
                row.criterion.max,
                row.units_lost,
                row.total,
                *row.deductions,
            ]
        )
    return _csv_text(rows)


def results_csv(rules: RuleSet, results: Iterable[UnitResult], lang: Lang = "vi") -> Iterator[str]:
    """Each unit's total, rating and domain points as CSV text, a line at a time, in the order
    the results come: memory stays flat however many units stream through.

    Columns: ``unit, total, max, rating``, a column per domain, ``source, line, problems``;
    a unit that was not scored has empty points and its problems (one per line in the cell).

    >>> from cchc_score import load_rules, score_many
    >>> rules = load_rules("criteria_2022")
    >>> lines = results_csv(rules, score_many(rules, "examples/district_2022"))
    >>> next(lines)
    'unit,total,max,rating,I,II,III,IV,V,VI,VII,VIII,IX,source,line,problems\\n'
    """
    codes = [d.code for d in rules.domains]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Sequence[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(_csv_cells(cells))
        return buffer.getvalue()

    yield line(["unit", "total", "max", "rating", *codes, "source", "line", "problems"])
    for result in results:
        yield line(
            [
                result.unit,
                *_unit_cells(result.scorecard if result.ok else None, codes, lang),
                *_where_cells(result.source, result.line),
                "\n".join(p.text(lang) for p in result.problems),
            ]
        )
