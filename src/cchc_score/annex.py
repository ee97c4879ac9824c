"""Appraisal annexes: the table a unit attaches to its remediation plan, read as data.

An annex (phụ lục) lists, under a row per domain (lĩnh vực), the criteria that lost points
in the appraisal: maximum, appraised score, reason, task, lead unit, partners, deadline.
:func:`read_annex` reads one exported from Word as tab-separated text (or saved as CSV)
into an :class:`Appraisal` (the numbers, checked by :func:`cchc_score.reconcile.reconcile`)
and a :class:`~cchc_score.plan.Plan` (the tasks). See docs/annex.md for the format.

Reading is forgiving about layout (title lines, repeated headers, page-break continuation
rows, decimal commas or points, NFD text, BOM, CRLF) and strict about content: a row it
cannot understand is a problem naming its line, and every problem is raised at once as
:class:`~cchc_score.errors.AnnexError`.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import _toml
from .errors import AnnexError, Problem, ProblemList
from .io.files import normalise_text, parse_toml, read_input
from .model import roman
from .numbers import NumberFormatError, parse_number
from .plan import Deadline, Plan, Task, parse_deadline

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Appraisal",
    "AppraisalNode",
    "Dialect",
    "Level",
    "dump_appraisal",
    "load_appraisal",
    "read_annex",
    "reads_annex",
]

#: The kind of row an :class:`AppraisalNode` comes from.
Level = Literal["domain", "subdomain", "criterion"]
#: How to split an annex into cells: by extension or content (``auto``), tabs, or CSV.
Dialect = Literal["auto", "tsv", "csv"]
_LEVELS: tuple[str, ...] = ("domain", "subdomain", "criterion")


@attrs.frozen
class AppraisalNode:
    """One row of an annex that carries points: a domain, a sub-domain or a criterion.

    Attributes:
        code: ``"VII"`` for a domain, ``"7.1"`` for a sub-domain, ``"7.1.2"`` for a
            criterion (codes as the rules file writes them).
        name: the row's text without its code and without the points written in it.
        level: ``"domain"``, ``"subdomain"`` or ``"criterion"``.
        max: the maximum (điểm tối đa), where given.
        score: the appraised points (điểm chấm thẩm định), where given.
        stated_deduction: the deduction written in the text ("(trừ 0,17 điểm)";
            "không có điểm trừ" is 0), where written; ``None`` otherwise.
        reason: the reason for the deduction (lý do bị trừ), as written.
        line: the 1-based line of the row in the file.
        task: the task column (nhiệm vụ/giải pháp), as written.
        lead: the lead unit column (đơn vị chủ trì), as written.
        partners: the partner units, the column split on ";" outside parentheses.
        deadline: the deadline column, as written.

    The last four are also in the plan :func:`read_annex` returns; they are kept here so
    that the appraisal is the whole row and :func:`~cchc_score.reconcile.reconcile` can
    tell which rows say nothing about the remedy.
    """

    code: str
    name: str
    level: Level
    max: Decimal | None
    score: Decimal | None
    stated_deduction: Decimal | None = None
    reason: str = ""
    line: int = 0
    task: str = ""
    lead: str = ""
    partners: tuple[str, ...] = ()
    deadline: str = ""

    @property
    def deduction(self) -> Decimal | None:
        """``max − score`` where both are given, else the stated deduction."""
        if self.max is not None and self.score is not None:
            return self.max - self.score
        return self.stated_deduction


@attrs.frozen
class Appraisal:
    """What an annex says about the appraised points, row by row, in file order.

    Attributes:
        nodes: the domain, sub-domain and criterion rows.
        total: the total of a "Tổng cộng" / "Tổng điểm" row, if the annex has one.
        rating: the rating (xếp loại) if the annex states one.
        year: the index year named in the title lines ("... NĂM 2022"), if any.
        total_line: the line of the total row.
        rating_line: the line where the rating is stated.
        source: the file read (not part of equality).
    """

    nodes: tuple[AppraisalNode, ...]
    total: Decimal | None = None
    rating: str | None = None
    year: int | None = None
    total_line: int | None = None
    rating_line: int | None = None
    source: str | None = attrs.field(default=None, eq=False)

    def node(self, code: str) -> AppraisalNode:
        """The first row with this code.

        Raises:
            KeyError: no row has this code.
        """
        for node in self.nodes:
            if node.code == code:
                return node
        raise KeyError(code)


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
    "stt": "the row number (STT)",
    "text": "the criterion text",
    "max": "the maximum points",
    "score": "the appraised points",
    "reason": "the reason",
    "task": "the task",
    "lead": "the lead unit",
    "partners": "the partner units",
    "deadline": "the deadline",
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


def _is_header(cells: list[str]) -> bool:
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
                f"two columns for {_COLUMN_WORDS[kind]}: "
                f"{_toml.quote(names[kind])} and {_toml.quote(cell)}",
            )
            continue
        columns[kind] = index
        names[kind] = cell
    for kind in _REQUIRED:
        if kind not in columns:
            expected = _STT if kind == "stt" else _COLUMNS[kind]
            problems.add(
                f"line {line}",
                f"the header has no column for {_COLUMN_WORDS[kind]}; "
                f"expected one of {_toml.allowed(expected)}",
            )
    return _Header(line, columns, names, len(cells))


# --------------------------------------------------------------------------- text patterns

_NUM = r"(?<![0-9.,])[0-9]+(?:[.,][0-9]+)?"
_MAX_NUM = r"(?<![0-9.,])[0-9]+(?:[.,][0-9]*)?"  # "14," occurs: a separator with no digits
_DIEM = r"đi[eể]m"
# "8,83/10.0 điểm", "4,5 điểm/7 điểm", "đạt 7,26 điểm/10,5 điểm", "13,45/14, điểm"
_POINTS = re.compile(
    rf"(?:\bđạt\b\s*:?\s*)?(?P<score>{_NUM})\s*(?:{_DIEM}\s*)?/\s*(?P<max>{_MAX_NUM})\s*{_DIEM}",
    re.IGNORECASE,
)
# "(trừ 0,17 điểm)", "(bị trừ 1,75 điểm)", "(trừ 0,55/14,0 điểm)"
_DEDUCTION = re.compile(rf"(?:\bbị\s+)?\btrừ\s*:?\s*(?P<value>{_NUM})", re.IGNORECASE)
# "(không có điểm trừ)", "không bị trừ điểm"
_NO_DEDUCTION = re.compile(
    rf"\bkhông\s+(?:có\s+{_DIEM}\s+trừ|(?:bị\s+)?trừ\s+{_DIEM}|bị\s+trừ)\b", re.IGNORECASE
)
_STRAY_POINTS = re.compile(rf"[0-9](?:[.,][0-9]+)?\s*{_DIEM}", re.IGNORECASE)
_ANY_NUMBER = re.compile(_NUM)
_NUMBER_POINTS = re.compile(rf"(?P<value>{_NUM})\s*{_DIEM}", re.IGNORECASE)
# "Tiêu chí 1.2:", "Tiêu chí 7.1.2.", "Tiêu chí 7.1.1.3 Chất lượng", "7.1.3. Thực hiện"
_CODE_IN_TEXT = re.compile(
    r"^\s*(?:ti[eê]u\s+ch[ií](?:\s+th[aà]nh\s+ph[aầ]n)?\s*)?"
    r"(?P<code>[0-9]{1,3}(?:\.[0-9]{1,3})+)(?![0-9])\.?(?:\s*[:.\-–]\s*|\s+|$)",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^(?P<code>[IVXL]+)\.?$")
_ORDINAL = re.compile(r"^[0-9]{1,3}\.?$")
_SUBDOMAIN = re.compile(r"^(?P<code>[0-9]{1,3}\.[0-9]{1,3})\.?$")
_LONG_CODE = re.compile(r"^(?P<code>[0-9]{1,3}(?:\.[0-9]{1,3}){2,})\.?$")
_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?$")
_YEAR = re.compile(r"\bnăm\s+(?P<year>[12][0-9]{3})\b", re.IGNORECASE)
_RATING_IN_TEXT = re.compile(r"\bxếp\s+loại\s*:?\s*(?P<rating>[^,.;()]+)", re.IGNORECASE)
_TOTAL_LABELS = ("tong cong", "tong diem", "tong so diem")
_RATING_LABEL = "xep loai"
_NAME_EDGES = " :;,.-–"
_EXCERPT = 60
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


_ROMAN_VALUES = {roman(n): n for n in range(1, 90)}


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _clean_cell(text: str) -> str:
    """One line of text: control and zero-width characters out, whitespace collapsed."""
    text = text.translate(_DROP)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


def _clean_name(text: str) -> str:
    return " ".join(text.split()).strip(_NAME_EDGES)


def _number(text: str) -> Decimal:
    """A number as the annex writes it: "1,5", "0.9", "14," or "1,5 điểm".

    Raises:
        NumberFormatError: not a number in a form :func:`parse_number` accepts.
    """
    body = re.sub(rf"\s*(?:{_DIEM}|đ)\s*$", "", text.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"[0-9]+[.,]", body):
        body = body[:-1]
    return parse_number(body)


# --------------------------------------------------------------------------- rows


_RowKind = Literal["domain", "subdomain", "criterion", "total", "rating"]


@attrs.define
class _Row:
    """A data row with its cells by column kind; continuation rows are merged into it."""

    line: int
    kind: _RowKind
    code: str
    cells: dict[str, str]
    names: dict[str, str]


def _split_rows(
    text: str, dialect: Literal["tsv", "csv"], problems: ProblemList
) -> Iterator[tuple[int, list[str]]]:
    """Each row as (its first line, its cells); rows of one cell are text outside the table."""
    if dialect == "tsv":
        for number, line in enumerate(text.split("\n"), start=1):
            if "\t" in line:
                yield number, [_clean_cell(cell) for cell in line.split("\t")]
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.add(f"line {reader.line_num}", f"not valid CSV: {exc}")
            return
        if len(fields) > 1:
            yield start, [_clean_cell(cell) for cell in fields]
        start = reader.line_num + 1


def _dialect_for(file: str, text: str, dialect: Dialect) -> Literal["tsv", "csv"]:
    if dialect != "auto":
        return dialect
    suffix = Path(file).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    return "tsv" if "\t" in text else "csv"


def _code_in_text(text: str) -> tuple[str, str] | None:
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
) -> tuple[_RowKind | Literal["continuation"], str] | None:
    """(row kind, code), ``("continuation", "")``, or ``None`` after recording a problem."""
    label = _label(cells)
    if label is not None:
        return label, ""
    stt, text = cells.get("stt", ""), cells.get("text", "")
    in_text = _code_in_text(text)
    if match := _ROMAN.match(stt):
        if match["code"] in _ROMAN_VALUES:
            return "domain", match["code"]
    elif (match := _SUBDOMAIN.match(stt)) and in_text is None:
        return "subdomain", match["code"]
    elif match := _LONG_CODE.match(stt) or _SUBDOMAIN.match(stt):
        if in_text is not None and in_text[0] != match["code"]:
            problems.add(
                f"line {line}",
                f"the STT gives code {match['code']} but the text gives {in_text[0]}",
                _excerpt(text),
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
            "a criterion row needs its code in the text, e.g. 'Tiêu chí 1.2: ...'",
            _excerpt(text),
        )
        return None
    problems.add(
        f"line {line}",
        "STT: expected a number, a roman numeral (a domain) or a code such as 7.1 (a sub-domain)",
        _excerpt(stt),
    )
    return None


def _collect_rows(
    text: str, dialect: Literal["tsv", "csv"], problems: ProblemList
) -> tuple[list[_Row], list[str]]:
    """The data rows (continuations merged) and the title lines above the first header."""
    header: _Header | None = None
    rows: list[_Row] = []
    first_table_line: int | None = None
    for line, cells in _split_rows(text, dialect, problems):
        if not any(cells):
            continue
        if _is_header(cells):
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
            problems.add(
                f"line {line}", "a cell beyond the last column of the header", _excerpt(beyond[0])
            )
        by_kind = {
            kind: cells[index] if index < len(cells) else ""
            for kind, index in header.columns.items()
        }
        classified = _classify(line, by_kind, problems)
        if classified is None:
            continue
        kind, code = classified
        if kind == "continuation":
            if not rows or rows[-1].kind in ("total", "rating"):
                problems.add(
                    f"line {line}",
                    "a continuation row (no STT, code or points) with no row above it to continue",
                    _excerpt(next(c for c in cells if c)),
                )
                continue
            target = rows[-1]
            for key, value in by_kind.items():
                if value:
                    target.cells[key] = f"{target.cells.get(key, '')} {value}".strip()
            # The page's header may name columns the row's own header did not have.
            target.names = {**header.names, **target.names}
            continue
        rows.append(_Row(line, kind, code, by_kind, header.names))
    if header is None:
        problems.add(
            "",
            "no header row found: expected a row with an 'STT' column and a criterion "
            "column ('Tiêu chí ...' or 'Nội dung')",
        )
    elif not rows and not problems:
        problems.add(f"line {header.line}", "the table has no rows below its header")
    title = text.split("\n")[: (first_table_line or 1) - 1]
    return rows, title


# --------------------------------------------------------------------------- row contents


def _column_number(row: _Row, kind: str, problems: ProblemList) -> Decimal | None:
    text = row.cells.get(kind, "")
    if not text:
        return None
    try:
        return _number(text)
    except NumberFormatError as exc:
        problems.add(f"line {row.line}", f"column {_toml.quote(row.names[kind])}: {exc}")
        return None


def _text_number(text: str, line: int, problems: ProblemList) -> Decimal | None:
    try:
        return _number(text)
    except NumberFormatError as exc:
        problems.add(f"line {line}", f"in the text: {exc}")
        return None


def _split_deduction(text: str, line: int, problems: ProblemList) -> tuple[Decimal | None, str]:
    """The deduction stated in a text, and the text without it (and its parentheses)."""
    found = [m for m in (_DEDUCTION.search(text), _NO_DEDUCTION.search(text)) if m]
    if not found:
        return None, text
    match = min(found, key=lambda m: m.start())
    value = _text_number(match["value"], line, problems) if match.re is _DEDUCTION else Decimal(0)
    start, end = match.start(), match.end()
    before = text[:start].rstrip()
    if before.endswith("("):
        start = len(before) - 1
        close = text.find(")", end)
        end = close + 1 if close >= 0 else len(text)
    return value, f"{text[:start]} {text[end:]}"


def _read_points_text(
    row: _Row, problems: ProblemList
) -> tuple[str, Decimal | None, Decimal | None, Decimal | None]:
    """A domain or sub-domain text: (name, max, score, stated deduction)."""
    text = row.cells.get("text", "")
    lead = re.match(rf"^\s*{re.escape(row.code)}(?!\w)\.?\s*[:.\-–]?\s*", text)
    if lead:
        text = text[lead.end() :]
    points = _POINTS.search(text)
    max_ = score = None
    if points:
        score = _text_number(points["score"], row.line, problems)
        max_ = _text_number(points["max"], row.line, problems)
        name = text[: points.start()]
        deduction, _ = _split_deduction(text[points.end() :], row.line, problems)
    else:
        deduction, name = _split_deduction(text, row.line, problems)
    name = _clean_name(re.sub(r"\bđạt\s*:?\s*$", "", name.rstrip(_NAME_EDGES), flags=re.I))
    if _STRAY_POINTS.search(name):
        problems.add(
            f"line {row.line}",
            "points in the text are not in a form the importer reads; write them as "
            "'8,83/10 điểm (trừ 1,17 điểm)'",
            _excerpt(row.cells.get("text", "")),
        )
    return name, max_, score, deduction


def _agree(row: _Row, kind: str, in_text: Decimal | None, problems: ProblemList) -> Decimal | None:
    in_column = _column_number(row, kind, problems)
    if in_text is None or in_column is None:
        return in_column if in_text is None else in_text
    if in_text != in_column:
        what = "maximum" if kind == "max" else "score"
        problems.add(
            f"line {row.line}",
            f"the text gives the {what} as {_toml.value(in_text)} but column "
            f"{_toml.quote(row.names[kind])} gives {_toml.value(in_column)}",
        )
    return in_column


def _node(row: _Row, problems: ProblemList) -> AppraisalNode:
    level: Level
    if row.kind == "criterion":
        code_and_rest = _code_in_text(row.cells.get("text", ""))
        rest = code_and_rest[1] if code_and_rest else row.cells.get("text", "")
        deduction, name = _split_deduction(rest, row.line, problems)
        name = _clean_name(name)
        level = "criterion"
        max_ = _column_number(row, "max", problems)
        score = _column_number(row, "score", problems)
    else:
        name, max_, score, deduction = _read_points_text(row, problems)
        level = "domain" if row.kind == "domain" else "subdomain"
        max_ = _agree(row, "max", max_, problems)
        score = _agree(row, "score", score, problems)
    return AppraisalNode(
        code=row.code,
        name=name,
        level=level,
        max=max_,
        score=score,
        stated_deduction=deduction,
        reason=row.cells.get("reason", ""),
        line=row.line,
        task=row.cells.get("task", ""),
        lead=row.cells.get("lead", ""),
        partners=_partners(row.cells.get("partners", "")),
        deadline=row.cells.get("deadline", ""),
    )


def _partners(text: str) -> tuple[str, ...]:
    """Split on ";" outside parentheses: commas and bracketed lists stay inside a name."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(p.strip() for p in parts if p.strip())


