"""The one interface every channel driver implements, and the error a step raises.

Who uses it: bot/scripts/runner.py drives a conversation through `Driver`; the drivers
in bot/scripts/drivers/ implement it and raise `StepError`. Kept apart from the runner
so that the runner can import the drivers without the drivers importing the runner.
"""

from __future__ import annotations

from typing import Protocol

from bot.scripts.model import Channel
from bot.scripts.observe import TurnView
from flows.content import Content


class StepError(Exception):
    """The step could not be done at all (no such button, the process died, a timeout)."""


class Driver(Protocol):
    """One channel, played from the person's side. Each method returns the turn it caused."""

    channel: Channel
    content: Content  # the content the bot under test was built with, to read its replies by
    transitions: set[tuple[str, str]]  # flow transitions seen (the engine tracks them)

    async def start(self, language: str | None = None) -> TurnView: ...
    async def say(self, text: str) -> TurnView: ...
    async def command(self, name: str) -> TurnView: ...
    async def press(self, label: str) -> TurnView: ...
    async def select(self, labels: list[str]) -> TurnView: ...
    async def read_summary(self, view: TurnView) -> TurnView: ...
    async def close(self) -> None: ...
