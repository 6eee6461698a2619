"""Proves bot.fake_telegram's HTTP server works with the REAL python-telegram-bot stack.

A trivial echo bot (text -> "echo: <text>" with Yes/No buttons; button -> answer + edit) is
run against the fake server through PTB's default HTTPXRequest, in polling and in webhook
mode. All traffic stays on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import json
import select
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.fake_telegram import FakeBotApi, WaitTimeout, buttons, free_port

REPO = Path(__file__).resolve().parents[1]
CHAT = 4242
TEST_TIMEOUT = 30  # hard ceiling for any single async test body, in seconds
_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


# ---------------------------------------------------------------- the bot under test
async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Text handler: echo with two buttons; remembers which update ids it handled."""
    assert update.message is not None and update.message.text is not None
    context.bot_data.setdefault("seen", []).append(update.update_id)
    row = [
        InlineKeyboardButton("Yes", callback_data="yes"),
        InlineKeyboardButton("No", callback_data="no"),
    ]
    keyboard = InlineKeyboardMarkup([row])
    await update.message.reply_text(f"echo: {update.message.text}", reply_markup=keyboard)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Button handler: answer the query, then edit the message (which drops the keyboard)."""
    query = update.callback_query
    assert query is not None
    await query.answer(f"got {query.data}")
    await query.edit_message_text(f"you chose {query.data}")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_text(f"started with {context.args}")


def build_app(fake: FakeBotApi) -> Application:
    """The exact wiring a test uses: token + base_url pointing at the fake server."""
    app = (
        Application.builder()
        .token(str(fake.token))
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(on_button))
    return app


@asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    """Run ``app`` with long polling for the duration of the block, then stop it cleanly."""
    async with app:  # initialize() ... shutdown()
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=2, poll_interval=0)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


@asynccontextmanager
async def webhook(app: Application, port: int, secret: str) -> AsyncIterator[str]:
    """Run ``app`` with PTB's own webhook server on 127.0.0.1:port; yields the webhook URL."""
    url = f"http://127.0.0.1:{port}/tg-hook"
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="tg-hook",
            webhook_url=url,
            secret_token=secret,
        )
        try:
            yield url
        finally:
            await app.updater.stop()
            await app.stop()


# ---------------------------------------------------------------- fixtures
@pytest.fixture(autouse=True)
def _ptb_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx (inside PTB) honours proxy env vars; a proxy would take 127.0.0.1 traffic elsewhere.
    for var in _PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    # PTB 22.8 raises a PTBDeprecationWarning every time it *builds* a RetryAfter (429) unless
    # this opt-in is set; opting in (retry_after becomes a timedelta) is the fix.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi(token="123:ABC") as server:
        yield server


# ---------------------------------------------------------------- PTB end to end: polling
async def test_text_round_trip_with_polling(fake: FakeBotApi) -> None:
    async with asyncio.timeout(TEST_TIMEOUT), polling(build_app(fake)):
        update_id = fake.user_sends_text(CHAT, "hip hurts")
        msg = await fake.wait_for_bot_message(CHAT, "echo: hip hurts", timeout=10)

    assert msg.message_id == 2  # user message was 1: ids are shared per chat like Telegram
    assert buttons(msg) == [("Yes", "yes"), ("No", "no")]
    send = fake.calls("sendMessage")[-1]
    # PTB's HTTPXRequest sends form fields; complex values arrive as JSON text and are decoded.
    assert send.content_type.startswith("application/x-www-form-urlencoded")
    assert send.params["chat_id"] == CHAT
    assert send.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert fake.calls()[0].method == "getMe"
    # The updater confirmed the update (offset) when it stopped: nothing left pending.
    assert update_id not in fake.pending_update_ids()
    assert any(c.params.get("offset") == update_id + 1 for c in fake.calls("getUpdates"))


