"""Next year, for real (issue 14, item 7): a plan that sets what only next year's rules
declare, criteria that look at the previous year, and evidence of another year than its
rules'. Every expected total is derived by hand in the comment beside it from
rules/criteria_2022.toml, examples/rules_2023/criteria_2023.toml and the example ward's
evidence (84,14)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest

from cchc_score import (
    EvidenceError,
    PlanError,
    RulesError,
    Task,
    best_plan,
    load_evidence,
    load_plan,
    load_rules,
    loads_rules,
    project,
)
from cchc_score.evidence import Evidence, year_warnings
from cchc_score.plan import Plan, Restore, SetFacts, parse_deadline

from .conftest import EXAMPLE

RULES = load_rules("criteria_2022")
EVIDENCE = load_evidence(EXAMPLE / "evidence.toml")
PLAN = load_plan(EXAMPLE / "plan.toml")
RULES_2023 = load_rules(EXAMPLE.parent / "rules_2023" / "criteria_2023.toml")


def one_task(*criteria: str, effect: object, task_id: str = "t") -> Plan:
    return Plan(
        (Task(id=task_id, criteria=criteria, effect=effect, effect_stated=True),), year=2023
    )


# ------------------------------------------------------------------ facts only next year has


def test_a_plan_may_set_a_fact_only_next_years_rules_declare() -> None:
    # 2023 splits 7.1.3 (1,5) into 7.1.4 (postal_dossier_share) and 7.1.5 (a new fact,
    # postal_return_share), 0,75 each, full points from 20%. The task does both at 20%.
    plan = one_task(
        "7.1.3",
        effect=SetFacts(facts={"postal_dossier_share": "20%", "postal_return_share": "20%"}),
    )
    projection = project(RULES, EVIDENCE, plan, rules_next=RULES_2023)
    # 2022 rules: 7.1.3 = 1,5 × 20% ÷ 20% = 1,5 (was 0): 84,14 + 1,5 = 85,64.
    assert projection.all_done == D("85.64")
    # 2023 rules, 7.1: 7.1.1 1,0; 7.1.2 3,5 × (44/150) ÷ 60% = 1,711… → 1,71; 7.1.4 and 7.1.5
    # 0,75 each; 7.1.r's 4,5 of 4,5 carried by share to 4,0 of 4,0: 8,21. Under 2022 with the
    # task, 7.1 was 7,26 + 1,5 = 8,76: 85,64 − 8,76 + 8,21 = 85,09.
    assert projection.next_total == D("85.09")
    assert "criterion 7.1.3 (task t): not in criteria_2023" in projection.carry_over


def test_without_the_plan_the_new_fact_is_still_missing() -> None:
    # The same task without the new fact: 2023's 7.1.5 has nothing to read.
    plan = one_task("7.1.3", effect=SetFacts(facts={"postal_dossier_share": "20%"}))
    with pytest.raises(EvidenceError, match="postal_return_share"):
        project(RULES, EVIDENCE, plan, rules_next=RULES_2023)


def test_a_fact_neither_year_declares_is_a_located_error() -> None:
    plan = one_task("7.1.3", effect=SetFacts(facts={"postal_return_shares": "20%"}))
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, plan, rules_next=RULES_2023)
    assert [p.text("en") for p in info.value.problems] == [
        'task "t".effect.facts.postal_return_shares: not a fact declared by criteria_2022 or '
        "criteria_2023 (got 'postal_return_shares')"
    ]
    assert [p.text("vi") for p in info.value.problems] == [
        'task "t".effect.facts.postal_return_shares: không phải dữ kiện được khai báo trong '
        "criteria_2022 hay criteria_2023 (giá trị: 'postal_return_shares')"
    ]


def test_a_new_fact_is_checked_against_next_years_rules() -> None:
    plan = one_task("7.1.3", effect=SetFacts(facts={"postal_return_share": "120%"}))
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, plan, rules_next=RULES_2023)
    assert [p.path for p in info.value.problems] == ['task "t".effect.facts.postal_return_share']


def test_without_next_years_rules_the_new_fact_is_refused_as_before() -> None:
    plan = one_task("7.1.3", effect=SetFacts(facts={"postal_return_share": "20%"}))
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, plan)
    assert [p.text("en") for p in info.value.problems] == [
        'task "t".effect.facts.postal_return_share: not a fact declared by the rules '
        "'criteria_2022'"
    ]


# A next year that adds an appraised criterion 7.1.6 (0,5), taken from 7.1.r (4,5 → 4,0).
NEW_APPRAISED = loads_rules(
    'extends = "criteria_2022"\n[index]\nid = "criteria_next"\nyear = 2023\n'
    '[[criteria]]\ncode = "7.1.r"\nmax = 4.0\n'
    '[[criteria]]\ncode = "7.1.6"\nname = "Tiêu chí mới"\nmax = 0.5\nbasis = "test"\n'
    'rule = { kind = "appraised" }\n'
)


def test_a_plan_may_give_appraised_points_for_a_criterion_only_next_year_has() -> None:
    plan = one_task("7.1.6", effect=SetFacts(appraised={"7.1.6": "0.4"}))
    projection = project(RULES, EVIDENCE, plan, rules_next=NEW_APPRAISED)
    assert projection.all_done == D("84.14")  # nothing of it exists in 2022
    # 7.1.r: 4,5 of 4,5 carried to 4,0 of 4,0 (−0,5); 7.1.6: 0,4. 84,14 − 0,5 + 0,4 = 84,04.
    assert projection.next_total == D("84.04")


def test_restoring_a_criterion_only_next_year_has() -> None:
    projection = project(
        RULES, EVIDENCE, one_task("7.1.6", effect=Restore()), rules_next=NEW_APPRAISED
    )
    # 7.1.6 restored to its 0,5: 84,14 − 0,5 + 0,5 = 84,14.
    assert projection.next_total == D("84.14")


def test_appraised_points_next_year_are_bounded_by_its_maximum() -> None:
    plan = one_task("7.1.6", effect=SetFacts(appraised={"7.1.6": "0.6"}))
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, plan, rules_next=NEW_APPRAISED)
    assert [p.text("en") for p in info.value.problems] == [
        'task "t".effect.appraised."7.1.6": must be between 0 and the maximum 0.5 (got 0.6)'
    ]


def test_a_criterion_neither_year_has_is_a_located_error() -> None:
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, one_task("7.1.7", effect=Restore()), rules_next=NEW_APPRAISED)
    assert [p.text("en") for p in info.value.problems] == [
        'task "t".criteria: no criterion has this code in criteria_2022 or criteria_next '
        "(got '7.1.7')"
    ]


# ------------------------------------------------------------------ looks_back

# criteria_2022 declares looks_back = 1 on 5.1 ("Đánh giá xếp loại CBCC năm 2021") and 1.7
# ("(năm trước liền kề)"). A file that extends it and sets them back to 0 is the reading
# where every task counts in its own year: the contrast these tests need.
OWN_YEAR = loads_rules(
    'extends = "criteria_2022"\n'
    '[[criteria]]\ncode = "5.1"\nlooks_back = 0\n'
    '[[criteria]]\ncode = "1.7"\nlooks_back = 0\n'
)


def test_criteria_2022_declares_what_its_annex_looks_back_at() -> None:
    assert {n.code: n.looks_back for n in RULES.nodes() if n.looks_back} == {"1.7": 1, "5.1": 1}
    assert not any(n.looks_back for n in OWN_YEAR.nodes())


def test_a_task_for_a_criterion_that_looks_back_counts_the_year_after() -> None:
    # The example plan's task 5.1 (staff_rated_good 20 → 21, probability 0,6) raises 5.1
    # from 0,95 to 1,0, and task 1.7 (initiative at provincial level, probability 0,3) 1.7
    # from 1,0 to 1,5. Done in 2023 ("Năm 2023"), they count in 2024: the 2023 totals go
    # without them.
    assert project(OWN_YEAR, EVIDENCE, PLAN).all_done == D("96.00")
    projection = project(RULES, EVIDENCE, PLAN)
    assert projection.all_done == D("95.45")  # 96,00 − 0,05 − 0,5
    # 91,5825 − 0,6 × 0,05 − 0,3 × 0,5 = 91,5825 − 0,03 − 0,15 = 91,4025
    assert project(OWN_YEAR, EVIDENCE, PLAN).expected == pytest.approx(91.5825)
    assert projection.expected == pytest.approx(91.5825 - 0.05 * 0.6 - 0.5 * 0.3)
    assert projection.deferred == (("1.7", 2024, ("1.7",)), ("5.1", 2024, ("5.1",)))
    gains = {g.id: g.gain_alone for g in projection.tasks}
    assert gains["5.1"] == gains["1.7"] == 0


def test_looking_back_under_next_years_rules() -> None:
    # It is next year's rules that say what looks back. This year's rules here look at their
    # own year (all done 96,00); next year's of 2023 (the plan year): 5.1 and 1.7 still
    # wait, 96,00 − 0,05 − 0,5 = 95,45; of 2024: the 2023 work counts, 96,00.
    same_year = project(OWN_YEAR, EVIDENCE, PLAN, rules_next=RULES)
    assert (same_year.all_done, same_year.next_total) == (D("96.00"), D("95.45"))
    later = loads_rules('extends = "criteria_2022"\n[index]\nyear = 2024\n')
    assert later.node("5.1").looks_back == later.node("1.7").looks_back == 1  # inherited
    assert project(RULES, EVIDENCE, PLAN, rules_next=later).next_total == D("96.00")


def test_a_task_serving_criteria_of_both_periods_counts_for_its_own_year() -> None:
    # Restoring all of V: 5.3 (0,90 → 1,0) and 5.7.2 (1,5 → 2,0) count in 2023; 5.1 waits.
    projection = project(RULES, EVIDENCE, one_task("V", effect=Restore(), task_id="v"))
    assert projection.all_done == D("84.74")  # 84,14 + 0,10 + 0,50
    assert projection.deferred == (("v", 2024, ("5.1",)),)


def test_a_task_done_the_year_before_counts() -> None:
    # Done in 2022 (a deadline of 30/6/2022), tasks 5.1 and 1.7 count in the 2023 index:
    # every task counts, 96,00.
    early = load_plan(EXAMPLE / "plan.toml")
    tasks = tuple(
        t if t.id not in ("5.1", "1.7") else attrs.evolve(t, deadline=parse_deadline("30/6/2022"))
        for t in early.tasks
    )
    projection = project(RULES, EVIDENCE, Plan(tasks, year=2023))
    assert projection.all_done == D("96.00")
    assert projection.deferred == ()


def _dated(dates: dict[str, str]) -> Plan:
    """The example plan with these tasks' deadlines changed."""
    tasks = tuple(
        attrs.evolve(t, deadline=parse_deadline(dates[t.id])) if t.id in dates else t
        for t in PLAN.tasks
    )
    return Plan(tasks, year=2023)


