"""A pytest plugin that records every flow transition the suite fires.

It wraps FlowMachine.step (every single transition) for the whole run, prints `transition coverage: N/M`,
and fails a full run (no -k, -m or chosen files) that leaves any transition of
content/flow.yaml unexercised, naming the ones missed.
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.case import Case
from flows.content import get_content
from flows.machine import FlowMachine

fired: set[tuple[str, str]] = set()


def defined_transitions() -> set[tuple[str, str]]:
    return {(t.source, t.dest) for t in get_content().flow.transitions}


def pytest_configure(config: pytest.Config) -> None:
    original = FlowMachine.step

    def recording(self: FlowMachine, state: str, case: Case) -> str:
        dest = original(self, state, case)
        fired.add((state, dest))
        return dest

    FlowMachine.step = recording  # type: ignore[method-assign]


def _is_full_run(config: pytest.Config) -> bool:
    chosen = [arg for arg in config.args if arg not in ("tests", "tests/")]
    return not (config.option.keyword or config.option.markexpr or chosen)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    defined = defined_transitions()
    covered = defined & fired
    terminalreporter.write_line(f"transition coverage: {len(covered)}/{len(defined)}")
    missed = sorted(defined - covered)
    if missed and _is_full_run(config):
        terminalreporter.write_line(f"transitions never exercised: {missed}", red=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _is_full_run(session.config) and exitstatus == 0 and defined_transitions() - fired:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
