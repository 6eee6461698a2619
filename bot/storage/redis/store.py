"""The Redis backend: sessions in Redis, for several bot processes sharing state.

* compare-and-set, delete and sweep are Lua scripts (atomic on the server);
* every put refreshes a PEXPIRE of ``ttl_seconds`` on the session key, so idle
  sessions disappear by themselves; get() additionally checks ``updated_at``
  against the injected clock, so an expired entry is never returned even if the
  server has not evicted it yet (and so tests can move time);
* the locks are redis-py's Lock: it works ACROSS PROCESSES, with a short ``timeout``
  after which a dead holder's lock lapses (a SIGKILLed worker blocks its chats for
  at most that long) and a ``blocking_timeout`` for waiters; while the holder is
  alive a background task renews it every third of the timeout, so a slow turn
  (a Bot API flood wait) keeps its lock;
* update claims are ``SET NX PX``; rate hits are INCR + PEXPIRE in one script;
* every redis-py error becomes :class:`StoreUnavailable`.

Supported: a single Redis server (or a primary with replicas), not Cluster.
Building the set does not connect; call ``storage.health.ping()`` at start-up. All
parts share one client (:func:`redis_storage`), closed by ``Storage.close``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import LockError, LockNotOwnedError, RedisError

from bot.storage.base import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_TTL_SECONDS,
    DEFAULT_UPDATE_TTL_SECONDS,
    ChatLocks,
    Clock,
    Counters,
    LockTimeout,
    SessionStore,
    Storage,
    StoredSession,
    StoreHealth,
    StoreUnavailable,
    VersionConflict,
    check_expected_version,
    check_ttl,
    is_expired,
)
from bot.storage.redis.scripts import DELETE, EXPIRE, HIT, PUT

log = logging.getLogger(__name__)

DEFAULT_PREFIX = "itoh:"
DEFAULT_LOCK_TIMEOUT_SECONDS = 6.0  # < DEFAULT_LOCK_WAIT_SECONDS: a waiter outlasts a dead holder
_EXPIRE_BATCH = 500


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class _RedisPart:
    """What every Redis part has: the shared client, the key prefix, its own closed flag."""

    def __init__(self, client: Redis, prefix: str) -> None:
        self._redis = client
        self.prefix = prefix
        self._closed = False

    @property
    def client(self) -> Redis:
        """The underlying client (tests and diagnostics)."""
        return self._redis

    async def close(self) -> None:
        """Stop this part; the client is shared, so closing it is `Storage`'s job."""
        self._closed = True

    def _check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable("Redis session store is closed")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        self._check_open()
        try:
            yield
        except RedisError as exc:
            # redis-py messages carry host/port and the error, never command values.
            raise StoreUnavailable(f"Redis session store: {type(exc).__name__}: {exc}") from None


class RedisSessions(_RedisPart, SessionStore):
    """Sessions in Redis hashes under ``prefix``, indexed by a sorted set."""

    def __init__(
        self,
        client: Redis,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        prefix: str = DEFAULT_PREFIX,
        clock: Clock = time.time,
    ) -> None:
        _RedisPart.__init__(self, client, prefix)
        SessionStore.__init__(self, ttl_seconds=ttl_seconds, clock=clock)
        self._put = client.register_script(PUT)
        self._delete = client.register_script(DELETE)
        self._expire = client.register_script(EXPIRE)
        self._index = index_key(prefix)

    def session_key(self, key: str) -> str:
        return session_key(self.prefix, key)

    async def get(self, key: str) -> StoredSession | None:
        with self._errors():
            raw = await self._redis.hmget(self.session_key(key), "payload", "version", "updated_at")
        payload, version, updated_at = raw
        if payload is None or version is None or updated_at is None:
            return None
        updated = float(updated_at)
        if is_expired(updated, self._clock(), self.ttl_seconds):
            return None
        if isinstance(payload, bytes):  # str already if the client decodes responses
            try:
                payload = payload.decode("utf-8")
            except UnicodeDecodeError:
                raise StoreUnavailable("Redis session store: stored payload is not UTF-8") from None
        return StoredSession(payload, int(version), updated)

    async def put(self, key: str, payload: str, expected_version: int) -> int:
        check_expected_version(expected_version)
        now = self._clock()
        args: list[str | int] = [expected_version, payload, repr(now)]
        args += [repr(now - self.ttl_seconds), _ms(self.ttl_seconds), key]
        with self._errors():
            ok, version = await self._put(keys=[self.session_key(key), self._index], args=args)
        if not ok:
            raise VersionConflict(f"expected version {expected_version}, store has {version}")
        return int(version)

    async def delete(self, key: str) -> bool:
        with self._errors():
            n = await self._delete(keys=[self.session_key(key), self._index], args=[key])
        return int(n) > 0

    async def expire(self) -> int:
        cutoff = repr(self._clock() - self.ttl_seconds)
        deleted = 0
        with self._errors():
            while True:
                n, scanned = await self._expire(
                    keys=[self._index], args=[cutoff, self.session_key(""), _EXPIRE_BATCH]
                )
                deleted += int(n)
                if int(scanned) < _EXPIRE_BATCH:
                    break
        return deleted


