from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cchc_score import (
    Evidence,
    EvidenceError,
    RuleSet,
    check_evidence,
    evaluate,
    load_evidence,
    load_rules,
)
from cchc_score.io.evidence import read_evidence

from .conftest import DATA, EXAMPLE

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

MINIMAL = DATA / "valid" / "minimal.toml"

# A complete, valid evidence for tests/data/valid/minimal.toml.
GOOD = """\
unit = "Xã thử"
year = 2022
rules = "../rules.toml"

[facts]
done = 3
planned = 4
share = "85%"
late = 1
level = "cao"
items = ["a"]

[appraised]
"1.6" = 1.5
"""


@pytest.fixture
def minimal() -> RuleSet:
    return load_rules(MINIMAL)


def _write(tmp_path: Path, text: str, name: str = "ev.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(minimal: RuleSet, path: Path) -> list[str]:
    with pytest.raises(EvidenceError) as info:
        evaluate(minimal, load_evidence(path))
    return [str(p) for p in info.value.problems]


def test_good_evidence_scores(minimal: RuleSet, tmp_path: Path) -> None:
    card = evaluate(minimal, load_evidence(_write(tmp_path, GOOD)))
    # 1.1: 2 × 3/4 = 1.5; 1.2: 85% ≥ 80% → 2; 1.3: 2 − 0.5 × 1 = 1.5; 1.4: "cao" → 1;
    # 1.5: item a → 0.5; 1.6: appraised 1.5. Total 1.5 + 2 + 1.5 + 1 + 0.5 + 1.5 = 8.
    assert [str(card.node(c).points) for c in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6")] == [
        "1.50",
        "2.00",
        "1.50",
        "1.00",
        "0.50",
        "1.50",
    ]
    assert card.total == Decimal(8)
    assert card.rating is not None
    assert card.rating.name == "Tốt"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("[facts]", "[fact]\nx = 1\n[facts]"),
            [
                "ev.toml: fact: unknown key or table; expected one of 'unit', 'year', 'rules', "
                "'facts', 'appraised', 'notes', 'not_assessed', 'estimated'"
            ],
            id="unknown-table",
        ),
        pytest.param(
            ('share = "85%"', "share = 1.2"),
            [
                'ev.toml: facts.share: a ratio must be between 0 and 1 (write 91,3% as "91,3%" or '
                "0.913) (got 1.2)"
            ],
            id="ratio-above-1",
        ),
        pytest.param(
            ('share = "85%"', 'share = "120%"'),
            [
                'ev.toml: facts.share: a ratio must be between 0 and 1 (write 91,3% as "91,3%" or '
                "0.913) (got '120%')"
            ],
            id="percent-above-100",
        ),
        pytest.param(
            ("done = 3", "done = 5"),
            [
                "ev.toml: facts.done: is more than planned (4), so criterion 1.1's ratio would "
                "exceed 1 (got 5)"
            ],
            id="numerator-above-denominator",
        ),
        pytest.param(
            ("planned = 4", "planned = 0"),
            ["ev.toml: facts.planned: must be ≥ 1 (got 0)"],
            id="denominator-below-its-min",
        ),
        pytest.param(
            ("late = 1", "late = -1"),
            ["ev.toml: facts.late: must be ≥ 0 (got -1)"],
            id="negative-count",
        ),
        pytest.param(
            ("late = 1", "late = 1.5"),
            ["ev.toml: facts.late: a count must be a whole number (got 1.5)"],
            id="fractional-count",
        ),
        pytest.param(
            ("late = 1", 'late = "1,234"'),
            [
                "ev.toml: facts.late: ambiguous number '1,234': thousands separator or decimal "
                "comma? write it without grouping, e.g. 1234 or 1.234 as a plain number"
            ],
            id="ambiguous-string",
        ),
        pytest.param(
            ("late = 1", 'late = "10%"'),
            ["ev.toml: facts.late: a percentage is not allowed here: '10%'"],
            id="percent-for-a-count",
        ),
        pytest.param(
            ("late = 1", "late = true"),
            ["ev.toml: facts.late: expected a number for a count fact (got true)"],
            id="bool-for-a-count",
        ),
        pytest.param(
            ('level = "cao"', 'level = "rất cao"'),
            [
                "ev.toml: facts.level: not a level of this fact; expected one of 'thấp', 'cao' "
                "(got 'rất cao')"
            ],
            id="unknown-level",
        ),
        pytest.param(
            ('items = ["a"]', 'items = ["a", "c"]'),
            [
                "ev.toml: facts.items: not an item of this checklist; expected some of 'a', 'b' "
                "(got 'c')"
            ],
            id="unknown-item",
        ),
        pytest.param(
            ("done = 3", "done = 3\nextra = 1"),
            [
                "ev.toml: facts.extra: not a fact declared by the rules 'minimal'; declared: done, "
                "planned, share, late, level, items"
            ],
            id="unknown-fact",
        ),
        pytest.param(
            ('"1.6" = 1.5', '"1.6" = 2.5'),
            ['ev.toml: appraised."1.6": must be between 0 and the maximum 2 (got 2.5)'],
            id="appraised-above-max",
        ),
        pytest.param(
            ('"1.6" = 1.5', '"1.6" = 1.5\nI = 9'),
            [
                "ev.toml: appraised.I: criterion I is the sum of its sub-criteria; give "
                "appraised points for them instead"
            ],
            id="appraised-for-a-sum",
        ),
        pytest.param(
            # Observed points for a criterion scored by a rule are checked like any others.
            ('"1.6" = 1.5', '"1.6" = 1.5\n"1.3" = 2.5'),
            ['ev.toml: appraised."1.3": must be between 0 and the maximum 2 (got 2.5)'],
            id="observed-above-max",
        ),
        pytest.param(
            ('"1.6" = 1.5', '"1.6" = "abc"'),
            [
                "ev.toml: appraised.\"1.6\": not a number: 'abc' (write digits with one decimal "
                "comma or point)"
            ],
            id="appraised-not-a-number",
        ),
        pytest.param(
            ("done = 3\nplanned = 4\n", ""),
            ["ev.toml: facts: missing facts: done (for 1.1); planned (for 1.1)"],
            id="missing-facts-listed-together",
        ),
        pytest.param(
            ('"1.6" = 1.5', ""),
            [
                "ev.toml: appraised: missing appraised points for: 1.6 (or list them under "
                "[not_assessed] with a reason)"
            ],
            id="missing-appraised",
        ),
        pytest.param(
            ('unit = "Xã thử"', "unit = 7"),
            ["ev.toml: unit: the unit's name is required (a non-empty string) (got 7)"],
            id="unit-not-a-string",
        ),
    ],
)
def test_invalid_evidence(
    minimal: RuleSet, tmp_path: Path, change: tuple[str, str], expected: list[str]
) -> None:
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    assert [p.replace(str(path), "ev.toml") for p in _problems(minimal, path)] == expected


