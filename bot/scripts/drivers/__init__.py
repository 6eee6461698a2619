"""One driver per channel, all implementing `bot.scripts.driver.Driver`.

* engine.py: `flows.dialogue.step` directly, with the flow's transitions seen;
* terminal.py: the `itoh-bot demo` process on a pseudo-terminal;
* telegram.py: the real PTB Application with an in-memory Bot API (telegram_request.py
  when no other stand-in is given).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.scripts.driver import Driver
from bot.scripts.drivers.engine import EngineDriver
from bot.scripts.drivers.terminal import TerminalDriver
from bot.scripts.model import Channel
from flows.dialogue import Engine


def make_driver(channel: Channel, engine: Engine, *, telegram_double: Callable[[], Any] | None = None) -> Driver:
    """A fresh driver: nothing is shared between runs, so no state can leak across scripts."""
    if channel == "engine":
        return EngineDriver(engine)
    if channel == "terminal":
        return TerminalDriver(engine.content)
    # Lazy for start-up time: PTB (~0.3 s) loads only when the Telegram channel is replayed.
    from bot.scripts.drivers.telegram import TelegramDriver

    return TelegramDriver(engine, telegram_double)
