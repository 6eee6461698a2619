"""Run one script on one channel: drive the conversation step by step, check each turn.

Who calls it: `itoh-bot replay` (bot/scripts/cli.py) and the pytest plugin
(tests/script_plugin.py), through `run_script`. The channel drivers
(bot/scripts/drivers/) all implement `Driver` (bot/scripts/driver.py); the runner
starts the conversation in the script's language (step 0: the greeting), then for every step does the
action (and, when it shows the summary's first block, asks for the sections and the
report for the doctor too: `Driver.read_summary`), checks `expect`, and stops at the
first step that fails, since later steps of a conversation that went elsewhere would
only add noise. The result carries the transcript so far, so a failure shows what was
said up to and including the failed turn.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.scripts.check import Mismatch, check, check_not_understood
from bot.scripts.driver import Driver, StepError
from bot.scripts.drivers import make_driver
from bot.scripts.model import Channel, Script, Step
from bot.scripts.observe import TurnView, norm
from flows.content import Content
from flows.dialogue import Engine


@dataclass
class StepResult:
    number: int  # 1-based, as in error messages; 0 is the start of the conversation
    described: str
    mismatches: list[Mismatch] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.mismatches and self.error is None


@dataclass
class ScriptResult:
    path: str
    script: Script
    channel: Channel
    steps: list[StepResult] = field(default_factory=list)
    views: list[TurnView] = field(default_factory=list)
    transitions: set[tuple[str, str]] = field(default_factory=set)
    questions_to_summary: int | None = None  # answered when the summary was first shown (engine)

    @property
    def not_understood(self) -> int:
        """Replies over the conversation that said an answer could not be used."""
        return sum(view.not_understood for view in self.views)

    @property
    def ok(self) -> bool:
        return all(step.ok for step in self.steps)

    @property
    def failed(self) -> StepResult | None:
        return next((step for step in self.steps if not step.ok), None)

    def transcript(self) -> str:
        return "\n".join(view.transcript() for view in self.views) or "(nothing was said)"

    def report(self) -> str:
        """Why the script failed: the step, each expectation as a diff, the transcript so far."""
        failed = self.failed
        if failed is None:
            return f"{self.path} [{self.channel}]: passed ({len(self.steps) - 1} steps)"
        lines = [f"{self.path} [{self.channel}] {self.script.name}",
                 f"step {failed.number} ({failed.described}) failed:"]
        if failed.error is not None:
            lines.append(f"  {failed.error}")
        lines += [mismatch.render() for mismatch in failed.mismatches]
        lines += ["", f"--- transcript so far ({self.channel}) ---", self.transcript()]
        return "\n".join(lines)


def run_script(script: Script, channel: Channel, engine: Engine, path: Path | str = "<script>", *,
               telegram_double: Callable[[], Any] | None = None) -> ScriptResult:
    """Run the whole script on `channel` in a fresh event loop; never raises for a failure.

    For synchronous callers (the CLI, pytest items); inside an event loop, await `run_with`.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass  # no loop running: the normal case
    else:
        raise RuntimeError("run_script() cannot run inside an event loop; await run_with(make_driver(...), ...)")
    driver = make_driver(channel, engine, telegram_double=telegram_double)
    return asyncio.run(run_with(driver, script, str(path)))


async def run_with(driver: Driver, script: Script, path: str) -> ScriptResult:
    result = ScriptResult(path, script, driver.channel)
    try:
        view = await _attempt(result, StepResult(0, "start"), lambda: driver.start(script.language))
        for number, step in enumerate(script.steps, start=1):
            if not result.ok:
                break
            outcome = StepResult(number, step.describe())
            if step.action is not None:
                view = await _attempt(result, outcome, functools.partial(_act, driver, step, view))
            if view is not None and step.expect is not None and outcome.error is None:
                outcome.mismatches = check(step.expect, view, driver.content)
            if step.action is not None and outcome.error is None:
                outcome.mismatches += check_not_understood(script.not_understood_at_most, result.views)
            if step.action is None:
                result.steps.append(outcome)
    finally:
        await driver.close()
        result.transitions = set(driver.transitions)
        result.questions_to_summary = getattr(driver, "questions_to_summary", None)
    return result


async def _attempt(result: ScriptResult, outcome: StepResult,
                   action: Callable[[], Awaitable[TurnView]]) -> TurnView | None:
    """Do one action; record its turn, or the reason it could not be done."""
    result.steps.append(outcome)
    try:
        view: TurnView = await action()
    except StepError as exc:
        outcome.error = str(exc)
        return None
    result.views.append(view)
    return view


async def _act(driver: Driver, step: Step, last: TurnView | None) -> TurnView:
    view = await _action(driver, step, last)
    if view.summary is not None and view.summary.full:
        # The first block of the summary: its sections and the report for the doctor are
        # shown on request; read them as part of this turn (bot/scripts/observe.py).
        view = await driver.read_summary(view)
    return view


async def _action(driver: Driver, step: Step, last: TurnView | None) -> TurnView:
    if step.say is not None:
        return await driver.say(step.say)
    if step.press is not None:
        return await driver.press(step.press)
    if step.select is not None:
        _check_select(driver.content, step.select, last)
        return await driver.select(step.select)
    assert step.command is not None  # Step guarantees exactly one action here
    return await driver.command(step.command.lstrip("/"))


def _check_select(content: Content, labels: list[str], last: TurnView | None) -> None:
    """Refuse a `select` that would mean different things on different channels.

    It is for several-answer questions only; and "Not done" or "Don't know" cannot be
    combined with other answers: on Telegram such a button answers at once, while the
    terminal refuses "1,3".
    """
    if last is None or last.question not in content.questions:
        return
    if not content.questions[last.question].several:
        raise StepError(f"`select` is for questions with several answers; {last.question} takes one: use `press`")
    alone = {norm(content.text(o.label, language)) for o in content.options[last.question] if o.exclusive
             for language in content.languages}
    for label in labels:
        if len(labels) > 1 and norm(label) in alone:
            raise StepError(f"{label!r} is an answer on its own and cannot be combined: use `press: {label}`")
