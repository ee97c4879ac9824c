"""The public property-testing toolkit: its strategies yield only valid data, and
check_invariants catches broken rule sets with a minimal counterexample."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from cchc_score import RulesError, RuleSet, check_evidence, dump_rules, load_rules, loads_rules
from cchc_score.effects import resolve_effects
from cchc_score.model import RULE_KINDS
from cchc_score.testing import (
    INVARIANTS,
    check_invariants,
    evidence_for,
    plans_for,
    rulesets,
)

from .conftest import DATA

MINIMAL = (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8")


def _minimal_with(old: str, new: str) -> RuleSet:
    assert old in MINIMAL
    return loads_rules(MINIMAL.replace(old, new), file="broken.toml")


@settings(max_examples=30, deadline=None)
@given(rulesets(), st.data())
def test_strategies_yield_what_the_validators_accept(rules: RuleSet, data: st.DataObject) -> None:
    assert loads_rules(dump_rules(rules)) == rules  # the rules validator
    evidence = data.draw(evidence_for(rules))
    check_evidence(rules, evidence)  # the evidence checker raises on anything invalid
    resolve_effects(rules, data.draw(plans_for(rules, evidence)))  # the plan checker
    resolve_effects(rules, data.draw(plans_for(rules)))


# The first example found is enough: no shrinking.
_FIRST = settings(max_examples=500, database=None, phases=[Phase.generate])


@pytest.mark.parametrize("kind", sorted(RULE_KINDS))
def test_every_rule_kind_is_generated(kind: str) -> None:
    rules = find(rulesets(), lambda r: any(n.rule.kind == kind for n in r.nodes()), settings=_FIRST)
    assert any(n.rule.kind == kind for n in rules.nodes())


def test_a_fact_feeding_several_criteria_is_generated() -> None:
    def shared(rules: RuleSet) -> bool:
        readers = [n.rule.fact for n in rules.nodes() if hasattr(n.rule, "fact")]
        return len(readers) != len(set(readers))

    assert shared(find(rulesets(), shared, settings=_FIRST))


def test_bundled_and_minimal_rules_keep_every_invariant() -> None:
    check_invariants(load_rules("criteria_2022"), max_examples=40)
    check_invariants(load_rules(DATA / "valid" / "minimal.toml"), max_examples=40)


# Broken on purpose. The loader now refuses each of these, with a located problem code.
BROKEN = [
    pytest.param(  # bands upside down: more points for a worse ratio
        (
            "min = 0.8\npoints = 2\n[[criteria.rule.steps]]\nmin = 0\npoints = 1",
            "min = 0.8\npoints = 1\n[[criteria.rule.steps]]\nmin = 0\npoints = 2",
        ),
        'criterion "1.2".rule.fact',
        "E-RULES-DIRECTION-LOWER",
        id="inverted-bands",
    ),
    pytest.param(  # levels listed best first
        ('levels = ["thấp", "cao"]', 'levels = ["cao", "thấp"]'),
        'criterion "1.4".rule.fact',
        "E-RULES-DIRECTION-LOWER",
        id="levels-best-first",
    ),
    pytest.param(  # a deduction per report on a fact declared "more is better"
        ('label = "báo cáo chậm"\nbetter = "lower"', 'label = "báo cáo chậm"\nbetter = "higher"'),
        'criterion "1.3".rule.fact',
        "E-RULES-DIRECTION-LOWER",
        id="deduction-on-a-good-count",
    ),
]


@pytest.mark.parametrize(("change", "where", "code"), BROKEN)
def test_broken_rule_sets_are_refused_by_the_loader(
    change: tuple[str, str], where: str, code: str
) -> None:
    with pytest.raises(RulesError) as info:
        _minimal_with(*change)
    assert info.value.codes == (code,)
    assert info.value.problems[0].path == where


def test_invariants_are_documented() -> None:
    import cchc_score.testing as toolkit

    for name in INVARIANTS:
        assert f"``{name}``" in (toolkit.__doc__ or "")


USER_TEST = """\
    from cchc_score import evaluate, load_rules
    from cchc_score.testing import check_invariants, evidence_for
    from hypothesis import given

    RULES = load_rules({rules!r})

    def test_rules_keep_their_promises():
        check_invariants(RULES, max_examples=60)

    @given(evidence_for(RULES))
    def test_total_within_the_maximum(evidence):
        assert 0 <= evaluate(RULES, evidence).total <= RULES.max
"""


def _run_user_test(tmp_path: Path, *rules: str) -> subprocess.CompletedProcess[str]:
    """The ten-line test file on each rules file (one test file each), in one pytest run."""
    tests = []
    for i, name in enumerate(rules):
        test = tmp_path / f"test_my_rules_{i}.py"
        test.write_text(textwrap.dedent(USER_TEST.format(rules=name)), encoding="utf-8")
        tests.append(str(test))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )


def test_a_users_ten_line_test_file(tmp_path: Path) -> None:
    green = _run_user_test(tmp_path, "criteria_2022")
    assert green.returncode == 0, green.stdout
    assert "2 passed" in green.stdout

    # A province's own file with the mistakes rules authors make: each is found, located.
    province = (DATA / "valid" / "province_2023.toml").read_text(encoding="utf-8")
    mistakes = {
        "dropped-row": (
            "[[criteria.rule.steps]]\nmin = 0.8\nbelow = 0.95\npoints = 0.5\n",
            "",
            'criterion "6.7".rule.steps[1].below',
            "E-RULES-BANDS-GAP",
        ),
        "unreachable-maximum": (
            '"báo cáo kết quả" = 0.25',
            '"báo cáo kết quả" = 0.2',
            'criterion "1.9".rule.items',
            "E-RULES-CHECKLIST-SHORT",
        ),
        "inversion-above-the-generated-range": (
            "[[criteria.rule.steps]]\nmin = 4\npoints = 0\n",
            "[[criteria.rule.steps]]\nmin = 60\npoints = 0.5\n[[criteria.rule.steps]]\nmin = 4\n"
            "points = 0\n",
            'criterion "6.6".rule.fact',
            "E-RULES-DIRECTION-MIXED",
        ),
    }
    broken = {name: tmp_path / f"{name}.toml" for name in mistakes}
    for name, (old, new, _, code) in mistakes.items():
        assert province.count(old) == 1, name
        broken[name].write_text(province.replace(old, new), encoding="utf-8")
        with pytest.raises(RulesError) as info:
            load_rules(broken[name])
        assert code in info.value.codes
    red = _run_user_test(tmp_path, *(str(path) for path in broken.values()))
    assert red.returncode != 0
    assert "3 errors" in red.stdout, red.stdout
    for name, (_, _, where, _) in mistakes.items():
        assert f"{broken[name]}: {where}: " in red.stdout, (name, red.stdout)
