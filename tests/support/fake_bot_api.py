"""A small fake Telegram Bot API server, for testing the real python-telegram-bot stack.

Who uses this and when
----------------------
Tests (sync or async) start a :class:`FakeBotApi` on ``127.0.0.1`` (a free port is picked by
the OS), point a *real* PTB ``Application`` at it, play the user's side with the
``user_*`` helpers and assert on what the bot sent (transcript) and on every raw API call.
The same data model (:class:`BotApiState`) also powers the socket-free
``tests.support.recording_request.RecordingRequest``.

For manual runs::

    python -m tests.support.fake_bot_api --port 8081 --token 123:ABC

prints the base URL; play the user with ``curl`` against the ``/_fake/...`` control routes
(documented in :class:`_Handler`).

Wiring PTB (HTTP, with PTB's default ``HTTPXRequest``)::

    with FakeBotApi(token="123:ABC") as fake:
        app = (
            ApplicationBuilder()
            .token(fake.token)
            .base_url(fake.base_url)            # "http://127.0.0.1:PORT/bot"
            .base_file_url(fake.base_file_url)  # never served; keeps PTB off the internet
            .build()
        )
        # or: app = fake.application_builder().build()

PTB builds request URLs as ``base_url + token + "/" + method``, so requests hit
``/bot<token>/<method>`` here.

Test-facing API (all thread-safe; ``*_async`` variants exist for every blocking wait)
-------------------------------------------------------------------------------------
Lifecycle (``FakeBotApi`` only)
    ``FakeBotApi(token="123:ABC", *, port=0, strict_html=True, webhook_max_attempts=25)``;
    context manager or ``start()`` / ``stop()``; ``.base_url``, ``.base_file_url``,
    ``.api_root`` ("http://127.0.0.1:PORT"), ``.port``, ``.token``;
    ``application_builder()`` -> a PTB ``ApplicationBuilder`` already pointed here.

The user's side (each returns the ``update_id``; the update is queued for delivery)
    ``user_sends_text(chat_id, text, user_id=None)``,
    ``user_sends_command(chat_id, "/start payload", user_id=None)`` (``bot_command`` entity),
    ``user_presses_button(chat_id, message_id, callback_data, user_id=None, check=True)``,
    ``user_sends_photo(chat_id, caption=None, user_id=None)``,
    ``user_sends_sticker(chat_id, emoji="👍", user_id=None)``,
    ``push_raw_update(update_dict)``,
    ``redeliver(update_id)`` -> delivers the *same* update (same ``update_id``) again.

Delivery: before ``setWebhook`` updates are served by ``getUpdates`` (real long-poll honouring
``timeout``, ``offset``, ``limit``, ``allowed_updates``; updates below ``offset`` are confirmed
and forgotten). After ``setWebhook`` ``getUpdates`` answers 409 like Telegram and a delivery
thread POSTs each update as JSON to the webhook URL (loopback only) with header
``X-Telegram-Bot-Api-Secret-Token``; failed deliveries are retried with back-off.
``post_to_webhook(update_or_id, secret=<registered>|None|"wrong")`` -> HTTP status, for
wrong/missing-secret tests (``secret=None`` omits the header).

Inspecting
    ``calls(method=None)`` -> ``list[ApiCall]``; ``messages(chat_id, include_deleted=False)``
    -> ``list[BotMessage]`` (current text and keyboard, edits applied in place);
    ``last_message(chat_id)``; ``buttons(message)`` -> ``[(text, callback_data), ...]``;
    ``transcript(chat_id)`` (user and bot, in order) and ``format_transcript(chat_id)``;
    ``callback_query_id(update_id)``; ``callback_answer(update_id)``; ``commands()``;
    ``webhook_info()``; ``deliveries()``; ``pending_update_ids()``.

Waiting (raise :class:`WaitTimeout`, an ``AssertionError``, with the transcript attached)
    ``wait_for_call(method, predicate=None, timeout=10)`` -> ``ApiCall`` (completed calls only),
    ``wait_for_bot_message(chat_id, predicate=None, timeout=10, newer_than=0)`` -> ``BotMessage``
    (``predicate`` is a callable on ``BotMessage`` or a substring of its text),
    ``wait_for_callback_answer(update_id, timeout=10)`` -> answerCallbackQuery params,
    ``wait_for_delivery(update_id, timeout=10)`` -> ``WebhookDelivery`` (final attempt),
    ``assert_no_call(method, predicate=None, within=0.5)``.
    The sync forms refuse to run inside a running event loop (they would block the very
    loop PTB needs); use the ``*_async`` forms there.

Fault injection (for resilience tests; ``method="*"`` matches any method)
    ``fail_next(method, status=500, retry_after=None, times=1, description=None)`` (429 gets
    ``retry_after=1`` unless given and carries ``parameters.retry_after`` like Telegram),
    ``delay_next(method, seconds, times=1)``, ``clear_faults()``.

Bot API behaviour reproduced on purpose (these are the things real bots trip over)
    * parameters arrive form-encoded (PTB's ``HTTPXRequest``), multipart (uploads) or as JSON;
      form values that are not plain-string fields are JSON-decoded;
    * method names are case-insensitive; a wrong token gets 401; unknown methods get
      ``404 {"ok": false, "error_code": 404, "description": "Not Found: method not found"}``;
    * ``parse_mode="HTML"`` is validated like Telegram (only Telegram's tags; ``<`` must start a
      tag; tags must nest) and the stored/returned ``text`` has tags stripped;
    * empty or >4096-character texts, ``callback_data`` over 64 bytes, editing a message with
      identical content ("message is not modified"), editing someone else's or an unknown
      message all fail with Telegram's 400 descriptions;
    * ``editMessageText`` without ``reply_markup`` removes the inline keyboard, as Telegram does.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import copy
import email.parser
import email.policy
import html
import ipaddress
import json
import logging
import re
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

if TYPE_CHECKING:
    from telegram.ext import ApplicationBuilder

__all__ = [
    "REGISTERED_SECRET",
    "ApiCall",
    "ApiError",
    "BotApiState",
    "BotMessage",
    "FakeBotApi",
    "TranscriptEntry",
    "WaitTimeout",
    "WebhookDelivery",
    "buttons",
    "decode_form_params",
    "free_port",
    "render_telegram_html",
    "running_fake_bot_api",
]

_LOG = logging.getLogger(__name__)

JSON = dict[str, Any]

LOOPBACK = "127.0.0.1"
DEFAULT_TOKEN = "123:ABC"
DEFAULT_TIMEOUT = 10.0

# Sentinel for post_to_webhook(secret=...): "use whatever secret the bot registered".
REGISTERED_SECRET: Any = object()

# Form fields that are plain strings on the wire and must NOT be JSON-decoded even when they
# look like JSON (a user typing "123" or "true" must stay a string; so must a numeric secret).
_STRING_PARAMS = frozenset(
    {
        "text", "caption", "parse_mode", "url", "secret_token", "callback_query_id",
        "inline_message_id", "action", "language_code", "ip_address", "description",
        "short_description", "name", "title", "emoji", "query", "next_offset",
        "photo", "document", "sticker", "audio", "video", "voice", "animation", "video_note",
        "thumbnail", "file_id", "business_connection_id", "message_effect_id", "question",
        "explanation", "address", "foursquare_id", "phone_number", "first_name", "last_name",
        "vcard", "custom_emoji_id", "payload", "currency", "start_parameter",
    }
)  # fmt: skip

# Telegram's HTML subset (https://core.telegram.org/bots/api#html-style). Note: no <br>, <p>.
_TG_HTML_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji",
    }
)  # fmt: skip
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>")
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
_MAX_TEXT = 4096
_MAX_CALLBACK_DATA = 64


class WaitTimeout(AssertionError):
    """Raised by the ``wait_for_*`` helpers when nothing matched in time.

    An ``AssertionError`` so pytest reports it as a test failure with our message (which
    includes the recent calls / transcript), not as an error in the fixture machinery.
    """


class ApiError(Exception):
    """A Telegram-style error answer (``{"ok": false, ...}``) raised inside the model."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


