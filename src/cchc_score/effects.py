"""A plan's tasks checked against the rules, and each task's effect resolved to the leaves
it can change and the typed values it sets. Pure: no files, no clock.

The engine (:mod:`cchc_score.engine`) rescores leaves from these effects; when two done
tasks set the same fact, :func:`best_value` says which value stands.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from . import arguments, syntax
from .errors import CchcScoreError, ProblemList
from .evidence import FactValue, typed_value
from .kinds import kind_of
from .model import Fact, RuleSet, rule_facts
from .numbers import NumberFormatError, parse_number
from .plan import PartialRestore, Plan, PlanError, Restore, SetFacts

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from .facts import RawValue
    from .plan import Task

__all__ = ["Effect", "best_value", "refuse_observed", "resolve_effects"]


@attrs.frozen
class Effect:
    """A task's effect, checked and resolved against the rules.

    Attributes:
        facts: the typed fact values the task sets, by name.
        appraised: the appraised points it sets, by criterion code.
        restore: the leaves it restores to their maximum.
        partial: ``(leaf, share)``: the share of the leaf's lost points it wins back.
        leaves: every leaf the effect can change (readers of its facts included).
        next_facts: fact values for facts only next year's rules declare (typed by them).
        next_appraised: appraised points for criteria only next year's rules score so.
        next_criteria: the leaves, in next year's rules, of criteria only they have.
    """

    facts: tuple[tuple[str, FactValue], ...]
    appraised: tuple[tuple[str, Decimal], ...]
    restore: frozenset[str]
    partial: tuple[tuple[str, Decimal], ...]
    leaves: frozenset[str]
    next_facts: tuple[tuple[str, FactValue], ...] = ()
    next_appraised: tuple[tuple[str, Decimal], ...] = ()
    next_criteria: frozenset[str] = frozenset()


def best_value(fact: Fact, a: FactValue, b: FactValue) -> FactValue:
    """The better of two values of a fact, by its declared direction: the items of both for
    a checklist, ``b`` (the later task's) when the fact declares no direction.

    >>> from cchc_score.model import Fact
    >>> best_value(Fact("late", "count", "số báo cáo chậm", better="lower"), 3, 1)
    1
    """
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return a | b
    if fact.better == "none":
        return b
    if fact.type == "level":
        rank = fact.levels.index
        better = rank(str(b)) > rank(str(a))
    else:
        better = b > a  # type: ignore[operator]  # both numbers or both booleans
    if fact.better == "lower":
        better = not better and b != a
    return b if better else a


def resolve_effects(
    rules: RuleSet, plan: Plan, rules_next: RuleSet | None = None
) -> dict[str, Effect]:
    """Check every task against the rules and resolve its effect to leaves and typed facts.

    With ``rules_next`` (next year's rules), a task may also name criteria, set facts and
    give appraised points that only those rules declare: each is checked against them and
    kept apart (``next_*``), for the next year's score only.

    Returns:
        Each task's :class:`Effect`, by task id.

    Raises:
        PlanError: with every problem found: unknown criteria or facts, values of the wrong
            type or range, appraised points outside [0, the maximum], a share or a
            probability outside [0, 1].
    """
    problems = ProblemList(plan.source)
    readers: dict[str, set[str]] = {}
    for node in rules.nodes():
        if node.is_leaf:
            for name in rule_facts(node.rule):
                readers.setdefault(name, set()).add(node.code)
    effects: dict[str, Effect] = {}
    for task in plan.tasks:
        where = f"task {syntax.quote(task.id)}"
        if not 0 <= task.probability <= 1:
            problems.add(f"{where}.probability", "E-PLAN-PROBABILITY", task.probability)
        served: set[str] = set()
        later: _Later = _Later(rules, rules_next, problems)
        for code in task.criteria:
            if not rules.has_node(code):
                if not later.criterion(code, f"{where}.criteria"):
                    problems.add(
                        f"{where}.criteria", "E-PLAN-CRITERION-UNKNOWN", code, rules=rules.id
                    )
                continue
            served |= {n.code for n in rules.node(code).walk() if n.is_leaf}
        effect = task.effect
        facts: dict[str, FactValue] = {}
        appraised: dict[str, Decimal] = {}
        if isinstance(effect, SetFacts):
            for name, raw in effect.facts:
                path = f"{where}.effect.facts.{syntax.key(name)}"
                if not rules.has_fact(name):
                    if not later.fact(name, raw, path):
                        problems.add(path, "E-PLAN-FACT-UNDECLARED", rules=repr(rules.id))
                    continue
                value = typed_value(rules.fact(name), raw, path, problems)
                if value is not None:
                    facts[name] = value
            for code, points in effect.appraised:
                path = f"{where}.effect.appraised.{syntax.key(code)}"
                target = rules.node(code) if rules.has_node(code) else None
                if target is None and later.appraised(code, points, path):
                    continue
                if target is None or not kind_of(target.rule).appraised:
                    problems.add(path, "E-PLAN-NOT-APPRAISED", code)
                elif not 0 <= points <= target.max:
                    # The same words as the evidence checker for the same value in a file.
                    problems.add(path, "E-APPRAISED-RANGE", points, max=target.max)
                else:
                    appraised[code] = points
        elif isinstance(effect, PartialRestore) and not 0 <= effect.share <= 1:
            problems.add(f"{where}.effect.share", "E-PLAN-SHARE", effect.share)
        changed = {c for name in facts for c in readers.get(name, ())} | set(appraised)
        effects[task.id] = Effect(
            facts=tuple(sorted(facts.items())),
            appraised=tuple(sorted(appraised.items())),
            restore=frozenset(served) if isinstance(effect, Restore) else frozenset(),
            partial=tuple((c, effect.share) for c in sorted(served))
            if isinstance(effect, PartialRestore)
            else (),
            leaves=frozenset(changed | (served if not isinstance(effect, SetFacts) else set())),
            next_facts=tuple(sorted(later.facts.items())),
            next_appraised=tuple(sorted(later.points.items())),
            next_criteria=frozenset(later.leaves),
        )
    problems.raise_if_any(PlanError)
    return effects


@attrs.define
class _Later:
    """What one task names that only next year's rules declare, checked against them.

    Each method says whether ``rules_next`` took the name (checked and kept, or a problem
    recorded in both rule sets' words); ``False`` leaves the caller to report it as before.
    """

    rules: RuleSet
    rules_next: RuleSet | None
    problems: ProblemList
    facts: dict[str, FactValue] = attrs.field(factory=dict)
    points: dict[str, Decimal] = attrs.field(factory=dict)
    leaves: set[str] = attrs.field(factory=set)

    def _both(self) -> dict[str, object]:
        assert self.rules_next is not None
        return {"rules": self.rules.id, "rules_next": self.rules_next.id}

    def criterion(self, code: str, path: str) -> bool:
        if self.rules_next is None:
            return False
        if not self.rules_next.has_node(code):
            self.problems.add(path, "E-PLAN-NEXT-CRITERION", code, **self._both())
            return True
        self.leaves |= {n.code for n in self.rules_next.node(code).walk() if n.is_leaf}
        return True

    def fact(self, name: str, raw: RawValue, path: str) -> bool:
        if self.rules_next is None:
            return False
        if not self.rules_next.has_fact(name):
            self.problems.add(path, "E-PLAN-NEXT-FACT", name, **self._both())
            return True
        value = typed_value(self.rules_next.fact(name), raw, path, self.problems)
        if value is not None:
            self.facts[name] = value
        return True

    def appraised(self, code: str, points: Decimal, path: str) -> bool:
        if self.rules_next is None:
            return False
        node = self.rules_next.node(code) if self.rules_next.has_node(code) else None
        if node is None or not kind_of(node.rule).appraised:
            self.problems.add(path, "E-PLAN-NEXT-APPRAISED", code, **self._both())
        elif not 0 <= points <= node.max:
            self.problems.add(path, "E-APPRAISED-RANGE", points, max=node.max)
        else:
            self.points[code] = points
        return True


def refuse_observed(
    rules: RuleSet,
    tasks: Iterable[Task],
    effects: Mapping[str, Effect],
    observed: Collection[str],
    given: Collection[str],
    source: str | None = None,
) -> None:
    """Refuse facts effects on criteria the evidence gives only appraised points for.

    Such a criterion (:func:`cchc_score.evidence.observed_codes`) has no facts to change:
    a restore or a partial restore acts on its points, a facts effect cannot. A task's facts
    effect is refused when it sets a fact such a criterion reads and either the task serves
    that criterion or the evidence does not give the fact (it would stand in for the
    criterion's missing facts). A fact the evidence gives, set by a task serving other
    criteria, rescores those; the observed criterion keeps its points.

    Args:
        given: the names of the facts the evidence gives.

    Raises:
        PlanError: naming each task, the fact it sets and the observed criterion reading it.
    """
    if not observed:
        return
    readers: dict[str, list[str]] = {}
    for node in rules.nodes():
        if node.code in observed:
            for name in rule_facts(node.rule):
                readers.setdefault(name, []).append(node.code)
    problems = ProblemList(source)
    for task in tasks:
        served = {
            leaf.code
            for code in task.criteria
            if rules.has_node(code)
            for leaf in rules.node(code).walk()
        }
        for name, _ in effects[task.id].facts:
            for code in readers.get(name, ()):
                if code in served or name not in given:
                    problems.add(
                        f"task {syntax.quote(task.id)}.effect.facts.{syntax.key(name)}",
                        "E-PLAN-FACTS-NO-EFFECT",
                        code=code,
                    )
    problems.raise_if_any(PlanError)


def target_total(
    rules: RuleSet, value: object, error: type[CchcScoreError]
) -> tuple[Decimal, str | None]:
    """A target as a total, and the rating band it names, if it names one: the name of one
    of the rules' bands (its minimum, as the command line reads ``--target Tốt``), or a
    total between 0 and the rules' maximum (``90``, ``90.5``, ``"90,5"``).

    Raises:
        error: neither a band's name nor a number, or a total outside [0, the maximum].
    """
    if isinstance(value, str):
        band = rules.band(value.strip())
        if band is not None:
            return band.min, band.name
        try:
            number = parse_number(value)
        except NumberFormatError:
            names = ", ".join(repr(b.name) for b in rules.bands)
            raise arguments.fail(
                error, "target", "E-TARGET-UNKNOWN", value, rules=rules.id, names=names
            ) from None
    else:
        number = arguments.as_number(value, "target", error, expected="E-TARGET-NOT-NUMBER")
    if not 0 <= number <= rules.max:
        raise arguments.fail(error, "target", "E-TARGET-RANGE", value, max=rules.max)
    return number, None
