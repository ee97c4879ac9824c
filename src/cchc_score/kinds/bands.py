"""``bands``: a step function over a number: the first step whose ``min`` the value reaches.

A step may also give its upper end, ``below``, as decisions write their tables ("từ 90% đến
dưới 100%"): then a row dropped from the table is a gap the loader reports.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..numbers import round_points
from ..words import text
from .base import (
    Rule,
    RuleKind,
    Scorer,
    Table,
    direction_of,
    number,
    points_in_range,
    points_phrase,
    reach_max,
)
from .facttypes import fact_type

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Bands", "BandsKind", "Step"]


@attrs.frozen
class Step:
    """One step of a ``bands`` rule: ``points`` when the value is at least ``min`` (and,
    where ``below`` is given, less than ``below``: the next step's ``min``)."""

    min: Decimal
    points: Decimal
    below: Decimal | None = None


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

    steers = True

    def check(
        self,
        rule: Bands,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        if not rule.steps:
            problems.add(f"{where}.steps", "E-STEPS-NONE")
            return
        before = len(problems.items)
        for i, step in enumerate(rule.steps):
            points_in_range(step.points, top, f"{where}.steps[{i}].points", problems)
            if i and step.min == rule.steps[i - 1].min:
                problems.add(
                    f"{where}.steps[{i}].min",
                    "E-STEPS-OVERLAP",
                    step.min,
                )
            elif i and step.min > rule.steps[i - 1].min:
                problems.add(
                    f"{where}.steps[{i}].min",
                    "E-STEPS-ORDER",
                    step.min,
                    min=rule.steps[i - 1].min,
                )
        fact = facts[rule.fact]
        low, high = fact_type(fact).lower_bound(fact), fact_type(fact).upper_bound(fact)
        self._check_ends(rule, where, high, problems)
        lowest = min(s.min for s in rule.steps)
        if low is None:
            problems.add(
                f"{where}.fact",
                "E-STEPS-FACT-MIN",
                rule.fact,
            )
        elif lowest > low:
            problems.add(f"{where}.steps", "E-STEPS-GAP", low=low, lowest=lowest)
        if len(problems.items) > before or low is None:
            return  # the table is not well formed: what it reaches is not defined
        reached = []
        for i, (step, upper) in enumerate(_spans(rule)):
            if (upper is not None and upper <= low) or (high is not None and step.min > high):
                problems.add(
                    f"{where}.steps[{i}]",
                    "E-RULES-BANDS-STEP-UNREACHABLE",
                    step.min,
                    low=low,
                    high="∞" if high is None else high,
                )
            else:
                reached.append(step.points)
        if reached:
            reach_max(max(reached), top, f"{where}.steps", problems)

    @staticmethod
    def _check_ends(rule: Bands, where: str, high: Decimal | None, problems: ProblemList) -> None:
        """Check the steps' ``below``: each the ``min`` of the step above, the top one above
        every value the fact can take."""
        for i, step in enumerate(rule.steps):
            if step.below is None:
                continue
            at = f"{where}.steps[{i}].below"
            if step.below <= step.min:
                problems.add(at, "E-RULES-BANDS-EMPTY", step.below, min=step.min)
            elif i == 0:
                if high is None or high >= step.below:
                    problems.add(at, "E-RULES-BANDS-GAP-ABOVE", step.below, low=step.below)
            elif step.below < rule.steps[i - 1].min:
                high = rule.steps[i - 1].min
                problems.add(at, "E-RULES-BANDS-GAP", step.below, low=step.below, high=high)
            elif step.below > rule.steps[i - 1].min:
                problems.add(at, "E-RULES-BANDS-OVERLAP", step.below, high=rule.steps[i - 1].min)

    def directions(self, rule: Bands, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        fact = facts[rule.fact]
        low, high = fact_type(fact).lower_bound(fact), fact_type(fact).upper_bound(fact)
        points = [
            step.points
            for step, upper in reversed(_spans(rule))
            if (low is None or upper is None or upper > low) and (high is None or step.min <= high)
        ]
        return (("fact", direction_of(points)),)

    def least(self, rule: Bands) -> Decimal:
        return min(s.points for s in rule.steps)

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
        step, upper = next((s, u) for s, u in _spans(rule) if number(value) >= s.min)
        if upper is None:
            reached = text("kind.at_least", lang, min=kind.show(step.min, lang))
        else:
            shown = {"min": kind.show(step.min, lang), "below": kind.show(upper, lang)}
            reached = text("kind.between", lang, **shown)
        return f"{kind.stated(fact, value, lang)} → {reached}: {points_phrase(points, lang)}"

    def to_json(self, rule: Bands) -> dict[str, Any]:
        out = super().to_json(rule)
        out["steps"] = [
            {"min": s.min, **({} if s.below is None else {"below": s.below}), "points": s.points}
            for s in rule.steps
        ]
        return out

    def dump(self, rule: Bands) -> tuple[Table, ...]:
        steps = tuple(
            ("criteria.rule.steps", {"min": s.min, "below": s.below, "points": s.points}, True)
            for s in rule.steps
        )
        return super().dump(rule) + steps


def _spans(rule: Bands) -> list[tuple[Step, Decimal | None]]:
    """Each step with the value its span ends below: the step above's ``min`` (or its own
    ``below`` for the top step; ``None``: no end)."""
    return [
        (step, step.below if i == 0 else rule.steps[i - 1].min) for i, step in enumerate(rule.steps)
    ]
