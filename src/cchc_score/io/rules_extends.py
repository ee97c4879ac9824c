"""A rules file that extends another: ``extends = "criteria_2022"`` (a bundled name, or a
path relative to the file), then only what changes.

Resolution works on the documents as read (TOML tables), before anything is structured, so
that the result is validated as a whole exactly like a standalone file (:mod:`.rules`). It
keeps, for every fact, criterion key, band and index key, the file it came from, so that a
problem found in the resolved whole names that file (:func:`relocate`).

How a child changes its parent:

* ``[index]`` keys replace the parent's, key by key;
* a ``[facts.NAME]`` table replaces the parent's fact of that name whole, or adds one;
* a ``[[criteria]]`` table whose code the parent has replaces the keys it gives (``max``,
  ``name``, ``rule`` whole, …) and keeps the rest; a new code is added after the parent's;
* ``[[bands]]``, when given, replace the parent's ladder whole;
* ``[remove]`` drops ``criteria`` (with everything under them), ``facts`` and ``bands``
  (by name) before the child's own tables are added, so that removing and giving a code
  again replaces it whole;
* ``[renamed] old = "new"`` moves the parent's fact ``old`` to ``new``, in its declaration
  and in every rule that reads it; the resolved rules keep the mapping, so evidence written
  for the parent's year scores under them (:func:`cchc_score.renaming.renamed_evidence`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import attrs

from .. import syntax
from ..errors import Problem, ProblemList
from ..kinds import kind_named, kind_names
from ..limits import MAX_EXTENDS
from ..model import parent_code
from . import files
from .convert import code as normal_code

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["Origins", "relocate", "resolve"]

#: The keys only a file that extends another may use, beside the four tables.
EXTENDS_KEYS = ("extends", "remove", "renamed")
_REMOVABLE = ("criteria", "facts", "bands")
#: The problem when ``[remove]`` names something the parent does not have, by table.
_UNKNOWN = {
    "criteria": "E-EXTENDS-REMOVE-UNKNOWN-CRITERIA",
    "facts": "E-EXTENDS-REMOVE-UNKNOWN-FACTS",
    "bands": "E-EXTENDS-REMOVE-UNKNOWN-BANDS",
}


@attrs.define
class Origins:
    """Which file each part of a resolved document came from."""

    file: str
    index: dict[str, str] = attrs.field(factory=dict)
    facts: dict[str, str] = attrs.field(factory=dict)
    criteria: dict[str, dict[str, str]] = attrs.field(factory=dict)
    bands: str | None = None
    by_position: list[str] = attrs.field(factory=list)
    #: The files of the chain, the furthest parent first.
    chain: list[str] = attrs.field(factory=list)

    def of(self, path: str) -> str:
        """The file a problem at ``path`` of the resolved document belongs to."""
        head, _, rest = path.partition(".")
        if head == "index" and rest:
            return self.index.get(rest.split(".")[0], self.file)
        for prefix, table in (("fact ", self.facts), ("criterion ", None)):
            if not path.startswith(prefix):
                continue
            name, tail = _quoted(path[len(prefix) :])
            if name is None:
                continue
            if table is not None:
                return table.get(name, self.file)
            return self._criterion(name, tail.lstrip(".").split(".")[0])
        if path.startswith(("band ", "bands")) and self.bands is not None:
            return self.bands
        if path.startswith("criteria[") and "]" in path:
            position = path[len("criteria[") : path.index("]")]
            if position.isdigit() and int(position) < len(self.by_position):
                return self.by_position[int(position)]
        return self.file

    def _criterion(self, code: str, key: str) -> str:
        """A criterion's maximum or rule is checked against its children: a problem there
        belongs to the latest file that changed either."""
        keys = self.criteria.get(code, {})
        found = [keys.get(key) or keys.get("code") or self.file]
        if key in ("max", "rule"):
            for child, child_keys in self.criteria.items():
                if "." in child and _parent(child) == code:
                    found += [child_keys.get("max") or child_keys.get("code") or self.file]
        return max(found, key=lambda f: self.chain.index(f) if f in self.chain else -1)


def _parent(code: str) -> str | None:
    try:
        return parent_code(code)
    except ValueError:
        return None


def _quoted(text: str) -> tuple[str | None, str]:
    """A quoted name at the start of ``text`` (as :func:`syntax.quote` writes it) and the rest."""
    if not text.startswith('"'):
        return None, text
    for end in range(1, len(text)):
        if text[end] == '"' and text[end - 1] != "\\":
            try:
                return str(json.loads(text[: end + 1])), text[end + 1 :]
            except ValueError:
                return None, text
    return None, text


def relocate(problems: Iterable[Problem], origins: Origins | None) -> list[Problem]:
    """The problems of a resolved document, each naming the file its place came from."""
    if origins is None:
        return list(problems)
    return [
        attrs.evolve(p, file=origins.of(p.path)) if p.file == origins.file else p for p in problems
    ]


def resolve(
    doc: dict[str, Any],
    file: str,
    read: Callable[[str, ProblemList], dict[str, Any] | None],
    problems: ProblemList,
    chain: tuple[str, ...] = (),
) -> tuple[dict[str, Any], Origins] | None:
    """The standalone document ``doc`` stands for, and where each part came from.

    Args:
        doc: the document as read; ``extends`` names its parent.
        file: how the user named this document's file.
        read: reads a parent by its reference (bundled name or path made relative to the
            current directory), recording problems in the list it is given; ``None`` if it
            cannot be read.
        problems: this file's problem list; a parent's problems go in, named with its file.
        chain: the files already being resolved, to refuse a cycle.

    Returns:
        ``None`` when the parent cannot be read (the problems say why).
    """
    reference = doc.get("extends")
    if not isinstance(reference, str) or not reference.strip():
        problems.add("extends", "E-EXTENDS-NOT-A-NAME", reference)
        return None
    parent_file = files.rules_reference(file, reference)
    chain = (*chain, file)
    if len(chain) >= MAX_EXTENDS:
        problems.add("extends", "E-EXTENDS-TOO-LONG", reference, limit=MAX_EXTENDS)
        return None
    if parent_file in chain:
        problems.add(
            "extends",
            "E-EXTENDS-CYCLE",
            reference,
            chain=" → ".join((*chain, parent_file)),
        )
        return None
    parent_problems = ProblemList(parent_file)
    parent = read(parent_file, parent_problems)
    if parent is not None and "extends" in parent:
        resolved = resolve(parent, parent_file, read, parent_problems, chain)
        parent_doc, origins = resolved if resolved is not None else (None, None)
    else:
        parent_doc, origins = parent, _origins_of(parent or {}, parent_file)
    problems.extend(parent_problems)
    if parent_doc is None or origins is None:
        if not parent_problems:
            problems.add("extends", "E-EXTENDS-UNREADABLE", reference)
        return None
    return _merge(parent_doc, origins, doc, file, problems)


def _origins_of(doc: dict[str, Any], file: str) -> Origins:
    origins = Origins(file, chain=[file])
    index = doc.get("index")
    if isinstance(index, dict):
        origins.index = dict.fromkeys(index, file)
    facts = doc.get("facts")
    if isinstance(facts, dict):
        origins.facts = dict.fromkeys(facts, file)
    criteria = doc.get("criteria")
    if isinstance(criteria, list):
        for table in criteria:
            origins.by_position.append(file)
            code = _code_of(table)
            if code is not None:
                origins.criteria[code] = dict.fromkeys(table, file)
    if "bands" in doc:
        origins.bands = file
    return origins


def _table(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def _code_of(table: object) -> str | None:
    code = table.get("code") if isinstance(table, dict) else None
    return normal_code(code) if isinstance(code, str) else None


def _merge(
    parent: dict[str, Any],
    origins: Origins,
    child: dict[str, Any],
    file: str,
    problems: ProblemList,
) -> tuple[dict[str, Any], Origins]:
    merged: dict[str, Any] = {k: v for k, v in parent.items() if k not in ("extends", "remove")}
    origins = attrs.evolve(
        origins,
        file=file,
        index=dict(origins.index),
        facts=dict(origins.facts),
        criteria={k: dict(v) for k, v in origins.criteria.items()},
        by_position=list(origins.by_position),
        chain=[*origins.chain, file],
    )
    for key in child:
        if key not in (*EXTENDS_KEYS, "index", "facts", "criteria", "bands"):
            merged[key] = child[key]  # reported as unknown by the validation, in this file
    _remove(merged, origins, child.get("remove", {}), problems)
    renamed = _rename(merged, origins, child.get("renamed"), problems)
    _overlay(merged, origins, child, file, problems)
    _still_read(merged, child.get("remove"), problems)
    if renamed:
        merged["renamed"] = renamed
    return merged, origins


def _remove(
    merged: dict[str, Any], origins: Origins, remove: object, problems: ProblemList
) -> None:
    if not isinstance(remove, dict):
        problems.add("remove", "E-EXTENDS-REMOVE-TABLE", remove)
        return
    for key, names in remove.items():
        where = f"remove.{syntax.key(key)}"
        if key not in _REMOVABLE:
            problems.add(where, "E-EXTENDS-REMOVE-KEY", key, allowed=syntax.allowed(_REMOVABLE))
            continue
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.add(where, "E-EXTENDS-REMOVE-NAMES", names)
            continue
        for i, name in enumerate(names):
            if not _drop(merged, origins, key, name):
                problems.add(f"{where}[{i}]", _UNKNOWN[key], name)


def _still_read(merged: dict[str, Any], remove: object, problems: ProblemList) -> None:
    """A removed fact that a criterion of the result still reads, named where it was removed
    (the criterion's own problem names it where it is read)."""
    names = remove.get("facts") if isinstance(remove, dict) else None
    facts = _table(merged, "facts")
    for i, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str) or name in facts:
            continue
        for code, rule in _rules(merged):
            if name in _fact_names(rule):
                problems.add(f"remove.facts[{i}]", "E-EXTENDS-REMOVED-FACT-READ", name, code=code)


