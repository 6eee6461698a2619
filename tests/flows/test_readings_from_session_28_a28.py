"""Session 28 (a28), blind user tests in English: a temperature with its unit typed at another
question, a fever's time at how long, "both my hips" in passing, how fast and how long said in
one message, "since the weekend", and a question at the end of a long message."""

from __future__ import annotations

from datetime import date

import pytest

from flows.answers import _plain_words
from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

AT_HOW_LONG = ("my right hip hurts", "male", "50", "none", "suddenly")
A_FRIDAY = date(2026, 12, 4)


def codes(replies: list[Reply]) -> list[str]:
    return [r.code or "" for r in replies]


def case_of(conv: Conversation):  # type: ignore[no-untyped-def]
    assert conv.session is not None
    return conv.session.case


# --- 1. a temperature's unit written as a sign or a letter ----------------------------------------
# (user test en 28: "it was 39°C last night" at how long was recorded as 39 weeks, "9 months", and
# "yes 101F last night" as 1 day; neither fever was heard, nor warned of)


@pytest.mark.parametrize(("said", "celsius"), [
    ("it was 39°C last night", 39.0),
    ("yes 101F last night", 38.3),
    ("38.5c last night", 38.5),
    ("temp got to 39 ºC", 39.0),
    ("102°F this morning", 38.9),
])
def test_a_temperature_with_its_unit_at_how_long_is_a_fever_not_a_length_of_time(said: str, celsius: float) -> None:
    conv = talk(*AT_HOW_LONG)
    assert conv.state == "duration_weeks"
    replies = conv.say(said)
    case = case_of(conv)
    assert case.fever is True and case.temperature_c == celsius
    assert "fever" in codes(replies)  # warned at once
    assert case.duration_weeks is None and conv.state == "duration_weeks"  # still asked


@pytest.mark.parametrize(("typed", "plain"), [
    ("39°C", "39 celsius"), ("39 °c", "39 celsius"), ("39ºC", "39 celsius"), ("38,5°", "38,5 celsius"),
    ("febre de 39°", "febre de 39 celsius"), ("39°, last night", "39 celsius, last night"),
    ("101F", "101 fahrenheit"), ("101.3f", "101.3 fahrenheit"), ("101°", "101 fahrenheit"),
])
def test_a_temperature_unit_is_read_as_its_scale(typed: str, plain: str) -> None:
    assert _plain_words(typed) == plain


@pytest.mark.parametrize("typed", [
    "34F", "95F", "58f, fell", "10c", "3o dia", "tenho 38 o que", "38 c dor", "1.5c", "estou na 38º semana",
    "estou na 38° semana", "1° dia",
])
def test_a_note_age_and_sex_or_a_number_out_of_body_range_is_no_temperature(typed: str) -> None:
    # "95F" is a woman of 95 (a note's age and sex): no fever of 95 °F
    assert "celsius" not in _plain_words(typed) and "fahrenheit" not in _plain_words(typed)


def test_a_woman_of_95_written_as_a_note_is_still_read_as_her_age_and_sex() -> None:
    conv = talk("95F, fell at home, L hip pain")
    case = case_of(conv)
    assert case.sex == "female" and case.age == 95 and case.fever is None


@pytest.mark.parametrize("said", [
    "temp 38.5 last night", "had a fever since yesterday", "a temperature of 38 since tuesday"])
def test_the_time_of_a_fever_typed_at_how_long_is_not_how_long_the_hip_hurt(said: str) -> None:
    conv = talk(*AT_HOW_LONG)
    conv.say(said)
    case = case_of(conv)
    assert case.fever is True and case.duration_weeks is None and conv.state == "duration_weeks"


@pytest.mark.parametrize(("said", "weeks"), [
    ("hip pain since yesterday, and a fever", 0.1),
    ("about 3 weeks, and a temp of 38 last night", 3.0),
    ("since yesterday", 0.1),
])
def test_the_time_of_the_pain_beside_a_fever_is_still_how_long(said: str, weeks: float) -> None:
    conv = talk(*AT_HOW_LONG)
    conv.say(said)
    assert case_of(conv).duration_weeks == weeks


# --- 2. "both my hips" in passing ----------------------------------------------------------------
# (user test en 28: "I had my baby 4 months ago and I'm breastfeeding. Both my hips hurt so much I
# can barely walk": which hip was asked again)


