"""The rule set as frozen values: the criteria tree, declared facts, rule kinds, bands.

Everything here is immutable (frozen attrs classes holding tuples), hashable, and built
only by :mod:`cchc_score.loading` or by users in Python; nothing here reads files.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

T = TypeVar("T")

__all__ = [
    "FACT_TYPES",
    "RULE_KINDS",
    "Appraised",
    "Band",
    "Bands",
    "Checklist",
    "Criterion",
    "Deduction",
    "Fact",
    "FactType",
    "Levels",
    "Ratio",
    "Rule",
    "RuleSet",
    "Step",
    "Sum",
]

FactType = Literal["count", "ratio", "number", "level", "boolean", "checklist"]
Better = Literal["higher", "lower", "none"]
FACT_TYPES: tuple[str, ...] = ("count", "ratio", "number", "level", "boolean", "checklist")


@attrs.frozen
class Fact:
    """A named input declared by the rules file, checked before anything is scored.

    ``levels`` (for ``level`` facts) are listed worst first; ``items`` (for ``checklist``
    facts) are the things that can be done. ``better`` says which way is better for the
    unit; ``minimum``/``maximum`` bound ``count`` and ``number`` facts (a ``ratio`` is
    always within 0 and 1).
    """

    name: str
    type: FactType
    label: str
    label_en: str | None = None
    unit: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    levels: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    better: Better = "higher"

    @property
    def lower_bound(self) -> Decimal | None:
        """The smallest value the fact can take, where it is numeric."""
        if self.type == "ratio":
            return Decimal(0)
        if self.type == "count":
            return self.minimum if self.minimum is not None else Decimal(0)
        return self.minimum


@attrs.frozen
class Ratio:
    """``max × value ÷ target``, capped at ``max``; 0 below ``min_ratio``.

    ``value`` is the fact itself, or ``fact ÷ of`` when ``of`` names a denominator.
    """

    fact: str
    of: str | None = None
    target: Decimal = Decimal(1)
    min_ratio: Decimal | None = None
    kind: Literal["ratio"] = "ratio"


@attrs.frozen
class Step:
    """One step of a ``bands`` rule: ``points`` when the value is at least ``min``."""

    min: Decimal
    points: Decimal


@attrs.frozen
class Bands:
    """A step function over a number: the first step whose ``min`` the value reaches."""

    fact: str
    steps: tuple[Step, ...]
    kind: Literal["bands"] = "bands"


@attrs.frozen
class Deduction:
    """``max − each × count``, never below ``min_points``."""

    fact: str
    each: Decimal
    min_points: Decimal = Decimal(0)
    kind: Literal["deduction"] = "deduction"


@attrs.frozen
class Levels:
    """Points for each level of a categorical fact (``"true"``/``"false"`` for booleans)."""

    fact: str
    points: tuple[tuple[str, Decimal], ...]
    kind: Literal["levels"] = "levels"


@attrs.frozen
class Checklist:
    """The points of every item done, out of the items the rule lists."""

    fact: str
    items: tuple[tuple[str, Decimal], ...]
    kind: Literal["checklist"] = "checklist"


@attrs.frozen
class Appraised:
    """Points entered directly (a survey result, the appraisal team's judgement)."""

    kind: Literal["appraised"] = "appraised"


@attrs.frozen
class Sum:
    """An inner node: the sum of its children, capped at its maximum."""

    kind: Literal["sum"] = "sum"


Rule = Union[Ratio, Bands, Deduction, Levels, Checklist, Appraised, Sum]
RULE_KINDS: dict[str, type[Rule]] = {
    "ratio": Ratio,
    "bands": Bands,
    "deduction": Deduction,
    "levels": Levels,
    "checklist": Checklist,
    "appraised": Appraised,
    "sum": Sum,
}


def roman(number: int) -> str:
    """A positive integer in roman numerals, as domain codes are written: 7 → "VII"."""
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def parent_code(code: str) -> str:
    """The parent a dotted code implies: "7.1.2" → "7.1", "1.2" → "I" (its domain)."""
    head, _, _ = code.rpartition(".")
    return roman(int(head)) if "." not in head else head


def rule_facts(rule: Rule) -> tuple[str, ...]:
    """The facts a rule reads, in the order it reads them."""
    if isinstance(rule, Ratio):
        return (rule.fact,) if rule.of is None else (rule.fact, rule.of)
    if isinstance(rule, (Bands, Deduction, Levels, Checklist)):
        return (rule.fact,)
    return ()


@attrs.frozen
class Criterion:
    """A node of the index tree: a domain, a criterion or a sub-criterion.

    ``reference`` names the decision that defines the node where it is known; ``basis``
    says what was seen in a source document and what was assumed.
    """

    code: str
    name: str
    max: Decimal
    rule: Rule
    children: tuple[Criterion, ...] = ()
    name_en: str | None = None
    reference: str | None = None
    basis: str | None = None

    @property
    def is_leaf(self) -> bool:
        """Whether the node is scored by its own rule rather than by its children."""
        return not self.children

    def walk(self) -> Iterator[Criterion]:
        """This node and every node under it, parents before children."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class Band:
    """A rating band (xếp loại): totals of at least ``min`` get this ``name``."""

    name: str
    min: Decimal
    name_en: str | None = None
    basis: str | None = None

    def label(self, lang: str = "vi") -> str:
        """The band's name in ``lang`` (Vietnamese where no English name is given)."""
        return self.name_en if lang == "en" and self.name_en else self.name


@attrs.frozen
class RuleSet:
    """A whole index: metadata, declared facts, the criteria tree and the rating bands.

    ``domains`` are the roots of the tree; ``bands`` are ordered from the highest.
    """

    id: str
    name: str
    year: int
    max: Decimal
    decimals: int
    facts: tuple[Fact, ...]
    domains: tuple[Criterion, ...]
    bands: tuple[Band, ...]
    name_en: str | None = None
    basis: str | None = None
    source: str | None = attrs.field(default=None, eq=False)
    _by_code: dict[str, Criterion] = attrs.field(init=False, repr=False, eq=False)
    _facts_by_name: dict[str, Fact] = attrs.field(init=False, repr=False, eq=False)
    #: Derived tables other modules compute once per rule set (see ``memo``).
    _memo: dict[str, Any] = attrs.field(init=False, repr=False, eq=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        # Private indexes derived from the tuples; never exposed, so the value stays immutable.
        by_code = {node.code: node for domain in self.domains for node in domain.walk()}
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_facts_by_name", {f.name: f for f in self.facts})

    def memo(self, key: str, build: Callable[[RuleSet], T]) -> T:
        """A value derived from this rule set, built on first use and kept with it.

        The rule set is immutable, so anything computed from it stays valid; evaluation
        uses this to prepare its scorers once rather than for every unit.
        """
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self)
        return value

    def nodes(self) -> Iterator[Criterion]:
        """Every node of the tree, each domain followed by everything under it."""
        for domain in self.domains:
            yield from domain.walk()

    def node(self, code: str) -> Criterion:
        """The node with this code.

        Raises:
            KeyError: no node has this code.
        """
        return self._by_code[code]

    def has_node(self, code: str) -> bool:
        """Whether a node with this code exists."""
        return code in self._by_code

    def fact(self, name: str) -> Fact:
        """The declared fact with this name.

        Raises:
            KeyError: no fact has this name.
        """
        return self._facts_by_name[name]

    def has_fact(self, name: str) -> bool:
        """Whether a fact with this name is declared."""
        return name in self._facts_by_name

    def band(self, name: str) -> Band | None:
        """The rating band with this name (Vietnamese or English), if any."""
        return next((b for b in self.bands if name in (b.name, b.name_en)), None)

    def rating_for(self, total: Decimal) -> Band | None:
        """The band a total falls in (the first, from the highest, whose ``min`` it reaches)."""
        for band in self.bands:
            if total >= band.min:
                return band
        return None
