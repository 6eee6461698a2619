"""open_store(url): pick and open a session-store backend from a URL.

URL formats:

* ``memory://``                       -> :class:`MemoryStore`
* ``sqlite:///relative/path.sqlite3`` -> :class:`SQLiteStore`, path relative to the
  working directory (three slashes, as in SQLAlchemy)
* ``sqlite:////absolute/path.sqlite3`` -> absolute path (four slashes)
* ``sqlite:///:memory:``              -> in-memory SQLite (tests)
* ``redis://[user:pass@]host:port/db`` and ``rediss://...`` -> :class:`RedisStore`

Error messages name only the scheme, never the whole URL: it may hold a password.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from bot.storage.base import DEFAULT_TTL_SECONDS, SessionStore
from bot.storage.memory import MemoryStore
from bot.storage.sqlite import SQLiteStore

SUPPORTED = "memory://, sqlite:///path, redis://host:port/db"


def sqlite_path(url: str) -> str:
    """The filesystem path of a ``sqlite:///...`` URL (see module docstring)."""
    rest = url[len("sqlite://") :]
    if not rest.startswith("/"):
        raise ValueError(
            "sqlite URL must look like sqlite:///relative/path or sqlite:////absolute/path"
        )
    path = unquote(rest[1:])
    if not path:
        raise ValueError("sqlite URL has no file path (expected sqlite:///path/to/file.sqlite3)")
    return path


def open_store(url: str, ttl_seconds: float = DEFAULT_TTL_SECONDS, **kw: Any) -> SessionStore:
    """Open the store named by ``url``; ``kw`` goes to the backend's constructor.

    Raises ValueError for an unsupported or malformed URL and
    :class:`~bot.storage.base.StoreUnavailable` if a SQLite file cannot be
    opened. Redis is not contacted here: call ``await store.ping()`` to check it.
    """
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme == "memory":
        if url.lower() != "memory://":
            raise ValueError("memory store URL takes no host or path: use memory://")
        return MemoryStore(ttl_seconds, **kw)
    if scheme == "sqlite":
        return SQLiteStore(sqlite_path(url), ttl_seconds, **kw)
    if scheme in ("redis", "rediss"):
        # Imported lazily: deployments on SQLite never load the redis client.
        from bot.storage.redis import RedisStore

        return RedisStore.from_url(url, ttl_seconds, **kw)
    shown = repr(scheme) if scheme else "(none)"
    raise ValueError(f"unsupported session store URL scheme {shown}; expected {SUPPORTED}")
