""""Not sure" which tests were done passes over their results (Case `tests_unsure`): the
person is not asked five times for results they cannot give, and nothing is concluded
from it (an unknown result counts as a test not done, as before)."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import Conversation

ENGINE = get_engine()
RESULTS = {"xray", "mri", "bone_scan", "inflammatory_markers", "white_cell_count"}


def until(conv: Conversation, state: str, answers: dict[str, str]) -> None:
    for _ in range(40):
        if conv.state == state:
            return
        conv.say(answers.get(conv.state, "don't know"))
    raise AssertionError(f"never reached {state}; stuck at {conv.state}")


@pytest.mark.parametrize(("language", "typed"), [("en", "not sure"), ("en", "idk"), ("pt", "não sei")])
def test_not_sure_which_tests_passes_over_every_result(language: str, typed: str) -> None:
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": language}))
    until(conv, "tests_done", {"sex": "2", "age": "50", "side": "1"})  # the second option: male
    conv.say(typed)
    assert conv.session is not None and conv.session.case.tests_unsure is True
    asked = set()
    while conv.state != "summary":
        asked.add(conv.state)
        conv.say("não sei" if language == "pt" else "don't know")
    assert not asked & RESULTS
    assert all(getattr(conv.session.case, name) is None for name in RESULTS)


def test_a_test_named_later_asks_its_result_and_unsays_not_sure() -> None:
    conv = Conversation()
    conv.start()
    until(conv, "tests_done", {"sex": "male", "age": "50", "side": "left"})
    conv.say("not sure")
    conv.say("/back")
    assert conv.state == "tests_done"
    conv.say("x-ray")
    assert conv.state == "xray"
    assert conv.session is not None and conv.session.case.tests_unsure is None


def test_the_tests_ticked_still_ask_their_results() -> None:
    conv = Conversation()
    conv.start()
    until(conv, "tests_done", {"sex": "male", "age": "50", "side": "left"})
    conv.say("mri and bloods")
    assert conv.state == "mri"
    conv.say("don't know")
    assert conv.state == "inflammatory_markers"


@pytest.mark.parametrize("case", [
    {"sex": "female", "age": 72},
    {"sex": "female", "age": 31, "pregnancy": "postpartum", "unable_to_bear_weight": True},
    {"sex": "male", "age": 45, "fever": True},
])
def test_not_sure_which_tests_concludes_nothing(case: dict[str, object]) -> None:
    unknown = Case(**case)  # type: ignore[arg-type]
    unsure = Case(**case, tests_unsure=True)  # type: ignore[arg-type]
    before, after = assess(unknown, ENGINE.content), assess(unsure, ENGINE.content)
    assert after.triage == before.triage
    assert [(r.condition, round(r.probability, 6)) for r in after.ranking] == [
        (r.condition, round(r.probability, 6)) for r in before.ranking]
    assert [n.condition for n in after.not_ruled_out] == [n.condition for n in before.not_ruled_out]
