"""The one value renderer: the same value reads the same in a message, TOML and a cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_score import syntax
from cchc_score.errors import show
from cchc_score.values import Syntax, render


@pytest.mark.parametrize(
    ("value", "syntax", "expected"),
    [
        (True, "message", "true"),
        (False, "toml", "false"),
        (False, "plain", "false"),
        (Decimal("1.50"), "message", "1.50"),
        (Decimal("1E+2"), "toml", "100"),
        (Decimal("NaN"), "message", "nan"),
        (Decimal("-Infinity"), "message", "-infinity"),
        (3, "plain", "3"),
        ("Khá", "message", "'Khá'"),
        ('a "b"', "toml", '"a \\"b\\""'),
        ("Khá", "plain", "Khá"),
        (frozenset({"b", "a"}), "message", "['a', 'b']"),
        (frozenset({"b", "a"}), "toml", '["a", "b"]'),
        (("b", "a"), "toml", '["b", "a"]'),
        (["x", Decimal("0.5")], "plain", "x, 0.5"),
        (frozenset(), "plain", ""),
        (None, "message", "None"),
        (None, "plain", "None"),
    ],
)
def test_render(value: object, syntax: Syntax, expected: str) -> None:
    assert render(value, syntax) == expected


def test_a_cell_joins_with_its_own_separator_and_marks_an_empty_list() -> None:
    assert render(frozenset({"b", "a"}), "plain", separator="; ", empty="-") == "a; b"
    assert render((), "plain", separator="; ", empty="-") == "-"


def test_toml_refuses_what_it_cannot_hold() -> None:
    with pytest.raises(TypeError, match=r"cannot write \{\} as TOML"):
        render({}, "toml")


@pytest.mark.parametrize("value", [True, Decimal("0.90"), 7, "Tốt", frozenset({"x", "y"})])
def test_messages_and_toml_use_the_renderer(value: object) -> None:
    assert show(value) == render(value, "message")
    assert syntax.value(value) == render(value, "toml")
