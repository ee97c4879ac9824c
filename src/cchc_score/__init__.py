"""cchc_score: Vietnam's commune-level PAR Index (Chỉ số CCHC) as rules you can run.

>>> import cchc_score
>>> rules = cchc_score.load_rules("criteria_2022")
>>> evidence = cchc_score.load_evidence("examples/ward_2022/evidence.toml")
>>> card = cchc_score.evaluate(rules, evidence)
>>> str(card.total), card.rating.name
('84.14', 'Khá')
>>> card.node("5.1").explanation("vi").split(" — ")[0]  # then the annex's reason
'20/21 cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên → 1,0 × 20/21 = 0,95 điểm'
"""

import typing

from . import lazy

if (
    typing.TYPE_CHECKING
):  # the names as the type checker and readers see them; imported on first use
    from .annex import Appraisal, AppraisalNode
    from .batch import (
        CriterionLoss,
        LossTable,
        RankedUnit,
        Ranking,
        UnitResult,
        loss_table,
        rank,
        score_many,
    )
    from .errors import (
        AnnexError,
        ArgumentError,
        CchcScoreError,
        EvidenceError,
        Problem,
        RulesError,
    )
    from .evaluation import Difference, NodeScore, Scorecard, evaluate
    from .evidence import Evidence, check_evidence
    from .io.annex import read_annex
    from .io.appraisal import dump_appraisal, load_appraisal
    from .io.evidence import load_evidence
    from .io.plan import dump_plan, load_plan
    from .io.results import ResultsError
    from .io.rules import bundled_rules, dump_rules, load_rules, loads_rules
    from .io.table_dump import dump_evidence_csv
    from .model import (
        Appraised,
        Band,
        Bands,
        Checklist,
        Criterion,
        Deduction,
        Fact,
        Levels,
        Ratio,
        RuleSet,
        Step,
        Sum,
    )
    from .numbers import format_number, parse_number, round_points
    from .optimise import BestPlan, FrontierPoint, TargetPlan, best_plan
    from .plan import (
        Deadline,
        PartialRestore,
        Plan,
        PlanError,
        Restore,
        SetFacts,
        Task,
        parse_deadline,
    )
    from .projection import Distribution, Projection, TaskGain, TimelinePoint, project
    from .reconcile import Finding, reconcile
    from .results import ResultFinding, check_results

__version__ = "0.1.0"

#: Where each public name lives: ``from cchc_score import X`` imports X's module on first
#: use, so that ``import cchc_score`` (and the command line) costs only what is used.
lazy.lazy_package(
    __name__,
    {
        "AnnexError": ".errors",
        "Appraisal": ".annex",
        "AppraisalNode": ".annex",
        "Appraised": ".model",
        "ArgumentError": ".errors",
        "Band": ".model",
        "Bands": ".model",
        "BestPlan": ".optimise",
        "CchcScoreError": ".errors",
        "Checklist": ".model",
        "Criterion": ".model",
        "CriterionLoss": ".batch",
        "Deadline": ".plan",
        "Deduction": ".model",
        "Difference": ".evaluation",
        "Distribution": ".projection",
        "Evidence": ".evidence",
        "EvidenceError": ".errors",
        "Fact": ".model",
        "Finding": ".reconcile",
        "FrontierPoint": ".optimise",
        "Levels": ".model",
        "LossTable": ".batch",
        "NodeScore": ".evaluation",
        "PartialRestore": ".plan",
        "Plan": ".plan",
        "PlanError": ".plan",
        "Problem": ".errors",
        "Projection": ".projection",
        "RankedUnit": ".batch",
        "Ranking": ".batch",
        "Ratio": ".model",
        "Restore": ".plan",
        "ResultFinding": ".results",
        "ResultsError": ".io.results",
        "RuleSet": ".model",
        "RulesError": ".errors",
        "Scorecard": ".evaluation",
        "SetFacts": ".plan",
        "Step": ".model",
        "Sum": ".model",
        "TargetPlan": ".optimise",
        "Task": ".plan",
        "TaskGain": ".projection",
        "TimelinePoint": ".projection",
        "UnitResult": ".batch",
        "best_plan": ".optimise",
        "bundled_rules": ".io.rules",
        "check_evidence": ".evidence",
        "check_results": ".results",
        "dump_appraisal": ".io.appraisal",
        "dump_evidence_csv": ".io.table_dump",
        "dump_plan": ".io.plan",
        "dump_rules": ".io.rules",
        "evaluate": ".evaluation",
        "format_number": ".numbers",
        "load_appraisal": ".io.appraisal",
        "load_evidence": ".io.evidence",
        "load_plan": ".io.plan",
        "load_rules": ".io.rules",
        "loads_rules": ".io.rules",
        "loss_table": ".batch",
        "parse_deadline": ".plan",
        "parse_number": ".numbers",
        "project": ".projection",
        "rank": ".batch",
        "read_annex": ".io.annex",
        "reconcile": ".reconcile",
        "round_points": ".numbers",
        "score_many": ".batch",
    },
)

__all__ = [
    "AnnexError",
    "Appraisal",
    "AppraisalNode",
    "Appraised",
    "ArgumentError",
    "Band",
    "Bands",
    "BestPlan",
    "CchcScoreError",
    "Checklist",
    "Criterion",
    "CriterionLoss",
    "Deadline",
    "Deduction",
    "Difference",
    "Distribution",
    "Evidence",
    "EvidenceError",
    "Fact",
    "Finding",
    "FrontierPoint",
    "Levels",
    "LossTable",
    "NodeScore",
    "PartialRestore",
    "Plan",
    "PlanError",
    "Problem",
    "Projection",
    "RankedUnit",
    "Ranking",
    "Ratio",
    "Restore",
    "ResultFinding",
    "ResultsError",
    "RuleSet",
    "RulesError",
    "Scorecard",
    "SetFacts",
    "Step",
    "Sum",
    "TargetPlan",
    "Task",
    "TaskGain",
    "TimelinePoint",
    "UnitResult",
    "__version__",
    "best_plan",
    "bundled_rules",
    "check_evidence",
    "check_results",
    "dump_appraisal",
    "dump_evidence_csv",
    "dump_plan",
    "dump_rules",
    "evaluate",
    "format_number",
    "load_appraisal",
    "load_evidence",
    "load_plan",
    "load_rules",
    "loads_rules",
    "loss_table",
    "parse_deadline",
    "parse_number",
    "project",
    "rank",
    "read_annex",
    "reconcile",
    "round_points",
    "score_many",
]
