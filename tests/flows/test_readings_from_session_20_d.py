"""Session 20 (d), from the blind user test en 20b: a one-off drink is no regular heavy
drinking and a night of dancing no night pain; steroids for asthma are not steroid tablets
unless a word says so; "cant put any weight on it" denies no weight loss; "can I still
swim?" in pregnancy and after a birth or loss is answered at once. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def checklist_read(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


def denied(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).denied_by_name(question, text)]


# --- 1. a one-off drink, a night of dancing ----------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "sore right hip since i had a few pints at a wedding and danced all night, 28f"),
    ("en", "had a few pints last night"), ("en", "a couple of pints at a party"),
    ("pt", "bebi uns copos no casamento"), ("pt", "bebi umas cervejas na festa"),
    ("pt-BR", "tomei umas cervejas na festa"), ("pt-BR", "bebi umas na balada ontem"),
])
def test_a_one_off_drink_is_no_regular_heavy_drinking(language: str, text: str) -> None:
    assert "alcohol_excess" not in checklist_read(language, "medical_history", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I drink 8 cans most days"), ("en", "she drinks heavily"), ("en", "I drink a lot"),
    ("en", "pints every night"), ("pt", "bebo muito, todos os dias"), ("pt-BR", "bebo cerveja todo dia"),
])
def test_regular_heavy_drinking_is_still_read(language: str, text: str) -> None:
    assert "alcohol_excess" in checklist_read(language, "medical_history", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "sore right hip since i had a few pints at a wedding and danced all night, 28f"),
    ("en", "we were dancing all night"), ("en", "out all night at a party"),
    ("pt", "dancei a noite toda no casamento"), ("pt", "a noite toda a dançar"),
    ("pt-BR", "fiquei a noite toda dançando na balada"),
])
def test_a_night_of_dancing_is_no_night_pain(language: str, text: str) -> None:
    assert "night_pain" not in checklist_read(language, "warning_signs", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "it wakes me at night"), ("en", "hurts all night"), ("en", "the pain kept me up all night"),
    ("pt", "dói a noite toda"), ("pt-BR", "acordo com dor"),
])
def test_pain_at_night_is_still_night_pain(language: str, text: str) -> None:
    assert "night_pain" in checklist_read(language, "warning_signs", text)


# --- 2. steroids for asthma --------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "left hip pain, 45 male, been on steroids for my asthma"), ("en", "on steroids for my eczema"),
    ("en", "steroid inhaler for asthma"), ("en", "inhaled steroids"),
    ("pt", "tomo corticoides para a asma"), ("pt-BR", "tomo corticoide pra asma"),
])
def test_steroids_for_asthma_or_the_skin_without_a_word_of_tablets_are_not_ticked(language: str, text: str) -> None:
    assert "glucocorticoids" not in checklist_read(language, "medical_history", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "prednisolone for my asthma"), ("en", "steroid tablets for asthma"),
    ("en", "had a course of steroids for my copd"), ("en", "on steroids for my PMR"),
    ("pt", "tomo prednisona para a asma"), ("pt", "comprimidos de cortisona para a asma"),
    ("pt-BR", "tomei comprimidos de corticoide pra asma"), ("pt-BR", "tomo corticoide todo dia pra artrite"),
])
def test_steroid_tablets_for_asthma_still_count(language: str, text: str) -> None:
    assert "glucocorticoids" in checklist_read(language, "medical_history", text)


# --- 3. a denial in passing denies the item's own words -----------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "fell over last night, cant put any weight on my right leg"), ("en", "can't put weight on it"),
    ("pt", "não consigo pôr peso na perna"), ("pt-BR", "n consigo colocar peso na perna"),
])
def test_not_putting_weight_on_the_leg_denies_no_weight_loss(language: str, text: str) -> None:
    assert "weight_loss" not in denied(language, "warning_signs", text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "no weight loss"), ("en", "I have not lost weight"), ("en", "no fever or weight loss"),
    ("pt", "sem perda de peso"), ("pt", "não emagreci"), ("pt-BR", "n emagreci"),
])
def test_weight_loss_denied_in_its_own_words_is_a_denial(language: str, text: str) -> None:
    assert "weight_loss" in denied(language, "warning_signs", text)


def test_the_weight_loss_checklist_does_not_say_it_was_denied_by_a_leg_not_bearing_weight() -> None:
    conv = talk("fell over last night, cant put any weight on my right leg")
    assert conv.session is not None
    held = [str(CONTENT.options["warning_signs"][i].value) for i in conv.session.denied_early.get("warning_signs", [])]
    assert "weight_loss" not in held


# --- 4. swimming asked in pregnancy, after a birth or a loss ----------------------------------------


@pytest.mark.parametrize(("language", "answers", "question", "code"), [
    ("en", ("im 34 weeks pregnant, pelvic pain at the front", "29", "none of these"), "can I still swim?",
     "quick_answer:swimming_in_pregnancy"),
    ("pt", ("estou grávida de 30 semanas, dor na anca direita", "29", "nenhuma destas"), "posso ir à piscina?",
     "quick_answer:swimming_in_pregnancy"),
    ("pt-BR", ("to grávida de 30 semanas, dor no quadril", "29", "nenhuma"), "posso nadar?",
     "quick_answer:swimming_in_pregnancy"),
    ("en", ("female", "31", "had a miscarriage 3 weeks ago"), "can i still go swimming?",
     "quick_answer:swimming_after_birth_or_loss"),
    ("pt", ("mulher", "31", "tive o bebé há 3 semanas"), "posso fazer hidroginástica?",
     "quick_answer:swimming_after_birth_or_loss"),
])
def test_swimming_asked_in_pregnancy_or_after_a_birth_is_answered_at_once(
        language: str, answers: tuple[str, ...], question: str, code: str) -> None:
    conv = talk(*answers, language=language)
    state = conv.state
    replies = conv.say(question)
    assert code in [reply.code for reply in replies]
    assert conv.state == state


def test_swimming_asked_with_no_pregnancy_known_gets_no_pregnancy_answer() -> None:
    conv = talk("male", "50")
    codes = [reply.code for reply in conv.say("can I still swim?")]
    assert not any(str(code).startswith("quick_answer:swimming") for code in codes)
