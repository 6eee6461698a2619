"""How long, said as a date ("since Christmas", "desde março") or as a clause of its own
after the pain's ("right hip pain, about 3 weeks"), and an age and sex written apart ("im
55 m", "28 F left hip pain"): read, and not mistaken for the weeks of a pregnancy."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import Conversation

ENGINE = get_engine()
DAY = date(2026, 12, 2)


def weeks(language: str, typed: str, today: date | None = DAY) -> float | None:
    parsed = ENGINE.reader(language).read("duration_weeks", typed, today=today)
    return parsed.value if parsed.ok else None


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("en", "since Christmas", 48.9),           # last Christmas: this year's has not come
    ("en", "since march", 39.4),               # from the first of the month
    ("en", "since the 3rd of March", 39.1),
    ("en", "since March 3rd", 39.1),
    ("en", "since 5 nov", 3.9),
    ("en", "since about new year", 47.9),
    ("en", "since march 2025", 91.6),
    ("pt", "desde o Natal", 48.9),
    ("pt", "desde 3 de março", 39.1),
    ("pt", "desde o dia 1º de outubro", 8.9),
    ("pt", "desde o início de setembro", 13.1),
    ("en", "since 3/3", 39.1),                  # in numbers, day first (en_GB): not 3 weeks
    ("en", "since 15/11/2025", 54.6),
    ("pt", "desde 10/11", 3.1),
])
def test_a_date_is_counted_to_the_day_the_answer_was_sent(language: str, typed: str, expected: float) -> None:
    assert weeks(language, typed) == expected


@pytest.mark.parametrize("typed", ["since the summer", "since march 2027", "since 31 february"])
def test_a_date_not_known_or_still_to_come_is_asked_again(typed: str) -> None:
    assert weeks("en", typed) is None


def test_without_the_day_it_was_sent_a_date_is_asked_for_as_a_number() -> None:
    assert weeks("en", "since march", today=None) is None
    assert weeks("en", "3 weeks", today=None) == 3


def test_a_date_said_in_passing_is_taken_when_the_question_comes() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": "en"}))
    for typed in ("f", "45", "no", "left hip pain since christmas", "none", "gradual"):
        conv.send(UserInput.typed(typed).model_copy(update={"sent_on": DAY}))
    assert conv.session is not None and conv.session.case.duration_weeks == 48.9
    assert "duration_weeks" not in [conv.state]


def first_case(language: str, typed: str) -> dict[str, object]:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": language}))
    conv.say(typed)
    assert conv.session is not None
    held = conv.session.held_numbers.get("duration_weeks", "")
    case = {k: v for k, v in conv.session.case.model_dump().items() if v not in (None, [], "")}
    return {**case, "held_duration": held} if held else case


@pytest.mark.parametrize(("language", "typed", "duration"), [
    ("en", "I'm 52, male, right hip pain, about 3 weeks", "3 weeks"),
    ("en", "28 F left hip pain, 2 months, worse walking", "2 months"),
    ("pt", "dor na anca direita, há 3 semanas", "3 semanas"),
    ("pt", "coxalgia esq. há 4 sem", "4 sem"),         # the abbreviation's full stop ends no clause of its own
])
def test_how_long_said_alone_after_the_pains_clause_is_heard(language: str, typed: str, duration: str) -> None:
    assert first_case(language, typed).get("held_duration") == duration


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "pregnant, hip pain, 30 weeks"),         # the week of the pregnancy, perhaps
    ("en", "hip pain 3 weeks pregnant"),
    ("en", "left hip pain 2 weeks postpartum"),
    ("pt", "dor na anca, 3 semanas de gravidez"),
    ("pt", "tive um aborto, há 1 mês"),
])
def test_weeks_of_a_pregnancy_or_since_the_birth_are_no_duration(language: str, typed: str) -> None:
    assert "held_duration" not in first_case(language, typed)


@pytest.mark.parametrize(("typed", "sex", "age"), [
    ("im 55 m", "male", 55),
    ("i am 28 f", "female", 28),
    ("28 F left hip pain, 2 months, worse walking", "female", 28),
    ("Pt 41 M L hip pain", "male", 41),
])
def test_an_age_and_a_sex_written_apart_are_both_read(typed: str, sex: str, age: int) -> None:
    case = first_case("en", typed)
    assert (case.get("sex"), case.get("age")) == (sex, age)


@pytest.mark.parametrize("typed", ["10 m walk hurts", "i can walk 100 m", "male, 38.9"])
def test_a_distance_or_a_temperature_is_no_age(typed: str) -> None:
    assert "age" not in first_case("en", typed)
