"""Property testing for rule sets: hypothesis strategies and the engine's invariants.

Test your own rules file the way the project tests its own::

    from cchc_score import load_rules
    from cchc_score.testing import check_invariants

    def test_my_province_rules():
        check_invariants(load_rules("rules/province_2023.toml"))

``check_invariants`` draws evidence (and plans) for the rule set with hypothesis and checks
every guarantee below; on a failure hypothesis shrinks the example, and the error says
which invariant, which criterion and which facts. The strategies are public too:
:func:`rulesets`, :func:`evidence_for`, :func:`plans_for`.

This module imports hypothesis (install ``cchc-score[test]``); ``import cchc_score`` does
not.

The invariants (:data:`INVARIANTS`):

``bounds``
    Every node scores within [0, its maximum]; the total within [0, the index maximum].
``sums``
    Every parent scores the sum of its children, capped at its maximum; the total is the
    sum of the domains.
``monotone``
    Improving one fact in its declared ``better`` direction never lowers any node. A rule
    that rewards a worse value (bands upside down, levels listed best first) breaks it.
``order``
    Listing a plan's tasks in another order changes no projected total, distribution,
    gain or timeline (only a fact with no declared better direction, set by two tasks,
    may depend on it: the later task's value stands).
``round_trip``
    ``loads_rules(dump_rules(rules)) == rules``.
``rescoring``
    The engine's total for any set of done tasks equals a full ``evaluate`` of the
    evidence with their effects applied (:func:`evaluated_total`).
``completion``
    Completing one more task with an effect that never worsens a fact never lowers the
    projected total.
``expectation``
    The exact distribution's mean equals the expected total found by enumerating every
    outcome of the plan.
"""

from __future__ import annotations

from .edges import edges
from .invariants import (
    INVARIANTS,
    SUBJECTS,
    InvariantError,
    check_card,
    check_invariants,
    check_monotone,
    check_monotone_edges,
    check_no_dead_input,
    check_plan,
    check_plan_order,
    check_reachable,
    check_rescoring,
    check_round_trip,
    evaluated_total,
)
from .strategies import (
    evidence_for,
    fact_values,
    improved_fact,
    improvements,
    plans_for,
    rulesets,
)

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
    "edges",
    "evaluated_total",
    "evidence_for",
    "fact_values",
    "improved_fact",
    "improvements",
    "plans_for",
    "rulesets",
]
