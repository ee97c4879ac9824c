"""Every reader's failure cases as data: one small file per mistake, the exact error beside it.

``tests/data/invalid_inputs/<reader>/NAME.toml`` (or ``.json``) and ``NAME.expected``,
which holds every line of the error, the file named as ``<reader>/NAME.toml``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from cchc_score.errors import AnnexError, CchcScoreError, EvidenceError
from cchc_score.io.appraisal import load_appraisal
from cchc_score.io.evidence import load_evidence
from cchc_score.io.plan import load_plan
from cchc_score.plan import PlanError

from .conftest import DATA

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from cchc_score.annex import Appraisal
    from cchc_score.evidence import Evidence
    from cchc_score.plan import Plan

FOLDER = DATA / "invalid_inputs"
READERS: dict[str, tuple[Callable[[Path], Evidence | Plan | Appraisal], type[CchcScoreError]]] = {
    "evidence": (load_evidence, EvidenceError),
    "plan": (load_plan, PlanError),
    "appraisal": (load_appraisal, AnnexError),
}
CASES = sorted(p for p in FOLDER.glob("*/*") if p.suffix in (".toml", ".json"))


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_invalid_input_reports_exact_problems(
    path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    load, error = READERS[path.parent.name]
    monkeypatch.chdir(FOLDER)
    with pytest.raises(error) as info:
        load(path.relative_to(FOLDER))
    found = str(info.value).replace(os.sep, "/") + "\n"
    expected = path.with_suffix(".expected")
    if update_golden:
        expected.write_text(found, encoding="utf-8")
    assert found == expected.read_text(encoding="utf-8")


def test_every_case_has_its_expected_file() -> None:
    assert CASES
    assert all(p.with_suffix(".expected").exists() for p in CASES)
