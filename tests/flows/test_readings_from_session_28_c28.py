"""Session 28 (c28): known limits of the English readings. Another test's result at the white
count is not the white count's; a result not back yet is "Don't know"; a denial of the
warning-sign list by its name denies every item; steroids for asthma with no kind said are
asked about, an inhaler is no steroid tablets; a count said after a weekday wins; an injury
after the pain began is no trauma before it; "F 20 w pregnant" and "Mr 58"."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()


def read(question: str, text: str, language: str = "en") -> tuple[bool, object]:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.ok, parsed.value


# A man of 45, blood tests done, the CRP answered: at the white cell count question
TO_THE_WHITE_COUNT = ("male", "45", "left hip", "groin", "suddenly", "3 weeks", "with a limp", "blood tests")


# 1. another test's result at the white cell count --------------------------------------------

@pytest.mark.parametrize("typed", ["crp only slightly raised", "the esr was a bit high", "just the crp was raised",
                                   "esr just a little elevated", "CRP only mildly raised"])
def test_another_tests_result_at_the_white_count_sets_no_white_count(typed: str) -> None:
    ok, value = read("white_cell_count", typed)
    assert not ok and value is None


@pytest.mark.parametrize(("language", "typed"), [("pt", "pcr só ligeiramente elevada"),
                                                 ("pt", "a vs estava um pouco alta")])
def test_another_tests_result_at_the_white_count_in_portuguese(language: str, typed: str) -> None:
    assert read("white_cell_count", typed, language) == (False, None)


@pytest.mark.parametrize(("typed", "value"), [
    ("raised", "raised"), ("white cells slightly raised", "raised"), ("crp high but white count normal", "normal"),
    ("crp was 40 and wcc was raised", "raised"), ("crp normal, wcc 15", "raised"), ("only crp", "not_done"),
])
def test_the_white_counts_own_result_is_still_read(typed: str, value: str) -> None:
    assert read("white_cell_count", typed) == (True, value)


def test_the_crps_result_at_the_crp_question_is_still_read() -> None:
    assert read("inflammatory_markers", "crp only slightly raised") == (True, "mildly_raised")
    assert read("inflammatory_markers", "wcc only slightly raised") == (False, None)  # the white count's


def test_the_crp_said_at_the_white_count_is_taken_when_the_crp_was_not_known() -> None:
    conv = talk(*TO_THE_WHITE_COUNT, "not sure")
    assert conv.state == "white_cell_count"
    conv.say("crp only slightly raised")
    assert conv.session is not None
    assert conv.session.case.white_cell_count is None and conv.session.case.inflammatory_markers == "mildly_raised"
    assert conv.state == "white_cell_count"


def test_the_crp_said_at_the_white_count_after_its_answer_asks_again() -> None:
    conv = talk(*TO_THE_WHITE_COUNT, "normal", "crp only slightly raised")
    assert conv.session is not None and conv.session.case.white_cell_count is None
    assert conv.state == "white_cell_count"


# 2. a result not back yet ----------------------------------------------------------------------

LAB_AND_SCAN_QUESTIONS = ["xray", "mri", "bone_scan", "inflammatory_markers", "white_cell_count"]


@pytest.mark.parametrize("question", LAB_AND_SCAN_QUESTIONS)
@pytest.mark.parametrize("typed", ["not yet back", "waiting for results", "results pending", "not back yet",
                                   "awaiting report", "waiting for them to come back", "results still outstanding",
                                   "the report isn't ready yet"])
def test_a_result_not_back_yet_is_dont_know(question: str, typed: str) -> None:
    assert read(question, typed) == (True, None)


@pytest.mark.parametrize("question", ["mri", "white_cell_count"])
@pytest.mark.parametrize("typed", ["ainda não chegaram", "resultados pendentes", "aguardo o relatório",
                                   "ainda não estão prontos"])
def test_a_result_not_back_yet_in_portuguese_is_dont_know(question: str, typed: str) -> None:
    assert read(question, typed, "pt") == (True, None)


@pytest.mark.parametrize(("question", "typed", "value"), [
    ("xray", "not yet", "not_done"), ("mri", "not yet", "not_done"), ("bone_scan", "not yet", "not_done"),
    ("white_cell_count", "not done", "not_done"), ("xray", "normal, mri results pending", ["normal"]),
])
def test_a_test_not_done_yet_is_still_not_done(question: str, typed: str, value: object) -> None:
    assert read(question, typed) == (True, value)


@pytest.mark.parametrize("question", ["mri", "inflammatory_markers"])
@pytest.mark.parametrize("typed", ["waiting for an mri", "no back pain"])
def test_a_test_awaited_or_a_back_is_no_result_not_back(question: str, typed: str) -> None:
    assert read(question, typed) == (False, None)


def test_a_result_not_back_in_the_conversation_is_dont_know() -> None:
    conv = talk(*TO_THE_WHITE_COUNT, "not yet back")
    assert conv.session is not None and conv.state == "white_cell_count"
    assert "inflammatory_markers" in conv.session.answered and conv.session.case.inflammatory_markers is None


# 5. the warning-sign list denied by its name -----------------------------------------------------

@pytest.mark.parametrize("typed", ["denies warning signs", "denies red flags", "denies any red flags",
                                   "patient denies red flags", "denies symptoms", "denies any warning signs"])
def test_a_denial_of_the_list_by_its_name_is_none_of_these(typed: str) -> None:
    assert read("warning_signs", typed) == (True, "none")


def test_a_denial_of_the_list_in_portuguese_is_none_of_these() -> None:
    assert read("warning_signs", "nega sinais de alerta", "pt") == (True, "none")


@pytest.mark.parametrize("typed", ["denies trauma", "denies night pain", "denies injury"])
def test_a_denial_of_one_item_still_asks_the_others(typed: str) -> None:
    parsed = ENGINE.reader("en").read("warning_signs", typed)
    assert not parsed.ok and parsed.error == "others_unanswered"


def test_a_denial_of_the_list_but_one_item_ticks_that_item() -> None:
    assert read("warning_signs", "denies warning signs apart from night pain") == (True, ["night_pain"])


# 7. "20 w" before "pregnant" is weeks; a title before an age is the sex ------------------------

@pytest.mark.parametrize("first", ["F 20 w pregnant", "F 20 wks pregnant", "F 20 w preg"])
def test_weeks_before_pregnant_are_no_age(first: str) -> None:
    conv = talk(first)
    assert conv.session is not None and conv.session.case.sex == "female"
    assert conv.session.case.age is None and conv.state == "age"
    conv.say("32")
    assert conv.session.case.age == 32 and conv.session.case.pregnancy == "trimester_2"


def test_an_age_beside_weeks_before_pregnant_is_the_age() -> None:
    conv = talk("F 32, 20 w pregnant")
    assert conv.session is not None
    assert conv.session.case.age == 32 and conv.session.case.pregnancy == "trimester_2"


@pytest.mark.parametrize("first", ["F 20", "F 20 w"])
def test_an_age_after_the_sex_with_no_pregnancy_word_is_still_the_age(first: str) -> None:
    conv = talk(first)
    assert conv.session is not None and conv.session.case.age == 20


@pytest.mark.parametrize(("language", "first", "sex", "age"), [
    ("en", "Mr 58", "male", 58), ("en", "Mrs 58", "female", 58), ("en", "Sr. 58", "male", 58),
    ("en", "Mr. 58 left hip pain", "male", 58), ("en", "Ms 34, left hip", "female", 34),
    ("pt", "Sr. 58", "male", 58), ("pt", "Sra. 70, dor na anca", "female", 70),
])
def test_a_title_before_an_age_gives_the_sex_and_the_age(language: str, first: str, sex: str, age: int) -> None:
    conv = talk(first, language=language)
    assert conv.session is not None
    assert (conv.session.case.sex, conv.session.case.age) == (sex, age)


@pytest.mark.parametrize("first", ["MR hip showed oedema", "mr", "Mrs Smith"])
def test_a_title_or_an_mri_with_no_age_after_it_gives_no_sex(first: str) -> None:
    conv = talk(first)
    assert conv.session is not None and conv.session.case.sex is None


# 4. a count said beside the day it began wins -------------------------------------------------

A_WEDNESDAY = date(2026, 12, 2)


@pytest.mark.parametrize(("language", "typed", "weeks"), [
    ("en", "since sunday so 3 days", 0.4), ("en", "since monday, about 10 days", 1.4),
    ("en", "since last monday so about 2 weeks", 2.0), ("en", "since friday, 4 days now", 0.6),
    ("en", "since the 1st of november, about 5 weeks", 5.0), ("en", "since monday which is about 10 days", 1.4),
    ("pt", "desde segunda, há uns 10 dias", 1.4), ("pt", "desde domingo, ou seja 3 dias", 0.4),
])
def test_a_count_said_after_the_day_it_began_wins(language: str, typed: str, weeks: float) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", typed, today=A_WEDNESDAY)
    assert parsed.ok and parsed.value == weeks


@pytest.mark.parametrize(("typed", "weeks"), [
    ("since sunday", 0.4), ("since monday", 0.3), ("since sunday, fever for 2 days", 0.4),
    ("since sunday, 3 days after my fall", 0.4), ("came on over 3 days, started 3 nov", 4.1),
])
def test_a_day_alone_or_beside_another_things_count_is_counted_from(typed: str, weeks: float) -> None:
    parsed = ENGINE.reader("en").read("duration_weeks", typed, today=A_WEDNESDAY)
    assert parsed.ok and parsed.value == weeks


def test_a_count_beside_a_weekday_in_a_first_message_is_the_one_taken() -> None:
    conv = talk("male 45, left hip pain since monday, about 10 days", "none", "suddenly")
    assert conv.session is not None and conv.session.case.duration_weeks == 1.4


# 6. an injury after the pain began is no trauma before it ---------------------------------------

@pytest.mark.parametrize(("language", "typed"), [
    ("en", "I had a fall in October but the pain was before that"),
    ("en", "fell in october but the pain started before"),
    ("en", "I fell last week, after the pain started"), ("en", "the pain came first, then I fell"),
    ("pt", "caí em outubro mas a dor já existia"),
])
def test_a_fall_after_the_pain_began_is_denied_and_the_others_asked(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", typed)
    assert not parsed.ok and parsed.error == "others_unanswered"


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "I had a fall in October and the pain started after that"), ("en", "the pain started after I fell"),
    ("en", "I was fine before the fall"), ("en", "the pain was already there but got much worse after I fell"),
    ("pt", "caí em outubro e a dor começou depois"),
])
def test_a_fall_before_the_pain_or_one_that_made_it_worse_is_trauma(language: str, typed: str) -> None:
    assert read("warning_signs", typed, language) == (True, ["trauma"])


def test_a_fall_after_the_pain_with_another_sign_ticks_only_that_sign() -> None:
    assert read("warning_signs", "fell in october but the pain was before that, it wakes me at night") == (
        True, ["night_pain"])


def test_a_fall_after_the_pain_in_a_first_message_is_not_noted() -> None:
    conv = talk("male 45, left hip pain, I had a fall in October but the pain was before that")
    assert conv.session is not None and not conv.session.noted.get("warning_signs")
    conv = talk("male 45, left hip pain, I had a fall in October")
    assert conv.session is not None and conv.session.noted.get("warning_signs") == [0]


# 3. steroids for asthma: tablets or an inhaler? ---------------------------------------------------

TO_THE_MEDICAL_HISTORY = ("male", "45", "left hip", "groin", "suddenly", "3 weeks", "with a limp", "none")


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "steroids for my asthma"), ("en", "I take steroids for asthma"), ("en", "steroids for my copd"),
    ("en", "diabetic, steroids for my asthma"), ("pt", "tomo corticoides para a asma"),
    ("pt-BR", "tomo corticoide pra asma"),
])
def test_steroids_for_asthma_with_no_kind_said_ask_which(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("medical_history", typed)
    assert not parsed.ok and parsed.error == "said_partly" and parsed.pending


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "steroid inhaler for asthma"), ("en", "inhaler"), ("en", "puffer"), ("en", "I use a steroid inhaler"),
    ("en", "steroid pump for asthma"), ("pt", "cortisona em bomba para a asma"), ("pt-BR", "bombinha"),
])
def test_an_inhaler_is_no_steroid_tablets_and_the_others_are_asked(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("medical_history", typed)
    assert not parsed.ok and parsed.error == "others_unanswered"


@pytest.mark.parametrize(("typed", "ticked"), [
    ("prednisolone for my asthma", ["glucocorticoids"]), ("steroid tablets for my asthma", ["glucocorticoids"]),
    ("prednisolone tablets last year and a steroid inhaler", ["glucocorticoids"]),
    ("insulin pump", ["immunosuppressed"]), ("steroids", ["glucocorticoids"]),
])
def test_steroid_tablets_still_count_and_an_insulin_pump_is_no_inhaler(typed: str, ticked: list[str]) -> None:
    assert read("medical_history", typed) == (True, ticked)


@pytest.mark.parametrize(("reply", "steroids", "state"), [
    ("tablets", True, "fever"), ("a course of tablets", True, "fever"), ("inhaler", None, "medical_history"),
    ("just the puffer", None, "medical_history"), ("diabetes", False, "fever"),
])
def test_the_reply_to_which_kind_is_read_with_the_answer(reply: str, steroids: bool | None, state: str) -> None:
    conv = talk(*TO_THE_MEDICAL_HISTORY, "steroids for my asthma")
    assert conv.state == "medical_history" and conv.transcript[-1][1][0].code == "said_partly"
    conv.say(reply)
    assert conv.session is not None and conv.state == state
    assert conv.session.case.glucocorticoids is steroids
    assert "stuck_help" not in [r.code for r in conv.transcript[-1][1]]


def test_an_inhaler_then_none_of_the_others_records_no_steroid_tablets() -> None:
    conv = talk(*TO_THE_MEDICAL_HISTORY, "steroids for my asthma", "inhaler", "none")
    assert conv.session is not None and conv.state == "fever" and conv.session.case.glucocorticoids is False


def test_the_other_items_said_with_steroids_for_asthma_are_kept_with_the_kind() -> None:
    conv = talk(*TO_THE_MEDICAL_HISTORY, "diabetic, steroids for my asthma", "tablets")
    assert conv.session is not None and conv.state == "fever"
    assert conv.session.case.glucocorticoids is True and conv.session.case.immunosuppressed is True


def test_the_kind_asked_in_brazilian_portuguese() -> None:
    conv = talk("masculino", "45", "esquerda", "virilha", "de repente", "3 semanas", "a coxear", "nenhum",
                "tomo corticoide pra asma", language="pt-BR")
    assert "bombinha" in (conv.transcript[-1][1][0].text or "")
    conv.say("comprimidos")
    assert conv.session is not None and conv.session.case.glucocorticoids is True
