"""The SessionStore contract, run against every backend (memory, sqlite, redis).

Time is a fake clock for all three. For Redis that exercises the store's own
``updated_at`` check and its sorted-set index (what get/count/expire use);
Redis's native key expiry runs on real time and is covered in test_redis.py.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.storage import SessionStore, StoreHealth, StoreUnavailable, VersionConflict
from tests.storage.conftest import TTL, FakeClock

# Every test finishes in well under a second; this only stops a broken store
# from hanging the run.
BOUND = 10.0


async def test_get_missing_returns_none(sessions: SessionStore) -> None:
    assert await sessions.get("tg:1") is None


async def test_first_put_creates_version_1(sessions: SessionStore, clock: FakeClock) -> None:
    assert await sessions.put("tg:1", '{"step": "start"}', 0) == 1
    stored = await sessions.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version, stored.updated_at) == ('{"step": "start"}', 1, clock.now)


async def test_put_with_current_version_increments(sessions: SessionStore, clock: FakeClock) -> None:
    await sessions.put("tg:1", '{"n": 1}', 0)
    clock.advance(5)
    assert await sessions.put("tg:1", '{"n": 2}', 1) == 2
    stored = await sessions.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version, stored.updated_at) == ('{"n": 2}', 2, clock.now)


async def test_stale_version_conflicts_and_keeps_data(sessions: SessionStore) -> None:
    await sessions.put("tg:1", '{"n": 1}', 0)
    await sessions.put("tg:1", '{"n": 2}', 1)
    with pytest.raises(VersionConflict) as err:
        await sessions.put("tg:1", '{"n": "lost"}', 1)
    assert "lost" not in str(err.value)  # messages never carry payloads
    stored = await sessions.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version) == ('{"n": 2}', 2)


async def test_expecting_new_on_existing_conflicts(sessions: SessionStore) -> None:
    await sessions.put("tg:1", "{}", 0)
    with pytest.raises(VersionConflict):
        await sessions.put("tg:1", '{"other": true}', 0)
    stored = await sessions.get("tg:1")
    assert stored is not None
    assert (stored.payload, stored.version) == ("{}", 1)


async def test_expecting_version_on_missing_conflicts(sessions: SessionStore) -> None:
    with pytest.raises(VersionConflict):
        await sessions.put("tg:1", "{}", 3)
    assert await sessions.get("tg:1") is None


async def test_negative_expected_version_is_a_caller_bug(sessions: SessionStore) -> None:
    with pytest.raises(ValueError):
        await sessions.put("tg:1", "{}", -1)


async def test_delete(sessions: SessionStore) -> None:
    await sessions.put("tg:1", "{}", 0)
    await sessions.put("tg:2", "{}", 0)
    assert await sessions.delete("tg:1") is True
    assert await sessions.get("tg:1") is None
    assert await sessions.delete("tg:1") is False
    assert await sessions.get("tg:2") is not None  # neighbours untouched
    assert await sessions.put("tg:1", "{}", 0) == 1  # a forgotten chat starts over


async def test_delete_removes_unswept_idle_session(sessions: SessionStore, clock: FakeClock) -> None:
    await sessions.put("tg:1", "{}", 0)
    clock.advance(TTL + 1)
    assert await sessions.get("tg:1") is None
    assert await sessions.delete("tg:1") is True  # it still held the user's data
    assert await sessions.expire() == 0


async def test_keys_do_not_collide(sessions: SessionStore) -> None:
    keys = ["tg:1", "tg:10", "tg:1:x", "web:1", "ключ 🔑", ""]
    for i, key in enumerate(keys):
        await sessions.put(key, json.dumps(i), 0)
    for i, key in enumerate(keys):
        stored = await sessions.get(key)
        assert stored is not None and stored.payload == json.dumps(i)


async def test_get_hides_idle_session(sessions: SessionStore, clock: FakeClock) -> None:
    await sessions.put("tg:1", "{}", 0)
    clock.advance(TTL)
    assert await sessions.get("tg:1") is not None  # idle exactly ttl: still live
    clock.advance(1)
    assert await sessions.get("tg:1") is None  # idle longer than ttl: gone, before any sweep


async def test_put_refreshes_idle_timer(sessions: SessionStore, clock: FakeClock) -> None:
    await sessions.put("tg:1", "{}", 0)
    clock.advance(TTL - 1)
    await sessions.put("tg:1", "{}", 1)
    clock.advance(TTL - 1)
    stored = await sessions.get("tg:1")
    assert stored is not None and stored.version == 2


async def test_expired_session_starts_over(sessions: SessionStore, clock: FakeClock) -> None:
    await sessions.put("tg:1", '{"old": 1}', 0)
    await sessions.put("tg:1", '{"old": 2}', 1)
    clock.advance(TTL + 1)
    with pytest.raises(VersionConflict):
        await sessions.put("tg:1", '{"old": 3}', 2)  # the caller's read predates expiry
    assert await sessions.put("tg:1", '{"new": 1}', 0) == 1  # as get() said: it is absent
    stored = await sessions.get("tg:1")
    assert stored is not None and (stored.payload, stored.version) == ('{"new": 1}', 1)


async def test_expire_removes_idle_sessions(sessions: SessionStore, health: StoreHealth, clock: FakeClock) -> None:
    await sessions.put("tg:old1", "{}", 0)
    await sessions.put("tg:old2", "{}", 0)
    clock.advance(TTL / 2)
    await sessions.put("tg:fresh", "{}", 0)
    clock.advance(TTL / 2 + 1)
    assert await sessions.expire() == 2
    assert await sessions.expire() == 0
    assert await health.count_sessions() == 1
    assert await sessions.get("tg:fresh") is not None
    assert await sessions.delete("tg:old1") is False  # physically gone, not just hidden


async def test_concurrent_cas_exactly_one_wins(sessions: SessionStore) -> None:
    await sessions.put("tg:1", '{"n": 0}', 0)
    barrier = asyncio.Barrier(20)

    async def writer(i: int) -> bool:
        stored = await sessions.get("tg:1")
        assert stored is not None
        await barrier.wait()  # all 20 have read version 1 before anyone writes
        try:
            await sessions.put("tg:1", json.dumps({"n": i}), stored.version)
        except VersionConflict:
            return False
        return True

    async with asyncio.timeout(BOUND):
        results = await asyncio.gather(*(writer(i) for i in range(20)))
    assert results.count(True) == 1
    stored = await sessions.get("tg:1")
    assert stored is not None and stored.version == 2
    assert json.loads(stored.payload)["n"] == results.index(True)


async def test_concurrent_retrying_writers_lose_no_update(sessions: SessionStore) -> None:
    await sessions.put("counter", json.dumps({"n": 0}), 0)

    async def increment() -> int:
        conflicts = 0
        while True:
            stored = await sessions.get("counter")
            assert stored is not None
            value = json.loads(stored.payload)["n"] + 1
            await asyncio.sleep(0)  # let others read the same version
            try:
                await sessions.put("counter", json.dumps({"n": value}), stored.version)
                return conflicts
            except VersionConflict:
                conflicts += 1

    async with asyncio.timeout(BOUND):
        conflicts = await asyncio.gather(*(increment() for _ in range(20)))
    stored = await sessions.get("counter")
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
async def test_payload_round_trips(sessions: SessionStore, payload: str) -> None:
    await sessions.put("tg:1", payload, 0)
    stored = await sessions.get("tg:1")
    assert stored is not None and stored.payload == payload


async def test_closed_sessions_are_unavailable(sessions: SessionStore) -> None:
    await sessions.put("tg:1", "{}", 0)
    await sessions.close()
    for call in (sessions.get("tg:1"), sessions.put("tg:1", "{}", 1), sessions.delete("tg:1"), sessions.expire()):
        with pytest.raises(StoreUnavailable):
            await call
    await sessions.close()  # idempotent
