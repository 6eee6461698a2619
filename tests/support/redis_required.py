"""Skip a test that needs redis-server when it is missing, unless the run requires it.

Who calls it: the Redis fixtures in tests/storage and tests/scale. Under CI
(REQUIRE_REDIS=1 or REQUIRE_SERVICES=1) a missing server fails the test instead.
"""

from __future__ import annotations

import os

import pytest

from bot.redis_server import find_redis_server


def require_redis_server() -> None:
    if find_redis_server() is None:
        reason = "redis-server not found on PATH (apt-get install redis-server)"
        for switch in ("REQUIRE_REDIS", "REQUIRE_SERVICES"):
            if os.environ.get(switch) == "1":
                pytest.fail(f"{switch}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
