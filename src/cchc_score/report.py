"""Results as people and programs read them: tables (tabulate), text ledgers and JSON.

Every function here turns values into text or JSON-ready dicts; none reads or writes files.
Decimals go into JSON as strings, so nothing is lost to floating point.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs
from tabulate import tabulate

from .numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .annex import Appraisal
    from .evaluation import NodeScore, Scorecard
    from .evidence import FactValue
    from .model import Rule, RuleSet
    from .numbers import Lang
    from .plan import Plan, Task
    from .reconcile import Finding

__all__ = [
    "Format",
    "appraisal_json",
    "findings_json",
    "render_appraisal",
    "render_findings",
    "render_ledger",
    "render_scorecard",
    "rule_json",
    "ruleset_summary",
    "scorecard_json",
    "to_json",
]

Format = Literal["table", "markdown", "json"]

_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "code": "Mã",
        "name": "Lĩnh vực, tiêu chí",
        "max": "Điểm tối đa",
        "points": "Điểm đạt",
        "deduction": "Điểm trừ",
        "total": "Tổng điểm",
        "rating": "Xếp loại",
        "none": "không xếp loại",
        "unit": "Đơn vị",
        "year": "năm",
        "ledger": "Các tiêu chí bị trừ điểm",
        "ledger_node": "Điểm của {code} và các tiêu chí thành phần",
        "no_loss": "Không có tiêu chí nào bị trừ điểm.",
        "lost": "trừ {lost} điểm",
    },
    "en": {
        "code": "Code",
        "name": "Domain, criterion",
        "max": "Maximum",
        "points": "Points",
        "deduction": "Deduction",
        "total": "Total",
        "rating": "Rating",
        "none": "no rating",
        "unit": "Unit",
        "year": "year",
        "ledger": "Criteria that lost points",
        "ledger_node": "Points of {code} and everything under it",
        "no_loss": "No criterion lost points.",
        "lost": "lost {lost}",
    },
}


def to_json(value: Any) -> str:
    """JSON text with Vietnamese kept readable (not ``\\u`` escaped) and a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _points(value: Decimal, lang: Lang) -> str:
    return format_number(value.quantize(Decimal("0.01")), lang)


def _json_value(value: FactValue | Decimal) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def rule_json(rule: Rule) -> dict[str, Any]:
    """A rule's kind and parameters as JSON-ready data (decimals as strings)."""
    out: dict[str, Any] = {"kind": rule.kind}
    for field in attrs.fields(type(rule)):
        value = getattr(rule, field.name)
        if field.name == "kind" or value is None:
            continue
        if field.name == "steps":
            out["steps"] = [
                {"min": _json_value(s.min), "points": _json_value(s.points)} for s in value
            ]
        elif field.name in ("points", "items"):
            out[field.name] = {name: _json_value(points) for name, points in value}
        else:
            out[field.name] = _json_value(value)
    return out


def _node_json(node: NodeScore, lang: Lang) -> dict[str, Any]:
    return {
        "code": node.code,
        "name": node.name(lang),
        "max": _json_value(node.max),
        "points": _json_value(node.points),
        "deduction": _json_value(node.deduction),
        "depth": node.depth,
        "status": node.status,
        "rule": rule_json(node.criterion.rule),
        "inputs": {fact.name: _json_value(value) for fact, value in node.inputs},
        "explanation": node.explanation(lang),
    }


def scorecard_json(card: Scorecard, lang: Lang = "vi") -> dict[str, Any]:
    """The whole scorecard as JSON-ready data: total, max, rating and every node."""
    return {
        "unit": card.unit,
        "year": card.year,
        "rules": card.rules.id,
        "total": _json_value(card.total),
        "max": _json_value(card.max),
        "rating": _band_name(card, lang),
        "nodes": [_node_json(node, lang) for node in card.nodes],
    }


def _band_name(card: Scorecard, lang: Lang) -> str | None:
    band = card.rating
    if band is None:
        return None
    return band.name_en if lang == "en" and band.name_en else band.name


