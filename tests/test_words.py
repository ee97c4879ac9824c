"""The word catalogue: both languages complete, the same placeholders in each."""

from __future__ import annotations

import string

import pytest

from cchc_score.words import WORDS, is_problem_code, pick, problems, text, text_n


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(WORDS))
def test_both_languages_present_with_the_same_placeholders(code: str) -> None:
    vi, en = WORDS[code]
    assert vi.strip(), f"{code}: no Vietnamese text"
    assert en.strip(), f"{code}: no English text"
    assert _fields(vi) == _fields(en), code


def test_codes_name_their_subject() -> None:
    # Words are "subject.name"; problem messages are problem codes, "E-SUBJECT-WHAT".
    assert all("." in code or is_problem_code(code) for code in WORDS)


def test_problem_codes_live_in_the_problem_catalogue() -> None:
    codes = {code for code in WORDS if is_problem_code(code)}
    assert codes == {code for code in problems.WORDS if is_problem_code(code)}


def test_text_and_pick() -> None:
    assert text("common.yes") == "có"
    assert text("common.yes", "en") == "yes"
    assert pick("Khá", "Fair", "en") == "Fair"
    assert pick("Khá", None, "en") == "Khá"


def test_a_count_has_both_forms_and_one_vietnamese_text() -> None:
    # text_n says n things with code.one or code.other: English has two forms, Vietnamese one.
    ones = {code[: -len(".one")] for code in WORDS if code.endswith(".one")}
    others = {code[: -len(".other")] for code in WORDS if code.endswith(".other")}
    assert ones == others
    for code in ones:
        assert WORDS[f"{code}.one"][0] == WORDS[f"{code}.other"][0], code
        assert "n" in _fields(WORDS[f"{code}.one"][1]), code


@pytest.mark.parametrize(
    ("code", "n", "fields", "vi", "en"),
    [
        ("count.row", 1, {}, "1 dòng", "1 row"),
        ("count.row", 0, {}, "0 dòng", "0 rows"),
        ("count.criterion", 1, {}, "1 tiêu chí", "1 criterion"),
        ("count.criterion", 18, {}, "18 tiêu chí", "18 criteria"),
        ("count.unit", 2, {}, "2 đơn vị", "2 units"),
        (
            "cli.more_problems",
            1,
            {},
            "… và 1 lỗi khác (sửa các lỗi trên rồi chạy lại để xem tiếp)",
            "… and 1 more problem (fix those above and run again to see it)",
        ),
        (
            "provenance.note",
            2,
            {"mark": "*"},
            "* 2 tiêu chí chấm theo cách chấm giả định, không phải của quyết định (xem explain)",
            "* 2 criteria are scored by assumed rules, not the decision's (see explain)",
        ),
    ],
)
def test_text_n_says_one_and_many(
    code: str, n: int, fields: dict[str, object], vi: str, en: str
) -> None:
    assert text_n(code, n, "vi", **fields) == vi
    assert text_n(code, n, "en", **fields) == en


def test_status_lines_say_one_row_and_many_rows() -> None:
    rows = text("cli.wrote_appraisal", "en", path="a.toml", rows=text_n("count.row", 1, "en"))
    assert rows == "wrote a.toml: 1 row"
    units = text_n("count.unit", 3, "en")
    assert text("cli.not_ranked", "en", bad=1, units=units).startswith("1 of 3 units not ranked")
    assert text("cli.not_ranked", "vi", bad=1, units=text_n("count.unit", 3, "vi")).startswith(
        "1/3 đơn vị không được xếp hạng"
    )
