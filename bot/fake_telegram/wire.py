"""Telegram's wire rules, as the fake Bot API enforces them: errors, HTML, parameters.

Who uses it: state.py (validation inside the Bot API methods) and http_server.py
(decoding form, JSON and multipart bodies). No state here, only the rules real bots trip
over: Telegram's HTML subset, lengths counted in UTF-16, form values that are JSON.
"""

from __future__ import annotations

import html
import ipaddress
import json
import re
import socket
from typing import Any
from urllib.parse import urlsplit

JSON = dict[str, Any]

LOOPBACK = "127.0.0.1"
DEFAULT_TOKEN = "123:ABC"
DEFAULT_TIMEOUT = 10.0

# Sentinel for post_to_webhook(secret=...): "use whatever secret the bot registered".
REGISTERED_SECRET: Any = object()

# Form fields that are plain strings on the wire and must NOT be JSON-decoded even when they
# look like JSON (a user typing "123" or "true" must stay a string; so must a numeric secret).
STRING_PARAMS = frozenset(
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
COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64


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


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


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
            raise bad_request(
                f"can't parse entities: Unexpected start of a tag at byte offset {offset}"
            )
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name not in _TG_HTML_TAGS:
            raise bad_request(
                f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {offset}'
            )
        if closing:
            if not stack or stack[-1] != name:
                expected = f'"</{stack[-1]}>"' if stack else "no end tag"
                raise bad_request(
                    f"can't parse entities: Unmatched end tag at byte offset {offset}, "
                    f'expected {expected}, found "</{name}>"'
                )
            stack.pop()
        else:
            stack.append(name)
        i = m.end()
    if stack:
        raise bad_request(
            f'can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"'
        )
    return html.unescape("".join(out))


def utf16_len(text: str) -> int:
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
        if key in STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# lowercased name -> canonical Telegram spelling (method names are case-insensitive).
METHODS: dict[str, str] = {
    name.lower(): name
    for name in (
        "getMe", "getUpdates", "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup",
        "deleteMessage", "answerCallbackQuery", "setMyCommands", "getMyCommands",
        "deleteMyCommands", "setWebhook", "deleteWebhook", "getWebhookInfo", "sendChatAction",
    )
}  # fmt: skip


def canonical_method(method: str) -> str | None:
    """Telegram's spelling of ``method`` (method names are case-insensitive), or None."""
    return METHODS.get(method.lower())
