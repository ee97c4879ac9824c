"""The command line's grammar: every command, its arguments and options, and the handler
that carries it out; its help in Vietnamese or English (:mod:`cchc_score.words.help`)."""

from __future__ import annotations

import argparse
import functools
import importlib
import re
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn

from .. import __version__
from ..words import default_lang, text
from ..words.help import EXAMPLES
from . import commands as handlers
from .options import add_quiet, date, decimal, ids, positive_int, year

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..numbers import Lang

#: Every command, in the order the help lists them: its name, the word of its one-line
#: purpose, and the module that adds its arguments and its handler: ``arguments(parser,
#: lang)`` of ``cli/cmd_<name>.py`` (each option with its help from the word catalogue; ``-h``,
#: ``--lang`` and ``-q`` come with the parser, a command never adds its own ``--lang``), or
#: ``""`` for the commands declared here. A new command goes in a module of its own, not in
#: :mod:`.commands`. The command line makes the parser of the invoked command alone (the
#: program's help lists every command by its purpose): a start does not build fifteen
#: parsers it does not use.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("check", "help.check", ""),
    ("score", "help.score", ""),
    ("explain", "help.explain", ""),
    ("import-annex", "help.import-annex", ""),
    ("reconcile", "help.reconcile", ""),
    ("project", "help.project", ""),
    ("plan", "help.plan", ""),
    ("rank", "help.rank", ""),
    ("demo", "help.demo", ""),
    ("diff", "help.diff", "cmd_diff"),
    ("test", "help.test", "cmd_test"),
    ("evidence-template", "help.template", "cmd_evidence_template"),
    ("docs", "help.docs", "cmd_docs"),
    ("report", "unitreport.help", "cmd_report"),
    ("chart", "chart.help", "cmd_chart"),
    ("check-results", "results.help", "cmd_check_results"),
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

        #: Whether :meth:`add_argument` is running, when argparse makes a formatter only to
        #: check a metavar: then one without the terminal's width, which would import
        #: shutil and the compression modules it brings (a fiftieth of the start).
        _checking = False

        def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
            self._checking = True
            try:
                return super().add_argument(*args, **kwargs)
            finally:
                self._checking = False

        def _get_formatter(self) -> argparse.HelpFormatter:
            if self._checking:
                return Formatter(prog=self.prog, width=80)
            return super()._get_formatter()

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            said = argparse_message(message, lang)
            self.exit(2, f"{self.prog}: {text('cli.error', lang)}: {said}\n")

    return Parser


#: argparse's own usage errors (in English) → the word code that says them, in order; the
#: patterns are compiled when a usage error is first said, not at every start.
_ARGPARSE: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (?P<names>.*)", "cli.argparse_required"),
    (r"unrecognized arguments: (?P<names>.*)", "cli.argparse_unknown"),
    (
        r"argument (?P<name>[^:]+): invalid choice: (?P<value>.*) "
        r"\(choose from (?P<choices>.*)\)",
        "cli.argparse_choice",
    ),
    (r"argument (?P<name>[^:]+): expected one argument", "cli.argparse_one"),
    (r"argument (?P<name>[^:]+): invalid \w+ value: (?P<value>.*)", "cli.argparse_value"),
    (r"argument (?P<name>[^:]+): (?P<detail>.*)", "cli.argparse_argument"),
)


