"""Every reader, fed bytes, documents and mutated real files through the Python API: only
the library's own errors (``CchcScoreError``) may come out, and quickly (issue 18)."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_score import (
    CchcScoreError,
    load_appraisal,
    load_evidence,
    load_plan,
    load_rules,
    loads_rules,
    read_annex,
)

from ..conftest import DATA, EXAMPLE

SECONDS = 2.0
RULES = load_rules("criteria_2022")

SEEDS = {
    "rules.toml": (DATA / "valid" / "minimal.toml").read_bytes(),
    "evidence.toml": (EXAMPLE / "evidence.toml").read_bytes(),
    "plan.toml": (EXAMPLE / "plan.toml").read_bytes(),
    "annex.tsv": (EXAMPLE / "annex.tsv").read_bytes(),
}
READERS = {
    "rules.toml": lambda path: load_rules(path),
    "evidence.toml": lambda path: load_evidence(path, RULES),
    "evidence.json": lambda path: load_evidence(path, RULES),
    "plan.toml": load_plan,
    "appraisal.toml": load_appraisal,
    "annex.tsv": read_annex,
}
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def only_our_errors(name: str, data: bytes, folder: Path) -> None:
    path = folder / name
    path.write_bytes(data)
    start = time.monotonic()
    with contextlib.suppress(CchcScoreError):
        READERS[name](Path(path))
    assert time.monotonic() - start < SECONDS


@FUZZ
@given(name=st.sampled_from(sorted(READERS)), data=st.binary(max_size=2_000))
def test_any_bytes(tmp_path: Path, name: str, data: bytes) -> None:
    only_our_errors(name, data, tmp_path)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real file with a few bytes replaced, inserted or deleted, or a hostile token
    (a huge number, deep brackets, a full-width digit) spliced in."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    tokens = [b"1e999999", b"9" * 5000, b"[" * 300, b"\xef\xbc\x91", b"\x00", b"-", b"9999"]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "token"]))
        if action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data[at:at] = draw(st.sampled_from(tokens))
    return name, bytes(data)


@FUZZ
@given(case=mutated())
def test_mutated_real_files(tmp_path: Path, case: tuple[str, bytes]) -> None:
    only_our_errors(*case, tmp_path)


NUMBERS = st.one_of(
    st.integers(-(10**40), 10**40),
    st.floats(),  # JSON as Python writes it: NaN, Infinity, 1e+308
    st.sampled_from(["1E+999999999", "1,5", "91,3%", "0," + "1" * 40]),
)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.text(max_size=8), NUMBERS),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = ["unit", "year", "rules", "facts", "appraised", "notes", "not_assessed"]


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5))
def test_evidence_json_documents(tmp_path: Path, doc: dict[str, object]) -> None:
    only_our_errors("evidence.json", json.dumps(doc).encode(), tmp_path)


@pytest.mark.slow
@FUZZ
@given(depth=st.integers(1, 3000), kind=st.sampled_from(["[", '{"a":']))
def test_deep_json(tmp_path: Path, depth: int, kind: str) -> None:
    closing = "]" if kind == "[" else "}"
    text = '{"unit": "x", "facts": {"a": ' + kind * depth + "1" + closing * depth + "}}"
    only_our_errors("evidence.json", text.encode(), tmp_path)


@FUZZ
@given(text=st.text(max_size=300))
def test_rules_text(text: str) -> None:
    with contextlib.suppress(CchcScoreError):
        loads_rules(text)
