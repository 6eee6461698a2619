"""Session 23 (d), from the blind user tests en 23a and pt 23b: corrections, contradictions and
who the person is. /back undoes the last answer the person typed (with what was taken from
their words after it); a pregnancy week said again corrects the one recorded; a plain no at a
scan's findings, the scan said done, is asked about, never "not done"; a no beside the baby
moving as usual is a no; "my patient", "tenho uma paciente" write for someone else; /change
"how it started" opens no other question."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()


# --- 1. /back undoes the answer typed, not one taken from the first message after it ----------


def test_back_after_the_age_asks_the_age_again_not_the_pregnancy_taken_from_the_first_message() -> None:
    conv = talk("tive bebe faz 3 meses, dor no quadril direito", "32", language="pt-BR")
    assert conv.session.case.pregnancy == "postpartum"
    replies = conv.say("/voltar")
    assert conv.state == "age", [r.text for r in replies]
    conv.say("33")
    assert conv.session.case.age == 33
    # the pregnancy taken from the words was undone with it: asked, and a bare "33" was the age
    assert conv.session.case.pregnancy is None
    assert conv.state == "pregnancy"


def test_back_right_after_a_typed_answer_still_undoes_it() -> None:
    conv = talk("female, right hip pain", "44")
    conv.say("/back")
    assert conv.state == "age" and conv.session.case.age is None


# --- 2. a pregnancy week said again corrects the one recorded -------------------------------


@pytest.mark.parametrize("text", [
    "actually its 34 weeks sorry", "sorry i meant 34 weeks", "34 weeks not 24", "i'm 34 weeks pregnant",
])
def test_a_corrected_pregnancy_week_is_taken(text: str) -> None:
    conv = talk("f 29 pregnant w twins 24wks")
    while conv.state != "pregnancy_warning_signs":
        conv.say("1" if conv.state == "sex" else "29" if conv.state == "age" else "left")
    assert conv.session.case.pregnancy == "trimester_2"
    conv.say(text)
    assert conv.session.case.pregnancy == "trimester_3"


# --- 3. a plain no at a scan's findings, the scan said done ----------------------------------


@pytest.mark.parametrize(("language", "no"), [("pt-BR", "n"), ("pt", "nenhuma"), ("pt-BR", "nenhuma dessas"),
                                              ("en", "no"), ("en", "none")])
def test_a_plain_no_at_the_findings_of_a_scan_said_done_is_asked_about(language: str, no: str) -> None:
    conv = talk("homem 50 anos dor na virilha esquerda faz 3 semanas", "fiz ressonancia", language=language) \
        if language != "en" else talk("male 50, left groin pain for 3 weeks", "mri")
    assert conv.state == "mri"
    replies = conv.say(no)
    assert conv.session.case.mri is None and conv.state == "mri"
    assert any(r.code == "clarify" for r in replies)
    conv.say("normal")
    assert conv.session.case.mri == ["normal"]


def test_not_done_said_in_words_is_still_taken() -> None:
    conv = talk("male 50, left groin pain for 3 weeks", "mri", "not done")
    assert conv.session.case.mri == "not_done"


# --- 4. a no beside the baby moving as usual -------------------------------------------------


@pytest.mark.parametrize(("language", "opening", "answer"), [
    ("pt", "estou grávida de 28 semanas, dor na anca direita", "não, o bebé mexe-se bem"),
    ("pt-BR", "to gravida de 30 semanas, dor no quadril esquerdo", "n, o bebe ta mexendo normal"),
    ("en", "30 weeks pregnant, left hip pain", "no, baby is moving fine"),
])
def test_a_no_beside_the_baby_moving_as_usual_is_none(language: str, opening: str, answer: str) -> None:
    conv = talk(opening, "29", language=language)
    assert conv.state == "pregnancy_warning_signs"
    conv.say(answer)
    assert conv.session.case.reduced_fetal_movements is False
    assert conv.session.case.pregnancy_warning_signs is False


@pytest.mark.parametrize(("language", "answer"), [
    ("en", "no but baby is moving less"), ("pt", "não, mas o bebé está muito parado"),
])
def test_the_baby_moving_less_beside_a_no_is_still_the_sign(language: str, answer: str) -> None:
    conv = talk("30 weeks pregnant, left hip pain" if language == "en" else "estou grávida de 30 semanas, dor na anca",
                "29", language=language)
    conv.say(answer)
    assert conv.session.case.reduced_fetal_movements is not False


# --- 5. a clinician's patient ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "opening"), [
    ("pt-BR", "tenho uma paciente com OTQ, ela quer voltar a correr"),
    ("pt-BR", "minha paciente n pode correr ainda por causa do quadril"),
    ("en", "i have a patient with TOH, she wants to run again"),
    ("en", "my patient cant run yet, i think it's her hip"),
])
def test_a_patient_of_the_writer_is_someone_else(language: str, opening: str) -> None:
    assert talk(opening, language=language).session.for_someone_else


@pytest.mark.parametrize(("language", "opening"), [
    ("pt", "sou uma paciente com dor na anca"), ("en", "i'm a patient of dr smith with hip pain"),
])
def test_a_writer_who_is_a_patient_is_the_patient(language: str, opening: str) -> None:
    assert not talk(opening, language=language).session.for_someone_else


# --- 6. /change names only the question it names -----------------------------------------------


def test_change_how_it_started_does_not_open_how_long() -> None:
    """(How it started not answered yet, how long answered: "how" named only How long in the list.)"""
    conv = talk("cant put any weight on my right leg since this morning, f 30")
    answers = {"pregnancy": "no", "tests_done": "none", "onset": "gradually", "duration_weeks": "2 weeks"}
    for _ in range(6):
        if conv.state == "medical_history":
            break
        conv.say(answers[conv.state])
    conv.session.answered.remove("onset")
    conv.session.case.onset = None
    conv.say("/change")
    conv.say("how it started")
    assert conv.state != "duration_weeks"
    conv.say("how long")
    assert conv.state == "duration_weeks"
