"""Session 27 (a27): misreadings around pregnancy and new mothers. A pregnancy told with no
week still makes an age under 12 a slip to ask about again; a night up with the baby is no
night pain at the warning signs either; what a number at how long means for a new mother;
"is this normal?" after a birth gets a fitted answer."""

from __future__ import annotations

import pytest

from flows.case import Case
from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk


def case_of(conv: Conversation) -> Case:
    assert conv.session is not None
    return conv.session.case


def codes(conv: Conversation) -> list[str | None]:
    return [reply.code for reply in conv.transcript[-1][1]]


# 1. a pregnancy told with no week, then a child's age -------------------------------------------

@pytest.mark.parametrize(("language", "opening"), [
    ("pt", ["olá", "estou grávida"]), ("pt", ["estou grávida"]), ("pt", ["feminino", "tô grávida, dói a anca"]),
    ("en", ["hi", "I'm pregnant"]), ("en", ["pregnant and my hip hurts"]), ("en", ["my daughter is pregnant"]),
])
def test_an_age_under_12_after_a_pregnancy_with_no_week_is_asked_again(language: str, opening: list[str]) -> None:
    conv = talk(*opening, language=language)
    assert conv.state == "age"
    conv.say("2")
    assert codes(conv)[0] == "below_minimum_doubted"
    assert conv.state == "age" and case_of(conv).age is None


def test_the_same_age_typed_again_is_taken() -> None:
    conv = talk("olá", "estou grávida", "2", "2", language="pt")
    assert conv.state == "out_of_scope"


def test_the_adult_age_then_asks_the_weeks() -> None:
    # the pregnancy with no week is not taken as an answer: its question still asks which
    conv = talk("hi", "I'm pregnant", "2", "32")
    assert case_of(conv).age == 32
    assert conv.state == "pregnancy" and case_of(conv).pregnancy is None


@pytest.mark.parametrize(("language", "opening"), [
    ("en", ["female"]), ("en", ["female", "not pregnant"]), ("pt", ["feminino", "não estou grávida"]),
    ("en", ["female", "could I be pregnant?"]),
])
def test_a_childs_age_with_no_pregnancy_told_still_ends_the_questions(language: str, opening: list[str]) -> None:
    conv = talk(*opening, "2", language=language)
    assert conv.state == "out_of_scope"


# 2. a night up with the baby, at the warning signs ------------------------------------------------

AFTER_A_BIRTH_TO_THE_WARNING_SIGNS = ("female", "31", "had a baby 5 weeks ago", "yes", "none", "left hip", "none",
                                      "groin", "suddenly", "3 weeks", "with a limp", "none", "no")
PT_AFTER_A_BIRTH_TO_THE_WARNING_SIGNS = ("feminino", "31", "tive bebé há 5 semanas", "sim", "nenhum", "anca esquerda",
                                         "nenhum", "virilha", "de repente", "3 semanas", "a coxear", "nenhum", "não")


@pytest.mark.parametrize("typed", ["I was up all night with the baby", "awake all night feeding",
                                   "no sleep, newborn", "up all night with my newborn, hip is killing me",
                                   "awake all night with my little one", "the baby won't fall asleep, up all night",
                                   "the baby keeps me up", "night feeds keep me up"])
def test_a_night_up_with_the_baby_at_the_warning_signs_is_no_night_pain(typed: str) -> None:
    conv = talk(*AFTER_A_BIRTH_TO_THE_WARNING_SIGNS)
    assert conv.state == "warning_signs"
    conv.say(typed)
    assert not case_of(conv).night_pain


@pytest.mark.parametrize("typed", ["passei a noite toda acordada com o bebé", "a noite toda com a recém-nascida",
                                   "acordada a noite toda a dar de mamar", "o bebé não me deixa dormir"])
def test_a_night_up_with_the_baby_in_portuguese_is_no_night_pain(typed: str) -> None:
    conv = talk(*PT_AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, language="pt")
    assert conv.state == "warning_signs"
    conv.say(typed)
    assert not case_of(conv).night_pain


