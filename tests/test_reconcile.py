"""Reconciling an annex's arithmetic: the real 2022 annex, and one small case per finding kind."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from cchc_score import evaluate, load_rules
from cchc_score.annex import Appraisal, AppraisalNode, Level
from cchc_score.errors import ArgumentError
from cchc_score.io.annex import read_annex, reads_annex
from cchc_score.io.evidence import load_evidence
from cchc_score.model import RuleSet
from cchc_score.numbers import Lang
from cchc_score.reconcile import (
    FINDING_KINDS,
    Finding,
    Summary,
    listed_deduction,
    reconcile,
    summarise,
)

ANNEX = Path(__file__).parent / "data" / "annex"
SEED = ANNEX / "seed_2022.tsv"

D = Decimal

# The seed's findings, checked by hand: (line, severity, kind, code, stated, computed).
SEED_FINDINGS = [
    # II: 7 − 4,5 = 2,5 as stated, but 2.1 lost 2,0 and 2.3 lost 0,75.
    (14, "error", "criteria_sum_mismatch", "II", "2.5", "2.75"),
    # 2.1: 2,5 − 0,5 = 2,0, but the text says "bị trừ 1,75 điểm".
    (15, "error", "deduction_mismatch", "2.1", "1.75", "2.0"),
    (19, "warning", "missing_deadline", "2.3", None, None),
    # V: 14 − 13,45 = 0,55 as stated, but 5.1 0,05 + 5.3 0,10 + 5.7.2 0,5 = 0,65.
    (26, "error", "criteria_sum_mismatch", "V", "0.55", "0.65"),
    (48, "warning", "missing_reason", "7.2.5", None, None),
    (48, "warning", "missing_task", "7.2.5", None, None),
]


@pytest.fixture(scope="module")
def rules_2022() -> RuleSet:
    return load_rules("criteria_2022")


def _table(findings: tuple[Finding, ...]) -> list[tuple[object, ...]]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return [
        (f.line, f.severity, f.kind, f.code, text(f.stated), text(f.computed)) for f in findings
    ]


def test_seed_findings() -> None:
    appraisal, _ = read_annex(SEED)
    assert _table(reconcile(appraisal)) == SEED_FINDINGS


def test_seed_agrees_with_the_rules(rules_2022: RuleSet) -> None:
    appraisal, _ = read_annex(SEED)
    assert reconcile(appraisal, rules_2022) == reconcile(appraisal)


@pytest.mark.parametrize(
    ("index", "lang", "message"),
    [
        (0, "vi", "Lĩnh vực II (dòng 14): bị trừ 2,5 điểm, nhưng các tiêu chí liệt kê bên dưới "
         "cộng lại bị trừ 2,75 điểm."),
        (0, "en", "Domain II (line 14): its deduction is 2.5, but the deductions of the "
         "criteria listed under it add up to 2.75."),
        (1, "vi", "Tiêu chí 2.1 (dòng 15): văn bản ghi bị trừ 1,75 điểm, nhưng điểm tối đa − "
         "điểm chấm là 2,0 điểm."),
        (1, "en", "Criterion 2.1 (line 15): the text states a deduction of 1.75, but "
         "max − score is 2.0."),
        (2, "vi", "Tiêu chí 2.3 (dòng 19): không ghi thời hạn hoàn thành."),
        (2, "en", "Criterion 2.3 (line 19): no deadline is given."),
        (3, "vi", "Lĩnh vực V (dòng 26): bị trừ 0,55 điểm, nhưng các tiêu chí liệt kê bên dưới "
         "cộng lại bị trừ 0,65 điểm."),
        (3, "en", "Domain V (line 26): its deduction is 0.55, but the deductions of the "
         "criteria listed under it add up to 0.65."),
        (4, "vi", "Tiêu chí 7.2.5 (dòng 48): không ghi lý do bị trừ điểm."),
        (5, "en", "Criterion 7.2.5 (line 48): no task is given."),
    ],
)  # fmt: skip
def test_seed_messages(index: int, lang: Lang, message: str) -> None:
    appraisal, _ = read_annex(SEED)
    assert reconcile(appraisal)[index].message(lang) == message


_SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "with_rules", "expected"),
    [
        ("Tổng cộng\t\t100\t84,24", True, []),
        ("Tổng cộng\t\t100\t84,42", False,
         [(53, "error", "total_mismatch", "total", "84.42", "84.24")]),
        ("\tTổng cộng: 84,24 điểm, xếp loại: Tốt\t\t", True,
         [(53, "error", "rating_mismatch", "total", "84.24", None)]),
        ("\tTổng cộng: 84,24 điểm, xếp loại: Tốt\t\t", False, []),
        ("\tXếp loại: khá\t\t", True, []),  # no total row: the rating is judged on the sum
        ("\tXếp loại: Fair\t\t", True, []),
    ],
)  # fmt: skip
def test_total_and_rating(
    extra: str, with_rules: bool, expected: list[tuple[object, ...]], rules_2022: RuleSet
) -> None:
    appraisal, _ = reads_annex(f"{_SEED_TEXT}\n{extra}\n", "seed.tsv")
    findings = reconcile(appraisal, rules_2022 if with_rules else None)
    assert _table(findings)[len(SEED_FINDINGS) :] == expected


def test_rating_message(rules_2022: RuleSet) -> None:
    appraisal, _ = reads_annex(f"{_SEED_TEXT}\n\tTổng cộng: 84,24 điểm, xếp loại: Tốt\t\t\n")
    finding = reconcile(appraisal, rules_2022)[-1]
    assert (finding.stated_text, finding.computed_text) == ("Tốt", "Khá")
    assert finding.message("vi") == (
        "Xếp loại (dòng 53): phụ lục ghi “Tốt”, nhưng theo bộ tiêu chí tổng 84,24 điểm được "
        "xếp loại “Khá”."
    )
    assert finding.message("en") == (
        "The rating (line 53): the annex states 'Tốt', but the rules rate a total of 84.24 as "
        "'Khá'."
    )


def test_consistent_annex_has_no_findings(rules_2022: RuleSet) -> None:
    appraisal, _ = read_annex(ANNEX / "total_row.tsv")
    assert reconcile(appraisal, rules_2022) == ()


# --------------------------------------------------------------------------- one per kind


def _n(
    code: str,
    max_: str | None,
    score: str | None,
    stated: str | None = None,
    line: int = 1,
    level: Level | None = None,
) -> AppraisalNode:
    if level is None:
        level = "domain" if code.isalpha() else "criterion"
    return AppraisalNode(
        code=code,
        name="x",
        level=level,
        max=None if max_ is None else D(max_),
        score=None if score is None else D(score),
        stated_deduction=None if stated is None else D(stated),
        reason="r",
        line=line,
        task="t",
        lead="l",
        deadline="Năm 2023",
    )


@pytest.mark.parametrize(
    ("nodes", "expected"),
    [
        # A domain with sub-domains listed is compared with them and with its criteria.
        ((_n("VII", "15.5", "11.76", line=1), _n("7.1", "10.5", "7.26", line=2, level="subdomain"),
          _n("7.1.2", "3", "1.76", line=3), _n("7.2", "5", "4", line=4, level="subdomain"),
          _n("7.2.5", "1", "0.5", line=5)),
         [(1, "error", "criteria_sum_mismatch", "VII", "3.74", "1.74"),
          (1, "error", "subdomain_sum_mismatch", "VII", "3.74", "4.24"),
          (2, "error", "criteria_sum_mismatch", "7.1", "3.24", "1.24"),
          (4, "error", "criteria_sum_mismatch", "7.2", "1", "0.5")]),
        # Nested criteria both listed: only the top-most counts.
        ((_n("VI", "8", "7.75"), _n("6.3", "0.75", "0.5", line=2),
          _n("6.3.2", "0.75", "0.5", line=3)), []),
        # A stated deduction stands in for a missing max/score in the sums.
        ((_n("I", "10", "9"), _n("1.2", None, None, "0.5", line=2)),
         [(1, "error", "criteria_sum_mismatch", "I", "1", "0.5"),
          (2, "warning", "missing_points", "1.2", None, None)]),
        ((_n("1.2", "1.5", "2"),), [(1, "error", "score_above_max", "1.2", "2", "1.5")]),
        ((_n("1.2", "1.5", "-0.5"),), [(1, "error", "score_below_zero", "1.2", "-0.5", None)]),
        ((_n("1.2", "1.5", "1", "0.5"), _n("1.2", "1.5", "1", line=2)),
         [(2, "warning", "duplicate_code", "1.2", None, None)]),
        ((_n("IX", "25", None),), [(1, "warning", "missing_points", "IX", None, None)]),
        # A domain with no criteria listed is not compared with an empty sum.
        ((_n("IX", "25", "19.05"),), []),
    ],
)  # fmt: skip
def test_kinds_without_rules(
    nodes: tuple[AppraisalNode, ...], expected: list[tuple[object, ...]]
) -> None:
    assert _table(reconcile(Appraisal(nodes))) == expected


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (_n("1.2", "2", "1.5"), [(1, "error", "max_mismatch", "1.2", "2", "1.5")]),
        (_n("9.9", "1", "1"), [(1, "error", "unknown_code", "9.9", None, None)]),
        (_n("7.1", "10.5", "10.5", level="subdomain"), []),
        (_n("1.r", "5", "5"), []),
    ],
)
def test_kinds_with_rules(
    node: AppraisalNode, expected: list[tuple[object, ...]], rules_2022: RuleSet
) -> None:
    assert _table(reconcile(Appraisal((node,)), rules_2022)) == expected


@pytest.mark.parametrize(
    ("changes", "kinds"),
    [
        ({"reason": ""}, ["missing_reason"]),
        ({"task": "", "lead": ""}, ["missing_task", "missing_lead"]),
        ({"deadline": ""}, ["missing_deadline"]),
        ({"task": "", "score": D("1.5")}, []),  # no points lost: nothing to remedy
    ],
)
def test_missing_columns(changes: dict[str, Any], kinds: list[str]) -> None:
    node = attrs.evolve(_n("1.2", "1.5", "1"), **changes)
    findings = reconcile(Appraisal((node,)))
    assert [(f.kind, f.severity) for f in findings] == [(k, "warning") for k in kinds]


def test_order_by_line_then_no_line() -> None:
    nodes = (_n("I", "10", "9", line=5), _n("1.2", "1.5", "2", line=2))
    findings = reconcile(Appraisal(nodes, total=D(8)))
    assert [(f.line, f.kind) for f in findings] == [
        (2, "score_above_max"),
        (5, "criteria_sum_mismatch"),
        (None, "total_mismatch"),
    ]


# --------------------------------------------------------------------------- messages


@pytest.mark.parametrize(
    ("finding", "vi", "en"),
    [
        (Finding("error", "III", "subdomain_sum_mismatch", D("1"), D("0.5"), 3),
         "Lĩnh vực III (dòng 3): bị trừ 1 điểm, nhưng các nhóm tiêu chí liệt kê bên dưới cộng "
         "lại bị trừ 0,5 điểm.",
         "Domain III (line 3): its deduction is 1, but the deductions of the sub-domains "
         "listed under it add up to 0.5."),
        (Finding("error", "total", "total_mismatch", D("84.42"), D("84.24"), None),
         "Tổng điểm: ghi tổng 84,42 điểm, nhưng điểm các lĩnh vực cộng lại là 84,24 điểm.",
         "The total: the stated total is 84.42, but the domain scores add up to 84.24."),
        (Finding("error", "1.2", "score_above_max", D("2"), D("1.5"), 9),
         "Tiêu chí 1.2 (dòng 9): điểm chấm 2 cao hơn điểm tối đa 1,5.",
         "Criterion 1.2 (line 9): the score 2 is above the maximum 1.5."),
        (Finding("error", "1.2", "score_below_zero", D("-0.5"), None, 9),
         "Tiêu chí 1.2 (dòng 9): điểm chấm -0,5 nhỏ hơn 0.",
         "Criterion 1.2 (line 9): the score -0.5 is below 0."),
        (Finding("error", "1.2", "max_mismatch", D("2.0"), D("1.5"), 9),
         "Tiêu chí 1.2 (dòng 9): phụ lục ghi điểm tối đa 2,0, nhưng bộ tiêu chí quy định 1,5.",
         "Criterion 1.2 (line 9): the annex gives a maximum of 2.0, but the rules give 1.5."),
        (Finding("error", "9.9", "unknown_code", None, None, 9),
         "Tiêu chí 9.9 (dòng 9): bộ tiêu chí không có mã này.",
         "Criterion 9.9 (line 9): the rules have no criterion with this code."),
        (Finding("warning", "IX", "missing_points", None, None, 52),
         "Lĩnh vực IX (dòng 52): thiếu điểm tối đa hoặc điểm chấm nên không kiểm tra được.",
         "Domain IX (line 52): the maximum or the score is missing, so its arithmetic cannot "
         "be checked."),
        (Finding("warning", "1.2", "duplicate_code", None, None, 30),
         "Tiêu chí 1.2 (dòng 30): mã này xuất hiện nhiều lần; chỉ dòng đầu tiên được tính vào "
         "tổng.",
         "Criterion 1.2 (line 30): this code is listed more than once; only its first row is "
         "counted in the sums."),
        (Finding("warning", "1.2", "missing_lead", None, None, 9),
         "Tiêu chí 1.2 (dòng 9): không ghi đơn vị chủ trì.",
         "Criterion 1.2 (line 9): no lead unit is given."),
    ],
)  # fmt: skip
def test_messages(finding: Finding, vi: str, en: str) -> None:
    assert (finding.message("vi"), finding.message("en")) == (vi, en)


def test_every_kind_has_messages() -> None:
    for kind in FINDING_KINDS:
        finding = Finding(FINDING_KINDS[kind], "1.2", kind, D(1), D(2), 1, "A", "B")
        assert finding.message("vi").startswith("Tiêu chí 1.2 (dòng 1): ")
        assert finding.message("en").startswith("Criterion 1.2 (line 1): ")


# --------------------------------------------------------------------------- the consequence

EXAMPLE = Path(__file__).parents[1] / "examples" / "ward_2022"

# The example annex's domains, read by hand from its rows:
# (code, max, stated, criteria counted, their deductions, from the criteria, agrees).
EXAMPLE_DOMAINS = [
    # I "8,83/10.0": 1.2 1,5 − 1,33 = 0,17; 1.7 1,5 − 1,0 = 0,5; 1.8 2,0 − 1,5 = 0,5.
    ("I", "10.0", "8.83", 3, "1.17", "8.83", True),
    # II "4,5 điểm/7": 2.1's text says 1,75 (its columns 2,5 − 0,5 = 2,0: the text is taken);
    # 2.3 2,75 − 2,0 = 0,75; 1,75 + 0,75 = 2,50.
    ("II", "7", "4.5", 2, "2.50", "4.50", True),
    # III "11,75/12,5": 3.1 1,0 − 0,5 = 0,5; 3.6 1,5 − 1,25 = 0,25.
    ("III", "12.5", "11.75", 2, "0.75", "11.75", True),
    # IV "6,0/6,0 (không có điểm trừ)": nothing listed, the row stands: 6,0 − 6,0 = 0,0.
    ("IV", "6.0", "6.0", 0, "0.0", "6.0", True),
    # V "13,45/14,": 5.1 1,0 − 0,95 = 0,05; 5.3 1,0 − 0,90 = 0,10; 5.7.2 2,0 − 1,5 = 0,5:
    # 0,65, so 14 − 0,65 = 13,35, not the 13,45 stated.
    ("V", "14", "13.45", 3, "0.65", "13.35", False),
    # VI "6,9/8,0": 6.1 1 − 0.9 = 0.1; 6.3.2 0.75 − 0.5 = 0.25; 6.5 1 − 0.5 = 0.5;
    # 6.6 0.5 − 0.25 = 0.25: 1,10.
    ("VI", "8.0", "6.9", 4, "1.10", "6.90", True),
    # VII "11,76/15,5": sub-domains 7.1 and 7.2 have criteria, so only the criteria count:
    # 7.1.1.3 1,5 − 1,0 = 0,5; 7.1.2 3,0 − 1,76 = 1,24; 7.1.3 1,5 − 0 = 1,5; 7.2.5 1,0 − 0,5
    # = 0,5: 3,74.
    ("VII", "15.5", "11.76", 4, "3.74", "11.76", True),
    # VIII "2,0/2,0 (không có điểm trừ)".
    ("VIII", "2.0", "2.0", 0, "0.0", "2.0", True),
    # IX: its points in the columns, 25 and 19,05, nothing listed under it: 25 − 19,05 = 5,95.
    ("IX", "25", "19.05", 0, "5.95", "19.05", True),
]


def _domains(summary: Summary) -> list[tuple[object, ...]]:
    return [
        (d.code, str(d.max), str(d.stated), d.criteria, str(d.deductions), str(d.from_criteria),
         d.agrees)
        for d in summary.domains
    ]  # fmt: skip


@pytest.mark.parametrize("path", [EXAMPLE / "annex.tsv", SEED])
def test_summary_of_the_example(path: Path) -> None:
    summary = summarise(read_annex(path)[0])
    assert _domains(summary) == EXAMPLE_DOMAINS
    # 8,83 + 4,5 + 11,75 + 6,0 + 13,45 + 6,9 + 11,76 + 2,0 + 19,05 = 84,24 as stated;
    # the criteria as listed give 0,10 less (V): 84,14. The annex has no total row.
    assert (summary.stated, summary.from_domains, summary.from_criteria) == (
        None,
        D("84.24"),
        D("84.14"),
    )
    assert (summary.recomputed, summary.basis, summary.decimals) == (None, None, 2)
    assert [(n.code, n.stated_deduction, n.deduction) for n in summary.text_taken] == [
        ("2.1", D("1.75"), D("2.0"))
    ]
    assert all(d.recomputed is None for d in summary.domains)


def test_summary_under_the_rules(rules_2022: RuleSet) -> None:
    summary = summarise(read_annex(EXAMPLE / "annex.tsv")[0], rules_2022)
    # Every maximum of the annex is the rules', so the rules recompute what the criteria give.
    assert [str(d.recomputed) for d in summary.domains] == [
        "8.83", "4.50", "11.75", "6.0", "13.35", "6.90", "11.76", "2.0", "19.05"
    ]  # fmt: skip
    assert (summary.recomputed, summary.basis) == (D("84.14"), "rules")
    assert _domains(summary) == EXAMPLE_DOMAINS


def test_summary_from_a_scorecard(rules_2022: RuleSet) -> None:
    card = evaluate(rules_2022, load_evidence(EXAMPLE / "evidence.toml"))
    summary = summarise(read_annex(EXAMPLE / "annex.tsv")[0], scorecard=card)
    # The example's facts reproduce the criteria (README, "The example ward and its total").
    assert [d.recomputed for d in summary.domains] == [
        card.points_of(code) for code in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    ]
    assert (summary.recomputed, summary.basis) == (D("84.14"), "evidence")


def test_summary_with_a_total_row() -> None:
    appraisal, _ = reads_annex(f"{_SEED_TEXT}\nTổng cộng\t\t100\t84,24\n", "seed.tsv")
    summary = summarise(appraisal)
    assert (summary.stated, summary.from_domains, summary.from_criteria) == (
        D("84.24"),
        D("84.24"),
        D("84.14"),
    )


# A small appraisal by hand: (code, max, score, stated deduction, level).
_SMALL = (
    # I 10 → 9: 1.2 (1,5 → 1,0) and 1.7 (1,5 → 1,0) lose 0,5 + 0,5 = 1,0: 9,0, agrees.
    _n("I", "10", "9", line=1),
    _n("1.2", "1.5", "1.0", line=2),
    _n("1.7", "1.5", "1.0", line=3),
    # II 7 → 6,5, but 2.1 (2,5 → 1,5) loses 1,0: 6,0, differs.
    _n("II", "7", "6.5", line=4),
    _n("2.1", "2.5", "1.5", line=5),
    # III has no row: 3.1 (1,0 → 0,5) loses 0,5; its maximum is unknown without rules.
    _n("3.1", "1.0", "0.5", line=6),
    # VI 8 → 7,75: 6.3 and 6.3.2 both listed count once (6.3: 0,75 − 0,5 = 0,25); 6.3 listed
    # twice counts once too.
    _n("VI", "8", "7.75", line=7),
    _n("6.3", "0.75", "0.5", line=8),
    _n("6.3.2", "0.75", "0.5", line=9),
    _n("6.3", "0.75", "0", line=10),
    # VII 15,5 → 14,0: sub-domain 7.1 has a criterion (7.1.2: 3 → 2,5, its text says 0,75:
    # the text is taken); 7.2 has none and stands for itself (5 → 4): 0,75 + 1 = 1,75 → 13,75.
    _n("VII", "15.5", "14.0", line=11),
    _n("7.1", "10.5", "10.0", line=12, level="subdomain"),
    _n("7.1.2", "3", "2.5", "0.75", line=13),
    _n("7.2", "5", "4", line=14, level="subdomain"),
    # IX has its points in its own row and nothing under it: 25 → 20.
    _n("IX", "25", "20", line=15),
)


def test_summary_by_hand() -> None:
    summary = summarise(Appraisal(_SMALL, total=D("90")))
    assert _domains(summary) == [
        ("I", "10", "9", 2, "1.0", "9.0", True),
        ("II", "7", "6.5", 1, "1.0", "6.0", False),
        ("III", "None", "None", 1, "0.5", "None", None),
        ("VI", "8", "7.75", 1, "0.25", "7.75", True),
        ("VII", "15.5", "14.0", 2, "1.75", "13.75", False),
        ("IX", "25", "20", 0, "5", "20", True),
    ]
    assert [(d.line, d.name) for d in summary.domains][2] == (None, "")
    # 9 + 6,5 + 7,75 + 14 + 20 = 57,25; III's maximum is unknown, so the criteria give none.
    assert (summary.stated, summary.from_domains, summary.from_criteria) == (
        D("90"),
        D("57.25"),
        None,
    )
    assert [n.code for n in summary.text_taken] == ["7.1.2"]


def test_summary_by_hand_under_the_rules(rules_2022: RuleSet) -> None:
    summary = summarise(Appraisal(_SMALL), rules_2022)
    # III takes the rules' maximum (12,5) and name: 12,5 − 0,5 = 12,0.
    third = summary.domains[2]
    assert (third.max, third.from_criteria, third.recomputed) == (D("12.5"), D("12.0"), D("12.0"))
    assert third.name == rules_2022.node("III").name
    # VII under the rules: 7.1.2 keeps 3 − 0,75 = 2,25 of its 3; 7.2 keeps 4 of its 5.
    assert summary.domains[4].recomputed == D("15.5") - D("0.75") - D("1")
    # 9,0 + 6,0 + 12,0 + 7,75 + 13,75 + 20 = 68,5 from the criteria, and so under the rules.
    assert (summary.from_criteria, summary.recomputed) == (D("68.5"), D("68.5"))


@pytest.mark.parametrize(
    ("nodes", "recomputed"),
    [
        # The annex says 1.2 is out of 2; the rules say 1,5: its 1,5 points are capped there,
        # so it loses nothing under the rules and I keeps its 10.
        ((_n("I", "10", "9.5"), _n("1.2", "2", "1.5", line=2)), D("10")),
        # A code the rules do not know: nothing can be recomputed.
        ((_n("I", "10", "9"), _n("1.99", "1", "0", line=2)), None),
        # A listed row without points.
        ((_n("I", "10", "9"), _n("1.2", None, None, line=2)), None),
        # A domain row standing alone is capped at the rules' maximum.
        ((_n("IX", "30", "27"),), D("25")),
    ],
)
def test_recomputed_under_the_rules(
    nodes: tuple[AppraisalNode, ...], recomputed: Decimal | None, rules_2022: RuleSet
) -> None:
    summary = summarise(Appraisal(nodes), rules_2022)
    assert [d.recomputed for d in summary.domains] == [recomputed]
    assert summary.recomputed == recomputed


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (_n("2.1", "2.5", "0.5", "1.75"), D("1.75")),  # the text, over max − score
        (_n("2.3", "2.75", "2.0"), D("0.75")),
        (_n("1.2", None, None, "0.5"), D("0.5")),
        (_n("1.2", "1.5", None), None),
    ],
)
def test_listed_deduction(node: AppraisalNode, expected: Decimal | None) -> None:
    assert listed_deduction(node) == expected


def test_summarise_refuses_wrong_arguments(rules_2022: RuleSet) -> None:
    appraisal = Appraisal(_SMALL)
    with pytest.raises(ArgumentError, match="appraisal"):
        summarise("annex.tsv")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="rules"):
        summarise(appraisal, "criteria_2022")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="scorecard"):
        summarise(appraisal, scorecard=rules_2022)  # type: ignore[arg-type]


def test_cli_json_has_domains_and_total(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from cchc_score.io.appraisal import dump_appraisal

    from .test_cli import run

    path = tmp_path / "appraisal.toml"
    path.write_text(dump_appraisal(read_annex(EXAMPLE / "annex.tsv")[0]), encoding="utf-8")
    for annex in (str(EXAMPLE / "annex.tsv"), str(path)):  # an annex or its appraisal.toml
        code, out, err = run(capsys, "reconcile", annex, "--format", "json")
        doc = json.loads(out, parse_float=Decimal)
        assert (code, err) == (1, "")
        assert list(doc) == [
            "schema",
            "errors",
            "warnings",
            "findings",
            "domains",
            "total",
            "text_taken",
        ]
        assert [(d["code"], d["stated"], d["from_criteria"], d["agrees"]) for d in doc["domains"]][
            4
        ] == ("V", Decimal("13.45"), Decimal("13.35"), False)
        assert doc["total"] == {
            "stated": None,
            "from_domains": Decimal("84.24"),
            "from_criteria": Decimal("84.14"),
            "recomputed": None,
            "recomputed_from": None,
        }
