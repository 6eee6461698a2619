"""`itoh-bot bench`: the smallest run of every part, checked for shape and sanity (no timings).

The peers' extra (aiogram, matplotlib) may be missing here: then the JSON must say so
under "skipped" and every other row must still be there, so this test never skips.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.bench.stream import SEED_000, check, conversations, updates
from flows.dialogue import get_engine

ENGINE = get_engine()

ROOT = Path(__file__).resolve().parents[1]
ITOH_BOT = Path(sys.executable).parent / "itoh-bot"
ALWAYS = ["floor", "ptb_peer", "ptb_peer_same_replies", "bot_memory", "bot_sqlite"]
HAS_AIOGRAM = importlib.util.find_spec("aiogram") is not None
HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None
HAS_REDIS = shutil.which("redis-server") is not None


def test_the_bench_stream_uses_the_seed_000_answers() -> None:
    answers = [line.strip() for line in (ROOT / "tests/demo/seed-000.txt").read_text().splitlines() if line.strip()]
    assert answers == SEED_000


def test_every_simulated_conversation_is_complete_and_valid() -> None:
    convs = conversations(ENGINE, 6)
    assert [c.path for c in convs] == ["seed-000", "random"] * 3
    for conv in convs:
        assert check(ENGINE, conv.texts).state == "summary"  # every answer accepted, ends at the summary
    stream = updates(convs)
    assert len(stream) == sum(len(c.texts) for c in convs)
    assert len({u["update_id"] for u in stream}) == len(stream)


def test_the_peers_ask_what_the_bot_asks_and_finish_at_its_summary() -> None:
    # The peers branch with the same flow and pass over the same questions (the look-ahead),
    # so each stream's last answer is the one that brings the summary, for them as for the bot.
    from bot.bench.peers.common import Questions

    questions = Questions(ENGINE)
    for conv in conversations(ENGINE, 8):
        state, answers, finished = questions.initial, {}, False
        for text in conv.texts[1:]:
            assert not finished, f"{conv.path}: the peer finished before {text!r}"
            outcome = questions.answer(state, text, answers)
            assert outcome.ok, f"{conv.path}: the peer did not take {text!r} at {state}"
            finished, state = outcome.finished, outcome.next_state or state
        assert finished, f"{conv.path}: the peer did not reach the summary"


def test_the_peers_hold_the_same_conversation(tmp_path: Path) -> None:
    from bot.bench.inprocess import Context, make_target

    stream = updates(conversations(ENGINE, 2))
    rows = ["ptb_peer", "ptb_peer_same_replies"] + (["aiogram_peer"] if HAS_AIOGRAM else [])

    async def run(row: str) -> int:
        target = make_target(row, Context(tmp_path, ENGINE))
        await target.start()
        try:
            for update in stream:
                await target.feed(update)
        finally:
            await target.stop()
        return target.api_calls()

    for row in rows:
        # /start says 3 things; each answer at least the next question; the summary several.
        assert asyncio.run(run(row)) > len(stream) + 4, row


def test_all_at_once_each_framework_runs_updates_as_its_own_runner_does(tmp_path: Path) -> None:
    # The PTB peer keeps PTB's default (one update at a time); this bot runs updates
    # concurrently. Counted inside the Application, where the policy applies.
    from bot.bench.inprocess import Context, feed_all_at_once, make_target

    stream = updates(conversations(ENGINE, 4))

    async def most_at_once(row: str) -> int:
        target = make_target(row, Context(tmp_path, ENGINE))
        app = target.app  # type: ignore[attr-defined]
        handle, running, most = app.process_update, 0, 0

        async def counted(update: object) -> None:
            nonlocal running, most
            running += 1
            most = max(most, running)
            try:
                await handle(update)
            finally:
                running -= 1

        app.process_update = counted
        target.wait_like_a_network()  # Bot API calls give way, so only a policy can keep updates apart
        await target.start()
        try:
            latencies, _ = await feed_all_at_once(target, stream)
        finally:
            await target.stop()
        assert len(latencies) == len(stream)
        return most

    assert asyncio.run(most_at_once("ptb_peer")) == 1
    assert asyncio.run(most_at_once("bot_sqlite")) > 1  # its writes wait for the disk: other chats go on


@pytest.mark.e2e
def test_bench_smoke_writes_every_row(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [str(ITOH_BOT)] if ITOH_BOT.exists() else [sys.executable, "-m", "bot.cli"]
    result = subprocess.run([*command, "bench", "--smoke", "--json", str(out), "--workdir", str(tmp_path / "work")],
                            capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    data = json.loads(out.read_text())
    assert "| target |" in result.stdout

    assert data["mode"] == "smoke"
    machine = data["machine"]
    assert machine["nproc"] >= 1 and machine["python"] and machine["cpu"]
    assert machine["commit_ms_synchronous_full"] > 0

    skipped = data["skipped"]
    rows = data["in_process"]["rows"]
    expected = list(ALWAYS)
    for row, available in (("aiogram_peer", HAS_AIOGRAM), ("bot_redis", HAS_REDIS)):
        if available:
            expected.append(row)
        else:
            assert skipped.get(row), f"{row} neither ran nor says why it was skipped"
    if os.environ.get("REQUIRE_REDIS") == "1":
        assert "bot_redis" in rows
    assert set(rows) == set(expected)
    n = data["in_process"]["updates"]
    assert n == sum(len(c.texts) for c in conversations(ENGINE, data["in_process"]["users"]))
    for name, row in rows.items():
        assert row["updates"] == n, name
        assert 0 < row["p50_ms"] <= row["p99_ms"], name
        assert row["per_update_ms"] > 0 and row["updates_per_s"] > 0, name
        assert row["ratio_to_floor"] > 0 and row["ratio_to_ptb_peer"] > 0, name
        assert row["peak_mib"] >= 0, name
        assert (row["api_calls_per_update"] > 1) == (name != "floor"), name
    assert rows["floor"]["ratio_to_floor"] == 1.0 and rows["ptb_peer"]["ratio_to_ptb_peer"] == 1.0
    # Every store held the same conversations: the same replies (a store left full by an
    # earlier row would turn the stream into duplicates and answer nothing).
    assert len({row["api_calls_per_update"] for name, row in rows.items() if name.startswith("bot_")}) == 1
    assert rows["ptb_peer"]["flush_file_rewrites"] > 0 and rows["ptb_peer"]["flush_ms"] > 0

    at_once = data["in_process"]["rows_at_once"]
    assert set(at_once) == set(rows)
    for name, row in at_once.items():
        assert row["updates"] == n, name
        assert 0 < row["p50_ms"] <= row["p99_ms"], name
        assert row["per_update_ms"] > 0 and row["ratio_to_ptb_peer"] > 0, name
        assert row["api_calls_per_update"] == rows[name]["api_calls_per_update"], name  # the same conversations
    assert at_once["bot_sqlite"]["writes_per_commit"] >= 1

    growth = data["growth"]
    assert set(growth["rows"]) == {"bot_sqlite", "ptb_peer"} | ({"bot_redis"} if HAS_REDIS else set())
    for name, g in growth["rows"].items():
        assert list(g["by_size"]) == [str(s) for s in growth["sizes"]], name
        assert g["ratio_largest_to_smallest"] > 0, name

    for mode in ("polling", "webhook"):
        e2e = data["e2e"][mode]
        assert "error" not in e2e, e2e
        assert e2e["exit_code"] == 0, f"itoh-bot run did not stop cleanly in {mode} mode"
        assert e2e["updates"] == sum(len(c.texts) for c in conversations(ENGINE, e2e["users"], seed=7))
        assert 0 < e2e["turn_p50_ms"] <= e2e["turn_p99_ms"]

    startup = data["startup"]
    assert 0 < startup["content_load_s"] < startup["to_first_question_s"]

    assert [t["id"] for t in data["targets"]] == [
        "sqlite_vs_ptb_peer", "sqlite_vs_ptb_peer_at_once", "growth_sqlite", "growth_redis",
        "start_to_first_question_s"]
    for target in data["targets"]:
        if target["id"] != "growth_redis" or HAS_REDIS:
            assert target["value"] is not None and isinstance(target["met"], bool), target
    if HAS_MATPLOTLIB:
        assert Path(data["plot"]).stat().st_size > 10_000
    else:
        assert "plot" in skipped


def test_bench_seed_000_answers_are_the_demo_answer_file() -> None:
    """The bench runs installed (no tests/), so it carries its own copy: keep them the same."""
    from bot.bench.stream import SEED_000

    demo_file = Path(__file__).resolve().parent / "demo" / "seed-000.txt"
    assert demo_file.read_text().splitlines() == SEED_000
