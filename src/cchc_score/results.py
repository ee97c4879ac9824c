"""Checking a published results table: sums, maxima, percentages, ranks, order, ratings.

:func:`check_results` reads a results table (:mod:`cchc_score.io.results`) and returns one
:class:`ResultFinding` per disagreement, each naming the row (its line), the unit, the
column and both numbers; :func:`check_table` is the pure part, on a table already read.
A row that cannot be read is a finding and the others are still checked. Numbers are exact
decimals, compared in the table's own decimals.

Finding kinds (all errors):

``unreadable_row``
    a row that cannot be split into the header's columns (too many cells, broken quoting,
    bytes that are not UTF-8).
``unreadable_number`` / ``empty_cell``
    a number that cannot be read; an empty cell where a number (or a unit, a rating) is due.
``duplicate_unit``
    a unit listed twice (names compared in lower case, spaces collapsed).
``total_not_sum``
    a total that is not the sum of the row's components (the sum rounded half up to the
    total's decimals when the components have more).
``above_max`` / ``below_zero``
    a component or a total above its maximum (when one is known) or below zero.
``percent_mismatch``
    a percentage that does not follow from the points and the maximum (rounded half up to
    the percentage's decimals), with the maximum it does follow from when one fits.
``rank_mismatch``
    a rank that is not the competition rank of the total in its group (ties share a rank:
    1, 2, 2, 4).
``out_of_order``
    in a list ordered by total (declared, or detected when at least 90% of its adjacent
    pairs are), a row above one with more (or, ascending, fewer) points.
``unknown_rating`` / ``rating_mismatch``
    a rating that is not a band's name; a rating that is not the band of the total (or of
    the percentage, for bands on percentages).
``rating_count_mismatch``
    a summary line's count of units with a rating that is not the table's count.
"""

from __future__ import annotations

import itertools
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import arguments, words
from .errors import ArgumentError, Problem
from .io.results import ResultsTable, read_results
from .io.rules import load_rules
from .model import RuleSet
from .numbers import format_number, round_points
from .result_bands import RatingScale, parse_bands, rules_scale
from .results_rows import Unit, group_units, percent_of, read_units, summary_counts

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .numbers import Lang

__all__ = [
    "RESULT_KINDS",
    "Order",
    "ResultFinding",
    "check_results",
    "check_table",
]

Order = Literal["desc", "asc", "none"]

#: Every finding kind (all are errors: the table says something its own numbers deny).
RESULT_KINDS: tuple[str, ...] = (
    "unreadable_row",
    "unreadable_number",
    "empty_cell",
    "duplicate_unit",
    "total_not_sum",
    "above_max",
    "below_zero",
    "percent_mismatch",
    "rank_mismatch",
    "out_of_order",
    "unknown_rating",
    "rating_mismatch",
    "rating_count_mismatch",
)

#: The share of adjacent pairs in order from which a list counts as ordered.
ORDERED_SHARE = Decimal("0.9")


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, Decimal):
        return format_number(value, lang)
    return str(value)


@attrs.frozen
class ResultFinding:
    """One disagreement in a results table.

    Attributes:
        severity: ``"error"`` (every kind is one).
        kind: one of :data:`RESULT_KINDS` (see the module docstring).
        row: the row's line in the file (the sheet's row number in a workbook).
        unit: the unit's name ("" for a row that is not a unit's).
        column: the column's header as written.
        stated: what the table says (a number, or a text such as a rating).
        computed: what it should be, from the table's other numbers.
        extra: further values the message names (the other row of a pair, the maximum a
            percentage follows from), as (name, value) pairs.
    """

    kind: str
    row: int
    unit: str
    column: str
    stated: Decimal | str | None = None
    computed: Decimal | str | None = None
    extra: tuple[tuple[str, Decimal | str | int], ...] = ()
    severity: Literal["error", "warning"] = "error"

    def message(self, lang: Lang = "vi") -> str:
        """One sentence naming the row, the unit, the column and both numbers.

        >>> f = ResultFinding("total_not_sum", 7, "Xã B", "Tổng điểm", Decimal("86.71"),
        ...                   Decimal("86.70"))
        >>> f.message("en")
        "Xã B (line 7), column 'Tổng điểm': the total 86.71 is not the sum of the components, 86.70"
        >>> f.message("vi")
        "Xã B (dòng 7), cột 'Tổng điểm': tổng điểm 86,71 khác tổng các thành phần là 86,70"
        """
        place = words.text(
            "results.where_unit" if self.unit else "results.where_row",
            lang,
            unit=self.unit,
            row=self.row,
        )
        if self.column:
            place += words.text("results.where_column", lang, column=repr(self.column))
        return f"{place}: {self.detail(lang)}"

    def detail(self, lang: Lang = "vi") -> str:
        """What is wrong, without the place (a report's table shows the place in columns)."""
        fields = {key: _shown(value, lang) for key, value in self.extra if key != "variant"}
        variant = dict(self.extra).get("variant")
        return words.text(
            f"results.{self.kind}" + (f"_{variant}" if variant else ""),
            lang,
            stated=_shown(self.stated, lang),
            computed=_shown(self.computed, lang),
            **fields,
        )


