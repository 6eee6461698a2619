"""Session 24: bone-thinning hormone treatment counts as thin bone, a chemotherapy course
done years ago is no weakened immunity now, and diabetes is no evidence for a tumour."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from tests.support.conversation import talk

CONTENT = get_engine().content


@pytest.mark.parametrize(("language", "opening"), [
    ("en", "im 64, my left hip hurts, breast cancer 3 years ago and i take anastrozole"),
    ("en", "71 year old man, right hip pain, on zoladex injections"),
    ("en", "right hip pain, had hormone injections for prostate cancer"),
    ("pt", "tenho 67 anos, dói-me a anca esquerda, tomo letrozol desde o cancro da mama"),
    ("pt-BR", "meu pai tem 75 anos, dor no quadril, faz bloqueio hormonal pra próstata"),
])
def test_hormone_treatment_that_thins_bone_counts_as_thin_bone(language: str, opening: str) -> None:
    # aromatase inhibitors and androgen deprivation raise the fracture risk (Hadji 2017,
    # Shahinian 2005): "a break... unlikely (1%)" on zoladex was the user test's finding
    assert talk(opening, language=language).session.case.known_osteoporosis is True


@pytest.mark.parametrize(("language", "opening"), [
    ("en", "im 34, right hip pain, i had hormone injections for ivf"),
    ("en", "left hip pain, im on tamoxifen after breast cancer"),
    ("pt", "dói-me a anca, fiz tratamento hormonal para engravidar"),
])
def test_other_hormone_treatment_is_not_thin_bone(language: str, opening: str) -> None:
    assert talk(opening, language=language).session.case.known_osteoporosis is not True


def test_a_chemotherapy_course_done_is_not_weakened_immunity_now() -> None:
    conv = talk("dói-me a anca esquerda há 2 meses, tive cancro da mama, fiz quimio e radio", language="pt")
    assert conv.session.case.immunosuppressed is not True
    assert conv.session.case.cancer_history is True
    # ...while chemotherapy now, or diabetes beside a finished course, still counts
    assert talk("dói-me a anca, estou a fazer quimio", language="pt").session.case.immunosuppressed is True
    assert talk("left hip pain, im on chemo for lymphoma").session.case.immunosuppressed is True


def test_diabetes_or_weak_immunity_is_no_evidence_for_a_tumour() -> None:
    # the finding is ticked mostly for diabetes; a cancer is counted by its own item
    base = Case(sex="male", age=58, side="left", onset="gradual", duration_weeks=3, fever=False)
    without = assess(base, CONTENT)
    with_diabetes = assess(base.model_copy(update={"immunosuppressed": True}), CONTENT)

    def odds(assessment: object, a: str, b: str) -> float:
        return assessment.probability(a) / assessment.probability(b)  # type: ignore[attr-defined]

    for other in ("osteoarthritis", "fracture"):
        assert odds(with_diabetes, "malignancy", other) <= odds(without, "malignancy", other) * 1.05
    infection = ("septic_arthritis", "osteoarthritis")
    assert odds(with_diabetes, *infection) > odds(without, *infection)


def test_a_heavy_drinker_hears_about_alcohol_whichever_cause_leads() -> None:
    from flows.guidance import select_guidance

    def items(case: Case) -> set[str]:
        assessment = assess(case, CONTENT)
        return {item.id for _, chosen in select_guidance(case, assessment, CONTENT) for item in chosen}

    drinker = Case(sex="male", age=50, side="left", onset="sudden", duration_weeks=4, alcohol_excess=True,
                   mri=["bone_marrow_oedema"])
    assert assess(drinker, CONTENT).top.condition != "avn"
    assert "bone_alcohol" in items(drinker)
    assert "bone_alcohol" not in items(drinker.model_copy(update={"alcohol_excess": False}))
    # where AVN leads, its own line says it (once)
    avn = drinker.model_copy(update={"mri": ["double_line_sign"]})
    assert assess(avn, CONTENT).top.condition == "avn"
    assert "care_avn_alcohol" in items(avn) and "bone_alcohol" not in items(avn)


@pytest.mark.parametrize(("risk", "pain", "warned"), [
    ({"recent_joint_procedure": True}, {"onset": "sudden"}, True),
    ({"injecting_drug_use": True}, {"duration_weeks": 0.5}, True),
    ({"artificial_hip": True}, {"sudden_worsening": True}, True),
    ({"recent_joint_procedure": True}, {"onset": "gradual", "duration_weeks": 8}, False),
    ({"recent_joint_procedure": True}, {"onset": "sudden", "inflammatory_markers": "normal"}, False),
    ({"immunosuppressed": True}, {"onset": "sudden"}, False),  # diabetes alone: the summary's rule
])
def test_a_strong_infection_risk_with_new_pain_is_warned_of_at_once(
        risk: dict[str, object], pain: dict[str, object], warned: bool) -> None:
    # user test en 23d: a hip injection 5 days before and "way worse" was warned of only at the end
    case = Case.model_validate({"sex": "female", "age": 50, "side": "left", **risk, **pain})
    assessment = assess(case, CONTENT)
    assert ("infection_risk_with_new_pain" in {flag.id for flag in assessment.red_flags}) is warned
    if warned:
        assert assessment.triage in ("urgent", "emergency")


def test_the_warning_comes_in_the_conversation_as_soon_as_both_are_known() -> None:
    conv = talk("i had a steroid injection in my hip 5 days ago and now its way worse", "f", "50", "no", "left",
                "none")
    replies = conv.say("sudden")
    assert "infection_risk_with_new_pain" in [r.code for r in replies]


def test_the_bone_health_line_speaks_of_transient_osteoporosis_only_when_it_leads() -> None:
    from flows.guidance import select_guidance

    def texts(case: Case) -> str:
        assessment = assess(case, CONTENT)
        return " ".join(CONTENT.text(item.text, "en") for _, chosen in select_guidance(case, assessment, CONTENT)
                        for item in chosen)

    # a woman of 72 after a slip, on alendronate (user test en 23d): a break leads
    slip = Case(sex="female", age=72, side="right", onset="sudden", duration_weeks=0.3, trauma=True,
                long_term_bisphosphonate=True)
    assert assess(slip, CONTENT).top.condition == "fracture"
    assert "vitamin D" in texts(slip) and "common in people with transient osteoporosis" not in texts(slip)
    itoh = Case(sex="male", age=45, side="left", onset="sudden", duration_weeks=4, mri=["bone_marrow_oedema"])
    assert assess(itoh, CONTENT).top.condition == "itoh"
    assert "common in people with transient osteoporosis" in texts(itoh)


@pytest.mark.parametrize("typed", ["over 3 weeks", "came on over 3 weeks", "it came on over 2 days"])
def test_a_duration_in_passing_is_no_slipped_fever(typed: str) -> None:
    # the spelling tolerance for warning signs typed in passing read "over 3" as "over 38"
    conv = talk("my hip hurts", "female", "45", "not pregnant")
    conv.say(typed)
    assert conv.session is not None and conv.session.case.fever is None
    assert "fever" not in conv.session.announced
