"""Results as people and programs read them: tables (tabulate), text ledgers and JSON.

Every function here turns values into text or JSON-ready dicts; none reads or writes files.
Decimals go into JSON as strings, so nothing is lost to floating point.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs
from tabulate import tabulate

from .numbers import format_number

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from .annex import Appraisal
    from .batch import LossTable, RankedUnit, Ranking, UnitResult
    from .evaluation import NodeScore, Scorecard
    from .evidence import FactValue
    from .model import Criterion, Rule, RuleSet
    from .numbers import Lang
    from .optimise import BestPlan, FrontierPoint
    from .plan import Plan, Task
    from .projection import Projection
    from .reconcile import Finding

__all__ = [
    "EXCEL_MISSING",
    "Format",
    "Part",
    "appraisal_json",
    "batch_json",
    "batch_xlsx",
    "best_plan_json",
    "findings_json",
    "losses_csv",
    "losses_json",
    "projection_json",
    "ranking_csv",
    "ranking_json",
    "render_appraisal",
    "render_batch",
    "render_best_plan",
    "render_findings",
    "render_ledger",
    "render_projection",
    "render_scorecard",
    "results_csv",
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
    return card.rating.label(lang) if card.rating is not None else None


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
            {"rating": band.label(lang), "probability": round(p, _PLACES)}
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
            [[b.label(lang), pct(p)] for b, p in projection.ratings],
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


# --------------------------------------------------------------------------- batches

#: What ``cchc-score rank --only`` keeps: the ranking, the loss table, or both (``None``).
Part = Literal["ranking", "losses"]

#: Said when a workbook is asked for and openpyxl is not installed.
EXCEL_MISSING = (
    "writing .xlsx needs openpyxl, which the 'excel' extra installs: "
    'pip install "cchc-score[excel]"'
)

_BATCH_WORDS = {
    "vi": {
        "ranking": "Xếp hạng {n} đơn vị theo bộ tiêu chí {rules}",
        "rank": "Hạng",
        "tied": "Đồng hạng",
        "tied_cell": "đồng hạng",
        "unit": "Đơn vị",
        "total": "Tổng điểm",
        "rating": "Xếp loại",
        "tie": "Dấu {mark} sau hạng: đồng hạng (cùng tổng điểm).",
        "none_ranked": "Không có đơn vị nào được xếp hạng.",
        "losses": "Điểm bị trừ theo tiêu chí ({n} tiêu chí; tổng cộng {lost} điểm bị trừ)",
        "no_loss": "Không đơn vị nào bị trừ điểm.",
        "code": "Mã",
        "criterion": "Tiêu chí",
        "max": "Tối đa",
        "units_lost": "Số ĐV bị trừ",
        "lost": "Tổng trừ",
        "sum": "Cộng",
        "invalid": "Đơn vị chưa được xếp hạng vì số liệu có lỗi ({n})",
        "no_name": "(không có tên)",
        "sheet_ranking": "Xếp hạng",
        "sheet_losses": "Điểm trừ",
        "sheet_invalid": "Số liệu có lỗi",
        "problems": "Lỗi",
        "where": "Nơi",
    },
    "en": {
        "ranking": "Ranking of {n} units under {rules}",
        "rank": "Rank",
        "tied": "Tied",
        "tied_cell": "tied",
        "unit": "Unit",
        "total": "Total",
        "rating": "Rating",
        "tie": "{mark} after a rank: tied (the same total).",
        "none_ranked": "No unit was ranked.",
        "losses": "Points lost by criterion ({n} criteria; {lost} points lost in all)",
        "no_loss": "No unit lost points.",
        "code": "Code",
        "criterion": "Criterion",
        "max": "Maximum",
        "units_lost": "Units losing",
        "lost": "Total lost",
        "sum": "Total",
        "invalid": "Units not ranked because their evidence has problems ({n})",
        "no_name": "(no name)",
        "sheet_ranking": "Ranking",
        "sheet_losses": "Deductions",
        "sheet_invalid": "Invalid evidence",
        "problems": "Problems",
        "where": "Where",
    },
}
_TIE = "="


def _domain_points(card: Scorecard) -> dict[str, Decimal]:
    return {domain.code: card.points_of(domain.code) for domain in card.rules.domains}


def _rank_label(unit: RankedUnit) -> str:
    return f"{unit.rank}{_TIE}" if unit.tied else str(unit.rank)


def _invalid_json(result: UnitResult) -> dict[str, Any]:
    return {
        "unit": result.unit,
        "source": result.source,
        "line": result.line,
        "problems": [str(p) for p in result.problems],
    }


def ranking_json(ranking: Ranking, lang: Lang = "vi") -> list[dict[str, Any]]:
    """The ranked units as JSON-ready data: rank, tie, unit, total, rating, domain points."""
    return [
        {
            "rank": unit.rank,
            "tied": unit.tied,
            "unit": unit.unit,
            "total": _json_value(unit.total),
            "max": _json_value(unit.scorecard.max),
            "rating": _band_name(unit.scorecard, lang),
            "domains": {code: _json_value(p) for code, p in _domain_points(unit.scorecard).items()},
            "source": unit.source,
            "line": unit.line,
        }
        for unit in ranking.units
    ]


def losses_json(table: LossTable, lang: Lang = "vi") -> dict[str, Any]:
    """A loss table as JSON-ready data: the units, each one's points lost, and per criterion
    its total loss, how many units lost points on it and each unit's deduction."""
    return {
        "units": list(table.units),
        "lost": dict(zip(table.units, map(_json_value, table.lost), strict=True)),
        "criteria": [
            {
                "code": row.code,
                "name": _criterion_name(row.criterion, lang),
                "max": _json_value(row.criterion.max),
                "total": _json_value(row.total),
                "units_lost": row.units_lost,
                "deductions": dict(zip(table.units, map(_json_value, row.deductions), strict=True)),
            }
            for row in table.criteria
        ],
    }


