"""Which tasks to do with limited staff time: the best plan for an effort budget, the whole
budget → best expected total frontier, and the cheapest plan that reaches a target.

Exact, not greedy: the tasks are split into the same independent groups as the projection
uses, each group offers every subset of its tasks as an option (priced by the engine's
exact fold, :mod:`cchc_score.engine`), and a multiple-choice knapsack over the groups picks
one option per group. Expected values are exact decimals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

import attrs

from . import arguments
from .display import Displayable
from .effects import resolve_effects, target_total
from .engine import Engine, convolve
from .errors import ArgumentError, ProblemList
from .evidence import check_arguments
from .next_year import frozen_leaves
from .plan import PLAN_EXPECTED, Plan, PlanError, Task

if TYPE_CHECKING:
    from .evidence import Evidence
    from .model import RuleSet

__all__ = ["BestPlan", "FrontierPoint", "TargetPlan", "best_plan"]

_MAX_GROUP = 12  # 2ⁿ options per group, each priced by an exact fold
#: The most effort steps (person-days, or their tenths or hundredths) the knapsack's table
#: holds: its time and memory grow with it.
MAX_STEPS = 20_000


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
    stopped at its limit, so a cheaper set may exist.
    """

    threshold: Decimal
    rating: str | None
    confidence: Decimal
    chosen: tuple[str, ...] | None
    effort: Decimal | None
    probability: float | None
    proven: bool


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
    """

    budget: Decimal
    baseline: Decimal
    chosen: tuple[str, ...]
    effort: Decimal
    expected: Decimal
    frontier: tuple[FrontierPoint, ...]
    target: TargetPlan | None = None


@attrs.frozen
class _Option:
    tasks: tuple[Task, ...]
    cost: int  # in effort units
    gain: Decimal  # expected change of the total


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
    frozen = frozen_leaves(rules, rules, tasks, as_of.year)  # they count in a later year
    engine = Engine(rules, evidence, tasks, effects, plan.source, frozen=frozen)
    groups = engine.groups(tasks)
    for group in groups:
        if len(group) > _MAX_GROUP:
            problems.add(
                "tasks",
                "E-PLAN-GROUP-TOO-LARGE",
                n=len(group),
                most=_MAX_GROUP,
                tasks=", ".join(t.id for t in group),
            )
    problems.raise_if_any(PlanError)
    scale = _scale([t.effort for t in tasks if t.effort is not None], plan.source)
    options = [_options(engine, group, scale) for group in groups]
    useful = [_pareto(group) for group in options]
    full = sum((int(t.effort * scale) for t in tasks if t.effort is not None), 0)
    # Nothing costs more than the whole plan: a larger budget buys the same, so the table
    # stops there however large the budget. The frontier goes on to the whole plan's effort
    # when that is small enough to price; past that, the table stops at the budget.
    affordable = min(full, int((days * scale).to_integral_value(rounding=ROUND_FLOOR)))
    capacity = full if full <= MAX_STEPS else affordable
    if capacity > MAX_STEPS:
        raise arguments.fail(
            PlanError,
            "budget",
            "E-PLAN-BUDGET-TOO-LARGE",
            budget,
            step=1 / Decimal(scale),
            steps=MAX_STEPS,
            days=MAX_STEPS / Decimal(scale),
        )
    choices = _knapsack(useful, capacity)
    base = engine.card.total
    picked = _choice(useful, choices, affordable)
    return BestPlan(
        budget=days,
        baseline=base,
        chosen=_ids(picked, tasks),
        effort=_effort(picked),
        expected=base + sum((o.gain for o in picked), Decimal(0)),
        frontier=_frontier(useful, choices, capacity, scale, base, tasks),
        target=_target(engine, options, goal, chance, scale, search_limit, tasks)
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
        problems.add("effort", "E-PLAN-EFFORT-PLACES")
        problems.raise_as(PlanError)
    return int(10**places)


def _options(engine: Engine, group: Sequence[Task], scale: int) -> list[_Option]:
    """Every subset of a group's tasks, priced: cost and exact expected gain."""
    group = sorted(group, key=lambda t: engine.order[t.id])  # the order the engine folds in
    options = []
    for mask, gain in enumerate(engine.subset_expectations(group)):
        tasks = tuple(t for i, t in enumerate(group) if mask >> i & 1)
        cost = sum((int(t.effort * scale) for t in tasks if t.effort is not None), 0)
        options.append(_Option(tasks, cost, gain))
    return options


def _pareto(options: Sequence[_Option]) -> list[_Option]:
    """The options worth considering for the expected total: each cheaper than any option
    with as much gain (ties go to fewer tasks)."""
    useful: list[_Option] = []
    for option in sorted(options, key=lambda o: (o.cost, -o.gain, len(o.tasks))):
        if not useful or option.gain > useful[-1].gain:
            useful.append(option)
    return useful


