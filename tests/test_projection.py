"""The example ward's 2023 projection and best plan, with the numbers derived by hand."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from cchc_score import (
    PartialRestore,
    Plan,
    PlanError,
    Projection,
    Restore,
    SetFacts,
    Task,
    best_plan,
    load_evidence,
    load_plan,
    load_rules,
    loads_rules,
    project,
    read_annex,
)

from .conftest import EXAMPLE

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

RULES = load_rules("criteria_2022")
EVIDENCE = load_evidence(EXAMPLE / "evidence.toml")
PLAN = load_plan(EXAMPLE / "plan.toml")

# Each task's gain when done (the criterion back to full points unless stated) and its
# estimated probability, from plan.toml and the 2022 scores. 1.7 and 5.1 look back a year
# (criteria_2022: looks_back = 1) and their tasks are done in 2023 ("Năm 2023"), so they
# count in the 2024 index: their gain in this 2023 projection is 0.
GAINS = {
    "1.2": ("0.17", "0.8"),  # 1,5 × 26/26 − 1,33
    "1.7": ("0.00", "0.3"),  # "cấp tỉnh…" → 1,5, was 1,0: +0,5, but only in the 2024 index
    "1.8": ("0.50", "0.7"),
    "2.1": ("1.75", "0.5"),  # every item of the checklist: 2,5; was 0,75
    "2.3": ("0.75", "0.9"),
    "3.1": ("0.50", "0.95"),
    "3.6": ("0.25", "0.95"),
    "5.1": ("0.00", "0.6"),  # 21/21 → 1,0, was 0,95: +0,05, but only in the 2024 index
    "5.3": ("0.10", "0.7"),
    "5.7.2": ("0.50", "0.6"),
    "6.1": ("0.10", "0.5"),  # 100% ≥ 100% → 1
    "6.3.2": ("0.25", "0.9"),
    "6.5": ("0.50", "0.7"),
    "6.6": ("0.25", "0.8"),
    "7.1.1.3": ("0.50", "0.9"),
    "7.1.2": ("1.24", "0.6"),  # 75/150 = 50% → 3,0; was 1,76
    "7.1.3": ("1.50", "0.5"),  # 20% ≥ 20% → 1,5; was 0
    "7.2.5": ("0.50", "0.8"),  # restore
    "IX": ("1.95", "0.5"),  # appraised 21; was 19,05
}


@pytest.fixture(scope="module")
def projection() -> Projection:
    return project(RULES, EVIDENCE, PLAN, target=Decimal(90))


def test_all_done_and_expected(projection: Projection) -> None:
    # Every task touches its own criterion, so the gains add: 84,14 + 11,31 = 95,45 (the
    # 11,86 of every criterion back to full points, less 1.7's 0,5 and 5.1's 0,05, which
    # count in 2024).
    assert sum(Decimal(g) for g, _ in GAINS.values()) == Decimal("11.31")
    assert projection.all_done == Decimal("95.45")
    # Expected: 84,14 + Σ p × gain = 84,14 + 7,2625 (7,4425 less 1.7's 0,3 × 0,5 and 5.1's
    # 0,6 × 0,05: 0,15 + 0,03).
    expected = Decimal("84.14") + sum(Decimal(g) * Decimal(p) for g, p in GAINS.values())
    assert expected == Decimal("91.4025")
    assert projection.expected == pytest.approx(float(expected), abs=1e-9)


def test_gains_alone_and_last(projection: Projection) -> None:
    for gain in projection.tasks:
        # As written: 0.00 for the tasks that count in 2024, at the places of every gain.
        assert (str(gain.gain_alone), str(gain.probability)) == GAINS[gain.id], gain.id
        assert gain.gain_last == gain.gain_alone  # independent tasks


def test_ratings_and_target(projection: Projection) -> None:
    chances = {band.name: p for band, p in projection.ratings}
    assert sum(chances.values()) == pytest.approx(1.0)
    # Tốt needs 90: the same event as reaching the target of 90.
    assert chances["Tốt"] == pytest.approx(projection.target_probability)
    assert chances["Trung bình"] == chances["Yếu"] == 0.0
    assert projection.distribution.totals[0][0] == Decimal("84.14")  # nothing done
    assert projection.distribution.totals[-1][0] == Decimal("95.45")  # everything done


def test_timeline_counts_tasks_from_their_deadlines(projection: Projection) -> None:
    # Q1: 3.1, 3.6, 6.3.2 (+0,5 +0,25 +0,25); Q2: + 7.1.1.3 (+0,5); Q3: + 5.3 (+0,10);
    # at the assessment date every task, ongoing and undated ones included: 95,45 (1.7 and
    # 5.1, due "Năm 2023", count in 2024).
    assert [(p.date, str(p.total)) for p in projection.timeline] == [
        (dt.date(2023, 3, 31), "85.14"),
        (dt.date(2023, 6, 30), "85.64"),
        (dt.date(2023, 9, 30), "85.74"),
        (dt.date(2023, 12, 31), "95.45"),
    ]
    # Expected at Q1: 84,14 + 0,95 × 0,5 + 0,95 × 0,25 + 0,9 × 0,25 = 85,0775.
    assert projection.timeline[0].expected == pytest.approx(85.0775)


def test_as_of_leaves_out_later_tasks() -> None:
    early = project(RULES, EVIDENCE, PLAN, as_of=dt.date(2023, 6, 30))
    # Counted: 3.1, 3.6, 6.3.2 (Q1), 7.1.1.3 (Q2) and the undated 2.3, 5.7.2, 6.6, which count
    # at the assessment date: 84,14 + 0,5 + 0,25 + 0,25 + 0,5 + 0,75 + 0,5 + 0,25 = 87,14.
    assert set(early.counted) == {"3.1", "3.6", "6.3.2", "7.1.1.3", "2.3", "5.7.2", "6.6"}
    assert early.all_done == Decimal("87.14")
    assert len(early.not_counted) == 12


def test_chosen_tasks_and_domains() -> None:
    chosen = project(RULES, EVIDENCE, PLAN, tasks=["3.1", "IX"])
    assert chosen.chosen == Decimal("86.59")  # 84,14 + 0,5 + 1,95
    domains = {d.code: (d.baseline, d.projected) for d in chosen.domains}
    assert domains["IX"] == (Decimal("19.05"), Decimal("21.00"))
    assert domains["III"] == (Decimal("11.75"), Decimal("12.25"))
    assert domains["II"] == (Decimal("4.50"), Decimal("4.50"))


def test_annex_plan_restores_by_default() -> None:
    # The annex's 19 tasks, effects defaulted to "restore": every criterion that lost points,
    # IX included, back to full points: 84,14 + 15,86 = 100, less what counts in 2024: 1.7's
    # 0,5 and 5.1's 0,05 (both due "Năm 2023", both looking back a year): 99,45.
    _, plan = read_annex(EXAMPLE / "annex.tsv")
    projection = project(RULES, EVIDENCE, plan)
    assert projection.all_done == Decimal("99.45")
    assert len(projection.defaulted) == 19
    assert projection.deferred == (("1.7", 2024, ("1.7",)), ("5.1", 2024, ("5.1",)))


def test_rules_next() -> None:
    # Next year's rules drop 5.3 and its fact, and fold its point into 5.r (10 → 11).
    source = (EXAMPLE.parents[1] / "rules" / "criteria_2022.toml").read_text(encoding="utf-8")
    start = source.index('[[criteria]]\ncode = "5.3"')
    end = source.index('[[criteria]]\ncode = "5.7"')
    source = source[:start] + source[end:]
    start = source.index("[facts.staff_untrained]")
    end = source.index("[facts.criticism_letters]")
    source = source[:start] + source[end:]
    source = source.replace(
        'code = "5.r"\nname = "Các tiêu chí khác của lĩnh vực V (không nêu '
        'trong phụ lục)"\nname_en = "Other criteria of domain V (not itemised '
        'in the annex)"\nmax = 10.0',
        'code = "5.r"\nname = "Các tiêu chí khác của lĩnh vực V"\nmax = 11.0',
    )
    next_rules = loads_rules(source.replace('id = "criteria_2022"', 'id = "criteria_2023"'))
    projection = project(RULES, EVIDENCE, PLAN, rules_next=next_rules)
    assert projection.carry_over == (
        "fact staff_untrained: not declared in criteria_2023",
        "criterion 5.3 (task 5.3): not in criteria_2023",
    )
    # All done under 2022 rules: 95,45 with 5.3 at 1,0 (1.7 and 5.1, which look back a year,
    # count in 2024; these next rules, the same year, still declare looks_back). Under them
    # 5.3 is gone and 5.r's full 10 of 10 is carried by share (the default carry policy) to
    # 11 of 11, and says so: 95,45 − 1,00 + 1,00 = 95,45, not a one-point "loss" that only
    # the maxima moved.
    assert [(c.step, c.name, c.old, c.new) for c in projection.carried] == [
        ("rescaled", "5.r", Decimal("10.0"), Decimal("11.00"))
    ]
    assert projection.next_total == Decimal("95.45")


@pytest.mark.parametrize(
    ("task", "message"),
    [
        (
            'criteria = ["9.9"]',
            'plan.toml: task "x".criteria: no criterion has this code in '
            "criteria_2022 (got '9.9')",
        ),
        (
            'criteria = ["3.6"]\n[tasks.effect]\nkind = "facts"\n[tasks.effect.facts]\nnope = 1',
            'plan.toml: task "x".effect.facts.nope: not a fact declared by the rules '
            "'criteria_2022'",
        ),
        (
            'criteria = ["3.6"]\n[tasks.effect]\nkind = "facts"\n[tasks.effect.facts]\n'
            'feedback_address_posting = "tốt"',
            'plan.toml: task "x".effect.facts.feedback_address_posting: not a level of this '
            "fact; expected one of 'không đạt', 'đạt một phần', 'đạt đầy đủ' (got 'tốt')",
        ),
        (
            'criteria = ["3.6"]\n[tasks.effect]\nkind = "facts"\n[tasks.effect.appraised]\n'
            '"3.6" = 1',
            'plan.toml: task "x".effect.appraised."3.6": not a criterion scored '
            "by appraised points (got '3.6')",
        ),
    ],
)
def test_plan_errors(tmp_path: Path, task: str, message: str) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(f'[[tasks]]\nid = "x"\n{task}\n', encoding="utf-8")
    with pytest.raises(PlanError) as info:
        project(RULES, EVIDENCE, load_plan(path))
    assert str(info.value).replace(str(path), "plan.toml") == message


def test_unknown_chosen_task() -> None:
    with pytest.raises(PlanError, match="no task has this id"):
        project(RULES, EVIDENCE, PLAN, tasks=["Z"])


# ------------------------------------------------------------------- best plan


def _knapsack_by_hand(budget: int) -> Decimal:
    """An independent 0/1 knapsack over the example's (independent) tasks."""
    best = [Decimal(0)] * (budget + 1)
    for task in PLAN.tasks:
        gain, p = (Decimal(x) for x in GAINS[task.id])
        cost = int(task.effort or 0)
        for b in range(budget, cost - 1, -1):
            best[b] = max(best[b], best[b - cost] + gain * p)
    return Decimal("84.14") + best[budget]


