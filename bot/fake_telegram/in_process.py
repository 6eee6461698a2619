"""The fake Telegram in process: a python-telegram-bot `BaseRequest` answering from memory.

Who uses it: tests that drive the REAL `Application` without sockets, the Telegram
channel of `itoh-bot replay` (bot/script_telegram.py) and the in-process bench (lean).
Every Bot API call PTB makes is answered by the shared state model (state.py): Telegram-
shaped results, each chat's messages with edits applied, Telegram's 400 errors, every
call recorded. Build updates with the builders below and feed them to
``await app.process_update(update)``; ``app.updater.start_polling()`` also works
(getUpdates is answered from the queue the ``user_sends_*`` helpers fill).
``setWebhook`` is recorded but nothing is delivered (no sockets: see http_server.py).

Wiring::

    api = InProcessBotApi()
    app = api.application_builder().build()   # token, request and get_updates_request
    async with app:                           # initialize() -> getMe is answered here
        await app.process_update(api.text_update(42, "hello", bot=app.bot))
        assert api.last_message(42).text == "you said: hello"

``bot`` is needed so that shortcuts such as ``update.message.reply_text`` work: PTB's
``Application.process_update`` does not attach a bot to updates, the Updater does.
"""

from __future__ import annotations

import asyncio
import copy
import json
import time
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.fake_telegram.state import BotApiState
from bot.fake_telegram.wire import DEFAULT_TOKEN, ApiError, canonical_method

if TYPE_CHECKING:
    from telegram import Bot
    from telegram.ext import ApplicationBuilder

__all__ = ["InProcessBotApi"]

JSON = dict[str, Any]


class InProcessBotApi(BaseRequest, BotApiState):
    """A ``telegram.request.BaseRequest`` that answers from memory and records every call.

    PTB calls :meth:`do_request` (via ``BaseRequest.post``) for each Bot API method; tests
    call the update builders and the inherited inspection/wait helpers.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        strict_html: bool = True,
        read_timeout: float | None = 5.0,
        lean: bool = False,
        bot_username: str = "itoh_test_bot",
    ) -> None:
        BaseRequest.__init__(self)
        BotApiState.__init__(self, token, strict_html=strict_html, lean=lean, bot_username=bot_username)
        self._read_timeout = read_timeout
        # True: every call gives way to the event loop once before it is answered, as a
        # real HTTP round trip does, so other chats' updates run meanwhile (the bench).
        self.yields = False
        self.initialize_count = 0
        self.shutdown_count = 0

    # ------------------------------------------------------------------ BaseRequest
    @property
    def read_timeout(self) -> float | None:
        """Default read timeout; PTB adds the long-poll ``timeout`` to it for getUpdates."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Called by ``Bot.initialize`` (once per role, so twice when used for both)."""
        self.initialize_count += 1

    async def shutdown(self) -> None:
        """Called by ``Bot.shutdown``; nothing to release."""
        self.shutdown_count += 1

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer one Bot API call in memory: ``(HTTP status, JSON body bytes)``.

        ``url`` is ``<base_url><token>/<method>``; ``request_data.parameters`` are PTB's
        already-JSON-compatible values (we round-trip them through JSON so tuples become
        lists, exactly what a server would have decoded).
        """
        if self.yields:
            await asyncio.sleep(0)
        api_method = url.rstrip("/").rsplit("/", 1)[-1]
        canonical = canonical_method(api_method) or api_method
        params: JSON = {}
        files: dict[str, int] = {}
        if request_data is not None:
            params = json.loads(json.dumps(request_data.parameters))
            for name, part in request_data.multipart_data.items():
                content = part[1] if isinstance(part, tuple) else part
                files[name] = len(content) if isinstance(content, bytes) else -1
                if isinstance(content, bytes):
                    file_name = part[0] if isinstance(part, tuple) else name
                    params[name] = {"file_name": file_name, "size": len(content), "data": content}
        call, delay, fault = self._begin_call(
            canonical, params, http_method=method, content_type="in-process", files=files
        )
        if delay:
            await asyncio.sleep(delay)
        status, body, result = 200, None, None
        try:
            if fault is not None:
                raise fault
            if canonical == "getUpdates":
                result = await self._long_poll(params)
            else:
                result = self.dispatch(canonical, params, self.token)
            body = {"ok": True, "result": result}
        except ApiError as exc:
            status, body = exc.status, exc.body()
        self._finish_call(call, status, result if status == 200 else body)
        return status, json.dumps(body).encode()

    async def _long_poll(self, params: JSON) -> list[JSON]:
        # Long poll without blocking the event loop: check, then sleep a little.
        limit, timeout, allowed = self._begin_get_updates(params)
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                updates = self._take_updates(limit, allowed)
            if updates or time.monotonic() >= deadline:
                return updates
            await asyncio.sleep(min(0.01, max(0.0, deadline - time.monotonic())))

    # ------------------------------------------------------------------ wiring
    def application_builder(self) -> ApplicationBuilder:  # type: ignore[type-arg]
        """``ApplicationBuilder().token(...).request(self).get_updates_request(self)``."""
        from telegram.ext import ApplicationBuilder

        return ApplicationBuilder().token(str(self.token)).request(self).get_updates_request(self)

    # ------------------------------------------------------------------ Update builders
    @staticmethod
    def raw_update(update: JSON, *, bot: Bot | None) -> Update:
        """``telegram.Update`` from a dict, bound to ``bot`` so reply shortcuts work."""
        parsed = Update.de_json(copy.deepcopy(update), bot)
        return parsed

    def text_update(
        self, chat_id: int, text: str, *, bot: Bot | None, user_id: int | None = None
    ) -> Update:
        """A private-chat text message from the user (recorded in the transcript)."""
        return self.raw_update(self.make_text_update(chat_id, text, user_id), bot=bot)

    def edited_text_update(
        self, chat_id: int, message_id: int, text: str, *, bot: Bot | None, user_id: int | None = None
    ) -> Update:
        """The user's message ``message_id`` edited to ``text`` (an ``edited_message`` update)."""
        return self.raw_update(self.make_edited_text_update(chat_id, message_id, text, user_id), bot=bot)

    def command_update(
        self, chat_id: int, command: str, *, bot: Bot | None, user_id: int | None = None
    ) -> Update:
        """``/command [args]`` with a ``bot_command`` entity, so ``CommandHandler`` fires."""
        return self.raw_update(self.make_command_update(chat_id, command, user_id), bot=bot)

    def callback_update(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        bot: Bot | None,
        user_id: int | None = None,
        check: bool = True,
    ) -> Update:
        """A button press on bot message ``message_id`` (must show that button if ``check``)."""
        return self.raw_update(
            self.make_callback_update(chat_id, message_id, data, user_id, check=check), bot=bot
        )

    def photo_update(
        self,
        chat_id: int,
        *,
        bot: Bot | None,
        caption: str | None = None,
        user_id: int | None = None,
    ) -> Update:
        """A photo message (two ``PhotoSize`` entries, optional caption)."""
        return self.raw_update(self.make_photo_update(chat_id, caption, user_id), bot=bot)

    def sticker_update(
        self,
        chat_id: int,
        *,
        bot: Bot | None,
        emoji: str = "👍",
        user_id: int | None = None,
    ) -> Update:
        """A sticker message."""
        return self.raw_update(self.make_sticker_update(chat_id, emoji, user_id), bot=bot)
