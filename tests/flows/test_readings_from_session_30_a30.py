"""Session 30 (a30), blind user tests in English: a result no question asks for ("vit d was 18")
read as weeks of pregnancy, the hip's own front read as the pelvis's ("front of the hip into the
groin"), pain said of running read as pain on walking, and a shuffle with a stick not heard."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk


def case_of(conv: Conversation):  # type: ignore[no-untyped-def]
    assert conv.session is not None
    return conv.session.case


# --- 1. a result no question asks for is no week of pregnancy, age or duration -------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "vit d was 18, does that matter?"),
    ("en", "vit d 18"),
    ("en", "my vitamin d level was 18"),
    ("en", "hb 11"),
    ("en", "ferritin 20"),
    ("en", "calcium 2.3"),
    ("pt", "vitamina d 18"),
    ("pt", "a vit d estava a 18"),
    ("pt", "hemoglobina 11"),
    ("pt-BR", "ferritina 20"),
])
def test_a_result_no_question_asks_is_no_pregnancy(language: str, said: str) -> None:
    read = get_engine().reader(language).read("pregnancy", said)
    assert not read.ok and read.value is None


@pytest.mark.parametrize(("question", "said"), [("age", "hb 11"), ("age", "vit d 18"),
                                                ("duration_weeks", "vit d 18"), ("duration_weeks", "ferritin 20")])
def test_a_result_no_question_asks_is_no_age_nor_duration(question: str, said: str) -> None:
    assert get_engine().reader("en").read(question, said).value is None


@pytest.mark.parametrize(("language", "said", "trimester"), [
    ("en", "18", "trimester_2"),  # the number alone still is the week
    ("en", "18 weeks, vit d 30", "trimester_2"),
    ("en", "vit d 18 and im 20 weeks", "trimester_2"),
    ("pt", "18 semanas", "trimester_2"),
    ("pt-BR", "ta com 20 semanas", "trimester_2"),  # "ta" is "está", no blood pressure
])
def test_the_weeks_beside_such_a_result_are_still_read(language: str, said: str, trimester: str) -> None:
    read = get_engine().reader(language).read("pregnancy", said)
    assert read.ok and read.value == trimester


def test_a_vitamin_d_at_the_pregnancy_question_records_no_pregnancy() -> None:
    conv = talk("my hip hurts", "female", "44", "vit d was 18, does that matter?")
    assert case_of(conv).pregnancy is None
    assert conv.state == "pregnancy"  # asked again, after the question of theirs is answered


def test_the_age_beside_such_a_result_is_still_taken() -> None:
    conv = talk("F 44, hip pain 6 weeks, vit d was 18")
    assert case_of(conv).age == 44
    assert conv.session is not None and conv.session.held_numbers.get("duration_weeks") == "6 weeks"


# --- 2. the front of the hip is the hip's, the front over the pubic bone the pelvis's -----------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "front of the hip into the groin"),
    ("en", "the front of my hip"),
    ("en", "front of my hip and down the thigh"),
    ("en", "side of the hip"),
    ("pt", "à frente da anca"),
    ("pt-BR", "na frente do quadril"),
])
def test_the_front_of_the_hip_is_the_hip(language: str, said: str) -> None:
    read = get_engine().reader(language).read("pelvic_girdle_pattern", said)
    assert read.ok and read.value is False


@pytest.mark.parametrize(("language", "said"), [
    ("en", "at the front over the pubic bone"), ("en", "front"), ("en", "front of the pelvis"),
    ("pt", "à frente, no osso"),
])
def test_the_front_over_the_pubic_bone_is_still_the_pelvis(language: str, said: str) -> None:
    read = get_engine().reader(language).read("pelvic_girdle_pattern", said)
    assert read.ok and read.value is True


def test_the_front_of_the_hip_after_a_birth_is_not_asked_again() -> None:
    conv = talk("I had my baby 5 weeks ago, my right hip hurts, I'm breastfeeding", "34", "no", "no",
                "front of the hip into the groin")
    assert case_of(conv).pelvic_girdle_pattern is False
    assert conv.state != "pelvic_girdle_pattern"


# --- 3. pain said of running is no pain on walking -----------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i can walk fine, it hurts when i run or after long runs"),
    ("en", "i can walk fine, it hurts when i run"),
    ("en", "walking is fine, only hurts running"),
    ("en", "fine walking, sore after long runs"),
    ("pt", "ando bem, só dói a correr"),
])
def test_walking_fine_and_running_painful_is_walking_fine(language: str, said: str) -> None:
    read = get_engine().reader(language).read("walking", said)
    assert read.ok and read.value == "fine"


@pytest.mark.parametrize("said", ["walk fine but running hurts", "only hurts when i run", "worse when running"])
def test_pain_of_running_alone_is_no_pain_on_walking(said: str) -> None:
    read = get_engine().reader("en").read("walking", said)
    assert read.value != "worse"  # asked again, not taken for pain on walking


@pytest.mark.parametrize(("language", "said"), [
    ("en", "it hurts when i walk or run"), ("en", "hurts"), ("en", "sore walking, worse running"),
    ("pt", "dói a andar e a correr"),
])
def test_pain_on_walking_said_with_running_stays(language: str, said: str) -> None:
    read = get_engine().reader(language).read("walking", said)
    assert read.ok and read.value == "worse"


# --- 4. a shuffle, a stick, a frame --------------------------------------------------------------


@pytest.mark.parametrize("said", ["I can only shuffle with my stick", "shuffling", "i use a zimmer",
                                  "shuffling about with my walker", "on my stick"])
def test_a_shuffle_or_a_stick_is_walking_with_pain(said: str) -> None:
    read = get_engine().reader("en").read("walking", said)
    assert read.ok and read.value == "worse"


@pytest.mark.parametrize("said", ["can't even shuffle", "i can't walk at all, not even shuffle"])
def test_not_even_a_shuffle_is_no_walking(said: str) -> None:
    read = get_engine().reader("en").read("walking", said)
    assert read.ok and read.value == "cannot"


def test_a_shuffle_with_a_stick_in_a_first_message_is_not_asked_again() -> None:
    conv = talk("Good evening. I am 70 years old and I had a fall in the garden yesterday afternoon. "
                "My right hip is very sore and I can only shuffle with my stick.")
    assert conv.session is not None and conv.session.noted.get("walking") == [1]
