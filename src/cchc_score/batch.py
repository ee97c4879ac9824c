"""Many units at once: score a batch, rank it, and see where it lost points.

A batch is a folder of evidence files (every ``*.toml`` and ``*.json`` in it, by name) or
one table, CSV or TSV, with a row per unit and a column per fact (docs/batch.md).
:func:`score_many` yields one :class:`UnitResult` per unit as it reads them, so memory does
not grow with the number of units; a unit whose evidence has problems is a result too,
with its problems, and never stops the batch. :func:`rank` orders the scored units
(competition ranking: 1, 2, 2, 4) and :func:`loss_table` lays out the criteria × units
deductions; both hold the whole batch.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, Union

import attrs

from . import _toml
from .errors import NO_VALUE, EvidenceError, Problem, ProblemList
from .evaluation import Scorecard, evaluate
from .evidence import Evidence, RawValue, check_evidence
from .io.evidence import read_evidence
from .model import Criterion, Fact
from .numbers import NumberFormatError, parse_number

if TYPE_CHECKING:
    from .model import RuleSet

__all__ = [
    "CriterionLoss",
    "LossTable",
    "RankedUnit",
    "Ranking",
    "Source",
    "UnitResult",
    "dump_evidence_csv",
    "loss_table",
    "named_rules",
    "rank",
    "score_many",
]

#: Where a batch comes from: a folder of evidence files, a CSV/TSV file, or evidences
#: built in Python.
Source = Union[str, os.PathLike[str], Iterable[Evidence]]

_EVIDENCE_SUFFIXES = (".toml", ".json")
_TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": "\t"}
_SEPARATORS = ("\t", ",", ";")
_RESERVED = ("unit", "year", "rules")
_PREFIXES = ("appraised", "not_assessed", "notes")
#: A checklist cell saying that no item was done (an empty cell means "not given").
_NONE_DONE = "-"
_ITEM_SEPARATOR = ";"


# --------------------------------------------------------------------------- results


@attrs.frozen
class UnitResult:
    """One unit of a batch: its scorecard, or the problems that kept it from being scored.

    Attributes:
        unit: the unit's name as given ("" when it could not be read).
        source: the file it came from (for evidence built in Python, its ``source``).
        line: the line its row starts on, for a CSV/TSV table; ``None`` for a file per unit.
        scorecard: the scorecard, when the evidence is valid.
        problems: every problem found, each naming the file, line and place, when it is not.
    """

    unit: str
    source: str | None
    line: int | None = None
    scorecard: Scorecard | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the unit was scored (its evidence is valid)."""
        return self.scorecard is not None and not self.problems

    @property
    def where(self) -> str:
        """The file, and the line for a table row: ``wards.csv: line 5``."""
        place = self.source or ""
        if self.line is not None:
            return f"{place}: line {self.line}" if place else f"line {self.line}"
        return place


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
class Ranking:
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


