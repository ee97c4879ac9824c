"""Writing a rule set back as a standalone TOML rules file that reads back equal."""

from __future__ import annotations

from typing import Any

from .. import arguments, syntax
from ..evidence import RULES_EXPECTED
from ..kinds import kind_of
from ..model import RuleSet

__all__ = ["dump_rules"]


def dump_rules(ruleset: RuleSet) -> str:
    """Write a rule set back as TOML that :func:`loads_rules` reads to an equal rule set.

    >>> from cchc_score import load_rules, loads_rules
    >>> rules = load_rules("criteria_2022")
    >>> loads_rules(dump_rules(rules)) == rules
    True
    """
    arguments.instance(ruleset, RuleSet, "rules", RULES_EXPECTED)
    out: list[str] = []
    index = {
        "id": ruleset.id,
        "name": ruleset.name,
        "name_en": ruleset.name_en,
        "year": ruleset.year,
        "max": ruleset.max,
        "decimals": ruleset.decimals,
        "basis": ruleset.basis,
    }
    _emit_table(out, "index", index)
    if not ruleset.facts:
        _emit_table(out, "facts", {})  # the table is required, even when empty
    for fact in ruleset.facts:
        _emit_table(
            out,
            f"facts.{syntax.key(fact.name)}",
            {
                "type": fact.type,
                "label": fact.label,
                "label_en": fact.label_en,
                "unit": fact.unit,
                "min": fact.minimum,
                "max": fact.maximum,
                "levels": list(fact.levels) or None,
                "items": list(fact.items) or None,
                "better": fact.better,
                "levels_en": list(fact.levels_en) or None,
                "items_en": list(fact.items_en) or None,
                "label_en_one": fact.label_en_one,
            },
        )
    for node in ruleset.nodes():
        _emit_table(
            out,
            "criteria",
            {
                "code": node.code,
                "name": node.name,
                "name_en": node.name_en,
                "max": node.max,
                "reference": node.reference,
                "provenance": node.provenance,
                "carry": node.carry,
                "looks_back": node.looks_back or None,
                "basis": node.basis,
            },
            array=True,
        )
        if node.is_leaf:
            for header, values, array in kind_of(node.rule).dump(node.rule):
                _emit_table(out, header, values, array)
    if ruleset.renamed:
        _emit_table(out, "renamed", dict(ruleset.renamed))
    for band in ruleset.bands:
        _emit_table(
            out,
            "bands",
            {
                "name": band.name,
                "name_en": band.name_en,
                "min": band.min,
                "basis": band.basis,
                "provenance": band.provenance,
            },
            array=True,
        )
    return "\n".join(out)


def _emit_table(out: list[str], header: str, values: dict[str, Any], array: bool = False) -> None:
    out.append(f"[[{header}]]" if array else f"[{header}]")
    for key, value in values.items():
        if value is not None:
            out.append(f"{syntax.key(key)} = {syntax.value(value)}")
    out.append("")
