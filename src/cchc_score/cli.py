"""The ``cchc-score`` command: check rules, score evidence, explain deductions, run the demo.

Exit codes: 0 success; 1 the input has problems (every problem printed, one per line, on
standard error); 2 a usage error. A user's mistake never prints a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from . import __version__
from .errors import CchcScoreError, EvidenceError
from .evaluation import evaluate
from .evidence import load_evidence, read_evidence
from .loading import bundled_path, load_rules
from .report import render_ledger, render_scorecard, ruleset_summary

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .evidence import Evidence
    from .model import RuleSet

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    """A command line that cannot be carried out as given."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CchcScoreError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    except _UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")
    except BrokenPipeError:
        # The reader (e.g. `| head`) closed the pipe: stop quietly, as Unix tools do.
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
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
    check.set_defaults(handler=_check)

    score = commands.add_parser("score", help="score one unit's evidence")
    _evidence_arguments(score)
    score.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    score.add_argument(
        "--depth",
        type=_positive_int,
        default=1,
        metavar="N",
        help="tree levels in the table: 1 = domains (default), 2 = with criteria",
    )
    score.set_defaults(handler=_score)

    explain = commands.add_parser("explain", help="list the deductions, largest first")
    _evidence_arguments(explain)
    explain.add_argument(
        "code", metavar="CODE", nargs="?", help="show this node and everything under it instead"
    )
    explain.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    explain.set_defaults(handler=_explain)

    demo = commands.add_parser("demo", help="the main job on the bundled example ward")
    demo.add_argument("--lang", choices=("vi", "en"), default="vi")
    demo.set_defaults(handler=_demo)
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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return value


def _load(args: argparse.Namespace) -> tuple[RuleSet, Evidence]:
    """The rules and the evidence, with every problem of the evidence reported at once."""
    evidence, problems = read_evidence(args.evidence)
    source = args.rules or (evidence.rules if evidence is not None else None)
    if source is None:
        problems.raise_if_any(EvidenceError)
        raise _UsageError(f"{args.evidence} names no rules: give --rules R")
    rules = load_rules(source)
    return rules, load_evidence(args.evidence, rules)


def _check(args: argparse.Namespace) -> int:
    print(ruleset_summary(load_rules(args.rules)))
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    card = evaluate(rules, evidence)
    sys.stdout.write(render_scorecard(card, args.format, args.lang, args.depth))
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    if args.code is not None and not rules.has_node(args.code):
        raise _UsageError(f"no criterion {args.code!r} in {rules.id}")
    card = evaluate(rules, evidence)
    sys.stdout.write(render_ledger(card, args.code, args.format, args.lang))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    example = bundled_path("examples") / "ward_2022"
    rules = load_rules("criteria_2022")
    evidence = load_evidence(example / "evidence.toml")
    card = evaluate(rules, evidence)
    print(ruleset_summary(rules))
    print()
    sys.stdout.write(render_scorecard(card, "table", args.lang, depth=1))
    print()
    sys.stdout.write(render_ledger(card, None, "table", args.lang))
    return EXIT_OK
