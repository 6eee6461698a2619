"""The webhook worker's HTTP limits: deadlines for a request's headers, a cap on connections.

Who calls it: bot/telegram/worker.py builds its uvicorn config with `server_config`; the body's
deadline is in the worker's route, which reads the body.

Why: uvicorn closes an idle kept-alive connection, but has no deadline for a request's
headers (any byte cancels its keep-alive timer), and its `limit_concurrency` is checked
only once the headers are in. A client sending one byte a second, no secret needed,
held a connection and its file descriptor for as long as it liked: about 1,100 of them
took a worker past the usual limit of 1,024 open files, where it could accept nothing,
not even /healthz, and logged "Too many open files" without end.

How: a connection gets HEADER_TIMEOUT_SECONDS for each request's headers (from when it
opened, or from the previous response), else it is closed. Connections are capped below
the open-file limit; at the cap, the connection that has waited longest for its headers
is closed to make room, so slow clients crowd out each other, not a proxy or a health
check, whose headers arrive at once. Each is counted in /metrics, never logged one by one
(an attacker would write the log).
"""

from __future__ import annotations

import asyncio
import resource
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.telegram.metrics import Metrics

HEADER_TIMEOUT_SECONDS = 10.0  # a proxy or Telegram sends a request's headers at once
KEEP_ALIVE_SECONDS = 5.0  # an idle kept-alive connection is closed after this (uvicorn's own)
BODY_TIMEOUT_SECONDS = 10.0  # an update is a few kB (bot/telegram/worker.py applies it)
MAX_CONNECTIONS = 1000
# Connections accepted in one go, and the kernel's queue of them. asyncio accepts up to
# this many at each wake-up before any reaches the protocol (and the cap): two rounds
# of them must fit under the open-file limit on top of the cap.
BACKLOG = 64
BASE_FILES = 64  # the interpreter, the store, logs, the listening socket


def connection_capacity(max_connections: int = MAX_CONNECTIONS) -> int:
    """Connections this process may hold: `max_connections`, or fewer below its open-file limit.

    Each connection may also need one of its own to the store or the Bot API while its
    request is in hand, hence half of what is left.
    """
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return max_connections
    return max(8, min(max_connections, (soft - BASE_FILES - 2 * BACKLOG) // 2))


def guarded_protocol(metrics: Metrics, capacity: int, header_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with the header deadline and the cap of the module doc."""
    waiting: dict[GuardedProtocol, None] = {}  # connections waiting for headers, longest first

    class GuardedProtocol(H11Protocol):
        deadline: asyncio.TimerHandle | None = None
        cycle_before: Any = None  # the request cycle when the wait began; a new one means headers came

        # override: the signature of uvicorn's own, which narrows asyncio.Protocol's BaseTransport.
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > capacity:
                longest = next(iter(waiting), self)  # none waiting: this new one is refused
                longest.cut_off()
                metrics.count_connection_dropped()
                if longest is self:
                    return
            self.await_headers()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.cycle is not self.cycle_before:
                self.headers_arrived()

        def on_response_complete(self) -> None:
            self.await_headers()  # before: a pipelined request may begin inside
            super().on_response_complete()
            if self.cycle is not self.cycle_before:
                self.headers_arrived()

        def connection_lost(self, exc: Exception | None) -> None:
            self.headers_arrived()
            super().connection_lost(exc)

        def await_headers(self) -> None:
            self.headers_arrived()
            self.cycle_before = self.cycle
            waiting[self] = None
            self.deadline = self.loop.call_later(header_timeout, self.too_slow)

        def headers_arrived(self) -> None:
            waiting.pop(self, None)
            if self.deadline is not None:
                self.deadline.cancel()
                self.deadline = None

        def too_slow(self) -> None:
            metrics.count_slow_request()
            self.cut_off()

        def cut_off(self) -> None:
            self.headers_arrived()
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedProtocol


def server_config(app: Any, metrics: Metrics, *, header_timeout: float = HEADER_TIMEOUT_SECONDS,
                  capacity: int | None = None) -> uvicorn.Config:
    """The worker's uvicorn config: its own signal handling aside, every limit is set here."""
    capacity = connection_capacity() if capacity is None else capacity
    return uvicorn.Config(
        app, log_config=None, access_log=True, lifespan="off", server_header=False, timeout_graceful_shutdown=15,
        http=guarded_protocol(metrics, capacity, header_timeout),
        timeout_keep_alive=int(KEEP_ALIVE_SECONDS), backlog=BACKLOG,
        # uvicorn answers 503 at this many connections or requests in hand; the cap above
        # keeps connections below it, so this bounds the requests.
        limit_concurrency=capacity + 1,
    )
