"""Start-up errors are one clear line on stderr and exit code 2, before anything is sent.

A SQLite session file that is locked by another process or is not readable as a
database stops `itoh-bot run` (and `itoh-bot worker`), naming the file and the reason.
A worker without its webhook secret, or whose port is taken, does not start either.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.fake_telegram import FakeBotApi
from tests.scale.workers import worker_env
from tests.telegram.bot_process import REPO, bot_env

pytestmark = pytest.mark.e2e
COMMANDS = (["run"], ["worker", "--port", "1"])  # the port is never reached: the store fails first

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("CREATE TABLE IF NOT EXISTS t (x)")
print("locked", flush=True)
sys.stdin.readline()  # hold until told (or killed)
"""


def start_all(fake: FakeBotApi, path: Path, workdir: Path) -> list[subprocess.Popen[str]]:
    envs = [bot_env(fake, path), worker_env(fake, f"sqlite:///{path}", "http://127.0.0.1:1/telegram/hook")]
    return [subprocess.Popen([sys.executable, "-m", "bot.cli", *command], cwd=workdir, env=env, text=True,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for command, env in zip(COMMANDS, envs, strict=True)]


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    results = []
    for proc in procs:
        try:
            _out, err = proc.communicate(timeout=30)
        finally:
            proc.kill()
        results.append((proc.returncode, err))
    return results


def check_one_clear_line(results: list[tuple[int, str]], path: Path, reason: str) -> None:
    for code, err in results:
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1, err
        assert lines[0].startswith("itoh-bot: invalid setting STORE_URL:") and str(path) in lines[0], lines[0]
        assert reason in lines[0], lines[0]


def test_locked_sqlite_file_stops_run_and_worker_at_start(fake: FakeBotApi, tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=REPO, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        results = finish(start_all(fake, path, tmp_path))  # both wait out the busy timeout (5 s)
    finally:
        holder.kill()
        holder.wait(timeout=5)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    check_one_clear_line(results, path, "locked by another process")
    assert fake.calls() == []


@pytest.mark.parametrize("kind", ["not-a-database", "directory"])
def test_unreadable_sqlite_file_stops_run_and_worker_at_start(fake: FakeBotApi, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "sessions.sqlite3"
    if kind == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    results = finish(start_all(fake, path, tmp_path))
    check_one_clear_line(results, path, "not a database" if kind == "not-a-database" else "directory")
    assert fake.calls() == []


def test_worker_needs_its_secret_and_a_free_port(fake: FakeBotApi, tmp_path: Path) -> None:
    env = worker_env(fake, "memory://", "http://127.0.0.1:1/telegram/hook")
    del env["WEBHOOK_SECRET_TOKEN"]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        runs = [
            (env, "needs WEBHOOK_SECRET_TOKEN"),
            (worker_env(fake, "memory://", "http://127.0.0.1:1/telegram/hook"), f"cannot listen on 127.0.0.1:{port}"),
        ]
        for run_env, reason in runs:
            done = subprocess.run([sys.executable, "-m", "bot.cli", "worker", "--port", port], cwd=tmp_path,
                                  env=run_env, capture_output=True, text=True, timeout=30, check=False)
            lines = done.stderr.strip().splitlines()
            assert done.returncode == 2 and len(lines) == 1 and reason in lines[0], done.stderr
    assert fake.calls() == []
