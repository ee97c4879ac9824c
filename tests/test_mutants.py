"""Mutation test of the rules checks: every single-mistake copy of criteria_2022 in
tests/data/mutants/ (made by make_mutants.py there, each named for its mistake) is caught
cleanly, by a located load error or by an InvariantError with a fixed seed; criteria_2022
and a valid province variant pass both. The catch rate is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_score import RulesError, load_rules, loads_rules
from cchc_score.testing import InvariantError, check_invariants

from .conftest import DATA

MUTANTS = sorted((DATA / "mutants").glob("*.toml"))
SEED = 20221231


def catch(path: Path) -> tuple[str, str]:
    """Who catches the mutant at ``path`` ("loader" or "invariants", or "nobody") and
    with what: the problem codes and English messages, or the broken invariant."""
    try:
        rules = loads_rules(path.read_text(encoding="utf-8"), file=path.name, strict=True)
    except RulesError as error:
        for problem in error.problems:
            assert problem.file == path.name, f"not located: {problem}"
            assert problem.path, f"not located: {problem}"
        said = [f"{p.code} {p.text('en')}" for p in error.problems]
        return "loader", "\n".join(said)
    try:
        check_invariants(rules, max_examples=20, plans=False, seed=SEED)
    except InvariantError as error:
        return "invariants", f"invariant:{error.invariant} {error}"
    return "nobody", ""


def test_there_are_at_least_thirty_mutants() -> None:
    assert len(MUTANTS) >= 30


@pytest.mark.parametrize("path", MUTANTS, ids=[p.stem for p in MUTANTS])
def test_each_mutant_is_caught_by_what_it_names(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    who, said = catch(path)
    assert who != "nobody", f"{path.stem} slipped through the loader and the invariants"
    assert expected in said, f"{path.stem}: expected {expected!r}, got:\n{said}"


def test_the_unmutated_rules_and_a_province_variant_pass() -> None:
    for rules in (
        load_rules("criteria_2022", strict=True),
        load_rules(DATA / "valid" / "province_2023.toml", strict=True),
    ):
        check_invariants(rules, max_examples=20, plans=False, seed=SEED)


def test_the_catch_rate_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    caught = {"loader": 0, "invariants": 0, "nobody": 0}
    for path in MUTANTS:
        caught[catch(path)[0]] += 1
    rate = (len(MUTANTS) - caught["nobody"]) / len(MUTANTS)
    with capsys.disabled():
        print(
            f"\nmutants of criteria_2022 caught: {len(MUTANTS) - caught['nobody']}/{len(MUTANTS)}"
            f" ({rate:.0%}): {caught['loader']} by the loader, {caught['invariants']} by the "
            f"invariants, {caught['nobody']} slipped through"
        )
    assert caught["nobody"] == 0
