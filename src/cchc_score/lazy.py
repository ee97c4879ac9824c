"""Packages whose public names are imported on first use (PEP 562), so that importing the
package, or one of its modules, costs only what is used: the command line starts without the
annex reader, the planner or the workbooks it is not asked for.

A package lists where each name lives and hands that to :func:`lazy_package`:

>>> import sys, types
>>> demo = types.ModuleType("demo")
>>> sys.modules["demo"] = demo
>>> lazy_package("demo", {"dedent": "textwrap"})
>>> demo.dedent("  a")
'a'
>>> del sys.modules["demo"]
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["lazy_package"]


class LazyPackage(types.ModuleType):
    """A package whose names come from their modules on first use; a public function keeps
    its name over the module of the same name (``cchc_score.reconcile``,
    ``cchc_score.report.unit_html``) when that module is imported, as when every name was
    imported at once."""

    def __getattr__(self, name: str) -> Any:
        where: Mapping[str, str] = self.__dict__["_lazy_where"]
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, self.__name__), name)
        self.__dict__[name] = value  # the next look-up is an attribute's
        return value

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in self.__dict__["_lazy_where"]:
            return  # the import system naming a submodule: the public name stays
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted({*self.__dict__, *self.__dict__["_lazy_where"]})


def lazy_package(name: str, where: Mapping[str, str]) -> None:
    """Make the package ``name`` import each public name from its module (``where``: a name
    → the module, relative to the package, e.g. ``".batch"``) when it is first used."""
    package = sys.modules[name]
    package.__dict__["_lazy_where"] = dict(where)
    package.__class__ = LazyPackage