def _task(node: AppraisalNode, task_id: str, deadline: Deadline) -> Task:
    return Task(
        id=task_id,
        criteria=(node.code,),
        action=node.task,
        lead=node.lead,
        partners=node.partners,
        deadline=deadline,
        reason=node.reason,
    )


def _deadline(row: _Row, problems: ProblemList) -> Deadline:
    text = row.cells.get("deadline", "")
    try:
        return parse_deadline(text)
    except ValueError as exc:
        problems.add(f"line {row.line}", f"column {_toml.quote(row.names['deadline'])}: {exc}")
        return Deadline(text, None, "none")


def _total(row: _Row, problems: ProblemList) -> Decimal | None:
    total = _column_number(row, "score", problems)
    if total is not None:
        return total
    text = " ".join(row.cells.get(k, "") for k in ("stt", "text"))
    if points := _POINTS.search(text):
        return _text_number(points["score"], row.line, problems)
    if points := _NUMBER_POINTS.search(text):
        return _text_number(points["value"], row.line, problems)
    numbers = _ANY_NUMBER.findall(text)
    if len(numbers) == 1:
        return _text_number(numbers[0], row.line, problems)
    problems.add(
        f"line {row.line}",
        "a total row needs the total in the score column or in its text",
        _excerpt(text.strip()),
    )
    return None


