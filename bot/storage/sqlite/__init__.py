"""The SQLite backend (single process, one file): see bot/storage/sqlite/store.py."""

from bot.storage.sqlite.database import SQLiteDatabase
from bot.storage.sqlite.store import SQLiteCounters, SQLiteHealth, SQLiteSessions, open_sqlite

__all__ = ["SQLiteCounters", "SQLiteDatabase", "SQLiteHealth", "SQLiteSessions", "open_sqlite"]
