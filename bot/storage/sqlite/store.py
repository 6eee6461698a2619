"""The SQLite backend, the default: one file on local disk. :func:`open_sqlite` builds the set.

Design:
* stdlib ``sqlite3``. Everything that writes runs on ONE worker thread
  (bot/storage/sqlite/worker.py) with its own connection, so writes are serialised
  and the event loop never waits for a commit's fsync. Puts, claims and deletes
  waiting together are committed together (group commit: one fsync for all of them,
  each caller answered after it), so many chats at once do not queue one fsync each.
* ``get`` (one primary-key lookup per update) runs on the event loop with a second,
  read-only connection: a WAL reader never waits for the writer, and the thread hop
  there and back costs more than the lookup (about 0.1 ms against 0.01–0.05 ms on
  the bench's machine, docs/benchmarks.md). If the reader would have to wait (another
  process holds the file exclusively) it does not: the read is handed to the worker,
  which waits ``busy_timeout`` as every operation does. The lookup reads a few pages,
  normally in the OS cache (the writer just wrote them); on a cold cache that is a
  disk read on the loop.
* WAL journal + ``synchronous=FULL``: a put() that returned is on disk and
  survives a killed process (and a power cut).
* Deleting is erasing: ``secure_delete`` overwrites deleted rows, and a delete or a
  sweep that removed something checkpoints with TRUNCATE, which empties the -wal
  where the session's earlier versions still were.
* Compare-and-set is a single UPDATE / UPSERT statement with the version (and
  the not-expired condition) in its WHERE clause, so it is atomic even when
  several processes share the file.
* If another process holds the database locked, every operation (and the open)
  waits up to ``busy_timeout`` seconds, then raises :class:`StoreUnavailable`
  ("database is locked by another process (waited N s)").

Rate-limit counters (:meth:`SQLiteCounters.hit_rate`) are kept in process memory,
not in the file: single process anyway, and no record of who wrote when on disk.

Deployment: SINGLE PROCESS. The locks are in-process asyncio locks
(bot/storage/keylocks.py); two bot processes on one file keep their data consistent (the version
check still holds) but do not exclude each other's dialogue steps. Use Redis to
run several processes.

A cancelled caller does not cancel the statement already handed to the worker:
it completes (or fails) on its own, like any database call. Reads do not queue behind
writes, so a read right after a cancelled put may not see it yet; the next put's
version check then fails and the caller re-reads (bot/chat_turn.py retries).
"""

from __future__ import annotations

import sqlite3
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
)
from bot.storage.keylocks import KeyLocks
from bot.storage.ratecount import RateCounter
from bot.storage.sqlite.connection import GET_LIVE_SESSION
from bot.storage.sqlite.database import SQLiteDatabase, erase_from_wal
from bot.storage.sqlite.worker import WorkerStats

_INSERT = """
INSERT INTO sessions (key, payload, version, updated_at) VALUES (?, ?, 1, ?)
ON CONFLICT (key) DO UPDATE
    SET payload = excluded.payload, version = 1, updated_at = excluded.updated_at
    WHERE sessions.updated_at < ?
"""  # an expired leftover counts as absent: replaced, restarting at version 1
_UPDATE = """
UPDATE sessions SET payload = ?, version = version + 1, updated_at = ?
WHERE key = ? AND version = ? AND updated_at >= ?
"""
_CLAIM = """
INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?)
ON CONFLICT (update_id) DO UPDATE SET seen_at = excluded.seen_at
    WHERE seen_updates.seen_at < ?
"""  # a claim older than the window is forgotten, as if swept


