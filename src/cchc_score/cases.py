"""Example-based tests of a rules file: a case is one unit's evidence and the points the
rules must give some nodes and the total (OpenFisca's YAML tests, in TOML; the file format
is in docs/rules-authoring.md). Pure: :mod:`cchc_score.io.cases` reads cases files.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .errors import EvidenceError, Problem
from .evaluation import NodeScore, evaluate
from .evidence import Evidence
from .numbers import format_number
from .words import text

if TYPE_CHECKING:
    from .model import RuleSet
    from .numbers import Lang

__all__ = ["Case", "CaseResult", "Mismatch", "run_case"]

#: The key of ``[cases.expect]`` that names the total rather than a node.
TOTAL = "total"


@attrs.frozen
class Case:
    """One example: evidence, and the points expected of some nodes (``"total"`` for the
    total) and, if given, the rating band's name."""

    name: str
    evidence: Evidence
    expect: tuple[tuple[str, Decimal], ...] = ()
    rating: str | None = None
    where: str = ""


@attrs.frozen
class Mismatch:
    """A node (or the total, or the rating) whose computed value is not the expected one;
    ``node`` explains how the rules got it."""

    code: str
    expected: Decimal | str
    computed: Decimal | str | None
    node: NodeScore | None = None

    def sentence(self, lang: Lang = "vi") -> str:
        """The mismatch in one line, with the explanation of the computed points."""
        shown = [
            format_number(v, lang) if isinstance(v, Decimal) else ("—" if v is None else v)
            for v in (self.expected, self.computed)
        ]
        line = text("cases.mismatch", lang, code=self.code, expected=shown[0], computed=shown[1])
        if self.node is not None:
            line += " — " + self.node.explanation(lang)
        return line


@attrs.frozen
class CaseResult:
    """What one case gave: its mismatches, or the problems that kept it from being scored."""

    case: Case
    mismatches: tuple[Mismatch, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether every expectation held."""
        return not self.mismatches and not self.problems


def run_case(rules: RuleSet, case: Case) -> CaseResult:
    """Score the case's evidence under ``rules`` and compare with what it expects.

    Points are compared exactly, as the rules round them (``1.33`` is ``1.330``).

    >>> from cchc_score import load_rules
    >>> from cchc_score.io.evidence import load_evidence
    >>> rules = load_rules("criteria_2022")
    >>> evidence = load_evidence("examples/ward_2022/evidence.toml")
    >>> run_case(rules, Case("ward", evidence, (("1.2", Decimal("1.33")),))).passed
    True
    >>> result = run_case(rules, Case("ward", evidence, (("total", Decimal("84.24")),)))
    >>> result.mismatches[0].sentence("en")
    'total: expected 84.24, computed 84.14'
    """
    try:
        card = evaluate(rules, case.evidence)
    except EvidenceError as exc:
        where = case.where
        problems = tuple(
            attrs.evolve(p, path=f"{where}.{p.path}" if where and p.path else where or p.path)
            for p in exc.problems
        )
        return CaseResult(case, problems=problems)
    mismatches = []
    for code, expected in case.expect:
        if code == TOTAL:
            if card.total != expected:
                mismatches.append(Mismatch(code, expected, card.total))
        elif not rules.has_node(code):
            mismatches.append(Mismatch(code, expected, None))
        elif card.points_of(code) != expected:
            mismatches.append(Mismatch(code, expected, card.points_of(code), card.node(code)))
    if case.rating is not None:
        band = card.rating
        if band is None or case.rating not in (band.name, band.name_en):
            mismatches.append(Mismatch("rating", case.rating, band.name if band else None))
    return CaseResult(case, tuple(mismatches))
