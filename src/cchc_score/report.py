"""Results as people and programs read them: tables (tabulate), text ledgers and JSON.

Every function here turns values into text or JSON-ready dicts; none reads or writes files.
Decimals go into JSON as strings, so nothing is lost to floating point.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs
from tabulate import tabulate

from .numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .annex import Appraisal
    from .evaluation import NodeScore, Scorecard
    from .evidence import FactValue
    from .model import Band, Rule, RuleSet
    from .numbers import Lang
    from .optimise import BestPlan, FrontierPoint
    from .plan import Plan, Task
    from .projection import Projection
    from .reconcile import Finding

__all__ = [
    "Format",
    "appraisal_json",
    "best_plan_json",
    "findings_json",
    "projection_json",
    "render_appraisal",
    "render_best_plan",
    "render_findings",
    "render_ledger",
    "render_projection",
    "render_scorecard",
    "rule_json",
    "ruleset_summary",
    "scorecard_json",
    "to_json",
]

Format = Literal["table", "markdown", "json"]

_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "code": "Mã",
        "name": "Lĩnh vực, tiêu chí",
        "max": "Điểm tối đa",
        "points": "Điểm đạt",
        "deduction": "Điểm trừ",
        "total": "Tổng điểm",
        "rating": "Xếp loại",
        "none": "không xếp loại",
        "unit": "Đơn vị",
        "year": "năm",
        "ledger": "Các tiêu chí bị trừ điểm",
        "ledger_node": "Điểm của {code} và các tiêu chí thành phần",
        "no_loss": "Không có tiêu chí nào bị trừ điểm.",
        "lost": "trừ {lost} điểm",
    },
    "en": {
        "code": "Code",
        "name": "Domain, criterion",
        "max": "Maximum",
        "points": "Points",
        "deduction": "Deduction",
        "total": "Total",
        "rating": "Rating",
        "none": "no rating",
        "unit": "Unit",
        "year": "year",
        "ledger": "Criteria that lost points",
        "ledger_node": "Points of {code} and everything under it",
        "no_loss": "No criterion lost points.",
        "lost": "lost {lost}",
    },
}


def to_json(value: Any) -> str:
    """JSON text with Vietnamese kept readable (not ``\\u`` escaped) and a final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _points(value: Decimal, lang: Lang) -> str:
    return format_number(value.quantize(Decimal("0.01")), lang)


def _json_value(value: FactValue | Decimal) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, frozenset):
        return sorted(value)
    return value


def rule_json(rule: Rule) -> dict[str, Any]:
    """A rule's kind and parameters as JSON-ready data (decimals as strings)."""
    out: dict[str, Any] = {"kind": rule.kind}
    for field in attrs.fields(type(rule)):
        value = getattr(rule, field.name)
        if field.name == "kind" or value is None:
            continue
        if field.name == "steps":
            out["steps"] = [
                {"min": _json_value(s.min), "points": _json_value(s.points)} for s in value
            ]
        elif field.name in ("points", "items"):
            out[field.name] = {name: _json_value(points) for name, points in value}
        else:
            out[field.name] = _json_value(value)
    return out


def _node_json(node: NodeScore, lang: Lang) -> dict[str, Any]:
    return {
        "code": node.code,
        "name": node.name(lang),
        "max": _json_value(node.max),
        "points": _json_value(node.points),
        "deduction": _json_value(node.deduction),
        "depth": node.depth,
        "status": node.status,
        "rule": rule_json(node.criterion.rule),
        "inputs": {fact.name: _json_value(value) for fact, value in node.inputs},
        "explanation": node.explanation(lang),
    }


def scorecard_json(card: Scorecard, lang: Lang = "vi") -> dict[str, Any]:
    """The whole scorecard as JSON-ready data: total, max, rating and every node."""
    return {
        "unit": card.unit,
        "year": card.year,
        "rules": card.rules.id,
        "total": _json_value(card.total),
        "max": _json_value(card.max),
        "rating": _band_name(card, lang),
        "nodes": [_node_json(node, lang) for node in card.nodes],
    }


def _band_name(card: Scorecard, lang: Lang) -> str | None:
    band = card.rating
    if band is None:
        return None
    return band.name_en if lang == "en" and band.name_en else band.name


