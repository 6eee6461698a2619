"""Session 22 (g), blind user tests 22d and 22e: "will I need a c-section?" and "is an MRI safe
for the babies?" in pregnancy are answered at once, in every language; the swimming answer
waits for a doctor, as the exercise guidance does, and reads in Brazilian words in pt-BR."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content

PREGNANT = {
    "en": ("female", "34", "30 weeks pregnant with twins", "no", "right"),
    "pt": ("feminino", "34", "grávida de 30 semanas", "não", "direita"),
    "pt-BR": ("feminino", "34", "grávida de 30 semanas", "não", "direita"),
}


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


@pytest.mark.parametrize(("language", "asked"), [
    ("en", "will i need a c section?"), ("en", "can i have a normal birth?"),
    ("pt", "vou precisar de cesariana?"), ("pt", "posso ter parto normal?"),
    ("pt-BR", "vou ter que fazer cesarea?"), ("pt-BR", "posso ter parto normal?"),
])
def test_the_way_of_giving_birth_is_answered_in_pregnancy(language: str, asked: str) -> None:
    conv = talk(*PREGNANT[language], language=language)
    replies = conv.say(asked)
    assert "quick_answer:mode_of_birth" in codes(replies)
    assert "asked_back" not in codes(replies)  # not "the summary at the end answers it"


@pytest.mark.parametrize(("language", "asked"), [
    ("en", "is an mri safe for the babies?"), ("en", "will the MRI harm my baby?"),
    ("pt", "a ressonância faz mal ao bebé?"), ("pt-BR", "a ressonância faz mal pro bebê?"),
])
def test_mri_safety_in_pregnancy_is_answered(language: str, asked: str) -> None:
    conv = talk(*PREGNANT[language], language=language)
    replies = conv.say(asked)
    assert "quick_answer:mri_in_pregnancy" in codes(replies)


@pytest.mark.parametrize("language", ["en", "pt", "pt-BR"])
def test_swimming_in_pregnancy_waits_for_a_doctor(language: str) -> None:
    conv = talk(*PREGNANT[language], language=language)
    replies = conv.say("can i still swim?" if language == "en" else "posso nadar?")
    said = next(reply.text for reply in replies if reply.code == "quick_answer:swimming_in_pregnancy")
    assert not said.lower().startswith(("yes", "sim"))  # no unqualified yes beside "pool once a doctor agrees"
    assert ("doctor" if language == "en" else "médico") in said


def test_swimming_in_pt_br_has_no_portugal_words() -> None:
    conv = talk(*PREGNANT["pt-BR"], language="pt-BR")
    said = " ".join(reply.text for reply in conv.say("posso nadar?"))
    for word in ("de bruços", "saltar para a água", "enfermeira de saúde materna", "anca"):
        assert word not in said


def test_every_quick_answer_has_a_brazilian_form() -> None:
    adapted = CONTENT.adaptations["pt-BR"]
    missing = [answer.id for answer in CONTENT.guidance.quick_answers if answer.text.pt not in adapted]
    assert missing == []


def test_portugal_swimming_words_are_caught_by_the_loader() -> None:
    not_said = next(language.not_said for language in CONTENT.ui.languages if language.id == "pt-BR")
    assert {"de bruços", "saltar para a água", "enfermeira de saúde materna"} <= set(not_said)
