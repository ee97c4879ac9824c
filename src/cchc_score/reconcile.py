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

:func:`summarise` says what they cost: each domain's points and the total, as stated, as the
listed criteria give them and as the rules recompute them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from . import arguments, words
from .annex import Appraisal, AppraisalNode
from .evaluation import Scorecard
from .evidence import RULES_EXPECTED
from .model import RuleSet, roman
from .numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .numbers import Lang

__all__ = ["FINDING_KINDS", "DomainSummary", "Finding", "Severity", "Summary"]
__all__ += ["listed_deduction", "reconcile", "summarise"]

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


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the values; ``None`` if there is none or one is unknown."""
    total, count = Decimal(0), 0
    for value in values:
        if value is None:
            return None
        total, count = total + value, count + 1
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
    computed = _sum(n.deduction for n in _counted(under) if n.level == "criterion")
    if computed is not None and computed != node.deduction:
        yield _finding("criteria_sum_mismatch", node.code, node.line, node.deduction, computed)
    if node.level == "domain":
        computed = _sum(n.deduction for n in under if n.level == "subdomain")
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
    arguments.instance(appraisal, Appraisal, "appraisal", "argument.appraisal")
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


# --------------------------------------------------------------------------- the consequence

_NUMERAL = {roman(i): i for i in range(1, 90)}  # numerals back to numbers, to order domains


def listed_deduction(node: AppraisalNode) -> Decimal | None:
    """The deduction a listed row stands for: the one its text states, else max − score.

    Where a row contradicts itself (``deduction_mismatch``) the text is taken: it is what
    the appraisal team wrote about the loss, and on the 2022 annex the reading the domain's
    score agrees with (2.1: "bị trừ 1,75", though 2,5 − 0,5 is 2,0).

    >>> listed_deduction(AppraisalNode("2.1", "x", "criterion", "2.5", "0.5", "1.75"))
    Decimal('1.75')
    """
    return node.deduction if node.stated_deduction is None else node.stated_deduction


def _points(node: AppraisalNode, most: Decimal) -> Decimal | None:
    """A listed row's points (max − its listed deduction, else its score), within 0..most."""
    deduction = listed_deduction(node)
    points = node.score if node.max is None or deduction is None else node.max - deduction
    return None if points is None else min(max(points, Decimal(0)), most)


@attrs.frozen
class DomainSummary:
    """One domain: its points as stated, as the rows listed under it give them, recomputed.

    ``code``, ``name``, ``line``, ``max`` and ``stated`` (points) are the domain row's (the
    rules' name and maximum where it has none). ``deductions`` adds up the
    :func:`listed_deduction` of the ``criteria`` rows listed under it (top-most criteria,
    sub-domains with no criterion listed; ``0`` rows: the domain row stands alone, with its
    own deduction); ``from_criteria`` is ``max − deductions``. ``recomputed`` is the
    scorecard's points; or, with rules, the rules' maximum less what the listed rows lose
    under them (their points stand, capped); ``None`` otherwise or for an unknown code.
    """

    code: str
    name: str
    line: int | None
    max: Decimal | None
    stated: Decimal | None
    criteria: int
    deductions: Decimal | None
    from_criteria: Decimal | None
    recomputed: Decimal | None = None

    @property
    def agrees(self) -> bool | None:
        """Whether ``stated == from_criteria`` (``None`` when one is unknown)."""
        known = self.stated is not None and self.from_criteria is not None
        return self.stated == self.from_criteria if known else None


@attrs.frozen
class Summary:
    """An appraisal's domains and total: as stated, as its listed rows give them, recomputed.

    ``domains`` are in numeral order, one per domain with a row or a listed criterion;
    ``stated`` is the annex's total row; ``from_domains`` adds the domain rows' stated
    points; ``from_criteria`` and ``recomputed`` add the domains' (``None`` if one is
    unknown). ``basis`` says where ``recomputed`` comes from (``"rules"``, ``"evidence"``:
    a scorecard); ``decimals`` are the places to show (the rules', else 2, as annexes
    write); ``text_taken`` are the rows whose text's deduction was taken over max − score.
    """

    domains: tuple[DomainSummary, ...]
    stated: Decimal | None
    from_domains: Decimal | None
    from_criteria: Decimal | None
    recomputed: Decimal | None = None
    basis: Literal["rules", "evidence"] | None = None
    decimals: int = 2
    text_taken: tuple[AppraisalNode, ...] = ()


