"""The ``cchc-score`` command: check rules, score evidence, explain deductions, read and
reconcile annexes, project a plan, pick the best tasks for a budget, rank many units, run the
demo.

Exit codes: 0 success (also when the reader of standard output stops early, as
``| head`` does); 1 an input or an output has problems (every problem printed, one per line,
on standard error: a file that cannot be read or written, standard output on a full disk);
2 a usage error; 3 an internal error (a bug: one line, no traceback; set
``CCHC_SCORE_DEBUG=1`` to see it); 130 interrupted (Ctrl-C). A user's mistake never prints
a Python traceback. See docs/limits.md.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from .. import words
from ..errors import CchcScoreError
from ..values import printable
from .console import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    LANG,
    MAX_PROBLEMS,
    StdoutError,
    UsageError,
    detail,
    errors,
    flush,
    silence_stdout,
)
from .options import check_options
from .parser import argv_lang, build_parser

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

    from ..numbers import Lang

__all__ = ["main", "run"]


def run() -> NoReturn:
    """The ``cchc-score`` program (and ``python -m cchc_score``): :func:`main` on the command
    line's arguments, then exit with its code."""
    # What is imported by now lives until the process ends: frozen, it is not walked again
    # by any later collection, nor by the last one as the process exits (a tenth of a start).
    gc.freeze()
    raise SystemExit(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Never lets an exception through but ``SystemExit`` (argparse's own usage errors and
    ``--help``): a user's mistake is a located message (exit 1 or 2); anything unexpected is
    one line asking for a report (exit 3).
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang: Lang = argv_lang(arguments)
    LANG.set(lang)
    parser = build_parser(lang, complete=False)
    try:
        args = parser.parse_args(arguments)
        lang = args.lang
        handler: Callable[[argparse.Namespace], int] = args.handler
        check_options(args)
        code = handler(args)
        flush()
        return code
    except CchcScoreError as exc:
        problems = [problem.text(lang) for problem in exc.problems[:MAX_PROBLEMS]]
        if len(exc.problems) > MAX_PROBLEMS:
            more = len(exc.problems) - MAX_PROBLEMS
            problems.append(words.text_n("cli.more_problems", more, lang))
        errors(problems, lang)
        return EXIT_PROBLEMS
    except UsageError as exc:
        error = words.text("cli.error", lang)
        parser.exit(EXIT_USAGE, printable(f"{parser.prog}: {error}: {exc}\n"))
    except BrokenPipeError:
        # The reader (e.g. `| head`) closed the pipe: stop quietly, as Unix tools do.
        silence_stdout()
        return EXIT_OK
    except StdoutError as exc:
        silence_stdout()  # so that Python's own flush at exit does not fail again
        # Imported here: a command that writes no file starts without the writer.
        from ..io.writing import describe_os_error

        where = words.text("output.stdout", lang)
        errors([f"{where}: {describe_os_error(exc.error, lang)}"], lang)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:  # Ctrl-C: the user knows; say nothing
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last resort: a bug, said in one line
        if os.environ.get("CCHC_SCORE_DEBUG"):
            raise
        errors([words.text("cli.internal", lang, detail=detail(exc))], lang)
        return EXIT_INTERNAL
