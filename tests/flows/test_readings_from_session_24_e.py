"""Session 24 (e), blind user test en 24a: a fall that cannot be told ("he cant tell us if he
fell", "não sei se caiu") is neither a fall nor no fall; a body that feels warm, not measured,
is the felt fever; a number out of range at the "see what to do now / carry on" offer is
asked again, never ticked at a list not shown; "22F, groin pain" is the writer's own."""

from __future__ import annotations

import pytest

from flows.messages import Reply
from tests.support.conversation import talk


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


# --- 1. not known whether there was a fall ------------------------------------------------------


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "for my dad, 84. he cant tell us if he fell"),
    ("en", "for my dad 84, no idea whether he had a fall"),
    ("pt", "é para o meu pai de 84 anos, ele não sabe dizer se caiu"),
    ("pt", "é para o meu pai de 84 anos, não sei se caiu"),
    ("pt", "é para o meu pai de 84 anos, não sabemos se ele caiu"),
])
def test_a_fall_not_known_is_neither_a_fall_nor_no_fall(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    assert not conv.session.noted.get("warning_signs")
    assert not conv.session.denied_early.get("warning_signs")


@pytest.mark.parametrize(("language", "typed", "noted"), [
    ("en", "for my dad 84, he fell yesterday", True),
    ("en", "for my dad 84, he didnt fall", False),
    ("pt", "é para o meu pai de 84 anos, ele não caiu", False),
])
def test_a_fall_said_or_denied_is_still_read(language: str, typed: str, noted: bool) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    assert bool(conv.session.noted.get("warning_signs")) is noted
    assert bool(conv.session.denied_early.get("warning_signs")) is not noted


# --- 2. a body that feels warm, not measured ------------------------------------------------------

AT_FEVER = {"en": ["for my dad, 84", "left", "none", "sudden", "1 day", "walking makes it worse", "none"],
            "pt": ["é para o meu pai, 84 anos", "esquerda", "nenhum", "súbito", "1 dia", "andar piora", "nenhuma"]}


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "he feels a bit warm"), ("en", "feels hot to touch"),
    ("en", "we dont have a thermometer, he feels a bit warm"),
    ("pt", "está quentinho"), ("pt", "sinto-o quente"), ("pt", "tá quente"),
])
def test_a_body_that_feels_warm_is_a_felt_fever(language: str, typed: str) -> None:
    conv = talk(*AT_FEVER[language], language=language)
    assert conv.state == "fever"
    replies = conv.say(typed)
    assert "fever" in codes(replies)  # the warning
    assert conv.session is not None and conv.session.case.fever is True


@pytest.mark.parametrize(("language", "typed"), [("en", "his hip feels warm"), ("pt", "a anca está quente")])
def test_a_warm_hip_at_the_fever_question_is_the_hot_joint_not_a_fever(language: str, typed: str) -> None:
    conv = talk(*AT_FEVER[language], language=language)
    replies = conv.say(typed)
    assert conv.session is not None and conv.session.case.fever is not True
    assert "hot_swollen_joint" in codes(replies)


def test_a_hot_water_bottle_is_no_fever() -> None:
    conv = talk(*AT_FEVER["en"])
    conv.say("we put a hot water bottle on it")
    assert conv.session is not None and conv.session.case.fever is not True


# --- 3. the offer after a warning ---------------------------------------------------------------


@pytest.mark.parametrize("typed", ["3", "4", "5", "1,3", "male", "gradual"])
def test_a_reply_out_of_range_at_the_offer_is_asked_again_and_ticks_nothing(typed: str) -> None:
    conv = talk("for my dad, 84", "left", "none", "sudden", "1 day", "he cant walk")
    assert conv.session is not None and conv.session.mode == "danger_offer"
    waiting = conv.state
    replies = conv.say(typed)
    assert codes(replies)[:2] == ["danger_offer_again", "danger_offer"]
    assert conv.session.mode == "danger_offer" and conv.state == waiting
    assert waiting not in conv.session.answered


def test_carry_on_and_an_answer_at_the_offer_still_carry_on() -> None:
    conv = talk("for my dad, 84", "left", "none", "sudden", "1 day", "he cant walk")
    conv.say("2")
    assert conv.session is not None and conv.session.mode == "asking"
    conv = talk("for my dad, 84", "left", "none", "sudden", "1 day", "he cant walk")
    conv.say("steroids")
    assert conv.session is not None and conv.session.mode == "asking" and "medical_history" in conv.session.answered


# --- 8. "22F" is the writer's own -----------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    "22F, marathon training, groin pain 3 wks. worse running, now achy at night. no injury",
    "22F groin pain", "52M groin pain"])
def test_a_bare_age_and_sex_is_the_writer(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None
    assert not conv.session.for_someone_else and not conv.session.by_a_clinician


@pytest.mark.parametrize("typed", ["pt 22F groin pain", "GP here, 22F groin pain",
                                   "L hip pain, 3/52, 41M, hx long term steroids for asthma, night pain. ?AVN"])
def test_a_note_or_a_role_beside_the_age_is_still_a_clinician(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None and conv.session.for_someone_else and conv.session.by_a_clinician
