"""Projection and best-plan invariants: small random plans for the example ward, and random
plans on random rule sets (0–3 decimals) checked against brute force and full evaluation."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from cchc_score import (
    EvidenceError,
    Plan,
    RuleSet,
    best_plan,
    load_evidence,
    load_rules,
    project,
)
from cchc_score.effects import resolve_effects
from cchc_score.engine import Engine
from cchc_score.projection import brute_force_distribution
from cchc_score.testing import check_rescoring

from ..conftest import EXAMPLE
from .strategies import evidence_for, plans_for, rulesets

RULES = load_rules("criteria_2022")
EVIDENCE = load_evidence(EXAMPLE / "evidence.toml")


@given(plans_for(RULES))
def test_exact_distribution_equals_brute_force(plan: Plan) -> None:
    exact = project(RULES, EVIDENCE, plan).distribution
    brute = brute_force_distribution(RULES, EVIDENCE, plan)
    assert not exact.sampled
    assert [t for t, _ in exact.totals] == [t for t, _ in brute.totals]
    for (_, p), (_, q) in zip(exact.totals, brute.totals, strict=True):
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
    # The drawn tasks have no deadline, so they are done in the plan year (2023): a criterion
    # that looks back (criteria_2022's 1.7 and 5.1) moves only in a later index, so it is
    # held at its baseline here.
    assert all(t.deadline.date is None for t in plan.tasks)
    assert plan.year == 2023
    back = frozenset(n.code for n in RULES.nodes() if n.is_leaf and n.looks_back)
    assert back == {"1.7", "5.1"}
    model = Engine(RULES, EVIDENCE, plan.tasks, resolve_effects(RULES, plan), frozen=back)
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


# ------------------------------------------------------------------ random rule sets


def _same_distribution(rules: RuleSet, evidence: object, plan: Plan) -> None:
    exact = project(rules, evidence, plan).distribution  # type: ignore[arg-type]
    brute = brute_force_distribution(rules, evidence, plan)  # type: ignore[arg-type]
    assert not exact.sampled
    assert [t for t, _ in exact.totals] == [t for t, _ in brute.totals]
    for (_, p), (_, q) in zip(exact.totals, brute.totals, strict=True):
        assert p == pytest.approx(q, abs=1e-9)


@settings(max_examples=40)
@given(rulesets(), st.data())
def test_folds_equal_brute_force_on_random_rule_sets(rules: RuleSet, data: st.DataObject) -> None:
    # Tasks crowd onto at most four leaves (groups of up to 7), facts effects take any
    # valid value (better or worse), and the rules round to 0-3 decimals.
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = data.draw(plans_for(rules, max_tasks=7), label="plan")
    _same_distribution(rules, evidence, plan)


@settings(max_examples=40)
@given(rulesets(), st.data())
def test_rescoring_equals_a_full_evaluate(rules: RuleSet, data: st.DataObject) -> None:
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = data.draw(plans_for(rules, evidence, max_tasks=6), label="plan")
    done = data.draw(st.lists(st.sampled_from(plan.tasks), unique_by=lambda t: t.id), label="done")
    check_rescoring(rules, evidence, plan, done)
    # Effects drawn without the evidence may be worse than it, or set a ratio's numerator
    # above its denominator: evidence the checker refuses (the engine scores it clamped;
    # plans are checked fact by fact), so those examples are left out.
    anything = data.draw(plans_for(rules, max_tasks=6), label="any effects")
    try:
        check_rescoring(rules, evidence, anything, anything.tasks)
    except EvidenceError:
        reject()


@settings(max_examples=40)
@given(rulesets(), st.data())
def test_rescoring_equals_a_full_evaluate_with_observed_points(
    rules: RuleSet, data: st.DataObject
) -> None:
    # Some criteria scored from facts are given appraised points instead: restores and
    # partial restores act on those points, and the engine agrees with a full evaluate.
    evidence = data.draw(evidence_for(rules, observed=True), label="evidence")
    plan = data.draw(plans_for(rules, evidence, max_tasks=6), label="plan")
    done = data.draw(st.lists(st.sampled_from(plan.tasks), unique_by=lambda t: t.id), label="done")
    check_rescoring(rules, evidence, plan, done)
    _same_distribution(rules, evidence, plan)


@given(plans_for(RULES, EVIDENCE), st.data())
def test_rescoring_equals_a_full_evaluate_for_the_example(plan: Plan, data: st.DataObject) -> None:
    done = data.draw(st.lists(st.sampled_from(plan.tasks), unique_by=lambda t: t.id))
    check_rescoring(RULES, EVIDENCE, plan, done)


@pytest.mark.slow
@settings(max_examples=30)
@given(rulesets(), st.data())
def test_crowded_folds_equal_brute_force(rules: RuleSet, data: st.DataObject) -> None:
    evidence = data.draw(evidence_for(rules), label="evidence")
    plan = data.draw(plans_for(rules, evidence, max_tasks=10), label="plan")
    _same_distribution(rules, evidence, plan)
