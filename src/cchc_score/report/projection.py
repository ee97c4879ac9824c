"""A projection (``project``): totals if tasks are done, the distribution of the total and
the rating, the timeline by deadline, each task's gain, and the change by domain."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from ..numbers import format_date, format_number, format_probability, round_points
from ..words import text
from .common import (
    Format,
    deferred_json,
    deferred_notes,
    document,
    fixed,
    json_expected,
    json_points,
    json_probability,
    json_value,
    points,
    rating_json,
    shown,
    style,
    to_json,
)

if TYPE_CHECKING:
    from ..numbers import Lang
    from ..projection import Projection

__all__ = ["projection_json", "render_projection"]


def projection_json(projection: Projection, lang: Lang = "vi") -> dict[str, Any]:
    """A projection as JSON-ready data. Totals, gains, maxima, the expected totals and the
    standard deviation are numbers with the rule set's decimals; probabilities are numbers
    in [0, 1]; ratings carry their ``code`` and their ``name`` in ``lang``."""
    dist = projection.distribution
    places = projection.baseline.rules.decimals

    def pts(value: Decimal) -> Decimal:
        return json_points(value, places)

    return {
        "baseline": pts(projection.baseline.total),
        "all_done": pts(projection.all_done),
        "chosen": pts(projection.chosen),
        "chosen_tasks": list(projection.chosen_ids),
        "expected": json_expected(projection.expected, places),
        "std": json_expected(dist.std, places),
        "quantiles": {f"p{int(q * 100)}": pts(dist.quantile(q)) for q in (0.1, 0.5, 0.9)},
        "sampled": dist.sampled,
        "exact": not dist.sampled,
        "distribution": [
            {"total": pts(total), "probability": json_probability(p)} for total, p in dist.totals
        ],
        "ratings": [
            {"rating": rating_json(band, lang), "probability": json_probability(p)}
            for band, p in projection.ratings
        ],
        "target": None
        if projection.target is None
        else {
            "total": pts(projection.target),
            "probability": json_probability(projection.target_probability or 0.0),
        },
        "timeline": [
            {
                "date": point.date.isoformat(),
                "total": pts(point.total),
                "expected": json_expected(point.expected, places),
                "tasks": list(point.tasks),
            }
            for point in projection.timeline
        ],
        "tasks": [
            {
                "id": g.id,
                "gain_alone": pts(g.gain_alone),
                "gain_last": pts(g.gain_last),
                "probability": json_value(g.probability),
                "effort": json_value(g.effort),
            }
            for g in projection.tasks
        ],
        "domains": [
            {
                "code": d.code,
                "max": pts(d.max),
                "baseline": pts(d.baseline),
                "projected": pts(d.projected),
            }
            for d in projection.domains
        ],
        "as_of": projection.as_of.isoformat(),
        "deferred": deferred_json(projection.deferred),
        "not_counted": list(projection.not_counted),
        "defaulted": list(projection.defaulted),
        "carry_over": list(projection.carry_over),
        "next_total": None if projection.next_total is None else pts(projection.next_total),
        "carried": [
            {"step": c.step, "name": c.name, "text": c.sentence(lang)} for c in projection.carried
        ],
    }


@shown
def render_projection(projection: Projection, fmt: Format = "table", lang: Lang = "vi") -> str:
    """A projection as a readable report (or JSON). Totals, and the expected totals, are
    shown with the rule set's ``decimals``."""
    if fmt == "json":
        return to_json(document("project", projection_json(projection, lang)))
    places = projection.baseline.rules.decimals
    table = style(fmt)
    dist = projection.distribution

    def w(code: str, **fields: object) -> str:
        return text(f"projection.{code}", lang, **fields)

    def pts(value: Decimal) -> str:
        return points(value, lang, places)

    def num(value: float) -> str:
        return format_number(round_points(Decimal(repr(value)), places), lang)

    def pct(p: float | Decimal) -> str:
        return format_probability(p, lang)

    lines = [w("title", date=format_date(projection.as_of, lang)), ""]
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
            [[b.shown(lang), pct(p)] for b, p in projection.ratings],
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
                [format_date(p.date, lang), pts(p.total), num(p.expected), len(p.tasks)]
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
                    pct(g.probability),
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
                [d.code, fixed(d.max, lang, places), pts(d.baseline), pts(d.projected)]
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
    notes += deferred_notes(projection.deferred, lang)
    if projection.next_total is not None:
        notes.append(w("next", total=pts(projection.next_total)))
        notes += [w("carry", item=item) for item in projection.carry_over]
        notes += [
            text("projection.carried", lang, item=c.sentence(lang)) for c in projection.carried
        ]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"
