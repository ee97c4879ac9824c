"""The command line's grammar: every command, its arguments and options, and the handler
that carries it out; its help in Vietnamese or English (:mod:`cchc_score.words.help`)."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn

from .. import __version__
from ..words import default_lang, text
from ..words.help import EXAMPLES
from . import commands as handlers
from . import ranking
from .options import add_quiet, date, decimal, ids, positive_int, year

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..numbers import Lang

#: Commands that live in a module of their own (``cli/cmd_<name>.py``): each module has
#: ``register(commands, lang)``, which adds its subparser with :func:`command` (its purpose
#: and examples in ``lang``; ``--lang`` and ``-h`` come with it: a command never adds its
#: own ``--lang``), every option with its help from the word catalogue. A new command goes
#: in such a module, not in :mod:`.commands`.
COMMAND_MODULES: tuple[str, ...] = (
    "cmd_diff",
    "cmd_test",
    "cmd_evidence_template",
    "cmd_docs",
    "cmd_report",
    "cmd_chart",
    "cmd_check_results",
)

#: The languages ``--lang`` takes.
LANGS: tuple[Lang, ...] = ("vi", "en")


def argv_lang(argv: Sequence[str]) -> Lang:
    """The language the command line asks for before it is parsed: the last ``--lang vi|en``
    (or ``--lang=…``) anywhere in it, else ``CCHC_LANG``, else Vietnamese. The help and the
    usage errors are in it.

    >>> argv_lang(["--lang", "en", "score", "e.toml"]), argv_lang(["score", "--lang=vi"])
    ('en', 'vi')
    """
    found: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value == "vi":
            found = "vi"
        elif value == "en":
            found = "en"
    return found or default_lang()


def examples(command: str, lang: Lang, lines: Sequence[str] | None = None) -> str:
    """The epilog of a command's help: the heading and its examples (``lines``, else the
    two of :data:`cchc_score.words.help.EXAMPLES` for ``command``)."""
    shown = "\n".join(f"  {line}" for line in (lines or EXAMPLES[command]))
    return f"{text('help.examples', lang)}\n{shown}"


def _parser_class(lang: Lang) -> type[argparse.ArgumentParser]:
    """An argument parser whose own words (usage, headings, ``-h``, the error prefix) are in
    ``lang``; the subcommands' parsers are of the same class."""

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            said = text("help.usage", lang) if prefix is None else prefix
            super().add_usage(usage, actions, groups, said)

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", Formatter)
            # A command module that adds its own --lang replaces this one, never clashes.
            kwargs.setdefault("conflict_handler", "resolve")
            kwargs["add_help"] = False
            super().__init__(*args, **kwargs)
            self._positionals.title = text("help.positionals", lang)
            self._optionals.title = text("help.options", lang)
            self.add_argument("-h", "--help", action="help", help=text("help.help", lang))
            self.add_argument(
                "--lang", choices=LANGS, default=lang, help=text("help.opt.lang", lang)
            )

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            said = argparse_message(message, lang)
            self.exit(2, f"{self.prog}: {text('cli.error', lang)}: {said}\n")

    return Parser


#: argparse's own usage errors (in English) → the word code that says them, in order.
_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"), "cli.argparse_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"), "cli.argparse_unknown"),
    (
        re.compile(
            r"argument (?P<name>[^:]+): invalid choice: (?P<value>.*) "
            r"\(choose from (?P<choices>.*)\)"
        ),
        "cli.argparse_choice",
    ),
    (re.compile(r"argument (?P<name>[^:]+): expected one argument"), "cli.argparse_one"),
    (
        re.compile(r"argument (?P<name>[^:]+): invalid \w+ value: (?P<value>.*)"),
        "cli.argparse_value",
    ),
    (re.compile(r"argument (?P<name>[^:]+): (?P<detail>.*)"), "cli.argparse_argument"),
)


def argparse_message(message: str, lang: Lang) -> str:
    """An argparse usage error in ``lang`` (as argparse says it when it is none it knows).

    >>> argparse_message("the following arguments are required: EVIDENCE", "vi")
    'thiếu tham số bắt buộc: EVIDENCE'
    """
    for pattern, code in _ARGPARSE:
        match = pattern.fullmatch(message)
        if match is not None:
            return text(code, lang, **match.groupdict())
    return message


