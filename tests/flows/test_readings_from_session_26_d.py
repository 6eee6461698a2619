"""Session 26 (d), blind user tests: the person's own questions answered at once (guidance.yaml
`quick_answers`): who to refer to, crutches and walking, "is this normal in pregnancy?", an
anti-inflammatory already taken in pregnancy, sickle cell disease, and "why urgent?" after the
summary with the reasons for its level."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.messages import Reply
from flows.summary import level_reasons
from tests.support.conversation import Conversation, talk

CONTENT = get_engine().content

PREGNANT_30_WEEKS = {
    "en": ("I'm 30 weeks pregnant, my left hip hurts", "31", "none", "none", "3", "gradual",
           "hurts to walk but I can", "none", "none", "no", "none", "none"),
    "pt": ("estou grávida de 30 semanas, dói-me a anca esquerda", "31", "nenhum", "nenhum", "3", "aos poucos",
           "dói ao andar mas consigo", "nenhum", "nenhum", "não", "nenhum", "nenhum"),
}
MAN_AT_THE_LOWEST_LEVEL = ("44 m, right hip pain 3 weeks", "no tests", "gradual", "limping but can walk", "none", "no",
                           "none", "none")
MAN_WITH_A_FEVER = ("male 40, left hip pain 3 weeks, temp 38.9", "2", "no tests", "gradual", "hurts to walk but I can",
                    "none", "none", "none")


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def said(replies: list[Reply]) -> str:
    return " ".join(reply.text for reply in replies)


def at_the_summary(*answers: str, language: str = "en") -> Conversation:
    conv = talk(*answers, language=language)
    assert conv.state == "summary"
    return conv


def asked(opening: str, question: str, language: str = "en") -> list[Reply]:
    return talk(opening, language=language).say(question)


# --- 1. who to refer to --------------------------------------------------------------------------

GP_EN = "GP here, 44F, not pregnant, left hip pain 3 weeks"
GP_PT = "sou médica de família, doente de 44 anos, mulher, não grávida, dor na anca esquerda há 3 semanas"


@pytest.mark.parametrize(("language", "opening", "question"), [
    ("en", GP_EN, "who should I refer her to?"),
    ("en", GP_EN, "which specialist?"),
    ("en", GP_EN, "ortho or rheum, who should see her?"),
    ("pt", GP_PT, "para quem encaminho?"),
    ("pt", GP_PT, "que especialista?"),
    ("pt-BR", "sou médico, paciente mulher 44 anos, não está grávida, dor no quadril há 3 semanas",
     "pra quem encaminho?"),
])
def test_who_to_refer_to_is_answered_by_what_is_not_ruled_out(language: str, opening: str, question: str) -> None:
    # user test 26, a GP: "the summary at the end answers it", and in Portuguese "did not catch"
    replies = asked(opening, question, language)
    assert codes(replies)[0] == "quick_answer:referral"
    assert ("orthopaedic" in replies[0].text and "rheumatology" in replies[0].text) or "reumatologia" in replies[0].text
    assert "{" not in replies[0].text  # no placeholder left unfilled


def test_who_to_refer_to_in_pregnancy_brings_in_the_obstetric_team() -> None:
    replies = asked("GP here, patient is 30 weeks pregnant with left hip pain", "which specialist should see her?")
    assert codes(replies)[0] == "quick_answer:referral_in_pregnancy"
    assert "obstetric team" in replies[0].text


def test_a_referral_told_is_no_question_of_who_to_refer_to() -> None:
    # near miss: a referral told, not asked
    conv = talk("female 44, not pregnant, left hip pain 3 weeks", "my GP referred me to a rheumatologist last week")
    assert not any(code.startswith("quick_answer:referral") for code in codes(conv.transcript[-1][1]))
    # ...and a question naming a cause keeps its own answer (session 24)
    conv = talk("male 47", "left", "none", "gradually", "6 weeks")
    assert codes(conv.say("?AVN vs TOH, does he need ortho referral"))[0] == "quick_answer:which_cause_it_is"


def test_who_to_refer_to_after_the_summary_says_why_its_level() -> None:
    conv = at_the_summary(*PREGNANT_30_WEEKS["en"])
    replies = conv.say("who should I refer her to?")
    assert codes(replies)[:2] == ["quick_answer:referral_in_pregnancy", "level_why"]
    assert "Break near the top of the thigh bone" in replies[1].text and "MRI" in replies[1].text


# --- 2. crutches and walking ----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "opening", "question"), [
    ("en", "I'm 36 weeks pregnant, my left hip hurts", "can I walk on it?"),
    ("en", "78 year old woman, fell yesterday, right hip pain", "should she use crutches?"),
    ("pt", "estou grávida de 36 semanas, dói-me a anca esquerda", "posso andar?"),
])
def test_while_a_break_is_not_ruled_out_the_leg_is_not_walked_on(language: str, opening: str, question: str) -> None:
    # user test 26: "can I walk on it?" was told the summary at the end answers it
    replies = asked(opening, question, language)
    assert codes(replies)[0] == "quick_answer:walking_while_a_break_is_possible"
    assert "do not walk on it" in replies[0].text or "não ponha o peso do corpo" in replies[0].text
    assert "wheelchair" in replies[0].text or "cadeira de rodas" in replies[0].text  # both hips: a frame, a wheelchair


@pytest.mark.parametrize(("language", "opening", "question"), [
    ("en", "female 34, not pregnant, left hip pain 3 weeks", "should I use crutches?"),
    ("en", "female 34, not pregnant, left hip pain 3 weeks", "can I walk on it?"),
    ("pt", "mulher 34 anos, não grávida, dor na anca esquerda há 3 semanas", "devo usar canadianas?"),
    ("pt-BR", "mulher 34 anos, não grávida, dor no quadril esquerdo há 3 semanas", "posso andar?"),
])
def test_crutches_are_the_mainstay_for_a_thinned_bone(language: str, opening: str, question: str) -> None:
    # a break ranked high only because little is known yet: protected weight bearing, not "do not walk"
    replies = asked(opening, question, language)
    assert codes(replies)[0] == "quick_answer:walking_with_crutches"
    assert any(words in replies[0].text for words in ("protected weight bearing", "carga parcial protegida"))


def test_a_fever_sends_the_hip_to_be_seen_before_any_walking_advice() -> None:
    replies = asked("male 40, left hip pain 3 weeks, temp 38.9", "can I walk on it?")
    assert codes(replies)[0] == "quick_answer:walking_while_an_infection_is_possible"
    assert "asked_back_warned" in codes(replies)  # ...with what the warning says to do now


def test_pelvic_girdle_pain_late_in_pregnancy_walking_is_not_told_to_stop_walking() -> None:
    case = Case(sex="female", age=31, pregnancy="trimester_3", side="left", pelvic_girdle_pattern=True,
                unable_to_bear_weight=False, weight_bearing_pain=True)
    holds = next(h for a, h in CONTENT.quick_answers if a.id == "walking_while_a_break_is_possible")
    assert not holds(case)
    assert holds(case.model_copy(update={"pelvic_girdle_pattern": False}))


def test_walking_said_at_the_walking_question_is_an_answer_and_a_question_is_not() -> None:
    # near miss: "consigo andar, mas só de canadianas" answers the question; "posso andar?" asks
    opening = ("mulher 34 anos, não grávida, dor na anca esquerda há 3 semanas", "nenhum", "aos poucos")
    conv = talk(*opening, language="pt")
    assert conv.state == "walking"
    replies = conv.say("posso andar?")
    assert conv.state == "walking" and codes(replies)[0] == "quick_answer:walking_with_crutches"
    conv = talk(*opening, language="pt")
    replies = conv.say("consigo andar, mas só de canadianas")
    assert conv.state != "walking"
    assert not any(code.startswith("quick_answer:walking") for code in codes(replies))


# --- 3. "is this normal in pregnancy?" -----------------------------------------------------------


@pytest.mark.parametrize(("language", "opening", "question"), [
    ("en", "I'm 30 weeks pregnant, my left hip hurts", "is this normal in pregnancy?"),
    ("en", "I'm 30 weeks pregnant, my left hip hurts", "is it just the pregnancy?"),
    ("pt", "estou grávida de 30 semanas, dói-me a anca esquerda", "é normal?"),
    ("pt-BR", "to gravida de 30 semanas, dor no quadril", "isso é normal na gravidez?"),
])
def test_is_this_normal_in_pregnancy_says_common_but_not_to_be_waited_out(
        language: str, opening: str, question: str) -> None:
    replies = asked(opening, question, language)
    assert codes(replies)[0] == "quick_answer:normal_in_pregnancy"
    assert any(words in replies[0].text for words in ("one woman in five", "uma mulher em cada cinco"))
    assert any(words in replies[0].text for words in ("not something to wait out", "não é para esperar"))


def test_is_it_normal_is_no_pregnancy_answer_for_a_man_nor_a_result_told() -> None:
    # near misses: a man asking; a pregnant woman telling of a normal X-ray
    assert "quick_answer:normal_in_pregnancy" not in codes(asked("male 45, right hip pain 3 weeks", "is it normal?"))
    conv = talk("I'm 30 weeks pregnant, my left hip hurts", "31", "none")
    assert "quick_answer:normal_in_pregnancy" not in codes(conv.say("I had an x-ray, it was normal"))


# --- 4. an anti-inflammatory already taken in pregnancy -------------------------------------------


@pytest.mark.parametrize(("language", "opening", "told", "calm"), [
    ("en", "I'm 24 weeks pregnant, my left hip hurts", "I already took ibuprofen", "try not to worry"),
    ("en", "I'm 30 weeks pregnant, my left hip hurts", "i took 2 nurofen this morning", "try not to worry"),
    ("pt", "estou grávida de 24 semanas, dói-me a anca esquerda", "já tomei brufen", "tente não se preocupar"),
])
def test_an_anti_inflammatory_already_taken_is_met_with_calm_and_no_more(
        language: str, opening: str, told: str, calm: str) -> None:
    # user test 26: "I already took ibuprofen" at 24 weeks met only "Please stop"
    replies = asked(opening, told, language)
    assert "nsaid_in_pregnancy" in codes(replies)
    assert calm in said(replies)
    assert "take no more" in said(replies) or "não tome mais" in said(replies)


def test_asking_about_a_dose_taken_says_it_is_unlikely_to_have_harmed() -> None:
    replies = asked("estou grávida de 24 semanas, dói-me a anca esquerda", "tomei um ibuprofeno ontem, faz mal?", "pt")
    assert "quick_answer:painkillers_in_pregnancy" in codes(replies)
    assert "uma ou duas doses dificilmente fizeram mal ao bebé" in said(replies)


def test_an_anti_inflammatory_feared_is_none_taken() -> None:
    # near miss: nothing taken, so no warning
    replies = asked("I'm 24 weeks pregnant, my left hip hurts", "I'm scared to take ibuprofen")
    assert "nsaid_in_pregnancy" not in codes(replies)


# --- 5. sickle cell disease -----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "opening", "question", "code"), [
    ("en", "male 25, right hip pain for 4 days", "I have sickle cell, is this a crisis?", "quick_answer:sickle_cell"),
    ("pt", "homem 25 anos, dor na anca direita há 4 dias", "tenho drepanocitose, é uma crise?",
     "quick_answer:sickle_cell"),
    ("en", "I have sickle cell disease, 25 male, right hip pain 4 days", "is this a crisis?",
     "quick_answer:sickle_cell_crisis"),
    ("pt-BR", "tenho anemia falciforme, 25 anos, homem, dor no quadril há 4 dias", "é crise?",
     "quick_answer:sickle_cell_crisis"),
])
def test_sickle_cell_hip_pain_says_avn_and_when_a_crisis_needs_care_today(
        language: str, opening: str, question: str, code: str) -> None:
    replies = asked(opening, question, language)
    assert code in codes(replies)
    answer = next(reply.text for reply in replies if reply.code == code)
    assert any(words in answer for words in ("avascular necrosis", "necrose avascular"))
    assert any(words in answer for words in ("acute chest syndrome", "síndrome torácica aguda"))
    assert any(words in answer for words in ("haematology team", "hematologia"))


def test_sickle_cell_in_pregnancy_names_the_maternity_unit() -> None:
    replies = asked("I'm 30 weeks pregnant, my left hip hurts", "I have sickle cell disease, is this a crisis?")
    assert "quick_answer:sickle_cell_in_pregnancy" in codes(replies)
    assert "maternity unit" in said(replies)


def test_a_crisis_asked_with_no_sickle_cell_is_not_the_sickle_cell_answer() -> None:
    replies = asked("25 male, right hip pain 4 days", "is this a crisis?")
    assert not any(code.startswith("quick_answer:sickle_cell") for code in codes(replies))


# --- 6. "why urgent?" after the summary -----------------------------------------------------------


@pytest.mark.parametrize(("language", "question", "because"), [
    ("en", "why urgent?", "hip pain late in pregnancy or after birth, when the thigh bone can break without a fall"),
    ("en", "how come it's urgent?", "hip pain late in pregnancy or after birth"),
    ("pt", "porque urgente?", "dor na anca no fim da gravidez ou após o parto"),
    ("pt", "por que é tão urgente?", "dor na anca no fim da gravidez"),
])
def test_why_urgent_after_the_summary_gives_the_reasons_for_its_level(
        language: str, question: str, because: str) -> None:
    # user test 26: "The summary's level of care answers that", with no reason
    replies = at_the_summary(*PREGNANT_30_WEEKS[language], language=language).say(question)
    assert codes(replies) == ["level_why"]
    assert because in replies[0].text
    assert "MRI" in replies[0].text or "RM" in replies[0].text  # ...and the test that settles it


def test_why_urgent_names_the_warning_sign_that_set_the_level() -> None:
    replies = at_the_summary(*MAN_WITH_A_FEVER).say("why is it an emergency?")
    assert codes(replies) == ["level_why"] and "Fever with hip pain" in replies[0].text


def test_why_urgent_at_the_lowest_level_says_it_is_not() -> None:
    replies = at_the_summary(*MAN_AT_THE_LOWEST_LEVEL).say("why urgent?")
    assert codes(replies) == ["asked_back_lowest_after"]


def test_why_it_hurts_is_no_question_of_the_level() -> None:
    # near miss: "why" without a word of urgency
    replies = at_the_summary(*PREGNANT_30_WEEKS["en"]).say("why does it hurt more at night?")
    assert "level_why" not in codes(replies)


def test_why_urgent_before_the_summary_says_when_not_to_wait() -> None:
    replies = asked("female 34, not pregnant, left hip pain 3 weeks", "why is it urgent?")
    assert codes(replies)[0] == "quick_answer:why_this_level"


def test_the_reasons_for_a_level_are_those_that_set_it() -> None:
    late = Case(sex="female", age=31, pregnancy="trimester_3", side="left", onset="gradual",
                weight_bearing_pain=True, unable_to_bear_weight=False, fever=False)
    reasons = level_reasons(late, assess(late, CONTENT), CONTENT, "en")
    assert len(reasons) == 1 and reasons[0].startswith("Break near the top of the thigh bone")
    settled = late.model_copy(update={"mri": ["bone_marrow_oedema"]})
    assessment = assess(settled, CONTENT)  # an MRI without a break line: nothing sets a higher level
    assert assessment.triage == "consultation" and level_reasons(settled, assessment, CONTENT, "en") == []
