"""The worker's HTTP surface in process: secret, body checks, /healthz, /metrics, and
the admission rules (allow-list, per-user rate limit shared through Redis).

The worker app from `bot.telegram.worker.create_app` is called through httpx's ASGI transport;
its Application is the real one from `build_application`, talking to the socket-free
InProcessBotApi, so every Bot API call can be counted.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bot.fake_telegram import InProcessBotApi
from bot.settings import Settings
from bot.storage import Storage, open_memory
from bot.storage.redis import open_redis
from bot.telegram.admission import Admission
from bot.telegram.application import build_application
from bot.telegram.metrics import Metrics
from bot.telegram.worker import SECRET_HEADER, create_app
from flows.content import get_content
from flows.dialogue import get_engine
from tests.scale.workers import HOOK_PATH, SECRET
from tests.support.unreadable_update import poll_without_persistent_id
from tests.telegram.harness import TOKEN

ENGINE = get_engine()

CHAT = 9301
# Prometheus text format: comments, or `name{labels} value`.
SAMPLE = re.compile(r'^[a-z_]+(\{[a-z_]+="[^"]*"\})? -?[0-9.e+]+$')


def worker_settings(**values: Any) -> Settings:
    return Settings(telegram_bot_token=TOKEN, webhook_url="http://127.0.0.1:1" + HOOK_PATH,  # type: ignore[call-arg]
                    webhook_secret_token=SECRET, _env_file=None, **values)


@dataclass
class Worker:
    client: httpx.AsyncClient
    rec: InProcessBotApi
    metrics: Metrics
    store: Storage

    async def post(self, update: dict[str, Any], secret: str | None = SECRET, **kw: Any) -> int:
        headers = {} if secret is None else {SECRET_HEADER: secret}
        response = await self.client.post(HOOK_PATH, json=update, headers=headers, **kw)
        return response.status_code

    def sent(self, chat: int = CHAT) -> list[str]:
        return [c.params["text"] for c in self.rec.calls("sendMessage") if c.params["chat_id"] == chat]


@asynccontextmanager
async def worker(store: Storage, rec: InProcessBotApi | None = None, **values: Any) -> AsyncIterator[Worker]:
    rec = rec or InProcessBotApi(token=TOKEN)
    settings = worker_settings(**values)
    metrics = Metrics()
    application = build_application(settings, store, ENGINE, request=rec, admission=Admission.from_settings(settings),
                                    observer=metrics.observe_turn, polling=False)
    app = create_app(application, store, settings, metrics)
    async with application, httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://w") as client:
        yield Worker(client, rec, metrics, store)


@pytest.fixture
async def store() -> AsyncIterator[Storage]:
    memory = open_memory()
    yield memory
    await memory.close()


async def test_wrong_or_missing_secret_is_403_and_nothing_is_processed(store: Storage) -> None:
    async with worker(store) as w:
        start = w.rec.make_command_update(CHAT, "/start")
        assert await w.post(start, secret="wrong-secret") == 403
        assert await w.post(start, secret=None) == 403
        assert await w.post(start, secret=SECRET + "x") == 403
        assert w.rec.calls("sendMessage") == [] and await store.health.count_sessions() == 0
        assert w.metrics.rejected == 3 and w.metrics.updates == 0
        assert await w.post(start) == 200  # the same update with the right secret
        assert w.sent()[0] == get_content().message("welcome") and await store.health.count_sessions() == 1


async def test_bodies_that_are_not_updates_are_400(store: Storage) -> None:
    async with worker(store) as w:
        headers = {SECRET_HEADER: SECRET, "content-type": "application/json"}
        for body in (b"not json", b"[1, 2]", b'{"no_update_id": 1}'):
            assert (await w.client.post(HOOK_PATH, content=body, headers=headers)).status_code == 400
        big = b'{"update_id": 1, "x": "' + b"y" * 1_100_000 + b'"}'
        assert (await w.client.post(HOOK_PATH, content=big, headers=headers)).status_code == 413
        assert (await w.client.get(HOOK_PATH)).status_code == 405
        assert w.rec.calls("sendMessage") == [] and w.metrics.rejected == 4


async def test_an_update_ptb_cannot_parse_is_skipped_counted_and_logged_by_id_only(
    store: Storage, caplog: pytest.LogCaptureFixture
) -> None:
    async with worker(store) as w:
        poll = poll_without_persistent_id(w.rec.make_text_update(CHAT + 1, "pollster-private-question"))
        poll["update_id"] = 4321  # not one the recording fake would give
        assert await w.post(poll) == 200  # answered: Telegram must not deliver it again and again
        assert await w.post(w.rec.make_command_update(CHAT, "/start")) == 200
        assert w.sent()[0] == get_content().message("welcome")
        metrics = (await w.client.get("/metrics")).text
        assert "itoh_updates_unreadable_total 1" in metrics and "itoh_webhook_rejected_total 0" in metrics
    assert "update 4321 skipped" in caplog.text and "pollster" not in caplog.text


async def test_healthz_and_metrics_follow_the_store(store: Storage) -> None:
    async with worker(store) as w:
        assert (await w.client.get("/healthz")).status_code == 200
        await w.post(w.rec.make_command_update(CHAT, "/start"))
        await w.post(w.rec.make_text_update(CHAT, "female"))
        response = await w.client.get("/metrics")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain; version=0.0.4")
        text = response.text
        samples = [line for line in text.splitlines() if not line.startswith("#")]
        assert all(SAMPLE.match(line) for line in samples), samples
        values = {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in samples}
        assert values["itoh_updates_total"] == 2
        assert values['itoh_turns_total{outcome="stepped"}'] == 2
        assert values["itoh_update_errors_total"] == 0
        assert values["itoh_update_latency_seconds_count"] == 2
        assert values['itoh_update_latency_seconds_bucket{le="+Inf"}'] == 2
        buckets = [v for k, v in values.items() if k.startswith("itoh_update_latency_seconds_bucket")]
        assert buckets == sorted(buckets)  # cumulative
        assert values["itoh_active_sessions"] == 1 and values["itoh_store_up"] == 1
        await store.close()  # the store is gone: unhealthy, and said so in the metrics
        assert (await w.client.get("/healthz")).status_code == 503
        assert "itoh_store_up 0" in (await w.client.get("/metrics")).text


async def test_allow_list_refuses_others_politely_and_stores_nothing(store: Storage) -> None:
    async with worker(store, allowed_user_ids="111, 222") as w:
        stranger = 9302
        assert await w.post(w.rec.make_command_update(stranger, "/start")) == 200
        assert await w.post(w.rec.make_text_update(stranger, "female")) == 200
        refusal = get_content().message("not_allowed")
        assert w.sent(stranger) == [refusal, refusal]
        assert await store.health.count_sessions() == 0 and len(store.counters._rates) == 0  # not even a rate counter
        clinician = 111
        assert await w.post(w.rec.make_command_update(clinician, "/start")) == 200
        assert w.sent(clinician)[0] == get_content().message("welcome")
        assert w.metrics.outcomes["not_allowed"] == 2 and w.metrics.outcomes["stepped"] == 1


@pytest.mark.redis
async def test_rate_limit_answers_a_flood_once_across_two_workers(redis_url: str) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    # The store clock is pinned mid-minute: a flood straddling a window boundary would be
    # counted in two windows (as it should), which is not what this test is about.
    stores = [open_redis(redis_url, prefix=prefix, clock=lambda: 1_700_000_010.0) for _ in range(2)]
    rec = InProcessBotApi(token=TOKEN)  # one "Telegram" behind both workers
    try:
        async with worker(stores[0], rec, rate_limit_per_minute=5) as first, \
                worker(stores[1], rec, rate_limit_per_minute=5) as second:
            chat = 9303
            flood = [rec.make_command_update(chat, "/start")] + [rec.make_text_update(chat, "34") for _ in range(11)]
            for i, update in enumerate(flood):  # alternately to each worker, as a balancer would
                assert await (first, second)[i % 2].post(update) == 200
            outcomes = first.metrics.outcomes + second.metrics.outcomes
            assert (outcomes["rate_limited"], outcomes["ignored"]) == (1, 6)
            assert outcomes["stepped"] == 5
            notices = [t for t in first.sent(chat) if t == get_content().message("rate_limited")]
            assert len(notices) == 1  # said once; the other six got no answer at all
            assert len(first.sent(chat)) == len(second.sent(chat))  # same recorder: same list
    finally:
        for store in stores:
            await store.close()


async def test_refusals_on_a_button_press_are_also_said_on_the_button(store: Storage) -> None:
    async with worker(store, rate_limit_per_minute=1) as w:
        await w.post(w.rec.make_command_update(CHAT, "/start"))
        question = [m for m in w.rec.messages(CHAT) if m.buttons()][-1]
        data = question.buttons()[0][1]
        assert data is not None
        await w.post(w.rec.make_callback_update(CHAT, question.message_id, data))  # the second update
        answers = w.rec.calls("answerCallbackQuery")
        assert len(answers) == 1 and get_content().message("rate_limited") in answers[0].params["text"]
        assert (await store.sessions.get(f"tg:{CHAT}")) is not None and w.metrics.outcomes["rate_limited"] == 1
