"""End to end over real HTTP on 127.0.0.1: `itoh-bot run` in a subprocess, the FakeBotApi
playing Telegram, the seed 000 conversation driven by pressing buttons.

Polling and webhook mode; SIGTERM must stop the bot cleanly (exit 0); the logs, at
DEBUG, must hold neither the token nor anything the person said.
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi, free_port
from flows.content import get_content
from tests.telegram.bot_process import BotProcess, bot_env
from tests.telegram.chat_driver import WAIT, ChatDriver, seed_answers
from tests.telegram.harness import TOKEN, plain

pytestmark = pytest.mark.e2e
CHAT = 7001
SECRET = "webhook_secret-for_tests_42"


def check_summary(driver: ChatDriver) -> None:
    """The first block (issue 17) names ITOH first of the most likely causes and offers the
    sections as buttons; the disclaimer ends the summary."""
    content = get_content()
    texts = driver.texts()
    itoh = content.conditions["itoh"]
    first = driver.question()  # the first block: the last message with buttons
    causes = first.text.split(content.message("first_causes_title") + ":\n")[1]
    first_ranked = causes.splitlines()[0]
    assert first_ranked.startswith(f"• {content.text(itoh.name)}:"), first.text
    titles = [content.text(section.title) for section in content.guidance.summary_sections]
    offered = [plain(text) for text, _ in first.buttons()]
    assert offered[0] == titles[0] and offered[-1] == titles[-1], offered  # why these causes ... the report
    assert content.message("disclaimer") in texts[-1]
    assert all(len(t.encode("utf-16-le")) // 2 <= 4096 for t in texts)


def drive_seed_000(driver: ChatDriver, answers: list[str]) -> None:
    for answer in answers:
        driver.answer(answer)


def assert_quiet_logs(log: str) -> None:
    assert "handled" in log and "latency_ms=" in log
    for leak in (TOKEN, TOKEN.split(":")[1], SECRET, "third trimester", "Female", "|a:", "|t:"):
        assert leak not in log, f"{leak!r} leaked into the bot's log"
    assert "Traceback" not in log


def test_polling_seed_000_by_buttons_then_sigterm(fake: FakeBotApi, tmp_path: Path) -> None:
    bot = BotProcess(bot_env(fake, tmp_path / "sessions.sqlite3", LOG_LEVEL="DEBUG"), tmp_path)
    try:
        driver = ChatDriver(fake, CHAT)
        driver.start()
        assert [c["command"] for c in fake.commands()] == [
            "start", "help", "back", "restart", "change", "language", "forget"]
        drive_seed_000(driver, seed_answers())
        check_summary(driver)
        # No dead keyboards: every question answered with a button lost its keys (one answered
        # by typing keeps them, as Telegram leaves a message alone until the bot edits it). The
        # summary's first block keeps its section buttons: they work for as long as it is shown.
        keyed = [m.message_id for m in fake.messages(CHAT) if m.buttons() and m.message_id not in driver.typed_at]
        assert keyed == [driver.question().message_id], fake.format_transcript(CHAT)
        # A repeated delivery of the last press changes nothing and is not answered twice.
        last_press = max(u for u in range(1000, 1000 + len(fake.calls())) if _is_press(fake, u))
        since = len(fake.calls())
        fake.redeliver(last_press)
        asyncio.run(fake.assert_no_call("sendMessage", within=0.5, since=since))
        asyncio.run(fake.assert_no_call("answerCallbackQuery", within=0.0, since=since))
        assert last_press not in fake.pending_update_ids()  # it was fetched, and ignored
        assert bot.stop() == 0, bot.log
        assert "bot stopped" in bot.log
        assert_quiet_logs(bot.log)
    finally:
        bot.close()


def test_webhook_seed_000_and_secret_is_enforced(fake: FakeBotApi, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    env = bot_env(fake, tmp_path / "sessions.sqlite3", MODE="webhook", WEBHOOK_PORT=str(port),
                  WEBHOOK_URL=url, WEBHOOK_SECRET_TOKEN=SECRET, LOG_LEVEL="DEBUG")
    bot = BotProcess(env, tmp_path)
    try:
        asyncio.run(fake.wait_for_call("setWebhook", timeout=WAIT))
        assert fake.webhook_info() is not None and fake.webhook_info()["secret_token"] == SECRET  # type: ignore[index]
        driver = ChatDriver(fake, CHAT)
        driver.start()
        answers = seed_answers()
        drive_seed_000(driver, answers[:3])

        # A forged POST: wrong or missing secret gets 403 and changes nothing.
        question = driver.question()
        forged = fake.make_callback_update(CHAT, question.message_id, question.buttons()[0][1] or "")
        calls_before = len(fake.calls())
        assert asyncio.run(fake.post_to_webhook(forged, secret="wrong-secret")) == 403
        assert asyncio.run(fake.post_to_webhook(forged, secret=None)) == 403
        asyncio.run(fake.assert_no_call("answerCallbackQuery", within=0.3, since=calls_before))
        asyncio.run(fake.assert_no_call("sendMessage", within=0.0, since=calls_before))
        assert driver.question().message_id == question.message_id

        drive_seed_000(driver, answers[3:])
        check_summary(driver)
        assert bot.stop() == 0, bot.log
        assert_quiet_logs(bot.log)
    finally:
        bot.close()


def test_restart_after_sigkill_continues_the_same_conversation(fake: FakeBotApi, tmp_path: Path) -> None:
    env = bot_env(fake, tmp_path / "sessions.sqlite3")
    answers = seed_answers()
    half = len(answers) // 2
    first = BotProcess(env, tmp_path, "first")
    try:
        driver = ChatDriver(fake, CHAT)
        driver.start()
        drive_seed_000(driver, answers[:half])
        waiting = driver.question()
        first.kill()
    finally:
        first.close()

    second = BotProcess(env, tmp_path, "second")
    try:
        again = driver.command("/help")  # re-sends the current question
        assert again.response["text"] == waiting.text  # the very same question
        drive_seed_000(driver, answers[half:])
        check_summary(driver)
        content = get_content()
        # What was told is listed in the section "Why these causes", opened by its button.
        why = next(content.text(s.title) for s in content.guidance.summary_sections if s.id == "why")
        section = driver.open_section(why).response["text"]
        findings = section.split(content.message("findings_title") + ":")[1]
        pregnancy = content.options["pregnancy"]
        third = next(content.text(o.label) for o in pregnancy if "third" in content.text(o.label))
        assert third in findings and "Female" in findings  # answers from before the kill
        assert second.stop() == 0
    finally:
        second.close()


def _is_press(fake: FakeBotApi, update_id: int) -> bool:
    try:
        return "callback_query" in fake.update(update_id)
    except KeyError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stop_signal_during_a_long_poll_stops_promptly(fake: FakeBotApi, tmp_path: Path, sig: int) -> None:
    bot = BotProcess(bot_env(fake, tmp_path / "s.sqlite3"), tmp_path)
    try:
        deadline = time.monotonic() + WAIT
        while not fake.calls("getUpdates"):  # in flight: the long poll has begun
            assert time.monotonic() < deadline and bot.running(), bot.log
            time.sleep(0.02)
        time.sleep(0.2)
        started = time.monotonic()
        assert bot.stop(sig=sig) == 0, bot.log
        assert time.monotonic() - started < 5  # well under the 10 s long-poll timeout
    finally:
        bot.close()
