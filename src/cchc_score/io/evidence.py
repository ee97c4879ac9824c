"""Evidence files (TOML or JSON) → :class:`~cchc_score.evidence.Evidence`.

The document is structured through the one strict converter (:mod:`.convert`): its shape,
and the type of every value, is checked there; whether the values fit a rule set is
:func:`~cchc_score.evidence.check_evidence`'s job. Both kinds of problem are reported
together, each naming the file, the key and the value. See docs/evidence-format.md.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, NewType, Optional, TypeVar, Union, overload

import attrs

from .. import arguments, syntax
from ..errors import EvidenceError, ProblemList
from ..evidence import RULES_EXPECTED, Evidence, check_evidence
from ..model import RuleSet
from . import files
from .convert import CONVERTER, Invalid, Year, code, messages, structure, user_number
from .rules import load_rules

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "checked_evidence",
    "dump_evidence",
    "evidence_of",
    "load_evidence",
    "read_evidence",
    "rules_argument",
]

#: A fact's value as a file gives it (an array of strings becomes a tuple).
FileValue = Union[bool, int, Decimal, str, tuple[str, ...]]


def _file_value(value: object, _: type) -> FileValue:
    if isinstance(value, (bool, int, Decimal, str)):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise Invalid("E-EVIDENCE-VALUE-TYPE", value)


#: Appraised points as a file gives them: a number, or a string such as ``"1,5"``.
Points = NewType("Points", Decimal)


def _points(value: object, _: type) -> Points:
    return Points(user_number(value, expected="E-EVIDENCE-POINTS-NOT-NUMBER"))


#: A unit's name: a string with something in it.
UnitName = NewType("UnitName", str)


def _unit_name(value: object, _: type) -> UnitName:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(_UNIT_REQUIRED, value)
    return UnitName(value)


_UNIT_REQUIRED = "E-EVIDENCE-UNIT"

CONVERTER.register_structure_hook_func(lambda t: t == FileValue, _file_value)
CONVERTER.register_structure_hook(Points, _points)
CONVERTER.register_structure_hook(UnitName, _unit_name)


@attrs.frozen
class _EvidenceDoc:
    unknown_key: ClassVar[str] = "E-EVIDENCE-UNKNOWN-KEY"

    unit: Optional[UnitName] = None
    year: Optional[Year] = None
    rules: Optional[str] = attrs.field(
        default=None, metadata=messages(wrong="E-EVIDENCE-RULES-NAME")
    )
    facts: dict[str, FileValue] = attrs.field(factory=dict)
    appraised: dict[str, Points] = attrs.field(factory=dict)
    notes: dict[str, str] = attrs.field(factory=dict)
    not_assessed: dict[str, str] = attrs.field(factory=dict)
    estimated: list[str] = attrs.field(factory=list)


def load_evidence(
    path: str | os.PathLike[str], rules: RuleSet | str | os.PathLike[str] | None = None
) -> Evidence:
    """Read an evidence file (``.toml`` or ``.json``), and check it against ``rules`` if given.

    Args:
        path: the file.
        rules: when given, the values are checked too (:func:`check_evidence`), so that
            problems of shape and of value are reported together: a
            :class:`~cchc_score.RuleSet`, or a rules name or path as for
            :func:`~cchc_score.load_rules` (``"criteria_2022"``).

    Raises:
        EvidenceError: the file cannot be read, its shape is wrong, or (with ``rules``) its
            values do not fit; every problem is named with the file, table, key and value.
        RulesError: ``rules`` names a rules file that cannot be read.
        ArgumentError: ``rules`` is neither a rule set nor a name or path.

    >>> evidence = load_evidence("examples/ward_2022/evidence.toml")
    >>> evidence.unit, evidence.fact("staff_total")
    ('Phường mẫu (phụ lục 2022)', 21)
    """
    return checked_evidence(*read_evidence(path), rules_argument(rules))


@overload
def rules_argument(rules: object, *, required: Literal[True]) -> RuleSet: ...
@overload
def rules_argument(rules: object, *, required: bool = False) -> RuleSet | None: ...
def rules_argument(rules: object, *, required: bool = False) -> RuleSet | None:
    """A rules argument as a rule set: a ``RuleSet`` as it is, a name or path loaded;
    ``None`` stays ``None`` unless it is ``required``."""
    if (rules is None and not required) or isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, (str, os.PathLike)):
        return load_rules(rules)
    return arguments.instance(rules, RuleSet, "rules", RULES_EXPECTED)


def checked_evidence(
    evidence: Evidence | None, problems: ProblemList, rules: RuleSet | None = None
) -> Evidence:
    """Finish what :func:`read_evidence` began: check the evidence against ``rules`` (if
    given) and raise every problem, of shape and of value, at once.

    Raises:
        EvidenceError: with every problem found.
    """
    if rules is not None and evidence is not None:
        try:
            check_evidence(rules, evidence)
        except EvidenceError as exc:
            problems.extend(exc.problems)
    problems.raise_if_any(EvidenceError)
    assert evidence is not None
    return evidence


def read_evidence(path: str | os.PathLike[str]) -> tuple[Evidence | None, ProblemList]:
    """Read an evidence file without raising: the evidence as far as it could be read
    (``None`` if not at all) and the problems found in its shape."""
    name = arguments.file_path(path)
    problems = ProblemList(name)
    return _evidence_of(_document(name, problems), name, problems)


#: Top-level keys of the other documents import-annex writes: a plan's, an appraisal's.
_OTHER_DOCUMENTS = frozenset({"tasks", "nodes"})
_EVIDENCE_TABLES = frozenset({"facts", "appraised", "not_assessed"})


def read_unit(path: str | os.PathLike[str]) -> tuple[Evidence | None, ProblemList] | None:
    """:func:`read_evidence` for a file of a batch folder: ``None`` when the file is a plan
    (it has ``tasks``) or an appraisal (``nodes``) and no evidence table, so that a folder
    written by ``import-annex`` ranks its evidence only."""
    name = arguments.file_path(path)
    problems = ProblemList(name)
    doc = _document(name, problems)
    if (
        isinstance(doc, dict)
        and _OTHER_DOCUMENTS & doc.keys()
        and not _EVIDENCE_TABLES & doc.keys()
    ):
        return None
    return _evidence_of(doc, name, problems)


def evidence_of(doc: object, name: str, where: str, problems: ProblemList) -> Evidence | None:
    """The evidence a table inside another document holds (a case of a cases file), its
    problems recorded under ``where``; ``None`` if it cannot be read."""
    found = ProblemList(problems.file)
    evidence, _ = _evidence_of(doc, name, found)
    problems.extend(attrs.evolve(p, path=f"{where}.{p.path}" if p.path else where) for p in found)
    return None if found else evidence


def _document(name: str, problems: ProblemList) -> object:
    """The file's document, TOML or JSON by its extension (standard input by its first
    character: JSON opens with "{"); ``None`` if it cannot be read."""
    text = files.read_input(Path(name), problems)
    if text is None:
        return None
    if name == files.STDIN:
        is_json = text.lstrip().startswith("{")
    else:
        is_json = name.lower().endswith(".json")
    return files.parse_json(text, problems) if is_json else files.parse_toml(text, problems)


def _evidence_of(
    doc: object, name: str, problems: ProblemList
) -> tuple[Evidence | None, ProblemList]:
    """The evidence a document holds, as far as it can be read, and its shape's problems."""
    if doc is None:
        return None, problems
    if not isinstance(doc, dict):
        problems.add("", "E-EVIDENCE-NOT-OBJECT", doc)
        return None, problems
    read = structure(doc, _EvidenceDoc, "", problems, salvage=True)
    if read is None:
        return None, problems
    if doc.get("unit") is None:  # missing, or JSON's null
        problems.add("unit", _UNIT_REQUIRED)
    rules = None if read.rules is None else files.rules_reference(name, read.rules)
    try:
        evidence = Evidence(
            unit=read.unit or "",
            year=read.year,
            facts=read.facts,
            appraised=_by_code(read.appraised, "appraised", problems),
            notes=_by_code(read.notes, "notes", problems),
            not_assessed=_by_code(read.not_assessed, "not_assessed", problems),
            rules=rules,
            source=name,
            estimated=read.estimated,
        )
    except EvidenceError as exc:  # a value past the bounds Evidence keeps (arguments.py)
        problems.extend(attrs.evolve(p, file=name) for p in exc.problems)
        return None, problems
    return evidence, problems


