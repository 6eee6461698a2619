"""Session 24 (g), blind user test pt/pt-BR 24b: a temperature under 38 typed at another
question is read as at the fever question, and "febre baixa" is asked about, not taken as a
fever; a question of the person's own about a relative's bone medicine or why the level is
urgent is taken as a question; "tem 3 semanas" and the pain's places give how long."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def at_walking() -> Conversation:
    conv = talk("dor no quadril direito faz 2 semanas", "m", "58", "n", "aos poucos", language="pt-BR")
    assert conv.state == "walking"
    return conv


# --- 1. a temperature under 38 at another question ----------------------------------------------


@pytest.mark.parametrize("typed", ["37 e pouco", "uns 37 e meio", "37 e tal"])
def test_a_temperature_under_38_at_the_walking_question_is_no_fever(typed: str) -> None:
    conv = at_walking()
    conv.say(typed)
    assert conv.session is not None and conv.session.case.fever is False
    assert not conv.session.announced  # no emergency warning


@pytest.mark.parametrize("typed", ["febre baixa", "febrícula"])
def test_a_low_grade_fever_in_passing_is_no_fever_recorded(typed: str) -> None:
    conv = at_walking()
    conv.say(typed)
    assert conv.session is not None and conv.session.case.fever is None
    assert not conv.session.announced


@pytest.mark.parametrize(("language", "typed"), [("pt", "febre baixa"), ("en", "low grade fever")])
def test_a_low_grade_fever_at_the_fever_question_asks_if_it_was_measured(language: str, typed: str) -> None:
    reader = get_engine().reader(language)
    parsed = reader.read("fever", typed)
    assert not parsed.ok and parsed.error == "said_partly"


@pytest.mark.parametrize(("language", "typed"), [("pt", "febre alta"), ("pt", "38 e pouco"),
                                                 ("pt", "tive febre de 38,5"), ("en", "high fever"), ("en", "38.2")])
def test_a_real_fever_is_still_a_fever(language: str, typed: str) -> None:
    reader = get_engine().reader(language)
    assert reader.read("fever", typed).value is True
    assert reader.mentions("fever", typed, [], "walking") == [0]


# --- 5. questions of the person's own ------------------------------------------------------------


@pytest.mark.parametrize("typed", ["ela tem q parar o alendronato?", "por que urgente?",
                                   "pq ta urgente? eu consigo andar"])
def test_these_are_questions_of_the_persons_own(typed: str) -> None:
    assert get_engine().reader("pt").asks_back(typed)


def test_stopping_a_relatives_bone_medicine_part_way_gets_the_quick_answer() -> None:
    conv = talk("minha mae de 79 anos ta com dor no quadril, ela toma alendronato", "feminino", "79",
                language="pt-BR")
    replies = conv.say("ela tem q parar o alendronato?")
    assert "quick_answer:bone_medicine_keep_taking" in codes(replies)


# --- 6. how long, in Brazilian wordings ----------------------------------------------------------


@pytest.mark.parametrize(("typed", "said"), [("dor no quadril esquerdo tem 3 semanas", "3 semanas"),
                                              ("dor no quadril, tem uns 15 dias", "2 semanas"),
                                              ("dor na coxa e na virilha faz 1 mes", "1 mes"),
                                              ("ta com dor na coxa e na virilha faz 1 mes, nao caiu nao", "1 mes")])
def test_how_long_is_heard(typed: str, said: str) -> None:
    assert get_engine().reader("pt").heard_number("duration_weeks", typed, "") == said


@pytest.mark.parametrize("typed", ["minha mae tem dor no quadril, ela tem 79 anos",
                                   "ele tem dor no quadril e tem 52 anos"])
def test_an_age_after_tem_is_no_duration(typed: str) -> None:
    reader = get_engine().reader("pt")
    assert reader.heard_number("duration_weeks", typed, "") is None
    assert reader.heard_number("age", typed, "") is not None


def test_tem_3_semanas_in_the_first_message_is_held_for_its_question() -> None:
    conv = talk("dor no quadril esquerdo tem 3 semanas", "homem", language="pt-BR")
    assert conv.session is not None and "3 semanas" in conv.session.held_numbers.values()
