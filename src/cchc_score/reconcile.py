"""Reconciliation: does an appraisal annex's arithmetic add up, and agree with the rules?

:func:`reconcile` takes an :class:`~cchc_score.annex.Appraisal` (and optionally the
:class:`~cchc_score.model.RuleSet` it was scored under) and returns one
:class:`Finding` per disagreement, each naming the row and both numbers. Where the
numbers agree it reports nothing. It is pure: no I/O, no clock.

Finding kinds (severity in brackets):

``deduction_mismatch`` [error]
    a row's max − score differs from the deduction written in its text.
``criteria_sum_mismatch`` [error]
    a domain's or sub-domain's deduction differs from the sum of the deductions of the
    criteria listed under it (by code).
``subdomain_sum_mismatch`` [error]
    a domain's deduction differs from the sum of its listed sub-domains' deductions.
``total_mismatch`` [error]
    the stated total differs from the sum of the domain scores.
``score_above_max`` / ``score_below_zero`` [error]
    a score outside 0..max.
``max_mismatch`` [error, with rules]
    a row's maximum differs from the rules' maximum for its code.
``unknown_code`` [error, with rules]
    the rules have no node with the row's code.
``rating_mismatch`` [error, with rules]
    the stated rating is not the band the rules give for the total.
``missing_points`` [warning]
    a row has no maximum or no score, so its arithmetic cannot be checked.
``duplicate_code`` [warning]
    a code is listed on more than one row; only the first counts in the sums.
``missing_reason`` / ``missing_task`` / ``missing_lead`` / ``missing_deadline`` [warning]
    a criterion row that lost points says nothing in that column.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from . import arguments, words
from .annex import Appraisal
from .evidence import RULES_EXPECTED
from .model import RuleSet, roman
from .numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .annex import AppraisalNode
    from .numbers import Lang

__all__ = ["FINDING_KINDS", "Finding", "Severity", "reconcile"]

Severity = Literal["error", "warning"]

#: Every finding kind and its severity.
FINDING_KINDS: dict[str, Severity] = {
    "deduction_mismatch": "error",
    "criteria_sum_mismatch": "error",
    "subdomain_sum_mismatch": "error",
    "total_mismatch": "error",
    "score_above_max": "error",
    "score_below_zero": "error",
    "max_mismatch": "error",
    "unknown_code": "error",
    "rating_mismatch": "error",
    "missing_points": "warning",
    "duplicate_code": "warning",
    "missing_reason": "warning",
    "missing_task": "warning",
    "missing_lead": "warning",
    "missing_deadline": "warning",
}

_ROMAN = re.compile(r"^[IVXL]+$")


@attrs.frozen
class Finding:
    """One disagreement in an appraisal, located by row.

    Attributes:
        severity: ``"error"`` (the numbers disagree) or ``"warning"`` (something missing).
        code: the row's code (``"2.1"``, ``"II"``), or ``"total"`` for the total/rating.
        kind: what disagrees, one of :data:`FINDING_KINDS` (see the module docstring).
        stated: the number the annex states (a stated deduction, a domain's deduction,
            a score, a maximum, the total), where the kind has one.
        computed: the number it should agree with (max − score, a sum, the rules' maximum).
        line: the row's line in the annex, where known.
        stated_text: for ``rating_mismatch``, the rating the annex states.
        computed_text: for ``rating_mismatch``, the rating the rules give.
    """

    severity: Severity
    code: str
    kind: str
    stated: Decimal | None = None
    computed: Decimal | None = None
    line: int | None = None
    stated_text: str = ""
    computed_text: str = ""

    def message(self, lang: Lang = "en") -> str:
        """One sentence naming the row and both numbers, in Vietnamese or English.

        >>> f = Finding("error", "2.1", "deduction_mismatch", Decimal("1.75"),
        ...             Decimal("2.0"), 15)
        >>> f.message("vi")
        'Tiêu chí 2.1 (dòng 15): văn bản ghi bị trừ 1,75 điểm, nhưng điểm tối đa − điểm chấm là 2,0 điểm.'
        >>> f.message("en")
        'Criterion 2.1 (line 15): the text states a deduction of 1.75, but max − score is 2.0.'
        """  # noqa: E501
        return words.text(
            f"reconcile.{self.kind}",
            lang,
            row=self._row(lang),
            stated="" if self.stated is None else format_number(self.stated, lang),
            computed="" if self.computed is None else format_number(self.computed, lang),
            stated_text=self.stated_text,
            computed_text=self.computed_text,
        )

    def _row(self, lang: Lang) -> str:
        if self.code == "total":
            label = words.text(
                "reconcile.row_rating" if self.kind == "rating_mismatch" else "reconcile.row_total",
                lang,
            )
        elif _ROMAN.match(self.code):
            label = words.text("reconcile.row_domain", lang, code=self.code)
        else:
            label = words.text("reconcile.row_criterion", lang, code=self.code)
        if self.line is None:
            return label
        return words.text("reconcile.row_line", lang, row=label, line=self.line)


def _finding(
    kind: str,
    code: str,
    line: int | None,
    stated: Decimal | None = None,
    computed: Decimal | None = None,
    stated_text: str = "",
    computed_text: str = "",
) -> Finding:
    return Finding(
        FINDING_KINDS[kind], code, kind, stated, computed, line, stated_text, computed_text
    )


def _domain_of(code: str) -> str | None:
    """The domain a dotted code belongs to: "7.1.2" → "VII"; a domain code is its own."""
    if _ROMAN.match(code):
        return code
    head = code.split(".", 1)[0]
    if not head.isdigit() or not 0 < int(head) < 90:
        return None
    return roman(int(head))


def _is_under(code: str, parent: AppraisalNode) -> bool:
    if parent.level == "domain":
        return code != parent.code and _domain_of(code) == parent.code
    return code.startswith(parent.code + ".")


def _sum(nodes: Iterable[AppraisalNode]) -> Decimal | None:
    """The sum of the nodes' deductions; ``None`` if there is none or one is unknown."""
    total = Decimal(0)
    count = 0
    for node in nodes:
        deduction = node.deduction
        if deduction is None:
            return None
        total += deduction
        count += 1
    return total if count else None


def _row_checks(node: AppraisalNode) -> Iterator[Finding]:
    if node.max is None or node.score is None:
        yield _finding("missing_points", node.code, node.line)
    if node.score is not None and node.score < 0:
        yield _finding("score_below_zero", node.code, node.line, node.score)
    if node.score is not None and node.max is not None and node.score > node.max:
        yield _finding("score_above_max", node.code, node.line, node.score, node.max)
    if node.stated_deduction is not None and node.max is not None and node.score is not None:
        computed = node.max - node.score
        if computed != node.stated_deduction:
            yield _finding(
                "deduction_mismatch", node.code, node.line, node.stated_deduction, computed
            )


def _sum_checks(node: AppraisalNode, firsts: list[AppraisalNode]) -> Iterator[Finding]:
    if node.level == "criterion" or node.deduction is None:
        return
    under = [n for n in firsts if _is_under(n.code, node)]
    criteria_codes = {n.code for n in under if n.level == "criterion"}
    # Count only the top-most criteria listed: "6.3" and "6.3.2" both listed would count twice.
    criteria = [
        n
        for n in under
        if n.level == "criterion" and not any(n.code.startswith(c + ".") for c in criteria_codes)
    ]
    computed = _sum(criteria)
    if computed is not None and computed != node.deduction:
        yield _finding("criteria_sum_mismatch", node.code, node.line, node.deduction, computed)
    if node.level == "domain":
        computed = _sum(n for n in under if n.level == "subdomain")
        if computed is not None and computed != node.deduction:
            yield _finding("subdomain_sum_mismatch", node.code, node.line, node.deduction, computed)


def _rules_checks(node: AppraisalNode, rules: RuleSet) -> Iterator[Finding]:
    if not rules.has_node(node.code):
        yield _finding("unknown_code", node.code, node.line)
        return
    expected = rules.node(node.code).max
    if node.max is not None and node.max != expected:
        yield _finding("max_mismatch", node.code, node.line, node.max, expected)


def _remedy_checks(node: AppraisalNode) -> Iterator[Finding]:
    if node.level != "criterion" or node.deduction == 0:
        return
    for kind, text in (
        ("missing_reason", node.reason),
        ("missing_task", node.task),
        ("missing_lead", node.lead),
        ("missing_deadline", node.deadline),
    ):
        if not text:
            yield _finding(kind, node.code, node.line)


def reconcile(appraisal: Appraisal, rules: RuleSet | None = None) -> tuple[Finding, ...]:
    """Check an appraisal's arithmetic (and, given rules, its maxima and rating).

    Args:
        appraisal: the annex's numbers, from :func:`cchc_score.annex.read_annex`.
        rules: the rule set to compare maxima, codes and the rating with; without it those
            checks are skipped.

    Returns:
        The findings ordered by line (findings without a line last); empty when every
        number agrees.

    Raises:
        ArgumentError: ``appraisal`` is not an :class:`~cchc_score.Appraisal` or ``rules``
            not a :class:`~cchc_score.RuleSet`.

    >>> from cchc_score.io.annex import reads_annex
    >>> appraisal, _ = reads_annex(
    ...     "STT\\tTiêu chí\\tĐiểm tối đa\\tĐiểm chấm\\tLý do bị trừ\\tNhiệm vụ\\tThời hạn\\n"
    ...     "1\\tTiêu chí 2.1: Văn bản (bị trừ 1,75 điểm)\\t2,5\\t0,5\\tChậm\\tSửa\\tNăm 2023\\n"
    ... )
    >>> for finding in reconcile(appraisal):
    ...     print(finding.severity, finding.message("en"))
    error Criterion 2.1 (line 2): the text states a deduction of 1.75, but max − score is 2.0.
    warning Criterion 2.1 (line 2): no lead unit is given.
    """
    arguments.instance(
        appraisal, Appraisal, "appraisal", "an Appraisal (from read_annex or load_appraisal)"
    )
    if rules is not None:
        arguments.instance(rules, RuleSet, "rules", RULES_EXPECTED)
    findings: list[Finding] = []
    firsts: list[AppraisalNode] = []
    seen: set[str] = set()
    for node in appraisal.nodes:
        if node.code in seen:
            findings.append(_finding("duplicate_code", node.code, node.line))
        else:
            seen.add(node.code)
            firsts.append(node)
    for node in appraisal.nodes:
        findings += _row_checks(node)
        findings += _sum_checks(node, firsts)
        if rules is not None:
            findings += _rules_checks(node, rules)
        findings += _remedy_checks(node)
    findings += _total_checks(appraisal, firsts, rules)
    return tuple(sorted(findings, key=lambda f: (f.line is None, f.line or 0)))


def _total_checks(
    appraisal: Appraisal, firsts: list[AppraisalNode], rules: RuleSet | None
) -> Iterator[Finding]:
    scores = [n.score for n in firsts if n.level == "domain" and n.score is not None]
    computed = sum(scores, Decimal(0)) if scores else None
    total = appraisal.total
    if total is not None and computed is not None and total != computed:
        yield _finding("total_mismatch", "total", appraisal.total_line, total, computed)
    if rules is None or appraisal.rating is None:
        return
    basis = total if total is not None else computed
    if basis is None:
        return
    band = rules.rating_for(basis)
    names = {_fold(n) for n in (band.name, band.name_en) if n} if band else set()
    if _fold(appraisal.rating) not in names:
        yield _finding(
            "rating_mismatch",
            "total",
            appraisal.rating_line,
            basis,
            None,
            appraisal.rating,
            band.name if band else "",
        )


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
