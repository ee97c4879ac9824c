"""A group's leaves for planning: each leaf's own state after a task, its points, and
whether its states are *ordered*; distributions over ordered states compared by
stochastic dominance. Pure: no files, no clock.

A leaf's state is ordered when it varies in one way only and the leaf's points are proven
monotone in it over every value the group's tasks can give: restores (restored beats
anything), partial restores (less left lost is better: the rounding is monotone), appraised
points (the higher stands) or one fact with a declared better direction, checked over the
baseline and every value the tasks set (each at least the baseline's: the first value set
replaces the baseline's, even a worse one). An ordered leaf whose points reach its maximum
is treated as restored: nothing later can lower it.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from .engine import State
from .numbers import exact

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .engine import Engine
    from .plan import Task

__all__ = ["LeafStates", "Tail", "tails"]

_X = exact()
_ZERO = Decimal(0)

_RESTORED = (1, Fraction(0))


class LeafStates:
    """A group's leaves: each one's state after a task, its points, its order if any."""

    def __init__(self, engine: Engine, group: Sequence[Task]) -> None:
        self.engine = engine
        self.group = group
        self.codes = sorted(engine.leaves(group))
        self.touches = [sorted(engine.leaves([t])) for t in group]
        self.last = {code: i for i, leaves in enumerate(self.touches) for code in leaves}
        self._steps: dict[tuple[State, int, str], State] = {}
        # One object per distinct state: the fold's dictionaries then find a state by
        # identity instead of comparing its fields (fractions, decimals) again and again.
        self.empty = State()
        self._interned: dict[State, State] = {self.empty: self.empty}
        self._points: dict[tuple[State, str], Decimal] = {}
        self._hopes: dict[tuple[State, int, str], Decimal] = {}
        self.order: dict[str, Callable[[State], Any] | None] = {
            code: self._order(code) for code in self.codes
        }
        self.ordered = all(order is not None for order in self.order.values())

    def points(self, state: State, code: str) -> Decimal:
        key = (state, code)
        if key not in self._points:
            self._points[key] = self.engine.score(state, [code])[code]
        return self._points[key]

    def step(self, state: State, i: int, code: str) -> State:
        """The leaf's state once task ``i`` is done too."""
        key = (state, i, code)
        after = self._steps.get(key)
        if after is None:
            after = self._restrict(self.engine.apply(state, self.group[i]), code)
            after = self._interned.setdefault(after, after)
            self._steps[key] = after
        return after

    def hope(self, state: State, i: int, code: str) -> Decimal:
        """The leaf's expected points if every task after task ``i`` that touches it is
        attempted too: the most any choice of them can give when the leaf is ordered
        (attempting one more task never lowers an ordered leaf)."""
        key = (state, i, code)
        value = self._hopes.get(key)
        if value is None:
            j = next((j for j in range(i + 1, len(self.group)) if code in self.touches[j]), None)
            if j is None:
                value = self.points(state, code)
            else:
                p = self.group[j].probability
                done = _X.multiply(p, self.hope(self.step(state, j, code), j, code))
                value = _X.add(done, _X.multiply(1 - p, self.hope(state, j, code)))
            self._hopes[key] = value
        return value

    def _restrict(self, state: State, code: str) -> State:
        if code in state.restored:
            return State(restored=frozenset((code,)))
        reads = self.engine.reads(code)
        leaf = State(
            facts=tuple((n, v) for n, v in state.facts if n in reads),
            appraised=tuple((c, p) for c, p in state.appraised if c == code),
            remaining=tuple((c, r) for c, r in state.remaining if c == code),
        )
        if self.order.get(code) is not None and self.points(leaf, code) == self.top(code):
            return State(restored=frozenset((code,)))  # nothing later can lower it
        return leaf

    def top(self, code: str) -> Decimal:
        return self.engine.rules.node(code).max

    def _order(self, code: str) -> Callable[[State], Any] | None:
        """A key ordering the leaf's states (greater is better for every later task), or
        ``None`` when its states cannot be ordered."""
        engine = self.engine
        reads = engine.reads(code)
        ways: set[tuple[str, str]] = set()
        values: list[Any] = []
        for task in self.group:
            effect = engine.effects[task.id]
            if code not in engine.leaves([task]):
                continue
            if any(c == code for c, _ in effect.partial) and code not in effect.restore:
                ways.add(("kept", ""))
            for c, points in effect.appraised:
                if c == code:
                    ways.add(("appraised", ""))
                    values.append(points)
            for name, value in effect.facts:
                if name in reads:
                    ways.add(("fact", name))
                    values.append(value)
        if not ways:
            return lambda s: (1, 0) if s.restored else (0, 0)
        if len(ways) > 1:
            return None
        ((way, name),) = ways
        if way == "kept":
            return lambda s: _RESTORED if s.restored else (0, -dict(s.remaining).get(code, 1))
        base: Any
        if way == "appraised":
            base = engine.appraised.get(code, Decimal(0))
            rank: Callable[[Any], Any] = lambda v: v  # noqa: E731
            make: Callable[[Any], State] = lambda v: State(appraised=((code, v),))  # noqa: E731
            get: Callable[[State], Any] = lambda s: dict(s.appraised).get(code, base)  # noqa: E731
        else:
            fact = engine.rules.fact(name)
            if fact.better == "none" or fact.type == "checklist":
                return None
            base = engine.values[name]
            sign = -1 if fact.better == "lower" else 1
            if fact.type == "level":
                rank = lambda v: sign * fact.levels.index(str(v))  # noqa: E731
            else:
                rank = lambda v: sign * v  # noqa: E731
            make = lambda v: State(facts=((name, v),))  # noqa: E731
            get = lambda s: dict(s.facts).get(name, base)  # noqa: E731
        if any(rank(v) < rank(base) for v in values):
            return None  # the first value set replaces the baseline's, even a worse one
        ranked = sorted({base, *values}, key=rank)
        scores = [self.engine.score(make(v), [code])[code] for v in ranked]
        if any(a > b for a, b in itertools.pairwise(scores)):
            return None  # the rule does not reward the better value here: no order
        return lambda s: _RESTORED if s.restored else (0, rank(get(s)))


