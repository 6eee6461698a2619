"""Advice that fits the person: the cases of the black-box user test (/tmp/usertest, 2026).

Each case below is what the conversation recorded for one transcript (the answers a
checklist leaves unticked are recorded as "no"). The tests are general rules, checked on
those people and on the vignettes: no loading, stairs, exercise or "wait 6 weeks" advice at
the emergency level or while a break is open in a leg that cannot take weight; no NSAID
suggestion while a hip break is open in an older person; "What to do now" fits the level.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.reply_text import lines_text
from flows.assessment import Assessment, assess
from flows.case import Case
from flows.case_files import Vignette, read_vignettes
from flows.content import get_content
from flows.guidance import select_guidance
from flows.summary import build_summary

CONTENT = get_content()
VIGNETTES = [v for path in sorted(Path("tests/vignettes").glob("*.yaml"))
             for v in read_vignettes(path, list(CONTENT.conditions))]

NO_TESTS: dict[str, Any] = {"xray": "not_done", "mri": "not_done", "bone_scan": "not_done",
                            "inflammatory_markers": "not_done", "white_cell_count": "not_done"}
NO_HISTORY: dict[str, Any] = {"glucocorticoids": False, "alcohol_excess": False, "other_avn_risk": False,
                              "immunosuppressed": False, "known_osteoporosis": False,
                              "known_inflammatory_arthritis": False, "recent_joint_procedure": False,
                              "injecting_drug_use": False}
NO_SIGNS: dict[str, Any] = {"trauma": False, "repetitive_loading": False, "hot_swollen_joint": False,
                            "cannot_move_hip": False, "night_pain": False, "weight_loss": False,
                            "cancer_history": False}

# p8: three weeks after the birth, cannot put the foot down (Portuguese).
P8_AFTER_BIRTH: dict[str, Any] = {
    **NO_TESTS, **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 36, "pregnancy": "postpartum",
    "breastfeeding": False, "side": "right", "pelvic_girdle_pattern": False, "onset": "sudden",
    "duration_weeks": 3, "weight_bearing_pain": True, "unable_to_bear_weight": True, "fever": False}
# e3: an 80-year-old after a fall in the kitchen, with osteoporosis.
E3_FALL_AT_80: dict[str, Any] = {
    **NO_TESTS, **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 80, "side": "left", "onset": "sudden",
    "duration_weeks": 1 / 7, "weight_bearing_pain": True, "unable_to_bear_weight": True,
    "known_osteoporosis": True, "fever": False, "trauma": True}
# e9: lupus, prednisolone 40 mg, both hips, a normal X-ray and a CRP of 12 (a little raised).
E9_LUPUS_ON_STEROIDS: dict[str, Any] = {
    **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 30, "pregnancy": "not_pregnant", "side": "both",
    "xray": ["normal"], "mri": "not_done", "bone_scan": "not_done", "inflammatory_markers": "mildly_raised",
    "weight_bearing_pain": True, "unable_to_bear_weight": False, "glucocorticoids": True, "other_avn_risk": True,
    "fever": False, "other_joints": True, "morning_stiffness": False, "prior_episode": False,
    "psoriasis_ibd_or_uveitis": False}
# p9: a diabetic man of 55, two weeks of hip pain, CRP 12.4 and a raised white count (Portuguese).
P9_DIABETIC_RAISED_BLOODS: dict[str, Any] = {
    **NO_HISTORY, **NO_SIGNS, "sex": "male", "age": 55, "side": "right", "xray": "not_done", "mri": "not_done",
    "bone_scan": "not_done", "inflammatory_markers": "mildly_raised", "white_cell_count": "raised",
    "onset": "gradual", "duration_weeks": 2, "weight_bearing_pain": True, "unable_to_bear_weight": False,
    "immunosuppressed": True, "night_pain": True, "other_joints": False, "morning_stiffness": False,
    "prior_episode": False, "psoriasis_ibd_or_uveitis": False}
# e5: a woman of 60 after breast cancer, an X-ray "with some arthritis", night pain.
E5_AFTER_CANCER_XRAY_DONE: dict[str, Any] = {
    **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 60, "side": "left", "xray": ["joint_space_narrowing"],
    "mri": "not_done", "bone_scan": "not_done", "inflammatory_markers": "not_done", "white_cell_count": "not_done",
    "onset": "gradual", "duration_weeks": 9, "weight_bearing_pain": False, "unable_to_bear_weight": False,
    "fever": False, "cancer_history": True, "night_pain": True, "other_joints": False, "morning_stiffness": True}
# p7: a man of 63 after prostate cancer, a spot in the bone on the X-ray, night pain, weight loss.
P7_LESION_ON_XRAY: dict[str, Any] = {
    **NO_HISTORY, **NO_SIGNS, "sex": "male", "age": 63, "side": "right", "xray": ["lytic_or_sclerotic_lesion"],
    "mri": "not_done", "bone_scan": "not_done", "inflammatory_markers": "not_done", "white_cell_count": "not_done",
    "onset": "gradual", "duration_weeks": 12, "weight_bearing_pain": False, "unable_to_bear_weight": False,
    "other_avn_risk": True, "fever": False, "cancer_history": True, "night_pain": True, "weight_loss": True,
    "other_joints": False}
# e7: a runner of 27, not pregnant, three weeks of groin pain in marathon training.
E7_RUNNER: dict[str, Any] = {
    **NO_TESTS, **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 27, "pregnancy": "not_pregnant",
    "side": "right", "onset": "gradual", "duration_weeks": 3, "weight_bearing_pain": True,
    "unable_to_bear_weight": False, "fever": False, "repetitive_loading": True, "other_joints": False,
    "morning_stiffness": False, "prior_episode": False, "psoriasis_ibd_or_uveitis": False}
# e1: 33 weeks pregnant, two weeks of groin pain, limping, "sometimes at night when I roll over".
E1_PREGNANT: dict[str, Any] = {
    **NO_TESTS, **NO_HISTORY, **NO_SIGNS, "sex": "female", "age": 34, "pregnancy": "trimester_3",
    "side": "left", "pelvic_girdle_pattern": False, "onset": "gradual", "duration_weeks": 2,
    "weight_bearing_pain": True, "unable_to_bear_weight": False, "fever": False, "night_pain": True,
    "other_joints": False, "morning_stiffness": False, "prior_episode": False, "psoriasis_ibd_or_uveitis": False}

USER_TEST_CASES = {"p8": P8_AFTER_BIRTH, "e3": E3_FALL_AT_80, "e9": E9_LUPUS_ON_STEROIDS,
                   "p9": P9_DIABETIC_RAISED_BLOODS, "e5": E5_AFTER_CANCER_XRAY_DONE, "p7": P7_LESION_ON_XRAY,
                   "e7": E7_RUNNER, "e1": E1_PREGNANT}
ALL_CASES = [pytest.param(case, id=name) for name, case in USER_TEST_CASES.items()] + [
    pytest.param(v.case.model_dump(exclude_none=True), id=v.id) for v in VIGNETTES]

LOADING_TAGS = {"weight_bearing", "stairs", "exercise", "wait_weeks"}


def items(case: Case, assessment: Assessment | None = None) -> list[Any]:
    assessment = assessment or assess(case, CONTENT)
    return [item for _, chosen in select_guidance(case, assessment, CONTENT) for item in chosen]


def ids(case: dict[str, Any]) -> set[str]:
    return {item.id for item in items(Case(**case))}


def shown_text(case: dict[str, Any], locale: str = "en") -> str:
    built = Case(**case)
    summary = build_summary(built, assess(built, CONTENT), CONTENT, locale)
    return lines_text(summary.first + [line for s in summary.sections for line in s.lines])


# --- 1. a possible break, an emergency: no loading, stairs, exercise or waiting -----------------


@pytest.mark.parametrize("case", [P8_AFTER_BIRTH, E3_FALL_AT_80], ids=["p8", "e3"])
def test_no_loading_stairs_exercise_or_six_weeks_when_sent_to_the_emergency_department(
        case: dict[str, Any]) -> None:
    assessment = assess(Case(**case), CONTENT)
    assert assessment.triage == "emergency"
    shown = items(Case(**case), assessment)
    assert not [item.id for item in shown if LOADING_TAGS & set(item.tags)]
    text = shown_text(case)
    for words in ("partial weight", "part of your weight", "On stairs", "heel slides", "after 6 weeks"):
        assert words not in text, words


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_no_vignette_gets_loading_advice_at_the_emergency_level_or_with_a_break_open_and_no_walking(
        vignette: Vignette) -> None:
    case = vignette.case
    assessment = assess(case, CONTENT)
    open_break = "fracture" in {d.condition for d in assessment.not_ruled_out} or assessment.top.condition == "fracture"
    if assessment.triage == "emergency" or (open_break and case.unable_to_bear_weight):
        assert not [item.id for item in items(case, assessment) if LOADING_TAGS & set(item.tags)]


def test_loading_advice_is_still_given_when_it_fits() -> None:
    itoh_on_mri = {"sex": "male", "age": 48, "side": "left", "fever": False, "trauma": False,
                   "xray": ["osteopenia"], "mri": ["bone_marrow_oedema", "joint_effusion"],
                   "inflammatory_markers": "normal"}
    assert assess(Case(**itoh_on_mri), CONTENT).triage == "consultation"
    assert {"protect_crutches", "protect_stairs", "rehab_acute_mobility", "sooner_not_improving"} <= ids(itoh_on_mri)


def test_a_break_open_in_a_leg_that_cannot_take_weight_gets_no_loading_advice_at_any_level() -> None:
    young = {"sex": "male", "age": 35, "unable_to_bear_weight": True, "trauma": False, "fever": False}
    assessment = assess(Case(**young), CONTENT)
    assert assessment.triage == "urgent" and "fracture" in {d.condition for d in assessment.not_ruled_out}
    assert not [item.id for item in items(Case(**young)) if LOADING_TAGS & set(item.tags)]


# --- NSAIDs while a hip break is open in an older person ---------------------------------------


def test_no_nsaid_suggestion_for_an_older_person_after_a_fall() -> None:
    shown = items(Case(**E3_FALL_AT_80))
    assert not [item.id for item in shown if "nsaid" in item.tags]
    assert "pain_no_nsaid_until_break_excluded" in {item.id for item in shown}
    text = shown_text(E3_FALL_AT_80)
    assert "a short course of an anti-inflammatory" not in text
    assert "paracetamol" in text.lower()


@pytest.mark.parametrize("age", [60, 72, 90])
def test_no_nsaid_while_a_break_is_open_from_sixty(age: int) -> None:
    case = {"sex": "male", "age": age, "duration_weeks": 2, "fever": False, "inflammatory_markers": "normal",
            "xray": ["joint_space_narrowing"]}
    assert "fracture" in {d.condition for d in assess(Case(**case), CONTENT).not_ruled_out}
    assert not [i for i in items(Case(**case)) if "nsaid" in i.tags]
    closed = {**case, "mri": ["cartilage_loss", "joint_effusion"]}  # an MRI without a break line
    assert "fracture" not in {d.condition for d in assess(Case(**closed), CONTENT).not_ruled_out}
    assert [i for i in items(Case(**closed)) if "nsaid" in i.tags]  # NSAIDs may be suggested again


# --- "What to do now" fits the level --------------------------------------------------------------


def test_what_to_do_now_after_a_birth_at_the_emergency_level_is_not_ask_your_gp_about_an_mri() -> None:
    found = ids(P8_AFTER_BIRTH)
    assert "care_itoh_postpartum" not in found and "care_itoh" not in found
    assert {"care_emergency", "care_emergency_after_birth"} <= found
    text = shown_text(P8_AFTER_BIRTH, "pt")
    assert "pergunte se é precisa uma RM" not in text


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_what_to_do_now_never_says_go_now_below_the_emergency_level_nor_wait_at_it(vignette: Vignette) -> None:
    case = vignette.case
    assessment = assess(case, CONTENT)
    now = [item for section, chosen in select_guidance(case, assessment, CONTENT) if section.id == "care_now"
           for item in chosen]
    text = " ".join(CONTENT.text(item.text) for item in now)
    if assessment.triage != "emergency":
        assert "emergency department now" not in text and "today" not in text
    else:
        assert "next contact" not in text and "1 to 2 weeks" not in text and "ask whether" not in text


# --- 3. steroid tablets: no NSAID suggestion, and an infection is not ruled out with raised markers --


def test_no_nsaid_suggestion_with_steroid_tablets_and_the_reason_is_said() -> None:
    shown = items(Case(**E9_LUPUS_ON_STEROIDS))
    assert not [item.id for item in shown if "nsaid" in item.tags]
    assert "pain_no_nsaid_with_steroids" in {item.id for item in shown}
    for locale in ("en", "pt"):
        assert "prednisolon" in shown_text(E9_LUPUS_ON_STEROIDS, locale)


def test_the_nsaid_caution_list_names_steroid_tablets() -> None:
    item = next(i for i, *_ in CONTENT.guidance_items if i.id == "pain_nsaid_short_course")
    assert "steroid tablets" in CONTENT.text(item.text) and "corticoides" in CONTENT.text(item.text, "pt")


def test_steroids_with_raised_markers_leave_an_infection_not_ruled_out_until_an_mri_or_fluid_settles_it() -> None:
    assessment = assess(Case(**E9_LUPUS_ON_STEROIDS), CONTENT)
    infection = next(d for d in assessment.not_ruled_out if d.condition == "septic_arthritis")
    assert "infection_weak_immunity_raised_markers" in infection.rule_ids
    assert assessment.triage in ("urgent", "emergency")
    normal = assess(Case(**{**E9_LUPUS_ON_STEROIDS, "inflammatory_markers": "normal"}), CONTENT)
    assert "septic_arthritis" not in {d.condition for d in normal.not_ruled_out}


def test_steroid_tablets_are_not_read_as_no_immune_weakening_treatment() -> None:
    def matched(case: dict[str, Any]) -> set[str]:
        return {finding.id for finding, test in CONTENT.findings if test(Case(**case))}

    assert "no_immunosuppressed" not in matched(E9_LUPUS_ON_STEROIDS)
    assert "no_immunosuppressed" in matched({**E9_LUPUS_ON_STEROIDS, "glucocorticoids": False})


# --- 4. the test that would settle it fits the level, and is not one already done ---------------


def settling_test_shown(danger: Any, locale: str = "en") -> Any:
    """The settling test whose words (or one of its wordings) are the ones shown."""
    shown = danger.settle_with_in(CONTENT, locale)
    return next(test for test in CONTENT.settling_tests.values()
                if shown in [CONTENT.text(test.text, locale)] + [CONTENT.text(w.text, locale) for w in test.wordings])


@pytest.mark.parametrize("case", ALL_CASES)
def test_the_settling_test_never_asks_for_more_haste_than_the_level_of_care(case: dict[str, Any]) -> None:
    from flows.content_models import TRIAGE_ORDER

    assessment = assess(Case(**case), CONTENT)
    for danger in assessment.not_ruled_out:
        test = settling_test_shown(danger)
        assert TRIAGE_ORDER.index(test.level) <= TRIAGE_ORDER.index(assessment.triage), (danger.condition, test.id)
        if assessment.triage != "emergency":
            for locale in ("en", "pt"):
                words = danger.settle_with_in(CONTENT, locale) + " " + danger.settle_short_in(CONTENT, locale)
                assert not any(w in words for w in ("today", "same day", "hoje", "próprio dia")), words


def test_p9_an_infection_open_within_24_hours_is_settled_by_words_that_fit_24_hours() -> None:
    assessment = assess(Case(**P9_DIABETIC_RAISED_BLOODS), CONTENT)
    assert assessment.triage == "urgent"
    infection = next(d for d in assessment.not_ruled_out if d.condition == "septic_arthritis")
    assert "today" not in infection.settle_short_in(CONTENT, "en")
    assert "hoje" not in infection.settle_short_in(CONTENT, "pt")
    # Both blood tests were done: the next step is named, not the blood tests again.
    assert "MRI" in infection.settle_with_in(CONTENT, "en")


@pytest.mark.parametrize("case", [E5_AFTER_CANCER_XRAY_DONE, P7_LESION_ON_XRAY], ids=["e5", "p7"])
def test_an_x_ray_already_done_is_not_the_test_that_would_settle_a_growth(case: dict[str, Any]) -> None:
    growth = next(d for d in assess(Case(**case), CONTENT).not_ruled_out if d.condition == "malignancy")
    for locale in ("en", "pt"):
        words = growth.settle_with_in(CONTENT, locale) + " " + growth.settle_short_in(CONTENT, locale)
        assert "X-ray," not in words and "an X-ray" not in words and "uma radiografia" not in words, words


def test_the_next_test_after_an_x_ray_is_an_mri_and_after_a_lesion_a_specialist_review() -> None:
    e5_open = assess(Case(**E5_AFTER_CANCER_XRAY_DONE), CONTENT).not_ruled_out
    e5 = next(d for d in e5_open if d.condition == "malignancy")
    assert e5.settle_short_in(CONTENT, "en") == "an MRI of the hip"
    p7 = next(d for d in assess(Case(**P7_LESION_ON_XRAY), CONTENT).not_ruled_out if d.condition == "malignancy")
    assert "specialist" in p7.settle_short_in(CONTENT, "en")
    no_xray = {**E5_AFTER_CANCER_XRAY_DONE, "xray": "not_done"}
    first = next(d for d in assess(Case(**no_xray), CONTENT).not_ruled_out if d.condition == "malignancy")
    assert first.settle_short_in(CONTENT, "en").startswith("an X-ray")


# --- 6b. "safe in pregnancy" only in pregnancy ------------------------------------------------------


@pytest.mark.parametrize("case", [E7_RUNNER, E9_LUPUS_ON_STEROIDS, E3_FALL_AT_80], ids=["e7", "e9", "e3"])
def test_no_safe_in_pregnancy_words_for_someone_not_pregnant(case: dict[str, Any]) -> None:
    assert "fracture" in {d.condition for d in assess(Case(**case), CONTENT).not_ruled_out}
    assert "safe in pregnancy" not in shown_text(case, "en")
    assert "segura na gravidez" not in shown_text(case, "pt")


def test_in_pregnancy_the_mri_is_said_to_be_safe_without_contrast() -> None:
    fracture = next(d for d in assess(Case(**E1_PREGNANT), CONTENT).not_ruled_out if d.condition == "fracture")
    assert "safe in pregnancy, without a contrast injection" in fracture.settle_with_in(CONTENT, "en")
    assert "segura na gravidez" in fracture.settle_with_in(CONTENT, "pt")


# --- 6a. a cause impossible for the person is not listed ------------------------------------------

PGP_NAMES = ("Pregnancy-related pain in the pelvic joints", "Dor nas articulações da bacia relacionada com a gravidez")


@pytest.mark.parametrize("case", [
    pytest.param({"sex": "male", "age": 45, "side": "right", "xray": ["normal"], "mri": ["bone_marrow_oedema"]},
                 id="e2-man-45"),
    pytest.param(E7_RUNNER, id="e7-not-pregnant"),
    pytest.param(E9_LUPUS_ON_STEROIDS, id="e9-not-pregnant"),
    pytest.param({"sex": "male", "age": 67, "side": "right", "fever": True, "hot_swollen_joint": True,
                  "unable_to_bear_weight": True, "immunosuppressed": True}, id="p4-man-67"),
    pytest.param(E3_FALL_AT_80, id="e3-woman-80"),
])
def test_pregnancy_related_pain_is_never_listed_for_someone_who_cannot_have_it(case: dict[str, Any]) -> None:
    assessment = assess(Case(**case), CONTENT)
    assert assessment.probability("pelvic_girdle_pain") == 0
    assert "pelvic_girdle_pain" not in [r.condition for r in assessment.shown]
    for locale in ("en", "pt"):
        text = shown_text(case, locale)
        assert not any(name in text for name in PGP_NAMES), locale
    assert abs(sum(r.probability for r in assessment.ranking) - 1) < 1e-9


@pytest.mark.parametrize("case", [
    {"sex": "female", "age": 30, "pregnancy": "trimester_2"},
    {"sex": "female", "age": 30, "pregnancy": "postpartum"},
    {"sex": "female", "age": 30},  # pregnancy not known: still possible
    {},
])
def test_pregnancy_related_pain_stays_possible_where_a_pregnancy_may_be(case: dict[str, Any]) -> None:
    assert assess(Case(**case), CONTENT).probability("pelvic_girdle_pain") > 0


# --- 5a. a growth in the bone: what it needs, not a bare number, in the person's summary ----------


@pytest.mark.parametrize("case", [E5_AFTER_CANCER_XRAY_DONE, P7_LESION_ON_XRAY], ids=["e5", "p7"])
def test_a_likely_growth_is_said_as_needing_a_check_and_the_number_stays_in_the_doctors_report(
        case: dict[str, Any]) -> None:
    from datetime import date

    from flows.clinician_report import build_report

    assessment = assess(Case(**case), CONTENT)
    assert assessment.top.condition == "malignancy" and assessment.top.probability >= 0.5
    for locale, said, name in (("en", "needs checking soon", "A growth in the bone"),
                               ("pt", "precisa de ser avaliado em breve", "Um tumor no osso")):
        text = shown_text(case, locale)
        assert f"{name}: {said}" in text
        assert f"{name}: " + ("very likely" if locale == "en" else "muito provável") not in text
        assert not any(line.startswith(f"• {name}:") and "%" in line for line in text.splitlines())
        report = build_report(Case(**case), assessment, CONTENT, date(2026, 12, 1), locale)
        growth = next(e for e in report.differential if e.condition == "malignancy")
        assert "%" in growth.shown  # the clinician sees the estimate


def test_an_unlikely_growth_keeps_its_estimate_in_words_and_number() -> None:
    assessment = assess(Case(**E1_PREGNANT), CONTENT)
    growth = next(r for r in assessment.ranking if r.condition == "malignancy")
    assert growth.probability < 0.2
    assert "needs checking soon" not in shown_text(E1_PREGNANT)


def test_a_change_while_a_growth_leads_does_not_give_its_number() -> None:
    from flows.change_effect import change_effect

    before = assess(Case(**{**P7_LESION_ON_XRAY, "cancer_history": False, "weight_loss": False}), CONTENT)
    after = assess(Case(**P7_LESION_ON_XRAY), CONTENT)
    sentence = change_effect(before, after, Case(**P7_LESION_ON_XRAY), CONTENT)
    assert "needs checking soon" in sentence and "%" not in sentence.split(";")[0], sentence
