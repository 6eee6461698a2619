"""What the fake Bot API records and hands to tests: calls, messages, transcript lines,
webhook deliveries; and the state's own bookkeeping of faults and queued updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


class WaitTimeout(AssertionError):
    """Raised by the ``wait_for_*`` helpers when nothing matched in time.

    An ``AssertionError`` so pytest reports it as a test failure with our message (which
    includes the recent calls / transcript), not as an error in the fixture machinery.
    """


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
    kind: str  # "text", "command", "photo", "sticker", "callback", "raw", "edit"
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
class Fault:
    method: str
    remaining: int
    status: int | None = None
    retry_after: int | None = None
    description: str | None = None
    delay: float = 0.0


@dataclass
class Pending:
    update: JSON
    forced: bool = False  # a redelivery: served even if its id is below the confirmed offset
    served: bool = False
    in_flight: bool = False  # being POSTed to the webhook right now


def buttons(message: BotMessage | JSON) -> list[tuple[str, str | None]]:
    """Flat list of ``(text, callback_data)`` for a :class:`BotMessage` or a Message dict."""
    if isinstance(message, BotMessage):
        rows = message.inline_keyboard
    else:
        markup = message.get("reply_markup") or {}
        rows = markup.get("inline_keyboard") or []
    return [(b.get("text", ""), b.get("callback_data")) for row in rows for b in row]
