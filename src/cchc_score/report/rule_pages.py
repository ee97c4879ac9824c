"""Rule pages (``cchc-score docs``): a static Markdown site for a rule set, one page per
domain and criterion and an index, in Vietnamese and English (Publicodes' documentation,
for this index). Pages are generated from the rules, never edited by hand.

Each page gives the node's name, maximum, place in the tree, the rule in words and its
parameters, the facts it reads (label, type, unit, allowed values), its provenance
(``reference``, ``basis``, assumed or the decision's) and a worked example: the rule applied
to sample values of its facts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ..errors import CchcScoreError
from ..evaluation import evaluate
from ..evidence import Evidence
from ..kinds import kind_of
from ..model import parent_code
from ..numbers import format_number
from ..words import WORDS, text, text_n
from .common import to_json

if TYPE_CHECKING:
    from ..evaluation import Scorecard
    from ..facts import Fact
    from ..model import Band, Criterion, RuleSet

__all__ = ["page_name", "rule_pages", "sample_evidence"]

_LANGS = ("vi", "en")


def page_name(code: str) -> str:
    """The file name of a node's page: ``7.1.2.md``, ``IX.md``."""
    return f"{code}.md"


def rule_pages(rules: RuleSet) -> dict[str, str]:
    """Every page of the site: file name → Markdown text (``index.md`` first).

    >>> from cchc_score import load_rules
    >>> pages = rule_pages(load_rules("criteria_2022"))
    >>> len(pages), list(pages)[:3]
    (42, ['index.md', 'I.md', '1.2.md'])
    """
    card = _worked(rules)
    pages = {"index.md": _index(rules)}
    for node in rules.nodes():
        pages[page_name(node.code)] = _page(rules, node, card)
    return pages


def sample_evidence(rules: RuleSet) -> Evidence:
    """Evidence with a sample value for every fact and the maximum for every entered
    criterion: what a page's worked example scores. A count is 8 where more is better, 1
    where less is, 10 where neither (a denominator), within its bounds; a ratio 80% (10%
    where less is better); a level the middle one; a checklist its first half."""
    facts = {fact.name: _sample(fact) for fact in rules.facts}
    appraised = {n.code: n.max for n in rules.nodes() if n.is_leaf and kind_of(n.rule).appraised}
    return Evidence(text("pages.sample_unit", "vi"), rules.year, facts, appraised)


