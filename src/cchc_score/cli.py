"""The ``cchc-score`` command: check rules, score evidence, explain deductions, read and
reconcile annexes, project a plan, pick the best tasks for a budget, rank many units, run the
demo.

Exit codes: 0 success; 1 the input has problems (every problem printed, one per line, on
standard error); 2 a usage error. A user's mistake never prints a Python traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, syntax, words
from .annex import Appraisal
from .batch import loss_table, named_rules, rank, score_many
from .errors import CchcScoreError, EvidenceError, ProblemList
from .evaluation import evaluate
from .io.annex import read_annex
from .io.appraisal import dump_appraisal, load_appraisal
from .io.evidence import checked_evidence, load_evidence, read_evidence
from .io.plan import dump_plan, load_plan
from .io.rules import bundled_path, load_rules
from .numbers import NumberFormatError, format_number, parse_number
from .optimise import best_plan
from .plan import parse_deadline
from .projection import project
from .reconcile import reconcile
from .report import (
    EXCEL_MISSING,
    batch_xlsx,
    losses_csv,
    ranking_csv,
    render_appraisal,
    render_batch,
    render_best_plan,
    render_findings,
    render_ledger,
    render_projection,
    render_scorecard,
    ruleset_summary,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from .annex import Appraisal
    from .evidence import Evidence
    from .model import RuleSet
    from .report import Format

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
    annex.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the table's labels"
    )
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

    project_cmd = commands.add_parser("project", help="project the score when tasks are done")
    _evidence_arguments(project_cmd)
    project_cmd.add_argument("plan", metavar="PLAN", help="a plan file (.toml)")
    project_cmd.add_argument(
        "--tasks",
        type=_ids,
        metavar="ID,...",
        help="the tasks for the deterministic 'chosen' total",
    )
    project_cmd.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="assessment date (2023-12-31 or 31/12/2023): tasks due after it are not counted",
    )
    project_cmd.add_argument("--target", metavar="T", help="a total or a rating name to reach")
    project_cmd.add_argument("--period", choices=("quarter", "month"), default="quarter")
    project_cmd.add_argument(
        "--rules-next", metavar="R", help="score the projection under next year's rules too"
    )
    project_cmd.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    project_cmd.set_defaults(handler=_project)

    plan_cmd = commands.add_parser("plan", help="the best tasks for an effort budget")
    _evidence_arguments(plan_cmd)
    plan_cmd.add_argument("plan", metavar="PLAN", help="a plan file (.toml) with efforts")
    plan_cmd.add_argument(
        "--budget", type=_decimal, required=True, metavar="N", help="person-days available"
    )
    plan_cmd.add_argument(
        "--target", metavar="RATING", help="a rating name (or a total) to reach at least cost"
    )
    plan_cmd.add_argument(
        "--confidence",
        type=_decimal,
        default=Decimal("0.8"),
        metavar="Q",
        help="probability the target must be reached with (default 0.8)",
    )
    plan_cmd.add_argument("--as-of", type=_date, metavar="DATE")
    plan_cmd.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    plan_cmd.set_defaults(handler=_plan)

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
        choices=_RANK_FORMATS,
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
    rank_cmd.set_defaults(handler=_rank)

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


def _ids(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("expected task ids separated by commas")
    return ids


def _date(text: str) -> dt.date:
    try:
        deadline = parse_deadline(text)
    except ValueError:
        deadline = None
    if deadline is None or deadline.kind != "date" or deadline.date is None:
        raise argparse.ArgumentTypeError(f"expected a date such as 2023-12-31, got {text!r}")
    return deadline.date


def _decimal(text: str) -> Decimal:
    try:
        value = parse_number(text)
    except NumberFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 0, got {text!r}")
    return value


def _target(rules: RuleSet, text: str | None) -> Decimal | str | None:
    """``--target``: a total, or the name of one of the rules' rating bands."""
    if text is None:
        return None
    try:
        return parse_number(text)
    except NumberFormatError:
        pass
    if rules.band(text) is None:
        names = ", ".join(b.name for b in rules.bands)
        raise _UsageError(f"--target: {text!r} is neither a number nor a rating ({names})")
    return text


def _load(args: argparse.Namespace) -> tuple[RuleSet, Evidence]:
    """The rules and the evidence, with every problem of the evidence reported at once.

    The evidence file is read once: the rules it names come from the same reading that is
    then checked against them.
    """
    evidence, problems = read_evidence(args.evidence)
    source = args.rules or (evidence.rules if evidence is not None else None)
    if source is None:
        problems.raise_if_any(EvidenceError)
        raise _UsageError(f"{args.evidence} names no rules: give --rules R")
    rules = load_rules(source)
    return rules, checked_evidence(evidence, problems, rules)


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
        sys.stdout.write(render_appraisal(appraisal, plan, args.format, args.lang))
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


