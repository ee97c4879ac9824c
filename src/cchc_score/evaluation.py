"""Evidence → scorecard. Pure: no I/O, no clock; the scorecard is the explanation.

Each leaf is scored by its rule and rounded once (half up, to the rule set's decimals); a
parent is the sum of its rounded children, capped at its maximum; the rating band follows
from the total.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from .evidence import FactValue, check_evidence
from .model import Band, Criterion, Fact, RuleSet, rule_facts
from .numbers import round_points
from .rules import explain, score

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .evidence import Evidence
    from .numbers import Lang

__all__ = ["NodeScore", "Scorecard", "evaluate"]

Status = Literal["scored", "appraised", "summed", "not_assessed"]

_NOT_ASSESSED = {
    "vi": "không đánh giá ({reason}): tính điểm tối đa {max} điểm",
    "en": "not assessed ({reason}): counted at its maximum of {max} points",
}


@attrs.frozen
class NodeScore:
    """One node's result: its points, the rule and inputs that produced them.

    Attributes:
        criterion: the node of the rule set that was scored.
        points: the points awarded (rounded for a leaf; the capped sum for a parent).
        inputs: the checked fact values the rule read, in the order it read them.
        parts: the children's points, for a parent.
        status: ``scored`` (from facts), ``appraised``, ``summed`` or ``not_assessed``.
        note: the evidence's note for this node, if any (for ``not_assessed``, the reason).
        depth: 0 for a domain, 1 for its criteria, and so on.
    """

    criterion: Criterion
    points: Decimal
    inputs: tuple[tuple[Fact, FactValue], ...] = ()
    parts: tuple[Decimal, ...] = ()
    status: Status = "scored"
    note: str | None = None
    depth: int = 0

    @property
    def code(self) -> str:
        """The node's code, e.g. ``"5.1"`` or ``"VII"``."""
        return self.criterion.code

    @property
    def max(self) -> Decimal:
        """The node's maximum."""
        return self.criterion.max

    @property
    def deduction(self) -> Decimal:
        """Points lost: maximum − points."""
        return self.criterion.max - self.points

    @property
    def kind(self) -> str:
        """The kind of rule that scored the node."""
        return self.criterion.rule.kind

    def name(self, lang: Lang = "vi") -> str:
        """The node's name in ``lang`` (Vietnamese where no English name is given)."""
        return (
            self.criterion.name_en
            if lang == "en" and self.criterion.name_en
            else (self.criterion.name)
        )

    def explanation(self, lang: Lang = "vi") -> str:
        """One sentence saying how the node got its points."""
        if self.status == "not_assessed":
            return _NOT_ASSESSED[lang].format(reason=self.note, max=self.max)
        sentence = explain(self.criterion, self.inputs, self.points, lang, self.parts)
        return f"{sentence} — {self.note}" if self.note else sentence


@attrs.frozen
class Scorecard:
    """Every node's result for one unit, domains first in rule-file order.

    >>> from cchc_score import load_evidence, load_rules
    >>> evidence = load_evidence("examples/ward_2022/evidence.toml")
    >>> card = evaluate(load_rules("criteria_2022"), evidence)
    >>> card.total, card.rating.name if card.rating else None
    (Decimal('84.14'), 'Khá')
    """

    rules: RuleSet = attrs.field(eq=False, repr=False)
    unit: str
    year: int | None
    nodes: tuple[NodeScore, ...]
    total: Decimal
    rating: Band | None
    _by_code: dict[str, NodeScore] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {n.code: n for n in self.nodes})

    @property
    def max(self) -> Decimal:
        """The index's total maximum."""
        return self.rules.max

    @property
    def domains(self) -> tuple[NodeScore, ...]:
        """The domains' results."""
        return tuple(n for n in self.nodes if n.depth == 0)

    def node(self, code: str) -> NodeScore:
        """The result of the node with this code.

        Raises:
            KeyError: no node has this code.
        """
        return self._by_code[code]

    def subtree(self, code: str) -> Iterator[NodeScore]:
        """The node with this code and every node under it."""
        for criterion in self.rules.node(code).walk():
            yield self._by_code[criterion.code]

    def deductions(self) -> tuple[NodeScore, ...]:
        """Every leaf that lost points, largest loss first (ties in rule-file order)."""
        lost = [n for n in self.nodes if n.criterion.is_leaf and n.deduction > 0]
        return tuple(sorted(lost, key=lambda n: -n.deduction))


def evaluate(rules: RuleSet, evidence: Evidence) -> Scorecard:
    """Score one unit's evidence with a rule set.

    Args:
        rules: the rule set, from :func:`cchc_score.load_rules`.
        evidence: the unit's evidence, from :func:`cchc_score.load_evidence` or built in Python.

    Returns:
        The scorecard: every node's points, maximum, deduction, rule, inputs and explanation.

    Raises:
        EvidenceError: the evidence does not fit the rules (every problem listed).
    """
    values = check_evidence(rules, evidence)
    ctx = _Context(
        rules=rules,
        values=values,
        appraised=dict(evidence.appraised),
        notes=dict(evidence.notes),
        not_assessed=dict(evidence.not_assessed),
    )
    nodes: list[NodeScore] = []
    total = sum((_score_node(domain, 0, ctx, nodes) for domain in rules.domains), Decimal(0))
    total = min(total, rules.max)
    return Scorecard(
        rules=rules,
        unit=evidence.unit,
        year=evidence.year,
        nodes=tuple(nodes),
        total=total,
        rating=rules.rating_for(total),
    )


@attrs.frozen
class _Context:
    rules: RuleSet
    values: Mapping[str, FactValue]
    appraised: Mapping[str, Decimal]
    notes: Mapping[str, str]
    not_assessed: Mapping[str, str]


def _score_node(node: Criterion, depth: int, ctx: _Context, out: list[NodeScore]) -> Decimal:
    """Append the results of ``node`` and its subtree to ``out``, parent first."""
    note = ctx.notes.get(node.code)
    reason = ctx.not_assessed.get(node.code)
    if reason is not None:
        _score_node_not_assessed(node, depth, reason, out)
        return node.max
    if node.children:
        slot = len(out)
        out.append(NodeScore(node, Decimal(0)))  # placeholder until the children are scored
        parts = tuple(_score_node(child, depth + 1, ctx, out) for child in node.children)
        points = min(sum(parts, Decimal(0)), node.max)
        out[slot] = NodeScore(node, points, parts=parts, status="summed", note=note, depth=depth)
        return points
    if node.rule.kind == "appraised":
        points = round_points(ctx.appraised[node.code], ctx.rules.decimals)
        out.append(NodeScore(node, points, status="appraised", note=note, depth=depth))
        return points
    points = round_points(score(node.rule, node.max, ctx.values), ctx.rules.decimals)
    inputs = tuple((ctx.rules.fact(name), ctx.values[name]) for name in rule_facts(node.rule))
    out.append(NodeScore(node, points, inputs=inputs, note=note, depth=depth))
    return points


def _score_node_not_assessed(
    node: Criterion, depth: int, reason: str, out: list[NodeScore]
) -> None:
    out.append(NodeScore(node, node.max, status="not_assessed", note=reason, depth=depth))
    for child in node.children:
        _score_node_not_assessed(child, depth + 1, reason, out)
