"""Waiting on the fake Telegram, async only: for a call, a bot message, an answer, a delivery.

Who calls it: tests, after playing the user's side. Each wait polls the state under its
lock every 10 ms, so the event loop running the bot keeps running; sync tests wrap the
wait in `asyncio.run(...)`. A timeout raises WaitTimeout (an AssertionError) with the
recent calls and the transcript. A mixin of BotApiState (state.py).
"""

from __future__ import annotations

import asyncio
import copy
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from bot.fake_telegram.records import ApiCall, BotMessage, WaitTimeout, WebhookDelivery
from bot.fake_telegram.wire import DEFAULT_TIMEOUT

JSON = dict[str, Any]
T = TypeVar("T")


class AsyncWaits:
    """`await state.wait_for_...(...)`: the one way to wait for the bot."""

    if TYPE_CHECKING:  # provided by BotApiState
        _cond: threading.Condition
        _calls: list[ApiCall]
        _bot_messages: dict[int, list[BotMessage]]
        _callback_queries: dict[str, JSON]
        _deliveries: list[WebhookDelivery]

        def format_transcript(self, chat_id: int) -> str: ...
        def callback_query_id(self, update_id: int) -> str: ...

    def _recent_calls_text(self, n: int = 15) -> str:
        tail = self._calls[-n:]
        return "\n".join(
            f"  #{c.index} {c.method} -> {c.status} {c.fault or ''} {c.params}" for c in tail
        )

    async def _wait(
        self, check: Callable[[], T | None], timeout: float, describe: Callable[[], str]
    ) -> T:
        # Polls instead of blocking a thread so the event loop (and PTB on it) keeps running.
        deadline = time.monotonic() + timeout
        while True:
            with self._cond:
                result = check()
            if result is not None:
                return result
            if time.monotonic() >= deadline:
                with self._cond:
                    raise WaitTimeout(describe())
            await asyncio.sleep(0.01)

    def _call_check(
        self, method: str, predicate: Callable[[ApiCall], bool] | None, since: int
    ) -> Callable[[], ApiCall | None]:
        def check() -> ApiCall | None:
            for c in self._calls[since:]:
                if c.method == method and c.status is not None:
                    snapshot = copy.deepcopy(c)
                    if predicate is None or predicate(snapshot):
                        return snapshot
            return None

        return check

    def _call_describe(self, method: str, timeout: float) -> Callable[[], str]:
        return lambda: (
            f"no completed {method} call matched within {timeout}s; recent calls:\n"
            f"{self._recent_calls_text()}"
        )

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        since: int = 0,
    ) -> ApiCall:
        """Wait until a *completed* call of ``method`` (index >= ``since``) matches.

        ``since`` is typically ``len(fake.calls())`` taken before the action under test.
        """
        return await self._wait(
            self._call_check(method, predicate, since),
            timeout,
            self._call_describe(method, timeout),
        )

    def _message_check(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | str | None,
        newer_than: int,
    ) -> Callable[[], BotMessage | None]:
        def check() -> BotMessage | None:
            for m in self._bot_messages.get(chat_id, []):
                if m.deleted or m.message_id <= newer_than:
                    continue
                snapshot = copy.deepcopy(m)
                if predicate is None:
                    return snapshot
                if isinstance(predicate, str):
                    if predicate in snapshot.text:
                        return snapshot
                elif predicate(snapshot):
                    return snapshot
            return None

        return check

    async def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Callable[[BotMessage], bool] | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        newer_than: int = 0,
    ) -> BotMessage:
        """Wait until a bot message in ``chat_id`` matches (current text, after edits).

        ``predicate``: callable on :class:`BotMessage`, a substring of its text, or None (any).
        ``newer_than``: only messages with ``message_id`` greater than this.
        """
        return await self._wait(
            self._message_check(chat_id, predicate, newer_than),
            timeout,
            lambda: (
                f"no bot message in chat {chat_id} matched {predicate!r} within {timeout}s.\n"
                f"Transcript:\n{self.format_transcript(chat_id)}\n"
                f"Recent calls:\n{self._recent_calls_text()}"
            ),
        )

    async def wait_for_callback_answer(self, update_id: int, timeout: float = DEFAULT_TIMEOUT) -> JSON:
        """Wait until the bot answered button press ``update_id``; returns the answer params."""
        query_id = self.callback_query_id(update_id)
        return await self._wait(
            lambda: copy.deepcopy(self._callback_queries[query_id]["answer"]),
            timeout,
            self._call_describe("answerCallbackQuery", timeout),
        )

    async def wait_for_delivery(self, update_id: int, timeout: float = DEFAULT_TIMEOUT) -> WebhookDelivery:
        """Wait until update ``update_id`` was accepted (2xx) by the bot's webhook."""

        def check() -> WebhookDelivery | None:
            for d in reversed(self._deliveries):
                if d.update_id == update_id and d.status is not None and 200 <= d.status < 300:
                    return copy.deepcopy(d)
            return None

        return await self._wait(
            check,
            timeout,
            lambda: (
                f"update {update_id} was not delivered to the webhook within {timeout}s; "
                f"attempts: {[d for d in self._deliveries if d.update_id == update_id]}"
            ),
        )

    async def assert_no_call(
        self,
        method: str,
        predicate: Callable[[ApiCall], bool] | None = None,
        within: float = 0.5,
        *,
        since: int = 0,
    ) -> None:
        """Wait ``within`` seconds and fail if a matching ``method`` call completed."""
        await asyncio.sleep(within)
        with self._cond:
            hit = self._call_check(method, predicate, since)()
        if hit is not None:
            raise AssertionError(f"unexpected {method} call: #{hit.index} {hit.params}")
