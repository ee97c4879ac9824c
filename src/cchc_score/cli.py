"""The ``cchc-score`` command: check rules, score evidence, explain deductions, read and
reconcile annexes, project a plan, pick the best tasks for a budget, rank many units, run the
demo.

Exit codes: 0 success (also when the reader of standard output stops early, as
``| head`` does); 1 an input or an output has problems (every problem printed, one per line,
on standard error: a file that cannot be read or written, standard output on a full disk);
2 a usage error; 3 an internal error (a bug: one line, no traceback; set
``CCHC_SCORE_DEBUG=1`` to see it); 130 interrupted (Ctrl-C). A user's mistake never prints
a Python traceback. See docs/limits.md.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from . import __version__, syntax, words
from .annex import Appraisal
from .batch import loss_table, named_rules, rank, score_many
from .errors import CchcScoreError, EvidenceError
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
from .values import printable
from .writing import check_output, describe_os_error, write_output, write_outputs

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence

    from .annex import Appraisal
    from .evidence import Evidence
    from .model import RuleSet
    from .numbers import Lang
    from .report import Format

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

#: The largest effort budget ``plan --budget`` takes, in person-days: some 400 person-years,
#: far beyond any commune's remediation plan; larger values are typing mistakes.
MAX_BUDGET = Decimal(100_000)
#: The decimal places ``--budget`` takes (the planner counts effort in hundredths at most).
BUDGET_PLACES = 2
#: The decimal places ``--confidence`` and a numeric ``--target`` take.
OPTION_PLACES = 6
#: The most tree levels ``score --depth`` shows (the criteria trees have four or five).
MAX_DEPTH = 10
#: The most task ids ``project --tasks`` takes (a plan has a few dozen tasks).
MAX_TASK_IDS = 1000
#: The most problems printed on standard error; the rest are counted in one line.
MAX_PROBLEMS = 100
#: The longest line printed on standard error, in characters.
MAX_LINE = 1000
#: The longest number or date an option takes, in characters (longer ones are mistakes).
_OPTION_WIDTH = 40
#: The longest internal-error line, in characters.
_INTERNAL_DETAIL = 300


class _UsageError(Exception):
    """A command line that cannot be carried out as given."""


class _StdoutError(Exception):
    """Standard output cannot be written (a full disk, a closed terminal)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Never lets an exception through but ``SystemExit`` (argparse's own usage errors and
    ``--help``): a user's mistake is a located message (exit 1 or 2); anything unexpected is
    one line asking for a report (exit 3).
    """
    lang: Lang = "vi"
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        lang = getattr(args, "lang", None) or "vi"
        handler: Callable[[argparse.Namespace], int] = args.handler
        _check_options(args)
        code = handler(args)
        _flush()
        return code
    except CchcScoreError as exc:
        problems = [str(problem) for problem in exc.problems[:MAX_PROBLEMS]]
        if len(exc.problems) > MAX_PROBLEMS:
            more = len(exc.problems) - MAX_PROBLEMS
            problems.append(words.text("cli.more_problems", lang, n=more))
        _errors(problems)
        return EXIT_PROBLEMS
    except _UsageError as exc:
        parser.exit(EXIT_USAGE, printable(f"{parser.prog}: error: {exc}\n"))
    except BrokenPipeError:
        # The reader (e.g. `| head`) closed the pipe: stop quietly, as Unix tools do.
        _silence_stdout()
        return EXIT_OK
    except _StdoutError as exc:
        _silence_stdout()  # so that Python's own flush at exit does not fail again
        where = words.text("output.stdout", lang)
        _errors([f"{where}: {describe_os_error(exc.error, lang)}"])
        return EXIT_PROBLEMS
    except KeyboardInterrupt:  # Ctrl-C: the user knows; say nothing
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last resort: a bug, said in one line
        if os.environ.get("CCHC_SCORE_DEBUG"):
            raise
        _errors([words.text("cli.internal", lang, detail=_detail(exc))])
        return EXIT_INTERNAL


def _detail(exc: BaseException) -> str:
    """An exception as one short line: its type and the start of its message."""
    try:
        message = str(exc)
    except Exception:  # a message that cannot even be made into text
        message = ""
    line = " ".join(f"{type(exc).__name__}: {message}".split())
    if len(line) > _INTERNAL_DETAIL:
        line = line[: _INTERNAL_DETAIL - 1] + "…"
    return line


def _say(text: str) -> None:
    """Write ``text`` to standard output, control characters escaped; a failure to write
    (but a closed pipe) becomes :class:`_StdoutError`."""
    try:
        _stdout().write(printable(text))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _StdoutError(exc) from exc


def _stdout() -> TextIO:
    """Standard output; Python sets it to ``None`` when the command starts with it closed
    (``cchc-score … >&-``)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    return sys.stdout