def _counted(under: list[AppraisalNode]) -> list[AppraisalNode]:
    """The rows a (sub-)domain's deduction adds up: the top-most criteria ("6.3" and "6.3.2"
    both listed would count twice), and the sub-domains with no criterion under them."""
    criteria = [n.code for n in under if n.level == "criterion"]
    return [
        n
        for n in under
        if (n.level == "criterion" and not any(n.code.startswith(c + ".") for c in criteria))
        or (n.level == "subdomain" and not any(c.startswith(n.code + ".") for c in criteria))
    ]


def _recompute(
    code: str, rows: list[AppraisalNode], rules: RuleSet, alone: Decimal | None
) -> Decimal | None:
    """The domain's points under the rules: its maximum less what its listed ``rows`` lose
    under theirs; a domain row standing alone keeps its points (``alone``), capped."""
    if not rules.has_node(code) or not all(rules.has_node(n.code) for n in rows):
        return None
    most = rules.node(code).max
    if not rows:
        return None if alone is None else min(max(alone, Decimal(0)), most)
    maxima = [rules.node(n.code).max for n in rows]
    lost = _sum(
        None if (p := _points(n, m)) is None else m - p for n, m in zip(rows, maxima, strict=True)
    )
    return None if lost is None else max(most - lost, Decimal(0))


def _domain(
    code: str, row: AppraisalNode | None, under: list[AppraisalNode], rules: RuleSet | None
) -> DomainSummary:
    counted = _counted(under)
    rule = rules.node(code) if rules is not None and rules.has_node(code) else None
    most = row.max if row is not None and row.max is not None else rule.max if rule else None
    if counted:
        deductions = _sum(listed_deduction(n) for n in counted)
    else:
        deductions = None if row is None else row.deduction
    points = None if most is None or deductions is None else most - deductions
    return DomainSummary(
        code=code,
        name=row.name if row is not None and row.name else rule.name if rule else "",
        line=None if row is None else row.line,
        max=most,
        stated=None if row is None else row.score,
        criteria=len(counted),
        deductions=deductions,
        from_criteria=points,
        recomputed=None if rules is None else _recompute(code, counted, rules, points),
    )


def summarise(
    appraisal: Appraisal, rules: RuleSet | None = None, *, scorecard: Scorecard | None = None
) -> Summary:
    """Each domain's points as stated, as its listed rows give them (added up by code as in
    :func:`reconcile`, each row read by :func:`listed_deduction`) and, with rules or a
    scorecard (whose rules are then used), recomputed; and the total each way.

    >>> from cchc_score.io.annex import read_annex
    >>> summary = summarise(read_annex("examples/ward_2022/annex.tsv")[0])
    >>> print(summary.from_domains, summary.from_criteria)
    84.24 84.14
    >>> [(d.code, str(d.stated), str(d.from_criteria)) for d in summary.domains if not d.agrees]
    [('V', '13.45', '13.35')]
    """
    arguments.instance(appraisal, Appraisal, "appraisal", "argument.appraisal")
    if scorecard is not None:
        arguments.instance(scorecard, Scorecard, "scorecard", "argument.scorecard")
        rules = scorecard.rules
    elif rules is not None:
        arguments.instance(rules, RuleSet, "rules", RULES_EXPECTED)
    firsts: dict[str, AppraisalNode] = {}
    for node in appraisal.nodes:
        firsts.setdefault(node.code, node)
    rows = {n.code: n for n in firsts.values() if n.level == "domain"}
    codes = {d for n in firsts.values() if (d := _domain_of(n.code)) in _NUMERAL}
    domains = tuple(
        _domain(
            code,
            rows.get(code),
            [n for n in firsts.values() if n.code != code and _domain_of(n.code) == code],
            rules,
        )
        for code in sorted(codes, key=_NUMERAL.__getitem__)
    )
    if scorecard is not None:  # its points are the recomputed ones
        known = {c.code for c in scorecard.rules.domains}
        domains = tuple(
            attrs.evolve(d, recomputed=scorecard.points_of(d.code) if d.code in known else None)
            for d in domains
        )
    return Summary(
        domains=domains,
        stated=appraisal.total,
        from_domains=_sum(d.stated for d in domains if d.stated is not None),
        from_criteria=_sum(d.from_criteria for d in domains),
        recomputed=_sum(d.recomputed for d in domains),
        basis="evidence" if scorecard is not None else "rules" if rules is not None else None,
        decimals=2 if rules is None else rules.decimals,
        text_taken=tuple(
            n for n in firsts.values() if n.level != "domain" and listed_deduction(n) != n.deduction
        ),
    )
