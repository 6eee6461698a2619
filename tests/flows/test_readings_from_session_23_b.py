"""Session 23 (user tests 23a, 23b, 23d), group b: a question of the person's own is never
recorded as an answer, mark or none ("can i have an xray?" is no X-ray done, "what should i
do tonight?" no sudden onset), and it gets the quick answer that fits: X-rays in pregnancy,
"is it the baby / could this be a miscarriage" with the signs of the stage, the painkillers
after a warning. Wanting to run again is no running before the pain."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
PREGNANT_9_WEEKS = "hi, im 9 weeks pregnant after ivf and my left hip hurts"
_FILL = {"sex": "1", "age": "45", "pregnancy": "1", "side": "left"}


def at(state: str, opening: str, language: str = "en") -> Conversation:
    """A conversation driven to the question `state`, each question before it answered."""
    conv = talk(opening, language=language)
    for _ in range(30):
        if conv.state == state:
            return conv
        asked = conv.last_question()
        dont_know = "don't know" if language == "en" else "não sei"
        conv.say(_FILL.get(conv.state) or ("none" if asked.kind == "selection" else dont_know))
    raise AssertionError(f"{state} was never asked")


def codes(conv: Conversation, text: str) -> list[str]:
    return [reply.code for reply in conv.say(text)]


# --- 1. a question about a test is no test done; pregnant, it is answered -------------------


@pytest.mark.parametrize("text", ["can i have an xray?", "is an xray safe when pregnant", "should i get an mri",
                                  "do i need blood tests?"])
def test_a_question_about_a_test_is_no_test_done(text: str) -> None:
    conv = at("tests_done", PREGNANT_9_WEEKS)
    said = codes(conv, text)
    assert conv.state == "tests_done" and ("asked_back" in said or any(c.startswith("quick_answer:") for c in said))
    case = conv.session.case
    assert (case.xray, case.mri, case.inflammatory_markers, case.tests_unsure) == (None, None, None, None)


@pytest.mark.parametrize("text", ["can i have an xray?", "is an xray safe when pregnant",
                                  "is an x-ray safe for the baby?"])
def test_in_pregnancy_an_xray_question_gets_the_xray_answer(text: str) -> None:
    assert "quick_answer:xray_in_pregnancy" in codes(at("tests_done", PREGNANT_9_WEEKS), text)


# --- 2. "what should i do tonight?" is no onset nor duration ------------------------------------


@pytest.mark.parametrize("state", ["onset", "duration_weeks"])
def test_what_to_do_tonight_is_no_answer(state: str) -> None:
    conv = at(state, "hip pain")
    said = codes(conv, "what should i do tonight?")
    assert conv.state == state and "asked_back" in said
    assert conv.session.case.onset is None and conv.session.case.duration_weeks is None


# --- 3. a question without its mark ------------------------------------------------------------


def test_is_that_ok_asks_without_a_question_mark() -> None:
    conv = at("age", "had a c section 5 weeks ago, breastfeeding, both hips hurt")
    said = codes(conv, "im taking ibuprofen is that ok while breastfeeding")
    assert "quick_answer:painkillers_while_breastfeeding" in said and "need_number" not in said


# --- 4. is it the baby: one answer whatever the wording, with the stage's signs -------------------


@pytest.mark.parametrize("text", ["is it the baby??", "will this hurt my baby", "could this be a miscarriage",
                                  "could i lose the baby from this", "is the baby ok"])
def test_early_in_pregnancy_every_baby_question_gets_the_early_answer(text: str) -> None:
    conv = at("tests_done", PREGNANT_9_WEEKS)
    replies = conv.say(text)
    answers = [reply for reply in replies if reply.code.startswith("quick_answer:")]
    assert [reply.code for reply in answers] == ["quick_answer:baby_in_early_pregnancy"]
    assert "bleeding" in answers[0].text and "waters" not in answers[0].text
    assert "moving less" not in answers[0].text


def test_later_in_pregnancy_the_baby_answer_names_the_babys_signs() -> None:
    conv = at("tests_done", "im 30 weeks pregnant and my left hip hurts")
    replies = conv.say("could i lose the baby from this")
    answer = next(reply for reply in replies if reply.code.startswith("quick_answer:"))
    assert answer.code == "quick_answer:baby_in_pregnancy" and "moving less" in answer.text


# --- 5. wanting to run again is no running before the pain ----------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "oi, sou fisio e to atendendo uma paciente com osteoporose transitoria do quadril diagnosticada "
              "por RM. ela quer saber qdo pode voltar a correr"),
    ("pt-BR", "tenho uma paciente com OTQ, ela quer voltar a correr"),
    ("pt", "sou fisioterapeuta, tenho uma doente com dor na anca que quer saber quando pode voltar a correr"),
    ("en", "my patient has hip pain and wants to get back to running"),
    ("en", "physio here, my patient has hip pain, when can she run again"),
])
def test_running_wanted_again_is_no_training_before_the_pain(language: str, text: str) -> None:
    assert not talk(text, language=language).session.noted.get("warning_signs")


def test_running_before_the_pain_is_still_heard() -> None:
    assert talk("hip pain since i started running a lot").session.noted.get("warning_signs")


# --- 6. after a warning, a painkiller question gets the painkiller answer -------------------------


@pytest.mark.parametrize("text", ["can i take ibuprofen?", "what can i take for the pain"])
def test_after_a_fever_warning_a_painkiller_question_is_answered(text: str) -> None:
    conv = talk("my hip is hot and swollen n ive got the shivers")
    replies = conv.say(text)
    answer = next(reply for reply in replies if reply.code.startswith("quick_answer:"))
    assert answer.code == "quick_answer:painkillers_with_a_fever"
    assert "asked_back_warned" not in [reply.code for reply in replies]
    # ...and it keeps an anti-inflammatory off: safe whether or not she is pregnant
    assert "do not take ibuprofen" in answer.text
