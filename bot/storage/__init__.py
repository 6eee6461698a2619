"""Session storage: four narrow interfaces, three backends, chosen by URL.

See :mod:`bot.storage.base` for the interfaces (SessionStore, ChatLocks, Counters,
StoreHealth) and the Storage set that bundles them, and :func:`open_storage` for the
URL formats. The Redis backend is imported from ``bot.storage.redis`` directly (and
by the factory only for a redis:// URL), so importing this package stays light.
"""

from bot.storage.base import (
    ChatLocks,
    Counters,
    LockTimeout,
    SessionStore,
    Storage,
    StoredSession,
    StoreHealth,
    StoreUnavailable,
    VersionConflict,
)
from bot.storage.factory import open_storage, storage_from_settings
from bot.storage.memory import open_memory
from bot.storage.sqlite.store import open_sqlite

__all__ = [
    "ChatLocks",
    "Counters",
    "LockTimeout",
    "SessionStore",
    "Storage",
    "StoreHealth",
    "StoreUnavailable",
    "StoredSession",
    "VersionConflict",
    "open_memory",
    "open_sqlite",
    "open_storage",
    "storage_from_settings",
]
