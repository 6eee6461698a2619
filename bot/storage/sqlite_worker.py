"""The SQLite store's worker thread: one thread, one connection, jobs in order.

Who uses it: bot/storage/sqlite.py, for everything that writes (and for reads that
must wait for a lock). The connection is created by the thread and only ever used by
it, so statements are serialised without a lock of our own.

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
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
Job = Callable[[sqlite3.Connection], Any]
ReplyTo = tuple[asyncio.AbstractEventLoop, "asyncio.Future[Any]"]  # where a job's result goes


class SQLiteWorker:
    """A thread that opens a connection with `connect`, then runs jobs on it until closed."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], name: str = "sqlite-store") -> None:
        """Start the thread and wait for `connect` to succeed or raise (its error is raised here)."""
        self._jobs: queue.SimpleQueue[tuple[Job, ReplyTo] | None] = queue.SimpleQueue()
        opened: Future[None] = Future()
        self._thread = threading.Thread(target=self._main, args=(connect, opened), name=name, daemon=True)
        self._thread.start()
        try:
            opened.result()
        except BaseException:
            self._thread.join()
            raise

    async def run(self, job: Callable[[sqlite3.Connection], T]) -> T:
        """Run `job(connection)` on the thread; its result or exception comes back here."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put((job, (loop, future)))
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
            while (item := self._jobs.get()) is not None:
                job, reply_to = item
                try:
                    result, error = job(conn), None
                except BaseException as exc:  # handed to the caller, whatever it is
                    result, error = None, exc
                _reply(reply_to, result, error)
        finally:
            conn.close()


def _reply(reply_to: ReplyTo, result: Any, error: BaseException | None) -> None:
    loop, future = reply_to
    with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting any more
        loop.call_soon_threadsafe(_settle, future, result, error)


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return  # the caller stopped waiting; the job itself has run
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)
