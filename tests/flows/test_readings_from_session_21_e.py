"""Session 21 (e), blind user test pt / pt-BR 21 (report C): an estimate of the pregnancy said
after "não sei" is the answer; /change while an answer is asked again after /change lists
the answers again; a clinician's words at where the pain is and at walking, and "gradual"
typed at another question kept for how it started; a relative's "bebe bastante" is heavy
drinking; "cai há uma semana" typed without its accent is a fall, said back at once."""

from __future__ import annotations

import pytest

from flows.dialogue import SUMMARY_STATE, get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


# --- 4. an estimate after "não sei" is the answer ---------------------------------------------


@pytest.mark.parametrize(("language", "text", "stage"), [
    ("pt-BR", "to gravida mas nao sei de quantas semanas, acho q uns 8 meses", "trimester_3"),
    ("pt", "grávida, não sei de quantas semanas, talvez umas 20", "trimester_2"),
    ("en", "pregnant, not sure how many weeks, maybe 30 weeks", "trimester_3"),
])
def test_an_estimate_after_not_knowing_the_week_is_the_answer(language: str, text: str, stage: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text).value == stage


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "to gravida mas nao sei de quantas semanas"),
    ("pt", "grávida, não sei de quantas semanas, dói há 3 semanas"),  # how long it hurts: no estimate
    ("en", "pregnant, not sure how many weeks"),
])
def test_not_knowing_the_week_with_no_estimate_is_still_weeks_unknown(language: str, text: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text).value == "pregnant_stage_unknown"


# --- 5. /change while an answer is being changed ----------------------------------------------

SUMMARY_ANSWERS = {
    "pt": ("homem", "52", "direita", "nenhum", "aos poucos", "5 semanas", "ando a coxear",
           "nao", "nao", "nao", "nao"),
    "en": ("male", "52", "right", "none", "gradually", "5 weeks", "limping", "no", "no", "no", "no"),
}
CHANGE = {"pt": ("/alterar", "idade"), "en": ("/change", "age")}


def at_the_summary(language: str) -> Conversation:
    conv = talk(*SUMMARY_ANSWERS[language], language=language)
    assert conv.state == SUMMARY_STATE
    return conv


@pytest.mark.parametrize("language", ["pt", "en"])
def test_change_after_the_summary_lists_every_answer(language: str) -> None:
    conv = at_the_summary(language)
    assert conv.session is not None
    answered = len(conv.session.answered)
    replies = conv.say(CHANGE[language][0])
    listed = next(r for r in replies if r.kind == "question")
    assert len(listed.choices) == answered + 1  # every answer, and Cancel


@pytest.mark.parametrize("language", ["pt", "en"])
def test_change_while_an_answer_is_asked_again_lists_the_answers_again(language: str) -> None:
    command, age = CHANGE[language]
    conv = at_the_summary(language)
    conv.say(command, age)
    assert conv.session is not None and conv.session.mode == "changing"
    replies = conv.say(command)
    assert conv.session.mode == "choosing_change" and "change_unavailable" not in codes(replies)
    conv.say("3")  # the third answer (which hip), not an age of 3
    assert conv.session.case.age == 52
    assert conv.state == "side" and conv.session.mode == "changing"
    replies = conv.say("left" if language == "en" else "esquerda")
    assert conv.state == SUMMARY_STATE and "change_effect" in codes(replies)


def test_cancel_while_an_answer_is_asked_again_asks_it_again() -> None:
    conv = at_the_summary("pt")
    conv.say("/alterar", "idade", "/alterar", "cancelar")
    assert conv.session is not None and conv.state == "age" and conv.session.mode == "changing"
    replies = conv.say("45")
    assert conv.session.case.age == 45 and conv.state == SUMMARY_STATE and "change_effect" in codes(replies)


# --- 6. a clinician's words ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "dor inguinal profunda"),
    ("pt", "região inguinal"),
    ("pt", "articulação coxofemoral"),
    ("en", "deep inguinal pain"),
])
def test_a_clinicians_words_for_the_groin_are_the_hip_itself(language: str, text: str) -> None:
    assert ENGINE.reader(language).read("pelvic_girdle_pattern", text).value is False


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "claudicando, carga dolorosa"),
    ("pt-BR", "claudicando"),
    ("pt", "carga dolorosa"),
    ("pt", "dor ao apoio"),
    ("en", "painful weight-bearing"),
])
def test_a_clinicians_words_for_walking_are_weight_bearing_pain(language: str, text: str) -> None:
    assert ENGINE.reader(language).read("walking", text).value == "worse"


PHYSIO = ("sou fisioterapeuta, queria avaliar uma paciente", "feminino", "38", "puerpera de 2 meses",
          "nao amamenta", "nao", "esquerdo",
          "RM mostrou edema da medula ossea difuso na cabeca e colo femoral, sem linha de fratura. PCR normal",
          "normais")


def test_gradual_typed_at_the_location_question_is_kept_for_how_it_started() -> None:
    conv = talk(*PHYSIO, language="pt-BR")
    assert conv.state == "pelvic_girdle_pattern"
    replies = conv.say("gradual")
    assert "kept_for_later" in codes(replies) and conv.state == "pelvic_girdle_pattern"
    conv.say("dor inguinal profunda")
    assert conv.session is not None and conv.session.case.onset == "gradual"
    assert conv.state != "onset"


# --- 7. a relative's drinking, a fall typed without its accent ----------------------------


@pytest.mark.parametrize("text", ["bebe bastante, todo dia", "ele bebe bastante", "bebe todo dia", "bebe muito"])
def test_a_relatives_heavy_drinking_is_heard(text: str) -> None:
    parsed = ENGINE.reader("pt-BR").read("medical_history", text)
    assert parsed.ok and parsed.value == ["alcohol_excess"]


@pytest.mark.parametrize("text", ["cai ha uma semana na rua", "eu cai semana passada", "cai faz 3 dias"])
def test_a_fall_typed_without_its_accent_at_the_onset_question_is_said_back(text: str) -> None:
    conv = talk("mulher", "74", "direita", "nenhum", language="pt")
    assert conv.state == "onset"
    replies = conv.say(text)
    assert "noted_early" in codes(replies) and "kept_for_later" not in codes(replies)
    assert conv.session is not None and conv.session.case.trauma is True


def test_falling_hair_is_no_fall() -> None:
    conv = talk("mulher", "30", "nao", "direita", "nenhum", language="pt-BR")
    conv.say("o cabelo cai muito")
    assert conv.session is not None and conv.session.case.trauma is not True
