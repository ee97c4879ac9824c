"""The commands: each reads its inputs, calls the library and prints its report."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .. import words
from ..errors import EvidenceError
from ..evaluation import evaluate
from ..evidence import year_warnings
from ..io.evidence import checked_evidence, read_evidence
from ..io.rules import load_rules
from ..words import text, text_n
from .console import EXIT_OK, EXIT_PROBLEMS, UsageError, say, status, warnings
from .options import parse_target

# A command imports what only it uses when it runs (the annex reader, the planner, the
# batch, the outputs): `cchc-score score` starts without them (docs/architecture.md).

if TYPE_CHECKING:
    import argparse
    import datetime as dt
    from collections.abc import Sequence

    from ..annex import Appraisal
    from ..evaluation import Difference, Scorecard
    from ..evidence import Evidence
    from ..model import RuleSet
    from ..numbers import Lang
    from ..observed import Observed
    from ..optimise import BestPlan
    from ..plan import Plan
    from ..projection import Projection
    from ..reconcile import Finding, Summary


def load_unit(args: argparse.Namespace) -> tuple[RuleSet, Evidence]:
    """The rules (``args.rules``, else the ones the evidence names) and the evidence
    (``args.evidence``), with every problem of the evidence reported at once.

    The evidence file is read once: the rules it names come from the same reading that is
    then checked against them.
    """
    evidence, problems = read_evidence(args.evidence)
    source = args.rules or (evidence.rules if evidence is not None else None)
    if source is None:
        problems.raise_if_any(EvidenceError)
        raise UsageError(text("cli.names_no_rules", args.lang, file=args.evidence))
    rules = load_rules(source)
    checked = checked_evidence(evidence, problems, rules)
    # Evidence of another year still scores; say so, as check says its warnings.
    warnings(
        text("cli.warning", args.lang, message=p.text(args.lang))
        for p in year_warnings(rules, checked)
    )
    return rules, checked


def cmd_check(args: argparse.Namespace) -> int:
    from ..report import ruleset_summary

    rules = load_rules(args.rules, strict=args.strict)
    say(ruleset_summary(rules, args.lang) + "\n")
    # Warnings: allowed, so the file loads and the exit code stays 0, but likely mistakes.
    for warning in rules.warnings:
        say(text("cli.warning", args.lang, message=warning.text(args.lang)) + "\n")
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from ..report import render_scorecard

    rules, evidence = load_unit(args)
    card = evaluate(rules, evidence)
    say(render_scorecard(card, args.format, args.lang, args.depth))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from ..report import render_ledger

    rules, evidence = load_unit(args)
    if args.code is not None and not rules.has_node(args.code):
        raise UsageError(text("cli.no_criterion", args.lang, code=repr(args.code), rules=rules.id))
    card = evaluate(rules, evidence)
    say(render_ledger(card, args.code, args.format, args.lang))
    return EXIT_OK


def _read_appraisal(path: str, lang: Lang) -> Appraisal:
    from ..io.annex import read_annex
    from ..io.appraisal import load_appraisal

    if path.lower().endswith(".toml"):
        return load_appraisal(path)
    return read_annex(path, lang=lang)[0]


def cmd_import_annex(args: argparse.Namespace) -> int:
    from ..report import render_appraisal

    appraisal, plan = _read_annex(args)
    if args.out is None:
        say(render_appraisal(appraisal, plan, args.format, args.lang))
        return EXIT_OK
    _write_import(args, appraisal, plan, load_rules(args.rules), Path(args.out))
    return EXIT_OK


def _read_annex(args: argparse.Namespace) -> tuple[Appraisal, Plan]:
    """The annex, with the unit and year the command line gives: an option given says what
    the user knows, so it wins over the title's reading."""
    from ..io.annex import read_annex

    appraisal, plan = read_annex(args.annex, lang=args.lang)
    unit = getattr(args, "unit", None)
    year = getattr(args, "year", None)
    appraisal = attrs.evolve(
        appraisal,
        unit=unit.strip() if unit and unit.strip() else appraisal.unit,
        year=year if year is not None else appraisal.year,
    )
    return appraisal, plan


def _observed(
    args: argparse.Namespace, appraisal: Appraisal, rules: RuleSet, out: Path | None
) -> Observed:
    """The annex read as evidence. An evidence file names its unit: the annex's file name
    where neither the title nor --unit gives one."""
    from ..observed import observed_evidence

    return observed_evidence(
        appraisal,
        rules,
        rules_name=_rules_from(out, args.rules) if out is not None else args.rules,
        unit=appraisal.unit or Path(args.annex).stem,
        lang=args.lang,
    )