@pytest.mark.parametrize("budget", [0, 5, 17, 40, 80, 134])
def test_best_plan_matches_an_independent_knapsack(budget: int) -> None:
    assert best_plan(RULES, EVIDENCE, PLAN, Decimal(budget)).expected == _knapsack_by_hand(budget)


def test_best_plan_for_40_days() -> None:
    best = best_plan(RULES, EVIDENCE, PLAN, Decimal(40))
    # 2.1 (12 days, 0,5 × 1,75), 2.3 (5, 0,9 × 0,75), 3.1 (2, 0,95 × 0,5), 3.6 (1, 0,95 × 0,25),
    # 5.7.2 (2, 0,6 × 0,5), 6.3.2 (3, 0,9 × 0,25), 7.1.1.3 (4, 0,9 × 0,5), 7.1.3 (8, 0,5 × 1,5),
    # 7.2.5 (3, 0,8 × 0,5): 40 days, 84,14 + 4,3875 = 88,5275.
    assert best.chosen == (
        "2.1",
        "2.3",
        "3.1",
        "3.6",
        "5.7.2",
        "6.3.2",
        "7.1.1.3",
        "7.1.3",
        "7.2.5",
    )
    assert (best.effort, best.expected) == (Decimal(40), Decimal("88.5275"))
    assert best.frontier[-1].expected == Decimal("91.4025")  # everything: the expected total
    # Every task but 1.7 (15 days) and 5.1 (3 days), which gain nothing before 2024.
    assert best.frontier[-1].budget == sum(t.effort or 0 for t in PLAN.tasks) - 15 - 3


