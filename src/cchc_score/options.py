"""Each group's options for planning: the sets of its tasks worth considering, found by a
fold over the tasks, never by enumerating the 2ⁿ subsets. Pure: no files, no clock.

A *partial option* is a choice (take or skip) for the group's first tasks. Tasks are folded
in one at a time; identical partial options merge (the cheaper stays), and one is dropped
only when another, no dearer, is proven at least as good for every choice still to come.

- **For the expected total** (:func:`expected_options`), a partial option holds each leaf's
  *marginal* distribution over its own state (restored or not, the share of its lost points
  still lost, its appraised points, the facts it reads): the expected total is a sum over
  leaves, and a later task changes a leaf's state from that state alone. A leaf no later
  task touches is settled into the option's expected gain. The result: the Pareto options
  (effort, exact expected gain) of the group.
- **For a target** (:func:`target_options`), a partial option holds the group's joint
  distribution, so that the result is the exact distribution of the group's change, and
  options are kept unless another is cheaper and first-order stochastically at least as
  good (then it is at least as likely to reach any threshold, whatever the other groups do).

Ordered leaves (:mod:`cchc_score.leafstates`) compare by stochastic dominance, others only
as equal (:mod:`cchc_score.pruning`). One leaf with restores is priced as restored-or-not
(restored is final); one leaf whose best state stands folds best first
(:mod:`cchc_score.standing`); one leaf of partial restores only folds its options as their
worth at every product the later tasks can make (:mod:`cchc_score.profiles`), or over its
shares in whole numbers (:mod:`cchc_score.shares`). For a target, no option as dear as an
answer already found is made (``ceiling``). The work is counted (:class:`Work`); past its
``limit`` the fold stops with a ``PlanError``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .errors import ProblemList
from .leafstates import LeafStates
from .numbers import exact, to_steps
from .plan import PlanError, Task
from .profiles import ProfileFold
from .pruning import Partial, prune
from .shares import SharesFold, shares_leaf, undominated
from .standing import best_stands, standing_leaf

if TYPE_CHECKING:
    from collections.abc import Sequence
    from fractions import Fraction

    from .engine import Engine, State

__all__ = ["Option", "TargetOption", "Work", "expected_options", "target_options"]

#: The most partial options one plan may make before planning stops.
WORK_LIMIT = 200_000


_X = exact()
_ZERO = Decimal(0)


@attrs.define
class Work:
    """What planning cost: partial options made (``options``) and, for a target, the
    candidate sets the search examined (``searched``)."""

    options: int = 0
    searched: int = 0
    limit: int = WORK_LIMIT


@attrs.frozen
class Option:
    """A set of a group's tasks (in plan order), its effort in effort units and its exact
    expected change of the total."""

    tasks: tuple[Task, ...]
    cost: int
    gain: Decimal


@attrs.frozen
class TargetOption:
    """A set of a group's tasks, its effort in effort units and the distribution of the
    group's change (steps of the engine's places → probability)."""

    tasks: tuple[Task, ...]
    cost: int
    changes: dict[int, float]


def _fold(
    leaves: LeafStates,
    costs: Sequence[int],
    work: Work,
    joint: bool,
    ceiling: int | None = None,
) -> list[Partial]:
    group, codes = leaves.group, leaves.codes
    one, zero = Decimal(1), Decimal(0)
    index = {code: i for i, code in enumerate(codes)}
    if joint:  # one distribution over (settled steps, each live leaf's state)
        start: tuple[frozenset[Any] | None, ...] = (
            frozenset({((0, tuple(leaves.empty for _ in codes)), one)}),
        )
    else:
        start = tuple(frozenset({(leaves.empty, one)}) for _ in codes)
    partials = [Partial(0, zero, start, 0)]
    for i, task in enumerate(group):
        p = task.probability
        settled = [code for code in leaves.touches[i] if leaves.last[code] == i]
        grown = []
        for partial in partials:  # skipped (done with probability 0), then taken
            for chance, cost, mask in ((zero, 0, 0), (p, costs[i], 1 << i)):
                if mask and ceiling is not None and partial.cost + cost >= ceiling:
                    continue  # no dearer than the answer already found
                dists: tuple[frozenset[Any] | None, ...]
                if joint:
                    dist = _take_joint(
                        leaves, partial.dists[0], i, chance, one - chance, index, settled
                    )
                    dists, gain = (dist,), zero
                else:
                    dists, gain = _take_marginals(
                        leaves, partial, i, chance, one - chance, index, settled
                    )
                grown.append(Partial(partial.cost + cost, gain, dists, partial.mask | mask))
        _tick(work, group, len(grown))
        partials = prune(leaves, grown, joint, i + 1)
    return partials


def _tick(work: Work, group: Sequence[Task], made: int) -> None:
    """Count ``made`` partial options; past the limit, stop with a ``PlanError``."""
    work.options += made
    if work.options > work.limit:
        problems = ProblemList(None)
        problems.add(
            "tasks",
            "E-PLAN-TOO-INTERLINKED",
            count=len(group),
            limit=work.limit,
            tasks=", ".join(t.id for t in group),
        )
        problems.raise_as(PlanError)


def _take_marginals(
    leaves: LeafStates,
    partial: Partial,
    i: int,
    p: Decimal,
    q: Decimal,
    index: dict[str, int],
    settled: list[str],
) -> tuple[tuple[frozenset[Any] | None, ...], Decimal]:
    dists = list(partial.dists)
    gain = partial.gain
    for code in leaves.touches[i]:
        before = dists[index[code]]
        assert before is not None  # a leaf is settled only after its last task
        after: dict[State, Decimal] = {}
        for state, w in before:
            if q:
                after[state] = _X.add(after.get(state, _ZERO), _X.multiply(w, q))
            if p:
                moved = leaves.step(state, i, code)
                after[moved] = _X.add(after.get(moved, _ZERO), _X.multiply(w, p))
        if code in settled:
            base = leaves.engine.base[code]
            for s, w in after.items():
                gain = _X.add(gain, _X.multiply(w, leaves.points(s, code) - base))
            dists[index[code]] = None
        else:
            dists[index[code]] = frozenset(after.items())
    return tuple(dists), gain


def _take_joint(
    leaves: LeafStates,
    dist: frozenset[Any] | None,
    i: int,
    p: Decimal,
    q: Decimal,
    index: dict[str, int],
    settled: list[str],
) -> frozenset[Any]:
    assert dist is not None
    after: dict[Any, Decimal] = {}
    for (steps, states), w in dist:
        if q:
            after[steps, states] = _X.add(after.get((steps, states), _ZERO), _X.multiply(w, q))
        if p:
            moved = list(states)
            for code in leaves.touches[i]:
                moved[index[code]] = leaves.step(states[index[code]], i, code)
            key = (steps, tuple(moved))
            after[key] = _X.add(after.get(key, _ZERO), _X.multiply(w, p))
    if settled:  # these leaves change no more: their change joins the settled steps
        engine = leaves.engine
        kept: dict[Any, Decimal] = {}
        for (steps, states), w in after.items():
            moved = list(states)
            for code in settled:
                change = leaves.points(states[index[code]], code) - engine.base[code]
                steps += to_steps(change, engine.places)
                moved[index[code]] = leaves.empty
            key = (steps, tuple(moved))
            kept[key] = _X.add(kept.get(key, _ZERO), w)
        after = kept
    return frozenset(after.items())


def _arranged(engine: Engine, group: Sequence[Task]) -> LeafStates:
    """The group's leaves, its tasks in plan order; when every leaf is ordered the order
    of the tasks changes nothing (each effect keeps the better state), and the restores
    go first: once they are in, the bounds can see what the rest may still add."""
    group = sorted(group, key=lambda t: engine.order[t.id])
    leaves = LeafStates(engine, group)
    if not leaves.ordered:
        return leaves
    effects = engine.effects
    restores = [t for t in group if effects[t.id].restore and not effects[t.id].partial]
    if not restores:
        return leaves
    rest = [t for t in group if t not in restores]
    return LeafStates(engine, restores + rest)


def _picked(group: Sequence[Task], mask: int) -> tuple[Task, ...]:
    return tuple(t for i, t in enumerate(group) if mask >> i & 1)


def _costs(group: Sequence[Task], scale: int) -> list[int]:
    return [int(t.effort * scale) if t.effort is not None else 0 for t in group]


def expected_options(engine: Engine, group: Sequence[Task], scale: int, work: Work) -> list[Option]:
    """The group's Pareto options for the expected total: each cheaper than every option
    with as much expected gain (ties go to fewer tasks), cheapest first; the empty set is
    the first. Efforts are in units of ``1 / scale`` person-day.

    Raises:
        PlanError: the fold made more than ``work.limit`` partial options.
    """
    split = _split(engine, group)
    if split is not None:
        return _restored_or_not(engine, *split, scale, work)
    leaves = _arranged(engine, group)
    group = leaves.group
    code = standing_leaf(leaves)
    if code is not None:  # settled by its first success: a gain and a chance suffice
        found, made = best_stands(leaves, code, _costs(group, scale))
        work.options += made
        return [Option(_picked(group, mask), cost, gain) for cost, gain, mask in found]
    costs = _costs(group, scale)
    code = shares_leaf(leaves)

    def tick(made: int) -> None:
        _tick(work, group, made)

    profiles = None if code is None else ProfileFold(leaves, code, costs, tick)
    if code is not None and profiles is not None and profiles.first < len(group):
        # Over the shares while the later tasks make many products, then as profiles.
        start = None
        if profiles.first:
            fold = SharesFold(leaves, code, costs, tick)
            start = [
                (cost, mask, profiles.worth(_by_share(fold.share, dist)))
                # (no expected-value bound there: its hopes would need every product)
                for cost, mask, dist in fold.fold(profiles.first, expected=False)
            ]
        worths = profiles.run(start, fold.denominator if start is not None else 1)
        finals = [
            (cost, _mean({1: worth}, profiles.denominator, engine.places), mask)
            for cost, mask, worth in worths
        ]
    elif code is not None:  # partial restores only: the same fold in whole numbers
        fold = SharesFold(leaves, code, costs, tick)
        finals = [
            (cost, _mean(change, den, engine.places), mask)
            for cost, mask, change, den in fold.run(expected=True)
        ]
    else:
        finals = [(o.cost, o.gain, o.mask) for o in _fold(leaves, costs, work, joint=False)]
    useful: list[Option] = []
    for cost, gain, mask in sorted(
        finals, key=lambda o: (o[0], _X.minus(o[1]), bin(o[2]).count("1"))
    ):
        if not useful or gain > useful[-1].gain:
            useful.append(Option(_picked(group, mask), cost, gain))
    return useful


def _by_share(share: Sequence[Fraction], dist: dict[int, int]) -> dict[Fraction, int]:
    """A distribution over numbered states as one over their shares left lost."""
    out: dict[Fraction, int] = {}
    for s, w in dist.items():
        out[share[s]] = out.get(share[s], 0) + w
    return out


def _mean(change: dict[int, int], den: int, places: int) -> Decimal:
    """The exact mean change in points of a distribution over steps (chance numerators
    over ``den``, a power of ten)."""
    total = sum(steps * w for steps, w in change.items())
    return _X.scaleb(_X.divide(Decimal(total), Decimal(den)), -places)


def _failing(
    restores: Sequence[Task], scale: int, work: Work, ceiling: int | None = None
) -> list[tuple[int, Decimal, tuple[Task, ...]]]:
    """For each effort (below ``ceiling``, if given), the restores least likely to all
    fail: (cost, that chance, tasks), cheapest first, the chance falling."""
    chances: list[tuple[int, Decimal, tuple[Task, ...]]] = [(0, Decimal(1), ())]
    for task, cost in zip(restores, _costs(restores, scale), strict=True):
        grown = chances + [
            (c + cost, _X.multiply(q, 1 - task.probability), (*done, task))
            for c, q, done in chances
            if ceiling is None or c + cost < ceiling
        ]
        work.options += len(grown)
        chances = []
        for c, q, done in sorted(grown, key=lambda x: (x[0], x[1], len(x[2]))):
            if not chances or q < chances[-1][1]:
                chances.append((c, q, done))
    return chances


def _split(engine: Engine, group: Sequence[Task]) -> tuple[str, list[Task], list[Task]] | None:
    """A one-leaf group's leaf, its restores and its other tasks, when it has both."""
    codes = engine.leaves(group)
    if len(codes) != 1:
        return None
    (code,) = codes
    restores = [t for t in group if code in engine.effects[t.id].restore]
    if not restores or len(restores) == len(group):
        return None
    return code, restores, [t for t in group if t not in restores]


