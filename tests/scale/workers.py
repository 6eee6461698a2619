"""`itoh-bot worker` processes for the scale tests, and `itoh-bot set-webhook`.

Who uses it: tests/scale. Each worker runs exactly as in production (`python -m
bot.cli worker --port P`, settings from the environment) with the Bot API at a
FakeBotApi and the sessions in a test redis-server, all on 127.0.0.1. stderr goes to
a file so a test can read the logs; the fixtures kill every process in a finally.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.fake_telegram import FakeBotApi, free_port
from tests.telegram.bot_process import REPO, BotProcess, bot_env

SECRET = "scale-test_webhook-secret_7"
HOOK_PATH = "/telegram/hook"
START_TIMEOUT = 20.0


def worker_env(fake: FakeBotApi, store_url: str, public_url: str, **settings: str) -> dict[str, str]:
    env = bot_env(fake, Path("unused.sqlite3"), **settings)
    env.update({"STORE_URL": store_url, "WEBHOOK_URL": public_url, "WEBHOOK_SECRET_TOKEN": SECRET})
    env.update(settings)
    return env


def http_get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """(status, body) of a GET; (0, reason) when nothing answered."""
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
    except OSError as exc:
        return 0, repr(exc)


class WorkerProcess(BotProcess):
    """One `itoh-bot worker` on a free port of 127.0.0.1."""

    def __init__(self, env: dict[str, str], workdir: Path, name: str, open_files: int | None = None) -> None:
        self.port = free_port()
        super().__init__(env, workdir, name, command=("worker", "--port", str(self.port)), open_files=open_files)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def hook_url(self) -> str:
        return self.url + HOOK_PATH

    def healthz(self) -> int:
        return http_get(self.url + "/healthz")[0]

    def metrics(self) -> str:
        status, body = http_get(self.url + "/metrics")
        assert status == 200, body
        return body

    def wait_health(self, status: int = 200, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while (seen := self.healthz()) != status:
            assert self.running(), f"{self.name} exited:\n{self.log}"
            assert time.monotonic() < deadline, f"{self.name} /healthz stayed {seen}, not {status}:\n{self.log}"
            time.sleep(0.05)


def set_webhook(env: dict[str, str], workdir: Path) -> str:
    """`itoh-bot set-webhook` with `env`; returns its stdout (asserts exit 0)."""
    done = subprocess.run([sys.executable, "-m", "bot.cli", "set-webhook"], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=START_TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


__all__ = ["HOOK_PATH", "REPO", "SECRET", "WorkerProcess", "http_get", "set_webhook", "worker_env"]
