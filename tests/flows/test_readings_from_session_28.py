"""Readings found while trying session 28's changes as a new user would."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt-BR", "dói pra andar mas consigo andar", "worse"),  # the example
    ("pt", "dói para andar mas consigo andar", "worse"),  # another wording
    ("pt-BR", "dói pra caminhar", "worse"),
    ("pt-BR", "não dói pra andar", "fine"),  # near miss: denied
    ("pt", "dói ao andar mas consigo andar", "worse"),  # as before
])
def test_the_pain_of_walking_said_with_para(language: str, text: str, value: str) -> None:
    assert get_engine().reader(language).read("walking", text).value == value


@pytest.mark.parametrize(("text", "side"), [
    ("R lateral hip pain", "right"),  # the example: a note's side letter before "lateral"
    ("4 months L lat hip pain", "left"),
    ("right lateral hip pain", "right"),
    ("lateral hip pain", None),  # near miss: no side said
])
def test_a_side_letter_before_lateral(text: str, side: str | None) -> None:
    assert get_engine().reader("en").read("side", text).value == side


@pytest.mark.parametrize(("first", "held"), [
    ("F 52, 4 months R lateral hip pain. MRI hip normal.", "4 months"),  # the example
    ("F 52. 6 weeks hip pain", "6 weeks"),
    ("F 52, 6wks hip pain", "6 wks"),
    ("F 52. 2 months left hip pain", "2 months"),
    ("F 52. 6 weeks of hip pain", "6 weeks"),  # as before
])
def test_a_count_right_before_the_pain_it_names_is_how_long(first: str, held: str) -> None:
    assert talk(first).session.held_numbers.get("duration_weeks") == held


def test_a_count_of_something_else_is_not_how_long() -> None:
    assert "duration_weeks" not in talk("F 30, 32 weeks pregnant, hip pain").session.held_numbers


def test_a_physiotherapist_s_note_with_a_normal_mri_is_asked_only_what_it_leaves_out() -> None:
    conversation = talk("physio here. my patient, F 52, 4 months R lateral hip pain, worse lying on it and stairs. "
                        "MRI hip normal. ?GTPS vs ITOH", "no")
    conversation.say("mri")
    case = conversation.session.case
    assert (case.side, case.mri, case.duration_weeks) == ("right", ["normal"], 17.4)
    assert conversation.session.for_someone_else


@pytest.mark.parametrize(("text", "value"), [
    ("she can walk but stairs hurt", "worse"),  # the example
    ("walking ok but stairs hurt", "worse"),
    ("hurts going up stairs", "worse"),
    ("stairs are fine", "fine"),  # near miss
])
def test_stairs_that_hurt_are_pain_on_weight_bearing(text: str, value: str) -> None:
    assert get_engine().reader("en").read("walking", text).value == value
