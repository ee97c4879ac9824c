"""The Python API with wrong or loose types (issue 18, "The Python API").

Every public constructor and function is called the way a Python user naturally calls it
(an ``int`` or a ``float`` for points, ``"1,5"`` with a decimal comma, a list for a tuple, a
rules name, a band name for a target) and the way a mistaken one does (``None``, a ``dict``
for a ``RuleSet``, NaN, a negative budget). Each row says what must happen: a value (its
``str``), or the library's own error with its exact text; never an ``AttributeError`` or a
``TypeError`` from inside.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cchc_score as c
from cchc_score import (
    AnnexError,
    ArgumentError,
    CchcScoreError,
    EvidenceError,
    PlanError,
    RulesError,
)

from ..conftest import EXAMPLE, ROOT

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

RULES = c.load_rules("criteria_2022")
SOURCE = EXAMPLE / "evidence.toml"
EVIDENCE = c.load_evidence(SOURCE)
PLAN = c.load_plan(EXAMPLE / "plan.toml")
APPRAISAL = c.read_annex(EXAMPLE / "annex.tsv")[0]
CARD = c.evaluate(RULES, EVIDENCE)
DISTRICT = ROOT / "examples" / "district_2022"


@attrs.frozen
class Raises:
    """The library's error, and its exact text."""

    error: type[CchcScoreError]
    text: str


def appraised(points: object) -> Decimal:
    """The total with the survey criterion IX appraised at ``points``."""
    given = {**dict(EVIDENCE.appraised), "IX": points}
    return c.evaluate(RULES, attrs.evolve(EVIDENCE, appraised=given)).total


def facts(**values: object) -> Decimal:
    """The total with some facts given as Python values."""
    return c.evaluate(RULES, EVIDENCE.with_facts(**values)).total


def one_task(*args: Any, **kwargs: Any) -> c.Plan:
    return c.Plan((c.Task("t", *args, **kwargs),), year=2023)


def project(**kwargs: Any) -> c.Projection:
    return c.project(RULES, EVIDENCE, PLAN, **kwargs)


def best(budget: object = 40, **kwargs: Any) -> c.BestPlan:
    return c.best_plan(RULES, EVIDENCE, PLAN, budget, **kwargs)  # type: ignore[arg-type]


def huge_max() -> str:
    """The bundled rules with domain I's maximum 1e30 (a Decimal, as the loader reads it)."""
    text = (ROOT / "rules" / "criteria_2022.toml").read_text(encoding="utf-8")
    head, _, tail = text.partition('[[criteria]]\ncode = "I"\n')
    assert tail.count("max = 10\n") >= 1
    return head + '[[criteria]]\ncode = "I"\n' + tail.replace("max = 10\n", "max = 1e30\n", 1)


def goal(plan: c.BestPlan) -> c.TargetPlan:
    assert plan.target is not None
    return plan.target


def whole_efforts() -> c.Plan:
    """The example plan with every effort an ``int``, as a Python user writes it."""
    tasks = tuple(attrs.evolve(t, effort=int(t.effort or 0)) for t in PLAN.tasks)
    return attrs.evolve(PLAN, tasks=tasks)


def with_tasks(**changes: Any) -> c.Plan:
    return attrs.evolve(PLAN, tasks=tuple(attrs.evolve(t, **changes) for t in PLAN.tasks))


RULESET = "a RuleSet (load one with load_rules('criteria_2022') or a path)"
EVIDENCE_EXPECTED = "an Evidence (from load_evidence or Evidence(...))"
PLAN_EXPECTED = "a Plan (from load_plan, read_annex or Plan(tasks))"
BANDS = "'Tốt', 'Khá', 'Trung bình', 'Yếu'"
# The library's one bound on numbers (numbers.bounded, limits.py): at most 10⁹ in size
# and 30 digits written out.
TOO_LARGE = "a number larger than 1,000,000,000 in size"

Row = tuple[str, Callable[[], object], "str | Raises"]

