"""The Counters contract (update claims, rate-limit hits), run against every backend.

Claims forgotten after their window: test_local_backends.py (fake clock) and
test_redis.py (Redis's own expiry, real time).
"""

from __future__ import annotations

import asyncio

import pytest

from bot.storage import Counters, SessionStore, StoreHealth, StoreUnavailable
from tests.storage.conftest import FakeClock

BOUND = 10.0


async def test_claim_update_once(counters: Counters) -> None:
    assert await counters.claim_update(1001) is True
    assert await counters.claim_update(1001) is False
    assert await counters.claim_update(1002) is True
    assert await counters.claim_update(1001) is False


async def test_hit_rate_counts_per_key_and_window(
    counters: Counters, sessions: SessionStore, health: StoreHealth, clock: FakeClock
) -> None:
    clock.now = 1_700_000_020.0  # 40 s into a 60 s window (window numbers are floor(now / 60))
    assert [await counters.hit_rate("user:1", 60) for _ in range(3)] == [1, 2, 3]
    assert await counters.hit_rate("user:2", 60) == 1  # keys are counted apart
    assert await counters.hit_rate("user:1", 10) == 1  # and so are window lengths
    clock.advance(19)  # still the same window
    assert await counters.hit_rate("user:1", 60) == 4
    clock.advance(1)  # the next window: counting starts over
    assert await counters.hit_rate("user:1", 60) == 1
    assert await sessions.get("user:1") is None  # counters are not sessions
    assert await health.count_sessions() == 0


async def test_hit_rate_is_shared_by_concurrent_callers(counters: Counters) -> None:
    async with asyncio.timeout(BOUND):
        results = await asyncio.gather(*(counters.hit_rate("user:1", 60) for _ in range(25)))
    assert sorted(results) == list(range(1, 26))  # atomic: no hit lost or counted twice


async def test_hit_rate_after_close_is_unavailable(counters: Counters) -> None:
    await counters.close()
    with pytest.raises(StoreUnavailable):
        await counters.hit_rate("user:1", 60)


async def test_claims_and_rates_survive_a_sweep_inside_their_window(
    counters: Counters, clock: FakeClock
) -> None:
    assert await counters.claim_update(9) is True
    assert await counters.hit_rate("user:1", 60) == 1
    clock.advance(1)
    await counters.expire()  # nothing is over yet: a sweep must not forget it
    assert await counters.claim_update(9) is False
    assert await counters.hit_rate("user:1", 60) == 2