async def test_button_press_is_answered_and_message_edited_in_place(fake: FakeBotApi) -> None:
    async with asyncio.timeout(TEST_TIMEOUT), polling(build_app(fake)):
        fake.user_sends_text(CHAT, "hello")
        msg = await fake.wait_for_bot_message(CHAT, "echo: hello")
        press = fake.user_presses_button(CHAT, msg.message_id, "yes")
        answer = await fake.wait_for_callback_answer(press)
        edited = await fake.wait_for_bot_message(CHAT, "you chose yes")

    assert answer["text"] == "got yes"
    assert answer["callback_query_id"] == fake.callback_query_id(press)
    assert edited.message_id == msg.message_id  # edited in place, not a new message
    assert edited.history == ["echo: hello"]
    assert edited.edit_date is not None
    # editMessageText without reply_markup drops the keyboard, as on real Telegram.
    assert edited.buttons() == []
    assert [m.text for m in fake.messages(CHAT)] == ["you chose yes"]
    with pytest.raises(ValueError, match="no button"):
        fake.user_presses_button(CHAT, msg.message_id, "yes")  # keyboard is gone now


async def test_command_carries_bot_command_entity(fake: FakeBotApi) -> None:
    async with asyncio.timeout(TEST_TIMEOUT), polling(build_app(fake)):
        fake.user_sends_command(CHAT, "/start deep-link")
        msg = await fake.wait_for_bot_message(CHAT, "started with")
    assert msg.text == "started with ['deep-link']"


async def test_duplicate_update_is_delivered_and_handled_twice(fake: FakeBotApi) -> None:
    app = build_app(fake)
    async with asyncio.timeout(TEST_TIMEOUT), polling(app):
        update_id = fake.user_sends_text(CHAT, "once")
        first = await fake.wait_for_bot_message(CHAT, "echo: once")
        assert fake.redeliver(update_id) == update_id
        second = await fake.wait_for_bot_message(
            CHAT, "echo: once", newer_than=first.message_id
        )
        # The redelivered copy is confirmed by the next poll and not served a third time.
        await fake.assert_no_call(
            "sendMessage", lambda c: c.params["text"] == "echo: once", within=0.3,
            since=fake.calls("sendMessage")[-1].index + 1,
        )  # fmt: skip

    # PTB itself does not de-duplicate: the bot must be idempotent per update_id.
    assert app.bot_data["seen"] == [update_id, update_id]
    assert second.message_id > first.message_id


async def test_photo_and_sticker_updates_parse_in_ptb(fake: FakeBotApi) -> None:
    app = build_app(fake)
    got: list[str] = []

    async def media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        kind = "photo" if update.message.photo else "sticker"
        got.append(kind)
        await update.message.reply_text(f"no {kind}s please")

    app.add_handler(MessageHandler(filters.PHOTO | filters.Sticker.ALL, media))
    async with asyncio.timeout(TEST_TIMEOUT), polling(app):
        fake.user_sends_photo(CHAT, caption="x-ray")
        await fake.wait_for_bot_message(CHAT, "no photos")
        fake.user_sends_sticker(CHAT)
        await fake.wait_for_bot_message(CHAT, "no stickers")
    assert got == ["photo", "sticker"]


# ---------------------------------------------------------------- PTB end to end: webhook
async def test_webhook_mode_with_correct_secret(fake: FakeBotApi) -> None:
    port = free_port()
    async with asyncio.timeout(TEST_TIMEOUT), webhook(build_app(fake), port, "s3cret") as url:
        info = fake.webhook_info()
        assert info is not None
        assert (info["url"], info["secret_token"]) == (url, "s3cret")

        # Queued updates are pushed by the fake's delivery thread with the registered secret.
        pushed = fake.user_sends_text(CHAT, "via webhook")
        delivery = await fake.wait_for_delivery(pushed)
        assert delivery.status == 200
        await fake.wait_for_bot_message(CHAT, "echo: via webhook")

        # A direct POST with the right secret is accepted and handled too.
        direct = fake.make_text_update(CHAT, "direct post")
        assert await fake.post_to_webhook(direct) == 200
        await fake.wait_for_bot_message(CHAT, "echo: direct post")

        # While a webhook is set, getUpdates is refused like on Telegram.
        async with httpx.AsyncClient(trust_env=False) as client:
            resp = await client.post(f"{fake.base_url}{fake.token}/getUpdates")
        assert resp.status_code == 409
        assert resp.json()["ok"] is False


