"""Remediation plans: tasks, their deadlines and what each does to the scores when done.

A plan comes from an annex (:func:`cchc_score.read_annex`) or from a plan file
(:func:`cchc_score.io.plan.load_plan`); both give the same frozen :class:`Plan`. This module
is pure: it reads no file.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any, Literal, Union

import attrs

from . import arguments
from .errors import CchcScoreError

__all__ = [
    "PLAN_EXPECTED",
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
# "Quý II/2023", "Quý II - 2023", "Quý III năm 2023"; "Tháng 6/2023", "Tháng 10 năm 2023"
_OF_YEAR = r"(?:\s*[/.-]\s*(?:năm\s+)?|\s+năm\s+)(\d{4})$"
_QUARTER = re.compile(r"^quý\s+(IV|I{1,3}|[1-4])" + _OF_YEAR, re.IGNORECASE)
_MONTH = re.compile(r"^tháng\s+(\d{1,2})" + _OF_YEAR, re.IGNORECASE)
_DATE = re.compile(r"^(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ONGOING = re.compile(r"^(thường xuyên|hàng năm|hằng năm|liên tục)$", re.IGNORECASE)
# "Trước 30/6/2023", "Chậm nhất ngày 30/6/2023", "Hoàn thành trong quý III/2023": the
# period or day that follows is the deadline.
_LEAD = re.compile(r"^(?:hoàn thành\s+)?(?:trước|chậm nhất|trong|đến)\s+(?=\S)", re.IGNORECASE)


class PlanError(CchcScoreError, ValueError):
    """A plan file cannot be read or does not fit the rules."""


#: What a plan argument must be, said the same way by every function that takes one (a word
#: code of :mod:`cchc_score.words`, said in the problem's language).
PLAN_EXPECTED = "argument.plan"


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
    >>> parse_deadline("Trước ngày 30/6/2023").date, parse_deadline("Quý III năm 2023").date
    (datetime.date(2023, 6, 30), datetime.date(2023, 9, 30))

    Raises:
        PlanError: (a ``ValueError``) the text is not a deadline in a known form, names no
            real date, or is not a string.
    """
    if not isinstance(text, str):
        raise arguments.fail(
            PlanError,
            "deadline",
            "E-ARGUMENT-TYPE",
            text,
            expected=arguments.said("argument.string"),
            type=type(text).__name__,
        )
    clean = _LEAD.sub("", " ".join(unicodedata.normalize("NFC", text).split()), count=1)
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
            raise arguments.fail(PlanError, "", "E-DEADLINE-MONTH", month=month, text=repr(text))
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
            raise arguments.fail(PlanError, "", "E-DEADLINE-DATE", text=repr(text)) from None
    raise arguments.fail(
        PlanError,
        "",
        "E-DEADLINE-FORM",
        text=repr(text),
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _share(value: object) -> Decimal:
    return arguments.as_number(value, "share", PlanError, percent=True, decimals_as_given=True)


def _fact_effects(value: object) -> tuple[tuple[str, Any], ...]:
    found = arguments.pairs(value, "facts", PlanError)
    return tuple(
        (
            name,
            arguments.as_number(v, f"facts[{name!r}]", PlanError, decimals_as_given=True)
            if isinstance(v, float)
            else tuple(v)
            if isinstance(v, list)
            else v,
        )
        for name, v in found
    )


def _points(value: object) -> tuple[tuple[str, Decimal], ...]:
    return tuple(
        (code, arguments.as_number(v, f"appraised[{code!r}]", PlanError, decimals_as_given=True))
        for code, v in arguments.pairs(value, "appraised", PlanError)
    )


@attrs.frozen
class Restore:
    """When done, the task's criteria score their maximum."""

    kind: Literal["restore"] = "restore"


@attrs.frozen
class PartialRestore:
    """When done, the task wins back ``share`` (0–1) of the points its criteria lost."""

    share: Decimal = attrs.field(converter=_share)
    kind: Literal["partial"] = "partial"


@attrs.frozen
class SetFacts:
    """When done, these facts take these values (and appraised points, by code)."""

    facts: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_fact_effects)
    appraised: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_points)
    kind: Literal["facts"] = "facts"


