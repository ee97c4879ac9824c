"""`cchc-score rank`: reports (golden files), formats, exit codes and the Excel export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import ROOT, check_golden
from .test_cli import run

# Relative paths, so that the sources printed in reports are the same on every machine.
DISTRICT = "examples/district_2022"
WARDS = "examples/district_2022/wards.csv"


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    ("golden", "argv"),
    [
        ("rank_vi.txt", ["rank", f"{DISTRICT}/"]),
        (
            "rank_by_domain_en.md",
            ["rank", WARDS, "--by", "domain", "--lang", "en", "--format", "markdown"],
        ),
        ("rank.json", ["rank", DISTRICT, "--format", "json"]),
        ("rank.csv", ["rank", DISTRICT, "--format", "csv"]),
        ("rank_losses.csv", ["rank", WARDS, "--format", "csv", "--only", "losses"]),
    ],
)
def test_golden_outputs(
    capsys: pytest.CaptureFixture[str], update_golden: bool, golden: str, argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    check_golden(golden, out, update_golden)


def test_json_agrees_with_scoring_each_unit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rank", DISTRICT, "--format", "json")
    assert code == 0
    ranking = json.loads(out, parse_float=Decimal)["ranking"]
    assert len(ranking) == 7
    for unit in ranking:
        code, out, _ = run(capsys, "score", unit["source"], "--format", "json")
        card = json.loads(out, parse_float=Decimal)
        assert code == 0
        assert (unit["unit"], unit["total"], unit["rating"]) == (
            card["unit"],
            card["total"],
            card["rating"],
        )
        assert unit["domains"] == {n["code"]: n["points"] for n in card["nodes"] if n["depth"] == 0}


def test_losses_json_adds_up(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rank", WARDS, "--format", "json", "--only", "losses")
    doc = json.loads(out, parse_float=Decimal)
    assert set(doc) == {"schema", "rules", "losses", "invalid"}
    losses = doc["losses"]
    for unit in losses["units"]:
        cells = sum(Decimal(c["deductions"][unit]) for c in losses["criteria"])
        assert cells == Decimal(losses["lost"][unit])
    for criterion in losses["criteria"]:
        deductions = [Decimal(d) for d in criterion["deductions"].values()]
        assert Decimal(criterion["total"]) == sum(deductions)
        assert criterion["units_lost"] == sum(1 for d in deductions if d)


def malformed(tmp_path: Path) -> Path:
    """wards.csv with Phường mẫu D's row (line 5) giving a staff count as words."""
    text = (ROOT / WARDS).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[4].startswith("Phường mẫu D,")
    lines[4] = lines[4].replace(",20,20,4,", ",hai mươi,20,4,")
    path = tmp_path / "districts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_malformed_row_is_listed_and_the_rest_ranked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = malformed(tmp_path)
    code, out, err = run(capsys, "rank", str(path), "--only", "ranking")
    assert code == 1
    assert err == (
        "lỗi: 1/7 đơn vị không được xếp hạng: số liệu kiểm chứng có vấn đề (liệt kê trong báo "
        "cáo)\n"
    )
    assert out.startswith("Xếp hạng 6 đơn vị theo bộ tiêu chí criteria_2022\n")
    assert "Phường mẫu D" not in out.split("\n\n")[1]  # the ranking table
    assert out.endswith(
        "Đơn vị chưa được xếp hạng vì số liệu có lỗi (1)\n"
        "\n"
        f"Phường mẫu D ({path}: dòng 5)\n"
        f"    {path}: dòng 5: facts.staff_total: không đọc được số: 'hai mươi' (ghi các chữ số, "
        "với một dấu phẩy hoặc dấu chấm thập phân)\n"
    )