def score_many(rules: RuleSet, source: Source) -> Iterator[UnitResult]:
    """Score every unit of a batch, one result at a time, in the order they are read.

    Args:
        rules: the rule set every unit is scored with (a unit's own ``rules`` key or column
            is not consulted, as with ``cchc-score score --rules``).
        source: a folder (each ``*.toml`` and ``*.json`` file in it, sorted by name; hidden
            files are left out), a ``.csv`` / ``.tsv`` / ``.tab`` / ``.txt`` table read row by
            row, or evidences built in Python.

    Yields:
        A :class:`UnitResult` per unit: its scorecard, or every problem in its evidence with
        the file and line. A bad unit never stops the batch.

    Raises:
        EvidenceError: (when iteration starts) the source as a whole cannot be read: no such
            file or folder, a folder without evidence files, a table whose header is wrong
            or that has no rows.

    >>> from cchc_score import load_rules
    >>> results = list(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> [(r.unit, str(r.scorecard.total)) for r in results[:2] if r.scorecard]
    [('Phường mẫu A', '84.35'), ('Phường mẫu B', '91.60')]
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if os.path.isdir(path):
            yield from _score_folder(rules, path)
        else:
            yield from _score_table(rules, path)
        return
    for evidence in source:
        yield _score_evidence(rules, evidence, ProblemList(evidence.source))


def _score_evidence(rules: RuleSet, evidence: Evidence, problems: ProblemList) -> UnitResult:
    """Score one evidence; ``problems`` already holds those of its shape, if any."""
    card: Scorecard | None = None
    try:
        card = evaluate(rules, evidence)
    except EvidenceError as exc:
        problems.extend(exc.problems)
    if problems:
        return UnitResult(evidence.unit, evidence.source, problems=tuple(problems))
    return UnitResult(evidence.unit, evidence.source, scorecard=card)


def _evidence_files(folder: str) -> list[str]:
    names = sorted(
        entry.name
        for entry in os.scandir(folder)
        if entry.name.lower().endswith(_EVIDENCE_SUFFIXES)
        and not entry.name.startswith(".")
        and entry.is_file()
    )
    if not names:
        problems = ProblemList(folder)
        problems.add("", "no evidence files (*.toml, *.json) in this folder")
        problems.raise_as(EvidenceError)
    return [os.path.join(folder, name) for name in names]


def _score_folder(rules: RuleSet, folder: str) -> Iterator[UnitResult]:
    for file in _evidence_files(folder):
        evidence, problems = read_evidence(file)
        if evidence is None:
            yield UnitResult("", file, problems=tuple(problems))
        else:
            yield _score_evidence(rules, evidence, problems)


# --------------------------------------------------------------------------- tables


class _Lines:
    """A table file's lines as text, counted, with the lines that are not UTF-8 noted.

    Decoding line by line keeps memory flat and lets a bad byte be reported at its line.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.number = 0
        self.bad: dict[int, bytes] = {}
        self.separator = ","  # set from the header by _records

    def __iter__(self) -> Iterator[str]:
        for raw in self.stream:
            self.number += 1
            if self.number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.bad[self.number] = raw[exc.start : exc.start + 4]
                text = raw.decode("utf-8", "replace")
            text = text.replace("\r\n", "\n")
            if "\r" not in text:
                yield text
                continue
            # Old Mac line ends: one "line" of the file is several.
            pieces = text.split("\r")
            for i, piece in enumerate(pieces):
                if i:
                    self.number += 1
                if piece or i < len(pieces) - 1:
                    yield piece + ("\n" if i < len(pieces) - 1 else "")

    def bad_in(self, first: int, last: int) -> list[tuple[int, bytes]]:
        """The lines between ``first`` and ``last`` (inclusive) that are not UTF-8."""
        return [(n, self.bad[n]) for n in range(first, last + 1) if n in self.bad]


@attrs.frozen
class _Column:
    """What a header cell names: ``kind`` and the fact or code it is about."""

    kind: Literal["unit", "year", "rules", "fact", "appraised", "not_assessed", "notes", "blank"]
    name: str = ""
    fact: Fact | None = None


@attrs.frozen
class _Header:
    line: int
    columns: tuple[_Column, ...]
    separator: str


def _open_table(path: str) -> BinaryIO:
    problems = ProblemList(path)
    suffix = Path(path).suffix.lower()
    if suffix not in _TABLE_SUFFIXES:
        if not os.path.exists(path):
            problems.add("", "no such file or folder")
        else:
            workbook = suffix in (".xlsx", ".xls", ".ods")
            problems.add(
                "",
                "expected a folder of evidence files, or a table with the extension "
                f"{', '.join(_TABLE_SUFFIXES)}"
                + ("; save the sheet as CSV UTF-8" if workbook else ""),
            )
        problems.raise_as(EvidenceError)
    try:
        return open(path, "rb")  # the caller's with block closes it
    except OSError as exc:
        problems.add("", f"cannot read the file: {exc.strerror or exc}")
        problems.raise_as(EvidenceError)


def _separator(line: str, suffix: str) -> str:
    """The separator the header row uses: header names never contain one."""
    found = [s for s in _SEPARATORS if s in line]
    default = _TABLE_SUFFIXES.get(suffix, ",")
    if not found or default in found:
        return default
    return max(found, key=line.count)


