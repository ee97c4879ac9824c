"""Any text through the one escaping place: nothing unsafe survives, nothing safe changes."""

from __future__ import annotations

import csv
import io
import json
import sys

from hypothesis import given

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from hypothesis import strategies as st

from cchc_score.report import to_json
from cchc_score.values import _UNSAFE, XLSX_CELL_LIMIT, cell, printable, render

FORMULA = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


@given(st.text())
def test_printable_leaves_nothing_unsafe_and_is_idempotent(text: str) -> None:
    shown = printable(text)
    assert _UNSAFE.search(shown) is None
    assert printable(shown) == shown


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_printable_keeps_ordinary_text(text: str) -> None:
    if _UNSAFE.search(text) is None:
        assert printable(text) == text


@given(st.text())
def test_a_cell_never_starts_a_formula_and_survives_csv(text: str) -> None:
    safe = cell(text)
    assert not safe.startswith(FORMULA)
    assert _UNSAFE.search(safe) is None
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([safe])
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == [safe]


@given(st.text(), st.integers(2, 40))
def test_a_workbook_cell_is_cut_to_the_limit(text: str, limit: int) -> None:
    assert len(cell(text, limit=limit)) <= limit
    assert len(cell("x" * (XLSX_CELL_LIMIT + 5), limit=XLSX_CELL_LIMIT)) == XLSX_CELL_LIMIT


@given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))
def test_json_reports_stay_valid_and_mean_the_same(value: object) -> None:
    text = to_json(value)
    assert _UNSAFE.search(text) is None
    assert json.loads(text) == value


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_a_toml_string_reads_back_the_same(text: str) -> None:
    # DEL is not allowed raw in TOML; JSON's escaping leaves it (import-annex wrote
    # files it could not read back).
    assert tomllib.loads(f"x = {render(text, 'toml')}") == {"x": text}
