"""A minimal in-memory Telegram Bot API for `itoh-bot replay --channel telegram`.

Who calls it: bot/scripts/drivers/telegram.py, when no other stand-in is given (the CLI). PTB
calls `do_request` for every Bot API method; the driver builds updates with
`text_update` / `command_update` / `callback_update` and reads `calls()` and
`messages()`. It answers the few methods the bot uses, keeps each chat's messages as
currently shown (edits applied, HTML tags removed as Telegram displays them), and
records every call. It is deliberately small: the test suite uses the stricter
tests.support.recording_request.RecordingRequest, which also checks Telegram's HTML
rules and limits, but that lives under tests/ and is not installed with the package.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

JSON = dict[str, Any]
_TAG = re.compile(r"</?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|a|tg-spoiler|blockquote)(?:\s[^>]*)?>")


@dataclass
class ReplayCall:
    method: str
    params: JSON
    status: int | None = None
    response: Any = None


@dataclass
class ReplayMessage:
    chat_id: int
    message_id: int
    text: str
    reply_markup: JSON | None = None
    history: list[str] = field(default_factory=list)
    document: JSON | None = None  # a file sent: {"file_name", "data" (bytes)}

    def buttons(self) -> list[tuple[str, str | None]]:
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [(b.get("text", ""), b.get("callback_data")) for row in rows for b in row]


class ReplayRequest(BaseRequest):
    """Answers PTB's Bot API calls from memory; one instance per replayed script."""

    def __init__(self, bot_id: int = 123456789) -> None:
        super().__init__()
        self.bot_id = bot_id
        self._calls: list[ReplayCall] = []
        self._messages: dict[int, list[ReplayMessage]] = {}
        self._ids = itertools.count(1)  # message ids, shared by both sides as in a private chat
        self._updates = itertools.count(1)
        self._queries = itertools.count(1)
        self._languages: dict[int, str] = {}  # user id -> the app's language_code ("en" unless set)

    # BaseRequest ---------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = BaseRequest.DEFAULT_NONE, write_timeout: Any = BaseRequest.DEFAULT_NONE,
                         connect_timeout: Any = BaseRequest.DEFAULT_NONE,
                         pool_timeout: Any = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        api = url.rstrip("/").rsplit("/", 1)[-1]
        params = json.loads(json.dumps(request_data.parameters)) if request_data is not None else {}
        for name, part in (request_data.multipart_data if request_data is not None else {}).items():
            content = part[1] if isinstance(part, tuple) else part
            if isinstance(content, bytes):  # a file sent (sendDocument): its name and bytes
                params[name] = {"file_name": part[0] if isinstance(part, tuple) else name, "data": content}
        call = ReplayCall(api, params)
        self._calls.append(call)
        handler = getattr(self, f"_m_{api}", None)
        if handler is None:
            call.status, call.response = 200, True  # e.g. setMyCommands, sendChatAction
        else:
            try:
                call.status, call.response = 200, handler(params)
            except ValueError as exc:
                call.status, call.response = 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
                return 400, json.dumps(call.response).encode()
        return 200, json.dumps({"ok": True, "result": call.response}).encode()

    # what the driver reads -------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[ReplayCall]:
        return [c for c in self._calls if method in (None, c.method)]

    def messages(self, chat_id: int) -> list[ReplayMessage]:
        return list(self._messages.get(chat_id, []))

    def set_user_language(self, user_id: int, language_code: str) -> None:
        """The language the user's Telegram app is set to (sent as `from.language_code`)."""
        self._languages[user_id] = language_code

    # updates ---------------------------------------------------------------------------

    def text_update(self, chat_id: int, text: str, *, bot: Any) -> Update:
        return self._update({"message": {**self._user_message(chat_id), "text": text}}, bot)

    def command_update(self, chat_id: int, command: str, *, bot: Any) -> Update:
        word = command.split(maxsplit=1)[0]
        entity = {"type": "bot_command", "offset": 0, "length": len(word.encode("utf-16-le")) // 2}
        return self._update({"message": {**self._user_message(chat_id), "text": command, "entities": [entity]}}, bot)

    def callback_update(self, chat_id: int, message_id: int, data: str, *, bot: Any) -> Update:
        message = self._find(chat_id, message_id)
        if data not in [d for _, d in message.buttons()]:
            raise ValueError(f"message {message_id} shows no button with data {data!r}")
        query = {"id": str(next(self._queries)), "from": self._user(chat_id), "chat_instance": f"c{chat_id}",
                 "message": self._message_json(message), "data": data}
        return self._update({"callback_query": query}, bot)

    # Bot API methods -------------------------------------------------------------------

    def _m_getMe(self, params: JSON) -> JSON:
        return {"id": self.bot_id, "is_bot": True, "first_name": "ITOH", "username": "itoh_replay_bot",
                "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}

    def _m_sendMessage(self, params: JSON) -> JSON:
        chat_id = int(params["chat_id"])
        message = ReplayMessage(chat_id, next(self._ids), _displayed(params.get("text")), params.get("reply_markup"))
        self._messages.setdefault(chat_id, []).append(message)
        return self._message_json(message)

    def _m_sendDocument(self, params: JSON) -> JSON:
        chat_id = int(params["chat_id"])
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("data"):
            raise ValueError("there is no document in the request")
        message = ReplayMessage(chat_id, next(self._ids), _displayed(params.get("caption") or "-"), document=document)
        self._messages.setdefault(chat_id, []).append(message)
        shown = self._message_json(message)
        shown["document"] = {"file_id": f"doc-{message.message_id}", "file_unique_id": f"u{message.message_id}",
                             "file_name": document.get("file_name"), "file_size": len(document["data"])}
        return shown

    def _m_editMessageText(self, params: JSON) -> JSON:
        message = self._find(int(params["chat_id"]), int(params["message_id"]))
        text, markup = _displayed(params.get("text")), params.get("reply_markup")
        if text == message.text and markup == message.reply_markup:
            raise ValueError("message is not modified")
        message.history.append(message.text)
        message.text, message.reply_markup = text, markup  # no reply_markup: the keyboard goes
        return self._message_json(message)

    def _m_editMessageReplyMarkup(self, params: JSON) -> JSON:
        message = self._find(int(params["chat_id"]), int(params["message_id"]))
        if params.get("reply_markup") == message.reply_markup:
            raise ValueError("message is not modified")
        message.reply_markup = params.get("reply_markup")
        return self._message_json(message)

    def _m_answerCallbackQuery(self, params: JSON) -> bool:
        return True

    # helpers ---------------------------------------------------------------------------

    def _find(self, chat_id: int, message_id: int) -> ReplayMessage:
        for message in self._messages.get(chat_id, []):
            if message.message_id == message_id:
                return message
        raise ValueError("message to edit not found")

    def _user(self, chat_id: int) -> JSON:
        return {"id": chat_id, "is_bot": False, "first_name": "Replay",
                "language_code": self._languages.get(chat_id, "en")}

    def _user_message(self, chat_id: int) -> JSON:
        return {"message_id": next(self._ids), "date": int(time.time()), "from": self._user(chat_id),
                "chat": {"id": chat_id, "type": "private", "first_name": "Replay"}}

    def _message_json(self, message: ReplayMessage) -> JSON:
        shown: JSON = {"message_id": message.message_id, "date": int(time.time()), "text": message.text,
                       "chat": {"id": message.chat_id, "type": "private", "first_name": "Replay"},
                       "from": self._m_getMe({})}
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            shown["reply_markup"] = message.reply_markup
        return shown

    def _update(self, body: JSON, bot: Any) -> Update:
        update = Update.de_json({"update_id": next(self._updates), **body}, bot)
        assert update is not None
        return update


def _displayed(text: object) -> str:
    """Text as Telegram shows an HTML message: tags gone, entities decoded."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("message text is empty")
    return html.unescape(_TAG.sub("", text))
