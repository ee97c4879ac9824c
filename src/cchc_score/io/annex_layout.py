"""The layout of an annex table: its header, its rows, and which row is which.

An annex exported from Word repeats its header at each page break, spills long cells into
continuation rows and numbers its columns; :func:`collect_rows` finds the header (by the
columns' names, matched without accents), skips what is layout, merges continuations into
the row they continue, and classifies each data row as a domain, a sub-domain, a criterion,
the total or the rating. What the rows say is read by :mod:`cchc_score.io.annex`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from .. import syntax
from ..limits import MAX_ANNEX_ROWS
from ..model import roman
from ..words import Phrase

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from ..errors import ProblemList

__all__ = [
    "Dialect",
    "Row",
    "RowKind",
    "code_in_text",
    "collect_rows",
    "dialect_for",
    "excerpt",
    "is_header",
    "text_rows",
]

#: How to split an annex into cells: by extension or content (``auto``), tabs, or CSV.
Dialect = Literal["auto", "tsv", "csv"]

# --------------------------------------------------------------------------- columns

# Header synonyms per column, as people write them; matched on folded text (no accents,
# lower case, punctuation as spaces), anywhere in the header cell: the earliest match wins.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("Tiêu chí", "Nội dung"),
    "max": ("Điểm tối đa", "Điểm chuẩn"),
    "score": ("Điểm chấm thẩm định", "Điểm thẩm định", "Điểm đạt", "Điểm chấm"),
    "reason": ("Lý do bị trừ điểm", "Lý do bị trừ", "Lý do", "Nguyên nhân"),
    "task": ("Nhiệm vụ/giải pháp", "Nhiệm vụ", "Giải pháp khắc phục", "Giải pháp"),
    "lead": ("Đơn vị chủ trì thực hiện", "Đơn vị/Cơ quan chủ trì", "Chủ trì"),
    "partners": ("Đơn vị phối hợp", "Cơ quan phối hợp", "Phối hợp"),
    "deadline": (
        "Thời hạn hoàn thành (tháng/quý/năm)",
        "Thời hạn",
        "Thời gian hoàn thành",
        "Thời gian thực hiện",
    ),
}
_STT = ("STT", "TT", "Số TT", "Số thứ tự")
_REQUIRED = ("stt", "text", "max", "score")
_COLUMN_WORDS = {
    kind: Phrase(f"annex.column_{kind}", {})
    for kind in ("stt", "text", "max", "score", "reason", "task", "lead", "partners", "deadline")
}


def _fold(text: str) -> str:
    """Text for matching words: no accents, đ as d, lower case, punctuation as spaces."""
    text = text.replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", bare.casefold()))


_FOLDED_COLUMNS = {kind: tuple(_fold(s) for s in names) for kind, names in _COLUMNS.items()}
_FOLDED_STT = frozenset(_fold(s) for s in _STT)


def _column_kind(header: str) -> str | None:
    folded = f" {_fold(header)} "
    if folded.strip() in _FOLDED_STT:
        return "stt"
    best: tuple[int, int, str] | None = None
    for kind, synonyms in _FOLDED_COLUMNS.items():
        for synonym in synonyms:
            at = folded.find(f" {synonym} ")
            if at >= 0 and (best is None or (at, -len(synonym)) < best[:2]):
                best = (at, -len(synonym), kind)
    return best[2] if best else None


@attrs.frozen
class _Header:
    line: int
    columns: dict[str, int]
    names: dict[str, str]
    width: int


def is_header(cells: Sequence[str]) -> bool:
    """Whether a row's cells are the annex table's header: an STT and a criterion column."""
    kinds = {_column_kind(cell) for cell in cells if cell}
    return "stt" in kinds and "text" in kinds


def _read_header(line: int, cells: list[str], problems: ProblemList) -> _Header:
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    for index, cell in enumerate(cells):
        kind = _column_kind(cell) if cell else None
        if kind is None:
            continue  # a column the importer does not use, e.g. "Ghi chú"
        if kind in columns:
            problems.add(
                f"line {line}",
                "E-ANNEX-COLUMN-TWICE",
                what=_COLUMN_WORDS[kind],
                first=syntax.quote(names[kind]),
                second=syntax.quote(cell),
            )
            continue
        columns[kind] = index
        names[kind] = cell
    for kind in _REQUIRED:
        if kind not in columns:
            expected = _STT if kind == "stt" else _COLUMNS[kind]
            problems.add(
                f"line {line}",
                "E-ANNEX-COLUMN-MISSING",
                what=_COLUMN_WORDS[kind],
                expected=syntax.allowed(expected),
            )
    return _Header(line, columns, names, len(cells))


# --------------------------------------------------------------------------- patterns

# "Tiêu chí 1.2:", "Tiêu chí 7.1.2.", "Tiêu chí 7.1.1.3 Chất lượng", "7.1.3. Thực hiện",
# and the short forms "TC 1.7.", "TCTP 7.1.1.3:" (tiêu chí, tiêu chí thành phần)
_CODE_IN_TEXT = re.compile(
    r"^\s*(?:(?:ti[eê]u\s+ch[ií](?:\s+th[aà]nh\s+ph[aầ]n)?|tc(?:tp)?\.?)\s*)?"
    r"(?P<code>[0-9]{1,3}(?:\.[0-9]{1,3})+)(?![0-9])\.?(?:\s*[:.\-–]\s*|\s+|$)",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^(?P<code>[IVXL]+)\.?$")
_MERGED_DOMAIN = re.compile(r"^(?P<code>[IVXL]+)(?:\s*[.:)\-–]\s*|\s+)(?P<rest>\S.*)$")
_ORDINAL = re.compile(r"^[0-9]{1,3}\.?$")
_SUBDOMAIN = re.compile(r"^(?P<code>[0-9]{1,3}\.[0-9]{1,3})\.?$")
_LONG_CODE = re.compile(r"^(?P<code>[0-9]{1,3}(?:\.[0-9]{1,3}){2,})\.?$")
_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?$")
_TOTAL_LABELS = ("tong cong", "tong diem", "tong so diem")
_RATING_LABEL = "xep loai"
_EXCERPT = 60
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

_ROMAN_VALUES = {roman(n): n for n in range(1, 90)}


def excerpt(text: str) -> str:
    """A cell's text for a message: cut to 60 characters."""
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _clean_cell(text: str) -> str:
    """One line of text: control and zero-width characters out, whitespace collapsed."""
    text = text.translate(_DROP)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- rows


