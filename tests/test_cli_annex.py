"""`import-annex` and `reconcile` on the command line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score.io.annex import read_annex
from cchc_score.io.appraisal import load_appraisal
from cchc_score.io.plan import load_plan

from .conftest import DATA, EXAMPLE, check_golden
from .test_cli import run

SEED = str(DATA / "annex" / "seed_2022.tsv")
ANNEX = str(EXAMPLE / "annex.tsv")


def test_reconcile_seed_exits_1_on_errors(
    capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    code, out, err = run(capsys, "reconcile", ANNEX, "--rules", "criteria_2022")
    assert (code, err) == (1, "")
    check_golden("reconcile_vi.txt", out, update_golden)


def test_reconcile_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "reconcile", SEED, "--format", "json", "--lang", "en")
    doc = json.loads(out, parse_float=Decimal)
    assert code == 1
    assert (doc["errors"], doc["warnings"]) == (3, 3)
    # The seed's three arithmetic inconsistencies, by hand: II states a deduction of 2,5 but
    # its criteria lose 2,0 + 0,75; 2.1 states 1,75 but 2,5 − 0,5 = 2,0; V states 0,55 but
    # its criteria lose 0,05 + 0,10 + 0,5 = 0,65.
    errors = [
        (f["code"], f["kind"], f["stated"], f["computed"], f["line"])
        for f in doc["findings"]
        if f["severity"] == "error"
    ]
    assert errors == [
        ("II", "criteria_sum_mismatch", Decimal("2.50"), Decimal("2.75"), 14),
        ("2.1", "deduction_mismatch", Decimal("1.75"), Decimal("2.00"), 15),
        ("V", "criteria_sum_mismatch", Decimal("0.55"), Decimal("0.65"), 26),
    ]


def test_reconcile_clean_annex_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The example annex with its three errors mended: 2.1 scored 0,75 (as its text says),
    # V stated 13,35/14 (trừ 0,65) as its criteria add up. Only the warnings remain.
    text = Path(ANNEX).read_text(encoding="utf-8")
    text = text.replace("\t2,5\t0,5\t", "\t2,5\t0,75\t")
    text = text.replace("13,45/14, điểm (trừ 0,55/14,0 điểm)", "13,35/14 điểm (trừ 0,65 điểm)")
    path = tmp_path / "annex.tsv"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", str(path), "--format", "json")
    assert code == 0
    assert {f["severity"] for f in json.loads(out, parse_float=Decimal)["findings"]} == {"warning"}


def test_import_annex_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import-annex", ANNEX, "--format", "json")
    doc = json.loads(out, parse_float=Decimal)
    assert code == 0
    assert [n["code"] for n in doc["nodes"]][:4] == ["I", "1.2", "1.7", "1.8"]
    node = next(n for n in doc["nodes"] if n["code"] == "2.1")
    assert {k: node[k] for k in ("max", "score", "stated_deduction")} == {
        "max": Decimal("2.50"),
        "score": Decimal("0.50"),
        "stated_deduction": Decimal("1.75"),
    }
    task = next(t for t in doc["tasks"] if t["id"] == "2.3")
    assert (task["deadline_text"], task["deadline"]) == ("", None)
    assert set(doc["tasks"][0]) >= {
        "criteria",
        "action",
        "lead",
        "partners",
        "deadline_text",
        "deadline",
    }
    assert len(doc["tasks"]) == 19


def test_import_annex_out_writes_readable_files_and_refuses_to_overwrite(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "import-annex", ANNEX, "--out", str(out))
    assert code == 0
    assert "mặc định là 'restore'" in stdout
    appraisal, plan = read_annex(ANNEX)
    assert load_appraisal(out / "appraisal.toml") == appraisal
    assert load_plan(out / "plan.toml") == plan

    (out / "plan.toml").write_text("# edited by hand\n", encoding="utf-8")
    code, _, err = run(capsys, "import-annex", ANNEX, "--out", str(out))
    assert code == 1
    assert err == (
        f"lỗi: {out / 'appraisal.toml'}: đã có tệp này; không ghi đè (dùng --force để thay "
        "thế)\n"
        f"lỗi: {out / 'evidence.toml'}: đã có tệp này; không ghi đè (dùng --force để thay "
        "thế)\n"
        f"lỗi: {out / 'plan.toml'}: đã có tệp này; không ghi đè (dùng --force để thay thế)\n"
    )
    code, _, err = run(capsys, "import-annex", ANNEX, "--out", str(out), "--lang", "en")
    assert err.endswith(
        f"error: {out / 'plan.toml'}: exists; not overwritten (use --force to replace it)\n"
    )
    assert (out / "plan.toml").read_text(encoding="utf-8") == "# edited by hand\n"
    code, _, _ = run(capsys, "import-annex", ANNEX, "--out", str(out), "--force")
    assert code == 0
    assert load_plan(out / "plan.toml") == plan


@pytest.mark.lang("en")
def test_import_broken_annex_names_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import-annex", str(DATA / "annex" / "broken_rows.tsv"))
    assert (code, out) == (1, "")
    assert all(line.startswith("error: ") and ": line " in line for line in err.splitlines())
    assert "Traceback" not in err