def _write_import(
    args: argparse.Namespace, appraisal: Appraisal, plan: Plan, rules: RuleSet, out: Path
) -> Observed:
    """Write appraisal.toml, evidence.toml and plan.toml into ``out`` (never over an input
    or an existing file without --force), and say so."""
    from ..io.appraisal import dump_appraisal
    from ..io.evidence import dump_evidence
    from ..io.files import names_a_file
    from ..io.plan import dump_plan
    from ..io.writing import write_outputs
    from ..reconcile import reconcile

    lang = args.lang
    observed = _observed(args, appraisal, rules, out)
    header = [
        text("cli.evidence_header", lang, annex=args.annex, rules=rules.id),
        *observed.readings,
        *(f.message(lang) for f in reconcile(appraisal, rules)),
    ]
    files = {
        "appraisal.toml": dump_appraisal(appraisal),
        "evidence.toml": dump_evidence(observed.evidence, header),
        "plan.toml": dump_plan(plan),
    }
    inputs = [args.annex, *([args.rules] if names_a_file(args.rules) else [])]
    write_outputs(out, files, force=args.force, inputs=inputs, lang=lang)
    status(
        text(
            "cli.wrote_appraisal",
            lang,
            path=out / "appraisal.toml",
            rows=text_n("count.row", len(appraisal.nodes), lang),
        )
    )
    status("\n" + text("cli.wrote_evidence", lang, path=out / "evidence.toml", rules=rules.id))
    status(
        "\n"
        + text(
            "cli.wrote_plan",
            lang,
            path=out / "plan.toml",
            tasks=text_n("count.task", len(plan.tasks), lang),
        )
        + "\n"
    )
    return observed


def _rules_from(folder: Path, rules: str) -> str:
    """How a file in ``folder`` names the rules given on the command line: a bundled name as
    it is, a path relative to that folder (evidence files resolve it from their own)."""
    from ..io.files import names_a_file

    if not names_a_file(rules):
        return rules
    return Path(os.path.relpath(Path(rules).resolve(), folder.resolve())).as_posix()


def cmd_reconcile(args: argparse.Namespace) -> int:
    from ..reconcile import reconcile, summarise
    from ..report import render_differences, render_findings

    appraisal = _read_appraisal(args.annex, args.lang)
    card: Scorecard | None = None
    rules: RuleSet | None
    if args.evidence is not None:  # the unit's points recomputed from its facts
        rules, evidence = load_unit(args)
        card = evaluate(rules, evidence)
    else:
        rules = load_rules(args.rules) if args.rules else None
    findings = reconcile(appraisal, rules)
    summary = summarise(appraisal, rules, scorecard=card)
    say(render_findings(findings, args.format, args.lang, summary))
    if card is not None and args.format != "json":
        found = _differences(appraisal, card)
        say("\n" + render_differences(found, card.rules.decimals, args.format, args.lang))
    return EXIT_PROBLEMS if any(f.severity == "error" for f in findings) else EXIT_OK


def _differences(appraisal: Appraisal, card: Scorecard) -> list[Difference]:
    """Every criterion the annex lists whose points from the unit's facts differ from the
    points the annex gives it (read as :func:`observed_evidence` reads them)."""
    from ..evaluation import Difference
    from ..observed import observed_evidence

    annex = dict(observed_evidence(appraisal, card.rules).evidence.appraised)
    listed = {row.code for row in appraisal.nodes if row.level == "criterion"}
    return [
        Difference(node.code, card.points_of(node.code), annex[node.code])
        for node in card.rules.nodes()
        if node.code in listed and node.is_leaf and card.points_of(node.code) != annex[node.code]
    ]


def cmd_project(args: argparse.Namespace) -> int:
    from ..io.plan import load_plan
    from ..projection import project
    from ..report import render_projection

    rules, evidence = load_unit(args)
    plan = load_plan(args.plan)
    target = parse_target(rules, args.target, args.lang)
    if isinstance(target, str):
        band = rules.band(target)
        assert band is not None  # target checked the name
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
    say(render_projection(projection, args.format, args.lang))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from ..io.plan import load_plan
    from ..report import render_best_plan

    if args.budget is None and args.target is None:
        raise UsageError(words.text("cli.plan_needs", args.lang))
    rules, evidence = load_unit(args)
    best = plan_for_budget(
        rules,
        evidence,
        load_plan(args.plan),
        args.budget,
        as_of=args.as_of,
        target=parse_target(rules, args.target, args.lang),
        confidence=args.confidence,
    )
    say(render_best_plan(best, args.format, args.lang, decimals=rules.decimals, bands=rules.bands))
    return EXIT_OK


