"""The report package: points at the rule set's decimals, provenance, words in both
languages."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import (
    Evidence,
    RuleSet,
    evaluate,
    load_rules,
    loads_rules,
    loss_table,
    rank,
    score_many,
)
from cchc_score.evaluation import Scorecard
from cchc_score.io.annex import read_annex
from cchc_score.numbers import Lang
from cchc_score.reconcile import Finding, Summary
from cchc_score.report import (
    batch_xlsx,
    render_appraisal,
    render_batch,
    render_findings,
    render_ledger,
    render_scorecard,
    ruleset_summary,
    scorecard_json,
)
from cchc_score.words import text

from .conftest import DATA, ROOT

MINIMAL = (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8")


def _rules(decimals: int) -> RuleSet:
    text = MINIMAL.replace("max = 10\n", f"max = 10\ndecimals = {decimals}\n", 1)
    text = text.replace('code = "1.1"\n', 'code = "1.1"\nreference = "QĐ 1/2022"\n', 1)
    return loads_rules(text, "minimal.toml")


def _evidence() -> Evidence:
    return Evidence(
        "Xã A",
        2022,
        facts={
            "done": 2,
            "planned": 3,
            "share": Decimal("0.9"),
            "late": 1,
            "level": "cao",
            "items": frozenset({"a"}),
        },
        appraised={"1.6": Decimal("1.5")},
    )


def _card(decimals: int) -> Scorecard:
    return evaluate(_rules(decimals), _evidence())


@pytest.mark.parametrize(
    ("decimals", "row", "total"),
    [
        # 1.1 is 2 × 2/3: the table used to show 2 places whatever the rule set said;
        # maxima are shown at the rule set's decimals too (issue 13: "0,50/1,00").
        (3, "1.1   Tỷ lệ hoàn thành              2,000       1,333       0,667", "7,833/10,000"),
        (1, "1.1   Tỷ lệ hoàn thành                2,0         1,3         0,7", "7,8/10,0"),
        (0, "1.1   Tỷ lệ hoàn thành                  2           1           1", "9/10"),
    ],
)
def test_points_show_with_the_rule_sets_decimals(decimals: int, row: str, total: str) -> None:
    lines = render_scorecard(_card(decimals), depth=2).splitlines()
    assert row in lines
    assert f"Tổng điểm: {total}" in lines


def test_the_ledger_shows_where_each_criterion_comes_from() -> None:
    card = _card(2)
    assert render_ledger(card, "1.1").splitlines()[2:] == [
        "1.1       −0,67    1,33/2,00  Tỷ lệ hoàn thành",
        "         → 2/3 nhiệm vụ hoàn thành → 2 × 2/3 = 1,33 điểm",
        "           Căn cứ: QĐ 1/2022",
        "           Cơ sở xác định (bằng tiếng Anh): test",  # a basis in English, said so
    ]
    english = render_ledger(card, "1.1", "markdown", "en").splitlines()[2:]
    # "QĐ 1/2022" (quyết định) is Vietnamese, and said to be in an English report.
    assert english[2:] == [
        "             Reference (in Vietnamese): QĐ 1/2022",
        "             Basis: test",
    ]


def test_the_json_carries_provenance_and_units() -> None:
    node = next(n for n in scorecard_json(_card(2))["nodes"] if n["code"] == "1.1")
    assert (node["reference"], node["basis"]) == ("QĐ 1/2022", "test")
    assert node["inputs"] == {
        "done": {"value": 2, "unit": None},
        "planned": {"value": 3, "unit": None},
    }


def test_a_batch_shows_points_with_the_rule_sets_decimals(tmp_path: Path) -> None:
    ranking = rank(score_many(_rules(3), [_evidence()]))
    table = loss_table(ranking.scorecards)
    assert "     1  Xã A            7,833  Chưa tốt" in render_batch(ranking, table).splitlines()
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "x.xlsx"
    target.write_bytes(batch_xlsx(ranking, table))
    assert openpyxl.load_workbook(target)["Xếp hạng"]["D2"].number_format == "0.000"


@pytest.mark.parametrize(
    ("lang", "header", "total"),
    [
        ("vi", ["Dòng", "Mã", "Tên", "Tối", "đa", "Điểm", "chấm", "Trừ", "(ghi)"], "Tổng điểm ghi"),
        (
            "en",
            ["Line", "Code", "Name", "Maximum", "Score", "Deduction", "(stated)"],
            "Stated total",
        ),
    ],
)
def test_an_imported_annex_in_either_language(lang: Lang, header: list[str], total: str) -> None:
    appraisal, plan = read_annex(DATA / "annex" / "total_row.tsv")
    lines = render_appraisal(appraisal, plan, lang=lang).splitlines()
    assert lines[0].split() == header
    assert any(line.startswith(f"{total}: ") for line in lines)


HOSTILE_NAMES = ["=1+1", "-2+3", "@SUM(A1)", "Esc\x1b[2J", "Bel\x07", "Nul\x00"]


def test_csv_cells_hold_users_text_as_text_and_numbers_as_numbers(rules: RuleSet) -> None:
    import csv
    import io

    from cchc_score.batch import score_many as stream
    from cchc_score.report import losses_csv, ranking_csv, results_csv

    from .test_batch import ward

    units = [ward(name, str(10 + i)) for i, name in enumerate(HOSTILE_NAMES)]
    ranking = rank(score_many(rules, units))
    expected = {"'=1+1", "'-2+3", "'@SUM(A1)", "Esc\\u001b[2J", "Bel\\u0007", "Nul\\u0000"}
    rows = list(csv.DictReader(io.StringIO(ranking_csv(ranking))))
    assert {row["unit"] for row in rows} == expected
    assert {row["total"] for row in rows} == {"75.09", "76.09", "77.09", "78.09", "79.09", "80.09"}
    header = next(csv.reader(io.StringIO(losses_csv(loss_table(ranking.scorecards)))))
    assert set(header[5:]) == expected
    lines = "".join(results_csv(rules, stream(rules, units)))
    assert {row["unit"] for row in csv.DictReader(io.StringIO(lines))} == expected


def test_text_reports_escape_control_characters(rules: RuleSet) -> None:
    from .test_batch import ward

    units = [ward(name, "15") for name in HOSTILE_NAMES]
    ranking = rank(score_many(rules, units))
    table = loss_table(ranking.scorecards)
    for fmt in ("table", "markdown", "json"):
        text = render_batch(ranking, table, fmt)
        assert not any(c in text for c in "\x1b\x07\x00"), fmt
        assert "Esc\\u001b[2J" in text
    card = evaluate(rules, ward("Esc\x1b[2J", "15"))
    assert "\x1b" not in render_scorecard(card)
    assert "\x1b" not in render_ledger(card)


def test_a_workbook_holds_control_characters_and_formulas_as_text(rules: RuleSet) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import io

    from .test_batch import ward

    ranking = rank(score_many(rules, [ward(name, "15") for name in HOSTILE_NAMES]))
    data = batch_xlsx(ranking, loss_table(ranking.scorecards))  # openpyxl used to refuse ESC
    cells = openpyxl.load_workbook(io.BytesIO(data))["Xếp hạng"]["C"][1:]
    assert {c.value for c in cells} == {
        "'=1+1",
        "'-2+3",
        "'@SUM(A1)",
        "Esc\\u001b[2J",
        "Bel\\u0007",
        "Nul\\u0000",
    }
    assert {c.data_type for c in cells} == {"s"}


# --------------------------------------------------------------------------- reconcile


def _example_summary(rules: RuleSet | None = None) -> tuple[tuple[Finding, ...], Summary]:
    from cchc_score.reconcile import reconcile, summarise

    appraisal = read_annex(ROOT / "examples" / "ward_2022" / "annex.tsv")[0]
    return reconcile(appraisal, rules), summarise(appraisal, rules)


def test_reconcile_json_has_domains_and_total() -> None:
    import json

    findings, summary = _example_summary(load_rules("criteria_2022"))
    doc = json.loads(render_findings(findings, "json", "en", summary), parse_float=Decimal)
    assert list(doc) == [
        "schema",
        "errors",
        "warnings",
        "findings",
        "domains",
        "total",
        "text_taken",
    ]
    assert (doc["errors"], doc["warnings"], len(doc["findings"])) == (3, 3, 6)
    fifth = doc["domains"][4]
    assert fifth == {
        "code": "V",
        "name": "Cải cách chế độ công vụ",
        "line": 26,
        "max": Decimal("14"),
        "stated": Decimal("13.45"),
        "criteria": 3,
        "deductions": Decimal("0.65"),
        "from_criteria": Decimal("13.35"),
        "recomputed": Decimal("13.35"),
        "agrees": False,
    }
    assert [d["agrees"] for d in doc["domains"]].count(True) == 8
    assert doc["total"] == {
        "stated": None,
        "from_domains": Decimal("84.24"),
        "from_criteria": Decimal("84.14"),
        "recomputed": Decimal("84.14"),
        "recomputed_from": "rules",
    }
    assert doc["text_taken"] == [
        {
            "code": "2.1",
            "line": 15,
            "stated_deduction": Decimal("1.75"),
            "max_minus_score": Decimal("2.0"),
        }
    ]


def test_reconcile_json_without_a_summary_keeps_its_keys() -> None:
    import json

    findings, _ = _example_summary()
    assert list(json.loads(render_findings(findings, "json"))) == [
        "schema",
        "errors",
        "warnings",
        "findings",
    ]


@pytest.mark.parametrize(
    ("lang", "header", "row", "lines"),
    [
        ("vi",
         "Mã    Lĩnh vực                            Tối đa    Điểm ghi    Số tiêu chí    Trừ theo "
         "tiêu chí    Điểm theo tiêu chí  Đối chiếu",
         "V     Cải cách chế độ công vụ              14,00       13,45              3          "
         "       0,65                 13,35  lệch",
         ["Tiêu chí 2.1 (dòng 15): lấy điểm trừ ghi trong văn bản (1,75), không lấy điểm tối "
          "đa − điểm chấm (2,00).",
          "Lĩnh vực không liệt kê tiêu chí nào, giữ điểm ghi của chính nó: IV, VIII, IX.",
          "Các lĩnh vực như đã ghi cộng lại được 84,24 điểm; các tiêu chí như đã liệt kê cho "
          "84,14 điểm."]),
        ("en",
         "Code    Domain                              Maximum    Stated    Criteria    Criteria "
         "lost    From criteria  Check",
         "V       Cải cách chế độ công vụ               14.00     13.45           3             "
         "0.65            13.35  differs",
         ["Criterion 2.1 (line 15): the deduction its text states (1.75) is taken, not max − "
          "score (2.00).",
          "Domains with no criterion listed keep their own stated points: IV, VIII, IX.",
          "The domains as stated add to 84.24; the criteria as listed give 84.14."]),
    ],
)  # fmt: skip
def test_reconcile_table_in_either_language(
    lang: Lang, header: str, row: str, lines: list[str]
) -> None:
    findings, summary = _example_summary()
    out = render_findings(findings, "table", lang, summary).splitlines()
    start = out.index(text("report.domains", lang))
    assert out[start + 2] == header
    assert out[start + 8] == row
    assert out[-3:] == lines


@pytest.mark.parametrize(
    ("lang", "column", "total"),
    [
        ("vi", "Tính lại theo bộ tiêu chí",
         "Các lĩnh vực như đã ghi cộng lại được 84,24 điểm; tổng điểm ghi là 84,24 điểm; các "
         "tiêu chí như đã liệt kê cho 84,14 điểm; tính lại theo bộ tiêu chí được 84,14 điểm."),
        ("en", "Under the rules",
         "The domains as stated add to 84.24; the stated total is 84.24; the criteria as listed "
         "give 84.14; recomputed under the rules, 84.14."),
    ],
)  # fmt: skip
def test_reconcile_markdown_with_rules_and_a_total(lang: Lang, column: str, total: str) -> None:
    from cchc_score.io.annex import reads_annex
    from cchc_score.reconcile import reconcile, summarise

    annex = (ROOT / "examples" / "ward_2022" / "annex.tsv").read_text(encoding="utf-8")
    appraisal, _ = reads_annex(annex + "\nTổng cộng\t\t100\t84,24\n")
    rules = load_rules("criteria_2022")
    out = render_findings(
        reconcile(appraisal, rules), "markdown", lang, summary=summarise(appraisal, rules)
    )
    assert f"**{text('report.domains', lang)}**" in out
    assert re.search(rf"\|\s+{column}\s+\|", out)
    # Markdown would join adjacent lines into one paragraph: each note stands apart.
    assert out.endswith(f"\n\n{total}\n")


def test_reconcile_table_without_findings_shows_unknowns() -> None:
    from cchc_score.annex import Appraisal, AppraisalNode
    from cchc_score.reconcile import summarise

    node = AppraisalNode("3.1", "x", "criterion", Decimal(1), Decimal(1), line=2)
    summary = summarise(Appraisal((node,)))
    out = render_findings((), "table", "en", summary)
    assert out.startswith("No inconsistency found.\n\nPoints by domain\n")
    # No row for III and no rules: its maximum, stated and resulting points are unknown.
    row = next(line for line in out.splitlines() if line.startswith("III"))
    assert row.split() == ["III", "—", "—", "1", "0.00", "—", "—"]
    assert out.endswith(f"{row}\n")  # no note, and no total line: nothing is known


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "10 points, 1 domain, 6 criteria (6 scored by rules or appraisal), 6 facts, "
               "2 rating bands"),
        ("vi", "10 điểm, 1 lĩnh vực, 6 tiêu chí (6 tiêu chí chấm theo quy tắc hoặc theo thẩm "
               "định), 6 số liệu, 2 mức xếp loại"),
    ],
)  # fmt: skip
def test_a_summary_says_one_domain_and_many_criteria(lang: Lang, said: str) -> None:
    assert ruleset_summary(_rules(2), lang).endswith(said)


@pytest.mark.parametrize(
    ("lang", "errors", "said"),
    [
        ("en", 1, "1 error, 0 warnings"),
        ("en", 2, "2 errors, 1 warning"),
        ("vi", 1, "1 lỗi, 0 cảnh báo"),
    ],
)
def test_findings_are_counted_with_real_plurals(lang: Lang, errors: int, said: str) -> None:
    error = Finding("error", "2.1", "deduction_mismatch", Decimal("1.75"), Decimal(2), 15)
    warning = Finding("warning", "2.2", "missing_deadline", None, None, 16)
    findings = [error] * errors + ([warning] if errors > 1 else [])
    assert said in render_findings(findings, "table", lang).splitlines()
