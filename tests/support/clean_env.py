"""One autouse fixture for every test that builds the bot: a clean environment and logging.

Who uses it: tests/telegram/conftest.py and tests/scale/conftest.py import it, so pytest
applies it to those folders. In-process Settings() read the environment, httpx honours
proxy variables (a proxy would take 127.0.0.1 traffic elsewhere), and
configure_logging() changes process-wide logger levels: all three are reset here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.startup import QUIET_LOGGERS

PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
SETTINGS_VARS = ("TELEGRAM_API_BASE_URL", "TELEGRAM_TIMEOUT_SECONDS", "STORE_URL", "SESSION_TTL_SECONDS", "MODE",
                 "LOG_LEVEL", "ALLOWED_USER_IDS", "RATE_LIMIT_PER_MINUTE", "WEBHOOK_URL", "WEBHOOK_SECRET_TOKEN")


@pytest.fixture(autouse=True)
def clean_bot_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for var in (*PROXY_VARS, *SETTINGS_VARS):
        monkeypatch.delenv(var, raising=False)
    # PTB 22 warns whenever it builds a RetryAfter unless this opt-in is set.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    levels = {name: logging.getLogger(name).level for name in [*QUIET_LOGGERS, ""]}
    handlers = list(logging.getLogger().handlers)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger().handlers[:] = handlers
