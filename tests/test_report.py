"""The report package: points at the rule set's decimals, provenance, words in both
languages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import Evidence, RuleSet, evaluate, loads_rules, loss_table, rank, score_many
from cchc_score.evaluation import Scorecard
from cchc_score.io.annex import read_annex
from cchc_score.numbers import Lang
from cchc_score.report import (
    batch_xlsx,
    render_appraisal,
    render_batch,
    render_ledger,
    render_scorecard,
    scorecard_json,
)

from .conftest import DATA

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
        # 1.1 is 2 × 2/3: the table used to show 2 places whatever the rule set said.
        (3, "1.1   Tỷ lệ hoàn thành                  2       1,333       0,667", "7,833/10"),
        (1, "1.1   Tỷ lệ hoàn thành                  2         1,3         0,7", "7,8/10"),
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
        "1.1       −0,67       1,33/2  Tỷ lệ hoàn thành",
        "         → 2/3 nhiệm vụ hoàn thành → 2 × 2/3 = 1,33 điểm",
        "           Căn cứ: QĐ 1/2022",
        "           Cơ sở xác định: test",
    ]
    english = render_ledger(card, "1.1", "markdown", "en").splitlines()[2:]
    assert english[2:] == ["             Reference: QĐ 1/2022", "             Basis: test"]


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
