"""End to end over HTTP: `itoh-bot run` as a child process, a fake Bot API, concurrent users.

Who uses it: bot/bench/cli.py, once for polling and once for webhook. The bot runs
exactly as deployed (`python -m bot.cli run`, settings from the environment, SQLite
store in the bench's work directory, INFO logs to a file); only TELEGRAM_API_BASE_URL
points at the fake Telegram's HTTP server (bot/fake_telegram/, lean) on 127.0.0.1. Each simulated user types its
conversation (the same seed 000 / random paths as in process), waiting for the bot's
answer before the next message, as a person does. A turn's latency runs from the
moment the update is available (queued for getUpdates, or the webhook POST started) to
the moment the bot's last message of that turn reaches the fake (the next question,
or the summary's last section).
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.bench.stream import Conversation, conversations
from bot.bench.targets import TOKEN
from bot.fake_telegram import FakeBotApi
from flows.dialogue import Engine

JSON = dict[str, Any]
TURN_TIMEOUT = 30.0
SECRET = "bench-secret-token_0123456789"
_CLEARED = ("TELEGRAM_", "STORE_URL", "SESSION_", "MODE", "WEBHOOK_", "LOG_LEVEL")
_PROXIES = {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy", "NO_PROXY", "no_proxy"}


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sent:
    """One message the bot sent or edited, as the waiting user sees it."""

    method: str
    params: JSON
    at: float  # time.perf_counter() when the fake answered the call


class Inboxes:
    """Each chat's messages from the bot, handed to the user waiting in that chat. The fake
    calls `put` from its server thread, the moment it answers the call."""

    def __init__(self, api: FakeBotApi, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._queues: dict[int, asyncio.Queue[Sent]] = defaultdict(asyncio.Queue)
        api.on_sent(self.put)

    def put(self, method: str, params: JSON) -> None:
        if "chat_id" in params:
            sent = Sent(method, params, time.perf_counter())
            self._loop.call_soon_threadsafe(self._queues[int(params["chat_id"])].put_nowait, sent)

    async def next(self, chat_id: int, timeout: float) -> Sent:
        """The next message the bot sends (or edits) in this chat."""
        return await asyncio.wait_for(self._queues[chat_id].get(), timeout)


def bot_env(api: FakeBotApi, store: Path, mode: str, webhook_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_CLEARED) and k not in _PROXIES}
    env.update({
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "STORE_URL": f"sqlite:///{store}",
        "MODE": mode,
        "LOG_LEVEL": "INFO",
    })
    if mode == "webhook":
        env.update({
            "WEBHOOK_URL": f"http://127.0.0.1:{webhook_port}/hook",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(webhook_port),
            "WEBHOOK_SECRET_TOKEN": SECRET,
        })
    return env


class _User:
    def __init__(self, api: FakeBotApi, inboxes: Inboxes, conv: Conversation, disclaimer: str) -> None:
        self.api = api
        self.inboxes = inboxes
        self.conv = conv
        self.disclaimer = disclaimer
        self.latencies: list[float] = []

    def _turn_over(self, sent: Sent) -> bool:
        markup = sent.params.get("reply_markup")
        return bool(markup) or self.disclaimer in str(sent.params.get("text", ""))

    async def run(self) -> None:
        chat = self.conv.chat_id
        for text in self.conv.texts:
            started = time.perf_counter()
            send = self.api.user_sends_command if text.startswith("/") else self.api.user_sends_text
            update_id = send(chat, text)
            while True:
                try:
                    sent = await self.inboxes.next(chat, TURN_TIMEOUT)
                except TimeoutError:
                    raise TimeoutError(f"no answer to update {update_id} within {TURN_TIMEOUT:g} s") from None
                if self._turn_over(sent):
                    break
            self.latencies.append(sent.at - started)


async def _drive(mode: str, workdir: Path, users: int, engine: Engine) -> JSON:
    convs = [Conversation(c.chat_id + 5_000_000, c.texts, c.path) for c in conversations(engine, users, seed=7)]
    disclaimer = engine.content.message("disclaimer")
    log_path = workdir / f"e2e-{mode}.log"
    # Lean (nothing validated or kept) and 40 webhook connections, as Telegram's default:
    # the fake's own cost is not what is measured.
    with FakeBotApi(TOKEN, lean=True, bot_username="itoh_bench_bot", webhook_connections=40) as api:
        inboxes = Inboxes(api, asyncio.get_running_loop())
        store = workdir / f"e2e-{mode}.sqlite3"
        for stale in (store, store.with_name(store.name + "-wal"), store.with_name(store.name + "-shm")):
            stale.unlink(missing_ok=True)  # update ids restart at 1: a kept store would call them duplicates
        env = bot_env(api, store, mode, _free_port())
        with log_path.open("wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=workdir, env=env,
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            try:
                def ready() -> bool:
                    return api.counts["getUpdates"] > 0 if mode == "polling" else api.webhook_info() is not None
                await _wait_for(lambda: ready() or proc.poll() is not None, 30)
                if proc.poll() is not None:
                    raise RuntimeError(f"itoh-bot run exited with {proc.returncode}; see {log_path}")
                if mode == "webhook":
                    await asyncio.sleep(0.5)  # PTB sets the webhook before its server listens
                people = [_User(api, inboxes, conv, disclaimer) for conv in convs]
                bot_cpu_before = _cpu_seconds(proc.pid)
                own_cpu_before = time.process_time()
                started = time.perf_counter()
                await asyncio.gather(*(p.run() for p in people))
                wall = time.perf_counter() - started
                bot_cpu = _cpu_seconds(proc.pid) - bot_cpu_before
                own_cpu = time.process_time() - own_cpu_before
            finally:
                proc.send_signal(signal.SIGTERM)
                try:
                    await asyncio.to_thread(proc.wait, 15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
    latencies = sorted(x for p in people for x in p.latencies)
    n = len(latencies)
    return {
        "mode": mode, "users": users, "updates": n,
        "turn_p50_ms": 1000 * latencies[n // 2], "turn_p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))],
        "turn_mean_ms": 1000 * statistics.fmean(latencies), "updates_per_s": n / wall, "wall_s": wall,
        "bot_cpu_ms_per_update": 1000 * bot_cpu / n, "bot_cpu_share": bot_cpu / wall,
        "driver_cpu_share": own_cpu / wall,
        "store": "sqlite", "exit_code": proc.returncode,
    }


async def _wait_for(condition: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the bot did not get ready")
        await asyncio.sleep(0.02)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_e2e(mode: str, workdir: Path, users: int, engine: Engine) -> JSON:
    """The bot runs as its own process (and builds its own engine); `engine` words the stream it is fed."""
    return asyncio.run(_drive(mode, workdir, users, engine))
