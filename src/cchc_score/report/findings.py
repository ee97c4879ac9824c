"""What an appraisal annex says and where its arithmetic disagrees: the imported rows and
tasks (``import-annex``) and the reconciliation findings (``reconcile``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..numbers import format_number
from ..words import text
from .common import Format, json_optional, json_value, shown, style, to_json

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from ..annex import Appraisal
    from ..numbers import Lang
    from ..plan import Plan, Task
    from ..reconcile import Finding

__all__ = ["appraisal_json", "findings_json", "render_appraisal", "render_findings", "task_json"]


def appraisal_json(appraisal: Appraisal, plan: Plan) -> dict[str, Any]:
    """An imported annex as JSON-ready data: ``unit``, ``year``, ``nodes`` and ``tasks``."""
    return {
        "source": appraisal.source,
        "unit": appraisal.unit,
        "year": appraisal.year,
        "total": json_optional(appraisal.total),
        "rating": appraisal.rating,
        "nodes": [
            {
                "code": node.code,
                "level": node.level,
                "name": node.name,
                "max": json_optional(node.max),
                "score": json_optional(node.score),
                "stated_deduction": json_optional(node.stated_deduction),
                "reason": node.reason,
                "line": node.line,
            }
            for node in appraisal.nodes
        ],
        "tasks": [task_json(task) for task in plan.tasks],
    }


def task_json(task: Task) -> dict[str, Any]:
    """A plan's task as JSON-ready data."""
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
        "effort": json_optional(task.effort),
        "probability": json_value(task.probability),
    }


@shown
def render_appraisal(
    appraisal: Appraisal, plan: Plan, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """An imported annex: its rows, then its tasks."""
    if fmt == "json":
        return to_json(appraisal_json(appraisal, plan))

    def show(value: Decimal | None) -> str:
        return "" if value is None else format_number(value, lang)

    rows = [
        [n.line, n.code, n.name[:60], show(n.max), show(n.score), show(n.stated_deduction)]
        for n in appraisal.nodes
    ]
    nodes = tabulate(
        rows,
        headers=[
            text(f"report.{key}", lang)
            for key in ("line", "code", "row_name", "row_max", "row_score", "row_stated")
        ],
        tablefmt=style(fmt),
        disable_numparse=True,
    )
    tasks = tabulate(
        [
            [t.id, t.lead, t.deadline.text, t.deadline.date.isoformat() if t.deadline.date else "—"]
            for t in plan.tasks
        ],
        headers=[text(f"report.{key}", lang) for key in ("task", "lead", "deadline", "date")],
        tablefmt=style(fmt),
        disable_numparse=True,
    )
    total = (
        ""
        if appraisal.total is None
        else f"\n{text('report.stated_total', lang, total=show(appraisal.total))}\n"
    )
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
                "stated": json_optional(f.stated)
                if f.stated is not None
                else f.stated_text or None,
                "computed": json_optional(f.computed)
                if f.computed is not None
                else f.computed_text or None,
                "line": f.line,
                "message": f.message(lang),
            }
            for f in findings
        ],
    }


@shown
def render_findings(findings: Sequence[Finding], fmt: Format = "table", lang: Lang = "vi") -> str:
    """Reconciliation findings, one per row, in annex order."""
    if fmt == "json":
        return to_json(findings_json(findings, lang))
    if not findings:
        return text("report.findings_none", lang) + "\n"
    rows = [
        [f.severity, f.code, "" if f.line is None else f.line, f.message(lang)] for f in findings
    ]
    table = tabulate(
        rows,
        headers=[text(f"report.{key}", lang) for key in ("severity", "code", "line", "finding")],
        disable_numparse=True,
        tablefmt=style(fmt),
        maxcolwidths=[None, None, None, 90] if fmt == "table" else None,
    )
    errors = sum(1 for f in findings if f.severity == "error")
    count = text("report.findings_count", lang, errors=errors, warnings=len(findings) - errors)
    return f"{table}\n\n{count}\n"
