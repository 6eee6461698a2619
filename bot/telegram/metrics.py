"""The worker's /metrics: a few counters and a histogram in Prometheus's text format.

Who calls it: bot/telegram/worker.py records into one `Metrics` per process (each update's
outcome and handling time, handler errors, rejected webhook calls) and renders it for
every scrape, adding the store's answers (`ping`, `count`) taken at scrape time.
Counters are per worker process, as Prometheus expects: it scrapes every worker and
sums. No labels carry anything about a person: outcomes are a fixed small set.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from bot.telegram.updates import UnreadableUpdates

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass
class Metrics:
    """Everything this process counted since it started."""

    outcomes: Counter[str] = field(default_factory=Counter)  # turns by outcome ("stepped", ...)
    updates: int = 0  # webhook updates accepted and processed (any outcome)
    errors: int = 0  # updates whose handler raised (logged by the error handler)
    rejected: int = 0  # webhook calls refused: wrong or missing secret, bad body
    unreadable: UnreadableUpdates = field(default_factory=UnreadableUpdates)  # updates PTB cannot parse
    disconnects: int = 0  # webhook callers gone before their whole body arrived
    slow_requests: int = 0  # connections closed, or 408s, for headers or a body over their deadline
    connections_dropped: int = 0  # connections closed at the cap to make room (bot/telegram/http_limits.py)
    bucket_counts: list[int] = field(default_factory=lambda: [0] * len(LATENCY_BUCKETS))
    latency_sum: float = 0.0

    def observe_turn(self, outcome: str, seconds: float) -> None:
        """ChatHandlers' observer: one turn finished with `outcome`."""
        self.outcomes[outcome] += 1

    def observe_update(self, seconds: float) -> None:
        """One webhook update fully processed in `seconds` (replies sent)."""
        self.updates += 1
        self.latency_sum += seconds
        index = bisect.bisect_left(LATENCY_BUCKETS, seconds)
        if index < len(self.bucket_counts):
            self.bucket_counts[index] += 1

    def render(self, *, store_up: bool, sessions: int | None) -> str:
        """The exposition text; `sessions` is None when the store could not count."""
        lines = [
            "# HELP itoh_updates_total Telegram updates processed by this worker.",
            "# TYPE itoh_updates_total counter",
            f"itoh_updates_total {self.updates}",
            "# HELP itoh_turns_total Updates by what became of them.",
            "# TYPE itoh_turns_total counter",
        ]
        lines += [f'itoh_turns_total{{outcome="{name}"}} {n}' for name, n in sorted(self.outcomes.items())]
        lines += [
            "# HELP itoh_update_errors_total Updates whose handling raised an error.",
            "# TYPE itoh_update_errors_total counter",
            f"itoh_update_errors_total {self.errors}",
            "# HELP itoh_webhook_rejected_total Webhook calls refused (bad secret or body).",
            "# TYPE itoh_webhook_rejected_total counter",
            f"itoh_webhook_rejected_total {self.rejected}",
            "# HELP itoh_updates_unreadable_total Updates skipped because python-telegram-bot cannot parse them.",
            "# TYPE itoh_updates_unreadable_total counter",
            f"itoh_updates_unreadable_total {self.unreadable.count}",
            "# HELP itoh_webhook_disconnects_total Callers gone before their whole request body arrived.",
            "# TYPE itoh_webhook_disconnects_total counter",
            f"itoh_webhook_disconnects_total {self.disconnects}",
            "# HELP itoh_webhook_slow_requests_total Requests whose headers or body missed their deadline.",
            "# TYPE itoh_webhook_slow_requests_total counter",
            f"itoh_webhook_slow_requests_total {self.slow_requests}",
            "# HELP itoh_webhook_connections_dropped_total Connections closed at the cap to make room.",
            "# TYPE itoh_webhook_connections_dropped_total counter",
            f"itoh_webhook_connections_dropped_total {self.connections_dropped}",
            "# HELP itoh_update_latency_seconds Time from receiving an update to its replies sent.",
            "# TYPE itoh_update_latency_seconds histogram",
        ]
        cumulative = 0
        for bound, count in zip(LATENCY_BUCKETS, self.bucket_counts, strict=True):
            cumulative += count
            lines.append(f'itoh_update_latency_seconds_bucket{{le="{bound:g}"}} {cumulative}')
        lines += [
            f'itoh_update_latency_seconds_bucket{{le="+Inf"}} {self.updates}',
            f"itoh_update_latency_seconds_sum {self.latency_sum:.6f}",
            f"itoh_update_latency_seconds_count {self.updates}",
            "# HELP itoh_store_up 1 if the session store answered a ping.",
            "# TYPE itoh_store_up gauge",
            f"itoh_store_up {int(store_up)}",
        ]
        if sessions is not None:
            lines += [
                "# HELP itoh_active_sessions Conversations not yet expired (all workers).",
                "# TYPE itoh_active_sessions gauge",
                f"itoh_active_sessions {sessions}",
            ]
        return "\n".join(lines) + "\n"
