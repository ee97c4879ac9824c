"""Rule kinds are plug-ins: a kind registered here, in the test alone, is loaded, scored,
explained, written as JSON and TOML and read back, with no library module touched."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal

import attrs
import pytest

from cchc_score import Evidence, EvidenceError, RulesError, dump_rules, evaluate, loads_rules
from cchc_score.errors import ProblemList
from cchc_score.evidence import FactValue, RawValue
from cchc_score.kinds import (
    FactType,
    Rule,
    RuleKind,
    Scorer,
    fact_type,
    fact_type_names,
    fact_types,
    kind_named,
    kind_names,
    kind_of,
    register,
    register_fact_type,
    rule_kinds,
    unregister,
    unregister_fact_type,
)
from cchc_score.kinds.facttypes import BAD
from cchc_score.model import FACT_TYPES, RULE_KINDS, Criterion, Fact, RuleSet
from cchc_score.numbers import Lang, format_number, format_percent, format_points, round_exact
from cchc_score.report import scorecard_json

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")


@attrs.frozen
class Constant(Rule):
    """Always the same share of the criterion's maximum, whatever the evidence."""

    share: Decimal
    kind: Literal["constant"] = "constant"


class ConstantKind(RuleKind[Constant]):
    name = "constant"
    rule_type = Constant

    def check(
        self,
        rule: Constant,
        top: Decimal,
        where: str,
        facts: Mapping[str, Fact],
        problems: ProblemList,
    ) -> None:
        if not 0 <= rule.share <= 1:
            problems.add(f"{where}.share", "E-PLAN-SHARE", rule.share)

    def scorer(self, rule: Constant, top: Decimal, places: int) -> Scorer:
        points = round_exact(top * rule.share, places)
        return lambda values: points

    def explain(
        self,
        rule: Constant,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        return f"{format_percent(rule.share, lang)} × {top} = {format_points(points, lang)}"


RULES = """
[index]
id = "constant"
name = "Chỉ số thử"
year = 2024
max = 3

[facts.done]
type = "count"
label = "việc đã làm"
better = "lower"

[[criteria]]
code = "I"
name = "Lĩnh vực"
max = 3
basis = "test"

[[criteria]]
code = "1.1"
name = "Luôn một nửa"
max = 2
basis = "test"
[criteria.rule]
kind = "constant"
share = 0.375

[[criteria]]
code = "1.2"
name = "Theo việc"
max = 1
basis = "test"
[criteria.rule]
kind = "deduction"
fact = "done"
each = 0.5

[[bands]]
name = "Đạt"
min = 0
"""


@pytest.fixture
def constant() -> Iterator[ConstantKind]:
    kind = ConstantKind()
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)


def test_a_kind_registered_in_a_test_is_loaded_scored_explained_and_dumped(
    constant: ConstantKind,
) -> None:
    rules = loads_rules(RULES)
    node = rules.node("1.1")
    assert node.rule == Constant(Decimal("0.375"))
    assert kind_of(node.rule) is constant
    assert "constant" in RULE_KINDS
    card = evaluate(rules, Evidence("X", facts={"done": 1}))
    # 2 × 0,375 = 0,75; 1 − 0,5 × 1 = 0,5.
    assert card.node("1.1").points == Decimal("0.75")
    assert card.total == Decimal("1.25")
    assert card.node("1.1").status == "scored"
    assert card.node("1.1").explanation("vi") == "37,5% × 2 = 0,75"
    assert constant.to_json(node.rule) == {"kind": "constant", "share": Decimal("0.375")}
    assert scorecard_json(card)["nodes"][1]["rule"] == {
        "kind": "constant",
        "share": Decimal("0.375"),
    }
    text = dump_rules(rules)
    assert '[criteria.rule]\nkind = "constant"\nshare = 0.375\n' in text
    assert loads_rules(text) == rules


def test_a_registered_kind_checks_its_parameters(constant: ConstantKind) -> None:
    with pytest.raises(RulesError) as info:
        loads_rules(RULES.replace("share = 0.375", "share = 2"))
    assert str(info.value) == '<rules>: criterion "1.1".rule.share: must be between 0 and 1 (got 2)'
    with pytest.raises(RulesError) as info:
        loads_rules(RULES.replace("share = 0.375", "shares = 1"))
    assert [str(p) for p in info.value.problems] == [
        '<rules>: criterion "1.1".rule.share: required key is missing',
        "<rules>: criterion \"1.1\".rule.shares: unknown key; expected one of 'share', 'kind'",
    ]


def test_an_unregistered_kind_is_unknown_again() -> None:
    with pytest.raises(RulesError) as info:
        loads_rules(RULES)
    assert str(info.value) == (
        "<rules>: criterion \"1.1\".rule.kind: unknown rule kind; expected one of 'ratio', "
        "'bands', 'deduction', 'levels', 'checklist', 'appraised', 'sum' (got 'constant')"
    )
    assert "constant" not in RULE_KINDS


