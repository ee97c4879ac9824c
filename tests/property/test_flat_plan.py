"""The flat plan (cchc_score.compiled) against the full path of evaluate, on generated rule
sets and evidence: the same points (value and digits), total, rating and facts where it
scores, and the same problems where the evidence has any.

The full path is evaluate with the plan made to decline every unit (``FlatPlan.score``
returning ``None``), so both come from one public function: the reference is what
evaluate did before the plan existed (check everything, score every node as it goes).
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_score import Evidence, RuleSet, Scorecard, dump_evidence_csv, evaluate, score_many
from cchc_score.compiled import FlatPlan, flat_plan
from cchc_score.errors import EvidenceError
from cchc_score.kinds import kind_of

from .strategies import evidence_for, rulesets


def _full_path(rules: RuleSet, evidence: Evidence) -> Scorecard | tuple[Any, ...]:
    """evaluate's full path: the card, or the problems as (path, code, value) by text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FlatPlan, "score", lambda self, values, appraised: None)
        try:
            return evaluate(rules, evidence)
        except EvidenceError as exc:
            return tuple(p.text("en") for p in exc.problems)


def _either(rules: RuleSet, evidence: Evidence) -> Scorecard | tuple[Any, ...]:
    try:
        return evaluate(rules, evidence)
    except EvidenceError as exc:
        return tuple(p.text("en") for p in exc.problems)


def _same_card(flat: Scorecard, full: Scorecard) -> None:
    assert flat == full  # unit, year, every point, facts, total, rating, notes, …
    # Equal decimals can differ in their digits (0.5 and 0.50): reports print them.
    assert [str(p) for p in flat.points] == [str(p) for p in full.points]
    assert str(flat.total) == str(full.total)
    assert [n.explanation("en") for n in flat.nodes] == [n.explanation("en") for n in full.nodes]


@st.composite
def _spoilt(draw: st.DrawFn, rules: RuleSet, evidence: Evidence, table: bool = False) -> Evidence:
    """The evidence with one thing wrong, or right in a way the plan declines: a fact
    missing, of the wrong type or out of range, a ratio's numerator above its
    denominator, appraised points missing or past the maximum, points for a criterion
    scored from facts, a criterion not assessed, a note for an unknown code, a value in a
    file's shape ("91,3%", a list of items). In a ``table``, a note is for a known code
    (an unknown one is a problem of the table's header, not of a row)."""
    facts: dict[str, Any] = dict(evidence.facts)
    appraised = dict(evidence.appraised)
    scored = [n for n in rules.nodes() if n.is_leaf and kind_of(n.rule).scored]
    how = draw(
        st.sampled_from(
            ["drop", "text", "negative", "huge", "over", "points", "observed", "skip", "note"]
        )
    )
    names = sorted(facts)
    if how in ("drop", "text", "negative", "huge") and names:
        name = draw(st.sampled_from(names))
        if how == "drop":
            del facts[name]
        else:
            facts[name] = {"text": "nhiều", "negative": -1, "huge": 999_999_999}[how]
    elif how == "over" and names:
        value = facts[names[0]]
        if isinstance(value, int) and not isinstance(value, bool):
            facts[names[0]] = value + 1_000_000
    elif how == "points" and appraised:
        code = draw(st.sampled_from(sorted(appraised)))
        appraised[code] = rules.node(code).max + 1 if draw(st.booleans()) else Decimal(-1)
    elif how == "observed" and scored:
        node = draw(st.sampled_from(scored))
        appraised[node.code] = node.max
    elif how == "skip":
        code = draw(st.sampled_from([n.code for n in rules.nodes()]))
        return attrs.evolve(evidence, not_assessed={code: "chưa đánh giá"})
    elif how == "note":
        code = draw(st.sampled_from([n.code for n in rules.nodes()])) if table else "không.có"
        return attrs.evolve(evidence, notes={code: "ghi chú"})
    return attrs.evolve(evidence, facts=facts, appraised=appraised)


