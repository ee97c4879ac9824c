"""An appraisal's points as evidence: every leaf of the rules at the points the annex gives.

An annex lists only the criteria that lost points. Read against a rule set, it says the
points of every leaf: a listed criterion has its maximum less its listed deduction (the
deduction its text states, where text and columns disagree: :func:`.reconcile.listed_deduction`);
a criterion the annex does not list lost nothing; a domain scored as a whole (the survey,
IX) has the points its row states; and a residual node (``1.r``, the criteria a source does
not itemise) takes whatever makes its parent add up to the points the annex states for it,
where the arithmetic allows (between 0 and the residual's maximum). A listed code the rules
do not have is counted in the residual of its nearest ancestor the rules have.

Pure: the result is an :class:`~cchc_score.evidence.Evidence` of appraised points (no facts)
and the readings taken, in words, for the file's header.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from .errors import AnnexError, ProblemList
from .evidence import Evidence
from .model import parent_code
from .numbers import format_points
from .reconcile import listed_deduction
from .words import text

if TYPE_CHECKING:
    from .annex import Appraisal, AppraisalNode
    from .model import Criterion, RuleSet
    from .numbers import Lang

__all__ = ["Observed", "observed_evidence"]

_ZERO = Decimal(0)


@attrs.frozen
class Observed:
    """An appraisal read as evidence.

    Attributes:
        evidence: appraised points for every leaf of the rules, the annex's reasons as notes.
        readings: one sentence per reading taken (criteria not listed at their maximum, a
            row whose text is taken over its columns, a residual filled, a code folded into
            a residual, a domain whose listed criteria win over its stated points).
    """

    evidence: Evidence
    readings: tuple[str, ...]


def _residual_under(rules: RuleSet, code: str) -> str | None:
    """The residual node the rules give a node (``"I"`` → ``"1.r"``), if any."""
    if not rules.has_node(code):
        return None
    return next((c.code for c in rules.node(code).children if c.code.endswith(".r")), None)


def _ancestors(code: str) -> list[str]:
    """The codes above a criterion code, nearest first: "7.1.9" → ["7.1", "VII"]."""
    out = []
    while "." in code:
        code = parent_code(code)
        out.append(code)
    return out


def _clamp(points: Decimal, top: Decimal) -> Decimal:
    return min(max(points, _ZERO), top)


def observed_evidence(
    appraisal: Appraisal,
    rules: RuleSet,
    *,
    rules_name: str | None = None,
    unit: str | None = None,
    year: int | None = None,
    lang: Lang = "vi",
) -> Observed:
    """Read an appraisal as evidence for ``rules`` (see the module's docstring).

    Args:
        appraisal: what the annex says.
        rules: the rule set whose leaves the evidence gives points to.
        rules_name: what the evidence's ``rules`` key says (default: the rule set's id).
        unit, year: override the appraisal's own.
        lang: the language of the readings.

    Raises:
        AnnexError: a listed criterion the rules do not have and that no residual node
            above it can stand for, naming the row's line.
    """
    rows: dict[str, AppraisalNode] = {}
    for row in appraisal.nodes:
        rows.setdefault(row.code, row)
    points: dict[str, Decimal] = {}
    notes: dict[str, str] = {}
    folded: dict[str, Decimal] = {}
    readings = [text("observed.not_listed", lang)]
    problems = ProblemList(appraisal.source)
    listed = [r for r in rows.values() if r.level == "criterion"]
    listed_codes = {r.code for r in listed}
    for row in listed:
        deduction = listed_deduction(row)
        if deduction is None:
            continue
        if row.stated_deduction is not None and row.deduction not in (None, deduction):
            readings.append(
                text(
                    "observed.text_taken",
                    lang,
                    code=row.code,
                    line=row.line,
                    stated=format_points(deduction, lang),
                    computed=format_points(row.deduction or _ZERO, lang),
                )
            )
        if rules.has_node(row.code):
            _deduct(rules.node(row.code), deduction, listed_codes, points)
            if row.reason:
                notes[row.code] = row.reason
            continue
        residual = next(
            (r for a in _ancestors(row.code) if (r := _residual_under(rules, a)) is not None),
            None,
        )
        if residual is None:
            problems.add(
                f"line {row.line}",
                "E-OBSERVED-NOT-IN-RULES",
                row.code,
                code=row.code,
                rules=rules.id,
            )
            continue
        folded[residual] = folded.get(residual, _ZERO) + deduction
        readings.append(
            text(
                "observed.folded",
                lang,
                code=row.code,
                line=row.line,
                rules=rules.id,
                points=format_points(deduction, lang),
                residual=residual,
            )
        )
    problems.raise_if_any(AnnexError)
    leaves = [n for n in rules.nodes() if n.is_leaf]
    for leaf in leaves:
        if leaf.code in points or leaf.code.endswith(".r"):
            continue
        given = rows.get(leaf.code)
        taken = listed_deduction(given) if given is not None else None
        points[leaf.code] = leaf.max if taken is None else _clamp(leaf.max - taken, leaf.max)
    for node in sorted(
        (n for n in leaves if n.code.endswith(".r")), key=lambda n: -n.code.count(".")
    ):
        reading = _fill(node, rules, rows, folded.get(node.code, _ZERO), points, lang)
        if reading:
            readings.append(reading)
    evidence = Evidence(
        unit=unit or appraisal.unit or "",
        year=year if year is not None else appraisal.year,
        appraised=points,
        notes=notes,
        rules=rules_name or rules.id,
        source=appraisal.source,
    )
    return Observed(evidence, tuple(readings))


def _deduct(
    node: Criterion, deduction: Decimal, listed: set[str], points: dict[str, Decimal]
) -> None:
    """A listed row's deduction on its node: a leaf loses it; an inner node whose own
    criteria are not listed loses it from its leaves in order, each down to 0."""
    if node.is_leaf:
        points[node.code] = _clamp(node.max - deduction, node.max)
        return
    if any(n.code in listed for n in node.walk() if n is not node):
        return  # its listed criteria say where the points went
    for leaf in (n for n in node.walk() if n.is_leaf):
        taken = min(deduction, leaf.max)
        points[leaf.code] = leaf.max - taken
        deduction -= taken


def _fill(
    residual: Criterion,
    rules: RuleSet,
    rows: dict[str, AppraisalNode],
    folded: Decimal,
    points: dict[str, Decimal],
    lang: Lang,
) -> str | None:
    """Give a residual node its points; the reading taken, if it says something."""
    parent = rules.node(parent_code(residual.code))
    row = rows.get(parent.code)
    stated = listed_deduction(row) if row is not None and row.level != "criterion" else None
    others = sum(
        (leaf.max - points[leaf.code] for leaf in parent.walk() if leaf.code in points),
        _ZERO,
    )
    if stated is not None and _ZERO <= stated - others <= residual.max:
        points[residual.code] = residual.max - (stated - others)
        if stated == others:
            return None
        return text(
            "observed.residual",
            lang,
            code=residual.code,
            points=format_points(points[residual.code], lang),
            parent=parent.code,
            stated=format_points(parent.max - stated, lang),
        )
    points[residual.code] = _clamp(residual.max - folded, residual.max)
    if stated is None:
        return None
    return text(
        "observed.criteria_taken",
        lang,
        code=parent.code,
        stated=format_points(parent.max - stated, lang),
        listed=format_points(parent.max - others - (residual.max - points[residual.code]), lang),
    )
