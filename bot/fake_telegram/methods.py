"""The Bot API methods the fake answers, as a mixin of the state (state.py).

Who calls them: BotApiState.dispatch, under the state's lock, once a transport (the
in-process request or the HTTP server) has decoded a call. Each `_m_<method>` returns
Telegram's `result` or raises ApiError with Telegram's description; they read and write
the state's messages, callback queries, commands and webhook registration.
"""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from bot.fake_telegram.records import BotMessage, Pending, TranscriptEntry, buttons
from bot.fake_telegram.wire import (
    CHAT_ACTIONS,
    COMMAND_RE,
    MAX_CALLBACK_DATA,
    MAX_TEXT,
    bad_request,
    is_loopback_url,
    render_telegram_html,
    utf16_len,
)

JSON = dict[str, Any]
# What lean mode answers without keeping anything; the rest (getMe, commands, the
# webhook) is small, per bot, and must work as Telegram's for the bot to start.
LEAN_ECHOED = frozenset({
    "sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "deleteMessage",
    "answerCallbackQuery", "sendChatAction",
})


class BotApiMethods:
    """Bot API methods over the state's data; `lean` answers without keeping anything."""

    if TYPE_CHECKING:  # provided by BotApiState
        strict_html: bool
        lean: bool
        _pending: list[Pending]
        _bot_messages: dict[int, list[BotMessage]]
        _user_message_ids: dict[int, set[int]]
        _transcript: dict[int, list[TranscriptEntry]]
        _callback_queries: dict[str, JSON]
        _commands: dict[str, list[JSON]]
        _webhook: JSON | None
        _webhook_last_error: tuple[int, str] | None
        _echo_ids: Iterator[int]

        def bot_user(self, token: str | None = None) -> JSON: ...
        @staticmethod
        def chat_json(chat_id: int) -> JSON: ...
        def _new_message_id(self, chat_id: int) -> int: ...

    def _chat_id(self, params: JSON) -> int:
        raw = params.get("chat_id")
        if raw is None:
            raise bad_request("chat_id is empty")
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None

    def _render(self, text: Any, parse_mode: str | None) -> str:
        if not isinstance(text, str) or not text.strip():
            raise bad_request("message text is empty")
        shown = text
        if parse_mode and parse_mode.upper() == "HTML" and self.strict_html:
            shown = render_telegram_html(text)
        if not shown.strip():
            raise bad_request("message text is empty")
        if utf16_len(shown) > MAX_TEXT:
            raise bad_request("message is too long")
        return shown

    @staticmethod
    def _check_markup(markup: Any) -> JSON | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8", "surrogatepass")) <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
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
            raise bad_request("inline messages are not supported by the fake")
        chat_id = self._chat_id(params)
        try:
            message_id = int(params.get("message_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise bad_request("message identifier is not specified") from None
        msg = self._find_bot_message(chat_id, message_id)
        if msg is None or msg.deleted:
            if message_id in self._user_message_ids.get(chat_id, set()):
                raise bad_request("message can't be edited")
            raise bad_request("message to edit not found")
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
            raise bad_request("there is no document in the request")
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
            raise bad_request(
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
            raise bad_request(
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
            raise bad_request("message to delete not found")
        msg.deleted = True
        return True

    def _m_answerCallbackQuery(self, params: JSON, token: str | None) -> bool:
        query = self._callback_queries.get(str(params.get("callback_query_id")))
        if query is None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if query["answer"] is not None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        query["answer"] = copy.deepcopy(params)
        return True

    def _m_sendChatAction(self, params: JSON, token: str | None) -> bool:
        self._chat_id(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    @staticmethod
    def _commands_key(params: JSON) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)

    def _m_setMyCommands(self, params: JSON, token: str | None) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        for cmd in commands:
            if not COMMAND_RE.match(str(cmd.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not str(cmd.get("description", "")).strip():
                raise bad_request("command description is empty")
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
        if not is_loopback_url(url):
            # Safety: this fake never sends traffic off the machine.
            raise bad_request("bad webhook: the fake Bot API only delivers to loopback")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
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

    def _echo(self, method: str, params: JSON) -> Any:
        """Lean mode (the bench), for the per-chat methods (LEAN_ECHOED): a Telegram-shaped
        result, nothing validated or kept, so the time and memory measured around a run are
        the bot's, not the fake's."""
        if method not in ("sendMessage", "editMessageText"):
            return True  # answerCallbackQuery, editMessageReplyMarkup, sendChatAction, ...
        chat_id = int(params["chat_id"])
        message: JSON = {
            "message_id": int(params.get("message_id") or next(self._echo_ids)), "date": int(time.time()),
            "chat": self.chat_json(chat_id), "from": self.bot_user(), "text": str(params.get("text", "")),
        }
        markup = params.get("reply_markup")
        if isinstance(markup, str):  # aiogram's session hands it over as JSON text
            markup = json.loads(markup)
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        return message
