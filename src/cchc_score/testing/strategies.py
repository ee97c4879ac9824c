"""Hypothesis strategies for rule sets, evidence and plans (see :mod:`cchc_score.testing`).

Every strategy yields only what the library's validators accept: rule sets go through
:func:`cchc_score.loads_rules`, evidence satisfies the evidence checker, plans the plan
checker. Generated rule sets round to 0–3 decimals, with maxima and points on that step.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import strategies as st

from ..evidence import Evidence, check_evidence, observed_codes
from ..io.rules import dump_rules, loads_rules
from ..kinds import fact_type, kind_of
from ..model import (
    Appraised,
    Band,
    Bands,
    Checklist,
    Criterion,
    Deduction,
    Fact,
    Levels,
    Ratio,
    RuleSet,
    Step,
    Sum,
    roman,
    rule_facts,
)
from ..numbers import from_steps, step, to_steps
from ..plan import PartialRestore, Plan, Restore, SetFacts, Task

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


def _denominators(rules: RuleSet) -> dict[str, list[str]]:
    """numerator fact → its denominator facts, over every ratio rule with ``of``."""
    out: dict[str, list[str]] = {}
    for node in rules.nodes():
        if isinstance(node.rule, Ratio) and node.rule.of is not None:
            out.setdefault(node.rule.fact, []).append(node.rule.of)
    return out


def ceiling(rules: RuleSet, name: str, values: Mapping[str, Any]) -> int | None:
    """The most a count may be in ``values``: the smallest of the denominators it is
    divided by (``None`` when it divides nothing)."""
    bounds = [
        values[d] for d in _denominators(rules).get(name, ()) if isinstance(values.get(d), int)
    ]
    return min(bounds) if bounds else None


def _thresholds(rules: RuleSet, fact: str) -> list[Decimal]:
    """Values at which some rule reading ``fact`` changes its points: worth hitting."""
    out: list[Decimal] = []
    for node in rules.nodes():
        rule = node.rule
        if isinstance(rule, Bands) and rule.fact == fact:
            out += [step.min for step in rule.steps]
        elif isinstance(rule, Ratio) and rule.fact == fact and rule.of is None:
            out += [rule.target, *([rule.min_ratio] if rule.min_ratio is not None else [])]
    return out


def _range(fact: Fact, ceiling: int | None = None) -> tuple[Decimal, Decimal]:
    lowest = fact_type(fact).lower_bound(fact)
    low = lowest if lowest is not None else Decimal(-100)
    high = Decimal(1) if fact.type == "ratio" else fact.maximum
    if high is None:
        high = low + (40 if fact.type == "count" else 100)
    if ceiling is not None:
        high = min(high, Decimal(ceiling))
    return low, high


def fact_values(fact: Fact, rules: RuleSet, ceiling: int | None = None) -> st.SearchStrategy[Any]:
    """Valid values of one fact, its edges (bounds, rule thresholds) favoured."""
    if fact.type in ("count", "ratio", "number"):
        low, high = _range(fact, ceiling)
        if fact.type == "count":
            ints = st.integers(int(low), int(high))
            return st.one_of(st.sampled_from(sorted({int(low), int(high)})), ints)
        edges = sorted({low, high, *(t for t in _thresholds(rules, fact.name) if low <= t <= high)})
        return st.one_of(st.sampled_from(edges), st.decimals(low, high, places=3))
    if fact.type == "level":
        return st.sampled_from(fact.levels)
    if fact.type == "boolean":
        return st.booleans()
    return st.frozensets(st.sampled_from(fact.items))


@st.composite
def _evidence(draw: st.DrawFn, rules: RuleSet, observed: bool = False) -> Evidence:
    numerators = _denominators(rules)
    values: dict[str, Any] = {}
    # Denominators first, so that each numerator can stay at or below its denominators.
    for fact in sorted(rules.facts, key=lambda f: f.name in numerators):
        values[fact.name] = draw(fact_values(fact, rules, ceiling(rules, fact.name, values)))
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


def _points(top: Decimal, places: int) -> st.SearchStrategy[Decimal]:
    """Points from 0 to ``top`` on the step of ``places`` decimals."""
    return st.integers(0, to_steps(top, places)).map(lambda n: from_steps(n, places))


#: The smallest and largest leaf maximum, in steps of 0, 1 and 2 decimals.
_LEAF_MAX = {0: (1, 5), 1: (3, 50), 2: (25, 500)}


@attrs.define
class _Builder:
    """Collects the facts a generated rule set declares; points on its decimals' step."""

    decimals: int
    facts: dict[str, Fact] = attrs.field(factory=dict)

    def points(self, top: Decimal) -> st.SearchStrategy[Decimal]:
        return _points(top, self.decimals)

    def fact(self, draw: st.DrawFn, kind: str, better: str = "higher") -> Fact:
        reusable = [f for f in self.facts.values() if f.type == kind and f.better == better]
        share: bool = draw(st.booleans())
        if reusable and share:
            return draw(st.sampled_from(reusable))  # one fact feeding several criteria
        name = f"f{len(self.facts) + 1}"
        extra: dict[str, Any] = {}
        if kind == "level":
            extra["levels"] = tuple(f"mức {i}" for i in range(draw(st.integers(2, 4))))
        elif kind == "checklist":
            extra["items"] = tuple(f"mục {i}" for i in range(draw(st.integers(1, 4))))
        elif kind == "count" and better == "none":
            extra["minimum"] = _D(1)
        fact = Fact(name=name, type=kind, label=f"dữ kiện {name}", better=better, **extra)  # type: ignore[arg-type]
        self.facts[name] = fact
        return fact

    def rule(self, draw: st.DrawFn, top: Decimal) -> Any:
        kind = draw(
            st.sampled_from(["ratio", "bands", "deduction", "levels", "checklist", "appraised"])
        )
        if kind == "appraised":
            return Appraised()
        if kind == "ratio":
            if draw(st.booleans()):
                return Ratio(
                    self.fact(draw, "ratio").name,
                    target=draw(st.sampled_from([_D(1), _D("0.5"), _D("0.8")])),
                    min_ratio=draw(st.sampled_from([None, _D("0.2")])),
                )
            return Ratio(self.fact(draw, "count").name, of=self.fact(draw, "count", "none").name)
        if kind == "bands":
            fact = self.fact(draw, draw(st.sampled_from(["ratio", "count"])))
            mins = sorted(
                {
                    _D(0),
                    *draw(
                        st.lists(
                            st.sampled_from(
                                [_D("0.5"), _D("0.8"), _D(1)]
                                if fact.type == "ratio"
                                else [_D(1), _D(3), _D(5)]
                            ),
                            max_size=3,
                        )
                    ),
                },
                reverse=True,
            )
            points = sorted(
                draw(st.lists(self.points(top), min_size=len(mins), max_size=len(mins))),
                reverse=True,
            )  # the higher the value, the more points
            return Bands(fact.name, tuple(Step(m, p) for m, p in zip(mins, points, strict=True)))
        if kind == "deduction":
            fact = self.fact(draw, "count", "lower")
            each = (
                draw(self.points(top).filter(lambda p: p > 0))
                if top >= step(self.decimals)
                else top
            )
            return Deduction(fact.name, each=each, min_points=draw(self.points(top)))
        if kind == "levels":
            fact = self.fact(draw, "level")
            points = sorted(
                draw(
                    st.lists(self.points(top), min_size=len(fact.levels), max_size=len(fact.levels))
                )
            )
            return Levels(fact.name, tuple(zip(fact.levels, points, strict=True)))
        fact = self.fact(draw, "checklist")
        budget = to_steps(top, self.decimals)
        items = []
        for item in fact.items:
            steps = draw(st.integers(0, budget))
            budget -= steps
            items.append((item, from_steps(steps, self.decimals)))
        return Checklist(fact.name, tuple(items))

    def node(self, draw: st.DrawFn, code: str, depth: int) -> Criterion:
        if depth >= 2 and (depth >= 3 or draw(st.booleans())):
            grain = min(self.decimals, 2)
            low, high = _LEAF_MAX[grain]
            top = draw(st.integers(low, high).map(lambda n: from_steps(n, grain)))
            return Criterion(
                code, f"Tiêu chí {code}", top, self.rule(draw, top), basis="sinh ngẫu nhiên"
            )
        children = tuple(
            self.node(draw, f"{code}.{i}" if depth else f"{code}", depth + 1)
            for i in range(1, draw(st.integers(1, 3)) + 1)
        )
        return Criterion(
            code,
            f"Tiêu chí {code}",
            sum((c.max for c in children), _D(0)),
            Sum(),
            children,
            basis="sinh ngẫu nhiên",
        )


