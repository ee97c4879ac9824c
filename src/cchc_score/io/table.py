"""The evidence table: many units' evidence in one CSV or TSV file, a row per unit.

The header names the columns: ``unit``, optionally ``year`` and ``rules``, a column per fact
the rules declare, and ``appraised:CODE`` / ``not_assessed:CODE`` / ``notes:CODE`` columns
(docs/batch.md). :func:`read_table` reads it a row at a time, so memory does not grow with
the number of units; :func:`~cchc_score.io.table_dump.dump_evidence_csv` writes one.
Scoring the rows is :mod:`cchc_score.batch`'s job.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeVar

import attrs

from .. import syntax
from ..errors import EvidenceError, Problem, ProblemList
from ..evidence import Evidence, RawValue
from ..limits import MAX_TABLE_BYTES
from ..model import Fact
from ..numbers import NumberFormatError, parse_number
from ..words import phrase_n
from . import files, rows
from .cells import ITEM_SEPARATOR, NONE_DONE, PlainRows, clean, fact_value

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from decimal import Decimal

    from ..model import RuleSet

__all__ = [
    "ITEM_SEPARATOR",
    "NONE_DONE",
    "RESERVED",
    "TABLE_SUFFIXES",
    "WORKBOOK_SUFFIX",
    "Quick",
    "TableRow",
    "is_table",
    "read_table",
    "table_rules",
]

#: The extensions of evidence tables, each with its default separator.
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t", ".txt": "\t"}
#: A workbook's first sheet is read as a table too (the ``excel`` extra).
WORKBOOK_SUFFIX = ".xlsx"
RESERVED = ("unit", "year", "rules")
_PREFIXES = ("appraised", "not_assessed", "notes")
_EMPTY = "E-TABLE-EMPTY"
T = TypeVar("T")
_NO_ROWS = "E-TABLE-NO-ROWS"


# --------------------------------------------------------------------------- reading


@attrs.frozen
class TableRow:
    """One unit's row of an evidence table, as read (not yet checked against the rules).

    Attributes:
        unit: the unit's name ("" when the row could not be split into cells).
        line: the line the row starts on.
        evidence: the row's evidence, its cells typed for fast scoring; ``None`` when the row
            cannot be read at all (wrong number of cells, not valid CSV).
        written: the facts as written in the cells, so that a value's problems quote what the
            user wrote.
        problems: the problems of reading the row, each located at its line.
    """

    unit: str
    line: int
    evidence: Evidence | None
    written: tuple[tuple[str, RawValue], ...] = ()
    problems: tuple[Problem, ...] = ()


def is_table(path: str) -> bool:
    """Whether a path names an evidence table by its extension (``.csv``, ``.tsv``, …,
    ``.xlsx``)."""
    suffix = Path(path).suffix.lower()
    return suffix in TABLE_SUFFIXES or suffix == WORKBOOK_SUFFIX


#: What a plainly valid row is given to a reader's quick path as: its line, unit, year,
#: facts (each past its fact type's quick check), appraised points and notes (by code).
Quick = Callable[
    [int, str, "int | None", dict[str, Any], dict[str, "Decimal"], tuple[tuple[str, str], ...]],
    "T | None",
]


def read_table(path: str, rules: RuleSet, quick: Quick[T] | None = None) -> Iterator[TableRow | T]:
    """Read an evidence table row by row: a :class:`TableRow` per unit, as it is read.

    The header is checked against ``rules`` (each column a declared fact, ``unit``,
    ``year``, ``rules`` or ``appraised:CODE`` / ``not_assessed:CODE`` / ``notes:CODE``);
    a row's cells are typed by the fact its column names. See docs/batch.md.

    With ``quick``, a row whose every cell reads plainly (the right number of cells, a
    unit, each value of its fact's type and within its bounds, nothing not assessed, no
    value under a blank header) is given to it typed, without building an evidence; what
    it returns is yielded in the row's place, unless it is ``None``: then, as for any
    other row, the :class:`TableRow`. Each column remembers how its cells read
    (:data:`~cchc_score.compiled.REMEMBERED` texts), so a value seen before costs a look-up.

    Raises:
        EvidenceError: (during iteration) the table as a whole cannot be read: no such file,
            an extension that is not a table's, a wrong header, no rows.
    """
    with _opened(path) as (records, lines):
        header: _Header | None = None
        plain: PlainRows | None = None
        rows = 0
        for first, last, cells, error in records:
            if header is None:
                problems = ProblemList(path)
                if error is not None:
                    problems.add(f"line {first}", "E-ANNEX-CSV", detail=error)
                else:
                    _bad_lines(lines, first, last, problems)
                    assert cells is not None
                    header = _header(first, cells, lines.separator, rules, problems)
                problems.raise_if_any(EvidenceError)
                continue
            rows += 1
            if quick is not None and cells is not None and not lines.bad:
                if plain is None:
                    columns = [(c.kind, c.name, c.fact) for c in header.columns]
                    plain = PlainRows(columns, rules.memo("table.cells", _cells_seen))
                read = plain.row(cells)
                done = None if read is None else quick(first, *read)
                if done is not None:
                    yield done
                    continue
            yield _row(path, header, first, last, cells, error, lines)
    if header is None:
        problems = ProblemList(path)
        problems.add("", _EMPTY)
        problems.raise_as(EvidenceError)
    if rows == 0:
        problems = ProblemList(path)
        problems.add(f"line {header.line}", _NO_ROWS)
        problems.raise_as(EvidenceError)


def _cells_seen(rules: RuleSet) -> dict[tuple[str, str], dict[str, Any]]:
    return {}


def _row(
    path: str,
    header: _Header,
    first: int,
    last: int,
    cells: list[str] | None,
    error: str | None,
    lines: files.TextLines,
) -> TableRow:
    problems = ProblemList(path)
    if error is not None:
        problems.add(f"line {first}", "E-ANNEX-CSV", detail=error)
        return TableRow("", first, None, problems=tuple(problems))
    assert cells is not None
    _bad_lines(lines, first, last, problems)
    unit, typed, raw = _read_row(path, header, first, cells, problems)
    return TableRow(unit, first, typed, tuple(raw.items()), tuple(problems))


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


@contextlib.contextmanager
def _opened(path: str) -> Iterator[tuple[Iterable[rows.Record], files.TextLines]]:
    """The table's rows (:func:`_records`) and the lines they come from, the file closed
    on leaving. A workbook's rows are its first sheet's: its cells are already split and
    its text decoded, so its lines stand empty (no line can be bad, no separator has split
    a decimal comma)."""
    problems = ProblemList(path)
    if Path(path).suffix.lower() == WORKBOOK_SUFFIX:
        data = files.read_bytes(Path(path), problems, MAX_TABLE_BYTES)
        sheet = None if data is None else rows.workbook_records(data, problems)
        if sheet is None:
            problems.raise_as(EvidenceError)
        lines = files.TextLines(io.BytesIO(b""))
        lines.separator = ""
        yield _padded(sheet), lines
        return
    with _open_table(path, problems) as stream:
        lines = files.TextLines(stream)
        yield _records(path, lines), lines


def _padded(sheet: list[rows.Record]) -> list[rows.Record]:
    """A sheet's rows as wide as its header (its first row): Excel does not keep the empty
    cells at the end of a row, where a CSV file has its separators."""
    width = len(sheet[0][2] or ()) if sheet else 0
    return [
        (first, last, cells + [""] * (width - len(cells)) if cells is not None else None, error)
        for first, last, cells, error in sheet
    ]


def _open_table(path: str, problems: ProblemList) -> BinaryIO:
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES and path != files.STDIN:  # standard input: CSV or TSV
        if not os.path.exists(path):
            problems.add("", "E-TABLE-NO-SUCH")
        else:
            workbook = suffix in (".xls", ".ods")
            problems.add(
                "",
                "E-TABLE-WORKBOOK" if workbook else "E-TABLE-SUFFIX",
                suffixes=", ".join([*TABLE_SUFFIXES, WORKBOOK_SUFFIX]),
            )
        problems.raise_as(EvidenceError)
    stream = files.open_input(
        Path(path), problems, MAX_TABLE_BYTES
    )  # the caller's with block closes it
    if stream is None:
        problems.raise_as(EvidenceError)
    return stream


def _records(
    path: str, lines: files.TextLines
) -> Iterator[tuple[int, int, list[str] | None, str | None]]:
    """Each non-blank row (:func:`.rows.records`) as (first line, last line, cells or
    ``None``, CSV error or ``None``), the separator sniffed from the header with the
    extension's as the default."""
    default = TABLE_SUFFIXES.get(Path(path).suffix.lower(), ",")
    yield from rows.records(lines, default)


