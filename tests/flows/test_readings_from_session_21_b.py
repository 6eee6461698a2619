"""Session 21 (b), blind user test en 21 (report A): the pain getting worse over time is no
answer about walking, and the walking question is still asked; an everyday word a letter
away from an option's word ("bath") and "right after" name no hip; words typed as they sound
("nun of those", "rite") are read as the option meant, never "know" as "no"."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply
from tests.support.conversation import talk

ENGINE = get_engine()
READER = {language: ENGINE.reader(language) for language in ("en", "pt")}


def said_back(replies: list[Reply]) -> str:
    return " ".join(reply.text for reply in replies)


# --- 3. "slowly, getting worse each week" is no walking answer -------------------------------


@pytest.mark.parametrize(("language", "onset"), [
    ("en", "slowly, getting worse each week"),
    ("en", "slowly got worse"),
    ("en", "gradually, worse every week"),
    ("pt", "devagar, foi piorando"),
])
def test_the_pain_getting_worse_is_no_walking_answer(language: str, onset: str) -> None:
    assert READER[language].mentions("walking", onset, (), "onset") == []


@pytest.mark.parametrize(("language", "said"), [
    ("en", "slowly getting worse, worse when i walk"),
    ("en", "getting worse, limping now"),
])
def test_walking_said_with_the_worsening_is_still_heard(language: str, said: str) -> None:
    assert READER[language].mentions("walking", said, (), "onset") != []


def test_the_walking_question_is_asked_after_getting_worse() -> None:
    conv = talk("30 wks pregnant, right hip pain", "30", "none", "none", "1", "slowly, getting worse each week",
                "3 weeks")
    assert conv.session is not None
    assert conv.session.case.weight_bearing_pain is None
    assert conv.state == "walking"


# --- 4. "bath" is no "both", "right after" no right hip --------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "warm bath helps a bit"),
    ("en", "can i have a hot bath"),
    ("en", "rigt after i bent down"),
    ("en", "right after i bent down"),
    ("en", "it started right away"),
    ("pt", "fui direto ao hospital"),
])
def test_no_hip_from_another_meaning(language: str, said: str) -> None:
    assert not READER[language].read("side", said).ok


@pytest.mark.parametrize(("language", "said", "side"), [
    ("en", "bath", "both"),  # alone, a slip
    ("en", "rigth", "right"),
    ("en", "right hip, after i bent down", "right"),
    ("pt", "direta", "right"),
])
def test_a_side_still_read(language: str, said: str, side: str) -> None:
    parsed = READER[language].read("side", said)
    assert parsed.ok and parsed.value == side


def test_right_after_in_passing_names_no_side() -> None:
    assert READER["en"].mentions("side", "it started right after i bent down, the hip hurts") == []


# --- 6. words typed as they sound ------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "nun of those"), ("en", "non of them"), ("en", "non"), ("en", "nun"), ("pt", "nenum"),
])
def test_none_as_it_sounds(language: str, said: str) -> None:
    parsed = READER[language].read("early_pregnancy_warning_signs", said)
    assert parsed.ok and parsed.value == "none"


@pytest.mark.parametrize("said", ["rite", "write", "write side", "rite hip"])
def test_right_as_it_sounds(said: str) -> None:
    parsed = READER["en"].read("side", said)
    assert parsed.ok and parsed.value == "right"


def test_know_is_no_no_and_non_weight_bearing_is_no_none() -> None:
    assert not READER["en"].read("early_pregnancy_warning_signs", "know").ok
    assert READER["en"].read("early_pregnancy_warning_signs", "non weight bearing").value != "none"
