"""Whatever document it is given, each reader answers with its value or its own error.

Documents are built from the readers' own keys and from values of every JSON type, nested,
so that the strict converter, its error flattening and the evidence reader's salvage see
wrong types at every depth: no reader may raise anything but its error, and a problem is
always worded by a hook, never cattrs' own "invalid value".
"""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_score.errors import AnnexError, Problem
from cchc_score.io.appraisal import load_appraisal
from cchc_score.io.evidence import read_evidence
from cchc_score.io.plan import load_plan
from cchc_score.plan import PlanError

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

KEYS = [
    "unit", "year", "rules", "facts", "appraised", "notes", "not_assessed", "tasks", "id",
    "criteria", "partners", "deadline", "effort", "probability", "effect", "kind", "share",
    "nodes", "code", "level", "max", "score", "line", "total", "rating", "x", "1.2",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.decimals(allow_nan=False, places=2, min_value=-5, max_value=5),
    st.sampled_from(["", " ", "A", "1,5", "80%", "Quý II/2023", "restore", "partial", "facts",
                     "domain", "criterion", "../r.toml", "1,234", "x"]),
)  # fmt: skip
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=12,
)
DOCS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6)


def _write(doc: object) -> Path:
    folder = Path(tempfile.mkdtemp())
    path = folder / "doc.json"
    path.write_text(json.dumps(doc, default=str), encoding="utf-8")
    return path


def _to_toml_like(doc: object) -> object:
    """JSON has no decimals: write them as strings (what tomllib would give is a Decimal;
    a string exercises the text paths instead)."""
    if isinstance(doc, Decimal):
        return str(doc)
    if isinstance(doc, dict):
        return {k: _to_toml_like(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_to_toml_like(v) for v in doc]
    return doc


@given(DOCS)
def test_evidence_reader_never_raises(doc: dict[str, object]) -> None:
    evidence, problems = read_evidence(_write(_to_toml_like(doc)))
    if not problems:
        assert evidence is not None
    assert not [p for p in problems if _unforeseen(p)]


def _toml(value: object) -> str:
    """A value as inline TOML (TOML has no null: ``None`` is left out)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value if v is not None) + "]"
    assert isinstance(value, dict)
    pairs = (f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items() if v is not None)
    return "{" + ", ".join(pairs) + "}"


@given(DOCS)
def test_plan_and_appraisal_readers_raise_only_their_errors(doc: dict[str, object]) -> None:
    path = Path(tempfile.mkdtemp()) / "doc.toml"
    lines = (f"{json.dumps(k)} = {_toml(v)}" for k, v in doc.items() if v is not None)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for load, error in ((load_plan, PlanError), (load_appraisal, AnnexError)):
        problems: tuple[Problem, ...] = ()
        try:
            load(path)
        except error as exc:
            problems = exc.problems
        assert not [p for p in problems if _unforeseen(p)]


def _unforeseen(problem: Problem) -> bool:
    """A problem the converter did not word: a cattrs failure no hook foresaw."""
    return problem.message("en").startswith("invalid value:")