@pytest.mark.parametrize(("language", "said"), [
    ("en", "Both my hips hurt so much I can barely walk"),
    ("en", "both of my hips hurt"),
    ("en", "both of her hips are sore"),
    ("en", "pain in both the hips"),
    ("pt", "doem-me as minhas duas ancas"),
    ("pt", "ambas as minhas ancas doem"),
    ("pt-BR", "meus dois quadris doem"),
])
def test_both_hips_with_a_possessive_between_is_heard_in_passing(language: str, said: str) -> None:
    assert get_engine().reader(language).mentions("side", said) == [2]


@pytest.mark.parametrize(("language", "said"), [
    ("en", "both my knees hurt and my left hip"),
    ("en", "both my kids are off school"),
    ("pt", "os meus dois filhos estão em casa e dói-me a anca esquerda"),
])
def test_both_said_of_something_else_is_no_both_hips(language: str, said: str) -> None:
    assert 2 not in get_engine().reader(language).mentions("side", said)


def test_a_new_mother_saying_both_her_hips_hurt_is_not_asked_which_hip() -> None:
    conv = talk("I had my baby 4 months ago and I'm breastfeeding. Both my hips hurt so much I can barely walk",
                "32", "none")
    assert case_of(conv).side == "both" and conv.state != "side"


# --- 3. how fast and how long, in one message ------------------------------------------------------
# (user test en 28, a physiotherapist: "5 weeks of R groin pain, came on over a few days": both
# numbers heard, neither taken, and the summary listed how long and how it started as not asked)

PHYSIO = ("Hi, I'm a physio. My patient is a 52 year old man with 5 weeks of R groin pain, came on over a few days, "
          "no trauma. He's limping and using one crutch. MRI last week showed bone marrow oedema of the femoral "
          "head and neck, no fracture line. Can you help with a rehab plan?")


@pytest.mark.parametrize(("said", "then", "weeks", "onset"), [
    (PHYSIO, ("just the MRI",), 5.0, "sudden"),
    ("right hip pain for 2 months, came on over a couple of days", ("male", "50", "none"), 8.7, "sudden"),
    ("my left hip has been hurting for 3 weeks, it developed over 2 days", ("male", "50", "none"), 3.0, "sudden"),
])
def test_a_span_it_came_on_over_is_how_fast_and_the_other_number_how_long(said: str, then: tuple[str, ...],
                                                                          weeks: float, onset: str) -> None:
    conv = talk(said, *then)
    case = case_of(conv)
    assert case.duration_weeks == weeks and case.onset == onset


def test_a_span_said_alone_is_still_taken_as_how_long() -> None:
    conv = talk("my right hip pain came on over a few days", "male", "50", "none")
    assert case_of(conv).duration_weeks == pytest.approx(0.4) and case_of(conv).onset == "sudden"


def test_two_lengths_with_no_span_are_asked_not_guessed() -> None:
    reader = get_engine().reader("en")
    assert reader.heard_number("duration_weeks", "hip pain for 5 weeks, groin pain for 2 weeks", "sex") is None


def test_a_span_of_weeks_says_no_sudden_onset() -> None:
    reader = get_engine().reader("en")
    text = "hip pain for 2 months, came on over 2 weeks"
    assert reader.heard_number("duration_weeks", text, "sex") == "2 months"
    conv = talk(text)
    assert conv.session is not None and "onset" not in conv.session.noted


def test_the_physiotherapist_is_not_told_answers_alone_cannot_name_the_cause_for_a_rehab_plan() -> None:
    conv = talk()
    said = codes(conv.say(PHYSIO))
    assert "quick_answer:which_cause_it_is" not in said
    assert any(code.startswith("quick_answer:activity") for code in said)


# --- 4. "since the weekend" -----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "since the weekend"), ("en", "since last weekend"), ("en", "my hip has hurt since the weekend"),
    ("pt", "desde o fim de semana"), ("pt", "dói desde o fim de semana passado"),
    ("pt-BR", "desde o final de semana"),
])
def test_since_the_weekend_counts_from_its_saturday(language: str, said: str) -> None:
    read = get_engine().reader(language).read("duration_weeks", said, today=A_FRIDAY)
    assert read.ok and read.value == 0.9  # Saturday 28 November to Friday 4 December


@pytest.mark.parametrize("said", ["weekend", "every weekend", "at the weekend i run"])
def test_a_weekend_with_no_since_is_no_date(said: str) -> None:
    read = get_engine().reader("en").read("duration_weeks", said, today=A_FRIDAY)
    assert read.value is None


# --- 5. the question at the end of a long message -------------------------------------------------


