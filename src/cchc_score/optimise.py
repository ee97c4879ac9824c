"""Which tasks to do with limited staff time: the best plan for an effort budget, the whole
budget → best expected total frontier, and the cheapest plan that reaches a target.

Exact, not greedy: the tasks are split into the same independent groups as the projection
uses, each group offers its Pareto options (effort, exact expected gain), found by a fold
over its tasks (:mod:`cchc_score.options`), and a multiple-choice knapsack over the groups
picks one option per group. Expected values are exact decimals.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

import attrs

from . import arguments
from .display import Displayable
from .effects import resolve_effects, target_total
from .engine import Engine
from .errors import ArgumentError, ProblemList
from .evidence import check_arguments
from .next_year import deferred_tasks, frozen_leaves
from .numbers import exact
from .options import Option, Work, expected_options
from .plan import PLAN_EXPECTED, Plan, PlanError, Task
from .target import TargetPlan, cheapest_plan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .evidence import Evidence
    from .model import RuleSet

__all__ = ["BestPlan", "FrontierPoint", "TargetPlan", "best_plan"]

_X = exact()  # sums of expected gains: every digit kept


@attrs.frozen
class FrontierPoint:
    """The best expected total reachable with at most ``budget`` person-days."""

    budget: Decimal
    expected: Decimal
    chosen: tuple[str, ...]
    effort: Decimal


@attrs.frozen
class BestPlan(Displayable):
    """The best tasks for a budget, and the whole frontier.

    Attributes:
        budget: the effort budget, in person-days.
        baseline: the total with no task done.
        chosen: the ids of the tasks to do, in plan order.
        effort: their total effort.
        expected: the expected total when they are attempted.
        frontier: for every budget at which the best expected total rises, that total and
            the cheapest tasks that reach it.
        target: the cheapest plan that reaches a target, when one was asked for.
        deferred: ``(task id, year, codes)`` for each task that would change criteria
            looking back (``looks_back``) at a year before it is done: it counts in that
            later year's index, so it gains nothing here (as in :class:`Projection`).
    """

    budget: Decimal
    baseline: Decimal
    chosen: tuple[str, ...]
    effort: Decimal
    expected: Decimal
    frontier: tuple[FrontierPoint, ...]
    target: TargetPlan | None = None
    deferred: tuple[tuple[str, int, tuple[str, ...]], ...] = ()


def best_plan(
    rules: RuleSet,
    evidence: Evidence,
    plan: Plan,
    budget: Decimal | int | float | str | None = None,
    *,
    as_of: dt.date | str | None = None,
    target: Decimal | int | float | str | None = None,
    confidence: Decimal | int | float | str = Decimal("0.8"),
    search_limit: int = 200_000,
) -> BestPlan:
    """The set of tasks that maximises the expected total within an effort budget.

    Args:
        rules, evidence, plan: as for :func:`cchc_score.project`.
        budget: person-days available, ≥ 0: a ``Decimal``, an ``int``, a ``float`` (read
            as written: ``40.5`` is 40,5) or a string with a decimal comma or point.
            A budget above the plan's total effort buys the whole plan; ``None`` (the
            default, e.g. with a ``target`` only) is the whole plan's effort, so the result
            is the best use of every task and the cheapest set reaching the target.
        as_of: the assessment date (a ``date`` or ``"2023-12-31"``): tasks due after it
            are left out.
        target: a total (the same forms as ``budget``), or the name of a rating band (its
            minimum), to reach.
        confidence: the probability, in (0, 1], with which the target must be reached
            (the same forms as ``budget``, or ``"80%"``).
        search_limit: the most candidate sets the target search examines (≥ 1).

    Returns:
        The best plan. Its frontier runs up to the plan's whole effort.

    Raises:
        PlanError: the budget is negative or not a number, the confidence is outside
            (0, 1], tasks have no effort (one problem lists them), the plan does not fit
            the rules, the target is neither a total in [0, the maximum] nor a band name,
            or a group of interacting tasks makes more partial options than
            :data:`cchc_score.options.WORK_LIMIT`.
        ArgumentError: rules, evidence or plan of the wrong type, an ``as_of`` that is not
            a date, a ``search_limit`` that is not an integer ≥ 1.

    >>> from cchc_score import load_evidence, load_plan, load_rules
    >>> best = best_plan(load_rules("criteria_2022"),
    ...                  load_evidence("examples/ward_2022/evidence.toml"),
    ...                  load_plan("examples/ward_2022/plan.toml"), 40)
    >>> len(best.chosen), best.effort, best.expected
    (9, Decimal('40'), Decimal('88.5275'))
    """
    check_arguments(rules, evidence)
    arguments.instance(plan, Plan, "plan", PLAN_EXPECTED)
    if as_of is not None:
        as_of = arguments.as_date(as_of, "as_of")
    arguments.whole(search_limit, "search_limit", ArgumentError, low=1)
    days = None if budget is None else _number("budget", budget)
    if days is not None and days < 0:
        raise arguments.fail(PlanError, "budget", "E-PLAN-DAYS-NEGATIVE", days)
    chance = _number("confidence", confidence)
    if not 0 < chance <= 1:
        raise arguments.fail(PlanError, "confidence", "E-PLAN-CONFIDENCE", chance)
    goal = None if target is None else target_total(rules, target, PlanError)
    problems = ProblemList(plan.source)
    effects = resolve_effects(rules, plan)
    year = plan.year if plan.year is not None else rules.year + 1
    as_of = as_of or dt.date(year, 12, 31)
    tasks = [t for t in plan.tasks if t.deadline.date is None or t.deadline.date <= as_of]
    unpriced = [t.id for t in tasks if t.effort is None]
    if unpriced:  # one problem for them all: an imported plan has no efforts at all
        problems.add(
            "",
            "E-PLAN-NO-EFFORT",
            tasks=", ".join(unpriced),
        )
    problems.raise_if_any(PlanError)
    if days is None:
        days = sum((t.effort for t in tasks if t.effort is not None), Decimal(0))
    frozen = frozen_leaves(rules, rules, tasks, as_of.year, effects)  # counted in a later year
    engine = Engine(rules, evidence, tasks, effects, plan.source, frozen=frozen)
    groups = engine.groups(tasks)
    scale = _scale([t.effort for t in tasks if t.effort is not None], plan.source)
    work = Work()
    useful = [expected_options(engine, group, scale, work) for group in groups]
    affordable = int((days * scale).to_integral_value(rounding=ROUND_FLOOR))
    stages = _knapsack(useful)
    base = engine.card.total
    final = stages[-1] if stages else [_Point(0, Decimal(0), 0, 0)]
    best = max(
        (i for i, p in enumerate(final) if p.cost <= affordable), key=lambda i: final[i].gain
    )
    picked = _choice(useful, stages, best)
    frontier = _frontier(useful, stages, scale, base, tasks)
    return BestPlan(
        budget=days,
        baseline=base,
        chosen=_ids(picked, tasks),
        effort=_effort(picked),
        expected=_X.add(base, final[best].gain),
        frontier=frontier,
        target=cheapest_plan(
            engine,
            groups,
            goal,
            chance,
            scale,
            search_limit,
            tasks,
            Work(),  # its own count: what the target's folds and search cost
            [(f.effort, f.chosen) for f in frontier],
        )
        if goal is not None
        else None,
        deferred=deferred_tasks(rules, engine, frozen, as_of.year),
    )


def _number(name: str, value: object) -> Decimal:
    """An argument as an exact decimal (floats as written, strings with a decimal comma or
    point, a percentage); :class:`PlanError` naming it otherwise."""
    return arguments.as_number(value, name, PlanError, percent=True)


def _scale(efforts: Sequence[Decimal], source: str | None) -> int:
    """Effort units: 1 person-day, or a tenth or hundredth where efforts need it."""
    places = max((max(-int(e.normalize().as_tuple().exponent), 0) for e in efforts), default=0)
    if places > 2:
        problems = ProblemList(source)
        problems.add("effort", "E-PLAN-EFFORT-PLACES")
        problems.raise_as(PlanError)
    return int(10**places)


@attrs.frozen
class _Point:
    """A point of the frontier after some groups: the cheapest cost of an expected gain,
    and how it was reached (the point before, the option of this group)."""

    cost: int
    gain: Decimal
    back: int
    pick: int


def _knapsack(options: Sequence[Sequence[Option]]) -> list[list[_Point]]:
    """Multiple-choice knapsack over the groups' Pareto options, kept sparse: after each
    group, the points (cost, best expected gain) where the gain rises, so its size is the
    number of distinct such points, whatever the effort unit; ties go to the cheaper
    option of the group, then to the earlier point.

    The gains are added as whole multiples of their finest digit (exact), and each
    candidate is ranked by one integer, cost × ``wide`` − gain, ``wide`` above every gain
    span: by cost, then by gain, highest first."""
    places = max((-int(o.gain.as_tuple().exponent) for group in options for o in group), default=0)
    scaled = [[int(o.gain.scaleb(places, _X)) for o in group] for group in options]
    wide = 2 * sum(max(abs(g) for g in group) for group in scaled) + 1
    gains = [0]
    points = [_Point(0, Decimal(0), 0, 0)]
    stages: list[list[_Point]] = []
    for group, ups in zip(options, scaled, strict=True):
        keys = [p.cost * wide - g for p, g in zip(points, gains, strict=True)]
        ranked = []  # option k's candidates, then the next option's: ties keep (k, i) order
        for option, up in zip(group, ups, strict=True):
            shift = option.cost * wide - up
            ranked.extend([key + shift for key in keys])
        n = len(keys)
        risen: list[int] = []
        stage: list[_Point] = []
        for at in sorted(range(len(ranked)), key=ranked.__getitem__):
            k, i = divmod(at, n)
            gain = gains[i] + ups[k]
            if not risen or gain > risen[-1]:
                risen.append(gain)
                option, point = group[k], points[i]
                # The same exact sum as the gains': every digit kept, as written.
                gained = _X.add(point.gain, option.gain)
                stage.append(_Point(point.cost + option.cost, gained, i, k))
        gains, points = risen, stage
        stages.append(stage)
    return stages


def _choice(
    options: Sequence[Sequence[Option]], stages: Sequence[Sequence[_Point]], at: int
) -> list[Option]:
    """The option picked in each group for the frontier's point ``at``."""
    picked: list[Option] = []
    for g in range(len(options) - 1, -1, -1):
        point = stages[g][at]
        picked.append(options[g][point.pick])
        at = point.back
    return picked


def _effort(picked: Sequence[Option]) -> Decimal:
    return sum((t.effort for o in picked for t in o.tasks if t.effort is not None), Decimal(0))


def _ids(picked: Sequence[Option], tasks: Sequence[Task]) -> tuple[str, ...]:
    ids = {t.id for option in picked for t in option.tasks}
    return tuple(t.id for t in tasks if t.id in ids)


def _frontier(
    options: Sequence[Sequence[Option]],
    stages: Sequence[Sequence[_Point]],
    scale: int,
    base: Decimal,
    tasks: Sequence[Task],
) -> tuple[FrontierPoint, ...]:
    """Every budget at which the best expected total rises, with its cheapest choice."""
    final = stages[-1] if stages else [_Point(0, Decimal(0), 0, 0)]
    points = []
    for at, point in enumerate(final):
        picked = _choice(options, stages, at)
        points.append(
            FrontierPoint(
                Decimal(point.cost) / scale,
                _X.add(base, point.gain),
                _ids(picked, tasks),
                _effort(picked),
            )
        )
    return tuple(points)
