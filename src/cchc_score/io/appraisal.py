"""``appraisal.toml``: an :class:`~cchc_score.annex.Appraisal` written as TOML and read back.

``cchc-score import-annex --out DIR`` writes it, so that a reviewed appraisal can be
corrected by hand and reconciled again. Reading structures it through the one strict
converter (:mod:`.convert`), a node at a time, so that each problem names its node:
``appraisal.toml: nodes[3].max: expected a number (got '1,5')``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NewType, Optional

import attrs

from .. import arguments, syntax
from ..annex import Appraisal, AppraisalNode, Level
from ..errors import AnnexError, ProblemList
from . import files
from .convert import CONVERTER, Invalid, Tables, Year, code, messages, structure

if TYPE_CHECKING:
    import os

__all__ = ["dump_appraisal", "load_appraisal"]

#: A line number or a year: a whole number ≥ 0.
Whole = NewType("Whole", int)
#: A node's code: a string with something in it.
NodeCode = NewType("NodeCode", str)

_NODE_CODE = "E-APPRAISAL-NODE-CODE"


def _whole(value: object, _: type) -> Whole:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid("E-VALUE-NOT-WHOLE", value)
    return Whole(value)


def _node_code(value: object, _: type) -> NodeCode:
    if not isinstance(value, str):
        raise Invalid("E-VALUE-NOT-STRING", value)
    if not value:
        raise Invalid(_NODE_CODE)
    return NodeCode(code(value))  # "１.６" is 1.6, as in the rules (docs/limits.md)


CONVERTER.register_structure_hook(Whole, _whole)
CONVERTER.register_structure_hook(NodeCode, _node_code)


@attrs.frozen
class _AppraisalDoc:
    unit: Optional[str] = None
    year: Optional[Year] = None
    total: Optional[Decimal] = None
    total_line: Optional[Whole] = None
    rating: Optional[str] = None
    rating_line: Optional[Whole] = None
    nodes: Tables = attrs.field(default=Tables(()), metadata=messages(wrong="E-APPRAISAL-NODES"))


@attrs.frozen
class _NodeDoc:
    code: NodeCode = attrs.field(metadata=messages(missing=_NODE_CODE))
    name: str = ""
    level: Level = attrs.field(  # required: keyword-only, so it can follow ``name``
        kw_only=True,
        metadata=messages(missing="E-APPRAISAL-LEVEL"),
    )
    max: Optional[Decimal] = None
    score: Optional[Decimal] = None
    stated_deduction: Optional[Decimal] = None
    reason: str = ""
    task: str = ""
    lead: str = ""
    partners: tuple[str, ...] = ()
    deadline: str = ""
    line: Whole = Whole(0)


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
    arguments.instance(appraisal, Appraisal, "appraisal", "argument.an_appraisal")
    top: dict[str, object] = {
        "unit": appraisal.unit,
        "year": appraisal.year,
        "total": appraisal.total,
        "total_line": appraisal.total_line,
        "rating": appraisal.rating,
        "rating_line": appraisal.rating_line,
    }
    lines = [f"{k} = {syntax.value(v)}" for k, v in top.items() if v is not None]
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
        lines += [f"{k} = {syntax.value(v)}" for k, v in fields.items() if v is not None]
    return "\n".join(lines) + "\n"


def load_appraisal(path: str | os.PathLike[str]) -> Appraisal:
    """Read an appraisal written by :func:`dump_appraisal` (e.g. ``appraisal.toml``).

    Raises:
        AnnexError: with every problem found, each naming the file and the key.
    """
    name = arguments.file_path(path)
    problems = ProblemList(name)
    doc = files.read_toml(Path(name), problems)
    if doc is None:
        problems.raise_as(AnnexError)
    top = structure(doc, _AppraisalDoc, "", problems)
    raw_nodes = doc.get("nodes", [])
    nodes: list[AppraisalNode] = []
    for i, raw in enumerate(raw_nodes if isinstance(raw_nodes, list) else ()):
        node = structure(raw, _NodeDoc, f"nodes[{i}]", problems)
        if node is not None:
            nodes.append(AppraisalNode(**attrs.asdict(node, recurse=False)))
    problems.raise_if_any(AnnexError)
    assert top is not None
    return Appraisal(
        nodes=tuple(nodes),
        total=top.total,
        rating=top.rating,
        year=top.year,
        total_line=top.total_line,
        rating_line=top.rating_line,
        source=name,
        unit=top.unit,
    )
