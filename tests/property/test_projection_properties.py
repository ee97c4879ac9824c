"""Projection and best-plan invariants on small random plans for the example ward."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_score import Plan, best_plan, load_evidence, load_rules, project
from cchc_score.engine import Engine, resolve_effects
from cchc_score.projection import brute_force_distribution

from ..conftest import EXAMPLE
from .strategies import plans_for

RULES = load_rules("criteria_2022")
EVIDENCE = load_evidence(EXAMPLE / "evidence.toml")


@given(plans_for(RULES))
def test_exact_distribution_equals_brute_force(plan: Plan) -> None:
    exact = project(RULES, EVIDENCE, plan).distribution
    brute = brute_force_distribution(RULES, EVIDENCE, plan)
    assert not exact.sampled
    nonzero = [(t, p) for t, p in exact.totals if p > 1e-15]
    assert [t for t, _ in nonzero] == [t for t, _ in brute.totals]
    for (_, p), (_, q) in zip(nonzero, brute.totals, strict=True):
        assert p == pytest.approx(q, abs=1e-12)


@given(plans_for(RULES))
def test_probabilities_sum_to_one_and_mean_is_expected(plan: Plan) -> None:
    projection = project(RULES, EVIDENCE, plan)
    dist = projection.distribution
    assert sum(p for _, p in dist.totals) == pytest.approx(1.0, abs=1e-12)
    assert sum(p for _, p in projection.ratings) == pytest.approx(1.0, abs=1e-12)
    assert projection.expected == pytest.approx(sum(float(t) * p for t, p in dist.totals), abs=1e-9)
    assert projection.timeline[-1].expected == pytest.approx(projection.expected, abs=1e-9)


@given(plans_for(RULES, EVIDENCE), st.data())
def test_monotone_effects_all_done_at_least_any_subset_at_least_baseline(
    plan: Plan, data: st.DataObject
) -> None:
    model = Engine(RULES, EVIDENCE, plan.tasks, resolve_effects(RULES, plan))
    subset = data.draw(st.lists(st.sampled_from(plan.tasks), unique_by=lambda t: t.id))
    baseline = model.card.total
    assert model.total(plan.tasks) >= model.total(subset) >= baseline
    # Completing one more task never lowers the total either.
    for task in plan.tasks:
        if task not in subset:
            assert model.total([*subset, task]) >= model.total(subset)


@settings(max_examples=40)
@given(plans_for(RULES, EVIDENCE, max_tasks=5), st.integers(0, 15))
def test_best_plan_equals_brute_force(plan: Plan, budget: int) -> None:
    best = best_plan(RULES, EVIDENCE, plan, Decimal(budget))
    # Brute force: the expected total of every affordable subset, by enumerating outcomes.
    model = Engine(RULES, EVIDENCE, plan.tasks, resolve_effects(RULES, plan))
    top = Decimal(-1)
    for size in range(len(plan.tasks) + 1):
        for subset in itertools.combinations(plan.tasks, size):
            if sum(t.effort or 0 for t in subset) > budget:
                continue
            expected = Decimal(0)
            for outcome in itertools.product((False, True), repeat=size):
                p = Decimal(1)
                for done, task in zip(outcome, subset, strict=True):
                    p *= task.probability if done else 1 - task.probability
                expected += p * model.total(t for t, d in zip(subset, outcome, strict=True) if d)
            top = max(top, expected)
    assert best.expected == top
    assert best.effort <= budget


@given(plans_for(RULES, EVIDENCE))
def test_frontier_never_decreases(plan: Plan) -> None:
    frontier = best_plan(RULES, EVIDENCE, plan, Decimal(0)).frontier
    assert frontier[0].budget == 0
    for before, after in itertools.pairwise(frontier):
        assert after.budget > before.budget
        assert after.expected > before.expected
        assert after.effort <= after.budget
