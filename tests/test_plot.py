"""Charts (cchc_score.plot) and `cchc-score chart`: PNG and SVG for every chart, on the example
ward and district and on another ward's annex read as evidence; titles, decimal commas,
inline-ready SVG; the guarded writer; a missing matplotlib; the command's exit codes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from cchc_score import (
    RuleSet,
    best_plan,
    evaluate,
    load_evidence,
    load_plan,
    project,
    rank,
    read_annex,
    score_many,
)
from cchc_score.errors import ArgumentError
from cchc_score.evidence import Evidence
from cchc_score.io.writing import OutputError
from cchc_score.observed import observed_evidence
from cchc_score.plan import Plan

from .conftest import DATA, EXAMPLE, ROOT
from .test_cli import run

matplotlib = pytest.importorskip("matplotlib")

from matplotlib.figure import Figure  # noqa: E402  (after the skip: the charts need it)

from cchc_score import plot  # noqa: E402
from cchc_score.plot.common import FONT  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"
DISTRICT = ROOT / "examples" / "district_2022"
#: Another ward's annex (2023, made up), never used to write the charts.
OTHER = DATA / "annex" / "total_row.tsv"


def _other(rules: RuleSet) -> tuple[Evidence, Plan]:
    """The other ward's annex as evidence, and its plan with an effort for every task (an
    annex gives none), as a ward office would add them."""
    appraisal, plan = read_annex(OTHER)
    evidence = observed_evidence(appraisal, rules, unit="Phường A").evidence
    tasks = [attrs.evolve(t, effort=Decimal(3 + 2 * i)) for i, t in enumerate(plan.tasks)]
    return evidence, attrs.evolve(plan, tasks=tasks)


def _example() -> tuple[Evidence, Plan]:
    return load_evidence(EXAMPLE / "evidence.toml"), load_plan(EXAMPLE / "plan.toml")


Build = Callable[[RuleSet, Evidence, Plan], Figure]

#: Each chart of one unit, built from its evidence and plan, and the first line of its
#: title in Vietnamese.
CHARTS: dict[str, tuple[Build, str]] = {
    "losses": (lambda r, e, p: plot.losses(evaluate(r, e)), "Điểm bị trừ theo lĩnh vực"),
    "criteria": (
        lambda r, e, p: plot.losses(evaluate(r, e), by="criterion"),
        "Điểm bị trừ theo tiêu chí",
    ),
    "distribution": (
        lambda r, e, p: plot.distribution(project(r, e, p), r, target="Tốt"),
        "Phân bố tổng điểm dự báo năm",
    ),
    "timeline": (lambda r, e, p: plot.timeline(project(r, e, p)), "Điểm dự báo theo thời hạn"),
    "frontier": (
        lambda r, e, p: plot.frontier(best_plan(r, e, p, 10)),
        "Điểm kỳ vọng tốt nhất theo số ngày công",
    ),
    "heatmap": (
        lambda r, e, p: plot.heatmap(
            [evaluate(r, e), evaluate(r, load_evidence(DISTRICT / "xa_mau_g.toml"))]
        ),
        "Điểm bị trừ theo tiêu chí và đơn vị",
    ),
}


def _inputs(rules: RuleSet, which: str) -> tuple[Evidence, Plan]:
    return _example() if which == "example" else _other(rules)


def _svg_root(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


@pytest.mark.parametrize("which", ["example", "other"])
@pytest.mark.parametrize("kind", sorted(CHARTS))
def test_each_chart_gives_a_png_and_an_inline_svg_with_its_title(
    rules: RuleSet, kind: str, which: str
) -> None:
    build, title = CHARTS[kind]
    figure = build(rules, *_inputs(rules, which))
    png = plot.png(figure)
    assert png.startswith(PNG)
    assert len(png) > 5_000
    svg = plot.to_svg(figure)
    assert svg.startswith("<svg ")
    root = _svg_root(svg)
    assert root.findtext(f"{SVG}title", "").startswith(title)
    assert figure.get_suptitle().startswith(title)


def test_the_svg_is_inline_ready(rules: RuleSet) -> None:
    evidence, plan = _example()
    card = evaluate(rules, evidence)
    one = plot.to_svg(plot.losses(card))
    two = plot.to_svg(plot.distribution(project(rules, evidence, plan), rules))
    for svg in (one, two):
        assert not re.search(r"<\?xml|<!DOCTYPE|<metadata", svg)
        # Nothing external: the only addresses are the SVG and XLink namespaces' names.
        without_namespaces = re.sub(r'xmlns(:xlink)?="[^"]*"', "", svg)
        assert not re.search(r"https?:|file:|data:", without_namespaces)
        assert all(ref.startswith("#") for ref in re.findall(r'href="([^"]*)"', svg))
    # Two charts on one page never share an id.
    ids = [set(re.findall(r'\bid="([^"]+)"', svg)) for svg in (one, two)]
    assert all(ids)
    assert not ids[0] & ids[1]
    # Every reference points at an id of its own chart.
    for svg, known in zip((one, two), ids, strict=True):
        refs = set(re.findall(r'(?:href="#|url\(#)([^")]+)', svg))
        assert refs
        assert refs <= known
    # The same chart is the same text: a page or a diff is stable.
    assert plot.to_svg(plot.losses(card)) == one


def _texts(figure: Figure) -> list[str]:
    from matplotlib.text import Text

    figure.canvas.draw()
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def test_numbers_are_written_with_a_decimal_comma_in_vietnamese(rules: RuleSet) -> None:
    evidence, plan = _example()
    card = evaluate(rules, evidence)
    figure = plot.losses(card, by="criterion")
    vi = _texts(figure)
    assert {"5,95", "0,17", "IX  Đánh giá về sự hài lòng của tổ chức, cá nhâ…"} <= set(vi)
    assert figure.get_suptitle().splitlines()[1] == (
        "Phường mẫu (phụ lục 2022), năm 2022 — Tổng điểm 84,14/100, xếp loại Khá (giả định)"
    )
    en = _texts(plot.losses(card, by="criterion", lang="en"))
    assert "5.95" in en
    assert "5,95" not in en
    ticks = _texts(plot.distribution(project(rules, evidence, plan), rules, target="90,5"))
    # P(total ≥ 90,50) = 0,6936 and P(Tốt) = P(≥ 90) = 0,7802, from the example's 17 tasks
    # that gain in 2023 (1.7 and 5.1 look back a year), their gains convolved by hand
    # (tests/test_projection.py's _chance_of_at_least); the legend writes 78,0% as "78%".
    assert "Mục tiêu 90,50: xác suất đạt 69,4%" in ticks
    assert {"Tốt: 78%", "Khá: 22%", "84", "96", "14%"} <= set(ticks)


def test_the_font_is_the_one_matplotlib_ships(rules: RuleSet) -> None:
    # Vietnamese letters render with DejaVu Sans from matplotlib's own data, on any machine.
    from matplotlib import font_manager

    path = font_manager.findfont(
        font_manager.FontProperties(family=FONT), fallback_to_default=False
    )
    assert Path(path).is_relative_to(Path(matplotlib.get_data_path()))
    figure = plot.losses(evaluate(rules, _example()[0]))
    fonts = {t.get_fontfamily()[0] for t in figure.findobj(matplotlib.text.Text)}
    assert fonts == {FONT}


def test_a_unit_that_lost_nothing_gets_a_chart_that_says_so(rules: RuleSet) -> None:
    evidence, _ = _other(rules)
    perfect = attrs.evolve(
        evidence, appraised={code: rules.node(code).max for code, _ in evidence.appraised}
    )
    card = evaluate(rules, perfect)
    assert card.total == 100
    for by in ("domain", "criterion"):
        assert "Không có điểm bị trừ." in _texts(plot.losses(card, by=by))
    assert "Không có điểm bị trừ." in _texts(plot.heatmap([card]))
    assert "Không có đơn vị nào được chấm điểm." in _texts(plot.heatmap([]))


def test_a_district_heat_map_from_a_ranking_a_loss_table_or_results(rules: RuleSet) -> None:
    from cchc_score import loss_table

    ranking = rank(score_many(rules, DISTRICT))
    svgs = {
        plot.to_svg(plot.heatmap(source))
        for source in (ranking, loss_table(ranking), score_many(rules, DISTRICT))
    }
    assert len(svgs) == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda r, c, p: plot.losses(c, by="lines"),  # type: ignore[arg-type]
            "by: expected one of 'domain', 'criterion'",
        ),
        (lambda r, c, p: plot.losses(p), "scorecard: expected a Scorecard (from evaluate)"),
        (
            lambda r, c, p: plot.distribution(p, r, target="Xuất sắc"),
            "target: neither a total nor a rating band of criteria_2022",
        ),
        (lambda r, c, p: plot.distribution(p, r, target=120), "target: must be a total between"),
        (lambda r, c, p: plot.timeline(c), "projection: expected a Projection (from project)"),
        (lambda r, c, p: plot.frontier(p), "best: expected a BestPlan (from best_plan)"),
    ],
)
@pytest.mark.lang("en")
def test_wrong_arguments_say_which_and_why(
    rules: RuleSet, call: Callable[..., object], message: str
) -> None:
    evidence, plan = _example()
    with pytest.raises(ArgumentError) as error:
        call(rules, evaluate(rules, evidence), project(rules, evidence, plan))
    assert message in str(error.value)


def test_save_goes_through_the_guarded_writer(rules: RuleSet, tmp_path: Path) -> None:
    figure = plot.losses(evaluate(rules, _example()[0]))
    assert plot.save(figure, tmp_path / "a.png").read_bytes().startswith(PNG)
    _svg_root(plot.save(figure, tmp_path / "a.svg").read_text(encoding="utf-8"))
    with pytest.raises(OutputError, match="exists; not overwritten"):
        plot.save(figure, tmp_path / "a.png", lang="en")
    plot.save(figure, tmp_path / "a.png", force=True, dpi=50)
    with pytest.raises(ArgumentError, match=r"path: .*\.png hoặc \.svg"):
        plot.save(figure, tmp_path / "a.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "a.svg"]


def test_without_matplotlib_a_chart_says_how_to_install_it(
    rules: RuleSet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card = evaluate(rules, _example()[0])
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r'pip install "cchc-score\[plot\]"') as error:
        plot.losses(card, lang="en")
    assert str(error.value).startswith("drawing charts needs matplotlib")
    code, _, err = run(capsys, "chart", "losses", str(EXAMPLE / "evidence.toml"), "--out", "x.png")
    assert code == 2
    assert (
        'vẽ biểu đồ cần matplotlib, có trong gói mở rộng plot: pip install "cchc-score[plot]"'
        in err
    )


def test_importing_the_library_or_its_plot_package_does_not_import_matplotlib() -> None:
    code = "import sys, cchc_score, cchc_score.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- the command


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The other ward's annex imported as a user would: evidence.toml and plan.toml."""
    folder = tmp_path / "phuong_a"
    code, _, err = run(capsys, "import-annex", str(OTHER), "--out", str(folder))
    assert (code, err) == (0, "")
    return folder