RowKind = Literal["domain", "subdomain", "criterion", "total", "rating"]


@attrs.define
class Row:
    """A data row with its cells by column kind; continuation rows are merged into it."""

    line: int
    kind: RowKind
    code: str
    cells: dict[str, str]
    names: dict[str, str]


def text_rows(
    text: str, dialect: Literal["tsv", "csv"], problems: ProblemList
) -> Iterator[tuple[int, list[str]]]:
    """Each row of an annex's text as (its first line, its cells), for :func:`collect_rows`;
    rows of one cell are text outside the table and are not yielded."""
    if dialect == "tsv":
        for number, line in enumerate(text.split("\n"), start=1):
            if "\t" in line:
                yield number, line.split("\t")
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.add(f"line {reader.line_num}", "E-ANNEX-CSV", detail=str(exc))
            return
        if len(fields) > 1:
            yield start, fields
        start = reader.line_num + 1


def dialect_for(file: str, text: str, dialect: Dialect) -> Literal["tsv", "csv"]:
    if dialect != "auto":
        return dialect
    suffix = Path(file).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    return "tsv" if "\t" in text else "csv"


def code_in_text(text: str) -> tuple[str, str] | None:
    """The criterion code at the start of a text, and the text after it."""
    match = _CODE_IN_TEXT.match(text)
    if match is None:
        return None
    return match["code"], text[match.end() :]


def _label(cells: dict[str, str]) -> Literal["total", "rating"] | None:
    for kind in ("stt", "text"):
        folded = _fold(cells.get(kind, ""))
        if any(folded == lbl or folded.startswith(lbl + " ") for lbl in _TOTAL_LABELS):
            return "total"
        if folded == _RATING_LABEL or folded.startswith(_RATING_LABEL + " "):
            return "rating"
    return None


