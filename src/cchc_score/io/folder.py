"""A batch folder's evidence files: which files in a folder are units' evidence.

A folder written by ``cchc-score import-annex --out DIR`` holds ``evidence.toml`` beside
``appraisal.toml`` and ``plan.toml``; ranking the folder ranks the evidence only. Files are
told apart by name here, and by their top-level keys when read
(:func:`cchc_score.io.evidence.read_unit`).
"""

from __future__ import annotations

import os

from ..errors import EvidenceError, ProblemList

__all__ = ["NOT_EVIDENCE", "evidence_files"]

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
