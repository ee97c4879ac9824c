"""The engine's invariants, checked on one example each or with hypothesis on a rule set
(see :mod:`cchc_score.testing` for what each guarantees)."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ..effects import best_value, resolve_effects
from ..engine import Engine
from ..evaluation import evaluate
from ..evidence import Evidence, check_evidence
from ..io.rules import dump_rules, loads_rules
from ..numbers import round_exact
from ..projection import brute_force_distribution, project
from .strategies import evidence_for, improvements, plans_for

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..model import RuleSet
    from ..plan import Plan, Task

__all__ = [
    "INVARIANTS",
    "InvariantError",
    "check_card",
    "check_invariants",
    "check_monotone",
    "check_plan",
    "check_plan_order",
    "check_rescoring",
    "check_round_trip",
    "evaluated_total",
]

#: Every invariant :func:`check_invariants` checks, with what it guarantees.
INVARIANTS: dict[str, str] = {
    "bounds": "every node within [0, max]",
    "sums": "each parent is the sum of its children, capped at its maximum",
    "monotone": "a fact improved in its declared direction never lowers a score",
    "order": "the order a plan lists its tasks in does not change the projection",
    "round_trip": "load → dump → load gives the same rule set",
    "rescoring": "the engine's total for done tasks is a full evaluate with their effects",
    "completion": "completing a task that worsens nothing never lowers the projected total",
    "expectation": "the exact distribution's mean is the expected total",
}

_D = Decimal


class InvariantError(AssertionError):
    """A rule set (or the engine) broke one of the invariants; the message says where."""

    def __init__(self, invariant: str, message: str) -> None:
        super().__init__(f"{invariant} ({INVARIANTS[invariant]}): {message}")
        self.invariant = invariant


# --------------------------------------------------------------------------- invariants


def _describe(values: Mapping[str, Any]) -> str:
    def show(value: Any) -> str:
        return (
            "{" + ", ".join(sorted(map(repr, value))) + "}"
            if isinstance(value, frozenset)
            else repr(value)
            if isinstance(value, str)
            else str(value)
        )

    return ", ".join(f"{name}={show(value)}" for name, value in sorted(values.items()))


def check_card(rules: RuleSet, evidence: Evidence) -> None:
    """Check ``bounds`` and ``sums`` on one evidence.

    Raises:
        InvariantError: naming the node and its numbers.
    """
    card = evaluate(rules, evidence)
    for node in card.nodes:
        if not 0 <= node.points <= node.max:
            raise InvariantError(
                "bounds",
                f"criterion {node.code} scored {node.points} of "
                f"{node.max} with {_describe(dict(card.values))}",
            )
        if node.criterion.children:
            total = sum((card.node(c.code).points for c in node.criterion.children), _D(0))
            if node.points != min(total, node.max):
                raise InvariantError(
                    "sums",
                    f"criterion {node.code} scored {node.points}, its "
                    f"children add up to {total} (maximum {node.max})",
                )
    if card.total != min(sum((d.points for d in card.domains), _D(0)), rules.max):
        raise InvariantError("sums", f"the total {card.total} is not the sum of the domains")


def check_monotone(rules: RuleSet, evidence: Evidence, fact: str, value: Any) -> None:
    """Check that setting ``fact`` to the better ``value`` lowers no node.

    Raises:
        InvariantError: naming the criterion that fell, the fact and both values.
    """
    before = evaluate(rules, evidence)
    after = evaluate(rules, evidence.with_facts(**{fact: value}))
    old = dict(before.values)[fact]
    for a, b in zip(before.nodes, after.nodes, strict=True):
        if b.points < a.points and b.criterion.is_leaf:
            better = rules.fact(fact).better
            raise InvariantError(
                "monotone",
                f"criterion {a.code} ({a.kind} rule) fell from {a.points} to {b.points} points "
                f"when fact {fact!r} improved ({better} is better) from {old} to {value}; "
                f"the other facts: {_describe({k: v for k, v in before.values if k != fact})}",
            )


def check_plan_order(rules: RuleSet, evidence: Evidence, plan: Plan, order: Sequence[int]) -> None:
    """Check that listing the plan's tasks in another ``order`` (a permutation of their
    indices) changes no projected total, gain or probability.

    Only a fact with no declared better direction, set by two tasks, may legitimately
    depend on the order (the later task's value stands); generated plans never do that.

    Raises:
        InvariantError: naming both orders and the first number that differs.
    """
    permuted = attrs.evolve(plan, tasks=tuple(plan.tasks[i] for i in order))
    before, after = project(rules, evidence, plan), project(rules, evidence, permuted)
    listed = ", ".join(t.id for t in permuted.tasks)
    pairs: list[tuple[str, object, object]] = [
        ("all done", before.all_done, after.all_done),
        (
            "distribution",
            [t for t, _ in before.distribution.totals],
            [t for t, _ in after.distribution.totals],
        ),
        (
            "gains",
            sorted((g.id, g.gain_alone, g.gain_last) for g in before.tasks),
            sorted((g.id, g.gain_alone, g.gain_last) for g in after.tasks),
        ),
        ("timeline", [p.total for p in before.timeline], [p.total for p in after.timeline]),
    ]
    for what, one, other in pairs:
        if one != other:
            raise InvariantError(
                "order", f"{what} {_show(one)}, listed as {listed}: {_show(other)}"
            )
    for (total, p), (_, q) in zip(
        before.distribution.totals, after.distribution.totals, strict=True
    ):
        if abs(p - q) > 1e-9:
            raise InvariantError("order", f"P(total = {total}) is {p}, listed as {listed}: {q}")


def _show(value: object) -> str:
    return str(value) if isinstance(value, Decimal) else repr(value)


def evaluated_total(
    rules: RuleSet, evidence: Evidence, plan: Plan, done: Sequence[Task]
) -> Decimal:
    """The total when ``done`` tasks of ``plan`` are done, found without the engine's
    rescoring: a full :func:`cchc_score.evaluate` of the evidence with their facts and
    appraised points set (the better value, the higher points where tasks overlap), their
    restored criteria counted at full points, and then their partial restores applied
    (compounded, rounded once, half up)."""
    effects = resolve_effects(rules, plan)
    facts: dict[str, Any] = {}
    appraised: dict[str, Decimal] = {}
    restored: set[str] = set()
    kept: dict[str, Fraction] = {}
    for task in (t for t in plan.tasks if t in done):
        effect = effects[task.id]
        for name, value in effect.facts:
            facts[name] = (
                best_value(rules.fact(name), facts[name], value) if name in facts else value
            )
        for code, points in effect.appraised:
            appraised[code] = max(appraised.get(code, points), points)
        restored |= effect.restore
        for code, won in effect.partial:
            kept[code] = kept.get(code, Fraction(1)) * (1 - Fraction(won))
    skipped = {code for code, _ in evidence.not_assessed}
    changed = attrs.evolve(
        evidence,
        facts={**dict(check_evidence(rules, evidence)), **facts},
        appraised={**dict(evidence.appraised), **appraised},
        not_assessed=[
            *evidence.not_assessed,
            *((c, "restored") for c in sorted(restored - skipped)),
        ],
    )
    card = evaluate(rules, changed)
    total = card.total
    for code, lost in kept.items():
        if code not in restored:
            top, now = rules.node(code).max, card.points_of(code)
            back = round_exact(Fraction(top) - lost * Fraction(top - now), rules.decimals)
            total += max(now, min(back, top)) - now
    return total


def check_rescoring(rules: RuleSet, evidence: Evidence, plan: Plan, done: Sequence[Task]) -> None:
    """Check that the engine's total for ``done`` tasks is :func:`evaluated_total`.

    Raises:
        InvariantError: naming the tasks and both totals.
    """
    engine = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan), plan.source)
    rescored, evaluated = engine.total(done), evaluated_total(rules, evidence, plan, done)
    if rescored != evaluated:
        raise InvariantError(
            "rescoring",
            f"with tasks {[t.id for t in done]} done the engine gives {rescored}, "
            f"a full evaluate {evaluated}",
        )


def check_round_trip(rules: RuleSet) -> None:
    """Check that dumping and loading the rule set gives it back."""
    again = loads_rules(dump_rules(rules), file="<dumped>")
    if again != rules:
        raise InvariantError("round_trip", f"{rules.id} changed through dump_rules/loads_rules")


def check_plan(rules: RuleSet, evidence: Evidence, plan: Plan) -> None:
    """Check ``rescoring`` for every set of done tasks, ``completion`` (for a plan whose
    effects improve on ``evidence``) and ``expectation`` (against brute-force
    enumeration). Exponential in the plan's size: for small plans."""
    model = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan), plan.source)
    for size in range(len(plan.tasks) + 1):
        for done in itertools.combinations(plan.tasks, size):
            if model.total(done) != evaluated_total(rules, evidence, plan, done):
                check_rescoring(rules, evidence, plan, done)
            for task in plan.tasks:
                if task in done:
                    continue
                with_it, without = model.total([*done, task]), model.total(done)
                if with_it < without:
                    raise InvariantError(
                        "completion",
                        f"completing task {task.id} ({task.effect.kind} on "
                        f"{', '.join(task.criteria)}) after {[t.id for t in done]} lowered the "
                        f"total from {without} to {with_it}",
                    )
    expected = project(rules, evidence, plan).expected
    brute = brute_force_distribution(rules, evidence, plan).mean
    if abs(expected - brute) > 1e-9:
        raise InvariantError(
            "expectation",
            f"the distribution's mean {expected} differs from the enumerated expectation {brute}",
        )


