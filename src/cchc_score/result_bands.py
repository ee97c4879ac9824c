"""Rating bands for checking a results table: from a rule set, or written on the command line.

A results table's ratings (xếp loại) follow from bands: ``"Tốt>=90;Khá>=80;Trung bình>=70;
Yếu"`` reads as Tốt from 90, Khá from 80 to below 90, and so on, the last band (without a
threshold) for everything lower. Thresholds are on the points, or with ``%`` on the
percentage of the maximum (``"Tốt>=90%;Khá>=80%;Yếu"``). A rule set's bands are on points.
``>`` instead of ``>=`` (or ``≥``) makes a threshold strict ("above 90"). Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from .errors import ArgumentError, Problem
from .numbers import NumberFormatError, parse_number

if TYPE_CHECKING:
    from .model import RuleSet

__all__ = ["RatingBand", "RatingScale", "fold", "parse_bands", "rules_scale"]

_ITEM = re.compile(r"^(?P<name>.+?)\s*(?P<op>>=|≥|>)\s*(?P<number>[^%]+?)\s*(?P<percent>%)?$")
#: The longest --bands text read (a few bands; longer is a mistake).
_SPEC_WIDTH = 500


def fold(name: str) -> str:
    """A rating as compared: NFC, lower case, single spaces.

    >>> fold("  TRUNG   bình ") == fold("Trung bình")
    True
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@attrs.frozen
class RatingBand:
    """One band: values from ``min`` (above it when ``strict``) get ``name``; ``min`` is
    ``None`` for the last band, which takes everything lower."""

    name: str
    min: Decimal | None
    strict: bool = False

    def holds(self, value: Decimal) -> bool:
        """Whether ``value`` reaches this band."""
        if self.min is None:
            return True
        return value > self.min if self.strict else value >= self.min


@attrs.frozen
class RatingScale:
    """Bands from the highest, and whether they read points or percentages (``on``)."""

    bands: tuple[RatingBand, ...]
    on: Literal["points", "percent"] = "points"

    def rating(self, value: Decimal) -> RatingBand | None:
        """The band ``value`` falls in (the first, from the highest, it reaches).

        >>> scale = parse_bands("Tốt>=90;Khá>=80;Yếu")
        >>> scale.rating(Decimal("89.99")).name, scale.rating(Decimal(90)).name
        ('Khá', 'Tốt')
        """
        return next((band for band in self.bands if band.holds(value)), None)

    def named(self, name: str) -> RatingBand | None:
        """The band with this name, compared by :func:`fold`."""
        key = fold(name)
        return next((band for band in self.bands if fold(band.name) == key), None)


def _bad(spec: object) -> ArgumentError:
    return ArgumentError([Problem(None, "--bands", "E-RESULTS-BANDS", spec)])


def parse_bands(spec: str) -> RatingScale:
    """Read bands written as ``"Tốt>=90;Khá>=80;Trung bình>=70;Yếu"`` (decimal comma or
    point; ``%`` after every threshold to rate on the percentage).

    Raises:
        ArgumentError: not in that form: a band without a name or a number, thresholds not
            from the highest, ``%`` on some thresholds only, a threshold-less band that is
            not the last (code ``E-RESULTS-BANDS``).

    >>> scale = parse_bands("Tốt>=90%; Khá>=82,5%; Yếu")
    >>> scale.on, [(b.name, b.min) for b in scale.bands]
    ('percent', [('Tốt', Decimal('90')), ('Khá', Decimal('82.5')), ('Yếu', None)])
    """
    if not isinstance(spec, str) or len(spec) > _SPEC_WIDTH:
        raise _bad(spec)
    items = [i.strip() for i in unicodedata.normalize("NFC", spec).split(";")]
    if items and not items[-1]:
        items.pop()  # a trailing semicolon
    bands: list[RatingBand] = []
    percents: set[bool] = set()
    for position, item in enumerate(items):
        match = _ITEM.match(item)
        if match is None:
            if not item or any(c in item for c in "<>≥≤=%") or position != len(items) - 1:
                raise _bad(spec)
            bands.append(RatingBand(item, None))
            continue
        try:
            number = parse_number(match["number"])
        except NumberFormatError:
            raise _bad(spec) from None
        if bands and (bands[-1].min is None or number > bands[-1].min):
            raise _bad(spec)
        percents.add(match["percent"] is not None)
        bands.append(RatingBand(match["name"].strip(), number, match["op"] == ">"))
    if not bands or len(percents) > 1:
        raise _bad(spec)
    return RatingScale(tuple(bands), "percent" if percents == {True} else "points")


def rules_scale(rules: RuleSet) -> RatingScale:
    """A rule set's rating bands, on points (its bands are ordered from the highest).

    >>> from cchc_score import load_rules
    >>> [(b.name, str(b.min)) for b in rules_scale(load_rules("criteria_2022")).bands][:2]
    [('Tốt', '90'), ('Khá', '70')]
    """
    return RatingScale(tuple(RatingBand(b.name, b.min) for b in rules.bands), "points")