def test_every_problem_reported_at_once(minimal: RuleSet, tmp_path: Path) -> None:
    # A shape problem (an unknown table) and two value problems, in one error.
    text = GOOD.replace('share = "85%"', "share = 1.2").replace("late = 1", "late = -1")
    path = _write(tmp_path, text.replace("[facts]", "[factz]\n[facts]"))
    with pytest.raises(EvidenceError) as info:
        load_evidence(path, rules=minimal)
    # Facts are checked in name order.
    assert [p.path for p in info.value.problems] == ["factz", "facts.late", "facts.share"]


def test_toml_syntax_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "unit = \n")
    with pytest.raises(EvidenceError) as info:
        load_evidence(path)
    assert str(info.value) == f"{path}: line 1, column 8: invalid TOML: Invalid value"


def test_json_evidence_equals_toml(minimal: RuleSet, tmp_path: Path) -> None:
    doc = {
        "unit": "Xã thử",
        "year": 2022,
        "facts": {
            "done": 3,
            "planned": 4,
            "share": "85%",
            "late": 1,
            "level": "cao",
            "items": ["a"],
        },
        "appraised": {"1.6": 1.5},
    }
    from_json = load_evidence(_write(tmp_path, json.dumps(doc), "ev.json"))
    from_toml = load_evidence(_write(tmp_path, GOOD.replace('rules = "../rules.toml"\n', "")))
    assert from_json == from_toml
    assert evaluate(minimal, from_json) == evaluate(minimal, from_toml)


def test_json_syntax_error(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"unit": }', "ev.json")
    with pytest.raises(EvidenceError) as info:
        load_evidence(path)
    assert str(info.value) == f"{path}: line 1, column 10: invalid JSON: Expecting value"


def test_rules_path_is_relative_to_the_evidence(tmp_path: Path) -> None:
    evidence = load_evidence(_write(tmp_path, GOOD))
    assert evidence.rules == str(tmp_path.parent / "rules.toml")
    assert load_evidence(EXAMPLE / "evidence.toml").rules == "criteria_2022"


def test_not_assessed_scores_the_maximum(minimal: RuleSet, tmp_path: Path) -> None:
    # 1.3 and its facts are left out; declared not assessed, it counts at its maximum 2.
    text = GOOD.replace("late = 1\n", "") + '\n[not_assessed]\n"1.3" = "không phát sinh"\n'
    card = evaluate(minimal, load_evidence(_write(tmp_path, text)))
    node = card.node("1.3")
    assert (node.points, node.status) == (Decimal(2), "not_assessed")
    assert node.explanation("vi") == ("không đánh giá (không phát sinh): tính điểm tối đa 2 điểm")
    # 8 − 1.5 + 2 = 8.5
    assert card.total == Decimal("8.5")


