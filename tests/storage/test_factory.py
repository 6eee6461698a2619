"""open_storage(url) and storage_from_settings: URL formats, errors, and options passed through."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from bot.storage import open_storage, storage_from_settings
from bot.storage.factory import sqlite_path
from bot.storage.keylocks import KeyLocks
from bot.storage.memory import MemorySessions
from bot.storage.sqlite import SQLiteSessions


async def test_memory_url() -> None:
    storage = open_storage("memory://", ttl_seconds=30, lock_wait_seconds=2)
    assert isinstance(storage.sessions, MemorySessions) and isinstance(storage.locks, KeyLocks)
    assert (storage.sessions.ttl_seconds, storage.locks.wait_seconds) == (30, 2)
    await storage.close()


async def test_sqlite_relative_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "var").mkdir()
    storage = open_storage("sqlite:///var/sessions.sqlite3")
    assert isinstance(storage.sessions, SQLiteSessions)
    assert storage.sessions.ttl_seconds == 86400
    await storage.sessions.put("k", "{}", 0)
    await storage.close()
    assert (tmp_path / "var" / "sessions.sqlite3").is_file()


async def test_sqlite_absolute_url(tmp_path: Path) -> None:
    path = tmp_path / "abs sessions.sqlite3"
    storage = open_storage(f"sqlite:///{path}".replace(" ", "%20"), ttl_seconds=10, busy_timeout=1)
    assert isinstance(storage.sessions, SQLiteSessions)
    assert (storage.sessions.path, storage.sessions.db.busy_timeout) == (str(path), 1)
    await storage.close()


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///data/s.sqlite3", "data/s.sqlite3"),
        ("sqlite:////var/lib/itoh/s.sqlite3", "/var/lib/itoh/s.sqlite3"),
        ("sqlite:///:memory:", ":memory:"),
    ],
)
def test_sqlite_paths(url: str, path: str) -> None:
    assert sqlite_path(url) == path


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite://host/s.sqlite3"])
def test_malformed_sqlite_url(url: str) -> None:
    with pytest.raises(ValueError, match="sqlite"):
        open_storage(url)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("postgres://admin:hunter2@db.internal/sessions", "'postgres'"),
        ("file:///tmp/x", "'file'"),
        ("sessions.sqlite3", "(none)"),
        ("", "(none)"),
    ],
)
def test_unknown_scheme(url: str, named: str) -> None:
    with pytest.raises(ValueError) as err:
        open_storage(url)
    message = str(err.value)
    assert f"scheme {named}" in message
    assert "hunter2" not in message  # a URL can carry a password: never echo it


def test_memory_url_with_path_is_rejected() -> None:
    with pytest.raises(ValueError, match="memory://"):
        open_storage("memory://somewhere")


def test_bad_ttl_is_rejected() -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        open_storage("memory://", ttl_seconds=0)


async def test_storage_from_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    token = "123:" + "a" * 30
    settings = Settings(telegram_bot_token=token, store_url=url, session_ttl_seconds=120, _env_file=None)  # type: ignore[call-arg]
    storage = storage_from_settings(settings)
    try:
        assert isinstance(storage.sessions, SQLiteSessions)
        assert (storage.sessions.path, storage.sessions.ttl_seconds) == (str(tmp_path / "s.sqlite3"), 120)
    finally:
        await storage.close()
