"""Suite-wide rules: transition coverage, and no silent skips where services are required."""

from __future__ import annotations

import os

import pytest

# PTB 22 warns about its integer retry_after unless opted in to timedelta; with
# warnings as errors that would turn every 429 into a test error.
os.environ.setdefault("PTB_TIMEDELTA", "1")

pytest_plugins = ["tests.transition_coverage"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # Under CI (REQUIRE_SERVICES=1) a skipped test means a real service was missing:
    # that must fail the run, not pass it quietly.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("REQUIRE_SERVICES") == "1" and skipped:
        if reporter:
            reporter.write_line(f"{skipped} test(s) skipped while REQUIRE_SERVICES=1: failing the run", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