@pytest.mark.parametrize(("text", "asked"), [
    ("Hi, I am a physio. MRI showed no fracture line. Can you help with a rehab plan?",
     "Can you help with a rehab plan?"),
    ("My hip hurts.\nCan I take ibuprofen?", "Can I take ibuprofen?"),
    ("I had a fall. Is it broken?", "Is it broken?"),
])
def test_the_asked_part_of_a_message_that_also_tells(text: str, asked: str) -> None:
    assert get_engine().reader("en").asked_part(text) == asked


@pytest.mark.parametrize("text", [
    "She takes rivaroxaban. Does that matter?",  # asks of the sentence before
    "what is ITOH? is it dangerous?",
    "is it broken?",
    "temp 38.5 and my hip hurts",
])
def test_a_question_of_what_came_before_or_a_message_all_asking_is_kept_whole(text: str) -> None:
    assert get_engine().reader("en").asked_part(text) == text


def test_a_fall_told_then_is_it_broken_is_still_answered() -> None:
    conv = talk("male", "60")
    said = codes(conv.say("I had a fall. Is it broken?"))
    assert "quick_answer:which_cause_it_is" in said


# --- 6. the time of a test typed at how long --------------------------------------------------------
# (user test en 28: "wait, i did have an xray last month, it was normal" at how long was recorded
# as 1 month of pain)


@pytest.mark.parametrize(("language", "said"), [
    ("en", "wait, i did have an xray last month, it was normal"),
    ("en", "had an mri 2 weeks ago"),
    ("en", "bloods last week were fine"),
    ("pt", "fiz um RX há 1 mês"),
])
def test_the_time_of_a_test_is_not_how_long_the_hip_hurt(language: str, said: str) -> None:
    assert get_engine().reader(language).read("duration_weeks", said).value is None


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("en", "hip pain for 3 weeks, xray last week", 3.0),
    ("en", "xray 2 weeks ago but pain for 6 weeks", 6.0),
    ("en", "i fell 2 weeks ago", 2.0),  # a fall is when the pain began
    ("en", "3 weeks, no scans yet", 3.0),
    ("pt", "dói há 3 semanas, fiz RX na semana passada", 3.0),
])
def test_the_pains_own_time_beside_a_test_is_still_how_long(language: str, said: str, weeks: float) -> None:
    assert get_engine().reader(language).read("duration_weeks", said).value == weeks


def test_a_test_remembered_at_how_long_is_pointed_to_change_not_recorded_as_a_length() -> None:
    conv = talk("right hip pain", "F", "61", "right", "none", "gradually")
    said = codes(conv.say("wait, i did have an xray last month, it was normal"))
    assert case_of(conv).duration_weeks is None and conv.state == "duration_weeks"
    assert "correction_how" in said


# --- 7. a short question of a few words, and the question ending a note --------------------------
# (user test en 28, a GP: "... no imaging yet. ?TOH ?PGP. Safe analgesia?" was not answered, and
# "painkillers?" alone met "did not catch")

GP_PREGNANT = "GP here. 34F, G2P1 36/40, R groin pain"


@pytest.mark.parametrize("asked", [
    "Safe analgesia?", "analgesia?", "safe pain relief?", "painkillers?", "what analgesia is safe?",
    "GP here. 34F, G2P1 36/40, 2/52 R groin pain, insidious, worse WB, no trauma, apyrexial, CRP <5, "
    "no imaging yet. ?TOH ?PGP. Safe analgesia?",
])
def test_a_short_or_closing_question_about_painkillers_in_pregnancy_is_answered(asked: str) -> None:
    conv = talk(GP_PREGNANT)
    assert "quick_answer:painkillers_in_pregnancy" in codes(conv.say(asked))


@pytest.mark.parametrize("said", ["left?", "ok?", "painkillers", "analgesia sometimes helps, not much"])
def test_a_word_with_a_mark_that_names_no_quick_answer_or_no_mark_asks_nothing(said: str) -> None:
    conv = talk(GP_PREGNANT)
    assert not any(code.startswith("quick_answer:") for code in codes(conv.say(said)))


# --- 8. a range in passing, and in Portuguese --------------------------------------------------------
# (user test en 28: "left, about 5 or 6 weeks, came on suddenly" at which hip: how long was asked
# again; "5 ou 6 semanas" was read as 5 weeks, "2 a 3 semanas" as 3)


