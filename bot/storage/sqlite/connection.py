"""Opening (and if needed creating) the SQLite session database, with clear errors.

Every failure at open becomes one :class:`StoreUnavailable` line naming the path
and the reason, so the CLI can print it and exit instead of showing a traceback.
Runs in the store's worker thread: the connection is then only ever used there.
Who calls it: bot/storage/sqlite/database.py (and the bench, to pre-fill a file).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from bot.storage.base import StoreUnavailable

log = logging.getLogger(__name__)

MEMORY_PATH = ":memory:"
SCHEMA_VERSION = 1

_TABLES = [
    """CREATE TABLE IF NOT EXISTS sessions (
        key        TEXT    PRIMARY KEY,
        payload    TEXT    NOT NULL,
        version    INTEGER NOT NULL,
        updated_at REAL    NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS seen_updates (
        update_id INTEGER PRIMARY KEY,
        seen_at   REAL    NOT NULL
    )""",
]
# Indexed because expire() and count() select by time.
_INDEXES = [
    "CREATE INDEX IF NOT EXISTS sessions_updated_at ON sessions (updated_at)",
    "CREATE INDEX IF NOT EXISTS seen_updates_seen_at ON seen_updates (seen_at)",
]
_SESSION_COLUMNS = ["key", "payload", "version", "updated_at"]

# "Live" means updated_at >= cutoff (cutoff = now - ttl), the negation of
# base.is_expired(), so every backend agrees on the boundary. Defined here, with the
# schema, because the read connection prepares it when it opens.
GET_LIVE_SESSION = "SELECT payload, version, updated_at FROM sessions WHERE key = ? AND updated_at >= ?"


def _fail(path: str, reason: str) -> StoreUnavailable:
    return StoreUnavailable(f"cannot open SQLite session store at {path}: {reason}")


def _prepare_file(path: Path) -> None:
    """Check the directory and create the file owner-only (it holds health data)."""
    if not path.parent.is_dir():
        raise _fail(str(path), f"directory {path.parent} does not exist")
    if path.is_dir():
        raise _fail(str(path), "it is a directory")
    try:
        # 0600 before SQLite touches it; SQLite gives -wal/-shm the same mode.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise _fail(str(path), exc.strerror or type(exc).__name__) from None
    os.close(fd)


def is_busy(exc: sqlite3.Error) -> bool:
    """True if SQLite gave up because another connection holds the database locked."""
    text = str(exc)
    return "locked" in text or "busy" in text


def _reason(exc: sqlite3.Error, busy_timeout: float) -> str:
    if is_busy(exc):
        return f"database is locked by another process (waited {busy_timeout:g} s)"
    return str(exc)


def open_database(path: str, busy_timeout: float) -> sqlite3.Connection:
    """Connect, switch to WAL + synchronous=FULL, create/verify the schema."""
    if path != MEMORY_PATH:
        _prepare_file(Path(path))
    try:
        # isolation_level=None: autocommit; each CAS is a single atomic statement
        # and multi-statement work uses explicit BEGIN IMMEDIATE.
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise _fail(path, _reason(exc, busy_timeout)) from None
    try:
        _configure(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise _fail(path, _reason(exc, busy_timeout)) from None
    except StoreUnavailable:
        conn.close()
        raise
    return conn


def open_reader(path: str, query: str, args: tuple[object, ...]) -> sqlite3.Connection:
    """A second connection to a database `open_database` has set up, for reads on the event loop.

    Read-only (``query_only``) and never waiting for a lock (``timeout=0``): the caller
    hands a read that finds the file locked to the worker thread instead. Opened here,
    used by the event loop's thread, hence ``check_same_thread=False``. `query` (with
    `args`) is run once: the connection can read, and the statement it will run on
    every update is prepared now rather than on the first update.
    """
    try:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise _fail(path, str(exc)) from None
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute(query, args).fetchall()
    except sqlite3.Error as exc:
        if not is_busy(exc):  # locked for a moment: that read is for the worker to wait for
            conn.close()
            raise _fail(path, str(exc)) from None
    return conn


def _configure(conn: sqlite3.Connection, path: str) -> None:
    # The first statement reads the header: a non-database fails here, at open.
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode != "wal" and path != MEMORY_PATH:
        # e.g. some network filesystems; still correct, only less concurrent.
        log.warning("SQLite session store could not enable WAL (journal_mode=%s)", mode)
    # WAL + NORMAL may lose the last commits on power loss; FULL fsyncs the WAL
    # on every commit, so an acknowledged put() is durable.
    conn.execute("PRAGMA synchronous=FULL")
    # Deleted rows are overwritten with zeros rather than left in free space: a forgotten
    # or expired session's answers must not stay readable in the file. Some builds have
    # it on by default; this one connection does all the deleting, so it is set here.
    conn.execute("PRAGMA secure_delete=ON")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _fail(path, f"schema version {version} is newer than supported {SCHEMA_VERSION}")
    # executescript() would COMMIT our transaction first: run statements singly.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _TABLES:
            conn.execute(statement)
        # A file with someone else's "sessions" table must not be written to.
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sessions)")]
        if columns != _SESSION_COLUMNS:
            raise _fail(path, "table 'sessions' exists but is not a session-store table")
        for statement in _INDEXES:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