def _restored_or_not(
    engine: Engine,
    code: str,
    restores: Sequence[Task],
    rest: Sequence[Task],
    scale: int,
    work: Work,
) -> list[Option]:
    """One leaf's options when some tasks restore it: restored is final, so the leaf is
    restored with probability 1 − Q (Q: every chosen restore failing) and otherwise scores
    what the other chosen tasks give, independently. The expected gain is
    ``lost − Q × (lost − gain of the others)``: the cheapest Q for each effort and the best
    others for each effort are all the options needed, priced apart and then paired."""
    lost = engine.rules.node(code).max - engine.base[code]
    chances = _failing(restores, scale, work)
    others = expected_options(engine, rest, scale, work)
    pairs = sorted(
        (
            (
                c + other.cost,
                _X.minus(_X.subtract(lost, _X.multiply(q, _X.subtract(lost, other.gain)))),
                len(done) + len(other.tasks),
                done + other.tasks,
            )
            for c, q, done in chances
            for other in others
        ),
        key=lambda x: x[:3],
    )
    useful: list[Option] = []
    for cost, gain, _, tasks in pairs:
        if not useful or _X.minus(gain) > useful[-1].gain:
            chosen = tuple(sorted(tasks, key=lambda t: engine.order[t.id]))
            useful.append(Option(chosen, cost, _X.minus(gain)))
    return useful


