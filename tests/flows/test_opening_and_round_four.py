"""What the fourth round of user tests (session 10, English and Portuguese) and the
opening of a conversation showed, each fixed as a general rule in content/ or the reader,
and checked both ways here."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import Conversation

ENGINE = get_engine()


def talk(*answers: str, language: str = "en") -> Conversation:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": language}))
    conv.say(*answers)
    return conv


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "my hip hurts"),
    ("en", "hi"),
    ("pt", "olá, tenho dores na anca"),
])
def test_an_opening_that_tells_of_the_pain_is_thanked_not_refused(language: str, typed: str) -> None:
    conv = talk(language=language)
    replies = conv.say(typed)
    assert [r.code for r in replies if r.kind in ("notice", "error")] == ["opening_heard"]
    assert conv.state == "sex" and conv.session is not None and conv.session.missed == 0


def test_once_a_question_is_answered_words_of_the_pain_are_no_answer() -> None:
    conv = talk("female")
    replies = conv.say("my hip hurts")
    assert "opening_heard" not in [r.code for r in replies]
    assert any(r.kind == "error" for r in replies) and conv.state == "age"


def test_a_word_answering_nothing_is_still_refused_at_the_opening() -> None:
    replies = talk().say("banana")
    assert [r.code for r in replies if r.kind == "error"] == ["choose_one"]
