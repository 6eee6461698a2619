"""Session 30 (c30): a limp denied ("não estou mancando", "não ando mancando") is no limp, and
never "cannot walk"; one number of weeks said once ("34 weeks", "F 30, 32 weeks hip pain") is
not both the week of a pregnancy and how long the pain has lasted: when the pregnancy answer is
that very number, how long is asked; a sign not there is said only against a cause, never as a
reason for another ("no worn cartilage" for a break), nor immunosuppression for an inflammatory
arthritis; night pain with walking no worse keeps its urgent care in early pregnancy."""

from __future__ import annotations

from typing import Any

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


# 1. A limp denied ----------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("pt", "não estou mancando"),                 # session 30 brief
    ("pt-BR", "não estou mancando"),
    ("pt", "não coxeio"),
    ("pt", "não estou a coxear"),
    ("pt", "eu não estou mancando"),
    ("pt-BR", "não ando mancando"),               # no "não ando" (cannot walk) before a limp
    ("pt", "nao ando coxeando"),
    ("en", "I'm not limping"),
    ("en", "I don't limp"),
])
def test_a_limp_denied_is_walking_no_worse(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("walking", text)
    assert parsed.ok and parsed.value == "fine"


@pytest.mark.parametrize("language, text, value", [
    ("pt", "estou mancando", "worse"),
    ("pt", "estou a coxear", "worse"),
    ("pt-BR", "ando mancando", "worse"),
    ("pt", "não estou grávida, estou mancando", "worse"),   # the negation is the pregnancy's
    ("pt", "não ando", "cannot"),
    ("en", "I'm limping", "worse"),
])
def test_a_limp_said_or_walking_denied_still_reads(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("walking", text).value == value


def test_the_side_keeps_its_negation_free_reading() -> None:
    assert ENGINE.reader("en").read("side", "she cant stand on her right leg").value == "right"


@pytest.mark.parametrize("language, first", [
    ("pt", "feminino, 30 anos, dor na anca esquerda, não estou mancando"),
    ("pt-BR", "feminino, 30 anos, dor no quadril esquerdo, não ando mancando"),
    ("en", "female, 30, left hip pain, I'm not limping"),
])
def test_a_limp_denied_in_passing_records_no_walking_trouble(language: str, first: str) -> None:
    conv = talk(first, language=language)
    case = conv.session.case  # type: ignore[union-attr]
    assert case.unable_to_bear_weight is not True and case.weight_bearing_pain is not True


def test_a_limp_said_in_passing_is_still_heard() -> None:
    conv = talk("feminino, 30 anos, dor na anca esquerda, estou mancando", language="pt-BR")
    assert conv.session.case.weight_bearing_pain is True  # type: ignore[union-attr]


# 2. One number of weeks, one fact -----------------------------------------------------------

TO_DURATION = ["none", "left", "none", "groin", "suddenly"]


@pytest.mark.parametrize("language, answers", [
    ("en", ["34 weeks", "female", "30"]),                              # session 30 brief
    ("en", ["F 30, 32 weeks hip pain", "yes, 32 weeks"]),              # session 30 brief (item 6)
    ("en", ["F 30, 32 weeks hip pain", "4"]),                          # the trimester's button
    ("pt", ["34 semanas", "feminino", "30"]),
    ("pt", ["F 30 anos, 32 semanas dor na anca", "sim, 32 semanas"]),
])
def test_weeks_that_are_the_pregnancy_are_not_taken_for_how_long(language: str, answers: list[str]) -> None:
    rest = TO_DURATION if language == "en" else ["nenhum", "esquerda", "nenhum", "virilha", "de repente"]
    conv = talk(*answers, *rest, language=language)
    session = conv.session
    assert session is not None
    assert session.case.pregnancy == "trimester_3"
    assert session.case.duration_weeks is None and conv.state == "duration_weeks"  # asked, not guessed


def test_weeks_held_for_how_long_stay_when_not_pregnant() -> None:
    conv = talk("F 30, 32 weeks hip pain", "not pregnant", "left", "none", "suddenly", language="en")
    assert conv.session.case.duration_weeks == 32  # type: ignore[union-attr]


@pytest.mark.parametrize("answers, weeks", [
    (["female", "30", "pain for 3 weeks, 34 weeks pregnant"], 3),
    (["female", "30", "left hip pain for 3 weeks", "yes 34 weeks"], 3),
])
def test_a_time_tied_to_the_pain_beside_another_week_of_pregnancy_is_kept(answers: list[str], weeks: float) -> None:
    conv = talk(*answers, "none", "left", "none", "groin", "suddenly", language="en")
    session = conv.session
    assert session is not None and session.case.pregnancy == "trimester_3"
    assert session.case.duration_weeks == weeks


# 3. Reasons: a sign not there is a point against only ---------------------------------------

def _reasons(case: dict[str, Any], condition: str) -> tuple[set[str], set[str]]:
    ranked = next(r for r in assess(Case(**case), CONTENT).ranking if r.condition == condition)
    return {r.finding_id for r in ranked.reasons_for}, {r.finding_id for r in ranked.reasons_against}


OLD_WITH_MRI: dict[str, Any] = {"sex": "female", "age": 68, "side": "left", "onset": "sudden", "duration_weeks": 2,
                                "trauma": False, "xray": ["femoral_head_collapse"],
                                "mri": ["bone_marrow_oedema", "double_line_sign"]}  # dangerous-adults.yaml, 3rd


def test_no_worn_cartilage_is_no_reason_for_a_break() -> None:
    shown_for, _ = _reasons(OLD_WITH_MRI, "fracture")
    assert "mri_no_cartilage_loss_from_60" not in shown_for
    _, against = _reasons(OLD_WITH_MRI, "osteoarthritis")
    assert "mri_no_cartilage_loss_from_60" in against  # still said against worn cartilage


def test_no_joint_effusion_is_no_reason_for_a_growth() -> None:
    case = {"sex": "male", "age": 64, "side": "left", "mri": ["focal_lesion_or_mass"]}
    shown_for, _ = _reasons(case, "malignancy")
    assert "mri_focal_lesion_or_mass" in shown_for and "mri_no_joint_effusion" not in shown_for


def test_no_fever_is_still_said_against_an_infection() -> None:
    _, against = _reasons({"sex": "male", "age": 48, "fever": False}, "septic_arthritis")
    assert "no_fever" in against


def test_every_absence_is_said_for_nothing() -> None:
    absences = {finding.id for finding, _ in CONTENT.findings if finding.absence}
    assert {"no_fever", "mri_no_cartilage_loss", "xray_no_fracture_line"} <= absences
    cases = [OLD_WITH_MRI,
             {"sex": "male", "age": 45, "fever": False, "trauma": False, "night_pain": False,
              "mri": ["joint_effusion"], "xray": ["joint_space_narrowing"]},
             {"sex": "female", "age": 30, "pregnancy": "trimester_3", "mri": ["bone_marrow_oedema"],
              "xray": ["osteopenia"]}]
    for case in cases:
        for ranked in assess(Case(**case), CONTENT).ranking:
            assert not absences & {r.finding_id for r in ranked.reasons_for}


def test_immunosuppression_is_a_reason_for_infection_not_for_inflammatory_arthritis() -> None:
    case = {"sex": "female", "age": 55, "side": "left", "immunosuppressed": True}
    assert "immunosuppressed" not in _reasons(case, "inflammatory_arthritis")[0]
    assert "immunosuppressed" in _reasons(case, "septic_arthritis")[0]


def test_reasons_change_but_the_ranking_does_not() -> None:
    assessment = assess(Case(**OLD_WITH_MRI), CONTENT)
    assert sum(r.probability for r in assessment.ranking) == pytest.approx(1)
    assert "mri_no_cartilage_loss_from_60" in assessment.findings  # still counted


# 4. Night pain with walking no worse in early pregnancy: the urgent care is the content's -----

EARLY: dict[str, Any] = {"sex": "female", "age": 30, "pregnancy": "trimester_1", "side": "left", "onset": "gradual",
                         "duration_weeks": 3, "fever": False, "trauma": False, "unable_to_bear_weight": False,
                         "xray": "not_done", "mri": "not_done", "bone_scan": "not_done",
                         "inflammatory_markers": "not_done", "white_cell_count": "not_done"}


def test_night_pain_not_worse_on_walking_keeps_urgent_care_in_early_pregnancy() -> None:
    """Pain at night that walking does not worsen is non-mechanical pain, a clue to a growth
    (Deyo 1988, NICE NG12): a growth among the three likeliest keeps urgent care."""
    assessment = assess(Case(**EARLY, night_pain=True, weight_bearing_pain=False), CONTENT)
    assert assessment.triage == "urgent" and "malignancy_among_leading_causes" in assessment.triage_because


def test_night_pain_with_pain_on_walking_in_early_pregnancy_is_not_urgent_for_a_growth() -> None:
    assessment = assess(Case(**EARLY, night_pain=True, weight_bearing_pain=True), CONTENT)
    assert "malignancy_among_leading_causes" not in assessment.triage_because


# 5. A scan named in one word in passing ticks its test; its result is still asked -----------

@pytest.mark.parametrize("language, first, ticked", [
    ("en", "female, 60, left hip pain, I had an xray last week", "xray"),   # session 30 brief
    ("en", "female 60, left hip, I've had an MRI", "mri"),                 # session 30 brief
    ("en", "male 50 left hip, xray was normal", "xray"),
    ("pt", "feminino, 60 anos, anca esquerda, fiz uma RM", "mri"),          # session 30 brief
    ("pt", "feminino, 60 anos, anca esquerda, fiz rx, estava normal", "xray"),
])
def test_a_scan_named_in_one_word_in_passing_is_ticked(language: str, first: str, ticked: str) -> None:
    conv = talk(first, language=language)
    session = conv.session
    assert session is not None and conv.state == "tests_done"
    options = CONTENT.options["tests_done"]
    assert [options[i].value for i in session.noted.get("tests_done", [])] == [ticked]


@pytest.mark.parametrize("language, first", [
    ("en", "male 50, left hip, no xray yet"),
    ("en", "male 50, left hip, waiting for an MRI"),
    ("en", "male 50, left hip, GP wants an xray"),
    ("en", "male 50 left hip, should I get an MRI?"),
    ("en", "male 50 left hip, haven't had an mri"),
    ("en", "male 50 left hip, MRI booked for next week"),
    ("en", "male 50 left hip, they never did an xray"),
    ("pt", "feminino, 60 anos, anca esquerda, não fiz RM"),
    ("pt", "feminino, 60 anos, anca esquerda, ainda não fiz rx"),
    ("pt", "feminino, 60 anos, anca esquerda, vou fazer uma RM"),
    ("pt", "feminino, 60 anos, anca esquerda, o médico pediu RM"),
    ("pt", "feminino, 60 anos, anca esquerda, rm marcada para dia 14"),
])
def test_a_scan_denied_booked_or_asked_about_is_not_ticked(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert not conv.session.noted.get("tests_done")  # type: ignore[union-attr]


def test_the_result_of_a_scan_ticked_in_passing_is_still_asked() -> None:
    conv = talk("male, 50, left hip pain, I had an xray last week", "done")
    session = conv.session
    assert session is not None and conv.state == "xray" and session.case.xray is None


# 6. Pain begun right after the birth: when that was is asked, not "I have that already" -----

AFTER_BIRTH = {"en": ("female", "30", "I had the baby 3 weeks ago", "yes", "none", "left", "none", "groin", "suddenly"),
               "pt": ("feminino", "30", "dei à luz há 3 semanas", "sim", "nenhum", "esquerda", "nenhum", "virilha",
                      "de repente")}


@pytest.mark.parametrize("language, text", [
    ("en", "the pain started right after the birth"),       # session 30 brief
    ("en", "right after I had the baby"),
    ("en", "since I had the baby"),
    ("pt", "começou logo depois do parto"),
    ("pt", "logo a seguir ao parto"),
])
def test_pain_begun_at_the_birth_asks_how_long_ago_that_was(language: str, text: str) -> None:
    conv = talk(*AFTER_BIRTH[language], language=language)
    assert conv.state == "duration_weeks"
    replies = conv.say(text)
    assert replies[0].code == "since_an_event" and conv.session.case.duration_weeks is None  # type: ignore[union-attr]


@pytest.mark.parametrize("language, text, weeks", [
    ("en", "I gave birth 3 weeks ago and the pain started right after the birth", 3),
    ("en", "3 weeks", 3),
    ("pt", "3 semanas", 3),
])
def test_a_time_given_with_it_is_taken(language: str, text: str, weeks: float) -> None:
    conv = talk(*AFTER_BIRTH[language], text, language=language)
    assert conv.session.case.duration_weeks == weeks  # type: ignore[union-attr]


def test_a_time_between_the_birth_and_the_pain_is_still_asked() -> None:
    conv = talk(*AFTER_BIRTH["en"], "it started 2 weeks after the birth")
    assert conv.state == "duration_weeks" and conv.session.case.duration_weeks is None  # type: ignore[union-attr]


# 7. "I can barely walk" said first is kept: asked which of the two, not as if never said ----

TO_WALKING = {"en": ("not pregnant", "none", "suddenly", "2 weeks"), "pt": ("não", "nenhum", "de repente", "2 semanas")}


@pytest.mark.parametrize("language, first", [
    ("en", "I'm a 34 year old woman, my left hip hurts and I can barely walk"),     # session 30 brief
    ("en", "female 34, left hip pain, can hardly walk at the moment"),
    ("pt", "feminino, 34 anos, anca esquerda, mal consigo andar"),                  # session 30 brief
    ("pt", "feminino, 34 anos, dor na anca esquerda, mal consigo ficar de pé"),
])
def test_barely_walking_said_first_is_asked_as_one_of_two(language: str, first: str) -> None:
    conv = talk(first, *TO_WALKING[language], language=language)
    assert conv.state == "walking"
    replies = conv.transcript[-1][1]
    clarify = next(r for r in replies if r.code == "clarify")
    options = CONTENT.options["walking"]
    worse, cannot = (CONTENT.text(o.label, language) for o in options if o.value in ("worse", "cannot"))
    assert worse in clarify.text and cannot in clarify.text
    assert conv.session.case.unable_to_bear_weight is None  # type: ignore[union-attr]  # not guessed
    conv.say("3")
    assert conv.session.case.unable_to_bear_weight is True  # type: ignore[union-attr]


@pytest.mark.parametrize("language, first", [
    ("en", "female 34, left hip, I can walk fine"),
    ("en", "female 34, left hip, walking is ok, not barely"),
    ("en", "female, 34, left hip, cant put weight on it, can barely walk"),   # the graver is recorded at once
    ("pt", "feminino, 34 anos, anca esquerda, ando bem"),
])
def test_walking_said_otherwise_asks_nothing_first(language: str, first: str) -> None:
    conv = talk(first, language=language)
    session = conv.session
    assert session is not None and "walking" not in session.heard_among


def test_barely_walking_typed_at_the_question_is_still_weight_bearing_pain() -> None:
    assert ENGINE.reader("en").read("walking", "I can barely walk").value == "worse"
    assert ENGINE.reader("pt").read("walking", "mal consigo andar").value == "worse"


@pytest.mark.parametrize("first", [
    "female 34, left hip, I can hardly put weight on it",   # session 30 brief: kept already
    "female 34, left hip pain, hardly able to walk",
])
def test_hardly_weight_bearing_said_first_is_weight_bearing_pain_and_not_asked_again(first: str) -> None:
    conv = talk(first, *TO_WALKING["en"])
    session = conv.session
    assert session is not None and session.case.weight_bearing_pain is True
    assert session.case.unable_to_bear_weight is False and "walking" in session.answered
