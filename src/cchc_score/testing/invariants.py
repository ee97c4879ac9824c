"""The engine's invariants, checked on one example each or with hypothesis on a rule set
(see :mod:`cchc_score.testing` for what each guarantees)."""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ..effects import best_value, resolve_effects
from ..engine import Engine
from ..errors import RulesError
from ..evaluation import evaluate
from ..evidence import Evidence, check_evidence
from ..io.rules import dump_rules, loads_rules
from ..kinds import kind_of
from ..numbers import round_exact
from ..projection import brute_force_distribution, project
from ..words import default_lang, text
from .edges import edges, worse_to_better
from .errors import INVARIANTS, SUBJECTS, InvariantError, describe
from .reach import check_no_dead_input, check_reachable
from .strategies import evidence_for, improvements, plans_for

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Criterion, RuleSet
    from ..plan import Plan, Task

__all__ = [
    "INVARIANTS",
    "SUBJECTS",
    "InvariantError",
    "check_card",
    "check_invariants",
    "check_monotone",
    "check_monotone_edges",
    "check_no_dead_input",
    "check_plan",
    "check_plan_order",
    "check_reachable",
    "check_rescoring",
    "check_round_trip",
    "evaluated_total",
]

_D = Decimal


# --------------------------------------------------------------------------- invariants


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
                f"{node.max} with {describe(dict(card.values))}",
                criterion=node.code,
                evidence=(evidence,),
                points=(node.points,),
            )
        if node.criterion.children:
            total = sum((card.node(c.code).points for c in node.criterion.children), _D(0))
            if node.points != min(total, node.max):
                raise InvariantError(
                    "sums",
                    f"criterion {node.code} scored {node.points}, its "
                    f"children add up to {total} (maximum {node.max})",
                    criterion=node.code,
                    evidence=(evidence,),
                    points=(node.points, total),
                )
    if card.total != min(sum((d.points for d in card.domains), _D(0)), rules.max):
        raise InvariantError(
            "sums",
            f"the total {card.total} is not the sum of the domains",
            evidence=(evidence,),
            points=(card.total,),
        )


def check_monotone(rules: RuleSet, evidence: Evidence, fact: str, value: Any) -> None:
    """Check that setting ``fact`` to the better ``value`` lowers no node.

    Raises:
        InvariantError: naming the criterion that fell, the fact and both values.
    """
    _monotone_step(rules, evidence, evidence.with_facts(**{fact: value}), fact)


def _monotone_step(rules: RuleSet, worse: Evidence, better: Evidence, fact: str) -> None:
    """Check that no leaf falls from ``worse`` to ``better`` (``fact`` improved)."""
    before, after = evaluate(rules, worse), evaluate(rules, better)
    old, value = dict(before.values)[fact], dict(after.values)[fact]
    for a, b in zip(before.nodes, after.nodes, strict=True):
        if b.points < a.points and b.criterion.is_leaf:
            way = rules.fact(fact).better
            raise InvariantError(
                "monotone",
                f"criterion {a.code} ({a.kind} rule) fell from {a.points} to {b.points} points "
                f"when fact {fact!r} improved ({way} is better) from {old} to {value}; "
                f"the other facts: {describe({k: v for k, v in before.values if k != fact})}",
                criterion=a.code,
                evidence=(worse, better),
                points=(a.points, b.points),
            )


def _readers(rules: RuleSet) -> dict[str, list[tuple[Criterion, Any]]]:
    """fact → each leaf scored from it, with its kind's prepared scorer."""
    out: dict[str, list[tuple[Criterion, Any]]] = {}
    for node in rules.nodes():
        kind = kind_of(node.rule)
        if node.is_leaf and kind.scored:
            scorer = kind.scorer(node.rule, node.max, rules.decimals)
            for name in kind.facts(node.rule):
                out.setdefault(name, []).append((node, scorer))
    return out


