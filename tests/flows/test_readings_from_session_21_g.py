"""Session 21 (g), blind user test en 21b: weeks of pain said at the pregnancy question are how
long it hurts, not weeks of pregnancy, and a plain "not pregnant" is not doubted; everyday
words for a new loss of the bladder raise the emergency, and said with another item neither
is dropped; "bloods normal" and a bare "ok" beside another question's words are not walking
no worse; a duration said with the side is kept for its question."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()


# --- 3. weeks of pain at the pregnancy question ----------------------------------------------


@pytest.mark.parametrize(("language", "answers", "held"), [
    ("en", ("f", "30", "right", "came on over a couple weeks, im training for a marathon"), "2 weeks"),
    ("en", ("f", "30", "right", "about 10 weeks of pain"), "10 weeks"),
    ("pt", ("f", "30", "direita", "dor ha 3 semanas"), "3 semanas"),
    ("pt", ("f", "30", "direita", "3 semanas de dor"), "3 semanas"),
])
def test_weeks_of_pain_at_the_pregnancy_question_are_how_long_it_hurts(
        language: str, answers: tuple[str, ...], held: str) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None
    assert conv.session.case.pregnancy is None  # asked again, not a first trimester
    assert conv.session.state == "pregnancy"
    assert conv.session.held_numbers.get("duration_weeks") == held


def test_not_pregnant_with_weeks_of_pain_is_not_doubted() -> None:
    conv = talk("f", "30", "right", "no not pregnant. came on over a couple weeks, im training")
    assert conv.session is not None
    assert conv.session.case.pregnancy == "not_pregnant"
    assert conv.session.held_numbers.get("duration_weeks") == "2 weeks"


@pytest.mark.parametrize("answer", ["im 10 weeks", "10 weeks pregnant", "pregnant, 10 weeks"])
def test_weeks_of_a_pregnancy_are_still_read(answer: str) -> None:
    conv = talk("f", "30", "right", answer)
    assert conv.session is not None
    assert conv.session.case.pregnancy == "trimester_1"


# --- 4. everyday words for a new loss of the bladder ----------------------------------------


def at_the_warning_signs(language: str) -> list[str]:
    if language == "en":
        return ["for my mum, she's 78", "right", "none", "gradually", "3 weeks",
                "she can walk with her stick but it hurts", "none", "no"]
    return ["é para a minha mãe, tem 78 anos", "direita", "nenhum", "aos poucos", "3 semanas",
            "anda com a bengala mas dói", "nenhum", "não"]


@pytest.mark.parametrize(("language", "answer"), [
    ("en", "shes lost a bit of weight without trying, and shes been wetting herself which is new"),
    ("en", "she cant hold her wee anymore and she lost weight without trying"),
    ("en", "leaking urine, and lost weight without trying"),
    ("en", "shes been having accidents with her wee, and lost weight without trying"),
    ("pt", "perdeu peso sem querer e faz xixi nas calças"),
    ("pt", "perdeu peso sem querer e já não segura o xixi"),
    ("pt", "perdeu peso sem querer e perde urina"),
])
def test_a_new_loss_of_the_bladder_in_everyday_words_is_kept_beside_another_sign(language: str, answer: str) -> None:
    conv = talk(*at_the_warning_signs(language), language=language)
    assert conv.session is not None
    assert conv.session.state == "warning_signs"
    conv.say(answer)
    assert conv.session.case.cauda_equina_signs is True
    assert conv.session.case.weight_loss is True


def test_a_part_of_a_checklist_answer_understood_by_none_is_said_back() -> None:
    conv = talk(*at_the_warning_signs("en"))
    replies = conv.say("shes lost weight without trying, she sings in the choir")
    assert conv.session is not None and conv.session.case.weight_loss is True
    assert any(reply.code == "unread_part" for reply in replies)


# --- 9. "bloods normal" and a bare "ok" at the walking question ------------------------------


@pytest.mark.parametrize("answer", ["bloods normal", "ok, bloods were fine"])
def test_a_shared_word_beside_another_questions_words_is_not_walking_no_worse(answer: str) -> None:
    conv = talk("male 52", "left", "none", "gradually", "6 weeks", answer)
    assert conv.session is not None
    assert conv.session.case.weight_bearing_pain is None
    assert conv.session.state == "walking"


@pytest.mark.parametrize("answer", ["ok", "normal", "fine", "fine, walking is ok"])
def test_a_bare_ok_alone_is_still_walking_no_worse(answer: str) -> None:
    conv = talk("male 52", "left", "none", "gradually", "6 weeks", answer)
    assert conv.session is not None
    assert conv.session.case.weight_bearing_pain is False


# --- 10. a duration said with the side ----------------------------------------------------


def test_a_birth_said_with_the_side_is_no_duration() -> None:
    conv = talk("female 30", "left, had my baby 6 weeks ago")
    assert conv.session is not None
    assert "duration_weeks" not in conv.session.held_numbers
