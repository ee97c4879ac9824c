"""``cchc-score report EVIDENCE [PLAN] --out FILE``: one unit's report as a workbook
(.xlsx), the remediation-plan annex as offices file it (.docx) or one printable page (.html).

EVIDENCE is an evidence file (.toml, .json) or an appraisal annex (.docx, .tsv, .txt, .csv),
read as ``demo ANNEX`` reads it: the annex's points as evidence, its rows reconciled, its
tasks the plan unless PLAN is given. ``--annex A`` adds an annex (or an ``appraisal.toml``)
to an evidence file: its stated points are shown beside the recomputed ones and checked.
The format comes from the extension of ``--out``; the file is checked before any work, and
never overwritten without ``--force``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from ..io.files import names_a_file
from ..io.rules import load_rules
from ..words import text
from .commands import load_unit
from .console import EXIT_OK, UsageError, status
from .options import date, decimal

if TYPE_CHECKING:
    import argparse

    from ..annex import Appraisal
    from ..numbers import Lang
    from ..report.unit import UnitReport

__all__ = ["EVIDENCE_SUFFIXES", "FORMATS", "arguments", "cmd_report"]

#: The format of each extension of ``--out``, and the module a format needs.
FORMATS = {".xlsx": "openpyxl", ".docx": "docx", ".html": None, ".htm": None}

#: What an evidence file ends with; anything else is read as an annex.
EVIDENCE_SUFFIXES = (".toml", ".json")

#: The rules an annex is read under when --rules is not given (as ``demo ANNEX``).
_DEFAULT_RULES = "criteria_2022"


def arguments(report: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``report`` command's arguments and handler, their help in ``lang``."""

    def w(code: str) -> str:
        return text(f"unitreport.{code}", lang)

    report.set_defaults(handler=cmd_report)
    report.add_argument("evidence", metavar="EVIDENCE", help=w("help_evidence"))
    report.add_argument("plan", metavar="PLAN", nargs="?", help=w("help_plan"))
    report.add_argument("--out", metavar="FILE", required=True, help=w("help_out"))
    report.add_argument("--rules", metavar="R", help=w("help_rules"))
    report.add_argument("--annex", metavar="A", help=w("help_annex"))
    report.add_argument("--budget", type=decimal, metavar="N", help=w("help_budget"))
    report.add_argument("--as-of", type=date, metavar="DATE", help=w("help_as_of"))
    report.add_argument("--force", action="store_true", help=text("help.opt.force", lang))


def cmd_report(args: argparse.Namespace) -> int:
    """Read the inputs, build the unit's report, write it in the format ``--out`` names."""
    from ..io.writing import check_output, write_output
    from ..report.charts import unit_charts
    from ..report.unit_docx import plan_docx
    from ..report.unit_html import unit_html
    from ..report.unit_xlsx import unit_xlsx

    lang: Lang = args.lang
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(text("unitreport.cli_format", lang, suffix=repr(out.suffix or out.name)))
    needs = FORMATS[suffix]
    if needs is not None:
        try:
            importlib.import_module(needs)
        except ImportError:
            kind = "xlsx" if suffix == ".xlsx" else "docx"
            raise UsageError(text(f"unitreport.{kind}_missing", lang)) from None
    annex_given = Path(args.evidence).suffix.lower() not in EVIDENCE_SUFFIXES
    if annex_given and args.annex:
        raise UsageError(text("unitreport.cli_annex_twice", lang, evidence=args.evidence))
    inputs = [
        args.evidence,
        *(p for p in (args.plan, args.annex) if p),
        *([args.rules] if args.rules and names_a_file(args.rules) else []),
    ]
    check_output(out, force=args.force, inputs=inputs, lang=lang)  # before any work
    report = _build(args)
    data: str | bytes
    if suffix == ".xlsx":
        data = unit_xlsx(report, lang)
    elif suffix == ".docx":
        data = plan_docx(report, lang)
    else:
        data = unit_html(report, lang, unit_charts(report, lang))
    write_output(out, data, force=args.force, inputs=inputs, lang=lang)
    status(text("unitreport.cli_wrote", lang, path=out) + "\n")
    return EXIT_OK


def _build(args: argparse.Namespace) -> UnitReport:
    """The unit's report from the command line's inputs (every problem of an input raised
    at once, naming its file and place)."""
    from ..io.annex import read_annex
    from ..io.plan import load_plan
    from ..observed import observed_evidence
    from ..report.unit import unit_report

    lang: Lang = args.lang
    plan = load_plan(args.plan) if args.plan else None
    if Path(args.evidence).suffix.lower() in EVIDENCE_SUFFIXES:
        rules, checked = load_unit(args)
        appraisal = _appraisal(args.annex, lang) if args.annex else None
        return unit_report(
            rules,
            checked,
            appraisal=appraisal,
            plan=plan,
            budget=args.budget,
            as_of=args.as_of,
        )
    appraisal, annex_plan = read_annex(args.evidence, lang=lang)
    name = args.rules or _DEFAULT_RULES
    rules = load_rules(name)
    observed = observed_evidence(
        appraisal,
        rules,
        rules_name=name,
        unit=appraisal.unit or Path(args.evidence).stem,
        lang=lang,
    )
    return unit_report(
        rules,
        observed.evidence,
        appraisal=appraisal,
        from_annex=True,
        plan=plan if plan is not None else annex_plan,
        budget=args.budget,
        as_of=args.as_of,
    )


def _appraisal(path: str, lang: Lang) -> Appraisal:
    from ..io.annex import read_annex
    from ..io.appraisal import load_appraisal

    if path.lower().endswith(".toml"):
        return load_appraisal(path)
    return read_annex(path, lang=lang)[0]
