"""How results show in a notebook: ``_repr_html_``, ``to_records()`` and ``to_frame()``.

The results (:class:`~cchc_score.Scorecard`, :class:`~cchc_score.Projection`,
:class:`~cchc_score.BestPlan`, :class:`~cchc_score.Ranking`) live in the core; their views
(HTML tables, records) live in the report layer (:mod:`cchc_score.report.notebook`), which
imports them. So that the core never imports the report layer, each result class takes its
methods from :class:`Displayable`, which asks this registry; the report layer registers a
view per class when its module is imported, which the registry does by name the first time a
view is asked for (:data:`VIEWS_MODULE`): ``import cchc_score`` costs nothing for notebooks.
pandas, for ``to_frame()``, is imported only when a frame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Literal

import attrs

from . import arguments
from .errors import ArgumentError
from .words import default_lang, text

__all__ = [
    "NUMBERS",
    "VIEWS_MODULE",
    "Displayable",
    "Numbers",
    "View",
    "frame",
    "html",
    "records",
    "register",
]

#: How :func:`records` gives numbers: exact ``Decimal`` points, or ``float``.
Numbers = Literal["decimal", "float"]
NUMBERS: tuple[Numbers, ...] = ("decimal", "float")


@attrs.frozen
class View:
    """How one kind of result shows: as HTML, and as records (a list of dicts; numbers as
    asked, and any options the kind takes, e.g. a projection's ``part``)."""

    html: Callable[[Any], str]
    records: Callable[..., list[dict[str, Any]]]


_VIEWS: dict[type, View] = {}

#: The module that registers the views when imported: named, not imported here, so that the
#: core does not depend on the report layer (which depends on the core).
VIEWS_MODULE = "cchc_score.report.notebook"


def register(kind: type, view: View) -> None:
    """Show results of ``kind`` with ``view``."""
    _VIEWS[kind] = view


def _view(value: object) -> View:
    importlib.import_module(VIEWS_MODULE)  # registers the views; once, then a look-up
    for kind in type(value).__mro__:
        if kind in _VIEWS:
            return _VIEWS[kind]
    raise TypeError(f"no notebook view for {type(value).__name__}")  # pragma: no cover


def html(value: object) -> str:
    """The result as a compact HTML table (every text from it escaped)."""
    return _view(value).html(value)


def records(value: object, numbers: Numbers = "decimal", **options: Any) -> list[dict[str, Any]]:
    """The result as a list of dicts, its numbers as ``Decimal`` or ``float``.

    Raises:
        ArgumentError: ``numbers`` is neither ``"decimal"`` nor ``"float"``, or an option
            has a value the result does not know.
    """
    if numbers not in NUMBERS:
        raise arguments.fail(
            ArgumentError, "numbers", "E-VALUE-CHOICE", numbers, expected="'decimal', 'float'"
        )
    return _view(value).records(value, numbers, **options)


def frame(value: object, numbers: Numbers = "float", **options: Any) -> Any:
    """The records of :func:`records` as a ``pandas.DataFrame``.

    Raises:
        ImportError: pandas is not installed (cchc-score does not depend on it).
    """
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(text("notebook.pandas_missing", default_lang())) from exc
    return pandas.DataFrame.from_records(records(value, numbers, **options))


class Displayable:
    """What a result shows in a notebook: an HTML table, records, a pandas frame.

    The options of :meth:`to_records` and :meth:`to_frame`: ``lang`` (``"vi"`` or ``"en"``,
    for names and ratings; default ``CCHC_LANG``, else Vietnamese) for a scorecard, a
    projection and a ranking; ``part`` for a projection (``"tasks"``, the default,
    ``"distribution"``, ``"timeline"``, ``"ratings"`` or ``"domains"``).
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        """A compact HTML table, for notebooks."""
        return html(self)

    def to_records(self, numbers: Numbers = "decimal", **options: Any) -> list[dict[str, Any]]:
        """The result as a list of dicts: a scorecard's nodes, a projection's ``part``, a
        best plan's frontier, a ranking's units; points as ``Decimal``, or ``float`` with
        ``numbers="float"``.

        Raises:
            ArgumentError: ``numbers`` or ``part`` is not one of the values above.
        """
        return records(self, numbers, **options)

    def to_frame(self, numbers: Numbers = "float", **options: Any) -> Any:
        """:meth:`to_records` as a ``pandas.DataFrame``.

        Raises:
            ImportError: pandas is not installed (cchc-score does not depend on it).
        """
        return frame(self, numbers, **options)