def check_monotone_edges(rules: RuleSet, evidence: Evidence) -> None:
    """Check ``monotone`` for every fact with a declared direction, over all of its edge
    values beside ``evidence`` (every threshold ± one unit, past the highest, the bounds),
    from the worst to the best; for a checklist, each item added to the items done.

    Raises:
        InvariantError: naming the criterion that fell, the fact and both values.
    """
    values = dict(check_evidence(rules, evidence))
    readers = rules.memo("testing.readers", _readers)
    for fact in rules.facts:
        if fact.better == "none" or fact.name not in readers:
            continue
        others = {k: v for k, v in values.items() if k != fact.name}
        if fact.type == "checklist":
            done: frozenset[str] = values[fact.name]  # type: ignore[assignment]  # checked
            pairs: list[tuple[Any, Any]] = [(done - {i}, done) for i in done]
            pairs += [(done, done | {i}) for i in fact.items if i not in done]
        else:
            chain = worse_to_better(fact, edges(rules, fact, others))  # within the fact's span
            pairs = list(itertools.pairwise(chain))
        for worse, better in pairs:
            low, high = {**others, fact.name: worse}, {**others, fact.name: better}
            for node, score in readers[fact.name]:
                kind = kind_of(node.rule)
                if not (kind.values_ok(node.rule, low) and kind.values_ok(node.rule, high)):
                    continue
                if score(high) < score(low):  # found cheaply; said through evaluate
                    _monotone_step(
                        rules,
                        evidence.with_facts(**{fact.name: worse}),
                        evidence.with_facts(**{fact.name: better}),
                        fact.name,
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
            evidence=(evidence,),
            points=(rescored, evaluated),
        )


def check_round_trip(rules: RuleSet) -> None:
    """Check that dumping and loading the rule set gives it back (a rule set built in
    Python that the loader refuses breaks it too, with the loader's problems)."""
    try:
        again = loads_rules(dump_rules(rules), file="<dumped>")
    except RulesError as exc:
        message = text("invariant.round_trip.refused", default_lang(), id=rules.id, error=exc)
        raise InvariantError("round_trip", message) from None
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
                        evidence=(evidence,),
                        points=(without, with_it),
                    )
    expected = project(rules, evidence, plan).expected
    brute = brute_force_distribution(rules, evidence, plan).mean
    if abs(expected - brute) > 1e-9:
        raise InvariantError(
            "expectation",
            f"the distribution's mean {expected} differs from the enumerated expectation {brute}",
        )


def check_invariants(
    rules: RuleSet, *, max_examples: int = 100, plans: bool = True, seed: int | None = None
) -> None:
    """Check every invariant of :data:`INVARIANTS` on ``rules``.

    First the rules' own invariants that need no random draw (``reachable``,
    ``no_dead_input``); then, with hypothesis, on evidence drawn at and around every
    threshold: ``bounds`` and ``sums``, ``monotone`` over every declared direction, and
    (with ``plans``) the projection's invariants; last ``round_trip``, so that a rule set
    built in Python that the loader would refuse still has its other invariants checked.

    Args:
        rules: the rule set to test, e.g. ``load_rules("my_province.toml")``.
        max_examples: how many evidences (and plans) hypothesis tries.
        plans: also check the projection invariants on random small plans.
        seed: draw the same examples on every run (for a repeatable CI run).

    Raises:
        InvariantError: with the invariant, the criterion, the evidence and the points;
            hypothesis shrinks the example first.
    """
    check_reachable(rules)
    check_no_dead_input(rules)

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
        check_monotone_edges(rules, evidence)
        values = check_evidence(rules, evidence)
        for fact in rules.facts:  # and each fact improved once, at random
            better = improvements(fact, values[fact.name], rules, values=values)
            if better is not None:
                check_monotone(rules, evidence, fact.name, data.draw(better, label=fact.name))
        if plans:
            plan = data.draw(plans_for(rules, evidence, 4), label="plan")
            check_plan(rules, evidence, plan)
            order = data.draw(st.permutations(range(len(plan.tasks))), label="order")
            check_plan_order(rules, evidence, plan, order)

    (run if seed is None else hypothesis.seed(seed)(run))()
    check_round_trip(rules)