def _knapsack(options: Sequence[Sequence[_Option]], capacity: int) -> list[list[int]]:
    """Multiple-choice knapsack: ``choice[g][b]`` is the option of group ``g`` in the best
    choice for groups ``0..g`` within budget ``b``; ties go to the cheaper option."""
    best = [Decimal(0)] * (capacity + 1)
    choices: list[list[int]] = []
    for group in options:
        new = [Decimal(0)] * (capacity + 1)
        pick = [0] * (capacity + 1)
        for b in range(capacity + 1):
            top, which = Decimal(-1), 0
            for k, option in enumerate(group):
                if option.cost <= b:
                    value = best[b - option.cost] + option.gain
                    if value > top:
                        top, which = value, k
            new[b], pick[b] = top, which
        best = new
        choices.append(pick)
    return choices


def _choice(
    options: Sequence[Sequence[_Option]], choices: Sequence[Sequence[int]], budget: int
) -> list[_Option]:
    """The option picked in each group for the best choice within ``budget``."""
    picked: list[_Option] = []
    b = budget
    for g in range(len(options) - 1, -1, -1):
        option = options[g][choices[g][b]]
        picked.append(option)
        b -= option.cost
    return picked


def _effort(picked: Sequence[_Option]) -> Decimal:
    return sum((t.effort for o in picked for t in o.tasks if t.effort is not None), Decimal(0))


def _ids(picked: Sequence[_Option], tasks: Sequence[Task]) -> tuple[str, ...]:
    ids = {t.id for option in picked for t in option.tasks}
    return tuple(t.id for t in tasks if t.id in ids)


def _frontier(
    options: Sequence[Sequence[_Option]],
    choices: Sequence[Sequence[int]],
    full: int,
    scale: int,
    base: Decimal,
    tasks: Sequence[Task],
) -> tuple[FrontierPoint, ...]:
    """Every budget at which the best expected total rises, with its cheapest choice."""
    points: list[FrontierPoint] = []
    for b in range(full + 1):
        picked = _choice(options, choices, b)
        expected = base + sum((o.gain for o in picked), Decimal(0))
        if points and expected <= points[-1].expected:
            continue
        points.append(
            FrontierPoint(Decimal(b) / scale, expected, _ids(picked, tasks), _effort(picked))
        )
    return tuple(points)


@attrs.define
class _Search:
    """Branch and bound for the cheapest choice of options reaching ``need`` steps with
    probability ≥ ``q``. Options are tried cheapest first; a branch is cut when it already
    costs as much as the best found, or when even every remaining task attempted could not
    reach the target (this bound assumes tasks never lower the score)."""

    options: Sequence[Sequence[_Option]]
    dists: list[list[dict[int, float]]]
    tails: list[_Tail]
    need: int
    q: float
    limit: int
    visited: int = 0
    cost: int | None = None
    chosen: tuple[Task, ...] = ()
    probability: float = 0.0

    def run(self, g: int, dist: dict[int, float], cost: int, chosen: tuple[Task, ...]) -> bool:
        """Search from group ``g``; false when the search limit was reached."""
        self.visited += 1
        if self.visited > self.limit:
            return False
        if self.cost is not None and cost >= self.cost:
            return True
        chance = self.tails[g].chance(dist, self.need)
        if chance < self.q - 1e-12:
            return True
        if g == len(self.options):
            self.cost, self.chosen, self.probability = cost, chosen, chance
            return True
        ranked = sorted(zip(self.options[g], self.dists[g], strict=True), key=lambda p: p[0].cost)
        return all(
            self.run(g + 1, convolve(dist, odist), cost + option.cost, chosen + option.tasks)
            for option, odist in ranked
        )


def _target(
    engine: Engine,
    options: Sequence[Sequence[_Option]],
    goal: tuple[Decimal, str | None],
    confidence: Decimal,
    scale: int,
    limit: int,
    tasks: Sequence[Task],
) -> TargetPlan:
    """The cheapest choice whose total reaches the target with probability ≥ confidence."""
    threshold, rating = goal
    dists = [[engine.group_changes(o.tasks) for o in group] for group in options]
    # The best any choice from group g on can do: every task of those groups attempted.
    suffix: list[dict[int, float]] = [{0: 1.0}]
    for g in range(len(options) - 1, -1, -1):
        everything = max(range(len(options[g])), key=lambda k: len(options[g][k].tasks))
        suffix.append(convolve(suffix[-1], dists[g][everything]))
    suffix.reverse()
    search = _Search(
        options,
        dists,
        [_Tail(d) for d in suffix],
        need=_steps_at_least(threshold - engine.card.total, engine.places),
        q=float(confidence),
        limit=limit,
    )
    proven = search.run(0, {0: 1.0}, 0, ())
    if search.cost is None:
        return TargetPlan(threshold, rating, confidence, None, None, None, proven)
    return TargetPlan(
        threshold,
        rating,
        confidence,
        tuple(t.id for t in tasks if t in search.chosen),
        Decimal(search.cost) / scale,
        search.probability,
        proven,
    )


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
