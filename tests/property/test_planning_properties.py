"""The best plan and the target search against exhaustive search: random rule sets (0–3
decimals), tasks crowding onto a few criteria with restore, partial and facts effects (any
valid value, better or worse than the evidence), efforts with 0–2 decimals."""

from __future__ import annotations

import decimal
import itertools
from decimal import Decimal
from unittest import mock

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cchc_score import PartialRestore, Plan, Restore, RuleSet, SetFacts, Task, best_plan, profiles
from cchc_score.effects import resolve_effects
from cchc_score.engine import Engine
from cchc_score.model import Appraised
from cchc_score.numbers import exact

from .strategies import evidence_for, plans_for, rulesets


def _with_efforts(plan: Plan, data: st.DataObject) -> Plan:
    """The plan with efforts of 0, 1 or 2 decimals (the same for every task)."""
    unit = data.draw(st.sampled_from([Decimal(1), Decimal("0.1"), Decimal("0.01")]), label="unit")
    efforts = data.draw(
        st.lists(st.integers(0, 800), min_size=len(plan.tasks), max_size=len(plan.tasks)),
        label="efforts",
    )
    tasks = tuple(
        attrs.evolve(t, effort=(e * unit).normalize() if e else Decimal(0))
        for t, e in zip(plan.tasks, efforts, strict=True)
    )
    return attrs.evolve(plan, tasks=tasks)


def _outcomes(engine: Engine, subset: tuple[object, ...]) -> list[tuple[Decimal, Decimal]]:
    """Every outcome of attempting ``subset``: (total, exact probability)."""
    out = []
    for done in itertools.product((False, True), repeat=len(subset)):
        p = Decimal(1)
        for is_done, task in zip(done, subset, strict=True):
            chance = task.probability  # type: ignore[attr-defined]
            p = exact().multiply(p, chance if is_done else 1 - chance)
        if p:
            out.append((engine.total(t for t, d in zip(subset, done, strict=True) if d), p))  # type: ignore[misc]
    return out


def _mean(outcomes: list[tuple[Decimal, Decimal]]) -> Decimal:
    """The exact mean: no digit of a product of probabilities rounded away."""
    x = exact()
    mean = Decimal(0)
    for total, p in outcomes:
        mean = x.add(mean, x.multiply(total, p))
    return mean


def _subsets(plan: Plan) -> list[tuple[object, ...]]:
    return [
        subset
        for size in range(len(plan.tasks) + 1)
        for subset in itertools.combinations(plan.tasks, size)
    ]


def _effort(subset: tuple[object, ...]) -> Decimal:
    return sum((t.effort for t in subset), Decimal(0))  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None)
@given(rulesets(), st.data())
def test_the_knapsack_equals_exhaustive_search(rules: RuleSet, data: st.DataObject) -> None:
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = _with_efforts(data.draw(plans_for(rules, max_tasks=7), label="plan"), data)
    total = _effort(tuple(plan.tasks))
    budget = data.draw(st.sampled_from([Decimal(0), total / 3, total / 2, total]), label="budget")
    budget = budget.quantize(Decimal("0.01"), rounding=decimal.ROUND_FLOOR)
    best = best_plan(rules, evidence, plan, budget)
    engine = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan))
    # Every subset's exact expected total; the best within each budget.
    priced = [(_effort(s), _mean(_outcomes(engine, s))) for s in _subsets(plan)]
    assert best.expected == max(e for cost, e in priced if cost <= budget)
    assert best.effort <= budget
    # The frontier: at each of its budgets the best there is, and nothing better before.
    for point in best.frontier:
        assert point.expected == max(e for cost, e in priced if cost <= point.budget)
        assert point.effort == point.budget
    for before, after in itertools.pairwise(best.frontier):
        assert max(e for cost, e in priced if cost < after.budget) == before.expected