def test_cheapest_plan_for_a_rating() -> None:
    best = best_plan(RULES, EVIDENCE, PLAN, Decimal(40), target="Tốt", confidence=Decimal("0.6"))
    target = best.target
    assert target is not None
    assert target.proven
    assert target.chosen is not None
    assert target.probability is not None
    assert target.probability >= 0.6
    # Checked against the projection of exactly those tasks.
    subset = type(PLAN)(tuple(t for t in PLAN.tasks if t.id in target.chosen), year=2023)
    assert project(RULES, EVIDENCE, subset, target=Decimal(90)).target_probability == (
        pytest.approx(target.probability)
    )
    # Unreachable: no plan gets Tốt with probability 0,99 (all tasks give about 0,78).
    hopeless = best_plan(
        RULES, EVIDENCE, PLAN, Decimal(40), target="Tốt", confidence=Decimal("0.99")
    ).target
    assert hopeless is not None
    assert hopeless.chosen is None


def test_best_plan_needs_efforts() -> None:
    _, plan = read_annex(EXAMPLE / "annex.tsv")
    with pytest.raises(PlanError) as info:
        best_plan(RULES, EVIDENCE, plan, Decimal(10))
    # The imported plan has no efforts: one problem names all 19 tasks, in plan order.
    assert str(info.value) == (
        f"{plan.source}: tasks without an effort: 1.2, 1.7, 1.8, 2.1, 2.3, 3.1, "
        "3.6, 5.1, 5.3, 5.7.2, 6.1, 6.3.2, 6.5, 6.6, 7.1.1.3, 7.1.2, 7.1.3, 7.2.5, IX; give "
        "each an effort in person-days"
    )


