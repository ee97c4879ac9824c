"""Evidence written for one year's rules, carried to another year's: facts renamed by the
newer file's ``[renamed]``, what the newer rules no longer read set aside, appraised points
of a criterion whose maximum changed rescaled by share, and a new criterion the evidence
says nothing about counted as not assessed. Every such step is listed (:class:`Carried`),
never silent.

Pure: no I/O. ``diff`` with evidence scores the unit under both rule sets through it, and
``project --rules-next`` renames facts the same way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from .kinds import kind_of
from .numbers import format_number, round_exact
from .words import text

if TYPE_CHECKING:
    from .evidence import Evidence
    from .model import Criterion, RuleSet
    from .numbers import Lang

__all__ = ["Carried", "carry_evidence", "carry_points", "renamed_facts"]

#: What happened to one piece of evidence on the way.
Step = Literal[
    "renamed", "fact_dropped", "points_dropped", "rescaled", "kept", "refused", "not_given"
]


@attrs.frozen
class Carried:
    """One step of carrying evidence: a fact renamed or set aside, a criterion's appraised
    points rescaled or set aside, a new criterion without evidence.

    ``name`` is a fact's name or a criterion's code; ``old`` and ``new`` what it was and is
    (a name, points), ``None`` where there is nothing.
    """

    step: Step
    name: str
    old: object = None
    new: object = None

    def sentence(self, lang: Lang = "vi") -> str:
        """The step in words."""
        old, new = (
            format_number(v, lang) if isinstance(v, Decimal) else v for v in (self.old, self.new)
        )
        return text(f"carry.{self.step}", lang, name=self.name, old=old, new=new)


def renamed_facts(
    facts: dict[str, object], rules: RuleSet
) -> tuple[dict[str, object], tuple[Carried, ...]]:
    """Facts named as an earlier year's rules named them, under ``rules``' names.

    >>> from cchc_score import loads_rules
    >>> rules = loads_rules('extends = "criteria_2022"\\n[renamed]\\nlate_reports = "reports_late"')
    >>> renamed_facts({"late_reports": 2}, rules)[0]
    {'reports_late': 2}
    """
    mapping = dict(rules.renamed)
    out: dict[str, object] = {}
    steps = []
    for name, value in facts.items():
        new = mapping.get(name)
        if new is not None and new not in facts:
            out[new] = value
            steps.append(Carried("renamed", name, name, new))
        else:
            out[name] = value
    return out, tuple(steps)


def carry_evidence(
    evidence: Evidence, old: RuleSet | None, new: RuleSet, lang: Lang = "vi"
) -> tuple[Evidence, tuple[Carried, ...]]:
    """The evidence as ``new`` reads it, and every step taken to get there.

    Args:
        evidence: evidence that fits ``old`` (or an earlier year's rules).
        old: the rules it was written for, to carry appraised points whose maximum
            changed by the new criterion's ``carry`` policy (:func:`carry_points`);
            ``None`` keeps points as they are (capped at the new maximum). Refused points
            leave the criterion not assessed, and say so.
        new: the rules to score it under.
        lang: the language of the reason kept for a new criterion counted as not assessed.
    """
    facts, steps_list = renamed_facts(dict(evidence.facts), new)
    steps = list(steps_list)
    for name in sorted(facts):
        if not new.has_fact(name):
            steps.append(Carried("fact_dropped", name, facts.pop(name)))
    appraised: dict[str, Decimal] = {}
    for code, value in evidence.appraised:
        node = new.node(code) if new.has_node(code) else None
        if node is None or not node.is_leaf:
            steps.append(Carried("points_dropped", code, value))
            continue
        before = old.node(code).max if old is not None and old.has_node(code) else node.max
        carried, step = carry_points(node, value, before, new.decimals)
        if step is not None:
            steps.append(step)
        if carried is not None:
            appraised[code] = carried
    not_assessed = {c: r for c, r in evidence.not_assessed if new.has_node(c)}
    for step in steps:
        if step.step == "refused":
            not_assessed[step.name] = text("carry.refused_reason", lang, rules=new.id)
    for node in new.nodes():
        if not node.is_leaf or node.code in appraised or node.code in not_assessed:
            continue
        kind = kind_of(node.rule)
        missing = [f for f in kind.facts(node.rule) if f not in facts]
        if missing or (kind.appraised and not _under(node.code, not_assessed)):
            reason = text("carry.not_given_reason", lang, rules=new.id)
            not_assessed[node.code] = reason
            steps.append(Carried("not_given", node.code, ", ".join(missing) or None))
    carried_evidence = attrs.evolve(
        evidence,
        facts=facts,
        appraised=appraised,
        notes=[(c, n) for c, n in evidence.notes if new.has_node(c)],
        not_assessed=not_assessed,
        estimated=[
            n for n in (dict(new.renamed).get(e, e) for e in evidence.estimated) if n in facts
        ],
    )
    return carried_evidence, tuple(steps)


def carry_points(
    node: Criterion, points: Decimal, before: Decimal, decimals: int
) -> tuple[Decimal | None, Carried | None]:
    """Appraised ``points`` of a criterion whose maximum was ``before``, under ``node``'s
    maximum and carry policy: the points to use (``None``: refused, to be given again) and
    the step taken, if any.

    >>> from decimal import Decimal as D
    >>> from cchc_score.model import Appraised, Criterion
    >>> node = Criterion("7.1.r", "x", D("4.0"), Appraised())
    >>> carry_points(node, D("4.5"), D("4.5"), 2)[0]
    Decimal('4.00')
    >>> carry_points(Criterion("IX", "x", D("24"), Appraised(), carry="points"), D("21"),
    ...     D("25"), 2)[0]
    Decimal('21')
    """
    if before == node.max:
        return min(points, node.max), None
    policy = node.carry or "share"
    if policy == "refuse":
        return None, Carried("refused", node.code, points)
    if policy == "points":
        kept = min(points, node.max)
        return kept, Carried("kept", node.code, points, kept)
    share = min(round_exact(points * node.max / before, decimals), node.max)
    return share, Carried("rescaled", node.code, points, share)


def _under(code: str, codes: dict[str, str]) -> bool:
    """Whether a node above ``code`` is counted as not assessed (so it needs nothing)."""
    return any(code.startswith(c + ".") for c in codes)