def render_scorecard(
    card: Scorecard, fmt: Format = "table", lang: Lang = "vi", depth: int = 1
) -> str:
    """The scorecard as a table of nodes down to ``depth`` (1 = domains), then total, rating.

    With ``fmt="json"`` every node is included, whatever ``depth``.
    """
    if fmt == "json":
        return to_json(scorecard_json(card, lang))
    words = _LABELS[lang]
    rows = [
        [
            node.code,
            "  " * node.depth + node.name(lang),
            format_number(node.max, lang),
            _points(node.points, lang),
            _points(node.deduction, lang),
        ]
        for node in card.nodes
        if node.depth < depth
    ]
    headers = [words["code"], words["name"], words["max"], words["points"], words["deduction"]]
    table = tabulate(
        rows,
        headers=headers,
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
        colalign=("left", "left", "right", "right", "right"),
        maxcolwidths=[None, 70, None, None, None] if fmt == "table" else None,
    )
    title = f"{words['unit']}: {card.unit}" + (
        f", {words['year']} {card.year}" if card.year is not None else ""
    )
    total = f"{words['total']}: {_points(card.total, lang)}/{format_number(card.max, lang)}"
    rating = f"{words['rating']}: {_band_name(card, lang) or words['none']}"
    if fmt == "markdown":
        return f"**{title}**\n\n{table}\n\n**{total}**. {rating}.\n"
    return f"{title}\n\n{table}\n\n{total}\n{rating}\n"


def render_ledger(
    card: Scorecard, code: str | None = None, fmt: Format = "table", lang: Lang = "vi"
) -> str:
    """The deduction ledger: every criterion that lost points, largest loss first.

    With ``code``, that node and everything under it instead, in tree order.
    """
    nodes: Iterable[NodeScore] = card.deductions() if code is None else card.subtree(code)
    nodes = tuple(nodes)
    if fmt == "json":
        return to_json(
            {
                "unit": card.unit,
                "total": _json_value(card.total),
                "lost": _json_value(sum((n.deduction for n in card.deductions()), Decimal(0))),
                "nodes": [_node_json(node, lang) for node in nodes],
            }
        )
    words = _LABELS[lang]
    if code is None:
        lost = sum((n.deduction for n in nodes), Decimal(0))
        head = f"{words['ledger']} ({len(nodes)}, {words['lost'].format(lost=_points(lost, lang))})"
        if not nodes:
            return words["no_loss"] + "\n"
    else:
        head = words["ledger_node"].format(code=code)
    bold = "**" if fmt == "markdown" else ""
    lines = [f"{bold}{head}{bold}", ""]
    for node in nodes:
        score = f"{_points(node.points, lang)}/{format_number(node.max, lang)}"
        loss = f"−{_points(node.deduction, lang)}" if node.deduction else " 0"
        lines.append(
            f"{'- ' if fmt == 'markdown' else ''}{node.code:<8} {loss:>6}  {score:>11}  "
            f"{node.name(lang)}"
        )
        lines.append(f"{'  ' if fmt == 'markdown' else ''}{'':<8} → {node.explanation(lang)}")
    return "\n".join(lines) + "\n"


def ruleset_summary(rules: RuleSet) -> str:
    """One line saying what a valid rule set holds."""
    nodes = list(rules.nodes())
    leaves = sum(1 for n in nodes if n.is_leaf)
    return (
        f"{rules.source or rules.id}: OK: {rules.name}; {format_number(rules.max, 'en')} points, "
        f"{len(rules.domains)} domains, {len(nodes) - len(rules.domains)} criteria "
        f"({leaves} scored by rules or appraisal), {len(rules.facts)} facts, "
        f"{len(rules.bands)} rating bands"
    )


# --------------------------------------------------------------------------- annex


def appraisal_json(appraisal: Appraisal, plan: Plan) -> dict[str, Any]:
    """An imported annex as JSON-ready data: ``nodes`` and ``tasks``."""
    return {
        "source": appraisal.source,
        "total": _json_value(appraisal.total) if appraisal.total is not None else None,
        "rating": appraisal.rating,
        "nodes": [
            {
                "code": node.code,
                "level": node.level,
                "name": node.name,
                "max": _optional(node.max),
                "score": _optional(node.score),
                "stated_deduction": _optional(node.stated_deduction),
                "reason": node.reason,
                "line": node.line,
            }
            for node in appraisal.nodes
        ],
        "tasks": [_task_json(task) for task in plan.tasks],
    }


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else _json_value(value)


