"""Rule kinds and fact types, each in one place, and the registries that list them.

Each built-in kind is one module here (:mod:`.ratio`, :mod:`.bands`, :mod:`.deduction`,
:mod:`.levels`, :mod:`.checklist`, :mod:`.appraised`, :mod:`.sum`) holding its data class
and its :class:`RuleKind`: checks, scoring, explanation, JSON and TOML dump. Fact types are
in :mod:`.facttypes`. To add a kind, write a module like these and :func:`register` it.
"""

from __future__ import annotations

from .appraised import Appraised, AppraisedKind
from .bands import Bands, BandsKind, Step
from .base import (
    Rule,
    RuleKind,
    Scorer,
    Table,
    kind_named,
    kind_names,
    kind_of,
    register,
    rule_kinds,
    unregister,
)
from .checklist import Checklist, ChecklistKind
from .deduction import Deduction, DeductionKind
from .facttypes import (
    FactType,
    fact_type,
    fact_type_named,
    fact_type_names,
    fact_types,
    register_fact_type,
    unregister_fact_type,
)
from .levels import Levels, LevelsKind
from .ratio import Ratio, RatioKind
from .sum import Sum, SumKind

__all__ = [
    "Appraised",
    "Bands",
    "Checklist",
    "Deduction",
    "FactType",
    "Levels",
    "Ratio",
    "Rule",
    "RuleKind",
    "Scorer",
    "Step",
    "Sum",
    "Table",
    "fact_type",
    "fact_type_named",
    "fact_type_names",
    "fact_types",
    "kind_named",
    "kind_names",
    "kind_of",
    "register",
    "register_fact_type",
    "rule_kinds",
    "unregister",
    "unregister_fact_type",
]

# The order is the one error messages list the kinds in.
register(RatioKind())
register(BandsKind())
register(DeductionKind())
register(LevelsKind())
register(ChecklistKind())
register(AppraisedKind())
register(SumKind())
