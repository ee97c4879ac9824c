"""What every report shares: output formats, JSON text and values, points, table styles.

Every function in ``report/`` turns values into text or JSON-ready data; none reads or
writes files. JSON-ready data keeps decimals as ``Decimal``; :func:`to_json` writes each as a
JSON number in its exact decimal text (``84.14``, ``1.50``), so nothing is lost to floating
point and any JSON reader parses the same number. The contract every command's JSON keeps
is in docs/json.md, and its JSON Schemas in ``cchc_score/schemas``.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..numbers import at_places, format_number, round_points
from ..values import printable, render
from ..words import text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ..evaluation import Scorecard
    from ..facts import FactValue
    from ..model import Band
    from ..numbers import Lang

__all__ = [
    "ANNEX_DECIMALS",
    "PLACES",
    "Format",
    "band_name",
    "deferred_json",
    "deferred_notes",
    "document",
    "domain_points",
    "fixed",
    "heading",
    "json_expected",
    "json_optional",
    "json_points",
    "json_probability",
    "json_value",
    "points",
    "rating_json",
    "shown",
    "style",
    "to_json",
]

#: Tasks that count in a later year's index: ``(task id, year, criteria)``.
Deferred = tuple[tuple[str, int, tuple[str, ...]], ...]

#: The text formats of every report; ``json`` is :func:`to_json` of the report's data.
Format = Literal["table", "markdown", "json"]

#: Decimal places of probabilities (and other floats) in JSON reports.
PLACES = 6

#: Decimal places an annex's figures are shown with where no rule set is at hand (annexes
#: write points in hundredths); a figure with more places keeps them all.
ANNEX_DECIMALS = 2


_Report = TypeVar("_Report", bound="Callable[..., str]")


def shown(render_report: _Report) -> _Report:
    """Make a report function's text safe to show: every control character in it escaped
    by :func:`cchc_score.values.printable` (a name holding ESC or BEL cannot drive the
    terminal it is printed on). Every public text report is decorated with it."""

    @functools.wraps(render_report)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        return printable(render_report(*args, **kwargs))

    return wrapper  # type: ignore[return-value]


def to_json(value: Any, *, one_line: bool = False) -> str:
    """JSON text, indented by two, with Vietnamese kept readable (not ``\\u`` escaped) and a
    final newline; a ``Decimal`` is a JSON number in its exact text; control characters are
    ``\\u`` escaped, so the text shows safely and means the same. ``one_line`` gives it on
    one line without the newline (for a table cell).

    >>> print(to_json({"total": Decimal("84.10"), "p": 0.5, "tasks": [], "name": "Khá"}), end="")
    {
      "total": 84.10,
      "p": 0.5,
      "tasks": [],
      "name": "Khá"
    }
    >>> to_json({"min": Decimal("0.80"), "levels": ["a", "b"]}, one_line=True)
    '{"min": 0.80, "levels": ["a", "b"]}'
    """
    if one_line:
        return printable("".join(_encode(value, None)))
    return printable("".join(_encode(value, ""))) + "\n"


def _encode(value: Any, indent: str | None) -> Iterator[str]:
    """``json.dumps(value, ensure_ascii=False, indent=2)``'s text (``indent=None``: on one
    line, as ``json.dumps`` writes it without ``indent``), with decimals as numbers (the
    standard encoder can write a ``Decimal`` only as a string or a float)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"JSON has no number {value!r}")
        yield render(value, "plain")
    elif isinstance(value, dict):
        if not value:
            yield "{}"
            return
        inner = None if indent is None else indent + "  "
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield _separator(i, inner) + json.dumps(str(key), ensure_ascii=False)
            yield ": "
            yield from _encode(item, inner)
        yield "}" if indent is None else "\n" + indent + "}"
    elif isinstance(value, (list, tuple)):
        if not value:
            yield "[]"
            return
        inner = None if indent is None else indent + "  "
        yield "["
        for i, item in enumerate(value):
            yield _separator(i, inner)
            yield from _encode(item, inner)
        yield "]" if indent is None else "\n" + indent + "]"
    else:
        yield json.dumps(value, ensure_ascii=False, allow_nan=False)


def _separator(i: int, inner: str | None) -> str:
    """What comes before the ``i``-th item of an object or an array."""
    if inner is None:
        return ", " if i else ""
    return ("," if i else "") + "\n" + inner


def document(command: str, data: dict[str, Any]) -> dict[str, Any]:
    """A command's JSON output: ``schema`` (``cchc-score/<command>/1``, the name of the JSON
    Schema it keeps) first, then ``data``.

    >>> list(document("score", {"total": 1}))
    ['schema', 'total']
    """
    return {"schema": f"cchc-score/{command}/1", **data}


