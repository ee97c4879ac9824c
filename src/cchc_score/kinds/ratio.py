"""``ratio``: ``max × value ÷ target``, capped at ``max``; 0 below ``min_ratio``.

The arithmetic is exact: the value is never divided out on its own (28/192 is not a
decimal), so 3,0 × 28/192 ÷ 50% is exactly 0,875 and rounds, half up, to 0,88.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ..numbers import format_number, format_percent, round_exact, round_points, round_quotient
from ..words import text
from .base import EXACT, Rule, RuleKind, Scorer, number, points_phrase, reach_min
from .facttypes import fact_type, label

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = ["Ratio", "RatioKind"]

_ZERO = Decimal(0)


@attrs.frozen
class Ratio(Rule):
    """``max × value ÷ target``, capped at ``max``; 0 below ``min_ratio``.

    ``value`` is the fact itself, or ``fact ÷ of`` when ``of`` names a denominator.
    """

    fact: str
    of: str | None = None
    target: Decimal = Decimal(1)
    min_ratio: Decimal | None = None
    kind: Literal["ratio"] = "ratio"


class RatioKind(RuleKind[Ratio]):
    """Points in proportion to a share of a target."""

    name = "ratio"
    rule_type = Ratio
    fact_types = MappingProxyType({"fact": ("count", "ratio", "number"), "of": ("count", "number")})

    def check(
        self,
        rule: Ratio,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        before = len(problems.items)
        if rule.target <= 0:
            problems.add(f"{where}.target", "E-RULES-NOT-POSITIVE", rule.target)
        if rule.min_ratio is not None and not 0 <= rule.min_ratio <= rule.target:
            problems.add(f"{where}.min_ratio", "E-RATIO-MIN-RATIO", rule.min_ratio)
        for key, name in self.reads(rule):
            low = fact_type(facts[name]).lower_bound(facts[name])
            if low is None or low < 0:
                problems.add(f"{where}.{key}", "E-RATIO-FACT-MIN", name)
        if rule.of is not None and fact_type(facts[rule.fact]).percent:
            problems.add(
                f"{where}.of",
                "E-RATIO-OF-SHARE",
                rule.of,
            )
        elif rule.of is None and facts[rule.fact].type == "count":
            problems.add(f"{where}.fact", "E-RULES-RATIO-NEEDS-OF", rule.fact)
        elif len(problems.items) == before:
            self._check_reach(rule, top, where, facts, problems)

    @staticmethod
    def _check_reach(
        rule: Ratio, top: Decimal, where: str, facts: Mapping[str, Fact], problems: ProblemList
    ) -> None:
        """The target within the share's range, a denominator never 0, a numerator never
        above its denominator, and 0 points within reach."""
        fact = facts[rule.fact]
        low = fact_type(fact).lower_bound(fact) or _ZERO
        high = fact_type(fact).upper_bound(fact)
        under_high = None
        if rule.of is not None:
            under = facts[rule.of]
            under_low = fact_type(under).lower_bound(under)
            under_high = fact_type(under).upper_bound(under)
            if under_low is None or under_low < 1:
                shown = "∞" if under_low is None else under_low
                problems.add(f"{where}.of", "E-RULES-RATIO-DENOMINATOR-ZERO", rule.of, low=shown)
            if under_high is not None and low > under_high:
                problems.add(
                    f"{where}.fact",
                    "E-RULES-RATIO-NUMERATOR-MIN",
                    rule.fact,
                    low=low,
                    under=under_high,
                    of=rule.of,
                )
            elif high is not None and under_high is not None and high > under_high:
                problems.add(
                    f"{where}.fact",
                    "E-RULES-RATIO-NUMERATOR-ABOVE",
                    rule.fact,
                    high=high,
                    under=under_high,
                    of=rule.of,
                )
            high = Decimal(1)  # the numerator is at most its denominator
        if high is not None and rule.target > high:
            problems.add(
                f"{where}.target",
                "E-RULES-RATIO-TARGET-UNREACHABLE",
                rule.target,
                high=high,
                top=top,
            )
        # 0 points: a value of 0, or a share below the floor.
        if low > 0 and (rule.of is None or under_high is not None):
            least = Fraction(low) / (1 if under_high is None else Fraction(under_high))
            if rule.min_ratio is None or least >= rule.min_ratio:
                points = min(Fraction(top), Fraction(top) * least / Fraction(rule.target))
                reach_min(round_exact(points, 4), _ZERO, f"{where}.fact", problems)

    def directions(self, rule: Ratio, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        return (("fact", "higher"),) + ((("of", "lower"),) if rule.of is not None else ())

    def scorer(self, rule: Ratio, top: Decimal, places: int) -> Scorer:
        name, of, target, floor = rule.fact, rule.of, rule.target, rule.min_ratio
        full, zero = round_points(top, places), round_points(_ZERO, places)
        times = EXACT.multiply

        # ``values`` are checked numbers (typed ``Any`` here to keep the hot path bare);
        # value ÷ under is compared and scaled without ever being divided out on its own.
        if of is None:
            low = floor

            def share(values: Mapping[str, Any]) -> Decimal:
                value = values[name]
                if low is not None and value < low:
                    return zero
                if value >= target:
                    return full
                return round_quotient(times(top, value), target, places)

            return share

        def ratio(values: Mapping[str, Any]) -> Decimal:
            value, under = values[name], values[of]
            if floor is not None and value < times(floor, under):
                return zero
            scaled = times(target, under)
            if value >= scaled:
                return full
            return round_quotient(times(top, value), scaled, places)

        return ratio

    def values_ok(self, rule: Ratio, values: Mapping[str, FactValue]) -> bool:
        if rule.of is None:
            return True
        value, under = number(values[rule.fact]), number(values[rule.of])
        return bool(under) and value <= under

    def check_values(
        self, rule: Ratio, code: str, values: Mapping[str, FactValue], problems: ProblemList
    ) -> None:
        if rule.of is None:
            return
        value, under = values.get(rule.fact), values.get(rule.of)
        if not isinstance(value, (int, Decimal)) or not isinstance(under, (int, Decimal)):
            return  # missing or already reported
        if under == 0:
            problems.add(
                f"facts.{rule.of}",
                "E-RATIO-ZERO-BASE",
                under,
                code=code,
                fact=rule.fact,
                of=rule.of,
            )
        elif value > under:
            problems.add(
                f"facts.{rule.fact}",
                "E-RATIO-ABOVE-ONE",
                value,
                code=code,
                of=rule.of,
                base=under,
            )

    def explain(
        self,
        rule: Ratio,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        values = {fact.name: value for fact, value in inputs}
        fact = inputs[0][0]
        kind = fact_type(fact)
        value = number(values[rule.fact])
        under = 1 if rule.of is None else number(values[rule.of])
        percent = rule.of is not None or kind.percent
        if rule.of is not None:
            shown = f"{values[rule.fact]}/{values[rule.of]}"
            stated = f"{shown} {label(fact, lang)}"
        else:
            shown = kind.show(value, lang)
            stated = kind.stated(fact, value, lang)

        def share(bound: Decimal) -> str:
            return format_percent(bound, lang) if percent else format_number(bound, lang)

        result = points_phrase(points, lang)
        if rule.min_ratio is not None and value < EXACT.multiply(rule.min_ratio, under):
            return (
                f"{stated} → {text('kind.below_min', lang, min=share(rule.min_ratio))} → {result}"
            )
        target = share(rule.target)
        if value >= EXACT.multiply(rule.target, under) and rule.target != 1:
            return f"{stated} → {text('kind.target_met', lang, target=target)} → {result}"
        formula = f"{format_number(top, lang)} × {shown}"
        formula += "" if rule.target == 1 else f" ÷ {target}"
        return f"{stated} → {formula} = {result}"
