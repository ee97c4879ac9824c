"""Options for the expected total of one leaf whose best state stands: appraised points
(the highest stands), one fact with a declared better direction (the better value stands)
or restores (restored is final). Pure: no files, no clock.

Folded best state first, such a leaf is settled the moment one of the chosen tasks
succeeds: every task after it gives no better state. So a partial option needs only its
expected gain so far (from the tasks that succeeded) and ``Q``, the chance that none of
its tasks succeeded yet, the leaf still at its baseline. Whatever tasks are added later,
the option's expected gain is ``gain + Q × V``, with ``V`` the same for every option (the
later tasks' expected gain from the baseline), between 0 and the gain of the best state
still to come. An option is dropped when a no dearer one is at least as good at both ends
of that range: exact, and the options stay few (a few per effort).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .numbers import exact

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .leafstates import LeafStates

__all__ = ["best_stands", "standing_leaf"]

_X = exact()


def standing_leaf(leaves: LeafStates) -> str | None:
    """The group's leaf when the group has one leaf, its states are ordered and no task
    partly restores it (the share left lost multiplies: not settled by one success)."""
    if len(leaves.codes) != 1 or not leaves.ordered:
        return None
    (code,) = leaves.codes
    for i in range(len(leaves.group)):
        if leaves.step(leaves.empty, i, code).remaining:
            return None
    return code


def best_stands(
    leaves: LeafStates, code: str, costs: Sequence[int]
) -> tuple[list[tuple[int, Decimal, int]], int]:
    """The Pareto options (cost, exact expected gain, mask of the group's tasks) of a
    group whose one leaf ``code`` is :func:`standing_leaf`, cheapest first (ties go to
    fewer tasks), and how many partial options the fold made."""
    engine, group = leaves.engine, leaves.group
    key = leaves.order[code]
    assert key is not None
    base = engine.base[code]
    solo = [leaves.step(leaves.empty, i, code) for i in range(len(group))]
    gains = [leaves.points(state, code) - base for state in solo]  # ≥ 0: ordered
    # Best state first (plan order among equals): a success settles the leaf.
    order = sorted(range(len(group)), key=lambda i: key(solo[i]), reverse=True)
    one, zero = Decimal(1), Decimal(0)
    partials: list[tuple[int, Decimal, Decimal, int]] = [(0, zero, one, 0)]  # cost gain Q mask
    made = 0
    for n, i in enumerate(order):
        p, g, c = group[i].probability, gains[i], costs[i]
        grown = list(partials)
        for cost, gain, q, mask in partials:
            won = _X.add(gain, _X.multiply(_X.multiply(q, p), g))
            grown.append((cost + c, won, _X.multiply(q, 1 - p), mask | 1 << i))
        made += len(grown)
        # The most the tasks still to come can add from the baseline: the best state's.
        most = gains[order[n + 1]] if n + 1 < len(order) else zero
        partials = _undominated(grown, most)
    return [(cost, gain, mask) for cost, gain, _, mask in partials], made


def _undominated(
    partials: list[tuple[int, Decimal, Decimal, int]], most: Decimal
) -> list[tuple[int, Decimal, Decimal, int]]:
    """The partial options no no-dearer one is at least as good as, for every gain in
    [0, ``most``] the later tasks may add from the baseline; ties go to fewer tasks."""
    ranked = sorted(partials, key=lambda o: (o[0], _X.minus(o[1]), bin(o[3]).count("1"), o[3]))
    kept: list[tuple[int, Decimal, Decimal, int]] = []
    ends: list[tuple[Decimal, Decimal]] = []  # each kept one's worth at 0 and at ``most``
    for option in ranked:
        low = option[1]
        high = _X.add(low, _X.multiply(option[2], most))
        if any(a >= low and b >= high for a, b in ends):
            continue
        kept.append(option)
        ends.append((low, high))
    return kept