def json_value(value: FactValue | Decimal | None) -> Any:
    """A value as JSON-ready data: a decimal as it is (a JSON number in its exact text), a
    set as a sorted list; numbers, booleans and strings as they are.

    >>> json_value(Decimal("1.50")), json_value(frozenset({"b", "a"})), json_value(3)
    (Decimal('1.50'), ['a', 'b'], 3)
    """
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def json_points(value: Decimal | int, decimals: int) -> Decimal:
    """Points, a total or a maximum as JSON-ready data: with at least the rule set's
    ``decimals``, never rounded (a figure with more places keeps them).

    >>> json_points(Decimal("12.5"), 2), json_points(Decimal("0.125"), 2)
    (Decimal('12.50'), Decimal('0.125'))
    """
    return at_places(value, decimals)


def json_optional(value: Decimal | None, decimals: int = ANNEX_DECIMALS) -> Decimal | None:
    """:func:`json_points` of a figure that may be missing (``null``)."""
    return None if value is None else at_places(value, decimals)


def json_expected(value: Decimal | float, decimals: int) -> Decimal:
    """An expected total (an average over outcomes) as JSON-ready data: rounded half up to
    the rule set's ``decimals``, as the tables show it.

    >>> json_expected(Decimal("88.5275"), 2), json_expected(91.575, 2)
    (Decimal('88.53'), Decimal('91.58'))
    """
    return round_points(value if isinstance(value, Decimal) else Decimal(repr(value)), decimals)


def json_probability(value: float | Decimal) -> float:
    """A probability as JSON-ready data: a number in [0, 1], rounded to :data:`PLACES`.

    >>> json_probability(0.80423456789), json_probability(Decimal("0.95"))
    (0.804235, 0.95)
    """
    return min(max(round(float(value), PLACES), 0.0), 1.0)


def deferred_json(deferred: Deferred) -> list[dict[str, Any]]:
    """Tasks that count in a later year's index (their criteria look back) as JSON-ready
    data: each one's ``id``, the year it ``counts_in`` and those ``criteria``."""
    return [{"id": i, "counts_in": year, "criteria": list(codes)} for i, year, codes in deferred]


def deferred_notes(deferred: Deferred, lang: Lang) -> list[str]:
    """A sentence in ``lang`` for each task that counts in a later year's index."""
    return [
        text("period.deferred", lang, id=i, year=year, codes=", ".join(codes))
        for i, year, codes in deferred
    ]


def rating_json(band: Band | None, lang: Lang) -> dict[str, str | None] | None:
    """A rating as JSON-ready data: its language-independent ``code``, its ``name`` in
    ``lang`` and its ``provenance`` (``"assumed"`` where the rules say the band is inferred,
    else as declared or ``None``); ``None`` (``null``) without one."""
    if band is None:
        return None
    return {"code": band.code, "name": band.label(lang), "provenance": band.provenance}


def points(value: Decimal, lang: Lang, decimals: int) -> str:
    """Points as a report shows them: rounded half up to the rule set's ``decimals`` and
    always written with that many places (``1,50``; ``2,000`` at three).

    >>> points(Decimal("1.5"), "vi", 2), points(Decimal("84.1"), "en", 3)
    ('1,50', '84.100')
    """
    return format_number(round_points(value, decimals), lang)


def fixed(value: Decimal | int, lang: Lang, decimals: int) -> str:
    """A number that is already points (a maximum, an annex's figure) written with at least
    the rule set's ``decimals``, never rounded: ``12,50``; ``0,125`` stays.

    >>> fixed(Decimal("12.5"), "vi", 2), fixed(Decimal(10), "en", 2)
    ('12,50', '10.00')
    """
    return format_number(at_places(value, decimals), lang)


def band_name(card: Scorecard, lang: Lang) -> str | None:
    """The name of the card's rating band in ``lang``; ``None`` when it has none."""
    return card.rating.label(lang) if card.rating is not None else None


def band_shown(card: Scorecard, lang: Lang) -> str | None:
    """The card's rating band as a report prints it, marked when assumed
    (:meth:`~cchc_score.model.Band.shown`); ``None`` when it has none."""
    return card.rating.shown(lang) if card.rating is not None else None


def domain_points(card: Scorecard) -> dict[str, Decimal]:
    """Each domain's points, by code, in rule-file order."""
    return {domain.code: card.points_of(domain.code) for domain in card.rules.domains}


def style(fmt: Format) -> str:
    """The tabulate style of a text format: GitHub tables for markdown."""
    return "github" if fmt == "markdown" else "simple"


def heading(text: str, fmt: Format) -> str:
    """A heading line: bold in markdown, plain otherwise."""
    return f"**{text}**" if fmt == "markdown" else text
