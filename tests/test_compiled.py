"""The flat plan (cchc_score.compiled): what it declines, what it remembers, and that its
points are one object per value. Its agreement with evaluate's full path on generated
rule sets is tests/property/test_flat_plan.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from cchc_score import Evidence, compiled, evaluate, load_rules
from cchc_score.compiled import Scored, flat_plan
from cchc_score.model import Appraised, Criterion, Sum

from .conftest import ROOT

MINIMAL = load_rules(ROOT / "tests" / "data" / "valid" / "minimal.toml")
#: Full marks on every leaf of minimal.toml: 1.1 (ratio 5/5) 2, 1.2 (bands, share 0.9 ≥
#: 0.8) 2, 1.3 (deduction, 0 late) 2, 1.4 ("cao") 1, 1.5 (both items) 1, 1.6 appraised 2:
#: total 10.
FULL = Evidence(
    "Xã A",
    2022,
    facts={
        "done": 5,
        "planned": 5,
        "share": Decimal("0.9"),
        "late": 0,
        "level": "cao",
        "items": frozenset({"a", "b"}),
    },
    appraised={"1.6": 2},
)


def _scored(evidence: Evidence) -> Scored | None:
    plan = flat_plan(MINIMAL)
    typed = plan.typed(evidence)
    return None if typed is None else plan.score(typed, dict(evidence.appraised))


def test_plain_evidence_is_scored_by_the_plan_as_evaluate_scores_it() -> None:
    scored = _scored(FULL)
    assert scored is not None
    points, total, rating = scored
    card = evaluate(MINIMAL, FULL)
    assert (points, total, rating) == (card.points, card.total, card.rating)
    assert str(total) == "10.00"  # minimal.toml rounds to 2 decimals (the default)
    assert rating is not None
    assert rating.name == "Tốt"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"facts": {**dict(FULL.facts), "done": 6}}, "done > planned: the ratio check's"),
        ({"facts": {**dict(FULL.facts), "planned": 0}}, "planned below its minimum 1"),
        ({"facts": {k: v for k, v in FULL.facts if k != "late"}}, "a fact 1.3 reads missing"),
        ({"facts": {**dict(FULL.facts), "level": "vừa"}}, "not one of the levels"),
        ({"appraised": {}}, "appraised points missing"),
        ({"appraised": {"1.6": 3}}, "above 1.6's maximum 2"),
        ({"appraised": {"1.6": 2, "1.1": 2}}, "points for a leaf scored from facts"),
        ({"not_assessed": {"1.5": "chưa đánh giá"}}, "a criterion not assessed"),
        ({"notes": {"9.9": "?"}}, "a note for an unknown code"),
    ],
)
def test_the_plan_declines_what_the_full_path_must_look_at(
    change: dict[str, Any], why: str
) -> None:
    assert _scored(attrs.evolve(FULL, **change)) is None, why


def test_file_shaped_values_are_typed_as_the_full_check_types_them() -> None:
    # A checklist as a TOML array, a ratio as "90%" and as an integer: 90% is 0.9 (as
    # FULL), and a share of 1 is also ≥ 0.8, so both score the same 10.00.
    for share in ("90%", 1):
        shaped = FULL.with_facts(items=("a", "b"), share=share)
        assert _scored(shaped) is not None
        assert evaluate(MINIMAL, shaped).total == Decimal("10.00")


def test_a_parent_whose_children_pass_its_maximum_is_left_to_the_full_path() -> None:
    # Built in Python, past the loader's check that children's maxima add up: a domain of
    # maximum 1 over two appraised leaves of maximum 1 each, both given 1. The full path
    # caps the domain at 1; the plan declines rather than cap.
    leaves = (Criterion("1.1", "a", 1, Appraised()), Criterion("1.2", "b", 1, Appraised()))
    rules = attrs.evolve(MINIMAL, domains=(Criterion("I", "I", 1, Sum(), leaves),), max=1)
    evidence = Evidence("Xã A", 2022, appraised={"1.1": 1, "1.2": 1})
    plan = flat_plan(rules)
    assert plan.score({}, dict(evidence.appraised)) is None
    assert evaluate(rules, evidence).total == 1


def test_points_remembered_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "REMEMBERED", 2)
    rules = attrs.evolve(MINIMAL)  # a rule set of its own: a fresh plan
    plan = flat_plan(rules)
    # late = 0..4: 1.3 gives 2 − 0.5 × late = 2, 1.5, 1, 0.5, 0 (five values, two kept).
    for late in range(5):
        card = evaluate(rules, FULL.with_facts(late=late))
        assert card.points_of("1.3") == Decimal(2) - Decimal("0.5") * late
    remembered = [entry[-1] for entry in plan.scored]
    assert max(len(r) for r in remembered) == 2


def test_equal_points_are_one_object() -> None:
    a = evaluate(MINIMAL, FULL)
    b = evaluate(MINIMAL, attrs.evolve(FULL, unit="Xã B"))
    assert all(x is y for x, y in zip(a.points, b.points, strict=True))


def test_a_leaf_of_a_kind_for_inner_nodes_is_left_to_the_full_path() -> None:
    # Built in Python: a leaf whose rule is a sum (of nothing). The plan has no points to
    # give it, so it declines every unit rather than count it 0.
    leaves = (Criterion("1.1", "a", 1, Sum()), Criterion("1.2", "b", 1, Appraised()))
    rules = attrs.evolve(MINIMAL, domains=(Criterion("I", "I", 2, Sum(), leaves),), max=2)
    assert flat_plan(rules).score({}, {"1.2": Decimal(1)}) is None
