"""Plan files: every problem of shape named with its task and key (cchc_score.io.plan)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

import pytest

from cchc_score import PlanError
from cchc_score.io.plan import dump_plan, load_plan
from cchc_score.plan import parse_deadline

from .conftest import EXAMPLE

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

if TYPE_CHECKING:
    from pathlib import Path

TASK = '[[tasks]]\nid = "x"\ncriteria = ["1.2"]\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'unit = 3\nyear = "x"\nfoo = 1\n' + TASK,
            [
                "unit: expected a string (got 3)",
                "year: expected a year as an integer (got 'x')",
                "foo: unknown key; expected one of 'unit', 'year', 'rules', 'tasks'",
            ],
            id="top-level",
        ),
        pytest.param(
            "tasks = 3\n",
            ["tasks: expected an array of tables ([[tasks]]) (got 3)"],
            id="tasks-not-an-array",
        ),
        pytest.param(
            '[[tasks]]\nid = 3\ncriteria = "1.2"\n',
            [
                "tasks[0].id: a task needs an id (a non-empty string) (got 3)",
                "tasks[0].criteria: expected an array of strings (got '1.2')",
            ],
            id="id-and-criteria",
        ),
        pytest.param(
            '[[tasks]]\nid = "a"\ncriteria = []\n',
            ['task "a".criteria: must name at least one criterion'],
            id="no-criteria",
        ),
        pytest.param(
            TASK + 'effort = -1\nprobability = "120%"\ndeadline = "Quý V/2023"\n',
            [
                "task \"x\".deadline: not a deadline: 'Quý V/2023' (expected e.g. 'Năm 2023', "
                "'Quý II/2023', 'Tháng 6/2023', '30/6/2023' or 'Thường xuyên')",
                'task "x".effort: must be a number between 0 and 1000 (got -1)',
                "task \"x\".probability: must be a number between 0 and 1 (got '120%')",
            ],
            id="values",
        ),
        pytest.param(
            TASK + '[tasks.effect]\nkind = "bogus"\n',
            [
                'task "x".effect.kind: unknown effect kind; expected one of '
                "'restore', 'partial', 'facts' (got 'bogus')"
            ],
            id="unknown-effect-kind",
        ),
        pytest.param(
            TASK + '[tasks.effect]\nkind = "partial"\nshare = 2\nfoo = 1\n',
            [
                'task "x".effect.share: must be a number between 0 and 1 (got 2)',
                "task \"x\".effect.foo: unknown key; expected one of 'kind', 'share'",
            ],
            id="partial-effect",
        ),
        pytest.param(
            TASK + '[tasks.effect]\nkind = "facts"\nfacts = 1\n',
            ['task "x".effect.facts: expected a table (got 1)'],
            id="facts-not-a-table",
        ),
        pytest.param(
            TASK + '[tasks.effect]\nkind = "facts"\n',
            ["task \"x\".effect: a 'facts' effect needs at least one fact or appraised value"],
            id="empty-facts-effect",
        ),
        pytest.param(TASK + TASK, ["task \"x\".id: duplicate id (got 'x')"], id="duplicate-id"),
    ],
)
def test_plan_shape(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(path)
    assert [str(p).split(": ", 1)[1] for p in info.value.problems] == expected


def test_example_plan_round_trip(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE / "plan.toml")
    path = tmp_path / "plan.toml"
    path.write_text(dump_plan(plan), encoding="utf-8")
    assert load_plan(path) == plan


@pytest.mark.parametrize(
    ("text", "due", "kind"),
    [
        # A quarter ends on the last day of its third month: III → 30 September.
        ("Quý III/2023", dt.date(2023, 9, 30), "quarter"),
        ("Quý III năm 2023", dt.date(2023, 9, 30), "quarter"),
        ("QUÝ 4 - 2023", dt.date(2023, 12, 31), "quarter"),
        # A month ends on its last day: February 2024 is a leap month.
        ("Tháng 10 năm 2023", dt.date(2023, 10, 31), "month"),
        ("tháng 2/2024", dt.date(2024, 2, 29), "month"),
        # "Before", "at the latest", "within", "by": the day or period that follows.
        ("Trước 30/6/2023", dt.date(2023, 6, 30), "date"),
        ("Trước ngày 30/6/2023", dt.date(2023, 6, 30), "date"),
        ("Chậm nhất ngày 15/11/2023", dt.date(2023, 11, 15), "date"),
        ("Hoàn thành trước Quý II/2023", dt.date(2023, 6, 30), "quarter"),
        ("Trong năm 2023", dt.date(2023, 12, 31), "year"),
        ("Đến tháng 9/2023", dt.date(2023, 9, 30), "month"),
        # Typed in decomposed Unicode, as some keyboards do: read as its composed form.
        (unicodedata.normalize("NFD", "Trước ngày 30/6/2023"), dt.date(2023, 6, 30), "date"),
    ],
)
def test_deadlines_as_offices_write_them(text: str, due: dt.date, kind: str) -> None:
    deadline = parse_deadline(text)
    assert (deadline.date, deadline.kind, deadline.text) == (due, kind, text)


@pytest.mark.parametrize("text", ["Trước", "Trước ngày", "Quý III", "Tháng 13/2023"])
def test_a_lead_word_without_a_period_is_no_deadline(text: str) -> None:
    with pytest.raises(PlanError) as info:
        parse_deadline(text)
    assert info.value.codes in (("E-DEADLINE-FORM",), ("E-DEADLINE-MONTH",))