async def test_webhook_rejects_wrong_or_missing_secret(fake: FakeBotApi) -> None:
    port = free_port()
    async with asyncio.timeout(TEST_TIMEOUT), webhook(build_app(fake), port, "s3cret"):
        wrong = fake.make_text_update(CHAT, "wrong secret")
        missing = fake.make_text_update(CHAT, "missing secret")
        assert await fake.post_to_webhook(wrong, secret="not-it") == 403
        assert await fake.post_to_webhook(missing, secret=None) == 403
        # PTB also insists on exactly "application/json".
        assert await fake.post_to_webhook(
            fake.make_text_update(CHAT, "bad type"), content_type="application/json; charset=utf-8"
        ) == 403
        await fake.assert_no_call(
            "sendMessage", lambda c: "secret" in c.params["text"] or "type" in c.params["text"]
        )
        # ...while the right secret still works on the same server.
        assert await fake.post_to_webhook(fake.make_text_update(CHAT, "right")) == 200
        await fake.wait_for_bot_message(CHAT, "echo: right")


async def test_back_to_polling_after_webhook(fake: FakeBotApi) -> None:
    """Switching modes: start_polling's bootstrap deleteWebhook re-enables getUpdates."""
    port = free_port()
    async with asyncio.timeout(TEST_TIMEOUT):
        async with webhook(build_app(fake), port, "s3cret"):
            pass
        assert fake.webhook_info() is not None
        fake.user_sends_text(CHAT, "queued while switching")
        async with polling(build_app(fake)):
            await fake.wait_for_bot_message(CHAT, "echo: queued while switching")
        assert fake.webhook_info() is None


# ---------------------------------------------------------------- Bot API fidelity
async def test_fault_injection_reaches_ptb_as_real_errors(fake: FakeBotApi) -> None:
    async with asyncio.timeout(TEST_TIMEOUT), Bot("123:ABC", base_url=fake.base_url) as bot:
        fake.fail_next("sendMessage", status=429, retry_after=3)
        with pytest.raises(RetryAfter) as exc:
            await bot.send_message(CHAT, "x")
        assert exc.value.retry_after.total_seconds() == 3  # type: ignore[union-attr]

        fake.fail_next("sendMessage", status=500, times=2)
        for _ in range(2):
            with pytest.raises(NetworkError, match=r"(?i)internal server error"):
                await bot.send_message(CHAT, "x")
        ok = await bot.send_message(CHAT, "third time lucky")
        assert ok.text == "third time lucky"

        fake.delay_next("sendChatAction", 0.4)
        started = time.monotonic()
        assert await bot.send_chat_action(CHAT, "typing") is True
        assert time.monotonic() - started >= 0.35

    faults = [c.fault for c in fake.calls("sendMessage")]
    assert faults == ["fail 429", "fail 500", "fail 500", None]
    assert [m.text for m in fake.messages(CHAT)] == ["third time lucky"]


