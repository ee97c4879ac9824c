"""The plug-in point for rule kinds: the base of every rule's data, the interface a kind
implements, and the registry the loader, the evaluation and the reports look kinds up in.

A kind is one object: its data class, the facts it reads and of which types, the checks
its parameters must pass, how it scores, how it explains its points, and how it is written
as JSON and as TOML. Adding a kind is writing one such object and registering it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import attrs

from ..numbers import format_points
from ..words import text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..errors import ProblemList
    from ..facts import Fact, FactValue
    from ..numbers import Lang

__all__ = [
    "EXACT",
    "Rule",
    "RuleKind",
    "Scorer",
    "Table",
    "direction_of",
    "kind_named",
    "kind_names",
    "kind_of",
    "number",
    "points_in_range",
    "points_phrase",
    "reach_max",
    "reach_min",
    "register",
    "rule_kinds",
    "unregister",
]

#: A prepared scoring function: checked fact values → the rounded points of one criterion.
Scorer = Callable[[Mapping[str, "FactValue"]], Decimal]
#: One TOML table of a dumped rule: (header, keys and values, whether an array of tables).
Table = tuple[str, dict[str, Any], bool]


#: Sums, differences and products of decimals are exact in this context, whatever their size
#: and whatever the caller's own decimal context says.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


class Rule:
    """The base of every rule's parameters: a frozen attrs class with a ``kind`` field
    naming its registered :class:`RuleKind`.

    ``Criterion.rule`` holds any such value; :func:`kind_of` finds what it means.
    """

    __slots__ = ()
    kind: str
    if TYPE_CHECKING:
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]


R = TypeVar("R", bound=Rule)


class RuleKind(Generic[R]):
    """What one rule kind knows about its rules. Subclass it, set the class attributes,
    override what the kind does differently, and :func:`register` an instance.

    Attributes:
        name: the ``kind`` written in rules files (and the data class's ``kind`` default).
        rule_type: the frozen attrs class holding a rule's parameters.
        fact_types: for each key of the rule naming a fact (``fact``, ``of``), the fact
            types it may name.
        appraised: its points are entered directly (evidence ``[appraised]``).
        inner: it scores a node with sub-criteria (the ``sum`` of its children); every
            other kind scores a leaf.
        steers: its points follow the value of the fact it reads in one direction or
            another (bands, levels, deduction), so a fact declared ``better = "none"`` that
            it reads is worth a warning: the monotone invariant skips such a fact.
    """

    name: str
    rule_type: type[R]
    fact_types: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    appraised: bool = False
    inner: bool = False
    steers: bool = False

    @property
    def scored(self) -> bool:
        """Whether a leaf of this kind is scored by its :meth:`scorer` (from the facts it
        reads, if any), rather than entered (``appraised``) or added up (``inner``)."""
        return not (self.appraised or self.inner)

    def reads(self, rule: R) -> tuple[tuple[str, str], ...]:
        """``(key, fact name)`` for every fact the rule reads, in the order it reads them."""
        out = []
        for key in self.fact_types:
            name = getattr(rule, key)
            if name is not None:
                out.append((key, name))
        return tuple(out)

    def facts(self, rule: R) -> tuple[str, ...]:
        """The facts the rule reads, in the order it reads them."""
        return tuple(name for _, name in self.reads(rule))

    def check(
        self, rule: R, top: Decimal, where: str, facts: Mapping[str, Fact], problems: ProblemList
    ) -> None:
        """Record every problem of the rule's parameters for a criterion of maximum ``top``.

        Called once every fact the rule reads is declared with an allowed type; ``where``
        is the rule's place (``criterion "5.1".rule``).
        """

    def directions(self, rule: R, facts: Mapping[str, Fact]) -> tuple[tuple[str, str], ...]:
        """``(key, direction)`` for each fact the rule reads whose direction its table fixes:
        ``"higher"`` (more points for a higher value, or a later level), ``"lower"``,
        ``"mixed"`` (up and down) or ``"flat"``. The loader compares them with the facts'
        declared ``better``; called only on a rule that passed :meth:`check`."""
        return ()

    def least(self, rule: R) -> Decimal:
        """The fewest points the rule's table names (0 unless the kind says otherwise): the
        minimum the loader proves reachable and the ``reachable`` invariant looks for."""
        return Decimal(0)

    def scorer(self, rule: R, top: Decimal, places: int) -> Scorer:
        """A function scoring the rule for a criterion of maximum ``top``: checked fact
        values → points, computed exactly and rounded once, half up, to ``places``.

        Prepared once per rule set, so that the per-unit work is only the arithmetic.
        """
        raise TypeError(f"{self.name} rules are not scored from facts")

    def values_ok(self, rule: R, values: Mapping[str, FactValue]) -> bool:
        """Whether checked fact values can be scored together (e.g. a ratio's denominator
        is not 0); :meth:`check_values` says why not."""
        return True

    def check_values(
        self, rule: R, code: str, values: Mapping[str, FactValue], problems: ProblemList
    ) -> None:
        """Record why checked fact values cannot be scored together by criterion ``code``."""

    def explain(
        self,
        rule: R,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        """One sentence saying how a criterion of maximum ``top`` got ``points``.

        ``inputs`` are the facts the rule read with their values; ``parts`` the children's
        points, for an inner node.
        """
        raise NotImplementedError(self.name)

    def to_json(self, rule: R) -> dict[str, Any]:
        """The rule's kind and parameters as JSON-ready data (decimals as ``Decimal``, which
        JSON reports write as numbers in their exact text)."""
        return {"kind": self.name, **dict(self._scalars(rule))}

    def dump(self, rule: R) -> tuple[Table, ...]:
        """The rule as TOML tables under its ``[[criteria]]`` entry, read back equal."""
        return (("criteria.rule", {"kind": self.name, **dict(self._scalars(rule))}, False),)

    def _scalars(self, rule: R) -> Iterator[tuple[str, Any]]:
        """The rule's parameters that are single values (not tables), omitting unset ones."""
        for field in attrs.fields(type(rule)):
            value = getattr(rule, field.name)
            if field.name != "kind" and value is not None and not isinstance(value, tuple):
                yield field.name, value