def check_results(
    rows_or_path: str | os.PathLike[str] | Iterable[Sequence[object]],
    *,
    rules: RuleSet | str | None = None,
    max: Decimal | int | str | None = None,  # the option's name
    bands: str | RatingScale | None = None,
    order: Order | None = None,
) -> tuple[ResultFinding, ...]:
    """Check a results table: a file (CSV, TSV, ``.xlsx``) or rows given in Python.

    Args:
        rows_or_path: a path, or rows (sequences of cells, text or numbers), the header row
            among the first ones.
        rules: a rule set (or a bundled name or rules file): its maximum for the totals, its
            domains' maxima for components headed by a domain's numeral ("I. …"), its rating
            bands (on points) unless ``bands`` is given.
        max: the totals' maximum; else the total column's header ("Tổng điểm (100)"), else
            the rules', else the sum of the components' maxima when every one has one. A
            "max" column gives each row its own.
        bands: rating bands, ``"Tốt>=90;Khá>=80;Trung bình>=70;Yếu"`` (with ``%`` on the
            percentage) or a :class:`~cchc_score.result_bands.RatingScale`.
        order: ``"desc"`` or ``"asc"`` when the list is declared ordered by total,
            ``"none"`` to check no order; by default ordered when 90% of it is.

    Returns:
        The findings, in the table's order (by row, then kind).

    Raises:
        ResultsError: the table cannot be read as a whole (see :func:`read_results`).
        ArgumentError: an argument of the wrong kind or value.

    >>> rows = [["Đơn vị", "Tổng điểm", "Xếp hạng"], ["Xã A", "90,5", 1], ["Xã B", "88", 3]]
    >>> [f.message("en") for f in check_results(rows)]
    ["Xã B (line 3), column 'Xếp hạng': the rank 3 does not follow from the totals: 2"]
    """
    if isinstance(rules, (str, os.PathLike)):
        rules = load_rules(os.fspath(rules))
    if rules is not None:
        rules = arguments.instance(rules, RuleSet, "rules", "argument.rules_or_name")
    scale: RatingScale | None
    if isinstance(bands, str):
        scale = parse_bands(bands)
    elif bands is None:
        scale = rules_scale(rules) if rules is not None and rules.bands else None
    else:
        scale = arguments.instance(bands, RatingScale, "bands", "argument.rating_scale")
    total_max = None if max is None else arguments.as_number(max, "max")
    if total_max is not None and total_max <= 0:
        raise ArgumentError([Problem(None, "max", "E-RULES-NOT-POSITIVE", total_max)])
    if order not in (None, "desc", "asc", "none"):
        raise ArgumentError([Problem(None, "order", "E-RESULTS-ORDER", order)])
    table = read_results(rows_or_path)
    return check_table(table, rules=rules, total_max=total_max, scale=scale, order=order)


def check_table(
    table: ResultsTable,
    *,
    rules: RuleSet | None = None,
    total_max: Decimal | None = None,
    scale: RatingScale | None = None,
    order: Order | None = None,
) -> tuple[ResultFinding, ...]:
    """The checks of :func:`check_results` on a table already read: pure, no I/O."""
    found: list[ResultFinding] = []

    def add(*args: Any, **kwargs: Any) -> None:
        found.append(ResultFinding(*args, **kwargs))

    units, summaries, broken = read_units(table, rules, total_max, scale, add)
    _duplicates(units, found)
    for group in group_units(units):
        if group[0].group not in broken and None not in broken:
            # A row that cannot be read would shift every rank below it.
            _ranks(table, group, found)
        if order != "none":
            _order(table, group, order, found)
    if scale is not None:
        _ratings(table, units, scale, found)
    rated = table.first("rating") is not None
    for summary in summaries:
        for name, stated, counted in summary_counts(summary, units, scale, rated):
            if stated != counted:
                found.append(
                    ResultFinding(
                        "rating_count_mismatch",
                        summary.row.line,
                        "",
                        "",
                        Decimal(stated),
                        Decimal(counted),
                        # English says "1 unit is rated", "2 units are rated"
                        extra=(("rating", name), *((("variant", "one"),) if stated == 1 else ())),
                    )
                )
    kinds = {kind: place for place, kind in enumerate(RESULT_KINDS)}
    return tuple(sorted(found, key=lambda f: (f.row, kinds[f.kind])))


