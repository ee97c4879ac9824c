"""Evidence about one unit for one year: fact values, appraised points, notes.

Reading a file (:func:`cchc_score.io.evidence.load_evidence`) checks its shape;
:func:`check_evidence` checks the values against the facts a rule set declares and returns
them typed. Both collect every problem and raise once, naming the file, the place and the
value. This module is pure: it reads no file.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from . import arguments, syntax
from .errors import EvidenceError, Problem, ProblemList
from .facts import FactValue, RawValue
from .kinds import Rule, RuleKind, fact_type, kind_of
from .kinds.facttypes import BAD
from .model import RuleSet
from .numbers import within_bounds
from .words import Phrase

if TYPE_CHECKING:
    from .model import Fact

__all__ = [
    "RULES_EXPECTED",
    "Evidence",
    "FactValue",
    "RawValue",
    "check_arguments",
    "check_evidence",
    "observed_codes",
    "typed_value",
    "year_warnings",
]


def _fact_value(name: str, value: object) -> RawValue:
    """A fact's value as Python gives it, in the forms the checks read: a float by its
    shortest repr, a list as a tuple, a set as a frozenset; ``None``, a dict and other
    types are refused here, naming the fact."""
    if within_bounds(value):  # the common case: a number a reader has bounded already
        return value  # type: ignore[return-value]  # an int or a Decimal
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        arguments.as_number(value, f"facts[{name!r}]", EvidenceError)  # bounded, finite
        return value
    if isinstance(value, (bool, str, frozenset)):
        return value
    if isinstance(value, float):
        return arguments.as_number(value, f"facts[{name!r}]", EvidenceError)
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value):
        return frozenset(value) if isinstance(value, set) else tuple(value)
    raise arguments.fail(
        EvidenceError,
        f"facts[{name!r}]",
        "E-EVIDENCE-FACT-TYPE",
        value,
        type=type(value).__name__,
    )


def _fact_pairs(value: object) -> tuple[tuple[str, RawValue], ...]:
    # Lists become tuples so that evidence stays hashable and immutable.
    return tuple((k, _fact_value(k, v)) for k, v in arguments.pairs(value, "facts", EvidenceError))


def _points(value: object) -> tuple[tuple[str, Decimal], ...]:
    """Appraised points as Python gives them: an int, a float (by its shortest repr), a
    Decimal or a string such as ``"1,5"``; each becomes an exact Decimal."""
    return tuple(
        (
            code,
            points
            if type(points) is Decimal and within_bounds(points)
            else arguments.as_number(
                points,
                f"appraised[{code!r}]",
                EvidenceError,
                expected="E-EVIDENCE-POINTS-NOT-NUMBER",
            ),
        )
        for code, points in arguments.pairs(value, "appraised", EvidenceError)
    )


def _texts(value: object, field: str) -> tuple[tuple[str, str], ...]:
    found = arguments.pairs(value, field, EvidenceError)
    for code, text in found:
        if not isinstance(text, str):
            raise arguments.fail(EvidenceError, f"{field}[{code!r}]", "E-VALUE-NOT-STRING", text)
    return found  # type: ignore[return-value]  # every value checked above


def _notes(value: object) -> tuple[tuple[str, str], ...]:
    return _texts(value, "notes")


def _reasons(value: object) -> tuple[tuple[str, str], ...]:
    return _texts(value, "not_assessed")


def _estimated(value: object) -> tuple[str, ...]:
    """Fact names, sorted and once each, so that the order written does not matter."""
    return tuple(sorted(set(arguments.strings(value, "estimated", EvidenceError))))


def _unit(value: object) -> str:
    return arguments.instance(value, str, "unit", "argument.unit", EvidenceError)


def _year(value: object) -> int | None:
    return None if value is None else arguments.whole(value, "year", EvidenceError)


def _rules_name(value: object) -> str | None:
    if value is None:
        return None
    return arguments.instance(value, str, "rules", "argument.rules_path", EvidenceError)


@attrs.frozen
class Evidence:
    """What is known about one unit in one year, as given (not yet checked).

    Mappings passed in are stored as sorted tuples of pairs, so two evidences with the same
    content are equal whatever order their facts were given in. Values are taken as Python
    writes them: appraised points as an ``int``, a ``float`` (by its shortest repr: ``20.5``
    is 20,5), a ``Decimal`` or a string (``"20,5"``), all kept as exact decimals; a fact's
    float likewise, a list of items as a tuple, a set as a frozenset. Anything else (a bool
    or NaN for points, ``None`` or a dict for a fact, a name that is not a string) raises
    :class:`~cchc_score.EvidenceError` naming the field, e.g. ``appraised['IX']``.

    >>> ev = Evidence("Phường A", 2022, facts={"staff_total": 21, "staff_rated_good": 20})
    >>> ev.fact("staff_total")
    21
    >>> ev.with_facts(staff_rated_good=21).fact("staff_rated_good")
    21
    >>> Evidence("Phường A", appraised={"IX": 20.5}).appraised
    (('IX', Decimal('20.5')),)
    """

    unit: str = attrs.field(converter=_unit)
    year: int | None = attrs.field(default=None, converter=_year)
    facts: tuple[tuple[str, RawValue], ...] = attrs.field(default=(), converter=_fact_pairs)
    appraised: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_points)
    notes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_notes)
    not_assessed: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_reasons)
    rules: str | None = attrs.field(default=None, converter=_rules_name)
    source: str | None = attrs.field(default=None, eq=False)
    #: Facts whose values are estimates, not figures from a document: explanations mark
    #: them "(giả định)" / "(assumed)".
    estimated: tuple[str, ...] = attrs.field(default=(), converter=_estimated)

    def fact(self, name: str) -> RawValue:
        """The value given for a fact.

        Raises:
            KeyError: no value is given for it.
        """
        return dict(self.facts)[name]

    def with_facts(self, **changes: object) -> Evidence:
        """A new evidence with some facts set to new values (what-if); this one is unchanged."""
        return attrs.evolve(self, facts={**dict(self.facts), **changes})

    def with_appraised(self, **changes: Decimal | int | float | str) -> Evidence:
        """A new evidence with some appraised points replaced (codes as keyword names)."""
        return attrs.evolve(self, appraised={**dict(self.appraised), **changes})


# --------------------------------------------------------------------------- checking


def check_evidence(rules: RuleSet, evidence: Evidence) -> dict[str, FactValue]:
    """Check evidence against the rules and return its facts typed.

    Checks: unknown facts and codes; each value's type and range; a ratio's numerator not
    above its denominator, which must not be 0; appraised points within [0, max] and only
    for leaf criteria; every input the scoring needs is present (one problem lists every
    missing fact with the criteria that need it). A criterion scored from facts may be given
    appraised points instead of its facts (:func:`observed_codes`): its facts are then not
    needed.

    Raises:
        EvidenceError: with every problem found.
        ArgumentError: ``rules`` is not a :class:`~cchc_score.RuleSet` or ``evidence`` not an
            :class:`Evidence`.
    """
    check_arguments(rules, evidence)
    typed = _quick_check(rules.memo("evidence.requirements", _Requirements.of), evidence)
    if typed is not None:
        return typed
    # Something is off, or needs a closer look: check everything and say what is wrong.
    problems = ProblemList(evidence.source)
    typed = {}
    for name, raw in evidence.facts:
        where = f"facts.{syntax.key(name)}"
        if not rules.has_fact(name):
            problems.add(
                where,
                "E-EVIDENCE-FACT-UNDECLARED",
                rules=repr(rules.id),
                declared=", ".join(f.name for f in rules.facts),
            )
            continue
        value = typed_value(rules.fact(name), raw, where, problems)
        if value is not None:
            typed[name] = value
    skipped = _skipped_codes(rules, evidence, problems)
    _check_codes(rules, evidence, problems)
    _check_needs(rules, evidence, typed, skipped, problems)
    problems.raise_if_any(EvidenceError)
    return typed


#: What the rules argument must be, said the same way by every function that takes one (a word
#: code of :mod:`cchc_score.words`, said in the problem's language).
RULES_EXPECTED = "argument.rules"


def check_arguments(rules: object, evidence: object) -> None:
    """Raise :class:`~cchc_score.errors.ArgumentError` unless ``rules`` is a rule set and
    ``evidence`` an evidence (the pure core loads nothing: a name is refused, with a hint)."""
    arguments.instance(rules, RuleSet, "rules", RULES_EXPECTED)
    arguments.instance(evidence, Evidence, "evidence", "argument.evidence")


@attrs.frozen
class _Requirements:
    """What valid evidence for a rule set looks like, prepared once per rule set."""

    converters: dict[str, Callable[[RawValue], object]]
    needed: frozenset[str]
    appraised: dict[str, Decimal]
    #: The facts each leaf scored from facts reads, by code (for observed points).
    reads: dict[str, frozenset[str]]
    #: Leaves whose facts must also agree with each other (a ratio's numerator and
    #: denominator): each one's kind and rule.
    joint: tuple[tuple[RuleKind[Any], Rule], ...]
    codes: frozenset[str]

    @classmethod
    def of(cls, rules: RuleSet) -> _Requirements:
        leaves = [(node, kind_of(node.rule)) for node in rules.nodes() if node.is_leaf]
        return cls(
            converters={fact.name: _converter(fact) for fact in rules.facts},
            needed=frozenset(name for node, kind in leaves for name in kind.facts(node.rule)),
            appraised={node.code: node.max for node, kind in leaves if kind.appraised},
            reads={
                node.code: frozenset(kind.facts(node.rule)) for node, kind in leaves if kind.scored
            },
            joint=tuple(
                (kind, node.rule)
                for node, kind in leaves
                if type(kind).values_ok is not RuleKind.values_ok
            ),
            codes=frozenset(node.code for node in rules.nodes()),
        )


def _converter(fact: Fact) -> Callable[[RawValue], object]:
    """A fast check of a value already of the right Python type; ``BAD`` for anything else
    (which the full check then explains)."""
    return fact_type(fact).quick(fact)


def _quick_check(req: _Requirements, evidence: Evidence) -> dict[str, FactValue] | None:
    """The typed facts of evidence that is plainly valid; ``None`` when in any doubt."""
    if evidence.not_assessed or any(code not in req.codes for code, _ in evidence.notes):
        return None
    if any(name not in req.converters for name in evidence.estimated):
        return None
    typed: dict[str, FactValue] = {}
    converters = req.converters
    for name, raw in evidence.facts:
        convert = converters.get(name)
        value = convert(raw) if convert is not None else BAD
        if value is BAD:
            return None
        typed[name] = value  # type: ignore[assignment]  # checked by the converter
    if not req.needed.issubset(typed) or len(evidence.appraised) != len(req.appraised):
        return None
    for code, points in evidence.appraised:
        top = req.appraised.get(code)
        if top is None or not 0 <= points <= top:
            return None
    for kind, rule in req.joint:
        if not kind.values_ok(rule, typed):
            return None
    return typed


def year_warnings(rules: RuleSet, evidence: Evidence) -> tuple[Problem, ...]:
    """Warnings, not errors, about evidence scored under ``rules``: evidence for another
    year than the rules' (``W-EVIDENCE-YEAR``), which scores, but may not be what was meant.

    >>> from cchc_score import load_rules
    >>> (w,) = year_warnings(load_rules("criteria_2022"), Evidence("Xã A", 2023))
    >>> w.text("en")
    'year: the evidence is for 2023 but the rules criteria_2022 are for 2022 (got 2023)'
    >>> year_warnings(load_rules("criteria_2022"), Evidence("Xã A", 2022))
    ()
    """
    if evidence.year is None or evidence.year == rules.year:
        return ()
    problems = ProblemList(evidence.source)
    fields = {"year": evidence.year, "rules": rules.id, "rules_year": rules.year}
    problems.add("year", "W-EVIDENCE-YEAR", evidence.year, **fields)
    return tuple(problems)


def observed_codes(rules: RuleSet, evidence: Evidence) -> frozenset[str]:
    """The leaves scored from facts whose points the evidence observes instead: it gives
    their appraised points (e.g. from the annex) and not every fact they read.

    Such a leaf scores its appraised points; where every fact is given too, the rule
    scores it and the appraised points are only compared
    (:meth:`cchc_score.Scorecard.differences`).
    """
    if not evidence.appraised:
        return frozenset()
    reads = rules.memo("evidence.requirements", _Requirements.of).reads
    codes = [code for code, _ in evidence.appraised if code in reads]
    if not codes:  # the usual case: points only for appraised-kind criteria
        return frozenset()
    given = {name for name, _ in evidence.facts}
    return frozenset(code for code in codes if not reads[code].issubset(given))


def typed_value(fact: Fact, raw: RawValue, where: str, problems: ProblemList) -> FactValue | None:
    """One value checked against its declared fact and typed; ``None`` after recording the
    problem at ``where`` (used for evidence and for plans' fact effects alike)."""
    return fact_type(fact).typed(fact, raw, where, problems)


def _skipped_codes(rules: RuleSet, evidence: Evidence, problems: ProblemList) -> set[str]:
    """Codes not to score from facts: not assessed, with everything under them."""
    skipped: set[str] = set()
    for code, reason in evidence.not_assessed:
        if not rules.has_node(code):
            problems.add(f"not_assessed.{syntax.key(code)}", "E-CODE-UNKNOWN", code)
            continue
        if not reason.strip():
            problems.add(f"not_assessed.{syntax.key(code)}", "E-EVIDENCE-NO-REASON")
        skipped.update(node.code for node in rules.node(code).walk())
    return skipped


def _check_codes(rules: RuleSet, evidence: Evidence, problems: ProblemList) -> None:
    for code, points in evidence.appraised:
        where = f"appraised.{syntax.key(code)}"
        if not rules.has_node(code):
            problems.add(where, "E-CODE-UNKNOWN", code)
            continue
        node = rules.node(code)
        if not node.is_leaf:
            problems.add(where, "E-APPRAISED-INNER", code=code)
        elif not 0 <= points <= node.max:
            problems.add(where, "E-APPRAISED-RANGE", points, max=node.max)
    for code, _ in evidence.notes:
        if not rules.has_node(code):
            problems.add(f"notes.{syntax.key(code)}", "E-CODE-UNKNOWN", code)
    for name in evidence.estimated:
        if not rules.has_fact(name):
            problems.add("estimated", "E-EVIDENCE-ESTIMATED-UNKNOWN", name, rules=rules.id)


def _check_needs(
    rules: RuleSet,
    evidence: Evidence,
    typed: dict[str, FactValue],
    skipped: set[str],
    problems: ProblemList,
) -> None:
    given = {name for name, _ in evidence.facts}
    appraised = {code for code, _ in evidence.appraised}
    observed = observed_codes(rules, evidence)
    missing: dict[str, list[str]] = {}
    unappraised: list[str] = []
    for node in rules.nodes():
        if not node.is_leaf or node.code in skipped:
            continue
        rule, kind = node.rule, kind_of(node.rule)
        if kind.appraised and node.code not in appraised:
            unappraised.append(node.code)
        if node.code in observed:
            continue  # its appraised points stand for it: its facts are not needed
        for name in kind.facts(rule):
            if name not in given:
                missing.setdefault(name, []).append(node.code)
        kind.check_values(rule, node.code, typed, problems)
    if missing:
        listed = tuple(
            Phrase("evidence.missing_fact", {"name": name, "codes": ", ".join(codes)})
            for name, codes in missing.items()
        )
        problems.add("facts", "E-EVIDENCE-FACTS-MISSING", listed=listed)
    if unappraised:
        problems.add("appraised", "E-EVIDENCE-APPRAISED-MISSING", codes=", ".join(unappraised))
