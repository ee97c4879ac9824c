"""Remediation plans: tasks, their deadlines and what each does to the scores when done.

A plan comes from an annex (:func:`cchc_score.read_annex`) or from a plan file
(:func:`load_plan`); both give the same frozen :class:`Plan`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

import attrs

from . import _toml
from .errors import CchcScoreError, ProblemList
from .io.files import parse_toml, read_input

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Deadline",
    "Effect",
    "PartialRestore",
    "Plan",
    "PlanError",
    "Restore",
    "SetFacts",
    "Task",
    "dump_plan",
    "load_plan",
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


# --------------------------------------------------------------------------- plan files

_TOP_KEYS = ("unit", "year", "rules", "tasks")
_TASK_KEYS = (
    "id",
    "criteria",
    "action",
    "lead",
    "partners",
    "deadline",
    "effort",
    "probability",
    "reason",
    "effect",
)
_EFFECT_KINDS = ("restore", "partial", "facts")


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file (TOML, see docs/projection.md).

    Raises:
        PlanError: with every problem found, each naming the file, task and key.
    """
    name = os.fspath(path)
    problems = ProblemList(name)
    text = read_input(Path(name), problems)
    doc = parse_toml(text, problems) if text is not None else None
    if doc is None:
        problems.raise_as(PlanError)
    plan = _plan_from(doc, name, problems)
    problems.raise_if_any(PlanError)
    return plan


def _plan_from(doc: dict[str, Any], name: str, problems: ProblemList) -> Plan:
    for key in doc:
        if key not in _TOP_KEYS:
            problems.add(_toml.key(key), f"unknown key; expected one of {_toml.allowed(_TOP_KEYS)}")
    unit = doc.get("unit", "")
    if not isinstance(unit, str):
        problems.add("unit", "expected a string", unit)
        unit = ""
    year = doc.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        problems.add("year", "expected a year as an integer", year)
        year = None
    raw_tasks = doc.get("tasks", [])
    if not isinstance(raw_tasks, list):
        problems.add("tasks", "expected an array of tables ([[tasks]])", raw_tasks)
        raw_tasks = []
    tasks: list[Task] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_tasks):
        task = _task_from(raw, i, problems)
        if task is None:
            continue
        if task.id in seen:
            problems.add(f"task {_toml.quote(task.id)}.id", "duplicate id", task.id)
        seen.add(task.id)
        tasks.append(task)
    return Plan(tasks=tuple(tasks), unit=unit, year=year, source=name)


def _task_from(raw: object, index: int, problems: ProblemList) -> Task | None:
    if not isinstance(raw, dict):
        problems.add(f"tasks[{index}]", "expected a table", raw)
        return None
    task_id = raw.get("id")
    where = f"task {_toml.quote(task_id)}" if isinstance(task_id, str) else (f"tasks[{index}]")
    before = len(problems.items)
    for key in raw:
        if key not in _TASK_KEYS:
            problems.add(
                f"{where}.{_toml.key(key)}",
                f"unknown key; expected one of {_toml.allowed(_TASK_KEYS)}",
            )
    if not isinstance(task_id, str) or not task_id.strip():
        problems.add(
            f"{where}.id",
            "a task needs an id (a non-empty string)",
            *(() if task_id is None else (task_id,)),
        )
    criteria = _strings(raw.get("criteria"), f"{where}.criteria", problems, required=True)
    partners = raw.get("partners", ())
    partners = (
        (partners,)
        if isinstance(partners, str)
        else _strings(partners, f"{where}.partners", problems)
    )
    text = {
        key: _string(raw.get(key, ""), f"{where}.{key}", problems)
        for key in ("action", "lead", "reason", "deadline")
    }
    try:
        deadline = parse_deadline(text["deadline"])
    except ValueError as exc:
        problems.add(f"{where}.deadline", str(exc))
        deadline = Deadline(text["deadline"], None, "none")
    effort = _number(raw.get("effort"), f"{where}.effort", problems, low=Decimal(0))
    probability = _number(
        raw.get("probability"),
        f"{where}.probability",
        problems,
        low=Decimal(0),
        high=Decimal(1),
        percent=True,
    )
    effect = _effect_from(raw.get("effect"), f"{where}.effect", problems)
    if len(problems.items) > before:
        return None
    return Task(
        id=task_id,  # type: ignore[arg-type]  # checked above
        criteria=criteria,
        action=text["action"],
        lead=text["lead"],
        partners=partners,
        deadline=deadline,
        effect=effect or Restore(),
        effect_stated=effect is not None,
        effort=effort,
        probability=probability if probability is not None else Decimal(1),
        reason=text["reason"],
    )


