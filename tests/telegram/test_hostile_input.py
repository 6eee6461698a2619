"""Hostile input through the real Application (in process, every Bot API call recorded): issue 14.

Item 2: digits `str.isdigit()` accepts but `int()` refuses, typed or forged into callback
data, and steps of thousands of digits, used to raise inside the handler: no reply, and
the button's spinner never stopped. Each must now get its answer.

Item 6: a button from before /forget (or expiry) started a new stored conversation with
the greeting, where the README promises it only says it belongs to an earlier question;
an update id below the chat's last 32, as after Telegram restarts its ids, was dropped
as a duplicate for ever.
"""

from __future__ import annotations

import pytest

from bot.chat_turn import RECENT_UPDATES, take_turn
from bot.storage import open_memory
from bot.telegram.handlers import chat_key
from flows.content import get_content
from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.telegram.harness import Harness, sent

ENGINE = get_engine()

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


async def test_a_button_from_before_forget_only_says_so_and_stores_nothing(harness: Harness) -> None:
    await harness.command("/start")
    old = harness.question()
    await harness.command("/forget")
    calls = await harness.press_data(old.message_id, old.buttons()[0][1] or "")
    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert answer.params["text"] == get_content().message("stale_button_no_conversation")
    assert sent(calls) == []  # no greeting, no question
    assert await harness.store.sessions.get(chat_key(harness.chat)) is None
    calls = await harness.say("hello")  # a message still starts afresh
    assert sent(calls)[0].params["text"] == get_content().message("welcome")


async def test_update_ids_restarted_by_telegram_are_recognised() -> None:
    now = [1_000_000.0]
    store = open_memory(ttl_seconds=30 * 86400, clock=lambda: now[0])  # kept longer than a week
    key = chat_key(77)
    try:
        for update_id in range(5000, 5000 + RECENT_UPDATES + 5):
            await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=update_id, clock=lambda: now[0])
        lower = await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=12, clock=lambda: now[0])
        assert lower.outcome == "duplicate"  # within a day: an old update delivered again
        now[0] += 8 * 86400  # a week without updates: Telegram picks the next id at random
        for update_id in (12, 13, 5001):  # lower than all before, then one the old run had used
            turn = await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=update_id,
                                   clock=lambda: now[0])
            assert turn.outcome == "stepped", update_id
        again = await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=13, clock=lambda: now[0])
        assert again.outcome == "duplicate"  # and the new run is de-duplicated as before
    finally:
        await store.close()
