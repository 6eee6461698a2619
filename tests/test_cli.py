"""The `itoh-bot` command as a user runs it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.assessment import assess
from flows.case_files import read_vignettes
from flows.content import get_content

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = sorted((ROOT / "tests/vignettes").glob("*.yaml"))
ITOH_BOT = Path(sys.executable).parent / "itoh-bot"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(ITOH_BOT)] if ITOH_BOT.exists() else [sys.executable, "-m", "bot.cli"]
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("seed", ["seed-000", "seed-001", "seed-003"])
def test_demo_with_piped_answers_reaches_the_summary(seed: str) -> None:
    content = get_content()
    result = run("demo", stdin=(ROOT / f"tests/demo/{seed}.txt").read_text())
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    # The summary opens with its first block: the causes, most likely first (issue 17).
    causes_title = content.message("first_causes_title") + ":"
    assert causes_title in out
    assert content.message("disclaimer") in out
    causes = out.split(causes_title)[1]
    first_line = causes.strip().splitlines()[0]
    assert first_line.startswith("• " + content.text(content.conditions["itoh"].name) + ":"), first_line


def test_demo_for_seed_000_gives_pregnancy_safe_guidance() -> None:
    content = get_content()
    # The guidance is in the summary's sections, shown on request: /more shows them all.
    out = run("demo", stdin=(ROOT / "tests/demo/seed-000.txt").read_text() + "/more\n").stdout
    assert "third trimester" in out
    shown = [item for item, *_ in content.guidance_items if content.text(item.text) in out]
    assert shown, "no guidance was shown"
    assert not [item.id for item in shown if {"nsaid", "bisphosphonate"} & set(item.tags)]


def test_demo_reasks_after_bad_input_and_quits_cleanly() -> None:
    result = run("demo", stdin="banana\nmale\n/quit\n")
    assert result.returncode == 0
    assert 'Sorry, I did not catch "banana"' in result.stdout
    assert "How old are you" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_demo_ends_with_exit_0_when_input_ends_early() -> None:
    result = run("demo", stdin="female\n")
    assert result.returncode == 0 and "How old are you" in result.stdout


SEEDS = ROOT / "tests/vignettes/seeds.yaml"


@pytest.mark.parametrize("vignette", read_vignettes(SEEDS), ids=lambda v: v.id)
def test_assess_json_follows_the_contract(tmp_path: Path, vignette: object) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(vignette.case.model_dump_json(exclude_none=True))  # type: ignore[attr-defined]
    result = run("assess", str(case_file), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert {row["condition"] for row in output["ranking"]} == set(get_content().conditions)
    assert abs(sum(row["probability"] for row in output["ranking"]) - 1) < 0.001
    assert output["triage"] in ("emergency", "urgent", "consultation")
    assert isinstance(output["red_flags"], list)
    assert output["ranking"][0]["condition"] == "itoh"
    assert all(isinstance(reason, str) for reason in output["ranking"][0]["reasons"])
    for danger in output["not_excluded"]:
        assert danger["condition"] in get_content().dangerous and danger["because"] and danger["settle_with"]


def test_assess_readable_summary(tmp_path: Path) -> None:
    case_file = tmp_path / "case.yaml"
    case_file.write_text("sex: male\nage: 45\nfever: true\nmri: [bone_marrow_oedema]\n")
    result = run("assess", str(case_file))
    assert result.returncode == 0
    assert get_content().message("disclaimer") in result.stdout


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("sex: male\ncolour: blue\n", "unknown field `colour`"),
        ("sex: robot\n", "field `sex`"),
        ("age: 7\n", "field `age`"),
        ("mri: [bone_marrow_edema]\n", "field `mri"),
        ("pregnancy: trimester_4\n", "field `pregnancy`"),
        ("- not a mapping\n", "must be a mapping"),
        ("sex: [unclosed\n", "not valid YAML"),
    ],
)
def test_assess_bad_file_exits_2_naming_the_problem(tmp_path: Path, text: str, named: str) -> None:
    case_file = tmp_path / "case.yaml"
    case_file.write_text(text)
    result = run("assess", str(case_file), "--json")
    assert result.returncode == 2
    assert named in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_assess_accepts_unknown_and_null(tmp_path: Path) -> None:
    case_file = tmp_path / "case.yaml"
    case_file.write_text("sex: unknown\nfever: null\nxray: not_done\n")
    assert run("assess", str(case_file), "--json").returncode == 0


def evaluate_json() -> dict:
    result = run("evaluate", *map(str, VIGNETTES), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# Issue 13 asks, on the whole vignette set, for: dangerous diagnoses handled safely 100%,
# over-triage <= 10%, top-3 >= 95% and top-1 >= 85%, without special-casing any vignette.
# The sourced model meets the safety figures but not yet the ranking ones on these sparse,
# real case reports (see docs/assessment.md): this test records the targets and fails
# loudly (strict) the day they are met, so the marker cannot outlive the gap.
@pytest.mark.xfail(strict=True, reason="issue 13: top-3 / top-1 targets not yet met by the sourced model")
def test_evaluate_meets_the_issue_targets_on_the_vignettes() -> None:
    scores = evaluate_json()
    assert scores["top3"] >= 0.95, scores["misses"]
    assert scores["top1"] >= 0.85, scores["misses"]


def test_evaluate_does_not_fall_below_the_measured_floor() -> None:
    """A regression guard at the figures measured when the content was written (issue 13)."""
    scores = evaluate_json()
    assert scores["n"] >= 70
    assert scores["safe"] == 1.0, scores["unsafe"]
    assert scores["over_triage"] <= 0.10, scores["over_triaged"]
    assert scores["top3"] >= 0.89, scores["misses"]
    assert scores["top1"] >= 0.72, scores["misses"]
    assert 0 <= scores["brier"] <= 0.40  # 0.397 since session 30
    bands = {band["band"]: band for band in scores["calibration"]}
    # Every condition possible for each vignette is one prediction; one impossible for the
    # person (conditions.yaml `only_when`) is left out of the calibration (flows/evaluation.py).
    content = get_content()
    possible = sum(r.possible for path in VIGNETTES for v in read_vignettes(path, list(content.conditions))
                   for r in assess(v.case, content).ranking)
    assert sum(band["n"] for band in bands.values()) == possible < scores["n"] * len(content.conditions)
    # Confident predictions are mostly right: the top bands are not over-confident by much.
    for band in scores["calibration"]:
        if band["n"] >= 15 and band["mean_predicted"] >= 0.5:
            assert band["observed"] >= band["mean_predicted"] - 0.1, band


HELD_OUT = ROOT / "tests/vignettes/heldout/published.yaml"


def test_on_published_cases_never_tuned_on_every_danger_gets_urgent_care_and_no_one_is_over_triaged() -> None:
    """The held-out cases (tests/vignettes/heldout/: found and encoded without running the
    assistant, scored once, never used to change the model). Their ranking is reported in
    docs/assessment.md; what is asserted is the part that must hold on any case: every
    dangerous diagnosis at urgent or emergency care, and none of the others sent to the
    emergency department beyond the issue's 10%."""
    result = run("evaluate", str(HELD_OUT), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["n"] >= 16 and scores["dangerous"] >= 7
    assert [case for case in scores["unsafe"] if case["triage"] not in ("urgent", "emergency")] == []
    assert scores["over_triage"] <= 0.10, scores["over_triaged"]
    held_out = {v.id for v in read_vignettes(HELD_OUT, list(get_content().conditions))}
    tuned_on = {v.id for path in VIGNETTES for v in read_vignettes(path, list(get_content().conditions))}
    assert not held_out & tuned_on


BLIND_2 = ROOT / "tests/vignettes/heldout/blind-2026-12.yaml"


def test_the_second_blind_set_is_apart_and_does_not_slide_below_its_first_score() -> None:
    """The second blind set (session 12; docs/assessment.md): its papers are none of the
    tuned-on vignettes' papers, and the figures it scored once, before it was read, are a
    floor: a change that makes the model generalise worse fails here."""
    conditions = list(get_content().conditions)
    blind = read_vignettes(BLIND_2, conditions)
    tuned_on = [v for path in [*VIGNETTES, HELD_OUT] for v in read_vignettes(path, conditions)]
    assert len(blind) >= 24 and not {v.id for v in blind} & {v.id for v in tuned_on}
    assert not {v.source[:60] for v in blind} & {v.source[:60] for v in tuned_on}
    scores = json.loads(run("evaluate", str(BLIND_2), "--json").stdout)
    assert scores["top3"] >= 0.875 and scores["top1"] >= 0.625, scores
    assert scores["safe"] >= 0.8, scores["unsafe"]


BLIND_3 = ROOT / "tests/vignettes/heldout/blind-2026-12b.yaml"


def test_the_third_blind_set_is_apart_and_does_not_slide_below_its_first_score() -> None:
    """The third blind set (session 20; docs/assessment.md), as the second: apart from
    every other set, and the figures it scored once, before it was read, are a floor."""
    conditions = list(get_content().conditions)
    blind = read_vignettes(BLIND_3, conditions)
    others = [v for path in [*VIGNETTES, HELD_OUT, BLIND_2] for v in read_vignettes(path, conditions)]
    assert len(blind) >= 17 and not {v.id for v in blind} & {v.id for v in others}
    assert not {v.source[:60] for v in blind} & {v.source[:60] for v in others}
    scores = json.loads(run("evaluate", str(BLIND_3), "--json").stdout)
    assert scores["top3"] >= 0.94 and scores["top1"] >= 0.76, scores  # 0.706 when scored; 0.765 since session 30
    assert scores["safe"] >= 1.0, scores["unsafe"]
    assert scores["over_triage"] <= 0.10, scores["over_triaged"]


BLIND_4 = ROOT / "tests/vignettes/heldout/blind-2026-12c.yaml"


def test_the_fourth_blind_set_is_apart_and_does_not_slide_below_its_first_score() -> None:
    """The fourth blind set (session 21; docs/assessment.md), as the others: apart from
    every other set, and the figures it scored once, before it was read, are a floor. They
    are low (most stored copies were abstracts of rare presentations); the floor is there
    so that a later change cannot make them lower unseen."""
    conditions = list(get_content().conditions)
    blind = read_vignettes(BLIND_4, conditions)
    others = [v for path in [*VIGNETTES, HELD_OUT, BLIND_2, BLIND_3] for v in read_vignettes(path, conditions)]
    assert len(blind) >= 17 and not {v.id for v in blind} & {v.id for v in others}
    assert not {v.source[:60] for v in blind} & {v.source[:60] for v in others}
    scores = json.loads(run("evaluate", str(BLIND_4), "--json").stdout)
    assert scores["top3"] >= 0.58 and scores["top1"] >= 0.29, scores
    assert scores["safe"] >= 0.9, scores["unsafe"]
    assert scores["over_triage"] <= 0.15, scores["over_triaged"]


BLIND_5 = ROOT / "tests/vignettes/heldout/blind-2026-12d.yaml"


def test_the_fifth_blind_set_is_apart_and_does_not_slide_below_its_first_score() -> None:
    """The fifth blind set (session 29; docs/assessment.md), as the others: apart from every
    other set, and the figures it scored once, before it was read, are a floor."""
    conditions = list(get_content().conditions)
    blind = read_vignettes(BLIND_5, conditions)
    others = [v for path in [*VIGNETTES, HELD_OUT, BLIND_2, BLIND_3, BLIND_4] for v in read_vignettes(path, conditions)]
    assert len(blind) >= 22 and not {v.id for v in blind} & {v.id for v in others}
    assert not {v.source[:60] for v in blind} & {v.source[:60] for v in others}
    scores = json.loads(run("evaluate", str(BLIND_5), "--json").stdout)
    assert scores["top3"] >= 0.81 and scores["top1"] >= 0.59, scores
    assert scores["safe"] >= 0.75, scores["unsafe"]
    assert scores["over_triage"] <= 0.10, scores["over_triaged"]


def test_vignettes_cover_every_condition_with_citations() -> None:
    conditions = list(get_content().conditions)
    vignettes = [v for path in VIGNETTES for v in read_vignettes(path, conditions)]
    assert {v.diagnosis for v in vignettes} == set(conditions)
    assert all(len(v.source) > 20 for v in vignettes)
    ids = [v.id for v in vignettes]
    assert len(ids) == len(set(ids)), "a vignette id appears in two files"


def test_evaluate_prints_safety_and_calibration() -> None:
    table = run("evaluate", *map(str, VIGNETTES))
    assert table.returncode == 0, table.stderr
    assert "safe (dangerous diagnoses" in table.stdout and "over-triage" in table.stdout
    assert "calibration: predicted band" in table.stdout


def test_evaluate_table_and_bad_vignette(tmp_path: Path) -> None:
    table = run("evaluate", str(SEEDS))
    assert table.returncode == 0 and "top-1=" in table.stdout and "seed-000" in table.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  source: s\n  diagnosis: gout\n  case: {}\n")
    result = run("evaluate", str(bad))
    assert result.returncode == 2 and "vignette x" in result.stderr and "gout" in result.stderr


def test_diagram_is_generated_from_the_flow() -> None:
    result = run("diagram")
    assert result.returncode == 0
    assert "stateDiagram" in result.stdout
    for transition in get_content().flow.transitions:
        assert transition.source in result.stdout and transition.dest in result.stdout
    assert "could_be_pregnant" in result.stdout