def render_scorecard(
    card: Scorecard, fmt: Format = "table", lang: Lang = "vi", depth: int = 1
) -> str:
    """The scorecard as a table of nodes down to ``depth`` (1 = domains), then total, rating.

    With ``fmt="json"`` every node is included, whatever ``depth``.
    """
    if fmt == "json":
        return to_json(scorecard_json(card, lang))
    words = _LABELS[lang]
    rows = [
        [
            node.code,
            "  " * node.depth + node.name(lang),
            format_number(node.max, lang),
            _points(node.points, lang),
            _points(node.deduction, lang),
        ]
        for node in card.nodes
        if node.depth < depth
    ]
    headers = [words["code"], words["name"], words["max"], words["points"], words["deduction"]]
    table = tabulate(
        rows,
        headers=headers,
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
        colalign=("left", "left", "right", "right", "right"),
        maxcolwidths=[None, 70, None, None, None] if fmt == "table" else None,
    )
    title = f"{words['unit']}: {card.unit}" + (
        f", {words['year']} {card.year}" if card.year is not None else ""
    )
    total = f"{words['total']}: {_points(card.total, lang)}/{format_number(card.max, lang)}"
    rating = f"{words['rating']}: {_band_name(card, lang) or words['none']}"
    if fmt == "markdown":
        return f"**{title}**\n\n{table}\n\n**{total}**. {rating}.\n"
    return f"{title}\n\n{table}\n\n{total}\n{rating}\n"


def render_ledger(
    card: Scorecard, code: str | None = None, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """The deduction ledger: every criterion that lost points, largest loss first.

    With ``code``, that node and everything under it instead, in tree order.
    """
    nodes: Iterable[NodeScore] = card.deductions() if code is None else card.subtree(code)
    nodes = tuple(nodes)
    if fmt == "json":
        return to_json(
            {
                "unit": card.unit,
                "total": _json_value(card.total),
                "lost": _json_value(sum((n.deduction for n in card.deductions()), Decimal(0))),
                "nodes": [_node_json(node, lang) for node in nodes],
            }
        )
    words = _LABELS[lang]
    if code is None:
        lost = sum((n.deduction for n in nodes), Decimal(0))
        head = f"{words['ledger']} ({len(nodes)}, {words['lost'].format(lost=_points(lost, lang))})"
        if not nodes:
            return words["no_loss"] + "\n"
    else:
        head = words["ledger_node"].format(code=code)
    bold = "**" if fmt == "markdown" else ""
    lines = [f"{bold}{head}{bold}", ""]
    for node in nodes:
        score = f"{_points(node.points, lang)}/{format_number(node.max, lang)}"
        loss = f"−{_points(node.deduction, lang)}" if node.deduction else " 0"
        lines.append(
            f"{'- ' if fmt == 'markdown' else ''}{node.code:<8} {loss:>6}  {score:>11}  "
            f"{node.name(lang)}"
        )
        lines.append(f"{'  ' if fmt == 'markdown' else ''}{'':<8} → {node.explanation(lang)}")
    return "\n".join(lines) + "\n"


def ruleset_summary(rules: RuleSet) -> str:
    """One line saying what a valid rule set holds."""
    nodes = list(rules.nodes())
    leaves = sum(1 for n in nodes if n.is_leaf)
    return (
        f"{rules.source or rules.id}: OK: {rules.name}; {format_number(rules.max, 'en')} points, "
        f"{len(rules.domains)} domains, {len(nodes) - len(rules.domains)} criteria "
        f"({leaves} scored by rules or appraisal), {len(rules.facts)} facts, "
        f"{len(rules.bands)} rating bands"
    )


# --------------------------------------------------------------------------- annex


def appraisal_json(appraisal: Appraisal, plan: Plan) -> dict[str, Any]:
    """An imported annex as JSON-ready data: ``nodes`` and ``tasks``."""
    return {
        "source": appraisal.source,
        "total": _json_value(appraisal.total) if appraisal.total is not None else None,
        "rating": appraisal.rating,
        "nodes": [
            {
                "code": node.code,
                "level": node.level,
                "name": node.name,
                "max": _optional(node.max),
                "score": _optional(node.score),
                "stated_deduction": _optional(node.stated_deduction),
                "reason": node.reason,
                "line": node.line,
            }
            for node in appraisal.nodes
        ],
        "tasks": [_task_json(task) for task in plan.tasks],
    }


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else _json_value(value)


def _task_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "criteria": list(task.criteria),
        "action": task.action,
        "lead": task.lead,
        "partners": list(task.partners),
        "deadline_text": task.deadline.text,
        "deadline": task.deadline.date.isoformat() if task.deadline.date else None,
        "deadline_kind": task.deadline.kind,
        "effect": task.effect.kind,
        "effect_stated": task.effect_stated,
        "effort": _optional(task.effort),
        "probability": _json_value(task.probability),
    }


