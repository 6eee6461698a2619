"""The SQLite store's worker thread: one thread, one connection, jobs in order, group commit.

Who uses it: bot/storage/sqlite/database.py, for everything that writes (and for reads that
must wait for a lock). The connection is created by the thread and only ever used by
it, so statements are serialised without a lock of our own.

Group commit: a durable commit costs an fsync (0.15 ms on the bench's disk, often
1-10 ms on cloud block storage), and with many chats at once their writes queue up
behind it. Jobs given with ``grouped=True`` (single writes that need no transaction of
their own: a session put, an update claim, a delete) that are already waiting when the
thread takes the next job are run together in ONE transaction and committed with ONE
fsync; each caller hears back only after that commit, so "returned" still means "on
disk". Each job runs inside a savepoint: a job that fails leaves nothing behind and the
others are kept. The thread never waits for more jobs to arrive, so a lone write is
committed at once, on its own, exactly as without grouping.

Why not `loop.run_in_executor` with a one-thread `ThreadPoolExecutor`: a put is on the
path of every update, and the executor's round trip (a `concurrent.futures.Future`
wrapped in an asyncio one, its callbacks chained across threads) cost about twice the
work of this hand-off: a job on a `queue.SimpleQueue`, the result set on an asyncio
future with `call_soon_threadsafe`. Same guarantees: jobs run one at a time in the
order given, and a cancelled caller does not stop a job already handed over (it
completes or fails on its own, like any database call).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
JobFn = Callable[[sqlite3.Connection], Any]
ReplyTo = tuple[asyncio.AbstractEventLoop, "asyncio.Future[Any]"]  # where a job's result goes
Outcome = tuple[Any, BaseException | None]  # (result, error)

# Bounds one transaction, so a long queue is committed in steps rather than held back.
MAX_GROUP = 100


@dataclass(frozen=True, slots=True)
class _Job:
    fn: JobFn
    reply_to: ReplyTo
    grouped: bool


@dataclass
class WorkerStats:
    """What the thread has done: grouped writes and the commits that made them durable."""

    grouped_jobs: int = 0
    grouped_commits: int = 0  # one per group; a lone grouped job counts one too


class SQLiteWorker:
    """A thread that opens a connection with `connect`, then runs jobs on it until closed."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], name: str = "sqlite-store") -> None:
        """Start the thread and wait for `connect` to succeed or raise (its error is raised here)."""
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self.stats = WorkerStats()
        opened: Future[None] = Future()
        self._thread = threading.Thread(target=self._main, args=(connect, opened), name=name, daemon=True)
        self._thread.start()
        try:
            opened.result()
        except BaseException:
            self._thread.join()
            raise

    async def run(self, job: Callable[[sqlite3.Connection], T], *, grouped: bool = False) -> T:
        """Run `job(connection)` on the thread; its result or exception comes back here.

        `grouped=True` lets the job share one transaction (and one fsync) with other
        grouped jobs waiting at the same time; it must then not BEGIN or COMMIT itself.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put(_Job(job, (loop, future), grouped))
        return await future

    async def aclose(self) -> None:
        """`close`, without blocking the event loop while earlier jobs finish."""
        await self.run(lambda conn: None)  # queued behind every job given before
        self.close()

    def close(self) -> None:
        """Close the connection after the jobs already given, and end the thread (waits for it)."""
        self._jobs.put(None)
        self._thread.join()

    def _main(self, connect: Callable[[], sqlite3.Connection], opened: Future[None]) -> None:
        try:
            conn = connect()
        except BaseException as exc:
            opened.set_exception(exc)
            return
        opened.set_result(None)
        try:
            taken: collections.deque[_Job | None] = collections.deque()  # at most the one that ended a group
            while True:
                job = taken.popleft() if taken else self._jobs.get()
                if job is None:
                    return
                if not job.grouped:
                    _reply([(job.reply_to, _run_alone(conn, job.fn))])
                    continue
                group = [job]
                while len(group) < MAX_GROUP:
                    try:
                        waiting = self._jobs.get_nowait()
                    except queue.Empty:
                        break
                    if waiting is None or not waiting.grouped:
                        taken.append(waiting)  # runs next, in its turn
                        break
                    group.append(waiting)
                outcomes = [_run_alone(conn, job.fn)] if len(group) == 1 else _run_group(conn, group)
                self.stats.grouped_jobs += len(group)
                self.stats.grouped_commits += 1
                _reply([(member.reply_to, outcome) for member, outcome in zip(group, outcomes, strict=True)])
        finally:
            conn.close()


def _run_alone(conn: sqlite3.Connection, fn: JobFn) -> Outcome:
    try:
        return fn(conn), None
    except BaseException as exc:  # handed to the caller, whatever it is
        return None, exc


def _run_group(conn: sqlite3.Connection, group: list[_Job]) -> list[Outcome]:
    """Every job of `group` in one transaction, each in a savepoint; one commit at the end."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        return [(None, exc)] * len(group)
    outcomes: list[Outcome] = []
    for job in group:
        try:
            conn.execute("SAVEPOINT job")
            result = job.fn(conn)
            conn.execute("RELEASE job")
            outcomes.append((result, None))
        except BaseException as exc:
            if not conn.in_transaction:
                # The error ended the whole transaction (disk full, I/O error): nothing of
                # the group was kept, so every job fails with it.
                return [(None, exc)] * len(group)
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK TO job")
                conn.execute("RELEASE job")
            outcomes.append((None, exc))
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        return [(None, exc)] * len(group)
    return outcomes


def _reply(answers: list[tuple[ReplyTo, Outcome]]) -> None:
    """Hand each job's outcome to its caller: one wake-up per event loop, not one per job."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], Outcome]]] = {}
    for (loop, future), outcome in answers:
        by_loop.setdefault(loop, []).append((future, outcome))
    for loop, settled in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting any more
            loop.call_soon_threadsafe(_settle, settled)


def _settle(settled: list[tuple[asyncio.Future[Any], Outcome]]) -> None:
    for future, (result, error) in settled:
        if future.cancelled():
            continue  # the caller stopped waiting; the job itself has run
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(error)
