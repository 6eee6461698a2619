"""Session storage: one async contract, three backends, chosen by URL.

See :mod:`bot.storage.base` for the contract and who calls what, and
:func:`open_store` for the URL formats.
"""

from bot.storage.base import (
    LockTimeout,
    SessionStore,
    StoredSession,
    StoreUnavailable,
    VersionConflict,
)
from bot.storage.factory import open_store
from bot.storage.memory import MemoryStore
from bot.storage.sqlite import SQLiteStore

__all__ = [
    "LockTimeout",
    "MemoryStore",
    "RedisStore",
    "SQLiteStore",
    "SessionStore",
    "StoreUnavailable",
    "StoredSession",
    "VersionConflict",
    "open_store",
]


def __getattr__(name: str) -> object:
    # RedisStore is loaded on first use so importing bot.storage stays light.
    if name == "RedisStore":
        from bot.storage.redis import RedisStore

        return RedisStore
    raise AttributeError(f"module 'bot.storage' has no attribute {name!r}")
