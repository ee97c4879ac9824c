"""Batches: reading folders and tables, ranking with ties, the loss table, CSV round trips."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cchc_score import (
    Evidence,
    LossTable,
    RuleSet,
    UnitResult,
    dump_evidence_csv,
    evaluate,
    load_evidence,
    loss_table,
    rank,
    score_many,
)
from cchc_score.errors import ArgumentError, EvidenceError
from cchc_score.io.folder import named_rules
from cchc_score.report import results_csv

from .conftest import EXAMPLE, ROOT

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

DISTRICT = ROOT / "examples" / "district_2022"
WARDS = DISTRICT / "wards.csv"
#: The example ward scores 84.14 with IX appraised at 19.05 (README, "The example ward").
WARD = load_evidence(EXAMPLE / "evidence.toml")


def ward(name: str, ix: str) -> Evidence:
    """The example ward under another name, with IX appraised at ``ix``: its total is
    84.14 − 19.05 + ix, since IX is a domain scored by appraisal alone."""
    return attrs.evolve(WARD.with_appraised(IX=Decimal(ix)), unit=name)


def table_rows() -> list[list[str]]:
    with WARDS.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def write_table(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return path


def set_cell(rows: list[list[str]], unit: str, column: str, value: str) -> None:
    row = next(r for r in rows if r[0] == unit)
    row[rows[0].index(column)] = value


# --------------------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    ("ix", "expected"),
    [
        # Totals 84.14 − 19.05 + IX: A 84.14, B 86.14, C 84.14, D 80.14, E 86.14. B and E tie
        # first (1, 1), A and C tie next and take rank 3 (two units are above them), D is 5th.
        (
            {"A": "19.05", "B": "21.05", "C": "19.05", "D": "15.05", "E": "21.05"},
            [
                (1, True, "B", "86.14"),
                (1, True, "E", "86.14"),
                (3, True, "A", "84.14"),
                (3, True, "C", "84.14"),
                (5, False, "D", "80.14"),
            ],
        ),
        # All equal: everyone is first, and tied.
        (
            {"B": "19.05", "A": "19.05", "C": "19.05"},
            [(1, True, "A", "84.14"), (1, True, "B", "84.14"), (1, True, "C", "84.14")],
        ),
        # All different: 1, 2, 3 whatever the order they were read in.
        (
            {"A": "10", "B": "25", "C": "19.05"},
            [(1, False, "B", "90.09"), (2, False, "C", "84.14"), (3, False, "A", "75.09")],
        ),
        # A tie at the bottom only: 1, 2, 2.
        (
            {"A": "20", "B": "19.05", "C": "19.05"},
            [(1, False, "A", "85.09"), (2, True, "B", "84.14"), (2, True, "C", "84.14")],
        ),
        ({"A": "19.05"}, [(1, False, "A", "84.14")]),
        ({}, []),
    ],
)
def test_competition_ranking(
    rules: RuleSet, ix: dict[str, str], expected: list[tuple[int, bool, str, str]]
) -> None:
    ranking = rank(score_many(rules, [ward(name, points) for name, points in ix.items()]))
    got = [(u.rank, u.tied, u.unit, format(u.total, "f")) for u in ranking.units]
    assert got == expected
    assert ranking.invalid == ()


def test_the_example_district_ranks_with_a_tie(rules: RuleSet) -> None:
    # The totals are in examples/district_2022/README.md; C and D tie on 87.25.
    ranking = rank(score_many(rules, DISTRICT))
    assert [(u.rank, u.unit, str(u.total)) for u in ranking.units] == [
        (1, "Phường mẫu F", "95.35"),
        (2, "Phường mẫu B", "91.60"),
        (3, "Phường mẫu C", "87.25"),
        (3, "Phường mẫu D", "87.25"),
        (5, "Phường mẫu A", "84.35"),
        (6, "Phường mẫu E", "79.60"),
        # 1.2: 12/18 = 66,7% of the plan done is below the 80% floor, so 0, not 1,5 × 12/18
        # = 1,00 (rules/criteria_2022.toml): 68,40 − 1,00.
        (7, "Xã mẫu G", "67.40"),
    ]
    assert [u.tied for u in ranking.units] == [False, False, True, True, False, False, False]


def test_units_sharing_a_name_are_not_ranked(rules: RuleSet) -> None:
    results = list(score_many(rules, [ward("X", "19.05"), ward("Y", "20"), ward("X", "21")]))
    results = [attrs.evolve(r, source="b.csv", line=n) for n, r in enumerate(results, start=2)]
    ranking = rank(results)
    assert [u.unit for u in ranking.units] == ["Y"]
    assert [[str(p) for p in r.problems] for r in ranking.invalid] == [
        [
            "b.csv: line 2: unit: 'X' is also the name of the unit at b.csv: line 4; give each "
            "unit its own name (add the district if two communes share a name)"
        ],
        [
            "b.csv: line 4: unit: 'X' is also the name of the unit at b.csv: line 2; give each "
            "unit its own name (add the district if two communes share a name)"
        ],
    ]


def test_scorecards_of_different_rules_are_not_compared(rules: RuleSet) -> None:
    other = attrs.evolve(rules, id="criteria_other")
    cards = [evaluate(rules, ward("A", "19")), evaluate(other, ward("B", "19"))]
    message = re.escape(
        "cannot compare scorecards of different rule sets: 'criteria_2022' ('A') and "
        "'criteria_other' ('B')"
    )
    with pytest.raises(ValueError, match=message):
        rank(UnitResult(c.unit, None, scorecard=c) for c in cards)
    with pytest.raises(ValueError, match=message):
        loss_table(cards)


# --------------------------------------------------------------------------- losses


def test_a_ranking_keeps_points_only_and_says_so(rules: RuleSet) -> None:
    first = rank(score_many(rules, DISTRICT)).units[0]
    # The highest total of the district (its README): 95.35, rated Tốt.
    assert (str(first.total), first.scorecard.rating.name if first.scorecard.rating else None) == (
        "95.35",
        "Tốt",
    )
    assert first.scorecard.values == ()
    with pytest.raises(ArgumentError) as info:
        first.scorecard.node("1.1")
    assert info.value.codes == ("E-BATCH-POINTS-ONLY",)
    assert info.value.text("vi") == (
        "scorecard: bảng xếp hạng chỉ giữ điểm của mỗi đơn vị; chấm lại đơn vị (evaluate) "
        f"để giải thích (giá trị: {first.unit!r})"
    )


def test_loss_table_adds_up_to_the_scorecards(rules: RuleSet) -> None:
    ranking = rank(score_many(rules, DISTRICT))
    cards = ranking.scorecards
    table = loss_table(cards)
    assert table.units == tuple(card.unit for card in cards)
    # A ranking keeps points only: the ledgers come from the full scorecards.
    full = {r.unit: r.scorecard for r in score_many(rules, DISTRICT)}
    for column, ranked in enumerate(cards):
        card = full[ranked.unit]
        assert card is not None
        assert ranked.points == card.points
        # Each unit's column adds up to its ledger of deductions, and to max − total.
        ledger = sum((node.deduction for node in card.deductions()), Decimal(0))
        cells = sum((row.deductions[column] for row in table.criteria), Decimal(0))
        assert cells == ledger == table.lost[column] == card.max - card.total
        # Every leaf that lost points is in the table, with its deduction.
        assert {n.code: n.deduction for n in card.deductions()} == {
            row.code: row.deductions[column] for row in table.criteria if row.deductions[column]
        }
    for row in table.criteria:
        assert row.total == sum(row.deductions, Decimal(0))
        assert row.units_lost == sum(1 for d in row.deductions if d > 0) > 0
    totals = [row.total for row in table.criteria]
    assert totals == sorted(totals, reverse=True)
    # The largest losses, as examples/district_2022/README.md says.
    assert [(r.code, str(r.total), r.units_lost) for r in table.criteria[:3]] == [
        ("IX", "60.65", 7),
        ("2.1", "5.00", 3),
        ("7.1.2", "4.27", 4),
    ]


def test_loss_table_ties_keep_rule_file_order(rules: RuleSet) -> None:
    # The example ward alone: its ledger (README's `explain`) loses 0.50 on seven criteria,
    # which keep the rule file's order; for one unit the table is the ledger.
    card = evaluate(rules, WARD)
    table = loss_table([card])
    assert [row.code for row in table.criteria] == [n.code for n in card.deductions()]
    assert [row.code for row in table.criteria if row.total == Decimal("0.50")] == [
        "1.7",
        "1.8",
        "3.1",
        "5.7.2",
        "6.5",
        "7.1.1.3",
        "7.2.5",
    ]
    assert loss_table([]) == loss_table(()) == LossTable((), (), ())


def test_loss_table_refuses_two_units_of_one_name(rules: RuleSet) -> None:
    card = evaluate(rules, ward("A", "19"))
    with pytest.raises(ValueError, match="two scorecards are for the unit 'A'"):
        loss_table([card, card])


# --------------------------------------------------------------------------- reading


def test_folder_and_table_give_the_same_ranking(rules: RuleSet) -> None:
    def summary(source: Path) -> list[tuple[int, bool, str, tuple[Decimal, ...]]]:
        ranking = rank(score_many(rules, source))
        assert ranking.invalid == ()
        return [(u.rank, u.tied, u.unit, u.scorecard.points) for u in ranking.units]

    assert summary(DISTRICT) == summary(WARDS)
    assert len(summary(WARDS)) == 7


def test_a_workbook_gives_the_same_ranking_as_its_csv(rules: RuleSet, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for i, row in enumerate(table_rows()):
        # As an analyst's sheet holds them: numbers as numbers (a float such as 0.955 read
        # by its shortest form), text as text, and no empty cells kept at a row's end.
        while i and row and not row[-1]:
            row.pop()
        book.active.append([_excel_value(cell) if i else cell for cell in row])
    path = tmp_path / "wards.xlsx"
    book.save(path)

    def summary(source: Path) -> list[tuple[int, str, tuple[Decimal, ...]]]:
        ranking = rank(score_many(rules, source))
        assert ranking.invalid == ()
        return [(u.rank, u.unit, u.scorecard.points) for u in ranking.units]

    assert summary(path) == summary(WARDS)
    assert named_rules(str(path)) == ("criteria_2022",)


def _excel_value(cell: str) -> object:
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        return float(cell)
    except ValueError:
        return cell


def test_a_bad_row_is_reported_with_its_line_and_the_rest_is_ranked(
    rules: RuleSet, tmp_path: Path
) -> None:
    rows = table_rows()
    # Line 1 is the header, so Phường mẫu D (the 4th unit) is line 5, Xã mẫu G line 8.
    set_cell(rows, "Phường mẫu D", "staff_total", "0")
    set_cell(rows, "Phường mẫu D", "investment_disbursement_rate", "120%")
    set_cell(rows, "Xã mẫu G", "appraised:IX", "1,234")
    path = write_table(tmp_path / "districts.csv", rows)
    ranking = rank(score_many(rules, path))
    assert [u.unit for u in ranking.units] == [
        "Phường mẫu F",
        "Phường mẫu B",
        "Phường mẫu C",
        "Phường mẫu A",
        "Phường mẫu E",
    ]
    assert [(r.unit, r.line, [str(p) for p in r.problems]) for r in ranking.invalid] == [
        (
            "Phường mẫu D",
            5,
            [
                f"{path}: line 5: facts.investment_disbursement_rate: a ratio must be between "
                "0 and 1 (write 91,3% as \"91,3%\" or 0.913) (got '120%')",
                f"{path}: line 5: facts.staff_total: must be ≥ 1 (got '0')",
            ],
        ),
        (
            "Xã mẫu G",
            8,
            [
                f"{path}: line 8: appraised.IX: ambiguous number '1,234': thousands separator "
                "or decimal comma? write it without grouping, e.g. 1234 or 1.234 as a plain "
                "number",
                # Reported once: the unreadable cell is not reported again as missing.
            ],
        ),
    ]


def test_rows_that_cannot_be_read(rules: RuleSet, tmp_path: Path) -> None:
    rows = table_rows()
    header = ",".join(rows[0])
    good = WARDS.read_text(encoding="utf-8").splitlines()[1]
    cells = len(rows[0])
    text = "\n".join(
        [
            header,  # line 1
            good,  # line 2
            "",  # line 3: blank, skipped
            "Phường X," + "," * (cells - 3),  # line 4: one cell short
            'Phường Y,2022,"criteria_2022' + "," * (cells - 3),  # line 5: quote never closed
        ]
    )
    path = tmp_path / "t.csv"
    path.write_text(text + "\n", encoding="utf-8")
    results = list(score_many(rules, path))
    assert [(r.unit, r.line, r.ok) for r in results] == [
        ("Phường mẫu A", 2, True),
        ("Phường X", 4, False),
        ("", 5, False),
    ]
    assert [str(p) for r in results[1:] for p in r.problems] == [
        f"{path}: line 4: {cells - 1} cells, but the header (line 1) has {cells} columns; a row "
        "must have a cell for every column, empty where nothing is given",
        f"{path}: line 5: not valid CSV: unexpected end of data",
    ]


def test_a_line_that_is_not_utf8(rules: RuleSet, tmp_path: Path) -> None:
    lines = WARDS.read_bytes().split(b"\n")
    lines[3] = lines[3].replace("Phường mẫu C".encode(), b"Ph\xff\xfeng C")
    path = tmp_path / "t.csv"
    path.write_bytes(b"\n".join(lines))
    results = list(score_many(rules, path))
    assert [r.ok for r in results] == [True, True, False, True, True, True, True]
    assert [str(p) for p in results[2].problems] == [
        f"{path}: line 4: not UTF-8 text (got b'\\xff\\xfeng')"
    ]


@pytest.mark.parametrize(
    ("name", "delimiter", "encode"),
    [
        # A spreadsheet's "CSV UTF-8": a BOM, CRLF line ends.
        ("bom_crlf.csv", ",", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode()),
        # Vietnamese decomposed (NFD), as some Mac tools write it.
        ("nfd.csv", ",", lambda t: unicodedata.normalize("NFD", t).encode()),
        ("tabs.tsv", "\t", str.encode),
        # A semicolon separator (spreadsheets set to the decimal comma write these), found from
        # the header whatever the extension.
        ("semicolons.csv", ";", str.encode),
        # Old Mac line ends.
        ("cr.txt", "\t", lambda t: t.replace("\n", "\r").encode()),
    ],
)
def test_table_encodings_and_separators(
    rules: RuleSet, tmp_path: Path, name: str, delimiter: str, encode: object
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(table_rows())
    path = tmp_path / name
    path.write_bytes(encode(buffer.getvalue()))  # type: ignore[operator]
    got = [
        (r.unit, r.line, r.scorecard.total if r.scorecard else None)
        for r in score_many(rules, path)
    ]
    expected = [
        (r.unit, r.line, r.scorecard.total if r.scorecard else None)
        for r in score_many(rules, WARDS)
    ]
    assert got == expected


def test_cells_as_written(rules: RuleSet, tmp_path: Path) -> None:
    rows = table_rows()
    # "-" is a checklist with nothing done (7.1.1.3 → 0); items may be spaced oddly; numbers
    # take a decimal comma or point and a ratio a percentage; cells are trimmed.
    set_cell(rows, "Phường mẫu A", "portal_sections", "-")
    set_cell(rows, "Phường mẫu A", "legal_documents_work", " kiểm tra, rà soát văn bản ;; ")
    set_cell(rows, "Phường mẫu A", "investment_disbursement_rate", " 0,925 ")
    set_cell(rows, "Phường mẫu A", "appraised:IX", "15,47")
    (a,) = [r for r in score_many(rules, write_table(tmp_path / "t.csv", rows)) if r.line == 2]
    assert a.scorecard is not None
    assert a.scorecard.node("7.1.1.3").points == 0
    assert a.scorecard.node("2.1").points == Decimal("0.75")
    assert a.scorecard.node("6.1").points == Decimal("0.90")
    # 84.35 (README) − 1.50 for the portal sections left out.
    assert a.scorecard.total == Decimal("82.85")


@pytest.mark.parametrize(
    ("header", "messages"),
    [
        (
            "unit,staf_total,appraised:V,notes:9.9,foo:IX,,unit",
            [
                'line 1: column "staf_total": not a fact declared by the rules '
                "'criteria_2022', nor 'unit', 'year', 'rules' or appraised:CODE, "
                "not_assessed:CODE, notes:CODE; declared: cchc_plan_tasks_total, "
                "cchc_plan_tasks_done, initiative_level, assigned_tasks_late, "
                "legal_documents_work, law_monitoring_work, expired_procedures_posted, "
                "feedback_address_posting, staff_total, staff_rated_good, staff_untrained, "
                "criticism_letters, investment_disbursement_rate, budget_allocation, "
                "budget_use_findings, late_reports, portal_sections, online_dossiers, "
                "dossiers_total, postal_dossier_share, records_filing",
                'line 1: column "appraised:V": criterion V is the sum of its sub-criteria; '
                "give appraised points for them instead",
                "line 1: column \"notes:9.9\": no criterion has this code (got '9.9')",
                "line 1: column \"foo:IX\": unknown column kind 'foo'; expected one of "
                "'appraised:CODE', 'not_assessed:CODE', 'notes:CODE'",
                'line 1: column "unit": appears twice (columns 1 and 7)',
            ],
        ),
        (
            "\n\nyear,staff_total",
            [
                "line 3: the header has no 'unit' column; expected 'unit', optionally 'year' "
                "and 'rules', then a column per fact and appraised:CODE columns"
            ],
        ),
        ("unit,staff_total", ["line 1: no rows under the header; expected a row per unit"]),
        ("\n \n", ["the table is empty; expected a header row, then a row per unit"]),
    ],
)
def test_header_problems_stop_the_table(
    rules: RuleSet, tmp_path: Path, header: str, messages: list[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(header + "\n", encoding="utf-8")
    with pytest.raises(EvidenceError) as caught:
        list(score_many(rules, path))
    assert [str(p) for p in caught.value.problems] == [f"{path}: {m}" for m in messages]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nope.csv", "cannot read the file: No such file or directory"),
        ("nope", "no such file or folder"),
        (
            "ward.toml",
            "expected a folder of evidence files, or a table with the extension "
            ".csv, .tsv, .tab, .txt, .xlsx",
        ),
        ("empty", "no evidence files (*.toml, *.json) in this folder"),
        (
            "wards.ods",
            "expected a folder of evidence files, or a table with the extension .csv, .tsv, "
            ".tab, .txt, .xlsx; save the sheet as CSV UTF-8",
        ),
        (
            "wards.xlsx",
            "cannot open the Excel workbook (got 'BadZipFile: File is not a zip file')",
        ),
    ],
)
def test_sources_that_cannot_be_read(
    rules: RuleSet, tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "ward.toml").write_text('unit = "X"\n', encoding="utf-8")
    (tmp_path / "wards.xlsx").write_bytes(b"PK")
    (tmp_path / "wards.ods").write_bytes(b"PK")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not evidence\n", encoding="utf-8")
    path = tmp_path / name
    with pytest.raises(EvidenceError) as caught:
        list(score_many(rules, path))
    assert str(caught.value) == f"{path}: {message}"


def test_a_folder_lists_files_it_cannot_score(rules: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes((EXAMPLE / "evidence.toml").read_bytes())
    (tmp_path / "b.json").write_text('{"unit": "B", "facts": {"staff_total": 0}}', "utf-8")
    (tmp_path / "c.toml").write_text("unit = \n", encoding="utf-8")
    (tmp_path / ".hidden.toml").write_text("not read\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("not read\n", encoding="utf-8")
    results = list(score_many(rules, tmp_path))
    assert [(Path(r.source or "").name, r.unit, r.ok) for r in results] == [
        ("a.toml", "Phường mẫu (phụ lục 2022)", True),
        ("b.json", "B", False),
        ("c.toml", "", False),
    ]
    assert str(results[1].problems[0]) == (
        f"{tmp_path / 'b.json'}: facts.staff_total: must be ≥ 1 (got 0)"
    )
    assert [str(p) for p in results[2].problems] == [
        f"{tmp_path / 'c.toml'}: line 1, column 8: invalid TOML: Invalid value"
    ]


def test_named_rules(tmp_path: Path) -> None:
    assert named_rules(DISTRICT) == ("criteria_2022",)
    assert named_rules(WARDS) == ("criteria_2022",)
    rows = table_rows()
    set_cell(rows, "Phường mẫu B", "rules", "../rules/mine.toml")
    set_cell(rows, "Phường mẫu C", "rules", "")
    path = write_table(tmp_path / "t.csv", rows)
    assert named_rules(path) == ("criteria_2022", str(tmp_path.parent / "rules" / "mine.toml"))
    at = rows[0].index("rules")
    no_rules = write_table(tmp_path / "u.csv", [r[:at] + r[at + 1 :] for r in rows])
    assert named_rules(no_rules) == ()
    # A row whose cells are shifted (the year left out) names no rules: scoring lists it.
    fresh = table_rows()
    shifted = write_table(tmp_path / "v.csv", [fresh[0], fresh[1][:1] + fresh[1][2:], *fresh[2:]])
    assert named_rules(shifted) == ("criteria_2022",)


def test_named_rules_of_a_table_without_units(tmp_path: Path) -> None:
    header_only = write_table(tmp_path / "t.csv", table_rows()[:1])
    with pytest.raises(EvidenceError) as info:
        named_rules(header_only)
    assert (
        str(info.value)
        == f"{header_only}: line 1: no rows under the header; expected a row per unit"
    )


# --------------------------------------------------------------------------- writing


def test_evidence_round_trips_through_a_table(rules: RuleSet, tmp_path: Path) -> None:
    evidences = [load_evidence(p) for p in sorted(DISTRICT.glob("*.toml"))]
    path = tmp_path / "t.tsv"
    path.write_text(dump_evidence_csv(rules, evidences, delimiter="\t"), encoding="utf-8")
    back = list(score_many(rules, path))
    assert [r.scorecard for r in back] == [evaluate(rules, e) for e in evidences]
    assert WARDS.read_text(encoding="utf-8") == dump_evidence_csv(rules, evidences)


def test_an_empty_table_is_a_template(rules: RuleSet) -> None:
    header = dump_evidence_csv(rules, []).rstrip("\n").split(",")
    assert header[:3] == ["unit", "year", "rules"]
    assert header[3:24] == [fact.name for fact in rules.facts]
    assert header[24:] == [
        f"appraised:{c}"
        for c in ("1.r", "2.r", "3.r", "4.r", "5.r", "6.r", "7.1.r", "7.2.r", "8.r", "IX")
    ]


def test_a_checklist_item_with_the_separator_is_refused(rules: RuleSet) -> None:
    evidence = Evidence("A", facts={"portal_sections": ("a; b",)})
    with pytest.raises(ValueError, match="the checklist item 'a; b' contains ';'"):
        dump_evidence_csv(rules, [evidence])


def test_results_round_trip_through_csv(rules: RuleSet, tmp_path: Path) -> None:
    rows = table_rows()
    set_cell(rows, "Phường mẫu C", "staff_total", "")
    path = write_table(tmp_path / "t.csv", rows)
    results = list(score_many(rules, path))
    text = "".join(results_csv(rules, results))
    back = list(csv.DictReader(io.StringIO(text)))
    assert len(back) == len(results) == 7
    for row, result in zip(back, results, strict=True):
        assert (row["unit"], row["source"], row["line"]) == (
            result.unit,
            str(path),
            str(result.line),
        )
        problems = row["problems"].split("\n") if row["problems"] else []
        assert problems == [p.text("vi") for p in result.problems]
        card = result.scorecard
        if card is None:
            assert (row["total"], row["rating"], row["I"]) == ("", "", "")
            continue
        assert Decimal(row["total"]) == card.total
        assert row["rating"] == (card.rating.name if card.rating else "")
        assert {d.code: Decimal(row[d.code]) for d in card.domains} == {
            d.code: d.points for d in card.domains
        }
    assert back[2]["problems"] == f"{path}: dòng 4: facts: thiếu số liệu: staff_total (cho 5.1)"


# ------------------------------------------------------------ issue 10: an imported folder


def test_a_folder_ranks_its_evidence_not_its_plan_or_appraisal(
    rules: RuleSet, tmp_path: Path
) -> None:
    # What import-annex --out writes: evidence.toml, appraisal.toml and plan.toml. Only the
    # evidence is a unit (the example ward, 84,14). A plan under another name is told by
    # its top-level `tasks`, an appraisal by its `nodes`; a file with `tasks` and `[facts]`
    # claims to be evidence, and is listed with its problems.
    from cchc_score import dump_appraisal, dump_plan, load_plan, read_annex

    appraisal, _ = read_annex(EXAMPLE / "annex.tsv")
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    (tmp_path / "evidence.toml").write_text(text, encoding="utf-8")
    (tmp_path / "appraisal.toml").write_text(dump_appraisal(appraisal), encoding="utf-8")
    plan = dump_plan(load_plan(EXAMPLE / "plan.toml"))
    (tmp_path / "plan.toml").write_text(plan, encoding="utf-8")
    (tmp_path / "plan_2023.toml").write_text(plan, encoding="utf-8")
    (tmp_path / "annex_2022.toml").write_text(dump_appraisal(appraisal), encoding="utf-8")
    (tmp_path / "z.toml").write_text('unit = "Z"\ntasks = []\n[facts]\n', encoding="utf-8")
    results = list(score_many(rules, tmp_path))
    assert [Path(r.source or "").name for r in results] == ["evidence.toml", "z.toml"]
    ward, odd = results
    assert ward.scorecard is not None
    assert ward.scorecard.total == Decimal("84.14")
    assert [p.path for p in odd.problems][:1] == ["tasks"]
    ranking = rank(results)
    assert [u.unit for u in ranking.units] == [WARD.unit]
    assert [u.unit for u in ranking.invalid] == ["Z"]
    assert named_rules(tmp_path) == ("criteria_2022",)


def test_a_folder_of_only_a_plan_and_an_appraisal_has_no_evidence(
    rules: RuleSet, tmp_path: Path
) -> None:
    (tmp_path / "plan.toml").write_text("tasks = []\n", encoding="utf-8")
    (tmp_path / "appraisal.toml").write_text("nodes = []\n", encoding="utf-8")
    with pytest.raises(EvidenceError) as info:
        list(score_many(rules, tmp_path))
    assert str(info.value) == f"{tmp_path}: no evidence files (*.toml, *.json) in this folder"


def test_a_row_of_one_cell_is_said_in_the_singular(rules: RuleSet, tmp_path: Path) -> None:
    rows = table_rows()
    path = tmp_path / "t.csv"
    path.write_text(",".join(rows[0]) + "\nPhường X\n", encoding="utf-8")
    (result,) = score_many(rules, path)
    assert [p.text("en") for p in result.problems] == [
        f"{path}: line 2: 1 cell, but the header (line 1) has {len(rows[0])} columns; a row "
        "must have a cell for every column, empty where nothing is given"
    ]
    assert [p.text("vi") for p in result.problems] == [
        f"{path}: dòng 2: có 1 ô, nhưng dòng tiêu đề (dòng 1) có {len(rows[0])} cột; mỗi dòng "
        "phải có đủ một ô cho mỗi cột, để trống nếu không có gì"
    ]
