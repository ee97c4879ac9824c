"""Next year's score when remediation tasks are done: what-if, exact distribution, timeline,
marginal gains. Pure: no files, no clock (the assessment date is an argument).

Tasks that touch disjoint leaves are independent. The tasks are grouped by the leaves (and
facts) they touch; the engine (:mod:`cchc_score.engine`) folds each group's tasks one at a
time into an exact distribution over a small state, and the groups' distributions are
convolved over steps of the rule set's ``decimals``. Nothing is sampled, and no subset of
tasks is enumerated (except by :func:`brute_force_distribution`, the reference for tests).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from . import arguments, syntax
from .carry import Carried
from .display import Displayable
from .effects import resolve_effects, target_total
from .engine import Engine, mean_change
from .errors import ArgumentError, ProblemList
from .evaluation import Scorecard
from .evidence import RULES_EXPECTED, check_arguments
from .model import Band, RuleSet
from .next_year import deferred_tasks, frozen_leaves, score_next_year
from .numbers import from_steps
from .plan import PLAN_EXPECTED, Plan, PlanError, Task

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

# --------------------------------------------------------------------------- results


@attrs.frozen
class Distribution:
    """The probability of each projected total.

    Attributes:
        totals: ``(total, probability)`` pairs, by increasing total; probabilities add up
            to 1 (up to floating-point rounding, about 1e-12).
        sampled: always false: the distribution is exact (kept for compatibility; it said
            when a large group of tasks was sampled).
        samples: always 0 (kept for compatibility).
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
class Projection(Displayable):
    """The projection of a plan: deterministic totals, distribution, timeline, gains.

    Attributes:
        baseline: the scorecard of the evidence as it is.
        all_done: the total if every counted task is done.
        chosen: the total if the chosen tasks (all counted ones by default) are done.
        chosen_ids: the ids of the chosen tasks.
        distribution: the exact distribution of the total when each counted task is done
            with its probability.
        ratings: ``(band, probability)`` for every rating band, highest first.
        target: the target total asked for, and ``target_probability`` the chance to reach it.
        timeline: the projected total at each period end of the plan year.
        tasks: each counted task's marginal gains.
        domains: per-domain points at baseline and with the chosen tasks done.
        counted: ids of the tasks counted; ``not_counted`` those due after ``as_of``.
        defaulted: ids of tasks whose effect was not stated and defaults to "restore".
        carry_over: what does not carry over to ``rules_next``, when it is given.
        next_total: the projected all-done evidence scored under ``rules_next``.
        carried: appraised points whose maximum changed in ``rules_next``, each carried by
            the criterion's ``carry`` policy (rescaled, kept or refused), every one listed.
        deferred: ``(task id, year, codes)`` for each task that would change criteria
            looking back (``looks_back``) at a year before it is done: for those criteria it
            counts in that later year's index, not in the totals here.
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
    carried: tuple[Carried, ...] = ()
    deferred: tuple[tuple[str, int, tuple[str, ...]], ...] = ()

    @property
    def expected(self) -> float:
        """The expected total: the distribution's mean."""
        return self.distribution.mean


# --------------------------------------------------------------------------- distribution


def _distribution(engine: Engine, tasks: Sequence[Task]) -> Distribution:
    """The exact distribution of the total: each group folded, the groups convolved."""
    base, decimals = engine.card.total, engine.places
    changes = engine.changes(tasks)
    return Distribution(
        tuple((base + from_steps(s, decimals), p) for s, p in sorted(changes.items()))
    )


