"""The Bot API misbehaves (429 with retry_after, 500, a call that times out): every
reply still reaches the person exactly once, and the answer is applied once.

The real Application from `build_application`, with PTB's own HTTP client, talks to
the FakeBotApi over 127.0.0.1; the fake's call log is the witness. A timed-out call is
one the fake holds longer than the bot waits (TELEGRAM_TIMEOUT_SECONDS) and then
carries out anyway, as Telegram would: resending it would show the message twice.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from telegram import Update

from bot.chat_turn import ChatSession
from bot.fake_telegram import FakeBotApi
from bot.settings import Settings
from bot.storage import Storage, open_memory
from bot.telegram.application import AnyApplication, build_application
from bot.telegram.handlers import chat_key
from flows.dialogue import get_engine
from tests.telegram.harness import TOKEN, matches

ENGINE = get_engine()

TIMEOUT = 0.5  # the bot's Bot API timeout in these tests
HELD = 1.5  # how long the fake holds a "timed out" call before carrying it out


@asynccontextmanager
async def bot_for(fake: FakeBotApi, store: Storage) -> AsyncIterator[AnyApplication]:
    settings = Settings(telegram_bot_token=TOKEN, telegram_api_base_url=fake.base_url,  # type: ignore[call-arg]
                        telegram_timeout_seconds=TIMEOUT, _env_file=None)
    application = build_application(settings, store, ENGINE, polling=False)
    async with application:
        yield application


async def feed(application: AnyApplication, update: dict[str, Any]) -> None:
    async with asyncio.timeout(30):
        await application.process_update(Update.de_json(update, application.bot))


async def settle(fake: FakeBotApi, expected_messages: int, chat: int) -> None:
    """Wait until the held call has landed and nothing is in flight."""
    deadline = time.monotonic() + 10
    while len(fake.messages(chat)) < expected_messages or any(c.status is None for c in fake.calls()):
        assert time.monotonic() < deadline, fake.format_transcript(chat)
        await asyncio.sleep(0.05)


async def press_female(fake: FakeBotApi, application: AnyApplication, chat: int) -> dict[str, Any]:
    await feed(application, fake.make_command_update(chat, "/start"))
    question = [m for m in fake.messages(chat) if m.buttons()][-1]
    data = next(d for text, d in question.buttons() if matches(text, "Female"))
    assert data is not None
    return fake.make_callback_update(chat, question.message_id, data)


FAULTS = [
    ("sendMessage", 429), ("sendMessage", 500), ("sendMessage", "timeout"),
    ("editMessageText", 500), ("editMessageText", "timeout"),
    ("answerCallbackQuery", 429), ("answerCallbackQuery", "timeout"),
]


@pytest.mark.parametrize(("method", "fault"), FAULTS, ids=[f"{m}-{f}" for m, f in FAULTS])
async def test_reply_is_delivered_once_and_state_advanced_once(method: str, fault: int | str) -> None:
    store = open_memory()
    with FakeBotApi(token=TOKEN) as fake:
        async with bot_for(fake, store) as application:
            # The same turn undisturbed, in another chat: what the person should see.
            control = await press_female(fake, application, 9401)
            before = len(fake.calls(method))
            await feed(application, control)
            per_turn = len(fake.calls(method)) - before
            expected = [m.text for m in fake.messages(9401)]

            chat = 9402
            press = await press_female(fake, application, chat)
            before = len(fake.calls(method))
            if fault == "timeout":
                fake.delay_next(method, HELD)
            else:
                fake.fail_next(method, int(fault), retry_after=1 if fault == 429 else None)
            await feed(application, press)
            await settle(fake, len(expected), chat)

            assert [m.text for m in fake.messages(chat)] == expected  # every message, once, in order
            attempts = len(fake.calls(method)) - before
            if fault == "timeout" and method == "sendMessage":
                assert attempts == per_turn  # never resent: it had arrived
            else:
                assert attempts == per_turn + 1  # one failed attempt, retried once
            stored = await store.sessions.get(chat_key(chat))
            assert stored is not None
            session = ChatSession.from_json(stored.payload)
            assert session.answered == ["sex"] and session.case.sex == "female"
            since = len(fake.calls())
            await feed(application, press)  # Telegram's redelivery of the same update
            assert fake.calls()[since:] == [] and await store.sessions.get(chat_key(chat)) == stored
    await store.close()


async def test_a_timed_out_message_does_not_hold_back_the_rest_of_the_turn() -> None:
    store = open_memory()
    with FakeBotApi(token=TOKEN) as fake:
        async with bot_for(fake, store) as application:
            await feed(application, fake.make_command_update(9403, "/start"))
            expected = [m.text for m in fake.messages(9403)]
            assert len(expected) >= 3  # welcome, disclaimer, first question
            fake.delay_next("sendMessage", HELD)  # the first of them times out, then lands
            started = time.monotonic()
            await feed(application, fake.make_command_update(9404, "/start"))
            assert time.monotonic() - started < HELD  # the others did not wait for it
            await settle(fake, len(expected), 9404)
            texts = [m.text for m in fake.messages(9404)]
            assert sorted(texts) == sorted(expected)  # each once (the held one arrives last)
            assert len(fake.calls("sendMessage")) == 2 * len(expected)  # nothing resent
    await store.close()
