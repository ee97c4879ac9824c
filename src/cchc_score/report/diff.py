"""``diff``: what changed between two rule sets, and what it does to one unit's score."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..numbers import format_number
from ..rules_diff import ScoreDiff
from ..words import text
from .common import Format, document, heading, json_optional, points, shown, style, to_json

if TYPE_CHECKING:
    from ..carry import Carried
    from ..numbers import Lang
    from ..rules_diff import Change, RulesDiff

__all__ = ["change_sentence", "diff_json", "render_diff"]


def _value(value: object, lang: Lang) -> str:
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return format_number(value, lang)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return "—" if value is None else str(value)


def change_sentence(change: Change, lang: Lang = "vi") -> str:
    """One change in words: "tối đa 3 → 3,5", "target: 0,5 → 0,6", "added (maximum 0,75)".

    >>> from decimal import Decimal
    >>> from cchc_score.rules_diff import Change
    >>> change_sentence(Change("criterion", "7.1.2", "param", "target", Decimal("0.5"),
    ...     Decimal("0.6")), "en")
    'rule target: 0.5 → 0.6'
    """
    fields = {
        "name": change.name,
        "key": change.key or "",
        "old": _value(change.old, lang),
        "new": _value(change.new, lang),
    }
    code = f"diff.{change.subject}.{change.what}"
    if change.what == "changed" and change.subject == "criterion":
        code = f"diff.criterion.{change.key}"
    return text(code, lang, **fields)


@shown
def render_diff(diff: RulesDiff | ScoreDiff, fmt: Format = "table", lang: Lang = "vi") -> str:
    """The changes as a table; with a unit's scores, each node's points under both and why.

    ``fmt="json"`` gives :func:`diff_json`.
    """
    if fmt == "json":
        return to_json(document("diff", diff_json(diff, lang)))
    rules = diff.rules if isinstance(diff, ScoreDiff) else diff
    title = text("diff.title", lang, old=rules.old.id, new=rules.new.id)
    out = [heading(title, fmt), ""]
    if not rules.changes:
        out.append(text("diff.none", lang))
    else:
        rows = [
            [text(f"diff.subject.{c.subject}", lang), c.name, change_sentence(c, lang)]
            for c in rules.changes
        ]
        headers = [text("diff.subject", lang), text("diff.name", lang), text("diff.change", lang)]
        out.append(tabulate(rows, headers=headers, tablefmt=style(fmt), disable_numparse=True))
    if isinstance(diff, ScoreDiff):
        out += ["", *_scores(diff, fmt, lang)]
    return "\n".join(out) + "\n"


def _scores(diff: ScoreDiff, fmt: Format, lang: Lang) -> list[str]:
    places = max(diff.rules.old.decimals, diff.rules.new.decimals)
    total = text(
        "diff.total",
        lang,
        unit=diff.before.unit,
        old=points(diff.before.total, lang, places),
        new=points(diff.after.total, lang, places),
        delta=_signed(diff.delta, lang, places),
    )
    out = [heading(total, fmt), ""]
    unknown = [c.name for c in diff.carried if c.step in ("not_given", "refused")]
    if unknown:
        at_max = sum((diff.after.points_of(code) for code in unknown), Decimal(0))
        out += [
            text(
                "diff.unknown",
                lang,
                points=points(at_max, lang, places),
                codes=", ".join(unknown),
            ),
            "",
        ]
    before, after = diff.before.rating, diff.after.rating
    if before != after:
        out += [
            text(
                "diff.rating",
                lang,
                old=before.shown(lang) if before else "—",
                new=after.shown(lang) if after else "—",
            ),
            "",
        ]
    rows = [
        [
            n.code,
            "—" if n.old is None else points(n.old, lang, places),
            "—" if n.new is None else points(n.new, lang, places),
            _signed(n.delta, lang, places),
            _reasons(n.changes, n.carried, n.node.is_leaf, lang),
        ]
        for n in diff.nodes
    ]
    headers = [
        text("report.code", lang),
        diff.rules.old.id,
        diff.rules.new.id,
        text("diff.delta", lang),
        text("diff.why", lang),
    ]
    out.append(
        tabulate(
            rows,
            headers=headers,
            tablefmt=style(fmt),
            disable_numparse=True,
            colalign=("left", "right", "right", "right", "left"),
        )
    )
    if diff.carried:
        out += ["", heading(text("diff.carried", lang), fmt)]
        out += [f"- {c.sentence(lang)}" for c in diff.carried]
    return out


def _signed(value: Decimal, lang: Lang, places: int) -> str:
    if value > 0:
        return "+" + points(value, lang, places)
    if value < 0:
        return "−" + points(-value, lang, places)
    return points(value, lang, places)


def _reasons(
    changes: tuple[Change, ...], carried: tuple[Carried, ...], leaf: bool, lang: Lang
) -> str:
    said = [_node_reason(c, lang) for c in changes] + [c.sentence(lang) for c in carried]
    if not said:
        said = [text("diff.from_children" if not leaf else "diff.from_evidence", lang)]
    return "; ".join(said)


def _node_reason(change: Change, lang: Lang) -> str:
    sentence = change_sentence(change, lang)
    if change.subject == "fact":
        return text("diff.fact_reason", lang, name=change.name, change=sentence)
    return sentence


def diff_json(diff: RulesDiff | ScoreDiff, lang: Lang = "vi") -> dict[str, Any]:
    """The diff as JSON-ready data: every change (with its sentence in ``lang``) and, with
    a unit's scores, both totals and each node's points, change and reasons."""
    rules = diff.rules if isinstance(diff, ScoreDiff) else diff
    out: dict[str, Any] = {
        "old": rules.old.id,
        "new": rules.new.id,
        "changes": [_change_json(c, lang) for c in rules.changes],
    }
    if isinstance(diff, ScoreDiff):
        places = max(diff.before.rules.decimals, diff.after.rules.decimals)
        out["unit"] = diff.before.unit
        out["total"] = {
            "old": json_optional(diff.before.total, places),
            "new": json_optional(diff.after.total, places),
            "delta": json_optional(diff.delta, places),
        }
        out["nodes"] = [
            {
                "code": n.code,
                "old": json_optional(n.old, places),
                "new": json_optional(n.new, places),
                "delta": json_optional(n.delta, places),
                "why": _reasons(n.changes, n.carried, n.node.is_leaf, lang),
            }
            for n in diff.nodes
        ]
        out["carried"] = [
            {"step": c.step, "name": c.name, "text": c.sentence(lang)} for c in diff.carried
        ]
    return out


def _change_json(change: Change, lang: Lang) -> dict[str, Any]:
    def plain(value: object) -> object:
        if isinstance(value, Decimal):
            return value  # a parameter or a maximum, exactly as the rules give it
        return list(value) if isinstance(value, tuple) else value

    return {
        "subject": change.subject,
        "name": change.name,
        "what": change.what,
        "key": change.key,
        "old": plain(change.old),
        "new": plain(change.new),
        "text": change_sentence(change, lang),
    }