def _drop(merged: dict[str, Any], origins: Origins, key: str, name: str) -> bool:
    if key == "facts":
        facts = merged.get("facts")
        if isinstance(facts, dict) and name in facts:
            merged["facts"] = {k: v for k, v in facts.items() if k != name}
            origins.facts.pop(name, None)
            return True
        return False
    tables = merged.get(key)
    if not isinstance(tables, list):
        return False
    if key == "bands":
        kept = [t for t in tables if not (isinstance(t, dict) and t.get("name") == name)]
        merged[key] = kept
        return len(kept) < len(tables)
    target = normal_code(name)
    kept, positions, found = [], [], False
    for table, origin in zip(tables, origins.by_position, strict=True):
        code = _code_of(table)
        if code is not None and _within(code, target):
            found = True
            origins.criteria.pop(code, None)
            continue
        kept.append(table)
        positions.append(origin)
    merged[key], origins.by_position = kept, positions
    return found


def _within(code: str, ancestor: str) -> bool:
    """Whether ``code`` is ``ancestor`` or a node under it."""
    for _ in range(10):
        if code == ancestor:
            return True
        parent = _parent(code) if "." in code else None
        if parent is None:
            return False
        code = parent
    return False


def _rules(doc: dict[str, Any]) -> Iterable[tuple[str, dict[str, Any]]]:
    criteria = doc.get("criteria")
    for table in criteria if isinstance(criteria, list) else []:
        code = _code_of(table)
        rule = table.get("rule") if isinstance(table, dict) else None
        if code is not None and isinstance(rule, dict):
            yield code, rule


