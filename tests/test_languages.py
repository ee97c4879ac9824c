"""Language is a choice: every problem has a catalogue code with Vietnamese and English text,
and every command speaks Vietnamese by default and English with ``--lang en``."""

from __future__ import annotations

import argparse
import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import ArgumentError, RulesError, evaluate, load_rules, loads_rules
from cchc_score.cli import main
from cchc_score.cli.parser import build_parser
from cchc_score.errors import Problem, ProblemList
from cchc_score.words import WORDS, is_problem_code, problem_text

from .conftest import DATA, EXAMPLE, ROOT

SOURCES = sorted((ROOT / "src" / "cchc_score").rglob("*.py"))

# --------------------------------------------------------------------------- the catalogue


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _codes_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and is_problem_code(node.value)
    }


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_every_problem_code_in_the_source_has_both_texts(path: Path) -> None:
    assert _codes_in(path) <= WORDS.keys()


#: The calls that take a problem code, and which positional argument it is.
_CODE_ARGUMENT = {"add": 1, "Problem": 2, "Invalid": 0, "fail": 2, "NumberFormatError": 0}


def _calls(path: Path) -> list[tuple[int, ast.expr]]:
    """The code argument of each call that takes one, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        index = _CODE_ARGUMENT.get(name or "")
        if index is None or len(node.args) <= index:
            continue
        if name == "add" and "problems" not in ast.unparse(func):
            continue  # a set's add
        found.append((node.lineno, node.args[index]))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_no_problem_is_made_of_words_written_in_place(path: Path) -> None:
    # A message built where the problem is found (an f-string, a concatenation, an English
    # literal) could be in one language only: every problem names a catalogue code.
    for line, argument in _calls(path):
        where = f"{path.name}:{line}"
        assert not isinstance(argument, (ast.JoinedStr, ast.BinOp)), where
        if isinstance(argument, ast.Constant):
            assert isinstance(argument.value, str), where
            assert argument.value in WORDS, where
            assert is_problem_code(argument.value), where


#: The calls whose ``expected`` (what an argument should be) is positional, and where.
_EXPECTED_ARGUMENT = {"instance": 3, "file_path": 2, "_wrong_type": 3, "_items": 3}

#: A literal ``expected`` that is code, not words: quoted values (``"'decimal', 'float'"``)
#: or a Python class name (``"AppraisalNode"``).
_CODE_NOT_WORDS = re.compile(r"'[^']*'(, '[^']*')*|[A-Z][A-Za-z]+")


def _expected(path: Path) -> list[tuple[int, ast.expr]]:
    """Each ``expected`` a call is given (by keyword, or by position to the argument
    helpers), and each module constant named ``*_EXPECTED``, with its line."""
    found: list[tuple[int, ast.expr]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id.endswith("_EXPECTED") for t in node.targets
        ):
            found.append((node.lineno, node.value))
        if not isinstance(node, ast.Call):
            continue
        found += [(node.lineno, k.value) for k in node.keywords if k.arg == "expected"]
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        index = _EXPECTED_ARGUMENT.get(name or "")
        if index is not None and len(node.args) > index:
            found.append((node.lineno, node.args[index]))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_what_an_argument_should_be_is_never_english_written_in_place(path: Path) -> None:
    # "scorecard: phải là a Scorecard (from evaluate)" was English inside Vietnamese: an
    # ``expected`` is a word code (or a phrase, or code such as a class name), said in the
    # problem's language.
    for line, argument in _expected(path):
        where = f"{path.name}:{line}"
        assert not isinstance(argument, (ast.JoinedStr, ast.BinOp)), where
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            said = argument.value
            assert said in WORDS or _CODE_NOT_WORDS.fullmatch(said), f"{where}: {said!r}"


def test_what_an_argument_should_be_is_said_in_either_language() -> None:
    with pytest.raises(ArgumentError) as caught:
        evaluate(load_rules("criteria_2022"), {})  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.text("vi") == (
        "evidence: phải là một Evidence (kết quả của load_evidence hoặc Evidence(...)), "
        "không phải dict (giá trị: {})"
    )
    assert problem.text("en") == (
        "evidence: expected an Evidence (from load_evidence or Evidence(...)), not dict (got {})"
    )


def test_words_that_are_not_a_code_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not a problem code"):
        Problem("rules.toml", "index.max", "must be > 0", Decimal(0))
    with pytest.raises(ValueError, match="not a problem code"):
        ProblemList("rules.toml").add("index.max", "common.yes")
    with pytest.raises(KeyError):
        problem_text("must be > 0", "vi")


def test_a_problem_is_said_in_either_language() -> None:
    # Hand-written: the place's line and column and the decimal mark follow the language.
    problem = Problem(
        "e.toml", "line 3, column 7", "E-FACT-BELOW-MIN", Decimal("-0.5"), {"min": Decimal("0.5")}
    )
    assert problem.text("vi") == "e.toml: dòng 3, cột 7: phải ≥ 0,5 (giá trị: -0.5)"
    assert problem.text("en") == "e.toml: line 3, column 7: must be ≥ 0.5 (got -0.5)"


def test_a_rules_error_carries_codes_and_both_texts() -> None:
    source = DATA / "invalid" / "unknown_top_key_and_negative_max.toml"
    with pytest.raises(RulesError) as info:
        loads_rules(source.read_bytes(), file="r.toml")
    assert info.value.codes == ("E-RULES-TOP-KEY", "E-RULES-NOT-POSITIVE")
    assert info.value.text("vi").splitlines()[1] == (
        'r.toml: criterion "1.6".max: phải lớn hơn 0 (giá trị: -2)'
    )
    assert info.value.text("en").splitlines()[1] == (
        'r.toml: criterion "1.6".max: must be > 0 (got -2)'
    )


# --------------------------------------------------------------------------- every command

EVIDENCE = str(EXAMPLE / "evidence.toml")
PLAN = str(EXAMPLE / "plan.toml")
ANNEX = str(EXAMPLE / "annex.tsv")
DISTRICT = str(ROOT / "examples" / "district_2022")

#: Words of English that a Vietnamese reader must never meet (issue 13).
ENGLISH = re.compile(
    r"(?i:\b(?:error|warning|got|expected|missing|not|the|row|line|column)\b)|\bMax\b"
)


def test_no_vietnamese_text_of_the_catalogue_has_an_english_word() -> None:
    # What every output is made of: the words around the {placeholders} (an argument's
    # expected kind, a count) are Vietnamese too.
    english = {
        code: ENGLISH.search(re.sub(r"\{[^}]*\}", "", vi)) for code, (vi, _) in WORDS.items()
    }
    assert {code: m[0] for code, m in english.items() if m} == {}


def _program_text(said: str) -> str:
    """What the program says, without the rules' own prose: a criterion's ``basis`` is data
    written by the rules' author (in English in the bundled rules), shown as written."""
    for node in load_rules("criteria_2022").nodes():
        if node.basis:
            said = said.replace(node.basis, "")
    return said


