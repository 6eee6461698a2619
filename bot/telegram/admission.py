"""Who may talk to the bot, and how fast: the allow-list and the per-user rate limit.

Who calls it: bot/telegram/handlers.py, for every update, before the chat's turn. The
polling bot (`itoh-bot run`) and every webhook worker (`itoh-bot worker`) pass one
built from the settings; in-process tests, replays and the benchmark build the
Application without it, because they drive one chat faster than any person could.

* ALLOWED_USER_IDS (clinician-only deployments): anyone else gets the polite
  `not_allowed` message, and nothing about them is stored — the check happens before
  the session store is touched at all.
* RATE_LIMIT_PER_MINUTE: the store counts each user's updates in fixed one-minute
  windows (`Counters.hit_rate`: Redis INCR + EXPIRE, so all workers share the
  count). The first update over the limit is answered once with the `rate_limited`
  notice; the rest of that minute's flood is ignored without being processed.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from bot.settings import Settings
from bot.storage import Counters, StoreUnavailable

log = logging.getLogger(__name__)

Verdict = Literal["admitted", "not_allowed", "rate_limited", "ignored"]
WINDOW_SECONDS = 60.0


def rate_key(user_id: int) -> str:
    """The store's counter key for one Telegram user."""
    return f"tg-user:{user_id}"


@dataclass(frozen=True)
class Admission:
    """The allow-list (None: everyone) and the updates allowed per user per minute (0: any)."""

    allowed_users: Collection[int] | None = None
    per_minute: int = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Admission:
        return cls(settings.allowed_users, settings.rate_limit_per_minute)

    async def check(self, counters: Counters, user_id: int | None) -> Verdict:
        """May this update be processed? See the module doc for the answers."""
        if self.allowed_users is not None and (user_id is None or user_id not in self.allowed_users):
            return "not_allowed"
        if self.per_minute <= 0 or user_id is None:
            return "admitted"
        try:
            hits = await counters.hit_rate(rate_key(user_id), WINDOW_SECONDS)
        except StoreUnavailable:
            return "admitted"  # the turn itself will meet the outage and say so
        if hits <= self.per_minute:
            return "admitted"
        return "rate_limited" if hits == self.per_minute + 1 else "ignored"
