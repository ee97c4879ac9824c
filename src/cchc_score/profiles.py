"""The expected-total options of one leaf that only partial restores touch, each partial
option held as what it is worth for every product the later tasks can make. Pure: no
files, no clock.

The leaf's points depend only on the share of its lost points still lost: the product of
``1 − share`` over the tasks that succeeded. After task ``i``, the later tasks can multiply
that share by a product ``p`` of some of their factors, and a partial option whose share is
``x`` with chance ``w(x)`` is worth ``H(p) = Σ w(x) · G(x·p)`` if exactly that product comes
(``G``: the leaf's change in whole steps). Whatever later tasks are chosen, and whichever of
them succeed, the option's expected change is a mixture of its ``H(p)`` with weights that
do not depend on the option. So:

- an option is dropped when a no dearer one is worth at least as much at every ``p``
  (first-order dominance over the shares implies it, so this keeps no more options than
  :mod:`cchc_score.shares`), or has the same profile;
- one is dropped when a cheaper one gains, with no further task (``p = 1``), at least what
  it could gain with every later task attempted;
- a task updates the profile without the distribution over shares:
  ``H'(p) = (1 − π)·H(p) + π·H(k·p)`` (``π`` its probability, ``k`` its factor).

Products at which the leaf is back at its maximum (for a share of 1, so for any) are one
product, 0. The profiles are whole numbers (chances over one power of ten per step, as in
:mod:`cchc_score.shares`). While the later tasks make more than :data:`MOST_PRODUCTS`
products, the first tasks are folded over the shares (:mod:`cchc_score.shares`), and each
option is then turned into its profile (:meth:`ProfileFold.worth`).
"""

from __future__ import annotations

import bisect
import operator
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .engine import State
from .numbers import to_steps
from .shares import denominator

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .leafstates import LeafStates

__all__ = ["MOST_PRODUCTS", "ProfileFold"]

#: The most products the later tasks may make for the profiles to be used.
MOST_PRODUCTS = 1024

#: A partial option: (cost, mask of the tasks taken, worth at each product).
_Option = tuple[int, int, list[int]]