def command(
    commands: Any, name: str, lang: Lang, handler: Any, purpose: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand with its one-line purpose (``purpose``, else the word ``help.<name>``),
    its examples (:data:`cchc_score.words.help.EXAMPLES`) and its handler; ``-h`` and
    ``--lang`` come with the parser class. The command modules build theirs with it."""
    purpose = purpose or text(f"help.{name}", lang)
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=purpose, description=purpose, epilog=examples(name, lang)
    )
    add_quiet(parser, lang)
    parser.set_defaults(handler=handler)
    return parser


def build_parser(lang: Lang = "vi") -> argparse.ArgumentParser:
    """The ``cchc-score`` parser, its help in ``lang``; every command takes ``--lang``, before
    or after the command's name."""
    parser = _parser_class(lang)(
        prog="cchc-score", description=text("help.program", lang), epilog=examples("", lang)
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=text("help.version", lang),
    )
    commands = parser.add_subparsers(
        title=text("help.commands", lang),
        required=True,
        metavar="COMMAND",
        help=text("help.command", lang),
    )

    def say(code: str) -> str:
        return text(code, lang)

    check = command(commands, "check", lang, handlers.cmd_check)
    check.add_argument("rules", metavar="RULES", help=say("help.check.rules"))
    check.add_argument("--strict", action="store_true", help=say("help.check.strict"))

    score = command(commands, "score", lang, handlers.cmd_score)
    _evidence_arguments(score, lang)
    format_option(score, lang)
    score.add_argument(
        "--depth", type=positive_int, default=1, metavar="N", help=say("help.score.depth")
    )

    explain = command(commands, "explain", lang, handlers.cmd_explain)
    _evidence_arguments(explain, lang)
    explain.add_argument("code", metavar="CODE", nargs="?", help=say("help.explain.code"))
    format_option(explain, lang)

    annex = command(commands, "import-annex", lang, handlers.cmd_import_annex)
    annex.add_argument("annex", metavar="ANNEX", help=say("help.opt.annex"))
    annex.add_argument("--unit", metavar="NAME", help=say("help.import-annex.unit"))
    annex.add_argument("--year", type=year, metavar="YEAR", help=say("help.import-annex.year"))
    annex.add_argument(
        "--rules", metavar="R", default="criteria_2022", help=say("help.import-annex.rules")
    )
    format_option(annex, lang)
    annex.add_argument("--out", metavar="DIR", help=say("help.import-annex.out"))
    annex.add_argument("--force", action="store_true", help=say("help.opt.force"))

    check_annex = command(commands, "reconcile", lang, handlers.cmd_reconcile)
    check_annex.add_argument("annex", metavar="ANNEX", help=say("help.reconcile.annex"))
    check_annex.add_argument("--rules", metavar="R", help=say("help.reconcile.rules"))
    check_annex.add_argument("--evidence", metavar="E", help=say("help.reconcile.evidence"))
    format_option(check_annex, lang)

    project_cmd = command(commands, "project", lang, handlers.cmd_project)
    _evidence_arguments(project_cmd, lang)
    project_cmd.add_argument("plan", metavar="PLAN", help=say("help.project.plan"))
    project_cmd.add_argument("--tasks", type=ids, metavar="ID,...", help=say("help.project.tasks"))
    project_cmd.add_argument("--as-of", type=date, metavar="DATE", help=say("help.opt.as_of"))
    project_cmd.add_argument("--target", metavar="T", help=say("help.project.target"))
    project_cmd.add_argument(
        "--period",
        choices=("quarter", "month"),
        default="quarter",
        help=say("help.project.period"),
    )
    project_cmd.add_argument("--rules-next", metavar="R", help=say("help.project.rules_next"))
    format_option(project_cmd, lang)

    plan_cmd = command(commands, "plan", lang, handlers.cmd_plan)
    _evidence_arguments(plan_cmd, lang)
    plan_cmd.add_argument("plan", metavar="PLAN", help=say("help.plan.plan"))
    plan_cmd.add_argument("--budget", type=decimal, metavar="N", help=say("help.plan.budget"))
    plan_cmd.add_argument("--target", metavar="RATING", help=say("help.plan.target"))
    plan_cmd.add_argument(
        "--confidence",
        type=decimal,
        default=Decimal("0.8"),
        metavar="Q",
        help=say("help.plan.confidence"),
    )
    plan_cmd.add_argument("--as-of", type=date, metavar="DATE", help=say("help.opt.as_of"))
    format_option(plan_cmd, lang)

    rank_cmd = command(commands, "rank", lang, ranking.cmd_rank)
    rank_cmd.add_argument("source", metavar="SOURCE", help=say("help.rank.source"))
    rank_cmd.add_argument("--rules", metavar="R", help=say("help.rank.rules"))
    rank_cmd.add_argument("--format", choices=ranking.RANK_FORMATS, help=say("help.rank.format"))
    rank_cmd.add_argument("--by", choices=("domain",), help=say("help.rank.by"))
    rank_cmd.add_argument("--only", choices=("ranking", "losses"), help=say("help.rank.only"))
    rank_cmd.add_argument("--top", type=positive_int, metavar="N", help=say("help.rank.top"))
    rank_cmd.add_argument("--out", metavar="FILE", help=say("help.rank.out"))
    rank_cmd.add_argument("--force", action="store_true", help=say("help.opt.force"))

    demo = command(commands, "demo", lang, handlers.cmd_demo)
    demo.add_argument("annex", metavar="ANNEX", nargs="?", help=say("help.demo.annex"))
    demo.add_argument("--rules", metavar="R", default="criteria_2022", help=say("help.demo.rules"))
    demo.add_argument("--out", metavar="DIR", help=say("help.demo.out"))
    demo.add_argument("--force", action="store_true", help=say("help.opt.force"))
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(commands, lang)
    return parser


def format_option(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--format",
        choices=("table", "markdown", "json"),
        default="table",
        help=text("help.opt.format", lang),
    )


def _evidence_arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("evidence", metavar="EVIDENCE", help=text("help.opt.evidence", lang))
    parser.add_argument("--rules", metavar="R", help=text("help.opt.rules", lang))