def _fact_keys(rule: dict[str, Any]) -> tuple[str, ...]:
    kind = rule.get("kind")
    if not isinstance(kind, str) or kind not in kind_names():
        return ()
    return tuple(kind_named(kind).fact_types)


def _fact_names(rule: dict[str, Any]) -> set[str]:
    return {rule[k] for k in _fact_keys(rule) if isinstance(rule.get(k), str)}


def _rename(
    merged: dict[str, Any], origins: Origins, renamed: object, problems: ProblemList
) -> dict[str, str]:
    """Apply ``[renamed]`` to the parent's facts and rules; the mapping the result keeps
    (the parent's own, carried through this file's renames, and this file's)."""
    earlier = merged.pop("renamed", {})
    earlier = earlier if isinstance(earlier, dict) else {}
    if renamed is None:
        return dict(earlier)
    if not isinstance(renamed, dict):
        problems.add("renamed", "E-RENAMED-TABLE", renamed)
        return dict(earlier)
    facts = _table(merged, "facts")
    mapping: dict[str, str] = {}
    for old, new in renamed.items():
        where = f"renamed.{syntax.key(old)}"
        if not isinstance(new, str):
            problems.add(where, "E-RENAMED-NOT-A-NAME", new)
        elif old not in facts:
            problems.add(where, "E-RENAMED-UNKNOWN", old)
        elif new in facts:
            problems.add(where, "E-RENAMED-TAKEN", new)
        else:
            mapping[old] = new
    merged["facts"] = {mapping.get(k, k): v for k, v in facts.items()}
    origins.facts = {mapping.get(k, k): v for k, v in origins.facts.items()}
    criteria = merged.get("criteria")
    if isinstance(criteria, list):
        merged["criteria"] = [_renamed_table(t, mapping) for t in criteria]
    carried = {str(old): mapping.get(str(new), str(new)) for old, new in earlier.items()}
    return {**carried, **mapping}


