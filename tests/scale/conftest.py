"""Fixtures for the scale tests: a redis-server, the fake Bot API, workers behind a balancer.

Everything listens on 127.0.0.1 only and every process is killed in a finally. Without
redis-server these tests skip, or fail when REQUIRE_REDIS=1 or REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.log_setup import QUIET_LOGGERS
from bot.redis_server import RedisServer, find_redis_server
from tests.scale.balancer import Balancer
from tests.scale.workers import HOOK_PATH, WorkerProcess, set_webhook, worker_env
from tests.support.fake_bot_api import FakeBotApi
from tests.telegram.harness import TOKEN

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
_SETTINGS_VARS = ("TELEGRAM_API_BASE_URL", "TELEGRAM_TIMEOUT_SECONDS", "STORE_URL", "SESSION_TTL_SECONDS", "MODE",
                  "LOG_LEVEL", "ALLOWED_USER_IDS", "RATE_LIMIT_PER_MINUTE", "WEBHOOK_URL", "WEBHOOK_SECRET_TOKEN")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for var in _PROXY_VARS:  # httpx would send 127.0.0.1 traffic through a proxy
        monkeypatch.delenv(var, raising=False)
    for var in _SETTINGS_VARS:  # in-process Settings() read the environment too
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    levels = {name: logging.getLogger(name).level for name in [*QUIET_LOGGERS, ""]}
    handlers = list(logging.getLogger().handlers)
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger().handlers[:] = handlers


def require_redis_server() -> None:
    if find_redis_server() is None:
        reason = "redis-server not found on PATH (apt-get install redis-server)"
        for switch in ("REQUIRE_REDIS", "REQUIRE_SERVICES"):
            if os.environ.get(switch) == "1":
                pytest.fail(f"{switch}=1 but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One redis-server for a test module; tests keep apart by chat ids and key prefixes."""
    require_redis_server()
    with RedisServer(tmp_path_factory.mktemp("redis")) as server:
        yield server.url


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own, which the test may stop and start again."""
    require_redis_server()
    server = RedisServer(tmp_path / "redis-data")
    server.workdir.mkdir()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def fake() -> Iterator[FakeBotApi]:
    with FakeBotApi(token=TOKEN) as server:
        yield server


@dataclass
class Cluster:
    """Two workers sharing one Redis, behind a round-robin balancer the fake posts to."""

    fake: FakeBotApi
    balancer: Balancer
    workers: list[WorkerProcess]
    env: dict[str, str] = field(default_factory=dict)

    def logs(self) -> list[str]:
        return [worker.log for worker in self.workers]


@pytest.fixture
def cluster(fake: FakeBotApi, redis_url: str, tmp_path: Path) -> Iterator[Cluster]:
    balancer = Balancer([]).start()
    workers: list[WorkerProcess] = []
    try:
        env = worker_env(fake, redis_url, balancer.url + HOOK_PATH, LOG_LEVEL="DEBUG")
        workers = [WorkerProcess(env, tmp_path, f"worker-{i}") for i in (1, 2)]
        balancer.upstreams.extend(worker.url for worker in workers)
        for worker in workers:
            worker.wait_health(200)
        assert "webhook set" in set_webhook(env, tmp_path)  # once, for the balancer's URL
        yield Cluster(fake, balancer, workers, env)
    finally:
        for worker in workers:
            worker.close()
        balancer.stop()