@pytest.mark.parametrize("typed", ["the pain wakes me at night", "up all night with the pain", "all night",
                                   "pain at night with a fever",
                                   # the baby named as not the reason (new mother, walk-through en)
                                   "it wakes me up at night even when the baby is asleep",
                                   "the pain wakes me at night, not the baby",
                                   "hip hurts at night even when she's asleep"])
def test_pain_at_night_at_the_warning_signs_is_still_night_pain(typed: str) -> None:
    conv = talk(*AFTER_A_BIRTH_TO_THE_WARNING_SIGNS)
    conv.say(typed)
    assert case_of(conv).night_pain is True


@pytest.mark.parametrize("typed", ["a dor acorda-me de noite", "passo a noite toda com dores", "a noite toda",
                                   "acorda-me de noite mesmo quando o bebé está a dormir",
                                   "a dor acorda-me à noite, não é o bebé"])
def test_pain_at_night_in_portuguese_is_still_night_pain(typed: str) -> None:
    conv = talk(*PT_AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, language="pt")
    conv.say(typed)
    assert case_of(conv).night_pain is True


# 3. what a number at how long means, for a new mother ------------------------------------------------

FOR_A_NEW_MOTHER_TO_HOW_LONG = ("asking for my daughter, she had a baby 5 weeks ago", "29", "yes", "none", "left hip",
                                "none", "groin", "suddenly")
PT_FOR_A_NEW_MOTHER_TO_HOW_LONG = ("pergunto pela minha filha, teve um bebé há 5 semanas", "29", "sim", "nenhum",
                                   "anca esquerda", "nenhum", "virilha", "de repente")


@pytest.mark.parametrize(("language", "before", "typed"), [
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "she's 72"), ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "she is 72"),
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "im 45"), ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "ela tem 72"),
])
def test_an_age_at_how_long_is_no_number_of_weeks(language: str, before: tuple[str, ...], typed: str) -> None:
    conv = talk(*before, language=language)
    assert conv.state == "duration_weeks"
    conv.say(typed)
    assert case_of(conv).duration_weeks is None and conv.state == "duration_weeks"
    assert codes(conv)[0] == "another_amount"


@pytest.mark.parametrize(("language", "before", "typed", "weeks"), [
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "72", 72), ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "she's had it 3 weeks", 3),
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "it's been 3", 3), ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "3 semanas", 3),
])
def test_how_long_said_plainly_is_still_taken(language: str, before: tuple[str, ...], typed: str, weeks: int) -> None:
    conv = talk(*before, typed, language=language)
    assert case_of(conv).duration_weeks == weeks


@pytest.mark.parametrize(("language", "before", "typed"), [
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "2 weeks after giving birth"),
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "it started 10 days after my c-section"),
    ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "2 semanas depois do parto"),
    ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "começou 10 dias após a cesariana"),
])
def test_a_time_after_the_birth_at_how_long_asks_how_long_ago_that_was(
        language: str, before: tuple[str, ...], typed: str) -> None:
    # no correction of the pregnancy (the birth named is the one told), no 2 weeks of pain
    conv = talk(*before, language=language)
    conv.say(typed)
    assert codes(conv)[0] == "since_an_event"
    assert case_of(conv).duration_weeks is None and case_of(conv).pregnancy == "postpartum"


def test_a_pregnancy_week_typed_later_is_still_a_correction_to_say_how_to_make() -> None:
    conv = talk(*FOR_A_NEW_MOTHER_TO_HOW_LONG)
    conv.say("i mean 34 weeks pregnant")
    assert codes(conv)[0] == "correction_how"


# 4. "is this normal?" after a birth ---------------------------------------------------------------

