"""What changed between two rule sets, node by node, and what the change does to one unit's
score.

:func:`diff_rules` compares the index, the facts, the criteria (added, removed, moved to a
new code, maximum, name, rule kind and each parameter) and the rating bands.
:func:`diff_scores` scores one unit's evidence under both (carried to the newer rules by
:func:`cchc_score.carry.carry_evidence`) and gives each node's change with its reasons.
Pure: no I/O; :mod:`cchc_score.report.diff` renders both.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from . import syntax
from .carry import Carried, carry_evidence
from .evaluation import Scorecard, evaluate
from .kinds import kind_of
from .model import Criterion, RuleSet

if TYPE_CHECKING:
    from collections.abc import Callable

    from .evidence import Evidence
    from .model import Rule
    from .numbers import Lang

__all__ = ["Change", "NodeDelta", "RulesDiff", "ScoreDiff", "diff_rules", "diff_scores"]

Subject = Literal["index", "fact", "criterion", "band"]
What = Literal["added", "removed", "moved", "renamed", "changed", "kind", "param"]

_INDEX_FIELDS = ("id", "name", "year", "max", "decimals")
_FACT_FIELDS = ("type", "label", "unit", "minimum", "maximum", "levels", "items", "better")
_CRITERION_FIELDS = ("max", "name")


@attrs.frozen
class Change:
    """One difference: ``subject`` ``name`` (a code, a fact's or band's name, an index key)
    was ``added``, ``removed``, ``moved`` (to the code ``name`` from ``old``), ``renamed``
    (a fact), or has a ``changed`` field ``key``, a rule of another ``kind``, or a rule
    parameter ``key`` (``param``) from ``old`` to ``new``."""

    subject: Subject
    name: str
    what: What
    key: str | None = None
    old: object = None
    new: object = None


@attrs.frozen
class RulesDiff:
    """Every change from ``old`` to ``new``, index first, then facts, criteria, bands."""

    old: RuleSet
    new: RuleSet
    changes: tuple[Change, ...]

    def of_node(self, code: str) -> tuple[Change, ...]:
        """The changes to the criterion ``code`` (under its newer code when it moved)."""
        return tuple(c for c in self.changes if c.subject == "criterion" and c.name == code)


@attrs.frozen
class NodeDelta:
    """One node's points under both rule sets (``None`` where it does not exist) and why
    they differ: its own changes, the evidence carried for it, the facts its rule reads."""

    code: str
    node: Criterion
    old: Decimal | None
    new: Decimal | None
    changes: tuple[Change, ...] = ()
    carried: tuple[Carried, ...] = ()

    @property
    def delta(self) -> Decimal:
        """New points minus old, a missing side counting 0."""
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@attrs.frozen
class ScoreDiff:
    """One unit scored under both rule sets, and every node whose points or rule changed."""

    rules: RulesDiff
    before: Scorecard
    after: Scorecard
    nodes: tuple[NodeDelta, ...]
    carried: tuple[Carried, ...]

    @property
    def delta(self) -> Decimal:
        """The change of the total."""
        return self.after.total - self.before.total


def diff_rules(old: RuleSet, new: RuleSet) -> RulesDiff:
    """Every change from ``old`` to ``new``.

    >>> from cchc_score import load_rules, loads_rules
    >>> old = load_rules("criteria_2022")
    >>> new = loads_rules('extends = "criteria_2022"\\n[[criteria]]\\ncode = "7.1.2"\\n'
    ...     'rule = { kind = "ratio", fact = "online_dossiers", of = "dossiers_total", '
    ...     'target = 0.6 }')
    >>> [(c.name, c.key, str(c.old), str(c.new)) for c in diff_rules(old, new).changes]
    [('7.1.2', 'target', '0.5', '0.6')]
    """
    changes: list[Change] = []
    for key in _INDEX_FIELDS:
        before, after = getattr(old, key), getattr(new, key)
        if before != after:
            changes.append(Change("index", key, "changed", key, before, after))
    changes += _facts(old, new)
    changes += _criteria(old, new, dict(new.renamed))
    changes += _bands(old, new)
    return RulesDiff(old, new, tuple(changes))


def _facts(old: RuleSet, new: RuleSet) -> list[Change]:
    out: list[Change] = []
    renamed = dict(new.renamed)
    for fact in old.facts:
        target = renamed.get(fact.name, fact.name)
        if not new.has_fact(target):
            out.append(Change("fact", fact.name, "removed"))
            continue
        if target != fact.name:
            out.append(Change("fact", target, "renamed", None, fact.name, target))
        after = new.fact(target)
        for key in _FACT_FIELDS:
            before_value, after_value = getattr(fact, key), getattr(after, key)
            if before_value != after_value:
                out.append(Change("fact", target, "changed", key, before_value, after_value))
    carried = {renamed.get(f.name, f.name) for f in old.facts}
    out += [Change("fact", f.name, "added") for f in new.facts if f.name not in carried]
    return out


def _criteria(old: RuleSet, new: RuleSet, renamed: dict[str, str]) -> list[Change]:
    out: list[Change] = []
    gone = [n for n in old.nodes() if not new.has_node(n.code)]
    came = [n for n in new.nodes() if not old.has_node(n.code)]
    moved: dict[str, Criterion] = {}
    for node in came:
        twin = next((g for g in gone if g.name == node.name and g.code not in moved), None)
        if twin is not None:
            moved[twin.code] = node
    moved_from = {node.code: code for code, node in moved.items()}
    for node in new.nodes():
        if node.code in moved_from:
            before = old.node(moved_from[node.code])
            out.append(Change("criterion", node.code, "moved", None, before.code, node.code))
        elif not old.has_node(node.code):
            out.append(Change("criterion", node.code, "added", None, None, node.max))
            continue
        else:
            before = old.node(node.code)
        out += _node_changes(before, node, renamed)
    out += [
        Change("criterion", n.code, "removed", None, n.max, None)
        for n in gone
        if n.code not in moved
    ]
    return out


def _node_changes(before: Criterion, after: Criterion, renamed: dict[str, str]) -> list[Change]:
    out = [
        Change("criterion", after.code, "changed", key, getattr(before, key), getattr(after, key))
        for key in _CRITERION_FIELDS
        if getattr(before, key) != getattr(after, key)
    ]
    if before.is_leaf != after.is_leaf or kind_of(before.rule) is not kind_of(after.rule):
        out.append(Change("criterion", after.code, "kind", None, before.rule.kind, after.rule.kind))
    elif after.is_leaf:
        old_params, new_params = _parameters(before.rule), _parameters(after.rule)
        for key in sorted(old_params.keys() | new_params.keys(), key=_param_order(new_params)):
            was, now = old_params.get(key), new_params.get(key)
            if (renamed.get(was, was) if isinstance(was, str) else was) != now:
                out.append(Change("criterion", after.code, "param", key, was, now))
    return out


def _param_order(params: dict[str, object]) -> Callable[[str], tuple[int, str]]:
    order = list(params)
    return lambda key: (order.index(key) if key in order else len(order), key)


def _parameters(rule: Rule) -> dict[str, object]:
    """A rule's parameters flattened: ``target``, ``points."cấp cơ sở"``, ``steps[1].min``."""
    out: dict[str, object] = {}
    counts: dict[str, int] = {}
    for header, values, array in kind_of(rule).dump(rule):
        prefix = header.removeprefix("criteria.rule").lstrip(".")
        if array:
            counts[prefix] = counts.get(prefix, -1) + 1
            prefix = f"{prefix}[{counts[prefix]}]"
        for key, value in values.items():
            if key != "kind":
                out[f"{prefix}.{syntax.key(key)}" if prefix else key] = value
    return out