def _file_shaped(evidence: Evidence, rules: RuleSet) -> Evidence:
    """Values as an evidence file gives them: a checklist as a list, a ratio as text or
    as an integer."""
    shaped: dict[str, object] = {}
    for name, value in evidence.facts:
        kind = rules.fact(name).type
        if kind == "checklist" and isinstance(value, frozenset):
            shaped[name] = tuple(sorted(value))
        elif kind == "ratio" and isinstance(value, Decimal) and value in (0, 1):
            shaped[name] = int(value)  # a TOML integer
        elif kind == "ratio" and isinstance(value, Decimal):
            percent = format((value * 100).normalize(), "f")
            # "91,3%"; three places after the comma would read as thousands ("1,125").
            written = len(percent.partition(".")[2]) != 3
            shaped[name] = percent.replace(".", ",") + "%" if written else value
        else:
            shaped[name] = value
    return attrs.evolve(evidence, facts=shaped)


@settings(max_examples=150, deadline=None)
@given(rulesets(max_domains=4), st.data())
def test_the_flat_plan_scores_as_the_full_path(rules: RuleSet, data: st.DataObject) -> None:
    plan = flat_plan(rules)
    # Several units under one plan, so that points remembered for one unit's values are
    # read back for another's.
    for _ in range(3):
        evidence = data.draw(evidence_for(rules))
        typed = plan.typed(evidence)
        # Valid evidence without observed points is the plan's to score: never declined.
        assert typed is not None
        assert plan.score(typed, dict(evidence.appraised)) is not None
        full = _full_path(rules, evidence)
        assert isinstance(full, Scorecard)
        _same_card(evaluate(rules, evidence), full)
        # Values as a file writes them are typed by the full check's own function.
        shaped = _file_shaped(evidence, rules)
        assert plan.typed(shaped) is not None
        _same_card(evaluate(rules, shaped), full)


@settings(max_examples=150, deadline=None)
@given(rulesets(max_domains=4), st.data())
def test_evidence_with_problems_reports_them_as_the_full_path(
    rules: RuleSet, data: st.DataObject
) -> None:
    evidence = data.draw(evidence_for(rules, observed=data.draw(st.booleans())))
    spoilt = data.draw(_spoilt(rules, evidence))
    full = _full_path(rules, spoilt)
    flat = _either(rules, spoilt)
    if isinstance(full, Scorecard):
        assert isinstance(flat, Scorecard)
        _same_card(flat, full)
    else:
        assert flat == full


@settings(max_examples=60, deadline=None)
@given(rulesets(max_domains=3), st.data())
def test_a_table_scores_as_the_full_path(rules: RuleSet, data: st.DataObject) -> None:
    units = []
    for i in range(data.draw(st.integers(1, 6))):
        evidence = data.draw(evidence_for(rules, observed=data.draw(st.booleans())))
        if data.draw(st.booleans()):
            evidence = data.draw(_spoilt(rules, evidence, table=True))
        units.append(attrs.evolve(evidence, unit=f"Xã {i}"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "units.csv"
        path.write_text(dump_evidence_csv(rules, units), encoding="utf-8")
        scored: list[object] = []
        plan_score = FlatPlan.score

        def counted(self: FlatPlan, values: Any, appraised: Any) -> Any:
            found = plan_score(self, values, appraised)
            scored.append(found)
            return found

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(FlatPlan, "score", counted)
            flat = list(score_many(rules, path))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(FlatPlan, "score", lambda self, values, appraised: None)
            full = list(score_many(rules, path))
    assert len(flat) == len(full) == len(units)
    # Every valid unit without appraised points for criteria scored from facts (observed
    # or compared) or criteria not assessed was the plan's.
    cards = [r.scorecard for r in full if r.scorecard is not None]
    plain = [c for c in cards if not (c.observed or c.compared or c.not_assessed)]
    assert sum(x is not None for x in scored) >= len(plain)
    for a, b in zip(flat, full, strict=True):
        assert (a.unit, a.line, a.source) == (b.unit, b.line, b.source)
        assert [p.text("en") for p in a.problems] == [p.text("en") for p in b.problems]
        if b.scorecard is None:
            assert a.scorecard is None
        else:
            assert a.scorecard is not None
            _same_card(a.scorecard, b.scorecard)
