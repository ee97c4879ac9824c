"""Whatever a plan's tasks say, the Word annex reads back to the same tasks, and the HTML
page shows them escaped and stays well-formed.

Task texts, leads and partners are drawn from Vietnamese words and from characters a
hostile file may hold (markup, quotes, formula signs, line breaks, control characters);
deadlines from every form the reader knows. The reader makes each cell one line (its
whitespace collapsed), so that is what is compared.
"""

from __future__ import annotations

import html
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_score import load_evidence, load_rules
from cchc_score.io.annex import read_annex
from cchc_score.plan import Plan, Task
from cchc_score.report.unit import unit_report
from cchc_score.report.unit_docx import plan_docx
from cchc_score.report.unit_html import unit_html

from ..conftest import EXAMPLE

pytest.importorskip("docx")

RULES = load_rules("criteria_2022")
EVIDENCE = load_evidence(EXAMPLE / "evidence.toml")
# The example ward's criteria that lost points (its ledger), IX being a domain row.
CODES = ["1.2", "1.7", "2.1", "3.6", "5.7.2", "6.3.2", "7.1.1.3", "IX"]

WORDS = [
    "Văn phòng", "– Thống kê", "Công chức", "Tư pháp", "Hộ tịch", "(Kế toán - NS; VHXX)",
    "<b>", "&amp;", "'", '"', "=SUM(A1)", "+1", "@x", "-", "điểm", "1,5", "Tổng cộng",
    "Xếp loại: Tốt", "Tiêu chí 1.2:", "\n", "\t", "\x07", "\u200b", "  ",
]  # fmt: skip
DEADLINES = ["", "Năm 2023", "Quý II/2023", "Tháng 9/2023", "30/6/2023", "Thường xuyên"]

text = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
# A partner is one name: the reader splits the column on ";" outside parentheses.
partner = text.filter(lambda s: ";" not in s and s.strip() and s.count("(") == s.count(")"))


def _one_line(value: str) -> str:
    """A cell as the annex reader gives it back: control characters shown as ``\\uXXXX``
    (the writer escapes what Word's XML cannot hold), zero-width characters dropped,
    whitespace collapsed."""
    value = re.sub("[\x00-\x08\x0b-\x1f]", lambda m: f"\\u{ord(m.group()):04x}", value)
    return " ".join(value.replace("\u200b", "").split())


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    codes = draw(st.lists(st.sampled_from(CODES), min_size=1, max_size=6, unique=True))
    tasks = [
        Task(
            id=code,
            criteria=(code,),
            action=draw(text),
            lead=draw(text),
            partners=tuple(draw(st.lists(partner, max_size=3))),
            deadline=draw(st.sampled_from(DEADLINES)),
        )
        for code in sorted(codes, key=CODES.index)
    ]
    return Plan(tuple(tasks), year=2023)


@settings(max_examples=25, deadline=None)
@given(plans())
def test_the_word_annex_reads_back_to_the_same_tasks(plan: Plan) -> None:
    report = unit_report(RULES, EVIDENCE, plan=plan)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        path.write_bytes(plan_docx(report))
        _, read = read_annex(path)
    # A row with no task, lead, partner or deadline is no task to the reader.
    expected = [
        (t.criteria, _one_line(t.action), _one_line(t.lead),
         tuple(_one_line(p) for p in t.partners if _one_line(p)), t.deadline.text)
        for t in plan.tasks
        if _one_line(t.action) or _one_line(t.lead) or any(map(_one_line, t.partners))
        or t.deadline.text
    ]  # fmt: skip
    assert [
        (t.criteria, t.action, t.lead, t.partners, t.deadline.text) for t in read.tasks
    ] == expected


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


@settings(max_examples=25, deadline=None)
@given(plans())
def test_the_page_shows_every_task_escaped(plan: Plan) -> None:
    page = unit_html(unit_report(RULES, EVIDENCE, plan=plan))
    parser = _Texts()
    parser.feed(page)
    assert "script" not in parser.tags
    assert set(parser.tags) <= {
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "section",
        "table", "thead", "tbody", "tr", "th", "td",
    }  # fmt: skip
    shown = html.unescape(page)
    for task in plan.tasks:
        assert task.action.replace("\x07", "\\u0007") in shown
