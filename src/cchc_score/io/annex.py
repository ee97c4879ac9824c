"""Appraisal annexes: the table a unit attaches to its remediation plan, read as data.

An annex (phụ lục) lists, under a row per domain (lĩnh vực), the criteria that lost points
in the appraisal: maximum, appraised score, reason, task, lead unit, partners, deadline.
:func:`read_annex` reads one exported from Word as tab-separated text (or saved as CSV)
into an :class:`~cchc_score.annex.Appraisal` (the numbers, checked by
:func:`cchc_score.reconcile.reconcile`) and a :class:`~cchc_score.plan.Plan` (the tasks).
See docs/annex.md for the format.

Reading is forgiving about layout (title lines, repeated headers, page-break continuation
rows, decimal commas or points, NFD text, BOM, CRLF: :mod:`.annex_layout`) and strict about
content: a row it cannot understand is a problem naming its line, and every problem is
raised at once as :class:`~cchc_score.errors.AnnexError`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .. import arguments, syntax
from ..annex import Appraisal, AppraisalNode, Level
from ..errors import AnnexError, Problem, ProblemList
from ..limits import MAX_ANNEX_BYTES, MAX_DOCX_BYTES
from ..numbers import NumberFormatError, parse_number
from ..plan import Deadline, Plan, PlanError, Task, parse_deadline
from ..words import Phrase
from . import files
from .annex_docx import docx_table
from .annex_layout import (
    Dialect,
    Row,
    code_in_text,
    collect_rows,
    dialect_for,
    excerpt,
    is_header,
    text_rows,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from ..numbers import Lang

__all__ = ["annex_from_rows", "read_annex", "reads_annex", "title_facts"]

# --------------------------------------------------------------------------- patterns

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
_YEAR = re.compile(r"\bnăm\s+(?P<year>[12][0-9]{3})\b", re.IGNORECASE)
# "của UBND phường Bình An", "Ủy ban nhân dân xã Tân Lập, huyện …": the unit's kind and a
# name that starts with a capital or a digit ("phường 3"); "của UBND phường)" names none.
_UNIT = re.compile(
    r"\b(?:UBND|[UỦ][yỷ]\s+ban\s+nh[aâ]n\s+d[aâ]n)\s+"
    r"(?P<kind>xã|phường|thị\s+trấn)\s+(?P<name>[^,;()\n]+)",
    re.IGNORECASE,
)
# "ngày 05 tháng 02 năm 2024": the date a plan was signed, not the index's year.
_DATE = re.compile(r"\btháng\s+[0-9]{1,2}\s+năm\s+[0-9]{4}", re.IGNORECASE)
_UNIT_END = re.compile(
    r"\s+(?:năm|ngày|về|tại|thuộc|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\b.*$", re.IGNORECASE
)
_RATING_IN_TEXT = re.compile(r"\bxếp\s+loại\s*:?\s*(?P<rating>[^,.;()]+)", re.IGNORECASE)
_NAME_EDGES = " :;,.-–"


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


# --------------------------------------------------------------------------- row contents


def _column_number(row: Row, kind: str, problems: ProblemList) -> Decimal | None:
    text = row.cells.get(kind, "")
    if not text:
        return None
    try:
        return _number(text)
    except NumberFormatError as exc:
        problems.add(
            f"line {row.line}",
            "E-ANNEX-COLUMN",
            column=syntax.quote(row.names[kind]),
            detail=Phrase(exc.code, exc.fields),
        )
        return None


def _text_number(text: str, line: int, problems: ProblemList) -> Decimal | None:
    try:
        return _number(text)
    except NumberFormatError as exc:
        problems.add(f"line {line}", "E-ANNEX-IN-TEXT", detail=Phrase(exc.code, exc.fields))
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
    row: Row, problems: ProblemList
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
            "E-ANNEX-POINTS-FORM",
            excerpt(row.cells.get("text", "")),
        )
    return name, max_, score, deduction


def _agree(row: Row, kind: str, in_text: Decimal | None, problems: ProblemList) -> Decimal | None:
    in_column = _column_number(row, kind, problems)
    if in_text is None or in_column is None:
        return in_column if in_text is None else in_text
    if in_text != in_column:
        problems.add(
            f"line {row.line}",
            "E-ANNEX-MAX-DIFFERS" if kind == "max" else "E-ANNEX-SCORE-DIFFERS",
            in_text=in_text,
            column=syntax.quote(row.names[kind]),
            in_column=in_column,
        )
    return in_column


def _node(row: Row, problems: ProblemList) -> AppraisalNode:
    level: Level
    if row.kind == "criterion":
        code_and_rest = code_in_text(row.cells.get("text", ""))
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


def _deadline(row: Row, problems: ProblemList) -> Deadline:
    text = row.cells.get("deadline", "")
    try:
        return parse_deadline(text)
    except PlanError as exc:
        first = exc.problems[0]
        problems.add(
            f"line {row.line}",
            "E-ANNEX-COLUMN",
            column=syntax.quote(row.names["deadline"]),
            detail=Phrase(first.code, first.fields),
        )
        return Deadline(text, None, "none")


def _total(row: Row, problems: ProblemList) -> Decimal | None:
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
        "E-ANNEX-TOTAL-MISSING",
        excerpt(text.strip()),
    )
    return None


def _rating(row: Row) -> str | None:
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


def title_facts(title: Sequence[str]) -> tuple[str | None, int | None]:
    """The unit and the year named in an annex's title lines, where they are.

    >>> title_facts(["ngày 10 tháng 3 năm 2023", "CHỈ SỐ CCHC NĂM 2022", "UBND phường Bình An"])
    ('Phường Bình An', 2022)
    >>> title_facts(["(Kèm theo Kế hoạch số /KH-UBND ngày 10/3/2023 của UBND phường)"])
    (None, None)
    """
    year = next(
        (int(m["year"]) for line in title if (m := _YEAR.search(_DATE.sub(" ", line)))), None
    )
    unit = None
    for line in title:
        match = _UNIT.search(line)
        if match is None:
            continue
        name = _clean_name(_UNIT_END.sub("", match["name"]))
        # A name starts with a capital or a digit ("phường 3"); "UBND phường về việc …"
        # names none.
        if name and (name[0].isupper() or name[0].isdigit()):
            kind = " ".join(match["kind"].split()).lower()
            # "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" at the head of the page: "Xã Tân Lập".
            unit = f"{kind[:1].upper()}{kind[1:]} {name.title() if name.isupper() else name}"
            break
    return unit, year


def annex_from_rows(
    table: Iterable[tuple[int, Sequence[str]]],
    file: str,
    *,
    title: Sequence[str] = (),
    problems: ProblemList | None = None,
) -> tuple[Appraisal, Plan]:
    """Read an annex from its table's rows: the step the text and the .docx readers share.

    Args:
        table: each row as (its line or row number, its cells' texts); a cell may hold
            line breaks (a Word cell of several paragraphs); rows above the header are
            skipped.
        file: the name to give in error messages and as ``source``.
        title: the lines above the table, where the unit and the year are looked for.
        problems: problems already found in the file (reported with the rows' own).

    Returns:
        The appraisal and the plan, as :func:`reads_annex` does.

    Raises:
        AnnexError: with every row it cannot understand, each naming its line.
    """
    problems = problems if problems is not None else ProblemList(file)
    rows, _ = collect_rows(table, problems)
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
                        "E-ANNEX-TOTAL-TWICE",
                        line=total_line,
                    )
                    continue
                total, total_line = _total(row, problems), row.line
            found = _rating(row)
            if found is not None:
                rating, rating_line = found, row.line
            elif row.kind == "rating":
                problems.add(f"line {row.line}", "E-ANNEX-RATING-MISSING")
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
    unit, year = title_facts(title)
    appraisal = Appraisal(
        nodes=tuple(nodes),
        total=total,
        rating=rating,
        year=year,
        total_line=total_line,
        rating_line=rating_line,
        source=file,
        unit=unit,
    )
    return appraisal, Plan(tasks=tuple(tasks), source=file)


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
        The appraisal (every domain, sub-domain and criterion row, in file order; the unit
        and the year where the title lines name them) and the plan (a task for every row
        with a task, lead, partner or deadline).

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
    text = files.normalise_text(text)
    split = dialect_for(file, text, dialect)
    # The title is the lines above the first header; the split stops as soon as it is found.
    header = next((n for n, cells in text_rows(text, split, problems) if is_header(cells)), None)
    title = text.split("\n")[: (header or 1) - 1]
    return annex_from_rows(text_rows(text, split, problems), file, title=title, problems=problems)


def _problem_line(problem: Problem) -> int:
    match = re.match(r"line ([0-9]+)", problem.path)
    return int(match[1]) if match else 0


def read_annex(
    path: str | os.PathLike[str], *, dialect: Dialect = "auto", lang: Lang = "vi"
) -> tuple[Appraisal, Plan]:
    """Read an annex file: a Word document (.docx) or text (TSV or CSV; UTF-8 or UTF-16).

    A Word document is recognised by its content, whatever its name, and read by
    :func:`cchc_score.io.annex_docx.read_annex_docx` (the ``docx`` extra). See
    :func:`reads_annex` for the arguments and docs/annex.md for the format.

    Args:
        path: the file.
        dialect: for text: how to split it into cells (see :func:`reads_annex`).
        lang: the language of the message when python-docx is missing.

    Raises:
        AnnexError: the file cannot be read, or has rows the importer cannot understand.
    """
    name = arguments.file_path(path)
    problems = ProblemList(name)
    is_docx = Path(name).suffix.lower() == ".docx"
    data = files.read_bytes(Path(name), problems, MAX_DOCX_BYTES if is_docx else MAX_ANNEX_BYTES)
    if data is None:
        problems.raise_as(AnnexError)
    if files.sniff(data) == "docx":
        table = docx_table(data, problems, lang)
        if table is None:
            problems.raise_as(AnnexError)
        try:
            return annex_from_rows(table.rows, name, title=table.title, problems=problems)
        except AnnexError as exc:
            raise AnnexError(table.locate(problem) for problem in exc.problems) from None
    text = files.decode_text(data, problems)
    if text is None:
        problems.raise_as(AnnexError)
    return reads_annex(text, name, dialect=dialect)
