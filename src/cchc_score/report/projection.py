"""A projection (``project``): totals if tasks are done, the distribution of the total and
the rating, the timeline by deadline, each task's gain, and the change by domain."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..numbers import format_number, round_points
from ..words import text
from .common import PLACES, Format, json_optional, json_value, points, shown, style, to_json

if TYPE_CHECKING:
    from ..numbers import Lang
    from ..projection import Projection

__all__ = ["projection_json", "render_projection"]


def projection_json(projection: Projection, lang: Lang = "vi") -> dict[str, Any]:
    """A projection as JSON-ready data. Totals are strings; probabilities, the expected
    total and the standard deviation are numbers."""
    dist = projection.distribution
    return {
        "baseline": json_value(projection.baseline.total),
        "all_done": json_value(projection.all_done),
        "chosen": json_value(projection.chosen),
        "chosen_tasks": list(projection.chosen_ids),
        "expected": round(projection.expected, PLACES),
        "std": round(dist.std, PLACES),
        "quantiles": {f"p{int(q * 100)}": json_value(dist.quantile(q)) for q in (0.1, 0.5, 0.9)},
        "sampled": dist.sampled,
        "exact": not dist.sampled,
        "distribution": [
            {"total": json_value(total), "probability": p} for total, p in dist.totals
        ],
        "ratings": [
            {"rating": band.label(lang), "probability": round(p, PLACES)}
            for band, p in projection.ratings
        ],
        "target": None
        if projection.target is None
        else {
            "total": json_value(projection.target),
            "probability": round(projection.target_probability or 0.0, PLACES),
        },
        "timeline": [
            {
                "date": point.date.isoformat(),
                "total": json_value(point.total),
                "expected": round(point.expected, PLACES),
                "tasks": list(point.tasks),
            }
            for point in projection.timeline
        ],
        "tasks": [
            {
                "id": g.id,
                "gain_alone": json_value(g.gain_alone),
                "gain_last": json_value(g.gain_last),
                "probability": json_value(g.probability),
                "effort": json_optional(g.effort),
            }
            for g in projection.tasks
        ],
        "domains": [
            {
                "code": d.code,
                "max": json_value(d.max),
                "baseline": json_value(d.baseline),
                "projected": json_value(d.projected),
            }
            for d in projection.domains
        ],
        "as_of": projection.as_of.isoformat(),
        "not_counted": list(projection.not_counted),
        "defaulted": list(projection.defaulted),
        "carry_over": list(projection.carry_over),
        "next_total": json_optional(projection.next_total),
    }


@shown
def render_projection(projection: Projection, fmt: Format = "table", lang: Lang = "vi") -> str:
    """A projection as a readable report (or JSON). Totals, and the expected totals, are
    shown with the rule set's ``decimals``."""
    if fmt == "json":
        return to_json(projection_json(projection, lang))
    places = projection.baseline.rules.decimals
    table = style(fmt)
    dist = projection.distribution

    def w(code: str, **fields: object) -> str:
        return text(f"projection.{code}", lang, **fields)

    def pts(value: Decimal) -> str:
        return points(value, lang, places)

    def num(value: float) -> str:
        return format_number(round_points(Decimal(repr(value)), places), lang)

    def pct(p: float) -> str:
        return format_number(Decimal(str(round(p * 100, 1))), lang) + "%"

    lines = [w("title", date=projection.as_of.isoformat()), ""]
    summary = [
        [w("baseline"), pts(projection.baseline.total)],
        [w("all_done"), pts(projection.all_done)],
    ]
    if projection.chosen_ids != projection.counted:
        summary.append([w("chosen", n=len(projection.chosen_ids)), pts(projection.chosen)])
    summary += [
        [w("expected"), f"{num(projection.expected)} ({w('std')} {num(dist.std)})"],
        [w("quantiles"), " / ".join(pts(dist.quantile(q)) for q in (0.1, 0.5, 0.9))],
    ]
    if projection.target is not None:
        summary.append(
            [
                w("target", total=pts(projection.target)),
                pct(projection.target_probability or 0.0),
            ]
        )
    lines += [
        tabulate(summary, tablefmt="plain" if fmt == "table" else table, disable_numparse=True),
        "",
    ]
    lines += [
        w("ratings"),
        tabulate(
            [[b.label(lang), pct(p)] for b, p in projection.ratings],
            tablefmt=table,
            disable_numparse=True,
            headers=["", w("prob")],
        ),
        "",
    ]
    lines += [
        w("timeline"),
        tabulate(
            [
                [p.date.isoformat(), pts(p.total), num(p.expected), len(p.tasks)]
                for p in projection.timeline
            ],
            headers=[w("date"), w("total"), w("exp"), w("tasks")],
            tablefmt=table,
            disable_numparse=True,
            colalign=("left", "right", "right", "right"),
        ),
        "",
    ]
    lines += [
        w("gains"),
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
            headers=[w("task"), w("alone"), w("last"), w("prob"), w("effort")],
            tablefmt=table,
            disable_numparse=True,
            colalign=("left", "right", "right", "right", "right"),
        ),
        "",
    ]
    lines += [
        w("domains"),
        tabulate(
            [
                [d.code, format_number(d.max, lang), pts(d.baseline), pts(d.projected)]
                for d in projection.domains
            ],
            headers=[w("code"), w("max"), w("now"), w("then")],
            tablefmt=table,
            disable_numparse=True,
            colalign=("left", "right", "right", "right"),
        ),
    ]
    notes = []
    if projection.not_counted:
        notes.append(w("not_counted", ids=", ".join(projection.not_counted)))
    if projection.defaulted:
        notes.append(w("defaulted", ids=", ".join(projection.defaulted)))
    if projection.next_total is not None:
        notes.append(w("next", total=pts(projection.next_total)))
        notes += [w("carry", item=item) for item in projection.carry_over]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"
