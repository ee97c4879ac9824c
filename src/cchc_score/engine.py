"""The projection engine: leaves rescored under task outcomes, and the exact per-group folds
that projection, optimise and testing share. Pure: no files, no clock.

A task's effect is first checked against the rules and resolved
(:func:`cchc_score.effects.resolve_effects`). An :class:`Engine` then holds the baseline
scorecard and every task's effect, and answers two questions:

- **What is the total when these tasks are done?** (:meth:`Engine.total`,
  :meth:`Engine.delta`, :meth:`Engine.leaf_scores`): the done tasks are applied to a
  :class:`State` and only the leaves they can change are rescored.
- **What is the distribution of the change when each task is done with its probability?**
  (:meth:`Engine.fold`, :meth:`Engine.changes`): the tasks of a group are folded in one at
  a time into a distribution over states, identical states merged as they appear, and the
  group's final states scored once. Nothing enumerates the 2ⁿ subsets.

Changes of the total are counted in whole steps of the rule set's ``decimals``
(:func:`cchc_score.numbers.to_steps`), so groups convolve (:func:`convolve`) exactly. A
restored leaf scores its maximum, which a rules file may write with more decimals than it
rounds to (2,75 with ``decimals = 0``): the step is then that finer one
(:attr:`Engine.places`).

What done tasks do together, in every answer:

- two tasks setting one fact: the better value stands
  (:func:`cchc_score.effects.best_value`);
- two tasks setting one appraised criterion: the higher points stand;
- a restore sets its leaves to their maximum, whatever else is done;
- partial restores compound: shares ``s₁ … sₖ`` on one leaf leave ``(1 − s₁)…(1 − sₖ)`` of
  its lost points lost, and the leaf is rounded once, half up, at the rule set's decimals.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

import attrs

from .effects import best_value, refuse_observed
from .evaluation import evaluate, leaf_points
from .facts import FactValue
from .model import rule_facts
from .numbers import from_steps, round_exact, to_steps

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from .effects import Effect
    from .evidence import Evidence
    from .model import RuleSet
    from .plan import Task

__all__ = [
    "Engine",
    "State",
    "Weight",
    "convolve",
    "mean_change",
    "partly_restored",
]

#: A probability: ``float`` for distributions, ``Decimal`` for exact expected values.
Weight = TypeVar("Weight", float, Decimal)

_ONE = Fraction(1)


@attrs.frozen(cache_hash=True)
class State:
    """What a set of done tasks has changed: enough to score every leaf they touch.

    States are hashable and compared by value, so that two sets of tasks with the same
    combined effect merge into one state.

    Attributes:
        facts: the best value so far of each fact the tasks set.
        appraised: the highest appraised points so far of each criterion they set.
        restored: the leaves some done task restored.
        remaining: ``(leaf, r)``: the share ``r`` of the leaf's lost points still lost
            after its partial restores (restored leaves are left out).
    """

    facts: tuple[tuple[str, FactValue], ...] = ()
    appraised: tuple[tuple[str, Decimal], ...] = ()
    restored: frozenset[str] = frozenset()
    remaining: tuple[tuple[str, Fraction], ...] = ()


# --------------------------------------------------------------------------- the engine


@attrs.frozen
class _Compiled:
    """A task's effect restricted to the leaves that can change (not "not assessed")."""

    facts: tuple[tuple[str, FactValue], ...]
    appraised: tuple[tuple[str, Decimal], ...]
    restore: frozenset[str]
    kept: tuple[tuple[str, Fraction], ...]  # leaf → 1 − share
    leaves: frozenset[str]