def render_appraisal(appraisal: Appraisal, plan: Plan, fmt: Format = "table") -> str:
    """An imported annex: its rows, then its tasks."""
    if fmt == "json":
        return to_json(appraisal_json(appraisal, plan))
    style = "github" if fmt == "markdown" else "simple"

    def show(value: Decimal | None) -> str:
        return "" if value is None else format_number(value, "vi")

    rows = [
        [n.line, n.code, n.name[:60], show(n.max), show(n.score), show(n.stated_deduction)]
        for n in appraisal.nodes
    ]
    nodes = tabulate(
        rows,
        headers=["Dòng", "Mã", "Tên", "Tối đa", "Điểm chấm", "Trừ (ghi)"],
        tablefmt=style,
        disable_numparse=True,
    )
    tasks = tabulate(
        [
            [t.id, t.lead, t.deadline.text, t.deadline.date.isoformat() if t.deadline.date else "—"]
            for t in plan.tasks
        ],
        headers=["Nhiệm vụ", "Chủ trì", "Thời hạn", "Ngày"],
        tablefmt=style,
        disable_numparse=True,
    )
    total = "" if appraisal.total is None else f"\nTổng điểm ghi: {show(appraisal.total)}\n"
    return f"{nodes}\n{total}\n{tasks}\n"


def findings_json(findings: Sequence[Finding], lang: Lang = "vi") -> dict[str, Any]:
    """Reconciliation findings as JSON-ready data."""
    return {
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "findings": [
            {
                "severity": f.severity,
                "code": f.code,
                "kind": f.kind,
                "stated": _optional(f.stated) if f.stated is not None else f.stated_text or None,
                "computed": _optional(f.computed)
                if f.computed is not None
                else f.computed_text or None,
                "line": f.line,
                "message": f.message(lang),
            }
            for f in findings
        ],
    }


def render_findings(findings: Sequence[Finding], fmt: Format = "table", lang: Lang = "vi") -> str:
    """Reconciliation findings, one per row, in annex order."""
    if fmt == "json":
        return to_json(findings_json(findings, lang))
    words = {
        "vi": ("Không có sai lệch nào.", "lỗi", "cảnh báo"),
        "en": ("No inconsistency found.", "errors", "warnings"),
    }[lang]
    if not findings:
        return words[0] + "\n"
    rows = [
        [f.severity, f.code, "" if f.line is None else f.line, f.message(lang)] for f in findings
    ]
    headers = {
        "vi": ["Mức", "Mã", "Dòng", "Nội dung"],
        "en": ["Severity", "Code", "Line", "Finding"],
    }[lang]
    table = tabulate(
        rows,
        headers=headers,
        disable_numparse=True,
        tablefmt="github" if fmt == "markdown" else "simple",
        maxcolwidths=[None, None, None, 90] if fmt == "table" else None,
    )
    errors = sum(1 for f in findings if f.severity == "error")
    return f"{table}\n\n{errors} {words[1]}, {len(findings) - errors} {words[2]}\n"
