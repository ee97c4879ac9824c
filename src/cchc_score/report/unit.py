"""One unit's report bundle: everything the report files show, computed once.

:func:`unit_report` takes what the inputs gave (the rules, the evidence, an appraisal when
the evidence came from an annex or one was given beside it, a plan) and computes the rest:
the scorecard, the reconciliation findings and domain summary, the projection, each
criterion's points with every counted task done, and the best plan for a budget. The
writers (:mod:`.unit_xlsx`, :mod:`.unit_docx`, :mod:`.unit_html`) only lay it out. Pure: no
file, no clock.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ..annex import Appraisal
from ..effects import resolve_effects
from ..engine import Engine
from ..evaluation import Scorecard, evaluate
from ..evidence import Evidence
from ..model import RuleSet
from ..next_year import frozen_leaves
from ..optimise import BestPlan, best_plan
from ..plan import Plan, Task
from ..projection import Projection, project
from ..reconcile import Finding, Summary, reconcile, summarise

if TYPE_CHECKING:
    import datetime as dt

    from ..evaluation import NodeScore
    from ..numbers import Lang

__all__ = ["UnitReport", "unit_report"]


@attrs.frozen
class UnitReport:
    """What one unit's report files show.

    Attributes:
        rules: the rule set scored with.
        evidence: the unit's evidence (from an evidence file, or an annex's points).
        scorecard: the evidence scored.
        appraisal: the annex's rows, when the evidence came from one (or one was given).
        findings: the annex's reconciliation findings, with an appraisal; else ``None``.
        summary: each domain as the annex states it and as recomputed, with an appraisal.
        plan: the remediation plan, if any.
        projection: the plan projected (target: the top rating band), with a plan.
        projected: each leaf's points with every counted task done (leaves no task
            touches keep their points), with a plan.
        best: the best tasks for ``budget``, when a budget is given or every task has an
            effort (then the budget is the plan's whole effort: the frontier is the point).
        budget: the budget asked for, if any (without one, which tasks come first is the
            frontier's to say: every task fits the whole effort).
        from_annex: whether the evidence was read from an annex.
    """

    rules: RuleSet
    evidence: Evidence
    scorecard: Scorecard
    appraisal: Appraisal | None = None
    findings: tuple[Finding, ...] | None = None
    summary: Summary | None = None
    plan: Plan | None = None
    projection: Projection | None = None
    projected: tuple[tuple[str, Decimal], ...] = ()
    best: BestPlan | None = None
    budget: Decimal | None = None
    from_annex: bool = False

    @property
    def unit(self) -> str:
        """The unit's name as the evidence gives it."""
        return self.evidence.unit

    def deducted(self) -> tuple[NodeScore, ...]:
        """Every leaf that lost points, in rule-file order (the annex's order)."""
        return tuple(n for n in self.scorecard.nodes if n.criterion.is_leaf and n.deduction > 0)

    def tasks_for(self, code: str) -> tuple[Task, ...]:
        """The plan's tasks that serve the criterion ``code`` (or a criterion under it)."""
        if self.plan is None:
            return ()
        return tuple(
            t
            for t in self.plan.tasks
            if any(c == code or code.startswith(c + ".") for c in t.criteria)
        )

    def projected_points(self, code: str) -> Decimal:
        """A node's points with every counted task done: a leaf's from :attr:`projected`,
        a parent's the capped sum of its leaves'."""
        done = dict(self.projected)
        node = self.rules.node(code)
        if node.is_leaf:
            return done.get(code, self.scorecard.points_of(code))
        total = sum((self.projected_points(c.code) for c in node.children), Decimal(0))
        return min(total, node.max)

    def reason(self, code: str) -> str:
        """Why ``code`` lost points, as the annex or the plan says it: the annex row's
        reason, else a task's, else the evidence's note."""
        if self.appraisal is not None:
            for row in self.appraisal.nodes:
                if row.code == code and row.reason:
                    return row.reason
        for task in self.tasks_for(code):
            if task.reason:
                return task.reason
        return dict(self.scorecard.notes).get(code, "")

    def explanation(self, node: NodeScore, lang: Lang = "vi") -> str:
        """How a node got its points, without the evidence's note where that note is the
        :meth:`reason` shown beside it (an annex's reason, said once)."""
        sentence = node.explanation(lang)
        note = node.note
        if note and note == self.reason(node.code) and sentence.endswith(f" — {note}"):
            return sentence[: -len(note) - 3]
        return sentence


def unit_report(
    rules: RuleSet,
    evidence: Evidence,
    *,
    appraisal: Appraisal | None = None,
    from_annex: bool = False,
    plan: Plan | None = None,
    budget: Decimal | None = None,
    as_of: dt.date | None = None,
) -> UnitReport:
    """Score, reconcile, project and plan one unit for its report files.

    Args:
        rules: the rules.
        evidence: the unit's evidence, checked against the rules.
        appraisal: the annex's rows, to reconcile (and show as the appraised points).
        from_annex: the evidence is the annex's points (the domain summary is then
            recomputed under the rules, not from the evidence's facts).
        plan: the remediation plan to project.
        budget: person-days for the best plan (default: the plan's whole effort, when
            every task has one).
        as_of: the assessment date: tasks due after it are not counted.

    Raises:
        PlanError, EvidenceError: as :func:`cchc_score.project` and
            :func:`cchc_score.optimise.best_plan` raise them.

    >>> from cchc_score import load_evidence, load_plan, load_rules
    >>> report = unit_report(load_rules("criteria_2022"),
    ...                      load_evidence("examples/ward_2022/evidence.toml"),
    ...                      plan=load_plan("examples/ward_2022/plan.toml"))
    >>> report.scorecard.total, report.projection.all_done, report.best.budget
    (Decimal('84.14'), Decimal('95.45'), Decimal('134'))
    >>> report.projected_points("1.2"), report.projected_points("I")
    (Decimal('1.50'), Decimal('9.50'))
    """
    card = evaluate(rules, evidence)
    findings = summary = None
    if appraisal is not None:
        findings = reconcile(appraisal, rules)
        summary = (
            summarise(appraisal, rules) if from_annex else summarise(appraisal, scorecard=card)
        )
    projection = None
    projected: tuple[tuple[str, Decimal], ...] = ()
    best = None
    if plan is not None:
        projection = project(rules, evidence, plan, as_of=as_of, target=rules.bands[0].min)
        counted = [t for t in plan.tasks if t.id in set(projection.counted)]
        # As the projection holds them: criteria that look back do not move this year.
        effects = resolve_effects(rules, plan)
        frozen = frozen_leaves(rules, rules, counted, projection.as_of.year, effects)
        engine = Engine(rules, evidence, counted, effects, plan.source, frozen=frozen)
        projected = tuple(sorted(engine.leaf_scores(counted).items()))
        if budget is not None or (plan.tasks and all(t.effort is not None for t in plan.tasks)):
            best = best_plan(rules, evidence, plan, budget, as_of=as_of)
    return UnitReport(
        rules=rules,
        evidence=evidence,
        scorecard=card,
        appraisal=appraisal,
        findings=findings,
        summary=summary,
        plan=plan,
        projection=projection,
        projected=projected,
        best=best,
        budget=budget,
        from_annex=from_annex,
    )
