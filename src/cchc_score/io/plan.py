"""Plan files (TOML) → :class:`~cchc_score.plan.Plan`, and back (:func:`dump_plan`).

The document is structured through the one strict converter (:mod:`.convert`), a task at a
time so that each problem names its task: ``plan.toml: task "2.1".probability: must be a
number between 0 and 1 (got 1.5)``. Whether the tasks fit a rule set (codes, facts) is
checked when the plan is projected. See docs/projection.md for the format.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NewType, Optional

import attrs

from .. import arguments, syntax
from ..errors import NO_VALUE, ProblemList
from ..limits import MAX_PLAN_EFFORT, MAX_TASK_EFFORT
from ..plan import (
    PLAN_EXPECTED,
    Deadline,
    Effect,
    PartialRestore,
    Plan,
    PlanError,
    Restore,
    SetFacts,
    Task,
    parse_deadline,
)
from . import files
from .convert import CONVERTER, Invalid, Tables, Year, code, messages, structure, user_number
from .evidence import FileValue

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

__all__ = ["dump_plan", "load_plan"]

_EFFECT_KINDS = ("restore", "partial", "facts")
_NO_DEADLINE = Deadline("", None, "none")

# ---------------------------------------------------------------------------- value types

#: A task's id: a string with something in it.
TaskId = NewType("TaskId", str)
#: The criteria a task serves: at least one code.
Codes = NewType("Codes", tuple[str, ...])
#: Partner units: one string, or an array of them.
Partners = NewType("Partners", tuple[str, ...])
#: Person-days: a number ≥ 0.
Effort = NewType("Effort", Decimal)
#: A probability or a share: a number from 0 to 1, or a percentage ("80%").
Share = NewType("Share", Decimal)
#: Appraised points a task sets: a number ≥ 0.
SetPoints = NewType("SetPoints", Decimal)

_TASK_ID = "E-PLAN-TASK-ID"
_STRINGS = "E-VALUE-NOT-STRINGS"


def _task_id(value: object, _: type) -> TaskId:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(_TASK_ID, value)
    return TaskId(value)


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Invalid(_STRINGS, value)
    return tuple(value)


def _codes(value: object, _: type) -> Codes:
    codes = tuple(code(c) for c in _strings(value))
    if not codes:
        raise Invalid("E-PLAN-NO-CRITERIA")
    return Codes(codes)


def _partners(value: object, _: type) -> Partners:
    return Partners((value,) if isinstance(value, str) else _strings(value))


def _deadline(value: object, _: type) -> Deadline:
    if not isinstance(value, str):
        raise Invalid("E-VALUE-NOT-STRING", value)
    try:
        return parse_deadline(value)
    except PlanError as exc:
        first = exc.problems[0]
        raise Invalid(first.code, **first.fields) from None


def _bounded(value: object, high: Decimal | None = None, percent: bool = False) -> Decimal:
    number = user_number(value, percent=percent)
    if number < 0 or (high is not None and number > high):
        if high is None:
            raise Invalid("E-PLAN-NEGATIVE", value)
        raise Invalid("E-PLAN-RANGE", value, high=high)
    return number


def _effort(value: object, _: type) -> Effort:
    return Effort(_bounded(value, Decimal(MAX_TASK_EFFORT)))


def _share(value: object, _: type) -> Share:
    return Share(_bounded(value, Decimal(1), percent=True))


def _set_points(value: object, _: type) -> SetPoints:
    return SetPoints(_bounded(value))


# ---------------------------------------------------------------------------- documents


@attrs.frozen
class _PlanDoc:
    unit: str = ""
    year: Optional[Year] = None
    rules: Optional[str] = None
    tasks: Tables = attrs.field(
        default=Tables(()), metadata=messages(wrong="E-PLAN-TASKS-NOT-TABLES")
    )


@attrs.frozen
class _TaskDoc:
    id: TaskId = attrs.field(metadata=messages(missing=_TASK_ID))
    criteria: Codes = attrs.field(metadata=messages(missing=_STRINGS))
    action: str = ""
    lead: str = ""
    partners: Partners = Partners(())
    deadline: Deadline = _NO_DEADLINE
    effort: Optional[Effort] = None
    probability: Optional[Share] = None
    reason: str = ""
    effect: Optional[Effect] = None


@attrs.frozen
class _RestoreDoc:
    kind: str


@attrs.frozen
class _PartialDoc:
    kind: str
    share: Share = attrs.field(metadata=messages(missing="E-PLAN-SHARE-MISSING"))


@attrs.frozen
class _FactsDoc:
    kind: str
    facts: dict[str, FileValue] = attrs.field(factory=dict)
    appraised: dict[str, SetPoints] = attrs.field(factory=dict)


def _effect(value: object, _: type) -> Effect | None:
    """The effect's table by its ``kind``: a tagged union, with the kinds listed when the
    tag is wrong."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Invalid("E-RULE-NOT-TABLE", value)
    kind = value.get("kind")
    if kind not in _EFFECT_KINDS:
        raise Invalid(
            "E-PLAN-EFFECT-KIND",
            NO_VALUE if kind is None else kind,
            ".kind",
            expected=syntax.allowed(_EFFECT_KINDS),
        )
    if kind == "restore":
        CONVERTER.structure(value, _RestoreDoc)
        return Restore()
    if kind == "partial":
        return PartialRestore(CONVERTER.structure(value, _PartialDoc).share)
    doc = CONVERTER.structure(value, _FactsDoc)
    if not doc.facts and not doc.appraised:
        raise Invalid("E-PLAN-EFFECT-EMPTY")
    return SetFacts(
        facts=tuple(sorted(doc.facts.items())), appraised=tuple(sorted(doc.appraised.items()))
    )


