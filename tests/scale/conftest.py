"""Fixtures for the scale tests: a redis-server, the fake Bot API, workers behind a balancer.

Everything listens on 127.0.0.1 only and every process is killed in a finally. Without
redis-server these tests skip, or fail when REQUIRE_REDIS=1 or REQUIRE_SERVICES=1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi
from bot.redis_server import RedisServer
from tests.scale.balancer import Balancer
from tests.scale.workers import HOOK_PATH, WorkerProcess, set_webhook, worker_env
from tests.support.clean_env import clean_bot_env  # noqa: F401 - autouse fixture for this folder
from tests.support.redis_required import require_redis_server
from tests.telegram.harness import TOKEN


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
