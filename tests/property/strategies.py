"""Hypothesis strategies for the project's own property tests."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from cchc_score import Evidence, RuleSet
from cchc_score.model import Bands, Fact, Ratio


def _denominators(rules: RuleSet) -> dict[str, str]:
    """numerator fact → denominator fact, for every ratio rule with ``of``."""
    return {
        node.rule.fact: node.rule.of
        for node in rules.nodes()
        if isinstance(node.rule, Ratio) and node.rule.of is not None
    }


def _thresholds(rules: RuleSet, fact: str) -> list[Decimal]:
    """Values where some rule on ``fact`` changes its points: worth hitting exactly."""
    out: list[Decimal] = []
    for node in rules.nodes():
        rule = node.rule
        if isinstance(rule, Bands) and rule.fact == fact:
            out += [s.min for s in rule.steps]
        if isinstance(rule, Ratio) and rule.fact == fact:
            out.append(rule.target)
            if rule.min_ratio is not None:
                out.append(rule.min_ratio)
    return out


def fact_values(fact: Fact, rules: RuleSet, at_most: int | None = None) -> st.SearchStrategy[Any]:
    """Valid values of one fact, with its edges (bounds, rule thresholds) favoured."""
    if fact.type == "count":
        low = int(fact.lower_bound or 0)
        high = int(fact.maximum) if fact.maximum is not None else low + 40
        if at_most is not None:
            high = min(high, at_most)
        return st.one_of(st.sampled_from([low, high]), st.integers(low, high))
    if fact.type in ("ratio", "number"):
        bottom = fact.lower_bound if fact.lower_bound is not None else Decimal(-100)
        top = Decimal(1) if fact.type == "ratio" else fact.maximum
        top = top if top is not None else bottom + 100
        edges = [bottom, top, *(t for t in _thresholds(rules, fact.name) if bottom <= t <= top)]
        return st.one_of(st.sampled_from(edges), st.decimals(bottom, top, places=3))
    if fact.type == "level":
        return st.sampled_from(fact.levels)
    if fact.type == "boolean":
        return st.booleans()
    return st.frozensets(st.sampled_from(fact.items))


@st.composite
def evidence_for(draw: st.DrawFn, rules: RuleSet) -> Evidence:
    """Valid evidence for ``rules``: every fact and every appraised point, within range."""
    pairs = _denominators(rules)
    values: dict[str, Any] = {}
    ordered = sorted(rules.facts, key=lambda f: f.name in pairs)  # denominators first
    for fact in ordered:
        bound = values.get(pairs[fact.name]) if fact.name in pairs else None
        values[fact.name] = draw(fact_values(fact, rules, bound))
    appraised = {
        node.code: draw(st.one_of(st.just(node.max), st.decimals(0, node.max, places=2)))
        for node in rules.nodes()
        if node.is_leaf and node.rule.kind == "appraised"
    }
    return Evidence("Đơn vị thử", rules.year, facts=values, appraised=appraised)


def evidence_toml(evidence: Evidence, order: list[int]) -> str:
    """Evidence as TOML text, its facts written in the given order (a permutation)."""
    facts = [evidence.facts[i] for i in order]
    lines = [f"unit = {json.dumps(evidence.unit, ensure_ascii=False)}", "[facts]"]
    lines += [f"{name} = {_value(value)}" for name, value in facts]
    lines.append("[appraised]")
    lines += [f"{json.dumps(code)} = {value}" for code, value in evidence.appraised]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (frozenset, tuple)):
        return json.dumps(sorted(value), ensure_ascii=False)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