def brute_force_distribution(rules: RuleSet, evidence: Evidence, plan: Plan) -> Distribution:
    """The distribution by enumerating all 2ⁿ outcomes of the plan's tasks.

    The reference that :func:`project` is tested against; exponential, for small plans.
    Only outcomes with a probability above 0 are listed.
    """
    year = plan.year if plan.year is not None else rules.year + 1
    effects = resolve_effects(rules, plan)
    frozen = frozen_leaves(rules, rules, plan.tasks, year, effects)
    engine = Engine(rules, evidence, plan.tasks, effects, plan.source, frozen=frozen)
    out: dict[Decimal, float] = {}
    for outcome in itertools.product((False, True), repeat=len(plan.tasks)):
        p = 1.0
        for is_done, task in zip(outcome, plan.tasks, strict=True):
            p *= float(task.probability) if is_done else 1.0 - float(task.probability)
        total = engine.total(t for t, d in zip(plan.tasks, outcome, strict=True) if d)
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
    target: Decimal | int | float | str | None = None,
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
        as_of: the assessment date (a ``date`` or ``"2023-12-31"``): tasks due after it are
            not counted. Default: the end of the plan year (``plan.year``, else the year
            after ``rules.year``).
        target: a total to reach (a ``Decimal``, ``int``, ``float`` or ``"90,5"``), or the
            name of a rating band (its minimum); the projection gives the probability of
            reaching it.
        period: ``"quarter"`` or ``"month"``: the timeline's steps.
        rules_next: next year's rules, if they differ: the all-done evidence is scored under
            them too, and what does not carry over is listed.
        max_enumerate, samples, seed: kept for compatibility and otherwise unused: the
            distribution is always exact now, never sampled. Each must be an integer ≥ 0.

    Raises:
        PlanError: the plan does not fit the rules (unknown criteria, facts, values), a
            chosen task id is unknown, the target is neither a total in [0, the maximum]
            nor a band's name, or ``max_enumerate``/``samples``/``seed`` is not an
            integer ≥ 0.
        EvidenceError: the evidence does not fit the rules.
        ArgumentError: an argument is of the wrong kind (rules that are not a ``RuleSet``,
            a plan that is not a ``Plan``, a period other than "quarter" or "month", …).

    >>> from cchc_score import load_evidence, load_plan, load_rules
    >>> p = project(load_rules("criteria_2022"),
    ...             load_evidence("examples/ward_2022/evidence.toml"),
    ...             load_plan("examples/ward_2022/plan.toml"))
    >>> p.all_done, round(p.expected, 4), p.distribution.sampled
    (Decimal('95.45'), 91.4025, False)
    """
    _check_unused(max_enumerate=max_enumerate, samples=samples, seed=seed)
    check_arguments(rules, evidence)
    arguments.instance(plan, Plan, "plan", PLAN_EXPECTED)
    if tasks is not None:
        tasks = arguments.strings(tasks, "tasks", ArgumentError)
    if as_of is not None:
        as_of = arguments.as_date(as_of, "as_of")
    goal = None if target is None else target_total(rules, target, PlanError)[0]
    if period not in ("quarter", "month"):
        raise arguments.fail(ArgumentError, "period", "E-ARGUMENT-PERIOD", period)
    if rules_next is not None:
        arguments.instance(rules_next, RuleSet, "rules_next", RULES_EXPECTED)
    effects = resolve_effects(rules, plan, rules_next)
    year = plan.year if plan.year is not None else rules.year + 1
    as_of = as_of or dt.date(year, 12, 31)
    counted = [t for t in plan.tasks if t.deadline.date is None or t.deadline.date <= as_of]
    counted_ids = {t.id for t in counted}
    # Criteria that look back at a year before the tasks: done now, they count later.
    frozen = frozen_leaves(rules, rules, counted, as_of.year, effects)
    engine = Engine(rules, evidence, counted, effects, plan.source, frozen=frozen)
    chosen = _chosen(plan, counted, tasks)
    distribution = _distribution(engine, counted)
    all_done = engine.total(counted)
    return Projection(
        baseline=engine.card,
        all_done=all_done,
        chosen=engine.total(chosen),
        chosen_ids=tuple(t.id for t in chosen),
        distribution=distribution,
        ratings=_ratings(rules, distribution),
        target=goal,
        target_probability=distribution.at_least(goal) if goal is not None else None,
        timeline=_timeline(engine, counted, year, as_of, period),
        tasks=_gains(engine, counted),
        domains=_domain_changes(engine, engine.leaf_scores(chosen)),
        as_of=as_of,
        counted=tuple(t.id for t in counted),
        not_counted=tuple(t.id for t in plan.tasks if t.id not in counted_ids),
        defaulted=tuple(t.id for t in counted if not t.effect_stated),
        deferred=deferred_tasks(rules, engine, frozen, as_of.year),
        **score_next_year(rules_next, engine, as_of.year) if rules_next is not None else {},
    )


def _check_unused(**arguments: object) -> None:
    problems = ProblemList(None)  # arguments, not the plan file
    for name, value in arguments.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.add(name, "E-ARGUMENT-UNUSED-INT", value)
    problems.raise_if_any(PlanError)


def _chosen(plan: Plan, counted: Sequence[Task], ids: Iterable[str] | None) -> list[Task]:
    if ids is None:
        return list(counted)
    wanted = list(ids)
    known = {t.id for t in plan.tasks}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        problems = ProblemList(plan.source)
        for task_id in unknown:
            problems.add("tasks", "E-PLAN-TASK-UNKNOWN", task_id, known=syntax.allowed(known))
        problems.raise_as(PlanError)
    chosen = set(wanted)
    return [t for t in counted if t.id in chosen]


def _gains(engine: Engine, counted: Sequence[Task]) -> tuple[TaskGain, ...]:
    """Each task's gain alone, and as the last one done: only its own group changes when
    it is left out, so the all-but-one totals rescore one group each."""
    last: dict[str, Decimal] = {}
    for group in engine.groups(counted):
        everything = engine.delta(group)
        for task in group:
            last[task.id] = everything - engine.delta([t for t in group if t is not task])
    return tuple(
        TaskGain(
            id=t.id,
            gain_alone=engine.delta([t]),
            gain_last=last[t.id],
            probability=t.probability,
            effort=t.effort,
        )
        for t in counted
    )


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
    engine: Engine, counted: Sequence[Task], year: int, as_of: dt.date, period: str
) -> tuple[TimelinePoint, ...]:
    """The total at each period end up to ``as_of``. Dated tasks count from their deadline;
    ongoing ("Thường xuyên") and undated tasks count only at the assessment date.

    The expected totals come from the same group folds as the distribution: each group
    restricted to the tasks due by then (the engine remembers every fold it made)."""
    if period not in ("quarter", "month"):
        raise ValueError(f"period must be 'quarter' or 'month', not {period!r}")
    dates = [d for d in _period_ends(year, period) if d < as_of] + [as_of]
    groups = engine.groups(counted)
    decimals = engine.places
    points = []
    for date in dates:
        due = [t for t in counted if (t.deadline.date or as_of) <= date]
        ids = {t.id for t in due}
        expected = float(engine.card.total)
        for group in groups:
            part = [t for t in group if t.id in ids]
            if part:
                expected += mean_change(engine.group_changes(part), decimals)
        points.append(TimelinePoint(date, engine.total(due), expected, tuple(t.id for t in due)))
    return tuple(points)


def _domain_changes(engine: Engine, scores: Mapping[str, Decimal]) -> tuple[DomainChange, ...]:
    changes = []
    for domain in engine.card.domains:
        leaves = {n.code for n in domain.criterion.walk() if n.is_leaf}
        delta = sum(
            (points - engine.base[code] for code, points in scores.items() if code in leaves),
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
