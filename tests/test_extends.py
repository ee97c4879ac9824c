"""Rules files that extend others: what a child changes, chains, cycles, and each problem
named with the file it came from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import RulesError, dump_rules, load_rules, loads_rules
from cchc_score.evaluation import evaluate
from cchc_score.io.evidence import load_evidence

from .conftest import ROOT

EXAMPLE_2023 = ROOT / "examples" / "rules_2023" / "criteria_2023.toml"


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def _messages(exc: pytest.ExceptionInfo[RulesError]) -> list[str]:
    return [p.text("en") for p in exc.value.problems]


def test_a_file_that_changes_nothing_is_its_parent() -> None:
    parent = load_rules("criteria_2022")
    assert loads_rules('extends = "criteria_2022"', file="same.toml") == parent


def test_override_keeps_what_the_child_does_not_say(tmp_path: Path) -> None:
    # 7.1.2 gets max 3.5, 7.1.r gives up 0.5 so 7.1 still adds up to 10.5.
    path = _write(
        tmp_path,
        "r.toml",
        'extends = "criteria_2022"\n[index]\nyear = 2023\n'
        '[[criteria]]\ncode = "7.1.2"\nmax = 3.5\n'
        '[[criteria]]\ncode = "7.1.r"\nmax = 4.0\n',
    )
    rules = load_rules(path)
    parent = load_rules("criteria_2022")
    assert (rules.year, rules.id) == (2023, "criteria_2022")
    assert rules.node("7.1.2").max == Decimal("3.5")
    assert rules.node("7.1.2").rule == parent.node("7.1.2").rule  # kept
    assert rules.node("7.1.2").name == parent.node("7.1.2").name
    assert rules.node("7.1.r").max == Decimal("4.0")


def test_the_example_2023_file_removes_adds_and_raises_a_threshold() -> None:
    rules = load_rules(EXAMPLE_2023)
    assert not rules.has_node("7.1.3")
    assert [c.code for c in rules.node("7.1").children] == [
        "7.1.1",
        "7.1.2",
        "7.1.r",
        "7.1.4",
        "7.1.5",
    ]
    assert rules.node("7.1.2").rule.target == Decimal("0.6")  # type: ignore[attr-defined]
    assert rules.has_fact("postal_return_share")
    assert rules.year == 2023


def test_a_chain_resolves_through_every_file(tmp_path: Path) -> None:
    (tmp_path / "y2023").mkdir()
    _write(tmp_path / "y2023", "r.toml", f'extends = "{EXAMPLE_2023.as_posix()}"\n')
    path = _write(
        tmp_path,
        "r2024.toml",
        'extends = "y2023/r.toml"\n[index]\nid = "r2024"\nyear = 2024\n'
        '[[criteria]]\ncode = "7.1.4"\nmax = 0.5\n[[criteria]]\ncode = "7.1.5"\nmax = 1.0\n',
    )
    rules = load_rules(path)
    assert (rules.id, rules.year) == ("r2024", 2024)
    assert rules.node("7.1.4").max == Decimal("0.5")
    assert rules.node("7.1.2").max == Decimal("3.5")  # from 2023
    assert rules.node("1.2").max == Decimal("1.5")  # from 2022


def test_a_cycle_is_an_error_naming_the_chain(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", 'extends = "b.toml"\n')
    _write(tmp_path, "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(RulesError) as exc:
        load_rules(tmp_path / "a.toml")
    a, b = str(tmp_path / "a.toml"), str(tmp_path / "b.toml")
    assert _messages(exc) == [
        f"{b}: extends: the files extend each other in a cycle: {a} → {b} → {a} (got 'a.toml')"
    ]


def test_removing_a_fact_a_kept_criterion_reads_is_located_twice(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "r.toml", 'extends = "criteria_2022"\n[remove]\nfacts = ["staff_untrained"]\n'
    )
    with pytest.raises(RulesError) as exc:
        load_rules(path)
    assert _messages(exc) == [
        f"{path}: remove.facts[0]: a removed fact that criterion 5.3 still reads "
        "(got 'staff_untrained')",
        'criteria_2022: criterion "5.3".rule.fact: refers to an undeclared fact; '
        "declare it under [facts] (got 'staff_untrained')",
    ]


def test_a_removed_criterion_takes_its_children_and_a_child_added_under_it_is_located(
    tmp_path: Path,
) -> None:
    # 5.7 (2,0) goes with 5.7.2; a new 5.7.3 under it has no parent; V loses 2 points.
    path = _write(
        tmp_path,
        "r.toml",
        'extends = "criteria_2022"\n[remove]\ncriteria = ["5.7", "9.9"]\n'
        '[[criteria]]\ncode = "5.7.3"\nname = "x"\nmax = 2\nbasis = "b"\n'
        'rule = { kind = "appraised" }\n',
    )
    with pytest.raises(RulesError) as exc:
        load_rules(path)
    assert _messages(exc) == [
        f"{path}: remove.criteria[1]: the parent has no criterion with this code (got '9.9')",
        f'{path}: criterion "5.7.3".code: parent "5.7" is not defined before it (got \'5.7.3\')',
    ]


def test_problems_of_sums_name_the_file_that_changed_a_child(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "r.toml", 'extends = "criteria_2022"\n[[criteria]]\ncode = "7.1.2"\nmax = 3.5\n'
    )
    with pytest.raises(RulesError) as exc:
        load_rules(path)
    assert _messages(exc) == [
        f'{path}: criterion "7.1".max: its children\'s maxima add up to 11.0 (got 10.5)'
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "extends = 3\n",
            "extends: expected the name of a bundled rules file or a path to a rules file (got 3)",
        ),
        (
            'extends = "criteria_2022"\n[remove]\nlevels = []\n',
            "remove.levels: cannot remove this; "
            "expected one of 'criteria', 'facts', 'bands' (got 'levels')",
        ),
        (
            'extends = "criteria_2022"\n[remove]\nbands = ["Xuất sắc"]\n',
            "remove.bands[0]: the parent has no rating band by this name (got 'Xuất sắc')",
        ),
        (
            'extends = "criteria_2022"\n[renamed]\nnot_a_fact = "x"\n',
            "renamed.not_a_fact: the parent declares no fact by this name (got 'not_a_fact')",
        ),
        (
            'extends = "criteria_2022"\n[renamed]\nstaff_total = "late_reports"\n',
            "renamed.staff_total: the new name is already a fact of the parent "
            "(got 'late_reports')",
        ),
        (
            '[remove]\nfacts = []\n[index]\nid="x"\n',
            "remove: only a file that has 'extends' may use this table",
        ),
    ],
)
def test_mistakes_in_extending_are_located(text: str, message: str) -> None:
    with pytest.raises(RulesError) as exc:
        loads_rules(text, file="r.toml")
    assert f"r.toml: {message}" in _messages(exc)


def test_a_missing_parent_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "r.toml", 'extends = "nowhere.toml"\n')
    with pytest.raises(RulesError) as exc:
        load_rules(path)
    assert _messages(exc)[0].startswith(str(tmp_path / "nowhere.toml") + ": ")


def test_renamed_moves_the_fact_and_its_readers_and_evidence_follows(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "r.toml",
        'extends = "criteria_2022"\n[renamed]\nstaff_untrained = "staff_not_trained"\n',
    )
    rules = load_rules(path)
    assert rules.renamed == (("staff_untrained", "staff_not_trained"),)
    assert rules.has_fact("staff_not_trained")
    assert not rules.has_fact("staff_untrained")
    assert rules.node("5.3").rule.fact == "staff_not_trained"  # type: ignore[attr-defined]
    assert loads_rules(dump_rules(rules)) == rules
    # A chain carries the mapping: old names of every year lead to the newest.
    path2 = _write(
        tmp_path, "r2.toml", 'extends = "r.toml"\n[renamed]\nstaff_not_trained = "untrained"\n'
    )
    assert load_rules(path2).renamed == (
        ("staff_not_trained", "untrained"),
        ("staff_untrained", "untrained"),
    )


def test_the_resolved_file_dumps_standalone_and_scores_the_same() -> None:
    rules = load_rules(EXAMPLE_2023)
    text = dump_rules(rules)
    assert "\nextends =" not in text
    assert "[remove]" not in text
    assert loads_rules(text) == rules
    evidence = load_evidence(ROOT / "examples" / "ward_2022" / "evidence.toml")
    # 2022 scores the same under a file that only extends it.
    same = loads_rules('extends = "criteria_2022"')
    assert evaluate(same, evidence).total == evaluate(load_rules("criteria_2022"), evidence).total


def test_a_chain_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    # f0 extends criteria_2022; f1 extends f0; … f16: 17 files and the bundled one.
    _write(tmp_path, "f0.toml", 'extends = "criteria_2022"\n')
    for i in range(1, 17):
        _write(tmp_path, f"f{i}.toml", f'extends = "f{i - 1}.toml"\n')
    assert load_rules(tmp_path / "f14.toml") == load_rules("criteria_2022")
    with pytest.raises(RulesError) as exc:
        load_rules(tmp_path / "f16.toml")
    assert _messages(exc) == [
        f"{tmp_path / 'f1.toml'}: extends: the chain of files that extend each other is "
        "longer than 16 (got 'f0.toml')"
    ]
