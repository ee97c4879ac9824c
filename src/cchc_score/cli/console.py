"""Talking to the terminal: standard output and error, exit codes, and the errors that
end a command (a usage error, an unwritable standard output).

Results go to standard output (:func:`say`), problems to standard error (:func:`errors`),
and status lines (what was written where) to standard output unless ``--quiet``
(:func:`status`). Nothing is coloured today; a writer that colours asks
:func:`use_colour` first (a terminal, and no ``NO_COLOR``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from contextvars import ContextVar
from typing import TYPE_CHECKING, TextIO

from ..values import printable
from ..words import default_lang, text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from ..numbers import Lang


#: The command line's language, once known: :func:`cchc_score.cli.main` sets it from
#: ``--lang`` (or ``CCHC_LANG``) before parsing, for the messages said without a ``lang`` at
#: hand (an option's value, a line on standard error).
LANG: ContextVar[Lang | None] = ContextVar("LANG", default=None)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


#: The most problems printed on standard error; the rest are counted in one line.
MAX_PROBLEMS = 100


#: The longest line printed on standard error, in characters.
MAX_LINE = 1000


#: The longest internal-error line, in characters.
_INTERNAL_DETAIL = 300


class UsageError(Exception):
    """A command line that cannot be carried out as given."""


class StdoutError(Exception):
    """Standard output cannot be written (a full disk, a closed terminal)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


def detail(exc: BaseException) -> str:
    """An exception as one short line: its type and the start of its message."""
    try:
        message = str(exc)
    except Exception:  # a message that cannot even be made into text
        message = ""
    line = " ".join(f"{type(exc).__name__}: {message}".split())
    if len(line) > _INTERNAL_DETAIL:
        line = line[: _INTERNAL_DETAIL - 1] + "…"
    return line


def say(text: str) -> None:
    """Write ``text`` to standard output, control characters escaped; a failure to write
    (but a closed pipe) becomes :class:`StdoutError`."""
    try:
        stdout().write(printable(text))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutError(exc) from exc


#: Whether status lines are kept back (``--quiet``); set per command by :func:`set_quiet`.
_quiet = [False]


def set_quiet(quiet: bool) -> None:
    """Keep status lines back (``True``, ``--quiet``) or show them, for the command run."""
    _quiet[0] = quiet


def status(text: str) -> None:
    """A status line for a person (what was written where) on standard output, unless
    ``--quiet`` asked for results and problems only: a script's output stays its own."""
    if not _quiet[0]:
        say(text)


def use_colour(stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether output to ``stream`` (standard output by default) may be coloured: only on a
    terminal, and never when ``NO_COLOR`` is set to anything but empty (no-color.org).

    >>> import io
    >>> use_colour(io.StringIO(), {}), use_colour(io.StringIO(), {"NO_COLOR": "1"})
    (False, False)
    """
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR", ""):
        return False
    stream = sys.stdout if stream is None else stream
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def stdout() -> TextIO:
    """Standard output; Python sets it to ``None`` when the command starts with it closed
    (``cchc-score … >&-``)."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    return sys.stdout


def flush() -> None:
    try:
        stdout().flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutError(exc) from exc


def errors(lines: Iterable[str], lang: Lang | None = None) -> None:
    """Problems on standard error, one per line after "lỗi:" (``error:`` in English; ``lang``
    defaults to the command line's, else ``CCHC_LANG``), each cut to :data:`MAX_LINE`
    characters; if even that fails, there is no one to tell."""
    prefix = text("cli.error", lang or LANG.get() or default_lang())
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: stderr closed
        for line in lines:
            sys.stderr.write(printable(f"{prefix}: {short(line, MAX_LINE)}\n"))
        sys.stderr.flush()


def warnings(lines: Iterable[str]) -> None:
    """Warnings on standard error, one per line (each already saying it is a warning, in
    its language), as :func:`errors` prints problems: the command goes on."""
    with contextlib.suppress(OSError, AttributeError):
        for line in lines:
            sys.stderr.write(printable(f"{short(line, MAX_LINE)}\n"))
        sys.stderr.flush()


def silence_stdout() -> None:
    """Point standard output at the null device, so that nothing more fails on it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured in tests), or closed from the start


def short(text: str, width: int = 40) -> str:
    """A user's value cut to ``width`` characters for a one-line message."""
    return text if len(text) <= width else text[: width - 1] + "…"
