"""The one catalogue of text a person reads, in Vietnamese and English, keyed by stable codes.

Every word, label, heading and sentence template the library shows lives here, so that a
translation is a data edit and a test can check that both languages are complete (same
codes, same ``{placeholders}``). Code elsewhere asks for ``text("report.total", lang)``;
it never writes ``x_en if lang == "en" else x``: :func:`pick` does that for names that come
from data (a criterion's ``name`` / ``name_en``).

Codes are ``subject.name``; the subject is the module family that uses them. The entries
are kept in parts by who uses them (:mod:`.core`, :mod:`.reports`, :mod:`.commands`,
:mod:`.plot` for the charts, the ``chart`` command and the notebook views, :mod:`.help`
for ``--help``, :mod:`.reading` for what makes a report plain to read, and :mod:`.problems`
for what is wrong with an input, keyed by problem codes such as ``E-EVIDENCE-RANGE``), each
a section per subject; :data:`WORDS` is all of them, a code defined twice an error.

The language is Vietnamese unless asked otherwise: by an argument, or for a whole process by
the environment variable ``CCHC_LANG`` (``vi`` or ``en``; see :func:`default_lang`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from . import (
    assumptions,
    authoring,
    commands,
    core,
    help,
    plot,
    problems,
    properties,
    reading,
    report_files,
    reports,
    results,
)

#: A language the library speaks: Vietnamese or English.
Lang = Literal["vi", "en"]


class Phrase(NamedTuple):
    """A text inside a problem's (a field), said in the same language: the message of a
    number that cannot be read, inside "column 'Điểm': …"; a problem code or a word code.

    >>> problem_text("E-ANNEX-COLUMN", "vi", column="'Điểm'",
    ...              detail=Phrase("E-NUMBER-EXPECTED", {}))
    "cột 'Điểm': phải là một số"
    """

    code: str
    fields: dict[str, Any]


__all__ = [
    "WORDS",
    "Lang",
    "Phrase",
    "default_lang",
    "is_problem_code",
    "phrase_n",
    "pick",
    "problem_text",
    "text",
    "text_n",
    "written_in",
]


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
    *problems.PARTS,
    authoring.WORDS,
    report_files.WORDS,
    plot.WORDS,
    properties.WORDS,
    help.WORDS,
    reading.WORDS,
    results.WORDS,
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


def text_n(code: str, n: int, lang: Lang = "vi", /, **fields: object) -> str:
    """The text for ``code`` said of ``n`` things, with ``{n}`` filled: ``code.one`` when
    ``n`` is 1, else ``code.other``. English has the two forms ("1 row", "2 rows");
    Vietnamese has one, written the same in both entries.

    >>> text_n("count.row", 1, "en"), text_n("count.row", 2, "en"), text_n("count.row", 1)
    ('1 row', '2 rows', '1 dòng')
    """
    return text(f"{code}.{_form(n)}", lang, n=n, **fields)


def phrase_n(code: str, n: int, shown: object = None) -> Phrase:
    """A count as a problem's field, said when the problem is (:func:`text_n`'s forms);
    ``shown`` is ``n`` as written, if not as it is ("1,234").

    >>> problem_text("E-TABLE-CELLS", "en", cells=phrase_n("count.cell", 1), line=1, columns=3)
    '1 cell, but the header (line 1) has 3 columns; a row must have a cell for every column, \
empty where nothing is given'
    """
    return Phrase(f"{code}.{_form(n)}", {"n": n if shown is None else shown})


def _form(n: int) -> str:
    """Which of a count's texts says ``n`` things: ``one`` for 1, else ``other``."""
    return "one" if n == 1 else "other"


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
    """The message of a problem code in ``lang`` (default: :func:`default_lang`); a decimal
    field is written with the language's decimal mark (0,5 in Vietnamese).

    Raises:
        KeyError: ``code`` is not a problem code of the catalogue (a programming error: every
            message a person reads is in both languages).

    >>> from decimal import Decimal
    >>> problem_text("E-FACT-BELOW-MIN", "vi", min=Decimal("0.5"))
    'phải ≥ 0,5'
    """
    if not is_problem_code(code) or code not in WORDS:
        raise KeyError(f"not a problem code of the catalogue: {code!r}")
    said = lang or default_lang()
    return text(code, said, **{k: _field(v, said) for k, v in fields.items()})


def _field(value: object, lang: Lang) -> object:
    """A field as ``lang`` writes it: a decimal with its decimal mark (0,5 in Vietnamese), a
    :class:`Phrase` in words (a tuple of them joined by "; "); any other value as it is."""
    if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
        return "; ".join(str(_field(v, lang)) for v in value)
    if isinstance(value, Phrase):
        if is_problem_code(value.code):
            return problem_text(value.code, lang, **value.fields)
        return text(value.code, lang, **{k: _field(v, lang) for k, v in value.fields.items()})
    if isinstance(value, Decimal) and lang == "vi":
        return format(value, "f").replace(".", ",")
    return value


#: Letters only Vietnamese writes (its tone marks are split off by NFD).
_VIETNAMESE = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")


def written_in(said: str) -> Lang:
    """The language a text from data (a note, a basis) is written in: Vietnamese when at
    least half of its words have a letter or a tone mark only Vietnamese uses (most
    Vietnamese syllables do; an English sentence quoting Vietnamese words does not),
    else English. Reports show such a text as written and say when it is not in the
    report's language.

    >>> written_in("Sự hài lòng cao nhất"), written_in("Annex row IX: maximum 25")
    ('vi', 'en')
    >>> written_in("Annex: maximum 2,5, 'bị trừ 1,75 điểm' but appraised column 0,5")
    'en'
    """
    words = [w for w in said.split() if any(c.isalpha() for c in w)]
    marked = sum(1 for w in words if _marked(w))
    return "vi" if words and marked * 2 >= len(words) else "en"


def _marked(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    return any(c in _VIETNAMESE or unicodedata.combining(c) for c in decomposed)
