"""Invariants of evaluation, on the bundled rules and random valid evidence."""

from __future__ import annotations

import random
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cchc_score import Evidence, evaluate, load_evidence, load_rules
from cchc_score.model import Fact

from .strategies import _denominators, evidence_for, evidence_toml

RULES = load_rules("criteria_2022")


@given(evidence_for(RULES))
def test_every_node_within_zero_and_its_maximum(evidence: Evidence) -> None:
    card = evaluate(RULES, evidence)
    for node in card.nodes:
        assert 0 <= node.points <= node.max, node.code
    assert 0 <= card.total <= card.max


@given(evidence_for(RULES))
def test_each_parent_is_the_capped_sum_of_its_children(evidence: Evidence) -> None:
    card = evaluate(RULES, evidence)
    for node in card.nodes:
        children = node.criterion.children
        if children:
            total = sum((card.node(c.code).points for c in children), Decimal(0))
            assert node.points == min(total, node.max), node.code
        else:
            assert node.points == node.points.quantize(Decimal("0.01")), node.code
    assert card.total == sum((d.points for d in card.domains), Decimal(0))


@given(evidence_for(RULES), st.randoms(use_true_random=False))
def test_independent_of_the_order_of_facts(evidence: Evidence, rnd: random.Random) -> None:
    order = list(range(len(evidence.facts)))
    rnd.shuffle(order)
    shuffled = Evidence(
        evidence.unit,
        evidence.year,
        facts=[evidence.facts[i] for i in order],
        appraised=evidence.appraised,
    )
    assert evaluate(RULES, shuffled) == evaluate(RULES, evidence)


@given(evidence_for(RULES), st.permutations(range(len(RULES.facts))))
def test_independent_of_the_order_facts_are_written(evidence: Evidence, order: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.toml"
        path.write_text(evidence_toml(evidence, order), encoding="utf-8")
        loaded = load_evidence(path)
    assert evaluate(RULES, loaded).nodes == evaluate(RULES, evidence).nodes


def _improved(fact: Fact, value: object, bound: int | None) -> object | None:
    """A value better than ``value`` in the fact's declared direction, or None."""
    if fact.better == "none":
        return None
    step = 1 if fact.better == "higher" else -1
    if fact.type == "count":
        assert isinstance(value, int)
        new = value + step
        low = int(fact.lower_bound or 0)
        high = bound if bound is not None else (int(fact.maximum) if fact.maximum else 10**6)
        return new if low <= new <= high else None
    if fact.type == "ratio":
        assert isinstance(value, Decimal)
        share = value + Decimal("0.05") * step
        return share if 0 <= share <= 1 else None
    if fact.type == "level":
        index = fact.levels.index(str(value)) + step
        return fact.levels[index] if 0 <= index < len(fact.levels) else None
    if fact.type == "checklist":
        assert isinstance(value, frozenset)
        missing = [i for i in fact.items if i not in value]
        return value | {missing[0]} if missing and step > 0 else None
    return None


@given(evidence_for(RULES), st.sampled_from(RULES.facts))
def test_better_facts_never_lower_a_score(evidence: Evidence, fact: Fact) -> None:
    denominator = _denominators(RULES).get(fact.name)
    bound = evidence.fact(denominator) if denominator else None
    new = _improved(fact, evidence.fact(fact.name), bound)  # type: ignore[arg-type]
    if new is None:
        return
    before = evaluate(RULES, evidence)
    after = evaluate(RULES, evidence.with_facts(**{fact.name: new}))  # type: ignore[arg-type]
    for old_node, new_node in zip(before.nodes, after.nodes, strict=True):
        assert new_node.points >= old_node.points, (fact.name, old_node.code)