@pytest.mark.parametrize(
    ("kind", "plan", "suffix"),
    [
        ("losses", False, ".png"),
        ("criteria", False, ".svg"),
        ("distribution", True, ".png"),
        ("timeline", True, ".svg"),
        ("frontier", True, ".png"),
    ],
)
def test_the_chart_command_writes_each_chart(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    imported: Path,
    kind: str,
    plan: bool,
    suffix: str,
) -> None:
    out = tmp_path / f"{kind}{suffix}"
    inputs = [str(EXAMPLE / "evidence.toml"), *([str(EXAMPLE / "plan.toml")] if plan else [])]
    code, stdout, err = run(capsys, "chart", kind, *inputs, "--out", str(out), "--lang", "en")
    assert (code, err) == (0, "")
    assert stdout == f"wrote the chart {out}\n"
    data = out.read_bytes()
    assert data.startswith(PNG) if suffix == ".png" else _svg_root(data.decode()) is not None
    if kind == "frontier":
        return  # an imported plan has no efforts: see the next test
    # The other ward, as import-annex wrote it.
    other = tmp_path / f"other_{kind}{suffix}"
    inputs = [str(imported / "evidence.toml"), *([str(imported / "plan.toml")] if plan else [])]
    code, stdout, err = run(capsys, "chart", kind, *inputs, "--out", str(other))
    assert (code, err) == (0, _year_warning(imported))
    assert stdout == f"đã ghi biểu đồ {other}\n"
    assert other.stat().st_size > 5_000


