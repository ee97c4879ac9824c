"""The one strict converter: no coercion, located messages, unknown keys, salvage."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal, Optional

import attrs
import pytest

from cchc_score.errors import ProblemList
from cchc_score.io.convert import messages, structure

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")


@attrs.frozen
class _Doc:
    unknown_key: ClassVar[str] = "E-EVIDENCE-UNKNOWN-KEY"

    name: str
    count: int = 0
    flag: bool = False
    points: Optional[Decimal] = None
    kind: Literal["a", "b"] = "a"
    items: tuple[str, ...] = ()
    table: dict[str, Decimal] = attrs.field(factory=dict)
    year: Optional[int] = attrs.field(default=None, metadata=messages(wrong="E-YEAR-NOT-INTEGER"))


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"name": 3}, ["t.name: expected a string (got 3)"]),
        ({"name": "x", "count": "3"}, ["t.count: expected an integer (got '3')"]),
        ({"name": "x", "count": True}, ["t.count: expected an integer (got true)"]),
        ({"name": "x", "count": 2.5}, ["t.count: expected an integer (got 2.5)"]),
        ({"name": "x", "flag": 1}, ["t.flag: expected true or false (got 1)"]),
        ({"name": "x", "points": "1,5"}, ["t.points: expected a number (got '1,5')"]),
        ({"name": "x", "points": Decimal("nan")}, ["t.points: must be a finite number (got nan)"]),
        ({"name": "x", "kind": "c"}, ["t.kind: expected one of 'a', 'b' (got 'c')"]),
        ({"name": "x", "items": ["a", 1]}, ["t.items[1]: expected a string (got 1)"]),
        ({"name": "x", "items": "a"}, ["t.items: expected an array of strings (got 'a')"]),
        (
            {"name": "x", "table": {"a": 1, "b c": "x", "d": True}},
            [
                "t.table.\"b c\": expected a number (got 'x')",
                "t.table.d: expected a number (got true)",
            ],
        ),
        ({"name": "x", "table": 3}, ["t.table: expected a table (got 3)"]),
        ({"name": "x", "year": "2022"}, ["t.year: expected a year as an integer (got '2022')"]),
        ({}, ["t.name: required key is missing"]),
        (
            {"name": 1, "zz": 1, "aa": 2},
            [
                "t.name: expected a string (got 1)",
                "t.aa: unknown key or table; expected one of 'name', 'count', 'flag', 'points', "
                "'kind', 'items', 'table', 'year'",
                "t.zz: unknown key or table; expected one of 'name', 'count', 'flag', 'points', "
                "'kind', 'items', 'table', 'year'",
            ],
        ),
        (3, ["t: expected a table (got 3)"]),
    ],
)
def test_problems(doc: object, expected: list[str]) -> None:
    problems = ProblemList(None)
    assert structure(doc, _Doc, "t", problems) is None
    assert [str(p) for p in problems] == expected


def test_valid() -> None:
    doc = {"name": "x", "count": 2, "points": 3, "items": ["a"], "table": {"k": Decimal("1.5")}}
    problems = ProblemList(None)
    assert structure(doc, _Doc, "", problems) == _Doc(
        "x", 2, points=Decimal(3), items=("a",), table={"k": Decimal("1.5")}
    )
    assert not problems


def test_salvage_keeps_what_was_right() -> None:
    doc = {"name": "x", "count": "3", "table": {"a": 1, "b": "x"}, "extra": 1}
    problems = ProblemList("f")
    read = structure(doc, _Doc, "", problems, salvage=True)
    assert read == _Doc("x", table={"a": Decimal(1)})
    assert [p.path for p in problems] == ["count", "table.b", "extra"]
    assert doc["extra"] == 1  # the caller's document is left as it was


def test_top_level_paths_have_no_leading_dot() -> None:
    problems = ProblemList("f")
    structure({"name": "x", "flag": "y"}, _Doc, "", problems)
    assert [str(p) for p in problems] == ["f: flag: expected true or false (got 'y')"]
