"""Rows of a table file: the one place a CSV, TSV or Excel table is split into cells.

Every table reader (the evidence table of ``rank``, :mod:`.table`; the results table of
``check-results``, :mod:`.results`) gets its rows here, each as a :data:`Record`: the lines
it spans, its cells as text, or why it cannot be split. What the cells mean is the reader's
business. Text tables are read through :mod:`.files` (guarded, UTF-8 or UTF-16 as Word and
Excel write them, a line at a time); the separator is sniffed from the first non-blank line.
A workbook (``.xlsx``, the ``excel`` extra) gives its first sheet's rows, numbered as Excel
numbers them.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import limits
from ..errors import NO_VALUE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..errors import ProblemList
    from . import files

__all__ = [
    "SEPARATORS",
    "Record",
    "excel_cell",
    "records",
    "separator",
    "unpacked_size",
    "workbook_records",
    "xlsx_records",
]

#: The separators a text table may use, in the order they are tried.
SEPARATORS = ("\t", ",", ";")

_QUOTED = re.compile(r'"[^"]*"')

#: A row as (first line, last line, cells or ``None``, why the row cannot be split or
#: ``None``). Blank rows are not records.
Record = tuple[int, int, "list[str] | None", "str | None"]


def separator(line: str, default: str = ",") -> str:
    """The separator a header row uses: header names never contain one, so the one found
    (the most frequent, when several are) is it; ``default`` when there is none or when it
    is among those found.

    Text inside double quotes is not looked at: ``"Xã, phường, thị trấn";"Tổng điểm"`` is
    separated by semicolons.

    >>> separator("Đơn vị\\tTổng điểm"), separator("a;b;c"), separator("a,b;c", ",")
    ('\\t', ';', ',')
    >>> separator('"Xã, phường, thị trấn";"Tổng điểm"')
    ';'
    """
    line = _QUOTED.sub("", line)
    found = [s for s in SEPARATORS if s in line]
    if not found or default in found:
        return default
    return max(found, key=line.count)


def records(lines: files.TextLines, default: str = ",") -> Iterator[Record]:
    """Each non-blank row of a text table as a :data:`Record`; a row that is not valid CSV
    has the csv module's reason as its error, and the rows after it are still read.

    The separator is sniffed from the first non-blank line (:func:`separator`) and kept in
    ``lines.separator``.

    >>> from cchc_score.io.files import TextLines
    >>> lines = TextLines(io.BytesIO("Đơn vị;Điểm\\n\\nXã A;86,71\\n".encode()))
    >>> list(records(lines))
    [(1, 1, ['Đơn vị', 'Điểm'], None), (3, 3, ['Xã A', '86,71'], None)]
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
    lines.separator = separator(first, default)
    reader = csv.reader(itertools.chain([first], texts), delimiter=lines.separator, strict=True)
    start = skipped + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, skipped + reader.line_num, None, str(exc)
        else:
            if any(cell.strip() for cell in cells):
                yield start, skipped + reader.line_num, cells, None
        start = skipped + reader.line_num + 1


def excel_cell(value: object, number_format: str = "General") -> str:
    """A workbook cell as the text a person sees in it, without float noise: a number by
    its shortest form (86.71, not 86.70999…), a percentage cell as ``"90.62%"``, a date by
    its ISO form, nothing as ``""``.

    >>> excel_cell(86.71), excel_cell(0.9062, "0.00%"), excel_cell(None), excel_cell(3)
    ('86.71', '90.62%', '', '3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in number_format:
            return format(number.scaleb(2).normalize(), "f") + "%"
        return format(number, "f")
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def unpacked_size(data: bytes) -> int:
    """What a zip file (a workbook) unpacks to, as its directory states it; -1 when it is
    not a zip file that can be opened.

    >>> unpacked_size(b"not a zip")
    -1
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return -1


def xlsx_records(data: bytes) -> Iterator[Record]:
    """Each non-blank row of a workbook's first sheet as a :data:`Record`, its line the
    sheet's row number.

    Raises:
        ImportError: openpyxl is not installed (the ``excel`` extra).
        ValueError: the bytes are not a workbook openpyxl can open (its reason).
    """
    from openpyxl import load_workbook  # the excel extra; imported only for a workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells = [excel_cell(c.value, getattr(c, "number_format", "General")) for c in row]
            while cells and not cells[-1].strip():
                cells.pop()
            if cells:
                yield number, number, cells, None
    finally:
        book.close()


def workbook_records(data: bytes, problems: ProblemList) -> list[Record] | None:
    """The rows of a workbook's first sheet (:func:`xlsx_records`), or ``None`` with the
    problem added: it unpacks past :data:`~cchc_score.limits.MAX_XLSX_UNCOMPRESSED` (checked
    before anything is unpacked), openpyxl is not installed, or it cannot be opened."""
    unpacked = unpacked_size(data)
    if unpacked > limits.MAX_XLSX_UNCOMPRESSED:
        mb = {"size": unpacked // 2**20, "limit": limits.MAX_XLSX_UNCOMPRESSED // 2**20}
        problems.add("", "E-XLSX-UNPACKED", NO_VALUE, **mb)
        return None
    try:
        return list(xlsx_records(data))
    except ImportError:
        problems.add("", "E-XLSX-MISSING")
    except ValueError as exc:
        problems.add("", "E-XLSX-BROKEN", str(exc))
    return None