def target_options(
    engine: Engine, group: Sequence[Task], scale: int, work: Work, ceiling: int | None = None
) -> list[TargetOption]:
    """The group's options for a target: every set of its tasks costing less than
    ``ceiling`` (if given: the cost of an answer already found, so no dearer set can be
    part of a cheaper one) whose distribution of the change is not first-order dominated
    by a cheaper (or equally cheap, fewer-task) set's, cheapest first. Probabilities are
    exact until the end, then floats.

    Raises:
        PlanError: the fold made more than ``work.limit`` partial options.
    """
    split = _split(engine, group)
    if split is not None:
        return _mixed(engine, *split, scale, work, ceiling)
    leaves = _arranged(engine, group)
    group = leaves.group
    costs = _costs(group, scale)
    code = shares_leaf(leaves)
    if code is not None:  # partial restores only: the same fold in whole numbers
        fold = SharesFold(leaves, code, costs, lambda n: _tick(work, group, n), ceiling)
        # (the profiles give expected values only: a target needs each distribution)
        finals = [(cost, mask, change) for cost, mask, change, _ in fold.run(expected=False)]
        den = fold.denominator
        return [
            TargetOption(_picked(group, mask), cost, {k: w / den for k, w in change.items() if w})
            for cost, mask, change in undominated(finals, lambda steps: -steps)
        ]
    partials = _fold(leaves, costs, work, joint=True, ceiling=ceiling)
    out = []
    for partial in partials:
        dist = partial.dists[0]
        assert dist is not None
        changes: dict[int, float] = {}
        for (steps, _), w in dist:
            changes[steps] = changes.get(steps, 0.0) + float(w)
        out.append(TargetOption(_picked(group, partial.mask), partial.cost, changes))
    return out


