"""Memory and SQLite only: things that run on the injected clock there but on
Redis's real clock (covered in test_redis.py), and in-process lock bookkeeping."""

from __future__ import annotations

import asyncio

import pytest

from bot.storage import LockTimeout
from bot.storage.keylocks import KeyLocks
from tests.storage.conftest import FakeClock, StoreFactory

LOCAL = ["memory", "sqlite"]


@pytest.mark.parametrize("kind", LOCAL)
async def test_claimed_update_forgotten_after_window(
    kind: str, open_backend: StoreFactory, clock: FakeClock
) -> None:
    counters = open_backend(kind, update_ttl_seconds=3600).counters
    assert await counters.claim_update(5) is True
    clock.advance(3600)
    assert await counters.claim_update(5) is False  # still inside the window
    clock.advance(1)
    assert await counters.claim_update(5) is True  # a redelivery this late is a new update
    clock.advance(3601)
    await counters.expire()  # sweeps old claims too
    assert await counters.claim_update(5) is True


@pytest.mark.parametrize("kind", LOCAL)
async def test_lock_entries_do_not_accumulate(kind: str, open_backend: StoreFactory) -> None:
    locks = open_backend(kind).locks
    assert isinstance(locks, KeyLocks)

    async def step(key: str) -> None:
        async with locks.lock(key):
            await asyncio.sleep(0)

    async with asyncio.timeout(10):
        await asyncio.gather(*(step(f"tg:{i % 5}") for i in range(50)))
    assert len(locks) == 0  # one lock per *active* chat, not per chat ever seen


@pytest.mark.parametrize("kind", LOCAL)
async def test_cancelled_waiter_leaves_lock_usable(kind: str, open_backend: StoreFactory) -> None:
    locks = open_backend(kind).locks
    assert isinstance(locks, KeyLocks)
    async with locks.lock("tg:1"):
        waiter = asyncio.create_task(locks.lock("tg:1").__aenter__())
        await asyncio.sleep(0.01)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
    async with asyncio.timeout(5), locks.lock("tg:1"):
        pass
    assert len(locks) == 0


@pytest.mark.parametrize("kind", LOCAL)
async def test_timed_out_waiter_leaves_no_entry(kind: str, open_backend: StoreFactory) -> None:
    locks = open_backend(kind, lock_wait_seconds=0.05).locks
    assert isinstance(locks, KeyLocks)
    async with locks.lock("tg:1"):
        with pytest.raises(LockTimeout):
            async with locks.lock("tg:1"):
                pass
        assert len(locks) == 1  # only the holder's
    assert len(locks) == 0
