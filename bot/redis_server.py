"""A throwaway redis-server for tests and the bench: loopback only, free port, no persistence.

Who uses it: the Redis tests (tests/storage, tests/scale) and `itoh-bot bench`'s Redis
rows. It lives in the package, not under tests/, because the bench runs installed.

Usage: ``with RedisServer(tmp_dir) as server: ... server.url ...``. For an outage
test, ``stop(save=True)`` writes the data to the work dir and stops the server, and
``start()`` brings it back on the same port with that data. The binary is taken from
PATH; :func:`find_redis_server` returns None if it is not installed so
the caller can skip (or fail when ``REQUIRE_REDIS=1``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

import redis

START_TIMEOUT_SECONDS = 10.0


def find_redis_server() -> str | None:
    return shutil.which("redis-server")


def _free_port() -> int:
    # Racy by nature (the port is released before redis binds it); start()
    # retries on a fresh port if redis-server exits because of that.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """One redis-server child process bound to 127.0.0.1 on a free port."""

    def __init__(self, workdir: Path, binary: str | None = None) -> None:
        found = binary or find_redis_server()
        if found is None:
            raise FileNotFoundError("redis-server not found on PATH")
        self.binary = found
        self.workdir = workdir
        self.port = 0  # chosen at the first start(), kept by later ones
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log_path(self) -> Path:
        return self.workdir / "redis-server.log"

    def start(self) -> None:
        last_error = "not started"
        restart = self.port != 0
        for _attempt in range(3):
            if not restart:
                self.port = _free_port()
            args = [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.workdir),
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--logfile", str(self.log_path),
            ]
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL)
            if self._wait_for_ping():
                return
            last_error = self._tail_log()
            self.stop()
        raise RuntimeError(f"redis-server did not answer PING: {last_error}")

    def _wait_for_ping(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1.0)
        try:
            while time.monotonic() < deadline:
                if self._proc is not None and self._proc.poll() is not None:
                    return False  # exited, e.g. the port was taken meanwhile
                try:
                    if client.ping():
                        return True
                except redis.ConnectionError:
                    time.sleep(0.05)
            return False
        finally:
            client.close()

    def _tail_log(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "no log"
        return " | ".join(lines[-3:]) or "empty log"

    def stop(self, *, save: bool = False) -> None:
        """Stop the server; with `save`, its data is written first and a later start() loads it."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        if save:
            client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5.0)
            try:
                client.shutdown(save=True)  # returns once the RDB file is written
            except redis.ConnectionError:
                pass  # the server closes the connection as it exits
            finally:
                client.close()
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