def _task_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "criteria": list(task.criteria),
        "action": task.action,
        "lead": task.lead,
        "partners": list(task.partners),
        "deadline_text": task.deadline.text,
        "deadline": task.deadline.date.isoformat() if task.deadline.date else None,
        "deadline_kind": task.deadline.kind,
        "effect": task.effect.kind,
        "effect_stated": task.effect_stated,
        "effort": _optional(task.effort),
        "probability": _json_value(task.probability),
    }


def render_appraisal(appraisal: Appraisal, plan: Plan, fmt: Format = "table") -> str:
    """An imported annex: its rows, then its tasks."""
    if fmt == "json":
        return to_json(appraisal_json(appraisal, plan))
    style = "github" if fmt == "markdown" else "simple"

    def show(value: Decimal | None) -> str:
        return "" if value is None else format_number(value, "vi")

    rows = [
        [n.line, n.code, n.name[:60], show(n.max), show(n.score), show(n.stated_deduction)]
        for n in appraisal.nodes
    ]
    nodes = tabulate(
        rows,
        headers=["Dòng", "Mã", "Tên", "Tối đa", "Điểm chấm", "Trừ (ghi)"],
        tablefmt=style,
        disable_numparse=True,
    )
    tasks = tabulate(
        [
            [t.id, t.lead, t.deadline.text, t.deadline.date.isoformat() if t.deadline.date else "—"]
            for t in plan.tasks
        ],
        headers=["Nhiệm vụ", "Chủ trì", "Thời hạn", "Ngày"],
        tablefmt=style,
        disable_numparse=True,
    )
    total = "" if appraisal.total is None else f"\nTổng điểm ghi: {show(appraisal.total)}\n"
    return f"{nodes}\n{total}\n{tasks}\n"


def findings_json(findings: Sequence[Finding], lang: Lang = "vi") -> dict[str, Any]:
    """Reconciliation findings as JSON-ready data."""
    return {
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "findings": [
            {
                "severity": f.severity,
                "code": f.code,
                "kind": f.kind,
                "stated": _optional(f.stated) if f.stated is not None else f.stated_text or None,
                "computed": _optional(f.computed)
                if f.computed is not None
                else f.computed_text or None,
                "line": f.line,
                "message": f.message(lang),
            }
            for f in findings
        ],
    }


def render_findings(findings: Sequence[Finding], fmt: Format = "table", lang: Lang = "vi") -> str:
    """Reconciliation findings, one per row, in annex order."""
    if fmt == "json":
        return to_json(findings_json(findings, lang))
    words = {
        "vi": ("Không có sai lệch nào.", "lỗi", "cảnh báo"),
        "en": ("No inconsistency found.", "errors", "warnings"),
    }[lang]
    if not findings:
        return words[0] + "\n"
    rows = [
        [f.severity, f.code, "" if f.line is None else f.line, f.message(lang)] for f in findings
    ]
    headers = {
        "vi": ["Mức", "Mã", "Dòng", "Nội dung"],
        "en": ["Severity", "Code", "Line", "Finding"],
    }[lang]
    table = tabulate(
        rows,
        headers=headers,
        disable_numparse=True,
        tablefmt="github" if fmt == "markdown" else "simple",
        maxcolwidths=[None, None, None, 90] if fmt == "table" else None,
    )
    errors = sum(1 for f in findings if f.severity == "error")
    return f"{table}\n\n{errors} {words[1]}, {len(findings) - errors} {words[2]}\n"


# --------------------------------------------------------------------------- projection

_PLACES = 6  # probabilities in reports
_CENTS = Decimal("0.01")


