"""The public surface: ``__all__`` lists exactly the public names, and the docstring
examples run."""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import types
from pathlib import Path

import pytest

import cchc_score

from .conftest import ROOT


def test_all_is_exactly_the_public_surface() -> None:
    # The names are imported on first use (cchc_score.lazy); dir() lists every one.
    public = {
        name
        for name in dir(cchc_score)
        if not name.startswith("_") and not isinstance(getattr(cchc_score, name), types.ModuleType)
    }
    assert set(cchc_score.__all__) == public | {"__version__"}
    assert sorted(cchc_score.__all__) == list(cchc_score.__all__)


@pytest.mark.parametrize("package", ["cchc_score", "cchc_score.report"])
def test_the_lazy_table_agrees_with_the_imports_the_type_checker_reads(package: str) -> None:
    # Each public name is imported for the type checker and found, at run time, through the
    # table (cchc_score.lazy): the two say the same module for the same names.
    module = importlib.import_module(package)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    typed = {
        alias.name: "." * node.level + (node.module or "")
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level
        for alias in node.names
        if alias.name != "lazy"
    }
    assert typed == module.__dict__["_lazy_where"]
    assert set(typed) | ({"__version__"} if package == "cchc_score" else set()) == set(
        module.__all__
    )


def test_every_public_name_has_a_docstring() -> None:
    for name in cchc_score.__all__:
        value = getattr(cchc_score, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), name


# Every module, subpackages' too: a doctest in io/ or kinds/ runs like any other.
MODULES = sorted(m.name for m in pkgutil.walk_packages(cchc_score.__path__, "cchc_score."))


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


def _private_imports(path: Path) -> list[str]:
    """``from x import _y`` (or ``import _y``) in one module: a reach into another's
    privates."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                last = alias.name.rpartition(".")[2]
                if last.startswith("_") and not last.startswith("__"):
                    found.append(f"{path.name}:{node.lineno}: {alias.name}")
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and any(
                p.startswith("_") and not p.startswith("__") for p in module.split(".")
            ):
                found.append(f"{path.name}:{node.lineno}: from {module}")
    return found


SOURCES = sorted((ROOT / "src" / "cchc_score").rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    assert _private_imports(path) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT / "src")))
def test_no_module_is_over_500_lines(path: Path) -> None:
    # One concept per module: a module past this size is doing two things.
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT / "src").with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """The library's modules one module imports (type-checking imports included: they
    are dependencies of the code's meaning, if not of its running)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def test_the_import_graph_has_no_cycle() -> None:
    modules = {_module_name(p): p for p in SOURCES}
    graph = {name: _imports(path, set(modules)) for name, path in modules.items()}
    # A package's __init__ re-exports its modules; what matters is that no module needs,
    # through others, the package or module it is part of.
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        path.append(name)
        for other in sorted(graph[name]):
            visit(other)
        path.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
