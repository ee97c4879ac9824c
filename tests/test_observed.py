"""Observed points: appraised points from the annex standing for a criterion scored from facts.

The numbers come from the example ward (examples/ward_2022/) and rules/criteria_2022.toml:
criterion 1.2 (maximum 1,5) is a ratio rule, 1,5 × cchc_plan_tasks_done / cchc_plan_tasks_total;
the example's facts 23/26 give 1,5 × 23/26 = 1,327 → 1,33, which is also the annex's
appraised 1,33. The example's total is 84,14.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cchc_score import (
    Evidence,
    EvidenceError,
    Plan,
    PlanError,
    Task,
    check_evidence,
    evaluate,
    load_evidence,
    load_plan,
    load_rules,
    project,
)
from cchc_score.cli import main
from cchc_score.plan import PartialRestore, Restore, SetFacts
from cchc_score.report.scorecard import render_scorecard

from .conftest import EXAMPLE

RULES = load_rules("criteria_2022")
# Built in Python, so that messages carry no file name.
EVIDENCE = attrs.evolve(load_evidence(EXAMPLE / "evidence.toml"), source=None)
PLAN_FACTS = ("cchc_plan_tasks_total", "cchc_plan_tasks_done")  # what 1.2 reads
REASON = "Kế hoạch đào tạo, bồi dưỡng chưa hoàn thành 100%"


def _observed(points: str = "1.33", note: str | None = None) -> Evidence:
    """The example evidence with 1.2's facts removed and its annex points given instead."""
    facts = {k: v for k, v in EVIDENCE.facts if k not in PLAN_FACTS}
    # The example's own note on 1.2 (the annex's reason) is left out: the tests give theirs.
    notes = {c: n for c, n in EVIDENCE.notes if c != "1.2"} | ({"1.2": note} if note else {})
    return attrs.evolve(
        EVIDENCE, facts=facts, appraised={**dict(EVIDENCE.appraised), "1.2": points}, notes=notes
    )


def test_observed_points_stand_for_the_criterion() -> None:
    # 1.2 scores the annex's 1,33, the same as 1,5 × 23/26 → 1,33: the total stays 84,14.
    card = evaluate(RULES, _observed())
    node = card.node("1.2")
    assert (card.total, node.points, node.status) == (Decimal("84.14"), Decimal("1.33"), "observed")
    assert node.inputs == ()
    assert card.observed == frozenset({"1.2"})
    assert card.differences() == ()


def test_observed_explanation_says_where_the_points_came_from() -> None:
    node = evaluate(RULES, _observed()).node("1.2")
    assert node.explanation("vi") == "điểm thẩm định theo phụ lục: 1,33/1,5"
    assert node.explanation("en") == "appraised points from the annex: 1.33/1.5"
    noted = evaluate(RULES, _observed(note=REASON)).node("1.2")
    assert noted.explanation("vi") == f"điểm thẩm định theo phụ lục: 1,33/1,5 — ghi chú: {REASON}"
    # The note is the annex's own words: kept in Vietnamese, and said to be so.
    assert noted.explanation("en") == (
        f"appraised points from the annex: 1.33/1.5 — note (in Vietnamese): {REASON}"
    )


@pytest.mark.lang("en")
def test_observed_facts_are_not_missing() -> None:
    # With neither facts nor points, 1.2's two facts are missing; with points, nothing is.
    facts = {k: v for k, v in EVIDENCE.facts if k not in PLAN_FACTS}
    with pytest.raises(EvidenceError) as info:
        check_evidence(RULES, attrs.evolve(EVIDENCE, facts=facts))
    assert str(info.value) == (
        "facts: missing facts: cchc_plan_tasks_done (for 1.2); cchc_plan_tasks_total (for 1.2)"
    )
    assert "cchc_plan_tasks_done" not in check_evidence(RULES, _observed())


@pytest.mark.lang("en")
@pytest.mark.parametrize(
    ("points", "expected"),
    [
        # Above 1.2's maximum 1,5, and below 0: the same check as for appraised-kind points.
        ("1.6", "appraised.1.2: must be between 0 and the maximum 1.5 (got 1.6)"),
        ("-0.1", "appraised.1.2: must be between 0 and the maximum 1.5 (got -0.1)"),
    ],
)
def test_observed_points_are_bounded(points: str, expected: str) -> None:
    with pytest.raises(EvidenceError) as info:
        check_evidence(RULES, _observed(points))
    assert str(info.value) == expected.replace("appraised.1.2", 'appraised."1.2"')


@pytest.mark.lang("en")
def test_appraised_points_for_a_domain_are_refused() -> None:
    with pytest.raises(EvidenceError) as info:
        check_evidence(RULES, EVIDENCE.with_appraised(I="8.83"))
    assert str(info.value) == (
        "appraised.I: criterion I is the sum of its sub-criteria; give appraised points for "
        "them instead"
    )


