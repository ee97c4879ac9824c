"""``cchc-score diff OLD NEW [EVIDENCE]``: what changed between two rule sets, and with a
unit's evidence, what the change does to its score, node by node."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..io.rules import load_rules
from ..words import text
from .console import EXIT_OK, say
from .parser import format_option

if TYPE_CHECKING:
    import argparse

    from ..numbers import Lang


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``diff`` command's arguments and handler, their help in ``lang``."""
    parser.set_defaults(handler=run)
    parser.add_argument("old", metavar="OLD", help=text("help.diff_old", lang))
    parser.add_argument("new", metavar="NEW", help=text("help.diff_new", lang))
    parser.add_argument(
        "evidence", metavar="EVIDENCE", nargs="?", help=text("help.diff_evidence", lang)
    )
    format_option(parser, lang)


def run(args: argparse.Namespace) -> int:
    """Print the diff; with evidence, the unit's scores under both rule sets."""
    from ..io.evidence import load_evidence
    from ..report.diff import render_diff
    from ..rules_diff import diff_rules, diff_scores

    old, new = load_rules(args.old), load_rules(args.new)
    if args.evidence is None:
        say(render_diff(diff_rules(old, new), args.format, args.lang))
        return EXIT_OK
    evidence = load_evidence(args.evidence, old)
    say(render_diff(diff_scores(old, new, evidence, args.lang), args.format, args.lang))
    return EXIT_OK
