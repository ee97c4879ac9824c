"""Property testing for rule sets: hypothesis strategies and the engine's invariants.

Test your own rules file the way the project tests its own::

    from cchc_score import load_rules
    from cchc_score.testing import check_invariants

    def test_my_province_rules():
        check_invariants(load_rules("rules/province_2023.toml"))

``check_invariants`` checks the rules' own invariants on every edge value of their facts,
then draws evidence (and plans) with hypothesis, at and around every threshold the rules
mention, and checks every guarantee below; on a failure hypothesis shrinks the example, and
the :class:`InvariantError` names the invariant, the criterion, the evidence and the points.
The strategies are public too: :func:`rulesets`, :func:`evidence_for`, :func:`plans_for`;
:func:`edges` lists the values of a fact worth trying.

This module imports hypothesis (install ``cchc-score[test]``); ``import cchc_score`` does
not.

The invariants (:data:`INVARIANTS`); :data:`SUBJECTS` says which test the rules file
(``rules``) and which the library (``engine``: a file the loader accepts cannot break them):

``reachable`` (rules)
    Every criterion scored from facts reaches its maximum and the least points its rule
    names, on some combination of its facts' edge values.
``no_dead_input`` (rules)
    Every declared fact changes the points of some criterion reading it.
``monotone`` (rules)
    Improving one fact in its declared ``better`` direction never lowers any node: checked
    over every edge value of every fact, and for one random better value each.
``completion`` (rules)
    Completing one more task with an effect that never worsens a fact never lowers the
    projected total.
``bounds`` (engine)
    Every node scores within [0, its maximum]; the total within [0, the index maximum].
``sums`` (engine)
    Every parent scores the sum of its children, capped at its maximum; the total is the
    sum of the domains.
``order`` (engine)
    Listing a plan's tasks in another order changes no projected total, distribution,
    gain or timeline (only a fact with no declared better direction, set by two tasks,
    may depend on it: the later task's value stands).
``round_trip`` (engine)
    ``loads_rules(dump_rules(rules)) == rules``; a rule set built in Python that the
    loader refuses breaks it too.
``rescoring`` (engine)
    The engine's total for any set of done tasks equals a full ``evaluate`` of the
    evidence with their effects applied (:func:`evaluated_total`).
``expectation`` (engine)
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
