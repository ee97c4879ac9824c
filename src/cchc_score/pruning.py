"""Which partial options of a group's fold (:mod:`cchc_score.options`) to keep: identical
ones merged (the cheaper stays), and one dropped only when a no dearer one is proven at
least as good for every choice of the tasks still to come: by stochastic dominance over
each ordered leaf's states, or because even every task still to come attempted could not
lift it above what a cheaper one already gains. Pure: no files, no clock.
"""

from __future__ import annotations

import bisect
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .leafstates import LeafStates, Tail, tails
from .numbers import exact

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["Partial", "prune"]

_X = exact()


@attrs.frozen
class Partial:
    """A choice (take or skip) for a group's first tasks: its cost, the settled leaves'
    expected change (expected mode; 0 for a target), its distributions, its tasks' bits."""

    cost: int
    gain: Decimal  # settled leaves' expected change (expected mode); 0 in target mode
    dists: tuple[frozenset[Any] | None, ...]
    mask: int


def prune(leaves: LeafStates, partials: list[Partial], joint: bool, live: int) -> list[Partial]:
    """The partial options no other one is proven at least as good as (for every choice
    of the tasks after task ``live - 1``), cheapest first; ties go to fewer tasks."""
    ranked = sorted(
        partials, key=lambda o: (o.cost, _X.minus(o.gain), bin(o.mask).count("1"), o.mask)
    )
    best: dict[Any, Decimal] = {}
    same: list[Partial] = []
    for partial in ranked:  # identical distributions: the cheaper one, unless it gains less
        if partial.dists in best and best[partial.dists] >= partial.gain:
            continue
        best[partial.dists] = partial.gain
        same.append(partial)
    if leaves.ordered and not joint:
        same = _bounded(leaves, same, live - 1)
    keys = _keys(leaves, joint, live)
    if keys is None:
        return same
    profiles = [
        tails(key, [o.dists[j] for o in same]) if key is not None else None
        for j, key in enumerate(keys)
    ]
    # A quick look first: an option at least as good has at least the gain and, for each
    # ordered leaf, at least the sum of the chances (up to float rounding).
    rough = [
        (
            float(o.gain) - 1e-9,
            [t.weight - 1e-9 if (t := leaf[i]) is not None else 0.0 for leaf in profiles if leaf],
        )
        for i, o in enumerate(same)
    ]
    # Only an option with at least the sum of those can be as good: the kept ones are held
    # by that sum, highest first, and looked at down to b's.
    sums = [gain + sum(weights) for gain, weights in rough]
    kept: list[int] = []
    ladder: list[tuple[float, int]] = []  # (−sum, option), rising
    for b in range(len(same)):
        gain, weights = rough[b]
        found = False
        for minus, a in ladder:
            if -minus + 1e-6 < sums[b]:
                break
            if (
                rough[a][0] + 2e-9 >= gain
                and all(x + 2e-9 >= y for x, y in zip(rough[a][1], weights, strict=True))
                and _better(profiles, same, a, b)
            ):
                found = True
                break
        if not found:
            kept.append(b)
            bisect.insort(ladder, (-sums[b], b))
    return [same[b] for b in sorted(kept)]


def _bounded(leaves: LeafStates, ranked: list[Partial], i: int) -> list[Partial]:
    """Drop each partial option that, whatever tasks after task ``i`` it adds, cannot gain
    more than a cheaper one already gains with none: when every leaf is ordered, a task
    never lowers a leaf, so the cheaper one adding the same tasks gains at least as much."""
    engine = leaves.engine
    kept: list[Partial] = []
    floor: Decimal | None = None
    for partial in ranked:
        low = high = partial.gain
        for code, dist in zip(leaves.codes, partial.dists, strict=True):
            if dist is None:
                continue
            base = engine.base[code]
            for state, w in dist:
                low = _X.add(low, _X.multiply(w, leaves.points(state, code) - base))
                high = _X.add(high, _X.multiply(w, leaves.hope(state, i, code) - base))
        if floor is not None and floor >= high:
            continue
        kept.append(partial)
        floor = low if floor is None else max(floor, low)
    return kept


def _better(
    tails: Sequence[list[Tail | None] | None], options: Sequence[Partial], a: int, b: int
) -> bool:
    """Whether option ``a`` (no dearer: it is ranked before ``b``) is at least as good as
    ``b`` for every choice of the tasks still to come."""
    x, y = options[a], options[b]
    if x.gain < y.gain:
        return False
    for j, leaf in enumerate(tails):
        if x.dists[j] is None:
            continue
        if leaf is None:
            if x.dists[j] != y.dists[j]:
                return False
            continue
        ta, tb = leaf[a], leaf[b]
        if ta is None or tb is None or not ta.covers(tb):
            return False
    return True


def _keys(leaves: LeafStates, joint: bool, live: int) -> list[Callable[[Any], Any] | None] | None:
    """How each distribution of a partial option is ordered after ``live`` tasks, or
    ``None`` when none is."""
    codes = [c for c in leaves.codes if leaves.last[c] >= live]
    if not joint:
        keys = [leaves.order[c] for c in leaves.codes]
        return keys if any(k is not None for k in keys) else None
    if not codes:  # every leaf settled: the group's change in steps
        return [lambda element: element[0]]
    order = leaves.order[codes[0]] if len(leaves.codes) == 1 else None
    if order is not None:
        return [lambda element: order(element[1][0])]
    return None
