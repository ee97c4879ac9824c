"""Evidence → scorecard. Pure: no I/O, no clock; the scorecard is the explanation.

Each leaf is scored by its rule and rounded once (half up, to the rule set's decimals); a
parent is the sum of its rounded children, capped at its maximum; the rating band follows
from the total.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from . import arguments
from .compiled import Program, flat_plan
from .compiled import program as compiled_tree
from .display import Displayable
from .errors import ArgumentError
from .evidence import FactValue, check_arguments, check_evidence, observed_codes
from .kinds import kind_of
from .kinds.facttypes import label
from .model import Band, Criterion, Fact, RuleSet
from .numbers import format_number, format_points, round_points, rounder
from .words import pick, text, written_in

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from .evidence import Evidence
    from .numbers import Lang

__all__ = [
    "Difference",
    "NodeScore",
    "RankedScorecard",
    "Scorecard",
    "evaluate",
    "leaf_points",
    "plain_scorecard",
]

Status = Literal["scored", "observed", "appraised", "summed", "not_assessed"]


@attrs.frozen
class NodeScore:
    """One node's result: its points, the rule and inputs that produced them.

    Attributes:
        criterion: the node of the rule set that was scored.
        points: the points awarded (rounded for a leaf; the capped sum for a parent).
        inputs: the checked fact values the rule read, in the order it read them.
        parts: the children's points, for a parent.
        status: ``scored`` (from facts), ``observed`` (a criterion scored from facts, given
            its appraised points instead), ``appraised``, ``summed`` or ``not_assessed``.
        note: the evidence's note for this node, if any (for ``not_assessed``, the reason).
        depth: 0 for a domain, 1 for its criteria, and so on.
        estimated: the facts among ``inputs`` whose values the evidence marks as estimates;
            the explanation says so, "(giả định)" / "(assumed)".
    """

    criterion: Criterion
    points: Decimal
    inputs: tuple[tuple[Fact, FactValue], ...] = ()
    parts: tuple[Decimal, ...] = ()
    status: Status = "scored"
    note: str | None = None
    depth: int = 0
    estimated: tuple[str, ...] = ()

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

    def _estimates(self, lang: Lang) -> str:
        """Marks the estimated inputs: "(giả định)" when all of them are, else those named."""
        if not self.estimated:
            return ""
        if len(self.estimated) == len(self.inputs):
            return " " + text("estimate.all", lang)
        names = [label(f, lang) for f, _ in self.inputs if f.name in self.estimated]
        return " " + text("estimate.some", lang, facts=", ".join(names))

    @property
    def kind(self) -> str:
        """The kind of rule that scored the node."""
        return self.criterion.rule.kind

    def name(self, lang: Lang = "vi") -> str:
        """The node's name in ``lang`` (Vietnamese where no English name is given)."""
        return pick(self.criterion.name, self.criterion.name_en, lang)

    def explanation(self, lang: Lang = "vi") -> str:
        """One sentence saying how the node got its points."""
        if self.status == "not_assessed":
            top = format_number(self.max, lang)
            return text("eval.not_assessed", lang, reason=self.note, max=top)
        rule = self.criterion.rule
        if self.status == "observed":
            shown = f"{format_points(self.points, lang)}/{format_points(self.max, lang)}"
            sentence = text("eval.observed", lang, points=shown)
        else:
            sentence = kind_of(rule).explain(
                rule, self.max, self.inputs, self.points, lang, self.parts
            )
            sentence += self._estimates(lang)
        if not self.note:
            return sentence
        # A note is the unit's or the annex's own words, shown as written, and said to be
        # in the other language where it is.
        code = "eval.note" if written_in(self.note) == lang else "eval.note_other"
        return f"{sentence} — {text(code, lang, note=self.note)}"


