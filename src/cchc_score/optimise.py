"""Which tasks to do with limited staff time: the best plan for an effort budget, the whole
budget → best expected total frontier, and the cheapest plan that reaches a target.

Exact, not greedy: the tasks are split into the same independent groups as the projection
uses, each group offers every subset of its tasks as an option (priced by the engine's
exact fold, :mod:`cchc_score.engine`), and a multiple-choice knapsack over the groups picks
one option per group. Expected values are exact decimals.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

import attrs

from . import arguments
from .effects import resolve_effects, target_total
from .engine import Engine, convolve
from .errors import ArgumentError, ProblemList
from .evidence import check_arguments
from .options import Option, TargetOption, Work, exact, expected_options, target_options
from .plan import PLAN_EXPECTED, Plan, PlanError, Task

if TYPE_CHECKING:
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
class TargetPlan:
    """The cheapest set of tasks that reaches ``threshold`` with probability ≥ ``confidence``.

    ``chosen`` is ``None`` when no set of tasks does; ``proven`` is false when the search
    stopped at its limit, so a cheaper set may exist. What it cost: ``options``, the
    partial options the groups' folds made; ``searched``, the candidate sets examined.
    """

    threshold: Decimal
    rating: str | None
    confidence: Decimal
    chosen: tuple[str, ...] | None
    effort: Decimal | None
    probability: float | None
    proven: bool
    options: int = 0
    searched: int = 0


@attrs.frozen
class BestPlan:
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
    """

    budget: Decimal
    baseline: Decimal
    chosen: tuple[str, ...]
    effort: Decimal
    expected: Decimal
    frontier: tuple[FrontierPoint, ...]
    target: TargetPlan | None = None


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
        The best plan. Its frontier runs up to the plan's whole effort when that is at most
        ``MAX_STEPS`` effort steps (person-days, or their tenths or hundredths where efforts
        have decimals), else up to the budget.

    Raises:
        PlanError: the budget is negative or not a number, the confidence is outside
            (0, 1], tasks have no effort (one problem lists them), the plan does not fit
            the rules, the target is neither a total in [0, the maximum] nor a band name,
            a group of interacting tasks is too large to price exactly, or the budget and
            the plan's effort both exceed ``MAX_STEPS`` steps.
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
        raise arguments.fail(PlanError, "budget", "must be ≥ 0 person-days", days)
    chance = _number("confidence", confidence)
    if not 0 < chance <= 1:
        raise arguments.fail(PlanError, "confidence", "must be > 0 and ≤ 1", chance)
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
            f"tasks without an effort: {', '.join(unpriced)}; give each an effort in person-days",
        )
    problems.raise_if_any(PlanError)
    if days is None:
        days = sum((t.effort for t in tasks if t.effort is not None), Decimal(0))
    engine = Engine(rules, evidence, tasks, effects, plan.source)
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
        target=_target(engine, groups, goal, chance, scale, search_limit, tasks, work, frontier)
        if goal is not None
        else None,
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
        problems.add("effort", "efforts take at most two decimal places")
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
    option of the group."""
    frontier = [_Point(0, Decimal(0), 0, 0)]
    stages: list[list[_Point]] = []
    for group in options:
        candidates = sorted(
            (
                (point.cost + option.cost, _X.minus(_X.add(point.gain, option.gain)), k, i)
                for i, point in enumerate(frontier)
                for k, option in enumerate(group)
            )
        )
        frontier = []
        for cost, gain, k, i in candidates:
            if not frontier or _X.minus(gain) > frontier[-1].gain:
                frontier.append(_Point(cost, _X.minus(gain), i, k))
        stages.append(frontier)
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


@attrs.define
class _Search:
    """Branch and bound for the cheapest choice of options reaching ``need`` steps with
    probability ≥ ``q``. Options are tried cheapest first; a branch is cut when it already
    costs as much as the best found (an option dearer than what is left is not tried), or
    when even the best of every remaining group (the upper envelope of its options'
    chances, whichever option gives it) could not reach the target: exact, whether or not
    tasks can lower the score. Outcomes that no remaining choice can move across the
    target are lumped together, so the distributions carried stay small."""

    options: Sequence[Sequence[TargetOption]]
    tails: list[_Tail]
    need: int
    q: float
    limit: int
    visited: int = 0
    cost: int | None = None
    chosen: tuple[Task, ...] = ()
    probability: float = 0.0
    low: list[int] = attrs.Factory(list)  # the least the groups from g on can add
    high: list[int] = attrs.Factory(list)  # the most
    reach: list[tuple[list[int], list[int]]] = attrs.Factory(list)  # the most, by budget

    def __attrs_post_init__(self) -> None:
        self.low, self.high = [0], [0]
        for group in reversed(self.options):
            self.low.append(self.low[-1] + min(min(o.changes) for o in group))
            self.high.append(self.high[-1] + max(max(o.changes) for o in group))
        self.low.reverse()
        self.high.reverse()
        # The most the groups from g on can add for a budget: a knapsack on each option's
        # best outcome (costs, and the most for each, rising), from the last group back.
        costs, most = [0], [0]
        self.reach = [(costs, most)]
        for group in reversed(self.options):
            pairs = sorted(
                (c + o.cost, -(m + max(o.changes)))
                for c, m in zip(costs, most, strict=True)
                for o in group
            )
            costs, most = [], []
            for c, m in pairs:
                if not most or -m > most[-1]:
                    costs.append(c)
                    most.append(-m)
            self.reach.append((costs, most))
        self.reach.reverse()

    def run(self, g: int, dist: dict[int, float], cost: int, chosen: tuple[Task, ...]) -> bool:
        """Search from group ``g``; false when the search limit was reached."""
        self.visited += 1
        if self.visited > self.limit:
            return False
        if self.cost is not None and cost >= self.cost:
            return True
        if self.cost is not None and g < len(self.options):
            # Within the budget left, the groups from g on add at most ``most``.
            costs, most = self.reach[g]
            at = bisect.bisect_left(costs, self.cost - cost) - 1
            if at < 0 or sum(p for k, p in dist.items() if k + most[at] >= self.need) < (
                self.q - 1e-12
            ):
                return True
        chance = self.tails[g].chance(dist, self.need)
        if chance < self.q - 1e-12:
            return True
        if g == len(self.options):
            self.cost, self.chosen, self.probability = cost, chosen, chance
            return True
        dist = self._lumped(dist, g)
        for option in self.options[g]:
            if self.cost is not None and cost + option.cost >= self.cost:
                break  # cheapest first: every later option costs as much or more
            if not self.run(
                g + 1, convolve(dist, option.changes), cost + option.cost, chosen + option.tasks
            ):
                return False
        return True

    def _lumped(self, dist: dict[int, float], g: int) -> dict[int, float]:
        """Outcomes sure to reach the target whatever groups ``g``… add, and those sure not
        to, each lumped into one."""
        sure, never = self.need - self.low[g], self.need - self.high[g] - 1
        out: dict[int, float] = {}
        for k, p in dist.items():
            k = sure if k >= sure else never if k <= never else k
            out[k] = out.get(k, 0.0) + p
        return out


def _target(
    engine: Engine,
    groups: Sequence[Sequence[Task]],
    goal: tuple[Decimal, str | None],
    confidence: Decimal,
    scale: int,
    limit: int,
    tasks: Sequence[Task],
    work: Work,
    frontier: Sequence[FrontierPoint],
) -> TargetPlan:
    """The cheapest choice whose total reaches the target with probability ≥ confidence."""
    threshold, rating = goal
    options = [target_options(engine, group, scale, work) for group in groups]
    options = [group for group in options if len(group) > 1]  # one option: nothing to decide
    envelopes = [_envelope(group) for group in options]
    # The most chance to reach anything: the groups with a large envelope decided first.
    order = sorted(range(len(options)), key=lambda g: -_spread(envelopes[g]))
    options = [options[g] for g in order]
    fixed: dict[int, float] = {0: 1.0}
    suffix: list[dict[int, float]] = [fixed]
    for g in range(len(options) - 1, -1, -1):
        suffix.append(convolve(suffix[-1], envelopes[order[g]]))
    suffix.reverse()
    search = _Search(
        options,
        [_Tail(d) for d in suffix],
        need=_steps_at_least(threshold - engine.card.total, engine.places),
        q=float(confidence),
        limit=limit,
    )
    # A first answer to beat: the cheapest point of the expected total's frontier found
    # (by bisection) to reach the target, so that dearer branches are cut from the start.
    _seed(search, engine, frontier, scale, tasks)
    proven = search.run(0, {0: 1.0}, 0, ())
    work.searched = search.visited
    if search.cost is None:
        return TargetPlan(
            threshold, rating, confidence, None, None, None, proven, work.options, search.visited
        )
    return TargetPlan(
        threshold,
        rating,
        confidence,
        tuple(t.id for t in tasks if t in search.chosen),
        Decimal(search.cost) / scale,
        search.probability,
        proven,
        work.options,
        search.visited,
    )


def _seed(
    search: _Search,
    engine: Engine,
    frontier: Sequence[FrontierPoint],
    scale: int,
    tasks: Sequence[Task],
) -> None:
    def chance(point: FrontierPoint) -> float:
        chosen = [t for t in tasks if t.id in point.chosen]
        dist = engine.changes(chosen)
        return sum(p for k, p in dist.items() if k >= search.need)

    low, high = 0, len(frontier) - 1
    if not frontier or chance(frontier[high]) < search.q - 1e-12:
        return
    while low < high:
        mid = (low + high) // 2
        if chance(frontier[mid]) >= search.q - 1e-12:
            high = mid
        else:
            low = mid + 1
    point = frontier[high]
    search.cost = int(point.effort * scale)
    search.chosen = tuple(t for t in tasks if t.id in point.chosen)
    search.probability = chance(point)


def _envelope(options: Sequence[TargetOption]) -> dict[int, float]:
    """The distribution whose chance of at least k is the best of the options', for every
    k: no option of the group does better anywhere."""
    steps = sorted({k for option in options for k in option.changes}, reverse=True)
    tails = [_Tail(option.changes) for option in options]
    out: dict[int, float] = {}
    above = 0.0
    for k in steps:
        best = max(tail.at_least(k) for tail in tails)
        if best > above:
            out[k] = best - above
            above = best
    return out


def _spread(dist: dict[int, float]) -> int:
    return max(dist) - min(dist)


def _steps_at_least(value: Decimal, places: int) -> int:
    """The fewest whole steps of ``places`` decimals that reach ``value``: a target need not
    be a multiple of the step (90,005 at 2 decimals needs 90,01), and must never be
    truncated to one below it."""
    return int(value.scaleb(places).to_integral_value(rounding=ROUND_CEILING))


class _Tail:
    """P(X ≥ k) for a distribution over whole steps, looked up in constant time."""

    def __init__(self, dist: dict[int, float]) -> None:
        self.low, self.high = min(dist), max(dist)
        running = 0.0
        self.table = [0.0] * (self.high - self.low + 2)
        for k in range(self.high, self.low - 1, -1):
            running += dist.get(k, 0.0)
            self.table[k - self.low] = running

    def at_least(self, k: int) -> float:
        if k <= self.low:
            return 1.0
        return 0.0 if k > self.high else self.table[k - self.low]

    def chance(self, dist: dict[int, float], need: int) -> float:
        """P(X + Y ≥ need) for Y drawn from ``dist``, independent of X."""
        return sum(p * self.at_least(need - y) for y, p in dist.items())