async def test_telegram_errors_and_commands(fake: FakeBotApi) -> None:
    async with asyncio.timeout(TEST_TIMEOUT), Bot("123:ABC", base_url=fake.base_url) as bot:
        me = await bot.get_me()
        assert (me.id, me.is_bot, me.username) == (123, True, "itoh_test_bot")

        # HTML parse mode is validated like Telegram: a bare "<" kills the whole message.
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(CHAT, "pain < 6 weeks", parse_mode=ParseMode.HTML)
        with pytest.raises(BadRequest, match=r'(?i)unsupported start tag "br"'):
            await bot.send_message(CHAT, "a<br>b", parse_mode=ParseMode.HTML)
        sent = await bot.send_message(CHAT, "<b>ITOH</b> &lt;6 wk", parse_mode=ParseMode.HTML)
        assert sent.text == "ITOH <6 wk"
        last = fake.last_message(CHAT)
        assert last is not None and last.raw_text == "<b>ITOH</b> &lt;6 wk"

        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_text("ITOH <6 wk", chat_id=CHAT, message_id=sent.message_id)
        with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=CHAT, message_id=999)
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(
                CHAT, "x", reply_markup=InlineKeyboardMarkup(
                    [[InlineKeyboardButton("b", callback_data="d" * 65)]]
                ),
            )  # fmt: skip
        with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
            await bot.send_message(CHAT, "   ")

        markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
        edited = await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=markup)
        assert isinstance(edited, type(sent)) and buttons(edited.to_dict()) == [("A", "a")]

        commands = [BotCommand("start", "Begin the assessment"), BotCommand("help", "Help")]
        assert await bot.set_my_commands(commands) is True
        assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
        assert fake.commands()[0] == {"command": "start", "description": "Begin the assessment"}
        assert await bot.delete_my_commands() is True
        assert await bot.get_my_commands() == ()

        info = await bot.get_webhook_info()
        assert info.url == "" and info.pending_update_count == 0



async def test_wrong_token_is_invalid_token(fake: FakeBotApi) -> None:
    bot = Bot("999:WRONG", base_url=fake.base_url)
    async with asyncio.timeout(TEST_TIMEOUT):
        with pytest.raises(InvalidToken):
            await bot.initialize()  # getMe -> 401 Unauthorized
        await bot.shutdown()


# ---------------------------------------------------------------- raw HTTP (no PTB)
def test_unknown_method_gets_telegram_style_404(fake: FakeBotApi) -> None:
    with httpx.Client(trust_env=False, timeout=5) as client:
        resp = client.post(f"{fake.base_url}{fake.token}/sendPigeon", data={"chat_id": "1"})
    assert resp.status_code == 404
    assert resp.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }
    assert fake.calls("sendPigeon")[0].status == 404


def test_json_bodies_get_and_case_insensitive_methods(fake: FakeBotApi) -> None:
    root = f"{fake.base_url}{fake.token}"
    with httpx.Client(trust_env=False, timeout=5) as client:
        markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
        first = client.post(
            f"{root}/sendMessage", json={"chat_id": 7, "text": "1", "reply_markup": markup}
        )
        second = client.get(f"{root}/SENDMESSAGE", params={"chat_id": "7", "text": "123"})
        other = client.post(f"{root}/sendMessage", data={"chat_id": "8", "text": "x"})
    assert first.json()["result"]["reply_markup"] == markup
    assert first.json()["result"]["from"]["is_bot"] is True
    assert [first.json()["result"]["message_id"], second.json()["result"]["message_id"]] == [1, 2]
    assert other.json()["result"]["message_id"] == 1  # message ids are per chat
    # A text that looks like JSON stays a string; chat_id is decoded to an int.
    assert second.json()["result"]["text"] == "123"
    assert fake.calls("sendMessage")[1].params == {"chat_id": 7, "text": "123"}
    assert fake.calls("sendMessage")[1].http_method == "GET"


def test_multipart_fields_are_decoded(fake: FakeBotApi) -> None:
    with httpx.Client(trust_env=False, timeout=5) as client:
        resp = client.post(
            f"{fake.base_url}{fake.token}/sendMessage",
            data={"chat_id": "5", "text": "with file", "disable_notification": "true"},
            files={"document": ("scan.txt", b"abc", "text/plain")},
        )
    assert resp.status_code == 200
    call = fake.calls("sendMessage")[0]
    assert call.content_type.startswith("multipart/form-data")
    # A file part is decoded too, with its name and bytes (sendDocument reads it).
    assert call.params == {"chat_id": 5, "text": "with file", "disable_notification": True,
                           "document": {"file_name": "scan.txt", "size": 3, "data": b"abc"}}
    assert call.files == {"document": 3}


