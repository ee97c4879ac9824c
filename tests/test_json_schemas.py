"""The JSON contract (docs/json.md): every command's ``--format json`` output validates
against the schema shipped for it, on the example ward and on a second ward; numbers are JSON
numbers with the rule set's decimals; ``--lang`` changes only the text a person reads."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cchc_score.schemas import COMMANDS, schema_for

from .conftest import DATA, EXAMPLE, ROOT
from .test_cli import run

WARD_B = DATA / "ward_b"
RULES_2023 = ROOT / "examples" / "rules_2023" / "criteria_2023.toml"


def _argv(ward: Path) -> dict[str, list[list[str]]]:
    """Each command's JSON runs on one ward's files (the plan, the annex, the evidence)."""
    evidence, plan, annex = (str(ward / n) for n in ("evidence.toml", "plan.toml", "annex.tsv"))
    return {
        "score": [["score", evidence]],
        "explain": [["explain", evidence], ["explain", evidence, "VII"]],
        "reconcile": [
            ["reconcile", annex],
            ["reconcile", annex, "--rules", "criteria_2022"],
            ["reconcile", annex, "--evidence", evidence],
        ],
        "import-annex": [["import-annex", annex]],
        "project": [["project", evidence, plan], ["project", evidence, plan, "--target", "Tốt"]],
        "plan": [
            ["plan", evidence, plan, "--budget", "20"],
            ["plan", evidence, plan, "--budget", "40", "--target", "Tốt", "--confidence", "0.6"],
        ],
        "rank": [
            ["rank", str(ROOT / "examples" / "district_2022")],
            ["rank", str(ROOT / "examples" / "district_2022"), "--only", "losses"],
        ],
        "check-results": [
            ["check-results", str(ROOT / "examples" / "results_2022" / "results.csv")],
        ],
        "diff": [
            ["diff", "criteria_2022", str(RULES_2023)],
            ["diff", "criteria_2022", str(RULES_2023), evidence],
        ],
    }


CASES = [
    pytest.param(command, argv, id=f"{ward.name}:{' '.join(a.rsplit('/', 1)[-1] for a in argv)}")
    for ward in (EXAMPLE, WARD_B)
    for command, runs in _argv(ward).items()
    for argv in runs
]


def _json(capsys: pytest.CaptureFixture[str], argv: list[str], lang: str) -> tuple[str, Any]:
    code, out, err = run(capsys, *argv, "--format", "json", "--lang", lang)
    assert code in (0, 1), err  # 1: reconcile's findings, rank's units not ranked
    return out, json.loads(out)


def test_every_command_has_a_valid_schema() -> None:
    for command in COMMANDS:
        schema = schema_for(command)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["schema"] == {
            "const": f"cchc-score/{command}/1",
            "description": "The name and version of this contract.",
        }
    assert {case.values[0] for case in CASES} == set(COMMANDS)


def test_an_unknown_command_has_no_schema() -> None:
    with pytest.raises(ValueError, match="no JSON schema for 'check'; expected one of score"):
        schema_for("check")


@pytest.mark.parametrize(("command", "argv"), CASES)
def test_the_output_validates_in_both_languages(
    capsys: pytest.CaptureFixture[str], command: str, argv: list[str]
) -> None:
    validator = jsonschema.Draft202012Validator(schema_for(command))
    for lang in ("vi", "en"):
        _, doc = _json(capsys, argv, lang)
        assert doc["schema"] == f"cchc-score/{command}/1"
        assert next(iter(doc)) == "schema"
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []


#: The fields a person reads: the only ones ``--lang`` may change.
HUMAN = {"name", "explanation", "message", "text", "why"}


def _without_human_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_human_text(v) for k, v in value.items() if k not in HUMAN}
    if isinstance(value, list):
        return [_without_human_text(v) for v in value]
    return value


@pytest.mark.parametrize(("command", "argv"), CASES)
def test_lang_changes_only_the_text_a_person_reads(
    capsys: pytest.CaptureFixture[str], command: str, argv: list[str]
) -> None:
    _, vi = _json(capsys, argv, "vi")
    _, en = _json(capsys, argv, "en")
    assert _without_human_text(vi) == _without_human_text(en)


def test_lang_does_change_the_names() -> None:
    # Not a test that cannot fail: the names stripped above do differ between languages.
    vi = {"rating": {"code": "kha", "name": "Khá"}}
    en = {"rating": {"code": "kha", "name": "Fair"}}
    assert vi != en
    assert _without_human_text(vi) == _without_human_text(en)


#: Keys whose numbers are points (computed or read), each written with the rule set's decimals.
_POINTS = {"total", "max", "points", "deduction", "baseline", "all_done", "expected", "lost"}
_POINTS |= {"delta"}


def _points_texts(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, number as written) under a points key, a rule's parameters left out."""
    if isinstance(value, dict):
        return [p for k, v in value.items() if k != "rule" for p in _points_texts(v, k)]
    if isinstance(value, list):
        return [p for v in value for p in _points_texts(v, key)]
    plain_string = isinstance(value, str) and not isinstance(value, _Text)
    return [(key, value)] if key in _POINTS and not (plain_string or value is None) else []


@pytest.mark.parametrize(
    "argv",
    [
        ["score", str(EXAMPLE / "evidence.toml")],
        ["explain", str(EXAMPLE / "evidence.toml")],
        ["project", str(EXAMPLE / "evidence.toml"), str(EXAMPLE / "plan.toml")],
        ["plan", str(EXAMPLE / "evidence.toml"), str(EXAMPLE / "plan.toml"), "--budget", "40"],
        ["rank", str(ROOT / "examples" / "district_2022")],
    ],
    ids=lambda argv: argv[0],
)
def test_points_are_numbers_with_the_rule_sets_decimals(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    out, _ = _json(capsys, argv, "vi")
    # Floats read as their text: 100.00 stays "100.00", where an integer 100 would be 100.
    found = _points_texts(json.loads(out, parse_float=lambda text: _Text(text)))
    assert len(found) > 5
    assert [(k, v) for k, v in found if not re.fullmatch(r"-?\d+\.\d\d", str(v))] == []


class _Text(str):
    """A JSON number's text, kept apart from JSON strings."""


def test_the_example_wards_numbers_read_back_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    out, doc = _json(capsys, ["score", str(EXAMPLE / "evidence.toml")], "en")
    # The README's total; the maximum written with the rule set's two decimals.
    assert '"total": 84.14,' in out
    assert '"max": 100.00,' in out
    exact = json.loads(out, parse_float=Decimal)
    assert (exact["total"], exact["max"]) == (Decimal("84.14"), Decimal("100.00"))
    assert doc["rating"] == {"code": "kha", "name": "Fair", "provenance": "assumed"}
    # 5.1 is 1,0 × 20/21 = 0,952… → 0,95; its maximum 1,0 is written 1.00.
    node = next(n for n in exact["nodes"] if n["code"] == "5.1")
    assert (node["max"], node["points"], node["deduction"]) == (
        Decimal("1.00"),
        Decimal("0.95"),
        Decimal("0.05"),
    )


def test_the_plans_expected_total_has_the_rule_sets_decimals(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["plan", str(EXAMPLE / "evidence.toml"), str(EXAMPLE / "plan.toml"), "--budget", "40"]
    out, _ = _json(capsys, argv, "vi")
    # 88,5275 (the expected total of the best 40 person-days) rounded half up: 88,53.
    assert '"expected": 88.53,' in out
    assert "88.5275" not in out