@attrs.frozen
class Difference:
    """A criterion scored from its facts whose points differ from the appraised points the
    evidence also gives for it.

    Attributes:
        code: the criterion's code.
        computed: the points its rule gives from the facts (these are the ones counted).
        appraised: the appraised points the evidence gives for it.
    """

    code: str
    computed: Decimal
    appraised: Decimal


@attrs.frozen
class Scorecard(Displayable):
    """Every node's result for one unit, domains first in rule-file order.

    The scorecard keeps the points of every node and the checked facts; the per-node views
    (:attr:`nodes`, :meth:`node`) with their inputs and explanations are built from them on
    first use.

    >>> from cchc_score import load_evidence, load_rules
    >>> evidence = load_evidence("examples/ward_2022/evidence.toml")
    >>> card = evaluate(load_rules("criteria_2022"), evidence)
    >>> card.total, card.rating.name if card.rating else None
    (Decimal('84.14'), 'Khá')
    """

    rules: RuleSet = attrs.field(eq=False, repr=False)
    unit: str
    year: int | None
    points: tuple[Decimal, ...]
    values: tuple[tuple[str, FactValue], ...]
    total: Decimal
    rating: Band | None
    notes: tuple[tuple[str, str], ...] = ()
    not_assessed: tuple[tuple[str, str], ...] = ()
    #: The appraised points the evidence gives for criteria its facts scored, by code:
    #: what :meth:`differences` compares.
    compared: tuple[tuple[str, Decimal], ...] = ()
    #: The leaves scored from facts that scored their appraised points instead.
    observed: frozenset[str] = frozenset()
    #: The facts whose values the evidence marks as estimates.
    estimated: tuple[str, ...] = ()
    _nodes: tuple[NodeScore, ...] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    @property
    def max(self) -> Decimal:
        """The index's total maximum."""
        return self.rules.max

    @property
    def nodes(self) -> tuple[NodeScore, ...]:
        """Every node's result, parents before children, in rule-file order."""
        if self._nodes is None:
            object.__setattr__(self, "_nodes", _views(self))
        assert self._nodes is not None
        return self._nodes

    @property
    def domains(self) -> tuple[NodeScore, ...]:
        """The domains' results."""
        return tuple(n for n in self.nodes if n.depth == 0)

    def node(self, code: str) -> NodeScore:
        """The result of the node with this code.

        Raises:
            KeyError: no node has this code.
        """
        return self.nodes[compiled_tree(self.rules).index[code]]

    def points_of(self, code: str) -> Decimal:
        """The points of the node with this code: ``node(code).points`` without building the
        per-node views (for reading many scorecards, e.g. a batch's domain points).

        Raises:
            KeyError: no node has this code.
        """
        return self.points[compiled_tree(self.rules).index[code]]

    def subtree(self, code: str) -> Iterator[NodeScore]:
        """The node with this code and every node under it."""
        for criterion in self.rules.node(code).walk():
            yield self.node(criterion.code)

    def differences(self) -> tuple[Difference, ...]:
        """Every criterion scored from its facts whose points differ from the appraised
        points the evidence also gives for it, in rule-file order."""
        index = compiled_tree(self.rules).index
        out = []
        for code, given in self.compared:
            i = index[code]
            if self.points[i] != given:
                out.append((i, Difference(code, self.points[i], given)))
        return tuple(d for _, d in sorted(out, key=lambda pair: pair[0]))

    def deductions(self) -> tuple[NodeScore, ...]:
        """Every leaf that lost points, largest loss first (ties in rule-file order)."""
        lost = [n for n in self.nodes if n.criterion.is_leaf and n.deduction > 0]
        return tuple(sorted(lost, key=lambda n: -n.deduction))

    def ranked(self, interned: dict[Decimal, Decimal] | None = None) -> RankedScorecard:
        """The scorecard as a ranking keeps it: the unit, every node's points, the total and
        the rating; not the facts, notes or comparisons. Equal points share one object
        through ``interned``, so that a ranking of many units stays small."""
        share = interned if interned is not None else {}
        return RankedScorecard(
            rules=self.rules,
            unit=self.unit,
            year=self.year,
            points=tuple(map(share.setdefault, self.points, self.points)),
            values=(),
            total=share.setdefault(self.total, self.total),
            rating=self.rating,
        )


