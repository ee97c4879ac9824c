"""``cchc-score chart KIND EVIDENCE [PLAN] --out x.png|x.svg``: one chart, written as a PNG
or an SVG file. The inputs are read as ``score``, ``project``, ``plan`` and ``rank`` read
them; the chart comes from :mod:`cchc_score.plot`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..words import problem_text, text, text_n
from .commands import load_unit, plan_for_budget
from .console import EXIT_OK, EXIT_PROBLEMS, UsageError, errors, status
from .options import decimal, parse_target
from .ranking import batch_rules

if TYPE_CHECKING:
    import argparse

    from matplotlib.figure import Figure

    from ..numbers import Lang

__all__ = ["KINDS", "arguments", "cmd_chart"]

#: The charts, as KIND names them.
KINDS = ("losses", "criteria", "distribution", "timeline", "frontier", "heatmap")

#: The charts drawn from a projection or a best plan: they need a PLAN.
_WITH_PLAN = ("distribution", "timeline", "frontier")

#: The options each chart reads, beyond --rules, --lang, --out and --force.
_OPTIONS = {"--budget": ("frontier",), "--target": ("distribution", "frontier")}


def arguments(chart: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``chart`` command's arguments and handler, their help in ``lang``."""

    def w(code: str) -> str:
        return text(f"chart.{code}", lang)

    chart.set_defaults(handler=cmd_chart)
    chart.add_argument("kind", metavar="KIND", choices=KINDS, help=w("kind"))
    chart.add_argument("evidence", metavar="EVIDENCE", help=w("evidence"))
    chart.add_argument("plan", metavar="PLAN", nargs="?", help=w("plan"))
    chart.add_argument("--rules", metavar="R", help=w("rules"))
    chart.add_argument("--budget", type=decimal, metavar="N", help=w("budget"))
    chart.add_argument("--target", metavar="T", help=w("target"))
    chart.add_argument("--out", metavar="FILE", required=True, help=w("out"))
    chart.add_argument("--force", action="store_true", help=text("help.opt.force", lang))


def cmd_chart(args: argparse.Namespace) -> int:
    from ..batch import rank, score_many
    from ..io.writing import check_output
    from ..plot import check_matplotlib, heatmap, save

    lang: Lang = args.lang
    _check_usage(args)
    try:
        check_matplotlib(lang)
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    out = Path(args.out)
    inputs = [args.evidence, *(x for x in (args.plan, args.rules) if x)]
    # Before any work, so that a refused --out costs nothing.
    check_output(out, force=args.force, inputs=inputs, lang=lang)
    problems: list[str] = []
    if args.kind == "heatmap":
        rules, source = batch_rules(args.evidence, args.rules, lang)
        ranking = rank(score_many(rules, args.evidence))
        inputs.append(source)
        if ranking.invalid:
            problems = [p.text(lang) for r in ranking.invalid for p in r.problems]
            total = len(ranking.units) + len(ranking.invalid)
            problems.append(
                text(
                    "chart.not_drawn",
                    lang,
                    bad=len(ranking.invalid),
                    units=text_n("count.unit", total, lang),
                )
            )
        chart = heatmap(ranking, lang=lang)
    else:
        chart = _unit_chart(args, lang)
    save(chart, out, args.force, inputs=inputs, lang=lang)
    status(text("chart.wrote", lang, path=out) + "\n")
    if problems:
        errors(problems)
        return EXIT_PROBLEMS
    return EXIT_OK


def _check_usage(args: argparse.Namespace) -> None:
    """The chart's inputs and options as its kind needs them (usage errors, exit 2)."""
    lang, kind = args.lang, args.kind
    if Path(args.out).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"--out: {problem_text('E-CHART-FORMAT', lang)}")
    if kind in _WITH_PLAN and args.plan is None:
        raise UsageError(text("chart.needs_plan", lang, kind=kind))
    if kind not in _WITH_PLAN and args.plan is not None:
        raise UsageError(text("chart.no_plan", lang, kind=kind, plan=args.plan))
    for option, kinds in _OPTIONS.items():
        if kind not in kinds and getattr(args, option[2:]) is not None:
            raise UsageError(text("chart.unused", lang, option=option, kind=kind))


def _unit_chart(args: argparse.Namespace, lang: Lang) -> Figure:
    """The chart of one unit: its losses, or its plan's projection or frontier."""
    from ..evaluation import evaluate
    from ..io.plan import load_plan
    from ..plot import distribution, frontier, losses, timeline
    from ..projection import project

    rules, evidence = load_unit(args)
    if args.kind in ("losses", "criteria"):
        card = evaluate(rules, evidence)
        return losses(card, by="domain" if args.kind == "losses" else "criterion", lang=lang)
    plan = load_plan(args.plan)
    target = parse_target(rules, args.target, lang)
    if args.kind == "frontier":
        best = plan_for_budget(rules, evidence, plan, args.budget, target=target)
        return frontier(best, lang=lang)
    projection = project(rules, evidence, plan, target=target)
    if args.kind == "distribution":
        return distribution(projection, rules, lang=lang)
    return timeline(projection, lang=lang)
