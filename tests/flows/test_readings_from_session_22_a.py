"""Session 22 (a), blind user tests en 22a and pt 22c: a pregnancy said the ways people say it
in a first message ("33 wks, left hip agony", "ivf pregnancy 16 weeks", "expecting twins, 27
weeks", "16 weeks along", "preggo 21 wks") is heard with its week, while a pain's length ("hip
pain 3 weeks", "3 weeks, hip pain") is not; "can't lift my leg" is the hip that cannot move; and
hopping on one foot or not putting the foot down ("pulando num pé", "ao pé-coxinho", "não
consigo botar o pé no chão") is a leg that takes no weight, at once; a temperature of 37.5 to
37.9 °C is still no fever, but is said back, and shown to the doctor, with its number, and the
advice says to measure again."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.clinician_report import clinical_answer
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from tests.support.conversation import talk

CONTENT = get_engine().content

# --- 1. a pregnancy said in a first message ---------------------------------------------------


@pytest.mark.parametrize(("first", "trimester"), [
    ("33 wks, left hip agony since tuesday, can barely walk, no fall, no fever", "trimester_3"),
    ("33 weeks, left hip agony since tuesday", "trimester_3"),
    ("21 wks and hip pain", "trimester_2"),
    ("ivf pregnancy 16 weeks, hip pain", "trimester_2"),
    ("ivf pregnancy 16 weeks, pain in my left hip for 3 weeks", "trimester_2"),
    ("my pregnancy is 16 weeks, hip pain", "trimester_2"),
    ("im expecting, 16 weeks, hip pain", "trimester_2"),
    ("expecting twins, 27 weeks, hip pain", "trimester_2"),
    ("16 weeks along and my hip hurts", "trimester_2"),
    ("16 weeks gone, hip pain", "trimester_2"),
    ("preggo 21 wks hip hurts", "trimester_2"),
])
def test_a_pregnancy_said_in_a_first_message_is_heard_with_its_week(first: str, trimester: str) -> None:
    conv = talk(first, "30")
    assert conv.session is not None
    assert conv.session.case.sex == "female" and conv.session.case.pregnancy == trimester
    # the question is not asked again, so a tired "no" cannot take the pregnancy back
    assert "pregnancy" not in [reply.code for _, replies in conv.transcript for reply in replies
                               if reply.kind == "question"]


@pytest.mark.parametrize("first", ["hip pain 3 weeks", "3 weeks, hip pain", "3 weeks now, hip pain",
                                   "hip pain for 3 weeks, gone worse"])
def test_a_pains_length_is_no_pregnancy(first: str) -> None:
    conv = talk(first)
    assert conv.session is not None
    assert "pregnancy" not in conv.session.noted and conv.session.case.sex is None


# --- 2. a leg that cannot be lifted, a foot that cannot be put down ------------------------------


@pytest.mark.parametrize("answers", [
    ("27 wks pregnant, hip pain, i cant lift my leg at all",),
    ("27 weeks with twins. hip pain since the 20th", "f", "33", "none",
     "its bad, today i cant lift my leg at all off the bed"),
    ("hip pain", "male", "50", "cant raise my leg"),
])
def test_a_leg_that_cannot_be_lifted_is_a_hip_that_cannot_move(answers: tuple[str, ...]) -> None:
    conv = talk(*answers)
    assert conv.session is not None
    assert conv.session.case.cannot_move_hip is True
    assert "hip_cannot_move" in conv.session.announced


@pytest.mark.parametrize(("language", "answers"), [
    ("pt-BR", ("tenho 19 anos, homem. to com dor no quadril direito depois q cai no futebol ontem, "
               "so consigo andar pulando num pé",)),
    ("pt-BR", ("tenho 19 anos, homem. to com dor no quadril direito", "nao consigo botar o pe no chao direito")),
    ("pt", ("ando ao pé-coxinho, dor na anca",)),
    ("pt", ("dor na anca", "feminino", "40", "não", "não consigo apoiar o pé")),
])
def test_hopping_or_no_foot_on_the_floor_is_a_leg_that_takes_no_weight(language: str,
                                                                      answers: tuple[str, ...]) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None
    assert conv.session.case.unable_to_bear_weight is True
    assert any("bear_weight" in flag for flag in conv.session.announced)


# --- 3. a temperature just under fever level ---------------------------------------------------


@pytest.mark.parametrize(("language", "answers", "said"), [
    ("en", ("c section 2 weeks ago. right hip pain 5 days", "32", "no", "none", "none", "groin", "hurts to walk",
            "none", "37.9"), "37.9 °C"),
    ("en", ("had my c section 3 days ago, now my right hip really hurts. temp 37.9 and the wound looks a bit red",),
     "37.9 °C"),
    ("pt-BR", ("fiz cesárea há 2 semanas, dor no quadril direito, temperatura 37,8",), "37,8 °C"),
])
def test_a_temperature_just_under_fever_level_is_no_fever_said_with_its_number(
        language: str, answers: tuple[str, ...], said: str) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None
    case = conv.session.case
    assert case.fever is False and case.temperature_c is not None and 37.5 <= case.temperature_c < 38
    # said back with its number, as just under fever level, not a flat "No" (user test pt 24b)
    said_back = " ".join(reply.text for _, replies in conv.transcript for reply in replies)
    expected = "Just under fever level" if language == "en" else "Quase febre"
    assert f"{expected} ({said}; " in said_back
    assert f"No ({said}" not in said_back and f"Não ({said}" not in said_back
    # the report for the doctor shows the value measured
    assert said in clinical_answer(CONTENT, "fever", case.fever, "en" if language == "en" else "pt", case=case)
    # ...and the advice says to measure again, and what to do at 38.0 or more
    assessment = assess(case, CONTENT)
    selected = [item.id for _, items in select_guidance(case, assessment, CONTENT) for item in items]
    assert "sooner_temperature_just_under_fever" in selected


def test_a_temperature_of_a_fever_is_still_a_fever_said_with_its_number() -> None:
    conv = talk("hip pain", "female", "40", "no", "right", "fever 38.6")
    assert conv.session is not None
    assert conv.session.case.fever is True and conv.session.case.temperature_c == 38.6
    assessment = assess(conv.session.case, CONTENT)
    selected = [item.id for _, items in select_guidance(conv.session.case, assessment, CONTENT) for item in items]
    assert "sooner_temperature_just_under_fever" not in selected