@pytest.mark.parametrize(("language", "before", "asked"), [
    ("en", ("female", "31", "had a baby 5 weeks ago"), "is this normal?"),
    ("en", ("female", "31", "had a baby 5 weeks ago"), "is it normal to hurt this much after giving birth"),
    ("pt", ("feminino", "31", "tive bebé há 5 semanas"), "é normal?"),
    ("pt-BR", ("feminino", "31", "tive bebê faz 5 semanas"), "isso é normal depois do parto?"),
])
def test_is_this_normal_after_a_birth_is_answered_for_a_new_mother(
        language: str, before: tuple[str, ...], asked: str) -> None:
    conv = talk(*before, language=language)
    state = conv.state
    conv.say(asked)
    assert codes(conv)[0] == "quick_answer:normal_after_birth"
    assert conv.state == state


@pytest.mark.parametrize(("before", "code"), [
    (("female", "31", "34 weeks pregnant"), "quick_answer:normal_in_pregnancy"),
    (("female", "31", "not pregnant"), "asked_back"),
    (("male", "45"), "asked_back"),
])
def test_is_this_normal_is_answered_for_the_others_as_before(before: tuple[str, ...], code: str) -> None:
    conv = talk(*before)
    conv.say("is this normal?")
    assert codes(conv)[0] == code


# 5. a new mother at night, walking through (en and pt) --------------------------------------------

@pytest.mark.parametrize(("language", "before", "typed"), [
    ("en", AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, "it hurts more at night"),
    ("en", AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, "oh and the pain wakes me up at night"),
    ("pt", PT_AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, "dói mais de noite, mesmo quando ela está a dormir"),
])
def test_night_pain_told_at_the_next_question_is_added_to_the_warning_signs(
        language: str, before: tuple[str, ...], typed: str) -> None:
    # a new mother at night: "did not catch" at the joints question, and the night pain lost
    conv = talk(*before, "none" if language == "en" else "não", language=language)
    assert conv.state == "joint_features" and not case_of(conv).night_pain
    conv.say(typed)
    assert case_of(conv).night_pain is True
    assert "added_to_answer" in codes(conv) and conv.state == "joint_features"


@pytest.mark.parametrize("typed", ["the baby wakes me at night", "up all night with the baby"])
def test_a_night_up_with_the_baby_told_later_adds_nothing(typed: str) -> None:
    conv = talk(*AFTER_A_BIRTH_TO_THE_WARNING_SIGNS, "none")
    conv.say(typed)
    assert not case_of(conv).night_pain


@pytest.mark.parametrize(("language", "before", "typed"), [
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "since she was born"),
    ("en", FOR_A_NEW_MOTHER_TO_HOW_LONG, "pretty much since i had her"),
    ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "desde que ela nasceu mais ou menos"),
    ("pt", PT_FOR_A_NEW_MOTHER_TO_HOW_LONG, "desde que tive a minha filha"),
])
def test_since_the_baby_was_born_said_with_a_pronoun_asks_how_long_ago(
        language: str, before: tuple[str, ...], typed: str) -> None:
    conv = talk(*before, language=language)
    conv.say(typed)
    assert codes(conv)[0] == "since_an_event" and case_of(conv).duration_weeks is None


@pytest.mark.parametrize(("language", "typed", "walking"), [
    ("pt", "mal consigo pisar", "worse"), ("pt", "mal consigo pôr o pé no chão", "worse"),
    ("en", "barely able to stand on it", "worse"), ("en", "can barely stand", "worse"),
    # near misses: not at all is still "cannot"
    ("pt", "não consigo pisar", "cannot"), ("en", "i cant stand on it", "cannot"),
])
def test_barely_able_to_step_on_it_is_weight_bearing_pain(language: str, typed: str, walking: str) -> None:
    assert get_engine().reader(language).read("walking", typed).value == walking


def test_barely_able_to_step_on_it_in_brazilian_portuguese_is_taken_at_the_question() -> None:
    conv = talk("oi, ganhei neném faz 6 semanas, parto normal, e to com uma dor horrível no quadril esquerdo", "27",
                "to amamentando sim", "nao", "nao fiz nada ainda", "é mais na virilha", "foi de repente, acordei assim",
                "uns 10 dias", "mal consigo pisar", language="pt-BR")
    assert case_of(conv).weight_bearing_pain is True and conv.state != "walking"


