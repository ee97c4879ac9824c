"""Fact types in one place: what a declaration of each may say, the values it takes, how a
value is checked and typed, its lower bound, its JSON value, and how a sentence states it.

Adding a fact type is one :class:`FactType` subclass here and :func:`register_fact_type`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from ..numbers import NumberFormatError, format_number, format_percent, user_number
from ..words import pick, text

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..errors import ProblemList
    from ..facts import Fact, FactValue, RawValue
    from ..numbers import Lang

__all__ = [
    "BAD",
    "FactDeclaration",
    "FactType",
    "fact_type",
    "fact_type_named",
    "fact_type_names",
    "fact_types",
    "register_fact_type",
    "unregister_fact_type",
]

#: What a quick check (:meth:`FactType.quick`) returns for a value it cannot vouch for.
BAD: Any = object()


class FactDeclaration(Protocol):
    """A fact's declaration as read from a rules file, before it is checked."""

    @property
    def type(self) -> str: ...
    @property
    def min(self) -> Decimal | None: ...
    @property
    def max(self) -> Decimal | None: ...
    @property
    def levels(self) -> tuple[str, ...]: ...
    @property
    def items(self) -> tuple[str, ...]: ...
    @property
    def levels_en(self) -> tuple[str, ...]: ...
    @property
    def items_en(self) -> tuple[str, ...]: ...
    @property
    def label_en_one(self) -> str | None: ...


class FactType:
    """One type of fact. Subclass it and :func:`register_fact_type` an instance.

    Attributes:
        name: the ``type`` written in rules files.
        numeric: its values are numbers (rules compare, divide and deduct them).
        bounded: a declaration may give it ``min`` / ``max``.
        percent: its values are shares, entered and shown as percentages.
        names_key: the declaration's key listing the values it takes (``levels``,
            ``items``), with at least ``least_names`` entries; only this type takes it.
    """

    name: str
    numeric: bool = False
    bounded: bool = False
    percent: bool = False
    names_key: str | None = None
    least_names: int = 0

    # ----------------------------------------------------------------- declaration

    def check(self, decl: FactDeclaration, where: str, problems: ProblemList) -> None:
        """Record every problem of a declaration of this type at ``where`` (``fact "x"``)."""
        for key, bound in (("min", decl.min), ("max", decl.max)):
            if bound is None:
                continue
            if not self.bounded:
                takers = ", ".join(t.name for t in fact_types() if t.bounded)
                problems.add(f"{where}.{key}", "E-FACT-BOUNDS", takers=takers, type=self.name)
            else:
                self.check_bound(key, bound, where, problems)
        if decl.min is not None and decl.max is not None and decl.min > decl.max:
            problems.add(f"{where}.min", "E-FACT-MIN-ABOVE-MAX", decl.min, max=decl.max)
        for other in fact_types():
            if other.names_key is not None:
                other.check_names(getattr(decl, other.names_key), other is self, where, problems)
                other.check_english(decl, other is self, where, problems)
        if decl.label_en_one is not None and self.name != "count":
            problems.add(f"{where}.label_en_one", "E-FACT-ONE-ONLY-COUNT", type=self.name)

    def check_bound(self, key: str, bound: Decimal, where: str, problems: ProblemList) -> None:
        """Record a problem with a declared ``min`` or ``max`` (``key``) of this type."""

    def check_names(
        self, names: tuple[str, ...], wanted: bool, where: str, problems: ProblemList
    ) -> None:
        """Check the declaration's :attr:`names_key` list (``wanted``: it is of this type)."""
        where = f"{where}.{self.names_key}"
        if not wanted:
            if names:
                problems.add(where, "E-FACT-KEY-TYPE", type=self.name)
            return
        if len(names) < self.least_names:
            problems.add(
                where, "E-FACT-FEW-NAMES", list(names), type=self.name, least=self.least_names
            )
        seen: set[str] = set()
        for name in names:
            if name in seen:
                problems.add(where, "E-FACT-NAME-TWICE", name)
            seen.add(name)

    def check_english(
        self, decl: FactDeclaration, wanted: bool, where: str, problems: ProblemList
    ) -> None:
        """Check the English texts of the :attr:`names_key` list (``levels_en``,
        ``items_en``): as many as the list has, one for each, in its order."""
        key = f"{self.names_key}_en"
        english: tuple[str, ...] = getattr(decl, key, ())
        if not english:
            return
        if not wanted:
            problems.add(f"{where}.{key}", "E-FACT-ENGLISH-TYPE", type=self.name)
            return
        names = getattr(decl, self.names_key or "")
        if len(english) != len(names):
            problems.add(
                f"{where}.{key}",
                "E-FACT-ENGLISH-COUNT",
                list(english),
                n=len(names),
                key=self.names_key,
            )

    def lower_bound(self, fact: Fact) -> Decimal | None:
        """The smallest value the fact can take, where it is numeric."""
        return fact.minimum

    def upper_bound(self, fact: Fact) -> Decimal | None:
        """The largest value the fact can take, where it is numeric and bounded."""
        return fact.maximum

    # ----------------------------------------------------------------- values

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        """A fast check of a value already of the right Python type: the value, or
        :data:`BAD` for anything else (which :meth:`typed` then explains)."""
        raise NotImplementedError(self.name)

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        """The value checked against the declaration and typed; ``None`` after recording
        the problem at ``where``."""
        raise NotImplementedError(self.name)

    def json_value(self, value: FactValue) -> Any:
        """The value as JSON-ready data (decimals as ``Decimal``, written as JSON numbers;
        checklists as sorted lists)."""
        return value

    def show(self, value: Decimal | int, lang: Lang) -> str:
        """A number of this fact (a value or a threshold) as a sentence writes it."""
        return format_number(value, lang)

    def stated(self, fact: Fact, value: FactValue, lang: Lang) -> str:
        """The fact and its value as a phrase: "Tỷ lệ …: 91,3%"."""
        assert isinstance(value, (int, Decimal))
        return f"{label(fact, lang)}: {self.show(value, lang)}"


