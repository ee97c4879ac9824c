"""io.converter: the quick path structures a valid document as cattrs does, and leaves every
other one to cattrs, so that what a reader returns, and the problems it reports, are the same
with the quick path and without it. The reference is the same reader with the quick path
turned off (every value through cattrs)."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_score import load_appraisal, load_evidence, load_plan, load_rules, loads_rules
from cchc_score.errors import CchcScoreError
from cchc_score.io.cases import load_cases
from cchc_score.io.converter import Converter, Unsure

from .conftest import DATA, ROOT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: These tests compare English problem texts.
pytestmark = pytest.mark.lang("en")


def _never(self: Converter, value: object, cl: Any) -> Any:
    raise Unsure


def _outcome(load: Callable[[], object]) -> object:
    """What a reader returns, or the texts of the problems it raises."""
    try:
        return load()
    except CchcScoreError as exc:
        return [problem.text("en") for problem in exc.problems]


def _both(monkeypatch: pytest.MonkeyPatch, load: Callable[[], object]) -> tuple[object, object]:
    quick = _outcome(load)
    with monkeypatch.context() as patched:
        patched.setattr(Converter, "quick", _never)
        reference = _outcome(load)
    return quick, reference


def _files(*folders: Path, pattern: str = "*.toml") -> Iterator[Path]:
    for folder in folders:
        yield from sorted(folder.glob(pattern))


_RULES = [
    *(p for p in _files(ROOT / "rules") if not p.name.endswith(".cases.toml")),
    *_files(ROOT / "examples" / "rules_2023", DATA / "valid", DATA / "invalid", DATA / "mutants"),
]
_EVIDENCE = [
    *_files(ROOT / "examples" / "ward_2022", ROOT / "examples" / "district_2022"),
    DATA / "ward_b" / "evidence.toml",
    *_files(DATA / "invalid_inputs" / "evidence", pattern="*.*"),
]
_EVIDENCE = [p for p in _EVIDENCE if p.suffix in (".toml", ".json") and "plan" not in p.name]
_PLANS = [
    ROOT / "examples" / "ward_2022" / "plan.toml",
    DATA / "ward_b" / "plan.toml",
    *_files(DATA / "invalid_inputs" / "plan"),
]
_APPRAISALS = [DATA / "ward_b" / "appraisal.toml", *_files(DATA / "invalid_inputs" / "appraisal")]


@pytest.mark.parametrize("path", _RULES, ids=lambda p: p.name)
def test_rules_read_the_same(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    quick, reference = _both(monkeypatch, lambda: load_rules(path))
    assert quick == reference


@pytest.mark.parametrize(
    ("load", "path"),
    [
        *((load_evidence, p) for p in _EVIDENCE),
        *((load_plan, p) for p in _PLANS),
        *((load_appraisal, p) for p in _APPRAISALS),
        (load_cases, ROOT / "rules" / "criteria_2022.cases.toml"),
    ],
    ids=lambda x: getattr(x, "name", getattr(x, "__name__", "")),
)
def test_inputs_read_the_same(
    monkeypatch: pytest.MonkeyPatch, load: Callable[[Path], object], path: Path
) -> None:
    quick, reference = _both(monkeypatch, lambda: load(path))
    assert quick == reference


_BUNDLED = (ROOT / "rules" / "criteria_2022.toml").read_text(encoding="utf-8").splitlines()

#: What a line's value may become: another type, a bad value, nothing.
_VALUES = ["1", "-2", "true", '"x"', '""', "[]", '["a", 1]', "{}", "{ kind = 1 }", "1.5", "0"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_BUNDLED) - 1),
            st.sampled_from(["value", "drop", "unknown"]),
            st.sampled_from(_VALUES),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_broken_rules_file_reads_the_same(edits: list[tuple[int, str, str]]) -> None:
    # The bundled rules with a few lines changed: a value of another type, a line gone, an
    # unknown key. Whatever the reader makes of it, the quick path changes nothing.
    lines = list(_BUNDLED)
    for index, how, value in edits:
        line = lines[index]
        key, equals, _ = line.partition(" = ")
        if how == "value" and equals and not line.startswith("#"):
            lines[index] = f"{key} = {value}"
        elif how == "drop":
            lines[index] = ""
        elif how == "unknown" and equals:
            lines.insert(index + 1, f"zz_unknown = {value}")
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, reference = _both(monkeypatch, lambda: loads_rules(text, "r.toml"))
    assert quick == reference


def test_score_reads_its_files_without_cattrs() -> None:
    # The example ward is valid: the quick path reads it all, and cattrs is never imported.
    code = (
        "import sys, contextlib, io\n"
        "from cchc_score.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['score', 'examples/ward_2022/evidence.toml'])\n"
        "print('cattrs' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["False"]


#: One value of each type TOML has, for the exhaustive edits below.
_ONE_OF_EACH = ['"x"', "1", "1.5", "true", "[]", '["a", 1]', "{}"]


@pytest.mark.parametrize(
    ("load", "path"),
    [
        (loads_rules, DATA / "valid" / "minimal.toml"),
        (load_evidence, DATA / "ward_b" / "evidence.toml"),
        (load_plan, DATA / "ward_b" / "plan.toml"),
        (load_appraisal, DATA / "ward_b" / "appraisal.toml"),
    ],
    ids=lambda x: getattr(x, "name", None) or getattr(x, "__name__", ""),
)
def test_every_value_of_another_type_reads_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, load: Callable[..., object], path: Path
) -> None:
    # Each `key = value` line of a valid file in turn holds a value of each other type, or is
    # gone: the quick path refuses what cattrs refuses, and returns what cattrs returns.
    lines = path.read_text(encoding="utf-8").splitlines()
    edited = tmp_path / path.name
    for index, line in enumerate(lines):
        key, equals, _ = line.partition(" = ")
        if not equals or line.startswith("#"):
            continue
        for value in [*_ONE_OF_EACH, None]:
            changed = f"{key} = {value}" if value is not None else ""
            text = "\n".join([*lines[:index], changed, *lines[index + 1 :]])
            if load is loads_rules:
                read = functools.partial(loads_rules, text, "r.toml")
                quick, reference = _both(monkeypatch, read)
            else:
                edited.write_text(text, encoding="utf-8")
                quick, reference = _both(monkeypatch, lambda: load(edited))
            assert quick == reference, (index, changed)
