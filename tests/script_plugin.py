"""pytest collects conversation scripts: each tests/scripts/*.yaml is one test per channel.

Who uses it: tests/scripts/conftest.py imports `pytest_collect_file` from here, so the
hook only sees files in that folder. A script becomes the items `<file>::engine`,
`<file>::terminal` and `<file>::telegram` (or the channels it names); each runs the script
with bot/scripts/runner.py in a fresh driver, so nothing leaks between tests. A failure
is reported as the runner's report: the step, a diff of what was expected against what
was said, and the transcript so far. A malformed script is one failing item whose
message names the file, the step and the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.fake_telegram import InProcessBotApi
from bot.scripts.drivers.telegram import TOKEN
from bot.scripts.model import Channel, Script, ScriptError, load_script
from bot.scripts.runner import ScriptResult, run_script
from flows.content import get_content
from flows.dialogue import get_engine

CONTENT = get_content()
ENGINE = get_engine()


class ScriptFailed(AssertionError):
    def __init__(self, result: ScriptResult) -> None:
        super().__init__(result.report())
        self.result = result


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix in (".yaml", ".yml"):
        return ScriptFile.from_parent(parent, path=file_path)
    return None


class ScriptFile(pytest.File):
    """One script file; its items are its channels."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            script = load_script(self.path, CONTENT)
        except ScriptError as exc:
            yield BrokenScript.from_parent(self, name="load", error=exc)
            return
        for channel in script.channels:
            yield ScriptItem.from_parent(self, name=channel, script=script, channel=channel)


class ScriptItem(pytest.Item):
    """The script played on one channel."""

    def __init__(self, *, script: Script, channel: Channel, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.script = script
        self.channel = channel
        for tag in script.tags:
            self.extra_keyword_matches.add(tag)  # `-k pregnancy` picks the pregnancy scripts, `-k terminal` a channel

    def runtest(self) -> None:
        result = run_script(self.script, self.channel, ENGINE, self._relative(),
                            telegram_double=lambda: InProcessBotApi(token=TOKEN))
        if not result.ok:
            raise ScriptFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScriptFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.script.name} [{self.channel}]"

    def _relative(self) -> str:
        try:
            return str(self.path.relative_to(self.config.rootpath))
        except ValueError:
            return str(self.path)


class BrokenScript(pytest.Item):
    """A script that could not be loaded: fails with file, step and reason."""

    def __init__(self, *, error: ScriptError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise self.error

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return f"malformed script: {self.error}"

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, "malformed script"
