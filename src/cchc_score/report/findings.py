"""What an appraisal annex says and where its arithmetic disagrees: the imported rows and
tasks (``import-annex``) and the reconciliation findings (``reconcile``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from .. import syntax
from ..numbers import format_date
from ..words import text, text_n
from .common import (
    ANNEX_DECIMALS,
    Format,
    document,
    fixed,
    heading,
    json_optional,
    json_value,
    points,
    shown,
    style,
    to_json,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from ..annex import Appraisal
    from ..numbers import Lang
    from ..plan import Plan, Task
    from ..reconcile import DomainSummary, Finding, Summary

__all__ = [
    "appraisal_json",
    "findings_json",
    "render_appraisal",
    "render_findings",
    "summary_json",
    "task_json",
]


def appraisal_json(appraisal: Appraisal, plan: Plan) -> dict[str, Any]:
    """An imported annex as JSON-ready data: ``unit``, ``year``, ``nodes`` and ``tasks``."""
    return {
        "source": appraisal.source,
        "unit": appraisal.unit,
        "year": appraisal.year,
        "total": json_optional(appraisal.total),
        "rating": None
        if appraisal.rating is None
        else {"code": syntax.slug(appraisal.rating), "name": appraisal.rating},
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
        "effort": json_value(task.effort),
        "probability": json_value(task.probability),
    }


@shown
def render_appraisal(
    appraisal: Appraisal, plan: Plan, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """An imported annex: its rows, then its tasks."""
    if fmt == "json":
        return to_json(document("import-annex", appraisal_json(appraisal, plan)))

    def show(value: Decimal | None) -> str:
        return "" if value is None else fixed(value, lang, ANNEX_DECIMALS)

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
            [
                t.id,
                t.lead,
                t.deadline.text,
                format_date(t.deadline.date, lang) if t.deadline.date else "—",
            ]
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


def findings_json(
    findings: Sequence[Finding], lang: Lang = "vi", summary: Summary | None = None
) -> dict[str, Any]:
    """Reconciliation findings as JSON-ready data; with a summary, also ``domains``,
    ``total`` and ``text_taken`` (see :func:`summary_json`)."""
    places = ANNEX_DECIMALS if summary is None else summary.decimals
    data = {
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "findings": [
            {
                "severity": f.severity,
                "code": f.code,
                "kind": f.kind,
                "stated": json_optional(f.stated, places)
                if f.stated is not None
                else f.stated_text or None,
                "computed": json_optional(f.computed, places)
                if f.computed is not None
                else f.computed_text or None,
                "line": f.line,
                "message": f.message(lang),
            }
            for f in findings
        ],
    }
    return data if summary is None else data | summary_json(summary)


def summary_json(summary: Summary) -> dict[str, Any]:
    """What a reconciliation costs as JSON-ready data: ``domains`` (each ``code``, ``name``,
    ``line``, ``max``, ``stated``, ``criteria``, ``deductions``, ``from_criteria``,
    ``recomputed``, ``agrees``), ``total`` (``stated``, ``from_domains``, ``from_criteria``,
    ``recomputed``, ``recomputed_from``) and ``text_taken`` (the rows whose text's deduction
    was taken: ``code``, ``line``, ``stated_deduction``, ``max_minus_score``)."""
    places = summary.decimals
    return {
        "domains": [
            {
                "code": d.code,
                "name": d.name,
                "line": d.line,
                "max": json_optional(d.max, places),
                "stated": json_optional(d.stated, places),
                "criteria": d.criteria,
                "deductions": json_optional(d.deductions, places),
                "from_criteria": json_optional(d.from_criteria, places),
                "recomputed": json_optional(d.recomputed, places),
                "agrees": d.agrees,
            }
            for d in summary.domains
        ],
        "total": {
            "stated": json_optional(summary.stated, places),
            "from_domains": json_optional(summary.from_domains, places),
            "from_criteria": json_optional(summary.from_criteria, places),
            "recomputed": json_optional(summary.recomputed, places),
            "recomputed_from": summary.basis,
        },
        "text_taken": [
            {
                "code": n.code,
                "line": n.line,
                "stated_deduction": json_optional(n.stated_deduction, places),
                "max_minus_score": json_optional(n.deduction, places),
            }
            for n in summary.text_taken
        ],
    }


@shown
def render_findings(
    findings: Sequence[Finding],
    fmt: Format = "table",
    lang: Lang = "vi",
    summary: Summary | None = None,
) -> str:
    """Reconciliation findings, one per row, in annex order; with a summary, then the points
    by domain (stated, from the listed criteria, recomputed) and the total each way."""
    if fmt == "json":
        return to_json(document("reconcile", findings_json(findings, lang, summary)))
    consequence = "" if summary is None else "\n" + _render_summary(summary, fmt, lang)
    if not findings:
        return text("report.findings_none", lang) + "\n" + consequence
    rows = [
        [
            text(f"report.severity_{f.severity}", lang),
            f.code,
            "" if f.line is None else f.line,
            f.message(lang),
        ]
        for f in findings
    ]
    table = tabulate(
        rows,
        headers=[text(f"report.{key}", lang) for key in ("severity", "code", "line", "finding")],
        disable_numparse=True,
        tablefmt=style(fmt),
        maxcolwidths=[None, None, None, 90] if fmt == "table" else None,
    )
    errors = sum(1 for f in findings if f.severity == "error")
    count = text(
        "report.findings_count",
        lang,
        errors=text_n("count.error", errors, lang),
        warnings=text_n("count.warning", len(findings) - errors, lang),
    )
    return f"{table}\n\n{count}\n{consequence}"


def _render_summary(summary: Summary, fmt: Format, lang: Lang) -> str:
    def show(value: Decimal | None) -> str:
        return "—" if value is None else points(value, lang, summary.decimals)

    def check(domain: DomainSummary) -> str:
        if domain.agrees is None:
            return "—"
        return text("report.domain_agrees" if domain.agrees else "report.domain_differs", lang)

    basis = summary.basis
    rows = [
        [
            d.code,
            d.name if len(d.name) <= 32 else d.name[:31] + "…",
            show(d.max),
            show(d.stated),
            d.criteria,
            show(d.deductions),
            show(d.from_criteria),
            *([show(d.recomputed)] if basis else []),
            check(d),
        ]
        for d in summary.domains
    ]
    keys = ["code", "domain", "row_max", "domain_stated", "domain_criteria"]
    keys += ["domain_deductions", "domain_from_criteria", *([f"domain_{basis}"] if basis else [])]
    table = tabulate(
        rows,
        headers=[text(f"report.{key}", lang) for key in [*keys, "domain_check"]],
        tablefmt=style(fmt),
        disable_numparse=True,
        colalign=("left", "left", *["right"] * (len(keys) - 2), "left"),
    )
    notes = [
        text(
            "reconcile.text_taken",
            lang,
            row=text(
                "reconcile.row_line",
                lang,
                row=text("reconcile.row_criterion", lang, code=n.code),
                line=n.line,
            ),
            stated=show(n.stated_deduction),
            computed=show(n.deduction),
        )
        for n in summary.text_taken
    ]
    alone = [d.code for d in summary.domains if d.criteria == 0]
    if alone:
        notes.append(text("reconcile.alone", lang, codes=", ".join(alone)))
    parts = [
        text(f"reconcile.total_{key}", lang, points=show(value))
        for key, value in (
            ("domains", summary.from_domains),
            ("stated", summary.stated),
            ("criteria", summary.from_criteria),
            (basis or "", summary.recomputed),
        )
        if value is not None
    ]
    if parts:
        total = "; ".join(parts)
        notes.append(total[:1].upper() + total[1:] + ".")
    # Markdown joins adjacent lines into one paragraph: keep each note apart.
    between = "\n\n" if fmt == "markdown" else "\n"
    out = f"{heading(text('report.domains', lang), fmt)}\n\n{table}\n"
    return out + (f"\n{between.join(notes)}\n" if notes else "")
