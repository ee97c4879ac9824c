"""An annex read as evidence (cchc_score.observed): every leaf at the points the annex gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import Appraisal, AppraisalNode, RuleSet, load_evidence
from cchc_score.errors import AnnexError
from cchc_score.io.annex import read_annex
from cchc_score.io.evidence import dump_evidence
from cchc_score.observed import observed_evidence

from .conftest import EXAMPLE
from .fuzz.test_outputs import cchc

D = Decimal


def _domains(rules: RuleSet, points: dict[str, Decimal]) -> dict[str, Decimal]:
    return {
        d.code: sum((points[n.code] for n in d.walk() if n.is_leaf), D(0)) for d in rules.domains
    }


def test_the_example_annex_as_evidence_gives_its_criteria_as_listed(rules: RuleSet) -> None:
    appraisal, _ = read_annex(EXAMPLE / "annex.tsv")
    observed = observed_evidence(appraisal, rules)
    points = dict(observed.evidence.appraised)
    # Each domain is its maximum less the deductions of the criteria the annex lists under
    # it (examples/ward_2022/annex.tsv):
    assert _domains(rules, points) == {
        "I": D("8.83"),  # 10 − (0,17 + 0,5 + 0,5)
        "II": D("4.50"),  # 7 − (1,75, the text of 2.1, + 0,75)
        "III": D("11.75"),  # 12,5 − (0,5 + 0,25)
        "IV": D(6),  # nothing listed
        "V": D("13.35"),  # 14 − (0,05 + 0,10 + 0,5); the row states 13,45: criteria win
        "VI": D("6.90"),  # 8 − (0,1 + 0,25 + 0,5 + 0,25)
        "VII": D("11.76"),  # 15,5 − (0,5 + 1,24 + 1,5 + 0,5)
        "VIII": D(2),  # nothing listed
        "IX": D("19.05"),  # the survey, as its row states
    }
    assert sum(points.values()) == D("84.14")  # the README's total for the example ward
    assert points["2.1"] == D("0.75")  # 2,5 − 1,75, the deduction its text states
    assert points["1.r"] == D(5)  # I's listed criteria account for all it lost
    assert dict(observed.evidence.notes)["1.2"].startswith("Thực hiện kế hoạch đào tạo")
    assert observed.readings[1:] == (
        "Tiêu chí 2.1 (dòng 15): lấy điểm trừ ghi trong văn bản (1,75), không lấy điểm "
        "tối đa − điểm chấm (2).",
        "V: phụ lục ghi 13,45 điểm nhưng các tiêu chí liệt kê cho 13,35 điểm; lấy theo các "
        "tiêu chí.",
    )


def _row(code: str, level: str, top: str, score: str, line: int) -> AppraisalNode:
    return AppraisalNode(code, f"row {code}", level, D(top), D(score), line=line)  # type: ignore[arg-type]


def test_a_residual_takes_what_the_annex_states_and_codes_the_rules_lack(rules: RuleSet) -> None:
    appraisal = Appraisal(
        (
            # I states 8,5 (lost 1,5); it lists 1.2 losing 0,5 and 1.5, which
            # criteria_2022 does not itemise, losing 0,25.
            _row("I", "domain", "10", "8.5", 3),
            _row("1.2", "criterion", "1.5", "1.0", 4),
            _row("1.5", "criterion", "1", "0.75", 5),
            # 3.4 is not in the rules either, and III has no row: it goes to 3.r.
            _row("3.4", "criterion", "1", "0.5", 6),
        ),
        year=2023,
        unit="Xã Tân Lập",
    )
    observed = observed_evidence(appraisal, rules, lang="en")
    points = dict(observed.evidence.appraised)
    # I lost 1,5: 1.2 accounts for 0,5, so the residual 1.r (max 5) loses the other 1,0,
    # which includes 1.5's 0,25.
    assert points["1.2"] == D("1.0")
    assert points["1.r"] == D(4)
    # III has no row: 3.r (max 10) loses 3.4's 0,5.
    assert points["3.r"] == D("9.5")
    assert (observed.evidence.unit, observed.evidence.year) == ("Xã Tân Lập", 2023)
    assert observed.readings[1:] == (
        "Criterion 1.5 (line 5) is not in the rules criteria_2022: its deduction of 0.25 is "
        "counted in 1.r.",
        "Criterion 3.4 (line 6) is not in the rules criteria_2022: its deduction of 0.5 is "
        "counted in 3.r.",
        "1.r gets 4 points so that I is 8.5, as the annex states.",
    )


@pytest.mark.lang("en")
def test_a_code_no_residual_can_stand_for_is_refused_with_its_line(rules: RuleSet) -> None:
    # IX is scored as a whole in criteria_2022: it has no residual node for a "9.1".
    appraisal = Appraisal((_row("9.1", "criterion", "5", "4", 7),), source="a.tsv")
    with pytest.raises(AnnexError) as info:
        observed_evidence(appraisal, rules)
    assert str(info.value) == (
        "a.tsv: line 7: criterion 9.1 is not in the rules criteria_2022, and no residual node "
        "above it can stand for it: give --rules with a rules file that has it (got '9.1')"
    )


def test_the_evidence_file_reads_back_equal(rules: RuleSet, tmp_path: Path) -> None:
    appraisal, _ = read_annex(EXAMPLE / "annex.tsv")
    evidence = observed_evidence(appraisal, rules, unit="Phường mẫu").evidence
    path = tmp_path / "evidence.toml"
    path.write_text(dump_evidence(evidence, ["line one", "line two"]), encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("# line one\n# line two\nunit = ")
    assert load_evidence(path) == evidence


# ------------------------------------------------------------------ the imported folder, used


def _json(*argv: str, cwd: Path) -> dict[str, object]:
    proc = cchc(*argv, "--format", "json", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout, parse_float=Decimal)
    return result


def test_an_imported_folder_is_scored_explained_and_projected_as_written(tmp_path: Path) -> None:
    proc = cchc("import-annex", EXAMPLE / "annex.tsv", "--out", "ward", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # The annex's criteria as listed give 84,14 (the README's total for the example ward).
    assert _json("score", "ward/evidence.toml", cwd=tmp_path)["total"] == Decimal("84.14")
    assert cchc("explain", "ward/evidence.toml", cwd=tmp_path).returncode == 0
    projected = _json("project", "ward/evidence.toml", "ward/plan.toml", cwd=tmp_path)
    # The plan has a task for each of the 19 rows that lost points, each restoring its
    # criterion, due "Năm 2023": all done, nothing is lost in the end, but 1.7 (0,5 lost)
    # and 5.1 (0,05) look back a year, so their tasks count in 2024: 100 − 0,55 = 99,45.
    assert projected["all_done"] == Decimal("99.45")
    assert projected["deferred"] == [
        {"id": "1.7", "counts_in": 2024, "criteria": ["1.7"]},
        {"id": "5.1", "counts_in": 2024, "criteria": ["5.1"]},
    ]


def test_a_ward_never_seen_goes_from_its_word_file_to_its_projection(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from .test_annex_docx import xa_docx  # the second ward, built as its office writes it

    xa_docx(tmp_path / "xa.docx")
    proc = cchc("import-annex", "xa.docx", "--out", "xa", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    card = _json("score", "xa/evidence.toml", cwd=tmp_path)
    # The annex lists II (2.1 loses 0,5 and 2.3 loses 0,5, as II's 1,0 says) and VII (7.1.2
    # loses 2,0, as VII's 2,0 says); it lists nothing else, so everything else is at its
    # maximum: 100 − 1,0 − 2,0 = 97.
    assert (card["unit"], card["year"], card["total"]) == ("Xã Tân Lập", 2023, Decimal("97.00"))
    explained = cchc("explain", "xa/evidence.toml", cwd=tmp_path)
    assert "7.1.2     −2,00    1,00/3,00  Cung cấp dịch vụ công trực tuyến" in explained.stdout
    projected = _json("project", "xa/evidence.toml", "xa/plan.toml", cwd=tmp_path)
    assert projected["all_done"] == Decimal("100.00")  # its three tasks restore the 3,0 lost
    demo = cchc("demo", "xa.docx", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "Tổng điểm: 97,00/100,00" in demo.stdout


def test_reconcile_with_evidence_lists_criteria_the_facts_score_otherwise(tmp_path: Path) -> None:
    text = (EXAMPLE / "evidence.toml").read_text(encoding="utf-8")
    assert "online_dossiers = 44\n" in text
    (tmp_path / "e.toml").write_text(
        text.replace("online_dossiers = 44\n", "online_dossiers = 60\n"), encoding="utf-8"
    )
    proc = cchc(
        "reconcile", EXAMPLE / "annex.tsv", "--evidence", "e.toml", "--lang", "en", cwd=tmp_path
    )
    # 7.1.2 is 3,0 × share ÷ 50% (rules/criteria_2022.toml): 60 of 150 dossiers online give
    # 3,0 × 0,4 ÷ 0,5 = 2,40, where the annex gives 3,0 − 1,24 = 1,76. Every other listed
    # criterion scores from the example's facts as the annex gives it.
    assert proc.stdout.endswith(
        "Criteria whose points from the facts differ from the appraised points: 1\n\n"
        "Code      Computed    Appraised\n"
        "------  ----------  -----------\n"
        "7.1.2         2.40         1.76\n\n"
    )
