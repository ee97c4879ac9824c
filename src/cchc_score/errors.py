"""Errors that tell a person what is wrong, where, and with which value.

Every check in the library adds :class:`Problem` records to a :class:`ProblemList`
and raises once, so a user sees every mistake in a file in one run.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NoReturn

import attrs

from . import words
from .values import render

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .numbers import Lang, NumberFormatError

__all__ = [
    "AnnexError",
    "ArgumentError",
    "CchcScoreError",
    "EvidenceError",
    "Problem",
    "ProblemList",
    "RulesError",
    "show",
]

#: Marks a problem that has no offending value to show.
NO_VALUE: object = attrs.NOTHING


class Shown(str):
    """A value already rendered for a message (cut short, or described): shown as it is."""

    __slots__ = ()


def show(value: object) -> str:
    """Render a user's value for an error message: strings quoted, numbers as written.

    >>> from decimal import Decimal
    >>> show("abc"), show(Decimal("1.50")), show(True), show(3), show(Shown("[1, 2, …"))
    ("'abc'", '1.50', 'true', '3', '[1, 2, …')
    """
    if isinstance(value, Shown):
        return str(value)
    return render(value, "message")


# Patterns, not compiled ones: compiled (and kept by re) when a problem is first said.
_LINE = r"\bline (\d+)(?:, column (\d+))?"
_ROW = r"\b(?:table (\d+), )?row (\d+)"
_COLUMN = r'\bcolumn (?=")'


def place(path: str, lang: Lang) -> str:
    """A problem's place in ``lang``: its line, a Word table's row and the column said in
    words, the table path (keys and codes, as the file writes them) as it is.

    >>> place("line 12, column 3", "vi"), place('criterion "5.1".max', "vi")
    ('dòng 12, cột 3', 'criterion "5.1".max')
    >>> place('line 1: column "x"', "vi")
    'dòng 1: cột "x"'
    >>> place("table 2, row 7", "vi"), place("row 7", "en")
    ('bảng 2, dòng 7', 'row 7')
    """

    def said(match: re.Match[str]) -> str:
        line = words.text("problem.line", lang, n=match[1])
        if match[2] is None:
            return line
        return f"{line}, {words.text('problem.column', lang, n=match[2])}"

    def row(match: re.Match[str]) -> str:
        said_row = words.text("problem.row", lang, n=match[2])
        if match[1] is None:
            return said_row
        return f"{words.text('problem.table', lang, n=match[1])}, {said_row}"

    if "line " in path:
        path = re.sub(_LINE, said, path)
    if "row " in path:  # a Word table's row
        path = re.sub(_ROW, row, path)
    if 'column "' in path:
        path = re.sub(_COLUMN, words.text("problem.column_named", lang) + " ", path)
    return path


@attrs.frozen
class Problem:
    """One thing wrong with one input, located as precisely as the input allows.

    Attributes:
        file: the file the problem is in, as the user named it (``None`` for objects
            built in Python).
        path: where in the file: a table path such as ``criterion "5.1".rule.target``
            or ``line 12``; empty when the problem concerns the whole file.
        code: what is wrong, as a stable problem code from the catalogue
            (:mod:`cchc_score.words.problems`), e.g. ``E-RULES-NOT-POSITIVE``. The code is
            what programs match on; its text exists in Vietnamese and English and may take
            ``{placeholders}`` from ``fields`` (a :class:`~cchc_score.words.Phrase` field is
            itself said in the problem's language). Text that is not a catalogue problem
            code is refused with a ``ValueError``: a programming error, so that no message
            exists in one language only.
        value: the offending value, shown after the message; ``NO_VALUE`` when none.
        fields: the values the code's text refers to, e.g. ``{"max": Decimal("1.5")}``.

    >>> from decimal import Decimal
    >>> p = Problem("rules.toml", "index.max", "E-RULES-NOT-POSITIVE", Decimal(0))
    >>> p.text("en")
    'rules.toml: index.max: must be > 0 (got 0)'
    >>> p.text("vi")
    'rules.toml: index.max: phải lớn hơn 0 (giá trị: 0)'
    """

    file: str | None
    path: str
    code: str = attrs.field()
    value: object = NO_VALUE
    fields: dict[str, object] = attrs.field(factory=dict)

    @code.validator
    def _known(self, _: object, code: str) -> None:
        if not words.is_problem_code(code) or code not in words.WORDS:
            raise ValueError(f"not a problem code of the catalogue: {code!r}")

    def message(self, lang: Lang | None = None) -> str:
        """What is wrong, without the place, in ``lang`` (default: :func:`default_lang`)."""
        return words.problem_text(self.code, lang, **self.fields)

    def text(self, lang: Lang | None = None) -> str:
        """The whole line: file, place, message and the offending value, in ``lang``."""
        said = lang or words.default_lang()
        parts = [p for p in (self.file, place(self.path, said)) if p]
        text = self.message(said)
        if self.value is not NO_VALUE:
            text += " " + words.text("problem.got", said, value=show(self.value))
        return ": ".join([*parts, text])

    def __str__(self) -> str:
        return self.text()


class CchcScoreError(Exception):
    """Root of every error the library raises for bad input.

    ``problems`` holds every problem found; ``str(error)`` lists them one per line, in
    ``lang`` (default: ``CCHC_LANG``, else Vietnamese); :meth:`text` in any language.
    """

    def __init__(self, problems: Iterable[Problem], lang: Lang | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.text(lang))

    def text(self, lang: Lang | None = None) -> str:
        """Every problem, one per line, in ``lang`` (default: ``CCHC_LANG``, else Vietnamese)."""
        return "\n".join(p.text(lang) for p in self.problems)

    @property
    def codes(self) -> tuple[str, ...]:
        """The problems' codes, in order: what a program matches on."""
        return tuple(p.code for p in self.problems)


class ArgumentError(CchcScoreError, TypeError, ValueError):
    """A public function was given an argument it cannot use: a ``dict`` where a
    :class:`~cchc_score.RuleSet` is needed, a ``date`` that is a number, a period that is
    neither ``"quarter"`` nor ``"month"``.

    It is both a ``TypeError`` and a ``ValueError`` so that code written against the
    builtin errors these calls raised before keeps catching them; the message names the
    argument and shows the value. Problems in the content of evidence, plans and rules raise
    their own errors (:class:`EvidenceError`, :class:`~cchc_score.PlanError`, …), as the
    same content in a file does.
    """


class RulesError(CchcScoreError, ValueError):
    """A rules file cannot be read or breaks the rule-file format."""


class EvidenceError(CchcScoreError, ValueError):
    """An evidence file cannot be read or does not fit the rules it is scored with."""


class AnnexError(CchcScoreError, ValueError):
    """An appraisal annex cannot be read."""


@attrs.define
class ProblemList:
    """Collects the problems of one input so they can be raised together.

    >>> from decimal import Decimal
    >>> problems = ProblemList("rules.toml")
    >>> problems.add("index.max", "E-RULES-NOT-POSITIVE", Decimal(0))
    >>> print(problems.items[0].text("en"))
    rules.toml: index.max: must be > 0 (got 0)
    """

    file: str | None
    items: list[Problem] = attrs.field(factory=list)

    def add(self, path: str, code: str, value: object = NO_VALUE, /, **fields: object) -> None:
        """Record one problem at ``path``: ``code`` from the problem catalogue, the offending
        ``value`` and the ``fields`` its text refers to."""
        self.items.append(Problem(self.file, path, code, value, fields))

    def add_error(self, path: str, error: NumberFormatError) -> None:
        """Record at ``path`` the problem an exception carries: its ``code``, ``fields`` and,
        if it has one, its offending ``value``."""
        value = error.value if error.has_value else NO_VALUE
        self.items.append(Problem(self.file, path, error.code, value, dict(error.fields)))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record problems found elsewhere."""
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def raise_as(self, error: type[CchcScoreError]) -> NoReturn:
        """Raise ``error`` with every problem recorded."""
        raise error(self.items)

    def raise_if_any(self, error: type[CchcScoreError]) -> None:
        """Raise ``error`` with every problem recorded, if there is any."""
        if self.items:
            self.raise_as(error)