def batch_json(
    ranking: Ranking, table: LossTable, lang: Lang = "vi", only: Part | None = None
) -> dict[str, Any]:
    """A batch as JSON-ready data: the rules, the ranking, the loss table (``only`` keeps one
    of the two) and the units not ranked with their problems."""
    rules = ranking.rules
    out: dict[str, Any] = {"rules": rules.id if rules is not None else None}
    if only != "losses":
        out["ranking"] = ranking_json(ranking, lang)
    if only != "ranking":
        out["losses"] = losses_json(table, lang)
    out["invalid"] = [_invalid_json(r) for r in ranking.invalid]
    return out


def _criterion_name(criterion: Criterion, lang: Lang) -> str:
    return criterion.name_en if lang == "en" and criterion.name_en else criterion.name


def render_batch(
    ranking: Ranking,
    table: LossTable,
    fmt: Format = "table",
    lang: Lang = "vi",
    by_domain: bool = False,
    only: Part | None = None,
) -> str:
    """A batch report: the ranking (with each domain's points if ``by_domain``), the loss
    table, then the units not ranked with their problems. ``only`` keeps one of the first
    two. With ``fmt="json"``, :func:`batch_json` as text."""
    if fmt == "json":
        return to_json(batch_json(ranking, table, lang, only))
    parts = []
    if only != "losses":
        parts.append(_render_ranking(ranking, fmt, lang, by_domain))
    if only != "ranking" and ranking.units:
        parts.append(_render_losses(table, fmt, lang))
    if ranking.invalid:
        parts.append(_render_invalid(ranking.invalid, fmt, lang))
    return "\n".join(parts)


def _heading(text: str, fmt: Format) -> str:
    return f"**{text}**" if fmt == "markdown" else text


def _render_ranking(ranking: Ranking, fmt: Format, lang: Lang, by_domain: bool) -> str:
    w = _BATCH_WORDS[lang]
    rules = ranking.rules
    if rules is None:
        return w["none_ranked"] + "\n"
    codes = [d.code for d in rules.domains] if by_domain else []
    rows = [
        [
            _rank_label(unit),
            unit.unit,
            _points(unit.total, lang),
            _band_name(unit.scorecard, lang) or _LABELS[lang]["none"],
            *(_points(p, lang) for p in _domain_points(unit.scorecard).values() if by_domain),
        ]
        for unit in ranking.units
    ]
    text = tabulate(
        rows,
        headers=[w["rank"], w["unit"], w["total"], w["rating"], *codes],
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
        colalign=("right", "left", "right", "left", *("right" for _ in codes)),
    )
    lines = [_heading(w["ranking"].format(n=len(ranking.units), rules=rules.id), fmt), "", text]
    if any(unit.tied for unit in ranking.units):
        lines += ["", w["tie"].format(mark=_TIE)]
    return "\n".join(lines) + "\n"


