"""Reading an input from standard input: ``-`` for a file, as Unix tools take it.

Each command is run as a user would, in a shell with ``< file`` or a pipe, and must print
exactly what it prints for the file itself.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .conftest import EXAMPLE, ROOT
from .fuzz.test_outputs import cchc

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

PROGRAM = f"{shlex.quote(sys.executable)} -m cchc_score"
EVIDENCE = EXAMPLE / "evidence.toml"
PLAN = EXAMPLE / "plan.toml"
ANNEX = EXAMPLE / "annex.tsv"
WARDS = ROOT / "examples" / "district_2022" / "wards.csv"
RESULTS = ROOT / "examples" / "results_2022" / "results.csv"


def shell(line: str, cwd: Path) -> tuple[int, str, str]:
    proc = cchc(cwd=cwd, shell=f"{PROGRAM} {line}")
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize(
    ("from_stdin", "from_file"),
    [
        (f"score - < {EVIDENCE}", f"score {EVIDENCE}"),
        (f"explain - 7.1 < {EVIDENCE}", f"explain {EVIDENCE} 7.1"),
        (f"project - {PLAN} < {EVIDENCE}", f"project {EVIDENCE} {PLAN}"),
        (f"plan {EVIDENCE} - --budget 40 < {PLAN}", f"plan {EVIDENCE} {PLAN} --budget 40"),
        (f"reconcile - --format json < {ANNEX}", f"reconcile {ANNEX} --format json"),
        (
            f"score {EVIDENCE} --rules - < {ROOT / 'rules' / 'criteria_2022.toml'}",
            f"score {EVIDENCE} --rules criteria_2022",
        ),
        (f"rank - --rules criteria_2022 < {WARDS}", f"rank {WARDS} --rules criteria_2022"),
        (f"check-results - < {RESULTS}", f"check-results {RESULTS}"),
    ],
)
def test_a_file_from_standard_input_reads_as_the_file(
    tmp_path: Path, from_stdin: str, from_file: str
) -> None:
    assert shell(from_stdin, tmp_path) == shell(from_file, tmp_path)


def test_json_evidence_from_standard_input(tmp_path: Path) -> None:
    # Standard input has no extension: a document opening with "{" is JSON, else TOML.
    doc = tomllib.loads(EVIDENCE.read_text(encoding="utf-8"))
    document = tmp_path / "e.json"
    document.write_text(json.dumps(doc, default=str), encoding="utf-8")
    code, out, _ = shell(f"score - --format json < {document}", tmp_path)
    assert code == 0
    assert json.loads(out)["total"] == 84.14  # the example ward's total (README)


def test_standard_input_is_read_once(tmp_path: Path) -> None:
    code, out, err = shell(f"project - - < {EVIDENCE}", tmp_path)
    assert (code, out) == (1, "")
    assert err == (
        "error: -: standard input (-) was already read for another file: only one file can be -\n"
    )


def test_an_annex_from_a_pipe(tmp_path: Path) -> None:
    code, _, err = shell(f"import-annex - --out ward < {ANNEX}", tmp_path)
    assert (code, err) == (0, "")
    written = (tmp_path / "ward" / "plan.toml").read_text(encoding="utf-8")
    assert written.count("[[tasks]]") == 19  # the annex's 19 tasks (examples/ward_2022)


def test_a_table_from_standard_input_needs_its_rules(tmp_path: Path) -> None:
    # Without --rules, rank reads the table's rules column before its units: twice, which
    # standard input cannot be.
    code, out, err = shell(f"rank - < {WARDS}", tmp_path)
    assert (code, out) == (2, "")
    assert err.endswith(
        "a table read from standard input (-) needs --rules R: it can be read only once\n"
    )
