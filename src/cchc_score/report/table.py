"""Plain text tables (tabulate's ``simple`` style) without importing tabulate where its text
is known for sure: importing tabulate takes a tenth of ``cchc-score score``'s start (it asks
``importlib.metadata`` for its own version, which imports the ``email`` package).

:func:`simple_table` writes the table tabulate writes for string cells with
``disable_numparse=True``, a ``colalign`` for every column and optional ``maxcolwidths``:
each cell stripped of outer spaces, a column as wide as its widest line and at least its
header and two, columns two spaces apart, a line of ``-`` under the header, trailing spaces
cut, a cell longer than its column's ``maxcolwidths`` wrapped as :mod:`textwrap` wraps it.
It does so only where the text is certain to be tabulate's, character for character: every
character one column wide (Latin, Vietnamese, common punctuation), no wrapped word longer
than its column, no cell tabulate would read as a number or a boolean; for anything else it
calls tabulate. ``tests/test_report_table.py`` compares the two on generated tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["simple_table"]

Align = Literal["left", "right"]


def simple_table(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str],
    colalign: Sequence[Align],
    maxcolwidths: Sequence[int | None] | None = None,
) -> str:
    """``tabulate(rows, headers, tablefmt="simple", disable_numparse=True, colalign=...,
    maxcolwidths=...)``, without tabulate where its text is known for sure.

    >>> print(simple_table([["I", "Công tác chỉ đạo", "1,17"]], ["Mã", "Tên", "Trừ"],
    ...                    ("left", "left", "right")))
    Mã    Tên                 Trừ
    ----  ----------------  -----
    I     Công tác chỉ đạo   1,17
    """
    widths = list(maxcolwidths) if maxcolwidths is not None else [None] * len(headers)
    table = _simple(rows, headers, colalign, widths)
    if table is not None:
        return table
    from tabulate import tabulate

    text: str = tabulate(
        [list(row) for row in rows],
        headers=list(headers),
        tablefmt="simple",
        disable_numparse=True,
        colalign=tuple(colalign),
        maxcolwidths=list(maxcolwidths) if maxcolwidths is not None else None,
    )
    return text


def _simple(
    rows: Sequence[Sequence[str]],
    headers: Sequence[str],
    colalign: Sequence[Align],
    maxcolwidths: Sequence[int | None],
) -> str | None:
    """The table, or ``None`` where it might not be tabulate's."""
    columns = len(headers)
    if not rows or len(colalign) != columns or len(maxcolwidths) != columns:
        return None
    if any(a not in ("left", "right") for a in colalign):
        return None
    if any(len(row) != columns for row in rows):
        return None
    if not all(_plain(cell) for cell in headers):
        return None
    cells: list[list[str]] = []
    for row in rows:
        out = []
        for cell, width in zip(row, maxcolwidths, strict=True):
            if not isinstance(cell, str) or not _plain(cell):
                return None
            if width is not None:
                wrapped = _wrapped(cell, width)
                if wrapped is None:
                    return None
                cell = wrapped
            out.append(cell.strip())
        cells.append(out)
    multiline = any("\n" in cell for row in cells for cell in row)
    lines_of = [[_lines(cell, multiline) for cell in row] for row in cells]
    widths = [
        max([len(headers[j]) + 2, *(len(line) for row in lines_of for line in row[j])])
        for j in range(columns)
    ]
    out_lines = [
        _join(_pad(h, w, a) for h, w, a in zip(headers, widths, colalign, strict=True)),
        _join("-" * w for w in widths),
    ]
    for row_lines in lines_of:
        height = max(len(parts) for parts in row_lines)
        for i in range(height):
            out_lines.append(
                _join(
                    _pad(parts[i], w, a) if i < len(parts) else " " * w
                    for parts, w, a in zip(row_lines, widths, colalign, strict=True)
                )
            )
    return "\n".join(out_lines)


def _join(cells: Iterable[str]) -> str:
    return "  ".join(cells).rstrip()


def _pad(text: str, width: int, align: Align) -> str:
    return text.ljust(width) if align == "left" else text.rjust(width)


def _lines(cell: str, multiline: bool) -> list[str]:
    """A cell's lines as tabulate lays them out: an empty cell has none in a table with
    several lines to a row (its place is filled with spaces), one otherwise."""
    return cell.splitlines() if multiline else [cell]


def _wrapped(cell: str, width: int) -> str | None:
    """A cell wrapped to ``width`` as tabulate's ``maxcolwidths`` wraps it (its own copy of
    :class:`textwrap.TextWrapper`, the same for these cells), or ``None`` where tabulate
    would first read it as a number or a boolean, or break a word longer than the width
    (which its copy does otherwise than :mod:`textwrap`)."""
    if not cell.strip():
        return ""
    if _number_like(cell):  # (a boolean is not _plain)
        return None
    if width <= 0 or " " * (width + 1) in cell:  # no run of spaces longer than the width
        return None
    if any(len(word) > width for word in cell.split(" ")):
        return None
    import textwrap

    return "\n".join(textwrap.TextWrapper(width=width).wrap(cell))


def _number_like(cell: str) -> bool:
    try:
        float(cell.replace(",", ""))
    except ValueError:
        return False
    return True


def _plain(text: str) -> bool:
    """Every character printable and one column wide for tabulate (``wcwidth``), and not a
    word tabulate reads as a boolean."""
    return text.isprintable() and text not in _BOOLEANS and all(_narrow(c) for c in text if c > "~")


#: What tabulate reads as a boolean, not as text.
_BOOLEANS = ("True", "False")


def _narrow(char: str) -> bool:
    code = ord(char)
    # Latin-1 and Latin Extended A and B, IPA (before the combining marks at U+0300);
    # Latin Extended Additional (Vietnamese: ạ ả ấ … ỹ); general punctuation ‐ to ‧.
    return code < 0x0300 or 0x1E00 <= code <= 0x1EFF or 0x2010 <= code <= 0x2027