def test_best_plan_for_a_target_without_a_budget() -> None:
    # The budget defaults to the plan's whole effort: 10 + 15 + 8 + 12 + 5 + 2 + 1 + 3 + 6
    # + 2 + 10 + 3 + 5 + 2 + 4 + 15 + 8 + 3 + 20 = 134 person-days, which buys everything
    # that gains before 2024: all but 1.7 (15) and 5.1 (3), 116 days (expected 91,4025, as
    # the frontier's end above); the target search is the one a budget of 40 gets.
    best = best_plan(RULES, EVIDENCE, PLAN, target="Tốt", confidence=Decimal("0.6"))
    assert (best.budget, best.effort, best.expected) == (
        Decimal(134),
        Decimal(116),
        Decimal("91.4025"),
    )
    with_budget = best_plan(RULES, EVIDENCE, PLAN, 40, target="Tốt", confidence=Decimal("0.6"))
    assert best.target is not None
    assert best.target == with_budget.target


# ------------------------------------------------------------ issue 18: the knapsack's size


def test_a_huge_effort_costs_nothing_more_to_plan() -> None:
    # 1 000 000,01 person-days is 100 000 001 steps of a hundredth: a table that size took
    # gigabytes, and the budget had to size it. The knapsack keeps only the points where
    # the expected total rises: (0, 84.14), (12.5, 85.89: "small" restores 2.1, 0.75 of
    # 2.5, +1.75), (1 000 012.51, 85.99: "big" restores 5.3 too, 0.90 of 1, +0.10).
    # (5.3 looks at its own year, so "big" counts in 2023; 5.1 would count only in 2024.)
    huge = Plan((Task("big", ("5.3",), effort=Decimal("1000000.01")),), year=2023)
    small = Plan((*huge.tasks, Task("small", ("2.1",), effort=Decimal("12.5"))), year=2023)
    best = best_plan(RULES, EVIDENCE, small, 40)
    assert best.chosen == ("small",)
    assert [(f.budget, f.expected, f.chosen) for f in best.frontier] == [
        (Decimal(0), Decimal("84.14"), ()),
        (Decimal("12.5"), Decimal("85.89"), ("small",)),
        (Decimal("1000012.51"), Decimal("85.99"), ("big", "small")),
    ]
    assert best_plan(RULES, EVIDENCE, huge, Decimal(300)).chosen == ()


def test_project_takes_a_band_name_or_a_number_as_target() -> None:
    assert project(RULES, EVIDENCE, PLAN, target="Tốt").target == Decimal(90)
    assert project(RULES, EVIDENCE, PLAN, target="90,5").target == Decimal("90.5")
    # The chance of 90: the tasks are independent, so convolve their gains (hundredths) by
    # hand: 0,7802 (it was 0,8078 while 1.7's +0,5 and 5.1's +0,05 counted in 2023).
    assert _chance_of_at_least(Decimal(90)) == pytest.approx(0.7802, abs=1e-4)
    assert project(RULES, EVIDENCE, PLAN, target=90).target_probability == pytest.approx(
        _chance_of_at_least(Decimal(90)), abs=1e-12
    )