def plan_for_budget(
    rules: RuleSet,
    evidence: Evidence,
    plan: Plan,
    budget: Decimal | None,
    *,
    as_of: dt.date | None = None,
    target: Decimal | str | None = None,
    confidence: Decimal = Decimal("0.8"),
) -> BestPlan:
    """:func:`best_plan` for a budget typed on the command line, however large.

    A budget beyond every task's effort buys no more than all of them: plan with their
    sum, so that the knapsack's size follows the plan, not a large number typed (the result
    still shows the budget typed). Without a budget, best_plan takes the whole plan's effort.
    """
    from ..optimise import best_plan

    efforts = sum((t.effort for t in plan.tasks if t.effort is not None), Decimal(0))
    used = min(budget, efforts) if efforts and budget is not None else budget
    best = best_plan(rules, evidence, plan, used, as_of=as_of, target=target, confidence=confidence)
    if budget is not None and used != budget:
        best = attrs.evolve(best, budget=budget)
    return best


_DEMO_BUDGET = Decimal(40)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..io.annex import read_annex
    from ..io.evidence import load_evidence
    from ..io.plan import load_plan
    from ..io.rules import bundled_path
    from ..numbers import format_number
    from ..optimise import best_plan
    from ..projection import project
    from ..reconcile import reconcile, summarise
    from ..report import render_best_plan

    if args.annex is not None:
        return _demo_annex(args)
    example = bundled_path("examples") / "ward_2022"
    rules = load_rules("criteria_2022")
    evidence = load_evidence(example / "evidence.toml")
    card = evaluate(rules, evidence)
    appraisal = read_annex(example / "annex.tsv")[0]
    findings = reconcile(appraisal, rules)
    # The example's facts are the same ward's: its points are the recomputed ones.
    summary = summarise(appraisal, scorecard=card)
    plan = load_plan(example / "plan.toml")
    projection = project(rules, evidence, plan, target=rules.bands[0].min)
    best = best_plan(rules, evidence, plan, _DEMO_BUDGET)
    lang = args.lang
    _say_main_job(rules, findings, summary, card, projection, lang)
    budget = format_number(_DEMO_BUDGET, lang)
    say(f"\n== {words.text('cli.demo_plan', lang, budget=budget)}\n\n")
    step = Decimal(10)
    say(render_best_plan(best, "table", lang, step, decimals=rules.decimals, bands=rules.bands))
    return EXIT_OK


def _say_main_job(
    rules: RuleSet,
    findings: Sequence[Finding],
    summary: Summary,
    card: Scorecard,
    projection: Projection,
    lang: Lang,
) -> None:
    """The demo's sections: the rules, the annex reconciled, the score and its deductions,
    the projection."""
    from ..report import (
        render_findings,
        render_ledger,
        render_projection,
        render_scorecard,
        ruleset_summary,
    )

    say(ruleset_summary(rules, lang) + "\n")
    say(f"\n== {words.text('cli.demo_reconcile', lang)}\n\n")
    say(render_findings(findings, "table", lang, summary))
    say(f"\n== {words.text('cli.demo_score', lang)}\n\n")
    say(render_scorecard(card, "table", lang, depth=1))
    say("\n")
    say(render_ledger(card, None, "table", lang))
    say(f"\n== {words.text('cli.demo_project', lang)}\n\n")
    say(render_projection(projection, "table", lang))


def _demo_annex(args: argparse.Namespace) -> int:
    """The main job on a unit's own annex: reconcile it, score the points it gives, project
    its plan (every task restoring its criteria, as imported); files only with --out."""
    from ..projection import project
    from ..reconcile import reconcile, summarise

    lang = args.lang
    appraisal, plan = _read_annex(args)
    rules = load_rules(args.rules)
    out = Path(args.out) if args.out else None
    observed = (
        _write_import(args, appraisal, plan, rules, out)
        if out is not None
        else _observed(args, appraisal, rules, None)
    )
    card = evaluate(rules, observed.evidence)
    findings = reconcile(appraisal, rules)
    projection = project(rules, observed.evidence, plan, target=rules.bands[0].min)
    _say_main_job(rules, findings, summarise(appraisal, rules), card, projection, lang)
    return EXIT_OK
