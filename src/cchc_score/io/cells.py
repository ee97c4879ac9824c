"""A table's cells as values: cleaned, typed by the fact their column names, and a whole
row read the quick way (:class:`PlainRows`) for :func:`.table.read_table`'s quick path.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from ..compiled import REMEMBERED
from ..kinds import fact_type
from ..kinds.facttypes import BAD
from ..numbers import NumberFormatError, parse_number, within_bounds

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..facts import RawValue
    from ..model import Fact

__all__ = ["ITEM_SEPARATOR", "NONE_DONE", "PlainRows", "clean", "fact_value"]

#: A checklist cell saying that no item was done (an empty cell means "not given").
NONE_DONE = "-"
ITEM_SEPARATOR = ";"


def clean(cell: str) -> str:
    """A cell's text without surrounding spaces, in NFC."""
    return unicodedata.normalize("NFC", cell.strip())


def fact_value(fact: Fact, value: str) -> tuple[RawValue, RawValue]:
    """A cell as a fact value: (typed for the fast check, as written for the messages).

    A cell that does not read as its type is passed on as written, so that the evidence
    check reports it with the same words as for an evidence file.
    """
    kind = fact.type
    if kind in ("count", "ratio", "number"):
        try:
            number = parse_number(value, allow_percent=kind == "ratio")
        except NumberFormatError:
            return value, value
        if kind != "count":
            return number, value
        return (int(number), value) if number == number.to_integral_value() else (value, value)
    if kind == "boolean":
        folded = value.casefold()
        flag = {"true": True, "false": False}.get(folded)
        return (value, value) if flag is None else (flag, flag)
    if kind == "checklist":
        if value == NONE_DONE:
            return frozenset(), ()
        items = tuple(i for i in (clean(p) for p in value.split(ITEM_SEPARATOR)) if i)
        return (items if len(set(items)) != len(items) else frozenset(items)), items
    return value, value


_ABSENT: Any = object()
_UNSEEN: Any = object()


