"""A published results table (``check-results``): its header recognised by name, its rows.

A results table lists units with their points: a unit column, a total, optionally component
columns (their maximum may be in the header: ``Điểm thẩm định (61,5)``, ``Điều tra XHH
/35``), a per-unit maximum, a percentage, a rank, a rating and a group. The header row is
found by its names (title lines above it are skipped), in Vietnamese or English, with the
synonyms of :data:`SYNONYMS`. Rows come from :mod:`.rows` (CSV, TSV, ``.xlsx``) or from a
Python caller as sequences of cells. Nothing here parses a number or checks one: that is
:mod:`cchc_score.results`' job; this module only says which cell is what.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from ..errors import NO_VALUE, ArgumentError, CchcScoreError, Problem, ProblemList
from ..limits import MAX_TABLE_BYTES, MAX_TABLE_COLUMNS
from . import files, rows

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "HEADER_SEARCH",
    "SYNONYMS",
    "ColumnKind",
    "ResultColumn",
    "ResultRow",
    "ResultsError",
    "ResultsTable",
    "column_kind",
    "header_max",
    "read_results",
]

ColumnKind = Literal[
    "unit", "group", "total", "max", "percent", "rank", "rating", "component", "ignored"
]

#: Header names by what they mean (compared in lower case, without a maximum such as
#: "(100)", a trailing colon or repeated spaces). A header containing "%" is a percentage.
SYNONYMS: dict[ColumnKind, frozenset[str]] = {
    "unit": frozenset(
        {"đơn vị", "tên đơn vị", "đơn vị được đánh giá", "xã, phường, thị trấn", "unit", "name"}
    ),
    "total": frozenset(
        {"tổng điểm", "tổng", "tổng số điểm", "điểm", "chỉ số", "chỉ số cchc", "điểm đạt được"}
        | {"tổng điểm đạt được"}
        | {"total", "score", "points", "index"}
    ),
    "rank": frozenset({"xếp hạng", "thứ hạng", "vị thứ", "hạng", "rank"}),
    "rating": frozenset({"xếp loại", "phân loại", "mức xếp loại", "rating"}),
    "percent": frozenset({"tỷ lệ", "tỉ lệ", "tỷ lệ đạt", "tỉ lệ đạt", "percent", "percentage"}),
    "max": frozenset({"điểm tối đa", "tối đa", "điểm chuẩn", "thang điểm", "max", "maximum"}),
    "group": frozenset({"nhóm", "khối", "nhóm đơn vị", "khối đơn vị", "loại đơn vị", "group"}),
    "ignored": frozenset(
        {"stt", "tt", "số thứ tự", "no", "#", "mã", "mã đơn vị", "code", "ghi chú", "notes"}
    ),
}

#: Words of a header over the points a unit gave itself ("Điểm tự đánh giá", "Tự chấm"):
#: not a component of the appraised total, so not read.
_SELF_ASSESSED = ("tự đánh giá", "tự chấm", "tự đánh gía", "self-assess", "self assess")

#: How many rows are looked at for the header before giving up (title lines come first).
HEADER_SEARCH = 30

_MAX_IN_HEADER = re.compile(
    r"^(?P<name>.*?)\s*(?:"
    r"\(\s*(?:tối đa|max\.?|maximum)?\s*(?P<a>\d+(?:[.,]\d+)?)\s*(?:điểm|đ|points?)?\s*\)"
    r"|/\s*(?P<b>\d+(?:[.,]\d+)?)\s*(?:điểm|đ|points?)?)\s*$",
    re.IGNORECASE,
)
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Za-z])\)?$")
_NUMBER_CELL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?\s*%?$")
#: Marks a row's error as bytes that are not UTF-8 (the bytes follow).
_NOT_UTF8 = "\x00not-utf-8:"
_TEXT_SUFFIXES = {".tsv": "\t", ".tab": "\t", ".txt": "\t"}
#: A row of sums or averages under the units (its unit cell starts so): not a unit.
_AGGREGATES = ("tổng cộng", "cộng", "bình quân", "trung bình chung", "điểm trung bình")
_AGGREGATES_EN = ("total", "sum", "average", "mean")
#: The columns whose cells are numbers: a row with none of them filled is a line of text.
NUMERIC: frozenset[ColumnKind] = frozenset({"component", "total", "max", "percent", "rank"})


class ResultsError(CchcScoreError, ValueError):
    """A results table cannot be read as a whole: no such file, not a table, no header."""


@attrs.frozen
class ResultColumn:
    """One column of a results table.

    Attributes:
        index: its place, from 0.
        kind: what it holds (:data:`ColumnKind`).
        title: its header as written (NFC, spaces trimmed).
        max: the maximum its header states ("Điều tra XHH /35" → 35), if any.
    """

    index: int
    kind: ColumnKind
    title: str
    max: Decimal | None = None


@attrs.frozen
class ResultRow:
    """One row under the header, as read.

    Attributes:
        line: the line (or the sheet's row number) it starts on.
        cells: its cells, trimmed and in NFC, at most one per column (read them with
            :meth:`cell`: missing ones are empty).
        kind: ``"unit"``; ``"text"`` (nothing in any numeric column nor in the rating
            column: a group heading or a summary line); ``"broken"`` (cannot be split into
            the header's columns).
        broken: for a broken row, why: ``"csv"``, ``"cells"`` or ``"encoding"``.
        detail: for a broken row, what was found (the csv error, the cell count, bytes).
    """

    line: int
    cells: tuple[str, ...]
    kind: Literal["unit", "text", "broken"] = "unit"
    broken: str = ""
    detail: str = ""

    def cell(self, index: int) -> str:
        """The cell in column ``index`` ("" past the row's last cell: rows are not padded,
        so a short row under a wide header costs nothing)."""
        return self.cells[index] if index < len(self.cells) else ""

    def text(self) -> str:
        """The row's non-empty cells joined by spaces: what a text line says."""
        return " ".join(c for c in self.cells if c)


@attrs.frozen
class ResultsTable:
    """A results table: its columns (from the header) and its rows, in order.

    ``source`` is the file read (``None`` for rows given in Python); ``separator`` the text
    table's separator (``""`` for a workbook or rows given in Python).
    """

    source: str | None
    header_line: int
    columns: tuple[ResultColumn, ...]
    rows: tuple[ResultRow, ...]
    separator: str = ""

    def first(self, kind: ColumnKind) -> ResultColumn | None:
        """The column of this kind (the first, if several are)."""
        return next((c for c in self.columns if c.kind == kind), None)

    @property
    def components(self) -> tuple[ResultColumn, ...]:
        """The component columns, in order."""
        return tuple(c for c in self.columns if c.kind == "component")


def _clean(cell: str) -> str:
    return unicodedata.normalize("NFC", cell.strip())


def _name(title: str) -> str:
    return " ".join(title.casefold().replace("\n", " ").split()).rstrip(":").strip()


def header_max(title: str) -> tuple[str, Decimal | None]:
    """A header's name and the maximum it states, if any.

    >>> header_max("Điểm thẩm định (61,5)"), header_max("Điều tra XHH /35")
    (('Điểm thẩm định', Decimal('61.5')), ('Điều tra XHH', Decimal('35')))
    >>> header_max("Tỷ lệ (%)")
    ('Tỷ lệ (%)', None)
    """
    from ..numbers import parse_number

    match = _MAX_IN_HEADER.match(title)
    if match is None:
        return title, None
    return match["name"], parse_number(match["a"] or match["b"])


def column_kind(title: str) -> ColumnKind:
    """What a header names, by :data:`SYNONYMS` (its maximum removed); any other non-empty
    header is a component, an empty one is ignored.

    >>> column_kind("Tên đơn vị"), column_kind("Tổng điểm (100)"), column_kind("Tỷ lệ (%)")
    ('unit', 'total', 'percent')
    >>> column_kind("Vị thứ"), column_kind("Điểm thẩm định (61,5)"), column_kind("")
    ('rank', 'component', 'ignored')
    >>> column_kind("Điểm tự đánh giá")
    'ignored'
    """
    if not title.strip():
        return "ignored"
    name = _name(header_max(title)[0])
    for kind, names in SYNONYMS.items():
        if name in names:
            return kind
    if "%" in name or name.startswith(("tỷ lệ", "tỉ lệ")):
        return "percent"
    if any(words in name for words in _SELF_ASSESSED):
        return "ignored"  # the unit's own score, which the appraisal's replaces: no part
    return "component"


def _header(line: int, cells: Sequence[str]) -> tuple[ResultColumn, ...] | None:
    """The columns, if this row is the header: it names a unit and a total."""
    columns = []
    seen: set[str] = set()
    for index, raw in enumerate(cells):
        title = _clean(raw)
        kind = column_kind(title)
        if kind not in ("component", "ignored") and kind in seen:
            kind = "ignored"  # a second total or rank column: the first one is checked
        seen.add(kind)
        maximum = header_max(title)[1] if kind in ("component", "total") else None
        columns.append(ResultColumn(index, kind, title, maximum))
    return tuple(columns) if {"unit", "total"} <= seen else None


def _row(line: int, cells: Sequence[str], columns: tuple[ResultColumn, ...]) -> ResultRow | None:
    """A row under the header; ``None`` for a row of sums or averages."""
    texts = [_clean(c) for c in cells]
    width = len(columns)
    if len(texts) > width and any(texts[width:]):
        return ResultRow(line, tuple(texts[:width]), "broken", "cells", str(len(texts)))
    row = ResultRow(line, tuple(texts[:width]))
    if not any(row.cell(c.index) for c in columns if c.kind in NUMERIC or c.kind == "rating"):
        return attrs.evolve(row, kind="text")
    unit = next(row.cell(c.index) for c in columns if c.kind == "unit").casefold()
    if unit.startswith(_AGGREGATES) or unit.split(" ")[0] in _AGGREGATES_EN:
        return None
    return row


def _numbering(cells: Sequence[str], columns: tuple[ResultColumn, ...]) -> bool:
    """Whether the row under the header numbers the columns, as many published tables do:
    "(1) (2) (3) (4)=(2)+(3)", "A B 1 2 3=1+2": every cell a letter or a column's number
    (numbers increasing), the unit's too (a unit is never named "(2)" or "B")."""
    texts = [_clean(c) for c in cells]
    unit = next(c for c in columns if c.kind == "unit")
    if unit.index >= len(texts) or _COLUMN_NUMBER.match(texts[unit.index]) is None:
        return False
    last = 0
    for text in filter(None, texts):
        mark = text.split("=", 1)[0].strip()
        match = _COLUMN_NUMBER.match(mark)
        if match is None:
            return False
        if mark.strip("()").isdigit():
            number = int(mark.strip("()"))
            if number <= last or number > len(columns):
                return False
            last = number
    return True


def _sub_header(
    cells: Sequence[str], header: Sequence[str], columns: tuple[ResultColumn, ...]
) -> tuple[ResultColumn, ...] | None:
    """The columns again, when the row under the header completes it (a two-row header:
    "Điểm thành phần" above "Thẩm định (65)" and "XHH (35)"): no unit, no number, a name
    under a component or an unnamed column. ``None`` when it is not such a row."""
    texts = [_clean(c) for c in cells]
    unit = next(c for c in columns if c.kind == "unit")
    if unit.index < len(texts) and texts[unit.index]:
        return None
    under = [c for c in columns if c.index < len(texts) and texts[c.index]]
    if not under or any(c.kind not in ("component", "ignored") for c in under):
        return None
    if any(_NUMBER_CELL.match(texts[c.index]) for c in under):
        return None
    titles = [
        texts[i] if i < len(texts) and texts[i] else _clean(header[i]) for i in range(len(header))
    ]
    return _header(0, titles)


def _table(source: str | None, records: Iterable[rows.Record], separator: str = "") -> ResultsTable:
    problems = ProblemList(source)
    columns: tuple[ResultColumn, ...] | None = None
    header: Sequence[str] = ()
    under_header = True
    header_line = 0
    found: list[ResultRow] = []
    seen = 0
    for first, _last, cells, error in records:
        if columns is None:
            seen += 1
            if cells is not None:
                while cells and not cells[-1].strip():
                    cells = cells[:-1]  # a spreadsheet's empty columns at the right
                if len(cells) > MAX_TABLE_COLUMNS:
                    problems.add(
                        f"line {first}", "E-RESULTS-COLUMNS", n=len(cells), limit=MAX_TABLE_COLUMNS
                    )
                    problems.raise_as(ResultsError)
                columns, header, header_line = _header(first, cells), cells, first
            if columns is None and seen >= HEADER_SEARCH:
                break
            continue
        if under_header and cells is not None:
            # Only the rows right under the header may complete it or number its columns.
            completed = _sub_header(cells, header, columns) if header else None
            header = ()
            if completed is not None:
                columns = completed
                continue
            under_header = False
            if _numbering(cells, columns):
                continue
        under_header = False
        if cells is None:
            error = error or ""
            if error.startswith(_NOT_UTF8):
                found.append(ResultRow(first, (), "broken", "encoding", error[len(_NOT_UTF8) :]))
            else:
                found.append(ResultRow(first, (), "broken", "csv", error))
            continue
        row = _row(first, cells, columns)
        if row is not None:
            found.append(row)
    if columns is None:
        problems.add("", "E-RESULTS-EMPTY" if seen == 0 else "E-RESULTS-NO-HEADER", rows=seen)
        problems.raise_as(ResultsError)
    if not any(r.kind != "text" for r in found):
        problems.add(f"line {header_line}", "E-RESULTS-NO-ROWS")
        problems.raise_as(ResultsError)
    return ResultsTable(source, header_line, columns, tuple(found), separator)


def _given_rows(given: Iterable[Sequence[object]]) -> Iterator[rows.Record]:
    for number, row in enumerate(given, start=1):
        if isinstance(row, (str, bytes)) or not isinstance(row, Sequence):
            where = f"rows_or_path[{number - 1}]"
            said: dict[str, object] = {"kind": type(row).__name__}
            raise ArgumentError([Problem(None, where, "E-RESULTS-ROW", NO_VALUE, said)])
        cells = [rows.excel_cell(cell) for cell in row]
        if any(c.strip() for c in cells):
            yield number, number, cells, None


def read_results(source: str | os.PathLike[str] | Iterable[Sequence[object]]) -> ResultsTable:
    """Read a results table from a file (CSV, TSV, UTF-8 or UTF-16; ``.xlsx`` with the
    ``excel`` extra) or from rows given in Python (sequences of cells: text or numbers;
    the first row that names a unit and a total column is the header).

    Raises:
        ResultsError: the table cannot be read as a whole (no file, not a table, too large,
            no header, no rows). A row that cannot be read is not an error here: it is a
            ``"broken"`` row, reported by the checks with the rest of the table.

    >>> table = read_results([["STT", "Đơn vị", "Tổng điểm (100)"], [1, "Xã A", "86,71"]])
    >>> [(c.kind, c.max) for c in table.columns], table.rows[0].cells
    ([('ignored', None), ('unit', None), ('total', Decimal('100'))], ('1', 'Xã A', '86,71'))
    """
    if not isinstance(source, (str, os.PathLike)):
        if isinstance(source, (bytes, dict)) or not hasattr(source, "__iter__"):
            said: dict[str, object] = {"kind": type(source).__name__}
            raise ArgumentError([Problem(None, "rows_or_path", "E-RESULTS-SOURCE", NO_VALUE, said)])
        return _table(None, _given_rows(source))
    path = os.fspath(source)
    problems = ProblemList(path)
    data = files.read_bytes(Path(path), problems, MAX_TABLE_BYTES)
    if data is None:
        problems.raise_as(ResultsError)
    kind = files.sniff(data)
    if kind == "xlsx":
        sheet = rows.workbook_records(data, problems)
        if sheet is None:
            problems.raise_as(ResultsError)
        return _table(path, sheet)
    if kind is not None:
        files.decode_text(data, problems)  # says what the file is, and what to do
        problems.raise_as(ResultsError)
    lines = files.TextLines(io.BytesIO(data))
    default = _TEXT_SUFFIXES.get(Path(path).suffix.lower(), ",")
    records: list[rows.Record] = []
    for first, last, cells, error in rows.records(lines, default):
        bad = lines.bad_in(first, last)
        if bad and cells is not None:  # a row the header can still be found past
            records.append((first, last, None, _NOT_UTF8 + repr(bad[0][1])))
        else:
            records.append((first, last, cells, error))
    return _table(path, records, lines.separator)
