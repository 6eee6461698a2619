"""The StoreHealth contract (/healthz's ping, /metrics' session count), and closing
the whole Storage, run against every backend."""

from __future__ import annotations

import pytest

from bot.storage import SessionStore, Storage, StoreHealth, StoreUnavailable
from tests.storage.conftest import TTL, FakeClock


async def test_count(sessions: SessionStore, health: StoreHealth, clock: FakeClock) -> None:
    assert await health.count_sessions() == 0
    for key in ("a", "b", "c"):
        await sessions.put(key, "{}", 0)
    await sessions.put("a", "{}", 1)  # a second save is still one session
    assert await health.count_sessions() == 3
    await sessions.delete("b")
    assert await health.count_sessions() == 2
    clock.advance(TTL + 1)
    assert await health.count_sessions() == 0  # idle sessions are not live, swept or not


async def test_ping_and_close(storage: Storage) -> None:
    assert await storage.health.ping() is True
    await storage.close()
    assert await storage.health.ping() is False
    with pytest.raises(StoreUnavailable):
        await storage.sessions.get("tg:1")
    with pytest.raises(StoreUnavailable):
        await storage.sessions.put("tg:1", "{}", 0)
    await storage.close()  # idempotent


async def test_closed_health_answers_down(health: StoreHealth) -> None:
    assert await health.ping() is True
    await health.close()
    assert await health.ping() is False  # never raises
    with pytest.raises(StoreUnavailable):
        await health.count_sessions()
    await health.close()  # idempotent