class SQLiteSessions(SessionStore):
    """Sessions in the ``sessions`` table of ``db`` (WAL, durable puts)."""

    def __init__(
        self, db: SQLiteDatabase, ttl_seconds: float = DEFAULT_TTL_SECONDS, *, clock: Clock = time.time
    ) -> None:
        super().__init__(ttl_seconds=ttl_seconds, clock=clock)
        self.db = db
        self._closed = False

    @property
    def path(self) -> str:
        return self.db.path

    @property
    def write_stats(self) -> WorkerStats:
        """The file's durable writes (puts, deletes, update claims) and their commits; for the bench."""
        return self.db.write_stats

    def _check_open(self) -> None:
        if self._closed or self.db.closed:
            raise self.db.closed_error()

    async def get(self, key: str) -> StoredSession | None:
        self._check_open()
        rows = await self.db.read(GET_LIVE_SESSION, (key, self._clock() - self.ttl_seconds))
        return StoredSession(*rows[0]) if rows else None

    async def put(self, key: str, payload: str, expected_version: int) -> int:
        check_expected_version(expected_version)
        self._check_open()
        now = self._clock()
        cutoff = now - self.ttl_seconds

        def cas(c: sqlite3.Connection) -> tuple[bool, int]:
            if expected_version == 0:
                changed = c.execute(_INSERT, (key, payload, now, cutoff)).rowcount
            else:
                args = (payload, now, key, expected_version, cutoff)
                changed = c.execute(_UPDATE, args).rowcount
            if changed == 1:
                return True, expected_version + 1
            row = c.execute(GET_LIVE_SESSION, (key, cutoff)).fetchone()  # only for the message
            return False, 0 if row is None else row[1]

        ok, version = await self.db.run(cas, grouped=True)
        if not ok:
            raise VersionConflict(f"expected version {expected_version}, store has {version}")
        return version

    async def delete(self, key: str) -> bool:
        self._check_open()
        changed = await self.db.run(
            lambda c: c.execute("DELETE FROM sessions WHERE key = ?", (key,)).rowcount, grouped=True
        )
        if changed:
            await self.db.run(erase_from_wal)
        return changed > 0

    async def expire(self) -> int:
        self._check_open()
        cutoff = self._clock() - self.ttl_seconds
        removed = await self.db.run(
            lambda c: c.execute("DELETE FROM sessions WHERE updated_at < ?", (cutoff,)).rowcount
        )
        if removed:
            await self.db.run(erase_from_wal)
        return removed

    async def close(self) -> None:
        self._closed = True


class SQLiteCounters(Counters):
    """Update claims in the file's ``seen_updates`` table; rate windows in process memory."""

    def __init__(
        self,
        db: SQLiteDatabase,
        *,
        clock: Clock = time.time,
        update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
    ) -> None:
        self.db = db
        self._clock = clock
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self._rates = RateCounter()
        self._closed = False

    def _check_open(self) -> None:
        if self._closed or self.db.closed:
            raise self.db.closed_error()

    async def claim_update(self, update_id: int) -> bool:
        self._check_open()
        now = self._clock()
        cutoff = now - self.update_ttl_seconds
        changed = await self.db.run(
            lambda c: c.execute(_CLAIM, (update_id, now, cutoff)).rowcount, grouped=True
        )
        return changed == 1

    async def hit_rate(self, key: str, window_seconds: float) -> int:
        self._check_open()
        return self._rates.hit(key, window_seconds, self._clock())

    async def expire(self) -> None:
        self._check_open()
        now = self._clock()
        self._rates.prune(now)
        cutoff = now - self.update_ttl_seconds
        await self.db.run(lambda c: c.execute("DELETE FROM seen_updates WHERE seen_at < ?", (cutoff,)))

    async def close(self) -> None:
        self._closed = True
        self._rates.clear()


class SQLiteHealth(StoreHealth):
    """Pings the file through the worker; counts live sessions."""

    def __init__(
        self, db: SQLiteDatabase, ttl_seconds: float = DEFAULT_TTL_SECONDS, *, clock: Clock = time.time
    ) -> None:
        self.db = db
        self.ttl_seconds = check_ttl("ttl_seconds", ttl_seconds)
        self._clock = clock
        self._closed = False

    async def ping(self) -> bool:
        if self._closed:
            return False
        try:
            return await self.db.run(lambda c: c.execute("SELECT 1").fetchone() == (1,))
        except StoreUnavailable:
            return False

    async def count_sessions(self) -> int:
        if self._closed:
            raise self.db.closed_error()
        cutoff = self._clock() - self.ttl_seconds
        row = await self.db.run(
            lambda c: c.execute(
                "SELECT COUNT(*) FROM sessions WHERE updated_at >= ?", (cutoff,)
            ).fetchone()
        )
        return int(row[0])

    async def close(self) -> None:
        self._closed = True


def open_sqlite(
    path: str,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    *,
    clock: Clock = time.time,
    update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    busy_timeout: float = 5.0,
) -> Storage:
    """Open (creating if needed) the database at ``path`` and build the set on it.

    Raises :class:`StoreUnavailable` (see :class:`SQLiteDatabase`) if it cannot be opened,
    ValueError for a non-positive duration (checked before the file is touched).
    """
    check_ttl("ttl_seconds", ttl_seconds)
    check_ttl("update_ttl_seconds", update_ttl_seconds)
    locks = KeyLocks(lock_wait_seconds, name=f"SQLite session store at {path}")
    db = SQLiteDatabase(path, busy_timeout=busy_timeout)
    return Storage(
        sessions=SQLiteSessions(db, ttl_seconds, clock=clock),
        locks=locks,
        counters=SQLiteCounters(db, clock=clock, update_ttl_seconds=update_ttl_seconds),
        health=SQLiteHealth(db, ttl_seconds, clock=clock),
        release=db.close,
    )
