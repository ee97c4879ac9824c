"""Cases files (``*.cases.toml``) → :class:`~cchc_score.cases.Case` values.

``rules`` names the rules the cases are for (a bundled name, or a path relative to the
file); each ``[[cases]]`` table has a ``name``, the evidence tables of an evidence file
(``facts``, ``appraised``, ``not_assessed``), ``expect`` (node code or ``total`` → points)
and an optional ``rating``; ``base`` starts from another case's evidence, so a case need
only say what differs.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import attrs

from .. import arguments, syntax
from ..cases import Case
from ..errors import ProblemList, RulesError
from . import files
from .convert import Year, structure
from .evidence import evidence_of

if TYPE_CHECKING:
    import os

__all__ = ["CasesFile", "load_cases"]

_EVIDENCE_TABLES = ("facts", "appraised", "not_assessed", "notes")


@attrs.frozen
class _CaseDoc:
    name: str
    expect: dict[str, Decimal] = attrs.field(factory=dict)
    rating: Optional[str] = None
    base: Optional[str] = None
    year: Optional[Year] = None
    facts: dict[str, Any] = attrs.field(factory=dict)
    appraised: dict[str, Any] = attrs.field(factory=dict)
    not_assessed: dict[str, Any] = attrs.field(factory=dict)
    notes: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class _CasesDoc:
    cases: list[dict[str, Any]]
    rules: Optional[str] = None


@attrs.frozen
class CasesFile:
    """A cases file: the rules it names (``None`` if it names none) and its cases."""

    rules: str | None
    cases: tuple[Case, ...]


def load_cases(path: str | os.PathLike[str]) -> CasesFile:
    """Read a cases file.

    Raises:
        RulesError: the file cannot be read or a case is malformed; every problem names the
            file, the case and the key.

    >>> cases = load_cases("rules/criteria_2022.cases.toml")
    >>> cases.rules, cases.cases[0].name
    ('criteria_2022', 'Phường mẫu 2022: mọi tiêu chí của phụ lục')
    """
    name = arguments.file_path(path)
    problems = ProblemList(name)
    doc = files.read_toml(Path(name), problems)
    read: _CasesDoc | None = structure(doc, _CasesDoc, "", problems) if doc is not None else None
    if read is None:
        problems.raise_as(RulesError)
    rules = None if read.rules is None else files.rules_reference(name, read.rules)
    raw: dict[str, dict[str, Any]] = {}
    cases: list[Case] = []
    for i, table in enumerate(read.cases):
        label = table.get("name") if isinstance(table, dict) else None
        where = f"case {syntax.quote(label)}" if isinstance(label, str) else f"cases[{i}]"
        case = structure(table, _CaseDoc, where, problems)
        if case is None:
            continue
        if case.name in raw:
            problems.add(f"{where}.name", "E-CASES-DUPLICATE", case.name)
            continue
        tables = {k: dict(getattr(case, k)) for k in _EVIDENCE_TABLES}
        if case.base is not None:
            if case.base not in raw:
                problems.add(f"{where}.base", "E-CASES-BASE", case.base)
                continue
            tables = {k: {**raw[case.base][k], **tables[k]} for k in _EVIDENCE_TABLES}
        raw[case.name] = tables
        evidence_doc: dict[str, object] = {"unit": case.name, **tables}
        if case.year is not None:
            evidence_doc["year"] = case.year
        evidence = evidence_of(evidence_doc, name, where, problems)
        if evidence is not None:
            expect = tuple((k, v) for k, v in case.expect.items())
            cases.append(Case(case.name, evidence, expect, case.rating, where))
    if not read.cases:
        problems.add("cases", "E-CASES-NONE")
    problems.raise_if_any(RulesError)
    return CasesFile(rules, tuple(cases))
