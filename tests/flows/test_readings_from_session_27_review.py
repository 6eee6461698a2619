"""Session 27, review of the merged helpers: "bf" is breastfeeding alone ("bf yes", after a
birth) and a boyfriend only as one's own ("my bf has hip pain"), as other relatives are."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk


@pytest.mark.parametrize("opening", ["my bf has hip pain", "my bf hurt his hip", "asking for my bf"])
def test_my_bf_is_someone_else(opening: str) -> None:
    assert talk(opening).session.for_someone_else


@pytest.mark.parametrize("opening", ["bf yes", "im bf my baby"])
def test_bf_alone_is_not_someone_else(opening: str) -> None:
    assert not talk(opening).session.for_someone_else


@pytest.mark.parametrize(("question", "text", "meant"), [
    ("fever", "denies", False),
    ("fever", "denied", False),
    ("warning_signs", "denies", "none"),
    ("warning_signs", "denies all", "none"),
    ("medical_history", "denies", "none"),
])
def test_a_notes_denies_alone_is_a_no(question: str, text: str, meant: object) -> None:
    # a clinician answering for a patient (user test en 27: "denies" was not caught)
    parsed = get_engine().reader("en").read(question, text)
    assert parsed.ok and parsed.value == meant


def test_a_denial_with_a_sign_after_it_is_no_none() -> None:
    parsed = get_engine().reader("en").read("warning_signs", "denies trauma, has night pain")
    assert parsed.ok and parsed.value == ["night_pain"]


ANSWERING_FOR_A_MOTHER = ("asking for my mum, 84", "female", "left", "no tests")


def test_a_time_of_new_confusion_is_no_sudden_onset_of_the_pain() -> None:
    # (user test en 27: "the last 2 days" of confusion was recorded as the pain's sudden start)
    conv = talk(*ANSWERING_FOR_A_MOTHER)
    replies = conv.say("shes more confused than usual the last 2 days")
    assert conv.session.case.new_confusion is True
    assert conv.session.case.onset is None
    assert "new_confusion" in [reply.code for reply in replies]


@pytest.mark.parametrize("said", ["sudden, and shes been confused since yesterday", "came on over 2 days"])
def test_the_pains_own_start_is_still_taken(said: str) -> None:
    conv = talk(*ANSWERING_FOR_A_MOTHER)
    conv.say(said)
    assert conv.session.case.onset == "sudden"