def _rating(row: _Row) -> str | None:
    text = " ".join(row.cells.get(k, "") for k in ("stt", "text")).strip()
    if match := _RATING_IN_TEXT.search(text):
        rating = _clean_name(match["rating"])
        if rating:
            return rating
    if row.kind == "rating":
        for kind in ("score", "max", "reason", "task"):
            if value := _clean_name(row.cells.get(kind, "")):
                return value
    return None


# --------------------------------------------------------------------------- reading


def reads_annex(
    text: str, file: str = "<annex>", *, dialect: Dialect = "auto"
) -> tuple[Appraisal, Plan]:
    """Read an annex from text: the appraisal's numbers and the plan's tasks.

    Args:
        text: the annex as tab-separated (or comma-separated) text; NFD, a BOM and CRLF
            line ends are normalised first.
        file: the name to give in error messages and as ``source``; its extension picks
            the dialect when ``dialect`` is ``"auto"``.
        dialect: ``"tsv"``, ``"csv"``, or ``"auto"``: ``.csv`` files are CSV, ``.tsv``
            files TSV, anything else TSV if it contains a tab and CSV otherwise.

    Returns:
        The appraisal (every domain, sub-domain and criterion row, in file order) and the
        plan (a task for every row with a task, lead, partner or deadline).

    Raises:
        AnnexError: with every row it cannot understand, each naming its line.

    >>> annex = (
    ...     "STT\\tTiêu chí\\tĐiểm tối đa\\tĐiểm chấm\\tLý do bị trừ\\tThời hạn\\n"
    ...     "II\\tCải cách thể chế: 6,5/7 điểm (trừ 0,5 điểm)\\t\\t\\t\\t\\n"
    ...     "1\\tTiêu chí 2.1: Ban hành văn bản (trừ 0,5 điểm)\\t2,5\\t2,0\\tChậm\\tQuý II/2023\\n"
    ... )
    >>> appraisal, plan = reads_annex(annex)
    >>> [(n.code, n.name, str(n.max), str(n.score)) for n in appraisal.nodes]
    [('II', 'Cải cách thể chế', '7', '6.5'), ('2.1', 'Ban hành văn bản', '2.5', '2.0')]
    >>> plan.tasks[0].deadline.date
    datetime.date(2023, 6, 30)
    """
    problems = ProblemList(file)
    text = normalise_text(text)
    rows, title = _collect_rows(text, _dialect_for(file, text, dialect), problems)
    nodes: list[AppraisalNode] = []
    tasks: list[Task] = []
    seen: dict[str, int] = {}
    total: Decimal | None = None
    rating: str | None = None
    total_line: int | None = None
    rating_line: int | None = None
    for row in rows:
        if row.kind in ("total", "rating"):
            if row.kind == "total":
                if total_line is not None:
                    problems.add(
                        f"line {row.line}",
                        f"a second total row (the first is on line {total_line})",
                    )
                    continue
                total, total_line = _total(row, problems), row.line
            found = _rating(row)
            if found is not None:
                rating, rating_line = found, row.line
            elif row.kind == "rating":
                problems.add(f"line {row.line}", "a rating row with no rating in it")
            continue
        node = _node(row, problems)
        nodes.append(node)
        deadline = _deadline(row, problems)
        if node.task or node.lead or node.partners or node.deadline:
            seen[node.code] = seen.get(node.code, 0) + 1
            count = seen[node.code]
            task_id = node.code if count == 1 else f"{node.code}-{count}"
            tasks.append(_task(node, task_id, deadline))
    # Rows are read in two passes (layout, then contents): report in file order.
    problems.items.sort(key=_problem_line)
    problems.raise_if_any(AnnexError)
    year = next((int(m["year"]) for line in title if (m := _YEAR.search(line))), None)
    appraisal = Appraisal(
        nodes=tuple(nodes),
        total=total,
        rating=rating,
        year=year,
        total_line=total_line,
        rating_line=rating_line,
        source=file,
    )
    return appraisal, Plan(tasks=tuple(tasks), source=file)


