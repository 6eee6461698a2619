"""SQLite-only behaviour: durability, errors at open, other processes on the file.

Chosen behaviour when another process holds the database locked: the store
WAITS up to ``busy_timeout`` seconds (at open and on every operation), then
raises StoreUnavailable saying "database is locked by another process".
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bot.storage import StoreUnavailable, open_sqlite

REPO = Path(__file__).resolve().parents[2]
BOUND = 20.0


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait(timeout=5)
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()


async def test_data_survives_reopen(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite3")
    store = open_sqlite(path)
    await store.sessions.put("tg:1", '{"n": 1}', 0)
    await store.counters.claim_update(42)
    await store.close()
    store = open_sqlite(path)
    try:
        stored = await store.sessions.get("tg:1")
        assert stored is not None and (stored.payload, stored.version) == ('{"n": 1}', 1)
        assert await store.counters.claim_update(42) is False
    finally:
        await store.close()


WRITER = """
import asyncio, sys
from bot.storage import open_sqlite

async def main() -> None:
    store = open_sqlite(sys.argv[1])
    await store.sessions.put("tg:1", '{"saved": true}', 0)
    print("saved", flush=True)
    await asyncio.sleep(60)  # killed long before; never closes the store

asyncio.run(main())
"""


async def test_put_survives_process_kill(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite3")
    proc = run_python(WRITER, path)
    try:
        assert proc.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), BOUND)
        assert line.strip() == "saved"
        proc.kill()  # SIGKILL right after put() returned: no close, no checkpoint
        proc.wait(timeout=5)
    finally:
        finish(proc)
    store = open_sqlite(path)
    try:
        stored = await store.sessions.get("tg:1")
        assert stored is not None and stored.payload == '{"saved": true}'
    finally:
        await store.close()


async def test_durability_settings(tmp_path: Path) -> None:
    store = open_sqlite(str(tmp_path / "s.sqlite3"))
    try:
        mode = await store.sessions.db.run(lambda c: c.execute("PRAGMA journal_mode").fetchone()[0])
        sync = await store.sessions.db.run(lambda c: c.execute("PRAGMA synchronous").fetchone()[0])
        assert (mode, sync) == ("wal", 2)  # 2 = FULL: the WAL is fsynced on every commit
    finally:
        await store.close()


async def test_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    await open_sqlite(str(path)).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def open_error(path: Path | str, busy_timeout: float = 5.0) -> str:
    with pytest.raises(StoreUnavailable) as err:
        open_sqlite(str(path), busy_timeout=busy_timeout)
    message = str(err.value)
    assert "\n" not in message and str(path) in message
    return message


def test_missing_directory_fails_at_open(tmp_path: Path) -> None:
    path = tmp_path / "no-such-dir" / "s.sqlite3"
    assert "does not exist" in open_error(path)
    assert not path.parent.exists()  # a typo in the path must not create folders


def test_not_a_database_fails_at_open(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are not the sessions you are looking for\n" * 100)
    assert "not a database" in open_error(path)
    assert path.read_text().startswith("these are not")  # left untouched


def test_directory_fails_at_open(tmp_path: Path) -> None:
    assert "directory" in open_error(tmp_path)


def test_foreign_sessions_table_fails_at_open(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, data BLOB)")
    conn.close()
    assert "not a session-store table" in open_error(path)


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # nobody else may even read
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
else:  # "write": a long write transaction; WAL readers carry on
    conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()  # hold until told
conn.close()
print("released", flush=True)
sys.stdin.readline()
"""


async def hold_lock(path: Path, mode: str = "exclusive") -> subprocess.Popen[str]:
    proc = run_python(HOLDER, str(path), mode)
    assert proc.stdout is not None
    line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), BOUND)
    assert line.strip() == "locked"
    return proc


def release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "released"


