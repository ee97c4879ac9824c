"""The values of a fact worth trying: at and around every threshold the rules mention (each
± the smallest unit), past the highest, at the declared bounds; and the range a fact may
take given the other facts (a numerator never above its denominator).

Pure functions of a rule set, no hypothesis: the strategies draw from these values, and the
``monotone``, ``reachable`` and ``no_dead_input`` invariants walk them.

>>> from cchc_score import load_rules
>>> rules = load_rules("criteria_2022")
>>> [str(v) for v in edges(rules, rules.fact("investment_disbursement_rate"), {})][:6]
['0', '0.001', '0.699', '0.7', '0.701', '0.799']
>>> edges(rules, rules.fact("late_reports"), {})
(0, 1, 2, 3, 4, 5, 9)
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..kinds import fact_type
from ..model import Bands, Deduction, Ratio

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import Fact, RuleSet

__all__ = [
    "RANDOM_SPAN",
    "denominators",
    "edges",
    "numerators",
    "span",
    "thresholds",
    "unit",
    "worse_to_better",
]

#: How far above its highest threshold an unbounded fact is drawn at random (at least).
RANDOM_SPAN = 40
_D = Decimal


def denominators(rules: RuleSet) -> dict[str, list[str]]:
    """numerator fact → its denominator facts, over every ratio rule with ``of``."""
    out: dict[str, list[str]] = {}
    for node in rules.nodes():
        if isinstance(node.rule, Ratio) and node.rule.of is not None:
            out.setdefault(node.rule.fact, []).append(node.rule.of)
    return out


def numerators(rules: RuleSet) -> dict[str, list[str]]:
    """denominator fact → the numerator facts divided by it."""
    out: dict[str, list[str]] = {}
    for numerator, unders in denominators(rules).items():
        for under in unders:
            out.setdefault(under, []).append(numerator)
    return out


def thresholds(rules: RuleSet, name: str, values: Mapping[str, Any]) -> list[Decimal]:
    """Values of fact ``name`` at which some rule reading it changes how it scores; a
    ratio's numerator or denominator from the other's value in ``values``, where given."""
    out: list[Decimal] = []
    for node in rules.nodes():
        rule = node.rule
        if isinstance(rule, Bands) and rule.fact == name:
            out += [s.min for s in rule.steps] + [s.below for s in rule.steps if s.below]
        elif isinstance(rule, Deduction) and rule.fact == name:
            out.append((node.max - rule.min_points) / rule.each)  # where the floor is hit
        elif isinstance(rule, Ratio):
            shares = [rule.target, *([rule.min_ratio] if rule.min_ratio is not None else [])]
            if rule.fact == name and rule.of is None:
                out += shares
            elif rule.fact == name and isinstance(values.get(rule.of or ""), int):
                out += [share * values[rule.of or ""] for share in shares]
            elif rule.of == name and isinstance(values.get(rule.fact), int):
                out += [values[rule.fact] / share for share in shares if share > 0]
    return out


def unit(rules: RuleSet, fact: Fact, values: Mapping[str, Any] | None = None) -> Decimal:
    """The smallest step worth taking around a threshold: 1 for a count, else one place
    finer than the finest threshold (at least 0,001)."""
    if fact.type == "count":
        return _D(1)
    places = 3
    for t in thresholds(rules, fact.name, values or {}):
        exponent = t.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            places = max(places, min(-exponent + 1, 8))
    return _D(1).scaleb(-places)


def span(rules: RuleSet, fact: Fact, values: Mapping[str, Any]) -> tuple[Decimal, Decimal | None]:
    """The least and greatest value ``fact`` may take beside ``values``: its declared
    bounds, at most its denominators' values, at least its numerators' (their declared
    least where ``values`` does not give them). ``None``: no greatest."""
    kind = fact_type(fact)
    low = kind.lower_bound(fact)
    low = _D(0) if low is None else low
    high = kind.upper_bound(fact)
    for under in denominators(rules).get(fact.name, ()):
        if isinstance(values.get(under), int):
            high = _D(values[under]) if high is None else min(high, _D(values[under]))
    for over in numerators(rules).get(fact.name, ()):
        given = values.get(over)
        least = (
            _D(given)
            if isinstance(given, int)
            else fact_type(rules.fact(over)).lower_bound(rules.fact(over))
        )
        if least is not None:
            low = max(low, least)
    return low, high


def edges(rules: RuleSet, fact: Fact, values: Mapping[str, Any]) -> tuple[Any, ...]:
    """Every value of ``fact`` worth trying beside ``values``, sorted: its bounds and one
    unit inside each, each threshold and one unit either side, one unit past the highest
    and twice it (within the fact's :func:`span`); every level, both booleans; for a
    checklist none, all, and all but one item."""
    if fact.type == "level":
        return fact.levels
    if fact.type == "boolean":
        return (False, True)
    if fact.type == "checklist":
        every = frozenset(fact.items)
        sets = {frozenset(), every, *(every - {item} for item in fact.items)}
        return tuple(sorted(sets, key=lambda s: (len(s), sorted(s))))
    low, high = span(rules, fact, values)
    step = unit(rules, fact, values)
    marks = thresholds(rules, fact.name, values)
    top = max([low, *marks])
    wanted = {low, low + step, top + step, top * 2 + step}
    if high is not None:
        wanted |= {high - step, high}
    for t in marks:
        wanted |= {t - step, t, t + step}
    if fact.type == "count":
        whole = {math.floor(v) for v in wanted} | {math.ceil(v) for v in wanted}
        wanted = {_D(v) for v in whole}
    kept = sorted(v for v in wanted if v >= low and (high is None or v <= high))
    if fact.type == "count":
        return tuple(int(v) for v in kept)
    return tuple(kept)


def worse_to_better(fact: Fact, candidates: tuple[Any, ...]) -> list[Any]:
    """``candidates`` (as :func:`edges` gives them) from the worst to the best value in
    the fact's declared direction (none for ``better = "none"``, or for a checklist, whose
    order is partial)."""
    if fact.better == "none" or fact.type == "checklist":
        return []
    ordered = list(candidates)
    return ordered if fact.better == "higher" else ordered[::-1]