def _renamed_table(table: object, mapping: dict[str, str]) -> object:
    rule = table.get("rule") if isinstance(table, dict) else None
    if not isinstance(table, dict) or not isinstance(rule, dict):
        return table
    keys = _fact_keys(rule)
    new_rule = {
        k: mapping.get(v, v) if k in keys and isinstance(v, str) else v for k, v in rule.items()
    }
    return {**table, "rule": new_rule}


def _overlay(
    merged: dict[str, Any],
    origins: Origins,
    child: dict[str, Any],
    file: str,
    problems: ProblemList,
) -> None:
    # Tables merged key by key: each key the child gives replaces the parent's, and is the
    # child's; a child's value that is no table replaces the whole (and is checked as such).
    for name in ("index", "facts"):
        table = child.get(name)
        owners: dict[str, str] = getattr(origins, name)
        if isinstance(table, dict) and isinstance(merged.get(name), dict):
            merged[name] = {**merged[name], **table}
            owners.update(dict.fromkeys(table, file))
        elif name in child:
            merged[name] = table
            owners.clear()
    criteria = child.get("criteria")
    if isinstance(criteria, list) and isinstance(merged.get("criteria"), list):
        _overlay_criteria(merged, origins, criteria, file)
    elif "criteria" in child:
        merged["criteria"] = criteria
        origins.criteria, origins.by_position = {}, []
    if "bands" in child:
        merged["bands"] = child["bands"]
        origins.bands = file


def _overlay_criteria(
    merged: dict[str, Any], origins: Origins, criteria: list[Any], file: str
) -> None:
    tables: list[Any] = list(merged["criteria"])
    at = {_code_of(t): i for i, t in enumerate(tables) if _code_of(t) is not None}
    for table in criteria:
        code = _code_of(table)
        if code is not None and code in at and isinstance(tables[at[code]], dict):
            i = at[code]
            tables[i] = {**tables[i], **table}
            origins.criteria.setdefault(code, {}).update(dict.fromkeys(table, file))
            origins.by_position[i] = file
            continue
        if code is not None:
            at[code] = len(tables)
            origins.criteria[code] = dict.fromkeys(table, file)
        tables.append(table)
        origins.by_position.append(file)
    merged["criteria"] = tables
