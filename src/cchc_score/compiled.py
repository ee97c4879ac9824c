"""A rule set compiled once to a flat evaluation plan: the per-unit work of scoring many
units, and nothing else.

:func:`cchc_score.evaluate` checks evidence and keeps what explanations need; the plan does
only the arithmetic of its common case, for evidence that is plainly valid. The tree is a
list of slots, parents before children. A leaf's rounded points are an integer count of
the rule set's steps (0,01 at 2 decimals); a parent is the sum of its children's steps;
each number becomes a ``Decimal`` once, from one table shared by every unit (equal points
are one object). Each leaf's points are remembered by the values of the facts it reads
(bounded, :data:`REMEMBERED`), as its kind's scorer gave them: a scorer is a function of
those values, rounded once, so the same values give the same points.

What the plan cannot vouch for, it declines (``None``), and the caller takes the full path
with its diagnostics: a value of the wrong shape or out of its bounds, a fact missing,
appraised points missing, out of range or given for a criterion scored from facts
(observed points), a criterion not assessed, a note for an unknown code, facts a rule
cannot score together (a ratio's denominator of 0), or a parent whose children's points
pass its maximum (the full path caps it). So the plan's result, where it gives one, is
exactly :func:`~cchc_score.evaluate`'s: the property tests compare them on generated rule
sets and evidence.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import attrs

from .errors import ProblemList
from .evidence import typed_value
from .kinds import RuleKind, Scorer, fact_type, kind_of
from .kinds.facttypes import BAD
from .model import Criterion
from .numbers import rounder, within_bounds

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from .evidence import Evidence
    from .facts import FactValue, RawValue
    from .model import Band, RuleSet

__all__ = ["REMEMBERED", "FlatPlan", "Program", "Scored", "flat_plan", "program"]

#: The most points a leaf remembers, by the values of its facts (then it computes them).
REMEMBERED = 4096

#: A leaf scored from facts, as the plan keeps it (see ``FlatPlan.scored``).
Leaf = tuple[
    int,
    "Callable[[Mapping[str, Any]], Any]",
    "Scorer",
    "Callable[[Mapping[str, Any]], bool] | None",
    dict[Any, int],
]

#: A plan's result: every node's points (parents before children, as
#: :meth:`RuleSet.nodes` lists them), the total and the rating.
Scored = tuple[tuple[Decimal, ...], Decimal, "Band | None"]


class _Points(dict[int, Decimal]):
    """Steps → points at the rule set's decimals, each made once (and so shared)."""

    def __init__(self, places: int) -> None:
        super().__init__()
        self.places = places

    def __missing__(self, steps: int) -> Decimal:
        points = self[steps] = Decimal(steps).scaleb(-self.places)
        return points


@attrs.frozen
class Program:
    """The tree flattened for scoring, prepared once per rule set."""

    nodes: tuple[Criterion, ...]  # parents before children
    depths: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    scorers: tuple[Scorer | None, ...]
    #: The facts each node's rule reads, by code (empty for appraised and inner nodes).
    reads: dict[str, tuple[str, ...]]
    #: The leaves scored from facts: the ones whose points evidence may observe instead.
    observable: frozenset[str]
    domains: tuple[int, ...]
    index: dict[str, int]

    @classmethod
    def of(cls, rules: RuleSet) -> Program:
        nodes: list[Criterion] = []
        depths: list[int] = []

        def visit(node: Criterion, depth: int) -> None:
            nodes.append(node)
            depths.append(depth)
            for child in node.children:
                visit(child, depth + 1)

        for domain in rules.domains:
            visit(domain, 0)
        index = {node.code: i for i, node in enumerate(nodes)}
        scorers = tuple(_leaf_scorer(node, rules.decimals) for node in nodes)
        return cls(
            nodes=tuple(nodes),
            depths=tuple(depths),
            children=tuple(tuple(index[c.code] for c in node.children) for node in nodes),
            scorers=scorers,
            reads={node.code: kind_of(node.rule).facts(node.rule) for node in nodes},
            observable=frozenset(
                node.code for node, scorer in zip(nodes, scorers, strict=True) if scorer
            ),
            domains=tuple(i for i, depth in enumerate(depths) if depth == 0),
            index=index,
        )


