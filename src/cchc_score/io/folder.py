"""A batch folder's evidence files: which files in a folder are units' evidence.

A folder written by ``cchc-score import-annex --out DIR`` holds ``evidence.toml`` beside
``appraisal.toml`` and ``plan.toml``; ranking the folder ranks the evidence only. Files are
told apart by name here, and by their top-level keys when read
(:func:`cchc_score.io.evidence.read_unit`).
"""

from __future__ import annotations

import os

from ..errors import CchcScoreError, EvidenceError, ProblemList
from .evidence import read_unit
from .table import table_rules

__all__ = ["NOT_EVIDENCE", "UNIT_FAILURES", "evidence_files", "named_rules"]

#: What reading or scoring one unit of a batch may raise: the unit is listed with its
#: problems, and the batch goes on.
UNIT_FAILURES = (CchcScoreError, RecursionError, ValueError, ArithmeticError)

_EVIDENCE_SUFFIXES = (".toml", ".json")

#: Files ``import-annex`` writes beside the evidence, never a unit's evidence.
NOT_EVIDENCE = frozenset({"plan.toml", "appraisal.toml"})


def evidence_files(folder: str) -> list[str]:
    """The evidence files directly in ``folder``, sorted by name: every ``*.toml`` and
    ``*.json`` except hidden files and the plan and appraisal ``import-annex`` writes.

    Raises:
        EvidenceError: the folder holds no such file.
    """
    names = sorted(
        entry.name
        for entry in os.scandir(folder)
        if entry.name.lower().endswith(_EVIDENCE_SUFFIXES)
        and entry.name.lower() not in NOT_EVIDENCE
        and not entry.name.startswith(".")
        and entry.is_file()
    )
    if not names:
        problems = ProblemList(folder)
        problems.add("", "E-FOLDER-EMPTY")
        problems.raise_as(EvidenceError)
    return [os.path.join(folder, name) for name in names]


def named_rules(source: str | os.PathLike[str]) -> tuple[str, ...]:
    """The rules a batch's units name (their ``rules`` key or column), each once, in the
    order first seen; paths are made relative to the file that names them.

    Raises:
        EvidenceError: the source as a whole cannot be read (as for :func:`score_many`).
    """
    path = os.fspath(source)
    if not os.path.isdir(path):
        return table_rules(path)
    names: dict[str, None] = {}
    for file in evidence_files(path):
        try:
            read = read_unit(file)
        except UNIT_FAILURES:  # listed with its problems when the batch is scored
            continue
        evidence = None if read is None else read[0]
        if evidence is not None and evidence.rules:
            names[evidence.rules] = None
    return tuple(names)
