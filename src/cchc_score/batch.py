"""Many units at once: score a batch, rank it, and see where it lost points.

A batch is a folder of evidence files (every ``*.toml`` and ``*.json`` in it, by name,
but for plans and appraisals: :mod:`cchc_score.io.folder`) or one table, CSV or TSV, with
a row per unit and a column per fact (docs/batch.md), read by :mod:`cchc_score.io.table`.
Every unit is scored through the rule set's flat plan (:mod:`cchc_score.compiled`) when
its evidence is plainly valid, and through :func:`~cchc_score.evaluate` otherwise.
:func:`score_many` yields one :class:`UnitResult` per unit as it reads them, so memory does
not grow with the number of units; a unit whose evidence has problems is a result too,
with its problems, and never stops the batch. :func:`rank` orders the scored units
(competition ranking: 1, 2, 2, 4) and :func:`loss_table` lays out the criteria × units
deductions; both hold the whole batch.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from operator import itemgetter
from typing import Union

import attrs

from . import arguments
from .batch_units import UnitResult, read_folder, score_evidence, score_read, score_table
from .compiled import program
from .display import Displayable
from .errors import NO_VALUE, ArgumentError, Problem, ProblemList
from .evaluation import Scorecard
from .evidence import Evidence
from .io.evidence import rules_argument
from .model import Criterion, RuleSet
from .numbers import rounder

__all__ = [
    "CriterionLoss",
    "LossTable",
    "RankedUnit",
    "Ranking",
    "Source",
    "UnitResult",
    "loss_table",
    "rank",
    "score_many",
]

#: Where a batch comes from: a folder of evidence files, a CSV/TSV file, or evidences
#: built in Python.
Source = Union[str, os.PathLike[str], Iterable[Evidence]]

# --------------------------------------------------------------------------- results


@attrs.frozen
class RankedUnit:
    """A scored unit's place in a ranking.

    Attributes:
        rank: 1 for the highest total; units with equal totals share the rank of the first of
            them, and the next rank skips (1, 2, 2, 4).
        tied: whether another unit has the same total.
        scorecard: the unit's scorecard.
        source: the file it came from.
        line: its line, for a CSV/TSV row.
    """

    rank: int
    tied: bool
    scorecard: Scorecard
    source: str | None = None
    line: int | None = None

    @property
    def unit(self) -> str:
        """The unit's name."""
        return self.scorecard.unit

    @property
    def total(self) -> Decimal:
        """The unit's total."""
        return self.scorecard.total


@attrs.frozen
class Ranking(Displayable):
    """A batch's scored units from the highest total down, and the units it could not score.

    Attributes:
        units: the ranked units; equal totals are listed by unit name.
        invalid: the units left out, each with its problems, in the order they were read.
    """

    units: tuple[RankedUnit, ...]
    invalid: tuple[UnitResult, ...] = ()

    @property
    def scorecards(self) -> tuple[Scorecard, ...]:
        """The ranked units' scorecards, in ranking order."""
        return tuple(u.scorecard for u in self.units)

    @property
    def rules(self) -> RuleSet | None:
        """The rule set the units were scored with (``None`` when none was scored)."""
        return self.units[0].scorecard.rules if self.units else None


@attrs.frozen
class CriterionLoss:
    """One criterion's deductions across the units of a :class:`LossTable`.

    Attributes:
        criterion: the criterion (a leaf of the rules' tree).
        deductions: the points each unit lost on it, in the order of ``LossTable.units``.
    """

    criterion: Criterion
    deductions: tuple[Decimal, ...]

    @property
    def code(self) -> str:
        """The criterion's code."""
        return self.criterion.code

    @property
    def total(self) -> Decimal:
        """The points lost on this criterion, summed over the units."""
        return sum(self.deductions, Decimal(0))

    @property
    def units_lost(self) -> int:
        """How many units lost points on this criterion."""
        return sum(1 for d in self.deductions if d > 0)


@attrs.frozen
class LossTable:
    """Where a batch lost points: criteria × units, the deduction in each cell.

    Attributes:
        units: the units' names, one per column.
        criteria: the criteria on which at least one unit lost points, the largest total loss
            first (equal totals in rule-file order).
        lost: each unit's points lost over all criteria (its maximum − its total).
    """

    units: tuple[str, ...]
    criteria: tuple[CriterionLoss, ...]
    lost: tuple[Decimal, ...]


# --------------------------------------------------------------------------- scoring


