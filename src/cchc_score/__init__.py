"""cchc_score: Vietnam's commune-level PAR Index (Chỉ số CCHC) as rules you can run.

>>> import cchc_score
>>> rules = cchc_score.load_rules("criteria_2022")
>>> evidence = cchc_score.load_evidence("examples/ward_2022/evidence.toml")
>>> card = cchc_score.evaluate(rules, evidence)
>>> str(card.total), card.rating.name
('84.14', 'Khá')
>>> card.node("5.1").explanation("vi")
'20/21 cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên → 1,0 × 20/21 = 0,95 điểm'
"""

from .annex import Appraisal, AppraisalNode, dump_appraisal, load_appraisal, read_annex
from .errors import AnnexError, CchcScoreError, EvidenceError, Problem, RulesError
from .evaluation import NodeScore, Scorecard, evaluate
from .evidence import Evidence, check_evidence, load_evidence
from .loading import bundled_rules, dump_rules, load_rules, loads_rules
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
from .plan import Deadline, Plan, PlanError, Task, load_plan, parse_deadline
from .reconcile import Finding, reconcile

__version__ = "0.1.0"

__all__ = [
    "AnnexError",
    "Appraisal",
    "AppraisalNode",
    "Appraised",
    "Band",
    "Bands",
    "CchcScoreError",
    "Checklist",
    "Criterion",
    "Deadline",
    "Deduction",
    "Evidence",
    "EvidenceError",
    "Fact",
    "Finding",
    "Levels",
    "NodeScore",
    "Plan",
    "PlanError",
    "Problem",
    "Ratio",
    "RuleSet",
    "RulesError",
    "Scorecard",
    "Step",
    "Sum",
    "Task",
    "__version__",
    "bundled_rules",
    "check_evidence",
    "dump_appraisal",
    "dump_rules",
    "evaluate",
    "format_number",
    "load_appraisal",
    "load_evidence",
    "load_plan",
    "load_rules",
    "loads_rules",
    "parse_deadline",
    "parse_number",
    "read_annex",
    "reconcile",
    "round_points",
]