def test_each_criterion_is_judged_by_its_own_tasks() -> None:
    # Task 5.1 done in 2022 counts for 5.1 in 2023; task 1.7, done in 2023, still waits for
    # 2024: 96,00 − 0,5 = 95,50. (Judged by the earliest task of all, 5.1's 2022 would have
    # let 1.7 count too: 96,00.)
    projection = project(RULES, EVIDENCE, _dated({"5.1": "30/6/2022"}))
    assert projection.all_done == D("95.50")
    assert projection.deferred == (("1.7", 2024, ("1.7",)),)
    # A task for a criterion of its own year done in 2022 (3.1, Quý IV/2022) moves neither:
    # 95,45, as with every task in 2023; and the best plan, given everything, agrees.
    plan = _dated({"3.1": "Quý IV/2022"})
    projection = project(RULES, EVIDENCE, plan)
    assert projection.all_done == D("95.45")
    assert projection.deferred == (("1.7", 2024, ("1.7",)), ("5.1", 2024, ("5.1",)))
    best = best_plan(RULES, EVIDENCE, plan, D(10**9))
    assert best.expected == D("91.4025")  # tests/test_projection.py: 84,14 + 7,2625
    assert not {"1.7", "5.1"} & set(best.chosen)


def test_the_best_plan_does_not_buy_what_counts_next_year() -> None:
    # Every task but 5.1 (3 days) and 1.7 (15 days): the whole plan's 134 days less 18; the
    # expected total is the projection's, 91,5825 − 0,6 × 0,05 − 0,3 × 0,5 = 91,4025.
    best = best_plan(RULES, EVIDENCE, PLAN, D(10**9))
    assert "5.1" not in best.chosen
    assert "1.7" not in best.chosen
    assert best.effort == D(134 - 18)
    assert best.expected == D("91.4025")
    # Where they look at their own year, the same budget buys them: 91,5825.
    assert best_plan(OWN_YEAR, EVIDENCE, PLAN, D(10**9)).expected == D("91.5825")