def _problem_line(problem: Problem) -> int:
    match = re.match(r"line ([0-9]+)", problem.path)
    return int(match[1]) if match else 0


def read_annex(
    path: str | os.PathLike[str], *, dialect: Dialect = "auto"
) -> tuple[Appraisal, Plan]:
    """Read an annex file (UTF-8, TSV or CSV): the appraisal's numbers and the plan's tasks.

    See :func:`reads_annex` for the arguments and docs/annex.md for the format.

    Raises:
        AnnexError: the file cannot be read, or has rows the importer cannot understand.
    """
    name = os.fspath(path)
    problems = ProblemList(name)
    text = read_input(Path(name), problems)
    if text is None:
        problems.raise_as(AnnexError)
    return reads_annex(text, name, dialect=dialect)


# --------------------------------------------------------------------------- appraisal.toml

_TOP_KEYS = ("year", "total", "total_line", "rating", "rating_line", "nodes")
_NODE_KEYS = (
    "code",
    "name",
    "level",
    "max",
    "score",
    "stated_deduction",
    "reason",
    "task",
    "lead",
    "partners",
    "deadline",
    "line",
)


def dump_appraisal(appraisal: Appraisal) -> str:
    """Write an appraisal as TOML that :func:`load_appraisal` reads back equal.

    >>> node = AppraisalNode("IX", "Sự hài lòng", "domain", Decimal(25), Decimal("19.05"))
    >>> print(dump_appraisal(Appraisal((node,))), end="")
    [[nodes]]
    code = "IX"
    name = "Sự hài lòng"
    level = "domain"
    max = 25
    score = 19.05
    line = 0
    """
    top: dict[str, object] = {
        "year": appraisal.year,
        "total": appraisal.total,
        "total_line": appraisal.total_line,
        "rating": appraisal.rating,
        "rating_line": appraisal.rating_line,
    }
    lines = [f"{k} = {_toml.value(v)}" for k, v in top.items() if v is not None]
    for node in appraisal.nodes:
        if lines:
            lines.append("")
        fields: dict[str, object] = {
            "code": node.code,
            "name": node.name,
            "level": node.level,
            "max": node.max,
            "score": node.score,
            "stated_deduction": node.stated_deduction,
            "reason": node.reason or None,
            "task": node.task or None,
            "lead": node.lead or None,
            "partners": list(node.partners) or None,
            "deadline": node.deadline or None,
            "line": node.line,
        }
        lines.append("[[nodes]]")
        lines += [f"{k} = {_toml.value(v)}" for k, v in fields.items() if v is not None]
    return "\n".join(lines) + "\n"


