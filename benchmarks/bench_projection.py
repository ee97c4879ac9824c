"""Projection and best-plan speed: exact grouping against brute force, and large plans.

Prints one JSON line per figure:

- ``projection.vs_brute_force``: n = 8 … 16 tasks on a few shared criteria; the exact
  projection (groups enumerated, distributions convolved) against enumerating all 2ⁿ
  outcomes. Target: ≥ 100× faster at n = 16.
- ``projection.exact`` and ``best_plan``: 60 and 200 tasks spread over criteria_2022.
  Target: 60 tasks well under a second.

    python benchmarks/bench_projection.py [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from cchc_score import (
    Evidence,
    PartialRestore,
    Plan,
    Restore,
    RuleSet,
    SetFacts,
    Task,
    best_plan,
    load_evidence,
    load_rules,
    project,
)
from cchc_score.projection import brute_force_distribution

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ward_2022" / "evidence.toml"


def synthetic_plan(rules: RuleSet, count: int, rnd: random.Random, per_leaf: int) -> Plan:
    """``count`` tasks over the leaves that lost points, at most ``per_leaf`` on each."""
    leaves = [n.code for n in rules.nodes() if n.is_leaf and not n.code.endswith(".r")]
    slots = [code for code in leaves for _ in range(per_leaf)]
    rnd.shuffle(slots)
    tasks = []
    for i, code in enumerate(slots[:count]):
        kind = rnd.choice(["restore", "partial", "partial"])
        effect: Any = (
            Restore()
            if kind == "restore"
            else PartialRestore(Decimal(rnd.choice(["0.25", "0.5", "0.75"])))
        )
        if code == "IX":
            effect = SetFacts(appraised=(("IX", Decimal(rnd.randint(1905, 2500)) / 100),))
        tasks.append(
            Task(
                id=f"T{i:03d}",
                criteria=(code,),
                effect=effect,
                effect_stated=True,
                effort=Decimal(rnd.randint(1, 10)),
                probability=Decimal(rnd.randint(1, 20)) / 20,
            )
        )
    return Plan(tuple(tasks), year=2023)


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    rules = load_rules("criteria_2022")
    evidence: Evidence = load_evidence(EXAMPLE)

    for n in range(8, 17, 2):
        plan = synthetic_plan(rules, n, rnd, per_leaf=2)
        exact = timed(partial(project, rules, evidence, plan))
        brute = timed(partial(brute_force_distribution, rules, evidence, plan), 1)
        same = project(rules, evidence, plan).distribution.totals
        reference = brute_force_distribution(rules, evidence, plan).totals
        agree = [t for t, p in same if p > 1e-15] == [t for t, _ in reference]
        print(
            json.dumps(
                {
                    "name": "projection.vs_brute_force",
                    "tasks": n,
                    "seconds": round(exact, 5),
                    "brute_force_seconds": round(brute, 4),
                    "speedup": round(brute / exact, 1),
                    "agree": agree,
                }
            )
        )

    for n in (60, 200):
        plan = synthetic_plan(rules, n, rnd, per_leaf=8)
        seconds = timed(partial(project, rules, evidence, plan))
        projection = project(rules, evidence, plan)
        print(
            json.dumps(
                {
                    "name": "projection.exact",
                    "tasks": n,
                    "seconds": round(seconds, 4),
                    "outcomes": len(projection.distribution.totals),
                    "sampled": projection.distribution.sampled,
                }
            )
        )
        budget = Decimal(sum(int(t.effort or 0) for t in plan.tasks) // 4)
        seconds = timed(partial(best_plan, rules, evidence, plan, budget), 1)
        best = best_plan(rules, evidence, plan, budget)
        print(
            json.dumps(
                {
                    "name": "best_plan",
                    "tasks": n,
                    "budget": str(budget),
                    "seconds": round(seconds, 4),
                    "frontier_points": len(best.frontier),
                    "expected": str(best.expected),
                }
            )
        )


if __name__ == "__main__":
    main()
