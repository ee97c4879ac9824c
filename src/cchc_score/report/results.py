"""A results table's findings (``check-results``): a table, markdown or JSON.

Follows :mod:`.findings` (the reconciliation report): one row per finding in the table's
order, the count of errors and warnings under it, and JSON with every field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..words import text, text_n
from .common import Format, document, shown, style, to_json

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..numbers import Lang
    from ..results import ResultFinding

__all__ = ["render_results", "results_json"]


def results_json(findings: Sequence[ResultFinding], lang: Lang = "vi") -> dict[str, Any]:
    """The findings as JSON-ready data: ``errors``, ``warnings`` and ``findings`` (each
    ``severity``, ``row``, ``unit``, ``column``, ``kind``, ``stated``, ``computed``,
    ``message``; numbers as exact JSON numbers, as the table writes them), named by
    ``schema`` first (docs/json.md)."""
    errors = sum(1 for f in findings if f.severity == "error")
    return document(
        "check-results",
        {
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [
                {
                    "severity": f.severity,
                    "row": f.row,
                    "unit": f.unit,
                    "column": f.column,
                    "kind": f.kind,
                    "stated": f.stated,
                    "computed": f.computed,
                    "message": f.message(lang),
                }
                for f in findings
            ],
        },
    )


@shown
def render_results(
    findings: Sequence[ResultFinding], fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """The findings, one per row (severity, line, unit, column, what is wrong), then their
    count; a sentence when there is none."""
    if fmt == "json":
        return to_json(results_json(findings, lang))
    if not findings:
        return text("results.none", lang) + "\n"
    rows = [
        [text(f"results.{f.severity}", lang), f.row, f.unit, f.column, f.detail(lang)]
        for f in findings
    ]
    keys = ("severity", "line", "unit", "column", "finding")
    table = tabulate(
        rows,
        headers=[text(f"results.{key}", lang) for key in keys],
        disable_numparse=True,
        tablefmt=style(fmt),
        maxcolwidths=[None, None, 24, 24, 70] if fmt == "table" else None,
    )
    errors = sum(1 for f in findings if f.severity == "error")
    count = text(
        "results.count",
        lang,
        errors=text_n("count.error", errors, lang),
        warnings=text_n("count.warning", len(findings) - errors, lang),
    )
    return f"{table}\n\n{count}\n"
