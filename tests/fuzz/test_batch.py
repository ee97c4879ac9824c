"""Batch resilience (issue 18): one bad unit never stops a ranking.

A folder with a file nested too deeply or holding a 5,000-digit number, a table with a row
whose cells are shifted or a cell of 5,000 digits: the unit is listed as not ranked, with
a message naming its file (and line), and the others are ranked. A table with no units is
a problem of the input (exit 1), not a usage error (exit 2). Each case runs through the
API and as a user runs it (``python -m cchc_score rank``), with the time, memory and
no-traceback checks of :func:`tests.fuzz.test_outputs.cchc`.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_score import EvidenceError, load_rules, rank, score_many
from cchc_score import evaluate as c_evaluate
from cchc_score.evaluation import plain_scorecard as c_plain_scorecard
from cchc_score.io.folder import named_rules

from ..conftest import ROOT
from .test_outputs import cchc

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

DISTRICT = ROOT / "examples" / "district_2022"
WARDS = DISTRICT / "wards.csv"
RULES = load_rules("criteria_2022")
DEPTH = 1000
DIGITS = "9" * 5000

#: Files a parser cannot read, each one unit of a folder: name → content.
HOSTILE: dict[str, str] = {
    "deep.json": '{"unit": "Deep", "facts": {"a": ' + "[" * DEPTH + "]" * DEPTH + "}}",
    "deep.toml": 'unit = "Deep"\n[facts]\na = ' + "[" * DEPTH + "]" * DEPTH + "\n",
    "digits.json": '{"unit": "Digits", "facts": {"staff_total": ' + DIGITS + "}}",
    "digits.toml": 'unit = "Digits"\n[facts]\nstaff_total = ' + DIGITS + "\n",
    "points.toml": 'unit = "Points"\n[appraised]\nIX = ' + DIGITS + ".5\n",
}


def folder_with(tmp_path: Path, name: str) -> Path:
    """Two good units of the district and one hostile file."""
    units = tmp_path / "units"
    units.mkdir()
    for good in ("phuong_mau_a.toml", "phuong_mau_b.toml"):
        shutil.copy(DISTRICT / good, units / good)
    (units / name).write_text(HOSTILE[name], encoding="utf-8")
    return units


def rows() -> list[list[str]]:
    with WARDS.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def write(path: Path, table: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(table)
    return path


def shifted(table: list[list[str]]) -> list[list[str]]:
    """The second unit's row with its year left out: every later cell one column left, so
    its rules column holds a number."""
    return [table[0], table[1], table[2][:1] + table[2][2:], *table[3:]]


def with_cell(table: list[list[str]], column: str, value: str) -> list[list[str]]:
    """The second unit's row with ``column`` set to ``value``."""
    out = [list(r) for r in table]
    out[2][out[0].index(column)] = value
    return out