def _classify(
    line: int, cells: dict[str, str], problems: ProblemList
) -> tuple[RowKind | Literal["continuation"], str] | None:
    """(row kind, code), ``("continuation", "")``, or ``None`` after recording a problem."""
    label = _label(cells)
    if label is not None:
        return label, ""
    stt, text = cells.get("stt", ""), cells.get("text", "")
    in_text = code_in_text(text)
    if match := _ROMAN.match(stt):
        if match["code"] in _ROMAN_VALUES:
            return "domain", match["code"]
    elif (match := _SUBDOMAIN.match(stt)) and in_text is None:
        return "subdomain", match["code"]
    elif match := _LONG_CODE.match(stt) or _SUBDOMAIN.match(stt):
        if in_text is not None and in_text[0] != match["code"]:
            problems.add(
                f"line {line}",
                "E-ANNEX-STT-CODE",
                excerpt(text),
                stt=match["code"],
                code=in_text[0],
            )
            return None
        return "criterion", match["code"]
    elif _ORDINAL.match(stt) or not stt:
        if in_text is not None:
            return "criterion", in_text[0]
        if not stt and not cells.get("max") and not cells.get("score"):
            return "continuation", ""
        problems.add(
            f"line {line}",
            "E-ANNEX-CRITERION-CODE",
            excerpt(text),
        )
        return None
    problems.add(
        f"line {line}",
        "E-ANNEX-STT",
        excerpt(stt),
    )
    return None


def _unmerge(cells: dict[str, str]) -> dict[str, str]:
    """A domain row written in one cell ("I. Công tác chỉ đạo …: 8,83/10 điểm"), as Word
    leaves a row merged across the columns: its numeral as the STT, the rest as the text."""
    stt = cells.get("stt", "")
    if cells.get("text") or _ROMAN.match(stt) or not stt:
        return cells
    match = _MERGED_DOMAIN.match(stt)
    if match is None or match["code"] not in _ROMAN_VALUES:
        return cells
    return {**cells, "stt": match["code"], "text": match["rest"]}


def collect_rows(
    table: Iterable[tuple[int, Sequence[str]]], problems: ProblemList
) -> tuple[list[Row], int | None]:
    """The data rows (continuations merged) and the line of the first header, from a
    table's rows as (line, cells): the one row reader the text and the .docx paths share.

    A cell's text may hold line breaks (a Word cell of several paragraphs): each cell is
    made one line, control and zero-width characters out, whitespace collapsed.
    """
    header: _Header | None = None
    rows: list[Row] = []
    first_table_line: int | None = None
    count = 0
    for line, raw in table:
        cells = [_clean_cell(cell) for cell in raw]
        if not any(cells):
            continue
        count += 1
        if count > MAX_ANNEX_ROWS:
            # An annex has a few hundred rows: stop at once rather than read (and report
            # on) a file that is not one, so the refusal stays fast and short.
            problems.add(  # first among the problems: it says why the rest stop here
                "",
                "E-ANNEX-TOO-MANY-ROWS",
                most=MAX_ANNEX_ROWS,
                line=line,
                row=count,
            )
            break
        if is_header(cells):
            header = _read_header(line, cells, problems)
            if first_table_line is None:
                first_table_line = line
            continue
        if header is None:
            continue  # above the table: title lines
        if len(cells) >= 3 and all(_COLUMN_NUMBER.match(c) for c in cells if c):
            continue  # a row numbering the columns: (1) (2) (3) ...
        beyond = [c for c in cells[header.width :] if c]
        if beyond:
            problems.add(f"line {line}", "E-ANNEX-CELL-BEYOND", excerpt(beyond[0]))
        by_kind = _unmerge(
            {
                kind: cells[index] if index < len(cells) else ""
                for kind, index in header.columns.items()
            }
        )
        classified = _classify(line, by_kind, problems)
        if classified is None:
            continue
        kind, code = classified
        if kind == "continuation":
            if not rows or rows[-1].kind in ("total", "rating"):
                problems.add(
                    f"line {line}",
                    "E-ANNEX-CONTINUATION",
                    excerpt(next(c for c in cells if c)),
                )
                continue
            target = rows[-1]
            for key, value in by_kind.items():
                if value:
                    target.cells[key] = f"{target.cells.get(key, '')} {value}".strip()
            # The page's header may name columns the row's own header did not have.
            target.names = {**header.names, **target.names}
            continue
        rows.append(Row(line, kind, code, by_kind, header.names))
    if header is None:
        problems.add(
            "",
            "E-ANNEX-NO-HEADER",
        )
    elif not rows and not problems:
        problems.add(f"line {header.line}", "E-ANNEX-NO-ROWS")
    return rows, first_table_line
