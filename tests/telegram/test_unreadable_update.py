"""One update python-telegram-bot cannot parse costs only itself (issue 14, item 1).

An older self-hosted Bot API server sends a poll without `persistent_id`, which PTB 22
refuses. Inside a getUpdates batch that used to fail the whole batch: PTB logged the raw
batch (other people's messages and names) at CRITICAL and fetched it again, about 1,200
times a second, served no one, and SIGTERM exited 1. Here `itoh-bot run` polls the fake
Bot API over HTTP and must serve both people, skip the poll, log only its update id and
stop with exit 0.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi
from tests.support.unreadable_update import poll_without_persistent_id
from tests.telegram.bot_process import BotProcess, bot_env
from tests.telegram.chat_driver import WAIT

pytestmark = pytest.mark.e2e
ALICE, BOB, POLLSTER = 7101, 7102, 7103
ALICE_TEXT = "alice-private-words-about-her-hip"
BOB_TEXT = "bob-private-words-about-his-hip"
POLL_QUESTION = "pollster-private-question"


def leaks(log: str) -> list[str]:
    private = (ALICE_TEXT, BOB_TEXT, POLL_QUESTION, f"User{ALICE}", f"User{BOB}", f"user{POLLSTER}")
    return [text for text in (*private, "Received data") if text in log]


@pytest.mark.parametrize("poison_at", [1, 2], ids=["between-two-messages", "last-in-the-batch"])
def test_an_unreadable_update_is_skipped_and_everyone_else_served(
    fake: FakeBotApi, tmp_path: Path, poison_at: int
) -> None:
    batch = [fake.make_text_update(chat, text) for chat, text in ((ALICE, ALICE_TEXT), (BOB, BOB_TEXT))]
    batch.insert(poison_at, poll_without_persistent_id(fake.make_text_update(POLLSTER, POLL_QUESTION)))
    for update_id, update in enumerate(batch, start=batch[0]["update_id"]):  # increasing, as Telegram's
        update["update_id"] = update_id
    ids = [fake.push_raw_update(update) for update in batch]  # queued before the bot polls: one batch
    poison = ids[poison_at]
    bot = BotProcess(bot_env(fake, tmp_path / "sessions.sqlite3", LOG_LEVEL="DEBUG"), tmp_path)
    try:
        for chat in (ALICE, BOB):
            asyncio.run(fake.wait_for_bot_message(chat, timeout=WAIT))
        deadline = time.monotonic() + WAIT
        while fake.pending_update_ids() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert fake.pending_update_ids() == [], "the unreadable update was not confirmed (offset not advanced)"
        polls_before = len(fake.calls("getUpdates"))
        time.sleep(1.0)
        assert len(fake.calls("getUpdates")) - polls_before < 5, "polling spins instead of long-polling"
        assert bot.stop() == 0, bot.log[-3000:]
        log = bot.log
        assert log.count(f"update {poison} skipped") == 1, log[-3000:]
        assert leaks(log) == [], log[-3000:]
        assert len(log) < 50_000, f"{len(log)} bytes of log"
        assert "Traceback" not in log, log[-3000:]
    finally:
        bot.close()
