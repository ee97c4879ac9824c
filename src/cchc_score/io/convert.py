"""The one strict converter every reader structures its documents through (cattrs, built on
first need behind :class:`~.converter.Converter`'s quick path for valid documents).

cattrs coerces by default (``3`` becomes ``"3"``, ``true`` becomes ``1``) and its error
messages are vague; here every basic type has a strict hook, unknown keys are errors, and
:func:`flatten` turns cattrs' error tree into located problems that name the key, say what
was expected and show the value.

A reader describes its document as private frozen attrs classes (``_EvidenceDoc``,
``_TaskDoc``, …), registers hooks for its own value types on :data:`CONVERTER` when it is
imported, and calls :func:`structure`. A field can carry better words for its problems in
its metadata (:func:`messages`); a class can say what an unknown key is called with a
``unknown_key`` class variable.
"""

from __future__ import annotations

import copy
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NewType, TypeVar, get_args, get_origin

import attrs

from .. import numbers, syntax
from ..errors import NO_VALUE
from ..limits import MAX_YEAR, MIN_YEAR
from ..numbers import NumberFormatError
from .converter import Converter

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from ..errors import ProblemList

__all__ = [
    "CONVERTER",
    "Invalid",
    "TableInvalid",
    "Tables",
    "Year",
    "code",
    "flatten",
    "messages",
    "structure",
    "user_number",
]

T = TypeVar("T")
#: An array of tables that a reader structures one at a time, so that each table's problems
#: name it (``task "2.1".effort``) and one bad table does not hide the others.
Tables = NewType("Tables", tuple[Any, ...])
#: A year within :data:`~.limits.MIN_YEAR` and :data:`~.limits.MAX_YEAR`.
Year = NewType("Year", int)
#: A path inside a document: table keys and array indexes.
Parts = tuple["str | int", ...]


class Invalid(Exception):
    """A value of the wrong type or form, raised by a strict hook.

    Attributes:
        code: what is wrong, as a problem code, e.g. ``E-VALUE-NOT-STRING``.
        value: the offending value (``NO_VALUE`` when there is none to show).
        subpath: where inside the value, as written after its key (``"[2]"``, ``".a"``).
        fields: the values the code's text refers to.
    """

    def __init__(
        self, code: str, value: object = NO_VALUE, subpath: str = "", /, **fields: object
    ) -> None:
        super().__init__(code)
        self.code, self.value, self.subpath, self.fields = code, value, subpath, fields


class TableInvalid(Exception):
    """Some entries of a table are invalid: each key with what was wrong with its value."""

    def __init__(self, errors: list[tuple[str, BaseException]]) -> None:
        super().__init__(f"{len(errors)} invalid entries")
        self.errors = errors


def messages(*, wrong: str | None = None, missing: str | None = None) -> dict[str, str]:
    """Field metadata with better words for a field's problems than the hooks' own: problem
    codes whose texts take no fields.

    Args:
        wrong: replaces the code when the field's value has the wrong type or form.
        missing: replaces ``E-KEY-MISSING`` ("required key is missing").
    """
    found = {"wrong": wrong, "missing": missing}
    return {key: text for key, text in found.items() if text is not None}


# --------------------------------------------------------------------------- strict hooks

_NUMBER_TYPES = (int, Decimal)


def _strict_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        raise Invalid("E-NUMBER-EXPECTED", value)
    number = Decimal(value)
    if not number.is_finite():
        raise Invalid("E-NUMBER-NOT-FINITE", value)
    return number


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("E-VALUE-NOT-INTEGER", value)
    return value


def _year(value: object, _: type) -> Year:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("E-YEAR-NOT-INTEGER", value)
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise Invalid("E-YEAR-RANGE", value, low=MIN_YEAR, high=MAX_YEAR)
    return Year(value)


def code(text: str) -> str:
    """A criterion or domain code as the library compares codes: NFKC, so that full-width
    digits and letters ("１.６", "Ⅶ") are the ASCII code they look like. A code that is
    still not ASCII afterwards (Arabic-Indic digits) is refused by the code checks.

    >>> code("１.６"), code("Ⅶ"), code(" 1.2 ")
    ('1.6', 'VII', ' 1.2 ')
    """
    return unicodedata.normalize("NFKC", text)


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise Invalid("E-VALUE-NOT-STRING", value)
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise Invalid("E-VALUE-NOT-BOOLEAN", value)
    return value


