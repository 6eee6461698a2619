"""Session 21 (h), blind user test en 21: a clinician's shorthand (a walking aid named in
full, "nil" at a result, "no PMH" in a first line, "pt is the patient, im his GP" once
known, a leading "?" query) and smaller readings (a no about steroids at the tests, a
"kinda" fever, a number revised, a number with words after it asked for kindly)."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def read(language: str, question: str, text: str) -> object:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.value if parsed.ok else parsed.error


# --- 8. clinician shorthand -----------------------------------------------------------------------


@pytest.mark.parametrize(("question", "text", "value"), [
    ("walking", "using a walking stick", "worse"),
    ("walking", "FWB, painful", "worse"),
    ("white_cell_count", "nil", "normal"),
    ("white_cell_count", "nil of note", "normal"),
    ("inflammatory_markers", "nil", "normal"),
    ("white_cell_count", "raised", "raised"),
])
def test_a_note_s_shorthand_is_read(question: str, text: str, value: str) -> None:
    assert read("en", question, text) == value


def test_nada_a_assinalar_is_a_normal_result_in_portuguese() -> None:
    assert read("pt", "white_cell_count", "nada a assinalar") == "normal"


def test_no_pmh_in_a_first_line_answers_the_medical_history() -> None:
    conv = talk("GP here. 52M, L hip pain 6/52, no trauma, no PMH", "none", "gradual", "FWB, painful")
    assert conv.session is not None and conv.session.case.glucocorticoids is False
    assert "medical_history" in conv.session.answered and conv.state != "medical_history"
    # ...but an item named beside it stays ticked, and the rest is asked
    conv = talk("GP here. 52M, L hip pain 6/52, on pred for PMR, no PMH", "none", "gradual", "FWB, painful")
    assert conv.session is not None and conv.session.case.glucocorticoids is True
    assert conv.state == "medical_history"


def test_a_query_mark_before_a_note_s_question_is_a_question() -> None:
    conv = talk("male 47", "left", "none", "gradually", "6 weeks")
    # (session 24: a question naming a cause is answered with how the cause is settled)
    assert codes(conv.say("?AVN vs TOH, does he need ortho referral"))[0] == "quick_answer:which_cause_it_is"


# --- 11. smaller readings -----------------------------------------------------------------------


def test_a_no_about_steroids_at_the_tests_is_kept_for_the_steroids() -> None:
    conv = talk("male 47", "left")
    replies = conv.say("i dont take prednisolone")
    assert conv.state == "tests_done" and codes(replies)[0] == "kept_for_later"
    assert read("en", "tests_done", "no") == "none"


@pytest.mark.parametrize(("language", "text"), [("en", "kinda"), ("en", "sort of"), ("pt", "mais ou menos")])
def test_a_sort_of_fever_asks_whether_it_was_measured(language: str, text: str) -> None:
    assert read(language, "fever", text) == "said_partly"
    assert read(language, "walking", text) != "said_partly"  # only where the question says what settles it


@pytest.mark.parametrize(("language", "text", "weeks"), [
    ("en", "3 weeks, well maybe 4", 4.0),
    ("en", "3 weeks, maybe 4 weeks", 4.0),
    ("pt", "3 semanas, se calhar 4", 4.0),
    ("en", "3 weeks", 3.0),
])
def test_a_number_revised_takes_the_later_one(language: str, text: str, weeks: float) -> None:
    assert read(language, "duration_weeks", text) == weeks


def test_months_revised_keep_their_unit() -> None:
    assert read("en", "duration_weeks", "3 months, maybe 4") == read("en", "duration_weeks", "4 months")


@pytest.mark.parametrize("text", ["52 next month", "fifty something"])
def test_an_age_with_words_after_it_is_asked_for_kindly(text: str) -> None:
    conv = talk("male")
    replies = conv.say(text)
    assert codes(replies)[0] == "word_after_number"
    assert "did not understand" not in replies[0].text and "next" not in replies[0].text
