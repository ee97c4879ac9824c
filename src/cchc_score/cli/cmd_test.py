"""``cchc-score test RULES CASES...``: run a rules file's example cases; print each failure
with the node, the expected and computed points and the explanation; exit 1 on any."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..io.rules import load_rules
from ..words import text, text_n
from .console import EXIT_OK, EXIT_PROBLEMS, say

if TYPE_CHECKING:
    import argparse

    from ..cases import CaseResult
    from ..numbers import Lang


def arguments(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """The ``test`` command's arguments and handler, their help in ``lang``."""
    parser.set_defaults(handler=run)
    parser.add_argument("rules", metavar="RULES", help=text("help.test_rules", lang))
    parser.add_argument("cases", metavar="CASES", nargs="+", help=text("help.test_cases", lang))


def run(args: argparse.Namespace) -> int:
    """Run every case of every file; the exit code says whether all passed."""
    from ..cases import run_case
    from ..io.cases import load_cases

    rules = load_rules(args.rules)
    results: list[CaseResult] = []
    for path in args.cases:
        results += [run_case(rules, case) for case in load_cases(path).cases]
    say(report(results, args.lang))
    return EXIT_OK if all(r.passed for r in results) else EXIT_PROBLEMS


def report(results: list[CaseResult], lang: Lang) -> str:
    """One line per case, and under a failed one a line per mismatch or problem."""
    lines = []
    for result in results:
        mark = text("cases.passed" if result.passed else "cases.failed", lang)
        lines.append(f"{mark}: {result.case.name}")
        lines += [f"    {m.sentence(lang)}" for m in result.mismatches]
        lines += [f"    {p.text(lang)}" for p in result.problems]
    failed = sum(1 for r in results if not r.passed)
    summary = text(
        "cases.summary",
        lang,
        cases=text_n("count.case", len(results), lang),
        passed=len(results) - failed,
        failed=failed,
    )
    return "\n".join([*lines, summary]) + "\n"
