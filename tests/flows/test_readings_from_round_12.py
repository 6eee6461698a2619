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
    for answer in ("30", "none of these", "none", "groin", "gradual", "3 weeks", "2", "none of those"):
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


def test_a_medicine_a_friend_advised_is_no_medicine_taken_and_the_question_is_answered() -> None:
    conv = talk("38 weeks pregnant, left groin pain", "35", "no")
    replies = conv.say("my friend said i should take alendronate, is that ok?")
    assert case_of(conv).long_term_bisphosphonate is not True
    # answered at once since session 22: not taken in pregnancy (before: kept for the end)
    assert "quick_answer:bone_medicine_in_pregnancy" in [r.code for r in replies]


# --- who is asked ----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "typed", "sex"), [
    ("en", "man", "male"), ("en", "woman", "female"), ("en", "a man", "male"),
    ("pt", "homem", "male"), ("pt", "mulher", "female"),
])
def test_a_sex_said_as_man_or_woman_is_the_writers(language: str, typed: str, sex: str) -> None:
    conv = talk(typed, language=language)
    assert case_of(conv).sex == sex and conv.session is not None and not conv.session.for_someone_else


def test_its_for_me_after_a_note_keeps_the_answers() -> None:
    # (written as a note, "3/52": a bare "42M ..." is the writer's own since session 24)
    conv = talk("42M L hip pain 3/52")
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


# --- the regression round (12b) ------------------------------------------------------------


@pytest.mark.parametrize("history", ["RA on mtx", "RA, on prednisolone 10mg", "rheumatoid arthritis, on methotrexate"])
def test_very_high_markers_with_a_known_arthritis_stay_an_emergency_on_immunosuppressants(history: str) -> None:
    conv = talk("57 F, right hip pain 5 weeks came on gradually", "4", "crp 180", "2", "1", "2", history, "no",
                "none", "none")
    assert conv.state == "summary" and assess(case_of(conv), ENGINE.content).triage == "emergency"


@pytest.mark.parametrize(("language", "answers"), [
    ("pt", ("tenho 45 anos, homem, dor no quadril esquerdo há 10 dias", "5", "1", "2",
            "nenhum, mas hoje já não consigo pisar com essa perna")),
    ("en", ("50 m right hip pain 3 weeks", "4", "1", "2", "none, but now i cant bear weight")),
])
def test_cannot_walk_said_with_another_answer_late_warns(language: str, answers: tuple[str, ...]) -> None:
    conv = talk(*answers, language=language)
    assert case_of(conv).unable_to_bear_weight is True
    assert "cannot_bear_weight" in codes(conv.transcript[-1][1], "warning")


@pytest.mark.parametrize(("language", "typed", "field"), [
    ("pt", "tenho 60 anos, tive cancer, dor no quadril", "cancer_history"),
    ("pt", "tenho 30 anos, grávida de 30 semanas, dor no quadril esquerdo, tomando cataflam", "nsaid_use"),
    ("pt", "tenho 60 anos, mulher, tenho AR e tomo mtx, dor no quadril direito há 5 dias", "immunosuppressed"),
])
def test_words_people_use_for_a_cancer_a_painkiller_and_an_immunosuppressant(language: str, typed: str,
                                                                            field: str) -> None:
    assert getattr(case_of(talk(typed, language=language)), field) is True


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "27 f, 35 weeks pregnant, right hip pain, my friend said to take naproxen, is that ok?"),
    ("pt", "grávida de 30 semanas, minha amiga falou pra eu tomar nimesulida, pode?"),
])
def test_a_painkiller_a_friend_suggested_is_not_taken(language: str, typed: str) -> None:
    assert case_of(talk(typed, language=language)).nsaid_use is not True


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "52 m, left hip hurting 6 weeks. my right hip was replaced in 2019"),
    ("pt", "tenho 66 anos, homem, dor no quadril esquerdo faz 1 mes, tenho prótese no outro quadril"),
])
def test_a_replacement_of_the_other_hip_is_not_this_hip(language: str, typed: str) -> None:
    assert case_of(talk(typed, language=language)).artificial_hip is not True


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("en", "me 62 f", {"sex": "female", "age": 62}),
    ("en", "male 45 hip pain", {"sex": "male", "age": 45}),
    ("pt", "F 62A dor no quadril direito", {"sex": "female"}),
])
def test_more_ways_of_writing_sex_and_age(language: str, typed: str, expected: dict[str, object]) -> None:
    conv = talk(typed, language=language)
    assert {k: getattr(case_of(conv), k) for k in expected} == expected
    assert conv.session is not None and not conv.session.for_someone_else


def test_an_age_beside_a_babys_months_is_held_for_the_age() -> None:
    conv = talk("tenho 29 anos, meu neném tem 3 meses, dor no quadril", language="pt")
    # the birth is a woman's, so the sex is taken from it and the age held is taken at once
    # (user test en 20); before, the sex was asked and the age held for later
    assert conv.session is not None and conv.session.case.age == 29 and conv.session.case.sex == "female"


def test_an_age_and_sex_note_alone_answers_the_question_asked_of_the_writer() -> None:
    conv = talk("hip pain", "female", "55F")
    assert conv.session is not None and not conv.session.for_someone_else and case_of(conv).age == 55


@pytest.mark.parametrize(("language", "typed", "held"), [
    ("en", "55 m right hip pain, started 3 weeks ago", "3 weeks"),
    ("pt", "já faz umas 3 semanas que dói a anca", "3 semanas"),
    ("pt", "começou há 3 semanas, dor na anca", "3 semanas"),
])
def test_how_long_said_with_when_it_started(language: str, typed: str, held: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.held_numbers.get("duration_weeks") == held


def test_walking_properly_is_no_side() -> None:
    conv = talk("homem 58 anos, dor no quadril esquerdo faz 3 semanas, não consigo andar direito", language="pt")
    assert case_of(conv).side == "left"  # taken: one side named, not two
    assert case_of(conv).weight_bearing_pain is True and case_of(conv).unable_to_bear_weight is not True
