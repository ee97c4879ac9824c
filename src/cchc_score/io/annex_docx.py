"""Annexes as Word documents (.docx): the annex table as rows of cell texts.

A ward receives its appraisal annex as a Word file. :func:`docx_table` finds the table
that carries the annex header among the document's tables (the header recognition of
:mod:`.annex_layout` decides) and turns each of its rows into cell texts;
:func:`cchc_score.io.annex.read_annex` gives them, with the paragraphs above the table as
the title, to :func:`~cchc_score.io.annex.annex_from_rows`: the same row reader the text
path uses, so repeated headers, continuation rows and every row form are read alike.

Word's own structure is undone on the way: a cell merged across columns (python-docx
returns the same cell for each column it spans) or down rows is read once, in its first
place, and is empty in the others, as Word's text export leaves it; a cell of several
paragraphs or bullets is one cell, its paragraphs joined with a line break. A row's line
is its row number in the table (the header is row 1); problems say ``row 12`` (``table 2,
row 12`` when the annex is not the document's first table).

python-docx (the ``docx`` extra) is imported only here, when a .docx is read. The zip is
checked from its directory before python-docx opens it: entries and their uncompressed
sizes are bounded (docs/limits.md), so a zip bomb is refused unread.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..limits import MAX_ANNEX_ROWS, MAX_DOCX_ENTRIES, MAX_DOCX_UNCOMPRESSED
from .annex_layout import is_header

if TYPE_CHECKING:
    from ..errors import Problem, ProblemList
    from ..numbers import Lang

__all__ = ["DocxTable", "docx_table"]

#: Rows looked at for the header at the top of each table: a title row or two may come first.
_HEADER_ROWS = 5
_LINE = re.compile(r"^line ([0-9]+)")


def _check_zip(data: bytes, problems: ProblemList) -> bool:
    """The zip's directory within the limits; ``False`` after recording why not."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        problems.add("", "E-DOCX-ZIP", detail=str(exc))
        return False
    if len(entries) > MAX_DOCX_ENTRIES:
        problems.add("", "E-DOCX-PARTS", count=f"{len(entries):,}", most=f"{MAX_DOCX_ENTRIES:,}")
        return False
    total = sum(entry.file_size for entry in entries)
    if total > MAX_DOCX_UNCOMPRESSED:
        problems.add(
            "", "E-DOCX-UNPACKED", size=_megabytes(total), limit=_megabytes(MAX_DOCX_UNCOMPRESSED)
        )
        return False
    return True


def _open(data: bytes, problems: ProblemList, lang: Lang) -> Any:
    """The python-docx document; ``None`` after recording why it cannot be opened."""
    try:
        import docx
    except ImportError:
        problems.add("", "E-DOCX-MISSING")
        return None
    if not _check_zip(data, problems):
        return None
    try:
        return docx.Document(io.BytesIO(data))
    # python-docx raises what its parts raise on a damaged file (KeyError for a missing
    # part, lxml's XMLSyntaxError, ValueError, PackageNotFoundError): all of it is "this
    # file cannot be read", said once.
    except Exception as exc:
        problems.add("", "E-DOCX-UNREADABLE", detail=f"{type(exc).__name__}: {exc}")
        return None


def _megabytes(count: int) -> Decimal:
    return Decimal(f"{count / (1024 * 1024):.1f}")


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text; an item of a bulleted or numbered list with a dash before it,
    as annexes write their lists in text ("- Theo dõi, đôn đốc …")."""
    text: str = paragraph.text
    properties = paragraph._p.pPr
    # The style's id, not its name: looking a style up costs a search of styles.xml.
    style = (
        properties.pStyle.val if properties is not None and properties.pStyle is not None else ""
    )
    listed = properties is not None and properties.numPr is not None
    if (listed or style.startswith("List")) and text.strip()[:1] not in ("-", "–", "•", "+", ""):
        return f"- {text}"
    return text


def _cell_text(cell: Any) -> str:
    return "\n".join(_paragraph_text(paragraph) for paragraph in cell.paragraphs)


def _rows(table: Any) -> list[tuple[int, list[str]]]:
    """Each row's cell texts, a merged cell's text in its first place only; at most
    enough rows for the row reader to refuse a table past its limit."""
    rows: list[tuple[int, list[str]]] = []
    # python-docx gives a merged cell once per column it spans and again in each row it
    # spans down: the same <w:tc> element, whose identity is the test. The elements are
    # kept here: lxml's proxies are made afresh once freed, and an id() can be reused.
    seen: dict[int, Any] = {}
    for number, row in enumerate(table.rows, start=1):
        cells: list[str] = []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append("" if key in seen else _cell_text(cell))
            seen[key] = cell._tc
        rows.append((number, cells))
        if number > MAX_ANNEX_ROWS * 2:
            break
    return rows


def _header_row(rows: list[tuple[int, list[str]]]) -> bool:
    return any(is_header([" ".join(c.split()) for c in cells]) for _, cells in rows[:_HEADER_ROWS])


@attrs.frozen
class DocxTable:
    """The annex table of a Word document.

    Attributes:
        number: its place among the document's tables, from 1.
        rows: each row as (its number in the table, from 1; its cells' texts), a merged
            cell's text in its first place only, a cell's paragraphs joined with ``\\n``.
        title: the paragraphs above the table, in order, with the cells of any table
            above it (a layout table naming the unit beside the state's motto).
    """

    number: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    title: tuple[str, ...]

    def locate(self, problem: Problem) -> Problem:
        """A problem of the row reader ("line 12") placed in the document ("row 12", or
        "table 2, row 12" when the annex is not its first table)."""

        def place(match: re.Match[str]) -> str:
            row = f"row {match[1]}"
            return row if self.number == 1 else f"table {self.number}, {row}"

        return attrs.evolve(problem, path=_LINE.sub(place, problem.path))


def _find(document: Any, problems: ProblemList) -> DocxTable | None:
    title: list[str] = []
    number = 0
    for block in document.iter_inner_content():
        if not hasattr(block, "rows"):  # a paragraph
            title.append(block.text)
            continue
        number += 1
        rows = _rows(block)
        if _header_row(rows):
            return DocxTable(number, tuple((n, tuple(cells)) for n, cells in rows), tuple(title))
        # A layout table above the annex ("ỦY BAN NHÂN DÂN XÃ …" beside the state's motto)
        # is part of the title.
        title += [text for _, cells in rows for text in cells if text]
    problems.add("", "E-DOCX-NO-HEADER" if number else "E-DOCX-NO-TABLE")
    return None


def docx_table(data: bytes, problems: ProblemList, lang: Lang = "vi") -> DocxTable | None:
    """The annex table of a Word document's bytes; ``None`` after recording why there is
    none: python-docx is missing (the message in ``lang``), the file is not a Word
    document or is past a limit, or no table has the annex header.

    Args:
        data: the .docx file's bytes (read through :func:`cchc_score.io.files.read_bytes`,
            which bounds them).
        problems: where to record what is wrong.
        lang: the language of the message when python-docx is not installed.
    """
    document = _open(data, problems, lang)
    if document is None:
        return None
    try:
        return _find(document, problems)
    except Exception as exc:  # python-docx on a damaged table: see _open
        problems.add("", "E-DOCX-UNREADABLE", detail=f"{type(exc).__name__}: {exc}")
        return None