T = TypeVar("T")


def _by_code(table: dict[str, T], where: str, problems: ProblemList) -> dict[str, T]:
    """A table keyed by criterion codes, the codes in NFKC (:func:`.convert.code`), so that
    "１.６" in full-width digits is criterion 1.6, not a second one."""
    out: dict[str, T] = {}
    for key, value in table.items():
        normal = code(key)
        if normal in out:
            problems.add(f"{where}.{syntax.key(key)}", "E-CODE-SAME-AS", key, code=repr(normal))
            continue
        out[normal] = value
    return out


def dump_evidence(evidence: Evidence, header: Sequence[str] = ()) -> str:
    """Write evidence as a TOML file that :func:`load_evidence` reads back equal, with the
    ``header`` lines as comments at the top (what the file was made from, readings taken).

    >>> print(dump_evidence(Evidence("Xã A", 2022, appraised={"IX": 19}), ["made by hand"]))
    # made by hand
    unit = "Xã A"
    year = 2022
    <BLANKLINE>
    [appraised]
    IX = 19
    <BLANKLINE>
    """
    arguments.instance(evidence, Evidence, "evidence", "argument.an_evidence")
    lines = [f"# {line}" for line in header]
    lines.append(f"unit = {syntax.value(evidence.unit)}")
    if evidence.year is not None:
        lines.append(f"year = {evidence.year}")
    if evidence.rules is not None:
        lines.append(f"rules = {syntax.value(evidence.rules)}")
    if evidence.estimated:
        lines.append(f"estimated = {syntax.value(list(evidence.estimated))}")
    tables: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = (
        (
            "facts",
            tuple(
                (n, list(v) if isinstance(v, (tuple, frozenset)) else v) for n, v in evidence.facts
            ),
        ),
        ("appraised", evidence.appraised),
        ("not_assessed", evidence.not_assessed),
        ("notes", evidence.notes),
    )
    for name, pairs in tables:
        if pairs:
            lines += ["", f"[{name}]"]
            lines += [f"{syntax.key(key)} = {syntax.value(value)}" for key, value in pairs]
    return "\n".join(lines) + "\n"
