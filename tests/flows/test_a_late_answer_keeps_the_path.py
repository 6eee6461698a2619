"""A question left unknown and answered later never opens questions that would go unasked.

"idk" at the sex, then "female" at the age: the sex is given now, and the questions it opens
come after. But a pregnancy changed to "don't know" and then "10 days" typed at the warning
signs would open the pregnancy's own questions, which come before them in the flow: the
summary was reached without them (session 29, found by tests/flows/test_dialogue_fuzz.py).
"""

from __future__ import annotations

from flows.dialogue import get_engine
from tests.support.conversation import talk

MACHINE = get_engine().machine


def test_an_unknown_given_later_that_opens_earlier_questions_is_not_taken_so() -> None:
    conv = talk(*["don't know"] * 10, "/change", "3", "don't know")
    assert conv.state == "warning_signs" and conv.session.case.pregnancy is None
    conv.say("10 days")
    assert conv.session.case.pregnancy is None
    for _ in range(30):
        if conv.state == "summary":
            break
        conv.say("don't know")
    assert conv.state == "summary"
    path = MACHINE.path(conv.session.case, conv.session.answered)
    unasked = {s for s in path if not MACHINE.is_final(s)} - set(conv.session.answered) - set(conv.session.skipped)
    assert not unasked


def test_an_unknown_given_at_the_next_question_is_still_taken() -> None:
    conv = talk("don't know")
    conv.say("female")
    assert conv.session.case.sex == "female" and conv.state == "age"
