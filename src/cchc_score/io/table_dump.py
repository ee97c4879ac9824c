"""Many evidences written as one evidence table (docs/batch.md), which
:func:`cchc_score.score_many` reads back."""

from __future__ import annotations

import csv
from decimal import Decimal
from io import StringIO
from typing import TYPE_CHECKING

from .. import arguments
from ..errors import ArgumentError
from ..evidence import RULES_EXPECTED, Evidence
from ..kinds import kind_of
from ..model import RuleSet
from .table import ITEM_SEPARATOR, NONE_DONE, RESERVED

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..evidence import RawValue

__all__ = ["dump_evidence_csv"]

_DELIMITERS = (",", "\t", ";")


def dump_evidence_csv(rules: RuleSet, evidences: Iterable[Evidence], delimiter: str = ",") -> str:
    """Many evidences as one table in the batch format, which :func:`score_many` reads back.

    Columns: ``unit``, ``year``, ``rules``, every fact the rules declare (in rule-file
    order; then any other fact an evidence gives), ``appraised:CODE`` for every criterion
    scored by appraisal, and ``not_assessed:CODE`` / ``notes:CODE`` for the codes the
    evidences use. With no evidences, the header alone: a template to fill in.

    Args:
        rules: the rule set whose facts and codes make the columns.
        evidences: the units' evidences, a row each.
        delimiter: one character: ``","`` (CSV), ``"\\t"`` (TSV) or ``";"``.

    Raises:
        ArgumentError: (a ``ValueError``) a checklist item contains ";" (the item
            separator), the delimiter is not one of those, ``rules`` is not a rule set or
            an item of ``evidences`` is not an evidence.

    >>> from cchc_score import load_rules
    >>> print(dump_evidence_csv(load_rules("criteria_2022"), []).split(",")[:4])
    ['unit', 'year', 'rules', 'cchc_plan_tasks_total']
    """
    arguments.instance(rules, RuleSet, "rules", RULES_EXPECTED)
    listed = arguments.items(evidences, "evidences")
    evidences = tuple(
        arguments.instance(e, Evidence, f"evidences[{i}]", "argument.an_evidence")
        for i, e in enumerate(listed)
    )
    if delimiter not in _DELIMITERS:
        raise arguments.fail(ArgumentError, "delimiter", "E-ARGUMENT-DELIMITER", delimiter)
    order = {node.code: i for i, node in enumerate(rules.nodes())}

    def codes(pairs: Iterable[str], base: Iterable[str] = ()) -> list[str]:
        found = dict.fromkeys(base)
        found.update(dict.fromkeys(pairs))
        return sorted(found, key=lambda c: (order.get(c, len(order)), c))

    declared = [fact.name for fact in rules.facts]
    extra = sorted({n for e in evidences for n, _ in e.facts} - set(declared))
    facts = declared + extra
    appraised = codes(
        (c for e in evidences for c, _ in e.appraised),
        (n.code for n in rules.nodes() if n.is_leaf and kind_of(n.rule).appraised),
    )
    skipped = codes(c for e in evidences for c, _ in e.not_assessed)
    noted = codes(c for e in evidences for c, _ in e.notes)
    buffer = StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(
        [
            *RESERVED,
            *facts,
            *(f"appraised:{c}" for c in appraised),
            *(f"not_assessed:{c}" for c in skipped),
            *(f"notes:{c}" for c in noted),
        ]
    )
    for evidence in evidences:
        given = dict(evidence.facts)
        points = dict(evidence.appraised)
        reasons = dict(evidence.not_assessed)
        remarks = dict(evidence.notes)
        writer.writerow(
            [
                evidence.unit,
                "" if evidence.year is None else str(evidence.year),
                evidence.rules or "",
                *(_cell(given[f]) if f in given else "" for f in facts),
                *(_cell(points[c]) if c in points else "" for c in appraised),
                *(reasons.get(c, "") for c in skipped),
                *(remarks.get(c, "") for c in noted),
            ]
        )
    return buffer.getvalue()


def _cell(value: RawValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (frozenset, tuple)):
        items = sorted(value) if isinstance(value, frozenset) else list(value)
        for item in items:
            if ITEM_SEPARATOR in item:
                raise arguments.fail(
                    ArgumentError,
                    "",
                    "E-TABLE-ITEM-SEPARATOR",
                    item=repr(item),
                    separator=repr(ITEM_SEPARATOR),
                )
        return f"{ITEM_SEPARATOR} ".join(items) if items else NONE_DONE
    return str(value)