def points_phrase(points: Decimal, lang: Lang) -> str:
    """Points for the end of an explanation: "0,95 điểm", "1 point"."""
    word = text("kind.point" if points == 1 else "kind.points", lang)
    return f"{format_points(points, lang)} {word}"


def points_in_range(points: Decimal, top: Decimal, where: str, problems: ProblemList) -> None:
    """Record a problem if a rule's ``points`` are below 0 or above the maximum ``top``."""
    if points < 0:
        problems.add(where, "E-RULE-BELOW-ZERO", points)
    elif points > top:
        problems.add(where, "E-RULE-ABOVE-MAX", points, max=top)


def reach_max(best: Decimal, top: Decimal, where: str, problems: ProblemList) -> None:
    """Record a problem if the ``best`` points a rule can give fall short of its maximum."""
    if best < top:
        problems.add(where, "E-RULES-MAX-UNREACHABLE", best, top=top, best=best)


def reach_min(least: Decimal, floor: Decimal, where: str, problems: ProblemList) -> None:
    """Record a problem if the ``least`` points a rule can give stay above its ``floor``."""
    if least > floor:
        problems.add(where, "E-RULES-MIN-UNREACHABLE", least, floor=floor, least=least)


def direction_of(points: Sequence[Decimal]) -> str:
    """The direction of points listed for ever higher values: ``"higher"``, ``"lower"``,
    ``"mixed"`` or ``"flat"``.

    >>> from decimal import Decimal as D
    >>> [direction_of([D(a), D(b), D(c)]) for a, b, c in ("012", "210", "101", "111")]
    ['higher', 'lower', 'mixed', 'flat']
    """
    pairs = list(pairwise(points))
    up, down = any(b > a for a, b in pairs), any(b < a for a, b in pairs)
    return "mixed" if up and down else "higher" if up else "lower" if down else "flat"


def number(value: FactValue) -> Decimal | int:
    """A checked numeric fact value (evidence is checked before it is scored)."""
    if isinstance(value, (frozenset, str)):  # pragma: no cover - evidence is checked first
        raise TypeError(f"expected a number, got {value!r}")
    return value


_KINDS: dict[str, RuleKind[Any]] = {}
_BY_TYPE: dict[type[Any], RuleKind[Any]] = {}


def register(kind: RuleKind[R]) -> RuleKind[R]:
    """Add a rule kind to the closed vocabulary rules files may use, and return it.

    Raises:
        ValueError: a kind of that name, or for that data class, is registered already.
    """
    if kind.name in _KINDS or kind.rule_type in _BY_TYPE:
        raise ValueError(f"rule kind {kind.name!r} is registered already")
    default = attrs.fields_dict(kind.rule_type).get("kind")
    if default is None or default.default != kind.name:
        raise ValueError(f"{kind.rule_type.__name__} needs a field kind = {kind.name!r}")
    _KINDS[kind.name] = kind
    _BY_TYPE[kind.rule_type] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a rule kind (for tests that register their own).

    Raises:
        KeyError: no kind has this name.
    """
    kind = _KINDS.pop(name)
    del _BY_TYPE[kind.rule_type]


def kind_named(name: str) -> RuleKind[Any]:
    """The registered kind with this name.

    Raises:
        KeyError: no kind has this name.
    """
    return _KINDS[name]


def kind_of(rule: Rule) -> RuleKind[Any]:
    """The registered kind of a rule's data.

    Raises:
        KeyError: the rule's class is not a registered kind's.
    """
    return _BY_TYPE[type(rule)]


def kind_names() -> tuple[str, ...]:
    """The names of the registered kinds, in the order they were registered."""
    return tuple(_KINDS)


def rule_kinds() -> tuple[RuleKind[Any], ...]:
    """The registered kinds, in the order they were registered."""
    return tuple(_KINDS.values())
