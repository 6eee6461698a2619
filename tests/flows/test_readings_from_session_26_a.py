"""Session 26a: a temperature typed in passing at another question is kept for the fever
question; a risk factor told after its list was answered is added to it; heat put on the hip
is no hot hip; a CRP with no unit is read the graver way, said; slips in the first answers."""

from __future__ import annotations

import pytest

from flows.case import Case
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

TO_THE_ONSET = ("female", "34", "no", "left hip", "none")
TO_HOW_LONG = (*TO_THE_ONSET, "suddenly")
TO_WALKING = (*TO_HOW_LONG, "3 weeks")
TO_HISTORY = (*TO_WALKING, "with a limp")
TO_FEVER = (*TO_HISTORY, "none")


def case_of(conv: Conversation) -> Case:
    assert conv.session is not None
    return conv.session.case


def last(conv: Conversation) -> list[Reply]:
    return conv.transcript[-1][1]


def said(conv: Conversation) -> str:
    return "\n".join(reply.text for reply in last(conv))


def codes(replies: list[Reply], kind: str) -> list[str]:
    return [r.code for r in replies if r.kind == kind]


# 2. a bare temperature in passing ------------------------------------------------------------

@pytest.mark.parametrize("before", [TO_THE_ONSET, TO_HOW_LONG, TO_WALKING, TO_HISTORY])
@pytest.mark.parametrize("typed", ["38.4 this morning", "it was 38.6 last night", "had 39.1 yesterday"])
def test_a_fever_typed_alone_at_another_question_is_kept_and_warned_of_at_once(
        before: tuple[str, ...], typed: str) -> None:
    conv = talk(*before, typed)
    assert case_of(conv).fever is True
    assert case_of(conv).temperature_c == float(next(w for w in typed.split() if "." in w))
    assert "fever" in codes(last(conv), "warning")
    assert case_of(conv).onset is None or before != TO_THE_ONSET  # "this morning" is the fever's, no onset


@pytest.mark.parametrize("before", [TO_THE_ONSET, TO_HOW_LONG, TO_WALKING])
@pytest.mark.parametrize("typed", ["it was 37.8 last night", "37.6 this morning"])
def test_a_temperature_just_under_fever_level_in_passing_is_kept_but_the_fever_still_asked(
        before: tuple[str, ...], typed: str) -> None:
    conv = talk(*before, typed)
    assert "Just under fever level" in said(conv)
    assert not codes(last(conv), "warning")
    conv.say(*TO_FEVER[len(before):])
    assert conv.state == "fever"  # one reading in passing may not be the highest
    conv.say("no")
    assert case_of(conv).fever is False and case_of(conv).temperature_c is not None
    assert "Just under fever level" in said(conv)


def test_a_fever_said_at_its_question_after_a_lower_reading_in_passing_lets_that_reading_go() -> None:
    conv = talk(*TO_WALKING, "it was 37.8 last night", "with a limp", "none", "yes")
    assert case_of(conv).fever is True and case_of(conv).temperature_c is None
    assert "Just under" not in said(conv)


@pytest.mark.parametrize("typed", ["CRP 38.4", "my crp was 37.8", "38 weeks", "38.5 weeks", "crp came back 38.4"])
def test_a_decimal_that_is_something_else_is_no_temperature(typed: str) -> None:
    conv = talk(*TO_WALKING, typed)
    assert case_of(conv).fever is None and case_of(conv).temperature_c is None


def test_a_decimal_at_the_pregnancy_question_is_still_a_week() -> None:
    conv = talk("female", "34", "37.8")
    assert case_of(conv).pregnancy == "trimester_3" and case_of(conv).temperature_c is None


# 1. a risk factor told after its list was answered --------------------------------------------

@pytest.mark.parametrize(("typed", "field"), [
    ("oh I forgot, I was on prednisolone tablets last year", "glucocorticoids"),
    ("also I drink a lot", "alcohol_excess"),
    ("sorry, forgot to say she's on warfarin", "anticoagulant"),
])
def test_a_risk_factor_told_later_is_added_to_its_answer_and_the_question_asked_again(typed: str, field: str) -> None:
    conv = talk(*TO_FEVER, typed)
    assert getattr(case_of(conv), field) is True
    assert "Added to Medical history:" in said(conv)
    assert conv.state == "fever"