def _bands(old: RuleSet, new: RuleSet) -> list[Change]:
    out: list[Change] = []
    for band in new.bands:
        before = next((b for b in old.bands if b.name == band.name), None)
        if before is None:
            out.append(Change("band", band.name, "added", None, None, band.min))
        elif before.min != band.min:
            out.append(Change("band", band.name, "changed", "min", before.min, band.min))
    names = {b.name for b in new.bands}
    out += [
        Change("band", b.name, "removed", None, b.min) for b in old.bands if b.name not in names
    ]
    return out


def diff_scores(old: RuleSet, new: RuleSet, evidence: Evidence, lang: Lang = "vi") -> ScoreDiff:
    """One unit's evidence (written for ``old``) scored under both rule sets.

    The evidence is scored as it is under ``old`` and carried to ``new``
    (:func:`~cchc_score.carry.carry_evidence`); every node whose points differ, or whose
    rule changed, is listed, in the newer tree's order, then the removed ones.

    Raises:
        EvidenceError: the evidence does not fit ``old``, or even carried not ``new``.
    """
    rules = diff_rules(old, new)
    before = evaluate(old, evidence)
    carried_evidence, carried = carry_evidence(evidence, old, new, lang)
    after = evaluate(new, carried_evidence)
    renamed = {c.new: c.old for c in rules.changes if c.what == "renamed"}
    nodes: list[NodeDelta] = []
    for node in new.nodes():
        was = rules.of_node(node.code)
        source = next((str(c.old) for c in was if c.what == "moved"), node.code)
        old_points = before.points_of(source) if old.has_node(source) else None
        new_points = after.points_of(node.code)
        steps = tuple(c for c in carried if c.name == node.code)
        if node.is_leaf and old.has_node(source):
            read = set(kind_of(node.rule).facts(node.rule))
            steps += tuple(c for c in carried if c.step == "renamed" and c.new in read)
            was += tuple(
                c
                for c in rules.changes
                if c.subject == "fact" and (c.name in read or renamed.get(c.name) in read)
            )
        if old_points != new_points or was or steps:
            nodes.append(NodeDelta(node.code, node, old_points, new_points, was, steps))
    for change in rules.changes:
        if change.subject == "criterion" and change.what == "removed":
            gone = old.node(change.name)
            nodes.append(NodeDelta(gone.code, gone, before.points_of(gone.code), None, (change,)))
    return ScoreDiff(rules, before, after, tuple(nodes), carried)
