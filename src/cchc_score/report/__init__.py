"""Results as people and programs read them: tables (tabulate), text ledgers, JSON, CSV and
workbooks; one module per subject.

=============  ==========================================================================
scorecard      one unit's score table and JSON, a rule's JSON, a rule set's summary
ledger         ``explain``: what lost points, why, and where each criterion comes from
findings       an imported annex and its reconciliation findings
projection     a projection: totals, distribution, ratings, timeline, gains, domains
plan           the best plan for a budget and its frontier
batch          many units: ranking, loss table, CSV
workbook       many units as an Excel workbook (loss heat map, chart of totals)
diff           what changed between two rule sets, and one unit's score under both
rule_pages     the rule pages: a Markdown page per domain and criterion, and an index
unit           one unit's report bundle (UnitReport): scored, reconciled, projected, planned
unit_xlsx      one unit's workbook: five sheets, two native charts
unit_docx      the remediation-plan annex as a Word file, read back by import-annex
unit_html      one unit's printable page
batch_html     many units' printable page: ranking, loss heat map
html           the pieces of a self-contained page: escaping, tables, sections, style
charts         charts from the plot extra as inline SVG (lazily; None without it)
sheets         the workbooks' house style: cells, number formats, widths
common         formats, JSON values, points at the rule set's decimals, table styles
=============  ==========================================================================

Every word comes from :mod:`cchc_score.words`; every value from :mod:`cchc_score.values`.
Nothing here reads or writes files; openpyxl, python-docx and the plot extra are imported
only when their file is asked for.
"""

import typing

from .. import lazy

if typing.TYPE_CHECKING:  # imported on first use, so that a command loads only its own output
    from .batch import (
        Part,
        batch_json,
        losses_csv,
        losses_json,
        ranking_csv,
        ranking_json,
        render_batch,
        results_csv,
    )
    from .batch_html import batch_html
    from .charts import batch_charts, unit_charts
    from .common import Format, to_json
    from .diff import diff_json, render_diff
    from .findings import appraisal_json, findings_json, render_appraisal, render_findings
    from .ledger import render_ledger
    from .plan import best_plan_json, render_best_plan
    from .projection import projection_json, render_projection
    from .rule_pages import rule_pages
    from .scorecard import (
        render_differences,
        render_scorecard,
        rule_json,
        ruleset_summary,
        scorecard_json,
    )
    from .unit import UnitReport, unit_report
    from .unit_docx import plan_docx
    from .unit_html import unit_html
    from .unit_xlsx import unit_xlsx
    from .workbook import EXCEL_MISSING, batch_xlsx

lazy.lazy_package(
    __name__,
    {
        "EXCEL_MISSING": ".workbook",
        "Format": ".common",
        "Part": ".batch",
        "UnitReport": ".unit",
        "appraisal_json": ".findings",
        "batch_charts": ".charts",
        "batch_html": ".batch_html",
        "batch_json": ".batch",
        "batch_xlsx": ".workbook",
        "best_plan_json": ".plan",
        "diff_json": ".diff",
        "findings_json": ".findings",
        "losses_csv": ".batch",
        "losses_json": ".batch",
        "plan_docx": ".unit_docx",
        "projection_json": ".projection",
        "ranking_csv": ".batch",
        "ranking_json": ".batch",
        "render_appraisal": ".findings",
        "render_batch": ".batch",
        "render_best_plan": ".plan",
        "render_diff": ".diff",
        "render_differences": ".scorecard",
        "render_findings": ".findings",
        "render_ledger": ".ledger",
        "render_projection": ".projection",
        "render_scorecard": ".scorecard",
        "results_csv": ".batch",
        "rule_json": ".scorecard",
        "rule_pages": ".rule_pages",
        "ruleset_summary": ".scorecard",
        "scorecard_json": ".scorecard",
        "to_json": ".common",
        "unit_charts": ".charts",
        "unit_html": ".unit_html",
        "unit_report": ".unit",
        "unit_xlsx": ".unit_xlsx",
    },
)

__all__ = [
    "EXCEL_MISSING",
    "Format",
    "Part",
    "UnitReport",
    "appraisal_json",
    "batch_charts",
    "batch_html",
    "batch_json",
    "batch_xlsx",
    "best_plan_json",
    "diff_json",
    "findings_json",
    "losses_csv",
    "losses_json",
    "plan_docx",
    "projection_json",
    "ranking_csv",
    "ranking_json",
    "render_appraisal",
    "render_batch",
    "render_best_plan",
    "render_diff",
    "render_differences",
    "render_findings",
    "render_ledger",
    "render_projection",
    "render_scorecard",
    "results_csv",
    "rule_json",
    "rule_pages",
    "ruleset_summary",
    "scorecard_json",
    "to_json",
    "unit_charts",
    "unit_html",
    "unit_report",
    "unit_xlsx",
]