@dataclass
class ApiCall:
    """One raw Bot API call as received (recorded before it is answered).

    ``params`` has JSON-decoded values (``reply_markup`` is a dict, ``chat_id`` an int).
    ``status`` is ``None`` while the call is in flight (e.g. a long-poll ``getUpdates``).
    """

    index: int
    method: str
    params: JSON
    time: float  # wall clock, time.time()
    monotonic: float
    http_method: str = "POST"
    content_type: str = ""
    files: dict[str, int] = field(default_factory=dict)  # field name -> size in bytes
    fault: str | None = None  # "fail 429" / "delay 1.0" when fault injection applied
    status: int | None = None
    response: Any = None  # the "result" (or the error body) that was sent back


@dataclass
class BotMessage:
    """A message the bot sent, as the user currently sees it (edits applied in place)."""

    chat_id: int
    message_id: int
    text: str  # as displayed: HTML tags stripped when parse_mode was HTML
    raw_text: str  # as sent by the bot
    parse_mode: str | None
    reply_markup: JSON | None  # current markup as sent (inline keyboard or reply keyboard)
    date: int
    edit_date: int | None = None
    deleted: bool = False
    history: list[str] = field(default_factory=list)  # previous displayed texts, oldest first
    document: JSON | None = None  # a sent file: {"file_name", "size", "data" (bytes)}

    @property
    def inline_keyboard(self) -> list[list[JSON]]:
        """Rows of inline buttons, or ``[]`` when there is no inline keyboard."""
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard")
        return rows if isinstance(rows, list) else []

    def buttons(self) -> list[tuple[str, str | None]]:
        """Flat ``[(text, callback_data)]`` of the inline keyboard (``None`` for URL buttons)."""
        return buttons(self)


@dataclass
class TranscriptEntry:
    """One line of the per-chat conversation, user and bot, in the order it happened."""

    sender: str  # "user" or "bot"
    message_id: int | None
    kind: str  # "text", "command", "photo", "sticker", "callback", "raw"
    text: str
    time: float


@dataclass
class WebhookDelivery:
    """One attempt by the delivery thread to POST an update to the bot's webhook."""

    update_id: int
    url: str
    attempt: int
    status: int | None  # HTTP status, or None when the connection failed
    error: str | None
    time: float


@dataclass
class _Fault:
    method: str
    remaining: int
    status: int | None = None
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0


@dataclass
class _Pending:
    update: JSON
    forced: bool = False  # a redelivery: served even if its id is below the confirmed offset
    served: bool = False


