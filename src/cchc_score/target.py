"""The cheapest plan that reaches a target total with a given confidence: an exact branch
and bound over each group's options (:func:`cchc_score.options.target_options`). Pure: no
files, no clock.

It starts from an answer to beat: the cheapest point of the expected total's frontier found
(by bisection) to reach the target. No set as dear as that can be part of a cheaper answer,
so each group offers only the sets of its tasks cheaper than it whose distribution of the
change no cheaper set dominates. The search picks one per group, cheapest first, and cuts a
branch when it costs as much as the best answer found, when the budget left cannot add
enough even if every task within it succeeded (a knapsack on each option's best outcome),
or when even the best of every remaining group (the upper envelope of its options' chances)
could not reach the target. What it cost is reported (``options``, ``searched``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal
from typing import TYPE_CHECKING

import attrs

from .engine import convolve
from .options import TargetOption, Work, target_options
from .plan import Task

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["TargetPlan", "cheapest_plan"]


@attrs.frozen
class TargetPlan:
    """The cheapest set of tasks that reaches ``threshold`` with probability ≥ ``confidence``.

    ``chosen`` is ``None`` when no set of tasks does; ``proven`` is false when the search
    stopped at its limit, so a cheaper set may exist. What it cost: ``options``, the
    partial options the groups' folds made for the target (not those of the budget's
    frontier); ``searched``, the candidate sets examined.
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


def cheapest_plan(
    engine: Engine,
    groups: Sequence[Sequence[Task]],
    goal: tuple[Decimal, str | None],
    confidence: Decimal,
    scale: int,
    limit: int,
    tasks: Sequence[Task],
    work: Work,
    frontier: Sequence[tuple[Decimal, tuple[str, ...]]],
) -> TargetPlan:
    """The cheapest choice whose total reaches the target with probability ≥ confidence."""
    threshold, rating = goal
    need = _steps_at_least(threshold - engine.card.total, engine.places)
    q = float(confidence)
    # A first answer to beat: the cheapest point of the expected total's frontier found
    # (by bisection) to reach the target. No set as dear as it can be part of a cheaper
    # answer, so the groups' options stop below its cost and dearer branches are cut.
    seed = _seed(engine, frontier, scale, tasks, need, q)
    ceiling = None if seed is None else seed[0]
    options = (
        [target_options(engine, group, scale, work, ceiling) for group in groups]
        if ceiling != 0
        else []
    )
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
    search = _Search(options, [_Tail(d) for d in suffix], need=need, q=q, limit=limit)
    if seed is not None:
        search.cost, search.chosen, search.probability = seed
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
    engine: Engine,
    frontier: Sequence[tuple[Decimal, tuple[str, ...]]],
    scale: int,
    tasks: Sequence[Task],
    need: int,
    q: float,
) -> tuple[int, tuple[Task, ...], float] | None:
    """The cheapest point of the frontier found (by bisection) to reach ``need`` steps with
    probability ≥ ``q``: its cost, tasks and probability; ``None`` if the last does not."""

    def chance(point: tuple[Decimal, tuple[str, ...]]) -> float:
        chosen = [t for t in tasks if t.id in point[1]]
        dist = engine.changes(chosen)
        return sum(p for k, p in dist.items() if k >= need)

    low, high = 0, len(frontier) - 1
    if not frontier or chance(frontier[high]) < q - 1e-12:
        return None
    while low < high:
        mid = (low + high) // 2
        if chance(frontier[mid]) >= q - 1e-12:
            high = mid
        else:
            low = mid + 1
    point = frontier[high]
    return int(point[0] * scale), tuple(t for t in tasks if t.id in point[1]), chance(point)


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