@settings(max_examples=60, deadline=None)
@given(rulesets(), st.data())
def test_the_target_search_equals_exhaustive_search(rules: RuleSet, data: st.DataObject) -> None:
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = _with_efforts(data.draw(plans_for(rules, max_tasks=6), label="plan"), data)
    engine = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan))
    step = Decimal(1).scaleb(-rules.decimals)
    # A threshold near what the plan can reach: from the lower of the baseline and all done
    # to the higher and a step more (facts effects may be worse than the evidence).
    low, high = sorted((engine.card.total, engine.total(plan.tasks)))
    high += step
    threshold = low + step * data.draw(st.integers(0, int((high - low) / step)), label="steps")
    threshold = min(threshold, rules.max)
    confidence = data.draw(st.sampled_from([Decimal("0.2"), Decimal("0.5"), Decimal(1)]))
    target = best_plan(rules, evidence, plan, target=threshold, confidence=confidence).target
    assert target is not None
    assert target.proven
    reaching = []
    for subset in _subsets(plan):
        chance = sum(float(p) for t, p in _outcomes(engine, subset) if t >= threshold)
        if chance >= float(confidence) - 1e-12:
            reaching.append(_effort(subset))
    if not reaching:
        assert target.chosen is None
        return
    assert target.effort == min(reaching)
    assert target.probability is not None
    assert target.probability >= float(confidence) - 1e-12
    chosen = tuple(t for t in plan.tasks if t.id in (target.chosen or ()))
    assert _effort(chosen) == target.effort
    chance = sum(float(p) for t, p in _outcomes(engine, chosen) if t >= threshold)
    assert abs(chance - target.probability) < 1e-9


def _one_leaf_plan(rules: RuleSet, data: st.DataObject) -> Plan:
    """Up to 7 tasks all on one leaf, so that the group is that one leaf: partial restores
    with any share of 1–100 %, or appraised points anywhere in [0, max] on an appraised
    leaf (better or worse than the evidence), or partial restores and restores mixed;
    probabilities with 0–3 decimals."""
    kind = data.draw(st.sampled_from(["partial", "appraised", "mixed"]), label="kind")
    leaves = [
        node
        for node in rules.nodes()
        if node.is_leaf and (kind != "appraised" or isinstance(node.rule, Appraised))
    ]
    assume(leaves)
    node = data.draw(st.sampled_from(leaves), label="leaf")
    tasks = []
    for i in range(data.draw(st.integers(1, 7), label="tasks")):
        chosen = kind if kind != "mixed" else data.draw(st.sampled_from(["partial", "restore"]))
        effect: object = Restore()
        if chosen == "partial":
            effect = PartialRestore(Decimal(data.draw(st.integers(1, 100))) / 100)
        elif chosen == "appraised":
            points = st.decimals(0, node.max, places=rules.decimals + 1)
            effect = SetFacts(appraised=((node.code, data.draw(points)),))
        chance = (Decimal(data.draw(st.integers(0, 1000), label="chance")) / 1000).normalize()
        tasks.append(
            Task(f"t{i + 1}", (node.code,), effect=effect, effect_stated=True, probability=chance)
        )
    return Plan(tuple(tasks), year=rules.year + 1)


@settings(max_examples=60, deadline=None)
@given(rulesets(), st.data())
def test_one_crowded_leaf_plans_as_exhaustive_search(rules: RuleSet, data: st.DataObject) -> None:
    """The folds of one leaf (partial restores only: as profiles, over the shares in whole
    numbers, or the first tasks over the shares and the rest as profiles; a best state that
    stands, folded best first; restores priced apart) against every subset: the best plan,
    its frontier and the cheapest plan for a target near what the plan can reach."""
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = _with_efforts(_one_leaf_plan(rules, data), data)
    engine = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan))
    priced = [(_effort(s), _mean(_outcomes(engine, s))) for s in _subsets(plan)]
    total = _effort(tuple(plan.tasks))
    budget = (total / 2).quantize(Decimal("0.01"), rounding=decimal.ROUND_FLOOR)
    step = Decimal(1).scaleb(-rules.decimals)
    low, high = sorted((engine.card.total, engine.total(plan.tasks)))
    threshold = low + step * data.draw(st.integers(0, int((high + step - low) / step)))
    threshold = min(threshold, rules.max)
    confidence = data.draw(st.sampled_from([Decimal("0.3"), Decimal("0.75"), Decimal(1)]))
    # Few products allowed: the first tasks folded over the shares, the rest as profiles.
    most = data.draw(st.sampled_from([profiles.MOST_PRODUCTS, 2, 6]), label="most products")
    with mock.patch.object(profiles, "MOST_PRODUCTS", most):
        best = best_plan(rules, evidence, plan, budget, target=threshold, confidence=confidence)
    assert best.expected == max(e for cost, e in priced if cost <= budget)
    for point in best.frontier:
        assert point.expected == max(e for cost, e in priced if cost <= point.budget)
    target = best.target
    assert target is not None
    assert target.proven
    reaching = [
        _effort(s)
        for s in _subsets(plan)
        if sum(float(p) for t, p in _outcomes(engine, s) if t >= threshold)
        >= float(confidence) - 1e-12
    ]
    assert target.effort == (min(reaching) if reaching else None)
