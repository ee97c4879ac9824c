"""The word catalogue: both languages complete, the same placeholders in each."""

from __future__ import annotations

import string

import pytest

from cchc_score.words import WORDS, is_problem_code, pick, problems, text


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
