"""``cchc-score check-results TABLE``: check a published results table (docs/results.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ArgumentError
from ..io.rules import load_rules
from ..words import text
from .console import EXIT_OK, EXIT_PROBLEMS, UsageError, say
from .options import decimal
from .parser import format_option

if TYPE_CHECKING:
    import argparse

    from ..numbers import Lang

__all__ = ["arguments", "cmd_check_results"]


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``check-results`` command's arguments and handler, their help in ``lang``."""

    def w(code: str) -> str:
        return text(f"results.{code}", lang).replace("%", "%%")  # argparse formats help

    parser.set_defaults(handler=cmd_check_results)
    parser.add_argument("table", metavar="TABLE", help=w("help_table"))
    parser.add_argument("--rules", metavar="R", help=w("help_rules"))
    parser.add_argument("--max", type=decimal, metavar="N", help=w("help_max"))
    parser.add_argument("--bands", metavar="SPEC", help=w("help_bands"))
    parser.add_argument("--order", choices=("desc", "asc", "none"), help=w("help_order"))
    format_option(parser, lang)


def cmd_check_results(args: argparse.Namespace) -> int:
    """Read the table, check it, print the findings; exit 1 when any is an error."""
    from ..report.results import render_results
    from ..result_bands import parse_bands
    from ..results import check_results

    lang: Lang = args.lang
    try:
        scale = parse_bands(args.bands) if args.bands is not None else None
    except ArgumentError as exc:
        raise UsageError(exc.text(lang)) from None
    if args.max is not None and args.max <= 0:
        raise UsageError(text("results.max_positive", lang))
    rules = load_rules(args.rules) if args.rules else None
    findings = check_results(args.table, rules=rules, max=args.max, bands=scale, order=args.order)
    say(render_results(findings, args.format, lang))
    return EXIT_PROBLEMS if any(f.severity == "error" for f in findings) else EXIT_OK
