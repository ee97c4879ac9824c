"""Exact ties: a ratio rule's arithmetic is exact and rounded once, half up (issue 11,
bug 13). The strategy here builds values whose exact points lie half a step between two
roundings, for a ratio with and without a denominator and with targets other than 1, and
checks the engine against a computation in fractions done here."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from cchc_score import Criterion, Evidence, Fact, Ratio, RuleSet, Sum, evaluate
from cchc_score.evaluation import leaf_points


def _half_up(value: Fraction, places: int) -> Decimal:
    """Round half up by hand: ⌊value × 10^places + ½⌋ ÷ 10^places (value ≥ 0)."""
    scaled = value * 10**places + Fraction(1, 2)
    return Decimal(scaled.numerator // scaled.denominator).scaleb(-places)


def _decimal(value: Fraction) -> Decimal:
    """A fraction whose denominator has only the factors 2 and 5, as an exact decimal."""
    digits = 0
    while (value * 10**digits).denominator != 1:
        digits += 1
    return Decimal((value * 10**digits).numerator).scaleb(-digits)


def _rules(top: Decimal, rule: Ratio, places: int, facts: tuple[Fact, ...]) -> RuleSet:
    leaf = Criterion("1.1", "Tỷ lệ", top, rule, basis="test")
    domain = Criterion("I", "Lĩnh vực", top, Sum(), children=(leaf,), basis="test")
    return RuleSet("ties", "Thử", 2024, top, places, facts, (domain,), ())


@st.composite
def ratio_cases(draw: st.DrawFn, tie: bool) -> tuple[RuleSet, Evidence, Fraction]:
    """A one-criterion rule set, evidence for it and the exact points its rule gives; with
    ``tie``, points exactly half a step of the rule set's decimals from two roundings."""
    places = draw(st.integers(0, 3))
    with_of = draw(st.booleans())
    facts: tuple[Fact, ...]
    # The maximum: any number of hundredths with a denominator; without one, a product
    # of 2s and 5s, so that the share that makes a tie is a finite decimal.
    if with_of:
        top = Fraction(draw(st.integers(1, 1000)), 100)
    else:
        top = Fraction(2 ** draw(st.integers(0, 4)) * 5 ** draw(st.integers(0, 3)), 100)
    target = Fraction(draw(st.integers(1, 99).filter(lambda t: t != 100)), 100)
    if tie:
        # Points (2j + 1) / (2 × 10^places) below the maximum: the share is points × target ÷ max.
        halves = top * 2 * 10**places
        j = draw(st.integers(0, max(0, int(halves) // 2 - 1)))
        points = Fraction(2 * j + 1, 2 * 10**places)
        assume(points < top)  # a maximum below half a step has no tie under it
        share = points * target / top
    else:
        share = Fraction(draw(st.integers(0, 10**4)), 10**4) * target
    if with_of:
        scale = draw(st.integers(1, 5))
        total = share.denominator * scale
        done = share.numerator * scale
        rule = Ratio("done", of="total", target=_decimal(target))
        facts = (
            Fact("done", "count", "đã làm"),
            Fact("total", "count", "tổng", minimum=Decimal(1)),
        )
        evidence = Evidence("X", facts={"done": done, "total": total})
    else:
        as_ratio = draw(st.booleans())
        rule = Ratio("share", target=_decimal(target))
        if as_ratio:
            facts = (Fact("share", "ratio", "tỷ lệ"),)
        else:
            facts = (Fact("share", "number", "số", minimum=Decimal(0)),)
        evidence = Evidence("X", facts={"share": _decimal(share)})
    exact = min(top * share / target, top)
    return _rules(_decimal(top), rule, places, facts), evidence, exact


@given(ratio_cases(tie=True))
def test_exact_ties_round_half_up(case: tuple[RuleSet, Evidence, Fraction]) -> None:
    rules, evidence, exact = case
    halves = exact * 2 * 10**rules.decimals
    assert halves.denominator == 1  # a tie, truly: an odd number of half steps
    assert halves.numerator % 2 == 1
    expected = _half_up(exact, rules.decimals)
    card = evaluate(rules, evidence)
    assert card.node("1.1").points == expected
    values = dict(card.values)
    assert leaf_points(rules, "1.1", values, {}) == expected


@given(ratio_cases(tie=False))
def test_ratio_points_are_the_exact_value_rounded_once(
    case: tuple[RuleSet, Evidence, Fraction],
) -> None:
    rules, evidence, exact = case
    assert evaluate(rules, evidence).node("1.1").points == _half_up(exact, rules.decimals)