def test_a_risk_factor_told_with_the_answer_to_a_later_question_is_added_too() -> None:
    conv = talk(*TO_HISTORY, "diabetes", "no, but I'm also on prednisolone tablets")
    assert case_of(conv).fever is False and case_of(conv).glucocorticoids is True
    assert case_of(conv).immunosuppressed is True  # a later "no" takes nothing ticked away
    assert "Added to Medical history:" in said(conv)


def test_a_risk_factor_told_later_in_portuguese_is_added() -> None:
    conv = talk("feminino", "34", "não", "esquerda", "nenhum", "de repente", "3 semanas", "coxeio", "nenhuma",
                "ah esqueci, tomei prednisolona em comprimidos no ano passado", language="pt")
    assert case_of(conv).glucocorticoids is True and conv.state == "fever"


@pytest.mark.parametrize("typed", ["I drink a lot of water", "just an inhaler for asthma", "no"])
def test_what_names_no_risk_factor_adds_nothing_later(typed: str) -> None:
    conv = talk(*TO_HISTORY, "diabetes", typed)
    case = case_of(conv)
    assert not case.alcohol_excess and not case.glucocorticoids and case.immunosuppressed is True
    assert "Added to" not in said(conv)


def test_a_hip_replacement_told_later_does_not_end_the_questions_in_passing() -> None:
    conv = talk(*TO_FEVER, "oh and I had a hip replacement on that side")
    assert conv.state == "fever" and not case_of(conv).artificial_hip
    assert "/change" in said(conv)  # how to change it, not "did not catch"


# 4. a CRP whose unit is not known ---------------------------------------------------------------

TO_THE_MARKERS = ("female", "34", "no", "left hip", "blood tests")


@pytest.mark.parametrize(("typed", "unknown", "value", "assumed"), [
    ("CRP 4.5", "dont know", "mildly_raised", "4.5 mg/dL"),
    ("crp 12", "not sure", "markedly_raised", "12 mg/dL"),
])
def test_a_crp_whose_unit_is_not_known_is_taken_the_graver_way_and_said(
        typed: str, unknown: str, value: str, assumed: str) -> None:
    conv = talk(*TO_THE_MARKERS, typed)
    assert "which_unit" in codes(last(conv), "error")  # the unit is asked first
    conv.say(unknown)
    assert case_of(conv).inflammatory_markers == value
    assert f"taken it as {assumed}" in said(conv)


def test_a_crp_unit_not_known_in_portuguese_is_taken_the_graver_way() -> None:
    conv = talk("feminino", "34", "não", "esquerda", "análises", "PCR 4,5", "não sei", language="pt")
    assert case_of(conv).inflammatory_markers == "mildly_raised"
    assert "4,5 mg/dL" in said(conv)


@pytest.mark.parametrize("reply", ["mg/L", "4.5 mg/L"])
def test_a_crp_with_its_unit_given_is_read_in_it_with_nothing_assumed(reply: str) -> None:
    conv = talk(*TO_THE_MARKERS, "CRP 4.5", reply)
    assert case_of(conv).inflammatory_markers == "normal"
    assert "taken it as" not in said(conv)


def test_a_plain_dont_know_at_the_markers_assumes_nothing() -> None:
    conv = talk(*TO_THE_MARKERS, "dont know")
    assert case_of(conv).inflammatory_markers is None and "taken it as" not in said(conv)


# 3. heat put on the hip, and a hip that feels hot ------------------------------------------------

@pytest.mark.parametrize("typed", ["I put a hot water bottle on it", "a hot bath helps",
                                   "a heat pad on my hip helps a bit"])
@pytest.mark.parametrize("before", [TO_WALKING, (*TO_FEVER, "no")])
def test_heat_put_on_the_hip_is_no_hot_hip_nor_fever(typed: str, before: tuple[str, ...]) -> None:
    conv = talk(*before, typed)
    assert not case_of(conv).hot_swollen_joint and not case_of(conv).fever
    assert not codes(last(conv), "warning")


@pytest.mark.parametrize("typed", ["my hip feels hot and swollen", "the groin feels warm and red"])
@pytest.mark.parametrize("before", [TO_WALKING, (*TO_FEVER, "no")])
def test_a_hip_that_feels_hot_is_the_hot_hip_in_passing_and_at_its_question(
        typed: str, before: tuple[str, ...]) -> None:
    conv = talk(*before, typed)
    assert case_of(conv).hot_swollen_joint is True
    assert "hot_swollen_joint" in codes(last(conv), "warning")


