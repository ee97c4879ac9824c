"""Shared fixtures, the golden-file option and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cchc_score import RuleSet, load_rules

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = ROOT / "examples" / "ward_2022"

# CI: derandomised and bounded, so a run is repeatable and quick. Locally: more examples.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff before committing)",
    )


@pytest.fixture(autouse=True)
def _language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """``CCHC_LANG`` as the test's ``lang`` marker says (the module's ``pytestmark``), else
    unset: the library's default language (Vietnamese), whatever the shell says."""
    marker = request.node.get_closest_marker("lang")
    if marker is None:
        monkeypatch.delenv("CCHC_LANG", raising=False)
    else:
        monkeypatch.setenv("CCHC_LANG", marker.args[0])


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules("criteria_2022")


def check_golden(name: str, text: str, update: bool) -> None:
    """Compare ``text`` with tests/golden/NAME, or rewrite it with --update-golden."""
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert text == path.read_text(encoding="utf-8")