def test_a_bad_input_exits_1_with_located_messages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, imported: Path
) -> None:
    out = tmp_path / "x.png"
    bad = DATA / "invalid_inputs" / "evidence" / "year_is_a_string.toml"
    code, stdout, err = run(capsys, "chart", "losses", str(bad), "--out", str(out), "--lang", "en")
    assert (code, stdout) == (1, "")
    assert err == f"error: {bad}: year: expected a year as an integer (got '2022')\n"
    # An imported plan states no efforts: a frontier cannot be drawn, and says why (its
    # task 1.2 is due in 2024, after the assessment: only IX counts).
    evidence, plan = imported / "evidence.toml", imported / "plan.toml"
    argv = ["chart", "frontier", str(evidence), str(plan), "--out", str(out), "--lang", "en"]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert err == _year_warning(imported, "en") + (
        f"error: {plan}: tasks without an effort: IX; give each an effort in person-days\n"
    )
    assert not out.exists()


def _year_warning(imported: Path, lang: str = "vi") -> str:
    """The other ward's annex is of the 2023 index, scored here under criteria_2022: the
    command says so (W-EVIDENCE-YEAR) and goes on."""
    if lang == "en":
        return (
            f"warning: {imported / 'evidence.toml'}: year: the evidence is for 2023 but the "
            "rules criteria_2022 are for 2022 (got 2023)\n"
        )
    return (
        f"cảnh báo: {imported / 'evidence.toml'}: year: hồ sơ là của năm 2023 nhưng bộ tiêu "
        "chí criteria_2022 là của năm 2022 (giá trị: 2023)\n"
    )


