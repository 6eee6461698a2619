"""Readings the user test of relatives and clinicians (session 11) found wrong, each fixed
as a general rule in content/ and checked both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()


def read(language: str, question: str, typed: str):  # type: ignore[no-untyped-def]
    return ENGINE.reader(language).read(question, typed)


@pytest.mark.parametrize("typed", ["não sabe", "nao sabe", "ela não sabe", "não mediu", "não se lembra"])
def test_a_relative_s_not_knowing_is_dont_know_not_no(typed: str) -> None:
    parsed = read("pt", "fever", typed)
    assert parsed.ok and parsed.value is None  # was "No": the "não" of "não sabe"


@pytest.mark.parametrize("typed", ["não", "não teve febre"])
def test_a_plain_no_is_still_no(typed: str) -> None:
    parsed = read("pt", "fever", typed)
    assert parsed.ok and parsed.value is False


@pytest.mark.parametrize(("language", "typed"), [
    ("pt", "caí ontem e não me consigo pôr de pé, dói-me a anca"),
    ("pt", "sou cuidadora de uma senhora de 80 anos que caiu e não se consegue pôr de pé"),
    ("pt", "caí e não consigo ficar de pé"),
    ("en", "fell, unable to stand"),
])
def test_unable_to_stand_after_a_fall_warns_at_once(language: str, typed: str) -> None:
    conv = talk(language=language)
    replies = conv.say(typed)
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True
    assert "trauma_cannot_bear_weight" in [r.code for r in replies if r.kind == "warning"]


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "walks ok but painful"), ("en", "fine but sore"), ("pt", "anda bem mas dói"), ("en", "can walk, hurts"),
])
def test_walking_ok_but_painful_is_walking_that_hurts(language: str, typed: str) -> None:
    # What follows "but" is the answer (session 17: asked which, the same words were typed
    # back and asked again, user tests en 17)
    parsed = read(language, "walking", typed)
    assert parsed.ok and parsed.value == "worse"


# "can walk, hurts" is walking that hurts since session 23: "can walk" alone says the leg
# takes weight, not that walking is no worse (it points to both answers)
@pytest.mark.parametrize(("language", "typed"), [("en", "walking fine just a bit sore")])
def test_walking_ok_and_painful_without_a_but_is_asked_which(language: str, typed: str) -> None:
    parsed = read(language, "walking", typed)
    assert not parsed.ok and len(parsed.clarify) == 2


@pytest.mark.parametrize(("language", "typed"), [("en", "ok"), ("en", "fine"), ("en", "walking is fine, no pain"),
                                                 ("pt", "bem")])
def test_walking_fine_alone_is_still_no_worse(language: str, typed: str) -> None:
    parsed = read(language, "walking", typed)
    assert parsed.ok and parsed.value == "fine"


@pytest.mark.parametrize(("language", "typed", "field", "value"), [
    ("en", "he drinks heavily", "alcohol_excess", True),
    ("en", "he drinks quite a lot", "alcohol_excess", True),
])
def test_a_relative_s_third_person_at_a_checklist(language: str, typed: str, field: str, value: object) -> None:
    parsed = read(language, "medical_history", typed)
    assert parsed.ok and field in parsed.value


@pytest.mark.parametrize(("language", "typed", "case"), [
    ("en", "Physio here - seeing a 38 yo male runner, R hip pain 5 weeks", {"duration_weeks": 5.0}),
    ("en", "52F R groin pain, insidious onset, NWB", {"unable_to_bear_weight": True}),
    ("en", "I hurt my hip playing football yesterday, can't walk on it now", {"trauma": True}),
])
def test_what_a_note_or_a_relative_says_at_once_is_heard(language: str, typed: str, case: dict[str, object]) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    held = {**conv.session.case.model_dump(), **{k: v for k, v in conv.session.held_numbers.items() if v}}
    for name, value in case.items():
        assert held.get(name) == value or (name in conv.session.held_numbers), (name, held)


def test_a_mistyped_child_s_age_can_be_corrected_with_back() -> None:
    conv = Conversation()
    conv.start()
    conv.say("male", "2")
    assert conv.state == "out_of_scope"
    replies = conv.say("/back")
    assert conv.state == "age" and replies[-1].question_id == "age"
    assert conv.session is not None and conv.session.case.sex == "male"  # nothing else undone
    conv.say("62")
    assert conv.session.case.age == 62


@pytest.mark.parametrize(("language", "typed"), [("en", "it started a few days after the birth"),
                                                 ("pt", "começou 3 dias depois do parto")])
def test_when_the_pain_began_after_an_event_is_not_how_fast_it_came_on(language: str, typed: str) -> None:
    assert not read(language, "onset", typed).ok  # asked again, not read as sudden


@pytest.mark.parametrize(("language", "typed", "value"), [
    ("en", "over 2 days", "sudden"), ("en", "2 days", "sudden"), ("en", "over 3 weeks", "gradual"),
    ("pt", "em 2 dias", "sudden"),
])
def test_how_fast_it_came_on_in_a_number_still_counts(language: str, typed: str, value: str) -> None:
    parsed = read(language, "onset", typed)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize(("language", "typed", "not_recorded"), [
    ("en", "I'm 47, male, my son had a fever last week, my left hip hurts", "fever"),
    ("en", "im 50, male. left hip pain 5 weeks. my dad had a hip replacement last year", "recent_joint_procedure"),
    ("en", "i'm 60, my dad died of cancer, my right hip aches", "cancer_history"),
    ("pt", "tenho 52 anos, sou homem, dor na anca direita. o meu pai teve cancro e a minha mãe tem osteoporose",
     "known_osteoporosis"),
    ("pt", "Eu tenho dor na anca esquerda há 1 mês e o meu filho mais velho teve febre ontem", "fever"),
])
def test_what_a_writer_says_of_a_relative_is_not_recorded_as_their_own(language: str, typed: str,
                                                                        not_recorded: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and getattr(conv.session.case, not_recorded) is None


def test_the_clause_said_of_a_relative_takes_its_joining_word_with_it() -> None:
    """"... e a minha mãe tem osteoporose" cut leaves no lone "e" (esquerda) behind."""
    conv = talk("tenho 52 anos, sou homem, dor na anca direita. o meu pai teve cancro e a minha mãe tem osteoporose",
                language="pt")
    assert conv.session is not None and conv.session.case.side == "right" and conv.state != "side"


@pytest.mark.parametrize(("language", "typed", "recorded"), [
    ("en", "my mum fell and can't walk", "unable_to_bear_weight"),
    ("pt", "a minha mãe caiu e não consegue andar", "unable_to_bear_weight"),
    # the writer's "I" only asks what to do: the fall is the mother's, the patient's
    ("en", "My mum is 84 and fell in the kitchen yesterday. Now she can't stand on her left leg. Should I take her in?",
     "trauma"),
])
def test_what_a_relative_says_of_the_patient_is_still_recorded(language: str, typed: str, recorded: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and getattr(conv.session.case, recorded) is True


def test_a_relative_s_own_age_is_not_the_patient_s() -> None:
    conv = talk("asking for my mum, she's 72 and fell on her right hip. I'm 45")
    assert conv.session is not None and conv.session.for_someone_else
    assert conv.session.case.age != 45 and conv.session.held_numbers.get("age", "") != "45"


@pytest.mark.parametrize(("typed", "sex"), [("10m walk then the pain starts", None), ("Pt 41M L hip pain", "male"),
                                            ("52F R groin pain", "female")])
def test_a_glued_number_and_letter_is_an_age_and_sex_only_for_an_adult_s_age(typed: str, sex: str | None) -> None:
    conv = talk(typed)
    assert conv.session is not None and conv.session.case.sex == sex