def test_looks_back_is_checked() -> None:
    with pytest.raises(RulesError) as info:
        loads_rules('extends = "criteria_2022"\n[[criteria]]\ncode = "5.1"\nlooks_back = 9\n')
    assert 'criterion "5.1".looks_back: expected the number of years looked back, from 0 to 5' in (
        info.value.text("en")
    )


# ------------------------------------------------------------------ evidence of another year


def test_evidence_of_another_year_is_a_warning_naming_both() -> None:
    (warning,) = year_warnings(RULES, Evidence("Xã A", 2023))
    assert warning.code == "W-EVIDENCE-YEAR"
    assert warning.text("vi") == (
        "year: hồ sơ là của năm 2023 nhưng bộ tiêu chí criteria_2022 là của năm 2022 "
        "(giá trị: 2023)"
    )
    assert year_warnings(RULES, EVIDENCE) == ()  # 2022 evidence, 2022 rules
    assert year_warnings(RULES, Evidence("Xã A")) == ()  # no year: nothing to compare


def test_score_warns_and_still_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cchc_score.cli import main

    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    path = tmp_path / "evidence.toml"
    path.write_text(
        text.replace("year = 2022", "year = 2023").replace(
            'rules = "criteria_2022"', 'rules = "criteria_2022"'
        ),
        encoding="utf-8",
    )
    code = main(["score", str(path), "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 0
    assert "Total: 84.14/100" in captured.out
    assert captured.err == (
        f"warning: {path}: year: the evidence is for 2023 but the rules criteria_2022 are for "
        "2022 (got 2023)\n"
    )


def test_the_rule_page_says_what_a_criterion_looks_at() -> None:
    from cchc_score.report import rule_pages

    pages = rule_pages(RULES)
    for page in (pages["5.1.md"], pages["1.7.md"]):
        assert (
            "- Xét kết quả của 1 năm trước năm đánh giá (looks_back) / Looks at the results of 1 "
            "year before the index's year (looks_back)\n" in page
        )
    assert "(looks_back)" not in pages["5.3.md"]  # 5.3 looks at its own year
    assert "(looks_back)" not in rule_pages(OWN_YEAR)["5.1.md"]