def _records(path: str, lines: _Lines) -> Iterator[tuple[int, int, list[str] | None, str | None]]:
    """Each non-blank row as (first line, last line, cells or ``None``, CSV error or ``None``).

    The separator is sniffed from the first non-blank line, the header.
    """
    texts = iter(lines)
    first = ""
    for text in texts:
        if text.strip():
            first = text
            break
    if not first:
        return
    skipped = lines.number - 1
    lines.separator = _separator(first, Path(path).suffix.lower())
    reader = csv.reader(itertools.chain([first], texts), delimiter=lines.separator, strict=True)
    start = skipped + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, skipped + reader.line_num, None, f"not valid CSV: {exc}"
        else:
            if any(cell.strip() for cell in cells):
                yield start, skipped + reader.line_num, cells, None
        start = skipped + reader.line_num + 1


def _clean(cell: str) -> str:
    return unicodedata.normalize("NFC", cell.strip())


def _header(
    line: int, cells: list[str], separator: str, rules: RuleSet, problems: ProblemList
) -> _Header:
    """Read the header row, checking its facts and codes against the rules."""
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(cells, start=1):
        name = _clean(raw)
        if ":" in name:
            prefix, _, code = name.partition(":")
            name = f"{prefix.strip()}:{code.strip()}"
        where = f"line {line}: column {_toml.quote(name)}"
        if name in seen:
            problems.add(where, f"appears twice (columns {seen[name]} and {number})")
            columns.append(_Column("blank"))
            continue
        if name:
            seen[name] = number
        columns.append(_column(name, where, rules, problems))
    if "unit" not in seen:
        problems.add(
            f"line {line}",
            "the header has no 'unit' column; expected 'unit', optionally 'year' and "
            "'rules', then a column per fact and appraised:CODE columns",
        )
    return _Header(line, tuple(columns), separator)


def _column(name: str, where: str, rules: RuleSet, problems: ProblemList) -> _Column:
    if not name:
        return _Column("blank")
    if name in _RESERVED:
        return _Column(name)  # type: ignore[arg-type]  # one of the reserved kinds
    prefix, colon, code = name.partition(":")
    if colon:
        code = code.strip()
        if prefix.strip() not in _PREFIXES:
            problems.add(
                where,
                f"unknown column kind {prefix!r}; expected one of "
                f"{_toml.allowed(f'{p}:CODE' for p in _PREFIXES)}",
            )
            return _Column("blank")
        kind: Literal["appraised", "not_assessed", "notes"] = prefix.strip()  # type: ignore[assignment]
        if not rules.has_node(code):
            problems.add(where, "no criterion has this code", code)
            return _Column("blank")
        rule = rules.node(code).rule
        if kind == "appraised" and rule.kind != "appraised":
            scored_by = f"criterion {code} is scored by its {rule.kind} rule"
            problems.add(where, f"{scored_by}, not by appraised points")
            return _Column("blank")
        return _Column(kind, code)
    if not rules.has_fact(name):
        problems.add(
            where,
            f"not a fact declared by the rules {rules.id!r}, nor 'unit', 'year', 'rules' or "
            f"appraised:CODE, not_assessed:CODE, notes:CODE; declared: "
            f"{', '.join(f.name for f in rules.facts)}",
        )
        return _Column("blank")
    return _Column("fact", name, rules.fact(name))


def _score_table(rules: RuleSet, path: str) -> Iterator[UnitResult]:
    with _open_table(path) as stream:
        lines = _Lines(stream)
        header: _Header | None = None
        rows = 0
        for first, last, cells, error in _records(path, lines):
            if header is None:
                problems = ProblemList(path)
                if error is not None:
                    problems.add(f"line {first}", error)
                else:
                    _bad_lines(lines, first, last, problems)
                    assert cells is not None
                    header = _header(first, cells, lines.separator, rules, problems)
                problems.raise_if_any(EvidenceError)
                continue
            rows += 1
            yield _score_row(rules, path, header, first, last, cells, error, lines)
    if header is None:
        problems = ProblemList(path)
        problems.add("", "the table is empty; expected a header row, then a row per unit")
        problems.raise_as(EvidenceError)
    if rows == 0:
        problems = ProblemList(path)
        problems.add(f"line {header.line}", "no rows under the header; expected a row per unit")
        problems.raise_as(EvidenceError)


def _bad_lines(lines: _Lines, first: int, last: int, problems: ProblemList) -> None:
    for number, data in lines.bad_in(first, last):
        problems.add(f"line {number}", "not UTF-8 text", data)


