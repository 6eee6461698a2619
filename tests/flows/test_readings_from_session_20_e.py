"""Session 20 (user test en 20b): a "no" that denies another question's answer is no "None
of these" at a warning checklist; a question opening a message asks, with or without its
question mark. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()


# --- a "no" to something else is not this checklist's "None of these" -------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "no scans, midwife said its SPD"),
    ("en", "no scans yet"),
    ("en", "no xray yet"),
    ("pt", "sem exames"),
    ("pt", "n fiz exames"),
    ("pt-BR", "não fiz exames ainda"),
])
def test_a_no_to_another_question_does_not_tick_none_of_the_warning_signs(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy_warning_signs", text)
    assert not parsed.ok


@pytest.mark.parametrize(("language", "text"), [
    ("en", "no"),
    ("en", "no none of those"),
    ("en", "nope none"),
    ("en", "no nothing like that"),
    ("en", "no im fine"),
    ("pt", "não, nada disso"),
    ("pt", "não"),
    ("pt-BR", "nao nenhuma"),
])
def test_a_plain_no_still_ticks_none_of_the_warning_signs(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy_warning_signs", text)
    assert parsed.ok and parsed.value == "none"


def test_a_sign_denied_beside_a_no_to_something_else_leaves_the_other_signs_asked() -> None:
    parsed = ENGINE.reader("en").read("pregnancy_warning_signs", "no bleeding but no scans either")
    assert not parsed.ok and parsed.error == "others_unanswered"


# --- a clause that opens as a question asks, with or without its mark -------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "can i take co-codamol for hip pain, im 10 weeks pregnant"),
    ("en", "is paracetamol ok for hip pain, im 10 weeks pregnant"),
    ("en", "hi can i take ibuprofen"),
    ("en", "im 10 weeks pregnant, can i use ibuprofen gel"),
    ("pt", "posso tomar ibuprofeno, estou grávida de 10 semanas"),
    ("pt", "pode tomar brufen gravida"),
    ("pt-BR", "posso tomar dipirona gravida de 10 semanas"),
])
def test_a_clause_opening_as_a_question_asks_without_the_mark(language: str, text: str) -> None:
    assert ENGINE.reader(language).asks_back(text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "i can take paracetamol"),
    ("en", "i take co-codamol"),
    ("en", "im 10 weeks pregnant and take co-codamol for hip pain"),
    ("en", "is fine now"),
    ("pt", "tomo ben-u-ron"),
    ("pt", "o médico disse que posso tomar ben-u-ron"),
])
def test_a_statement_of_what_is_taken_asks_nothing(language: str, text: str) -> None:
    assert not ENGINE.reader(language).asks_back(text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "can i take co-codamol for hip pain, im 10 weeks pregnant"),
    ("en", "is paracetamol ok for hip pain, im 10 weeks pregnant"),
    ("pt", "posso tomar ibuprofeno para a dor na anca, estou grávida de 10 semanas"),
    ("pt-BR", "posso tomar ibuprofeno pra dor no quadril, to gravida de 10 semanas"),
])
def test_a_first_message_asking_about_painkillers_in_pregnancy_is_answered_at_once(language: str, text: str) -> None:
    replies = [reply for _, said in talk(text, language=language).transcript[1:] for reply in said]
    assert any(reply.code == "quick_answer:painkillers_in_pregnancy" for reply in replies)


def test_a_first_message_saying_what_is_taken_gets_no_quick_answer() -> None:
    replies = [reply for _, said in talk("im 10 weeks pregnant and take co-codamol for hip pain").transcript[1:]
               for reply in said]
    assert not any(reply.code.startswith("quick_answer:") for reply in replies)


# --- a correction of an answer held for a later question replaces it ---------------------------


def codes(replies: list) -> list[str]:
    return [reply.code for reply in replies]


def test_a_held_side_corrected_before_its_question_is_replaced() -> None:
    conv = talk("38 female, my left hip aches")
    assert conv.state == "pregnancy"
    replies = conv.say("sorry I meant right not left")
    assert "held_corrected" in codes(replies) and conv.state == "pregnancy"
    conv.say("no")
    assert conv.session.case.side == "right"


def test_a_held_week_of_pregnancy_corrected_with_its_unit_is_replaced() -> None:
    conv = talk("pregnant 18 wks, hip pain, can i use ibuprofen gel?")
    assert conv.state == "age"
    replies = conv.say("sorry i meant 32 weeks")
    assert "held_corrected" in codes(replies) and conv.state == "age"
    conv.say("28")
    assert conv.session.case.pregnancy == "trimester_3"


def test_a_held_side_corrected_in_portuguese() -> None:
    conv = talk("38 anos, mulher, dói-me a anca esquerda", language="pt")
    replies = conv.say("desculpe, afinal é a direita")
    assert "held_corrected" in codes(replies)
    conv.say("não")
    assert conv.session.case.side == "right"


def test_the_same_words_without_a_correction_are_no_correction_of_what_is_held() -> None:
    conv = talk("38 female, my left hip aches")
    replies = conv.say("right not left")
    assert "held_corrected" not in codes(replies)


def test_a_correction_that_answers_the_question_asked_is_its_answer() -> None:
    conv = talk("pregnant 18 wks, hip pain")
    replies = conv.say("sorry, actually 28 years")
    assert "held_corrected" not in codes(replies)
    assert conv.session.case.age == 28


def test_a_held_duration_corrected_with_its_unit_is_replaced() -> None:
    conv = talk("hip pain for 2 weeks", "female")
    replies = conv.say("sorry i meant 3 weeks")
    assert "held_corrected" in codes(replies)
    assert conv.session.held_numbers["duration_weeks"] == "3 weeks"


def test_a_number_that_could_correct_two_held_answers_corrects_neither() -> None:
    conv = talk("pregnant 18 wks, hip pain for 2 weeks")
    replies = conv.say("sorry i meant 22 weeks")
    assert "held_corrected" not in codes(replies)
