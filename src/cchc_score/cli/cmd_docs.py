"""``cchc-score docs RULES --out DIR``: the rule pages, a Markdown site with a page per
domain and criterion and an index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..io.files import names_a_file
from ..io.rules import load_rules
from ..words import text, text_n
from .console import EXIT_OK, status

if TYPE_CHECKING:
    import argparse

    from ..numbers import Lang


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``docs`` command's arguments and handler, their help in ``lang``."""
    parser.set_defaults(handler=run)
    parser.add_argument("rules", metavar="RULES", help=text("help.diff_old", lang))
    parser.add_argument("--out", metavar="DIR", required=True, help=text("help.docs_out", lang))
    parser.add_argument("--force", action="store_true", help=text("help.opt.force", lang))


def run(args: argparse.Namespace) -> int:
    """Write every page and say how many."""
    from ..io.writing import write_outputs
    from ..report.rule_pages import rule_pages

    pages = rule_pages(load_rules(args.rules))
    inputs = [args.rules] if names_a_file(args.rules) else []
    write_outputs(args.out, pages, force=args.force, inputs=inputs, lang=args.lang)
    status(
        text(
            "cli.wrote_pages",
            args.lang,
            pages=text_n("count.page", len(pages), args.lang),
            path=args.out,
        )
        + "\n"
    )
    return EXIT_OK
