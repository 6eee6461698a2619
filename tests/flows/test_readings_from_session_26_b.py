"""Session 26 (b): weight lost on purpose, numbers that are not the pain's duration, walking
words at a blood test, alcohol said in units, postpartum shorthand, the person's own
questions about the baby, durations shown in months."""

from __future__ import annotations

import pytest

from flows.messages import Reply
from tests.support.conversation import Conversation, talk

MAN_AT_THE_WARNING_SIGNS = ("male", "60", "left hip", "none", "gradually", "4 weeks", "yes with a limp", "none", "no")
MAN_AT_THE_HISTORY = ("male", "50", "left hip", "none", "gradually", "4 weeks", "limping")
WOMAN_AT_HOW_LONG = ("female", "34", "no", "left hip", "none", "gradually")
MOTHER_AT_HOW_LONG = ("female", "34", "had a baby in the last 12 months", "yes", "no", "left hip", "none",
                      "in the groin", "gradually")


def codes(replies: list[Reply]) -> list[str]:
    return [r.code for r in replies]


def last(conv: Conversation) -> list[Reply]:
    return conv.transcript[-1][1]


# --- 1. weight lost on purpose is no unintended weight loss ------------------------------------


@pytest.mark.parametrize("said", ["lost 5kg on a diet", "I've been dieting and lost weight", "trying to lose weight",
                                  "lost 3 kilos, I was on a diet"])
def test_weight_lost_on_purpose_answers_the_weight_loss_item_no(said: str) -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, said)
    assert conv.session is not None and conv.session.case.weight_loss is not True
    assert "weight_loss" not in codes(last(conv))
    assert codes(last(conv))[0] == "others_unanswered"  # "So not: ...; do any of the others apply?"


@pytest.mark.parametrize("said", ["lost weight without trying", "losing weight and I don't know why",
                                  "I haven't been dieting and I've lost weight", "lost weight, not on a diet",
                                  "lost a stone without trying to"])
def test_weight_lost_without_trying_is_still_the_warning_sign(said: str) -> None:
    conv = talk(*MAN_AT_THE_WARNING_SIGNS, said)
    assert conv.session is not None and conv.session.case.weight_loss is True
    assert "weight_loss" in codes(last(conv))


def test_weight_lost_on_purpose_in_a_first_message_raises_no_warning() -> None:
    assert talk("60M, left hip pain 4 weeks, lost 5kg on a diet").session.case.weight_loss is None  # type: ignore[union-attr]
    assert talk("60M, left hip pain 4 weeks, lost 5kg without trying").session.case.weight_loss is True  # type: ignore[union-attr]


def test_weight_lost_on_purpose_in_portuguese() -> None:
    denied = talk("masculino", "60", "esquerda", "nenhum", "gradual", "4 semanas", "coxeio", "nenhum", "nao",
                  "perdi 5 kg porque fiz dieta", language="pt")
    assert codes(last(denied))[0] == "others_unanswered"
    sign = talk("masculino", "60", "esquerda", "nenhum", "gradual", "4 semanas", "coxeio", "nenhum", "nao",
                "não fiz dieta e perdi peso", language="pt")
    assert sign.session is not None and sign.session.case.weight_loss is True


# --- 2. numbers that are not how long the pain has lasted ---------------------------------------


@pytest.mark.parametrize("said", ["I run 50k a week", "30 miles a week", "10 km", "I do 3x a week"])
def test_training_volume_is_no_duration(said: str) -> None:
    conv = talk(*WOMAN_AT_HOW_LONG, said)
    assert conv.session is not None and conv.session.case.duration_weeks is None
    assert codes(last(conv))[0] == "another_amount"


@pytest.mark.parametrize(("said", "weeks"), [("hurts 3wks", 3), ("3/52", 3), ("about 3 weeks", 3), ("6 wks in", 6),
                                             ("I run 30 miles a week, hurts for 3 weeks", 3),
                                             ("pain 3x a week for 2 months", 8.7)])
def test_durations_are_still_read(said: str, weeks: float) -> None:
    conv = talk(*WOMAN_AT_HOW_LONG, said)
    assert conv.session is not None and conv.session.case.duration_weeks == weeks


@pytest.mark.parametrize("said", ["gave birth 3 weeks ago", "baby is 6 weeks", "my baby is 2 months old",
                                  "had my c-section 4 weeks ago", "started when I was pregnant, baby is 6 weeks now"])
def test_the_time_of_the_birth_or_the_babys_age_is_asked_about(said: str) -> None:
    conv = talk(*MOTHER_AT_HOW_LONG, said)
    assert conv.session is not None and conv.session.case.duration_weeks is None
    assert codes(last(conv))[0] == "time_of_another_event"
    assert "how long ago the birth was" in last(conv)[0].text
    conv.say("3 weeks")  # the answer the message asks for is taken
    assert conv.session.case.duration_weeks == 3


@pytest.mark.parametrize("said", ["since I gave birth 3 weeks ago", "since the birth, 3 weeks ago",
                                  "hip has hurt since the baby came, 3 weeks"])
def test_pain_since_the_birth_is_its_duration(said: str) -> None:
    conv = talk(*MOTHER_AT_HOW_LONG, said)
    assert conv.session is not None and conv.session.case.duration_weeks == 3


