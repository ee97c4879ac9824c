"""Standard output for scripts: ``--quiet`` keeps status lines back, never results or
problems; colour only on a terminal and never with ``NO_COLOR``."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from cchc_score.cli import console
from cchc_score.cli.options import add_quiet, check_options
from cchc_score.cli.parser import build_parser

from .conftest import EXAMPLE
from .test_cli import run


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "environ", "coloured"),
    [
        (_Terminal(), {}, True),
        (_Terminal(), {"NO_COLOR": "1"}, False),
        (_Terminal(), {"NO_COLOR": "0"}, False),  # any value but empty: no-color.org
        (_Terminal(), {"NO_COLOR": ""}, True),
        (io.StringIO(), {}, False),  # a pipe or a file
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    stream: io.StringIO, environ: dict[str, str], coloured: bool
) -> None:
    assert console.use_colour(stream, environ) is coloured


def test_a_closed_stream_is_not_coloured() -> None:
    stream = io.StringIO()
    stream.close()  # isatty() now raises ValueError
    assert console.use_colour(stream, {}) is False


@pytest.mark.parametrize(("argv", "quiet"), [(["-q"], True), (["--quiet"], True), ([], False)])
def test_quiet_is_an_option_and_is_applied(
    capsys: pytest.CaptureFixture[str], argv: list[str], quiet: bool
) -> None:
    parser = argparse.ArgumentParser()
    add_quiet(parser, "en")
    args = parser.parse_args(argv)
    assert args.quiet is quiet
    try:
        check_options(args)
        console.status("wrote x\n")
        console.say("result\n")
    finally:
        console.set_quiet(False)
    assert capsys.readouterr().out == ("result\n" if quiet else "wrote x\nresult\n")


def test_quiet_help_is_in_both_languages() -> None:
    helps = []
    for lang in ("vi", "en"):
        parser = argparse.ArgumentParser()
        add_quiet(parser, lang)
        helps.append(parser.format_help())
    assert "dòng thông báo" in helps[0]
    assert "status lines" in helps[1]


def test_import_annex_quiet_writes_its_files_and_says_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = ["import-annex", str(EXAMPLE / "annex.tsv")]
    code, said, err = run(capsys, *argv, "--out", str(tmp_path / "loud"))
    assert (code, err) == (0, "")
    assert said.count("\n") == 3  # one status line per file written
    # As main() runs it, with --quiet given (cli/parser.py adds it with add_quiet).
    args = build_parser().parse_args([*argv, "--out", str(tmp_path / "quiet")])
    args.quiet = True
    try:
        check_options(args)
        assert args.handler(args) == 0
    finally:
        console.set_quiet(False)
    assert capsys.readouterr() == ("", "")
    written = sorted(p.name for p in (tmp_path / "quiet").iterdir())
    assert written == ["appraisal.toml", "evidence.toml", "plan.toml"]
