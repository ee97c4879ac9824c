"""What a broken invariant raises, and the list of invariants with what each guarantees and
whether it tests the rules file or the engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ..words import default_lang, text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from decimal import Decimal

    from ..evidence import Evidence

__all__ = ["INVARIANTS", "SUBJECTS", "InvariantError", "describe"]

#: Each invariant, and what breaking it points at: a mistake in the ``rules`` file, or a
#: bug in the ``engine`` (the library itself), which a loaded rules file cannot cause.
SUBJECTS: dict[str, Literal["rules", "engine"]] = {
    "reachable": "rules",
    "no_dead_input": "rules",
    "monotone": "rules",
    "completion": "rules",
    "bounds": "engine",
    "sums": "engine",
    "order": "engine",
    "round_trip": "engine",
    "rescoring": "engine",
    "expectation": "engine",
}

#: Every invariant :func:`~cchc_score.testing.check_invariants` checks, with what it
#: guarantees (in English; :class:`InvariantError` says it in the default language).
INVARIANTS: dict[str, str] = {name: text(f"invariant.about.{name}", "en") for name in SUBJECTS}


class InvariantError(AssertionError):
    """A rule set (or the engine) broke one of the invariants.

    Attributes:
        invariant: its name (a key of :data:`INVARIANTS`).
        subject: ``"rules"`` or ``"engine"``: what the failure points at.
        criterion: the criterion's code, where one criterion broke it.
        evidence: the evidence it broke on (two for a comparison: before and after).
        points: the points concerned, in the same order.
    """

    def __init__(
        self,
        invariant: str,
        message: str,
        *,
        criterion: str | None = None,
        evidence: Sequence[Evidence] = (),
        points: Sequence[Decimal] = (),
    ) -> None:
        about = text(f"invariant.about.{invariant}", default_lang())
        super().__init__(f"{invariant} ({about}): {message}")
        self.invariant = invariant
        self.subject = SUBJECTS[invariant]
        self.criterion = criterion
        self.evidence = tuple(evidence)
        self.points = tuple(points)


def describe(values: Mapping[str, Any]) -> str:
    """Facts as ``name=value, …``, sorted, for a message.

    >>> from decimal import Decimal
    >>> describe({"b": frozenset({"y", "x"}), "a": "cao", "c": Decimal("0.5")})
    "a='cao', b={'x', 'y'}, c=0.5"
    """

    def show(value: Any) -> str:
        if isinstance(value, frozenset):
            return "{" + ", ".join(sorted(map(repr, value))) + "}"
        return repr(value) if isinstance(value, str) else str(value)

    return ", ".join(f"{name}={show(value)}" for name, value in sorted(values.items()))