def test_a_kind_cannot_be_registered_twice(constant: ConstantKind) -> None:
    with pytest.raises(ValueError, match="registered already"):
        register(ConstantKind())


def test_a_kind_needs_its_name_as_the_data_class_kind() -> None:
    @attrs.frozen
    class Other(Rule):
        kind: Literal["constant"] = "constant"

    class Misnamed(RuleKind[Other]):
        name = "other"
        rule_type = Other

    with pytest.raises(ValueError, match=r"Other needs a field kind = 'other'"):
        register(Misnamed())
    assert "other" not in kind_names()


def test_the_registry_and_rule_kinds_agree() -> None:
    assert list(RULE_KINDS) == list(kind_names())
    assert list(kind_names()) == [
        "ratio",
        "bands",
        "deduction",
        "levels",
        "checklist",
        "appraised",
        "sum",
    ]
    for kind in rule_kinds():
        assert RULE_KINDS[kind.name] is kind.rule_type
        assert kind_named(kind.name) is kind
    assert fact_type_names() == FACT_TYPES


def _minimal() -> RuleSet:
    from .conftest import DATA

    return loads_rules((DATA / "valid" / "minimal.toml").read_bytes())


@pytest.mark.parametrize("name", list(kind_names()))
def test_each_kind_has_every_part(name: str) -> None:
    kind = kind_named(name)
    # The data class, with the kind's name as its ``kind``.
    assert attrs.has(kind.rule_type)
    assert issubclass(kind.rule_type, Rule)
    assert attrs.fields_dict(kind.rule_type)["kind"].default == name
    # The fact types it reads are registered ones.
    for allowed in kind.fact_types.values():
        assert set(allowed) <= set(fact_type_names())
    # Exactly one of: scored by its scorer, entered as appraised points, summed.
    assert [kind.scored, kind.appraised, kind.inner].count(True) == 1
    # Used in the minimal file: explained, JSON and dumped; scored if it scores.
    rules = _minimal()
    node: Criterion = next(n for n in rules.nodes() if kind_of(n.rule) is kind)
    assert kind.to_json(node.rule)["kind"] == name
    header, values, _ = kind.dump(node.rule)[0]
    assert (header, values["kind"]) == ("criteria.rule", name)
    if kind.scored:
        assert kind.facts(node.rule)
        scorer = kind.scorer(node.rule, node.max, rules.decimals)
        assert callable(scorer)


def test_each_fact_type_has_every_part() -> None:
    for each in fact_types():
        assert each.name in FACT_TYPES
        fact = Fact("x", each.name, "x", levels=("a", "b"), items=("a",))  # type: ignore[arg-type]
        problems = ProblemList("t")
        assert callable(each.quick(fact))
        value: Any = {"count": 1, "ratio": Decimal("0.5"), "number": Decimal(2)}.get(
            each.name, {"level": "a", "boolean": True, "checklist": ("a",)}.get(each.name)
        )
        typed = each.typed(fact, value, "facts.x", problems)
        assert typed is not None, list(problems)
        assert not problems
        assert each.stated(fact, typed, "vi").startswith("x") or each.name == "count"
        assert each.json_value(typed) is not None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # rules/criteria_2022.toml, [[criteria]] code = "1.2": kind "ratio", fact, of, and the
        # 80% floor (min_ratio = 0.8); the target is not written, so it is the default 1.
        (
            "1.2",
            {
                "kind": "ratio",
                "fact": "cchc_plan_tasks_done",
                "of": "cchc_plan_tasks_total",
                "target": Decimal("1"),
                "min_ratio": Decimal("0.8"),
            },
        ),
        # code = "1.8": each = 0.25; min_points not written, so the default 0.
        (
            "1.8",
            {
                "kind": "deduction",
                "fact": "assigned_tasks_late",
                "each": Decimal("0.25"),
                "min_points": Decimal("0"),
            },
        ),
        ("1.r", {"kind": "appraised"}),
        ("I", {"kind": "sum"}),
    ],
)
def test_each_kind_writes_its_json(rules: RuleSet, code: str, expected: dict[str, object]) -> None:
    from cchc_score.report import rule_json

    assert rule_json(rules.node(code).rule) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # 5.1 reads staff_rated_good / staff_total (rules/criteria_2022.toml): 21 rated good
        # out of 20 rated would be a share above 1.
        (
            {"staff_total": 20, "staff_rated_good": 21},
            "facts.staff_rated_good: is more than staff_total (20), so criterion 5.1's "
            "ratio would exceed 1 (got 21)",
        ),
        # staff_total is declared with min = 1, so 0 is refused by the fact check before
        # the ratio's own check could say the share is undefined.
        (
            {"staff_total": 0, "staff_rated_good": 0},
            "facts.staff_total: must be ≥ 1 (got 0)",
        ),
    ],
)
def test_the_ratio_kind_checks_its_values_together(
    rules: RuleSet, changes: dict[str, int], expected: str
) -> None:
    from cchc_score import EvidenceError, check_evidence, load_evidence

    from .conftest import EXAMPLE

    bad = load_evidence(EXAMPLE / "evidence.toml").with_facts(**changes)
    with pytest.raises(EvidenceError) as info:
        check_evidence(rules, bad)
    assert [str(p).removeprefix(f"{bad.source}: ") for p in info.value.problems] == [expected]
    node = rules.node("5.1")
    values: dict[str, Any] = dict(bad.facts)  # plain integers here: typed as they stand
    assert not kind_of(node.rule).values_ok(node.rule, values)


