"""Next year's score of a plan: the all-done evidence under next year's rules, and the
tasks that count in a later year because their criteria look back (``looks_back``).
Pure: no files, no clock.

:func:`cchc_score.projection.project` calls these with ``rules_next``; facts renamed and
appraised points whose maximum changed are carried as :mod:`cchc_score.carry` says.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from . import syntax
from .carry import Carried, carry_points, renamed_facts
from .effects import best_value
from .engine import partly_restored
from .errors import ProblemList
from .evaluation import evaluate
from .kinds import kind_of
from .plan import PartialRestore, PlanError, Restore

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .engine import Engine
    from .model import RuleSet
    from .plan import Plan, Task

__all__ = ["counts_in", "score_next_year"]


def counts_in(rules: RuleSet, plan: Plan, tasks: Sequence[Task], scored: int) -> dict[str, int]:
    """The tasks that count only in a year after ``scored``, with that year: a task done in
    year D for criteria that look back L years counts from year D + L on.

    A task serving criteria that look back different numbers of years is refused: which
    year it counts in would depend on the criterion, so it must be split.
    """
    problems = ProblemList(plan.source)
    later: dict[str, int] = {}
    for task in tasks:
        looks = {
            leaf.code: leaf.looks_back
            for code in task.criteria
            if rules.has_node(code)
            for leaf in rules.node(code).walk()
            if leaf.is_leaf
        }
        if not looks:
            continue
        if len(set(looks.values())) > 1:
            codes = ", ".join(f"{c}: {n}" for c, n in sorted(looks.items()) if n)
            problems.add(
                f"task {syntax.quote(task.id)}.criteria",
                "E-PLAN-LOOKS-BACK-MIXED",
                list(task.criteria),
                codes=codes,
            )
            continue
        done = task.deadline.date.year if task.deadline.date is not None else scored
        counts = done + next(iter(looks.values()))
        if counts > scored:
            later[task.id] = counts
    problems.raise_if_any(PlanError)
    return later


def score_next_year(
    rules_next: RuleSet, engine: Engine, plan: Plan, in_time: Sequence[Task], scored: int
) -> dict[str, Any]:
    """Score the all-done evidence under next year's rules; list what does not carry over.

    The all-done state is the one the projection scores (best fact values, highest
    appraised points, restores, compounded partial restores), so under the same rules the
    next total is the all-done total. The tasks done are those that count by
    ``rules_next.year`` (a task for criteria that look back counts a year later), and what
    they set that only ``rules_next`` declares is set too."""
    lost: list[str] = []
    later = counts_in(rules_next, plan, in_time, max(rules_next.year, scored))
    done = [t for t in in_time if t.id not in later]
    state = engine.state(done, forget=False)
    facts: dict[str, Any] = {**engine.values, **dict(state.facts)}
    facts = dict(renamed_facts(facts, rules_next)[0])  # the newer file's [renamed]
    appraised: dict[str, Decimal] = {**engine.appraised, **dict(state.appraised)}
    new_leaves: dict[str, Task] = {}
    for task in done:
        effect = engine.effects[task.id]
        for name, value in effect.next_facts:
            old = facts.get(name)
            fact = rules_next.fact(name)
            facts[name] = value if old is None else best_value(fact, old, value)
        for code, given in effect.next_appraised:
            appraised[code] = max(given, appraised.get(code, given))
        for code in effect.next_criteria:
            new_leaves.setdefault(code, task)
    for name in sorted(facts):
        if not rules_next.has_fact(name):
            lost.append(f"fact {name}: not declared in {rules_next.id}")
            del facts[name]
    for code in sorted(appraised):
        if not rules_next.has_node(code) or not kind_of(rules_next.node(code).rule).appraised:
            lost.append(f"criterion {code}: not scored by appraised points in {rules_next.id}")
            del appraised[code]
    # A maximum that changed: the appraised points go by the new criterion's carry policy.
    carried: list[Carried] = []
    refused: dict[str, str] = {}
    for code in sorted(appraised):
        node = rules_next.node(code)
        before = engine.rules.node(code).max if engine.rules.has_node(code) else node.max
        points, step = carry_points(node, appraised[code], before, rules_next.decimals)
        carried += [step] if step is not None else []
        if points is None:
            del appraised[code]
            refused[code] = step.sentence() if step is not None else code
        else:
            appraised[code] = points
    for task in done:
        lost += [
            f"criterion {code} (task {task.id}): not in {rules_next.id}"
            for code in task.criteria
            if not rules_next.has_node(code)
        ]
    remaining = dict(state.remaining)
    for code, task in new_leaves.items():  # criteria only next year's rules have
        if isinstance(task.effect, Restore):
            state = attrs.evolve(state, restored=state.restored | {code})
        elif isinstance(task.effect, PartialRestore):
            remaining[code] = remaining.get(code, Fraction(1)) * (1 - Fraction(task.effect.share))
    evidence = attrs.evolve(
        engine.evidence,
        facts=facts,
        appraised=appraised,
        notes=[(c, n) for c, n in engine.evidence.notes if rules_next.has_node(c)],
        not_assessed=[
            *((c, r) for c, r in engine.evidence.not_assessed if rules_next.has_node(c)),
            *refused.items(),
        ],
    )
    card = evaluate(rules_next, evidence)
    gain = Decimal(0)
    for code in sorted(state.restored | remaining.keys()):
        if not rules_next.has_node(code) or not rules_next.node(code).is_leaf:
            continue
        top, now = rules_next.node(code).max, card.points_of(code)
        if code in state.restored:
            gain += top - now
        else:
            gain += partly_restored(top, now, remaining[code], rules_next.decimals) - now
    return {
        "carry_over": tuple(lost),
        "next_total": card.total + gain,
        "carried": tuple(carried),
    }
