"""Rules files: TOML bytes → tomllib (exact decimals) → one strict cattrs converter →
frozen model → semantic validation. Every problem names the file, the place and the value.

Rule files are data. Nothing read from them is evaluated or imported: a hostile file can
at worst be rejected.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import attrs

from . import _toml
from .errors import ProblemList, RulesError
from .io import files
from .io.convert import CONVERTER as _CONVERTER
from .io.convert import Invalid as _Invalid
from .io.convert import structure as _structure
from .kinds import fact_type_named, fact_type_names, kind_named, kind_names, kind_of
from .model import (
    RULE_KINDS,
    Appraised,
    Band,
    Criterion,
    Fact,
    Rule,
    RuleSet,
    Sum,
    parent_code,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "bundled_path",
    "bundled_rules",
    "dump_rules",
    "load_rules",
    "loads_rules",
]

_TOP_KEYS = ("index", "facts", "criteria", "bands")
_FACT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DOMAIN_CODE = re.compile(r"^[IVXL]+$")
_CRITERION_CODE = re.compile(r"^\d+(?:\.\d+)*\.(?:\d+|r)$")
_BETTER = ("higher", "lower", "none")


# --------------------------------------------------------------------------- documents


def _structure_rule(value: object, _: type) -> Rule | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Invalid("expected a table with a 'kind' key", value)
    kind = value.get("kind")
    if kind is None:
        raise _Invalid(f"missing; expected one of {_toml.allowed(kind_names())}", subpath=".kind")
    if not isinstance(kind, str) or kind not in kind_names():
        raise _Invalid(
            f"unknown rule kind; expected one of {_toml.allowed(kind_names())}", kind, ".kind"
        )
    rule: Rule = _CONVERTER.structure(value, kind_named(kind).rule_type)
    return rule


# Rules are a tagged union on "kind"; the hook says which kinds there are.
_CONVERTER.register_structure_hook_func(lambda t: t == Optional[Rule], _structure_rule)


@attrs.frozen
class _IndexDoc:
    id: str
    name: str
    year: int
    max: Decimal
    decimals: int = 2
    name_en: Optional[str] = None
    basis: Optional[str] = None


@attrs.frozen
class _FactDoc:
    type: str
    label: str
    label_en: Optional[str] = None
    unit: Optional[str] = None
    min: Optional[Decimal] = None
    max: Optional[Decimal] = None
    levels: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    better: str = "higher"


@attrs.frozen
class _CriterionDoc:
    code: str
    name: str
    max: Decimal
    rule: Optional[Rule] = None
    name_en: Optional[str] = None
    reference: Optional[str] = None
    basis: Optional[str] = None


@attrs.frozen
class _BandDoc:
    name: str
    min: Decimal
    name_en: Optional[str] = None
    basis: Optional[str] = None


# --------------------------------------------------------------------------- public API


def bundled_rules() -> tuple[str, ...]:
    """The names of the rules files shipped with the package, e.g. ``("criteria_2022",)``."""
    return tuple(sorted(p.stem for p in bundled_path("rules").glob("*.toml")))


def bundled_path(folder: str) -> Path:
    """A data folder shipped with the package (``rules`` or ``examples``).

    A wheel carries them inside the package; a source checkout or an editable install reads
    the repository's top-level folders.
    """
    packaged = Path(str(resources.files("cchc_score"))) / folder
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / folder


def load_rules(source: str | os.PathLike[str]) -> RuleSet:
    """Load and validate a rules file, by path or by the name of a bundled file.

    Args:
        source: a path to a ``.toml`` file, or a bundled name such as ``"criteria_2022"``.

    Returns:
        The validated, frozen rule set.

    Raises:
        RulesError: with every problem found, each naming the file, place and value.

    >>> rules = load_rules("criteria_2022")
    >>> rules.max, len(rules.domains)
    (Decimal('100'), 9)
    """
    text_source = os.fspath(source)
    path = Path(text_source)
    is_name = not isinstance(source, os.PathLike) and re.fullmatch(r"[\w-]+", text_source)
    if is_name and not path.exists():
        names = bundled_rules()
        if text_source not in names:
            problems = ProblemList(text_source)
            problems.add(
                "",
                f"no such file, and no bundled rules by that name; bundled: {_toml.allowed(names)}",
            )
            problems.raise_as(RulesError)
        bundled = bundled_path("rules") / f"{text_source}.toml"
        data = files.read_bytes(bundled, ProblemList(text_source))
        assert data is not None, bundled  # shipped with the package
        return loads_rules(data, file=text_source)
    problems = ProblemList(text_source)
    text = files.read_input(path, problems)
    problems.raise_if_any(RulesError)
    assert text is not None
    return loads_rules(text, file=text_source)


def loads_rules(data: str | bytes, file: str = "<rules>") -> RuleSet:
    """Validate rules given as TOML text or bytes; ``file`` names them in messages.

    Raises:
        RulesError: with every problem found.
    """
    problems = ProblemList(file)
    text = (
        files.decode_text(data, problems) if isinstance(data, bytes) else files.normalise_text(data)
    )
    doc = files.parse_toml(text, problems) if text is not None else None
    if doc is None:
        problems.raise_as(RulesError)
    ruleset = _build(doc, file, problems)
    problems.raise_if_any(RulesError)
    assert ruleset is not None
    return ruleset


# --------------------------------------------------------------------------- building


def _build(doc: dict[str, Any], file: str, problems: ProblemList) -> RuleSet | None:
    for key in doc:
        if key not in _TOP_KEYS:
            problems.add(
                _toml.key(key), f"unknown top-level key; expected one of {_toml.allowed(_TOP_KEYS)}"
            )
    for key in _TOP_KEYS:
        if key not in doc:
            problems.add(key, "required table is missing")

    index: _IndexDoc | None = _structure(doc.get("index", {}), _IndexDoc, "index", problems)
    facts, broken_facts = _build_facts(doc.get("facts", {}), problems)
    criteria = _structure_criteria(doc.get("criteria", []), problems)
    bands = _build_bands(doc.get("bands", []), index, doc.keys(), problems)
    if index is not None:
        _check_index(index, problems)
    domains = _build_tree(criteria, index, _Tree(facts, broken_facts, problems))
    if problems or index is None:
        return None
    return RuleSet(
        id=index.id,
        name=index.name,
        name_en=index.name_en,
        year=index.year,
        max=index.max,
        decimals=index.decimals,
        basis=index.basis,
        facts=tuple(facts.values()),
        domains=domains,
        bands=bands,
        source=file,
    )


def _check_index(index: _IndexDoc, problems: ProblemList) -> None:
    if index.max <= 0:
        problems.add("index.max", "must be > 0", index.max)
    if not 0 <= index.decimals <= 6:
        problems.add("index.decimals", "must be between 0 and 6", index.decimals)
    if index.year < 1:
        problems.add("index.year", "must be a positive year", index.year)


def _build_facts(raw: object, problems: ProblemList) -> tuple[dict[str, Fact], set[str]]:
    """The valid facts, and the names of those declared wrongly (already reported)."""
    if not isinstance(raw, dict):
        problems.add("facts", "expected a table of facts", raw)
        return {}, set()
    facts: dict[str, Fact] = {}
    broken: set[str] = set()
    for name, table in raw.items():
        where = f"fact {_toml.quote(name)}"
        fact = None
        if not _FACT_NAME.match(name):
            problems.add(where, "a fact name must be letters, digits and _ (not first a digit)")
        else:
            fact_doc: _FactDoc | None = _structure(table, _FactDoc, where, problems)
            fact = _check_fact(name, fact_doc, where, problems) if fact_doc else None
        if fact is None:
            broken.add(name)
        else:
            facts[name] = fact
    return facts, broken


def _check_fact(name: str, doc: _FactDoc, where: str, problems: ProblemList) -> Fact | None:
    before = len(problems.items)
    kind = fact_type_named(doc.type)
    if kind is None:
        problems.add(
            f"{where}.type",
            f"unknown fact type; expected one of {_toml.allowed(fact_type_names())}",
            doc.type,
        )
        return None
    if doc.better not in _BETTER:
        problems.add(f"{where}.better", f"expected one of {_toml.allowed(_BETTER)}", doc.better)
    kind.check(doc, where, problems)
    if len(problems.items) > before:
        return None
    return Fact(
        name=name,
        type=doc.type,  # type: ignore[arg-type]  # a registered fact type, checked above
        label=doc.label,
        label_en=doc.label_en,
        unit=doc.unit,
        minimum=doc.min,
        maximum=doc.max,
        levels=doc.levels,
        items=doc.items,
        better=doc.better,  # type: ignore[arg-type]  # checked against _BETTER above
    )


def _structure_criteria(
    raw: object, problems: ProblemList
) -> list[tuple[str, _CriterionDoc | str | None]]:
    if not isinstance(raw, list):
        problems.add("criteria", "expected an array of tables ([[criteria]])", raw)
        return []
    docs: list[tuple[str, _CriterionDoc | str | None]] = []
    for i, table in enumerate(raw):
        code = table.get("code") if isinstance(table, dict) else None
        code = code if isinstance(code, str) else None
        where = f"criterion {_toml.quote(code)}" if code is not None else f"criteria[{i}]"
        doc: _CriterionDoc | None = _structure(table, _CriterionDoc, where, problems)
        # A table that failed to structure keeps its code, so that its parent and
        # children are not reported again for its absence.
        docs.append((where, doc if doc is not None else code))
    return docs


def _build_bands(
    raw: object, index: _IndexDoc | None, doc_keys: Iterable[str], problems: ProblemList
) -> tuple[Band, ...]:
    if not isinstance(raw, list):
        problems.add("bands", "expected an array of tables ([[bands]])", raw)
        return ()
    bands: list[tuple[str, Band]] = []
    for i, table in enumerate(raw):
        name = table.get("name") if isinstance(table, dict) else None
        where = f"band {_toml.quote(name)}" if isinstance(name, str) else f"bands[{i}]"
        doc: _BandDoc | None = _structure(table, _BandDoc, where, problems)
        if doc is not None:
            bands.append((where, Band(doc.name, doc.min, doc.name_en, doc.basis)))
    if not raw and "bands" in doc_keys:
        problems.add("bands", "at least one rating band is required")
    names: set[str] = set()
    previous: Band | None = None
    for where, band in bands:
        if band.name in names:
            problems.add(f"{where}.name", "duplicate band name", band.name)
        names.add(band.name)
        if band.min < 0 or (index is not None and band.min > index.max):
            top = index.max if index is not None else "the index maximum"
            problems.add(f"{where}.min", f"must be between 0 and {top}", band.min)
        if previous is not None and band.min == previous.min:
            problems.add(
                f"{where}.min",
                f"overlaps band {_toml.quote(previous.name)}, which has the same min",
                band.min,
            )
        elif previous is not None and band.min > previous.min:
            problems.add(
                f"{where}.min",
                "bands must be listed from the highest min down "
                f"(after {_toml.quote(previous.name)} with min {previous.min})",
                band.min,
            )
        previous = band
    if bands and min(b.min for _, b in bands) > 0:
        lowest = min(b.min for _, b in bands)
        problems.add(
            "bands",
            f"leave a gap: totals below {lowest} get no rating; the lowest band needs min = 0",
        )
    return tuple(b for _, b in bands)


@attrs.define
class _Node:
    where: str
    doc: _CriterionDoc
    children: list[_Node] = attrs.field(factory=list)


@attrs.define
class _Tree:
    """What tree checks need to know; ``lost`` are parents of tables that could not be read."""

    facts: dict[str, Fact]
    broken_facts: set[str]
    problems: ProblemList
    lost: set[str] = attrs.field(factory=set)
    lost_unknown: bool = False

    def drop(self, code: str | None) -> None:
        """Remember that a table was dropped, so checks that would miss it are skipped."""
        if code is None or not _CRITERION_CODE.match(code):
            self.lost_unknown = True
            return
        while not _DOMAIN_CODE.match(code):  # every ancestor misses a descendant
            code = parent_code(code)
            self.lost.add(code)

    def whole(self, code: str) -> bool:
        """Whether every child of ``code`` was read, so its sums can be checked."""
        return not self.lost_unknown and code not in self.lost


def _build_tree(
    docs: list[tuple[str, _CriterionDoc | str | None]],
    index: _IndexDoc | None,
    tree: _Tree,
) -> tuple[Criterion, ...]:
    problems = tree.problems
    nodes: dict[str, _Node] = {}
    domains: list[_Node] = []
    for where, doc in docs:
        if not isinstance(doc, _CriterionDoc):
            tree.drop(doc)
            continue
        code = doc.code
        if code in nodes:
            problems.add(f"{where}.code", "duplicate code", code)
            tree.drop(code)
            continue
        if not (_DOMAIN_CODE.match(code) or _CRITERION_CODE.match(code)):
            problems.add(
                f"{where}.code",
                'expected a roman domain code ("VII") or a dotted '
                'criterion code ("7.1.2", "7.1.r" for the rest of 7.1)',
                code,
            )
            tree.drop(None)
            continue
        node = _Node(where, doc)
        if _DOMAIN_CODE.match(code):
            nodes[code] = node
            domains.append(node)
            continue
        parent = nodes.get(parent_code(code))
        if parent is None:
            if tree.whole(parent_code(code)):
                problems.add(
                    f"{where}.code",
                    f"parent {_toml.quote(parent_code(code))} is not defined before it",
                    code,
                )
            tree.drop(code)
            continue
        nodes[code] = node
        parent.children.append(node)
    if not domains and not problems:
        problems.add("criteria", "no domain (roman code) is defined")
    built = tuple(_freeze(node, tree) for node in domains)
    if index is not None and domains and not tree.lost_unknown:
        total = sum((d.max for d in built), Decimal(0))
        if total != index.max and all(d.max > 0 for d in built):
            problems.add(
                "criteria", f"the domains' maxima add up to {total}, not index.max {index.max}"
            )
    return built


def _freeze(node: _Node, tree: _Tree) -> Criterion:
    doc, where, problems = node.doc, node.where, tree.problems
    children = tuple(_freeze(child, tree) for child in node.children)
    if doc.max <= 0:
        problems.add(f"{where}.max", "must be > 0", doc.max)
    if doc.reference is None and doc.basis is None:
        problems.add(where, "needs provenance: a 'reference' to the decision or a 'basis'")
    rule = doc.rule
    if children:
        if rule is not None and not isinstance(rule, Sum):
            problems.add(
                f"{where}.rule.kind",
                "a criterion with sub-criteria is scored by 'sum' (or give no rule)",
                rule.kind,
            )
        rule = Sum()
        total = sum((c.max for c in children), Decimal(0))
        if total != doc.max and tree.whole(doc.code) and all(c.max > 0 for c in children):
            problems.add(f"{where}.max", f"its children's maxima add up to {total}", doc.max)
    elif not tree.whole(doc.code):
        rule = Sum()  # its children were dropped; they are reported already
    elif rule is None or isinstance(rule, Sum):
        problems.add(
            f"{where}.rule",
            "a criterion without sub-criteria needs a rule; expected "
            f"kind one of {_toml.allowed(k for k in RULE_KINDS if k != 'sum')}",
        )
        rule = Appraised()
    else:
        _check_rule(rule, doc.max, f"{where}.rule", tree)
    return Criterion(
        code=doc.code,
        name=doc.name,
        name_en=doc.name_en,
        max=doc.max,
        rule=rule,
        children=children,
        reference=doc.reference,
        basis=doc.basis,
    )


def _check_rule(rule: Rule, top: Decimal, where: str, tree: _Tree) -> None:
    kind = kind_of(rule)
    ok = True
    for key, name in kind.reads(rule):
        if name in tree.broken_facts:
            ok = False  # its declaration is wrong, and reported
            continue
        allowed = kind.fact_types[key]
        ok = _check_fact_ref(kind.name, allowed, name, f"{where}.{key}", tree) and ok
    if ok:
        kind.check(rule, top, where, tree.facts, tree.problems)


def _check_fact_ref(
    kind: str, allowed: tuple[str, ...], name: str, where: str, tree: _Tree
) -> bool:
    fact = tree.facts.get(name)
    if fact is None:
        tree.problems.add(where, "refers to an undeclared fact; declare it under [facts]", name)
        return False
    if fact.type not in allowed:
        tree.problems.add(
            where,
            f"a {kind} rule cannot read a {fact.type} fact; expected a fact of "
            f"type {_toml.allowed(allowed)}",
            name,
        )
        return False
    return True


# --------------------------------------------------------------------------- dumping


def dump_rules(ruleset: RuleSet) -> str:
    """Write a rule set back as TOML that :func:`loads_rules` reads to an equal rule set.

    >>> rules = load_rules("criteria_2022")
    >>> loads_rules(dump_rules(rules)) == rules
    True
    """
    out: list[str] = []
    index = {
        "id": ruleset.id,
        "name": ruleset.name,
        "name_en": ruleset.name_en,
        "year": ruleset.year,
        "max": ruleset.max,
        "decimals": ruleset.decimals,
        "basis": ruleset.basis,
    }
    _emit_table(out, "index", index)
    if not ruleset.facts:
        _emit_table(out, "facts", {})  # the table is required, even when empty
    for fact in ruleset.facts:
        _emit_table(
            out,
            f"facts.{_toml.key(fact.name)}",
            {
                "type": fact.type,
                "label": fact.label,
                "label_en": fact.label_en,
                "unit": fact.unit,
                "min": fact.minimum,
                "max": fact.maximum,
                "levels": list(fact.levels) or None,
                "items": list(fact.items) or None,
                "better": fact.better,
            },
        )
    for node in ruleset.nodes():
        _emit_table(
            out,
            "criteria",
            {
                "code": node.code,
                "name": node.name,
                "name_en": node.name_en,
                "max": node.max,
                "reference": node.reference,
                "basis": node.basis,
            },
            array=True,
        )
        if node.is_leaf:
            for header, values, array in kind_of(node.rule).dump(node.rule):
                _emit_table(out, header, values, array)
    for band in ruleset.bands:
        _emit_table(
            out,
            "bands",
            {"name": band.name, "name_en": band.name_en, "min": band.min, "basis": band.basis},
            array=True,
        )
    return "\n".join(out)


def _emit_table(out: list[str], header: str, values: dict[str, Any], array: bool = False) -> None:
    out.append(f"[[{header}]]" if array else f"[{header}]")
    for key, value in values.items():
        if value is not None:
            out.append(f"{_toml.key(key)} = {_toml.value(value)}")
    out.append("")
