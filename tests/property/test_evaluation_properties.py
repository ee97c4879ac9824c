"""Invariants of evaluation on the bundled rules and on random rule sets, through the
public toolkit (cchc_score.testing)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cchc_score import Evidence, RuleSet, evaluate, load_evidence, load_rules
from cchc_score.testing import (
    check_card,
    check_monotone,
    check_round_trip,
    improved_fact,
)

from .strategies import evidence_for, evidence_toml, rulesets

RULES = load_rules("criteria_2022")


@given(evidence_for(RULES))
def test_bounds_and_sums(evidence: Evidence) -> None:
    check_card(RULES, evidence)


@given(evidence_for(RULES), st.permutations(range(len(RULES.facts))))
def test_independent_of_the_order_facts_are_written(evidence: Evidence, order: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.toml"
        path.write_text(evidence_toml(evidence, order), encoding="utf-8")
        loaded = load_evidence(path)
    assert evaluate(RULES, loaded).nodes == evaluate(RULES, evidence).nodes


def _improve(rules: RuleSet, evidence: Evidence, data: st.DataObject) -> None:
    better = data.draw(improved_fact(rules, evidence))
    if better is not None:
        check_monotone(rules, evidence, *better)


@given(evidence_for(RULES), st.data())
def test_better_facts_never_lower_a_score(evidence: Evidence, data: st.DataObject) -> None:
    _improve(RULES, evidence, data)


@given(rulesets(), st.data())
def test_random_rule_sets_keep_every_invariant(rules: RuleSet, data: st.DataObject) -> None:
    check_round_trip(rules)
    evidence = data.draw(evidence_for(rules))
    check_card(rules, evidence)
    _improve(rules, evidence, data)
