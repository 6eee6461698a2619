"""The worker's /metrics: a few counters and a histogram, exposed with prometheus_client.

Who calls it: bot/telegram/worker.py and bot/telegram/http_limits.py record into one `Metrics` per process
(each update's outcome and handling time, handler errors, rejected webhook calls, slow
or vanished callers) and call `exposition` for every scrape, passing the store's answers
(`ping`, `count`) taken at scrape time. Counters are per worker process, as Prometheus
expects: it scrapes every worker and sums. No labels carry anything about a person:
outcomes are a fixed small set.

Each `Metrics` has a registry of its own rather than prometheus_client's global one, so
several applications in one process (the tests run many) never share or collide on a
name. The metric names, types, labels and help texts are the ones dashboards and the
README's table already use.
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterator

from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from bot.telegram.updates import UnreadableUpdates

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# The text format version 0.0.4 that /metrics has always declared: prometheus_client's
# CONTENT_TYPE_LATEST now says 1.0.0, whose body is the same for names like ours, but
# Prometheus servers before 3.0 do not know that version.
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4


class Metrics:
    """Everything this process counted since it started, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.unreadable = UnreadableUpdates()  # counts itself (it also serves polling); read at scrape time
        self._updates = Counter(
            "itoh_updates", "Telegram updates processed by this worker.", registry=self.registry)
        self._turns = Counter(
            "itoh_turns", "Updates by what became of them.", ["outcome"], registry=self.registry)
        self._errors = Counter(
            "itoh_update_errors", "Updates whose handling raised an error.", registry=self.registry)
        self._rejected = Counter(
            "itoh_webhook_rejected", "Webhook calls refused (bad secret or body).", registry=self.registry)
        self._disconnects = Counter(
            "itoh_webhook_disconnects", "Callers gone before their whole request body arrived.",
            registry=self.registry)
        self._slow_requests = Counter(
            "itoh_webhook_slow_requests", "Requests whose headers or body missed their deadline.",
            registry=self.registry)
        self._connections_dropped = Counter(
            "itoh_webhook_connections_dropped", "Connections closed at the cap to make room.",
            registry=self.registry)
        self._latency = Histogram(
            "itoh_update_latency_seconds", "Time from receiving an update to its replies sent.",
            buckets=LATENCY_BUCKETS, registry=self.registry)
        self._at_scrape = _ScrapeTimeValues(self.unreadable)
        self.registry.register(self._at_scrape)

    # What the worker records.

    def observe_turn(self, outcome: str, seconds: float) -> None:
        """ChatHandlers' observer: one turn finished with `outcome`."""
        self._turns.labels(outcome=outcome).inc()

    def observe_update(self, seconds: float) -> None:
        """One webhook update fully processed in `seconds` (replies sent)."""
        self._updates.inc()
        self._latency.observe(seconds)

    def count_error(self) -> None:
        """An update whose handler raised (logged by the error handler)."""
        self._errors.inc()

    def count_rejected(self) -> None:
        """A webhook call refused: wrong or missing secret, bad body."""
        self._rejected.inc()

    def count_disconnect(self) -> None:
        """A webhook caller gone before its whole body arrived."""
        self._disconnects.inc()

    def count_slow_request(self) -> None:
        """A connection closed, or a 408, for headers or a body over their deadline."""
        self._slow_requests.inc()

    def count_connection_dropped(self) -> None:
        """A connection closed at the cap to make room (bot/telegram/http_limits.py)."""
        self._connections_dropped.inc()

    def exposition(self, *, store_up: bool, sessions: int | None) -> bytes:
        """The scrape's body; `sessions` is None when the store could not count.

        Synchronous from setting the store's answers to rendering them, so two scrapes
        in the event loop cannot mix each other's answers.
        """
        self._at_scrape.store_up, self._at_scrape.sessions = store_up, sessions
        return generate_latest(self.registry)

    # What was counted, as plain numbers (for tests and logs).

    @property
    def outcomes(self) -> Tally[str]:
        """Turns by outcome ("stepped", ...)."""
        return Tally({sample.labels["outcome"]: int(sample.value)
                      for family in self._turns.collect() for sample in family.samples
                      if sample.name == "itoh_turns_total"})

    @property
    def updates(self) -> int:
        return self._total("itoh_updates_total")

    @property
    def errors(self) -> int:
        return self._total("itoh_update_errors_total")

    @property
    def rejected(self) -> int:
        return self._total("itoh_webhook_rejected_total")

    @property
    def disconnects(self) -> int:
        return self._total("itoh_webhook_disconnects_total")

    @property
    def slow_requests(self) -> int:
        return self._total("itoh_webhook_slow_requests_total")

    @property
    def connections_dropped(self) -> int:
        return self._total("itoh_webhook_connections_dropped_total")

    def _total(self, sample: str) -> int:
        value = self.registry.get_sample_value(sample)
        return 0 if value is None else int(value)


class _ScrapeTimeValues(Collector):
    """What is only known when scraped: the store's answers and the unreadable updates' count.

    `itoh_active_sessions` is left out, not reported as 0, when the store could not count.
    """

    def __init__(self, unreadable: UnreadableUpdates) -> None:
        self.unreadable = unreadable
        self.store_up = False
        self.sessions: int | None = None

    def collect(self) -> Iterator[Metric]:
        yield CounterMetricFamily(
            "itoh_updates_unreadable", "Updates skipped because python-telegram-bot cannot parse them.",
            value=self.unreadable.count)
        yield GaugeMetricFamily("itoh_store_up", "1 if the session store answered a ping.", value=int(self.store_up))
        if self.sessions is not None:
            yield GaugeMetricFamily(
                "itoh_active_sessions", "Conversations not yet expired (all workers).", value=self.sessions)

    def describe(self) -> Iterator[Metric]:
        # Names only, so the registry can refuse a duplicate at registration without
        # calling collect() (whose answers are not known before a scrape).
        yield CounterMetricFamily("itoh_updates_unreadable", "")
        yield GaugeMetricFamily("itoh_store_up", "")
        yield GaugeMetricFamily("itoh_active_sessions", "")
