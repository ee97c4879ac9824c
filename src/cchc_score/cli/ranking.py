"""``cchc-score rank``: many units scored, ranked and where they lost points, as a table, CSV,
JSON, a workbook or a page; and the rules a batch names (shared with ``chart heatmap``)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .. import syntax
from ..io.files import STDIN
from ..io.rules import load_rules
from ..words import text, text_n
from .console import EXIT_OK, EXIT_PROBLEMS, UsageError, errors, say, status

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable

    from ..batch_units import UnitResult
    from ..model import RuleSet
    from ..numbers import Lang
    from ..report import Format

__all__ = ["RANK_FORMATS", "batch_rules", "cmd_rank"]

RANK_FORMATS = ("table", "markdown", "csv", "json", "xlsx", "html")


_FORMAT_FOR_SUFFIX = {
    ".md": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
}


def cmd_rank(args: argparse.Namespace) -> int:
    from ..batch import LossTable, loss_table, rank
    from ..io.writing import check_output, write_output
    from ..report import (
        EXCEL_MISSING,
        batch_html,
        batch_xlsx,
        losses_csv,
        ranking_csv,
        render_batch,
    )
    from ..report.charts import batch_charts
    from ..values import printable

    fmt = args.format or (
        _FORMAT_FOR_SUFFIX.get(Path(args.out).suffix.lower(), "table") if args.out else "table"
    )
    if fmt == "xlsx":
        if args.out is None:
            raise UsageError(text("cli.xlsx_needs_out", args.lang))
        try:
            importlib.import_module("openpyxl")
        except ImportError:
            raise UsageError(EXCEL_MISSING) from None
    out = Path(args.out) if args.out else None
    inputs = [args.source, *([args.rules] if args.rules else [])]
    if out is not None:
        # Before the scoring, so that a refused --out costs nothing.
        check_output(out, force=args.force, inputs=inputs, lang=args.lang)
    source, units = _units(args.source, args.rules, args.lang)
    ranking = rank(units)
    # The loss table only where it is shown: not for the ranking alone, nor its CSV.
    losses = args.only != "ranking" and (fmt != "csv" or args.only == "losses")
    table = loss_table(ranking) if losses else LossTable((), (), ())
    report: str | bytes
    if fmt == "xlsx":
        report = batch_xlsx(ranking, table, args.lang, args.only)
    elif fmt == "html":
        report = batch_html(ranking, table, args.lang, batch_charts(ranking, args.lang))
    elif fmt == "csv":
        report = (
            losses_csv(table, args.lang)
            if args.only == "losses"
            else ranking_csv(ranking, args.lang)
        )
    else:
        shown: Format = "markdown" if fmt == "markdown" else "json" if fmt == "json" else "table"
        by_domain = args.by == "domain"
        report = render_batch(ranking, table, shown, args.lang, by_domain, args.only, args.top)
    if out is None:
        assert isinstance(report, str)
        say(report)
    else:
        # A CSV file starts with a BOM so that Excel reads it as UTF-8.
        data = report if isinstance(report, bytes) else printable(report)
        write_output(
            out,
            data,
            force=args.force,
            inputs=[*inputs, source],
            bom=fmt == "csv",
            lang=args.lang,
        )
        status(
            text(
                "cli.wrote_ranking",
                args.lang,
                path=out,
                units=text_n("count.unit", len(ranking.units), args.lang),
            )
            + "\n"
        )
    if ranking.invalid:
        total = len(ranking.units) + len(ranking.invalid)
        errors(
            [
                text(
                    "cli.not_ranked",
                    args.lang,
                    bad=len(ranking.invalid),
                    units=text_n("count.unit", total, args.lang),
                )
            ],
            args.lang,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def _units(source: str, rules: str | None, lang: Lang) -> tuple[str, Iterable[UnitResult]]:
    """The rules' name or path (as :func:`batch_rules` finds them), and the batch's units
    scored with them as they are read. A folder whose files name their rules is read once:
    the rules come from the files read, then what was read is scored (not read again)."""
    from ..batch import score_many
    from ..batch_units import read_folder, score_read

    if rules or not os.path.isdir(source):
        found, name = batch_rules(source, rules, lang)
        return name, score_many(found, source)
    entries = list(read_folder(source))
    named = (e.rules for _, e, _ in entries if e is not None and e.rules)
    name = _one_rules(tuple(dict.fromkeys(named)), source, lang)
    return name, score_read(load_rules(name), entries)


def batch_rules(source: str, rules: str | None, lang: Lang) -> tuple[RuleSet, str]:
    """The rules given, or the one rule set the units of ``source`` name; with the name or
    path read."""
    from ..io.folder import named_rules

    if rules:
        return load_rules(rules), rules
    if source == STDIN:  # read once: its rules column cannot be read before its units
        raise UsageError(text("cli.stdin_needs_rules", lang))
    name = _one_rules(named_rules(source), source, lang)
    return load_rules(name), name


def _one_rules(names: tuple[str, ...], source: str, lang: Lang) -> str:
    """The one rules name a batch's units give; a usage error for none or several."""
    if not names:
        raise UsageError(text("cli.units_name_no_rules", lang, source=source))
    if len(names) > 1:
        raise UsageError(
            text("cli.units_name_rules", lang, source=source, names=syntax.allowed(names))
        )
    return names[0]
