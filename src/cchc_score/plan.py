"""Remediation plans: tasks, their deadlines and what each does to the scores when done.

A plan comes from an annex (:func:`cchc_score.read_annex`) or from a plan file
(:func:`cchc_score.io.plan.load_plan`); both give the same frozen :class:`Plan`. This module
is pure: it reads no file.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Any, Literal, Union

import attrs

from .errors import CchcScoreError

__all__ = [
    "Deadline",
    "Effect",
    "PartialRestore",
    "Plan",
    "PlanError",
    "Restore",
    "SetFacts",
    "Task",
    "parse_deadline",
]

DeadlineKind = Literal["year", "quarter", "month", "date", "ongoing", "none"]

_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = re.compile(r"^(?:năm\s+)?(\d{4})$", re.IGNORECASE)
_QUARTER = re.compile(r"^quý\s+(IV|I{1,3}|[1-4])\s*[/.-]\s*(?:năm\s+)?(\d{4})$", re.IGNORECASE)
_MONTH = re.compile(r"^tháng\s+(\d{1,2})\s*[/.-]\s*(?:năm\s+)?(\d{4})$", re.IGNORECASE)
_DATE = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ONGOING = re.compile(r"^(thường xuyên|hàng năm|hằng năm|liên tục)$", re.IGNORECASE)


class PlanError(CchcScoreError, ValueError):
    """A plan file cannot be read or does not fit the rules."""


@attrs.frozen
class Deadline:
    """A deadline as written, with the last day of the period it names.

    ``kind`` is ``year`` ("Năm 2023"), ``quarter`` ("Quý II/2023"), ``month``
    ("Tháng 6/2023"), ``date`` ("30/6/2023"), ``ongoing`` ("Thường xuyên": no fixed date)
    or ``none`` (empty). ``date`` is ``None`` for the last two.
    """

    text: str
    date: dt.date | None
    kind: DeadlineKind


def parse_deadline(text: str) -> Deadline:
    """Read a deadline as annexes write it.

    >>> parse_deadline("Quý II/2023").date
    datetime.date(2023, 6, 30)
    >>> parse_deadline("Thường xuyên").kind
    'ongoing'

    Raises:
        ValueError: the text is not a deadline in a known form, or names no real date.
    """
    clean = " ".join(text.split())
    if not clean:
        return Deadline(text, None, "none")
    if _ONGOING.match(clean):
        return Deadline(text, None, "ongoing")
    if match := _YEAR.match(clean):
        return Deadline(text, dt.date(int(match[1]), 12, 31), "year")
    if match := _QUARTER.match(clean):
        quarter = _ROMAN_QUARTERS.get(match[1].upper()) or int(match[1])
        return Deadline(text, _month_end(int(match[2]), quarter * 3), "quarter")
    if match := _MONTH.match(clean):
        month = int(match[1])
        if not 1 <= month <= 12:
            raise ValueError(f"no month {month} in deadline {text!r}")
        return Deadline(text, _month_end(int(match[2]), month), "month")
    match = _DATE.match(clean)
    day_month_year = (match[1], match[2], match[3]) if match else None
    if day_month_year is None and (iso := _ISO_DATE.match(clean)):
        day_month_year = (iso[3], iso[2], iso[1])
    if day_month_year is not None:
        day, month, year = (int(part) for part in day_month_year)
        try:
            return Deadline(text, dt.date(year, month, day), "date")
        except ValueError:
            raise ValueError(f"no such date: {text!r}") from None
    raise ValueError(
        f"not a deadline: {text!r} (expected e.g. 'Năm 2023', 'Quý II/2023', 'Tháng 6/2023', "
        "'30/6/2023' or 'Thường xuyên')"
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@attrs.frozen
class Restore:
    """When done, the task's criteria score their maximum."""

    kind: Literal["restore"] = "restore"


@attrs.frozen
class PartialRestore:
    """When done, the task wins back ``share`` (0–1) of the points its criteria lost."""

    share: Decimal
    kind: Literal["partial"] = "partial"


@attrs.frozen
class SetFacts:
    """When done, these facts take these values (and appraised points, by code)."""

    facts: tuple[tuple[str, Any], ...] = ()
    appraised: tuple[tuple[str, Decimal], ...] = ()
    kind: Literal["facts"] = "facts"


Effect = Union[Restore, PartialRestore, SetFacts]


@attrs.frozen
class Task:
    """One task of a remediation plan.

    Attributes:
        id: a short identifier, unique in the plan.
        criteria: the codes of the criteria the task serves.
        action: what is to be done (nhiệm vụ/giải pháp).
        lead: the lead unit (đơn vị chủ trì).
        partners: the partner units (đơn vị phối hợp).
        deadline: when it is due.
        effect: what it does to the scores when done; ``Restore()`` by default.
        effect_stated: whether the effect was given, rather than defaulted.
        effort: person-days, where estimated.
        probability: the chance it is completed by its deadline (default 1).
        reason: the reason the criteria lost points, as the annex gives it.
    """

    id: str
    criteria: tuple[str, ...]
    action: str = ""
    lead: str = ""
    partners: tuple[str, ...] = ()
    deadline: Deadline = Deadline("", None, "none")
    effect: Effect = Restore()
    effect_stated: bool = False
    effort: Decimal | None = None
    probability: Decimal = Decimal(1)
    reason: str = ""


@attrs.frozen
class Plan:
    """A remediation plan: the tasks a unit commits to, for a year."""

    tasks: tuple[Task, ...]
    unit: str = ""
    year: int | None = None
    source: str | None = attrs.field(default=None, eq=False)

    def task(self, task_id: str) -> Task:
        """The task with this id.

        Raises:
            KeyError: no task has this id.
        """
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)