def argparse_message(message: str, lang: Lang) -> str:
    """An argparse usage error in ``lang`` (as argparse says it when it is none it knows).

    >>> argparse_message("the following arguments are required: EVIDENCE", "vi")
    'thiếu tham số bắt buộc: EVIDENCE'
    """
    for pattern, code in _ARGPARSE:
        match = re.fullmatch(pattern, message)
        if match is not None:
            return text(code, lang, **match.groupdict())
    return message


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subcommands. The command line's parser makes a command's parser (its arguments,
    handler, help) only when that command is invoked: until then the command is its name
    and its purpose, all that the program's help and usage errors say of it, and a start
    does not build fifteen parsers (and ask gettext thirty times for argparse's words)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending: dict[str, Callable[[], object]] = {}

    def add_later(self, name: str, purpose: str, make: Callable[[], object]) -> None:
        """Command ``name``, listed with ``purpose``; ``make()`` adds its parser (with
        :meth:`add_parser`, without a ``help``) when it is invoked."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), purpose))
        self._name_parser_map[name] = None  # a name, for now
        self.pending[name] = make

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        make = self.pending.pop(values[0], None)
        if make is not None:
            del self._name_parser_map[values[0]]
            make()
        super().__call__(parser, namespace, values, option_string)


def build_parser(lang: Lang = "vi", *, complete: bool = True) -> argparse.ArgumentParser:
    """The ``cchc-score`` parser, its help in ``lang``; every command takes ``--lang``, before
    or after the command's name.

    With ``complete=False`` (the command line's own parser) a command's parser is made only
    when it is invoked: what the parser says and parses is the same.
    """
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
        prog=parser.prog,  # what argparse would work out by formatting a usage line
        title=text("help.commands", lang),
        required=True,
        metavar="COMMAND",
        help=text("help.command", lang),
        action=_Commands,
    )
    assert isinstance(commands, _Commands)
    for name, purpose_code, module in COMMANDS:
        purpose = text(purpose_code, lang)
        listed = purpose.replace("%", "%%")  # argparse formats a help, not a description
        make = functools.partial(_add_command, commands, name, purpose, module, lang)
        if complete:
            make(listed)
        else:
            commands.add_later(name, listed, make)
    return parser


def _add_command(
    commands: _Commands,
    name: str,
    purpose: str,
    module: str,
    lang: Lang,
    listed: str | None = None,
) -> None:
    """Command ``name``'s parser: its purpose, examples, ``-q``, arguments and handler; in
    the program's help as ``listed``, unless it is there already."""
    epilog = examples(name, lang)
    if listed is None:
        sub = commands.add_parser(name, description=purpose, epilog=epilog)
    else:
        sub = commands.add_parser(name, help=listed, description=purpose, epilog=epilog)
    add_quiet(sub, lang)
    _add_arguments(sub, name, module, lang)


def _add_arguments(parser: argparse.ArgumentParser, name: str, module: str, lang: Lang) -> None:
    """Command ``name``'s arguments and handler, from its module (:data:`COMMANDS`)."""
    if module:
        importlib.import_module(f"{__package__}.{module}").arguments(parser, lang)
    else:
        _HERE[name](parser, lang)


def _check(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.set_defaults(handler=handlers.cmd_check)
    parser.add_argument("rules", metavar="RULES", help=text("help.check.rules", lang))
    parser.add_argument("--strict", action="store_true", help=text("help.check.strict", lang))


def _score(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.set_defaults(handler=handlers.cmd_score)
    _evidence_arguments(parser, lang)
    format_option(parser, lang)
    parser.add_argument(
        "--depth", type=positive_int, default=1, metavar="N", help=text("help.score.depth", lang)
    )


def _explain(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.set_defaults(handler=handlers.cmd_explain)
    _evidence_arguments(parser, lang)
    parser.add_argument("code", metavar="CODE", nargs="?", help=text("help.explain.code", lang))
    format_option(parser, lang)


def _import_annex(parser: argparse.ArgumentParser, lang: Lang) -> None:
    def say(code: str) -> str:
        return text(code, lang)

    parser.set_defaults(handler=handlers.cmd_import_annex)
    parser.add_argument("annex", metavar="ANNEX", help=say("help.opt.annex"))
    parser.add_argument("--unit", metavar="NAME", help=say("help.import-annex.unit"))
    parser.add_argument("--year", type=year, metavar="YEAR", help=say("help.import-annex.year"))
    parser.add_argument(
        "--rules", metavar="R", default="criteria_2022", help=say("help.import-annex.rules")
    )
    format_option(parser, lang)
    parser.add_argument("--out", metavar="DIR", help=say("help.import-annex.out"))
    parser.add_argument("--force", action="store_true", help=say("help.opt.force"))


def _reconcile(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.set_defaults(handler=handlers.cmd_reconcile)
    parser.add_argument("annex", metavar="ANNEX", help=text("help.reconcile.annex", lang))
    parser.add_argument("--rules", metavar="R", help=text("help.reconcile.rules", lang))
    parser.add_argument("--evidence", metavar="E", help=text("help.reconcile.evidence", lang))
    format_option(parser, lang)


def _project(parser: argparse.ArgumentParser, lang: Lang) -> None:
    def say(code: str) -> str:
        return text(code, lang)

    parser.set_defaults(handler=handlers.cmd_project)
    _evidence_arguments(parser, lang)
    parser.add_argument("plan", metavar="PLAN", help=say("help.project.plan"))
    parser.add_argument("--tasks", type=ids, metavar="ID,...", help=say("help.project.tasks"))
    parser.add_argument("--as-of", type=date, metavar="DATE", help=say("help.opt.as_of"))
    parser.add_argument("--target", metavar="T", help=say("help.project.target"))
    parser.add_argument(
        "--period",
        choices=("quarter", "month"),
        default="quarter",
        help=say("help.project.period"),
    )
    parser.add_argument("--rules-next", metavar="R", help=say("help.project.rules_next"))
    format_option(parser, lang)


def _plan(parser: argparse.ArgumentParser, lang: Lang) -> None:
    def say(code: str) -> str:
        return text(code, lang)

    parser.set_defaults(handler=handlers.cmd_plan)
    _evidence_arguments(parser, lang)
    parser.add_argument("plan", metavar="PLAN", help=say("help.plan.plan"))
    parser.add_argument("--budget", type=decimal, metavar="N", help=say("help.plan.budget"))
    parser.add_argument("--target", metavar="RATING", help=say("help.plan.target"))
    parser.add_argument(
        "--confidence",
        type=decimal,
        default=Decimal("0.8"),
        metavar="Q",
        help=say("help.plan.confidence"),
    )
    parser.add_argument("--as-of", type=date, metavar="DATE", help=say("help.opt.as_of"))
    format_option(parser, lang)


def _rank(parser: argparse.ArgumentParser, lang: Lang) -> None:
    from . import ranking

    def say(code: str) -> str:
        return text(code, lang)

    parser.set_defaults(handler=ranking.cmd_rank)
    parser.add_argument("source", metavar="SOURCE", help=say("help.rank.source"))
    parser.add_argument("--rules", metavar="R", help=say("help.rank.rules"))
    parser.add_argument("--format", choices=ranking.RANK_FORMATS, help=say("help.rank.format"))
    parser.add_argument("--by", choices=("domain",), help=say("help.rank.by"))
    parser.add_argument("--only", choices=("ranking", "losses"), help=say("help.rank.only"))
    parser.add_argument("--top", type=positive_int, metavar="N", help=say("help.rank.top"))
    parser.add_argument("--out", metavar="FILE", help=say("help.rank.out"))
    parser.add_argument("--force", action="store_true", help=say("help.opt.force"))


def _demo(parser: argparse.ArgumentParser, lang: Lang) -> None:
    def say(code: str) -> str:
        return text(code, lang)

    parser.set_defaults(handler=handlers.cmd_demo)
    parser.add_argument("annex", metavar="ANNEX", nargs="?", help=say("help.demo.annex"))
    parser.add_argument(
        "--rules", metavar="R", default="criteria_2022", help=say("help.demo.rules")
    )
    parser.add_argument("--out", metavar="DIR", help=say("help.demo.out"))
    parser.add_argument("--force", action="store_true", help=say("help.opt.force"))


#: The arguments of the commands declared in this module, by name.
_HERE: dict[str, Callable[[argparse.ArgumentParser, Lang], None]] = {
    "check": _check,
    "score": _score,
    "explain": _explain,
    "import-annex": _import_annex,
    "reconcile": _reconcile,
    "project": _project,
    "plan": _plan,
    "rank": _rank,
    "demo": _demo,
}


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