def _render_losses(table: LossTable, fmt: Format, lang: Lang) -> str:
    w = _BATCH_WORDS[lang]
    all_lost = sum(table.lost, Decimal(0))
    head = w["losses"].format(n=len(table.criteria), lost=_points(all_lost, lang))
    if not table.criteria:
        return w["no_loss"] + "\n"

    def cell(value: Decimal) -> str:
        return _points(value, lang) if value else ""

    rows = [
        [
            row.code,
            _criterion_name(row.criterion, lang),
            format_number(row.criterion.max, lang),
            str(row.units_lost),
            _points(row.total, lang),
            *(cell(d) for d in row.deductions),
        ]
        for row in table.criteria
    ]
    rows.append(["", w["sum"], "", "", _points(all_lost, lang), *(cell(d) for d in table.lost)])
    text = tabulate(
        rows,
        headers=[w["code"], w["criterion"], w["max"], w["units_lost"], w["lost"], *table.units],
        tablefmt="github" if fmt == "markdown" else "simple",
        disable_numparse=True,
        colalign=("left", "left", "right", "right", "right", *("right" for _ in table.units)),
        # Wrapped in a terminal, so that seven or eight units fit across.
        maxcolwidths=[None, 30, None, None, None, *(None for _ in table.units)]
        if fmt == "table"
        else None,
        maxheadercolwidths=[None, None, 7, 7, 7, *(8 for _ in table.units)]
        if fmt == "table"
        else None,
    )
    return f"{_heading(head, fmt)}\n\n{text}\n"


def _render_invalid(invalid: Sequence[UnitResult], fmt: Format, lang: Lang) -> str:
    w = _BATCH_WORDS[lang]
    lines = [_heading(w["invalid"].format(n=len(invalid)), fmt), ""]
    for result in invalid:
        name = result.unit or w["no_name"]
        lines.append(f"{'- ' if fmt == 'markdown' else ''}{name} ({result.where})")
        indent = "  - " if fmt == "markdown" else "    "
        lines += [f"{indent}{problem}" for problem in result.problems]
    return "\n".join(lines) + "\n"


# CSV: stable column keys and decimal points, for programs and spreadsheets alike.


