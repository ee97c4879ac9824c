"""Projection and best-plan speed: the example plan, crowded groups and a large spread plan.

Prints one JSON line per figure:

- ``example``: the example ward's plan (19 independent tasks): ``project`` and
  ``best_plan`` for 40 person-days.
- ``one_criterion``: 16, 20 and 22 tasks all on criterion 7.1.2 (restores and partial
  restores): one group of interacting tasks, folded exactly. At 16 tasks the distribution
  is also compared with enumerating all 2¹⁶ outcomes. Target: 20 tasks well under 1 s.
- ``spread``: 120 tasks spread over criteria_2022 (at most 7 per criterion): ``project``
  and ``best_plan`` for a quarter of the total effort.

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
    load_plan,
    load_rules,
    project,
)
from cchc_score.projection import brute_force_distribution

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ward_2022"


def _effect(rnd: random.Random, code: str) -> Any:
    if code == "IX":
        return SetFacts(appraised=(("IX", Decimal(rnd.randint(1905, 2500)) / 100),))
    if rnd.choice(["restore", "partial", "partial"]) == "restore":
        return Restore()
    return PartialRestore(Decimal(rnd.choice(["0.25", "0.5", "0.75"])))


def synthetic_plan(rules: RuleSet, count: int, rnd: random.Random, per_leaf: int) -> Plan:
    """``count`` tasks over the leaves that lost points, at most ``per_leaf`` on each."""
    leaves = [n.code for n in rules.nodes() if n.is_leaf and not n.code.endswith(".r")]
    slots = [code for code in leaves for _ in range(per_leaf)]
    rnd.shuffle(slots)
    return Plan(tuple(_task(rnd, i, code) for i, code in enumerate(slots[:count])), year=2023)


def crowded_plan(count: int, rnd: random.Random, code: str = "7.1.2") -> Plan:
    """``count`` tasks all on one criterion: one group of interacting tasks."""
    return Plan(tuple(_task(rnd, i, code) for i in range(count)), year=2023)


def _task(rnd: random.Random, i: int, code: str) -> Task:
    return Task(
        id=f"T{i:03d}",
        criteria=(code,),
        effect=_effect(rnd, code),
        effect_stated=True,
        effort=Decimal(rnd.randint(1, 10)),
        probability=Decimal(rnd.randint(1, 20)) / 20,
    )


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    rules = load_rules("criteria_2022")
    evidence: Evidence = load_evidence(EXAMPLE / "evidence.toml")

    plan = load_plan(EXAMPLE / "plan.toml")
    emit(
        name="example.project",
        tasks=len(plan.tasks),
        seconds=round(timed(partial(project, rules, evidence, plan)), 5),
        outcomes=len(project(rules, evidence, plan).distribution.totals),
    )
    emit(
        name="example.best_plan",
        tasks=len(plan.tasks),
        budget="40",
        seconds=round(timed(partial(best_plan, rules, evidence, plan, Decimal(40))), 5),
    )

    for n in (16, 20, 22):
        plan = crowded_plan(n, rnd)
        seconds = timed(partial(project, rules, evidence, plan), 3 if n <= 16 else 1)
        projection = project(rules, evidence, plan)
        fields: dict[str, object] = {}
        if n == 16:
            brute = brute_force_distribution(rules, evidence, plan).totals
            fields["agrees_with_brute_force"] = [
                t for t, p in projection.distribution.totals if p > 0
            ] == [t for t, _ in brute]
        emit(
            name="one_criterion.project",
            tasks=n,
            seconds=round(seconds, 4),
            outcomes=len(projection.distribution.totals),
            sampled=projection.distribution.sampled,
            **fields,
        )

    plan = synthetic_plan(rules, 120, rnd, per_leaf=7)
    projection = project(rules, evidence, plan)
    emit(
        name="spread.project",
        tasks=len(plan.tasks),
        seconds=round(timed(partial(project, rules, evidence, plan)), 4),
        outcomes=len(projection.distribution.totals),
        sampled=projection.distribution.sampled,
    )
    budget = Decimal(sum(int(t.effort or 0) for t in plan.tasks) // 4)
    best = best_plan(rules, evidence, plan, budget)
    emit(
        name="spread.best_plan",
        tasks=len(plan.tasks),
        budget=str(budget),
        seconds=round(timed(partial(best_plan, rules, evidence, plan, budget)), 4),
        frontier_points=len(best.frontier),
        expected=str(best.expected),
    )


if __name__ == "__main__":
    main()
