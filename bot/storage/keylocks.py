"""In-process per-key asyncio locks: the :class:`ChatLocks` of the memory and SQLite backends.

Only valid inside one process and one event loop: that is the deployment model
of those two backends. Redis has its own cross-process lock.
"""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager

from bot.storage.base import ChatLocks, LockTimeout, StoreUnavailable, check_ttl


class _Entry:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0  # holders + waiters; the entry is dropped when it reaches 0


class KeyLocks(ChatLocks):
    """A lock per key, created on demand and dropped when nobody uses it.

    Dropping unused entries keeps memory bounded by the number of chats active
    *right now*, not by every chat ever seen.
    """

    def __init__(self, wait_seconds: float, *, name: str = "session store") -> None:
        """``name`` says whose locks these are in the "closed" message."""
        self.wait_seconds = check_ttl("lock_wait_seconds", wait_seconds)
        self._name = name
        self._entries: dict[str, _Entry] = {}
        self._closed = False

    def __len__(self) -> int:
        return len(self._entries)

    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        """``async with locks.lock(key):`` — raises LockTimeout after the wait limit."""
        if self._closed:
            raise StoreUnavailable(f"{self._name} is closed")
        return _Hold(self, key)

    async def close(self) -> None:
        self._closed = True


class _Hold:
    """One holder of one key's lock (a class, not a generator: it is taken on every update)."""

    __slots__ = ("_entry", "_key", "_locks")

    def __init__(self, locks: KeyLocks, key: str) -> None:
        self._locks = locks
        self._key = key

    async def __aenter__(self) -> None:
        entries = self._locks._entries
        entry = entries.get(self._key)
        if entry is None:
            entry = entries[self._key] = _Entry()
        entry.users += 1
        self._entry = entry
        wait = self._locks.wait_seconds
        try:
            if entry.users == 1:
                await entry.lock.acquire()  # nobody holds or waits for it: taken at once
                return
            async with asyncio.timeout(wait):
                await entry.lock.acquire()
        except TimeoutError:
            self._leave()
            # Message deliberately omits the key: it identifies a patient chat.
            raise LockTimeout(f"session lock not acquired within {wait:g} s") from None
        except BaseException:
            self._leave()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        self._entry.lock.release()
        self._leave()

    def _leave(self) -> None:
        self._entry.users -= 1
        if self._entry.users == 0:
            del self._locks._entries[self._key]
