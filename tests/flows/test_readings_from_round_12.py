"""What user test round 12 found (36 conversations by a helper that read nothing of the
product), each as the general rule that fixes it, both ways."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()


def codes(replies: list[Reply], kind: str) -> list[str]:
    return [r.code for r in replies if r.kind == kind]


def case_of(conv: Conversation) -> Case:
    assert conv.session is not None
    return conv.session.case


# --- a warning sign said after its question was answered -------------------------------

MAN_TO_MEDICAL_HISTORY = ("male", "51", "right", "none", "gradual", "3 weeks", "2")


def test_a_fever_said_after_the_fever_question_raises_the_level_at_once() -> None:
    conv = talk(*MAN_TO_MEDICAL_HISTORY, "no", "no")
    assert case_of(conv).fever is False and conv.state == "warning_signs"
    replies = conv.say("oh actually i did have a fever last night, 38.6")
    assert case_of(conv).fever is True and "fever" in codes(replies, "warning")
    assert conv.session is not None and conv.session.mode == "danger_offer"


def test_an_answer_said_again_that_lowers_nothing_is_not_changed_in_passing() -> None:
    conv = talk(*MAN_TO_MEDICAL_HISTORY, "no", "yes", "carry on")  # a fever said at its question
    assert conv.state == "warning_signs"
    before = case_of(conv).fever
    conv.say("no fever now though, no fall either")
    assert before is True and case_of(conv).fever is True  # lowering it goes through /back or /change


def test_cannot_walk_said_after_the_walking_question_is_recorded_at_once() -> None:
    conv = talk(*MAN_TO_MEDICAL_HISTORY)
    assert case_of(conv).weight_bearing_pain is True
    replies = conv.say("actually no i cant put any weight on it at all")
    assert case_of(conv).unable_to_bear_weight is True and "cannot_bear_weight" in codes(replies, "warning")


# --- very high inflammation markers --------------------------------------------------


def test_very_high_markers_in_the_first_message_warn_at_once() -> None:
    conv = talk("F 62, hip pain 6 weeks, CRP 180")
    assert case_of(conv).inflammatory_markers == "markedly_raised"
    assert "markedly_raised_markers" in codes(conv.transcript[-1][1], "warning")


@pytest.mark.parametrize(("immunosuppressed", "level"), [(True, "emergency"), (None, "urgent"), (False, "urgent")])
def test_a_known_arthritis_lowers_very_high_markers_only_without_immunosuppression(
        immunosuppressed: bool | None, level: str) -> None:
    case = Case(sex="female", age=62, side="left", inflammatory_markers="markedly_raised",
                known_inflammatory_arthritis=True, immunosuppressed=immunosuppressed, fever=False)
    assert assess(case, ENGINE.content).triage == level


# --- anti-inflammatory painkillers in pregnancy ----------------------------------------


def test_a_pregnant_woman_taking_ibuprofen_is_told_at_once_and_not_asked_again() -> None:
    conv = talk("26 weeks pregnant, right hip pain, ive been taking ibuprofen 3 times a day for a week")
    assert case_of(conv).nsaid_use is True
    assert "nsaid_in_pregnancy" in codes(conv.transcript[-1][1], "warning")
    for answer in ("30", "none", "groin", "gradual", "3 weeks", "2", "none of those"):
        conv.say(answer)
    assert conv.state == "fever"  # from the medical history straight on: the painkillers were said


def test_the_painkiller_warning_is_for_pregnancy_only() -> None:
    pregnant = Case(sex="female", age=30, pregnancy="trimester_2", nsaid_use=True)
    after_birth = pregnant.model_copy(update={"pregnancy": "postpartum"})
    assert [f.id for f in assess(pregnant, ENGINE.content).red_flags] == ["nsaid_in_pregnancy"]
    assert assess(after_birth, ENGINE.content).red_flags == []
    assert assess(pregnant, ENGINE.content).triage == "consultation"  # what is safe, not how urgent


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "30 weeks pregnant, can i take ibuprofen?"),
    ("en", "my friend said i should take ibuprofen, is that ok? im 30 weeks pregnant"),
    ("en", "30 weeks pregnant, no ibuprofen just paracetamol"),
    ("en", "im on low dose aspirin, 30 weeks pregnant"),
    ("pt", "grávida de 30 semanas, posso tomar brufen?"),
])
def test_a_painkiller_asked_about_or_denied_is_not_taken(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert case_of(conv).nsaid_use is not True


def test_a_medicine_a_friend_advised_is_no_medicine_taken_and_the_question_is_kept_for_the_end() -> None:
    conv = talk("38 weeks pregnant, left groin pain", "35", "no")
    replies = conv.say("my friend said i should take alendronate, is that ok?")
    assert case_of(conv).long_term_bisphosphonate is not True
    assert "asked_back" in [r.code for r in replies]


# --- who is asked ----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "typed", "sex"), [
    ("en", "man", "male"), ("en", "woman", "female"), ("en", "a man", "male"),
    ("pt", "homem", "male"), ("pt", "mulher", "female"),
])
def test_a_sex_said_as_man_or_woman_is_the_writers(language: str, typed: str, sex: str) -> None:
    conv = talk(typed, language=language)
    assert case_of(conv).sex == sex and conv.session is not None and not conv.session.for_someone_else


def test_its_for_me_after_a_note_keeps_the_answers() -> None:
    conv = talk("42M L hip pain 3 weeks")
    assert conv.session is not None and conv.session.for_someone_else
    conv.say("it's for me")
    assert not conv.session.for_someone_else
    assert (case_of(conv).sex, case_of(conv).age, case_of(conv).side) == ("male", 42, "left")


def test_its_for_me_after_a_relative_named_starts_again() -> None:
    conv = talk("asking for my brother, he is 40", "left")
    assert conv.session is not None and conv.session.for_someone_else and case_of(conv).sex == "male"
    conv.say("it's for me")
    assert not conv.session.for_someone_else and case_of(conv).sex is None


def test_its_for_me_in_brazilian_portuguese() -> None:
    conv = talk("o meu pai tem 80 anos", language="pt")
    assert conv.session is not None and conv.session.for_someone_else
    conv.say("é pra mim")
    assert not conv.session.for_someone_else


# --- words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "70M R hip pain 4/52, hx of ca prostate w mets, mobilising with frame"),
    ("en", "62F, bony mets, L hip pain"),
    ("pt", "homem de 60 anos, tive câncer de próstata, dor na anca"),
])
def test_a_cancer_in_a_clinicians_shorthand_or_in_brazilian_portuguese_is_heard(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert case_of(conv).cancer_history is True
    assert "cancer_history" in codes(conv.transcript[-1][1], "warning")


@pytest.mark.parametrize(("typed", "walking"), [
    ("não consigo andar direito", "worse"),   # "properly", not "the right one"
    ("não consigo andar", "cannot"),
])
def test_cannot_walk_properly_is_no_inability_to_walk(typed: str, walking: str) -> None:
    assert ENGINE.reader("pt").read("walking", typed).value == walking


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("pt", "F 62A, coxalgia esq. com 6 sem de evolução", {"sex": "female", "age": 62}),
    ("pt", "H 42A", {"sex": "male", "age": 42}),
    ("en", "6 weeks postpartum and breastfeeding, L hip pain", {"sex": "female"}),
])
def test_a_notes_sex_and_age(language: str, typed: str, expected: dict[str, object]) -> None:
    conv = talk(typed, language=language)
    assert {k: getattr(case_of(conv), k) for k in expected} == expected


@pytest.mark.parametrize(("language", "typed", "state", "held"), [
    ("en", "6 weeks postpartum and breastfeeding, L hip pain", "pregnancy", "Had a baby"),
    ("en", "6 weeks postpartum and breastfeeding, L hip pain", "breastfeeding", "Yes"),
    ("en", "pregnant, 30 wks, R hip pain", "pregnancy", "third trimester"),
    ("pt", "tive neném faz 4 meses, to amamentando", "pregnancy", "Tive um bebé"),
    ("pt", "dor no quadril direito", "side", "Direita"),
])
def test_said_in_the_first_message_and_not_asked_again(language: str, typed: str, state: str, held: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    noted = conv.session.noted.get(state, [])
    options = ENGINE.content.options[ENGINE.machine.question_of[state]]
    labels = [ENGINE.content.text(options[i].label, language) for i in noted]
    assert len(noted) == 1 and held in labels[0]


# --- an artificial hip -------------------------------------------------------------------


def test_a_replaced_hip_said_in_the_first_message_ends_after_which_hip_with_where_to_go() -> None:
    conv = talk("I had a hip replacement on the right 5 years ago, now aching for 2 months", "male", "70")
    assert conv.state == "replaced_hip" and case_of(conv).artificial_hip is True
    end = conv.transcript[-1][1][-1]
    assert end.kind == "end" and "natural hip" in end.text


def test_back_from_the_replaced_hip_end_unsays_it_and_goes_on() -> None:
    conv = talk("male", "70", "right", "none", "its my artificial hip that hurts")
    assert conv.state == "replaced_hip"
    conv.say("/back")
    assert conv.state == "onset" and case_of(conv).artificial_hip is None
    conv.say("gradual")
    assert conv.state == "duration_weeks"


def test_a_hip_replacement_on_the_other_side_is_not_this_hip() -> None:
    conv = talk("male", "70", "right", "none", "gradual", "2 months", "2", "hip replacement on the other side")
    assert case_of(conv).artificial_hip is not True and conv.state != "replaced_hip"


def test_a_replaced_hip_rules_out_the_conditions_of_a_natural_one() -> None:
    ranking = assess(Case(sex="male", age=70, side="right", artificial_hip=True), ENGINE.content).shown
    assert {r.condition for r in ranking}.isdisjoint({"itoh", "avn", "osteoarthritis"})


def test_a_test_done_whose_result_is_not_known_is_told_back_as_not_known() -> None:
    conv = talk("male", "45", "left", "x-ray", "dont know", "sudden", "2 weeks", "2", "none", "no", "none", "none")
    assert conv.state == "summary" and case_of(conv).xray is None
    told = "\n".join(line.text for reply in conv.say("/more") for line in reply.lines)
    assert "X-ray: Don't know" in told and "MRI: Not done" in told
