"""``deduction``: ``max − each × count``, never below ``min_points``."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..numbers import format_number, format_points, rounder
from ..words import text
from .base import (
    EXACT,
    Rule,
    RuleKind,
    Scorer,
    number,
    points_in_range,
    points_phrase,
    reach_max,
    reach_min,
)
from .facttypes import fact_type

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Deduction", "DeductionKind"]


@attrs.frozen
class Deduction(Rule):
    """``max − each × count``, never below ``min_points``."""

    fact: str
    each: Decimal
    min_points: Decimal = Decimal(0)
    kind: Literal["deduction"] = "deduction"


class DeductionKind(RuleKind[Deduction]):
    """Points lost for each shortcoming counted."""

    name = "deduction"
    rule_type = Deduction
    fact_types = MappingProxyType({"fact": ("count", "number")})
    steers = True

    def check(
        self,
        rule: Deduction,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        before = len(problems.items)
        if rule.each <= 0:
            problems.add(f"{where}.each", "E-RULES-NOT-POSITIVE", rule.each)
        points_in_range(rule.min_points, top, f"{where}.min_points", problems)
        fact = facts[rule.fact]
        low = fact_type(fact).lower_bound(fact)
        if low is None or low < 0:
            problems.add(
                f"{where}.fact",
                "E-DEDUCTION-FACT-MIN",
                rule.fact,
            )
        if len(problems.items) > before or low is None:
            return
        # The maximum at the fact's least value, the floor at its greatest.
        minus, times = EXACT.subtract, EXACT.multiply
        reach_max(
            max(minus(top, times(rule.each, low)), rule.min_points), top, f"{where}.fact", problems
        )
        high = fact_type(fact).upper_bound(fact)
        if high is not None:
            least = max(minus(top, times(rule.each, high)), rule.min_points)
            reach_min(least, rule.min_points, f"{where}.fact", problems)

    def directions(self, rule: Deduction, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        return (("fact", "lower"),)  # each one counted costs points

    def least(self, rule: Deduction) -> Decimal:
        return rule.min_points

    def scorer(self, rule: Deduction, top: Decimal, places: int) -> Scorer:
        name, each, floor, half_up = rule.fact, rule.each, rule.min_points, rounder(places)
        minus, times = EXACT.subtract, EXACT.multiply

        def deduction(values: Mapping[str, Any]) -> Decimal:  # checked numbers
            points = minus(top, times(each, values[name]))
            return half_up(points if points > floor else floor)

        return deduction

    def explain(
        self,
        rule: Deduction,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        fact, value = inputs[0]
        count = number(value)
        formula = f"{format_number(top, lang)} − {format_number(rule.each, lang)} × "
        formula += format_number(count, lang)
        if top - rule.each * count < rule.min_points:
            floor = format_points(rule.min_points, lang)
            formula += f", {text('kind.not_below', lang, floor=floor)}"
        stated = fact_type(fact).stated(fact, value, lang)
        return f"{stated} → {formula} = {points_phrase(points, lang)}"