def projection_json(projection: Projection, lang: Lang = "vi") -> dict[str, Any]:
    """A projection as JSON-ready data. Totals are strings; probabilities, the expected
    total and the standard deviation are numbers."""
    dist = projection.distribution
    return {
        "baseline": _json_value(projection.baseline.total),
        "all_done": _json_value(projection.all_done),
        "chosen": _json_value(projection.chosen),
        "chosen_tasks": list(projection.chosen_ids),
        "expected": round(projection.expected, _PLACES),
        "std": round(dist.std, _PLACES),
        "quantiles": {f"p{int(q * 100)}": _json_value(dist.quantile(q)) for q in (0.1, 0.5, 0.9)},
        "sampled": dist.sampled,
        "distribution": [
            {"total": _json_value(total), "probability": p} for total, p in dist.totals
        ],
        "ratings": [
            {"rating": _band_label(band, lang), "probability": round(p, _PLACES)}
            for band, p in projection.ratings
        ],
        "target": None
        if projection.target is None
        else {
            "total": _json_value(projection.target),
            "probability": round(projection.target_probability or 0.0, _PLACES),
        },
        "timeline": [
            {
                "date": point.date.isoformat(),
                "total": _json_value(point.total),
                "expected": round(point.expected, _PLACES),
                "tasks": list(point.tasks),
            }
            for point in projection.timeline
        ],
        "tasks": [
            {
                "id": g.id,
                "gain_alone": _json_value(g.gain_alone),
                "gain_last": _json_value(g.gain_last),
                "probability": _json_value(g.probability),
                "effort": _optional(g.effort),
            }
            for g in projection.tasks
        ],
        "domains": [
            {
                "code": d.code,
                "max": _json_value(d.max),
                "baseline": _json_value(d.baseline),
                "projected": _json_value(d.projected),
            }
            for d in projection.domains
        ],
        "as_of": projection.as_of.isoformat(),
        "not_counted": list(projection.not_counted),
        "defaulted": list(projection.defaulted),
        "carry_over": list(projection.carry_over),
        "next_total": _optional(projection.next_total),
    }


def _band_label(band: Band, lang: Lang) -> str:
    return band.name_en if lang == "en" and band.name_en else band.name


_PROJECTION_WORDS = {
    "vi": {
        "title": "Dự báo điểm khi thực hiện kế hoạch khắc phục (đánh giá ngày {date})",
        "baseline": "Điểm hiện tại",
        "all_done": "Nếu hoàn thành mọi nhiệm vụ",
        "chosen": "Nếu hoàn thành các nhiệm vụ đã chọn ({n})",
        "expected": "Kỳ vọng (theo xác suất hoàn thành)",
        "std": "độ lệch chuẩn",
        "quantiles": "Phân vị 10% / 50% / 90%",
        "ratings": "Xác suất xếp loại",
        "target": "Xác suất đạt {total} điểm",
        "timeline": "Tiến độ theo thời hạn",
        "date": "Ngày",
        "total": "Điểm nếu xong",
        "exp": "Kỳ vọng",
        "tasks": "Số nhiệm vụ",
        "gains": "Đóng góp của từng nhiệm vụ",
        "task": "Nhiệm vụ",
        "alone": "Riêng lẻ",
        "last": "Làm sau cùng",
        "prob": "Xác suất",
        "effort": "Công (ngày)",
        "domains": "Theo lĩnh vực",
        "code": "Mã",
        "now": "Hiện tại",
        "then": "Dự báo",
        "sampled": "Lưu ý: có nhóm nhiệm vụ quá lớn, phân phối được ước lượng bằng {n} mẫu.",
        "not_counted": "Không tính (thời hạn sau ngày đánh giá): {ids}",
        "defaulted": "Chưa nêu tác động, mặc định khôi phục điểm tối đa: {ids}",
        "next": "Theo bộ tiêu chí năm sau: {total} điểm",
        "carry": "Không chuyển được: {item}",
    },
    "en": {
        "title": "Projected score with the remediation plan (assessed on {date})",
        "baseline": "Score now",
        "all_done": "If every task is done",
        "chosen": "If the chosen tasks are done ({n})",
        "expected": "Expected (with completion probabilities)",
        "std": "standard deviation",
        "quantiles": "10% / 50% / 90% quantiles",
        "ratings": "Rating probabilities",
        "target": "Probability of reaching {total}",
        "timeline": "Timeline by deadline",
        "date": "Date",
        "total": "Total if done",
        "exp": "Expected",
        "tasks": "Tasks",
        "gains": "What each task adds",
        "task": "Task",
        "alone": "Alone",
        "last": "As last",
        "prob": "Probability",
        "effort": "Effort (days)",
        "domains": "By domain",
        "code": "Code",
        "now": "Now",
        "then": "Projected",
        "sampled": "Note: a group of tasks was too large to enumerate; {n} samples were drawn.",
        "not_counted": "Not counted (due after the assessment date): {ids}",
        "defaulted": "Effect not stated, restoring the maximum by default: {ids}",
        "next": "Under next year's rules: {total}",
        "carry": "Does not carry over: {item}",
    },
}


