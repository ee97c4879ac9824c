"""What a Python caller passes, checked and normalised in one place.

The public constructors and functions accept what a Python user naturally writes (an
``int`` or a ``float`` for points, ``"1,5"`` with a decimal comma, a list for a tuple, a
band name for a target) and refuse anything else with the library's own error, naming the
argument and showing the value, never with an ``AttributeError`` from deep inside.

Which error: the content of evidence, plans, appraisals and rules raises the error a file
with the same content raises (:class:`~cchc_score.errors.EvidenceError`,
:class:`~cchc_score.plan.PlanError`, …), so one ``except`` serves both ways in; a function's
own argument of the wrong kind raises :class:`~cchc_score.errors.ArgumentError`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from .errors import NO_VALUE, ArgumentError, CchcScoreError, Problem, Shown, show
from .numbers import NumberFormatError, bounded, parse_number, within_bounds
from .words import Phrase

__all__ = [
    "as_date",
    "as_number",
    "fail",
    "file_path",
    "instance",
    "items",
    "pairs",
    "said",
    "strings",
    "whole",
]

T = TypeVar("T")

#: What an argument should be: a word code (``"argument.scorecard"``, said "một Scorecard
#: (kết quả của evaluate)" in Vietnamese) or a :class:`~cchc_score.words.Phrase`; never
#: words written in place, so the message is said whole in the problem's language.
Expected = str | Phrase


def said(expected: Expected) -> Phrase:
    """``expected`` as the phrase a problem's ``{expected}`` field holds.

    >>> said("argument.integer")
    Phrase(code='argument.integer', fields={})
    """
    return expected if isinstance(expected, Phrase) else Phrase(expected, {})


def fail(
    error: type[CchcScoreError], where: str, code: str, *value: object, **fields: object
) -> CchcScoreError:
    """The error to raise for one argument: ``where: message (got value)``, the message the
    problem ``code``'s with ``fields``; a value whose rendering is long is cut (a whole plan,
    a megabyte of text), so the line stays a line."""
    if not value:
        return error([Problem(None, where, code, NO_VALUE, fields)])
    try:
        shown = show(value[0])
    except ValueError:  # an int past Python's int-to-text limit, alone or inside
        big = value[0]
        if isinstance(big, int):
            shown = f"~10^{int(big.bit_length() * 0.30103)}"
        else:
            shown = f"{type(big).__name__}(…)"
        return error([Problem(None, where, code, Shown(shown), fields)])
    if len(shown) <= _SHOWN:
        return error([Problem(None, where, code, value[0], fields)])
    return error([Problem(None, where, code, Shown(shown[: _SHOWN - 1] + "…"), fields)])


def _wrong_type(
    error: type[CchcScoreError], where: str, value: object, expected: Expected
) -> CchcScoreError:
    """The error for a value of the wrong type: ``where: expected …, not <its type>``."""
    return fail(error, where, "E-ARGUMENT-TYPE", value, expected=said(expected), type=_type(value))


def _type(value: object) -> str:
    """The name of a value's type, as a message names it."""
    return type(value).__name__


#: The longest rendering of a value an argument's error shows whole.
_SHOWN = 80


def instance(
    value: object,
    kind: type[T],
    where: str,
    expected: Expected,
    error: type[CchcScoreError] = ArgumentError,
) -> T:
    """``value`` when it is a ``kind``; else :class:`ArgumentError` saying what was expected
    (``expected``: a word code or a phrase, see :data:`Expected`).

    >>> instance(3, int, "n", "argument.integer")
    3
    >>> instance("3", int, "n", "argument.integer")
    Traceback (most recent call last):
    cchc_score.errors.ArgumentError: n: phải là một số nguyên, không phải str (giá trị: '3')
    """
    if not isinstance(value, kind):
        raise _wrong_type(error, where, value, expected)
    return value


def file_path(value: object, where: str = "path", expected: Expected = "argument.file_path") -> str:
    """A file path as the readers take it (a ``str`` or an ``os.PathLike``), as text.

    Raises:
        ArgumentError: anything else (``None``, a number, an open file).

    >>> from pathlib import Path
    >>> file_path(Path("rules.toml"))
    'rules.toml'
    """
    if isinstance(value, (str, os.PathLike)):
        text = os.fspath(value)
        if isinstance(text, str):
            return text
    raise _wrong_type(ArgumentError, where, value, expected)


