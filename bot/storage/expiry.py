"""Periodic deletion of sessions idle longer than the TTL.

Who calls it: the Telegram bot starts `run_expiry` as a background task when it starts
(post_init) and cancels it when it stops (post_stop); a worker process can do the same.
PTB's JobQueue would need the [job-queue] extra (APScheduler) for this one timer, so a
plain asyncio loop does it. Stores already hide expired sessions on read; sweeping is
what actually removes the health data from disk.
"""

from __future__ import annotations

import asyncio
import logging

from bot.storage.base import Storage, StoreUnavailable

log = logging.getLogger(__name__)


async def expire_once(store: Storage) -> int:
    """One sweep; a store failure is logged and counted as nothing removed."""
    try:
        removed = await store.sessions.expire()
        await store.counters.expire()  # old update claims and finished rate windows
    except StoreUnavailable as exc:
        log.warning("session expiry skipped: %s", exc)
        return 0
    if removed:
        log.info("expired %d idle session(s)", removed)
    return removed


async def run_expiry(store: Storage, interval_seconds: float) -> None:
    """Sweep every `interval_seconds` until cancelled (first sweep after one interval)."""
    while True:
        await asyncio.sleep(interval_seconds)
        await expire_once(store)
