"""Hostile outputs (issue 18): every way an output can go wrong, run as a user runs it.

Each command-line case runs ``python -m cchc_score`` in a subprocess and asserts the exit
code, a located message (the path named), no traceback, no internal error, under 5 s and
300 MB. The inputs are written by the tests into ``tmp_path``; nothing binary is committed.
A few failures the operating system will not produce on demand (a full disk for a file, a
read-only folder when running as root) are injected in process with ``monkeypatch``.
"""

from __future__ import annotations

import atexit
import csv
import errno
import functools
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import pytest

from cchc_score import cli
from cchc_score.values import printable

from ..conftest import ROOT

WARDS = ROOT / "examples" / "district_2022" / "wards.csv"
ANNEX = ROOT / "examples" / "ward_2022" / "annex.tsv"
EVIDENCE = ROOT / "examples" / "ward_2022" / "evidence.toml"
PLAN = ROOT / "examples" / "ward_2022" / "plan.toml"

SECONDS = 5.0
MEGABYTES = 300

#: The last-resort handler's words: no fuzz case may reach it.
INTERNAL = ("lỗi nội bộ", "internal error")


#: Imported by every Python process a case starts (it is first on their PYTHONPATH): at
#: exit, it adds the process's own peak resident memory (VmHWM, which exec resets) to the
#: file CCHC_TEST_PEAK names. ``ru_maxrss`` from wait4 cannot tell it: it counts the
#: forked copy of this test process too, however large the test session has grown.
_SITECUSTOMIZE = """
import atexit, os
_OUT = os.environ.get("CCHC_TEST_PEAK")
def _peak():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        with open(_OUT, "a", encoding="ascii") as out:
            out.write(f"{kb}\\n")
    except (OSError, StopIteration, ValueError):
        pass
if _OUT:
    atexit.register(_peak)
"""


