"""Evidence carried to another year's rules: renamed facts, changed maxima by each
criterion's carry policy, criteria without evidence; and project --rules-next the same way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_score import RulesError, load_rules, loads_rules
from cchc_score.carry import carry_evidence
from cchc_score.io.evidence import load_evidence
from cchc_score.io.plan import load_plan
from cchc_score.projection import project

from .conftest import EXAMPLE

# IX's maximum falls from 25 to 24 and VIII's rises from 2 to 3 (8.r with it).
NEXT = (
    'extends = "criteria_2022"\n[index]\nyear = 2023\n'
    '[[criteria]]\ncode = "IX"\nmax = 24\n{ix}'
    '[[criteria]]\ncode = "VIII"\nmax = 3\n[[criteria]]\ncode = "8.r"\nmax = 3\n'
)


@pytest.mark.parametrize(
    ("policy", "ix", "step"),
    [
        ("", Decimal("18.29"), "rescaled"),  # 19,05 × 24/25 = 18,288
        ('carry = "share"\n', Decimal("18.29"), "rescaled"),
        ('carry = "points"\n', Decimal("19.05"), "kept"),
    ],
)
def test_a_changed_maximum_carries_by_the_policy(policy: str, ix: Decimal, step: str) -> None:
    old = load_rules("criteria_2022")
    new = loads_rules(NEXT.format(ix=policy))
    carried, steps = carry_evidence(load_evidence(EXAMPLE / "evidence.toml"), old, new)
    assert dict(carried.appraised)["IX"] == ix
    assert dict(carried.appraised)["8.r"] == Decimal("3.00")  # 2 of 2 → 3 of 3, by share
    assert [(s.step, s.name) for s in steps] == [("rescaled", "8.r"), (step, "IX")]


def test_a_refused_carry_leaves_the_criterion_to_be_given_again() -> None:
    old = load_rules("criteria_2022")
    new = loads_rules(NEXT.format(ix='carry = "refuse"\n'))
    carried, steps = carry_evidence(load_evidence(EXAMPLE / "evidence.toml"), old, new, "en")
    assert "IX" not in dict(carried.appraised)
    assert dict(carried.not_assessed)["IX"] == (
        "criteria_2022 refuses to carry the earlier appraised points to the new maximum"
    )
    assert steps[-1].sentence("en") == (
        "the maximum of IX changed and the rules refuse to carry its appraised points "
        "(19.05): they must be given again"
    )


def test_an_unknown_policy_is_located() -> None:
    with pytest.raises(RulesError) as exc:
        loads_rules(NEXT.format(ix='carry = "scale"\n'), file="next.toml")
    assert [p.text("en") for p in exc.value.problems] == [
        "next.toml: criterion \"IX\".carry: expected one of 'share', 'points', 'refuse' "
        "(got 'scale')"
    ]


def test_project_rules_next_lists_every_carry() -> None:
    rules = load_rules("criteria_2022")
    evidence = load_evidence(EXAMPLE / "evidence.toml", rules)
    plan = load_plan(EXAMPLE / "plan.toml")
    same = project(rules, evidence, plan, rules_next=rules)
    moved = project(rules, evidence, plan, rules_next=loads_rules(NEXT.format(ix="")))
    assert same.carried == ()
    # With every task done, the plan's task "IX" sets IX's survey points to 21 of 25:
    # 21 × 24/25 = 20,16 of 24; 8.r keeps its full 2 of 2 → 3 of 3.
    assert [(c.step, c.name, c.old, c.new) for c in moved.carried] == [
        ("rescaled", "8.r", Decimal("2.0"), Decimal("3.00")),
        ("rescaled", "IX", Decimal("21"), Decimal("20.16")),
    ]
    # IX loses 21 − 20,16 = 0,84 and 8.r gains 1: the next total moves by +0,16.
    assert same.next_total is not None
    assert moved.next_total == same.next_total + Decimal("0.16")