@pytest.mark.lang("en")
def test_a_malformed_row_in_json_and_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = malformed(tmp_path)
    problem = (
        f"{path}: line 5: facts.staff_total: not a number: 'hai mươi' (write digits with one "
        "decimal comma or point)"
    )
    code, out, _ = run(capsys, "rank", str(path), "--format", "json")
    doc = json.loads(out, parse_float=Decimal)
    assert code == 1
    assert doc["invalid"] == [
        {
            "unit": "Phường mẫu D",
            "source": str(path),
            "line": 5,
            "problems": [problem],
            "codes": ["E-NUMBER-NOT-A-NUMBER"],
        }
    ]
    assert [u["rank"] for u in doc["ranking"]] == [1, 2, 3, 4, 5, 6]
    assert "Phường mẫu D" not in doc["losses"]["units"]
    code, out, _ = run(capsys, "rank", str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1
    assert [(r["rank"], r["unit"], r["total"], r["problems"]) for r in rows[-2:]] == [
        ("6", "Xã mẫu G", "67.40", ""),  # 1.2 below its 80% floor: 0 (test_batch.py)
        ("", "Phường mẫu D", "", problem),
    ]


def test_out_writes_a_file_and_never_overwrites(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "reports" / "district.csv"
    code, out, err = run(capsys, "rank", DISTRICT, "--out", str(target))
    assert (code, out, err) == (0, f"đã ghi {target}: xếp hạng 7 đơn vị\n", "")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank,tied,unit,total,")  # a BOM, for Excel
    code, _, err = run(capsys, "rank", DISTRICT, "--out", str(target), "--format", "json")
    assert (code, err) == (
        1,
        f"lỗi: {target}: đã có tệp này; không ghi đè (dùng --force để thay thế)\n",
    )
    assert target.read_bytes() == data
    code, _, _ = run(capsys, "rank", DISTRICT, "--out", str(target), "--format", "json", "--force")
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["rules"] == "criteria_2022"


def test_xlsx_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "district.xlsx"
    path = malformed(tmp_path)
    code, out, _ = run(capsys, "rank", str(path), "--out", str(target), "--lang", "en")
    assert (code, out) == (1, f"wrote {target}: 6 units ranked\n")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Ranking", "Deductions", "Invalid evidence"]
    ranking = list(book["Ranking"].iter_rows(values_only=True))
    assert ranking[0][:5] == ("Rank", "Tied", "Unit", "Total", "Rating")
    # Ranks are numbers; C and A no longer tie once D is out: F, B, C, A, E, G.
    assert [(r[0], r[1], r[2], str(r[3])) for r in ranking[1:]] == [
        (1, None, "Phường mẫu F", "95.35"),
        (2, None, "Phường mẫu B", "91.6"),
        (3, None, "Phường mẫu C", "87.25"),
        (4, None, "Phường mẫu A", "84.35"),
        (5, None, "Phường mẫu E", "79.6"),
        (6, None, "Xã mẫu G", "67.4"),
    ]
    losses = list(book["Deductions"].iter_rows(values_only=True))
    assert losses[1][:5] == (
        "IX",
        "Satisfaction of citizens and organisations with public administrative services",
        25,
        6,
        51.03,  # 60.65 without D's 9.62
    )
    assert losses[-1][1] == "Total"
    invalid = list(book["Invalid evidence"].iter_rows(values_only=True))
    assert invalid[1][:2] == ("Phường mẫu D", f"{path}: line 5")


@pytest.mark.lang("en")
def test_xlsx_without_openpyxl_names_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl → ImportError
    code, out, err = run(capsys, "rank", DISTRICT, "--out", str(tmp_path / "d.xlsx"))
    assert (code, out) == (2, "")
    assert err.endswith(
        "error: writing .xlsx needs openpyxl, which the 'excel' extra installs: "
        'pip install "cchc-score[excel]"\n'
    )
    assert not (tmp_path / "d.xlsx").exists()


def test_the_library_says_which_extra_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_score import loss_table, rank
    from cchc_score.report import EXCEL_MISSING, batch_xlsx

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    ranking = rank([])
    with pytest.raises(ImportError, match=re.escape(EXCEL_MISSING)):
        batch_xlsx(ranking, loss_table([]))


def test_openpyxl_is_imported_only_for_a_workbook() -> None:
    code = (
        "import sys, cchc_score, cchc_score.cli, cchc_score.report; "
        "sys.exit('openpyxl' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_spreadsheet_name_is_not_a_formula(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from cchc_score import load_rules, loss_table, rank, score_many
    from cchc_score.report import batch_xlsx

    from .test_batch import ward

    ranking = rank(score_many(load_rules("criteria_2022"), [ward("=1+1", "19")]))
    target = tmp_path / "x.xlsx"
    target.write_bytes(batch_xlsx(ranking, loss_table(ranking.scorecards)))
    cell = openpyxl.load_workbook(target)["Xếp hạng"]["C2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")  # shown as text, never run


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["rank", DISTRICT, "--format", "xlsx"],
            "--format xlsx ghi ra một tệp Excel: hãy dùng --out",
        ),
        (
            ["rank", DISTRICT, "--by", "criterion", "--lang", "en"],
            "argument --by: invalid choice: 'criterion'",
        ),
        (["rank"], "thiếu tham số bắt buộc: SOURCE"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err


def test_which_rules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (ROOT / WARDS).read_text(encoding="utf-8")
    no_rules = tmp_path / "none.csv"
    no_rules.write_text(text.replace(",criteria_2022,", ",,"), encoding="utf-8")
    code, _, err = run(capsys, "rank", str(no_rules))
    assert code == 2
    assert err.endswith(
        f"cchc-score: lỗi: các đơn vị trong {no_rules} không ghi bộ tiêu chí: hãy dùng --rules R\n"
    )
    code, out, _ = run(capsys, "rank", str(no_rules), "--rules", "criteria_2022")
    assert code == 0
    assert out.startswith("Xếp hạng 7 đơn vị theo bộ tiêu chí criteria_2022\n")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(text.replace("Phường mẫu B,2022,criteria_2022", "B,2022,other"), "utf-8")
    code, _, err = run(capsys, "rank", str(mixed))
    assert code == 2
    assert err.endswith(
        f"cchc-score: lỗi: các đơn vị trong {mixed} ghi các bộ tiêu chí khác nhau "
        "('criteria_2022', 'other'): hãy dùng --rules R\n"
    )


@pytest.mark.lang("en")
@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("missing", "{tmp}/missing: no such file or folder"),
        ("empty", "{tmp}/empty: no evidence files (*.toml, *.json) in this folder"),
    ],
)
def test_sources_that_cannot_be_read_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, message: str
) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "rank", str(tmp_path / source), "--rules", "criteria_2022")
    assert (code, out) == (1, "")
    assert err == f"error: {message.format(tmp=tmp_path)}\n"


