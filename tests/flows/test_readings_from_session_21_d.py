"""Session 21 (d), blind user tests en and pt 21 (fit and wording): "is this dangerous for the
baby?" in pregnancy gets a sourced answer, "isto é grave?" before any warning one line of when
not to wait, a paracetamol brand is named as paracetamol, "can i go swimming" without a
question mark is a question, /why after the summary shows "Why these causes", the pelvic
girdle pain text after the birth does not promise it settles "after the birth", crutches after
the birth come with a line on carrying the baby, and the Portuguese wording fixes."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content

PREGNANT_36_WEEKS = ("hi im 36 weeks pregnant and my hip is killing me cant sleep", "31", "none", "right", "no",
                     "1", "gradually", "3 wks", "it hurts to walk but i can waddle lol", "no", "no", "no", "no", "no")


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def text_of(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def to_the_summary(*answers: str, language: str = "en") -> Conversation:
    conv = talk(*answers, language=language)
    for _ in range(20):
        if conv.state == "summary":
            break
        if conv.session is not None and conv.session.mode == "danger_offer":
            conv.say("2")
        else:
            conv.say("don't know" if language == "en" else "não sei")
    assert conv.state == "summary"
    return conv


# --- 1. "is this dangerous for the baby?" in pregnancy -----------------------------------------


@pytest.mark.parametrize(("language", "answers", "asked"), [
    ("en", ("female", "31", "36 weeks"), "is this dangerous for the baby?"),
    ("en", ("female", "31", "36 weeks"), "will my baby be ok?"),
    ("pt", ("feminino", "31", "36 semanas"), "isto é perigoso para o bebé?"),
    ("pt-BR", ("feminino", "31", "36 semanas"), "isso faz mal pro bebê?"),
])
def test_asking_whether_it_harms_the_baby_is_answered_at_once(language: str, answers: tuple[str, ...],
                                                              asked: str) -> None:
    conv = talk(*answers, language=language)
    replies = conv.say(asked)
    assert codes(replies)[0] == "quick_answer:baby_in_pregnancy"
    assert "asked_back" not in codes(replies)
    assert replies[-1].kind in ("question", "selection")


def test_the_baby_answer_after_the_summary_too() -> None:
    conv = to_the_summary(*PREGNANT_36_WEEKS)
    assert codes(conv.say("is this dangerous for the baby?"))[0] == "quick_answer:baby_in_pregnancy"


def test_a_painkiller_question_about_the_baby_is_still_the_painkiller_answer() -> None:
    conv = talk("female", "31", "36 weeks")
    assert codes(conv.say("is ibuprofen safe for the baby?"))[0] == "quick_answer:painkillers_in_pregnancy"


# --- 2. "isto é grave?" before any warning: when not to wait ------------------------------------


@pytest.mark.parametrize(("language", "answers", "asked"), [
    ("en", ("male", "45", "left"), "is this serious?"),
    ("pt", ("feminino", "45", "esquerda"), "isto e grave?"),
    ("pt-BR", ("feminino", "45", "esquerdo"), "isso é grave?"),
])
def test_is_it_serious_before_a_warning_says_when_not_to_wait(language: str, answers: tuple[str, ...],
                                                              asked: str) -> None:
    conv = talk(*answers, language=language)
    replies = conv.say(asked)
    # (said without the maternity unit when no pregnancy is known: session 25)
    assert codes(replies)[0].startswith("quick_answer:is_it_serious")
    assert replies[-1].kind in ("question", "selection")


def test_is_it_serious_after_an_emergency_warning_is_the_warning_s_answer() -> None:
    conv = talk("its for my mum shes 81", "she fell in the kitchen last night and now her hip hurts, left one",
                "she can't really stand on it, we got her to the sofa")
    if conv.session is not None and conv.session.mode == "danger_offer":
        conv.say("2")
    replies = conv.say("is this serious?")
    assert codes(replies)[0] == "asked_back_warned"
    assert not any(code.startswith("quick_answer:is_it_serious") for code in codes(replies))


# --- 3. a paracetamol brand is named as paracetamol -----------------------------------------------


@pytest.mark.parametrize(("language", "answers", "asked", "brand"), [
    ("pt", ("feminino", "30", "30 semanas"), "posso tomar ben-u-ron?", "ben-u-ron"),
    ("pt", ("masculino", "50", "esquerda"), "posso tomar panadol?", "panadol"),
    ("pt-BR", ("feminino", "30", "30 semanas"), "posso tomar tylenol?", "tylenol"),
    ("en", ("female", "30", "30 weeks"), "can i take panadol", "panadol"),
])
def test_a_paracetamol_brand_is_answered_as_paracetamol(language: str, answers: tuple[str, ...], asked: str,
                                                        brand: str) -> None:
    conv = talk(*answers, language=language)
    replies = conv.say(asked)
    assert codes(replies)[0].startswith("quick_answer:painkillers")
    said = replies[0].text.lower()
    assert brand in said and "paracetamol" in said


# --- 4. "can i go swimming" without a question mark -----------------------------------------------


@pytest.mark.parametrize("asked", ["can i go swimming", "can i still swim", "could i go to the pool"])
def test_a_question_without_its_mark_is_a_question(asked: str) -> None:
    conv = talk("female", "31", "34 weeks")
    replies = conv.say(asked)
    assert codes(replies)[0] == "quick_answer:swimming_in_pregnancy"


# --- 5. /why after the summary ---------------------------------------------------------------------


@pytest.mark.parametrize(("language", "command"), [("en", "/why"), ("pt", "/porque")])
def test_why_after_the_summary_shows_why_these_causes(language: str, command: str) -> None:
    conv = to_the_summary(*PREGNANT_36_WEEKS) if language == "en" else to_the_summary(
        "olá, estou grávida de 36 semanas e dói-me a anca direita", "31", language=language)
    replies = conv.say(command)
    assert "help" not in codes(replies)
    assert codes(replies) == ["why"]


# --- 6. after the birth: pelvic girdle pain, and carrying the baby on crutches ---------------------


def guidance_ids(case: Case) -> set[str]:
    return {item.id for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items}


PGP = {"sex": "female", "age": 30, "side": "both", "pelvic_girdle_pattern": True, "onset": "gradual",
       "duration_weeks": 3, "weight_bearing_pain": True, "unable_to_bear_weight": False, "trauma": False,
       "fever": False, "nsaid_use": False}
ITOH_AFTER_BIRTH = {"sex": "female", "age": 33, "side": "right", "onset": "gradual", "duration_weeks": 4,
                    "weight_bearing_pain": True, "unable_to_bear_weight": False, "trauma": False, "fever": False,
                    "nsaid_use": False, "xray": ["osteopenia"], "mri": ["bone_marrow_oedema", "joint_effusion"],
                    "inflammatory_markers": "normal", "breastfeeding": False}


def test_pelvic_girdle_pain_after_the_birth_does_not_promise_it_settles_after_the_birth() -> None:
    in_pregnancy = guidance_ids(Case(**PGP, pregnancy="trimester_3"))
    after_birth = guidance_ids(Case(**PGP, pregnancy="postpartum"))
    assert "care_pelvic_girdle_pain" in in_pregnancy and "care_pelvic_girdle_pain_after_birth" not in in_pregnancy
    assert "care_pelvic_girdle_pain_after_birth" in after_birth and "care_pelvic_girdle_pain" not in after_birth
    text = next(i for i in CONTENT.guidance.items if i.id == "care_pelvic_girdle_pain_after_birth").text
    assert "settles after the birth" not in CONTENT.text(text, "en")
    assert "passar depois do parto" not in CONTENT.text(text, "pt")


def test_pelvic_girdle_pain_after_a_pregnancy_loss_says_nothing_of_the_baby_or_the_birth() -> None:
    # (pelvic girdle pain seldom leads after a loss: which text would be shown, by its `when`)
    items = {i.id: i for i in CONTENT.guidance.items}
    after_a_loss = Case(**PGP, pregnancy="recent_pregnancy_loss")
    shown = {name for name in ("care_pelvic_girdle_pain", "care_pelvic_girdle_pain_after_birth",
                               "care_pelvic_girdle_pain_after_a_loss")
             if items[name].when is not None and items[name].when.compile()(after_a_loss)}
    assert shown == {"care_pelvic_girdle_pain_after_a_loss"}
    text = items["care_pelvic_girdle_pain_after_a_loss"].text
    for language, words in (("en", ("baby", "birth")), ("pt", ("bebé", "parto"))):
        assert not any(word in CONTENT.text(text, language) for word in words)


def test_crutches_after_the_birth_come_with_carrying_the_baby() -> None:
    after_birth = guidance_ids(Case(**ITOH_AFTER_BIRTH, pregnancy="postpartum"))
    assert {"protect_crutches", "protect_carrying_the_baby"} <= after_birth
    man = {**ITOH_AFTER_BIRTH, "sex": "male", "age": 48, "breastfeeding": None}
    assert "protect_carrying_the_baby" not in guidance_ids(Case(**man))


# --- 7. Portuguese wording ----------------------------------------------------------------------


def test_portuguese_wording() -> None:
    read_as_said = CONTENT.ui.messages["summary_for_someone_else"]
    assert "como se fosse dito a ela" in CONTENT.text(read_as_said, "pt")
    opening = CONTENT.text(CONTENT.ui.messages["opening_heard"], "pt")
    assert "Primeiro" not in opening
    cancer = next(r for r, _ in CONTENT.not_ruled_out if r.id == "malignancy_cancer_history")
    assert "histórico de câncer" in CONTENT.text(cancer.because, "pt-BR")


# --- 8. /report before the summary says plainly when the report is ready ---------------------------


def test_report_before_the_summary_says_plainly_when_it_is_ready() -> None:
    replies = talk("male", "45").say("/report")
    assert codes(replies)[0] == "report_unavailable"
    assert "(at once" not in replies[0].text and "straight away" in replies[0].text
