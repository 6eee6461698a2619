"""The SessionStore contract, run against every backend (memory, sqlite, redis).

Time is a fake clock for all three. For Redis that exercises the store's own
``updated_at`` check and its sorted-set index (what get/count/expire use);
Redis's native key expiry runs on real time and is covered in test_redis.py.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.storage import LockTimeout, SessionStore, StoreUnavailable, VersionConflict
from tests.storage.conftest import TTL, FakeClock, StoreFactory

# Every test finishes in well under a second; this only stops a broken lock
# from hanging the run.
BOUND = 10.0


async def test_get_missing_returns_none(store: SessionStore) -> None:
    assert await store.get("tg:1") is None


async def test_first_put_creates_version_1(store: SessionStore, clock: FakeClock) -> None:
    assert await store.put("tg:1", '{"step": "start"}', 0) == 1
    stored = await store.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version, stored.updated_at) == ('{"step": "start"}', 1, clock.now)


async def test_put_with_current_version_increments(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:1", '{"n": 1}', 0)
    clock.advance(5)
    assert await store.put("tg:1", '{"n": 2}', 1) == 2
    stored = await store.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version, stored.updated_at) == ('{"n": 2}', 2, clock.now)


async def test_stale_version_conflicts_and_keeps_data(store: SessionStore) -> None:
    await store.put("tg:1", '{"n": 1}', 0)
    await store.put("tg:1", '{"n": 2}', 1)
    with pytest.raises(VersionConflict) as err:
        await store.put("tg:1", '{"n": "lost"}', 1)
    assert "lost" not in str(err.value)  # messages never carry payloads
    stored = await store.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version) == ('{"n": 2}', 2)


async def test_expecting_new_on_existing_conflicts(store: SessionStore) -> None:
    await store.put("tg:1", "{}", 0)
    with pytest.raises(VersionConflict):
        await store.put("tg:1", '{"other": true}', 0)
    stored = await store.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version) == ("{}", 1)


async def test_expecting_version_on_missing_conflicts(store: SessionStore) -> None:
    with pytest.raises(VersionConflict):
        await store.put("tg:1", "{}", 3)
    assert await store.get("tg:1") is None


async def test_negative_expected_version_is_a_caller_bug(store: SessionStore) -> None:
    with pytest.raises(ValueError):
        await store.put("tg:1", "{}", -1)


async def test_delete(store: SessionStore) -> None:
    await store.put("tg:1", "{}", 0)
    await store.put("tg:2", "{}", 0)
    assert await store.delete("tg:1") is True
    assert await store.get("tg:1") is None
    assert await store.delete("tg:1") is False
    assert await store.get("tg:2") is not None  # neighbours untouched
    assert await store.put("tg:1", "{}", 0) == 1  # a forgotten chat starts over


async def test_delete_removes_unswept_idle_session(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:1", "{}", 0)
    clock.advance(TTL + 1)
    assert await store.get("tg:1") is None
    assert await store.delete("tg:1") is True  # it still held the user's data
    assert await store.expire() == 0


async def test_keys_do_not_collide(store: SessionStore) -> None:
    keys = ["tg:1", "tg:10", "tg:1:x", "web:1", "ключ 🔑", ""]
    for i, key in enumerate(keys):
        await store.put(key, json.dumps(i), 0)
    for i, key in enumerate(keys):
        stored = await store.get(key)
        assert stored is not None and stored.payload == json.dumps(i)


async def test_get_hides_idle_session(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:1", "{}", 0)
    clock.advance(TTL)
    assert await store.get("tg:1") is not None  # idle exactly ttl: still live
    clock.advance(1)
    assert await store.get("tg:1") is None  # idle longer than ttl: gone, before any sweep


async def test_put_refreshes_idle_timer(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:1", "{}", 0)
    clock.advance(TTL - 1)
    await store.put("tg:1", "{}", 1)
    clock.advance(TTL - 1)
    stored = await store.get("tg:1")
    assert stored is not None and stored.version == 2


async def test_expired_session_starts_over(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:1", '{"old": 1}', 0)
    await store.put("tg:1", '{"old": 2}', 1)
    clock.advance(TTL + 1)
    with pytest.raises(VersionConflict):
        await store.put("tg:1", '{"old": 3}', 2)  # the caller's read predates expiry
    assert await store.put("tg:1", '{"new": 1}', 0) == 1  # as get() said: it is absent
    stored = await store.get("tg:1")
    assert stored is not None and (stored.payload, stored.version) == ('{"new": 1}', 1)


async def test_expire_removes_idle_sessions(store: SessionStore, clock: FakeClock) -> None:
    await store.put("tg:old1", "{}", 0)
    await store.put("tg:old2", "{}", 0)
    clock.advance(TTL / 2)
    await store.put("tg:fresh", "{}", 0)
    clock.advance(TTL / 2 + 1)
    assert await store.expire() == 2
    assert await store.expire() == 0
    assert await store.count() == 1
    assert await store.get("tg:fresh") is not None
    assert await store.delete("tg:old1") is False  # physically gone, not just hidden


async def test_count(store: SessionStore, clock: FakeClock) -> None:
    assert await store.count() == 0
    for key in ("a", "b", "c"):
        await store.put(key, "{}", 0)
    await store.put("a", "{}", 1)  # a second save is still one session
    assert await store.count() == 3
    await store.delete("b")
    assert await store.count() == 2
    clock.advance(TTL + 1)
    assert await store.count() == 0  # idle sessions are not live, swept or not


async def test_lock_serialises_same_key(store: SessionStore) -> None:
    events: list[tuple[str, int]] = []

    async def step(i: int) -> None:
        async with store.lock("tg:1"):
            events.append(("enter", i))
            await asyncio.sleep(0.05)  # yield while holding: the other must wait
            events.append(("exit", i))

    async with asyncio.timeout(BOUND):
        await asyncio.gather(step(1), step(2))
    first = events[0][1]
    second = 3 - first
    assert events == [("enter", first), ("exit", first), ("enter", second), ("exit", second)]


async def test_lock_does_not_block_other_keys(store: SessionStore) -> None:
    b_entered = asyncio.Event()

    async def hold_a() -> None:
        async with store.lock("tg:a"):
            await b_entered.wait()  # deadlocks if tg:b waited for tg:a

    async def take_b() -> None:
        async with store.lock("tg:b"):
            b_entered.set()

    async with asyncio.timeout(BOUND):
        await asyncio.gather(hold_a(), take_b())


async def test_lock_wait_is_bounded(backend: str, open_backend: StoreFactory) -> None:
    store = open_backend(backend, lock_wait_seconds=0.2)
    async with asyncio.timeout(BOUND), store.lock("tg:1"):
        with pytest.raises(LockTimeout):
            async with store.lock("tg:1"):
                pass
    async with asyncio.timeout(BOUND), store.lock("tg:1"):
        pass  # released after the failed attempt: usable again


async def test_lock_released_on_error(store: SessionStore) -> None:
    with pytest.raises(RuntimeError):
        async with store.lock("tg:1"):
            raise RuntimeError("step failed")
    async with asyncio.timeout(BOUND), store.lock("tg:1"):
        pass


async def test_claim_update_once(store: SessionStore) -> None:
    assert await store.claim_update(1001) is True
    assert await store.claim_update(1001) is False
    assert await store.claim_update(1002) is True
    assert await store.claim_update(1001) is False


async def test_concurrent_cas_exactly_one_wins(store: SessionStore) -> None:
    await store.put("tg:1", '{"n": 0}', 0)
    barrier = asyncio.Barrier(20)

    async def writer(i: int) -> bool:
        stored = await store.get("tg:1")
        assert stored is not None
        await barrier.wait()  # all 20 have read version 1 before anyone writes
        try:
            await store.put("tg:1", json.dumps({"n": i}), stored.version)
        except VersionConflict:
            return False
        return True

    async with asyncio.timeout(BOUND):
        results = await asyncio.gather(*(writer(i) for i in range(20)))
    assert results.count(True) == 1
    stored = await store.get("tg:1")
    assert stored is not None and stored.version == 2
    assert json.loads(stored.payload)["n"] == results.index(True)


async def test_concurrent_retrying_writers_lose_no_update(store: SessionStore) -> None:
    await store.put("counter", json.dumps({"n": 0}), 0)

    async def increment() -> int:
        conflicts = 0
        while True:
            stored = await store.get("counter")
            assert stored is not None
            value = json.loads(stored.payload)["n"] + 1
            await asyncio.sleep(0)  # let others read the same version
            try:
                await store.put("counter", json.dumps({"n": value}), stored.version)
                return conflicts
            except VersionConflict:
                conflicts += 1

    async with asyncio.timeout(BOUND):
        conflicts = await asyncio.gather(*(increment() for _ in range(20)))
    stored = await store.get("counter")
    assert stored is not None
    assert json.loads(stored.payload)["n"] == 20
    assert stored.version == 21
    assert sum(conflicts) > 0  # the test really raced


PAYLOADS = [
    json.dumps({"text": "Боль в бедре 🦴👩🏽‍⚕️ ירך כואבת ألم الورك 髋关节"}, ensure_ascii=False),
    "\u202eRTL override\u202c e\u0301 \u200d zero-width-joiner 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    json.dumps({"quote": "\"'\\`", "nl": "a\nb\r\nc\t", "nul": "\x00"}),
    "",
    json.dumps({"big": "x" * 300_000}),
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=["mixed", "rtl", "escapes", "empty", "big"])
async def test_payload_round_trips(store: SessionStore, payload: str) -> None:
    await store.put("tg:1", payload, 0)
    stored = await store.get("tg:1")
    assert stored is not None and stored.payload == payload


async def test_ping_and_close(store: SessionStore) -> None:
    assert await store.ping() is True
    await store.close()
    assert await store.ping() is False
    with pytest.raises(StoreUnavailable):
        await store.get("tg:1")
    with pytest.raises(StoreUnavailable):
        await store.put("tg:1", "{}", 0)
    await store.close()  # idempotent


async def test_hit_rate_counts_per_key_and_window(store: SessionStore, clock: FakeClock) -> None:
    clock.now = 1_700_000_020.0  # 40 s into a 60 s window (window numbers are floor(now / 60))
    assert [await store.hit_rate("user:1", 60) for _ in range(3)] == [1, 2, 3]
    assert await store.hit_rate("user:2", 60) == 1  # keys are counted apart
    assert await store.hit_rate("user:1", 10) == 1  # and so are window lengths
    clock.advance(19)  # still the same window
    assert await store.hit_rate("user:1", 60) == 4
    clock.advance(1)  # the next window: counting starts over
    assert await store.hit_rate("user:1", 60) == 1
    assert await store.get("user:1") is None  # counters are not sessions
    assert await store.count() == 0


async def test_hit_rate_is_shared_by_concurrent_callers(store: SessionStore) -> None:
    async with asyncio.timeout(BOUND):
        results = await asyncio.gather(*(store.hit_rate("user:1", 60) for _ in range(25)))
    assert sorted(results) == list(range(1, 26))  # atomic: no hit lost or counted twice


async def test_hit_rate_after_close_is_unavailable(store: SessionStore) -> None:
    await store.close()
    with pytest.raises(StoreUnavailable):
        await store.hit_rate("user:1", 60)
