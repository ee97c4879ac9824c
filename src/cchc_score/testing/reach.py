"""The invariants of a rules file that need no random draw: ``reachable`` (every criterion
scored from facts attains its maximum and its least points) and ``no_dead_input`` (every
declared fact changes some score), each walked over every combination of the edge values
(:mod:`.edges`) of the facts a criterion reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..evidence import Evidence
from ..kinds import kind_of
from ..numbers import round_points
from ..words import default_lang, text
from .edges import denominators, edges
from .errors import InvariantError, describe

if TYPE_CHECKING:
    from decimal import Decimal

    from ..model import Criterion, RuleSet

__all__ = ["check_no_dead_input", "check_reachable", "leaf_table"]

#: The places ``no_dead_input`` compares points at: finer than any rule set rounds to.
_FINE = 8


def leaf_table(
    rules: RuleSet, node: Criterion, places: int | None = None
) -> list[tuple[dict[str, Any], Decimal]]:
    """Every combination of edge values of the facts leaf ``node`` reads (denominators
    first, each numerator at most its denominator), with the points the leaf scores,
    rounded to ``places`` (default: the rule set's decimals)."""
    kind = kind_of(node.rule)
    over = denominators(rules)
    names = sorted(kind.facts(node.rule), key=lambda name: name in over)
    combos: list[dict[str, Any]] = [{}]
    for name in names:
        fact = rules.fact(name)
        combos = [{**c, name: v} for c in combos for v in edges(rules, fact, c)]
    score = kind.scorer(node.rule, node.max, rules.decimals if places is None else places)
    return [(c, score(c)) for c in combos if kind.values_ok(node.rule, c)]


def _base(rules: RuleSet) -> dict[str, Any]:
    """A value for every fact (its first edge value), numerators within denominators."""
    values: dict[str, Any] = {}
    over = denominators(rules)
    for fact in sorted(rules.facts, key=lambda f: f.name in over):
        values[fact.name] = edges(rules, fact, values)[0]
    return values


def _evidence(rules: RuleSet, base: dict[str, Any], values: dict[str, Any]) -> Evidence:
    return Evidence("Đơn vị thử", rules.year, facts={**base, **values})


def check_reachable(rules: RuleSet) -> None:
    """Check ``reachable``: each leaf scored from facts reaches its maximum and the least
    points its rule names, on some combination of its facts' edge values.

    Raises:
        InvariantError: naming the criterion, the evidence that came closest and its points.
    """
    lang, base = default_lang(), _base(rules)
    for node in rules.nodes():
        kind = kind_of(node.rule)
        if not node.is_leaf or not kind.scored or not kind.facts(node.rule):
            continue
        table = leaf_table(rules, node)
        if not table:
            continue  # no valid combination: the loader reports what makes it so
        top, floor = (round_points(p, rules.decimals) for p in (node.max, kind.least(node.rule)))
        best, best_points = max(table, key=lambda row: row[1])
        worst, worst_points = min(table, key=lambda row: row[1])
        if best_points < top:
            message = text(
                "invariant.reachable.max",
                lang,
                code=node.code,
                kind=kind.name,
                top=top,
                best=best_points,
                evidence=describe(best),
            )
            raise InvariantError(
                "reachable",
                message,
                criterion=node.code,
                evidence=(_evidence(rules, base, best),),
                points=(best_points,),
            )
        if worst_points > floor:
            message = text(
                "invariant.reachable.min",
                lang,
                code=node.code,
                kind=kind.name,
                floor=floor,
                least=worst_points,
                evidence=describe(worst),
            )
            raise InvariantError(
                "reachable",
                message,
                criterion=node.code,
                evidence=(_evidence(rules, base, worst),),
                points=(worst_points,),
            )


def check_no_dead_input(rules: RuleSet) -> None:
    """Check ``no_dead_input``: each declared fact changes the points of some criterion
    reading it, with its other facts held (on their edge values).

    Raises:
        InvariantError: naming the fact and two of its values that score the same.
    """
    lang, base = default_lang(), _base(rules)
    readers: dict[str, list[Criterion]] = {}
    for node in rules.nodes():
        if node.is_leaf and kind_of(node.rule).scored:
            for name in kind_of(node.rule).facts(node.rule):
                readers.setdefault(name, []).append(node)
    for fact in rules.facts:
        if any(_moves(rules, node, fact.name) for node in readers.get(fact.name, ())):
            continue
        values = edges(rules, fact, base)
        first, second = values[0], values[-1]
        message = text(
            "invariant.dead_input",
            lang,
            fact=fact.name,
            first=describe({fact.name: first}),
            second=describe({fact.name: second}),
        )
        raise InvariantError(
            "no_dead_input",
            message,
            criterion=None,
            evidence=(
                _evidence(rules, base, {fact.name: first}),
                _evidence(rules, base, {fact.name: second}),
            ),
        )


def _moves(rules: RuleSet, node: Criterion, name: str) -> bool:
    """Whether ``name`` changes the leaf's points with its other facts held, before they
    are rounded to the rule set's step (coarse rounding may hide it on the edge values)."""
    seen: dict[tuple[Any, ...], Decimal] = {}
    for values, points in leaf_table(rules, node, _FINE):
        others = tuple(sorted((k, str(v)) for k, v in values.items() if k != name))
        if seen.setdefault(others, points) != points:
            return True
    return False
