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


# --- 5. a result said of another test is that test's, not this one's -----------------------------


@pytest.mark.parametrize(("language", "question", "said"), [
    ("en", "mri", "XR NAD"),
    ("en", "mri", "xray was normal"),
    ("en", "mri", "bone scan normal"),
    ("en", "mri", "no xray"),
    ("en", "xray", "MRI normal"),
    ("en", "xray", "mri was fine"),
    ("en", "white_cell_count", "crp normal"),
    ("en", "inflammatory_markers", "wcc normal"),
    ("pt", "mri", "RX normal"),
    ("pt-BR", "xray", "a ressonância estava normal"),
])
def test_a_result_said_of_another_test_is_not_this_ones(language: str, question: str, said: str) -> None:
    read = get_engine().reader(language).read(question, said)
    assert not read.ok and read.value is None


@pytest.mark.parametrize(("question", "said", "value"), [
    ("mri", "normal", ["normal"]),
    ("mri", "the scan was normal", ["normal"]),  # a scan, unnamed, at the MRI's question is the MRI
    ("mri", "mri normal, xray showed osteopenia", ["normal"]),
    ("mri", "xray normal but mri showed bmo", ["bone_marrow_oedema"]),
    ("mri", "XR NAD, MRI not done", "not_done"),  # only the MRI's words: no normal MRI
    ("mri", "MRI: BMO femoral head, small effusion. XR NAD", ["bone_marrow_oedema", "joint_effusion"]),
    ("xray", "xray normal but mri showed bmo", ["normal"]),
    ("xray", "normal, mri results pending", ["normal"]),  # what names no test is the question's own
    ("white_cell_count", "only crp", "not_done"),  # an option's own words
    ("white_cell_count", "crp and wcc normal", "normal"),
    ("white_cell_count", "bloods unremarkable", "normal"),  # blood tests in general, at the question
    ("inflammatory_markers", "bloods normal", "normal"),
    ("inflammatory_markers", "fbc normal, crp 12 mg/L", "mildly_raised"),
    ("inflammatory_markers", "wcc 14, crp 7.5 mg/dl", "markedly_raised"),
])
def test_this_tests_own_result_is_still_read(question: str, said: str, value: object) -> None:
    read = get_engine().reader("en").read(question, said)
    assert read.ok and read.value == value


def test_an_xray_said_at_the_mri_question_records_no_normal_mri() -> None:
    conv = talk("Pt 63F R hip pain 10/7, T2DM, no trauma", "MRI", "XR NAD")
    assert case_of(conv).mri is None
    assert conv.state == "mri"  # asked again


# --- 6. unsure of the result, then the blood tests in general -------------------------------------


@pytest.mark.parametrize(("language", "question", "said"), [
    ("en", "white_cell_count", "not sure about the white cells, letter just says bloods unremarkable"),
    ("en", "white_cell_count", "not sure about the wcc, bloods were fine"),
    ("en", "inflammatory_markers", "not sure about the crp, gp said bloods were ok"),
    ("pt", "white_cell_count", "não sei dos leucócitos, as análises estavam bem"),
    ("pt-BR", "white_cell_count", "não sei dos leucócitos, os exames de sangue deram normal"),
])
def test_unsure_of_the_result_and_bloods_fine_is_dont_know(language: str, question: str, said: str) -> None:
    read = get_engine().reader(language).read(question, said)
    assert read.ok and read.value is None


@pytest.mark.parametrize(("question", "said", "value"), [
    ("white_cell_count", "not sure about the white cells, but the wcc was normal", "normal"),  # named again
    ("white_cell_count", "not sure, letter says bloods fine", "normal"),  # unsure of nothing named
    ("inflammatory_markers", "dunno about the crp, the esr was 60", "markedly_raised"),
])
def test_a_result_said_after_the_doubt_is_still_read(question: str, said: str, value: str) -> None:
    read = get_engine().reader("en").read(question, said)
    assert read.ok and read.value == value


# --- 7. a temperature said again after a fever was heard is kept, not "did not catch" -------------


@pytest.mark.parametrize("said", ["temp 38,4 last night", "38.4 last night", "temp was 38.9"])
def test_a_temperature_after_a_fever_heard_is_kept(said: str) -> None:
    conv = talk("female 58, hip pain right side 6 weeks, feel unwell and hot")
    replies = conv.say(said)
    codes = [r.code for r in replies]
    assert "kept_for_later" in codes and "choose_one" not in codes
    assert case_of(conv).temperature_c == float(said.split()[-3 if "last" in said else -1].replace(",", "."))


def test_words_that_say_nothing_after_a_fever_heard_are_still_not_caught() -> None:
    conv = talk("female 58, hip pain right side 6 weeks, feel unwell and hot")
    codes = [r.code for r in conv.say("banana")]
    assert "kept_for_later" not in codes


# --- 8. where it hurts and how walking is, in everyday words --------------------------------------


@pytest.mark.parametrize(("said", "pelvic"), [
    ("in the crease at the top of my leg", False), ("where my leg meets my body", False),
    ("bum cheek", True), ("over the pubic bone and my bum", True),
])
def test_the_crease_of_the_leg_and_the_bum(said: str, pelvic: bool) -> None:
    read = get_engine().reader("en").read("pelvic_girdle_pattern", said)
    assert read.ok and read.value is pelvic


@pytest.mark.parametrize("said", ["i can walk but it kills", "it's killing me when i walk", "walking is agony"])
def test_walking_that_kills_is_walking_with_pain(said: str) -> None:
    read = get_engine().reader("en").read("walking", said)
    assert read.ok and read.value == "worse"


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i can walk, no problem, but lying on it hurts"),
    ("en", "fine walking, hurts at night"),
    ("en", "walking is fine, sitting hurts"),
    ("pt", "ando bem, só dói deitada"),
])
def test_pain_lying_sitting_or_at_night_is_no_pain_on_walking(language: str, said: str) -> None:
    read = get_engine().reader(language).read("walking", said)
    assert read.value != "worse"


@pytest.mark.parametrize(("language", "said"), [
    ("en", "walking is ok but getting up from sitting hurts"), ("en", "hurts when i walk and at night"),
    ("pt", "dói a andar e à noite"),
])
def test_pain_on_walking_or_getting_up_beside_the_night_stays(language: str, said: str) -> None:
    read = get_engine().reader(language).read("walking", said)
    assert read.ok and read.value == "worse"
