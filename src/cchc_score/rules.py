"""The closed vocabulary of rule kinds: how each one scores, and how it explains its points.

Scoring is exact (:class:`~decimal.Decimal`) and pure. The points returned here are not
yet rounded: :mod:`cchc_score.evaluation` rounds each leaf once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .model import Appraised, Bands, Checklist, Deduction, Levels, Ratio, Sum
from .numbers import format_number, format_percent, format_points

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .evidence import FactValue
    from .model import Criterion, Fact, Rule
    from .numbers import Lang

__all__ = ["explain", "ratio_value", "score", "scorer"]

_ZERO = Decimal(0)

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "points": "điểm",
        "point": "điểm",
        "at_least": "mức từ {min} trở lên",
        "target_met": "đạt mục tiêu {target}",
        "below_min": "dưới ngưỡng {min}",
        "not_below": "không dưới {floor}",
        "done": "{done}/{total} nội dung đạt",
        "missing": "chưa đạt: {items}",
        "appraised": "điểm thẩm định nhập trực tiếp",
        "sum": "tổng các tiêu chí thành phần",
        "capped": "tối đa {max}",
        "true": "có",
        "false": "không",
    },
    "en": {
        "points": "points",
        "point": "point",
        "at_least": "step from {min}",
        "target_met": "target {target} met",
        "below_min": "below the threshold {min}",
        "not_below": "not below {floor}",
        "done": "{done} of {total} items done",
        "missing": "missing: {items}",
        "appraised": "appraised points entered directly",
        "sum": "sum of the sub-criteria",
        "capped": "capped at {max}",
        "true": "yes",
        "false": "no",
    },
}


def _number(value: FactValue) -> Decimal:
    if isinstance(value, (frozenset, str)):  # pragma: no cover - evidence is checked first
        raise TypeError(f"expected a number, got {value!r}")
    return Decimal(value)


def ratio_value(rule: Ratio, values: Mapping[str, FactValue]) -> Decimal:
    """The ratio a ``ratio`` rule scores: the fact, or the fact over its denominator."""
    top = _number(values[rule.fact])
    if rule.of is None:
        return top
    return top / _number(values[rule.of])


def score(rule: Rule, top: Decimal, values: Mapping[str, FactValue]) -> Decimal:
    """The unrounded points a fact-based rule awards, within [0, ``top``].

    Args:
        rule: a ratio, bands, deduction, levels or checklist rule.
        top: the criterion's maximum.
        values: checked fact values (see :func:`cchc_score.check_evidence`).
    """
    return scorer(rule, top)(values)


def scorer(rule: Rule, top: Decimal) -> Callable[[Mapping[str, FactValue]], Decimal]:
    """A function scoring ``rule`` for a criterion of maximum ``top``: checked facts → points.

    Prepared once per rule set by the evaluation, so that the per-unit work is only the
    arithmetic.
    """
    if isinstance(rule, Ratio):
        return _ratio_scorer(rule, top)
    if isinstance(rule, Bands):
        name, steps = rule.fact, tuple((s.min, s.points) for s in rule.steps)

        def bands(values: Mapping[str, FactValue]) -> Decimal:
            number = _number(values[name])
            for low, points in steps:
                if number >= low:
                    return points
            return _ZERO  # unreachable for validated rules: the last step covers the range

        return bands
    if isinstance(rule, Deduction):
        name, each, floor = rule.fact, rule.each, rule.min_points
        return lambda values: max(top - each * _number(values[name]), floor)
    if isinstance(rule, Levels):
        name, table = rule.fact, dict(rule.points)

        def levels(values: Mapping[str, FactValue]) -> Decimal:
            level = values[name]
            return (
                table["true" if level else "false"]
                if isinstance(level, bool)
                else table[str(level)]
            )

        return levels
    if isinstance(rule, Checklist):
        name, items = rule.fact, rule.items

        def checklist(values: Mapping[str, FactValue]) -> Decimal:
            done = values[name]
            assert isinstance(done, frozenset)
            return min(sum((p for item, p in items if item in done), _ZERO), top)

        return checklist
    raise TypeError(f"{rule.kind} rules are not scored from facts")


def _ratio_scorer(rule: Ratio, top: Decimal) -> Callable[[Mapping[str, FactValue]], Decimal]:
    target, floor = rule.target, rule.min_ratio

    def ratio(values: Mapping[str, FactValue]) -> Decimal:
        value = ratio_value(rule, values)
        if floor is not None and value < floor:
            return _ZERO
        if value >= target:
            return top
        return top * value / target

    return ratio


def explain(
    node: Criterion,
    inputs: Sequence[tuple[Fact, FactValue]],
    points: Decimal,
    lang: Lang,
    parts: Sequence[Decimal] = (),
) -> str:
    """One sentence saying how ``node`` got ``points`` from ``inputs``.

    ``parts`` are the children's points, for an inner (``sum``) node.

    >>> from cchc_score import load_rules
    >>> rules = load_rules("criteria_2022")
    >>> facts = [(rules.fact("staff_rated_good"), 20), (rules.fact("staff_total"), 21)]
    >>> explain(rules.node("5.1"), facts, Decimal("0.95"), "vi")
    '20/21 cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên → 1,0 × 20/21 = 0,95 điểm'
    """
    words = _WORDS[lang]
    rule = node.rule
    top = format_number(node.max, lang)
    result = f"{format_points(points, lang)} {words['point' if points == 1 else 'points']}"
    if isinstance(rule, Appraised):
        return f"{words['appraised']}: {result}"
    if isinstance(rule, Sum):
        total = sum(parts, _ZERO)
        text = " + ".join(format_points(p, lang) for p in parts)
        capped = f" ({words['capped'].format(max=top)})" if total > node.max else ""
        return f"{words['sum']}: {text}{capped} = {result}"
    values = {fact.name: value for fact, value in inputs}
    facts = {fact.name: fact for fact, _ in inputs}
    if isinstance(rule, Ratio):
        return _explain_ratio(rule, node, facts, values, result, lang)
    assert isinstance(rule, (Bands, Deduction, Levels, Checklist))
    fact = facts[rule.fact]
    value = values[fact.name]
    if isinstance(rule, Bands):
        step = next(s for s in rule.steps if _number(value) >= s.min)
        bound = _show(fact, step.min, lang)
        return f"{_stated(fact, value, lang)} → {words['at_least'].format(min=bound)}: {result}"
    if isinstance(rule, Deduction):
        count = format_number(_number(value), lang)
        each = format_number(rule.each, lang)
        formula = f"{top} − {each} × {count}"
        if node.max - rule.each * _number(value) < rule.min_points:
            floor = format_points(rule.min_points, lang)
            formula += f", {words['not_below'].format(floor=floor)}"
        return f"{_stated(fact, value, lang)} → {formula} = {result}"
    if isinstance(rule, Levels):
        return f"{_stated(fact, value, lang)} → {result}"
    if isinstance(rule, Checklist):
        done = value if isinstance(value, frozenset) else frozenset()
        listed = [item for item, _ in rule.items]
        missing = [item for item in listed if item not in done]
        text = words["done"].format(done=len(listed) - len(missing), total=len(listed))
        if missing:
            text += "; " + words["missing"].format(items=", ".join(missing))
        return f"{_label(fact, lang)}: {text} → {result}"
    raise TypeError(f"unknown rule kind {rule.kind!r}")  # pragma: no cover - closed union


def _explain_ratio(
    rule: Ratio,
    node: Criterion,
    facts: Mapping[str, Fact],
    values: Mapping[str, FactValue],
    result: str,
    lang: Lang,
) -> str:
    words = _WORDS[lang]
    fact = facts[rule.fact]
    top = format_number(node.max, lang)
    value = ratio_value(rule, values)
    percent = rule.of is not None or fact.type == "ratio"
    if rule.of is not None:
        shown = f"{values[rule.fact]}/{values[rule.of]}"
        stated = f"{shown} {_label(fact, lang)}"
    else:
        shown = _show(fact, value, lang)
        stated = _stated(fact, values[rule.fact], lang)
    target = format_percent(rule.target, lang) if percent else format_number(rule.target, lang)
    if rule.min_ratio is not None and value < rule.min_ratio:
        bound = (
            format_percent(rule.min_ratio, lang) if percent else format_number(rule.min_ratio, lang)
        )
        return f"{stated} → {words['below_min'].format(min=bound)} → {result}"
    if value >= rule.target and rule.target != 1:
        return f"{stated} → {words['target_met'].format(target=target)} → {result}"
    formula = f"{top} × {shown}" + ("" if rule.target == 1 else f" ÷ {target}")
    return f"{stated} → {formula} = {result}"


def _label(fact: Fact, lang: Lang) -> str:
    return fact.label_en if lang == "en" and fact.label_en else fact.label


def _show(fact: Fact, value: Decimal | int, lang: Lang) -> str:
    if fact.type == "ratio":
        return format_percent(Decimal(value), lang)
    return format_number(value, lang)


def _stated(fact: Fact, value: FactValue, lang: Lang) -> str:
    """A fact and its value as a phrase: "2 báo cáo gửi chậm", "Tỷ lệ …: 91,3%"."""
    if fact.type == "count":
        return f"{value} {_label(fact, lang)}"
    if isinstance(value, bool):
        return f"{_label(fact, lang)}: {_WORDS[lang]['true' if value else 'false']}"
    if isinstance(value, str):
        return f"{_label(fact, lang)}: “{value}”"
    if isinstance(value, frozenset):  # pragma: no cover - checklists are explained apart
        return f"{_label(fact, lang)}: {', '.join(sorted(value))}"
    return f"{_label(fact, lang)}: {_show(fact, value, lang)}"
