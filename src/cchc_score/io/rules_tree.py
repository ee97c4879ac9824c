"""The criteria tree of a rules file: codes, parents, maxima that add up, each leaf's rule
checked by its kind. Problems are collected, never raised here, and a table that could not
be read is remembered so that the checks that would miss it are skipped (no cascades).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

import attrs

from .. import syntax
from ..errors import ProblemList
from ..kinds import Rule, kind_of, rule_kinds
from ..kinds.sum import Sum
from ..limits import MAX_DOMAIN
from ..model import (
    CARRY_POLICIES,
    MAX_LOOKS_BACK,
    PROVENANCES,
    Appraised,
    Criterion,
    Fact,
    parent_code,
    roman,
)
from .convert import Year
from .convert import code as normal_code

__all__ = ["CriterionDoc", "IndexDoc", "Tree", "build_tree"]

_DOMAIN_CODE = re.compile(r"^[IVXL]+$")
# ASCII digits only: "\d" would let Arabic-Indic digits make a second, distinct "1.2".
_CRITERION_CODE = re.compile(r"^[1-9][0-9]{0,2}(?:\.[0-9]{1,3})*\.(?:[0-9]{1,3}|r)$")


_ROMAN = frozenset(roman(n) for n in range(1, MAX_DOMAIN + 1))


@attrs.frozen
class IndexDoc:
    """The ``[index]`` table as written."""

    id: str
    name: str
    year: Year
    max: Decimal
    decimals: int = 2
    name_en: Optional[str] = None
    basis: Optional[str] = None


@attrs.frozen
class CriterionDoc:
    """One ``[[criteria]]`` table as written; its rule is already structured by its kind."""

    code: str
    name: str
    max: Decimal
    rule: Optional[Rule] = None
    name_en: Optional[str] = None
    reference: Optional[str] = None
    basis: Optional[str] = None
    provenance: Optional[str] = None
    carry: Optional[str] = None
    looks_back: Optional[int] = None


@attrs.define
class _Node:
    where: str
    doc: CriterionDoc
    children: list[_Node] = attrs.field(factory=list)


@attrs.define
class Tree:
    """What tree checks need to know; ``lost`` are parents of tables that could not be read;
    ``warnings`` what is allowed but likely wrong (the file still loads)."""

    facts: dict[str, Fact]
    broken_facts: set[str]
    problems: ProblemList
    warnings: ProblemList = attrs.field(factory=lambda: ProblemList(None))
    lost: set[str] = attrs.field(factory=set)
    lost_unknown: bool = False

    def drop(self, code: str | None) -> None:
        """Remember that a table was dropped, so checks that would miss it are skipped."""
        if code is None or not _CRITERION_CODE.match(code):
            self.lost_unknown = True
            return
        while "." in code:  # every ancestor misses a descendant
            code = parent_code(code)
            self.lost.add(code)

    def whole(self, code: str) -> bool:
        """Whether every child of ``code`` was read, so its sums can be checked."""
        return not self.lost_unknown and code not in self.lost


def build_tree(
    docs: list[tuple[str, CriterionDoc | str | None]],
    index: IndexDoc | None,
    tree: Tree,
) -> tuple[Criterion, ...]:
    problems = tree.problems
    nodes: dict[str, _Node] = {}
    domains: list[_Node] = []
    for where, doc in docs:
        if not isinstance(doc, CriterionDoc):
            tree.drop(doc)
            continue
        code = normal_code(doc.code)
        if code != doc.code:
            doc = attrs.evolve(doc, code=code)
        if code in nodes:
            problems.add(f"{where}.code", "E-CRITERION-CODE-TWICE", code)
            tree.drop(code)
            continue
        domain = code.partition(".")[0]
        if _CRITERION_CODE.match(code) and int(domain) > MAX_DOMAIN:
            problems.add(
                f"{where}.code",
                "E-CRITERION-CODE-DOMAIN",
                code,
                max=MAX_DOMAIN,
            )
            tree.drop(None)
            continue
        if _DOMAIN_CODE.match(code) and code not in _ROMAN:
            problems.add(
                f"{where}.code",
                "E-DOMAIN-CODE-ROMAN",
                code,
                max=roman(MAX_DOMAIN),
            )
            tree.drop(None)
            continue
        if not (_DOMAIN_CODE.match(code) or _CRITERION_CODE.match(code)):
            problems.add(
                f"{where}.code",
                "E-CRITERION-CODE-FORM",
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
                    "E-CRITERION-PARENT",
                    code,
                    parent=syntax.quote(parent_code(code)),
                )
            tree.drop(code)
            continue
        nodes[code] = node
        parent.children.append(node)
    if not domains and not problems:
        problems.add("criteria", "E-DOMAINS-NONE")
    built = tuple(_freeze(node, tree) for node in domains)
    if index is not None and domains and not tree.lost_unknown:
        total = sum((d.max for d in built), Decimal(0))
        if total != index.max and all(d.max > 0 for d in built):
            problems.add("criteria", "E-DOMAINS-SUM", total=total, max=index.max)
    return built


def _freeze(node: _Node, tree: Tree) -> Criterion:
    doc, where, problems = node.doc, node.where, tree.problems
    children = tuple(_freeze(child, tree) for child in node.children)
    if doc.max <= 0:
        problems.add(f"{where}.max", "E-RULES-NOT-POSITIVE", doc.max)
    if doc.reference is None and doc.basis is None:
        problems.add(where, "E-CRITERION-PROVENANCE")
    if doc.provenance is not None and doc.provenance not in PROVENANCES:
        problems.add(
            f"{where}.provenance",
            "E-RULES-PROVENANCE",
            doc.provenance,
            allowed=syntax.allowed(PROVENANCES),
        )
    if doc.carry is not None and doc.carry not in CARRY_POLICIES:
        problems.add(
            f"{where}.carry", "E-RULES-CARRY", doc.carry, allowed=syntax.allowed(CARRY_POLICIES)
        )
    if doc.looks_back is not None and not 0 <= doc.looks_back <= MAX_LOOKS_BACK:
        problems.add(
            f"{where}.looks_back", "E-RULES-LOOKS-BACK", doc.looks_back, limit=MAX_LOOKS_BACK
        )
    rule = doc.rule
    if children:
        if rule is not None and not kind_of(rule).inner:
            problems.add(
                f"{where}.rule.kind",
                "E-CRITERION-INNER-RULE",
                rule.kind,
            )
        rule = Sum()
        total = sum((c.max for c in children), Decimal(0))
        if total != doc.max and tree.whole(doc.code) and all(c.max > 0 for c in children):
            problems.add(f"{where}.max", "E-CRITERION-CHILDREN-SUM", doc.max, total=total)
    elif not tree.whole(doc.code):
        rule = Sum()  # its children were dropped; they are reported already
    elif rule is None or kind_of(rule).inner:
        problems.add(
            f"{where}.rule",
            "E-CRITERION-LEAF-RULE",
            expected=syntax.allowed(k.name for k in rule_kinds() if not k.inner),
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
        provenance=doc.provenance if doc.provenance in PROVENANCES else None,
        carry=doc.carry if doc.carry in CARRY_POLICIES else None,
        looks_back=_looks_back(doc.looks_back),
    )


def _looks_back(value: int | None) -> int:
    """The years a criterion looks back, 0 where not said or out of range (reported)."""
    return value if value is not None and 0 <= value <= MAX_LOOKS_BACK else 0


def _check_rule(rule: Rule, top: Decimal, where: str, tree: Tree) -> None:
    kind = kind_of(rule)
    ok = True
    for key, name in kind.reads(rule):
        if name in tree.broken_facts:
            ok = False  # its declaration is wrong, and reported
            continue
        allowed = kind.fact_types[key]
        ok = _check_fact_ref(kind.name, allowed, name, f"{where}.{key}", tree) and ok
    if ok:
        before = len(tree.problems.items)
        kind.check(rule, top, where, tree.facts, tree.problems)
        if len(tree.problems.items) == before:
            _check_directions(rule, where, tree)


def _check_directions(rule: Rule, where: str, tree: Tree) -> None:
    """Compare the direction each fact's points actually take with its declared ``better``."""
    kind = kind_of(rule)
    for key, actual in kind.directions(rule, tree.facts):
        fact = tree.facts[getattr(rule, key)]
        if fact.better == "none":
            if kind.steers:
                tree.warnings.add(
                    f"{where}.{key}", "W-RULES-DIRECTION-NONE", fact.name, kind=kind.name
                )
        elif actual == "mixed":
            tree.problems.add(
                f"{where}.{key}", "E-RULES-DIRECTION-MIXED", fact.name, better=fact.better
            )
        elif actual in ("higher", "lower") and actual != fact.better:
            code = "E-RULES-DIRECTION-HIGHER" if actual == "higher" else "E-RULES-DIRECTION-LOWER"
            tree.problems.add(f"{where}.{key}", code, fact.name, better=fact.better)


def _check_fact_ref(kind: str, allowed: tuple[str, ...], name: str, where: str, tree: Tree) -> bool:
    fact = tree.facts.get(name)
    if fact is None:
        tree.problems.add(where, "E-RULE-FACT-UNDECLARED", name)
        return False
    if fact.type not in allowed:
        tree.problems.add(
            where,
            "E-RULE-FACT-TYPE",
            name,
            kind=kind,
            type=fact.type,
            expected=syntax.allowed(allowed),
        )
        return False
    return True
