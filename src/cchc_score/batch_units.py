"""One unit of a batch, scored: :class:`UnitResult`, from an evidence built in Python, an
evidence file of a folder or a row of a table, with every problem located; a unit that
cannot be read or scored is a result too, never a stop (:func:`cchc_score.score_many`
dispatches here).

A table's plainly valid row is scored through the rule set's flat plan
(:func:`~cchc_score.evaluation.plain_scorecard`) without becoming an evidence; any other
row, and any unit the plan declines, takes :func:`~cchc_score.evaluate`'s full path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

import attrs

from .errors import NO_VALUE, CchcScoreError, EvidenceError, Problem, ProblemList
from .evaluation import Scorecard, evaluate, plain_scorecard
from .evidence import Evidence, check_evidence
from .io.evidence import read_unit
from .io.folder import UNIT_FAILURES, evidence_files
from .io.table import TableRow, read_table

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from .model import RuleSet

__all__ = [
    "FolderEntry",
    "UnitResult",
    "read_folder",
    "score_evidence",
    "score_read",
    "score_table",
    "unreadable",
]


@attrs.frozen
class UnitResult:
    """One unit of a batch: its scorecard, or the problems that kept it from being scored.

    Attributes:
        unit: the unit's name as given ("" when it could not be read).
        source: the file it came from (for evidence built in Python, its ``source``).
        line: the line its row starts on, for a CSV/TSV table; ``None`` for a file per unit.
        scorecard: the scorecard, when the evidence is valid.
        problems: every problem found, each naming the file, line and place, when it is not.
    """

    unit: str
    source: str | None
    line: int | None = None
    scorecard: Scorecard | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the unit was scored (its evidence is valid)."""
        return self.scorecard is not None and not self.problems

    @property
    def where(self) -> str:
        """The file, and the line for a table row: ``wards.csv: line 5``."""
        place = self.source or ""
        if self.line is not None:
            return f"{place}: line {self.line}" if place else f"line {self.line}"
        return place


def unreadable(file: str, exc: BaseException) -> tuple[Problem, ...]:
    """A unit that could not be read or scored, in one located line (never a stop)."""
    if isinstance(exc, CchcScoreError):
        return tuple(attrs.evolve(p, file=p.file or file) for p in exc.problems)
    if isinstance(exc, RecursionError):
        return (Problem(file, "", "E-BATCH-TOO-DEEP", NO_VALUE),)
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return (Problem(file, "", "E-BATCH-TOO-MANY-DIGITS", NO_VALUE),)
    detail = " ".join(str(exc).split())[:120]
    said = f"{type(exc).__name__}" + (f": {detail}" if detail else "")
    return (Problem(file, "", "E-BATCH-UNREADABLE", NO_VALUE, {"detail": said}),)


def score_evidence(rules: RuleSet, evidence: Evidence, problems: ProblemList) -> UnitResult:
    """Score one evidence; ``problems`` already holds those of its shape, if any."""
    card: Scorecard | None = None
    try:
        card = evaluate(rules, evidence)
    except UNIT_FAILURES as exc:
        problems.extend(unreadable(evidence.source or "", exc))
    if problems:
        return UnitResult(evidence.unit, evidence.source, problems=tuple(problems))
    return UnitResult(evidence.unit, evidence.source, scorecard=card)


#: A batch folder's file as read, not yet scored: (file, its evidence or ``None`` when it
#: could not be read, the problems of reading it).
FolderEntry = tuple[str, Union[Evidence, None], tuple[Problem, ...]]


def read_folder(folder: str) -> Iterator[FolderEntry]:
    """Each evidence file of a batch folder, read (:func:`.io.folder.evidence_files`; plans
    and appraisals left out), one at a time: what :func:`score_read` scores.

    Raises:
        EvidenceError: the folder holds no evidence file.
    """
    for file in evidence_files(folder):
        try:
            read = read_unit(file)
        except UNIT_FAILURES as exc:
            yield file, None, unreadable(file, exc)
            continue
        if read is not None:  # else a plan or an appraisal: not a unit
            yield file, read[0], tuple(read[1])


def score_read(rules: RuleSet, entries: Iterable[FolderEntry]) -> Iterator[UnitResult]:
    """Score a folder's files as :func:`read_folder` read them (a command that needs the
    rules the files name reads them once, then scores what it read)."""
    for file, evidence, problems in entries:
        if evidence is None:
            yield UnitResult("", file, problems=problems)
        else:
            found = ProblemList(file)
            found.extend(problems)
            yield score_evidence(rules, evidence, found)


# --------------------------------------------------------------------------- tables


def score_table(rules: RuleSet, path: str) -> Iterator[UnitResult]:
    def plain(line: int, unit: str, *read: Any) -> UnitResult | None:
        # A plainly valid row is scored without becoming an evidence (``read``: its year,
        # facts, appraised points and notes); any other row, or one the flat plan
        # declines, takes the full path and its diagnostics.
        try:
            card = plain_scorecard(rules, unit, *read)
        except UNIT_FAILURES:  # the full path lists the unit with what it raises
            return None
        return None if card is None else UnitResult(unit, path, line, card)

    for row in read_table(path, rules, plain):
        yield row if isinstance(row, UnitResult) else _score_row(rules, path, row)


def _score_row(rules: RuleSet, path: str, row: TableRow) -> UnitResult:
    problems = ProblemList(path)
    problems.extend(row.problems)
    typed = row.evidence
    if typed is None:
        return UnitResult(row.unit, path, row.line, problems=tuple(problems))
    found: tuple[Problem, ...] = ()
    try:
        if not problems:
            try:
                return UnitResult(row.unit, path, row.line, scorecard=evaluate(rules, typed))
            except EvidenceError as exc:
                found = exc.problems
        # Check the cells as written, so that messages quote what the user wrote (and
        # problems of value are reported with those of reading, as for an evidence file).
        try:
            check_evidence(rules, attrs.evolve(typed, facts=row.written))
        except EvidenceError as exc:
            found = exc.problems
    except UNIT_FAILURES as exc:  # the last resort: the row is listed, the batch goes on
        found = unreadable(path, exc)
    problems.extend(_at_line(p, row.line) for p in found)
    return UnitResult(row.unit, path, row.line, problems=tuple(problems))


def _at_line(problem: Problem, line: int) -> Problem:
    place = f"line {line}: {problem.path}" if problem.path else f"line {line}"
    return attrs.evolve(problem, path=place)
