"""A relative or a clinician answering for someone else is asked about "them", not "you"
(content/ui.yaml `for_someone_else`; the questions' `text_for_someone_else` and the
options' `label_for_someone_else`), and "it's for me" turns it back."""

from __future__ import annotations

import re
from datetime import date

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.clinician_report import build_report
from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def asked(conv: Conversation, language: str = "en") -> tuple[str, bool]:
    """The next question worded apart for someone else (a question worded for anyone, "Which
    hip hurts?", is answered "don't know"), and whether it was worded so. A warning's offer of
    what to do now ("she's 78 and fell") is answered "carry on" first."""
    if conv.session is not None and conv.session.mode == "danger_offer":
        conv.say("continuar" if language == "pt" else "carry on")
    while CONTENT.questions[conv.last_question().question_id or ""].text_for_someone_else is None:
        conv.say("não sei" if language == "pt" else "don't know")
    question = CONTENT.questions[conv.last_question().question_id or ""]
    other = question.text_for_someone_else
    assert other is not None
    return question.id, conv.last_question().text.startswith(CONTENT.text(other, language))


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "asking for my mum, she's 78 and fell"),
    ("en", "GP here. Patient is a 44 year old man with 3 weeks of left hip pain"),
    ("en", "Pt 41M L hip pain"),
    ("en", "she is 34 weeks pregnant and her left hip hurts"),
    ("en", "my husband, 52"),
    ("en", "my wife's hip is sore, she's 45"),
    ("en", "my wifes hip is sore"),
    ("en", "My 25 yo daughter has had hip pain for a month"),
    ("en", "I'm my dad's carer and his left hip is bad"),
    ("en", "im a carer, one of the ladies i look after is 84"),
    ("en", "a friend of mine, 50, has hip pain"),
    ("pt", "a anca da minha mulher está a doer muito"),
    ("pt", "sou cuidadora de uma senhora de 80 anos"),
    ("pt", "um amigo meu de 50 anos tem dor na anca"),
    ("en", "Grandad's hip has been bad since Tuesday"),             # a relative's 's
    ("en", "Dad, 71, sore hip for a month"),                         # the message opens on them
    ("en", "we think it's her hip. Gran fell last night"),           # a later sentence on them
    ("en", "58F, L groin pain 2/52, no trauma"),                     # a note's glued age and sex
    ("en", "Midwife here - lady at 36/40 with hip pain"),            # a role
    ("pt", "Senhora idosa, queda em casa, dor na virilha"),
    ("pt", "Fisio aqui. Doente de 33 anos com dor inguinal"),
    ("en", "I'm a support worker. One of my clients has right hip pain"),  # re-check round
    ("en", "my mate hurt his hip playing footy yesterday"),
    ("en", "52F R groin pain, insidious onset"),                      # a note opening on them
    ("pt", "trabalho num lar e uma das idosas tem dores na anca"),
    ("pt", "a minha mãe tem 78 anos"),
    ("pt", "sou médica, utente de 44 anos com coxalgia esquerda"),
    ("pt", "ela está grávida de 34 semanas"),
])
def test_someone_answering_for_another_is_told_and_then_asked_about_them(language: str, typed: str) -> None:
    conv = talk(language=language)
    replies = conv.say(typed)
    assert "asking_for_someone_else" in codes(replies)
    assert conv.session is not None and conv.session.for_someone_else
    question_id, for_them = asked(conv, language)
    assert for_them, f"{question_id} was asked of the writer: {conv.last_question().text!r}"


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "my hip hurts"),
    ("en", "my wife made me come on here, I'm 68"),
    ("en", "the doctor said he thinks it's sciatica"),
    ("en", "my mum had the same thing and now my hip hurts"),
    ("en", "my husband thinks I should get it checked"),
    ("en", "my pt said it's bursitis"),
    ("en", "asking for advice about my hip"),
    ("en", "female 34"),
    ("pt", "tenho dor na anca, para a minha idade é estranho"),
    ("pt", "a minha mãe também teve isto e agora dói-me a anca"),
    ("pt", "o meu marido acha que devo ver isto"),
    ("pt", "estou doente há 3 semanas"),
    ("pt", "a minha perna doente dói"),
    ("en", "my mum had a hip replacement at 60 and now my left hip aches, im 41"),   # the writer's own hip
    ("en", "hip clicking, im 19 and do ballet. mum thinks its nothing"),           # the writer's own age
    ("en", "Nurse here, on my feet all day and my left hip now aches"),
    ("en", "can only walk 10m before the pain starts"),              # a distance, not "10, male"
    ("en", "10m walk and then the pain starts"),
    ("en", "I (41M) have hip pain"),
    ("en", "Sorry to bother you. My son is driving me to appointments"),
    ("pt", "Sou enfermeira, faço turnos de 12h e agora a anca dói sempre. Tenho 39 anos"),
    ("pt", "a minha mãe tb teve artrose e agora começo eu com dores"),
])
def test_a_writer_speaking_of_their_own_hip_is_asked_about_themself(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and not conv.session.for_someone_else
    assert "asking_for_someone_else" not in codes(conv.transcript[-1][1])
    question = CONTENT.questions[conv.last_question().question_id or ""]
    assert conv.last_question().text.startswith(CONTENT.text(question.text, language))


def test_asking_for_a_friend_alone_is_said_back_and_the_question_asked_again_without_an_error() -> None:
    conv = talk()
    replies = conv.say("asking for a friend")
    assert [r.kind for r in replies] == ["notice", "question"]
    assert codes(replies) == ["asking_for_someone_else", "sex"]
    assert asked(conv) == ("sex", True)


def test_the_options_are_said_of_them_and_so_is_the_answer_said_back() -> None:
    conv = talk("asking for my dad, he's 61, right hip", "mri")
    conv.say("bone marrow oedema")
    assert conv.state == "onset" or conv.last_question().question_id in ("onset", "duration_weeks", "walking")
    while conv.last_question().question_id != "walking":
        conv.say("don't know")
    labels = [choice.label for choice in conv.last_question().choices]
    cannot = next(o for o in CONTENT.options["walking"] if o.value == "cannot")
    assert cannot.label_for_someone_else is not None
    assert CONTENT.text(cannot.label_for_someone_else, "en") in labels
    assert CONTENT.text(cannot.label, "en") not in labels
    replies = conv.say("walking makes it worse")
    echo = next(r for r in replies if r.kind == "answered")
    assert "they can take a few steps" in echo.text and " I can " not in echo.text


def test_it_s_for_me_turns_the_questions_back_to_the_writer_and_forgets_the_relative_s_answers() -> None:
    conv = talk("asking for my brother, his hip hurts")
    assert conv.session is not None and conv.session.for_someone_else and conv.session.case.sex == "male"
    replies = conv.say("actually it's for me, sorry")
    assert codes(replies) == ["asking_for_yourself_again", "sex"]  # the brother's sex is not hers
    assert not conv.session.for_someone_else and conv.session.case.sex is None
    assert conv.last_question().text.startswith(CONTENT.text(CONTENT.questions["sex"].text, "en"))


def test_it_s_for_me_before_any_answer_only_turns_the_wording_back() -> None:
    conv = talk("asking for a friend")
    replies = conv.say("no wait, it's for me")
    assert codes(replies) == ["asking_for_yourself", "sex"]
    assert conv.session is not None and not conv.session.for_someone_else


def test_a_correction_to_someone_else_starts_the_questions_again_about_them() -> None:
    conv = talk("hip pain on the left side", "female")
    replies = conv.say("actually sorry its for my dad not me, hes 67")
    assert codes(replies)[0] == "asking_for_someone_else_again"
    assert conv.session is not None and conv.session.for_someone_else
    assert (conv.session.case.sex, conv.session.case.age) == ("male", 67)  # not the writer's "female"


def test_a_late_he_or_she_keeps_the_answers_given_for_them_all_along() -> None:
    conv = talk("female", "45", "not pregnant", "left", "none", "gradually", "3 weeks")
    assert conv.state == "walking"
    replies = conv.say("she can walk but it hurts")
    assert codes(replies)[0] == "asking_for_someone_else"
    assert conv.session is not None and conv.session.for_someone_else
    assert (conv.session.case.sex, conv.session.case.age) == ("female", 45)


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "my hip hurts, my mum had the same"),
    ("pt", "dói-me a anca, a minha mãe teve o mesmo"),
    ("pt", "a minha mulher obrigou-me a vir aqui, dói-me a anca esquerda"),
])
def test_a_relative_named_by_a_writer_speaking_of_their_own_hip_gives_no_sex(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.case.sex is None and conv.state == "sex"


@pytest.mark.parametrize(("language", "typed", "sex"), [
    ("en", "my mum", "female"),
    ("en", "asking for my mum", "female"),
    ("en", "my wife's hip is sore, she's 45", "female"),
    ("pt", "a minha mãe", "female"),
    ("pt", "o meu marido tem 55 anos", "male"),
])
def test_a_relative_named_for_them_still_gives_their_sex(language: str, typed: str, sex: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.case.sex == sex


def test_the_summary_for_someone_else_says_whom_it_speaks_to_and_what_was_told_of_them() -> None:
    answers = ["my wife, female", "45", "not pregnant", "left", "none", "gradually", "3 weeks", "can't walk",
               "none", "no", "none", "none"]
    conv = talk(*answers)
    while conv.state != "summary":
        conv.say("don't know")
    summary = next(replies for _, replies in reversed(conv.transcript) if any(r.kind == "summary" for r in replies))
    assert codes(summary)[-3:] == ["summary_for_someone_else", "first", "disclaimer"]
    told = conv.say("/more")
    text = "\n".join(r.text for r in told)
    assert "They cannot take a few steps on that leg" in text
    assert "I cannot take a few steps" not in text


def test_the_summary_for_the_writer_has_no_such_line() -> None:
    conv = talk("female", "45", "not pregnant", "left", "none", "gradually", "3 weeks", "worse", "none", "no",
                "none", "none")
    while conv.state != "summary":
        conv.say("don't know")
    summary = next(replies for _, replies in reversed(conv.transcript) if any(r.kind == "summary" for r in replies))
    assert codes(summary)[-2:] == ["first", "disclaimer"] and "summary_for_someone_else" not in codes(summary)


def test_a_child_s_age_ends_the_conversation_without_a_word_about_whom_it_is_for() -> None:
    conv = talk("male")
    replies = conv.say("my son is 9")
    assert [r.kind for r in replies] == ["end"] and conv.state == "out_of_scope"


_SPEAKS_TO_THE_WRITER = {
    "en": re.compile(r"\b(you|your|i|i'm|my|me)\b", re.IGNORECASE),
    # first person of the verbs the options use, and the writer's own "si" / "seu"
    "pt": re.compile(r"\b(si|seu|sua|consigo|tenho|tive|fiz|perdi|estou|minhas?|meus?|acorda-me|me levantar)\b",
                     re.IGNORECASE),
}


@pytest.mark.parametrize("language", ["en", "pt"])
def test_every_question_and_option_worded_for_the_writer_has_a_wording_for_someone_else(language: str) -> None:
    """A new question that says "you" (or an option that says "I") without a wording for
    someone else would be asked of a relative as if they were the patient. ("If you
    measured it, you can type..." speaks to the writer on purpose: only the question
    before its first full stop is checked, and options in full.)"""
    pattern = _SPEAKS_TO_THE_WRITER[language]
    missing = []
    for question in CONTENT.questions.values():
        first = re.split(r"[.?]\s", CONTENT.text(question.text, language))[0]
        if pattern.search(first):
            other = question.text_for_someone_else
            if other is None or pattern.search(re.split(r"[.?]\s", CONTENT.text(other, language))[0]):
                missing.append(question.id)
        for option in CONTENT.options[question.id]:
            if option.value is None:  # "Don't know", "Não tenho a certeza": the writer's own
                continue
            if pattern.search(CONTENT.text(option.label, language)):
                other = option.label_for_someone_else
                if other is None or pattern.search(CONTENT.text(other, language)):
                    missing.append(f"{question.id}.{option.value}")
    assert missing == []


@pytest.mark.parametrize("someone_else", [True, False])
def test_the_clinician_report_says_who_gave_the_answers_and_words_them_for_the_patient(someone_else: bool) -> None:
    case = Case(sex="female", age=78, trauma=True, unable_to_bear_weight=True, weight_bearing_pain=True)
    report = build_report(case, assess(case, CONTENT), CONTENT, date(2026, 12, 2), "en", someone_else)
    assert ("given for the patient by someone else" in report.headings["made"]) is someone_else
    assert ("the person's own answers" in report.headings["made"]) is not someone_else
    walking = next(line for line in report.findings if line.startswith("Walking"))
    assert ("(they cannot take a few steps" in walking) is someone_else
    assert ("(I cannot take a few steps" in walking) is not someone_else


def test_a_warning_for_someone_else_says_whom_its_advice_is_for() -> None:
    conv = talk()
    replies = conv.say("my mate hurt his hip playing footy yesterday, cant walk on it now")
    warning = next(r for r in replies if r.kind == "warning")
    assert CONTENT.message("warning_for_someone_else", "en") in warning.text
    own = talk().say("I hurt my hip playing football yesterday, can't walk on it now")
    assert CONTENT.message("warning_for_someone_else", "en") not in next(r for r in own if r.kind == "warning").text