def _strict_str_tuple(value: object, _: type) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Invalid("E-VALUE-NOT-STRINGS", value)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise Invalid("E-VALUE-NOT-STRING", item, f"[{i}]")
    return tuple(value)


def _strict_points_table(value: object, _: type) -> tuple[tuple[str, Decimal], ...]:
    if not isinstance(value, dict):
        raise Invalid("E-VALUE-NOT-POINTS-TABLE", value)
    pairs = []
    for key, points in value.items():
        try:
            pairs.append((key, _strict_decimal(points, Decimal)))
        except Invalid as exc:
            raise Invalid(exc.code, exc.value, f".{syntax.key(key)}", **exc.fields) from None
    return tuple(pairs)


def _tables(value: object, _: type) -> Tables:
    if not isinstance(value, list):
        raise Invalid("E-VALUE-NOT-TABLES", value)
    return Tables(tuple(value))


def _literal_hook(literal: Any) -> Callable[[object, type], object]:
    choices = get_args(literal)

    def structure_literal(value: object, _: type) -> object:
        if isinstance(value, bool) or value not in choices:
            raise Invalid("E-VALUE-CHOICE", value, expected=syntax.allowed(map(str, choices)))
        return value

    return structure_literal


def _table_hook(table: Any) -> Callable[[object, type], dict[str, Any]]:
    """``dict[str, V]``: a table whose every entry is structured as ``V``, all of its bad
    entries reported (each at its key)."""
    value_type = get_args(table)[1]
    entry = CONVERTER.get_structure_hook(value_type)

    def structure_table(value: object, _: type) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid("E-VALUE-NOT-TABLE", value)
        out: dict[str, Any] = {}
        errors: list[tuple[str, BaseException]] = []
        for key, item in value.items():
            try:
                out[key] = entry(item, value_type)
            except Exception as exc:  # each is reported at its key
                errors.append((key, exc))
        if errors:
            raise TableInvalid(errors)
        return out

    return structure_table


def user_number(
    value: object,
    *,
    text: bool = True,
    percent: bool = False,
    expected: str = "E-NUMBER-EXPECTED",
    fields: Mapping[str, object] | None = None,
) -> Decimal:
    """A user's number, exactly (:func:`cchc_score.numbers.user_number`), for a hook.

    Raises:
        Invalid: anything else, NaN or infinity.
    """
    try:
        return numbers.user_number(
            value, text=text, percent=percent, expected=expected, fields=fields
        )
    except NumberFormatError as exc:
        shown = exc.value if exc.has_value else NO_VALUE
        raise Invalid(exc.code, shown, **exc.fields) from None


def _is_literal(cl: Any) -> bool:
    return get_origin(cl) is Literal


def _is_table(cl: Any) -> bool:
    return get_origin(cl) is dict


def _make_converter() -> Converter:
    converter = Converter()
    converter.register_structure_hook(Decimal, _strict_decimal)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(Year, _year)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _strict_str_tuple)
    converter.register_structure_hook_func(
        lambda t: t == tuple[tuple[str, Decimal], ...], _strict_points_table
    )
    converter.register_structure_hook(Tables, _tables)
    converter.register_structure_hook_factory(_is_literal, _literal_hook, _quick_literal)
    converter.register_structure_hook_factory(_is_table, _table_hook, _quick_table)
    return converter


def _quick_literal(_: Converter, literal: Any) -> Callable[[object], object]:
    hook = _literal_hook(literal)
    return lambda value: hook(value, literal)