def render_projection(projection: Projection, fmt: Format = "table", lang: Lang = "vi") -> str:
    """A projection as a readable report (or JSON)."""
    if fmt == "json":
        return to_json(projection_json(projection, lang))
    w = _PROJECTION_WORDS[lang]
    style = "github" if fmt == "markdown" else "simple"
    dist = projection.distribution

    def pts(value: Decimal) -> str:
        return _points(value, lang)

    def num(value: float) -> str:
        return format_number(Decimal(repr(value)).quantize(_CENTS), lang)

    def pct(p: float) -> str:
        return format_number(Decimal(str(round(p * 100, 1))), lang) + "%"

    lines = [w["title"].format(date=projection.as_of.isoformat()), ""]
    summary = [
        [w["baseline"], pts(projection.baseline.total)],
        [w["all_done"], pts(projection.all_done)],
    ]
    if projection.chosen_ids != projection.counted:
        summary.append([w["chosen"].format(n=len(projection.chosen_ids)), pts(projection.chosen)])
    summary += [
        [w["expected"], f"{num(projection.expected)} ({w['std']} {num(dist.std)})"],
        [w["quantiles"], " / ".join(pts(dist.quantile(q)) for q in (0.1, 0.5, 0.9))],
    ]
    if projection.target is not None:
        summary.append(
            [
                w["target"].format(total=pts(projection.target)),
                pct(projection.target_probability or 0.0),
            ]
        )
    lines += [
        tabulate(summary, tablefmt="plain" if fmt == "table" else style, disable_numparse=True),
        "",
    ]
    lines += [
        w["ratings"],
        tabulate(
            [[_band_label(b, lang), pct(p)] for b, p in projection.ratings],
            tablefmt=style,
            disable_numparse=True,
            headers=["", w["prob"]],
        ),
        "",
    ]
    lines += [
        w["timeline"],
        tabulate(
            [
                [p.date.isoformat(), pts(p.total), num(p.expected), len(p.tasks)]
                for p in projection.timeline
            ],
            headers=[w["date"], w["total"], w["exp"], w["tasks"]],
            tablefmt=style,
            disable_numparse=True,
            colalign=("left", "right", "right", "right"),
        ),
        "",
    ]
    lines += [
        w["gains"],
        tabulate(
            [
                [
                    g.id,
                    pts(g.gain_alone),
                    pts(g.gain_last),
                    format_number(g.probability, lang),
                    "" if g.effort is None else format_number(g.effort, lang),
                ]
                for g in sorted(projection.tasks, key=lambda g: -g.gain_alone * g.probability)
            ],
            headers=[w["task"], w["alone"], w["last"], w["prob"], w["effort"]],
            tablefmt=style,
            disable_numparse=True,
            colalign=("left", "right", "right", "right", "right"),
        ),
        "",
    ]
    lines += [
        w["domains"],
        tabulate(
            [
                [d.code, format_number(d.max, lang), pts(d.baseline), pts(d.projected)]
                for d in projection.domains
            ],
            headers=[w["code"], "Max", w["now"], w["then"]],
            tablefmt=style,
            disable_numparse=True,
            colalign=("left", "right", "right", "right"),
        ),
    ]
    notes = []
    if dist.sampled:
        notes.append(w["sampled"].format(n=dist.samples))
    if projection.not_counted:
        notes.append(w["not_counted"].format(ids=", ".join(projection.not_counted)))
    if projection.defaulted:
        notes.append(w["defaulted"].format(ids=", ".join(projection.defaulted)))
    if projection.next_total is not None:
        notes.append(w["next"].format(total=pts(projection.next_total)))
        notes += [w["carry"].format(item=item) for item in projection.carry_over]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _thin(frontier: Sequence[FrontierPoint], step: Decimal) -> list[FrontierPoint]:
    """The best frontier point within each budget 0, step, 2 × step, …, up to the last."""
    out: list[FrontierPoint] = []
    budget = Decimal(0)
    top = frontier[-1].budget
    while True:
        within = [f for f in frontier if f.budget <= budget]
        if within and (not out or within[-1] != out[-1]):
            out.append(attrs.evolve(within[-1], budget=min(budget, top)))
        if budget >= top:
            return out
        budget += step


