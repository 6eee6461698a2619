"""Per-update cost in process: every row on the same update stream, in one run.

Who uses it: bot/bench/cli.py. For each round, every row gets a fresh target (a new
Application and an empty store), a short warm-up on other chats, then the whole stream,
timed (parse, dispatch, handle, store, replies through the in-memory Bot API), in two
ways:

* one update at a time: the next update is given when the last one is done. What one
  update costs with nothing else going on (its latency).
* all users at once: every user is a task that sends its next message as soon as its
  last one is answered (a closed loop, as people wait for the reply), and each framework
  runs them as its own runner would (`feed_as_running`: the PTB peer one at a time, its
  default; aiogram and this bot concurrently), every Bot API call giving way to the
  event loop once as an HTTP round trip would. The cost per update is then the wall
  time over the updates: what the process sustains, where waiting (for an fsync, say)
  overlaps other chats' work.

Rows run interleaved, round after round (each round starting one row further on), and
every ratio is taken within a round, then the median over rounds: on a shared, noisy
machine drift hits all rows of a round alike.

Memory is a separate, untimed pass per row with tracemalloc on (it slows Python down
several times, so it must not touch the timings): the peak of Python allocations over
the stream and what stays allocated per user at the end (the conversations' state).
Memory outside Python (SQLite's page cache, the Redis server) is not in it.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.bench.stream import FIRST_CHAT, Conversation, conversations, updates
from bot.bench.targets import Floor, Target, ThisBot
from flows.dialogue import Engine

JSON = dict[str, Any]
WARMUP_USERS = 4

ROWS = ["floor", "ptb_peer", "ptb_peer_same_replies", "aiogram_peer", "bot_memory", "bot_sqlite", "bot_redis"]
REFERENCE = "ptb_peer"


@dataclass
class Context:
    """Where rows keep their files and which optional parts are available."""

    workdir: Path
    engine: Engine  # the bench's one engine: the rows of this bot and the peers' questions are built on it
    redis_url: str | None = None
    skipped: dict[str, str] = field(default_factory=dict)  # row -> why it did not run
    _serial: int = 0

    def fresh_path(self, stem: str, suffix: str) -> Path:
        """A file name not used before in this run; a leftover of an earlier run (--workdir) is removed."""
        self._serial += 1
        path = self.workdir / f"{stem}-{self._serial}{suffix}"
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
        return path


def make_target(row: str, ctx: Context) -> Target:
    """A fresh target for `row` (new Application, empty store or pickle file)."""
    if row == "floor":
        return Floor()
    if row == "ptb_peer":
        from bot.bench.peers.ptb_conversation import PtbConversationPeer

        return PtbConversationPeer(ctx.fresh_path("ptb-peer", ".pickle"), ctx.engine)
    if row == "ptb_peer_same_replies":
        from bot.bench.peers.ptb_conversation import PtbConversationPeer

        return PtbConversationPeer(ctx.fresh_path("ptb-peer", ".pickle"), ctx.engine, same_replies=True)
    if row == "aiogram_peer":
        from bot.bench.peers.aiogram_fsm import AiogramPeer

        return AiogramPeer(ctx.engine)
    if row == "bot_memory":
        return ThisBot("memory", "memory://", ctx.engine)
    if row == "bot_sqlite":
        return ThisBot("sqlite", f"sqlite:///{ctx.fresh_path('sessions', '.sqlite3')}", ctx.engine)
    if row == "bot_redis":
        assert ctx.redis_url is not None
        flush_redis(ctx.redis_url)  # an empty store, as for the other rows
        return ThisBot("redis", ctx.redis_url, ctx.engine)
    raise ValueError(f"unknown row {row}")


def flush_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushall()
    finally:
        client.close()


def settle() -> None:
    """Before a timed run: dirty pages of earlier runs written out, garbage collected, and
    what is left frozen (`gc.freeze`), so the garbage collector's full passes scan only what
    the row under test builds, as in a process running that bot alone. Without it every row
    paid for the bench's own heap, tripled by importing aiogram for its row (70 000 to
    230 000 tracked objects), and more so the rows that allocate more.
    """
    if hasattr(os, "sync"):
        os.sync()
    gc.unfreeze()  # what an earlier run froze and has since dropped can go now
    gc.collect()
    gc.freeze()


def available_rows(ctx: Context) -> list[str]:
    """The rows this environment can run; the others go to ctx.skipped with the reason."""
    rows = []
    for row in ROWS:
        if row == "aiogram_peer":
            try:
                import aiogram  # noqa: F401
            except ImportError:
                ctx.skipped[row] = "aiogram is not installed (pip install -e '.[bench]')"
                continue
        if row == "bot_redis" and ctx.redis_url is None:
            ctx.skipped.setdefault(row, "redis-server is not installed")
            continue
        rows.append(row)
    return rows


MODES = {"one_at_a_time": "rows", "all_at_once": "rows_at_once"}  # mode -> its key in the JSON


def summarize(latencies: list[float], wall: float, *, concurrent: bool = False) -> JSON:
    """Per-update cost, latency percentiles and throughput of one timed run.

    One at a time, the cost of an update is its latency; with updates overlapping it is
    the wall time they took over their number (their latencies include waiting).
    """
    ordered = sorted(latencies)
    n = len(ordered)
    return {
        "updates": n,
        "per_update_ms": 1000 * (wall / n if concurrent else statistics.fmean(ordered)),
        "p50_ms": 1000 * ordered[n // 2],
        "p99_ms": 1000 * ordered[min(n - 1, int(n * 0.99))],
        "updates_per_s": n / wall,
    }


async def feed_all(target: Target, stream: list[JSON]) -> tuple[list[float], float]:
    """Feed the stream one update at a time; the latency of each and the wall time."""
    latencies = []
    clock = time.perf_counter
    gc.collect()
    started = clock()
    for update in stream:
        t0 = clock()
        await target.feed(update)
        latencies.append(clock() - t0)
    return latencies, clock() - started


async def feed_all_at_once(target: Target, stream: list[JSON]) -> tuple[list[float], float]:
    """Every user's updates in order, all users at once (closed loop); latencies and wall time."""
    per_user: dict[int, list[JSON]] = {}
    for update in stream:
        per_user.setdefault(update["message"]["chat"]["id"], []).append(update)
    latencies: list[float] = []
    clock = time.perf_counter

    async def user(own: list[JSON]) -> None:
        for update in own:
            t0 = clock()
            await target.feed_as_running(update)
            latencies.append(clock() - t0)

    gc.collect()
    started = clock()
    await asyncio.gather(*(user(own) for own in per_user.values()))
    return latencies, clock() - started