def buttons(message: BotMessage | JSON) -> list[tuple[str, str | None]]:
    """Flat list of ``(text, callback_data)`` for a :class:`BotMessage` or a Message dict."""
    if isinstance(message, BotMessage):
        rows = message.inline_keyboard
    else:
        markup = message.get("reply_markup") or {}
        rows = markup.get("inline_keyboard") or []
    return [(b.get("text", ""), b.get("callback_data")) for row in rows for b in row]


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago (for PTB's webhook server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def render_telegram_html(text: str) -> str:
    """Validate ``text`` like Telegram's HTML parse mode and return what the user sees.

    Raises :class:`ApiError` (400 "can't parse entities") for unsupported tags, a bare ``<``
    or bad nesting, because Telegram rejects the whole message in those cases — the classic
    way a bot breaks on clinical text such as ``"pain < 6 weeks"``.
    """
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "<":
            out.append(ch)
            i += 1
            continue
        offset = len(text[:i].encode("utf-8", "surrogatepass"))
        m = _TAG_RE.match(text, i)
        if not m:
            raise _bad_request(
                f"can't parse entities: Unexpected start of a tag at byte offset {offset}"
            )
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name not in _TG_HTML_TAGS:
            raise _bad_request(
                f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {offset}'
            )
        if closing:
            if not stack or stack[-1] != name:
                expected = f'"</{stack[-1]}>"' if stack else "no end tag"
                raise _bad_request(
                    f"can't parse entities: Unmatched end tag at byte offset {offset}, "
                    f'expected {expected}, found "</{name}>"'
                )
            stack.pop()
        else:
            stack.append(name)
        i = m.end()
    if stack:
        raise _bad_request(
            f'can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"'
        )
    return html.unescape("".join(out))


def _utf16_len(text: str) -> int:
    # Telegram counts message length in UTF-16 code units.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2  # a lone surrogate is one unit


def decode_form_params(pairs: list[tuple[str, str]]) -> JSON:
    """Turn form fields as PTB sends them into typed values.

    PTB's ``RequestData.json_parameters`` sends ``str`` values verbatim and everything else
    (ints, bools, dicts, lists) as JSON text, so we JSON-decode every field except the known
    plain-string ones.
    """
    params: JSON = {}
    for key, value in pairs:
        if key in _STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def _is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BotApiState:
    """The Bot API's data model: updates queue, per-chat transcripts, calls, faults, webhook.

    Transport-free and thread-safe (one ``threading.Condition`` guards everything). The HTTP
    server (:class:`FakeBotApi`) and the in-process ``RecordingRequest`` both subclass it and
    feed it calls via :meth:`_begin_call` / :meth:`_dispatch`; tests use the public methods.
    """

    def __init__(
        self,
        token: str | None = DEFAULT_TOKEN,
        *,
        bot_first_name: str = "ITOH Test Bot",
        bot_username: str = "itoh_test_bot",
        strict_html: bool = True,
    ) -> None:
        self.token = token
        self.bot_first_name = bot_first_name
        self.bot_username = bot_username
        self.strict_html = strict_html
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._calls: list[ApiCall] = []
        self._faults: list[_Fault] = []
        self._pending: list[_Pending] = []
        self._confirmed_offset = 0
        self._next_update_id = 1000
        self._updates_by_id: dict[int, JSON] = {}
        self._next_message_id: dict[int, int] = {}
        self._bot_messages: dict[int, list[BotMessage]] = {}
        self._user_message_ids: dict[int, set[int]] = {}
        self._transcript: dict[int, list[TranscriptEntry]] = {}
        self._callback_queries: dict[str, JSON] = {}  # query id -> {"update_id", "answer"}
        self._next_callback_id = 1
        self._commands: dict[str, list[JSON]] = {}
        self._user_languages: dict[int, str] = {}  # user id -> language_code (default "en")
        self._webhook: JSON | None = None
        self._webhook_last_error: tuple[int, str] | None = None
        self._deliveries: list[WebhookDelivery] = []

    # ------------------------------------------------------------------ identities
    def _bot_id(self, token: str | None = None) -> int:
        raw = (token or self.token or DEFAULT_TOKEN).split(":", 1)[0]
        return int(raw) if raw.isdigit() else 123

    def bot_user(self, token: str | None = None) -> JSON:
        """The bot's ``User`` object as ``getMe`` returns it."""
        return {
            "id": self._bot_id(token),
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def user_json(self, user_id: int) -> JSON:
        """A human ``User`` object for ``user_id``, with the app language set for it
        (``set_user_language``; English unless said otherwise)."""
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": "Test",
            "last_name": f"User{user_id}",
            "username": f"user{user_id}",
            "language_code": self._user_languages.get(user_id, "en"),
        }

    def set_user_language(self, user_id: int, language_code: str) -> None:
        """The language the user's Telegram app is set to (sent as ``from.language_code``)."""
        with self._cond:
            self._user_languages[user_id] = language_code

    @staticmethod
    def chat_json(chat_id: int) -> JSON:
        """A ``Chat``: private for positive ids, supergroup for -100…, group otherwise."""
        if chat_id > 0:
            return {
                "id": chat_id,
                "type": "private",
                "first_name": "Test",
                "last_name": f"User{chat_id}",
                "username": f"user{chat_id}",
            }
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Test {kind} {chat_id}"}

    # ------------------------------------------------------------------ user side
    def _new_message_id(self, chat_id: int) -> int:
        # Private chats share one message-id sequence between user and bot, like Telegram.
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _new_update_id(self) -> int:
        uid = self._next_update_id
        self._next_update_id += 1
        return uid

    def _user_message(self, chat_id: int, user_id: int | None, kind: str, text: str) -> JSON:
        """Allocate ids and record a user message in the transcript; return Message JSON."""
        mid = self._new_message_id(chat_id)
        self._user_message_ids.setdefault(chat_id, set()).add(mid)
        self._transcript.setdefault(chat_id, []).append(
            TranscriptEntry("user", mid, kind, text, time.time())
        )
        return {
            "message_id": mid,
            "date": int(time.time()),
            "chat": self.chat_json(chat_id),
            "from": self.user_json(user_id if user_id is not None else abs(chat_id)),
        }

    def make_text_update(self, chat_id: int, text: str, user_id: int | None = None) -> JSON:
        """Build (not queue) a text-message update; records the user line in the transcript."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "text", text)
            msg["text"] = text
            return self._wrap_update({"message": msg})

    def make_command_update(
        self, chat_id: int, command: str, user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a ``/command [args]`` update with its ``bot_command`` entity."""
        if not command.startswith("/"):
            command = "/" + command
        with self._cond:
            msg = self._user_message(chat_id, user_id, "command", command)
            msg["text"] = command
            word = command.split(maxsplit=1)[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(word)}]
            return self._wrap_update({"message": msg})

    def make_photo_update(
        self, chat_id: int, caption: str | None = None, user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a photo-message update with two sizes, like Telegram sends."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "photo", caption or "<photo>")
            n = msg["message_id"]
            msg["photo"] = [
                {"file_id": f"photo-s-{chat_id}-{n}", "file_unique_id": f"ps{chat_id}{n}",
                 "width": 90, "height": 90, "file_size": 1200},
                {"file_id": f"photo-m-{chat_id}-{n}", "file_unique_id": f"pm{chat_id}{n}",
                 "width": 800, "height": 800, "file_size": 54000},
            ]  # fmt: skip
            if caption is not None:
                msg["caption"] = caption
            return self._wrap_update({"message": msg})

    def make_sticker_update(
        self, chat_id: int, emoji: str = "👍", user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a sticker-message update."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "sticker", f"<sticker {emoji}>")
            n = msg["message_id"]
            msg["sticker"] = {
                "file_id": f"sticker-{chat_id}-{n}",
                "file_unique_id": f"st{chat_id}{n}",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": emoji,
            }
            return self._wrap_update({"message": msg})

    def make_callback_update(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str,
        user_id: int | None = None,
        *,
        check: bool = True,
    ) -> JSON:
        """Build (not queue) a callback-query update for a button on a bot message.

        With ``check=True`` (default) the message must exist and currently show a button with
        that ``callback_data`` — a real user cannot press a button that is not on screen.
        ``check=False`` lets a test forge stale or unknown presses.
        """
        with self._cond:
            msg = self._find_bot_message(chat_id, message_id)
            if check:
                if msg is None or msg.deleted:
                    raise ValueError(f"no bot message {message_id} in chat {chat_id}")
                if callback_data not in [d for _, d in msg.buttons()]:
                    raise ValueError(
                        f"message {message_id} has no button with callback_data "
                        f"{callback_data!r}; buttons are {msg.buttons()}"
                    )
            if msg is not None:
                message_json = self._message_json(msg)
            else:
                message_json = {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": self.chat_json(chat_id),
                    "from": self.bot_user(),
                    "text": "",
                }
            query_id = f"{self._bot_id()}{self._next_callback_id:08d}"
            self._next_callback_id += 1
            update = self._wrap_update(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self.user_json(
                            user_id if user_id is not None else abs(chat_id)
                        ),
                        "message": message_json,
                        "chat_instance": f"ci{chat_id}",
                        "data": callback_data,
                    }
                }
            )
            self._callback_queries[query_id] = {"update_id": update["update_id"], "answer": None}
            self._transcript.setdefault(chat_id, []).append(
                TranscriptEntry("user", message_id, "callback", callback_data, time.time())
            )
            return update

    def _wrap_update(self, body: JSON) -> JSON:
        update = {"update_id": self._new_update_id(), **body}
        self._updates_by_id[update["update_id"]] = update
        return update

    def _enqueue(self, update: JSON, *, forced: bool = False) -> int:
        with self._cond:
            self._pending.append(_Pending(copy.deepcopy(update), forced=forced))
            self._cond.notify_all()
            return int(update["update_id"])

    def user_sends_text(self, chat_id: int, text: str, user_id: int | None = None) -> int:
        """Queue a text message from the user; returns its ``update_id``."""
        return self._enqueue(self.make_text_update(chat_id, text, user_id))

    def user_sends_command(self, chat_id: int, command: str, user_id: int | None = None) -> int:
        """Queue ``/command [args]`` (with ``bot_command`` entity); returns its ``update_id``."""
        return self._enqueue(self.make_command_update(chat_id, command, user_id))

    def user_presses_button(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str,
        user_id: int | None = None,
        *,
        check: bool = True,
    ) -> int:
        """Queue a button press on bot message ``message_id``; returns its ``update_id``."""
        return self._enqueue(
            self.make_callback_update(chat_id, message_id, callback_data, user_id, check=check)
        )

    def user_sends_photo(
        self, chat_id: int, caption: str | None = None, user_id: int | None = None
    ) -> int:
        """Queue a photo from the user; returns its ``update_id``."""
        return self._enqueue(self.make_photo_update(chat_id, caption, user_id))

    def user_sends_sticker(
        self, chat_id: int, emoji: str = "👍", user_id: int | None = None
    ) -> int:
        """Queue a sticker from the user; returns its ``update_id``."""
        return self._enqueue(self.make_sticker_update(chat_id, emoji, user_id))

    def push_raw_update(self, update: JSON) -> int:
        """Queue an arbitrary update dict (``update_id`` is assigned if missing)."""
        with self._cond:
            update = copy.deepcopy(update)
            if "update_id" not in update:
                update["update_id"] = self._new_update_id()
            else:
                self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
            self._updates_by_id[int(update["update_id"])] = update
            for value in update.values():
                if isinstance(value, dict) and isinstance(value.get("chat"), dict):
                    self._transcript.setdefault(int(value["chat"]["id"]), []).append(
                        TranscriptEntry(
                            "user", value.get("message_id"), "raw",
                            str(value.get("text", "<raw update>")), time.time(),
                        )
                    )  # fmt: skip
            return self._enqueue(update)

    def redeliver(self, update_id: int) -> int:
        """Deliver an already-sent update again, unchanged (same ``update_id``).

        Simulates Telegram's at-least-once delivery (e.g. after a webhook timeout): the copy is
        served by ``getUpdates`` even if the bot already confirmed a higher offset.
        """
        with self._cond:
            update = self._updates_by_id.get(update_id)
            if update is None:
                raise KeyError(f"unknown update_id {update_id}")
            return self._enqueue(update, forced=True)

    def update(self, update_id: int) -> JSON:
        """The update dict that was built for ``update_id`` (a copy)."""
        with self._cond:
            return copy.deepcopy(self._updates_by_id[update_id])

    def pending_update_ids(self) -> list[int]:
        """Ids of updates not yet confirmed by the bot (poll) or delivered (webhook)."""
        with self._cond:
            return [int(p.update["update_id"]) for p in self._pending]

    # ------------------------------------------------------------------ faults
    def fail_next(
        self,
        method: str,
        status: int = 500,
        retry_after: int | None = None,
        *,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status`` (Telegram-style).

        429 carries ``parameters.retry_after`` (default 1 s) so PTB raises ``RetryAfter``.
        """
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._cond:
            self._faults.append(
                _Fault(method, times, status=status, retry_after=retry_after,
                       description=description)
            )  # fmt: skip

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Make the next ``times`` calls of ``method`` wait ``seconds`` before being answered."""
        with self._cond:
            self._faults.append(_Fault(method, times, delay=seconds))

    def clear_faults(self) -> None:
        """Forget all pending fault injections."""
        with self._cond:
            self._faults.clear()

    def _take_faults(self, method: str) -> tuple[float, _Fault | None]:
        delay, failure = 0.0, None
        for fault in self._faults:
            if fault.remaining <= 0 or fault.method not in (method, "*"):
                continue
            if fault.status is None and delay == 0.0:
                delay = fault.delay
                fault.remaining -= 1
            elif fault.status is not None and failure is None:
                failure = fault
                fault.remaining -= 1
        self._faults = [f for f in self._faults if f.remaining > 0]
        return delay, failure

    @staticmethod
    def _fault_error(fault: _Fault) -> ApiError:
        status = int(fault.status or 500)
        if status == 429:
            return ApiError(
                429,
                fault.description or f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        defaults = {
            400: "Bad Request: injected failure",
            403: "Forbidden: bot was blocked by the user",
            409: "Conflict: terminated by other getUpdates request",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }
        params = {"retry_after": fault.retry_after} if fault.retry_after else None
        return ApiError(status, fault.description or defaults.get(status, "Error"), params)

    # ------------------------------------------------------------------ call pipeline
    def _begin_call(
        self,
        method: str,
        params: JSON,
        *,
        http_method: str = "POST",
        content_type: str = "",
        files: dict[str, int] | None = None,
    ) -> tuple[ApiCall, float, ApiError | None]:
        """Record a call and pick its injected faults. Transports call this first."""
        with self._cond:
            delay, fault = self._take_faults(method)
            notes = []
            if delay:
                notes.append(f"delay {delay}")
            if fault:
                notes.append(f"fail {fault.status}")
            call = ApiCall(
                index=len(self._calls),
                method=method,
                params=copy.deepcopy(params),
                time=time.time(),
                monotonic=time.monotonic(),
                http_method=http_method,
                content_type=content_type,
                files=dict(files or {}),
                fault=", ".join(notes) or None,
            )
            self._calls.append(call)
            self._cond.notify_all()
            return call, delay, (self._fault_error(fault) if fault else None)

    def _finish_call(self, call: ApiCall, status: int, response: Any) -> None:
        with self._cond:
            call.status = status
            call.response = copy.deepcopy(response)
            self._cond.notify_all()

    def _dispatch(self, method: str, params: JSON, token: str | None = None) -> Any:
        """Execute any method except ``getUpdates``; returns the ``result`` or raises ApiError."""
        handler = _METHODS.get(method.lower())
        if handler is None or handler == "getUpdates":
            raise ApiError(404, "Not Found: method not found")
        with self._cond:
            result = getattr(self, f"_m_{handler}")(params, token)
            self._cond.notify_all()
            return result

    @staticmethod
    def canonical_method(method: str) -> str | None:
        """Telegram's spelling of ``method`` (method names are case-insensitive), or None."""
        return _METHODS.get(method.lower())

    # ------------------------------------------------------------------ getUpdates
    def _begin_get_updates(self, params: JSON) -> tuple[int, float, list[str] | None]:
        """Apply ``offset`` (confirm/forget) and parse the rest. Caller holds no lock."""
        with self._cond:
            if self._webhook is not None:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            offset = int(params.get("offset") or 0)
            # Served redeliveries are confirmed by the next poll, whatever its offset.
            self._pending = [p for p in self._pending if not (p.forced and p.served)]
            if offset > 0:
                self._confirmed_offset = max(self._confirmed_offset, offset)
            elif offset < 0:
                # Negative offset: keep only the last -offset updates, forget the rest.
                regular = [p for p in self._pending if not p.forced]
                keep = {id(p) for p in regular[offset:]}
                self._pending = [p for p in self._pending if p.forced or id(p) in keep]
            self._pending = [
                p
                for p in self._pending
                if p.forced or int(p.update["update_id"]) >= self._confirmed_offset
            ]
            limit = max(1, min(100, int(params.get("limit") or 100)))
            timeout = max(0.0, float(params.get("timeout") or 0))
            allowed = params.get("allowed_updates") or None
            return limit, timeout, allowed

    def _take_updates(self, limit: int, allowed: list[str] | None) -> list[JSON]:
        """Updates to serve now (may be empty). Caller must hold ``self._cond``."""
        out: list[JSON] = []
        for p in self._pending:
            if len(out) >= limit:
                break
            kind = next((k for k in p.update if k != "update_id"), "")
            if allowed and kind not in allowed:
                continue
            if p.forced and p.served:
                continue
            p.served = True
            out.append(copy.deepcopy(p.update))
        return out

    def _get_updates_blocking(
        self, params: JSON, client_gone: Callable[[], bool] = lambda: False
    ) -> list[JSON]:
        """Long-poll for the HTTP server thread: returns as soon as updates exist or timeout."""
        limit, timeout, allowed = self._begin_get_updates(params)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self._stopping.is_set() or client_gone():
                    return []
                updates = self._take_updates(limit, allowed)
                remaining = deadline - time.monotonic()
                if updates or remaining <= 0:
                    return updates
                # Short slices so a vanished client or a stop() is noticed quickly.
                self._cond.wait(min(remaining, 0.1))

    # ------------------------------------------------------------------ methods
    def _chat_id(self, params: JSON) -> int:
        raw = params.get("chat_id")
        if raw is None:
            raise _bad_request("chat_id is empty")
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise _bad_request("chat not found") from None

    def _render(self, text: Any, parse_mode: str | None) -> str:
        if not isinstance(text, str) or not text.strip():
            raise _bad_request("message text is empty")
        shown = text
        if parse_mode and parse_mode.upper() == "HTML" and self.strict_html:
            shown = render_telegram_html(text)
        if not shown.strip():
            raise _bad_request("message text is empty")
        if _utf16_len(shown) > _MAX_TEXT:
            raise _bad_request("message is too long")
        return shown

    @staticmethod
    def _check_markup(markup: Any) -> JSON | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                if not button.get("text"):
                    raise _bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8", "surrogatepass")) <= _MAX_CALLBACK_DATA:
                    raise _bad_request("BUTTON_DATA_INVALID")
        return markup

    def _message_json(self, msg: BotMessage) -> JSON:
        out: JSON = {
            "message_id": msg.message_id,
            "date": msg.date,
            "chat": self.chat_json(msg.chat_id),
            "from": self.bot_user(),
            "text": msg.text,
        }
        if msg.edit_date is not None:
            out["edit_date"] = msg.edit_date
        # Telegram only echoes inline keyboards inside Message objects.
        if msg.reply_markup and "inline_keyboard" in msg.reply_markup:
            out["reply_markup"] = copy.deepcopy(msg.reply_markup)
        return out

    def _find_bot_message(self, chat_id: int, message_id: int) -> BotMessage | None:
        for msg in self._bot_messages.get(chat_id, []):
            if msg.message_id == message_id:
                return msg
        return None

    def _editable(self, params: JSON) -> BotMessage:
        if params.get("inline_message_id"):
            raise _bad_request("inline messages are not supported by the fake")
        chat_id = self._chat_id(params)
        try:
            message_id = int(params.get("message_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise _bad_request("message identifier is not specified") from None
        msg = self._find_bot_message(chat_id, message_id)
        if msg is None or msg.deleted:
            if message_id in self._user_message_ids.get(chat_id, set()):
                raise _bad_request("message can't be edited")
            raise _bad_request("message to edit not found")
        return msg

    def _m_getMe(self, params: JSON, token: str | None) -> JSON:
        return self.bot_user(token)

    def _m_sendMessage(self, params: JSON, token: str | None) -> JSON:
        chat_id = self._chat_id(params)
        parse_mode = params.get("parse_mode")
        shown = self._render(params.get("text"), parse_mode)
        markup = self._check_markup(params.get("reply_markup"))
        msg = BotMessage(
            chat_id=chat_id,
            message_id=self._new_message_id(chat_id),
            text=shown,
            raw_text=params["text"],
            parse_mode=parse_mode,
            reply_markup=copy.deepcopy(markup),
            date=int(time.time()),
        )
        self._bot_messages.setdefault(chat_id, []).append(msg)
        self._transcript.setdefault(chat_id, []).append(
            TranscriptEntry("bot", msg.message_id, "text", shown, time.time())
        )
        return self._message_json(msg)

    def _m_sendDocument(self, params: JSON, token: str | None) -> JSON:
        chat_id = self._chat_id(params)
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("size"):
            raise _bad_request("there is no document in the request")
        caption = str(params.get("caption") or "")
        msg = BotMessage(chat_id=chat_id, message_id=self._new_message_id(chat_id), text=caption, raw_text=caption,
                         parse_mode=params.get("parse_mode"), reply_markup=None, date=int(time.time()),
                         document=dict(document))
        self._bot_messages.setdefault(chat_id, []).append(msg)
        self._transcript.setdefault(chat_id, []).append(
            TranscriptEntry("bot", msg.message_id, "document", f"[{document.get('file_name')}] {caption}", time.time())
        )
        result = self._message_json(msg)
        result["document"] = {"file_id": f"doc-{msg.message_id}", "file_unique_id": f"u{msg.message_id}",
                              "file_name": document.get("file_name"), "file_size": document.get("size")}
        return result

    def _m_editMessageText(self, params: JSON, token: str | None) -> JSON:
        msg = self._editable(params)
        parse_mode = params.get("parse_mode")
        shown = self._render(params.get("text"), parse_mode)
        # Telegram drops the inline keyboard when reply_markup is omitted from the edit.
        markup = self._check_markup(params.get("reply_markup"))
        if shown == msg.text and markup == msg.reply_markup:
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        msg.history.append(msg.text)
        msg.text, msg.raw_text, msg.parse_mode = shown, params["text"], parse_mode
        msg.reply_markup = copy.deepcopy(markup)
        msg.edit_date = int(time.time())
        self._transcript.setdefault(msg.chat_id, []).append(
            TranscriptEntry("bot", msg.message_id, "edit", shown, time.time())
        )
        return self._message_json(msg)

    def _m_editMessageReplyMarkup(self, params: JSON, token: str | None) -> JSON:
        msg = self._editable(params)
        markup = self._check_markup(params.get("reply_markup"))
        if markup == msg.reply_markup:
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        msg.reply_markup = copy.deepcopy(markup)
        msg.edit_date = int(time.time())
        self._transcript.setdefault(msg.chat_id, []).append(
            TranscriptEntry("bot", msg.message_id, "edit-markup", str(buttons(msg)), time.time())
        )
        return self._message_json(msg)

    def _m_deleteMessage(self, params: JSON, token: str | None) -> bool:
        chat_id = self._chat_id(params)
        msg = self._find_bot_message(chat_id, int(params.get("message_id") or 0))
        if msg is None or msg.deleted:
            raise _bad_request("message to delete not found")
        msg.deleted = True
        return True

    def _m_answerCallbackQuery(self, params: JSON, token: str | None) -> bool:
        query = self._callback_queries.get(str(params.get("callback_query_id")))
        if query is None:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if query["answer"] is not None:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        query["answer"] = copy.deepcopy(params)
        return True

    def _m_sendChatAction(self, params: JSON, token: str | None) -> bool:
        self._chat_id(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    @staticmethod
    def _commands_key(params: JSON) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)

    def _m_setMyCommands(self, params: JSON, token: str | None) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        for cmd in commands:
            if not _COMMAND_RE.match(str(cmd.get("command", ""))):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not str(cmd.get("description", "")).strip():
                raise _bad_request("command description is empty")
        self._commands[self._commands_key(params)] = copy.deepcopy(commands)
        return True

    def _m_getMyCommands(self, params: JSON, token: str | None) -> list[JSON]:
        return copy.deepcopy(self._commands.get(self._commands_key(params), []))

    def _m_deleteMyCommands(self, params: JSON, token: str | None) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def _m_setWebhook(self, params: JSON, token: str | None) -> bool:
        url = params.get("url") or ""
        if not url:
            # Telegram treats an empty url as "remove the webhook".
            return self._m_deleteWebhook(params, token)
        if not _is_loopback_url(url):
            # Safety: this fake never sends traffic off the machine.
            raise _bad_request("bad webhook: the fake Bot API only delivers to loopback")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad_request("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook = {
            "url": url,
            "secret_token": secret,
            "allowed_updates": params.get("allowed_updates"),
            "max_connections": params.get("max_connections", 40),
            "ip_address": params.get("ip_address"),
        }
        self._webhook_last_error = None
        return True

    def _m_deleteWebhook(self, params: JSON, token: str | None) -> bool:
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook = None
        return True

    def _m_getWebhookInfo(self, params: JSON, token: str | None) -> JSON:
        info: JSON = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self._webhook:
            info["max_connections"] = self._webhook["max_connections"]
            if self._webhook.get("allowed_updates"):
                info["allowed_updates"] = self._webhook["allowed_updates"]
            if self._webhook.get("ip_address"):
                info["ip_address"] = self._webhook["ip_address"]
        if self._webhook_last_error:
            info["last_error_date"], info["last_error_message"] = self._webhook_last_error
        return info

    # ------------------------------------------------------------------ inspection
    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Copies of every recorded call (optionally only ``method``), oldest first."""
        with self._cond:
            return [copy.deepcopy(c) for c in self._calls if method in (None, c.method)]

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[BotMessage]:
        """Copies of the bot's messages in ``chat_id`` as currently shown, oldest first."""
        with self._cond:
            return [
                copy.deepcopy(m)
                for m in self._bot_messages.get(chat_id, [])
                if include_deleted or not m.deleted
            ]

    def last_message(self, chat_id: int) -> BotMessage | None:
        """The most recent (not deleted) bot message in ``chat_id``, or ``None``."""
        msgs = self.messages(chat_id)
        return msgs[-1] if msgs else None

    @staticmethod
    def buttons(message: BotMessage | JSON) -> list[tuple[str, str | None]]:
        """Flat ``[(text, callback_data)]`` of a message's inline keyboard."""
        return buttons(message)

    def transcript(self, chat_id: int) -> list[TranscriptEntry]:
        """User and bot lines of ``chat_id`` in the order they happened (edits appended)."""
        with self._cond:
            return copy.deepcopy(self._transcript.get(chat_id, []))

    def format_transcript(self, chat_id: int) -> str:
        """Human-readable transcript, for assertion messages and debugging."""
        lines = []
        for e in self.transcript(chat_id):
            who = "USER" if e.sender == "user" else "BOT "
            lines.append(f"{who} #{e.message_id} [{e.kind}] {e.text}")
        return "\n".join(lines) or "(empty)"

    def callback_query_id(self, update_id: int) -> str:
        """The callback query id inside the button-press update ``update_id``."""
        with self._cond:
            return str(self._updates_by_id[update_id]["callback_query"]["id"])

    def callback_answer(self, update_id: int) -> JSON | None:
        """The ``answerCallbackQuery`` params for press ``update_id``, or None if unanswered."""
        with self._cond:
            query = self._callback_queries[self.callback_query_id(update_id)]
            return copy.deepcopy(query["answer"])

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The command list last set with ``setMyCommands`` for that scope/language."""
        with self._cond:
            return self._m_getMyCommands({"scope": scope, "language_code": language_code}, None)

    def webhook_info(self) -> JSON | None:
        """The registered webhook (``url``, ``secret_token``, ...) or None in polling mode."""
        with self._cond:
            return copy.deepcopy(self._webhook)

    def deliveries(self) -> list[WebhookDelivery]:
        """Every webhook delivery attempt made so far."""
        with self._cond:
            return copy.deepcopy(self._deliveries)

    # ------------------------------------------------------------------ waiting
    @staticmethod
    def _forbid_running_loop(name: str) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        raise RuntimeError(
            f"{name}() blocks; inside a running event loop it would freeze PTB. "
            f"Use `await {name}_async(...)` instead."
        )

    def _recent_calls_text(self, n: int = 15) -> str:
        tail = self._calls[-n:]
        return "\n".join(
            f"  #{c.index} {c.method} -> {c.status} {c.fault or ''} {c.params}" for c in tail
        )

    def _wait(
        self, check: Callable[[], Any], timeout: float, describe: Callable[[], str]
    ) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = check()
                if result is not None:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise WaitTimeout(describe())
                self._cond.wait(min(remaining, 0.1))

    async def _wait_async(
        self, check: Callable[[], Any], timeout: float, describe: Callable[[], str]
    ) -> Any:
        # Polls instead of blocking a thread so the event loop (and PTB on it) keeps running.
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                result = check()
            if result is not None:
                return result
            if time.monotonic() >= deadline:
                with self._cond:
                    raise WaitTimeout(describe())
            await asyncio.sleep(0.01)

    def _call_check(
        self, method: str, predicate: Callable[[ApiCall], bool] | None, since: int
    ) -> Callable[[], ApiCall | None]:
        def check() -> ApiCall | None:
            for c in self._calls[since:]:
                if c.method == method and c.status is not None:
                    snapshot = copy.deepcopy(c)
                    if predicate is None or predicate(snapshot):
                        return snapshot
            return None

        return check

    def _call_describe(self, method: str, timeout: float) -> Callable[[], str]:
        return lambda: (
            f"no completed {method} call matched within {timeout}s; recent calls:\n"
            f"{self._recent_calls_text()}"
        )

    def wait_for_call(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        since: int = 0,
    ) -> ApiCall:
        """Block until a *completed* call of ``method`` (index >= ``since``) matches.

        ``since`` is typically ``len(fake.calls())`` taken before the action under test.
        """
        self._forbid_running_loop("wait_for_call")
        return self._wait(
            self._call_check(method, predicate, since),
            timeout,
            self._call_describe(method, timeout),
        )

    async def wait_for_call_async(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        since: int = 0,
    ) -> ApiCall:
        """Async form of :meth:`wait_for_call`."""
        return await self._wait_async(
            self._call_check(method, predicate, since),
            timeout,
            self._call_describe(method, timeout),
        )

    def _message_check(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | str | None,
        newer_than: int,
    ) -> Callable[[], BotMessage | None]:
        def check() -> BotMessage | None:
            for m in self._bot_messages.get(chat_id, []):
                if m.deleted or m.message_id <= newer_than:
                    continue
                snapshot = copy.deepcopy(m)
                if predicate is None:
                    return snapshot
                if isinstance(predicate, str):
                    if predicate in snapshot.text:
                        return snapshot
                elif predicate(snapshot):
                    return snapshot
            return None

        return check

    def _message_describe(
        self, chat_id: int, predicate: object, timeout: float
    ) -> Callable[[], str]:
        return lambda: (
            f"no bot message in chat {chat_id} matched {predicate!r} within {timeout}s.\n"
            f"Transcript:\n{self.format_transcript(chat_id)}\n"
            f"Recent calls:\n{self._recent_calls_text()}"
        )

    def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        newer_than: int = 0,
    ) -> BotMessage:
        """Block until a bot message in ``chat_id`` matches (current text, after edits).

        ``predicate``: callable on :class:`BotMessage`, a substring of its text, or None (any).
        ``newer_than``: only messages with ``message_id`` greater than this.
        """
        self._forbid_running_loop("wait_for_bot_message")
        return self._wait(
            self._message_check(chat_id, predicate, newer_than),
            timeout,
            self._message_describe(chat_id, predicate, timeout),
        )

    async def wait_for_bot_message_async(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        newer_than: int = 0,
    ) -> BotMessage:
        """Async form of :meth:`wait_for_bot_message`."""
        return await self._wait_async(
            self._message_check(chat_id, predicate, newer_than),
            timeout,
            self._message_describe(chat_id, predicate, timeout),
        )

    def _answer_check(self, update_id: int) -> Callable[[], JSON | None]:
        query_id = self.callback_query_id(update_id)
        return lambda: copy.deepcopy(self._callback_queries[query_id]["answer"])

    def wait_for_callback_answer(self, update_id: int, timeout: float = DEFAULT_TIMEOUT) -> JSON:
        """Block until the bot answered button press ``update_id``; returns the answer params."""
        self._forbid_running_loop("wait_for_callback_answer")
        return self._wait(
            self._answer_check(update_id),
            timeout,
            self._call_describe("answerCallbackQuery", timeout),
        )

    async def wait_for_callback_answer_async(
        self, update_id: int, timeout: float = DEFAULT_TIMEOUT
    ) -> JSON:
        """Async form of :meth:`wait_for_callback_answer`."""
        return await self._wait_async(
            self._answer_check(update_id),
            timeout,
            self._call_describe("answerCallbackQuery", timeout),
        )

    def _delivery_check(self, update_id: int) -> Callable[[], WebhookDelivery | None]:
        def check() -> WebhookDelivery | None:
            for d in reversed(self._deliveries):
                if d.update_id == update_id and d.status is not None and 200 <= d.status < 300:
                    return copy.deepcopy(d)
            return None

        return check

    def _delivery_describe(self, update_id: int, timeout: float) -> Callable[[], str]:
        return lambda: (
            f"update {update_id} was not delivered to the webhook within {timeout}s; "
            f"attempts: {[d for d in self._deliveries if d.update_id == update_id]}"
        )

    def wait_for_delivery(
        self, update_id: int, timeout: float = DEFAULT_TIMEOUT
    ) -> WebhookDelivery:
        """Block until update ``update_id`` was accepted (2xx) by the bot's webhook."""
        self._forbid_running_loop("wait_for_delivery")
        return self._wait(
            self._delivery_check(update_id), timeout, self._delivery_describe(update_id, timeout)
        )

    async def wait_for_delivery_async(
        self, update_id: int, timeout: float = DEFAULT_TIMEOUT
    ) -> WebhookDelivery:
        """Async form of :meth:`wait_for_delivery`."""
        return await self._wait_async(
            self._delivery_check(update_id), timeout, self._delivery_describe(update_id, timeout)
        )

    def _no_call_found(
        self, method: str, predicate: Callable[[ApiCall], bool] | None, since: int
    ) -> None:
        hit = self._call_check(method, predicate, since)()
        if hit is not None:
            raise AssertionError(f"unexpected {method} call: #{hit.index} {hit.params}")

    def assert_no_call(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        within: float = 0.5,
        *,
        since: int = 0,
    ) -> None:
        """Wait ``within`` seconds and fail if a matching ``method`` call completed."""
        self._forbid_running_loop("assert_no_call")
        self._stopping.wait(within)
        with self._cond:
            self._no_call_found(method, predicate, since)

    async def assert_no_call_async(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        within: float = 0.5,
        *,
        since: int = 0,
    ) -> None:
        """Async form of :meth:`assert_no_call`."""
        await asyncio.sleep(within)
        with self._cond:
            self._no_call_found(method, predicate, since)


# lowercased name -> canonical Telegram spelling (method names are case-insensitive).
_METHODS: dict[str, str] = {
    name.lower(): name
    for name in (
        "getMe", "getUpdates", "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup",
        "deleteMessage", "answerCallbackQuery", "setMyCommands", "getMyCommands",
        "deleteMyCommands", "setWebhook", "deleteWebhook", "getWebhookInfo", "sendChatAction",
    )
}  # fmt: skip


# ====================================================================== HTTP transport
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
            chunks = []
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
            return self.connection.recv(1, socket.MSG_PEEK) == b""
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
                raise _bad_request("parameters must be a JSON object")
            params.update(data)
        elif main == "multipart/form-data":
            head = f"Content-Type: {ctype}\r\nMIME-Version: 1.0\r\n\r\n".encode()
            msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
            fields: list[tuple[str, str]] = []
            for part in msg.iter_parts():  # type: ignore[attr-defined]
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
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
        method = BotApiState.canonical_method(raw_method) or raw_method
        try:
            params, files, ctype = self._parse_params(parts.query, body)
        except ApiError as exc:
            self._send(exc.status, exc.body())
            return
        except (ValueError, UnicodeDecodeError):
            self._send(400, _bad_request("can't parse request parameters").body())
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
                result = fake._dispatch(method, params, token)
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

    Created by tests (usually as a fixture: ``with FakeBotApi() as fake: yield fake``), or by
    ``python -m tests.support.fake_bot_api``. ``start()`` binds and returns immediately;
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
    ) -> None:
        super().__init__(token, strict_html=strict_html, bot_username=bot_username)
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

    def application_builder(self) -> ApplicationBuilder:
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
            threading.Thread(
                target=self._delivery_loop, name=f"fake-bot-api-webhook:{self.port}", daemon=True
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
    def _next_delivery(self) -> tuple[JSON, JSON] | None:
        """Block until there is an update to push to a webhook (or stop). Returns a snapshot."""
        with self._cond:
            while not self._stopping.is_set():
                if self._webhook is not None and self._pending:
                    return copy.deepcopy(self._pending[0].update), dict(self._webhook)
                self._cond.wait(0.2)
        return None

    def _delivery_loop(self) -> None:
        """Delivery thread: pushes queued updates, in order, to the webhook while one is set."""
        try:
            while (item := self._next_delivery()) is not None:
                self._deliver_one(*item)
        except Exception:  # never let the thread die with an exception (pytest would flag it)
            _LOG.exception("fake Bot API: webhook delivery thread crashed")

    def _deliver_one(self, update: JSON, webhook: JSON) -> None:
        update_id = int(update["update_id"])
        for attempt in range(1, self.webhook_max_attempts + 1):
            status, error = self._post_json(webhook["url"], update, webhook.get("secret_token"))
            with self._cond:
                self._deliveries.append(
                    WebhookDelivery(update_id, webhook["url"], attempt, status, error, time.time())
                )
                ok = status is not None and 200 <= status < 300
                if not ok:
                    self._webhook_last_error = (int(time.time()), error or f"HTTP {status}")
                head = self._pending[0] if self._pending else None
                still_current = self._webhook is not None and self._webhook["url"] == webhook["url"]
                if ok or attempt == self.webhook_max_attempts:
                    # Delivered (or given up): the update leaves the queue.
                    if head is not None and head.update["update_id"] == update_id:
                        self._pending.pop(0)
                    self._cond.notify_all()
                    return
                if not still_current:
                    return  # webhook removed/changed: keep the update for the next consumer
            # PTB sets the webhook *before* its server listens, so the first tries may be
            # refused; back off briefly (Telegram retries too).
            if self._stopping.wait(min(0.05 * 2 ** (attempt - 1), 0.5)):
                return

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
        if not _is_loopback_url(url):
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

    def post_to_webhook(
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
        when nothing answered. Sync: from async tests use :meth:`post_to_webhook_async`.
        """
        self._forbid_running_loop("post_to_webhook")
        return self._post_to_webhook(update, secret, url, timeout, content_type)

    async def post_to_webhook_async(
        self,
        update: JSON | int,
        *,
        secret: str | None = REGISTERED_SECRET,
        url: str | None = None,
        timeout: float = 5.0,
        content_type: str = "application/json",
    ) -> int:
        """Async form of :meth:`post_to_webhook` (runs the POST in a worker thread)."""
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


@contextlib.contextmanager
def running_fake_bot_api(token: str = DEFAULT_TOKEN, **kwargs: Any) -> Iterator[FakeBotApi]:
    """``with running_fake_bot_api() as fake:`` — same as ``with FakeBotApi(...) as fake``."""
    with FakeBotApi(token, **kwargs) as fake:
        yield fake


def main(argv: list[str] | None = None) -> None:
    """``python -m tests.support.fake_bot_api --port N``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
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


if __name__ == "__main__":
    main()
