"""A minimal in-memory Bot API for the in-process bench: no sockets, almost no work.

Who uses it: bot/bench/inprocess.py, as the `request` of every PTB Application it
builds (the floor, the ConversationHandler peer, this bot). PTB calls `do_request` for
each Bot API method; we decode the parameters exactly as a server would (JSON), answer
with a Telegram-shaped result and count the call. Nothing is kept per chat, so memory
measured around a run is the bot's, not the fake's.

It is deliberately smaller than tests/support/recording_request.py (which validates
Telegram's HTML and keeps transcripts): the same cheap fake serves every row of the
table, so the ratios compare the bots, not the fake.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from typing import Any

from telegram.request import BaseRequest, RequestData

JSON = dict[str, Any]
BOT_ID = 123456789
TOKEN = f"{BOT_ID}:AAE-fake_token_for_itoh_bot_bench_00"  # matches the settings' token pattern
BOT_USER: JSON = {
    "id": BOT_ID, "is_bot": True, "first_name": "ITOH Bench", "username": "itoh_bench_bot",
    "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False,
}


def chat_json(chat_id: int) -> JSON:
    return {"id": chat_id, "type": "private", "first_name": "Bench", "username": f"u{chat_id}"}


def user_json(user_id: int) -> JSON:
    return {"id": user_id, "is_bot": False, "first_name": "Bench", "language_code": "en"}


class BenchRequest(BaseRequest):
    """Answers PTB's Bot API calls from memory and counts them by method."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self._message_id = 1_000_000
        # True: every call gives way to the event loop once before it is answered, as a
        # real HTTP round trip does, so other chats' updates run meanwhile.
        self.yields = False

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE, pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self.yields:
            await asyncio.sleep(0)
        api = url.rsplit("/", 1)[-1]
        # What a server would decode from the wire (PTB's values are JSON-compatible).
        params = json.loads(request_data.json_payload) if request_data is not None else {}
        self.counts[api] += 1
        return 200, json.dumps({"ok": True, "result": answer(api, params, self._next_id)}).encode()

    def _next_id(self) -> int:
        self._message_id += 1
        return self._message_id

    @property
    def sent(self) -> int:
        """Messages sent or edited so far (what the user would see)."""
        return sum(n for method, n in self.counts.items() if method.startswith(("send", "edit")))


def answer(api: str, params: JSON, next_id: Any) -> Any:
    """The `result` of one Bot API call, Telegram-shaped; shared with the aiogram fake session."""
    if api == "getMe":
        return BOT_USER
    if api in ("sendMessage", "editMessageText"):
        chat_id = int(params["chat_id"])
        message: JSON = {
            "message_id": int(params.get("message_id") or next_id()), "date": int(time.time()),
            "chat": chat_json(chat_id), "from": BOT_USER, "text": str(params.get("text", "")),
        }
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message
    return True  # answerCallbackQuery, editMessageReplyMarkup, setMyCommands, ...