@pytest.mark.parametrize(("language", "said", "heard"), [
    ("en", "hip pain for 5 or 6 weeks", "5.5 weeks"),
    ("en", "hip pain for five or six weeks", "5.5 weeks"),
    ("en", "my hip has hurt for 2 to 3 weeks", "2.5 weeks"),
    ("pt", "dor na anca há 5 ou 6 semanas", "5.5 semanas"),
])
def test_a_range_with_its_unit_is_heard_in_passing(language: str, said: str, heard: str) -> None:
    assert get_engine().reader(language).heard_number("duration_weeks", said, "sex") == heard


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("en", "5 or 6 weeks", 5.5), ("en", "5-6 weeks", 5.5), ("pt", "5 ou 6 semanas", 5.5),
    ("pt", "2 a 3 semanas", 2.5), ("pt", "5 semanas", 5.0),
])
def test_a_range_at_how_long_is_its_middle(language: str, said: str, weeks: float) -> None:
    assert get_engine().reader(language).read("duration_weeks", said).value == weeks


@pytest.mark.parametrize(("language", "said"), [
    ("en", "I am 38 or 39 and hip pain for 2 weeks"),  # the age's range is no length of time
    ("pt", "tenho 5 filhos e dor na anca há 2 semanas"),
])
def test_numbers_that_are_no_range_of_time_leave_the_length_alone(language: str, said: str) -> None:
    heard = get_engine().reader(language).heard_number("duration_weeks", said, "sex")
    assert heard in ("2 weeks", "2 semanas")


def test_a_fever_range_in_portuguese_is_its_higher_end() -> None:
    assert get_engine().reader("pt").read("fever", "38 ou 39").value is True
    assert get_engine().reader("pt").read("fever", "37 a 37,5").value is False


def test_a_range_said_with_which_hip_is_not_asked_again() -> None:
    conv = talk("female 38", "not pregnant", "left, about 5 or 6 weeks, came on suddenly, it hurts to walk", "none")
    assert case_of(conv).duration_weeks == 5.5 and conv.state != "duration_weeks"


# --- 9. a bone density scan asked about in pregnancy ------------------------------------------------
# (user test en 28, at 30 weeks: "can i have a bone density scan" was told it is worth asking about
# "in men, after a birth")


@pytest.mark.parametrize(("language", "opening", "asked"), [
    ("en", "im 30 wks pregnant, hip pain", "can i have a bone density scan"),
    ("en", "im 30 wks pregnant, hip pain", "should I get a DEXA?"),
    ("pt", "estou grávida de 30 semanas, dói-me a anca", "posso fazer uma densitometria?"),
    ("pt-BR", "to grávida de 30 semanas, dor no quadril", "posso fazer uma densitometria?"),
])
def test_a_bone_density_scan_in_pregnancy_is_said_to_wait_for_the_birth(language: str, opening: str,
                                                                        asked: str) -> None:
    conv = talk(opening, language=language)
    said = codes(conv.say(asked))
    assert "quick_answer:bone_density_scan_in_pregnancy" in said and "quick_answer:bone_density_scan" not in said


@pytest.mark.parametrize("opening", ["male 50, hip pain", "I had my baby 6 weeks ago, hip pain"])
def test_a_bone_density_scan_asked_outside_pregnancy_is_the_usual_answer(opening: str) -> None:
    conv = talk(opening)
    said = codes(conv.say("can i have a bone density scan?"))
    assert "quick_answer:bone_density_scan" in said and "quick_answer:bone_density_scan_in_pregnancy" not in said


def test_an_ordinal_week_of_pregnancy_is_no_temperature() -> None:
    reader = get_engine().reader("pt")
    said = "estou na 38º semana e dói-me a anca"
    assert reader.mentions("fever", said) == []


# --- 10. "no <another checklist's item>" at a yes-or-no question -----------------------------------
# (user test en 28, a GP: "no PMH" at the fever question was recorded as no fever)


@pytest.mark.parametrize("said", ["no PMH", "nil pmh", "no trauma", "no weight loss"])
def test_a_no_to_another_checklists_item_is_no_answer_to_the_fever(said: str) -> None:
    read = get_engine().reader("en").read("fever", said)
    assert not read.ok and read.value is None


@pytest.mark.parametrize("said", ["no", "no fever", "nope", "no temp", "no, no trauma either", "no not at all",
                                  "no i dont think so"])
def test_a_no_to_the_fever_itself_is_still_no(said: str) -> None:
    read = get_engine().reader("en").read("fever", said)
    assert read.ok and read.value is False


def test_no_trauma_at_the_fever_question_is_kept_for_the_injury_and_the_fever_asked_again() -> None:
    conv = talk("male 55", "left", "none", "gradually", "8 weeks", "walking is fine", "none")
    assert conv.state == "fever"
    conv.say("no trauma")
    assert conv.state == "fever" and case_of(conv).fever is None
    said = codes(conv.say("no"))
    assert case_of(conv).fever is False and "denied_earlier" in said