def test_rank_an_imported_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # evidence.toml beside plan.toml and appraisal.toml: one unit ranked, nothing invalid.
    example = ROOT / "examples" / "ward_2022"
    for name in ("evidence.toml", "plan.toml"):
        (tmp_path / name).write_text((example / name).read_text("utf-8"), "utf-8")
    (tmp_path / "appraisal.toml").write_text('[[nodes]]\ncode = "IX"\n', "utf-8")
    code, out, err = run(capsys, "rank", str(tmp_path), "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out, parse_float=Decimal)
    assert [u["unit"] for u in doc["ranking"]] == ["Phường mẫu (phụ lục 2022)"]
    assert doc["invalid"] == []


@pytest.mark.parametrize(("fmt", "lang"), [("table", "vi"), ("markdown", "en")])
def test_top_shows_the_first_units_and_their_loss_columns(
    capsys: pytest.CaptureFixture[str], fmt: str, lang: str
) -> None:
    code, full, _ = run(capsys, "rank", DISTRICT, "--format", fmt, "--lang", lang)
    assert code == 0
    code, out, _ = run(capsys, "rank", DISTRICT, "--format", fmt, "--lang", lang, "--top", "2")
    assert code == 0
    # The first two (F, B) in the ranking and as the loss table's columns; C, third, in
    # neither; the loss table's rows and totals still count all seven units.
    assert "mẫu F" in out
    assert "mẫu B" in out
    assert "mẫu C" in full
    assert "mẫu C" not in out
    assert ("107,20" if lang == "vi" else "107.20") in out
    shown = {
        "vi": "Chỉ hiện 2 đơn vị đầu trong 7 đơn vị (--top)",
        "en": "Showing the first 2 of 7 units (--top)",
    }[lang]
    columns = {"vi": "Các cột là 2 đơn vị đầu", "en": "The columns are the first 2 units"}[lang]
    assert shown in out
    assert columns in out
    assert shown not in full
    assert columns not in full


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_top_leaves_json_and_csv_whole(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _, whole, _ = run(capsys, "rank", DISTRICT, "--format", fmt)
    _, top, _ = run(capsys, "rank", DISTRICT, "--format", fmt, "--top", "1")
    assert top == whole


def test_top_at_or_past_the_count_is_the_whole_table(capsys: pytest.CaptureFixture[str]) -> None:
    _, whole, _ = run(capsys, "rank", DISTRICT)
    _, top, _ = run(capsys, "rank", DISTRICT, "--top", "7")
    assert top == whole


@pytest.mark.lang("en")
def test_a_large_batch_loss_table_has_ten_unit_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The district's 7 units twice over (renamed): 14 units, past LOSS_COLUMNS = 10, so the
    # loss table has a column for each of the first 10 of the ranking, and says so; --top
    # still chooses, and JSON keeps all 14.
    text = (Path(DISTRICT) / "wards.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    doubled = rows + [[f"{row[0]} (2)", *row[1:]] for row in rows[1:]]
    table = tmp_path / "wards.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, lineterminator="\n").writerows(doubled)
    _, out, _ = run(capsys, "rank", str(table), "--only", "losses")
    header = out.splitlines()[2]
    assert header.count("Phường") + header.count("Xã") == 10
    assert out.rstrip().endswith(
        "The columns are the first 10 of the 14 units of the ranking (choose how many with "
        "--top N); units losing points and points lost count all 14 units; CSV, JSON, xlsx "
        "and html have a column for every unit."
    )
    _, top, _ = run(capsys, "rank", str(table), "--only", "losses", "--top", "12")
    assert "first 12 units of the ranking (--top)" in top
    _, whole, _ = run(capsys, "rank", str(table), "--only", "losses", "--format", "json")
    assert len(json.loads(whole)["losses"]["units"]) == 14


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_top_must_be_a_whole_number_from_one(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, out, err = run(capsys, "rank", DISTRICT, "--top", value)
    assert (code, out) == (2, "")
    assert "--top" in err


def test_rank_reads_each_file_of_a_folder_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The district folder's seven files name their rules (criteria_2022): the rules are
    # found in the files read, and what was read is scored, so each file is read once.
    from cchc_score.io.evidence import read_unit as real

    read: list[str] = []

    def counted(path: str) -> object:
        read.append(str(path))
        return real(path)

    # Every place a batch reads a unit's file: finding the rules, and scoring.
    monkeypatch.setattr("cchc_score.batch_units.read_unit", counted)
    monkeypatch.setattr("cchc_score.io.folder.read_unit", counted)
    code, out, _ = run(capsys, "rank", DISTRICT, "--format", "csv")
    files = sorted(p.name for p in (ROOT / DISTRICT).glob("*.toml"))
    assert code == 0
    assert sorted(Path(p).name for p in read) == files
    assert len(out.splitlines()) == 1 + len(files)  # the header and a line per ward
