"""The one catalogue of text a person reads, in Vietnamese and English, keyed by stable codes.

Every word, label, heading and sentence template the library shows lives here, so that a
translation is a data edit and a test can check that both languages are complete (same
codes, same ``{placeholders}``). Code elsewhere asks for ``text("report.total", lang)``;
it never writes ``x_en if lang == "en" else x``: :func:`pick` does that for names that come
from data (a criterion's ``name`` / ``name_en``).

Codes are ``subject.name``; the subject is the module family that uses them. The entries
are kept in three parts by who uses them (:mod:`.core`, :mod:`.reports`, :mod:`.commands`),
each a section per subject; :data:`WORDS` is all of them, a code defined twice an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import commands, core, reports

if TYPE_CHECKING:
    from ..numbers import Lang

__all__ = ["WORDS", "pick", "text"]


def _catalogue(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The parts as one catalogue; a code in two parts is a mistake caught at import."""
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"word codes defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


#: code → (Vietnamese, English), from every part: core, reports, commands.
WORDS: dict[str, tuple[str, str]] = _catalogue(core.WORDS, reports.WORDS, commands.WORDS)


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