def _project(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    plan = load_plan(args.plan)
    target = _target(rules, args.target)
    if isinstance(target, str):
        band = rules.band(target)
        assert band is not None  # _target checked the name
        target = band.min
    projection = project(
        rules,
        evidence,
        plan,
        tasks=args.tasks,
        as_of=args.as_of,
        target=target,
        period=args.period,
        rules_next=load_rules(args.rules_next) if args.rules_next else None,
    )
    sys.stdout.write(render_projection(projection, args.format, args.lang))
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    plan = load_plan(args.plan)
    best = best_plan(
        rules,
        evidence,
        plan,
        args.budget,
        as_of=args.as_of,
        target=_target(rules, args.target),
        confidence=args.confidence,
    )
    sys.stdout.write(render_best_plan(best, args.format, args.lang, decimals=rules.decimals))
    return EXIT_OK


_RANK_FORMATS = ("table", "markdown", "csv", "json", "xlsx")
_FORMAT_FOR_SUFFIX = {".md": "markdown", ".csv": "csv", ".json": "json", ".xlsx": "xlsx"}


def _rank(args: argparse.Namespace) -> int:
    fmt = args.format or (
        _FORMAT_FOR_SUFFIX.get(Path(args.out).suffix.lower(), "table") if args.out else "table"
    )
    if fmt == "xlsx":
        if args.out is None:
            raise _UsageError("--format xlsx writes a workbook: give --out FILE.xlsx")
        try:
            importlib.import_module("openpyxl")
        except ImportError:
            raise _UsageError(EXCEL_MISSING) from None
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.force:
        problems = ProblemList(args.out)
        problems.add("", "exists; not overwritten (use --force to replace it)")
        problems.raise_as(CchcScoreError)
    ranking = rank(score_many(_batch_rules(args), args.source))
    table = loss_table(ranking.scorecards)
    report: str | bytes
    if fmt == "xlsx":
        report = batch_xlsx(ranking, table, args.lang, args.only)
    elif fmt == "csv":
        report = (
            losses_csv(table, args.lang)
            if args.only == "losses"
            else ranking_csv(ranking, args.lang)
        )
    else:
        text: Format = "markdown" if fmt == "markdown" else "json" if fmt == "json" else "table"
        report = render_batch(ranking, table, text, args.lang, args.by == "domain", args.only)
    if out is None:
        assert isinstance(report, str)
        sys.stdout.write(report)
    else:
        _write(out, report, bom=fmt == "csv")
        print(f"wrote {out}: {len(ranking.units)} units ranked")
    if ranking.invalid:
        total = len(ranking.units) + len(ranking.invalid)
        print(
            f"error: {len(ranking.invalid)} of {total} units not ranked: their evidence has "
            "problems (listed in the report)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def _batch_rules(args: argparse.Namespace) -> RuleSet:
    """The rules given, or the one rule set the units name."""
    if args.rules:
        return load_rules(args.rules)
    names = named_rules(args.source)
    if not names:
        raise _UsageError(f"the units in {args.source} name no rules: give --rules R")
    if len(names) > 1:
        raise _UsageError(
            f"the units in {args.source} name different rules ({syntax.allowed(names)}): "
            "give --rules R"
        )
    return load_rules(names[0])


def _write(path: Path, report: str | bytes, *, bom: bool) -> None:
    """Write a report; a CSV file starts with a BOM so that Excel reads it as UTF-8."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(report, bytes):
            path.write_bytes(report)
        else:
            path.write_text(report, encoding="utf-8-sig" if bom else "utf-8")
    except OSError as exc:
        problems = ProblemList(str(path))
        problems.add("", f"cannot write the file: {exc.strerror or exc}")
        problems.raise_as(CchcScoreError)


def _demo(args: argparse.Namespace) -> int:
    example = bundled_path("examples") / "ward_2022"
    rules = load_rules("criteria_2022")
    evidence = load_evidence(example / "evidence.toml")
    card = evaluate(rules, evidence)
    findings = reconcile(read_annex(example / "annex.tsv")[0], rules)
    plan = load_plan(example / "plan.toml")
    projection = project(rules, evidence, plan, target=rules.bands[0].min)
    best = best_plan(rules, evidence, plan, _DEMO_BUDGET)
    lang = args.lang
    budget = format_number(_DEMO_BUDGET, lang)
    print(ruleset_summary(rules))
    print(f"\n== {words.text('cli.demo_reconcile', lang)}\n")
    sys.stdout.write(render_findings(findings, "table", lang))
    print(f"\n== {words.text('cli.demo_score', lang)}\n")
    sys.stdout.write(render_scorecard(card, "table", lang, depth=1))
    print()
    sys.stdout.write(render_ledger(card, None, "table", lang))
    print(f"\n== {words.text('cli.demo_project', lang)}\n")
    sys.stdout.write(render_projection(projection, "table", lang))
    print(f"\n== {words.text('cli.demo_plan', lang, budget=budget)}\n")
    step = Decimal(10)
    sys.stdout.write(render_best_plan(best, "table", lang, step, decimals=rules.decimals))
    return EXIT_OK


_DEMO_BUDGET = Decimal(40)
