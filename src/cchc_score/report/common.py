"""What every report shares: output formats, JSON text and values, points, table styles.

Every function in ``report/`` turns values into text or JSON-ready data; none reads or
writes files. Decimals go into JSON as strings, so nothing is lost to floating point.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..numbers import format_number, round_points
from ..values import printable, render

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..evaluation import Scorecard
    from ..facts import FactValue
    from ..numbers import Lang

__all__ = [
    "PLACES",
    "Format",
    "band_name",
    "domain_points",
    "heading",
    "json_optional",
    "json_value",
    "points",
    "shown",
    "style",
    "to_json",
]

#: The text formats of every report; ``json`` is :func:`to_json` of the report's data.
Format = Literal["table", "markdown", "json"]

#: Decimal places of probabilities (and other floats) in JSON reports.
PLACES = 6


_Report = TypeVar("_Report", bound="Callable[..., str]")


def shown(render_report: _Report) -> _Report:
    """Make a report function's text safe to show: every control character in it escaped
    by :func:`cchc_score.values.printable` (a name holding ESC or BEL cannot drive the
    terminal it is printed on). Every public text report is decorated with it."""

    @functools.wraps(render_report)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        return printable(render_report(*args, **kwargs))

    return wrapper  # type: ignore[return-value]


def to_json(value: Any) -> str:
    """JSON text with Vietnamese kept readable (not ``\\u`` escaped) and a final newline;
    control characters are ``\\u`` escaped, so the text shows safely and means the same."""
    return printable(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def json_value(value: FactValue | Decimal) -> Any:
    """A value as JSON-ready data: a decimal as its exact text, a set as a sorted list;
    numbers, booleans and strings as they are.

    >>> json_value(Decimal("1.50")), json_value(frozenset({"b", "a"})), json_value(3)
    ('1.50', ['a', 'b'], 3)
    """
    if isinstance(value, Decimal):
        return render(value, "plain")
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def json_optional(value: Decimal | None) -> str | None:
    """:func:`json_value` of a decimal that may be missing (``null``)."""
    return None if value is None else render(value, "plain")


def points(value: Decimal, lang: Lang, decimals: int) -> str:
    """Points as a report shows them: rounded half up to the rule set's ``decimals`` and
    always written with that many places (``1,50``; ``2,000`` at three).

    >>> points(Decimal("1.5"), "vi", 2), points(Decimal("84.1"), "en", 3)
    ('1,50', '84.100')
    """
    return format_number(round_points(value, decimals), lang)


def band_name(card: Scorecard, lang: Lang) -> str | None:
    """The name of the card's rating band in ``lang``; ``None`` when it has none."""
    return card.rating.label(lang) if card.rating is not None else None


def band_shown(card: Scorecard, lang: Lang) -> str | None:
    """The card's rating band as a report prints it, marked when assumed
    (:meth:`~cchc_score.model.Band.shown`); ``None`` when it has none."""
    return card.rating.shown(lang) if card.rating is not None else None


def band_provenance(card: Scorecard) -> str | None:
    """Whether the card's rating band is the decision's or assumed, where the rules say."""
    return card.rating.provenance if card.rating is not None else None


def domain_points(card: Scorecard) -> dict[str, Decimal]:
    """Each domain's points, by code, in rule-file order."""
    return {domain.code: card.points_of(domain.code) for domain in card.rules.domains}


def style(fmt: Format) -> str:
    """The tabulate style of a text format: GitHub tables for markdown."""
    return "github" if fmt == "markdown" else "simple"


def heading(text: str, fmt: Format) -> str:
    """A heading line: bold in markdown, plain otherwise."""
    return f"**{text}**" if fmt == "markdown" else text
