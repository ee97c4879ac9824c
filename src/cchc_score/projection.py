"""Next year's score when remediation tasks are done: what-if, exact distribution, timeline,
marginal gains. Pure: no files, no clock (the assessment date is an argument).

Tasks that touch disjoint leaves are independent. The tasks are grouped by the leaves (and
facts) they touch; each group's outcomes are enumerated exactly and the groups' score
distributions are convolved over hundredths of a point. Sampling is only a fallback for a
group too large to enumerate, seeded and reported as such.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from . import _toml
from .errors import ProblemList
from .evaluation import Scorecard, evaluate, leaf_points
from .evidence import FactValue, typed_value
from .model import Band, Fact, RuleSet, rule_facts
from .plan import PartialRestore, Plan, PlanError, Restore, SetFacts, Task

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from .evidence import Evidence

__all__ = [
    "Distribution",
    "DomainChange",
    "Projection",
    "TaskGain",
    "TimelinePoint",
    "brute_force_distribution",
    "project",
]

_CENT = Decimal("0.01")


# --------------------------------------------------------------------------- results


@attrs.frozen
class Distribution:
    """The probability of each projected total.

    Attributes:
        totals: ``(total, probability)`` pairs, by increasing total; probabilities add up
            to 1 (up to floating-point rounding, about 1e-12).
        sampled: whether some group of tasks was too large to enumerate and was sampled.
        samples: the number of samples drawn for such groups (0 when exact).
    """

    totals: tuple[tuple[Decimal, float], ...]
    sampled: bool = False
    samples: int = 0

    @property
    def mean(self) -> float:
        """The expected total."""
        return sum(float(t) * p for t, p in self.totals)

    @property
    def std(self) -> float:
        """The standard deviation of the total."""
        mean = self.mean
        return math.sqrt(max(sum(p * (float(t) - mean) ** 2 for t, p in self.totals), 0.0))

    def quantile(self, q: float) -> Decimal:
        """The smallest total whose cumulative probability reaches ``q`` (0 < q ≤ 1)."""
        running = 0.0
        for total, p in self.totals:
            running += p
            if running >= q - 1e-12:
                return total
        return self.totals[-1][0]

    def at_least(self, total: Decimal) -> float:
        """The probability that the projected total is at least ``total``."""
        return min(sum(p for t, p in self.totals if t >= total), 1.0)


@attrs.frozen
class TaskGain:
    """What one task adds: on its own, and as the last task done."""

    id: str
    gain_alone: Decimal
    gain_last: Decimal
    probability: Decimal
    effort: Decimal | None


@attrs.frozen
class TimelinePoint:
    """The projected total at a date, counting the tasks due by then."""

    date: dt.date
    total: Decimal
    expected: float
    tasks: tuple[str, ...]


@attrs.frozen
class DomainChange:
    """A domain's points at baseline and with the projected tasks done."""

    code: str
    name: str
    max: Decimal
    baseline: Decimal
    projected: Decimal


@attrs.frozen
class Projection:
    """The projection of a plan: deterministic totals, distribution, timeline, gains.

    Attributes:
        baseline: the scorecard of the evidence as it is.
        all_done: the total if every counted task is done.
        chosen: the total if the chosen tasks (all counted ones by default) are done.
        chosen_ids: the ids of the chosen tasks.
        distribution: the exact (or, for huge groups, sampled) distribution of the total
            when each counted task is done with its probability.
        ratings: ``(band, probability)`` for every rating band, highest first.
        target: the target total asked for, and ``target_probability`` the chance to reach it.
        timeline: the projected total at each period end of the plan year.
        tasks: each counted task's marginal gains.
        domains: per-domain points at baseline and with the chosen tasks done.
        counted: ids of the tasks counted; ``not_counted`` those due after ``as_of``.
        defaulted: ids of tasks whose effect was not stated and defaults to "restore".
        carry_over: what does not carry over to ``rules_next``, when it is given.
        next_total: the projected all-done evidence scored under ``rules_next``.
    """

    baseline: Scorecard
    all_done: Decimal
    chosen: Decimal
    chosen_ids: tuple[str, ...]
    distribution: Distribution
    ratings: tuple[tuple[Band, float], ...]
    timeline: tuple[TimelinePoint, ...]
    tasks: tuple[TaskGain, ...]
    domains: tuple[DomainChange, ...]
    as_of: dt.date
    counted: tuple[str, ...]
    not_counted: tuple[str, ...]
    defaulted: tuple[str, ...]
    target: Decimal | None = None
    target_probability: float | None = None
    carry_over: tuple[str, ...] = ()
    next_total: Decimal | None = None

    @property
    def expected(self) -> float:
        """The expected total: the distribution's mean."""
        return self.distribution.mean


