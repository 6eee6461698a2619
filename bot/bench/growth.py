"""Growth: per-update cost with 100, 10 000 and 100 000 stored sessions.

Who uses it: bot/bench/cli.py. For each size, the store is pre-filled in bulk (one
SQLite transaction with executemany, Redis pipelines, one pickle.dump for the peer),
with a realistic mid-conversation session (12 answers) per stored chat, then a
fresh target is fed a stream of new users, exactly as in process. The figure that
matters is the ratio of the per-update cost at the largest size to the smallest.

For the PicklePersistence peer, what grows is not the per-update dispatch (a dict
lookup) but its periodic flush: PTB rewrites the whole pickle file once per changed
user and once per changed conversation (see bot/bench/peers/ptb_conversation.py), so
both the flush time and the start-up load are reported per size.
"""

from __future__ import annotations

import asyncio
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.bench.inprocess import Context, feed_all, settle, summarize
from bot.bench.stream import Conversation, conversations, updates
from bot.bench.targets import Target, ThisBot
from flows.dialogue import Engine, step
from flows.messages import UserInput

JSON = dict[str, Any]
PREFILL_CHAT = 50_000_000  # stored chats: far from the stream's chat ids
BACKENDS = ["bot_sqlite", "bot_redis", "ptb_peer"]


def typical_payload(engine: Engine) -> str:
    """A session 12 answers into the seed 000 conversation, as JSON (about 0.9 kB)."""
    from bot.bench.stream import SEED_000

    session = None
    for text in ["/start", *SEED_000[:12]]:
        user_input = UserInput.command(text[1:]) if text.startswith("/") else UserInput.typed(text)
        session, _ = step(session, user_input, engine)
    assert session is not None
    return session.to_json()


def prefill_sqlite(path: Path, sessions: int, payload: str) -> None:
    from bot.storage.sqlite.connection import open_database

    conn = open_database(str(path), 5.0)  # creates the schema exactly as the store does
    now = time.time()
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO sessions (key, payload, version, updated_at) VALUES (?, ?, 1, ?)",
            ((f"tg:{PREFILL_CHAT + i}", payload, now) for i in range(sessions)),
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def prefill_redis(url: str, sessions: int, payload: str) -> None:
    import redis

    from bot.storage.redis import DEFAULT_PREFIX

    client = redis.Redis.from_url(url)
    try:
        client.flushall()
        fill = client.register_script(_REDIS_FILL)
        for start in range(0, sessions, 10_000):  # batches keep each script run short
            count = min(10_000, sessions - start)
            args: list[str | int] = [f"{DEFAULT_PREFIX}session:", PREFILL_CHAT + start, count, payload,
                                     repr(time.time()), 86_400_000]
            fill(keys=[f"{DEFAULT_PREFIX}sessions"], args=args)
    finally:
        client.close()


# The same layout as bot/storage/redis/scripts.py's PUT writes: hash, TTL, index entry.
_REDIS_FILL = """
for i = 0, tonumber(ARGV[3]) - 1 do
  local member = 'tg:' .. (tonumber(ARGV[2]) + i)
  local key = ARGV[1] .. member
  redis.call('HSET', key, 'payload', ARGV[4], 'version', 1, 'updated_at', ARGV[5])
  redis.call('PEXPIRE', key, ARGV[6])
  redis.call('ZADD', KEYS[1], ARGV[5], member)
end
return 0
"""


async def _measure(target: Target, stream: list[JSON], warm: list[JSON], full_flush: bool) -> JSON:
    settle()
    started = time.perf_counter()
    await target.start()  # the peer loads its whole pickle file here
    load_s = time.perf_counter() - started
    try:
        for update in warm:
            await target.feed(update)
        latencies, wall = await feed_all(target, stream)
        result = summarize(latencies, wall)
        result["start_s"] = load_s
        persistence = getattr(target, "persistence", None)
        if persistence is not None:
            t0 = time.perf_counter()
            persistence._dump_singlefile()  # one whole-file rewrite, what each changed chat costs a flush
            result["rewrite_ms"] = 1000 * (time.perf_counter() - t0)
            if full_flush:
                # Only the PTB peer has a persistence (found above); Target does not promise flush_once.
                seconds, dumps = await target.flush_once()  # type: ignore[attr-defined]
                result["flush_ms"] = 1000 * seconds
                result["flush_file_rewrites"] = dumps
    finally:
        await target.stop()
    return result