async def test_locked_file_waits_then_fails_at_open(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    await open_sqlite(str(path)).close()
    proc = await hold_lock(path)
    try:
        started = time.monotonic()
        message = open_error(path, busy_timeout=0.3)
        waited = time.monotonic() - started
        assert "locked by another process (waited 0.3 s)" in message
        assert 0.25 <= waited < 5
    finally:
        finish(proc)


async def test_locked_file_opens_once_released(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    await open_sqlite(str(path)).close()
    proc = await hold_lock(path)
    try:
        loop = asyncio.get_running_loop()
        loop.call_later(0.3, release, proc)
        # Opening blocks (by design, at start-up) until the holder lets go.
        store = await asyncio.to_thread(open_sqlite, str(path), busy_timeout=10.0)
        assert await store.sessions.put("tg:1", "{}", 0) == 1
        await store.close()
    finally:
        finish(proc)


async def test_write_locked_file_at_runtime(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path), busy_timeout=0.3)
    try:
        await store.sessions.put("tg:1", "{}", 0)
        proc = await hold_lock(path, "write")
        try:
            with pytest.raises(StoreUnavailable, match="locked by another process"):
                await store.sessions.put("tg:1", '{"n": 2}', 1)
            stored = await store.sessions.get("tg:1")  # WAL: reads go on during a foreign write
            assert stored is not None and stored.version == 1
            assert await store.health.ping() is True
            release(proc)
            assert await store.sessions.put("tg:1", '{"n": 2}', 1) == 2
        finally:
            finish(proc)
    finally:
        await store.close()


async def test_reads_run_on_the_event_loop_and_writes_on_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_sqlite(str(tmp_path / "s.sqlite3"))
    try:
        await store.sessions.put("tg:1", '{"n": 1}', 0)
        hops: list[str] = []
        run = store.sessions.db.run

        async def counted(fn, **kwargs):  # type: ignore[no-untyped-def]
            hops.append("worker")
            return await run(fn, **kwargs)

        monkeypatch.setattr(store.sessions.db, "run", counted)
        stored = await store.sessions.get("tg:1")
        assert stored is not None and (stored.payload, stored.version) == ('{"n": 1}', 1)
        assert await store.sessions.get("tg:2") is None
        assert hops == []  # no thread hop for a read
        assert await store.sessions.put("tg:1", '{"n": 2}', 1) == 2
        assert hops == ["worker"]  # the durable write: on the worker, off the loop
        stored = await store.sessions.get("tg:1")  # and the read that follows sees it at once
        assert stored is not None and (stored.payload, stored.version) == ('{"n": 2}', 2)
    finally:
        await store.close()


async def test_a_cancelled_put_still_completes_and_the_store_stays_usable(tmp_path: Path) -> None:
    store = open_sqlite(str(tmp_path / "s.sqlite3"))
    try:
        release = threading.Event()
        blocker = asyncio.ensure_future(store.sessions.db.run(lambda c: release.wait(BOUND)))  # the worker is busy
        put = asyncio.ensure_future(store.sessions.put("tg:1", '{"n": 1}', 0))
        await asyncio.sleep(0.05)
        put.cancel()  # the caller gives up while its write waits behind the blocker
        release.set()
        await blocker
        with pytest.raises(asyncio.CancelledError):
            await put
        await store.sessions.db.run(lambda c: None)  # the worker's jobs run in order: the put's is done now
        stored = await store.sessions.get("tg:1")  # handed over before the cancel: it ran all the same
        assert stored is not None and stored.version == 1
        assert await store.sessions.put("tg:1", '{"n": 2}', 1) == 2
    finally:
        await store.close()


class FailingReader:
    """Stands in for the store's read connection: every statement fails with `message`."""

    def __init__(self, message: str) -> None:
        self.message = message

    def execute(self, *args: object) -> None:
        raise sqlite3.OperationalError(self.message)

    def close(self) -> None:
        pass


async def test_a_read_that_would_wait_for_a_lock_is_handed_to_the_worker(tmp_path: Path) -> None:
    # When the reader finds the file locked (SQLite is recovering another process's WAL,
    # say), it must not wait on the event loop: the worker reads, waiting busy_timeout.
    store = open_sqlite(str(tmp_path / "s.sqlite3"))
    try:
        await store.sessions.put("tg:1", '{"n": 1}', 0)
        db = store.sessions.db
        reader, db._reader = db._reader, FailingReader("database is locked")  # type: ignore[assignment]
        stored = await store.sessions.get("tg:1")
        assert stored is not None and (stored.payload, stored.version) == ('{"n": 1}', 1)
        store.sessions.db._reader = FailingReader("disk I/O error")  # type: ignore[assignment]
        with pytest.raises(StoreUnavailable, match=r"^SQLite session store at .*: disk I/O error$"):
            await store.sessions.get("tg:1")
        store.sessions.db._reader = reader
    finally:
        await store.close()


async def test_in_memory_database_reads_through_its_one_connection() -> None:
    store = open_sqlite(":memory:")
    try:
        assert await store.sessions.put("tg:1", "{}", 0) == 1
        stored = await store.sessions.get("tg:1")
        assert stored is not None and stored.version == 1
    finally:
        await store.close()


INCREMENTER = """
import asyncio, json, sys
from bot.storage import VersionConflict, open_sqlite

async def main() -> None:
    store = open_sqlite(sys.argv[1], busy_timeout=10.0)
    done = 0
    while done < int(sys.argv[2]):
        stored = await store.sessions.get("counter")
        value = json.loads(stored.payload)["n"] + 1
        try:
            await store.sessions.put("counter", json.dumps({"n": value}), stored.version)
            done += 1
        except VersionConflict:
            pass
    await store.close()

asyncio.run(main())
"""


async def test_two_processes_lose_no_update(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite3")
    store = open_sqlite(path)
    await store.sessions.put("counter", '{"n": 0}', 0)
    procs = [run_python(INCREMENTER, path, "25") for _ in range(2)]
    try:
        for proc in procs:
            await asyncio.wait_for(asyncio.to_thread(proc.wait), BOUND)
            assert proc.returncode == 0
        stored = await store.sessions.get("counter")
        assert stored is not None
        assert (stored.payload, stored.version) == ('{"n": 50}', 51)
    finally:
        for proc in procs:
            finish(proc)
        await store.close()


async def test_relative_path_is_relative_to_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkdir("data")
    await open_sqlite("data/s.sqlite3").close()
    assert (tmp_path / "data" / "s.sqlite3").is_file()
