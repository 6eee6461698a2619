"""Redis-only behaviour: native TTL, the cross-process lock, errors, key layout.

These use real time (short TTLs, sub-second sleeps) where Redis's own expiry is
what is being tested, and a real child process for the "holder died" case.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bot.redis_server import _free_port
from bot.storage import LockTimeout, Storage, StoreUnavailable, open_storage
from bot.storage.redis import RedisLocks, RedisSessions, open_redis
from tests.storage.conftest import TTL, StoreFactory

pytestmark = pytest.mark.redis

REPO = Path(__file__).resolve().parents[2]
BOUND = 10.0


def redis_store(open_backend: StoreFactory, **kw: object) -> Storage:
    storage = open_backend("redis", **kw)
    assert isinstance(storage.sessions, RedisSessions)
    return storage


def raw(storage: Storage) -> Any:
    """The redis client the parts share."""
    assert isinstance(storage.sessions, RedisSessions)
    return storage.sessions.client


def prefix(storage: Storage) -> str:
    assert isinstance(storage.sessions, RedisSessions)
    return storage.sessions.prefix


async def test_session_key_layout_and_ttl_refresh(open_backend: StoreFactory) -> None:
    store = redis_store(open_backend)
    client = raw(store)
    await store.sessions.put("tg:1", "{}", 0)
    key = f"{prefix(store)}session:tg:1"
    assert await client.hgetall(key) == {
        b"payload": b"{}",
        b"version": b"1",
        b"updated_at": repr(1_700_000_000.0).encode(),
    }
    ttl_ms = await client.pttl(key)
    assert TTL * 1000 - 5000 < ttl_ms <= TTL * 1000
    await client.pexpire(key, 5000)  # pretend most of the idle time has passed
    await store.sessions.put("tg:1", "{}", 1)
    assert await client.pttl(key) > TTL * 1000 - 5000  # every put refreshes it


async def test_idle_session_vanishes_by_native_ttl(open_backend: StoreFactory) -> None:
    # Real clock and a 0.3 s TTL: nothing but Redis itself removes the key.
    store = redis_store(open_backend, ttl_seconds=0.3, clock=time.time)
    await store.sessions.put("tg:1", "{}", 0)
    key = f"{prefix(store)}session:tg:1"
    assert await raw(store).exists(key) == 1
    await asyncio.sleep(0.6)
    assert await raw(store).exists(key) == 0
    assert await store.sessions.get("tg:1") is None
    assert await store.health.count_sessions() == 0
    assert await store.sessions.expire() == 0  # nothing left to delete; index is trimmed
    assert await raw(store).zcard(f"{prefix(store)}sessions") == 0


async def test_claim_update_marker_expires(open_backend: StoreFactory) -> None:
    store = redis_store(open_backend, update_ttl_seconds=0.3)
    assert await store.counters.claim_update(7) is True
    assert 0 < await raw(store).pttl(f"{prefix(store)}update:7") <= 300
    assert await store.counters.claim_update(7) is False
    await asyncio.sleep(0.5)
    assert await store.counters.claim_update(7) is True  # window over: seen as new


async def test_lock_excludes_a_second_client(open_backend: StoreFactory) -> None:
    first = redis_store(open_backend)
    second = redis_store(open_backend, lock_wait_seconds=0.3)
    assert raw(first) is not raw(second)  # separate connection pools
    async with asyncio.timeout(BOUND):
        async with first.locks.lock("tg:1"):
            with pytest.raises(LockTimeout):
                async with second.locks.lock("tg:1"):
                    pass
            async with second.locks.lock("tg:2"):
                pass  # other keys stay free
        async with second.locks.lock("tg:1"):
            pass  # free once the first client released it


HOLDER = """
import asyncio, sys
from bot.storage.redis import open_redis

async def main() -> None:
    storage = open_redis(sys.argv[1], prefix=sys.argv[2], lock_timeout_seconds=1.0)
    lock = storage.locks.lock("tg:1")
    await lock.__aenter__()
    print("held", flush=True)
    await asyncio.sleep(60)  # killed long before this ends

asyncio.run(main())
"""


async def test_lock_of_a_dead_process_lapses(open_backend: StoreFactory, redis_url: str) -> None:
    waiter = redis_store(open_backend, lock_wait_seconds=5.0)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, redis_url, prefix(waiter)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(holder.stdout.readline), BOUND)
        assert line.strip() == "held"
        probe = redis_store(open_backend, lock_wait_seconds=0.2)
        with pytest.raises(LockTimeout):  # held by another PROCESS
            async with probe.locks.lock("tg:1"):
                pass
        os.kill(holder.pid, signal.SIGKILL)  # dies without releasing
        started = time.monotonic()
        async with asyncio.timeout(BOUND), waiter.locks.lock("tg:1"):
            waited = time.monotonic() - started
        assert waited < 2.0  # the 1 s lock timeout freed it, not the 5 s wait limit
    finally:
        holder.kill()
        holder.wait(timeout=5)
        if holder.stdout is not None:
            holder.stdout.close()


async def test_unreachable_server_is_unavailable() -> None:
    url = f"redis://:s3cret@127.0.0.1:{_free_port()}/0"  # nothing listens there
    store = open_redis(url)
    try:
        async with asyncio.timeout(BOUND):
            assert await store.health.ping() is False
            with pytest.raises(StoreUnavailable) as err:
                await store.sessions.get("tg:1")
            with pytest.raises(StoreUnavailable):
                await store.sessions.put("tg:1", '{"secret": "payload"}', 0)
            with pytest.raises(StoreUnavailable):
                async with store.locks.lock("tg:1"):
                    pass
        assert "s3cret" not in str(err.value)
        assert "\n" not in str(err.value)
    finally:
        await store.close()


async def test_open_store_redis_url(redis_url: str) -> None:
    store = open_storage(redis_url, ttl_seconds=120, prefix="test:open:")
    try:
        assert isinstance(store.sessions, RedisSessions) and isinstance(store.locks, RedisLocks)
        assert store.sessions.ttl_seconds == 120
        assert prefix(store) == "test:open:"
        assert await store.health.ping() is True
    finally:
        await store.close()


async def test_every_key_has_a_ttl(open_backend: StoreFactory) -> None:
    store = redis_store(open_backend)
    client = raw(store)
    await store.sessions.put("tg:1", "{}", 0)
    await store.counters.claim_update(11)
    await store.counters.hit_rate("user:1", 60)
    async with store.locks.lock("tg:1"):
        keys = [key async for key in client.scan_iter(match=f"{prefix(store)}*")]
        kinds = {key.decode()[len(prefix(store)):].split(":")[0] for key in keys}
        assert kinds == {"session", "sessions", "update", "rate", "lock"}
        ttls = {key: await client.pttl(key) for key in keys}
    assert all(ttl > 0 for ttl in ttls.values()), ttls  # -1 would mean "kept forever"
    assert 0 < await client.pttl(f"{prefix(store)}sessions") <= TTL * 1000  # the index too


async def test_held_lock_is_renewed_while_its_holder_lives(open_backend: StoreFactory) -> None:
    holder = redis_store(open_backend, lock_timeout_seconds=0.6)
    other = redis_store(open_backend, lock_wait_seconds=0.2)
    async with asyncio.timeout(BOUND), holder.locks.lock("tg:1"):
        await asyncio.sleep(1.5)  # well past the 0.6 s timeout: renewal keeps it
        with pytest.raises(LockTimeout):
            async with other.locks.lock("tg:1"):
                pass
