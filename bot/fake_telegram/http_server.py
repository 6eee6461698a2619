"""The fake Telegram over HTTP: a real Bot API server on 127.0.0.1, with webhook delivery.

Who uses it: tests that run `itoh-bot run` (or a PTB Application with its default
HTTPXRequest) against it, the end-to-end bench (bot/bench/e2e.py), and people by hand
(``python -m bot.fake_telegram --port 8081 --token 123:ABC``, then curl the ``/_fake/*``
control routes documented on `_Handler`). It is a thin transport over the state model
(state.py): it decodes ``/bot<token>/<method>`` calls (form, multipart or JSON; method
names case-insensitive; a wrong token gets 401), long-polls getUpdates in its handler
thread, and once setWebhook is called a delivery thread POSTs each queued update, in
order, to the webhook (loopback only) with ``X-Telegram-Bot-Api-Secret-Token``, retrying
with back-off. Wire PTB with ``fake.application_builder()`` (token, ``base_url`` and
``base_file_url`` pointing here). Everything the tests inspect or wait for is the state's.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import email.parser
import email.policy
import json
import logging
import re
import select
import socket
import threading
import time
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qsl, urlsplit

from bot.fake_telegram.records import Pending, WebhookDelivery
from bot.fake_telegram.state import BotApiState
from bot.fake_telegram.wire import (
    DEFAULT_TOKEN,
    LOOPBACK,
    REGISTERED_SECRET,
    ApiError,
    bad_request,
    canonical_method,
    decode_form_params,
    is_loopback_url,
)

if TYPE_CHECKING:
    from telegram.ext import ApplicationBuilder

_LOG = logging.getLogger(__name__)

JSON = dict[str, Any]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Rebinding a just-freed port must work when tests restart servers quickly.
    allow_reuse_address = True
    fake: FakeBotApi

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (e.g. PTB cancelling a long poll on stop) is normal here;
        # anything else is a bug in the fake and gets a traceback in the log.
        _LOG.debug("fake Bot API: error serving %s", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    """Serves ``/bot<token>/<method>`` (GET or POST) plus the ``/_fake/*`` control routes.

    Control routes (for manual runs with curl; JSON bodies):
      POST /_fake/text     {"chat_id": 1, "text": "hi"}        -> {"update_id": N}
      POST /_fake/command  {"chat_id": 1, "command": "/start"}
      POST /_fake/press    {"chat_id": 1, "message_id": 2, "data": "yes"}
      POST /_fake/update   <raw update JSON>
      GET  /_fake/transcript?chat_id=1                         -> text/plain
      GET  /_fake/calls                                        -> JSON list
    """

    protocol_version = "HTTP/1.1"  # keep-alive: httpx reuses connections
    # Headers and body go out in separate writes; without TCP_NODELAY every response waits
    # ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True
    server: _Server
    timeout = 60  # idle keep-alive connections are dropped after this

    def setup(self) -> None:
        super().setup()
        self.server.fake._track_connection(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track_connection(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        _LOG.debug("fake Bot API: " + format, *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    # -------------------------------------------------------------- plumbing
    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, payload: Any, content_type: str = "application/json") -> None:
        if isinstance(payload, bytes | str):
            body = payload.encode() if isinstance(payload, str) else payload
        else:
            try:
                body = json.dumps(payload, ensure_ascii=False).encode()
            except UnicodeEncodeError:  # a lone surrogate (JSON may carry "\ud83d"): sent as an escape
                body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def _client_gone(self) -> bool:
        # Readable with EOF means the client closed (PTB cancels long polls on stop).
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return bool(self.connection.recv(1, socket.MSG_PEEK) == b"")
        except OSError:
            return True

    def _parse_params(self, query: str, body: bytes) -> tuple[JSON, dict[str, int], str]:
        ctype = self.headers.get("Content-Type", "")
        params = decode_form_params(parse_qsl(query, keep_blank_values=True))
        files: dict[str, int] = {}
        main = ctype.split(";", 1)[0].strip().lower()
        if not body:
            return params, files, ctype
        if main == "application/json":
            data = json.loads(body.decode("utf-8"))
            if not isinstance(data, dict):
                raise bad_request("parameters must be a JSON object")
            params.update(data)
        elif main == "multipart/form-data":
            head = f"Content-Type: {ctype}\r\nMIME-Version: 1.0\r\n\r\n".encode()
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
            fields: list[tuple[str, str]] = []
            for part in msg.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = cast(bytes, part.get_payload(decode=True) or b"")
                if part.get_filename() is not None:
                    files[str(name)] = len(payload)
                    params[str(name)] = {"file_name": part.get_filename(), "size": len(payload), "data": payload}
                else:
                    fields.append((str(name), payload.decode("utf-8")))
            params.update(decode_form_params(fields))
        else:  # application/x-www-form-urlencoded (PTB's HTTPXRequest default)
            params.update(
                decode_form_params(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            )
        return params, files, ctype

    def _serve(self, http_method: str) -> None:
        fake = self.server.fake
        parts = urlsplit(self.path)
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self.close_connection = True
            return
        if parts.path.startswith("/_fake/"):
            self._control(parts.path, parts.query, body)
            return
        m = re.fullmatch(r"/bot([^/]+)/([A-Za-z0-9_]+)/?", parts.path)
        if not m:
            self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, raw_method = m.group(1), m.group(2)
        method = canonical_method(raw_method) or raw_method
        try:
            params, files, ctype = self._parse_params(parts.query, body)
        except ApiError as exc:
            self._send(exc.status, exc.body())
            return
        except (ValueError, UnicodeDecodeError):
            self._send(400, bad_request("can't parse request parameters").body())
            return
        call, delay, fault = fake._begin_call(
            method, params, http_method=http_method, content_type=ctype, files=files
        )
        if delay:
            fake._stopping.wait(delay)
        status, response, result = 200, None, None
        try:
            if fake.token is not None and token != fake.token:
                raise ApiError(401, "Unauthorized")
            if fault is not None:
                raise fault
            if method == "getUpdates":
                result = fake._get_updates_blocking(params, self._client_gone)
            else:
                result = fake.dispatch(method, params, token)
            response = {"ok": True, "result": result}
        except ApiError as exc:
            status, response = exc.status, exc.body()
        except Exception:  # a bug in the fake: answer 500 and keep serving
            _LOG.exception("fake Bot API: %s crashed", method)
            status = 500
            response = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        fake._finish_call(call, status, result if status == 200 else response)
        self._send(status, response)

    def _control(self, path: str, query: str, body: bytes) -> None:
        fake = self.server.fake
        try:
            data = json.loads(body.decode() or "{}") if body else {}
            q = dict(parse_qsl(query))
            if path == "/_fake/text":
                uid = fake.user_sends_text(int(data["chat_id"]), str(data["text"]))
            elif path == "/_fake/command":
                uid = fake.user_sends_command(int(data["chat_id"]), str(data["command"]))
            elif path == "/_fake/press":
                uid = fake.user_presses_button(
                    int(data["chat_id"]), int(data["message_id"]), str(data["data"])
                )
            elif path == "/_fake/update":
                uid = fake.push_raw_update(data)
            elif path == "/_fake/transcript":
                self._send(200, fake.format_transcript(int(q["chat_id"])) + "\n", "text/plain")
                return
            elif path == "/_fake/calls":
                self._send(200, [
                    {"method": c.method, "params": c.params, "status": c.status, "time": c.time}
                    for c in fake.calls()
                ])  # fmt: skip
                return
            else:
                self._send(404, {"error": "unknown control route"})
                return
        except (KeyError, ValueError, TypeError) as exc:
            self._send(400, {"error": repr(exc)})
            return
        self._send(200, {"update_id": uid})


class FakeBotApi(BotApiState):
    """The fake Bot API as a real HTTP server on 127.0.0.1, running in background threads.

    Created by tests (usually as a fixture: ``with FakeBotApi() as fake: yield fake``), by
    the end-to-end bench, or by ``python -m bot.fake_telegram``. ``start()`` binds and returns immediately;
    ``stop()`` wakes every long poll, closes every connection and joins the threads.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        port: int = 0,
        strict_html: bool = True,
        webhook_max_attempts: int = 25,
        bot_username: str = "itoh_test_bot",
        lean: bool = False,
        webhook_connections: int = 1,
    ) -> None:
        super().__init__(token, strict_html=strict_html, bot_username=bot_username, lean=lean)
        # Updates POSTed to the webhook at once. One keeps them in order (the tests); the
        # bench uses many, as Telegram does up to the webhook's max_connections.
        self.webhook_connections = webhook_connections
        self._requested_port = port
        self.webhook_max_attempts = webhook_max_attempts
        self._server: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()

    # ------------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        """The bound TCP port (only valid after :meth:`start`)."""
        if self._server is None:
            raise RuntimeError("FakeBotApi is not started")
        return int(self._server.server_address[1])

    @property
    def api_root(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def base_url(self) -> str:
        """What to give ``ApplicationBuilder().base_url(...)``; PTB appends the token."""
        return f"{self.api_root}/bot"

    @property
    def base_file_url(self) -> str:
        """What to give ``ApplicationBuilder().base_file_url(...)`` (file downloads: 404)."""
        return f"{self.api_root}/file/bot"

    def application_builder(self) -> ApplicationBuilder:  # type: ignore[type-arg]
        """A PTB ``ApplicationBuilder`` with token and URLs pointing at this server."""
        from telegram.ext import ApplicationBuilder

        return (
            ApplicationBuilder()
            .token(str(self.token))
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
        )

    def start(self) -> FakeBotApi:
        """Bind 127.0.0.1 and serve in background threads; returns self."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((LOOPBACK, self._requested_port), _Handler)
        self._server.fake = self
        self._threads = [
            threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"fake-bot-api:{self.port}",
                daemon=True,
            ),
            *(
                threading.Thread(
                    target=self._delivery_loop, name=f"fake-bot-api-webhook:{self.port}:{n}", daemon=True
                )
                for n in range(self.webhook_connections)
            ),
        ]
        for t in self._threads:
            t.start()
        return self

    def stop(self) -> None:
        """Stop serving: wake long polls, drop connections, join threads (bounded)."""
        server = self._server
        if server is None:
            return
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        server.shutdown()
        with self._conn_lock:
            conns = list(self._connections)
        for conn in conns:
            # Unblocks handler threads parked on idle keep-alive reads.
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        for t in self._threads:
            t.join(timeout=5)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with self._conn_lock:
                if not self._connections:
                    break
            time.sleep(0.01)
        self._server = None
        self._threads = []

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _track_connection(self, conn: socket.socket, *, add: bool) -> None:
        with self._conn_lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    # ------------------------------------------------------------------ webhook delivery
    def _next_delivery(self) -> tuple[Pending, JSON, JSON] | None:
        """Block until there is an update to push to a webhook (or stop); marks it in flight.
        Returns it with snapshots of the update and the webhook."""
        with self._cond:
            while not self._stopping.is_set():
                if self._webhook is not None:
                    waiting = next((p for p in self._pending if not p.in_flight), None)
                    if waiting is not None:
                        waiting.in_flight = True
                        return waiting, copy.deepcopy(waiting.update), dict(self._webhook)
                self._cond.wait(0.2)
        return None

    def _delivery_loop(self) -> None:
        """Delivery thread: pushes queued updates, oldest first, to the webhook while one is set."""
        try:
            while (item := self._next_delivery()) is not None:
                self._deliver_one(*item)
        except Exception:  # never let the thread die with an exception (pytest would flag it)
            _LOG.exception("fake Bot API: webhook delivery thread crashed")

    def _deliver_one(self, pending: Pending, update: JSON, webhook: JSON) -> None:
        update_id = int(update["update_id"])
        try:
            for attempt in range(1, self.webhook_max_attempts + 1):
                status, error = self._post_json(webhook["url"], update, webhook.get("secret_token"))
                with self._cond:
                    self._deliveries.append(
                        WebhookDelivery(update_id, webhook["url"], attempt, status, error, time.time())
                    )
                    ok = status is not None and 200 <= status < 300
                    if not ok:
                        self._webhook_last_error = (int(time.time()), error or f"HTTP {status}")
                    still_current = self._webhook is not None and self._webhook["url"] == webhook["url"]
                    if ok or attempt == self.webhook_max_attempts:
                        # Delivered (or given up): the update leaves the queue, unless
                        # something else (drop_pending_updates) took it out already.
                        self._pending = [p for p in self._pending if p is not pending]
                        self._cond.notify_all()
                        return
                    if not still_current:
                        return  # webhook removed/changed: keep the update for the next consumer
                # PTB sets the webhook *before* its server listens, so the first tries may be
                # refused; back off briefly (Telegram retries too).
                if self._stopping.wait(min(0.05 * 2 ** (attempt - 1), 0.5)):
                    return
        finally:
            with self._cond:
                pending.in_flight = False  # if it is still queued, the next consumer takes it

    @staticmethod
    def _post_json(
        url: str,
        payload: JSON,
        secret: str | None,
        *,
        timeout: float = 5.0,
        content_type: str = "application/json",
    ) -> tuple[int | None, str | None]:
        """POST JSON with http.client (not urllib: proxy env vars must not apply)."""
        if not is_loopback_url(url):
            return None, "refusing to send to a non-loopback address"
        parts = urlsplit(url)
        conn = HTTPConnection(parts.hostname or LOOPBACK, parts.port or 80, timeout=timeout)
        try:
            # PTB's webhook handler answers 403 unless Content-Type is exactly
            # "application/json" (no charset), so send precisely that.
            headers = {"Content-Type": content_type}
            if secret is not None:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            conn.request("POST", path, body=json.dumps(payload).encode(), headers=headers)
            resp = conn.getresponse()
            resp.read()
            return resp.status, None
        except OSError as exc:
            return None, repr(exc)
        finally:
            conn.close()

    async def post_to_webhook(
        self,
        update: JSON | int,
        *,
        secret: str | None = REGISTERED_SECRET,
        url: str | None = None,
        timeout: float = 5.0,
        content_type: str = "application/json",
    ) -> int:
        """POST one update straight to the bot's webhook; returns the HTTP status.

        ``update``: an update dict or an ``update_id`` built earlier. ``secret``: the
        registered secret by default, a string to send instead, or None to omit the header.
        Bypasses the delivery queue, so 403s here are not retried. Raises ``ConnectionError``
        when nothing answered. The POST runs in a worker thread, off the event loop.
        """
        return await asyncio.to_thread(
            self._post_to_webhook, update, secret, url, timeout, content_type
        )

    def _post_to_webhook(
        self,
        update: JSON | int,
        secret: str | None,
        url: str | None,
        timeout: float,
        content_type: str,
    ) -> int:
        with self._cond:
            payload = self.update(update) if isinstance(update, int) else copy.deepcopy(update)
            webhook = dict(self._webhook or {})
        target = url or webhook.get("url")
        if not target:
            raise RuntimeError("no webhook registered and no url given")
        if secret is REGISTERED_SECRET:
            secret = webhook.get("secret_token")
        status, error = self._post_json(
            target, payload, secret, timeout=timeout, content_type=content_type
        )
        if status is None:
            raise ConnectionError(f"webhook POST to {target} failed: {error}")
        return status


def main(argv: list[str] | None = None) -> None:
    """``python -m bot.fake_telegram --port N``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description="A fake Telegram Bot API on 127.0.0.1, for manual runs.")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0 = any free)")
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="bot token the fake accepts")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    with FakeBotApi(args.token, port=args.port) as fake:
        print(f"fake Bot API base URL: {fake.base_url}", flush=True)
        print(f"token: {fake.token}  (PTB: ApplicationBuilder().token(TOKEN).base_url(URL))")
        print(
            f"user side: curl -s -XPOST {fake.api_root}/_fake/text "
            """-d '{"chat_id": 1, "text": "hi"}'""",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
