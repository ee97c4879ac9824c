"""The one way a value from data is written as text: in a message, a TOML file or a cell.

Error messages (:func:`cchc_score.errors.show`), the TOML writers, JSON reports and table
cells all show the same values (numbers, booleans, names, lists of names); they differ only
in how a string is quoted and how a list is joined. Writing them all here keeps ``true``,
``1.50`` and ``[a, b]`` the same everywhere. This module imports nothing from the library,
so the core and the edges can both use it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Literal

__all__ = ["Syntax", "render"]

#: ``message``: strings quoted with ``'…'`` as Python writes them, for error messages;
#: ``toml``: strings in double quotes (valid TOML and JSON), arrays in brackets;
#: ``plain``: strings as they are, lists joined by ``separator`` (a table cell, a CSV field).
Syntax = Literal["message", "toml", "plain"]


def render(
    value: object, syntax: Syntax = "message", *, separator: str = ", ", empty: str = ""
) -> str:
    """A string, number, boolean or collection of them as text in ``syntax``.

    Booleans are ``true``/``false``; decimals are written as given, without exponent (a
    non-finite one in words: ``nan``, ``infinity``); sets are sorted. In ``plain`` syntax a
    list is its items joined by ``separator``, or ``empty`` when it has none.

    Raises:
        TypeError: ``toml`` syntax and a value TOML cannot hold (``None``, a dict, …).

    >>> render("abc"), render(Decimal("1.50")), render(True), render(frozenset({"b", "a"}))
    ("'abc'", '1.50', 'true', "['a', 'b']")
    >>> render("abc", "toml"), render(("a", Decimal("2")), "toml")
    ('"abc"', '["a", 2]')
    >>> render(frozenset({"b", "a"}), "plain", separator="; "), render((), "plain", empty="-")
    ('a; b', '-')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if syntax == "message":
            return repr(value)
        return json.dumps(value, ensure_ascii=False) if syntax == "toml" else value
    if isinstance(value, (frozenset, set, list, tuple)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else list(value)
        if syntax == "plain":
            return separator.join(render(v, syntax) for v in items) if items else empty
        return "[" + ", ".join(render(v, syntax) for v in items) + "]"
    if syntax == "toml":
        raise TypeError(f"cannot write {value!r} as TOML")
    return repr(value) if syntax == "message" else str(value)