@st.composite
def _rulesets(draw: st.DrawFn, max_domains: int) -> RuleSet:
    decimals = draw(st.integers(0, 3))
    builder = _Builder(decimals)
    domains = []
    for d in range(1, draw(st.integers(1, max_domains)) + 1):
        children = tuple(
            builder.node(draw, f"{d}.{i}", 2) for i in range(1, draw(st.integers(1, 3)) + 1)
        )
        domains.append(
            Criterion(
                roman(d),
                f"Lĩnh vực {roman(d)}",
                sum((c.max for c in children), _D(0)),
                Sum(),
                children,
                basis="sinh ngẫu nhiên",
            )
        )
    top = sum((d.max for d in domains), _D(0))
    cuts = sorted({_D(0), *draw(st.lists(_points(top, decimals), max_size=3))}, reverse=True)
    bands = tuple(Band(f"Loại {i + 1}", cut) for i, cut in enumerate(cuts))
    rules = RuleSet(
        id="sinh_ngau_nhien",
        name="Bộ tiêu chí sinh ngẫu nhiên",
        year=2022,
        max=top,
        decimals=decimals,
        facts=tuple(builder.facts.values()),
        domains=tuple(domains),
        bands=bands,
        basis="sinh ngẫu nhiên",
    )
    # Through the loader: what the strategy yields is exactly what the validator accepts.
    return loads_rules(dump_rules(rules), file="<rulesets()>")


