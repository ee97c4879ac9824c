"""What the command line imports: a command loads the modules it uses, not the others
(issue 17; ``cchc_score.lazy``, the commands' imports when they run)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

#: What ``cchc-score score`` never needs: optional extras, the annex reader, the planner,
#: the batch, the notebook views and the other commands' outputs; tabulate (its plain table
#: is report.table's) and what tabulate and importlib.resources bring (importlib.metadata,
#: the email package, zipfile); cattrs (valid files take the converter's quick path); the
#: reader of files that extend others; shutil (argparse's terminal width, for help only).
NOT_FOR_SCORE = (
    "tabulate",
    "cattrs",
    "cchc_score.io.rules_extends",
    "shutil",
    "importlib.metadata",
    "importlib.resources",
    "email",
    "zipfile",
    "openpyxl",
    "docx",
    "matplotlib",
    "pandas",
    "hypothesis",
    "cchc_score.annex",
    "cchc_score.io.annex",
    "cchc_score.reconcile",
    "cchc_score.plan",
    "cchc_score.projection",
    "cchc_score.optimise",
    "cchc_score.batch",
    "cchc_score.io.table",
    "cchc_score.io.writing",
    "cchc_score.plot",
    "cchc_score.report.batch",
    "cchc_score.report.notebook",
    "cchc_score.report.unit",
    "cchc_score.report.workbook",
    "cchc_score.results",
)

_RUN = """
import json, sys
from cchc_score.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*argv: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_score_imports_only_what_it_uses(fmt: str) -> None:
    loaded = _modules_after("score", "examples/ward_2022/evidence.toml", "--format", fmt)
    assert "cchc_score.evaluation" in loaded  # it did score
    assert sorted(loaded.intersection(NOT_FOR_SCORE)) == []


def test_importing_the_package_imports_no_module_of_it() -> None:
    code = "import sys, cchc_score; print(sorted(m for m in sys.modules if 'cchc' in m))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['cchc_score', 'cchc_score.lazy']"


def test_a_public_name_named_like_its_module_stays_the_function() -> None:
    # Importing the module first (as the reconcile command does) does not hide the function.
    code = (
        "import cchc_score.reconcile, cchc_score.report.unit_html, cchc_score, sys\n"
        "from cchc_score import report\n"
        "print(callable(cchc_score.reconcile), callable(report.unit_html),"
        " sys.modules['cchc_score.reconcile'].reconcile is cchc_score.reconcile)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True"]


def test_notebook_views_register_when_first_shown() -> None:
    code = (
        "import sys, cchc_score\n"
        "card = cchc_score.evaluate(cchc_score.load_rules('criteria_2022'),"
        " cchc_score.load_evidence('examples/ward_2022/evidence.toml'))\n"
        "before = 'cchc_score.report.notebook' in sys.modules\n"
        "html = card._repr_html_()\n"
        "print(before, 'cchc_score.report.notebook' in sys.modules, html.startswith('<'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["False", "True", "True"]


def test_the_program_freezes_what_it_imported_and_exits_with_mains_code() -> None:
    # cli.run (the cchc-score script, python -m cchc_score) freezes the objects imported so
    # far, so that no later collection walks them, then exits with main's code: 0 for a
    # check of the bundled rules.
    code = (
        "import gc, sys\n"
        "from cchc_score import cli\n"
        "sys.argv = ['cchc-score', 'check', 'criteria_2022']\n"
        "try:\n"
        "    cli.run()\n"
        "except SystemExit as exc:\n"
        "    print(exc.code, gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stderr.split() == ["0", "True"]