class RedisLocks(_RedisPart, ChatLocks):
    """redis-py Locks under ``prefix``: they exclude other PROCESSES too."""

    def __init__(
        self,
        client: Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
        timeout_seconds: float = DEFAULT_LOCK_TIMEOUT_SECONDS,
        poll_seconds: float = 0.05,
    ) -> None:
        """``timeout_seconds``: a held lock lapses after this (dead holder);
        ``wait_seconds``: how long lock() waits before :class:`LockTimeout`."""
        super().__init__(client, prefix)
        self.wait_seconds = check_ttl("lock_wait_seconds", wait_seconds)
        self.timeout_seconds = check_ttl("lock_timeout_seconds", timeout_seconds)
        self.poll_seconds = check_ttl("lock_poll_seconds", poll_seconds)

    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        self._check_open()
        return self._hold(key)

    @asynccontextmanager
    async def _hold(self, key: str) -> AsyncIterator[None]:
        lock = self._redis.lock(
            f"{self.prefix}lock:{key}",
            timeout=self.timeout_seconds,
            sleep=self.poll_seconds,
            blocking_timeout=self.wait_seconds,
            # The token lives on this Lock object, which only this task uses;
            # thread-local storage would only get in the way of executors.
            thread_local=False,
        )
        with self._errors():
            acquired = await lock.acquire()
        if not acquired:
            raise LockTimeout(f"session lock not acquired within {self.wait_seconds:g} s")
        renewal = asyncio.create_task(self._renew(lock), name="session-lock-renewal")
        try:
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal
            try:
                await lock.release()
            except LockNotOwnedError:
                # Held past timeout_seconds and lapsed; put()'s version check
                # has still prevented lost updates. No key in the log: it is a chat id.
                log.warning("session lock lapsed before release (held > %g s)",
                            self.timeout_seconds)
            except RedisError as exc:
                # Do not mask the body's outcome; the lock lapses by its timeout.
                log.warning("session lock release failed: %s", type(exc).__name__)

    async def _renew(self, lock: Any) -> None:
        """Reset the held lock's timeout every third of it, until cancelled."""
        while True:
            await asyncio.sleep(self.timeout_seconds / 3)
            try:
                await lock.reacquire()
            except (LockError, RedisError) as exc:
                # Lost or unreachable: put()'s version check still prevents lost updates.
                log.warning("session lock renewal failed: %s", type(exc).__name__)
                return


class RedisCounters(_RedisPart, Counters):
    """Claim markers (``SET NX PX``) and per-window INCR counters, each with its own expiry."""

    def __init__(
        self,
        client: Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        clock: Clock = time.time,
        update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
    ) -> None:
        super().__init__(client, prefix)
        self._clock = clock
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self._hit = client.register_script(HIT)

    async def claim_update(self, update_id: int) -> bool:
        with self._errors():
            claimed = await self._redis.set(
                f"{self.prefix}update:{int(update_id)}",
                b"1",
                nx=True,
                px=_ms(self.update_ttl_seconds),
            )
        return bool(claimed)

    async def hit_rate(self, key: str, window_seconds: float) -> int:
        window = check_ttl("window_seconds", window_seconds)
        number = math.floor(self._clock() / window)
        counter = f"{self.prefix}rate:{key}:{_ms(window)}:{number}"
        with self._errors():
            return int(await self._hit(keys=[counter], args=[_ms(window)]))

    async def expire(self) -> None:
        # Markers and counters need no sweep: each carries its own PX expiry.
        self._check_open()


class RedisHealth(_RedisPart, StoreHealth):
    """PING, and the live members of the session index."""

    def __init__(
        self,
        client: Redis,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        prefix: str = DEFAULT_PREFIX,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(client, prefix)
        self.ttl_seconds = check_ttl("ttl_seconds", ttl_seconds)
        self._clock = clock

    async def ping(self) -> bool:
        if self._closed:
            return False
        try:
            return bool(await self._redis.ping())
        except RedisError:
            return False

    async def count_sessions(self) -> int:
        cutoff = repr(self._clock() - self.ttl_seconds)
        with self._errors():
            return int(await self._redis.zcount(index_key(self.prefix), cutoff, "+inf"))


def session_key(prefix: str, key: str) -> str:
    return f"{prefix}session:{key}"


def index_key(prefix: str) -> str:
    return f"{prefix}sessions"


def redis_storage(
    client: Redis,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    *,
    prefix: str = DEFAULT_PREFIX,
    clock: Clock = time.time,
    update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
    lock_timeout_seconds: float = DEFAULT_LOCK_TIMEOUT_SECONDS,
    lock_poll_seconds: float = 0.05,
) -> Storage:
    """The set on ``client``, which it takes ownership of (``Storage.close`` closes it)."""
    sessions = RedisSessions(client, ttl_seconds, prefix=prefix, clock=clock)
    locks = RedisLocks(client, prefix=prefix, wait_seconds=lock_wait_seconds,
                       timeout_seconds=lock_timeout_seconds, poll_seconds=lock_poll_seconds)
    counters = RedisCounters(client, prefix=prefix, clock=clock, update_ttl_seconds=update_ttl_seconds)
    health = RedisHealth(client, ttl_seconds, prefix=prefix, clock=clock)
    return Storage(sessions, locks, counters, health, release=client.aclose)


def open_redis(url: str, ttl_seconds: float = DEFAULT_TTL_SECONDS, **kw: Any) -> Storage:
    """Build the set from ``redis://[user:pass@]host:port/db`` (or ``rediss://``).

    Keyword arguments :func:`redis_storage` does not take go to ``Redis.from_url``. The
    defaults fail fast (5 s socket timeouts, 2 quick retries) so a dead server
    turns into "temporarily unavailable" instead of a hung update.
    """
    storage_kw = {
        name: kw.pop(name)
        for name in (
            "prefix",
            "clock",
            "update_ttl_seconds",
            "lock_wait_seconds",
            "lock_timeout_seconds",
            "lock_poll_seconds",
        )
        if name in kw
    }
    kw.setdefault("socket_connect_timeout", 5.0)
    kw.setdefault("socket_timeout", 5.0)
    kw.setdefault("retry", Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), 2))
    client = Redis.from_url(url, **kw)
    return redis_storage(client, ttl_seconds, **storage_kw)
