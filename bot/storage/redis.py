"""RedisStore: sessions in Redis, for several bot processes sharing state.

* compare-and-set, delete and sweep are Lua scripts (atomic on the server);
* every put refreshes a PEXPIRE of ``ttl_seconds`` on the session key, so idle
  sessions disappear by themselves; get() additionally checks ``updated_at``
  against the injected clock, so an expired entry is never returned even if the
  server has not evicted it yet (and so tests can move time);
* lock() is redis-py's Lock: it works ACROSS PROCESSES, with a short ``timeout``
  after which a dead holder's lock lapses (a SIGKILLed worker blocks its chats for
  at most that long) and a ``blocking_timeout`` for waiters; while the holder is
  alive a background task renews it every third of the timeout, so a slow turn
  (a Bot API flood wait) keeps its lock;
* claim_update() is ``SET NX PX``; hit_rate() is INCR + PEXPIRE in one script;
* every redis-py error becomes :class:`StoreUnavailable`.

Supported: a single Redis server (or a primary with replicas), not Cluster.
Constructing the store does not connect; call :meth:`RedisStore.ping` at start-up.
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

from bot.storage import redis_scripts
from bot.storage.base import (
    DEFAULT_LOCK_WAIT_SECONDS,
    DEFAULT_TTL_SECONDS,
    DEFAULT_UPDATE_TTL_SECONDS,
    Clock,
    LockTimeout,
    SessionStore,
    StoredSession,
    StoreUnavailable,
    VersionConflict,
    check_expected_version,
    check_ttl,
    is_expired,
)

log = logging.getLogger(__name__)

DEFAULT_PREFIX = "itoh:"
DEFAULT_LOCK_TIMEOUT_SECONDS = 6.0  # < DEFAULT_LOCK_WAIT_SECONDS: a waiter outlasts a dead holder
_EXPIRE_BATCH = 500


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class RedisStore(SessionStore):
    """Sessions in Redis hashes under ``prefix``; takes ownership of ``client``."""

    def __init__(
        self,
        client: Redis,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        prefix: str = DEFAULT_PREFIX,
        clock: Clock = time.time,
        update_ttl_seconds: float = DEFAULT_UPDATE_TTL_SECONDS,
        lock_wait_seconds: float = DEFAULT_LOCK_WAIT_SECONDS,
        lock_timeout_seconds: float = DEFAULT_LOCK_TIMEOUT_SECONDS,
        lock_poll_seconds: float = 0.05,
    ) -> None:
        """``lock_timeout_seconds``: a held lock lapses after this (dead holder);
        ``lock_wait_seconds``: how long lock() waits before :class:`LockTimeout`."""
        super().__init__(ttl_seconds=ttl_seconds, clock=clock)
        self.prefix = prefix
        self.update_ttl_seconds = check_ttl("update_ttl_seconds", update_ttl_seconds)
        self.lock_wait_seconds = check_ttl("lock_wait_seconds", lock_wait_seconds)
        self.lock_timeout_seconds = check_ttl("lock_timeout_seconds", lock_timeout_seconds)
        self.lock_poll_seconds = check_ttl("lock_poll_seconds", lock_poll_seconds)
        self._redis = client
        self._put = client.register_script(redis_scripts.PUT)
        self._delete = client.register_script(redis_scripts.DELETE)
        self._expire = client.register_script(redis_scripts.EXPIRE)
        self._hit = client.register_script(redis_scripts.HIT)
        self._index = f"{prefix}sessions"
        self._closed = False

    @classmethod
    def from_url(
        cls, url: str, ttl_seconds: float = DEFAULT_TTL_SECONDS, **kw: Any
    ) -> RedisStore:
        """Build from ``redis://[user:pass@]host:port/db`` (or ``rediss://``).

        Keyword arguments the store does not take go to ``Redis.from_url``. The
        defaults fail fast (5 s socket timeouts, 2 quick retries) so a dead server
        turns into "temporarily unavailable" instead of a hung update.
        """
        store_kw = {
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
        return cls(client, ttl_seconds, **store_kw)

    @property
    def client(self) -> Redis:
        """The underlying client (tests and diagnostics)."""
        return self._redis

    def session_key(self, key: str) -> str:
        return f"{self.prefix}session:{key}"

    @contextmanager
    def _errors(self) -> Iterator[None]:
        if self._closed:
            raise StoreUnavailable("Redis session store is closed")
        try:
            yield
        except RedisError as exc:
            # redis-py messages carry host/port and the error, never command values.
            raise StoreUnavailable(f"Redis session store: {type(exc).__name__}: {exc}") from None

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
        # Update markers need no sweep: each carries its own PX expiry.
        return deleted

    def lock(self, key: str) -> AbstractAsyncContextManager[None]:
        if self._closed:
            raise StoreUnavailable("Redis session store is closed")
        return self._hold(key)

    @asynccontextmanager
    async def _hold(self, key: str) -> AsyncIterator[None]:
        lock = self._redis.lock(
            f"{self.prefix}lock:{key}",
            timeout=self.lock_timeout_seconds,
            sleep=self.lock_poll_seconds,
            blocking_timeout=self.lock_wait_seconds,
            # The token lives on this Lock object, which only this task uses;
            # thread-local storage would only get in the way of executors.
            thread_local=False,
        )
        with self._errors():
            acquired = await lock.acquire()
        if not acquired:
            raise LockTimeout(f"session lock not acquired within {self.lock_wait_seconds:g} s")
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
                # Held past lock_timeout_seconds and lapsed; put()'s version check
                # has still prevented lost updates. No key in the log: it is a chat id.
                log.warning("session lock lapsed before release (held > %g s)",
                            self.lock_timeout_seconds)
            except RedisError as exc:
                # Do not mask the body's outcome; the lock lapses by its timeout.
                log.warning("session lock release failed: %s", type(exc).__name__)

    async def _renew(self, lock: Any) -> None:
        """Reset the held lock's timeout every third of it, until cancelled."""
        while True:
            await asyncio.sleep(self.lock_timeout_seconds / 3)
            try:
                await lock.reacquire()
            except (LockError, RedisError) as exc:
                # Lost or unreachable: put()'s version check still prevents lost updates.
                log.warning("session lock renewal failed: %s", type(exc).__name__)
                return

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

    async def ping(self) -> bool:
        if self._closed:
            return False
        try:
            return bool(await self._redis.ping())
        except RedisError:
            return False

    async def count(self) -> int:
        cutoff = repr(self._clock() - self.ttl_seconds)
        with self._errors():
            return int(await self._redis.zcount(self._index, cutoff, "+inf"))

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        await self._redis.aclose()