class ProfileFold:
    """The fold; :meth:`feasible` says whether the products stay few, :meth:`run` folds.

    Args:
        leaves: the group's leaves (one leaf that only partial restores touch).
        code: that leaf.
        costs: each task's cost in effort units.
        tick: told how many partial options each step made (it may stop the fold).
    """

    def __init__(
        self, leaves: LeafStates, code: str, costs: Sequence[int], tick: Callable[[int], None]
    ) -> None:
        engine = leaves.engine
        self.leaves, self.code, self.costs, self.tick = leaves, code, costs, tick
        self.tasks = leaves.group
        self.base = engine.base[code]
        self.places = engine.places
        self.full = to_steps(engine.rules.node(code).max - self.base, self.places)
        # The leaf's points and maximum, and both in units of the rule set's decimals.
        self.points, self.top = Fraction(self.base), Fraction(engine.rules.node(code).max)
        self.scale = 10**engine.rules.decimals
        self.top_units = self.top * self.scale
        self.lost_units = (self.top - self.points) * self.scale
        self.factors = [1 - Fraction(dict(engine.effects[t.id].partial)[code]) for t in self.tasks]
        self.dens = [denominator(t.probability) for t in self.tasks]
        self.nums = [int(t.probability * d) for t, d in zip(self.tasks, self.dens, strict=True)]
        self._gains: dict[tuple[int, int], int] = {}
        self._rows: dict[Fraction, list[int]] = {}
        self.products = self._products()
        self.denominator = 1

    @property
    def first(self) -> int:
        """The first task from which on the later tasks make at most
        :data:`MOST_PRODUCTS` products: the profiles are used from there."""
        return len(self.factors) + 1 - len(self.products)

    def _gain(self, share: Fraction) -> int:
        """The leaf's change in steps when ``share`` of its lost points stays lost."""
        key = (share.numerator, share.denominator)  # hashed faster than a Fraction
        gain = self._gains.get(key)
        if gain is None:
            gain = self._gains[key] = self._rounded(*key)
        return gain

    def _rounded(self, n: int, m: int) -> int:
        """:func:`cchc_score.engine.partly_restored` for a share ``n / m`` in whole
        numbers, as steps of change: ``round(top − (n/m)·(top − points))`` half up is
        ``⌊top·10ᵈ − (n/m)·lost·10ᵈ + ½⌋`` when that is not negative (it is at least the
        leaf's points), then kept within [points, top]."""
        a, c, scale = self.top_units, self.lost_units, self.scale
        over = 2 * a.denominator * c.denominator * m
        whole = (
            2 * a.numerator * c.denominator * m
            - 2 * c.numerator * n * a.denominator
            + a.denominator * c.denominator * m
        )
        if whole < 0:  # never for points ≥ 0; the engine's own way then
            code = self.code
            points = self.leaves.engine.score(State(remaining=((code, Fraction(n, m)),)), [code])[
                code
            ]
            return to_steps(points - self.base, self.places)
        won = Fraction(whole // over, scale)
        won = max(self.points, min(won, self.top))
        steps = (won - self.points) * int(10**self.places)
        assert steps.denominator == 1
        return steps.numerator

    def _canon(self, share: Fraction) -> Fraction:
        return Fraction(0) if self._gain(share) == self.full else share

    def _products(self) -> list[list[Fraction]]:
        """For each step from :attr:`first` on (before its task, …, after the last), the
        products the later tasks can make, rising; each at most :data:`MOST_PRODUCTS`."""
        out = [[Fraction(1)]]
        for k in reversed(self.factors):
            made = set(out[-1]) | {self._canon(k * p) for p in out[-1]}
            if len(made) > MOST_PRODUCTS:
                break
            out.append(sorted(made))
        out.reverse()
        return out

    def worth(self, dist: dict[Fraction, int]) -> list[int]:
        """The profile at :attr:`first` of a distribution over shares (chance numerators)."""
        rows = []
        for share in dist:
            row = self._rows.get(share)
            if row is None:
                row = [self._gain(self._canon(share * p)) for p in self.products[0]]
                self._rows[share] = row
            rows.append(row)
        chances = list(dist.values())
        return [sum(map(operator.mul, chances, column)) for column in zip(*rows, strict=True)]

    def run(
        self, start: Sequence[tuple[int, int, list[int]]] | None = None, den: int = 1
    ) -> list[tuple[int, int, int]]:
        """The final options (cost, mask, expected change in steps times
        :attr:`denominator`), pruned as the module says, no dearer first: from no task
        done, or from ``start``'s options (their :meth:`worth`, chances over ``den``) when
        the first tasks were folded otherwise."""
        products = self.products
        hopes = self._hopes(products)
        options: list[_Option] = (
            [(0, 0, [self._gain(p) for p in products[0]])] if start is None else list(start)
        )
        first = self.first
        for i in range(first, len(self.factors)):
            k = self.factors[i]
            before = {p: j for j, p in enumerate(products[i - first])}
            after = products[i + 1 - first]
            same = _getter([before[p] for p in after])
            moved = _getter([before[self._canon(k * p)] for p in after])
            a, d, c, bit = self.nums[i], self.dens[i], self.costs[i], 1 << i
            grown: list[_Option] = []
            for cost, mask, worth in options:
                stay = same(worth)
                grown.append((cost, mask, [d * h for h in stay]))
                if a:
                    fail = d - a
                    gone = moved(worth)
                    grown.append(
                        (
                            cost + c,
                            mask | bit,
                            [fail * u + a * v for u, v in zip(stay, gone, strict=True)],
                        )
                    )
                else:  # never succeeds: the same worth, dearer
                    grown.append((cost + c, mask | bit, [d * h for h in stay]))
            den *= d
            self.tick(len(grown))
            options = self._prune(grown, hopes[i + 1 - first], after.index(Fraction(1)), i)
        self.denominator = den
        return [(cost, mask, worth[0]) for cost, mask, worth in options]

    def _hopes(self, products: list[list[Fraction]]) -> list[list[int]]:
        """For each step, the chance (numerators) of each product when every later task is
        attempted."""
        hopes = [[1]]
        first = self.first
        for i in range(len(self.factors) - 1, first - 1, -1):
            index = {p: j for j, p in enumerate(products[i - first])}
            chances = [0] * len(products[i - first])
            a, d, k = self.nums[i], self.dens[i], self.factors[i]
            for p, w in zip(products[i + 1 - first], hopes[-1], strict=True):
                chances[index[p]] += (d - a) * w
                chances[index[self._canon(k * p)]] += a * w
            hopes.append(chances)
        hopes.reverse()
        return hopes

    def _prune(self, grown: list[_Option], hope: list[int], one: int, i: int) -> list[_Option]:
        ranked = sorted(grown, key=lambda o: (o[0], bin(o[1]).count("1"), o[1]))
        later = 1
        for d in self.dens[i + 1 :]:
            later *= d
        seen: set[tuple[int, ...]] = set()
        kept: list[_Option] = []
        floor: int | None = None
        for option in ranked:
            worth = option[2]
            key = tuple(worth)
            if key in seen:
                continue
            seen.add(key)
            # With every later task attempted it gains at most ``high``; a cheaper one
            # already gains ``floor`` with none (both times the later denominators).
            high = sum(map(operator.mul, hope, worth))
            if floor is not None and floor >= high:
                continue
            kept.append(option)
            low = later * worth[one]
            floor = low if floor is None else max(floor, low)
        return _undominated(kept)


def _getter(indices: list[int]) -> Callable[[list[int]], Any]:
    """A function picking these items of a list, as a tuple (even for one)."""
    pick = operator.itemgetter(*indices, indices[0])
    return lambda values: pick(values)[:-1]


def _undominated(ranked: list[_Option]) -> list[_Option]:
    """The options (no dearer first) no earlier one is worth at least as much as at every
    product. Only one with at least the sum of the worths can be: the kept ones are held
    by that sum, highest first, and looked at down to the candidate's."""
    sums = [sum(worth) for _, _, worth in ranked]
    kept: list[int] = []
    ladder: list[tuple[int, int]] = []  # (−sum, option), rising
    for b, (_, _, worth) in enumerate(ranked):
        found = False
        for minus, a in ladder:
            if -minus < sums[b]:
                break
            if all(map(operator.ge, ranked[a][2], worth)):
                found = True
                break
        if not found:
            kept.append(b)
            bisect.insort(ladder, (-sums[b], b))
    return [ranked[b] for b in kept]
