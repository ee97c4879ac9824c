"""The pytest plugin: every ``*.cases.toml`` file pytest meets is collected, one test per
case, and ``pytest --cchc-cases DIR`` collects the cases files under ``DIR`` too.

Installed with the package (entry point ``pytest11``), so a rules author's own suite runs
the cases beside its property tests (docs/rules-authoring.md). A failure prints each node's
expected and computed points with the explanation, in ``CCHC_LANG`` (Vietnamese by
default). Importing this module imports nothing of the library; collecting does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .cases import Case, CaseResult
    from .model import RuleSet

__all__ = ["CaseItem", "CasesCollector"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--cchc-cases DIR``: also run the cases files under ``DIR`` (may be repeated)."""
    group = parser.getgroup("cchc-score")
    group.addoption(
        "--cchc-cases",
        action="append",
        default=[],
        metavar="DIR",
        help="run the *.cases.toml files under DIR (cchc-score example cases)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Add the folders of ``--cchc-cases`` to what pytest collects."""
    config.args.extend(str(d) for d in config.getoption("cchc_cases") if str(d) not in config.args)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect a cases file by its name."""
    if file_path.name.endswith(".cases.toml"):
        collector: CasesCollector = CasesCollector.from_parent(parent, path=file_path)
        return collector
    return None


class CasesError(Exception):
    """A cases file, or the rules it names, cannot be read: the located problems."""


class CasesCollector(pytest.File):
    """A cases file: one :class:`CaseItem` per case, all scored under the rules it names."""

    def collect(self) -> Iterator[CaseItem]:
        from .errors import CchcScoreError
        from .io.cases import load_cases
        from .io.rules import load_rules
        from .words import default_lang, problem_text

        try:
            found = load_cases(self.path)
            if found.rules is None:
                raise CasesError(f"{self.path}: {problem_text('E-CASES-NO-RULES')}")
            rules = load_rules(found.rules)
        except CchcScoreError as exc:
            raise CasesError(exc.text(default_lang())) from None
        for case in found.cases:
            item: CaseItem = CaseItem.from_parent(self, name=case.name, rules=rules, case=case)
            yield item

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> Any:  # type: ignore[override]
        """The problems, without a traceback."""
        if isinstance(excinfo.value, CasesError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class CaseFailed(Exception):
    """A case whose expectations did not hold."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.case.name)
        self.result = result


class CaseItem(pytest.Item):
    """One case of a cases file."""

    def __init__(self, *, rules: RuleSet, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rules = rules
        self.case = case

    def runtest(self) -> None:
        """Score the case; fail with every mismatch."""
        from .cases import run_case

        result = run_case(self.rules, self.case)
        if not result.passed:
            raise CaseFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """Each mismatch: node, expected, computed and the explanation."""
        if isinstance(excinfo.value, CaseFailed):
            from .words import default_lang

            lang = default_lang()
            result = excinfo.value.result
            lines = [f"{self.path}: {result.case.where}"]
            lines += [f"    {m.sentence(lang)}" for m in result.mismatches]
            lines += [f"    {p.text(lang)}" for p in result.problems]
            return "\n".join(lines)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is: the file and its name."""
        return self.path, None, f"case {self.case.name}"