@attrs.frozen
class Tail:
    """A distribution over a leaf's ordered states as its chance of reaching each rank
    (ranks from the best state down), exact and as floats, and the ranks it holds."""

    exact: list[Decimal]
    rough: list[float]
    support: list[int]
    weight: float  # the sum of the chances: at least another's when this one covers it

    def covers(self, other: Tail) -> bool:
        """Whether this reaches every rank at least as surely as ``other``: checked at
        ``other``'s ranks (between them its chance stays, and this one's only grows)."""
        for r in other.support:
            if self.rough[r] < other.rough[r] - 1e-9:
                return False
        return all(self.exact[r] >= other.exact[r] for r in other.support)


def tails(key: Callable[[Any], Any], dists: Sequence[frozenset[Any] | None]) -> list[Tail | None]:
    """Each distribution's :class:`Tail` over the ranks of every state any of them holds."""
    keyed: dict[Any, Any] = {}
    for dist in dists:
        for state, _ in dist or ():
            if state not in keyed:
                keyed[state] = key(state)
    ranks = {k: r for r, k in enumerate(sorted(set(keyed.values()), reverse=True))}
    out: list[Tail | None] = []
    for dist in dists:
        if dist is None:
            out.append(None)
            continue
        mass = [_ZERO] * len(ranks)
        for state, w in dist:
            r = ranks[keyed[state]]
            mass[r] = _X.add(mass[r], w)
        exact, running = [], _ZERO
        for m in mass:
            running = _X.add(running, m)
            exact.append(running)
        rough = [float(x) for x in exact]
        out.append(Tail(exact, rough, [r for r, m in enumerate(mass) if m], sum(rough)))
    return out
