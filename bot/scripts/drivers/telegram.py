"""The Telegram channel: a script played into the real PTB Application, with no network.

Who calls it: bot/scripts/runner.py (`make_driver("telegram", telegram_double=...)`).
The bot is exactly what `itoh-bot run` builds (`bot.telegram.application.build_application`, a
memory session store); only its request object is a stand-in that answers every Bot
API call in memory and keeps the chat as the person would see it: the in-process fake
Telegram (bot.fake_telegram.InProcessBotApi, strict Telegram HTML checks), for pytest
and `itoh-bot replay` alike.

Texts are sent as messages and commands as /commands; a `press` uses the inline keyboard
actually sent (the newest message that still has one), matched by label without the
✅ mark or "N. " number the renderer may add; a `select` presses each label, then Done.
Any Bot API call the fake refuses, and any error inside the bot, fails the step. A
script in another language sets the person's app language (`from.language_code`)
before /start, as a Telegram app set to Portuguese would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol, cast

from pydantic import SecretStr
from telegram import Update
from telegram.ext import Application, ContextTypes
from telegram.request import BaseRequest

from bot.fake_telegram import InProcessBotApi
from bot.scripts.driver import StepError
from bot.scripts.model import Channel
from bot.scripts.observe import (
    TextReaders,
    TurnView,
    ask_followups,
    language_switched,
    merge_turns,
    norm,
    report_text,
)
from bot.settings import Settings
from bot.storage import open_memory
from bot.telegram.application import build_application
from bot.telegram.render import pressed_kind
from flows.dialogue import Engine
from flows.numerals import whole_number

TOKEN = "123456789:AAE-replay_token_for_itoh_bot_script"  # fits the settings' token pattern
CHAT = 5151
TURN_TIMEOUT = 20.0  # seconds for one update; everything is in memory, so this only catches a hang


class Call(Protocol):
    method: str
    params: dict[str, Any]
    response: Any
    status: int | None


class Shown(Protocol):
    message_id: int
    text: str

    def buttons(self) -> list[tuple[str, str | None]]: ...


class ChatDouble(Protocol):
    """What the driver needs of a request stand-in (InProcessBotApi has all of it)."""

    def text_update(self, chat_id: int, text: str, *, bot: Any) -> Update: ...
    def command_update(self, chat_id: int, command: str, *, bot: Any) -> Update: ...
    def callback_update(self, chat_id: int, message_id: int, data: str, *, bot: Any) -> Update: ...
    def calls(self, method: str | None = None) -> list[Any]: ...
    def messages(self, chat_id: int) -> list[Any]: ...
    def set_user_language(self, user_id: int, language_code: str) -> None: ...


def plain(label: str) -> str:
    """A button label without the ✅ mark and the "N. " number the renderer may add."""
    label = label.removeprefix("✅ ")
    head, dot, rest = label.partition(". ")
    return rest if dot and whole_number(head) is not None else label


class TelegramDriver:
    """One private chat with the real Application."""

    channel: Channel = "telegram"

    def __init__(self, engine: Engine, double_factory: Callable[[], Any] | None = None) -> None:
        self.engine = engine
        self.content = engine.content
        self.readers = TextReaders(engine.content)
        if double_factory is None:
            double_factory = partial(InProcessBotApi, TOKEN)  # one fake per script
        self.double_factory = double_factory
        self.double: ChatDouble | None = None
        self.app: Application[Any, ContextTypes.DEFAULT_TYPE, Any, Any, Any, Any] | None = None
        self.store: Any = None
        self.errors: list[BaseException] = []
        self.transitions: set[tuple[str, str]] = set()  # only the engine can see the flow
        self.locale = ""  # the conversation's language, as the replies show it

    async def start(self, language: str | None = None) -> TurnView:
        """/start from a person whose Telegram app is in `language` (None: the default)."""
        self.double = cast(ChatDouble, self.double_factory())
        self.locale = language or self.content.default_language
        self.double.set_user_language(CHAT, self.locale)  # a private chat: the chat id is the user's
        self.store = open_memory()
        # Built without reading the environment or .env: a developer's MODE=webhook or
        # STORE_URL must not change (or break) a replay.
        settings = Settings.model_construct(telegram_bot_token=SecretStr(TOKEN))
        self.app = build_application(settings, self.store, self.engine, request=cast(BaseRequest, self.double))
        self.app.add_error_handler(self._on_error)
        await self.app.initialize()
        return await self.command("start")

    async def say(self, text: str) -> TurnView:
        return await self._feed(self._double.text_update(CHAT, text, bot=self._app.bot), f"> {text}")

    async def command(self, name: str) -> TurnView:
        return await self._feed(self._double.command_update(CHAT, f"/{name}", bot=self._app.bot), f"> /{name}")

    async def press(self, label: str) -> TurnView:
        message = self._question()
        data = next((d for text, d in message.buttons() if d and norm(plain(text)) == norm(label)), None)
        if data is None:
            raise StepError(f"no button {label!r}; the buttons are {[plain(t) for t, _ in message.buttons()]}")
        update = self._double.callback_update(CHAT, message.message_id, data, bot=self._app.bot)
        return await self._feed(update, f"[press] {label}")

    async def select(self, labels: list[str]) -> TurnView:
        question = self._question()
        done = [plain(text) for text, data in question.buttons() if pressed_kind(data) == "done"]
        if not done:
            raise StepError("`select` is for questions with several answers; this question takes one")
        views = []
        for label in labels:
            views.append(await self.press(label))
            if not any(m.message_id == question.message_id and m.buttons() for m in self._messages()):
                break  # an exclusive option ("Not done") answered the question at once
        else:
            views.append(await self.press(done[0]))
        return merge_turns(views, f"[select] {', '.join(labels)}")

    async def read_summary(self, view: TurnView) -> TurnView:
        """Every section (/more) and the report for the doctor (/report: a PDF document),
        read as part of the first block's turn."""
        await ask_followups(view, self.command)
        reader = self.readers(self.locale)
        view.summary = reader.summary(view.text, red_flags=view.followups[-1].report_red_flags)
        return view

    async def close(self) -> None:
        if self.app is not None:
            await self.app.shutdown()
            self.app = None
        if self.store is not None:
            await self.store.close()
            self.store = None

    # ---------------------------------------------------------------------------------

    @property
    def _double(self) -> ChatDouble:
        assert self.double is not None, "start() first"
        return self.double

    @property
    def _app(self) -> Application[Any, ContextTypes.DEFAULT_TYPE, Any, Any, Any, Any]:
        assert self.app is not None, "start() first"
        return self.app

    def _messages(self) -> list[Shown]:
        return list(self._double.messages(CHAT))

    def _question(self) -> Shown:
        """The newest message that still has a keyboard: the one a person would press."""
        for message in reversed(self._messages()):
            if message.buttons():
                return message
        raise StepError("no message with buttons in the chat")

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.error is not None:
            self.errors.append(context.error)

    async def _feed(self, update: Update, shown: str) -> TurnView:
        before = len(self._double.calls())
        try:
            await asyncio.wait_for(self._app.process_update(update), TURN_TIMEOUT)
        except TimeoutError:
            raise StepError(f"the bot did not finish this update within {TURN_TIMEOUT:g} s") from None
        calls: list[Call] = self._double.calls()[before:]
        if self.errors:
            error = self.errors.pop()
            raise StepError(f"the bot failed handling this update: {type(error).__name__}: {error}")
        refused = [c for c in calls if c.status != 200]
        if refused:
            raise StepError(f"Telegram refused {refused[0].method}: {refused[0].response}")
        try:
            view = _view(shown, calls, self.locale, self.readers)
        except ImportError:
            raise StepError("reading the report for the doctor needs pypdf: pip install 'itoh-bot[test]'") from None
        self.locale = view.locale
        return view


