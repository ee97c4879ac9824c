"""Draw the charts shown in docs/charts.md, from the bundled example ward and district.

Run from the repository's root after a change to a chart: ``python docs/images/make_charts.py``
(it needs the plot extra). Each picture is drawn at 80 dpi and its colours reduced to a
palette (Pillow comes with matplotlib), so that it stays under 60 KB.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from cchc_score import (
    best_plan,
    evaluate,
    load_evidence,
    load_plan,
    load_rules,
    plot,
    project,
    rank,
    score_many,
)
from cchc_score.io.writing import write_output

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "docs" / "images"
WARD = ROOT / "examples" / "ward_2022"
DPI = 80
COLOURS = 96


def main() -> None:
    rules = load_rules("criteria_2022")
    evidence = load_evidence(WARD / "evidence.toml")
    plan = load_plan(WARD / "plan.toml")
    card = evaluate(rules, evidence)
    projection = project(rules, evidence, plan, target="Tốt")
    charts = {
        "losses": plot.losses(card),
        "criteria": plot.losses(card, by="criterion"),
        "distribution": plot.distribution(projection, rules),
        "timeline": plot.timeline(projection),
        "frontier": plot.frontier(best_plan(rules, evidence, plan, 40, target="Tốt")),
        "heatmap": plot.heatmap(rank(score_many(rules, ROOT / "examples" / "district_2022"))),
    }
    for name, figure in charts.items():
        image = Image.open(io.BytesIO(plot.png(figure, DPI))).convert("RGB")
        out = io.BytesIO()
        image.quantize(COLOURS).save(out, format="PNG", optimize=True)
        path = write_output(HERE / f"{name}.png", out.getvalue(), force=True)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