def as_number(
    value: object,
    where: str,
    error: type[CchcScoreError] = ArgumentError,
    *,
    percent: bool = False,
    expected: Expected = "E-NUMBER-EXPECTED",
    decimals_as_given: bool = False,
) -> Decimal:
    """A number as a Python user writes it, exactly: an ``int``, a ``Decimal``, a ``float``
    read by its shortest repr (``0.1`` is 0,1), or a string with a decimal comma or point
    (with ``percent``, also ``"91,3%"``).

    With ``decimals_as_given``, a finite ``Decimal`` is taken as it is, unbounded: the
    types the file readers build (rules, annexes, plans) get their numbers as decimals the
    readers have bounded and will locate in their own checks, which a bound here would
    pre-empt with an unlocated message.

    Raises:
        error: a bool, NaN, an infinity, a string that is not a number, any other type, or
            (converted) past the library's bounds on numbers (:func:`.numbers.bounded`).

    >>> as_number(20, "x"), as_number(0.1, "x"), as_number("1,5", "x")
    (Decimal('20'), Decimal('0.1'), Decimal('1.5'))
    """
    if type(value) is Decimal and (
        (decimals_as_given and value.is_finite()) or within_bounds(value)
    ):
        return value  # the common case: a number a reader has bounded already
    number: Decimal | None = None
    try:
        if isinstance(value, bool):
            number = None
        elif isinstance(value, (int, Decimal)):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str):
            number = parse_number(value, allow_percent=percent)
    except NumberFormatError as exc:
        if len(str(exc)) > 2 * _SHOWN:  # the message quotes the text: a long one is cut
            wanted = said(expected)
            raise fail(error, where, "E-ARGUMENT-NOT-A-NUMBER", value, expected=wanted) from None
        raise fail(error, where, exc.code, **exc.fields) from None
    except (InvalidOperation, ValueError):  # an int too long to convert
        number = None
    if number is None:
        wanted = said(expected)
        raise fail(error, where, "E-ARGUMENT-NOT", value, expected=wanted, type=_type(value))
    if not number.is_finite():
        raise fail(error, where, "E-NUMBER-NOT-FINITE", value)
    try:
        bounded(number, value if isinstance(value, (int, str)) else None)
    except NumberFormatError as exc:  # the library's one bound on numbers (numbers.bounded)
        raise fail(error, where, exc.code, **exc.fields) from None
    return number


def whole(value: object, where: str, error: type[CchcScoreError], *, low: int = 0) -> int:
    """An integer ≥ ``low`` (a bool is not one).

    >>> whole(3, "n", ArgumentError)
    3
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(error, where, value, "argument.integer")
    if value < low:
        raise fail(error, where, "E-FACT-BELOW-MIN", value, min=low)
    return value


def as_date(value: object, where: str, error: type[CchcScoreError] = ArgumentError) -> dt.date:
    """A date: a ``datetime.date`` (a ``datetime`` counts by its day) or an ISO string
    ``"2023-06-30"``.

    >>> as_date("2023-06-30", "as_of")
    datetime.date(2023, 6, 30)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise fail(error, where, "E-ARGUMENT-DATE", value) from None
    raise _wrong_type(error, where, value, "argument.date")


def pairs(value: object, where: str, error: type[CchcScoreError]) -> tuple[tuple[str, object], ...]:
    """A mapping (or pairs) with string keys, as sorted pairs.

    >>> pairs({"b": 1, "a": 2}, "facts", ArgumentError)
    (('a', 2), ('b', 1))
    """
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = []
        for item in value:
            if not isinstance(item, tuple) or len(item) != 2:
                raise fail(error, where, "E-ARGUMENT-PAIRS", item)
            items.append(item)
    else:
        raise _wrong_type(error, where, value, "argument.dict")
    for key, _ in items:
        if not isinstance(key, str):
            raise fail(error, where, "E-ARGUMENT-KEYS", key)
    items.sort(key=_first)
    if not isinstance(value, Mapping):  # a mapping's keys are unique already
        for (a, _), (b, _) in itertools.pairwise(items):
            if a == b:
                raise fail(error, f"{where}[{a!r}]", "E-ARGUMENT-TWICE")
    return tuple(items)


def _first(pair: tuple[str, object]) -> str:
    return pair[0]


def items(value: object, where: str) -> list[object]:
    """The items of a list, tuple or other iterable (not of a string or a dict).

    >>> items((1, 2), "results")
    [1, 2]
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise _wrong_type(ArgumentError, where, value, "argument.list")
    return list(value)


def strings(value: object, where: str, error: type[CchcScoreError]) -> tuple[str, ...]:
    """Strings as a tuple: one string is one item (never its characters); a list, tuple or
    other iterable of strings keeps its order.

    >>> strings("5.1", "criteria", ArgumentError), strings(["5.1", "5.2"], "", ArgumentError)
    (('5.1',), ('5.1', '5.2'))
    """
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable) or isinstance(value, (bytes, Mapping)):
        raise _wrong_type(error, where, value, "argument.strings")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise _wrong_type(error, where, item, "argument.strings")
    return items
