"""Reading what the Bot API sends: an update PTB cannot parse is skipped alone, never logged.

Who calls it: bot/telegram/application.py wraps the request objects PTB uses (`QuietRequest` for
API calls, `UpdatesRequest` for getUpdates) and bot/telegram/worker.py reads each webhook body
with `read_update`.

Why: python-telegram-bot parses a getUpdates batch with `Update.de_list`, so one update
it cannot parse (a poll without `persistent_id`, as Bot API servers before 9.6 send it,
or any field a server sends in a form this PTB refuses) fails the whole batch.
`Bot.get_updates` then logs the raw batch, other people's messages and names, at
CRITICAL and re-raises; the Updater logs again, keeps its offset and asks again at
once: the same batch, about a thousand times a second, and no one is served, even
after a restart. PTB also logs a response that is not JSON in full.

How: the request object is PTB's one hook between the HTTP body and the parsing.
`UpdatesRequest.parse_json_payload` tries each update of a getUpdates result alone and
replaces one that fails with a bare `{"update_id": N}`. PTB then parses the batch, the
Updater confirms N together with the others (the offset moves past it, through PTB's
own bookkeeping), and the Application hands the empty update to no handler. Each
skipped update is counted and logged by its id and the exception's type and place
only: the exception's message could quote the data.
"""

from __future__ import annotations

import json
import logging
import traceback
from pathlib import Path
from typing import Any

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)


class UnreadableUpdates:
    """Counts the updates skipped because PTB cannot parse them (a metric of its own)."""

    def __init__(self) -> None:
        self.count = 0

    def skip(self, update_id: object, error: Exception) -> None:
        """Count one and log its id, the exception type and where PTB raised it."""
        self.count += 1
        frames = traceback.extract_tb(error.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        log.warning(
            "update %s skipped: python-telegram-bot cannot read it (%s%s); %d skipped since start",
            update_id if isinstance(update_id, int) else "without an id", type(error).__name__, where, self.count,
        )


def update_id_of(data: object) -> int | None:
    """The update's id if `data` looks like an update at all (a mapping with an integer id)."""
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    return update_id if isinstance(update_id, int) and not isinstance(update_id, bool) else None


def read_update(data: object, bot: Bot | None, unreadable: UnreadableUpdates) -> Update | None:
    """`data` as an Update; None, counted and logged by id, if PTB cannot parse it."""
    try:
        # arg-type: any JSON value on purpose; PTB's failure on a non-object is caught below.
        return Update.de_json(data, bot)  # type: ignore[arg-type]
    except Exception as exc:  # any parse failure: PTB raises TypeError, KeyError, ValueError...
        unreadable.skip(update_id_of(data), exc)
        return None


def readable_batch(result: list[Any], unreadable: UnreadableUpdates) -> list[Any]:
    """A getUpdates result in which every update PTB cannot parse is a bare `{"update_id": N}`.

    One without an integer id is dropped: there is nothing to confirm it by, and the
    Bot API never sends one.
    """
    if _reads_whole(result):
        return result  # the usual case, in one pass
    kept: list[Any] = []
    for data in result:
        if read_update(data, None, unreadable) is not None:
            kept.append(data)
        elif (update_id := update_id_of(data)) is not None:
            kept.append({"update_id": update_id})
    return kept


def _reads_whole(result: list[Any]) -> bool:
    try:
        Update.de_list(result, None)
    except Exception:  # which update failed, and why, is found one by one
        return False
    return True


class QuietRequest(BaseRequest):
    """Another request object, with a JSON decoder that never logs the body it fails on.

    PTB's `parse_json_payload` logs an undecodable response in full; a getUpdates
    response cut short holds people's messages, a sendMessage response the bot's.
    """

    def __init__(self, inner: BaseRequest) -> None:
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

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
        return await self.inner.do_request(
            url, method, request_data, read_timeout=read_timeout, write_timeout=write_timeout,
            connect_timeout=connect_timeout, pool_timeout=pool_timeout,
        )

    # override: PTB's is a staticmethod; this one needs the instance (UpdatesRequest counts).
    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]
        try:
            data = json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            log.error("the Bot API answered with a body that is not JSON (%d bytes, not logged)", len(payload))
            raise TelegramError("Invalid server response") from None
        if not isinstance(data, dict):
            raise TelegramError("Invalid server response")
        return data


class UpdatesRequest(QuietRequest):
    """The request object for getUpdates (PTB uses it for nothing else): see the module doc."""

    def __init__(self, inner: BaseRequest, unreadable: UnreadableUpdates) -> None:
        super().__init__(inner)
        self.unreadable = unreadable

    def parse_json_payload(self, payload: bytes) -> dict[str, Any]:  # type: ignore[override]  # as above
        data = super().parse_json_payload(payload)
        if isinstance(data.get("result"), list):
            data["result"] = readable_batch(data["result"], self.unreadable)
        return data