def _score_row(
    rules: RuleSet,
    path: str,
    header: _Header,
    first: int,
    last: int,
    cells: list[str] | None,
    error: str | None,
    lines: _Lines,
) -> UnitResult:
    problems = ProblemList(path)
    if error is not None:
        problems.add(f"line {first}", error)
        return UnitResult("", path, first, problems=tuple(problems))
    assert cells is not None
    _bad_lines(lines, first, last, problems)
    unit, typed, raw = _read_row(path, header, first, cells, problems)
    if typed is None:
        return UnitResult(unit, path, first, problems=tuple(problems))
    found: tuple[Problem, ...] = ()
    if not problems:
        try:
            return UnitResult(unit, path, first, scorecard=evaluate(rules, typed))
        except EvidenceError as exc:
            found = exc.problems
    # Check the cells as written, so that messages quote what the user wrote (and problems
    # of value are reported with those of reading, as for an evidence file).
    try:
        check_evidence(rules, attrs.evolve(typed, facts=raw))
    except EvidenceError as exc:
        found = exc.problems
    problems.extend(_at_line(p, first) for p in found)
    return UnitResult(unit, path, first, problems=tuple(problems))


def _at_line(problem: Problem, line: int) -> Problem:
    place = f"line {line}: {problem.path}" if problem.path else f"line {line}"
    return attrs.evolve(problem, path=place)


def _read_row(
    path: str, header: _Header, line: int, cells: list[str], problems: ProblemList
) -> tuple[str, Evidence | None, dict[str, RawValue]]:
    """A row as (unit name, evidence typed for fast scoring, the facts as written for
    messages); the evidence is ``None`` when the row cannot be read."""
    columns = header.columns
    unit_at = next(i for i, c in enumerate(columns) if c.kind == "unit")
    unit = _clean(cells[unit_at]) if unit_at < len(cells) else ""
    here = f"line {line}"
    if len(cells) != len(columns):
        hint = (
            ' (an unquoted decimal comma splits a cell in two: write "15,38" or 15.38)'
            if len(cells) > len(columns) and header.separator == ","
            else ""
        )
        problems.add(
            here,
            f"{len(cells)} cells, but the header (line {header.line}) has {len(columns)} "
            f"columns; a row must have a cell for every column, empty where nothing is given"
            + hint,
        )
        return unit, None, {}
    if not unit:
        problems.add(f"{here}: unit", "the unit's name is required (a non-empty cell)")
    year: int | None = None
    rules_name: str | None = None
    typed: dict[str, RawValue] = {}
    raw: dict[str, RawValue] = {}
    appraised: dict[str, Decimal] = {}
    not_assessed: dict[str, str] = {}
    notes: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=True):
        value = _clean(cell)
        if not value or column.kind == "unit":
            continue
        if column.kind == "blank":
            problems.add(here, "a value in a column without a header", value)
        elif column.kind == "year":
            if value.isascii() and value.isdigit():
                year = int(value)
            else:
                problems.add(f"{here}: year", "expected a year as an integer", value)
        elif column.kind == "rules":
            rules_name = _rules_path(path, value)
        elif column.kind == "fact":
            assert column.fact is not None
            typed[column.name], raw[column.name] = _fact_value(column.fact, value)
        elif column.kind == "appraised":
            try:
                appraised[column.name] = parse_number(value)
            except NumberFormatError as exc:
                problems.add(f"{here}: appraised.{_toml.key(column.name)}", str(exc))
        elif column.kind == "not_assessed":
            not_assessed[column.name] = value
        else:
            notes[column.name] = value
    typed_evidence = Evidence(
        unit=unit,
        year=year,
        facts=typed,
        appraised=appraised,
        notes=notes,
        not_assessed=not_assessed,
        rules=rules_name,
        source=path,
    )
    return unit, typed_evidence, raw


def _rules_path(path: str, value: str) -> str:
    """A rules name as given, or a path made relative to the table's folder (as evidence
    files do)."""
    if "/" in value or value.endswith(".toml"):
        return os.path.normpath(Path(path).parent / value)
    return value


def _fact_value(fact: Fact, value: str) -> tuple[RawValue, RawValue]:
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
        if value == _NONE_DONE:
            return frozenset(), ()
        items = tuple(i for i in (_clean(p) for p in value.split(_ITEM_SEPARATOR)) if i)
        return (items if len(set(items)) != len(items) else frozenset(items)), items
    return value, value


