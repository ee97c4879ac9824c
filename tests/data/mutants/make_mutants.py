# ruff: noqa: E501  # a table of literal TOML fragments, each read best on one line
"""Write the single-mistake copies of rules/criteria_2022.toml in this folder, and the valid
province variant tests/data/valid/province_2023.toml.

Each mutant makes ONE mistake a rules author makes, and is named for it. Beside each
``<name>.toml`` a ``<name>.expected`` says what must catch it: a problem code of the loader
(``E-RULES-…``, or ``W-RULES-…`` under ``strict``), a part of an older loader message not yet
given a code (matched in its English text), or ``invariant:<name>`` for :func:`cchc_score.testing.check_invariants`.

Run it again after changing criteria_2022.toml (``python tests/data/mutants/make_mutants.py``)
and review the diff; tests/test_mutants.py fails if a mutant no longer applies.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SOURCE = ROOT / "rules" / "criteria_2022.toml"

# The 6.1 disbursement table as decisions write it: "từ 90% đến dưới 100%: 0,9 điểm".
BANDS_61 = """[[criteria.rule.steps]]
min = 1
points = 1
[[criteria.rule.steps]]
min = 0.9
points = 0.9
[[criteria.rule.steps]]
min = 0.8
points = 0.75
[[criteria.rule.steps]]
min = 0.7
points = 0.5
[[criteria.rule.steps]]
min = 0
points = 0
"""
BOTH_ENDS_61 = """[[criteria.rule.steps]]
min = 1
points = 1
[[criteria.rule.steps]]
min = 0.9
below = 1
points = 0.9
[[criteria.rule.steps]]
min = 0.8
below = 0.9
points = 0.75
[[criteria.rule.steps]]
min = 0.7
below = 0.8
points = 0.5
[[criteria.rule.steps]]
min = 0
below = 0.7
points = 0
"""
BANDS_66 = """[[criteria.rule.steps]]
min = 4
points = 0
[[criteria.rule.steps]]
min = 1
points = 0.25
"""


def _reversed_points(table: str) -> str:
    """A step table with its points in the opposite order."""
    lines = table.splitlines(keepends=True)
    points = [line for line in lines if line.startswith("points = ")]
    flipped = iter(reversed(points))
    return "".join(next(flipped) if line.startswith("points = ") else line for line in lines)


def _both_ends(old: str, new: str) -> list[tuple[str, str]]:
    """6.1 rewritten with both ends, then one change to that table."""
    return [(BANDS_61, BOTH_ENDS_61.replace(old, new))]


#: name → (replacements made in order, what catches it). One mistake each.
MUTANTS: dict[str, tuple[list[tuple[str, str]], str]] = {
    # --- reachability (loader)
    "ratio_target_above_a_share": (
        [
            (
                'fact = "postal_dossier_share"\ntarget = 0.2',
                'fact = "postal_dossier_share"\ntarget = 2',
            )
        ],
        "E-RULES-RATIO-TARGET-UNREACHABLE",
    ),
    "ratio_of_counts_target_above_one": (
        [('of = "dossiers_total"\ntarget = 0.5', 'of = "dossiers_total"\ntarget = 1.5')],
        "E-RULES-RATIO-TARGET-UNREACHABLE",
    ),
    "ratio_on_a_count_without_of": (
        [
            (
                'fact = "cchc_plan_tasks_done"\nof = "cchc_plan_tasks_total"\n',
                'fact = "cchc_plan_tasks_done"\n',
            )
        ],
        "E-RULES-RATIO-NEEDS-OF",
    ),
    "denominator_may_be_zero": (
        [('unit = "người"\nmin = 1\nbetter = "none"', 'unit = "người"\nbetter = "none"')],
        "E-RULES-RATIO-DENOMINATOR-ZERO",
    ),
    "numerator_bounded_above_its_denominator": (
        [
            (
                'unit = "người"\nmin = 1\nbetter = "none"',
                'unit = "người"\nmin = 1\nmax = 30\nbetter = "none"',
            ),
            (
                '"cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên"\nlabel_en',
                '"cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên"\nmax = 50\nlabel_en',
            ),
        ],
        "E-RULES-RATIO-NUMERATOR-ABOVE",
    ),
    "numerator_never_within_its_denominator": (
        [
            (
                'unit = "người"\nmin = 1\nbetter = "none"',
                'unit = "người"\nmin = 1\nmax = 30\nbetter = "none"',
            ),
            (
                '"cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên"\nlabel_en',
                '"cán bộ, công chức xếp loại hoàn thành tốt nhiệm vụ trở lên"\nmin = 31\nlabel_en',
            ),
        ],
        "E-RULES-RATIO-NUMERATOR-MIN",
    ),
    "checklist_weights_short_of_the_maximum": (
        [
            (
                '"kế hoạch, báo cáo theo dõi thi hành pháp luật" = 2.0',
                '"kế hoạch, báo cáo theo dõi thi hành pháp luật" = 1.5',
            )
        ],
        "E-RULES-CHECKLIST-SHORT",
    ),
    "checklist_item_weighted_zero": (
        [('"góp ý đầy đủ dự thảo của cấp trên" = 0.25', '"góp ý đầy đủ dự thảo của cấp trên" = 0')],
        "E-RULES-CHECKLIST-ZERO",
    ),
    "checklist_weights_above_the_maximum": (
        [
            (
                '"kế hoạch, báo cáo theo dõi thi hành pháp luật" = 2.0',
                '"kế hoạch, báo cáo theo dõi thi hành pháp luật" = 2.5',
            )
        ],
        "can award more than the criterion's maximum",
    ),
    "levels_best_level_below_the_maximum": (
        [('"cấp tỉnh, bộ, ngành trở lên" = 1.5', '"cấp tỉnh, bộ, ngành trở lên" = 1.25')],
        "E-RULES-MAX-UNREACHABLE",
    ),
    "levels_point_above_the_maximum": (
        [('"cấp tỉnh, bộ, ngành trở lên" = 1.5', '"cấp tỉnh, bộ, ngành trở lên" = 2.0')],
        "can award more than the criterion's maximum",
    ),
    "level_without_points": (
        [('"không đạt" = 0\n"đạt một phần" = 1.25\n', '"không đạt" = 0\n')],
        "has no points",
    ),
    "bands_top_step_below_the_maximum": (
        [(BANDS_61, BANDS_61.replace("min = 1\npoints = 1\n", "min = 1\npoints = 0.95\n"))],
        "E-RULES-MAX-UNREACHABLE",
    ),
    "bands_step_beyond_a_share": (
        [(BANDS_61, BANDS_61.replace("min = 1\npoints = 1\n", "min = 1.2\npoints = 1\n"))],
        "E-RULES-BANDS-STEP-UNREACHABLE",
    ),
    "bands_lowest_step_missing": (
        [(BANDS_66 + "[[criteria.rule.steps]]\nmin = 0\npoints = 0.5\n", BANDS_66)],
        "leave a gap",
    ),
    "bands_listed_lowest_first": (
        [
            (
                BANDS_66,
                BANDS_66.replace("min = 4\npoints = 0", "MIN4")
                .replace("min = 1\npoints = 0.25", "min = 4\npoints = 0")
                .replace("MIN4", "min = 1\npoints = 0.25"),
            )
        ],
        "steps must be listed from the highest min down",
    ),
    "bands_both_ends_row_dropped": (
        _both_ends("[[criteria.rule.steps]]\nmin = 0.8\nbelow = 0.9\npoints = 0.75\n", ""),
        "E-RULES-BANDS-GAP",
    ),
    "bands_both_ends_top_row_dropped": (
        _both_ends("[[criteria.rule.steps]]\nmin = 1\npoints = 1\n", ""),
        "E-RULES-BANDS-GAP-ABOVE",
    ),
    "bands_both_ends_overlap": (
        _both_ends("min = 0.8\nbelow = 0.9", "min = 0.8\nbelow = 0.95"),
        "E-RULES-BANDS-OVERLAP",
    ),
    "bands_both_ends_empty_step": (
        _both_ends("min = 0.7\nbelow = 0.8", "min = 0.7\nbelow = 0.7"),
        "E-RULES-BANDS-EMPTY",
    ),
    "deduction_on_a_count_that_is_never_zero": (
        [('unit = "nhiệm vụ"\nbetter = "lower"', 'unit = "nhiệm vụ"\nmin = 1\nbetter = "lower"')],
        "E-RULES-MAX-UNREACHABLE",
    ),
    "deduction_floor_out_of_reach": (
        [('unit = "văn bản"\nbetter = "lower"', 'unit = "văn bản"\nmax = 2\nbetter = "lower"')],
        "E-RULES-MIN-UNREACHABLE",
    ),
    "deduction_each_zero": (
        [
            (
                'fact = "expired_procedures_posted"\neach = 0.5',
                'fact = "expired_procedures_posted"\neach = 0',
            )
        ],
        "must be > 0",
    ),
    # --- direction (loader)
    "bands_upside_down": (
        [(BANDS_61, _reversed_points(BANDS_61))],
        "E-RULES-DIRECTION-LOWER",
    ),
    "bands_not_monotone": (
        [(BANDS_61, BANDS_61.replace("points = 0.75", "points = 0.95"))],
        "E-RULES-DIRECTION-MIXED",
    ),
    "bands_inversion_above_forty": (
        [(BANDS_66, "[[criteria.rule.steps]]\nmin = 50\npoints = 0.5\n" + BANDS_66)],
        "E-RULES-DIRECTION-MIXED",
    ),
    "levels_listed_best_first": (
        [
            (
                'levels = ["không có", "cấp cơ sở", "cấp tỉnh, bộ, ngành trở lên"]',
                'levels = ["cấp tỉnh, bộ, ngành trở lên", "cấp cơ sở", "không có"]',
            )
        ],
        "E-RULES-DIRECTION-LOWER",
    ),
    "levels_points_upside_down": (
        [
            (
                '"không đạt" = 0\n"đạt một phần" = 0.5\n"đạt đầy đủ" = 1.0',
                '"không đạt" = 1.0\n"đạt một phần" = 0.5\n"đạt đầy đủ" = 0',
            )
        ],
        "E-RULES-DIRECTION-LOWER",
    ),
    "deduction_on_a_count_that_is_good": (
        [
            (
                'tasks assigned by the town People\'s Committee or its Chair that were late or unmet"\nunit = "nhiệm vụ"\nbetter = "lower"',
                'tasks assigned by the town People\'s Committee or its Chair that were late or unmet"\nunit = "nhiệm vụ"\nbetter = "higher"',
            )
        ],
        "E-RULES-DIRECTION-LOWER",
    ),
    "numerator_declared_lower_is_better": (
        [('unit = "người"\nbetter = "higher"', 'unit = "người"\nbetter = "lower"')],
        "E-RULES-DIRECTION-HIGHER",
    ),
    "denominator_declared_higher_is_better": (
        [
            (
                'unit = "hồ sơ"\nmin = 1\nbetter = "none"',
                'unit = "hồ sơ"\nmin = 1\nbetter = "higher"',
            )
        ],
        "E-RULES-DIRECTION-LOWER",
    ),
    "checklist_declared_lower_is_better": (
        [
            (
                '"Các chuyên mục khác theo VB 180/STTTT-CNTT"]\nbetter = "higher"',
                '"Các chuyên mục khác theo VB 180/STTTT-CNTT"]\nbetter = "lower"',
            )
        ],
        "E-RULES-DIRECTION-HIGHER",
    ),
    "inversion_hidden_by_better_none": (
        [
            ('unit = "báo cáo"\nbetter = "lower"', 'unit = "báo cáo"\nbetter = "none"'),
            (BANDS_66, BANDS_66.replace("min = 4\npoints = 0", "min = 4\npoints = 0.5")),
        ],
        "W-RULES-DIRECTION-NONE",
    ),
    # --- the tree (loader)
    "children_do_not_add_up": (
        [('max = 5.0\nbasis = "Residual: 10', 'max = 4.0\nbasis = "Residual: 10')],
        "its children's maxima add up to",
    ),
    "fact_name_misspelt": (
        [('fact = "staff_untrained"', 'fact = "staff_untrainde"')],
        "refers to an undeclared fact",
    ),
    "ratio_floor_above_target": (
        [
            (
                'fact = "postal_dossier_share"\ntarget = 0.2',
                'fact = "postal_dossier_share"\ntarget = 0.2\nmin_ratio = 0.3',
            )
        ],
        "must be between 0 and the target",
    ),
    # --- only the invariants see these
    "fact_declared_but_never_read": (
        [
            (
                "# ------------------------------------------------------------------------------- criteria",
                '[facts.meetings_held]\ntype = "count"\nlabel = "cuộc họp giao ban CCHC"\n\n'
                "# ------------------------------------------------------------------------------- criteria",
            )
        ],
        "invariant:no_dead_input",
    ),
    "levels_all_worth_the_same": (
        [
            (
                '"không đạt" = 0\n"đạt một phần" = 0.5\n"đạt đầy đủ" = 1.0',
                '"không đạt" = 1.0\n"đạt một phần" = 1.0\n"đạt đầy đủ" = 1.0',
            )
        ],
        "invariant:no_dead_input",
    ),
}


def province(text: str) -> str:
    """A valid province variant: a new checklist criterion (1.9), a new bands criterion
    written with both ends (6.7), other maxima (1.2, VIII, IX and the residuals)."""
    edits = [
        ('id = "criteria_2022"', 'id = "province_2023"'),
        ("year = 2022", "year = 2023"),
        (
            'code = "1.2"\nname = "Mức độ hoàn thành kế hoạch cải cách hành chính"\nname_en = "Completion of the PAR plan"\nmax = 1.5',
            'code = "1.2"\nname = "Mức độ hoàn thành kế hoạch cải cách hành chính"\nname_en = "Completion of the PAR plan"\nmax = 2.0',
        ),
        ('max = 5.0\nbasis = "Residual: 10', 'max = 3.5\nbasis = "Residual: 10'),
        ('max = 4.75\nbasis = "Residual: 8', 'max = 4.0\nbasis = "Residual: 8'),
        (
            'code = "VIII"\nname = "Tác động của cải cách đến sự phát triển kinh tế - xã hội của địa phương"\nname_en = "Impact of reform on local socio-economic development"\nmax = 2',
            'code = "VIII"\nname = "Tác động của cải cách đến sự phát triển kinh tế - xã hội của địa phương"\nname_en = "Impact of reform on local socio-economic development"\nmax = 3',
        ),
        (
            'max = 2.0\nbasis = "Residual: the whole domain',
            'max = 3.0\nbasis = "Residual: the whole domain',
        ),
        ('max = 25\nbasis = "Annex row IX', 'max = 24\nbasis = "Annex row IX'),
        (
            "# ------------------------------------------------------------------------------- criteria",
            '[facts.propaganda_work]\ntype = "checklist"\nlabel = "Nội dung công tác tuyên truyền CCHC đã thực hiện"\n'
            'items = ["kế hoạch tuyên truyền", "hội nghị đối thoại", "báo cáo kết quả"]\nbetter = "higher"\n\n'
            '[facts.procurement_share]\ntype = "ratio"\nlabel = "Tỷ lệ gói thầu đấu thầu qua mạng"\nbetter = "higher"\n\n'
            "# ------------------------------------------------------------------------------- criteria",
        ),
        (
            '[[criteria]]\ncode = "1.r"',
            '[[criteria]]\ncode = "1.9"\nname = "Công tác tuyên truyền CCHC"\nmax = 1.0\nbasis = "Province variant: a new checklist criterion."\n'
            '[criteria.rule]\nkind = "checklist"\nfact = "propaganda_work"\n[criteria.rule.items]\n'
            '"kế hoạch tuyên truyền" = 0.5\n"hội nghị đối thoại" = 0.25\n"báo cáo kết quả" = 0.25\n\n[[criteria]]\ncode = "1.r"',
        ),
        (
            '[[criteria]]\ncode = "6.r"',
            '[[criteria]]\ncode = "6.7"\nname = "Đấu thầu qua mạng"\nmax = 0.75\nbasis = "Province variant: a bands criterion written from … to below …."\n'
            '[criteria.rule]\nkind = "bands"\nfact = "procurement_share"\n'
            "[[criteria.rule.steps]]\nmin = 0.95\npoints = 0.75\n"
            "[[criteria.rule.steps]]\nmin = 0.8\nbelow = 0.95\npoints = 0.5\n"
            "[[criteria.rule.steps]]\nmin = 0.5\nbelow = 0.8\npoints = 0.25\n"
            '[[criteria.rule.steps]]\nmin = 0\nbelow = 0.5\npoints = 0\n\n[[criteria]]\ncode = "6.r"',
        ),
    ]
    return apply(text, edits, "province_2023")


def apply(text: str, edits: list[tuple[str, str]], name: str) -> str:
    """``text`` with each edit made once; an edit that finds nothing is an error."""
    for old, new in edits:
        if text.count(old) != 1:
            raise SystemExit(f"{name}: {old[:60]!r} found {text.count(old)} times, expected once")
        text = text.replace(old, new)
    return text


def main() -> int:
    text = SOURCE.read_text(encoding="utf-8")
    for old in HERE.glob("*.toml"):
        old.unlink()
    for old in HERE.glob("*.expected"):
        old.unlink()
    for name, (edits, caught_by) in MUTANTS.items():
        header = f"# Mutant of rules/criteria_2022.toml: {name.replace('_', ' ')}.\n"
        (HERE / f"{name}.toml").write_text(header + apply(text, edits, name), encoding="utf-8")
        (HERE / f"{name}.expected").write_text(caught_by + "\n", encoding="utf-8")
    valid = ROOT / "tests" / "data" / "valid" / "province_2023.toml"
    header = (
        "# A province's variant of criteria_2022 (made by tests/data/mutants/make_mutants.py).\n"
    )
    valid.write_text(header + province(text), encoding="utf-8")
    print(f"{len(MUTANTS)} mutants and {valid.name} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