def test_the_chart_command_never_overwrites_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "losses.svg"
    evidence = str(EXAMPLE / "evidence.toml")
    assert run(capsys, "chart", "losses", evidence, "--out", str(out))[0] == 0
    out.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "chart", "criteria", evidence, "--out", str(out))
    assert code == 1
    assert err == f"lỗi: {out}: đã có tệp này; không ghi đè (dùng --force để thay thế)\n"
    assert out.read_text(encoding="utf-8") == "mine"
    assert run(capsys, "chart", "criteria", evidence, "--out", str(out), "--force")[0] == 0
    assert "Điểm bị trừ theo tiêu chí" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["losses", "E", "--out", "x.pdf"], "--out: biểu đồ được ghi dưới dạng .png hoặc .svg"),
        (["timeline", "E", "--out", "x.png"], "biểu đồ timeline cần tệp kế hoạch (PLAN)"),
        (["losses", "E", "P", "--out", "x.png"], "biểu đồ losses không dùng tệp kế hoạch; bỏ P"),
        (["timeline", "E", "P", "--target", "90", "--out", "x.png"], "--target không dùng"),
        (["distribution", "E", "P", "--budget", "9", "--out", "x.png"], "--budget không dùng"),
        (["pie", "E", "--out", "x.png"], "giá trị 'pie' không hợp lệ"),
    ],
)
def test_usage_errors_exit_2_before_any_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    code, stdout, err = run(capsys, "chart", *argv)
    assert (code, stdout) == (2, "")
    assert message in err
    assert not (tmp_path / "x.png").exists()


def test_a_heat_map_of_a_folder_with_a_bad_unit_is_drawn_and_the_unit_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "district"
    folder.mkdir()
    for name in ("phuong_mau_a.toml", "xa_mau_g.toml"):
        shutil.copy(DISTRICT / name, folder / name)
    (folder / "phuong_hong.toml").write_text(
        'unit = "Phường hỏng"\nrules = "criteria_2022"\nyear = "2022"\n', encoding="utf-8"
    )
    out = tmp_path / "heatmap.svg"
    code, stdout, err = run(capsys, "chart", "heatmap", str(folder), "--out", str(out))
    assert code == 1
    assert stdout == f"đã ghi biểu đồ {out}\n"
    lines = err.splitlines()
    assert lines[0] == (
        f"lỗi: {folder / 'phuong_hong.toml'}: year: năm phải là số nguyên (giá trị: '2022')"
    )
    assert lines[-1] == (
        "lỗi: 1/3 đơn vị không có trong biểu đồ: số liệu kiểm chứng có vấn đề (liệt kê ở trên)"
    )
    _svg_root(out.read_text(encoding="utf-8"))
    # The chart has the two good units, from the highest total.
    columns = plot.heatmap(score_many("criteria_2022", folder)).axes[0].get_xticklabels()
    assert [c.get_text() for c in columns] == ["Phường mẫu A", "Xã mẫu G"]
