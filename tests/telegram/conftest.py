"""Fixtures for the Telegram tests: the in-process harness and the fake Bot API server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import pytest

from bot.log_setup import QUIET_LOGGERS
from bot.settings import Settings
from bot.storage import MemoryStore
from bot.telegram import build_application
from tests.support.fake_bot_api import FakeBotApi
from tests.support.recording_request import RecordingRequest
from tests.telegram.harness import TOKEN, Harness

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # httpx honours proxy variables; a proxy would take 127.0.0.1 traffic elsewhere.
    for var in _PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    for var in ("TELEGRAM_API_BASE_URL", "STORE_URL", "SESSION_TTL_SECONDS", "MODE", "LOG_LEVEL",
                "ALLOWED_USER_IDS", "RATE_LIMIT_PER_MINUTE", "TELEGRAM_TIMEOUT_SECONDS"):
        monkeypatch.delenv(var, raising=False)
    # PTB 22 warns whenever it builds a RetryAfter unless this opt-in is set.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    # configure_logging() changes process-wide logger levels: put them back.
    levels = {name: logging.getLogger(name).level for name in [*QUIET_LOGGERS, ""]}
    handlers = list(logging.getLogger().handlers)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger().handlers[:] = handlers


def settings(**values: object) -> Settings:
    return Settings(telegram_bot_token=TOKEN, _env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    rec = RecordingRequest(token=TOKEN)
    store = MemoryStore()
    app = build_application(settings(), store, request=rec)
    async with app:
        yield Harness(rec, app, store)
    await store.close()


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi(token=TOKEN) as server:
        yield server
