"""Session 26: how long the pain has lasted, said before it in a clinician's note ("4 wk hx R
hip pain", "4 weeks of R hip pain"), is kept for the duration question."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk


@pytest.mark.parametrize("note", [
    "45M, 4 wk hx R hip pain",
    "45M, 4 week history of R hip pain",
    "45M, 4 weeks of right hip ache",
    "male 45, 4 weeks of L groin pain",
])
def test_a_duration_before_the_pain_in_a_note_is_kept(note: str) -> None:
    conv = talk(note, "none", "sudden")
    assert conv.session.case.duration_weeks == 4
    assert conv.state != "duration_weeks"


@pytest.mark.parametrize("note", [
    "45M, R hip pain, did 4 weeks of physio",
    "45M, R hip pain, hx of 2 falls",
])
def test_a_number_of_something_else_is_no_duration(note: str) -> None:
    conv = talk(note, "none", "sudden")
    assert conv.session.case.duration_weeks is None


@pytest.mark.parametrize("ahead", ["about 2 weeks", "2 weeks ago", "for about 2 weeks"])
def test_a_duration_typed_a_question_early_is_kept_for_its_question(ahead: str) -> None:
    conv = talk("male", "45", "left")
    assert conv.state == "tests_done"
    replies = conv.say(ahead)
    assert replies[0].code == "kept_for_later" and conv.state == "tests_done"
    conv.say("none")
    conv.say("gradually")
    assert conv.session.case.duration_weeks == 2 and conv.state != "duration_weeks"


def test_weeks_at_the_pregnancy_question_are_the_pregnancy_not_the_pain() -> None:
    conv = talk("female", "30", "6 weeks")
    assert conv.session.case.pregnancy == "trimester_1"
    assert "duration_weeks" not in conv.session.held_numbers


def test_a_count_of_tests_is_no_duration() -> None:
    conv = talk("male", "45", "left", "2 xrays")
    assert "duration_weeks" not in conv.session.held_numbers


@pytest.mark.parametrize("language, answers", [
    ("pt-BR", ("oi, meu quadril direito ta doendo mto", "masculino", "2", "31")),
    ("en", ("female", "2", "31")),
])
def test_an_adult_age_typed_after_a_childs_age_ended_the_questions_corrects_it(
        language: str, answers: tuple[str, ...]) -> None:
    conv = talk(*answers[:-1], language=language)
    assert get_engine().machine.is_final(conv.state)
    conv.say(answers[-1])
    assert conv.session.case.age == 31 and not get_engine().machine.is_final(conv.state)


def test_an_age_that_still_ends_the_questions_leaves_the_end() -> None:
    conv = talk("female", "2", "12")
    assert get_engine().machine.is_final(conv.state) and conv.session.case.age is None


def test_a_word_after_a_replaced_hip_ended_the_questions_answers_nothing() -> None:
    conv = talk("I had a hip replacement on the right 5 years ago, now aching for 2 months", "male", "70")
    assert conv.state == "replaced_hip"
    before = conv.session.case.model_copy()
    replies = conv.say("60")
    assert replies[0].code == "ended_again" and conv.session.case == before


def test_a_word_about_the_pain_at_another_question_is_no_answer_typed_again() -> None:
    # "slowly" (how it came on) at the medical history was "I have that already (Walking: ...)"
    conv = talk("had my baby 3 weeks ago, both hips really hurt when I walk. breastfeeding", "33", "none", "no",
                "deep in my groin on both sides", "since about 2 weeks")
    assert conv.state == "medical_history"
    assert "already_noted" not in [r.code for r in conv.say("slowly")]
    assert conv.say("33")[0].code == "already_noted"  # the age is


def test_how_it_came_on_said_in_portuguese_at_a_later_question_is_kept() -> None:
    conv = talk("boa noite. estou grávida de 30 semanas e tenho uma dor horrível na anca esquerda há 3 semanas, "
                "custa-me imenso andar",
                "31", "nada disso", "não fiz exames", "na virilha", language="pt")
    assert conv.state == "medical_history"
    assert conv.say("foi aos poucos")[0].code == "kept_for_later"


@pytest.mark.parametrize("text, onset", [("foi aos poucos", [1]), ("veio de repente", [0]), ("foi ao médico", [])])
def test_it_was_gradual_in_passing_names_the_onset(text: str, onset: list[int]) -> None:
    assert get_engine().reader("pt").mentions("onset", text) == onset
