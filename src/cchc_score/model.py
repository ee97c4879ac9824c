"""The rule set as frozen values: the criteria tree, declared facts, rule kinds, bands.

Everything here is immutable (frozen attrs classes holding tuples), hashable, and built
only by :mod:`cchc_score.io.rules` or by users in Python; nothing here reads files. The
rule kinds' data classes (:class:`Ratio`, :class:`Bands`, …) live with their kinds in
:mod:`cchc_score.kinds` and are re-exported here; :class:`Rule` is their common base.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from . import arguments, syntax
from .errors import Problem, RulesError
from .facts import Fact, FactType
from .kinds import (
    Appraised,
    Bands,
    Checklist,
    Deduction,
    Levels,
    Ratio,
    Rule,
    Step,
    Sum,
    fact_type_names,
    kind_named,
    kind_names,
    kind_of,
)
from .words import Phrase, pick, text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .numbers import Lang

T = TypeVar("T")

__all__ = [
    "CARRY_POLICIES",
    "FACT_TYPES",
    "MAX_LOOKS_BACK",
    "PROVENANCES",
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

#: Where a criterion's rule comes from: the province's decision, or inferred (assumed).
PROVENANCES: tuple[str, ...] = ("decision", "assumed")

#: The most years a criterion may look back (``looks_back``).
MAX_LOOKS_BACK = 5

#: How appraised points given under an earlier year's rules are carried to a criterion whose
#: maximum changed: rescaled by the share of the maximum (the default), kept as points
#: (capped at the new maximum), or refused (the points must be given again).
CARRY_POLICIES: tuple[str, ...] = ("share", "points", "refuse")

#: The built-in fact types' names; :func:`cchc_score.kinds.fact_type_names` also lists any
#: registered since.
FACT_TYPES: tuple[str, ...] = fact_type_names()


class _RuleKinds(Mapping[str, "type[Rule]"]):
    """The registered rule kinds' data classes by name, as the registry has them now."""

    def __getitem__(self, name: str) -> type[Rule]:
        return kind_named(name).rule_type

    def __iter__(self) -> Iterator[str]:
        return iter(kind_names())

    def __len__(self) -> int:
        return len(kind_names())

    def __repr__(self) -> str:
        return f"RULE_KINDS({dict(self)!r})"


#: Every registered rule kind's data class by name (a live view of :mod:`cchc_score.kinds`).
RULE_KINDS: Mapping[str, type[Rule]] = _RuleKinds()


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
    return kind_of(rule).facts(rule)


def _points(value: object, field: str) -> Decimal:
    return arguments.as_number(value, field, RulesError, decimals_as_given=True)


def _max(value: object) -> Decimal:
    return _points(value, "max")


def _min(value: object) -> Decimal:
    return _points(value, "min")


def _items(value: object, field: str, kind: type[T], expected: str | Phrase) -> tuple[T, ...]:
    """A list or tuple of ``kind`` as a tuple; :class:`RulesError` naming ``field`` else
    (``expected``: a class name, which is code, or a phrase)."""
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, kind) for v in value):
        raise arguments.fail(
            RulesError,
            field,
            "E-ARGUMENT-LIST",
            value,
            expected=expected,
        )
    return tuple(value)


def _children(value: object) -> tuple[Criterion, ...]:
    return _items(value, "children", Criterion, "Criterion")


def _domains(value: object) -> tuple[Criterion, ...]:
    return _items(value, "domains", Criterion, "Criterion")


def _facts(value: object) -> tuple[Fact, ...]:
    return _items(value, "facts", Fact, "Fact")


def _bands(value: object) -> tuple[Band, ...]:
    return _items(value, "bands", Band, "Band")


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    pairs = _items(value, "renamed", tuple, Phrase("argument.name_pairs", {}))
    if not all(len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs):
        raise arguments.fail(RulesError, "renamed", "E-ARGUMENT-NAME-PAIRS", value)
    return tuple((str(old), str(new)) for old, new in pairs)


@attrs.frozen
class Criterion:
    """A node of the index tree: a domain, a criterion or a sub-criterion.

    ``reference`` names the decision that defines the node where it is known; ``basis``
    says what was seen in a source document and what was assumed; ``provenance`` says
    whether the rule itself is the decision's or assumed, when the reference alone would
    not tell (see :attr:`rule_provenance`).
    """

    code: str
    name: str
    max: Decimal = attrs.field(converter=_max)
    rule: Rule
    children: tuple[Criterion, ...] = attrs.field(default=(), converter=_children)
    name_en: str | None = None
    reference: str | None = None
    basis: str | None = None
    provenance: str | None = None
    #: One of :data:`CARRY_POLICIES`; ``None`` is ``"share"``.
    carry: str | None = None
    #: How many years back the criterion looks: 1 for "ratings of the previous year", so
    #: that work done in a year counts in the next year's index, not that year's.
    looks_back: int = 0

    @property
    def rule_provenance(self) -> str | None:
        """``"decision"`` or ``"assumed"`` for a leaf scored by a rule from facts: as the
        file declares it, else ``"decision"`` when a ``reference`` is given and
        ``"assumed"`` when only a ``basis`` is. ``None`` for points entered (appraised) or
        added up (a sum): there is no rule of its own to attribute.
        """
        if self.children or not kind_of(self.rule).scored:
            return None
        if self.provenance is not None:
            return self.provenance
        return "decision" if self.reference is not None else "assumed"

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
    min: Decimal = attrs.field(converter=_min)
    name_en: str | None = None
    basis: str | None = None
    #: ``"decision"`` or ``"assumed"`` (one of :data:`PROVENANCES`); ``None``: not said.
    provenance: str | None = None

    def label(self, lang: Lang = "vi") -> str:
        """The band's name in ``lang`` (Vietnamese where no English name is given)."""
        return pick(self.name, self.name_en, lang)

    @property
    def code(self) -> str:
        """The band's language-independent key, from its Vietnamese name: ``"kha"`` for
        Khá, ``"trung_binh"`` for Trung bình (what JSON reports carry as ``rating.code``)."""
        return syntax.slug(self.name)

    def shown(self, lang: Lang = "vi") -> str:
        """The name as a report prints it: marked "(giả định)" / "(assumed)" when the rules
        say the band is assumed, so no one reads an inferred rating as the province's.

        >>> Band("Khá", 70, "Fair", provenance="assumed").shown("en")
        'Fair (assumed)'
        """
        name = self.label(lang)
        return text("band.assumed", lang, name=name) if self.provenance == "assumed" else name


@attrs.frozen
class RuleSet:
    """A whole index: metadata, declared facts, the criteria tree and the rating bands.

    ``domains`` are the roots of the tree; ``bands`` are ordered from the highest.
    """

    id: str
    name: str
    year: int
    max: Decimal = attrs.field(converter=_max)
    decimals: int
    facts: tuple[Fact, ...] = attrs.field(converter=_facts)
    domains: tuple[Criterion, ...] = attrs.field(converter=_domains)
    bands: tuple[Band, ...] = attrs.field(converter=_bands)
    name_en: str | None = None
    basis: str | None = None
    #: ``(old, new)`` fact names: evidence written for an earlier year that names ``old``
    #: means ``new`` (a rules file's ``[renamed]``).
    renamed: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    source: str | None = attrs.field(default=None, eq=False)
    #: What the loader found allowed but likely wrong (``W-…`` problems): the file loads.
    warnings: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)
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