class PlainRows:
    """A table's rows read the quick way, by its header's columns: each cell's text to its
    typed value (remembered per column, :data:`~cchc_score.compiled.REMEMBERED` texts), or
    the row declined when any cell needs the full path.

    Args:
        columns: each column's kind (``unit``, ``year``, ``rules``, ``fact``,
            ``appraised``, ``not_assessed``, ``notes`` or ``blank``), the fact or code it
            names, and the fact for a fact column.
        memory: the texts seen before and how they read, by column kind and name: kept with
            the rule set (how a cell reads depends on its fact alone), so that the tables
            of one batch share them.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, str, Fact | None]],
        memory: dict[tuple[str, str], dict[str, Any]] | None = None,
    ) -> None:
        self.width = len(columns)
        self.unit_at = next(i for i, (kind, _, _) in enumerate(columns) if kind == "unit")
        # Facts in the order of their names: the order a scorecard lists them in.
        order = sorted(
            range(len(columns)), key=lambda at: (columns[at][0] != "fact", columns[at][1])
        )
        known = {} if memory is None else memory
        self.readers: list[tuple[int, str, str, Callable[[str], Any], dict[str, Any]]] = [
            (at, kind, name, _reader(kind, fact), known.setdefault((kind, name), {}))
            for at, (kind, name, fact) in ((at, columns[at]) for at in order)
            if kind not in ("unit", "rules")
        ]
        # The common row, read by look-ups alone: facts and appraised points whose texts
        # were seen before (only good values are remembered), a year, nothing else.
        by_kind: dict[str, list[tuple[int, str, dict[str, Any]]]] = {}
        for at, kind, name, _, seen in self.readers:
            by_kind.setdefault(kind, []).append((at, name, seen))
        facts, appraised = by_kind.pop("fact", []), by_kind.pop("appraised", [])
        years = by_kind.pop("year", [])
        self.fact_names = [name for _, name, _ in facts]
        self.fact_seen = [seen for _, _, seen in facts]
        self.fact_cells = _cells([at for at, _, _ in facts])
        self.appraised_names = [name for _, name, _ in appraised]
        self.appraised_seen = [seen for _, _, seen in appraised]
        self.appraised_cells = _cells([at for at, _, _ in appraised])
        self.year = years[0] if years else None
        self.empty = [at for listed in by_kind.values() for at, _, _ in listed]

    def row(
        self, cells: Sequence[str]
    ) -> (
        tuple[str, int | None, dict[str, Any], dict[str, Decimal], tuple[tuple[str, str], ...]]
        | None
    ):
        """The row as (unit, year, facts, appraised points, notes), or ``None`` when a cell
        needs the full path (or the row has the wrong number of cells, or no unit)."""
        if len(cells) != self.width:
            return None
        unit = clean(cells[self.unit_at])
        if not unit:
            return None
        try:
            facts = dict(
                zip(
                    self.fact_names, map(_LOOK, self.fact_seen, self.fact_cells(cells)), strict=True
                )
            )
            appraised = dict(
                zip(
                    self.appraised_names,
                    map(_LOOK, self.appraised_seen, self.appraised_cells(cells)),
                    strict=True,
                )
            )
            year = None if self.year is None else self.year[2][cells[self.year[0]]]
        except KeyError:  # a text not seen before (or not good): cell by cell
            return self._slowly(unit, cells)
        for at in self.empty:
            if cells[at] and clean(cells[at]):
                return self._slowly(unit, cells)
        return unit, year, facts, appraised, ()

    def _slowly(
        self, unit: str, cells: Sequence[str]
    ) -> (
        tuple[str, int | None, dict[str, Any], dict[str, Decimal], tuple[tuple[str, str], ...]]
        | None
    ):
        year = None
        facts: dict[str, Any] = {}
        appraised: dict[str, Decimal] = {}
        notes: list[tuple[str, str]] = []
        for at, kind, name, read, seen in self.readers:
            cell = cells[at]
            value = seen.get(cell, _UNSEEN)
            if value is not _UNSEEN:
                if kind == "year":
                    year = value
                elif kind == "fact":
                    facts[name] = value
                else:
                    appraised[name] = value
                continue
            value = read(cell)
            if value is BAD:
                return None
            if kind == "year":
                year = None if value is _ABSENT else value
            elif value is _ABSENT:
                continue
            elif kind == "fact":
                facts[name] = value
            elif kind == "appraised":
                appraised[name] = value
            else:
                notes.append((name, value))
                continue
            if len(seen) < REMEMBERED:
                seen[cell] = year if kind == "year" else value
        return unit, year, facts, appraised, tuple(sorted(notes))


_LOOK = dict.__getitem__


def _cells(at: list[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """The cells at these places, as a tuple (itemgetter gives one item bare)."""
    if len(at) > 1:
        return itemgetter(*at)
    return lambda cells: tuple(cells[i] for i in at)


def _reader(kind: str, fact: Fact | None) -> Callable[[str], Any]:
    """How a column's cell reads the quick way: its value, ``_ABSENT`` for an empty cell,
    ``BAD`` for anything the full path must look at."""
    check = None if fact is None else fact_type(fact).quick(fact)

    def read(cell: str) -> Any:
        value = clean(cell)
        if not value:
            return _ABSENT
        if fact is not None and check is not None:
            typed = check(fact_value(fact, value)[0])
            numeric = isinstance(typed, (int, Decimal)) and not isinstance(typed, bool)
            return BAD if numeric and not within_bounds(typed) else typed
        if kind == "appraised":
            try:
                points = parse_number(value)
            except NumberFormatError:
                return BAD
            return points if within_bounds(points) else BAD
        if kind == "year":
            plain = value.isascii() and value.isdigit() and len(value) <= _YEAR_DIGITS
            return int(value) if plain else BAD
        if kind == "notes":
            return value
        return BAD  # a value not assessed, or under a blank header

    return read


#: The most digits of a year the quick path reads (longer ones take the full path).
_YEAR_DIGITS = 9
