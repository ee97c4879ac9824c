"""``checklist``: the points of every item done, out of the items the rule lists."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .. import syntax
from ..numbers import rounder
from ..words import text, text_n
from .base import Rule, RuleKind, Scorer, Table, points_phrase
from .facttypes import label, value_name

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Checklist", "ChecklistKind"]

_ZERO = Decimal(0)


@attrs.frozen
class Checklist(Rule):
    """The points of every item done, out of the items the rule lists."""

    fact: str
    items: tuple[tuple[str, Decimal], ...]
    kind: Literal["checklist"] = "checklist"


class ChecklistKind(RuleKind[Checklist]):
    """Points for each item done."""

    name = "checklist"
    rule_type = Checklist
    fact_types = MappingProxyType({"fact": ("checklist",)})

    def directions(self, rule: Checklist, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        return (("fact", "higher"),)  # every item done adds points

    def check(
        self,
        rule: Checklist,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        fact = facts[rule.fact]
        for name, points in rule.items:
            if name not in fact.items:
                problems.add(
                    f"{where}.items.{syntax.key(name)}",
                    "E-CHECKLIST-NOT-ITEM",
                    name,
                    fact=syntax.quote(fact.name),
                    expected=syntax.allowed(fact.items),
                )
            if points < 0:
                problems.add(f"{where}.items.{syntax.key(name)}", "E-RULE-BELOW-ZERO", points)
            elif points == 0:
                problems.add(f"{where}.items.{syntax.key(name)}", "E-RULES-CHECKLIST-ZERO", points)
        total = sum((p for _, p in rule.items), _ZERO)
        if total > top:
            problems.add(f"{where}.items", "E-CHECKLIST-ABOVE-MAX", total=total, max=top)
        elif rule.items and total < top:
            problems.add(f"{where}.items", "E-RULES-CHECKLIST-SHORT", total, total=total, top=top)
        if not rule.items:
            problems.add(f"{where}.items", "E-CHECKLIST-NO-ITEMS")

    def scorer(self, rule: Checklist, top: Decimal, places: int) -> Scorer:
        name, items, half_up = rule.fact, rule.items, rounder(places)

        def checklist(values: Mapping[str, Any]) -> Decimal:  # checked: a set of items
            done = values[name]
            total = sum([p for item, p in items if item in done], _ZERO)
            return half_up(total if total < top else top)

        return checklist

    def explain(
        self,
        rule: Checklist,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        fact, value = inputs[0]
        done = value if isinstance(value, frozenset) else frozenset()
        listed = [item for item, _ in rule.items]
        missing = [item for item in listed if item not in done]
        said = text(
            "kind.done",
            lang,
            done=len(listed) - len(missing),
            items=text_n("count.item", len(listed), lang),
        )
        if missing:
            shown = ", ".join(value_name(fact, item, lang) for item in missing)
            said += "; " + text("kind.missing", lang, items=shown)
        return f"{label(fact, lang)}: {said} → {points_phrase(points, lang)}"

    def to_json(self, rule: Checklist) -> dict[str, Any]:
        out = super().to_json(rule)
        out["items"] = dict(rule.items)
        return out

    def dump(self, rule: Checklist) -> tuple[Table, ...]:
        return (*super().dump(rule), ("criteria.rule.items", dict(rule.items), False))