def _flush() -> None:
    try:
        _stdout().flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _StdoutError(exc) from exc


def _errors(lines: Iterable[str]) -> None:
    """Problems on standard error, one per line (each cut to :data:`MAX_LINE` characters);
    if even that fails, there is no one to tell."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: stderr closed
        for line in lines:
            sys.stderr.write(printable(f"error: {_short(line, MAX_LINE)}\n"))
        sys.stderr.flush()


def _silence_stdout() -> None:
    """Point standard output at the null device, so that nothing more fails on it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured in tests), or closed from the start


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
        value = int(text) if len(text) <= _OPTION_WIDTH else 0
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {_short(repr(text))}")
    return value


def _ids(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("expected task ids separated by commas")
    if len(ids) > MAX_TASK_IDS:
        raise argparse.ArgumentTypeError(f"at most {MAX_TASK_IDS} task ids, got {len(ids)}")
    return ids


def _date(text: str) -> dt.date:
    try:
        deadline = parse_deadline(text) if len(text) <= _OPTION_WIDTH else None
    except ValueError:
        deadline = None
    if deadline is None or deadline.kind != "date" or deadline.date is None:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2023-12-31, got {_short(repr(text))}"
        )
    return deadline.date


def _decimal(text: str) -> Decimal:
    """A number option; its range is checked once the language is known
    (:func:`_check_options`)."""
    if len(text) > _OPTION_WIDTH:
        raise argparse.ArgumentTypeError(
            f"expected a number of at most {_OPTION_WIDTH} characters, got {_short(repr(text))}"
        )
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _check_number(
    option: str,
    value: Decimal,
    lang: Lang,
    *,
    low: Decimal,
    high: Decimal,
    places: int,
    open_low: bool = False,
) -> None:
    """Raise a usage error, in ``lang``, unless ``low`` ≤ (or <) ``value`` ≤ ``high`` with at
    most ``places`` decimal places."""
    inside = (low < value if open_low else low <= value) and value <= high
    if inside and _places(value) <= places:
        return
    code = "cli.range_open" if open_low else "cli.range"
    raise _UsageError(
        words.text(
            code,
            lang,
            option=option,
            low=format_number(low, lang),
            high=format_number(high, lang),
            places=places,
            value=_short(format_number(value, lang)),
        )
    )


def _short(text: str, width: int = 40) -> str:
    """A user's value cut to ``width`` characters for a one-line message."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_options(args: argparse.Namespace) -> None:
    """The ranges of the numeric options, checked before any work (usage errors, exit 2)."""
    lang: Lang = getattr(args, "lang", None) or "vi"
    if getattr(args, "budget", None) is not None:
        _check_number(
            "--budget", args.budget, lang, low=Decimal(0), high=MAX_BUDGET, places=BUDGET_PLACES
        )
    if getattr(args, "confidence", None) is not None:
        _check_number(
            "--confidence",
            args.confidence,
            lang,
            low=Decimal(0),
            high=Decimal(1),
            places=OPTION_PLACES,
            open_low=True,
        )
    depth = getattr(args, "depth", None)
    if depth is not None and depth > MAX_DEPTH:
        _check_number(
            "--depth", Decimal(depth), lang, low=Decimal(1), high=Decimal(MAX_DEPTH), places=0
        )


def _target(rules: RuleSet, text: str | None, lang: Lang) -> Decimal | str | None:
    """``--target``: a total, or the name of one of the rules' rating bands."""
    if text is None:
        return None
    try:
        total = parse_number(text)
    except NumberFormatError:
        pass
    else:
        _check_number("--target", total, lang, low=Decimal(0), high=rules.max, places=OPTION_PLACES)
        return total
    if rules.band(text) is None:
        names = ", ".join(b.name for b in rules.bands)
        raise _UsageError(words.text("cli.target", lang, value=repr(text), names=names))
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
    _say(ruleset_summary(load_rules(args.rules)) + "\n")
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    card = evaluate(rules, evidence)
    _say(render_scorecard(card, args.format, args.lang, args.depth))
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    if args.code is not None and not rules.has_node(args.code):
        raise _UsageError(f"no criterion {args.code!r} in {rules.id}")
    card = evaluate(rules, evidence)
    _say(render_ledger(card, args.code, args.format, args.lang))
    return EXIT_OK


