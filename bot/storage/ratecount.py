"""Fixed-window hit counters in this process, for the memory and SQLite counters.

Those two backends serve one process (see their docstrings), so the rate-limit
counters need not be shared, and keeping them in memory means nothing about who
sent how many messages is ever written to disk. Redis keeps its own (INCR).
"""

from __future__ import annotations

import math

from bot.storage.base import check_ttl

PRUNE_EVERY = 1024  # hits between sweeps of finished windows: memory stays bounded


class RateCounter:
    """``hit(key, window, now)`` -> hits of ``key`` in the window containing ``now``."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, float], tuple[int, int]] = {}  # (key, window) -> (window no., hits)
        self._since_prune = 0

    def __len__(self) -> int:
        return len(self._counts)

    def hit(self, key: str, window_seconds: float, now: float) -> int:
        window = check_ttl("window_seconds", window_seconds)
        number = math.floor(now / window)
        current = self._counts.get((key, window))
        hits = current[1] + 1 if current is not None and current[0] == number else 1
        self._counts[(key, window)] = (number, hits)
        self._since_prune += 1
        if self._since_prune >= PRUNE_EVERY:
            self.prune(now)
        return hits

    def prune(self, now: float) -> None:
        """Drop the counters of windows that are over."""
        self._since_prune = 0
        self._counts = {k: v for k, v in self._counts.items() if v[0] == math.floor(now / k[1])}

    def clear(self) -> None:
        self._counts.clear()