# --------------------------------------------------------------------------- rules named


def named_rules(source: str | os.PathLike[str]) -> tuple[str, ...]:
    """The rules a batch's units name (their ``rules`` key or column), each once, in the
    order first seen; paths are made relative to the file that names them.

    Raises:
        EvidenceError: the source as a whole cannot be read (as for :func:`score_many`).
    """
    path = os.fspath(source)
    names: dict[str, None] = {}
    if os.path.isdir(path):
        for file in _evidence_files(path):
            evidence, _ = read_evidence(file)
            if evidence is not None and evidence.rules:
                names[evidence.rules] = None
        return tuple(names)
    with _open_table(path) as stream:
        at: int | None = None
        for _, _, cells, _ in _records(path, _Lines(stream)):
            if cells is None:
                continue
            if at is None:
                header = [_clean(c) for c in cells]
                if "rules" not in header:
                    return ()
                at = header.index("rules")
            elif at < len(cells) and _clean(cells[at]):
                names[_rules_path(path, _clean(cells[at]))] = None
    return tuple(names)


# --------------------------------------------------------------------------- ranking


def rank(results: Iterable[UnitResult]) -> Ranking:
    """Rank a batch's scored units by total, highest first.

    Equal totals share a rank and the next rank skips ("competition ranking": 1, 2, 2, 4);
    units with equal totals are listed by name. Units that were not scored go to
    ``Ranking.invalid`` with their problems. So do units that share a name, each with a
    problem naming the others: a ranking and a loss table tell units apart by name.

    Raises:
        ValueError: the scorecards were made with different rule sets.

    >>> from cchc_score import load_rules
    >>> ranking = rank(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> [(u.rank, u.tied, str(u.total)) for u in ranking.units[:4]]
    [(1, False, '95.35'), (2, False, '91.60'), (3, True, '87.25'), (3, True, '87.25')]
    """
    results = list(results)
    places: dict[str, list[int]] = {}
    for i, result in enumerate(results):
        if result.unit:
            places.setdefault(result.unit, []).append(i)
    for indexes in places.values():
        if len(indexes) > 1:
            for i in indexes:
                results[i] = _duplicate(results[i], [results[j] for j in indexes if j != i])
    scored = [(i, r) for i, r in enumerate(results) if r.ok]
    invalid = tuple(r for r in results if not r.ok)
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


def _duplicate(result: UnitResult, others: list[UnitResult]) -> UnitResult:
    place = f"line {result.line}: unit" if result.line is not None else "unit"
    message = (
        f"{result.unit!r} is also the name of the unit at "
        + ", ".join(o.where or "another place" for o in others)
        + "; give each unit its own name (add the district if two communes share a name)"
    )
    problem = Problem(result.source, place, message, NO_VALUE)
    return attrs.evolve(result, scorecard=None, problems=(*result.problems, problem))


def _check_same_rules(cards: Sequence[Scorecard]) -> None:
    if not cards:
        return
    first = cards[0].rules
    for card in cards[1:]:
        if card.rules is not first and card.rules != first:
            raise ValueError(
                f"cannot compare scorecards of different rule sets: {first.id!r} "
                f"({cards[0].unit!r}) and {card.rules.id!r} ({card.unit!r})"
            )


# --------------------------------------------------------------------------- losses