def load_appraisal(path: str | os.PathLike[str]) -> Appraisal:
    """Read an appraisal written by :func:`dump_appraisal` (e.g. ``appraisal.toml``).

    Raises:
        AnnexError: with every problem found, each naming the file and the key.
    """
    name = os.fspath(path)
    problems = ProblemList(name)
    text = read_input(Path(name), problems)
    doc = parse_toml(text, problems) if text is not None else None
    if doc is None:
        problems.raise_as(AnnexError)
    for key in doc:
        if key not in _TOP_KEYS:
            problems.add(_toml.key(key), f"unknown key; expected one of {_toml.allowed(_TOP_KEYS)}")
    raw_nodes = doc.get("nodes", [])
    if not isinstance(raw_nodes, list):
        problems.add("nodes", "expected an array of tables ([[nodes]])", raw_nodes)
        raw_nodes = []
    nodes = [_node_from(raw, i, problems) for i, raw in enumerate(raw_nodes)]
    appraisal = Appraisal(
        nodes=tuple(n for n in nodes if n is not None),
        total=_toml_number(doc, "total", "total", problems),
        rating=_toml_str(doc, "rating", "rating", problems, default=None),
        year=_toml_int(doc, "year", "year", problems),
        total_line=_toml_int(doc, "total_line", "total_line", problems),
        rating_line=_toml_int(doc, "rating_line", "rating_line", problems),
        source=name,
    )
    problems.raise_if_any(AnnexError)
    return appraisal