@pytest.mark.parametrize(("language", "opening"), [
    ("en", "my wife had our son 10 days ago and now she cant walk properly, her right hip"),
    ("en", "my wife had our baby 10 days ago, her right hip hurts"),
    ("en", "had our son 10 days ago, my right hip hurts"),
    ("pt", "a minha mulher teve o nosso filho há 10 dias e agora dói-lhe a anca direita"),
    ("pt", "tivemos o nosso bebé há 2 semanas e dói-me a anca"),
])
def test_our_son_is_the_babys_not_the_sex_of_the_person_asked_about(language: str, opening: str) -> None:
    # a partner writing at night: "our son" asked "Female or Male?", and the birth was lost
    conv = talk(opening, language=language)
    assert case_of(conv).sex == "female" and conv.state == "age"
    conv.say("34")
    assert case_of(conv).pregnancy == "postpartum"


@pytest.mark.parametrize(("opening", "sex"), [("our GP says its my hip, im 45 male", "male"),
                                              ("asking for our son, he is 45", "male")])
def test_our_said_otherwise_changes_nothing(opening: str, sex: str) -> None:
    conv = talk(opening)
    assert case_of(conv).sex == sex


def test_a_loss_said_with_our_is_still_a_loss() -> None:
    assert get_engine().reader("en").read("pregnancy", "we lost our baby last month").value == "recent_pregnancy_loss"


@pytest.mark.parametrize(("language", "opening"), [
    ("en", "cant sleep, hip pain since giving birth 5 wks ago. is this normal??"),
    ("en", "my hip has hurt since the delivery, is it normal?"),
    ("pt", "dói-me a anca desde o parto, há 5 semanas. é normal?"),
])
def test_a_birth_told_as_since_it_is_heard_and_is_this_normal_answered_for_it(language: str, opening: str) -> None:
    conv = talk(opening, language=language)
    assert "quick_answer:normal_after_birth" in codes(conv)
    assert case_of(conv).sex == "female"
    conv.say("30")
    assert case_of(conv).pregnancy == "postpartum"


def test_a_birth_to_come_in_passing_is_no_birth() -> None:
    assert get_engine().reader("en").mentions("pregnancy", "I'm scared of giving birth, my hip hurts") == []


@pytest.mark.parametrize(("language", "typed"), [("en", "nothing unusual"), ("en", "nothing special really"),
                                                 ("pt", "nada de especial"), ("pt", "nada de anormal")])
def test_nothing_unusual_at_the_list_after_a_birth_is_none_of_these(language: str, typed: str) -> None:
    assert get_engine().reader(language).read("after_birth_warning_signs", typed).value == "none"


@pytest.mark.parametrize(("language", "typed"), [("en", "a bad headache, nothing unusual otherwise"),
                                                 ("pt", "dor de cabeça forte, nada de especial")])
def test_a_sign_beside_nothing_unusual_is_still_ticked(language: str, typed: str) -> None:
    value = get_engine().reader(language).read("after_birth_warning_signs", typed).value
    assert value == ["preeclampsia_signs_after_birth"]


def test_bf_yes_after_a_birth_is_breastfeeding_not_someone_else() -> None:
    # a new mother at the offer after a warning, then at the breastfeeding question
    conv = talk("3 weeks pp, emcs, R hip agony. cant weight bear properly", "2", "26", "bf yes")
    assert conv.session is not None and not conv.session.for_someone_else
    assert case_of(conv).breastfeeding is True


@pytest.mark.parametrize("opening", ["asking for my bf, his left hip hurts", "my boyfriend has hip pain"])
def test_a_boyfriend_said_so_is_still_someone_else(opening: str) -> None:
    assert get_engine().reader("en").asks_for_someone_else(opening)