def test_not_assessed_needs_a_known_code_and_a_reason(minimal: RuleSet, tmp_path: Path) -> None:
    text = GOOD + '\n[not_assessed]\n"9.9" = "x"\n"1.6" = " "\n'
    path = _write(tmp_path, text)
    assert [p.replace(str(path), "ev.toml") for p in _problems(minimal, path)] == [
        'ev.toml: not_assessed."1.6": give the reason it was not assessed',
        "ev.toml: not_assessed.\"9.9\": no criterion has this code (got '9.9')",
    ]


def test_evidence_is_immutable_and_order_free() -> None:
    a = Evidence("X", 2022, facts={"b": 1, "a": 2})
    b = Evidence("X", 2022, facts=[("a", 2), ("b", 1)])
    assert a == b
    assert hash(a) == hash(b)
    c = a.with_facts(a=3)
    assert a.fact("a") == 2
    assert c.fact("a") == 3
    with pytest.raises(AttributeError):
        a.unit = "Y"  # type: ignore[misc]


def test_check_evidence_types_values(minimal: RuleSet, tmp_path: Path) -> None:
    typed = check_evidence(minimal, load_evidence(_write(tmp_path, GOOD)))
    assert typed == {
        "done": 3,
        "planned": 4,
        "share": Decimal("0.85"),
        "late": 1,
        "level": "cao",
        "items": frozenset({"a"}),
    }
    assert isinstance(typed["done"], int)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("year = 2022\n", ["unit: the unit's name is required (a non-empty string)"]),
        pytest.param(
            'unit = " "\nyear = "2022"\nrules = 5\n',
            [
                "unit: the unit's name is required (a non-empty string) (got ' ')",
                "year: expected a year as an integer (got '2022')",
                "rules: expected the name or path of a rules file (got 5)",
            ],
            id="wrong-types",
        ),
        pytest.param(
            'unit = "A"\nyear = true\n',
            ["year: expected a year as an integer (got true)"],
            id="a-boolean-is-no-year",
        ),
        pytest.param(
            'unit = "A"\nfacts = 3\nnotes = []\n',
            ["facts: expected a table (got 3)", "notes: expected a table (got [])"],
            id="tables-that-are-not",
        ),
        pytest.param(
            'unit = "A"\n[facts]\nb = [1, "x"]\nc = {x = 1}\n',
            [
                "facts.b: expected a number, a string, true/false or an array of strings "
                "(got [1, 'x'])",
                "facts.c: expected a number, a string, true/false or an array of strings "
                "(got {'x': 1})",
            ],
            id="fact-values",
        ),
        pytest.param(
            'unit = "A"\n[appraised]\n"1.3" = true\n"1.6" = nan\n[not_assessed]\n"1.4" = 1\n',
            [
                'appraised."1.3": expected points as a number (got true)',
                'appraised."1.6": must be a finite number (got nan)',
                'not_assessed."1.4": expected a string (got 1)',
            ],
            id="points-and-reasons",
        ),
    ],
)
def test_evidence_shape(tmp_path: Path, text: str, expected: list[str]) -> None:
    evidence, problems = read_evidence(_write(tmp_path, text))
    assert [str(p).split(": ", 1)[1] for p in problems] == expected
    assert evidence is not None  # what could be read is kept, to be checked for values too


def test_evidence_shape_and_values_reported_together(minimal: RuleSet, tmp_path: Path) -> None:
    # A fact of the wrong shape is left out, so it is also missing for its criterion.
    path = _write(tmp_path, GOOD.replace("late = 1", "late = [1]"))
    with pytest.raises(EvidenceError) as info:
        load_evidence(path, rules=minimal)
    assert [str(p).split(": ", 1)[1] for p in info.value.problems] == [
        "facts.late: expected a number, a string, true/false or an array of strings (got [1])",
        "facts: missing facts: late (for 1.3)",
    ]


def test_json_null_unit(tmp_path: Path) -> None:
    _, problems = read_evidence(_write(tmp_path, '{"unit": null}', "ev.json"))
    messages = [p.message("en") for p in problems]
    assert messages == ["the unit's name is required (a non-empty string)"]


def test_evidence_as_the_docs_write_it_scores() -> None:
    # docs/evidence-format.md builds evidence with plain ints; before issue 18 evaluate
    # failed on it ('int' object has no attribute 'quantize').
    rules = load_rules("criteria_2022")
    evidence = load_evidence(EXAMPLE / "evidence.toml")
    points = {code: float(p) for code, p in evidence.appraised}
    as_floats = attrs.evolve(evidence, appraised={**points, "IX": 20})
    assert dict(as_floats.appraised)["IX"] == Decimal(20)
    assert evaluate(rules, as_floats).total == Decimal("85.09")
