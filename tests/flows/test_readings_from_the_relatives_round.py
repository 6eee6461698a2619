"""Readings the user test of relatives and clinicians (session 11) found wrong, each fixed
as a general rule in content/ and checked both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import Conversation

ENGINE = get_engine()


def read(language: str, question: str, typed: str):  # type: ignore[no-untyped-def]
    return ENGINE.reader(language).read(question, typed)


@pytest.mark.parametrize("typed", ["não sabe", "nao sabe", "ela não sabe", "não mediu", "não se lembra"])
def test_a_relative_s_not_knowing_is_dont_know_not_no(typed: str) -> None:
    parsed = read("pt", "fever", typed)
    assert parsed.ok and parsed.value is None  # was "No": the "não" of "não sabe"


@pytest.mark.parametrize("typed", ["não", "não teve febre"])
def test_a_plain_no_is_still_no(typed: str) -> None:
    parsed = read("pt", "fever", typed)
    assert parsed.ok and parsed.value is False


@pytest.mark.parametrize(("language", "typed"), [
    ("pt", "caí ontem e não me consigo pôr de pé, dói-me a anca"),
    ("pt", "sou cuidadora de uma senhora de 80 anos que caiu e não se consegue pôr de pé"),
    ("pt", "caí e não consigo ficar de pé"),
    ("en", "fell, unable to stand"),
])
def test_unable_to_stand_after_a_fall_warns_at_once(language: str, typed: str) -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": language}))
    replies = conv.say(typed)
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True
    assert "trauma_cannot_bear_weight" in [r.code for r in replies if r.kind == "warning"]


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "walks ok but painful"), ("en", "fine but sore"), ("en", "can walk, hurts"),
    ("pt", "anda bem mas dói"),
])
def test_walking_ok_but_painful_is_asked_which_not_read_as_no_worse(language: str, typed: str) -> None:
    parsed = read(language, "walking", typed)
    assert not parsed.ok and len(parsed.clarify) == 2


@pytest.mark.parametrize(("language", "typed"), [("en", "ok"), ("en", "fine"), ("en", "walking is fine, no pain"),
                                                 ("pt", "bem")])
def test_walking_fine_alone_is_still_no_worse(language: str, typed: str) -> None:
    parsed = read(language, "walking", typed)
    assert parsed.ok and parsed.value == "fine"
