"""Group commit in the SQLite store: writes waiting together share one durable commit.

The worker thread is held busy by a job that waits on an event, so the writes given
meanwhile are all waiting when it takes the next job: that makes the grouping
deterministic instead of depending on timing.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Storage, StoreUnavailable, VersionConflict, open_sqlite
from bot.storage.sqlite.worker import MAX_GROUP, SQLiteWorker

BOUND = 20.0


@asynccontextmanager
async def worker_held(store: Storage) -> AsyncIterator[None]:
    """The store's worker is busy until the block ends; what is given meanwhile waits."""
    release = threading.Event()
    blocker = asyncio.ensure_future(store.sessions.db.run(lambda c: release.wait(BOUND)))
    await asyncio.sleep(0.05)  # the worker has taken the blocker
    try:
        yield
    finally:
        release.set()
        await blocker


def started(coro: Awaitable[Any]) -> asyncio.Future[Any]:
    return asyncio.ensure_future(coro)


def rows_on_disk(path: Path) -> dict[str, int]:
    """What another connection (as after a crash and restart) reads from the file."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, version FROM sessions").fetchall())
    finally:
        conn.close()


async def test_writes_waiting_together_share_one_commit(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    try:
        before = (store.sessions.write_stats.grouped_jobs, store.sessions.write_stats.grouped_commits)
        async with worker_held(store):
            puts = [started(store.sessions.put(f"tg:{i}", f'{{"n": {i}}}', 0)) for i in range(10)]
            claim = started(store.counters.claim_update(7))
            await asyncio.sleep(0.05)
            assert not any(p.done() for p in puts)  # nobody hears back before the commit
        assert await asyncio.gather(*puts) == [1] * 10
        assert await claim is True
        assert store.sessions.write_stats.grouped_jobs - before[0] == 11
        assert store.sessions.write_stats.grouped_commits - before[1] == 1  # eleven writes, one fsync
        assert rows_on_disk(path) == {f"tg:{i}": 1 for i in range(10)}  # committed, not pending
        assert await store.counters.claim_update(7) is False  # the claim was kept too
    finally:
        await store.close()


async def test_a_lone_write_is_committed_at_once_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    try:
        before = store.sessions.write_stats.grouped_commits
        assert await store.sessions.put("tg:1", "{}", 0) == 1
        assert store.sessions.write_stats.grouped_commits - before == 1
        assert rows_on_disk(path) == {"tg:1": 1}
    finally:
        await store.close()


async def test_a_version_conflict_in_a_group_fails_that_write_alone(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    try:
        async with worker_held(store):
            first = started(store.sessions.put("tg:1", '{"who": "first"}', 0))
            second = started(store.sessions.put("tg:1", '{"who": "second"}', 0))  # same version: must lose
            other = started(store.sessions.put("tg:2", "{}", 0))
            await asyncio.sleep(0.05)
        assert await first == 1
        with pytest.raises(VersionConflict):
            await second
        assert await other == 1
        stored = await store.sessions.get("tg:1")
        assert stored is not None and stored.payload == '{"who": "first"}'
    finally:
        await store.close()


async def test_a_failing_job_leaves_nothing_behind_and_the_others_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    insert = "INSERT INTO sessions (key, payload, version, updated_at) VALUES (?, '{}', 1, 1e12)"

    def half_done(c: sqlite3.Connection) -> None:
        c.execute(insert, ("tg:half",))
        raise ValueError("failed after its first statement")

    worker: SQLiteWorker = store.sessions.db._worker
    try:
        async with worker_held(store):
            before = started(worker.run(lambda c: c.execute(insert, ("tg:before",)).rowcount, grouped=True))
            failing = started(worker.run(half_done, grouped=True))
            after = started(worker.run(lambda c: c.execute(insert, ("tg:after",)).rowcount, grouped=True))
            await asyncio.sleep(0.05)
        assert await before == 1 and await after == 1
        with pytest.raises(ValueError, match="failed after its first statement"):
            await failing
        assert rows_on_disk(path) == {"tg:before": 1, "tg:after": 1}
    finally:
        await store.close()


async def test_an_error_that_ends_the_transaction_fails_every_write_of_the_group(tmp_path: Path) -> None:
    # Stands in for a disk-full or I/O error, after which SQLite has rolled the whole
    # transaction back: the writes before it in the group are gone too, so their callers
    # must not be told they are on disk.
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))

    def ends_the_transaction(c: sqlite3.Connection) -> None:
        c.execute("ROLLBACK")
        raise sqlite3.OperationalError("disk I/O error")

    try:
        async with worker_held(store):
            put = started(store.sessions.put("tg:1", "{}", 0))
            broken = started(store.sessions.db.run(ends_the_transaction, grouped=True))
            later = started(store.sessions.put("tg:2", "{}", 0))
            await asyncio.sleep(0.05)
        for write in (put, broken, later):
            with pytest.raises(StoreUnavailable, match="disk I/O error"):
                await write
        assert rows_on_disk(path) == {}
        assert await store.sessions.put("tg:1", "{}", 0) == 1  # and the store goes on
    finally:
        await store.close()


async def test_a_locked_file_fails_the_whole_group_with_a_clear_reason(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path), busy_timeout=0.2)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        async with worker_held(store):
            puts = [started(store.sessions.put(f"tg:{i}", "{}", 0)) for i in range(3)]
            other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            await asyncio.sleep(0.05)
        for put in puts:
            with pytest.raises(StoreUnavailable, match="locked by another process"):
                await put
        other.execute("ROLLBACK")
        assert await store.sessions.put("tg:0", "{}", 0) == 1
    finally:
        other.close()
        await store.close()


async def test_a_long_queue_is_committed_in_bounded_groups_in_order(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    count = MAX_GROUP * 2 + 5
    try:
        before = store.sessions.write_stats.grouped_commits
        async with worker_held(store):
            # Every write to one key, each expecting the version the one before it made:
            # only running them in the order given makes all of them succeed.
            puts = [started(store.sessions.put("tg:1", f'{{"n": {v}}}', v)) for v in range(count)]
            await asyncio.sleep(0.05)
        assert await asyncio.gather(*puts) == list(range(1, count + 1))
        assert store.sessions.write_stats.grouped_commits - before == 3
    finally:
        await store.close()


async def test_close_waits_for_the_writes_gathered_with_it(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = open_sqlite(str(path))
    async with worker_held(store):
        puts = [started(store.sessions.put(f"tg:{i}", "{}", 0)) for i in range(3)]
        closing = started(store.close())  # queued behind the puts, taken while gathering them
        await asyncio.sleep(0.05)
    assert await asyncio.gather(*puts) == [1, 1, 1]
    await closing
    assert rows_on_disk(path) == {"tg:0": 1, "tg:1": 1, "tg:2": 1}