def label(fact: Fact, lang: Lang, count: int | None = None) -> str:
    """The fact's label in ``lang``; for a ``count`` of one in English, its singular
    ``label_en_one`` where the rules give it."""
    if count == 1 and lang == "en" and fact.label_en_one:
        return fact.label_en_one
    return pick(fact.label, fact.label_en, lang)


def value_name(fact: Fact, name: str, lang: Lang) -> str:
    """A level or a checklist item of ``fact`` in ``lang``: its English text from
    ``levels_en``/``items_en`` in English where the rules give one, else as written."""
    if lang == "en":
        for names, english in ((fact.levels, fact.levels_en), (fact.items, fact.items_en)):
            if name in names and english:
                return english[names.index(name)]
    return name


class _Number(FactType):
    name = "number"
    numeric = True
    bounded = True

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        low, high = self.lower_bound(fact), self.upper_bound(fact)

        def number(raw: RawValue) -> object:
            if type(raw) is not Decimal or not raw.is_finite():
                return BAD
            ok = (low is None or raw >= low) and (high is None or raw <= high)
            return raw if ok else BAD

        return number

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        return self.within(fact, raw, where, problems)

    def within(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> Decimal | None:
        """The raw value as a number within the declared bounds, or ``None``."""
        number = self.number(raw, where, problems)
        if number is None:
            return None
        low, high = self.lower_bound(fact), self.upper_bound(fact)
        if low is not None and number < low:
            problems.add(where, "E-FACT-BELOW-MIN", raw, min=low)
            return None
        if high is not None and number > high:
            problems.add(where, "E-FACT-ABOVE-MAX", raw, max=high)
            return None
        return number

    def number(self, raw: RawValue, where: str, problems: ProblemList) -> Decimal | None:
        """The raw value as an exact number (a TOML number or a numeric string)."""
        try:
            return user_number(
                raw, percent=self.percent, expected="E-FACT-NOT-NUMBER", fields={"type": self.name}
            )
        except NumberFormatError as exc:
            problems.add_error(where, exc)
            return None


class _Count(_Number):
    name = "count"

    def check_bound(self, key: str, bound: Decimal, where: str, problems: ProblemList) -> None:
        if bound < 0 or bound != bound.to_integral_value():
            problems.add(f"{where}.{key}", "E-COUNT-BOUND", bound)

    def lower_bound(self, fact: Fact) -> Decimal | None:
        return fact.minimum if fact.minimum is not None else Decimal(0)

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        low, high = self.lower_bound(fact), self.upper_bound(fact)

        def count(raw: RawValue) -> object:
            ok = type(raw) is int and (low is None or raw >= low) and (high is None or raw <= high)
            return raw if ok else BAD

        return count

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        number = self.within(fact, raw, where, problems)
        return None if number is None else int(number)

    def number(self, raw: RawValue, where: str, problems: ProblemList) -> Decimal | None:
        number = super().number(raw, where, problems)
        if number is not None and number != number.to_integral_value():
            problems.add(where, "E-COUNT-NOT-WHOLE", raw)
            return None
        return number

    def stated(self, fact: Fact, value: FactValue, lang: Lang) -> str:
        assert isinstance(value, int)
        return f"{value} {label(fact, lang, value)}"


class _Ratio(_Number):
    name = "ratio"
    bounded = False
    percent = True

    def lower_bound(self, fact: Fact) -> Decimal | None:
        return Decimal(0)

    def upper_bound(self, fact: Fact) -> Decimal | None:
        return Decimal(1)

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        number = self.number(raw, where, problems)
        if number is None:
            return None
        if not 0 <= number <= 1:
            problems.add(where, "E-RATIO-RANGE", raw)
            return None
        return number

    def show(self, value: Decimal | int, lang: Lang) -> str:
        return format_percent(Decimal(value), lang)


class _Level(FactType):
    name = "level"
    names_key = "levels"
    least_names = 2

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        levels = frozenset(fact.levels)
        return lambda raw: raw if type(raw) is str and raw in levels else BAD

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        if isinstance(raw, str) and raw in fact.levels:
            return raw
        levels = ", ".join(repr(level) for level in fact.levels)
        problems.add(where, "E-LEVEL-UNKNOWN", raw, expected=levels)
        return None

    def stated(self, fact: Fact, value: FactValue, lang: Lang) -> str:
        assert isinstance(value, str)
        return f"{label(fact, lang)}: “{value_name(fact, value, lang)}”"


class _Boolean(FactType):
    name = "boolean"

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        return lambda raw: raw if type(raw) is bool else BAD

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        if isinstance(raw, bool):
            return raw
        problems.add(where, "E-VALUE-NOT-BOOLEAN", raw)
        return None

    def stated(self, fact: Fact, value: FactValue, lang: Lang) -> str:
        return f"{label(fact, lang)}: {text('common.yes' if value else 'common.no', lang)}"


class _Checklist(FactType):
    name = "checklist"
    names_key = "items"
    least_names = 1

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        items = frozenset(fact.items)
        return lambda raw: raw if type(raw) is frozenset and raw <= items else BAD

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        if isinstance(raw, frozenset):
            raw = tuple(sorted(raw))
        if not isinstance(raw, tuple):
            problems.add(where, "E-CHECKLIST-NOT-ARRAY", raw)
            return None
        ok = True
        for item in raw:
            if item not in fact.items:
                items = ", ".join(repr(i) for i in fact.items)
                problems.add(where, "E-CHECKLIST-ITEM-UNKNOWN", item, expected=items)
                ok = False
        if len(set(raw)) != len(raw):
            problems.add(where, "E-CHECKLIST-ITEM-TWICE", list(raw))
            ok = False
        return frozenset(raw) if ok else None

    def json_value(self, value: FactValue) -> Any:
        assert isinstance(value, frozenset)
        return sorted(value)

    def stated(self, fact: Fact, value: FactValue, lang: Lang) -> str:
        assert isinstance(value, frozenset)
        shown = [value_name(fact, item, lang) for item in fact.items if item in value]
        return f"{label(fact, lang)}: {', '.join(shown)}"


_TYPES: dict[str, FactType] = {}


def register_fact_type(kind: FactType) -> FactType:
    """Add a fact type rules files may declare, and return it.

    Raises:
        ValueError: a type of that name is registered already.
    """
    if kind.name in _TYPES:
        raise ValueError(f"fact type {kind.name!r} is registered already")
    _TYPES[kind.name] = kind
    return kind


def unregister_fact_type(name: str) -> None:
    """Remove a fact type (for tests that register their own).

    Raises:
        KeyError: no type has this name.
    """
    del _TYPES[name]


def fact_type_named(name: str) -> FactType | None:
    """The registered fact type with this name, if any."""
    return _TYPES.get(name)


def fact_type(fact: Fact) -> FactType:
    """The type of a declared fact."""
    return _TYPES[fact.type]


def fact_type_names() -> tuple[str, ...]:
    """The names of the registered fact types, in the order they were registered."""
    return tuple(_TYPES)


def fact_types() -> tuple[FactType, ...]:
    """The registered fact types, in the order they were registered."""
    return tuple(_TYPES.values())


for _type in (_Count(), _Ratio(), _Number(), _Level(), _Boolean(), _Checklist()):
    register_fact_type(_type)