def score_many(rules: RuleSet | str | os.PathLike[str], source: Source) -> Iterator[UnitResult]:
    """Score every unit of a batch, one result at a time, in the order they are read.

    Args:
        rules: the rule set every unit is scored with, or its name or path (a unit's own
            ``rules`` key or column is not consulted, as with ``cchc-score score --rules``).
        source: a folder (each ``*.toml`` and ``*.json`` file in it, sorted by name; hidden
            files, plans and appraisals are left out), a ``.csv`` / ``.tsv`` / ``.tab`` /
            ``.txt`` table read row by row, or evidences built in Python.

    Yields:
        A :class:`UnitResult` per unit: its scorecard, or every problem in its evidence with
        the file and line. A bad unit never stops the batch.

    Raises:
        EvidenceError: (when iteration starts) the source as a whole cannot be read: no such
            file or folder, a folder without evidence files, a table whose header is wrong
            or that has no rows. ``RulesError`` when a rules name cannot be loaded.
        ArgumentError: ``rules`` or ``source`` (or an evidence in it) of the wrong kind.

    >>> from cchc_score import load_rules
    >>> results = list(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> [(r.unit, str(r.scorecard.total)) for r in results[:2] if r.scorecard]
    [('Phường mẫu A', '84.35'), ('Phường mẫu B', '91.60')]
    """
    rules = rules_argument(rules, required=True)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if os.path.isdir(path):
            yield from score_read(rules, read_folder(path))
        else:
            yield from score_table(rules, path)
        return
    if not isinstance(source, Iterable):
        raise arguments.fail(
            ArgumentError,
            "source",
            "E-ARGUMENT-TYPE",
            source,
            expected=arguments.said("argument.source"),
            type=type(source).__name__,
        )
    for index, evidence in enumerate(source):
        arguments.instance(evidence, Evidence, f"source[{index}]", "argument.an_evidence")
        yield score_evidence(rules, evidence, ProblemList(evidence.source))


# --------------------------------------------------------------------------- ranking


def rank(results: Iterable[UnitResult | Scorecard]) -> Ranking:
    """Rank a batch's scored units by total, highest first.

    Equal totals share a rank and the next rank skips ("competition ranking": 1, 2, 2, 4);
    units with equal totals are listed by name. Units that were not scored go to
    ``Ranking.invalid`` with their problems. So do units that share a name, each with a
    problem naming the others: a ranking and a loss table tell units apart by name.

    Args:
        results: the results of :func:`score_many`, or scorecards.

    Raises:
        ArgumentError: (a ``ValueError``) the scorecards were made with different rule
            sets, or ``results`` holds something other than results and scorecards.

    >>> from cchc_score import load_rules
    >>> ranking = rank(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> [(u.rank, u.tied, str(u.total)) for u in ranking.units[:4]]
    [(1, False, '95.35'), (2, False, '91.60'), (3, True, '87.25'), (3, True, '87.25')]
    """
    # Each unit as the ranking keeps it (points, total, rating; equal points shared) as it
    # is read: never every full scorecard at once.
    interned: dict[Decimal, Decimal] = {}
    read = [_result(x, f"results[{i}]", interned) for i, x in enumerate(_each(results, "results"))]
    places: dict[str, list[int]] = {}
    for i, result in enumerate(read):
        if result.unit:
            places.setdefault(result.unit, []).append(i)
    for indexes in places.values():
        if len(indexes) > 1:
            for i in indexes:
                read[i] = _duplicate(read[i], [read[j] for j in indexes if j != i])
    scored = [(i, r) for i, r in enumerate(read) if r.ok]
    invalid = tuple(r for r in read if not r.ok)
    _check_same_rules([r.scorecard for _, r in scored if r.scorecard is not None])

    def order(item: tuple[int, UnitResult]) -> tuple[Decimal, str, int]:
        index, result = item
        assert result.scorecard is not None
        return -result.scorecard.total, result.unit, index

    scored.sort(key=order)
    totals = [r.scorecard.total for _, r in scored if r.scorecard is not None]
    counts: dict[Decimal, int] = {}
    for total in totals:
        counts[total] = counts.get(total, 0) + 1
    units: list[RankedUnit] = []
    for position, (_, result) in enumerate(scored, start=1):
        card = result.scorecard
        assert card is not None
        shared = bool(units) and units[-1].total == card.total
        place = units[-1].rank if shared else position
        units.append(RankedUnit(place, counts[card.total] > 1, card, result.source, result.line))
    return Ranking(tuple(units), invalid)


def _each(value: object, where: str) -> Iterator[object]:
    """The items of an iterable, one at a time (a stream stays a stream)."""
    return value if isinstance(value, Iterator) else iter(arguments.items(value, where))


