"""One unit's scorecard: the table of domains (or deeper), the total and rating, and JSON.

Each node's JSON carries its provenance (``reference``, ``basis``) and the facts it read,
each with its declared ``unit``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kinds import kind_of
from ..kinds.facttypes import fact_type
from ..numbers import format_number
from ..words import text, text_n
from .common import (
    Format,
    band_shown,
    document,
    fixed,
    json_points,
    points,
    rating_json,
    shown,
    style,
    to_json,
)
from .table import Align, simple_table

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..evaluation import Difference, NodeScore, Scorecard
    from ..model import Rule, RuleSet
    from ..numbers import Lang

__all__ = [
    "node_json",
    "render_differences",
    "render_scorecard",
    "rule_json",
    "ruleset_summary",
    "scorecard_json",
]


def rule_json(rule: Rule) -> dict[str, Any]:
    """A rule's kind and parameters as JSON-ready data (decimals as ``Decimal``, written as
    JSON numbers): each kind says how (:meth:`cchc_score.kinds.RuleKind.to_json`)."""
    return kind_of(rule).to_json(rule)


def node_json(node: NodeScore, lang: Lang, decimals: int = 2) -> dict[str, Any]:
    """One node's result as JSON-ready data: points, rule, inputs (each fact's value and
    unit), the sentence, and where the criterion comes from (``reference``, ``basis``).
    Points, maximum and deduction carry the rule set's ``decimals``."""
    return {
        "code": node.code,
        "name": node.name(lang),
        "max": json_points(node.max, decimals),
        "points": json_points(node.points, decimals),
        "deduction": json_points(node.deduction, decimals),
        "depth": node.depth,
        "status": node.status,
        "rule": rule_json(node.criterion.rule),
        "inputs": {
            fact.name: {"value": fact_type(fact).json_value(value), "unit": fact.unit}
            for fact, value in node.inputs
        },
        "explanation": node.explanation(lang),
        "reference": node.criterion.reference,
        "basis": node.criterion.basis,
        "provenance": node.criterion.rule_provenance,
        "estimated": list(node.estimated),
    }


def scorecard_json(card: Scorecard, lang: Lang = "vi") -> dict[str, Any]:
    """The whole scorecard as JSON-ready data: total, max, rating (``code`` and ``name``)
    and every node; points with the rule set's ``decimals``."""
    places = card.rules.decimals
    return {
        "unit": card.unit,
        "year": card.year,
        "rules": card.rules.id,
        "total": json_points(card.total, places),
        "max": json_points(card.max, places),
        "rating": rating_json(card.rating, lang),
        "nodes": [node_json(node, lang, places) for node in card.nodes],
        "differences": [
            {
                "code": d.code,
                "computed": json_points(d.computed, places),
                "appraised": json_points(d.appraised, places),
            }
            for d in card.differences()
        ],
    }


def _differences(card: Scorecard, fmt: Format, lang: Lang) -> str:
    return render_differences(card.differences(), card.rules.decimals, fmt, lang)


def render_differences(
    found: Sequence[Difference], places: int, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """The criteria whose points from facts differ from their appraised points: a heading
    and a table, or nothing."""
    if not found:
        return ""
    rows = [
        [d.code, points(d.computed, lang, places), fixed(d.appraised, lang, places)] for d in found
    ]
    headers = [text("report.code", lang), text("eval.computed", lang), text("eval.appraised", lang)]
    table = _table(rows, headers, fmt, ("left", "right", "right"))
    heading = text("eval.differences", lang, n=len(found))
    if fmt == "markdown":
        return f"**{heading}**\n\n{table}\n\n"
    return f"{heading}\n\n{table}\n\n"


@shown
def render_scorecard(
    card: Scorecard, fmt: Format = "table", lang: Lang = "vi", depth: int = 1
) -> str:
    """The scorecard as a table of nodes down to ``depth`` (1 = domains), then total, rating.

    Points are shown with the rule set's ``decimals``. With ``fmt="json"`` every node is
    included, whatever ``depth``.
    """
    if fmt == "json":
        return to_json(document("score", scorecard_json(card, lang)))
    places = card.rules.decimals
    rows = [
        [
            node.code,
            "  " * node.depth + node.name(lang) + _mark(node),
            fixed(node.max, lang, places),
            points(node.points, lang, places),
            points(node.deduction, lang, places),
        ]
        for node in card.nodes
        if node.depth < depth
    ]
    headers = [
        text(f"report.{key}", lang) for key in ("code", "name", "max", "points", "deduction")
    ]
    table = _table(
        rows,
        headers,
        fmt,
        ("left", "left", "right", "right", "right"),
        [None, 70, None, None, None],
    )
    if card.year is None:
        title = text("report.unit", lang, unit=card.unit)
    else:
        title = text("report.unit_year", lang, unit=card.unit, year=card.year)
    total = (
        f"{text('report.total', lang)}: "
        f"{points(card.total, lang, places)}/{fixed(card.max, lang, places)}"
    )
    rating = (
        f"{text('report.rating', lang)}: {band_shown(card, lang) or text('report.no_rating', lang)}"
    )
    differences = _differences(card, fmt, lang)
    assumed = sum(1 for n in card.rules.nodes() if n.rule_provenance == "assumed")
    note = text_n("provenance.note", assumed, lang, mark=ASSUMED_MARK) + "\n" if assumed else ""
    if fmt == "markdown":
        return f"**{title}**\n\n{table}\n\n{differences}**{total}**. {rating}.\n\n{note}"
    return f"{title}\n\n{table}\n\n{differences}{total}\n{rating}\n{note}"


def _table(
    rows: list[list[str]],
    headers: list[str],
    fmt: Format,
    colalign: tuple[Align, ...],
    maxcolwidths: list[int | None] | None = None,
) -> str:
    """A table in ``fmt``: a plain one without importing tabulate (:mod:`.table`; a tenth of
    the start), Markdown through tabulate; ``maxcolwidths`` wraps plain tables only."""
    if fmt == "table":
        return simple_table(rows, headers, colalign, maxcolwidths)
    from tabulate import tabulate

    markdown: str = tabulate(
        rows, headers=headers, tablefmt=style(fmt), disable_numparse=True, colalign=colalign
    )
    return markdown


#: The mark after the name of a criterion whose rule is assumed, in tables.
ASSUMED_MARK = "†"


def _mark(node: NodeScore) -> str:
    return f" {ASSUMED_MARK}" if node.criterion.rule_provenance == "assumed" else ""


@shown
def ruleset_summary(rules: RuleSet, lang: Lang = "vi") -> str:
    """One line saying what a valid rule set holds, in ``lang``."""
    nodes = list(rules.nodes())
    leaves = sum(1 for n in nodes if n.is_leaf)
    return text(
        "report.ruleset_summary",
        lang,
        source=rules.source or rules.id,
        name=rules.name,
        max=format_number(rules.max, lang),
        domains=text_n("count.domain", len(rules.domains), lang),
        criteria=text_n("count.criterion", len(nodes) - len(rules.domains), lang),
        leaves=leaves,
        facts=text_n("count.fact", len(rules.facts), lang),
        bands=text_n("count.band", len(rules.bands), lang),
    )
