"""Redis stops in the middle of a conversation, then comes back.

While it is down the worker stays up, says /healthz 503 and `itoh_store_up 0`, and
the person's message gets the short "temporarily unavailable" reply. When Redis is
back (restarted on the same port with its data), /healthz is 200 again and the
conversation carries on from where it was, to the right summary.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi
from bot.redis_server import RedisServer
from flows.content import get_content
from tests.scale.workers import WorkerProcess, set_webhook, worker_env
from tests.telegram.chat_driver import WAIT, ChatDriver, seed_answers
from tests.telegram.test_e2e import check_summary

pytestmark = [pytest.mark.e2e, pytest.mark.redis]
CHAT = 9601


@pytest.fixture
def worker(fake: FakeBotApi, own_redis: RedisServer, tmp_path: Path) -> Iterator[WorkerProcess]:
    process = WorkerProcess(worker_env(fake, own_redis.url, "http://127.0.0.1:1/telegram/hook"), tmp_path, "worker")
    try:
        process.wait_health(200)
        # Straight to the one worker: Telegram -> worker, no balancer.
        env = worker_env(fake, own_redis.url, process.hook_url)
        assert "webhook set" in set_webhook(env, tmp_path)
        yield process
    finally:
        process.close()


def test_redis_stops_mid_conversation_and_comes_back(fake: FakeBotApi, own_redis: RedisServer,
                                                     worker: WorkerProcess) -> None:
    content = get_content()
    driver = ChatDriver(fake, CHAT)
    answers = seed_answers()
    driver.start()
    for answer in answers[:4]:  # pressed: the question waiting is a message of its own
        driver.answer(answer)
    waiting = driver.question()

    own_redis.stop(save=True)
    worker.wait_health(503)
    assert "itoh_store_up 0" in worker.metrics()
    since = len(fake.calls())
    fake.user_sends_text(CHAT, answers[4])
    unavailable = content.message("unavailable")
    asyncio.run(fake.wait_for_bot_message(CHAT, unavailable, timeout=WAIT))
    assert [c.params["text"] for c in fake.calls("sendMessage")[-1:]] == [unavailable]
    assert len(fake.calls()) - since == 1  # just that reply: nothing else was attempted
    assert worker.running() and worker.healthz() == 503

    own_redis.start()  # same port, same data
    worker.wait_health(200)
    again = driver.command("/help")  # the person asks where they were: the same question
    assert again.response["text"] == waiting.text
    for answer in answers[4:]:
        driver.answer(answer)
    check_summary(driver)
    # What was told is listed in the section "Why these causes", opened by its button.
    why = next(content.text(s.title) for s in content.guidance.summary_sections if s.id == "why")
    findings = driver.open_section(why).response["text"].split(content.message("findings_title") + ":")[1]
    assert "Female" in findings  # answered before the outage
    assert "itoh_store_up 1" in worker.metrics()
    assert worker.stop() == 0, worker.log
    assert "session store unavailable" in worker.log and "Traceback" not in worker.log
