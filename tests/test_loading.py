from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_score import RulesError, RuleSet, bundled_rules, dump_rules, load_rules, loads_rules
from cchc_score.model import Appraised, Bands, Checklist, Deduction, Levels, Ratio, Sum

from .conftest import DATA

#: These tests pin the English wording of problems (their codes are what programs match).
pytestmark = pytest.mark.lang("en")

INVALID = sorted((DATA / "invalid").glob("*.toml"))


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_rules_file_reports_exact_problems(path: Path) -> None:
    # One small file per mistake; the .expected file beside it holds every line of the error.
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    with pytest.raises(RulesError) as info:
        loads_rules(path.read_bytes(), file=path.name)
    assert str(info.value) + "\n" == expected


def test_unknown_top_key_and_negative_max_are_reported_together(tmp_path: Path) -> None:
    # The acceptance case, through a real path: both problems, one run, file named.
    source = DATA / "invalid" / "unknown_top_key_and_negative_max.toml"
    target = tmp_path / "province.toml"
    target.write_bytes(source.read_bytes())
    with pytest.raises(RulesError) as info:
        load_rules(target)
    assert [str(p) for p in info.value.problems] == [
        f"{target}: colour: unknown top-level key; expected one of 'index', 'facts', "
        "'criteria', 'bands'",
        f'{target}: criterion "1.6".max: must be > 0 (got -2)',
    ]
    assert isinstance(info.value, ValueError)


def test_minimal_file_uses_every_rule_kind() -> None:
    rules = load_rules(DATA / "valid" / "minimal.toml")
    kinds = {type(node.rule) for node in rules.nodes()}
    assert kinds == {Sum, Ratio, Bands, Deduction, Levels, Checklist, Appraised}


def test_unknown_bundled_name() -> None:
    with pytest.raises(RulesError) as info:
        load_rules("criteria_1999")
    assert str(info.value) == (
        "criteria_1999: no such file, and no bundled rules by that name; bundled: 'criteria_2022'"
    )


def test_missing_file() -> None:
    with pytest.raises(RulesError) as info:
        load_rules("no/such/rules.toml")
    assert str(info.value) == "no/such/rules.toml: cannot read the file: No such file or directory"


def test_bundled_rules_listed() -> None:
    assert bundled_rules() == ("criteria_2022",)


# -------------------------------------------------------------------- criteria_2022


def test_bundled_file_adds_up_to_100(rules: RuleSet) -> None:
    assert rules.max == 100
    assert sum(d.max for d in rules.domains) == 100
    for node in rules.nodes():
        if node.children:
            assert sum(c.max for c in node.children) == node.max, node.code


# The annex's domain maxima: 10, 7, 12,5, 6, 14, 8, 15,5, 2, 25.
@pytest.mark.parametrize(
    ("code", "maximum"),
    [
        ("I", "10"),
        ("II", "7"),
        ("III", "12.5"),
        ("IV", "6"),
        ("V", "14"),
        ("VI", "8"),
        ("VII", "15.5"),
        ("VIII", "2"),
        ("IX", "25"),
        ("7.1", "10.5"),
        ("7.2", "5"),
    ],
)
def test_domain_maxima_from_the_annex(rules: RuleSet, code: str, maximum: str) -> None:
    assert rules.node(code).max == Decimal(maximum)


