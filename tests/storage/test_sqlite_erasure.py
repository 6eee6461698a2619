"""Deleted answers are gone from the SQLite files while the bot runs (issue 14, item 5).

After /forget (`delete`) and after the TTL sweep (`expire`) the answers used to stay in
plaintext in the `-wal` file until a checkpoint happened to run, and the main file was
clean only because this SQLite build turns `secure_delete` on by default. The store now
sets `secure_delete` itself and checkpoints (TRUNCATE) after every delete that removed
something. The check is a byte scan of the database and its `-wal`, the store still open.
"""

from __future__ import annotations

from pathlib import Path

from bot.storage import Storage, open_sqlite
from bot.storage.sqlite.connection import open_database

FORGOTTEN = "answer-of-the-person-who-forgot-7c1f"
KEPT = "answer-of-someone-else-9b2e"


def payload(marker: str) -> str:
    return '{"case": {"note": "' + marker + '"}, "padding": "' + "x" * 600 + '"}'


def on_disk(path: Path) -> bytes:
    """The database and its write-ahead log, as bytes (the -shm holds only an index)."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def fill(store: Storage) -> None:
    for n in range(3):  # several versions of the forgotten session, as a conversation makes
        await store.sessions.put("tg:1", payload(f"{FORGOTTEN}-{n}"), n)
    await store.sessions.put("tg:2", payload(KEPT), 0)


async def test_forget_leaves_no_answer_in_the_database_or_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    try:
        await fill(store)
        assert FORGOTTEN.encode() in on_disk(path)
        assert await store.sessions.delete("tg:1")
        data = on_disk(path)
        assert FORGOTTEN.encode() not in data
        assert KEPT.encode() in data  # the scan would see an answer that is still there
        assert (await store.sessions.get("tg:2")) is not None
    finally:
        await store.close()


async def test_the_expiry_sweep_leaves_no_answer_either(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    now = [1_000_000.0]
    store = open_sqlite(str(path), ttl_seconds=60, clock=lambda: now[0])
    try:
        await fill(store)
        now[0] += 30
        await store.sessions.put("tg:2", payload(KEPT), 1)  # still in use
        now[0] += 45  # tg:1 idle 75 s, past the TTL; tg:2 idle 45 s
        assert await store.sessions.expire() == 1
        data = on_disk(path)
        assert FORGOTTEN.encode() not in data and KEPT.encode() in data
    finally:
        await store.close()


def test_every_connection_overwrites_what_it_deletes(tmp_path: Path) -> None:
    conn = open_database(str(tmp_path / "s.sqlite3"), busy_timeout=1.0)
    try:
        assert conn.execute("PRAGMA secure_delete").fetchone() == (1,)
    finally:
        conn.close()