def _leaf_scorer(node: Criterion, places: int) -> Scorer | None:
    """The leaf's prepared scorer, if its kind scores it (it is not appraised or summed)."""
    kind = kind_of(node.rule)
    if not node.is_leaf or not kind.scored:
        return None
    return kind.scorer(node.rule, node.max, places)


def program(rules: RuleSet) -> Program:
    """The rule set's tree flattened for scoring, prepared on first use and kept with it."""
    return rules.memo("evaluation.program", Program.of)


class FlatPlan:
    """A rule set compiled for scoring many units (:func:`flat_plan` keeps one per rule set).

    Its tables are filled as units are scored (the remembered points, the shared decimals);
    what it returns depends only on its arguments.
    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        places = self.places = rules.decimals
        self.points = _Points(places)
        self._round = rounder(places)
        tree = program(rules)
        nodes = tree.nodes
        self.size = len(nodes)
        self.converters: dict[str, Callable[[RawValue], object]] = {
            fact.name: fact_type(fact).quick(fact) for fact in rules.facts
        }
        self.codes = frozenset(tree.index)
        #: Appraised-kind leaves: code → (slot, maximum, steps remembered by points given).
        self.appraised: dict[str, tuple[int, Decimal, dict[Decimal, int]]] = {}
        #: Leaves scored from facts: (slot, their facts' values (one, or a tuple), scorer,
        #: whether values can be scored together (for kinds that say), steps remembered by
        #: those values). A leaf's values seen before were valid together then, and are now.
        self.scored: list[Leaf] = []
        self.usable = bool(tree.domains)
        for i, node in enumerate(nodes):
            kind = kind_of(node.rule)
            scorer = tree.scorers[i]
            if node.children:
                continue
            if kind.appraised:
                self.appraised[node.code] = (i, node.max, {})
            elif scorer is not None:
                reads = tree.reads[node.code]
                joint = type(kind).values_ok is not RuleKind.values_ok
                ok = partial(kind.values_ok, node.rule) if joint else None
                key_of = itemgetter(*reads) if reads else _no_facts
                self.scored.append((i, key_of, scorer, ok, {}))
            else:  # a leaf of a kind for inner nodes: the full path says what it makes of it
                self.usable = False
        # Parents last to first: each sums children already summed. A parent's points pass
        # its maximum only on rules that skipped the loader's checks; there the plan
        # declines and the full path caps them. ``cap`` is the most steps that stay within
        # the maximum (the maximum need not be on the grid of steps).
        scale = Decimal(10) ** places
        self.inner = [
            (i, _getter(tree.children[i]), _cap(node.max, scale))
            for i, node in reversed(list(enumerate(nodes)))
            if node.children
        ]
        self.domains = _getter(tree.domains)
        self.cap = _cap(rules.max, scale)
        self.ratings: dict[int, Band | None] = {}
        #: Values of a file's shape typed, by fact and (type, value).
        self.shaped: dict[str, dict[tuple[type, RawValue], Any]] = {}

    # ------------------------------------------------------------------ checking

    def typed(self, evidence: Evidence) -> dict[str, FactValue] | None:
        """The evidence's facts typed, as the evidence check types them, when the evidence
        is plainly valid for the plan; ``None`` when in any doubt.

        A value the quick check does not take (a file's shapes: a list of items, "91,3%", a
        ratio written as an integer) is typed by the full check's own function, once per
        value and fact (the quick check gives the same values as that function for what
        it takes), and its typed value remembered by the value's type and value.
        """
        if evidence.not_assessed:
            return None
        codes, converters = self.codes, self.converters
        if any(code not in codes for code, _ in evidence.notes):
            return None
        if any(name not in converters for name in evidence.estimated):
            return None
        typed: dict[str, Any] = {}
        for name, raw in evidence.facts:
            convert = converters.get(name)
            if convert is None:
                return None
            value = convert(raw)
            if value is BAD:
                value = self._shaped(name, raw)
                if value is BAD:
                    return None
            typed[name] = value
        return typed

    def _shaped(self, name: str, raw: RawValue) -> Any:
        """A value of a file's shape typed by the full check (``BAD`` if it has a problem)."""
        remembered = self.shaped.setdefault(name, {})
        key = (type(raw), raw)  # True == 1, but a flag is not a number
        value = remembered.get(key, BAD)
        if value is BAD:
            problems = ProblemList(None)
            value = typed_value(self.rules.fact(name), raw, "", problems)
            if problems:
                return BAD
            if len(remembered) < REMEMBERED:
                remembered[key] = value
        return value

    # ------------------------------------------------------------------ scoring

    def score(self, values: Mapping[str, Any], appraised: Mapping[str, Decimal]) -> Scored | None:
        """Every node's points, the total and the rating, from facts already typed and
        appraised points; ``None`` when the plan cannot vouch for the result.

        Args:
            values: the facts, typed (:meth:`typed`, or a table's cells read by their
                facts' quick checks); declared facts only.
            appraised: the appraised points, by code.
        """
        if len(appraised) != len(self.appraised) or not self.usable:
            return None
        steps = [0] * self.size
        known = self.appraised
        for code, given in appraised.items():
            found = known.get(code)
            if found is None:
                return None
            slot, top, remembered = found
            count = remembered.get(given)
            if count is None:
                if not 0 <= given <= top:
                    return None
                count = self._steps(self._round(given))
                if count is None:
                    return None
                if len(remembered) < REMEMBERED:
                    remembered[given] = count
            steps[slot] = count
        try:
            for i, key_of, scorer, ok, remembered in self.scored:
                key = key_of(values)
                count = remembered.get(key)
                if count is None:
                    if ok is not None and not ok(values):
                        return None
                    count = self._steps(scorer(values))
                    if count is None:
                        return None
                    if len(remembered) < REMEMBERED:
                        remembered[key] = count
                steps[i] = count
        except KeyError:  # a fact a leaf reads is missing
            return None
        for i, children, cap in self.inner:
            total = sum(children(steps))
            if total > cap:
                return None
            steps[i] = total
        total = sum(self.domains(steps))
        if total > self.cap:
            return None
        try:
            rating = self.ratings[total]
        except KeyError:
            rating = self.ratings[total] = self.rules.rating_for(self.points[total])
        points = self.points
        return tuple(map(points.__getitem__, steps)), points[total], rating

    def _steps(self, points: Decimal) -> int | None:
        """Rounded points as a count of steps; ``None`` when they are not a whole count at
        the rule set's decimals, written with exactly those decimals (a kind that did not
        round as it should: the full path shows what it gave)."""
        if not within_bounds(points) or points.as_tuple().exponent != -self.places:
            return None
        count = int(points.scaleb(self.places))
        return count if count >= 0 else None


def _no_facts(values: Mapping[str, Any]) -> tuple[()]:
    return ()


def _getter(slots: tuple[int, ...]) -> Callable[[list[int]], tuple[int, ...]]:
    """The steps at ``slots``, as a tuple (itemgetter gives one item bare, and needs one)."""
    if len(slots) > 1:
        return itemgetter(*slots)
    return lambda steps: tuple(steps[i] for i in slots)


def _cap(top: Decimal, scale: Decimal) -> int:
    """The most steps within ``top``: for a whole number of steps ``s``, ``s > top`` exactly
    when ``s`` passes this."""
    return int((top * scale).to_integral_value(rounding=ROUND_FLOOR))


def flat_plan(rules: RuleSet) -> FlatPlan:
    """The rule set's flat plan, compiled on first use and kept with it."""
    return rules.memo("compiled.plan", FlatPlan)