def loss_table(cards: Iterable[Scorecard]) -> LossTable:
    """Where units lost points: each criterion's deduction in each unit.

    Args:
        cards: scorecards of units with distinct names, made with the same rules (e.g.
            ``ranking.scorecards``); the table's columns follow their order.

    Returns:
        The criteria (leaves of the tree) on which any unit lost points, the largest total
        loss first; each unit's column adds up to its maximum − its total.

    Raises:
        ValueError: two scorecards have the same unit name, or different rule sets.

    >>> from cchc_score import load_rules
    >>> ranking = rank(score_many(load_rules("criteria_2022"), "examples/district_2022"))
    >>> table = loss_table(ranking.scorecards)
    >>> top = table.criteria[0]
    >>> top.code, str(top.total), top.units_lost
    ('IX', '60.65', 7)
    """
    cards = tuple(cards)
    _check_same_rules(cards)
    names = [card.unit for card in cards]
    for name, count in Counter(names).items():
        if count > 1:
            raise ValueError(f"two scorecards are for the unit {name!r}: give each its own name")
    if not cards:
        return LossTable((), (), ())
    # Deductions have at most the rules' decimals: written with exactly that many, so that
    # a criterion not assessed (1.5 − 1.5 = 0.0) reads like the others (0.00).
    step = Decimal(1).scaleb(-cards[0].rules.decimals)
    rows: list[tuple[int, CriterionLoss]] = []
    lost = [Decimal(0)] * len(cards)
    leaves = (node for node in cards[0].rules.nodes() if node.is_leaf)
    for position, node in enumerate(leaves):
        deductions = tuple((node.max - card.points_of(node.code)).quantize(step) for card in cards)
        lost = [a + b for a, b in zip(lost, deductions, strict=True)]
        if any(d > 0 for d in deductions):
            rows.append((position, CriterionLoss(node, deductions)))
    rows.sort(key=lambda row: (-row[1].total, row[0]))
    return LossTable(tuple(names), tuple(row for _, row in rows), tuple(lost))


# --------------------------------------------------------------------------- writing


def dump_evidence_csv(rules: RuleSet, evidences: Iterable[Evidence], delimiter: str = ",") -> str:
    """Many evidences as one table in the batch format, which :func:`score_many` reads back.

    Columns: ``unit``, ``year``, ``rules``, every fact the rules declare (in rule-file
    order; then any other fact an evidence gives), ``appraised:CODE`` for every criterion
    scored by appraisal, and ``not_assessed:CODE`` / ``notes:CODE`` for the codes the
    evidences use. With no evidences, the header alone: a template to fill in.

    Raises:
        ValueError: a checklist item contains ";" (the item separator).

    >>> from cchc_score import load_rules
    >>> print(dump_evidence_csv(load_rules("criteria_2022"), []).split(",")[:4])
    ['unit', 'year', 'rules', 'cchc_plan_tasks_total']
    """
    evidences = tuple(evidences)
    order = {node.code: i for i, node in enumerate(rules.nodes())}

    def codes(pairs: Iterable[str], base: Iterable[str] = ()) -> list[str]:
        found = dict.fromkeys(base)
        found.update(dict.fromkeys(pairs))
        return sorted(found, key=lambda c: (order.get(c, len(order)), c))

    declared = [fact.name for fact in rules.facts]
    extra = sorted({n for e in evidences for n, _ in e.facts} - set(declared))
    facts = declared + extra
    appraised = codes(
        (c for e in evidences for c, _ in e.appraised),
        (n.code for n in rules.nodes() if n.is_leaf and n.rule.kind == "appraised"),
    )
    skipped = codes(c for e in evidences for c, _ in e.not_assessed)
    noted = codes(c for e in evidences for c, _ in e.notes)
    buffer = StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(
        [
            *_RESERVED,
            *facts,
            *(f"appraised:{c}" for c in appraised),
            *(f"not_assessed:{c}" for c in skipped),
            *(f"notes:{c}" for c in noted),
        ]
    )
    for evidence in evidences:
        given = dict(evidence.facts)
        points = dict(evidence.appraised)
        reasons = dict(evidence.not_assessed)
        remarks = dict(evidence.notes)
        writer.writerow(
            [
                evidence.unit,
                "" if evidence.year is None else str(evidence.year),
                evidence.rules or "",
                *(_cell(given[f]) if f in given else "" for f in facts),
                *(_cell(points[c]) if c in points else "" for c in appraised),
                *(reasons.get(c, "") for c in skipped),
                *(remarks.get(c, "") for c in noted),
            ]
        )
    return buffer.getvalue()


def _cell(value: RawValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (frozenset, tuple)):
        items = sorted(value) if isinstance(value, frozenset) else list(value)
        for item in items:
            if _ITEM_SEPARATOR in item:
                raise ValueError(
                    f"the checklist item {item!r} contains {_ITEM_SEPARATOR!r}, which separates "
                    "items in a table cell"
                )
        return f"{_ITEM_SEPARATOR} ".join(items) if items else _NONE_DONE
    return str(value)
