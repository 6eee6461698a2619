"""Session 21 (c), blind user test pt and pt-BR 21: a negation word that belongs to another
phrase ("sem razão nenhuma", "for no reason", "nothing happened", "n caí nem nada") is no
"None of these" at a checklist: the message is kept for what it answers and the checklist
asked again; and heavy bleeding after a birth, or a little bleeding in pregnancy, said in
passing in everyday words ("perco mt sangue", "mudar o penso de hora a hora", "cogulos",
"sangramentozinho") raises its warning at any question and after the summary. Each rule
both ways, in English, Portuguese and Brazilian Portuguese."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
PREGNANT = {"en": ("woman", "32", "32 weeks pregnant"), "pt": ("mulher", "32", "grávida de 7 meses"),
            "pt-BR": ("mulher", "24", "grávida de 30 semanas")}
AFTER_BIRTH = {"en": ("female", "27", "had my baby 10 days ago", "yes breastfeeding", "no", "right", "none"),
               "pt": ("f", "27", "parto há 10 dias", "sim, amamento", "não", "direita", "nenhum"),
               "pt-BR": ("f", "27", "tive bebê faz 10 dias", "sim, amamento", "não", "direito", "nenhum")}


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def warned(conv: Conversation, flag_id_part: str) -> bool:
    assert conv.session is not None
    return any(flag_id_part in flag for flag in conv.session.announced)


# --- 1. a negation word of another phrase is no "None of these" ------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "começou há 3 semanas sem razão nenhuma"),
    ("pt", "comecou ha 3 semanas sem razao nenhuma"),
    ("pt-BR", "comecou faz 3 semanas sem motivo nenhum"),
    ("pt-BR", "começou do nada faz 3 semanas"),
    ("en", "started 3 weeks ago for no reason"),
    ("en", "it started 3 weeks ago, no reason at all"),
    ("en", "came on 3 weeks ago out of nowhere, nothing happened"),
])
def test_a_no_reason_at_the_pregnancy_warning_signs_asks_them_again(language: str, said: str) -> None:
    # user test pt 21: recorded as "Nenhuma destas", never asked again
    conv = talk(*PREGNANT[language], language=language)
    assert conv.state == "pregnancy_warning_signs"
    replies = conv.say(said)
    assert conv.session is not None
    assert conv.state == "pregnancy_warning_signs" and "pregnancy_warning_signs" not in conv.session.answered
    assert conv.session.case.pregnancy_warning_signs is None
    assert replies[-1].kind in ("question", "selection")
    assert "duration_weeks" in conv.session.held_numbers  # kept for the question it answers


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "n caí nem nada"),
    ("pt-BR", "n cai nem nada"),
    ("en", "didn't fall or anything"),
])
def test_or_anything_after_another_question_s_denial_is_no_none_at_the_tests(language: str, said: str) -> None:
    # user test pt 21: "n cai nem nada" was recorded as "Ainda nenhum destes"
    assert not ENGINE.readers[language].read("tests_done", said).ok


@pytest.mark.parametrize(("language", "said", "question"), [
    ("pt", "sem sangramento nem nada", "pregnancy_warning_signs"),
    ("en", "no bleeding or anything", "pregnancy_warning_signs"),
    ("pt", "nenhuma", "pregnancy_warning_signs"),
    ("pt", "não fiz nada", "tests_done"),
    ("en", "none of those, it came out of nowhere", "pregnancy_warning_signs"),
    ("pt", "nenhuma destas, começou sem motivo", "pregnancy_warning_signs"),
])
def test_a_none_of_this_question_is_still_a_none(language: str, said: str, question: str) -> None:
    parsed = ENGINE.readers[language].read(question, said)
    assert parsed.ok and parsed.value == "none"


# --- 2. bleeding said in passing, in everyday words ------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "virilha. ah e ainda perco mt sangue"),
    ("pt", "virilha, tenho de mudar o penso de hora a hora"),
    ("pt", "virilha e sai com cogulos"),
    ("pt", "virilha e sai com coágulos"),
    ("pt-BR", "virilha, e troco o absorvente toda hora"),
    ("pt-BR", "virilha, e ta saindo coagulos"),
    ("en", "groin, and i have to change my pad every hour"),
    ("en", "groin, and lots of clots coming out"),
])
def test_heavy_bleeding_after_a_birth_said_in_passing_warns(language: str, said: str) -> None:
    # user test pt 21: only the pain's place was recorded, no word of the bleeding
    conv = talk(*AFTER_BIRTH[language], language=language)
    conv.say(said)
    assert conv.session is not None and conv.session.case.heavy_bleeding_after_birth is True
    assert warned(conv, "bleeding")


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "virilha. e tive um coágulo na perna no ano passado"),
    ("en", "groin. i had a clot in my leg once"),
    ("pt", "virilha, o sangue já quase parou"),
])
def test_a_clot_elsewhere_or_little_bleeding_after_a_birth_is_no_heavy_bleeding(language: str, said: str) -> None:
    conv = talk(*AFTER_BIRTH[language], language=language)
    conv.say(said)
    assert conv.session is not None and conv.session.case.heavy_bleeding_after_birth is not True


def test_heavy_bleeding_said_after_the_summary_warns() -> None:
    conv = talk(*AFTER_BIRTH["pt"], language="pt")
    for _ in range(40):
        if conv.state == "summary":
            break
        if conv.session is not None and conv.session.mode == "danger_offer":
            conv.say("2")
        conv.say("não sei")
    assert conv.state == "summary" and not warned(conv, "bleeding")
    conv.say("ah esqueci, ainda perco mt sangue e sai com cogulos")
    assert conv.session is not None and conv.session.case.heavy_bleeding_after_birth is True
    assert warned(conv, "bleeding")


@pytest.mark.parametrize("said", ["nao fiz nao, mas hj de manha tive um sangramentozinho",
                                  "não fiz, mas hoje saiu um sanguezinho"])
def test_a_little_bleeding_in_pregnancy_said_in_passing_warns(said: str) -> None:
    # user test pt-BR 21: "sangramentozinho" after "nao" to the warning signs was not heard
    conv = talk("mulher", "24", "grávida de 30 semanas", "não", "esquerdo", language="pt-BR")
    assert conv.session is not None and not warned(conv, "pregnancy")
    conv.say(said)
    assert conv.session.case.pregnancy_warning_signs is True
    assert warned(conv, "pregnancy")
