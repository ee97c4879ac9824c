"""The toolkit reaches the edges and its invariants can fail: rule sets built in Python
(which the loader would refuse) break each rules invariant with a located InvariantError;
the engine invariants fail when the engine is made wrong; evidence is drawn at and around
every threshold and past the highest; rulesets() is as wide as real indices."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import Phase, find, settings

from cchc_score import load_rules
from cchc_score.model import Bands, Criterion, Fact, Levels, RuleSet, Step
from cchc_score.projection import project
from cchc_score.testing import (
    INVARIANTS,
    SUBJECTS,
    InvariantError,
    check_invariants,
    check_plan_order,
    check_round_trip,
    edges,
    evidence_for,
    plans_for,
    rulesets,
)

from .conftest import DATA

if TYPE_CHECKING:
    from cchc_score.evidence import Evidence

MINIMAL = load_rules(DATA / "valid" / "minimal.toml")
# The first example found is enough: no shrinking.
_FIRST = settings(
    max_examples=300, database=None, phases=[Phase.generate], deadline=None, derandomize=True
)
_D = Decimal


def _with_rule(rules: RuleSet, code: str, rule: Any) -> RuleSet:
    """``rules`` with criterion ``code``'s rule replaced, past the loader's checks."""

    def swap(node: Criterion) -> Criterion:
        if node.code == code:
            return attrs.evolve(node, rule=rule)
        return attrs.evolve(node, children=tuple(swap(c) for c in node.children))

    return attrs.evolve(rules, domains=tuple(swap(d) for d in rules.domains))


def _values(evidence: Evidence) -> dict[str, Any]:
    return dict(evidence.facts)


def test_every_invariant_is_labelled_rules_or_engine() -> None:
    assert set(SUBJECTS) == set(INVARIANTS)
    assert {SUBJECTS[n] for n in ("reachable", "no_dead_input", "monotone")} == {"rules"}
    assert {SUBJECTS[n] for n in ("bounds", "sums", "order", "rescoring")} == {"engine"}


def test_an_inversion_at_a_threshold_is_found_one_unit_below_it() -> None:
    # 1.2's steps upside down: 2 points below 80%, 1 from 80%; "share" is higher-is-better.
    # The edges of share include 0.799 and 0.8 (0.8 ± 0.001), so the fall is found there.
    inverted = Bands("share", (Step(_D("0.8"), _D(1)), Step(_D(0), _D(2))))
    with pytest.raises(InvariantError) as info:
        check_invariants(_with_rule(MINIMAL, "1.2", inverted), max_examples=5, seed=1)
    error = info.value
    assert (error.invariant, error.subject, error.criterion) == ("monotone", "rules", "1.2")
    assert error.points == (_D("2.00"), _D("1.00"))
    assert [_values(e)["share"] for e in error.evidence] == [_D("0.799"), _D("0.8")]


def test_an_inversion_above_forty_is_found() -> None:
    # 1.3 as bands over "late" (lower is better): 2 points at none, 1 from one late report,
    # and 2 again from 50 on. Walking down from 101 (50 × 2 + 1), 50 → 49 loses a point.
    bands = Bands("late", (Step(_D(50), _D(2)), Step(_D(1), _D(1)), Step(_D(0), _D(2))))
    with pytest.raises(InvariantError) as info:
        check_invariants(_with_rule(MINIMAL, "1.3", bands), max_examples=5, plans=False, seed=1)
    assert info.value.criterion == "1.3"
    assert [_values(e)["late"] for e in info.value.evidence] == [50, 49]
    assert "from 50 to 49" in str(info.value)


def test_a_best_level_below_the_maximum_is_unreachable() -> None:
    # 1.4 has maximum 1; "cao" worth 0,5 leaves it out of reach: at most 0.50.
    levels = Levels("level", (("thấp", _D(0)), ("cao", _D("0.5"))))
    with pytest.raises(InvariantError) as info:
        check_invariants(_with_rule(MINIMAL, "1.4", levels), max_examples=5, plans=False)
    error = info.value
    assert (error.invariant, error.criterion, error.points) == ("reachable", "1.4", (_D("0.50"),))
    assert _values(error.evidence[0])["level"] == "cao"


def test_a_fact_no_rule_reads_is_a_dead_input() -> None:
    unread = Fact("meetings", "count", "cuộc họp")
    rules = attrs.evolve(MINIMAL, facts=(*MINIMAL.facts, unread))
    with pytest.raises(InvariantError) as info:
        check_invariants(rules, max_examples=5, plans=False)
    assert info.value.invariant == "no_dead_input"
    assert "'meetings'" in str(info.value)
    assert len(info.value.evidence) == 2


def test_bounds_fails_on_points_above_the_maximum() -> None:
    # Levels worth 0 and 3 on a criterion of maximum 1: the best level scores 3 of 1.
    levels = Levels("level", (("thấp", _D(0)), ("cao", _D(3))))
    with pytest.raises(InvariantError) as info:
        check_invariants(_with_rule(MINIMAL, "1.4", levels), max_examples=20, plans=False)
    assert (info.value.invariant, info.value.subject) == ("bounds", "engine")


def test_round_trip_fails_on_rules_the_loader_refuses() -> None:
    levels = Levels("level", (("thấp", _D(0)), ("cao", _D("0.5"))))
    with pytest.raises(InvariantError) as info:
        check_round_trip(_with_rule(MINIMAL, "1.4", levels))
    assert info.value.invariant == "round_trip"
    assert "E-RULES-MAX-UNREACHABLE" not in str(info.value)  # said in words, not as a code
    assert 'criterion "1.4".rule.points' in str(info.value)


def test_order_fails_when_the_projection_depends_on_the_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = load_rules("criteria_2022")
    evidence = find(evidence_for(rules), lambda e: True, settings=_FIRST)
    plan = find(plans_for(rules, evidence), lambda p: len(p.tasks) >= 2, settings=_FIRST)
    real = project

    def order_dependent(rules: RuleSet, evidence: Evidence, plan: Any) -> Any:
        out = real(rules, evidence, plan)
        shift = _D(plan.tasks[0].id[1:])  # a wrong engine: the first task counts extra
        return attrs.evolve(out, all_done=out.all_done + shift)

    monkeypatch.setattr("cchc_score.testing.invariants.project", order_dependent)
    with pytest.raises(InvariantError) as info:
        check_plan_order(rules, evidence, plan, list(reversed(range(len(plan.tasks)))))
    assert (info.value.invariant, info.value.subject) == ("order", "engine")


def test_edges_reach_every_threshold_and_past_the_highest() -> None:
    rules = load_rules("criteria_2022")
    rate = edges(rules, rules.fact("investment_disbursement_rate"), {})
    for t in ("0.7", "0.8", "0.9"):  # each step's min ± 0,001
        assert {_D(t) - _D("0.001"), _D(t), _D(t) + _D("0.001")} <= set(rate)
    assert (rate[0], rate[-1]) == (0, 1)  # the bounds of a share
    # late_reports: steps from 1 and 4; past the highest: 5 and 4 × 2 + 1.
    assert edges(rules, rules.fact("late_reports"), {}) == (0, 1, 2, 3, 4, 5, 9)
    # A numerator within its denominator: 150 dossiers, target 50% → 75 ± 1.
    online = edges(rules, rules.fact("online_dossiers"), {"dossiers_total": 150})
    assert online == (0, 1, 74, 75, 76, 149, 150)  # and one inside each bound


def test_evidence_is_drawn_past_forty() -> None:
    bands = Bands("late", (Step(_D(50), _D(0)), Step(_D(0), _D(2))))
    rules = _with_rule(MINIMAL, "1.3", bands)
    found = find(evidence_for(rules), lambda e: _values(e)["late"] > 50, settings=_FIRST)
    assert _values(found)["late"] > 50


def test_rulesets_are_as_wide_as_real_indices() -> None:
    seen: set[str] = set()

    def features(rules: RuleSet) -> set[str]:
        out = {f"type:{f.type}" for f in rules.facts} | {f"better:{f.better}" for f in rules.facts}
        out |= {f"decimals:{rules.decimals}"}
        if len(rules.domains) == 9:
            out.add("nine domains")
        if rules.max >= 80:
            out.add("total 80+")
        for node in rules.nodes():
            out |= {"depth 4"} if node.code.count(".") == 3 else set()
            out |= {"residual"} if node.code.endswith(".r") else set()
            rule = node.rule
            if isinstance(rule, Bands):
                points = [s.points for s in rule.steps]
                out |= {"decreasing bands"} if points[0] < points[-1] else set()
                out |= {"both ends"} if any(s.below for s in rule.steps) else set()
        return out

    wanted = {
        *(f"type:{t}" for t in ("count", "ratio", "number", "level", "boolean", "checklist")),
        "better:lower",
        *(f"decimals:{d}" for d in range(4)),
        *("nine domains", "total 80+", "depth 4", "residual", "decreasing bands", "both ends"),
    }

    def covers(rules: RuleSet) -> bool:
        seen.update(features(rules))
        return wanted <= seen

    find(rulesets(), covers, settings=_FIRST)
