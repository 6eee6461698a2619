"""Fixtures for the storage tests: a fake clock, a real redis-server, storage factories.

Each contract suite (test_sessions_contract.py, test_locks_contract.py,
test_counters_contract.py, test_health_contract.py) takes one part of a Storage
(``sessions``, ``locks``, ``counters``, ``health``) of every backend in turn.

The redis-server is started once per test session from PATH (loopback, free
port, temp dir, no persistence). Without the binary, redis tests SKIP, or fail
with a clear message when REQUIRE_REDIS=1 or REQUIRE_SERVICES=1 (so CI cannot
lose them silently).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.redis_server import RedisServer
from bot.storage import (
    ChatLocks,
    Counters,
    SessionStore,
    Storage,
    StoreHealth,
    open_memory,
    open_sqlite,
)
from bot.storage.redis import open_redis
from tests.support.redis_required import require_redis_server

TTL = 60.0
START = 1_700_000_000.0

BACKENDS = ["memory", "sqlite", pytest.param("redis", marks=pytest.mark.redis)]


class FakeClock:
    """A callable clock that only moves when told to."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_redis_server()
    with RedisServer(tmp_path_factory.mktemp("redis")) as server:
        yield server.url


StoreFactory = Callable[..., Storage]


@pytest.fixture
async def open_backend(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[StoreFactory]:
    """``open_backend(kind, **kw)``: a new storage on this test's shared location.

    Two calls with the same kind see the same data (same SQLite file, same Redis
    prefix) through separate connections, as two processes would. Everything
    opened is closed at teardown.
    """
    opened: list[Storage] = []
    prefix = f"test:{uuid.uuid4().hex}:"

    def factory(kind: str, **kw: Any) -> Storage:
        kw.setdefault("clock", clock)
        kw.setdefault("ttl_seconds", TTL)
        storage: Storage
        if kind == "memory":
            storage = open_memory(**kw)
        elif kind == "sqlite":
            storage = open_sqlite(str(tmp_path / "sessions.sqlite3"), **kw)
        elif kind == "redis":
            url = request.getfixturevalue("redis_url")
            kw.setdefault("prefix", prefix)
            storage = open_redis(url, **kw)
        else:
            raise AssertionError(f"unknown backend {kind}")
        opened.append(storage)
        return storage

    yield factory
    for storage in opened:
        await storage.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def storage(backend: str, open_backend: StoreFactory) -> Storage:
    """One storage per backend, fake clock, TTL of 60 (fake) seconds."""
    return open_backend(backend)


@pytest.fixture
def sessions(storage: Storage) -> SessionStore:
    return storage.sessions


@pytest.fixture
def locks(storage: Storage) -> ChatLocks:
    return storage.locks


@pytest.fixture
def counters(storage: Storage) -> Counters:
    return storage.counters


@pytest.fixture
def health(storage: Storage) -> StoreHealth:
    return storage.health
