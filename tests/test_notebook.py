"""Notebook views: ``_repr_html_`` (well-formed, escaped, with the totals), ``to_records()``
(the results' own values, as Decimal or float) and ``to_frame()`` (pandas optional)."""

from __future__ import annotations

import sys
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pytest

from cchc_score import (
    RuleSet,
    best_plan,
    evaluate,
    load_evidence,
    load_plan,
    project,
    rank,
    read_annex,
    score_many,
)
from cchc_score.errors import ArgumentError
from cchc_score.observed import observed_evidence

from .conftest import DATA, EXAMPLE, ROOT

_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class _Checker(HTMLParser):
    """Well-formed HTML: every tag closed in order; the text collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, f"</{tag}> closes another tag"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.open == []
    assert checker.tags[0] == "div"
    assert "script" not in checker.tags
    return checker


def _text(html: str) -> str:
    return " ".join(_parse(html).text)


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CCHC_LANG", raising=False)


def test_a_scorecard_shows_its_domains_total_and_rating(rules: RuleSet) -> None:
    card = evaluate(rules, load_evidence(EXAMPLE / "evidence.toml"))
    text = _text(card._repr_html_())
    assert "Đơn vị: Phường mẫu (phụ lục 2022), năm 2022" in text
    assert "Tổng điểm 100 84,14 15,86" in text
    assert "Xếp loại: Khá (giả định)." in text  # criteria_2022's bands are assumed
    assert "Cải cách thể chế 7 4,50 2,50" in text
    assert "Các tiêu chí bị trừ điểm (19, trừ 15,86 điểm)" in text


def test_the_other_wards_annex_shows_too(rules: RuleSet) -> None:
    appraisal, plan = read_annex(DATA / "annex" / "total_row.tsv")
    evidence = observed_evidence(appraisal, rules, unit="Phường A").evidence
    card = evaluate(rules, evidence)
    assert "Tổng điểm 100 96,00 4,00" in _text(card._repr_html_())
    projection = project(rules, evidence, plan)
    text = _text(projection._repr_html_())
    assert "Điểm hiện tại 96,00" in text
    assert "Nếu hoàn thành mọi nhiệm vụ 99,50" in text
    assert [r["id"] for r in projection.to_records()] == ["IX"]


def test_text_from_the_data_is_escaped(rules: RuleSet) -> None:
    evidence = attrs.evolve(
        load_evidence(EXAMPLE / "evidence.toml"), unit='<script>alert("x")</script> & co'
    )
    html = evaluate(rules, evidence)._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert 'Đơn vị: <script>alert("x")</script> & co' in _text(html)


def test_english_when_the_environment_asks(rules: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_LANG", "en")
    card = evaluate(rules, load_evidence(EXAMPLE / "evidence.toml"))
    text = _text(card._repr_html_())
    assert "Total 100 84.14 15.86" in text
    assert "Rating: Fair (assumed)." in text
    assert card.to_records()[0]["name"] == "Direction and management of PAR"


def test_scorecard_records_are_the_scorecards_values(rules: RuleSet) -> None:
    card = evaluate(rules, load_evidence(EXAMPLE / "evidence.toml"))
    exact = card.to_records()
    assert len(exact) == len(card.nodes)
    for record, node in zip(exact, card.nodes, strict=True):
        assert record == {
            "unit": card.unit,
            "year": 2022,
            "code": node.code,
            "name": node.name("vi"),
            "depth": node.depth,
            "max": node.max,
            "points": node.points,
            "deduction": node.deduction,
            "status": node.status,
        }
        assert type(record["points"]) is Decimal
    floats = card.to_records("float", lang="en")
    assert [r["points"] for r in floats] == [float(n.points) for n in card.nodes]
    assert all(type(r["deduction"]) is float for r in floats)
    domains = [r for r in exact if r["depth"] == 0]
    assert sum(r["points"] for r in domains) == card.total == Decimal("84.14")


def test_projection_html_and_records(rules: RuleSet) -> None:
    evidence, plan = load_evidence(EXAMPLE / "evidence.toml"), load_plan(EXAMPLE / "plan.toml")
    projection = project(rules, evidence, plan, target="Tốt")
    text = _text(projection._repr_html_())
    for shown in (
        "Điểm hiện tại 84,14",
        # As tests/test_projection.py derives them: 96,00 less 1.7's 0,5 and 5.1's 0,05
        # (they look back a year: 2024), 84,14 + 7,2625 expected, P(≥ 90) = 0,7802; the
        # quantiles read off the same hand convolution of the 17 gains that count in 2023.
        "Nếu hoàn thành mọi nhiệm vụ 95,45",
        "Kỳ vọng (theo xác suất hoàn thành) 91,40",
        "Phân vị 10% / 50% / 90% 89,15 / 91,40 / 93,60",
        "Xác suất đạt 90,00 điểm 78,0%",
        "Tốt (giả định) 78,0%",
    ):
        assert shown in text
    tasks = projection.to_records()
    assert [(r["id"], r["gain_alone"], r["effort"]) for r in tasks] == [
        (g.id, g.gain_alone, g.effort) for g in projection.tasks
    ]
    dist = projection.to_records("float", part="distribution")
    assert sum(r["probability"] for r in dist) == pytest.approx(1.0)
    assert [r["total"] for r in dist] == [float(t) for t, _ in projection.distribution.totals]
    timeline = projection.to_records(part="timeline")
    assert timeline[-1]["total"] == projection.all_done
    assert [r["tasks"] for r in timeline] == [3, 4, 5, 19]
    ratings = projection.to_records(part="ratings")
    assert [r["rating"] for r in ratings] == ["Tốt", "Khá", "Trung bình", "Yếu"]
    domains = projection.to_records(part="domains", lang="en")
    assert domains[1]["name"] == "Institutional reform"
    assert sum(r["projected"] for r in domains) == projection.chosen


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ({"part": "gains"}, "part: phải là một trong: 'tasks', 'distribution', 'timeline'"),
        ({"numbers": "int"}, "numbers: phải là một trong: 'decimal', 'float' (giá trị: 'int')"),
    ],
)
def test_a_wrong_option_says_the_allowed_ones(
    rules: RuleSet, call: dict[str, str], message: str
) -> None:
    evidence, plan = load_evidence(EXAMPLE / "evidence.toml"), load_plan(EXAMPLE / "plan.toml")
    with pytest.raises(ArgumentError) as error:
        project(rules, evidence, plan).to_records(**call)  # type: ignore[arg-type]
    assert message in str(error.value)


def test_a_best_plan_shows_its_choice_and_frontier(rules: RuleSet) -> None:
    evidence, plan = load_evidence(EXAMPLE / "evidence.toml"), load_plan(EXAMPLE / "plan.toml")
    best = best_plan(rules, evidence, plan, 40)
    text = _text(best._repr_html_())
    assert "Nhiệm vụ nên làm với 40 ngày công" in text
    assert "Chọn 2.1, 2.3, 3.1, 3.6, 5.7.2, 6.3.2, 7.1.1.3, 7.1.3, 7.2.5" in text
    assert "Điểm kỳ vọng 88,5275" in text
    assert f"… và {len(best.frontier) - 12} mức khác" in text
    records = best.to_records()
    assert [(r["budget"], r["expected"]) for r in records] == [
        (f.budget, f.expected) for f in best.frontier
    ]
    assert records[1]["tasks"] == "3.6"


def test_a_ranking_shows_its_units(rules: RuleSet) -> None:
    ranking = rank(score_many(rules, ROOT / "examples" / "district_2022"))
    text = _text(ranking._repr_html_())
    assert "Xếp hạng 7 đơn vị theo bộ tiêu chí criteria_2022" in text
    assert "1 Phường mẫu F 95,35 Tốt" in text
    assert "3= Phường mẫu C 87,25 Khá" in text
    records = ranking.to_records("float")
    assert [(r["rank"], r["unit"], r["total"]) for r in records] == [
        (u.rank, u.unit, float(u.total)) for u in ranking.units
    ]
    assert records[0]["IX"] == 20.35
    assert "Không có đơn vị nào được xếp hạng." in _text(rank([])._repr_html_())


def test_to_frame_needs_pandas_and_says_so(rules: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    card = evaluate(rules, load_evidence(EXAMPLE / "evidence.toml"))
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        card.to_frame()


def test_to_frame_with_pandas(rules: RuleSet) -> None:
    pytest.importorskip("pandas")
    card = evaluate(rules, load_evidence(EXAMPLE / "evidence.toml"))
    frame = card.to_frame()
    assert list(frame["code"]) == [n.code for n in card.nodes]
    assert frame["points"].dtype == float
