"""The JSON Schemas (draft 2020-12) of every command's ``--format json`` output, shipped with
the package: one file per command, ``<command>.json``, whose output names it in its
``"schema"`` key (``"cchc-score/score/1"``). docs/json.md explains the contract.

>>> len(COMMANDS), COMMANDS[:3]
(9, ('score', 'explain', 'reconcile'))
>>> schema_for("score")["properties"]["schema"]
{'const': 'cchc-score/score/1', 'description': 'The name and version of this contract.'}
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["COMMANDS", "schema_for"]

#: The commands with a ``--format json`` output, each with its schema.
COMMANDS = (
    "score",
    "explain",
    "reconcile",
    "import-annex",
    "project",
    "plan",
    "rank",
    "diff",
    "check-results",
)


def schema_for(command: str) -> dict[str, Any]:
    """The JSON Schema of ``command``'s JSON output, read from the package.

    Raises:
        ValueError: ``command`` has no JSON output.
    """
    if command not in COMMANDS:
        raise ValueError(f"no JSON schema for {command!r}; expected one of {', '.join(COMMANDS)}")
    text = resources.files(__name__).joinpath(f"{command}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
