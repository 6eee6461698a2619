"""One fake Telegram: a state model of the Bot API with two thin transports.

- state.py: `BotApiState`, the model (updates and offsets, messages and edits, callback
  queries, webhook registration, injected faults, every call; async waits). methods.py
  holds its Bot API methods, wire.py Telegram's rules, records.py what it hands out.
- in_process.py: `InProcessBotApi`, a python-telegram-bot `BaseRequest` (no sockets):
  the tests, `itoh-bot replay --channel telegram`, the in-process bench.
- http_server.py: `FakeBotApi`, an HTTP server on 127.0.0.1 that also delivers to a
  webhook: `itoh-bot run` in a subprocess, the end-to-end bench, manual runs
  (``python -m bot.fake_telegram``).
"""

from bot.fake_telegram.http_server import FakeBotApi
from bot.fake_telegram.in_process import InProcessBotApi
from bot.fake_telegram.records import ApiCall, BotMessage, TranscriptEntry, WaitTimeout, WebhookDelivery, buttons
from bot.fake_telegram.state import BotApiState
from bot.fake_telegram.wire import DEFAULT_TOKEN, REGISTERED_SECRET, ApiError, free_port, render_telegram_html

__all__ = [
    "DEFAULT_TOKEN",
    "REGISTERED_SECRET",
    "ApiCall",
    "ApiError",
    "BotApiState",
    "BotMessage",
    "FakeBotApi",
    "InProcessBotApi",
    "TranscriptEntry",
    "WaitTimeout",
    "WebhookDelivery",
    "buttons",
    "free_port",
    "render_telegram_html",
]
