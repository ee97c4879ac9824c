"""Whatever a rules file holds, the loader answers with a RuleSet or a RulesError."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cchc_score import RulesError, loads_rules

from ..conftest import DATA

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BASE = tomllib.loads(
    (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8"), parse_float=Decimal
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=12),
    st.decimals(-1000, 1000, places=3),
    st.sampled_from([Decimal("nan"), Decimal("inf")]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def to_toml(doc: dict[str, Any]) -> str:
    """Any dict as TOML, nested tables inline; None values are left out."""
    return "\n".join(f"{json.dumps(k)} = {_inline(v)}" for k, v in doc.items() if v is not None)


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return "nan" if value.is_nan() else ("inf" if value.is_infinite() else format(value, "f"))
    if isinstance(value, (int, str)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        items = (f"{json.dumps(k)} = {_inline(v)}" for k, v in value.items() if v is not None)
        return "{" + ", ".join(items) + "}"
    raise TypeError(value)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The minimal valid document with a few values replaced, removed or added."""
    doc: Any = json.loads(json.dumps(BASE, default=str))  # a deep copy, decimals as strings
    for _ in range(draw(st.integers(1, 4))):
        node = doc
        while isinstance(node, (dict, list)) and node and draw(st.booleans()):
            key = draw(
                st.sampled_from(sorted(node) if isinstance(node, dict) else list(range(len(node))))
            )
            if not isinstance(node[key], (dict, list)):
                break
            node = node[key]
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            action = draw(st.sampled_from(["replace", "delete", "add"]))
            if action == "replace":
                node[key] = draw(values)
            elif action == "delete":
                del node[key]
            else:
                node[draw(st.text(max_size=8))] = draw(values)
        elif isinstance(node, list) and node:
            node[draw(st.integers(0, len(node) - 1))] = draw(values)
    return dict(doc)


def _loads_or_rules_error(data: str | bytes) -> None:
    try:
        loads_rules(data, file="fuzz.toml")
    except RulesError as exc:
        problems = exc.problems
    else:
        return
    assert problems
    for problem in problems:
        assert str(problem).startswith("fuzz.toml: ")


@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _loads_or_rules_error(data)


@given(st.dictionaries(st.text(max_size=10), values, max_size=6))
def test_arbitrary_toml_documents(doc: dict[str, Any]) -> None:
    _loads_or_rules_error(to_toml(doc))


@given(mutated_documents())
def test_mutated_valid_documents(doc: dict[str, Any]) -> None:
    _loads_or_rules_error(to_toml(doc))