@attrs.frozen
class RankedScorecard(Scorecard):
    """A scorecard as a ranking keeps it (:meth:`Scorecard.ranked`): points, total and
    rating. Its facts are not kept, so the per-node views and the comparisons refuse to be
    built rather than explain the points with the wrong inputs: score the unit again."""

    @property
    def nodes(self) -> tuple[NodeScore, ...]:
        """Refused: a ranked scorecard keeps points only.

        Raises:
            ArgumentError: always.
        """
        raise arguments.fail(ArgumentError, "scorecard", "E-BATCH-POINTS-ONLY", self.unit)

    def differences(self) -> tuple[Difference, ...]:
        """Refused: a ranked scorecard keeps points only.

        Raises:
            ArgumentError: always.
        """
        raise arguments.fail(ArgumentError, "scorecard", "E-BATCH-POINTS-ONLY", self.unit)


def leaf_points(
    rules: RuleSet,
    code: str,
    values: Mapping[str, FactValue],
    appraised: Mapping[str, Decimal],
) -> Decimal:
    """The rounded points of one leaf, from checked fact values or appraised points.

    A leaf scored from facts scores its appraised points when ``appraised`` gives them and
    ``values`` lacks a fact it reads (it is observed, as in :func:`evaluate`).

    This is the per-leaf step of :func:`evaluate`, for callers (projections) that rescore a
    few leaves many times. Leaves add up to the total exactly: every parent's children's
    maxima add up to its own, so no cap ever binds on valid rules.
    """
    program = compiled_tree(rules)
    score_of = program.scorers[program.index[code]]
    if score_of is not None and not (
        code in appraised and not all(name in values for name in program.reads[code])
    ):
        return score_of(values)  # exact, and rounded once by the rule's kind
    return round_points(appraised[code], rules.decimals)


def evaluate(rules: RuleSet, evidence: Evidence) -> Scorecard:
    """Score one unit's evidence with a rule set.

    Args:
        rules: the rule set, from :func:`cchc_score.load_rules`.
        evidence: the unit's evidence, from :func:`cchc_score.load_evidence` or built in Python.

    Returns:
        The scorecard: every node's points, maximum, deduction, rule, inputs and explanation.

    Raises:
        EvidenceError: the evidence does not fit the rules (every problem listed).

    Plainly valid evidence is scored through the rule set's flat plan
    (:mod:`cchc_score.compiled`); anything else, and anything the plan declines, is checked
    in full and scored node by node: the same scorecard either way.
    """
    check_arguments(rules, evidence)
    typed = flat_plan(rules).typed(evidence)
    if typed is not None:
        appraised = dict(evidence.appraised)
        card = plain_scorecard(
            rules,
            evidence.unit,
            evidence.year,
            typed,
            appraised,
            evidence.notes,
            evidence.estimated,
        )
        if card is not None:  # the common case: plainly valid evidence
            return card
    values = check_evidence(rules, evidence)
    program = compiled_tree(rules)
    appraised = dict(evidence.appraised)
    skipped = _not_assessed_codes(program, dict(evidence.not_assessed))
    half_up = rounder(rules.decimals)
    # Usually the appraised points are for appraised-kind criteria only: nothing observed,
    # nothing to compare (and nothing more for a batch's scorecards to hold).
    observed, compared = _NONE, _NO_POINTS
    if not program.observable.isdisjoint(appraised):
        observed = observed_codes(rules, evidence)
        compared = tuple(
            (code, points)
            for code, points in evidence.appraised
            if code in program.observable and code not in observed
        )
    scorers = program.scorers
    if observed:  # their appraised points stand for them, as for appraised-kind leaves
        scorers = tuple(
            None if node.code in observed else scorer
            for node, scorer in zip(program.nodes, scorers, strict=True)
        )
    points: list[Decimal] = [_ZERO] * len(program.nodes)
    # Children come after their parent, so going backwards scores every child first.
    for i in range(len(points) - 1, -1, -1):
        node = program.nodes[i]
        children = program.children[i]
        if node.code in skipped:
            points[i] = node.max
        elif children:
            points[i] = min(sum([points[c] for c in children], _ZERO), node.max)
        else:
            score_of = scorers[i]
            if score_of is not None:
                points[i] = score_of(values)  # exact, and rounded once by the rule's kind
            else:
                points[i] = half_up(appraised[node.code])
    total = min(sum([points[i] for i in program.domains], _ZERO), rules.max)
    return Scorecard(
        rules=rules,
        unit=evidence.unit,
        year=evidence.year,
        points=tuple(points),
        values=tuple(sorted(values.items())),
        total=total,
        rating=rules.rating_for(total),
        notes=evidence.notes,
        not_assessed=evidence.not_assessed,
        compared=compared,
        observed=observed,
        estimated=evidence.estimated,
    )