def check_invariants(rules: RuleSet, *, max_examples: int = 100, plans: bool = True) -> None:
    """Check every invariant of :data:`INVARIANTS` on ``rules`` with hypothesis.

    Args:
        rules: the rule set to test, e.g. ``load_rules("my_province.toml")``.
        max_examples: how many evidences (and plans) hypothesis tries.
        plans: also check the projection invariants on random small plans.

    Raises:
        InvariantError: with the invariant, the criterion and the facts; hypothesis shrinks
            the example first and reports it.
    """
    check_round_trip(rules)

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        report_multiple_bugs=False,  # one error, the simplest, rather than a group
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow "explain"
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(evidence=evidence_for(rules), data=st.data())
    def run(evidence: Evidence, data: st.DataObject) -> None:
        check_card(rules, evidence)
        values = check_evidence(rules, evidence)
        for fact in rules.facts:  # every fact, each improved once
            better = improvements(fact, values[fact.name], rules, values=values)
            if better is not None:
                check_monotone(rules, evidence, fact.name, data.draw(better, label=fact.name))
        if plans:
            plan = data.draw(plans_for(rules, evidence, 4), label="plan")
            check_plan(rules, evidence, plan)
            order = data.draw(st.permutations(range(len(plan.tasks))), label="order")
            check_plan_order(rules, evidence, plan, order)

    run()
