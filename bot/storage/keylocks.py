"""In-process per-key asyncio locks, shared by the memory and SQLite stores.

Only valid inside one process and one event loop: that is the deployment model
of those two backends. Redis has its own cross-process lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.storage.base import LockTimeout


class _Entry:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0  # holders + waiters; the entry is dropped when it reaches 0


class KeyLocks:
    """A lock per key, created on demand and dropped when nobody uses it.

    Dropping unused entries keeps memory bounded by the number of chats active
    *right now*, not by every chat ever seen.
    """

    def __init__(self, wait_seconds: float) -> None:
        self._wait_seconds = wait_seconds
        self._entries: dict[str, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry()
        entry.users += 1
        try:
            try:
                async with asyncio.timeout(self._wait_seconds):
                    await entry.lock.acquire()
            except TimeoutError:
                # Message deliberately omits the key: it identifies a patient chat.
                raise LockTimeout(
                    f"session lock not acquired within {self._wait_seconds:g} s"
                ) from None
            try:
                yield
            finally:
                entry.lock.release()
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._entries[key]