def _chance_of_at_least(total: Decimal) -> float:
    """P(84,14 + the gains of the tasks done ≥ total), the example's tasks being independent:
    an exact convolution of GAINS in hundredths, independent of the engine's."""
    chances: dict[int, Fraction] = {0: Fraction(1)}
    for gain, p in GAINS.values():
        step, done = int(Decimal(gain) * 100), Fraction(p)
        after: dict[int, Fraction] = {}
        for at, chance in chances.items():
            after[at] = after.get(at, Fraction(0)) + chance * (1 - done)
            after[at + step] = after.get(at + step, Fraction(0)) + chance * done
        chances = after
    need = int((total - Decimal("84.14")) * 100)
    return float(sum(c for at, c in chances.items() if at >= need))


def test_twenty_interacting_tasks_are_planned_exactly() -> None:
    # 20 restores of 2.1 (0.75 of 2.5: 1.75 lost), each 1 day and even odds; no cap on a
    # group any more. With 3 days, three attempts: restored unless all three fail,
    # 84.14 + 1.75 × (1 − 0.5³) = 84.14 + 1.53125 = 85.67125.
    tasks = tuple(
        Task(f"r{i}", ("2.1",), effort=Decimal(1), probability=Decimal("0.5")) for i in range(20)
    )
    best = best_plan(RULES, EVIDENCE, Plan(tasks, year=2023), 3)
    assert best.expected == Decimal("85.67125")
    assert best.chosen == ("r0", "r1", "r2")
    # The frontier: one more attempt a day halves what stays lost: 84.14 + 1.75 × (1 − 0.5ᵈ).
    assert [f.expected for f in best.frontier[:3]] == [
        Decimal("84.14"),
        Decimal("85.015"),
        Decimal("85.4525"),
    ]


def test_a_higher_appraisal_that_may_fail_keeps_its_later_upside() -> None:
    # IX is appraised: 19.05 of 25. Its tasks, folded best value first (25 before 21.05):
    #   t1 → 25.00 (+5.95), p 0.2, 2 days;  t2 → 21.05 (+2), p 0.9, 1.5 days;
    #   t3 → 21.05 (+2), p 0.9, 1 day.
    # Every set within 3 days: {t1} 0.2 × 5.95 = 1.19; {t2} 1.8; {t3} 1.8;
    # {t2, t3} (2.5 days) 2 × (1 − 0.1²) = 1.98; {t1, t3} (3 days) 1.19 + 0.8 × 0.9 × 2 = 2.63.
    # So 3 days buy {t1, t3}: 84.14 + 2.63 = 86.77. The cheaper {t2} gains more than {t1}
    # (1.8 ≥ 1.19), yet {t1} must be kept: it is still at 19.05 with 0.8, not 0.1, and a later
    # task lifts that (a fold that compared gains alone would answer {t2, t3}: 86.12).
    tasks = (
        Task(
            "t1",
            ("IX",),
            effect=SetFacts(appraised=(("IX", Decimal(25)),)),
            effort=2,
            probability=Decimal("0.2"),
        ),
        Task(
            "t2",
            ("IX",),
            effect=SetFacts(appraised=(("IX", Decimal("21.05")),)),
            effort=Decimal("1.5"),
            probability=Decimal("0.9"),
        ),
        Task(
            "t3",
            ("IX",),
            effect=SetFacts(appraised=(("IX", Decimal("21.05")),)),
            effort=1,
            probability=Decimal("0.9"),
        ),
    )
    best = best_plan(RULES, EVIDENCE, Plan(tasks, year=2023), 3)
    assert best.chosen == ("t1", "t3")
    assert best.expected == Decimal("86.77")