def rulesets(max_domains: int = 3) -> st.SearchStrategy[RuleSet]:
    """Valid random rule sets: domains, criteria and sub-criteria whose maxima add up, every
    rule kind (with monotone parameters), declared facts, some feeding several criteria,
    rating bands, and 0 to 3 ``decimals`` (maxima and points on that step). Each is
    validated by :func:`cchc_score.loads_rules`."""
    return _rulesets(max_domains)


# --------------------------------------------------------------------------- plans


def improvements(
    fact: Fact, current: Any, rules: RuleSet, ceiling: int | None = None
) -> st.SearchStrategy[Any] | None:
    """A strategy for values strictly better than ``current`` in the fact's declared
    direction (rule thresholds favoured), or ``None`` when there is none.

    ``ceiling`` caps a count that is a ratio's numerator at its denominator's value.
    """
    if fact.better == "none":
        return None
    up = fact.better == "higher"
    if fact.type in ("count", "ratio", "number"):
        low, high = _range(fact, ceiling)
        if (up and current >= high) or (not up and current <= low):
            return None
        if fact.type == "count":
            return st.integers(current + 1, int(high)) if up else st.integers(int(low), current - 1)
        ahead = [t for t in _thresholds(rules, fact.name) if (t > current if up else t < current)]
        ahead = [t for t in ahead if low <= t <= high] or [high if up else low]
        span = st.decimals(current, high, places=3) if up else st.decimals(low, current, places=3)
        return st.one_of(st.sampled_from(sorted(ahead)), span.filter(lambda v: v != current))
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
    better = improvements(fact, values[fact.name], rules, ceiling(rules, fact.name, values))
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
            better = improvements(fact, values[fact.name], rules, cap) if values else None
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
