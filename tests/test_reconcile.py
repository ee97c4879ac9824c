"""Reconciling an annex's arithmetic: the real 2022 annex, and one small case per finding kind."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from cchc_score import load_rules
from cchc_score.annex import Appraisal, AppraisalNode, Level
from cchc_score.io.annex import read_annex, reads_annex
from cchc_score.model import RuleSet
from cchc_score.numbers import Lang
from cchc_score.reconcile import FINDING_KINDS, Finding, reconcile

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
