"""``appraised``: points entered directly (a survey result, the appraisal team's judgement)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import attrs

from ..words import text
from .base import Rule, RuleKind, points_phrase

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Appraised", "AppraisedKind"]


@attrs.frozen
class Appraised(Rule):
    """Points entered directly (a survey result, the appraisal team's judgement)."""

    kind: Literal["appraised"] = "appraised"


class AppraisedKind(RuleKind[Appraised]):
    """Points the evidence gives under ``[appraised]``; no facts are read."""

    name = "appraised"
    rule_type = Appraised
    appraised = True

    def explain(
        self,
        rule: Appraised,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        return f"{text('kind.appraised', lang)}: {points_phrase(points, lang)}"