# Every criterion the annex names, with its exact name (as the annex writes it, without the
# "(trừ … điểm)" remark) and its "Điểm tối đa".
ANNEX_CRITERIA = [
    ("1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính", "1.5"),
    ("1.7", "Sáng kiến/giải pháp mới trong CCHC", "1.5"),
    ("1.8", "Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND thị xã giao", "2.0"),
    ("2.1", "Công tác xây dựng và ban hành văn bản QPPL", "2.5"),
    ("2.3", "Theo dõi thi hành pháp luật", "2.75"),
    ("3.1", "Niêm yết công khai TTHC tại Bộ phận TN&TKQ", "1.0"),
    (
        "3.6",
        "Phản ánh kiến nghị của tổ chức, cá nhân về quy định hành chính và hành vi hành chính",
        "1.5",
    ),
    ("5.1", "Kết quả thực hiện nhiệm vụ của cán bộ, công chức", "1.0"),
    ("5.3", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng của CBCC", "1.0"),
    ("5.7.2", "Thực hiện kỷ luật kỷ cương hành chính, văn hóa công vụ do cấp trên chỉ ra", "2.0"),
    ("6.1", "Thực hiện giải ngân kế hoạch vốn đầu tư NSNN", "1"),
    ("6.3.2", "Phân bổ dự toán", "0.75"),
    ("6.5", "Thực hiện quy định về sử dụng kinh phí nguồn từ NSNN", "1"),
    ("6.6", "Chế độ báo cáo", "0.5"),
    ("7.1.1.3", "Chất lượng Trang TTĐT", "1.5"),
    ("7.1.2", "Cung cấp dịch vụ công trực tuyến", "3.0"),
    (
        "7.1.3",
        "Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính "
        "công ích (BCCI)",
        "1.5",
    ),
    (
        "7.2.5",
        "Việc sắp xếp và lưu trữ tài liệu hồ sơ theo quy định (thông qua bóc mẫu hồ sơ "
        "tại các bộ phận để đánh giá)",
        "1.0",
    ),
]


@pytest.mark.parametrize(("code", "name", "maximum"), ANNEX_CRITERIA)
def test_annex_criteria_names_and_maxima(
    rules: RuleSet, code: str, name: str, maximum: str
) -> None:
    node = rules.node(code)
    assert node.name == name
    assert node.max == Decimal(maximum)
    assert node.is_leaf


def test_parents_implied_by_dotted_codes(rules: RuleSet) -> None:
    assert [c.code for c in rules.node("5.7").children] == ["5.7.2"]
    assert [c.code for c in rules.node("6.3").children] == ["6.3.2"]
    assert [c.code for c in rules.node("7.1.1").children] == ["7.1.1.3"]
    assert [c.code for c in rules.node("VII").children] == ["7.1", "7.2"]
    assert [c.code for c in rules.node("I").children] == ["1.2", "1.7", "1.8", "1.r"]


def test_every_node_states_its_provenance(rules: RuleSet) -> None:
    for node in rules.nodes():
        assert node.basis or node.reference, node.code
    # Inferred rules say they are assumptions.
    for code, _, _ in ANNEX_CRITERIA:
        assert "Assumed" in (rules.node(code).basis or ""), code
    assert all(band.min >= 0 for band in rules.bands)
    assert "assumed" in (rules.bands[0].basis or "").lower()


def test_numbers_are_exact_decimals(rules: RuleSet) -> None:
    assert rules.node("2.3").max == Decimal("2.75")
    assert isinstance(rules.node("2.3").max, Decimal)
    assert str(rules.node("1.8").max) == "2.0"  # written as in the file


def test_round_trip_dump_load(rules: RuleSet) -> None:
    again = loads_rules(dump_rules(rules), file="dumped.toml")
    assert again == rules
    assert dump_rules(again) == dump_rules(rules)


def test_ruleset_is_immutable_and_hashable(rules: RuleSet) -> None:
    with pytest.raises(AttributeError):
        rules.max = Decimal(1)  # type: ignore[misc]
    assert hash(rules) == hash(load_rules("criteria_2022"))


def test_input_with_bom_crlf_and_nfd_is_normalised() -> None:
    import unicodedata

    text = (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8")
    messy = "\ufeff" + unicodedata.normalize("NFD", text).replace("\n", "\r\n")
    rules = loads_rules(messy.encode("utf-8"), file="messy.toml")
    assert rules == load_rules(DATA / "valid" / "minimal.toml")
    assert rules.node("I").name == unicodedata.normalize("NFC", "Lĩnh vực thử")


def test_round_trip_without_facts() -> None:
    # An index scored only by appraisal declares no facts; its dump must still load.
    text = """
[index]
id = "x"
name = "x"
year = 2022
max = 1
[facts]
[[criteria]]
code = "I"
name = "I"
max = 1
basis = "b"
[[criteria]]
code = "1.1"
name = "c"
max = 1
basis = "b"
rule = { kind = "appraised" }
[[bands]]
name = "A"
min = 0
"""
    rules = loads_rules(text)
    assert loads_rules(dump_rules(rules)) == rules


def test_a_float_past_what_a_decimal_holds_is_a_located_problem() -> None:
    # 1e999…9 (30 nines) overflows Decimal's exponent: decimal.InvalidOperation, which is an
    # ArithmeticError, not a ValueError; it once escaped the reader (found by hypothesis).
    with pytest.raises(RulesError) as info:
        loads_rules("x = 1e" + "9" * 30 + "\n", file="r.toml")
    assert info.value.codes == ("E-NUMBER-TOO-LARGE",)
    assert str(info.value) == (
        f"r.toml: line 1, column 5: a number larger than 1,000,000,000 in size: '1e{'9' * 30}'"
    )