def _header(
    line: int, cells: list[str], separator: str, rules: RuleSet, problems: ProblemList
) -> _Header:
    """Read the header row, checking its facts and codes against the rules."""
    columns: list[_Column] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(cells, start=1):
        name = clean(raw)
        if ":" in name:
            prefix, _, code = name.partition(":")
            name = f"{prefix.strip()}:{code.strip()}"
        where = f"line {line}: column {syntax.quote(name)}"
        if name in seen:
            problems.add(where, "E-TABLE-COLUMN-TWICE", first=seen[name], second=number)
            columns.append(_Column("blank"))
            continue
        if name:
            seen[name] = number
        columns.append(_column(name, where, rules, problems))
    if "unit" not in seen:
        problems.add(
            f"line {line}",
            "E-TABLE-NO-UNIT-COLUMN",
        )
    return _Header(line, tuple(columns), separator)


def _column(name: str, where: str, rules: RuleSet, problems: ProblemList) -> _Column:
    if not name:
        return _Column("blank")
    if name in RESERVED:
        return _Column(name)  # type: ignore[arg-type]  # one of the reserved kinds
    prefix, colon, code = name.partition(":")
    if colon:
        code = code.strip()
        if prefix.strip() not in _PREFIXES:
            problems.add(
                where,
                "E-TABLE-COLUMN-KIND",
                kind=repr(prefix),
                expected=syntax.allowed(f"{p}:CODE" for p in _PREFIXES),
            )
            return _Column("blank")
        kind: Literal["appraised", "not_assessed", "notes"] = prefix.strip()  # type: ignore[assignment]
        if not rules.has_node(code):
            problems.add(where, "E-CODE-UNKNOWN", code)
            return _Column("blank")
        if kind == "appraised" and not rules.node(code).is_leaf:
            # The evidence checker's words: any leaf may have (observed) appraised points.
            problems.add(where, "E-APPRAISED-INNER", code=code)
            return _Column("blank")
        return _Column(kind, code)
    if not rules.has_fact(name):
        problems.add(
            where,
            "E-TABLE-COLUMN-UNKNOWN",
            rules=repr(rules.id),
            declared=", ".join(f.name for f in rules.facts),
        )
        return _Column("blank")
    return _Column("fact", name, rules.fact(name))


