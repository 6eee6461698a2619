"""MemoryStore: a dict in this process. For tests and the terminal front-end.

Nothing survives a restart. Atomicity comes from asyncio itself: no method awaits
between reading and writing the dict, so no other task can interleave.
"""

from __future__ import annotations

import time
from contextlib import AbstractAsyncContextManager

from bot.storage.base import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_TTL_SECONDS,
    DEFAULT_UPDATE_TTL_SECONDS,
    Clock,
    SessionStore,
    StoredSession,
    StoreUnavailable,
    VersionConflict,
    check_expected_version,
    check_ttl,
    is_expired,
)
from bot.storage.keylocks import KeyLocks
from bot.storage.ratecount import RateCounter


class MemoryStore(SessionStore):
    """Sessions in a dict, locks as per-key ``asyncio.Lock`` (single process only)."""

    def __init__(
        self,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        clock: Clock = time.time,
        update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
        lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    ) -> None:
        super().__init__(ttl_seconds=ttl_seconds, clock=clock)
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self.lock_wait_seconds = check_ttl("lock_wait_seconds", lock_wait_seconds)
        self._sessions: dict[str, StoredSession] = {}
        self._seen_updates: dict[int, float] = {}  # update_id -> first seen at
        self._locks = KeyLocks(self.lock_wait_seconds)
        self._rates = RateCounter()
        self._closed = False

    def _check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable("memory session store is closed")

    def _live(self, key: str, now: float) -> StoredSession | None:
        stored = self._sessions.get(key)
        if stored is None or is_expired(stored.updated_at, now, self.ttl_seconds):
            return None
        return stored

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
        now = self._clock()
        ttl, update_ttl = self.ttl_seconds, self.update_ttl_seconds
        dead = [k for k, s in self._sessions.items() if is_expired(s.updated_at, now, ttl)]
        for k in dead:
            del self._sessions[k]
        old = [u for u, t in self._seen_updates.items() if is_expired(t, now, update_ttl)]
        for u in old:
            del self._seen_updates[u]
        self._rates.prune(now)
        return len(dead)

    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        self._check_open()
        return self._locks.hold(key)

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

    async def ping(self) -> bool:
        return not self._closed

    async def count(self) -> int:
        self._check_open()
        now = self._clock()
        ttl = self.ttl_seconds
        return sum(1 for s in self._sessions.values() if not is_expired(s.updated_at, now, ttl))

    async def close(self) -> None:
        self._closed = True
        self._sessions.clear()
        self._seen_updates.clear()
        self._rates.clear()