def test_the_time_of_the_birth_is_asked_about_in_portuguese() -> None:
    conv = talk("feminino", "34", "tive um bebé há 2 meses", "sim", "nao", "esquerda", "nenhum", "virilha", "gradual",
                "o parto foi há 3 semanas", language="pt")
    assert conv.session is not None and conv.session.case.duration_weeks is None
    assert codes(last(conv))[0] == "time_of_another_event"


# --- 3. words about walking at a blood test ---------------------------------------------------


@pytest.mark.parametrize("said", ["walking is normal", "I can walk normally"])
def test_walking_words_are_no_normal_blood_test(said: str) -> None:
    crp = talk("male", "50", "left hip", "blood tests", said)
    assert crp.session is not None and crp.session.case.inflammatory_markers is None
    wcc = talk("male", "50", "left hip", "blood tests", "normal", said)
    assert wcc.session is not None and wcc.session.case.white_cell_count is None


@pytest.mark.parametrize("said", ["normal", "crp normal", "crp normal, walking ok"])
def test_a_normal_blood_test_is_still_read(said: str) -> None:
    conv = talk("male", "50", "left hip", "blood tests", said)
    assert conv.session is not None and conv.session.case.inflammatory_markers == "normal"


# --- 5. alcohol in units ------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["drinks ~60u/wk", "about 40 units a week", "a bottle of wine a night",
                                  "4 units a day", "15 units per week"])
def test_more_than_14_units_a_week_is_heavy_drinking(said: str) -> None:
    conv = talk(*MAN_AT_THE_HISTORY, said)
    assert conv.session is not None and conv.session.case.alcohol_excess is True


@pytest.mark.parametrize("said", ["a glass of wine at weekends", "10 units a week", "14 units a week"])
def test_drinking_within_the_low_risk_level_is_not_ticked(said: str) -> None:
    conv = talk(*MAN_AT_THE_HISTORY, said)
    assert conv.session is not None and conv.session.case.alcohol_excess is not True


def test_units_in_a_first_message_are_heard() -> None:
    assert talk("60M L hip pain 4/52, drinks ~60u/wk").session.case.alcohol_excess is True  # type: ignore[union-attr]
    assert talk("60M L hip pain 4/52, drinks 10 units a week").session.case.alcohol_excess is not True  # type: ignore[union-attr]


# --- 4. postpartum shorthand at the pregnancy question ------------------------------------------


@pytest.mark.parametrize("said", ["baby 5 wks", "had a csec 3 weeks ago", "c-section", "ebf", "bf", "breastfeeding",
                                  "my LO is 2 months"])
def test_postpartum_shorthand_is_a_birth(said: str) -> None:
    conv = talk("female", "34", said)
    assert conv.session is not None and conv.session.case.pregnancy == "postpartum"


@pytest.mark.parametrize("said", ["ebf", "breastfeeding"])
def test_breastfeeding_said_at_the_pregnancy_question_answers_both(said: str) -> None:
    conv = talk("female", "34", said)
    assert conv.session is not None and conv.session.case.breastfeeding is True


def test_not_pregnant_or_breastfeeding_denies_both() -> None:
    conv = talk("female", "34", "not pregnant or breastfeeding")
    assert conv.session is not None and conv.session.case.pregnancy == "not_pregnant"


def test_pregnant_and_still_breastfeeding_is_no_birth_taken_for_granted() -> None:
    conv = talk("female", "34", "pregnant and still breastfeeding")
    assert conv.session is not None and conv.session.case.pregnancy != "postpartum"


# --- 7. "what about my baby?" is a question of their own --------------------------------------


@pytest.mark.parametrize("said", ["what about my baby?", "what about my baby", "what about breastfeeding"])
def test_what_about_is_a_question_not_an_answer(said: str) -> None:
    conv = talk(*MOTHER_AT_HOW_LONG[:-1], said)
    assert conv.session is not None and conv.state == "onset" and conv.session.case.onset is None
    assert codes(last(conv))[0] in ("asked_back", "quick_answer:breastfeeding_can_go_on")


def test_what_about_at_the_pregnancy_question_records_nothing() -> None:
    conv = talk("female", "34", "what about my baby")
    assert conv.session is not None and conv.state == "pregnancy" and conv.session.case.pregnancy is None
    assert codes(last(conv))[0] == "asked_back"


# --- 8. durations said back in whole months -----------------------------------------------------


@pytest.mark.parametrize(("typed", "said_back"), [("3 months", "3 months"), ("20 weeks", "5 months"),
                                                  ("50 weeks", "12 months"), ("2 months", "2 months"),
                                                  ("10 weeks", "10 weeks"), ("3 weeks", "3 weeks")])
def test_durations_of_months_are_said_in_whole_months(typed: str, said_back: str) -> None:
    conv = talk(*WOMAN_AT_HOW_LONG, typed)
    assert last(conv)[0].text == f"How long: {said_back}"


def test_a_she_of_a_few_weeks_old_is_the_baby_not_someone_else_asked_for() -> None:
    conv = talk(*MOTHER_AT_HOW_LONG, "she's 5 weeks old")
    assert conv.session is not None and not conv.session.for_someone_else
    assert codes(last(conv))[0] == "time_of_another_event"
    other = talk("she's 72 and her left hip hurts")  # a "she" given an adult's age is someone else
    assert other.session is not None and other.session.for_someone_else