# --------------------------------------------------------------------------- the model


@attrs.frozen
class _Effect:
    """A task's effect, checked and resolved against the rules."""

    facts: tuple[tuple[str, FactValue], ...]
    appraised: tuple[tuple[str, Decimal], ...]
    restore: frozenset[str]  # leaves restored to their maximum
    partial: tuple[tuple[str, Decimal], ...]  # leaf → share of its lost points won back
    leaves: frozenset[str]  # every leaf the effect can change


class _Model:
    """The baseline and every task's effect, prepared for fast rescoring of leaves."""

    def __init__(
        self,
        rules: RuleSet,
        evidence: Evidence,
        tasks: Sequence[Task],
        effects: Mapping[str, _Effect],
    ) -> None:
        self.rules = rules
        self.evidence = evidence
        self.card = evaluate(rules, evidence)
        self.values = dict(self.card.values)  # checked and typed by evaluate
        self.appraised = dict(evidence.appraised)
        self.base = {n.code: n.points for n in self.card.nodes if n.criterion.is_leaf}
        fixed = {n.code for n in self.card.nodes if n.status == "not_assessed"}
        self.tasks = tuple(tasks)
        self.effects = {
            t.id: attrs.evolve(e, leaves=e.leaves - fixed)
            for t, e in ((t, effects[t.id]) for t in tasks)
        }
        self.order = {t.id: i for i, t in enumerate(tasks)}
        self._deltas: dict[frozenset[str], Decimal] = {}

    def leaf_scores(self, done: Iterable[Task]) -> dict[str, Decimal]:
        """The points of every leaf the done tasks change (the others keep their baseline)."""
        done = sorted(done, key=lambda t: self.order[t.id])  # a fixed order for partials
        if not done:
            return {}
        leaves: set[str] = set()
        facts: dict[str, FactValue] = {}
        points: dict[str, Decimal] = {}
        for task in done:
            effect = self.effects[task.id]
            # Two done tasks setting one fact: the better value stands (the items of both,
            # for a checklist; the higher appraised points), so doing more never undoes.
            for name, value in effect.facts:
                facts[name] = (
                    _best(self.rules.fact(name), facts[name], value) if name in facts else value
                )
            for code, value in effect.appraised:
                points[code] = max(points.get(code, value), value)
            leaves |= effect.leaves
        values = {**self.values, **facts}
        appraised = {**self.appraised, **points}
        scores = {code: leaf_points(self.rules, code, values, appraised) for code in leaves}
        for task in done:
            effect = self.effects[task.id]
            for code in effect.restore & leaves:
                scores[code] = self.rules.node(code).max
            for code, share in effect.partial:
                if code in leaves:
                    top = self.rules.node(code).max
                    won = (scores[code] + share * (top - scores[code])).quantize(_CENT)
                    scores[code] = max(scores[code], won)
        return scores

    def delta(self, done: Iterable[Task]) -> Decimal:
        """How much the total moves when these tasks are done (remembered per set of tasks:
        the distribution, gains, timeline and best plan ask for the same sets again)."""
        done = list(done)
        key = frozenset(t.id for t in done)
        if key not in self._deltas:
            scores = self.leaf_scores(done)
            self._deltas[key] = sum(
                (points - self.base[code] for code, points in scores.items()), Decimal(0)
            )
        return self._deltas[key]

    def total(self, done: Iterable[Task]) -> Decimal:
        """The total when these tasks are done."""
        return self.card.total + self.delta(done)

    def groups(self, tasks: Sequence[Task]) -> list[list[Task]]:
        """The tasks in independent groups: two tasks share a group when they change a
        common leaf or set a common fact (directly or through other tasks)."""
        parent = list(range(len(tasks)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[str, int] = {}
        for i, task in enumerate(tasks):
            effect = self.effects[task.id]
            keys = [f"leaf:{c}" for c in effect.leaves]
            keys += [f"fact:{name}" for name, _ in effect.facts]
            keys += [f"leaf:{code}" for code, _ in effect.appraised]
            for key in keys:
                if key in owner:
                    parent[find(i)] = find(owner[key])
                else:
                    owner[key] = i
        grouped: dict[int, list[Task]] = {}
        for i, task in enumerate(tasks):
            grouped.setdefault(find(i), []).append(task)
        return list(grouped.values())


def _best(fact: Fact, a: FactValue, b: FactValue) -> FactValue:
    """The better of two values of a fact, by its declared direction (``b`` when neither
    direction is declared)."""
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


# --------------------------------------------------------------------------- checking


def _resolve_effects(rules: RuleSet, plan: Plan) -> dict[str, _Effect]:
    """Check every task against the rules and resolve its effect to leaves and typed facts.

    Raises:
        PlanError: with every problem found (unknown criteria, facts or values).
    """
    problems = ProblemList(plan.source)
    readers: dict[str, set[str]] = {}
    for node in rules.nodes():
        if node.is_leaf:
            for name in rule_facts(node.rule):
                readers.setdefault(name, set()).add(node.code)
    effects: dict[str, _Effect] = {}
    for task in plan.tasks:
        where = f"task {_toml.quote(task.id)}"
        served: set[str] = set()
        for code in task.criteria:
            if not rules.has_node(code):
                problems.add(f"{where}.criteria", f"no criterion has this code in {rules.id}", code)
                continue
            served |= {n.code for n in rules.node(code).walk() if n.is_leaf}
        effect = task.effect
        facts: dict[str, FactValue] = {}
        appraised: dict[str, Decimal] = {}
        if isinstance(effect, SetFacts):
            for name, raw in effect.facts:
                path = f"{where}.effect.facts.{_toml.key(name)}"
                if not rules.has_fact(name):
                    problems.add(path, f"not a fact declared by the rules {rules.id!r}")
                    continue
                value = typed_value(rules.fact(name), raw, path, problems)
                if value is not None:
                    facts[name] = value
            for code, points in effect.appraised:
                path = f"{where}.effect.appraised.{_toml.key(code)}"
                target = rules.node(code) if rules.has_node(code) else None
                if target is None or target.rule.kind != "appraised":
                    problems.add(path, "not a criterion scored by appraised points", code)
                elif points > target.max:
                    problems.add(path, f"must be between 0 and the maximum {target.max}", points)
                else:
                    appraised[code] = points
        changed = {c for name in facts for c in readers.get(name, ())} | set(appraised)
        effects[task.id] = _Effect(
            facts=tuple(sorted(facts.items())),
            appraised=tuple(sorted(appraised.items())),
            restore=frozenset(served) if isinstance(effect, Restore) else frozenset(),
            partial=tuple((c, effect.share) for c in sorted(served))
            if isinstance(effect, PartialRestore)
            else (),
            leaves=frozenset(changed | (served if not isinstance(effect, SetFacts) else set())),
        )
    problems.raise_if_any(PlanError)
    return effects


# --------------------------------------------------------------------------- distribution


def _outcomes(model: _Model, tasks: Sequence[Task]) -> dict[int, float]:
    """The exact distribution of the change the tasks make to the total, in hundredths of a
    point: every outcome enumerated, each task done with its probability."""
    out: dict[int, float] = {}
    for outcome in itertools.product((False, True), repeat=len(tasks)):
        p = 1.0
        for is_done, task in zip(outcome, tasks, strict=True):
            q = float(task.probability)
            p *= q if is_done else 1.0 - q
        if p == 0.0:
            continue
        cents = int(model.delta(t for t, d in zip(tasks, outcome, strict=True) if d) * 100)
        out[cents] = out.get(cents, 0.0) + p
    return out


def _group_distribution(
    model: _Model, group: Sequence[Task], max_enumerate: int, samples: int, rnd: random.Random
) -> tuple[dict[int, float], bool]:
    """One group's distribution: exact up to ``max_enumerate`` tasks, else sampled."""
    if len(group) <= max_enumerate:
        return _outcomes(model, group), False
    out: dict[int, float] = {}
    weight = 1.0 / samples
    for _ in range(samples):
        done = [t for t in group if rnd.random() < float(t.probability)]
        cents = int(model.delta(done) * 100)
        out[cents] = out.get(cents, 0.0) + weight
    return out, True


def _convolve(a: Mapping[int, float], b: Mapping[int, float]) -> dict[int, float]:
    out: dict[int, float] = {}
    for x, p in a.items():
        for y, q in b.items():
            out[x + y] = out.get(x + y, 0.0) + p * q
    return out


def _distribution(
    model: _Model, tasks: Sequence[Task], max_enumerate: int, samples: int, seed: int
) -> Distribution:
    rnd = random.Random(seed)
    total: dict[int, float] = {0: 1.0}
    sampled = False
    for group in model.groups(tasks):
        dist, was_sampled = _group_distribution(model, group, max_enumerate, samples, rnd)
        sampled = sampled or was_sampled
        total = _convolve(total, dist)
    base = model.card.total
    pairs = tuple((base + Decimal(c) / 100, p) for c, p in sorted(total.items()))
    return Distribution(pairs, sampled, samples if sampled else 0)


def brute_force_distribution(rules: RuleSet, evidence: Evidence, plan: Plan) -> Distribution:
    """The distribution by enumerating all 2ⁿ outcomes of the plan's tasks.

    The reference that :func:`project` is tested against; exponential, for small plans.
    """
    model = _Model(rules, evidence, plan.tasks, _resolve_effects(rules, plan))
    out: dict[Decimal, float] = {}
    for outcome in itertools.product((False, True), repeat=len(plan.tasks)):
        p = 1.0
        for is_done, task in zip(outcome, plan.tasks, strict=True):
            p *= float(task.probability) if is_done else 1.0 - float(task.probability)
        total = model.total(t for t, d in zip(plan.tasks, outcome, strict=True) if d)
        out[total] = out.get(total, 0.0) + p
    return Distribution(tuple(sorted((t, p) for t, p in out.items() if p > 0)))


# --------------------------------------------------------------------------- projecting


def project(
    rules: RuleSet,
    evidence: Evidence,
    plan: Plan,
    *,
    tasks: Iterable[str] | None = None,
    as_of: dt.date | None = None,
    target: Decimal | None = None,
    period: str = "quarter",
    rules_next: RuleSet | None = None,
    max_enumerate: int = 16,
    samples: int = 20_000,
    seed: int = 0,
) -> Projection:
    """Project the score when the plan's tasks are done.

    Args:
        rules: the rules the evidence is scored with.
        evidence: the unit's evidence as it is (the baseline).
        plan: the remediation plan.
        tasks: ids of the tasks for the deterministic "chosen" total (default: all counted).
        as_of: the assessment date: tasks due after it are not counted. Default: the end of
            the plan year (``plan.year``, else the year after ``rules.year``).
        target: a total to reach; the projection gives the probability of reaching it.
        period: ``"quarter"`` or ``"month"``: the timeline's steps.
        rules_next: next year's rules, if they differ: the all-done evidence is scored under
            them too, and what does not carry over is listed.
        max_enumerate: the largest group of interacting tasks enumerated exactly (2ⁿ
            outcomes); larger groups are sampled.
        samples: the number of samples for a group too large to enumerate.
        seed: the seed for that sampling.

    Raises:
        PlanError: the plan does not fit the rules (unknown criteria, facts, values) or a
            chosen task id is unknown.
        EvidenceError: the evidence does not fit the rules.
    """
    effects = _resolve_effects(rules, plan)
    year = plan.year if plan.year is not None else rules.year + 1
    as_of = as_of or dt.date(year, 12, 31)
    counted = [t for t in plan.tasks if t.deadline.date is None or t.deadline.date <= as_of]
    counted_ids = {t.id for t in counted}
    model = _Model(rules, evidence, counted, effects)
    chosen = _chosen(plan, counted, tasks)
    distribution = _distribution(model, counted, max_enumerate, samples, seed)
    all_done = model.total(counted)
    chosen_scores = model.leaf_scores(chosen)
    return Projection(
        baseline=model.card,
        all_done=all_done,
        chosen=model.total(chosen),
        chosen_ids=tuple(t.id for t in chosen),
        distribution=distribution,
        ratings=_ratings(rules, distribution),
        target=target,
        target_probability=distribution.at_least(target) if target is not None else None,
        timeline=_timeline(model, counted, year, as_of, period),
        tasks=tuple(
            TaskGain(
                id=t.id,
                gain_alone=model.delta([t]),
                gain_last=all_done - model.total([u for u in counted if u is not t]),
                probability=t.probability,
                effort=t.effort,
            )
            for t in counted
        ),
        domains=_domain_changes(model, chosen_scores),
        as_of=as_of,
        counted=tuple(t.id for t in counted),
        not_counted=tuple(t.id for t in plan.tasks if t.id not in counted_ids),
        defaulted=tuple(t.id for t in counted if not t.effect_stated),
        **_next_year(rules_next, model, counted) if rules_next is not None else {},
    )


def _chosen(plan: Plan, counted: Sequence[Task], ids: Iterable[str] | None) -> list[Task]:
    if ids is None:
        return list(counted)
    wanted = list(ids)
    known = {t.id for t in plan.tasks}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        problems = ProblemList(plan.source)
        for task_id in unknown:
            problems.add(
                "tasks", f"no task has this id; the plan has {_toml.allowed(known)}", task_id
            )
        problems.raise_as(PlanError)
    chosen = set(wanted)
    return [t for t in counted if t.id in chosen]


def _ratings(rules: RuleSet, distribution: Distribution) -> tuple[tuple[Band, float], ...]:
    chances = {band.name: 0.0 for band in rules.bands}
    for total, p in distribution.totals:
        band = rules.rating_for(total)
        if band is not None:
            chances[band.name] += p
    return tuple((band, chances[band.name]) for band in rules.bands)


def _period_ends(year: int, period: str) -> list[dt.date]:
    months = range(3, 13, 3) if period == "quarter" else range(1, 13)
    ends = []
    for month in months:
        after = dt.date(year + (month == 12), month % 12 + 1, 1)
        ends.append(after - dt.timedelta(days=1))
    return ends


def _timeline(
    model: _Model, counted: Sequence[Task], year: int, as_of: dt.date, period: str
) -> tuple[TimelinePoint, ...]:
    """The total at each period end up to ``as_of``. Dated tasks count from their deadline;
    ongoing ("Thường xuyên") and undated tasks count only at the assessment date."""
    if period not in ("quarter", "month"):
        raise ValueError(f"period must be 'quarter' or 'month', not {period!r}")
    dates = [d for d in _period_ends(year, period) if d < as_of] + [as_of]
    points = []
    for date in dates:
        due = [t for t in counted if (t.deadline.date or as_of) <= date]
        expected = float(model.card.total) + _expected_change(model, due)
        points.append(TimelinePoint(date, model.total(due), expected, tuple(t.id for t in due)))
    return tuple(points)


def _expected_change(model: _Model, tasks: Sequence[Task]) -> float:
    """The expected change of the total when each task is done with its probability."""
    mean = 0.0
    for group in model.groups(tasks):
        dist, _ = _group_distribution(model, group, len(group), 1, random.Random(0))
        mean += sum(cents / 100 * p for cents, p in dist.items())
    return mean


def _domain_changes(model: _Model, scores: Mapping[str, Decimal]) -> tuple[DomainChange, ...]:
    changes = []
    for domain in model.card.domains:
        leaves = {n.code for n in domain.criterion.walk() if n.is_leaf}
        delta = sum(
            (points - model.base[code] for code, points in scores.items() if code in leaves),
            Decimal(0),
        )
        changes.append(
            DomainChange(
                domain.code,
                domain.criterion.name,
                domain.max,
                domain.points,
                domain.points + delta,
            )
        )
    return tuple(changes)


def _next_year(rules_next: RuleSet, model: _Model, done: Sequence[Task]) -> dict[str, Any]:
    """Score the all-done evidence under next year's rules; list what does not carry over."""
    lost: list[str] = []
    facts: dict[str, Any] = dict(model.values)
    appraised = dict(model.appraised)
    for task in done:
        effect = model.effects[task.id]
        facts.update(effect.facts)
        appraised.update(effect.appraised)
    for name in sorted(facts):
        if not rules_next.has_fact(name):
            lost.append(f"fact {name}: not declared in {rules_next.id}")
            del facts[name]
    for code in sorted(appraised):
        if not rules_next.has_node(code) or rules_next.node(code).rule.kind != "appraised":
            lost.append(f"criterion {code}: not scored by appraised points in {rules_next.id}")
            del appraised[code]
    for task in done:
        lost += [
            f"criterion {code} (task {task.id}): not in {rules_next.id}"
            for code in task.criteria
            if not rules_next.has_node(code)
        ]
    evidence = attrs.evolve(
        model.evidence,
        facts=facts,
        appraised=appraised,
        notes=[(c, n) for c, n in model.evidence.notes if rules_next.has_node(c)],
        not_assessed=[(c, r) for c, r in model.evidence.not_assessed if rules_next.has_node(c)],
    )
    card = evaluate(rules_next, evidence)
    restored = {
        code
        for task in done
        for code in model.effects[task.id].restore
        if rules_next.has_node(code) and rules_next.node(code).is_leaf
    }
    gain = sum((rules_next.node(c).max - card.node(c).points for c in restored), Decimal(0))
    return {"carry_over": tuple(lost), "next_total": card.total + gain}
