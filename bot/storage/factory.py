"""open_storage(url): pick a backend by URL and build its set of parts (a Storage).

URL formats:

* ``memory://``                       -> bot/storage/memory.py
* ``sqlite:///relative/path.sqlite3`` -> bot/storage/sqlite/, path relative to the
  working directory (three slashes, as in SQLAlchemy)
* ``sqlite:////absolute/path.sqlite3`` -> absolute path (four slashes)
* ``sqlite:///:memory:``              -> in-memory SQLite (tests)
* ``redis://[user:pass@]host:port/db`` and ``rediss://...`` -> bot/storage/redis/

Error messages name only the scheme, never the whole URL: it may hold a password.
"""

from __future__ import annotations

from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from bot.storage.base import DEFAULT_TTL_SECONDS, Storage
from bot.storage.memory import open_memory
from bot.storage.sqlite.store import open_sqlite

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


class StoreSettings(Protocol):
    """The two settings the factory reads (bot/settings.py's Settings has them)."""

    @property
    def store_url(self) -> str: ...

    @property
    def session_ttl_seconds(self) -> float: ...


def storage_from_settings(settings: StoreSettings) -> Storage:
    """The storage of ``STORE_URL``, sessions kept ``SESSION_TTL_SECONDS`` (see :func:`open_storage`)."""
    return open_storage(settings.store_url, settings.session_ttl_seconds)


def open_storage(url: str, ttl_seconds: float = DEFAULT_TTL_SECONDS, **kw: Any) -> Storage:
    """Open the backend named by ``url``; ``kw`` goes to its constructor.

    Raises ValueError for an unsupported or malformed URL and
    :class:`~bot.storage.base.StoreUnavailable` if a SQLite file cannot be
    opened. Redis is not contacted here: call ``await storage.health.ping()`` to check it.
    """
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme == "memory":
        if url.lower() != "memory://":
            raise ValueError("memory store URL takes no host or path: use memory://")
        return open_memory(ttl_seconds, **kw)
    if scheme == "sqlite":
        return open_sqlite(sqlite_path(url), ttl_seconds, **kw)
    if scheme in ("redis", "rediss"):
        # Lazy for start-up time: the redis client takes ~0.15 s to import; SQLite deployments skip it.
        from bot.storage.redis.store import open_redis

        return open_redis(url, ttl_seconds, **kw)
    shown = repr(scheme) if scheme else "(none)"
    raise ValueError(f"unsupported session store URL scheme {shown}; expected {SUPPORTED}")