def _sample(fact: Fact) -> object:
    if fact.type in ("count", "number"):
        value = Decimal({"higher": 8, "lower": 1}.get(fact.better, 10))
        if fact.minimum is not None:
            value = max(value, fact.minimum)
        if fact.maximum is not None:
            value = min(value, fact.maximum)
        return int(value) if fact.type == "count" else value
    if fact.type == "ratio":
        return Decimal("0.1") if fact.better == "lower" else Decimal("0.8")
    if fact.type == "level":
        return fact.levels[len(fact.levels) // 2]
    if fact.type == "checklist":
        return tuple(fact.items[: len(fact.items) // 2])
    return True


def _worked(rules: RuleSet) -> Scorecard | None:
    try:
        return evaluate(rules, sample_evidence(rules))
    except CchcScoreError:
        return None  # a kind with checks the samples do not meet: pages without examples


def _both(code: str, **fields: object) -> str:
    return " / ".join(text(code, lang, **fields) for lang in _LANGS)  # type: ignore[arg-type]


def _both_n(code: str, n: int) -> str:
    return " / ".join(text_n(code, n, lang) for lang in _LANGS)  # type: ignore[arg-type]


def _band(band: Band) -> str:
    """The band's names, each marked when the band is assumed."""
    if band.provenance != "assumed":
        return _names(band.name, band.name_en)
    return " / ".join(band.shown(lang) for lang in _LANGS)  # type: ignore[arg-type]


def _names(vi: str, en: str | None) -> str:
    return vi if not en or en == vi else f"{vi} / {en}"


def _link(node: Criterion) -> str:
    return f"[{node.code} {node.name}]({page_name(node.code)})"


def _index(rules: RuleSet) -> str:
    lines = [f"# {_names(rules.name, rules.name_en)}", ""]
    lines.append(
        f"- {_both('pages.id')}: `{rules.id}`; {_both('pages.year')}: {rules.year}; "
        f"{_both('pages.max')}: {format_number(rules.max)}"
    )
    if rules.basis:
        lines.append(f"- {_both('pages.basis')}: {rules.basis}")
    lines += ["", f"## {_both('pages.domains')}", ""]
    for domain in rules.domains:
        lines += _tree(domain, 0)
    lines += ["", f"## {_both('pages.bands')}", ""]
    lines += [f"| {_both('pages.band')} | {_both('pages.from')} |", "|---|---|"]
    lines += [f"| {_band(b)} | {format_number(b.min)} |" for b in rules.bands]
    basis = [b.basis for b in rules.bands if b.basis]
    if basis:
        lines += ["", f"{_both('pages.basis')}: {' '.join(basis)}"]
    lines += ["", f"## {_both('pages.facts')}", ""]
    lines += [f"| {_both('pages.fact')} | {_both('pages.label')} | {_both('pages.type')} |"]
    lines.append("|---|---|---|")
    lines += [f"| `{f.name}` | {_names(f.label, f.label_en)} | {f.type} |" for f in rules.facts]
    return "\n".join(lines) + "\n"


def _tree(node: Criterion, depth: int) -> list[str]:
    lines = [f"{'  ' * depth}- {_link(node)} ({format_number(node.max)})"]
    for child in node.children:
        lines += _tree(child, depth + 1)
    return lines


def _page(rules: RuleSet, node: Criterion, card: Scorecard | None) -> str:
    lines = [f"# {node.code} {_names(node.name, node.name_en)}", ""]
    lines.append(f"- {_both('pages.max')}: {format_number(node.max)}")
    if node not in rules.domains:
        lines.append(f"- {_both('pages.parent')}: {_link(rules.node(parent_code(node.code)))}")
    lines.append(f"- {_both('pages.home')}: [{rules.id}](index.md)")
    if node.looks_back:
        lines.append(f"- {_both_n('period.looks_back', node.looks_back)}")
    if node.children:
        lines += ["", f"## {_both('pages.children')}", ""]
        lines += [f"- {_link(c)} ({format_number(c.max)})" for c in node.children]
    lines += ["", f"## {_both('pages.rule')}", ""]
    kind = kind_of(node.rule).name
    for lang in _LANGS:
        code = f"pages.kind.{kind}"
        said = text(code, lang) if code in WORDS else kind  # type: ignore[arg-type]
        lines.append(f"- {lang}: {said}")
    params = kind_of(node.rule).to_json(node.rule)
    params.pop("kind", None)
    if params and node.is_leaf:
        lines += ["", f"| {_both('pages.parameter')} | {_both('pages.value')} |", "|---|---|"]
        lines += [f"| `{k}` | {_cell(v)} |" for k, v in params.items()]
    if node.is_leaf:
        lines += _facts(rules, node)
    lines += _provenance(node)
    if card is not None:
        lines += ["", f"## {_both('pages.example')}", ""]
        score = card.node(node.code)
        for lang in _LANGS:
            lines.append(f"- {lang}: {score.explanation(lang)}")  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    shown = value if isinstance(value, str) else to_json(value, one_line=True)
    return "`" + shown.replace("|", "\\|").replace("`", "'") + "`"


def _facts(rules: RuleSet, node: Criterion) -> list[str]:
    names = kind_of(node.rule).facts(node.rule)
    if not names:
        return []
    lines = ["", f"## {_both('pages.facts')}", ""]
    for name in names:
        fact = rules.fact(name)
        lines.append(f"- `{name}`: {_names(fact.label, fact.label_en)}")
        detail = [f"{_both('pages.type')}: {fact.type}"]
        if fact.unit:
            detail.append(f"{_both('pages.unit')}: {fact.unit}")
        if fact.minimum is not None:
            detail.append(f"min {format_number(fact.minimum)}")
        if fact.maximum is not None:
            detail.append(f"max {format_number(fact.maximum)}")
        lines.append(f"  - {'; '.join(detail)}")
        allowed = fact.levels or fact.items
        if allowed:
            lines.append(f"  - {_both('pages.allowed')}: " + ", ".join(f"“{a}”" for a in allowed))
    return lines


def _provenance(node: Criterion) -> list[str]:
    lines = ["", f"## {_both('pages.provenance')}", ""]
    if node.reference:
        lines.append(f"- {_both('pages.reference')}: {node.reference}")
    if node.basis:
        lines.append(f"- {_both('pages.basis')}: {node.basis}")
    provenance = node.rule_provenance
    if provenance is not None:
        key = "provenance.decision" if provenance == "decision" else "provenance.assumed_short"
        lines.append(f"- {_both('pages.rule_from')}: {_both(key)}")
    return lines
