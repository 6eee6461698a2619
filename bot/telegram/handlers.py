"""PTB handlers: turn each Telegram update into a UserInput and run one chat turn.

Who calls it: python-telegram-bot's Application, for every message and button press in
a private chat (registered by bot/telegram/application.py), whether the update came by polling or
through a webhook worker (bot/telegram/worker.py). No ConversationHandler: the state is in the
session store, read and written on every update by `take_turn`, so any process can
serve any chat and concurrent updates are safe. Before the turn, the admission policy
(bot/telegram/admission.py: allow-list, per-user rate limit) may refuse the update.

Logs say what happened (update id, a salted hash of the chat, the kind of input, the
step reached, how many messages, latency) and never what was said: no message text,
no answers, no callback data.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import traceback
from collections.abc import Callable
from typing import Any

from telegram import Message, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.chat_turn import Clock, Turn, take_turn
from bot.storage import Storage
from bot.telegram.admission import Admission, Verdict
from bot.telegram.delivery import Delivery
from bot.telegram.render import parse_callback_data
from flows.dialogue import Engine
from flows.language import language_of_tag
from flows.messages import Reply, UserInput

log = logging.getLogger(__name__)

NOT_OUR_STEP = -1  # for callback data we did not make: no session step is negative, so it is stale
# A salt per process: chat ids in the logs cannot be matched to people, only to each other.
_SALT = os.urandom(16)

TurnObserver = Callable[[str, float], None]
"""Told each update's outcome and its handling time in seconds (the worker's /metrics)."""


def chat_key(chat_id: int) -> str:
    """The session-store key of a Telegram chat."""
    return f"tg:{chat_id}"


def chat_tag(chat_id: int) -> str:
    """A short salted hash of the chat id, for logs."""
    return hashlib.blake2b(str(chat_id).encode(), key=_SALT, digest_size=5).hexdigest()


def input_from_message(message: Message) -> UserInput:
    """Text is a command ("/back", "/start@bot payload") or an answer; the words written
    with a photo or file (its caption) are an answer too, the photo unseen; anything else
    is unsupported."""
    text = message.text
    if text is None:
        if not message.caption:
            return UserInput.unsupported()  # sticker, voice, location, a photo alone...
        # The day it was sent (UTC): "since March" is counted to it.
        return UserInput.captioned(message.caption).model_copy(update={"sent_on": message.date.date()})
    if text.startswith("/") and len(text) > 1:
        return UserInput.command(text[1:].split(maxsplit=1)[0].split("@")[0])
    return UserInput.typed(text).model_copy(update={"sent_on": message.date.date()})


def input_from_button(data: str | None) -> UserInput:
    parsed = parse_callback_data(data)
    return UserInput.button(*parsed) if parsed is not None else UserInput.button(NOT_OUR_STEP, "")


class ChatHandlers:
    """The bot's update handlers, bound to one session store and the engine they step with."""

    def __init__(
        self,
        store: Storage,
        engine: Engine,
        clock: Clock = time.time,
        *,
        admission: Admission | None = None,
        observer: TurnObserver | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.clock = clock
        self.admission = admission
        self.observer = observer

    def register(self, application: Application[Any, ContextTypes.DEFAULT_TYPE, Any, Any, Any, Any]) -> None:
        """Messages and presses in private chats only: a health conversation is one-to-one."""
        private = filters.ChatType.PRIVATE
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & private, self.on_message))
        application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, self.on_edit))
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_error_handler(self.on_error)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A message from the person: an answer, a command, or something unreadable."""
        assert update.message is not None
        user_input = input_from_message(update.message)
        delivery = Delivery(context.bot, update.message.chat_id, self.engine.content)
        await self._turn(update, update.message.chat_id, user_input, delivery)

    async def on_edit(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A message changed after it was sent: not read again (its answer stands), and the
        person is told how to change an answer."""
        assert update.edited_message is not None
        delivery = Delivery(context.bot, update.edited_message.chat_id, self.engine.content)
        await self._turn(update, update.edited_message.chat_id, UserInput.edited(), delivery)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on one of our inline buttons."""
        query = update.callback_query
        assert query is not None
        chat = update.effective_chat
        if chat is None or chat.type != chat.PRIVATE:
            await query.answer()
            return
        user_input = input_from_button(query.data)
        delivery = Delivery(context.bot, chat.id, self.engine.content, query=query, pressed_step=user_input.step)
        await self._turn(update, chat.id, user_input, delivery)

    async def _turn(self, update: Update, chat_id: int, user_input: UserInput, delivery: Delivery) -> None:
        started = time.perf_counter()
        user = update.effective_user
        if user is not None and user.language_code:
            # Telegram's app language chooses the language of a conversation not yet started.
            user_input = user_input.model_copy(update={"language": user.language_code})
        verdict: Verdict = "admitted"
        if self.admission is not None:
            verdict = await self.admission.check(self.store.counters, user.id if user is not None else None)
        if verdict == "admitted":
            turn = await take_turn(
                self.engine, self.store, chat_key(chat_id), user_input,
                update_id=update.update_id, deliver=delivery, clock=self.clock,
            )
        elif verdict == "ignored":
            turn = Turn("ignored")  # the rest of a flood: not processed, not answered
        else:
            content = self.engine.content
            locale = language_of_tag(user_input.language, content)
            turn = Turn(verdict, [Reply(kind="notice", code=verdict, text=content.message(verdict, locale))])
            await delivery(turn)
        elapsed = time.perf_counter() - started
        log.info(
            "update %d handled: chat=%s input=%s outcome=%s step=%s sent=%d edited=%d latency_ms=%.0f",
            update.update_id, chat_tag(chat_id), user_input.kind, turn.outcome, turn.step,
            delivery.sent, delivery.edited, elapsed * 1000,
        )
        if self.observer is not None:
            self.observer(turn.outcome, elapsed)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log a failed update by id, exception type and code location only.

        The exception's message and PTB's default report could quote the update (what
        the person typed), so neither is logged.
        """
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        where = "".join(traceback.format_tb(error.__traceback__)) if error is not None else ""
        log.error("update %s failed: %s\n%s", update_id, type(error).__name__, where.rstrip())
