"""Session 27 (d27, blind user tests in pt and pt-BR): an injury or night pain told after the
warning signs were answered is added, not lost; the side of the hip said inside its own sign
("a anca direita está quente") is heard; "não lembro" and a "não sei" typed with some accents
and not others are "Don't know"; "2 meses e meio" is two and a half months."""

from __future__ import annotations

import pytest

from flows.answers import describe
from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()

# A man of 45 up to the last question (joint_features), warning signs answered "none"
TO_THE_JOINTS_PT_BR = ("masculino", "45", "direito", "nenhum", "de repente", "10 dias", "consigo andar mancando",
                       "nada", "nao", "nao")
TO_THE_JOINTS_EN = ("male", "45", "right", "none", "suddenly", "10 days", "limping", "none", "no", "none")


# 1. A warning sign's item told after its list was answered -----------------------------------

@pytest.mark.parametrize("language, before, late, field", [
    ("pt-BR", TO_THE_JOINTS_PT_BR, "a dor me acorda de noite", "night_pain"),            # user test pt-BR 27
    ("pt-BR", TO_THE_JOINTS_PT_BR, "ah e doi muito a noite, nem durmo", "night_pain"),
    ("pt-BR", TO_THE_JOINTS_PT_BR, "esqueci de falar, eu cai na semana passada", "trauma"),
    ("pt-BR", TO_THE_JOINTS_PT_BR, "eu corro maratona, tava treinando muito", "repetitive_loading"),
    ("en", TO_THE_JOINTS_EN, "oh and the pain wakes me at night", "night_pain"),
])
def test_an_item_of_the_warning_signs_told_later_is_added(
        language: str, before: tuple[str, ...], late: str, field: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "joint_features" and getattr(conv.session.case, field) is False
    replies = conv.say(late)
    assert getattr(conv.session.case, field) is True
    assert replies[0].code == "added_to_answer" and conv.state == "joint_features"


@pytest.mark.parametrize("late", ["nao tenho dor a noite", "tomo um copo de vinho a noite", "a noite to melhor"])
def test_what_is_no_item_of_the_warning_signs_adds_nothing(late: str) -> None:
    conv = talk(*TO_THE_JOINTS_PT_BR, language="pt-BR")
    before = conv.session.case.model_copy()
    replies = conv.say(late)
    assert conv.session.case == before and "added_to_answer" not in [r.code for r in replies]


def test_a_warning_told_later_still_warns() -> None:
    conv = talk(*TO_THE_JOINTS_PT_BR, language="pt-BR")
    replies = conv.say("ah e o quadril ta quente e inchado")
    assert conv.session.case.hot_swollen_joint is True
    assert "hot_swollen_joint" in [r.code for r in replies]


# 2. The side said inside the hot hip's words ------------------------------------------------

@pytest.mark.parametrize("language, first, side", [
    ("pt", "desde ontem tenho febre, 38,5, e a anca direita ta quente e inchada", "right"),  # user test pt 27
    ("pt-BR", "meu quadril direito ta quente e inchado", "right"),
    ("pt-BR", "a virilha esquerda esta quente", "left"),
    ("en", "right hip hot and swollen since yesterday", "right"),
])
def test_the_side_said_with_the_hot_hip_is_heard(language: str, first: str, side: str) -> None:
    conv = talk(first, language=language)
    assert conv.session.case.hot_swollen_joint is True
    assert get_engine().reader(language).mentions("side", first, ["warning_signs"]) != []
    noted = conv.session.noted.get("side", [])
    assert [ENGINE.content.options["side"][i].value for i in noted] == [side]


@pytest.mark.parametrize("language, first", [
    ("pt-BR", "dor no quadril e a panturrilha esquerda ta inchada e doendo"),
    ("pt-BR", "dor no quadril, a barriga da perna esquerda esta inchada e dolorida"),
])
def test_the_side_of_a_swollen_calf_is_not_the_hips(language: str, first: str) -> None:
    conv = talk(first, language=language)
    assert conv.session.case.clot_signs is True
    assert "side" not in conv.session.noted


# 3. "Don't know" as Brazil says it, and with accents on some words only ---------------------------

@pytest.mark.parametrize("typed", ["nao lembro", "não lembro", "nem lembro", "nao tenho ideia", "sei nao",
                                   "nao sei o que é isso", "não sei o que e isso", "nao faço a minima ideia"])
@pytest.mark.parametrize("question", ["onset", "walking", "white_cell_count", "medical_history", "tests_done"])
def test_dont_know_in_other_words(typed: str, question: str) -> None:
    parsed = ENGINE.reader("pt-BR").read(question, typed)
    assert parsed.ok and parsed.value is None


@pytest.mark.parametrize("question, typed, value", [
    ("onset", "lembro sim, foi de repente", "sudden"),
    ("onset", "nao lembro bem, mas acho que foi de repente", "sudden"),
    ("walking", "sei que manco", "worse"),
])
def test_a_memory_with_an_answer_is_the_answer(question: str, typed: str, value: str) -> None:
    parsed = ENGINE.reader("pt-BR").read(question, typed)
    assert parsed.ok and parsed.value == value


def test_dont_know_at_a_question_is_recorded_so_in_a_conversation() -> None:
    conv = talk("masculino", "45", "direito", "nenhum", language="pt-BR")
    assert conv.state == "onset"
    conv.say("nao lembro")
    assert conv.state == "duration_weeks" and conv.session.case.onset is None


# 4. A half after the unit ----------------------------------------------------------------------

@pytest.mark.parametrize("language, typed, weeks", [
    ("pt", "ha uns 2 meses e meio", 10.9),  # user test pt 27: 2 months
    ("pt-BR", "dois meses e meio", 10.9),
    ("pt", "3 semanas e meia", 3.5),
    ("pt", "2 anos e meio", 130.4),
    ("en", "2 months and a half", 10.9),
    ("pt", "1 mes e meio", 6.5),          # as before
    ("pt", "2 meses e melhorou", 8.7),    # no half
    ("pt", "2 meses e meia hora", 8.7),   # half an hour is no half month
])
def test_a_half_after_the_unit_is_read(language: str, typed: str, weeks: float) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", typed)
    assert parsed.ok and parsed.value == weeks


def test_a_half_after_the_unit_typed_at_another_question_is_kept() -> None:
    reader = ENGINE.reader("pt")
    assert reader.heard_number("duration_weeks", "ha uns 2 meses e meio", "tests_done") == "2.5 meses"
    assert reader.heard_number("duration_weeks", "tive o bebe ha 2 meses e meio", "tests_done") is None


@pytest.mark.parametrize("weeks, said", [(10.9, "2,5 meses"), (6.5, "1,5 meses"), (8.7, "2 meses"), (17.4, "4 meses")])
def test_a_half_month_is_said_back_as_a_half(weeks: float, said: str) -> None:
    assert describe(ENGINE.content, "duration_weeks", weeks, "pt") == said


# 5. A test told after "no tests" -------------------------------------------------------------

@pytest.mark.parametrize("language, before, late", [
    ("pt-BR", ("oi, to perguntando pela minha vó, ela tem 81 anos, dor no quadril esquerdo", "nao"),
     "ela fez raio x mes passado, deu normal segundo o medico"),  # user test pt-BR 27: "kept", never asked
    ("en", ("male", "45", "right", "none"), "xray was normal"),
    ("pt", ("homem", "45", "direita", "nenhum"), "afinal fiz uma RM que mostrou edema"),
])
def test_a_test_told_after_no_tests_says_how_to_change_that_answer(
        language: str, before: tuple[str, ...], late: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "onset"
    replies = conv.say(late)
    assert replies[0].code == "correction_how" and "kept_for_later" not in [r.code for r in replies]
    assert not {"xray", "mri"} & set(conv.session.noted) and conv.state == "onset"


@pytest.mark.parametrize("language, before, late, state", [
    ("pt-BR", ("masculino", "45", "direito"), "fiz raio x, deu normal", "xray"),  # at the tests: its answer
    ("en", ("male", "45", "right", "none"), "about 3 weeks", "duration_weeks"),     # a question still to come
])
def test_what_is_told_for_a_question_still_to_come_is_kept(
        language: str, before: tuple[str, ...], late: str, state: str) -> None:
    conv = talk(*before, language=language)
    replies = conv.say(late)
    assert "correction_how" not in [r.code for r in replies]
    assert state in conv.session.answered or state in conv.session.held_numbers or state in conv.session.noted
