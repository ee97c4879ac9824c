"""Rules files: TOML bytes → tomllib (exact decimals) → one strict cattrs converter →
frozen model → semantic validation. Every problem names the file, the place and the value.

Rule files are data. Nothing read from them is evaluated or imported: a hostile file can
at worst be rejected.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import attrs

from .. import arguments, syntax
from ..errors import NO_VALUE, ProblemList, RulesError
from ..kinds import Rule, fact_type_named, fact_type_names, kind_named, kind_names
from ..model import PROVENANCES, Band, Fact, RuleSet
from . import files
from .convert import CONVERTER, Invalid, structure
from .rules_dump import dump_rules
from .rules_tree import CriterionDoc, IndexDoc, Tree, build_tree

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .rules_extends import Origins

__all__ = [
    "bundled_path",
    "bundled_rules",
    "dump_rules",
    "load_rules",
    "loads_rules",
]

_TOP_KEYS = ("index", "facts", "criteria", "bands")
_FACT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BETTER = ("higher", "lower", "none")


# --------------------------------------------------------------------------- documents


def _structure_rule(value: object, _: type) -> Rule | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Invalid("E-RULE-NOT-TABLE", value)
    kind = value.get("kind")
    if kind is None:
        raise Invalid(
            "E-RULE-KIND-MISSING", NO_VALUE, ".kind", expected=syntax.allowed(kind_names())
        )
    if not isinstance(kind, str) or kind not in kind_names():
        raise Invalid("E-RULE-KIND-UNKNOWN", kind, ".kind", expected=syntax.allowed(kind_names()))
    rule: Rule = CONVERTER.structure(value, kind_named(kind).rule_type)
    return rule


# Rules are a tagged union on "kind"; the hook says which kinds there are.
CONVERTER.register_structure_hook_func(lambda t: t == Optional[Rule], _structure_rule)


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
    levels_en: tuple[str, ...] = ()
    items_en: tuple[str, ...] = ()
    label_en_one: Optional[str] = None


@attrs.frozen
class _BandDoc:
    name: str
    min: Decimal
    name_en: Optional[str] = None
    basis: Optional[str] = None
    provenance: Optional[str] = None


# --------------------------------------------------------------------------- public API


def bundled_rules() -> tuple[str, ...]:
    """The names of the rules files shipped with the package, e.g. ``("criteria_2022",)``."""
    found = bundled_path("rules").glob("*.toml")
    return tuple(sorted(p.stem for p in found if not p.name.endswith(".cases.toml")))


def bundled_path(folder: str) -> Path:
    """A data folder shipped with the package (``rules`` or ``examples``).

    A wheel carries them inside the package; a source checkout or an editable install reads
    the repository's top-level folders.
    """
    # The package's folder on disk, as ``importlib.resources.files("cchc_score")`` names it
    # for an installed or editable package, without importing importlib.resources and its
    # readers (a twentieth of ``cchc-score score``'s start).
    package = Path(__file__).resolve().parents[1]
    packaged = package / folder
    if packaged.is_dir():
        return packaged
    return package.parents[1] / folder


def load_rules(source: str | os.PathLike[str], *, strict: bool = False) -> RuleSet:
    """Load and validate a rules file, by path or by the name of a bundled file.

    A file that ``extends`` another (a bundled name or a path relative to it) is resolved
    first, through its whole chain, and the result validated as a standalone file; each
    problem names the file its place came from (docs/rules-format.md).

    Args:
        source: a path to a ``.toml`` file, or a bundled name such as ``"criteria_2022"``.
        strict: treat warnings (``W-…`` problems, kept in ``RuleSet.warnings`` otherwise,
            such as a fact with no declared direction feeding a bands rule) as errors.

    Returns:
        The validated, frozen rule set.

    Raises:
        RulesError: with every problem found, each naming the file, place and value.

    >>> rules = load_rules("criteria_2022")
    >>> rules.max, len(rules.domains)
    (Decimal('100'), 9)
    """
    text_source = arguments.file_path(source, "source", "argument.rules_source")
    is_name = not isinstance(source, os.PathLike)
    problems = ProblemList(text_source)
    doc = _read_document(text_source, problems, may_be_name=bool(is_name))
    if doc is None:
        problems.raise_as(RulesError)
    return _validate(doc, text_source, problems, strict=strict)


def _read_document(
    reference: str, problems: ProblemList, may_be_name: bool = True
) -> dict[str, Any] | None:
    """The TOML document of a rules file named by path or bundled name; ``None`` after
    recording why it cannot be read."""
    path = Path(reference)
    named = reference != files.STDIN and re.fullmatch(r"[\w-]+", reference)
    if may_be_name and named and not path.exists():
        bundled = bundled_path("rules") / f"{reference}.toml"
        if not bundled.is_file():
            names = bundled_rules()
            problems.add("", "E-RULES-NO-SUCH-NAME", bundled=syntax.allowed(names))
            return None
        data = files.read_bytes(bundled, problems)
        assert data is not None, bundled  # shipped with the package
        text = files.decode_text(data, problems)
    else:
        text = files.read_input(path, problems)
    return files.parse_toml(text, problems) if text is not None else None


def loads_rules(data: str | bytes, file: str = "<rules>", *, strict: bool = False) -> RuleSet:
    """Validate rules given as TOML text or bytes; ``file`` names them in messages;
    ``strict`` treats warnings as errors (see :func:`load_rules`).

    Raises:
        RulesError: with every problem found.
    """
    problems = ProblemList(file)
    text = (
        files.decode_text(data, problems)
        if isinstance(data, bytes)
        else files.normalise_text(arguments.instance(data, str, "data", "argument.rules_text"))
    )
    doc = files.parse_toml(text, problems) if text is not None else None
    if doc is None:
        problems.raise_as(RulesError)
    return _validate(doc, file, problems, strict=strict)


def _validate(
    doc: dict[str, Any], file: str, problems: ProblemList, *, strict: bool = False
) -> RuleSet:
    """The rule set a document stands for, resolved first if it extends another."""
    origins: Origins | None = None
    if "extends" in doc:
        # Imported here: a file that extends none (as the bundled ones) goes without it.
        from .rules_extends import resolve

        resolved = resolve(doc, file, _read_document, problems)
        if resolved is None:
            problems.raise_as(RulesError)
        doc, origins = resolved
    else:
        if "remove" in doc:
            problems.add("remove", "E-EXTENDS-WITHOUT-PARENT")
    found = ProblemList(file)
    ruleset = _build(doc, file, found)
    if origins is None:
        problems.extend(found)
    else:
        from .rules_extends import relocate

        problems.extend(relocate(found, origins))
    problems.raise_if_any(RulesError)
    assert ruleset is not None
    if strict and ruleset.warnings:
        raise RulesError(ruleset.warnings)
    return ruleset


# --------------------------------------------------------------------------- building


def _build(doc: dict[str, Any], file: str, problems: ProblemList) -> RuleSet | None:
    others = [key for key in doc if key not in _TOP_KEYS]
    if others:
        from .rules_extends import EXTENDS_KEYS

        for key in others:
            if key not in EXTENDS_KEYS:
                problems.add(syntax.key(key), "E-RULES-TOP-KEY", expected=syntax.allowed(_TOP_KEYS))
    for key in _TOP_KEYS:
        if key not in doc:
            problems.add(key, "E-RULES-TABLE-MISSING")

    index: IndexDoc | None = structure(doc.get("index", {}), IndexDoc, "index", problems)
    facts, broken_facts = _build_facts(doc.get("facts", {}), problems)
    criteria = _structure_criteria(doc.get("criteria", []), problems)
    bands = _build_bands(doc.get("bands", []), index, doc.keys(), problems)
    if index is not None:
        _check_index(index, problems)
    tree = Tree(facts, broken_facts, problems, ProblemList(file))
    domains = build_tree(criteria, index, tree)
    renamed = _build_renamed(doc.get("renamed", {}), facts.keys() | broken_facts, problems)
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
        renamed=renamed,
        source=file,
        warnings=tuple(tree.warnings),
    )


def _build_renamed(
    raw: object, declared: Iterable[str], problems: ProblemList
) -> tuple[tuple[str, str], ...]:
    """``[renamed] old = "new"``: evidence naming ``old`` means the declared fact ``new``."""
    if not isinstance(raw, dict):
        problems.add("renamed", "E-RENAMED-TABLE", raw)
        return ()
    names = set(declared)
    pairs = []
    for old, new in raw.items():
        where = f"renamed.{syntax.key(old)}"
        if not isinstance(new, str):
            problems.add(where, "E-RENAMED-NOT-A-NAME", new)
        elif new not in names:
            problems.add(where, "E-RENAMED-UNDECLARED", new)
        elif old in names:
            problems.add(where, "E-RENAMED-STILL-DECLARED", old)
        else:
            pairs.append((old, new))
    return tuple(sorted(pairs))


def _check_index(index: IndexDoc, problems: ProblemList) -> None:
    if index.max <= 0:
        problems.add("index.max", "E-RULES-NOT-POSITIVE", index.max)
    if not 0 <= index.decimals <= 6:
        problems.add("index.decimals", "E-RULES-DECIMALS", index.decimals)


def _build_facts(raw: object, problems: ProblemList) -> tuple[dict[str, Fact], set[str]]:
    """The valid facts, and the names of those declared wrongly (already reported)."""
    if not isinstance(raw, dict):
        problems.add("facts", "E-RULES-FACTS-NOT-TABLE", raw)
        return {}, set()
    facts: dict[str, Fact] = {}
    broken: set[str] = set()
    for name, table in raw.items():
        where = f"fact {syntax.quote(name)}"
        fact = None
        if not _FACT_NAME.match(name):
            problems.add(where, "E-FACT-NAME")
        else:
            fact_doc: _FactDoc | None = structure(table, _FactDoc, where, problems)
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
            f"{where}.type", "E-FACT-TYPE", doc.type, expected=syntax.allowed(fact_type_names())
        )
        return None
    if doc.better not in _BETTER:
        problems.add(
            f"{where}.better", "E-VALUE-CHOICE", doc.better, expected=syntax.allowed(_BETTER)
        )
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
        levels_en=doc.levels_en,
        items_en=doc.items_en,
        label_en_one=doc.label_en_one,
    )


def _structure_criteria(
    raw: object, problems: ProblemList
) -> list[tuple[str, CriterionDoc | str | None]]:
    if not isinstance(raw, list):
        problems.add("criteria", "E-RULES-CRITERIA-NOT-TABLES", raw)
        return []
    docs: list[tuple[str, CriterionDoc | str | None]] = []
    for i, table in enumerate(raw):
        code = table.get("code") if isinstance(table, dict) else None
        code = code if isinstance(code, str) else None
        where = f"criterion {syntax.quote(code)}" if code is not None else f"criteria[{i}]"
        doc: CriterionDoc | None = structure(table, CriterionDoc, where, problems)
        # A table that failed to structure keeps its code, so that its parent and
        # children are not reported again for its absence.
        docs.append((where, doc if doc is not None else code))
    return docs


def _build_bands(
    raw: object, index: IndexDoc | None, doc_keys: Iterable[str], problems: ProblemList
) -> tuple[Band, ...]:
    if not isinstance(raw, list):
        problems.add("bands", "E-RULES-BANDS-NOT-TABLES", raw)
        return ()
    bands: list[tuple[str, Band]] = []
    for i, table in enumerate(raw):
        name = table.get("name") if isinstance(table, dict) else None
        where = f"band {syntax.quote(name)}" if isinstance(name, str) else f"bands[{i}]"
        doc: _BandDoc | None = structure(table, _BandDoc, where, problems)
        if doc is not None:
            if doc.provenance is not None and doc.provenance not in PROVENANCES:
                problems.add(
                    f"{where}.provenance",
                    "E-RULES-PROVENANCE",
                    doc.provenance,
                    allowed=syntax.allowed(PROVENANCES),
                )
            provenance = doc.provenance if doc.provenance in PROVENANCES else None
            bands.append((where, Band(doc.name, doc.min, doc.name_en, doc.basis, provenance)))
    if not raw and "bands" in doc_keys:
        problems.add("bands", "E-BANDS-NONE")
    names: set[str] = set()
    previous: Band | None = None
    for where, band in bands:
        if band.name in names:
            problems.add(f"{where}.name", "E-BAND-NAME-TWICE", band.name)
        names.add(band.name)
        if band.min < 0 or (index is not None and band.min > index.max):
            if index is not None:
                problems.add(f"{where}.min", "E-BAND-MIN-RANGE", band.min, max=index.max)
            else:
                problems.add(f"{where}.min", "E-BAND-MIN-NEGATIVE", band.min)
        if previous is not None and band.min == previous.min:
            problems.add(
                f"{where}.min", "E-BAND-OVERLAP", band.min, band=syntax.quote(previous.name)
            )
        elif previous is not None and band.min > previous.min:
            problems.add(
                f"{where}.min",
                "E-BAND-ORDER",
                band.min,
                band=syntax.quote(previous.name),
                min=previous.min,
            )
        previous = band
    if bands and min(b.min for _, b in bands) > 0:
        lowest = min(b.min for _, b in bands)
        problems.add("bands", "E-BANDS-GAP", lowest=lowest)
    return tuple(b for _, b in bands)