def _effect_from(raw: object, where: str, problems: ProblemList) -> Effect | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.add(where, "expected a table with a 'kind' key", raw)
        return None
    kind = raw.get("kind")
    if kind not in _EFFECT_KINDS:
        problems.add(
            f"{where}.kind",
            f"unknown effect kind; expected one of {_toml.allowed(_EFFECT_KINDS)}",
            *(() if kind is None else (kind,)),
        )
        return None
    allowed = {
        "restore": ("kind",),
        "partial": ("kind", "share"),
        "facts": ("kind", "facts", "appraised"),
    }[kind]
    for key in raw:
        if key not in allowed:
            problems.add(
                f"{where}.{_toml.key(key)}",
                f"unknown key; expected one of {_toml.allowed(allowed)}",
            )
    if kind == "restore":
        return Restore()
    if kind == "partial":
        share = _number(
            raw.get("share"),
            f"{where}.share",
            problems,
            low=Decimal(0),
            high=Decimal(1),
            percent=True,
            required=True,
        )
        return PartialRestore(share) if share is not None else None
    facts = raw.get("facts", {})
    appraised = raw.get("appraised", {})
    if not isinstance(facts, dict) or not isinstance(appraised, dict):
        problems.add(where, "'facts' and 'appraised' must be tables")
        return None
    points = {}
    for code, value in appraised.items():
        number = _number(
            value, f"{where}.appraised.{_toml.key(code)}", problems, low=Decimal(0), required=True
        )
        if number is not None:
            points[code] = number
    if not facts and not points:
        problems.add(where, "a 'facts' effect needs at least one fact or appraised value")
    return SetFacts(
        facts=tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in facts.items())),
        appraised=tuple(sorted(points.items())),
    )


def _string(value: object, where: str, problems: ProblemList) -> str:
    if isinstance(value, str):
        return value
    problems.add(where, "expected a string", value)
    return ""


def _strings(
    value: object, where: str, problems: ProblemList, required: bool = False
) -> tuple[str, ...]:
    if value is None and not required:
        return ()
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        problems.add(where, "expected an array of strings", *(() if value is None else (value,)))
        return ()
    if required and not value:
        problems.add(where, "must name at least one criterion")
    return tuple(value)


def _number(
    value: object,
    where: str,
    problems: ProblemList,
    low: Decimal | None = None,
    high: Decimal | None = None,
    percent: bool = False,
    required: bool = False,
) -> Decimal | None:
    if value is None:
        if required:
            problems.add(where, "required")
        return None
    number = _toml.number(value, where, problems, percent=percent)
    if number is None:
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"between {low} and {high}" if high is not None else f"≥ {low}"
        problems.add(where, f"must be a number {bounds}", value)
        return None
    return number


def dump_plan(plan: Plan) -> str:
    """Write a plan as TOML that :func:`load_plan` reads back to an equal plan."""
    lines = []
    if plan.unit:
        lines.append(f"unit = {_toml.value(plan.unit)}")
    if plan.year is not None:
        lines.append(f"year = {plan.year}")
    for task in plan.tasks:
        lines += [
            "",
            "[[tasks]]",
            f"id = {_toml.value(task.id)}",
            f"criteria = {_toml.value(list(task.criteria))}",
        ]
        fields: Mapping[str, object] = {
            "action": task.action,
            "reason": task.reason,
            "lead": task.lead,
            "partners": list(task.partners),
            "deadline": task.deadline.text,
            "effort": task.effort,
            "probability": task.probability if task.probability != 1 else None,
        }
        lines += [
            f"{key} = {_toml.value(value)}"
            for key, value in fields.items()
            if value not in (None, "", [])
        ]
        if task.effect_stated:
            lines += _dump_effect(task.effect)
    return "\n".join(lines) + "\n"


def _dump_effect(effect: Effect) -> list[str]:
    lines = ["[tasks.effect]", f"kind = {_toml.value(effect.kind)}"]
    if isinstance(effect, PartialRestore):
        lines.append(f"share = {_toml.value(effect.share)}")
    elif isinstance(effect, SetFacts):
        if effect.facts:
            lines.append("[tasks.effect.facts]")
            lines += [f"{_toml.key(k)} = {_toml.value(v)}" for k, v in effect.facts]
        if effect.appraised:
            lines.append("[tasks.effect.appraised]")
            lines += [f"{_toml.key(k)} = {_toml.value(v)}" for k, v in effect.appraised]
    return lines