def warmup_stream(stream_users: list[Conversation]) -> list[JSON]:
    """The first few users' conversations on other chat ids: warms caches, code paths."""
    shifted = [Conversation(c.chat_id - FIRST_CHAT + 1_000, c.texts, c.path) for c in stream_users[:WARMUP_USERS]]
    return updates(shifted)


async def time_row(row: str, ctx: Context, stream: list[JSON], warm: list[JSON], mode: str = "one_at_a_time") -> JSON:
    settle()
    target = make_target(row, ctx)
    await target.start()
    try:
        for update in warm:
            await target.feed(update)
        calls_before = target.api_calls()
        writes = getattr(getattr(getattr(target, "store", None), "sessions", None), "write_stats", None)  # SQLite's
        writes_before = (writes.grouped_jobs, writes.grouped_commits) if writes is not None else (0, 0)
        if mode == "all_at_once":
            target.wait_like_a_network()
            latencies, wall = await feed_all_at_once(target, stream)
        else:
            latencies, wall = await feed_all(target, stream)
        result = summarize(latencies, wall, concurrent=mode == "all_at_once")
        result["api_calls_per_update"] = (target.api_calls() - calls_before) / len(stream)
        if writes is not None:
            commits = writes.grouped_commits - writes_before[1]
            result["writes_per_commit"] = (writes.grouped_jobs - writes_before[0]) / max(commits, 1)
        flush = getattr(target, "flush_once", None)
        if flush is not None:
            seconds, dumps = await flush()
            result["flush_ms"] = 1000 * seconds
            result["flush_file_rewrites"] = dumps
            result["per_update_ms_with_flush"] = 1000 * (wall + seconds) / len(stream)
        return result
    finally:
        await target.stop()


async def memory_row(row: str, ctx: Context, stream: list[JSON], users: int) -> JSON:
    gc.collect()
    tracemalloc.start()
    try:
        target = make_target(row, ctx)
        await target.start()
        gc.collect()
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        for update in stream:
            await target.feed(update)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
        await target.stop()
    finally:
        tracemalloc.stop()
    return {"peak_mib": (peak - base) / 2**20, "retained_kib_per_user": (current - base) / 1024 / users}


def run_rows(ctx: Context, users: int, rounds: int, memory_users: int, progress: Callable[[str], None]) -> JSON:
    """Every available row, `rounds` times interleaved; medians and within-round ratios."""
    convs = conversations(ctx.engine, users)
    stream = updates(convs)
    warm = warmup_stream(conversations(ctx.engine, WARMUP_USERS, seed=99))
    rows = available_rows(ctx)
    per_round: dict[str, dict[str, list[JSON]]] = {mode: {row: [] for row in rows} for mode in MODES}
    for r in range(rounds):
        # Each round starts one row further on, so no row always runs first or last
        # (a machine that slows down or speeds up within a round then favours no row).
        order = rows[r % len(rows):] + rows[:r % len(rows)]
        for mode in MODES:
            for row in order:
                progress(f"in-process round {r + 1}/{rounds}, {mode.replace('_', ' ')}: {row}")
                per_round[mode][row].append(asyncio.run(time_row(row, ctx, stream, warm, mode)))
    out: JSON = {
        "users": users, "updates": len(stream), "rounds": rounds, "memory_users": min(users, memory_users),
        "paths": {path: sum(c.path == path for c in convs) for path in ("seed-000", "random")},
    }
    for mode, key in MODES.items():
        runs = per_round[mode]
        results: JSON = {}
        for row in rows:
            results[row] = _median_row(runs[row])
            results[row]["ratio_to_floor"] = _median_ratio(runs[row], runs.get("floor"))
            results[row]["ratio_to_ptb_peer"] = _median_ratio(runs[row], runs.get(REFERENCE))
        out[key] = results
    if memory_users:
        memory_stream = updates(convs[:memory_users])
        for row in rows:
            progress(f"in-process memory: {row}")
            out["rows"][row].update(asyncio.run(memory_row(row, ctx, memory_stream, min(users, memory_users))))
    return out


def _median_row(runs: list[JSON]) -> JSON:
    keys = runs[0].keys()
    return {k: statistics.median(run[k] for run in runs) for k in keys}


def _median_ratio(runs: list[JSON], reference: list[JSON] | None) -> float | None:
    if not reference:
        return None
    ratio: float = statistics.median(
        a["per_update_ms"] / b["per_update_ms"] for a, b in zip(runs, reference, strict=True))
    return ratio
