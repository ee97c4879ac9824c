"""The fold of one leaf that only partial restores touch, in whole numbers. Pure: no files,
no clock.

Such a leaf's state is the share ``r`` of its lost points still lost (0 once its points
round to the maximum: nothing later can lower them). The fold is the one of
:mod:`cchc_score.options` and keeps what :mod:`cchc_score.pruning` keeps, proven the same
way, but in whole numbers: states are numbered, points are whole steps, and after task
``i`` every partial option's chances share one denominator, the product of the tasks'
``10^d`` (``d``: the decimals of a task's probability; a skipped task multiplies every
chance by its ``10^d``), so that sums, products and comparisons are exact integer ones.

- Identical distributions: the cheaper option stays (ties: fewer tasks).
- For the expected total only: an option is dropped when a cheaper one already gains, with
  no further task, at least what it could gain with every remaining task attempted.
- An option is dropped when a no dearer one is first-order stochastically at least as good
  over ``r`` (a smaller share left lost is better, whatever tasks come later).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .numbers import exact, to_steps

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from decimal import Decimal

    from .engine import State
    from .leafstates import LeafStates

__all__ = ["SharesFold", "denominator", "shares_leaf", "undominated"]

_X = exact()

#: A partial option: (cost, mask of the tasks taken, chance numerator per state number).
_Option = tuple[int, int, dict[int, int]]


def shares_leaf(leaves: LeafStates) -> str | None:
    """The group's leaf when the group has one leaf and every task only partly restores
    it (after :func:`cchc_score.options` has priced its restores apart)."""
    if len(leaves.codes) != 1 or not leaves.ordered:
        return None
    (code,) = leaves.codes
    engine = leaves.engine
    for task in leaves.group:
        effect = engine.effects[task.id]
        if code in effect.restore or code not in dict(effect.partial):
            return None
        if any(c == code for c, _ in effect.appraised) or effect.facts:
            return None
    return code


class SharesFold:
    """The fold of one leaf's partial restores; :meth:`run` gives the final options.

    Args:
        leaves: the group's leaves (one leaf, :func:`shares_leaf`).
        code: that leaf.
        costs: each task's cost in effort units.
        tick: told how many partial options each step made (it may stop the fold).
        ceiling: options costing this or more are not made.
    """

    def __init__(
        self,
        leaves: LeafStates,
        code: str,
        costs: Sequence[int],
        tick: Callable[[int], None],
        ceiling: int | None = None,
    ) -> None:
        self.leaves, self.code, self.costs = leaves, code, costs
        self.tick, self.ceiling = tick, ceiling
        engine = leaves.engine
        self.base = engine.base[code]
        self.places = engine.places
        self.tasks = leaves.group
        self.dens = [denominator(t.probability) for t in self.tasks]
        self.nums = [int(t.probability * d) for t, d in zip(self.tasks, self.dens, strict=True)]
        self.states: list[State] = []
        self.number: dict[State, int] = {}
        self.share: list[Fraction] = []
        self.steps: list[int] = []  # each state's change of the leaf, in whole steps
        self.moves: list[dict[int, int]] = [{} for _ in self.tasks]
        self.hopes: list[dict[int, int]] = [{} for _ in self.tasks]
        self.start = self._state(leaves.empty)
        self.denominator = 1  # after :meth:`run`, the final chances' denominator

    def _state(self, state: State) -> int:
        n = self.number.get(state)
        if n is None:
            n = self.number[state] = len(self.states)
            self.states.append(state)
            if state.restored:
                self.share.append(Fraction(0))
            else:
                self.share.append(dict(state.remaining).get(self.code, Fraction(1)))
            points = self.leaves.points(state, self.code)
            self.steps.append(to_steps(points - self.base, self.places))
        return n

    def _move(self, s: int, i: int) -> int:
        """The state after task ``i`` succeeds too."""
        moved = self.moves[i].get(s)
        if moved is None:
            after = self.leaves.step(self.states[s], i, self.code)
            moved = self.moves[i][s] = self._state(after)
        return moved

    def _hope(self, s: int, i: int) -> int:
        """The expected steps from state ``s`` after task ``i`` when every later task is
        attempted, times the later tasks' denominators (a whole number)."""
        last = len(self.tasks) - 1
        todo = [(s, i)]
        while todo:
            s2, i2 = todo[-1]
            if s2 in self.hopes[i2]:
                todo.pop()
                continue
            if i2 == last:
                self.hopes[i2][s2] = self.steps[s2]
                todo.pop()
                continue
            j = i2 + 1
            moved = self._move(s2, j)
            need = [(x, j) for x in (moved, s2) if x not in self.hopes[j]]
            if need:
                todo.extend(need)
                continue
            a, d = self.nums[j], self.dens[j]
            self.hopes[i2][s2] = a * self.hopes[j][moved] + (d - a) * self.hopes[j][s2]
            todo.pop()
        return self.hopes[i][s]

    def run(self, expected: bool) -> list[tuple[int, int, dict[int, int], int]]:
        """The final options: (cost, mask, distribution of the leaf's change in steps as
        chance numerators, the common denominator), pruned as the module says; for the
        expected total (``expected``) the expected-value bound prunes too."""
        options = self.fold(len(self.tasks), expected)
        out = []
        for cost, mask, dist in options:
            change: dict[int, int] = {}
            for s, w in dist.items():
                change[self.steps[s]] = change.get(self.steps[s], 0) + w
            out.append((cost, mask, change, self.denominator))
        return out

    def fold(self, upto: int, expected: bool) -> list[tuple[int, int, dict[int, int]]]:
        """The options once the first ``upto`` tasks are folded in: (cost, mask, chance
        numerators over :attr:`denominator` by state number, see :attr:`share`)."""
        options: list[_Option] = [(0, 0, {self.start: 1})]
        denominator = 1
        for i in range(upto):
            a, d, c = self.nums[i], self.dens[i], self.costs[i]
            grown: list[_Option] = []
            for cost, mask, dist in options:
                grown.append((cost, mask, {s: w * d for s, w in dist.items()}))
                if self.ceiling is not None and cost + c >= self.ceiling:
                    continue  # no dearer than the answer already found
                taken: dict[int, int] = {}
                for s, w in dist.items():
                    if d - a:
                        taken[s] = taken.get(s, 0) + w * (d - a)
                    if a:
                        m = self._move(s, i)
                        taken[m] = taken.get(m, 0) + w * a
                grown.append((cost + c, mask | 1 << i, taken))
            denominator *= d
            self.tick(len(grown))
            options = self._prune(grown, i, expected)
        self.denominator = denominator
        return options

    def _prune(self, grown: list[_Option], i: int, expected: bool) -> list[_Option]:
        ranked = sorted(grown, key=lambda o: (o[0], bin(o[1]).count("1"), o[1]))
        seen: set[frozenset[tuple[int, int]]] = set()
        same: list[_Option] = []
        for option in ranked:
            key = frozenset(option[2].items())
            if key not in seen:
                seen.add(key)
                same.append(option)
        if expected:
            same = self._bounded(same, i)
        return undominated(same, self.share.__getitem__)

    def _bounded(self, ranked: list[_Option], i: int) -> list[_Option]:
        """Drop each option that, with every remaining task attempted, cannot gain more
        than a cheaper one gains with none (both scaled by the later denominators)."""
        later = 1
        for d in self.dens[i + 1 :]:
            later *= d
        kept: list[_Option] = []
        floor: int | None = None
        hopes = self.hopes[i]
        for option in ranked:
            dist = option[2]
            for s in dist:
                if s not in hopes:
                    self._hope(s, i)
            high = sum(w * hopes[s] for s, w in dist.items())
            if floor is not None and floor >= high:
                continue
            kept.append(option)
            low = later * sum(w * self.steps[s] for s, w in dist.items())
            floor = low if floor is None else max(floor, low)
        return kept


