"""How every Telegram command starts (`run`, `worker`, `set-webhook`), and how it fails.

Who calls it: bot/telegram/application.py (`run_bot`), bot/telegram/worker.py
(`run_worker`) and bot/telegram/webhook_setup.py call `start()` first, then
`open_session_store()` if they keep sessions. Anything that stops a command at start
raises `StartError`; bot/cli.py prints it as one line, `itoh-bot: <message>`, and exits
with its code (2: bad settings or input, 1: Telegram refused or was unreachable).

Logging: levels that keep health data and credentials out. At DEBUG,
python-telegram-bot logs every update and every Bot API call's parameters (what the
person typed, the questions and answers), and httpx logs every request URL at INFO,
which contains the bot token. So "telegram" stays at INFO or above and
"httpx"/"httpcore" at WARNING even when LOG_LEVEL=DEBUG; our own modules log only ids,
counts and timings. The formatter is the last line of defence: any output that still
contains a secret has it replaced.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from flows.content import get_content

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.storage import Storage

QUIET_LOGGERS = {
    "telegram": logging.INFO,  # DEBUG would log update contents and API parameters
    "httpx": logging.WARNING,  # INFO logs request URLs, which contain the token
    "httpcore": logging.WARNING,
    "tornado.access": logging.WARNING,  # one line per webhook POST; the path may be secret
    "transitions": logging.WARNING,  # DEBUG traces the path through the flow, which reveals answers
}
REDACTED = "[redacted]"
WITHHELD = "[received data not logged]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class SafeFormatter(logging.Formatter):
    """Formats as usual, then replaces any secret anywhere in the output (tracebacks too).

    Exceptions of the `terse` types are shown as their log line only, without a
    traceback: PTB logs a rejected token with one whose last line quotes the token, and
    the CLI already prints one clear line for it.
    """

    def __init__(self, secrets: Iterable[str | None], terse: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__(FORMAT)
        self.secrets = [s for s in secrets if s]
        self.terse = terse

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and self.terse and isinstance(record.exc_info[1], self.terse):
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
        if record.name.startswith("telegram") and _carries_data(record.args):
            record = logging.makeLogRecord({**record.__dict__, "args": _withheld(record.args)})
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text


_DATA = (Mapping, list, tuple, set)  # how PTB holds updates and API parameters


def _carries_data(args: object) -> bool:
    # A record's single mapping argument becomes its `args` (logging's own rule).
    return isinstance(args, Mapping) or (isinstance(args, tuple) and any(isinstance(a, _DATA) for a in args))


def _withheld(args: object) -> tuple[object, ...]:
    """PTB's arguments with every container replaced: those are updates and API parameters.

    python-telegram-bot logs the raw data it could not parse ("Received data was %r":
    a whole getUpdates batch, or a webhook body) at CRITICAL, so no level hides it.
    Its other arguments (ids, counts, endpoint names) are scalars and stay.
    """
    if isinstance(args, Mapping):
        return (WITHHELD,)
    assert isinstance(args, tuple)
    return tuple(WITHHELD if isinstance(a, _DATA) else a for a in args)


def quiet_third_party(level: int) -> None:
    """Raise the chatty libraries' loggers to at least their safe level."""
    for name, floor in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(max(level, floor))


def configure_logging(
    level: str, secrets: Iterable[str | None] = (), terse: tuple[type[BaseException], ...] = ()
) -> None:
    """Log to stderr at `level`, with the third-party floors and secrets redacted."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter(secrets, terse))
    root = logging.getLogger()
    # Replace our own handler if called again; leave others (e.g. pytest's) alone.
    root.handlers[:] = [h for h in root.handlers if not isinstance(h.formatter, SafeFormatter)] + [handler]
    root.setLevel(numeric)
    quiet_third_party(numeric)


class StartError(Exception):
    """A command cannot start; `message` is one line fit to print as-is (no secret in it)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def start(command: str, *, requires: Iterable[str] = ()) -> Settings:
    """Settings, logging and content for `itoh-bot <command>`; `requires`: the settings
    (environment variable names) this command cannot do without."""
    # Lazy for start-up time: bot/cli.py imports this module for every command, and
    # `itoh-bot demo` should not pay for pydantic-settings and PTB.
    from telegram.error import InvalidToken

    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise StartError(str(exc)) from None
    missing = [name for name in requires if getattr(settings, name.lower()) is None]  # fields are named so
    if missing:
        raise StartError(f"itoh-bot {command} needs {' and '.join(missing)} (see README, section Deployment)")
    # Opt in to PTB 22's timedelta durations (RetryAfter.retry_after); without it PTB
    # warns on every flood-wait. bot/telegram/delivery.py accepts either form.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    configure_logging(settings.log_level, secrets=[settings.token, settings.webhook_secret], terse=(InvalidToken,))
    get_content()  # a content error stops us here, before connecting (the CLI prints it)
    return settings


def open_session_store(settings: Settings) -> Storage:
    """The store STORE_URL names; a `StartError` naming the setting if it cannot be opened."""
    from bot.storage import StoreUnavailable, storage_from_settings  # lazy for start-up time, as in start()

    try:
        return storage_from_settings(settings)
    except (ValueError, StoreUnavailable) as exc:
        raise StartError(f"invalid setting STORE_URL: {exc}") from None