def test_a_partial_restore_that_may_fail_can_be_worth_more_with_a_later_one() -> None:
    # 7.1.2: 1.76 of 3 (1.24 lost); x of the loss still lost scores round(3 − 1.24·x, 2).
    #   a: 50 %, sure, 1 day → x = 0.5: +0.62;
    #   b: 90 %, even odds, 1 day → x = 0.1 or 1: ½ × 1.12 (2.876 → 2.88) = +0.56;
    #   c: 99 %, sure, 1 day.
    # Alone, a beats b (0.62 ≥ 0.56), but with c: a·c leaves 0.005 (2.9938 → 2.99: +1.23),
    # b·c leaves 0.001 (2.99876 → 3: +1.24) or 0.01 (2.9876 → 2.99: +1.23): +1.235.
    # Within 2 days: {c} +1.23, {a, c} +1.23, {a, b} ½ × 1.18 + ½ × 0.62 = +0.90,
    # {b, c} +1.235: 84.14 + 1.235 = 85.375. Worth more at x = 1 is not enough to drop b.
    tasks = tuple(
        Task(
            name,
            ("7.1.2",),
            effect=PartialRestore(Decimal(share)),
            effort=1,
            probability=Decimal(chance),
        )
        for name, share, chance in (("a", "0.5", "1"), ("b", "0.9", "0.5"), ("c", "0.99", "1"))
    )
    best = best_plan(RULES, EVIDENCE, Plan(tasks, year=2023), 2)
    assert best.chosen == ("b", "c")
    assert best.expected == Decimal("85.375")


def _crowded(count: int, code: str, seed: int) -> Plan:
    """``count`` tasks on one criterion: restores and partial restores of 25/50/75 %, each
    with a probability in twentieths, never sure (a single group of interacting tasks)."""
    import random

    rnd = random.Random(seed)
    tasks = []
    for i in range(count):
        share = rnd.choice([None, "0.25", "0.5", "0.75"])
        effect = Restore() if share is None else PartialRestore(Decimal(share))
        chance = Decimal(rnd.randint(1, 19)) / 20
        tasks.append(Task(f"T{i:02d}", (code,), effect=effect, probability=chance))
    return Plan(tuple(tasks), year=2023)


@pytest.mark.parametrize(("count", "code"), [(40, "7.1.2"), (24, "2.1")])
def test_a_crowded_distribution_keeps_its_mass(count: int, code: str) -> None:
    # Issue 17: the distribution of one large group is exact (no sampling), and its float
    # probabilities add up to 1 within 1e-12 (summed with fsum, so the test adds no error).
    projection = project(RULES, EVIDENCE, _crowded(count, code, seed=count))
    assert not projection.distribution.sampled
    assert abs(math.fsum(p for _, p in projection.distribution.totals) - 1) <= 1e-12
    assert abs(math.fsum(p for _, p in projection.ratings) - 1) <= 1e-12
    # Every task on the criterion can at most win back what it lost: the best total is the
    # baseline plus that loss (7.1.2: 3,0 − 1,76 = 1,24; 2.1: 2,5 − 0,75 = 1,75).
    lost = RULES.node(code).max - projection.baseline.points_of(code)
    assert projection.distribution.totals[-1][0] <= projection.baseline.total + lost


def test_a_share_too_small_to_round_settles_the_leaf_exactly() -> None:
    # 12 partial restores of 7.1.2 (3,0; 1,76 appraised: 1,24 lost) with shares of
    # 1–99 %: once the share still lost is at most half a step over the maximum
    # (0,005 / 3,0), the leaf rounds to 3,00 whatever follows, and the engine folds such a
    # state as restored. Checked against every one of the 2¹² outcomes scored here
    # directly: points = max − share still lost × 1,24, rounded half up once.
    import itertools
    import random

    from cchc_score.engine import partly_restored

    rnd = random.Random(7)
    tasks = tuple(
        Task(
            f"T{i:02d}",
            ("7.1.2",),
            effect=PartialRestore(Decimal(rnd.randint(1, 99)) / 100),
            probability=Decimal(rnd.randint(1, 19)) / 20,
        )
        for i in range(12)
    )
    projection = project(RULES, EVIDENCE, Plan(tasks, year=2023))
    top, base = RULES.node("7.1.2").max, projection.baseline.points_of("7.1.2")
    expected: dict[Decimal, Fraction] = {}
    for outcome in itertools.product((False, True), repeat=len(tasks)):
        chance, kept = Fraction(1), Fraction(1)
        for done, task in zip(outcome, tasks, strict=True):
            p = Fraction(task.probability)
            chance *= p if done else 1 - p
            if done:
                kept *= 1 - Fraction(task.effect.share)  # type: ignore[union-attr]
        total = projection.baseline.total - base + partly_restored(top, base, kept, 2)
        expected[total] = expected.get(total, Fraction(0)) + chance
    found = dict(projection.distribution.totals)
    assert found.keys() == expected.keys()
    assert max(abs(found[t] - float(p)) for t, p in expected.items()) <= 1e-12
