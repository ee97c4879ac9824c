"""The command line: outputs (golden files), exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score.cli import main
from cchc_score.errors import ProblemList

from .conftest import DATA, EXAMPLE, check_golden

EVIDENCE = str(EXAMPLE / "evidence.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own exits (usage errors, --help)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("golden", "argv"),
    [
        ("score_table_vi.txt", ["score", EVIDENCE]),
        (
            "score_depth3_en.md",
            ["score", EVIDENCE, "--depth", "3", "--lang", "en", "--format", "markdown"],
        ),
        ("score.json", ["score", EVIDENCE, "--format", "json"]),
        # The ledger of the example ward in each language, read sentence by sentence.
        ("explain_vi.txt", ["explain", EVIDENCE]),
        ("explain_en.txt", ["explain", EVIDENCE, "--lang", "en"]),
        ("explain_7.1_en.txt", ["explain", EVIDENCE, "7.1", "--lang", "en"]),
        ("demo_vi.txt", ["demo"]),
    ],
)
def test_golden_outputs(
    capsys: pytest.CaptureFixture[str], update_golden: bool, golden: str, argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    check_golden(golden, out, update_golden)


@pytest.mark.parametrize("with_rules", [False, True])
def test_evidence_file_is_read_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, with_rules: bool
) -> None:
    # Issue 11, bug 9: `score` read and parsed the evidence file twice (once for the rules it
    # names, once to check it against them).
    from cchc_score.io import files

    reads: list[Path] = []
    read_bytes = files.read_bytes

    def counting(path: Path, problems: ProblemList, *limit: int) -> bytes | None:
        reads.append(Path(path))
        return read_bytes(path, problems, *limit)

    monkeypatch.setattr(files, "read_bytes", counting)
    rules = ["--rules", "criteria_2022"] if with_rules else []
    code, _, err = run(capsys, "score", EVIDENCE, *rules)
    assert (code, err) == (0, "")
    assert reads.count(Path(EVIDENCE)) == 1


def test_score_json_is_consistent(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "score", EVIDENCE, "--format", "json")
    doc = json.loads(out, parse_float=Decimal)
    assert code == 0
    assert (doc["total"], doc["max"], doc["rating"]) == (
        Decimal("84.14"),
        Decimal("100.00"),
        {"code": "kha", "name": "Khá", "provenance": "assumed"},
    )
    nodes = {n["code"]: n for n in doc["nodes"]}
    assert set(nodes["5.1"]) == {
        "code",
        "name",
        "max",
        "points",
        "deduction",
        "depth",
        "status",
        "rule",
        "inputs",
        "explanation",
        "reference",
        "basis",
        "provenance",
        "estimated",
    }
    # The evidence marks 7.1.2's counts as estimates (examples/ward_2022/evidence.toml); 5.1's
    # 20/21 is the annex's own figure.
    assert (nodes["7.1.2"]["estimated"], nodes["5.1"]["estimated"]) == (
        ["online_dossiers", "dossiers_total"],
        [],
    )
    # The bands are assumed (rules/criteria_2022.toml), and the JSON says so beside the name.
    assert doc["rating"]["provenance"] == "assumed"
    # A rule inferred from the annex is "assumed", even beside a reference (7.1.1.3 declares
    # it); appraised points and sums have no rule of their own to attribute.
    assert nodes["5.1"]["provenance"] == "assumed"
    assert nodes["7.1.1.3"]["provenance"] == "assumed"
    assert (nodes["5.r"]["provenance"], nodes["V"]["provenance"]) == (None, None)
    assert nodes["5.1"]["rule"] == {
        "kind": "ratio",
        "fact": "staff_rated_good",
        "of": "staff_total",
        "target": 1,
    }
    assert nodes["5.1"]["inputs"] == {
        "staff_rated_good": {"value": 20, "unit": "người"},
        "staff_total": {"value": 21, "unit": "người"},
    }
    assert nodes["5.1"]["basis"].startswith("Annex: maximum 1,0, appraised 0,95;")
    assert nodes["7.1.1.3"]["reference"] == (
        "VB 180/STTTT-CNTT ngày 29/3/2017 của Sở Thông tin và Truyền thông"
    )
    # The domains add up to the total, exactly.
    domains = [n for n in doc["nodes"] if n["depth"] == 0]
    assert sum(Decimal(n["points"]) for n in domains) == Decimal(doc["total"])


def test_explain_lists_ix_first(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "explain", EVIDENCE, "--format", "json")
    codes = [n["code"] for n in json.loads(out, parse_float=Decimal)["nodes"]]
    assert codes[0] == "IX"
    assert "7.1.3" in codes


@pytest.mark.lang("en")
def test_check_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "criteria_2022")
    assert (code, err) == (0, "")
    assert out == (
        "criteria_2022: OK: Chỉ số cải cách hành chính cấp xã năm 2022 (theo phụ lục thẩm định "
        "của một phường); 100 points, 9 domains, 32 criteria (28 scored by rules or appraisal), "
        "21 facts, 4 rating bands\n"
    )


@pytest.mark.lang("en")
def test_check_reports_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "invalid" / "unknown_top_key_and_negative_max.toml")
    code, out, err = run(capsys, "check", path)
    assert (code, out) == (1, "")
    assert err == (
        f"error: {path}: colour: unknown top-level key; expected one of 'index', 'facts', "
        "'criteria', 'bands'\n"
        f'error: {path}: criterion "1.6".max: must be > 0 (got -2)\n'
    )


@pytest.mark.lang("en")
def test_bad_evidence_exits_1_with_located_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    text = text.replace(
        'investment_disbursement_rate = "91,3%"', "investment_disbursement_rate = 1.2"
    )
    text = text.replace("[notes]", "[extra]\nx = 1\n\n[notes]")
    path = tmp_path / "evidence.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "score", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"error: {path}: extra: unknown key or table; expected one of 'unit', 'year', 'rules', "
        "'facts', 'appraised', 'notes', 'not_assessed', 'estimated'\n"
        f"error: {path}: facts.investment_disbursement_rate: a ratio must be between 0 and 1 "
        '(write 91,3% as "91,3%" or 0.913) (got 1.2)\n'
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score", "--lang", "en"], "the following arguments are required: EVIDENCE"),
        (["score"], "cchc-score score: lỗi: thiếu tham số bắt buộc: EVIDENCE"),
        (
            ["score", EVIDENCE, "--format", "xml", "--lang", "en"],
            "argument --format: invalid choice: 'xml'",
        ),
        (
            ["score", EVIDENCE, "--depth", "0", "--lang", "en"],
            "argument --depth: expected a whole number ≥ 1, got '0'",
        ),
        (["score", EVIDENCE, "--depth", "0"], "tham số --depth: phải là số nguyên ≥ 1 (nhận '0')"),
        (["explain", EVIDENCE, "9.9"], "không có tiêu chí '9.9' trong criteria_2022"),
        (["--lang", "en", "frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["frobnicate"], "tham số COMMAND: giá trị 'frobnicate' không hợp lệ"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_evidence_without_rules_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "e.toml"
    path.write_text('unit = "X"\n', encoding="utf-8")
    code, _, err = run(capsys, "score", str(path))
    assert code == 2
    assert err.endswith(f"cchc-score: lỗi: {path} không ghi bộ tiêu chí: hãy dùng --rules R\n")


@pytest.mark.lang("en")
def test_missing_evidence_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "score", "nope.toml", "--rules", "criteria_2022")
    assert (code, err) == (1, "error: nope.toml: cannot read the file: No such file or directory\n")


def test_python_dash_m_and_broken_pipe() -> None:
    # `python -m cchc_score … | head -1`: the reader closes the pipe early; no traceback.
    proc = subprocess.run(
        f"{sys.executable} -m cchc_score explain {EVIDENCE} | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout.startswith("18 tiêu chí và lĩnh vực IX bị trừ điểm")
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", ["report", "chart"])
def test_quiet_keeps_the_status_line_out_of_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    # A script asks for results and problems only: "wrote …" is a line for a person.
    argv = [command, *(["losses"] if command == "chart" else []), EVIDENCE]
    out = tmp_path / "x.svg" if command == "chart" else tmp_path / "x.html"
    assert run(capsys, *argv, "--out", str(out), "-q") == (0, "", "")
    assert out.stat().st_size > 0
    code, stdout, _ = run(capsys, *argv, "--out", str(out), "--force")
    assert code == 0
    assert str(out) in stdout
