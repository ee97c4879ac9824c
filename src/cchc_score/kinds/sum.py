"""``sum``: an inner node, the sum of its children's points, capped at its maximum."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from ..numbers import format_number, format_points
from ..words import text
from .base import Rule, RuleKind, points_phrase

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Sum", "SumKind"]


@attrs.frozen
class Sum(Rule):
    """An inner node: the sum of its children, capped at its maximum."""

    kind: Literal["sum"] = "sum"


class SumKind(RuleKind[Sum]):
    """The kind of every node with sub-criteria; the evaluation adds the children up."""

    name = "sum"
    rule_type = Sum
    inner = True

    def explain(
        self,
        rule: Sum,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        total = sum(parts, Decimal(0))
        added = " + ".join(format_points(p, lang) for p in parts)
        capped = ""
        if total > top:
            capped = f" ({text('kind.capped', lang, max=format_number(top, lang))})"
        return f"{text('kind.sum', lang)}: {added}{capped} = {points_phrase(points, lang)}"
