"""The public surface: ``__all__`` lists exactly the public names, and the docstring
examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import types

import pytest

import cchc_score

from .conftest import ROOT


def test_all_is_exactly_the_public_surface() -> None:
    public = {
        name
        for name, value in vars(cchc_score).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert set(cchc_score.__all__) == public | {"__version__"}
    assert sorted(cchc_score.__all__) == list(cchc_score.__all__)


def test_every_public_name_has_a_docstring() -> None:
    for name in cchc_score.__all__:
        value = getattr(cchc_score, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), name


MODULES = sorted(m.name for m in pkgutil.iter_modules(cchc_score.__path__, "cchc_score."))


@pytest.mark.parametrize("name", ["cchc_score", *MODULES])
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if name == "cchc_score.__main__":
        return
    monkeypatch.chdir(ROOT)  # examples name files relative to the repository
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_importing_the_library_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import sys, cchc_score; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