def test_get_updates_long_poll_offset_and_waits_from_sync_code(fake: FakeBotApi) -> None:
    url = f"{fake.base_url}{fake.token}/getUpdates"
    with httpx.Client(trust_env=False, timeout=10) as client:
        started = time.monotonic()
        assert client.post(url, data={"timeout": "1"}).json() == {"ok": True, "result": []}
        assert 0.9 <= time.monotonic() - started < 3  # honoured the timeout

        # An update arriving mid-poll ends the poll early.
        timer = threading.Timer(0.3, fake.user_sends_text, args=(CHAT, "late"))
        timer.start()
        started = time.monotonic()
        result = client.post(url, data={"timeout": "5"}).json()["result"]
        timer.join()
        assert time.monotonic() - started < 3
        assert result[0]["message"]["text"] == "late"
        first_id = result[0]["update_id"]

        # Not confirmed yet (offset not advanced): served again, then confirmed by offset.
        second = fake.user_sends_text(CHAT, "second")
        again = client.post(url, data={"timeout": "0"}).json()["result"]
        assert [u["update_id"] for u in again] == [first_id, second]
        left = client.post(url, data={"timeout": "0", "offset": str(first_id + 1)}).json()
        assert [u["update_id"] for u in left["result"]] == [second]
        client.post(url, data={"timeout": "0", "offset": str(second + 1)})
        assert fake.pending_update_ids() == []

    call = asyncio.run(fake.wait_for_call("getUpdates", lambda c: c.params.get("offset") == second + 1))
    assert call.status == 200
    with pytest.raises(WaitTimeout, match="no completed sendMessage"):
        asyncio.run(fake.wait_for_call("sendMessage", timeout=0.2))


async def test_sync_waits_refuse_to_block_a_running_loop(fake: FakeBotApi) -> None:
    # The waits are async only; run to completion from code inside a loop they would freeze PTB.
    wait = fake.wait_for_call("getMe", timeout=0.1)
    with pytest.raises(RuntimeError, match="running event loop"):
        asyncio.run(wait)
    wait.close()


def test_server_restarts_fast_and_releases_port() -> None:
    started = time.monotonic()
    for _ in range(3):
        with FakeBotApi() as server, httpx.Client(trust_env=False, timeout=5) as client:
            assert client.get(f"{server.base_url}{server.token}/getMe").json()["ok"] is True
    assert time.monotonic() - started < 5


def test_module_runs_as_a_script() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.fake_telegram", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        # Bounded: never block forever on a child that failed to start.
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        assert ready, "bot.fake_telegram did not print its base URL within 15 s"
        line = proc.stdout.readline()  # the base URL is printed first, flushed
        assert line.startswith("fake Bot API base URL: http://127.0.0.1:")
        base_url = line.split(": ", 1)[1].strip()
        with httpx.Client(trust_env=False, timeout=5) as client:
            me = client.get(f"{base_url}123:ABC/getMe").json()
            pushed = client.post(
                base_url.removesuffix("/bot") + "/_fake/text", json={"chat_id": 1, "text": "hi"}
            ).json()
        assert me["result"]["is_bot"] is True
        assert pushed["update_id"] >= 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()


def test_a_lone_surrogate_is_answered_as_a_json_escape(fake: FakeBotApi) -> None:
    # JSON may carry half of a surrogate pair ("\ud83d"); the fake must answer it, not crash.
    fake.user_sends_text(CHAT, "half \ud83d of an emoji")
    root = f"{fake.base_url}{fake.token}"
    with httpx.Client(trust_env=False, timeout=5) as client:
        body = json.dumps({"chat_id": 7, "text": "x\ud800y"})  # ASCII, the surrogate as an escape
        sent = client.post(f"{root}/sendMessage", content=body, headers={"Content-Type": "application/json"})
        updates = client.post(f"{root}/getUpdates", json={"timeout": 0})
    assert sent.status_code == 200 and sent.json()["result"]["text"] == "x\ud800y"
    assert updates.status_code == 200
    assert updates.json()["result"][0]["message"]["text"] == "half \ud83d of an emoji"