class Engine:
    """The baseline and every task's effect, prepared for rescoring and folding.

    Args:
        rules: the rule set.
        evidence: the baseline evidence (checked by :func:`cchc_score.evaluate`).
        tasks: the tasks that may be done, in plan order (the order decides only which
            value stands for a fact that declares no better direction: the later task's).
        effects: every task's resolved effect, from
            :func:`cchc_score.effects.resolve_effects`.
        source: the plan's file, to locate a refused effect.

    Raises:
        PlanError: a task sets facts read by a criterion the evidence gives only appraised
            points for (:func:`cchc_score.effects.refuse_observed`).

    Attributes:
        places: the decimals of a step of the total: the rule set's ``decimals``, or more
            where a leaf's maximum has more.
        card: the baseline scorecard.
        values: the baseline's checked fact values; ``appraised`` its appraised points.
        base: every leaf's baseline points.
        effects: each task's effect, by id.

    >>> from cchc_score import load_evidence, load_plan, load_rules
    >>> from cchc_score.effects import resolve_effects
    >>> rules = load_rules("criteria_2022")
    >>> plan = load_plan("examples/ward_2022/plan.toml")
    >>> engine = Engine(rules, load_evidence("examples/ward_2022/evidence.toml"),
    ...                 plan.tasks, resolve_effects(rules, plan))
    >>> engine.total([plan.task("3.1")])
    Decimal('84.64')
    """

    def __init__(
        self,
        rules: RuleSet,
        evidence: Evidence,
        tasks: Sequence[Task],
        effects: Mapping[str, Effect],
        source: str | None = None,
        *,
        frozen: frozenset[str] = frozenset(),
    ) -> None:
        self.rules = rules
        self.evidence = evidence
        self.card = evaluate(rules, evidence)
        given = {name for name, _ in evidence.facts}
        refuse_observed(rules, tasks, effects, self.card.observed, given, source)
        self.values = dict(self.card.values)  # checked and typed by evaluate
        self.appraised = dict(evidence.appraised)
        leaves = [n for n in self.card.nodes if n.criterion.is_leaf]
        self.base = {n.code: n.points for n in leaves}
        self.places = rules.memo("engine.places", _step_places)
        # Not assessed, or looking back at a year before the tasks (``frozen``): no task
        # moves these leaves.
        fixed = {n.code for n in leaves if n.status == "not_assessed"} | frozen
        self.tasks = tuple(tasks)
        self.effects = {t.id: effects[t.id] for t in self.tasks}
        self.order = {t.id: i for i, t in enumerate(self.tasks)}
        self._compiled = {
            task_id: _Compiled(
                facts=e.facts,
                appraised=tuple((c, p) for c, p in e.appraised if c not in fixed),
                restore=e.restore - fixed,
                kept=tuple((c, _ONE - Fraction(s)) for c, s in e.partial if c not in fixed),
                leaves=e.leaves - fixed,
            )
            for task_id, e in self.effects.items()
        }
        # An observed leaf reads no facts: its points are the evidence's appraised points.
        self._reads = {
            n.code: () if n.status == "observed" else rule_facts(n.criterion.rule)
            for n in leaves
            if n.code not in fixed
        }
        readers: dict[str, set[str]] = {}
        for code, names in self._reads.items():
            for name in names:
                readers.setdefault(name, set()).add(code)
        self._readers = {name: frozenset(codes) for name, codes in readers.items()}
        # A leaf whose share still lost is at most this scores its maximum whatever its facts
        # and whatever tasks follow (they only lower the share): such a state is restored.
        step = Fraction(1, 10**rules.decimals)
        self._settled = {
            n.code: step / 2 / Fraction(n.criterion.max)
            for n in leaves
            if n.criterion.max > 0 and Fraction(n.criterion.max) % step == 0
        }
        self._points: dict[tuple[object, ...], Decimal] = {}
        self._folds: dict[tuple[str, ...], dict[int, float]] = {}
        self._applied: dict[tuple[State, str], State] = {}
        self._deltas: dict[frozenset[str], Decimal] = {}

    # ------------------------------------------------------------------ states

    def apply(self, state: State, task: Task, *, forget: bool = True) -> State:
        """The state after ``task`` is done too.

        With ``forget`` (the default), what a restore made irrelevant under these rules is
        dropped (the facts read only by restored leaves, their appraised points), so that
        more states merge; without, the state keeps every value set, e.g. to score it
        under other rules.
        """
        effect = self._compiled[task.id]
        facts = dict(state.facts)
        for name, value in effect.facts:
            facts[name] = (
                best_value(self.rules.fact(name), facts[name], value) if name in facts else value
            )
        points = dict(state.appraised)
        for code, value in effect.appraised:
            points[code] = max(points.get(code, value), value)
        restored = state.restored | effect.restore
        remaining = dict(state.remaining)
        for code, kept in effect.kept:
            remaining[code] = share = remaining.get(code, _ONE) * kept
            # kept × (max − points) ≤ kept × max ≤ half a step: rounded half up, the leaf
            # is at its maximum for good (partly_restored), as if restored.
            if share <= self._settled.get(code, -1):
                restored = restored | {code}
        # Forget what a restore made irrelevant, so that more states merge.
        if forget and restored:
            facts = {
                name: value
                for name, value in facts.items()
                if not self._readers.get(name, frozenset()) <= restored
            }
            points = {c: p for c, p in points.items() if c not in restored}
        return State(
            facts=tuple(sorted(facts.items())),
            appraised=tuple(sorted(points.items())),
            restored=restored,
            remaining=tuple(
                sorted((c, r) for c, r in remaining.items() if c not in restored and r != _ONE)
            ),
        )

    def state(self, done: Iterable[Task], *, forget: bool = True) -> State:
        """The state when exactly these tasks are done (``forget`` as for :meth:`apply`)."""
        state = State()
        for task in sorted(done, key=lambda t: self.order[t.id]):
            state = self.apply(state, task, forget=forget)
        return state

    def score(self, state: State, leaves: Iterable[str]) -> dict[str, Decimal]:
        """The points of these leaves in ``state``."""
        facts = dict(state.facts)
        points = dict(state.appraised)
        remaining = dict(state.remaining)
        scores: dict[str, Decimal] = {}
        for code in leaves:
            if code in state.restored:
                scores[code] = self.rules.node(code).max
                continue
            key = (code, tuple(facts.get(n) for n in self._reads[code]), points.get(code))
            kept = remaining.get(code)
            now = self._points.get((key, kept))
            if now is None:
                now = self._points.get((key, None))
                if now is None:
                    values = {n: facts.get(n, self.values[n]) for n in self._reads[code]}
                    appraised = {code: points.get(code, self.appraised.get(code, Decimal(0)))}
                    now = leaf_points(self.rules, code, values, appraised)
                    self._points[key, None] = now
                if kept is not None:
                    top = self.rules.node(code).max
                    now = partly_restored(top, now, kept, self.rules.decimals)
                    self._points[key, kept] = now
            scores[code] = now
        return scores

    def change(self, state: State, leaves: Iterable[str]) -> Decimal:
        """How much the total moves from the baseline in ``state``, over these leaves."""
        scores = self.score(state, leaves)
        # Written at the step's places even with no leaf to move (a task whose criteria all
        # look back): 0.00 beside 0.17, as every other gain.
        zero = from_steps(0, self.places)
        return sum((points - self.base[code] for code, points in scores.items()), zero)

    def reads(self, leaf: str) -> tuple[str, ...]:
        """The facts a leaf's points are read from (none for an observed leaf)."""
        return self._reads[leaf]

    def leaves(self, tasks: Iterable[Task]) -> frozenset[str]:
        """The leaves these tasks can change."""
        return frozenset().union(*(self._compiled[t.id].leaves for t in tasks))

    # ------------------------------------------------------------------ totals

    def leaf_scores(self, done: Iterable[Task]) -> dict[str, Decimal]:
        """The points of every leaf the done tasks can change (the others keep their
        baseline points)."""
        done = list(done)
        return self.score(self.state(done), self.leaves(done))

    def delta(self, done: Iterable[Task]) -> Decimal:
        """How much the total moves when exactly these tasks are done (remembered per set
        of tasks: the gains, the timeline and the totals ask for the same sets again)."""
        done = list(done)
        key = frozenset(t.id for t in done)
        if key not in self._deltas:
            self._deltas[key] = self.change(self.state(done), self.leaves(done))
        return self._deltas[key]

    def total(self, done: Iterable[Task]) -> Decimal:
        """The total when exactly these tasks are done."""
        return self.card.total + self.delta(done)

    # ------------------------------------------------------------------ distributions

    def groups(self, tasks: Sequence[Task]) -> list[list[Task]]:
        """The tasks in independent groups, each in plan order: two tasks share a group when
        they change a common leaf or set a common fact (directly or through other tasks)."""
        parent = list(range(len(tasks)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[str, int] = {}
        for i, task in enumerate(tasks):
            effect = self._compiled[task.id]
            keys = [f"leaf:{c}" for c in effect.leaves]
            keys += [f"fact:{name}" for name, _ in effect.facts]
            keys += [f"leaf:{code}" for code, _ in effect.appraised]
            for key in keys:
                if key in owner:
                    parent[find(i)] = find(owner[key])
                else:
                    owner[key] = i
        grouped: dict[int, list[Task]] = {}
        for i, task in enumerate(tasks):
            grouped.setdefault(find(i), []).append(task)
        return list(grouped.values())

    def fold(
        self, tasks: Sequence[Task], chance: Callable[[Task], Weight], one: Weight
    ) -> dict[int, Weight]:
        """The exact distribution of the change to the total, in steps of :attr:`places`,
        when each task is done independently with probability ``chance(task)``.

        The tasks are folded in one at a time; identical states merge as they appear, and
        states are merged by their change only at the end (a later partial restore can
        still tell apart two states with equal points). Impossible outcomes (probability
        0) are left out.

        Args:
            tasks: the tasks, usually one group from :meth:`groups`.
            chance: each task's probability, as ``float`` or ``Decimal``.
            one: the probability 1 of that type.
        """
        states: dict[State, Weight] = {State(): one}
        for task in sorted(tasks, key=lambda t: self.order[t.id]):
            states = self._fold_in(states, task, chance(task), one)
        leaves = self.leaves(tasks)
        out: dict[int, Weight] = {}
        for state, weight in states.items():
            steps = to_steps(self.change(state, leaves), self.places)
            out[steps] = out.get(steps, one - one) + weight
        return out

    def _fold_in(
        self, states: Mapping[State, Weight], task: Task, p: Weight, one: Weight
    ) -> dict[State, Weight]:
        """One fold step: ``task`` done with probability ``p`` or not, equal states merged."""
        q = one - p
        folded: dict[State, Weight] = {}
        for state, weight in states.items():
            if q:
                folded[state] = folded.get(state, one - one) + weight * q
            if p:
                after = self._applied.get((state, task.id))
                if after is None:
                    after = self._applied[state, task.id] = self.apply(state, task)
                folded[after] = folded.get(after, one - one) + weight * p
        return folded

    def changes(self, tasks: Sequence[Task]) -> dict[int, float]:
        """The distribution of the change to the total (in steps, float probabilities) when
        each task is done with its probability: the groups folded and convolved. Each
        group's fold is remembered, so the timeline and the distribution share them."""
        total: dict[int, float] = {0: 1.0}
        for group in self.groups(tasks):
            total = convolve(total, self.group_changes(group))
        return total

    def group_changes(self, group: Sequence[Task]) -> dict[int, float]:
        """:meth:`fold` with float probabilities, remembered per set of tasks."""
        key = tuple(sorted(t.id for t in group))
        if key not in self._folds:
            self._folds[key] = self.fold(group, lambda t: float(t.probability), 1.0)
        return self._folds[key]


def partly_restored(top: Decimal, points: Decimal, kept: Fraction, decimals: int) -> Decimal:
    """A leaf's points when only ``kept`` of its lost points stay lost: rounded once, half
    up, at ``decimals``, never below ``points`` nor above ``top``.

    >>> partly_restored(Decimal("1.0"), Decimal("0.09"), Fraction(1, 2), 2)  # 0,545 → 0,55
    Decimal('0.55')
    """
    won = round_exact(Fraction(top) - kept * Fraction(top - points), decimals)
    return max(points, min(won, top))  # rounding up must not pass the maximum


def _step_places(rules: RuleSet) -> int:
    """The decimals of a step of the total: the rules' own, or a leaf maximum's if more."""
    leaves = (n.max for n in rules.nodes() if n.is_leaf)
    return max([rules.decimals, *(_places(top) for top in leaves)])


def _places(value: Decimal) -> int:
    """The decimals ``value`` needs: 2,75 → 2, 25 → 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def convolve(a: Mapping[int, float], b: Mapping[int, float]) -> dict[int, float]:
    """The distribution of ``x + y`` for independent ``x`` from ``a`` and ``y`` from ``b``
    (both in whole steps)."""
    out: dict[int, float] = {}
    for x, p in a.items():
        for y, q in b.items():
            out[x + y] = out.get(x + y, 0.0) + p * q
    return out


def mean_change(dist: Mapping[int, float], decimals: int) -> float:
    """The mean of a distribution in steps of ``decimals``, in points."""
    total: float = sum(steps * p for steps, p in dist.items())
    return total / float(10**decimals)
