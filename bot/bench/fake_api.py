"""A small, fast fake Telegram Bot API over HTTP on 127.0.0.1, for the end-to-end bench.

Who uses it: bot/bench/e2e.py, in the bench process, while `itoh-bot run` runs as a
child process with TELEGRAM_API_BASE_URL pointing here. It is an asyncio HTTP/1.1
server (keep-alive, form or JSON parameters) that answers the methods the bot calls,
serves queued updates to getUpdates (real long poll, offsets confirmed) and, once
setWebhook is called, POSTs each queued update to the webhook with the secret header.
Each chat's bot messages are handed to a waiter, so the bench can measure a turn from
the moment the update is available to the moment the bot's reply arrives.

It is a subset of tests/support/fake_bot_api.py (which is thread-based, validates
Telegram's HTML and keeps transcripts, and is not installed with the package), kept
small and cheap so the fake's own cost is not what the bench measures. Loopback only.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from bot.bench.fake_request import BOT_USER, answer

JSON = dict[str, Any]
LOOPBACK = "127.0.0.1"
_STRING_PARAMS = frozenset({"text", "parse_mode", "url", "secret_token", "callback_query_id"})


@dataclass
class Sent:
    """One message the bot sent or edited, as the waiting user sees it."""

    method: str
    params: JSON
    at: float


@dataclass
class _Chat:
    inbox: asyncio.Queue[Sent] = field(default_factory=asyncio.Queue)


class FakeApi:
    """`async with FakeApi() as api:` then `api.base_url`; the user side is `send_text`/`next_sent`."""

    def __init__(self) -> None:
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._pending: list[JSON] = []  # updates not yet confirmed (polling) or delivered (webhook)
        self._arrived = asyncio.Event()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._chats: dict[int, _Chat] = defaultdict(_Chat)
        self.webhook: JSON | None = None
        self.calls: dict[str, int] = defaultdict(int)
        self.get_updates_calls = 0
        self._delivery: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None
        self._posts: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._closing = False

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/bot"

    async def __aenter__(self) -> FakeApi:
        self._server = await asyncio.start_server(self._serve, LOOPBACK, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing = True
        self._arrived.set()  # ends a long poll in progress
        for writer in list(self._writers):
            writer.close()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
        for task in list(self._posts):
            task.cancel()
        if self._client is not None:
            await self._client.aclose()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    # the user's side -------------------------------------------------------------------

    def send_text(self, chat_id: int, text: str) -> int:
        """Queue a private message from the user (a command if it starts with /); its update id."""
        message: JSON = {
            "message_id": next(self._message_ids), "date": int(time.time()), "text": text,
            "chat": {"id": chat_id, "type": "private", "first_name": "Bench"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Bench", "language_code": "en"},
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        update: JSON = {"update_id": next(self._update_ids), "message": message}
        if self.webhook is not None:
            task = asyncio.create_task(self._post(update))
            self._posts.add(task)
            task.add_done_callback(self._posts.discard)
        else:
            self._pending.append(update)
            self._arrived.set()
        return int(update["update_id"])

    async def next_sent(self, chat_id: int, timeout: float) -> Sent:
        """The next message the bot sends (or edits) in this chat."""
        return await asyncio.wait_for(self._chats[chat_id].inbox.get(), timeout)

    async def wait_for(self, condition: Any, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the bot did not get ready")
            await asyncio.sleep(0.02)

    # HTTP --------------------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while not self._closing:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _verb, target, _version = lines[0].split(" ", 2)
                fields = (line.partition(":") for line in lines[1:] if line)
                headers = {k.strip().lower(): v.strip() for k, _, v in fields}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                status, payload = await self._handle(target, headers.get("content-type", ""), body)
                writer.write(
                    f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _handle(self, target: str, content_type: str, body: bytes) -> tuple[int, bytes]:
        method = urlsplit(target).path.rsplit("/", 1)[-1]
        params = _params(content_type, body)
        self.calls[method] += 1
        if method == "getUpdates":
            result: Any = await self._get_updates(params)
        elif method == "setWebhook":
            self.webhook = {"url": params["url"], "secret": params.get("secret_token")}
            self._pending.clear()
            result = True
        elif method == "deleteWebhook":
            self.webhook = None
            result = True
        elif method == "getWebhookInfo":
            result = {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                      "pending_update_count": len(self._pending)}
        elif method == "getMe":
            result = BOT_USER
        else:
            result = answer(method, params, lambda: next(self._message_ids))
            if method in ("sendMessage", "editMessageText") and "chat_id" in params:
                self._chats[int(params["chat_id"])].inbox.put_nowait(Sent(method, params, time.perf_counter()))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _get_updates(self, params: JSON) -> list[JSON]:
        self.get_updates_calls += 1
        offset = int(params.get("offset") or 0)
        if offset:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._pending and timeout > 0 and not self._closing:
            self._arrived.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), timeout)
        limit = int(params.get("limit") or 100)
        return self._pending[:limit]

    async def _post(self, update: JSON) -> None:
        assert self.webhook is not None
        if self._client is None:
            self._client = httpx.AsyncClient(limits=httpx.Limits(max_connections=40), trust_env=False)
        headers = {"Content-Type": "application/json"}
        if self.webhook.get("secret"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret"]
        for attempt in range(20):  # the bot's server may not listen yet right after setWebhook
            try:
                response = await self._client.post(self.webhook["url"], content=json.dumps(update), headers=headers)
                if response.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(min(0.05 * 2**attempt, 0.5))


def _params(content_type: str, body: bytes) -> JSON:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return dict(json.loads(body))
    params: JSON = {}
    for key, value in parse_qsl(body.decode(), keep_blank_values=True):
        if key in _STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params