CASES: list[Any] = [
    # ------------------------------------------------------------ Evidence: appraised points
    ("appraised int", lambda: appraised(20), "85.09"),
    ("appraised float", lambda: appraised(20.5), "85.59"),
    ("appraised float shortest repr", lambda: appraised(0.1 + 0.2), "65.39"),
    ("appraised str decimal comma", lambda: appraised("20,5"), "85.59"),
    ("appraised str decimal point", lambda: appraised("20.5"), "85.59"),
    ("appraised Decimal", lambda: appraised(Decimal("20.50")), "85.59"),
    (
        "appraised bool",
        lambda: appraised(True),
        Raises(EvidenceError, "appraised['IX']: expected points as a number, not bool (got true)"),
    ),
    (
        "appraised None",
        lambda: appraised(None),
        Raises(
            EvidenceError, "appraised['IX']: expected points as a number, not NoneType (got None)"
        ),
    ),
    (
        "appraised NaN",
        lambda: appraised(float("nan")),
        Raises(EvidenceError, "appraised['IX']: must be a finite number (got nan)"),
    ),
    (
        "appraised inf",
        lambda: appraised(float("inf")),
        Raises(EvidenceError, "appraised['IX']: must be a finite number (got inf)"),
    ),
    (
        "appraised list",
        lambda: appraised([20]),
        Raises(EvidenceError, "appraised['IX']: expected points as a number, not list (got [20])"),
    ),
    (
        "appraised ambiguous text",
        lambda: appraised("1,234"),
        Raises(
            EvidenceError,
            "appraised['IX']: ambiguous number '1,234': thousands separator or decimal comma? "
            "write it without grouping, e.g. 1234 or 1.234 as a plain number",
        ),
    ),
    (
        "appraised 1e999999",
        lambda: appraised("1" + "0" * 100),
        Raises(
            EvidenceError,
            # "1" and 100 zeros: 101 digits, past the 30 written out, shown by its first 40.
            f"appraised['IX']: a number with more than 30 digits: '1{'0' * 39}…'",
        ),
    ),
    (
        "appraised 5,000-digit int",
        lambda: appraised(10**5000),
        # 10**5000 has 5 001 digits; its 16 610 bits estimate "about 5001".
        Raises(EvidenceError, f"appraised['IX']: {TOO_LARGE}: an integer of about 5001 digits"),
    ),
    (
        "appraised negative",
        lambda: appraised(-1),
        Raises(
            EvidenceError, f"{SOURCE}: appraised.IX: must be between 0 and the maximum 25 (got -1)"
        ),
    ),
    (
        "appraised int key",
        lambda: c.Evidence("A", appraised={9: 20}),
        Raises(EvidenceError, "appraised: keys must be strings (got 9)"),
    ),
    (
        "appraised None mapping",
        lambda: c.Evidence("A", appraised=None),
        Raises(EvidenceError, "appraised: expected a dict, not NoneType (got None)"),
    ),
    # ------------------------------------------------------------------- Evidence: facts
    ("fact float count", lambda: facts(staff_total=21.0), "84.14"),
    (
        "fact float count not whole",
        lambda: facts(staff_total=21.5),
        Raises(
            EvidenceError, f"{SOURCE}: facts.staff_total: a count must be a whole number (got 21.5)"
        ),
    ),
    ("fact float ratio", lambda: facts(investment_disbursement_rate=0.9), "84.14"),
    ("fact ratio percent text", lambda: facts(investment_disbursement_rate="90%"), "84.14"),
    ("fact checklist list", lambda: facts(portal_sections=["Ngân sách"]), "83.27"),
    ("fact checklist set", lambda: facts(portal_sections={"Ngân sách"}), "83.27"),
    (
        "fact None",
        lambda: facts(staff_total=None),
        Raises(
            EvidenceError,
            "facts['staff_total']: expected a number, a string, true/false, or a list of the "
            "items done; not NoneType (got None)",
        ),
    ),
    (
        "fact dict",
        lambda: facts(staff_total={"a": 1}),
        Raises(
            EvidenceError,
            "facts['staff_total']: expected a number, a string, true/false, or a list of the "
            "items done; not dict (got {'a': 1})",
        ),
    ),
    (
        "fact list of numbers",
        lambda: facts(portal_sections=[1, 2]),
        Raises(
            EvidenceError,
            "facts['portal_sections']: expected a number, a string, true/false, or a list of "
            "the items done; not list (got [1, 2])",
        ),
    ),
    (
        "fact NaN",
        lambda: facts(investment_disbursement_rate=float("nan")),
        Raises(
            EvidenceError,
            "facts['investment_disbursement_rate']: must be a finite number (got nan)",
        ),
    ),
    (
        "fact 5,000-digit count",
        lambda: facts(staff_total=10**5000),
        Raises(
            EvidenceError, f"facts['staff_total']: {TOO_LARGE}: an integer of about 5001 digits"
        ),
    ),
    (
        "facts list of numbers",
        lambda: c.Evidence("A", facts=[1, 2]),
        Raises(EvidenceError, "facts: expected a dict, or (name, value) pairs (got 1)"),
    ),
    (
        "facts as pairs",
        lambda: c.Evidence("A", facts=[("b", 1), ("a", 2)]).facts,
        "(('a', 2), ('b', 1))",
    ),
    # --------------------------------------------------------------- Evidence: the rest
    (
        "unit None",
        lambda: c.Evidence(None),
        Raises(
            EvidenceError, "unit: expected the unit's name as a string, not NoneType (got None)"
        ),
    ),
    (
        "unit int",
        lambda: c.Evidence(3),
        Raises(EvidenceError, "unit: expected the unit's name as a string, not int (got 3)"),
    ),
    (
        "year str",
        lambda: c.Evidence("A", "2022"),
        Raises(EvidenceError, "year: expected an integer, not str (got '2022')"),
    ),
    (
        "year bool",
        lambda: c.Evidence("A", True),
        Raises(EvidenceError, "year: expected an integer, not bool (got true)"),
    ),
    (
        "notes int",
        lambda: c.Evidence("A", notes={"IX": 3}),
        Raises(EvidenceError, "notes['IX']: expected a string (got 3)"),
    ),
    (
        "rules int",
        lambda: c.Evidence("A", rules=2022),
        Raises(
            EvidenceError,
            "rules: expected the name or path of a rules file, not int (got 2022)",
        ),
    ),
    # --------------------------------------------------------------- evaluate, check_evidence
    (
        "evaluate rules dict",
        lambda: c.evaluate({}, EVIDENCE),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    (
        "evaluate rules name",
        lambda: c.evaluate("criteria_2022", EVIDENCE),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not str (got 'criteria_2022')"),
    ),
    (
        "evaluate evidence None",
        lambda: c.evaluate(RULES, None),  # type: ignore[arg-type]
        Raises(ArgumentError, f"evidence: expected {EVIDENCE_EXPECTED}, not NoneType (got None)"),
    ),
    (
        "evaluate evidence dict",
        lambda: c.evaluate(RULES, {"unit": "A"}),  # type: ignore[arg-type]
        Raises(
            ArgumentError, f"evidence: expected {EVIDENCE_EXPECTED}, not dict (got {{'unit': 'A'}})"
        ),
    ),
    (
        "check_evidence evidence str",
        lambda: c.check_evidence(RULES, "evidence.toml"),  # type: ignore[arg-type]
        Raises(
            ArgumentError, f"evidence: expected {EVIDENCE_EXPECTED}, not str (got 'evidence.toml')"
        ),
    ),
    # ----------------------------------------------------------------------- load_evidence
    (
        "load_evidence rules name",
        lambda: c.load_evidence(EXAMPLE / "evidence.toml", rules="criteria_2022").unit,
        "Phường mẫu (phụ lục 2022)",
    ),
    (
        "load_evidence rules dict",
        lambda: c.load_evidence(EXAMPLE / "evidence.toml", rules={}),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    pytest.param(
        "load_evidence path None",
        lambda: c.load_evidence(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "path: expected a file path, not NoneType (got None)"),
    ),
    # ------------------------------------------------------------------------------ project
    ("project target band name", lambda: project(target="Tốt").target, "90"),
    ("project target int", lambda: project(target=90).target, "90"),
    ("project target float", lambda: project(target=90.5).target, "90.5"),
    ("project target decimal comma", lambda: project(target="90,5").target, "90.5"),
    (
        "project target probability",
        # P(≥ 90) by a hand convolution of the 17 gains that count in 2023 (1.7 and 5.1 look
        # back a year): tests/test_projection.py's _chance_of_at_least.
        lambda: round(project(target="Tốt").target_probability or 0, 4),
        "0.7802",
    ),
    (
        "project target unknown band",
        lambda: project(target="Xuất sắc"),
        Raises(
            PlanError,
            "target: neither a total nor a rating band of criteria_2022; expected a number or "
            f"one of {BANDS} (got 'Xuất sắc')",
        ),
    ),
    (
        "project target NaN",
        lambda: project(target=float("nan")),
        Raises(PlanError, "target: must be a finite number (got nan)"),
    ),
    (
        "project target above the maximum",
        lambda: project(target=101),
        Raises(PlanError, "target: must be a total between 0 and 100 (got 101)"),
    ),
    (
        "project target negative",
        lambda: project(target=-5),
        Raises(PlanError, "target: must be a total between 0 and 100 (got -5)"),
    ),
    (
        "project max_enumerate 0, samples 0",
        lambda: project(max_enumerate=0, samples=0).all_done,
        "95.45",  # 96,00 less 1.7's 0,5 and 5.1's 0,05, which count in 2024
    ),
    (
        "project samples negative",
        lambda: project(samples=-1),
        Raises(
            PlanError, "samples: must be an integer ≥ 0 (kept for compatibility, unused) (got -1)"
        ),
    ),
    ("project tasks one id as str", lambda: project(tasks="5.1").chosen_ids, "('5.1',)"),
    ("project tasks list", lambda: project(tasks=["5.1", "2.1"]).chosen_ids, "('2.1', '5.1')"),
    (
        "project tasks int",
        lambda: project(tasks=5),
        Raises(ArgumentError, "tasks: expected strings, not int (got 5)"),
    ),
    ("project as_of ISO text", lambda: project(as_of="2023-06-30").all_done, "87.14"),
    (
        "project as_of datetime",
        lambda: project(as_of=dt.datetime(2023, 6, 30, 12)).all_done,
        "87.14",
    ),
    (
        "project as_of int",
        lambda: project(as_of=2023),
        Raises(ArgumentError, "as_of: expected a date, not int (got 2023)"),
    ),
    (
        "project as_of bad text",
        lambda: project(as_of="30/6/2023"),
        Raises(ArgumentError, "as_of: expected a date such as '2023-06-30' (got '30/6/2023')"),
    ),
    (
        "project period year",
        lambda: project(period="year"),
        Raises(ArgumentError, "period: expected 'quarter' or 'month' (got 'year')"),
    ),
    (
        "project rules_next name",
        lambda: project(rules_next="criteria_2022"),
        Raises(ArgumentError, f"rules_next: expected {RULESET}, not str (got 'criteria_2022')"),
    ),
    (
        "project plan None",
        lambda: c.project(RULES, EVIDENCE, None),  # type: ignore[arg-type]
        Raises(ArgumentError, f"plan: expected {PLAN_EXPECTED}, not NoneType (got None)"),
    ),
    (
        "project plan as a list of tasks",
        lambda: c.project(RULES, EVIDENCE, [c.Task("t", "5.1")]),  # type: ignore[arg-type]
        Raises(
            ArgumentError,
            f"plan: expected {PLAN_EXPECTED}, not list (got [Task(id='t', criteria=('5.1',), "
            "action='', lead='', partners=(), deadline=Dead…)",
        ),
    ),
    (
        "project rules dict",
        lambda: c.project({}, EVIDENCE, PLAN),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    # ---------------------------------------------------------------------------- best_plan
    ("best_plan int budget", lambda: best(40).expected, "88.5275"),
    ("best_plan float budget", lambda: best(40.0).expected, "88.5275"),
    ("best_plan text budget", lambda: best("40,0").expected, "88.5275"),
    # Everything that gains in 2023 (all but 1.7 and 5.1, which look back a year): 84,14 +
    # 7,2625 (tests/test_projection.py).
    ("best_plan huge budget buys the plan", lambda: best(10**7).expected, "91.4025"),
    ("best_plan budget 0", lambda: best(0).chosen, "()"),
    (
        "best_plan negative budget",
        lambda: best(-5),
        Raises(PlanError, "budget: must be ≥ 0 person-days (got -5)"),
    ),
    # No budget: the plan's whole effort (134 person-days), which buys everything that gains.
    ("best_plan budget None", lambda: best(None).expected, "91.4025"),
    (
        "best_plan budget NaN",
        lambda: best(float("nan")),
        Raises(PlanError, "budget: must be a finite number (got nan)"),
    ),
    ("best_plan target number text", lambda: goal(best(target="90")).threshold, "90"),
    ("best_plan target float", lambda: goal(best(target=90.5)).threshold, "90.5"),
    ("best_plan target band", lambda: goal(best(target="Tốt")).rating, "Tốt"),
    (
        "best_plan confidence percent",
        lambda: goal(best(target="Tốt", confidence="60%")).confidence,
        "0.60",
    ),
    (
        "best_plan confidence 5",
        lambda: best(target=90, confidence=5),
        Raises(PlanError, "confidence: must be > 0 and ≤ 1 (got 5)"),
    ),
    ("best_plan as_of ISO text", lambda: best(as_of="2023-06-30").expected, "86.7025"),
    (
        "best_plan search_limit -1",
        lambda: best(target=90, search_limit=-1),
        Raises(ArgumentError, "search_limit: must be ≥ 1 (got -1)"),
    ),
    (
        "best_plan plan None",
        lambda: c.best_plan(RULES, EVIDENCE, None, 40),  # type: ignore[arg-type]
        Raises(ArgumentError, f"plan: expected {PLAN_EXPECTED}, not NoneType (got None)"),
    ),
    (
        # No table by effort steps any more: 100 000 001 hundredths cost nothing to plan,
        # and one cent short of the task's effort buys nothing.
        "best_plan effort with cents past any table",
        lambda: (
            c.best_plan(
                RULES, EVIDENCE, one_task("5.3", effort="1000000,01"), Decimal("1000000")
            ).chosen
        ),
        "()",
    ),
    (
        # ... and the whole effort buys it (5.3: 0,90 → 1,0 counts in its own year; 5.1, which
        # looks back a year, would gain nothing in 2023 at any price).
        "best_plan effort with cents, exact budget",
        lambda: (
            c.best_plan(
                RULES, EVIDENCE, one_task("5.3", effort="1000000,01"), Decimal("1000000.01")
            ).chosen
        ),
        "('t',)",
    ),
    (
        "best_plan effort with cents, small budget",
        lambda: c.best_plan(RULES, EVIDENCE, one_task("5.3", effort="1000000,01"), 40).chosen,
        "()",
    ),
    # ------------------------------------------------------------------- Task, Plan, effects
    (
        "Task effort int",
        lambda: best(40) and c.best_plan(RULES, EVIDENCE, with_tasks(), 40).expected,
        "88.5275",
    ),
    (
        "Task probability float",
        # 84,14 + 0,5 × 11,31 (the gains that count in 2023) = 89,795 exactly: 3 places.
        lambda: round(c.project(RULES, EVIDENCE, with_tasks(probability=0.5)).expected, 3),
        "89.795",
    ),
    (
        "Task probability percent",
        lambda: round(c.project(RULES, EVIDENCE, with_tasks(probability="50%")).expected, 3),
        "89.795",
    ),
    ("Task criteria one str", lambda: c.Task("t", "5.1").criteria, "('5.1',)"),
    ("Task criteria list", lambda: c.Task("t", ["5.1", "5.2"]).criteria, "('5.1', '5.2')"),
    (
        "Task deadline text",
        lambda: c.Task("t", "5.1", deadline="Quý II/2023").deadline.date,
        "2023-06-30",
    ),
    (
        "Task effort int is a Decimal",
        lambda: repr(c.Task("t", "5.1", effort=3).effort),
        "Decimal('3')",
    ),
    (
        "Task effort negative",
        lambda: c.Task("t", "5.1", effort=-1),
        Raises(PlanError, "effort: must be ≥ 0 person-days (got -1)"),
    ),
    (
        "Task criteria None",
        lambda: c.Task("t", None),
        Raises(PlanError, "criteria: expected strings, not NoneType (got None)"),
    ),
    (
        "Task id int",
        lambda: c.Task(1, "5.1"),
        Raises(PlanError, "id: expected the task's id as a string, not int (got 1)"),
    ),
    (
        "Task deadline unknown",
        lambda: c.Task("t", "5.1", deadline="sớm"),
        Raises(
            PlanError,
            "not a deadline: 'sớm' (expected e.g. 'Năm 2023', 'Quý II/2023', 'Tháng 6/2023', "
            "'30/6/2023' or 'Thường xuyên')",
        ),
    ),
    (
        "Task effect dict",
        lambda: c.Task("t", "5.1", effect={"kind": "restore"}),
        Raises(
            PlanError,
            "effect: expected Restore(), PartialRestore(share) or SetFacts(...), not dict "
            "(got {'kind': 'restore'})",
        ),
    ),
    (
        "Task probability NaN",
        lambda: c.Task("t", "5.1", probability=float("nan")),
        Raises(PlanError, "probability: must be a finite number (got nan)"),
    ),
    ("PartialRestore share float", lambda: c.PartialRestore(0.5).share, "0.5"),
    ("PartialRestore share percent", lambda: c.PartialRestore("50%").share, "0.50"),
    (
        "SetFacts from dicts",
        lambda: (
            c.project(
                RULES, EVIDENCE, one_task("5.3", effect=c.SetFacts({"staff_untrained": 0}))
            ).all_done
        ),
        # 5.3: 1,0 − 0,05 × 0 = 1,0, was 0,90: 84,24 (5.3 looks at its own year; 5.1 would
        # count only in 2024).
        "84.24",
    ),
    (
        "SetFacts appraised int",
        lambda: c.SetFacts(appraised={"IX": 22}).appraised,
        "(('IX', Decimal('22')),)",
    ),
    (
        "SetFacts facts None",
        lambda: c.SetFacts(None),
        Raises(PlanError, "facts: expected a dict, not NoneType (got None)"),
    ),
    ("Plan tasks list", lambda: len(c.Plan([c.Task("t", "5.1")]).tasks), "1"),
    (
        "Plan year str",
        lambda: c.Plan((), year="2023"),
        Raises(PlanError, "year: expected an integer, not str (got '2023')"),
    ),
    (
        "Plan tasks of dicts",
        lambda: c.Plan([{"id": "t"}]),
        Raises(PlanError, "tasks: expected a Task, not dict (got {'id': 't'})"),
    ),
    ("parse_deadline ISO date", lambda: c.parse_deadline("2023-06-30").kind, "date"),
    (
        "parse_deadline None",
        lambda: c.parse_deadline(None),  # type: ignore[arg-type]
        Raises(PlanError, "deadline: expected a string, not NoneType (got None)"),
    ),
    (
        "parse_deadline int",
        lambda: c.parse_deadline(2023),  # type: ignore[arg-type]
        Raises(PlanError, "deadline: expected a string, not int (got 2023)"),
    ),
    # ----------------------------------------------------------- appraisals and reconcile
    (
        "reconcile None",
        lambda: c.reconcile(None),  # type: ignore[arg-type]
        Raises(
            ArgumentError,
            "appraisal: expected an Appraisal (from read_annex or load_appraisal), not NoneType "
            "(got None)",
        ),
    ),
    (
        "reconcile rules name",
        lambda: c.reconcile(APPRAISAL, "criteria_2022"),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not str (got 'criteria_2022')"),
    ),
    (
        "AppraisalNode points int and float",
        lambda: c.reconcile(c.Appraisal([c.AppraisalNode("I", "x", "domain", 10, 9.5)])),
        "()",
    ),
    (
        "AppraisalNode score text",
        lambda: c.AppraisalNode("I", "x", "domain", "10", "8,83").deduction,
        "1.17",
    ),
    (
        "AppraisalNode score bool",
        lambda: c.AppraisalNode("I", "x", "domain", 10, True),
        Raises(AnnexError, "score: expected a number, not bool (got true)"),
    ),
    (
        "Appraisal nodes None",
        lambda: c.Appraisal(None),
        Raises(AnnexError, "nodes: expected a list of AppraisalNode (got None)"),
    ),
    # -------------------------------------------------------------------------------- model
    ("Band min int", lambda: repr(c.Band("Tốt", 90).min), "Decimal('90')"),
    (
        "Criterion max float",
        lambda: repr(c.Criterion("1", "x", 1.5, c.Appraised()).max),
        "Decimal('1.5')",
    ),
    (
        "Band min None",
        lambda: c.Band("Tốt", None),
        Raises(RulesError, "min: expected a number, not NoneType (got None)"),
    ),
    (
        "Criterion children of dicts",
        lambda: c.Criterion("1", "x", 1, c.Sum(), children=[{}]),
        Raises(RulesError, "children: expected a list of Criterion (got [{}])"),
    ),
    (
        "a rules file's huge max is still located by the reader",
        lambda: c.loads_rules(huge_max(), "x.toml"),
        # The reader's walk over the document finds 1e30 before any rule set is built.
        Raises(RulesError, f"x.toml: criteria[0].max: {TOO_LARGE}: '1E+30'"),
    ),
    # ---------------------------------------------------------------------------------- batch
    (
        "score_many rules name",
        lambda: next(iter(c.score_many("criteria_2022", DISTRICT))).unit,
        "Phường mẫu A",
    ),
    (
        "score_many rules dict",
        lambda: next(iter(c.score_many({}, DISTRICT))),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    (
        "score_many source None",
        lambda: next(iter(c.score_many(RULES, None))),  # type: ignore[arg-type]
        Raises(
            ArgumentError,
            "source: expected a folder, a CSV/TSV table or evidences, not NoneType (got None)",
        ),
    ),
    (
        "score_many evidences of dicts",
        lambda: next(iter(c.score_many(RULES, [{}]))),  # type: ignore[list-item]
        Raises(ArgumentError, "source[0]: expected an Evidence, not dict (got {})"),
    ),
    ("rank scorecards", lambda: c.rank([CARD]).units[0].rank, "1"),
    (
        "rank None",
        lambda: c.rank(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "results: expected a list, not NoneType (got None)"),
    ),
    (
        "rank strings",
        lambda: c.rank(["Phường A"]),  # type: ignore[list-item]
        Raises(
            ArgumentError,
            "results[0]: expected a UnitResult or a Scorecard, not str (got 'Phường A')",
        ),
    ),
    (
        "loss_table of a ranking",
        lambda: c.loss_table(c.rank([CARD])).units,
        "('Phường mẫu (phụ lục 2022)',)",
    ),
    (
        "loss_table the same unit twice",
        lambda: c.loss_table([CARD, CARD]),
        Raises(
            ArgumentError,
            "two scorecards are for the unit 'Phường mẫu (phụ lục 2022)': give each its own name",
        ),
    ),
    (
        "loss_table strings",
        lambda: c.loss_table(["x"]),  # type: ignore[list-item]
        Raises(ArgumentError, "cards[0]: expected a Scorecard (from evaluate), not str (got 'x')"),
    ),
    (
        "dump_evidence_csv rules dict",
        lambda: c.dump_evidence_csv({}, []),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    (
        "dump_evidence_csv empty delimiter",
        lambda: c.dump_evidence_csv(RULES, [EVIDENCE], delimiter=""),
        Raises(ArgumentError, "delimiter: expected ',', '\\t' or ';' (got '')"),
    ),
    (
        "dump_evidence_csv evidence None",
        lambda: c.dump_evidence_csv(RULES, [None]),  # type: ignore[list-item]
        Raises(ArgumentError, "evidences[0]: expected an Evidence, not NoneType (got None)"),
    ),
    # ---------------------------------------------------- readers and numbers (not changed)
    pytest.param(
        "load_rules None",
        lambda: c.load_rules(None),  # type: ignore[arg-type]
        Raises(
            ArgumentError, "source: expected a rules name or a file path, not NoneType (got None)"
        ),
    ),
    pytest.param(
        "load_plan None",
        lambda: c.load_plan(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "path: expected a file path, not NoneType (got None)"),
    ),
    pytest.param(
        "read_annex None",
        lambda: c.read_annex(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "path: expected a file path, not NoneType (got None)"),
    ),
    pytest.param(
        "loads_rules None",
        lambda: c.loads_rules(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "data: expected the text of a rules file, not NoneType (got None)"),
    ),
    pytest.param(
        "load_appraisal None",
        lambda: c.load_appraisal(None),  # type: ignore[arg-type]
        Raises(ArgumentError, "path: expected a file path, not NoneType (got None)"),
    ),
    pytest.param(
        "dump_rules dict",
        lambda: c.dump_rules({}),  # type: ignore[arg-type]
        Raises(ArgumentError, f"rules: expected {RULESET}, not dict (got {{}})"),
    ),
    pytest.param(
        "dump_plan dict",
        lambda: c.dump_plan({}),  # type: ignore[arg-type]
        Raises(ArgumentError, f"plan: expected {PLAN_EXPECTED}, not dict (got {{}})"),
    ),
    pytest.param(
        "dump_appraisal dict",
        lambda: c.dump_appraisal({}),  # type: ignore[arg-type]
        Raises(ArgumentError, "appraisal: expected an Appraisal, not dict (got {})"),
    ),
    pytest.param(
        "parse_number int",
        lambda: c.parse_number(5),  # type: ignore[arg-type]
        "5",
    ),
    pytest.param(
        "round_points float",
        lambda: c.round_points(1.005),  # type: ignore[arg-type]
        "1.01",
    ),
]


def _params() -> list[Any]:
    """Each row as a test case named by its first item (marked rows keep their marks)."""
    params = []
    for case in CASES:
        if hasattr(case, "values"):  # written as a pytest.param
            name, call, expected = case.values
            params.append(pytest.param(call, expected, id=str(name)))
        else:
            params.append(pytest.param(case[1], case[2], id=case[0]))
    return params


@pytest.mark.parametrize(("call", "expected"), _params())
def test_api(call: Callable[[], object], expected: str | Raises) -> None:
    if isinstance(expected, Raises):
        with pytest.raises(CchcScoreError) as info:
            call()
        assert type(info.value) is expected.error
        assert str(info.value) == expected.text
    else:
        assert str(call()) == expected


def test_the_table_is_broad() -> None:
    assert len(CASES) >= 80


def test_argument_errors_are_the_builtins_they_replace() -> None:
    # Code that caught the TypeError or ValueError these calls raised before still does.
    assert issubclass(ArgumentError, TypeError)
    assert issubclass(ArgumentError, ValueError)
    assert issubclass(ArgumentError, CchcScoreError)


# ---------------------------------------------------------------- any value, any place

#: Values a mistaken caller may pass anywhere: each must give a value or the library's error.
ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**4300, max_value=10**4400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["1,5", "20.5", "91,3%", "1,234", "1e999999", "Tốt", "-0", "2023-06-30"]),
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.frozensets(st.text(max_size=5), max_size=2),
)


def _library_or_value(call: Callable[[], object]) -> None:
    """``call`` gives a value or the library's error in a few lines: anything else (an
    ``AttributeError`` from inside, a ``MemoryError``) fails the test."""
    error: CchcScoreError | None = None
    try:
        call()
    except CchcScoreError as exc:
        error = exc
    assert error is None or len(str(error)) < 2000


@given(points=ANY)
def test_any_appraised_points(points: object) -> None:
    _library_or_value(lambda: appraised(points))


@given(name=st.sampled_from([f.name for f in RULES.facts]), value=ANY)
def test_any_fact_value(name: str, value: object) -> None:
    _library_or_value(lambda: facts(**{name: value}))


@given(budget=ANY, target=ANY, confidence=ANY)
def test_any_best_plan_arguments(budget: object, target: object, confidence: object) -> None:
    _library_or_value(lambda: best(budget, target=target, confidence=confidence, search_limit=50))


@given(target=ANY, as_of=ANY, tasks=ANY)
def test_any_project_arguments(target: object, as_of: object, tasks: object) -> None:
    _library_or_value(lambda: project(target=target, as_of=as_of, tasks=tasks))


@given(effort=ANY, probability=ANY, criteria=ANY, deadline=ANY)
def test_any_task_fields(
    effort: object, probability: object, criteria: object, deadline: object
) -> None:
    def call() -> object:
        task = c.Task("t", criteria, effort=effort, probability=probability, deadline=deadline)
        return c.project(RULES, EVIDENCE, c.Plan((task,), year=2023))

    _library_or_value(call)
