"""Appraisals: what an annex says about the appraised points, row by row.

An :class:`Appraisal` holds the domain, sub-domain and criterion rows of an appraisal annex
(phụ lục), with the total and the rating where the annex states them. It is read from the
annex text by :func:`cchc_score.io.annex.read_annex` and from ``appraisal.toml`` by
:func:`cchc_score.io.appraisal.load_appraisal`, and checked by
:func:`cchc_score.reconcile.reconcile`. This module is pure: it reads no file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from . import arguments
from .errors import AnnexError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Appraisal", "AppraisalNode", "Level"]

#: The kind of row an :class:`AppraisalNode` comes from.
Level = Literal["domain", "subdomain", "criterion"]


def _points(field: str) -> Callable[[object], Decimal | None]:
    def points(value: object) -> Decimal | None:
        return (
            None
            if value is None
            else arguments.as_number(value, field, AnnexError, decimals_as_given=True)
        )

    return points


def _max(value: object) -> Decimal | None:
    return _points("max")(value)


def _score(value: object) -> Decimal | None:
    return _points("score")(value)


def _stated(value: object) -> Decimal | None:
    return _points("stated_deduction")(value)


def _nodes(value: object) -> tuple[AppraisalNode, ...]:
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(node, AppraisalNode) for node in value
    ):
        raise arguments.fail(
            AnnexError,
            "nodes",
            "E-ARGUMENT-LIST",
            value,
            expected="AppraisalNode",
        )
    return tuple(value)


def _total(value: object) -> Decimal | None:
    return _points("total")(value)


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
    max: Decimal | None = attrs.field(converter=_max)
    score: Decimal | None = attrs.field(converter=_score)
    stated_deduction: Decimal | None = attrs.field(default=None, converter=_stated)
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
        unit: the unit named in the title lines ("Phường Bình An"), or given on the
            command line (``import-annex --unit``), if any.
    """

    nodes: tuple[AppraisalNode, ...] = attrs.field(converter=_nodes)
    total: Decimal | None = attrs.field(default=None, converter=_total)
    rating: str | None = None
    year: int | None = None
    total_line: int | None = None
    rating_line: int | None = None
    source: str | None = attrs.field(default=None, eq=False)
    unit: str | None = None

    def node(self, code: str) -> AppraisalNode:
        """The first row with this code.

        Raises:
            KeyError: no row has this code.
        """
        for node in self.nodes:
            if node.code == code:
                return node
        raise KeyError(code)
