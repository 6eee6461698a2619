"""One SQLite session file as the SQLite parts share it: the worker thread and the reader.

Who uses it: bot/storage/sqlite/store.py (sessions, update claims, health all run their
statements through one :class:`SQLiteDatabase`, so their writes share the worker's
group commit). Writes, and reads that must wait for a lock, go to the worker thread
(bot/storage/sqlite/worker.py); a session read runs on the event loop with a second,
read-only connection (see bot/storage/sqlite/store.py for why).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from bot.storage.base import StoreUnavailable, check_ttl
from bot.storage.sqlite.connection import (
    GET_LIVE_SESSION,
    MEMORY_PATH,
    is_busy,
    open_database,
    open_reader,
)
from bot.storage.sqlite.worker import SQLiteWorker, WorkerStats

T = TypeVar("T")


def erase_from_wal(c: sqlite3.Connection) -> None:
    """After a delete: the deleted session's earlier versions are still whole in the -wal
    file (every commit appends pages there) until a checkpoint. TRUNCATE copies the
    pages to the database (where secure_delete has zeroed the row) and empties the
    -wal. A reader in the middle of a read can hold it back; the next one completes it."""
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


class SQLiteDatabase:
    """The file at ``path`` (``":memory:"`` works), opened and set up; closed by :meth:`close`."""

    def __init__(self, path: str, *, busy_timeout: float = 5.0) -> None:
        """Open (creating if needed) the database at ``path``.

        Blocks up to ``busy_timeout`` seconds if another process holds the file
        locked. Raises :class:`StoreUnavailable` with the path and reason if the
        directory is missing, the file is not a database, or it stays locked.
        """
        self.path = path
        self.busy_timeout = check_ttl("busy_timeout", busy_timeout)
        self._worker = SQLiteWorker(lambda: open_database(path, self.busy_timeout))
        try:
            # ":memory:" is private to its connection: there, reads go to the worker too.
            self._reader = (
                open_reader(path, GET_LIVE_SESSION, ("", 0.0)) if path != MEMORY_PATH else None
            )
        except BaseException:
            self._worker.close()
            raise
        self.closed = False

    def closed_error(self) -> StoreUnavailable:
        return StoreUnavailable(f"SQLite session store at {self.path} is closed")

    async def run(self, fn: Callable[[sqlite3.Connection], T], *, grouped: bool = False) -> T:
        """Run ``fn(connection)`` on the worker thread (``grouped``: see SQLiteWorker.run)."""
        if self.closed:
            raise self.closed_error()
        try:
            return await self._worker.run(fn, grouped=grouped)
        except sqlite3.Error as exc:
            # sqlite3 messages never contain bound values, so no payload leaks here.
            reason = str(exc)
            if is_busy(exc):
                reason = f"database is locked by another process (waited {self.busy_timeout:g} s)"
            raise StoreUnavailable(f"SQLite session store at {self.path}: {reason}") from None

    async def read(self, query: str, args: tuple[Any, ...]) -> list[Any]:
        """All rows of ``query``: on the event loop with the reader, or on the worker if it would wait."""
        if self.closed:
            raise self.closed_error()
        if self._reader is not None:
            try:
                # fetchall: the statement runs to its end, so no read transaction stays open.
                return self._reader.execute(query, args).fetchall()
            except sqlite3.Error as exc:
                if not is_busy(exc):
                    raise StoreUnavailable(f"SQLite session store at {self.path}: {exc}") from None
                # Locked by another process: wait for it on the worker, not on the loop.
        return await self.run(lambda c: c.execute(query, args).fetchall())

    @property
    def write_stats(self) -> WorkerStats:
        """Writes made durable so far and the commits (fsyncs) that did it; for the bench."""
        return self._worker.stats

    async def close(self) -> None:
        """Close both connections and end the worker thread; idempotent."""
        if self.closed:
            return
        self.closed = True
        if self._reader is not None:
            self._reader.close()
        # Queued behind any in-flight statement (single worker, FIFO).
        await self._worker.aclose()
