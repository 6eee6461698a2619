"""`itoh-bot run` in a subprocess, pointed at a FakeBotApi on 127.0.0.1.

Who uses it: the end-to-end tests (polling, webhook, restart). The bot runs exactly as
in production (`python -m bot.cli run`, settings from the environment), only with
TELEGRAM_API_BASE_URL at the fake and STORE_URL at a file in the test's tmp dir.
stderr goes to a file so a test can read the logs; the process is always killed in
the fixture's finally.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from bot.fake_telegram import FakeBotApi
from tests.telegram.harness import TOKEN

REPO = Path(__file__).resolve().parents[2]
# Variables the bot reads, and proxies httpx would honour: never inherited from the
# developer's shell, so the test sees only what it sets.
_CLEARED = ("TELEGRAM_", "STORE_URL", "SESSION_", "MODE", "WEBHOOK_", "LOG_LEVEL", "ALLOWED_USER_IDS", "RATE_LIMIT_")
_PROXIES = {"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"}
STOP_TIMEOUT = 15.0


def bot_env(fake: FakeBotApi, store: Path, **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_CLEARED) and k not in _PROXIES}
    env.update({
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "STORE_URL": f"sqlite:///{store}",
        "PYTHONPATH": str(REPO),
        "PTB_TIMEDELTA": "1",
    })
    env.update(settings)
    return env


def _limit_open_files(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))


class BotProcess:
    """One bot process; `stop()` sends SIGTERM (or SIGINT), `kill()` SIGKILL.

    `command` is the `itoh-bot` subcommand and its arguments (tests/scale runs workers);
    `open_files` lowers the process's open-file limit (RLIMIT_NOFILE).
    """

    def __init__(
        self, env: dict[str, str], workdir: Path, name: str = "bot", command: tuple[str, ...] = ("run",),
        open_files: int | None = None,
    ) -> None:
        self.name = name
        self.log_path = workdir / f"{name}.stderr.log"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *command],
            cwd=workdir,  # no stray .env from the repository
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            preexec_fn=None if open_files is None else lambda: _limit_open_files(open_files),
        )

    @property
    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(errors="replace")

    def running(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = STOP_TIMEOUT, sig: int = signal.SIGTERM) -> int:
        """SIGTERM (or `sig`) and wait: the bot must shut down cleanly on its own."""
        if self.running():
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.close()

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs (a crash or an OOM kill)."""
        if self.running():
            self.proc.kill()
        self.proc.wait(timeout=STOP_TIMEOUT)
        self.close()

    def close(self) -> None:
        if self.running():
            self.proc.kill()
            self.proc.wait(timeout=STOP_TIMEOUT)
        if not self._log.closed:
            self._log.close()