_HEADER = (
    "STT",
    "Tiêu chí bị trừ điểm",
    "Điểm tối đa",
    "Điểm thẩm định",
    "Lý do bị trừ",
    "Nhiệm vụ/giải pháp",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời hạn",
)
_DOMAIN = ("I", "Công tác chỉ đạo, điều hành CCHC: 9,5/10 điểm (trừ 0,5 điểm)", *[""] * 7)
_CRITERION = ("1", "Tiêu chí 1.7: Sáng kiến", "một", "1,0", "", "", "", "", "Năm 2023")


def _inputs(folder: Path) -> dict[str, str]:
    """Bad inputs, in a folder whose name has no English word in it."""
    folder.mkdir()
    rules = folder / "r.toml"
    rules.write_bytes((DATA / "invalid" / "unknown_top_key_and_negative_max.toml").read_bytes())
    evidence = folder / "e.toml"
    evidence.write_text(
        'unit = "X"\nrules = "criteria_2022"\nextra = 1\n[facts]\nstaff_total = "hai"\n',
        encoding="utf-8",
    )
    plan = folder / "p.toml"
    plan.write_text('[[tasks]]\nid = "a"\ncriteria = ["9.9"]\nprobability = 2\n', "utf-8")
    docx = pytest.importorskip("docx")
    word = docx.Document()  # a Word annex whose criterion row has an unreadable maximum
    table = word.add_table(rows=3, cols=9)
    for row, cells in zip(table.rows, (_HEADER, _DOMAIN, _CRITERION), strict=True):
        for cell, said in zip(row.cells, cells, strict=True):
            cell.text = said
    word.save(folder / "a.docx")
    units = folder / "units"
    units.mkdir()
    (units / "e.toml").write_text(evidence.read_text(encoding="utf-8"), encoding="utf-8")
    return {
        "rules": str(rules),
        "evidence": str(evidence),
        "plan": str(plan),
        "annex": str(DATA / "annex" / "broken_rows.tsv"),
        "docx": str(folder / "a.docx"),
        "units": str(units),
        "none": str(folder / "none.toml"),
    }


