"""The memory backend: dicts in this process. For tests and the terminal front-end.

Nothing survives a restart. Atomicity comes from asyncio itself: no method awaits
between reading and writing a dict, so no other task can interleave.
:func:`open_memory` builds the set of parts (bot/storage/base.py).
"""

from __future__ import annotations

import time

from bot.storage.base import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_TTL_SECONDS,
    DEFAULT_UPDATE_TTL_SECONDS,
    Clock,
    Counters,
    SessionStore,
    Storage,
    StoredSession,
    StoreHealth,
    StoreUnavailable,
    VersionConflict,
    check_expected_version,
    check_ttl,
    is_expired,
)
from bot.storage.keylocks import KeyLocks
from bot.storage.ratecount import RateCounter

NAME = "memory session store"


class MemorySessions(SessionStore):
    """Sessions in a dict (single process only)."""

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS, *, clock: Clock = time.time) -> None:
        super().__init__(ttl_seconds=ttl_seconds, clock=clock)
        self._sessions: dict[str, StoredSession] = {}
        self.closed = False

    def _check_open(self) -> None:
        if self.closed:
            raise StoreUnavailable(f"{NAME} is closed")

    def _live(self, key: str, now: float) -> StoredSession | None:
        stored = self._sessions.get(key)
        if stored is None or is_expired(stored.updated_at, now, self.ttl_seconds):
            return None
        return stored

    def live_count(self) -> int:
        """Sessions not idle longer than the TTL (for :class:`MemoryHealth`)."""
        self._check_open()
        now, ttl = self._clock(), self.ttl_seconds
        return sum(1 for s in self._sessions.values() if not is_expired(s.updated_at, now, ttl))

    async def get(self, key: str) -> StoredSession | None:
        self._check_open()
        return self._live(key, self._clock())

    async def put(self, key: str, payload: str, expected_version: int) -> int:
        check_expected_version(expected_version)
        self._check_open()
        now = self._clock()
        current = self._live(key, now)
        current_version = current.version if current is not None else 0
        if current_version != expected_version:
            raise VersionConflict(
                f"expected version {expected_version}, store has {current_version}"
            )
        new_version = current_version + 1
        self._sessions[key] = StoredSession(payload, new_version, now)
        return new_version

    async def delete(self, key: str) -> bool:
        self._check_open()
        return self._sessions.pop(key, None) is not None

    async def expire(self) -> int:
        self._check_open()
        now, ttl = self._clock(), self.ttl_seconds
        dead = [k for k, s in self._sessions.items() if is_expired(s.updated_at, now, ttl)]
        for k in dead:
            del self._sessions[k]
        return len(dead)

    async def close(self) -> None:
        self.closed = True
        self._sessions.clear()


class MemoryCounters(Counters):
    """Update claims and rate windows in dicts (single process only)."""

    def __init__(
        self, *, clock: Clock = time.time, update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS
    ) -> None:
        self._clock = clock
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self._seen_updates: dict[int, float] = {}  # update_id -> first seen at
        self._rates = RateCounter()
        self._closed = False

    def _check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable(f"{NAME} is closed")

    async def claim_update(self, update_id: int) -> bool:
        self._check_open()
        now = self._clock()
        seen_at = self._seen_updates.get(update_id)
        if seen_at is not None and not is_expired(seen_at, now, self.update_ttl_seconds):
            return False
        self._seen_updates[update_id] = now
        return True

    async def hit_rate(self, key: str, window_seconds: float) -> int:
        self._check_open()
        return self._rates.hit(key, window_seconds, self._clock())

    async def expire(self) -> None:
        self._check_open()
        now, update_ttl = self._clock(), self.update_ttl_seconds
        old = [u for u, t in self._seen_updates.items() if is_expired(t, now, update_ttl)]
        for u in old:
            del self._seen_updates[u]
        self._rates.prune(now)

    async def close(self) -> None:
        self._closed = True
        self._seen_updates.clear()
        self._rates.clear()


class MemoryHealth(StoreHealth):
    """Up while its sessions are open; counts them."""

    def __init__(self, sessions: MemorySessions) -> None:
        self._sessions = sessions
        self._closed = False

    async def ping(self) -> bool:
        return not (self._closed or self._sessions.closed)

    async def count_sessions(self) -> int:
        if self._closed:
            raise StoreUnavailable(f"{NAME} is closed")
        return self._sessions.live_count()

    async def close(self) -> None:
        self._closed = True


def open_memory(
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    *,
    clock: Clock = time.time,
    update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
) -> Storage:
    """A fresh, empty in-process storage."""
    sessions = MemorySessions(ttl_seconds, clock=clock)
    return Storage(
        sessions=sessions,
        locks=KeyLocks(lock_wait_seconds, name=NAME),
        counters=MemoryCounters(clock=clock, update_ttl_seconds=update_ttl_seconds),
        health=MemoryHealth(sessions),
    )