def _read_appraisal(path: str) -> Appraisal:
    if path.lower().endswith(".toml"):
        return load_appraisal(path)
    return read_annex(path)[0]


def _import_annex(args: argparse.Namespace) -> int:
    appraisal, plan = read_annex(args.annex)
    if args.out is None:
        _say(render_appraisal(appraisal, plan, args.format, args.lang))
        return EXIT_OK
    out = Path(args.out)
    files = {"appraisal.toml": dump_appraisal(appraisal), "plan.toml": dump_plan(plan)}
    write_outputs(out, files, force=args.force, inputs=[args.annex], lang=args.lang)
    _say(f"wrote {out / 'appraisal.toml'}: {len(appraisal.nodes)} rows\n")
    _say(
        f"wrote {out / 'plan.toml'}: {len(plan.tasks)} tasks; every effect defaults to "
        "'restore' (the criterion back to its maximum): edit each task's [tasks.effect] to "
        "say what it changes, and add effort and probability\n"
    )
    return EXIT_OK


def _reconcile(args: argparse.Namespace) -> int:
    appraisal = _read_appraisal(args.annex)
    rules = load_rules(args.rules) if args.rules else None
    findings = reconcile(appraisal, rules)
    _say(render_findings(findings, args.format, args.lang))
    return EXIT_PROBLEMS if any(f.severity == "error" for f in findings) else EXIT_OK


def _project(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    plan = load_plan(args.plan)
    target = _target(rules, args.target, args.lang)
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
    _say(render_projection(projection, args.format, args.lang))
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    rules, evidence = _load(args)
    plan = load_plan(args.plan)
    # A budget beyond every task's effort buys no more than all of them: plan with their
    # sum, so that the knapsack's size follows the plan, not a large number typed.
    efforts = sum((t.effort for t in plan.tasks if t.effort is not None), Decimal(0))
    budget = min(args.budget, efforts) if efforts else args.budget
    best = best_plan(
        rules,
        evidence,
        plan,
        budget,
        as_of=args.as_of,
        target=_target(rules, args.target, args.lang),
        confidence=args.confidence,
    )
    if budget != args.budget:
        best = attrs.evolve(best, budget=args.budget)
    _say(render_best_plan(best, args.format, args.lang, decimals=rules.decimals))
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
    inputs = [args.source, *([args.rules] if args.rules else [])]
    if out is not None:
        # Before the scoring, so that a refused --out costs nothing.
        check_output(out, force=args.force, inputs=inputs, lang=args.lang)
    rules, source = _batch_rules(args)
    ranking = rank(score_many(rules, args.source))
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
        _say(report)
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
        _say(f"wrote {out}: {len(ranking.units)} units ranked\n")
    if ranking.invalid:
        total = len(ranking.units) + len(ranking.invalid)
        _errors(
            [
                f"{len(ranking.invalid)} of {total} units not ranked: their evidence has "
                "problems (listed in the report)"
            ]
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def _batch_rules(args: argparse.Namespace) -> tuple[RuleSet, str]:
    """The rules given, or the one rule set the units name; with the name or path read."""
    if args.rules:
        return load_rules(args.rules), args.rules
    names = named_rules(args.source)
    if not names:
        raise _UsageError(f"the units in {args.source} name no rules: give --rules R")
    if len(names) > 1:
        raise _UsageError(
            f"the units in {args.source} name different rules ({syntax.allowed(names)}): "
            "give --rules R"
        )
    return load_rules(names[0]), names[0]


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
    _say(ruleset_summary(rules) + "\n")
    _say(f"\n== {words.text('cli.demo_reconcile', lang)}\n\n")
    _say(render_findings(findings, "table", lang))
    _say(f"\n== {words.text('cli.demo_score', lang)}\n\n")
    _say(render_scorecard(card, "table", lang, depth=1))
    _say("\n")
    _say(render_ledger(card, None, "table", lang))
    _say(f"\n== {words.text('cli.demo_project', lang)}\n\n")
    _say(render_projection(projection, "table", lang))
    _say(f"\n== {words.text('cli.demo_plan', lang, budget=budget)}\n\n")
    step = Decimal(10)
    _say(render_best_plan(best, "table", lang, step, decimals=rules.decimals))
    return EXIT_OK


_DEMO_BUDGET = Decimal(40)
