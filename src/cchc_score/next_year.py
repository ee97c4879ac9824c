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

from .carry import Carried, carry_points, renamed_facts
from .effects import best_value, resolve_effects
from .engine import Engine, partly_restored
from .evaluation import evaluate
from .kinds import kind_of
from .model import rule_facts
from .plan import PartialRestore, Plan, Restore

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .effects import Effect
    from .evaluation import Scorecard
    from .evidence import Evidence
    from .model import RuleSet
    from .plan import Task

__all__ = ["deferred_tasks", "frozen_leaves", "score_next_year"]


def frozen_leaves(
    rules: RuleSet,
    looks: RuleSet,
    tasks: Sequence[Task],
    scored: int,
    effects: Mapping[str, Effect] | None = None,
) -> frozenset[str]:
    """The leaves of ``rules`` that no task can move in the index of year ``scored``: those
    whose criterion (as ``looks`` declares it) looks back ``l ≥ 1`` years, when even the
    earliest task that can change the leaf (by ``effects``) was done after ``scored − l``.
    Work done in year D counts for such a criterion from the index of year D + l on.

    A task's year is its deadline's, or ``scored`` when it has none. Each leaf is judged by
    the tasks that can change it, not by the earliest task of all: a task done early for
    one criterion does not let a later one count for another. ``effects`` are the tasks'
    resolved effects (:func:`cchc_score.effects.resolve_effects`), resolved here from
    ``rules`` when not given.
    """
    if not tasks:
        return frozenset()
    if effects is None:
        effects = resolve_effects(rules, Plan(tuple(tasks)))
    earliest: dict[str, int] = {}
    for task in tasks:
        year = _done_in(task, scored)
        for code in effects[task.id].leaves:
            earliest[code] = min(year, earliest.get(code, year))
    return frozenset(
        code
        for code, year in earliest.items()
        if looks.has_node(code) and year + looks.node(code).looks_back > scored
    )


def deferred_tasks(
    rules: RuleSet, engine: Engine, frozen: frozenset[str], scored: int
) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """``(task id, year, codes)`` for each task of ``engine`` that would change a frozen
    leaf: the year whose index it counts in for them, and those leaves."""
    out = []
    for task in engine.tasks:
        touched = sorted(engine.effects[task.id].leaves & frozen)
        if touched:
            back = max(rules.node(c).looks_back for c in touched)
            out.append((task.id, _done_in(task, scored) + back, tuple(touched)))
    return tuple(out)


def renamed_names(names: Sequence[str], rules: RuleSet) -> list[str]:
    """Fact names as ``rules`` name them (its ``[renamed]``)."""
    mapping = dict(rules.renamed)
    return [mapping.get(n, n) for n in names]


def _held_back(
    rules_next: RuleSet, engine: Engine, evidence: Evidence, card: Scorecard, frozen: frozenset[str]
) -> Decimal:
    """What the frozen leaves must give back: the done tasks' facts moved them in ``card``,
    but they look at a year before the tasks, so they keep the points the baseline's facts
    and appraised points give them under ``rules_next``."""
    codes = [c for c in frozen if rules_next.has_node(c) and rules_next.node(c).is_leaf]
    if not codes:
        return Decimal(0)
    before = dict(renamed_facts(dict(engine.values), rules_next)[0])
    reads = {n for c in codes for n in rule_facts(rules_next.node(c).rule)}
    facts = {**dict(evidence.facts), **{n: before[n] for n in reads if n in before}}
    appraised = dict(evidence.appraised)
    for code in codes:
        if code in engine.appraised and code in appraised:
            node, old = rules_next.node(code), engine.rules.node(code).max
            points = carry_points(node, engine.appraised[code], old, rules_next.decimals)[0]
            appraised[code] = points if points is not None else appraised[code]
    base = evaluate(rules_next, attrs.evolve(evidence, facts=facts, appraised=appraised))
    return sum((base.points_of(c) - card.points_of(c) for c in codes), Decimal(0))


def _done_in(task: Task, scored: int) -> int:
    return task.deadline.date.year if task.deadline.date is not None else scored


def score_next_year(rules_next: RuleSet, engine: Engine, scored: int) -> dict[str, Any]:
    """Score the all-done evidence under next year's rules; list what does not carry over.

    The all-done state is the one the projection scores (best fact values, highest
    appraised points, restores, compounded partial restores), so under the same rules the
    next total is the all-done total. The tasks done are those that count by
    ``rules_next.year`` (a task for criteria that look back counts a year later), and what
    they set that only ``rules_next`` declares is set too."""
    lost: list[str] = []
    done = engine.tasks
    # The year next year's rules score: what looks back is frozen as of that year.
    year = max(rules_next.year, scored)
    frozen = frozen_leaves(engine.rules, rules_next, done, year, engine.effects)
    engine = Engine(engine.rules, engine.evidence, done, engine.effects, frozen=frozen)
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
        restores = isinstance(task.effect, (Restore, PartialRestore))
        if restores and kind_of(rules_next.node(code).rule).appraised and code not in appraised:
            appraised[code] = Decimal(0)  # no points yet: a restore wins them all
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
        estimated=[n for n in renamed_names(engine.evidence.estimated, rules_next) if n in facts],
    )
    card = evaluate(rules_next, evidence)
    gain = _held_back(rules_next, engine, evidence, card, frozen)
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