# ------------------------------------------------------------------------ a folder


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_one_invalid_unit(tmp_path: Path, name: str) -> None:
    units = folder_with(tmp_path, name)
    ranking = rank(score_many(RULES, units))
    assert [u.unit for u in ranking.units] == ["Phường mẫu B", "Phường mẫu A"]
    [invalid] = ranking.invalid
    assert invalid.source == str(units / name)
    [problem] = invalid.problems
    assert str(problem).startswith(f"{units / name}: ")
    assert "Traceback" not in str(problem)
    assert len(str(problem)) < 300
    assert named_rules(units) == ("criteria_2022",)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_rank_a_folder_with_a_hostile_file(tmp_path: Path, name: str) -> None:
    folder_with(tmp_path, name)
    proc = cchc("rank", "units", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == (
        "error: 1 of 3 units not ranked: their evidence has problems (listed in the report)\n"
    )
    report = json.loads(proc.stdout)
    assert [u["unit"] for u in report["ranking"]] == ["Phường mẫu B", "Phường mẫu A"]
    [invalid] = report["invalid"]
    [problem] = invalid["problems"]
    assert problem.startswith(f"units/{name}: ")


def test_an_error_while_scoring_one_unit_is_that_unit_s(monkeypatch: pytest.MonkeyPatch) -> None:
    # The last resort: whatever a unit's reading or scoring still raises (a RecursionError
    # from a parser, a ValueError of Python's int limit) is listed with the unit.
    # A table's valid row is scored by plain_scorecard (the flat plan), any other unit
    # by evaluate: both raise for the one unit.
    real, real_plain = c_evaluate, c_plain_scorecard

    def evaluate(rules: object, evidence: object) -> object:
        if getattr(evidence, "unit", "") == "Phường mẫu B":
            raise RecursionError("maximum recursion depth exceeded")
        return real(rules, evidence)  # type: ignore[arg-type]

    def plain_scorecard(rules: Any, unit: str, *read: Any) -> object:
        if unit == "Phường mẫu B":
            raise RecursionError("maximum recursion depth exceeded")
        return real_plain(rules, unit, *read)

    monkeypatch.setattr("cchc_score.batch_units.evaluate", evaluate)
    monkeypatch.setattr("cchc_score.batch_units.plain_scorecard", plain_scorecard)
    for source in (DISTRICT, WARDS):
        ranking = rank(score_many(RULES, source))
        assert len(ranking.units) == 6
        [invalid] = ranking.invalid
        assert invalid.unit == "Phường mẫu B"
        assert str(invalid.problems[0]).endswith("cannot be read: nested too deeply")


# ------------------------------------------------------------------------- a table


def test_a_shifted_row_is_one_invalid_unit(tmp_path: Path) -> None:
    table = write(tmp_path / "t.csv", shifted(rows()))
    assert named_rules(table) == ("criteria_2022",)
    ranking = rank(score_many(RULES, table))
    assert len(ranking.units) == 6
    [invalid] = ranking.invalid
    assert (invalid.unit, invalid.line) == ("Phường mẫu B", 3)


def test_rank_a_table_with_a_shifted_row(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", shifted(rows()))
    proc = cchc("rank", "t.csv", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == (
        "error: 1 of 7 units not ranked: their evidence has problems (listed in the report)\n"
    )
    report = json.loads(proc.stdout)
    assert len(report["ranking"]) == 6
    [invalid] = report["invalid"]
    assert invalid["problems"][0].startswith(
        "t.csv: line 3: 34 cells, but the header (line 1) has 35 columns"
    )


@pytest.mark.parametrize(
    ("column", "where"),
    [("staff_total", "facts.staff_total"), ("appraised:IX", "appraised.IX")],
)
def test_a_cell_of_5000_digits_is_one_invalid_unit(tmp_path: Path, column: str, where: str) -> None:
    write(tmp_path / "t.csv", with_cell(rows(), column, DIGITS))
    proc = cchc("rank", "t.csv", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert len(report["ranking"]) == 6
    [invalid] = report["invalid"]
    [problem] = invalid["problems"]
    assert problem.startswith(f"t.csv: line 3: {where}: a number with more than 30 digits")
    assert len(problem) < 300


TABLES_WITHOUT_UNITS: dict[str, tuple[Callable[[], str], str]] = {
    "header only": (
        lambda: ",".join(rows()[0]) + "\n",
        "line 1: no rows under the header; expected a row per unit",
    ),
    "empty": (lambda: "", "the table is empty; expected a header row, then a row per unit"),
    "blank lines": (
        lambda: "\n\n  \n",
        "the table is empty; expected a header row, then a row per unit",
    ),
}


@pytest.mark.parametrize("case", sorted(TABLES_WITHOUT_UNITS))
def test_a_table_without_units_is_a_problem_not_a_usage_error(tmp_path: Path, case: str) -> None:
    text, message = TABLES_WITHOUT_UNITS[case]
    (tmp_path / "t.csv").write_text(text(), encoding="utf-8")
    with pytest.raises(EvidenceError) as info:
        named_rules(tmp_path / "t.csv")
    assert str(info.value) == f"{tmp_path / 't.csv'}: {message}"
    proc = cchc("rank", "t.csv", "--lang", "en", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == f"error: t.csv: {message}\n"
