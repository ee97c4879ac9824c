"""What if the ward pushed its digital services, or tightened its discipline?

An analysis script as a district office would write it with the Python API: load the rules
and the ward's evidence, build two what-if scenarios as new evidence (the original is never
changed), score all three, and print where the points move.

    python examples/what_if.py
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tabulate import tabulate

import cchc_score

HERE = Path(__file__).resolve().parent / "ward_2022"

rules = cchc_score.load_rules("criteria_2022")
evidence = cchc_score.load_evidence(HERE / "evidence.toml", rules)

scenarios = {
    "2022 as appraised": evidence,
    # Half the dossiers online (full points from 50%), a fifth through the postal service.
    "digital push": evidence.with_facts(online_dossiers=75, postal_dossier_share="20%"),
    # No late task, report or letter of criticism.
    "discipline": evidence.with_facts(assigned_tasks_late=0, late_reports=0, criticism_letters=0),
}
cards = {name: cchc_score.evaluate(rules, ev) for name, ev in scenarios.items()}
baseline = cards["2022 as appraised"]

rows = []
for domain in baseline.domains:
    row = [domain.code, domain.name("en"), domain.max]
    row += [cards[name].node(domain.code).points for name in scenarios]
    rows.append(row)
rows.append(["", "Total", rules.max, *(card.total for card in cards.values())])
rows.append(
    ["", "Rating", "", *((card.rating.name if card.rating else "-") for card in cards.values())]
)
print(tabulate(rows, headers=["Code", "Domain", "Max", *scenarios], disable_numparse=True))

print()
for name in ("digital push", "discipline"):
    gain = cards[name].total - baseline.total
    print(f"{name}: {gain:+} points")
    for node in cards[name].nodes:
        before = baseline.node(node.code)
        if node.criterion.is_leaf and node.points != before.points:
            print(f"  {node.code}: {before.points} → {node.points}  ({node.explanation('en')})")

assert cards["digital push"].total - baseline.total == Decimal("2.74")  # 1,24 + 1,5
