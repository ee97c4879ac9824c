"""Which tasks to do with limited staff time: the best plan for an effort budget, the whole
budget → best expected total frontier, and the cheapest plan that reaches a target.

Exact, not greedy: the tasks are split into the same independent groups as the projection
uses, each group offers every subset of its tasks as an option, and a multiple-choice
knapsack over the groups picks one option per group. Expected values are exact decimals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from . import _toml
from .errors import ProblemList
from .plan import Plan, PlanError, Task
from .projection import _convolve, _Model, _outcomes, _resolve_effects

if TYPE_CHECKING:
    from .evidence import Evidence
    from .model import RuleSet

__all__ = ["BestPlan", "FrontierPoint", "TargetPlan", "best_plan"]

_MAX_GROUP = 12  # 3ⁿ work per group to price every subset exactly


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


@attrs.frozen
class _Option:
    tasks: tuple[Task, ...]
    cost: int  # in effort units
    gain: Decimal  # expected change of the total


def best_plan(
    rules: RuleSet,
    evidence: Evidence,
    plan: Plan,
    budget: Decimal,
    *,
    as_of: dt.date | None = None,
    target: Decimal | str | None = None,
    confidence: Decimal = Decimal("0.8"),
    search_limit: int = 200_000,
) -> BestPlan:
    """The set of tasks that maximises the expected total within an effort budget.

    Args:
        rules, evidence, plan: as for :func:`cchc_score.project`.
        budget: person-days available.
        as_of: the assessment date: tasks due after it are left out.
        target: a total, or the name of a rating band (its minimum), to reach.
        confidence: the probability with which the target must be reached.
        search_limit: the most candidate sets the target search examines.

    Raises:
        PlanError: a task has no effort, the plan does not fit the rules, the target is
            not a band name, or a group of interacting tasks is too large to price exactly.
    """
    effects = _resolve_effects(rules, plan)
    year = plan.year if plan.year is not None else rules.year + 1
    as_of = as_of or dt.date(year, 12, 31)
    tasks = [t for t in plan.tasks if t.deadline.date is None or t.deadline.date <= as_of]
    problems = ProblemList(plan.source)
    for task in tasks:
        if task.effort is None:
            problems.add(f"task {_toml.quote(task.id)}.effort", "needed to plan within a budget")
    problems.raise_if_any(PlanError)
    model = _Model(rules, evidence, tasks, effects)
    groups = model.groups(tasks)
    for group in groups:
        if len(group) > _MAX_GROUP:
            problems.add(
                "tasks",
                f"{len(group)} tasks interact (share criteria or facts); at "
                f"most {_MAX_GROUP} can be planned exactly: " + ", ".join(t.id for t in group),
            )
    problems.raise_if_any(PlanError)
    scale = _scale([t.effort for t in tasks if t.effort is not None] + [budget], plan.source)
    options = [_options(model, group, scale) for group in groups]
    useful = [_pareto(group) for group in options]
    full = sum((int(t.effort * scale) for t in tasks if t.effort is not None), 0)
    capacity = max(full, int(budget * scale))
    choices = _knapsack(useful, capacity)
    base = model.card.total
    picked = _choice(useful, choices, int(budget * scale))
    return BestPlan(
        budget=budget,
        baseline=base,
        chosen=_ids(picked, tasks),
        effort=_effort(picked),
        expected=base + sum((o.gain for o in picked), Decimal(0)),
        frontier=_frontier(useful, choices, full, scale, base, tasks),
        target=_target(rules, model, options, target, confidence, scale, search_limit, tasks)
        if target is not None
        else None,
    )


def _scale(efforts: Sequence[Decimal], source: str | None) -> int:
    """Effort units: 1 person-day, or a tenth or hundredth where efforts need it."""
    places = max((max(-int(e.normalize().as_tuple().exponent), 0) for e in efforts), default=0)
    if places > 2:
        problems = ProblemList(source)
        problems.add("effort", "efforts and the budget take at most two decimal places")
        problems.raise_as(PlanError)
    return int(10**places)


def _options(model: _Model, group: Sequence[Task], scale: int) -> list[_Option]:
    """Every subset of a group's tasks, priced: cost and exact expected gain."""
    deltas = {}
    for mask in range(1 << len(group)):
        done = [t for i, t in enumerate(group) if mask >> i & 1]
        deltas[mask] = model.delta(done)
    options = []
    for mask in range(1 << len(group)):
        members = [i for i in range(len(group)) if mask >> i & 1]
        gain = Decimal(0)
        for sub in _submasks(mask):
            p = Decimal(1)
            for i in members:
                q = group[i].probability
                p *= q if sub >> i & 1 else 1 - q
            gain += p * deltas[sub]
        tasks = tuple(group[i] for i in members)
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


def _submasks(mask: int) -> list[int]:
    out, sub = [], mask
    while True:
        out.append(sub)
        if sub == 0:
            return out
        sub = (sub - 1) & mask


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


def _threshold(rules: RuleSet, target: Decimal | str) -> tuple[Decimal, str | None]:
    """A target as a total, and the rating it names (if it names one)."""
    if not isinstance(target, str):
        return target, None
    band = rules.band(target)
    if band is None:
        problems = ProblemList(None)
        names = _toml.allowed(b.name for b in rules.bands)
        problems.add("target", f"not a rating band of {rules.id}; expected one of {names}", target)
        problems.raise_as(PlanError)
    return band.min, band.name


@attrs.define
class _Search:
    """Branch and bound for the cheapest choice of options reaching ``need`` cents with
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
            self.run(g + 1, _convolve(dist, odist), cost + option.cost, chosen + option.tasks)
            for option, odist in ranked
        )


def _target(
    rules: RuleSet,
    model: _Model,
    options: Sequence[Sequence[_Option]],
    target: Decimal | str,
    confidence: Decimal,
    scale: int,
    limit: int,
    tasks: Sequence[Task],
) -> TargetPlan:
    """The cheapest choice whose total reaches the target with probability ≥ confidence."""
    threshold, rating = _threshold(rules, target)
    dists = [[_outcomes(model, o.tasks) for o in group] for group in options]
    # The best any choice from group g on can do: every task of those groups attempted.
    suffix: list[dict[int, float]] = [{0: 1.0}]
    for g in range(len(options) - 1, -1, -1):
        everything = max(range(len(options[g])), key=lambda k: len(options[g][k].tasks))
        suffix.append(_convolve(suffix[-1], dists[g][everything]))
    suffix.reverse()
    search = _Search(
        options,
        dists,
        [_Tail(d) for d in suffix],
        need=int((threshold - model.card.total) * 100),
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


class _Tail:
    """P(X ≥ k) for a distribution over whole cents, looked up in constant time."""

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
