"""Helpers for the project's own property tests; the strategies are the public ones."""

from __future__ import annotations

import json
from typing import Any

from cchc_score import Evidence
from cchc_score.testing import evidence_for, plans_for, rulesets

__all__ = ["evidence_for", "evidence_toml", "plans_for", "rulesets"]


def evidence_toml(evidence: Evidence, order: list[int]) -> str:
    """Evidence as TOML text, its facts written in the given order (a permutation)."""
    facts = [evidence.facts[i] for i in order]
    lines = [f"unit = {json.dumps(evidence.unit, ensure_ascii=False)}", "[facts]"]
    lines += [f"{name} = {_value(value)}" for name, value in facts]
    lines.append("[appraised]")
    lines += [f"{json.dumps(code)} = {value}" for code, value in evidence.appraised]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (frozenset, tuple)):
        return json.dumps(sorted(value), ensure_ascii=False)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
