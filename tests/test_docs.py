"""The documentation's examples run, and show what they print.

Every ```python block of README.md and docs/*.md runs (blocks of one page share their
names, in order), in a scratch folder where ``examples/`` and ``rules/`` are the project's.
Where a line shows its result, the result is checked:

- ``print(x)  # text``: what ``print`` wrote is ``text``;
- ``expr  # value`` (or the value in a comment on the next line): ``value`` is ``repr`` of
  the result, or, for a tuple, its items' ``repr`` or ``str`` joined with ", "; a ``…``
  in the shown value stands for the rest. A comment in words (``# leaves that lost
  points``) is prose and not compared.

Every ``cchc-score …`` line of a ```sh block runs (synopses with ``[options]`` or
``UPPER`` placeholders are not examples) and must exit 0 or 1 (1: the input has problems)
with no traceback. A plain ``` block that starts with ``$ cchc-score …`` shows that
command's standard output: the rest of the block must be exactly what it prints.

A block preceded by ``<!-- doc-test: skip (why) -->`` is a sketch, not an example.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import shlex
import subprocess
import sys
import tokenize
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")
_SKIP = "<!-- doc-test: skip"
_SYNOPSIS = re.compile(r"\[|\b[A-Z][A-Z_]{2,}\b")
_LITERAL_START = re.compile(r"^(?:[-\d'\"(\[{]|Decimal\(|Fraction\(|True|False|None)")


def _blocks(page: Path) -> list[tuple[int, str, str, bool]]:
    """``(line, language, text, skipped)`` for each fenced block of a page."""
    out = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        start, lang = i + 1, match["lang"]
        skipped = i > 0 and lines[i - 1].startswith(_SKIP)
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        out.append((start, lang, "\n".join(body) + "\n", skipped))
        i += 1
    return out


def _cases(lang: str) -> list[Any]:
    cases = []
    for page in PAGES:
        blocks = [b for b in _blocks(page) if b[1] == lang and not b[3]]
        if blocks:
            cases.append(pytest.param(page, blocks, id=page.name))
    return cases


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to run examples in, where the project's examples and rules are at hand."""
    for name in ("examples", "rules"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _comments(source: str) -> dict[int, str]:
    """Line number → the comment on that line (without ``#``)."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found[token.start[0]] = token.string[1:].strip()
    return found


def _shown(value: object) -> list[str]:
    """The ways a doc may show a value."""
    ways = [repr(value), str(value)]
    if isinstance(value, tuple):
        ways += [", ".join(repr(v) for v in value), ", ".join(str(v) for v in value)]
    return ways


def _matches(shown: str, value: object) -> bool:
    if "…" in shown:
        head = shown.split("…", 1)[0]
        return any(way.startswith(head) for way in _shown(value))
    return shown in _shown(value)


def _run_python(source: str, where: str, namespace: dict[str, Any]) -> None:
    tree = ast.parse(source, where)
    comments = _comments(source)
    code_lines = {n.lineno for n in ast.walk(tree) if hasattr(n, "lineno")}
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        shown = comments.get(end)
        if shown is None and end + 1 in comments and end + 1 not in code_lines:
            shown = comments[end + 1]
        location = f"{where}, line {statement.lineno}"
        is_print = (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and isinstance(statement.value.func, ast.Name)
            and statement.value.func.id == "print"
        )
        if is_print and shown is not None:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(ast.Module([statement], []), where, "exec"), namespace)
            assert printed.getvalue().rstrip("\n") == shown, location
        elif isinstance(statement, ast.Expr) and shown is not None and _LITERAL_START.match(shown):
            value = eval(compile(ast.Expression(statement.value), where, "eval"), namespace)
            assert _matches(shown, value), f"{location}: shows {shown!r}, got {_shown(value)}"
        else:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(ast.Module([statement], []), where, "exec"), namespace)


@pytest.mark.parametrize(("page", "blocks"), _cases("python"))
def test_python_examples_run_and_show_their_results(
    page: Path, blocks: list[tuple[int, str, str, bool]], scratch: Path
) -> None:
    namespace: dict[str, Any] = {"__name__": "__doc_example__"}
    for line, _, source, _ in blocks:
        _run_python(source, f"{page.name}:{line}", namespace)


def _cli(command: str) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command, comments=True)
    assert argv[0] == "cchc-score"
    stdin = None
    if "<" in argv:  # "cchc-score score - < file": the file on standard input
        at = argv.index("<")
        stdin = Path(argv[at + 1]).read_text(encoding="utf-8")
        argv = argv[:at] + argv[at + 2 :]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "cchc_score", *argv[1:]],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )


def _examples(block: str) -> list[str]:
    out = []
    for raw in block.splitlines():
        line = raw.strip()
        command = line.split("#", 1)[0] if line.startswith("cchc-score") else ""
        if command and not _SYNOPSIS.search(command):
            out.append(line)
    return out


@pytest.mark.parametrize(("page", "blocks"), _cases("sh"))
def test_command_line_examples_run(
    page: Path, blocks: list[tuple[int, str, str, bool]], scratch: Path
) -> None:
    for line, _, text, _ in blocks:
        for command in _examples(text):
            result = _cli(command)
            where = f"{page.name}:{line}: {command}"
            assert result.returncode in (0, 1), f"{where}\n{result.stderr}"
            assert "Traceback" not in result.stderr, where


def _shown_outputs() -> list[Any]:
    cases = []
    for page in PAGES:
        for line, lang, text, skipped in _blocks(page):
            if lang == "" and not skipped and text.startswith("$ cchc-score"):
                command, _, output = text.partition("\n")
                cases.append(pytest.param(command[2:], output, id=f"{page.name}:{line}"))
    return cases


@pytest.mark.parametrize(("command", "output"), _shown_outputs())
def test_shown_outputs_are_what_the_commands_print(
    command: str, output: str, scratch: Path
) -> None:
    result = _cli(command)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout == output