def run_growth(ctx: Context, sizes: list[int], users: int, rounds: int, progress: Callable[[str], None],
               full_flush_up_to: int | None = None) -> JSON:
    """Every backend at every size, `rounds` times (sizes up, then down); then the peer's flushes.

    The PTB peer's full flush (up to `full_flush_up_to` sessions: it is slow) runs in a
    pass of its own after the timed rounds, so its gigabytes of pickle writes do not
    disturb the timings.
    """
    payload = typical_payload(ctx.engine)
    backends = [b for b in BACKENDS if b != "bot_redis" or ctx.redis_url is not None]
    runs: dict[str, dict[int, list[JSON]]] = {b: {s: [] for s in sizes} for b in backends}
    sqlite_files: dict[int, Path] = {}
    for r in range(rounds):
        # New chat ids every round, so each round's users start new conversations.
        drawn = conversations(ctx.engine, users, seed=r)
        base = [Conversation(c.chat_id + 1_000_000 * (r + 1), c.texts, c.path) for c in drawn]
        warm = updates([Conversation(c.chat_id + 900_000, c.texts, c.path) for c in base[:2]])
        stream = updates(base)
        # A backend's sizes run back to back, so the ratio compares runs seconds apart.
        for backend in backends:
            for size in sizes if r % 2 == 0 else sizes[::-1]:
                progress(f"growth round {r + 1}/{rounds}: {backend} with {size} stored sessions")
                target = _prepared(backend, size, ctx, payload, sqlite_files)
                runs[backend][size].append(asyncio.run(_measure(target, stream, warm, full_flush=False)))
    flushes: dict[int, JSON] = {}
    if "ptb_peer" in backends:
        drawn = conversations(ctx.engine, users)
        base = [Conversation(c.chat_id + 1_000_000 * (rounds + 1), c.texts, c.path) for c in drawn]
        for size in sizes:
            if full_flush_up_to is not None and size > full_flush_up_to:
                continue
            progress(f"growth: the PTB peer's persistence flush with {size} stored sessions")
            target = _prepared("ptb_peer", size, ctx, payload, sqlite_files)
            flushes[size] = asyncio.run(_measure(target, updates(base), [], full_flush=True))
    result: JSON = {"sizes": sizes, "users": users, "rounds": rounds, "payload_bytes": len(payload), "rows": {}}
    for backend in backends:
        per_size = {}
        for size in sizes:
            per_size[str(size)] = {k: statistics.median(run[k] for run in runs[backend][size])
                                   for k in runs[backend][size][0]}
            if backend == "ptb_peer" and size in flushes:
                per_size[str(size)]["flush_ms"] = flushes[size]["flush_ms"]
                per_size[str(size)]["flush_file_rewrites"] = flushes[size]["flush_file_rewrites"]
        ratios = [a["per_update_ms"] / b["per_update_ms"]
                  for a, b in zip(runs[backend][sizes[-1]], runs[backend][sizes[0]], strict=True)]
        result["rows"][backend] = {"by_size": per_size, "ratio_largest_to_smallest": statistics.median(ratios)}
    return result


def _prepared(backend: str, size: int, ctx: Context, payload: str, sqlite_files: dict[int, Path]) -> Target:
    if backend == "bot_sqlite":
        if size not in sqlite_files:
            sqlite_files[size] = path = ctx.fresh_path(f"growth-{size}", ".sqlite3")
            prefill_sqlite(path, size, payload)
        return ThisBot("sqlite", f"sqlite:///{sqlite_files[size]}", ctx.engine)
    if backend == "bot_redis":
        assert ctx.redis_url is not None
        prefill_redis(ctx.redis_url, size, payload)
        return ThisBot("redis", ctx.redis_url, ctx.engine)
    from bot.bench.peers.common import Questions
    from bot.bench.peers.ptb_conversation import PtbConversationPeer, prefill

    path = ctx.fresh_path(f"growth-{size}", ".pickle")
    prefill(path, size, Questions(ctx.engine), first_chat=PREFILL_CHAT)
    return PtbConversationPeer(path, ctx.engine)
