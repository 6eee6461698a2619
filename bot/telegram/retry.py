"""Bot API calls that ride out Telegram's bad moments: flood waits, 5xx, network trouble.

Who calls it: bot/telegram/delivery.py, around every call it makes (send, edit, answer).

What is retried, and why every reply still arrives once:

* 429 (PTB's RetryAfter): Telegram refused the call. Wait `retry_after` (up to
  MAX_RETRY_AFTER) and try again.
* A 5xx answer (PTB raises NetworkError with no underlying cause) or a failure to
  connect or to get a pooled connection: the request was not executed, so it is
  retried after a short back-off.
* A timeout or a dropped connection *after* the request went out: Telegram may have
  executed it. Idempotent calls (editing a message, answering a button press) are
  retried; sendMessage is not, because a second attempt can show the person the same
  message twice. If that message really was lost, the state was saved before it and
  /help shows the current question again.

No retry holds anything but this chat's lock (which the Redis store keeps renewed).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

log = logging.getLogger(__name__)

T = TypeVar("T")
ATTEMPTS = 4
BACKOFF_SECONDS = (0.5, 1.0, 2.0)  # before the 2nd, 3rd and 4th attempt
MAX_RETRY_AFTER = 30.0  # seconds; a longer flood wait is better reported than waited out
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def surely_not_executed(error: NetworkError) -> bool:
    """True if Telegram cannot have carried out the call that failed with `error`."""
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, _NOT_SENT)
    return cause is None or isinstance(cause, _NOT_SENT)  # None: Telegram answered 5xx


async def call_api(make_call: Callable[[], Awaitable[T]], *, idempotent: bool, method: str) -> T:
    """`await make_call()`, retried as the module doc says; the last failure is raised."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await make_call()
        except BadRequest:
            raise  # a NetworkError subclass in PTB, but the request itself is wrong
        except RetryAfter as exc:
            wait = seconds(exc.retry_after)
            if attempt == ATTEMPTS or wait > MAX_RETRY_AFTER:
                raise
            reason = "429"
        except NetworkError as exc:
            if attempt == ATTEMPTS or not (idempotent or surely_not_executed(exc)):
                raise
            wait, reason = BACKOFF_SECONDS[attempt - 1], type(exc).__name__
        log.warning("Bot API %s failed (%s); attempt %d in %.1f s", method, reason, attempt + 1, wait)
        await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # the loop returns or raises


def seconds(value: int | timedelta) -> float:
    """RetryAfter.retry_after as seconds, whether PTB gives an int or a timedelta."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
