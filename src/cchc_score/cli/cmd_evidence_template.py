"""``cchc-score evidence-template RULES [--unit NAME] [--from EVIDENCE] [--out FILE]``: an
evidence skeleton with every fact the rules need, commented; known values filled in."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EvidenceError
from ..io.evidence import read_evidence
from ..io.files import names_a_file
from ..io.rules import load_rules
from ..words import text
from .console import EXIT_OK, say

if TYPE_CHECKING:
    import argparse

    from ..numbers import Lang


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``evidence-template`` command's arguments and handler, their help in ``lang``."""
    parser.set_defaults(handler=run)
    parser.add_argument("rules", metavar="RULES", help=text("help.diff_old", lang))
    parser.add_argument("--unit", metavar="NAME", help=text("help.template_unit", lang))
    parser.add_argument(
        "--from", dest="known", metavar="EVIDENCE", help=text("help.template_from", lang)
    )
    parser.add_argument("--out", metavar="FILE", help=text("help.out_file", lang))
    parser.add_argument("--force", action="store_true", help=text("help.opt.force", lang))


def run(args: argparse.Namespace) -> int:
    """Print or write the skeleton."""
    from ..io.evidence_template import evidence_template
    from ..io.writing import check_output, write_output

    inputs = [p for p in (args.rules, args.known) if p is not None and names_a_file(p)]
    if args.out is not None:
        check_output(args.out, force=args.force, inputs=inputs, lang=args.lang)
    rules = load_rules(args.rules)
    known = None
    if args.known is not None:
        known, problems = read_evidence(args.known)
        problems.raise_if_any(EvidenceError)
    reference = args.rules
    if names_a_file(args.rules):
        folder = Path(args.out).parent if args.out is not None else Path()
        reference = os.path.relpath(args.rules, folder)
    unit = args.unit.strip() if args.unit and args.unit.strip() else None
    skeleton = evidence_template(rules, unit=unit, known=known, rules_ref=reference, lang=args.lang)
    if args.out is None:
        say(skeleton)
    else:
        write_output(args.out, skeleton, force=args.force, inputs=inputs, lang=args.lang)
    return EXIT_OK
