"""A round-robin load balancer on 127.0.0.1, standing in for nginx in front of the workers.

Who uses it: tests/scale. The FakeBotApi's webhook points here (registered with
`itoh-bot set-webhook`, as in a deployment); each POST goes to the next worker in
turn, so a conversation's updates alternate between workers. Like nginx's
`proxy_next_upstream error`: a worker that refuses the connection (dead) is skipped
for the next one; a worker that fails after taking the request (killed mid-update)
gets the caller a 502, so the caller (Telegram, here the fake) delivers it again.
Every attempt is recorded in `routes`.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

UPSTREAM_TIMEOUT = 30.0


@dataclass(frozen=True)
class Route:
    update_id: int | None
    upstream: int  # index into Balancer.upstreams
    status: int | None  # None: connection refused (skipped) or failed after sending (502)
    error: str | None = None


class Balancer:
    """`Balancer([url_a, url_b]).start()`; `.url`; `.routes`; `.next_upstream = i` to aim."""

    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = upstreams
        self.next_upstream = 0
        self.routes: list[Route] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Balancer:
        balancer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                status, payload = balancer.forward(self.path, body, headers)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the caller gave up waiting (the fake's 5 s timeout) and will retry

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="test-balancer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def _pick(self) -> int:
        with self._lock:
            index = self.next_upstream
            self.next_upstream = (index + 1) % len(self.upstreams)
            return index

    def _record(self, route: Route) -> None:
        with self._lock:
            self.routes.append(route)

    def forward(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        try:
            update_id: int | None = int(json.loads(body)["update_id"])
        except (ValueError, KeyError, TypeError):
            update_id = None
        for _ in self.upstreams:
            index = self._pick()
            parts = urlsplit(self.upstreams[index])
            conn = HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=UPSTREAM_TIMEOUT)
            try:
                try:
                    conn.connect()
                except ConnectionRefusedError as exc:
                    self._record(Route(update_id, index, None, f"refused: {exc}"))
                    continue  # dead worker: nothing was sent, try the next one
                try:
                    conn.request("POST", path, body=body, headers=headers)
                    response = conn.getresponse()
                    payload = response.read()
                except OSError as exc:  # the worker died holding the request
                    self._record(Route(update_id, index, None, f"failed: {type(exc).__name__}"))
                    return 502, b"bad gateway\n"
                self._record(Route(update_id, index, response.status))
                return response.status, payload
            finally:
                conn.close()
        return 502, b"no worker\n"

    def served_by(self, update_ids: set[int]) -> set[int]:
        """The workers that answered 200 for any of `update_ids`."""
        with self._lock:
            return {r.upstream for r in self.routes if r.update_id in update_ids and r.status == 200}
