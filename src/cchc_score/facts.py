"""Facts: the named inputs a rules file declares, and the values evidence gives them.

The lowest layer of the model, with no imports from the rest of the library, so that the
rule kinds, the rule set and the evidence can all speak of facts without importing each
other. Each fact type's behaviour (checks, conversions, bounds) is in
:mod:`cchc_score.kinds.facttypes`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Union

import attrs

__all__ = ["Better", "Fact", "FactType", "FactValue", "RawValue"]

#: A fact's value once checked: a count is an ``int``, a ratio or number a ``Decimal``, a
#: level a ``str``, a boolean a ``bool``, a checklist the ``frozenset`` of items done.
FactValue = Union[int, Decimal, str, bool, frozenset[str]]
#: A fact's value as given: also a numeric string ("91,3%") or a tuple of items.
RawValue = Union[int, Decimal, str, bool, frozenset[str], tuple[str, ...]]

# The names :mod:`cchc_score.kinds.facttypes` registers; spelled out for the type checker.
FactType = Literal["count", "ratio", "number", "level", "boolean", "checklist"]
Better = Literal["higher", "lower", "none"]


@attrs.frozen
class Fact:
    """A named input declared by the rules file, checked before anything is scored.

    ``levels`` (for ``level`` facts) are listed worst first; ``items`` (for ``checklist``
    facts) are the things that can be done; ``levels_en`` and ``items_en``, where given,
    are their English texts in the same order (English reports show them; evidence names
    the Vietnamese ones). ``label_en_one`` is a ``count`` fact's English label for one
    ("expired procedure decision", where ``label_en`` says "… decisions"). ``better`` says
    which way is better for the unit; ``minimum``/``maximum`` bound ``count`` and
    ``number`` facts (a ``ratio`` is always within 0 and 1).
    """

    name: str
    type: FactType
    label: str
    label_en: str | None = None
    unit: str | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    levels: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    better: Better = "higher"
    levels_en: tuple[str, ...] = ()
    items_en: tuple[str, ...] = ()
    label_en_one: str | None = None
