"""The ChatLocks contract (one turn per chat at a time), run against every backend.

Redis's lock across processes (and its lapse when the holder dies) is in test_redis.py;
the in-process lock bookkeeping of memory and SQLite in test_local_backends.py.
"""

from __future__ import annotations

import asyncio

import pytest

from bot.storage import ChatLocks, LockTimeout, StoreUnavailable
from tests.storage.conftest import StoreFactory

# Every test finishes in well under a second; this only stops a broken lock
# from hanging the run.
BOUND = 10.0


async def test_lock_serialises_same_key(locks: ChatLocks) -> None:
    events: list[tuple[str, int]] = []

    async def step(i: int) -> None:
        async with locks.lock("tg:1"):
            events.append(("enter", i))
            await asyncio.sleep(0.05)  # yield while holding: the other must wait
            events.append(("exit", i))

    async with asyncio.timeout(BOUND):
        await asyncio.gather(step(1), step(2))
    first = events[0][1]
    second = 3 - first
    assert events == [("enter", first), ("exit", first), ("enter", second), ("exit", second)]


async def test_lock_does_not_block_other_keys(locks: ChatLocks) -> None:
    b_entered = asyncio.Event()

    async def hold_a() -> None:
        async with locks.lock("tg:a"):
            await b_entered.wait()  # deadlocks if tg:b waited for tg:a

    async def take_b() -> None:
        async with locks.lock("tg:b"):
            b_entered.set()

    async with asyncio.timeout(BOUND):
        await asyncio.gather(hold_a(), take_b())


async def test_lock_wait_is_bounded(backend: str, open_backend: StoreFactory) -> None:
    locks = open_backend(backend, lock_wait_seconds=0.2).locks
    async with asyncio.timeout(BOUND), locks.lock("tg:1"):
        with pytest.raises(LockTimeout):
            async with locks.lock("tg:1"):
                pass
    async with asyncio.timeout(BOUND), locks.lock("tg:1"):
        pass  # released after the failed attempt: usable again


async def test_lock_released_on_error(locks: ChatLocks) -> None:
    with pytest.raises(RuntimeError):
        async with locks.lock("tg:1"):
            raise RuntimeError("step failed")
    async with asyncio.timeout(BOUND), locks.lock("tg:1"):
        pass


async def test_closed_locks_are_unavailable(locks: ChatLocks) -> None:
    await locks.close()
    with pytest.raises(StoreUnavailable):
        async with locks.lock("tg:1"):
            pass
    await locks.close()  # idempotent