def undominated(ranked: list[_Option], worse: Callable[[int], Any]) -> list[_Option]:
    """The options (no dearer first) no earlier one first-order dominates: at every rank
    of the later one's outcomes, at least its chance of an outcome that good (``worse``:
    a key, lower for better outcomes, e.g. the share left lost)."""
    states = sorted({s for _, _, dist in ranked for s in dist}, key=worse)
    rank = {s: r for r, s in enumerate(states)}
    tails: list[list[int]] = []
    # Each option's tail at the ranks of its own outcomes, and how to read another's there.
    looks: list[tuple[Callable[[list[int]], Any], tuple[int, ...]]] = []
    for _, _, dist in ranked:
        mass = [0] * len(states)
        for s, w in dist.items():
            mass[rank[s]] += w
        tail = list(itertools.accumulate(mass))
        tails.append(tail)
        support = sorted(rank[s] for s, w in dist.items() if w) or [0]
        look: Any = operator.itemgetter(*support, support[0])  # a tuple even for one rank
        looks.append((look, look(tail)))
    # A dominating option has at least the sum of the chances: the kept ones held by that
    # sum, highest first, and looked at down to the candidate's.
    sums = [sum(tail) for tail in tails]
    kept: list[int] = []
    ladder: list[tuple[int, int]] = []  # (−sum, option), rising
    for b in range(len(ranked)):
        look, tb = looks[b]
        found = False
        for minus, a in ladder:
            if -minus < sums[b]:
                break
            if all(map(operator.ge, look(tails[a]), tb)):
                found = True
                break
        if not found:
            kept.append(b)
            bisect.insort(ladder, (-sums[b], b))
    return [ranked[b] for b in sorted(kept)]


def denominator(p: Decimal) -> int:
    """The power of ten that makes ``p`` whole (probabilities are finite decimals)."""
    exponent = p.as_tuple().exponent
    assert isinstance(exponent, int)
    return int(10 ** max(-exponent, 0))
