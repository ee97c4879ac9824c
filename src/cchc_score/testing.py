"""Property testing for rule sets: hypothesis strategies and the engine's invariants.

Test your own rules file the way the project tests its own::

    from cchc_score import load_rules
    from cchc_score.testing import check_invariants

    def test_my_province_rules():
        check_invariants(load_rules("rules/province_2023.toml"))

``check_invariants`` draws evidence (and plans) for the rule set with hypothesis and checks
every guarantee below; on a failure hypothesis shrinks the example, and the error says
which invariant, which criterion and which facts. The strategies are public too:
:func:`rulesets`, :func:`evidence_for`, :func:`plans_for`.

This module imports hypothesis (install ``cchc-score[test]``); ``import cchc_score`` does
not.

The invariants (:data:`INVARIANTS`):

``bounds``
    Every node scores within [0, its maximum]; the total within [0, the index maximum].
``sums``
    Every parent scores the sum of its children, capped at its maximum; the total is the
    sum of the domains.
``monotone``
    Improving one fact in its declared ``better`` direction never lowers any node. A rule
    that rewards a worse value (bands upside down, levels listed best first) breaks it.
``order``
    The order facts are given in never changes a score.
``round_trip``
    ``loads_rules(dump_rules(rules)) == rules``.
``completion``
    Completing one more task with an effect that never worsens a fact never lowers the
    projected total.
``expectation``
    The exact distribution's mean equals the expected total found by enumerating every
    outcome of the plan.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .engine import Engine, resolve_effects
from .evaluation import evaluate
from .evidence import Evidence, check_evidence
from .loading import dump_rules, loads_rules
from .model import (
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
from .plan import PartialRestore, Plan, Restore, SetFacts, Task
from .projection import brute_force_distribution, project

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "INVARIANTS",
    "InvariantError",
    "check_card",
    "check_invariants",
    "check_monotone",
    "check_order",
    "check_plan",
    "check_round_trip",
    "evidence_for",
    "fact_values",
    "improved_fact",
    "improvements",
    "plans_for",
    "rulesets",
]

#: Every invariant :func:`check_invariants` checks, with what it guarantees.
INVARIANTS: dict[str, str] = {
    "bounds": "every node within [0, max]",
    "sums": "each parent is the sum of its children, capped at its maximum",
    "monotone": "a fact improved in its declared direction never lowers a score",
    "order": "the order of facts does not matter",
    "round_trip": "load → dump → load gives the same rule set",
    "completion": "completing a task that worsens nothing never lowers the projected total",
    "expectation": "the exact distribution's mean is the expected total",
}

_CENT = Decimal("0.01")


class InvariantError(AssertionError):
    """A rule set (or the engine) broke one of the invariants; the message says where."""

    def __init__(self, invariant: str, message: str) -> None:
        super().__init__(f"{invariant} ({INVARIANTS[invariant]}): {message}")
        self.invariant = invariant


# --------------------------------------------------------------------------- evidence


def _denominators(rules: RuleSet) -> dict[str, list[str]]:
    """numerator fact → its denominator facts, over every ratio rule with ``of``."""
    out: dict[str, list[str]] = {}
    for node in rules.nodes():
        if isinstance(node.rule, Ratio) and node.rule.of is not None:
            out.setdefault(node.rule.fact, []).append(node.rule.of)
    return out


def _ceiling(rules: RuleSet, name: str, values: Mapping[str, Any]) -> int | None:
    """The most a count may be: the smallest of the denominators it is divided by."""
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
    low = fact.lower_bound if fact.lower_bound is not None else Decimal(-100)
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
def _evidence(draw: st.DrawFn, rules: RuleSet) -> Evidence:
    numerators = _denominators(rules)
    values: dict[str, Any] = {}
    # Denominators first, so that each numerator can stay at or below its denominators.
    for fact in sorted(rules.facts, key=lambda f: f.name in numerators):
        values[fact.name] = draw(fact_values(fact, rules, _ceiling(rules, fact.name, values)))
    appraised = {
        node.code: draw(
            st.one_of(st.sampled_from([Decimal(0), node.max]), st.decimals(0, node.max, places=2))
        )
        for node in rules.nodes()
        if node.is_leaf and isinstance(node.rule, Appraised)
    }
    return Evidence("Đơn vị thử", rules.year, facts=values, appraised=appraised)


def evidence_for(rules: RuleSet) -> st.SearchStrategy[Evidence]:
    """Valid evidence for ``rules``: every declared fact and every appraised point, with
    edge values favoured (0, the bounds, the maximum, a ratio exactly at a band threshold);
    a ratio's numerator never exceeds its denominator."""
    return _evidence(rules)


