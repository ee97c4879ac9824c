"""The loader's reachability and direction checks beyond the one-file-per-mistake data:
two-ended bands round-trip and explain both ends; warnings load, print and turn strict."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from cchc_score import RulesError, dump_rules, load_rules, loads_rules
from cchc_score.cli import main
from cchc_score.kinds import Bands, kind_of

from .conftest import DATA

if TYPE_CHECKING:
    from pathlib import Path

PROVINCE = DATA / "valid" / "province_2023.toml"
MINIMAL = (DATA / "valid" / "minimal.toml").read_text(encoding="utf-8")
UNDIRECTED = MINIMAL.replace(
    'label = "báo cáo chậm"\nbetter = "lower"', 'label = "báo cáo chậm"\nbetter = "none"'
)


def test_two_ended_bands_round_trip_and_say_both_ends() -> None:
    rules = load_rules(PROVINCE)
    assert loads_rules(dump_rules(rules)) == rules
    rule = rules.node("6.7").rule
    assert isinstance(rule, Bands)
    assert [s.below for s in rule.steps] == [None, Decimal("0.95"), Decimal("0.8"), Decimal("0.5")]
    kind = kind_of(rule)
    assert kind.to_json(rule)["steps"][1] == {
        "min": Decimal("0.8"),
        "below": Decimal("0.95"),
        "points": Decimal("0.5"),
    }
    # 85% falls in "from 80% to below 95%": 0,5 points; the top step has no upper end.
    fact, score = rules.fact("procurement_share"), kind.scorer(rule, Decimal("0.75"), 2)
    for share, said in (
        ("0.85", "mức từ 80% đến dưới 95%: 0,5 điểm"),
        ("0.97", "mức từ 95% trở lên: 0,75 điểm"),
    ):
        value = Decimal(share)
        points = score({"procurement_share": value})
        sentence = kind.explain(rule, Decimal("0.75"), [(fact, value)], points, "vi")
        assert sentence.endswith(said)


def test_a_fact_without_direction_feeding_a_deduction_is_a_warning() -> None:
    rules = loads_rules(UNDIRECTED, file="w.toml")  # it loads
    assert [(w.code, w.path, w.value) for w in rules.warnings] == [
        ("W-RULES-DIRECTION-NONE", 'criterion "1.3".rule.fact', "late")
    ]
    assert loads_rules(MINIMAL).warnings == ()
    with pytest.raises(RulesError) as info:
        loads_rules(UNDIRECTED, file="w.toml", strict=True)
    assert info.value.codes == ("W-RULES-DIRECTION-NONE",)


def test_check_prints_the_warnings_and_still_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_LANG", "en")
    path = tmp_path / "w.toml"
    path.write_text(UNDIRECTED, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        f'warning: {path}: criterion "1.3".rule.fact: the fact declares better = "none" but a '
        "deduction rule scores it: the monotone check skips it; declare which way is better "
        "(got 'late')"
    )
