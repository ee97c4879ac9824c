"""Exact points: parsing numbers as Vietnamese documents write them, rounding, formatting.

Points are :class:`~decimal.Decimal`, never float. Documents mix the decimal comma
("1,5") with the decimal point ("0.9"); both are read. A string that could be read two
ways ("1,234": a thousands separator or a decimal comma?) is refused, never guessed.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

__all__ = [
    "Lang",
    "NumberFormatError",
    "format_number",
    "format_percent",
    "format_points",
    "parse_number",
    "round_points",
]

Lang = Literal["vi", "en"]

_NUMBER = re.compile(r"^([+-]?)(\d+)(?:[.,](\d+))?$")
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


class NumberFormatError(ValueError):
    """A text is not a number in a form the library reads unambiguously."""


def parse_number(text: str, *, allow_percent: bool = False) -> Decimal:
    """Read a number written with a decimal comma or point, optionally as a percentage.

    Args:
        text: e.g. ``"1,5"``, ``"0.9"``, ``"91,3%"`` (surrounding spaces are ignored).
        allow_percent: accept a trailing ``%`` and divide by 100.

    Returns:
        The exact value.

    Raises:
        NumberFormatError: the text is not a plain number, or is ambiguous
            (``"1,234"``, ``"1.234,5"``), or has a ``%`` where none is allowed.

    >>> parse_number("1,5"), parse_number("91,3%", allow_percent=True)
    (Decimal('1.5'), Decimal('0.913'))
    """
    body = text.strip()
    percent = body.endswith("%")
    if percent:
        if not allow_percent:
            raise NumberFormatError(f"a percentage is not allowed here: {text!r}")
        body = body[:-1].rstrip()
    match = _NUMBER.match(body)
    if match is None:
        raise NumberFormatError(
            f"not a number: {text!r} (write digits with one decimal comma or point)"
        )
    if _AMBIGUOUS.match(body):
        raise NumberFormatError(
            f"ambiguous number {text!r}: thousands separator or decimal comma? "
            "write it without grouping, e.g. 1234 or 1.234 as a plain number"
        )
    sign, whole, frac = match.groups()
    value = Decimal(f"{sign}{whole}.{frac}" if frac is not None else f"{sign}{whole}")
    return value.scaleb(-2) if percent else value


def round_points(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimal places, half up (0,125 → 0,13), as the index does.

    >>> round_points(Decimal("0.9523809"))
    Decimal('0.95')
    """
    try:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # pragma: no cover - guarded by validation
        raise NumberFormatError(f"cannot round {value!r}") from exc


def format_number(value: Decimal | int, lang: Lang = "vi") -> str:
    """Write a number as given (no exponent), with a decimal comma in Vietnamese.

    >>> format_number(Decimal("84.24"), "vi"), format_number(Decimal("84.24"), "en")
    ('84,24', '84.24')
    """
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",") if lang == "vi" else text


def format_percent(value: Decimal, lang: Lang = "vi") -> str:
    """Write a ratio as a percentage without trailing zeros: 0.913 → "91,3%".

    >>> format_percent(Decimal("0.913")), format_percent(Decimal("0.5"), "en")
    ('91,3%', '50%')
    """
    scaled = value.scaleb(2)
    text = format(scaled.normalize(), "f") if scaled != 0 else "0"
    return format_number(Decimal(text), lang) + "%"


def format_points(value: Decimal, lang: Lang = "vi") -> str:
    """Write points for a sentence: no trailing zeros, no exponent (1.50 → "1,5", 2.00 → "2").

    >>> format_points(Decimal("0.950")), format_points(Decimal("2.00"), "en")
    ('0,95', '2')
    """
    if value == value.to_integral_value():
        return format_number(value.quantize(Decimal(1)), lang)
    return format_number(value.normalize(), lang)