# --------------------------------------------------------------------------- rule sets

_D = Decimal


def _points(top: Decimal) -> st.SearchStrategy[Decimal]:
    cents = int(top * 100)
    return st.integers(0, cents).map(lambda c: _D(c) / 100)


@attrs.define
class _Builder:
    """Collects the facts a generated rule set declares."""

    facts: dict[str, Fact] = attrs.field(factory=dict)

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
                draw(st.lists(_points(top), min_size=len(mins), max_size=len(mins))), reverse=True
            )  # the higher the value, the more points
            return Bands(fact.name, tuple(Step(m, p) for m, p in zip(mins, points, strict=True)))
        if kind == "deduction":
            fact = self.fact(draw, "count", "lower")
            each = draw(_points(top).filter(lambda p: p > 0)) if top >= _CENT else top
            return Deduction(fact.name, each=each, min_points=draw(_points(top)))
        if kind == "levels":
            fact = self.fact(draw, "level")
            points = sorted(
                draw(st.lists(_points(top), min_size=len(fact.levels), max_size=len(fact.levels)))
            )
            return Levels(fact.name, tuple(zip(fact.levels, points, strict=True)))
        fact = self.fact(draw, "checklist")
        budget = int(top * 100)
        items = []
        for item in fact.items:
            cents = draw(st.integers(0, budget))
            budget -= cents
            items.append((item, _D(cents) / 100))
        return Checklist(fact.name, tuple(items))

    def node(self, draw: st.DrawFn, code: str, depth: int) -> Criterion:
        if depth >= 2 and (depth >= 3 or draw(st.booleans())):
            top = draw(st.integers(25, 500).map(lambda c: _D(c) / 100))
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
    builder = _Builder()
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
    cuts = sorted({_D(0), *draw(st.lists(_points(top), max_size=3))}, reverse=True)
    bands = tuple(Band(f"Loại {i + 1}", cut) for i, cut in enumerate(cuts))
    rules = RuleSet(
        id="sinh_ngau_nhien",
        name="Bộ tiêu chí sinh ngẫu nhiên",
        year=2022,
        max=top,
        decimals=2,
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
    and rating bands. Each is validated by :func:`cchc_score.loads_rules`."""
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
    better = improvements(fact, values[fact.name], rules, _ceiling(rules, fact.name, values))
    return None if better is None else (fact.name, draw(better))


def improved_fact(rules: RuleSet, evidence: Evidence) -> st.SearchStrategy[tuple[str, Any] | None]:
    """One fact of ``evidence`` with a strictly better value for it, ``(name, value)``; or
    ``None`` when the drawn fact cannot improve (already at its best)."""
    return _improvement(rules, evidence)


@st.composite
def _plans(draw: st.DrawFn, rules: RuleSet, evidence: Evidence | None, max_tasks: int) -> Plan:
    values: Mapping[str, Any] = check_evidence(rules, evidence) if evidence is not None else {}
    appraised = dict(evidence.appraised) if evidence is not None else {}
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
            effect = SetFacts(appraised=((node.code, draw(st.decimals(low, node.max, places=2))),))
        elif kind == "facts" and rule_facts(node.rule):
            fact = rules.fact(rule_facts(node.rule)[0])
            ceiling = _ceiling(rules, fact.name, values) if values else None
            better = improvements(fact, values[fact.name], rules, ceiling) if values else None
            if better is not None:
                effect = SetFacts(facts=((fact.name, draw(better)),))
            elif not values and fact.better != "none":
                effect = SetFacts(facts=((fact.name, draw(fact_values(fact, rules, ceiling))),))
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


# --------------------------------------------------------------------------- invariants


def _describe(values: Mapping[str, Any]) -> str:
    def show(value: Any) -> str:
        return (
            "{" + ", ".join(sorted(map(repr, value))) + "}"
            if isinstance(value, frozenset)
            else repr(value)
            if isinstance(value, str)
            else str(value)
        )

    return ", ".join(f"{name}={show(value)}" for name, value in sorted(values.items()))


def check_card(rules: RuleSet, evidence: Evidence) -> None:
    """Check ``bounds`` and ``sums`` on one evidence.

    Raises:
        InvariantError: naming the node and its numbers.
    """
    card = evaluate(rules, evidence)
    for node in card.nodes:
        if not 0 <= node.points <= node.max:
            raise InvariantError(
                "bounds",
                f"criterion {node.code} scored {node.points} of "
                f"{node.max} with {_describe(dict(card.values))}",
            )
        if node.criterion.children:
            total = sum((card.node(c.code).points for c in node.criterion.children), _D(0))
            if node.points != min(total, node.max):
                raise InvariantError(
                    "sums",
                    f"criterion {node.code} scored {node.points}, its "
                    f"children add up to {total} (maximum {node.max})",
                )
    if card.total != min(sum((d.points for d in card.domains), _D(0)), rules.max):
        raise InvariantError("sums", f"the total {card.total} is not the sum of the domains")


def check_monotone(rules: RuleSet, evidence: Evidence, fact: str, value: Any) -> None:
    """Check that setting ``fact`` to the better ``value`` lowers no node.

    Raises:
        InvariantError: naming the criterion that fell, the fact and both values.
    """
    before = evaluate(rules, evidence)
    after = evaluate(rules, evidence.with_facts(**{fact: value}))
    old = dict(before.values)[fact]
    for a, b in zip(before.nodes, after.nodes, strict=True):
        if b.points < a.points and b.criterion.is_leaf:
            better = rules.fact(fact).better
            raise InvariantError(
                "monotone",
                f"criterion {a.code} ({a.kind} rule) fell from {a.points} to {b.points} points "
                f"when fact {fact!r} improved ({better} is better) from {old} to {value}; "
                f"the other facts: {_describe({k: v for k, v in before.values if k != fact})}",
            )


def check_order(rules: RuleSet, evidence: Evidence, order: list[int]) -> None:
    """Check that giving the facts in another order changes nothing."""
    shuffled = Evidence(
        evidence.unit,
        evidence.year,
        facts=[evidence.facts[i] for i in order],
        appraised=evidence.appraised,
    )
    if evaluate(rules, shuffled) != evaluate(rules, evidence):
        raise InvariantError("order", f"facts in the order {order} score differently")


def check_round_trip(rules: RuleSet) -> None:
    """Check that dumping and loading the rule set gives it back."""
    again = loads_rules(dump_rules(rules), file="<dumped>")
    if again != rules:
        raise InvariantError("round_trip", f"{rules.id} changed through dump_rules/loads_rules")


def check_plan(rules: RuleSet, evidence: Evidence, plan: Plan) -> None:
    """Check ``completion`` (for a plan whose effects improve on ``evidence``) and
    ``expectation`` (against brute-force enumeration)."""
    model = Engine(rules, evidence, plan.tasks, resolve_effects(rules, plan))
    for size in range(len(plan.tasks)):
        for done in itertools.combinations(plan.tasks, size):
            for task in plan.tasks:
                if task in done:
                    continue
                with_it, without = model.total([*done, task]), model.total(done)
                if with_it < without:
                    raise InvariantError(
                        "completion",
                        f"completing task {task.id} ({task.effect.kind} on "
                        f"{', '.join(task.criteria)}) after {[t.id for t in done]} lowered the "
                        f"total from {without} to {with_it}",
                    )
    expected = project(rules, evidence, plan).expected
    brute = brute_force_distribution(rules, evidence, plan).mean
    if abs(expected - brute) > 1e-9:
        raise InvariantError(
            "expectation",
            f"the distribution's mean {expected} differs from the enumerated expectation {brute}",
        )


def check_invariants(rules: RuleSet, *, max_examples: int = 100, plans: bool = True) -> None:
    """Check every invariant of :data:`INVARIANTS` on ``rules`` with hypothesis.

    Args:
        rules: the rule set to test, e.g. ``load_rules("my_province.toml")``.
        max_examples: how many evidences (and plans) hypothesis tries.
        plans: also check the projection invariants on random small plans.

    Raises:
        InvariantError: with the invariant, the criterion and the facts; hypothesis shrinks
            the example first and reports it.
    """
    check_round_trip(rules)

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        report_multiple_bugs=False,  # one error, the simplest, rather than a group
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow "explain"
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(evidence=evidence_for(rules), data=st.data())
    def run(evidence: Evidence, data: st.DataObject) -> None:
        check_card(rules, evidence)
        order = data.draw(st.permutations(range(len(evidence.facts))), label="order")
        check_order(rules, evidence, order)
        values = check_evidence(rules, evidence)
        for fact in rules.facts:  # every fact, each improved once
            better = improvements(
                fact, values[fact.name], rules, _ceiling(rules, fact.name, values)
            )
            if better is not None:
                check_monotone(rules, evidence, fact.name, data.draw(better, label=fact.name))
        if plans:
            check_plan(rules, evidence, data.draw(plans_for(rules, evidence, 4), label="plan"))

    run()
