"""The Redis backend (several processes share it): see bot/storage/redis/store.py."""

from bot.storage.redis.store import (
    DEFAULT_PREFIX,
    RedisCounters,
    RedisHealth,
    RedisLocks,
    RedisSessions,
    open_redis,
    redis_storage,
)

__all__ = [
    "DEFAULT_PREFIX",
    "RedisCounters",
    "RedisHealth",
    "RedisLocks",
    "RedisSessions",
    "open_redis",
    "redis_storage",
]