def test_facts_win_and_differences_are_listed() -> None:
    # Facts 23/26 → 1,33 is counted; the appraised 1,5 given as well is only compared.
    card = evaluate(RULES, EVIDENCE.with_appraised(**{"1.2": "1.5"}))
    assert (card.total, card.node("1.2").status) == (Decimal("84.14"), "scored")
    [diff] = card.differences()
    assert (diff.code, diff.computed, diff.appraised) == ("1.2", Decimal("1.33"), Decimal("1.5"))
    # Equal points (1,33 both ways) are no difference.
    assert evaluate(RULES, EVIDENCE.with_appraised(**{"1.2": "1.33"})).differences() == ()


def test_score_reports_the_differences() -> None:
    card = evaluate(RULES, EVIDENCE.with_appraised(**{"1.2": "1.5"}))
    vi = render_scorecard(card, "table", "vi")
    assert "Tiêu chí có điểm tính từ dữ kiện khác điểm thẩm định: 1" in vi
    assert [line.split() for line in vi.splitlines() if line.startswith("1.2 ")] == [
        ["1.2", "1,33", "1,50"]
    ]
    en = render_scorecard(card, "table", "en")
    assert "Criteria whose points from the facts differ from the appraised points: 1" in en
    data = json.loads(render_scorecard(card, "json", "en"), parse_float=Decimal)
    assert data["differences"] == [
        {"code": "1.2", "computed": Decimal("1.33"), "appraised": Decimal("1.50")}
    ]
    plain = json.loads(render_scorecard(evaluate(RULES, _observed()), "json", "en"))
    assert plain["differences"] == []
    assert next(n for n in plain["nodes"] if n["code"] == "1.2")["status"] == "observed"


def test_explain_command_on_observed_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The example file with 1.2's two facts taken out and the annex's 1,33 added.
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    for line in ("cchc_plan_tasks_total = 26\n", "cchc_plan_tasks_done = 23\n"):
        assert line in text
        text = text.replace(line, "")
    assert "[appraised]\n" in text
    path = tmp_path / "evidence.toml"
    path.write_text(text.replace("[appraised]\n", '[appraised]\n"1.2" = 1.33\n', 1), "utf-8")
    assert main(["explain", str(path), "1.2", "--lang", "en"]) == 0
    assert "appraised points from the annex: 1.33/1.5" in capsys.readouterr().out


# --------------------------------------------------------------------------- projection


def _plan(*tasks: Task) -> Plan:
    return Plan(tasks, year=2023)


def test_restoring_an_observed_criterion_gains_what_it_lost() -> None:
    # restore → 1,5: gains 1,5 − 1,33 = 0,17, so 84,14 → 84,31.
    result = project(RULES, _observed(), _plan(Task("T", "1.2", effect=Restore())))
    assert result.all_done == Decimal("84.31")


def test_partly_restoring_an_observed_criterion() -> None:
    # partial 0,5 → 1,33 + 0,5 × (1,5 − 1,33) = 1,415 → 1,42 (half up): 84,14 + 0,09 = 84,23.
    result = project(RULES, _observed(), _plan(Task("T", "1.2", effect=PartialRestore("0.5"))))
    assert result.all_done == Decimal("84.23")


@pytest.mark.lang("en")
def test_facts_effect_on_an_observed_criterion_is_refused() -> None:
    plan = _plan(Task("T", "1.2", effect=SetFacts(facts={"cchc_plan_tasks_done": 26})))
    with pytest.raises(PlanError) as info:
        project(RULES, _observed(), plan)
    assert str(info.value) == (
        'task "T".effect.facts.cchc_plan_tasks_done: criterion 1.2 has only appraised points '
        "in the evidence, no facts, so setting facts cannot change it; restore it (restore or "
        "partial), or give its facts in the evidence"
    )


def test_the_example_plan_on_observed_evidence_names_its_file() -> None:
    # The example plan's task 1.2 sets cchc_plan_tasks_done = 26: refused, located in the file.
    plan = load_plan(EXAMPLE / "plan.toml")
    with pytest.raises(PlanError) as info:
        project(RULES, _observed(), plan)
    assert str(info.value).startswith(f'{plan.source}: task "1.2".effect.facts.')


@pytest.mark.lang("en")
def test_a_task_for_another_criterion_cannot_supply_observed_facts() -> None:
    # Task T serves 1.8 but sets cchc_plan_tasks_done, a fact only 1.2 reads and the
    # evidence does not give: it would stand in for 1.2's missing facts, so it is refused.
    plan = _plan(Task("T", "1.8", effect=SetFacts(facts={"cchc_plan_tasks_done": 26})))
    with pytest.raises(PlanError) as info:
        project(RULES, _observed(), plan)
    assert str(info.value).startswith(
        'task "T".effect.facts.cchc_plan_tasks_done: criterion 1.2 has only appraised points'
    )


def test_observed_points_in_a_batch_table(tmp_path: Path) -> None:
    # The table writer gives 1.2 an appraised:1.2 column and leaves its fact cells empty;
    # the reader takes them back as observed points: 84,14 again.
    from cchc_score import dump_evidence_csv, score_many

    path = tmp_path / "units.csv"
    path.write_text(dump_evidence_csv(RULES, [_observed()]), encoding="utf-8")
    (result,) = score_many(RULES, path)
    assert result.scorecard is not None, result.problems
    assert result.scorecard.total == Decimal("84.14")
    assert result.scorecard.node("1.2").status == "observed"
