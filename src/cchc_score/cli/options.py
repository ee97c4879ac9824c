"""The command line's option values: their types, their bounds (usage errors, exit 2) and
``--target`` as a total or a rating name."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import words
from ..limits import MAX_YEAR, MIN_YEAR
from ..numbers import NumberFormatError, format_number, parse_number
from ..words import default_lang, text
from .console import LANG, UsageError, set_quiet, short

if TYPE_CHECKING:
    import datetime as dt

    from ..model import RuleSet
    from ..numbers import Lang

#: The largest effort budget ``plan --budget`` takes, in person-days: some 400 person-years,
#: far beyond any commune's remediation plan; larger values are typing mistakes.
MAX_BUDGET = Decimal(100_000)


#: The decimal places ``--budget`` takes (the planner counts effort in hundredths at most).
BUDGET_PLACES = 2


#: The decimal places ``--confidence`` and a numeric ``--target`` take.
OPTION_PLACES = 6


#: The most tree levels ``score --depth`` shows (the criteria trees have four or five).
MAX_DEPTH = 10


#: The most task ids ``project --tasks`` takes (a plan has a few dozen tasks).
MAX_TASK_IDS = 1000


#: The longest number or date an option takes, in characters (longer ones are mistakes).
_OPTION_WIDTH = 40


def _wrong(code: str, **fields: object) -> argparse.ArgumentTypeError:
    """An option value's error, in the command line's language."""
    lang = LANG.get() or default_lang()
    return argparse.ArgumentTypeError(words.text(code, lang, **fields))


def positive_int(text: str) -> int:
    try:
        value = int(text) if len(text) <= _OPTION_WIDTH else 0
    except ValueError:
        value = 0
    if value < 1:
        raise _wrong("cli.option_whole", value=short(repr(text)))
    return value


def year(text: str) -> int:
    """An index year, within the years any reader accepts (docs/limits.md)."""
    try:
        value = int(text) if len(text) <= _OPTION_WIDTH else 0
    except ValueError:
        value = 0
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise _wrong("cli.option_year", low=MIN_YEAR, high=MAX_YEAR, value=short(repr(text)))
    return value


def ids(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise _wrong("cli.option_ids")
    if len(ids) > MAX_TASK_IDS:
        raise _wrong("cli.option_many_ids", most=MAX_TASK_IDS, n=len(ids))
    return ids


def date(text: str) -> dt.date:
    from ..plan import parse_deadline

    try:
        deadline = parse_deadline(text) if len(text) <= _OPTION_WIDTH else None
    except ValueError:
        deadline = None
    if deadline is None or deadline.kind != "date" or deadline.date is None:
        raise _wrong("cli.option_date", value=short(repr(text)))
    return deadline.date


def decimal(text: str) -> Decimal:
    """A number option; its range is checked once the language is known
    (:func:`check_options`)."""
    if len(text) > _OPTION_WIDTH:
        raise _wrong("cli.option_long", most=_OPTION_WIDTH, value=short(repr(text)))
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        raise argparse.ArgumentTypeError(exc.message(LANG.get())) from None


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _check_number(
    option: str,
    value: Decimal,
    lang: Lang,
    *,
    low: Decimal,
    high: Decimal,
    places: int,
    open_low: bool = False,
) -> None:
    """Raise a usage error, in ``lang``, unless ``low`` ≤ (or <) ``value`` ≤ ``high`` with at
    most ``places`` decimal places."""
    inside = (low < value if open_low else low <= value) and value <= high
    if inside and _places(value) <= places:
        return
    code = "cli.range_open" if open_low else "cli.range"
    raise UsageError(
        words.text(
            code,
            lang,
            option=option,
            low=format_number(low, lang),
            high=format_number(high, lang),
            places=places,
            value=short(format_number(value, lang)),
        )
    )


def add_quiet(parser: argparse.ArgumentParser, lang: Lang = "vi") -> None:
    """``-q``/``--quiet`` on ``parser``: results and problems only, no status lines (what
    was written where), for scripts. :func:`check_options` applies it."""
    parser.add_argument("-q", "--quiet", action="store_true", help=text("cli.quiet", lang))


def check_options(args: argparse.Namespace) -> None:
    """The ranges of the numeric options, checked before any work (usage errors, exit 2);
    and ``--quiet`` (:func:`add_quiet`) applied for the command run."""
    set_quiet(bool(getattr(args, "quiet", False)))
    lang: Lang = getattr(args, "lang", None) or default_lang()
    if getattr(args, "budget", None) is not None:
        _check_number(
            "--budget", args.budget, lang, low=Decimal(0), high=MAX_BUDGET, places=BUDGET_PLACES
        )
    if getattr(args, "confidence", None) is not None:
        _check_number(
            "--confidence",
            args.confidence,
            lang,
            low=Decimal(0),
            high=Decimal(1),
            places=OPTION_PLACES,
            open_low=True,
        )
    depth = getattr(args, "depth", None)
    if depth is not None and depth > MAX_DEPTH:
        _check_number(
            "--depth", Decimal(depth), lang, low=Decimal(1), high=Decimal(MAX_DEPTH), places=0
        )


def parse_target(rules: RuleSet, text: str | None, lang: Lang) -> Decimal | str | None:
    """``--target``: a total, or the name of one of the rules' rating bands."""
    if text is None:
        return None
    try:
        total = parse_number(text)
    except NumberFormatError:
        pass
    else:
        _check_number("--target", total, lang, low=Decimal(0), high=rules.max, places=OPTION_PLACES)
        return total
    if rules.band(text) is None:
        names = ", ".join(b.name for b in rules.bands)
        raise UsageError(words.text("cli.target", lang, value=repr(text), names=names))
    return text