def _view(shown: str, calls: list[Call], locale: str, readers: TextReaders) -> TurnView:
    """The turn as the person saw it: new messages, edits, and toasts, in call order, read
    in the conversation's language (`locale`, or the one /language switched to here)."""
    said = [(call.response or {}).get("text", "") for call in calls
            if call.method in ("sendMessage", "editMessageText") and isinstance(call.response, dict)]
    locale = language_switched(readers.content, "\n".join(said)) or locale
    reader = readers(locale)
    view = TurnView(shown, locale=locale)
    question: tuple[str, list[str]] | None = None
    for call in calls:
        keyboard = (call.params.get("reply_markup") or {}).get("inline_keyboard") or []
        labels = [plain(button["text"]) for row in keyboard for button in row]
        if call.method in ("sendMessage", "editMessageText"):
            text = call.response.get("text", "") if isinstance(call.response, dict) else ""
            marker = "" if call.method == "sendMessage" else "[edited] "
            view.said.append(marker + text + (f"\n[{' | '.join(labels)}]" if labels else ""))
            found = reader.question_at(text) if labels else None
            if found is not None:
                question = (found[0], labels)
            elif reader.disclaimer_text in text:
                question = None  # a summary after the question: no question is pending
        elif call.method == "answerCallbackQuery" and call.params.get("text"):
            view.said.append(f"[toast] {call.params['text']}")
        elif call.method == "sendDocument":
            document = call.params.get("document") or {}
            view.said.append(f"[document] {document.get('file_name')} {call.params.get('caption') or ''}".rstrip())
            if isinstance(document.get("data"), bytes):
                view.report = report_text(document["data"])
                view.report_red_flags = reader.red_flags_in_report(view.report)
    text = view.text
    view.warnings = reader.warnings(text)
    view.summary = reader.summary(text)
    view.ended = reader.ended(text)
    view.not_understood = reader.not_understood(text)
    if question is not None and not view.ended:
        view.question, view.buttons = question
    return view

