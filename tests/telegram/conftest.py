"""Fixtures for the Telegram tests: the in-process harness and the fake Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from bot.fake_telegram import FakeBotApi, InProcessBotApi
from bot.settings import Settings
from bot.storage import open_memory
from bot.telegram.application import build_application
from flows.dialogue import get_engine
from tests.support.clean_env import clean_bot_env  # noqa: F401 - autouse fixture for this folder
from tests.telegram.harness import TOKEN, Harness

ENGINE = get_engine()


def settings(**values: object) -> Settings:
    return Settings(telegram_bot_token=TOKEN, _env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    rec = InProcessBotApi(token=TOKEN)
    store = open_memory()
    app = build_application(settings(), store, ENGINE, request=rec)
    async with app:
        yield Harness(rec, app, store)
    await store.close()


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi(token=TOKEN) as server:
        yield server
