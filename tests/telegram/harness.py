"""In-process harness: the real Application from build_application, no sockets.

Who uses it: the in-process tests in this folder, through the `harness` fixture
(conftest.py). Updates are built by bot.fake_telegram.InProcessBotApi
and fed with `Application.process_update`; every Bot API call is recorded, so a test
can assert exactly what was sent, edited and answered.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from telegram import Update
from telegram.ext import Application

from bot.chat_turn import ChatSession
from bot.fake_telegram import ApiCall, BotMessage, InProcessBotApi
from bot.storage import Storage
from bot.telegram.handlers import chat_key
from flows.answers import normalise
from flows.session import Session

TOKEN = "123456789:AAE-fake_token_for_itoh_bot_tests_0"  # matches the settings' token pattern
CHAT = 4242
FEED_TIMEOUT = 15.0  # seconds for one update, however slow the machine


def plain(label: str) -> str:
    """A button label without the ✅ mark and "N. " number the renderer may add."""
    label = label.removeprefix("✅ ")
    head, dot, rest = label.partition(". ")
    return rest if dot and head.isdigit() else label


def matches(label: str, wanted: str) -> bool:
    return normalise(plain(label)) == normalise(wanted)


@dataclass
class Harness:
    rec: InProcessBotApi
    app: Application  # type: ignore[type-arg]
    store: Storage
    chat: int = CHAT

    async def feed(self, update: Update) -> list[ApiCall]:
        """Process one update; return the API calls it caused."""
        before = len(self.rec.calls())
        async with asyncio.timeout(FEED_TIMEOUT):
            await self.app.process_update(update)
        return self.rec.calls()[before:]

    async def command(self, text: str) -> list[ApiCall]:
        return await self.feed(self.rec.command_update(self.chat, text, bot=self.app.bot))

    async def say(self, text: str) -> list[ApiCall]:
        return await self.feed(self.rec.text_update(self.chat, text, bot=self.app.bot))

    async def press(self, label: str, message: BotMessage | None = None) -> list[ApiCall]:
        """Press the button whose label (without mark/number) is `label` on the question."""
        message = message or self.question()
        data = next((d for text, d in message.buttons() if matches(text, label)), None)
        assert data is not None, f"no button {label!r} on {message.buttons()}"
        return await self.feed(self.rec.callback_update(self.chat, message.message_id, data, bot=self.app.bot))

    async def press_data(self, message_id: int, data: str) -> list[ApiCall]:
        update = self.rec.callback_update(self.chat, message_id, data, bot=self.app.bot, check=False)
        return await self.feed(update)

    def question(self) -> BotMessage:
        """The newest bot message that still has a keyboard."""
        for message in reversed(self.rec.messages(self.chat)):
            if message.buttons():
                return message
        raise AssertionError("no question with buttons in the chat")

    async def session(self) -> Session | None:
        """The stored conversation, without the update ids kept for de-duplication
        (every turn adds one, so "nothing changed" compares the rest)."""
        stored = await self.store.sessions.get(chat_key(self.chat))
        if stored is None:
            return None
        return ChatSession.from_json(stored.payload).model_copy(update={"recent_updates": []})

    async def state(self) -> str | None:
        session = await self.session()
        return None if session is None else session.state

    async def answer_until(self, state: str, answer: str = "don't know", limit: int = 40,
                           answers: dict[str, str] | None = None) -> None:
        """Type `answer` (or the one `answers` gives for the question) to every question
        until the dialogue reaches `state`."""
        for _ in range(limit):
            current = await self.state()
            if current == state:
                return
            await self.say((answers or {}).get(current or "", answer))
        raise AssertionError(f"never reached {state}")


def sent(calls: list[ApiCall], method: str = "sendMessage") -> list[ApiCall]:
    return [c for c in calls if c.method == method]


def keyboard_rows(call: ApiCall) -> list[list[tuple[str, str]]]:
    markup = call.params.get("reply_markup") or {}
    return [[(b["text"], b["callback_data"]) for b in row] for row in markup.get("inline_keyboard", [])]