def _csv_text(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _unit_cells(card: Scorecard | None, codes: Sequence[str], lang: Lang) -> list[str]:
    if card is None:
        return ["", "", "", *("" for _ in codes)]
    domains = _domain_points(card)
    return [
        _json_value(card.total),
        _json_value(card.max),
        _band_name(card, lang) or "",
        *(_json_value(domains[code]) for code in codes),
    ]


def _where_cells(source: str | None, line: int | None) -> list[str]:
    return [source or "", "" if line is None else str(line)]


def ranking_csv(ranking: Ranking, lang: Lang = "vi") -> str:
    """The ranking as CSV: ``rank, tied, unit, total, max, rating``, a column per domain,
    ``source, line, problems``; then the units not ranked, with empty rank and points and
    their problems (one per line in the cell)."""
    rules = ranking.rules
    codes = [d.code for d in rules.domains] if rules is not None else []
    header = ["rank", "tied", "unit", "total", "max", "rating", *codes]
    rows: list[Sequence[object]] = [[*header, "source", "line", "problems"]]
    for unit in ranking.units:
        rows.append(
            [
                unit.rank,
                "true" if unit.tied else "false",
                unit.unit,
                *_unit_cells(unit.scorecard, codes, lang),
                *_where_cells(unit.source, unit.line),
                "",
            ]
        )
    for result in ranking.invalid:
        rows.append(
            [
                "",
                "",
                result.unit,
                *_unit_cells(None, codes, lang),
                *_where_cells(result.source, result.line),
                "\n".join(str(p) for p in result.problems),
            ]
        )
    return _csv_text(rows)


def losses_csv(table: LossTable, lang: Lang = "vi") -> str:
    """The loss table as CSV: ``code, name, max, units_lost, total``, then a column per unit
    with its deduction (0.00 where it lost nothing)."""
    rows: list[Sequence[object]] = [["code", "name", "max", "units_lost", "total", *table.units]]
    for row in table.criteria:
        rows.append(
            [
                row.code,
                _criterion_name(row.criterion, lang),
                _json_value(row.criterion.max),
                row.units_lost,
                _json_value(row.total),
                *(_json_value(d) for d in row.deductions),
            ]
        )
    return _csv_text(rows)


def results_csv(rules: RuleSet, results: Iterable[UnitResult], lang: Lang = "vi") -> Iterator[str]:
    """Each unit's total, rating and domain points as CSV text, a line at a time, in the order
    the results come: memory stays flat however many units stream through.

    Columns: ``unit, total, max, rating``, a column per domain, ``source, line, problems``;
    a unit that was not scored has empty points and its problems (one per line in the cell).

    >>> from cchc_score import load_rules, score_many
    >>> rules = load_rules("criteria_2022")
    >>> lines = results_csv(rules, score_many(rules, "examples/district_2022"))
    >>> next(lines)
    'unit,total,max,rating,I,II,III,IV,V,VI,VII,VIII,IX,source,line,problems\\n'
    """
    codes = [d.code for d in rules.domains]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Sequence[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(["unit", "total", "max", "rating", *codes, "source", "line", "problems"])
    for result in results:
        yield line(
            [
                result.unit,
                *_unit_cells(result.scorecard if result.ok else None, codes, lang),
                *_where_cells(result.source, result.line),
                "\n".join(str(p) for p in result.problems),
            ]
        )


def batch_xlsx(
    ranking: Ranking, table: LossTable, lang: Lang = "vi", only: Part | None = None
) -> bytes:
    """A workbook (.xlsx) with a ranking sheet, a deductions sheet (``only`` keeps one) and,
    when some units were not ranked, a sheet listing them with their problems. Points are
    numbers shown with two decimals.

    Raises:
        ImportError: openpyxl is not installed (``pip install "cchc-score[excel]"``).
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:
        raise ImportError(EXCEL_MISSING) from exc
    w = _BATCH_WORDS[lang]
    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)

    def sheet(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
        ws = book.create_sheet(title)
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(list(row))
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, Decimal):
                    cell.number_format = "0.00"
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a name, not a formula
        ws.freeze_panes = "A2"
        return ws

    rules = ranking.rules
    codes = [d.code for d in rules.domains] if rules is not None else []
    if only != "losses":
        ws = sheet(
            w["sheet_ranking"],
            [w["rank"], w["tied"], w["unit"], w["total"], w["rating"], *codes],
            (
                [
                    u.rank,
                    w["tied_cell"] if u.tied else "",
                    u.unit,
                    u.total,
                    _band_name(u.scorecard, lang) or "",
                    *_domain_points(u.scorecard).values(),
                ]
                for u in ranking.units
            ),
        )
        ws.column_dimensions["C"].width = 28
    if only != "ranking":
        rows: list[list[object]] = [
            [
                row.code,
                _criterion_name(row.criterion, lang),
                row.criterion.max,
                row.units_lost,
                row.total,
                *row.deductions,
            ]
            for row in table.criteria
        ]
        rows.append(["", w["sum"], None, None, sum(table.lost, Decimal(0)), *table.lost])
        ws = sheet(
            w["sheet_losses"],
            [w["code"], w["criterion"], w["max"], w["units_lost"], w["lost"], *table.units],
            rows,
        )
        ws.column_dimensions["B"].width = 48
        ws.freeze_panes = "C2"
    if ranking.invalid:
        ws = sheet(
            w["sheet_invalid"],
            [w["unit"], w["where"], w["problems"]],
            ([r.unit, r.where, "\n".join(str(p) for p in r.problems)] for r in ranking.invalid),
        )
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["C"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