def _duplicates(units: list[Unit], found: list[ResultFinding]) -> None:
    first: dict[str, Unit] = {}
    for unit in units:
        key = " ".join(unit.name.casefold().split())
        if not key:
            continue
        if key in first:
            other = first[key]
            found.append(
                ResultFinding(
                    "duplicate_unit",
                    unit.line,
                    unit.name,
                    unit.unit_title,
                    extra=(("other", other.line),),
                )
            )
        else:
            first[key] = unit


def _ranks(table: ResultsTable, group: list[Unit], found: list[ResultFinding]) -> None:
    column = table.first("rank")
    if column is None or any(u.total is None for u in group):
        return  # a total that cannot be read would shift every rank below it, too
    totals = sorted((u.total for u in group if u.total is not None), reverse=True)
    place: dict[Decimal, int] = {}
    for position, total in enumerate(totals, start=1):
        place.setdefault(total, position)
    for unit in group:
        if unit.rank is not None and unit.total is not None and unit.rank != place[unit.total]:
            found.append(
                ResultFinding(
                    "rank_mismatch",
                    unit.line,
                    unit.name,
                    column.title,
                    Decimal(unit.rank),
                    Decimal(place[unit.total]),
                )
            )


def _order(
    table: ResultsTable, group: list[Unit], order: Order | None, found: list[ResultFinding]
) -> None:
    scored = [u for u in group if u.total is not None]
    pairs = list(itertools.pairwise(scored))
    if not pairs:
        return
    if order is None:
        totals = [
            (a.total, b.total) for a, b in pairs if a.total is not None and b.total is not None
        ]
        down = sum(1 for a, b in totals if a >= b)
        up = sum(1 for a, b in totals if a <= b)
        if down >= ORDERED_SHARE * len(pairs) and down >= up:
            order = "desc"
        elif up >= ORDERED_SHARE * len(pairs):
            order = "asc"
        else:
            return
    column = table.first("total")
    assert column is not None
    for above, below in pairs:
        assert above.total is not None
        assert below.total is not None
        wrong = below.total > above.total if order == "desc" else below.total < above.total
        if wrong:
            found.append(
                ResultFinding(
                    "out_of_order",
                    below.line,
                    below.name,
                    column.title,
                    below.total,
                    above.total,
                    extra=(("other", above.line), ("other_unit", above.name), ("variant", order)),
                )
            )


def _value_for(unit: Unit, scale: RatingScale) -> Decimal | None:
    if scale.on == "points":
        return unit.total
    return percent_of(unit)


def _display(unit: Unit, value: Decimal, scale: RatingScale) -> Decimal:
    """The value a rating was decided on, as a message shows it: a percentage computed
    (none stated) at two decimals."""
    if scale.on == "percent" and unit.percent is None:
        return round_points(value, 2)
    return value


def _ratings(
    table: ResultsTable, units: list[Unit], scale: RatingScale, found: list[ResultFinding]
) -> None:
    column = table.first("rating")
    if column is None:
        return
    for unit in units:
        if not unit.rating:
            continue
        band = scale.named(unit.rating)
        if band is None:
            names = ", ".join(b.name for b in scale.bands)
            found.append(
                ResultFinding(
                    "unknown_rating",
                    unit.line,
                    unit.name,
                    column.title,
                    unit.rating,
                    names,
                )
            )
            continue
        value = _value_for(unit, scale)
        due = None if value is None else scale.rating(value)
        if value is not None and due is not None and due is not band:
            found.append(
                ResultFinding(
                    "rating_mismatch",
                    unit.line,
                    unit.name,
                    column.title,
                    unit.rating,
                    due.name,
                    extra=(("value", _display(unit, value, scale)), ("variant", scale.on)),
                )
            )