CONVERTER.register_structure_hook(TaskId, _task_id)
CONVERTER.register_structure_hook(Codes, _codes)
CONVERTER.register_structure_hook(Partners, _partners)
CONVERTER.register_structure_hook(Deadline, _deadline)
CONVERTER.register_structure_hook(Effort, _effort)
CONVERTER.register_structure_hook(Share, _share)
CONVERTER.register_structure_hook(SetPoints, _set_points)
CONVERTER.register_structure_hook_func(lambda t: t == Optional[Effect], _effect)


# ---------------------------------------------------------------------------- reading


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read a plan file (TOML, see docs/projection.md).

    Raises:
        PlanError: with every problem found, each naming the file, task and key.

    >>> plan = load_plan("examples/ward_2022/plan.toml")
    >>> plan.task("2.1").effort
    Decimal('12')
    """
    name = arguments.file_path(path)
    problems = ProblemList(name)
    doc = files.read_toml(Path(name), problems)
    if doc is None:
        problems.raise_as(PlanError)
    plan = _plan(doc, name, problems)
    problems.raise_if_any(PlanError)
    return plan


def _plan(doc: dict[str, Any], name: str, problems: ProblemList) -> Plan:
    top = structure(doc, _PlanDoc, "", problems)
    raw_tasks = doc.get("tasks", [])
    tasks: list[Task] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_tasks if isinstance(raw_tasks, list) else ()):
        task_id = raw.get("id") if isinstance(raw, dict) else None
        where = f"task {syntax.quote(task_id)}" if isinstance(task_id, str) else f"tasks[{i}]"
        task = structure(raw, _TaskDoc, where, problems)
        if task is None:
            continue
        if task.id in seen:
            problems.add(f"{where}.id", "E-PLAN-TASK-ID-TWICE", task.id)
        seen.add(task.id)
        tasks.append(
            Task(
                id=task.id,
                criteria=task.criteria,
                action=task.action,
                lead=task.lead,
                partners=task.partners,
                deadline=task.deadline,
                effect=task.effect or Restore(),
                effect_stated=task.effect is not None,
                effort=task.effort,
                probability=task.probability if task.probability is not None else Decimal(1),
                reason=task.reason,
            )
        )
    total = sum((task.effort for task in tasks if task.effort is not None), Decimal(0))
    if total > MAX_PLAN_EFFORT:
        problems.add(
            "tasks",
            "E-PLAN-EFFORT-TOO-LARGE",
            total=total,
            limit=MAX_PLAN_EFFORT,
        )
    unit, year = (top.unit, top.year) if top is not None else ("", None)
    return Plan(tasks=tuple(tasks), unit=unit, year=year, source=name)


# ---------------------------------------------------------------------------- writing


def dump_plan(plan: Plan) -> str:
    """Write a plan as TOML that :func:`load_plan` reads back to an equal plan."""
    arguments.instance(plan, Plan, "plan", PLAN_EXPECTED)
    lines = []
    if plan.unit:
        lines.append(f"unit = {syntax.value(plan.unit)}")
    if plan.year is not None:
        lines.append(f"year = {plan.year}")
    for task in plan.tasks:
        lines += [
            "",
            "[[tasks]]",
            f"id = {syntax.value(task.id)}",
            f"criteria = {syntax.value(list(task.criteria))}",
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
            f"{key} = {syntax.value(value)}"
            for key, value in fields.items()
            if value not in (None, "", [])
        ]
        if task.effort is None:  # a place to say it, for the planner (plan --budget)
            lines.append("# effort = 5          # person-days the task takes")
        if task.probability == 1:
            lines.append("# probability = 0.8   # the chance it is done by its deadline")
        if task.effect_stated:
            lines += _dump_effect(task.effect)
    return "\n".join(lines) + "\n"


def _dump_effect(effect: Effect) -> list[str]:
    lines = ["[tasks.effect]", f"kind = {syntax.value(effect.kind)}"]
    if isinstance(effect, PartialRestore):
        lines.append(f"share = {syntax.value(effect.share)}")
    elif isinstance(effect, SetFacts):
        if effect.facts:
            lines.append("[tasks.effect.facts]")
            lines += [f"{syntax.key(k)} = {syntax.value(v)}" for k, v in effect.facts]
        if effect.appraised:
            lines.append("[tasks.effect.appraised]")
            lines += [f"{syntax.key(k)} = {syntax.value(v)}" for k, v in effect.appraised]
    return lines