@functools.cache
def _probe() -> Path:
    """The folder holding the sitecustomize, written once a session (never in a case's cwd:
    tests list it)."""
    folder = Path(tempfile.mkdtemp(prefix="cchc-probe-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    return folder


def _peak_megabytes(report: Path, usage: Any) -> int:
    """The child's own peak memory: the largest VmHWM its Python processes reported, else
    (no /proc) what wait4 says."""
    try:
        reported = [int(n) for n in report.read_text(encoding="ascii").split()]
    except OSError:
        reported = []
    return (max(reported) if reported else usage.ru_maxrss) // 1024  # kilobytes on Linux


def cchc(
    *argv: object, cwd: Path, stdout: int | IO[Any] = subprocess.PIPE, shell: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user would (``shell``: a shell line instead); check its
    time, its own peak memory, and the absence of a traceback or internal error."""
    start = time.monotonic()
    args: str | list[str] = (
        shell if shell is not None else [sys.executable, "-m", "cchc_score", *map(str, argv)]
    )
    probe = _probe()
    handle, name = tempfile.mkstemp(prefix="peak-", suffix=".txt", dir=probe)
    os.close(handle)
    report = Path(name)
    path = os.pathsep.join(p for p in (str(probe), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "CCHC_TEST_PEAK": str(report)}
    # Both pipes are read in threads rather than by communicate(), so that the child is
    # reaped by wait4 and its own resource usage (not every child's so far) is known.
    with (
        subprocess.Popen(
            args,
            shell=shell is not None,
            cwd=cwd,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        ) as child,
        ThreadPoolExecutor(2) as pool,
    ):
        out = pool.submit(child.stdout.read) if child.stdout else None
        err = pool.submit(child.stderr.read) if child.stderr else None
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        proc = subprocess.CompletedProcess(
            args, child.returncode, out.result() if out else "", err.result() if err else ""
        )
    elapsed = time.monotonic() - start
    assert elapsed < SECONDS, f"{elapsed:.1f} s"
    peak = _peak_megabytes(report, usage)
    report.unlink(missing_ok=True)
    assert peak < MEGABYTES, f"{peak} MB"
    assert "Traceback" not in proc.stderr
    assert "Exception ignored" not in proc.stderr
    assert not any(words in proc.stderr for words in INTERNAL), proc.stderr
    return proc


def one_error(proc: subprocess.CompletedProcess[str], path: object) -> str:
    """The single error line, which names ``path``."""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith((f"lỗi: {path}: ", f"error: {path}: ")), lines[0]
    return lines[0]


@pytest.fixture
def table(tmp_path: Path) -> Path:
    """A copy of the district's wards.csv, as the input."""
    path = tmp_path / "wards.csv"
    path.write_bytes(WARDS.read_bytes())
    return path


# ------------------------------------------------------------------ refused or failed --out


def test_out_exists_without_force(tmp_path: Path, table: Path) -> None:
    (tmp_path / "report.csv").write_text("mine\n", encoding="utf-8")
    proc = cchc("rank", table.name, "--out", "report.csv", cwd=tmp_path)
    assert proc.returncode == 1
    assert one_error(proc, "report.csv").endswith("không ghi đè (dùng --force để thay thế)")
    assert (tmp_path / "report.csv").read_text(encoding="utf-8") == "mine\n"


def test_out_under_a_file(tmp_path: Path, table: Path) -> None:
    (tmp_path / "reports").write_text("", encoding="utf-8")
    proc = cchc("rank", table.name, "--out", "reports/x.csv", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert one_error(proc, "reports/x.csv").endswith(
        "cannot write: reports is a file, not a folder; choose another place"
    )


def test_out_in_a_missing_folder_is_created(tmp_path: Path, table: Path) -> None:
    proc = cchc("rank", table.name, "--out", "new/deeper/x.csv", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == "đã ghi new/deeper/x.csv: xếp hạng 7 đơn vị\n"
    assert (tmp_path / "new" / "deeper" / "x.csv").read_bytes().startswith(b"\xef\xbb\xbfrank,")


def test_import_annex_out_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "ward").write_text("", encoding="utf-8")
    proc = cchc("import-annex", ANNEX, "--out", "ward/2022", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    one_error(proc, "ward/2022")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders (and Windows has no such mode)",
)
def test_out_in_a_read_only_folder(tmp_path: Path, table: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = cchc("rank", table.name, "--out", "locked/x.csv", "--lang", "en", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert proc.returncode == 1
    assert "permission denied" in one_error(proc, "locked/x.csv")


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.EACCES, "cannot write: permission denied; choose a folder you can write to"),
        (errno.EROFS, "cannot write: the file system is read-only; choose another place"),
        (errno.ENOSPC, "cannot write: no space left on the device; free some space and try again"),
    ],
)
def test_out_when_the_system_refuses(
    tmp_path: Path,
    table: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    err: int,
    words: str,
) -> None:
    # In process: root ignores permissions, and a full or read-only disk is not at hand.
    def refuse(src: object, dst: object, **kwargs: object) -> None:
        raise OSError(err, os.strerror(err), str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "link", refuse)
    target = tmp_path / "x.csv"
    code = cli.main(["rank", str(table), "--out", str(target), "--lang", "en"])
    out, stderr = capsys.readouterr()
    assert (code, out, stderr) == (1, "", f"error: {target}: {words}\n")
    assert list(tmp_path.iterdir()) == [table]  # no temporary file left behind


def test_out_through_a_dangling_link(tmp_path: Path, table: Path) -> None:
    (tmp_path / "report.csv").symlink_to(tmp_path / "elsewhere" / "report.csv")
    proc = cchc("rank", table.name, "--out", "report.csv", cwd=tmp_path)
    assert proc.returncode == 1
    assert "liên kết tượng trưng" in one_error(proc, "report.csv")
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_out_through_a_link_to_a_file(tmp_path: Path, table: Path, force: list[str]) -> None:
    (tmp_path / "theirs.csv").write_text("theirs\n", encoding="utf-8")
    (tmp_path / "report.csv").symlink_to(tmp_path / "theirs.csv")
    proc = cchc("rank", table.name, "--out", "report.csv", *force, "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert "is a symbolic link" in one_error(proc, "report.csv")
    assert (tmp_path / "theirs.csv").read_text(encoding="utf-8") == "theirs\n"


def test_out_is_not_a_regular_file(tmp_path: Path, table: Path) -> None:
    proc = cchc("rank", table.name, "--out", os.devnull, "--force", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert "is not a regular file" in one_error(proc, os.devnull)


# ---------------------------------------------------------- --force never overwrites an input


def _aliases(tmp_path: Path, name: str) -> list[str]:
    """``name`` directly, through a symbolic link, through ``..`` and as a hard link."""
    (tmp_path / "sub").mkdir(exist_ok=True)
    (tmp_path / "alias").symlink_to(tmp_path / name)
    os.link(tmp_path / name, tmp_path / "hard")
    return [name, "alias", f"sub/../{name}", "hard"]


def test_force_never_overwrites_the_ranked_table(tmp_path: Path, table: Path) -> None:
    before = table.read_bytes()
    for out in _aliases(tmp_path, table.name):
        proc = cchc("rank", table.name, "--out", out, "--force", "--format", "csv", cwd=tmp_path)
        assert proc.returncode == 1
        assert "là tệp đầu vào của lệnh này" in one_error(proc, out)
        assert table.read_bytes() == before


def test_force_never_overwrites_a_unit_of_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "units"
    folder.mkdir()
    for unit in (ROOT / "examples" / "district_2022").glob("*.toml"):
        (folder / unit.name).write_bytes(unit.read_bytes())
    target = folder / "phuong_mau_a.toml"
    before = target.read_bytes()
    proc = cchc("rank", "units", "--out", "units/phuong_mau_a.toml", "--force", cwd=tmp_path)
    assert proc.returncode == 1
    one_error(proc, "units/phuong_mau_a.toml")
    assert target.read_bytes() == before


def test_force_never_overwrites_the_annex(tmp_path: Path) -> None:
    # The annex saved as plan.toml in the folder import-annex writes plan.toml to.
    annex = tmp_path / "plan.toml"
    annex.write_bytes(ANNEX.read_bytes())
    proc = cchc("import-annex", "plan.toml", "--out", ".", "--force", "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    assert "is an input of this command (plan.toml)" in one_error(proc, "plan.toml")
    assert annex.read_bytes() == ANNEX.read_bytes()
    assert not (tmp_path / "appraisal.toml").exists()  # nothing written when one is refused


# ------------------------------------------------------------------ formulas and control characters

HOSTILE = [
    '=HYPERLINK("http://x")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-2+3",
    "Esc\x1b[2J",
    "Bel\x07",
    # Python 3.10's csv module refuses a NUL in a row ("line contains NUL"; 3.11 reads it),
    # so there the table could not hold this name at all: the row would be listed as broken.
    "Nul\x00" if sys.version_info >= (3, 11) else "Nul",
]
RAW = ("\x1b", "\x07", "\x00")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """wards.csv with its seven units renamed as an attacker would."""
    rows = list(csv.reader(io.StringIO(WARDS.read_text(encoding="utf-8"))))
    for row, name in zip(rows[1:], HOSTILE, strict=True):
        row[0] = name
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path = tmp_path / "hostile.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _as_text(name: str) -> str:
    text = printable(name)
    return "'" + text if text[0] in "=+-@" else text


@pytest.mark.parametrize("only", ["ranking", "losses"])
def test_csv_holds_names_as_text(tmp_path: Path, hostile: Path, only: str) -> None:
    proc = cchc("rank", hostile.name, "--format", "csv", "--only", only, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert not any(c in proc.stdout for c in RAW)
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    cells = [row[2] for row in rows[1:]] if only == "ranking" else rows[0][5:]
    assert sorted(cells) == sorted(_as_text(name) for name in HOSTILE)
    assert not any(c[0] in "=+-@\t\r" for row in rows for c in row if c and not c[0].isdigit())


def test_csv_file_holds_names_as_text(tmp_path: Path, hostile: Path) -> None:
    proc = cchc("rank", hostile.name, "--out", "r.csv", cwd=tmp_path)
    assert proc.returncode == 0
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert '\'=HYPERLINK(""http://x"")' in text
    assert not any(c in text for c in RAW)


def test_xlsx_holds_names_as_text(tmp_path: Path, hostile: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    proc = cchc("rank", hostile.name, "--out", "r.xlsx", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    names = list(book["Xếp hạng"]["C"][1:])
    assert sorted(c.value for c in names) == sorted(_as_text(name) for name in HOSTILE)
    assert {c.data_type for c in names} == {"s"}
    headers = [c.value for c in book["Điểm trừ"][1][5:]]
    assert sorted(headers) == sorted(_as_text(name) for name in HOSTILE)
    for sheet in book:
        for row in sheet.iter_rows():
            for item in row:
                assert item.data_type != "f"  # not one formula anywhere


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_the_terminal_gets_no_raw_control_character(
    tmp_path: Path, hostile: Path, fmt: str
) -> None:
    proc = cchc("rank", hostile.name, "--format", fmt, "--lang", "en", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert not any(c in proc.stdout for c in RAW)
    assert "Esc\\u001b[2J" in proc.stdout


def test_a_control_character_in_an_error_is_escaped(tmp_path: Path) -> None:
    proc = cchc("score", "nope\x1b[2J.toml", "--rules", "criteria_2022", cwd=tmp_path)
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr
    assert "nope\\u001b[2J.toml" in proc.stderr


# ------------------------------------------------------------------ standard output


def test_stdout_on_a_full_disk(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        proc = cchc("score", EVIDENCE, "--lang", "en", stdout=full, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == (
        "error: standard output: cannot write: no space left on the device; free some space "
        "and try again\n"
    )


def test_stdout_closed_early(tmp_path: Path) -> None:
    shell = f"{sys.executable} -m cchc_score rank {WARDS} --by domain | head -1"
    proc = cchc(shell=shell, cwd=tmp_path)
    assert proc.stdout == "Xếp hạng 7 đơn vị theo bộ tiêu chí criteria_2022\n"
    assert proc.stderr == ""


def test_stdout_closed_from_the_start(tmp_path: Path) -> None:
    proc = cchc(shell=f"{sys.executable} -m cchc_score check criteria_2022 >&-", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("lỗi: đầu ra chuẩn: không ghi được: ")


# ------------------------------------------------------------------ usage


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["plan", EVIDENCE, PLAN, "--budget", "40", "--confidence", "5"], "--confidence"),
        (["plan", EVIDENCE, PLAN, "--budget", "-5"], "--budget"),
        (["plan", EVIDENCE, PLAN, "--budget", "10000000"], "--budget"),
        (["plan", EVIDENCE, PLAN, "--budget", "100000.01"], "--budget"),
        (["plan", EVIDENCE, PLAN, "--budget", "1" * 5000], "--budget"),
        (["project", EVIDENCE, PLAN, "--target", "1" + "0" * 400], "--target"),
        (["score", EVIDENCE, "--depth", "9" * 5000], "--depth"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(
    tmp_path: Path, argv: list[object], option: str
) -> None:
    proc = cchc(*argv, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert option in proc.stderr
    assert len(proc.stderr) < 2000  # the value is cut, not echoed whole


def test_too_many_task_ids_is_a_usage_error(tmp_path: Path) -> None:
    ids = ",".join(f"t{i}" for i in range(1001))
    proc = cchc("project", EVIDENCE, PLAN, "--tasks", ids, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert "tham số --tasks: tối đa 1000 mã nhiệm vụ (nhận 1001)" in proc.stderr


def test_problems_do_not_flood_the_terminal(tmp_path: Path) -> None:
    ids = ",".join(f"t{i}" for i in range(900))
    proc = cchc("project", EVIDENCE, PLAN, "--tasks", ids, "--lang", "en", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert len(lines) == 101
    assert lines[0].startswith(f"error: {PLAN}: tasks: no task has this id")
    assert lines[-1] == (
        "error: … and 800 more problems (fix those above and run again to see them)"
    )
    assert all(len(line) <= 1007 for line in lines)


def test_a_budget_beyond_the_plan_is_quick(tmp_path: Path) -> None:
    proc = cchc("plan", EVIDENCE, PLAN, "--budget", "99999.99", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0
    assert '"budget": 99999.99,' in proc.stdout


# ------------------------------------------------------------------ the last resort


def test_an_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.delenv("CCHC_SCORE_DEBUG", raising=False)
    monkeypatch.setattr(cli.commands, "evaluate", broken)
    assert cli.main(["score", str(EVIDENCE)]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("lỗi: lỗi nội bộ: RuntimeError: boom second line; xin báo lỗi kèm tệp đầu vào\n")
    assert cli.main(["score", str(EVIDENCE), "--lang", "en"]) == 3
    _, err = capsys.readouterr()
    assert err == (
        "error: internal error: RuntimeError: boom second line; please report it with the "
        "input file\n"
    )


def test_an_internal_error_message_is_cut(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("x" * 1_000_000)

    monkeypatch.setattr(cli.commands, "evaluate", broken)
    assert cli.main(["score", str(EVIDENCE)]) == 3
    _, err = capsys.readouterr()
    assert len(err) < 400


def test_interrupted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.commands, "evaluate", interrupted)
    assert cli.main(["score", str(EVIDENCE)]) == 130
    assert capsys.readouterr() == ("", "")


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setenv("CCHC_SCORE_DEBUG", "1")
    monkeypatch.setattr(cli.commands, "evaluate", broken)
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["score", str(EVIDENCE)])
