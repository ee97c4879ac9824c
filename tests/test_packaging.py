"""What is shipped: no official named in any file, the version written once, the metadata a
packager reads (the build itself is a step of ``.ci/run``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import cchc_score

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

#: A title that, in an annex, comes before an official's or a citizen's name.
_TITLE = re.compile(r"(?<!\w)(ông|bà|đ/c|đồng chí|anh|chị)\s+(\w+)", re.IGNORECASE)

_SHIPPED = ("src", "rules", "examples", "docs", "tests/data", "README.md")


def _shipped_texts() -> list[Path]:
    files: list[Path] = []
    for name in _SHIPPED:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [
        p for p in files if p.suffix in {".tsv", ".csv", ".toml", ".md", ".py", ".json", ".txt"}
    ]


def named_people(text: str) -> list[str]:
    """Every title followed by a capitalised word: 'ông Lê …', 'đ/c Phan …'.

    >>> named_people("của ông Lê Văn A còn chậm; Đ/c Phan B; Công chức VHXH; anh hùng")
    ['ông Lê', 'Đ/c Phan']
    """
    return [m.group(0) for m in _TITLE.finditer(text) if m.group(2)[0].isupper()]


def test_the_check_finds_a_name() -> None:
    assert named_people("của ông Lê Văn A còn chậm; Đ/c Phan B; Công chức") == [
        "ông Lê",
        "Đ/c Phan",
    ]


@pytest.mark.parametrize("path", _shipped_texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_person_is_named_in_what_is_shipped(path: Path) -> None:
    assert named_people(path.read_text(encoding="utf-8", errors="replace")) == []


def test_version_is_written_once() -> None:
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/cchc_score/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", cchc_score.__version__)


def test_metadata_a_packager_reads() -> None:
    project = PYPROJECT["project"]
    prefixes = {c.split(" :: ")[0] for c in project["classifiers"]}
    assert {"Development Status", "Intended Audience", "Topic", "Typing"} <= prefixes
    assert "Natural Language :: Vietnamese" in project["classifiers"]
    assert {"Homepage", "Documentation", "Changelog", "Issues"} <= set(project["urls"])
    # ruff and mypy are the dev extra's, not the test extra's.
    test, dev = project["optional-dependencies"]["test"], project["optional-dependencies"]["dev"]
    assert not any(d.startswith(("ruff", "mypy")) for d in test)
    assert {d.split(">")[0] for d in dev} == {"ruff", "mypy"}
    # The array form of license-files needs hatchling 1.27 (.ci/run builds with exactly it).
    assert isinstance(project["license-files"], list)
    assert PYPROJECT["build-system"]["requires"] == ["hatchling>=1.27"]
