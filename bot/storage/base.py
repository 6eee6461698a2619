"""The session-store contract every backend implements.

Modelled on aiogram's ``fsm/storage/base.py``: a small async interface that the
Telegram adapter, the terminal front-end and the housekeeping jobs talk to, with
interchangeable backends behind it (memory, SQLite, Redis).

How the callers use it, per incoming Telegram update (bot/chat_turn.py)::

    if await store.hit_rate(f"tg-user:{user_id}", 60) > limit:
        return                                   # a flood: not processed
    async with store.lock(chat_key):             # one update per chat at a time
        stored = await store.get(chat_key)       # None -> start a new dialogue
        if update.update_id in ids_in(stored):
            return                               # a redelivery already applied
        state, reply = step(stored.payload if stored else None, update)
        await store.put(chat_key, state + update.update_id, stored.version if stored else 0)
        await send(reply)

De-duplication lives in the session payload, written by the same version-checked
``put`` as the step, so nothing is marked done before it is done. ``claim_update``
is for ``/forget``, which leaves no session to remember its update id in.

``/forget`` calls :meth:`SessionStore.delete`; a periodic job calls
:meth:`SessionStore.expire`; ``/healthz`` calls :meth:`SessionStore.ping` and
``/metrics`` :meth:`SessionStore.count`; the per-user rate limit calls
:meth:`SessionStore.hit_rate` for every update.

Sessions are health data. Stores treat the payload as opaque text and must never
log it (nor put it in exception messages).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

Clock = Callable[[], float]
"""Returns epoch seconds; injected so tests can move time (default ``time.time``)."""

DEFAULT_TTL_SECONDS = 86_400.0
DEFAULT_UPDATE_TTL_SECONDS = 86_400.0
DEFAULT_LOCK_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class StoredSession:
    """One saved session as read back from a store."""

    payload: str
    """JSON text of the session; opaque to the store."""
    version: int
    """1 for the first save, +1 on every save."""
    updated_at: float
    """Epoch seconds (store clock) of the last save."""


class VersionConflict(Exception):
    """``put()`` was given a stale ``expected_version``.

    Another writer saved the session since the caller read it (or the caller
    expected a fresh session and one exists). Callers re-read and retry, or drop
    the update. The message names neither key nor payload.
    """


class StoreUnavailable(Exception):
    """The backend is down, unreachable, unreadable or closed.

    Callers show "temporarily unavailable" and do not retry in a tight loop. Also
    raised when a store cannot be opened (missing directory, file that is not a
    database, database locked by another process): the message is one line with
    the location and the reason, fit to print as-is.
    """


class LockTimeout(StoreUnavailable):
    """``lock()`` could not be taken within the store's wait limit.

    A subclass of :class:`StoreUnavailable` on purpose: for the user it is the
    same "busy, try again" situation, so callers need only one ``except``.
    """


def is_expired(updated_at: float, now: float, ttl_seconds: float) -> bool:
    """True if a session saved at ``updated_at`` has been idle longer than the TTL.

    Every backend uses this one comparison (written as ``updated_at < cutoff``,
    the same form the SQL and Lua use) so they agree on the exact boundary.
    """
    return updated_at < now - ttl_seconds


def check_ttl(name: str, seconds: float) -> float:
    """Validate a positive duration argument; returns it as float."""
    value = float(seconds)
    if not value > 0:
        raise ValueError(f"{name} must be > 0 seconds, got {seconds!r}")
    return value


def check_expected_version(expected_version: int) -> None:
    """Reject nonsense versions early (a bool or negative number is a caller bug)."""
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise TypeError("expected_version must be an int")
    if expected_version < 0:
        raise ValueError("expected_version must be >= 0")


class SessionStore(ABC):
    """Async key -> session store with optimistic versioning and per-key locks.

    Keys are opaque strings chosen by the caller (e.g. ``"tg:123456"``). All
    methods except :meth:`lock` are coroutines. After :meth:`close` every method
    raises :class:`StoreUnavailable` except :meth:`ping` (returns False) and
    :meth:`close` (no-op).
    """

    ttl_seconds: float
    """Sessions idle longer than this are treated as gone."""

    def __init__(self, *, ttl_seconds: float, clock: Clock = time.time) -> None:
        self.ttl_seconds = check_ttl("ttl_seconds", ttl_seconds)
        self._clock = clock

    @abstractmethod
    async def get(self, key: str) -> StoredSession | None:
        """Read a session. Called by the adapter inside ``lock(key)`` before a step.

        Returns None if the key is missing OR idle longer than ``ttl_seconds``:
        an expired entry is never returned, even before :meth:`expire` ran.
        """

    @abstractmethod
    async def put(self, key: str, payload: str, expected_version: int) -> int:
        """Save a session with an atomic compare-and-set; returns the new version.

        Called by the adapter after a dialogue step, with the version it read
        (``0`` when ``get`` returned None: the key must not exist, or only as an
        expired entry, which is replaced and restarts at version 1). Raises
        :class:`VersionConflict` if the stored version differs; the stored data is
        then left unchanged. Every successful put refreshes the idle timer.
        """

    @abstractmethod
    async def delete(self, key: str) -> bool:
        """Remove a session now. Called by ``/forget``.

        Returns True if an entry was physically removed (a not-yet-swept expired
        entry counts: it still held the user's data), False if there was none.
        """

    @abstractmethod
    async def expire(self) -> int:
        """Delete every session idle longer than the TTL; return how many.

        Called by a periodic housekeeping job. Also forgets update ids older than
        the update-claim window. Backends with native expiry (Redis) may return 0
        because the server already removed them.
        """

    @abstractmethod
    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        """Per-key mutual exclusion around read-step-write. Called by the adapter.

        Different keys never block each other. Waiting longer than the store's
        ``lock_wait_seconds`` raises :class:`LockTimeout`. The lock is advisory:
        :meth:`put`'s version check is what guarantees no lost update.
        """

    @abstractmethod
    async def claim_update(self, update_id: int) -> bool:
        """De-duplicate deliveries of updates that leave no session (``/forget``).

        Called by bot/chat_turn.py *after* the work is done, so a crash before it
        leaves the redelivery to do the work.

        True the first time ``update_id`` is seen, False for a repeat within the
        store's ``update_ttl_seconds`` window (24 h by default).
        """

    @abstractmethod
    async def hit_rate(self, key: str, window_seconds: float) -> int:
        """Count one hit for ``key``; return the hits in the current window, this one included.

        Called by the Telegram handlers for every update, keyed by the sender, for
        the per-user rate limit (bot/telegram/admission.py). Windows are fixed and aligned to
        the store clock (window number ``floor(now / window_seconds)``); a counter
        disappears by itself once its window is over. Shared by every process using
        the store where the backend is shared (Redis); per process otherwise.
        """

    @abstractmethod
    async def ping(self) -> bool:
        """True if the backend is reachable and usable. Called by ``/healthz``.

        Never raises: a failure is the answer False.
        """

    @abstractmethod
    async def count(self) -> int:
        """Number of live (non-expired) sessions. Called by ``/metrics``."""

    @abstractmethod
    async def close(self) -> None:
        """Release connections/threads. Called once at shutdown; idempotent."""
