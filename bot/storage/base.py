"""The storage contract: four narrow interfaces, and the set of them a backend provides.

Modelled on aiogram's split of ``BaseStorage`` (the state) from ``BaseEventIsolation``
(the per-chat lock): each job has its own small interface, so a caller depends only
on what it uses and a backend can be tested one job at a time.

* :class:`SessionStore` — the sessions: get, put with a version check, delete,
  expire, close. Used by bot/chat_turn.py and the expiry job.
* :class:`ChatLocks` — one turn per chat at a time: ``lock(key)``, close.
* :class:`Counters` — update claims (de-duplication of ``/forget``) and rate-limit
  hits, with their own sweep. Used by bot/chat_turn.py and bot/telegram/admission.py.
* :class:`StoreHealth` — ``ping`` for ``/healthz`` and the live session count for
  ``/metrics``.

:class:`Storage` is one backend's set of the four, sharing its connection; the
backends (bot/storage/memory.py, bot/storage/sqlite/, bot/storage/redis/) build it
and bot/storage/factory.py picks one by URL.

How the callers use it, per incoming Telegram update (bot/chat_turn.py)::

    if await storage.counters.hit_rate(f"tg-user:{user_id}", 60) > limit:
        return                                       # a flood: not processed
    async with storage.locks.lock(chat_key):         # one update per chat at a time
        stored = await storage.sessions.get(chat_key)  # None -> start a new dialogue
        if update.update_id in ids_in(stored):
            return                                   # a redelivery already applied
        state, reply = step(stored.payload if stored else None, update)
        await storage.sessions.put(chat_key, state + update.update_id, stored.version if stored else 0)
        await send(reply)

De-duplication lives in the session payload, written by the same version-checked
``put`` as the step, so nothing is marked done before it is done.
:meth:`Counters.claim_update` is for ``/forget``, which leaves no session to
remember its update id in.

Sessions are health data. Stores treat the payload as opaque text and must never
log it (nor put it in exception messages).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field

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
    """:meth:`ChatLocks.lock` could not be taken within the store's wait limit.

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
    """Async key -> session store with optimistic versioning.

    Keys are opaque strings chosen by the caller (e.g. ``"tg:123456"``). After
    :meth:`close` every method raises :class:`StoreUnavailable` except :meth:`close`
    (a no-op).
    """

    ttl_seconds: float
    """Sessions idle longer than this are treated as gone."""

    def __init__(self, *, ttl_seconds: float, clock: Clock = time.time) -> None:
        self.ttl_seconds = check_ttl("ttl_seconds", ttl_seconds)
        self._clock = clock

    @abstractmethod
    async def get(self, key: str) -> StoredSession | None:
        """Read a session. Called by the adapter inside the chat's lock before a step.

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

        Called by the periodic housekeeping job (bot/storage/expiry.py). Backends with
        native expiry (Redis) may return 0 because the server already removed them.
        """

    @abstractmethod
    async def close(self) -> None:
        """Stop serving sessions. Idempotent; the shared connection is :class:`Storage`'s to close."""


class ChatLocks(ABC):
    """Per-key mutual exclusion around read-step-write (aiogram's event isolation)."""

    @abstractmethod
    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        """``async with locks.lock(key):`` — called by the adapter around every turn.

        Different keys never block each other. Waiting longer than the backend's
        ``wait_seconds`` raises :class:`LockTimeout`. The lock is advisory:
        :meth:`SessionStore.put`'s version check is what guarantees no lost update.
        After :meth:`close` it raises :class:`StoreUnavailable`.
        """

    @abstractmethod
    async def close(self) -> None:
        """Refuse new locks from now on. Idempotent."""


class Counters(ABC):
    """Small counters kept beside the sessions: update claims and rate-limit hits.

    After :meth:`close` every method raises :class:`StoreUnavailable` except
    :meth:`close` (a no-op).
    """

    @abstractmethod
    async def claim_update(self, update_id: int) -> bool:
        """De-duplicate deliveries of updates that leave no session (``/forget``).

        Called by bot/chat_turn.py *after* the work is done, so a crash before it
        leaves the redelivery to do the work.

        True the first time ``update_id`` is seen, False for a repeat within the
        backend's ``update_ttl_seconds`` window (24 h by default).
        """

    @abstractmethod
    async def hit_rate(self, key: str, window_seconds: float) -> int:
        """Count one hit for ``key``; return the hits in the current window, this one included.

        Called for every update, keyed by the sender, for the per-user rate limit
        (bot/telegram/admission.py). Windows are fixed and aligned to the store clock (window
        number ``floor(now / window_seconds)``); a counter disappears by itself once
        its window is over. Shared by every process using the backend where the
        backend is shared (Redis); per process otherwise.
        """

    @abstractmethod
    async def expire(self) -> None:
        """Forget update claims older than the claim window and rate windows that are over.

        Called by the housekeeping job beside :meth:`SessionStore.expire`. Backends
        whose entries carry their own expiry (Redis) have nothing to do.
        """

    @abstractmethod
    async def close(self) -> None:
        """Stop counting. Idempotent."""


class StoreHealth(ABC):
    """What the operator's endpoints ask of the backend."""

    @abstractmethod
    async def ping(self) -> bool:
        """True if the backend is reachable and usable. Called by ``/healthz``.

        Never raises: a failure, or a closed storage, is the answer False.
        """

    @abstractmethod
    async def count_sessions(self) -> int:
        """Number of live (non-expired) sessions. Called by ``/metrics``."""

    @abstractmethod
    async def close(self) -> None:
        """Answer False to :meth:`ping` from now on. Idempotent."""


@dataclass
class Storage:
    """One backend's four parts, handed to the Telegram application as one value.

    ``release`` closes what the parts share (a SQLite file's worker thread, a Redis
    client): :meth:`close` closes the parts first, so none uses it afterwards.
    """

    sessions: SessionStore
    locks: ChatLocks
    counters: Counters
    health: StoreHealth
    release: Callable[[], Awaitable[None]] | None = None
    _closed: bool = field(default=False, init=False, repr=False)

    async def close(self) -> None:
        """Close every part, then the shared connection. Called once at shutdown; idempotent."""
        if self._closed:
            return
        self._closed = True
        for part in (self.locks, self.counters, self.health, self.sessions):
            await part.close()
        if self.release is not None:
            await self.release()
