"""Hypothesis strategies for rule sets, evidence and plans (see :mod:`cchc_score.testing`).

Every strategy yields only what the library's validators accept: rule sets go through
:func:`cchc_score.loads_rules`, evidence satisfies the evidence checker, plans the plan
checker. Generated rule sets round to 0–3 decimals, with maxima and points on that step.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from ..evidence import Evidence, check_evidence, observed_codes
from ..kinds import kind_of
from ..model import (
    Appraised,
    Fact,
    RuleSet,
    rule_facts,
)
from ..plan import PartialRestore, Plan, Restore, SetFacts, Task
from .edges import RANDOM_SPAN, denominators, edges, span, thresholds, unit
from .generated import rulesets

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ceiling",
    "evidence_for",
    "fact_values",
    "improved_fact",
    "improvements",
    "plans_for",
    "rulesets",
]


# --------------------------------------------------------------------------- evidence


def ceiling(rules: RuleSet, name: str, values: Mapping[str, Any]) -> int | None:
    """The most a count may be in ``values``: the smallest of the denominators it is
    divided by (``None`` when it divides nothing)."""
    bounds = [
        values[d] for d in denominators(rules).get(name, ()) if isinstance(values.get(d), int)
    ]
    return min(bounds) if bounds else None


def _range(
    rules: RuleSet, fact: Fact, values: Mapping[str, Any] | None, ceiling: int | None
) -> tuple[Decimal, Decimal]:
    """Where values of ``fact`` are drawn: its :func:`~.edges.span` beside ``values``, an
    unbounded fact up to well past its highest threshold."""
    low, high = span(rules, fact, values or {})
    if ceiling is not None:
        high = Decimal(ceiling) if high is None else min(high, Decimal(ceiling))
    if high is None:
        marks = thresholds(rules, fact.name, values or {})
        high = max([low, *marks]) * 2 + RANDOM_SPAN
    return low, max(low, high)


def fact_values(
    fact: Fact,
    rules: RuleSet,
    ceiling: int | None = None,
    *,
    values: Mapping[str, Any] | None = None,
) -> st.SearchStrategy[Any]:
    """Valid values of one fact: every value :func:`~.edges.edges` lists (at and around
    each threshold, past the highest, at the bounds), or one at random.

    ``values`` are the other facts' (a numerator stays at or below its denominator, which
    moves its thresholds); ``ceiling`` caps a count, for callers without them.
    """
    listed = edges(rules, fact, values or {})
    if fact.type in ("count", "ratio", "number"):
        low, high = _range(rules, fact, values, ceiling)
        listed = tuple(v for v in listed if low <= v <= high) or (low,)
        if fact.type == "count":
            return st.one_of(st.sampled_from(listed), st.integers(int(low), int(high)))
        places = -unit(rules, fact, values).as_tuple().exponent  # type: ignore[operator]
        return st.one_of(st.sampled_from(listed), st.decimals(low, high, places=places))
    if fact.type == "checklist":
        return st.one_of(st.sampled_from(listed), st.frozensets(st.sampled_from(fact.items)))
    return st.sampled_from(listed)


@st.composite
def _evidence(draw: st.DrawFn, rules: RuleSet, observed: bool = False) -> Evidence:
    over = denominators(rules)
    values: dict[str, Any] = {}
    # Denominators first, so that each numerator can stay at or below its denominators.
    for fact in sorted(rules.facts, key=lambda f: f.name in over):
        values[fact.name] = draw(fact_values(fact, rules, values=values), label=fact.name)
    # One place more than the rules round to, so that half-way points (0,545 at 2
    # decimals) are drawn and rounded.
    places = rules.decimals + 1
    appraised = {
        node.code: draw(
            st.one_of(
                st.sampled_from([Decimal(0), node.max]), st.decimals(0, node.max, places=places)
            )
        )
        for node in rules.nodes()
        if node.is_leaf and isinstance(node.rule, Appraised)
    }
    if observed:
        # Some leaves scored from facts get appraised points, and the facts only they read
        # are dropped: those leaves are observed (a leaf whose facts are all still given by
        # a shared reader is scored and compared instead).
        scored = [n for n in rules.nodes() if n.is_leaf and kind_of(n.rule).scored]
        chosen = [n for n in scored if draw(st.booleans())]
        codes = {n.code for n in chosen}
        kept = {name for n in scored if n.code not in codes for name in rule_facts(n.rule)}
        for node in chosen:
            appraised[node.code] = draw(st.decimals(0, node.max, places=places))
            for name in rule_facts(node.rule):
                if name not in kept:
                    values.pop(name, None)
    return Evidence("Đơn vị thử", rules.year, facts=values, appraised=appraised)


def evidence_for(rules: RuleSet, *, observed: bool = False) -> st.SearchStrategy[Evidence]:
    """Valid evidence for ``rules``: every declared fact and every appraised point, with
    edge values favoured (0, the bounds, the maximum, a ratio exactly at a band threshold);
    a ratio's numerator never exceeds its denominator.

    With ``observed``, some criteria scored from facts are given appraised points instead
    (observed points), and the facts only they read are left out.
    """
    return _evidence(rules, observed)


# --------------------------------------------------------------------------- rule sets

_D = Decimal


# --------------------------------------------------------------------------- plans


def improvements(
    fact: Fact,
    current: Any,
    rules: RuleSet,
    ceiling: int | None = None,
    *,
    values: Mapping[str, Any] | None = None,
) -> st.SearchStrategy[Any] | None:
    """A strategy for values strictly better than ``current`` in the fact's declared
    direction (rule thresholds favoured), or ``None`` when there is none.

    ``values`` are the other facts (a numerator stays at or below its denominator, a
    denominator at or above its numerators); ``ceiling`` caps a count, for callers without.
    """
    if fact.better == "none":
        return None
    up = fact.better == "higher"
    if fact.type in ("count", "ratio", "number"):
        low, high = _range(rules, fact, values, ceiling)
        if (up and current >= high) or (not up and current <= low):
            return None
        if fact.type == "count":
            return st.integers(current + 1, int(high)) if up else st.integers(int(low), current - 1)
        listed = edges(rules, fact, values or {})
        ahead = [t for t in listed if low <= t <= high and (t > current if up else t < current)]
        ahead = ahead or [high if up else low]
        places = -unit(rules, fact, values).as_tuple().exponent  # type: ignore[operator]
        span_ = (
            st.decimals(current, high, places=places)
            if up
            else st.decimals(low, current, places=places)
        )
        return st.one_of(st.sampled_from(ahead), span_.filter(lambda v: v != current))
    if fact.type == "level":
        index = fact.levels.index(current)
        later = fact.levels[index + 1 :] if up else fact.levels[:index]
        return st.sampled_from(later) if later else None
    if fact.type == "boolean":
        return st.just(up) if current != up else None
    missing = [item for item in fact.items if item not in current]
    if not up or not missing:
        return None
    return st.frozensets(st.sampled_from(missing), min_size=1).map(lambda extra: current | extra)


@st.composite
def _improvement(draw: st.DrawFn, rules: RuleSet, evidence: Evidence) -> tuple[str, Any] | None:
    monotone = [f for f in rules.facts if f.better != "none"]
    if not monotone:
        return None
    fact = draw(st.sampled_from(monotone))
    values = check_evidence(rules, evidence)
    better = improvements(fact, values[fact.name], rules, values=values)
    return None if better is None else (fact.name, draw(better))


def improved_fact(rules: RuleSet, evidence: Evidence) -> st.SearchStrategy[tuple[str, Any] | None]:
    """One fact of ``evidence`` with a strictly better value for it, ``(name, value)``; or
    ``None`` when the drawn fact cannot improve (already at its best)."""
    return _improvement(rules, evidence)


@st.composite
def _plans(draw: st.DrawFn, rules: RuleSet, evidence: Evidence | None, max_tasks: int) -> Plan:
    values: Mapping[str, Any] = check_evidence(rules, evidence) if evidence is not None else {}
    appraised = dict(evidence.appraised) if evidence is not None else {}
    # Observed criteria have no facts to set: their tasks restore, fully or in part.
    observed = observed_codes(rules, evidence) if evidence is not None else frozenset()
    leaves = [node for node in rules.nodes() if node.is_leaf]
    # A few leaves only, so that tasks crowd onto them and form groups.
    pool = draw(
        st.lists(st.sampled_from(leaves), min_size=1, max_size=4, unique_by=lambda n: n.code)
    )
    tasks = []
    for i in range(draw(st.integers(1, max_tasks))):
        node = draw(st.sampled_from(pool))
        kind = draw(st.sampled_from(["restore", "partial", "facts"]))
        effect: Any = Restore()
        if kind == "partial":
            effect = PartialRestore(draw(st.sampled_from([_D("0.25"), _D("0.5"), _D("0.75")])))
        elif kind == "facts" and isinstance(node.rule, Appraised):
            low = appraised.get(node.code, _D(0))
            points = st.decimals(low, node.max, places=rules.decimals + 1)
            effect = SetFacts(appraised=((node.code, draw(points)),))
        elif kind == "facts" and rule_facts(node.rule) and node.code not in observed:
            fact = rules.fact(rule_facts(node.rule)[0])
            cap = ceiling(rules, fact.name, values) if values else None
            better = improvements(fact, values[fact.name], rules, values=values) if values else None
            if better is not None:
                effect = SetFacts(facts=((fact.name, draw(better)),))
            elif not values and fact.better != "none":
                effect = SetFacts(facts=((fact.name, draw(fact_values(fact, rules, cap))),))
        tasks.append(
            Task(
                id=f"t{i + 1}",
                criteria=(node.code,),
                effect=effect,
                effect_stated=True,
                effort=_D(draw(st.integers(0, 8))),
                probability=draw(st.sampled_from([_D(0), _D("0.25"), _D("0.5"), _D("0.8"), _D(1)])),
            )
        )
    return Plan(tuple(tasks), year=rules.year + 1)


def plans_for(
    rules: RuleSet, evidence: Evidence | None = None, max_tasks: int = 6
) -> st.SearchStrategy[Plan]:
    """Valid plans for ``rules``: tasks crowding onto a few criteria with restore, partial
    and facts effects, efforts and probabilities (0 and 1 included).

    With ``evidence``, every facts effect is an improvement on it in the fact's declared
    direction (so completing a task should never lower the total); without, facts effects
    take any valid value.
    """
    return _plans(rules, evidence, max_tasks)
