"""A rules file that extends another and changes nothing is its parent, for any rule set;
one that restates every criterion's maximum is too."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given

from cchc_score import RuleSet, dump_rules, load_rules, loads_rules

from .strategies import rulesets


@given(rulesets())
def test_extending_without_changes_gives_the_parent_back(rules: RuleSet) -> None:
    with tempfile.TemporaryDirectory() as folder:
        parent = Path(folder) / "parent.toml"
        parent.write_text(dump_rules(rules), encoding="utf-8")
        child = Path(folder) / "child.toml"
        child.write_text('extends = "parent.toml"\n', encoding="utf-8")
        assert load_rules(child) == rules
        grandchild = Path(folder) / "grandchild.toml"
        grandchild.write_text('extends = "child.toml"\n', encoding="utf-8")
        assert load_rules(grandchild) == rules


@given(rulesets())
def test_restating_what_the_parent_says_changes_nothing(rules: RuleSet) -> None:
    with tempfile.TemporaryDirectory() as folder:
        parent = Path(folder) / "parent.toml"
        parent.write_text(dump_rules(rules), encoding="utf-8")
        restated = [
            f'[[criteria]]\ncode = "{node.code}"\nmax = {node.max}\n' for node in rules.nodes()
        ]
        text = 'extends = "parent.toml"\n' + "".join(restated)
        assert loads_rules(text, file=str(Path(folder) / "child.toml")) == rules