def best_plan_json(best: BestPlan) -> dict[str, Any]:
    """A best plan and its frontier as JSON-ready data (totals and budgets as strings)."""
    target = best.target
    return {
        "budget": _json_value(best.budget),
        "baseline": _json_value(best.baseline),
        "chosen": list(best.chosen),
        "effort": _json_value(best.effort),
        "expected": _json_value(best.expected),
        "frontier": [
            {
                "budget": _json_value(f.budget),
                "expected": _json_value(f.expected),
                "chosen": list(f.chosen),
                "effort": _json_value(f.effort),
            }
            for f in best.frontier
        ],
        "target": None
        if target is None
        else {
            "threshold": _json_value(target.threshold),
            "rating": target.rating,
            "confidence": _json_value(target.confidence),
            "chosen": None if target.chosen is None else list(target.chosen),
            "effort": _optional(target.effort),
            "probability": None
            if target.probability is None
            else round(target.probability, _PLACES),
            "proven": target.proven,
        },
    }


_PLAN_WORDS = {
    "vi": {
        "title": "Nhiệm vụ nên làm với {budget} ngày công",
        "chosen": "Chọn",
        "effort": "Công",
        "expected": "Điểm kỳ vọng",
        "baseline": "Hiện tại",
        "frontier": "Điểm kỳ vọng tốt nhất theo số ngày công",
        "budget": "Ngày công",
        "tasks": "Nhiệm vụ",
        "target": "Rẻ nhất để đạt {what} với xác suất ≥ {q}: {ids} ({effort} ngày công, "
        "xác suất {p})",
        "target_none": "Không có tập nhiệm vụ nào đạt {what} với xác suất ≥ {q}.",
        "unproven": " (dừng ở giới hạn tìm kiếm: có thể còn phương án rẻ hơn)",
    },
    "en": {
        "title": "Tasks to do with {budget} person-days",
        "chosen": "Chosen",
        "effort": "Effort",
        "expected": "Expected total",
        "baseline": "Now",
        "frontier": "Best expected total by budget",
        "budget": "Budget",
        "tasks": "Tasks",
        "target": "Cheapest to reach {what} with probability ≥ {q}: {ids} ({effort} "
        "person-days, probability {p})",
        "target_none": "No set of tasks reaches {what} with probability ≥ {q}.",
        "unproven": " (stopped at the search limit: a cheaper set may exist)",
    },
}


def render_best_plan(
    best: BestPlan, fmt: Format = "table", lang: Lang = "vi", step: Decimal | None = None
) -> str:
    """A best plan and its frontier as a readable report (or JSON).

    With ``step``, the frontier is shown only at budgets 0, step, 2 × step, … (the best
    plan within each), for a short summary.
    """
    if fmt == "json":
        return to_json(best_plan_json(best))
    w = _PLAN_WORDS[lang]
    style = "github" if fmt == "markdown" else "simple"
    lines = [w["title"].format(budget=format_number(best.budget, lang)), ""]
    lines.append(
        tabulate(
            [
                [w["chosen"], ", ".join(best.chosen) or "—"],
                [w["effort"], format_number(best.effort, lang)],
                [w["baseline"], _points(best.baseline, lang)],
                [w["expected"], format_number(best.expected.quantize(Decimal("0.0001")), lang)],
            ],
            tablefmt="plain" if fmt == "table" else style,
            disable_numparse=True,
        )
    )
    frontier = best.frontier if step is None else _thin(best.frontier, step)
    lines += [
        "",
        w["frontier"],
        tabulate(
            [
                [
                    format_number(f.budget, lang),
                    format_number(f.expected.quantize(Decimal("0.0001")), lang),
                    ", ".join(f.chosen),
                ]
                for f in frontier
            ],
            headers=[w["budget"], w["expected"], w["tasks"]],
            tablefmt=style,
            disable_numparse=True,
            colalign=("right", "right", "left"),
            maxcolwidths=[None, None, 70] if fmt == "table" else None,
        ),
    ]
    target = best.target
    if target is not None:
        what = target.rating or format_number(target.threshold, lang)
        q = format_number(target.confidence, lang)
        if target.chosen is None:
            text = w["target_none"].format(what=what, q=q)
        else:
            text = w["target"].format(
                what=what,
                q=q,
                ids=", ".join(target.chosen),
                effort=format_number(target.effort or Decimal(0), lang),
                p=format_number(Decimal(str(round(target.probability or 0.0, 4))), lang),
            )
        lines += ["", text + ("" if target.proven else w["unproven"])]
    return "\n".join(lines) + "\n"
