"""The rules invariants hold on every generated rule set: what rulesets() draws passes the
loader, so each criterion's maximum and least points are reachable, every fact matters,
and no fact improved over its edge values lowers a score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from cchc_score.testing import (
    check_monotone_edges,
    check_no_dead_input,
    check_reachable,
    evidence_for,
    rulesets,
)

if TYPE_CHECKING:
    from cchc_score import RuleSet


@given(rulesets(), st.data())
def test_generated_rule_sets_keep_the_rules_invariants(rules: RuleSet, data: st.DataObject) -> None:
    check_reachable(rules)
    check_no_dead_input(rules)
    check_monotone_edges(rules, data.draw(evidence_for(rules)))
