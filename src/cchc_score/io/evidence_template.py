"""An evidence skeleton for a rule set: every fact its rules read and every criterion whose
points are entered, each commented with its label, type, unit, allowed values or items and
the criteria that read it (Publicodes' "missing inputs"). Values already known (from an
earlier evidence file) are filled in; the rest are left as commented lines to fill in, so
the file loads as evidence once they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import syntax
from ..carry import renamed_facts
from ..kinds import kind_of
from ..numbers import format_number
from ..words import pick, text

if TYPE_CHECKING:
    from decimal import Decimal

    from ..evidence import Evidence
    from ..facts import Fact
    from ..model import RuleSet
    from ..numbers import Lang

__all__ = ["evidence_template"]


def evidence_template(
    rules: RuleSet,
    *,
    unit: str | None = None,
    known: Evidence | None = None,
    rules_ref: str | None = None,
    lang: Lang = "vi",
) -> str:
    """The skeleton as TOML text.

    Args:
        rules: the rules the evidence is for.
        unit: the unit's name (else the known evidence's, else left to fill in).
        known: evidence whose facts and appraised points are filled in; facts renamed by
            the rules' ``[renamed]`` are carried under their new names.
        rules_ref: what the file's ``rules =`` says (a bundled name, or a path from the
            file's folder); ``None`` leaves it out.
        lang: the language of the comments.

    >>> from cchc_score import load_rules
    >>> text_ = evidence_template(load_rules("criteria_2022"), unit="Xã A", lang="en")
    >>> print(text_.split("[facts]")[1].split("\\n\\n")[1])
    # tasks in the annual PAR plan
    #   count (nhiệm vụ), at least 1; read by 1.2
    # cchc_plan_tasks_total =
    """
    readers: dict[str, list[str]] = {}
    entered: list[str] = []
    for node in rules.nodes():
        if not node.is_leaf:
            continue
        kind = kind_of(node.rule)
        for fact_name in kind.facts(node.rule):
            readers.setdefault(fact_name, []).append(node.code)
        if kind.appraised:
            entered.append(node.code)
    facts: dict[str, object] = {}
    appraised: dict[str, Decimal] = {}
    if known is not None:
        facts = renamed_facts(dict(known.facts), rules)[0]
        appraised = dict(known.appraised)
    name = unit or (known.unit if known is not None else None)
    title = pick(rules.name, rules.name_en, lang)
    lines = [f"# {text('template.head', lang, rules=rules.id, name=title)}"]
    lines.append(f"# {text('template.how', lang)}")
    lines.append(f"unit = {syntax.value(name)}" if name else "# unit =")
    lines.append(f"year = {rules.year}")
    if rules_ref is not None:
        lines.append(f"rules = {syntax.value(rules_ref)}")
    lines += ["", "[facts]"]
    for fact in rules.facts:
        if fact.name not in readers:
            continue
        lines += ["", *_fact_comment(fact, readers[fact.name], lang)]
        lines.append(_entry(fact.name, facts.get(fact.name)))
    lines += ["", "[appraised]"]
    for code in entered:
        node = rules.node(code)
        lines += ["", f"# {code}: {pick(node.name, node.name_en, lang)}"]
        lines.append("#   " + text("template.points", lang, max=format_number(node.max, lang)))
        given = appraised.get(code)
        if given is not None and given > node.max:
            lines.append("#   " + text("template.above", lang, value=format_number(given, lang)))
            given = None
        lines.append(_entry(code, given))
    return "\n".join(lines) + "\n"


def _entry(name: str, value: object) -> str:
    if value is None:
        return f"# {syntax.key(name)} ="
    shown = list(value) if isinstance(value, (tuple, frozenset)) else value
    return f"{syntax.key(name)} = {syntax.value(shown)}"


def _fact_comment(fact: Fact, codes: list[str], lang: Lang) -> list[str]:
    detail = [fact.type + (f" ({fact.unit})" if fact.unit else "")]
    if fact.minimum is not None and fact.minimum != 0:
        detail.append(text("template.min", lang, min=format_number(fact.minimum, lang)))
    if fact.maximum is not None:
        detail.append(text("template.max", lang, max=format_number(fact.maximum, lang)))
    detail_line = ", ".join(detail) + "; " + text("template.read_by", lang, codes=", ".join(codes))
    out = [f"# {pick(fact.label, fact.label_en, lang)}", f"#   {detail_line}"]
    if fact.levels:
        out.append("#   " + text("template.levels", lang, values=syntax.value(list(fact.levels))))
    if fact.items:
        out.append("#   " + text("template.items", lang, values=syntax.value(list(fact.items))))
    if fact.type == "ratio":
        out.append("#   " + text("template.ratio", lang))
    return out
