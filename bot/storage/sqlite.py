"""SQLiteStore: the default backend, one file on local disk.

Design:
* stdlib ``sqlite3``. Everything that writes runs on ONE worker thread
  (bot/storage/sqlite_worker.py) with its own connection, so writes are serialised
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

Rate-limit counters (:meth:`SQLiteStore.hit_rate`) are kept in process memory,
not in the file: single process anyway, and no record of who wrote when on disk.

Deployment: SINGLE PROCESS. :meth:`SQLiteStore.lock` is an in-process asyncio
lock; two bot processes on one file keep their data consistent (the version
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
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import TypeVar

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
)
from bot.storage.keylocks import KeyLocks
from bot.storage.ratecount import RateCounter
from bot.storage.sqlite_open import MEMORY_PATH, is_busy, open_database, open_reader
from bot.storage.sqlite_worker import SQLiteWorker, WorkerStats

T = TypeVar("T")

# "Live" means updated_at >= cutoff (cutoff = now - ttl), the negation of
# base.is_expired(), so every backend agrees on the boundary.
_GET = "SELECT payload, version, updated_at FROM sessions WHERE key = ? AND updated_at >= ?"
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


def _erase_from_wal(c: sqlite3.Connection) -> None:
    """After a delete: the deleted session's earlier versions are still whole in the -wal
    file (every commit appends pages there) until a checkpoint. TRUNCATE copies the
    pages to the database (where secure_delete has zeroed the row) and empties the
    -wal. A reader in the middle of a read can hold it back; the next one completes it."""
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


class SQLiteStore(SessionStore):
    """Sessions in a SQLite file (WAL, durable puts). Single-process deployments."""

    def __init__(
        self,
        path: str,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        clock: Clock = time.time,
        update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
        lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
        busy_timeout: float = 5.0,
    ) -> None:
        """Open (creating if needed) the database at ``path``; ``":memory:"`` works.

        Blocks up to ``busy_timeout`` seconds if another process holds the file
        locked. Raises :class:`StoreUnavailable` with the path and reason if the
        directory is missing, the file is not a database, or it stays locked.
        """
        super().__init__(ttl_seconds=ttl_seconds, clock=clock)
        self.path = path
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self.lock_wait_seconds = check_ttl("lock_wait_seconds", lock_wait_seconds)
        self.busy_timeout = check_ttl("busy_timeout", busy_timeout)
        self._locks = KeyLocks(self.lock_wait_seconds)
        self._rates = RateCounter()
        self._worker = SQLiteWorker(lambda: open_database(path, self.busy_timeout))
        try:
            # ":memory:" is private to its connection: there, reads go to the worker too.
            self._reader = open_reader(path, _GET, ("", 0.0)) if path != MEMORY_PATH else None
        except BaseException:
            self._worker.close()
            raise
        self._closed = False

    async def _run(self, fn: Callable[[sqlite3.Connection], T], *, grouped: bool = False) -> T:
        if self._closed:
            raise StoreUnavailable(f"SQLite session store at {self.path} is closed")
        try:
            return await self._worker.run(fn, grouped=grouped)
        except sqlite3.Error as exc:
            # sqlite3 messages never contain bound values, so no payload leaks here.
            reason = str(exc)
            if is_busy(exc):
                reason = f"database is locked by another process (waited {self.busy_timeout:g} s)"
            raise StoreUnavailable(f"SQLite session store at {self.path}: {reason}") from None

    @property
    def write_stats(self) -> WorkerStats:
        """Writes made durable so far and the commits (fsyncs) that did it; for the bench."""
        return self._worker.stats

    def _cutoff(self) -> float:
        return self._clock() - self.ttl_seconds

    async def get(self, key: str) -> StoredSession | None:
        if self._closed:
            raise StoreUnavailable(f"SQLite session store at {self.path} is closed")
        args = (key, self._cutoff())
        rows = None
        if self._reader is not None:
            try:
                # fetchall: the statement runs to its end, so no read transaction stays open.
                rows = self._reader.execute(_GET, args).fetchall()
            except sqlite3.Error as exc:
                if not is_busy(exc):
                    raise StoreUnavailable(f"SQLite session store at {self.path}: {exc}") from None
                # Locked by another process: wait for it on the worker, not on the loop.
        if rows is None:
            rows = await self._run(lambda c: c.execute(_GET, args).fetchall())
        return StoredSession(*rows[0]) if rows else None

    async def put(self, key: str, payload: str, expected_version: int) -> int:
        check_expected_version(expected_version)
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
            row = c.execute(_GET, (key, cutoff)).fetchone()  # only for the message
            return False, 0 if row is None else row[1]

        ok, version = await self._run(cas, grouped=True)
        if not ok:
            raise VersionConflict(f"expected version {expected_version}, store has {version}")
        return version

    async def delete(self, key: str) -> bool:
        changed = await self._run(
            lambda c: c.execute("DELETE FROM sessions WHERE key = ?", (key,)).rowcount, grouped=True
        )
        if changed:
            await self._run(_erase_from_wal)
        return changed > 0

    async def expire(self) -> int:
        now = self._clock()
        cutoff, update_cutoff = now - self.ttl_seconds, now - self.update_ttl_seconds

        def sweep(c: sqlite3.Connection) -> int:
            c.execute("BEGIN IMMEDIATE")
            try:
                n = c.execute("DELETE FROM sessions WHERE updated_at < ?", (cutoff,)).rowcount
                c.execute("DELETE FROM seen_updates WHERE seen_at < ?", (update_cutoff,))
                c.execute("COMMIT")
            except BaseException:
                if c.in_transaction:
                    c.execute("ROLLBACK")
                raise
            return n

        self._rates.prune(now)
        removed = await self._run(sweep)
        if removed:
            await self._run(_erase_from_wal)
        return removed

    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        if self._closed:
            raise StoreUnavailable(f"SQLite session store at {self.path} is closed")
        return self._locks.hold(key)

    async def claim_update(self, update_id: int) -> bool:
        now = self._clock()
        cutoff = now - self.update_ttl_seconds
        changed = await self._run(
            lambda c: c.execute(_CLAIM, (update_id, now, cutoff)).rowcount, grouped=True
        )
        return changed == 1

    async def hit_rate(self, key: str, window_seconds: float) -> int:
        if self._closed:
            raise StoreUnavailable(f"SQLite session store at {self.path} is closed")
        return self._rates.hit(key, window_seconds, self._clock())

    async def ping(self) -> bool:
        try:
            return await self._run(lambda c: c.execute("SELECT 1").fetchone() == (1,))
        except StoreUnavailable:
            return False

    async def count(self) -> int:
        cutoff = self._cutoff()
        row = await self._run(
            lambda c: c.execute(
                "SELECT COUNT(*) FROM sessions WHERE updated_at >= ?", (cutoff,)
            ).fetchone()
        )
        return int(row[0])

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._rates.clear()
        if self._reader is not None:
            self._reader.close()
        # Queued behind any in-flight statement (single worker, FIFO).
        await self._worker.aclose()
