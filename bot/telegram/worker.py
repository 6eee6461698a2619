"""`itoh-bot worker`: one of several webhook workers behind a load balancer, sharing Redis.

Who calls it: `itoh-bot worker [--host H] [--port P]` calls `run_worker()`. Tests call
`create_app()` in process. Built as python-telegram-bot's custom-webhook example:
starlette + uvicorn serve HTTP, and the Application from `build_application` (no
Updater) handles each update, so a webhook turn is exactly a polling turn: the same
handlers, admission, lock, de-duplication and delivery.

Routes:

* POST /<path of WEBHOOK_URL>: Telegram's update. The X-Telegram-Bot-Api-Secret-Token
  header must equal WEBHOOK_SECRET_TOKEN (else 403 and nothing is read further). The
  update is processed *before* the 200 goes back, so a worker that dies mid-update
  leaves Telegram (or the balancer) without an answer and the update is delivered
  again, to a worker that is alive; the session's update ids make that redelivery
  harmless if the first attempt got as far as saving.
* GET /healthz: 200 when the session store answers a ping, 503 otherwise.
* GET /metrics: Prometheus text, from prometheus_client (bot/telegram/metrics.py).

The worker does not call setWebhook: every worker would register itself. The public
URL (the balancer's) is registered once with `itoh-bot set-webhook`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
import socket
import time
from collections.abc import Iterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram.ext import ContextTypes

from bot.settings import Settings
from bot.startup import StartError, open_session_store, start
from bot.storage import Storage, StoreUnavailable
from bot.telegram.admission import Admission
from bot.telegram.application import AnyApplication, build_application, telegram_errors
from bot.telegram.http_limits import BODY_TIMEOUT_SECONDS, server_config
from bot.telegram.metrics import CONTENT_TYPE, Metrics
from bot.telegram.updates import read_update, update_id_of
from flows.dialogue import Engine, get_engine

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1_000_000  # an update is a few kB; anything near this is not from Telegram
PING_TIMEOUT_SECONDS = 3.0


def webhook_route(settings: Settings) -> str:
    """The path this worker serves: the path of the public WEBHOOK_URL."""
    return "/" + settings.webhook_path


async def store_answers(store: Storage) -> bool:
    """The store's ping, bounded in time (a hung server counts as down)."""
    try:
        async with asyncio.timeout(PING_TIMEOUT_SECONDS):
            return await store.health.ping()
    except TimeoutError:
        return False


def create_app(application: AnyApplication, store: Storage, settings: Settings, metrics: Metrics,
               *, body_timeout: float = BODY_TIMEOUT_SECONDS) -> Starlette:
    """The ASGI app of one worker. `application` must be initialized before requests arrive.

    `body_timeout`: seconds for a request's whole body; the limits on connections and
    headers are uvicorn's, set in bot/telegram/http_limits.py.
    """
    secret = (settings.webhook_secret or "").encode()
    if not secret:
        raise ValueError("a webhook worker needs WEBHOOK_SECRET_TOKEN")
    unreadable = metrics.unreadable

    async def telegram_update(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, secret):
            metrics.count_rejected()
            return PlainTextResponse("forbidden\n", status_code=403)
        body = bytearray()
        try:
            async with asyncio.timeout(body_timeout):  # a body a byte at a time holds a connection
                async for chunk in request.stream():  # bounded, whatever Content-Length claims
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        metrics.count_rejected()
                        return PlainTextResponse("too large\n", status_code=413)
        except TimeoutError:
            metrics.count_slow_request()
            return PlainTextResponse("body too slow\n", status_code=408, headers={"Connection": "close"})
        except ClientDisconnect:  # nothing to answer; Telegram (or the proxy) sends the update again
            metrics.count_disconnect()
            log.info("webhook caller went away after %d bytes of the body; not processed", len(body))
            return Response(status_code=400)
        try:
            data = json.loads(body)
        except ValueError as exc:  # not JSON: nothing of it is logged
            data, reason = None, type(exc).__name__
        else:
            reason = "no update_id"
        if update_id_of(data) is None:
            metrics.count_rejected()
            log.warning("webhook body is not an update: %s", reason)
            return PlainTextResponse("bad update\n", status_code=400)
        update = read_update(data, application.bot, unreadable)
        if update is None:  # an update this PTB cannot parse: skipped (counted, logged by id), not retried
            return Response(status_code=200)
        started = time.perf_counter()
        await application.process_update(update)  # handler errors go to the error handlers
        metrics.observe_update(time.perf_counter() - started)
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        up = await store_answers(store)
        return PlainTextResponse("ok\n" if up else "session store unavailable\n", status_code=200 if up else 503)

    async def metrics_page(request: Request) -> Response:
        up = await store_answers(store)
        sessions = None
        if up:
            with contextlib.suppress(StoreUnavailable):
                sessions = await store.health.count_sessions()
        return Response(metrics.exposition(store_up=up, sessions=sessions), media_type=CONTENT_TYPE)

    async def count_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        metrics.count_error()

    application.add_error_handler(count_error)
    return Starlette(routes=[
        Route(webhook_route(settings), telegram_update, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics_page, methods=["GET"]),
    ])


def run_worker(host: str | None = None, port: int | None = None) -> int:
    """`itoh-bot worker`: 0 after SIGTERM/SIGINT; a `StartError` if it cannot start or connect."""
    settings = start("worker", requires=("WEBHOOK_URL", "WEBHOOK_SECRET_TOKEN"))
    engine = get_engine()  # built once here and handed down to every update's turn
    host = host or settings.webhook_listen
    port = port or settings.webhook_port
    store = open_session_store(settings)
    try:
        sock = bind(host, port)
    except OSError as exc:
        asyncio.run(store.close())
        raise StartError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    with sock:
        return asyncio.run(serve(settings, store, engine, sock))


async def serve(settings: Settings, store: Storage, engine: Engine, sock: socket.socket) -> int:
    metrics = Metrics()
    application = build_application(
        settings, store, engine, owns_store=True, admission=Admission.from_settings(settings),
        observer=metrics.observe_turn, polling=False, unreadable=metrics.unreadable,
    )
    app = create_app(application, store, settings, metrics)
    try:
        with telegram_errors():
            await application.initialize()  # getMe: checks the token
    except StartError:
        await store.close()
        raise
    try:
        assert application.post_init is not None
        await application.post_init(application)  # command menu, expiry sweeps
        if not await store_answers(store):
            log.warning("session store not reachable at start; /healthz answers 503 until it is")
        if not settings.store_url.lower().startswith(("redis://", "rediss://")):
            log.warning("STORE_URL is not Redis: run this worker alone (see README, section Deployment)")
        server = QuietSignalServer(server_config(app, metrics))
        with stop_on_signals(server):
            address = sock.getsockname()
            log.info("worker listening on %s:%d%s", address[0], address[1], webhook_route(settings))
            await server.serve(sockets=[sock])
    finally:
        await application.shutdown()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)  # stops expiry, closes the store
    return 0


class QuietSignalServer(uvicorn.Server):
    """uvicorn's server without its own signal handling, which re-raises the signal
    after serving and so would kill us before the store is closed."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.contextmanager
def stop_on_signals(server: uvicorn.Server) -> Iterator[None]:
    """SIGTERM/SIGINT make uvicorn finish the requests in hand and return."""
    loop = asyncio.get_running_loop()

    def stop() -> None:
        server.should_exit = True

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop)
    try:
        yield
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a taken port is our clear error, not uvicorn's exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock

