"""The ``cchc-score`` command: check rules, score evidence, explain deductions, read and
reconcile annexes, run the demo.

Exit codes: 0 success; 1 the input has problems (every problem printed, one per line, on
standard error); 2 a usage error. A user's mistake never prints a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .annex import Appraisal, dump_appraisal, load_appraisal, read_annex
from .errors import CchcScoreError, EvidenceError, ProblemList
from .evaluation import evaluate
from .evidence import load_evidence, read_evidence
from .loading import bundled_path, load_rules
from .plan import dump_plan
from .reconcile import reconcile
from .report import (
    render_appraisal,
    render_findings,
    render_ledger,
    render_scorecard,
    ruleset_summary,
)

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

    annex = commands.add_parser("import-annex", help="read an appraisal annex (TSV/CSV)")
    annex.add_argument(
        "annex", metavar="ANNEX", help="the annex, as Word exports it (.tsv, .txt) or .csv"
    )
    annex.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    annex.add_argument("--out", metavar="DIR", help="write appraisal.toml and plan.toml there")
    annex.add_argument("--force", action="store_true", help="overwrite files in --out")
    annex.set_defaults(handler=_import_annex)

    check_annex = commands.add_parser("reconcile", help="check an annex's arithmetic")
    check_annex.add_argument(
        "annex",
        metavar="ANNEX",
        help="an annex (.tsv, .txt, .csv) or an appraisal.toml written by import-annex",
    )
    check_annex.add_argument(
        "--rules", metavar="R", help="also compare maxima and codes with these rules"
    )
    check_annex.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    check_annex.add_argument("--lang", choices=("vi", "en"), default="vi")
    check_annex.set_defaults(handler=_reconcile)

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


def _read_appraisal(path: str) -> Appraisal:
    if path.lower().endswith(".toml"):
        return load_appraisal(path)
    return read_annex(path)[0]


def _import_annex(args: argparse.Namespace) -> int:
    appraisal, plan = read_annex(args.annex)
    if args.out is None:
        sys.stdout.write(render_appraisal(appraisal, plan, args.format))
        return EXIT_OK
    out = Path(args.out)
    files = {out / "appraisal.toml": dump_appraisal(appraisal), out / "plan.toml": dump_plan(plan)}
    existing = [str(target) for target in files if target.exists()]
    if existing and not args.force:
        problems = ProblemList(None)
        for name in existing:
            problems.add(name, "exists; not overwritten (use --force to replace it)")
        problems.raise_as(CchcScoreError)
    out.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {out / 'appraisal.toml'}: {len(appraisal.nodes)} rows")
    print(
        f"wrote {out / 'plan.toml'}: {len(plan.tasks)} tasks; every effect defaults to "
        "'restore' (the criterion back to its maximum): edit each task's [tasks.effect] to "
        "say what it changes, and add effort and probability"
    )
    return EXIT_OK


def _reconcile(args: argparse.Namespace) -> int:
    appraisal = _read_appraisal(args.annex)
    rules = load_rules(args.rules) if args.rules else None
    findings = reconcile(appraisal, rules)
    sys.stdout.write(render_findings(findings, args.format, args.lang))
    return EXIT_PROBLEMS if any(f.severity == "error" for f in findings) else EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    example = bundled_path("examples") / "ward_2022"
    rules = load_rules("criteria_2022")
    evidence = load_evidence(example / "evidence.toml")
    card = evaluate(rules, evidence)
    findings = reconcile(read_annex(example / "annex.tsv")[0], rules)
    heading = _DEMO_HEADINGS[args.lang]
    print(ruleset_summary(rules))
    print(f"\n== {heading[0]}\n")
    sys.stdout.write(render_findings(findings, "table", args.lang))
    print(f"\n== {heading[1]}\n")
    sys.stdout.write(render_scorecard(card, "table", args.lang, depth=1))
    print()
    sys.stdout.write(render_ledger(card, None, "table", args.lang))
    return EXIT_OK


_DEMO_HEADINGS = {
    "vi": ("Kiểm tra số học của phụ lục thẩm định 2022", "Điểm năm 2022 tính lại từ số liệu"),
    "en": ("The 2022 appraisal annex's arithmetic", "The 2022 score, recomputed from the facts"),
}
