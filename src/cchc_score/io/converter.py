"""The converter readers structure their documents through (:data:`.convert.CONVERTER`): the
hooks it was given, a cattrs converter built from them on first need, and a quick path.

Every valid document a command reads would otherwise wait for cattrs to be imported and to
generate a structuring function for each class, a fifth of ``cchc-score score``'s start.
:meth:`Converter.quick` structures a document that is valid through and through as cattrs
would: each value through the hook cattrs calls for its type (the same function), each
table through its attrs class, with no unknown key and every required key. At the first
thing it cannot vouch for (a hook refusing a value, an unknown or missing key, a type it
does not know, two hooks that could apply) it raises, and the reader asks cattrs, whose
problems are the reference: the messages for a bad file do not depend on the quick path.
``tests/test_io_converter.py`` checks the two agree on every valid and invalid file of the
test data.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, Union, get_args, get_origin

import attrs

if TYPE_CHECKING:
    import cattrs

__all__ = ["Converter", "Unsure"]

T = TypeVar("T")
#: A structure hook, as cattrs calls it: ``hook(value, type)``.
Hook = Callable[[Any, Any], Any]
Predicate = Callable[[Any], bool]
#: What structures a value of one type on the quick path.
Quick = Callable[[Any], Any]
#: The quick counterpart of a hook factory: ``quick(converter, type)``.
QuickFactory = Callable[["Converter", Any], Quick]


class Unsure(Exception):
    """The quick path cannot vouch for a value: cattrs structures it."""


class Converter:
    """Structure hooks by type, by predicate and by factory, as cattrs takes them; the cattrs
    converter (``forbid_extra_keys``) built with all of them on first use."""

    def __init__(self) -> None:
        self._hooks: dict[Any, Hook] = {}
        self._funcs: list[tuple[Predicate, Hook]] = []
        self._factories: list[tuple[Predicate, QuickFactory | None]] = []
        self._order: list[tuple[str, Any, Any]] = []
        self._quick: dict[Any, Quick] = {}
        self._cattrs: cattrs.Converter | None = None

    def register_structure_hook(self, cl: Any, func: Hook) -> None:
        """Structure ``cl`` with ``func(value, cl)``."""
        self._hooks[cl] = func
        self._register("hook", cl, func)

    def register_structure_hook_func(self, predicate: Predicate, func: Hook) -> None:
        """Structure each type ``predicate`` accepts with ``func(value, type)``."""
        self._funcs.append((predicate, func))
        self._register("func", predicate, func)

    def register_structure_hook_factory(
        self,
        predicate: Predicate,
        factory: Callable[[Any], Hook],
        quick: QuickFactory | None = None,
    ) -> None:
        """Structure each type ``predicate`` accepts with the hook ``factory(type)``; ``quick``
        does the same for valid values on the quick path (without it, such types go to
        cattrs)."""
        self._factories.append((predicate, quick))
        self._register("factory", predicate, factory)

    def _register(self, how: str, what: Any, hook: Any) -> None:
        self._order.append((how, what, hook))
        self._quick.clear()
        if self._cattrs is not None:
            _register(self._cattrs, how, what, hook)

    @property
    def cattrs(self) -> cattrs.Converter:
        """The cattrs converter, with every hook registered so far and from now on."""
        if self._cattrs is None:
            import cattrs

            converter = cattrs.Converter(forbid_extra_keys=True)
            for how, what, hook in self._order:
                _register(converter, how, what, hook)
            self._cattrs = converter
        return self._cattrs

    def structure(self, value: object, cl: type[T]) -> T:
        """``value`` as ``cl``: on the quick path where it can vouch for it, else by cattrs
        (which raises its errors for what is wrong)."""
        try:
            found: T = self.quick(value, cl)
        except Exception:  # cattrs structures it again and says what is wrong
            return self.cattrs.structure(value, cl)
        return found

    def get_structure_hook(self, cl: Any) -> Hook:
        """cattrs' hook for ``cl``."""
        return self.cattrs.get_structure_hook(cl)

    def quick(self, value: object, cl: Any) -> Any:
        """``value`` as ``cl``, as cattrs would structure it, for a value valid through and
        through.

        Raises:
            Exception: anything not certain to be cattrs' result (:class:`Unsure`, or what a
                hook or the class raised): the caller asks cattrs.
        """
        found = self._quick.get(cl)
        if found is None:
            found = self._quick[cl] = self._quick_for(cl)
        return found(value)

    def _quick_for(self, t: Any) -> Quick:
        """How the quick path structures ``t``: the one hook that applies to it, else by its
        shape (attrs class, optional, homogeneous tuple, list)."""
        hooks: list[Quick] = []
        if t in self._hooks:
            hooks.append(functools.partial(_call, self._hooks[t], t))
        hooks.extend(functools.partial(_call, f, t) for p, f in self._funcs if p(t))
        for predicate, quick in self._factories:
            if predicate(t):
                hooks.append(quick(self, t) if quick is not None else _unsure)
        if len(hooks) > 1:
            return _unsure  # which one cattrs would take is for cattrs to say
        if hooks:
            return hooks[0]
        if isinstance(t, type) and attrs.has(t):
            return self._quick_class(t)
        return self._quick_shape(t)

    def _quick_shape(self, t: Any) -> Quick:
        args, origin = get_args(t), get_origin(t)
        if origin in (Union, types.UnionType) and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return functools.partial(_optional, self, other)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return functools.partial(_items, self, args[0], tuple)
        if origin is list and len(args) == 1:
            return functools.partial(_items, self, args[0], list)
        return _unsure

    def _quick_class(self, cl: type) -> Quick:
        fields = attrs.fields(attrs.resolve_types(cl))
        if not all(a.init for a in fields):
            return _unsure
        known = frozenset(a.name for a in fields)
        plan = tuple((a.name, a.alias, a.type, a.default is attrs.NOTHING) for a in fields)

        def structure_class(value: object) -> Any:
            if not isinstance(value, dict) or not known.issuperset(value):
                raise Unsure
            given = {}
            for name, alias, t, required in plan:
                if name in value:
                    given[alias] = self.quick(value[name], t)
                elif required:
                    raise Unsure
            return cl(**given)

        return structure_class


def _register(converter: cattrs.Converter, how: str, what: Any, hook: Any) -> None:
    if how == "hook":
        converter.register_structure_hook(what, hook)
    elif how == "func":
        converter.register_structure_hook_func(what, hook)
    else:
        converter.register_structure_hook_factory(what, hook)


def _unsure(value: object) -> Any:
    raise Unsure


def _call(hook: Hook, t: Any, value: object) -> Any:
    return hook(value, t)


def _optional(converter: Converter, t: Any, value: object) -> Any:
    return None if value is None else converter.quick(value, t)


def _items(converter: Converter, t: Any, kind: type, value: object) -> Any:
    if not isinstance(value, list):
        raise Unsure
    return kind(converter.quick(item, t) for item in value)
