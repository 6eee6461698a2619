"""Proves bot.fake_telegram.InProcessBotApi drives the REAL PTB Application with no sockets."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.fake_telegram import InProcessBotApi

CHAT = 77
TEST_TIMEOUT = 20


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo with Yes/No buttons."""
    assert update.message is not None and update.message.text is not None
    keyboard = InlineKeyboardMarkup(
        [[InlineKeyboardButton("Yes", callback_data="yes")],
         [InlineKeyboardButton("No", callback_data="no")]]
    )  # fmt: skip
    await update.message.reply_text(f"echo: {update.message.text}", reply_markup=keyboard)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the press, then replace text and keep a single 'Again' button."""
    query = update.callback_query
    assert query is not None and query.message is not None
    await query.answer("noted")
    again = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again")]])
    await query.edit_message_text(f"you chose {query.data}", reply_markup=again)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await context.bot.send_chat_action(update.message.chat_id, "typing")
    await update.message.reply_html(f"<b>Welcome</b> {context.args}")


async def media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    kind = "photo" if update.message.photo else "sticker"
    await update.message.reply_text(f"got a {kind}")


@pytest.fixture(autouse=True)
def _ptb_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Opt in to PTB's timedelta retry_after; otherwise every RetryAfter warns (-> error here).
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
def rec() -> InProcessBotApi:
    return InProcessBotApi(token="123:ABC")


@pytest.fixture
async def app(rec: InProcessBotApi) -> AsyncIterator[Application]:
    application = (
        Application.builder()
        .token(rec.token or "123:ABC")
        .request(rec)
        .get_updates_request(rec)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.PHOTO | filters.Sticker.ALL, media))
    application.add_handler(CallbackQueryHandler(on_button))
    # Every call is answered in memory, so nothing here can block; only the polling test
    # waits, and it bounds itself.
    async with application:
        yield application


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test loudly."""

    def refuse(self: socket.socket, *args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


async def test_text_round_trip_in_process(
    rec: InProcessBotApi, app: Application, no_network: None
) -> None:
    assert rec.calls()[0].method == "getMe"  # from app.initialize()
    await app.process_update(rec.text_update(CHAT, "knee or hip?", bot=app.bot))

    msg = rec.last_message(CHAT)
    assert msg is not None and msg.text == "echo: knee or hip?"
    assert msg.buttons() == [("Yes", "yes"), ("No", "no")]
    call = rec.calls("sendMessage")[-1]
    assert call.params["chat_id"] == CHAT
    assert call.params["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "yes"}],
            [{"text": "No", "callback_data": "no"}],
        ]
    }
    assert call.status == 200 and call.response["message_id"] == msg.message_id


async def test_button_press_in_process(rec: InProcessBotApi, app: Application) -> None:
    await app.process_update(rec.text_update(CHAT, "hello", bot=app.bot))
    shown = rec.last_message(CHAT)
    assert shown is not None

    press = rec.callback_update(CHAT, shown.message_id, "no", bot=app.bot)
    assert press.callback_query is not None and press.callback_query.message is not None
    assert press.callback_query.message.text == "echo: hello"  # the message it was pressed on
    await app.process_update(press)

    answer = rec.calls("answerCallbackQuery")[-1].params
    assert answer == {"callback_query_id": press.callback_query.id, "text": "noted"}
    edited = rec.last_message(CHAT)
    assert edited is not None
    assert (edited.message_id, edited.text) == (shown.message_id, "you chose no")
    assert edited.buttons() == [("Again", "again")]

    # Pressing a button that is no longer on screen is refused unless forced.
    with pytest.raises(ValueError, match="no button"):
        rec.callback_update(CHAT, shown.message_id, "yes", bot=app.bot)
    stale = rec.callback_update(CHAT, shown.message_id, "yes", bot=app.bot, check=False)
    await app.process_update(stale)
    assert rec.last_message(CHAT).text == "you chose yes"  # type: ignore[union-attr]


async def test_command_photo_sticker_in_process(rec: InProcessBotApi, app: Application) -> None:
    await app.process_update(rec.command_update(CHAT, "/start abc", bot=app.bot))
    await app.process_update(rec.photo_update(CHAT, caption="mri", bot=app.bot))
    await app.process_update(rec.sticker_update(CHAT, bot=app.bot))

    assert [m.text for m in rec.messages(CHAT)] == [
        "Welcome ['abc']",  # HTML tags stripped, as Telegram shows it
        "got a photo",
        "got a sticker",
    ]
    assert rec.messages(CHAT)[0].raw_text == "<b>Welcome</b> ['abc']"
    assert rec.calls("sendChatAction")[0].params == {"chat_id": CHAT, "action": "typing"}
    assert [e.sender for e in rec.transcript(CHAT)] == ["user", "bot"] * 3


async def test_failures_surface_as_ptb_errors(rec: InProcessBotApi, app: Application) -> None:
    rec.fail_next("sendMessage", status=429, retry_after=2)
    with pytest.raises(RetryAfter) as exc:
        await app.bot.send_message(CHAT, "x")
    assert exc.value.retry_after.total_seconds() == 2  # type: ignore[union-attr]

    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await app.bot.send_message(CHAT, "pain <6 weeks", parse_mode="HTML")
    assert rec.messages(CHAT) == []
    assert [c.status for c in rec.calls("sendMessage")] == [429, 400]


async def test_polling_works_in_process(rec: InProcessBotApi, app: Application) -> None:
    async with asyncio.timeout(TEST_TIMEOUT):
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=1, poll_interval=0)
        try:
            update_id = rec.user_sends_text(CHAT, "polled")
            await rec.wait_for_bot_message(CHAT, "echo: polled", timeout=5)
        finally:
            await app.updater.stop()
            await app.stop()
    assert rec.pending_update_ids() == []
    assert rec.calls("getUpdates")[-1].params["offset"] == update_id + 1
    assert rec.initialize_count == 2  # same object serves both request roles
