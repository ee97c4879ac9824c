"""Hostile inputs (issue 18): every kind of bad input, run as a user runs it.

Each case writes its inputs into ``tmp_path`` (nothing binary is committed; a FIFO is made
with ``os.mkfifo``, ``/dev/zero`` is named as it is), runs the command line in a subprocess
through :func:`.test_outputs.cchc` (under 5 s and 300 MB, no traceback, no internal error)
and asserts the exit code and a message that names the file and the place. Every case
failed before the input guards (docs/limits.md, "Reading files").
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from cchc_score.limits import (
    MAX_ANNEX_ROWS,
    MAX_DOCUMENT_BYTES,
    MAX_DOCX_BYTES,
    MAX_TABLE_BYTES,
)

from ..conftest import DATA, EXAMPLE
from .test_outputs import WARDS, cchc

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

MINIMAL = (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8")
EVIDENCE = 'unit = "Phường thử"\nyear = 2022\nrules = "criteria_2022"\n'
PLAN = 'unit = "Phường thử"\nyear = 2023\n[[tasks]]\nid = "a"\ncriteria = ["1.2"]\n'


def rules(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


def deep(depth: int, opening: str = "[", closing: str = "]") -> str:
    return opening * depth + closing * depth


#: (case, command, file name, file text, expected start of the first error line after the
#: file name). The message must name the place (a line or a key path).
CASES = [
    # Number bombs: bounded at the reader, before any arithmetic.
    ("max 1e308", "check", "r.toml", rules("max = 10\n", "max = 1e308\n"),
     "index.max: a number larger than 1,000,000,000 in size: '1E+308'"),
    ("5,000-digit integer", "check", "r.toml", rules("max = 10\n", f"max = {'9' * 5000}\n"),
     "line 6, column 7: a number with more than 30 digits"),
    ("exponent in a fact's min", "check", "r.toml", rules("min = 1\n", "min = 1e-999999\n"),
     "facts.planned.min: a number with more than 30 digits: '1E-999999'"),
    ("appraised 1e999999", "score", "e.toml", EVIDENCE + "[appraised]\nIX = 1e999999\n",
     "appraised.IX: a number larger than 1,000,000,000 in size: '1E+999999'"),
    ("5,000-digit integer in JSON", "score", "e.json",
     '{"unit": "x", "rules": "criteria_2022", "appraised": {"IX": ' + "7" * 5000 + "}}",
     "appraised.IX: a number larger than 1,000,000,000 in size"),
    ("30-digit fraction as text", "score", "e.toml",
     EVIDENCE + '[appraised]\nIX = "0,' + "1" * 40 + '"\n',
     "appraised.IX: a number with more than 30 digits"),
    ("effort 1e6 with cents", "plan", "p.toml", PLAN + "effort = 1000000000.01\n",
     "tasks[0].effort: a number larger than 1,000,000,000 in size"),
    ("effort 99999.99", "plan", "p.toml", PLAN + "effort = 99999.99\n",
     'task "a".effort: must be a number between 0 and 1000 (got 99999.99)'),
    ("plan effort over 2,000 person-days", "plan", "p.toml",
     PLAN + "effort = 999.99\n" + "".join(
         f'[[tasks]]\nid = "t{i}"\ncriteria = ["1.2"]\neffort = 999.99\n' for i in range(2)
     ),
     "tasks: the tasks' efforts add up to 2999.97 person-days; the limit is 2,000"),
    # Structure bombs.
    ("rules nested 500 deep", "check", "r.toml", "x = " + deep(500) + "\n" + MINIMAL,
     "line 1, column 25: nested too deeply: more than 20 levels of arrays or tables"),
    ("evidence TOML nested 500 deep", "score", "e.toml",
     EVIDENCE + "[facts]\na = " + deep(500) + "\n",
     "line 5, column 25: nested too deeply"),
    ("evidence JSON nested 500 deep", "score", "e.json",
     '{"unit": "x", "facts": {"a": ' + deep(500) + "}}",
     "facts.a" + "[0]" * 18 + ": nested too deeply"),
    ("evidence JSON nested 30 deep", "score", "e.json",
     '{"unit": "x", "facts": {"a": ' + deep(30, "{\"b\": ", "}").replace("}", "1}", 1) + "}}",
     'facts.a.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b: nested too deeply'),
    ("plan nested 500 deep", "plan", "p.toml", PLAN + "x = " + deep(500) + "\n",
     "line 6, column 25: nested too deeply"),
    ("40,000 levels", "check", "r.toml",
     rules('levels = ["thấp", "cao"]',
           "levels = [" + ", ".join(f'"l{i}"' for i in range(40_000)) + "]"),
     "facts.level.levels: too many entries: 40,000; the limit is 2,000"),
    ("code 100.1", "check", "r.toml", rules('code = "1.1"', 'code = "100.1"'),
     'criterion "100.1".code: a criterion code starts with its domain\'s number, 1 to 89'),
    ("code 90.1", "check", "r.toml", rules('code = "1.1"', 'code = "90.1"'),
     'criterion "90.1".code: a criterion code starts with its domain\'s number, 1 to 89 '
     "(got '90.1')"),
    # Unicode confusables: full-width digits are the same code, Arabic-Indic refused.
    ("full-width code", "check", "r.toml", rules('code = "1.6"', 'code = "１.5"'),
     'criterion "１.5".code: duplicate code (got \'1.5\')'),
    ("Arabic-Indic code", "check", "r.toml", rules('code = "1.6"', 'code = "\u0661.6"'),
     'criterion "\u0661.6".code: expected a roman domain code'),
    ("two appraised keys that are one code", "score", "e.toml",
     EVIDENCE + '[appraised]\nIX = 20\n"Ⅸ" = 20\n',
     'appraised."Ⅸ": the same code as \'IX\' (got \'Ⅸ\')'),
    # Years.
    ("rules year 9999", "check", "r.toml", rules("year = 2022", "year = 9999"),
     "index.year: expected a year between 2000 and 2100 (got 9999)"),
    ("rules year 0", "check", "r.toml", rules("year = 2022", "year = 0"),
     "index.year: expected a year between 2000 and 2100 (got 0)"),
    ("rules year huge", "check", "r.toml", rules("year = 2022", "year = " + "9" * 40),
     "index.year: a number larger than 1,000,000,000 in size"),
    ("evidence year 1999", "score", "e.toml", EVIDENCE.replace("year = 2022", "year = 1999"),
     "year: expected a year between 2000 and 2100 (got 1999)"),
    ("evidence year negative", "score", "e.json", '{"unit": "x", "year": -5}',
     "year: expected a year between 2000 and 2100 (got -5)"),
    ("plan year 9999", "plan", "p.toml", PLAN.replace("2023", "9999"),
     "year: expected a year between 2000 and 2100 (got 9999)"),
    # Large honest-looking files.
    ("rules over the size cap", "check", "r.toml",
     MINIMAL + ("# " + "x" * 98 + "\n") * (MAX_DOCUMENT_BYTES // 100 + 1),
     "the file is too large: 4.0 MB; the limit is 4.0 MB"),
]  # fmt: skip


def _argv(command: str, name: str, tmp_path: Path) -> list[str]:
    if command == "plan":  # a plan goes with evidence
        evidence = tmp_path / "ev.toml"
        evidence.write_bytes((EXAMPLE / "evidence.toml").read_bytes())
        return ["plan", evidence.name, name, "--budget", "10"]
    return [command, name]


@pytest.mark.parametrize(
    ("command", "name", "text", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_input_is_a_located_error(
    tmp_path: Path, command: str, name: str, text: str, expected: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = cchc(*_argv(command, name, tmp_path), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"error: {name}: {expected}"), first
    assert all(len(line) <= 1_100 for line in proc.stderr.splitlines())


# ---------------------------------------------------------------- files that are not files

NOT_FILES = [
    ("check", "r.toml"),
    ("score", "e.toml"),
    ("import-annex", "a.tsv"),
    ("reconcile", "a.tsv"),
    ("rank", "w.csv"),
    ("check-results", "r.csv"),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(("command", "name"), NOT_FILES)
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, command: str, name: str) -> None:
    os.mkfifo(tmp_path / name)
    proc = cchc(command, name, cwd=tmp_path)
    assert proc.returncode == 1
    assert f"error: {name}: cannot read: it is a pipe (FIFO), not a file; give a file" in (
        proc.stderr
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
@pytest.mark.parametrize(
    "command", ["check", "score", "import-annex", "reconcile", "check-results"]
)
def test_dev_zero_is_refused_not_read(tmp_path: Path, command: str) -> None:
    proc = cchc(command, "/dev/zero", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith(
        "error: /dev/zero: cannot read: it is a device, not a file; give a file"
    )


def test_a_folder_as_the_rules_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.toml").mkdir()
    proc = cchc("check", "r.toml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == "error: r.toml: cannot read: it is a folder, not a file; give a file\n"


@pytest.mark.skipif(sys.platform == "win32", reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "e.toml"))
        proc = cchc("score", "e.toml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: e.toml: cannot read: it is a socket, not a file")


# ---------------------------------------------------------------- large annexes


def _annex(rows: int) -> str:
    """An annex whose real table is repeated until it has ``rows`` rows."""
    lines = (EXAMPLE / "annex.tsv").read_text(encoding="utf-8").split("\n")
    head, body = lines[:10], [line for line in lines[10:] if line.strip()]
    repeated = (body * (rows // len(body) + 1))[:rows]
    return "\n".join(head + repeated) + "\n"


@pytest.mark.parametrize("command", ["import-annex", "reconcile"])
def test_an_annex_of_10000_rows_is_refused_with_a_message(tmp_path: Path, command: str) -> None:
    (tmp_path / "a.tsv").write_text(_annex(10_000), encoding="utf-8")
    proc = cchc(command, "a.tsv", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith(
        f"error: a.tsv: more than {MAX_ANNEX_ROWS:,} rows (line 2007 is row 2,001): an annex "
        "has a few hundred; is this the right file?"
    ), proc.stderr[:300]


@pytest.mark.slow
def test_an_annex_of_100000_short_rows_is_refused_fast(tmp_path: Path) -> None:
    header = "STT\tTiêu chí\tĐiểm tối đa\tĐiểm thẩm định\tLý do\tThời hạn\n"
    (tmp_path / "a.tsv").write_text(header + "1\tx\t\t\t\t\n" * 100_000, encoding="utf-8")
    proc = cchc("reconcile", "a.tsv", cwd=tmp_path)  # under 5 s, 300 MB
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: a.tsv: more than 2,000 rows (line 2001 is row 2,001)")


@pytest.mark.slow
def test_an_evidence_table_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    head, *rows = WARDS.read_text(encoding="utf-8").splitlines()
    body = "\n".join(rows) + "\n"
    copies = MAX_TABLE_BYTES // len(body.encode()) + 1
    (tmp_path / "w.csv").write_text(head + "\n" + body * copies, encoding="utf-8")
    proc = cchc("rank", "w.csv", cwd=tmp_path)  # before: 30 s and 4.6 GB
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: w.csv: the file is too large: 20.0 MB; the limit is")


# ---------------------------------------------------------------- Word files and encodings

needs_docx = pytest.mark.skipif(
    importlib.util.find_spec("docx") is None, reason="python-docx (the docx extra) missing"
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(
    document_xml: bytes | None = None, extra: dict[str, bytes] | None = None, zeros: int = 0
) -> bytes:
    """A Word file made by python-docx, its document part replaced (and parts added; and
    a part of ``zeros`` MB written a MB at a time: the test's own memory is the child's
    starting point, as ``ru_maxrss`` counts it)."""
    import docx

    made = io.BytesIO()
    docx.Document().save(made)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(made.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            target.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
        if zeros:
            with target.open("word/media/zeros.bin", "w", force_zip64=True) as part:
                for _ in range(zeros):
                    part.write(bytes(1024 * 1024))
    return out.getvalue()


def _table(rows: list[list[str]]) -> bytes:
    cells = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row)
        + "</w:tr>"
        for row in rows
    )
    return (
        f'<w:document xmlns:w="{_W}"><w:body><w:tbl>{cells}</w:tbl></w:body></w:document>'
    ).encode()


_HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Lý do", "Thời hạn"]
_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "'
    + b"ha" * 50
    + b'">'
    + b"".join(
        b'<!ENTITY %c "%s">' % (ord("b") + i, b"&%c;" % (ord("a") + i) * 10) for i in range(9)
    )
    + b']><w:document xmlns:w="'
    + _W.encode()
    + b'"><w:body><w:p><w:r><w:t>&j;</w:t>'
    b"</w:r></w:p></w:body></w:document>"
)


#: (case, command, file name, bytes, expected start of the error after the file name).
WORD_CASES = [
    ("docx zip bomb (256 MB of zeros)", "import-annex", "a.docx", lambda: _docx(zeros=256),
     "the Word file unpacks to 256.8 MB; the limit is 24.0 MB (a zip bomb?"),
    ("docx of 600 parts", "reconcile", "a.docx",
     lambda: _docx(extra={f"word/media/{i}.png": b"" for i in range(600)}),
     "the Word file has 6"),
    ("docx entity expansion", "reconcile", "a.docx", lambda: _docx(_LAUGHS),
     # libxml2 refuses the expansion (python-docx's parser resolves no entities anyway).
     "cannot read the Word file: XMLSyntaxError: "),
    ("docx table of 10,000 rows", "import-annex", "a.docx",
     lambda: _docx(_table([_HEADER] + [["1", "x", "", "", "", ""]] * 10_000)),
     "more than 2,000 rows (line 2001 is row 2,001)"),
    ("docx over the size cap", "import-annex", "a.docx",
     lambda: b"PK\x03\x04" + b"\0" * MAX_DOCX_BYTES,
     "the file is too large: 16.0 MB; the limit is 16.0 MB"),
    ("PDF as an annex", "reconcile", "a.tsv", lambda: b"%PDF-1.7\n",
     "this is a PDF, not text"),
    ("Word file as evidence", "score", "e.toml", lambda: _docx(),
     "this is a Word file (.docx), not text: import-annex and reconcile read an annex"),
    ("Windows-1258 evidence", "score", "e.toml",
     lambda: 'unit = "Thư\u0309"\nyear = 2022\n'.encode("cp1258"),
     "line 1: not UTF-8 or UTF-16 text: in Word, File › Save As › Plain Text, Encoding: "
     "Unicode (UTF-8) (got b'\\xfd\\xd2\"\\n')"),
]  # fmt: skip


@needs_docx
@pytest.mark.parametrize(
    ("command", "name", "make", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in WORD_CASES],
)
def test_word_files_and_encodings_are_refused(
    tmp_path: Path, command: str, name: str, make: Callable[[], bytes], expected: str
) -> None:
    (tmp_path / name).write_bytes(make())
    proc = cchc(command, name, cwd=tmp_path)  # under 5 s and 300 MB, no traceback
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"error: {name}: {expected}"), proc.stderr[:300]


def test_utf16_evidence_is_scored(tmp_path: Path) -> None:
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    (tmp_path / "e.toml").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    (tmp_path / "u.toml").write_text(text, encoding="utf-8")
    assert (
        cchc("score", "e.toml", cwd=tmp_path).stdout == cchc("score", "u.toml", cwd=tmp_path).stdout
    )