def _result(item: object, where: str, interned: dict[Decimal, Decimal]) -> UnitResult:
    """A result to rank (a scorecard is a scored unit), its scorecard as a ranking keeps it."""
    if isinstance(item, Scorecard):
        item = UnitResult(item.unit, None, scorecard=item)
    result = arguments.instance(item, UnitResult, where, "argument.unit_result")
    card = result.scorecard
    if card is None:
        return result
    kept = card.ranked(interned)
    return UnitResult(result.unit, result.source, result.line, kept, result.problems)


def _card(item: object, where: str) -> Scorecard:
    """A scorecard for a loss table: a :class:`Scorecard`, or a ranked unit's."""
    if isinstance(item, RankedUnit):
        return item.scorecard
    return arguments.instance(item, Scorecard, where, "argument.scorecard")


def _duplicate(result: UnitResult, others: list[UnitResult]) -> UnitResult:
    place = f"line {result.line}: unit" if result.line is not None else "unit"
    places = ", ".join(o.where or "?" for o in others)
    problem = Problem(
        result.source,
        place,
        "E-BATCH-UNIT-NAME-TWICE",
        NO_VALUE,
        {"unit": repr(result.unit), "places": places},
    )
    return attrs.evolve(result, scorecard=None, problems=(*result.problems, problem))


def _check_same_rules(cards: Sequence[Scorecard]) -> None:
    if not cards:
        return
    first = cards[0].rules
    for card in cards[1:]:
        if card.rules is not first and card.rules != first:
            raise arguments.fail(
                ArgumentError,
                "",
                "E-BATCH-RULES-DIFFER",
                first=repr(first.id),
                first_unit=repr(cards[0].unit),
                other=repr(card.rules.id),
                other_unit=repr(card.unit),
            )


# --------------------------------------------------------------------------- losses


class _Losses(dict[Decimal, Decimal]):
    """A leaf's points → its deduction (maximum − points, written with the rule set's
    decimals), each made once and shared through ``shared``."""

    def __init__(
        self,
        top: Decimal,
        to_decimals: Callable[[Decimal], Decimal],
        shared: dict[Decimal, Decimal],
    ) -> None:
        super().__init__()
        self.top, self.to_decimals, self.shared = top, to_decimals, shared

    def __missing__(self, points: Decimal) -> Decimal:
        loss = self.to_decimals(self.top - points)
        loss = self[points] = self.shared.setdefault(loss, loss)
        return loss


def loss_table(cards: Iterable[Scorecard] | Ranking) -> LossTable:
    """Where units lost points: each criterion's deduction in each unit.

    Args:
        cards: scorecards of units with distinct names, made with the same rules (e.g.
            ``ranking.scorecards``, or the ranking itself); the table's columns follow
            their order.

    Returns:
        The criteria (leaves of the tree) on which any unit lost points, the largest total
        loss first; each unit's column adds up to its maximum − its total.

    Raises:
        ArgumentError: (a ``ValueError``) two scorecards have the same unit name, or
            different rule sets, or ``cards`` holds something other than scorecards.

    >>> from cchc_score import load_rules
    >>> ranking = rank(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> table = loss_table(ranking.scorecards)
    >>> top = table.criteria[0]
    >>> top.code, str(top.total), top.units_lost
    ('IX', '60.65', 7)
    """
    items = cards.units if isinstance(cards, Ranking) else arguments.items(cards, "cards")
    cards = tuple(_card(item, f"cards[{i}]") for i, item in enumerate(items))
    _check_same_rules(cards)
    names = [card.unit for card in cards]
    for name, count in Counter(names).items():
        if count > 1:
            raise arguments.fail(
                ArgumentError,
                "",
                "E-BATCH-UNIT-TWICE",
                unit=repr(name),
            )
    if not cards:
        return LossTable((), (), ())
    # Deductions have at most the rules' decimals: written with exactly that many, so that
    # a criterion not assessed (1.5 − 1.5 = 0.0) reads like the others (0.00).
    rules = cards[0].rules
    rows: list[tuple[int, CriterionLoss]] = []
    index = program(rules).index
    points = [card.points for card in cards]
    shared: dict[Decimal, Decimal] = {}  # equal deductions are one object
    columns = []
    for position, node in enumerate(n for n in rules.nodes() if n.is_leaf):
        # A leaf's points are few: each deduction is made once, then looked up.
        loss = _Losses(node.max, rounder(rules.decimals), shared)
        deductions = tuple(map(loss.__getitem__, map(itemgetter(index[node.code]), points)))
        columns.append(deductions)
        if any(deductions):
            rows.append((position, CriterionLoss(node, deductions)))
    zero = Decimal(0)
    lost = [sum(unit, zero) for unit in zip(*columns, strict=True)] or [zero] * len(cards)
    rows.sort(key=lambda row: (-row[1].total, row[0]))
    return LossTable(tuple(names), tuple(row for _, row in rows), tuple(lost))