def _quick_table(converter: Converter, table: Any) -> Callable[[object], dict[str, Any]]:
    value_type = get_args(table)[1]

    def structure_table(value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid("E-VALUE-NOT-TABLE", value)
        return {key: converter.quick(item, value_type) for key, item in value.items()}

    return structure_table


#: The converter every reader structures through (:class:`Converter`).
CONVERTER = _make_converter()


# --------------------------------------------------------------------------- errors


#: One problem found in cattrs' error tree: (parts, subpath, code, value, fields).
Found = tuple[Parts, str, str, object, dict[str, object]]


def _walk(exc: BaseException, parts: Parts, meta: Mapping[str, Any]) -> Iterator[Found]:
    """cattrs' error tree as (parts, subpath, code, value, fields); unknown keys last."""
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        fields = attrs.fields_dict(exc.cl) if attrs.has(exc.cl) else {}
        for sub, note in with_notes:
            field = fields.get(note.name)
            yield from _walk(sub, (*parts, note.name), field.metadata if field else {})
        for sub in others:
            yield from _walk(sub, parts, {})
    elif isinstance(exc, IterableValidationError):
        indexed, others = exc.group_exceptions()
        for sub, inote in indexed:
            yield from _walk(sub, (*parts, inote.index), {})
        for sub in others:
            yield from _walk(sub, parts, {})
    elif isinstance(exc, TableInvalid):
        for key, entry in exc.errors:
            yield from _walk(entry, (*parts, key), {})
    elif isinstance(exc, ForbiddenExtraKeysError):
        expected = syntax.allowed(a.name for a in attrs.fields(exc.cl))
        unknown = getattr(exc.cl, "unknown_key", "E-KEY-UNKNOWN")
        for extra in sorted(exc.extra_fields):
            yield (*parts, extra), "", unknown, NO_VALUE, {"expected": expected}
    elif isinstance(exc, Invalid):
        wrong = meta.get("wrong") if not exc.subpath else None
        if wrong:
            yield parts, exc.subpath, wrong, exc.value, {}
        else:
            yield parts, exc.subpath, exc.code, exc.value, exc.fields
    elif isinstance(exc, KeyError):
        yield parts, "", meta.get("missing", "E-KEY-MISSING"), NO_VALUE, {}
    else:  # a cattrs failure we did not foresee: still located, never a traceback
        yield parts, "", "E-VALUE-INVALID", NO_VALUE, {"detail": str(exc)}


def _path(where: str, parts: Parts) -> str:
    path = where
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{syntax.key(part)}" if path else syntax.key(part)
    return path


def flatten(exc: BaseException, where: str) -> Iterator[tuple[str, str, object, dict[str, object]]]:
    """Turn cattrs' error tree into (path, code, value, fields), paths under ``where``.

    Each field's problems come in the order the class declares its fields, then the
    unknown keys (as the rules loader has always listed them).
    """
    for parts, subpath, code, value, fields in _walk(exc, (), {}):
        yield _path(where, parts) + subpath, code, value, fields


def structure(
    value: object, cls: type[T], where: str, problems: ProblemList, *, salvage: bool = False
) -> T | None:
    """Structure one table as ``cls``; on failure record every problem under ``where``.

    Args:
        value: the table, as tomllib or json gives it.
        cls: an attrs class.
        where: the table's path in the document ("" for the top, ``task "1.2"``, …).
        problems: where the problems go.
        salvage: on failure, structure again without the keys that were wrong, so that a
            reader can go on with what was right (``None`` if that fails too).

    Returns:
        The structured value, or ``None`` when it had problems (unless ``salvage``).
    """
    if not isinstance(value, dict):
        problems.add(where, "E-VALUE-NOT-TABLE", value)
        return None
    try:
        return CONVERTER.quick(value, cls)  # type: ignore[no-any-return]
    except Exception:  # cattrs structures it again and says what is wrong
        pass
    from cattrs.errors import ClassValidationError

    try:
        return CONVERTER.cattrs.structure(value, cls)
    except (ClassValidationError, Invalid) as exc:
        found = list(_walk(exc, (), {}))
    for parts, subpath, code, bad, fields in found:
        problems.add(_path(where, parts) + subpath, code, bad, **fields)
    if not salvage:
        return None
    pruned = copy.deepcopy(value)
    for parts, *_ in found:
        _prune(pruned, parts)
    try:
        return CONVERTER.cattrs.structure(pruned, cls)
    except (ClassValidationError, Invalid):
        return None


def _prune(doc: object, parts: Parts) -> None:
    """Remove the value at ``parts`` (a key of a table) from a document."""
    for part in parts[:-1]:
        if isinstance(doc, dict) and isinstance(part, str):
            doc = doc.get(part)
        elif isinstance(doc, list) and isinstance(part, int) and part < len(doc):
            doc = doc[part]
        else:
            return
    if parts and isinstance(doc, dict):
        doc.pop(parts[-1], None)
