"""report.table.simple_table: tabulate's ``simple`` table, written without tabulate where its
text is known for sure. The reference is tabulate itself, called with the same arguments."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from cchc_score.report.table import _simple, simple_table

from .conftest import ROOT

#: Letters of Vietnamese names, spaces, hyphens, digits, the decimal comma and the mark.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạấầẩẫậếềểễệĐƯ ỹ-,.†ABC0123456789"

_cells = st.one_of(
    st.text(_ALPHABET, max_size=40),
    st.sampled_from(["", " ", "True", "False", "1,50", "10", "  thụt lề", "tab\there", "中文"]),
)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[list[str]], list[str], list[str], list[int | None]]:
    columns = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(_cells, min_size=columns, max_size=columns), max_size=6))
    headers = draw(st.lists(st.text(_ALPHABET, max_size=12), min_size=columns, max_size=columns))
    aligns = draw(st.lists(st.sampled_from(["left", "right"]), min_size=columns, max_size=columns))
    # Widths from 2: tabulate loops for ever on a wide character ("中") in a column of 1.
    widths = draw(
        st.lists(st.one_of(st.none(), st.integers(2, 30)), min_size=columns, max_size=columns)
    )
    return rows, headers, aligns, widths


def _reference(
    rows: list[list[str]], headers: list[str], aligns: list[str], widths: list[int | None] | None
) -> str:
    text: str = tabulate(
        rows,
        headers=headers,
        tablefmt="simple",
        disable_numparse=True,
        colalign=tuple(aligns),
        maxcolwidths=widths,
    )
    return text


@settings(max_examples=400, deadline=None)
@given(_tables())
def test_the_table_is_tabulates(
    table: tuple[list[list[str]], list[str], list[str], list[int | None]],
) -> None:
    rows, headers, aligns, widths = table
    try:
        expected = _reference(rows, headers, aligns, widths)
    except ValueError as exc:  # tabulate fails on some cells ("1,000" wrapped): so does ours
        with pytest.raises(ValueError, match=re.escape(str(exc))):
            simple_table(rows, headers, aligns, widths)  # type: ignore[arg-type]
        return
    assert simple_table(rows, headers, aligns, widths) == expected  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.text("abcđơư -", min_size=1, max_size=25), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    ),
    st.integers(5, 12),
)
def test_names_wrap_without_tabulate(rows: list[list[str]], width: int) -> None:
    # Cells with words no longer than the width: the fast path is taken (not None), and it
    # is tabulate's text.
    rows = [[row[0][:width].replace(" ", "x") or "x", *row[1:]] for row in rows]
    rows = [[row[0], " ".join(w[:width] for w in row[1].split(" ")), row[2]] for row in rows]
    headers, aligns, widths = ["Mã", "Tên", "Điểm"], ["left", "left", "right"], [None, width, None]
    ours = _simple(rows, headers, aligns, widths)  # type: ignore[arg-type]
    assert ours is not None
    assert ours == _reference(rows, headers, aligns, widths)


def test_the_score_table_is_written_without_tabulate() -> None:
    # The example ward's table wraps one name (VIII, past 70 characters) onto a second line:
    # the same text as tabulate's, which the command does not import.
    code = (
        "import sys, contextlib, io\n"
        "from cchc_score.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    main(['score', 'examples/ward_2022/evidence.toml'])\n"
        "print('tabulate' in sys.modules)\n"
        "print(out.getvalue(), end='')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    imported, _, printed = done.stdout.partition("\n")
    assert imported == "False"
    assert "\n      phương\n" in printed  # the wrapped line, under the name column

    from cchc_score import evaluate, load_evidence, load_rules
    from cchc_score.report.scorecard import render_scorecard

    card = evaluate(
        load_rules("criteria_2022"), load_evidence(ROOT / "examples/ward_2022/evidence.toml")
    )
    assert render_scorecard(card) in printed
    rows = [
        [n.code, n.name("vi") + (" †" if n.criterion.rule_provenance == "assumed" else "")]
        for n in card.nodes
        if n.depth < 1
    ]
    expected = _reference(rows, ["Mã", "Lĩnh vực, tiêu chí"], ["left", "left"], [None, 70])
    assert simple_table(rows, ["Mã", "Lĩnh vực, tiêu chí"], ["left", "left"], [None, 70]) == (
        expected
    )