Effect = Union[Restore, PartialRestore, SetFacts]


def _task_id(value: object) -> str:
    return arguments.instance(value, str, "id", "argument.task_id", PlanError)


def _criteria(value: object) -> tuple[str, ...]:
    return arguments.strings(value, "criteria", PlanError)


def _partners(value: object) -> tuple[str, ...]:
    return arguments.strings(value, "partners", PlanError)


def _text(value: object, field: str) -> str:
    return arguments.instance(value, str, field, "argument.string", PlanError)


def _action(value: object) -> str:
    return _text(value, "action")


def _lead(value: object) -> str:
    return _text(value, "lead")


def _reason(value: object) -> str:
    return _text(value, "reason")


def _unit(value: object) -> str:
    return _text(value, "unit")


def _deadline(value: object) -> Deadline:
    return value if isinstance(value, Deadline) else parse_deadline(value)  # type: ignore[arg-type]


def _effect(value: object) -> Effect:
    if not isinstance(value, (Restore, PartialRestore, SetFacts)):
        raise arguments.fail(
            PlanError,
            "effect",
            "E-ARGUMENT-TYPE",
            value,
            expected=arguments.said("argument.effect"),
            type=type(value).__name__,
        )
    return value


def _effort(value: object) -> Decimal | None:
    if value is None:
        return None
    number = arguments.as_number(value, "effort", PlanError, decimals_as_given=True)
    if number < 0:
        raise arguments.fail(PlanError, "effort", "E-PLAN-DAYS-NEGATIVE", value)
    return number


def _probability(value: object) -> Decimal:
    return arguments.as_number(
        value, "probability", PlanError, percent=True, decimals_as_given=True
    )


def _tasks(value: object) -> tuple[Task, ...]:
    if isinstance(value, Task):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise arguments.fail(
            PlanError,
            "tasks",
            "E-ARGUMENT-TYPE",
            value,
            expected=arguments.said("argument.tasks"),
            type=type(value).__name__,
        )
    for item in value:
        if not isinstance(item, Task):
            raise arguments.fail(
                PlanError,
                "tasks",
                "E-ARGUMENT-TYPE",
                item,
                expected=arguments.said("argument.task"),
                type=type(item).__name__,
            )
    return tuple(value)


def _year(value: object) -> int | None:
    return None if value is None else arguments.whole(value, "year", PlanError)


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

    Values are taken as Python writes them: ``criteria="5.1"`` is one code, lists become
    tuples, a deadline may be its text (``"Quý II/2023"``), ``effort`` and ``probability``
    an ``int``, a ``float`` (by its shortest repr) or a string (``"1,5"``, ``"80%"``).
    Anything else raises :class:`PlanError` naming the field.

    >>> Task("T1", "5.1", deadline="Quý II/2023", effort=2, probability=0.8).probability
    Decimal('0.8')
    """

    id: str = attrs.field(converter=_task_id)
    criteria: tuple[str, ...] = attrs.field(converter=_criteria)
    action: str = attrs.field(default="", converter=_action)
    lead: str = attrs.field(default="", converter=_lead)
    partners: tuple[str, ...] = attrs.field(default=(), converter=_partners)
    deadline: Deadline = attrs.field(default=Deadline("", None, "none"), converter=_deadline)
    effect: Effect = attrs.field(default=Restore(), converter=_effect)
    effect_stated: bool = False
    effort: Decimal | None = attrs.field(default=None, converter=_effort)
    probability: Decimal = attrs.field(default=Decimal(1), converter=_probability)
    reason: str = attrs.field(default="", converter=_reason)


@attrs.frozen
class Plan:
    """A remediation plan: the tasks a unit commits to, for a year."""

    tasks: tuple[Task, ...] = attrs.field(converter=_tasks)
    unit: str = attrs.field(default="", converter=_unit)
    year: int | None = attrs.field(default=None, converter=_year)
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
