"""The fake Telegram's one state model of the Bot API, shared by both transports.

Who uses it: in_process.py (a python-telegram-bot `BaseRequest` answering from memory:
the tests, `itoh-bot replay --channel telegram`, the in-process bench) and http_server.py
(a real HTTP server on 127.0.0.1: `itoh-bot run` in a subprocess, the end-to-end bench).
Both subclass `BotApiState` and feed it calls (`_begin_call`, `dispatch`, `_finish_call`);
tests play the user's side and inspect what the bot did through the public methods.

What it keeps: the queue of updates (getUpdates with offsets and long polls, or webhook
delivery by the HTTP server once setWebhook is called), each chat's messages as the user
sees them (edits applied), callback queries and their answers, a transcript of both
sides, every call, and injected faults (`fail_next`, `delay_next`). The Bot API methods
themselves are in methods.py, the person's updates in user_side.py, the waits in
waits.py, Telegram's wire rules in wire.py.

Waits are async only (`await state.wait_for_call(...)`): they poll under the lock, so
the event loop running the bot keeps running. A test without a loop wraps one in
`asyncio.run(...)`. They raise WaitTimeout, an AssertionError with the transcript.

`lean=True` (the bench) keeps nothing per chat and validates nothing: calls are only
counted and answered Telegram-shaped, so the bench measures the bot, not the fake.

The test-facing API
    user side (each queues an update and returns its ``update_id``): ``user_sends_text``,
    ``user_sends_command`` (with its ``bot_command`` entity), ``user_presses_button``
    (the message must show that button unless ``check=False``), ``user_sends_photo``,
    ``user_sends_sticker``, ``push_raw_update``, ``redeliver`` (the same update again, as
    Telegram's at-least-once delivery); ``make_*_update`` build without queueing.
    inspecting: ``calls(method)``, ``messages(chat_id)`` (edits applied), ``last_message``,
    ``buttons``, ``transcript`` / ``format_transcript``, ``callback_answer``, ``commands``,
    ``webhook_info``, ``deliveries``, ``pending_update_ids``, ``counts``, ``sent``.
    waiting (async): ``wait_for_call``, ``wait_for_bot_message``,
    ``wait_for_callback_answer``, ``wait_for_delivery``, ``assert_no_call``.
    faults (``method="*"`` matches any): ``fail_next(method, status, retry_after)`` (429
    carries ``parameters.retry_after`` like Telegram), ``delay_next``, ``clear_faults``.

Telegram's behaviour reproduced on purpose (what real bots trip over): HTML validated as
Telegram does and stripped from the shown text; empty or over-long texts, callback data
over 64 bytes, an edit that changes nothing, editing an unknown or the user's message
fail with Telegram's 400 descriptions; an edit without ``reply_markup`` drops the
keyboard; getUpdates answers 409 while a webhook is set; offsets confirm and forget.
"""

from __future__ import annotations

import copy
import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.fake_telegram.methods import LEAN_ECHOED, BotApiMethods
from bot.fake_telegram.records import (
    ApiCall,
    BotMessage,
    Fault,
    Pending,
    TranscriptEntry,
    WebhookDelivery,
    buttons,
)
from bot.fake_telegram.user_side import UserSide
from bot.fake_telegram.waits import AsyncWaits
from bot.fake_telegram.wire import (
    DEFAULT_TOKEN,
    METHODS,
    ApiError,
)

JSON = dict[str, Any]
SentListener = Callable[[str, JSON], None]

class BotApiState(UserSide, AsyncWaits, BotApiMethods):
    """The Bot API's data model: updates queue, per-chat transcripts, calls, faults, webhook.

    Transport-free and thread-safe (one ``threading.Condition`` guards everything, because
    the HTTP server answers from threads). The transports subclass it.
    """

    def __init__(
        self,
        token: str | None = DEFAULT_TOKEN,
        *,
        bot_first_name: str = "ITOH Test Bot",
        bot_username: str = "itoh_test_bot",
        strict_html: bool = True,
        lean: bool = False,
    ) -> None:
        self.token = token
        self.lean = lean
        self.counts: Counter[str] = Counter()  # calls by method, kept even when lean
        self._echo_ids = itertools.count(1_000_001)  # lean mode's message ids
        self._sent_listeners: list[SentListener] = []
        self.bot_first_name = bot_first_name
        self.bot_username = bot_username
        self.strict_html = strict_html
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._calls: list[ApiCall] = []
        self._faults: list[Fault] = []
        self._pending: list[Pending] = []
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
                Fault(method, times, status=status, retry_after=retry_after,
                       description=description)
            )  # fmt: skip

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Make the next ``times`` calls of ``method`` wait ``seconds`` before being answered."""
        with self._cond:
            self._faults.append(Fault(method, times, delay=seconds))

    def clear_faults(self) -> None:
        """Forget all pending fault injections."""
        with self._cond:
            self._faults.clear()

    def _take_faults(self, method: str) -> tuple[float, Fault | None]:
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
    def _fault_error(fault: Fault) -> ApiError:
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
    ) -> tuple[ApiCall | None, float, ApiError | None]:
        """Record a call and pick its injected faults. Transports call this first.

        Lean: only counted, so no call is returned (nor any fault: the bench injects none).
        """
        with self._cond:
            self.counts[method] += 1
            if self.lean:
                return None, 0.0, None
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

    def _finish_call(self, call: ApiCall | None, status: int, response: Any) -> None:
        if call is None:
            return
        with self._cond:
            call.status = status
            call.response = copy.deepcopy(response)
            self._cond.notify_all()

    def dispatch(self, method: str, params: JSON, token: str | None = None) -> Any:
        """Execute any method except ``getUpdates``; returns the ``result`` or raises ApiError."""
        handler = METHODS.get(method.lower())
        if handler is None or handler == "getUpdates":
            raise ApiError(404, "Not Found: method not found")
        with self._cond:
            if self.lean and handler in LEAN_ECHOED:
                result = self._echo(handler, params)
            else:
                result = getattr(self, f"_m_{handler}")(params, token)
            self._cond.notify_all()
            listeners = self._sent_listeners if handler.startswith(("send", "edit")) else []
        for listener in listeners:
            listener(handler, params)
        return result

    def on_sent(self, listener: SentListener) -> None:
        """Call ``listener(method, params)`` after each message the bot sends or edits, from
        the thread that answered the call (the bench times turns by it)."""
        with self._cond:
            self._sent_listeners.append(listener)

    @property
    def sent(self) -> int:
        """Messages sent or edited so far (what the user would see), successful or not."""
        with self._cond:
            return sum(n for method, n in self.counts.items() if method.startswith(("send", "edit")))

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
            answer: JSON | None = self._callback_queries[self.callback_query_id(update_id)]["answer"]
            return copy.deepcopy(answer)

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
