"""Slow and abandoned connections against a real webhook worker (issue 14, item 4).

uvicorn had no deadline for a request's headers and the worker none for its body: about
1,100 clients sending a byte a second (no secret needed) made a worker unreachable at
the usual 1,024 open-file limit, and a caller gone mid-body left a traceback each time,
uncounted. First the real `itoh-bot worker` with a low open-file limit under hundreds of
slow clients; then the deadlines themselves, on the worker's app served by real uvicorn
in this process with deadlines short enough to wait for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi, InProcessBotApi
from bot.storage import open_memory
from bot.telegram.application import build_application
from bot.telegram.http_limits import server_config
from bot.telegram.metrics import Metrics
from bot.telegram.worker import QuietSignalServer, bind, create_app
from flows.dialogue import get_engine
from tests.scale.test_worker_app import worker_settings
from tests.scale.workers import HOOK_PATH, SECRET, WorkerProcess, http_get, worker_env
from tests.telegram.harness import TOKEN

ENGINE = get_engine()

OPEN_FILES = 384  # the worker's limit here; the slow clients are well over it
SLOW_CLIENTS = 600


def test_hundreds_of_slow_clients_leave_the_worker_reachable(fake: FakeBotApi, tmp_path: Path) -> None:
    env = worker_env(fake, f"sqlite:///{tmp_path / 's.sqlite3'}", "http://127.0.0.1:1" + HOOK_PATH)
    worker = WorkerProcess(env, tmp_path, "worker", open_files=OPEN_FILES)
    slow: list[socket.socket] = []
    try:
        worker.wait_health(200)
        for _ in range(SLOW_CLIENTS):  # each begins a request, then sends a byte now and then
            client = socket.create_connection(("127.0.0.1", worker.port), timeout=5)
            client.sendall(b"G")
            slow.append(client)
        for _ in range(3):
            started = time.monotonic()
            assert http_get(worker.url + "/healthz")[0] == 200, worker.log[-3000:]
            assert time.monotonic() - started < 2.0
            for client in slow:
                with contextlib.suppress(OSError):  # closed by the worker to make room: as it should be
                    client.sendall(b"E")
        metrics = worker.metrics()
        dropped = next(float(line.split()[1]) for line in metrics.splitlines()
                       if line.startswith("itoh_webhook_connections_dropped_total "))
        assert dropped >= SLOW_CLIENTS - OPEN_FILES
        assert worker.stop() == 0
        log = worker.log
        assert "Too many open files" not in log and "out of system resource" not in log, log[-3000:]
        assert len(log) < 50_000
    finally:
        for client in slow:
            client.close()
        worker.close()


@asynccontextmanager
async def served(metrics: Metrics, **limits: float) -> AsyncIterator[int]:
    """The worker's app on real uvicorn, in this event loop; yields its port."""
    store = open_memory()
    application = build_application(worker_settings(), store, ENGINE, request=InProcessBotApi(token=TOKEN),
                                    polling=False)
    app_limits = {"body_timeout": limits.pop("body_timeout")} if "body_timeout" in limits else {}
    app = create_app(application, store, worker_settings(), metrics, **app_limits)
    server = QuietSignalServer(server_config(app, metrics, **limits))  # type: ignore[arg-type]
    sock = bind("127.0.0.1", 0)
    async with application:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            await asyncio.sleep(0.01)
        try:
            yield sock.getsockname()[1]
        finally:
            server.should_exit = True
            await task
            sock.close()
    await store.close()


async def healthz(port: int) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: w\r\nConnection: close\r\n\r\n")
    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return answer.split(b"\r\n", 1)[0]


async def closed_by_server(reader: asyncio.StreamReader, within: float) -> bytes:
    return await asyncio.wait_for(reader.read(), within)


async def test_headers_over_their_deadline_are_cut_off_and_counted() -> None:
    metrics = Metrics()
    async with served(metrics, header_timeout=0.5) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\n")  # and then nothing more
        assert await healthz(port) == b"HTTP/1.1 200 OK"  # others are served meanwhile
        assert await closed_by_server(reader, within=3) == b""
        writer.close()
        assert metrics.slow_requests == 1


async def test_a_body_over_its_deadline_gets_408() -> None:
    metrics = Metrics()
    async with served(metrics, body_timeout=0.5) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"POST {HOOK_PATH} HTTP/1.1\r\nHost: w\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
                     "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"upd".encode())
        answer = await closed_by_server(reader, within=3)
        writer.close()
        assert answer.startswith(b"HTTP/1.1 408"), answer
        assert metrics.slow_requests == 1 and metrics.updates == 0


async def test_a_caller_gone_mid_body_is_one_line_and_counted(caplog: pytest.LogCaptureFixture) -> None:
    metrics = Metrics()
    caplog.set_level(logging.INFO)
    async with served(metrics) as port:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"POST {HOOK_PATH} HTTP/1.1\r\nHost: w\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
                     "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"update_id\": 1".encode())
        await writer.drain()
        await asyncio.sleep(0.2)
        writer.close()
        for _ in range(100):
            if metrics.disconnects:
                break
            await asyncio.sleep(0.02)
        assert await healthz(port) == b"HTTP/1.1 200 OK"
    assert metrics.disconnects == 1
    lines = [r for r in caplog.records if "went away" in r.getMessage()]
    assert len(lines) == 1 and "\n" not in lines[0].getMessage()
    assert "Traceback" not in caplog.text and "Exception in ASGI" not in caplog.text


async def test_at_the_cap_the_longest_waiting_connection_makes_room() -> None:
    metrics = Metrics()
    async with served(metrics, capacity=4) as port:
        idle = [await asyncio.open_connection("127.0.0.1", port) for _ in range(6)]
        for _ in range(3):
            assert await healthz(port) == b"HTTP/1.1 200 OK"
        assert metrics.connections_dropped >= 3
        for _, writer in idle:
            writer.close()
