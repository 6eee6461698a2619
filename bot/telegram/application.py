"""The Telegram bot: building the PTB Application and running it (polling or webhook).

Who calls it: `itoh-bot run` calls `run_bot()`, which reads the settings, builds the
engine once (handed to every update's turn), opens the session store and runs until
SIGINT/SIGTERM; `itoh-bot worker` (bot/telegram/worker.py) builds
the same Application without an Updater and feeds it webhook updates; tests call
`build_application()` with a recording request object instead of the network. Every update goes through the same
`flows.dialogue.step` as the terminal, via bot/chat_turn.py (handlers in
bot/telegram/handlers.py, layout in bot/telegram/render.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

from telegram import BotCommand, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, ExtBot, JobQueue
from telegram.request import BaseRequest, HTTPXRequest

from bot.chat_turn import Clock
from bot.settings import Settings
from bot.startup import StartError, open_session_store, start
from bot.storage import Storage
from bot.storage.expiry import run_expiry
from bot.telegram.admission import Admission
from bot.telegram.handlers import ChatHandlers, TurnObserver
from bot.telegram.updates import QuietRequest, UnreadableUpdates, UpdatesRequest
from flows.content import Content
from flows.dialogue import Engine, get_engine

log = logging.getLogger(__name__)

COMMANDS = ("start", "help", "back", "restart", "change", "language", "forget")  # shown in Telegram's menu
# Edited messages too: an edit gets a reply that says it is not read (handlers.on_edit).
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]

# The Application that `build_application` builds: ApplicationBuilder's default types
# (no custom context, user or chat data), which is what every handler here expects.
AnyApplication: TypeAlias = Application[
    ExtBot[None], ContextTypes.DEFAULT_TYPE, dict[Any, Any], dict[Any, Any], dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]


class Lifecycle:
    """Start and stop work around the Application: commands menu, expiry, the store.

    PTB calls `post_init` after connecting (run_polling / run_webhook only), `post_stop`
    when it stops taking updates and `post_shutdown` last.
    """

    def __init__(self, store: Storage, content: Content, expiry_interval: float, *, owns_store: bool) -> None:
        self.store = store
        self.content = content
        self.expiry_interval = expiry_interval
        self.owns_store = owns_store
        self.expiry: asyncio.Task[None] | None = None

    async def post_init(self, application: AnyApplication) -> None:
        await set_commands(application, self.content)
        self.expiry = asyncio.create_task(run_expiry(self.store, self.expiry_interval), name="session-expiry")
        # Everything built so far (content, the Machine, PTB, pydantic's schemas) lives as
        # long as the process: frozen, the garbage collector's full passes, which many
        # chats at once trigger, no longer rescan it on every pass.
        gc.collect()
        gc.freeze()
        log.info("bot started as @%s", application.bot.username)

    async def post_stop(self, application: AnyApplication) -> None:
        if self.expiry is not None:
            self.expiry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.expiry
            self.expiry = None

    async def post_shutdown(self, application: AnyApplication) -> None:
        await self.post_stop(application)  # also when start-up failed before post_stop
        if self.owns_store:
            await self.store.close()
        log.info("bot stopped")


async def set_commands(application: AnyApplication, content: Content) -> None:
    """Register the command menu (setMyCommands) with descriptions from content/ui.yaml:
    the default language's for everyone, and each other language's for the people whose
    Telegram is set to it (language_code), each command under the name that language's texts
    use (ui.yaml `command_names`: "/voltar"; a tapped one reaches the dialogue as the word,
    which `commands` maps to the same command)."""
    try:
        for index, language in enumerate(content.ui.languages):
            commands = [BotCommand(language.command_names.get(name, name),
                                   content.message(f"command_help_{name}", language.id)) for name in COMMANDS]
            # Telegram takes only two-letter codes here: a regional variant ("pt-br") keeps
            # its base's menu.
            for tag in [None] if index == 0 else [t for t in language.tags if "-" not in t]:
                await application.bot.set_my_commands(commands, language_code=tag)
    except TelegramError as exc:
        # The menu is a convenience: typed commands work without it.
        log.warning("could not set the command menu: %s", type(exc).__name__)


def build_application(
    settings: Settings,
    store: Storage,
    engine: Engine,
    *,
    request: BaseRequest | None = None,
    owns_store: bool = False,
    clock: Clock = time.time,
    admission: Admission | None = None,
    observer: TurnObserver | None = None,
    polling: bool = True,
    unreadable: UnreadableUpdates | None = None,
) -> AnyApplication:
    """The bot's Application: handlers, concurrent updates, lifecycle hooks.

    `request` replaces the network for both API calls and getUpdates (tests). With
    `owns_store` the store is closed at shutdown. `admission` applies the allow-list and
    rate limit (`itoh-bot run` and `worker` pass `Admission.from_settings`); `observer`
    hears every update's outcome (the worker's metrics); `unreadable` counts updates
    PTB cannot parse; `polling=False` builds no Updater, for a webhook server of our own.
    """
    lifecycle = Lifecycle(store, engine.content, settings.session_expiry_interval_seconds, owns_store=owns_store)
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.telegram_api_base_url)
        .concurrent_updates(True)  # safe: each chat's turns are serialised by the store's lock
        .post_init(lifecycle.post_init)
        .post_stop(lifecycle.post_stop)
        .post_shutdown(lifecycle.post_shutdown)
    )
    if settings.file_base_url is not None:
        builder = builder.base_file_url(settings.file_base_url)
    if request is None:
        timeout = settings.telegram_timeout_seconds
        request = HTTPXRequest(connection_pool_size=256, read_timeout=timeout, write_timeout=timeout,
                               connect_timeout=min(timeout, 5.0))
        updates_request: BaseRequest = HTTPXRequest(connection_pool_size=1)  # PTB's own for getUpdates
    else:
        updates_request = request
    # An update PTB cannot parse costs only itself, and no response body is ever logged
    # (bot/telegram/updates.py).
    builder = builder.request(QuietRequest(request)).get_updates_request(
        UpdatesRequest(updates_request, unreadable or UnreadableUpdates()))
    if not polling:
        builder = builder.updater(None)
    application = builder.build()
    ChatHandlers(store, engine, clock, admission=admission, observer=observer).register(application)
    return application


def run_bot() -> int:
    """`itoh-bot run`: 0 after a clean stop; a `StartError` if it cannot start or connect."""
    settings = start("run")
    engine = get_engine()  # built once here (start() has already loaded and checked it) and handed down
    store = open_session_store(settings)
    application = build_application(settings, store, engine, owns_store=True,
                                    admission=Admission.from_settings(settings))
    log.info("starting in %s mode; sessions expire after %g s idle", settings.mode, settings.session_ttl_seconds)
    try:
        with telegram_errors():
            if settings.mode == "webhook":
                application.run_webhook(
                    listen=settings.webhook_listen,
                    port=settings.webhook_port,
                    url_path=settings.webhook_path,
                    webhook_url=settings.webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                )
            else:
                application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except OSError as exc:  # the webhook port is taken or not ours to bind
        raise StartError(f"cannot listen on {settings.webhook_listen}:{settings.webhook_port}: "
                         f"{exc.strerror or exc}") from None
    return 0


@contextlib.contextmanager
def telegram_errors(refused: Callable[[TelegramError], str] | None = None) -> Iterator[None]:
    """Telegram's answers at start-up as a `StartError`: a rejected token (2), and any other
    refusal (1), described by `refused` or as "could not reach the Telegram Bot API"."""
    try:
        yield
    except InvalidToken:
        raise StartError("Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped? see docs/telegram.md)") from None
    except TelegramError as exc:
        unreachable = f"could not reach the Telegram Bot API at start-up ({type(exc).__name__})"
        raise StartError(refused(exc) if refused else unreachable, code=1) from None
