""""Not ruled out yet": each rule holds where the danger cannot be excluded, and only there.

Table-driven: every rule in content/not_ruled_out.yaml appears here with a case where it
must hold and a close case where it must not (the test that settles it was done, or the
context that keeps the danger open is absent). A rule added to the content without a row
here fails `test_every_rule_is_tested_both_ways`.
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.content_models import TRIAGE_ORDER

CONTENT = get_content()

MRI_WITHOUT_FRACTURE = ["bone_marrow_oedema", "joint_effusion"]

# rule id -> (a case where it holds, a close case where it does not)
RULES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "fracture_late_pregnancy_or_after_birth": (
        {"sex": "female", "age": 31, "pregnancy": "postpartum", "side": "both", "trauma": False},
        {"sex": "female", "age": 31, "pregnancy": "postpartum", "side": "both", "trauma": False,
         "mri": MRI_WITHOUT_FRACTURE},
    ),
    # in pregnancy, the pelvic joints' pattern with walking: still open, at a planned visit
    "fracture_late_pregnancy_pelvic_girdle_pattern": (
        {"sex": "female", "age": 31, "pregnancy": "trimester_3", "pelvic_girdle_pattern": True},
        {"sex": "female", "age": 31, "pregnancy": "trimester_3", "pelvic_girdle_pattern": False},
    ),
    "fracture_fragile_bone": (
        {"sex": "female", "age": 72, "duration_weeks": 3, "trauma": False},
        {"sex": "female", "age": 72, "duration_weeks": 3, "trauma": False, "mri": ["cartilage_loss"]},
    ),
    "fracture_oedema_in_fragile_bone": (
        {"sex": "female", "age": 66, "mri": ["bone_marrow_oedema"]},
        {"sex": "female", "age": 45, "mri": ["bone_marrow_oedema"]},
    ),
    "fracture_after_injury_or_loading": (
        {"sex": "male", "age": 24, "repetitive_loading": True},
        {"sex": "male", "age": 24, "repetitive_loading": True, "mri": ["normal"]},
    ),
    "fracture_leg_shortened_or_turned": (
        {"sex": "male", "age": 45, "leg_shortened_or_turned": True},
        {"sex": "male", "age": 45, "leg_shortened_or_turned": True, "mri": ["normal"]},
    ),
    "fracture_cannot_bear_weight": (
        {"sex": "male", "age": 45, "unable_to_bear_weight": True},
        {"sex": "male", "age": 45, "unable_to_bear_weight": False},
    ),
    "fracture_among_leading_causes": (
        {"sex": "female", "age": 82, "trauma": True, "unable_to_bear_weight": True, "xray": ["normal"]},
        {"sex": "male", "age": 50, "mri": ["bone_marrow_oedema", "joint_effusion"], "xray": ["osteopenia"]},
    ),
    "infection_fever": ({"fever": True}, {"fever": False}),
    "infection_hot_swollen_joint": ({"hot_swollen_joint": True}, {"hot_swollen_joint": False}),
    "infection_markedly_raised_markers": (
        {"inflammatory_markers": "markedly_raised"},
        {"inflammatory_markers": "markedly_raised", "known_inflammatory_arthritis": True},
    ),
    "infection_raised_white_cells": ({"white_cell_count": "raised"}, {"white_cell_count": "normal"}),
    "infection_risk_without_blood_tests": (
        {"sex": "male", "age": 50, "injecting_drug_use": True, "duration_weeks": 1},
        {"sex": "male", "age": 50, "injecting_drug_use": True, "duration_weeks": 1, "inflammatory_markers": "normal"},
    ),
    "infection_raised_markers_unexplained": (
        {"sex": "male", "age": 55, "inflammatory_markers": "mildly_raised", "fever": False, "onset": "gradual"},
        {"sex": "male", "age": 55, "inflammatory_markers": "mildly_raised", "fever": False, "onset": "gradual",
         "mri": ["bone_marrow_oedema"]},
    ),
    "infection_weak_immunity_raised_markers": (
        {"sex": "female", "age": 30, "glucocorticoids": True, "inflammatory_markers": "mildly_raised"},
        {"sex": "female", "age": 30, "glucocorticoids": True, "inflammatory_markers": "mildly_raised",
         "mri": ["bone_marrow_oedema", "double_line_sign"]},
    ),
    "avn_left_open_by_the_report": (
        {"sex": "male", "age": 45, "mri": ["bone_marrow_oedema"], "avn_in_report_differential": True},
        {"sex": "male", "age": 45, "mri": ["bone_marrow_oedema"]},
    ),
    "fracture_left_open_by_the_report": (
        {"sex": "male", "age": 45, "mri": ["bone_marrow_oedema"], "fracture_in_report_differential": True},
        {"sex": "male", "age": 45, "mri": ["bone_marrow_oedema", "fracture_line"],
         "fracture_in_report_differential": True},
    ),
    "infection_hip_cannot_move": (
        {"sex": "male", "age": 50, "cannot_move_hip": True},
        {"sex": "male", "age": 50, "cannot_move_hip": True, "inflammatory_markers": "normal"},
    ),
    "infection_among_leading_causes": (
        {"sex": "male", "age": 40, "onset": "sudden", "duration_weeks": 0.5, "mri": ["synovitis_or_erosions",
                                                                                     "joint_effusion"]},
        {"sex": "male", "age": 40, "onset": "gradual", "duration_weeks": 30, "xray": ["joint_space_narrowing"]},
    ),
    "infection_young_person_without_imaging": (
        {"sex": "female", "age": 19, "duration_weeks": 20},
        {"sex": "female", "age": 19, "duration_weeks": 20, "xray": ["normal"]},
    ),
    "malignancy_cancer_history": (
        {"sex": "female", "age": 58, "cancer_history": True},
        {"sex": "female", "age": 58, "cancer_history": True, "mri": ["bone_marrow_oedema"]},
    ),
    "malignancy_weight_loss": ({"weight_loss": True}, {"weight_loss": False}),
    "malignancy_night_pain_for_weeks": (
        {"sex": "male", "age": 30, "night_pain": True, "duration_weeks": 12},
        {"sex": "male", "age": 30, "night_pain": True, "duration_weeks": 2},
    ),
    "malignancy_young_person_without_imaging": (
        {"sex": "male", "age": 18},
        {"sex": "male", "age": 18, "trauma": True},
    ),
    "malignancy_lesion_on_imaging": (
        {"xray": ["lytic_or_sclerotic_lesion"]},
        {"xray": ["normal"]},
    ),
    "malignancy_among_leading_causes": (
        {"sex": "male", "age": 70, "weight_loss": True, "night_pain": True},
        {"sex": "male", "age": 45, "mri": ["bone_marrow_oedema"], "xray": ["osteopenia"]},
    ),
}


def held_rules(case: Case) -> set[str]:
    return {rule_id for danger in assess(case, CONTENT).not_ruled_out for rule_id in danger.rule_ids}


def test_every_rule_is_tested_both_ways() -> None:
    assert set(RULES) == {rule.id for rule, _ in get_content().not_ruled_out}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_holds_where_the_danger_is_open(rule_id: str) -> None:
    holds, _ = RULES[rule_id]
    assert rule_id in held_rules(Case(**holds))


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_does_not_hold_once_excluded_or_out_of_context(rule_id: str) -> None:
    _, closed = RULES[rule_id]
    assert rule_id not in held_rules(Case(**closed))


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_an_open_danger_sets_at_least_its_level_of_care(rule_id: str) -> None:
    rule = next(rule for rule, _ in get_content().not_ruled_out if rule.id == rule_id)
    assessment = assess(Case(**RULES[rule_id][0]), CONTENT)
    assert TRIAGE_ORDER.index(assessment.triage) >= TRIAGE_ORDER.index(rule.level)
    danger = next(d for d in assessment.not_ruled_out if d.condition == rule.condition)
    assert danger.because and danger.settle_with


def test_the_json_names_what_is_not_excluded_and_how_to_settle_it() -> None:
    report = assess(Case(sex="female", age=30, pregnancy="postpartum", side="both", trauma=False), CONTENT).to_json()
    fracture = next(item for item in report["not_excluded"] if item["condition"] == "fracture")
    assert "MRI" in fracture["settle_with"] and fracture["because"]


# --- knife-edges: an answer that cannot exclude a danger never lowers the level of care ---------


@pytest.mark.parametrize("pregnancy", ["trimester_3", "postpartum"])
@pytest.mark.parametrize("answer", [
    {"trauma": False}, {"side": "both"}, {"side": "left"}, {"duration_weeks": 30}, {"onset": "gradual"},
    {"weight_bearing_pain": False}, {"breastfeeding": False}, {"xray": ["normal"]}, {"glucocorticoids": False},
])
def test_late_pregnancy_and_after_birth_stay_urgent_whatever_answer_cannot_exclude_a_fracture(
    pregnancy: str, answer: dict[str, Any]
) -> None:
    before = assess(Case(sex="female", age=32, pregnancy=pregnancy), CONTENT)
    after = assess(Case(sex="female", age=32, pregnancy=pregnancy, **answer), CONTENT)
    assert before.triage in ("urgent", "emergency")
    assert TRIAGE_ORDER.index(after.triage) >= TRIAGE_ORDER.index("urgent"), answer
    assert "fracture" in {d.condition for d in after.not_ruled_out}


def test_an_mri_without_a_fracture_line_closes_the_pregnancy_fracture_rule() -> None:
    case = Case(sex="female", age=32, pregnancy="trimester_3", side="left", trauma=False, fever=False,
                xray=["normal"], mri=MRI_WITHOUT_FRACTURE, inflammatory_markers="normal")
    assert "fracture" not in {d.condition for d in assess(case, CONTENT).not_ruled_out}


def test_an_mri_without_a_fracture_line_weighs_against_fracture_in_an_older_person() -> None:
    base = {"sex": "female", "age": 65, "trauma": False, "onset": "sudden", "duration_weeks": 3}
    without_mri = assess(Case(**base), CONTENT).probability("fracture")
    with_mri = assess(Case(**base, mri=["joint_effusion", "cartilage_loss"]), CONTENT).probability("fracture")
    assert with_mri < without_mri / 2
    assert assess(Case(**base, mri=["joint_effusion", "cartilage_loss"]), CONTENT).triage != "emergency"


# --- red flags added by the safety review ---------------------------------------------------------


@pytest.mark.parametrize(("case", "flag"), [
    ({"sex": "female", "age": 30, "pregnancy": "trimester_3", "unable_to_bear_weight": True},
     "cannot_bear_weight_late_pregnancy"),
    ({"sex": "female", "age": 30, "pregnancy": "postpartum", "unable_to_bear_weight": True},
     "cannot_bear_weight_after_birth"),
    ({"sex": "female", "age": 55, "known_osteoporosis": True, "unable_to_bear_weight": True},
     "cannot_bear_weight_fragile_bone"),
    ({"sex": "male", "age": 78, "unable_to_bear_weight": True}, "cannot_bear_weight_fragile_bone"),
])
def test_cannot_bear_weight_with_fragile_bone_is_an_emergency(case: dict[str, Any], flag: str) -> None:
    assessment = assess(Case(**case), CONTENT)
    assert assessment.triage == "emergency"
    assert [f.id for f in assessment.red_flags] == [flag]  # one warning, in the words that fit the person


@pytest.mark.parametrize("case", [
    {"sex": "female", "age": 80, "known_osteoporosis": True, "unable_to_bear_weight": True},  # e3, before the fall
    {"sex": "male", "age": 67, "unable_to_bear_weight": True, "immunosuppressed": True},  # p4
    {"sex": "female", "age": 40, "pregnancy": "not_pregnant", "known_osteoporosis": True,
     "unable_to_bear_weight": True},
])
def test_the_fragile_bone_warning_speaks_of_no_pregnancy_and_does_not_deny_a_fall(case: dict[str, Any]) -> None:
    content = get_content()
    for flag in assess(Case(**case), CONTENT).red_flags:
        for locale in ("en", "pt"):
            message = content.text(flag.message, locale).lower()
            assert not any(word in message for word in ("pregnan", "given birth", "grávida", "gravidez", "parto",
                                                        "bebé", "maternity", "maternidade")), (flag.id, locale)
            assert "without a fall" not in message and "sem queda" not in message.replace("mesmo sem queda", "")


def test_each_pregnancy_warning_names_its_own_setting() -> None:
    content = get_content()
    flags = {f.id: content.text(f.message) for f in content.triage.red_flags}
    late, after = flags["cannot_bear_weight_late_pregnancy"], flags["cannot_bear_weight_after_birth"]
    assert "late in pregnancy" in late and "maternity unit" in late and "giving birth" not in late
    assert "after giving birth" in after and "if you are pregnant" not in after


def test_cannot_bear_weight_in_a_young_man_is_urgent_not_an_emergency() -> None:
    assessment = assess(Case(sex="male", age=35, unable_to_bear_weight=True), CONTENT)
    assert {f.id for f in assessment.red_flags} == {"cannot_bear_weight"}
    assert assessment.triage == "urgent"


def test_very_high_markers_are_an_emergency_unless_an_arthritis_explains_them() -> None:
    assert assess(Case(sex="male", age=40, inflammatory_markers="markedly_raised"), CONTENT).triage == "emergency"
    arthritis = Case(sex="male", age=40, inflammatory_markers="markedly_raised", known_inflammatory_arthritis=True)
    known = assess(arthritis, CONTENT)
    assert known.triage == "urgent"
    assert "markedly_raised_markers_known_arthritis" in {f.id for f in known.red_flags}


@pytest.mark.parametrize(("field", "flag", "level"), [
    ("hot_swollen_joint", "hot_swollen_joint", "emergency"),
    ("cannot_move_hip", "hip_cannot_move", "urgent"),
])
def test_new_warning_signs_raise_the_level_at_once(field: str, flag: str, level: str) -> None:
    assert flag in {f.id for f in assess(Case(**{field: True}), CONTENT).red_flags}
    assert TRIAGE_ORDER.index(assess(Case(**{field: True}), CONTENT).triage) >= TRIAGE_ORDER.index(level)
    assert flag not in {f.id for f in assess(Case(**{field: False}), CONTENT).red_flags}


def test_a_likely_break_found_after_weeks_is_urgent_not_an_emergency() -> None:
    recent = Case(sex="male", age=68, trauma=True, duration_weeks=2, xray=["joint_space_narrowing",
                                                                          "femoral_head_collapse"])
    late = recent.model_copy(update={"duration_weeks": 26})
    assert assess(recent, CONTENT).probability("fracture") >= 0.5 and assess(recent, CONTENT).triage == "emergency"
    assert assess(late, CONTENT).triage == "urgent"


def test_a_break_line_seen_on_imaging_is_shown_not_left_open() -> None:
    # A break seen is not "not ruled out yet: an MRI would settle it": it leads, and its red
    # flag (an emergency) is said; no fracture rule holds.
    for seen in ({"xray": ["fracture_line"]}, {"mri": ["fracture_line"]}):
        case = Case(sex="female", age=82, trauma=True, unable_to_bear_weight=True, **seen)  # type: ignore[arg-type]
        assessment = assess(case, CONTENT)
        assert assessment.top.condition == "fracture" and assessment.triage == "emergency"
        assert not [rule for rule in held_rules(case) if rule.startswith("fracture")]
