"""The conversation-script format: what the person does, and what the bot must say.

Who calls it: `itoh-bot replay` / `itoh-bot record` (bot/scripts/cli.py) and the pytest
plugin (tests/script_plugin.py), through `load_script(path, content)`. A script is YAML, meant to
be read by a clinician (docs/scripts.md): a name, optional description and tags, then
steps. Each step is one thing the person does (`say`, `press`, `select`, `command`) with
an optional `expect`, or an `expect` alone (about the greeting, or the last turn again).

Every model forbids unknown keys, and ids (question, condition, triage level, red flag)
are checked against the content given to `load_script` (pydantic's validation context
carries it to the validators), so a typo fails at load with the file, the step number
and the reason (`ScriptError`), never as a puzzling failure mid-run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from flows.content import Content
from flows.yaml_loader import load_yaml

Channel = Literal["engine", "terminal", "telegram"]
CHANNELS: tuple[Channel, ...] = ("engine", "terminal", "telegram")
# The commands the dialogue itself answers (content/ui.yaml); /forget and /quit belong
# to a channel, not to the conversation, so scripts cannot use them portably.
COMMANDS = ("start", "back", "restart", "help", "change", "summary", "why", "more", "report", "language")
CHANGE_MENU = "change"  # `question: change` is the "which answer to change?" menu
LANGUAGE_MENU = "language"  # `question: language` is the "which language?" menu (/language)
# `question: danger_offer` is the choice offered after an emergency warning: "See what to
# do now" or "Carry on answering".
DANGER_OFFER = "danger_offer"
PSEUDO_QUESTIONS = (CHANGE_MENU, DANGER_OFFER, LANGUAGE_MENU)
ACTIONS = ("say", "press", "select", "command")


class ScriptError(ValueError):
    """A script file cannot be used; the message is `file: step N: reason`."""

    def __init__(self, path: Path | str, reason: str, step: int | None = None) -> None:
        self.path = str(path)
        self.step = step
        self.reason = reason
        where = f"{self.path}: step {step}" if step is not None else self.path
        super().__init__(f"{where}: {reason}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _content(info: ValidationInfo) -> Content:
    """The content the ids are checked against: given to `load_script`, passed as the context."""
    content = info.context.get("content") if isinstance(info.context, dict) else None
    if not isinstance(content, Content):
        raise TypeError("validate a script with context={'content': content} (see load_script)")
    return content


def _known(kind: str, value: str, known: list[str]) -> str:
    if value not in known:
        raise ValueError(f"unknown {kind} {value!r}; known: {', '.join(known)}")
    return value


class Range(_Strict):
    """A probability range, 0 to 1; at least one bound."""

    at_least: float | None = Field(default=None, ge=0, le=1)
    at_most: float | None = Field(default=None, ge=0, le=1)

    @model_validator(mode="after")
    def _some_bound(self) -> Range:
        if self.at_least is None and self.at_most is None:
            raise ValueError("give at_least, at_most or both")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError("at_least is above at_most")
        return self

    def describe(self) -> str:
        parts = [f"at least {self.at_least:.0%}" if self.at_least is not None else "",
                 f"at most {self.at_most:.0%}" if self.at_most is not None else ""]
        return " and ".join(p for p in parts if p)


class SummaryExpect(_Strict):
    """What the summary must show. `red_flags` and `not_ruled_out` are exact sets (`[]`: none)."""

    top: str | None = None
    top_probability: Range | None = None
    probabilities: dict[str, Range] = Field(default_factory=dict)
    triage: str | None = None
    red_flags: list[str] | None = None
    not_ruled_out: list[str] | None = None
    disclaimer: bool | None = None

    @field_validator("top")
    @classmethod
    def _condition(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _known("condition", value, list(_content(info).conditions))

    @field_validator("probabilities")
    @classmethod
    def _conditions(cls, value: dict[str, Range], info: ValidationInfo) -> dict[str, Range]:
        for condition in value:
            _known("condition", condition, list(_content(info).conditions))
        return value

    @field_validator("not_ruled_out")
    @classmethod
    def _open(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        for condition in value or []:
            _known("condition", condition, list(_content(info).conditions))
        return value

    @field_validator("triage")
    @classmethod
    def _level(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _known("triage level", value, list(_content(info).triage.levels))

    @field_validator("red_flags")
    @classmethod
    def _flags(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        for flag in value or []:
            _known("red flag", flag, red_flag_ids(_content(info)))
        return value


class Expect(_Strict):
    """What the bot must have said in reply to the step (its turn), and where it now is."""

    question: str | None = None
    says: list[str] = Field(default_factory=list)
    not_says: list[str] = Field(default_factory=list)
    buttons: list[str] | None = None
    buttons_include: list[str] = Field(default_factory=list)
    warns: list[str] | None = None
    ends: bool | None = None
    summary: SummaryExpect | None = None

    _texts = field_validator("says", "not_says", "buttons_include", mode="before")(_one_or_many)

    @field_validator("question")
    @classmethod
    def _question(cls, value: str | None, info: ValidationInfo) -> str | None:
        questions = [*_content(info).questions, *PSEUDO_QUESTIONS]
        return None if value is None else _known("question", value, questions)

    @field_validator("warns")
    @classmethod
    def _flags(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        for flag in value or []:
            _known("red flag", flag, red_flag_ids(_content(info)))
        return value


class Step(_Strict):
    """One thing the person does (at most one action), and what should follow."""

    say: str | None = None
    press: str | None = None
    select: list[str] | None = Field(default=None, min_length=1)
    command: str | None = None
    expect: Expect | None = None

    @field_validator("say", mode="before")
    @classmethod
    def _say_numbers(cls, value: Any) -> Any:
        # `say: 34` is how anyone would write an age; YAML makes it an int.
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value

    @field_validator("command")
    @classmethod
    def _command(cls, value: str | None) -> str | None:
        return None if value is None else _known("command", value.lstrip("/"), list(COMMANDS))

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        actions = [name for name in ACTIONS if getattr(self, name) is not None]
        if len(actions) > 1:
            raise ValueError(f"one action per step, found {' and '.join(actions)}")
        if not actions and self.expect is None:
            raise ValueError(f"a step needs one of {', '.join(ACTIONS)}, or expect")
        return self

    @property
    def action(self) -> str | None:
        return next((name for name in ACTIONS if getattr(self, name) is not None), None)

    def describe(self) -> str:
        """The step as one short line, for reports: `press: "Yes"`."""
        name = self.action
        if name is None:
            return "expect"
        value = getattr(self, name)
        shown = ", ".join(f'"{v}"' for v in value) if isinstance(value, list) else f'"{value}"'
        return f"{name}: {shown}"


class Script(_Strict):
    """A conversation. `language`: the language the person's channel is set to, so the
    conversation starts in it (ui.yaml `languages`; the default language if not given):
    labels to press are then that language's, and the runner reads the replies in it.
    `not_understood_at_most`: how many replies over the whole conversation may say the
    answer was not understood (or ask to clarify it); the step that goes over fails."""

    name: str = Field(min_length=1)
    description: str | None = None
    tags: list[str] = Field(default_factory=list)
    language: str  # when not given, the content's default language (`_default_language`)
    channels: list[Channel] = Field(default_factory=lambda: list(CHANNELS))
    not_understood_at_most: int | None = Field(default=None, ge=0)
    steps: list[Step] = Field(min_length=1)

    @field_validator("language")
    @classmethod
    def _language(cls, value: str, info: ValidationInfo) -> str:
        return _known("language", value, list(_content(info).languages))

    @model_validator(mode="before")
    @classmethod
    def _default_language(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, dict) and "language" not in data:
            return {**data, "language": _content(info).default_language}
        return data


def red_flag_ids(content: Content) -> list[str]:
    return [flag.id for flag in content.triage.red_flags]


def load_script(path: Path, content: Content) -> Script:
    """Read and validate one script file; raise ScriptError naming the file and step."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScriptError(path, f"cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise ScriptError(path, f"not valid YAML{line}: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise ScriptError(path, "a script is a mapping with name and steps")
    try:
        return Script.model_validate(data, context={"content": content})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ScriptError(path, *_reason(error)) from None


def _reason(error: Any) -> tuple[str, int | None]:
    """(reason, step number) from one pydantic error; step numbers count from 1."""
    location = list(error.get("loc", ()))
    step = None
    if len(location) >= 2 and location[0] == "steps" and isinstance(location[1], int):
        step = location[1] + 1
        location = location[2:]
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    if error.get("type") == "extra_forbidden":
        message = f"unknown key {location[-1]!r}"
        location = location[:-1]
    where = ".".join(str(part) for part in location)
    return (f"{where}: {message}" if where else message), step