def _mixed(
    engine: Engine,
    code: str,
    restores: Sequence[Task],
    rest: Sequence[Task],
    scale: int,
    work: Work,
    ceiling: int | None,
) -> list[TargetOption]:
    """One leaf's options for a target when some tasks restore it: with probability Q (all
    chosen restores failing) the change is the other tasks', else the whole loss won back.
    Pairs of the cheapest Q for each effort and the others' options, the dominated left out
    (checked on each pair's chance of less than k: Q × the others' chance of less than k)."""
    full = to_steps(engine.rules.node(code).max - engine.base[code], engine.places)
    others = target_options(engine, rest, scale, work, ceiling)
    steps = sorted({full, *(k for o in others for k in o.changes)})
    below = []  # each other option's chance of a change below each of ``steps``
    for other in others:
        running, row = 0.0, []
        for k in steps:
            row.append(running)
            running += other.changes.get(k, 0.0)
        below.append(row)
    pairs = sorted(
        (
            (c + o.cost, len(done) + len(o.tasks), float(q), i, done)
            for c, q, done in _failing(restores, scale, work, ceiling)
            for i, o in enumerate(others)
            if ceiling is None or c + o.cost < ceiling
        ),
        key=lambda x: x[:3],
    )
    work.options += len(pairs)
    kept: list[tuple[float, list[float], TargetOption]] = []
    for cost, _, q, i, done in pairs:
        low = [q * b for b in below[i]]
        if any(all(a <= b + 1e-12 for a, b in zip(l2, low, strict=True)) for _, l2, _ in kept):
            continue
        changes = {k: q * p for k, p in others[i].changes.items()}
        changes[full] = changes.get(full, 0.0) + (1.0 - q)
        chosen = tuple(sorted((*done, *others[i].tasks), key=lambda t: engine.order[t.id]))
        kept.append((q, low, TargetOption(chosen, cost, {k: p for k, p in changes.items() if p})))
    return [option for _, _, option in kept]
