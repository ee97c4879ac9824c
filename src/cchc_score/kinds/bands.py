"""``bands``: a step function over a number: the first step whose ``min`` the value reaches."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..numbers import round_points
from ..words import text
from .base import Rule, RuleKind, Scorer, Table, number, points_in_range, points_phrase
from .facttypes import fact_type

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Bands", "BandsKind", "Step"]


@attrs.frozen
class Step:
    """One step of a ``bands`` rule: ``points`` when the value is at least ``min``."""

    min: Decimal
    points: Decimal


@attrs.frozen
class Bands(Rule):
    """A step function over a number: the first step whose ``min`` the value reaches."""

    fact: str
    steps: tuple[Step, ...]
    kind: Literal["bands"] = "bands"


class BandsKind(RuleKind[Bands]):
    """Points by the highest threshold a number reaches."""

    name = "bands"
    rule_type = Bands
    fact_types = MappingProxyType({"fact": ("count", "ratio", "number")})

    def check(
        self,
        rule: Bands,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        if not rule.steps:
            problems.add(f"{where}.steps", "at least one step is required")
            return
        for i, step in enumerate(rule.steps):
            points_in_range(step.points, top, f"{where}.steps[{i}].points", problems)
            if i and step.min == rule.steps[i - 1].min:
                problems.add(
                    f"{where}.steps[{i}].min",
                    "overlaps the step before, which has the same min",
                    step.min,
                )
            elif i and step.min > rule.steps[i - 1].min:
                problems.add(
                    f"{where}.steps[{i}].min",
                    "steps must be listed from the highest min "
                    f"down (the step before has min {rule.steps[i - 1].min})",
                    step.min,
                )
        fact = facts[rule.fact]
        low = fact_type(fact).lower_bound(fact)
        lowest = min(s.min for s in rule.steps)
        if low is None:
            problems.add(
                f"{where}.fact",
                "the fact has no lower bound, so the steps cannot cover it; declare its min",
                rule.fact,
            )
        elif lowest > low:
            problems.add(
                f"{where}.steps", f"leave a gap: values from {low} to below {lowest} match no step"
            )

    def scorer(self, rule: Bands, top: Decimal, places: int) -> Scorer:
        name = rule.fact
        steps = tuple((s.min, round_points(s.points, places)) for s in rule.steps)
        zero = round_points(Decimal(0), places)

        def bands(values: Mapping[str, Any]) -> Decimal:  # checked: a number
            value = values[name]
            for low, points in steps:
                if value >= low:
                    return points
            return zero  # unreachable for validated rules: the last step covers the range

        return bands

    def explain(
        self,
        rule: Bands,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        fact, value = inputs[0]
        kind = fact_type(fact)
        step = next(s for s in rule.steps if number(value) >= s.min)
        reached = text("kind.at_least", lang, min=kind.show(step.min, lang))
        return f"{kind.stated(fact, value, lang)} → {reached}: {points_phrase(points, lang)}"

    def to_json(self, rule: Bands) -> dict[str, Any]:
        out = super().to_json(rule)
        out["steps"] = [{"min": s.min, "points": s.points} for s in rule.steps]
        return out

    def dump(self, rule: Bands) -> tuple[Table, ...]:
        steps = tuple(
            ("criteria.rule.steps", {"min": s.min, "points": s.points}, True) for s in rule.steps
        )
        return super().dump(rule) + steps
