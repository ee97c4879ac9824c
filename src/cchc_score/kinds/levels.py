"""``levels``: points for each level of a categorical fact (``"true"``/``"false"`` for a
boolean one)."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .. import syntax
from ..numbers import round_points
from .base import (
    Rule,
    RuleKind,
    Scorer,
    Table,
    direction_of,
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

__all__ = ["Levels", "LevelsKind"]


@attrs.frozen
class Levels(Rule):
    """Points for each level of a categorical fact (``"true"``/``"false"`` for booleans)."""

    fact: str
    points: tuple[tuple[str, Decimal], ...]
    kind: Literal["levels"] = "levels"


class LevelsKind(RuleKind[Levels]):
    """Points by the level reached."""

    name = "levels"
    rule_type = Levels
    fact_types = MappingProxyType({"fact": ("level", "boolean")})
    steers = True

    def check(
        self,
        rule: Levels,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        fact = facts[rule.fact]
        expected = fact.levels or ("true", "false")  # a boolean fact has no levels declared
        given = [name for name, _ in rule.points]
        before = len(problems.items)
        for name, points in rule.points:
            if name not in expected:
                problems.add(
                    f"{where}.points.{syntax.key(name)}",
                    "E-LEVELS-NOT-LEVEL",
                    name,
                    fact=syntax.quote(fact.name),
                    expected=syntax.allowed(expected),
                )
            points_in_range(points, top, f"{where}.points.{syntax.key(name)}", problems)
        for name in expected:
            if name not in given:
                problems.add(
                    f"{where}.points",
                    "E-LEVELS-NO-POINTS",
                    level=syntax.quote(name),
                    fact=syntax.quote(fact.name),
                )
        if rule.points and len(problems.items) == before:
            reach_max(max(p for _, p in rule.points), top, f"{where}.points", problems)

    def directions(self, rule: Levels, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        fact = facts[rule.fact]
        table = dict(rule.points)
        order = fact.levels or ("false", "true")  # the levels from worst to best
        return (("fact", direction_of([table[level] for level in order])),)

    def least(self, rule: Levels) -> Decimal:
        return min(p for _, p in rule.points)

    def scorer(self, rule: Levels, top: Decimal, places: int) -> Scorer:
        name = rule.fact
        table = {level: round_points(points, places) for level, points in rule.points}
        table_true, table_false = table.get("true"), table.get("false")

        def levels(values: Mapping[str, FactValue]) -> Decimal:
            level = values[name]
            if level is True:
                return table_true  # type: ignore[return-value]  # checked: booleans have both
            if level is False:
                return table_false  # type: ignore[return-value]
            return table[level]  # type: ignore[index]  # checked: a level of the fact

        return levels

    def explain(
        self,
        rule: Levels,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        fact, value = inputs[0]
        return f"{fact_type(fact).stated(fact, value, lang)} → {points_phrase(points, lang)}"

    def to_json(self, rule: Levels) -> dict[str, Any]:
        out = super().to_json(rule)
        out["points"] = dict(rule.points)
        return out

    def dump(self, rule: Levels) -> tuple[Table, ...]:
        return (*super().dump(rule), ("criteria.rule.points", dict(rule.points), False))
