"""A results table's rows as units: their numbers read, each cell checked on its own.

What one row says about itself is checked here, as its cells are read: a number that cannot
be read, an empty cell where one is due, a value below zero or above its maximum, a total
that is not the sum of its components, a percentage that does not follow from the points
and the maximum. Checks across rows (ranks, order, ratings, duplicates) are
:mod:`cchc_score.results`'. Lines of text among the rows are group headings or, when they
count units by rating ("Tốt: 3; Khá: 5"), summary lines. Pure: no I/O.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from .io.results import ResultRow
from .numbers import NumberFormatError, parse_number, round_points, round_quotient
from .result_bands import RatingScale, fold

if TYPE_CHECKING:
    from .io.results import ResultColumn, ResultsTable
    from .model import RuleSet

    #: The component columns, each with its maximum where one is known.
    Components = list[tuple[ResultColumn, Decimal | None]]

__all__ = [
    "Summary",
    "Unit",
    "group_units",
    "percent_of",
    "places",
    "ratio",
    "read_units",
    "summary_counts",
]

#: Adds a finding: (kind, row, unit, column, stated, computed, extra=...).
Add = Callable[..., None]

_ROMAN = re.compile(r"^(?P<code>[IVX]+)(?:[.:)\s-]|$)")
_COUNT = re.compile(r"(?P<name>[^\W\d_][^:;,=\d]*?)\s*[:=]\s*(?P<n>\d+)")
#: Why a number cannot be read, by the parser's problem code: the finding message's variant.
_WHY = {
    "E-NUMBER-AMBIGUOUS": "ambiguous",
    "E-NUMBER-TOO-LARGE": "bounds",
    "E-NUMBER-TOO-LARGE-INT": "bounds",
    "E-NUMBER-TOO-LONG": "bounds",
}
#: The longest cell a finding quotes whole.
_SHOWN = 40
#: Decimal places of a percentage computed for rating on percentages (none is stated).
_PERCENT_PLACES = 12


@attrs.frozen
class Unit:
    """A unit's row, its numbers read (``None`` where a cell is empty or unreadable).

    ``max`` is the row's maximum (its own "max" cell, else the table's), ``group`` its group
    (the group column's cell, else the group heading above it, else ``""``).
    """

    line: int
    name: str
    unit_title: str
    group: str
    total: Decimal | None
    max: Decimal | None
    percent: Decimal | None
    rank: int | None
    rating: str


@attrs.frozen
class Summary:
    """A summary line: its row and each (rating, count) it states."""

    row: ResultRow
    counts: tuple[tuple[str, int], ...]


def ratio(points: Decimal, maximum: Decimal, decimals: int) -> Decimal:
    """``points`` as a percentage of ``maximum``, rounded once, half up, to ``decimals``:
    exactly (a tie is decided on the exact value).

    >>> ratio(Decimal("23.56"), Decimal(26), 2), ratio(Decimal("-1"), Decimal(8), 1)
    (Decimal('90.62'), Decimal('-12.5'))
    """
    value = round_quotient(abs(points) * 100, maximum, decimals)
    return value if points >= 0 else -value


def percent_of(unit: Unit) -> Decimal | None:
    """The percentage a rating on percentages reads: the row's own, else its points over its
    maximum (to :data:`_PERCENT_PLACES` places); ``None`` when neither is known."""
    if unit.percent is not None:
        return unit.percent
    if unit.total is None or unit.max is None or unit.max <= 0:
        return None
    return ratio(unit.total, unit.max, _PERCENT_PLACES)


def places(value: Decimal) -> int:
    """The decimal places a number is written with.

    >>> places(Decimal("86.71")), places(Decimal("90")), places(Decimal("1E+1"))
    (2, 0, 0)
    """
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _component_max(column: ResultColumn, rules: RuleSet | None) -> Decimal | None:
    if column.max is not None or rules is None:
        return column.max
    match = _ROMAN.match(column.title)
    if match is not None and rules.has_node(match["code"]):
        return rules.node(match["code"]).max
    return None


def _table_max(
    table: ResultsTable, rules: RuleSet | None, given: Decimal | None, components: Components
) -> Decimal | None:
    """The totals' maximum: given, from the total's header, the rules', the components'."""
    total = table.first("total")
    if given is not None:
        return given
    if total is not None and total.max is not None:
        return total.max
    if rules is not None:
        return rules.max
    return _sum_of_maxima(components)


def _sum_of_maxima(components: Components) -> Decimal | None:
    """The components' maxima added up, when every component has one."""
    maxima = [m for _, m in components if m is not None]
    if not components or len(maxima) < len(components):
        return None
    return sum(maxima, Decimal(0))


class _Reader:
    """Reads one row's cells, reporting each cell's problem through ``add``."""

    def __init__(self, row: ResultRow, name: str, add: Add) -> None:
        self.row, self.name, self.add = row, name, add

    def number(
        self, column: ResultColumn, *, percent: bool = False, required: bool = True
    ) -> Decimal | None:
        text = self.row.cell(column.index)
        if not text:
            if required:
                self.add("empty_cell", self.row.line, self.name, column.title)
            return None
        try:
            value = parse_number(text, allow_percent=percent)
        except NumberFormatError as exc:
            # "1,234": a thousands separator or a decimal comma? Said so, never guessed.
            variant = _WHY.get(exc.code, "")
            extra = (("variant", variant),) if variant else ()
            shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
            self.add(
                "unreadable_number", self.row.line, self.name, column.title, shown, extra=extra
            )
            return None
        return value.scaleb(2) if percent and text.rstrip().endswith("%") else value

    def bounded(self, column: ResultColumn, value: Decimal | None, top: Decimal | None) -> None:
        if value is None:
            return
        if value < 0:
            self.add("below_zero", self.row.line, self.name, column.title, value, Decimal(0))
        elif top is not None and value > top:
            self.add("above_max", self.row.line, self.name, column.title, value, top)


def read_units(
    table: ResultsTable,
    rules: RuleSet | None,
    given_max: Decimal | None,
    scale: RatingScale | None,
    add: Add,
) -> tuple[list[Unit], list[Summary], set[str | None]]:
    """The table's units, its summary lines, and the groups with a row that cannot be read
    (``None``: a group not known), each cell's problems reported through ``add`` (broken
    rows too: they are findings, and the other rows are still read)."""
    columns = {kind: table.first(kind) for kind in ("unit", "total", "max", "percent")}
    columns |= {kind: table.first(kind) for kind in ("rank", "rating", "group")}
    unit_column, total_column = columns["unit"], columns["total"]
    assert unit_column is not None
    assert total_column is not None
    components = [(c, _component_max(c, rules)) for c in table.components]
    table_max = _table_max(table, rules, given_max, components)
    maxima = _known_maxima(table, table_max, components)
    known = _known_ratings(table, scale)
    units: list[Unit] = []
    summaries: list[Summary] = []
    broken: set[str | None] = set()
    heading = ""
    for row in table.rows:
        if row.kind == "broken":
            _broken(table, row, add)
            if columns["group"] is None:
                broken.add(heading)
            else:
                broken.add(row.cell(columns["group"].index) if row.cells else None)
            continue
        if row.kind == "text":
            counts = _counts(row.text(), known)
            if counts:
                summaries.append(Summary(row, counts))
            elif columns["group"] is None:
                heading = row.text()
            continue
        name = row.cell(unit_column.index)
        read = _Reader(row, name, add)
        if not name:
            add("empty_cell", row.line, "", unit_column.title, extra=(("variant", "name"),))
        values = []
        for column, top in components:
            value = read.number(column)
            read.bounded(column, value, top)
            values.append(value)
        own_max = read.number(columns["max"], required=False) if columns["max"] else None
        row_max = own_max if own_max is not None and own_max > 0 else table_max
        total = read.number(total_column)
        read.bounded(total_column, total, row_max)
        if total is not None and values and None not in values:
            _sum(row, name, total_column, total, values, add)
        percent = read.number(columns["percent"], percent=True) if columns["percent"] else None
        percent_column = columns["percent"]
        if percent_column and percent is not None and total is not None and row_max and row_max > 0:
            _percent(row, name, percent_column, total, row_max, percent, maxima, add)
        rank = None
        if columns["rank"] is not None:
            number = read.number(columns["rank"])
            if number is not None and (number != number.to_integral_value() or number < 1):
                add("unreadable_number", row.line, name, columns["rank"].title, str(number))
            elif number is not None:
                rank = int(number)
        rating = ""
        if columns["rating"] is not None:
            rating = row.cell(columns["rating"].index)
            if not rating:
                add("empty_cell", row.line, name, columns["rating"].title, extra=_RATING)
        group = row.cell(columns["group"].index) if columns["group"] else heading
        units.append(
            Unit(
                row.line,
                name,
                unit_column.title,
                group,
                total,
                row_max,
                percent,
                rank,
                rating,
            )
        )
    return units, summaries, broken


_RATING = (("variant", "rating"),)


def _broken(table: ResultsTable, row: ResultRow, add: Add) -> None:
    hint = ""
    if row.broken == "cells" and table.separator == ",":
        hint = "comma"
    extra = (
        ("variant", row.broken + ("_" + hint if hint else "")),
        ("detail", row.detail),
        ("columns", len(table.columns)),
        ("header", table.header_line),
    )
    unit = table.first("unit")
    name = row.cell(unit.index) if unit is not None else ""
    add("unreadable_row", row.line, name, "", extra=extra)


def _sum(
    row: ResultRow,
    name: str,
    column: ResultColumn,
    total: Decimal,
    values: list[Decimal | None],
    add: Add,
) -> None:
    exact = sum((v for v in values if v is not None), Decimal(0))
    due = places(total)
    compared = round_points(exact, due) if places(exact) > due else exact
    if compared != total:
        add("total_not_sum", row.line, name, column.title, total, exact)


def _percent(
    row: ResultRow,
    name: str,
    column: ResultColumn,
    total: Decimal,
    maximum: Decimal,
    stated: Decimal,
    maxima: list[Decimal],
    add: Add,
) -> None:
    due = places(stated)
    computed = ratio(total, maximum, due)
    if computed == stated:
        return
    extra: tuple[tuple[str, Decimal | str], ...] = (("points", total), ("max", maximum))
    if stated > 0:
        guess = Fraction(total) * 100 / Fraction(stated)
        derived = [Decimal(round(guess)), Decimal(round(guess * 2)) / 2]
        for other in [*maxima, *derived]:
            if other > 0 and other != maximum and ratio(total, other, due) == stated:
                extra += (("alt", other), ("variant", "alt"))
                break
    add("percent_mismatch", row.line, name, column.title, stated, computed, extra=extra)


def _known_maxima(
    table: ResultsTable, table_max: Decimal | None, components: Components
) -> list[Decimal]:
    """Every maximum the table or the arguments state: the alternatives a percentage is
    tried against when it does not follow from its own row's."""
    found: list[Decimal] = [] if table_max is None else [table_max]
    column = table.first("max")
    if column is not None:
        for row in table.rows:
            if row.kind == "unit":
                with contextlib.suppress(NumberFormatError):
                    found.append(parse_number(row.cell(column.index)))
    total = _sum_of_maxima(components)
    if total is not None:
        found.append(total)
    return sorted(set(found))


def _known_ratings(table: ResultsTable, scale: RatingScale | None) -> dict[str, str]:
    """Every rating name a summary line may count: the bands' and the table's own."""
    names = {fold(b.name): b.name for b in scale.bands} if scale is not None else {}
    column = table.first("rating")
    if column is not None:
        for row in table.rows:
            cell = row.cell(column.index) if row.kind == "unit" else ""
            if cell:
                names.setdefault(fold(cell), cell)
    return names


def _counts(text: str, known: dict[str, str]) -> tuple[tuple[str, int], ...]:
    """The (rating, count) pairs a line of text states: "Tốt: 3; Khá: 5" (a known rating's
    name, a colon, a number; words before the name are allowed: "xếp loại Tốt: 3")."""
    found = []
    for match in _COUNT.finditer(text):
        words = fold(match["name"]).split(" ")
        for start in range(len(words)):
            name = " ".join(words[start:])
            if name in known:
                found.append((known[name], int(match["n"])))
                break
    return tuple(found)


def group_units(units: list[Unit]) -> list[list[Unit]]:
    """The units by group, in the table's order (one group when there is none)."""
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        groups.setdefault(unit.group, []).append(unit)
    return list(groups.values())


def summary_counts(
    summary: Summary, units: list[Unit], scale: RatingScale | None, rated: bool
) -> list[tuple[str, int, int]]:
    """Each (rating, count stated, count in the table) of a summary line: the units whose
    stated rating it is (``rated``: the table has a rating column), else whose band by
    ``scale`` it is."""
    counted: dict[str, int] = {}
    for unit in units:
        if rated:
            name = unit.rating
        elif scale is not None and unit.total is not None:
            value = unit.total if scale.on == "points" else percent_of(unit)
            band = None if value is None else scale.rating(value)
            name = "" if band is None else band.name
        else:
            name = ""
        if name:
            counted[fold(name)] = counted.get(fold(name), 0) + 1
    return [(name, stated, counted.get(fold(name), 0)) for name, stated in summary.counts]
