"""The deduction ledger (``explain``): what lost points, why, and where each criterion
comes from."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..words import text, written_in
from .common import Format, document, fixed, json_points, points, shown, to_json
from .scorecard import node_json

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..evaluation import NodeScore, Scorecard
    from ..numbers import Lang

__all__ = ["render_ledger"]


def _what_lost(nodes: Iterable[NodeScore], lang: Lang) -> str:
    """The nodes that lost points, criteria and domains apart: "18 tiêu chí và lĩnh vực
    IX", "1 criterion", "domains IV, IX" (a domain is in the ledger when it is scored as
    a whole, as a survey's points are)."""
    domains = [n.code for n in nodes if n.depth == 0]
    count = sum(1 for n in nodes if n.depth > 0)
    parts = []
    if count:
        one = count == 1
        parts.append(text("report.criteria_one" if one else "report.criteria_many", lang, n=count))
    if domains:
        code = "report.domain_one" if len(domains) == 1 else "report.domain_many"
        parts.append(text(code, lang, codes=", ".join(domains)))
    if len(parts) == 2:
        return text("report.and", lang, first=parts[0], second=parts[1])
    return parts[0]


@shown
def render_ledger(
    card: Scorecard, code: str | None = None, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """The deduction ledger: every criterion that lost points, largest loss first.

    With ``code``, that node and everything under it instead, in tree order. Under each
    node, its sentence, then its provenance: the decision that defines it (``Căn cứ`` /
    ``Reference``) and what was seen or assumed (``Cơ sở xác định`` / ``Basis``), where the
    rules give them.
    """
    nodes: Iterable[NodeScore] = card.deductions() if code is None else card.subtree(code)
    nodes = tuple(nodes)
    places = card.rules.decimals
    if fmt == "json":
        lost = sum((n.deduction for n in card.deductions()), Decimal(0))
        return to_json(
            document(
                "explain",
                {
                    "unit": card.unit,
                    "total": json_points(card.total, places),
                    "lost": json_points(lost, places),
                    "nodes": [node_json(node, lang, places) for node in nodes],
                },
            )
        )
    if code is None:
        if not nodes:
            return text("report.no_loss", lang) + "\n"
        lost = sum((n.deduction for n in nodes), Decimal(0))
        what = _what_lost(nodes, lang)
        head = text("report.lost_head", lang, what=what, lost=points(lost, lang, places))
    else:
        head = text("report.ledger_node", lang, code=code)
    bold = "**" if fmt == "markdown" else ""
    item, indent = ("- ", "  ") if fmt == "markdown" else ("", "")
    lines = [f"{bold}{head}{bold}", ""]
    for node in nodes:
        score = f"{points(node.points, lang, places)}/{fixed(node.max, lang, places)}"
        loss = f"−{points(node.deduction, lang, places)}" if node.deduction else " 0"
        lines.append(f"{item}{node.code:<8} {loss:>6}  {score:>11}  {node.name(lang)}")
        lines.append(f"{indent}{'':<8} → {node.explanation(lang)}")
        if node.criterion.rule_provenance == "assumed":
            lines.append(f"{indent}{'':<8}   {text('provenance.assumed', lang)}")
        for key, said in (
            ("report.reference", node.criterion.reference),
            ("report.basis", node.criterion.basis),
        ):
            if said:
                shown = text(key, lang)
                if written_in(said) != lang:  # the rules file's own language, said so
                    shown = text("report.other_lang", lang, label=shown)
                lines.append(f"{indent}{'':<8}   {shown}: {said}")
    return "\n".join(lines) + "\n"