def test_feeling_hot_oneself_is_no_hot_hip() -> None:
    conv = talk(*TO_FEVER, "no", "I felt hot and shivery")
    assert not case_of(conv).hot_swollen_joint


# 5. slips and compact answers at the start ---------------------------------------------------------

@pytest.mark.parametrize(("typed", "sex", "age"), [
    ("femal 34", "female", 34), ("fem 34", "female", 34), ("male,45", "male", 45), ("mael 45", "male", 45),
])
def test_a_sex_with_a_slip_and_an_age_are_both_taken(typed: str, sex: str, age: int) -> None:
    conv = talk(typed)
    assert (case_of(conv).sex, case_of(conv).age) == (sex, age)


def test_a_slip_of_the_sex_with_no_number_leaves_the_age_to_be_asked() -> None:
    conv = talk("femal")
    assert case_of(conv).sex == "female" and conv.state == "age"


@pytest.mark.parametrize(("first", "then", "sex"), [("idk", "female", "female"), ("prefer not to say", "male", "male")])
def test_the_sex_left_unknown_then_given_at_the_age_is_taken(first: str, then: str, sex: str) -> None:
    conv = talk(first, then)
    assert case_of(conv).sex == sex and conv.state == "age"
    assert "Sex at birth:" in said(conv)
    conv.say("34")
    assert case_of(conv).age == 34 and conv.state == "pregnancy" if sex == "female" else conv.state == "side"


def test_a_yes_or_no_after_a_dont_know_answers_the_question_asked_not_the_one_before() -> None:
    conv = talk(*TO_HISTORY, "none", "dont know", "no")
    assert case_of(conv).fever is None and case_of(conv).hot_swollen_joint is False


@pytest.mark.parametrize(("typed", "side"), [("both my hips ache", "both"), ("both hips", "both"),
                                             ("my left hip aches", "left")])
def test_the_side_said_in_a_sentence(typed: str, side: str) -> None:
    conv = talk("female", "34", "no", typed)
    assert case_of(conv).side == side


@pytest.mark.parametrize("typed", ["achy at night", "keeps me up at night", "it keeps me up", "aches at night"])
def test_pain_at_night_said_loosely_is_the_night_pain_item(typed: str) -> None:
    conv = talk(*TO_FEVER, "no", typed)
    assert case_of(conv).night_pain is True


@pytest.mark.parametrize("typed", ["the baby keeps me up", "achy after walking", "it is fine at night"])
def test_a_night_up_for_another_reason_is_no_night_pain(typed: str) -> None:
    conv = talk(*TO_FEVER, "no", typed)
    assert not case_of(conv).night_pain


# 6. later answers typed at the tests question -------------------------------------------------------

TO_THE_TESTS = ("female", "34", "no", "left hip")


def test_a_result_and_the_tests_said_together_are_both_kept() -> None:
    conv = talk(*TO_THE_TESTS, "no xray yet but my GP did bloods, CRP normal")
    assert case_of(conv).xray == "not_done" and case_of(conv).inflammatory_markers == "normal"


@pytest.mark.parametrize(("typed", "field"), [
    ("not had any, it wakes me at night", "night_pain"),
    ("none yet, I'm on prednisolone tablets for my lupus", "glucocorticoids"),
])
def test_later_answers_typed_with_no_tests_are_kept_for_their_questions(typed: str, field: str) -> None:
    conv = talk(*TO_THE_TESTS, typed)
    assert case_of(conv).xray == "not_done"  # the tests' answer is taken too, not "did not catch"
    assert getattr(case_of(conv), field) is True


def test_had_an_mri_is_not_none_of_the_tests() -> None:
    conv = talk(*TO_THE_TESTS, "had an mri, not had any xray")
    assert case_of(conv).xray == "not_done" and conv.state == "mri"


def test_the_graver_unit_assumed_is_undone_by_back_and_the_unit() -> None:
    conv = talk(*TO_THE_MARKERS, "crp 12", "dont know", "/back", "12 mg/L")
    assert case_of(conv).inflammatory_markers == "mildly_raised"
