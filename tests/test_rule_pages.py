"""Rule pages: a page for every domain and criterion, each with its rule, facts,
provenance and a worked example; written by ``cchc-score docs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_score import load_rules
from cchc_score.cli import main
from cchc_score.report.rule_pages import rule_pages

from .conftest import ROOT


def test_a_page_for_every_node_and_an_index() -> None:
    rules = load_rules("criteria_2022")
    pages = rule_pages(rules)
    assert set(pages) == {"index.md"} | {f"{n.code}.md" for n in rules.nodes()}
    for node in rules.nodes():
        assert f"]({node.code}.md)" in pages["index.md"]
        assert pages[f"{node.code}.md"].startswith(f"# {node.code} {node.name}")


def test_a_criterion_page_says_its_rule_facts_provenance_and_example() -> None:
    page = rule_pages(load_rules("criteria_2022"))["7.1.2.md"].splitlines()
    assert "- Điểm tối đa / Maximum: 3,0" in page
    assert "| `target` | `0.5` |" in page
    assert "- `dossiers_total`: hồ sơ TTHC tiếp nhận / dossiers received" in page
    assert "  - Kiểu / Type: count; Đơn vị tính / Unit: hồ sơ; min 1" in page
    assert "- Cách chấm / The rule is: giả định / assumed" in page
    # The sample: 8 online of 10 dossiers (a count where more is better, and a denominator):
    # 80% ≥ the 50% target → the full 3 points.
    assert (
        "- en: 8/10 dossiers received and settled fully online → target 50% met → 3 points" in page
    )


def test_levels_and_items_are_listed() -> None:
    page = rule_pages(load_rules("criteria_2022"))["1.7.md"]
    assert "“không có”, “cấp cơ sở”, “cấp tỉnh, bộ, ngành trở lên”" in page


def test_the_command_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    rules_2023 = ROOT / "examples" / "rules_2023" / "criteria_2023.toml"
    assert main(["docs", str(rules_2023), "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"wrote 43 pages to {out}\n"
    assert (out / "7.1.5.md").read_text(encoding="utf-8").startswith("# 7.1.5 Trả kết quả")
    assert not (out / "7.1.3.md").exists()
    assert main(["docs", "criteria_2022", "--out", str(out)]) == 1  # never over without --force