def _node_from(raw: object, index: int, problems: ProblemList) -> AppraisalNode | None:
    where = f"nodes[{index}]"
    if not isinstance(raw, dict):
        problems.add(where, "expected a table", raw)
        return None
    before = len(problems.items)
    for key in raw:
        if key not in _NODE_KEYS:
            problems.add(
                f"{where}.{_toml.key(key)}",
                f"unknown key; expected one of {_toml.allowed(_NODE_KEYS)}",
            )
    code = _toml_str(raw, "code", f"{where}.code", problems, default=None)
    if not code:
        problems.add(f"{where}.code", "a node needs a code (a non-empty string)")
    level = raw.get("level")
    if level not in _LEVELS:
        problems.add(
            f"{where}.level",
            f"expected one of {_toml.allowed(_LEVELS)}",
            *(() if level is None else (level,)),
        )
    node = AppraisalNode(
        code=code or "",
        name=_toml_str(raw, "name", f"{where}.name", problems, default="") or "",
        level=level,  # type: ignore[arg-type]  # checked above
        max=_toml_number(raw, "max", f"{where}.max", problems),
        score=_toml_number(raw, "score", f"{where}.score", problems),
        stated_deduction=_toml_number(
            raw, "stated_deduction", f"{where}.stated_deduction", problems
        ),
        reason=_toml_str(raw, "reason", f"{where}.reason", problems, default="") or "",
        task=_toml_str(raw, "task", f"{where}.task", problems, default="") or "",
        lead=_toml_str(raw, "lead", f"{where}.lead", problems, default="") or "",
        partners=_toml_strings(raw, "partners", f"{where}.partners", problems),
        deadline=_toml_str(raw, "deadline", f"{where}.deadline", problems, default="") or "",
        line=_toml_int(raw, "line", f"{where}.line", problems) or 0,
    )
    return node if len(problems.items) == before else None


def _toml_str(
    doc: dict[str, Any], key: str, where: str, problems: ProblemList, default: str | None
) -> str | None:
    value = doc.get(key, default)
    if value is None or isinstance(value, str):
        return value
    problems.add(where, "expected a string", value)
    return default


def _toml_strings(
    doc: dict[str, Any], key: str, where: str, problems: ProblemList
) -> tuple[str, ...]:
    value = doc.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    problems.add(where, "expected an array of strings", value)
    return ()


def _toml_int(doc: dict[str, Any], key: str, where: str, problems: ProblemList) -> int | None:
    value = doc.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.add(where, "expected a whole number ≥ 0", value)
        return None
    return value


def _toml_number(
    doc: dict[str, Any], key: str, where: str, problems: ProblemList
) -> Decimal | None:
    value = doc.get(key)
    return None if value is None else _toml.number(value, where, problems, text=False)