def _cases(bad: dict[str, str]) -> dict[str, list[str]]:
    return {
        "check": ["check", "criteria_2022"],
        "check rules": ["check", bad["rules"]],
        "check none": ["check", bad["none"]],
        "score": ["score", EVIDENCE],
        "score evidence": ["score", bad["evidence"]],
        "score rules": ["score", EVIDENCE, "--rules", bad["rules"]],
        "score none": ["score", bad["none"]],
        "explain": ["explain", EVIDENCE],
        "explain evidence": ["explain", bad["evidence"]],
        "explain none": ["explain", bad["none"]],
        "import-annex": ["import-annex", ANNEX],
        "import-annex annex": ["import-annex", bad["annex"]],
        "import-annex none": ["import-annex", bad["none"]],
        "import-annex docx": ["import-annex", bad["docx"]],
        "reconcile": ["reconcile", ANNEX],
        "reconcile annex": ["reconcile", bad["annex"]],
        "reconcile rules": ["reconcile", ANNEX, "--rules", bad["rules"]],
        "reconcile evidence": ["reconcile", ANNEX, "--evidence", bad["evidence"]],
        "reconcile none": ["reconcile", bad["none"]],
        "project": ["project", EVIDENCE, PLAN],
        "project plan": ["project", EVIDENCE, bad["plan"]],
        "project evidence": ["project", bad["evidence"], PLAN],
        "project none": ["project", EVIDENCE, bad["none"]],
        "plan": ["plan", EVIDENCE, PLAN, "--budget", "20"],
        "plan plan": ["plan", EVIDENCE, bad["plan"], "--budget", "20"],
        "plan rules": ["plan", EVIDENCE, PLAN, "--budget", "20", "--rules", bad["rules"]],
        "plan evidence": ["plan", bad["evidence"], PLAN, "--budget", "20"],
        "plan none": ["plan", EVIDENCE, bad["none"], "--budget", "20"],
        "rank": ["rank", DISTRICT],
        "rank units": ["rank", bad["units"]],
        "rank none": ["rank", bad["none"]],
        "demo": ["demo"],
        "demo annex": ["demo", bad["annex"]],
        "demo none": ["demo", bad["none"]],
    }


CASES = sorted(
    _cases({k: k for k in ("rules", "evidence", "plan", "annex", "docx", "units", "none")})
)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("case", CASES)
def test_vietnamese_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    argv = _cases(_inputs(tmp_path / "vao"))[case]
    code, said = _run(capsys, argv)
    assert code in (0, 1), said
    assert ENGLISH.search(_program_text(said)) is None, ENGLISH.search(_program_text(said))
    assert "Traceback" not in said
    if code == 1 and " " in case:
        assert "lỗi: " in said


@pytest.mark.parametrize("case", [c for c in CASES if " " in c])
def test_english_with_lang_en(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    argv = _cases(_inputs(tmp_path / "vao"))[case]
    code, said = _run(capsys, [*argv, "--lang", "en"])
    assert code == 1, said
    assert "error: " in said
    assert "lỗi" not in said
    code, before = _run(capsys, ["--lang", "en", *argv])
    assert (code, before) == (1, said)


def test_cchc_lang_is_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_LANG", "en")
    assert _run(capsys, ["score", "none.toml"]) == (
        1,
        "error: none.toml: cannot read the file: No such file or directory\n",
    )
    assert _run(capsys, ["score", "none.toml", "--lang", "vi"]) == (
        1,
        "lỗi: none.toml: không đọc được tệp: không có tệp này\n",
    )


# --------------------------------------------------------------------------- --help

COMMANDS = [
    "check",
    "score",
    "explain",
    "import-annex",
    "reconcile",
    "project",
    "plan",
    "rank",
    "demo",
    "diff",
    "test",
    "evidence-template",
    "docs",
    "report",
    "chart",
    "check-results",
]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_option_is_explained(lang: str) -> None:
    parser = build_parser(lang)  # type: ignore[arg-type]
    commands = _subparsers(parser)
    assert sorted(commands) == sorted(COMMANDS)
    for name, sub in commands.items():
        assert sub.description, name
        assert sub.epilog, name
        assert sub.epilog.count("\n  cchc-score ") == 2, name
        for action in sub._actions:
            assert action.help, (name, action.dest)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_both_languages(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, vi = _run(capsys, [command, "--help"])
    assert code == 0
    assert vi.startswith(f"cách dùng: cchc-score {command}")
    assert "Ví dụ:" in vi
    assert "tùy chọn:" in vi
    assert ENGLISH.search(vi) is None
    assert "show this help" not in vi
    code, en = _run(capsys, ["--lang", "en", command, "--help"])
    assert code == 0
    assert en.startswith(f"usage: cchc-score {command}")
    assert "Examples:" in en
    assert "options:" in en


def test_program_help_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, vi = _run(capsys, ["--help"])
    assert code == 0
    assert "các lệnh:" in vi
    assert "kiểm tra một tệp bộ tiêu chí" in vi
    code, en = _run(capsys, ["--help", "--lang", "en"])
    assert code == 0
    assert "commands:" in en
    assert "validate a rules file" in en
