"""The command line's grammar: every command, its arguments and options, and the handler
that carries it out."""

from __future__ import annotations

import argparse
import importlib
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import __version__
from . import commands as handlers
from .options import date, decimal, ids, positive_int, year

if TYPE_CHECKING:
    from ..numbers import Lang

#: Commands that live in a module of their own (``cli/cmd_<name>.py``): each module has
#: ``register(commands, lang)``, which adds its subparser (help texts from the word
#: catalogue, in ``lang``) and sets its handler. A new command goes in such a module, not in
#: :mod:`.commands`.
COMMAND_MODULES: tuple[str, ...] = (
    "cmd_diff",
    "cmd_test",
    "cmd_evidence_template",
    "cmd_docs",
    "cmd_report",
    "cmd_chart",
    "cmd_check_results",
)


def build_parser(lang: Lang = "vi") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc-score",
        description="Score, explain and check Vietnam's commune-level PAR Index (Chỉ số CCHC).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate a rules file")
    check.add_argument(
        "rules", metavar="RULES", help="a rules file, or a bundled name such as criteria_2022"
    )
    check.set_defaults(handler=handlers.cmd_check)

    score = commands.add_parser("score", help="score one unit's evidence")
    _evidence_arguments(score)
    score.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    score.add_argument(
        "--depth",
        type=positive_int,
        default=1,
        metavar="N",
        help="tree levels in the table: 1 = domains (default), 2 = with criteria",
    )
    score.set_defaults(handler=handlers.cmd_score)

    explain = commands.add_parser("explain", help="list the deductions, largest first")
    _evidence_arguments(explain)
    explain.add_argument(
        "code", metavar="CODE", nargs="?", help="show this node and everything under it instead"
    )
    explain.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    explain.set_defaults(handler=handlers.cmd_explain)

    annex = commands.add_parser(
        "import-annex", help="read an appraisal annex (.docx, or TSV/CSV text)"
    )
    annex.add_argument(
        "annex",
        metavar="ANNEX",
        help="the annex: a Word file (.docx, needs the docx extra), or its table as Word "
        "exports it (.tsv, .txt; UTF-8 or UTF-16) or .csv",
    )
    annex.add_argument(
        "--unit",
        metavar="NAME",
        help="the unit's name, e.g. 'Phường Bình An' (default: from the annex's title)",
    )
    annex.add_argument(
        "--year", type=year, metavar="YEAR", help="the index year (default: from the title)"
    )
    annex.add_argument(
        "--rules",
        metavar="R",
        default="criteria_2022",
        help="the rules the evidence.toml written by --out is for (default: criteria_2022)",
    )
    annex.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    annex.add_argument(
        "--out", metavar="DIR", help="write appraisal.toml, evidence.toml and plan.toml there"
    )
    annex.add_argument("--force", action="store_true", help="overwrite files in --out")
    annex.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the table's labels"
    )
    annex.set_defaults(handler=handlers.cmd_import_annex)

    check_annex = commands.add_parser("reconcile", help="check an annex's arithmetic")
    check_annex.add_argument(
        "annex",
        metavar="ANNEX",
        help="an annex (.docx, .tsv, .txt, .csv) or an appraisal.toml written by import-annex",
    )
    check_annex.add_argument(
        "--rules", metavar="R", help="also compare maxima and codes with these rules"
    )
    check_annex.add_argument(
        "--evidence",
        metavar="E",
        help="the unit's evidence: recompute its points, and list each criterion whose "
        "points from the facts differ from the annex's",
    )
    check_annex.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    check_annex.add_argument("--lang", choices=("vi", "en"), default="vi")
    check_annex.set_defaults(handler=handlers.cmd_reconcile)

    project_cmd = commands.add_parser("project", help="project the score when tasks are done")
    _evidence_arguments(project_cmd)
    project_cmd.add_argument("plan", metavar="PLAN", help="a plan file (.toml)")
    project_cmd.add_argument(
        "--tasks",
        type=ids,
        metavar="ID,...",
        help="the tasks for the deterministic 'chosen' total",
    )
    project_cmd.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help="assessment date (2023-12-31 or 31/12/2023): tasks due after it are not counted",
    )
    project_cmd.add_argument("--target", metavar="T", help="a total or a rating name to reach")
    project_cmd.add_argument("--period", choices=("quarter", "month"), default="quarter")
    project_cmd.add_argument(
        "--rules-next", metavar="R", help="score the projection under next year's rules too"
    )
    project_cmd.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    project_cmd.set_defaults(handler=handlers.cmd_project)

    plan_cmd = commands.add_parser("plan", help="the best tasks for an effort budget")
    _evidence_arguments(plan_cmd)
    plan_cmd.add_argument("plan", metavar="PLAN", help="a plan file (.toml) with efforts")
    plan_cmd.add_argument(
        "--budget",
        type=decimal,
        metavar="N",
        help="person-days available (default with --target: the whole plan's effort)",
    )
    plan_cmd.add_argument(
        "--target", metavar="RATING", help="a rating name (or a total) to reach at least cost"
    )
    plan_cmd.add_argument(
        "--confidence",
        type=decimal,
        default=Decimal("0.8"),
        metavar="Q",
        help="probability the target must be reached with (default 0.8)",
    )
    plan_cmd.add_argument("--as-of", type=date, metavar="DATE")
    plan_cmd.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    plan_cmd.set_defaults(handler=handlers.cmd_plan)

    rank_cmd = commands.add_parser(
        "rank", help="score many units, rank them and show where they lost points"
    )
    rank_cmd.add_argument(
        "source",
        metavar="SOURCE",
        help="a folder of evidence files (.toml, .json), or a table (.csv, .tsv) with a row "
        "per unit",
    )
    rank_cmd.add_argument(
        "--rules",
        metavar="R",
        help="a rules file or bundled name (default: the one the units name)",
    )
    rank_cmd.add_argument(
        "--format",
        choices=handlers.RANK_FORMATS,
        help="default: from the extension of --out (.md, .csv, .json, .xlsx), else table",
    )
    rank_cmd.add_argument(
        "--by", choices=("domain",), help="add each domain's points to the ranking table"
    )
    rank_cmd.add_argument(
        "--only",
        choices=("ranking", "losses"),
        help="show only the ranking or only the loss table (a CSV holds one: the ranking "
        "unless --only losses)",
    )
    rank_cmd.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of labels, names and decimal marks (default: vi)",
    )
    rank_cmd.add_argument(
        "--out", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    rank_cmd.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    rank_cmd.set_defaults(handler=handlers.cmd_rank)

    demo = commands.add_parser(
        "demo", help="the main job on the bundled example ward, or on your own annex"
    )
    demo.add_argument(
        "annex",
        metavar="ANNEX",
        nargs="?",
        help="your annex (.docx, .tsv, .txt, .csv): reconcile it, score it, project its plan",
    )
    demo.add_argument("--rules", metavar="R", default="criteria_2022", help="with an ANNEX")
    demo.add_argument(
        "--out", metavar="DIR", help="with an ANNEX: also write what import-annex --out writes"
    )
    demo.add_argument("--force", action="store_true", help="overwrite files in --out")
    demo.add_argument("--lang", choices=("vi", "en"), default="vi")
    demo.set_defaults(handler=handlers.cmd_demo)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(commands, lang)
    return parser


def _evidence_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("evidence", metavar="EVIDENCE", help="an evidence file (.toml or .json)")
    parser.add_argument(
        "--rules",
        metavar="R",
        help="a rules file or bundled name (default: the one the evidence names)",
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of names and explanations (default: vi)",
    )
