"""What the in-process bench drives: the floor and this bot, behind one small interface.

Who uses it: bot/bench/inprocess.py and growth.py. A Target is started once, fed the
update dicts of bot/bench/stream.py (`feed` is what is timed: parsing the update as the
framework would, dispatch, handling, replies through the fake Bot API; `feed_as_running`
the same under the framework's own concurrency policy, for many users at once), then
stopped. The peers (bot/bench/peers/) implement the same interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Protocol, TypeAlias

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.fake_telegram import InProcessBotApi
from flows.dialogue import Engine

JSON = dict[str, Any]
# Every row's Application has PTB's default context type (its handlers take
# ContextTypes.DEFAULT_TYPE); the rest (bot, user/chat data, job queue) differs by row.
PtbApplication: TypeAlias = Application[Any, ContextTypes.DEFAULT_TYPE, Any, Any, Any, Any]

TOKEN = "123456789:AAE-fake_token_for_itoh_bot_bench_00"  # matches the settings' token pattern


def bench_request() -> InProcessBotApi:
    """The in-process fake Telegram, lean: it answers and counts but keeps nothing per chat,
    so the time and memory measured are the bot's, and every row pays the same for it."""
    return InProcessBotApi(TOKEN, lean=True, bot_username="itoh_bench_bot")


class Target(Protocol):
    name: str
    durability: str

    async def start(self) -> None: ...
    async def feed(self, update: JSON) -> None: ...
    async def feed_as_running(self, update: JSON) -> None: ...
    def wait_like_a_network(self) -> None: ...
    async def stop(self) -> None: ...
    def api_calls(self) -> int: ...


class PtbTarget(ABC):
    """A PTB Application fed with `process_update`, as its Updater would after getUpdates."""

    name = "ptb"
    durability = ""

    def __init__(self) -> None:
        self.request = bench_request()
        self.app: PtbApplication = self.build()

    @abstractmethod
    def build(self) -> PtbApplication:
        """The Application under test; each row builds its own."""

    def builder(self) -> ApplicationBuilder[Any, ContextTypes.DEFAULT_TYPE, Any, Any, Any, Any]:
        return ApplicationBuilder().token(TOKEN).request(self.request).get_updates_request(self.request)

    async def start(self) -> None:
        await self.app.initialize()

    async def feed(self, update: JSON) -> None:
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def wait_like_a_network(self) -> None:
        """From now on every Bot API call gives way to the event loop once, as over HTTP."""
        self.request.yields = True

    async def feed_as_running(self, update: JSON) -> None:
        """As the running Application's update fetcher hands it on: through its update
        processor, so the Application's own concurrency setting applies (PTB's default,
        which the peers keep: one update at a time; this bot: concurrent updates)."""
        parsed = Update.de_json(update, self.app.bot)
        await self.app.update_processor.process_update(parsed, self.app.process_update(parsed))

    async def stop(self) -> None:
        await self.app.shutdown()

    def api_calls(self) -> int:
        return self.request.sent


class Floor(PtbTarget):
    """PTB dispatch to one handler that does nothing: the least any PTB bot costs."""

    name = "floor: PTB dispatch, no-op handler"
    durability = "n/a (keeps nothing)"

    def build(self) -> PtbApplication:
        async def nothing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            return None

        app = self.builder().build()
        app.add_handler(TypeHandler(Update, nothing))
        return app


DURABILITY = {
    "memory": "none: a restart loses every conversation",
    "sqlite": "every answer: fsync'd (WAL, synchronous=FULL) before the reply",
    "redis": "every answer is in Redis before the reply; on disk as Redis is configured (bench: no AOF/RDB)",
}


class ThisBot(PtbTarget):
    """The real bot: build_application with a session store (lock, get, step, put with the update id, reply)."""

    def __init__(self, kind: str, store_url: str, engine: Engine) -> None:
        self.kind = kind
        self.engine = engine
        self.store_url = store_url
        self.name = f"this bot, {kind} store"
        self.durability = DURABILITY[kind]
        super().__init__()

    def build(self) -> PtbApplication:
        from bot.settings import Settings
        from bot.storage import storage_from_settings
        from bot.telegram.application import build_application

        # Same as `itoh-bot run`: the handler logs one INFO line per update. Keep that
        # cost in (production runs at INFO) but send the lines nowhere.
        settings = Settings(telegram_bot_token=TOKEN, store_url=self.store_url)
        self.store = storage_from_settings(settings)
        extra: dict[str, Any] = {}
        try:  # as `itoh-bot run`: the allow-list and rate limit (each bench user stays under it)
            from bot.telegram.admission import Admission

            extra["admission"] = Admission.from_settings(settings)
        except ImportError:
            pass
        return build_application(settings, self.store, self.engine, request=self.request, owns_store=True, **extra)

    async def start(self) -> None:
        await self.app.initialize()
        if not await self.store.health.ping():
            raise RuntimeError(f"{self.kind} store is not reachable")

    async def stop(self) -> None:
        await self.app.shutdown()
        await self.store.close()

