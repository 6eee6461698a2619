"""Session 24 (a), blind user tests en 23a, en 23d and pt/pt-BR 23b: a time given to "How did
the pain start?" is kept as how long, and the re-ask says why; a warning sign typed with
a slip in passing warns as it does at its own question; "no bleeding" denies heavy bleeding
after a loss; a run-on first message keeps its age; "i inject" is
injecting drugs."""

from __future__ import annotations

import pytest

from flows.messages import Reply
from tests.support.conversation import Conversation, talk


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def at_onset() -> Conversation:
    conv = talk("hip pain", "female", "45", "1", "left", "none")
    assert conv.state == "onset"
    return conv


# --- 1. a time at "How did the pain start?" ---------------------------------------------------


def test_a_time_at_how_it_started_is_kept_as_how_long_and_the_reask_says_why() -> None:
    conv = at_onset()
    replies = conv.say("it started 10 days ago")
    assert "kept_as_a_time" in codes(replies) and "kept_for_later" not in codes(replies)
    assert "suddenly or gradually" in texts(replies)
    assert conv.state == "onset"


# --- 3. a warning sign with a slip, in passing ---------------------------------------------------


def test_cannot_bear_weight_typed_with_slips_at_the_pregnancy_list_warns() -> None:
    conv = talk("im 38 weeks pregnant and my hip hurts", "27")
    assert conv.state == "pregnancy_warning_signs"
    conv.say("cant wieght bear on my rigth leg")
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True
    assert conv.session.announced  # the warning now, not at the end


# --- 4. "no bleeding" after a loss ---------------------------------------------------------------


@pytest.mark.parametrize("typed", ["no bleeding now", "not bleeding anymore", "no heavy bleeding"])
def test_no_bleeding_denies_heavy_bleeding_after_a_loss(typed: str) -> None:
    conv = talk("i had a miscarriage 3 weeks ago and my hip hurts", "27")
    assert conv.state == "after_birth_warning_signs"
    replies = conv.say(typed)
    assert "kept_for_later" not in codes(replies)
    assert conv.session is not None and conv.session.denied == [0]


def test_bleeding_alone_is_no_denial() -> None:
    conv = talk("i had a miscarriage 3 weeks ago and my hip hurts", "27")
    conv.say("bleeding")
    assert conv.session is not None and conv.session.denied == []


# --- 5. a run-on first message keeps its age -----------------------------------------------------


def test_an_age_before_a_run_on_clause_is_kept() -> None:
    conv = talk("hi im 16 i play football and my hip has hurt for like a year, sometimes my knee too", "boy")
    assert conv.session is not None and conv.session.case.age == 16


# --- 7. "i inject" -------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["i inject", "i inject, is that why?"])
def test_i_inject_is_injecting_drug_use(typed: str) -> None:
    conv = talk("hip pain", "male", "45", "left", "none", "1", "2 days", "1")
    assert conv.state == "medical_history"
    conv.say(typed)
    assert conv.session is not None and conv.session.case.injecting_drug_use is True


def test_insulin_injected_is_no_drug_use() -> None:
    conv = talk("hip pain", "male", "45", "left", "none", "1", "2 days", "1")
    conv.say("i inject insulin")
    assert conv.session is not None and not conv.session.case.injecting_drug_use
