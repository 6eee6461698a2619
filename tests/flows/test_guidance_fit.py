"""Guidance fixes from the safety review: each shown where it applies, and not where it must not."""

from __future__ import annotations

from typing import Any

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.guidance import select_guidance

CONTENT = get_content()

POSTPARTUM_NO_SCAN: dict[str, Any] = {"sex": "female", "age": 31, "pregnancy": "postpartum", "breastfeeding": False}
ITOH_ON_MRI: dict[str, Any] = {"sex": "male", "age": 48, "side": "left", "fever": False, "trauma": False,
                               "xray": ["osteopenia"], "mri": ["bone_marrow_oedema", "joint_effusion"],
                               "inflammatory_markers": "normal"}


def shown(case: dict[str, Any]) -> set[str]:
    built = Case(**case)
    return {item.id for _, items in select_guidance(built, assess(built, CONTENT), get_content()) for item in items}


def test_no_nsaid_suggestion_while_an_infection_is_not_ruled_out() -> None:
    open_infection = {"sex": "male", "age": 45, "duration_weeks": 1, "injecting_drug_use": True}
    assert "septic_arthritis" in {d.condition for d in assess(Case(**open_infection), CONTENT).not_ruled_out}
    assert "pain_nsaid_short_course" not in shown(open_infection)
    assert "pain_no_nsaid_until_infection_excluded" in shown(open_infection)
    excluded = {**open_infection, "inflammatory_markers": "normal", "mri": ["bone_marrow_oedema"], "fever": False}
    assert "pain_nsaid_short_course" in shown(excluded)
    assert "pain_no_nsaid_until_infection_excluded" not in shown(excluded)


def test_both_hips_get_a_frame_not_part_weight_on_crutches() -> None:
    both = {**ITOH_ON_MRI, "side": "both"}
    assert {"protect_both_hips"} <= shown(both)
    assert not {"protect_crutches", "protect_stairs"} & shown(both)
    assert {"protect_crutches", "protect_stairs"} <= shown(ITOH_ON_MRI)
    assert "protect_both_hips" not in shown(ITOH_ON_MRI)


@pytest.mark.parametrize("pregnancy", ["trimester_1", "trimester_2", "trimester_3", "postpartum"])
def test_clot_risk_is_raised_in_pregnancy_and_after_birth(pregnancy: str) -> None:
    assert "protect_clot_risk" in shown({"sex": "female", "age": 31, "pregnancy": pregnancy})
    assert "protect_clot_risk" not in shown({"sex": "female", "age": 31, "pregnancy": "not_pregnant"})


def test_no_lying_flat_exercises_from_mid_pregnancy() -> None:
    case = {"sex": "female", "age": 31, "pregnancy": "trimester_3", "mri": ["bone_marrow_oedema"]}
    assert "rehab_no_flat_on_back" in shown(case)
    assert "rehab_no_flat_on_back" not in shown({**case, "pregnancy": "trimester_1"})


def test_pool_exercise_after_birth_comes_with_its_caveat() -> None:
    case = {**POSTPARTUM_NO_SCAN, "mri": ["bone_marrow_oedema", "joint_effusion"]}
    ids = shown(case)
    assert "rehab_acute_fitness" in ids and "rehab_pool_after_birth" in ids
    assert "rehab_pool_after_birth" not in shown(ITOH_ON_MRI)


@pytest.mark.parametrize("case", [
    {"sex": "female", "age": 31, "pregnancy": "postpartum", "mri": ["bone_marrow_oedema"]},
    {"sex": "male", "age": 48, "mri": ["bone_marrow_oedema"], "xray": ["osteopenia"]},
    {"sex": "female", "age": 31, "pregnancy": "postpartum", "mri": ["fracture_line"]},
])
def test_a_bone_work_up_when_thin_bone_leads_after_birth_or_in_a_man(case: dict[str, Any]) -> None:
    assert "tests_bone_workup" in shown(case)
    assert "DXA" in get_content().text(next(i for i, *_ in get_content().guidance_items
                                            if i.id == "tests_bone_workup").text)


def test_no_bone_work_up_when_the_bone_is_not_in_question() -> None:
    assert "tests_bone_workup" not in shown({"sex": "female", "age": 40, "pregnancy": "not_pregnant",
                                             "xray": ["joint_space_narrowing"], "onset": "gradual"})


def test_no_confirm_with_an_mri_once_an_mri_was_reported() -> None:
    assert "care_itoh_after_mri" in shown(ITOH_ON_MRI) and "care_itoh" not in shown(ITOH_ON_MRI)
    no_mri = {**ITOH_ON_MRI, "mri": "not_done", "xray": ["osteopenia", "subchondral_cortical_loss"]}
    assert assess(Case(**no_mri), CONTENT).top.condition == "itoh"
    assert "care_itoh" in shown(no_mri) and "care_itoh_after_mri" not in shown(no_mri)


def test_lactation_bone_loss_is_said_of_trabecular_bone_as_the_source_does() -> None:
    item = next(i for i, *_ in get_content().guidance_items if i.id == "bone_lactation")
    text = get_content().text(item.text)
    assert "trabecular" in text and "spine and hip" not in text
