"""The one way a value from data is written as text: in a message, a TOML file or a cell.

Error messages (:func:`cchc_score.errors.show`), the TOML writers, JSON reports and table
cells all show the same values (numbers, booleans, names, lists of names); they differ only
in how a string is quoted and how a list is joined. Writing them all here keeps ``true``,
``1.50`` and ``[a, b]`` the same everywhere. This module imports nothing from the library,
so the core and the edges can both use it.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Literal

__all__ = ["Syntax", "cell", "printable", "render"]

#: Characters never shown raw: C0 controls but tab and newline, DEL, C1 controls, the
#: bidirectional overrides and isolates (which can make text read other than it is), lone
#: surrogates and the non-characters U+FFFE/U+FFFF (which XML, hence xlsx, cannot hold).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

#: What starts a formula in a spreadsheet (OWASP's list, with the full-width forms some
#: spreadsheets also read as formula signs).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

#: The most characters a cell of an Excel workbook holds.
XLSX_CELL_LIMIT = 32767


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as a visible ``\\uXXXX`` escape.

    Tab and newline stay; every other C0 control, DEL, the C1 controls, the bidirectional
    overrides, lone surrogates and U+FFFE/U+FFFF become ``\\u`` and four hex digits, as JSON
    writes them: a terminal shows them instead of obeying them (an ESC cannot recolour or
    clear the screen, a BEL cannot ring), a workbook can hold them, and a JSON text stays
    valid and means the same. Applying it twice changes nothing more.

    >>> printable("Phường\\x1b[2J A\\x07"), printable("tab\\tand\\nnewline")
    ('Phường\\\\u001b[2J A\\\\u0007', 'tab\\tand\\nnewline')
    """
    return _UNSAFE.sub(_escape, text)


def cell(text: str, *, limit: int | None = None) -> str:
    """A user's text as a spreadsheet cell (CSV or xlsx): :func:`printable`, then OWASP's
    rule against formula injection: a text beginning with ``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return gets a leading ``'``, so a spreadsheet shows it as text and never
    runs it. ``limit`` cuts a longer text to that many characters, ending with ``…``.

    Apply it to text only: numbers written as numbers are left alone.

    >>> cell("=SUM(A1)"), cell("-2+3"), cell("Phường 1"), cell("a\\x00b")
    ("'=SUM(A1)", "'-2+3", 'Phường 1', 'a\\\\u0000b')
    """
    text = printable(text)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


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
        # JSON escapes C0 controls; DEL, C1 and the rest are escaped too (TOML forbids DEL).
        return printable(json.dumps(value, ensure_ascii=False)) if syntax == "toml" else value
    if isinstance(value, (frozenset, set, list, tuple)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else list(value)
        if syntax == "plain":
            return separator.join(render(v, syntax) for v in items) if items else empty
        return "[" + ", ".join(render(v, syntax) for v in items) + "]"
    if syntax == "toml":
        raise TypeError(f"cannot write {value!r} as TOML")
    return repr(value) if syntax == "message" else str(value)