def plain_scorecard(
    rules: RuleSet,
    unit: str,
    year: int | None,
    values: Mapping[str, FactValue],
    appraised: Mapping[str, Decimal],
    notes: tuple[tuple[str, str], ...] = (),
    estimated: tuple[str, ...] = (),
) -> Scorecard | None:
    """The scorecard :func:`evaluate` gives for plainly valid input, through the rule set's
    flat plan (:mod:`cchc_score.compiled`); ``None`` when the plan cannot vouch for it, and
    the caller evaluates the evidence for its diagnostics. ``values`` are facts past their
    types' quick checks (a batch's table cells); ``notes`` sorted by code, ``estimated``
    by name, as :class:`~cchc_score.Evidence` keeps them."""
    scored = flat_plan(rules).score(values, appraised)
    if scored is None:
        return None
    points, total, rating = scored
    return Scorecard(
        rules,
        unit,
        year,
        points,
        tuple(sorted(values.items())),
        total,
        rating,
        notes=notes,
        estimated=estimated,
    )


_ZERO = Decimal(0)
_NONE: frozenset[str] = frozenset()
_NO_POINTS: tuple[tuple[str, Decimal], ...] = ()


def _views(card: Scorecard) -> tuple[NodeScore, ...]:
    program = compiled_tree(card.rules)
    values = dict(card.values)
    notes = dict(card.notes)
    reasons = dict(card.not_assessed)
    skipped = _not_assessed_codes(program, reasons)
    out: list[NodeScore] = []
    for i, node in enumerate(program.nodes):
        note = notes.get(node.code)
        inputs: tuple[tuple[Fact, FactValue], ...] = ()
        parts: tuple[Decimal, ...] = ()
        status: Status
        if node.code in skipped:
            status, note = "not_assessed", skipped[node.code]
        elif node.children:
            status, parts = "summed", tuple(card.points[c] for c in program.children[i])
        elif kind_of(node.rule).appraised:
            status = "appraised"
        elif node.code in card.observed:
            status = "observed"
        else:
            status = "scored"
            facts = kind_of(node.rule).facts(node.rule)
            inputs = tuple((card.rules.fact(n), values[n]) for n in facts)
        guessed = tuple(f.name for f, _ in inputs if f.name in card.estimated)
        out.append(
            NodeScore(node, card.points[i], inputs, parts, status, note, program.depths[i], guessed)
        )
    return tuple(out)


def _not_assessed_codes(program: Program, reasons: Mapping[str, str]) -> dict[str, str]:
    """Each code not assessed, with the reason given for it or for an ancestor."""
    out: dict[str, str] = {}
    for code, reason in reasons.items():
        for node in program.nodes[program.index[code]].walk():
            out.setdefault(node.code, reason)
    return out