class Percent100(FactType):
    """A share written out of 100 (87,5 for 87,5%), as some forms do."""

    name = "percent100"
    numeric = True

    def lower_bound(self, fact: Fact) -> Decimal | None:
        return Decimal(0)

    def quick(self, fact: Fact) -> Callable[[RawValue], object]:
        return lambda raw: raw if type(raw) is Decimal and 0 <= raw <= 100 else BAD

    def typed(
        self, fact: Fact, raw: RawValue, where: str, problems: ProblemList
    ) -> FactValue | None:
        if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool) and 0 <= raw <= 100:
            return Decimal(raw)
        problems.add(where, "E-FACT-ABOVE-MAX", raw, max=100)
        return None

    def show(self, value: Decimal | int, lang: Lang) -> str:
        return format_number(value, lang) + "/100"


@attrs.frozen
class Scaled(Rule):
    """max × value ÷ 100."""

    fact: str
    kind: Literal["scaled"] = "scaled"


class ScaledKind(RuleKind[Scaled]):
    name = "scaled"
    rule_type = Scaled
    fact_types = MappingProxyType({"fact": ("percent100",)})

    def scorer(self, rule: Scaled, top: Decimal, places: int) -> Scorer:
        def scaled(values: Mapping[str, Any]) -> Decimal:
            return round_exact(Fraction(top) * Fraction(values[rule.fact]) / 100, places)

        return scaled

    def explain(
        self,
        rule: Scaled,
        top: Decimal,
        inputs: Sequence[tuple[Fact, FactValue]],
        points: Decimal,
        lang: Lang,
        parts: Sequence[Decimal] = (),
    ) -> str:
        fact, value = inputs[0]
        return f"{fact_type(fact).stated(fact, value, lang)} → {format_points(points, lang)}"


@pytest.fixture
def percent100() -> Iterator[None]:
    register_fact_type(Percent100())
    register(ScaledKind())
    try:
        yield
    finally:
        unregister("scaled")
        unregister_fact_type("percent100")


SCALED = """
[index]
id = "scaled"
name = "Chỉ số thử"
year = 2024
max = 2

[facts.satisfaction]
type = "percent100"
label = "Mức hài lòng"

[[criteria]]
code = "I"
name = "Lĩnh vực"
max = 2
basis = "test"

[[criteria]]
code = "1.1"
name = "Hài lòng"
max = 2
basis = "test"
[criteria.rule]
kind = "scaled"
fact = "satisfaction"

[[bands]]
name = "Đạt"
min = 0
"""


@pytest.mark.usefixtures("percent100")
def test_a_fact_type_registered_in_a_test_is_declared_checked_and_scored() -> None:
    rules = loads_rules(SCALED)
    assert fact_type(rules.fact("satisfaction")).lower_bound(rules.fact("satisfaction")) == 0
    card = evaluate(rules, Evidence("X", facts={"satisfaction": Decimal("87.5")}))
    # 2 × 87,5 ÷ 100 = 1,75.
    assert card.node("1.1").points == Decimal("1.75")
    assert card.node("1.1").explanation("vi") == "Mức hài lòng: 87,5/100 → 1,75"
    assert loads_rules(dump_rules(rules)) == rules
    with pytest.raises(EvidenceError) as info:
        evaluate(rules, Evidence("X", facts={"satisfaction": Decimal(120)}))
    assert str(info.value.problems[0]) == ("facts.satisfaction: must be ≤ 100 (got 120)")
    assert info.value.codes == ("E-FACT-ABOVE-MAX",)
    with pytest.raises(RulesError) as bounds:
        loads_rules(SCALED.replace('label = "Mức hài lòng"', 'label = "x"\nmin = 1'))
    assert str(bounds.value) == (
        '<rules>: fact "satisfaction".min: only count, number facts take bounds, not percent100'
    )


def test_an_unregistered_fact_type_is_unknown_again() -> None:
    with pytest.raises(RulesError) as info:
        loads_rules(SCALED)
    assert str(info.value.problems[0]) == (
        "<rules>: fact \"satisfaction\".type: unknown fact type; expected one of 'count', "
        "'ratio', 'number', 'level', 'boolean', 'checklist' (got 'percent100')"
    )
