"""Socket-free PTB request backend for in-process tests of the real ``Application``.

Who uses this and when
----------------------
Unit/flow tests that want PTB's real handler machinery (filters, ``ConversationHandler``,
``CallbackQueryHandler``, ``context.bot.send_message``...) without any HTTP. The test builds
an ``Application`` with this request object, builds ``telegram.Update`` objects with the
helpers below and feeds them with ``await app.process_update(update)``; every Bot API call
PTB makes is answered from the same data model as ``tests.support.fake_bot_api`` (Telegram-
shaped results, per-chat transcript with edits applied, Telegram's 400 errors) and recorded.

Wiring::

    rec = RecordingRequest()
    app = (
        ApplicationBuilder()
        .token(rec.token)
        .request(rec)
        .get_updates_request(rec)   # same object is fine: PTB only calls post() on it
        .build()
    )
    # or: app = rec.application_builder().build()
    async with app:                 # initialize() -> getMe is answered from here
        await app.process_update(rec.text_update(42, "hello", bot=app.bot))
        assert rec.last_message(42).text == "you said: hello"
        assert rec.calls("sendMessage")[-1].params["text"] == "you said: hello"

``await app.updater.start_polling()`` also works (``getUpdates`` is answered from the queue
filled by ``user_sends_*``, with an asyncio-friendly long poll), but ``process_update`` is
simpler and deterministic. ``setWebhook`` is recorded but nothing is delivered (no sockets).

API (besides everything inherited from :class:`~tests.support.fake_bot_api.BotApiState`:
``calls``, ``messages``, ``last_message``, ``buttons``, ``transcript``, ``fail_next``,
``delay_next``, ``user_sends_*``, ``wait_for_*_async`` ...):

* ``RecordingRequest(token="123:ABC", *, strict_html=True, read_timeout=5.0)``
* ``text_update(chat_id, text, *, bot, user_id=None) -> Update``
* ``command_update(chat_id, "/start arg", *, bot, user_id=None) -> Update``
* ``callback_update(chat_id, message_id, data, *, bot, user_id=None, check=True) -> Update``
  (the update carries the bot message as currently shown, keyboard included)
* ``photo_update(chat_id, *, bot, caption=None, user_id=None) -> Update``
* ``sticker_update(chat_id, *, bot, emoji="👍", user_id=None) -> Update``
* ``raw_update(update_dict, *, bot) -> Update``
* ``calls(method)[i].params`` — the parameters with JSON values decoded, exactly as PTB
  would have put them on the wire (``reply_markup`` is a dict, dates are timestamps).

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

from tests.support.fake_bot_api import DEFAULT_TOKEN, ApiError, BotApiState

if TYPE_CHECKING:
    from telegram import Bot
    from telegram.ext import ApplicationBuilder

__all__ = ["RecordingRequest"]

JSON = dict[str, Any]


class RecordingRequest(BaseRequest, BotApiState):
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
    ) -> None:
        BaseRequest.__init__(self)
        BotApiState.__init__(self, token, strict_html=strict_html)
        self._read_timeout = read_timeout
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
        api_method = url.rstrip("/").rsplit("/", 1)[-1]
        canonical = self.canonical_method(api_method) or api_method
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
                result = await self._get_updates_async(params)
            else:
                result = self._dispatch(canonical, params, self.token)
            body = {"ok": True, "result": result}
        except ApiError as exc:
            status, body = exc.status, exc.body()
        self._finish_call(call, status, result if status == 200 else body)
        return status, json.dumps(body).encode()

    async def _get_updates_async(self, params: JSON) -> list[JSON]:
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
    def application_builder(self) -> ApplicationBuilder:
        """``ApplicationBuilder().token(...).request(self).get_updates_request(self)``."""
        from telegram.ext import ApplicationBuilder

        return ApplicationBuilder().token(self.token).request(self).get_updates_request(self)

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