def _bad_lines(lines: files.TextLines, first: int, last: int, problems: ProblemList) -> None:
    for number, data in lines.bad_in(first, last):
        problems.add(f"line {number}", "E-TABLE-NOT-UTF8", data)


def _read_row(
    path: str, header: _Header, line: int, cells: list[str], problems: ProblemList
) -> tuple[str, Evidence | None, dict[str, RawValue]]:
    """A row as (unit name, evidence typed for fast scoring, the facts as written for
    messages); the evidence is ``None`` when the row cannot be read."""
    columns = header.columns
    unit_at = next(i for i, c in enumerate(columns) if c.kind == "unit")
    unit = clean(cells[unit_at]) if unit_at < len(cells) else ""
    here = f"line {line}"
    if len(cells) != len(columns):
        comma = len(cells) > len(columns) and header.separator == ","
        problems.add(
            here,
            "E-TABLE-CELLS-COMMA" if comma else "E-TABLE-CELLS",
            cells=phrase_n("count.cell", len(cells)),
            line=header.line,
            columns=len(columns),
        )
        return unit, None, {}
    if not unit:
        problems.add(f"{here}: unit", "E-TABLE-UNIT")
    year: int | None = None
    rules_name: str | None = None
    typed: dict[str, RawValue] = {}
    raw: dict[str, RawValue] = {}
    appraised: dict[str, Decimal] = {}
    not_assessed: dict[str, str] = {}
    notes: dict[str, str] = {}
    unreadable = False
    for column, cell in zip(columns, cells, strict=True):
        value = clean(cell)
        if not value or column.kind == "unit":
            continue
        if column.kind == "blank":
            problems.add(here, "E-TABLE-VALUE-NO-HEADER", value)
        elif column.kind == "year":
            if value.isascii() and value.isdigit():
                year = int(value)
            else:
                problems.add(f"{here}: year", "E-YEAR-NOT-INTEGER", value)
        elif column.kind == "rules":
            rules_name = files.rules_reference(path, value)
        elif column.kind == "fact":
            assert column.fact is not None
            typed[column.name], raw[column.name] = fact_value(column.fact, value)
        elif column.kind == "appraised":
            try:
                appraised[column.name] = parse_number(value)
            except NumberFormatError as exc:
                # The unit is not scored: a missing point would be reported again as missing.
                problems.add_error(f"{here}: appraised.{syntax.key(column.name)}", exc)
                unreadable = True
        elif column.kind == "not_assessed":
            not_assessed[column.name] = value
        else:
            notes[column.name] = value
    if unreadable:
        return unit, None, {}
    try:
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
    except EvidenceError as exc:  # a value past the bounds Evidence keeps (arguments.py)
        problems.extend(attrs.evolve(p, file=path, path=f"{here}: {p.path}") for p in exc.problems)
        return unit, None, {}
    return unit, typed_evidence, raw


def table_rules(path: str) -> tuple[str, ...]:
    """The rules a table's units name in its ``rules`` column, each once, in the order first
    seen; paths are made relative to the table's folder.

    Rows with the wrong number of cells are passed over (their cells are shifted; scoring
    lists them as invalid).

    Raises:
        EvidenceError: the table cannot be opened, is empty, or has no rows under its
            header (as for :func:`read_table`), so that a table without units is a problem
            of the input, not a missing ``--rules``.
    """
    names: dict[str, None] = {}
    with _opened(path) as (records, _):
        header: list[str] | None = None
        line = count = 0
        for first, _, cells, _ in records:
            if header is None:
                if cells is None:
                    return ()  # not valid CSV: read_table says so
                header, line = [clean(c) for c in cells], first
                continue
            count += 1
            # A row with too few or too many cells is listed as invalid when the batch is
            # scored; its cells are shifted, so what sits in the rules column is not a name.
            if cells is None or len(cells) != len(header) or "rules" not in header:
                continue
            name = clean(cells[header.index("rules")])
            if name:
                names[files.rules_reference(path, name)] = None
    problems = ProblemList(path)
    if header is None:
        problems.add("", _EMPTY)
    elif count == 0:
        problems.add(f"line {line}", _NO_ROWS)
    problems.raise_if_any(EvidenceError)
    return tuple(names)
