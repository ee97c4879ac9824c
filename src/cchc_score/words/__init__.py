"""The one catalogue of text a person reads, in Vietnamese and English, keyed by stable codes.

Every word, label, heading and sentence template the library shows lives here, so that a
translation is a data edit and a test can check that both languages are complete (same
codes, same ``{placeholders}``). Code elsewhere asks for ``text("report.total", lang)``;
it never writes ``x_en if lang == "en" else x``: :func:`pick` does that for names that come
from data (a criterion's ``name`` / ``name_en``).

Codes are ``subject.name``; the subject is the module family that uses them. The entries
are kept in parts by who uses them (:mod:`.core`, :mod:`.reports`, :mod:`.commands`,
:mod:`.plot` for the charts, the ``chart`` command and the notebook views, and
:mod:`.problems` for what is wrong with an input, keyed by problem codes such as
``E-EVIDENCE-RANGE``), each a section per subject; :data:`WORDS` is all of them, a code
defined twice an error.

The language is Vietnamese unless asked otherwise: by an argument, or for a whole process by
the environment variable ``CCHC_LANG`` (``vi`` or ``en``; see :func:`default_lang`).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from . import (
    assumptions,
    authoring,
    commands,
    core,
    plot,
    problems,
    properties,
    report_files,
    reports,
)

if TYPE_CHECKING:
    from ..numbers import Lang

__all__ = ["WORDS", "default_lang", "is_problem_code", "pick", "problem_text", "text"]


def _catalogue(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The parts as one catalogue; a code in two parts is a mistake caught at import."""
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"word codes defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


#: code → (Vietnamese, English), from every part: core, reports, commands, plot, problems.
WORDS: dict[str, tuple[str, str]] = _catalogue(
    core.WORDS,
    reports.WORDS,
    commands.WORDS,
    problems.WORDS,
    authoring.WORDS,
    report_files.WORDS,
    plot.WORDS,
    properties.WORDS,
    assumptions.WORDS,
)


def text(code: str, lang: Lang = "vi", /, **fields: object) -> str:
    """The text for ``code`` in ``lang``, with ``{placeholders}`` filled from ``fields``.

    Raises:
        KeyError: no text has this code (a programming error: codes are fixed).

    >>> text("common.yes", "vi"), text("common.no", "en")
    ('có', 'no')
    """
    vi, en = WORDS[code]
    template = en if lang == "en" else vi
    return template.format(**fields) if fields else template


def pick(vi: str, en: str | None, lang: Lang = "vi") -> str:
    """A name from data in ``lang``: the English one where asked for and given, else the
    Vietnamese one.

    >>> pick("Tốt", "Good", "en"), pick("Tốt", None, "en"), pick("Tốt", "Good", "vi")
    ('Good', 'Tốt', 'Tốt')
    """
    return en if lang == "en" and en else vi


_PROBLEM_CODE = re.compile(r"[EW](-[A-Z0-9]+)+")


def default_lang() -> Lang:
    """The language when none is asked for: ``CCHC_LANG`` if it is ``vi`` or ``en``, else
    Vietnamese.

    >>> default_lang() in ("vi", "en")
    True
    """
    return "en" if os.environ.get("CCHC_LANG", "").strip().lower() == "en" else "vi"


def is_problem_code(code: str) -> bool:
    """Whether ``code`` has the shape of a problem code (``E-…`` or ``W-…``, capitals).

    >>> is_problem_code("E-EVIDENCE-RANGE"), is_problem_code("must be > 0")
    (True, False)
    """
    return _PROBLEM_CODE.fullmatch(code) is not None


def problem_text(code: str, lang: Lang | None = None, /, **fields: object) -> str:
    """The message of a problem code in ``lang`` (default: :func:`default_lang`).

    Text that is not a catalogue code is returned as written: messages not yet moved into
    the catalogue keep working (a test lists them).

    >>> problem_text("E-RULES-NOT-POSITIVE", "vi"), problem_text("plain words", "vi")
    ('phải lớn hơn 0', 'plain words')
    """
    if code not in WORDS:
        return code
    return text(code, lang or default_lang(), **fields)
