"""Hypothesis strategies for the project's own property tests."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from cchc_score import Evidence, RuleSet, check_evidence
from cchc_score.model import Bands, Fact, Ratio, rule_facts
from cchc_score.plan import PartialRestore, Plan, Restore, SetFacts, Task


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


def _improved(fact: Fact, current: Any, ceiling: int | None) -> st.SearchStrategy[Any]:
    """Values of ``fact`` at least as good as ``current`` in its declared direction."""
    if fact.type == "count":
        low, high = int(fact.lower_bound or 0), int(fact.maximum or current + 20)
        if ceiling is not None:
            high = min(high, ceiling)
        if fact.better == "lower":
            return st.integers(low, current)
        return st.integers(current, max(current, high))
    if fact.type == "ratio":
        return st.decimals(current, 1, places=3)
    if fact.type == "level":
        return st.sampled_from(fact.levels[fact.levels.index(current) :])
    if fact.type == "checklist":
        return st.frozensets(st.sampled_from(fact.items)).map(lambda extra: current | extra)
    return st.just(current)


@st.composite
def plans_for(
    draw: st.DrawFn,
    rules: RuleSet,
    evidence: Evidence,
    max_tasks: int = 6,
    monotone: bool = True,
) -> Plan:
    """Small plans whose tasks crowd onto a few leaves, so that groups form.

    With ``monotone``, every effect makes things no worse: facts move in their better
    direction, appraised points do not fall, restores and partial restores only add.
    """
    values = check_evidence(rules, evidence)
    appraised = dict(evidence.appraised)
    pairs = _denominators(rules)
    leaves = [n.code for n in rules.nodes() if n.is_leaf]
    pool = draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=4, unique=True))
    tasks = []
    for i in range(draw(st.integers(1, max_tasks))):
        code = draw(st.sampled_from(pool))
        node = rules.node(code)
        kind = draw(st.sampled_from(["restore", "partial", "facts"]))
        effect: Any
        if kind == "restore":
            effect = Restore()
        elif kind == "partial":
            effect = PartialRestore(draw(st.sampled_from([Decimal("0.25"), Decimal("0.5")])))
        elif node.rule.kind == "appraised":
            low = appraised[code] if monotone else Decimal(0)
            effect = SetFacts(appraised=((code, draw(st.decimals(low, node.max, places=2))),))
        else:
            names = [n for n in rule_facts(node.rule) if rules.fact(n).better != "none"]
            if not names:
                effect = Restore()
            else:
                fact = rules.fact(names[0])
                ceiling = values[pairs[fact.name]] if fact.name in pairs else None
                new = draw(
                    _improved(fact, values[fact.name], ceiling)  # type: ignore[arg-type]
                    if monotone
                    else fact_values(fact, rules, ceiling)  # type: ignore[arg-type]
                )
                effect = SetFacts(facts=((fact.name, new),))
        tasks.append(
            Task(
                id=f"t{i}",
                criteria=(code,),
                effect=effect,
                effect_stated=True,
                probability=draw(
                    st.sampled_from([Decimal(x) for x in ("0", "0.25", "0.5", "0.8", "1")])
                ),
                effort=Decimal(draw(st.integers(0, 6))),
            )
        )
    return Plan(tuple(tasks), unit=evidence.unit, year=rules.year + 1)
