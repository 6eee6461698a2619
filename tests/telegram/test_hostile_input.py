"""Hostile input through the real Application (in process, every Bot API call recorded): issue 14.

Item 2: digits `str.isdigit()` accepts but `int()` refuses, typed or forged into callback
data, and steps of thousands of digits, used to raise inside the handler: no reply, and
the button's spinner never stopped. Each must now get its answer.
"""

from __future__ import annotations

import pytest

from tests.telegram.harness import Harness, sent

NOT_DECIMAL = ("፩", "᧚", "𐩀")


async def test_digits_int_refuses_get_an_error_at_a_question_and_in_change(harness: Harness) -> None:
    await harness.command("/start")
    for typed in NOT_DECIMAL:
        texts = [c.params["text"] for c in sent(await harness.say(typed))]
        assert any(f"&quot;{typed}&quot;" in t or f'"{typed}"' in t for t in texts), texts
    await harness.say("female")
    await harness.say("34")
    await harness.answer_until("summary")
    await harness.command("/change")
    before = await harness.session()
    for typed in NOT_DECIMAL:
        texts = [c.params["text"] for c in sent(await harness.say(typed))]
        assert any(typed in t for t in texts), texts
    assert await harness.session() == before


@pytest.mark.parametrize("forged", ["a:²", "a:፩", "t:𐩀", "a:" + "9" * 40, "c:²"])
async def test_forged_numbers_in_callback_data_are_answered_and_change_nothing(harness: Harness, forged: str) -> None:
    await harness.command("/start")
    question = harness.question()
    before = await harness.session()
    assert before is not None
    for data in (f"{before.step}|{forged}", "9" * 5000 + "|a:0", "9" * 5000 + "|" + forged):
        calls = await harness.press_data(question.message_id, data)
        assert any(c.method == "answerCallbackQuery" for c in calls), data[:30]  # the spinner stops
        assert await harness.session() == before
