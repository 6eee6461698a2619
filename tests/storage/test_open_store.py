"""open_store(url): URL formats, errors, and options passed through."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage import MemoryStore, SQLiteStore, open_store
from bot.storage.factory import sqlite_path


async def test_memory_url() -> None:
    store = open_store("memory://", ttl_seconds=30, lock_wait_seconds=2)
    assert isinstance(store, MemoryStore)
    assert (store.ttl_seconds, store.lock_wait_seconds) == (30, 2)
    await store.close()


async def test_sqlite_relative_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "var").mkdir()
    store = open_store("sqlite:///var/sessions.sqlite3")
    assert isinstance(store, SQLiteStore)
    assert store.ttl_seconds == 86400
    await store.put("k", "{}", 0)
    await store.close()
    assert (tmp_path / "var" / "sessions.sqlite3").is_file()


async def test_sqlite_absolute_url(tmp_path: Path) -> None:
    path = tmp_path / "abs sessions.sqlite3"
    store = open_store(f"sqlite:///{path}".replace(" ", "%20"), ttl_seconds=10, busy_timeout=1)
    assert isinstance(store, SQLiteStore)
    assert (store.path, store.busy_timeout) == (str(path), 1)
    await store.close()


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
        open_store(url)


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
        open_store(url)
    message = str(err.value)
    assert f"scheme {named}" in message
    assert "hunter2" not in message  # a URL can carry a password: never echo it


def test_memory_url_with_path_is_rejected() -> None:
    with pytest.raises(ValueError, match="memory://"):
        open_store("memory://somewhere")


def test_bad_ttl_is_rejected() -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        open_store("memory://", ttl_seconds=0)
