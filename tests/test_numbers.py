from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_score.numbers import (
    NumberFormatError,
    format_number,
    format_percent,
    format_points,
    parse_number,
    round_points,
)

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5", "1.5"),
        ("0.9", "0.9"),
        ("19,05", "19.05"),
        (" 2 ", "2"),
        ("-0,25", "-0.25"),
        ("0,125", "0.125"),  # a leading 0 cannot be a thousands group
        ("1,2345", "1.2345"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("91,3%", "0.913"), ("91.3%", "0.913"), ("100%", "1"), ("0 %", "0")],
)
def test_parse_percent(text: str, expected: str) -> None:
    assert parse_number(text, allow_percent=True) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "not a number: 'abc' (write digits with one decimal comma or point)"),
        ("1.234,5", "not a number: '1.234,5' (write digits with one decimal comma or point)"),
        (
            "1,234",
            "ambiguous number '1,234': thousands separator or decimal comma? write it "
            "without grouping, e.g. 1234 or 1.234 as a plain number",
        ),
        (
            "12.500",
            "ambiguous number '12.500': thousands separator or decimal comma? write it "
            "without grouping, e.g. 1234 or 1.234 as a plain number",
        ),
        ("5%", "a percentage is not allowed here: '5%'"),
        ("", "not a number: '' (write digits with one decimal comma or point)"),
    ],
)
def test_parse_number_refuses(text: str, message: str) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_number(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.125", "0.13"),  # half up, not half even (which would give 0.12)
        ("0.135", "0.14"),
        ("0.9523809", "0.95"),  # 20/21
        ("1.3269230", "1.33"),  # 1.5 × 23/26
        ("0.004999", "0.00"),
        ("2", "2.00"),
    ],
)
def test_round_points_half_up(value: str, expected: str) -> None:
    assert str(round_points(Decimal(value))) == expected


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [("84.24", "84,24", "84.24"), ("10", "10", "10"), ("1.0", "1,0", "1.0")],
)
def test_format_number(value: str, vi: str, en: str) -> None:
    assert format_number(Decimal(value), "vi") == vi
    assert format_number(Decimal(value), "en") == en


def test_format_percent_and_points() -> None:
    assert format_percent(Decimal("0.913")) == "91,3%"
    assert format_percent(Decimal("0.2"), "en") == "20%"
    assert format_percent(Decimal("0")) == "0%"
    assert format_points(Decimal("1.50")) == "1,5"
    assert format_points(Decimal("2.00"), "en") == "2"
    assert format_points(Decimal("0.95"), "en") == "0.95"


def test_exact_sum_of_the_annex_domain_scores() -> None:
    # The annex's domain scores; in floating point these add up to 84.24000000000001.
    scores = ["8,83", "4,5", "11,75", "6,0", "13,45", "6,9", "11,76", "2,0", "19,05"]
    assert format_number(sum((parse_number(s) for s in scores), Decimal(0))) == "84,24"
