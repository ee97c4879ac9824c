"""Exact points: parsing numbers as Vietnamese documents write them, rounding, formatting.

Points are :class:`~decimal.Decimal`, never float. Documents mix the decimal comma
("1,5") with the decimal point ("0.9"); both are read. A string that could be read two
ways ("1,234": a thousands separator or a decimal comma?) is refused, never guessed.
"""

from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

from .limits import MAX_DIGITS, MAX_MAGNITUDE
from .words import Lang, problem_text

__all__ = [
    "Lang",
    "NumberFormatError",
    "at_places",
    "bounded",
    "exact",
    "format_date",
    "format_number",
    "format_percent",
    "format_points",
    "format_probability",
    "from_steps",
    "parse_number",
    "round_exact",
    "round_points",
    "round_quotient",
    "rounder",
    "step",
    "to_steps",
    "user_number",
    "within_bounds",
]

_NUMBER = re.compile(r"^([+-]?)(\d+)(?:[.,](\d+))?$")
_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


class NumberFormatError(ValueError):
    """A text is not a number in a form the library reads unambiguously.

    ``code`` is the problem code (:mod:`cchc_score.words.problems`) and ``fields`` the values
    its text refers to; ``value`` is the offending value when the message does not quote it
    already (``None`` then, and ``has_value`` is false). ``str(error)`` is the message in
    the default language (:func:`~cchc_score.words.default_lang`).

    >>> NumberFormatError("E-NUMBER-NOT-FINITE", Decimal("NaN")).message("en")
    'must be a finite number'
    """

    def __init__(self, code: str, *values: object, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.has_value = bool(values)
        self.value = values[0] if values else None
        super().__init__(self.message())

    def message(self, lang: Lang | None = None) -> str:
        """The message in ``lang``, without the offending value."""
        return problem_text(self.code, lang, **self.fields)


_LOWEST_EXPONENT = 10 - MAX_DIGITS


def within_bounds(value: object) -> bool:
    """Whether ``value`` is an ``int`` or a finite ``Decimal`` plainly within the bounds of
    :func:`bounded` (at most 10 places before the point and 20 after it): the cheap test
    that lets the numbers readers have already bounded pass at the cost of a comparison.

    >>> within_bounds(Decimal("84.24")), within_bounds(10**12), within_bounds(1.5)
    (True, False, False)
    """
    if type(value) is int:
        return -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
    if type(value) is Decimal and value.is_finite():
        _, digits, exponent = value.as_tuple()
        # Below 10⁹ (at most 9 places before the point) and at most 20 places after it.
        return exponent >= _LOWEST_EXPONENT and exponent + len(digits) <= 9  # type: ignore[operator]
    return False


def bounded(value: Decimal | int, shown: object = None) -> Decimal | int:
    """``value`` if it is within the library's bounds, checked without computing with it:
    at most :data:`~cchc_score.limits.MAX_MAGNITUDE` in size and
    :data:`~cchc_score.limits.MAX_DIGITS` digits written out in full (so neither
    ``1E+999999999`` nor ``1E-999999`` nor a 5,000-digit integer reaches arithmetic).

    NaN and infinity pass: the checks that read a value refuse them in their own words.

    Raises:
        NumberFormatError: past a bound; the message shows the value's start (``shown``,
            the text as written, when given).

    >>> bounded(Decimal("84.24")), bounded(10**9)
    (Decimal('84.24'), 1000000000)
    """
    if within_bounds(value):
        return value
    if isinstance(value, int):
        if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
            return value
        raise _too_large(value if shown is None else shown)
    if not value.is_finite() or value.is_zero():
        return value
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    count = len(digits)
    while count > 1 and digits[count - 1] == 0:  # trailing zeros are not digits
        count -= 1
        exponent += 1
    top = exponent + count - 1  # the place of the first digit: 10**top
    if top > 9 or (top == 9 and abs(value) > MAX_MAGNITUDE):
        raise _too_large(value if shown is None else shown)
    if max(top, 0) - min(exponent, 0) + 1 > MAX_DIGITS:
        written = _start(value if shown is None else shown)
        raise NumberFormatError("E-NUMBER-TOO-LONG", digits=MAX_DIGITS, start=written)
    return value


def _start(value: object) -> str:
    """A number as written, cut to 40 characters so that a 1 MB number is a short line."""
    text = value if isinstance(value, str) else str(value)
    return repr(text) if len(text) <= 40 else repr(text[:40] + "…")


def _too_large(value: object) -> NumberFormatError:
    """The error for a number past :data:`~cchc_score.limits.MAX_MAGNITUDE` (its texts say
    it: one billion); a huge integer
    (which cannot even be printed) is shown by its length."""
    if isinstance(value, int) and not isinstance(value, bool):
        digits = value.bit_length() * 30103 // 100000 + 1
        if digits >= 40:
            return NumberFormatError("E-NUMBER-TOO-LARGE-INT", digits=digits)
    return NumberFormatError("E-NUMBER-TOO-LARGE", start=_start(value))


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

    A number already (an ``int``, a ``Decimal``, a ``float`` by its shortest repr) is taken
    as it is, within the same bounds.

    >>> parse_number("1,5"), parse_number("91,3%", allow_percent=True), parse_number(5)
    (Decimal('1.5'), Decimal('0.913'), Decimal('5'))
    """
    if not isinstance(text, str):
        return _as_decimal(text)
    body = text.strip()
    percent = body.endswith("%")
    if percent:
        if not allow_percent:
            raise NumberFormatError("E-NUMBER-PERCENT", text=repr(text))
        body = body[:-1].rstrip()
    match = _NUMBER.match(body)
    if match is None:
        raise NumberFormatError("E-NUMBER-NOT-A-NUMBER", text=repr(text))
    if _AMBIGUOUS.match(body):
        raise NumberFormatError("E-NUMBER-AMBIGUOUS", text=repr(text))
    sign, whole, frac = match.groups()
    written = f"{sign}{whole}.{frac}" if frac is not None else f"{sign}{whole}"
    if len(whole) > 9 or len(written) >= MAX_DIGITS:  # else plainly within both bounds
        if len(whole.lstrip("0")) + len(frac or "") > MAX_DIGITS + 10:  # before Decimal()
            raise NumberFormatError("E-NUMBER-TOO-LONG", digits=MAX_DIGITS, start=_start(text))
        bounded(Decimal(written), text.strip())
    value = Decimal(written)
    return value.scaleb(-2) if percent else value


def _as_decimal(value: object) -> Decimal:
    """A Python number as an exact, bounded decimal (a float by its shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise NumberFormatError("E-NUMBER-EXPECTED", value)
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise NumberFormatError("E-NUMBER-NOT-FINITE", value)
    bounded(number, value if isinstance(value, int) else None)
    return number


def user_number(
    value: object,
    *,
    text: bool = True,
    percent: bool = False,
    expected: str = "E-NUMBER-EXPECTED",
    fields: Mapping[str, object] | None = None,
) -> Decimal:
    """A user's number, exactly: a TOML/JSON number (``int`` or ``Decimal``) or, with
    ``text``, a string such as ``"1,5"`` (with ``percent``, ``"91,3%"``).

    Raises:
        NumberFormatError: anything else (the problem code ``expected``, with ``fields``),
            NaN or infinity.

    >>> user_number(3), user_number("1,5"), user_number("91,3%", percent=True)
    (Decimal('3'), Decimal('1.5'), Decimal('0.913'))
    """
    if isinstance(value, str) and text:
        return parse_number(value, allow_percent=percent)
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise NumberFormatError(expected, value, **(fields or {}))
    number = Decimal(bounded(value))
    if not number.is_finite():
        raise NumberFormatError("E-NUMBER-NOT-FINITE", value)
    return number


def round_points(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimal places, half up (0,125 → 0,13), as the index does.

    A float is read by its shortest repr (1.005 is 1,005 and rounds to 1,01, as written).

    >>> round_points(Decimal("0.9523809")), round_points(1.005)
    (Decimal('0.95'), Decimal('1.01'))
    """
    if not isinstance(value, Decimal):
        value = _as_decimal(value)
    try:
        return value.quantize(step(places), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # pragma: no cover - guarded by validation
        raise NumberFormatError("E-NUMBER-ROUND", value) from exc


def format_date(day: dt.date, lang: Lang = "vi") -> str:
    """A date as ``lang`` writes it: 31/12/2023 in Vietnamese, 2023-12-31 in English.

    >>> import datetime
    >>> format_date(datetime.date(2023, 6, 5)), format_date(datetime.date(2023, 6, 5), "en")
    ('05/06/2023', '2023-06-05')
    """
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def step(places: int) -> Decimal:
    """The smallest step at ``places`` decimals: 2 → ``Decimal("0.01")``.

    >>> step(2), step(0)
    (Decimal('0.01'), Decimal('1'))
    """
    return Decimal(1).scaleb(-places)


def round_exact(value: Fraction | Decimal | int, places: int = 2) -> Decimal:
    """Round an exact value (a fraction, a decimal or an integer) once, half up.

    A rule's arithmetic is done in fractions and rounded here, so that a value that is a
    tie (3 × 28/192 ÷ 1/2 = 7/8 = 0,875) rounds up (0,88) rather than the way a 28-digit
    division happens to fall (0,87499… → 0,87).

    >>> round_exact(Fraction(7, 8)), round_exact(Fraction(-7, 8)), round_exact(Fraction(1, 3), 0)
    (Decimal('0.88'), Decimal('-0.88'), Decimal('0'))
    """
    exact = Fraction(value)
    scaled = abs(exact) * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(-whole if exact < 0 else whole).scaleb(-places)


def rounder(places: int) -> Callable[[Decimal], Decimal]:
    """A function that rounds to ``places`` decimals, half up, prepared once: what a scorer
    that runs for every unit uses (the same rounding as :func:`round_points`).

    >>> rounder(2)(Decimal("0.125")), rounder(0)(Decimal("2.5"))
    (Decimal('0.13'), Decimal('3'))
    """
    unit = step(places)

    def round_half_up(value: Decimal) -> Decimal:
        return value.quantize(unit, ROUND_HALF_UP)

    return round_half_up


#: Quotients: 28 digits, rounded to nearest, whatever the caller's own decimal context says.
_QUOTIENT = Context(prec=28, rounding=ROUND_HALF_EVEN)
_STEPS = tuple(step(places) for places in range(7))  # the decimals a rule set may have


def round_quotient(over: Decimal, under: Decimal, places: int) -> Decimal:
    """``over ÷ under`` (both ≥ 0) rounded once, half up, to ``places``: exactly.

    The 28-digit quotient rounds to nearest, so it lies on the same side of every tie as
    the exact value and rounds the same way, unless it *is* a tie: only then is the exact
    value worked out, as a fraction. 3 × 28 ÷ (192 × 0,5) is exactly 0,875 → 0,88.

    >>> round_quotient(Decimal(84), Decimal(96), 2), round_quotient(Decimal(20), Decimal(21), 2)
    (Decimal('0.88'), Decimal('0.95'))
    """
    quotient = _QUOTIENT.divide(over, under)
    unit = _STEPS[places] if places < len(_STEPS) else step(places)
    rounded = quotient.quantize(unit, rounding=ROUND_HALF_UP, context=_QUOTIENT)
    if _QUOTIENT.subtract(rounded, quotient) * 2 == unit:
        return round_exact(Fraction(over) / Fraction(under), places)
    return rounded


def to_steps(value: Decimal, places: int) -> int:
    """``value`` as a whole number of steps of ``places`` decimals: 4,83 at 2 → 483.

    The value must be a multiple of the step (points rounded to the rule set's decimals,
    and their sums and differences, always are); anything else is a programming error,
    never truncated silently.

    >>> to_steps(Decimal("4.83"), 2), to_steps(Decimal("-0.5"), 3)
    (483, -500)
    """
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} is not a multiple of {step(places)}")
    return int(scaled)


def from_steps(count: int, places: int) -> Decimal:
    """The inverse of :func:`to_steps`: 483 at 2 → 4,83.

    >>> from_steps(483, 2), from_steps(-500, 3)
    (Decimal('4.83'), Decimal('-0.500'))
    """
    return Decimal(count).scaleb(-places)


def format_number(value: Decimal | int, lang: Lang = "vi") -> str:
    """Write a number as given (no exponent), with a decimal comma in Vietnamese.

    >>> format_number(Decimal("84.24"), "vi"), format_number(Decimal("84.24"), "en")
    ('84,24', '84.24')
    """
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",") if lang == "vi" else text


def at_places(value: Decimal | int, places: int) -> Decimal:
    """``value`` written with at least ``places`` decimals, exactly: padded with zeros, never
    rounded (what a table or a JSON report shows for a number that is already at the rule
    set's decimals, or one from an annex that must not lose a digit).

    >>> at_places(Decimal("1.5"), 2), at_places(10, 2), at_places(Decimal("0.125"), 2)
    (Decimal('1.50'), Decimal('10.00'), Decimal('0.125'))
    """
    value = Decimal(value)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -places:
        return value.quantize(step(places))
    return value


def format_probability(value: float | Decimal, lang: Lang = "vi") -> str:
    """A probability as a percentage with one decimal, rounded half up: 0.8042 → "80,4%".

    >>> format_probability(0.8042), format_probability(1.0, "en"), format_probability(0)
    ('80,4%', '100.0%', '0,0%')
    """
    share = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return format_number(round_points(share * 100, 1), lang) + "%"


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


def exact() -> decimal.Context:
    """A decimal context in which sums and products of probabilities stay exact: any
    rounding raises :class:`decimal.Inexact` instead of going unnoticed. Used through its
    methods (``add``, ``multiply``), never installed, so that scoring keeps its own.

    >>> exact().multiply(Decimal("0.123456789"), Decimal("0.987654321"))  # 18 digits kept
    Decimal('0.121932631112635269')
    """
    context = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    context.traps[decimal.Inexact] = True
    return context
